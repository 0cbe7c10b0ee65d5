/* bl-import-read.c — the import dialog's work off the main thread
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: what BlImportDialog runs on worker threads (GTask) —
 * reading the file once, telling its format and the names of its columns
 * or properties with the first row's values, and importing it with a
 * mapping, for the preview or whole — and the few things the dialog keeps
 * beyond one import: the file chooser's filters and, per file, which
 * claims it gave (so importing it again updates the claims not edited
 * since). The workers read only their own data; nothing here touches a
 * widget or the open project.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-csv-reader.h"
#include "bl-import-dialog.h"
#include "bl-import-private.h"
#include "bl-project-io.h"

/* Reading the file */

void
bl_import_read_free (BlImportRead *r)
{
  g_clear_pointer (&r->bytes, g_bytes_unref);
  g_strfreev (r->names);
  g_strfreev (r->samples);
  g_free (r);
}

/* The first data row of a CSV file, as text, for the drop-downs'
 * subtitles; NULL where it cannot be read. */
static GStrv
peek_first_row (const char *data,
                gsize       len,
                guint       n_names)
{
  g_autoptr(BlCsvReader) csv = bl_csv_reader_new (data, len, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (bl_csv_reader_next_row (csv, NULL) != BL_CSV_ROW ||
      bl_csv_reader_next_row (csv, NULL) != BL_CSV_ROW)
    return NULL;

  for (guint i = 0; i < n_names; i++)
    {
      gsize cell_len = 0;
      const char *cell = i < bl_csv_reader_get_n_fields (csv) ? bl_csv_reader_get_field (csv, i, &cell_len) : "";

      if (cell_len > 200)
        cell_len = 200;
      if (memchr (cell, '\0', cell_len) != NULL || !g_utf8_validate_len (cell, cell_len, NULL))
        g_strv_builder_add (builder, "");
      else
        {
          g_autofree char *text = g_strndup (cell, cell_len);

          g_strv_builder_add (builder, g_strstrip (text));
        }
    }
  return g_strv_builder_end (builder);
}

void
bl_import_read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  BlImportRead *r;
  gsize len;

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (len > BL_PROJECT_MAX_FILE_SIZE)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The file is larger than Borderline reads (2 GiB)."));
      return;
    }

  r = g_new0 (BlImportRead, 1);
  r->format = bl_format_guess (basename, contents, len);
  if (r->format == BL_FORMAT_CSV || r->format == BL_FORMAT_GEOJSON)
    {
      r->names = bl_import_peek_names (contents, len, r->format, &error);
      if (r->names == NULL)
        {
          bl_import_read_free (r);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (r->format == BL_FORMAT_CSV)
        r->samples = peek_first_row (contents, len, g_strv_length (r->names));
    }
  r->bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
  g_task_return_pointer (task, r, (GDestroyNotify) bl_import_read_free);
}

/* Importing with a mapping */

void
bl_import_job_free (BlImportJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job->name);
  bl_field_mapping_clear (&job->mapping);
  g_free (job);
}

void
bl_import_job_result_free (BlImportJobResult *r)
{
  g_clear_object (&r->project);
  g_clear_pointer (&r->report, bl_import_report_free);
  g_clear_error (&r->error);
  g_free (r);
}

void
bl_import_job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  BlImportJob *job = task_data;
  BlImportJobResult *r = g_new0 (BlImportJobResult, 1);
  BlImportOptions options;
  gsize len;
  const char *data = g_bytes_get_data (job->bytes, &len);

  bl_import_options_init (&options);
  options.mapping = job->has_mapping ? &job->mapping : NULL;
  options.max_records = job->max_records;
  options.described_records = BL_IMPORT_DIALOG_PREVIEW_ROWS;
  r->project = bl_import_data (data ? data : "", len, job->name, job->format, &options,
                               &r->report, cancellable, &r->error);
  if (g_cancellable_is_cancelled (cancellable))
    {
      bl_import_job_result_free (r);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return;
    }
  g_task_return_pointer (task, r, (GDestroyNotify) bl_import_job_result_free);
}

/* Kept between imports */

/* Claim id → fingerprints, per file, for the length of a run: importing a
 * file again updates the claims it gave that were not edited since. */
GHashTable *
bl_import_origins_for (GFile *file)
{
  static GHashTable *tables;
  g_autofree char *uri = g_file_get_uri (file);
  GHashTable *table;

  if (tables == NULL)
    tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  table = g_hash_table_lookup (tables, uri);
  if (table == NULL)
    {
      table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (tables, g_steal_pointer (&uri), table);
    }
  return table;
}

/* The file chooser */

static GtkFileFilter *
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *patterns,
            const char     *mime_types)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_auto(GStrv) p = g_strsplit (patterns, " ", -1);
  g_auto(GStrv) m = g_strsplit (mime_types, " ", -1);

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; p[i]; i++)
    if (p[i][0])
      gtk_file_filter_add_suffix (filter, p[i]);
  for (guint i = 0; m[i]; i++)
    if (m[i][0])
      gtk_file_filter_add_mime_type (filter, m[i]);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
  return filter;   /* the chooser holds it */
}

void
bl_import_add_filters (GtkFileChooser *chooser)
{
  GtkFileFilter *both = add_filter (chooser, _("GeoJSON and CSV Files"), "geojson json csv",
                                    "application/geo+json text/csv");

  add_filter (chooser, _("GeoJSON Files"), "geojson json", "application/geo+json");
  add_filter (chooser, _("CSV Tables (and ACLED Exports)"), "csv", "text/csv");
  add_filter (chooser, _("Borderline Projects"), "borderline", "application/x-borderline");
  gtk_file_filter_add_pattern (add_filter (chooser, _("All Files"), "", ""), "*");
  gtk_file_chooser_set_filter (chooser, both);
}
