/* bl-draft.c — unsaved work kept safe between saves and across crashes
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A few seconds after each change the window writes the whole project as
 * a draft in the user's data folder ($XDG_DATA_HOME/borderline/drafts),
 * atomically, like a save. Beside each draft, "NAME.borderline.info" (a
 * key file) says which project file it belongs to and when it was
 * written. A real save or a deliberate discard deletes the draft; a crash
 * or a kill leaves it, and the next start offers to recover it.
 *
 * The draft of a saved project is named by a hash of its file's URI, so
 * that the same file always has the same draft; a project never saved
 * gets a key of its own.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bl-draft.h"
#include "bl-project-io.h"

#define INFO_GROUP "Draft"

void
bl_draft_info_free (BlDraftInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->path);
  g_free (info->original_uri);
  g_free (info->title);
  g_free (info);
}

/**
 * bl_draft_get_dir:
 *
 * Returns: (transfer full): the folder drafts are kept in
 */
char *
bl_draft_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "borderline", "drafts", NULL);
}

/**
 * bl_draft_path_for:
 * @original: (nullable): the project's file
 * @untitled_key: a key for a project never saved (any short text)
 *
 * Returns: (transfer full): where the project's draft goes
 */
char *
bl_draft_path_for (GFile      *original,
                   const char *untitled_key)
{
  g_autofree char *dir = bl_draft_get_dir ();
  g_autofree char *name = NULL;

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

      name = g_strdup_printf ("%.16s.borderline", hash);
    }
  else
    {
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, untitled_key, -1);

      name = g_strdup_printf ("untitled-%.16s.borderline", hash);
    }

  return g_build_filename (dir, name, NULL);
}

/**
 * bl_draft_write:
 * @project: the project as it is now
 * @draft_path: from bl_draft_path_for()
 * @original: (nullable): the file the project belongs to
 *
 * Writes the draft and its note, each atomically.
 *
 * Returns: %TRUE on success
 */
static gboolean draft_write (BlProject *project, const char *draft_path, GFile *original,
                             GCancellable *cancellable, GError **error);

/* Writing a draft's files and removing them never overlap: a write that
 * was cancelled before it took the lock writes nothing, so once
 * bl_draft_discard() returns after a cancel, no older draft can appear
 * behind it, nor remove a newer one. */
static GMutex draft_files_lock;

gboolean
bl_draft_write (BlProject   *project,
                const char  *draft_path,
                GFile       *original,
                GError     **error)
{
  return draft_write (project, draft_path, original, NULL, error);
}

/* bl_draft_write(), which stops before each file it would write once
 * @cancellable is cancelled */
