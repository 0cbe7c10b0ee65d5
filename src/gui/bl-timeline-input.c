/* bl-timeline-input.c — how the timeline answers the pointer and the keys
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline's event controllers, its tooltip and its playback tick.
 * Every gesture that moves the window writes it into the shared filter at
 * once, on every motion, so the other views follow a drag live.
 *
 * - Drag the window to move it, a handle to resize it, the background to
 *   pan the view (and scroll the lanes); Shift+drag draws a new window;
 *   drag in the overview strip to move the view there.
 * - The scroll wheel zooms around the pointer, with or without Ctrl (as on
 *   the map beside it); horizontal scrolling pans; Shift+wheel scrolls
 *   the lanes. A touchpad pinch zooms.
 * - Double-click fits the view to the claims; a click on a claim selects
 *   it, on a lane's name collapses or expands the lane.
 * - Keys: ←/→ move the window by a tenth of its length (with Ctrl, or
 *   Page Up/Down, by its length), Shift+←/→ move its end (resize), +/−
 *   zoom, Home/End jump to the first/last claims, 0 fits, Escape shows all
 *   time. Arrows follow the reading direction.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bl-timeline-private.h"
#include "bl-widget-util.h"

/* Helpers {{{ */

static void
move_window (BlTimeline *self,
             gint32      days,
             gboolean    resize)
{
  gint32 first, last;

  if (!bl_timeline_get_shown_window (self, &first, &last))
    return;

  if (resize)
    bl_timeline_apply_window (self, first, MAX (first, last + days), TRUE);
  else
    bl_timeline_apply_window (self, first + days, last + days, TRUE);
}

static void
jump_window (BlTimeline *self,
             gboolean    to_end)
{
  gint32 first, last, span_first, span_last;

  if (self->lanes == NULL || !bl_time_lanes_get_span (self->lanes, &span_first, &span_last) ||
      !bl_timeline_get_shown_window (self, &first, &last))
    return;

  if (to_end)
    bl_timeline_apply_window (self, span_last - (last - first), span_last, TRUE);
  else
    bl_timeline_apply_window (self, span_first, span_first + (last - first), TRUE);
}

static void
select_claim (BlTimeline *self,
              guint32     claim)
{
  if (self->selection == NULL || claim == BL_NO_INDEX)
    return;

  bl_selection_set_claim_id (self->selection, bl_claim_store_get_id (bl_timeline_get_store (self), claim));
}

/* }}} */

/* Callbacks {{{ */

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               BlTimeline     *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (self->visible == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));

  self->drag_hit = bl_timeline_hit_test (self, x, y, NULL);
  self->drag_x = x;
  self->drag_y = y;
  self->drag_axis_start = self->axis.start;
  self->drag_lane_scroll = self->lane_scroll;
  bl_timeline_get_shown_window (self, &self->drag_first, &self->drag_last);

  if ((state & GDK_SHIFT_MASK) &&
      (self->drag_hit == BL_TIMELINE_HIT_BACKGROUND || self->drag_hit == BL_TIMELINE_HIT_WINDOW))
    self->drag_hit = BL_TIMELINE_HIT_NEW_WINDOW;

  if (self->drag_hit == BL_TIMELINE_HIT_NONE || self->drag_hit == BL_TIMELINE_HIT_LANE_HEADER)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
