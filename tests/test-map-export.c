/* test-map-export.c — the export renderer: PNG, SVG, PDF
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders the sample project (data/samples/csto-isis-k-2023.borderline)
 * and opens every format in a real reader: the PNG with gdk-pixbuf, the
 * PDF with poppler's pdftoppm (and pdftotext, pdfinfo to read its text and
 * metadata), the SVG with rsvg-convert. A missing reader skips its test
 * with a message, unless CI=true, where it fails.
 *
 * The pixel test puts the Kunduz claim where bl_map_export_get_map_frame()
 * says it lands and checks the marker's colour there.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "bl-annotation-painter.h"
#include "bl-basemap-locate.h"
#include "bl-error.h"
#include "bl-map-export.h"
#include "bl-project-io.h"
#include "bl-spatial-index.h"
#include "test-helpers.h"

#define SAMPLE_TITLE "ISIS-K near the Afghan–Tajik border, February 2023"

typedef struct {
  BlProject         *project;
  BlFilter          *filter;
  BlVisibleClaims   *visible;
  BlBasemapRenderer *basemap;
  char              *dir;
} Fixture;

static BlBasemapData *basemap_data;

static char *
sample_path (void)
{
  const char *dir = g_getenv ("BL_SOURCE_DIR");

  if (dir == NULL || *dir == '\0')
    dir = BL_SOURCE_DIR;
  return g_build_filename (dir, "data", "samples", "csto-isis-k-2023.borderline", NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  f->project = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  f->filter = bl_filter_new ();
  f->visible = bl_visible_claims_new (f->project, f->filter);
  f->basemap = bl_basemap_renderer_new (basemap_data);
  f->dir = g_dir_make_tmp ("test-map-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  bl_test_remove_tree (f->dir);
  g_free (f->dir);
  bl_basemap_renderer_unref (f->basemap);
  g_object_unref (f->visible);
  g_object_unref (f->filter);
  g_object_unref (f->project);
}

/* Helpers */

/* The reader, or NULL after skipping (or failing, on CI). */
static char *
find_reader (const char *program,
             const char *package)
{
  char *path = g_find_program_in_path (program);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s not found: install %s", program, package);

      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_test_fail_printf ("%s", message);
      else
        g_test_skip (message);
    }
  return path;
}

static char *
run (const char * const *argv,
     gboolean            want_output)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err ? err : "");
  return want_output ? g_steal_pointer (&out) : NULL;
}

static char *
export_file (Fixture                  *f,
             const BlMapExportOptions *options,
             const char               *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (bl_map_export_to_file (f->project, f->visible, f->basemap, options, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  return path;
}

/* How many pixels of a band are not the white page. */
static guint
count_ink (GdkPixbuf *pixbuf,
           int        x0,
           int        y0,
           int        x1,
           int        y1)
{
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  guint count = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, gdk_pixbuf_get_height (pixbuf)); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, gdk_pixbuf_get_width (pixbuf)); x++)
      {
        const guint8 *p = pixels + y * stride + x * channels;

        if (p[0] < 200 || p[1] < 200 || p[2] < 200)
          count++;
      }
  return count;
}

static gboolean
pixel_near (GdkPixbuf    *pixbuf,
            double        cx,
            double        cy,
            int           radius,
            const double  rgba[4],
            double        tolerance)
{
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        int x = (int) round (cx) + dx, y = (int) round (cy) + dy;
        const guint8 *p;

        if (x < 0 || y < 0 || x >= gdk_pixbuf_get_width (pixbuf) || y >= gdk_pixbuf_get_height (pixbuf))
          continue;
        p = pixels + y * stride + x * channels;
        if (fabs (p[0] / 255.0 - rgba[0]) <= tolerance &&
            fabs (p[1] / 255.0 - rgba[1]) <= tolerance &&
            fabs (p[2] / 255.0 - rgba[2]) <= tolerance)
          return TRUE;
      }
  return FALSE;
}

