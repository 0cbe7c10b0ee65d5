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
 * libsoup 3.2 trusts the network more than a desktop app should, so each
 * request is guarded here: an I/O timeout on the session, a deadline for
 * the whole request (a timeout that cancels it, so a server that trickles
 * a byte a second cannot hold a tile for ever), a cap on the body counted
 * while reading (and no content decoding, so nothing inflates behind the
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

#include "bl-online-source.h"
#include "bl-uri.h"

#define USER_AGENT               "Borderline/" PACKAGE_VERSION " (+" APP_URL ")"
#define MAX_CONNECTIONS          2
#define MAX_REDIRECTS            3
#define READ_CHUNK               (64 * 1024)
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

  /* cancelled by the caller's cancellable, by cancel_all and by the deadline */
  GCancellable   *cancellable;
  GCancellable   *caller_cancellable;
  gulong          caller_handler;
  GCancellable   *source_cancellable;
  gulong          source_handler;
  GSource        *deadline;
  gboolean        deadline_started;
  gboolean        timed_out;

  GUri           *uri;
  guint           n_redirects;
  SoupMessage    *msg;
  GCancellable   *msg_cancellable;      /* this message's I/O; a child of cancellable */
  gulong          msg_handler;
  GInputStream   *stream;
  GByteArray     *body;

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
static void request_read (GTask *task);

/* Helpers */

/* Lets go of the current message. A body not read to its end is cut off
 * first: closing libsoup's stream would otherwise read the rest, blocking,
 * however long or slow it is. */
static void
request_drop_message (Request  *req,
                      gboolean  body_done)
{
  if (req->stream != NULL && !body_done && req->msg_cancellable != NULL)
    g_cancellable_cancel (req->msg_cancellable);
  g_clear_object (&req->stream);
  if (req->msg_cancellable != NULL)
    {
      g_cancellable_disconnect (req->cancellable, req->msg_handler);
      req->msg_handler = 0;
      g_clear_object (&req->msg_cancellable);
    }
  g_clear_object (&req->msg);
}

static void
request_free (Request *req)
{
  if (req->deadline != NULL)
    {
      g_source_destroy (req->deadline);
      g_source_unref (req->deadline);
    }
  request_drop_message (req, FALSE);
  if (req->caller_cancellable != NULL)
    g_cancellable_disconnect (req->caller_cancellable, req->caller_handler);
  if (req->source_cancellable != NULL)
    g_cancellable_disconnect (req->source_cancellable, req->source_handler);
  g_clear_object (&req->caller_cancellable);
  g_clear_object (&req->source_cancellable);
  g_clear_object (&req->cancellable);
  g_clear_pointer (&req->uri, g_uri_unref);
  g_clear_pointer (&req->body, g_byte_array_unref);
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
stop_deadline (Request *req)
{
  if (req->deadline != NULL)
    {
      g_source_destroy (req->deadline);
      g_clear_pointer (&req->deadline, g_source_unref);
    }
}

static void
request_succeed (GTask    *task,
                 GBytes   *bytes,
                 gboolean  from_network)
{
  Request *req = g_task_get_task_data (task);

  stop_deadline (req);
  if (from_network)
    req->self->failed = FALSE;
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

/* Takes @error. Cancellation is silent; a timeout becomes one; with a
 * cached tile the request still succeeds; anything else is reported. */
static void
request_fail (GTask  *task,
              GError *error)
{
  Request *req = g_task_get_task_data (task);
  BlOnlineSource *self = req->self;

  stop_deadline (req);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (!req->timed_out
          || (req->caller_cancellable != NULL
              && g_cancellable_is_cancelled (req->caller_cancellable)))
        {
          g_task_return_error (task, error);
          return;
        }

      g_clear_error (&error);
      g_set_error (&error, BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_TIMED_OUT,
                   _("%s did not send the map tile in time; showing the offline map"),
                   self->server_name);
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

/* Turns an error of libsoup or GIO into words. */
static void
request_fail_io (GTask        *task,
                 const GError *io_error,
                 gboolean      reading)
{
  Request *req = g_task_get_task_data (task);
  const char *name = req->self->server_name;
  GError *error;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
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

/* Follows the redirect of the answer just received, if it is allowed. */
static void
request_redirect (GTask      *task,
                  const char *location)
{
  Request *req = g_task_get_task_data (task);
  const char *name = req->self->server_name;
  g_autoptr(GUri) target = NULL;

  request_drop_message (req, FALSE);

  if (req->n_redirects >= MAX_REDIRECTS)
    {
      request_fail (task, g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_REDIRECT,
                                       _("%s redirected the tile request too many times; showing the offline map"),
                                       name));
      return;
    }

  target = g_uri_parse_relative (req->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL || !bl_online_source_redirect_allowed (req->uri, target))
    {
      request_fail (task, g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_REDIRECT,
                                       _("%s redirected the tile request to an address that is not safe to follow; showing the offline map"),
                                       name));
      return;
    }

  g_debug ("Tile %d/%d/%d: redirected to %s", req->zoom, req->x, req->y, location);
  g_uri_unref (req->uri);
  req->uri = g_steal_pointer (&target);
  req->n_redirects++;
  request_send (task);
}

/* Callbacks */

static void
on_linked_cancellable_cancelled (GCancellable *linked,
                                 gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
on_deadline_reached (gpointer user_data)
{
  Request *req = user_data;

  g_debug ("Tile %d/%d/%d: deadline reached", req->zoom, req->x, req->y);
  req->timed_out = TRUE;
  g_clear_pointer (&req->deadline, g_source_unref);
  g_cancellable_cancel (req->cancellable);

  return G_SOURCE_REMOVE;
}

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
on_body_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *req = g_task_get_task_data (task);
  BlOnlineSource *self = req->self;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      request_fail_io (task, error, TRUE);
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size > 0)
    {
      if (req->body->len + size > self->max_size)
        {
          request_drop_message (req, FALSE);
          request_fail_too_large (task);
          return;
        }

      g_byte_array_append (req->body, g_bytes_get_data (chunk, NULL), size);
      request_read (task);
      return;
    }

  /* the end of the body */
  request_drop_message (req, TRUE);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&req->body));

  if (!looks_like_image (bytes))
    {
      request_fail (task, g_error_new (BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_NOT_IMAGE,
                                       _("%s sent something that is not a map image; showing the offline map"),
                                       self->server_name));
      return;
    }

  shumate_file_cache_store_tile_async (self->cache, req->x, req->y, req->zoom,
                                       bytes, req->etag, NULL,
                                       on_cache_stored, g_object_ref (self));
  g_signal_emit_by_name (self, "received-data", req->x, req->y, req->zoom, bytes);
  request_succeed (task, bytes, TRUE);
}

