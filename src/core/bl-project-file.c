/* bl-project-file.c — project files: load, atomic save, async variants
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading maps a local file into memory rather than copying it
 * (bl-file-util.c), then parses it (bl-project-reader.c).
 *
 * Saving is atomic and durable: the new content streams into a temporary
 * file next to the old one ("NAME.XXXXXX"; bl-project-writer.c writes it
 * chunk by chunk, and the kernel is asked to start writing each few MB to
 * disk while the next are made), which is synced to disk; then the old
 * file, if any, is kept as a backup ("NAME~", a hard link where the file
 * system allows, so no copy is made) and the temporary file is renamed
 * over it. A failure or a cancellation at any point leaves the old file
 * whole and removes the temporary one.
 *
 * The async variants keep the window's main loop free. An async save
 * takes a bl_project_snapshot() on the calling thread (constant time for
 * the claims; see bl-claim-store.c for the rule that makes later changes
 * safe) and does everything else, serialising included, in a worker: the
 * file is the project as it was when the save was asked for, whatever is
 * changed meanwhile.
 */
/* sync_file_range() */
#define _GNU_SOURCE 1

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "bl-error.h"
#include "bl-file-util.h"
#include "bl-project-io.h"

/* Ask the kernel to write out the file every this many bytes. */
#define WRITEBACK_STEP (8 * 1024 * 1024)

/* Loading {{{ */

/**
 * bl_file_get_display_name:
 *
 * Returns: (transfer full): how to name @file in messages: its path, or
 *   its URI when it has no local path
 */
char *
bl_file_get_display_name (GFile *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return g_filename_display_name (path);

  return g_file_get_parse_name (file);
}

/* What load_file() passes the reader as its progress: it drops the pages
 * of the mapped file that the reader has gone past, then tells the
 * caller's own @progress. */
typedef struct {
  const char     *data;
  gsize           len;
  gsize           dropped;    /* bytes from data already dropped */
  BlProgressFunc  progress;
  gpointer        progress_data;
} Reading;

/* Dropped in steps of this much, this far behind the reader. */
#define DROP_STEP   (8 * 1024 * 1024)
#define DROP_MARGIN (1024 * 1024)

static void
on_read_progress (double   fraction,
                  gpointer user_data)
{
  Reading *r = user_data;
  gsize at = (gsize) (fraction * (double) r->len);

  if (r->data != NULL && at > r->dropped + DROP_STEP + DROP_MARGIN)
    {
      bl_file_mapping_drop_pages (r->data, r->dropped, at - DROP_MARGIN);
      r->dropped = at - DROP_MARGIN;
    }
  if (r->progress != NULL)
    r->progress (fraction, r->progress_data);
}

