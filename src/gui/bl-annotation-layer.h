/* bl-annotation-layer.h — the analyst's annotations on the map, and the tools that draw them
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "bl-claim-painter.h"
#include "bl-history.h"

G_BEGIN_DECLS

/**
 * BlAnnotationTool:
 * @BL_ANNOTATION_TOOL_NONE: the layer only draws; the map takes all input
 * @BL_ANNOTATION_TOOL_SELECT: click to select, drag to move, Delete to remove
 * @BL_ANNOTATION_TOOL_TEXT: click to place a label, then type its text
 * @BL_ANNOTATION_TOOL_ARROW: drag from the tail to the head
 * @BL_ANNOTATION_TOOL_CALLOUT: drag from the text to what it points at,
 *   then type the text (an arrow with a label at its tail)
 * @BL_ANNOTATION_TOOL_CIRCLE: drag from the centre to the rim
 * @BL_ANNOTATION_TOOL_AREA: click the corners; double-click or Enter
 *   closes, Escape cancels
 *
 * What a press on the map does.
 */
typedef enum {
  BL_ANNOTATION_TOOL_NONE,
  BL_ANNOTATION_TOOL_SELECT,
  BL_ANNOTATION_TOOL_TEXT,
  BL_ANNOTATION_TOOL_ARROW,
  BL_ANNOTATION_TOOL_CALLOUT,
  BL_ANNOTATION_TOOL_CIRCLE,
  BL_ANNOTATION_TOOL_AREA,
} BlAnnotationTool;

/**
 * BlAnnotationSize:
 * @BL_ANNOTATION_SIZE_SMALL: small text, thin lines
 * @BL_ANNOTATION_SIZE_MEDIUM: the default
 * @BL_ANNOTATION_SIZE_LARGE: large text, thick lines
 *
 * The sizes offered for new and selected annotations. A label's size is
 * its text size, a shape's its line width.
 */
typedef enum {
  BL_ANNOTATION_SIZE_SMALL,
  BL_ANNOTATION_SIZE_MEDIUM,
  BL_ANNOTATION_SIZE_LARGE,
} BlAnnotationSize;

#define BL_TYPE_ANNOTATION_TOOL (bl_annotation_tool_get_type ())
GType bl_annotation_tool_get_type (void) G_GNUC_CONST;

#define BL_TYPE_ANNOTATION_SIZE (bl_annotation_size_get_type ())
GType bl_annotation_size_get_type (void) G_GNUC_CONST;

double bl_annotation_size_to_points (BlAnnotationSize  size,
                                     BlAnnotationKind  kind);

#define BL_TYPE_ANNOTATION_LAYER (bl_annotation_layer_get_type ())
G_DECLARE_FINAL_TYPE (BlAnnotationLayer, bl_annotation_layer, BL, ANNOTATION_LAYER, ShumateLayer)

BlAnnotationLayer *bl_annotation_layer_new          (ShumateViewport   *viewport,
                                                     BlHistory         *history);
BlHistory         *bl_annotation_layer_get_history  (BlAnnotationLayer *self);

BlAnnotationTool   bl_annotation_layer_get_tool     (BlAnnotationLayer *self);
void               bl_annotation_layer_set_tool     (BlAnnotationLayer *self,
                                                     BlAnnotationTool   tool);
const char        *bl_annotation_layer_get_color    (BlAnnotationLayer *self);
void               bl_annotation_layer_set_color    (BlAnnotationLayer *self,
                                                     const char        *color);
BlAnnotationSize   bl_annotation_layer_get_size     (BlAnnotationLayer *self);
void               bl_annotation_layer_set_size     (BlAnnotationLayer *self,
                                                     BlAnnotationSize   size);

const char        *bl_annotation_layer_get_selected (BlAnnotationLayer *self);
void               bl_annotation_layer_select       (BlAnnotationLayer *self,
                                                     const char        *annotation_id);
gboolean           bl_annotation_layer_delete_selected (BlAnnotationLayer *self);
void               bl_annotation_layer_cancel       (BlAnnotationLayer *self);

void               bl_annotation_layer_get_frame    (BlAnnotationLayer *self,
                                                     BlMapFrame        *frame);
gboolean           bl_annotation_layer_locate       (BlAnnotationLayer *self,
                                                     const char        *annotation_id,
                                                     double            *x,
                                                     double            *y);

G_END_DECLS
