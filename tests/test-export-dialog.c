/* test-export-dialog.c — the map export dialog and Copy as Image, on a real window
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the sample project in a real window under Xvfb, then:
 *  - exports the map as the window shows it (map only, the map area as
 *    big as the map widget) and compares it with a snapshot of the claim
 *    layer: every marker pixel on screen must be found, in the same
 *    colour, within 2 pixels in the export, and the other way round;
 *  - sets the export dialog with real clicks (format, size preset,
 *    switches), presses Export, and checks that a second dialog starts
 *    with the same choices; writes a file and fails to write one;
 *  - copies the map as an image and reads it back from the clipboard.
 *
 * BL_TEST_SCREENSHOT_DIR, when set, is where a picture of the dialog is
 * saved; BL_TEST_DEBUG_PIXELS lists the marker pixels not matched.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bl-basemap-source.h"
#include "bl-claim-layer.h"
#include "bl-copy-image.h"
#include "bl-export-dialog.h"
#include "bl-map-view.h"
#include "bl-window.h"
#include "display-helpers.h"
#include "test-helpers.h"

/* How far (in pixels) and how different (0–255 per channel, Euclidean)
 * a marker pixel may be in the export. */
#define PLACE_TOLERANCE 2
#define COLOR_TOLERANCE 48.0

typedef struct {
  BlWindow          *window;
  BlClaimLayer      *layer;
  BlMapView         *map;
  BlProject         *project;
  BlVisibleClaims   *visible;
  BlBasemapRenderer *basemap;
  BlColorBy          color_by;
  BlMapFrame         frame;
} Fixture;

/* Helpers: finding widgets */

static GtkWidget *
child (BlExportDialog *dialog,
       const char     *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (dialog), BL_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

/* The fixture */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  BlClaimPainter *painter;
  ShumateMapSource *source;

  f->window = g_object_new (BL_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1300, 860);
  gtk_window_present (GTK_WINDOW (f->window));
  bl_window_open_file (f->window, file);
  f->layer = BL_CLAIM_LAYER (bl_test_wait_for_claim_layer (GTK_WIDGET (f->window), 20));

  f->map = BL_MAP_VIEW (bl_test_find_widget (GTK_WIDGET (f->window), BL_TYPE_MAP_VIEW, NULL));
  bl_map_view_go_home (f->map);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);

  painter = bl_claim_layer_get_painter (f->layer);
  source = bl_map_view_get_base_source (f->map);
  g_assert_true (BL_IS_BASEMAP_SOURCE (source));
  f->project = bl_window_get_project (f->window);
  f->visible = bl_claim_painter_get_visible (painter);
  f->basemap = bl_basemap_source_get_renderer (BL_BASEMAP_SOURCE (source));
  f->color_by = bl_claim_painter_get_color_by (painter);
  bl_claim_layer_get_frame (f->layer, &f->frame);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static gboolean
preview_drawn (gpointer data)
{
  return bl_export_dialog_get_preview (data) != NULL;
}

static BlExportDialog *
open_dialog (Fixture *f)
{
  BlExportDialog *dialog = bl_export_dialog_new (GTK_WINDOW (f->window), f->project, f->visible, f->basemap,
                                                 &f->frame, bl_window_get_selected_claim (f->window),
                                                 f->color_by);

  gtk_window_present (GTK_WINDOW (dialog));
  bl_test_wait_for (preview_drawn, dialog, 10, "the preview");
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 3);
  return dialog;
}

/* Helpers: pixels */

typedef struct {
  int     width;
  int     height;
  gsize   stride;
  guint8 *data;    /* GDK_MEMORY_DEFAULT: premultiplied B, G, R, A */
} Pixels;

static void
pixels_from_texture (Pixels     *pixels,
                     GdkTexture *texture)
{
  pixels->width = gdk_texture_get_width (texture);
  pixels->height = gdk_texture_get_height (texture);
  pixels->stride = (gsize) pixels->width * 4;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (texture, pixels->data, pixels->stride);
}

