/* test-basemap-renderer.c — tests of the basemap renderer and projection
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders tiles and extents headlessly into cairo image surfaces and checks
 * what a person looking at the map would notice: the Afghan–Tajik border is
 * there, the main places are named, labels are neither cut at tile edges
 * nor overlapping, tiles outside the region are plain, and a renderer
 * without data still draws. No pixel dumps are compared.
 *
 * The data file is BL_BASEMAP_FILE, or BL_SOURCE_DIR
 * "/data/basemap/basemap.bin"; without either the tests that need it are
 * skipped.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-basemap-data.h"
#include "bl-basemap-renderer.h"
#include "bl-claim-painter.h"
#include "bl-projection.h"
#include "test-helpers.h"

/* One renderer for all tests: label placement is cached in it. */
static BlBasemapRenderer *
get_renderer (void)
{
  static BlBasemapRenderer *renderer;

  if (renderer == NULL)
    {
      g_autoptr(BlBasemapData) data = bl_test_load_basemap ();

      renderer = bl_basemap_renderer_new (data);
    }
  return renderer;
}

#define REQUIRE_RENDERER(r) G_STMT_START { r = get_renderer (); } G_STMT_END

static cairo_surface_t *
render_tile (BlBasemapRenderer *r,
             guint              z,
             guint              x,
             guint              y,
             double             scale)
{
  int size = (int) (256 * scale);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, size, size);
  cairo_t *cr = cairo_create (s);

  g_assert_true (bl_basemap_renderer_render_tile (r, cr, z, x, y, scale));
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

static void
get_pixel (cairo_surface_t *s,
           int              x,
           int              y,
           int              rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);
  guint32 p = *(const guint32 *) (data + y * stride + 4 * x);

  rgb[0] = (p >> 16) & 0xff;
  rgb[1] = (p >> 8) & 0xff;
  rgb[2] = p & 0xff;
}

static int
color_distance (const int              rgb[3],
                const BlBasemapColor  *c)
{
  return abs (rgb[0] - (int) round (c->red * 255)) +
         abs (rgb[1] - (int) round (c->green * 255)) +
         abs (rgb[2] - (int) round (c->blue * 255));
}

static void
tile_of (double  lon,
         double  lat,
         guint   z,
         guint  *tx,
         guint  *ty,
         double *px,
         double *py)
{
  double x, y;

  bl_projection_lonlat_to_world (lon, lat, z, &x, &y);
  *tx = (guint) (x / 256);
  *ty = (guint) (y / 256);
  *px = x - *tx * 256.0;
  *py = y - *ty * 256.0;
}

static void
test_projection (void)
{
  double x, y, lon, lat;
  guint x0, y0, x1, y1;
  BlProjectionExtent e;

  bl_projection_lonlat_to_world (0, 0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 128, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 128, 1e-9);

  bl_projection_lonlat_to_world (68.6, 37.2, 8, &x, &y);
  bl_projection_world_to_lonlat (x, y, 8, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 68.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 37.2, 1e-9);

  /* Equator, zoom 0: 40075 km over 256 pixels. */
  g_assert_cmpfloat_with_epsilon (bl_projection_metres_per_pixel (0, 0), 156543.034, 1e-3);
  g_assert_cmpfloat_with_epsilon (bl_projection_zoom_for_metres_per_pixel (37, bl_projection_metres_per_pixel (37, 7.3)),
                                  7.3, 1e-9);

  g_assert_true (bl_projection_get_tile_range (58, 30, 78, 42, 5, &x0, &y0, &x1, &y1));
  g_assert_cmpuint (x0, ==, 21);
  g_assert_cmpuint (x1, ==, 22);
  g_assert_cmpuint (y0, ==, 11);
  g_assert_cmpuint (y1, ==, 13);
  g_assert_false (bl_projection_get_tile_range (78, 30, 58, 42, 5, &x0, &y0, &x1, &y1));

  /* A box of whole tiles at zoom 8 fits at exactly zoom 8. */
  {
    double w, s, e2, n, w2, s2, e3, n3;

    bl_projection_get_tile_bounds (8, 100, 50, &w, &s, &e2, &n);
    bl_projection_get_tile_bounds (8, 102, 52, &w2, &s2, &e3, &n3);
    g_assert_true (bl_projection_extent_fit (&e, w, s2, e3, n, 768, 768));
    g_assert_cmpfloat (e.zoom, ==, 8);
    g_assert_cmpfloat_with_epsilon (e.origin_x, 100 * 256, 1e-6);
    g_assert_cmpfloat_with_epsilon (e.origin_y, 50 * 256, 1e-6);
  }
  g_assert_true (bl_projection_extent_fit (&e, 60, 30, 70, 40, 1000, 500));
  bl_projection_extent_lonlat_to_pixel (&e, 65, 35, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 500, 1e-6);
  bl_projection_extent_pixel_to_lonlat (&e, x, y, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 65, 1e-9);
  g_assert_false (bl_projection_extent_fit (&e, 60, 30, 70, 40, 0, 500));
}

