/* bl-feed-apply.c — what a feed's server sent, read and merged
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: everything a refresh does with a feed once it is
 * downloaded, with no network, so that the fuzz target
 * (tests/fuzz/fuzz-targets.h, "feed") and the fetcher (bl-feed-fetch.c)
 * run the very same code on whatever bytes a server sends:
 *
 * - bl_feed_response_set_headers() takes what matters from the answer's
 *   headers;
 * - bl_feed_read_response() picks the format from the file name, the
 *   content and the Content-Type, and reads the body into a new project
 *   (safe on a worker thread: it touches no feed and no open project);
 * - bl_feed_merge_response() merges that project into the open one with
 *   bl_project_merge() (each claim tagged `feed:ID`, no claim edited here
 *   overwritten) and keeps the response's ETag and Last-Modified for the
 *   next conditional request;
 * - bl_feed_apply_response() is the two in a row.
 *
 * A failure leaves the open project as it was.
 *
 * What it is not: the download and its guards (bl-feed-fetch.c,
 * bl-http.c), the rules of merging (bl-merge.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bl-feed-private.h"

/**
 * bl_feed_response_set_headers:
 * @response: the response to fill in
 * @headers: the headers of the answer that brought the body
 *
 * Takes what a refresh reads from the answer's headers: the media type of
 * Content-Type (without parameters), ETag and Last-Modified. The strings
 * belong to @headers.
 */
void
bl_feed_response_set_headers (BlFeedResponse     *response,
                              SoupMessageHeaders *headers)
{
  g_return_if_fail (response != NULL);
  g_return_if_fail (headers != NULL);

  response->content_type = soup_message_headers_get_content_type (headers, NULL);
  response->etag = soup_message_headers_get_one (headers, "ETag");
  response->last_modified = soup_message_headers_get_one (headers, "Last-Modified");
}

/**
 * bl_feed_read_response:
 * @response: what the server sent
 * @report: (out) (optional) (transfer full): the problems of the content,
 *   one by one
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError: "the feed could not be read: …"
 *
 * Reads a feed's body into a new project. Thread-safe.
 *
 * Returns: (transfer full) (nullable): the feed's claims in a project of
 *   their own, or %NULL with @error
 */
BlProject *
bl_feed_read_response (const BlFeedResponse  *response,
                       BlImportReport       **report,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  /* from the address, unescaped: any bytes at all, and messages quote it */
  g_autofree char *name = g_utf8_make_valid (response->display_name != NULL ? response->display_name : "feed", -1);
  const char *data = NULL;
  BlProject *project;
  BlFormat format;
  gsize len = 0;

  g_return_val_if_fail (response != NULL, NULL);
  g_return_val_if_fail (response->body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (response->body, &len);
  format = bl_format_guess (name, data, len);
  if (format == BL_FORMAT_UNKNOWN && response->content_type != NULL)
    {
      if (g_ascii_strcasecmp (response->content_type, "text/csv") == 0)
        format = BL_FORMAT_CSV;
      else if (g_ascii_strcasecmp (response->content_type, "application/geo+json") == 0)
        format = BL_FORMAT_GEOJSON;
    }

  project = bl_import_data (data != NULL ? data : "", len, name, format,
                            NULL, report, cancellable, &local_error);
  if (project == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("the feed could not be read: %s"), local_error->message);
      return NULL;
    }
  return project;
}

/**
 * bl_feed_merge_response:
 * @into: the open project
 * @history: (nullable): its history, so that the refresh is one step to undo
 * @feed_project: what bl_feed_read_response() read
 * @import_report: (nullable): the problems it found, kept as notes of
 *   @report
 * @response: what the server sent (for its validators)
 * @report: (out) (optional) (transfer full): what was merged
 *
 * Merges a feed read into @into. Main thread only.
 *
 * Returns: %TRUE on success; %FALSE with @error, @into unchanged
 */
gboolean
bl_feed_merge_response (BlFeed                *self,
                        BlProject             *into,
                        BlHistory             *history,
                        BlProject             *feed_project,
                        BlImportReport        *import_report,
                        const BlFeedResponse  *response,
                        BlMergeReport        **report,
                        GError               **error)
{
  g_autoptr(BlMergeReport) merged = NULL;
  g_autofree char *label = NULL;
  BlMergeOptions options;

  g_return_val_if_fail (BL_IS_FEED (self), FALSE);
  g_return_val_if_fail (BL_IS_PROJECT (into), FALSE);
  g_return_val_if_fail (BL_IS_PROJECT (feed_project), FALSE);
  g_return_val_if_fail (history == NULL || bl_history_get_project (history) == into, FALSE);
  g_return_val_if_fail (response != NULL, FALSE);

  label = g_strdup_printf (_("Refresh Feed “%s”"), self->name);
  bl_merge_options_init (&options);
  options.feed_id = self->id;
  options.origins = self->origins;
  options.label = label;
  if (!bl_project_merge (into, feed_project, history, &options, &merged, error))
    return FALSE;

  if (import_report != NULL)
    for (guint i = 0; i < bl_import_report_get_n_listed (import_report); i++)
      bl_merge_report_add_note (merged, bl_import_report_get_message (import_report, i));

  bl_feed_set_validators (self, response->etag, response->last_modified);
  if (report != NULL)
    *report = g_steal_pointer (&merged);
  return TRUE;
}

/**
 * bl_feed_apply_response:
 * @into: the open project
 * @history: (nullable): its history
 * @response: what the server sent
 * @report: (out) (optional) (transfer full): what was merged
 *
 * Reads a downloaded feed and merges it into @into, as a refresh does
 * once the download is complete.
 *
 * Returns: %TRUE on success; %FALSE with @error, @into unchanged
 */
gboolean
bl_feed_apply_response (BlFeed                *self,
                        BlProject             *into,
                        BlHistory             *history,
                        const BlFeedResponse  *response,
                        BlMergeReport        **report,
                        GError               **error)
{
  g_autoptr(BlProject) feed_project = NULL;
  BlImportReport *import_report = NULL;
  gboolean ok;

  g_return_val_if_fail (BL_IS_FEED (self), FALSE);

  feed_project = bl_feed_read_response (response, &import_report, NULL, error);
  if (feed_project == NULL)
    {
      g_clear_pointer (&import_report, bl_import_report_free);
      return FALSE;
    }
  ok = bl_feed_merge_response (self, into, history, feed_project, import_report, response, report, error);
  bl_import_report_free (import_report);
  return ok;
}
