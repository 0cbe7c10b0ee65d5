/* bl-annotation-layer.c — the analyst's annotations on the map, and the tools that draw them
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlAnnotationLayer draws the project's annotations (labels, arrows,
 * callouts, circles, areas) in one snapshot with bl_annotation_painter_paint(),
 * the same code an export uses, so what the user draws is what the report
 * shows. It is also where they are drawn and edited, by its tool:
 *  - none: it only draws, and takes no input at all;
 *  - select: a press on an annotation selects it, a drag moves it,
 *    Delete removes it, a double-click (or Enter) edits its text; presses
 *    elsewhere go to the map, which pans;
 *  - text, arrow, callout, circle, area: the layer takes every press (the
 *    map does not pan) and draws: a click places a label and opens an
 *    entry for its text; a drag draws an arrow (tail to head), a callout
 *    (its text, then what it points at) or a circle (centre to rim);
 *    clicks make an area's corners, a double-click or Enter closes it,
 *    Escape cancels.
 * Hit-testing paints each annotation with the same painter into a few
 * pixels around the pointer, so a press hits exactly what is drawn. The
 * tools' input lives in bl-annotation-layer-input.c.
 *
 * Every change goes through the project's BlHistory, one undoable step
 * each; the layer redraws when the history changes. It keeps no copy of
 * the annotations: the project holds them.
 *
 * It does not choose tools or colours itself: BlAnnotationToolbar does.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bl-annotation-layer-private.h"
#include "bl-annotation-painter.h"
#include "bl-spatial-index.h"
#include "bl-map-frame.h"

/* The colour of new annotations until one is chosen: dark red. */
#define DEFAULT_COLOR "#a51d2d"

G_DEFINE_FINAL_TYPE (BlAnnotationLayer, bl_annotation_layer, SHUMATE_TYPE_LAYER)

G_DEFINE_ENUM_TYPE (BlAnnotationTool, bl_annotation_tool,
  G_DEFINE_ENUM_VALUE (BL_ANNOTATION_TOOL_NONE, "none"),
  G_DEFINE_ENUM_VALUE (BL_ANNOTATION_TOOL_SELECT, "select"),
  G_DEFINE_ENUM_VALUE (BL_ANNOTATION_TOOL_TEXT, "text"),
  G_DEFINE_ENUM_VALUE (BL_ANNOTATION_TOOL_ARROW, "arrow"),
  G_DEFINE_ENUM_VALUE (BL_ANNOTATION_TOOL_CALLOUT, "callout"),
  G_DEFINE_ENUM_VALUE (BL_ANNOTATION_TOOL_CIRCLE, "circle"),
  G_DEFINE_ENUM_VALUE (BL_ANNOTATION_TOOL_AREA, "area"))

