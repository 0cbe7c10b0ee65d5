/* test-cluster.c — tests of the spatial index and clustering
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Most cases compare bl_cluster_set_compute() with a brute-force
 * clustering of the same claims (every claim's cell computed one by one
 * into a hash table) on random data with a fixed seed, for each of the
 * three ways the clusters can be added up. The others check what the map
 * relies on: stable cells while panning, no rebuild on a time-window
 * change, edges of the world, an empty store, and the sample project with
 * its area claims anchored at the basemap's label points.
 */
#include "config.h"

#include <math.h>

#include "bl-basemap-data.h"
#include "bl-cluster.h"
#include "bl-filter.h"
#include "bl-project-io.h"
#include "bl-visible-claims.h"

#define SEED 20260214

/* Fixtures */

typedef struct {
  const double *lat;
  const double *lon;
} Anchors;

/* Anchors from arrays indexed by claim number. */
static gboolean
array_anchor (BlClaimStore *store,
              guint         index,
              double       *lat,
              double       *lon,
              gpointer      user_data)
{
  const Anchors *a = user_data;

  if (isnan (a->lat[index]))
    return FALSE;
  *lat = a->lat[index];
  *lon = a->lon[index];
  return TRUE;
}

static void
append_claim (BlClaimStore *store,
              guint         n,
              double        lat,
              double        lon,
              guint         credibility,
              gint32        day)
{
  BlClaimRecord r;
  char id[32];

  bl_claim_record_init (&r);
  g_snprintf (id, sizeof id, "c-%06u", n);
  r.id = id;
  r.statement = "test";
  r.lat = lat;
  r.lon = lon;
  r.credibility = credibility;
  if (day != G_MININT32)
    {
      int y, m, d;

      bl_day_to_ymd (day, &y, &m, &d);
      g_assert_true (bl_date_init_ymd (&r.said_on, BL_DATE_PRECISION_DAY, y, m, d, FALSE, NULL));
    }
  g_assert_cmpuint (bl_claim_store_append (store, &r), ==, n);
}

/* Claims around a few centres in northern Afghanistan, a tenth with no
 * point (half of those anchored), with dates over 2020–2023. */
static BlProject *
make_random_project (guint    n,
                     GRand   *rand,
                     double **anchor_lat,
                     double **anchor_lon)
{
  static const double centres[][2] = {
    { 36.73, 68.86 }, { 37.12, 70.58 }, { 36.74, 69.53 }, { 38.56, 68.77 },
  };
  BlProject *project = bl_project_new ();
  BlClaimStore *store = bl_project_get_claims (project);
  gint32 first = bl_day_from_ymd (2020, 1, 1);

  *anchor_lat = g_new (double, n);
  *anchor_lon = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      const double *c = centres[g_rand_int_range (rand, 0, G_N_ELEMENTS (centres))];
      double lat = c[0] + g_rand_double_range (rand, -1.5, 1.5);
      double lon = c[1] + g_rand_double_range (rand, -1.5, 1.5);

      (*anchor_lat)[i] = (*anchor_lon)[i] = NAN;
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          if (g_rand_boolean (rand))
            {
              (*anchor_lat)[i] = lat;
              (*anchor_lon)[i] = lon;
            }
          lat = lon = NAN;
        }
      /* some claims on the very same spot */
      else if (g_rand_int_range (rand, 0, 5) == 0)
        {
          lat = c[0];
          lon = c[1];
        }

      append_claim (store, i, lat, lon, g_rand_int_range (rand, 0, 7),
                    first + g_rand_int_range (rand, 0, 4 * 365));
    }

  return project;
}

/* Brute force */

typedef struct {
  guint   n;
  guint64 sum_x, sum_y;
  guint32 min_x, min_y, max_x, max_y;
  guint64 best;
} Expected;

static void
cell_range (const BlClusterViewport *vp,
            guint                    level,
            gint64                  *x0,
            gint64                  *y0,
            gint64                  *x1,
            gint64                  *y1)
{
  double cell = BL_SPATIAL_TILE_SIZE * exp2 (vp->zoom) / exp2 (level);
  gint64 last = (gint64) exp2 (level) - 1;

  *x0 = CLAMP ((gint64) floor (vp->x / cell), 0, last);
  *y0 = CLAMP ((gint64) floor (vp->y / cell), 0, last);
  *x1 = CLAMP ((gint64) ceil ((vp->x + vp->width) / cell) - 1, -1, last);
  *y1 = CLAMP ((gint64) ceil ((vp->y + vp->height) / cell) - 1, -1, last);
  if (vp->x + vp->width <= 0 || vp->y + vp->height <= 0 ||
      vp->x >= cell * exp2 (level) || vp->y >= cell * exp2 (level))
    *x1 = *y1 = -1;
}

