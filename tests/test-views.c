/* test-views.c — saving a view and getting it back, in the window, under Xvfb
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the sample project in the real window and drives it with xdotool
 * as a person would: drags the timeline's window handles, clicks the
 * clock, picks the lanes from their drop-down, pans the map, saves a view
 * from the Views menu, changes all of it, and picks the view again. Then
 * checks that a project whose view is the default opens showing it.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bl-basemap-source.h"
#include "bl-map-view.h"
#include "bl-project-io.h"
#include "bl-timeline-bar.h"
#include "bl-timeline-private.h"
#include "bl-views-menu.h"
#include "bl-window.h"
#include "display-helpers.h"
#include "test-helpers.h"

typedef struct {
  BlWindow    *window;
  BlTimeline  *timeline;
  BlMapView   *map_view;
  BlViewsMenu *views_menu;
  BlFilter    *filter;
} Fixture;

/* Finding widgets {{{ */

static gboolean
label_is (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_LABEL (widget))
    return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
  if (GTK_IS_BUTTON (widget))
    return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
  return FALSE;
}

/* The first widget of @type (and, if given, with the label @text) under
 * @root, popovers included. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (text == NULL || label_is (root, text)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, text);

      if (found)
        return found;
    }

  return NULL;
}

static void
click_middle (GtkWidget *widget)
{
  bl_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/* }}} */

/* Conditions {{{ */

static gboolean
ready (gpointer data)
{
  Fixture *f = data;

  return bl_window_get_project (f->window) != NULL &&
         gtk_widget_get_mapped (GTK_WIDGET (f->timeline)) &&
         gtk_widget_get_width (GTK_WIDGET (f->timeline)) > 400 &&
         gtk_widget_get_width (GTK_WIDGET (bl_map_view_get_map (f->map_view))) > 200;
}

typedef struct {
  BlFilter *filter;
  gint32    first, last;
} WindowWait;

static gboolean
window_is (gpointer data)
{
  WindowWait *w = data;
  gint32 first, last;

  if (!bl_filter_has_window (w->filter))
    return FALSE;
  bl_filter_get_window (w->filter, &first, &last);
  return (w->first == G_MININT32 || first == w->first) && (w->last == G_MININT32 || last == w->last);
}

static gboolean
window_changed (gpointer data)
{
  WindowWait *w = data;
  gint32 first, last;

  if (!bl_filter_has_window (w->filter))
    return FALSE;
  bl_filter_get_window (w->filter, &first, &last);
  return first != w->first || last != w->last;
}

static gboolean
n_views_is (gpointer data)
{
  Fixture *f = data;

  return bl_project_get_views (bl_window_get_project (f->window))->len == 2;
}

typedef struct {
  BlMapView *map_view;
  double     west;
} MapWait;

static gboolean
map_moved (gpointer data)
{
  MapWait *m = data;
  double west, south, east, north;

  return bl_map_view_get_extent (m->map_view, &west, &south, &east, &north) && fabs (west - m->west) > 0.05;
}

/* }}} */

/* Driving {{{ */

static double
x_of_day (Fixture *f,
          double   day)
{
  double plot_x, plot_w;

  bl_timeline_get_plot (f->timeline, &plot_x, &plot_w);
  return plot_x + bl_time_axis_day_to_x (&f->timeline->axis, day);
}

/* A real drag with the primary button, in steps so that GTK sees motion */
static void
drag (GtkWidget *widget,
      double     x0,
      double     y0,
      double     x1,
      double     y1)
{
  g_autoptr(GString) args = g_string_new (NULL);
  int sx0, sy0, sx1, sy1;

  bl_test_widget_to_screen (widget, x0, y0, &sx0, &sy0);
  bl_test_widget_to_screen (widget, x1, y1, &sx1, &sy1);
  g_string_append_printf (args, "mousemove --sync %d %d mousedown 1", sx0, sy0);
  for (guint i = 1; i <= 8; i++)
    g_string_append_printf (args, " mousemove --sync %d %d", sx0 + (sx1 - sx0) * (int) i / 8,
                            sy0 + (sy1 - sy0) * (int) i / 8);
  g_string_append (args, " mouseup 1");
  g_free (bl_test_xdotool ("%s", args->str));
}

