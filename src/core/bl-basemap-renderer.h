/* bl-basemap-renderer.h — cairo renderer of the offline basemap
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cairo.h>

#include "bl-basemap-data.h"

G_BEGIN_DECLS

/**
 * BlBasemapColor:
 *
 * A colour with straight (not premultiplied) alpha, components 0–1.
 */
typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} BlBasemapColor;

/**
 * BlBasemapStyle:
 * @background: outside the data region (and the whole map without data)
 * @land: land inside the region
 * @land_focus: Afghanistan and Tajikistan
 * @water: lakes
 * @river: rivers
 * @water_label: names of rivers and lakes
 * @border: international borders
 * @border_casing: the soft band under international borders
 * @focus_band: the highlight along the Afghan–Tajik border
 * @province_border: first-level division borders
 * @disputed: disputed lines
 * @country_label: country names
 * @country_label_minor: names of the countries around the focus
 * @province_label: province names
 * @place_label: place names
 * @place_dot: place symbols
 * @halo: label halos
 * @font_family: a Pango family list
 *
 * The colours and font of the basemap. The default is a light atlas style;
 * a dark style only needs another table.
 */
typedef struct {
  BlBasemapColor background;
  BlBasemapColor land;
  BlBasemapColor land_focus;
  BlBasemapColor water;
  BlBasemapColor river;
  BlBasemapColor water_label;
  BlBasemapColor border;
  BlBasemapColor border_casing;
  BlBasemapColor focus_band;
  BlBasemapColor province_border;
  BlBasemapColor disputed;
  BlBasemapColor country_label;
  BlBasemapColor country_label_minor;
  BlBasemapColor province_label;
  BlBasemapColor place_label;
  BlBasemapColor place_dot;
  BlBasemapColor halo;
  const char *font_family;
} BlBasemapStyle;

/**
 * BlBasemapLabelKind:
 *
 * What a label names.
 */
typedef enum {
  BL_BASEMAP_LABEL_COUNTRY,
  BL_BASEMAP_LABEL_PROVINCE,
  BL_BASEMAP_LABEL_PLACE,
  BL_BASEMAP_LABEL_WATER,
} BlBasemapLabelKind;

/**
 * BlBasemapLabelInfo:
 * @kind: what the label names
 * @feature: the feature named
 * @text: the text drawn (may differ from the feature's name: case,
 *   language)
 * @x: left of the label's box (text and halo), in pixels from the left
 *   of the tile (256 per tile, whatever the scale factor)
 * @y: top of the box, from the top of the tile
 * @width: width of the box
 * @height: height of the box
 *
 * A placed label, as bl_basemap_renderer_list_tile_labels() reports it.
 * The strings and the feature belong to the renderer.
 */
typedef struct {
  BlBasemapLabelKind kind;
  const BlBasemapFeature *feature;
  const char *text;
  double x;
  double y;
  double width;
  double height;
} BlBasemapLabelInfo;

/**
 * BL_BASEMAP_RENDERER_MAX_ZOOM:
 *
 * The largest tile zoom level the renderer draws.
 */
#define BL_BASEMAP_RENDERER_MAX_ZOOM 18

typedef struct _BlBasemapRenderer BlBasemapRenderer;

const BlBasemapStyle *bl_basemap_style_get_default            (void);

BlBasemapRenderer    *bl_basemap_renderer_new                 (BlBasemapData         *data);
BlBasemapRenderer    *bl_basemap_renderer_new_full            (BlBasemapData         *data,
                                                               const BlBasemapStyle  *style,
                                                               const char            *language);
BlBasemapRenderer    *bl_basemap_renderer_ref                 (BlBasemapRenderer     *self);
void                  bl_basemap_renderer_unref               (BlBasemapRenderer     *self);

BlBasemapData        *bl_basemap_renderer_get_data            (BlBasemapRenderer     *self);
const BlBasemapStyle *bl_basemap_renderer_get_style           (BlBasemapRenderer     *self);
const char           *bl_basemap_renderer_get_language        (BlBasemapRenderer     *self);

gboolean              bl_basemap_renderer_render_tile         (BlBasemapRenderer     *self,
                                                               cairo_t               *cr,
                                                               guint                  zoom,
                                                               guint                  x,
                                                               guint                  y,
                                                               double                 scale_factor);
gboolean              bl_basemap_renderer_render_extent       (BlBasemapRenderer     *self,
                                                               cairo_t               *cr,
                                                               double                 west,
                                                               double                 south,
                                                               double                 east,
                                                               double                 north,
                                                               int                    width,
                                                               int                    height,
                                                               double                 zoom_hint);

void                  bl_basemap_renderer_prepare_zoom        (BlBasemapRenderer     *self,
                                                               guint                  zoom);
GArray               *bl_basemap_renderer_list_tile_labels    (BlBasemapRenderer     *self,
                                                               guint                  zoom,
                                                               guint                  x,
                                                               guint                  y);
gboolean              bl_basemap_renderer_get_label_point     (BlBasemapRenderer     *self,
                                                               const char            *area_code,
                                                               double                *lon,
                                                               double                *lat);
const BlBasemapFeature *bl_basemap_renderer_lookup_area       (BlBasemapRenderer     *self,
                                                               const char            *area_code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlBasemapRenderer, bl_basemap_renderer_unref)

G_END_DECLS
