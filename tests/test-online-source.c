/* test-online-source.c — online tiles: politeness, caching, and bad servers
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs a real SoupServer on 127.0.0.1 (any free port) in the test's own
 * main loop and points BlOnlineSource at it through its URL template. The
 * server's paths choose its behaviour: a normal PNG tile with an ETag, one
 * without (Last-Modified style revalidation), error statuses, a body over
 * the size cap (announced, and chunked without a length), a trickle of one
 * byte a second, redirect loops, redirects to file: and to a fine tile, and
 * HTML instead of an image. Nothing but 127.0.0.1 is contacted; every
 * timeout is short; the cache lives in a temporary folder (XDG_CACHE_HOME
 * is pointed there and the folder removed at the end), and GIO's dummy
 * proxy resolver keeps any proxy out of the way. The https → http redirect cannot be served
 * by this http-only server, so the redirect policy is also tested
 * directly.
 *
 * No display is needed: the tiles go through libshumate's
 * ShumateRasterRenderer, which decodes them with GdkPixbuf.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libsoup/soup.h>
#include <shumate/shumate.h>
#include <string.h>

#include "bl-online-source.h"
#include "test-helpers.h"

#define WAIT_SECONDS 10
#define EXPECTED_USER_AGENT "Borderline/" PACKAGE_VERSION " (+" APP_URL ")"
#define ETAG "\"tile-v1\""

typedef struct {
  SoupServer *server;
  char       *base;           /* http://127.0.0.1:PORT */
  GBytes     *png;
  GPtrArray  *paths;          /* of every request, in order */
  GPtrArray  *user_agents;
  GPtrArray  *if_none_match;  /* "" when absent */
  GPtrArray  *if_modified_since;
  GPtrArray  *accept_encoding;
  guint       n_not_modified;
  guint       n_trickling;
  gboolean    fail_all;       /* answer everything with 503 */
} Server;

typedef struct {
  guint     source;
  SoupServerMessage *msg;
  Server   *server;
  guint     sent;
} Trickle;

typedef struct {
  gboolean  done;
  GBytes   *bytes;
  GError   *error;
} DataResult;

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} FillResult;

typedef struct {
  guint   n;
  GError *error;
} Failures;

/* Helpers */

/* Waits, with a deadline, until @n tiles have been written to the cache:
 * the cache is written after the tile is handed over. */
static void
wait_for_cached (BlOnlineSource *source,
                 guint           n)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (bl_online_source_get_n_cache_writes (source) < n)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %d s waiting for the tile cache", WAIT_SECONDS);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GBytes *
make_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 256, 256);
  g_autoptr(GError) error = NULL;
  char *buffer;
  gsize size;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static gboolean
trickle_next (gpointer user_data)
{
  Trickle *t = user_data;
  static const char png_start[] = "\x89PNG\r\n\x1a\n";

  soup_message_body_append (soup_server_message_get_response_body (t->msg), SOUP_MEMORY_COPY,
                            &png_start[t->sent % 8], 1);
  t->sent++;
  soup_server_message_unpause (t->msg);
  return G_SOURCE_CONTINUE;
}

static void
trickle_finished (SoupServerMessage *msg,
                  Trickle           *t)
{
  g_clear_handle_id (&t->source, g_source_remove);
  t->server->n_trickling--;
}

static void
trickle_free (gpointer data)
{
  Trickle *t = data;

  g_clear_handle_id (&t->source, g_source_remove);
  g_free (t);
}

