/* test-feed.c — feeds against a real HTTP server on 127.0.0.1
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer inside the test serves a normal feed, a 304, a 404, a 500,
 * bodies over the cap, a gzip bomb, a trickle of a byte a second, a
 * redirect loop, a redirect to file:, malformed content. Each failure
 * must end in its message, said once, with the project byte for byte as
 * it was. Nothing but 127.0.0.1 is contacted (no proxy either), and the
 * user's folders are a temporary one.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "bl-error.h"
#include "bl-feed.h"
#include "bl-project-io.h"
#include "test-helpers.h"

#define SMALL_CAP   (64 * 1024)
#define TRICKLE_MAX 10

static const char feed_v1[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[68.86,36.73]},"
  "\"properties\":{\"id\":\"k-1\",\"statement\":\"4,000 ISIS-K fighters near the Tajik border\","
  "\"claimant\":\"Anatoly Sidorov\",\"said_on\":\"2023-05-25\"}},"
  "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[70.5,37.1]},"
  "\"properties\":{\"id\":\"k-2\",\"statement\":\"Several thousand ISIS militants\","
  "\"claimant\":\"UN officials\",\"said_on\":\"2023-05\"}}]}";

static const char feed_v2[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[68.86,36.73]},"
  "\"properties\":{\"id\":\"k-1\",\"statement\":\"4,500 ISIS-K fighters near the Tajik border\","
  "\"claimant\":\"Anatoly Sidorov\",\"said_on\":\"2023-05-25\"}}]}";

static const char bad_csv[] =
  "id,statement,claimant,lat,lon\n"
  "r-1,First good row,Tester,36.7,68.9\n"
  "r-2,Bad row,Tester,136.7,68.9\n"
  "r-3,Second good row,Tester,36.8,69.0\n";

typedef struct {
  SoupServer *server;
  char       *base;
  GHashTable *hits;          /* path → count */
  char       *if_none_match;
  char       *user_agent;
  char       *accept_encoding;
  gboolean    v2;
  gboolean    gone;
  GBytes     *bomb;
  GBytes     *gzipped_feed;
} Server;

static Server srv;

/* The server */

static GBytes *
gzip_bytes (const void *data,
            gsize       len,
            gsize       repeat)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buf[64 * 1024];

  for (gsize i = 0; i <= repeat; i++)
    {
      gboolean last = i == repeat;
      const guint8 *in = last ? NULL : data;
      gsize in_len = last ? 0 : len;
      GConverterResult result;

      do
        {
          gsize n_read = 0, n_written = 0;
          g_autoptr(GError) error = NULL;

          result = g_converter_convert (G_CONVERTER (compressor), in, in_len, buf, sizeof buf,
                                        last ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                        &n_read, &n_written, &error);
          g_assert_no_error (error);
          in += n_read;
          in_len -= n_read;
          g_byte_array_append (out, buf, n_written);
        }
      while (in_len > 0 || (last && result != G_CONVERTER_FINISHED));
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

typedef struct {
  SoupServerMessage *msg;
  guint              sent;
  guint              source;
} Trickle;

static void
trickle_stop (Trickle *t)
{
  g_clear_handle_id (&t->source, g_source_remove);
}

static void
on_trickle_finished (SoupServerMessage *msg,
                     gpointer           user_data)
{
  trickle_stop (user_data);
}

static gboolean
on_trickle_tick (gpointer user_data)
{
  Trickle *t = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (t->msg);

  if (t->sent >= TRICKLE_MAX)
    {
      t->source = 0;
      soup_message_body_complete (body);
      soup_server_message_unpause (t->msg);
      return G_SOURCE_REMOVE;
    }
  soup_message_body_append (body, SOUP_MEMORY_STATIC, " ", 1);
  t->sent++;
  soup_server_message_unpause (t->msg);
  return G_SOURCE_CONTINUE;
}

static void
serve (SoupServerMessage *msg,
       guint              status,
       const char        *content_type,
       const void        *data,
       gsize              len)
{
  soup_server_message_set_status (msg, status, NULL);
  if (content_type != NULL)
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, data, len);
}

static void
redirect (SoupServerMessage *msg,
          const char        *location)
{
  soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
}

