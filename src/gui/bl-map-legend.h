/* bl-map-legend.h — what the map's colours and shapes mean
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-claim-painter.h"

G_BEGIN_DECLS

#define BL_TYPE_MAP_LEGEND (bl_map_legend_get_type ())
G_DECLARE_FINAL_TYPE (BlMapLegend, bl_map_legend, BL, MAP_LEGEND, GtkWidget)

GtkWidget *bl_map_legend_new         (void);
void       bl_map_legend_set_painter (BlMapLegend    *self,
                                      BlClaimPainter *painter);
void       bl_map_legend_update      (BlMapLegend    *self);

G_END_DECLS