static void
server_callback (SoupServer        *soup_server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  Server *server = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *if_none_match = soup_message_headers_get_one (request, "If-None-Match");
  const char *since = soup_message_headers_get_one (request, "If-Modified-Since");
  const char *encoding = soup_message_headers_get_one (request, "Accept-Encoding");
  g_auto(GStrv) parts = g_strsplit (path + 1, "/", 2);
  const char *kind = parts[0];
  gsize png_size;
  const char *png = g_bytes_get_data (server->png, &png_size);

  g_ptr_array_add (server->paths, g_strdup (path));
  g_ptr_array_add (server->user_agents,
                   g_strdup (soup_message_headers_get_one (request, "User-Agent")));
  g_ptr_array_add (server->if_none_match, g_strdup (if_none_match ? if_none_match : ""));
  g_ptr_array_add (server->if_modified_since, g_strdup (since ? since : ""));
  g_ptr_array_add (server->accept_encoding, g_strdup (encoding ? encoding : ""));

  if (server->fail_all)
    soup_server_message_set_status (msg, SOUP_STATUS_SERVICE_UNAVAILABLE, NULL);
  else if (g_str_equal (kind, "ok") || g_str_equal (kind, "noetag"))
    {
      gboolean with_etag = g_str_equal (kind, "ok");

      if (with_etag && if_none_match != NULL && g_str_equal (if_none_match, ETAG))
        {
          server->n_not_modified++;
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      if (!with_etag && since != NULL)
        {
          server->n_not_modified++;
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }

      if (with_etag)
        soup_message_headers_replace (response, "ETag", ETAG);
      else
        soup_message_headers_replace (response, "Last-Modified", "Mon, 05 Jan 2026 10:00:00 GMT");
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY, png, png_size);
    }
  else if (g_str_equal (kind, "status"))
    {
      guint status = (guint) g_ascii_strtoull (parts[1], NULL, 10);

      soup_server_message_set_status (msg, status, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "no", 2);
    }
  else if (g_str_equal (kind, "mixed"))
    {
      /* /mixed/Z/X/Y.png: odd columns fail */
      g_auto(GStrv) zxy = g_strsplit (parts[1], "/", 3);
      guint x = (guint) g_ascii_strtoull (zxy[1], NULL, 10);

      if (x % 2 == 1)
        soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      else
        {
          soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
          soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY, png, png_size);
        }
    }
  else if (g_str_equal (kind, "big") || g_str_equal (kind, "chunked-big"))
    {
      gsize size = 3 * 1024 * 1024;
      char *body = g_malloc (size);

      memcpy (body, png, 8);
      memset (body + 8, 'x', size - 8);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      if (g_str_equal (kind, "chunked-big"))
        soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_TAKE, body, size);
    }
  else if (g_str_equal (kind, "trickle"))
    {
      Trickle *t = g_new0 (Trickle, 1);

      t->msg = msg;
      t->server = server;
      server->n_trickling++;
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (response, "image/png", NULL);
      t->source = g_timeout_add (1000, trickle_next, t);
      g_signal_connect (msg, "finished", G_CALLBACK (trickle_finished), t);
      g_object_set_data_full (G_OBJECT (msg), "trickle", t, trickle_free);
      soup_server_message_pause (msg);
    }
  else if (g_str_equal (kind, "loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, path);
  else if (g_str_equal (kind, "to-file"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "file:///etc/passwd");
  else if (g_str_equal (kind, "to-ok"))
    {
      g_autofree char *target = g_strconcat ("/ok/", parts[1], NULL);

      soup_server_message_set_redirect (msg, SOUP_STATUS_MOVED_PERMANENTLY, target);
    }
  else if (g_str_equal (kind, "html"))
    {
      static const char html[] = "<html><body>Log in to the Wi-Fi</body></html>";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, html, strlen (html));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static Server *
server_new (void)
{
  Server *server = g_new0 (Server, 1);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  server->png = make_png ();
  server->paths = g_ptr_array_new_with_free_func (g_free);
  server->user_agents = g_ptr_array_new_with_free_func (g_free);
  server->if_none_match = g_ptr_array_new_with_free_func (g_free);
  server->if_modified_since = g_ptr_array_new_with_free_func (g_free);
  server->accept_encoding = g_ptr_array_new_with_free_func (g_free);

  server->server = soup_server_new ("server-header", "test-tiles", NULL);
  soup_server_add_handler (server->server, NULL, server_callback, server, NULL);
  g_assert_true (soup_server_listen_local (server->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (server->server);
  g_assert_nonnull (uris);
  server->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

static void
server_free (Server *server)
{
  soup_server_disconnect (server->server);
  g_clear_object (&server->server);
  g_bytes_unref (server->png);
  g_ptr_array_unref (server->paths);
  g_ptr_array_unref (server->user_agents);
  g_ptr_array_unref (server->if_none_match);
  g_ptr_array_unref (server->if_modified_since);
  g_ptr_array_unref (server->accept_encoding);
  g_free (server->base);
  g_free (server);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Server, server_free)

static void
on_failed (BlOnlineSource *source,
           GError         *error,
           Failures       *failures)
{
  failures->n++;
  g_clear_error (&failures->error);
  failures->error = g_error_copy (error);
  g_test_message ("failed: %s", error->message);
}

static BlOnlineSource *
source_new (Server     *server,
            const char *kind,
            Failures   *failures)
{
  g_autofree char *template = g_strdup_printf ("%s/%s/{z}/{x}/{y}.png", server->base, kind);
  BlOnlineSource *source = g_object_new (BL_TYPE_ONLINE_SOURCE,
                                         "url-template", template,
                                         "timeout", 5,
                                         "deadline", 5000,
                                         NULL);

  if (failures != NULL)
    g_signal_connect (source, "failed", G_CALLBACK (on_failed), failures);
  return source;
}

static void
on_tile_data (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  DataResult *r = user_data;

  r->bytes = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (object), result, &r->error);
  r->done = TRUE;
}

static GBytes *
get_tile (BlOnlineSource *source,
          int             zoom,
          int             x,
          int             y,
          GError        **error)
{
  DataResult r = { 0 };

  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), x, y, zoom, NULL,
                                           on_tile_data, &r);
  bl_test_run_until (&r.done, WAIT_SECONDS, NULL);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.bytes;
}

static void
on_tile_filled (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  FillResult *r = user_data;

  r->ok = shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (object), result, &r->error);
  r->done = TRUE;
}

static gboolean
fill_tile (ShumateMapSource *map_source,
           ShumateTile      *tile,
           GError          **error)
{
  FillResult r = { 0 };

  shumate_map_source_fill_tile_async (map_source, tile, NULL, on_tile_filled, &r);
  bl_test_run_until (&r.done, WAIT_SECONDS, NULL);
  if (r.error != NULL)
    g_propagate_error (error, r.error);
  return r.ok;
}

static void
on_received_data (ShumateDataSource *source,
                  int                x,
                  int                y,
                  int                zoom,
                  GBytes            *bytes,
                  guint             *count)
{
  (*count)++;
}

/* Tests */

static void
test_ok (void)
{
  g_autoptr(Server) server = server_new ();
  Failures failures = { 0 };
  g_autoptr(BlOnlineSource) source = source_new (server, "ok", &failures);
  g_autoptr(ShumateMapSource) map_source = bl_online_source_create_map_source (source);
  g_autoptr(ShumateTile) tile = shumate_tile_new_full (5, 6, 256, 4);
  g_autoptr(GError) error = NULL;
  GdkPaintable *paintable;

  g_assert_cmpstr (shumate_map_source_get_id (map_source), ==, "borderline-osm");
  g_assert_cmpstr (shumate_map_source_get_license (map_source), ==, "© OpenStreetMap contributors");
  g_assert_cmpstr (shumate_map_source_get_license_uri (map_source), ==,
                   "https://www.openstreetmap.org/copyright");
  g_assert_cmpuint (shumate_map_source_get_tile_size (map_source), ==, 256);

  g_assert_true (fill_tile (map_source, tile, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
  paintable = shumate_tile_get_paintable (tile);
  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (paintable)), ==, 256);

  g_assert_cmpuint (server->paths->len, ==, 1);
  g_assert_cmpstr (server->paths->pdata[0], ==, "/ok/4/5/6.png");
  g_assert_cmpstr (server->user_agents->pdata[0], ==, EXPECTED_USER_AGENT);
  g_assert_cmpstr (bl_online_source_get_user_agent (source), ==, EXPECTED_USER_AGENT);
  /* no content decoding: nothing can inflate behind the size cap */
  g_assert_cmpstr (server->accept_encoding->pdata[0], ==, "");
  g_assert_cmpuint (failures.n, ==, 0);

  /* the default cache folder, in the test's XDG_CACHE_HOME */
  g_assert_true (g_str_has_prefix (bl_online_source_get_cache_dir (source), g_get_user_cache_dir ()));
  g_assert_true (g_str_has_suffix (bl_online_source_get_cache_dir (source), "borderline/tiles"));

  bl_test_drain (50);
}

/* A fresh cached tile needs no request; an old one is revalidated with its
 * ETag and the server's 304 serves the cached bytes. */
static void
test_revalidate_etag (void)
{
  g_autoptr(Server) server = server_new ();
  Failures failures = { 0 };
  g_autoptr(BlOnlineSource) source = source_new (server, "ok", &failures);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) cached = NULL;
  g_autoptr(GBytes) revalidated = NULL;
  g_autoptr(GError) error = NULL;
  guint received = 0;

  g_signal_connect (source, "received-data", G_CALLBACK (on_received_data), &received);

  first = get_tile (source, 7, 90, 50, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, server->png));
  g_assert_cmpuint (received, ==, 1);
  g_assert_cmpstr (server->if_none_match->pdata[0], ==, "");
  wait_for_cached (source, 1);

  cached = get_tile (source, 7, 90, 50, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (cached, server->png));
  g_assert_cmpuint (server->paths->len, ==, 1);
  g_assert_cmpuint (received, ==, 2);

  g_object_set (source, "revalidate-after", 0, NULL);
  revalidated = get_tile (source, 7, 90, 50, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (revalidated, server->png));
  g_assert_cmpuint (server->paths->len, ==, 2);
  g_assert_cmpstr (server->if_none_match->pdata[1], ==, ETAG);
  g_assert_cmpuint (server->n_not_modified, ==, 1);
  g_assert_cmpuint (failures.n, ==, 0);

  bl_test_drain (50);
}

