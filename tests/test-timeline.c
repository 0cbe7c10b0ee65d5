/* test-timeline.c — the timeline under real pointer and key events, in Xvfb
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the sample project in a window with a timeline and drives it with
 * xdotool, as a person would: drags the window, a handle and the
 * background, scrolls, presses keys, and checks what the shared filter
 * and the visible claims say afterwards. Each step waits for a condition
 * with a deadline, never for a fixed time.
 *
 * Set BL_TIMELINE_SCREENSHOTS to a folder to also save PNGs of the
 * timeline at three zoom levels, in both directions.
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bl-project-io.h"
#include "bl-timeline-bar.h"
#include "bl-timeline-private.h"
#include "display-helpers.h"
#include "test-helpers.h"

#define TITLE  "Borderline timeline test"

typedef struct {
  BlProject       *project;
  BlFilter        *filter;
  BlVisibleClaims *visible;
  BlSelection     *selection;
  GtkWindow       *window;
  BlTimeline      *timeline;
  char            *xid;
  double           origin_x;   /* the timeline's top left on screen */
  double           origin_y;
} Fixture;

/* Waiting {{{ */

typedef gboolean (*Condition) (Fixture *f, gpointer data);

static gboolean
wait_until (Fixture   *f,
            Condition  done,
            gpointer   data,
            guint      seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (f, data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }

  return TRUE;
}

static gboolean
is_mapped (Fixture *f,
           gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (f->timeline)) &&
         gtk_widget_get_width (GTK_WIDGET (f->timeline)) > 400;
}

static gboolean
window_differs (Fixture *f,
                gpointer data)
{
  gint32 *old = data, first, last;

  bl_filter_get_window (f->filter, &first, &last);
  return first != old[0] || last != old[1];
}

static gboolean
view_differs (Fixture *f,
              gpointer data)
{
  double *old = data, first, last;

  bl_timeline_get_view (f->timeline, &first, &last);
  return fabs ((last - first) - (old[1] - old[0])) > 0.5;
}

/* Lets pending events and redraws through. */
static void
settle (void)
{
  for (guint i = 0; i < 50 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/* }}} */

/* xdotool {{{ */

static void
find_on_screen (Fixture *f)
{
  g_autofree char *geometry = NULL;
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (f->timeline));
  graphene_point_t p;
  double sx, sy;
  int wx = 0, wy = 0;
  char **lines;

  if (f->xid == NULL)
    {
      g_autofree char *out = bl_test_xdotool ("search --sync --onlyvisible --name '%s'", TITLE);

      f->xid = g_strstrip (g_strdup (out));
      if (strchr (f->xid, '\n'))
        *strchr (f->xid, '\n') = '\0';
    }

  {
    g_autofree char *args = g_strdup_printf ("getwindowgeometry --shell %s", f->xid);

    geometry = bl_test_xdotool ("%s", args);
  }
  lines = g_strsplit (geometry, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        wx = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        wy = atoi (lines[i] + 2);
    }
  g_strfreev (lines);

  gtk_native_get_surface_transform (native, &sx, &sy);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (f->timeline), GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (0, 0), &p));
  f->origin_x = wx + sx + p.x;
  f->origin_y = wy + sy + p.y;
}

/* A real drag: press, move in steps (so GTK sees motion), release. */
static void
drag (Fixture *f,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  g_autofree char *args = NULL;
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "mousemove --sync %d %d mousedown 1",
                          (int) round (f->origin_x + x0), (int) round (f->origin_y + y0));
  for (guint i = 1; i <= 8; i++)
    g_string_append_printf (s, " mousemove --sync %d %d",
                            (int) round (f->origin_x + x0 + (x1 - x0) * i / 8),
                            (int) round (f->origin_y + y0 + (y1 - y0) * i / 8));
  g_string_append (s, " mouseup 1");

  args = g_string_free (s, FALSE);
  g_free (bl_test_xdotool ("%s", args));
}

/* }}} */

