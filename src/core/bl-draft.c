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
gboolean
bl_draft_write (BlProject   *project,
                const char  *draft_path,
                GFile       *original,
                GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info_data = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  gsize info_len;

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

  bytes = bl_project_to_bytes (project, NULL, error);
  if (bytes == NULL)
    return FALSE;

  /* the draft first: a note without its draft is ignored */
  if (!g_file_set_contents_full (draft_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
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

  return g_file_set_contents_full (info_path, info_data, info_len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
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
  g_unlink (info_path);
  g_unlink (draft_path);
}
