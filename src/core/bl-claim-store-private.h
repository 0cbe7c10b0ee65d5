/* bl-claim-store-private.h — what only core's loaders use
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-claim-store.h"

G_BEGIN_DECLS

void bl_claim_store_remap_references (BlClaimStore  *self,
                                      guint32        pending_bit,
                                      const guint32 *actor_map,
                                      const guint32 *source_map,
                                      const guint32 *topic_map);
void bl_claim_store_shift_references (BlClaimStore  *self,
                                      BlEntityKind   kind,
                                      guint32        index,
                                      gboolean       inserted);

void bl_claim_store_trim               (BlClaimStore  *self);

G_END_DECLS
