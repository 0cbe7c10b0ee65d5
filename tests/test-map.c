/* test-map.c — the map as a person uses it: click, cluster, filter, keys
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the sample project in a real window under Xvfb and drives it
 * with real pointer and key events: a click at the pixel where the
 * Kunduz claim is drawn opens that claim in the side panel; a click on a
 * cluster zooms in; the search filter hides what it should, and so do the
 * Filters popover's claimant, stance and credibility; the arrow keys and
 * Enter reach a claim; Escape clears. And what the layer draws on
 * screen is what an export of the same view shows.
 */
#include "bl-basemap-source.h"
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "bl-claim-layer.h"
#include "bl-filter-popover.h"
#include "bl-map-view.h"
#include "bl-window.h"
#include "display-helpers.h"
#include "test-helpers.h"

/* a label on screen, also in menu buttons' popovers */
#define ON_SCREEN (BL_TEST_LABEL_MAPPED | BL_TEST_LABEL_POPOVERS)

typedef struct {
  BlWindow     *window;
  BlClaimLayer *layer;
  BlMapView    *map;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);

  f->window = g_object_new (BL_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_present (GTK_WINDOW (f->window));
  bl_window_open_file (f->window, file);
  f->layer = BL_CLAIM_LAYER (bl_test_wait_for_claim_layer (GTK_WIDGET (f->window), 20));

  f->map = BL_MAP_VIEW (bl_test_find_widget (GTK_WIDGET (f->window), BL_TYPE_MAP_VIEW, NULL));
  bl_map_view_go_home (f->map);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static const char *
selected_id (Fixture *f)
{
  return bl_window_get_selected_claim (f->window);
}

static gboolean
kunduz_selected (gpointer data)
{
  return g_strcmp0 (selected_id (data), "c-sidorov-kunduz") == 0;
}

static void
test_click_marker (Fixture       *f,
                   gconstpointer  data)
{
  double x, y;

  g_assert_null (selected_id (f));
  g_assert_true (bl_claim_layer_locate_claim (f->layer, "c-sidorov-kunduz", &x, &y));

  bl_test_click (GTK_WIDGET (f->layer), x, y);
  bl_test_wait_for (kunduz_selected, f, 10, "the Kunduz claim to be selected");

  /* the side panel shows it */
  g_assert_cmpstr (bl_window_get_side_page (f->window), ==, "claim");
}

typedef struct {
  Fixture *f;
  double   zoom;
} ZoomWait;

static gboolean
zoomed_in (gpointer data)
{
  ZoomWait *w = data;

  return shumate_viewport_get_zoom_level (bl_map_view_get_viewport (w->f->map)) > w->zoom + 0.5;
}

static void
test_click_cluster (Fixture       *f,
                    gconstpointer  data)
{
  BlClusterSet *clusters = bl_claim_layer_get_clusters (f->layer);
  const BlCluster *list;
  BlMapFrame frame;
  ZoomWait wait = { f, 0 };
  guint n;
  int found = -1;

  bl_claim_layer_get_frame (f->layer, &frame);
  list = bl_cluster_set_get_clusters (clusters, &n);
  for (guint i = 0; i < n && found < 0; i++)
    if (list[i].n_claims > 1 && list[i].east - list[i].west > 0.01 &&
        list[i].x - frame.x > 30 && list[i].x - frame.x < frame.width - 30 &&
        list[i].y - frame.y > 30 && list[i].y - frame.y < frame.height - 30)
      found = (int) i;

  if (found < 0)
    {
      /* zoom out until the sample's claims gather */
      shumate_viewport_set_zoom_level (bl_map_view_get_viewport (f->map), 5);
      bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
      bl_claim_layer_get_frame (f->layer, &frame);
      clusters = bl_claim_layer_get_clusters (f->layer);
      list = bl_cluster_set_get_clusters (clusters, &n);
      for (guint i = 0; i < n && found < 0; i++)
        if (list[i].n_claims > 1 && list[i].east - list[i].west > 0.01)
          found = (int) i;
    }
  g_assert_cmpint (found, >=, 0);

  wait.zoom = frame.zoom;
  bl_test_click (GTK_WIDGET (f->layer), list[found].x - frame.x, list[found].y - frame.y);
  bl_test_wait_for (zoomed_in, &wait, 10, "the map to zoom in on the cluster");
  g_assert_null (selected_id (f));
}

static void
test_filter_hides (Fixture       *f,
                   gconstpointer  data)
{
  double x, y;
  guint before, after;

  shumate_viewport_set_zoom_level (bl_map_view_get_viewport (f->map), 5);
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
  before = bl_cluster_set_get_n_claims (bl_claim_layer_get_clusters (f->layer));

  bl_window_set_search_text (f->window, "rocket");
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
  after = bl_cluster_set_get_n_claims (bl_claim_layer_get_clusters (f->layer));

  g_assert_cmpuint (before, ==, 16);
  g_assert_cmpuint (after, ==, 1);
  g_assert_false (bl_claim_layer_locate_claim (f->layer, "c-sidorov-kunduz", &x, &y));
  g_assert_true (bl_claim_layer_locate_claim (f->layer, "c-khaama-rockets", &x, &y));
}

static gboolean
something_selected (gpointer data)
{
  return selected_id (data) != NULL;
}

static gboolean
nothing_selected (gpointer data)
{
  return selected_id (data) == NULL;
}

static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  gtk_widget_grab_focus (GTK_WIDGET (f->layer));
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 2);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (f->layer)));

  /* to the marker nearest the centre, then to the one on its left */
  bl_test_keys (GTK_WIDGET (f->layer), "Left Left");
  bl_test_keys (GTK_WIDGET (f->layer), "Return");
  bl_test_wait_for (something_selected, f, 10, "a claim to be selected from the keyboard");

  bl_test_keys (GTK_WIDGET (f->layer), "Escape");
  bl_test_wait_for (nothing_selected, f, 10, "Escape to clear the selection");
}

