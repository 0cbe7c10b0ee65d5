/* test-annotation-layer.c — drawing annotations on the map as a person does
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the sample project in a real window under Xvfb (a BlMapView on
 * the offline basemap, the claim layer, the annotation layer above it and
 * its toolbar) and draws with real pointer and key events: an arrow by
 * dragging, lands where the pointer was; a label placed and typed, then
 * moved, edited and deleted with the select tool; a callout, a circle and
 * areas; colours from the toolbar; every step undone and redone; the
 * project saved and read back. The layer draws exactly what the export
 * painter draws. With BL_ANNOTATION_SCREENSHOT set to a path, it saves a
 * picture of the window with one of each, and two of the whole screen
 * (an area half drawn; a callout's text being typed) beside it.
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>

#include "bl-annotation-layer.h"
#include "bl-annotation-painter.h"
#include "bl-annotation-toolbar.h"
#include "bl-basemap-source.h"
#include "bl-claim-layer.h"
#include "bl-map-view.h"
#include "bl-project-io.h"
#include "display-helpers.h"
#include "test-helpers.h"

typedef struct {
  GtkWidget         *window;
  BlMapView         *map;
  BlProject         *project;
  BlHistory         *history;
  BlAnnotationLayer *layer;
  GtkWidget         *toolbar;

  BlSelection       *selection;
  BlFilter          *filter;
  BlVisibleClaims   *visible;
  BlClaimPainter    *painter;
  BlClaimLayer      *claim_layer;
  BlBasemapSource   *basemap;
} Fixture;

static gboolean
layer_ready (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_mapped (GTK_WIDGET (f->layer)) &&
         gtk_widget_get_width (GTK_WIDGET (f->layer)) > 600;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GError) error = NULL;
  ShumateViewport *viewport;
  GtkWidget *box;

  f->project = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  /* the sample may come with annotations of its own: start from none */
  g_ptr_array_set_size (bl_project_get_annotations (f->project), 0);
  f->history = bl_history_new (f->project);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);

  f->map = BL_MAP_VIEW (bl_map_view_new ());
  f->basemap = bl_basemap_source_new_default (&error);
  g_assert_no_error (error);
  bl_map_view_set_base_source (f->map, SHUMATE_MAP_SOURCE (f->basemap));
  viewport = bl_map_view_get_viewport (f->map);

  f->selection = bl_selection_new ();
  f->filter = bl_filter_new ();
  f->visible = bl_visible_claims_new (f->project, f->filter);
  f->painter = bl_claim_painter_new (f->visible, bl_basemap_source_get_renderer (f->basemap));
  f->claim_layer = g_object_ref_sink (bl_claim_layer_new (viewport, f->painter, f->selection));
  bl_map_view_add_layer (f->map, SHUMATE_LAYER (f->claim_layer));

  /* above the claims, as in an export */
  f->layer = g_object_ref_sink (bl_annotation_layer_new (viewport, f->history));
  bl_map_view_add_layer (f->map, SHUMATE_LAYER (f->layer));

  f->toolbar = bl_annotation_toolbar_new ();
  bl_annotation_toolbar_set_layer (BL_ANNOTATION_TOOLBAR (f->toolbar), f->layer);
  bl_annotation_toolbar_install_shortcuts (BL_ANNOTATION_TOOLBAR (f->toolbar), GTK_WIDGET (f->map));
  gtk_widget_set_halign (f->toolbar, GTK_ALIGN_CENTER);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), f->toolbar);
  gtk_widget_set_vexpand (GTK_WIDGET (f->map), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->map));
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));

  bl_test_wait_for (layer_ready, f, 20, "the annotation layer");
  bl_map_view_go_home (f->map);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->layer);
  g_clear_object (&f->claim_layer);
  g_clear_object (&f->painter);
  g_clear_object (&f->visible);
  g_clear_object (&f->filter);
  g_clear_object (&f->selection);
  g_clear_object (&f->basemap);
  g_clear_object (&f->history);
  g_clear_object (&f->project);
}

static GPtrArray *
annotations (Fixture *f)
{
  return bl_project_get_annotations (f->project);
}

static BlAnnotation *
annotation (Fixture *f,
            guint    i)
{
  g_assert_cmpuint (i, <, annotations (f)->len);
  return g_ptr_array_index (annotations (f), i);
}