static void
check_title_band (GdkPixbuf                *pixbuf,
                  Fixture                  *f,
                  const BlMapExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  BlMapFrame frame;
  double map_x, map_y;
  guint ink;

  g_assert_true (bl_map_export_get_map_frame (f->project, f->visible, f->basemap, options,
                                              &frame, &map_x, &map_y, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (map_y, >, 20);

  /* the band above the map holds the title: plenty of dark pixels */
  ink = count_ink (pixbuf, 0, 0, gdk_pixbuf_get_width (pixbuf), (int) map_y - 2);
  g_assert_cmpuint (ink, >, 400);
}

/* Tests */

static void
test_png (Fixture       *f,
          gconstpointer  data)
{
  BlMapExportOptions options;
  g_autofree char *path = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  bl_map_export_options_init (&options);
  options.format = BL_MAP_EXPORT_PNG;
  path = export_file (f, &options, "map.png");

  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1600);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 1000);
  check_title_band (pixbuf, f, &options);
}

static void
test_png_bytes_hidpi (Fixture       *f,
                      gconstpointer  data)
{
  BlMapExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  bl_map_export_options_init (&options);
  options.format = BL_MAP_EXPORT_PDF;  /* ignored */
  options.width = 1600;
  options.height = 1000;
  options.scale = 2;
  bytes = bl_map_export_to_png_bytes (f->project, f->visible, f->basemap, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);

  stream = g_memory_input_stream_new_from_bytes (bytes);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1600);
  check_title_band (pixbuf, f, &options);
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  BlMapExportOptions options;
  g_autofree char *pdftoppm = find_reader ("pdftoppm", "poppler-utils");
  g_autofree char *pdftotext = NULL;
  g_autofree char *pdfinfo = NULL;
  g_autofree char *path = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (pdftoppm == NULL)
    return;
  pdftotext = find_reader ("pdftotext", "poppler-utils");
  pdfinfo = find_reader ("pdfinfo", "poppler-utils");
  if (pdftotext == NULL || pdfinfo == NULL)
    return;

  bl_map_export_options_init (&options);
  options.format = BL_MAP_EXPORT_PDF;
  path = export_file (f, &options, "map.pdf");

  /* it opens and renders */
  prefix = g_build_filename (f->dir, "page", NULL);
  run ((const char * const[]) { pdftoppm, "-r", "24", "-png", "-singlefile", path, prefix, NULL }, FALSE);
  rendered = g_strconcat (prefix, ".png", NULL);
  pixbuf = gdk_pixbuf_new_from_file (rendered, &error);
  g_assert_no_error (error);
  /* 1600 px at 96 dpi is 16.7 in: 400 px at 24 dpi */
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 400);

  /* the title and the legend are text */
  text = run ((const char * const[]) { pdftotext, "-raw", path, "-", NULL }, TRUE);
  bl_test_assert_has (text, SAMPLE_TITLE, "Topic", "ISIS fighters in Afghanistan", "Stance",
                      "Asserts", "Denies", "Natural Earth", "Exported from Borderline on");
  g_assert_null (strstr (text, "OpenStreetMap"));

  /* the metadata */
  info = run ((const char * const[]) { pdfinfo, path, NULL }, TRUE);
  bl_test_assert_has (info, SAMPLE_TITLE, "Author:          Borderline",
                      "Creator:         Borderline", "CreationDate:", "Pages:           1");
}

static void
test_pdf_a4 (Fixture       *f,
             gconstpointer  data)
{
  BlMapExportOptions options;
  g_autofree char *pdfinfo = find_reader ("pdfinfo", "poppler-utils");
  g_autofree char *pdffonts = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;

  if (pdfinfo == NULL || (pdffonts = find_reader ("pdffonts", "poppler-utils")) == NULL)
    return;

  bl_map_export_options_init (&options);
  options.format = BL_MAP_EXPORT_PDF;
  options.width = 3508;
  options.height = 2480;
  options.scale = 300.0 / 96.0;
  path = export_file (f, &options, "a4.pdf");

  /* A4 landscape: 842 × 595 points */
  info = run ((const char * const[]) { pdfinfo, path, NULL }, TRUE);
  g_assert_nonnull (strstr (info, "Page size:       841.92 x 595.2 pts (A4)"));

  /* every font is embedded: no line of pdffonts says "no" under "emb" */
  fonts = run ((const char * const[]) { pdffonts, path, NULL }, TRUE);
  {
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), >, 3);
    for (guint i = 2; lines[i] != NULL; i++)
      if (*lines[i] != '\0')
        g_assert_nonnull (strstr (lines[i], " yes "));
  }
}

