/* test-time-index.c — windows over the two clocks, against a plain scan
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "bl-time-index.h"
#include "bl-time-lanes.h"
#include "bl-visible-claims.h"

static void
add_claim (BlClaimStore *store,
           guint         i,
           const char   *said,
           const char   *about)
{
  BlClaimRecord r;
  char id[32];

  bl_claim_record_init (&r);
  g_snprintf (id, sizeof id, "c%u", i);
  r.id = id;
  r.statement = "s";
  if (said)
    g_assert_true (bl_date_parse (said, &r.said_on, NULL));
  if (about)
    g_assert_true (bl_date_parse (about, &r.about, NULL));
  g_assert_cmpuint (bl_claim_store_append (store, &r), ==, i);
}

static int
compare_u32 (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : (x > y);
}

/* The claims a window should show, by looking at every one. */
static GArray *
scan (BlClaimStore *store,
      BlClock       clock,
      gint32        first,
      gint32        last)
{
  const BlDate *dates = bl_claim_store_get_dates (store, clock);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 i = 0; i < bl_claim_store_get_n_claims (store); i++)
    if (!bl_date_is_unknown (&dates[i]) && dates[i].first_day <= last && dates[i].last_day >= first)
      g_array_append_val (out, i);

  return out;
}

static void
assert_same (GArray *a,
             GArray *b)
{
  g_array_sort (a, compare_u32);
  g_array_sort (b, compare_u32);
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpuint (g_array_index (a, guint32, i), ==, g_array_index (b, guint32, i));
}

static void
test_time_index_sample (void)
{
  g_autoptr(BlClaimStore) store = bl_claim_store_new ();
  g_autoptr(BlTimeIndex) said = NULL;
  g_autoptr(BlTimeIndex) about = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint32));
  gint32 feb14 = bl_day_from_ymd (2023, 2, 14);
  gint32 first, last;

  add_claim (store, 0, "2023-02-14", "2023-02-14");
  add_claim (store, 1, "../2023-02-14", NULL);
  add_claim (store, 2, "2023-02", "2021-08/..");
  add_claim (store, 3, NULL, "2022-02~/2023-02");

  said = bl_time_index_new (store, BL_CLOCK_SAID);
  about = bl_time_index_new (store, BL_CLOCK_ABOUT);

  g_assert_cmpuint (bl_time_index_get_n_dated (said), ==, 3);
  g_assert_cmpuint (bl_time_index_get_n_dated (about), ==, 3);

  /* 14 February 2023: everything said that could be that day */
  g_assert_cmpuint (bl_time_index_count (said, feb14, feb14), ==, 3);
  /* a window in 2022: only the open-start claim could have been said then */
  bl_time_index_query (said, bl_day_from_ymd (2022, 6, 1), bl_day_from_ymd (2022, 6, 30), hits);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (g_array_index (hits, guint32, 0), ==, 1);

  /* about September 2021: only "since August 2021" */
  g_array_set_size (hits, 0);
  bl_time_index_query (about, bl_day_from_ymd (2021, 9, 1), bl_day_from_ymd (2021, 9, 30), hits);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpuint (g_array_index (hits, guint32, 0), ==, 2);

  g_assert_true (bl_time_index_get_span (about, &first, &last));
  g_assert_cmpint (first, <=, bl_day_from_ymd (2021, 8, 1));
  g_assert_cmpint (last, ==, BL_DAY_MAX);

  /* an empty or inverted window shows nothing */
  g_assert_cmpuint (bl_time_index_count (said, feb14, feb14 - 1), ==, 0);
}