typedef struct {
  Fixture *f;
  guint    n;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *w = data;

  return annotations (w->f)->len == w->n;
}

static void
wait_for_count (Fixture *f,
                guint    n)
{
  CountWait w = { f, n };
  g_autofree char *what = g_strdup_printf ("%u annotations", n);

  bl_test_wait_for (count_is, &w, 10, what);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 1);
}

/* A drag with real pointer events, in the layer's coordinates. */
static void
drag (Fixture *f,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  int sx0, sy0, sx1, sy1;

  bl_test_widget_to_screen (GTK_WIDGET (f->layer), x0, y0, &sx0, &sy0);
  bl_test_widget_to_screen (GTK_WIDGET (f->layer), x1, y1, &sx1, &sy1);
  g_free (bl_test_xdotool ("mousemove --sync %d %d mousedown 1 mousemove --sync %d %d "
                           "mousemove --sync %d %d mouseup 1",
                           sx0, sy0, (sx0 + sx1) / 2, (sy0 + sy1) / 2, sx1, sy1));
}

static void
double_click (Fixture *f,
              double   x,
              double   y)
{
  int sx, sy;

  bl_test_widget_to_screen (GTK_WIDGET (f->layer), x, y, &sx, &sy);
  g_free (bl_test_xdotool ("mousemove --sync %d %d click --repeat 2 --delay 60 1", sx, sy));
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *prefix)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);

  if (tooltip != NULL && g_str_has_prefix (tooltip, prefix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, prefix);

      if (found)
        return found;
    }
  return NULL;
}

typedef struct {
  Fixture          *f;
  BlAnnotationTool  tool;
} ToolWait;

static gboolean
tool_is (gpointer data)
{
  ToolWait *w = data;

  return bl_annotation_layer_get_tool (w->f->layer) == w->tool;
}

static void
wait_for_tool (Fixture          *f,
               BlAnnotationTool  tool)
{
  ToolWait w = { f, tool };

  bl_test_wait_for (tool_is, &w, 10, "the tool to change");
}

static void
click_tool (Fixture    *f,
            const char *tooltip_prefix)
{
  bl_test_click_center (find_by_tooltip (f->toolbar, tooltip_prefix));
}

static GtkWidget *
text_popover (Fixture *f)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (f->layer)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  return NULL;
}

/* The entry for a label's text is up, with the keyboard focus. */
static gboolean
entry_focused (gpointer data)
{
  Fixture *f = data;
  GtkWidget *popover = text_popover (f);
  GtkWidget *entry, *focus;

  if (popover == NULL || !gtk_widget_get_mapped (popover))
    return FALSE;
  entry = gtk_popover_get_child (GTK_POPOVER (popover));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
wait_for_entry (Fixture *f)
{
  bl_test_wait_for (entry_focused, f, 10, "the label entry");
  bl_test_wait_for_frames (text_popover (f), 2);
}

/* How far, in pixels, a point of an annotation is from a point of the
 * layer, by libshumate's own conversion. */
static double
pixels_from (Fixture            *f,
             const BlAnnotation *a,
             guint               i,
             double              x,
             double              y)
{
  double ax, ay;

  g_assert_cmpuint (i, <, a->n_points);
  shumate_viewport_location_to_widget_coords (bl_map_view_get_viewport (f->map), GTK_WIDGET (f->layer),
                                              a->points[2 * i + 1], a->points[2 * i], &ax, &ay);
  return hypot (ax - x, ay - y);
}

static void
test_arrow (Fixture       *f,
            gconstpointer  data)
{
  BlAnnotation *a;
  double lat, lon;

  click_tool (f, "Draw an Arrow");
  wait_for_tool (f, BL_ANNOTATION_TOOL_ARROW);

  drag (f, 300, 400, 520, 260);
  wait_for_count (f, 1);

  a = annotation (f, 0);
  g_assert_cmpint (a->kind, ==, BL_ANNOTATION_ARROW);
  g_assert_cmpuint (a->n_points, ==, 2);
  g_assert_true (g_str_has_prefix (a->id, "n-"));
  g_assert_cmpuint (strlen (a->id), ==, 10);
  g_assert_cmpstr (a->color, ==, "#a51d2d");
  g_assert_cmpfloat (pixels_from (f, a, 0, 300, 400), <, 1.0);
  g_assert_cmpfloat (pixels_from (f, a, 1, 520, 260), <, 1.0);

  /* and in degrees: the lon/lat libshumate puts under the pointer */
  shumate_viewport_widget_coords_to_location (bl_map_view_get_viewport (f->map), GTK_WIDGET (f->layer),
                                              300, 400, &lat, &lon);
  g_assert_cmpfloat_with_epsilon (a->points[0], lon, 360.0 / (256 * exp2 (BL_MAP_HOME_ZOOM)));
  g_assert_cmpfloat_with_epsilon (a->points[1], lat, 360.0 / (256 * exp2 (BL_MAP_HOME_ZOOM)));

  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Add Arrow");
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpuint (annotations (f)->len, ==, 0);
  g_assert_true (bl_history_redo (f->history));
  g_assert_cmpuint (annotations (f)->len, ==, 1);
  g_assert_cmpint (annotation (f, 0)->kind, ==, BL_ANNOTATION_ARROW);

  /* a click is no arrow */
  bl_test_click (GTK_WIDGET (f->layer), 700, 300);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 2);
  g_assert_cmpuint (annotations (f)->len, ==, 1);
}

