/* bl-online-source.c — OpenStreetMap tiles, fetched carefully
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlOnlineSource is a ShumateDataSource that downloads raster tiles with
 * Borderline's own SoupSession, because libshumate's tile downloader always
 * sends libshumate's User-Agent. It fetches only the tiles libshumate asks
 * for (no prefetching), at most two at a time, and keeps them in a
 * ShumateFileCache under the user's cache directory; a cached tile is shown
 * at once and, once older than #BlOnlineSource:revalidate-after, checked
 * again with If-None-Match (or If-Modified-Since when the server gave no
 * ETag), so an unchanged tile costs a 304.
 *
 * Each request is guarded by bl-http.c: an I/O timeout on the session, a
 * deadline for the whole request (so a server that trickles a byte a
 * second cannot hold a tile for ever), a cap on the body counted while
 * reading (and no content decoding, so nothing inflates behind the
 * count), only http and https, redirects followed by hand and never from
 * https to anything else, and TLS validated the default way. What arrives
 * must look like a PNG or JPEG before libshumate sees it.
 *
 * libshumate 1.0.3's ShumateRasterRenderer takes the image from the
 * ShumateDataSource::received-data signal, not from the finish function:
 * this source emits it for the cached tile and again for a fresh one.
 *
 * A failure (offline, DNS, TLS, an error status, a tile too large, too
 * slow) is reported once through #BlOnlineSource::failed, in words for a
 * toast, and not again until a tile arrives from the network; the window
 * then falls back to the offline map. Cancelled requests are silent.
 *
 * This file holds the class, its properties and API; fetching one tile
 * is in bl-online-source-tiles.c.
 *
 * Not here: drawing tiles (ShumateRasterRenderer, made by
 * bl_online_source_create_map_source()), choosing between the online and
 * the offline map (the window), the on-screen credit (the map's license
 * widget shows the map source's license).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "bl-http.h"
#include "bl-online-source-private.h"
#include "bl-uri.h"

#define USER_AGENT               BL_HTTP_USER_AGENT
#define MAX_CONNECTIONS          2
#define DEFAULT_TIMEOUT          15                    /* seconds */
#define DEFAULT_DEADLINE         30000                 /* milliseconds */
#define DEFAULT_MAX_SIZE         (2 * 1024 * 1024)     /* bytes */
#define DEFAULT_REVALIDATE_AFTER (7 * 24 * 60 * 60)    /* seconds */
#define DISK_CACHE_SIZE          (100 * 1000 * 1000)   /* bytes */

G_DEFINE_FINAL_TYPE (BlOnlineSource, bl_online_source, SHUMATE_TYPE_DATA_SOURCE)

G_DEFINE_QUARK (bl-online-source-error-quark, bl_online_source_error)

enum {
  PROP_0,
  PROP_URL_TEMPLATE,
  PROP_CACHE_DIR,
  PROP_USER_AGENT,
  PROP_TIMEOUT,
  PROP_DEADLINE,
  PROP_MAX_SIZE,
  PROP_REVALIDATE_AFTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

/* Tells of @error through ::failed, unless a failure was told already. */
void
bl_online_source_report_failure (BlOnlineSource *self,
                                 const GError   *error)
{
  if (self->failed)
    return;

  self->failed = TRUE;
  g_signal_emit (self, signals[FAILED], 0, error);
}

/* Callbacks */

static void
on_cache_purged (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* libshumate 1.0.3 may return FALSE without an error */
  if (!shumate_file_cache_purge_cache_finish (SHUMATE_FILE_CACHE (object), result, &error)
      && error != NULL)
    g_debug ("Could not purge the tile cache: %s", error->message);
}

/* Overrides */

static void
bl_online_source_constructed (GObject *object)
{
  BlOnlineSource *self = BL_ONLINE_SOURCE (object);
  g_autofree char *cache_key = NULL;

  G_OBJECT_CLASS (bl_online_source_parent_class)->constructed (object);

  if (self->url_template == NULL)
    self->url_template = g_strdup (BL_ONLINE_SOURCE_DEFAULT_URL_TEMPLATE);
  if (self->cache_dir == NULL)
    self->cache_dir = g_build_filename (g_get_user_cache_dir (), "borderline", "tiles", NULL);
  self->server_name = bl_online_source_make_server_name (self->url_template);

  /* tiles are images, already compressed: nothing to decode, and nothing
   * that could inflate past the size cap */
  self->session = bl_http_session_new (self->timeout, MAX_CONNECTIONS);

  /* one cache folder per template, so servers do not mix */
  cache_key = g_strcanon (g_strdup (self->url_template),
                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-",
                          '_');
  self->cache = shumate_file_cache_new_full (DISK_CACHE_SIZE, cache_key, self->cache_dir);
  shumate_file_cache_purge_cache_async (self->cache, self->cancellable, on_cache_purged, NULL);
}

static void
bl_online_source_dispose (GObject *object)
{
  BlOnlineSource *self = BL_ONLINE_SOURCE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    soup_session_abort (self->session);

  G_OBJECT_CLASS (bl_online_source_parent_class)->dispose (object);
}

static void
bl_online_source_finalize (GObject *object)
{
  BlOnlineSource *self = BL_ONLINE_SOURCE (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cache);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->url_template, g_free);
  g_clear_pointer (&self->cache_dir, g_free);
  g_clear_pointer (&self->server_name, g_free);

