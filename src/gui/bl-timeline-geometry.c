/* bl-timeline-geometry.c — where the timeline puts things, and what is where
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The geometry the snapshot (bl-timeline-draw.c) and hit testing share,
 * so that what is clicked is what was drawn: the plot and the lanes, a
 * day's x, a claim's drawn extent (its #BlTimelineShape) and row, and
 * whether a lane draws counts; then hit testing, which finds the handle,
 * the window, a lane's header or a claim under the pointer.
 */
#include "config.h"

#include <math.h>

#include "bl-timeline-private.h"

#define ROW_STEP 6.0

/* Geometry {{{ */

void
bl_timeline_get_plot (BlTimeline *self,
                      double     *x,
                      double     *width)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  double label_w = MIN (BL_TIMELINE_LABEL_WIDTH, w / 3);

  *x = rtl ? 0 : label_w;
  *width = MAX (w - label_w, 1);
}

double
bl_timeline_lanes_top (BlTimeline *self)
{
  return BL_TIMELINE_OVERVIEW_HEIGHT + BL_TIMELINE_AXIS_HEIGHT;
}

double
bl_timeline_lane_height (BlTimeline       *self,
                         const BlTimeLane *lane)
{
  return bl_timeline_is_lane_collapsed (self, lane) ? BL_TIMELINE_COLLAPSED_HEIGHT
                                                   : BL_TIMELINE_LANE_HEIGHT;
}

/**
 * bl_timeline_get_lanes_height:
 *
 * Returns: the height of all lanes together
 */
double
bl_timeline_get_lanes_height (BlTimeline *self)
{
  double h = 0;

  bl_timeline_ensure_lanes (self);
  if (self->lanes == NULL)
    return 0;

  for (guint l = 0; l < bl_time_lanes_get_n_lanes (self->lanes); l++)
    h += bl_timeline_lane_height (self, bl_time_lanes_get_lane (self->lanes, l));

  return h;
}

/* The lane at y, and its top. */
static gboolean
lane_at (BlTimeline *self,
         double      y,
         guint      *lane,
         double     *top)
{
  double t = bl_timeline_lanes_top (self) - self->lane_scroll;

  if (self->lanes == NULL || y < bl_timeline_lanes_top (self))
    return FALSE;

  for (guint l = 0; l < bl_time_lanes_get_n_lanes (self->lanes); l++)
    {
      double h = bl_timeline_lane_height (self, bl_time_lanes_get_lane (self->lanes, l));

      if (y >= t && y < t + h)
        {
          *lane = l;
          if (top)
            *top = t;
          return TRUE;
        }
      t += h;
    }

  return FALSE;
}

double
bl_timeline_day_x (BlTimeline *self,
                   double      plot_x,
                   double      day)
{
  return plot_x + bl_time_axis_day_to_x (&self->axis, day);
}

/* The days in view, widened by a pixel margin, clamped to gint32. */
void
bl_timeline_view_days (BlTimeline *self,
                       double      margin_px,
                       gint32     *first,
                       gint32     *last)
{
  double a = self->axis.start - margin_px * self->axis.days_per_px;
  double b = bl_time_axis_get_end (&self->axis) + margin_px * self->axis.days_per_px;

  *first = (gint32) CLAMP (floor (a), G_MININT32 + 1.0, G_MAXINT32 - 1.0);
  *last = (gint32) CLAMP (ceil (b), G_MININT32 + 1.0, G_MAXINT32 - 1.0);
}

static gint32
unit_start (gint32 day,
            guint  precision)
{
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  switch (precision)
    {
    case BL_DATE_PRECISION_MONTH:
      return bl_day_from_ymd (y, m, 1);
    case BL_DATE_PRECISION_YEAR:
      return bl_day_from_ymd (y, 1, 1);
    case BL_DATE_PRECISION_DECADE:
      return bl_day_from_ymd (MAX (y - y % 10, 1), 1, 1);
    default:
      return day;
    }
}

static gint32
unit_end (gint32 day,
          guint  precision)
{
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  switch (precision)
    {
    case BL_DATE_PRECISION_MONTH:
      return bl_day_from_ymd (y, m, bl_date_days_in_month (y, m));
    case BL_DATE_PRECISION_YEAR:
      return bl_day_from_ymd (y, 12, 31);
    case BL_DATE_PRECISION_DECADE:
      return bl_day_from_ymd (MIN (y - y % 10 + 9, 9999), 12, 31);
    default:
      return day;
    }
}

