/* bl-time-axis.c — a time scale in pixels, and its ticks and labels
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline widget draws a calendar axis that adapts to the zoom, from
 * centuries down to single days. This file holds everything about that
 * axis that needs no display, so that it can be tested on its own:
 *
 * - BlTimeAxis maps days to pixels and back, in either direction (time
 *   runs right to left in a right-to-left locale), and zooms and pans
 *   while keeping the day under the pointer in place;
 * - BlTimeStep is the distance between ticks, chosen from a fixed ladder
 *   (1, 2, 7 days; 1, 3, 6 months; 1, 2, 5, 10… years) so that labels
 *   keep a minimum spacing, and aligned to the calendar;
 * - the labels are localised through GDateTime ("Feb", "February 2023").
 *
 * It does not draw, and it knows nothing about claims.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bl-date.h"
#include "bl-time-axis.h"

/* The ladder of steps, finest first. */
static const BlTimeStep steps[] = {
  { BL_TIME_UNIT_DAY, 1 },
  { BL_TIME_UNIT_DAY, 2 },
  { BL_TIME_UNIT_DAY, 7 },
  { BL_TIME_UNIT_MONTH, 1 },
  { BL_TIME_UNIT_MONTH, 3 },
  { BL_TIME_UNIT_MONTH, 6 },
  { BL_TIME_UNIT_YEAR, 1 },
  { BL_TIME_UNIT_YEAR, 2 },
  { BL_TIME_UNIT_YEAR, 5 },
  { BL_TIME_UNIT_YEAR, 10 },
  { BL_TIME_UNIT_YEAR, 20 },
  { BL_TIME_UNIT_YEAR, 50 },
  { BL_TIME_UNIT_YEAR, 100 },
  { BL_TIME_UNIT_YEAR, 200 },
  { BL_TIME_UNIT_YEAR, 500 },
  { BL_TIME_UNIT_YEAR, 1000 },
};

/* Days 1..9999 CE: what BlDate can express. */
#define FIRST_YEAR 1
#define LAST_YEAR  9999

/* Mapping {{{ */

/**
 * bl_time_axis_day_to_x:
 * @day: a day number, possibly fractional
 *
 * Returns: where @day is on the axis, 0 being the axis' left end
 */
double
bl_time_axis_day_to_x (const BlTimeAxis *axis,
                       double            day)
{
  double offset = (day - axis->start) / axis->days_per_px;

  return axis->rtl ? axis->width - offset : offset;
}

/**
 * bl_time_axis_x_to_day:
 * @x: a position on the axis, 0 being its left end
 *
 * Returns: the (fractional) day at @x
 */
double
bl_time_axis_x_to_day (const BlTimeAxis *axis,
                       double            x)
{
  double offset = axis->rtl ? axis->width - x : x;

  return axis->start + offset * axis->days_per_px;
}

/**
 * bl_time_axis_get_end:
 *
 * Returns: the day at the trailing edge of the axis
 */
double
bl_time_axis_get_end (const BlTimeAxis *axis)
{
  return axis->start + axis->width * axis->days_per_px;
}

static void
clamp_start (BlTimeAxis *axis)
{
  double lo = bl_day_from_ymd (FIRST_YEAR, 1, 1);
  double hi = bl_day_from_ymd (LAST_YEAR, 12, 31) - axis->width * axis->days_per_px;

  axis->start = CLAMP (axis->start, lo, MAX (lo, hi));
}

/**
 * bl_time_axis_zoom:
 * @factor: > 1 zooms in (fewer days per pixel), < 1 zooms out
 * @anchor_x: the position that keeps its day, usually the pointer
 *
 * Zooms within %BL_TIME_AXIS_MIN_DAYS_PER_PX and
 * %BL_TIME_AXIS_MAX_DAYS_PER_PX.
 */
void
bl_time_axis_zoom (BlTimeAxis *axis,
                   double      factor,
                   double      anchor_x)
{
  double anchor_day, offset;

  g_return_if_fail (factor > 0);

  anchor_day = bl_time_axis_x_to_day (axis, anchor_x);
  axis->days_per_px = CLAMP (axis->days_per_px / factor,
                             BL_TIME_AXIS_MIN_DAYS_PER_PX,
                             BL_TIME_AXIS_MAX_DAYS_PER_PX);
  offset = axis->rtl ? axis->width - anchor_x : anchor_x;
  axis->start = anchor_day - offset * axis->days_per_px;
  clamp_start (axis);
}

