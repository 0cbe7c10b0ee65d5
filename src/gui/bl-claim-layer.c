/* bl-claim-layer.c — every visible claim on the map, in one layer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlClaimLayer draws all the claims the shared filter lets through in one
 * snapshot, through the same BlClaimPainter an export uses; it is not one
 * widget per marker (libshumate's marker layer drops to a few frames per
 * second at tens of thousands of markers). Markers are sprites the painter
 * drew once (bl-mark-sprites.c); the tinted areas and the selection are
 * cairo drawings only as large as their ink (append_drawing), so a frame
 * never rasterises and uploads a map-sized image.
 *
 * It is also how the user reaches claims on the map:
 *  - click a marker: the claim is selected (and the side panel opens it);
 *  - click a cluster: the map zooms to the cluster's extent, or, when its
 *    claims stand at one place, a list of them opens;
 *  - hover: a tooltip with the claim's statement, or a cluster's count;
 *  - keyboard: Tab into the layer, arrows move between the markers in
 *    view, Enter or Space opens; Escape (the window's) clears;
 *  - drag a single claim's marker: the claim moves there (one undo step,
 *    "Move Claim"); while dragging, the marker follows the pointer with a
 *    dashed ring and a line back to where it was.
 *
 * It observes the visible claims and the selection; it computes nothing
 * a batch export would also need: clustering and drawing are core's.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bl-claim-layer.h"
#include "bl-feed.h"
#include "bl-spatial-index.h"
#include "bl-map-frame.h"
#include "bl-mark-sprites.h"
#include "bl-widget-util.h"

/* How far the pointer must move before a press becomes a drag. */
#define DRAG_THRESHOLD 5.0

/* How far from a marker's centre a click still hits it, in pixels. */
#define HIT_RADIUS 14.0

struct _BlClaimLayer
{
  ShumateLayer    parent_instance;

  /* owned */
  BlClaimPainter *painter;
  BlMarkSprites  *sprites;
  BlSelection    *selection;
  BlHistory      *history;
  GtkWidget      *popover;

  /* a marker being dragged */
  char           *drag_id;
  double          drag_start_x, drag_start_y;
  double          drag_x, drag_y;
  gboolean        dragging;
  int             press_cluster;

  /* the clusters of the last frame drawn */
  BlClusterSet   *clusters;
  BlMapFrame      frame;
  gboolean        frame_valid;
  int             focused;
};

G_DEFINE_FINAL_TYPE (BlClaimLayer, bl_claim_layer, SHUMATE_TYPE_LAYER)

static void
update_clusters (BlClaimLayer *self)
{
  bl_map_frame_for_layer (SHUMATE_LAYER (self), &self->frame);
  self->clusters = bl_claim_painter_compute_clusters (self->painter, &self->frame);
  self->frame_valid = TRUE;
}

static void
update_accessible (BlClaimLayer *self)
{
  const char *id = bl_selection_get_claim_id (self->selection);
  guint n_clusters = 0, n_claims = 0;
  g_autofree char *text = NULL;
  g_autofree char *in_view = NULL;

  if (self->clusters != NULL)
    {
      bl_cluster_set_get_clusters (self->clusters, &n_clusters);
      n_claims = bl_cluster_set_get_n_claims (self->clusters);
    }

  in_view = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u claim in view, at %u places",
                                          "%u claims in view, at %u places", n_claims),
                             n_claims, n_clusters);

  if (id != NULL)
    {
      BlClaimStore *store = bl_project_get_claims (bl_visible_claims_get_project (bl_claim_painter_get_visible (self->painter)));
      guint index = bl_claim_store_lookup (store, id);
      BlClaimRecord r;

      if (index != BL_NO_INDEX)
        {
          bl_claim_store_get_record (store, index, &r);
          text = g_strdup_printf (_("%s. Selected: %s"), in_view, r.statement);
        }
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text ? text : in_view,
                                  -1);
}