static void
serve_chunked (SoupServerMessage *msg,
               const char        *encoding,
               GBytes            *bytes)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "application/geo+json", NULL);
  if (encoding != NULL)
    soup_message_headers_replace (headers, "Content-Encoding", encoding);
  soup_message_body_append_bytes (body, bytes);
  soup_message_body_complete (body);
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  guint hits = GPOINTER_TO_UINT (g_hash_table_lookup (srv.hits, path));

  g_hash_table_replace (srv.hits, g_strdup (path), GUINT_TO_POINTER (hits + 1));
  g_free (srv.if_none_match);
  srv.if_none_match = g_strdup (soup_message_headers_get_one (request, "If-None-Match"));
  g_free (srv.user_agent);
  srv.user_agent = g_strdup (soup_message_headers_get_one (request, "User-Agent"));
  g_free (srv.accept_encoding);
  srv.accept_encoding = g_strdup (soup_message_headers_get_one (request, "Accept-Encoding"));

  if (g_str_equal (path, "/feed.geojson"))
    {
      const char *etag = srv.v2 ? "\"v2\"" : "\"v1\"";
      const char *body = srv.v2 ? feed_v2 : feed_v1;

      if (srv.gone)
        serve (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "gone", 4);
      else if (g_strcmp0 (srv.if_none_match, etag) == 0)
        serve (msg, SOUP_STATUS_NOT_MODIFIED, NULL, NULL, 0);
      else
        {
          serve (msg, SOUP_STATUS_OK, "application/geo+json", body, strlen (body));
          soup_message_headers_replace (response, "ETag", etag);
        }
    }
  else if (g_str_equal (path, "/gzip.geojson"))
    serve_chunked (msg, "gzip", srv.gzipped_feed);
  else if (g_str_equal (path, "/missing"))
    serve (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "no", 2);
  else if (g_str_equal (path, "/broken"))
    serve (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", "oops", 4);
  else if (g_str_equal (path, "/big") || g_str_equal (path, "/big-length"))
    {
      g_autofree char *text = g_strnfill (4 * SMALL_CAP, ' ');
      g_autoptr(GBytes) bytes = g_bytes_new (text, 4 * SMALL_CAP);

      if (g_str_equal (path, "/big"))
        serve_chunked (msg, NULL, bytes);
      else
        serve (msg, SOUP_STATUS_OK, "application/geo+json", text, 4 * SMALL_CAP);
    }
  else if (g_str_equal (path, "/bomb"))
    serve_chunked (msg, "gzip", srv.bomb);
  else if (g_str_equal (path, "/damaged-gzip"))
    {
      g_autoptr(GBytes) half = g_bytes_new_from_bytes (srv.gzipped_feed, 0, g_bytes_get_size (srv.gzipped_feed) / 2);

      serve_chunked (msg, "gzip", half);
    }
  else if (g_str_equal (path, "/brotli"))
    serve_chunked (msg, "br", srv.gzipped_feed);
  else if (g_str_equal (path, "/slow"))
    {
      Trickle *t = g_new0 (Trickle, 1);

      t->msg = msg;
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_server_message_pause (msg);
      t->source = g_timeout_add_seconds (1, on_trickle_tick, t);
      g_signal_connect_data (msg, "finished", G_CALLBACK (on_trickle_finished), t,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
    }
  else if (g_str_equal (path, "/loop"))
    redirect (msg, "/loop");
  else if (g_str_equal (path, "/hop"))
    redirect (msg, "/feed.geojson");
  else if (g_str_equal (path, "/to-file"))
    redirect (msg, "file:///etc/passwd");
  else if (g_str_equal (path, "/bad.json"))
    serve (msg, SOUP_STATUS_OK, "application/json", "{ \"type\": \"FeatureCollection\", ", 31);
  else if (g_str_equal (path, "/bad.csv"))
    serve (msg, SOUP_STATUS_OK, "text/csv", bad_csv, strlen (bad_csv));
  else
    serve (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "?", 1);
}

static void
server_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  static const char zeros[64 * 1024] = { 0 };

  srv.hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  srv.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (srv.server, NULL, on_request, NULL, NULL);
  soup_server_listen_local (srv.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (srv.server);
  g_assert_nonnull (uris);
  srv.base = g_uri_to_string (uris->data);
  if (g_str_has_suffix (srv.base, "/"))
    srv.base[strlen (srv.base) - 1] = '\0';
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  g_assert_true (g_str_has_prefix (srv.base, "http://127.0.0.1:"));

  /* 32 MiB of zeros in about 32 KiB */
  srv.bomb = gzip_bytes (zeros, sizeof zeros, 512);
  g_assert_cmpuint (g_bytes_get_size (srv.bomb), <, SMALL_CAP);
  srv.gzipped_feed = gzip_bytes (feed_v1, strlen (feed_v1), 1);
}

static void
server_stop (void)
{
  soup_server_disconnect (srv.server);
  g_clear_object (&srv.server);
  g_clear_pointer (&srv.hits, g_hash_table_unref);
  g_clear_pointer (&srv.base, g_free);
  g_clear_pointer (&srv.if_none_match, g_free);
  g_clear_pointer (&srv.user_agent, g_free);
  g_clear_pointer (&srv.accept_encoding, g_free);
  g_clear_pointer (&srv.bomb, g_bytes_unref);
  g_clear_pointer (&srv.gzipped_feed, g_bytes_unref);
}

static guint
hits (const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (srv.hits, path));
}

