/* bl-feed-fetch.c — downloading a feed, carefully, and merging it
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: one refresh of a #BlFeed. It downloads the whole feed
 * with bl_http_get_async(), reads it into a new project on a worker thread
 * (bl_feed_read_response()), and only then, on the main thread, merges it
 * into the open project (bl_feed_merge_response(), both in
 * bl-feed-apply.c). Whatever fails (network, TLS, status, size, time,
 * content), the open project is not touched, and the failure is one
 * sentence naming the feed.
 *
 * The guards against a hostile or broken server are bl-http.c's: the
 * feed's session has an I/O timeout and no content decoder, the whole
 * download has a deadline, gzip is asked for and inflated there with the
 * *inflated* bytes counted against #BlFeed:max-size (so a gzip bomb stops
 * at the cap), redirects are followed by hand (at most three, never from
 * https to anything else), TLS is validated the default way. Here: a
 * conditional request (If-None-Match, If-Modified-Since) makes an
 * unchanged feed cost a 304; it is sent only when the project still holds
 * claims of the feed.
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
#include "bl-http.h"
#include "bl-uri.h"

#define MIB (1024 * 1024)

/* One refresh, the task data of its GTask. */
typedef struct
{
  BlFeed         *self;             /* borrowed: the task holds a reference */
  BlProject      *into;
  BlHistory      *history;
  BlFeedState     state_before;
  gboolean        automatic;

  /* cancelled by the caller's cancellable and by the feed */
  BlHttpCancellables cancel;

  GUri           *uri;
  gboolean        conditional;

  /* what the server sent, once downloaded */
  GBytes         *body;
  char           *content_type;
  char           *etag;
  char           *last_modified;
  char           *display_name;
} Refresh;

/* What the worker thread read. */
typedef struct
{
  BlProject      *project;
  BlImportReport *report;
} Parsed;

/* Helpers */

static void
refresh_free (Refresh *req)
{
  bl_http_cancellables_clear (&req->cancel);
  g_clear_object (&req->into);
  g_clear_object (&req->history);
  g_clear_pointer (&req->uri, g_uri_unref);
  g_clear_pointer (&req->body, g_bytes_unref);
  g_free (req->content_type);
  g_free (req->etag);
  g_free (req->last_modified);
  g_free (req->display_name);
  g_free (req);
}

static void
parsed_free (Parsed *parsed)
{
  g_clear_object (&parsed->project);
  g_clear_pointer (&parsed->report, bl_import_report_free);
  g_free (parsed);
}

/* What the refresh downloaded, as bl-feed-apply.c takes it */
static void
refresh_get_response (Refresh        *req,
                      BlFeedResponse *response)
{
  response->body = req->body;
  response->content_type = req->content_type;
  response->etag = req->etag;
  response->last_modified = req->last_modified;
  response->display_name = req->display_name;
}

/* "HTTP 404 Not Found", with the phrase from libsoup's table, never the
 * server's. */
/* The file name messages about the content use: the last part of the
 * address's path ("claims.csv"), else the feed's name. */
static char *
make_display_name (BlFeed *self,
                   GUri   *uri)
{
  const char *path = g_uri_get_path (uri);
  const char *slash = path != NULL ? strrchr (path, '/') : NULL;
  const char *base = slash != NULL ? slash + 1 : path;
  char *name = base != NULL && *base != '\0' ? g_uri_unescape_string (base, NULL) : NULL;

  /* NULL for an escaped NUL; not always UTF-8 (bl_feed_read_response()
   * mends that) */
  return name != NULL ? name : g_strdup (self->name);
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

  bl_feed_refresh_ended (req->self, report, error, req->state_before, req->automatic);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, bl_merge_report_ref (report), (GDestroyNotify) bl_merge_report_unref);
}

/* Fails with "Could not refresh “NAME”: REASON". */
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