/* Samples the Afghan–Tajik border from the data (the vertices AF and TJ
 * share) and checks that the border colour is drawn at each. */
static void
test_border (void)
{
  BlBasemapRenderer *r;
  BlBasemapData *data;
  const BlBasemapFeature *af, *tj;
  g_autoptr(GHashTable) tj_points = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) cairo_surface_destroy);
  const BlBasemapStyle *style;
  guint band, shared = 0, found = 0, near_panj = 0;
  const guint z = 8;

  REQUIRE_RENDERER (r);
  data = bl_basemap_renderer_get_data (r);
  style = bl_basemap_renderer_get_style (r);
  af = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_COUNTRY, "AF");
  tj = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_COUNTRY, "TJ");
  g_assert_nonnull (af);
  g_assert_nonnull (tj);
  band = bl_basemap_data_get_band_for_zoom (data, z);

  g_array_set_size (keys, 20000);
  for (guint p = 0, k = 0; p < bl_basemap_feature_get_n_parts (data, tj, band); p++)
    {
      gsize n;
      const gint32 *xy = bl_basemap_feature_get_part (data, tj, band, p, &n);

      for (gsize i = 0; i < n && k < keys->len; i++, k++)
        {
          gint64 *key = &g_array_index (keys, gint64, k);

          *key = ((gint64) xy[2 * i] << 32) | (guint32) xy[2 * i + 1];
          g_hash_table_add (tj_points, key);
        }
    }

  for (guint p = 0; p < bl_basemap_feature_get_n_parts (data, af, band); p++)
    {
      gsize n;
      const gint32 *xy = bl_basemap_feature_get_part (data, af, band, p, &n);

      for (gsize i = 0; i < n; i++)
        {
          gint64 key = ((gint64) xy[2 * i] << 32) | (guint32) xy[2 * i + 1];
          double lon = xy[2 * i] / BL_BASEMAP_COORD_SCALE;
          double lat = xy[2 * i + 1] / BL_BASEMAP_COORD_SCALE;
          cairo_surface_t *tile;
          gint64 tile_key;
          guint tx, ty;
          double px, py;
          gboolean hit = FALSE;

          if (!g_hash_table_contains (tj_points, &key) || i % 3 != 0)
            continue;
          shared++;
          if (fabs (lat - 37.2) < 0.3 && fabs (lon - 68.6) < 0.5)
            near_panj++;
          tile_of (lon, lat, z, &tx, &ty, &px, &py);
          tile_key = ((gint64) tx << 32) | ty;
          tile = g_hash_table_lookup (tiles, &tile_key);
          if (tile == NULL)
            {
              tile = render_tile (r, z, tx, ty, 1);
              g_hash_table_insert (tiles, g_memdup2 (&tile_key, sizeof tile_key), tile);
            }
          /* The border colour within two pixels of the vertex. */
          for (int dy = -2; dy <= 2 && !hit; dy++)
            for (int dx = -2; dx <= 2 && !hit; dx++)
              {
                int x = (int) px + dx, y = (int) py + dy, rgb[3];

                if (x < 0 || y < 0 || x >= 256 || y >= 256)
                  continue;
                get_pixel (tile, x, y, rgb);
                hit = color_distance (rgb, &style->border) < 60;
              }
          found += hit;
        }
    }
  g_test_message ("%u shared border vertices sampled, %u drawn", shared, found);
  g_assert_cmpuint (shared, >, 30);
  g_assert_cmpuint (near_panj, >, 0);
  /* Labels may hide a few. */
  g_assert_cmpuint (found, >=, shared * 9 / 10);
}