/* @svg_path rasterised by rsvg-convert into @png_name in the fixture's
 * folder: what a reader of the file would see. */
static GdkPixbuf *
rasterise_svg (Fixture    *f,
               const char *rsvg,
               const char *svg_path,
               const char *png_name)
{
  g_autofree char *png = g_build_filename (f->dir, png_name, NULL);
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  run ((const char * const[]) { rsvg, "-o", png, svg_path, NULL }, FALSE);
  pixbuf = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  return pixbuf;
}

static void
test_svg (Fixture       *f,
          gconstpointer  data)
{
  BlMapExportOptions options;
  g_autofree char *rsvg = find_reader ("rsvg-convert", "librsvg2-bin");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (rsvg == NULL)
    return;

  bl_map_export_options_init (&options);
  options.format = BL_MAP_EXPORT_SVG;
  options.scale = 2;  /* an 800 × 500 document, drawn in detail */
  path = export_file (f, &options, "map.svg");

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<title>" SAMPLE_TITLE "</title>"));
  g_assert_nonnull (strstr (contents, "width=\"800px\""));

  pixbuf = rasterise_svg (f, rsvg, path, "svg.png");
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 800);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 500);

  /* the title band has ink: rsvg drew the text */
  g_assert_cmpuint (count_ink (pixbuf, 0, 0, 800, 40), >, 500);
}

/* A title from a hostile file or a paste: markup and control characters
 * give an SVG that an XML parser still reads, the text shown literally. */