static void
on_changed (BlClaimLayer *self)
{
  self->frame_valid = FALSE;
  self->focused = -1;
  bl_claim_painter_set_focused (self->painter, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_changed (BlClaimLayer *self)
{
  bl_claim_painter_set_selected (self->painter, bl_selection_get_claim_id (self->selection));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self);
}

static gboolean
find_cluster (BlClaimLayer *self,
              double        x,
              double        y,
              guint        *cluster)
{
  if (!self->frame_valid)
    update_clusters (self);

  return self->clusters != NULL &&
         bl_cluster_set_find (self->clusters, self->frame.x + x, self->frame.y + y, HIT_RADIUS, cluster);
}

static void
zoom_to (BlClaimLayer *self,
         double        west,
         double        south,
         double        east,
         double        north)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double x1, y1, x2, y2, zoom;
  double width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 64);
  double height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 64);

  bl_spatial_lonlat_to_unit (north, west, &x1, &y1);
  bl_spatial_lonlat_to_unit (south, east, &x2, &y2);

  zoom = MIN (log2 (width * 0.6 / (MAX (x2 - x1, 1e-9) * BL_SPATIAL_TILE_SIZE)),
              log2 (height * 0.6 / (MAX (y2 - y1, 1e-9) * BL_SPATIAL_TILE_SIZE)));
  /* at least one step closer, so a click always makes progress */
  zoom = MAX (zoom, shumate_viewport_get_zoom_level (viewport) + 1);
  zoom = MIN (zoom, shumate_viewport_get_max_zoom_level (viewport));

  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), (north + south) / 2, (west + east) / 2);
}

static void
on_list_row_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       BlClaimLayer  *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "claim-id");

  bl_selection_set_claim_id (self->selection, id);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

/* The claims of a cluster that cannot be split by zooming in. */
static void
show_cluster_list (BlClaimLayer *self,
                   guint         cluster,
                   double        x,
                   double        y)
{
  BlClaimStore *store = bl_project_get_claims (bl_visible_claims_get_project (bl_claim_painter_get_visible (self->painter)));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint32));
  GtkWidget *list, *scroller;
  GdkRectangle where = { (int) x, (int) y, 1, 1 };

  bl_cluster_set_get_members (self->clusters, cluster, members);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Claims at this place"),
                                  -1);
  g_signal_connect (list, "row-activated", G_CALLBACK (on_list_row_activated), self);

  for (guint i = 0; i < MIN (members->len, 200u); i++)
    {
      BlClaimRecord r;
      GtkWidget *row, *label;

      bl_claim_store_get_record (store, g_array_index (members, guint32, i), &r);
      label = gtk_label_new (r.statement);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "claim-id", g_strdup (r.id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  gtk_popover_set_child (GTK_POPOVER (self->popover), scroller);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &where);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
activate_cluster (BlClaimLayer *self,
                  guint         cluster)
{
  const BlCluster *list;
  const BlCluster *c;
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  BlClaimStore *store;
  double x, y;
  guint n;

  list = bl_cluster_set_get_clusters (self->clusters, &n);
  g_return_if_fail (cluster < n);
  c = &list[cluster];
  x = c->x - self->frame.x;
  y = c->y - self->frame.y;

  if (c->n_claims == 1)
    {
      store = bl_project_get_claims (bl_visible_claims_get_project (bl_claim_painter_get_visible (self->painter)));
      bl_selection_set_claim_id (self->selection, bl_claim_store_get_id (store, c->representative));
      return;
    }

  /* members all at one place, or no closer zoom: list them */
  if ((c->east - c->west < 1e-6 && c->north - c->south < 1e-6) ||
      shumate_viewport_get_zoom_level (viewport) >= shumate_viewport_get_max_zoom_level (viewport) - 0.01)
    show_cluster_list (self, cluster, x, y);
  else
    zoom_to (self, c->west, c->south, c->east, c->north);
}

static gboolean
on_query_tooltip (GtkWidget    *widget,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip,
                  BlClaimLayer *self)
{
  const BlCluster *list;
  guint cluster, n;

  if (keyboard)
    {
      if (self->focused < 0)
        return FALSE;
      cluster = (guint) self->focused;
    }
  else if (!find_cluster (self, x, y, &cluster))
    return FALSE;

  list = bl_cluster_set_get_clusters (self->clusters, &n);
  if (cluster >= n)
    return FALSE;

  if (list[cluster].n_claims == 1)
    {
      BlClaimStore *store = bl_project_get_claims (bl_visible_claims_get_project (bl_claim_painter_get_visible (self->painter)));
      BlClaimRecord r;

      bl_claim_store_get_record (store, list[cluster].representative, &r);
      gtk_tooltip_set_text (tooltip, r.statement);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u claim here: click to zoom in",
                                                            "%u claims here: click to zoom in",
                                                            list[cluster].n_claims),
                                               list[cluster].n_claims);

      gtk_tooltip_set_text (tooltip, text);
    }

  return TRUE;
}