static gboolean
tile_has_label (BlBasemapRenderer  *r,
                guint               z,
                double              lon,
                double              lat,
                BlBasemapLabelKind  kind,
                const char         *text)
{
  g_autoptr(GArray) labels = NULL;
  guint tx, ty;
  double px, py;

  tile_of (lon, lat, z, &tx, &ty, &px, &py);
  labels = bl_basemap_renderer_list_tile_labels (r, z, tx, ty);
  for (guint i = 0; i < labels->len; i++)
    {
      const BlBasemapLabelInfo *l = &g_array_index (labels, BlBasemapLabelInfo, i);

      if (l->kind == kind && g_str_equal (l->text, text))
        {
          /* A place's label sits next to its position. */
          if (kind == BL_BASEMAP_LABEL_PLACE)
            g_assert_cmpfloat (hypot (l->x + l->width / 2 - px, l->y + l->height / 2 - py),
                               <, l->width / 2 + 30);
          return TRUE;
        }
    }
  return FALSE;
}

static void
test_labels_placed (void)
{
  BlBasemapRenderer *r;
  BlBasemapData *data;
  const BlBasemapFeature *kunduz, *dushanbe, *af;

  REQUIRE_RENDERER (r);
  data = bl_basemap_renderer_get_data (r);
  kunduz = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_PLACE, "AF:Kunduz");
  dushanbe = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_PLACE, "TJ:Dushanbe");
  af = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_COUNTRY, "AF");
  g_assert_nonnull (kunduz);
  g_assert_nonnull (dushanbe);

  g_assert_true (tile_has_label (r, 8, kunduz->label_lon, kunduz->label_lat,
                                 BL_BASEMAP_LABEL_PLACE, "Kunduz"));
  g_assert_true (tile_has_label (r, 8, dushanbe->label_lon, dushanbe->label_lat,
                                 BL_BASEMAP_LABEL_PLACE, "Dushanbe"));
  /* Capitals from the lowest zooms, province centres not yet at 4. */
  g_assert_true (tile_has_label (r, 4, dushanbe->label_lon, dushanbe->label_lat,
                                 BL_BASEMAP_LABEL_PLACE, "Dushanbe"));
  g_assert_false (tile_has_label (r, 4, kunduz->label_lon, kunduz->label_lat,
                                  BL_BASEMAP_LABEL_PLACE, "Kunduz"));
  g_assert_true (tile_has_label (r, 5, af->label_lon, af->label_lat,
                                 BL_BASEMAP_LABEL_COUNTRY, "AFGHANISTAN"));
}

/* A claim about a whole country has its marker at the country's label
 * point (bl_basemap_renderer_get_label_point()): the country's name is
 * drawn clear of a marker there, wherever it is named. */
static void
test_country_name_clear_of_marker (void)
{
  static const char * const countries[] = { "AF", "TJ", "UZ" };
  BlBasemapRenderer *r;
  guint named = 0;

  REQUIRE_RENDERER (r);
  for (guint c = 0; c < G_N_ELEMENTS (countries); c++)
    for (guint z = 4; z <= 7; z++)
      {
        const BlBasemapFeature *country = bl_basemap_data_lookup (bl_basemap_renderer_get_data (r),
                                                                  BL_BASEMAP_LAYER_COUNTRY, countries[c]);
        g_autoptr(GArray) labels = NULL;
        double lon, lat, px, py;
        guint tx, ty;

        g_assert_true (bl_basemap_renderer_get_label_point (r, countries[c], &lon, &lat));
        tile_of (lon, lat, z, &tx, &ty, &px, &py);
        labels = bl_basemap_renderer_list_tile_labels (r, z, tx, ty);
        for (guint i = 0; i < labels->len; i++)
          {
            const BlBasemapLabelInfo *l = &g_array_index (labels, BlBasemapLabelInfo, i);
            double nx, ny;

            if (l->feature != country)
              continue;
            /* the point of the box nearest the marker's centre */
            nx = CLAMP (px, l->x, l->x + l->width);
            ny = CLAMP (py, l->y, l->y + l->height);
            if (hypot (nx - px, ny - py) < BL_CLAIM_MARKER_RADIUS)
              g_error ("zoom %u: “%s” is drawn over the marker at its label point", z, l->text);
            named++;
          }
      }
  /* the names were found at some zooms */
  g_assert_cmpuint (named, >=, 4);
}

