/* bl-basemap-source.c — the offline basemap as a libshumate map source
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlBasemapSource hands libshumate the tiles of Borderline's own basemap:
 * each tile is drawn by core's BlBasemapRenderer into a cairo image surface
 * on a worker thread (the renderer draws from any number of threads at
 * once), wrapped in a GdkMemoryTexture and set on the ShumateTile back on
 * the main thread. A cancelled request returns at once and its drawing is
 * thrown away. The most recent textures are kept in a small LRU cache, so
 * panning back and forth does not draw the same tiles again.
 *
 * libshumate 1.0.3's ShumateTile has no scale factor: the map view sets
 * #BlBasemapSource:scale-factor to the widget's scale factor, and tiles are
 * drawn at 256 × scale pixels, which libshumate paints into 256 logical
 * pixels.
 *
 * Not here: the drawing itself (core's renderer), markers and claims, the
 * online layer (BlOnlineSource).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-basemap-source.h"
#include "bl-text.h"

#define MIN_ZOOM          3
#define MAX_ZOOM          14
#define TILE_SIZE         256
#define MAX_SCALE_FACTOR  4
#define CACHE_MAX_TILES   512
#define CACHE_MAX_BYTES   (128 * 1024 * 1024)

struct _BlBasemapSource
{
  ShumateMapSource   parent_instance;

  /* owned */
  BlBasemapRenderer *renderer;
  GHashTable        *cache_index;   /* guint64 key → GList link in cache_lru */
  GQueue             cache_lru;     /* of CacheEntry, most recent first */
  gsize              cache_bytes;

  int                scale_factor;
};

/* A cached texture. */
typedef struct
{
  guint64     key;
  GdkTexture *texture;
  gsize       size;
} CacheEntry;

/* What a worker thread needs to draw one tile; owns a renderer reference. */
typedef struct
{
  BlBasemapRenderer *renderer;
  guint              zoom;
  guint              x;
  guint              y;
  int                scale_factor;
} RenderJob;

G_DEFINE_FINAL_TYPE (BlBasemapSource, bl_basemap_source, SHUMATE_TYPE_MAP_SOURCE)

enum {
  PROP_0,
  PROP_SCALE_FACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static guint64
tile_key (guint zoom,
          guint x,
          guint y,
          int   scale_factor)
{
  /* zoom ≤ 18 and x, y < 2^18 at the renderer's largest zoom */
  return ((guint64) zoom << 56) | ((guint64) scale_factor << 48)
         | ((guint64) x << 24) | (guint64) y;
}

static void
cache_entry_free (CacheEntry *entry)
{
  g_clear_object (&entry->texture);
  g_free (entry);
}

static void
render_job_free (RenderJob *job)
{
  g_clear_pointer (&job->renderer, bl_basemap_renderer_unref);
  g_free (job);
}

static GdkTexture *
cache_lookup (BlBasemapSource *self,
              guint64          key)
{
  GList *link = g_hash_table_lookup (self->cache_index, &key);
  CacheEntry *entry;

  if (link == NULL)
    return NULL;

  /* most recently used goes to the front */
  g_queue_unlink (&self->cache_lru, link);
  g_queue_push_head_link (&self->cache_lru, link);
  entry = link->data;
  return entry->texture;
}

static void
cache_evict_tail (BlBasemapSource *self)
{
  CacheEntry *entry = g_queue_pop_tail (&self->cache_lru);

  g_assert (entry != NULL);
  g_hash_table_remove (self->cache_index, &entry->key);
  self->cache_bytes -= entry->size;
  cache_entry_free (entry);
}

static void
cache_insert (BlBasemapSource *self,
              guint64          key,
              GdkTexture      *texture)
{
  CacheEntry *entry;

  if (g_hash_table_contains (self->cache_index, &key))
    return;

  entry = g_new0 (CacheEntry, 1);
  entry->key = key;
  entry->texture = g_object_ref (texture);
  entry->size = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;

  while (self->cache_lru.length > 0
         && (self->cache_lru.length >= CACHE_MAX_TILES
             || self->cache_bytes + entry->size > CACHE_MAX_BYTES))
    cache_evict_tail (self);

  g_queue_push_head (&self->cache_lru, entry);
  g_hash_table_insert (self->cache_index, &entry->key, self->cache_lru.head);
  self->cache_bytes += entry->size;
}

static void
finish_tile (ShumateTile *tile,
             GdkTexture  *texture)
{
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
}

/**
 * bl_basemap_source_wait_for_renders:
 *
 * Blocks until no map tile, export preview or export is being drawn on a
 * worker thread (bl_text_wait_for_workers()). Call it once
 * the main loop has stopped and before the process exits.
 */
void
bl_basemap_source_wait_for_renders (void)
{
  /* tiles, export previews and exports alike: see bl-text.c */
  bl_text_wait_for_workers ();
}

static void render_tile (GTask *task, RenderJob *job);

/* Runs on a worker thread: nothing here may touch the tile or the source. */
static void
render_tile_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  render_tile (task, task_data);
  bl_text_worker_end ();
}