static GHashTable *
brute_force (BlSpatialIndex          *index,
             const BlClusterViewport *vp,
             guint                    level,
             const guint8            *mask,
             guint                   *n_expected)
{
  GHashTable *cells = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  const guint8 *ranks;
  guint n;
  gint64 x0, y0, x1, y1;

  bl_spatial_index_get_points (index, NULL, &ranks, &n);
  cell_range (vp, level, &x0, &y0, &x1, &y1);
  *n_expected = 0;

  for (guint i = 0; i < n; i++)
    {
      guint32 x, y;
      gint64 cx, cy, key;
      Expected *e;

      if (mask != NULL && !mask[i])
        continue;
      if (!bl_spatial_index_get_point (index, i, &x, &y))
        continue;

      cx = (gint64) ((guint64) x >> (32 - level));
      cy = (gint64) ((guint64) y >> (32 - level));
      if (cx < x0 || cx > x1 || cy < y0 || cy > y1)
        continue;

      key = (cx << 32) | cy;
      e = g_hash_table_lookup (cells, &key);
      if (e == NULL)
        {
          e = g_new0 (Expected, 1);
          e->min_x = e->min_y = G_MAXUINT32;
          e->best = G_MAXUINT64;
          g_hash_table_insert (cells, g_memdup2 (&key, sizeof key), e);
        }
      e->n++;
      e->sum_x += x;
      e->sum_y += y;
      e->min_x = MIN (e->min_x, x);
      e->min_y = MIN (e->min_y, y);
      e->max_x = MAX (e->max_x, x);
      e->max_y = MAX (e->max_y, y);
      e->best = MIN (e->best, BL_SPATIAL_KEY (ranks[i], i));
      (*n_expected)++;
    }

  return cells;
}

/* Checks one query against the brute force, membership included. */
static void
check_query (BlClusterSet            *set,
             BlSpatialIndex          *index,
             const BlClusterViewport *vp,
             const guint8            *mask)
{
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint8 *seen = NULL;
  const BlCluster *clusters;
  guint n_clusters, n_expected, n_claims, level;
  double scale = BL_SPATIAL_TILE_SIZE * exp2 (vp->zoom) / BL_SPATIAL_WORLD_UNITS;

  level = bl_cluster_set_get_level (set);
  expected = brute_force (index, vp, level, mask, &n_expected);
  clusters = bl_cluster_set_get_clusters (set, &n_clusters);
  n_claims = bl_spatial_index_get_n_claims (index);
  seen = g_new0 (guint8, MAX (n_claims, 1));

  g_assert_cmpuint (bl_cluster_set_get_n_claims (set), ==, n_expected);
  g_assert_cmpuint (n_clusters, ==, g_hash_table_size (expected));

  for (guint k = 0; k < n_clusters; k++)
    {
      const BlCluster *cl = &clusters[k];
      gint64 key = ((gint64) cl->cell_x << 32) | cl->cell_y;
      const Expected *e = g_hash_table_lookup (expected, &key);
      double w, n, e_px, s_px;

      g_assert_nonnull (e);
      g_assert_cmpuint (cl->n_claims, ==, e->n);
      g_assert_cmpuint (cl->representative, ==, BL_SPATIAL_KEY_CLAIM (e->best));
      g_assert_cmpfloat_with_epsilon (cl->x, (double) e->sum_x / e->n * scale, 1e-6);
      g_assert_cmpfloat_with_epsilon (cl->y, (double) e->sum_y / e->n * scale, 1e-6);

      /* the centre lies within the members' extent */
      g_assert_cmpfloat (cl->west, <=, cl->east);
      g_assert_cmpfloat (cl->south, <=, cl->north);
      bl_spatial_lonlat_to_world (cl->north, cl->west, vp->zoom, &w, &n);
      bl_spatial_lonlat_to_world (cl->south, cl->east, vp->zoom, &e_px, &s_px);
      g_assert_cmpfloat (cl->x, >=, w - 1e-6);
      g_assert_cmpfloat (cl->x, <=, e_px + 1e-6);
      g_assert_cmpfloat (cl->y, >=, n - 1e-6);
      g_assert_cmpfloat (cl->y, <=, s_px + 1e-6);

      /* members: visible, in this cell, each in exactly one cluster */
      g_array_set_size (members, 0);
      bl_cluster_set_get_members (set, k, members);
      g_assert_cmpuint (members->len, ==, cl->n_claims);
      for (guint m = 0; m < members->len; m++)
        {
          guint32 i = g_array_index (members, guint32, m), x, y;

          g_assert_true (m == 0 || g_array_index (members, guint32, m - 1) < i);
          g_assert_true (mask == NULL || mask[i]);
          g_assert_true (bl_spatial_index_get_point (index, i, &x, &y));
          g_assert_cmpuint ((guint64) x >> (32 - level), ==, cl->cell_x);
          g_assert_cmpuint ((guint64) y >> (32 - level), ==, cl->cell_y);
          g_assert_cmpuint (seen[i], ==, 0);
          seen[i] = 1;
        }
    }
}

