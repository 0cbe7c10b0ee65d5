/* bl-comparison-panel.h — who says what about a topic, in the side panel
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-comparison.h"
#include "bl-selection.h"
#include "bl-visible-claims.h"

G_BEGIN_DECLS

/* How long the panel waits at least between two rebuilds, in ms, so that
 * dragging the timeline does not rebuild it on every frame. */
#define BL_COMPARISON_PANEL_REBUILD_INTERVAL 120

#define BL_TYPE_COMPARISON_PANEL (bl_comparison_panel_get_type ())
G_DECLARE_FINAL_TYPE (BlComparisonPanel, bl_comparison_panel, BL, COMPARISON_PANEL, GtkWidget)

GtkWidget     *bl_comparison_panel_new                (void);
void           bl_comparison_panel_set_visible_claims (BlComparisonPanel *self,
                                                       BlVisibleClaims   *visible);
void           bl_comparison_panel_set_selection      (BlComparisonPanel *self,
                                                       BlSelection       *selection);
guint32        bl_comparison_panel_get_topic          (BlComparisonPanel *self);
void           bl_comparison_panel_set_topic          (BlComparisonPanel *self,
                                                       guint32            topic);
BlComparison  *bl_comparison_panel_get_comparison     (BlComparisonPanel *self);

G_END_DECLS
