/* bench-tile-render.c — speed of the basemap tile renderer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders every tile covering the Kunduz–Badakhshan–Dushanbe area
 * (67.5–72° E, 36–39° N) at zooms 8, 11 and 14 (at zoom 5, where that is
 * one tile, the whole region's six tiles, eight times each) (at most --max-tiles per
 * zoom, from the middle), after placing that zoom's labels, and prints the
 * label placement time, the median and 95th percentile time per tile, and
 * the time of one 4096 x 4096 extent render of the same area. With --png
 * DIR it also writes sample maps of zooms 5, 7 and 9 to DIR. Not a test:
 * it checks nothing.
 *
 *   bench-tile-render [--data FILE] [--max-tiles N] [--png DIR]
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "bl-basemap-data.h"
#include "bl-basemap-renderer.h"
#include "bl-projection.h"
#include "bench-helpers.h"

#define WEST 67.5
#define SOUTH 36.0
#define EAST 72.0
#define NORTH 39.0

static void
write_sample (BlBasemapRenderer *r,
              const char        *dir,
              const char        *name,
              double             lon,
              double             lat,
              double             zoom,
              int                width,
              int                height)
{
  BlProjectionExtent e = { .zoom = zoom, .width = width, .height = height };
  double x, y, w, s, east, n;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  bl_projection_lonlat_to_world (lon, lat, zoom, &x, &y);
  e.origin_x = x - width / 2.0;
  e.origin_y = y - height / 2.0;
  bl_projection_extent_pixel_to_lonlat (&e, 0, 0, &w, &n);
  bl_projection_extent_pixel_to_lonlat (&e, width, height, &east, &s);
  bl_basemap_renderer_render_extent (r, cr, w, s, east, n, width, height, zoom);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  g_print ("wrote %s\n", path);
}

int
main (int   argc,
      char *argv[])
{
  static const guint zooms[] = { 5, 8, 11, 14 };
  g_autofree char *data_path = NULL;
  g_autofree char *png_dir = NULL;
  int max_tiles = 400;
  GOptionEntry entries[] = {
    { "data", 0, 0, G_OPTION_ARG_FILENAME, &data_path, "Basemap file", "FILE" },
    { "max-tiles", 0, 0, G_OPTION_ARG_INT, &max_tiles, "Tiles per zoom at most", "N" },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png_dir, "Write sample maps to DIR", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the basemap renderer");
  g_autoptr(GError) error = NULL;
  g_autoptr(BlBasemapData) data = NULL;
  g_autoptr(BlBasemapRenderer) renderer = NULL;
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
#ifdef BL_SOURCE_DIR
  if (data_path == NULL)
    data_path = g_build_filename (BL_SOURCE_DIR, "data", "basemap", "basemap.bin", NULL);
#endif
  if (data_path == NULL)
    {
      g_printerr ("No data file: use --data\n");
      return 1;
    }

  start = g_get_monotonic_time ();
  data = bl_basemap_data_new_from_file (data_path, &error);
  if (data == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  renderer = bl_basemap_renderer_new (data);
  g_print ("load + renderer construction: %.1f ms\n\n",
           (g_get_monotonic_time () - start) / 1e3);

  g_print ("zoom  tiles  labels(ms)  median(ms)  p95(ms)  max(ms)\n");
  for (guint zi = 0; zi < G_N_ELEMENTS (zooms); zi++)
    {
      guint z = zooms[zi], x0, y0, x1, y1;
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      double label_ms, median, p95, max;
      guint nx, ny, cx, cy, side;

      /* Low zooms: the whole region's tiles, drawn several times. */
      if (z <= 6)
        bl_projection_get_tile_range (58, 30, 78, 42, z, &x0, &y0, &x1, &y1);
      else
        bl_projection_get_tile_range (WEST, SOUTH, EAST, NORTH, z, &x0, &y0, &x1, &y1);
      nx = x1 - x0 + 1;
      ny = y1 - y0 + 1;
      /* At most max_tiles, as a square around the middle. */
      side = (guint) MAX (1, (int) sqrt (max_tiles));
      cx = x0 + nx / 2;
      cy = y0 + ny / 2;
      if (nx > side)
        {
          x0 = cx - side / 2;
          x1 = x0 + side - 1;
        }
      if (ny > side)
        {
          y0 = cy - side / 2;
          y1 = y0 + side - 1;
        }

      start = g_get_monotonic_time ();
      bl_basemap_renderer_prepare_zoom (renderer, z);
      label_ms = (g_get_monotonic_time () - start) / 1e3;

      for (guint rep = 0; rep < (z <= 6 ? 8u : 1u); rep++)
      for (guint y = y0; y <= y1; y++)
        for (guint x = x0; x <= x1; x++)
          {
            cairo_t *cr = cairo_create (tile);
            double ms;

            start = g_get_monotonic_time ();
            bl_basemap_renderer_render_tile (renderer, cr, z, x, y, 1);
            cairo_surface_flush (tile);
            ms = (g_get_monotonic_time () - start) / 1e3;
            cairo_destroy (cr);
            g_array_append_val (times, ms);
          }
      bl_bench_array_stats (times, &median, &p95);
      max = g_array_index (times, double, times->len - 1);
      g_print ("%4u  %5u  %10.1f  %10.2f  %7.2f  %7.2f\n",
               z, times->len, label_ms, median, p95, max);
    }

  {
    cairo_surface_t *big = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4096, 4096);
    cairo_t *cr = cairo_create (big);

    start = g_get_monotonic_time ();
    bl_basemap_renderer_render_extent (renderer, cr, WEST, SOUTH, EAST, NORTH, 4096, 4096, -1);
    cairo_surface_flush (big);
    g_print ("\n4096 x 4096 extent of the area: %.1f ms (labels included)\n",
             (g_get_monotonic_time () - start) / 1e3);
    cairo_destroy (cr);
    cairo_surface_destroy (big);
  }

  if (png_dir != NULL)
    {
      g_mkdir_with_parents (png_dir, 0755);
      write_sample (renderer, png_dir, "zoom5-region.png", 68.0, 36.0, 5, 768, 512);
      write_sample (renderer, png_dir, "zoom7-north.png", 69.5, 37.3, 7, 1024, 768);
      write_sample (renderer, png_dir, "zoom9-kunduz-takhar.png", 69.3, 37.0, 9, 1024, 768);
      write_sample (renderer, png_dir, "zoom9-khorugh.png", 71.5, 37.6, 9, 1024, 768);
      write_sample (renderer, png_dir, "zoom11-kunduz.png", 68.86, 36.73, 11, 1024, 768);
    }

  cairo_surface_destroy (tile);
  return 0;
}
