/* bl-timeline-draw.c — the timeline's snapshot
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole timeline is one snapshot: an overview strip (the density of
 * claims over the whole span, with the view and the window marked), the
 * calendar axis, and the lanes, with the time window drawn over them.
 *
 * A frame never walks every claim. Each lane is queried for the days in
 * view: a lane with few claims in view draws each claim (points for days,
 * bars for intervals, gradients for uncertain ends, fades for open ones),
 * a dense or collapsed lane draws counts per column of a few pixels,
 * found with binary searches. Drawing and hit testing share the geometry
 * in bl-timeline-geometry.c so that what is clicked is what was drawn.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bl-timeline-private.h"

/* Drawing {{{ */

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA c = *color;

  c.alpha *= alpha;
  return c;
}

static void
fill (GtkSnapshot   *snapshot,
      const GdkRGBA *color,
      double         x,
      double         y,
      double         w,
      double         h)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w, h));
}

static void
fill_rounded (GtkSnapshot   *snapshot,
              const GdkRGBA *color,
              double         x,
              double         y,
              double         w,
              double         h,
              double         radius)
{
  GskRoundedRect r;

  gsk_rounded_rect_init_from_rect (&r, &GRAPHENE_RECT_INIT (x, y, w, h), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &r);
  gtk_snapshot_append_color (snapshot, color, &r.bounds);
  gtk_snapshot_pop (snapshot);
}

/* A horizontal gradient from transparent at @from to @color at @to. */
static void
fade (GtkSnapshot   *snapshot,
      const GdkRGBA *color,
      double         from,
      double         to,
      double         y,
      double         h)
{
  GskColorStop stops[2] = {
    { 0.0, with_alpha (color, 0.0) },
    { 1.0, *color },
  };

  if (fabs (to - from) < 0.5)
    return;

  gtk_snapshot_append_linear_gradient (snapshot,
                                       &GRAPHENE_RECT_INIT (MIN (from, to), y, fabs (to - from), h),
                                       &GRAPHENE_POINT_INIT (from, y),
                                       &GRAPHENE_POINT_INIT (to, y),
                                       stops, G_N_ELEMENTS (stops));
}

static void
text (BlTimeline                 *self,
      GtkSnapshot                *snapshot,
      const PangoFontDescription *font,
      const char                 *str,
      double                      x,
      double                      y,
      double                      max_width,
      gboolean                    align_end,
      const GdkRGBA              *color,
      int                        *out_width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  PangoRectangle logical;

  /* plain text: names and dates come from files */
  pango_layout_set_text (layout, str, -1);
  if (font)
    pango_layout_set_font_description (layout, font);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (max_width > 0 && logical.width > max_width)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (out_width)
    *out_width = logical.width;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (round ((align_end ? x - logical.width : x) - logical.x),
                                                round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);

  g_object_unref (layout);
}

static int
text_width (BlTimeline                 *self,
            const PangoFontDescription *font,
            const char                 *str)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), str);
  PangoRectangle logical;

  pango_layout_set_font_description (layout, font);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  g_object_unref (layout);

  return logical.width;
}

static const GdkRGBA *
stance_color (BlTimeline *self,
              guint8      stance)
{
  switch (stance)
    {
    case BL_STANCE_DENIES:
      return &self->colors[BL_TIMELINE_COLOR_DENIES];
    case BL_STANCE_QUALIFIES:
      return &self->colors[BL_TIMELINE_COLOR_QUALIFIES];
    default:
      return &self->colors[BL_TIMELINE_COLOR_ACCENT];
    }
}

