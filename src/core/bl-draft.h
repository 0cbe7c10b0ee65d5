/* bl-draft.h — unsaved work kept safe between saves and across crashes
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bl-project.h"

G_BEGIN_DECLS

/**
 * BlDraftInfo:
 * @path: the draft file
 * @original_uri: (nullable): the project file the draft belongs to, or
 *   %NULL for a project never saved
 * @title: (nullable): the project's title when the draft was written
 * @saved_at: when the draft was written, in seconds since 1970
 *
 * One draft found on disk.
 */
typedef struct {
  char   *path;
  char   *original_uri;
  char   *title;
  gint64  saved_at;
} BlDraftInfo;

void         bl_draft_info_free   (BlDraftInfo  *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlDraftInfo, bl_draft_info_free)

char        *bl_draft_get_dir     (void);
char        *bl_draft_path_for    (GFile        *original,
                                   const char   *untitled_key);
gboolean     bl_draft_write       (BlProject    *project,
                                   const char   *draft_path,
                                   GFile        *original,
                                   GError      **error);
void         bl_draft_write_async (BlProject    *project,
                                   const char   *draft_path,
                                   GFile        *original,
                                   GCancellable *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer      user_data);
gboolean     bl_draft_write_finish (GAsyncResult *result,
                                   GError      **error);
GPtrArray   *bl_draft_list        (void);
BlProject   *bl_draft_load        (const BlDraftInfo *info,
                                   GError      **error);
void         bl_draft_discard     (const char   *draft_path);

G_END_DECLS