static gboolean
selected_is (gpointer data)
{
  Fixture *f = data;

  return bl_annotation_layer_get_selected (f->layer) != NULL;
}

static void
test_label (Fixture       *f,
            gconstpointer  data)
{
  BlAnnotation *a;
  double x, y, x1, y1;

  /* T, with the focus in the map */
  gtk_widget_grab_focus (GTK_WIDGET (f->map));
  bl_test_keys (GTK_WIDGET (f->map), "t");
  wait_for_tool (f, BL_ANNOTATION_TOOL_TEXT);

  bl_test_click (GTK_WIDGET (f->layer), 400, 300);
  wait_for_entry (f);
  /* the tools' keys are letters: in the entry they are text */
  bl_test_type (f->window, "Tvarc camp", 15);
  bl_test_keys (f->window, "Return");
  wait_for_count (f, 1);

  a = annotation (f, 0);
  g_assert_cmpint (a->kind, ==, BL_ANNOTATION_TEXT);
  g_assert_cmpstr (a->text, ==, "Tvarc camp");
  g_assert_cmpuint (a->n_points, ==, 1);
  g_assert_cmpfloat (pixels_from (f, a, 0, 400, 300), <, 1.0);
  g_assert_cmpfloat (a->size, ==, bl_annotation_size_to_points (BL_ANNOTATION_SIZE_MEDIUM, BL_ANNOTATION_TEXT));
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Add Label");
  g_assert_cmpint (bl_annotation_layer_get_tool (f->layer), ==, BL_ANNOTATION_TOOL_TEXT);

  /* V selects; drag the label by its text */
  bl_test_keys (GTK_WIDGET (f->map), "v");
  wait_for_tool (f, BL_ANNOTATION_TOOL_SELECT);

  g_assert_true (bl_annotation_layer_locate (f->layer, a->id, &x, &y));
  drag (f, x + 12, y, x + 112, y + 60);
  bl_test_wait_for (selected_is, f, 10, "the label to be selected");
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 1);
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Move Annotation");
  a = annotation (f, 0);
  g_assert_cmpstr (bl_annotation_layer_get_selected (f->layer), ==, a->id);
  g_assert_cmpfloat (pixels_from (f, a, 0, x + 100, y + 60), <, 1.0);

  /* a double-click edits its text */
  g_assert_true (bl_annotation_layer_locate (f->layer, a->id, &x1, &y1));
  double_click (f, x1 + 12, y1);
  wait_for_entry (f);
  bl_test_keys (f->window, "ctrl+a");
  bl_test_type (f->window, "ISIS-K camp", 15);
  bl_test_keys (f->window, "Return");
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 2);
  g_assert_cmpstr (annotation (f, 0)->text, ==, "ISIS-K camp");
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Edit Label");

  /* Delete removes it */
  bl_test_keys (GTK_WIDGET (f->layer), "Delete");
  wait_for_count (f, 0);
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Delete Annotation");
  g_assert_null (bl_annotation_layer_get_selected (f->layer));

  /* undo brings back the edited, moved label */
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpstr (annotation (f, 0)->text, ==, "ISIS-K camp");
  g_assert_true (bl_history_undo (f->history));
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpfloat (pixels_from (f, annotation (f, 0), 0, 400, 300), <, 1.0);
}

