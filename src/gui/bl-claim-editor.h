/* bl-claim-editor.h — a window that creates or edits one claim
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bl-basemap-data.h"
#include "bl-history.h"

G_BEGIN_DECLS

#define BL_TYPE_CLAIM_EDITOR (bl_claim_editor_get_type ())
G_DECLARE_FINAL_TYPE (BlClaimEditor, bl_claim_editor, BL, CLAIM_EDITOR, AdwWindow)

BlClaimEditor *bl_claim_editor_new                (BlHistory     *history,
                                                   const char    *claim_id);
BlHistory     *bl_claim_editor_get_history        (BlClaimEditor *self);
const char    *bl_claim_editor_get_claim_id       (BlClaimEditor *self);
gboolean       bl_claim_editor_get_is_new         (BlClaimEditor *self);
gboolean       bl_claim_editor_get_valid          (BlClaimEditor *self);
gboolean       bl_claim_editor_get_modified       (BlClaimEditor *self);
void           bl_claim_editor_set_basemap_data   (BlClaimEditor *self,
                                                   BlBasemapData *data);
void           bl_claim_editor_set_location       (BlClaimEditor *self,
                                                   double         lat,
                                                   double         lon);
gboolean       bl_claim_editor_save               (BlClaimEditor *self);

G_END_DECLS
