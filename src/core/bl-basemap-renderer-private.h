/* bl-basemap-renderer-private.h — what the basemap renderer's files share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "bl-basemap-renderer.h"

G_BEGIN_DECLS

/* A box in world pixels (of zoom 0 for geometry, of a label zoom for
 * labels); x grows east, y south. */
typedef struct {
  double x0;
  double y0;
  double x1;
  double y1;
} BlBox;

/* The kinds of stroked lines, in drawing order. */
typedef enum {
  BL_LINE_PROVINCE,
  BL_LINE_RIVER,
  BL_LINE_DISPUTED,
  BL_LINE_COUNTRY,
  BL_LINE_FOCUS,                /* the Afghan–Tajik border */
  BL_N_LINE_KINDS
} BlLineKind;

/* A polyline of one band; its points are in BlGeometryBand.xy from @first,
 * with their distance along the line in BlGeometryBand.cum (for dashes
 * that continue across tiles). */
typedef struct {
  BlLineKind kind;
  guint rank;
  const BlBasemapFeature *feature;   /* NULL for borders */
  guint first;
  guint n;
  BlBox box;
} BlLine;

typedef struct {
  guint first;
  guint n;
  BlBox box;
} BlRing;

/* A polygon feature: rings[first_ring .. first_ring + n_rings). */
typedef struct {
  const BlBasemapFeature *feature;
  guint first_ring;
  guint n_rings;
  BlBox box;
} BlArea;

/* Everything drawn in one band, in zoom-0 world pixels. */
typedef struct {
  GArray *xy;                  /* double pairs */
  GArray *cum;                 /* double per point: length along its line */
  GArray *lines;               /* BlLine, sorted by kind */
  GArray *rings;               /* BlRing */
  GArray *countries;           /* BlArea */
  GArray *lakes;               /* BlArea */
} BlGeometryBand;

/* How a surface maps onto the world. Device pixel = world-0 × k − origin. */
typedef struct {
  double zoom;                 /* the zoom whose look is drawn */
  double k;                    /* device pixels per zoom-0 world pixel */
  double ox;
  double oy;
  double scale;                /* device pixels per logical pixel */
  double width;                /* device pixels */
  double height;
  guint band;
  guint label_zoom;
  double label_k;              /* device pixels per label-zoom world pixel */
} BlView;

/* One placed label. Offsets are logical pixels from the anchor. */
typedef struct {
  BlBasemapLabelKind kind;
  guint8 color;                /* BlLabelColor */
  guint8 dot;                  /* BlDotStyle */
  const BlBasemapFeature *feature;
  const char *text;
  double ax;                   /* anchor, world pixels at the label zoom */
  double ay;
  BlBox box;                   /* text and halo, relative to the anchor */
  double tx;                   /* text origin, relative to the anchor */
  double ty;
  double halo;                 /* halo line width */
  double dot_radius;
  const cairo_path_t *path;    /* glyph outlines at the text origin */
} BlLabel;

typedef struct {
  guint zoom;
  guint n_labels;
  BlLabel *labels;
  double seconds;              /* time it took to place them */
} BlLabelSet;

typedef enum {
  BL_DOT_NONE,
  BL_DOT_TOWN,
  BL_DOT_CENTRE,
  BL_DOT_CAPITAL,
} BlDotStyle;

typedef enum {
  BL_LABEL_COLOR_COUNTRY,
  BL_LABEL_COLOR_COUNTRY_MINOR,
  BL_LABEL_COLOR_PROVINCE,
  BL_LABEL_COLOR_PLACE,
  BL_LABEL_COLOR_WATER,
} BlLabelColor;

struct _BlBasemapRenderer {
  gatomicrefcount ref_count;

  /* owned, immutable after construction */
  BlBasemapData *data;                 /* NULL: background only */
  BlBasemapStyle style;
  char *font_family;
  char *language;
  BlBox region;                        /* zoom-0 world pixels */
  guint n_bands;
  BlGeometryBand bands[BL_BASEMAP_MAX_BANDS];

  /* labels: placed lazily per zoom, under label_lock */
  GMutex label_lock;
  BlLabelSet *label_sets[BL_BASEMAP_RENDERER_MAX_ZOOM + 1];  /* atomic */
  PangoFontMap *font_map;
  PangoContext *pango;
  cairo_surface_t *measure_surface;
  cairo_t *measure_cr;
  GHashTable *path_cache;              /* key string → cairo_path_t */
  GStringChunk *strings;
};

static inline gboolean
bl_box_intersects (const BlBox *a,
                   const BlBox *b)
{
  return a->x0 <= b->x1 && b->x0 <= a->x1 && a->y0 <= b->y1 && b->y0 <= a->y1;
}

static inline void
bl_box_add_point (BlBox  *box,
                  double  x,
                  double  y)
{
  box->x0 = MIN (box->x0, x);
  box->y0 = MIN (box->y0, y);
  box->x1 = MAX (box->x1, x);
  box->y1 = MAX (box->y1, y);
}

#define BL_BOX_EMPTY ((BlBox) { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE })

/* bl-basemap-renderer.c */
void                bl_basemap_project        (double                 lon,
                                               double                 lat,
                                               double                *x,
                                               double                *y);
void                bl_geometry_band_add_line (BlGeometryBand        *g,
                                               BlLineKind             kind,
                                               guint                  rank,
                                               const BlBasemapFeature *feature,
                                               const gint32          *lonlat,
                                               gsize                  n_points);

/* bl-basemap-borders.c */
void                bl_basemap_build_borders  (BlBasemapData         *data,
                                               guint                  band,
                                               BlGeometryBand        *g);

/* bl-basemap-labels.c */
void                bl_basemap_labels_init    (BlBasemapRenderer     *self);
void                bl_basemap_labels_clear   (BlBasemapRenderer     *self);
const BlLabelSet   *bl_basemap_labels_get     (BlBasemapRenderer     *self,
                                               guint                  zoom);
void                bl_basemap_labels_draw    (BlBasemapRenderer     *self,
                                               cairo_t               *cr,
                                               const BlView          *view);
GArray             *bl_basemap_labels_list    (BlBasemapRenderer     *self,
                                               const BlView          *view);

G_END_DECLS
