/* bl-projection.c — Web Mercator helpers for the map and its exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The spherical ("Web") Mercator projection of web map tiles, with the
 * world 256 × 2^zoom pixels square, x growing east from 180° W and y
 * growing south from 85.05° N; everything in double precision, zooms may
 * be fractional. Also the fitting of a longitude/latitude box into a
 * surface of a given pixel size, which exports use.
 *
 * This is arithmetic only: no drawing, no knowledge of the basemap, and no
 * other projection (the map is Web Mercator because libshumate is).
 */

#include "config.h"

#include <math.h>

#include "bl-projection.h"

#define EARTH_RADIUS 6378137.0   /* metres, WGS 84 semi-major axis */

static double
clamp_lat (double lat)
{
  return CLAMP (lat, -BL_PROJECTION_MAX_LATITUDE, BL_PROJECTION_MAX_LATITUDE);
}

/* Mercator y of @lat in [0, 1], 0 at the top. */
static double
lat_to_unit_y (double lat)
{
  double phi = clamp_lat (lat) * G_PI / 180.0;

  return 0.5 - log (tan (G_PI / 4.0 + phi / 2.0)) / (2.0 * G_PI);
}

static double
unit_y_to_lat (double y)
{
  return atan (sinh ((0.5 - y) * 2.0 * G_PI)) * 180.0 / G_PI;
}

/**
 * bl_projection_world_size:
 * @zoom: a zoom level, possibly fractional
 *
 * Returns: the width (and height) of the world at @zoom, in pixels
 */
double
bl_projection_world_size (double zoom)
{
  return BL_PROJECTION_TILE_SIZE * exp2 (zoom);
}

/**
 * bl_projection_lonlat_to_world:
 * @lon: longitude in degrees
 * @lat: latitude in degrees (clamped to the Mercator square)
 * @zoom: zoom level
 * @x: (out): world x in pixels at @zoom
 * @y: (out): world y in pixels at @zoom
 */
void
bl_projection_lonlat_to_world (double  lon,
                               double  lat,
                               double  zoom,
                               double *x,
                               double *y)
{
  double size = bl_projection_world_size (zoom);

  g_return_if_fail (x != NULL && y != NULL);

  *x = (lon + 180.0) / 360.0 * size;
  *y = lat_to_unit_y (lat) * size;
}

/**
 * bl_projection_world_to_lonlat:
 * @x: world x in pixels at @zoom
 * @y: world y in pixels at @zoom
 * @zoom: zoom level
 * @lon: (out): longitude in degrees
 * @lat: (out): latitude in degrees
 */
void
bl_projection_world_to_lonlat (double  x,
                               double  y,
                               double  zoom,
                               double *lon,
                               double *lat)
{
  double size = bl_projection_world_size (zoom);

  g_return_if_fail (lon != NULL && lat != NULL);

  *lon = x / size * 360.0 - 180.0;
  *lat = unit_y_to_lat (y / size);
}

/**
 * bl_projection_get_tile_range:
 * @west: western longitude of the box
 * @south: southern latitude
 * @east: eastern longitude (greater than @west)
 * @north: northern latitude (greater than @south)
 * @zoom: tile zoom level (at most 30)
 * @x_min: (out): first tile column
 * @y_min: (out): first tile row
 * @x_max: (out): last tile column (inclusive)
 * @y_max: (out): last tile row (inclusive)
 *
 * The tiles at @zoom that cover the box, clamped to the world.
 *
 * Returns: %FALSE if the box is empty or invalid
 */
gboolean
bl_projection_get_tile_range (double  west,
                              double  south,
                              double  east,
                              double  north,
                              guint   zoom,
                              guint  *x_min,
                              guint  *y_min,
                              guint  *x_max,
                              guint  *y_max)
{
  double x0, y0, x1, y1, last;

  g_return_val_if_fail (zoom <= 30, FALSE);
  g_return_val_if_fail (x_min && y_min && x_max && y_max, FALSE);

  if (!(east > west) || !(north > south))
    return FALSE;

  last = exp2 (zoom) - 1;
  bl_projection_lonlat_to_world (west, north, zoom, &x0, &y0);
  bl_projection_lonlat_to_world (east, south, zoom, &x1, &y1);
  *x_min = (guint) CLAMP (floor (x0 / BL_PROJECTION_TILE_SIZE), 0, last);
  *y_min = (guint) CLAMP (floor (y0 / BL_PROJECTION_TILE_SIZE), 0, last);
  /* A box ending exactly on a tile edge does not reach into the next. */
  *x_max = (guint) CLAMP (ceil (x1 / BL_PROJECTION_TILE_SIZE) - 1, *x_min, last);
  *y_max = (guint) CLAMP (ceil (y1 / BL_PROJECTION_TILE_SIZE) - 1, *y_min, last);
  return TRUE;
}

/**
 * bl_projection_get_tile_bounds:
 * @zoom: tile zoom level
 * @x: tile column
 * @y: tile row
 * @west: (out): western longitude of the tile
 * @south: (out): southern latitude
 * @east: (out): eastern longitude
 * @north: (out): northern latitude
 */
