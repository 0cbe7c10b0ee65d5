/* bl-annotation-layer-input.c — how the annotation layer's tools answer the pointer and the keys
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tools of BlAnnotationLayer (see bl-annotation-layer.c): the drag
 * gesture that draws, selects and moves, the keys (Escape, Enter,
 * Delete), the entry in which a label's text is typed, hit-testing, and
 * which presses the layer takes from the map at all (its `contains`).
 * Every change it makes goes through the project's BlHistory.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bl-annotation-layer-private.h"
#include "bl-annotation-painter.h"
#include "bl-widget-util.h"

/* How far from what is drawn a press still hits it, in pixels. */
#define HIT_RADIUS 5

/* A press that moves less than this is a click, in pixels. */
#define MIN_DRAG 4.0

/* The longest text a label takes, in characters. */
#define MAX_TEXT 500

/* The annotation drawn topmost at a point of the layer, or -1: each one is
 * painted by the export painter into the few pixels around the point. */
static int
find_at (BlAnnotationLayer *self,
         double             x,
         double             y)
{
  GPtrArray *annotations = bl_annotation_layer_get_annotations (self);
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  const int side = 2 * HIT_RADIUS + 1;
  cairo_surface_t *surface;
  BlMapFrame frame;
  cairo_t *cr;
  int found = -1;

  bl_annotation_layer_get_frame (self, &frame);
  if (self->hit.generation == bl_history_get_generation (self->history) &&
      self->hit.x == x && self->hit.y == y && self->hit.zoom == frame.zoom &&
      self->hit.frame_x == frame.x && self->hit.frame_y == frame.y)
    return self->hit.result;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, side, side);
  cr = cairo_create (surface);
  frame.x += x - HIT_RADIUS;
  frame.y += y - HIT_RADIUS;
  frame.width = frame.height = side;
  g_ptr_array_add (one, NULL);

  for (int i = (int) annotations->len - 1; i >= 0 && found < 0; i--)
    {
      const guint8 *data;
      int stride;

      cairo_save (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_restore (cr);

      one->pdata[0] = g_ptr_array_index (annotations, i);
      bl_annotation_painter_paint (cr, &frame, one, -1);
      cairo_surface_flush (surface);

      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int py = 0; py < side && found < 0; py++)
        for (int px = 0; px < side && found < 0; px++)
          if ((px - HIT_RADIUS) * (px - HIT_RADIUS) + (py - HIT_RADIUS) * (py - HIT_RADIUS) <= HIT_RADIUS * HIT_RADIUS &&
              data[py * stride + px] > 16)
            found = i;
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  bl_annotation_layer_get_frame (self, &frame);
  self->hit.generation = bl_history_get_generation (self->history);
  self->hit.x = x;
  self->hit.y = y;
  self->hit.zoom = frame.zoom;
  self->hit.frame_x = frame.x;
  self->hit.frame_y = frame.y;
  self->hit.result = found;
  return found;
}

static void
open_text_entry (BlAnnotationLayer *self,
                 double             x,
                 double             y,
                 const char        *text)
{
  GdkRectangle where = { (int) x, (int) y, 1, 1 };

  self->text_cancelled = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &where);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (self->entry);
}

/* Opens the entry for the text of the selected annotation. */
static void
edit_selected_text (BlAnnotationLayer *self)
{
  const BlAnnotation *a = bl_annotation_layer_find (self, self->selected_id);
  BlMapFrame frame;
  double x, y;

  if (a == NULL || a->n_points == 0)
    return;

  bl_annotation_layer_get_frame (self, &frame);
  bl_annotation_layer_lonlat_to_layer (&frame, a->points[0], a->points[1], &x, &y);
  g_free (self->editing_id);
  self->editing_id = g_strdup (a->id);
  open_text_entry (self, x, y, a->text);
}