G_DEFINE_ENUM_TYPE (BlAnnotationSize, bl_annotation_size,
  G_DEFINE_ENUM_VALUE (BL_ANNOTATION_SIZE_SMALL, "small"),
  G_DEFINE_ENUM_VALUE (BL_ANNOTATION_SIZE_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (BL_ANNOTATION_SIZE_LARGE, "large"))

enum {
  PROP_0,
  PROP_TOOL,
  PROP_COLOR,
  PROP_SIZE,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text sizes and line widths, in points, small to large. */
static const double text_points[] = { 10.0, 14.0, 20.0 };
static const double line_points[] = { 1.5, 3.0, 5.0 };

GPtrArray *
bl_annotation_layer_get_annotations (BlAnnotationLayer *self)
{
  return bl_project_get_annotations (bl_history_get_project (self->history));
}

int
bl_annotation_layer_find_index (BlAnnotationLayer *self,
                                const char        *id)
{
  GPtrArray *annotations = bl_annotation_layer_get_annotations (self);

  if (id == NULL)
    return -1;
  for (guint i = 0; i < annotations->len; i++)
    if (g_strcmp0 (((BlAnnotation *) g_ptr_array_index (annotations, i))->id, id) == 0)
      return (int) i;
  return -1;
}

const BlAnnotation *
bl_annotation_layer_find (BlAnnotationLayer *self,
                          const char        *id)
{
  int index = bl_annotation_layer_find_index (self, id);

  return index < 0 ? NULL : g_ptr_array_index (bl_annotation_layer_get_annotations (self), index);
}

static char *
new_id (BlAnnotationLayer *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("n-%08x", g_random_int ());

      if (bl_annotation_layer_find_index (self, id) < 0)
        return id;
      g_free (id);
    }
}

static BlAnnotationSize
size_from_points (BlAnnotationKind kind,
                  double           points)
{
  const double *table = kind == BL_ANNOTATION_TEXT ? text_points : line_points;
  BlAnnotationSize best = BL_ANNOTATION_SIZE_MEDIUM;

  for (int i = BL_ANNOTATION_SIZE_SMALL; i <= BL_ANNOTATION_SIZE_LARGE; i++)
    if (fabs (table[i] - points) < fabs (table[best] - points))
      best = i;
  return best;
}

/* The lon/lat under a point of the layer. */
void
bl_annotation_layer_to_lonlat (BlAnnotationLayer *self,
                               double             x,
                               double             y,
                               double            *lon,
                               double            *lat)
{
  BlMapFrame frame;

  bl_map_frame_for_layer (SHUMATE_LAYER (self), &frame);
  bl_map_frame_to_lonlat (&frame, x, y, lon, lat);
}

void
bl_annotation_layer_lonlat_to_layer (const BlMapFrame *frame,
                                     double            lon,
                                     double            lat,
                                     double           *x,
                                     double           *y)
{
  bl_spatial_lonlat_to_world (lat, lon, frame->zoom, x, y);
  *x -= frame->x;
  *y -= frame->y;
}

BlAnnotation *
bl_annotation_layer_new_annotation (BlAnnotationLayer *self,
                                    BlAnnotationKind   kind,
                                    guint              n_points)
{
  BlAnnotation *a = g_new0 (BlAnnotation, 1);

  a->id = new_id (self);
  a->kind = kind;
  a->n_points = n_points;
  a->points = g_new0 (double, 2 * n_points);
  a->color = g_strdup (self->color);
  a->size = bl_annotation_size_to_points (self->size, kind);
  return a;
}

/* A copy of @a moved by (@dx, @dy) pixels at the current zoom. */
BlAnnotation *
bl_annotation_layer_translate (BlAnnotationLayer  *self,
                               const BlAnnotation *a,
                               double              dx,
                               double              dy)
{
  BlAnnotation *copy = bl_annotation_copy (a);
  double zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));
  BlMapFrame world = { .zoom = zoom, .scale = 1.0 };   /* the whole world, from its corner */

  for (guint i = 0; i < copy->n_points; i++)
    {
      double x, y;

      bl_spatial_lonlat_to_world (copy->points[2 * i + 1], copy->points[2 * i], zoom, &x, &y);
      bl_map_frame_to_lonlat (&world, x + dx, y + dy, &copy->points[2 * i], &copy->points[2 * i + 1]);
    }
  return copy;
}

static void
update_accessible (BlAnnotationLayer *self)
{
  guint n = bl_annotation_layer_get_annotations (self)->len;
  const BlAnnotation *selected = bl_annotation_layer_find (self, self->selected_id);
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", n), n);
  if (selected != NULL && selected->text != NULL)
    text = g_strdup_printf (_("%s. Selected: %s"), count, selected->text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : count,
                                  -1);
}

/* The toolbar shows the selection's colour and size. */
static void
sync_style_from_selection (BlAnnotationLayer *self)
{
  const BlAnnotation *a = bl_annotation_layer_find (self, self->selected_id);
  double rgba[4];
  BlAnnotationSize size;

  if (a == NULL)
    return;

  if (bl_annotation_parse_color (a->color, rgba) && g_ascii_strcasecmp (a->color, self->color) != 0)
    {
      g_free (self->color);
      self->color = g_strdup_printf ("#%02x%02x%02x", (int) round (rgba[0] * 255),
                                     (int) round (rgba[1] * 255), (int) round (rgba[2] * 255));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
    }

  size = size_from_points (a->kind, a->size);
  if (size != self->size)
    {
      self->size = size;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
    }
}

void
bl_annotation_layer_clear_draft (BlAnnotationLayer *self)
{
  g_clear_pointer (&self->draft, bl_annotation_free);
  g_clear_pointer (&self->move_origin, bl_annotation_free);
  self->moving = FALSE;
  self->edit_on_release = FALSE;
}

