/* display-helpers.c — driving real windows under Xvfb, as a person would
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The display tests send real pointer and key events through the X
 * server with xdotool (tests/run-display-test.sh gives each test its own
 * Xvfb), so that GTK handles them exactly as it would a person's. Every
 * wait is for a condition, with a deadline that fails the test; nothing
 * sleeps for luck.
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bl-basemap-source.h"
#include "bl-claim-layer.h"
#include "bl-window.h"
#include "display-helpers.h"

/* How much longer than usual a deadline may be: $BL_TEST_SLOWDOWN (1 to
 * 20), which build-aux/test sets for the sanitizer build, where everything
 * runs several times slower. */
static guint
deadline_factor (void)
{
  const char *value = g_getenv ("BL_TEST_SLOWDOWN");
  guint64 factor = 1;

  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 1, 20, &factor, NULL))
    factor = 1;
  return (guint) factor;
}

/**
 * bl_test_wait_for:
 * @condition: returns %TRUE when done
 * @seconds: the deadline (times $BL_TEST_SLOWDOWN)
 * @what: what is awaited, for the failure message
 *
 * Runs the main loop until @condition holds; fails the test after
 * @seconds.
 */
void
bl_test_wait_for (BlTestCondition  condition,
                  gpointer         data,
                  guint            seconds,
                  const char      *what)
{
  gint64 deadline;

  seconds *= deadline_factor ();
  deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %u s waiting for %s", seconds, what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

typedef struct {
  guint   left;
} FrameCount;

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  FrameCount *count = user_data;

  if (count->left > 0)
    count->left--;
  return count->left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
frames_done (gpointer data)
{
  return ((FrameCount *) data)->left == 0;
}

/**
 * bl_test_wait_for_frames:
 *
 * Waits until @widget's frame clock has ticked @n_frames times: layout
 * and drawing of what changed before are done.
 */
void
bl_test_wait_for_frames (GtkWidget *widget,
                         guint      n_frames)
{
  FrameCount count = { n_frames };

  gtk_widget_add_tick_callback (widget, on_tick, &count, NULL);
  bl_test_wait_for (frames_done, &count, 10, "frames to be drawn");
}

typedef struct {
  GtkWidget        *widget;
  graphene_point_t  last;
  guint             still;    /* frames in a row at the same place */
  gboolean          done;
} Stillness;

static gboolean
on_still_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  Stillness *s = data;
  GtkWidget *native = GTK_WIDGET (gtk_widget_get_native (widget));
  graphene_point_t at;

  if (native == NULL || !gtk_widget_compute_point (widget, native, &GRAPHENE_POINT_INIT (0, 0), &at))
    return G_SOURCE_CONTINUE;
  s->still = graphene_point_equal (&at, &s->last) ? s->still + 1 : 0;
  s->last = at;
  s->done = s->still >= 3;
  return s->done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static gboolean
still_done (gpointer data)
{
  return ((Stillness *) data)->done;
}

/**
 * bl_test_wait_for_still:
 *
 * Waits until @widget has stayed at the same place in its window for
 * three frames: a scroll to it (after a focus change, say) has ended,
 * so a click at its centre lands on it.
 */
void
bl_test_wait_for_still (GtkWidget *widget)
{
  Stillness s = { widget, GRAPHENE_POINT_INIT (-1e9, -1e9), 0, FALSE };

  gtk_widget_add_tick_callback (widget, on_still_tick, &s, NULL);
  gtk_widget_queue_draw (widget);
  bl_test_wait_for (still_done, &s, 10, "a widget to stop moving");
}

/**
 * bl_test_xdotool:
 *
 * Runs xdotool with the arguments; fails the test if it fails.
 *
 * Returns: (transfer full): what it printed
 */
char *
bl_test_xdotool (const char *format,
                 ...)
{
  g_autofree char *args = NULL;
  g_autofree char *command = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  va_list ap;
  int status;

  va_start (ap, format);
  args = g_strdup_vprintf (format, ap);
  va_end (ap);

  command = g_strconcat ("xdotool ", args, NULL);
  if (!g_spawn_command_line_sync (command, &out, &err, &status, &error))
    g_error ("%s: %s", command, error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", command, err);

  return out;
}

/**
 * bl_test_widget_to_screen:
 * @x: a point in @widget's coordinates
 * @y: likewise
 * @screen_x: (out): the same point on the X screen
 * @screen_y: (out): likewise
 */
void
bl_test_widget_to_screen (GtkWidget *widget,
                          double     x,
                          double     y,
                          int       *screen_x,
                          int       *screen_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  g_autofree char *geometry = NULL;
  g_auto(GStrv) lines = NULL;
  double sx, sy;
  int wx = 0, wy = 0;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &sx, &sy);

  geometry = bl_test_xdotool ("getwindowgeometry --shell %lu",
                              (unsigned long) gdk_x11_surface_get_xid (surface));
  lines = g_strsplit (geometry, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "X="))
        wx = atoi (lines[i] + 2);
      else if (g_str_has_prefix (lines[i], "Y="))
        wy = atoi (lines[i] + 2);
    }

  *screen_x = wx + (int) (out.x + sx);
  *screen_y = wy + (int) (out.y + sy);
}