/* Cancellation is silent. */
static void
refresh_fail_cancelled (GTask *task)
{
  refresh_done (task, NULL, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled")));
}

static void
refresh_fail_too_large (GTask *task)
{
  Refresh *req = g_task_get_task_data (task);
  guint cap = req->self->max_size;
  g_autofree char *limit = cap % MIB == 0 ? g_strdup_printf (_("%u MiB"), cap / MIB)
                                          : g_format_size_full (cap, G_FORMAT_SIZE_IEC_UNITS);

  refresh_fail (task, BL_ERROR, BL_ERROR_TOO_LARGE, _("the feed is larger than %s"), limit);
}

/* Turns an error of bl_http_get_async() into words. */
static void
refresh_fail_download (GTask        *task,
                       const GError *error,
                       BlHttpStage   stage)
{
  Refresh *req = g_task_get_task_data (task);

  if (error->domain == BL_HTTP_ERROR)
    {
      guint seconds = (req->self->deadline + 999) / 1000;

      switch ((BlHttpError) error->code)
        {
        case BL_HTTP_ERROR_DEADLINE:
          refresh_fail (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                        g_dngettext (GETTEXT_PACKAGE, "the server did not send the feed within %u second",
                                     "the server did not send the feed within %u seconds", seconds),
                        seconds);
          return;
        case BL_HTTP_ERROR_TOO_LARGE:
          refresh_fail_too_large (task);
          return;
        case BL_HTTP_ERROR_TOO_MANY_REDIRECTS:
          refresh_fail (task, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                        _("the server redirected more than %u times"), BL_FEED_MAX_REDIRECTS);
          return;
        case BL_HTTP_ERROR_REDIRECT_INSECURE:
          refresh_fail (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                        _("the server redirected from a secure (https) address to an insecure one, which Borderline does not follow"));
          return;
        case BL_HTTP_ERROR_REDIRECT_REFUSED:
          refresh_fail (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                        _("the server redirected to an address that is not an http or https link, which Borderline does not follow"));
          return;
        case BL_HTTP_ERROR_DAMAGED:
          refresh_fail (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                        _("the compressed feed is damaged"));
          return;
        case BL_HTTP_ERROR_UNSUPPORTED_ENCODING:
          refresh_fail (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                        _("the server compressed the feed in a way Borderline does not read (%s)"),
                        error->message);
          return;
        }
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    refresh_fail_cancelled (task);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    refresh_fail (task, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, _("the server stopped answering"));
  else if (stage == BL_HTTP_STAGE_READING)
    refresh_fail (task, error->domain, error->code,
                  _("the download broke off (%s)"), error->message);
  else
    refresh_fail (task, error->domain, error->code,
                  _("the server could not be reached (%s)"), error->message);
}

/* Worker thread: reads the downloaded feed into a new project. */
static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Refresh *req = task_data;
  BlFeedResponse response;
  g_autoptr(GError) error = NULL;
  Parsed *parsed = g_new0 (Parsed, 1);

  /* only the download's results are read here, and nothing changes them
   * until this thread has returned */
  refresh_get_response (req, &response);
  parsed->project = bl_feed_read_response (&response, &parsed->report, cancellable, &error);
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
on_parsed (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *req = g_task_get_task_data (task);
  BlFeed *self = req->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMergeReport) report = NULL;
  BlFeedResponse response;
  Parsed *parsed;

  parsed = g_task_propagate_pointer (G_TASK (result), &error);
  if (parsed == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        refresh_fail_cancelled (task);
      else
        refresh_fail (task, error->domain, error->code, "%s", error->message);
      return;
    }

  /* the window may have closed while the thread read */
  if (g_cancellable_is_cancelled (req->cancel.cancellable))
    {
      parsed_free (parsed);
      refresh_fail_cancelled (task);
      return;
    }

  refresh_get_response (req, &response);
  if (!bl_feed_merge_response (self, req->into, req->history, parsed->project, parsed->report,
                               &response, &report, &error))
    {
      parsed_free (parsed);
      refresh_fail (task, error->domain, error->code, "%s", error->message);
      return;
    }
  parsed_free (parsed);
  refresh_done (task, report, NULL);
}

static void
on_downloaded (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *req = g_task_get_task_data (task);
  BlFeed *self = req->self;
  g_autoptr(BlHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) parse = NULL;
  g_autofree char *what = NULL;
  SoupMessageHeaders *headers;
  BlFeedResponse answer = { NULL, };
  BlHttpStage stage;
  guint status;

  response = bl_http_get_finish (result, &stage, &error);
  if (response == NULL)
    {
      refresh_fail_download (task, error, stage);
      return;
    }

  status = bl_http_response_get_status (response);
  headers = bl_http_response_get_headers (response);
  g_debug ("Feed %s: HTTP %u", self->id, status);

  if (status == SOUP_STATUS_NOT_MODIFIED && req->conditional)
    {
      g_autoptr(BlMergeReport) report = bl_merge_report_new (0);

      bl_merge_report_set_not_modified (report, TRUE);
      refresh_done (task, report, NULL);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status) || status == SOUP_STATUS_NO_CONTENT)
    {
      what = bl_http_describe_status (status);
      refresh_fail (task, G_IO_ERROR,
                    status == 404 || status == 410 ? G_IO_ERROR_NOT_FOUND
                    : status == 401 || status == 403 ? G_IO_ERROR_PERMISSION_DENIED
                    : G_IO_ERROR_FAILED,
                    _("the server answered %s"), what);
      return;
    }

  bl_feed_response_set_headers (&answer, headers);
  req->body = g_bytes_ref (bl_http_response_get_body (response));
  req->content_type = g_strdup (answer.content_type);
  req->etag = g_strdup (answer.etag);
  req->last_modified = g_strdup (answer.last_modified);
  req->display_name = make_display_name (self, bl_http_response_get_uri (response));

  parse = g_task_new (NULL, req->cancel.cancellable, on_parsed, g_object_ref (task));
  g_task_set_source_tag (parse, parse_thread);
  g_task_set_task_data (parse, req, NULL);
  g_task_run_in_thread (parse, parse_thread);
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
  BlHttpOptions options;
  Refresh *req;

  req = g_new0 (Refresh, 1);
  req->self = self;
  req->into = g_object_ref (into);
  req->history = history != NULL ? g_object_ref (history) : NULL;
  req->automatic = automatic;
  req->state_before = self->state == BL_FEED_STATE_REFRESHING ? BL_FEED_STATE_NEW : self->state;
  g_task_set_task_data (task, req, (GDestroyNotify) refresh_free);
  bl_http_cancellables_init (&req->cancel, self->cancellable, cancellable);

  if (g_cancellable_is_cancelled (req->cancel.cancellable))
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

  bl_http_options_init (&options);
  options.deadline = self->deadline;
  options.max_size = self->max_size;
  options.max_redirects = BL_FEED_MAX_REDIRECTS;
  options.decode = TRUE;
  options.accept = "application/geo+json, application/json;q=0.9, text/csv;q=0.9, */*;q=0.5";
  if (req->conditional)
    {
      options.if_none_match = self->etag;
      options.if_modified_since = self->last_modified;
    }

  bl_http_get_async (self->session, req->uri, &options, req->cancel.cancellable,
                     on_downloaded, g_object_ref (task));
}