typedef struct {
  Fixture *f;
  double   lat;
} MoveWait;

static gboolean
kunduz_moved (gpointer data)
{
  MoveWait *w = data;
  BlClaimStore *store = bl_project_get_claims (bl_window_get_project (w->f->window));
  guint index = bl_claim_store_lookup (store, "c-sidorov-kunduz");
  double lat = bl_claim_store_get_lats (store)[index];

  return !isnan (lat) && fabs (lat - w->lat) > 0.05;
}

/* Dragging a marker moves its claim, as one step Undo takes back. */
static void
test_drag_marker (Fixture       *f,
                  gconstpointer  data)
{
  BlHistory *history = bl_window_get_history (f->window);
  BlClaimStore *store = bl_project_get_claims (bl_window_get_project (f->window));
  guint index = bl_claim_store_lookup (store, "c-sidorov-kunduz");
  MoveWait wait = { f, 0 };
  double x, y, lat, lon;
  int sx, sy;

  /* an area claim: it has no point of its own yet */
  g_assert_true (isnan (bl_claim_store_get_lats (store)[index]));
  g_assert_true (bl_claim_painter_get_position (bl_claim_layer_get_painter (f->layer), index, &lat, &lon));
  wait.lat = lat;

  g_assert_true (bl_claim_layer_locate_claim (f->layer, "c-sidorov-kunduz", &x, &y));
  bl_test_widget_to_screen (GTK_WIDGET (f->layer), x, y, &sx, &sy);
  g_free (bl_test_xdotool ("mousemove --sync %d %d mousedown 1 mousemove --sync %d %d mousemove --sync %d %d mouseup 1",
                           sx, sy, sx + 10, sy - 20, sx + 40, sy - 80));
  bl_test_wait_for (kunduz_moved, &wait, 10, "the dragged claim to move");

  g_assert_cmpfloat (bl_claim_store_get_lats (store)[index], >, lat);
  g_assert_cmpstr (bl_history_get_undo_label (history), ==, "Move Claim");

  g_assert_true (bl_history_undo (history));
  g_assert_true (isnan (bl_claim_store_get_lats (store)[bl_claim_store_lookup (store, "c-sidorov-kunduz")]));
}