static void
test_time_index_random (void)
{
  g_autoptr(BlClaimStore) store = bl_claim_store_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20230214);
  g_autoptr(BlTimeIndex) index = NULL;
  const guint n = 20000;

  for (guint i = 0; i < n; i++)
    {
      int y = g_rand_int_range (rand, 2015, 2025);
      int m = g_rand_int_range (rand, 1, 13);
      int d = g_rand_int_range (rand, 1, 29);
      g_autofree char *said = NULL;

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          said = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
          break;
        case 1:
          said = g_strdup_printf ("%04d-%02d", y, m);
          break;
        case 2:
          said = g_strdup_printf ("%04d~", y);
          break;
        case 3:
          said = g_strdup_printf ("%04d-%02d/..", y, m);
          break;
        case 4:
          said = g_strdup_printf ("../%04d", y);
          break;
        default:
          said = NULL;
          break;
        }
      add_claim (store, i, said, NULL);
    }

  index = bl_time_index_new (store, BL_CLOCK_SAID);

  for (guint q = 0; q < 300; q++)
    {
      gint32 a = bl_day_from_ymd (2014, 1, 1) + g_rand_int_range (rand, 0, 12 * 366);
      gint32 b = a + g_rand_int_range (rand, 0, 800);
      g_autoptr(GArray) expected = scan (store, BL_CLOCK_SAID, a, b);
      g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint32));

      bl_time_index_query (index, a, b, got);
      g_assert_cmpuint (bl_time_index_count (index, a, b), ==, expected->len);
      assert_same (expected, got);
    }
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The lanes' counts and histogram, which the timeline draws, against a
 * scan: any range, bins of any width, edges before, inside and after the
 * claims' span, and open intervals that reach the ends of time. */
static void
test_time_lanes_histogram (void)
{
  g_autoptr(BlProject) project = bl_project_new ();
  BlClaimStore *store = bl_project_get_claims (project);
  g_autoptr(BlFilter) filter = bl_filter_new ();
  g_autoptr(BlVisibleClaims) visible = NULL;
  g_autoptr(BlTimeLanes) lanes = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  const BlTimeLane *all;
  const guint n = 5000;

  for (guint i = 0; i < n; i++)
    {
      int y = g_rand_int_range (rand, 2018, 2024);
      int m = g_rand_int_range (rand, 1, 13);
      g_autofree char *said = NULL;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          said = g_strdup_printf ("%04d-%02d-%02d", y, m, g_rand_int_range (rand, 1, 29));
          break;
        case 1:
          said = g_strdup_printf ("%04d-%02d", y, m);
          break;
        case 2:
          said = g_strdup_printf ("%04d-%02d/..", y, m);
          break;
        default:
          said = g_strdup_printf ("../%04d", y);
          break;
        }
      add_claim (store, i, said, NULL);
    }

  visible = bl_visible_claims_new (project, filter);
  lanes = bl_time_lanes_new (visible, BL_CLOCK_SAID, BL_TIME_LANES_CLAIMANT);
  all = bl_time_lanes_get_all (lanes);

  for (guint q = 0; q < 40; q++)
    {
      gint32 origin = bl_day_from_ymd (2016, 1, 1) + g_rand_int_range (rand, 0, 9 * 366);
      guint width = g_rand_int_range (rand, 1, 120), n_bins = g_rand_int_range (rand, 1, 60);
      g_autofree gint32 *edges = g_new (gint32, n_bins + 1);
      g_autofree guint *counts = g_new (guint, n_bins);

      for (guint k = 0; k <= n_bins; k++)
        edges[k] = origin + (gint32) (k * width);
      bl_time_lane_histogram (all, edges, n_bins, counts);

      for (guint k = 0; k < n_bins; k++)
        {
          g_autoptr(GArray) expected = scan (store, BL_CLOCK_SAID, edges[k], edges[k + 1] - 1);

          g_assert_cmpuint (counts[k], ==, expected->len);
          g_assert_cmpuint (bl_time_lane_count (all, edges[k], edges[k + 1] - 1), ==, expected->len);
        }
    }

  /* the whole of time, and an inverted range */
  g_assert_cmpuint (bl_time_lane_count (all, G_MININT32, G_MAXINT32), ==, n);
  g_assert_cmpuint (bl_time_lane_count (all, 10, 9), ==, 0);

  /* built on a worker, the same lanes */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(BlTimeLanes) async = NULL;
    g_autoptr(GError) error = NULL;

    bl_time_lanes_new_async (visible, BL_CLOCK_SAID, BL_TIME_LANES_CLAIMANT, NULL, store_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    async = bl_time_lanes_new_finish (result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (bl_time_lanes_get_n_lanes (async), ==, bl_time_lanes_get_n_lanes (lanes));
    for (guint l = 0; l < bl_time_lanes_get_n_lanes (lanes); l++)
      {
        const BlTimeLane *a = bl_time_lanes_get_lane (lanes, l), *b = bl_time_lanes_get_lane (async, l);

        g_assert_cmpuint (a->key, ==, b->key);
        g_assert_cmpuint (a->n, ==, b->n);
        g_assert_cmpmem (a->claims, a->n * sizeof (guint32), b->claims, b->n * sizeof (guint32));
        g_assert_cmpmem (a->first, a->n * sizeof (gint32), b->first, b->n * sizeof (gint32));
        g_assert_cmpmem (a->last_sorted, a->n * sizeof (gint32), b->last_sorted, b->n * sizeof (gint32));
      }
  }
}