  G_OBJECT_CLASS (bl_online_source_parent_class)->finalize (object);
}

static void
bl_online_source_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BlOnlineSource *self = BL_ONLINE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      g_value_set_string (value, self->url_template);
      break;

    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;

    case PROP_USER_AGENT:
      g_value_set_string (value, USER_AGENT);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
      break;

    case PROP_MAX_SIZE:
      g_value_set_uint (value, self->max_size);
      break;

    case PROP_REVALIDATE_AFTER:
      g_value_set_uint (value, self->revalidate_after);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_uint_property (BlOnlineSource *self,
                   guint          *field,
                   guint           value,
                   guint           prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
bl_online_source_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BlOnlineSource *self = BL_ONLINE_SOURCE (object);

  switch (prop_id)
    {
    case PROP_URL_TEMPLATE:
      g_assert (self->url_template == NULL);
      self->url_template = g_value_dup_string (value);
      break;

    case PROP_CACHE_DIR:
      g_assert (self->cache_dir == NULL);
      self->cache_dir = g_value_dup_string (value);
      break;

    case PROP_TIMEOUT:
      set_uint_property (self, &self->timeout, g_value_get_uint (value), prop_id);
      if (self->session != NULL)
        soup_session_set_timeout (self->session, self->timeout);
      break;

    case PROP_DEADLINE:
      set_uint_property (self, &self->deadline, g_value_get_uint (value), prop_id);
      break;

    case PROP_MAX_SIZE:
      set_uint_property (self, &self->max_size, g_value_get_uint (value), prop_id);
      break;

    case PROP_REVALIDATE_AFTER:
      set_uint_property (self, &self->revalidate_after, g_value_get_uint (value), prop_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_online_source_class_init (BlOnlineSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  ShumateDataSourceClass *source_class = SHUMATE_DATA_SOURCE_CLASS (klass);

  object_class->constructed = bl_online_source_constructed;
  object_class->dispose = bl_online_source_dispose;
  object_class->finalize = bl_online_source_finalize;
  object_class->get_property = bl_online_source_get_property;
  object_class->set_property = bl_online_source_set_property;

  source_class->get_tile_data_async = bl_online_source_get_tile_data_async;
  source_class->get_tile_data_finish = bl_online_source_get_tile_data_finish;

  /**
   * BlOnlineSource:url-template:
   *
   * Where tiles come from: an http or https URL in which `{z}`, `{x}` and
   * `{y}` stand for the zoom level, column and row. %NULL for
   * %BL_ONLINE_SOURCE_DEFAULT_URL_TEMPLATE.
   */
  properties[PROP_URL_TEMPLATE] =
    g_param_spec_string ("url-template", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * BlOnlineSource:cache-dir:
   *
   * The folder of the tile cache; %NULL for `borderline/tiles` in the
   * user's cache folder.
   */
  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * BlOnlineSource:user-agent:
   *
   * The User-Agent sent with every request: Borderline's name, version
   * and web address, as tile servers' usage policies ask.
   */
  properties[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL,
                         USER_AGENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * BlOnlineSource:timeout:
   *
   * Seconds of silence after which a connection is given up.
   */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, 600, DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BlOnlineSource:deadline:
   *
   * Milliseconds a whole request (redirects included) may take; a slower
   * one is cancelled and counts as a timeout. Applies to requests started
   * after it is set.
   */
  properties[PROP_DEADLINE] =
    g_param_spec_uint ("deadline", NULL, NULL,
                       10, 10 * 60 * 1000, DEFAULT_DEADLINE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BlOnlineSource:max-size:
   *
   * The largest tile, in bytes, accepted; the download of a larger one is
   * cut off.
   */
  properties[PROP_MAX_SIZE] =
    g_param_spec_uint ("max-size", NULL, NULL,
                       1024, 256 * 1024 * 1024, DEFAULT_MAX_SIZE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * BlOnlineSource:revalidate-after:
   *
   * Seconds a cached tile is used without asking the server; an older one
   * is shown, then checked with a conditional request.
   */
  properties[PROP_REVALIDATE_AFTER] =
    g_param_spec_uint ("revalidate-after", NULL, NULL,
                       0, G_MAXUINT, DEFAULT_REVALIDATE_AFTER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BlOnlineSource::failed:
   * @self: the source
   * @error: what went wrong, in a sentence to show as it is
   *
   * Emitted when a tile could not be fetched (and none was cached): no
   * connection, an error status, a tile too large or too slow. Emitted
   * once, and not again until a tile has arrived from the network or
   * bl_online_source_reset_failure() is called, so the window can show one
   * toast and fall back to the offline map. Never emitted for cancelled
   * requests.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
bl_online_source_init (BlOnlineSource *self)
{
  self->cancellable = g_cancellable_new ();
}

/* Public API */

/**
 * bl_online_source_new:
 * @url_template: (nullable): where tiles come from (see
 *   #BlOnlineSource:url-template); %NULL for OpenStreetMap's standard tiles
 *
 * Returns: (transfer full): a new data source
 */
BlOnlineSource *
bl_online_source_new (const char *url_template)
{
  return g_object_new (BL_TYPE_ONLINE_SOURCE,
                       "url-template", url_template,
                       NULL);
}

/**
 * bl_online_source_get_url_template:
 * @self: a #BlOnlineSource
 *
 * Returns: where tiles come from
 */
const char *
bl_online_source_get_url_template (BlOnlineSource *self)
{
  g_return_val_if_fail (BL_IS_ONLINE_SOURCE (self), NULL);

  return self->url_template;
}

/**
 * bl_online_source_get_cache_dir:
 * @self: a #BlOnlineSource
 *
 * Returns: the folder of the tile cache
 */
const char *
bl_online_source_get_cache_dir (BlOnlineSource *self)
{
  g_return_val_if_fail (BL_IS_ONLINE_SOURCE (self), NULL);

  return self->cache_dir;
}

/**
 * bl_online_source_get_user_agent:
 * @self: a #BlOnlineSource
 *
 * Returns: the User-Agent sent with every request
 */
const char *
bl_online_source_get_user_agent (BlOnlineSource *self)
{
  g_return_val_if_fail (BL_IS_ONLINE_SOURCE (self), NULL);

  return USER_AGENT;
}

/**
 * bl_online_source_create_map_source:
 * @self: a #BlOnlineSource
 *
 * Makes the map source that draws this source's tiles, credited to the
 * OpenStreetMap contributors with a link to their licence, for a
 * #ShumateMapLayer and the map's #ShumateLicense.
 *
 * Returns: (transfer full): a new map source
 */
ShumateMapSource *
bl_online_source_create_map_source (BlOnlineSource *self)
{
  g_return_val_if_fail (BL_IS_ONLINE_SOURCE (self), NULL);

  return SHUMATE_MAP_SOURCE (shumate_raster_renderer_new_full (BL_ONLINE_SOURCE_ID,
                                                               _("OpenStreetMap"),
                                                               _("© OpenStreetMap contributors"),
                                                               "https://www.openstreetmap.org/copyright",
                                                               BL_ONLINE_SOURCE_MIN_ZOOM, BL_ONLINE_SOURCE_MAX_ZOOM, 256,
                                                               SHUMATE_MAP_PROJECTION_MERCATOR,
                                                               SHUMATE_DATA_SOURCE (self)));
}

/**
 * bl_online_source_cancel_all:
 * @self: a #BlOnlineSource
 *
 * Cancels every request in flight, silently, as when the window closes.
 * Later requests are served as usual.
 */
void
bl_online_source_cancel_all (BlOnlineSource *self)
{
  g_return_if_fail (BL_IS_ONLINE_SOURCE (self));

  bl_http_cancel_all (&self->cancellable);
}

/**
 * bl_online_source_reset_failure:
 * @self: a #BlOnlineSource
 *
 * Lets the next failure be reported again through #BlOnlineSource::failed,
 * as when the user turns the online map back on.
 */
void
bl_online_source_reset_failure (BlOnlineSource *self)
{
  g_return_if_fail (BL_IS_ONLINE_SOURCE (self));

  self->failed = FALSE;
}

/**
 * bl_online_source_redirect_allowed:
 * @from: the address that answered with a redirect
 * @to: where it redirects to
 *
 * The redirect policy: only to http or https addresses with a host, and
 * never from https to anything but https.
 *
 * Returns: whether the redirect may be followed
 */
gboolean
bl_online_source_redirect_allowed (GUri *from,
                                   GUri *to)
{
  return bl_uri_redirect_allowed (from, to);
}

/**
 * bl_online_source_get_n_cache_writes:
 *
 * Returns: how many tiles have been written to the disk cache so far
 *   (finished, successfully or not)
 */
guint
bl_online_source_get_n_cache_writes (BlOnlineSource *self)
{
  g_return_val_if_fail (BL_IS_ONLINE_SOURCE (self), 0);
  return self->n_cache_writes;
}
