/* bl-annotation-layer-private.h — what the annotation layer's files share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The annotation layer is split by concern: bl-annotation-layer.c holds
 * the class, its properties, its drawing and its API;
 * bl-annotation-layer-input.c the tools: pointer, keys, the text entry
 * and hit-testing.
 */
#pragma once

#include "bl-annotation-layer.h"

G_BEGIN_DECLS

struct _BlAnnotationLayer
{
  ShumateLayer      parent_instance;

  /* owned */
  BlHistory        *history;
  GtkWidget        *popover;
  GtkWidget        *entry;
  char             *color;
  char             *selected_id;

  BlAnnotationTool  tool;
  BlAnnotationSize  size;

  /* a shape being drawn, a copy being moved, or a label awaiting text */
  BlAnnotation     *draft;
  BlAnnotation     *move_origin;
  gboolean          moving;
  gboolean          edit_on_release;
  char             *editing_id;
  gboolean          text_cancelled;

  /* the corners of an area being drawn: lon/lat pairs */
  GArray           *area;
  double            pointer_x;
  double            pointer_y;
  gboolean          pointer_inside;

  /* for telling a double-click */
  guint32           last_press_time;
  double            last_press_x;
  double            last_press_y;

  /* the last hit-test, for picking on every pointer motion */
  struct {
    double  x, y, frame_x, frame_y, zoom;
    guint64 generation;
    int     result;
  } hit;
};

/* bl-annotation-layer.c */
GPtrArray          *bl_annotation_layer_get_annotations (BlAnnotationLayer  *self);
int                 bl_annotation_layer_find_index      (BlAnnotationLayer  *self,
                                                         const char         *id);
const BlAnnotation *bl_annotation_layer_find            (BlAnnotationLayer  *self,
                                                         const char         *id);
void                bl_annotation_layer_to_lonlat       (BlAnnotationLayer  *self,
                                                         double              x,
                                                         double              y,
                                                         double             *lon,
                                                         double             *lat);
void                bl_annotation_layer_lonlat_to_layer (const BlMapFrame   *frame,
                                                         double              lon,
                                                         double              lat,
                                                         double             *x,
                                                         double             *y);
BlAnnotation       *bl_annotation_layer_new_annotation  (BlAnnotationLayer  *self,
                                                         BlAnnotationKind    kind,
                                                         guint               n_points);
BlAnnotation       *bl_annotation_layer_translate       (BlAnnotationLayer  *self,
                                                         const BlAnnotation *annotation,
                                                         double              dx,
                                                         double              dy);
void                bl_annotation_layer_clear_draft     (BlAnnotationLayer  *self);

/* bl-annotation-layer-input.c */
void                bl_annotation_layer_init_input      (BlAnnotationLayer  *self);
gboolean            bl_annotation_layer_contains        (GtkWidget          *widget,
                                                         double              x,
                                                         double              y);

G_END_DECLS
