/* bl-map-view.c — the map: a basemap, layers above it, and its controls
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlMapView wraps a ShumateSimpleMap (basemap, zoom buttons, scale bar and
 * credits) with what Borderline adds around it: a home button that brings
 * back the border region, a base-map menu, keyboard zoom and pan, and a
 * position and zoom that are remembered between runs.
 *
 * Which base map is shown, and the layers drawn above it (claims,
 * annotations), are set from outside: the map view knows nothing of
 * claims.
 *
 * Keys: + and - zoom, Ctrl+arrows pan, Home goes home. Plain arrows are
 * left to the layers (the claim layer moves between claims with them).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bl-map-view.h"

/* How far Ctrl+arrow pans, in pixels. */
#define PAN_STEP 120.0

struct _BlMapView
{
  GtkWidget         parent_instance;

  /* template widgets */
  GtkWidget        *overlay;
  ShumateSimpleMap *simple_map;
  GtkMenuButton    *layers_button;
  BlMapLegend      *legend;
  GtkWidget        *controls;

  /* owned */
  GSettings        *settings;
  guint             save_source;
};

G_DEFINE_FINAL_TYPE (BlMapView, bl_map_view, GTK_TYPE_WIDGET)

static gboolean
save_position (gpointer user_data)
{
  BlMapView *self = user_data;
  ShumateViewport *viewport = bl_map_view_get_viewport (self);

  self->save_source = 0;
  g_settings_set_double (self->settings, "map-latitude",
                         shumate_location_get_latitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-longitude",
                         shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
  g_settings_set_double (self->settings, "map-zoom", shumate_viewport_get_zoom_level (viewport));

  return G_SOURCE_REMOVE;
}

/* Saves the position once the map has been still for a moment, not on
 * every frame of a drag. */
static void
on_viewport_changed (BlMapView *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (500, save_position, self);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bl_map_view_go_home (BL_MAP_VIEW (widget));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlMapView *self = BL_MAP_VIEW (widget);
  ShumateMap *map = bl_map_view_get_map (self);

  if (g_str_equal (action_name, "map.zoom-in"))
    shumate_map_zoom_in (map);
  else
    shumate_map_zoom_out (map);
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BlMapView *self = BL_MAP_VIEW (widget);
  ShumateViewport *viewport = bl_map_view_get_viewport (self);
  double dx, dy, lat, lon;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_variant_get (parameter, "(dd)", &dx, &dy);

  /* the point that will be the new centre */
  shumate_viewport_widget_coords_to_location (viewport, widget,
                                              width / 2.0 + dx * PAN_STEP,
                                              height / 2.0 + dy * PAN_STEP,
                                              &lat, &lon);
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 CLAMP (lat, SHUMATE_MIN_LATITUDE, SHUMATE_MAX_LATITUDE),
                                 CLAMP (lon, SHUMATE_MIN_LONGITUDE, SHUMATE_MAX_LONGITUDE));
}

static void
bl_map_view_dispose (GObject *object)
{
  BlMapView *self = BL_MAP_VIEW (object);

  if (self->save_source != 0)
    {
      g_clear_handle_id (&self->save_source, g_source_remove);
      save_position (self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_MAP_VIEW);

  G_OBJECT_CLASS (bl_map_view_parent_class)->dispose (object);
}

static void
bl_map_view_finalize (GObject *object)
{
  BlMapView *self = BL_MAP_VIEW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bl_map_view_parent_class)->finalize (object);
}

static void
bl_map_view_class_init (BlMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_map_view_dispose;
  object_class->finalize = bl_map_view_finalize;

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  g_type_ensure (BL_TYPE_MAP_LEGEND);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/borderline/Borderline/bl-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BlMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, BlMapView, simple_map);
  gtk_widget_class_bind_template_child (widget_class, BlMapView, layers_button);
  gtk_widget_class_bind_template_child (widget_class, BlMapView, legend);
  gtk_widget_class_bind_template_child (widget_class, BlMapView, controls);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "map-view");

  gtk_widget_class_install_action (widget_class, "map.home", NULL, home_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.pan", "(dd)", pan_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "map.home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "map.pan", "(dd)", -1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, "map.pan", "(dd)", 1.0, 0.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, "map.pan", "(dd)", 0.0, -1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK, "map.pan", "(dd)", 0.0, 1.0);
}

