/* test-basemap-data.c — tests of the basemap data reader
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests read the committed data/basemap/basemap.bin. Its path is taken
 * from the environment variable BL_BASEMAP_FILE if set, else from the
 * compile-time define BL_SOURCE_DIR (the top of the source tree) as
 * BL_SOURCE_DIR "/data/basemap/basemap.bin". Without either, the tests
 * that need the file are skipped.
 *
 * Standalone build, from the top of the source tree:
 *   gcc -Wall -Wextra -Werror -fsanitize=address,undefined -I/tmp/bm-config \
 *     -Isrc/core -DBL_SOURCE_DIR="\"$PWD\"" src/core/bl-error.c \
 *     src/core/bl-basemap-data.c tests/test-basemap-data.c \
 *     $(pkg-config --cflags --libs gio-2.0) -o /tmp/test-basemap-data
 *   /tmp/test-basemap-data
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-basemap-data.h"
#include "bl-error.h"
#include "test-helpers.h"

static GBytes *
load_real_bytes (void)
{
  g_autofree char *path = bl_test_basemap_path ();
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("Cannot read %s: %s", path, error->message);
  return g_bytes_new_take (contents, length);
}

static BlBasemapData *
load_real (void)
{
  g_autoptr(GBytes) bytes = load_real_bytes ();
  g_autoptr(GError) error = NULL;
  BlBasemapData *data;

  if (bytes == NULL)
    return NULL;
  data = bl_basemap_data_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

#define SKIP_WITHOUT_DATA(data) \
  G_STMT_START { \
    if ((data) == NULL) \
      { \
        g_test_skip ("set BL_BASEMAP_FILE or build with BL_SOURCE_DIR"); \
        return; \
      } \
  } G_STMT_END

static gboolean
bbox_contains (const BlBasemapBBox *b,
               double               lon,
               double               lat)
{
  return lon >= b->min_lon && lon <= b->max_lon &&
         lat >= b->min_lat && lat <= b->max_lat;
}

/* Distance in km, equirectangular: fine at these distances. */
static double
km_between (double lon1,
            double lat1,
            double lon2,
            double lat2)
{
  double k = cos ((lat1 + lat2) / 2 * G_PI / 180);

  return 111.2 * hypot ((lon1 - lon2) * k, lat1 - lat2);
}

static double
nearest_vertex_km (BlBasemapData          *data,
                   const BlBasemapFeature *f,
                   guint                   band,
                   double                  lon,
                   double                  lat)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < bl_basemap_feature_get_n_parts (data, f, band); i++)
    {
      gsize n;
      g_autofree double *pts = bl_basemap_feature_dup_part_lonlat (data, f, band, i, &n);

      for (gsize k = 0; k < n; k++)
        best = MIN (best, km_between (pts[2 * k], pts[2 * k + 1], lon, lat));
    }
  return best;
}

static const BlBasemapFeature *
find_place (BlBasemapData *data,
            const char    *name,
            const char    *country)
{
  guint n;
  const BlBasemapFeature *places = bl_basemap_data_get_layer (data, BL_BASEMAP_LAYER_PLACE, &n);

  for (guint i = 0; i < n; i++)
    if (strcmp (places[i].name, name) == 0 &&
        g_str_has_prefix (places[i].admin, country))
      return &places[i];
  return NULL;
}

