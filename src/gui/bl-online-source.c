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
 * Not here: drawing tiles (ShumateRasterRenderer, made by
 * bl_online_source_create_map_source()), choosing between the online and
 * the offline map (the window), the on-screen credit (the map's license
 * widget shows the map source's license).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "bl-http.h"
#include "bl-online-source.h"
#include "bl-uri.h"

#define USER_AGENT               BL_HTTP_USER_AGENT
#define MAX_CONNECTIONS          2
#define MAX_REDIRECTS            3
#define DEFAULT_TIMEOUT          15                    /* seconds */
#define DEFAULT_DEADLINE         30000                 /* milliseconds */
#define DEFAULT_MAX_SIZE         (2 * 1024 * 1024)     /* bytes */
#define DEFAULT_REVALIDATE_AFTER (7 * 24 * 60 * 60)    /* seconds */
#define DISK_CACHE_SIZE          (100 * 1000 * 1000)   /* bytes */
#define MIN_ZOOM                 0
#define MAX_ZOOM                 19

struct _BlOnlineSource
{
  ShumateDataSource  parent_instance;

  /* owned */
  char              *url_template;
  char              *cache_dir;
  char              *server_name;
  SoupSession       *session;
  ShumateFileCache  *cache;
  GCancellable      *cancellable;     /* cancelled by cancel_all, then replaced */

  guint              timeout;
  guint              deadline;
  guint              max_size;
  guint              revalidate_after;

  /* a failure was reported; no other until a tile arrives */
  gboolean           failed;

  /* cache writes finished, for tests that need the cache settled */
  guint             n_cache_writes;
};

/* One tile request, the task data of its GTask. */
typedef struct
{
  BlOnlineSource *self;                 /* borrowed: the task holds a reference */
  int             x;
  int             y;
  int             zoom;

  /* cancelled by the caller's cancellable and by cancel_all */
  GCancellable   *cancellable;
  GCancellable   *caller_cancellable;
  gulong          caller_handler;
  GCancellable   *source_cancellable;
  gulong          source_handler;

  GUri           *uri;

  /* what the disk cache had */
  GBytes         *cached;
  char           *etag;
  GDateTime      *modtime;
} Request;

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

static void request_send (GTask *task);

/* Helpers */

static void
request_free (Request *req)
{
  if (req->caller_cancellable != NULL)
    g_cancellable_disconnect (req->caller_cancellable, req->caller_handler);
  if (req->source_cancellable != NULL)
    g_cancellable_disconnect (req->source_cancellable, req->source_handler);
  g_clear_object (&req->caller_cancellable);
  g_clear_object (&req->source_cancellable);
  g_clear_object (&req->cancellable);
  g_clear_pointer (&req->uri, g_uri_unref);
  g_clear_pointer (&req->cached, g_bytes_unref);
  g_clear_pointer (&req->etag, g_free);
  g_clear_pointer (&req->modtime, g_date_time_unref);
  g_free (req);
}

static gboolean
scheme_allowed (const char *scheme)
{
  return scheme != NULL
         && (g_ascii_strcasecmp (scheme, "https") == 0
             || g_ascii_strcasecmp (scheme, "http") == 0);
}

static gboolean
uri_allowed (GUri *uri)
{
  const char *host = g_uri_get_host (uri);

  return scheme_allowed (g_uri_get_scheme (uri)) && host != NULL && *host != '\0';
}

/* Replaces {z}, {x} and {y} in @template. */
static char *
expand_template (const char *template,
                 int         x,
                 int         y,
                 int         zoom)
{
  GString *s = g_string_sized_new (strlen (template) + 16);

  for (const char *p = template; *p != '\0'; p++)
    {
      if (p[0] == '{' && p[1] != '\0' && p[2] == '}')
        {
          switch (p[1])
            {
            case 'z':
              g_string_append_printf (s, "%d", zoom);
              p += 2;
              continue;
            case 'x':
              g_string_append_printf (s, "%d", x);
              p += 2;
              continue;
            case 'y':
              g_string_append_printf (s, "%d", y);
              p += 2;
              continue;
            default:
              break;
            }
        }
      g_string_append_c (s, *p);
    }

  return g_string_free (s, FALSE);
}

/* The name failures are told with: "OpenStreetMap", or the host. */
static char *
make_server_name (const char *template)
{
  g_autofree char *example = expand_template (template, 0, 0, 0);
  g_autoptr(GUri) uri = g_uri_parse (example, SOUP_HTTP_URI_FLAGS, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL || *host == '\0')
    return g_strdup (_("The tile server"));
  if (g_ascii_strcasecmp (host, "openstreetmap.org") == 0
      || g_str_has_suffix (host, ".openstreetmap.org"))
    return g_strdup (_("OpenStreetMap"));
  return g_strdup (host);
}

/* "HTTP 429 Too Many Requests": the phrase from our table, never the
 * server's. */
static char *
describe_status (guint status)
{
  const char *phrase;

  switch (status)
    {
    case 429:
      phrase = "Too Many Requests";
      break;
    case 451:
      phrase = "Unavailable For Legal Reasons";
      break;
    default:
      phrase = soup_status_get_phrase (status);
      if (phrase != NULL && g_str_equal (phrase, "Unknown Error"))
        phrase = NULL;
      break;
    }

  if (phrase == NULL)
    return g_strdup_printf ("HTTP %u", status);
  return g_strdup_printf ("HTTP %u %s", status, phrase);
}

static gboolean
looks_like_image (GBytes *bytes)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return (size > sizeof png && memcmp (data, png, sizeof png) == 0)
         || (size > sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0);
}

