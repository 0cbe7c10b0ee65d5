/* bl-cluster.c — the claims in view, grouped into clusters
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clusters are the cells of a square grid anchored in world pixels, not
 * in the viewport, so a cluster keeps its members while the map pans. At
 * an integer zoom z a cell is @cell_size screen pixels (a power of two,
 * 64 by default); at a fractional zoom the grid of floor (z) is used, so
 * a cell is 64–128 pixels. Cells of that size are exactly the cells of
 * level z + 8 − log2 (@cell_size) of the quadtree of BlSpatialIndex, whose
 * claims are one run of its sorted arrays. A query covers every cell the
 * viewport touches, each with all its visible members, including those
 * just past the viewport's edge.
 *
 * A query first finds the non-empty cells in view with their runs
 * (bl_spatial_index_find_cells(), about 2 × cells × depth binary searches:
 * microseconds), then adds up their visible members in one of three ways,
 * whichever costs least:
 *
 * - every claim visible (no time window, no criteria): the block summaries
 *   of the index, O(cells × 64 + claims in view / 64);
 * - a pass over the visible claims' numbers, each looked up in a small
 *   grid of the cells in view: O(visible claims), sequential reads; best
 *   at low zoom with a narrow time window;
 * - a pass over the runs of the cells in view, testing each claim in the
 *   visible mask: O(claims in view); best when zoomed in.
 *
 * So a time-window change never rebuilds anything: the index depends on
 * the claims only, and the window reaches the clusters through the
 * BlVisibleClaims mask and indices. At a million claims, over a
 * 1600×1000 view at zooms 5–9, a query takes a median 0.05 ms with no
 * filter and 0.3–0.9 ms with a 30-day or a 1-year window on (the
 * numbers and the naive baseline: tests/bench/bench-cluster.c).
 *
 * BlClusterer ties it together for a view: it keeps the index for a
 * BlVisibleClaims' project, builds it on first use after the claims
 * changed, and recomputes a reusable BlClusterSet per query.
 *
 * Not here: drawing markers, hit-testing marker shapes, animation.
 */
#include "config.h"

#include <stdlib.h>

#include "bl-cluster.h"

/* The largest grid of cells in view the visible-claims pass indexes. */
#define MAX_GRID_CELLS (1u << 20)

struct _BlClusterSet
{
  /* the result */
  GArray          *clusters;    /* BlCluster */
  guint            n_claims;
  guint            level;
  double           zoom;
  BlClusterMethod  method;

  /* what the members come from */
  BlSpatialIndex  *index;       /* owned */
  const guint8    *mask;        /* borrowed; NULL when all are visible */

  /* scratch, kept between queries */
  GArray          *cells;       /* BlSpatialCell */
  GArray          *sums;        /* BlSpatialSummary, one per cell */
  gint32          *grid;
  gsize            grid_size;
};

struct _BlClusterer
{
  GObject          parent_instance;

  /* owned */
  BlVisibleClaims *visible;
  BlClaimStore    *store;
  BlSpatialIndex  *index;       /* NULL until needed after a change */
  BlClusterSet    *set;

  BlAnchorFunc     anchor;
  gpointer         anchor_data;
  GDestroyNotify   anchor_destroy;

  guint            cell_size;
  guint            n_builds;
};

G_DEFINE_FINAL_TYPE (BlClusterer, bl_clusterer, G_TYPE_OBJECT)

/* Helpers */

static inline void
sum_init (BlSpatialSummary *s)
{
  s->n = 0;
  s->sum_x = s->sum_y = 0;
  s->min_x = s->min_y = G_MAXUINT32;
  s->max_x = s->max_y = 0;
  s->best = G_MAXUINT64;
}

static inline void
sum_add (BlSpatialSummary *s,
         guint32           x,
         guint32           y,
         guint64           key)
{
  s->n++;
  s->sum_x += x;
  s->sum_y += y;
  s->min_x = MIN (s->min_x, x);
  s->max_x = MAX (s->max_x, x);
  s->min_y = MIN (s->min_y, y);
  s->max_y = MAX (s->max_y, y);
  s->best = MIN (s->best, key);
}