/**
 * bl_time_axis_pan:
 * @dx: how far the content moves, in pixels, positive to the right
 *
 * Moves the content with the pointer, as when it is dragged.
 */
void
bl_time_axis_pan (BlTimeAxis *axis,
                  double      dx)
{
  axis->start += (axis->rtl ? dx : -dx) * axis->days_per_px;
  clamp_start (axis);
}

/**
 * bl_time_axis_fit:
 * @first_day: the first day to show
 * @last_day: the last day to show, inclusive
 * @margin: pixels to leave free at each end
 *
 * Sets the scale and start so that the days fill the axis.
 */
void
bl_time_axis_fit (BlTimeAxis *axis,
                  gint32      first_day,
                  gint32      last_day,
                  double      margin)
{
  double usable = MAX (axis->width - 2 * margin, 1.0);
  double days = (double) last_day - first_day + 1;

  g_return_if_fail (first_day <= last_day);

  axis->days_per_px = CLAMP (days / usable,
                             BL_TIME_AXIS_MIN_DAYS_PER_PX,
                             BL_TIME_AXIS_MAX_DAYS_PER_PX);
  /* centre the days */
  axis->start = (first_day + days / 2.0) - axis->width * axis->days_per_px / 2.0;
  clamp_start (axis);
}

/* }}} */

/* Steps {{{ */

/**
 * bl_time_step_get_days:
 *
 * Returns: the nominal length of @step in days (a month is 30.44 days)
 */
double
bl_time_step_get_days (const BlTimeStep *step)
{
  switch (step->unit)
    {
    case BL_TIME_UNIT_DAY:
      return step->count;
    case BL_TIME_UNIT_MONTH:
      return step->count * 30.436875;
    case BL_TIME_UNIT_YEAR:
    default:
      return step->count * 365.2425;
    }
}

/**
 * bl_time_step_choose:
 * @days_per_px: the scale
 * @min_px: the smallest distance wanted between two ticks
 * @step: (out): the finest step at least @min_px long
 *
 * Returns: %FALSE when even the coarsest step is shorter than @min_px
 *   (@step is then the coarsest)
 */
gboolean
bl_time_step_choose (double      days_per_px,
                     double      min_px,
                     BlTimeStep *step)
{
  g_return_val_if_fail (days_per_px > 0, FALSE);
  g_return_val_if_fail (step != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (bl_time_step_get_days (&steps[i]) / days_per_px >= min_px)
      {
        *step = steps[i];
        return TRUE;
      }

  *step = steps[G_N_ELEMENTS (steps) - 1];
  return FALSE;
}

/**
 * bl_time_step_get_context:
 * @context: (out): the coarser unit that names the ticks of @step
 *
 * Day ticks ("14") need their month ("February 2023"), month ticks ("Feb")
 * their year. Year ticks name themselves.
 *
 * Returns: %FALSE when @step needs no context
 */
gboolean
bl_time_step_get_context (const BlTimeStep *step,
                          BlTimeStep       *context)
{
  switch (step->unit)
    {
    case BL_TIME_UNIT_DAY:
      *context = (BlTimeStep) { BL_TIME_UNIT_MONTH, 1 };
      return TRUE;
    case BL_TIME_UNIT_MONTH:
      *context = (BlTimeStep) { BL_TIME_UNIT_YEAR, 1 };
      return TRUE;
    case BL_TIME_UNIT_YEAR:
    default:
      return FALSE;
    }
}

/* Day ticks stop early in a month when the next month's first would come
 * too soon: with a step of 7 days they fall on the 1st, 8th, 15th and
 * 22nd. */
static gboolean
day_tick_fits (int   year,
               int   month,
               int   day,
               guint count)
{
  return bl_date_days_in_month (year, month) - day + 1 >= (int) count;
}

static int
floor_div (int a,
           int b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/**
 * bl_time_step_floor:
 * @day: any day
 *
 * Returns: the tick of @step at or before @day
 */
gint32
bl_time_step_floor (const BlTimeStep *step,
                    gint32            day)
{
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);

  switch (step->unit)
    {
    case BL_TIME_UNIT_DAY:
      d = 1 + ((d - 1) / (int) step->count) * (int) step->count;
      while (d > 1 && !day_tick_fits (y, m, d, step->count))
        d -= step->count;
      return bl_day_from_ymd (y, m, d);

    case BL_TIME_UNIT_MONTH:
      m = 1 + ((m - 1) / (int) step->count) * (int) step->count;
      return bl_day_from_ymd (y, m, 1);

    case BL_TIME_UNIT_YEAR:
    default:
      y = floor_div (y, step->count) * (int) step->count;
      return bl_day_from_ymd (MAX (y, FIRST_YEAR), 1, 1);
    }
}

/**
 * bl_time_step_next:
 * @day: a tick of @step
 *
 * Returns: the tick after @day
 */
gint32
bl_time_step_next (const BlTimeStep *step,
                   gint32            day)
{
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);

  switch (step->unit)
    {
    case BL_TIME_UNIT_DAY:
      d += step->count;
      if (d > bl_date_days_in_month (y, m) || !day_tick_fits (y, m, d, step->count))
        {
          d = 1;
          if (++m > 12)
            {
              m = 1;
              y++;
            }
        }
      return bl_day_from_ymd (y, m, d);

    case BL_TIME_UNIT_MONTH:
      m += step->count;
      y += (m - 1) / 12;
      m = (m - 1) % 12 + 1;
      return bl_day_from_ymd (y, m, 1);

    case BL_TIME_UNIT_YEAR:
    default:
      return bl_day_from_ymd (y + step->count, 1, 1);
    }
}

