/* bench-timeline.c — a timeline drag at 10k, 100k and 1M claims
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates N made-up claims in memory (dates spread over 2015–2025: days,
 * months, years, circa days, closed intervals and open ones), then times
 * what one frame of a timeline drag costs:
 *
 * - window → visible set: bl_filter_set_window() until it returns (the
 *   BlVisibleClaims recomputes synchronously), against a naive linear scan
 *   of every claim's dates producing the same mask and index list;
 * - the timeline's snapshot at 1600 × 200 (lanes by claimant), the gsk
 *   nodes included, against a naive frame that scans every claim and
 *   appends one node per claim in view;
 * - for the first two, the main thread's CPU time over the same
 *   intervals too (the rows ending in "CPU"): what a frame costs, without
 *   the time slices the scheduler gave other processes, which on a
 *   shared machine make the wall-clock p95;
 * - the lanes' rebuild when the criteria change (once per change, not
 *   per frame): the main thread's share (from 50,000 claims the build
 *   runs on a worker thread while the old lanes stay drawn), and the time
 *   until the new lanes are in.
 *
 * Prints a table: measure, size, median, p95, target, baseline median,
 * ratio. Needs a display for the snapshot: run it under xvfb-run.
 *
 *   bench-timeline [--sizes 10000,100000,1000000] [--frames 200]
 */
#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <string.h>

#include "bl-timeline-private.h"
#include "bench-helpers.h"

#define N_ACTORS     24
#define WIDTH        1600
#define HEIGHT       200
#define WINDOW_DAYS  60

/* Synthetic claims {{{ */

static void
random_date (GRand  *rand,
             BlDate *date)
{
  int y = g_rand_int_range (rand, 2015, 2026);
  int m = g_rand_int_range (rand, 1, 13);
  int d = g_rand_int_range (rand, 1, bl_date_days_in_month (y, m) + 1);
  int kind = g_rand_int_range (rand, 0, 100);
  BlDate a, b;

  if (kind < 50)
    bl_date_init_ymd (date, BL_DATE_PRECISION_DAY, y, m, d, FALSE, NULL);
  else if (kind < 62)
    bl_date_init_ymd (date, BL_DATE_PRECISION_MONTH, y, m, 1, FALSE, NULL);
  else if (kind < 68)
    bl_date_init_ymd (date, BL_DATE_PRECISION_YEAR, y, 1, 1, FALSE, NULL);
  else if (kind < 75)
    bl_date_init_ymd (date, BL_DATE_PRECISION_DAY, y, m, d, TRUE, NULL);
  else if (kind < 95)
    {
      /* a closed interval of up to a year and a half */
      gint32 start = bl_day_from_ymd (y, m, d);
      gint32 end = start + g_rand_int_range (rand, 1, 540);
      int y2, m2, d2;

      bl_day_to_ymd (end, &y2, &m2, &d2);
      bl_date_init_ymd (&a, BL_DATE_PRECISION_DAY, y, m, d, FALSE, NULL);
      bl_date_init_ymd (&b, kind < 88 ? BL_DATE_PRECISION_DAY : BL_DATE_PRECISION_MONTH,
                        MIN (y2, 9999), m2, kind < 88 ? d2 : 1, FALSE, NULL);
      if (!bl_date_make_interval (&a, &b, date, NULL))
        *date = a;
    }
  else
    {
      /* open at one end: "since …" or "until …" */
      bl_date_init_ymd (&a, BL_DATE_PRECISION_MONTH, y, m, 1, FALSE, NULL);
      b = BL_DATE_UNKNOWN;
      if (!(kind % 2 ? bl_date_make_interval (&a, &b, date, NULL)
                     : bl_date_make_interval (&b, &a, date, NULL)))
        *date = a;
    }
}

static BlProject *
make_project (guint n)
{
  BlProject *project = bl_project_new ();
  BlClaimStore *store = bl_project_get_claims (project);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);

  for (guint a = 0; a < N_ACTORS; a++)
    {
      g_autofree char *id = g_strdup_printf ("a-%u", a);
      g_autofree char *name = g_strdup_printf ("Claimant %u", a + 1);

      bl_project_add_actor (project, bl_actor_new (id, name));
    }

  bl_claim_store_reserve (store, n);
  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord r;
      char id[24];

      bl_claim_record_init (&r);
      g_snprintf (id, sizeof id, "c-%u", i);
      r.id = id;
      r.statement = "A synthetic claim.";
      /* a few claimants say most things */
      r.actor = MIN (N_ACTORS - 1, (guint) (N_ACTORS * pow (g_rand_double (rand), 2)));
      r.source = BL_NO_INDEX;
      r.topic = BL_NO_INDEX;
      r.stance = g_rand_int_range (rand, 0, BL_N_STANCES);
      random_date (rand, &r.said_on);
      random_date (rand, &r.about);
      r.lat = 36 + g_rand_double (rand);
      r.lon = 69 + g_rand_double (rand);
      bl_claim_store_append (store, &r);
    }

  return project;
}

