/* bl-comparison-command.c — the comparison's batch exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What `borderline --export-chart=OUT --topic=ID PROJECT` and
 * `borderline --export-table=OUT --topic=ID PROJECT` do: load the project,
 * compare the claims on the topic and on its related topics (the same unit,
 * as the panel does) with no filter, and write the chart and/or the table
 * with the exports of bl-comparison-export.h. It runs on core alone and
 * never opens a display.
 *
 * The format comes from the file name's extension: .png or .svg for the
 * chart, .csv or .md for the table. Exit status as for --check: 0 all
 * written, 1 the project or the topic is bad or a file could not be
 * written (a message naming the file on stderr; an export that fails
 * leaves no file), 2 the command line is wrong. On success the only output
 * is one "wrote FILE" line per file written.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bl-comparison-command.h"
#include "bl-comparison-export.h"
#include "bl-project-io.h"

enum {
  EXIT_OK = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

static gboolean
has_extension (const char *path,
               const char *extension)
{
  g_autofree char *lower = g_utf8_strdown (path, -1);

  return g_str_has_suffix (lower, extension);
}

static gboolean
chart_format_for_path (const char    *path,
                       BlChartFormat *format)
{
  if (has_extension (path, ".png"))
    *format = BL_CHART_PNG;
  else if (has_extension (path, ".svg"))
    *format = BL_CHART_SVG;
  else
    return FALSE;
  return TRUE;
}

static gboolean
table_format_for_path (const char    *path,
                       BlTableFormat *format)
{
  if (has_extension (path, ".csv"))
    *format = BL_TABLE_CSV;
  else if (has_extension (path, ".md") || has_extension (path, ".markdown"))
    *format = BL_TABLE_MARKDOWN;
  else
    return FALSE;
  return TRUE;
}

static char *
list_topic_ids (BlProject *project)
{
  GListModel *topics = bl_project_get_topics (project);
  g_autoptr(GString) ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (topics);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlTopic) topic = g_list_model_get_item (topics, i);

      if (ids->len > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, bl_topic_get_id (topic));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Prints an error about @path. Project errors name the file already;
 * I/O errors do not, or name a temporary file beside it. */
static void
print_file_error (const char   *path,
                  const GError *error,
                  gboolean      always_name)
{
  g_autofree char *name = g_filename_display_name (path);

  if (!always_name && error->domain != G_IO_ERROR && g_str_has_prefix (error->message, name))
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("%s: %s\n", name, error->message);
}

/**
 * bl_comparison_command:
 * @project_path: the project file
 * @topic_id: the id of the topic to compare
 * @chart_path: (nullable): where to write the chart (.png or .svg)
 * @table_path: (nullable): where to write the table (.csv or .md)
 * @width: the chart's width in pixels, or 0 for %BL_COMPARISON_COMMAND_WIDTH
 * @height: its height, or 0 for %BL_COMPARISON_COMMAND_HEIGHT
 *
 * Writes the comparison of @topic_id (with its related topics) in
 * @project_path as a chart and/or a table. See the top of this file.
 *
 * Returns: the exit status: 0 done, 1 bad input or a failed write, 2 usage
 */
int
bl_comparison_command (const char *project_path,
                       const char *topic_id,
                       const char *chart_path,
                       const char *table_path,
                       int         width,
                       int         height)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint32 *topics = NULL;
  g_autofree char *project_name = NULL;
  BlChartFormat chart_format = BL_CHART_PNG;
  BlTableFormat table_format = BL_TABLE_CSV;
  guint32 topic;
  guint n_topics = 0;
  int status = EXIT_OK;

  /* The command line first: nothing is read when it is wrong. */
  if (project_path == NULL || *project_path == '\0')
    {
      g_printerr (_("borderline: an export needs a PROJECT file\n"));
      return EXIT_USAGE;
    }
  if (topic_id == NULL || *topic_id == '\0')
    {
      g_printerr (_("borderline: an export needs --topic=ID\n"));
      return EXIT_USAGE;
    }
  if (chart_path == NULL && table_path == NULL)
    {
      g_printerr (_("borderline: --topic needs --export-chart=FILE or --export-table=FILE\n"));
      return EXIT_USAGE;
    }
  if (chart_path != NULL && !chart_format_for_path (chart_path, &chart_format))
    {
      g_autofree char *name = g_filename_display_name (chart_path);

      g_printerr (_("borderline: %s: a chart is written as .png or .svg\n"), name);
      return EXIT_USAGE;
    }
  if (table_path != NULL && !table_format_for_path (table_path, &table_format))
    {
      g_autofree char *name = g_filename_display_name (table_path);

      g_printerr (_("borderline: %s: a table is written as .csv or .md\n"), name);
      return EXIT_USAGE;
    }
  if (width <= 0)
    width = BL_COMPARISON_COMMAND_WIDTH;
  if (height <= 0)
    height = BL_COMPARISON_COMMAND_HEIGHT;
  if (chart_path != NULL &&
      (width < BL_CHART_MIN_SIZE || width > BL_CHART_MAX_SIZE ||
       height < BL_CHART_MIN_SIZE || height > BL_CHART_MAX_SIZE))
    {
      g_printerr (_("borderline: a chart must be between %d and %d pixels wide and high, not %d × %d\n"),
                  BL_CHART_MIN_SIZE, BL_CHART_MAX_SIZE, width, height);
      return EXIT_USAGE;
    }

  project_name = g_filename_display_name (project_path);
  file = g_file_new_for_commandline_arg (project_path);
  project = bl_project_load (file, NULL, &error);
  if (project == NULL)
    {
      print_file_error (project_path, error, FALSE);
      return EXIT_INVALID;
    }

  topic = bl_project_find_topic (project, topic_id);
  if (topic == BL_NO_INDEX)
    {
      g_autofree char *ids = list_topic_ids (project);

      if (*ids == '\0')
        g_printerr (_("%s: there is no topic “%s”: the project has no topics\n"),
                    project_name, topic_id);
      else
        g_printerr (_("%s: there is no topic “%s”; its topics are: %s\n"),
                    project_name, topic_id, ids);
      return EXIT_INVALID;
    }

  topics = bl_comparison_get_related_topics (project, topic, &n_topics);
  comparison = bl_comparison_new (project, topics, n_topics, NULL);

  if (chart_path != NULL)
    {
      if (bl_comparison_export_chart (comparison, chart_path, chart_format, width, height, &error))
        {
          g_autofree char *name = g_filename_display_name (chart_path);

          g_print (_("wrote %s\n"), name);
        }
      else
        {
          print_file_error (chart_path, error, TRUE);
          g_clear_error (&error);
          status = EXIT_INVALID;
        }
    }

  if (table_path != NULL)
    {
      if (bl_comparison_export_table (comparison, table_path, table_format, &error))
        {
          g_autofree char *name = g_filename_display_name (table_path);

          g_print (_("wrote %s\n"), name);
        }
      else
        {
          print_file_error (table_path, error, TRUE);
          g_clear_error (&error);
          status = EXIT_INVALID;
        }
    }

  return status;
}