static void
snapshot_overview (BlTimeline  *self,
                   GtkSnapshot *snapshot,
                   double       plot_x,
                   double       plot_w)
{
  const GdkRGBA *fg = &self->colors[BL_TIMELINE_COLOR_FG];
  const GdkRGBA *accent = &self->colors[BL_TIMELINE_COLOR_ACCENT];
  const BlTimeLane *all = bl_time_lanes_get_all (self->lanes);
  BlTimeAxis ov = { 0, 1, plot_w, self->axis.rtl };
  GdkRGBA bar = with_alpha (fg, 0.28), frame = with_alpha (fg, 0.45), win = with_alpha (accent, 0.45);
  gint32 span_first, span_last, first, last;
  double h = BL_TIMELINE_OVERVIEW_HEIGHT - 4, a, b;
  guint n_bins = (guint) ceil (plot_w / 2), max = 1;
  g_autofree gint32 *edges = NULL;
  g_autofree guint *counts = NULL;

  fill (snapshot, &(GdkRGBA) { fg->red, fg->green, fg->blue, fg->alpha * 0.05 },
        plot_x, 0, plot_w, BL_TIMELINE_OVERVIEW_HEIGHT);

  if (!bl_time_lanes_get_span (self->lanes, &span_first, &span_last))
    return;

  bl_time_axis_fit (&ov, span_first, span_last, 4);

  /* bin edges in time order, at least a day apart */
  edges = g_new (gint32, n_bins + 1);
  counts = g_new0 (guint, n_bins);
  for (guint k = 0; k <= n_bins; k++)
    edges[k] = (gint32) floor (ov.start + k * MAX (2 * ov.days_per_px, 1.0));
  bl_time_lane_histogram (all, edges, n_bins, counts);
  for (guint k = 0; k < n_bins; k++)
    max = MAX (max, counts[k]);

  for (guint k = 0; k < n_bins; k++)
    if (counts[k] > 0)
      {
        double bh = MAX (1, h * sqrt ((double) counts[k] / max));

        a = plot_x + bl_time_axis_day_to_x (&ov, edges[k]);
        b = plot_x + bl_time_axis_day_to_x (&ov, edges[k + 1]);
        /* columns that touch without overlapping, so the strip is even */
        fill (snapshot, &bar, round (MIN (a, b)), 2 + h - bh, MAX (round (MAX (a, b)) - round (MIN (a, b)), 1), bh);
      }

  /* the window, then the view */
  if (bl_timeline_get_shown_window (self, &first, &last) && bl_filter_has_window (self->filter))
    {
      a = plot_x + bl_time_axis_day_to_x (&ov, bl_filter_get_cumulative (self->filter) ? span_first : first);
      b = plot_x + bl_time_axis_day_to_x (&ov, (double) last + 1);
      fill (snapshot, &win, MIN (a, b), 2, MAX (fabs (b - a), 2), h);
    }

  a = CLAMP (plot_x + bl_time_axis_day_to_x (&ov, self->axis.start), plot_x, plot_x + plot_w);
  b = CLAMP (plot_x + bl_time_axis_day_to_x (&ov, bl_time_axis_get_end (&self->axis)), plot_x, plot_x + plot_w);
  {
    GskRoundedRect r;
    float widths[4] = { 1, 1, 1, 1 };
    GdkRGBA colors[4] = { frame, frame, frame, frame };

    gsk_rounded_rect_init_from_rect (&r, &GRAPHENE_RECT_INIT (MIN (a, b), 1, MAX (fabs (b - a), 3), h + 2), 2);
    gtk_snapshot_append_border (snapshot, &r, widths, colors);
  }
}

