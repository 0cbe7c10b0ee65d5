/* bl-http.c — careful HTTP downloads: one session setup, one guarded GET
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: everything Borderline downloads (map tiles in
 * bl-online-source.c, feeds in bl-feed-fetch.c) goes through here, so
 * that the guards against a hostile or broken server are written once.
 * libsoup 3.2 trusts the network more than a desktop app should, so:
 *
 * - bl_http_session_new() makes a session that says who is asking
 *   (%BL_HTTP_USER_AGENT), gives up a connection after some seconds of
 *   silence, opens few connections, and has no content decoder, so that
 *   nothing inflates a body behind the size count;
 * - bl_http_get_async() sends one GET, follows redirects by hand (at most
 *   #BlHttpOptions.max_redirects, only to http or https, never from https
 *   to anything else: bl_uri_redirect_allowed()), cancels the whole
 *   download once its deadline passes (so a server that trickles a byte a
 *   second cannot hold it for ever), refuses a Content-Length over the
 *   cap before reading, and reads the body into a #BlHttpBody;
 * - a #BlHttpBody counts the body against the cap as it comes, inflating
 *   gzip or deflate first when asked to, so that a gzip bomb stops at the
 *   cap. It touches no network, so fuzz targets and tests use it as is.
 *
 * An answer whose status is not 2xx (after redirects) is returned with
 * its headers and no body: callers decide what a 304 or a 404 means. TLS
 * is validated the default way.
 *
 * What it is not: what callers make of an answer, and the words of their
 * messages (the errors here carry codes, not sentences).
 */
#include "config.h"

#include <string.h>

#include "bl-http.h"
#include "bl-uri.h"

#define READ_CHUNK  (64 * 1024)
#define INFLATE_OUT (64 * 1024)

struct _BlHttpBody
{
  GByteArray *data;
  GConverter *decoder;       /* NULL when the body is taken as it comes */
  guint8     *inflated;      /* INFLATE_OUT bytes, with a decoder */
  gsize       max_size;
  gboolean    decoded_all;
};

struct _BlHttpResponse
{
  gatomicrefcount     ref_count;
  guint               status;
  SoupMessageHeaders *headers;
  GBytes             *body;       /* NULL unless the status is 2xx */
  GUri               *uri;
};

/* One download, the task data of its GTask */
typedef struct
{
  SoupSession    *session;
  GUri           *uri;
  guint           n_redirects;
  BlHttpOptions   options;       /* its strings are owned copies */
  BlHttpStage     stage;

  /* cancelled by the caller's cancellable and by the deadline */
  GCancellable   *cancellable;
  GCancellable   *caller_cancellable;
  gulong          caller_handler;
  GSource        *deadline;
  gboolean        timed_out;

  SoupMessage    *msg;
  GCancellable   *msg_cancellable;  /* this message's I/O; cancelled with cancellable */
  gulong          msg_handler;
  GInputStream   *stream;
  BlHttpBody     *body;
} Get;

G_DEFINE_QUARK (bl-http-error-quark, bl_http_error)

G_DEFINE_BOXED_TYPE (BlHttpResponse, bl_http_response, bl_http_response_ref, bl_http_response_unref)

static void get_send (GTask *task);
static void get_read (GTask *task);

/* Helpers {{{ */

/* Lets go of the current message. A body not read to its end is cut off
 * first: closing libsoup's stream would otherwise read the rest, blocking,
 * however long or slow it is. */
static void
get_drop_message (Get      *get,
                  gboolean  body_done)
{
  if (get->stream != NULL && !body_done && get->msg_cancellable != NULL)
    g_cancellable_cancel (get->msg_cancellable);
  g_clear_object (&get->stream);
  if (get->msg_cancellable != NULL)
    {
      g_cancellable_disconnect (get->cancellable, get->msg_handler);
      get->msg_handler = 0;
      g_clear_object (&get->msg_cancellable);
    }
  g_clear_object (&get->msg);
  g_clear_pointer (&get->body, bl_http_body_free);
}

