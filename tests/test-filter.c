/* test-filter.c — the shared filter and selection: values and signals
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bl-date.h"
#include "bl-filter.h"
#include "bl-selection.h"

static void
on_changed (BlFilter *filter,
            guint     what,
            guint    *last)
{
  *last |= what;
}

static void
test_filter_signals (void)
{
  g_autoptr(BlFilter) filter = bl_filter_new ();
  guint what = 0;
  gint32 first, last;

  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &what);

  g_assert_false (bl_filter_has_window (filter));
  g_assert_false (bl_filter_has_criteria (filter));

  bl_filter_set_window (filter, 100, 200);
  g_assert_cmpuint (what, ==, BL_FILTER_CHANGE_WINDOW);
  g_assert_true (bl_filter_has_window (filter));

  /* the same value again says nothing */
  what = 0;
  bl_filter_set_window (filter, 100, 200);
  bl_filter_set_text (filter, NULL);
  bl_filter_set_text (filter, "");
  g_assert_cmpuint (what, ==, 0);

  bl_filter_set_text (filter, "Kunduz");
  g_assert_cmpuint (what, ==, BL_FILTER_CHANGE_CRITERIA);
  g_assert_true (bl_filter_has_criteria (filter));

  what = 0;
  bl_filter_set_cumulative (filter, TRUE);
  g_assert_cmpuint (what, ==, BL_FILTER_CHANGE_WINDOW);
  bl_filter_get_effective_window (filter, &first, &last);
  g_assert_cmpint (first, ==, BL_DAY_MIN);
  g_assert_cmpint (last, ==, 200);

  what = 0;
  bl_filter_reset (filter);
  g_assert_cmpuint (what, ==, BL_FILTER_CHANGE_CRITERIA);
  g_assert_false (bl_filter_has_criteria (filter));
  g_assert_true (bl_filter_has_window (filter));  /* reset keeps the window */
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

/* A copy has every setting, and goes its own way after. */
static void
test_filter_copy (void)
{
  g_autoptr(BlFilter) filter = bl_filter_new ();
  g_autoptr(BlFilter) copy = NULL;
  guint what = 0;
  gint32 first, last;

  bl_filter_set_clock (filter, BL_CLOCK_ABOUT);
  bl_filter_set_window (filter, 100, 200);
  bl_filter_set_cumulative (filter, TRUE);
  bl_filter_set_text (filter, "Kunduz");
  bl_filter_set_topic (filter, 2);
  bl_filter_set_actor (filter, 3);
  bl_filter_set_source (filter, 4);
  bl_filter_set_stances (filter, 1u << BL_STANCE_DENIES);
  bl_filter_set_min_reliability (filter, 2);
  bl_filter_set_min_credibility (filter, 3);
  bl_filter_set_tag (filter, "rockets");

  copy = bl_filter_copy (filter);
  g_signal_connect (copy, "changed", G_CALLBACK (on_changed), &what);

  g_assert_cmpint (bl_filter_get_clock (copy), ==, BL_CLOCK_ABOUT);
  bl_filter_get_window (copy, &first, &last);
  g_assert_cmpint (first, ==, 100);
  g_assert_cmpint (last, ==, 200);
  g_assert_true (bl_filter_get_cumulative (copy));
  g_assert_cmpstr (bl_filter_get_text (copy), ==, "Kunduz");
  g_assert_cmpuint (bl_filter_get_topic (copy), ==, 2);
  g_assert_cmpuint (bl_filter_get_actor (copy), ==, 3);
  g_assert_cmpuint (bl_filter_get_source (copy), ==, 4);
  g_assert_cmpuint (bl_filter_get_stances (copy), ==, 1u << BL_STANCE_DENIES);
  g_assert_cmpuint (bl_filter_get_min_reliability (copy), ==, 2);
  g_assert_cmpuint (bl_filter_get_min_credibility (copy), ==, 3);
  g_assert_cmpstr (bl_filter_get_tag (copy), ==, "rockets");

  /* changing the original leaves the copy as it was */
  bl_filter_set_text (filter, "Takhar");
  bl_filter_reset (filter);
  bl_filter_clear_window (filter);
  g_assert_cmpuint (what, ==, 0);
  g_assert_cmpstr (bl_filter_get_text (copy), ==, "Kunduz");
  g_assert_true (bl_filter_has_window (copy));
}

static void
test_selection (void)
{
  g_autoptr(BlSelection) selection = bl_selection_new ();
  guint count = 0;

  g_signal_connect (selection, "notify::claim-id", G_CALLBACK (on_notify), &count);
  g_assert_null (bl_selection_get_claim_id (selection));
  bl_selection_set_claim_id (selection, "c1");
  bl_selection_set_claim_id (selection, "c1");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (bl_selection_get_claim_id (selection), ==, "c1");
  bl_selection_clear (selection);
  g_assert_null (bl_selection_get_claim_id (selection));
  g_assert_cmpuint (count, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter/signals", test_filter_signals);
  g_test_add_func ("/filter/copy", test_filter_copy);
  g_test_add_func ("/filter/selection", test_selection);

  return g_test_run ();
}
