/* bl-map-export-command.c — the batch map export, --export=OUT.png|svg|pdf
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   borderline --export=OUT.{png,svg,pdf} [--size=WxH] [--scale=K]
 *              [--bbox=W,S,E,N | --view=NAME] [--from=DATE --to=DATE]
 *              [--topic=ID] [--title=TEXT] PROJECT
 *
 * Runs on core alone: no display, no network (the basemap is the offline
 * one; tiles are never downloaded). The options are all checked before
 * the project is read. Exit status: 0 written ("wrote OUT" on stdout),
 * 1 bad input (a project that cannot be read, an unknown view or topic)
 * or a failed write, 2 a usage error (the message names the option and
 * what it expects).
 *
 * The window is --from/--to (either may be left out: an open end), else
 * the view's; the topic is --topic, else the view's; the area is --bbox,
 * else the view's, else the visible claims framed with a margin. Dates
 * are read as bl_date_parse_human() reads them: --from takes the first
 * day the text can mean ("2023-02" → 1 February), --to the last ("2023-02"
 * → 28 February).
 *
 * Without a basemap (none installed, BL_BASEMAP_FILE wrong) the map is
 * drawn on plain land with a warning on stderr: the claims still export.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-basemap-locate.h"
#include "bl-map-export-command.h"
#include "bl-map-export.h"
#include "bl-project-io.h"

enum {
  EXIT_OK = 0,
  EXIT_INVALID = 1,
  EXIT_USAGE = 2,
};

/* Parsing the options */

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  g_auto(GStrv) parts = NULL;
  guint64 w, h;

  if (text == NULL || strchr (text, 'x') == NULL)
    return FALSE;
  parts = g_strsplit (text, "x", -1);
  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, BL_MAP_EXPORT_MIN_SIZE, BL_MAP_EXPORT_MAX_SIZE, &w, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, BL_MAP_EXPORT_MIN_SIZE, BL_MAP_EXPORT_MAX_SIZE, &h, NULL))
    return FALSE;

  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

static gboolean
parse_number (const char *text,
              double     *out)
{
  char *end = NULL;
  double value;

  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == NULL || *end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
parse_bbox (const char *text,
            double      box[4])
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  if (g_strv_length (parts) != 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!parse_number (parts[i], &box[i]))
      return FALSE;

  return box[0] >= -180 && box[2] <= 180 && box[0] < box[2] &&
         box[1] >= -85 && box[3] <= 85 && box[1] < box[3];
}