/* Drags a handle of the timeline's window to @day and waits for it. */
static void
drag_handle (Fixture *f,
             gboolean end,
             gint32   day)
{
  double y = BL_TIMELINE_OVERVIEW_HEIGHT + BL_TIMELINE_AXIS_HEIGHT / 2.0;
  WindowWait w = { f->filter, G_MININT32, G_MININT32 };
  gint32 first, last;

  g_assert_true (bl_timeline_get_shown_window (f->timeline, &first, &last));
  drag (GTK_WIDGET (f->timeline), x_of_day (f, end ? (double) last + 1 : first), y, x_of_day (f, day), y);
  w.first = first;
  w.last = last;
  bl_test_wait_for (window_changed, &w, 10, "the window to follow the handle");
  bl_test_wait_for_frames (GTK_WIDGET (f->timeline), 2);
}

static void
click_toggle (Fixture    *f,
              const char *label)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (f->window), BL_TYPE_TIMELINE_BAR, NULL);
  GtkWidget *toggle = find_widget (bar, GTK_TYPE_TOGGLE_BUTTON, label);

  g_assert_nonnull (toggle);
  click_middle (toggle);
  bl_test_wait_for_frames (GTK_WIDGET (f->timeline), 2);
}

/* Opens the lanes drop-down and clicks @choice in its list. */
static void
pick_lanes (Fixture    *f,
            const char *choice)
{
  GtkWidget *bar = find_widget (GTK_WIDGET (f->window), BL_TYPE_TIMELINE_BAR, NULL);
  GtkWidget *dropdown = find_widget (bar, GTK_TYPE_DROP_DOWN, NULL);
  GtkWidget *popover, *item;

  click_middle (dropdown);
  popover = find_widget (dropdown, GTK_TYPE_POPOVER, NULL);
  bl_test_wait_for (bl_test_is_mapped, popover, 10, "the lanes list");
  bl_test_wait_for_frames (popover, 2);
  item = find_widget (popover, GTK_TYPE_LABEL, choice);
  g_assert_nonnull (item);
  click_middle (item);
  bl_test_wait_for_frames (GTK_WIDGET (f->timeline), 2);
}

static void
pan_map (Fixture *f,
         double   dx,
         double   dy)
{
  GtkWidget *map = GTK_WIDGET (bl_map_view_get_map (f->map_view));
  double x = gtk_widget_get_width (map) / 2.0, y = gtk_widget_get_height (map) / 2.0;
  double south, east, north;
  MapWait m = { f->map_view, 0 };

  g_assert_true (bl_map_view_get_extent (f->map_view, &m.west, &south, &east, &north));
  drag (map, x, y, x + dx, y + dy);
  bl_test_wait_for (map_moved, &m, 10, "the map to move");
  bl_test_wait_for_frames (map, 2);
}

