/* test-basemap-source.c — the offline basemap as a libshumate map source
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fills ShumateTiles through the public ShumateMapSource API, as
 * libshumate's map layer does, and checks what the map would show: a
 * texture of the right size drawn off the main thread, the map around
 * Kunduz rather than plain background, the HiDPI size, the LRU cache,
 * cancellation, and an empty-but-working map from bad data.
 *
 * A display test (GTK is initialised): run it under
 * tests/run-display-test.sh.
 *
 * The basemap comes from BL_SOURCE_DIR "/data/basemap/basemap.bin" on the
 * file system, so the test also runs outside meson, where the program has
 * no GResource; bl_basemap_source_new_default() is checked against
 * whatever the program was linked with (the resource when the GUI
 * resources are linked in, the clear error and an empty map otherwise).
 */
#include "config.h"

#include <gtk/gtk.h>
#include <shumate/shumate.h>
#include <string.h>

#include "bl-basemap-source.h"
#include "bl-projection.h"
#include "display-helpers.h"
#include "test-helpers.h"

#define KUNDUZ_LON 68.86
#define KUNDUZ_LAT 36.73
#define WAIT_SECONDS 20

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} FillResult;

static BlBasemapSource *
new_source (void)
{
  g_autoptr(BlBasemapData) data = bl_test_load_basemap ();
  g_autoptr(BlBasemapRenderer) renderer = bl_basemap_renderer_new (data);

  return bl_basemap_source_new (renderer);
}

static void
kunduz_tile (guint  zoom,
             guint *x,
             guint *y)
{
  double wx, wy;

  bl_projection_lonlat_to_world (KUNDUZ_LON, KUNDUZ_LAT, zoom, &wx, &wy);
  *x = (guint) (wx / BL_PROJECTION_TILE_SIZE);
  *y = (guint) (wy / BL_PROJECTION_TILE_SIZE);
}

static void
on_filled (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  FillResult *r = user_data;

  r->ok = shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &r->error);
  r->done = TRUE;
}

/* Runs the main loop until @r is done; fails after WAIT_SECONDS. */
static void
wait_for (FillResult *r)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!r->done)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %d s", WAIT_SECONDS);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static gboolean
fill (BlBasemapSource *source,
      ShumateTile     *tile,
      GCancellable    *cancellable,
      GError         **error)
{
  FillResult r = { 0 };

  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, cancellable,
                                      on_filled, &r);
  wait_for (&r);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

/* How many different colours the tile's texture has. */
static guint
count_colours (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture);
  int h = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) w * h);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) w * 4);
  for (gsize i = 0; i < (gsize) w * h; i++)
    g_hash_table_add (colours, GUINT_TO_POINTER (pixels[i]));
  return g_hash_table_size (colours);
}

static void
on_notify_count (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
assert_tile_texture (ShumateTile *tile,
                     int          size)
{
  GdkPaintable *paintable = shumate_tile_get_paintable (tile);

  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
  g_assert_nonnull (paintable);
  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (paintable)), ==, size);
  g_assert_cmpint (gdk_texture_get_height (GDK_TEXTURE (paintable)), ==, size);
}

static void
test_properties (void)
{
  g_autoptr(BlBasemapSource) source = new_source ();
  ShumateMapSource *map_source = SHUMATE_MAP_SOURCE (source);

  g_assert_cmpstr (shumate_map_source_get_id (map_source), ==, "borderline-offline");
  g_assert_cmpstr (shumate_map_source_get_name (map_source), ==, "Borderline (offline)");
  g_assert_cmpstr (shumate_map_source_get_license (map_source), ==, "Natural Earth, GeoNames");
  g_assert_true (g_str_has_prefix (shumate_map_source_get_license_uri (map_source),
                                   "https://www.naturalearthdata.com"));
  g_assert_cmpuint (shumate_map_source_get_min_zoom_level (map_source), ==, 3);
  g_assert_cmpuint (shumate_map_source_get_max_zoom_level (map_source), ==, 14);
  g_assert_cmpuint (shumate_map_source_get_tile_size (map_source), ==, 256);
  g_assert_cmpint (shumate_map_source_get_projection (map_source), ==, SHUMATE_MAP_PROJECTION_MERCATOR);
  g_assert_cmpint (bl_basemap_source_get_scale_factor (source), ==, 1);
  g_assert_nonnull (bl_basemap_source_get_renderer (source));
}