/* Without an ETag the time of the fetch is sent as If-Modified-Since. */
static void
test_revalidate_modified (void)
{
  g_autoptr(Server) server = server_new ();
  Failures failures = { 0 };
  g_autoptr(BlOnlineSource) source = source_new (server, "noetag", &failures);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) since = NULL;

  g_object_set (source, "revalidate-after", 0, NULL);
  first = get_tile (source, 7, 91, 50, &error);
  g_assert_no_error (error);
  wait_for_cached (source, 1);

  again = get_tile (source, 7, 91, 50, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (again, server->png));
  g_assert_cmpuint (server->paths->len, ==, 2);
  g_assert_cmpstr (server->if_none_match->pdata[1], ==, "");
  since = soup_date_time_new_from_http_string (server->if_modified_since->pdata[1]);
  g_assert_nonnull (since);
  g_assert_cmpuint (server->n_not_modified, ==, 1);

  bl_test_drain (50);
}

/* A stale cached tile is still shown when the server fails, quietly. */
static void
test_stale_cache (void)
{
  g_autoptr(Server) server = server_new ();
  Failures failures = { 0 };
  g_autoptr(BlOnlineSource) source = source_new (server, "ok", &failures);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) stale = NULL;
  g_autoptr(GError) error = NULL;

  first = get_tile (source, 7, 92, 50, &error);
  g_assert_no_error (error);
  wait_for_cached (source, 1);

  server->fail_all = TRUE;
  g_object_set (source, "revalidate-after", 0, NULL);
  stale = get_tile (source, 7, 92, 50, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stale, server->png));
  g_assert_cmpuint (server->paths->len, ==, 2);
  g_assert_cmpuint (failures.n, ==, 0);
  bl_test_drain (50);
}