/* The lane of all claims, read from the time index when every claim
 * passes and built when a filter picks some, is the same as a lane built
 * from the same claims; and a claim is found in its lane. */
static void
check_all_lane (BlTimeLanes *lanes,
                guint        n_expected)
{
  const BlTimeLane *all = bl_time_lanes_get_all (lanes);
  const BlTimeLane *only;
  guint n_blocks = (all->n + BL_TIME_LANE_BLOCK - 1) / BL_TIME_LANE_BLOCK;

  /* no claimant: one lane, of the same claims */
  g_assert_cmpuint (bl_time_lanes_get_n_lanes (lanes), ==, 1);
  only = bl_time_lanes_get_lane (lanes, 0);
  g_assert_cmpuint (all->n, ==, n_expected);
  g_assert_cmpuint (only->n, ==, n_expected);
  g_assert_cmpmem (all->claims, all->n * sizeof (guint32), only->claims, only->n * sizeof (guint32));
  g_assert_cmpmem (all->first, all->n * sizeof (gint32), only->first, only->n * sizeof (gint32));
  g_assert_cmpmem (all->last, all->n * sizeof (gint32), only->last, only->n * sizeof (gint32));
  g_assert_cmpmem (all->row, all->n, only->row, only->n);
  g_assert_cmpmem (all->last_sorted, all->n * sizeof (gint32), only->last_sorted, only->n * sizeof (gint32));
  g_assert_cmpmem (all->block_max, n_blocks * sizeof (gint32), only->block_max, n_blocks * sizeof (gint32));

  for (guint i = 0; i < only->n; i += 7)
    {
      guint position = G_MAXUINT;

      g_assert_cmpuint (bl_time_lanes_find_claim (lanes, only->claims[i], &position), ==, 0);
      g_assert_cmpuint (position, ==, i);
    }
}

static void
test_time_lanes_all (void)
{
  g_autoptr(BlProject) project = bl_project_new ();
  BlClaimStore *store = bl_project_get_claims (project);
  g_autoptr(BlFilter) filter = bl_filter_new ();
  g_autoptr(BlVisibleClaims) visible = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  const guint n = 3000;
  guint n_odd = 0, n_dated = 0;

  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord r;
      char id[32], said[32];

      bl_claim_record_init (&r);
      g_snprintf (id, sizeof id, "c%u", i);
      r.id = id;
      r.statement = (i % 2) ? "odd" : "even";
      if (i % 10 != 0)
        {
          g_snprintf (said, sizeof said, "%04d-%02d", g_rand_int_range (rand, 2018, 2024), g_rand_int_range (rand, 1, 13));
          g_assert_true (bl_date_parse (said, &r.said_on, NULL));
          n_dated++;
          n_odd += i % 2;
        }
      g_assert_cmpuint (bl_claim_store_append (store, &r), ==, i);
    }
  visible = bl_visible_claims_new (project, filter);

  {
    g_autoptr(BlTimeLanes) lanes = bl_time_lanes_new (visible, BL_CLOCK_SAID, BL_TIME_LANES_CLAIMANT);

    check_all_lane (lanes, n_dated);
    g_assert_cmpuint (bl_time_lanes_find_claim (lanes, 0, NULL), ==, BL_NO_INDEX);   /* undated */
    g_assert_cmpuint (bl_time_lanes_find_claim (lanes, n, NULL), ==, BL_NO_INDEX);
  }

  bl_filter_set_text (filter, "odd");
  {
    g_autoptr(BlTimeLanes) lanes = bl_time_lanes_new (visible, BL_CLOCK_SAID, BL_TIME_LANES_CLAIMANT);

    check_all_lane (lanes, n_odd);
    g_assert_cmpuint (bl_time_lanes_find_claim (lanes, 2, NULL), ==, BL_NO_INDEX);   /* even */
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-index/sample", test_time_index_sample);
  g_test_add_func ("/time-index/random", test_time_index_random);
  g_test_add_func ("/time-lanes/histogram", test_time_lanes_histogram);
  g_test_add_func ("/time-lanes/all", test_time_lanes_all);

  return g_test_run ();
}