static void
snapshot_axis (BlTimeline  *self,
               GtkSnapshot *snapshot,
               double       plot_x,
               double       plot_w,
               double       bottom)
{
  const GdkRGBA *fg = &self->colors[BL_TIMELINE_COLOR_FG];
  GdkRGBA grid = with_alpha (fg, 0.09), major = with_alpha (fg, 0.22);
  GdkRGBA label = with_alpha (fg, 0.7), context_color = with_alpha (fg, 0.95);
  double top = BL_TIMELINE_OVERVIEW_HEIGHT;
  double label_y = top + 19;
  gboolean rtl = self->axis.rtl;
  BlTimeStep step, context;
  gint32 first, last;
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (gint32));

  bl_timeline_view_days (self, 0, &first, &last);

  /* a label is about 4 digits or 3 letters wide */
  bl_time_step_choose (self->axis.days_per_px, 46, &step);
  bl_time_step_ticks (&step, first, last, ticks);

  fill (snapshot, &grid, plot_x, top + BL_TIMELINE_AXIS_HEIGHT - 1, plot_w, 1);

  for (guint i = 0; i < ticks->len; i++)
    {
      gint32 day = g_array_index (ticks, gint32, i);
      double x = round (bl_timeline_day_x (self, plot_x, day));
      g_autofree char *str = NULL;

      if (x < plot_x - 60 || x > plot_x + plot_w + 60)
        continue;

      if (x >= plot_x && x <= plot_x + plot_w)
        {
          fill (snapshot, &major, x, label_y, 1, BL_TIMELINE_AXIS_HEIGHT - 19);
          fill (snapshot, &grid, x, top + BL_TIMELINE_AXIS_HEIGHT, 1, bottom - top - BL_TIMELINE_AXIS_HEIGHT);
        }

      str = bl_time_step_format (&step, day);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (plot_x, top, plot_w, BL_TIMELINE_AXIS_HEIGHT));
      text (self, snapshot, self->small_font, str, rtl ? x - 4 : x + 4, label_y, 0, rtl, &label, NULL);
      gtk_snapshot_pop (snapshot);
    }

  /* the context row: "February 2023" over day ticks, "2023" over months;
   * the first one sticks to the leading edge while its span is in view */
  if (bl_time_step_get_context (&step, &context))
    {
      g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (gint32));

      bl_time_step_ticks (&context, first, last, spans);
      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (plot_x, top, plot_w, BL_TIMELINE_AXIS_HEIGHT));

      for (guint i = 0; i < spans->len; i++)
        {
          gint32 day = g_array_index (spans, gint32, i);
          gint32 next = bl_time_step_next (&context, day);
          double x = bl_timeline_day_x (self, plot_x, day);
          double x_next = bl_timeline_day_x (self, plot_x, next);
          double lead = rtl ? plot_x + plot_w - 4 : plot_x + 4;
          g_autofree char *str = bl_time_step_format_context (&context, day);
          int w = 0;
          double pos;

          w = text_width (self, self->bold_font, str);
          if (!rtl)
            {
              pos = MAX (x + 4, lead);
              /* slide out with the end of its span */
              pos = MIN (pos, x_next - 8 - w);
              pos = MAX (pos, x + 4);
            }
          else
            {
              pos = MIN (x - 4, lead);
              pos = MAX (pos, x_next + 8 + w);
              pos = MIN (pos, x - 4);
            }

          if (x >= plot_x && x <= plot_x + plot_w)
            fill (snapshot, &major, round (x), top + 2, 1, BL_TIMELINE_AXIS_HEIGHT - 2);

          /* a label pushed out at the leading edge is not drawn half */
          if (rtl ? pos > plot_x + plot_w : pos < plot_x)
            continue;
          text (self, snapshot, self->bold_font, str, pos, top + 2, 0, rtl, &context_color, NULL);
        }

      gtk_snapshot_pop (snapshot);
    }
}

static void
snapshot_dense_lane (BlTimeline       *self,
                     GtkSnapshot      *snapshot,
                     const BlTimeLane *lane,
                     double            plot_x,
                     double            plot_w,
                     double            top,
                     double            height)
{
  const GdkRGBA *fg = &self->colors[BL_TIMELINE_COLOR_FG];
  const GdkRGBA *accent = &self->colors[BL_TIMELINE_COLOR_ACCENT];
  double bin_days = MAX (1.0, round (BL_TIMELINE_BIN_PX * self->axis.days_per_px));
  double inner = height - 6;
  gint32 win_first = BL_DAY_MIN, win_last = BL_DAY_MAX;
  gboolean has_window;
  gint32 origin;
  guint n_bins, max = 1;
  g_autofree gint32 *edges = NULL;
  g_autofree guint *counts = NULL;

  origin = (gint32) floor (self->axis.start / bin_days) * (gint32) bin_days;
  n_bins = (guint) ceil ((bl_time_axis_get_end (&self->axis) - origin) / bin_days) + 1;
  edges = g_new (gint32, n_bins + 1);
  counts = g_new0 (guint, n_bins);
  for (guint k = 0; k <= n_bins; k++)
    edges[k] = origin + (gint32) (k * bin_days);

  bl_time_lane_histogram (lane, edges, n_bins, counts);
  for (guint k = 0; k < n_bins; k++)
    max = MAX (max, counts[k]);

  has_window = bl_filter_has_window (self->filter);
  if (has_window)
    bl_filter_get_effective_window (self->filter, &win_first, &win_last);

  for (guint k = 0; k < n_bins; k++)
    {
      double level, a, b, bh;
      gboolean inside;
      GdkRGBA c;

      if (counts[k] == 0)
        continue;

      level = log1p (counts[k]) / log1p (max);
      inside = !has_window || (edges[k + 1] - 1 >= win_first && edges[k] <= win_last);
      c = inside ? with_alpha (accent, 0.35 + 0.65 * level) : with_alpha (fg, 0.12 + 0.25 * level);
      bh = MAX (2, inner * (0.25 + 0.75 * level));

      a = bl_timeline_day_x (self, plot_x, edges[k]);
      b = bl_timeline_day_x (self, plot_x, edges[k + 1]);
      fill (snapshot, &c, MIN (a, b), top + 3 + inner - bh, MAX (fabs (b - a) - 1, 1), bh);
    }
}

