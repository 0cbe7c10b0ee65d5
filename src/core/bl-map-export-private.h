/* bl-map-export-private.h — what the export renderer's files share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "bl-map-export.h"
#include "bl-projection.h"

G_BEGIN_DECLS

/* Text sizes, in logical pixels at type scale 1 */
#define BL_MAP_PAGE_TITLE_SIZE    28.0
#define BL_MAP_PAGE_SUBTITLE_SIZE 16.0
#define BL_MAP_PAGE_LEGEND_SIZE   12.5
#define BL_MAP_PAGE_HEADING_SIZE  11.0
#define BL_MAP_PAGE_SMALL_SIZE    11.0
#define BL_MAP_PAGE_MARK_SIZE     10.5

/* A rectangle in device pixels. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} BlPageBox;

/**
 * BlMapPage:
 *
 * One export being laid out and drawn. Sizes are in device pixels; @s
 * turns logical pixels into device pixels and @t is the type scale (text
 * shrinks on small pages).
 */
typedef struct {
  /* borrowed */
  BlProject                *project;
  BlVisibleClaims          *visible;
  const BlMapExportOptions *options;

  /* owned */
  BlBasemapRenderer        *basemap;     /* nullable */
  BlClaimPainter           *painter;
  cairo_surface_t          *measure_surface;
  cairo_t                  *measure;     /* text is measured here */
  cairo_font_options_t     *font_options;
  char                     *title;
  char                     *subtitle;
  GDateTime                *now;

  int                       width;
  int                       height;
  double                    s;
  double                    t;
  double                    margin;

  /* layout: what is drawn (small pages drop the optional parts) */
  gboolean                  has_title;
  gboolean                  has_subtitle;
  gboolean                  has_timeline;
  gboolean                  has_attribution;
  gboolean                  has_citations;
  gboolean                  has_footer;
  BlPageBox                 header;
  BlPageBox                 map;
  BlPageBox                 timeline;
  BlPageBox                 attribution;
  BlPageBox                 citations;
  BlPageBox                 footer;
  guint                     citation_columns;
  guint                     citation_rows;

  /* the room left beside the map when it was narrowed to the basemap's
   * region, and whether the legend goes there */
  double                    room_beside;
  gboolean                  legend_beside;

  /* the map */
  BlMapFrame                frame;
  double                    west, south, east, north;   /* of the map area */
  BlClusterSet             *clusters;    /* owned by the painter */

  /* the sources of the claims in view, in project order (guint32), and
   * source index + 1 → its number in that list, from 1 */
  GArray                   *cited_sources;
  GHashTable               *source_numbers;
} BlMapPage;

/* The page's colours */
extern const double bl_map_page_ink[3];
extern const double bl_map_page_ink_muted[3];
extern const double bl_map_page_rule[3];
extern const double bl_map_page_accent[3];

/* bl-map-export-layout.c */
double       bl_map_page_unit             (BlMapPage    *page,
                                           double        logical);
PangoLayout *bl_map_page_layout           (BlMapPage    *page,
                                           cairo_t      *cr,
                                           const char   *text,
                                           double        size,
                                           PangoWeight   weight,
                                           double        width,
                                           int           max_lines);
double       bl_map_page_layout_height    (PangoLayout  *layout);
double       bl_map_page_layout_width     (PangoLayout  *layout);
double       bl_map_page_text_height      (BlMapPage    *page,
                                           const char   *text,
                                           double        size,
                                           PangoWeight   weight,
                                           double        width,
                                           int           max_lines);
void         bl_map_page_show_layout      (cairo_t      *cr,
                                           PangoLayout  *layout,
                                           double        x,
                                           double        y,
                                           const double  rgb[3]);
void         bl_map_page_measure          (BlMapPage    *page);
void         bl_map_page_draw_header      (BlMapPage    *page,
                                           cairo_t      *cr);
void         bl_map_page_draw_timeline    (BlMapPage    *page,
                                           cairo_t      *cr);
void         bl_map_page_draw_attribution (BlMapPage    *page,
                                           cairo_t      *cr);
void         bl_map_page_draw_citations   (BlMapPage    *page,
                                           cairo_t      *cr);
void         bl_map_page_draw_citation_marks (BlMapPage *page,
                                           cairo_t      *cr);
void         bl_map_page_draw_footer      (BlMapPage    *page,
                                           cairo_t      *cr);
guint        bl_map_page_count_cited_sources (BlMapPage *page);

/* bl-map-export-furniture.c */
void         bl_map_page_place_legend     (BlMapPage    *page);
void         bl_map_page_draw_overlays    (BlMapPage    *page,
                                           cairo_t      *cr);

/* bl-map-export.c */
char        *bl_map_page_format_day       (gint32        day);
gboolean     bl_map_page_init             (BlMapPage                *page,
                                           BlProject                *project,
                                           BlVisibleClaims          *visible,
                                           BlBasemapRenderer        *basemap,
                                           const BlMapExportOptions *options,
                                           GError                  **error);
gboolean     bl_map_page_render           (BlMapPage    *page,
                                           cairo_t      *cr,
                                           GError      **error);
void         bl_map_page_clear            (BlMapPage    *page);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BlMapPage, bl_map_page_clear)

G_END_DECLS
