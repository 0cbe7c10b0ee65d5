/* bl-feed.h — a subscription to claims served on the web
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "bl-format.h"
#include "bl-history.h"
#include "bl-merge.h"
#include "bl-project.h"

G_BEGIN_DECLS

/**
 * BlFeedState:
 * @BL_FEED_STATE_NEW: never refreshed
 * @BL_FEED_STATE_REFRESHING: a refresh is under way
 * @BL_FEED_STATE_OK: the last refresh succeeded
 * @BL_FEED_STATE_FAILED: the last refresh failed (see #BlFeed:last-error)
 */
typedef enum {
  BL_FEED_STATE_NEW,
  BL_FEED_STATE_REFRESHING,
  BL_FEED_STATE_OK,
  BL_FEED_STATE_FAILED,
} BlFeedState;

#define BL_TYPE_FEED_STATE (bl_feed_state_get_type ())
GType bl_feed_state_get_type (void) G_GNUC_CONST;

#define BL_FEED_DEFAULT_TIMEOUT   20                   /* seconds */
#define BL_FEED_DEFAULT_DEADLINE  60000                /* milliseconds */
#define BL_FEED_DEFAULT_MAX_SIZE  (64 * 1024 * 1024)   /* bytes */
#define BL_FEED_MAX_REDIRECTS     3

#define BL_TYPE_FEED (bl_feed_get_type ())
G_DECLARE_FINAL_TYPE (BlFeed, bl_feed, BL, FEED, GObject)

BlFeed      *bl_feed_new               (const char          *url,
                                        const char          *name,
                                        GError             **error);

const char  *bl_feed_get_id            (BlFeed              *self);
const char  *bl_feed_get_url           (BlFeed              *self);
const char  *bl_feed_get_name          (BlFeed              *self);
void         bl_feed_set_name          (BlFeed              *self,
                                        const char          *name);
guint        bl_feed_get_interval      (BlFeed              *self);
void         bl_feed_set_interval      (BlFeed              *self,
                                        guint                seconds);
const char  *bl_feed_get_etag          (BlFeed              *self);
const char  *bl_feed_get_last_modified (BlFeed              *self);
gint64       bl_feed_get_last_success  (BlFeed              *self);
const char  *bl_feed_get_last_error    (BlFeed              *self);
BlFeedState  bl_feed_get_state         (BlFeed              *self);
char        *bl_feed_get_tag           (BlFeed              *self);
GHashTable  *bl_feed_get_origins       (BlFeed              *self);

void         bl_feed_refresh_async     (BlFeed              *self,
                                        BlProject           *into,
                                        BlHistory           *history,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean     bl_feed_refresh_finish    (BlFeed              *self,
                                        GAsyncResult        *result,
                                        BlMergeReport      **report,
                                        GError             **error);
void         bl_feed_cancel            (BlFeed              *self);

void         bl_feed_set_target        (BlFeed              *self,
                                        BlProject           *into,
                                        BlHistory           *history);
void         bl_feed_set_auto_refresh  (BlFeed              *self,
                                        gboolean             enabled);
gboolean     bl_feed_get_auto_refresh  (BlFeed              *self);

gboolean     bl_feed_redirect_allowed  (GUri                *from,
                                        GUri                *to);

const char  *bl_feed_id_from_tags      (const char * const  *tags);

/**
 * BlFeedResponse:
 * @body: the whole body the server sent, inflated
 * @content_type: (nullable): its media type, without parameters
 *   ("text/csv")
 * @etag: (nullable): its ETag header
 * @last_modified: (nullable): its Last-Modified header
 * @display_name: what messages about the content call it: the last part
 *   of the address's path, else the feed's name
 *
 * What a feed's server answered, once downloaded: what bl-feed-apply.c
 * reads and merges, with no network.
 */
typedef struct {
  GBytes     *body;
  const char *content_type;
  const char *etag;
  const char *last_modified;
  const char *display_name;
} BlFeedResponse;

void         bl_feed_response_set_headers (BlFeedResponse   *response,
                                        SoupMessageHeaders  *headers);
BlProject   *bl_feed_read_response     (const BlFeedResponse *response,
                                        BlImportReport     **report,
                                        GCancellable        *cancellable,
                                        GError             **error);
gboolean     bl_feed_merge_response    (BlFeed              *self,
                                        BlProject           *into,
                                        BlHistory           *history,
                                        BlProject           *feed_project,
                                        BlImportReport      *import_report,
                                        const BlFeedResponse *response,
                                        BlMergeReport      **report,
                                        GError             **error);
gboolean     bl_feed_apply_response    (BlFeed              *self,
                                        BlProject           *into,
                                        BlHistory           *history,
                                        const BlFeedResponse *response,
                                        BlMergeReport      **report,
                                        GError             **error);

/* Subscriptions, kept per project file */
GPtrArray   *bl_feed_list_load         (const char          *project_uri,
                                        GError             **error);
gboolean     bl_feed_list_save         (const char          *project_uri,
                                        GPtrArray           *feeds,
                                        GError             **error);

G_END_DECLS
