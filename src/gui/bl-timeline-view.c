/* bl-timeline-view.c — the timeline's view, its window and saved views
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is on screen: the span of days the axis shows (fitted to the
 * claims, zoomed, panned to reveal a claim or the window), the filter's
 * time window as the timeline sets and shows it, and the saving and
 * restoring of both in a #BlView. The lanes are in bl-timeline-lanes.c,
 * the drawing in bl-timeline-draw.c.
 */
#include "config.h"

#include <math.h>

#include "bl-timeline-private.h"

#define FIT_MARGIN 24.0

/* The view {{{ */

static gint32
clamp_day (double day)
{
  return (gint32) CLAMP (day, bl_day_from_ymd (1, 1, 1), bl_day_from_ymd (9999, 12, 31));
}

/* Fits the view to the claims' span, or to the past year when there
 * are none. */
void
bl_timeline_fit_view (BlTimeline *self)
{
  gint32 first, last;
  double plot_x, plot_w;

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  self->axis.width = plot_w;

  if (self->lanes && bl_time_lanes_get_span (self->lanes, &first, &last))
    {
      /* leave room for the fades of open ends */
      bl_time_axis_fit (&self->axis, first, last, FIT_MARGIN + BL_TIMELINE_FADE_WIDTH / 2);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      gint32 today = bl_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                      g_date_time_get_day_of_month (now));

      bl_time_axis_fit (&self->axis, today - 365, today + 30, FIT_MARGIN);
    }

  self->view_valid = TRUE;
}

/* Keeps the lanes' scroll within what there is to scroll. */
void
bl_timeline_clamp_lane_scroll (BlTimeline *self)
{
  double room = gtk_widget_get_height (GTK_WIDGET (self)) - bl_timeline_lanes_top (self);
  double max = MAX (0, bl_timeline_get_lanes_height (self) - room);

  self->lane_scroll = CLAMP (self->lane_scroll, 0, max);
}