/* The straight colour of a pixel, 0–255, and its alpha. */
static guint8
pixel_at (const Pixels *pixels,
          int           x,
          int           y,
          double        rgb[3])
{
  const guint8 *p = pixels->data + y * pixels->stride + x * 4;
  double a = p[3] / 255.0;

  for (int c = 0; c < 3; c++)
    rgb[c] = a > 0 ? p[2 - c] / a : 0;
  return p[3];
}

static double
distance (const double a[3],
          const double b[3])
{
  return sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

/* Whether the pixel is an opaque pixel of a marker's colour. With
 * @colours_only, the palette's greys do not count: the basemap's labels
 * and borders are drawn in greys of the same kind. */
static gboolean
is_marker_pixel (const Pixels *pixels,
                 int           x,
                 int           y,
                 gboolean      colours_only,
                 double        rgb[3])
{
  if (pixel_at (pixels, x, y, rgb) != 255)
    return FALSE;

  for (guint key = 0; key <= BL_CLAIM_PAINTER_N_COLORS; key++)
    {
      double rgba[4], palette[3];

      bl_claim_palette_get (key == BL_CLAIM_PAINTER_N_COLORS ? BL_NO_INDEX : key, rgba);
      if (colours_only && fabs (rgba[0] - rgba[1]) < 0.05 && fabs (rgba[1] - rgba[2]) < 0.05)
        continue;
      for (int c = 0; c < 3; c++)
        palette[c] = rgba[c] * 255;
      if (distance (rgb, palette) < 6)
        return TRUE;
    }
  return FALSE;
}

/* The share of the marker pixels of @from found near the same place,
 * in a near colour, in @to (offset by @dx, @dy). */
static double
match_ratio (const Pixels *from,
             const Pixels *to,
             int           dx,
             int           dy,
             gboolean      colours_only,
             guint        *n_marker_pixels)
{
  guint n = 0, matched = 0;

  for (int y = 0; y < from->height; y++)
    for (int x = 0; x < from->width; x++)
      {
        double rgb[3];
        gboolean found = FALSE;

        if (!is_marker_pixel (from, x, y, colours_only, rgb))
          continue;
        n++;
        for (int v = -PLACE_TOLERANCE; v <= PLACE_TOLERANCE && !found; v++)
          for (int u = -PLACE_TOLERANCE; u <= PLACE_TOLERANCE && !found; u++)
            {
              int tx = x + dx + u, ty = y + dy + v;
              double other[3];

              if (tx < 0 || ty < 0 || tx >= to->width || ty >= to->height)
                continue;
              pixel_at (to, tx, ty, other);
              found = distance (rgb, other) < COLOR_TOLERANCE;
            }
        if (found)
          matched++;
        else if (g_getenv ("BL_TEST_DEBUG_PIXELS"))
          g_test_message ("unmatched %d,%d: %.0f %.0f %.0f", x, y, rgb[0], rgb[1], rgb[2]);
      }

  *n_marker_pixels = n;
  return n > 0 ? (double) matched / n : 0;
}

/* The claim layer as the screen shows it, in device pixels. */
static GdkTexture *
snapshot_layer (Fixture *f,
                int      scale)
{
  GtkWidget *layer = GTK_WIDGET (f->layer);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (layer);
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width = gtk_widget_get_width (layer), height = gtk_widget_get_height (layer);

  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (layer)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
}

/* Tests */

/* Exports the view the window shows and compares it with the screen. */
static void
compare_with_screen (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) screen = NULL;
  g_autoptr(GdkTexture) exported = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree guint8 *keep_screen = NULL;
  g_autofree guint8 *keep_export = NULL;
  BlMapExportOptions options;
  BlMapFrame frame;
  Pixels screen_pixels, export_pixels;
  double map_x = 0, map_y = 0, ratio, back;
  int scale = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (f->layer)), 1);
  int want_w = (int) f->frame.width * scale, want_h = (int) f->frame.height * scale;
  guint n, n_back;

  /* the map only, as the window shows it */
  bl_map_export_options_init (&options);
  options.scale = scale;
  g_assert_true (bl_copy_image_get_extent (&f->frame, &options.west, &options.south,
                                           &options.east, &options.north));
  options.color_by = f->color_by;
  options.show_legend = options.show_scale_bar = options.show_north_arrow = FALSE;
  options.show_inset = options.show_citations = options.show_timeline = FALSE;
  options.show_footer = options.show_annotations = FALSE;

  /* the title and the credits always take some room: grow the page
   * until the map area is the widget's size */
  options.width = want_w;
  options.height = want_h;
  for (guint i = 0; i < 6; i++)
    {
      g_assert_true (bl_map_export_get_map_frame (f->project, f->visible, f->basemap, &options,
                                                  &frame, &map_x, &map_y, &error));
      g_assert_no_error (error);
      if (round (frame.width * scale) == want_w && round (frame.height * scale) == want_h)
        break;
      options.width += want_w - (int) round (frame.width * scale);
      options.height += want_h - (int) round (frame.height * scale);
    }
  g_test_message ("page %d × %d, map at %.0f, %.0f; screen zoom %.4f at %.1f, %.1f; export zoom %.4f at %.1f, %.1f",
                  options.width, options.height, map_x, map_y,
                  f->frame.zoom, f->frame.x, f->frame.y, frame.zoom, frame.x, frame.y);
  g_assert_cmpfloat_with_epsilon (frame.width, f->frame.width, 0.5);
  g_assert_cmpfloat_with_epsilon (frame.height, f->frame.height, 0.5);
  g_assert_cmpfloat_with_epsilon (frame.zoom, f->frame.zoom, 1e-3);
  g_assert_cmpfloat_with_epsilon (frame.x, f->frame.x, 1.0);
  g_assert_cmpfloat_with_epsilon (frame.y, f->frame.y, 1.0);

  png = bl_map_export_to_png_bytes (f->project, f->visible, f->basemap, &options, &error);
  g_assert_no_error (error);
  exported = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);
  screen = snapshot_layer (f, scale);

  pixels_from_texture (&screen_pixels, screen);
  pixels_from_texture (&export_pixels, exported);
  keep_screen = screen_pixels.data;
  keep_export = export_pixels.data;
  g_assert_cmpint (screen_pixels.width, ==, want_w);
  g_assert_cmpint (screen_pixels.height, ==, want_h);

  ratio = match_ratio (&screen_pixels, &export_pixels, (int) round (map_x), (int) round (map_y), FALSE, &n);
  g_test_message ("%u marker pixels on screen, %.2f%% found in the export", n, ratio * 100);
  g_assert_cmpuint (n, >, 150);
  g_assert_cmpfloat (ratio, >, 0.95);

  /* and the export shows no markers the screen does not: its marker
   * pixels (in the palette's colours, not its greys) inside the map area
   * are on the screen too */
  {
    Pixels area = export_pixels;

    area.data = export_pixels.data + (gsize) round (map_y) * export_pixels.stride + (gsize) round (map_x) * 4;
    area.width = want_w;
    area.height = want_h;
    back = match_ratio (&area, &screen_pixels, 0, 0, TRUE, &n_back);
  }
  g_test_message ("%u marker pixels in the export, %.2f%% found on screen", n_back, back * 100);
  g_assert_cmpuint (n_back, >, 150);
  g_assert_cmpfloat (back, >, 0.95);
}