static void
render_tile (GTask     *task,
             RenderJob *job)
{
  int size = TILE_SIZE * job->scale_factor;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean drawn;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  int stride;

  if (g_task_return_error_if_cancelled (task))
    return;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not draw map tile %u/%u/%u: %s"),
                               job->zoom, job->x, job->y,
                               cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return;
    }

  cr = cairo_create (surface);
  drawn = bl_basemap_renderer_render_tile (job->renderer, cr, job->zoom, job->x, job->y,
                                           job->scale_factor);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (!drawn)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("There is no map tile %u/%u/%u"),
                               job->zoom, job->x, job->y);
      cairo_surface_destroy (surface);
      return;
    }

  /* cairo's ARGB32 is premultiplied, in native-endian 32-bit words: the
   * same layout as GDK_MEMORY_DEFAULT. The bytes keep the surface alive. */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * size,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      surface);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes, stride);

  /* if the request was cancelled meanwhile, it has already returned */
  if (!g_task_set_return_on_cancel (task, FALSE))
    {
      g_object_unref (texture);
      return;
    }

  g_task_return_pointer (task, texture, g_object_unref);
}

/* Callbacks */

static void
on_tile_rendered (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BlBasemapSource *self = BL_BASEMAP_SOURCE (object);
  g_autoptr(GTask) task = user_data;
  ShumateTile *tile = g_task_get_task_data (task);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = NULL;
  GError *error = NULL;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (texture == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  cache_insert (self, tile_key (job->zoom, job->x, job->y, job->scale_factor), texture);
  finish_tile (tile, texture);
  g_task_return_boolean (task, TRUE);
}

/* Overrides */

static void
bl_basemap_source_fill_tile_async (ShumateMapSource    *source,
                                   ShumateTile         *tile,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  BlBasemapSource *self = BL_BASEMAP_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  GTask *render_task;
  RenderJob *job;
  GdkTexture *texture;
  guint zoom, x, y;

  g_return_if_fail (SHUMATE_IS_TILE (tile));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_basemap_source_fill_tile_async);
  g_task_set_task_data (task, g_object_ref (tile), g_object_unref);

  zoom = shumate_tile_get_zoom_level (tile);
  x = shumate_tile_get_x (tile);
  y = shumate_tile_get_y (tile);

  if (zoom > BL_BASEMAP_RENDERER_MAX_ZOOM || x >= 1u << zoom || y >= 1u << zoom)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("There is no map tile %u/%u/%u"), zoom, x, y);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  texture = cache_lookup (self, tile_key (zoom, x, y, self->scale_factor));
  if (texture != NULL)
    {
      shumate_tile_set_fade_in (tile, FALSE);
      finish_tile (tile, texture);
      g_task_return_boolean (task, TRUE);
      return;
    }

  job = g_new0 (RenderJob, 1);
  job->renderer = bl_basemap_renderer_ref (self->renderer);
  job->zoom = zoom;
  job->x = x;
  job->y = y;
  job->scale_factor = self->scale_factor;

  render_task = g_task_new (self, cancellable, on_tile_rendered, g_steal_pointer (&task));
  g_task_set_source_tag (render_task, render_tile_in_thread);
  g_task_set_task_data (render_task, job, (GDestroyNotify) render_job_free);
  g_task_set_return_on_cancel (render_task, TRUE);
  bl_text_worker_begin ();
  g_task_run_in_thread (render_task, render_tile_in_thread);
  g_object_unref (render_task);
}