typedef struct {
  const char *path;
  guint       code;
  const char *words;
} StatusCase;

/* 403, 404, 429, 500: reported once, in words; the tile fails. */
static void
test_status (void)
{
  static const StatusCase cases[] = {
    { "status/403", BL_ONLINE_SOURCE_ERROR_HTTP, "refused the tile request (HTTP 403 Forbidden); showing the offline map" },
    { "status/404", BL_ONLINE_SOURCE_ERROR_HTTP, "refused the tile request (HTTP 404 Not Found); showing the offline map" },
    { "status/429", BL_ONLINE_SOURCE_ERROR_HTTP, "refused the tile request (HTTP 429 Too Many Requests); showing the offline map" },
    { "status/500", BL_ONLINE_SOURCE_ERROR_HTTP, "could not serve the map tile (HTTP 500 Internal Server Error); showing the offline map" },
    { "status/503", BL_ONLINE_SOURCE_ERROR_HTTP, "could not serve the map tile (HTTP 503 Service Unavailable)" },
    { "html", BL_ONLINE_SOURCE_ERROR_NOT_IMAGE, "sent something that is not a map image; showing the offline map" },
  };
  g_autoptr(Server) server = server_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Failures failures = { 0 };
      g_autoptr(BlOnlineSource) source = source_new (server, cases[i].path, &failures);
      g_autoptr(ShumateMapSource) map_source = bl_online_source_create_map_source (source);
      g_autoptr(ShumateTile) tile = shumate_tile_new_full (1, 2, 256, 3);
      g_autoptr(ShumateTile) other = shumate_tile_new_full (2, 2, 256, 3);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].path);
      g_assert_false (fill_tile (map_source, tile, &error));
      g_assert_error (error, BL_ONLINE_SOURCE_ERROR, (int) cases[i].code);
      g_assert_null (shumate_tile_get_paintable (tile));
      g_clear_error (&error);

      /* a second failure is not reported again */
      g_assert_false (fill_tile (map_source, other, &error));
      g_assert_error (error, BL_ONLINE_SOURCE_ERROR, (int) cases[i].code);

      g_assert_cmpuint (failures.n, ==, 1);
      g_assert_error (failures.error, BL_ONLINE_SOURCE_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (failures.error->message, "127.0.0.1 "));
      g_assert_nonnull (strstr (failures.error->message, cases[i].words));
      g_clear_error (&failures.error);
    }
}