/* The client side */

typedef struct {
  gboolean       done;
  gboolean       ok;
  BlMergeReport *report;
  GError        *error;
  guint          n_failed;
  guint          n_refreshed;
} Outcome;

static void
outcome_clear (Outcome *o)
{
  g_clear_pointer (&o->report, bl_merge_report_unref);
  g_clear_error (&o->error);
  memset (o, 0, sizeof *o);
}

static void
on_refreshed (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Outcome *o = user_data;

  o->ok = bl_feed_refresh_finish (BL_FEED (object), result, &o->report, &o->error);
  o->done = TRUE;
}

static void
on_failed_signal (BlFeed       *feed,
                  const GError *error,
                  Outcome      *o)
{
  o->n_failed++;
}

static void
on_refreshed_signal (BlFeed        *feed,
                     BlMergeReport *report,
                     Outcome       *o)
{
  o->n_refreshed++;
}

static gboolean
on_guard (gpointer user_data)
{
  g_error ("a refresh did not end within 10 seconds");
  return G_SOURCE_REMOVE;
}

static BlFeed *
make_feed (const char *path)
{
  g_autofree char *url = g_strconcat (srv.base, path, NULL);
  g_autoptr(GError) error = NULL;
  BlFeed *feed = bl_feed_new (url, "Test feed", &error);

  g_assert_no_error (error);
  g_object_set (feed, "max-size", SMALL_CAP, "deadline", 1500, "timeout", 5, NULL);
  return feed;
}