/* Fixture {{{ */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GError) error = NULL;
  GtkWidget *box;

  f->project = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  f->filter = bl_filter_new ();
  bl_filter_set_clock (f->filter, BL_CLOCK_ABOUT);
  f->visible = bl_visible_claims_new (f->project, f->filter);
  f->selection = bl_selection_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (f->window, TITLE);
  gtk_window_set_default_size (f->window, 1400, 260);
  gtk_window_set_decorated (f->window, FALSE);

  f->timeline = BL_TIMELINE (bl_timeline_new ());
  bl_timeline_set_visible_claims (f->timeline, f->visible);
  bl_timeline_set_selection (f->timeline, f->selection);
  gtk_widget_set_vexpand (GTK_WIDGET (f->timeline), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), bl_timeline_bar_new (f->timeline));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->timeline));
  gtk_window_set_child (f->window, box);
  gtk_window_present (f->window);

  g_assert_true (wait_until (f, is_mapped, NULL, 20));
  settle ();
  find_on_screen (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  settle ();
  g_clear_object (&f->visible);
  g_clear_object (&f->filter);
  g_clear_object (&f->selection);
  g_clear_object (&f->project);
  g_clear_pointer (&f->xid, g_free);
}

/* Where @day is, in the timeline's coordinates. */
static double
x_of_day (Fixture *f,
          double   day)
{
  double plot_x, plot_w;

  bl_timeline_get_plot (f->timeline, &plot_x, &plot_w);
  return plot_x + bl_time_axis_day_to_x (&f->timeline->axis, day);
}

static double
plot_middle_y (Fixture *f)
{
  return bl_timeline_lanes_top (f->timeline) + 10;
}

static guint
n_visible (Fixture *f)
{
  guint n;

  bl_visible_claims_get_indices (f->visible, &n);
  return n;
}

static gboolean
claim_visible (Fixture    *f,
               const char *id)
{
  BlClaimStore *store = bl_project_get_claims (f->project);

  return bl_visible_claims_contains (f->visible, bl_claim_store_lookup (store, id));
}

/* }}} */

/* Tests {{{ */

static void
test_drag_window (Fixture       *f,
                  gconstpointer  data)
{
  gint32 old[2], first, last;
  double a, b;

  /* autumn 2021: only "since August 2021" */
  bl_timeline_set_window (f->timeline, bl_day_from_ymd (2021, 9, 1), bl_day_from_ymd (2021, 12, 31));
  bl_timeline_zoom_to_fit (f->timeline);
  settle ();
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_true (claim_visible (f, "c-khaama-attacks"));
  g_assert_false (claim_visible (f, "c-sidorov-6500"));

  /* drag the window's middle until it covers February 2023 */
  bl_filter_get_window (f->filter, &old[0], &old[1]);
  a = x_of_day (f, (old[0] + old[1]) / 2.0);
  b = x_of_day (f, bl_day_from_ymd (2023, 1, 20));
  drag (f, a, plot_middle_y (f), b, plot_middle_y (f));
  g_assert_true (wait_until (f, window_differs, old, 10));
  settle ();

  bl_filter_get_window (f->filter, &first, &last);
  g_assert_cmpint (last - first, ==, old[1] - old[0]);
  g_assert_cmpint (first, >, bl_day_from_ymd (2022, 11, 1));
  g_assert_cmpint (last, >=, bl_day_from_ymd (2023, 2, 14));
  g_assert_true (claim_visible (f, "c-sidorov-6500"));
  g_assert_true (claim_visible (f, "c-khaama-rockets"));
  g_assert_cmpuint (n_visible (f), ==, 8);

  /* and back to 2021: the February 2023 claims disappear */
  memcpy (old, (gint32[2]) { first, last }, sizeof old);
  a = x_of_day (f, (first + last) / 2.0);
  b = x_of_day (f, bl_day_from_ymd (2021, 10, 15));
  drag (f, a, plot_middle_y (f), b, plot_middle_y (f));
  g_assert_true (wait_until (f, window_differs, old, 10));
  settle ();
  g_assert_false (claim_visible (f, "c-sidorov-6500"));
  g_assert_false (claim_visible (f, "c-khaama-rockets"));
  g_assert_true (claim_visible (f, "c-khaama-attacks"));
}