/* Keyboard: the nearest marker in the arrow's direction. */
static void
move_focus (BlClaimLayer *self,
            double        dx,
            double        dy)
{
  const BlCluster *list;
  double fx, fy, best = G_MAXDOUBLE;
  int best_index = -1;
  guint n;

  if (!self->frame_valid)
    update_clusters (self);
  if (self->clusters == NULL)
    return;

  list = bl_cluster_set_get_clusters (self->clusters, &n);
  if (n == 0)
    return;

  if (self->focused < 0 || (guint) self->focused >= n)
    {
      /* start from the marker nearest the centre */
      fx = self->frame.x + self->frame.width / 2;
      fy = self->frame.y + self->frame.height / 2;
      dx = dy = 0;
    }
  else
    {
      fx = list[self->focused].x;
      fy = list[self->focused].y;
    }

  for (guint i = 0; i < n; i++)
    {
      double vx = list[i].x - fx, vy = list[i].y - fy;
      double along = vx * dx + vy * dy;
      double across = fabs (vx * dy - vy * dx);
      double score;

      if ((int) i == self->focused)
        continue;
      if ((dx != 0 || dy != 0) && along <= 0)
        continue;
      /* prefer what lies straight ahead */
      score = (dx == 0 && dy == 0) ? hypot (vx, vy) : along + 2 * across;
      if (score < best)
        {
          best = score;
          best_index = (int) i;
        }
    }

  if (best_index < 0)
    return;

  self->focused = best_index;
  bl_claim_painter_set_focused (self->painter, best_index);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BlClaimLayer          *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_focus (self, -1, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_focus (self, 1, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_focus (self, 0, -1);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_focus (self, 0, 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focused >= 0)
        {
          activate_cluster (self, (guint) self->focused);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }
}

static void
on_focus_leave (BlClaimLayer *self)
{
  self->focused = -1;
  bl_claim_painter_set_focused (self->painter, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Dragging a marker moves its claim */

/* One gesture for presses on markers: released where it was pressed, it
 * is a click (select, zoom in, list); moved, on a single claim, a drag.
 * A press anywhere else is left to the map, which pans. */
static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               BlClaimLayer   *self)
{
  BlClaimStore *store;
  BlClaimRecord record;
  const BlCluster *list;
  guint cluster, n;

  g_clear_pointer (&self->drag_id, g_free);
  self->dragging = FALSE;
  self->press_cluster = -1;

  if (!find_cluster (self, x, y, &cluster))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  /* the layer's, not the map's: no pan starts on a marker */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->press_cluster = (int) cluster;

  list = bl_cluster_set_get_clusters (self->clusters, &n);
  if (self->history == NULL || list[cluster].n_claims != 1)
    return;

  store = bl_project_get_claims (bl_visible_claims_get_project (bl_claim_painter_get_visible (self->painter)));
  bl_claim_store_get_record (store, list[cluster].representative, &record);
  if (bl_feed_id_from_tags (record.tags) != NULL)
    return;   /* a claim from a feed is read-only */
  self->drag_id = g_strdup (bl_claim_store_get_id (store, list[cluster].representative));
  self->drag_start_x = list[cluster].x - self->frame.x;
  self->drag_start_y = list[cluster].y - self->frame.y;
  self->drag_x = self->drag_start_x;
  self->drag_y = self->drag_start_y;
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                BlClaimLayer   *self)
{
  if (self->drag_id == NULL)
    {
      /* a cluster, or no history: moving it does nothing, nor is it a click */
      if (hypot (dx, dy) >= DRAG_THRESHOLD)
        self->press_cluster = -1;
      return;
    }

  if (!self->dragging && hypot (dx, dy) < DRAG_THRESHOLD)
    return;

  self->dragging = TRUE;
  self->drag_x = self->drag_start_x + dx;
  self->drag_y = self->drag_start_y + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             BlClaimLayer   *self)
{
  g_autofree char *id = g_steal_pointer (&self->drag_id);
  BlClaimStore *store;
  BlClaimRecord r;
  double lat, lon;
  guint index;

  if (!self->dragging)
    {
      /* not moved: a click on what was pressed */
      if (self->press_cluster >= 0 && hypot (dx, dy) < DRAG_THRESHOLD && self->clusters != NULL)
        {
          guint n;

          bl_cluster_set_get_clusters (self->clusters, &n);
          if ((guint) self->press_cluster < n)
            {
              gtk_widget_grab_focus (GTK_WIDGET (self));
              activate_cluster (self, (guint) self->press_cluster);
            }
        }
      self->press_cluster = -1;
      return;
    }
  self->dragging = FALSE;
  self->press_cluster = -1;
  if (id == NULL)
    return;

  store = bl_project_get_claims (bl_visible_claims_get_project (bl_claim_painter_get_visible (self->painter)));
  index = bl_claim_store_lookup (store, id);
  if (index == BL_NO_INDEX)
    return;

  bl_map_frame_to_lonlat (&self->frame, self->drag_start_x + dx, self->drag_start_y + dy, &lon, &lat);

  bl_claim_store_get_record (store, index, &r);
  r.lat = CLAMP (lat, -85.0, 85.0);
  r.lon = CLAMP (lon, -180.0, 180.0);
  if (r.precision == BL_PRECISION_UNKNOWN)
    r.precision = BL_PRECISION_EXACT;
  bl_history_replace_claim (self->history, &r, _("Move Claim"));
  bl_selection_set_claim_id (self->selection, id);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                BlClaimLayer     *self)
{
  g_clear_pointer (&self->drag_id, g_free);
  if (self->dragging)
    {
      self->dragging = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
draw_drag_state (BlClaimLayer *self,
                 cairo_t      *cr)
{
  double dash[] = { 4, 3 };
  double rgba[4];
  BlClaimStore *store = bl_project_get_claims (bl_visible_claims_get_project (bl_claim_painter_get_visible (self->painter)));
  guint index = bl_claim_store_lookup (store, self->drag_id);

  if (index == BL_NO_INDEX)
    return;

  cairo_save (cr);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.7);
  cairo_move_to (cr, self->drag_start_x, self->drag_start_y);
  cairo_line_to (cr, self->drag_x, self->drag_y);
  cairo_stroke (cr);
  cairo_arc (cr, self->drag_x, self->drag_y, BL_CLAIM_MARKER_RADIUS + 7, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_restore (cr);

  bl_claim_painter_get_color (self->painter, bl_claim_painter_get_key (self->painter, index), rgba);
  bl_claim_painter_draw_marker (cr, self->drag_x, self->drag_y, 1.0,
                                bl_claim_store_get_stances (store)[index],
                                bl_claim_store_get_credibilities (store)[index], rgba);
}

/* Only the markers are the layer's to pick: a press anywhere else goes to
 * the map below (to drag it), a press on a marker to the layer. */
static gboolean
bl_claim_layer_contains (GtkWidget *widget,
                         double     x,
                         double     y)
{
  guint cluster;

  return find_cluster (BL_CLAIM_LAYER (widget), x, y, &cluster);
}

/* The rows of each cairo node the layer appends (see append_drawing). */
#define STRIP_ROWS 32

typedef void (*DrawFunc) (BlClaimLayer *self,
                          cairo_t      *cr);

/* Appends what @draw draws, as cairo nodes that cover only its ink
 * within the layer, in strips of STRIP_ROWS rows. GTK 4.8's GL renderer
 * rasterises a cairo node whole, into two images of its size, before it
 * uploads it, on every frame: for the tinted areas over a 1600 × 1000 map
 * that was 20 MB more at the peak than in strips (bench-claim-layer). */
static void
append_drawing (BlClaimLayer *self,
                GtkSnapshot  *snapshot,
                DrawFunc      draw)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double x, y, w, h;
  int left, top, right, bottom;

  draw (self, cr);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &w, &h);

  left = (int) floor (MAX (x, 0));
  top = (int) floor (MAX (y, 0));
  right = (int) ceil (MIN (x + w, gtk_widget_get_width (GTK_WIDGET (self))));
  bottom = (int) ceil (MIN (y + h, gtk_widget_get_height (GTK_WIDGET (self))));

  for (int row = top; w > 0 && h > 0 && left < right && row < bottom; row += STRIP_ROWS)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (left, row, right - left,
                                                                     MIN (STRIP_ROWS, bottom - row)));
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (recording);
}

static void
draw_areas (BlClaimLayer *self,
            cairo_t      *cr)
{
  bl_claim_painter_paint_areas (self->painter, cr, &self->frame);
}

static void
draw_overlay (BlClaimLayer *self,
              cairo_t      *cr)
{
  bl_claim_painter_paint_overlay (self->painter, cr, &self->frame, self->clusters);
  if (self->dragging && self->drag_id != NULL)
    draw_drag_state (self, cr);
}

static void
bl_claim_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  BlClaimLayer *self = BL_CLAIM_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale_factor = gtk_widget_get_scale_factor (widget);
  g_autoptr(PangoLayout) count_layout = NULL;
  g_autofree BlClaimMark *marks = NULL;
  const BlCluster *list;
  guint n = 0;

  if (width <= 0 || height <= 0)
    return;

  update_clusters (self);

  /* Under the markers, the tinted areas; over them, the selection and
   * the focus: each a cairo node as large as what it draws. The markers
   * are sprites, drawn once (bl-mark-sprites.c). */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  append_drawing (self, snapshot, draw_areas);

  list = self->clusters ? bl_cluster_set_get_clusters (self->clusters, &n) : NULL;
  marks = g_new (BlClaimMark, MAX (n, 1));
  for (guint i = 0; list != NULL && i < n; i++)
    {
      bl_claim_painter_get_mark (self->painter, &self->frame, &list[i], &marks[i]);
      bl_mark_sprites_append (self->sprites, snapshot, &marks[i], self->frame.scale, scale_factor);
    }
  count_layout = gtk_widget_create_pango_layout (widget, NULL);
  for (guint i = 0; list != NULL && i < n; i++)
    bl_mark_sprites_append_count (snapshot, count_layout, &marks[i], self->frame.scale, scale_factor);

  append_drawing (self, snapshot, draw_overlay);
  gtk_snapshot_pop (snapshot);

  update_accessible (self);
}

static void
bl_claim_layer_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  BlClaimLayer *self = BL_CLAIM_LAYER (widget);

  self->frame_valid = FALSE;
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
bl_claim_layer_constructed (GObject *object)
{
  BlClaimLayer *self = BL_CLAIM_LAYER (object);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));

  G_OBJECT_CLASS (bl_claim_layer_parent_class)->constructed (object);

  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

