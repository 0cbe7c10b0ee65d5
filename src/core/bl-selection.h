/* bl-selection.h — which claim is selected, shared by every view
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BL_TYPE_SELECTION (bl_selection_get_type ())
G_DECLARE_FINAL_TYPE (BlSelection, bl_selection, BL, SELECTION, GObject)

BlSelection *bl_selection_new          (void);
const char  *bl_selection_get_claim_id (BlSelection *self);
void         bl_selection_set_claim_id (BlSelection *self,
                                        const char  *claim_id);
void         bl_selection_clear        (BlSelection *self);

G_END_DECLS