static void
get_stop_deadline (Get *get)
{
  if (get->deadline != NULL)
    {
      g_source_destroy (get->deadline);
      g_clear_pointer (&get->deadline, g_source_unref);
    }
}

static void
get_free (Get *get)
{
  get_stop_deadline (get);
  get_drop_message (get, FALSE);
  if (get->caller_cancellable != NULL)
    g_cancellable_disconnect (get->caller_cancellable, get->caller_handler);
  g_clear_object (&get->caller_cancellable);
  g_clear_object (&get->cancellable);
  g_clear_object (&get->session);
  g_clear_pointer (&get->uri, g_uri_unref);
  g_free ((char *) get->options.accept);
  g_free ((char *) get->options.if_none_match);
  g_free ((char *) get->options.if_modified_since);
  g_free (get);
}

static BlHttpResponse *
response_new (guint               status,
              SoupMessageHeaders *headers,
              GBytes             *body,
              GUri               *uri)
{
  BlHttpResponse *response = g_new0 (BlHttpResponse, 1);

  g_atomic_ref_count_init (&response->ref_count);
  response->status = status;
  response->headers = soup_message_headers_ref (headers);
  response->body = body != NULL ? g_bytes_ref (body) : NULL;
  response->uri = g_uri_ref (uri);
  return response;
}

/* Ends the download with @error (taken). A cancellation by the deadline,
 * not by the caller, becomes %BL_HTTP_ERROR_DEADLINE. */
static void
get_fail (GTask  *task,
          GError *error)
{
  Get *get = g_task_get_task_data (task);
  gboolean by_caller = get->caller_cancellable != NULL
                       && g_cancellable_is_cancelled (get->caller_cancellable);

  get_stop_deadline (get);
  get_drop_message (get, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && get->timed_out && !by_caller)
    {
      g_error_free (error);
      error = g_error_new_literal (BL_HTTP_ERROR, BL_HTTP_ERROR_DEADLINE, "deadline passed");
    }
  g_task_return_error (task, error);
}

static void
get_succeed (GTask  *task,
             guint   status,
             GBytes *body)
{
  Get *get = g_task_get_task_data (task);
  BlHttpResponse *response;

  response = response_new (status, soup_message_get_response_headers (get->msg), body, get->uri);
  get_stop_deadline (get);
  get_drop_message (get, body != NULL || status == SOUP_STATUS_NOT_MODIFIED);
  g_task_return_pointer (task, response, (GDestroyNotify) bl_http_response_unref);
}

/* }}} */

/* Callbacks {{{ */