static void
report_failure (BlOnlineSource *self,
                const GError   *error)
{
  if (self->failed)
    return;

  self->failed = TRUE;
  g_signal_emit (self, signals[FAILED], 0, error);
}

static void
request_succeed (GTask    *task,
                 GBytes   *bytes,
                 gboolean  from_network)
{
  Request *req = g_task_get_task_data (task);

  if (from_network)
    req->self->failed = FALSE;
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

/* Takes @error. Cancellation is silent; with a cached tile the request
 * still succeeds; anything else is reported. */
static void
request_fail (GTask  *task,
              GError *error)
{
  Request *req = g_task_get_task_data (task);
  BlOnlineSource *self = req->self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  if (req->cached != NULL)
    {
      g_debug ("Tile %d/%d/%d: %s; using the cached one",
               req->zoom, req->x, req->y, error->message);
      g_error_free (error);
      request_succeed (task, req->cached, FALSE);
      return;
    }

  report_failure (self, error);
  g_task_return_error (task, error);
}

static void request_fail_too_large (GTask *task);

/* Turns an error of bl_http_get_async() into words. */
static void
request_fail_download (GTask        *task,
                       const GError *io_error,
                       BlHttpStage   stage)
{
  Request *req = g_task_get_task_data (task);
  const char *name = req->self->server_name;
  gboolean reading = stage == BL_HTTP_STAGE_READING;
  GError *error;

  if (g_error_matches (io_error, BL_HTTP_ERROR, BL_HTTP_ERROR_TOO_LARGE))
    {
      request_fail_too_large (task);
      return;
    }

  if (g_error_matches (io_error, BL_HTTP_ERROR, BL_HTTP_ERROR_DEADLINE))
    error = g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_TIMED_OUT,
                         _("%s did not send the map tile in time; showing the offline map"),
                         name);
  else if (g_error_matches (io_error, BL_HTTP_ERROR, BL_HTTP_ERROR_TOO_MANY_REDIRECTS))
    error = g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_REDIRECT,
                         _("%s redirected the tile request too many times; showing the offline map"),
                         name);
  else if (io_error->domain == BL_HTTP_ERROR)
    /* the other errors of bl-http.c are refused redirects: tiles are not decoded */
    error = g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_REDIRECT,
                         _("%s redirected the tile request to an address that is not safe to follow; showing the offline map"),
                         name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    error = g_error_copy (io_error);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    error = g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_TIMED_OUT,
                         _("%s did not answer in time; showing the offline map"),
                         name);
  else if (reading)
    error = g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_UNREACHABLE,
                         _("The download of a map tile from %s broke off (%s); showing the offline map"),
                         name, io_error->message);
  else
    error = g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_UNREACHABLE,
                         _("Could not reach %s (%s); showing the offline map"),
                         name, io_error->message);

  request_fail (task, error);
}

static void
request_fail_status (GTask *task,
                     guint  status)
{
  Request *req = g_task_get_task_data (task);
  const char *name = req->self->server_name;
  g_autofree char *what = describe_status (status);
  GError *error;

  if (status >= 400 && status < 500)
    error = g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_HTTP,
                         _("%s refused the tile request (%s); showing the offline map"),
                         name, what);
  else if (status >= 500 && status < 600)
    error = g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_HTTP,
                         _("%s could not serve the map tile (%s); showing the offline map"),
                         name, what);
  else
    error = g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_HTTP,
                         _("%s gave an unexpected answer (%s); showing the offline map"),
                         name, what);

  request_fail (task, error);
}

static void
request_fail_too_large (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  g_autofree char *limit = g_format_size (req->self->max_size);

  request_fail (task, g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_TOO_LARGE,
                                   _("%s sent a map tile larger than %s; showing the offline map"),
                                   req->self->server_name, limit));
}

/* Callbacks */

static void
on_cache_stored (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BlOnlineSource) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!shumate_file_cache_store_tile_finish (SHUMATE_FILE_CACHE (object), result, &error)
      && error != NULL)
    g_debug ("Could not store a map tile in the cache: %s", error->message);

  self->n_cache_writes++;
}

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