static void
test_drag_handle (Fixture       *f,
                  gconstpointer  data)
{
  gint32 old[2], first, last;
  double x;

  bl_timeline_set_window (f->timeline, bl_day_from_ymd (2021, 9, 1), bl_day_from_ymd (2021, 12, 31));
  bl_timeline_zoom_to_fit (f->timeline);
  settle ();
  bl_filter_get_window (f->filter, &old[0], &old[1]);

  /* the end handle, out to March 2023 */
  x = x_of_day (f, (double) old[1] + 1);
  drag (f, x, BL_TIMELINE_OVERVIEW_HEIGHT + BL_TIMELINE_AXIS_HEIGHT / 2.0,
        x_of_day (f, bl_day_from_ymd (2023, 3, 10)), BL_TIMELINE_OVERVIEW_HEIGHT + BL_TIMELINE_AXIS_HEIGHT / 2.0);
  g_assert_true (wait_until (f, window_differs, old, 10));
  settle ();

  bl_filter_get_window (f->filter, &first, &last);
  g_assert_cmpint (first, ==, old[0]);
  g_assert_cmpint (last, >, bl_day_from_ymd (2023, 2, 20));
  g_assert_true (claim_visible (f, "c-sidorov-6500"));
  g_assert_true (claim_visible (f, "c-khaama-attacks"));

  /* the start handle, in to the new year 2023 */
  memcpy (old, (gint32[2]) { first, last }, sizeof old);
  x = x_of_day (f, first);
  drag (f, x, plot_middle_y (f), x_of_day (f, bl_day_from_ymd (2023, 1, 1)), plot_middle_y (f));
  g_assert_true (wait_until (f, window_differs, old, 10));
  settle ();

  bl_filter_get_window (f->filter, &first, &last);
  g_assert_cmpint (last, ==, old[1]);
  g_assert_cmpint (ABS (first - bl_day_from_ymd (2023, 1, 1)), <=, 3);
}

static void
scroll_at (Fixture *f,
           double   x,
           double   y,
           int      button)
{
  g_autofree char *args = g_strdup_printf ("mousemove --sync %d %d click %d",
                                           (int) round (f->origin_x + x), (int) round (f->origin_y + y), button);

  g_free (bl_test_xdotool ("%s", args));
}

static void
test_scroll_zooms (Fixture       *f,
                   gconstpointer  data)
{
  double old[2], first, last, x, day_before;

  bl_timeline_zoom_to_fit (f->timeline);
  settle ();
  bl_timeline_get_view (f->timeline, &old[0], &old[1]);

  /* wheel up zooms in, keeping the day under the pointer */
  x = x_of_day (f, bl_day_from_ymd (2022, 6, 1));
  day_before = bl_day_from_ymd (2022, 6, 1);
  scroll_at (f, x, plot_middle_y (f) + 20, 4);
  g_assert_true (wait_until (f, view_differs, old, 10));
  bl_timeline_get_view (f->timeline, &first, &last);
  g_assert_cmpfloat (last - first, <, old[1] - old[0]);
  g_assert_cmpfloat (fabs (x_of_day (f, day_before) - x), <, 2.0);

  /* wheel down zooms out */
  old[0] = first;
  old[1] = last;
  scroll_at (f, x, plot_middle_y (f) + 20, 5);
  scroll_at (f, x, plot_middle_y (f) + 20, 5);
  g_assert_true (wait_until (f, view_differs, old, 10));
  bl_timeline_get_view (f->timeline, &first, &last);
  g_assert_cmpfloat (last - first, >, old[1] - old[0]);
}

