/* bl-claim-painter.h — how claims look on a map, on screen and in exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

#include "bl-basemap-renderer.h"
#include "bl-cluster.h"
#include "bl-visible-claims.h"

G_BEGIN_DECLS

/**
 * BlColorBy:
 * @BL_COLOR_BY_TOPIC: a marker's colour says its topic
 * @BL_COLOR_BY_CLAIMANT: a marker's colour says who made the claim
 */
typedef enum {
  BL_COLOR_BY_TOPIC,
  BL_COLOR_BY_CLAIMANT,
} BlColorBy;

/**
 * BlMapFrame:
 * @zoom: the zoom level, possibly fractional
 * @x: the left edge, in world pixels at @zoom
 * @y: the top edge, in world pixels at @zoom
 * @width: the width drawn, in map pixels
 * @height: the height drawn, in map pixels
 * @scale: how big a map pixel is on the target (1 on screen; 300/96 for a
 *   print at 300 dpi): markers, lines and text grow with it
 *
 * The part of the world a painter draws, and at what size.
 */
typedef struct {
  double zoom;
  double x;
  double y;
  double width;
  double height;
  double scale;
} BlMapFrame;

/* The radius of a single claim's marker, in map pixels at scale 1. */
#define BL_CLAIM_MARKER_RADIUS 7.0

/**
 * BlLegendEntry:
 * @label: what the entry means, for people (translated; names as given)
 * @is_color: %TRUE for a colour swatch, %FALSE for a marker shape
 * @rgba: the colour
 * @stance: the shape, for a shape entry
 *
 * One line of a map's legend.
 */
typedef struct {
  char     *label;
  gboolean  is_color;
  double    rgba[4];
  BlStance  stance;
} BlLegendEntry;

void bl_legend_entry_free (BlLegendEntry *entry);
void bl_claim_palette_get (guint32        key,
                           double         rgba[4]);

/**
 * BlClaimMark:
 * @x: the centre, in frame pixels (scaled)
 * @y: the centre, in frame pixels (scaled)
 * @n_claims: 1 for a single claim's marker; more for a cluster's disc
 * @stance: a single claim's stance: the marker's shape
 * @credibility: a single claim's information credibility: the outline
 * @rgba: the fill colour
 *
 * How one cluster of the map is drawn.
 */
typedef struct {
  double   x;
  double   y;
  guint    n_claims;
  BlStance stance;
  guint    credibility;
  double   rgba[4];
} BlClaimMark;

/* Colours stand for at most this many topics or claimants; the legend
 * groups the rest as "others". */
#define BL_CLAIM_PAINTER_N_COLORS 8

#define BL_TYPE_CLAIM_PAINTER (bl_claim_painter_get_type ())
G_DECLARE_FINAL_TYPE (BlClaimPainter, bl_claim_painter, BL, CLAIM_PAINTER, GObject)

BlClaimPainter *bl_claim_painter_new              (BlVisibleClaims   *visible,
                                                   BlBasemapRenderer *basemap);
BlVisibleClaims *bl_claim_painter_get_visible     (BlClaimPainter    *self);
BlClusterer    *bl_claim_painter_get_clusterer    (BlClaimPainter    *self);
BlColorBy       bl_claim_painter_get_color_by     (BlClaimPainter    *self);
void            bl_claim_painter_set_color_by     (BlClaimPainter    *self,
                                                   BlColorBy          color_by);
void            bl_claim_painter_set_selected     (BlClaimPainter    *self,
                                                   const char        *claim_id);
void            bl_claim_painter_set_focused      (BlClaimPainter    *self,
                                                   int                cluster);

BlClusterSet   *bl_claim_painter_compute_clusters (BlClaimPainter    *self,
                                                   const BlMapFrame  *frame);
void            bl_claim_painter_paint            (BlClaimPainter    *self,
                                                   cairo_t           *cr,
                                                   const BlMapFrame  *frame,
                                                   BlClusterSet      *clusters);
void            bl_claim_painter_paint_areas      (BlClaimPainter    *self,
                                                   cairo_t           *cr,
                                                   const BlMapFrame  *frame);
void            bl_claim_painter_get_mark         (BlClaimPainter    *self,
                                                   const BlMapFrame  *frame,
                                                   const BlCluster   *cluster,
                                                   BlClaimMark       *mark);
void            bl_claim_painter_paint_overlay    (BlClaimPainter    *self,
                                                   cairo_t           *cr,
                                                   const BlMapFrame  *frame,
                                                   BlClusterSet      *clusters);

void            bl_claim_painter_get_color        (BlClaimPainter    *self,
                                                   guint32            key,
                                                   double             rgba[4]);
guint32         bl_claim_painter_get_key          (BlClaimPainter    *self,
                                                   guint              claim);
gboolean        bl_claim_painter_get_position     (BlClaimPainter    *self,
                                                   guint              claim,
                                                   double            *lat,
                                                   double            *lon);
GPtrArray      *bl_claim_painter_get_legend       (BlClaimPainter    *self);
void            bl_claim_painter_draw_marker      (cairo_t           *cr,
                                                   double             x,
                                                   double             y,
                                                   double             scale,
                                                   BlStance           stance,
                                                   guint              credibility,
                                                   const double       rgba[4]);
void            bl_claim_painter_draw_cluster     (cairo_t           *cr,
                                                   double             x,
                                                   double             y,
                                                   double             scale,
                                                   guint              count,
                                                   const double       rgba[4]);

/* How one claim or cluster looks (bl-claim-shapes.c) */
double          bl_claim_painter_get_cluster_radius (guint            count,
                                                   double             scale);
void            bl_claim_painter_draw_cluster_disc (cairo_t          *cr,
                                                   double             x,
                                                   double             y,
                                                   double             r,
                                                   double             scale,
                                                   const double       rgba[4]);
void            bl_claim_painter_set_count_text   (PangoLayout       *layout,
                                                   guint              count,
                                                   double             scale);
void            bl_claim_painter_draw_count       (cairo_t           *cr,
                                                   double             x,
                                                   double             y,
                                                   double             scale,
                                                   guint              count);

G_END_DECLS