/* libshumate 1.0's zoom buttons (inside the simple map, with no getter)
 * have icons only, and so no name for a screen reader: give each the
 * words of its action */
static void
name_zoom_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = NULL;

      if (GTK_IS_BUTTON (child))
        {
          GtkWidget *image = gtk_button_get_child (GTK_BUTTON (child));

          icon = GTK_IS_IMAGE (image) ? gtk_image_get_icon_name (GTK_IMAGE (image))
                                      : gtk_button_get_icon_name (GTK_BUTTON (child));
        }

      if (g_strcmp0 (icon, "zoom-in-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom In"), -1);
      else if (g_strcmp0 (icon, "zoom-out-symbolic") == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom Out"), -1);
      else
        name_zoom_buttons (child);
    }
}

static void
bl_map_view_init (BlMapView *self)
{
  ShumateViewport *viewport;
  double lat, lon, zoom;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->settings = g_settings_new (APP_ID);
  viewport = bl_map_view_get_viewport (self);

  lat = g_settings_get_double (self->settings, "map-latitude");
  lon = g_settings_get_double (self->settings, "map-longitude");
  zoom = g_settings_get_double (self->settings, "map-zoom");
  shumate_viewport_set_min_zoom_level (viewport, 3);
  shumate_viewport_set_max_zoom_level (viewport, 14);
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), lat, lon);

  g_signal_connect_object (viewport, "notify::latitude", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::longitude", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (viewport, "notify::zoom-level", G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map"),
                                  -1);
  name_zoom_buttons (GTK_WIDGET (self->simple_map));
}

GtkWidget *
bl_map_view_new (void)
{
  return g_object_new (BL_TYPE_MAP_VIEW, NULL);
}

/**
 * bl_map_view_get_map:
 *
 * Returns: (transfer none): the map widget
 */
ShumateMap *
bl_map_view_get_map (BlMapView *self)
{
  g_return_val_if_fail (BL_IS_MAP_VIEW (self), NULL);
  return shumate_simple_map_get_map (self->simple_map);
}

/**
 * bl_map_view_get_viewport:
 *
 * Returns: (transfer none): where the map looks
 */
ShumateViewport *
bl_map_view_get_viewport (BlMapView *self)
{
  g_return_val_if_fail (BL_IS_MAP_VIEW (self), NULL);
  return shumate_simple_map_get_viewport (self->simple_map);
}

/**
 * bl_map_view_get_base_source:
 *
 * Returns: (transfer none) (nullable): the base map shown
 */
ShumateMapSource *
bl_map_view_get_base_source (BlMapView *self)
{
  g_return_val_if_fail (BL_IS_MAP_VIEW (self), NULL);
  return shumate_simple_map_get_map_source (self->simple_map);
}

/**
 * bl_map_view_set_base_source:
 * @source: the base map to show
 *
 * Shows @source under the layers; its credit appears on the map.
 */
void
bl_map_view_set_base_source (BlMapView        *self,
                             ShumateMapSource *source)
{
  g_return_if_fail (BL_IS_MAP_VIEW (self));
  g_return_if_fail (SHUMATE_IS_MAP_SOURCE (source));

  if (shumate_simple_map_get_map_source (self->simple_map) == source)
    return;

  shumate_simple_map_set_map_source (self->simple_map, source);
}

/**
 * bl_map_view_add_layer:
 * @layer: a layer drawn above the base map
 */
void
bl_map_view_add_layer (BlMapView    *self,
                       ShumateLayer *layer)
{
  g_return_if_fail (BL_IS_MAP_VIEW (self));
  g_return_if_fail (SHUMATE_IS_LAYER (layer));

  shumate_simple_map_add_overlay_layer (self->simple_map, layer);
}