static void
press_keys (Fixture    *f,
            const char *keys)
{
  g_autofree char *args = g_strdup_printf ("key --clearmodifiers %s", keys);

  g_free (bl_test_xdotool ("%s", args));
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  gint32 old[2], first, last;
  g_autofree char *focus = NULL;

  bl_timeline_set_window (f->timeline, bl_day_from_ymd (2022, 1, 1), bl_day_from_ymd (2022, 3, 31));
  bl_timeline_zoom_to_fit (f->timeline);
  settle ();

  focus = g_strdup_printf ("windowfocus --sync %s", f->xid);
  g_free (bl_test_xdotool ("%s", focus));
  gtk_widget_grab_focus (GTK_WIDGET (f->timeline));
  settle ();
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->timeline)));

  /* → moves the window a tenth of its length later */
  bl_filter_get_window (f->filter, &old[0], &old[1]);
  press_keys (f, "Right");
  g_assert_true (wait_until (f, window_differs, old, 10));
  bl_filter_get_window (f->filter, &first, &last);
  g_assert_cmpint (first - old[0], ==, (old[1] - old[0] + 1) / 10);
  g_assert_cmpint (last - first, ==, old[1] - old[0]);

  /* Shift+→ resizes: the start stays */
  memcpy (old, (gint32[2]) { first, last }, sizeof old);
  press_keys (f, "shift+Right");
  g_assert_true (wait_until (f, window_differs, old, 10));
  bl_filter_get_window (f->filter, &first, &last);
  g_assert_cmpint (first, ==, old[0]);
  g_assert_cmpint (last, >, old[1]);

  /* ← moves it back */
  memcpy (old, (gint32[2]) { first, last }, sizeof old);
  press_keys (f, "Left");
  g_assert_true (wait_until (f, window_differs, old, 10));
  bl_filter_get_window (f->filter, &first, &last);
  g_assert_cmpint (first, <, old[0]);

  /* End: the window ends with the last claim */
  memcpy (old, (gint32[2]) { first, last }, sizeof old);
  press_keys (f, "End");
  g_assert_true (wait_until (f, window_differs, old, 10));
  bl_filter_get_window (f->filter, &first, &last);
  g_assert_cmpint (last, ==, bl_day_from_ymd (2023, 2, 28));
  g_assert_true (claim_visible (f, "c-sidorov-6500"));
}

static void
test_click_selects (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *args = NULL;
  double x, y = -1;
  guint32 claim;
  guint n_here;
  gint32 a, b;

  bl_filter_clear_window (f->filter);
  bl_timeline_zoom_to_fit (f->timeline);
  settle ();

  /* find a dot: 14 February 2023 */
  x = x_of_day (f, bl_day_from_ymd (2023, 2, 14) + 0.5);
  for (double t = bl_timeline_lanes_top (f->timeline); t < gtk_widget_get_height (GTK_WIDGET (f->timeline)); t += 1)
    if (bl_timeline_pick_claim (f->timeline, x, t, &claim, &n_here, &a, &b))
      {
        y = t;
        break;
      }
  g_assert_cmpfloat (y, >=, 0);

  args = g_strdup_printf ("mousemove --sync %d %d click 1",
                          (int) round (f->origin_x + x), (int) round (f->origin_y + y));
  g_free (bl_test_xdotool ("%s", args));

  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (bl_selection_get_claim_id (f->selection) == NULL && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
  }
  g_assert_cmpstr (bl_selection_get_claim_id (f->selection), ==,
                   bl_claim_store_get_id (bl_project_get_claims (f->project), claim));
}

static void
test_accessible_and_views (Fixture       *f,
                           gconstpointer  data)
{
  BlView view = { 0 };
  gint32 first, last;

  bl_timeline_set_window (f->timeline, bl_day_from_ymd (2021, 8, 1), bl_day_from_ymd (2023, 2, 28));
  bl_timeline_save_view (f->timeline, &view);
  g_assert_cmpint (view.clock, ==, BL_CLOCK_ABOUT);
  {
    g_autofree char *from = bl_date_to_string (&view.from);
    g_autofree char *to = bl_date_to_string (&view.to);

    g_assert_cmpstr (from, ==, "2021-08");
    g_assert_cmpstr (to, ==, "2023-02");
  }

  bl_filter_clear_window (f->filter);
  bl_filter_set_clock (f->filter, BL_CLOCK_SAID);
  bl_timeline_restore_view (f->timeline, &view);
  bl_filter_get_window (f->filter, &first, &last);
  g_assert_cmpint (bl_filter_get_clock (f->filter), ==, BL_CLOCK_ABOUT);
  g_assert_cmpint (first, ==, bl_day_from_ymd (2021, 8, 1));
  g_assert_cmpint (last, ==, bl_day_from_ymd (2023, 2, 28));

  /* the sample's own saved view */
  {
    GPtrArray *views = bl_project_get_views (f->project);

    g_assert_cmpuint (views->len, >=, 1);
    bl_filter_clear_window (f->filter);
    bl_timeline_restore_view (f->timeline, g_ptr_array_index (views, 0));
    bl_filter_get_window (f->filter, &first, &last);
    g_assert_cmpint (first, ==, bl_day_from_ymd (2021, 8, 1));
    g_assert_cmpint (last, ==, bl_day_from_ymd (2023, 2, 28));
  }
}