/* }}} */

/* Baselines {{{ */

/* What BlVisibleClaims computes, by looking at every claim. */
static void
naive_window (const BlDate *dates,
              guint         n,
              gint32        first,
              gint32        last,
              guint8       *mask,
              GArray       *indices)
{
  g_array_set_size (indices, 0);
  for (guint i = 0; i < n; i++)
    {
      mask[i] = !bl_date_is_unknown (&dates[i]) &&
                dates[i].first_day <= last && dates[i].last_day >= first;
      if (mask[i])
        g_array_append_val (indices, i);
    }
}

/* A naive timeline frame: every claim is looked at, and every one in view
 * becomes a node of its own (no aggregation). */
static GskRenderNode *
naive_snapshot (const BlDate  *dates,
                const guint32 *actors,
                guint          n,
                double         start,
                double         days_per_px)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GdkRGBA color = { 0.2, 0.5, 0.9, 1 };

  for (guint i = 0; i < n; i++)
    {
      double a = (dates[i].first_day - start) / days_per_px;
      double b = ((double) dates[i].last_day + 1 - start) / days_per_px;

      if (bl_date_is_unknown (&dates[i]) || b < 0 || a >= WIDTH)
        continue;
      a = MAX (a, 0);
      b = MIN (b, WIDTH);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (a, 56 + (actors[i] % 4) * 34, MAX (b - a, 2), 5));
    }

  return gtk_snapshot_free_to_node (snapshot);
}

/* }}} */

static void
print_row (const char *measure,
           guint       n,
           double      median,
           double      p95,
           const char *target,
           double      baseline)
{
  g_autofree char *base = baseline > 0 ? g_strdup_printf ("%10.3f", baseline) : g_strdup ("         –");
  g_autofree char *ratio = baseline > 0 ? g_strdup_printf ("%7.1f×", baseline / MAX (median, 0.0001)) : g_strdup ("       –");

  g_print ("%-30s %9u %10.3f %10.3f %8s %s %s\n", measure, n, median, p95, target, base, ratio);
}

static gboolean
is_mapped (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) >= WIDTH - 1;
}

