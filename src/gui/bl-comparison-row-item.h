/* bl-comparison-row-item.h — one row of the comparison table, as an object
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-comparison.h"

G_BEGIN_DECLS

#define BL_TYPE_COMPARISON_ROW_ITEM (bl_comparison_row_item_get_type ())
G_DECLARE_FINAL_TYPE (BlComparisonRowItem, bl_comparison_row_item, BL, COMPARISON_ROW_ITEM, GObject)

BlComparisonRowItem *bl_comparison_row_item_new          (BlComparison        *comparison,
                                                          guint                row,
                                                          const GdkRGBA       *color);

guint          bl_comparison_row_item_get_row            (BlComparisonRowItem *self);
const char    *bl_comparison_row_item_get_claim_id       (BlComparisonRowItem *self);
guint32        bl_comparison_row_item_get_source_index   (BlComparisonRowItem *self);
const char    *bl_comparison_row_item_get_claimant       (BlComparisonRowItem *self);
const char    *bl_comparison_row_item_get_affiliation    (BlComparisonRowItem *self);
const char    *bl_comparison_row_item_get_source         (BlComparisonRowItem *self);
const char    *bl_comparison_row_item_get_topic          (BlComparisonRowItem *self);
const char    *bl_comparison_row_item_get_statement      (BlComparisonRowItem *self);
const BlDate  *bl_comparison_row_item_get_said_on        (BlComparisonRowItem *self);
const char    *bl_comparison_row_item_get_said_on_text   (BlComparisonRowItem *self);
const char    *bl_comparison_row_item_get_figure         (BlComparisonRowItem *self);
void           bl_comparison_row_item_get_range          (BlComparisonRowItem *self,
                                                          double              *min,
                                                          double              *max);
guint          bl_comparison_row_item_get_flags          (BlComparisonRowItem *self);
BlStance       bl_comparison_row_item_get_stance         (BlComparisonRowItem *self);
const char    *bl_comparison_row_item_get_stance_label   (BlComparisonRowItem *self);
guint          bl_comparison_row_item_get_reliability    (BlComparisonRowItem *self);
guint          bl_comparison_row_item_get_credibility    (BlComparisonRowItem *self);
const GdkRGBA *bl_comparison_row_item_get_color          (BlComparisonRowItem *self);

G_END_DECLS