static void
test_callout_and_cancel (Fixture       *f,
                         gconstpointer  data)
{
  BlAnnotation *a;

  click_tool (f, "Add a Callout");
  wait_for_tool (f, BL_ANNOTATION_TOOL_CALLOUT);
  drag (f, 300, 500, 450, 420);
  wait_for_entry (f);
  bl_test_type (f->window, "4,000 fighters", 15);
  bl_test_keys (f->window, "Return");
  wait_for_count (f, 1);

  a = annotation (f, 0);
  g_assert_cmpint (a->kind, ==, BL_ANNOTATION_ARROW);
  g_assert_cmpstr (a->text, ==, "4,000 fighters");
  g_assert_cmpfloat (pixels_from (f, a, 0, 300, 500), <, 1.0);
  g_assert_cmpfloat (pixels_from (f, a, 1, 450, 420), <, 1.0);
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Add Callout");

  /* Escape in the entry drops a new label */
  click_tool (f, "Add a Label");
  wait_for_tool (f, BL_ANNOTATION_TOOL_TEXT);
  bl_test_click (GTK_WIDGET (f->layer), 600, 500);
  wait_for_entry (f);
  bl_test_type (f->window, "not this", 15);
  bl_test_keys (f->window, "Escape");
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
  g_assert_cmpuint (annotations (f)->len, ==, 1);
}

static void
test_shapes (Fixture       *f,
             gconstpointer  data)
{
  BlAnnotation *a;

  /* a circle: centre to rim */
  gtk_widget_grab_focus (GTK_WIDGET (f->map));
  bl_test_keys (GTK_WIDGET (f->map), "c");
  wait_for_tool (f, BL_ANNOTATION_TOOL_CIRCLE);
  drag (f, 600, 350, 680, 350);
  wait_for_count (f, 1);
  a = annotation (f, 0);
  g_assert_cmpint (a->kind, ==, BL_ANNOTATION_CIRCLE);
  g_assert_cmpfloat (pixels_from (f, a, 0, 600, 350), <, 1.0);
  g_assert_cmpfloat (pixels_from (f, a, 1, 680, 350), <, 1.0);
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Add Circle");

  /* an area: three corners, then a double-click makes the fourth and closes */
  bl_test_keys (GTK_WIDGET (f->layer), "r");
  wait_for_tool (f, BL_ANNOTATION_TOOL_AREA);
  bl_test_click (GTK_WIDGET (f->layer), 200, 150);
  bl_test_click (GTK_WIDGET (f->layer), 350, 120);
  bl_test_click (GTK_WIDGET (f->layer), 400, 240);
  double_click (f, 250, 260);
  wait_for_count (f, 2);
  a = annotation (f, 1);
  g_assert_cmpint (a->kind, ==, BL_ANNOTATION_AREA);
  g_assert_cmpuint (a->n_points, ==, 4);
  g_assert_cmpfloat (pixels_from (f, a, 0, 200, 150), <, 1.0);
  g_assert_cmpfloat (pixels_from (f, a, 3, 250, 260), <, 1.0);
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Add Area");

  /* Enter closes a triangle */
  bl_test_click (GTK_WIDGET (f->layer), 700, 500);
  bl_test_click (GTK_WIDGET (f->layer), 800, 520);
  bl_test_click (GTK_WIDGET (f->layer), 760, 600);
  bl_test_keys (GTK_WIDGET (f->layer), "Return");
  wait_for_count (f, 3);
  g_assert_cmpuint (annotation (f, 2)->n_points, ==, 3);

  /* Escape drops a half-drawn one */
  bl_test_click (GTK_WIDGET (f->layer), 700, 200);
  bl_test_click (GTK_WIDGET (f->layer), 800, 220);
  bl_test_click (GTK_WIDGET (f->layer), 760, 300);
  bl_test_keys (GTK_WIDGET (f->layer), "Escape");
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 2);
  bl_test_keys (GTK_WIDGET (f->layer), "Return");
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 2);
  g_assert_cmpuint (annotations (f)->len, ==, 3);

  /* undo all, redo all */
  for (guint n = 3; n > 0; n--)
    {
      g_assert_true (bl_history_undo (f->history));
      g_assert_cmpuint (annotations (f)->len, ==, n - 1);
    }
  for (guint n = 1; n <= 3; n++)
    {
      g_assert_true (bl_history_redo (f->history));
      g_assert_cmpuint (annotations (f)->len, ==, n);
    }
}