static GtkWidget *
open_views_menu (Fixture *f)
{
  GtkWidget *button = find_widget (GTK_WIDGET (f->views_menu), GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

  g_assert_true (gtk_widget_is_sensitive (button));
  click_middle (button);
  bl_test_wait_for (bl_test_is_mapped, popover, 10, "the Views menu");
  bl_test_wait_for_frames (popover, 2);
  return popover;
}

static void
fixture_open (Fixture    *f,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  f->window = g_object_new (BL_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  f->timeline = BL_TIMELINE (find_widget (GTK_WIDGET (f->window), BL_TYPE_TIMELINE, NULL));
  f->map_view = BL_MAP_VIEW (find_widget (GTK_WIDGET (f->window), BL_TYPE_MAP_VIEW, NULL));
  f->views_menu = BL_VIEWS_MENU (find_widget (GTK_WIDGET (f->window), BL_TYPE_VIEWS_MENU, NULL));
  f->filter = bl_window_get_filter (f->window);
  g_assert_nonnull (f->timeline);
  g_assert_nonnull (f->map_view);
  g_assert_nonnull (f->views_menu);

  bl_window_open_file (f->window, file);
  bl_test_wait_for (ready, f, 20, "the project in the window");
  bl_test_wait_for_frames (GTK_WIDGET (f->timeline), 3);
}

/* }}} */

/* Tests {{{ */

typedef struct {
  gint32  first, last;
  double  shown_first, shown_last;
  double  west, south, east, north;
} Seen;

static void
see (Fixture *f,
     Seen    *seen)
{
  bl_filter_get_window (f->filter, &seen->first, &seen->last);
  bl_timeline_get_view (f->timeline, &seen->shown_first, &seen->shown_last);
  g_assert_true (bl_map_view_get_extent (f->map_view, &seen->west, &seen->south, &seen->east, &seen->north));
}

static void
test_save_and_restore (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  GtkWidget *popover, *save, *list, *row, *dialog;
  const BlView *saved;
  Seen before, after;
  WindowWait w;

  fixture_open (f, BL_TEST_SAMPLE);

  /* the other clock, a window from October 2021 to January 2023 by its
   * handles, lanes by source, the map moved */
  click_toggle (f, "About");
  drag_handle (f, TRUE, bl_day_from_ymd (2023, 1, 10));
  drag_handle (f, FALSE, bl_day_from_ymd (2021, 10, 1));
  pick_lanes (f, "Source");
  pan_map (f, -160, 90);
  g_assert_cmpint (bl_filter_get_clock (f->filter), ==, BL_CLOCK_ABOUT);
  g_assert_cmpint (bl_timeline_get_lanes (f->timeline), ==, BL_TIME_LANES_SOURCE);
  see (f, &before);
  g_assert_cmpint (ABS (before.first - bl_day_from_ymd (2021, 10, 1)), <=, 3);
  g_assert_cmpint (ABS (before.last - bl_day_from_ymd (2023, 1, 10)), <=, 3);

  /* Views ▸ Save Current View…, and Return to take the suggested name */
  popover = open_views_menu (f);
  save = find_widget (popover, GTK_TYPE_BUTTON, "_Save Current View…");
  g_assert_nonnull (save);
  click_middle (save);
  dialog = bl_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 10, "the name dialog");
  bl_test_wait_for_frames (dialog, 2);
  bl_test_keys (dialog, "Return");
  bl_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG, 10, "the name dialog to close");
  bl_test_wait_for (n_views_is, f, 10, "the view to be saved");

  saved = g_ptr_array_index (bl_project_get_views (bl_window_get_project (f->window)), 1);
  g_assert_cmpstr (saved->name, ==, "View 2");
  g_assert_cmpint (saved->lanes, ==, BL_TIME_LANES_SOURCE);
  g_assert_cmpint (saved->clock, ==, BL_CLOCK_ABOUT);
  g_assert_true (bl_history_can_undo (bl_window_get_history (f->window)));

  /* change everything */
  w = (WindowWait) { f->filter, before.first, before.last };
  drag (GTK_WIDGET (f->timeline),
        x_of_day (f, (before.first + before.last) / 2.0), bl_timeline_lanes_top (f->timeline) + 10,
        x_of_day (f, (before.first + before.last) / 2.0) - 120, bl_timeline_lanes_top (f->timeline) + 10);
  bl_test_wait_for (window_changed, &w, 10, "the window to move");
  click_toggle (f, "Said On");
  pick_lanes (f, "Topic");
  bl_timeline_zoom (f->timeline, 3);
  pan_map (f, 200, -60);
  see (f, &after);
  g_assert_cmpint (bl_filter_get_clock (f->filter), ==, BL_CLOCK_SAID);
  g_assert_cmpint (bl_timeline_get_lanes (f->timeline), ==, BL_TIME_LANES_TOPIC);
  g_assert_cmpint (after.first, !=, before.first);
  g_assert_cmpfloat (fabs (after.west - before.west), >, 0.1);

  /* Views ▸ View 2 */
  popover = open_views_menu (f);
  list = find_widget (popover, GTK_TYPE_LIST_BOX, NULL);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  g_assert_nonnull (row);
  bl_test_click (row, 24, gtk_widget_get_height (row) / 2.0);
  w = (WindowWait) { f->filter, before.first, before.last };
  bl_test_wait_for (window_is, &w, 10, "the saved window");
  bl_test_wait_for_frames (GTK_WIDGET (f->timeline), 3);

  /* all of it is back */
  see (f, &after);
  g_assert_cmpint (after.first, ==, before.first);
  g_assert_cmpint (after.last, ==, before.last);
  g_assert_cmpint (bl_filter_get_clock (f->filter), ==, BL_CLOCK_ABOUT);
  g_assert_cmpint (bl_timeline_get_lanes (f->timeline), ==, BL_TIME_LANES_SOURCE);
  g_assert_cmpfloat (fabs (after.shown_first - before.shown_first), <=, 1.0);
  g_assert_cmpfloat (fabs (after.shown_last - before.shown_last), <=, 1.0);
  g_assert_cmpfloat (fabs (after.west - before.west), <, 0.01);
  g_assert_cmpfloat (fabs (after.east - before.east), <, 0.01);
  g_assert_cmpfloat (fabs (after.south - before.south), <, 0.01);
  g_assert_cmpfloat (fabs (after.north - before.north), <, 0.01);

  /* the bar shows it too */
  {
    GtkWidget *bar = find_widget (GTK_WIDGET (f->window), BL_TYPE_TIMELINE_BAR, NULL);

    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_widget (bar, GTK_TYPE_TOGGLE_BUTTON, "About"))));
    g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_widget (bar, GTK_TYPE_DROP_DOWN, NULL))),
                      ==, BL_TIME_LANES_SOURCE);
  }

  /* saving the view is one step to undo */
  g_assert_true (bl_history_undo (bl_window_get_history (f->window)));
  g_assert_cmpuint (bl_project_get_views (bl_window_get_project (f->window))->len, ==, 1);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));

  bl_history_mark_saved (bl_window_get_history (f->window));
  gtk_window_destroy (GTK_WINDOW (f->window));
}