/**
 * bl_time_step_ticks:
 * @first_day: the first day of the range
 * @last_day: the last day, inclusive
 * @out_days: a #GArray of gint32, appended to
 *
 * Lists the ticks of @step from the last one at or before @first_day (so
 * a label that starts before the range is still drawn) to @last_day.
 */
void
bl_time_step_ticks (const BlTimeStep *step,
                    gint32            first_day,
                    gint32            last_day,
                    GArray           *out_days)
{
  gint32 lo = bl_day_from_ymd (FIRST_YEAR, 1, 1);
  gint32 hi = bl_day_from_ymd (LAST_YEAR, 1, 1);
  gint32 day;

  g_return_if_fail (out_days != NULL);

  first_day = CLAMP (first_day, lo, hi);
  last_day = CLAMP (last_day, lo, hi);

  for (day = bl_time_step_floor (step, first_day);
       day <= last_day;
       day = bl_time_step_next (step, day))
    g_array_append_val (out_days, day);
}

static char *
format_day (gint32      day,
            const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  dt = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (dt == NULL)
    return g_strdup ("?");

  return g_date_time_format (dt, format);
}

/**
 * bl_time_step_format:
 * @day: a tick of @step
 *
 * Returns: (transfer full): the tick's label: "14", "Feb", "2023"
 */
char *
bl_time_step_format (const BlTimeStep *step,
                     gint32            day)
{
  int y, m, d;

  switch (step->unit)
    {
    case BL_TIME_UNIT_DAY:
      /* Translators: a day of the month on the timeline's axis, as for
       * g_date_time_format(): %-d is the day without padding */
      return format_day (day, C_("timeline tick", "%-d"));

    case BL_TIME_UNIT_MONTH:
      /* Translators: a month on the timeline's axis, as for
       * g_date_time_format(): %Ob is the abbreviated month name on its own */
      return format_day (day, C_("timeline tick", "%Ob"));

    case BL_TIME_UNIT_YEAR:
    default:
      bl_day_to_ymd (day, &y, &m, &d);
      return g_strdup_printf ("%d", y);
    }
}

/**
 * bl_time_step_format_context:
 * @context: a step from bl_time_step_get_context()
 * @day: a tick of @context
 *
 * Returns: (transfer full): the context label: "February 2023", "2023"
 */
char *
bl_time_step_format_context (const BlTimeStep *context,
                             gint32            day)
{
  int y, m, d;

  if (context->unit == BL_TIME_UNIT_MONTH)
    /* Translators: a month and year above the timeline's day ticks, as for
     * g_date_time_format(): %OB month name on its own, %Y year */
    return format_day (day, C_("timeline context", "%OB %Y"));

  bl_day_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%d", y);
}

/* }}} */
