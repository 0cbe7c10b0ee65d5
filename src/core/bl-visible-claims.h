/* bl-visible-claims.h — the claims a filter lets through
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bl-filter.h"
#include "bl-project.h"

G_BEGIN_DECLS

#define BL_TYPE_VISIBLE_CLAIMS (bl_visible_claims_get_type ())
G_DECLARE_FINAL_TYPE (BlVisibleClaims, bl_visible_claims, BL, VISIBLE_CLAIMS, GObject)

BlVisibleClaims *bl_visible_claims_new          (BlProject       *project,
                                                 BlFilter        *filter);
BlProject       *bl_visible_claims_get_project  (BlVisibleClaims *self);
BlFilter        *bl_visible_claims_get_filter   (BlVisibleClaims *self);
const guint32   *bl_visible_claims_get_indices  (BlVisibleClaims *self,
                                                 guint           *n_indices);
const guint8    *bl_visible_claims_get_mask     (BlVisibleClaims *self);
gboolean         bl_visible_claims_contains     (BlVisibleClaims *self,
                                                 guint            index);
guint            bl_visible_claims_find         (BlVisibleClaims *self,
                                                 guint            index);
BlTimeIndex     *bl_visible_claims_get_time_index (BlVisibleClaims *self,
                                                   BlClock          clock);
gboolean         bl_visible_claims_passes_criteria (BlVisibleClaims *self,
                                                    guint            index);
const guint8    *bl_visible_claims_get_criteria_mask (BlVisibleClaims *self);

G_END_DECLS