static void
test_fill_kunduz (void)
{
  g_autoptr(BlBasemapSource) source = new_source ();
  g_autoptr(ShumateTile) tile = NULL;
  g_autoptr(GError) error = NULL;
  guint x, y;

  kunduz_tile (8, &x, &y);
  tile = shumate_tile_new_full (x, y, 256, 8);
  g_assert_true (fill (source, tile, NULL, &error));
  g_assert_no_error (error);
  assert_tile_texture (tile, 256);

  /* borders, rivers, labels: far more than the background */
  g_assert_cmpuint (count_colours (GDK_TEXTURE (shumate_tile_get_paintable (tile))), >, 50);
}

static void
test_fill_hidpi (void)
{
  g_autoptr(BlBasemapSource) source = new_source ();
  g_autoptr(ShumateTile) tile = NULL;
  g_autoptr(ShumateTile) tile1 = NULL;
  g_autoptr(GError) error = NULL;
  guint notified = 0;
  guint x, y;

  g_signal_connect (source, "notify::scale-factor", G_CALLBACK (on_notify_count), &notified);
  bl_basemap_source_set_scale_factor (source, 2);
  bl_basemap_source_set_scale_factor (source, 2);
  g_assert_cmpuint (notified, ==, 1);

  kunduz_tile (8, &x, &y);
  tile = shumate_tile_new_full (x, y, 256, 8);
  g_assert_true (fill (source, tile, NULL, &error));
  g_assert_no_error (error);
  assert_tile_texture (tile, 512);

  /* the same tile at scale 1 is another texture */
  bl_basemap_source_set_scale_factor (source, 1);
  tile1 = shumate_tile_new_full (x, y, 256, 8);
  g_assert_true (fill (source, tile1, NULL, &error));
  g_assert_no_error (error);
  assert_tile_texture (tile1, 256);
  g_assert_cmpuint (bl_basemap_source_get_n_cached (source), ==, 2);
}

static void
test_cache (void)
{
  g_autoptr(BlBasemapSource) source = new_source ();
  g_autoptr(ShumateTile) first = NULL;
  g_autoptr(ShumateTile) again = NULL;
  g_autoptr(GError) error = NULL;
  guint x, y;

  kunduz_tile (9, &x, &y);
  first = shumate_tile_new_full (x, y, 256, 9);
  g_assert_true (fill (source, first, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bl_basemap_source_get_n_cached (source), ==, 1);

  again = shumate_tile_new_full (x, y, 256, 9);
  g_assert_true (fill (source, again, NULL, &error));
  g_assert_no_error (error);
  assert_tile_texture (again, 256);
  g_assert_true (shumate_tile_get_paintable (again) == shumate_tile_get_paintable (first));
  g_assert_cmpuint (bl_basemap_source_get_n_cached (source), ==, 1);

  bl_basemap_source_clear_cache (source);
  g_assert_cmpuint (bl_basemap_source_get_n_cached (source), ==, 0);
}

/* Many tiles at once, on the worker threads; the cache stays bounded. */
static void
test_many (void)
{
  g_autoptr(BlBasemapSource) source = new_source ();
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func (g_object_unref);
  FillResult results[64] = { 0 };
  guint x, y;

  kunduz_tile (10, &x, &y);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      ShumateTile *tile = shumate_tile_new_full (x - 4 + i % 8, y - 4 + i / 8, 256, 10);

      g_ptr_array_add (tiles, tile);
      shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL,
                                          on_filled, &results[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      wait_for (&results[i]);
      g_assert_no_error (results[i].error);
      g_assert_true (results[i].ok);
      assert_tile_texture (tiles->pdata[i], 256);
    }
  g_assert_cmpuint (bl_basemap_source_get_n_cached (source), ==, G_N_ELEMENTS (results));
}

static void
test_cancel (void)
{
  g_autoptr(BlBasemapSource) source = new_source ();
  g_autoptr(GCancellable) before = g_cancellable_new ();
  g_autoptr(ShumateTile) tile = NULL;
  g_autoptr(GError) error = NULL;
  FillResult results[16] = { 0 };
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GCancellable) during = g_cancellable_new ();
  guint x, y, n_cancelled = 0;

  /* cancelled before it starts */
  kunduz_tile (11, &x, &y);
  tile = shumate_tile_new_full (x, y, 256, 11);
  g_cancellable_cancel (before);
  g_assert_false (fill (source, tile, before, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (shumate_tile_get_paintable (tile));
  g_clear_error (&error);

  /* cancelled while the worker threads draw: every request returns,
   * cancelled ones without a texture */
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      ShumateTile *t = shumate_tile_new_full (x + i, y + 1, 256, 11);

      g_ptr_array_add (tiles, t);
      shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), t, during,
                                          on_filled, &results[i]);
    }
  g_cancellable_cancel (during);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      wait_for (&results[i]);
      if (results[i].ok)
        {
          g_assert_no_error (results[i].error);
          assert_tile_texture (tiles->pdata[i], 256);
        }
      else
        {
          g_assert_error (results[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_null (shumate_tile_get_paintable (tiles->pdata[i]));
          g_clear_error (&results[i].error);
          n_cancelled++;
        }
    }
  g_assert_cmpuint (n_cancelled, >, 0);

  /* the source still works */
  g_clear_object (&tile);
  tile = shumate_tile_new_full (x, y, 256, 11);
  g_assert_true (fill (source, tile, NULL, &error));
  g_assert_no_error (error);
  assert_tile_texture (tile, 256);
}