static void
on_history_changed (BlAnnotationLayer *self)
{
  if (self->selected_id != NULL && bl_annotation_layer_find_index (self, self->selected_id) < 0)
    bl_annotation_layer_select (self, NULL);
  else
    sync_style_from_selection (self);

  if (self->move_origin != NULL && bl_annotation_layer_find_index (self, self->move_origin->id) < 0)
    bl_annotation_layer_clear_draft (self);
  if (self->editing_id != NULL && bl_annotation_layer_find_index (self, self->editing_id) < 0)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_viewport_changed (BlAnnotationLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The corners of an area being drawn, with a line to the pointer. */
static void
paint_area_draft (BlAnnotationLayer *self,
                  cairo_t           *cr,
                  const BlMapFrame  *frame)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_annotation_free);
  guint n = self->area->len / 2;
  guint n_preview = n + (self->pointer_inside ? 1 : 0);
  BlAnnotation *preview;
  double rgba[4];

  /* the corners so far and the pointer: an area once there are three */
  preview = bl_annotation_layer_new_annotation (self, n_preview >= 3 ? BL_ANNOTATION_AREA : BL_ANNOTATION_ARROW,
                                                n_preview);
  memcpy (preview->points, self->area->data, sizeof (double) * 2 * n);
  if (self->pointer_inside)
    bl_annotation_layer_to_lonlat (self, self->pointer_x, self->pointer_y, &preview->points[2 * n], &preview->points[2 * n + 1]);
  g_ptr_array_add (one, preview);

  if (preview->n_points >= 3)
    bl_annotation_painter_paint (cr, frame, one, -1);
  else if (preview->n_points == 2)
    {
      double x0, y0, x1, y1;

      bl_annotation_layer_lonlat_to_layer (frame, preview->points[0], preview->points[1], &x0, &y0);
      bl_annotation_layer_lonlat_to_layer (frame, preview->points[2], preview->points[3], &x1, &y1);
      bl_annotation_parse_color (self->color, rgba);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_set_line_width (cr, preview->size * 96.0 / 72.0);
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 1.0);
      cairo_stroke (cr);
    }

  bl_annotation_parse_color (self->color, rgba);
  for (guint i = 0; i < n; i++)
    {
      double x, y;

      bl_annotation_layer_lonlat_to_layer (frame, preview->points[2 * i], preview->points[2 * i + 1], &x, &y);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, 4.0, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.5);
      cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], 1.0);
      cairo_stroke (cr);
    }
}

static void
bl_annotation_layer_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  BlAnnotationLayer *self = BL_ANNOTATION_LAYER (widget);
  GPtrArray *annotations = bl_annotation_layer_get_annotations (self);
  g_autoptr(GPtrArray) drawn = g_ptr_array_new ();
  const char *highlight_id = self->editing_id ? self->editing_id : self->selected_id;
  int highlighted = -1;
  BlMapFrame frame;
  cairo_t *cr;

  bl_map_frame_for_layer (SHUMATE_LAYER (self), &frame);
  if (frame.width <= 0 || frame.height <= 0)
    return;

  /* the project's annotations, with the one being moved where it goes */
  for (guint i = 0; i < annotations->len; i++)
    {
      BlAnnotation *a = g_ptr_array_index (annotations, i);

      if (self->moving && self->draft != NULL && g_strcmp0 (a->id, self->draft->id) == 0)
        a = self->draft;
      if (g_strcmp0 (a->id, highlight_id) == 0)
        highlighted = (int) drawn->len;
      g_ptr_array_add (drawn, a);
    }
  if (self->draft != NULL && !self->moving)
    g_ptr_array_add (drawn, self->draft);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, frame.width, frame.height));
  bl_annotation_painter_paint (cr, &frame, drawn, highlighted);
  if (self->area->len > 0)
    paint_area_draft (self, cr, &frame);
  cairo_destroy (cr);
}

static void
bl_annotation_layer_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  BlAnnotationLayer *self = BL_ANNOTATION_LAYER (widget);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
bl_annotation_layer_constructed (GObject *object)
{
  BlAnnotationLayer *self = BL_ANNOTATION_LAYER (object);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  G_OBJECT_CLASS (bl_annotation_layer_parent_class)->constructed (object);

  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
}