static void
test_labels_no_overlap (void)
{
  static const guint zooms[] = { 5, 6, 7, 8, 9, 10, 11 };
  BlBasemapRenderer *r;

  REQUIRE_RENDERER (r);
  for (guint zi = 0; zi < G_N_ELEMENTS (zooms); zi++)
    {
      guint z = zooms[zi], tx, ty, total = 0;
      double px, py;

      /* A 4 × 4 block around Kunduz, in one coordinate system. */
      tile_of (68.86, 36.73, z, &tx, &ty, &px, &py);
      {
        g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

        for (guint j = ty - 1; j <= ty + 2; j++)
          for (guint i = tx - 1; i <= tx + 2; i++)
            {
              g_autoptr(GArray) labels = bl_basemap_renderer_list_tile_labels (r, z, i, j);

              for (guint k = 0; k < labels->len; k++)
                {
                  BlBasemapLabelInfo *l = g_memdup2 (&g_array_index (labels, BlBasemapLabelInfo, k),
                                                     sizeof *l);
                  gboolean dup = FALSE;

                  l->x += ((double) i - (double) tx) * 256;
                  l->y += ((double) j - (double) ty) * 256;
                  for (guint m = 0; m < seen->len && !dup; m++)
                    {
                      const BlBasemapLabelInfo *o = seen->pdata[m];

                      /* The same label seen from two tiles: same box. */
                      if (o->feature == l->feature && o->kind == l->kind)
                        {
                          g_assert_cmpfloat_with_epsilon (o->x, l->x, 1e-6);
                          g_assert_cmpfloat_with_epsilon (o->y, l->y, 1e-6);
                          dup = TRUE;
                        }
                      else if (l->x < o->x + o->width && o->x < l->x + l->width &&
                               l->y < o->y + o->height && o->y < l->y + l->height)
                        g_error ("Zoom %u: labels “%s” and “%s” overlap", z, l->text, o->text);
                    }
                  if (dup)
                    g_free (l);
                  else
                    g_ptr_array_add (seen, l);
                }
            }
        total = seen->len;
      }
      g_test_message ("zoom %u: %u labels around Kunduz", z, total);
      g_assert_cmpuint (total, >, 0);
    }
}

/* A 3 × 3 block of tiles drawn as one 768 × 768 extent and as nine tiles
 * must look the same: no label cut at tile edges, lines meet. */
static void
check_seams (BlBasemapRenderer *r,
             guint              z,
             double             lon,
             double             lat)
{
  cairo_surface_t *whole, *stitched;
  cairo_t *cr;
  guint tx, ty, differing = 0;
  double px, py, w, s, e, n, dummy;
  int max_diff = 0;

  tile_of (lon, lat, z, &tx, &ty, &px, &py);
  tx--;
  ty--;
  bl_projection_get_tile_bounds (z, tx, ty, &w, &dummy, &dummy, &n);
  bl_projection_get_tile_bounds (z, tx + 2, ty + 2, &dummy, &s, &e, &dummy);

  whole = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 768, 768);
  cr = cairo_create (whole);
  g_assert_true (bl_basemap_renderer_render_extent (r, cr, w, s, e, n, 768, 768, z));
  cairo_destroy (cr);

  stitched = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 768, 768);
  cr = cairo_create (stitched);
  for (guint j = 0; j < 3; j++)
    for (guint i = 0; i < 3; i++)
      {
        cairo_save (cr);
        cairo_translate (cr, i * 256.0, j * 256.0);
        cairo_rectangle (cr, 0, 0, 256, 256);
        cairo_clip (cr);
        g_assert_true (bl_basemap_renderer_render_tile (r, cr, z, tx + i, ty + j, 1));
        cairo_restore (cr);
      }
  cairo_destroy (cr);
  cairo_surface_flush (whole);
  cairo_surface_flush (stitched);

  for (int y = 0; y < 768; y++)
    for (int x = 0; x < 768; x++)
      {
        int a[3], b[3], d = 0;

        get_pixel (whole, x, y, a);
        get_pixel (stitched, x, y, b);
        for (int c = 0; c < 3; c++)
          d = MAX (d, abs (a[c] - b[c]));
        max_diff = MAX (max_diff, d);
        differing += d > 24;
      }
  if (g_getenv ("BL_TEST_PNG_DIR") != NULL)
    {
      g_autofree char *p1 = g_strdup_printf ("%s/seams-%u-whole.png", g_getenv ("BL_TEST_PNG_DIR"), z);
      g_autofree char *p2 = g_strdup_printf ("%s/seams-%u-tiles.png", g_getenv ("BL_TEST_PNG_DIR"), z);

      cairo_surface_write_to_png (whole, p1);
      cairo_surface_write_to_png (stitched, p2);
    }
  g_test_message ("zoom %u: %u of 589824 pixels differ by more than 24, max %d",
                  z, differing, max_diff);
  /* Antialiasing along the seams may differ a little; nothing else. */
  g_assert_cmpuint (differing, <, 768 * 4);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (stitched);
}