/* What the layer draws on screen, as the renderer draws it */
static cairo_surface_t *
render_layer (Fixture *f)
{
  GtkWidget *layer = GTK_WIDGET (f->layer);
  int width = gtk_widget_get_width (layer), height = gtk_widget_get_height (layer);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  GTK_WIDGET_GET_CLASS (layer)->snapshot (layer, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (layer)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  gdk_texture_download (texture, cairo_image_surface_get_data (surface),
                        cairo_image_surface_get_stride (surface));
  cairo_surface_mark_dirty (surface);
  return surface;
}

static const guint8 *
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  return cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + 4 * x;
}

static int
pixel_difference (const guint8 *a,
                  const guint8 *b)
{
  int most = 0;

  for (int c = 0; c < 4; c++)
    most = MAX (most, ABS ((int) a[c] - (int) b[c]));
  return most;
}

/* How far @a's pixel at (x, y) is from the closest of @b's within a
 * pixel of it: a sprite stands on a whole pixel, where cairo draws the
 * same shape up to half a pixel away. */
static int
difference_near (cairo_surface_t *a,
                 cairo_surface_t *b,
                 int              x,
                 int              y)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);
  int least = 256;

  for (int dy = -1; dy <= 1; dy++)
    for (int dx = -1; dx <= 1; dx++)
      if (x + dx >= 0 && x + dx < width && y + dy >= 0 && y + dy < height)
        least = MIN (least, pixel_difference (pixel (a, x, y), pixel (b, x + dx, y + dy)));
  return least;
}

/* Where a cluster's count stands: the centre of the white pixels within
 * @r of (@cx, @cy) (inside the disc's white rim), and how many there are. */
static guint
count_centre (cairo_surface_t *surface,
              int              cx,
              int              cy,
              int              r,
              double          *x,
              double          *y)
{
  double sx = 0, sy = 0;
  guint n = 0;

  for (int py = MAX (cy - r, 0); py <= cy + r && py < cairo_image_surface_get_height (surface); py++)
    for (int px = MAX (cx - r, 0); px <= cx + r && px < cairo_image_surface_get_width (surface); px++)
      {
        const guint8 *p = pixel (surface, px, py);

        if ((px - cx) * (px - cx) + (py - cy) * (py - cy) <= r * r &&
            p[0] > 200 && p[1] > 200 && p[2] > 200)
          {
            sx += px;
            sy += py;
            n++;
          }
      }
  *x = n > 0 ? sx / n : 0;
  *y = n > 0 ? sy / n : 0;
  return n;
}

/* The map on screen shows what an export of the same view shows: the
 * layer draws its markers as sprites and its areas in strips, the export
 * with cairo in one go, through the same painter. Compared pixel by pixel,
 * with a claim selected (its ring, outline and relation lines) over the
 * tinted provinces, at two zooms. */
