/* bl-claim.h — one claim, as an object for lists and dialogs
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bl-claim-store.h"

G_BEGIN_DECLS

#define BL_TYPE_CLAIM (bl_claim_get_type ())
G_DECLARE_FINAL_TYPE (BlClaim, bl_claim, BL, CLAIM, GObject)

BlClaim      *bl_claim_new        (BlClaimStore  *store,
                                   guint          index);
BlClaimStore *bl_claim_get_store  (BlClaim       *self);
const char   *bl_claim_get_id     (BlClaim       *self);
guint         bl_claim_get_index  (BlClaim       *self);
gboolean      bl_claim_get_record (BlClaim       *self,
                                   BlClaimRecord *record);

G_END_DECLS