/* One report per run of failures: a tile that arrives resets it. */
static void
test_failure_once (void)
{
  g_autoptr(Server) server = server_new ();
  Failures failures = { 0 };
  g_autoptr(BlOnlineSource) source = source_new (server, "mixed", &failures);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_null (get_tile (source, 5, 1, 1, &error));
  g_clear_error (&error);
  g_assert_null (get_tile (source, 5, 3, 1, &error));
  g_clear_error (&error);
  g_assert_cmpuint (failures.n, ==, 1);

  bytes = get_tile (source, 5, 2, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  g_assert_null (get_tile (source, 5, 5, 1, &error));
  g_clear_error (&error);
  g_assert_cmpuint (failures.n, ==, 2);

  bl_online_source_reset_failure (source);
  g_assert_null (get_tile (source, 5, 7, 1, &error));
  g_assert_cmpuint (failures.n, ==, 3);
  g_clear_error (&failures.error);
  bl_test_drain (50);
}

/* Over the cap: announced by Content-Length, or counted while reading a
 * chunked body. */
static void
test_too_large (void)
{
  static const char *kinds[] = { "big", "chunked-big" };
  g_autoptr(Server) server = server_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      Failures failures = { 0 };
      g_autoptr(BlOnlineSource) source = source_new (server, kinds[i], &failures);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();

      g_test_message ("%s", kinds[i]);
      bytes = get_tile (source, 6, 1, 1, &error);
      g_assert_null (bytes);
      g_assert_error (error, BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_TOO_LARGE);
      g_assert_cmpuint (failures.n, ==, 1);
      g_assert_nonnull (strstr (failures.error->message, "sent a map tile larger than 2.1"));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
      g_clear_error (&failures.error);
    }
  bl_test_drain (50);
}

/* One byte a second: the deadline cuts it, as a timeout, and it does not
 * hold the main loop when it is dropped. */
static void
test_trickle (void)
{
  g_autoptr(Server) server = server_new ();
  Failures failures = { 0 };
  g_autoptr(BlOnlineSource) source = source_new (server, "trickle", &failures);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 start, elapsed;

  g_object_set (source, "deadline", 1500, NULL);
  start = g_get_monotonic_time ();
  bytes = get_tile (source, 6, 2, 2, &error);
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (bytes);
  g_assert_error (error, BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_TIMED_OUT);
  g_assert_cmpint (elapsed, >=, 1400 * 1000);
  g_assert_cmpint (elapsed, <, 4 * G_USEC_PER_SEC);
  g_assert_cmpuint (failures.n, ==, 1);
  g_assert_nonnull (strstr (failures.error->message, "did not send the map tile in time; showing the offline map"));
  g_clear_error (&failures.error);

  bl_test_drain (100);
}

typedef struct {
  const char *kind;
  gboolean    followed;
  guint       n_requests;   /* the server's, counted from the first run */
  const char *words;        /* in the one report, when not followed */
} RedirectRun;