static void
test_matches_screen (Fixture       *f,
                     gconstpointer  data)
{
  ShumateViewport *viewport = bl_map_view_get_viewport (f->map);

  /* the home view, then closer, at a fractional zoom */
  compare_with_screen (f);

  shumate_viewport_set_zoom_level (viewport, 7.6);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
  bl_claim_layer_get_frame (f->layer, &f->frame);
  compare_with_screen (f);
}

/* Opens a combo row's list with a click and picks the item that starts
 * with @label with another. */
static void
pick (BlExportDialog *dialog,
      const char     *row,
      const char     *label)
{
  GtkWidget *widget = child (dialog, row);

  bl_test_click_center (widget);
  bl_test_wait_for_label (widget, label, BL_TEST_LABEL_MAPPED | BL_TEST_LABEL_PREFIX, 10, label);
  bl_test_wait_for_frames (widget, 2);
  bl_test_click_center (bl_test_find_label (widget, label, BL_TEST_LABEL_MAPPED | BL_TEST_LABEL_PREFIX));
}

typedef struct {
  BlExportDialog *dialog;
  GtkWidget      *widget;
  guint           expected;
} Wait;

static gboolean
combo_selected (gpointer data)
{
  Wait *w = data;

  return adw_combo_row_get_selected (ADW_COMBO_ROW (w->widget)) == w->expected &&
         !gtk_widget_get_mapped (GTK_WIDGET (bl_test_find_widget (w->widget, GTK_TYPE_POPOVER, NULL)));
}