void
bl_timeline_claim_shape (const BlDate    *date,
                         BlTimelineShape *s)
{
  gint32 nominal_first, nominal_last;

  bl_date_get_nominal_range (date, &nominal_first, &nominal_last);
  s->open_start = (date->flags & BL_DATE_OPEN_START) != 0;
  s->open_end = (date->flags & BL_DATE_OPEN_END) != 0;
  s->point = FALSE;
  s->x0 = date->first_day;
  s->x1 = (double) date->last_day + 1;

  if (!(date->flags & BL_DATE_INTERVAL))
    {
      if (date->start_precision == BL_DATE_PRECISION_DAY)
        {
          /* a day, perhaps with circa whiskers */
          s->point = TRUE;
          s->c0 = nominal_first;
          s->c1 = (double) nominal_first + 1;
        }
      else
        {
          /* some day in a month or a year: uncertain all through */
          s->c0 = s->c1 = (nominal_first + (double) nominal_last + 1) / 2;
        }
      return;
    }

  if (s->open_start)
    s->c0 = s->x0 = nominal_first;
  else if (date->start_precision == BL_DATE_PRECISION_DAY && !(date->flags & BL_DATE_CIRCA_START))
    s->c0 = date->first_day;
  else
    s->c0 = (double) unit_end (nominal_first, date->start_precision) + 1;

  if (s->open_end)
    s->c1 = s->x1 = (double) nominal_last + 1;
  else if (date->end_precision == BL_DATE_PRECISION_DAY && !(date->flags & BL_DATE_CIRCA_END))
    s->c1 = (double) date->last_day + 1;
  else
    s->c1 = unit_start (nominal_last, date->end_precision);

  if (s->c0 > s->c1)
    s->c0 = s->c1 = (s->c0 + s->c1) / 2;
}

/* The shape in pixels (left to right), open ends included. */
void
bl_timeline_shape_pixels (BlTimeline            *self,
                          const BlTimelineShape *s,
                          double                 plot_x,
                          double                *left,
                          double                *right)
{
  gint32 span_first = 0, span_last = 0;
  double a, b;

  bl_time_lanes_get_span (self->lanes, &span_first, &span_last);

  a = s->open_start ? bl_timeline_day_x (self, plot_x, span_first) : bl_timeline_day_x (self, plot_x, s->x0);
  b = s->open_end ? bl_timeline_day_x (self, plot_x, (double) span_last + 1) : bl_timeline_day_x (self, plot_x, s->x1);

  if (s->open_start)
    a += self->axis.rtl ? BL_TIMELINE_FADE_WIDTH : -BL_TIMELINE_FADE_WIDTH;
  if (s->open_end)
    b += self->axis.rtl ? -BL_TIMELINE_FADE_WIDTH : BL_TIMELINE_FADE_WIDTH;

  *left = MIN (a, b);
  *right = MAX (a, b);
  if (s->point)
    {
      double c = bl_timeline_day_x (self, plot_x, s->c0 + 0.5);

      *left = MIN (*left, c - BL_TIMELINE_DOT_SIZE / 2);
      *right = MAX (*right, c + BL_TIMELINE_DOT_SIZE / 2);
    }
}

double
bl_timeline_row_center (double lane_top,
                        guint  row)
{
  return lane_top + BL_TIMELINE_ROW_TOP + row * ROW_STEP;
}

/* }}} */

/* Hit testing {{{ */

BlTimelineHit
bl_timeline_hit_test (BlTimeline *self,
                      double      x,
                      double      y,
                      guint      *lane)
{
  double plot_x, plot_w, a, b, start_x, end_x;
  gint32 first, last;
  guint l;

  bl_timeline_ensure_lanes (self);
  bl_timeline_get_plot (self, &plot_x, &plot_w);

  if (x < plot_x || x >= plot_x + plot_w)
    {
      if (lane_at (self, y, &l, NULL))
        {
          if (lane)
            *lane = l;
          return BL_TIMELINE_HIT_LANE_HEADER;
        }
      return BL_TIMELINE_HIT_NONE;
    }

  if (y < BL_TIMELINE_OVERVIEW_HEIGHT)
    return BL_TIMELINE_HIT_OVERVIEW;

  if (!bl_timeline_get_shown_window (self, &first, &last))
    return BL_TIMELINE_HIT_BACKGROUND;

  start_x = bl_timeline_day_x (self, plot_x, first);
  end_x = bl_timeline_day_x (self, plot_x, (double) last + 1);
  a = MIN (start_x, end_x);
  b = MAX (start_x, end_x);

  /* a narrow window: the nearer handle wins */
  if (fabs (x - end_x) <= BL_TIMELINE_HANDLE_GRAB &&
      (bl_filter_get_cumulative (self->filter) ||
       fabs (x - end_x) <= fabs (x - start_x)))
    return BL_TIMELINE_HIT_HANDLE_END;
  if (fabs (x - start_x) <= BL_TIMELINE_HANDLE_GRAB && !bl_filter_get_cumulative (self->filter))
    return BL_TIMELINE_HIT_HANDLE_START;
  if (x >= a && x <= b)
    return BL_TIMELINE_HIT_WINDOW;

  return BL_TIMELINE_HIT_BACKGROUND;
}