/**
 * bl_map_view_remove_layer:
 * @layer: a layer added with bl_map_view_add_layer()
 */
void
bl_map_view_remove_layer (BlMapView    *self,
                          ShumateLayer *layer)
{
  g_return_if_fail (BL_IS_MAP_VIEW (self));
  g_return_if_fail (SHUMATE_IS_LAYER (layer));

  shumate_simple_map_remove_overlay_layer (self->simple_map, layer);
}

/**
 * bl_map_view_center_on:
 *
 * Moves the map, keeping its zoom, so that the point is in the middle.
 */
void
bl_map_view_center_on (BlMapView *self,
                       double     latitude,
                       double     longitude)
{
  g_return_if_fail (BL_IS_MAP_VIEW (self));

  shumate_map_center_on (bl_map_view_get_map (self), latitude, longitude);
}

/**
 * bl_map_view_shows:
 *
 * Returns: whether the point is in view, away from the edges
 */
gboolean
bl_map_view_shows (BlMapView *self,
                   double     latitude,
                   double     longitude)
{
  ShumateViewport *viewport;
  double x, y;
  int width, height;

  g_return_val_if_fail (BL_IS_MAP_VIEW (self), FALSE);

  viewport = bl_map_view_get_viewport (self);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), latitude, longitude, &x, &y);

  return x >= 40 && y >= 40 && x <= width - 40 && y <= height - 40;
}

/**
 * bl_map_view_go_home:
 *
 * Shows the border region: Kunduz, Badakhshan and Dushanbe.
 */
void
bl_map_view_go_home (BlMapView *self)
{
  ShumateViewport *viewport;

  g_return_if_fail (BL_IS_MAP_VIEW (self));

  viewport = bl_map_view_get_viewport (self);
  shumate_viewport_set_zoom_level (viewport, BL_MAP_HOME_ZOOM);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), BL_MAP_HOME_LATITUDE, BL_MAP_HOME_LONGITUDE);
}

/* y from 0 (north edge) to 1 (south edge) of the Web Mercator world */
static double
mercator_y (double latitude)
{
  double phi = latitude * G_PI / 180.0;

  return (1.0 - log (tan (phi) + 1.0 / cos (phi)) / G_PI) / 2.0;
}

/**
 * bl_map_view_go_to_extent:
 *
 * Zooms and centres the map so that the box fits in view.
 */
void
bl_map_view_go_to_extent (BlMapView *self,
                          double     west,
                          double     south,
                          double     east,
                          double     north)
{
  ShumateViewport *viewport;
  double width, height, zoom;
  double x1, y1, x2, y2;

  g_return_if_fail (BL_IS_MAP_VIEW (self));

  viewport = bl_map_view_get_viewport (self);
  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 64);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 64);

  /* the extent's size in world pixels at zoom 0, then the zoom that fits
   * it with a margin */
  x1 = (west + 180.0) / 360.0;
  x2 = (east + 180.0) / 360.0;
  y1 = (1.0 - log (tan (north * G_PI / 180.0) + 1.0 / cos (north * G_PI / 180.0)) / G_PI) / 2.0;
  y2 = (1.0 - log (tan (south * G_PI / 180.0) + 1.0 / cos (south * G_PI / 180.0)) / G_PI) / 2.0;

  zoom = MIN (log2 (width * 0.8 / (MAX (x2 - x1, 1e-9) * 256.0)),
              log2 (height * 0.8 / (MAX (y2 - y1, 1e-9) * 256.0)));
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));

  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport), (north + south) / 2.0, (west + east) / 2.0);
}

/**
 * bl_map_view_get_extent:
 * @west: (out): the longitude at the left edge
 * @south: (out): the latitude at the bottom edge
 * @east: (out): the longitude at the right edge
 * @north: (out): the latitude at the top edge
 *
 * The box the map shows, clamped to the world.
 *
 * Returns: %FALSE when the map has no size yet
 */