static gboolean
switch_is (gpointer data)
{
  Wait *w = data;

  return gtk_switch_get_active (GTK_SWITCH (w->widget)) == (gboolean) w->expected;
}

static void
toggle (BlExportDialog *dialog,
        const char     *name)
{
  Wait w = { dialog, child (dialog, name), 0 };

  w.expected = !gtk_switch_get_active (GTK_SWITCH (w.widget));
  /* the page scrolls to what has the focus, as it would to a Tab: click
   * once the scroll is over */
  gtk_widget_grab_focus (w.widget);
  bl_test_wait_for_still (w.widget);
  bl_test_click_center (w.widget);
  bl_test_wait_for (switch_is, &w, 10, name);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("BL_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  path = g_build_filename (dir, name, NULL);
  g_assert_true (bl_test_save_png (widget, path));
}

static gboolean
preview_is_slide (gpointer data)
{
  GdkPaintable *preview = bl_export_dialog_get_preview (data);

  return fabs (gdk_paintable_get_intrinsic_aspect_ratio (preview) - 1920.0 / 1080) < 0.02;
}

static void
check_slide_choices (BlMapExportOptions *options)
{
  g_assert_cmpint (options->format, ==, BL_MAP_EXPORT_PNG);
  g_assert_cmpint (options->width, ==, 1920);
  g_assert_cmpint (options->height, ==, 1080);
  g_assert_cmpfloat (options->scale, ==, 1.0);
  g_assert_false (options->show_legend);
  g_assert_true (options->show_citations);
  g_assert_false (options->show_footer);
  g_assert_true (options->show_scale_bar);
}

static void
test_choices_remembered (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *format = NULL;
  g_autofree char *preset = NULL;
  BlExportDialog *dialog;
  BlMapExportOptions options;
  GdkPaintable *preview;
  Wait w;

  /* the defaults: the screen's size */
  dialog = open_dialog (f);
  bl_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.width, ==, (int) f->frame.width);
  g_assert_cmpint (options.height, ==, (int) f->frame.height);
  g_assert_true (options.show_legend);

  /* a person sets it: SVG, then PNG; the slide; legend off, citations
   * on, footer off */
  pick (dialog, "format_row", "SVG");
  w = (Wait) { dialog, child (dialog, "format_row"), BL_MAP_EXPORT_SVG };
  bl_test_wait_for (combo_selected, &w, 10, "SVG to be chosen");
  pick (dialog, "format_row", "PNG");
  w.expected = BL_MAP_EXPORT_PNG;
  bl_test_wait_for (combo_selected, &w, 10, "PNG to be chosen");
  pick (dialog, "preset_row", "Slide");
  w = (Wait) { dialog, child (dialog, "preset_row"), 3 };
  bl_test_wait_for (combo_selected, &w, 10, "the slide to be chosen");
  toggle (dialog, "legend_switch");
  toggle (dialog, "citations_switch");
  toggle (dialog, "footer_switch");

  bl_export_dialog_get_options (dialog, &options);
  check_slide_choices (&options);

  /* the preview follows, at its small size and the slide's shape */
  bl_test_wait_for (preview_is_slide, dialog, 10, "the preview of the slide");
  preview = bl_export_dialog_get_preview (dialog);
  g_assert_cmpint (gdk_paintable_get_intrinsic_width (preview), <=, BL_EXPORT_DIALOG_PREVIEW_WIDTH);
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 3);
  save_screenshot (GTK_WIDGET (dialog), "export-dialog.png");

  /* Export asks where to save, and the choices are remembered */
  g_test_message ("pressing Export");
  bl_test_click_center (child (dialog, "export_button"));
  bl_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, 10, "the file chooser");
  format = g_settings_get_string (settings, "export-format");
  preset = g_settings_get_string (settings, "export-preset");
  g_assert_cmpstr (format, ==, "png");
  g_assert_cmpstr (preset, ==, "slide");
  g_assert_false (g_settings_get_boolean (settings, "export-show-legend"));

  /* Escape in the chooser goes back to the dialog */
  g_test_message ("cancelling the chooser");
  bl_test_keys (bl_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG), "Escape");
  bl_test_wait_for_no_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, 10, "the file chooser to close");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_test_message ("closing the dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* a second dialog starts where the first was left */
  dialog = open_dialog (f);
  bl_export_dialog_get_options (dialog, &options);
  check_slide_choices (&options);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_exported (BlExportDialog *dialog,
             const char     *path,
             char          **out)
{
  *out = g_strdup (path);
}

static gboolean
has_string (gpointer data)
{
  return *(char **) data != NULL;
}

static gboolean
not_busy (gpointer data)
{
  return !bl_export_dialog_get_busy (data);
}

static void
test_export_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bl-export-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "map", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GFile) bad = g_file_new_for_path ("/nonexistent-folder/map.png");
  g_autoptr(GdkTexture) texture = NULL;
  BlExportDialog *dialog;
  GtkWidget *message;

  g_assert_no_error (error);

  /* a folder that does not exist: a message, and the dialog stays */
  dialog = open_dialog (f);
  bl_export_dialog_export_to (dialog, bad);
  bl_test_wait_for (not_busy, dialog, 30, "the failed export");
  message = bl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  gtk_window_destroy (GTK_WINDOW (message));

  /* a PNG of the slide; the extension is added */
  pick (dialog, "preset_row", "Slide");
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &written);
  bl_export_dialog_export_to (dialog, file);
  g_assert_true (bl_export_dialog_get_busy (dialog));
  bl_test_wait_for (has_string, &written, 60, "the export");

  expected = g_strconcat (target, ".png", NULL);
  g_assert_cmpstr (written, ==, expected);
  texture = gdk_texture_new_from_filename (written, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1080);

  g_unlink (written);
  g_rmdir (dir);
}