static void
on_linked_cancellable_cancelled (GCancellable *linked,
                                 gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
on_deadline_reached (gpointer user_data)
{
  Get *get = user_data;

  g_debug ("%s: deadline reached", g_uri_get_host (get->uri));
  get->timed_out = TRUE;
  g_clear_pointer (&get->deadline, g_source_unref);
  g_cancellable_cancel (get->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_body_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Get *get = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  gsize size;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      get_fail (task, error);
      return;
    }

  size = g_bytes_get_size (chunk);
  if (size > 0)
    {
      if (!bl_http_body_append (get->body, g_bytes_get_data (chunk, NULL), size, &error))
        get_fail (task, error);
      else
        get_read (task);
      return;
    }

  /* the end of the body */
  body = bl_http_body_finish (get->body, &error);
  if (body == NULL)
    {
      get_fail (task, error);
      return;
    }
  get_succeed (task, soup_message_get_status (get->msg), body);
}

/* Follows the redirect of the answer just received, if it is allowed. */
static void
get_redirect (GTask      *task,
              const char *location)
{
  Get *get = g_task_get_task_data (task);
  g_autoptr(GUri) target = NULL;
  const char *scheme;

  get_drop_message (get, FALSE);

  if (get->n_redirects >= get->options.max_redirects)
    {
      get_fail (task, g_error_new (BL_HTTP_ERROR, BL_HTTP_ERROR_TOO_MANY_REDIRECTS,
                                   "more than %u redirects", get->options.max_redirects));
      return;
    }

  target = g_uri_parse_relative (get->uri, location, SOUP_HTTP_URI_FLAGS, NULL);
  if (target == NULL || !bl_uri_redirect_allowed (get->uri, target))
    {
      scheme = target != NULL ? g_uri_get_scheme (target) : NULL;
      if (scheme != NULL
          && g_ascii_strcasecmp (scheme, "http") == 0
          && g_ascii_strcasecmp (g_uri_get_scheme (get->uri), "https") == 0)
        get_fail (task, g_error_new_literal (BL_HTTP_ERROR, BL_HTTP_ERROR_REDIRECT_INSECURE,
                                             "redirect from https to http"));
      else
        get_fail (task, g_error_new_literal (BL_HTTP_ERROR, BL_HTTP_ERROR_REDIRECT_REFUSED,
                                             "redirect to an address that is not a web link"));
      return;
    }

  g_debug ("%s: redirected to %s", g_uri_get_host (get->uri), location);
  g_uri_unref (get->uri);
  get->uri = g_steal_pointer (&target);
  get->n_redirects++;
  get_send (task);
}

static void
on_message_sent (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Get *get = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  GError *error = NULL;
  guint status;

  get->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (get->stream == NULL)
    {
      get_fail (task, error);
      return;
    }

  status = soup_message_get_status (get->msg);
  headers = soup_message_get_response_headers (get->msg);
  g_debug ("%s: HTTP %u", g_uri_get_host (get->uri), status);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      const char *location = soup_message_headers_get_one (headers, "Location");

      if (location != NULL)
        {
          get_redirect (task, location);
          return;
        }
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      get_succeed (task, status, NULL);
      return;
    }

  get->stage = BL_HTTP_STAGE_READING;
  get->body = bl_http_body_new (soup_message_headers_get_one (headers, "Content-Encoding"),
                                get->options.decode, get->options.max_size, &error);
  if (get->body == NULL)
    {
      get_fail (task, error);
      return;
    }
  if (get->body->decoder == NULL
      && soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && soup_message_headers_get_content_length (headers) > (goffset) get->options.max_size)
    {
      get_fail (task, g_error_new_literal (BL_HTTP_ERROR, BL_HTTP_ERROR_TOO_LARGE,
                                           "Content-Length over the cap"));
      return;
    }

  get_read (task);
}

/* }}} */

/* Requests {{{ */

static void
get_read (GTask *task)
{
  Get *get = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (get->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   get->msg_cancellable, on_body_read, g_object_ref (task));
}