void
bl_projection_get_tile_bounds (guint   zoom,
                               guint   x,
                               guint   y,
                               double *west,
                               double *south,
                               double *east,
                               double *north)
{
  g_return_if_fail (west && south && east && north);

  bl_projection_world_to_lonlat ((double) x * BL_PROJECTION_TILE_SIZE,
                                 (double) y * BL_PROJECTION_TILE_SIZE,
                                 zoom, west, north);
  bl_projection_world_to_lonlat ((double) (x + 1) * BL_PROJECTION_TILE_SIZE,
                                 (double) (y + 1) * BL_PROJECTION_TILE_SIZE,
                                 zoom, east, south);
}

/**
 * bl_projection_metres_per_pixel:
 * @lat: latitude in degrees
 * @zoom: zoom level
 *
 * Returns: the ground distance one pixel covers at @lat (east–west and
 *   north–south alike, Mercator being conformal)
 */
double
bl_projection_metres_per_pixel (double lat,
                                double zoom)
{
  return 2.0 * G_PI * EARTH_RADIUS * cos (clamp_lat (lat) * G_PI / 180.0) /
         bl_projection_world_size (zoom);
}

/**
 * bl_projection_zoom_for_metres_per_pixel:
 * @lat: latitude in degrees
 * @metres_per_pixel: a ground resolution (positive)
 *
 * The inverse of bl_projection_metres_per_pixel().
 *
 * Returns: the fractional zoom level with that resolution at @lat
 */
double
bl_projection_zoom_for_metres_per_pixel (double lat,
                                         double metres_per_pixel)
{
  g_return_val_if_fail (metres_per_pixel > 0, 0);

  return log2 (2.0 * G_PI * EARTH_RADIUS * cos (clamp_lat (lat) * G_PI / 180.0) /
               (metres_per_pixel * BL_PROJECTION_TILE_SIZE));
}

/**
 * bl_projection_extent_fit:
 * @extent: (out): the transform
 * @west: western longitude of the box
 * @south: southern latitude
 * @east: eastern longitude (greater than @west)
 * @north: northern latitude (greater than @south)
 * @width: surface width in pixels (positive)
 * @height: surface height in pixels (positive)
 *
 * Fits the box into the surface: the largest zoom at which the whole box
 * fits, with the box centred.
 *
 * Returns: %FALSE (and leaves @extent alone) if the box or size is invalid
 */
gboolean
bl_projection_extent_fit (BlProjectionExtent *extent,
                          double              west,
                          double              south,
                          double              east,
                          double              north,
                          int                 width,
                          int                 height)
{
  double x0, y0, x1, y1, zoom, scale;

  g_return_val_if_fail (extent != NULL, FALSE);

  if (!(east > west) || !(north > south) || width <= 0 || height <= 0 ||
      !isfinite (west) || !isfinite (east) || !isfinite (south) || !isfinite (north))
    return FALSE;

  /* Zoom 0 world pixels. */
  bl_projection_lonlat_to_world (west, north, 0, &x0, &y0);
  bl_projection_lonlat_to_world (east, south, 0, &x1, &y1);
  if (!(x1 > x0) || !(y1 > y0))
    return FALSE;

  scale = MIN (width / (x1 - x0), height / (y1 - y0));
  zoom = log2 (scale);
  /* Snap what is an integer zoom up to rounding, so that an extent made
   * of whole tiles draws exactly like the tiles. */
  if (fabs (zoom - round (zoom)) < 1e-9)
    {
      zoom = round (zoom);
      scale = exp2 (zoom);
    }

  extent->zoom = zoom;
  extent->width = width;
  extent->height = height;
  extent->origin_x = (x0 + x1) / 2.0 * scale - width / 2.0;
  extent->origin_y = (y0 + y1) / 2.0 * scale - height / 2.0;
  return TRUE;
}

/**
 * bl_projection_extent_lonlat_to_pixel:
 * @extent: an extent
 * @lon: longitude
 * @lat: latitude
 * @x: (out): surface x
 * @y: (out): surface y
 */
void
bl_projection_extent_lonlat_to_pixel (const BlProjectionExtent *extent,
                                      double                    lon,
                                      double                    lat,
                                      double                   *x,
                                      double                   *y)
{
  g_return_if_fail (extent != NULL && x != NULL && y != NULL);

  bl_projection_lonlat_to_world (lon, lat, extent->zoom, x, y);
  *x -= extent->origin_x;
  *y -= extent->origin_y;
}

/**
 * bl_projection_extent_pixel_to_lonlat:
 * @extent: an extent
 * @x: surface x
 * @y: surface y
 * @lon: (out): longitude
 * @lat: (out): latitude
 */
void
bl_projection_extent_pixel_to_lonlat (const BlProjectionExtent *extent,
                                      double                    x,
                                      double                    y,
                                      double                   *lon,
                                      double                   *lat)
{
  g_return_if_fail (extent != NULL && lon != NULL && lat != NULL);

  bl_projection_world_to_lonlat (x + extent->origin_x, y + extent->origin_y,
                                 extent->zoom, lon, lat);
}