/* Pans the view so that the days are on screen, if they are not. */
static void
reveal_days (BlTimeline *self,
             gint32      first,
             gint32      last)
{
  double start = self->axis.start, end = bl_time_axis_get_end (&self->axis);
  double view = end - start, margin = view * 0.05;

  if (first >= start && (double) last + 1 <= end)
    return;

  if ((double) last + 1 - first > view - 2 * margin)
    self->axis.start = first - margin;
  else if (first < start)
    self->axis.start = first - margin;
  else
    self->axis.start = (double) last + 1 + margin - view;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bl_timeline_apply_window (BlTimeline *self,
                          gint32      first,
                          gint32      last,
                          gboolean    reveal)
{
  if (self->filter == NULL)
    return;

  first = clamp_day (first);
  last = clamp_day (last);
  if (last < first)
    last = first;

  bl_filter_set_window (self->filter, first, last);
  if (reveal)
    reveal_days (self, first, last);
}

void
bl_timeline_zoom_around (BlTimeline *self,
                         double      factor,
                         double      x)
{
  double plot_x, plot_w;

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  bl_time_axis_zoom (&self->axis, factor, CLAMP (x - plot_x, 0, plot_w));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolls the selected claim into view, across and down. */
void
bl_timeline_reveal_selected (BlTimeline *self)
{
  gint32 first, last;
  guint lane, position;
  double y = 0;

  bl_timeline_ensure_lanes (self);
  if (self->lanes == NULL || self->selected == BL_NO_INDEX)
    return;

  lane = bl_time_lanes_find_claim (self->lanes, self->selected, &position);
  if (lane == BL_NO_INDEX)
    return;

  bl_timeline_get_claim_extent (self, self->selected, &first, &last);
  reveal_days (self, first, last);

  for (guint l = 0; l < lane; l++)
    y += bl_timeline_is_lane_collapsed (self, bl_time_lanes_get_lane (self->lanes, l))
           ? BL_TIMELINE_COLLAPSED_HEIGHT : BL_TIMELINE_LANE_HEIGHT;
  {
    double room = gtk_widget_get_height (GTK_WIDGET (self)) - bl_timeline_lanes_top (self);

    if (y < self->lane_scroll)
      self->lane_scroll = y;
    else if (y + BL_TIMELINE_LANE_HEIGHT > self->lane_scroll + room)
      self->lane_scroll = y + BL_TIMELINE_LANE_HEIGHT - room;
    bl_timeline_clamp_lane_scroll (self);
  }
}

/**
 * bl_timeline_get_shown_window:
 *
 * The window as drawn: the filter's, or the claims' span when the filter
 * has none (the handles then sit at the span's ends).
 *
 * Returns: %FALSE when there is nothing to show
 */
gboolean
bl_timeline_get_shown_window (BlTimeline *self,
                              gint32     *first_day,
                              gint32     *last_day)
{
  if (self->filter == NULL)
    return FALSE;

  if (bl_filter_has_window (self->filter))
    {
      bl_filter_get_window (self->filter, first_day, last_day);
      return TRUE;
    }

  bl_timeline_ensure_lanes (self);
  return self->lanes != NULL && bl_time_lanes_get_span (self->lanes, first_day, last_day);
}

/* A day as a date, with month precision when it is a whole month's edge. */
static void
day_to_date (gint32   day,
             gboolean is_end,
             BlDate  *date)
{
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  if ((!is_end && d == 1) || (is_end && d == bl_date_days_in_month (y, m)))
    {
      if (bl_date_init_ymd (date, BL_DATE_PRECISION_MONTH, y, m, 1, FALSE, NULL))
        return;
    }
  if (!bl_date_init_ymd (date, BL_DATE_PRECISION_DAY, y, m, d, FALSE, NULL))
    bl_date_init_unknown (date);
}

/* A whole day, as a day-precision date */
static void
day_to_day_date (gint32  day,
                 BlDate *date)
{
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  if (!bl_date_init_ymd (date, BL_DATE_PRECISION_DAY, y, m, d, FALSE, NULL))
    bl_date_init_unknown (date);
}

/* }}} */

/* Public API {{{ */

/**
 * bl_timeline_get_view:
 * @first_day: (out) (optional): the day at the view's start
 * @last_day: (out) (optional): the day at its end
 *
 * The days on screen (not the filter's window).
 */
void
bl_timeline_get_view (BlTimeline *self,
                      double     *first_day,
                      double     *last_day)
{
  g_return_if_fail (BL_IS_TIMELINE (self));

  if (first_day)
    *first_day = self->axis.start;
  if (last_day)
    *last_day = bl_time_axis_get_end (&self->axis);
}

void
bl_timeline_set_view (BlTimeline *self,
                      gint32      first_day,
                      gint32      last_day)
{
  double plot_x, plot_w;

  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (first_day <= last_day);

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  self->axis.width = plot_w;
  bl_time_axis_fit (&self->axis, first_day, last_day, 0);
  self->view_valid = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bl_timeline_zoom:
 * @factor: > 1 to zoom in, < 1 to zoom out
 *
 * Zooms around the middle of the window when it is in view, else around
 * the middle of the view.
 */
void
bl_timeline_zoom (BlTimeline *self,
                  double      factor)
{
  double plot_x, plot_w, x;
  gint32 first, last;

  g_return_if_fail (BL_IS_TIMELINE (self));

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  x = plot_x + plot_w / 2;
  if (bl_timeline_get_shown_window (self, &first, &last))
    {
      double wx = plot_x + bl_time_axis_day_to_x (&self->axis, (first + (double) last + 1) / 2);

      if (wx >= plot_x && wx <= plot_x + plot_w)
        x = wx;
    }

  bl_timeline_zoom_around (self, factor, x);
}

/**
 * bl_timeline_zoom_to_fit:
 *
 * Shows every claim.
 */
void
bl_timeline_zoom_to_fit (BlTimeline *self)
{
  g_return_if_fail (BL_IS_TIMELINE (self));

  bl_timeline_ensure_lanes (self);
  bl_timeline_fit_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bl_timeline_zoom_to_window:
 *
 * Fits the view to the filter's window.
 */
void
bl_timeline_zoom_to_window (BlTimeline *self)
{
  gint32 first, last;
  double plot_x, plot_w;

  g_return_if_fail (BL_IS_TIMELINE (self));

  if (!bl_timeline_get_shown_window (self, &first, &last))
    return;

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  self->axis.width = plot_w;
  bl_time_axis_fit (&self->axis, first, last, plot_w / 8);
  self->view_valid = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bl_timeline_get_window:
 * @first_day: (out) (optional): the window's first day
 * @last_day: (out) (optional): its last day, inclusive
 *
 * The window as the timeline shows it: the filter's, or the span of the
 * claims when the filter has no window.
 */
void
bl_timeline_get_window (BlTimeline *self,
                        gint32     *first_day,
                        gint32     *last_day)
{
  gint32 a = BL_DAY_MIN, b = BL_DAY_MAX;

  g_return_if_fail (BL_IS_TIMELINE (self));

  bl_timeline_get_shown_window (self, &a, &b);
  if (first_day)
    *first_day = a;
  if (last_day)
    *last_day = b;
}

/**
 * bl_timeline_set_window:
 *
 * Sets the filter's window and scrolls it into view.
 */
void
bl_timeline_set_window (BlTimeline *self,
                        gint32      first_day,
                        gint32      last_day)
{
  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (first_day <= last_day);

  bl_timeline_apply_window (self, first_day, last_day, TRUE);
}

/**
 * bl_timeline_save_view:
 * @view: the view to fill in
 *
 * Writes the filter's window, clock and cumulative mode, the lane
 * grouping and the span of days on screen into @view. A window over
 * whole months is saved as months ("2021-08"); no window leaves from and
 * to unknown.
 */
void
bl_timeline_save_view (BlTimeline *self,
                       BlView     *view)
{
  gint32 first, last;

  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (view != NULL);

  bl_date_init_unknown (&view->from);
  bl_date_init_unknown (&view->to);
  bl_date_init_unknown (&view->shown_from);
  bl_date_init_unknown (&view->shown_to);
  view->lanes = self->group;
  if (self->filter == NULL)
    return;

  if (self->view_valid)
    {
      gint32 shown_first = (gint32) round (self->axis.start);
      gint32 shown_last = (gint32) round (bl_time_axis_get_end (&self->axis)) - 1;

      day_to_day_date (shown_first, &view->shown_from);
      day_to_day_date (MAX (shown_first, shown_last), &view->shown_to);
    }

  view->clock = bl_filter_get_clock (self->filter);
  view->cumulative = bl_filter_get_cumulative (self->filter);
  if (!bl_filter_has_window (self->filter))
    return;

  bl_filter_get_window (self->filter, &first, &last);
  if (first != BL_DAY_MIN)
    day_to_date (first, FALSE, &view->from);
  if (last != BL_DAY_MAX)
    day_to_date (last, TRUE, &view->to);
}

/**
 * bl_timeline_restore_view:
 * @view: a saved view
 *
 * Sets the lanes and the filter's clock, cumulative mode and window from
 * @view, then shows the days the view showed, or fits the view to the
 * window when it has none. An unknown end of the window stands for the
 * claims' first or last day; both unknown clear the window.
 */
void
bl_timeline_restore_view (BlTimeline   *self,
                          const BlView *view)
{
  gint32 first = BL_DAY_MIN, last = BL_DAY_MAX, span_first = 0, span_last = 0, unused;
  gboolean has_span;

  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (view != NULL);

  if (view->lanes >= BL_TIME_LANES_CLAIMANT && view->lanes <= BL_TIME_LANES_TOPIC)
    bl_timeline_set_lanes (self, view->lanes);

  if (self->filter == NULL)
    return;

  if (view->clock < BL_N_CLOCKS)
    bl_filter_set_clock (self->filter, view->clock);
  bl_filter_set_cumulative (self->filter, view->cumulative);

  if (bl_date_is_unknown (&view->from) && bl_date_is_unknown (&view->to))
    {
      bl_filter_clear_window (self->filter);
      bl_timeline_zoom_to_fit (self);
    }
  else
    {
      bl_timeline_ensure_lanes (self);
      has_span = self->lanes && bl_time_lanes_get_span (self->lanes, &span_first, &span_last);

      if (!bl_date_is_unknown (&view->from))
        bl_date_get_nominal_range (&view->from, &first, &unused);
      if (!bl_date_is_unknown (&view->to))
        bl_date_get_nominal_range (&view->to, &unused, &last);
      if (first == BL_DAY_MIN)
        first = has_span ? span_first : last;
      if (last == BL_DAY_MAX)
        last = has_span ? span_last : first;
      if (first > last)
        {
          gint32 tmp = first;

          first = last;
          last = tmp;
        }

      bl_timeline_apply_window (self, first, last, FALSE);
      bl_timeline_zoom_to_window (self);
    }

  if (!bl_date_is_unknown (&view->shown_from) && !bl_date_is_unknown (&view->shown_to))
    {
      gint32 shown_first, shown_last;

      bl_date_get_nominal_range (&view->shown_from, &shown_first, &unused);
      bl_date_get_nominal_range (&view->shown_to, &unused, &shown_last);
      if (shown_first != BL_DAY_MIN && shown_last != BL_DAY_MAX && shown_first <= shown_last)
        bl_timeline_set_view (self, shown_first, shown_last);
    }
}

/* }}} */