center_view_from_overview (BlTimeline *self,
                           double      x)
{
  gint32 first, last;
  double plot_x, plot_w, day, half;
  BlTimeAxis ov;

  if (self->lanes == NULL || !bl_time_lanes_get_span (self->lanes, &first, &last))
    return;

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  ov = (BlTimeAxis) { 0, 1, plot_w, self->axis.rtl };
  bl_time_axis_fit (&ov, first, last, 4);
  day = bl_time_axis_x_to_day (&ov, x - plot_x);
  half = (bl_time_axis_get_end (&self->axis) - self->axis.start) / 2;
  self->axis.start = day - half;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                BlTimeline     *self)
{
  double plot_x, plot_w;
  gint32 days, day, anchor;

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  days = (gint32) round ((self->axis.rtl ? -dx : dx) * self->axis.days_per_px);
  day = (gint32) floor (bl_time_axis_x_to_day (&self->axis, self->drag_x + dx - plot_x));

  switch (self->drag_hit)
    {
    case BL_TIMELINE_HIT_OVERVIEW:
      center_view_from_overview (self, self->drag_x + dx);
      break;

    case BL_TIMELINE_HIT_BACKGROUND:
      self->axis.start = self->drag_axis_start;
      bl_time_axis_pan (&self->axis, dx);
      self->lane_scroll = self->drag_lane_scroll - dy;
      bl_timeline_clamp_lane_scroll (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case BL_TIMELINE_HIT_WINDOW:
      bl_timeline_apply_window (self, self->drag_first + days, self->drag_last + days, FALSE);
      break;

    case BL_TIMELINE_HIT_HANDLE_START:
      bl_timeline_apply_window (self, MIN (day, self->drag_last), self->drag_last, FALSE);
      break;

    case BL_TIMELINE_HIT_HANDLE_END:
      bl_timeline_apply_window (self, bl_filter_get_cumulative (self->filter) ? MIN (self->drag_first, day) : self->drag_first,
                  MAX (day, self->drag_first), FALSE);
      break;

    case BL_TIMELINE_HIT_NEW_WINDOW:
      anchor = (gint32) floor (bl_time_axis_x_to_day (&self->axis, self->drag_x - plot_x));
      if (fabs (dx) >= 3)
        bl_timeline_apply_window (self, MIN (anchor, day), MAX (anchor, day), FALSE);
      break;

    case BL_TIMELINE_HIT_NONE:
    case BL_TIMELINE_HIT_LANE_HEADER:
    default:
      break;
    }
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             BlTimeline     *self)
{
  self->drag_hit = BL_TIMELINE_HIT_NONE;
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  BlTimeline      *self)
{
  BlTimelineHit hit = bl_timeline_hit_test (self, x, y, NULL);

  if (n_press == 2 && hit != BL_TIMELINE_HIT_LANE_HEADER && hit != BL_TIMELINE_HIT_NONE)
    bl_timeline_zoom_to_fit (self);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   BlTimeline      *self)
{
  guint lane;
  guint32 claim;
  guint n_here;
  gint32 bin_first, bin_last;

  if (n_press != 1 || self->visible == NULL)
    return;

  switch (bl_timeline_hit_test (self, x, y, &lane))
    {
    case BL_TIMELINE_HIT_LANE_HEADER:
      {
        const BlTimeLane *l = bl_time_lanes_get_lane (self->lanes, lane);

        bl_timeline_set_lane_collapsed (self, l->key, !bl_timeline_is_lane_collapsed (self, l));
      }
      break;

    case BL_TIMELINE_HIT_WINDOW:
    case BL_TIMELINE_HIT_BACKGROUND:
      if (bl_timeline_pick_claim (self, x, y, &claim, &n_here, &bin_first, &bin_last))
        select_claim (self, claim);
      break;

    default:
      break;
    }
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           BlTimeline               *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (self->visible == NULL)
    return FALSE;

  if (state & GDK_SHIFT_MASK)
    {
      self->lane_scroll += (dy != 0 ? dy : dx) * 24;
      bl_timeline_clamp_lane_scroll (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return TRUE;
    }

  if (dx != 0)
    {
      bl_time_axis_pan (&self->axis, -dx * 24);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (dy != 0)
    bl_timeline_zoom_around (self, pow (1.25, -dy), self->pointer_x);

  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               BlTimeline       *self)
{
  self->zoom_scale = 1.0;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       BlTimeline     *self)
{
  double x, y;

  if (scale <= 0 || self->zoom_scale <= 0)
    return;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  bl_timeline_zoom_around (self, scale / self->zoom_scale, x);
  self->zoom_scale = scale;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BlTimeline               *self)
{
  const char *cursor = NULL;

  self->pointer_x = x;
  if (self->drag_hit != BL_TIMELINE_HIT_NONE)
    return;

  switch (bl_timeline_hit_test (self, x, y, NULL))
    {
    case BL_TIMELINE_HIT_HANDLE_START:
    case BL_TIMELINE_HIT_HANDLE_END:
      cursor = "ew-resize";
      break;
    case BL_TIMELINE_HIT_WINDOW:
      cursor = "grab";
      break;
    case BL_TIMELINE_HIT_LANE_HEADER:
    case BL_TIMELINE_HIT_OVERVIEW:
      cursor = "pointer";
      break;
    default:
      break;
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BlTimeline            *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;
  gint32 first, last, step;
  int dir = 0;

  if (self->visible == NULL || !bl_timeline_get_shown_window (self, &first, &last))
    return FALSE;

  step = ctrl ? last - first + 1 : MAX (1, (last - first + 1) / 10);

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      dir = self->axis.rtl ? 1 : -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      dir = self->axis.rtl ? -1 : 1;
      break;
    case GDK_KEY_Page_Up:
      move_window (self, -(last - first + 1), FALSE);
      return TRUE;
    case GDK_KEY_Page_Down:
      move_window (self, last - first + 1, FALSE);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      bl_timeline_zoom (self, 1.5);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      bl_timeline_zoom (self, 1 / 1.5);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      jump_window (self, FALSE);
      return TRUE;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      jump_window (self, TRUE);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      bl_timeline_zoom_to_fit (self);
      return TRUE;
    case GDK_KEY_Escape:
      if (!bl_filter_has_window (self->filter))
        return FALSE;
      bl_filter_clear_window (self->filter);
      return TRUE;
    default:
      return FALSE;
    }

  move_window (self, dir * step, shift);
  return TRUE;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  BlTimeline *self)
{
  guint32 claim;
  guint n_here;
  gint32 bin_first, bin_last;

  if (keyboard || self->visible == NULL)
    return FALSE;

  if (!bl_timeline_pick_claim (self, x, y, &claim, &n_here, &bin_first, &bin_last))
    {
      if (n_here == 0)
        return FALSE;
    }

  if (claim != BL_NO_INDEX)
    {
      BlClaimStore *store = bl_timeline_get_store (self);
      BlClaimRecord r;
      g_autofree char *when = NULL;
      g_autofree char *str = NULL;
      const char *who = NULL;

      bl_claim_store_get_record (store, claim, &r);
      when = bl_date_format (self->lanes_clock == BL_CLOCK_SAID ? &r.said_on : &r.about);
      if (r.actor != BL_NO_INDEX)
        who = bl_actor_get_name (bl_project_get_actor (bl_visible_claims_get_project (self->visible), r.actor));

      /* plain text: the statement comes from a file */
      str = g_strdup_printf ("%s\n%s%s%s", r.statement ? r.statement : "",
                             who ? who : "", who ? " · " : "", when);
      gtk_tooltip_set_text (tooltip, str);
    }
  else
    {
      g_autofree char *a = bl_timeline_format_day (bin_first);
      g_autofree char *b = bl_timeline_format_day (bin_last);
      g_autofree char *str = NULL;

      /* Translators: a column of a dense timeline lane: count, first day, last day */
      str = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim, %s – %s", "%u claims, %s – %s", n_here),
                             n_here, a, b);
      gtk_tooltip_set_text (tooltip, str);
    }

  return TRUE;
}

gboolean
bl_timeline_tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  BlTimeline *self = BL_TIMELINE (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  gint32 first, last, span_first, span_last, steps;

  if (self->last_frame_time != 0)
    self->play_days += self->speed * (now - self->last_frame_time) / (double) G_USEC_PER_SEC;
  self->last_frame_time = now;

  if (self->play_days < 1)
    return G_SOURCE_CONTINUE;

  steps = (gint32) floor (self->play_days);
  self->play_days -= steps;

  if (!bl_timeline_get_shown_window (self, &first, &last) ||
      !bl_time_lanes_get_span (self->lanes, &span_first, &span_last))
    {
      bl_timeline_set_playing (self, FALSE);
      return G_SOURCE_REMOVE;
    }

  if (last >= span_last)
    {
      if (!self->loop)
        {
          bl_timeline_set_playing (self, FALSE);
          return G_SOURCE_REMOVE;
        }
      bl_timeline_apply_window (self, span_first, span_first + (last - first), TRUE);
      return G_SOURCE_CONTINUE;
    }

  steps = MIN (steps, span_last - last);
  bl_timeline_apply_window (self, first + steps, last + steps, TRUE);
  return G_SOURCE_CONTINUE;
}

/* }}} */

/**
 * bl_timeline_init_input:
 *
 * Adds the timeline's event controllers.
 */
void
bl_timeline_init_input (BlTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *click, *zoom;
  GtkEventController *scroll, *motion;

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), self);

  drag = bl_widget_util_add_drag (widget, G_CALLBACK (on_drag_begin), G_CALLBACK (on_drag_update),
                                  G_CALLBACK (on_drag_end), NULL, self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  gtk_gesture_group (click, drag);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (widget, motion);

  bl_widget_util_add_key (widget, G_CALLBACK (on_key_pressed), self);
}
