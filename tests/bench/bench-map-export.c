/* bench-map-export.c — how long an A4 print of 100,000 claims takes
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports a synthetic project (tests/bench/synthetic.h) at A4 landscape,
 * 300 dpi (3508 × 2480 pixels, scale 300/96), framing every claim, in
 * each format, a few times, and prints the median of each step: the page
 * drawn on an image surface (layout, basemap, clustering, markers), the
 * whole PNG in memory (drawing and encoding), each file written
 * atomically. The target is under 2 s for the PNG.
 *
 *   bench-map-export [N_CLAIMS [RUNS]]     (defaults 100000 and 5)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "bl-basemap-locate.h"
#include "bl-map-export.h"
#include "synthetic.h"
#include "bench-helpers.h"

typedef struct {
  BlProject         *project;
  BlVisibleClaims   *visible;
  BlBasemapRenderer *basemap;
  BlMapExportOptions options;
  char              *path;
  gsize              size;
} Bench;

static double
median (GArray *times)
{
  double median, p95;

  bl_bench_array_stats (times, &median, &p95);
  return median;
}

static void
draw_only (Bench *b)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, b->options.width, b->options.height);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;

  if (!bl_map_export_render (b->project, b->visible, b->basemap, &b->options, cr, &error))
    g_error ("%s", error->message);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
to_bytes (Bench *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bl_map_export_to_bytes (b->project, b->visible, b->basemap, &b->options, &error);

  if (bytes == NULL)
    g_error ("%s", error->message);
  b->size = g_bytes_get_size (bytes);
}

static void
to_file (Bench *b)
{
  g_autoptr(GError) error = NULL;

  if (!bl_map_export_to_file (b->project, b->visible, b->basemap, &b->options, b->path, &error))
    g_error ("%s", error->message);
}

static double
time_step (Bench  *b,
           void  (*step) (Bench *),
           guint   runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;

      step (b);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      g_array_append_val (times, seconds);
    }
  return median (times);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const names[] = { "PNG", "SVG", "PDF" };
  guint n_claims = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 100000;
  guint runs = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : 5;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlBasemapData) data = NULL;
  g_autoptr(BlFilter) filter = NULL;
  g_autofree char *dir = NULL;
  Bench b = { 0 };
  gint64 start;

  setlocale (LC_ALL, "");
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");

  data = bl_basemap_data_load_default (&error);
  if (data == NULL)
    g_error ("%s", error->message);
  b.basemap = bl_basemap_renderer_new (data);

  start = g_get_monotonic_time ();
  b.project = synthetic_project_new (n_claims, 1);
  filter = bl_filter_new ();
  b.visible = bl_visible_claims_new (b.project, filter);
  g_print ("%u synthetic claims made in %.2f s\n", n_claims, (g_get_monotonic_time () - start) / 1e6);

  dir = g_dir_make_tmp ("bench-map-export-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  bl_map_export_options_init (&b.options);
  b.options.width = 3508;
  b.options.height = 2480;
  b.options.scale = 300.0 / 96.0;
  b.options.show_timeline = TRUE;
  b.options.show_citations = TRUE;

  /* the first export places the labels and builds the spatial index */
  start = g_get_monotonic_time ();
  b.options.format = BL_MAP_EXPORT_PNG;
  to_bytes (&b);
  g_print ("first export (labels placed, index built): %.2f s\n\n", (g_get_monotonic_time () - start) / 1e6);

  g_print ("A4 at 300 dpi (3508 × 2480), %u claims, median of %u runs\n\n", n_claims, runs);
  g_print ("| step                         | median (s) | size (bytes) |\n");
  g_print ("|------------------------------|-----------:|-------------:|\n");
  g_print ("| page drawn on an image       | %10.3f |              |\n", time_step (&b, draw_only, runs));

  for (BlMapExportFormat f = 0; f < BL_N_MAP_EXPORT_FORMATS; f++)
    {
      double in_memory, written;

      b.options.format = f;
      in_memory = time_step (&b, to_bytes, runs);
      g_free (b.path);
      b.path = g_strdup_printf ("%s/map.%s", dir, bl_map_export_format_get_extension (f));
      written = time_step (&b, to_file, runs);
      g_print ("| %s in memory                | %10.3f | %12" G_GSIZE_FORMAT " |\n", names[f], in_memory, b.size);
      g_print ("| %s written (atomic, fsync)  | %10.3f |              |\n", names[f], written);
      g_unlink (b.path);
    }

  g_rmdir (dir);
  g_free (b.path);
  bl_basemap_renderer_unref (b.basemap);
  g_object_unref (b.visible);
  g_object_unref (b.project);
  return 0;
}