static void
bl_annotation_layer_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BlAnnotationLayer *self = BL_ANNOTATION_LAYER (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      g_value_set_enum (value, self->tool);
      break;
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    case PROP_SIZE:
      g_value_set_enum (value, self->size);
      break;
    case PROP_SELECTED:
      g_value_set_string (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_annotation_layer_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BlAnnotationLayer *self = BL_ANNOTATION_LAYER (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      bl_annotation_layer_set_tool (self, g_value_get_enum (value));
      break;
    case PROP_COLOR:
      bl_annotation_layer_set_color (self, g_value_get_string (value));
      break;
    case PROP_SIZE:
      bl_annotation_layer_set_size (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_annotation_layer_dispose (GObject *object)
{
  BlAnnotationLayer *self = BL_ANNOTATION_LAYER (object);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->popover != NULL)
    g_signal_handlers_disconnect_by_data (self->popover, self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  self->entry = NULL;
  bl_annotation_layer_clear_draft (self);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (bl_annotation_layer_parent_class)->dispose (object);
}

static void
bl_annotation_layer_finalize (GObject *object)
{
  BlAnnotationLayer *self = BL_ANNOTATION_LAYER (object);

  g_clear_pointer (&self->area, g_array_unref);
  g_free (self->color);
  g_free (self->selected_id);
  g_free (self->editing_id);

  G_OBJECT_CLASS (bl_annotation_layer_parent_class)->finalize (object);
}

static void
bl_annotation_layer_class_init (BlAnnotationLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bl_annotation_layer_constructed;
  object_class->get_property = bl_annotation_layer_get_property;
  object_class->set_property = bl_annotation_layer_set_property;
  object_class->dispose = bl_annotation_layer_dispose;
  object_class->finalize = bl_annotation_layer_finalize;
  widget_class->snapshot = bl_annotation_layer_snapshot;
  widget_class->contains = bl_annotation_layer_contains;
  widget_class->size_allocate = bl_annotation_layer_size_allocate;

  /**
   * BlAnnotationLayer:tool:
   *
   * What a press on the map does.
   */
  properties[PROP_TOOL] =
    g_param_spec_enum ("tool", NULL, NULL,
                       BL_TYPE_ANNOTATION_TOOL, BL_ANNOTATION_TOOL_NONE,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BlAnnotationLayer:color:
   *
   * The colour ("#rrggbb") of new annotations, and of the selected one.
   */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         DEFAULT_COLOR,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BlAnnotationLayer:size:
   *
   * The size of new annotations, and of the selected one.
   */
  properties[PROP_SIZE] =
    g_param_spec_enum ("size", NULL, NULL,
                       BL_TYPE_ANNOTATION_SIZE, BL_ANNOTATION_SIZE_MEDIUM,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BlAnnotationLayer:selected:
   *
   * The id of the selected annotation, or %NULL.
   */
  properties[PROP_SELECTED] =
    g_param_spec_string ("selected", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "annotation-layer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bl_annotation_layer_init (BlAnnotationLayer *self)
{
  self->color = g_strdup (DEFAULT_COLOR);
  self->size = BL_ANNOTATION_SIZE_MEDIUM;
  self->area = g_array_new (FALSE, FALSE, sizeof (double));
  self->hit.generation = G_MAXUINT64;

  bl_annotation_layer_init_input (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Annotations on the map"),
                                  -1);
}

/**
 * bl_annotation_size_to_points:
 * @size: a size
 * @kind: what it is the size of
 *
 * Returns: a label's text size, or a shape's line width, in points
 */
double
bl_annotation_size_to_points (BlAnnotationSize size,
                              BlAnnotationKind kind)
{
  g_return_val_if_fail (size <= BL_ANNOTATION_SIZE_LARGE, 0.0);

  return kind == BL_ANNOTATION_TEXT ? text_points[size] : line_points[size];
}

/**
 * bl_annotation_layer_new:
 * @viewport: the map's viewport
 * @history: the project's history: the annotations are its project's, and
 *   every change goes through it
 *
 * Returns: (transfer full): a new layer for a #ShumateMap
 */
BlAnnotationLayer *
bl_annotation_layer_new (ShumateViewport *viewport,
                         BlHistory       *history)
{
  BlAnnotationLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (BL_IS_HISTORY (history), NULL);

  self = g_object_new (BL_TYPE_ANNOTATION_LAYER, "viewport", viewport, NULL);
  self->history = g_object_ref (history);
  g_signal_connect_swapped (history, "changed", G_CALLBACK (on_history_changed), self);
  update_accessible (self);

  return self;
}

/**
 * bl_annotation_layer_get_history:
 *
 * Returns: (transfer none): the history changes go through
 */
BlHistory *
bl_annotation_layer_get_history (BlAnnotationLayer *self)
{
  g_return_val_if_fail (BL_IS_ANNOTATION_LAYER (self), NULL);
  return self->history;
}

BlAnnotationTool
bl_annotation_layer_get_tool (BlAnnotationLayer *self)
{
  g_return_val_if_fail (BL_IS_ANNOTATION_LAYER (self), BL_ANNOTATION_TOOL_NONE);
  return self->tool;
}

/**
 * bl_annotation_layer_set_tool:
 *
 * Chooses what a press on the map does. Whatever was half drawn is
 * dropped; the selection is kept only by the select tool.
 */
void
bl_annotation_layer_set_tool (BlAnnotationLayer *self,
                              BlAnnotationTool   tool)
{
  static const char *cursors[] = {
    [BL_ANNOTATION_TOOL_NONE] = NULL,
    [BL_ANNOTATION_TOOL_SELECT] = "move",
    [BL_ANNOTATION_TOOL_TEXT] = "text",
    [BL_ANNOTATION_TOOL_ARROW] = "crosshair",
    [BL_ANNOTATION_TOOL_CALLOUT] = "crosshair",
    [BL_ANNOTATION_TOOL_CIRCLE] = "crosshair",
    [BL_ANNOTATION_TOOL_AREA] = "crosshair",
  };

  g_return_if_fail (BL_IS_ANNOTATION_LAYER (self));
  g_return_if_fail (tool <= BL_ANNOTATION_TOOL_AREA);

  if (self->tool == tool)
    return;

  bl_annotation_layer_cancel (self);
  self->tool = tool;
  if (tool != BL_ANNOTATION_TOOL_SELECT)
    bl_annotation_layer_select (self, NULL);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursors[tool]);
  gtk_widget_set_focusable (GTK_WIDGET (self), tool != BL_ANNOTATION_TOOL_NONE);
  self->hit.generation = G_MAXUINT64;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
bl_annotation_layer_get_color (BlAnnotationLayer *self)
{
  g_return_val_if_fail (BL_IS_ANNOTATION_LAYER (self), NULL);
  return self->color;
}

/**
 * bl_annotation_layer_set_color:
 * @color: "#rrggbb"
 *
 * Sets the colour of new annotations; a selected annotation takes it too,
 * as one step to undo ("Style Annotation").
 */
void
bl_annotation_layer_set_color (BlAnnotationLayer *self,
                               const char        *color)
{
  const BlAnnotation *selected;
  double rgba[4];
  g_autofree char *normal = NULL;

  g_return_if_fail (BL_IS_ANNOTATION_LAYER (self));
  g_return_if_fail (bl_annotation_parse_color (color, rgba));

  normal = g_strdup_printf ("#%02x%02x%02x", (int) round (rgba[0] * 255),
                            (int) round (rgba[1] * 255), (int) round (rgba[2] * 255));
  if (g_strcmp0 (normal, self->color) != 0)
    {
      g_free (self->color);
      self->color = g_steal_pointer (&normal);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
    }

  selected = bl_annotation_layer_find (self, self->selected_id);
  if (selected != NULL && g_ascii_strcasecmp (selected->color ? selected->color : "", self->color) != 0)
    {
      BlAnnotation *copy = bl_annotation_copy (selected);

      g_free (copy->color);
      copy->color = g_strdup (self->color);
      bl_history_replace_annotation (self->history, copy, _("Style Annotation"));
      bl_annotation_free (copy);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

BlAnnotationSize
bl_annotation_layer_get_size (BlAnnotationLayer *self)
{
  g_return_val_if_fail (BL_IS_ANNOTATION_LAYER (self), BL_ANNOTATION_SIZE_MEDIUM);
  return self->size;
}

/**
 * bl_annotation_layer_set_size:
 *
 * Sets the size of new annotations; a selected annotation takes it too,
 * as one step to undo ("Style Annotation").
 */
void
bl_annotation_layer_set_size (BlAnnotationLayer *self,
                              BlAnnotationSize   size)
{
  const BlAnnotation *selected;

  g_return_if_fail (BL_IS_ANNOTATION_LAYER (self));
  g_return_if_fail (size <= BL_ANNOTATION_SIZE_LARGE);

  if (self->size != size)
    {
      self->size = size;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
    }

  selected = bl_annotation_layer_find (self, self->selected_id);
  if (selected != NULL && size_from_points (selected->kind, selected->size) != size)
    {
      BlAnnotation *copy = bl_annotation_copy (selected);

      copy->size = bl_annotation_size_to_points (size, copy->kind);
      bl_history_replace_annotation (self->history, copy, _("Style Annotation"));
      bl_annotation_free (copy);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bl_annotation_layer_get_selected:
 *
 * Returns: (nullable): the id of the selected annotation
 */
const char *
bl_annotation_layer_get_selected (BlAnnotationLayer *self)
{
  g_return_val_if_fail (BL_IS_ANNOTATION_LAYER (self), NULL);
  return self->selected_id;
}

/**
 * bl_annotation_layer_select:
 * @annotation_id: (nullable): an annotation of the project, or %NULL
 *
 * Selects an annotation (it is drawn highlighted, and the colour and size
 * show its own), or none.
 */
void
bl_annotation_layer_select (BlAnnotationLayer *self,
                            const char        *annotation_id)
{
  g_return_if_fail (BL_IS_ANNOTATION_LAYER (self));

  if (annotation_id != NULL && bl_annotation_layer_find_index (self, annotation_id) < 0)
    annotation_id = NULL;
  if (g_strcmp0 (annotation_id, self->selected_id) == 0)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (annotation_id);
  sync_style_from_selection (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bl_annotation_layer_delete_selected:
 *
 * Removes the selected annotation, as one step to undo.
 *
 * Returns: %FALSE when nothing was selected
 */
gboolean
bl_annotation_layer_delete_selected (BlAnnotationLayer *self)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (BL_IS_ANNOTATION_LAYER (self), FALSE);

  if (self->selected_id == NULL)
    return FALSE;

  id = g_strdup (self->selected_id);
  bl_annotation_layer_select (self, NULL);
  return bl_history_remove_annotation (self->history, id, _("Delete Annotation"));
}

/**
 * bl_annotation_layer_cancel:
 *
 * Drops whatever is half drawn or half moved, and closes the text entry
 * without keeping its text.
 */
void
bl_annotation_layer_cancel (BlAnnotationLayer *self)
{
  g_return_if_fail (BL_IS_ANNOTATION_LAYER (self));

  if (self->popover != NULL && gtk_widget_get_visible (self->popover))
    {
      self->text_cancelled = TRUE;
      gtk_popover_popdown (GTK_POPOVER (self->popover));
    }
  bl_annotation_layer_clear_draft (self);
  g_array_set_size (self->area, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bl_annotation_layer_get_frame:
 * @frame: (out caller-allocates): what the layer shows now
 */
void
bl_annotation_layer_get_frame (BlAnnotationLayer *self,
                               BlMapFrame        *frame)
{
  g_return_if_fail (BL_IS_ANNOTATION_LAYER (self));
  g_return_if_fail (frame != NULL);

  bl_map_frame_for_layer (SHUMATE_LAYER (self), frame);
}

/**
 * bl_annotation_layer_locate:
 * @annotation_id: an annotation
 * @x: (out): where its first point is drawn, in layer coordinates
 * @y: (out): likewise
 *
 * Returns: %FALSE when the project has no such annotation
 */
gboolean
bl_annotation_layer_locate (BlAnnotationLayer *self,
                            const char        *annotation_id,
                            double            *x,
                            double            *y)
{
  const BlAnnotation *a;
  BlMapFrame frame;

  g_return_val_if_fail (BL_IS_ANNOTATION_LAYER (self), FALSE);

  a = bl_annotation_layer_find (self, annotation_id);
  if (a == NULL || a->n_points == 0)
    return FALSE;

  bl_map_frame_for_layer (SHUMATE_LAYER (self), &frame);
  bl_annotation_layer_lonlat_to_layer (&frame, a->points[0], a->points[1], x, y);
  return TRUE;
}