static gboolean
bl_basemap_source_fill_tile_finish (ShumateMapSource  *source,
                                    GAsyncResult      *result,
                                    GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
bl_basemap_source_finalize (GObject *object)
{
  BlBasemapSource *self = BL_BASEMAP_SOURCE (object);

  bl_basemap_source_clear_cache (self);
  g_clear_pointer (&self->cache_index, g_hash_table_unref);
  g_clear_pointer (&self->renderer, bl_basemap_renderer_unref);

  G_OBJECT_CLASS (bl_basemap_source_parent_class)->finalize (object);
}

static void
bl_basemap_source_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BlBasemapSource *self = BL_BASEMAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_SCALE_FACTOR:
      g_value_set_int (value, self->scale_factor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_basemap_source_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BlBasemapSource *self = BL_BASEMAP_SOURCE (object);

  switch (prop_id)
    {
    case PROP_SCALE_FACTOR:
      bl_basemap_source_set_scale_factor (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_basemap_source_class_init (BlBasemapSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateMapSourceClass *source_class = SHUMATE_MAP_SOURCE_CLASS (klass);

  object_class->finalize = bl_basemap_source_finalize;
  object_class->get_property = bl_basemap_source_get_property;
  object_class->set_property = bl_basemap_source_set_property;

  source_class->fill_tile_async = bl_basemap_source_fill_tile_async;
  source_class->fill_tile_finish = bl_basemap_source_fill_tile_finish;

  /**
   * BlBasemapSource:scale-factor:
   *
   * Device pixels per logical pixel of the map widget: tiles are drawn
   * at 256 × this many pixels. Set it to the map widget's scale factor.
   */
  properties[PROP_SCALE_FACTOR] =
    g_param_spec_int ("scale-factor", NULL, NULL,
                      1, MAX_SCALE_FACTOR, 1,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_basemap_source_init (BlBasemapSource *self)
{
  self->scale_factor = 1;
  self->cache_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_queue_init (&self->cache_lru);
}

/* Public API */

/**
 * bl_basemap_source_new:
 * @renderer: the renderer that draws the tiles
 *
 * Returns: (transfer full): a map source serving @renderer's tiles for
 *   zoom levels 3 to 14
 */
BlBasemapSource *
bl_basemap_source_new (BlBasemapRenderer *renderer)
{
  BlBasemapSource *self;

  g_return_val_if_fail (renderer != NULL, NULL);

  self = g_object_new (BL_TYPE_BASEMAP_SOURCE,
                       "id", BL_BASEMAP_SOURCE_ID,
                       "name", _("Borderline (offline)"),
                       /* Translators: the credit line of the offline map */
                       "license", _("Natural Earth, GeoNames"),
                       "license-uri", "https://www.naturalearthdata.com/",
                       "min-zoom-level", MIN_ZOOM,
                       "max-zoom-level", MAX_ZOOM,
                       "tile-size", TILE_SIZE,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
  self->renderer = bl_basemap_renderer_ref (renderer);

  return self;
}

/**
 * bl_basemap_source_new_from_bytes:
 * @bytes: the contents of a basemap data file
 * @error: where to report data that cannot be read
 *
 * Creates a source for the basemap in @bytes. Data that cannot be read is
 * logged and reported in @error, and the source then draws an empty map
 * (the background only), so the map still works.
 *
 * Returns: (transfer full): a map source, never %NULL
 */
BlBasemapSource *
bl_basemap_source_new_from_bytes (GBytes  *bytes,
                                  GError **error)
{
  g_autoptr(BlBasemapData) data = NULL;
  g_autoptr(BlBasemapRenderer) renderer = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = bl_basemap_data_new_from_bytes (bytes, &local_error);
  if (data == NULL)
    {
      g_warning ("Offline basemap data: %s", local_error->message);
      g_set_error (error, local_error->domain, local_error->code,
                   _("The offline map data could not be read (%s). The map shows no borders or places."),
                   local_error->message);
    }

  renderer = bl_basemap_renderer_new (data);
  return bl_basemap_source_new (renderer);
}

/**
 * bl_basemap_source_new_default:
 * @error: where to report a missing or unreadable basemap
 *
 * Creates a source for the basemap built into the application, the
 * resource %BL_BASEMAP_SOURCE_RESOURCE. If it is missing or cannot be
 * read, the problem is logged and reported in @error (for the window to
 * show once), and the source draws an empty map.
 *
 * Returns: (transfer full): a map source, never %NULL
 */
BlBasemapSource *
bl_basemap_source_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BlBasemapRenderer) renderer = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (BL_BASEMAP_SOURCE_RESOURCE,
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes != NULL)
    return bl_basemap_source_new_from_bytes (bytes, error);

  g_warning ("Offline basemap data: %s", local_error->message);
  g_set_error (error, local_error->domain, local_error->code,
               _("The offline map data is missing (%s). The map shows no borders or places."),
               local_error->message);

  renderer = bl_basemap_renderer_new (NULL);
  return bl_basemap_source_new (renderer);
}

/**
 * bl_basemap_source_get_renderer:
 * @self: a #BlBasemapSource
 *
 * Returns: (transfer none): the renderer that draws the tiles
 */
BlBasemapRenderer *
bl_basemap_source_get_renderer (BlBasemapSource *self)
{
  g_return_val_if_fail (BL_IS_BASEMAP_SOURCE (self), NULL);

  return self->renderer;
}

/**
 * bl_basemap_source_get_scale_factor:
 * @self: a #BlBasemapSource
 *
 * Returns: the scale factor tiles are drawn at
 */
int
bl_basemap_source_get_scale_factor (BlBasemapSource *self)
{
  g_return_val_if_fail (BL_IS_BASEMAP_SOURCE (self), 1);

  return self->scale_factor;
}

/**
 * bl_basemap_source_set_scale_factor:
 * @self: a #BlBasemapSource
 * @scale_factor: device pixels per logical pixel, 1 to 4
 *
 * Sets the scale factor the next tiles are drawn at. Tiles already shown
 * keep theirs until libshumate asks for them again.
 */
void
bl_basemap_source_set_scale_factor (BlBasemapSource *self,
                                    int              scale_factor)
{
  g_return_if_fail (BL_IS_BASEMAP_SOURCE (self));

  scale_factor = CLAMP (scale_factor, 1, MAX_SCALE_FACTOR);
  if (self->scale_factor == scale_factor)
    return;

  self->scale_factor = scale_factor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE_FACTOR]);
}

/**
 * bl_basemap_source_clear_cache:
 * @self: a #BlBasemapSource
 *
 * Forgets the cached tile textures, as when the system is short of memory.
 */
void
bl_basemap_source_clear_cache (BlBasemapSource *self)
{
  g_return_if_fail (BL_IS_BASEMAP_SOURCE (self));

  g_hash_table_remove_all (self->cache_index);
  g_queue_clear_full (&self->cache_lru, (GDestroyNotify) cache_entry_free);
  self->cache_bytes = 0;
}

/**
 * bl_basemap_source_get_n_cached:
 * @self: a #BlBasemapSource
 *
 * Returns: how many tile textures the cache holds
 */
guint
bl_basemap_source_get_n_cached (BlBasemapSource *self)
{
  g_return_val_if_fail (BL_IS_BASEMAP_SOURCE (self), 0);

  return self->cache_lru.length;
}