static BlClusterViewport
random_viewport (GRand  *rand,
                 double  zoom)
{
  BlClusterViewport vp = { zoom, 0, 0, 1600, 1000 };
  double x0, y0, x1, y1;

  bl_spatial_lonlat_to_world (40.5, 64.0, zoom, &x0, &y0);
  bl_spatial_lonlat_to_world (34.0, 73.0, zoom, &x1, &y1);
  vp.x = g_rand_double_range (rand, x0 - vp.width / 2, x1 - vp.width / 2);
  vp.y = g_rand_double_range (rand, y0 - vp.height / 2, y1 - vp.height / 2);

  return vp;
}

/* Cases */

static void
test_level (void)
{
  g_assert_cmpuint (bl_cluster_get_level (5, 64), ==, 7);
  g_assert_cmpuint (bl_cluster_get_level (5.99, 64), ==, 7);
  g_assert_cmpuint (bl_cluster_get_level (6, 64), ==, 8);
  g_assert_cmpuint (bl_cluster_get_level (6, 100), ==, 8);   /* rounded down to 64 */
  g_assert_cmpuint (bl_cluster_get_level (6, 128), ==, 7);
  g_assert_cmpuint (bl_cluster_get_level (0, 512), ==, 0);
  g_assert_cmpuint (bl_cluster_get_level (40, 1), ==, 32);
  g_assert_cmpuint (bl_cluster_get_level (NAN, 64), ==, 2);
}

static void
test_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autofree double *alat = NULL, *alon = NULL;
  g_autoptr(BlProject) project = make_random_project (20000, rand, &alat, &alon);
  BlClaimStore *store = bl_project_get_claims (project);
  Anchors anchors = { alat, alon };
  g_autoptr(BlSpatialIndex) index = bl_spatial_index_new (store, array_anchor, &anchors);
  g_autoptr(BlClusterSet) set = bl_cluster_set_new ();
  g_autofree guint8 *mask = g_new (guint8, 20000);
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint32));
  static const double zooms[] = { 0, 3, 5, 6.5, 7, 9, 11, 14, 18 };
  guint methods[4] = { 0 };
  guint n_anchored = 0, n_nan = 0;

  for (guint i = 0; i < 20000; i++)
    {
      n_anchored += !isnan (alat[i]);
      n_nan += isnan (bl_claim_store_get_lats (store)[i]);
    }
  g_assert_cmpuint (bl_spatial_index_get_n_placed (index), ==, 20000 - n_nan + n_anchored);

  for (guint round = 0; round < 60; round++)
    {
      double zoom = zooms[round % G_N_ELEMENTS (zooms)];
      BlClusterViewport vp = random_viewport (rand, zoom);
      guint density = g_rand_int_range (rand, 1, 100);

      /* every claim visible */
      bl_cluster_set_compute (set, index, &vp, 64, NULL, NULL, 0);
      g_assert_cmpint (bl_cluster_set_get_method (set), !=, BL_CLUSTER_METHOD_VISIBLE);
      g_assert_cmpint (bl_cluster_set_get_method (set), !=, BL_CLUSTER_METHOD_VIEWPORT);
      methods[bl_cluster_set_get_method (set)]++;
      check_query (set, index, &vp, NULL);

      /* a random mask, given with and without its indices */
      g_array_set_size (visible, 0);
      for (guint32 i = 0; i < 20000; i++)
        {
          mask[i] = (guint) g_rand_int_range (rand, 0, 100) < density;
          if (mask[i])
            g_array_append_val (visible, i);
        }

      bl_cluster_set_compute (set, index, &vp, 64, mask, (guint32 *) visible->data, visible->len);
      methods[bl_cluster_set_get_method (set)]++;
      check_query (set, index, &vp, mask);

      bl_cluster_set_compute (set, index, &vp, 64, mask, NULL, 0);
      g_assert_cmpint (bl_cluster_set_get_method (set), ==,
                       bl_cluster_set_get_n_claims (set) > 0 ? BL_CLUSTER_METHOD_VIEWPORT : BL_CLUSTER_METHOD_NONE);
      methods[bl_cluster_set_get_method (set)]++;
      check_query (set, index, &vp, mask);
    }

  /* every way of adding up was exercised */
  g_assert_cmpuint (methods[BL_CLUSTER_METHOD_SUMMARIES], >, 0);
  g_assert_cmpuint (methods[BL_CLUSTER_METHOD_VISIBLE], >, 0);
  g_assert_cmpuint (methods[BL_CLUSTER_METHOD_VIEWPORT], >, 0);
}

