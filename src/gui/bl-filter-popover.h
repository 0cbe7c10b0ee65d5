/* bl-filter-popover.h — the filter's criteria, chosen in a popover
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-filter.h"
#include "bl-project.h"

G_BEGIN_DECLS

#define BL_TYPE_FILTER_POPOVER (bl_filter_popover_get_type ())
G_DECLARE_FINAL_TYPE (BlFilterPopover, bl_filter_popover, BL, FILTER_POPOVER, GtkPopover)

GtkWidget *bl_filter_popover_new          (BlFilter        *filter);
void       bl_filter_popover_set_project  (BlFilterPopover *self,
                                           BlProject       *project);
void       bl_filter_popover_attach       (BlFilterPopover *self,
                                           GtkMenuButton   *button);
guint      bl_filter_popover_get_n_active (BlFilterPopover *self);
void       bl_filter_popover_clear        (BlFilterPopover *self);

G_END_DECLS
