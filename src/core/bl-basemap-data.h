/* bl-basemap-data.h — reader for the offline region basemap data
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BL_BASEMAP_COORD_SCALE:
 *
 * Coordinates are stored as integers in microdegrees: degrees =
 * value / %BL_BASEMAP_COORD_SCALE.
 */
#define BL_BASEMAP_COORD_SCALE 1000000.0

/**
 * BL_BASEMAP_MAX_BANDS:
 *
 * The largest number of zoom bands a basemap file may have.
 */
#define BL_BASEMAP_MAX_BANDS 8

/**
 * BlBasemapLayer:
 *
 * The layers of the basemap; features are stored grouped by layer, in this
 * order.
 */
typedef enum {
  BL_BASEMAP_LAYER_COUNTRY = 1,
  BL_BASEMAP_LAYER_PROVINCE,
  BL_BASEMAP_LAYER_DISPUTED,
  BL_BASEMAP_LAYER_RIVER,
  BL_BASEMAP_LAYER_LAKE,
  BL_BASEMAP_LAYER_PLACE,
} BlBasemapLayer;

#define BL_BASEMAP_N_LAYERS 6

/**
 * BlBasemapGeometry:
 * @BL_BASEMAP_GEOMETRY_POINT: a point (the label point); no parts
 * @BL_BASEMAP_GEOMETRY_LINES: parts are polylines
 * @BL_BASEMAP_GEOMETRY_POLYGONS: parts are rings (implicitly closed, not
 *   repeating the first point), to be filled with the even-odd rule
 */
typedef enum {
  BL_BASEMAP_GEOMETRY_POINT = 0,
  BL_BASEMAP_GEOMETRY_LINES,
  BL_BASEMAP_GEOMETRY_POLYGONS,
} BlBasemapGeometry;

typedef struct {
  double min_lon;
  double min_lat;
  double max_lon;
  double max_lat;
} BlBasemapBBox;

/**
 * BlBasemapFeature:
 * @layer: the layer
 * @geometry: the kind of geometry
 * @rank: importance, 0 the most important (meaning per layer: see
 *   docs/basemap-format.md)
 * @code: stable code, unique within the layer (ISO 3166-1 alpha-2 for
 *   countries, ISO 3166-2 for provinces, …); never %NULL
 * @name: English (or as-given) name, may be ""
 * @name_alt: alternative name (ISO name, ISO alpha-3, …), may be ""
 * @name_ru: Russian name, may be ""
 * @name_fa: Persian name, may be ""
 * @parent: code of the containing country or province, may be ""
 * @admin: source administrative code (FIPS, GeoNames admin codes), may be ""
 * @bbox: bounding box, in degrees
 * @label_lon: longitude of the label point, in degrees
 * @label_lat: latitude of the label point, in degrees
 *
 * A feature. Strings are valid UTF-8 and live as long as the
 * #BlBasemapData they come from.
 */
typedef struct {
  BlBasemapLayer layer;
  BlBasemapGeometry geometry;
  guint rank;
  const char *code;
  const char *name;
  const char *name_alt;
  const char *name_ru;
  const char *name_fa;
  const char *parent;
  const char *admin;
  BlBasemapBBox bbox;
  double label_lon;
  double label_lat;

  /*< private >*/
  guint32 first_part[BL_BASEMAP_MAX_BANDS];
  guint32 n_parts[BL_BASEMAP_MAX_BANDS];
} BlBasemapFeature;

typedef struct _BlBasemapData BlBasemapData;

BlBasemapData          *bl_basemap_data_new_from_bytes     (GBytes                 *bytes,
                                                            GError                **error);
BlBasemapData          *bl_basemap_data_new_from_file      (const char             *path,
                                                            GError                **error);
BlBasemapData          *bl_basemap_data_ref                (BlBasemapData          *self);
void                    bl_basemap_data_unref              (BlBasemapData          *self);

void                    bl_basemap_data_get_region         (BlBasemapData          *self,
                                                            BlBasemapBBox          *region);

guint                   bl_basemap_data_get_n_bands        (BlBasemapData          *self);
void                    bl_basemap_data_get_band_zoom_range (BlBasemapData         *self,
                                                            guint                   band,
                                                            guint                  *min_zoom,
                                                            guint                  *max_zoom);
guint                   bl_basemap_data_get_band_for_zoom  (BlBasemapData          *self,
                                                            double                  zoom);

guint                   bl_basemap_data_get_n_features     (BlBasemapData          *self);
const BlBasemapFeature *bl_basemap_data_get_feature        (BlBasemapData          *self,
                                                            guint                   index);
const BlBasemapFeature *bl_basemap_data_get_layer          (BlBasemapData          *self,
                                                            BlBasemapLayer          layer,
                                                            guint                  *n_features);
const BlBasemapFeature *bl_basemap_data_lookup             (BlBasemapData          *self,
                                                            BlBasemapLayer          layer,
                                                            const char             *code);
const BlBasemapFeature *bl_basemap_data_lookup_province    (BlBasemapData          *self,
                                                            const char             *code);

guint                   bl_basemap_feature_get_n_parts     (BlBasemapData          *self,
                                                            const BlBasemapFeature *feature,
                                                            guint                   band);
const gint32           *bl_basemap_feature_get_part        (BlBasemapData          *self,
                                                            const BlBasemapFeature *feature,
                                                            guint                   band,
                                                            guint                   part,
                                                            gsize                  *n_points);
double                 *bl_basemap_feature_dup_part_lonlat (BlBasemapData          *self,
                                                            const BlBasemapFeature *feature,
                                                            guint                   band,
                                                            guint                   part,
                                                            gsize                  *n_points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlBasemapData, bl_basemap_data_unref)

G_END_DECLS