static void
test_drawn_as_exported (Fixture       *f,
                        gconstpointer  data)
{
  static const double zooms[] = { 6, 8 };
  double kx, ky;

  g_assert_true (bl_claim_layer_locate_claim (f->layer, "c-sidorov-kunduz", &kx, &ky));
  bl_test_click (GTK_WIDGET (f->layer), kx, ky);
  bl_test_wait_for (kunduz_selected, f, 10, "the Kunduz claim to be selected");

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      cairo_surface_t *screen, *exported;
      cairo_t *cr;
      BlMapFrame frame;
      const BlCluster *list;
      guint n, n_different = 0, n_marks = 0, n_inked = 0;
      int width, height;

      shumate_viewport_set_zoom_level (bl_map_view_get_viewport (f->map), zooms[z]);
      bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);

      screen = render_layer (f);
      bl_claim_layer_get_frame (f->layer, &frame);
      width = cairo_image_surface_get_width (screen);
      height = cairo_image_surface_get_height (screen);

      exported = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (exported);
      bl_claim_painter_paint (bl_claim_layer_get_painter (f->layer), cr, &frame,
                              bl_claim_layer_get_clusters (f->layer));
      cairo_destroy (cr);
      cairo_surface_flush (exported);

      /* every marker and disc is where the export has it, in its colour
       * (read above the centre, clear of a count or a denial's bar) */
      list = bl_cluster_set_get_clusters (bl_claim_layer_get_clusters (f->layer), &n);
      for (guint i = 0; i < n; i++)
        {
          double r = list[i].n_claims == 1 ? 0.5 * BL_CLAIM_MARKER_RADIUS
                                           : 0.75 * bl_claim_painter_get_cluster_radius (list[i].n_claims, 1);
          int x = (int) floor (list[i].x - frame.x), y = (int) floor (list[i].y - frame.y - r);

          if (x < 0 || y < 0 || x >= width || y >= height)
            continue;
          n_marks++;
          g_assert_cmpint (pixel (exported, x, y)[3], ==, 255);
          g_assert_cmpint (pixel_difference (pixel (screen, x, y), pixel (exported, x, y)), <=, 48);

          /* a cluster's count, in the middle of its disc */
          if (list[i].n_claims > 1)
            {
              int cx = (int) floor (list[i].x - frame.x), cy = (int) floor (list[i].y - frame.y);
              int inner = (int) (0.7 * bl_claim_painter_get_cluster_radius (list[i].n_claims, 1));
              double sx, sy, ex, ey;
              guint n_screen = count_centre (screen, cx, cy, inner, &sx, &sy);
              guint n_export = count_centre (exported, cx, cy, inner, &ex, &ey);

              g_assert_cmpuint (n_export, >, 5);
              g_assert_cmpuint (n_screen, >=, n_export * 2 / 3);
              g_assert_cmpuint (n_screen, <=, n_export * 3 / 2);
              g_assert_cmpfloat (fabs (sx - ex), <=, 0.75);
              g_assert_cmpfloat (fabs (sy - ey), <=, 0.75);
            }
        }
      g_assert_cmpuint (n_marks, >, 0);

      /* and everything else: areas, lines, rings; only the counts'
       * glyphs may differ a little (the renderer has its own glyph cache) */
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            n_inked += pixel (exported, x, y)[3] != 0;
            n_different += difference_near (screen, exported, x, y) > 64;
          }
      g_test_message ("zoom %g: %u marks, %u pixels inked, %u differ", zooms[z], n_marks, n_inked, n_different);
      g_assert_cmpuint (n_inked, >, (guint) (width * height / 50));
      g_assert_cmpuint (n_different, <=, 10 * (n_marks + 1));

      cairo_surface_destroy (screen);
      cairo_surface_destroy (exported);
    }
}

