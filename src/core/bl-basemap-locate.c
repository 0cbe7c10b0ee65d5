/* bl-basemap-locate.c — finding the shipped basemap without a window
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The batch commands and the tests need the offline basemap but do not
 * link the GUI's resources, and they run from an installed program, from
 * the build tree or from a test. bl_basemap_data_load_default() looks in
 * the usual places, in order:
 *
 *  1. the file named by the environment variable `BL_BASEMAP_FILE` (when
 *     set, it is the only place looked at: a wrong file there is an error,
 *     not a reason to quietly use another);
 *  2. the application's resources, `BL_BASEMAP_RESOURCE_PATH`;
 *  3. the installed data, `PKGDATADIR/basemap/basemap.bin`;
 *  4. the source tree, `BL_SOURCE_DIR/data/basemap/basemap.bin`, with
 *     `BL_SOURCE_DIR` the environment variable (the test environment sets
 *     it) or, when this file is compiled with it, the define.
 *
 * It is not a cache: each call reads the data again. Callers that draw
 * many maps keep the #BlBasemapData.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "bl-basemap-locate.h"

static BlBasemapData *
load_file (const char  *path,
           GString     *tried,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  BlBasemapData *data;

  data = bl_basemap_data_new_from_file (path, &local_error);
  if (data == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      if (tried != NULL)
        g_string_append_printf (tried, "\n  %s: %s", name, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  return data;
}

/**
 * bl_basemap_data_load_default:
 * @error: where to put the reason when no basemap is found
 *
 * Loads the basemap Borderline ships, from the first place that has it
 * (see the top of this file).
 *
 * Returns: (transfer full) (nullable): the basemap, or %NULL with @error
 *   set; the message lists the places tried
 */
BlBasemapData *
bl_basemap_data_load_default (GError **error)
{
  g_autoptr(GString) tried = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *installed = NULL;
  const char *env, *source_dir;
  BlBasemapData *data;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  env = g_getenv (BL_BASEMAP_FILE_ENV);
  if (env != NULL && *env != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      data = load_file (env, NULL, &local_error);
      if (data == NULL)
        g_set_error (error, local_error->domain, local_error->code,
                     /* Translators: %s is BL_BASEMAP_FILE, %s the reason */
                     _("The basemap named by %s cannot be read: %s"),
                     BL_BASEMAP_FILE_ENV, local_error->message);
      return data;
    }

  bytes = g_resources_lookup_data (BL_BASEMAP_RESOURCE_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      data = bl_basemap_data_new_from_bytes (bytes, &local_error);
      if (data != NULL)
        return data;
      g_string_append_printf (tried, "\n  resource://%s: %s", BL_BASEMAP_RESOURCE_PATH, local_error->message);
    }

  installed = g_build_filename (PKGDATADIR, "basemap", "basemap.bin", NULL);
  data = load_file (installed, tried, NULL);
  if (data != NULL)
    return data;

  source_dir = g_getenv ("BL_SOURCE_DIR");
#ifdef BL_SOURCE_DIR
  if (source_dir == NULL || *source_dir == '\0')
    source_dir = BL_SOURCE_DIR;
#endif
  if (source_dir != NULL && *source_dir != '\0')
    {
      g_autofree char *in_tree = g_build_filename (source_dir, "data", "basemap", "basemap.bin", NULL);

      data = load_file (in_tree, tried, NULL);
      if (data != NULL)
        return data;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               /* Translators: %s is a list of places, one a line */
               _("No basemap found (set %s to a basemap file); looked at:%s"),
               BL_BASEMAP_FILE_ENV, tried->str);
  return NULL;
}