/* Reads @file (mapped when local) and parses it, telling @progress. */
static BlProject *
load_file (GFile           *file,
           GCancellable    *cancellable,
           BlProgressFunc   progress,
           gpointer         progress_data,
           GError         **error)
{
  g_autofree char *name = bl_file_get_display_name (file);
  g_autoptr(GBytes) bytes = NULL;
  Reading reading = { NULL, 0, 0, progress, progress_data };
  gconstpointer data;
  gboolean mapped;
  gsize len;

  bytes = bl_file_load_bytes_full (file, cancellable, &mapped, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  if (mapped)
    {
      reading.data = data;
      reading.len = len;
    }
  return bl_project_load_from_data (data, len, name, cancellable, on_read_progress, &reading, error);
}

/**
 * bl_project_load:
 * @file: a .borderline file
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Reads a project file, blocking. Local files are mapped into memory
 * rather than copied.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
BlProject *
bl_project_load (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return load_file (file, cancellable, NULL, NULL, error);
}

typedef struct {
  GFile          *file;
  BlProgressFunc  progress;
  gpointer        progress_data;
} LoadData;

static void
load_data_free (LoadData *d)
{
  g_clear_object (&d->file);
  g_free (d);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  g_autoptr(GError) error = NULL;
  BlProject *project;

  project = load_file (d->file, cancellable, d->progress, d->progress_data, &error);
  if (project == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, project, g_object_unref);
}

/**
 * bl_project_load_async:
 * @file: a .borderline file
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called from the loading thread
 * @progress_data: data for @progress; must stay valid until the callback
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Reads a project file in a worker thread.
 */
void
bl_project_load_async (GFile               *file,
                       GCancellable        *cancellable,
                       BlProgressFunc       progress,
                       gpointer             progress_data,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (G_IS_FILE (file));

  d = g_new0 (LoadData, 1);
  d->file = g_object_ref (file);
  d->progress = progress;
  d->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_project_load_async);
  g_task_set_task_data (task, d, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

BlProject *
bl_project_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */

/* Saving {{{ */

/* Keeps the current file as NAME~ before it is replaced. */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not replace the backup “%s”: %s"), backup, g_strerror (saved));
      return FALSE;
    }

  if (link (path, backup) == 0)
    return TRUE;

  /* no hard links here: copy */
  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;

  return g_file_set_contents_full (backup, contents, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

typedef enum {
  STEP_CREATE,
  STEP_SYNC,
  STEP_RENAME,
} SaveStep;

/* Sets @error from errno for the step of saving @path that failed. */
static gboolean
set_errno_error (GError     **error,
                 SaveStep     step,
                 const char  *path)
{
  int saved = errno;
  int code = g_io_error_from_errno (saved);
  g_autofree char *name = g_filename_display_name (path);

  switch (step)
    {
    case STEP_CREATE:
      g_set_error (error, G_IO_ERROR, code, _("Could not write next to “%s”: %s"), name, g_strerror (saved));
      break;
    case STEP_SYNC:
      g_set_error (error, G_IO_ERROR, code, _("Could not write “%s” to disk: %s"), name, g_strerror (saved));
      break;
    default:
      g_set_error (error, G_IO_ERROR, code, _("Could not replace “%s”: %s"), name, g_strerror (saved));
      break;
    }

  return FALSE;
}

typedef struct {
  int     fd;
  goffset started;  /* bytes whose writeback has been started */
} Writeback;

/* Called between claims: starts writing the last few MB to disk, so that
 * the final sync has little left to do. */
static void
start_writeback (double   fraction,
                 gpointer user_data)
{
#ifdef SYNC_FILE_RANGE_WRITE
  Writeback *wb = user_data;
  goffset end = lseek (wb->fd, 0, SEEK_CUR);

  if (end - wb->started < WRITEBACK_STEP)
    return;

  /* only a hint: errors show at fsync() */
  sync_file_range (wb->fd, wb->started, end - wb->started, SYNC_FILE_RANGE_WRITE);
  wb->started = end;
#endif
}

/* Streams @project into a temporary file next to @path, syncs it, keeps
 * the old file as NAME~ and renames the new one over it. */
static gboolean
save_to_path (BlProject     *project,
              const char    *path,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  g_autoptr(GOutputStream) stream = NULL;
  Writeback wb = { -1, 0 };
  gboolean ok;

  wb.fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (wb.fd < 0)
    return set_errno_error (error, STEP_CREATE, path);

  stream = g_unix_output_stream_new (wb.fd, FALSE);
  ok = bl_project_write (project, stream, start_writeback, &wb, cancellable, error);
  if (!ok && error != NULL && !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* the stream's messages do not say which file */
      g_autofree char *name = g_filename_display_name (path);

      g_prefix_error (error, "%s: ", name);
    }

  if (ok && fsync (wb.fd) != 0)
    ok = set_errno_error (error, STEP_SYNC, path);
  if (close (wb.fd) != 0 && ok)
    ok = set_errno_error (error, STEP_SYNC, path);

  ok = ok && keep_backup (path, error);

  if (ok && g_rename (tmp_path, path) != 0)
    ok = set_errno_error (error, STEP_RENAME, path);

  if (!ok)
    g_unlink (tmp_path);

  return ok;
}

/* Not a local file: GIO's replace writes a temporary and keeps a backup. */
static gboolean
save_to_gfile (BlProject     *project,
               GFile         *file,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  stream = g_file_replace (file, NULL, TRUE, G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!bl_project_write (project, G_OUTPUT_STREAM (stream), NULL, NULL, cancellable, &local_error))
    {
      /* closing a cancelled stream leaves the old file */
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/**
 * bl_project_save:
 * @project: a project
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Writes @project to @file atomically, keeping the previous file as a
 * backup, blocking. On failure the previous file is untouched.
 *
 * @project may be a bl_project_snapshot(), on any thread.
 *
 * Returns: %TRUE on success
 */
gboolean
bl_project_save (BlProject     *project,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    return save_to_path (project, path, cancellable, error);

  return save_to_gfile (project, file, cancellable, error);
}

typedef struct {
  GFile     *file;
  BlProject *snapshot;
} SaveData;

static void
save_data_free (SaveData *d)
{
  g_clear_object (&d->file);
  g_clear_object (&d->snapshot);
  g_free (d);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *d = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = bl_project_save (d->snapshot, d->file, cancellable, &error);

  /* let the store free what the snapshot kept, before the caller hears */
  g_clear_object (&d->snapshot);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * bl_project_save_async:
 * @project: a project
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Saves @project as bl_project_save() does, in a worker thread. The file
 * gets @project as it is now: a bl_project_snapshot() is taken before this
 * returns (in constant time for the claims), so @project may be changed
 * at once, and the changes go into the next save.
 */
void
bl_project_save_async (BlProject           *project,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *d;

  g_return_if_fail (BL_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_project_save_async);

  d = g_new0 (SaveData, 1);
  d->file = g_object_ref (file);
  d->snapshot = bl_project_snapshot (project);
  g_task_set_task_data (task, d, (GDestroyNotify) save_data_free);

  g_task_run_in_thread (task, save_thread);
}

gboolean
bl_project_save_finish (GAsyncResult  *result,
                        GError       **error)
{
  /* the task's source is the project */
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bl_project_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* }}} */