/* Every visible claim strictly inside the viewport, by the projection
 * formulas alone, is in a cluster. */
static void
test_viewport_covered (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 1);
  g_autofree double *alat = NULL, *alon = NULL;
  g_autoptr(BlProject) project = make_random_project (5000, rand, &alat, &alon);
  BlClaimStore *store = bl_project_get_claims (project);
  g_autoptr(BlSpatialIndex) index = bl_spatial_index_new (store, NULL, NULL);
  g_autoptr(BlClusterSet) set = bl_cluster_set_new ();
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint32));
  const double *lats = bl_claim_store_get_lats (store);
  const double *lons = bl_claim_store_get_lons (store);

  for (guint round = 0; round < 20; round++)
    {
      BlClusterViewport vp = random_viewport (rand, 4 + round % 8);
      g_autofree guint8 *in = g_new0 (guint8, 5000);
      guint n_clusters, n_inside = 0;

      bl_cluster_set_compute (set, index, &vp, 64, NULL, NULL, 0);
      bl_cluster_set_get_clusters (set, &n_clusters);
      for (guint k = 0; k < n_clusters; k++)
        {
          g_array_set_size (members, 0);
          bl_cluster_set_get_members (set, k, members);
          for (guint m = 0; m < members->len; m++)
            in[g_array_index (members, guint32, m)]++;
        }

      for (guint i = 0; i < 5000; i++)
        {
          double x, y;

          g_assert_cmpuint (in[i], <=, 1);
          if (isnan (lats[i]))
            continue;
          bl_spatial_lonlat_to_world (lats[i], lons[i], vp.zoom, &x, &y);
          if (x > vp.x + 1e-3 && x < vp.x + vp.width - 1e-3 &&
              y > vp.y + 1e-3 && y < vp.y + vp.height - 1e-3)
            {
              g_assert_cmpuint (in[i], ==, 1);
              n_inside++;
            }
        }
      g_assert_cmpuint (bl_cluster_set_get_n_claims (set), >=, n_inside);
    }
}

static void
test_pan_stable (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 2);
  g_autofree double *alat = NULL, *alon = NULL;
  g_autoptr(BlProject) project = make_random_project (20000, rand, &alat, &alon);
  Anchors anchors = { alat, alon };
  g_autoptr(BlSpatialIndex) index = bl_spatial_index_new (bl_project_get_claims (project), array_anchor, &anchors);
  g_autoptr(BlClusterSet) a = bl_cluster_set_new ();
  g_autoptr(BlClusterSet) b = bl_cluster_set_new ();
  g_autoptr(GArray) ma = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) mb = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n_shared = 0;

  for (guint round = 0; round < 30; round++)
    {
      double zoom = 5 + (round % 6) + (round % 2) * 0.5;
      double cell = 64 * exp2 (zoom - floor (zoom));
      BlClusterViewport va = random_viewport (rand, zoom), vb = va;
      const BlCluster *ca, *cb;
      guint na, nb, shared = 0;
      gint64 x0, y0, x1, y1;

      vb.x += cell * g_rand_int_range (rand, -5, 6);
      vb.y += cell * g_rand_int_range (rand, -5, 6);

      bl_cluster_set_compute (a, index, &va, 64, NULL, NULL, 0);
      bl_cluster_set_compute (b, index, &vb, 64, NULL, NULL, 0);
      ca = bl_cluster_set_get_clusters (a, &na);
      cb = bl_cluster_set_get_clusters (b, &nb);

      /* every cluster of a whose cell b covers is in b, the same */
      cell_range (&vb, bl_cluster_set_get_level (b), &x0, &y0, &x1, &y1);
      for (guint i = 0; i < na; i++)
        {
          gboolean covered = ca[i].cell_x >= x0 && ca[i].cell_x <= x1 &&
                             ca[i].cell_y >= y0 && ca[i].cell_y <= y1;
          gboolean found = FALSE;

          for (guint j = 0; j < nb && !found; j++)
            if (ca[i].cell_x == cb[j].cell_x && ca[i].cell_y == cb[j].cell_y)
              {
                g_assert_cmpuint (ca[i].n_claims, ==, cb[j].n_claims);
                g_assert_cmpuint (ca[i].representative, ==, cb[j].representative);
                g_assert_cmpfloat (ca[i].x, ==, cb[j].x);
                g_assert_cmpfloat (ca[i].y, ==, cb[j].y);

                g_array_set_size (ma, 0);
                g_array_set_size (mb, 0);
                bl_cluster_set_get_members (a, i, ma);
                bl_cluster_set_get_members (b, j, mb);
                g_assert_cmpmem (ma->data, ma->len * 4, mb->data, mb->len * 4);
                found = TRUE;
              }

          g_assert_cmpint (found, ==, covered);
          shared += found;
        }
      n_shared += shared;
    }

  /* the shifts were small enough to keep many clusters in view */
  g_assert_cmpuint (n_shared, >, 100);
}