static void
get_send (GTask *task)
{
  Get *get = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  get_drop_message (get, FALSE);
  get->stage = BL_HTTP_STAGE_CONNECTING;
  get->msg = soup_message_new_from_uri (SOUP_METHOD_GET, get->uri);
  get->msg_cancellable = g_cancellable_new ();
  get->msg_handler = bl_http_cancel_with (get->msg_cancellable, get->cancellable);
  soup_message_add_flags (get->msg, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (get->msg);
  if (get->options.accept != NULL)
    soup_message_headers_replace (headers, "Accept", get->options.accept);
  if (get->options.decode)
    soup_message_headers_replace (headers, "Accept-Encoding", "gzip");
  if (get->options.if_none_match != NULL)
    soup_message_headers_replace (headers, "If-None-Match", get->options.if_none_match);
  if (get->options.if_modified_since != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", get->options.if_modified_since);

  soup_session_send_async (get->session, get->msg, G_PRIORITY_DEFAULT,
                           get->msg_cancellable, on_message_sent, g_object_ref (task));
}

/* }}} */

/* Public API {{{ */

/**
 * bl_http_options_init:
 *
 * Sets @options to a 30 s deadline, a 2 MiB cap, three redirects, no
 * decoding and no extra headers.
 */
void
bl_http_options_init (BlHttpOptions *options)
{
  memset (options, 0, sizeof *options);
  options->deadline = 30000;
  options->max_size = 2 * 1024 * 1024;
  options->max_redirects = 3;
}

/**
 * bl_http_cancel_with:
 * @cancellable: what to cancel
 * @source: what cancels it
 *
 * Cancels @cancellable when @source is cancelled (at once if it is
 * already). Disconnect with g_cancellable_disconnect (@source, handler).
 *
 * Returns: the handler id, 0 when @source was already cancelled
 */
gulong
bl_http_cancel_with (GCancellable *cancellable,
                     GCancellable *source)
{
  return g_cancellable_connect (source, G_CALLBACK (on_linked_cancellable_cancelled),
                                cancellable, NULL);
}

/**
 * bl_http_cancel_all:
 * @owner: (inout) (transfer full): the cancellable an object links its
 *   requests to
 *
 * Cancels every request linked to *@owner, silently (as when the window
 * closes), and puts a new cancellable in its place, so that later
 * requests run as usual.
 */
void
bl_http_cancel_all (GCancellable **owner)
{
  g_return_if_fail (owner != NULL && G_IS_CANCELLABLE (*owner));

  g_cancellable_cancel (*owner);
  g_object_unref (*owner);
  *owner = g_cancellable_new ();
}

/**
 * bl_http_cancellables_init:
 * @self: the request's cancellables, to fill in
 * @owner: (nullable): the cancellable of the object that makes the request
 * @caller: (nullable): the caller's cancellable
 *
 * Makes @self's own cancellable and links it to @owner and @caller: it is
 * cancelled at once when either already is.
 */
void
bl_http_cancellables_init (BlHttpCancellables *self,
                           GCancellable       *owner,
                           GCancellable       *caller)
{
  g_return_if_fail (self != NULL);

  memset (self, 0, sizeof *self);
  self->cancellable = g_cancellable_new ();
  if (owner != NULL)
    {
      self->owner = g_object_ref (owner);
      self->owner_handler = bl_http_cancel_with (self->cancellable, owner);
    }
  if (caller != NULL)
    {
      self->caller = g_object_ref (caller);
      self->caller_handler = bl_http_cancel_with (self->cancellable, caller);
    }
}

/**
 * bl_http_cancellables_clear:
 * @self: a request's cancellables
 *
 * Unlinks @self's cancellable from its owner's and its caller's and lets
 * go of all three.
 */
void
bl_http_cancellables_clear (BlHttpCancellables *self)
{
  g_return_if_fail (self != NULL);

  if (self->caller != NULL)
    g_cancellable_disconnect (self->caller, self->caller_handler);
  if (self->owner != NULL)
    g_cancellable_disconnect (self->owner, self->owner_handler);
  g_clear_object (&self->caller);
  g_clear_object (&self->owner);
  g_clear_object (&self->cancellable);
  self->caller_handler = self->owner_handler = 0;
}

/**
 * bl_http_describe_status:
 * @status: an HTTP status code
 *
 * The status for a message: "404 Not Found", "429 Too Many Requests",
 * with the phrase from a table (libsoup's, and the few it lacks), never
 * the server's; the bare number when no phrase is known.
 *
 * Returns: (transfer full): the status in words
 */
char *
bl_http_describe_status (guint status)
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
    return g_strdup_printf ("%u", status);
  return g_strdup_printf ("%u %s", status, phrase);
}

/**
 * bl_http_session_new:
 * @timeout: seconds of silence after which a connection is given up
 * @max_conns: the most connections open at once, and to one host
 *
 * Returns: (transfer full): a session sending %BL_HTTP_USER_AGENT, with no
 *   content decoder (a #BlHttpBody inflates, and counts, instead)
 */
SoupSession *
bl_http_session_new (guint timeout,
                     guint max_conns)
{
  SoupSession *session;

  session = soup_session_new_with_options ("user-agent", BL_HTTP_USER_AGENT,
                                           "timeout", timeout,
                                           "max-conns-per-host", max_conns,
                                           "max-conns", MAX (max_conns, 2),
                                           NULL);
  soup_session_remove_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);
  return session;
}