static void
snapshot_shape (BlTimeline            *self,
                GtkSnapshot           *snapshot,
                const BlTimelineShape *s,
                double                 plot_x,
                double                 y,
                const GdkRGBA         *color)
{
  gint32 span_first = 0, span_last = 0;
  double x0, x1, c0, c1;
  double bar_y = y - BL_TIMELINE_BAR_HEIGHT / 2;
  double dir = self->axis.rtl ? -1 : 1;

  bl_time_lanes_get_span (self->lanes, &span_first, &span_last);

  c0 = bl_timeline_day_x (self, plot_x, s->c0);
  c1 = bl_timeline_day_x (self, plot_x, s->c1);

  if (s->point)
    {
      double cx = bl_timeline_day_x (self, plot_x, s->c0 + 0.5);

      /* circa whiskers */
      x0 = bl_timeline_day_x (self, plot_x, s->x0);
      x1 = bl_timeline_day_x (self, plot_x, s->x1);
      if (s->x1 - s->x0 > 1 && fabs (x1 - x0) > BL_TIMELINE_DOT_SIZE)
        {
          GdkRGBA whisker = with_alpha (color, 0.7);

          fade (snapshot, &whisker, x0, cx, y - 1.5, 3);
          fade (snapshot, &whisker, x1, cx, y - 1.5, 3);
        }
      fill_rounded (snapshot, color, cx - BL_TIMELINE_DOT_SIZE / 2, y - BL_TIMELINE_DOT_SIZE / 2, BL_TIMELINE_DOT_SIZE, BL_TIMELINE_DOT_SIZE, BL_TIMELINE_DOT_SIZE / 2);
      return;
    }

  /* the start: open (a fade in), uncertain (a gradient) or sharp */
  if (s->open_start)
    {
      double solid = bl_timeline_day_x (self, plot_x, MIN ((double) span_first, s->c1));

      fade (snapshot, color, solid - dir * BL_TIMELINE_FADE_WIDTH, solid, bar_y, BL_TIMELINE_BAR_HEIGHT);
      c0 = solid;
    }
  else
    {
      x0 = bl_timeline_day_x (self, plot_x, s->x0);
      fade (snapshot, color, x0, c0, bar_y, BL_TIMELINE_BAR_HEIGHT);
    }

  if (s->open_end)
    {
      double solid = bl_timeline_day_x (self, plot_x, MAX ((double) span_last + 1, s->c0));

      fade (snapshot, color, solid + dir * BL_TIMELINE_FADE_WIDTH, solid, bar_y, BL_TIMELINE_BAR_HEIGHT);
      c1 = solid;
    }
  else
    {
      x1 = bl_timeline_day_x (self, plot_x, s->x1);
      fade (snapshot, color, x1, c1, bar_y, BL_TIMELINE_BAR_HEIGHT);
    }

  if (fabs (c1 - c0) >= 0.5)
    fill (snapshot, color, MIN (c0, c1), bar_y, MAX (fabs (c1 - c0), 1), BL_TIMELINE_BAR_HEIGHT);
}