static gboolean
usage_error (const char *option,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (const char *option,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("borderline: %s: %s\n", option, message);
  return FALSE;
}

typedef struct {
  BlMapExportFormat format;
  int               width;
  int               height;
  double            scale;
  double            bbox[4];
  gboolean          has_bbox;
  gboolean          has_from;
  gboolean          has_to;
  BlDate            from;
  BlDate            to;
} Parsed;

static gboolean
parse_args (const char                   *project_path,
            const BlMapExportCommandArgs *args,
            Parsed                       *p)
{
  memset (p, 0, sizeof *p);
  p->width = BL_MAP_EXPORT_COMMAND_WIDTH;
  p->height = BL_MAP_EXPORT_COMMAND_HEIGHT;

  if (args->output == NULL || *args->output == '\0')
    return usage_error ("--export", _("expected a file name ending in .png, .svg or .pdf"));
  if (!bl_map_export_format_for_path (args->output, &p->format))
    {
      g_autofree char *name = g_filename_display_name (args->output);

      return usage_error ("--export", _("“%s”: expected a file name ending in .png, .svg or .pdf"), name);
    }

  if (project_path == NULL || *project_path == '\0')
    {
      g_printerr (_("borderline: --export needs a PROJECT file\n"));
      return FALSE;
    }

  if (args->size != NULL && !parse_size (args->size, &p->width, &p->height))
    return usage_error ("--size", _("expected WIDTHxHEIGHT like 1600x1000, from %d to %d pixels"),
                        BL_MAP_EXPORT_MIN_SIZE, BL_MAP_EXPORT_MAX_SIZE);

  if (args->scale != NULL)
    {
      if (!parse_number (args->scale, &p->scale) ||
          p->scale < BL_MAP_EXPORT_MIN_SCALE || p->scale > BL_MAP_EXPORT_MAX_SCALE)
        return usage_error ("--scale", _("expected a number from %g to %g, like 2 for HiDPI or 3.125 for 300 dpi"),
                            BL_MAP_EXPORT_MIN_SCALE, BL_MAP_EXPORT_MAX_SCALE);
    }
  else
    {
      /* a big page is a print: draw it as a screen of 1600 × 1000 would */
      p->scale = MAX (1.0, MIN (p->width / (double) BL_MAP_EXPORT_COMMAND_WIDTH,
                                p->height / (double) BL_MAP_EXPORT_COMMAND_HEIGHT));
    }

  if (args->bbox != NULL && args->view != NULL)
    return usage_error ("--bbox", _("use either --bbox or --view, not both"));
  if (args->bbox != NULL)
    {
      if (!parse_bbox (args->bbox, p->bbox))
        return usage_error ("--bbox", _("expected WEST,SOUTH,EAST,NORTH in degrees like 66,34.5,75,40, "
                                        "with west < east within −180…180 and south < north within −85…85"));
      p->has_bbox = TRUE;
    }
  if (args->view != NULL && *args->view == '\0')
    return usage_error ("--view", _("expected the name of a saved view"));

  if (args->from != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!bl_date_parse_human (args->from, &p->from, &error))
        return usage_error ("--from", "%s", error->message);
      if (bl_date_is_unknown (&p->from) || p->from.first_day == BL_DAY_MIN)
        return usage_error ("--from", _("expected a date with a beginning, like 2023-02-14 or February 2023"));
      p->has_from = TRUE;
    }
  if (args->to != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!bl_date_parse_human (args->to, &p->to, &error))
        return usage_error ("--to", "%s", error->message);
      if (bl_date_is_unknown (&p->to) || p->to.last_day == BL_DAY_MAX)
        return usage_error ("--to", _("expected a date with an end, like 2023-03-31 or March 2023"));
      p->has_to = TRUE;
    }
  if (p->has_from && p->has_to && p->from.first_day > p->to.last_day)
    return usage_error ("--to", _("the window ends before it begins (--from is after --to)"));

  if (args->topic != NULL && *args->topic == '\0')
    return usage_error ("--topic", _("expected a topic's id"));
  if (args->title != NULL && !g_utf8_validate (args->title, -1, NULL))
    return usage_error ("--title", _("the text is not valid UTF-8"));

  return TRUE;
}

/* The project */

static void
print_file_error (const char   *path,
                  const GError *error)
{
  g_autofree char *name = g_filename_display_name (path);

  /* project errors name the file already; I/O errors do not */
  if (strstr (error->message, name) != NULL)
    g_printerr ("%s\n", error->message);
  else
    g_printerr ("%s: %s\n", name, error->message);
}

static const BlView *
find_view (BlProject  *project,
           const char *name)
{
  GPtrArray *views = bl_project_get_views (project);

  for (guint i = 0; i < views->len; i++)
    {
      const BlView *view = g_ptr_array_index (views, i);

      if (g_strcmp0 (view->name, name) == 0)
        return view;
    }
  return NULL;
}

