/* test-time-axis.c — the timeline's scale, ticks and labels, without a display
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "bl-date.h"
#include "bl-time-axis.h"

#define DAY(y, m, d) bl_day_from_ymd (y, m, d)

static void
test_choose_steps (void)
{
  /* from decades down to days, as the scale grows */
  static const struct {
    double     days_per_px;
    BlTimeUnit unit;
    guint      count;
  } cases[] = {
    { 1.0 / 48,  BL_TIME_UNIT_DAY,    1 },
    { 1.0 / 40,  BL_TIME_UNIT_DAY,    2 },   /* 40 px a day: 1 day is < 46 px */
    { 1.0 / 20,  BL_TIME_UNIT_DAY,    7 },
    { 0.1,       BL_TIME_UNIT_DAY,    7 },
    { 0.5,       BL_TIME_UNIT_MONTH,  1 },
    { 1.5,       BL_TIME_UNIT_MONTH,  3 },
    { 3.0,       BL_TIME_UNIT_MONTH,  6 },
    { 6.0,       BL_TIME_UNIT_YEAR,   1 },
    { 12.0,      BL_TIME_UNIT_YEAR,   2 },
    { 30.0,      BL_TIME_UNIT_YEAR,   5 },
    { 60.0,      BL_TIME_UNIT_YEAR,  10 },
    { 150.0,     BL_TIME_UNIT_YEAR,  20 },
    { 365.0,     BL_TIME_UNIT_YEAR,  50 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BlTimeStep step;

      g_assert_true (bl_time_step_choose (cases[i].days_per_px, 46, &step));
      g_assert_cmpint (step.unit, ==, cases[i].unit);
      g_assert_cmpuint (step.count, ==, cases[i].count);
      g_assert_cmpfloat (bl_time_step_get_days (&step) / cases[i].days_per_px, >=, 46);
    }
}

static GArray *
ticks (BlTimeUnit unit,
       guint      count,
       gint32     first,
       gint32     last)
{
  BlTimeStep step = { unit, count };
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint32));

  bl_time_step_ticks (&step, first, last, out);
  return out;
}

static void
assert_ticks (GArray       *got,
              const gint32 *want,
              guint         n_want)
{
  g_assert_cmpuint (got->len, ==, n_want);
  for (guint i = 0; i < n_want; i++)
    g_assert_cmpint (g_array_index (got, gint32, i), ==, want[i]);
  g_array_unref (got);
}

static void
test_ticks (void)
{
  /* days, restarting on the first of each month */
  {
    gint32 want[] = { DAY (2023, 2, 27), DAY (2023, 2, 28), DAY (2023, 3, 1), DAY (2023, 3, 2) };

    assert_ticks (ticks (BL_TIME_UNIT_DAY, 1, DAY (2023, 2, 27), DAY (2023, 3, 2)), want, G_N_ELEMENTS (want));
  }
  /* two days: 1, 3, … 27 in February (no 29th), then March 1 */
  {
    gint32 want[] = { DAY (2023, 2, 25), DAY (2023, 2, 27), DAY (2023, 3, 1), DAY (2023, 3, 3) };

    assert_ticks (ticks (BL_TIME_UNIT_DAY, 2, DAY (2023, 2, 26), DAY (2023, 3, 4)), want, G_N_ELEMENTS (want));
  }
  /* weeks: the 1st, 8th, 15th and 22nd; a day after the 22nd floors to it */
  {
    gint32 want[] = { DAY (2023, 1, 22), DAY (2023, 2, 1), DAY (2023, 2, 8), DAY (2023, 2, 15) };

    assert_ticks (ticks (BL_TIME_UNIT_DAY, 7, DAY (2023, 1, 30), DAY (2023, 2, 20)), want, G_N_ELEMENTS (want));
  }
  /* quarters */
  {
    gint32 want[] = { DAY (2021, 7, 1), DAY (2021, 10, 1), DAY (2022, 1, 1), DAY (2022, 4, 1) };

    assert_ticks (ticks (BL_TIME_UNIT_MONTH, 3, DAY (2021, 8, 15), DAY (2022, 5, 1)), want, G_N_ELEMENTS (want));
  }
  /* decades */
  {
    gint32 want[] = { DAY (1990, 1, 1), DAY (2000, 1, 1), DAY (2010, 1, 1), DAY (2020, 1, 1) };

    assert_ticks (ticks (BL_TIME_UNIT_YEAR, 10, DAY (1995, 6, 1), DAY (2025, 1, 1)), want, G_N_ELEMENTS (want));
  }
  /* days far outside BlDate's years are clamped, not looped over */
  {
    GArray *got = ticks (BL_TIME_UNIT_YEAR, 1000, G_MININT32, G_MAXINT32);

    g_assert_cmpuint (got->len, <=, 11);
    g_array_unref (got);
  }
}

static void
test_next_floor (void)
{
  BlTimeStep month = { BL_TIME_UNIT_MONTH, 1 }, half = { BL_TIME_UNIT_MONTH, 6 };

  g_assert_cmpint (bl_time_step_next (&month, DAY (2022, 12, 1)), ==, DAY (2023, 1, 1));
  g_assert_cmpint (bl_time_step_next (&half, DAY (2022, 7, 1)), ==, DAY (2023, 1, 1));
  g_assert_cmpint (bl_time_step_floor (&half, DAY (2022, 6, 30)), ==, DAY (2022, 1, 1));

  for (gint32 d = DAY (2020, 1, 1); d < DAY (2021, 1, 1); d++)
    {
      BlTimeStep week = { BL_TIME_UNIT_DAY, 7 };
      gint32 f = bl_time_step_floor (&week, d);

      g_assert_cmpint (f, <=, d);
      g_assert_cmpint (bl_time_step_next (&week, f), >, d);
    }
}