static void
test_time_window (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED + 3);
  g_autofree double *alat = NULL, *alon = NULL;
  g_autoptr(BlProject) project = make_random_project (20000, rand, &alat, &alon);
  g_autoptr(BlFilter) filter = bl_filter_new ();
  g_autoptr(BlVisibleClaims) visible = bl_visible_claims_new (project, filter);
  g_autoptr(BlClusterer) clusterer = bl_clusterer_new (visible);
  Anchors anchors = { alat, alon };
  BlClusterViewport vp = { 5, 0, 0, 1600, 1000 };
  gint32 day = bl_day_from_ymd (2021, 6, 1);
  BlClusterSet *set;
  guint n_all, n_builds;

  bl_clusterer_set_anchor_func (clusterer, array_anchor, &anchors, NULL);
  bl_spatial_lonlat_to_world (40.0, 65.0, vp.zoom, &vp.x, &vp.y);

  set = bl_clusterer_compute (clusterer, &vp);
  g_assert_cmpint (bl_cluster_set_get_method (set), ==, BL_CLUSTER_METHOD_SUMMARIES);
  check_query (set, bl_clusterer_get_index (clusterer), &vp, NULL);
  n_all = bl_cluster_set_get_n_claims (set);
  n_builds = bl_clusterer_get_n_builds (clusterer);
  g_assert_cmpuint (n_builds, ==, 1);

  /* drag the window a day at a time, then a week at a time */
  for (guint step = 0; step < 40; step++)
    {
      day += step < 20 ? 1 : 7;
      bl_filter_set_window (filter, day, day + 30);
      set = bl_clusterer_compute (clusterer, &vp);

      g_assert_cmpuint (bl_clusterer_get_n_builds (clusterer), ==, n_builds);
      g_assert_cmpuint (bl_cluster_set_get_n_claims (set), <, n_all);
      check_query (set, bl_clusterer_get_index (clusterer), &vp, bl_visible_claims_get_mask (visible));
    }

  /* criteria too */
  bl_filter_set_min_credibility (filter, 3);
  set = bl_clusterer_compute (clusterer, &vp);
  g_assert_cmpuint (bl_clusterer_get_n_builds (clusterer), ==, n_builds);
  check_query (set, bl_clusterer_get_index (clusterer), &vp, bl_visible_claims_get_mask (visible));

  /* back to everything */
  bl_filter_reset (filter);
  bl_filter_clear_window (filter);
  set = bl_clusterer_compute (clusterer, &vp);
  g_assert_cmpuint (bl_cluster_set_get_n_claims (set), ==, n_all);
  g_assert_cmpuint (bl_clusterer_get_n_builds (clusterer), ==, n_builds);

  /* a new claim does rebuild, once */
  append_claim (bl_project_get_claims (project), 20000, 36.73, 68.86, 1, day);
  set = bl_clusterer_compute (clusterer, &vp);
  g_assert_cmpuint (bl_clusterer_get_n_builds (clusterer), ==, n_builds + 1);
  g_assert_cmpuint (bl_cluster_set_get_n_claims (set), ==, n_all + 1);
  set = bl_clusterer_compute (clusterer, &vp);
  g_assert_cmpuint (bl_clusterer_get_n_builds (clusterer), ==, n_builds + 1);
}

