/* bl-online-source-private.h — what the online source's files share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bl-online-source.c holds the class, its properties and API;
 * bl-online-source-tiles.c fetches one tile: from the cache, then the
 * network, with the checks and the words of its failures.
 */
#pragma once

#include <libsoup/soup.h>

#include "bl-online-source.h"

G_BEGIN_DECLS

#define BL_ONLINE_SOURCE_MIN_ZOOM 0
#define BL_ONLINE_SOURCE_MAX_ZOOM 19

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

/* bl-online-source.c */
void     bl_online_source_report_failure        (BlOnlineSource       *self,
                                                 const GError         *error);

/* bl-online-source-tiles.c */
char    *bl_online_source_make_server_name      (const char           *url_template);
void     bl_online_source_get_tile_data_async   (ShumateDataSource    *source,
                                                 int                   x,
                                                 int                   y,
                                                 int                   zoom,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GBytes  *bl_online_source_get_tile_data_finish  (ShumateDataSource    *source,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