static void
refresh (BlFeed    *feed,
         BlProject *project,
         BlHistory *history,
         Outcome   *o)
{
  guint guard = g_timeout_add_seconds (10, on_guard, NULL);
  gulong h1 = g_signal_connect (feed, "failed", G_CALLBACK (on_failed_signal), o);
  gulong h2 = g_signal_connect (feed, "refreshed", G_CALLBACK (on_refreshed_signal), o);

  bl_feed_refresh_async (feed, project, history, NULL, on_refreshed, o);
  while (!o->done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  g_signal_handler_disconnect (feed, h1);
  g_signal_handler_disconnect (feed, h2);
}

static GBytes *
to_bytes (BlProject *project)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = bl_project_to_bytes (project, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* A project with a claim of its own. */
static BlProject *
make_project (void)
{
  BlProject *project = bl_project_new ();
  BlClaimRecord r;

  bl_claim_record_init (&r);
  r.id = "mine";
  r.statement = "A claim made here";
  bl_claim_store_append (bl_project_get_claims (project), &r);
  return project;
}

static gboolean
has_claim_tagged (BlProject  *project,
                  const char *id,
                  const char *tag)
{
  BlClaimStore *store = bl_project_get_claims (project);
  guint index = bl_claim_store_lookup (store, id);
  BlClaimRecord r;

  if (index == BL_NO_INDEX)
    return FALSE;
  bl_claim_store_get_record (store, index, &r);
  return r.tags != NULL && g_strv_contains (r.tags, tag);
}

/* Tests */

static void
test_new (void)
{
  static const char * const bad[] = {
    "file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x.csv",
    "data:text/csv,a,b", "http://", "not a url", "",
  };
  g_autoptr(BlFeed) feed = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      BlFeed *nothing = bl_feed_new (bad[i], NULL, &error);

      g_assert_null (nothing);
      g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
      g_clear_error (&error);
    }

  feed = bl_feed_new ("https://example.org/claims.geojson", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bl_feed_get_name (feed), ==, "example.org");
  g_assert_cmpuint (strlen (bl_feed_get_id (feed)), ==, 8);
  g_assert_cmpint (bl_feed_get_state (feed), ==, BL_FEED_STATE_NEW);
}

/* Which claims are read-only: those tagged by a feed, with an id. */
static void
test_id_from_tags (void)
{
  static const char * const none[] = { "isis-k", "feedback", NULL };
  static const char * const empty[] = { "feed:", NULL };
  static const char * const second[] = { "border", "feed:ab12cd34", "feed:other", NULL };

  g_assert_null (bl_feed_id_from_tags (NULL));
  g_assert_null (bl_feed_id_from_tags (none));
  g_assert_null (bl_feed_id_from_tags (empty));
  g_assert_cmpstr (bl_feed_id_from_tags (second), ==, "ab12cd34");
}

static void
test_redirect_policy (void)
{
  static const struct { const char *from, *to; gboolean allowed; } cases[] = {
    { "http://a.example/x", "http://b.example/y", TRUE },
    { "http://a.example/x", "https://b.example/y", TRUE },
    { "https://a.example/x", "https://b.example/y", TRUE },
    { "https://a.example/x", "http://a.example/x", FALSE },
    { "HTTPS://a.example/x", "HTTP://a.example/x", FALSE },
    { "http://a.example/x", "file:///etc/passwd", FALSE },
    { "https://a.example/x", "file:///etc/passwd", FALSE },
    { "http://a.example/x", "ftp://a.example/x", FALSE },
    { "http://a.example/x", "javascript:alert(1)", FALSE },
    { "http://a.example/x", "data:text/plain,hi", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GUri) from = g_uri_parse (cases[i].from, SOUP_HTTP_URI_FLAGS, NULL);
      g_autoptr(GUri) to = g_uri_parse (cases[i].to, SOUP_HTTP_URI_FLAGS, NULL);

      g_assert_nonnull (from);
      g_assert_nonnull (to);
      if (bl_feed_redirect_allowed (from, to) != cases[i].allowed)
        g_error ("%s → %s: expected %s", cases[i].from, cases[i].to, cases[i].allowed ? "allowed" : "refused");
    }
}

/* A normal feed, then 304, then a change, then the feed going away. */
static void
test_normal_then_304_then_gone (void)
{
  g_autoptr(BlProject) project = make_project ();
  g_autoptr(BlHistory) history = bl_history_new (project);
  g_autoptr(BlFeed) feed = make_feed ("/feed.geojson");
  g_autofree char *tag = bl_feed_get_tag (feed);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  Outcome o = { 0 };

  srv.v2 = FALSE;
  srv.gone = FALSE;
  refresh (feed, project, history, &o);
  g_assert_no_error (o.error);
  g_assert_true (o.ok);
  g_assert_cmpuint (bl_merge_report_get_count (o.report, BL_MERGE_ADDED), ==, 2);
  g_assert_cmpuint (o.n_refreshed, ==, 1);
  g_assert_true (has_claim_tagged (project, "k-1", tag));
  g_assert_true (has_claim_tagged (project, "k-2", tag));
  g_assert_cmpstr (bl_feed_get_etag (feed), ==, "\"v1\"");
  g_assert_cmpint (bl_feed_get_state (feed), ==, BL_FEED_STATE_OK);
  g_assert_cmpint (bl_feed_get_last_success (feed), >, 0);
  g_assert_true (g_str_has_prefix (srv.user_agent, "Borderline/"));
  g_assert_cmpstr (srv.accept_encoding, ==, "gzip");
  g_assert_null (srv.if_none_match);
  g_assert_cmpstr (bl_history_get_undo_label (history), ==, "Refresh Feed “Test feed”");
  outcome_clear (&o);

  /* unchanged: 304, nothing merged */
  before = to_bytes (project);
  refresh (feed, project, history, &o);
  g_assert_no_error (o.error);
  g_assert_true (bl_merge_report_get_not_modified (o.report));
  g_assert_cmpstr (srv.if_none_match, ==, "\"v1\"");
  after = to_bytes (project);
  g_assert_true (g_bytes_equal (before, after));
  outcome_clear (&o);

  /* changed: k-1 updated, k-2 stays (the feed no longer has it) */
  srv.v2 = TRUE;
  refresh (feed, project, history, &o);
  g_assert_no_error (o.error);
  g_assert_cmpuint (bl_merge_report_get_count (o.report, BL_MERGE_UPDATED), ==, 1);
  g_assert_true (has_claim_tagged (project, "k-2", tag));
  g_assert_cmpstr (bl_feed_get_etag (feed), ==, "\"v2\"");
  outcome_clear (&o);

  /* the feed goes away: the claims stay, said once */
  srv.gone = TRUE;
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);
  before = to_bytes (project);
  refresh (feed, project, history, &o);
  g_assert_error (o.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (o.error->message, ==, "Could not refresh “Test feed”: the server answered 404 Not Found");
  g_assert_cmpuint (o.n_failed, ==, 1);
  g_assert_cmpint (bl_feed_get_state (feed), ==, BL_FEED_STATE_FAILED);
  g_assert_cmpstr (bl_feed_get_last_error (feed), ==, o.error->message);
  g_assert_cmpstr (bl_feed_get_etag (feed), ==, "\"v2\"");
  after = to_bytes (project);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_true (has_claim_tagged (project, "k-1", tag));
  outcome_clear (&o);
  srv.gone = FALSE;
  srv.v2 = FALSE;
}

/* A server that is not there at all. */
static void
test_unreachable (void)
{
  g_autoptr(BlProject) project = make_project ();
  g_autoptr(GBytes) before = to_bytes (project);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(SoupServer) gone = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(BlFeed) feed = NULL;
  g_autofree char *url = NULL;
  Outcome o = { 0 };

  soup_server_listen_local (gone, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (gone);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  soup_server_disconnect (gone);

  feed = bl_feed_new (url, "Test feed", &error);
  g_assert_no_error (error);
  refresh (feed, project, NULL, &o);
  g_assert_nonnull (o.error);
  g_assert_true (g_str_has_prefix (o.error->message, "Could not refresh “Test feed”: the server could not be reached"));
  g_assert_cmpuint (o.n_failed, ==, 1);
  after = to_bytes (project);
  g_assert_true (g_bytes_equal (before, after));
  outcome_clear (&o);
}

typedef struct {
  const char *path;
  GQuark      domain;
  int         code;       /* -1: any */
  const char *words;
} FailureCase;

static void
test_failures (void)
{
  const FailureCase cases[] = {
    { "/missing", G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "the server answered 404 Not Found" },
    { "/broken", G_IO_ERROR, G_IO_ERROR_FAILED, "the server answered 500 Internal Server Error" },
    { "/big", BL_ERROR, BL_ERROR_TOO_LARGE, "the feed is larger than 64.0" },
    { "/big-length", BL_ERROR, BL_ERROR_TOO_LARGE, "the feed is larger than 64.0" },
    { "/bomb", BL_ERROR, BL_ERROR_TOO_LARGE, "the feed is larger than 64.0" },
    { "/damaged-gzip", G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the compressed feed is damaged" },
    { "/brotli", G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "does not read (br)" },
    { "/slow", G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "the server did not send the feed within 2 seconds" },
    { "/loop", G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS, "the server redirected more than 3 times" },
    { "/to-file", G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "not an http or https link" },
    { "/bad.json", BL_ERROR, -1, "the feed could not be read: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BlProject) project = make_project ();
      g_autoptr(BlHistory) history = bl_history_new (project);
      g_autoptr(BlFeed) feed = make_feed (cases[i].path);
      g_autoptr(GBytes) before = to_bytes (project);
      g_autoptr(GBytes) after = NULL;
      gint64 start = g_get_monotonic_time ();
      Outcome o = { 0 };

      g_test_message ("%s", cases[i].path);
      refresh (feed, project, history, &o);
      g_assert_false (o.ok);
      g_assert_nonnull (o.error);
      if (o.error->domain != cases[i].domain || (cases[i].code >= 0 && o.error->code != cases[i].code))
        g_error ("%s: unexpected error %s %d: %s", cases[i].path,
                 g_quark_to_string (o.error->domain), o.error->code, o.error->message);
      g_assert_true (g_str_has_prefix (o.error->message, "Could not refresh “Test feed”: "));
      if (strstr (o.error->message, cases[i].words) == NULL)
        g_error ("%s: no “%s” in “%s”", cases[i].path, cases[i].words, o.error->message);
      g_assert_cmpuint (o.n_failed, ==, 1);
      g_assert_cmpuint (o.n_refreshed, ==, 0);
      g_assert_false (bl_history_can_undo (history));
      after = to_bytes (project);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
      outcome_clear (&o);
    }

  /* the loop was followed three times, not more */
  g_assert_cmpuint (hits ("/loop"), ==, 1 + BL_FEED_MAX_REDIRECTS);
}

/* A redirect within the server, and a gzip body inflated within the cap. */
static void
test_hop_and_gzip (void)
{
  static const char * const paths[] = { "/hop", "/gzip.geojson" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(BlProject) project = make_project ();
      g_autoptr(BlFeed) feed = make_feed (paths[i]);
      Outcome o = { 0 };

      refresh (feed, project, NULL, &o);
      g_assert_no_error (o.error);
      g_assert_cmpuint (bl_merge_report_get_count (o.report, BL_MERGE_ADDED), ==, 2);
      outcome_clear (&o);
    }
}

/* A CSV with a bad row: the good rows are merged, the bad one reported. */
static void
test_bad_csv_row (void)
{
  g_autoptr(BlProject) project = make_project ();
  g_autoptr(BlFeed) feed = make_feed ("/bad.csv");
  gboolean listed = FALSE;
  Outcome o = { 0 };

  refresh (feed, project, NULL, &o);
  g_assert_no_error (o.error);
  g_assert_cmpuint (bl_merge_report_get_count (o.report, BL_MERGE_ADDED), ==, 2);
  g_assert_cmpuint (bl_claim_store_lookup (bl_project_get_claims (project), "r-2"), ==, BL_NO_INDEX);
  for (guint i = 0; i < bl_merge_report_get_n_notes (o.report); i++)
    listed |= strstr (bl_merge_report_get_note (o.report, i), "bad.csv:3") != NULL;
  g_assert_true (listed);
  outcome_clear (&o);
}

/* Closing the window cancels, silently, and changes nothing. */
static void
test_cancel (void)
{
  g_autoptr(BlProject) project = make_project ();
  g_autoptr(BlFeed) feed = make_feed ("/slow");
  g_autoptr(GBytes) before = to_bytes (project);
  g_autoptr(GBytes) after = NULL;
  Outcome o = { 0 };
  gulong handler = g_signal_connect (feed, "failed", G_CALLBACK (on_failed_signal), &o);

  g_object_set (feed, "deadline", 10000, NULL);
  bl_feed_refresh_async (feed, project, NULL, NULL, on_refreshed, &o);
  g_assert_cmpint (bl_feed_get_state (feed), ==, BL_FEED_STATE_REFRESHING);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  bl_feed_cancel (feed);
  while (!o.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (o.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (o.n_failed, ==, 0);
  g_assert_cmpint (bl_feed_get_state (feed), ==, BL_FEED_STATE_NEW);
  g_assert_null (bl_feed_get_last_error (feed));
  after = to_bytes (project);
  g_assert_true (g_bytes_equal (before, after));
  g_signal_handler_disconnect (feed, handler);
  outcome_clear (&o);
}

static void
on_auto_refreshed_signal (BlFeed        *feed,
                          BlMergeReport *report,
                          gboolean      *seen)
{
  *seen = TRUE;
}

static void
test_auto_refresh (void)
{
  g_autoptr(BlProject) project = make_project ();
  g_autoptr(BlFeed) feed = make_feed ("/feed.geojson");
  guint guard = g_timeout_add_seconds (10, on_guard, NULL);
  gboolean seen = FALSE;

  g_signal_connect (feed, "refreshed", G_CALLBACK (on_auto_refreshed_signal), &seen);
  bl_feed_set_target (feed, project, NULL);
  bl_feed_set_interval (feed, 1);
  bl_feed_set_auto_refresh (feed, TRUE);
  while (!seen)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  bl_feed_set_auto_refresh (feed, FALSE);
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (project)), ==, 3);
}

static void
test_list (void)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(BlProject) project = make_project ();
  g_autoptr(GError) error = NULL;
  BlFeed *feed = make_feed ("/feed.geojson");
  BlFeed *back;
  Outcome o = { 0 };

  refresh (feed, project, NULL, &o);
  g_assert_no_error (o.error);
  outcome_clear (&o);
  bl_feed_set_interval (feed, 600);
  g_ptr_array_add (feeds, feed);

  g_assert_true (bl_feed_list_save ("file:///tmp/a.borderline", feeds, &error));
  g_assert_no_error (error);
  g_assert_true (bl_feed_list_save ("file:///tmp/b.borderline", none, &error));

  loaded = bl_feed_list_load ("file:///tmp/a.borderline", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 1);
  back = g_ptr_array_index (loaded, 0);
  g_assert_cmpstr (bl_feed_get_id (back), ==, bl_feed_get_id (feed));
  g_assert_cmpstr (bl_feed_get_url (back), ==, bl_feed_get_url (feed));
  g_assert_cmpstr (bl_feed_get_name (back), ==, "Test feed");
  g_assert_cmpstr (bl_feed_get_etag (back), ==, "\"v1\"");
  g_assert_cmpuint (bl_feed_get_interval (back), ==, 600);
  g_assert_cmpint (bl_feed_get_state (back), ==, BL_FEED_STATE_OK);
  g_assert_cmpuint (g_hash_table_size (bl_feed_get_origins (back)), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (bl_feed_get_origins (back), "k-1"), ==,
                   g_hash_table_lookup (bl_feed_get_origins (feed), "k-1"));

  other = bl_feed_list_load ("file:///tmp/b.borderline", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->len, ==, 0);

  /* unsubscribing forgets the feed */
  g_assert_true (bl_feed_list_save ("file:///tmp/a.borderline", none, &error));
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = bl_feed_list_load ("file:///tmp/a.borderline", &error);
  g_assert_cmpuint (loaded->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  g_autofree char *cache = NULL;
  int status;

  /* nothing but 127.0.0.1, and no folder of the user's */
  home = g_dir_make_tmp ("test-feed-XXXXXX", NULL);
  g_assert_nonnull (home);
  config = g_build_filename (home, "config", NULL);
  data = g_build_filename (home, "data", NULL);
  cache = g_build_filename (home, "cache", NULL);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");

  g_test_init (&argc, &argv, NULL);
  server_start ();

  g_test_add_func ("/feed/new", test_new);
  g_test_add_func ("/feed/id-from-tags", test_id_from_tags);
  g_test_add_func ("/feed/redirect-policy", test_redirect_policy);
  g_test_add_func ("/feed/normal-304-gone", test_normal_then_304_then_gone);
  g_test_add_func ("/feed/unreachable", test_unreachable);
  g_test_add_func ("/feed/failures", test_failures);
  g_test_add_func ("/feed/hop-and-gzip", test_hop_and_gzip);
  g_test_add_func ("/feed/bad-csv-row", test_bad_csv_row);
  g_test_add_func ("/feed/cancel", test_cancel);
  g_test_add_func ("/feed/auto-refresh", test_auto_refresh);
  g_test_add_func ("/feed/list", test_list);

  status = g_test_run ();

  server_stop ();
  bl_test_remove_tree (home);
  return status;
}