static void
test_edges (void)
{
  g_autoptr(BlProject) project = bl_project_new ();
  BlClaimStore *store = bl_project_get_claims (project);
  g_autoptr(BlSpatialIndex) index = NULL;
  g_autoptr(BlClusterSet) set = bl_cluster_set_new ();
  static const double points[][2] = {
    { 0, 0 }, { 0, 180 }, { 0, -180 }, { 90, 0 }, { -90, 0 }, { 85.0511287798066, 180 },
    { -85.06, -180 }, { 89.9, 179.999999 }, { 45, 540 }, { 45, -541 }, { NAN, 10 },
    { 10, INFINITY }, { -INFINITY, 5 },
    /* exactly on the edges of cells at zoom 5 (level 7): 360 / 128 degrees apart */
    { 36.0, 67.5 }, { 36.0, 70.3125 }, { 0, -180 + 360.0 / 128 },
    { 36.0, 67.5 - 1e-12 }, { 36.0, 67.5 + 1e-12 },
  };
  static const BlClusterViewport viewports[] = {
    { 0, 0, 0, 256, 256 },
    { 0, -1000, -1000, 3000, 3000 },
    { 0, 300, 300, 100, 100 },
    { 0, -500, 0, 100, 100 },
    { 0, 0, 0, 0, 100 },
    { 2, 0, 0, 1024, 1024 },
    { 5, 0, 0, 8192, 8192 },
    { 5, 8192 - 64, 0, 64, 8192 },
    { 5, 8192 - 1, 4000, 1600, 1000 },
    { 12, 0, 0, 256 * 4096.0, 256 * 4096.0 },
    { 30, 0, 0, 1600, 1000 },
    { 40, 0, 0, 1600, 1000 },
    { 3.3, 100, 100, 1600, 1000 },
  };
  guint n = 0;

  for (guint p = 0; p < G_N_ELEMENTS (points); p++)
    for (guint copy = 0; copy < 3; copy++)
      append_claim (store, n++, points[p][0], points[p][1], copy, G_MININT32);

  index = bl_spatial_index_new (store, NULL, NULL);
  g_assert_cmpuint (bl_spatial_index_get_n_placed (index), ==, n - 9);

  /* the corners of the world */
  {
    guint32 x, y;

    g_assert_true (bl_spatial_index_get_point (index, 3 * 1, &x, &y));  /* lon 180 */
    g_assert_cmpuint (x, ==, G_MAXUINT32 - 1);
    g_assert_true (bl_spatial_index_get_point (index, 3 * 2, &x, &y));  /* lon -180 */
    g_assert_cmpuint (x, ==, 0);
    g_assert_true (bl_spatial_index_get_point (index, 3 * 3, &x, &y));  /* lat 90 */
    g_assert_cmpuint (y, ==, 0);
    g_assert_true (bl_spatial_index_get_point (index, 3 * 4, &x, &y));  /* lat -90 */
    g_assert_cmpuint (y, ==, G_MAXUINT32 - 1);
    g_assert_true (bl_spatial_index_get_point (index, 3 * 15, &x, &y)); /* a cell edge */
    g_assert_cmpuint (x, ==, 1u << 25);
    g_assert_false (bl_spatial_index_get_point (index, 3 * 10, &x, &y)); /* NaN */
    g_assert_false (bl_spatial_index_get_point (index, 3 * 11, &x, &y)); /* infinite */
    g_assert_false (bl_spatial_index_get_point (index, n, &x, &y));      /* no such claim */
  }

  for (guint v = 0; v < G_N_ELEMENTS (viewports); v++)
    {
      g_autofree guint8 *mask = g_new (guint8, n);
      g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint32));

      bl_cluster_set_compute (set, index, &viewports[v], 64, NULL, NULL, 0);
      check_query (set, index, &viewports[v], NULL);

      for (guint32 i = 0; i < n; i++)
        if ((mask[i] = i % 3 != 1))
          g_array_append_val (visible, i);
      bl_cluster_set_compute (set, index, &viewports[v], 64, mask, (guint32 *) visible->data, visible->len);
      check_query (set, index, &viewports[v], mask);
      bl_cluster_set_compute (set, index, &viewports[v], 64, mask, NULL, 0);
      check_query (set, index, &viewports[v], mask);
    }

  /* the whole world at zoom 0 holds every placed claim */
  bl_cluster_set_compute (set, index, &viewports[0], 64, NULL, NULL, 0);
  g_assert_cmpuint (bl_cluster_set_get_n_claims (set), ==, n - 9);
}

