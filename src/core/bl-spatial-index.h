/* bl-spatial-index.h — claims sorted along a Z-order curve, for clustering
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include <glib.h>

#include "bl-claim-store.h"

G_BEGIN_DECLS

/* The latitude at which Web Mercator stops: the map is a square. */
#define BL_SPATIAL_MAX_LAT 85.0511287798066

/* The size, in pixels, of the world at zoom 0. */
#define BL_SPATIAL_TILE_SIZE 256.0

/* One unit of the index's fixed-point world coordinates is 1/2^32 of the
 * world's width: the world pixel at zoom 24. */
#define BL_SPATIAL_WORLD_UNITS 4294967296.0

typedef struct _BlSpatialIndex BlSpatialIndex;

/**
 * BlSpatialCell:
 * @cell_x: the column of the cell in the grid of its level
 * @cell_y: the row
 * @first: the first of its claims in the index's sorted order
 * @end: one past the last
 *
 * A non-empty cell of the grid of 2^level × 2^level cells over the world.
 */
typedef struct {
  guint32 cell_x;
  guint32 cell_y;
  guint   first;
  guint   end;
} BlSpatialCell;

/**
 * BlSpatialSummary:
 * @n: how many claims
 * @sum_x: the sum of their x, in index units (1/2^32 of the world)
 * @sum_y: the sum of their y
 * @min_x: the least x
 * @min_y: the least y (the northmost)
 * @max_x: the greatest x
 * @max_y: the greatest y (the southmost)
 * @best: the least representative key (see BL_SPATIAL_KEY_CLAIM())
 *
 * What a run of claims adds up to. The extent is meaningless when @n is 0.
 */
typedef struct {
  guint   n;
  guint64 sum_x;
  guint64 sum_y;
  guint32 min_x;
  guint32 min_y;
  guint32 max_x;
  guint32 max_y;
  guint64 best;
} BlSpatialSummary;

/* A claim's representative key: its credibility rank (1 best … 6, then 7
 * for ungraded) above its claim number, so that the least key is the most
 * credible claim, the earliest of equals. */
#define BL_SPATIAL_KEY(rank, claim) (((guint64) (rank) << 32) | (guint32) (claim))
#define BL_SPATIAL_KEY_CLAIM(key) ((guint32) ((key) & G_MAXUINT32))

/* The x of a claim that is not on the map, in bl_spatial_index_get_points(). */
#define BL_SPATIAL_UNPLACED G_MAXUINT32

/**
 * BlAnchorFunc:
 * @store: the claims
 * @index: a claim with no point (its lat and lon are NAN)
 * @lat: (out): where to put the claim's marker
 * @lon: (out): where to put the claim's marker
 * @user_data: the data given with the function
 *
 * Places a claim that has no point, usually at the label point of the
 * first of its areas.
 *
 * Returns: %FALSE to leave the claim off the map
 */
typedef gboolean (*BlAnchorFunc) (BlClaimStore *store,
                                  guint         index,
                                  double       *lat,
                                  double       *lon,
                                  gpointer      user_data);

/**
 * bl_spatial_lonlat_to_unit:
 * @lat: degrees north, clamped to ±%BL_SPATIAL_MAX_LAT
 * @lon: degrees east, wrapped into -180..180
 * @u: (out): 0 at 180°W, 1 at 180°E
 * @v: (out): 0 at the top of the map, 1 at the bottom
 *
 * Web Mercator, in units of the world's width. Multiply by
 * %BL_SPATIAL_TILE_SIZE × 2^zoom for world pixels.
 */
static inline void
bl_spatial_lonlat_to_unit (double  lat,
                           double  lon,
                           double *u,
                           double *v)
{
  double phi;

  if (lon < -180.0 || lon > 180.0)
    lon = remainder (lon, 360.0);
  lat = CLAMP (lat, -BL_SPATIAL_MAX_LAT, BL_SPATIAL_MAX_LAT);
  phi = lat * G_PI / 180.0;

  *u = (lon + 180.0) / 360.0;
  *v = (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

/**
 * bl_spatial_lonlat_to_world:
 * @zoom: the zoom level, possibly fractional
 * @x: (out): world pixels from the left edge of the map at @zoom
 * @y: (out): world pixels from the top edge of the map at @zoom
 */
static inline void
bl_spatial_lonlat_to_world (double  lat,
                            double  lon,
                            double  zoom,
                            double *x,
                            double *y)
{
  double size = BL_SPATIAL_TILE_SIZE * exp2 (zoom);

  bl_spatial_lonlat_to_unit (lat, lon, x, y);
  *x *= size;
  *y *= size;
}

/**
 * bl_spatial_unit_to_lonlat:
 *
 * The inverse of bl_spatial_lonlat_to_unit().
 */
static inline void
bl_spatial_unit_to_lonlat (double  u,
                           double  v,
                           double *lat,
                           double *lon)
{
  *lon = u * 360.0 - 180.0;
  *lat = atan (sinh (G_PI * (1.0 - 2.0 * v))) * 180.0 / G_PI;
}

BlSpatialIndex *bl_spatial_index_new          (BlClaimStore   *store,
                                               BlAnchorFunc    anchor,
                                               gpointer        anchor_data);
BlSpatialIndex *bl_spatial_index_ref          (BlSpatialIndex *self);
void            bl_spatial_index_unref        (BlSpatialIndex *self);

guint           bl_spatial_index_get_n_claims (BlSpatialIndex *self);
guint           bl_spatial_index_get_n_placed (BlSpatialIndex *self);
gboolean        bl_spatial_index_get_point    (BlSpatialIndex *self,
                                               guint           index,
                                               guint32        *x,
                                               guint32        *y);
gsize           bl_spatial_index_get_size     (BlSpatialIndex *self);

/* For clustering: the cells of a grid level, the runs of claims in them,
 * and the raw arrays. */
void            bl_spatial_index_find_cells   (BlSpatialIndex *self,
                                               guint           level,
                                               guint32         x0,
                                               guint32         y0,
                                               guint32         x1,
                                               guint32         y1,
                                               GArray         *out_cells);
void            bl_spatial_index_summarize    (BlSpatialIndex *self,
                                               guint           first,
                                               guint           end,
                                               BlSpatialSummary *out);
const guint32  *bl_spatial_index_get_sorted   (BlSpatialIndex *self,
                                               const guint32 **xs,
                                               const guint32 **ys,
                                               const guint8  **ranks,
                                               guint          *n_placed);
const guint32  *bl_spatial_index_get_points   (BlSpatialIndex *self,
                                               const guint32 **ys,
                                               const guint8  **ranks,
                                               guint          *n_claims);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlSpatialIndex, bl_spatial_index_unref)

G_END_DECLS
