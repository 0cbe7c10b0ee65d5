/* bl-online-source-tiles.c — one map tile, from the cache or the network
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How #BlOnlineSource serves libshumate's request for a tile: the disk
 * cache first (shown at once, and enough while it is young), then a
 * download through bl-http.c, conditional when a cached tile is there to
 * revalidate. What arrives must look like a PNG or JPEG; a failure is put
 * in words for a toast, or quietly falls back to the cached tile.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "bl-http.h"
#include "bl-online-source-private.h"

#define MAX_REDIRECTS 3

/* One tile request, the task data of its GTask. */
typedef struct
{
  BlOnlineSource *self;                 /* borrowed: the task holds a reference */
  int             x;
  int             y;
  int             zoom;

  /* cancelled by the caller's cancellable and by cancel_all */
  BlHttpCancellables cancel;

  GUri           *uri;

  /* what the disk cache had */
  GBytes         *cached;
  char           *etag;
  GDateTime      *modtime;
} Request;

static void request_send (GTask *task);

/* Helpers */

static void
request_free (Request *req)
{
  bl_http_cancellables_clear (&req->cancel);
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
char *
bl_online_source_make_server_name (const char *template)
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
  g_autofree char *status_text = bl_http_describe_status (status);

  return g_strdup_printf ("HTTP %s", status_text);
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

  bl_online_source_report_failure (self, error);
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

  if (g_cancellable_is_cancelled (req->cancel.cancellable))
    {
      g_clear_error (&error);
      g_cancellable_set_error_if_cancelled (req->cancel.cancellable, &error);
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

  bl_http_get_async (self->session, req->uri, &options, req->cancel.cancellable,
                     on_downloaded, g_object_ref (task));
}

/* Overrides */

void
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

  if (zoom < BL_ONLINE_SOURCE_MIN_ZOOM || zoom > 30 || x < 0 || y < 0
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
  g_task_set_task_data (task, req, (GDestroyNotify) request_free);
  bl_http_cancellables_init (&req->cancel, self->cancellable, cancellable);

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

  shumate_file_cache_get_tile_async (self->cache, x, y, zoom, req->cancel.cancellable,
                                     on_cache_read, g_steal_pointer (&task));
}

GBytes *
bl_online_source_get_tile_data_finish (ShumateDataSource  *source,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