static void
bench_size (guint n,
            guint frames)
{
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlFilter) filter = NULL;
  g_autoptr(BlVisibleClaims) visible = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) base = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) indices = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint8 *mask = NULL;
  const BlDate *dates;
  GtkWindow *window;
  BlTimeline *timeline;
  gint32 start = bl_day_from_ymd (2015, 1, 1);
  double t, c, median, p95, base_median, unused, build_ms;
  gint64 deadline;

  t = bl_bench_now_ms ();
  project = make_project (n);
  g_printerr ("# %u claims generated in %.0f ms\n", n, bl_bench_now_ms () - t);

  filter = bl_filter_new ();
  bl_filter_set_clock (filter, BL_CLOCK_SAID);
  visible = bl_visible_claims_new (project, filter);
  dates = bl_claim_store_get_dates (bl_project_get_claims (project), BL_CLOCK_SAID);
  mask = g_new (guint8, n);

  /* the time index is built on first use: not part of a frame */
  bl_filter_set_window (filter, start, start + WINDOW_DAYS);

  /* window → visible set */
  for (guint f = 0; f < frames; f++)
    {
      gint32 first = start + (gint32) (f * 3650.0 / frames);

      t = bl_bench_now_ms ();
      c = bl_bench_thread_cpu_ms ();
      bl_filter_set_window (filter, first, first + WINDOW_DAYS);
      g_array_append_val (cpu, (double) { bl_bench_thread_cpu_ms () - c });
      g_array_append_val (ms, (double) { bl_bench_now_ms () - t });

      t = bl_bench_now_ms ();
      naive_window (dates, n, first, first + WINDOW_DAYS, mask, indices);
      g_array_append_val (base, (double) { bl_bench_now_ms () - t });
    }
  bl_bench_array_stats (ms, &median, &p95);
  bl_bench_array_stats (base, &base_median, &unused);
  print_row ("window → visible set", n, median, p95, "< 4", base_median);
  bl_bench_array_stats (cpu, &median, &p95);
  print_row ("window → visible set, CPU", n, median, p95, "< 4", 0);

  /* the timeline */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  timeline = BL_TIMELINE (bl_timeline_new ());
  gtk_widget_set_size_request (GTK_WIDGET (timeline), WIDTH, HEIGHT);
  gtk_window_set_child (window, GTK_WIDGET (timeline));

  t = bl_bench_now_ms ();
  bl_timeline_set_visible_claims (timeline, visible);
  build_ms = bl_bench_now_ms () - t;

  gtk_window_present (window);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!is_mapped (GTK_WIDGET (timeline)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (is_mapped (GTK_WIDGET (timeline)));

  for (guint zoom = 0; zoom < 2; zoom++)
    {
      double plot_x, plot_w;

      g_array_set_size (ms, 0);
      g_array_set_size (cpu, 0);
      g_array_set_size (base, 0);

      if (zoom == 0)
        bl_timeline_zoom_to_fit (timeline);
      else
        bl_timeline_set_view (timeline, start + 1500, start + 1500 + 120);
      bl_timeline_get_plot (timeline, &plot_x, &plot_w);

      for (guint f = 0; f < frames; f++)
        {
          gint32 first = start + 1500 + (gint32) (f * 60.0 / frames);
          GtkSnapshot *snapshot;
          GskRenderNode *node;

          bl_filter_set_window (filter, first, first + WINDOW_DAYS / 4);

          t = bl_bench_now_ms ();
          c = bl_bench_thread_cpu_ms ();
          snapshot = gtk_snapshot_new ();
          GTK_WIDGET_GET_CLASS (timeline)->snapshot (GTK_WIDGET (timeline), snapshot);
          node = gtk_snapshot_free_to_node (snapshot);
          g_array_append_val (cpu, (double) { bl_bench_thread_cpu_ms () - c });
          g_array_append_val (ms, (double) { bl_bench_now_ms () - t });
          gsk_render_node_unref (node);

          t = bl_bench_now_ms ();
          node = naive_snapshot (dates, bl_claim_store_get_actors (bl_project_get_claims (project)), n,
                                 timeline->axis.start, timeline->axis.days_per_px);
          g_array_append_val (base, (double) { bl_bench_now_ms () - t });
          gsk_render_node_unref (node);
        }

      bl_bench_array_stats (ms, &median, &p95);
      bl_bench_array_stats (base, &base_median, &unused);
      print_row (zoom == 0 ? "snapshot, all 11 years" : "snapshot, 4 months", n, median, p95, "< 4", base_median);
      bl_bench_array_stats (cpu, &median, &p95);
      print_row (zoom == 0 ? "snapshot, all 11 years, CPU" : "snapshot, 4 months, CPU", n, median, p95, "< 4", 0);
    }

  /* criteria change: the lanes are built again, once, off the main
   * thread from BL_TIMELINE_ASYNC_LANES_MIN claims: what the main thread
   * spends (copying the claims that pass), and how long until the new
   * lanes are drawn */
  g_array_set_size (ms, 0);
  g_array_set_size (base, 0);
  for (guint f = 0; f < 5; f++)
    {
      double t0 = bl_bench_now_ms ();

      bl_timeline_set_lanes (timeline, f % 2 ? BL_TIME_LANES_CLAIMANT : BL_TIME_LANES_TOPIC);
      bl_timeline_ensure_lanes (timeline);
      g_array_append_val (ms, (double) { bl_bench_now_ms () - t0 });
      while (timeline->lanes_dirty)
        g_main_context_iteration (NULL, TRUE);
      g_array_append_val (base, (double) { bl_bench_now_ms () - t0 });
    }
  bl_bench_array_stats (ms, &median, &p95);
  print_row ("lanes rebuild, main thread", n, median, p95, "< 16", 0);
  bl_bench_array_stats (base, &median, &p95);
  print_row ("lanes rebuild, until drawn", n, median, p95, "–", 0);
  g_printerr ("# first lanes build with the time index: %.1f ms\n", build_ms);

  gtk_window_destroy (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes = g_strdup ("10000,100000,1000000");
  int frames = 200;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Claim counts, comma-separated", "N,N…" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames per measure", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— timeline benchmark");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  gtk_init ();
  adw_init ();

  g_print ("%-30s %9s %10s %10s %8s %10s %8s\n",
           "measure (ms)", "claims", "median", "p95", "target", "baseline", "ratio");

  parts = g_strsplit (sizes, ",", -1);
  for (guint i = 0; parts[i]; i++)
    bench_size ((guint) g_ascii_strtoull (parts[i], NULL, 10), MAX (frames, 10));

  return 0;
}