static void
test_region (void)
{
  g_autoptr(BlBasemapData) data = load_real ();
  BlBasemapBBox region;

  SKIP_WITHOUT_DATA (data);

  bl_basemap_data_get_region (data, &region);
  g_assert_cmpfloat_with_epsilon (region.min_lon, 58.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (region.max_lon, 78.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (region.min_lat, 30.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (region.max_lat, 42.0, 1e-9);

  g_assert_cmpuint (bl_basemap_data_get_n_bands (data), >=, 2);
  g_assert_cmpuint (bl_basemap_data_get_band_for_zoom (data, 3), ==, 0);
  g_assert_cmpuint (bl_basemap_data_get_band_for_zoom (data, 20),
                    ==, bl_basemap_data_get_n_bands (data) - 1);
  g_assert_cmpuint (bl_basemap_data_get_band_for_zoom (data, NAN), ==, 0);
}

static void
test_countries (void)
{
  g_autoptr(BlBasemapData) data = load_real ();
  const BlBasemapFeature *af, *tj;
  guint n;

  SKIP_WITHOUT_DATA (data);

  af = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_COUNTRY, "AF");
  tj = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_COUNTRY, "TJ");
  g_assert_nonnull (af);
  g_assert_nonnull (tj);
  g_assert_cmpstr (af->name, ==, "Afghanistan");
  g_assert_cmpstr (tj->name, ==, "Tajikistan");
  g_assert_cmpstr (af->name_ru, ==, "Афганистан");
  g_assert_cmpstr (af->name_fa, ==, "افغانستان");
  g_assert_cmpint (af->geometry, ==, BL_BASEMAP_GEOMETRY_POLYGONS);
  g_assert_true (bbox_contains (&af->bbox, af->label_lon, af->label_lat));
  g_assert_true (bbox_contains (&af->bbox, 69.17, 34.53));  /* Kabul */

  for (guint b = 0; b < bl_basemap_data_get_n_bands (data); b++)
    g_assert_cmpuint (bl_basemap_feature_get_n_parts (data, af, b), >, 0);

  bl_basemap_data_get_layer (data, BL_BASEMAP_LAYER_COUNTRY, &n);
  g_assert_cmpuint (n, >=, 8);
}

static void
test_provinces (void)
{
  g_autoptr(BlBasemapData) data = load_real ();
  static const struct {
    const char *code;
    const char *name;
  } expected[] = {
    { "AF-KDZ", "Kunduz" },
    { "AF-BDS", "Badakhshan" },
    { "AF-TAK", "Takhar" },
    { "TJ-GB", "Gorno-Badakhshan" },
    { "TJ-KT", "Khatlon" },
  };

  SKIP_WITHOUT_DATA (data);

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const BlBasemapFeature *f = bl_basemap_data_lookup_province (data, expected[i].code);

      g_assert_nonnull (f);
      g_assert_cmpint (f->layer, ==, BL_BASEMAP_LAYER_PROVINCE);
      g_assert_cmpstr (f->name, ==, expected[i].name);
      g_assert_cmpint (strlen (f->parent), ==, 2);
      g_assert_true (strncmp (f->parent, expected[i].code, 2) == 0);
      g_assert_true (bbox_contains (&f->bbox, f->label_lon, f->label_lat));
      g_assert_cmpuint (bl_basemap_feature_get_n_parts (data, f, 0), >, 0);
    }
  g_assert_null (bl_basemap_data_lookup_province (data, "AF-XXX"));
  g_assert_null (bl_basemap_data_lookup_province (data, "AF"));
}

static void
test_places (void)
{
  g_autoptr(BlBasemapData) data = load_real ();
  static const struct {
    const char *name;
    const char *country;
    const char *province;
    double lon, lat;
  } expected[] = {
    { "Kunduz", "AF", "AF-KDZ", 68.86, 36.73 },
    { "Fayzabad", "AF", "AF-BDS", 70.58, 37.12 },
    { "Dushanbe", "TJ", "TJ-DU", 68.78, 38.54 },
    { "Khorugh", "TJ", "TJ-GB", 71.55, 37.49 },
  };

  SKIP_WITHOUT_DATA (data);

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const BlBasemapFeature *f = find_place (data, expected[i].name, expected[i].country);

      g_assert_nonnull (f);
      g_assert_cmpint (f->geometry, ==, BL_BASEMAP_GEOMETRY_POINT);
      g_assert_cmpstr (f->parent, ==, expected[i].province);
      g_assert_cmpfloat (km_between (f->label_lon, f->label_lat,
                                     expected[i].lon, expected[i].lat), <, 3);
      g_assert_cmpuint (f->rank, <=, 1);
    }
  g_assert_cmpuint (find_place (data, "Dushanbe", "TJ")->rank, ==, 0);
}