static void
test_labels (void)
{
  BlTimeStep day = { BL_TIME_UNIT_DAY, 1 }, month = { BL_TIME_UNIT_MONTH, 1 };
  BlTimeStep year = { BL_TIME_UNIT_YEAR, 5 }, context;
  g_autofree char *d = bl_time_step_format (&day, DAY (2023, 2, 14));
  g_autofree char *m = bl_time_step_format (&month, DAY (2023, 2, 1));
  g_autofree char *y = bl_time_step_format (&year, DAY (2020, 1, 1));
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;

  g_assert_cmpstr (d, ==, "14");
  g_assert_cmpstr (m, ==, "Feb");
  g_assert_cmpstr (y, ==, "2020");

  g_assert_true (bl_time_step_get_context (&day, &context));
  c1 = bl_time_step_format_context (&context, DAY (2023, 2, 1));
  g_assert_cmpstr (c1, ==, "February 2023");

  g_assert_true (bl_time_step_get_context (&month, &context));
  c2 = bl_time_step_format_context (&context, DAY (2023, 1, 1));
  g_assert_cmpstr (c2, ==, "2023");

  g_assert_false (bl_time_step_get_context (&year, &context));
}

static void
test_mapping (void)
{
  BlTimeAxis ltr = { DAY (2023, 1, 1), 0.5, 800, FALSE };
  BlTimeAxis rtl = ltr;

  rtl.rtl = TRUE;

  /* left to right: time grows rightwards */
  g_assert_cmpfloat (bl_time_axis_day_to_x (&ltr, DAY (2023, 1, 1)), ==, 0);
  g_assert_cmpfloat (bl_time_axis_day_to_x (&ltr, DAY (2023, 1, 11)), ==, 20);
  /* right to left: the same day, mirrored */
  g_assert_cmpfloat (bl_time_axis_day_to_x (&rtl, DAY (2023, 1, 1)), ==, 800);
  g_assert_cmpfloat (bl_time_axis_day_to_x (&rtl, DAY (2023, 1, 11)), ==, 780);

  for (double x = 0; x <= 800; x += 37.5)
    {
      g_assert_cmpfloat (fabs (bl_time_axis_day_to_x (&ltr, bl_time_axis_x_to_day (&ltr, x)) - x), <, 1e-9);
      g_assert_cmpfloat (fabs (bl_time_axis_day_to_x (&rtl, bl_time_axis_x_to_day (&rtl, x)) - x), <, 1e-9);
    }
  g_assert_cmpfloat (bl_time_axis_get_end (&ltr), ==, DAY (2023, 1, 1) + 400);
}

static void
test_zoom_pan_fit (void)
{
  for (guint dir = 0; dir < 2; dir++)
    {
      BlTimeAxis axis = { DAY (2020, 1, 1), 2.0, 1000, dir == 1 };
      double day = bl_time_axis_x_to_day (&axis, 300);

      /* the day under the pointer stays put */
      bl_time_axis_zoom (&axis, 4, 300);
      g_assert_cmpfloat (axis.days_per_px, ==, 0.5);
      g_assert_cmpfloat (fabs (bl_time_axis_x_to_day (&axis, 300) - day), <, 1e-6);

      /* limits */
      bl_time_axis_zoom (&axis, 1e6, 300);
      g_assert_cmpfloat (axis.days_per_px, ==, BL_TIME_AXIS_MIN_DAYS_PER_PX);
      bl_time_axis_zoom (&axis, 1e-9, 300);
      g_assert_cmpfloat (axis.days_per_px, ==, BL_TIME_AXIS_MAX_DAYS_PER_PX);

      /* dragging the content right shows earlier days, either way round */
      bl_time_axis_fit (&axis, DAY (2021, 8, 1), DAY (2023, 2, 28), 20);
      day = bl_time_axis_x_to_day (&axis, 500);
      bl_time_axis_pan (&axis, 100);
      g_assert_cmpfloat (fabs (bl_time_axis_x_to_day (&axis, 600) - day), <, 1e-6);

      /* fit: both ends inside, with the margin */
      bl_time_axis_fit (&axis, DAY (2021, 8, 1), DAY (2023, 2, 28), 20);
      g_assert_cmpfloat (fabs (fmin (bl_time_axis_day_to_x (&axis, DAY (2021, 8, 1)),
                                     bl_time_axis_day_to_x (&axis, DAY (2023, 3, 1))) - 20), <, 1e-6);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-axis/choose", test_choose_steps);
  g_test_add_func ("/time-axis/ticks", test_ticks);
  g_test_add_func ("/time-axis/next-floor", test_next_floor);
  g_test_add_func ("/time-axis/labels", test_labels);
  g_test_add_func ("/time-axis/mapping", test_mapping);
  g_test_add_func ("/time-axis/zoom-pan-fit", test_zoom_pan_fit);

  return g_test_run ();
}