static guint
cell_shift (guint cell_size)
{
  guint shift = 0;

  cell_size = CLAMP (cell_size, 1, 1u << 16);
  while ((2u << shift) <= cell_size)
    shift++;
  return shift;
}

static void
sum_by_visible (BlClusterSet        *self,
                guint32              x0,
                guint32              y0,
                guint64              gw,
                guint64              gh,
                guint                shift,
                const guint32       *visible,
                guint                n_visible)
{
  const guint32 *px, *py;
  const guint8 *ranks;
  BlSpatialSummary *sums = (BlSpatialSummary *) self->sums->data;
  guint n;

  px = bl_spatial_index_get_points (self->index, &py, &ranks, &n);

  if (self->grid_size < gw * gh)
    {
      self->grid_size = gw * gh;
      self->grid = g_renew (gint32, self->grid, self->grid_size);
    }
  for (gsize k = 0; k < gw * gh; k++)
    self->grid[k] = -1;
  for (guint k = 0; k < self->cells->len; k++)
    {
      const BlSpatialCell *c = &g_array_index (self->cells, BlSpatialCell, k);

      self->grid[(c->cell_y - y0) * gw + (c->cell_x - x0)] = k;
    }

  for (guint v = 0; v < n_visible; v++)
    {
      guint32 i = visible[v], x, y;
      guint64 cx, cy;
      gint32 slot;

      if (i >= n || (x = px[i]) == BL_SPATIAL_UNPLACED)
        continue;
      y = py[i];

      cx = ((guint64) x >> shift) - x0;
      cy = ((guint64) y >> shift) - y0;
      if (cx >= gw || cy >= gh)
        continue;

      slot = self->grid[cy * gw + cx];
      g_assert (slot >= 0);
      sum_add (&sums[slot], x, y, BL_SPATIAL_KEY (ranks[i], i));
    }
}

static void
sum_by_viewport (BlClusterSet *self,
                 const guint8 *mask)
{
  const guint32 *claims, *xs, *ys;
  const guint8 *ranks;
  BlSpatialSummary *sums = (BlSpatialSummary *) self->sums->data;
  guint n;

  claims = bl_spatial_index_get_sorted (self->index, &xs, &ys, &ranks, &n);

  for (guint k = 0; k < self->cells->len; k++)
    {
      const BlSpatialCell *c = &g_array_index (self->cells, BlSpatialCell, k);
      BlSpatialSummary *s = &sums[k];

      for (guint j = c->first; j < c->end; j++)
        {
          guint32 i = claims[j];

          if (mask[i])
            sum_add (s, xs[j], ys[j], BL_SPATIAL_KEY (ranks[j], i));
        }
    }
}

static void
make_clusters (BlClusterSet *self)
{
  const BlSpatialSummary *sums = (const BlSpatialSummary *) self->sums->data;
  double scale = BL_SPATIAL_TILE_SIZE * exp2 (self->zoom) / BL_SPATIAL_WORLD_UNITS;

  for (guint k = 0; k < self->cells->len; k++)
    {
      const BlSpatialCell *c = &g_array_index (self->cells, BlSpatialCell, k);
      const BlSpatialSummary *s = &sums[k];
      BlCluster cl;

      if (s->n == 0)
        continue;

      cl.x = ((double) s->sum_x / s->n) * scale;
      cl.y = ((double) s->sum_y / s->n) * scale;
      bl_spatial_unit_to_lonlat (s->min_x / BL_SPATIAL_WORLD_UNITS,
                                 s->min_y / BL_SPATIAL_WORLD_UNITS,
                                 &cl.north, &cl.west);
      bl_spatial_unit_to_lonlat (s->max_x / BL_SPATIAL_WORLD_UNITS,
                                 s->max_y / BL_SPATIAL_WORLD_UNITS,
                                 &cl.south, &cl.east);
      cl.n_claims = s->n;
      cl.representative = BL_SPATIAL_KEY_CLAIM (s->best);
      cl.cell_x = c->cell_x;
      cl.cell_y = c->cell_y;
      cl.first = c->first;
      cl.end = c->end;

      g_array_append_val (self->clusters, cl);
      self->n_claims += s->n;
    }
}