static gboolean
color_popover_open (gpointer data)
{
  GtkWidget *swatch = find_by_tooltip (((Fixture *) data)->toolbar, "Blue");

  return swatch != NULL && gtk_widget_get_mapped (swatch);
}

static void
pick_color (Fixture    *f,
            const char *name)
{
  GtkWidget *swatch;

  bl_test_click_center (find_by_tooltip (f->toolbar, "Color"));
  bl_test_wait_for (color_popover_open, f, 10, "the colour palette");
  swatch = find_by_tooltip (f->toolbar, name);
  bl_test_wait_for_frames (swatch, 3);
  bl_test_click_center (swatch);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 2);
}

static void
test_style (Fixture       *f,
            gconstpointer  data)
{
  BlAnnotation *a;
  double x, y;

  /* blue for what comes next */
  pick_color (f, "Blue");
  g_assert_cmpstr (bl_annotation_layer_get_color (f->layer), ==, bl_annotation_toolbar_get_palette_color (1));

  click_tool (f, "Draw a Circle");
  wait_for_tool (f, BL_ANNOTATION_TOOL_CIRCLE);
  drag (f, 500, 400, 560, 400);
  wait_for_count (f, 1);
  g_assert_cmpstr (annotation (f, 0)->color, ==, "#1a5fb4");

  /* select it, make it large and green: one step each */
  click_tool (f, "Select");
  wait_for_tool (f, BL_ANNOTATION_TOOL_SELECT);
  g_assert_true (bl_annotation_layer_locate (f->layer, annotation (f, 0)->id, &x, &y));
  bl_test_click (GTK_WIDGET (f->layer), x + 60, y);
  bl_test_wait_for (selected_is, f, 10, "the circle to be selected");

  bl_annotation_layer_set_size (f->layer, BL_ANNOTATION_SIZE_LARGE);
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Style Annotation");
  pick_color (f, "Dark Green");

  a = annotation (f, 0);
  g_assert_cmpstr (a->color, ==, "#26a269");
  g_assert_cmpfloat (a->size, ==, bl_annotation_size_to_points (BL_ANNOTATION_SIZE_LARGE, BL_ANNOTATION_CIRCLE));
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Style Annotation");

  /* undoing shows the old style in the toolbar's layer */
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpstr (bl_annotation_layer_get_color (f->layer), ==, "#1a5fb4");
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpint (bl_annotation_layer_get_size (f->layer), ==, BL_ANNOTATION_SIZE_MEDIUM);
}

static void
test_map_keeps_input (Fixture       *f,
                      gconstpointer  data)
{
  ShumateViewport *viewport = bl_map_view_get_viewport (f->map);
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));

  /* without a tool a drag pans the map and draws nothing */
  g_assert_cmpint (bl_annotation_layer_get_tool (f->layer), ==, BL_ANNOTATION_TOOL_NONE);
  drag (f, 600, 400, 450, 400);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
  g_assert_cmpuint (annotations (f)->len, ==, 0);
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), >, lon + 0.5);

  /* with the select tool too, away from any annotation */
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_SELECT);
  drag (f, 600, 400, 450, 400);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), >, lon + 0.5);

  /* with a drawing tool the same drag draws */
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_ARROW);
  drag (f, 600, 400, 450, 400);
  wait_for_count (f, 1);
  g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), lon, 1e-9);

  /* Escape puts the tool away */
  bl_test_keys (GTK_WIDGET (f->layer), "Escape");
  wait_for_tool (f, BL_ANNOTATION_TOOL_NONE);
}

