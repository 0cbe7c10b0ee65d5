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
  g_test_add_func ("/filter/selection", test_selection);

  return g_test_run ();
}
