/* bl-cluster.h — the claims in view, grouped into clusters
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bl-spatial-index.h"
#include "bl-visible-claims.h"

G_BEGIN_DECLS

/* The side of a grid cell, in screen pixels at an integer zoom. */
#define BL_CLUSTER_DEFAULT_CELL_SIZE 64

/**
 * BlClusterViewport:
 * @zoom: the map's zoom level, possibly fractional
 * @x: the left edge of the view, in world pixels at @zoom
 * @y: the top edge, in world pixels at @zoom
 * @width: the width of the view, in pixels
 * @height: the height
 *
 * What the map shows. World pixels are those of
 * bl_spatial_lonlat_to_world(); the view does not wrap around the
 * antimeridian (a part beyond the world's edge is empty).
 */
typedef struct {
  double zoom;
  double x;
  double y;
  double width;
  double height;
} BlClusterViewport;

/**
 * BlCluster:
 * @x: the centre of the members, in world pixels at the query's zoom
 * @y: likewise
 * @west: the extent of the members, in degrees, for "zoom to extent"
 * @south: likewise
 * @east: likewise
 * @north: likewise
 * @n_claims: how many visible claims the cluster holds, at least 1
 * @representative: the most credible member (the earliest of equals)
 * @cell_x: the cell's column in the grid of the query's level
 * @cell_y: the cell's row
 *
 * One cluster: the visible claims of one grid cell.
 */
typedef struct {
  double  x;
  double  y;
  double  west;
  double  south;
  double  east;
  double  north;
  guint   n_claims;
  guint32 representative;
  guint32 cell_x;
  guint32 cell_y;

  /*< private >*/
  guint   first;
  guint   end;
} BlCluster;

/**
 * BlClusterMethod:
 * @BL_CLUSTER_METHOD_NONE: nothing computed yet, or nothing to compute
 * @BL_CLUSTER_METHOD_SUMMARIES: every claim visible: block summaries
 * @BL_CLUSTER_METHOD_VISIBLE: a pass over the visible claims
 * @BL_CLUSTER_METHOD_VIEWPORT: a pass over the claims in view, tested
 *   against the visible mask
 *
 * How the last computation went about it (for tests and benchmarks).
 */
typedef enum {
  BL_CLUSTER_METHOD_NONE,
  BL_CLUSTER_METHOD_SUMMARIES,
  BL_CLUSTER_METHOD_VISIBLE,
  BL_CLUSTER_METHOD_VIEWPORT,
} BlClusterMethod;

typedef struct _BlClusterSet BlClusterSet;

guint            bl_cluster_get_level            (double                   zoom,
                                                  guint                    cell_size);

BlClusterSet    *bl_cluster_set_new              (void);
void             bl_cluster_set_free             (BlClusterSet            *self);
void             bl_cluster_set_compute          (BlClusterSet            *self,
                                                  BlSpatialIndex          *index,
                                                  const BlClusterViewport *viewport,
                                                  guint                    cell_size,
                                                  const guint8            *mask,
                                                  const guint32           *visible,
                                                  guint                    n_visible);
const BlCluster *bl_cluster_set_get_clusters     (BlClusterSet            *self,
                                                  guint                   *n_clusters);
guint            bl_cluster_set_get_n_claims     (BlClusterSet            *self);
guint            bl_cluster_set_get_level        (BlClusterSet            *self);
BlClusterMethod  bl_cluster_set_get_method       (BlClusterSet            *self);
void             bl_cluster_set_get_members      (BlClusterSet            *self,
                                                  guint                    cluster,
                                                  GArray                  *out_indices);
gboolean         bl_cluster_set_find             (BlClusterSet            *self,
                                                  double                   x,
                                                  double                   y,
                                                  double                   radius,
                                                  guint                   *cluster);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlClusterSet, bl_cluster_set_free)

#define BL_TYPE_CLUSTERER (bl_clusterer_get_type ())
G_DECLARE_FINAL_TYPE (BlClusterer, bl_clusterer, BL, CLUSTERER, GObject)

BlClusterer     *bl_clusterer_new                (BlVisibleClaims         *visible);
void             bl_clusterer_set_anchor_func    (BlClusterer             *self,
                                                  BlAnchorFunc             anchor,
                                                  gpointer                 anchor_data,
                                                  GDestroyNotify           anchor_destroy);
guint            bl_clusterer_get_cell_size      (BlClusterer             *self);
void             bl_clusterer_set_cell_size      (BlClusterer             *self,
                                                  guint                    cell_size);
BlSpatialIndex  *bl_clusterer_get_index          (BlClusterer             *self);
BlClusterSet    *bl_clusterer_compute            (BlClusterer             *self,
                                                  const BlClusterViewport *viewport);
guint            bl_clusterer_get_n_builds       (BlClusterer             *self);

G_END_DECLS
