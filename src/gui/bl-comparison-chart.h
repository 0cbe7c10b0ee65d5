/* bl-comparison-chart.h — the comparison's figures on one axis, on screen
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-claim-painter.h"
#include "bl-comparison-export.h"

G_BEGIN_DECLS

#define BL_TYPE_COMPARISON_CHART (bl_comparison_chart_get_type ())
G_DECLARE_FINAL_TYPE (BlComparisonChart, bl_comparison_chart, BL, COMPARISON_CHART, GtkWidget)

GtkWidget    *bl_comparison_chart_new               (void);
BlComparison *bl_comparison_chart_get_comparison    (BlComparisonChart *self);
void          bl_comparison_chart_set_comparison    (BlComparisonChart *self,
                                                     BlComparison      *comparison);
void          bl_comparison_chart_set_painter       (BlComparisonChart *self,
                                                     BlClaimPainter    *painter);
void          bl_comparison_chart_get_claimant_color (BlComparisonChart *self,
                                                      guint32            actor,
                                                      GdkRGBA           *color);
void          bl_comparison_chart_get_style         (BlComparisonChart *self,
                                                     BlChartStyle      *style);
char         *bl_comparison_chart_describe          (BlComparison      *comparison);

G_END_DECLS