static void
snapshot_selected (BlTimeline            *self,
                   GtkSnapshot           *snapshot,
                   const BlTimelineShape *s,
                   double                 plot_x,
                   double                 y)
{
  const GdkRGBA *fg = &self->colors[BL_TIMELINE_COLOR_FG];
  GdkRGBA colors[4] = { *fg, *fg, *fg, *fg };
  float widths[4] = { 2, 2, 2, 2 };
  GskRoundedRect r;
  double left, right;

  if (s->point)
    {
      double cx = bl_timeline_day_x (self, plot_x, s->c0 + 0.5);

      gsk_rounded_rect_init_from_rect (&r, &GRAPHENE_RECT_INIT (cx - BL_TIMELINE_DOT_SIZE / 2 - 3, y - BL_TIMELINE_DOT_SIZE / 2 - 3,
                                                                BL_TIMELINE_DOT_SIZE + 6, BL_TIMELINE_DOT_SIZE + 6),
                                       BL_TIMELINE_DOT_SIZE / 2 + 3);
    }
  else
    {
      bl_timeline_shape_pixels (self, s, plot_x, &left, &right);
      gsk_rounded_rect_init_from_rect (&r, &GRAPHENE_RECT_INIT (left - 3, y - BL_TIMELINE_BAR_HEIGHT / 2 - 3,
                                                                right - left + 6, BL_TIMELINE_BAR_HEIGHT + 6),
                                       4);
    }

  gtk_snapshot_append_border (snapshot, &r, widths, colors);
}

static void
draw_pile_count (BlTimeline    *self,
                 GtkSnapshot   *snapshot,
                 guint          count,
                 double         x,
                 double         top,
                 const GdkRGBA *color)
{
  g_autofree char *str = NULL;

  if (count < 2)
    return;

  str = g_strdup_printf ("%u", count);
  text (self, snapshot, self->small_font, str,
        self->axis.rtl ? x - BL_TIMELINE_DOT_SIZE / 2 - 3 : x + BL_TIMELINE_DOT_SIZE / 2 + 3,
        top + BL_TIMELINE_ROW_TOP - 8, 0, self->axis.rtl, color, NULL);
}

static void
snapshot_sparse_lane (BlTimeline       *self,
                      GtkSnapshot      *snapshot,
                      const BlTimeLane *lane,
                      double            plot_x,
                      double            top)
{
  BlClaimStore *store = bl_project_get_claims (bl_visible_claims_get_project (self->visible));
  const BlDate *dates = bl_claim_store_get_dates (store, self->lanes_clock);
  const guint8 *stances = bl_claim_store_get_stances (store);
  const guint8 *mask = bl_visible_claims_get_mask (self->visible);
  const GdkRGBA *fg = &self->colors[BL_TIMELINE_COLOR_FG];
  GdkRGBA badge = with_alpha (fg, 0.8);
  gint32 first, last;
  guint end, run = 0;
  double run_x = -G_MAXDOUBLE, run_y = 0;
  gboolean have_selected = FALSE;
  BlTimelineShape selected;
  double selected_y = 0;

  /* a fade reaches up to BL_TIMELINE_FADE_WIDTH beyond the view */
  bl_timeline_view_days (self, BL_TIMELINE_FADE_WIDTH + BL_TIMELINE_DOT_SIZE, &first, &last);
  end = bl_time_lane_end (lane, last);

  for (guint b = 0; b * BL_TIME_LANE_BLOCK < end; b++)
    {
      if (lane->block_max[b] < first)
        continue;

      for (guint i = b * BL_TIME_LANE_BLOCK; i < MIN (end, (b + 1) * BL_TIME_LANE_BLOCK); i++)
        {
          guint32 c = lane->claims[i];
          double y = bl_timeline_row_center (top, lane->row[i]);
          GdkRGBA color;
          BlTimelineShape s;

          if (lane->last[i] < first && lane->last[i] != BL_DAY_MAX)
            continue;

          bl_timeline_claim_shape (&dates[c], &s);
          color = with_alpha (stance_color (self, stances[c]), mask[c] ? 1.0 : 0.3);

          if (s.point)
            {
              double x = bl_timeline_day_x (self, plot_x, s.c0 + 0.5);

              /* points on the same day pile up: one dot, and how many */
              if (fabs (x - run_x) < 2)
                {
                  run++;
                  y = run_y;
                }
              else
                {
                  draw_pile_count (self, snapshot, run, run_x, top, &badge);
                  run = 1;
                  run_x = x;
                  run_y = y;
                  snapshot_shape (self, snapshot, &s, plot_x, y, &color);
                }
            }
          else
            snapshot_shape (self, snapshot, &s, plot_x, y, &color);

          if (c == self->selected)
            {
              have_selected = TRUE;
              selected = s;
              selected_y = y;
            }
        }
    }

  draw_pile_count (self, snapshot, run, run_x, top, &badge);

  if (have_selected)
    snapshot_selected (self, snapshot, &selected, plot_x, selected_y);
}