/* A feed refreshing on its interval changes the project on the main
 * thread while the worker draws the file (here it removes every claim
 * and renames the project, just after Export): the file is the map of
 * the project as it was when Export was pressed, and nothing crashes. */
static void
test_export_while_project_changes (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bl-export-XXXXXX", &error);
  g_autofree char *target = g_build_filename (dir, "map.png", NULL);
  g_autofree char *written = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *selected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) emptied = NULL;
  BlClaimStore *store = bl_project_get_claims (f->project);
  BlMapExportOptions options;
  BlExportDialog *dialog;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpuint (bl_claim_store_get_n_claims (store), >, 0);

  dialog = open_dialog (f);
  /* the footer says the day: the two pages below are drawn apart */
  if (gtk_switch_get_active (GTK_SWITCH (child (dialog, "footer_switch"))))
    toggle (dialog, "footer_switch");
  bl_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, BL_MAP_EXPORT_PNG);
  /* the strings are the dialog's, which closes after the export */
  title = g_strdup (options.title);
  subtitle = g_strdup (options.subtitle);
  selected = g_strdup (options.selected_claim);
  options.title = title;
  options.subtitle = subtitle;
  options.selected_claim = selected;
  expected = bl_map_export_to_bytes (f->project, f->visible, f->basemap, &options, &error);
  g_assert_no_error (error);

  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported), &written);
  bl_export_dialog_export_to (dialog, file);
  g_assert_true (bl_export_dialog_get_busy (dialog));

  /* the feed's update, before the worker can have finished */
  for (guint n = bl_claim_store_get_n_claims (store); n > 0; n--)
    bl_claim_store_remove (store, n - 1);
  bl_project_set_title (f->project, "Renamed by a feed");

  bl_test_wait_for (has_string, &written, 60, "the export");
  g_assert_cmpstr (written, ==, target);
  g_assert_true (g_file_get_contents (written, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  /* and the project did change: its map now is another */
  emptied = bl_map_export_to_bytes (f->project, f->visible, f->basemap, &options, &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (emptied, expected));

  g_unlink (written);
  g_rmdir (dir);
}

typedef struct {
  GdkTexture *texture;
  GBytes     *png;
  gboolean    done_texture;
  gboolean    done_png;
} ClipboardRead;

static void
on_texture_read (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  read->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
  read->done_texture = TRUE;
}

static void
on_png_spliced (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error);
  g_assert_no_error (error);
  read->png = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (object));
  read->done_png = TRUE;
}

