/* main.c — Borderline's entry point and command line
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parses the command line. A batch command (--check) runs on core alone
 * and never opens a display; anything else starts the application and
 * opens the files named.
 *
 * Exit status of batch commands: 0 all good, 1 a file is invalid or could
 * not be read or written, 2 the command line itself is wrong.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "bl-application.h"
#include "bl-basemap-source.h"
#include "bl-comparison-command.h"
#include "bl-convert.h"
#include "bl-map-export-command.h"
#include "bl-project-io.h"

enum {
  EXIT_OK = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

static const GOptionEntry options[] = {
  { "check", 'c', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Check that each FILE (a project, GeoJSON or CSV) is valid, without opening a window"), NULL },
  { "convert", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Convert one FILE (a project, GeoJSON or CSV) to OUT (.borderline, .geojson, .csv or .kml)"), N_("OUT") },
  { "export", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the map of one PROJECT to FILE (.png, .svg or .pdf), without opening a window"), N_("FILE") },
  { "size", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The exported map's size in pixels"), N_("WIDTHxHEIGHT") },
  { "scale", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Device pixels per pixel: 2 for HiDPI, 3.125 for print at 300 dpi"), N_("FACTOR") },
  { "bbox", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The area to export, in degrees (default: the claims shown)"), N_("W,S,E,N") },
  { "view", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Export a view saved in the project"), N_("NAME") },
  { "from", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Show only claims from this date on"), N_("DATE") },
  { "to", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Show only claims up to this date"), N_("DATE") },
  { "title", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The exported map's title"), N_("TEXT") },
  { "export-chart", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the comparison chart of --topic to FILE (.png or .svg), without opening a window"), N_("FILE") },
  { "export-table", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the comparison table of --topic to FILE (.csv or .md), without opening a window"), N_("FILE") },
  { "topic", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("The topic to compare, by its id in the project"), N_("ID") },
  { "width", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
    N_("The width of an exported image, in pixels"), N_("PIXELS") },
  { "height", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
    N_("The height of an exported image, in pixels"), N_("PIXELS") },
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    NULL, N_("[FILE…]") },
  { NULL }
};

static int
check_files (const char * const *paths)
{
  int status = EXIT_OK;

  if (paths == NULL || paths[0] == NULL)
    {
      g_printerr (_("borderline: --check needs at least one FILE\n"));
      return EXIT_USAGE;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    status = MAX (status, bl_check_command_file (paths[i]));

  return status;
}

static int
on_handle_local_options (GApplication *application,
                         GVariantDict *dict,
                         gpointer      user_data)
{
  g_autofree const char **paths = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("borderline %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  g_variant_dict_lookup (dict, G_OPTION_REMAINING, "^a&ay", &paths);

  if (g_variant_dict_contains (dict, "check"))
    return check_files (paths);

  if (g_variant_dict_contains (dict, "export"))
    {
      BlMapExportCommandArgs args = { NULL };

      g_variant_dict_lookup (dict, "export", "^&ay", &args.output);
      g_variant_dict_lookup (dict, "size", "&s", &args.size);
      g_variant_dict_lookup (dict, "scale", "&s", &args.scale);
      g_variant_dict_lookup (dict, "bbox", "&s", &args.bbox);
      g_variant_dict_lookup (dict, "view", "&s", &args.view);
      g_variant_dict_lookup (dict, "from", "&s", &args.from);
      g_variant_dict_lookup (dict, "to", "&s", &args.to);
      g_variant_dict_lookup (dict, "topic", "&s", &args.topic);
      g_variant_dict_lookup (dict, "title", "&s", &args.title);

      if (paths != NULL && paths[0] != NULL && paths[1] != NULL)
        {
          g_printerr (_("borderline: --export needs exactly one PROJECT\n"));
          return EXIT_USAGE;
        }
      return bl_map_export_command (paths ? paths[0] : NULL, &args);
    }

  if (g_variant_dict_contains (dict, "convert"))
    {
      const char *out = NULL;

      g_variant_dict_lookup (dict, "convert", "^&ay", &out);
      if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
        {
          g_printerr (_("borderline: --convert needs exactly one input FILE\n"));
          return EXIT_USAGE;
        }
      return bl_convert_command (out, paths[0]);
    }

  if (g_variant_dict_contains (dict, "export-chart") || g_variant_dict_contains (dict, "export-table"))
    {
      const char *chart = NULL, *table = NULL, *topic = NULL;
      int width = 0, height = 0;

      g_variant_dict_lookup (dict, "export-chart", "^&ay", &chart);
      g_variant_dict_lookup (dict, "export-table", "^&ay", &table);
      g_variant_dict_lookup (dict, "topic", "&s", &topic);
      g_variant_dict_lookup (dict, "width", "i", &width);
      g_variant_dict_lookup (dict, "height", "i", &height);

      if (paths == NULL || paths[0] == NULL || paths[1] != NULL)
        {
          g_printerr (_("borderline: --export-chart and --export-table need exactly one PROJECT\n"));
          return EXIT_USAGE;
        }
      if (topic == NULL)
        {
          g_printerr (_("borderline: --export-chart and --export-table need --topic=ID\n"));
          return EXIT_USAGE;
        }

      return bl_comparison_command (paths[0], topic, chart, table, width, height);
    }

  if (paths == NULL || paths[0] == NULL)
    return -1;

  /* The window: open the files here, or in the instance already running. */
  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (paths[i]));

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("borderline: %s\n", error->message);
      return EXIT_INVALID;
    }

  if (g_application_get_is_remote (application))
    {
      g_application_open (application, (GFile **) files->pdata, (int) files->len, "");
      return EXIT_OK;
    }

  bl_application_set_startup_files (BL_APPLICATION (application),
                                    (GFile **) files->pdata, files->len);
  return -1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BlApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bl_application_new ();
  g_application_set_option_context_parameter_string (G_APPLICATION (app), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (app),
                                            _("Map, compare and export contested claims about a conflict zone."));
  g_application_set_option_context_description (G_APPLICATION (app),
                                                _("Without options, opens each FILE (a .borderline project) in a window.\n"
                                                  "With --check, validates each FILE without a display and prints\n"
                                                  "“FILE: ok: …” or the file's problems.\n"
                                                  "With --export-chart or --export-table, writes the comparison of\n"
                                                  "--topic in one PROJECT, without a display.\n"
                                                  "Exit status of these commands: 0 when all went well, 1 when a file\n"
                                                  "is invalid or cannot be written, 2 on a usage error."));
  g_application_add_main_option_entries (G_APPLICATION (app), options);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (on_handle_local_options), NULL);

  status = g_application_run (G_APPLICATION (app), argc, argv);
  bl_basemap_source_wait_for_renders ();

  return status;
}
