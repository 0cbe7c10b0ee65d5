/* bl-feed-private.h — what bl-feed.c, bl-feed-fetch.c, bl-feed-apply.c and bl-feed-list.c share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "bl-feed.h"

G_BEGIN_DECLS

struct _BlFeed
{
  GObject       parent_instance;

  /* owned */
  char         *id;
  char         *url;
  char         *name;
  char         *etag;
  char         *last_modified;
  char         *last_error;
  char         *last_signalled;   /* the failure last emitted by an automatic refresh */
  GHashTable   *origins;          /* claim id → fingerprints; see bl-merge.h */
  SoupSession  *session;
  GCancellable *cancellable;      /* cancelled by bl_feed_cancel and dispose, then replaced */
  BlProject    *target;
  BlHistory    *target_history;

  gint64        last_success;
  BlFeedState   state;
  guint         interval;
  guint         timeout;
  guint         deadline;
  guint         max_size;
  gboolean      auto_refresh;
  guint         auto_source;
  gboolean      refreshing;
};

/* bl-feed.c */
gboolean bl_feed_id_is_valid       (const char    *id);
void     bl_feed_set_validators    (BlFeed        *self,
                                    const char    *etag,
                                    const char    *last_modified);
void     bl_feed_refresh_ended     (BlFeed        *self,
                                    BlMergeReport *report,
                                    const GError  *error,
                                    BlFeedState    state_before,
                                    gboolean       automatic);

/* bl-feed-fetch.c */
void     bl_feed_fetch             (BlFeed        *self,
                                    GTask         *task,
                                    BlProject     *into,
                                    BlHistory     *history,
                                    gboolean       automatic);

G_END_DECLS