static void
finish_area (BlAnnotationLayer *self)
{
  guint n = self->area->len / 2;

  if (n >= 3)
    {
      BlAnnotation *a = bl_annotation_layer_new_annotation (self, BL_ANNOTATION_AREA, n);

      memcpy (a->points, self->area->data, sizeof (double) * 2 * n);
      g_array_set_size (self->area, 0);
      bl_history_add_annotation (self->history, a, _("Add Area"));
      bl_annotation_free (a);
    }
  g_array_set_size (self->area, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_entry_activate (BlAnnotationLayer *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static gboolean
on_entry_key_pressed (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      BlAnnotationLayer     *self)
{
  if (keyval == GDK_KEY_Escape)
    self->text_cancelled = TRUE;
  return FALSE;
}

/* The entry closed: Escape cancels; Enter or a click elsewhere keeps what
 * was typed. */
static void
on_popover_closed (BlAnnotationLayer *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  g_autofree char *editing_id = g_steal_pointer (&self->editing_id);
  BlAnnotation *draft = g_steal_pointer (&self->draft);

  if (self->text_cancelled)
    {
      self->text_cancelled = FALSE;
      g_clear_pointer (&draft, bl_annotation_free);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (editing_id != NULL)
    {
      const BlAnnotation *a = bl_annotation_layer_find (self, editing_id);

      /* a label without text is no label: delete it to remove it */
      if (a != NULL && g_strcmp0 (a->text, *text ? text : NULL) != 0 &&
          (*text != '\0' || a->kind != BL_ANNOTATION_TEXT))
        {
          BlAnnotation *copy = bl_annotation_copy (a);

          g_free (copy->text);
          copy->text = *text ? g_strdup (text) : NULL;
          bl_history_replace_annotation (self->history, copy, _("Edit Label"));
          bl_annotation_free (copy);
        }
    }
  else if (draft != NULL && *text != '\0')
    {
      g_free (draft->text);
      draft->text = g_strdup (text);
      bl_history_add_annotation (self->history, draft,
                                 draft->kind == BL_ANNOTATION_TEXT ? _("Add Label") : _("Add Callout"));
    }
  g_clear_pointer (&draft, bl_annotation_free);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
is_double_press (BlAnnotationLayer *self,
                 double             x,
                 double             y,
                 guint32            time)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  int double_time = 400, double_distance = 5;
  gboolean result;

  g_object_get (settings,
                "gtk-double-click-time", &double_time,
                "gtk-double-click-distance", &double_distance,
                NULL);

  result = self->last_press_time != 0 && time - self->last_press_time <= (guint32) double_time &&
           hypot (x - self->last_press_x, y - self->last_press_y) <= double_distance;

  /* a third press starts again */
  self->last_press_time = result ? 0 : time;
  self->last_press_x = x;
  self->last_press_y = y;
  return result;
}

static void
on_drag_begin (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               BlAnnotationLayer *self)
{
  guint32 time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
  gboolean is_double = is_double_press (self, x, y, time);
  GtkGesture *g = GTK_GESTURE (gesture);
  int index;

  bl_annotation_layer_clear_draft (self);

  switch (self->tool)
    {
    case BL_ANNOTATION_TOOL_SELECT:
      index = find_at (self, x, y);
      if (index < 0)
        {
          gtk_gesture_set_state (g, GTK_EVENT_SEQUENCE_DENIED);
          return;
        }
      gtk_gesture_set_state (g, GTK_EVENT_SEQUENCE_CLAIMED);
      bl_annotation_layer_select (self, ((BlAnnotation *) g_ptr_array_index (bl_annotation_layer_get_annotations (self), index))->id);
      self->move_origin = bl_annotation_copy (g_ptr_array_index (bl_annotation_layer_get_annotations (self), index));
      self->edit_on_release = is_double;
      break;

    case BL_ANNOTATION_TOOL_TEXT:
      gtk_gesture_set_state (g, GTK_EVENT_SEQUENCE_CLAIMED);
      break;

    case BL_ANNOTATION_TOOL_ARROW:
    case BL_ANNOTATION_TOOL_CALLOUT:
    case BL_ANNOTATION_TOOL_CIRCLE:
      gtk_gesture_set_state (g, GTK_EVENT_SEQUENCE_CLAIMED);
      self->draft = bl_annotation_layer_new_annotation (self, self->tool == BL_ANNOTATION_TOOL_CIRCLE ?
                                          BL_ANNOTATION_CIRCLE : BL_ANNOTATION_ARROW, 2);
      bl_annotation_layer_to_lonlat (self, x, y, &self->draft->points[0], &self->draft->points[1]);
      self->draft->points[2] = self->draft->points[0];
      self->draft->points[3] = self->draft->points[1];
      break;

    case BL_ANNOTATION_TOOL_AREA:
      gtk_gesture_set_state (g, GTK_EVENT_SEQUENCE_CLAIMED);
      if (is_double && self->area->len / 2 >= 3)
        finish_area (self);
      else
        {
          double p[2];
          guint n = self->area->len / 2;
          BlMapFrame frame;
          double lx = 0, ly = 0;

          bl_annotation_layer_get_frame (self, &frame);
          if (n > 0)
            bl_annotation_layer_lonlat_to_layer (&frame, g_array_index (self->area, double, 2 * n - 2),
                                                 g_array_index (self->area, double, 2 * n - 1), &lx, &ly);
          if (n == 0 || hypot (x - lx, y - ly) >= MIN_DRAG)
            {
              bl_annotation_layer_to_lonlat (self, x, y, &p[0], &p[1]);
              g_array_append_vals (self->area, p, 2);
            }
        }
      break;

    case BL_ANNOTATION_TOOL_NONE:
    default:
      gtk_gesture_set_state (g, GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                BlAnnotationLayer *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  x += dx;
  y += dy;
  self->pointer_x = x;
  self->pointer_y = y;

  if (self->move_origin != NULL)
    {
      if (!self->moving && hypot (dx, dy) < MIN_DRAG)
        return;
      self->moving = TRUE;
      self->edit_on_release = FALSE;
      g_clear_pointer (&self->draft, bl_annotation_free);
      self->draft = bl_annotation_layer_translate (self, self->move_origin, dx, dy);
    }
  else if (self->draft != NULL && self->draft->n_points == 2)
    bl_annotation_layer_to_lonlat (self, x, y, &self->draft->points[2], &self->draft->points[3]);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag    *gesture,
             double             dx,
             double             dy,
             BlAnnotationLayer *self)
{
  double x, y;
  gboolean long_enough = hypot (dx, dy) >= MIN_DRAG;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  x += dx;
  y += dy;

  switch (self->tool)
    {
    case BL_ANNOTATION_TOOL_SELECT:
      if (self->moving && self->draft != NULL)
        {
          BlAnnotation *moved = g_steal_pointer (&self->draft);

          bl_annotation_layer_clear_draft (self);
          bl_history_replace_annotation (self->history, moved, _("Move Annotation"));
          bl_annotation_free (moved);
        }
      else if (self->edit_on_release)
        {
          bl_annotation_layer_clear_draft (self);
          edit_selected_text (self);
        }
      bl_annotation_layer_clear_draft (self);
      break;

    case BL_ANNOTATION_TOOL_TEXT:
      self->draft = bl_annotation_layer_new_annotation (self, BL_ANNOTATION_TEXT, 1);
      bl_annotation_layer_to_lonlat (self, x, y, &self->draft->points[0], &self->draft->points[1]);
      open_text_entry (self, x, y, NULL);
      break;

    case BL_ANNOTATION_TOOL_ARROW:
    case BL_ANNOTATION_TOOL_CIRCLE:
      if (self->draft != NULL && long_enough)
        {
          BlAnnotation *shape = g_steal_pointer (&self->draft);

          bl_annotation_layer_to_lonlat (self, x, y, &shape->points[2], &shape->points[3]);
          bl_history_add_annotation (self->history, shape, shape->kind == BL_ANNOTATION_ARROW ? _("Add Arrow") : _("Add Circle"));
          bl_annotation_free (shape);
        }
      bl_annotation_layer_clear_draft (self);
      break;

    case BL_ANNOTATION_TOOL_CALLOUT:
      if (self->draft != NULL && long_enough)
        {
          double tx, ty;
          BlMapFrame frame;

          bl_annotation_layer_to_lonlat (self, x, y, &self->draft->points[2], &self->draft->points[3]);
          bl_annotation_layer_get_frame (self, &frame);
          bl_annotation_layer_lonlat_to_layer (&frame, self->draft->points[0], self->draft->points[1], &tx, &ty);
          open_text_entry (self, tx, ty, NULL);
        }
      else
        bl_annotation_layer_clear_draft (self);
      break;

    case BL_ANNOTATION_TOOL_AREA:
    case BL_ANNOTATION_TOOL_NONE:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_cancel (GtkGesture        *gesture,
                GdkEventSequence  *sequence,
                BlAnnotationLayer *self)
{
  if (!gtk_widget_get_visible (self->popover))
    bl_annotation_layer_clear_draft (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BlAnnotationLayer        *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (self->area->len > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (BlAnnotationLayer *self)
{
  self->pointer_inside = FALSE;
  if (self->area->len > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BlAnnotationLayer     *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Escape:
      if (self->area->len > 0 || self->draft != NULL)
        bl_annotation_layer_cancel (self);
      else if (self->selected_id != NULL)
        bl_annotation_layer_select (self, NULL);
      else if (self->tool != BL_ANNOTATION_TOOL_NONE)
        bl_annotation_layer_set_tool (self, BL_ANNOTATION_TOOL_NONE);
      else
        return FALSE;
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (self->tool == BL_ANNOTATION_TOOL_AREA && self->area->len / 2 >= 3)
        {
          finish_area (self);
          return TRUE;
        }
      if (self->selected_id != NULL)
        {
          edit_selected_text (self);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (self->tool == BL_ANNOTATION_TOOL_AREA && self->area->len > 0)
        {
          /* the last corner */
          g_array_set_size (self->area, self->area->len - 2);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return TRUE;
        }
      return bl_annotation_layer_delete_selected (self);

    default:
      return FALSE;
    }
}

static gboolean
on_query_tooltip (GtkWidget         *widget,
                  int                x,
                  int                y,
                  gboolean           keyboard,
                  GtkTooltip        *tooltip,
                  BlAnnotationLayer *self)
{
  switch (self->tool)
    {
    case BL_ANNOTATION_TOOL_AREA:
      gtk_tooltip_set_text (tooltip, self->area->len / 2 >= 3 ?
                            _("Click to add a corner; double-click or press Enter to close the area") :
                            _("Click to add a corner"));
      return TRUE;
    case BL_ANNOTATION_TOOL_SELECT:
      {
        int index = find_at (self, x, y);
        const BlAnnotation *a = index < 0 ? NULL : g_ptr_array_index (bl_annotation_layer_get_annotations (self), index);

        if (a == NULL || a->text == NULL || *a->text == '\0')
          return FALSE;
        /* plain text: annotations come from files */
        gtk_tooltip_set_text (tooltip, a->text);
        return TRUE;
      }
    case BL_ANNOTATION_TOOL_NONE:
    case BL_ANNOTATION_TOOL_TEXT:
    case BL_ANNOTATION_TOOL_ARROW:
    case BL_ANNOTATION_TOOL_CALLOUT:
    case BL_ANNOTATION_TOOL_CIRCLE:
    default:
      return FALSE;
    }
}

/* With a drawing tool the layer takes every press; with the select tool
 * only those on an annotation; with none, nothing. */
gboolean
bl_annotation_layer_contains (GtkWidget *widget,
                              double     x,
                              double     y)
{
  BlAnnotationLayer *self = BL_ANNOTATION_LAYER (widget);

  if (x < 0 || y < 0 || x >= gtk_widget_get_width (widget) || y >= gtk_widget_get_height (widget))
    return FALSE;

  switch (self->tool)
    {
    case BL_ANNOTATION_TOOL_NONE:
      return FALSE;
    case BL_ANNOTATION_TOOL_SELECT:
      return find_at (self, x, y) >= 0;
    case BL_ANNOTATION_TOOL_TEXT:
    case BL_ANNOTATION_TOOL_ARROW:
    case BL_ANNOTATION_TOOL_CALLOUT:
    case BL_ANNOTATION_TOOL_CIRCLE:
    case BL_ANNOTATION_TOOL_AREA:
    default:
      return TRUE;
    }
}

/* The event controllers, and the entry for a label's text. */
void
bl_annotation_layer_init_input (BlAnnotationLayer *self)
{
  GtkEventController *motion, *entry_key;

  gtk_widget_set_can_target (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  bl_widget_util_add_drag (GTK_WIDGET (self), G_CALLBACK (on_drag_begin), G_CALLBACK (on_drag_update),
                           G_CALLBACK (on_drag_end), G_CALLBACK (on_drag_cancel), self);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  bl_widget_util_add_key (GTK_WIDGET (self), G_CALLBACK (on_key_pressed), self);

  /* the entry for a label's text */
  self->entry = gtk_entry_new ();
  gtk_entry_set_max_length (GTK_ENTRY (self->entry), MAX_TEXT);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 24);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Label text"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label text"),
                                  -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  entry_key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (entry_key, GTK_PHASE_CAPTURE);
  g_signal_connect (entry_key, "key-pressed", G_CALLBACK (on_entry_key_pressed), self);

  self->popover = gtk_popover_new ();
  gtk_widget_add_controller (self->popover, entry_key);
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->entry);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (on_popover_closed), self);
}