static void
test_seams (void)
{
  BlBasemapRenderer *r;

  REQUIRE_RENDERER (r);
  check_seams (r, 8, 68.86, 36.73);     /* Kunduz */
  check_seams (r, 6, 69.5, 37.5);
  check_seams (r, 10, 71.55, 37.49);    /* Khorugh */
}

static void
test_extent (void)
{
  BlBasemapRenderer *r;
  BlBasemapData *data;
  BlBasemapBBox region;
  const BlBasemapStyle *style;
  BlProjectionExtent e;
  cairo_surface_t *s;
  cairo_t *cr;
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);
  int rgb[3];
  double x, y, lon, lat;

  REQUIRE_RENDERER (r);
  data = bl_basemap_renderer_get_data (r);
  style = bl_basemap_renderer_get_style (r);
  bl_basemap_data_get_region (data, &region);

  s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 700);
  cr = cairo_create (s);
  g_assert_true (bl_basemap_renderer_render_extent (r, cr, region.min_lon, region.min_lat,
                                                    region.max_lon, region.max_lat,
                                                    1000, 700, -1));
  cairo_destroy (cr);
  cairo_surface_flush (s);
  g_assert_true (bl_projection_extent_fit (&e, region.min_lon, region.min_lat,
                                           region.max_lon, region.max_lat, 1000, 700));

  /* Inside Afghanistan (Ghor, away from labels): the emphasised land;
   * Iran: plain land; both differ from the background. */
  g_assert_true (bl_basemap_renderer_get_label_point (r, "AF-GHO", &lon, &lat));
  bl_projection_extent_lonlat_to_pixel (&e, lon + 0.4, lat + 0.4, &x, &y);
  get_pixel (s, (int) x, (int) y, rgb);
  g_assert_cmpint (color_distance (rgb, &style->land_focus), <, 12);
  bl_projection_extent_lonlat_to_pixel (&e, 59.0, 33.0, &x, &y);
  get_pixel (s, (int) x, (int) y, rgb);
  g_assert_cmpint (color_distance (rgb, &style->land), <, 12);
  g_assert_cmpint (color_distance (rgb, &style->background), >, 6);

  /* Lots of different colours: a map, not a blank. */
  for (int j = 0; j < 700; j += 3)
    for (int i = 0; i < 1000; i += 3)
      {
        get_pixel (s, i, j, rgb);
        g_hash_table_add (colors, GINT_TO_POINTER ((rgb[0] << 16) | (rgb[1] << 8) | rgb[2]));
      }
  g_assert_cmpuint (g_hash_table_size (colors), >, 200);

  if (g_getenv ("BL_TEST_PNG_DIR") != NULL)
    {
      g_autofree char *path = g_build_filename (g_getenv ("BL_TEST_PNG_DIR"), "extent-region.png", NULL);

      cairo_surface_write_to_png (s, path);
    }
  cairo_surface_destroy (s);

  /* Any size works, also tiny and invalid ones. */
  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 7, 3);
  cr = cairo_create (s);
  g_assert_true (bl_basemap_renderer_render_extent (r, cr, 60, 30, 70, 40, 7, 3, -1));
  g_assert_false (bl_basemap_renderer_render_extent (r, cr, 70, 30, 60, 40, 7, 3, -1));
  g_assert_false (bl_basemap_renderer_render_extent (r, cr, 60, 30, 70, 40, 0, 3, -1));
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
assert_uniform (cairo_surface_t      *s,
                const BlBasemapColor *color)
{
  int first[3], rgb[3];
  int size = cairo_image_surface_get_width (s);

  get_pixel (s, 0, 0, first);
  g_assert_cmpint (color_distance (first, color), <=, 3);
  for (int y = 0; y < size; y++)
    for (int x = 0; x < size; x++)
      {
        get_pixel (s, x, y, rgb);
        g_assert_cmpint (memcmp (rgb, first, sizeof rgb), ==, 0);
      }
}