static void
snapshot_window (BlTimeline  *self,
                 GtkSnapshot *snapshot,
                 double       plot_x,
                 double       plot_w,
                 double       bottom,
                 gboolean     under)
{
  const GdkRGBA *accent = &self->colors[BL_TIMELINE_COLOR_ACCENT];
  const GdkRGBA *accent_fg = &self->colors[BL_TIMELINE_COLOR_ACCENT_FG];
  double top = BL_TIMELINE_OVERVIEW_HEIGHT;
  gboolean cumulative = bl_filter_get_cumulative (self->filter);
  gint32 first, last;
  double a, b;

  if (!bl_timeline_get_shown_window (self, &first, &last))
    return;

  a = bl_timeline_day_x (self, plot_x, first);
  b = bl_timeline_day_x (self, plot_x, (double) last + 1);

  if (under)
    {
      GdkRGBA tint = with_alpha (accent, bl_filter_has_window (self->filter) ? 0.13 : 0.05);

      if (cumulative)
        {
          /* everything up to the end: fade in from the leading edge */
          double lead = self->axis.rtl ? plot_x + plot_w : plot_x;

          fade (snapshot, &tint, lead, b, top, bottom - top);
        }
      else
        fill (snapshot, &tint, MIN (a, b), top, fabs (b - a), bottom - top);
      return;
    }

  /* edges and handles, over the claims */
  for (guint e = 0; e < 2; e++)
    {
      double x = e == 0 ? a : b;
      double hy = top + BL_TIMELINE_AXIS_HEIGHT / 2.0 - 12;

      if (e == 0 && cumulative)
        continue;
      if (x < plot_x - BL_TIMELINE_HANDLE_WIDTH || x > plot_x + plot_w + BL_TIMELINE_HANDLE_WIDTH)
        continue;

      fill (snapshot, accent, round (x) - 1, top, 2, bottom - top);
      fill_rounded (snapshot, accent, round (x) - BL_TIMELINE_HANDLE_WIDTH / 2.0, hy,
                    BL_TIMELINE_HANDLE_WIDTH, 24, 3);
      fill (snapshot, accent_fg, round (x) - 1.5, hy + 7, 1, 10);
      fill (snapshot, accent_fg, round (x) + 0.5, hy + 7, 1, 10);
    }

  if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
    {
      GdkRGBA ring = with_alpha (accent, 0.6);
      GdkRGBA colors[4] = { ring, ring, ring, ring };
      float widths[4] = { 2, 2, 2, 2 };
      GskRoundedRect r;
      double left = cumulative ? (self->axis.rtl ? b : plot_x) : MIN (a, b);
      double right = cumulative ? (self->axis.rtl ? plot_x + plot_w : b) : MAX (a, b);

      gsk_rounded_rect_init_from_rect (&r, &GRAPHENE_RECT_INIT (left, top + 1, right - left, bottom - top - 2), 4);
      gtk_snapshot_append_border (snapshot, &r, widths, colors);
    }
}

