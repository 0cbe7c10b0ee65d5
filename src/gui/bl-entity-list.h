/* bl-entity-list.h — the project's claimants, sources or topics, managed
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bl-history.h"

G_BEGIN_DECLS

#define BL_TYPE_ENTITY_LIST (bl_entity_list_get_type ())
G_DECLARE_FINAL_TYPE (BlEntityList, bl_entity_list, BL, ENTITY_LIST, AdwWindow)

BlEntityList *bl_entity_list_new          (BlHistory    *history,
                                           BlEntityKind  kind);
BlEntityKind  bl_entity_list_get_kind     (BlEntityList *self);
guint         bl_entity_list_count_claims (BlEntityList *self,
                                           guint         index);
guint         bl_entity_list_merge        (BlEntityList *self,
                                           const char   *keep_id,
                                           const char * const *merged_ids);
gboolean      bl_entity_list_delete       (BlEntityList *self,
                                           const char   *id);
gboolean      bl_entity_list_rename       (BlEntityList *self,
                                           const char   *id,
                                           const char   *name);

G_END_DECLS