static void
test_outside (void)
{
  BlBasemapRenderer *r;
  const BlBasemapStyle *style;
  cairo_surface_t *s;
  guint tx, ty;
  double px, py;

  REQUIRE_RENDERER (r);
  style = bl_basemap_renderer_get_style (r);

  s = render_tile (r, 5, 0, 0, 1);
  assert_uniform (s, &style->background);
  cairo_surface_destroy (s);

  /* Over the Indian Ocean, and just west of the region. */
  tile_of (70, -10, 8, &tx, &ty, &px, &py);
  s = render_tile (r, 8, tx, ty, 1);
  assert_uniform (s, &style->background);
  cairo_surface_destroy (s);
  tile_of (56.5, 36, 9, &tx, &ty, &px, &py);
  s = render_tile (r, 9, tx, ty, 2);
  assert_uniform (s, &style->background);
  cairo_surface_destroy (s);

  /* Tiles that do not exist are refused. */
  s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
  {
    cairo_t *cr = cairo_create (s);

    g_assert_false (bl_basemap_renderer_render_tile (r, cr, 3, 8, 0, 1));
    g_assert_false (bl_basemap_renderer_render_tile (r, cr, 30, 0, 0, 1));
    cairo_destroy (cr);
  }
  cairo_surface_destroy (s);
}

static void
test_no_data (void)
{
  g_autoptr(GBytes) garbage = g_bytes_new_static ("BLBASEMPgarbage garbage garbage", 31);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlBasemapData) data = bl_basemap_data_new_from_bytes (garbage, &error);
  g_autoptr(BlBasemapRenderer) r = NULL;
  g_autoptr(GArray) labels = NULL;
  cairo_surface_t *s;
  double lon, lat;

  g_assert_null (data);
  g_assert_nonnull (error);

  r = bl_basemap_renderer_new (data);
  g_assert_null (bl_basemap_renderer_get_data (r));
  for (guint z = 0; z <= 12; z += 4)
    {
      guint tx, ty;
      double px, py;

      tile_of (69, 37, z, &tx, &ty, &px, &py);
      s = render_tile (r, z, tx, ty, z == 8 ? 2 : 1);
      assert_uniform (s, &bl_basemap_renderer_get_style (r)->background);
      cairo_surface_destroy (s);
    }
  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 300, 200);
  {
    cairo_t *cr = cairo_create (s);

    g_assert_true (bl_basemap_renderer_render_extent (r, cr, 58, 30, 78, 42, 300, 200, -1));
    cairo_destroy (cr);
  }
  cairo_surface_destroy (s);

  labels = bl_basemap_renderer_list_tile_labels (r, 8, 177, 99);
  g_assert_cmpuint (labels->len, ==, 0);
  g_assert_false (bl_basemap_renderer_get_label_point (r, "AF", &lon, &lat));
  bl_basemap_renderer_prepare_zoom (r, 8);
}

static void
test_label_point (void)
{
  BlBasemapRenderer *r;
  const BlBasemapFeature *f;
  double lon, lat;

  REQUIRE_RENDERER (r);

  g_assert_true (bl_basemap_renderer_get_label_point (r, "AF", &lon, &lat));
  g_assert_cmpfloat (lon, >, 62);
  g_assert_cmpfloat (lon, <, 71);
  g_assert_cmpfloat (lat, >, 31);
  g_assert_cmpfloat (lat, <, 37);
  g_assert_true (bl_basemap_renderer_get_label_point (r, "TJ", &lon, &lat));
  g_assert_cmpfloat (lat, >, 36.6);

  f = bl_basemap_renderer_lookup_area (r, "AF-KDZ");
  g_assert_nonnull (f);
  g_assert_true (bl_basemap_renderer_get_label_point (r, "AF-KDZ", &lon, &lat));
  g_assert_cmpfloat (lon, >=, f->bbox.min_lon);
  g_assert_cmpfloat (lon, <=, f->bbox.max_lon);
  g_assert_cmpfloat (lat, >=, f->bbox.min_lat);
  g_assert_cmpfloat (lat, <=, f->bbox.max_lat);
  g_assert_true (bl_basemap_renderer_get_label_point (r, "TJ-GB", NULL, NULL));

  g_assert_false (bl_basemap_renderer_get_label_point (r, "XX", &lon, &lat));
  g_assert_false (bl_basemap_renderer_get_label_point (r, "AF-XYZ", &lon, &lat));
  g_assert_false (bl_basemap_renderer_get_label_point (r, "", &lon, &lat));
}