/**
 * bl_test_click:
 *
 * Moves the pointer to the point and clicks the primary button.
 */
void
bl_test_click (GtkWidget *widget,
               double     x,
               double     y)
{
  g_autofree char *location = NULL;
  int sx, sy, px = -1, py = -1;

  bl_test_widget_to_screen (widget, x, y, &sx, &sy);

  /* "mousemove --sync" to where the pointer already is waits for a
   * motion that never comes (15 s), and GTK wants the motion: the
   * widget may have moved under a pointer that stayed (a scroll). Step
   * aside first then. */
  location = bl_test_xdotool ("getmouselocation");
  if (sscanf (location, "x:%d y:%d", &px, &py) == 2 && px == sx && py == sy)
    g_free (bl_test_xdotool ("mousemove --sync %d %d", sx + (sx > 0 ? -1 : 1), sy));
  g_free (bl_test_xdotool ("mousemove --sync %d %d click 1", sx, sy));
}

/**
 * bl_test_keys:
 * @keys: xdotool key names, e.g. "Right Return"
 *
 * Gives @widget's window the input focus and types the keys.
 */
void
bl_test_keys (GtkWidget  *widget,
              const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  /* real key events go to the focused window: sent events would be
   * marked synthetic */
  g_free (bl_test_xdotool ("windowfocus --sync %lu key %s",
                           (unsigned long) gdk_x11_surface_get_xid (surface), keys));
}

/**
 * bl_test_type:
 * @text: what to type, as it is (xdotool type)
 * @delay_ms: between two keys
 *
 * Gives @widget's window the input focus and types @text.
 */
void
bl_test_type (GtkWidget  *widget,
              const char *text,
              guint       delay_ms)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));
  g_autofree char *quoted = g_shell_quote (text);

  g_free (bl_test_xdotool ("windowfocus --sync %lu type --delay %u %s",
                           (unsigned long) gdk_x11_surface_get_xid (surface), delay_ms, quoted));
}

/**
 * bl_test_find_widget:
 * @root: where to look
 * @type: the widget's type
 * @name: (nullable): its widget name (gtk_widget_set_name()), or any
 *
 * Returns: (nullable): the first widget under @root, depth first, of
 *   @type and, if given, named @name
 */
GtkWidget *
bl_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bl_test_find_widget (child, type, name);

      if (found)
        return found;
    }
  return NULL;
}

/**
 * bl_test_find_label:
 * @root: where to look
 * @text: the text, or its start (%BL_TEST_LABEL_PREFIX) or a part of it
 *   (%BL_TEST_LABEL_CONTAINS)
 *
 * Returns: (nullable): the first #GtkLabel under @root, depth first,
 *   whose text matches @text as @flags say
 */
GtkWidget *
bl_test_find_label (GtkWidget        *root,
                    const char       *text,
                    BlTestLabelFlags  flags)
{
  if (GTK_IS_LABEL (root) && (!(flags & BL_TEST_LABEL_MAPPED) || gtk_widget_get_mapped (root)))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (root));
      gboolean match;

      if (flags & BL_TEST_LABEL_PREFIX)
        match = g_str_has_prefix (label, text);
      else if (flags & BL_TEST_LABEL_CONTAINS)
        match = strstr (label, text) != NULL;
      else
        match = g_strcmp0 (label, text) == 0;
      if (match)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bl_test_find_label (child, text, flags);

      if (found)
        return found;
    }

  /* a popover is a child too, but not in the first/next list of some widgets */
  if ((flags & BL_TEST_LABEL_POPOVERS) && GTK_IS_MENU_BUTTON (root) &&
      gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)) != NULL)
    return bl_test_find_label (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))), text, flags);

  return NULL;
}

typedef struct {
  GtkWidget        *root;
  const char       *text;
  BlTestLabelFlags  flags;
  GtkWidget        *found;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  wait->found = bl_test_find_label (wait->root, wait->text, wait->flags);
  return wait->found != NULL;
}

/**
 * bl_test_wait_for_label:
 * @what: (nullable): what is awaited, for the failure message; @text if
 *   %NULL
 *
 * Runs the main loop until bl_test_find_label() finds the label; fails
 * the test after @seconds.
 *
 * Returns: (transfer none): the label
 */