static void
draw_one_of_each (Fixture *f)
{
  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_ARROW);
  drag (f, 330, 520, 520, 380);
  wait_for_count (f, 1);

  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_CALLOUT);
  drag (f, 820, 600, 700, 470);
  wait_for_entry (f);
  bl_test_type (f->window, "Rocket fire reported", 15);
  bl_test_keys (f->window, "Return");
  wait_for_count (f, 2);

  bl_annotation_layer_set_color (f->layer, bl_annotation_toolbar_get_palette_color (1));
  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_CIRCLE);
  drag (f, 640, 300, 720, 300);
  wait_for_count (f, 3);

  bl_annotation_layer_set_color (f->layer, bl_annotation_toolbar_get_palette_color (3));
  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_AREA);
  bl_test_click (GTK_WIDGET (f->layer), 150, 200);
  bl_test_click (GTK_WIDGET (f->layer), 330, 160);
  bl_test_click (GTK_WIDGET (f->layer), 380, 300);
  bl_test_click (GTK_WIDGET (f->layer), 200, 330);
  bl_test_keys (GTK_WIDGET (f->layer), "Return");
  wait_for_count (f, 4);

  bl_annotation_layer_set_color (f->layer, bl_annotation_toolbar_get_palette_color (5));
  bl_annotation_layer_set_size (f->layer, BL_ANNOTATION_SIZE_LARGE);
  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_TEXT);
  bl_test_click (GTK_WIDGET (f->layer), 170, 420);
  wait_for_entry (f);
  bl_test_type (f->window, "ISIS-K (CSTO: 4,000)", 15);
  bl_test_keys (f->window, "Return");
  wait_for_count (f, 5);
}

static void
test_saved (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BlProject) loaded = NULL;
  GPtrArray *back;

  draw_one_of_each (f);

  bytes = bl_project_to_bytes (f->project, NULL, &error);
  g_assert_no_error (error);
  loaded = bl_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      "saved", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  back = bl_project_get_annotations (loaded);
  g_assert_cmpuint (back->len, ==, annotations (f)->len);
  for (guint i = 0; i < back->len; i++)
    {
      const BlAnnotation *a = annotation (f, i), *b = g_ptr_array_index (back, i);

      g_assert_cmpstr (a->id, ==, b->id);
      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpstr (a->color, ==, b->color);
      g_assert_cmpfloat_with_epsilon (a->size, b->size, 1e-9);
      g_assert_cmpuint (a->n_points, ==, b->n_points);
      for (guint j = 0; j < 2 * a->n_points; j++)
        g_assert_cmpfloat_with_epsilon (a->points[j], b->points[j], 1e-6);
    }
}

/* The layer as the screen shows it, without the map under it. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

static void
test_matches_export (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *screen = NULL;
  cairo_surface_t *surface;
  const guchar *export;
  BlMapFrame frame;
  cairo_t *cr;
  int w, h, stride;
  guint n_on_line = 0, differ = 0, painted = 0;

  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_ARROW);
  drag (f, 300, 400, 620, 250);
  wait_for_count (f, 1);
  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_NONE);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 2);

  w = gtk_widget_get_width (GTK_WIDGET (f->layer));
  h = gtk_widget_get_height (GTK_WIDGET (f->layer));
  texture = render_widget (GTK_WIDGET (f->layer));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, w);
  screen = g_malloc (4 * w * h);
  gdk_texture_download (texture, screen, 4 * w);

  bl_annotation_layer_get_frame (f->layer, &frame);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  bl_annotation_painter_paint (cr, &frame, annotations (f), -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  export = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* pixels on the arrow's shaft: the annotation's colour, on both */
  for (double t = 0.1; t <= 0.6; t += 0.1)
    {
      int x = (int) round (300 + t * 320), y = (int) round (400 - t * 150);
      const guchar *s = screen + 4 * (y * w + x);
      const guchar *e = export + y * stride + 4 * x;

      /* BGRA, premultiplied, in both; opaque #a51d2d in the middle */
      for (int c = 0; c < 4; c++)
        g_assert_cmpint (abs (s[c] - e[c]), <=, 6);
      g_assert_cmpint (s[3], ==, 255);
      g_assert_cmpint (abs (s[2] - 0xa5), <=, 6);
      g_assert_cmpint (abs (s[0] - 0x2d), <=, 6);
      n_on_line++;
    }
  g_assert_cmpuint (n_on_line, >=, 5);

  /* and everywhere: at most a little antialiasing apart */
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        const guchar *s = screen + 4 * (y * w + x);
        const guchar *e = export + y * stride + 4 * x;

        if (s[3] > 0 || e[3] > 0)
          painted++;
        if (abs (s[3] - e[3]) > 24)
          differ++;
      }
  g_test_message ("%u pixels painted, %u differ", painted, differ);
  g_assert_cmpuint (painted, >, 1000);
  g_assert_cmpuint (differ, <, painted / 50);

  cairo_surface_destroy (surface);
}