static gboolean
draft_write (BlProject     *project,
             const char    *draft_path,
             GFile         *original,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info_data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  gsize info_len;
  gboolean written;

  g_return_val_if_fail (BL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (draft_path != NULL, FALSE);

  dir = g_path_get_dirname (draft_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the drafts folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  bytes = bl_project_to_bytes (project, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (info, INFO_GROUP, "Original", uri);
    }
  if (bl_project_get_title (project) != NULL)
    g_key_file_set_string (info, INFO_GROUP, "Title", bl_project_get_title (project));
  g_key_file_set_int64 (info, INFO_GROUP, "SavedAt", g_get_real_time () / G_USEC_PER_SEC);

  info_data = g_key_file_to_data (info, &info_len, NULL);
  info_path = g_strconcat (draft_path, ".info", NULL);

  /* the draft first: a note without its draft is ignored */
  g_mutex_lock (&draft_files_lock);
  written = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
            g_file_set_contents_full (draft_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                      0600, error) &&
            g_file_set_contents_full (info_path, info_data, info_len,
                                      G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                      0600, error);
  g_mutex_unlock (&draft_files_lock);

  return written;
}

typedef struct {
  BlProject *snapshot;
  char      *draft_path;
  GFile     *original;
} DraftJob;

static void
draft_job_free (gpointer data)
{
  DraftJob *job = data;

  g_clear_object (&job->snapshot);
  g_free (job->draft_path);
  g_clear_object (&job->original);
  g_free (job);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  DraftJob *job = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (draft_write (job->snapshot, job->draft_path, job->original, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * bl_draft_write_async:
 * @project: the project as it is now
 * @draft_path: from bl_draft_path_for()
 * @original: (nullable): the file the project belongs to
 *
 * Like bl_draft_write(), on a worker thread: the project is taken as it is
 * now with bl_project_snapshot() (constant time for the claims), so the
 * caller may go on changing it. Cancel, then bl_draft_discard(), and the
 * draft is gone for good: a write not yet begun writes nothing, and one
 * under way finishes before the discard removes it.
 */
void
bl_draft_write_async (BlProject           *project,
                      const char          *draft_path,
                      GFile               *original,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DraftJob *job;

  g_return_if_fail (BL_IS_PROJECT (project));
  g_return_if_fail (draft_path != NULL);

  job = g_new0 (DraftJob, 1);
  job->snapshot = bl_project_snapshot (project);
  job->draft_path = g_strdup (draft_path);
  job->original = original ? g_object_ref (original) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_draft_write_async);
  g_task_set_task_data (task, job, draft_job_free);
  g_task_run_in_thread (task, write_in_thread);
}

/**
 * bl_draft_write_finish:
 *
 * Returns: %TRUE when the draft and its note were written
 */
gboolean
bl_draft_write_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const BlDraftInfo *x = *(const BlDraftInfo * const *) a;
  const BlDraftInfo *y = *(const BlDraftInfo * const *) b;

  return x->saved_at > y->saved_at ? -1 : x->saved_at < y->saved_at;
}

/**
 * bl_draft_list:
 *
 * Returns: (transfer full) (element-type BlDraftInfo): the drafts left
 *   on disk, newest first
 */
GPtrArray *
bl_draft_list (void)
{
  g_autofree char *dir_path = bl_draft_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_draft_info_free);
  const char *name;

  if (dir == NULL)
    return drafts;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *info_path = NULL;
      g_autoptr(GKeyFile) keys = g_key_file_new ();
      BlDraftInfo *info;

      if (!g_str_has_suffix (name, ".borderline"))
        continue;

      path = g_build_filename (dir_path, name, NULL);
      info_path = g_strconcat (path, ".info", NULL);
      if (!g_key_file_load_from_file (keys, info_path, G_KEY_FILE_NONE, NULL))
        continue;

      info = g_new0 (BlDraftInfo, 1);
      info->path = g_steal_pointer (&path);
      info->original_uri = g_key_file_get_string (keys, INFO_GROUP, "Original", NULL);
      info->title = g_key_file_get_string (keys, INFO_GROUP, "Title", NULL);
      info->saved_at = g_key_file_get_int64 (keys, INFO_GROUP, "SavedAt", NULL);
      g_ptr_array_add (drafts, info);
    }

  g_ptr_array_sort (drafts, newest_first);
  return drafts;
}

/**
 * bl_draft_load:
 * @info: a draft from bl_draft_list()
 *
 * Returns: (transfer full): the project the draft holds, or %NULL
 */
BlProject *
bl_draft_load (const BlDraftInfo  *info,
               GError            **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  file = g_file_new_for_path (info->path);
  return bl_project_load (file, NULL, error);
}

/**
 * bl_draft_discard:
 * @draft_path: a draft
 *
 * Deletes the draft and its note, if they are there.
 */
void
bl_draft_discard (const char *draft_path)
{
  g_autofree char *info_path = NULL;

  g_return_if_fail (draft_path != NULL);

  info_path = g_strconcat (draft_path, ".info", NULL);
  g_mutex_lock (&draft_files_lock);
  g_unlink (info_path);
  g_unlink (draft_path);
  g_mutex_unlock (&draft_files_lock);
}