static void
test_no_such_tile (void)
{
  g_autoptr(BlBasemapSource) source = new_source ();
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (300, 2, 256, 8);
  g_autoptr(GError) error = NULL;

  g_assert_false (fill (source, tile, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (shumate_tile_get_paintable (tile));
}

/* Bad data: a clear error, and a map that still fills, plain. */
static void
test_garbage_data (void)
{
  static const char garbage[] = "this is not a basemap file, just some text \x01\x02\x03";
  g_autoptr(GBytes) bytes = g_bytes_new_static (garbage, sizeof garbage);
  g_autoptr(BlBasemapSource) source = NULL;
  g_autoptr(ShumateTile) tile = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) fill_error = NULL;
  guint x, y;

  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "Offline basemap data: *");
  source = bl_basemap_source_new_from_bytes (bytes, &error);
  g_test_assert_expected_messages ();

  g_assert_nonnull (source);
  g_assert_nonnull (error);
  g_assert_true (strstr (error->message, "offline map data could not be read") != NULL);
  g_test_message ("error: %s", error->message);

  kunduz_tile (8, &x, &y);
  tile = shumate_tile_new_full (x, y, 256, 8);
  g_assert_true (fill (source, tile, NULL, &fill_error));
  g_assert_no_error (fill_error);
  assert_tile_texture (tile, 256);
  g_assert_cmpuint (count_colours (GDK_TEXTURE (shumate_tile_get_paintable (tile))), ==, 1);
}

static void
test_default (void)
{
  g_autoptr(GBytes) resource = NULL;
  g_autoptr(BlBasemapSource) source = NULL;
  g_autoptr(ShumateTile) tile = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) fill_error = NULL;
  guint x, y;

  resource = g_resources_lookup_data (BL_BASEMAP_SOURCE_RESOURCE, 0, NULL);
  if (resource == NULL)
    g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "Offline basemap data: *");
  source = bl_basemap_source_new_default (&error);
  g_test_assert_expected_messages ();
  g_assert_nonnull (source);

  if (resource != NULL)
    g_assert_no_error (error);
  else
    {
      g_test_message ("no basemap resource linked in: %s", error->message);
      g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
      g_assert_true (strstr (error->message, "offline map data is missing") != NULL);
    }

  kunduz_tile (8, &x, &y);
  tile = shumate_tile_new_full (x, y, 256, 8);
  g_assert_true (fill (source, tile, NULL, &fill_error));
  g_assert_no_error (fill_error);
  assert_tile_texture (tile, 256);
  if (resource != NULL)
    g_assert_cmpuint (count_colours (GDK_TEXTURE (shumate_tile_get_paintable (tile))), >, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/basemap-source/properties", test_properties);
  g_test_add_func ("/basemap-source/fill-kunduz", test_fill_kunduz);
  g_test_add_func ("/basemap-source/fill-hidpi", test_fill_hidpi);
  g_test_add_func ("/basemap-source/cache", test_cache);
  g_test_add_func ("/basemap-source/many", test_many);
  g_test_add_func ("/basemap-source/cancel", test_cancel);
  g_test_add_func ("/basemap-source/no-such-tile", test_no_such_tile);
  g_test_add_func ("/basemap-source/garbage-data", test_garbage_data);
  g_test_add_func ("/basemap-source/default", test_default);

  return bl_test_run_display ();
}
