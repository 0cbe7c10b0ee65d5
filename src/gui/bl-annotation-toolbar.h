/* bl-annotation-toolbar.h — the tools, colours and sizes of the annotation layer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-annotation-layer.h"

G_BEGIN_DECLS

/* The colours offered for annotations, as "#rrggbb". */
#define BL_ANNOTATION_N_COLORS 6

#define BL_TYPE_ANNOTATION_TOOLBAR (bl_annotation_toolbar_get_type ())
G_DECLARE_FINAL_TYPE (BlAnnotationToolbar, bl_annotation_toolbar, BL, ANNOTATION_TOOLBAR, GtkBox)

GtkWidget         *bl_annotation_toolbar_new               (void);
BlAnnotationLayer *bl_annotation_toolbar_get_layer         (BlAnnotationToolbar *self);
void               bl_annotation_toolbar_set_layer         (BlAnnotationToolbar *self,
                                                            BlAnnotationLayer   *layer);
void               bl_annotation_toolbar_install_shortcuts (BlAnnotationToolbar *self,
                                                            GtkWidget           *widget);
const char        *bl_annotation_toolbar_get_palette_color (guint                index);

G_END_DECLS
