/* bl-feed-fetch.c — downloading a feed, carefully, and merging it
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: one refresh of a #BlFeed. It downloads the whole feed,
 * reads it into a new project on a worker thread, and only then, on the
 * main thread, merges it into the open project with bl_project_merge().
 * Whatever fails (network, TLS, status, size, time, content), the open
 * project is not touched, and the failure is one sentence naming the feed.
 *
 * libsoup 3.2 trusts the network more than a desktop app should, so each
 * request is guarded here: an I/O timeout on the feed's session, a
 * deadline for the whole download (a timeout that cancels it, so a server
 * that trickles a byte a second cannot hold it for ever), no content
 * decoder in the session (gzip is asked for and inflated here, and the
 * *inflated* bytes are counted against #BlFeed:max-size as they come, so a
 * gzip bomb stops at the cap), only http and https, redirects followed by
 * hand (at most three, never from https to anything else), and TLS
 * validated the default way. A conditional request (If-None-Match,
 * If-Modified-Since) makes an unchanged feed cost a 304; it is sent only
 * when the project still holds claims of the feed.
 *
 * What it is not: the feed object and its properties (bl-feed.c), the
 * rules of merging (bl-merge.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bl-error.h"
#include "bl-feed-private.h"
#include "bl-format.h"
#include "bl-uri.h"

#define READ_CHUNK  (64 * 1024)
#define INFLATE_OUT (64 * 1024)
#define MIB         (1024 * 1024)

/* One refresh, the task data of its GTask. */
typedef struct
{
  BlFeed         *self;             /* borrowed: the task holds a reference */
  BlProject      *into;
  BlHistory      *history;
  BlFeedState     state_before;
  gboolean        automatic;

  /* cancelled by the caller's cancellable, by the feed and by the deadline */
  GCancellable   *cancellable;
  GCancellable   *caller_cancellable;
  gulong          caller_handler;
  GCancellable   *feed_cancellable;
  gulong          feed_handler;
  GSource        *deadline;
  gboolean        timed_out;

  GUri           *uri;
  guint           n_redirects;
  gboolean        conditional;
  SoupMessage    *msg;
  GCancellable   *msg_cancellable;  /* this message's I/O; cancelled with cancellable */
  gulong          msg_handler;
  GInputStream   *stream;
  GConverter     *decoder;          /* NULL when the body is not compressed */
  gboolean        decoded_all;
  guint8         *inflated;         /* INFLATE_OUT bytes */
  GByteArray     *body;

  char           *etag;
  char           *last_modified;
  char           *content_type;
} Refresh;

/* What the worker thread read. */
typedef struct
{
  BlProject      *project;
  BlImportReport *report;
} Parsed;

typedef struct
{
  GBytes         *body;
  char           *display_name;
  char           *content_type;
} ParseInput;

static void refresh_send (GTask *task);
static void refresh_read (GTask *task);

/* Helpers */

/* Lets go of the current message. A body not read to its end is cut off
 * first, so that dropping the stream does not read the rest. */
static void
refresh_drop_message (Refresh  *req,
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
  g_clear_object (&req->decoder);
  req->decoded_all = FALSE;
}

static void
stop_deadline (Refresh *req)
{
  if (req->deadline != NULL)
    {
      g_source_destroy (req->deadline);
      g_clear_pointer (&req->deadline, g_source_unref);
    }
}

static void
refresh_free (Refresh *req)
{
  stop_deadline (req);
  refresh_drop_message (req, FALSE);
  if (req->caller_cancellable != NULL)
    g_cancellable_disconnect (req->caller_cancellable, req->caller_handler);
  if (req->feed_cancellable != NULL)
    g_cancellable_disconnect (req->feed_cancellable, req->feed_handler);
  g_clear_object (&req->caller_cancellable);
  g_clear_object (&req->feed_cancellable);
  g_clear_object (&req->cancellable);
  g_clear_object (&req->into);
  g_clear_object (&req->history);
  g_clear_pointer (&req->uri, g_uri_unref);
  g_clear_pointer (&req->body, g_byte_array_unref);
  g_clear_pointer (&req->inflated, g_free);
  g_free (req->etag);
  g_free (req->last_modified);
  g_free (req->content_type);
  g_free (req);
}