static void
on_downloaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *req = g_task_get_task_data (task);
  BlOnlineSource *self = req->self;
  g_autoptr(BlHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  BlHttpStage stage;
  GBytes *bytes;
  guint status;

  response = bl_http_get_finish (result, &stage, &error);
  if (response == NULL)
    {
      request_fail_download (task, error, stage);
      return;
    }

  status = bl_http_response_get_status (response);
  g_debug ("Tile %d/%d/%d: HTTP %u", req->zoom, req->x, req->y, status);

  if (status == SOUP_STATUS_NOT_MODIFIED && req->cached != NULL)
    {
      shumate_file_cache_mark_up_to_date (self->cache, req->x, req->y, req->zoom);
      request_succeed (task, req->cached, TRUE);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      request_fail_status (task, status);
      return;
    }

  bytes = bl_http_response_get_body (response);
  if (!looks_like_image (bytes))
    {
      request_fail (task, g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_NOT_IMAGE,
                                       _("%s sent something that is not a map image; showing the offline map"),
                                       self->server_name));
      return;
    }

  shumate_file_cache_store_tile_async (self->cache, req->x, req->y, req->zoom, bytes,
                                       soup_message_headers_get_one (bl_http_response_get_headers (response), "ETag"),
                                       NULL, on_cache_stored, g_object_ref (self));
  g_signal_emit_by_name (self, "received-data", req->x, req->y, req->zoom, bytes);
  request_succeed (task, bytes, TRUE);
}

static void
on_cache_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *req = g_task_get_task_data (task);
  BlOnlineSource *self = req->self;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (object),
                                              &req->etag, &req->modtime,
                                              result, &error);

  if (g_cancellable_is_cancelled (req->cancellable))
    {
      g_clear_error (&error);
      g_cancellable_set_error_if_cancelled (req->cancellable, &error);
      request_fail (task, g_steal_pointer (&error));
      return;
    }

  if (bytes != NULL && looks_like_image (bytes))
    {
      req->cached = g_steal_pointer (&bytes);
      g_signal_emit_by_name (self, "received-data", req->x, req->y, req->zoom, req->cached);

      if (req->modtime != NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          GTimeSpan age = g_date_time_difference (now, req->modtime);

          if (age >= 0 && age < (GTimeSpan) self->revalidate_after * G_TIME_SPAN_SECOND)
            {
              request_succeed (task, req->cached, FALSE);
              return;
            }
        }
    }
  else
    {
      /* nothing usable: ask without conditions */
      if (error != NULL)
        g_debug ("Tile %d/%d/%d not cached: %s", req->zoom, req->x, req->y, error->message);
      g_clear_pointer (&req->etag, g_free);
      g_clear_pointer (&req->modtime, g_date_time_unref);
    }

  request_send (task);
}

/* Requests */

static void
request_send (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  BlOnlineSource *self = req->self;
  g_autofree char *since = NULL;
  BlHttpOptions options;

  bl_http_options_init (&options);
  options.deadline = self->deadline;
  options.max_size = self->max_size;
  options.max_redirects = MAX_REDIRECTS;
  options.accept = "image/png,image/jpeg;q=0.8";
  if (req->cached != NULL && req->etag != NULL)
    options.if_none_match = req->etag;
  else if (req->cached != NULL && req->modtime != NULL)
    {
      /* the cache keeps no Last-Modified: the time the tile was fetched
       * is as late or later, so it asks for no less */
      since = soup_date_time_to_string (req->modtime, SOUP_DATE_HTTP);
      options.if_modified_since = since;
    }

  bl_http_get_async (self->session, req->uri, &options, req->cancellable,
                     on_downloaded, g_object_ref (task));
}

/* Overrides */

static void
bl_online_source_get_tile_data_async (ShumateDataSource   *source,
                                      int                  x,
                                      int                  y,
                                      int                  zoom,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  BlOnlineSource *self = BL_ONLINE_SOURCE (source);
  g_autoptr(GTask) task = NULL;
  g_autofree char *address = NULL;
  Request *req;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_online_source_get_tile_data_async);

  if (zoom < MIN_ZOOM || zoom > 30 || x < 0 || y < 0
      || x >= (1 << MIN (zoom, 30)) || y >= (1 << MIN (zoom, 30)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("There is no map tile %d/%d/%d"), zoom, x, y);
      return;
    }

  req = g_new0 (Request, 1);
  req->self = self;
  req->x = x;
  req->y = y;
  req->zoom = zoom;
  req->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, req, (GDestroyNotify) request_free);

  req->source_cancellable = g_object_ref (self->cancellable);
  req->source_handler = bl_http_cancel_with (req->cancellable, req->source_cancellable);
  if (cancellable != NULL)
    {
      req->caller_cancellable = g_object_ref (cancellable);
      req->caller_handler = bl_http_cancel_with (req->cancellable, cancellable);
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  address = expand_template (self->url_template, x, y, zoom);
  req->uri = g_uri_parse (address, SOUP_HTTP_URI_FLAGS, NULL);
  if (req->uri == NULL || !uri_allowed (req->uri))
    {
      request_fail (task,
                    g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_INVALID_URL,
                                 _("The tile address “%s” is not an http or https address; showing the offline map"),
                                 address));
      return;
    }

  shumate_file_cache_get_tile_async (self->cache, x, y, zoom, req->cancellable,
                                     on_cache_read, g_steal_pointer (&task));
}

static GBytes *
bl_online_source_get_tile_data_finish (ShumateDataSource  *source,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

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
  self->server_name = make_server_name (self->url_template);

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
                                                               MIN_ZOOM, MAX_ZOOM, 256,
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

  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
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