/* The Filters popover {{{ */

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
popover_hidden (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static guint
claims_on_map (Fixture *f)
{
  bl_test_wait_for_frames (GTK_WIDGET (f->layer), 3);
  return bl_cluster_set_get_n_claims (bl_claim_layer_get_clusters (f->layer));
}

/* Opens a drop-down in the popover by its accessible row label and
 * clicks the item that reads @item. */
static void
choose (Fixture    *f,
        GtkWidget  *popover,
        const char *current,
        const char *item)
{
  GtkWidget *label = bl_test_find_label (popover, current, ON_SCREEN);
  GtkWidget *dropdown;
  GtkWidget *popup = NULL;

  g_assert_nonnull (label);
  dropdown = gtk_widget_get_ancestor (label, GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  bl_test_click_center (dropdown);

  /* the list pops up in a popover of the drop-down's own */
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      popup = child;
  g_assert_nonnull (popup);
  bl_test_wait_for_label (popup, item, ON_SCREEN, 5, "the drop-down's list");
  bl_test_wait_for_frames (popup, 3);
  bl_test_click_center (bl_test_find_label (popup, item, ON_SCREEN));
  bl_test_wait_for (popover_hidden, popup, 5, "the drop-down's list to close");
}

static void
test_filter_popover (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (f->window);
  GtkWidget *button = gtk_widget_get_ancestor (bl_test_find_label (root, "Filters", ON_SCREEN), GTK_TYPE_MENU_BUTTON);
  GtkWidget *popover, *asserts, *clear, *count;
  double x, y;

  g_assert_nonnull (button);
  shumate_viewport_set_zoom_level (bl_map_view_get_viewport (f->map), 5);
  g_assert_cmpuint (claims_on_map (f), ==, 16);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (BL_IS_FILTER_POPOVER (popover));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "No filters: every claim is shown");

  /* open it with the pointer */
  bl_test_click_center (button);
  bl_test_wait_for (popover_shown, popover, 5, "the Filters popover");
  bl_test_wait_for_frames (popover, 3);
  clear = gtk_widget_get_ancestor (bl_test_find_label (popover, "Clear Filters", ON_SCREEN), GTK_TYPE_BUTTON);
  g_assert_false (gtk_widget_is_sensitive (clear));

  /* one claimant: the list and the map show only their claims */
  choose (f, popover, "Any claimant", "Anatoly Sidorov");
  bl_test_wait_for_label (root, "9 of 16 Claims", ON_SCREEN, 5, "the claim list to show 9 of 16");
  g_assert_cmpuint (claims_on_map (f), ==, 9);
  g_assert_false (bl_claim_layer_locate_claim (f->layer, "c-khaama-rockets", &x, &y));

  /* and a minimum credibility, its meaning in words: 3 or better */
  choose (f, popover, "Any credibility", "3 or better — Possibly true");
  bl_test_wait_for_label (root, "5 of 16 Claims", ON_SCREEN, 5, "the claim list to show 5 of 16");
  g_assert_cmpuint (claims_on_map (f), ==, 5);
  g_assert_false (bl_claim_layer_locate_claim (f->layer, "c-sidorov-threat-asia", &x, &y));

  /* the button says how many filters are on */
  count = bl_test_find_label (button, "2", ON_SCREEN);
  g_assert_nonnull (count);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "2 filters active");
  g_assert_true (gtk_widget_is_sensitive (clear));

  /* Clear Filters, clicked: every claim is back */
  bl_test_click_center (clear);
  bl_test_wait_for_label (root, "16 Claims", ON_SCREEN, 5, "the claim list to show every claim");
  g_assert_cmpuint (claims_on_map (f), ==, 16);
  g_assert_false (gtk_widget_get_visible (count));
  g_assert_true (gtk_widget_get_mapped (popover));

  /* a stance toggled off with the keyboard: Tab to it, Space */
  asserts = gtk_widget_get_ancestor (bl_test_find_label (popover, "Asserts", ON_SCREEN), GTK_TYPE_TOGGLE_BUTTON);
  gtk_widget_grab_focus (asserts);
  bl_test_keys (popover, "space");
  bl_test_wait_for_label (root, "2 of 16 Claims", ON_SCREEN, 5, "only the denial and the qualification");
  g_assert_cmpuint (claims_on_map (f), ==, 2);
  g_assert_cmpuint (bl_filter_get_stances (bl_window_get_filter (f->window)), ==,
                    1u << BL_STANCE_DENIES | 1u << BL_STANCE_QUALIFIES);
  g_assert_false (bl_claim_layer_locate_claim (f->layer, "c-sidorov-kunduz", &x, &y));

  /* Clear again; Escape closes the popover */
  bl_test_click_center (clear);
  bl_test_wait_for_label (root, "16 Claims", ON_SCREEN, 5, "the claim list to show every claim");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (asserts)));
  bl_test_keys (popover, "Escape");
  bl_test_wait_for (popover_hidden, popover, 5, "the popover to close");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/map/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("click-marker", test_click_marker);
  ADD ("click-cluster", test_click_cluster);
  ADD ("filter-hides", test_filter_hides);
  ADD ("filter-popover", test_filter_popover);
  ADD ("keyboard", test_keyboard);
  ADD ("drag-marker", test_drag_marker);
  ADD ("drawn-as-exported", test_drawn_as_exported);

  return bl_test_run_display ();
}