gboolean
bl_timeline_lane_is_dense (BlTimeline       *self,
                           const BlTimeLane *lane)
{
  gint32 first, last;

  if (bl_timeline_is_lane_collapsed (self, lane))
    return TRUE;

  bl_timeline_view_days (self, 0, &first, &last);
  return bl_time_lane_count (lane, first, last) > BL_TIMELINE_DENSE_CLAIMS;
}

/**
 * bl_timeline_pick_claim:
 * @claim: (out): the claim drawn at (@x, @y), or %BL_NO_INDEX over counts
 * @n_here: (out): how many claims are drawn there
 * @bin_first: (out): the first day of the column under the pointer
 * @bin_last: (out): its last day
 *
 * Returns: %TRUE when something is drawn at (@x, @y)
 */
gboolean
bl_timeline_pick_claim (BlTimeline *self,
                        double      x,
                        double      y,
                        guint32    *claim,
                        guint      *n_here,
                        gint32     *bin_first,
                        gint32     *bin_last)
{
  const BlTimeLane *lane;
  const BlDate *dates;
  double plot_x, plot_w, top, best = G_MAXDOUBLE;
  double d0, d1;
  gint32 first, last;
  guint l, end, n = 0;

  *claim = BL_NO_INDEX;
  *n_here = 0;

  bl_timeline_ensure_lanes (self);
  bl_timeline_get_plot (self, &plot_x, &plot_w);
  if (self->lanes == NULL || x < plot_x || x >= plot_x + plot_w || !lane_at (self, y, &l, &top))
    return FALSE;

  lane = bl_time_lanes_get_lane (self->lanes, l);
  d0 = bl_time_axis_x_to_day (&self->axis, x - plot_x - BL_TIMELINE_BIN_PX);
  d1 = bl_time_axis_x_to_day (&self->axis, x - plot_x + BL_TIMELINE_BIN_PX);
  first = (gint32) floor (MIN (d0, d1));
  last = (gint32) floor (MAX (d0, d1));
  *bin_first = first;
  *bin_last = last;

  if (bl_timeline_lane_is_dense (self, lane))
    {
      *n_here = bl_time_lane_count (lane, first, last);
      return *n_here > 0;
    }

  /* look a little wider, for dots and fades */
  bl_timeline_view_days (self, 0, &first, &last);
  dates = bl_claim_store_get_dates (bl_project_get_claims (bl_visible_claims_get_project (self->visible)),
                                    self->lanes_clock);
  end = bl_time_lane_end (lane, last);

  for (guint b = 0; b * BL_TIME_LANE_BLOCK < end; b++)
    {
      if (lane->block_max[b] < first)
        continue;

      for (guint i = b * BL_TIME_LANE_BLOCK; i < MIN (end, (b + 1) * BL_TIME_LANE_BLOCK); i++)
        {
          BlTimelineShape s;
          double left, right, dy, score;

          if (lane->last[i] < first)
            continue;

          bl_timeline_claim_shape (&dates[lane->claims[i]], &s);
          bl_timeline_shape_pixels (self, &s, plot_x, &left, &right);
          if (x < left - 2 || x > right + 2)
            continue;

          /* piled points are drawn once, in any row */
          dy = s.point ? 0 : fabs (y - bl_timeline_row_center (top, lane->row[i]));
          if (dy > BL_TIMELINE_DOT_SIZE)
            continue;

          n++;
          score = dy + (s.point ? fabs (x - bl_timeline_day_x (self, plot_x, s.c0 + 0.5)) : 4);
          if (score < best)
            {
              best = score;
              *claim = lane->claims[i];
            }
        }
    }

  *n_here = n;
  return *claim != BL_NO_INDEX;
}

/**
 * bl_timeline_get_claim_extent:
 *
 * The days a claim is drawn over, open ends cut at the span.
 */
void
bl_timeline_get_claim_extent (BlTimeline *self,
                              guint32     claim,
                              gint32     *first_day,
                              gint32     *last_day)
{
  const BlDate *dates;
  gint32 span_first = 0, span_last = 0, nominal_first, nominal_last;

  bl_timeline_ensure_lanes (self);
  dates = bl_claim_store_get_dates (bl_project_get_claims (bl_visible_claims_get_project (self->visible)),
                                    self->lanes_clock);
  if (self->lanes)
    bl_time_lanes_get_span (self->lanes, &span_first, &span_last);

  bl_date_get_nominal_range (&dates[claim], &nominal_first, &nominal_last);
  *first_day = nominal_first == BL_DAY_MIN ? span_first : nominal_first;
  *last_day = nominal_last == BL_DAY_MAX ? span_last : nominal_last;
}

/* }}} */