static void
parsed_free (Parsed *parsed)
{
  g_clear_object (&parsed->project);
  g_clear_pointer (&parsed->report, bl_import_report_free);
  g_free (parsed);
}

static void
parse_input_free (ParseInput *input)
{
  g_bytes_unref (input->body);
  g_free (input->display_name);
  g_free (input->content_type);
  g_free (input);
}

/* "HTTP 404 Not Found", with the phrase from libsoup's table, never the
 * server's. */
static char *
describe_status (guint status)
{
  const char *phrase = soup_status_get_phrase (status);

  if (phrase == NULL || g_str_equal (phrase, "Unknown Error"))
    return g_strdup_printf ("%u", status);
  return g_strdup_printf ("%u %s", status, phrase);
}

/* The file name messages about the content use: the last part of the
 * address's path ("claims.csv"), else the feed's name. */
static char *
make_display_name (BlFeed *self,
                   GUri   *uri)
{
  const char *path = g_uri_get_path (uri);
  const char *slash = path != NULL ? strrchr (path, '/') : NULL;
  const char *base = slash != NULL ? slash + 1 : path;

  if (base == NULL || *base == '\0')
    return g_strdup (self->name);
  return g_uri_unescape_string (base, NULL);
}

static gboolean
project_has_feed_claims (BlProject  *project,
                         const char *tag)
{
  BlClaimStore *store = bl_project_get_claims (project);
  guint n = bl_claim_store_get_n_claims (store);

  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord r;

      bl_claim_store_get_record (store, i, &r);
      if (r.tags != NULL && g_strv_contains (r.tags, tag))
        return TRUE;
    }
  return FALSE;
}

/* Ending a refresh */

static void
refresh_done (GTask         *task,
              BlMergeReport *report,
              GError        *error)
{
  Refresh *req = g_task_get_task_data (task);

  stop_deadline (req);
  refresh_drop_message (req, FALSE);
  bl_feed_refresh_ended (req->self, report, error, req->state_before, req->automatic);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bl_merge_report_ref (report), (GDestroyNotify) bl_merge_report_unref);
}

/* Fails with "Could not refresh “NAME”: REASON". Cancellation is silent; a
 * cancellation by the deadline becomes a timeout. */
static void G_GNUC_PRINTF (4, 5)
refresh_fail (GTask      *task,
              GQuark      domain,
              int         code,
              const char *format,
              ...)
{
  Refresh *req = g_task_get_task_data (task);
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  refresh_done (task, NULL,
                g_error_new (domain, code, _("Could not refresh “%s”: %s"), req->self->name, reason));
}

static void
refresh_fail_cancelled (GTask *task)
{
  Refresh *req = g_task_get_task_data (task);
  gboolean by_caller = (req->caller_cancellable != NULL && g_cancellable_is_cancelled (req->caller_cancellable))
                       || g_cancellable_is_cancelled (req->feed_cancellable);

  if (req->timed_out && !by_caller)
    {
      guint seconds = (req->self->deadline + 999) / 1000;

      refresh_fail (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                    g_dngettext (GETTEXT_PACKAGE, "the server did not send the feed within %u second",
                                 "the server did not send the feed within %u seconds", seconds),
                    seconds);
      return;
    }
  refresh_done (task, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
}

/* Turns an error of libsoup or GIO into words. */
static void
refresh_fail_io (GTask        *task,
                 const GError *io_error,
                 gboolean      reading)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    refresh_fail_cancelled (task);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    refresh_fail (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, _("the server stopped answering"));
  else if (reading)
    refresh_fail (task, io_error->domain, io_error->code,
                  _("the download broke off (%s)"), io_error->message);
  else
    refresh_fail (task, io_error->domain, io_error->code,
                  _("the server could not be reached (%s)"), io_error->message);
}

static void
refresh_fail_too_large (GTask *task)
{
  Refresh *req = g_task_get_task_data (task);
  guint cap = req->self->max_size;
  g_autofree char *limit = cap % MIB == 0 ? g_strdup_printf (_("%u MiB"), cap / MIB)
                                          : g_format_size_full (cap, G_FORMAT_SIZE_IEC_UNITS);

  refresh_drop_message (req, FALSE);
  refresh_fail (task, BL_ERROR, BL_ERROR_TOO_LARGE, _("the feed is larger than %s"), limit);
}

/* Reading the body */