/* The clipboard's own content is written into a pipe by the main loop:
 * it is read asynchronously too. */
static void
on_png_read (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ClipboardRead *read = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  const char *mime = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, &mime, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime, ==, "image/png");
  g_output_stream_splice_async (out, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_png_spliced, read);
}

static gboolean
clipboard_read (gpointer data)
{
  ClipboardRead *read = data;

  return read->done_texture && read->done_png;
}

static void
test_copy_image (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const png_mime[] = { "image/png", NULL };
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GError) error = NULL;
  GtkWidget *widget = GTK_WIDGET (f->map);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  ClipboardRead read = { 0 };
  int scale = MAX (gtk_widget_get_scale_factor (widget), 1);
  gint64 start = g_get_monotonic_time ();

  g_assert_true (bl_copy_map_image (widget, f->project, f->visible, f->basemap, &f->frame,
                                    NULL, f->color_by, &error));
  g_assert_no_error (error);
  g_test_message ("copied in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard), "image/png"));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (clipboard), GDK_TYPE_TEXTURE));

  gdk_clipboard_read_texture_async (clipboard, NULL, on_texture_read, &read);
  gdk_clipboard_read_async (clipboard, (const char **) png_mime, G_PRIORITY_DEFAULT, NULL, on_png_read,
                            &read);
  bl_test_wait_for (clipboard_read, &read, 10, "the clipboard");

  g_assert_cmpint (gdk_texture_get_width (read.texture), ==, (int) round (f->frame.width * scale));
  g_assert_cmpint (gdk_texture_get_height (read.texture), ==, (int) round (f->frame.height * scale));
  g_assert_cmpuint (g_bytes_get_size (read.png), >, sizeof signature);
  g_assert_cmpmem (g_bytes_get_data (read.png, NULL), sizeof signature, signature, sizeof signature);

  g_clear_object (&read.texture);
  g_clear_pointer (&read.png, g_bytes_unref);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* GTK 4.8 prints "Broken accounting of active state" when the portal
   * file chooser takes the pointer grab from the dialog; that warning is
   * GTK's own bookkeeping, not ours.  Criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

#define ADD(path, func) \
  g_test_add ("/export-dialog/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("matches-screen", test_matches_screen);
  ADD ("choices-remembered", test_choices_remembered);
  ADD ("export-file", test_export_file);
  ADD ("export-while-project-changes", test_export_while_project_changes);
  ADD ("copy-image", test_copy_image);

  return bl_test_run_display ();
}
