/* bench-cluster.c — speed of clustering at 10k, 100k and 1M claims
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each size, generates a synthetic project in memory (synthetic.c,
 * the same code as gen-synthetic), builds the spatial index once, and
 * times, over random 1600x1000 viewports of the region at zooms 5, 7
 * and 9:
 *
 * - pan: clusters recomputed after a pan, with no filter and with a
 *   30-day or a 1-year time window on;
 * - step: a 30-day or a 1-year time window moved by a day or a week (as
 *   a timeline drag does) and the clusters recomputed; the time includes
 *   BlVisibleClaims' own update, which is also shown alone, as are the
 *   clusters alone;
 * - baseline: the naive way, a scan of every claim computing its cell
 *   with the projection formulas into a hash table, on the same queries
 *   (fewer of them at 1M, it is slow).
 *
 * Prints median and 95th percentile per measure, the baseline and the
 * ratio, then memory: the index's size and the process's peak RSS with
 * a million claims loaded. Not a test: it checks only that the clusters
 * hold as many claims as the baseline finds.
 *
 *   bench-cluster [--queries N] [--seed S] [--max-size N]
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bl-cluster.h"
#include "synthetic.h"
#include "bench-helpers.h"

#define TARGET_MS 4.0

typedef struct {
  guint   n;
  guint64 sum_x;
  guint64 sum_y;
} NaiveCell;

typedef struct {
  const char *measure;
  guint       size;
  double      median;
  double      p95;
  double      target;
  double      baseline;
} Row;

static GArray *rows;

static void
add_row (const char *measure,
         guint       size,
         GArray     *times,
         double      target,
         double      baseline)
{
  Row row = { measure, size, 0, 0, target, baseline };

  bl_bench_array_stats (times, &row.median, &row.p95);
  g_array_append_val (rows, row);
}

static gsize
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static BlClusterViewport
random_viewport (GRand *rand,
                 double zoom)
{
  BlClusterViewport vp = { zoom, 0, 0, 1600, 1000 };
  double x0, y0, x1, y1;

  bl_spatial_lonlat_to_world (SYNTHETIC_NORTH - 1, SYNTHETIC_WEST + 1, zoom, &x0, &y0);
  bl_spatial_lonlat_to_world (SYNTHETIC_SOUTH + 1, SYNTHETIC_EAST - 2, zoom, &x1, &y1);
  vp.x = g_rand_double_range (rand, x0 - vp.width / 2, MAX (x0, x1 - vp.width / 2));
  vp.y = g_rand_double_range (rand, y0 - vp.height / 2, MAX (y0, y1 - vp.height / 2));

  return vp;
}

/* The naive way: every claim, projected, its cell looked up in a hash
 * table. Positions come from the store's arrays and, for area claims,
 * from anchors computed beforehand (the naive code would have them too). */
static guint
naive_clusters (BlClaimStore            *store,
                const double            *anchor_lat,
                const double            *anchor_lon,
                const guint8            *mask,
                const BlClusterViewport *vp,
                guint                    level)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  const double *lats = bl_claim_store_get_lats (store);
  const double *lons = bl_claim_store_get_lons (store);
  guint n = bl_claim_store_get_n_claims (store), total = 0;
  double cell = BL_SPATIAL_TILE_SIZE * exp2 (vp->zoom) / exp2 (level);
  double cx0 = floor (vp->x / cell), cy0 = floor (vp->y / cell);
  double cx1 = ceil ((vp->x + vp->width) / cell) - 1, cy1 = ceil ((vp->y + vp->height) / cell) - 1;

  for (guint i = 0; i < n; i++)
    {
      double lat = lats[i], lon = lons[i], x, y, cx, cy;
      gint64 key;
      NaiveCell *c;

      if (mask != NULL && !mask[i])
        continue;
      if (isnan (lat))
        {
          lat = anchor_lat[i];
          lon = anchor_lon[i];
          if (isnan (lat))
            continue;
        }

      bl_spatial_lonlat_to_world (lat, lon, vp->zoom, &x, &y);
      cx = floor (x / cell);
      cy = floor (y / cell);
      if (cx < cx0 || cx > cx1 || cy < cy0 || cy > cy1)
        continue;

      key = ((gint64) cx << 32) | (gint64) cy;
      c = g_hash_table_lookup (cells, &key);
      if (c == NULL)
        {
          c = g_new0 (NaiveCell, 1);
          g_hash_table_insert (cells, g_memdup2 (&key, sizeof key), c);
        }
      c->n++;
      c->sum_x += (guint64) x;
      c->sum_y += (guint64) y;
      total++;
    }

  return total;
}