static void
test_svg_hostile_title (Fixture       *f,
                        gconstpointer  data)
{
  BlMapExportOptions options;
  g_autofree char *rsvg = find_reader ("rsvg-convert", "librsvg2-bin");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  bl_map_export_options_init (&options);
  options.format = BL_MAP_EXPORT_SVG;
  options.title = "Kunduz \x01<b>bold</b> & \x1b[31m";
  options.subtitle = "<span foreground='red'>\x07</span>";
  path = export_file (f, &options, "hostile.svg");

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<title>Kunduz  &lt;b&gt;bold&lt;/b&gt; &amp;  [31m</title>"));
  g_assert_nonnull (strstr (contents, "<desc>&lt;span foreground=&apos;red&apos;&gt; &lt;/span&gt;</desc>"));
  for (gsize i = 0; i < length; i++)
    g_assert_true ((guchar) contents[i] >= 0x20 || contents[i] == '\n' || contents[i] == '\t' || contents[i] == '\r');

  if (rsvg == NULL)
    return;
  pixbuf = rasterise_svg (f, rsvg, path, "hostile.png");
  g_assert_nonnull (pixbuf);
}

/* The Kunduz claim lands where the frame says, in its topic's colour. */
static void
test_kunduz_pixel (Fixture       *f,
                   gconstpointer  data)
{
  const struct {
    int    width;
    int    height;
    double scale;
    gboolean bbox;
  } cases[] = {
    { 1600, 1000, 1.0, FALSE },
    { 1600, 1000, 1.0, TRUE },
    { 1200, 900, 2.0, TRUE },
    { 3508, 2480, 300.0 / 96.0, TRUE },
  };
  BlClaimStore *store = bl_project_get_claims (f->project);
  guint kunduz = bl_claim_store_lookup (store, "c-sidorov-kunduz");
  g_autoptr(BlClaimPainter) painter = bl_claim_painter_new (f->visible, f->basemap);
  double lon, lat, rgba[4];

  g_assert_cmpuint (kunduz, !=, BL_NO_INDEX);
  g_assert_true (bl_basemap_renderer_get_label_point (f->basemap, "AF-KDZ", &lon, &lat));
  bl_claim_painter_get_color (painter, bl_claim_painter_get_key (painter, kunduz), rgba);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BlMapExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GdkPixbuf) pixbuf = NULL;
      g_autoptr(GError) error = NULL;
      BlMapFrame frame;
      double map_x, map_y, x, y;

      bl_map_export_options_init (&options);
      options.width = cases[i].width;
      options.height = cases[i].height;
      options.scale = cases[i].scale;
      if (cases[i].bbox)
        {
          /* the sample's saved view */
          options.west = 66;
          options.south = 35;
          options.east = 75;
          options.north = 39;
        }

      g_assert_true (bl_map_export_get_map_frame (f->project, f->visible, f->basemap, &options,
                                                  &frame, &map_x, &map_y, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (frame.scale, ==, cases[i].scale);
      bl_map_export_lonlat_to_page (&frame, map_x, map_y, lon, lat, &x, &y);
      g_assert_cmpfloat (x, >, map_x);
      g_assert_cmpfloat (x, <, map_x + frame.width * frame.scale);
      g_assert_cmpfloat (y, >, map_y);
      g_assert_cmpfloat (y, <, map_y + frame.height * frame.scale);

      /* the same sum by hand, as the painter does it */
      {
        double wx, wy;

        bl_spatial_lonlat_to_world (lat, lon, frame.zoom, &wx, &wy);
        g_assert_cmpfloat_with_epsilon (x, map_x + (wx - frame.x) * frame.scale, 1e-6);
        g_assert_cmpfloat_with_epsilon (y, map_y + (wy - frame.y) * frame.scale, 1e-6);
      }

      bytes = bl_map_export_to_png_bytes (f->project, f->visible, f->basemap, &options, &error);
      g_assert_no_error (error);
      stream = g_memory_input_stream_new_from_bytes (bytes);
      pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
      g_assert_no_error (error);

      if (!pixel_near (pixbuf, x, y, 3, rgba, 0.05))
        g_error ("case %u: no pixel of the marker colour within 3 px of (%.1f, %.1f)", i, x, y);
    }
}

static void
test_unwritable (Fixture       *f,
                 gconstpointer  data)
{
  BlMapExportOptions options;
  g_autofree char *missing = g_build_filename (f->dir, "missing", "map.png", NULL);
  g_autofree char *not_dir = g_build_filename (f->dir, "file", NULL);
  g_autofree char *under_file = g_build_filename (not_dir, "map.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  bl_map_export_options_init (&options);
  options.width = 400;
  options.height = 300;

  g_assert_false (bl_map_export_to_file (f->project, f->visible, f->basemap, &options, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "map.png”: the folder does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (not_dir, "x", 1, NULL));
  options.format = BL_MAP_EXPORT_PDF;
  g_assert_false (bl_map_export_to_file (f->project, f->visible, f->basemap, &options, under_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  /* no partial or temporary file left behind */
  dir = g_dir_open (f->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);

  /* a read-only folder (root writes anyway: then there is nothing to see) */
  if (geteuid () != 0)
    {
      g_autofree char *ro = g_build_filename (f->dir, "ro", NULL);
      g_autofree char *in_ro = g_build_filename (ro, "map.svg", NULL);

      g_assert_cmpint (g_mkdir (ro, 0500), ==, 0);
      options.format = BL_MAP_EXPORT_SVG;
      g_assert_false (bl_map_export_to_file (f->project, f->visible, f->basemap, &options, in_ro, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_false (g_file_test (in_ro, G_FILE_TEST_EXISTS));
      g_chmod (ro, 0700);
    }
}

static void
test_existing_file_replaced (Fixture       *f,
                             gconstpointer  data)
{
  BlMapExportOptions options;
  g_autofree char *path = g_build_filename (f->dir, "map.png", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_set_contents (path, "old", 3, NULL));
  bl_map_export_options_init (&options);
  options.width = 320;
  options.height = 200;
  g_free (export_file (f, &options, "map.png"));
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
}

static void
test_invalid_options (Fixture       *f,
                      gconstpointer  data)
{
  const struct {
    int    width;
    int    height;
    double scale;
    double west, south, east, north;
  } cases[] = {
    { 15, 1000, 1, NAN, NAN, NAN, NAN },
    { 1600, 20001, 1, NAN, NAN, NAN, NAN },
    { 1600, 1000, 0, NAN, NAN, NAN, NAN },
    { 1600, 1000, NAN, NAN, NAN, NAN, NAN },
    { 1600, 1000, 100, NAN, NAN, NAN, NAN },
    { 1600, 1000, 1, 75, 34, 66, 40 },
    { 1600, 1000, 1, 66, 40, 75, 34 },
    { 1600, 1000, 1, -200, 34, 66, 40 },
    { 1600, 1000, 1, 66, 34, 75, 89 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BlMapExportOptions options;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      bl_map_export_options_init (&options);
      options.width = cases[i].width;
      options.height = cases[i].height;
      options.scale = cases[i].scale;
      options.west = cases[i].west;
      options.south = cases[i].south;
      options.east = cases[i].east;
      options.north = cases[i].north;

      bytes = bl_map_export_to_bytes (f->project, f->visible, f->basemap, &options, &error);
      g_assert_null (bytes);
      g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
    }

  /* a PNG too big to hold in memory is refused before anything is drawn */
  {
    BlMapExportOptions options;
    g_autoptr(GError) error = NULL;

    bl_map_export_options_init (&options);
    options.width = BL_MAP_EXPORT_MAX_SIZE;
    options.height = BL_MAP_EXPORT_MAX_SIZE;
    g_assert_null (bl_map_export_to_png_bytes (f->project, f->visible, f->basemap, &options, &error));
    g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
  }
}

/* Text that must be shaped: a Dari title, a right-to-left language. */
static void
test_rtl_title (Fixture       *f,
                gconstpointer  data)
{
  BlMapExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  bl_map_export_options_init (&options);
  options.title = "نقشه";
  options.subtitle = "شمال افغانستان · 2023";
  options.language = "fa";
  bytes = bl_map_export_to_png_bytes (f->project, f->visible, f->basemap, &options, &error);
  g_assert_no_error (error);

  stream = g_memory_input_stream_new_from_bytes (bytes);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  check_title_band (pixbuf, f, &options);
}

/* The subtitle says the topic and the window in words; citations and the
 * timeline strip appear when asked for. */
static void
test_subtitle_citations_timeline (Fixture       *f,
                                  gconstpointer  data)
{
  BlMapExportOptions options;
  g_autofree char *pdftotext = find_reader ("pdftotext", "poppler-utils");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint32 topic = bl_project_find_topic (f->project, "t-isis-fighters");

  if (pdftotext == NULL)
    return;

  bl_filter_set_window (f->filter, bl_day_from_ymd (2023, 2, 14), bl_day_from_ymd (2023, 3, 31));
  bl_filter_set_topic (f->filter, topic);

  bl_map_export_options_init (&options);
  options.format = BL_MAP_EXPORT_PDF;
  options.show_citations = TRUE;
  options.show_timeline = TRUE;
  path = export_file (f, &options, "cited.pdf");

  text = run ((const char * const[]) { pdftotext, "-raw", path, "-", NULL }, TRUE);
  bl_test_assert_has (text, "ISIS fighters in Afghanistan · 14 February 2023 – 31 March 2023",
                      "Sources", "1 Tajik Herald",
                      "Claims by the date they were made (tallest bar: ",
                      "Numbers on the map refer to the sources listed below");
}

static void
test_whole_months_in_words (Fixture       *f,
                            gconstpointer  data)
{
  BlMapExportOptions options;
  g_autofree char *pdftotext = find_reader ("pdftotext", "poppler-utils");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (pdftotext == NULL)
    return;

  bl_filter_set_window (f->filter, bl_day_from_ymd (2021, 8, 1), bl_day_from_ymd (2023, 2, 28));
  bl_map_export_options_init (&options);
  options.format = BL_MAP_EXPORT_PDF;
  path = export_file (f, &options, "months.pdf");
  text = run ((const char * const[]) { pdftotext, "-raw", path, "-", NULL }, TRUE);
  g_assert_nonnull (strstr (text, "All topics · August 2021 – February 2023"));

  bl_filter_clear_window (f->filter);
  g_free (path);
  g_free (text);
  path = export_file (f, &options, "all.pdf");
  text = run ((const char * const[]) { pdftotext, "-raw", path, "-", NULL }, TRUE);
  g_assert_nonnull (strstr (text, "All topics · all dates"));
}

/* Annotations are drawn over the map, in their colour. */
static void
test_annotations (Fixture       *f,
                  gconstpointer  data)
{
  static const double area[] = { 62.0, 32.0, 63.5, 32.0, 63.5, 33.0, 62.0, 33.0 };
  static const double circle[] = { 74.0, 36.0, 74.5, 36.0 };
  static const double arrow[] = { 72.0, 33.0, 71.0, 34.0 };
  static const double text[] = { 70.0, 32.5 };
  GPtrArray *annotations = bl_project_get_annotations (f->project);
  BlMapExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  const double green[4] = { 0.0, 0.6, 0.0, 1.0 };
  struct { BlAnnotationKind kind; const double *points; guint n; const char *text; } list[] = {
    { BL_ANNOTATION_AREA, area, 4, "Area" },
    { BL_ANNOTATION_CIRCLE, circle, 2, "Circle" },
    { BL_ANNOTATION_ARROW, arrow, 2, "Arrow <b>not markup</b>" },
    { BL_ANNOTATION_TEXT, text, 1, "Text & more" },
  };
  BlMapFrame frame;
  double map_x, map_y, x, y;

  for (guint i = 0; i < G_N_ELEMENTS (list); i++)
    {
      BlAnnotation *a = g_new0 (BlAnnotation, 1);

      a->id = g_strdup_printf ("a%u", i);
      a->kind = list[i].kind;
      a->text = g_strdup (list[i].text);
      a->points = g_memdup2 (list[i].points, list[i].n * 2 * sizeof (double));
      a->n_points = list[i].n;
      a->color = g_strdup ("#009900");
      a->size = 3;
      g_ptr_array_add (annotations, a);
    }

  bl_map_export_options_init (&options);
  options.west = 60;
  options.south = 31;
  options.east = 76;
  options.north = 40;
  options.show_legend = FALSE;
  options.show_inset = FALSE;
  options.show_scale_bar = FALSE;
  options.show_north_arrow = FALSE;

  bytes = bl_map_export_to_png_bytes (f->project, f->visible, f->basemap, &options, &error);
  g_assert_no_error (error);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);

  /* the circle's rim, east of its centre, is green */
  g_assert_true (bl_map_export_get_map_frame (f->project, f->visible, f->basemap, &options,
                                              &frame, &map_x, &map_y, &error));
  bl_map_export_lonlat_to_page (&frame, map_x, map_y, 74.5, 36.0, &x, &y);
  g_assert_true (pixel_near (pixbuf, x, y, 3, green, 0.08));

  /* colours */
  {
    double rgba[4];

    g_assert_true (bl_annotation_parse_color ("#336699", rgba));
    g_assert_cmpfloat_with_epsilon (rgba[0], 0x33 / 255.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (rgba[2], 0x99 / 255.0, 1e-9);
    g_assert_true (bl_annotation_parse_color ("#fff", rgba));
    g_assert_cmpfloat (rgba[1], ==, 1.0);
    g_assert_false (bl_annotation_parse_color ("red", rgba));
    g_assert_false (bl_annotation_parse_color ("#12345g", rgba));
    g_assert_false (bl_annotation_parse_color (NULL, rgba));
  }
}

/* Without a basemap, and with nothing to frame: the home region. */
static void
test_no_basemap_home_region (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(BlProject) empty = bl_project_new ();
  g_autoptr(BlFilter) filter = bl_filter_new ();
  g_autoptr(BlVisibleClaims) visible = bl_visible_claims_new (empty, filter);
  g_autoptr(BlBasemapRenderer) bare = bl_basemap_renderer_new (NULL);
  BlMapExportOptions options;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BlMapFrame frame;
  double map_x, map_y, lon, lat;

  bl_map_export_options_init (&options);
  options.show_citations = TRUE;
  options.show_timeline = TRUE;
  g_assert_true (bl_map_export_get_map_frame (empty, visible, NULL, &options, &frame, &map_x, &map_y, &error));
  g_assert_no_error (error);

  /* the middle of the map is the middle of the home region */
  bl_spatial_unit_to_lonlat ((frame.x + frame.width / 2) / (BL_SPATIAL_TILE_SIZE * exp2 (frame.zoom)),
                             (frame.y + frame.height / 2) / (BL_SPATIAL_TILE_SIZE * exp2 (frame.zoom)),
                             &lat, &lon);
  g_assert_cmpfloat_with_epsilon (lon, (BL_MAP_EXPORT_HOME_WEST + BL_MAP_EXPORT_HOME_EAST) / 2, 0.01);
  g_assert_cmpfloat (lat, >, BL_MAP_EXPORT_HOME_SOUTH);
  g_assert_cmpfloat (lat, <, BL_MAP_EXPORT_HOME_NORTH);

  for (BlMapExportFormat format = 0; format < BL_N_MAP_EXPORT_FORMATS; format++)
    {
      options.format = format;
      bytes = bl_map_export_to_bytes (empty, visible, NULL, &options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      g_clear_pointer (&bytes, g_bytes_unref);

      bytes = bl_map_export_to_bytes (empty, visible, bare, &options, &error);
      g_assert_no_error (error);
      g_clear_pointer (&bytes, g_bytes_unref);
    }
}

/* Every size from the smallest draws without error, every piece on. */
static void
test_sizes (Fixture       *f,
            gconstpointer  data)
{
  const int sizes[][2] = { { 16, 16 }, { 16, 2000 }, { 2000, 16 }, { 200, 150 }, { 640, 480 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      BlMapExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      bl_map_export_options_init (&options);
      options.width = sizes[i][0];
      options.height = sizes[i][1];
      options.show_citations = TRUE;
      options.show_timeline = TRUE;
      options.selected_claim = "c-sidorov-4000";
      bytes = bl_map_export_to_png_bytes (f->project, f->visible, f->basemap, &options, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
    }
}

static void
test_format_for_path (void)
{
  BlMapExportFormat format;

  g_assert_true (bl_map_export_format_for_path ("a/map.PNG", &format));
  g_assert_cmpint (format, ==, BL_MAP_EXPORT_PNG);
  g_assert_true (bl_map_export_format_for_path ("map.svg", &format));
  g_assert_cmpint (format, ==, BL_MAP_EXPORT_SVG);
  g_assert_true (bl_map_export_format_for_path ("/tmp/x.y.pdf", &format));
  g_assert_cmpint (format, ==, BL_MAP_EXPORT_PDF);
  g_assert_false (bl_map_export_format_for_path ("map.jpeg", &format));
  g_assert_false (bl_map_export_format_for_path (".png", &format));
  g_assert_false (bl_map_export_format_for_path ("dir.png/", &format));
  g_assert_cmpstr (bl_map_export_format_get_extension (BL_MAP_EXPORT_PDF), ==, "pdf");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_test_init (&argc, &argv, NULL);

  basemap_data = bl_basemap_data_load_default (&error);
  if (basemap_data == NULL)
    g_error ("no basemap: %s", error->message);

  g_test_add_func ("/map-export/format-for-path", test_format_for_path);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/map-export/png", test_png);
  ADD ("/map-export/png-bytes-hidpi", test_png_bytes_hidpi);
  ADD ("/map-export/pdf", test_pdf);
  ADD ("/map-export/pdf-a4", test_pdf_a4);
  ADD ("/map-export/svg", test_svg);
  ADD ("/map-export/svg-hostile-title", test_svg_hostile_title);
  ADD ("/map-export/kunduz-pixel", test_kunduz_pixel);
  ADD ("/map-export/unwritable", test_unwritable);
  ADD ("/map-export/existing-file-replaced", test_existing_file_replaced);
  ADD ("/map-export/invalid-options", test_invalid_options);
  ADD ("/map-export/rtl-title", test_rtl_title);
  ADD ("/map-export/subtitle-citations-timeline", test_subtitle_citations_timeline);
  ADD ("/map-export/whole-months-in-words", test_whole_months_in_words);
  ADD ("/map-export/annotations", test_annotations);
  ADD ("/map-export/no-basemap-home-region", test_no_basemap_home_region);
  ADD ("/map-export/sizes", test_sizes);
#undef ADD

  status = g_test_run ();
  bl_basemap_data_unref (basemap_data);
  return status;
}
