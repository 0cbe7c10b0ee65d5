/* bl-comparison-row-list.h — a comparison's rows as a list model
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-comparison.h"
#include "bl-comparison-row-item.h"

G_BEGIN_DECLS

/**
 * BlRowColorFunc:
 * @actor: a claimant's index
 * @color: (out): the colour its rows are marked with
 * @user_data: the data given with the function
 */
typedef void (*BlRowColorFunc) (guint32   actor,
                                GdkRGBA  *color,
                                gpointer  user_data);

#define BL_TYPE_COMPARISON_ROW_LIST (bl_comparison_row_list_get_type ())
G_DECLARE_FINAL_TYPE (BlComparisonRowList, bl_comparison_row_list, BL, COMPARISON_ROW_LIST, GObject)

BlComparisonRowList *bl_comparison_row_list_new            (BlRowColorFunc       color_func,
                                                            gpointer             user_data);
void                 bl_comparison_row_list_set_comparison (BlComparisonRowList *self,
                                                            BlComparison        *comparison);
BlComparison        *bl_comparison_row_list_get_comparison (BlComparisonRowList *self);
guint                bl_comparison_row_list_get_n_made     (BlComparisonRowList *self);

G_END_DECLS