typedef struct {
  GArray *total;      /* window step and clusters */
  GArray *visible;    /* of which BlVisibleClaims' update */
  GArray *clusters;   /* of which the clusters */
  GArray *pan;        /* a pan with the window on */
  GArray *naive;      /* the baseline for the pan */
  double  n_visible;  /* mean visible claims */
} WindowTimes;

static void
window_times_init (WindowTimes *w)
{
  w->total = g_array_new (FALSE, FALSE, sizeof (double));
  w->visible = g_array_new (FALSE, FALSE, sizeof (double));
  w->clusters = g_array_new (FALSE, FALSE, sizeof (double));
  w->pan = g_array_new (FALSE, FALSE, sizeof (double));
  w->naive = g_array_new (FALSE, FALSE, sizeof (double));
  w->n_visible = 0;
}

static void
window_times_clear (WindowTimes *w)
{
  g_array_unref (w->total);
  g_array_unref (w->visible);
  g_array_unref (w->clusters);
  g_array_unref (w->pan);
  g_array_unref (w->naive);
}

static void
bench_window (WindowTimes     *w,
              gint32           span,
              BlClusterer     *clusterer,
              BlVisibleClaims *visible,
              BlFilter        *filter,
              BlClaimStore    *store,
              const double    *anchor_lat,
              const double    *anchor_lon,
              GRand           *rand,
              guint            n_queries,
              guint            n_naive)
{
  static const double zooms[] = { 5, 7, 9 };
  gint32 first_day = bl_day_from_ymd (2016, 1, 1);
  gint32 last_day = bl_day_from_ymd (2024, 12, 1);

  for (guint q = 0; q < n_queries; q++)
    {
      BlClusterViewport vp = random_viewport (rand, zooms[q % G_N_ELEMENTS (zooms)]);
      gint32 start = first_day + g_rand_int_range (rand, 0, last_day - first_day);
      gint32 step = q % 2 ? 7 : 1;
      BlClusterSet *set;
      guint n_indices;
      double t, t0, t1, t2;

      /* where the drag is, and the viewport, untimed */
      bl_filter_set_window (filter, start, start + span - 1);
      bl_clusterer_compute (clusterer, &vp);

      t0 = bl_bench_now_ms ();
      bl_filter_set_window (filter, start + step, start + step + span - 1);
      t1 = bl_bench_now_ms ();
      set = bl_clusterer_compute (clusterer, &vp);
      t2 = bl_bench_now_ms ();

      t = t2 - t0;
      g_array_append_val (w->total, t);
      t = t1 - t0;
      g_array_append_val (w->visible, t);
      t = t2 - t1;
      g_array_append_val (w->clusters, t);
      bl_visible_claims_get_indices (visible, &n_indices);
      w->n_visible += (double) n_indices / n_queries;

      /* a pan with the window on */
      vp = random_viewport (rand, zooms[q % G_N_ELEMENTS (zooms)]);
      t0 = bl_bench_now_ms ();
      set = bl_clusterer_compute (clusterer, &vp);
      t = bl_bench_now_ms () - t0;
      g_array_append_val (w->pan, t);

      if (q < n_naive)
        {
          guint level = bl_cluster_set_get_level (set), total;

          t0 = bl_bench_now_ms ();
          total = naive_clusters (store, anchor_lat, anchor_lon,
                                  bl_visible_claims_get_mask (visible), &vp, level);
          t = bl_bench_now_ms () - t0;
          g_array_append_val (w->naive, t);
          if (total != bl_cluster_set_get_n_claims (set))
            g_printerr ("window %u: %u clustered, baseline %u\n", q, bl_cluster_set_get_n_claims (set), total);
        }
    }
}