static void
test_screenshot (Fixture       *f,
                 gconstpointer  data)
{
  const char *path = g_getenv ("BL_ANNOTATION_SCREENSHOT");
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *live = NULL;
  g_autofree char *command = NULL;
  double x, y;
  int sx, sy;

  if (path == NULL)
    {
      g_test_skip ("set BL_ANNOTATION_SCREENSHOT to a path to save one");
      return;
    }

  draw_one_of_each (f);
  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_SELECT);
  g_assert_true (bl_annotation_layer_locate (f->layer, annotation (f, 2)->id, &x, &y));
  bl_test_click (GTK_WIDGET (f->layer), x, y);
  bl_test_wait_for (selected_is, f, 10, "the circle to be selected");

  /* the basemap's tiles are drawn off the main thread */
  for (guint i = 0; i < 30; i++)
    bl_test_wait_for_frames (GTK_WIDGET (f->layer), 1);

  texture = render_widget (f->window);
  png = gdk_texture_save_to_png_bytes (texture);
  if (!g_file_set_contents (path, g_bytes_get_data (png, NULL), g_bytes_get_size (png), &error))
    g_error ("%s", error->message);
  g_test_message ("saved %s", path);

  /* the whole screen, popovers and all: an area half drawn, a label
   * being typed */
  live = g_strconcat (path, ".live.png", NULL);
  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_AREA);
  bl_test_click (GTK_WIDGET (f->layer), 880, 180);
  bl_test_click (GTK_WIDGET (f->layer), 1020, 160);
  bl_test_click (GTK_WIDGET (f->layer), 1060, 260);
  bl_test_widget_to_screen (GTK_WIDGET (f->layer), 960, 300, &sx, &sy);
  g_free (bl_test_xdotool ("mousemove --sync %d %d", sx, sy));
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
  command = g_strdup_printf ("import -window root %s", live);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_test_message ("saved %s", live);
  g_clear_pointer (&command, g_free);
  g_clear_pointer (&live, g_free);

  bl_annotation_layer_set_tool (f->layer, BL_ANNOTATION_TOOL_CALLOUT);
  drag (f, 1000, 520, 900, 420);
  wait_for_entry (f);
  bl_test_type (f->window, "Taliban deny", 15);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
  live = g_strconcat (path, ".entry.png", NULL);
  command = g_strdup_printf ("import -window root %s", live);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  g_test_message ("saved %s", live);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/annotation-layer/arrow", Fixture, NULL, fixture_set_up, test_arrow, fixture_tear_down);
  g_test_add ("/annotation-layer/label", Fixture, NULL, fixture_set_up, test_label, fixture_tear_down);
  g_test_add ("/annotation-layer/callout", Fixture, NULL, fixture_set_up, test_callout_and_cancel, fixture_tear_down);
  g_test_add ("/annotation-layer/shapes", Fixture, NULL, fixture_set_up, test_shapes, fixture_tear_down);
  g_test_add ("/annotation-layer/style", Fixture, NULL, fixture_set_up, test_style, fixture_tear_down);
  g_test_add ("/annotation-layer/map-keeps-input", Fixture, NULL, fixture_set_up, test_map_keeps_input, fixture_tear_down);
  g_test_add ("/annotation-layer/saved", Fixture, NULL, fixture_set_up, test_saved, fixture_tear_down);
  g_test_add ("/annotation-layer/matches-export", Fixture, NULL, fixture_set_up, test_matches_export, fixture_tear_down);
  g_test_add ("/annotation-layer/screenshot", Fixture, NULL, fixture_set_up, test_screenshot, fixture_tear_down);

  return bl_test_run_display ();
}