static int
compare_claims (gconstpointer a,
                gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : (x > y);
}

/* Public: the grid */

/**
 * bl_cluster_get_level:
 * @zoom: the map's zoom, possibly fractional
 * @cell_size: the cell size in screen pixels, rounded down to a power of
 *   two
 *
 * Returns: the quadtree level of the cells that clusters use at @zoom
 *   (2^level cells across the world)
 */
guint
bl_cluster_get_level (double zoom,
                      guint  cell_size)
{
  double level;

  if (!(zoom >= 0.0))
    zoom = 0.0;
  level = floor (zoom + 1e-9) + 8 - cell_shift (cell_size);
  return (guint) CLAMP (level, 0.0, 32.0);
}

/* Public: BlClusterSet */

/**
 * bl_cluster_set_new:
 *
 * Returns: (transfer full): an empty set, to be filled by
 *   bl_cluster_set_compute() again and again (it keeps its buffers)
 */
BlClusterSet *
bl_cluster_set_new (void)
{
  BlClusterSet *self = g_new0 (BlClusterSet, 1);

  self->clusters = g_array_new (FALSE, FALSE, sizeof (BlCluster));
  self->cells = g_array_new (FALSE, FALSE, sizeof (BlSpatialCell));
  self->sums = g_array_new (FALSE, FALSE, sizeof (BlSpatialSummary));

  return self;
}

void
bl_cluster_set_free (BlClusterSet *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->index, bl_spatial_index_unref);
  g_array_unref (self->clusters);
  g_array_unref (self->cells);
  g_array_unref (self->sums);
  g_free (self->grid);
  g_free (self);
}

/**
 * bl_cluster_set_compute:
 * @index: the claims' positions
 * @viewport: what the map shows
 * @cell_size: the cell size in screen pixels, e.g.
 *   %BL_CLUSTER_DEFAULT_CELL_SIZE; rounded down to a power of two
 * @mask: (nullable): one byte per claim of @index, non-zero when visible
 *   (bl_visible_claims_get_mask()); %NULL when every claim is
 * @visible: (nullable) (array length=n_visible): the visible claims'
 *   numbers (bl_visible_claims_get_indices()), or %NULL
 * @n_visible: their number
 *
 * Replaces the set's clusters with those of @viewport. The set keeps
 * @index, and @mask for bl_cluster_set_get_members(): @mask must stay
 * valid (the visible claims must not change) while the members are
 * listed.
 */