static void
bl_claim_layer_dispose (GObject *object)
{
  BlClaimLayer *self = BL_CLAIM_LAYER (object);

  if (self->painter != NULL)
    g_signal_handlers_disconnect_by_data (bl_claim_painter_get_visible (self->painter), self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_object (&self->history);
  g_clear_object (&self->painter);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->sprites, bl_mark_sprites_free);
  self->clusters = NULL;

  G_OBJECT_CLASS (bl_claim_layer_parent_class)->dispose (object);
}

static void
bl_claim_layer_class_init (BlClaimLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bl_claim_layer_constructed;
  object_class->dispose = bl_claim_layer_dispose;
  widget_class->snapshot = bl_claim_layer_snapshot;
  widget_class->contains = bl_claim_layer_contains;
  widget_class->size_allocate = bl_claim_layer_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "claim-layer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bl_claim_layer_init (BlClaimLayer *self)
{
  GtkEventController *focus;

  self->focused = -1;
  self->press_cluster = -1;
  self->sprites = bl_mark_sprites_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_can_target (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);


  bl_widget_util_add_drag (GTK_WIDGET (self), G_CALLBACK (on_drag_begin), G_CALLBACK (on_drag_update),
                           G_CALLBACK (on_drag_end), G_CALLBACK (on_drag_cancel), self);

  bl_widget_util_add_key (GTK_WIDGET (self), G_CALLBACK (on_key_pressed), self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Claims on the map"),
                                  -1);
}

/**
 * bl_claim_layer_new:
 * @viewport: the map's viewport
 * @painter: draws the claims (it holds the visible claims)
 * @selection: the shared selection
 *
 * Returns: (transfer full): a new layer for a #ShumateMap
 */
BlClaimLayer *
bl_claim_layer_new (ShumateViewport *viewport,
                    BlClaimPainter  *painter,
                    BlSelection     *selection)
{
  BlClaimLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (BL_IS_CLAIM_PAINTER (painter), NULL);
  g_return_val_if_fail (BL_IS_SELECTION (selection), NULL);

  self = g_object_new (BL_TYPE_CLAIM_LAYER, "viewport", viewport, NULL);
  self->painter = g_object_ref (painter);
  self->selection = g_object_ref (selection);

  g_signal_connect_swapped (bl_claim_painter_get_visible (painter), "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (selection, "notify::claim-id", G_CALLBACK (on_selection_changed), self);
  on_selection_changed (self);

  return self;
}

/**
 * bl_claim_layer_get_painter:
 *
 * Returns: (transfer none): the painter
 */
BlClaimPainter *
bl_claim_layer_get_painter (BlClaimLayer *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_LAYER (self), NULL);
  return self->painter;
}

/**
 * bl_claim_layer_get_frame:
 * @frame: (out caller-allocates): what the layer shows now
 */
void
bl_claim_layer_get_frame (BlClaimLayer *self,
                          BlMapFrame   *frame)
{
  g_return_if_fail (BL_IS_CLAIM_LAYER (self));
  g_return_if_fail (frame != NULL);

  bl_map_frame_for_layer (SHUMATE_LAYER (self), frame);
}

/**
 * bl_claim_layer_get_clusters:
 *
 * Returns: (transfer none) (nullable): the clusters of the current view
 */
BlClusterSet *
bl_claim_layer_get_clusters (BlClaimLayer *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_LAYER (self), NULL);

  if (!self->frame_valid)
    update_clusters (self);
  return self->clusters;
}