static gboolean
window_reached (Fixture *f,
                gpointer data)
{
  gint32 last;

  bl_filter_get_window (f->filter, NULL, &last);
  return last >= GPOINTER_TO_INT (data);
}

static gboolean
stopped (Fixture *f,
         gpointer data)
{
  return !bl_timeline_get_playing (f->timeline);
}

static void
test_playback_and_lanes (Fixture       *f,
                         gconstpointer  data)
{
  gint32 first, last;

  /* play at a year a second, without looping: the window reaches the end
   * and playback stops */
  bl_timeline_set_window (f->timeline, bl_day_from_ymd (2021, 8, 1), bl_day_from_ymd (2021, 9, 30));
  bl_timeline_set_speed (f->timeline, 365);
  bl_timeline_set_playing (f->timeline, TRUE);
  g_assert_true (bl_timeline_get_playing (f->timeline));
  g_assert_true (wait_until (f, window_reached, GINT_TO_POINTER (bl_day_from_ymd (2023, 2, 28)), 20));
  settle ();
  bl_filter_get_window (f->filter, &first, &last);
  g_assert_cmpint (last - first, ==, bl_day_from_ymd (2021, 9, 30) - bl_day_from_ymd (2021, 8, 1));
  g_assert_true (wait_until (f, stopped, NULL, 10));

  /* lanes by topic: one lane per topic with dated claims */
  bl_timeline_set_playing (f->timeline, FALSE);
  bl_timeline_set_lanes (f->timeline, BL_TIME_LANES_TOPIC);
  bl_timeline_ensure_lanes (f->timeline);
  g_assert_cmpuint (bl_time_lanes_get_n_lanes (f->timeline->lanes), ==, 4);
  bl_timeline_set_lanes (f->timeline, BL_TIME_LANES_CLAIMANT);
  bl_timeline_ensure_lanes (f->timeline);
  g_assert_cmpuint (bl_time_lanes_get_n_lanes (f->timeline->lanes), ==, 2);
}

static gboolean
lanes_built (Fixture *f,
             gpointer data)
{
  return !f->timeline->lanes_dirty;
}

/* With many claims, new lanes are built on a worker thread: the old ones
 * stay, under their own names, until the new ones are in; a second change
 * meanwhile wins over the first. */
static void
test_lanes_off_main_thread (Fixture       *f,
                            gconstpointer  data)
{
  BlTimeLanes *by_source = bl_time_lanes_new (f->visible, BL_CLOCK_ABOUT, BL_TIME_LANES_SOURCE);
  guint n_by_source = bl_time_lanes_get_n_lanes (by_source);
  BlProject *project = f->project;
  const BlTimeLane *lane;

  bl_time_lanes_free (by_source);
  f->timeline->async_lanes_min = 0;
  bl_timeline_ensure_lanes (f->timeline);
  g_assert_cmpuint (bl_time_lanes_get_n_lanes (f->timeline->lanes), ==, 2);

  bl_timeline_set_lanes (f->timeline, BL_TIME_LANES_TOPIC);
  bl_timeline_ensure_lanes (f->timeline);
  /* still the claimants' lanes, named as claimants */
  g_assert_true (f->timeline->lanes_dirty);
  g_assert_cmpuint (bl_time_lanes_get_n_lanes (f->timeline->lanes), ==, 2);
  lane = bl_time_lanes_get_lane (f->timeline->lanes, 0);
  g_assert_cmpstr (bl_timeline_get_lane_name (f->timeline, lane), ==,
                   bl_actor_get_name (bl_project_get_actor (project, lane->key)));

  bl_timeline_set_lanes (f->timeline, BL_TIME_LANES_SOURCE);
  bl_timeline_ensure_lanes (f->timeline);
  g_assert_true (wait_until (f, lanes_built, NULL, 10));
  g_assert_cmpuint (bl_time_lanes_get_n_lanes (f->timeline->lanes), ==, n_by_source);
  lane = bl_time_lanes_get_lane (f->timeline->lanes, 0);
  g_assert_cmpstr (bl_timeline_get_lane_name (f->timeline, lane), ==,
                   bl_source_get_name (bl_project_get_source (project, lane->key)));

  /* and the clock: the lanes follow it once built */
  bl_filter_set_clock (f->filter, BL_CLOCK_SAID);
  bl_timeline_ensure_lanes (f->timeline);
  g_assert_cmpint (f->timeline->lanes_clock, ==, BL_CLOCK_ABOUT);
  g_assert_true (wait_until (f, lanes_built, NULL, 10));
  g_assert_cmpint (f->timeline->lanes_clock, ==, BL_CLOCK_SAID);
}

