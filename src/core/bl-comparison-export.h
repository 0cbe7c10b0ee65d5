/* bl-comparison-export.h — the comparison as a table and as a chart
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a #BlComparison as a table (CSV for tools, Markdown for reports)
 * and draws it as a chart: every figure on one vertical axis, claims in
 * columns ordered by the date they were said, a range bar for a range, a
 * dot for a stated figure, an arrow for an open range ("at least"), and
 * a red ✕ at the figures a denial denies. The GTK panel draws the same
 * chart with bl_comparison_chart_draw() in its snapshot, with colours from
 * its CSS in a #BlChartStyle.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "bl-comparison.h"

G_BEGIN_DECLS

/**
 * BlTableFormat:
 * @BL_TABLE_CSV: RFC 4180 CSV, CRLF, formula-safe; stable English headers
 *   (see bl_comparison_table_to_bytes())
 * @BL_TABLE_MARKDOWN: a Markdown document: title, summary, a table, origins
 */
typedef enum {
  BL_TABLE_CSV,
  BL_TABLE_MARKDOWN,
} BlTableFormat;

/**
 * BlChartFormat:
 * @BL_CHART_PNG: a PNG image, @width × @height pixels
 * @BL_CHART_SVG: an SVG document, @width × @height pixels, with the title
 *   in its `<title>` and the summary in its `<desc>`
 */
typedef enum {
  BL_CHART_PNG,
  BL_CHART_SVG,
} BlChartFormat;

/**
 * BlChartColor:
 *
 * A colour with components from 0 to 1; the same layout as GdkRGBA, so
 * the panel can copy one into the other.
 */
typedef struct {
  float red;
  float green;
  float blue;
  float alpha;
} BlChartColor;

#define BL_CHART_N_PALETTE 8

/**
 * BlChartStyle:
 * @background: the page
 * @foreground: text and axes
 * @muted: secondary text (sources, dates, the legend)
 * @grid: grid lines
 * @denial: denial marks
 * @qualification: qualification marks
 * @palette: claimant colours, in the order claimants first appear
 * @font_family: (nullable): a font family, or %NULL for "Sans"
 * @font_size: the body text size in pixels (device units)
 *
 * What the chart looks like. bl_chart_style_init_default() gives the
 * light look of the exports.
 */
typedef struct {
  BlChartColor  background;
  BlChartColor  foreground;
  BlChartColor  muted;
  BlChartColor  grid;
  BlChartColor  denial;
  BlChartColor  qualification;
  BlChartColor  palette[BL_CHART_N_PALETTE];
  const char   *font_family;
  double        font_size;
} BlChartStyle;

/* The smallest and largest chart exported, in pixels. */
#define BL_CHART_MIN_SIZE 200
#define BL_CHART_MAX_SIZE 8192

/* The most columns a chart draws: beyond, a column is a few pixels wide
 * and its labels unreadable, and the chart says so instead. */
#define BL_CHART_MAX_COLUMNS 60

void      bl_chart_style_init_default  (BlChartStyle        *style);

guint     bl_comparison_chart_count_columns  (BlComparison  *self);
char     *bl_comparison_chart_format_crowded (guint          n_columns);

void      bl_comparison_chart_draw     (BlComparison        *self,
                                        cairo_t             *cr,
                                        int                  width,
                                        int                  height,
                                        const BlChartStyle  *style);

GBytes   *bl_comparison_table_to_bytes (BlComparison        *self,
                                        BlTableFormat        format);
gboolean  bl_comparison_export_table   (BlComparison        *self,
                                        const char          *path,
                                        BlTableFormat        format,
                                        GError             **error);

GBytes   *bl_comparison_chart_to_bytes (BlComparison        *self,
                                        BlChartFormat        format,
                                        int                  width,
                                        int                  height,
                                        GError             **error);
gboolean  bl_comparison_export_chart   (BlComparison        *self,
                                        const char          *path,
                                        BlChartFormat        format,
                                        int                  width,
                                        int                  height,
                                        GError             **error);

char     *bl_markdown_escape           (const char          *text);

G_END_DECLS