/**
 * bl_claim_layer_locate_claim:
 * @claim_id: a claim
 * @x: (out): where its marker is drawn, in layer coordinates
 * @y: (out): likewise
 *
 * Returns: %FALSE when the claim is not drawn as a marker of its own
 */
gboolean
bl_claim_layer_locate_claim (BlClaimLayer *self,
                             const char   *claim_id,
                             double       *x,
                             double       *y)
{
  BlClaimStore *store;
  const BlCluster *list;
  guint index, n;

  g_return_val_if_fail (BL_IS_CLAIM_LAYER (self), FALSE);

  store = bl_project_get_claims (bl_visible_claims_get_project (bl_claim_painter_get_visible (self->painter)));
  index = bl_claim_store_lookup (store, claim_id);
  if (index == BL_NO_INDEX)
    return FALSE;

  if (!self->frame_valid)
    update_clusters (self);
  if (self->clusters == NULL)
    return FALSE;

  list = bl_cluster_set_get_clusters (self->clusters, &n);
  for (guint i = 0; i < n; i++)
    if (list[i].n_claims == 1 && list[i].representative == index)
      {
        *x = list[i].x - self->frame.x;
        *y = list[i].y - self->frame.y;
        return TRUE;
      }

  return FALSE;
}

/**
 * bl_claim_layer_set_history:
 * @history: (nullable): where moves are recorded; without one, markers
 *   cannot be dragged
 */
void
bl_claim_layer_set_history (BlClaimLayer *self,
                            BlHistory    *history)
{
  g_return_if_fail (BL_IS_CLAIM_LAYER (self));
  g_return_if_fail (history == NULL || BL_IS_HISTORY (history));

  g_set_object (&self->history, history);
}