static void
test_redirects (void)
{
  static const RedirectRun runs[] = {
    /* a loop: the first request and three redirects, then no more */
    { "loop", FALSE, 4, "too many times" },
    /* to file: never followed */
    { "to-file", FALSE, 5, "not safe to follow" },
    /* http to http on the same server: followed, with our User-Agent */
    { "to-ok", TRUE, 7, NULL },
  };
  g_autoptr(Server) server = server_new ();

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      Failures failures = { 0 };
      g_autoptr(BlOnlineSource) source = source_new (server, runs[i].kind, &failures);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = get_tile (source, 6, 3, 3, &error);
      guint last = runs[i].n_requests - 1;

      g_test_message ("%s", runs[i].kind);
      if (runs[i].followed)
        {
          g_assert_no_error (error);
          g_assert_true (g_bytes_equal (bytes, server->png));
          g_assert_cmpuint (server->paths->len, ==, runs[i].n_requests);
          g_assert_cmpstr (server->paths->pdata[last], ==, "/ok/6/3/3.png");
          g_assert_cmpstr (server->user_agents->pdata[last], ==, EXPECTED_USER_AGENT);
          g_assert_cmpuint (failures.n, ==, 0);
        }
      else
        {
          g_assert_null (bytes);
          g_assert_error (error, BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_REDIRECT);
          g_assert_cmpuint (server->paths->len, ==, runs[i].n_requests);
          g_assert_cmpuint (failures.n, ==, 1);
          g_assert_nonnull (strstr (failures.error->message, runs[i].words));
          g_clear_error (&failures.error);
        }
    }
  bl_test_drain (50);
}

typedef struct {
  const char *from;
  const char *to;
  gboolean    allowed;
} RedirectCase;

static void
test_redirect_policy (void)
{
  static const RedirectCase cases[] = {
    { "https://tile.openstreetmap.org/1/0/0.png", "https://a.tile.openstreetmap.org/1/0/0.png", TRUE },
    { "https://tile.openstreetmap.org/1/0/0.png", "HTTPS://tile.openstreetmap.org/x.png", TRUE },
    { "https://tile.openstreetmap.org/1/0/0.png", "http://tile.openstreetmap.org/1/0/0.png", FALSE },
    { "https://tile.openstreetmap.org/1/0/0.png", "http://127.0.0.1/1/0/0.png", FALSE },
    { "https://tile.openstreetmap.org/1/0/0.png", "file:///etc/passwd", FALSE },
    { "https://tile.openstreetmap.org/1/0/0.png", "ftp://example.org/tile.png", FALSE },
    { "https://tile.openstreetmap.org/1/0/0.png", "data:image/png;base64,AAAA", FALSE },
    { "http://127.0.0.1:8080/1/0/0.png", "https://tile.openstreetmap.org/1/0/0.png", TRUE },
    { "http://127.0.0.1:8080/1/0/0.png", "http://127.0.0.1:8080/ok/1/0/0.png", TRUE },
    { "http://127.0.0.1:8080/1/0/0.png", "file:///etc/passwd", FALSE },
    { "http://127.0.0.1:8080/1/0/0.png", "resource:///io/github/x", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) from = g_uri_parse (cases[i].from, SOUP_HTTP_URI_FLAGS, NULL);
      g_autoptr(GUri) to = g_uri_parse (cases[i].to, SOUP_HTTP_URI_FLAGS, NULL);

      g_assert_nonnull (from);
      g_assert_nonnull (to);
      g_assert_cmpint (bl_online_source_redirect_allowed (from, to), ==, cases[i].allowed);
    }
}

static void
test_unreachable (void)
{
  g_autoptr(Server) server = server_new ();
  g_autofree char *closed = g_strdup (server->base);
  Failures failures = { 0 };
  g_autoptr(BlOnlineSource) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *template = NULL;

  /* a port nobody listens on any more */
  soup_server_disconnect (server->server);
  template = g_strdup_printf ("%s/ok/{z}/{x}/{y}.png", closed);
  source = g_object_new (BL_TYPE_ONLINE_SOURCE, "url-template", template, "timeout", 2, NULL);
  g_signal_connect (source, "failed", G_CALLBACK (on_failed), &failures);

  bytes = get_tile (source, 3, 1, 1, &error);
  g_assert_null (bytes);
  g_assert_error (error, BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_UNREACHABLE);
  g_assert_cmpuint (failures.n, ==, 1);
  g_assert_true (g_str_has_prefix (failures.error->message, "Could not reach 127.0.0.1 ("));
  g_assert_true (g_str_has_suffix (failures.error->message, "); showing the offline map"));
  g_clear_error (&failures.error);
  bl_test_drain (50);
}