typedef struct {
  BlBasemapRenderer *renderer;
  guint z, x0, y0;
  guint index;
  cairo_surface_t *out[4];
} ThreadJob;

static gpointer
render_thread (gpointer user_data)
{
  ThreadJob *job = user_data;

  for (guint i = 0; i < 4; i++)
    job->out[i] = render_tile (job->renderer, job->z, job->x0 + (job->index + i) % 4, job->y0, 1);
  return NULL;
}

/* Four threads render tiles of a zoom nobody placed labels for yet; the
 * result equals rendering them one after the other. */
static void
test_threads (void)
{
  g_autoptr(BlBasemapData) data = bl_test_load_basemap ();
  g_autoptr(BlBasemapRenderer) r = NULL;
  ThreadJob jobs[4];
  GThread *threads[4];
  guint tx, ty;
  double px, py;

  r = bl_basemap_renderer_new (data);
  tile_of (69.5, 37.5, 9, &tx, &ty, &px, &py);
  for (guint t = 0; t < 4; t++)
    {
      jobs[t] = (ThreadJob) { .renderer = r, .z = 9, .x0 = tx, .y0 = ty, .index = t };
      threads[t] = g_thread_new ("render", render_thread, &jobs[t]);
    }
  for (guint t = 0; t < 4; t++)
    g_thread_join (threads[t]);

  for (guint t = 1; t < 4; t++)
    for (guint i = 0; i < 4; i++)
      {
        cairo_surface_t *a = jobs[0].out[(i + t) % 4];  /* same column */
        cairo_surface_t *b = jobs[t].out[i];
        int stride = cairo_image_surface_get_stride (a);

        g_assert_cmpint (memcmp (cairo_image_surface_get_data (a),
                                 cairo_image_surface_get_data (b), stride * 256), ==, 0);
      }
  for (guint t = 0; t < 4; t++)
    for (guint i = 0; i < 4; i++)
      cairo_surface_destroy (jobs[t].out[i]);
}

static void
test_hidpi_and_language (void)
{
  g_autoptr(BlBasemapData) data = bl_test_load_basemap ();
  g_autoptr(BlBasemapRenderer) ru = NULL;
  BlBasemapRenderer *r;
  const BlBasemapFeature *af;
  cairo_surface_t *s;
  guint tx, ty;
  double px, py;

  REQUIRE_RENDERER (r);
  s = render_tile (r, 7, 88, 49, 2);
  g_assert_cmpint (cairo_image_surface_get_width (s), ==, 512);
  cairo_surface_destroy (s);

  ru = bl_basemap_renderer_new_full (data, NULL, "ru");
  g_assert_cmpstr (bl_basemap_renderer_get_language (ru), ==, "ru");
  af = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_COUNTRY, "AF");
  g_assert_true (tile_has_label (ru, 5, af->label_lon, af->label_lat,
                                 BL_BASEMAP_LABEL_COUNTRY, "АФГАНИСТАН"));
  tile_of (af->label_lon, af->label_lat, 5, &tx, &ty, &px, &py);
  s = render_tile (ru, 5, tx, ty, 1);
  cairo_surface_destroy (s);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/basemap-renderer/projection", test_projection);
  g_test_add_func ("/basemap-renderer/border", test_border);
  g_test_add_func ("/basemap-renderer/labels-placed", test_labels_placed);
  g_test_add_func ("/basemap-renderer/country-name-clear-of-marker", test_country_name_clear_of_marker);
  g_test_add_func ("/basemap-renderer/labels-no-overlap", test_labels_no_overlap);
  g_test_add_func ("/basemap-renderer/seams", test_seams);
  g_test_add_func ("/basemap-renderer/extent", test_extent);
  g_test_add_func ("/basemap-renderer/outside", test_outside);
  g_test_add_func ("/basemap-renderer/no-data", test_no_data);
  g_test_add_func ("/basemap-renderer/label-point", test_label_point);
  g_test_add_func ("/basemap-renderer/threads", test_threads);
  g_test_add_func ("/basemap-renderer/hidpi-language", test_hidpi_and_language);

  return g_test_run ();
}