static void
test_empty (void)
{
  g_autoptr(BlProject) project = bl_project_new ();
  g_autoptr(BlFilter) filter = bl_filter_new ();
  g_autoptr(BlVisibleClaims) visible = bl_visible_claims_new (project, filter);
  g_autoptr(BlClusterer) clusterer = bl_clusterer_new (visible);
  g_autoptr(BlSpatialIndex) index = bl_spatial_index_new (bl_project_get_claims (project), NULL, NULL);
  g_autoptr(BlClusterSet) set = bl_cluster_set_new ();
  BlClusterViewport vp = { 5, 0, 0, 8192, 8192 };
  guint n_clusters;
  guint8 mask = 0;

  g_assert_cmpuint (bl_spatial_index_get_n_claims (index), ==, 0);
  g_assert_cmpuint (bl_spatial_index_get_n_placed (index), ==, 0);

  bl_cluster_set_compute (set, index, &vp, 64, NULL, NULL, 0);
  bl_cluster_set_get_clusters (set, &n_clusters);
  g_assert_cmpuint (n_clusters, ==, 0);
  bl_cluster_set_compute (set, index, &vp, 64, &mask, NULL, 0);
  g_assert_cmpuint (bl_cluster_set_get_n_claims (set), ==, 0);
  g_assert_false (bl_cluster_set_find (set, 100, 100, 1000, NULL));

  bl_filter_set_window (filter, 0, 10);
  g_assert_cmpuint (bl_cluster_set_get_n_claims (bl_clusterer_compute (clusterer, &vp)), ==, 0);
}

static void
test_find (void)
{
  g_autoptr(BlProject) project = bl_project_new ();
  BlClaimStore *store = bl_project_get_claims (project);
  g_autoptr(BlSpatialIndex) index = NULL;
  g_autoptr(BlClusterSet) set = bl_cluster_set_new ();
  BlClusterViewport vp = { 10, 0, 0, 1600, 1000 };
  const BlCluster *clusters;
  guint n_clusters, found;
  double x, y;

  append_claim (store, 0, 36.728, 68.857, 0, G_MININT32);  /* Kunduz */
  append_claim (store, 1, 36.729, 68.858, 2, G_MININT32);
  append_claim (store, 2, 37.116, 70.580, 0, G_MININT32);  /* Fayzabad */
  index = bl_spatial_index_new (store, NULL, NULL);

  bl_spatial_lonlat_to_world (36.728, 68.857, vp.zoom, &x, &y);
  vp.x = x - 800;
  vp.y = y - 500;
  bl_cluster_set_compute (set, index, &vp, 64, NULL, NULL, 0);
  clusters = bl_cluster_set_get_clusters (set, &n_clusters);
  g_assert_cmpuint (n_clusters, ==, 1);
  g_assert_cmpuint (clusters[0].n_claims, ==, 2);
  g_assert_cmpuint (clusters[0].representative, ==, 1);   /* graded beats ungraded */
  g_assert_true (bl_cluster_set_find (set, x + 3, y - 3, 10, &found));
  g_assert_cmpuint (found, ==, 0);
  g_assert_false (bl_cluster_set_find (set, x + 300, y, 10, NULL));

  /* a zoom out puts Fayzabad in view as its own cluster */
  vp.zoom = 6;
  bl_spatial_lonlat_to_world (36.9, 69.7, vp.zoom, &x, &y);
  vp.x = x - 800;
  vp.y = y - 500;
  bl_cluster_set_compute (set, index, &vp, 64, NULL, NULL, 0);
  g_assert_cmpuint (bl_cluster_set_get_n_claims (set), ==, 3);
  bl_cluster_set_get_clusters (set, &n_clusters);
  g_assert_cmpuint (n_clusters, ==, 2);
}

/* The sample project: every claim is area-only; anchors are the
 * basemap's label points of their first areas. */
typedef struct {
  BlBasemapData *basemap;
  guint          n_calls;
} BasemapAnchors;

