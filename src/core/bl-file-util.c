/* bl-file-util.c — reading whole files for the readers
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: giving a reader (projects, imports) the whole content
 * of a file, refusing folders and files larger than Borderline reads
 * before anything is read. A local file is mapped into memory rather
 * than copied, so that opening a large project costs no copy; a reader
 * that goes through it once can give back the pages it has read
 * (bl_file_mapping_drop_pages()).
 * What it is not: a writer; saving is in bl-project-file.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bl-error.h"
#include "bl-file-util.h"
#include "bl-project-io.h"

/**
 * bl_file_load_bytes:
 * @file: the file to read
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Reads the whole of @file, blocking. A local regular file is mapped
 * into memory, not copied; anything else is loaded through GIO. A folder
 * fails with %G_IO_ERROR_IS_DIRECTORY, a file larger than
 * %BL_PROJECT_MAX_FILE_SIZE with %BL_ERROR_TOO_LARGE, before anything is
 * read; every message names the file.
 *
 * Returns: (transfer full): the content (its data is never %NULL, even
 *   for an empty file), or %NULL with @error set
 */
GBytes *
bl_file_load_bytes (GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return bl_file_load_bytes_full (file, cancellable, NULL, error);
}

/**
 * bl_file_load_bytes_full:
 * @file: the file to read
 * @cancellable: (nullable): a #GCancellable
 * @is_mapping: (out) (optional): set to whether the content is a mapping of
 *   the file (then, and only then, bl_file_mapping_drop_pages() may be
 *   used on it)
 * @error: a #GError
 *
 * bl_file_load_bytes(), telling whether the file was mapped.
 *
 * Returns: (transfer full): the content, or %NULL with @error set
 */
GBytes *
bl_file_load_bytes_full (GFile         *file,
                         GCancellable  *cancellable,
                         gboolean      *is_mapping,
                         GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean is_mapped = FALSE;

  if (is_mapping != NULL)
    *is_mapping = FALSE;
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = bl_file_get_display_name (file);
  path = g_file_get_path (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: is a folder, not a file"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > BL_PROJECT_MAX_FILE_SIZE)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
                   _("%s: the file is larger than Borderline reads (2 GiB)"), name);
      return NULL;
    }

  if (path != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);

      if (mapped == NULL)
        return NULL;
      bytes = g_mapped_file_get_bytes (mapped);
      is_mapped = TRUE;
    }
  else
    {
      char *contents = NULL;
      gsize len;

      if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, error))
        return NULL;
      bytes = g_bytes_new_take (contents, len);
    }

  /* an empty mapping has no address: the readers want one */
  if (g_bytes_get_size (bytes) == 0)
    return g_bytes_new_static ("", 0);

  if (is_mapping != NULL)
    *is_mapping = is_mapped;
  return g_steal_pointer (&bytes);
}

/**
 * bl_file_mapping_drop_pages:
 * @data: the start of a mapping from bl_file_load_bytes_full()
 * @from: bytes from @data where the range starts
 * @to: bytes from @data where it ends
 *
 * Takes the file's whole pages between @from and @to out of the process's
 * memory: a reader that has parsed them calls this as it goes, each time
 * from where it stopped the last time, so that a 500 MB project does not
 * stay resident while its claims are built. Nothing is lost: the mapping
 * is private and read-only, so a page read again is read again from the
 * file (which a save never changes in place: it writes a new file and
 * renames it).
 */
void
bl_file_mapping_drop_pages (gconstpointer data,
                            gsize         from,
                            gsize         to)
{
  gsize page = (gsize) sysconf (_SC_PAGESIZE);
  guintptr first = ((guintptr) data + from + page - 1) & ~(guintptr) (page - 1);
  guintptr last = ((guintptr) data + to) & ~(guintptr) (page - 1);

  if (last > first && madvise ((void *) first, last - first, MADV_DONTNEED) != 0)
    g_debug ("madvise: %s", g_strerror (errno));
}
