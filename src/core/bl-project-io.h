/* bl-project-io.h — reading and writing .borderline project files
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bl-project.h"

G_BEGIN_DECLS

/* The largest project file Borderline reads (a million claims with long
 * texts fit well inside this). */
#define BL_PROJECT_MAX_FILE_SIZE ((gsize) 2 * 1024 * 1024 * 1024 - 1)

/* The longest text a single field may hold. */
#define BL_PROJECT_MAX_TEXT (1024 * 1024)

/* How many problems a failed load lists before it stops looking. */
#define BL_PROJECT_MAX_PROBLEMS 10

/**
 * BlProgressFunc:
 * @fraction: the part done, 0.0 to 1.0
 * @user_data: the data given with the callback
 *
 * Called from the thread that loads or saves, now and then.
 */
typedef void (*BlProgressFunc) (double   fraction,
                                gpointer user_data);

BlProject *bl_project_load_from_data (const char      *data,
                                      gsize            len,
                                      const char      *display_name,
                                      GCancellable    *cancellable,
                                      BlProgressFunc   progress,
                                      gpointer         progress_data,
                                      GError         **error);
BlProject *bl_project_load           (GFile           *file,
                                      GCancellable    *cancellable,
                                      GError         **error);
void       bl_project_load_async     (GFile           *file,
                                      GCancellable    *cancellable,
                                      BlProgressFunc   progress,
                                      gpointer         progress_data,
                                      GAsyncReadyCallback callback,
                                      gpointer         user_data);
BlProject *bl_project_load_finish    (GAsyncResult    *result,
                                      GError         **error);

gboolean   bl_project_write          (BlProject       *project,
                                      GOutputStream   *stream,
                                      BlProgressFunc   progress,
                                      gpointer         progress_data,
                                      GCancellable    *cancellable,
                                      GError         **error);
GBytes    *bl_project_to_bytes       (BlProject       *project,
                                      GCancellable    *cancellable,
                                      GError         **error);
gboolean   bl_project_save           (BlProject       *project,
                                      GFile           *file,
                                      GCancellable    *cancellable,
                                      GError         **error);
void       bl_project_save_async     (BlProject       *project,
                                      GFile           *file,
                                      GCancellable    *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer         user_data);
gboolean   bl_project_save_finish    (GAsyncResult    *result,
                                      GError         **error);

char      *bl_file_get_display_name  (GFile           *file);

G_END_DECLS