static void
test_rivers (void)
{
  g_autoptr(BlBasemapData) data = load_real ();
  const BlBasemapFeature *panj, *amu, *lake;
  guint last;

  SKIP_WITHOUT_DATA (data);

  panj = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_RIVER, "river:panj");
  amu = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_RIVER, "river:amudarya");
  g_assert_nonnull (panj);
  g_assert_nonnull (amu);
  g_assert_cmpstr (panj->name, ==, "Panj");
  g_assert_cmpstr (amu->name, ==, "Amu Darya");
  last = bl_basemap_data_get_n_bands (data) - 1;

  /* The Panj is the Afghan–Tajik border: it passes Khorugh (37.49 N
   * 71.55 E), Ishkashim (36.72 N 71.61 E) and Qal'ai Khumb (38.45 N
   * 70.79 E), and the border crossing at Shir Khan Bandar / Panji Poyon
   * (37.23 N 68.60 E); the Amu Darya passes Termez (37.22 N 67.28 E). */
  g_assert_cmpfloat (nearest_vertex_km (data, panj, last, 71.55, 37.49), <, 5);
  g_assert_cmpfloat (nearest_vertex_km (data, panj, last, 71.61, 36.72), <, 5);
  g_assert_cmpfloat (nearest_vertex_km (data, panj, last, 70.79, 38.45), <, 5);
  g_assert_cmpfloat (nearest_vertex_km (data, panj, last, 68.60, 37.23), <, 5);
  g_assert_cmpfloat (nearest_vertex_km (data, amu, last, 67.28, 37.22), <, 5);
  /* Even the coarsest band keeps the border river within reach. */
  g_assert_cmpfloat (nearest_vertex_km (data, panj, 0, 71.55, 37.49), <, 15);

  for (const char *const *c = (const char *const[]) { "river:kokcha", "river:kunduz",
                                                      "river:vakhsh", NULL }; *c; c++)
    g_assert_nonnull (bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_RIVER, *c));

  lake = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_LAKE, "lake:karakul");
  g_assert_nonnull (lake);
  g_assert_true (bbox_contains (&lake->bbox, 73.4, 39.0));
  g_assert_nonnull (bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_LAKE, "lake:sarez"));
}

/* Every part of every feature, in every band, has points on the globe and
 * inside the feature's bounding box (and the region). */
static void
test_geometry_consistent (void)
{
  g_autoptr(BlBasemapData) data = load_real ();
  BlBasemapBBox region;

  SKIP_WITHOUT_DATA (data);

  bl_basemap_data_get_region (data, &region);
  for (guint i = 0; i < bl_basemap_data_get_n_features (data); i++)
    {
      const BlBasemapFeature *f = bl_basemap_data_get_feature (data, i);

      g_assert_true (g_utf8_validate (f->name, -1, NULL));
      for (guint b = 0; b < bl_basemap_data_get_n_bands (data); b++)
        for (guint p = 0; p < bl_basemap_feature_get_n_parts (data, f, b); p++)
          {
            gsize n;
            const gint32 *pts = bl_basemap_feature_get_part (data, f, b, p, &n);

            g_assert_cmpuint (n, >=, 2);
            for (gsize k = 0; k < n; k++)
              {
                double lon = pts[2 * k] / BL_BASEMAP_COORD_SCALE;
                double lat = pts[2 * k + 1] / BL_BASEMAP_COORD_SCALE;

                g_assert_true (bbox_contains (&region, lon, lat));
                if (b == bl_basemap_data_get_n_bands (data) - 1)
                  g_assert_true (bbox_contains (&f->bbox, lon, lat));
              }
          }
    }
}

static void
test_from_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlBasemapData) data = NULL;

  data = bl_basemap_data_new_from_file ("/nonexistent/basemap.bin", &error);
  g_assert_null (data);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* Loading must fail with a BL_ERROR, cleanly. */
static void
assert_rejected (const guint8 *buf,
                 gsize         len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (buf, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlBasemapData) data = bl_basemap_data_new_from_bytes (bytes, &error);

  g_assert_null (data);
  g_assert_nonnull (error);
  g_assert_true (error->domain == BL_ERROR);
  g_assert_nonnull (error->message);
}

/* Loading may succeed (a flipped byte in a coordinate or a name can still
 * make a valid file) but must not crash, and must give an error on
 * failure; whatever loads must be walkable. */