BlHttpResponse *
bl_http_response_ref (BlHttpResponse *response)
{
  g_return_val_if_fail (response != NULL, NULL);
  g_atomic_ref_count_inc (&response->ref_count);
  return response;
}

void
bl_http_response_unref (BlHttpResponse *response)
{
  g_return_if_fail (response != NULL);
  if (!g_atomic_ref_count_dec (&response->ref_count))
    return;
  soup_message_headers_unref (response->headers);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_uri_unref (response->uri);
  g_free (response);
}

/** bl_http_response_get_status: Returns: the HTTP status of the last answer */
guint
bl_http_response_get_status (BlHttpResponse *response)
{
  return response->status;
}

/** bl_http_response_get_headers: Returns: (transfer none): the headers of the last answer */
SoupMessageHeaders *
bl_http_response_get_headers (BlHttpResponse *response)
{
  return response->headers;
}

/**
 * bl_http_response_get_body:
 *
 * Returns: (transfer none) (nullable): the whole body, inflated; %NULL
 *   when the status is not 2xx
 */
GBytes *
bl_http_response_get_body (BlHttpResponse *response)
{
  return response->body;
}

/** bl_http_response_get_uri: Returns: (transfer none): the address that answered, after redirects */
GUri *
bl_http_response_get_uri (BlHttpResponse *response)
{
  return response->uri;
}

/**
 * bl_http_get_async:
 * @session: a session from bl_http_session_new()
 * @uri: an http or https address
 * @options: the deadline, the cap, the redirects and the headers
 * @cancellable: (nullable): a #GCancellable
 *
 * Downloads @uri with every guard described at the top of this file. The
 * deadline runs on the thread-default main context.
 */
void
bl_http_get_async (SoupSession         *session,
                   GUri                *uri,
                   const BlHttpOptions *options,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Get *get;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (uri != NULL);
  g_return_if_fail (options != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_http_get_async);
  g_task_set_check_cancellable (task, FALSE);

  get = g_new0 (Get, 1);
  get->session = g_object_ref (session);
  get->uri = g_uri_ref (uri);
  get->options = *options;
  get->options.accept = g_strdup (options->accept);
  get->options.if_none_match = g_strdup (options->if_none_match);
  get->options.if_modified_since = g_strdup (options->if_modified_since);
  get->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, get, (GDestroyNotify) get_free);

  if (cancellable != NULL)
    {
      get->caller_cancellable = g_object_ref (cancellable);
      get->caller_handler = bl_http_cancel_with (get->cancellable, cancellable);
    }

  get->deadline = g_timeout_source_new (options->deadline);
  g_source_set_callback (get->deadline, on_deadline_reached, get, NULL);
  g_source_set_static_name (get->deadline, "[borderline] download deadline");
  g_source_attach (get->deadline, g_task_get_context (task));

  get_send (task);
}

/**
 * bl_http_get_finish:
 * @stage: (out) (optional): where a failed download stopped
 * @error: a #GError: %G_IO_ERROR_CANCELLED when the caller cancelled, a
 *   %BL_HTTP_ERROR, or libsoup's or GIO's error
 *
 * Returns: (transfer full) (nullable): the answer, or %NULL with @error
 */
