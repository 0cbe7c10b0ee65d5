/* bl-map-view.h — the map: a basemap, layers above it, and its controls
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "bl-map-legend.h"

G_BEGIN_DECLS

/* The home view: Kunduz, Badakhshan and Dushanbe in view. */
#define BL_MAP_HOME_LATITUDE  37.55
#define BL_MAP_HOME_LONGITUDE 69.6
#define BL_MAP_HOME_ZOOM      7.0

#define BL_TYPE_MAP_VIEW (bl_map_view_get_type ())
G_DECLARE_FINAL_TYPE (BlMapView, bl_map_view, BL, MAP_VIEW, GtkWidget)

GtkWidget        *bl_map_view_new             (void);
ShumateMap       *bl_map_view_get_map         (BlMapView        *self);
ShumateViewport  *bl_map_view_get_viewport    (BlMapView        *self);
ShumateMapSource *bl_map_view_get_base_source (BlMapView        *self);
void              bl_map_view_set_base_source (BlMapView        *self,
                                               ShumateMapSource *source);
void              bl_map_view_add_layer       (BlMapView        *self,
                                               ShumateLayer     *layer);
void              bl_map_view_remove_layer    (BlMapView        *self,
                                               ShumateLayer     *layer);
void              bl_map_view_go_home         (BlMapView        *self);
void              bl_map_view_center_on       (BlMapView        *self,
                                               double            latitude,
                                               double            longitude);
gboolean          bl_map_view_shows           (BlMapView        *self,
                                               double            latitude,
                                               double            longitude);
void              bl_map_view_go_to_extent    (BlMapView        *self,
                                               double            west,
                                               double            south,
                                               double            east,
                                               double            north);
gboolean          bl_map_view_get_extent      (BlMapView        *self,
                                               double           *west,
                                               double           *south,
                                               double           *east,
                                               double           *north);
void              bl_map_view_show_extent     (BlMapView        *self,
                                               double            west,
                                               double            south,
                                               double            east,
                                               double            north);
BlMapLegend      *bl_map_view_get_legend      (BlMapView        *self);
void              bl_map_view_add_control     (BlMapView        *self,
                                               GtkWidget        *control);
void              bl_map_view_set_menu_model  (BlMapView        *self,
                                               GMenuModel       *menu);

G_END_DECLS