GtkWidget *
bl_test_wait_for_label (GtkWidget        *root,
                        const char       *text,
                        BlTestLabelFlags  flags,
                        guint             seconds,
                        const char       *what)
{
  LabelWait wait = { root, text, flags, NULL };

  bl_test_wait_for (label_shown, &wait, seconds, what ? what : text);
  return wait.found;
}

/**
 * bl_test_find_row:
 * @type: an #AdwPreferencesRow type
 *
 * Returns: (nullable): the first row under @root, depth first, of @type
 *   and titled @title
 */
GtkWidget *
bl_test_find_row (GtkWidget  *root,
                  GType       type,
                  const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bl_test_find_row (child, type, title);

      if (found)
        return found;
    }
  return NULL;
}

/**
 * bl_test_find_button:
 * @mapped_only: only a button on screen
 *
 * Returns: (nullable): the first #GtkButton under @root, depth first,
 *   labelled @label
 */
GtkWidget *
bl_test_find_button (GtkWidget  *root,
                     const char *label,
                     gboolean    mapped_only)
{
  if (GTK_IS_BUTTON (root) && (!mapped_only || gtk_widget_get_mapped (root)) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bl_test_find_button (child, label, mapped_only);

      if (found)
        return found;
    }
  return NULL;
}

/**
 * bl_test_find_toplevel:
 * @type: a window type
 *
 * Returns: (nullable) (transfer none): the first mapped toplevel window of
 *   @type
 */
GtkWidget *
bl_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (window))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return bl_test_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
toplevel_gone (gpointer data)
{
  return bl_test_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

/**
 * bl_test_wait_for_toplevel:
 *
 * Runs the main loop until a toplevel window of @type is mapped; fails
 * the test after @seconds.
 *
 * Returns: (transfer none): the window
 */
GtkWidget *
bl_test_wait_for_toplevel (GType       type,
                           guint       seconds,
                           const char *what)
{
  bl_test_wait_for (toplevel_shown, GSIZE_TO_POINTER (type), seconds, what);
  return bl_test_find_toplevel (type);
}

/**
 * bl_test_wait_for_no_toplevel:
 *
 * Runs the main loop until no toplevel window of @type is mapped; fails
 * the test after @seconds.
 */
void
bl_test_wait_for_no_toplevel (GType       type,
                              guint       seconds,
                              const char *what)
{
  bl_test_wait_for (toplevel_gone, GSIZE_TO_POINTER (type), seconds, what);
}

/**
 * bl_test_click_center:
 *
 * Clicks the middle of @widget.
 */
void
bl_test_click_center (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  bl_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/**
 * bl_test_is_mapped:
 * @widget: a #GtkWidget
 *
 * A #BlTestCondition: @widget is on screen.
 */
gboolean
bl_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/**
 * bl_test_project_shown:
 * @window: a #BlWindow
 *
 * A #BlTestCondition: @window shows a project.
 */
gboolean
bl_test_project_shown (gpointer window)
{
  return bl_window_get_project (BL_WINDOW (window)) != NULL;
}

typedef struct {
  GtkWidget *window;
  GtkWidget *layer;
} LayerWait;

static gboolean
claim_layer_ready (gpointer data)
{
  LayerWait *wait = data;

  wait->layer = bl_test_find_widget (wait->window, BL_TYPE_CLAIM_LAYER, NULL);
  return wait->layer != NULL && gtk_widget_get_mapped (wait->layer) &&
         gtk_widget_get_width (wait->layer) > 100;
}

/**
 * bl_test_wait_for_claim_layer:
 * @window: a #BlWindow opening a project
 *
 * Runs the main loop until @window's claim layer is on screen and laid
 * out; fails the test after @seconds.
 *
 * Returns: (transfer none): the #BlClaimLayer
 */
GtkWidget *
bl_test_wait_for_claim_layer (GtkWidget *window,
                              guint      seconds)
{
  LayerWait wait = { window, NULL };

  bl_test_wait_for (claim_layer_ready, &wait, seconds, "the claim layer");
  return wait.layer;
}

/**
 * bl_test_save_png:
 * @widget: a widget on screen
 * @path: the PNG file to write
 *
 * Draws @widget as it is now into @path; fails the test if the file
 * cannot be written.
 *
 * Returns: %FALSE if @widget has drawn nothing yet (nothing is written)
 */
gboolean
bl_test_save_png (GtkWidget  *widget,
                  const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  png = gdk_texture_save_to_png_bytes (texture);
  if (!g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error))
    g_error ("%s", error->message);
  g_test_message ("saved %s", path);
  return TRUE;
}

/**
 * bl_test_run_display:
 *
 * Runs the tests (g_test_run()), then waits for the map tiles still
 * drawing on worker threads: they must finish before the test exits.
 *
 * Returns: what g_test_run() returned
 */
int
bl_test_run_display (void)
{
  int status = g_test_run ();

  bl_basemap_source_wait_for_renders ();
  return status;
}