void
bl_cluster_set_compute (BlClusterSet            *self,
                        BlSpatialIndex          *index,
                        const BlClusterViewport *viewport,
                        guint                    cell_size,
                        const guint8            *mask,
                        const guint32           *visible,
                        guint                    n_visible)
{
  double k, vx0, vy0, vx1, vy1;
  guint shift;
  guint64 qx0, qy0, qx1, qy1;
  guint32 x0, y0, x1, y1;
  gboolean all_visible;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index != NULL);
  g_return_if_fail (viewport != NULL);
  g_return_if_fail (visible != NULL || n_visible == 0);

  g_array_set_size (self->clusters, 0);
  g_array_set_size (self->cells, 0);
  self->n_claims = 0;
  self->method = BL_CLUSTER_METHOD_NONE;
  self->zoom = MAX (viewport->zoom, 0.0);
  self->level = bl_cluster_get_level (self->zoom, cell_size);
  if (self->index != index)
    {
      g_clear_pointer (&self->index, bl_spatial_index_unref);
      self->index = bl_spatial_index_ref (index);
    }

  all_visible = mask == NULL || n_visible >= bl_spatial_index_get_n_claims (index);
  self->mask = all_visible ? NULL : mask;

  /* the viewport in index units, right and bottom edges exclusive */
  k = BL_SPATIAL_WORLD_UNITS / (BL_SPATIAL_TILE_SIZE * exp2 (self->zoom));
  vx0 = viewport->x * k;
  vy0 = viewport->y * k;
  vx1 = (viewport->x + viewport->width) * k;
  vy1 = (viewport->y + viewport->height) * k;
  if (!(viewport->width > 0 && viewport->height > 0) ||
      !(vx1 > 0 && vy1 > 0 && vx0 < BL_SPATIAL_WORLD_UNITS && vy0 < BL_SPATIAL_WORLD_UNITS))
    return;

  qx0 = vx0 <= 0 ? 0 : (guint64) floor (vx0);
  qy0 = vy0 <= 0 ? 0 : (guint64) floor (vy0);
  qx1 = (guint64) MIN (ceil (vx1) - 1, BL_SPATIAL_WORLD_UNITS - 1);
  qy1 = (guint64) MIN (ceil (vy1) - 1, BL_SPATIAL_WORLD_UNITS - 1);
  if (qx1 < qx0 || qy1 < qy0)
    return;

  shift = 32 - self->level;
  x0 = qx0 >> shift;
  y0 = qy0 >> shift;
  x1 = qx1 >> shift;
  y1 = qy1 >> shift;

  bl_spatial_index_find_cells (index, self->level, x0, y0, x1, y1, self->cells);
  if (self->cells->len == 0)
    return;

  g_array_set_size (self->sums, self->cells->len);

  if (all_visible)
    {
      self->method = BL_CLUSTER_METHOD_SUMMARIES;
      for (guint c = 0; c < self->cells->len; c++)
        {
          const BlSpatialCell *cell = &g_array_index (self->cells, BlSpatialCell, c);

          bl_spatial_index_summarize (index, cell->first, cell->end,
                                      &g_array_index (self->sums, BlSpatialSummary, c));
        }
    }
  else
    {
      guint64 gw = (guint64) x1 - x0 + 1, gh = (guint64) y1 - y0 + 1;
      guint64 in_view = 0;

      for (guint c = 0; c < self->cells->len; c++)
        {
          const BlSpatialCell *cell = &g_array_index (self->cells, BlSpatialCell, c);

          in_view += cell->end - cell->first;
          sum_init (&g_array_index (self->sums, BlSpatialSummary, c));
        }

      /* A visible claim costs about as much as a claim in view: the
       * first reads two arrays in ascending order, the second one array
       * in order and the mask at random. */
      if (visible != NULL && n_visible < in_view && gw * gh <= MAX_GRID_CELLS)
        {
          self->method = BL_CLUSTER_METHOD_VISIBLE;
          sum_by_visible (self, x0, y0, gw, gh, shift, visible, n_visible);
        }
      else
        {
          self->method = BL_CLUSTER_METHOD_VIEWPORT;
          sum_by_viewport (self, mask);
        }
    }

  make_clusters (self);
}

/**
 * bl_cluster_set_get_clusters:
 * @n_clusters: (out): how many
 *
 * Returns: (array length=n_clusters): the clusters, in Morton order of
 *   their cells
 */
const BlCluster *
bl_cluster_set_get_clusters (BlClusterSet *self,
                             guint        *n_clusters)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_clusters != NULL, NULL);

  *n_clusters = self->clusters->len;
  return (const BlCluster *) self->clusters->data;
}

/**
 * bl_cluster_set_get_n_claims:
 *
 * Returns: how many claims the clusters hold together
 */
guint
bl_cluster_set_get_n_claims (BlClusterSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_claims;
}

/**
 * bl_cluster_set_get_level:
 *
 * Returns: the quadtree level of the last query's grid
 */