gboolean
bl_map_view_get_extent (BlMapView *self,
                        double    *west,
                        double    *south,
                        double    *east,
                        double    *north)
{
  GtkWidget *map;
  ShumateViewport *viewport;
  double lat1, lon1, lat2, lon2;
  int width, height;

  g_return_val_if_fail (BL_IS_MAP_VIEW (self), FALSE);

  map = GTK_WIDGET (bl_map_view_get_map (self));
  viewport = bl_map_view_get_viewport (self);
  width = gtk_widget_get_width (map);
  height = gtk_widget_get_height (map);
  if (width <= 0 || height <= 0)
    return FALSE;

  shumate_viewport_widget_coords_to_location (viewport, map, 0, 0, &lat1, &lon1);
  shumate_viewport_widget_coords_to_location (viewport, map, width, height, &lat2, &lon2);
  *west = CLAMP (MIN (lon1, lon2), -180, 180);
  *east = CLAMP (MAX (lon1, lon2), -180, 180);
  *south = CLAMP (MIN (lat1, lat2), SHUMATE_MIN_LATITUDE, SHUMATE_MAX_LATITUDE);
  *north = CLAMP (MAX (lat1, lat2), SHUMATE_MIN_LATITUDE, SHUMATE_MAX_LATITUDE);

  return *west < *east && *south < *north;
}

/**
 * bl_map_view_show_extent:
 *
 * Shows exactly the box, without the margin of bl_map_view_go_to_extent():
 * on a map of the same size, the box bl_map_view_get_extent() gave.
 * The box is centred; a map of another shape shows more on one side.
 */
void
bl_map_view_show_extent (BlMapView *self,
                         double     west,
                         double     south,
                         double     east,
                         double     north)
{
  ShumateViewport *viewport;
  double width, height, zoom, x1, x2, y1, y2, y;

  g_return_if_fail (BL_IS_MAP_VIEW (self));

  viewport = bl_map_view_get_viewport (self);
  width = MAX (gtk_widget_get_width (GTK_WIDGET (bl_map_view_get_map (self))), 64);
  height = MAX (gtk_widget_get_height (GTK_WIDGET (bl_map_view_get_map (self))), 64);

  x1 = (west + 180.0) / 360.0;
  x2 = (east + 180.0) / 360.0;
  y1 = mercator_y (north);
  y2 = mercator_y (south);

  zoom = MIN (log2 (width / (MAX (x2 - x1, 1e-9) * 256.0)),
              log2 (height / (MAX (y2 - y1, 1e-9) * 256.0)));
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (viewport),
                shumate_viewport_get_max_zoom_level (viewport));

  /* the middle in Mercator, which is not the middle latitude */
  y = (y1 + y2) / 2.0;
  shumate_viewport_set_zoom_level (viewport, zoom);
  shumate_location_set_location (SHUMATE_LOCATION (viewport),
                                 atan (sinh (G_PI * (1.0 - 2.0 * y))) * 180.0 / G_PI,
                                 (west + east) / 2.0);
}

/**
 * bl_map_view_set_menu_model:
 * @menu: the base-map menu
 */
void
bl_map_view_set_menu_model (BlMapView  *self,
                            GMenuModel *menu)
{
  g_return_if_fail (BL_IS_MAP_VIEW (self));

  gtk_menu_button_set_menu_model (self->layers_button, menu);
}

/**
 * bl_map_view_get_legend:
 *
 * Returns: (transfer none): the legend over the map
 */
BlMapLegend *
bl_map_view_get_legend (BlMapView *self)
{
  g_return_val_if_fail (BL_IS_MAP_VIEW (self), NULL);
  return self->legend;
}

/**
 * bl_map_view_add_control:
 * @control: a widget to show with the map's buttons (a toolbar)
 */
void
bl_map_view_add_control (BlMapView *self,
                         GtkWidget *control)
{
  g_return_if_fail (BL_IS_MAP_VIEW (self));
  g_return_if_fail (GTK_IS_WIDGET (control));

  gtk_box_append (GTK_BOX (self->controls), control);
}