BlHttpResponse *
bl_http_get_finish (GAsyncResult  *result,
                    BlHttpStage   *stage,
                    GError       **error)
{
  Get *get;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  get = g_task_get_task_data (G_TASK (result));
  if (stage != NULL)
    *stage = get->stage;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * bl_http_body_new:
 * @content_encoding: (nullable): the answer's Content-Encoding
 * @decode: whether to inflate gzip and deflate; without it the encoding is
 *   ignored and the bytes are kept as they come
 * @max_size: the most bytes kept (after inflating)
 * @error: %BL_HTTP_ERROR_UNSUPPORTED_ENCODING for another encoding
 *
 * Returns: (transfer full) (nullable): an empty body
 */
BlHttpBody *
bl_http_body_new (const char  *content_encoding,
                  gboolean     decode,
                  gsize        max_size,
                  GError     **error)
{
  g_autoptr(BlHttpBody) body = g_new0 (BlHttpBody, 1);
  const char *encoding = content_encoding;

  body->data = g_byte_array_new ();
  body->max_size = max_size;

  if (!decode || encoding == NULL || *encoding == '\0' || g_ascii_strcasecmp (encoding, "identity") == 0)
    return g_steal_pointer (&body);

  if (g_ascii_strcasecmp (encoding, "gzip") == 0 || g_ascii_strcasecmp (encoding, "x-gzip") == 0)
    body->decoder = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP));
  else if (g_ascii_strcasecmp (encoding, "deflate") == 0)
    body->decoder = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  else
    {
      g_autofree char *shown = g_utf8_make_valid (encoding, MIN (strlen (encoding), 40));

      g_set_error_literal (error, BL_HTTP_ERROR, BL_HTTP_ERROR_UNSUPPORTED_ENCODING, shown);
      return NULL;
    }
  body->inflated = g_malloc (INFLATE_OUT);
  return g_steal_pointer (&body);
}

/* Inflates @len bytes (and, @at_end, the rest) into the body. */
static gboolean
body_inflate (BlHttpBody    *body,
              const guint8  *data,
              gsize          len,
              gboolean       at_end,
              GError       **error)
{
  while (!body->decoded_all && (len > 0 || at_end))
    {
      gsize n_read = 0, n_written = 0;
      GConverterResult result;

      result = g_converter_convert (body->decoder, data, len, body->inflated, INFLATE_OUT,
                                    at_end ? G_CONVERTER_INPUT_AT_END : G_CONVERTER_NO_FLAGS,
                                    &n_read, &n_written, NULL);
      if (result == G_CONVERTER_ERROR
          || (at_end && result != G_CONVERTER_FINISHED && n_read == 0 && n_written == 0))
        {
          g_set_error_literal (error, BL_HTTP_ERROR, BL_HTTP_ERROR_DAMAGED, "damaged compressed body");
          return FALSE;
        }

      data += n_read;
      len -= n_read;
      if (n_written > body->max_size - MIN (body->max_size, body->data->len))
        {
          g_set_error_literal (error, BL_HTTP_ERROR, BL_HTTP_ERROR_TOO_LARGE, "body over the cap");
          return FALSE;
        }
      g_byte_array_append (body->data, body->inflated, n_written);

      if (result == G_CONVERTER_FINISHED)
        body->decoded_all = TRUE;          /* anything after the end is ignored */
      else if (n_read == 0 && n_written == 0)
        break;                             /* needs more input */
    }
  return TRUE;
}

/**
 * bl_http_body_append:
 * @data: (array length=len): the next bytes as they came
 * @error: %BL_HTTP_ERROR_TOO_LARGE past the cap, %BL_HTTP_ERROR_DAMAGED
 *   when they do not inflate
 *
 * Returns: whether the body is still good
 */
gboolean
bl_http_body_append (BlHttpBody    *body,
                     const guint8  *data,
                     gsize          len,
                     GError       **error)
{
  if (body->decoder != NULL)
    return body_inflate (body, data, len, FALSE, error);

  if (len > body->max_size - MIN (body->max_size, body->data->len))
    {
      g_set_error_literal (error, BL_HTTP_ERROR, BL_HTTP_ERROR_TOO_LARGE, "body over the cap");
      return FALSE;
    }
  g_byte_array_append (body->data, data, len);
  return TRUE;
}

/**
 * bl_http_body_finish:
 *
 * Ends the body: a compressed one must be complete.
 *
 * Returns: (transfer full) (nullable): the whole body, or %NULL with @error
 */
GBytes *
bl_http_body_finish (BlHttpBody  *body,
                     GError     **error)
{
  if (body->decoder != NULL && !body_inflate (body, NULL, 0, TRUE, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&body->data));
}

void
bl_http_body_free (BlHttpBody *body)
{
  if (body == NULL)
    return;
  g_clear_pointer (&body->data, g_byte_array_unref);
  g_clear_object (&body->decoder);
  g_free (body->inflated);
  g_free (body);
}

/* }}} */