static void
assert_safe (const guint8 *buf,
             gsize         len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (buf, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlBasemapData) data = bl_basemap_data_new_from_bytes (bytes, &error);

  if (data == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == BL_ERROR);
      return;
    }
  g_assert_no_error (error);
  for (guint i = 0; i < bl_basemap_data_get_n_features (data); i++)
    {
      const BlBasemapFeature *f = bl_basemap_data_get_feature (data, i);

      g_assert_true (g_utf8_validate (f->code, -1, NULL));
      g_assert_true (g_utf8_validate (f->name_fa, -1, NULL));
      for (guint b = 0; b < bl_basemap_data_get_n_bands (data); b++)
        for (guint p = 0; p < bl_basemap_feature_get_n_parts (data, f, b); p++)
          {
            gsize n;
            const gint32 *pts = bl_basemap_feature_get_part (data, f, b, p, &n);
            volatile guint32 sum = 0;

            for (gsize k = 0; k < 2 * n; k++)
              sum += (guint32) pts[k];
          }
    }
}

static void
test_corrupt_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new (NULL, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlBasemapData) data = bl_basemap_data_new_from_bytes (bytes, &error);

  g_assert_null (data);
  g_assert_error (error, BL_ERROR, BL_ERROR_SYNTAX);
}

static void
put_u32 (guint8  *p,
         guint32  v)
{
  p[0] = v & 0xff;
  p[1] = (v >> 8) & 0xff;
  p[2] = (v >> 16) & 0xff;
  p[3] = (v >> 24) & 0xff;
}

static void
test_corrupt_truncated (void)
{
  g_autoptr(GBytes) bytes = load_real_bytes ();
  const guint8 *buf;
  gsize len;

  if (bytes == NULL)
    {
      g_test_skip ("no data file");
      return;
    }
  buf = g_bytes_get_data (bytes, &len);

  /* Every prefix of the first 4 KiB, then a sample of longer ones. */
  for (gsize n = 0; n < MIN (len, 4096); n++)
    assert_rejected (buf, n);
  for (gsize n = 4096; n < len; n += 997)
    assert_rejected (buf, n);
  assert_rejected (buf, len - 1);

  /* The same with the header's size field patched to match, so that the
   * section checks, not just the size check, see the short buffer. */
  {
    g_autofree guint8 *copy = g_memdup2 (buf, len);

    for (gsize n = 96; n < len; n += (n < 8192 ? 1 : 499))
      {
        put_u32 (copy + 16, n);
        assert_rejected (copy, n);
      }
  }

  /* Extra bytes at the end are an error too (the header has the size). */
  {
    g_autofree guint8 *longer = g_malloc0 (len + 16);

    memcpy (longer, buf, len);
    assert_rejected (longer, len + 16);
  }
}

static void
test_corrupt_header (void)
{
  g_autoptr(GBytes) bytes = load_real_bytes ();
  g_autofree guint8 *copy = NULL;
  const guint8 *buf;
  gsize len;

  if (bytes == NULL)
    {
      g_test_skip ("no data file");
      return;
    }
  buf = g_bytes_get_data (bytes, &len);
  copy = g_memdup2 (buf, len);

  /* Bad magic. */
  copy[0] = 'X';
  {
    g_autoptr(GBytes) b = g_bytes_new (copy, len);
    g_autoptr(GError) error = NULL;
    g_autoptr(BlBasemapData) data = bl_basemap_data_new_from_bytes (b, &error);

    g_assert_null (data);
    g_assert_error (error, BL_ERROR, BL_ERROR_SYNTAX);
  }
  memcpy (copy, buf, len);

  /* Wrong major version. */
  copy[8] = 2;
  {
    g_autoptr(GBytes) b = g_bytes_new (copy, len);
    g_autoptr(GError) error = NULL;
    g_autoptr(BlBasemapData) data = bl_basemap_data_new_from_bytes (b, &error);

    g_assert_null (data);
    g_assert_error (error, BL_ERROR, BL_ERROR_VERSION);
  }
  memcpy (copy, buf, len);

  /* Counts and offsets that overrun the buffer, or overflow 32 bits when
   * multiplied by the record size. Fields at 20..59 are counts and offsets,
   * 76 the record size. */
  for (gsize field = 20; field < 60; field += 4)
    {
      static const guint32 values[] = {
        0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffff8, 0x20000000,
      };

      for (gsize v = 0; v < G_N_ELEMENTS (values); v++)
        {
          put_u32 (copy + field, values[v]);
          assert_safe (copy, len);
          memcpy (copy, buf, len);
        }
    }
  put_u32 (copy + 76, 0xffffffff);
  assert_rejected (copy, len);
  put_u32 (copy + 76, 8);
  assert_rejected (copy, len);
}