/* Adds @len bytes of the body, inflating them first when compressed, and
 * counts what is kept against the cap. */
static gboolean
body_append (GTask        *task,
             const guint8 *data,
             gsize         len,
             gboolean      at_end)
{
  Refresh *req = g_task_get_task_data (task);
  gsize cap = req->self->max_size;

  if (req->decoder == NULL)
    {
      if (len > cap - MIN (cap, req->body->len))
        {
          refresh_fail_too_large (task);
          return FALSE;
        }
      g_byte_array_append (req->body, data, len);
      return TRUE;
    }

  while (!req->decoded_all && (len > 0 || at_end))
    {
      g_autoptr(GError) error = NULL;
      gsize n_read = 0, n_written = 0;
      GConverterResult result;

      result = g_converter_convert (req->decoder, data, len, req->inflated, INFLATE_OUT,
                                    at_end ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &n_read, &n_written, &error);
      if (result == G_CONVERTER_ERROR
          || (at_end && result != G_CONVERTER_FINISHED && n_read == 0 && n_written == 0))
        {
          refresh_drop_message (req, FALSE);
          refresh_fail (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                        _("the compressed feed is damaged"));
          return FALSE;
        }

      data += n_read;
      len -= n_read;
      if (n_written > cap - MIN (cap, req->body->len))
        {
          refresh_fail_too_large (task);
          return FALSE;
        }
      g_byte_array_append (req->body, req->inflated, n_written);

      if (result == G_CONVERTER_FINISHED)
        req->decoded_all = TRUE;          /* anything after the end is ignored */
      else if (n_read == 0 && n_written == 0)
        break;                            /* needs more input */
    }

  return TRUE;
}

/* Worker thread: reads the downloaded feed into a new project. */
static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseInput *input = task_data;
  g_autoptr(GError) error = NULL;
  Parsed *parsed = g_new0 (Parsed, 1);
  gsize len;
  const char *data = g_bytes_get_data (input->body, &len);
  BlFormat format = bl_format_guess (input->display_name, data, len);

  if (format == BL_FORMAT_UNKNOWN && input->content_type != NULL)
    {
      if (g_str_equal (input->content_type, "text/csv"))
        format = BL_FORMAT_CSV;
      else if (g_str_equal (input->content_type, "application/geo+json"))
        format = BL_FORMAT_GEOJSON;
    }

  parsed->project = bl_import_data (data != NULL ? data : "", len, input->display_name, format,
                                    NULL, &parsed->report, cancellable, &error);
  if (parsed->project == NULL)
    {
      parsed_free (parsed);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, parsed, (GDestroyNotify) parsed_free);
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
  Refresh *req = user_data;

  g_debug ("Feed %s: deadline reached", req->self->id);
  req->timed_out = TRUE;
  g_clear_pointer (&req->deadline, g_source_unref);
  g_cancellable_cancel (req->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_parsed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *req = g_task_get_task_data (task);
  BlFeed *self = req->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMergeReport) report = NULL;
  g_autofree char *label = NULL;
  Parsed *parsed;
  BlMergeOptions options;

  parsed = g_task_propagate_pointer (G_TASK (result), &error);
  if (parsed == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        refresh_fail_cancelled (task);
      else
        refresh_fail (task, error->domain, error->code,
                      _("the feed could not be read: %s"), error->message);
      return;
    }

  /* the window may have closed while the thread read */
  if (g_cancellable_is_cancelled (req->cancellable))
    {
      parsed_free (parsed);
      refresh_fail_cancelled (task);
      return;
    }

  label = g_strdup_printf (_("Refresh Feed “%s”"), self->name);
  bl_merge_options_init (&options);
  options.feed_id = self->id;
  options.origins = self->origins;
  options.label = label;
  if (!bl_project_merge (req->into, parsed->project, req->history, &options, &report, &error))
    {
      parsed_free (parsed);
      refresh_fail (task, error->domain, error->code, "%s", error->message);
      return;
    }

  for (guint i = 0; i < bl_import_report_get_n_listed (parsed->report); i++)
    bl_merge_report_add_note (report, bl_import_report_get_message (parsed->report, i));
  parsed_free (parsed);

  bl_feed_set_validators (self, req->etag, req->last_modified);
  refresh_done (task, report, NULL);
}

