/* bl-projection.h — Web Mercator helpers for the map and its exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BL_PROJECTION_TILE_SIZE:
 *
 * The size of a map tile in (logical) pixels, as libshumate and the usual
 * web map tile schemes use.
 */
#define BL_PROJECTION_TILE_SIZE 256

/**
 * BL_PROJECTION_MAX_LATITUDE:
 *
 * The latitude where the square Web Mercator world ends, in degrees.
 */
#define BL_PROJECTION_MAX_LATITUDE 85.05112877980659

/**
 * BlProjectionExtent:
 * @zoom: the (fractional) zoom level at which one world pixel is one
 *   surface pixel
 * @origin_x: world x, at @zoom, of the surface's left edge
 * @origin_y: world y, at @zoom, of the surface's top edge
 * @width: surface width in pixels
 * @height: surface height in pixels
 *
 * A longitude/latitude box fitted into a surface of @width × @height
 * pixels in Web Mercator, centred, keeping the aspect ratio (so the surface
 * may show more than the box in one direction).
 */
typedef struct {
  double zoom;
  double origin_x;
  double origin_y;
  int width;
  int height;
} BlProjectionExtent;

double   bl_projection_world_size              (double  zoom);
void     bl_projection_lonlat_to_world         (double  lon,
                                                double  lat,
                                                double  zoom,
                                                double *x,
                                                double *y);
void     bl_projection_world_to_lonlat         (double  x,
                                                double  y,
                                                double  zoom,
                                                double *lon,
                                                double *lat);
gboolean bl_projection_get_tile_range          (double  west,
                                                double  south,
                                                double  east,
                                                double  north,
                                                guint   zoom,
                                                guint  *x_min,
                                                guint  *y_min,
                                                guint  *x_max,
                                                guint  *y_max);
void     bl_projection_get_tile_bounds         (guint   zoom,
                                                guint   x,
                                                guint   y,
                                                double *west,
                                                double *south,
                                                double *east,
                                                double *north);
double   bl_projection_metres_per_pixel        (double  lat,
                                                double  zoom);
double   bl_projection_zoom_for_metres_per_pixel (double lat,
                                                double  metres_per_pixel);

gboolean bl_projection_extent_fit              (BlProjectionExtent *extent,
                                                double              west,
                                                double              south,
                                                double              east,
                                                double              north,
                                                int                 width,
                                                int                 height);
void     bl_projection_extent_lonlat_to_pixel  (const BlProjectionExtent *extent,
                                                double                    lon,
                                                double                    lat,
                                                double                   *x,
                                                double                   *y);
void     bl_projection_extent_pixel_to_lonlat  (const BlProjectionExtent *extent,
                                                double                    x,
                                                double                    y,
                                                double                   *lon,
                                                double                   *lat);

G_END_DECLS