static gboolean
basemap_anchor (BlClaimStore *store,
                guint         index,
                double       *lat,
                double       *lon,
                gpointer      user_data)
{
  BasemapAnchors *a = user_data;
  const BlBasemapFeature *f;
  BlClaimRecord r;

  a->n_calls++;
  bl_claim_store_get_record (store, index, &r);
  if (r.areas == NULL || r.areas[0] == NULL)
    return FALSE;

  f = bl_basemap_data_lookup (a->basemap, BL_BASEMAP_LAYER_COUNTRY, r.areas[0]);
  if (f == NULL)
    f = bl_basemap_data_lookup_province (a->basemap, r.areas[0]);
  if (f == NULL)
    return FALSE;

  *lat = f->label_lat;
  *lon = f->label_lon;
  return TRUE;
}

static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (BL_SOURCE_DIR, "data", "samples", "csto-isis-k-2023.borderline", NULL);
  g_autofree char *basemap_path = g_build_filename (BL_SOURCE_DIR, "data", "basemap", "basemap.bin", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlBasemapData) basemap = NULL;
  g_autoptr(BlFilter) filter = bl_filter_new ();
  g_autoptr(BlVisibleClaims) visible = NULL;
  g_autoptr(BlClusterer) clusterer = NULL;
  BasemapAnchors anchors = { NULL, 0 };
  BlClusterViewport vp = { 5, 0, 0, 1600, 1000 };
  BlClaimStore *store;
  BlClusterSet *set;
  const BlCluster *clusters;
  guint n, n_clusters;
  double x, y;

  project = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  basemap = bl_basemap_data_new_from_file (basemap_path, &error);
  g_assert_no_error (error);
  anchors.basemap = basemap;

  store = bl_project_get_claims (project);
  n = bl_claim_store_get_n_claims (store);
  g_assert_cmpuint (n, >, 0);

  visible = bl_visible_claims_new (project, filter);
  clusterer = bl_clusterer_new (visible);
  bl_clusterer_set_anchor_func (clusterer, basemap_anchor, &anchors, NULL);

  /* the region at zoom 5 */
  bl_spatial_lonlat_to_world (40.0, 62.0, vp.zoom, &x, &y);
  vp.x = x;
  vp.y = y;
  set = bl_clusterer_compute (clusterer, &vp);
  g_assert_cmpuint (anchors.n_calls, ==, n);
  g_assert_cmpuint (bl_spatial_index_get_n_placed (bl_clusterer_get_index (clusterer)), ==, n);
  g_assert_cmpuint (bl_cluster_set_get_n_claims (set), ==, n);
  check_query (set, bl_clusterer_get_index (clusterer), &vp, NULL);

  clusters = bl_cluster_set_get_clusters (set, &n_clusters);
  g_assert_cmpuint (n_clusters, >=, 2);   /* Afghanistan, and its northern provinces */
  for (guint k = 0; k < n_clusters; k++)
    {
      g_assert_cmpfloat (clusters[k].west, >=, 60);
      g_assert_cmpfloat (clusters[k].east, <=, 75);
      g_assert_cmpfloat (clusters[k].south, >=, 29);
      g_assert_cmpfloat (clusters[k].north, <=, 39);
    }

  /* the window of the press conference, then one long before it (which
   * still shows the claims about open-ended periods) */
  bl_filter_set_window (filter, bl_day_from_ymd (2023, 2, 14), bl_day_from_ymd (2023, 2, 14));
  set = bl_clusterer_compute (clusterer, &vp);
  check_query (set, bl_clusterer_get_index (clusterer), &vp, bl_visible_claims_get_mask (visible));
  g_assert_cmpuint (bl_cluster_set_get_n_claims (set), >, 0);
  bl_filter_set_window (filter, bl_day_from_ymd (1990, 1, 1), bl_day_from_ymd (1990, 1, 2));
  set = bl_clusterer_compute (clusterer, &vp);
  check_query (set, bl_clusterer_get_index (clusterer), &vp, bl_visible_claims_get_mask (visible));
  g_assert_cmpuint (bl_cluster_set_get_n_claims (set), <, n);
  g_assert_cmpuint (bl_clusterer_get_n_builds (clusterer), ==, 1);
  g_assert_cmpuint (anchors.n_calls, ==, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cluster/level", test_level);
  g_test_add_func ("/cluster/brute-force", test_brute_force);
  g_test_add_func ("/cluster/viewport-covered", test_viewport_covered);
  g_test_add_func ("/cluster/pan-stable", test_pan_stable);
  g_test_add_func ("/cluster/time-window", test_time_window);
  g_test_add_func ("/cluster/edges", test_edges);
  g_test_add_func ("/cluster/empty", test_empty);
  g_test_add_func ("/cluster/find", test_find);
  g_test_add_func ("/cluster/sample", test_sample);

  return g_test_run ();
}