static void
on_body_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *req = g_task_get_task_data (task);
  BlFeed *self = req->self;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) parse = NULL;
  ParseInput *input;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      refresh_fail_io (task, error, TRUE);
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size > 0)
    {
      if (body_append (task, g_bytes_get_data (chunk, NULL), size, FALSE))
        refresh_read (task);
      return;
    }

  /* the end of the body */
  if (req->decoder != NULL && !body_append (task, NULL, 0, TRUE))
    return;
  refresh_drop_message (req, TRUE);
  stop_deadline (req);

  input = g_new0 (ParseInput, 1);
  input->body = g_byte_array_free_to_bytes (g_steal_pointer (&req->body));
  input->display_name = make_display_name (self, req->uri);
  input->content_type = g_strdup (req->content_type);

  parse = g_task_new (NULL, req->cancellable, on_parsed, g_object_ref (task));
  g_task_set_source_tag (parse, parse_thread);
  g_task_set_task_data (parse, input, (GDestroyNotify) parse_input_free);
  g_task_run_in_thread (parse, parse_thread);
}

/* Follows the redirect of the answer just received, if it is allowed. */
static void
refresh_redirect (GTask      *task,
                  const char *location)
{
  Refresh *req = g_task_get_task_data (task);
  g_autoptr(GUri) target = NULL;
  const char *scheme;

  refresh_drop_message (req, FALSE);

  if (req->n_redirects >= BL_FEED_MAX_REDIRECTS)
    {
      refresh_fail (task, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                    _("the server redirected more than %u times"), BL_FEED_MAX_REDIRECTS);
      return;
    }

  target = g_uri_parse_relative (req->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = target != NULL ? g_uri_get_scheme (target) : NULL;
  if (target == NULL || !bl_feed_redirect_allowed (req->uri, target))
    {
      if (scheme != NULL
          && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
          && g_ascii_strcasecmp (g_uri_get_scheme (req->uri), "https") == 0
          && g_ascii_strcasecmp (scheme, "https") != 0)
        refresh_fail (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                      _("the server redirected from a secure (https) address to an insecure one, which Borderline does not follow"));
      else
        refresh_fail (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                      _("the server redirected to an address that is not an http or https link, which Borderline does not follow"));
      return;
    }

  g_debug ("Feed %s: redirected to %s", req->self->id, location);
  g_uri_unref (req->uri);
  req->uri = g_steal_pointer (&target);
  req->n_redirects++;
  refresh_send (task);
}

static void
on_message_sent (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *req = g_task_get_task_data (task);
  BlFeed *self = req->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  SoupMessageHeaders *headers;
  const char *encoding;
  guint status;

  req->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (req->stream == NULL)
    {
      refresh_fail_io (task, error, FALSE);
      return;
    }

  status = soup_message_get_status (req->msg);
  headers = soup_message_get_response_headers (req->msg);
  g_debug ("Feed %s: HTTP %u", self->id, status);

  if (status == SOUP_STATUS_NOT_MODIFIED && req->conditional)
    {
      g_autoptr(BlMergeReport) report = bl_merge_report_new (0);

      refresh_drop_message (req, TRUE);
      bl_merge_report_set_not_modified (report, TRUE);
      refresh_done (task, report, NULL);
      return;
    }

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      const char *location = soup_message_headers_get_one (headers, "Location");

      if (location != NULL)
        {
          refresh_redirect (task, location);
          return;
        }
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status) || status == SOUP_STATUS_NO_CONTENT)
    {
      what = describe_status (status);
      refresh_drop_message (req, FALSE);
      refresh_fail (task, G_IO_ERROR,
                    status == 404 || status == 410 ? G_IO_ERROR_NOT_FOUND
                    : status == 401 || status == 403 ? G_IO_ERROR_PERMISSION_DENIED
                    : G_IO_ERROR_FAILED,
                    _("the server answered %s"), what);
      return;
    }

  encoding = soup_message_headers_get_one (headers, "Content-Encoding");
  if (encoding != NULL && *encoding != '\0' && g_ascii_strcasecmp (encoding, "identity") != 0)
    {
      if (g_ascii_strcasecmp (encoding, "gzip") == 0 || g_ascii_strcasecmp (encoding, "x-gzip") == 0)
        req->decoder = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
      else if (g_ascii_strcasecmp (encoding, "deflate") == 0)
        req->decoder = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      else
        {
          g_autofree char *shown = g_utf8_make_valid (encoding, MIN (strlen (encoding), 40));

          refresh_drop_message (req, FALSE);
          refresh_fail (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                        _("the server compressed the feed in a way Borderline does not read (%s)"), shown);
          return;
        }
      if (req->inflated == NULL)
        req->inflated = g_malloc (INFLATE_OUT);
    }
  else if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
           && soup_message_headers_get_content_length (headers) > (goffset) self->max_size)
    {
      refresh_fail_too_large (task);
      return;
    }

  g_free (req->etag);
  req->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  g_free (req->last_modified);
  req->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  g_free (req->content_type);
  req->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));

  g_clear_pointer (&req->body, g_byte_array_unref);
  req->body = g_byte_array_new ();
  refresh_read (task);
}