guint
bl_cluster_set_get_level (BlClusterSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->level;
}

/**
 * bl_cluster_set_get_method:
 *
 * Returns: how the last query added up the clusters
 */
BlClusterMethod
bl_cluster_set_get_method (BlClusterSet *self)
{
  g_return_val_if_fail (self != NULL, BL_CLUSTER_METHOD_NONE);
  return self->method;
}

/**
 * bl_cluster_set_get_members:
 * @cluster: a cluster's position in bl_cluster_set_get_clusters()
 * @out_indices: (element-type guint32): where to append the claim numbers
 *   of its members, ascending
 *
 * Lists a cluster's claims, for a popover at the deepest zoom. Costs
 * O(claims in the cell). The visible claims must not have changed since
 * the query.
 */
void
bl_cluster_set_get_members (BlClusterSet *self,
                            guint         cluster,
                            GArray       *out_indices)
{
  const BlCluster *cl;
  const guint32 *claims;
  guint n, start;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cluster < self->clusters->len);
  g_return_if_fail (out_indices != NULL);
  g_return_if_fail (g_array_get_element_size (out_indices) == sizeof (guint32));

  cl = &g_array_index (self->clusters, BlCluster, cluster);
  claims = bl_spatial_index_get_sorted (self->index, NULL, NULL, NULL, &n);
  start = out_indices->len;

  for (guint j = cl->first; j < cl->end; j++)
    if (self->mask == NULL || self->mask[claims[j]])
      g_array_append_val (out_indices, claims[j]);

  qsort (&g_array_index (out_indices, guint32, start), out_indices->len - start,
         sizeof (guint32), compare_claims);
}

/**
 * bl_cluster_set_find:
 * @x: a point, in world pixels at the query's zoom
 * @y: likewise
 * @radius: how far from a cluster's centre the point may be, in pixels
 * @cluster: (out) (optional): the cluster nearest to the point
 *
 * Returns: whether a cluster's centre is within @radius of the point
 */
gboolean
bl_cluster_set_find (BlClusterSet *self,
                     double        x,
                     double        y,
                     double        radius,
                     guint        *cluster)
{
  double best = radius * radius;
  guint found = G_MAXUINT;

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint k = 0; k < self->clusters->len; k++)
    {
      const BlCluster *cl = &g_array_index (self->clusters, BlCluster, k);
      double d = (cl->x - x) * (cl->x - x) + (cl->y - y) * (cl->y - y);

      if (d <= best)
        {
          best = d;
          found = k;
        }
    }

  if (found == G_MAXUINT)
    return FALSE;
  if (cluster != NULL)
    *cluster = found;
  return TRUE;
}

/* BlClusterer */

static void
on_store_items_changed (GListModel  *store,
                        guint        position,
                        guint        removed,
                        guint        added,
                        BlClusterer *self)
{
  g_clear_pointer (&self->index, bl_spatial_index_unref);
}

static void
bl_clusterer_dispose (GObject *object)
{
  BlClusterer *self = (BlClusterer *) object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->visible);
  if (self->anchor_destroy != NULL)
    self->anchor_destroy (self->anchor_data);
  self->anchor = NULL;
  self->anchor_data = NULL;
  self->anchor_destroy = NULL;

  G_OBJECT_CLASS (bl_clusterer_parent_class)->dispose (object);
}

static void
bl_clusterer_finalize (GObject *object)
{
  BlClusterer *self = (BlClusterer *) object;

  g_clear_pointer (&self->index, bl_spatial_index_unref);
  g_clear_pointer (&self->set, bl_cluster_set_free);

  G_OBJECT_CLASS (bl_clusterer_parent_class)->finalize (object);
}

static void
bl_clusterer_class_init (BlClustererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bl_clusterer_dispose;
  object_class->finalize = bl_clusterer_finalize;
}

static void
bl_clusterer_init (BlClusterer *self)
{
  self->cell_size = BL_CLUSTER_DEFAULT_CELL_SIZE;
  self->set = bl_cluster_set_new ();
}