static void
bench_size (guint   size,
            guint   n_queries,
            guint32 seed)
{
  static const double zooms[] = { 5, 7, 9 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed + size);
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlFilter) filter = NULL;
  g_autoptr(BlVisibleClaims) visible = NULL;
  g_autoptr(BlClusterer) clusterer = NULL;
  g_autoptr(GArray) t_pan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_naive_pan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_build = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *anchor_lat = NULL;
  g_autofree double *anchor_lon = NULL;
  BlClaimStore *store;
  WindowTimes w30, w365;
  guint n_naive = size >= 1000000 ? MIN (n_queries, 30) : n_queries;
  double t0, t_gen, med, p95, base_pan, base_30, base_365;
  gsize rss_before, rss_project, rss_index;

  rss_before = (gsize) bl_bench_status_kb ("VmRSS:");
  t0 = bl_bench_now_ms ();
  project = synthetic_project_new (size, seed);
  t_gen = bl_bench_now_ms () - t0;
  rss_project = (gsize) bl_bench_status_kb ("VmRSS:");
  store = bl_project_get_claims (project);

  filter = bl_filter_new ();
  visible = bl_visible_claims_new (project, filter);
  clusterer = bl_clusterer_new (visible);
  bl_clusterer_set_anchor_func (clusterer, synthetic_anchor, NULL, NULL);

  /* the index, built a few times to time it; kept from the last */
  for (guint b = 0; b < 5; b++)
    {
      g_autoptr(BlSpatialIndex) index = NULL;

      t0 = bl_bench_now_ms ();
      index = bl_spatial_index_new (store, synthetic_anchor, NULL);
      g_array_append_val (t_build, (double) { bl_bench_now_ms () - t0 });
    }
  bl_clusterer_get_index (clusterer);
  rss_index = (gsize) bl_bench_status_kb ("VmRSS:");

  window_times_init (&w30);
  window_times_init (&w365);
  anchor_lat = g_new (double, size);
  anchor_lon = g_new (double, size);
  for (guint i = 0; i < size; i++)
    if (!synthetic_anchor (store, i, &anchor_lat[i], &anchor_lon[i], NULL))
      anchor_lat[i] = anchor_lon[i] = NAN;

  /* pan, everything visible */
  for (guint q = 0; q < n_queries; q++)
    {
      BlClusterViewport vp = random_viewport (rand, zooms[q % G_N_ELEMENTS (zooms)]);
      BlClusterSet *set;
      double t;

      t0 = bl_bench_now_ms ();
      set = bl_clusterer_compute (clusterer, &vp);
      t = bl_bench_now_ms () - t0;
      g_array_append_val (t_pan, t);

      if (q < n_naive)
        {
          guint level = bl_cluster_set_get_level (set), total;

          t0 = bl_bench_now_ms ();
          total = naive_clusters (store, anchor_lat, anchor_lon, NULL, &vp, level);
          t = bl_bench_now_ms () - t0;
          g_array_append_val (t_naive_pan, t);
          /* the naive projection may put a claim on a cell edge
           * differently; at these sizes it does not */
          if (total != bl_cluster_set_get_n_claims (set))
            g_printerr ("pan %u: %u clustered, baseline %u\n", q, bl_cluster_set_get_n_claims (set), total);
        }
    }

  /* time-window drags: a window moved by a day or by a week */
  bench_window (&w30, 30, clusterer, visible, filter, store, anchor_lat, anchor_lon,
                rand, n_queries, n_naive);
  bench_window (&w365, 365, clusterer, visible, filter, store, anchor_lat, anchor_lon,
                rand, n_queries, n_naive);

  g_assert (bl_clusterer_get_n_builds (clusterer) == 1);

  bl_bench_array_stats (t_naive_pan, &base_pan, &p95);
  bl_bench_array_stats (w30.naive, &base_30, &p95);
  bl_bench_array_stats (w365.naive, &base_365, &p95);

  add_row ("pan, no filter", size, t_pan, TARGET_MS, base_pan);
  add_row ("pan, 30-day window", size, w30.pan, TARGET_MS, base_30);
  add_row ("pan, 1-year window", size, w365.pan, TARGET_MS, base_365);
  /* the naive way also needs the visible claims updated */
  bl_bench_array_stats (w30.visible, &med, &p95);
  add_row ("step 30-day window", size, w30.total, TARGET_MS, med + base_30);
  add_row ("  visible-claims update", size, w30.visible, 0, 0);
  add_row ("  clusters", size, w30.clusters, 0, base_30);
  bl_bench_array_stats (w365.visible, &med, &p95);
  add_row ("step 1-year window", size, w365.total, TARGET_MS, med + base_365);
  add_row ("  visible-claims update", size, w365.visible, 0, 0);
  add_row ("  clusters", size, w365.clusters, 0, base_365);
  add_row ("index build (once)", size, t_build, 0, 0);
  g_print ("%8u claims: visible in a 30-day window %.0f, in a 1-year window %.0f (mean)\n",
           size, w30.n_visible, w365.n_visible);
  window_times_clear (&w30);
  window_times_clear (&w365);

  bl_bench_array_stats (t_build, &med, &p95);
  g_print ("%8u claims: generated in %.0f ms; index %.1f MB, built in %.0f ms; "
           "RSS %.0f MB before, +%.0f MB project, +%.0f MB visible claims and index\n",
           size, t_gen, bl_spatial_index_get_size (bl_clusterer_get_index (clusterer)) / 1048576.0, med,
           rss_before / 1024.0, (rss_project - rss_before) / 1024.0, (rss_index - rss_project) / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10000, 100000, 1000000 };
  guint64 n_queries = 200, seed = 1, max_size = 1000000;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--queries") && i + 1 < argc)
        n_queries = g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        seed = g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--max-size") && i + 1 < argc)
        max_size = g_ascii_strtoull (argv[++i], NULL, 10);
      else
        {
          g_printerr ("Usage: bench-cluster [--queries N] [--seed S] [--max-size N]\n");
          return EXIT_FAILURE;
        }
    }

  n_queries = CLAMP (n_queries, 1, 100000);
  rows = g_array_new (FALSE, FALSE, sizeof (Row));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    if (sizes[s] <= max_size)
      bench_size (sizes[s], (guint) n_queries, (guint32) seed);

  g_print ("\n%-26s %9s %10s %10s %8s %12s %9s\n",
           "measure", "size", "median ms", "p95 ms", "target", "baseline ms", "ratio");
  for (guint r = 0; r < rows->len; r++)
    {
      const Row *row = &g_array_index (rows, Row, r);
      g_autofree char *target = row->target > 0 ? g_strdup_printf ("< %.0f", row->target) : g_strdup ("");
      g_autofree char *baseline = row->baseline > 0 ? g_strdup_printf ("%.2f", row->baseline) : g_strdup ("");
      g_autofree char *ratio = row->baseline > 0 ? g_strdup_printf ("%.0fx", row->baseline / row->median) : g_strdup ("");

      g_print ("%-26s %9u %10.3f %10.3f %8s %12s %9s\n",
               row->measure, row->size, row->median, row->p95, target, baseline, ratio);
    }

  g_print ("\npeak RSS: %.0f MB (getrusage ru_maxrss, with the largest project in memory)\n",
           peak_rss_kb () / 1024.0);
  g_print ("%u queries per measure (baseline: %u at 1M), zooms 5, 7, 9, 1600x1000 viewports\n",
           (guint) n_queries, (guint) MIN (n_queries, 30));

  g_array_unref (rows);
  return EXIT_SUCCESS;
}