/* Requests */

static void
refresh_read (GTask *task)
{
  Refresh *req = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (req->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   req->msg_cancellable, on_body_read, g_object_ref (task));
}

static void
refresh_send (GTask *task)
{
  Refresh *req = g_task_get_task_data (task);
  BlFeed *self = req->self;
  SoupMessageHeaders *headers;

  refresh_drop_message (req, FALSE);
  req->msg = soup_message_new_from_uri (SOUP_METHOD_GET, req->uri);
  req->msg_cancellable = g_cancellable_new ();
  req->msg_handler = g_cancellable_connect (req->cancellable,
                                            G_CALLBACK (on_linked_cancellable_cancelled),
                                            req->msg_cancellable, NULL);
  soup_message_add_flags (req->msg, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (req->msg);
  soup_message_headers_replace (headers, "Accept",
                                "application/geo+json, application/json;q=0.9, text/csv;q=0.9, */*;q=0.5");
  soup_message_headers_replace (headers, "Accept-Encoding", "gzip");
  if (req->conditional && self->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", self->etag);
  if (req->conditional && self->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", self->last_modified);

  soup_session_send_async (self->session, req->msg, G_PRIORITY_DEFAULT,
                           req->msg_cancellable, on_message_sent, g_object_ref (task));
}

/* Starting */

/* Starts the refresh that @task stands for; bl_feed_refresh_async() has
 * marked @self as refreshing. */
void
bl_feed_fetch (BlFeed    *self,
               GTask     *task,
               BlProject *into,
               BlHistory *history,
               gboolean   automatic)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *tag = NULL;
  Refresh *req;

  req = g_new0 (Refresh, 1);
  req->self = self;
  req->into = g_object_ref (into);
  req->history = history != NULL ? g_object_ref (history) : NULL;
  req->automatic = automatic;
  req->state_before = self->state == BL_FEED_STATE_REFRESHING ? BL_FEED_STATE_NEW : self->state;
  req->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, req, (GDestroyNotify) refresh_free);

  req->feed_cancellable = g_object_ref (self->cancellable);
  req->feed_handler = g_cancellable_connect (req->feed_cancellable,
                                             G_CALLBACK (on_linked_cancellable_cancelled),
                                             req->cancellable, NULL);
  if (cancellable != NULL)
    {
      req->caller_cancellable = g_object_ref (cancellable);
      req->caller_handler = g_cancellable_connect (cancellable,
                                                   G_CALLBACK (on_linked_cancellable_cancelled),
                                                   req->cancellable, NULL);
    }

  if (g_cancellable_is_cancelled (req->cancellable))
    {
      refresh_fail_cancelled (task);
      return;
    }

  req->uri = bl_uri_is_web_link (self->url) ? g_uri_parse (self->url, SOUP_HTTP_URI_FLAGS, NULL) : NULL;
  if (req->uri == NULL)
    {
      refresh_fail (task, BL_ERROR, BL_ERROR_INVALID, _("its address is not an http or https link"));
      return;
    }

  /* ask "changed since?" only when the claims it gave are still here */
  tag = bl_feed_get_tag (self);
  req->conditional = (self->etag != NULL || self->last_modified != NULL)
                     && project_has_feed_claims (into, tag);

  req->deadline = g_timeout_source_new (self->deadline);
  g_source_set_callback (req->deadline, on_deadline_reached, req, NULL);
  g_source_set_static_name (req->deadline, "[borderline] feed deadline");
  g_source_attach (req->deadline, g_task_get_context (task));

  refresh_send (task);
}
