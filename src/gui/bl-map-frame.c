/* bl-map-frame.c — what a map layer shows, as a painter's frame
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The claim layer and the annotation layer draw through core painters
 * that take a #BlMapFrame (world pixels at a zoom level); these turn a
 * libshumate layer's viewport into one, and a point of the layer back
 * into longitude and latitude.
 */
#include "config.h"

#include <math.h>

#include "bl-map-frame.h"
#include "bl-spatial-index.h"

/**
 * bl_map_frame_for_layer:
 * @layer: a layer of a map
 * @frame: (out caller-allocates): where @layer looks: world pixels of its
 *   top-left corner at the viewport's zoom, and its size, at scale 1
 */
void
bl_map_frame_for_layer (ShumateLayer *layer,
                        BlMapFrame   *frame)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (layer);
  double cx, cy;

  frame->zoom = shumate_viewport_get_zoom_level (viewport);
  frame->width = gtk_widget_get_width (GTK_WIDGET (layer));
  frame->height = gtk_widget_get_height (GTK_WIDGET (layer));
  frame->scale = 1.0;

  bl_spatial_lonlat_to_world (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                              shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                              frame->zoom, &cx, &cy);
  frame->x = cx - frame->width / 2.0;
  frame->y = cy - frame->height / 2.0;
}

/**
 * bl_map_frame_to_lonlat:
 * @frame: a frame
 * @x: a point of the frame, in map pixels from its left edge
 * @y: likewise, from its top edge
 * @lon: (out): its longitude, within the world
 * @lat: (out): its latitude, within the projection's limits
 */
void
bl_map_frame_to_lonlat (const BlMapFrame *frame,
                        double            x,
                        double            y,
                        double           *lon,
                        double           *lat)
{
  double size = BL_SPATIAL_TILE_SIZE * exp2 (frame->zoom);

  bl_spatial_unit_to_lonlat (CLAMP ((frame->x + x) / size, 0.0, 1.0),
                             CLAMP ((frame->y + y) / size, 0.0, 1.0), lat, lon);
}