/* A project whose second view is the default opens showing it. */
static void
test_default_view (void)
{
  g_autofree char *dir = g_dir_make_tmp ("borderline-views-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "default.borderline", NULL);
  g_autoptr(GFile) sample = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  Fixture fixture = { 0 }, *f = &fixture;
  BlView *view = bl_view_new ("Badakhshan, 2022");
  WindowWait w = { NULL, bl_day_from_ymd (2022, 1, 1), bl_day_from_ymd (2022, 12, 31) };
  double west, south, east, north, first, last;

  project = bl_project_load (sample, NULL, &error);
  g_assert_no_error (error);
  view->west = 70.0;
  view->south = 36.0;
  view->east = 72.0;
  view->north = 38.0;
  g_assert_true (bl_date_parse ("2022", &view->from, NULL));
  g_assert_true (bl_date_parse ("2022", &view->to, NULL));
  g_assert_true (bl_date_parse ("2021-06-01", &view->shown_from, NULL));
  g_assert_true (bl_date_parse ("2023-06-30", &view->shown_to, NULL));
  view->lanes = BL_TIME_LANES_TOPIC;
  view->cumulative = TRUE;
  view->is_default = TRUE;
  g_ptr_array_add (bl_project_get_views (project), view);
  bytes = bl_project_to_bytes (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  fixture_open (f, path);
  w.filter = f->filter;
  bl_test_wait_for (window_is, &w, 10, "the default view's window");
  bl_test_wait_for_frames (GTK_WIDGET (f->timeline), 3);

  g_assert_true (bl_filter_get_cumulative (f->filter));
  g_assert_cmpint (bl_timeline_get_lanes (f->timeline), ==, BL_TIME_LANES_TOPIC);
  bl_timeline_get_view (f->timeline, &first, &last);
  g_assert_cmpfloat (fabs (first - bl_day_from_ymd (2021, 6, 1)), <=, 1.0);
  g_assert_cmpfloat (fabs (last - bl_day_from_ymd (2023, 7, 1)), <=, 1.0);
  g_assert_true (bl_map_view_get_extent (f->map_view, &west, &south, &east, &north));
  /* the box fits, centred, in a map of another shape */
  g_assert_cmpfloat (west, <=, 70.01);
  g_assert_cmpfloat (east, >=, 71.99);
  g_assert_cmpfloat (south, <=, 36.01);
  g_assert_cmpfloat (north, >=, 37.99);
  g_assert_cmpfloat (fabs ((west + east) / 2 - 71.0), <, 0.01);
  g_assert_true (fabs (west - 70.0) < 0.01 || fabs (north - 38.0) < 0.01);
  g_assert_false (bl_history_get_modified (bl_window_get_history (f->window)));

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_unlink (path);
  g_rmdir (dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("borderline-data-XXXXXX", NULL);

  /* drafts go to a folder of this test's own */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/views/save-and-restore", test_save_and_restore);
  g_test_add_func ("/views/default-view", test_default_view);

  return bl_test_run_display ();
}