static void
test_corrupt_strings (void)
{
  g_autoptr(GBytes) bytes = load_real_bytes ();
  g_autofree guint8 *copy = NULL;
  const guint8 *buf;
  gsize len;
  guint32 strings_off, strings_size;
  guint8 *str;
  guint8 *afg;

  if (bytes == NULL)
    {
      g_test_skip ("no data file");
      return;
    }
  buf = g_bytes_get_data (bytes, &len);
  copy = g_memdup2 (buf, len);
  strings_off = copy[56] | copy[57] << 8 | copy[58] << 16 | (guint32) copy[59] << 24;
  strings_size = copy[36] | copy[37] << 8 | copy[38] << 16 | (guint32) copy[39] << 24;
  str = copy + strings_off;

  /* Invalid UTF-8 in a name. */
  afg = NULL;
  for (guint32 i = 0; i + 12 <= strings_size && afg == NULL; i++)
    if (memcmp (str + i, "Afghanistan", 12) == 0)
      afg = str + i;
  if (afg == NULL)
    g_error ("no “Afghanistan” in the string table");
  afg[1] = 0xff;
  {
    g_autoptr(GBytes) b = g_bytes_new (copy, len);
    g_autoptr(GError) error = NULL;
    g_autoptr(BlBasemapData) data = bl_basemap_data_new_from_bytes (b, &error);

    g_assert_null (data);
    g_assert_error (error, BL_ERROR, BL_ERROR_ENCODING);
  }
  memcpy (copy, buf, len);

  /* A string table that does not end with a NUL. */
  str[strings_size - 1] = 'x';
  assert_rejected (copy, len);
}

static void
test_corrupt_flipped (void)
{
  g_autoptr(GBytes) bytes = load_real_bytes ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autofree guint8 *copy = NULL;
  const guint8 *buf;
  gsize len;
  guint n_rejected = 0;

  if (bytes == NULL)
    {
      g_test_skip ("no data file");
      return;
    }
  buf = g_bytes_get_data (bytes, &len);
  copy = g_memdup2 (buf, len);

  for (guint round = 0; round < 400; round++)
    {
      guint n_flips = 1 + g_rand_int_range (rand, 0, 4);
      g_autoptr(GBytes) b = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BlBasemapData) data = NULL;

      for (guint k = 0; k < n_flips; k++)
        {
          /* Half the flips in the header, bands and feature table, where
           * they matter most. */
          gsize at = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, MIN (len, 96 + 36 + 88 * 200))
                                           : g_rand_int_range (rand, 0, len);

          copy[at] ^= 1 << g_rand_int_range (rand, 0, 8);
        }
      assert_safe (copy, len);
      b = g_bytes_new (copy, len);
      data = bl_basemap_data_new_from_bytes (b, &error);
      if (data == NULL)
        n_rejected++;
      memcpy (copy, buf, len);
    }
  /* Sanity: the validation does reject many of them. */
  g_assert_cmpuint (n_rejected, >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/basemap-data/region", test_region);
  g_test_add_func ("/basemap-data/countries", test_countries);
  g_test_add_func ("/basemap-data/provinces", test_provinces);
  g_test_add_func ("/basemap-data/places", test_places);
  g_test_add_func ("/basemap-data/rivers", test_rivers);
  g_test_add_func ("/basemap-data/geometry-consistent", test_geometry_consistent);
  g_test_add_func ("/basemap-data/from-file", test_from_file);
  g_test_add_func ("/basemap-data/corrupt/empty", test_corrupt_empty);
  g_test_add_func ("/basemap-data/corrupt/truncated", test_corrupt_truncated);
  g_test_add_func ("/basemap-data/corrupt/header", test_corrupt_header);
  g_test_add_func ("/basemap-data/corrupt/strings", test_corrupt_strings);
  g_test_add_func ("/basemap-data/corrupt/flipped", test_corrupt_flipped);

  return g_test_run ();
}
