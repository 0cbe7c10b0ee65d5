/* bl-map-export.h — an annotated map of the claims, as PNG, SVG or PDF
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export renderer: a page with a title, the map (basemap, claims,
 * selected areas, annotations) and its furniture (legend, scale bar,
 * north arrow, inset locator, attribution, optional citations and
 * timeline strip, footer), drawn with cairo and Pango on any surface.
 * The map's layers are drawn by the same code as the window's
 * (bl_basemap_renderer_render_extent(), #BlClaimPainter), so an export
 * shows what the screen showed, at the export's resolution.
 *
 * Exporting a project's claims as data (GeoJSON, CSV, KML) is bl-export.h.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "bl-basemap-renderer.h"
#include "bl-claim-painter.h"
#include "bl-project.h"
#include "bl-visible-claims.h"

G_BEGIN_DECLS

/**
 * BlMapExportFormat:
 * @BL_MAP_EXPORT_PNG: a PNG image of @width × @height pixels
 * @BL_MAP_EXPORT_SVG: an SVG document of (@width / @scale) × (@height /
 *   @scale) CSS pixels, vector, text as outlines
 * @BL_MAP_EXPORT_PDF: a one-page PDF, vector, fonts embedded, the page
 *   @width × @height pixels at 96 × @scale dots per inch
 */
typedef enum {
  BL_MAP_EXPORT_PNG,
  BL_MAP_EXPORT_SVG,
  BL_MAP_EXPORT_PDF,
  BL_N_MAP_EXPORT_FORMATS
} BlMapExportFormat;

/* The smallest and largest side of an export, in pixels. */
#define BL_MAP_EXPORT_MIN_SIZE 16
#define BL_MAP_EXPORT_MAX_SIZE 20000

/* The most pixels a PNG may have (a 20000 × 12500 image, 1 GB while it
 * is drawn). */
#define BL_MAP_EXPORT_MAX_PIXELS 250000000.0

/* The range of the scale factor. */
#define BL_MAP_EXPORT_MIN_SCALE 0.25
#define BL_MAP_EXPORT_MAX_SCALE 16.0

/* What is shown when there is nothing to frame: northern Afghanistan and
 * the Afghan–Tajik border. */
#define BL_MAP_EXPORT_HOME_WEST  66.0
#define BL_MAP_EXPORT_HOME_SOUTH 34.5
#define BL_MAP_EXPORT_HOME_EAST  75.0
#define BL_MAP_EXPORT_HOME_NORTH 40.0

/**
 * BlMapExportOptions:
 * @format: the file format (for bl_map_export_to_file() and
 *   bl_map_export_to_bytes())
 * @width: the page's width in device pixels
 * @height: the page's height in device pixels
 * @scale: device pixels per logical (screen) pixel: 2 for a HiDPI image,
 *   300 / 96 for a print at 300 dpi. Markers, lines and text are as big,
 *   relative to the map, as on a screen of that scale; the basemap shows
 *   the look (label density) of the zoom a screen would have
 * @west: the area to show, in degrees; %NAN in any of the four to frame
 *   the visible claims with a margin (or, if none has a position, the
 *   home region)
 * @south: see @west
 * @east: see @west
 * @north: see @west
 * @title: (nullable): the title; %NULL for the project's title
 * @subtitle: (nullable): the subtitle; %NULL for the topic and the time
 *   window in words ("ISIS-K near the Tajik border · 14 February 2023 –
 *   31 March 2023")
 * @language: (nullable): the language of the basemap's names ("en",
 *   "ru", "fa"); %NULL for the renderer's
 * @selected_claim: (nullable): the id of a claim to draw selected (its
 *   areas outlined, its relations drawn)
 * @color_by: what the markers' colours say
 * @show_legend: draw the legend
 * @show_scale_bar: draw the scale bar
 * @show_north_arrow: draw the north arrow
 * @show_inset: draw the inset locator map
 * @show_citations: list the sources of the claims in view, numbered, and
 *   put the numbers next to the markers
 * @show_timeline: draw a histogram of the visible claims over the window
 * @show_footer: draw the footer (export date, project)
 * @show_annotations: draw the project's annotations
 * @now: (nullable): the export time for the footer and the metadata;
 *   %NULL for now
 *
 * What to export and how. Fill with bl_map_export_options_init() first;
 * the strings are borrowed.
 */
typedef struct {
  BlMapExportFormat  format;
  int                width;
  int                height;
  double             scale;
  double             west;
  double             south;
  double             east;
  double             north;
  const char        *title;
  const char        *subtitle;
  const char        *language;
  const char        *selected_claim;
  BlColorBy          color_by;
  gboolean           show_legend;
  gboolean           show_scale_bar;
  gboolean           show_north_arrow;
  gboolean           show_inset;
  gboolean           show_citations;
  gboolean           show_timeline;
  gboolean           show_footer;
  gboolean           show_annotations;
  GDateTime         *now;
} BlMapExportOptions;

void        bl_map_export_options_init      (BlMapExportOptions        *options);
gboolean    bl_map_export_format_for_path   (const char                *path,
                                             BlMapExportFormat         *format);
const char *bl_map_export_format_get_extension (BlMapExportFormat       format);

gboolean    bl_map_export_get_map_frame     (BlProject                 *project,
                                             BlVisibleClaims           *visible,
                                             BlBasemapRenderer         *basemap,
                                             const BlMapExportOptions  *options,
                                             BlMapFrame                *frame,
                                             double                    *map_x,
                                             double                    *map_y,
                                             GError                   **error);
void        bl_map_export_lonlat_to_page    (const BlMapFrame          *frame,
                                             double                     map_x,
                                             double                     map_y,
                                             double                     lon,
                                             double                     lat,
                                             double                    *x,
                                             double                    *y);

gboolean    bl_map_export_render            (BlProject                 *project,
                                             BlVisibleClaims           *visible,
                                             BlBasemapRenderer         *basemap,
                                             const BlMapExportOptions  *options,
                                             cairo_t                   *cr,
                                             GError                   **error);
GBytes     *bl_map_export_to_bytes          (BlProject                 *project,
                                             BlVisibleClaims           *visible,
                                             BlBasemapRenderer         *basemap,
                                             const BlMapExportOptions  *options,
                                             GError                   **error);
GBytes     *bl_map_export_to_png_bytes      (BlProject                 *project,
                                             BlVisibleClaims           *visible,
                                             BlBasemapRenderer         *basemap,
                                             const BlMapExportOptions  *options,
                                             GError                   **error);
gboolean    bl_map_export_to_file           (BlProject                 *project,
                                             BlVisibleClaims           *visible,
                                             BlBasemapRenderer         *basemap,
                                             const BlMapExportOptions  *options,
                                             const char                *path,
                                             GError                   **error);

G_END_DECLS
