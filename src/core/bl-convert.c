/* bl-convert.c — the batch commands --convert and --check for any format
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: what main.c runs for `borderline --convert=OUT INPUT`
 * and for each FILE of `borderline --check FILE…`, without a display.
 * INPUT may be a project, GeoJSON or CSV (ACLED's export included), told
 * apart by content and extension; OUT's format is its extension:
 * `.borderline`, `.geojson`, `.csv` or `.kml`.
 *
 * Output, in the style of --check:
 * - a project checks as `FILE: ok: N claims, N actors, N sources, N topics`;
 * - GeoJSON or CSV as `FILE: ok: N claims would import (M records
 *   rejected)`, and each problem on stderr with its place
 *   (`FILE:LINE: message`, `FILE: features[3].geometry: message`);
 * - a file that cannot be read at all: its error on stderr.
 *
 * Exit status: 0 when everything was read (and written); 1 when the input
 * could not be read, the output not written, or any record was rejected
 * (a conversion still writes the records that were good, and says so);
 * 2 when OUT's extension names no format Borderline writes. What it is
 * not: the option parser (main.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bl-convert.h"
#include "bl-error.h"
#include "bl-format-export.h"
#include "bl-format.h"
#include "bl-project-io.h"

enum {
  EXIT_OK = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

static void
print_error (const char   *name,
             const GError *error)
{
  /* Borderline's errors name the file already; I/O errors do not. */
  if (error->domain == G_IO_ERROR && !g_str_has_prefix (error->message, name))
    g_printerr ("%s: %s\n", name, error->message);
  else
    g_printerr ("%s\n", error->message);
}

static void
print_problems (BlImportReport *report)
{
  g_autofree char *text = NULL;

  if (report == NULL)
    return;
  text = bl_import_report_to_string (report);
  g_printerr ("%s", text);
}

/* Reads @path as the command line names it; messages use @name. */
static BlProject *
import_path (const char      *path,
             const char      *name,
             BlImportReport **report,
             GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *local = g_file_get_path (file);
  const char *data;
  gsize len;
  BlFormat format;

  *report = NULL;
  if (local == NULL || g_file_test (local, G_FILE_TEST_IS_DIR))
    return bl_import_file (file, BL_FORMAT_UNKNOWN, NULL, report, NULL, error);

  mapped = g_mapped_file_new (local, FALSE, error);
  if (mapped == NULL)
    return NULL;
  data = g_mapped_file_get_contents (mapped);
  len = g_mapped_file_get_length (mapped);
  if (data == NULL)
    data = "";

  format = bl_format_guess (local, data, len);
  if (format == BL_FORMAT_PROJECT)
    {
      BlProject *project = bl_project_load (file, NULL, error);

      if (project)
        *report = bl_import_report_new (name, 0);
      return project;
    }
  return bl_import_data (data, len, name, format, NULL, report, NULL, error);
}

/**
 * bl_check_command_file:
 * @path: a file named on the command line
 *
 * Checks one file as `borderline --check` does, printing the result.
 *
 * Returns: the exit status: 0 valid, 1 not (or some records rejected)
 */
int
bl_check_command_file (const char *path)
{
  g_autofree char *name = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint n_claims;

  g_return_val_if_fail (path != NULL, EXIT_USAGE);

  name = g_filename_display_name (path);

  project = import_path (path, name, &report, &error);
  if (project == NULL)
    {
      print_problems (report);
      print_error (name, error);
      return EXIT_INVALID;
    }

  n_claims = bl_claim_store_get_n_claims (bl_project_get_claims (project));
  if (bl_import_report_get_format (report) == BL_FORMAT_UNKNOWN ||
      bl_import_report_get_format (report) == BL_FORMAT_PROJECT)
    {
      g_print (_("%s: ok: %u claims, %u actors, %u sources, %u topics\n"),
               name, n_claims,
               g_list_model_get_n_items (bl_project_get_actors (project)),
               g_list_model_get_n_items (bl_project_get_sources (project)),
               g_list_model_get_n_items (bl_project_get_topics (project)));
      return EXIT_OK;
    }

  g_print (_("%s: ok: %u claims would import (%u records rejected)\n"),
           name, n_claims, bl_import_report_get_n_rejected (report));
  print_problems (report);

  return bl_import_report_get_n_rejected (report) > 0 ? EXIT_INVALID : EXIT_OK;
}

/**
 * bl_convert_command:
 * @out_path: the file to write; its extension names the format
 * @in_path: a project, GeoJSON or CSV file
 *
 * Runs `borderline --convert=OUT INPUT`, printing what it did.
 *
 * Returns: the exit status: 0 done, 1 a file could not be read or written
 *   or records were rejected, 2 OUT names no format Borderline writes
 */
int
bl_convert_command (const char *out_path,
                    const char *in_path)
{
  g_autofree char *in_name = NULL;
  g_autofree char *out_name = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out_file = NULL;
  BlFormat out_format;
  guint n_rejected;

  g_return_val_if_fail (out_path != NULL, EXIT_USAGE);
  g_return_val_if_fail (in_path != NULL, EXIT_USAGE);

  in_name = g_filename_display_name (in_path);
  out_name = g_filename_display_name (out_path);

  out_format = bl_format_from_filename (out_path);
  if (!bl_format_can_export (out_format))
    {
      g_printerr (_("borderline: cannot tell what to write to “%s”: name it .borderline, .geojson, .csv or .kml\n"),
                  out_name);
      return EXIT_USAGE;
    }

  project = import_path (in_path, in_name, &report, &error);
  if (project == NULL)
    {
      print_problems (report);
      print_error (in_name, error);
      return EXIT_INVALID;
    }
  print_problems (report);
  n_rejected = report ? bl_import_report_get_n_rejected (report) : 0;

  out_file = g_file_new_for_commandline_arg (out_path);
  if (!bl_format_export_file (project, out_file, out_format, NULL, NULL, &error))
    {
      print_error (out_name, error);
      return EXIT_INVALID;
    }

  g_print (_("%s: wrote %u claims from %s\n"), out_name,
           bl_claim_store_get_n_claims (bl_project_get_claims (project)), in_name);
  if (n_rejected > 0)
    {
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%s: %u record was rejected and is not in %s\n",
                               "%s: %u records were rejected and are not in %s\n", n_rejected),
                  in_name, n_rejected, out_name);
      return EXIT_INVALID;
    }
  return EXIT_OK;
}