/**
 * bl_clusterer_new:
 * @visible: the claims to cluster
 *
 * Returns: (transfer full): a clusterer for a view of @visible
 */
BlClusterer *
bl_clusterer_new (BlVisibleClaims *visible)
{
  BlClusterer *self;

  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (visible), NULL);

  self = g_object_new (BL_TYPE_CLUSTERER, NULL);
  self->visible = g_object_ref (visible);
  self->store = g_object_ref (bl_project_get_claims (bl_visible_claims_get_project (visible)));
  g_signal_connect (self->store, "items-changed", G_CALLBACK (on_store_items_changed), self);

  return self;
}

/**
 * bl_clusterer_set_anchor_func:
 * @anchor: (nullable): places claims that have no point
 * @anchor_data: data for @anchor
 * @anchor_destroy: (nullable): frees @anchor_data
 *
 * Sets how claims with no point are placed; the index is rebuilt on the
 * next query.
 */
void
bl_clusterer_set_anchor_func (BlClusterer    *self,
                              BlAnchorFunc    anchor,
                              gpointer        anchor_data,
                              GDestroyNotify  anchor_destroy)
{
  g_return_if_fail (BL_IS_CLUSTERER (self));

  if (self->anchor_destroy != NULL)
    self->anchor_destroy (self->anchor_data);
  self->anchor = anchor;
  self->anchor_data = anchor_data;
  self->anchor_destroy = anchor_destroy;
  g_clear_pointer (&self->index, bl_spatial_index_unref);
}

guint
bl_clusterer_get_cell_size (BlClusterer *self)
{
  g_return_val_if_fail (BL_IS_CLUSTERER (self), BL_CLUSTER_DEFAULT_CELL_SIZE);
  return self->cell_size;
}

/**
 * bl_clusterer_set_cell_size:
 * @cell_size: in screen pixels, a power of two (rounded down otherwise)
 */
void
bl_clusterer_set_cell_size (BlClusterer *self,
                            guint        cell_size)
{
  g_return_if_fail (BL_IS_CLUSTERER (self));
  g_return_if_fail (cell_size > 0);

  self->cell_size = cell_size;
}

/**
 * bl_clusterer_get_index:
 *
 * Returns: (transfer none): the spatial index of the claims, built now if
 *   the claims or the anchors changed since it last was
 */
BlSpatialIndex *
bl_clusterer_get_index (BlClusterer *self)
{
  g_return_val_if_fail (BL_IS_CLUSTERER (self), NULL);

  if (self->index == NULL)
    {
      self->index = bl_spatial_index_new (self->store, self->anchor, self->anchor_data);
      self->n_builds++;
    }

  return self->index;
}

/**
 * bl_clusterer_compute:
 * @viewport: what the map shows
 *
 * Clusters the visible claims in @viewport.
 *
 * Returns: (transfer none): the clusters, valid until the next call or
 *   until the visible claims change
 */
BlClusterSet *
bl_clusterer_compute (BlClusterer             *self,
                      const BlClusterViewport *viewport)
{
  const guint32 *indices;
  guint n_indices;

  g_return_val_if_fail (BL_IS_CLUSTERER (self), NULL);
  g_return_val_if_fail (viewport != NULL, NULL);

  indices = bl_visible_claims_get_indices (self->visible, &n_indices);
  bl_cluster_set_compute (self->set, bl_clusterer_get_index (self), viewport, self->cell_size,
                          bl_visible_claims_get_mask (self->visible), indices, n_indices);

  return self->set;
}

/**
 * bl_clusterer_get_n_builds:
 *
 * Returns: how many times the spatial index was built (for tests: a
 *   time-window change must not build it)
 */
guint
bl_clusterer_get_n_builds (BlClusterer *self)
{
  g_return_val_if_fail (BL_IS_CLUSTERER (self), 0);
  return self->n_builds;
}