/* }}} */

/* Screenshots {{{ */

static void
save_screenshot (Fixture    *f,
                 const char *dir,
                 const char *name)
{
  GtkWidget *widget = GTK_WIDGET (f->timeline);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  GdkRGBA bg;

  settle ();
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "view_bg_color", &bg))
    gdk_rgba_parse (&bg, "white");
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, w, h));
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  png = gdk_texture_save_to_png_bytes (texture);
  if (!g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error))
    g_error ("%s", error->message);
  g_test_message ("saved %s", path);
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("BL_TIMELINE_SCREENSHOTS");

  if (dir == NULL)
    {
      g_test_skip ("BL_TIMELINE_SCREENSHOTS is not set");
      return;
    }

  bl_timeline_set_window (f->timeline, bl_day_from_ymd (2022, 1, 1), bl_day_from_ymd (2022, 6, 30));
  bl_timeline_zoom_to_fit (f->timeline);
  save_screenshot (f, dir, "tl-1-fit.png");

  bl_timeline_set_window (f->timeline, bl_day_from_ymd (2023, 2, 10), bl_day_from_ymd (2023, 2, 20));
  bl_timeline_set_view (f->timeline, bl_day_from_ymd (2023, 1, 20), bl_day_from_ymd (2023, 3, 8));
  bl_selection_set_claim_id (f->selection, "c-sidorov-4000");
  save_screenshot (f, dir, "tl-2-days.png");

  bl_selection_clear (f->selection);
  bl_timeline_set_view (f->timeline, bl_day_from_ymd (1985, 1, 1), bl_day_from_ymd (2040, 1, 1));
  save_screenshot (f, dir, "tl-3-decades.png");

  bl_filter_set_clock (f->filter, BL_CLOCK_SAID);
  bl_filter_clear_window (f->filter);
  bl_timeline_zoom_to_fit (f->timeline);
  save_screenshot (f, dir, "tl-4-said.png");

  gtk_widget_set_direction (GTK_WIDGET (f->timeline), GTK_TEXT_DIR_RTL);
  bl_filter_set_clock (f->filter, BL_CLOCK_ABOUT);
  bl_timeline_set_window (f->timeline, bl_day_from_ymd (2022, 1, 1), bl_day_from_ymd (2022, 6, 30));
  settle ();
  bl_timeline_zoom_to_fit (f->timeline);
  save_screenshot (f, dir, "tl-5-rtl.png");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/timeline/drag-window", Fixture, NULL, fixture_set_up, test_drag_window, fixture_tear_down);
  g_test_add ("/timeline/drag-handle", Fixture, NULL, fixture_set_up, test_drag_handle, fixture_tear_down);
  g_test_add ("/timeline/scroll-zooms", Fixture, NULL, fixture_set_up, test_scroll_zooms, fixture_tear_down);
  g_test_add ("/timeline/keyboard", Fixture, NULL, fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/timeline/click-selects", Fixture, NULL, fixture_set_up, test_click_selects, fixture_tear_down);
  g_test_add ("/timeline/playback-lanes", Fixture, NULL, fixture_set_up, test_playback_and_lanes, fixture_tear_down);
  g_test_add ("/timeline/lanes-off-main-thread", Fixture, NULL, fixture_set_up, test_lanes_off_main_thread, fixture_tear_down);
  g_test_add ("/timeline/views", Fixture, NULL, fixture_set_up, test_accessible_and_views, fixture_tear_down);
  g_test_add ("/timeline/screenshots", Fixture, NULL, fixture_set_up, test_screenshots, fixture_tear_down);

  return bl_test_run_display ();
}
