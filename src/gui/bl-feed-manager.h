/* bl-feed-manager.h — the feeds a window's project subscribes to
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-feed.h"
#include "bl-history.h"

G_BEGIN_DECLS

#define BL_TYPE_FEED_MANAGER (bl_feed_manager_get_type ())
G_DECLARE_FINAL_TYPE (BlFeedManager, bl_feed_manager, BL, FEED_MANAGER, GObject)

BlFeedManager *bl_feed_manager_new            (BlHistory      *history,
                                               GFile          *file);
GListModel    *bl_feed_manager_get_feeds      (BlFeedManager  *self);
BlHistory     *bl_feed_manager_get_history    (BlFeedManager  *self);
gboolean       bl_feed_manager_get_kept       (BlFeedManager  *self);
void           bl_feed_manager_set_file       (BlFeedManager  *self,
                                               GFile          *file);
BlFeed        *bl_feed_manager_add            (BlFeedManager  *self,
                                               const char     *url,
                                               const char     *name,
                                               guint           interval,
                                               GError        **error);
void           bl_feed_manager_remove         (BlFeedManager  *self,
                                               BlFeed         *feed);
void           bl_feed_manager_refresh        (BlFeedManager  *self,
                                               BlFeed         *feed);
void           bl_feed_manager_refresh_all    (BlFeedManager  *self);
BlFeed        *bl_feed_manager_lookup         (BlFeedManager  *self,
                                               const char     *feed_id);
guint          bl_feed_manager_count_claims   (BlFeedManager  *self,
                                               BlFeed         *feed);
const char    *bl_feed_manager_get_outcome    (BlFeedManager  *self,
                                               BlFeed         *feed);
void           bl_feed_manager_start          (BlFeedManager  *self,
                                               GtkWidget      *window);
void           bl_feed_manager_shutdown       (BlFeedManager  *self);

G_END_DECLS