static char *
list_views (BlProject *project)
{
  GPtrArray *views = bl_project_get_views (project);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < views->len; i++)
    {
      const BlView *view = g_ptr_array_index (views, i);

      g_string_append_printf (names, "%s“%s”", i ? ", " : "", view->name ? view->name : "");
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
list_topics (BlProject *project)
{
  GListModel *topics = bl_project_get_topics (project);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    g_string_append_printf (ids, "%s%s", i ? ", " : "", bl_topic_get_id (bl_project_get_topic (project, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* Sets the filter from the view, then from the options. */
static gboolean
set_up_filter (BlProject     *project,
               const char    *project_name,
               const BlView  *view,
               const char    *topic_id,
               const Parsed  *p,
               BlFilter      *filter)
{
  gint32 first = BL_DAY_MIN, last = BL_DAY_MAX;

  if (view != NULL)
    {
      bl_filter_set_clock (filter, view->clock);
      if (!bl_date_is_unknown (&view->from))
        first = view->from.first_day;
      if (!bl_date_is_unknown (&view->to))
        last = view->to.last_day;
      if (view->text != NULL)
        bl_filter_set_text (filter, view->text);
      if (topic_id == NULL)
        topic_id = view->topic;
    }

  if (p->has_from)
    first = p->from.first_day;
  if (p->has_to)
    last = p->to.last_day;
  if (first > last)
    {
      g_printerr (_("%s: the window ends before it begins\n"), project_name);
      return FALSE;
    }
  bl_filter_set_window (filter, first, last);

  if (topic_id != NULL)
    {
      guint32 topic = bl_project_find_topic (project, topic_id);

      if (topic == BL_NO_INDEX)
        {
          g_autofree char *ids = list_topics (project);

          if (*ids == '\0')
            g_printerr (_("%s: there is no topic “%s”: the project has no topics\n"), project_name, topic_id);
          else
            g_printerr (_("%s: there is no topic “%s”; its topics are: %s\n"), project_name, topic_id, ids);
          return FALSE;
        }
      bl_filter_set_topic (filter, topic);
    }
  return TRUE;
}

/**
 * bl_map_export_command:
 * @project_path: the project file
 * @args: the options, as given
 *
 * Exports a map of @project_path; see the top of this file.
 *
 * Returns: the exit status: 0 written, 1 bad input or a failed write,
 *   2 a usage error
 */
int
bl_map_export_command (const char                   *project_path,
                       const BlMapExportCommandArgs *args)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlFilter) filter = NULL;
  g_autoptr(BlVisibleClaims) visible = NULL;
  g_autoptr(BlBasemapData) data = NULL;
  g_autoptr(BlBasemapRenderer) basemap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *project_name = NULL;
  g_autofree char *output_name = NULL;
  const BlView *view = NULL;
  BlMapExportOptions options;
  Parsed p;

  g_return_val_if_fail (args != NULL, EXIT_USAGE);

  /* The command line first: nothing is read when it is wrong. */
  if (!parse_args (project_path, args, &p))
    return EXIT_USAGE;

  project_name = g_filename_display_name (project_path);
  output_name = g_filename_display_name (args->output);

  file = g_file_new_for_commandline_arg (project_path);
  project = bl_project_load (file, NULL, &error);
  if (project == NULL)
    {
      print_file_error (project_path, error);
      return EXIT_INVALID;
    }

  if (args->view != NULL && (view = find_view (project, args->view)) == NULL)
    {
      g_autofree char *names = list_views (project);

      if (*names == '\0')
        g_printerr (_("%s: there is no view “%s”: the project has no saved views\n"), project_name, args->view);
      else
        g_printerr (_("%s: there is no view “%s”; its views are: %s\n"), project_name, args->view, names);
      return EXIT_INVALID;
    }

  filter = bl_filter_new ();
  if (!set_up_filter (project, project_name, view, args->topic, &p, filter))
    return EXIT_INVALID;
  visible = bl_visible_claims_new (project, filter);

  data = bl_basemap_data_load_default (&error);
  if (data == NULL)
    {
      g_printerr (_("borderline: warning: the map is drawn without a basemap: %s\n"), error->message);
      g_clear_error (&error);
    }
  basemap = bl_basemap_renderer_new (data);

  bl_map_export_options_init (&options);
  options.format = p.format;
  options.width = p.width;
  options.height = p.height;
  options.scale = p.scale;
  options.title = args->title;
  if (p.has_bbox)
    {
      options.west = p.bbox[0];
      options.south = p.bbox[1];
      options.east = p.bbox[2];
      options.north = p.bbox[3];
    }
  else if (view != NULL && !isnan (view->west) && !isnan (view->south) &&
           !isnan (view->east) && !isnan (view->north))
    {
      options.west = view->west;
      options.south = view->south;
      options.east = view->east;
      options.north = view->north;
    }

  if (!bl_map_export_to_file (project, visible, basemap, &options, args->output, &error))
    {
      g_printerr ("borderline: %s\n", error->message);
      return EXIT_INVALID;
    }

  g_print (_("wrote %s\n"), output_name);
  return EXIT_OK;
}
