/* bl-time-axis.h — a time scale in pixels, and its ticks and labels
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BlTimeUnit:
 * @BL_TIME_UNIT_DAY: days
 * @BL_TIME_UNIT_MONTH: calendar months
 * @BL_TIME_UNIT_YEAR: calendar years
 *
 * The units a tick step counts in. Days are the finest: Borderline's
 * dates have no hours.
 */
typedef enum {
  BL_TIME_UNIT_DAY,
  BL_TIME_UNIT_MONTH,
  BL_TIME_UNIT_YEAR,
} BlTimeUnit;

/**
 * BlTimeStep:
 * @unit: what is counted
 * @count: how many units between two ticks (1, 2, 7 days; 1, 3, 6 months;
 *   1, 2, 5, 10, 20, 50, 100… years)
 *
 * The distance between two ticks of the axis. Ticks are aligned to the
 * calendar: day steps restart on the first of each month, month steps on
 * January, year steps on multiples of @count.
 */
typedef struct {
  BlTimeUnit unit;
  guint      count;
} BlTimeStep;

/**
 * BlTimeAxis:
 * @start: the day (fractional) at the axis' leading edge: the left in a
 *   left-to-right locale, the right in a right-to-left one
 * @days_per_px: the scale
 * @width: the axis' length in pixels
 * @rtl: %TRUE when time runs from right to left
 *
 * A mapping between days and pixels. Day d covers [d, d + 1) on the axis,
 * so a one-day point is drawn at d + 0.5.
 */
typedef struct {
  double   start;
  double   days_per_px;
  double   width;
  gboolean rtl;
} BlTimeAxis;

/* The closest and farthest zoom: 48 px per day, about two millennia in
 * 2,000 px. */
#define BL_TIME_AXIS_MIN_DAYS_PER_PX (1.0 / 48.0)
#define BL_TIME_AXIS_MAX_DAYS_PER_PX 365.0

double   bl_time_axis_day_to_x       (const BlTimeAxis *axis,
                                      double            day);
double   bl_time_axis_x_to_day       (const BlTimeAxis *axis,
                                      double            x);
double   bl_time_axis_get_end        (const BlTimeAxis *axis);
void     bl_time_axis_zoom           (BlTimeAxis       *axis,
                                      double            factor,
                                      double            anchor_x);
void     bl_time_axis_pan            (BlTimeAxis       *axis,
                                      double            dx);
void     bl_time_axis_fit            (BlTimeAxis       *axis,
                                      gint32            first_day,
                                      gint32            last_day,
                                      double            margin);

gboolean bl_time_step_choose         (double            days_per_px,
                                      double            min_px,
                                      BlTimeStep       *step);
gboolean bl_time_step_get_context    (const BlTimeStep *step,
                                      BlTimeStep       *context);
double   bl_time_step_get_days       (const BlTimeStep *step);
gint32   bl_time_step_floor          (const BlTimeStep *step,
                                      gint32            day);
gint32   bl_time_step_next           (const BlTimeStep *step,
                                      gint32            day);
void     bl_time_step_ticks          (const BlTimeStep *step,
                                      gint32            first_day,
                                      gint32            last_day,
                                      GArray           *out_days);
char    *bl_time_step_format         (const BlTimeStep *step,
                                      gint32            day);
char    *bl_time_step_format_context (const BlTimeStep *context,
                                      gint32            day);

G_END_DECLS