static void
on_message_sent (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *req = g_task_get_task_data (task);
  BlOnlineSource *self = req->self;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  const char *etag;
  guint status;

  req->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (req->stream == NULL)
    {
      request_fail_io (task, error, FALSE);
      return;
    }

  status = soup_message_get_status (req->msg);
  headers = soup_message_get_response_headers (req->msg);
  g_debug ("Tile %d/%d/%d: HTTP %u", req->zoom, req->x, req->y, status);

  if (status == SOUP_STATUS_NOT_MODIFIED && req->cached != NULL)
    {
      request_drop_message (req, TRUE);
      shumate_file_cache_mark_up_to_date (self->cache, req->x, req->y, req->zoom);
      request_succeed (task, req->cached, TRUE);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      const char *location = soup_message_headers_get_one (headers, "Location");

      if (location != NULL)
        {
          request_redirect (task, location);
          return;
        }
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      request_drop_message (req, FALSE);
      request_fail_status (task, status);
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && soup_message_headers_get_content_length (headers) > (goffset) self->max_size)
    {
      request_drop_message (req, FALSE);
      request_fail_too_large (task);
      return;
    }

  etag = soup_message_headers_get_one (headers, "ETag");
  g_free (req->etag);
  req->etag = g_strdup (etag);

  req->body = g_byte_array_new ();
  request_read (task);
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
request_read (GTask *task)
{
  Request *req = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (req->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   req->msg_cancellable, on_body_read,
                                   g_object_ref (task));
}

static void
request_send (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  BlOnlineSource *self = req->self;
  SoupMessageHeaders *headers;

  if (!req->deadline_started)
    {
      req->deadline_started = TRUE;
      req->deadline = g_timeout_source_new (self->deadline);
      g_source_set_callback (req->deadline, on_deadline_reached, req, NULL);
      g_source_set_static_name (req->deadline, "[borderline] tile deadline");
      g_source_attach (req->deadline, g_task_get_context (task));
    }

  request_drop_message (req, FALSE);
  req->msg = soup_message_new_from_uri (SOUP_METHOD_GET, req->uri);
  req->msg_cancellable = g_cancellable_new ();
  req->msg_handler = g_cancellable_connect (req->cancellable,
                                            G_CALLBACK (on_linked_cancellable_cancelled),
                                            req->msg_cancellable, NULL);
  soup_message_add_flags (req->msg, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (req->msg);
  soup_message_headers_replace (headers, "Accept", "image/png,image/jpeg;q=0.8");
  if (req->cached != NULL && req->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", req->etag);
  else if (req->cached != NULL && req->modtime != NULL)
    {
      /* the cache keeps no Last-Modified: the time the tile was fetched
       * is as late or later, so it asks for no less */
      g_autofree char *since = soup_date_time_to_string (req->modtime, SOUP_DATE_HTTP);

      soup_message_headers_replace (headers, "If-Modified-Since", since);
    }

  soup_session_send_async (self->session, req->msg, G_PRIORITY_DEFAULT,
                           req->msg_cancellable, on_message_sent, g_object_ref (task));
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
  req->source_handler = g_cancellable_connect (req->source_cancellable,
                                               G_CALLBACK (on_linked_cancellable_cancelled),
                                               req->cancellable, NULL);
  if (cancellable != NULL)
    {
      req->caller_cancellable = g_object_ref (cancellable);
      req->caller_handler = g_cancellable_connect (cancellable,
                                                   G_CALLBACK (on_linked_cancellable_cancelled),
                                                   req->cancellable, NULL);
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

  self->session = soup_session_new_with_options ("user-agent", USER_AGENT,
                                                 "timeout", self->timeout,
                                                 "max-conns-per-host", MAX_CONNECTIONS,
                                                 "max-conns", MAX_CONNECTIONS,
                                                 NULL);
  /* tiles are images, already compressed: nothing to decode, and nothing
   * that could inflate past the size cap */
  soup_session_remove_feature_by_type (self->session, SOUP_TYPE_CONTENT_DECODER);

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