static void
snapshot_lanes (BlTimeline  *self,
                GtkSnapshot *snapshot,
                double       plot_x,
                double       plot_w,
                double       width,
                double       height)
{
  const GdkRGBA *fg = &self->colors[BL_TIMELINE_COLOR_FG];
  GdkRGBA stripe = with_alpha (fg, 0.035), rule = with_alpha (fg, 0.08);
  GdkRGBA name = with_alpha (fg, 0.85), dim = with_alpha (fg, 0.55);
  double lanes_top = bl_timeline_lanes_top (self);
  double label_x = self->axis.rtl ? plot_x + plot_w : 0;
  double label_w = width - plot_w;
  double y = lanes_top - self->lane_scroll;
  gint32 first, last;

  bl_timeline_view_days (self, 0, &first, &last);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, lanes_top, width, MAX (height - lanes_top, 0)));

  for (guint l = 0; l < bl_time_lanes_get_n_lanes (self->lanes); l++)
    {
      const BlTimeLane *lane = bl_time_lanes_get_lane (self->lanes, l);
      gboolean collapsed = bl_timeline_is_lane_collapsed (self, lane);
      double h = bl_timeline_lane_height (self, lane);
      g_autofree char *count = NULL;
      int count_w = 0;

      if (y + h < lanes_top)
        {
          y += h;
          continue;
        }
      if (y > height)
        break;

      if (l % 2 == 1)
        fill (snapshot, &stripe, 0, y, width, h);
      fill (snapshot, &rule, 0, y + h - 1, width, 1);

      /* the header: disclosure, name, claims in view */
      count = g_strdup_printf ("%u", bl_time_lane_count (lane, first, last));
      if (self->axis.rtl)
        {
          text (self, snapshot, self->small_font, count, label_x + 6, y + (collapsed ? 0 : 3), 0, FALSE, &dim, &count_w);
          text (self, snapshot, self->small_font, collapsed ? "◂" : "▾", label_x + label_w - 6, y + (collapsed ? 0 : 3), 0, TRUE, &dim, NULL);
          text (self, snapshot, self->small_font, bl_timeline_get_lane_name (self, lane),
                label_x + label_w - 20, y + (collapsed ? 0 : 3), label_w - 34 - count_w, TRUE, &name, NULL);
        }
      else
        {
          text (self, snapshot, self->small_font, count, label_w - 8, y + (collapsed ? 0 : 3), 0, TRUE, &dim, &count_w);
          text (self, snapshot, self->small_font, collapsed ? "▸" : "▾", 6, y + (collapsed ? 0 : 3), 0, FALSE, &dim, NULL);
          text (self, snapshot, self->small_font, bl_timeline_get_lane_name (self, lane),
                20, y + (collapsed ? 0 : 3), label_w - 34 - count_w, FALSE, &name, NULL);
        }

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (plot_x, y, plot_w, h));
      if (bl_timeline_lane_is_dense (self, lane))
        snapshot_dense_lane (self, snapshot, lane, plot_x, plot_w, y, h);
      else
        snapshot_sparse_lane (self, snapshot, lane, plot_x, y);
      gtk_snapshot_pop (snapshot);

      y += h;
    }

  gtk_snapshot_pop (snapshot);
}

/**
 * bl_timeline_snapshot_all:
 *
 * Draws the whole timeline.
 */
void
bl_timeline_snapshot_all (BlTimeline  *self,
                          GtkSnapshot *snapshot)
{
  const GdkRGBA *fg = &self->colors[BL_TIMELINE_COLOR_FG];
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double plot_x, plot_w, bottom;
  GdkRGBA rule = with_alpha (fg, 0.12);

  bl_timeline_ensure_lanes (self);
  bl_timeline_get_plot (self, &plot_x, &plot_w);

  /* the label column */
  fill (snapshot, &(GdkRGBA) { fg->red, fg->green, fg->blue, fg->alpha * 0.03 },
        self->axis.rtl ? plot_x + plot_w : 0, 0, width - plot_w, height);
  fill (snapshot, &rule, self->axis.rtl ? plot_x + plot_w : plot_x - 1, 0, 1, height);

  if (self->lanes == NULL || !bl_time_lanes_get_span (self->lanes, NULL, NULL))
    {
      GdkRGBA dim = with_alpha (fg, 0.55);

      text (self, snapshot, NULL, self->visible ? _("No dated claims") : _("No project"),
            plot_x + plot_w / 2 - 50, height / 2 - 8, 0, FALSE, &dim, NULL);
      return;
    }

  bottom = MIN (height, bl_timeline_lanes_top (self) - self->lane_scroll + bl_timeline_get_lanes_height (self));
  bottom = MAX (bottom, bl_timeline_lanes_top (self));

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (plot_x, 0, plot_w, height));
  snapshot_overview (self, snapshot, plot_x, plot_w);
  snapshot_window (self, snapshot, plot_x, plot_w, bottom, TRUE);
  snapshot_axis (self, snapshot, plot_x, plot_w, bottom);
  gtk_snapshot_pop (snapshot);

  snapshot_lanes (self, snapshot, plot_x, plot_w, width, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (plot_x, 0, plot_w, height));
  snapshot_window (self, snapshot, plot_x, plot_w, bottom, FALSE);
  gtk_snapshot_pop (snapshot);
}

/* }}} */