static void
test_invalid_template (void)
{
  Failures failures = { 0 };
  g_autoptr(BlOnlineSource) source = bl_online_source_new ("file:///tmp/{z}/{x}/{y}.png");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (source, "failed", G_CALLBACK (on_failed), &failures);
  bytes = get_tile (source, 3, 1, 1, &error);
  g_assert_null (bytes);
  g_assert_error (error, BL_ONLINE_SOURCE_ERROR, BL_ONLINE_SOURCE_ERROR_INVALID_URL);
  g_assert_cmpuint (failures.n, ==, 1);
  g_clear_error (&failures.error);
  g_clear_error (&error);

  /* no tile (8, 0) at zoom 3: not asked, not reported */
  bytes = get_tile (source, 3, 8, 0, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (failures.n, ==, 1);
  bl_test_drain (50);
}

static void
test_defaults (void)
{
  g_autoptr(BlOnlineSource) source = bl_online_source_new (NULL);
  guint timeout, deadline, max_size;

  g_assert_cmpstr (bl_online_source_get_url_template (source), ==,
                   "https://tile.openstreetmap.org/{z}/{x}/{y}.png");
  g_object_get (source, "timeout", &timeout, "deadline", &deadline, "max-size", &max_size, NULL);
  g_assert_cmpuint (timeout, ==, 15);
  g_assert_cmpuint (deadline, ==, 30000);
  g_assert_cmpuint (max_size, ==, 2 * 1024 * 1024);
  bl_test_drain (50);
}

/* cancel_all and the caller's cancellable end requests silently. */
static void
test_cancel (void)
{
  g_autoptr(Server) server = server_new ();
  Failures failures = { 0 };
  g_autoptr(BlOnlineSource) source = source_new (server, "trickle", &failures);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  DataResult a = { 0 }, b = { 0 };
  gint64 start = g_get_monotonic_time ();

  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), 1, 1, 4, NULL,
                                           on_tile_data, &a);
  shumate_data_source_get_tile_data_async (SHUMATE_DATA_SOURCE (source), 2, 1, 4, cancellable,
                                           on_tile_data, &b);
  while (server->n_trickling < 2 && g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (server->n_trickling, ==, 2);

  g_cancellable_cancel (cancellable);
  bl_test_run_until (&b.done, WAIT_SECONDS, NULL);
  g_assert_error (b.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (a.done);

  bl_online_source_cancel_all (source);
  bl_test_run_until (&a.done, WAIT_SECONDS, NULL);
  g_assert_error (a.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_cmpuint (failures.n, ==, 0);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&a.error);
  g_clear_error (&b.error);

  bl_test_drain (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *cache = NULL;
  int status;

  /* straight to 127.0.0.1, whatever proxy the environment names */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  /* the tile cache in a folder of our own, removed at the end */
  tmp = g_dir_make_tmp ("test-online-source-XXXXXX", &error);
  g_assert_no_error (error);
  cache = g_build_filename (tmp, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/online-source/defaults", test_defaults);
  g_test_add_func ("/online-source/ok", test_ok);
  g_test_add_func ("/online-source/revalidate-etag", test_revalidate_etag);
  g_test_add_func ("/online-source/revalidate-modified", test_revalidate_modified);
  g_test_add_func ("/online-source/stale-cache", test_stale_cache);
  g_test_add_func ("/online-source/status", test_status);
  g_test_add_func ("/online-source/failure-once", test_failure_once);
  g_test_add_func ("/online-source/too-large", test_too_large);
  g_test_add_func ("/online-source/trickle", test_trickle);
  g_test_add_func ("/online-source/redirects", test_redirects);
  g_test_add_func ("/online-source/redirect-policy", test_redirect_policy);
  g_test_add_func ("/online-source/unreachable", test_unreachable);
  g_test_add_func ("/online-source/invalid-template", test_invalid_template);
  g_test_add_func ("/online-source/cancel", test_cancel);

  status = g_test_run ();
  bl_test_remove_tree (tmp);
  return status;
}
