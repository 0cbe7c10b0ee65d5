/* bl-merge-private.h — what the parts of the merge share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The merge is split in two: bl-merge.c (planning and carrying out a
 * merge) and bl-merge-fingerprint.c (names, content keys, fingerprints
 * and the origins they are kept in).
 */
#pragma once

#include "bl-merge.h"

G_BEGIN_DECLS

char       *bl_merge_content_key      (const BlClaimRecord *r,
                                       const char          *actor_id,
                                       const char          *source_id);
char       *bl_merge_fingerprint_ids  (const BlClaimRecord *r,
                                       const char          *actor_id,
                                       const char          *source_id,
                                       const char          *topic_id);
const char *bl_merge_actor_id_at      (BlProject           *project,
                                       guint32              index);
const char *bl_merge_source_id_at     (BlProject           *project,
                                       guint32              index);
gboolean    bl_merge_origins_contain  (GHashTable          *origins,
                                       const char          *claim_id,
                                       const char          *fp);
void        bl_merge_origins_remember (GHashTable          *origins,
                                       const char          *claim_id,
                                       const char          *fp);

G_END_DECLS
