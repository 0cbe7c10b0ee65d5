/* bl-map-export-furniture.c — legend, inset, scale bar and north arrow
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The furniture inside an exported map, each piece in a corner: the
 * biggest first (the legend), each in the free corner that covers the
 * fewest markers; a piece too big for the map is left out. When the map
 * was narrowed to the basemap's region and the room beside it holds the
 * legend, the legend goes there instead, as a key beside the map. A tall
 * legend flows into columns at its headings, and shrinks (to 60%) before
 * it is left out.
 *
 * - The legend lists bl_claim_painter_get_legend() (a colour per topic
 *   or claimant, a shape per stance) with swatches drawn by the painter
 *   itself, then what else the map shows: clusters, tinted provinces,
 *   dashed (doubtful) outlines.
 * - The inset shows the basemap's whole region small, with the map's
 *   extent as a red box; it is left out when the map shows most of the
 *   region anyway.
 * - The scale bar is a round length (1, 2 or 5 × 10^n m or km) at the
 *   map's middle latitude (Web Mercator's scale changes with latitude);
 *   north is up everywhere in Web Mercator.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-map-export-private.h"

typedef enum {
  CORNER_TOP_LEFT,
  CORNER_TOP_RIGHT,
  CORNER_BOTTOM_LEFT,
  CORNER_BOTTOM_RIGHT,
  N_CORNERS
} Corner;

typedef enum {
  ROW_HEADING,
  ROW_ENTRY,
  ROW_CLUSTER,
  ROW_AREA,
  ROW_DOUBTFUL,
} RowKind;

typedef struct {
  RowKind              kind;
  const BlLegendEntry *entry;
  PangoLayout         *layout;
  double               height;
  /* where legend_arrange() put it, from the box's inner corner */
  double               x;
  double               y;
} LegendRow;

static void
legend_row_clear (LegendRow *row)
{
  g_clear_object (&row->layout);
}

typedef struct {
  double width;
  double height;
} Size;

static void
corner_box (BlMapPage  *page,
            Corner      corner,
            Size        size,
            BlPageBox  *box)
{
  double pad = round (bl_map_page_unit (page, 10));
  const BlPageBox *m = &page->map;

  box->width = size.width;
  box->height = size.height;
  box->x = corner == CORNER_TOP_LEFT || corner == CORNER_BOTTOM_LEFT
           ? m->x + pad : m->x + m->width - pad - size.width;
  box->y = corner == CORNER_TOP_LEFT || corner == CORNER_TOP_RIGHT
           ? m->y + pad : m->y + m->height - pad - size.height;
}

static gboolean
fits (BlMapPage *page,
      Size       size,
      double     max_width_part,
      double     max_height_part)
{
  double pad = bl_map_page_unit (page, 10);

  return size.width > 0 && size.height > 0 &&
         size.width <= (page->map.width - 2 * pad) * max_width_part &&
         size.height <= (page->map.height - 2 * pad) * max_height_part;
}

/* How many markers a box would cover. */
static guint
claims_under (BlMapPage       *page,
              const BlPageBox *box)
{
  const BlMapFrame *f = &page->frame;
  const BlCluster *clusters;
  guint n_clusters, count = 0;
  double slack = 12 * f->scale;

  clusters = bl_cluster_set_get_clusters (page->clusters, &n_clusters);
  for (guint c = 0; clusters != NULL && c < n_clusters; c++)
    {
      double x = page->map.x + (clusters[c].x - f->x) * f->scale;
      double y = page->map.y + (clusters[c].y - f->y) * f->scale;

      if (x >= box->x - slack && x <= box->x + box->width + slack &&
          y >= box->y - slack && y <= box->y + box->height + slack)
        count += 1 + (clusters[c].n_claims > 1);
    }
  return count;
}

/* The free corner, of those @preferred lists, with the fewest markers
 * under a box of @size. */
static gboolean
choose_corner (BlMapPage    *page,
               gboolean      taken[N_CORNERS],
               const Corner  preferred[N_CORNERS],
               Size          size,
               BlPageBox    *box)
{
  guint best_count = G_MAXUINT;
  int best = -1;

  for (guint i = 0; i < N_CORNERS; i++)
    {
      BlPageBox candidate;
      guint count;

      if (taken[preferred[i]])
        continue;
      corner_box (page, preferred[i], size, &candidate);
      count = claims_under (page, &candidate);
      if (count < best_count)
        {
          best_count = count;
          best = preferred[i];
        }
    }
  if (best < 0)
    return FALSE;

  taken[best] = TRUE;
  corner_box (page, best, size, box);
  return TRUE;
}

static void
plate (BlMapPage       *page,
       cairo_t         *cr,
       const BlPageBox *box,
       double           alpha)
{
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, page->s);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.28);
  cairo_stroke (cr);
}

/* Legend */

typedef struct {
  GPtrArray *entries;     /* BlLegendEntry */
  GArray    *rows;        /* LegendRow */
  double     k;           /* how much smaller than normal it is drawn */
  double     pad;
  double     swatch;
  Size       size;
} Legend;

/* A legend length in device pixels. */
static double
lu (BlMapPage    *page,
    const Legend *legend,
    double        logical)
{
  return bl_map_page_unit (page, logical) * legend->k;
}

static void
legend_clear (Legend *legend)
{
  g_clear_pointer (&legend->rows, g_array_unref);
  g_clear_pointer (&legend->entries, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Legend, legend_clear)

static void
legend_add (BlMapPage           *page,
            cairo_t             *cr,
            Legend              *legend,
            RowKind              kind,
            const BlLegendEntry *entry,
            const char          *text)
{
  LegendRow row = { kind, entry, NULL, 0, 0, 0 };
  double width = lu (page, legend, 220);

  if (kind == ROW_HEADING)
    row.layout = bl_map_page_layout (page, cr, text, BL_MAP_PAGE_HEADING_SIZE * legend->k,
                                     PANGO_WEIGHT_BOLD, width, 1);
  else
    row.layout = bl_map_page_layout (page, cr, text, BL_MAP_PAGE_LEGEND_SIZE * legend->k,
                                     PANGO_WEIGHT_NORMAL, width, 2);
  row.height = MAX (bl_map_page_layout_height (row.layout), kind == ROW_HEADING ? 0 : legend->swatch);
  g_array_append_val (legend->rows, row);
}

static gboolean
any_doubtful (BlMapPage *page)
{
  const guint8 *credibilities = bl_claim_store_get_credibilities (bl_project_get_claims (page->project));
  const guint32 *indices;
  guint n;

  indices = bl_visible_claims_get_indices (page->visible, &n);
  for (guint i = 0; i < n; i++)
    if (credibilities[indices[i]] >= 5)
      return TRUE;
  return FALSE;
}

static gboolean
any_area_tint (BlMapPage *page)
{
  BlClaimStore *store = bl_project_get_claims (page->project);
  const guint8 *precisions = bl_claim_store_get_precisions (store);
  const guint32 *indices;
  guint n;

  if (page->basemap == NULL)
    return FALSE;

  /* as the painter decides: province-level (or regional) claims that
   * name a province */
  indices = bl_visible_claims_get_indices (page->visible, &n);
  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord r;

      if (precisions[indices[i]] > BL_PRECISION_PROVINCE && precisions[indices[i]] != BL_PRECISION_REGION)
        continue;
      bl_claim_store_get_record (store, indices[i], &r);
      for (guint a = 0; r.areas != NULL && r.areas[a] != NULL; a++)
        if (strchr (r.areas[a], '-') != NULL)
          return TRUE;
    }
  return FALSE;
}

static gboolean
any_cluster (BlMapPage *page)
{
  const BlCluster *clusters;
  guint n_clusters;

  clusters = bl_cluster_set_get_clusters (page->clusters, &n_clusters);
  for (guint c = 0; clusters != NULL && c < n_clusters; c++)
    if (clusters[c].n_claims > 1)
      return TRUE;
  return FALSE;
}

static void
legend_build (BlMapPage *page,
              cairo_t   *cr,
              Legend    *legend,
              double     k)
{
  gboolean colors = FALSE, shapes = FALSE;
  gboolean clusters = any_cluster (page), areas = any_area_tint (page), doubtful = any_doubtful (page);

  legend_clear (legend);
  legend->k = k;
  legend->entries = bl_claim_painter_get_legend (page->painter);
  legend->rows = g_array_new (FALSE, FALSE, sizeof (LegendRow));
  g_array_set_clear_func (legend->rows, (GDestroyNotify) legend_row_clear);
  legend->pad = round (lu (page, legend, 10));
  legend->swatch = lu (page, legend, 20);

  for (guint i = 0; i < legend->entries->len; i++)
    {
      const BlLegendEntry *e = g_ptr_array_index (legend->entries, i);

      if (e->is_color && !colors)
        {
          legend_add (page, cr, legend, ROW_HEADING, NULL,
                      page->options->color_by == BL_COLOR_BY_CLAIMANT ? _("Claimant") : _("Topic"));
          colors = TRUE;
        }
      else if (!e->is_color && !shapes)
        {
          legend_add (page, cr, legend, ROW_HEADING, NULL, _("Stance"));
          shapes = TRUE;
        }
      legend_add (page, cr, legend, ROW_ENTRY, e, e->label);
    }

  if (clusters || areas || doubtful)
    legend_add (page, cr, legend, ROW_HEADING, NULL, _("Also"));
  if (clusters)
    legend_add (page, cr, legend, ROW_CLUSTER, NULL, _("Several claims at one place (their number)"));
  if (areas)
    legend_add (page, cr, legend, ROW_AREA, NULL, _("Province named by claims (darker: more)"));
  if (doubtful)
    legend_add (page, cr, legend, ROW_DOUBTFUL, NULL, _("Dashed outline: doubtful or improbable"));
}

/* Places the rows in as few columns as keep the box under @max_height,
 * starting a column only at a heading. Returns %FALSE when even one
 * section is taller than that. */
static gboolean
legend_arrange (BlMapPage *page,
                Legend    *legend,
                double     max_height)
{
  double inner = max_height - 2 * legend->pad;
  double column_gap = lu (page, legend, 18);
  double x = 0, y = 0, column_width = 0, height = 0;
  guint i = 0;

  if (legend->rows->len == 0)
    return FALSE;

  while (i < legend->rows->len)
    {
      guint end = i + 1;
      double section = 0;

      /* a section: a heading and its entries */
      while (end < legend->rows->len && g_array_index (legend->rows, LegendRow, end).kind != ROW_HEADING)
        end++;
      for (guint k = i; k < end; k++)
        section += g_array_index (legend->rows, LegendRow, k).height + lu (page, legend, 3);
      if (section > inner)
        return FALSE;

      if (y > 0 && y + lu (page, legend, 6) + section > inner)
        {
          x += column_width + column_gap;
          column_width = 0;
          y = 0;
        }
      else if (y > 0)
        y += lu (page, legend, 6);

      for (guint k = i; k < end; k++)
        {
          LegendRow *row = &g_array_index (legend->rows, LegendRow, k);
          double w = bl_map_page_layout_width (row->layout) +
                     (row->kind == ROW_HEADING ? 0 : legend->swatch + lu (page, legend, 6));

          row->x = x;
          row->y = y;
          y += row->height + lu (page, legend, 3);
          column_width = MAX (column_width, w);
        }
      height = MAX (height, y);
      i = end;
    }

  legend->size.width = ceil (x + column_width + 2 * legend->pad);
  legend->size.height = ceil (height - lu (page, legend, 3) + 2 * legend->pad);
  return TRUE;
}

static void
legend_draw (BlMapPage       *page,
             cairo_t         *cr,
             Legend          *legend,
             const BlPageBox *box,
             gboolean         on_map)
{
  double s = page->s, t = page->t;

  if (on_map)
    plate (page, cr, box, 0.94);

  for (guint i = 0; i < legend->rows->len; i++)
    {
      LegendRow *row = &g_array_index (legend->rows, LegendRow, i);
      double x = box->x + (on_map ? legend->pad : 0) + row->x;
      double y = box->y + (on_map ? legend->pad : 0) + row->y;
      double cx = x + legend->swatch / 2, cy = y + row->height / 2;
      double text_x = x + legend->swatch + lu (page, legend, 6);
      double neutral[4] = { 0.22, 0.27, 0.33, 1.0 };
      double grey[4] = { 0.55, 0.55, 0.55, 1.0 };

      cairo_save (cr);
      switch (row->kind)
        {
        case ROW_HEADING:
          bl_map_page_show_layout (cr, row->layout, x, y, bl_map_page_ink_muted);
          break;
        case ROW_ENTRY:
          /* the swatches are drawn by the painter, as on the map */
          bl_claim_painter_draw_marker (cr, cx, cy, 0.85 * s * t * legend->k,
                                        row->entry->is_color ? BL_STANCE_ASSERTS : row->entry->stance,
                                        0, row->entry->rgba);
          break;
        case ROW_CLUSTER:
          bl_claim_painter_draw_cluster (cr, cx, cy, 0.6 * s * t * legend->k, 12, neutral);
          break;
        case ROW_AREA:
          cairo_rectangle (cr, cx - lu (page, legend, 8), cy - lu (page, legend, 6),
                           lu (page, legend, 16), lu (page, legend, 12));
          cairo_set_source_rgba (cr, 0.38, 0.21, 0.51, 0.22);
          cairo_fill_preserve (cr);
          cairo_set_source_rgba (cr, 0.38, 0.21, 0.51, 0.45);
          cairo_set_line_width (cr, 1.2 * s * t * legend->k);
          cairo_stroke (cr);
          break;
        case ROW_DOUBTFUL:
          bl_claim_painter_draw_marker (cr, cx, cy, 1.0 * s * t * legend->k, BL_STANCE_ASSERTS, 5, grey);
          break;
        default:
          break;
        }
      cairo_restore (cr);

      if (row->kind != ROW_HEADING)
        bl_map_page_show_layout (cr, row->layout, text_x, cy - bl_map_page_layout_height (row->layout) / 2,
                                 bl_map_page_ink);
    }
}

/* Builds the legend at the largest size (full, or down to 60%) that fits
 * in @max_width × @max_height. */
static gboolean
legend_fit (BlMapPage *page,
            cairo_t   *cr,
            Legend    *legend,
            double     max_width,
            double     max_height)
{
  static const double sizes[] = { 1.0, 0.85, 0.72, 0.6 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      legend_build (page, cr, legend, sizes[i]);
      if (legend_arrange (page, legend, max_height) && legend->size.width <= max_width)
        return TRUE;
    }
  return FALSE;
}

/**
 * bl_map_page_place_legend:
 *
 * When the map was narrowed to the basemap's region (see
 * bl-map-export.c) and the legend fits in the room beside it, the legend
 * goes there, without a plate; otherwise the map is centred in its room
 * and the legend goes in a corner of the map. Call before drawing: it may
 * move the map.
 */
void
bl_map_page_place_legend (BlMapPage *page)
{
  g_auto(Legend) legend = { 0 };
  double gap = round (bl_map_page_unit (page, 16));

  page->legend_beside = FALSE;
  if (page->room_beside <= 0)
    return;

  /* beside the map there is no plate: the padding is not needed */
  if (page->options->show_legend &&
      legend_fit (page, NULL, &legend, page->room_beside - gap + 2 * round (bl_map_page_unit (page, 10)),
                  page->map.height + 2 * round (bl_map_page_unit (page, 10))))
    {
      page->legend_beside = TRUE;
      return;
    }

  page->map.x += round (page->room_beside / 2);
}

/* Inset locator */

static gboolean
inset_size (BlMapPage     *page,
            BlBasemapBBox *region,
            Size          *size)
{
  BlBasemapData *data;
  double x0, y0, x1, y1, w, h;

  if (page->basemap == NULL || (data = bl_basemap_renderer_get_data (page->basemap)) == NULL)
    return FALSE;

  bl_basemap_data_get_region (data, region);
  if (!(region->max_lon > region->min_lon && region->max_lat > region->min_lat))
    return FALSE;

  /* a locator is no use when the map shows most of the region */
  if (page->east - page->west > 0.6 * (region->max_lon - region->min_lon) &&
      page->north - page->south > 0.6 * (region->max_lat - region->min_lat))
    return FALSE;

  bl_projection_lonlat_to_world (region->min_lon, region->max_lat, 0, &x0, &y0);
  bl_projection_lonlat_to_world (region->max_lon, region->min_lat, 0, &x1, &y1);
  w = bl_map_page_unit (page, 190);
  h = w * (y1 - y0) / (x1 - x0);
  if (h > bl_map_page_unit (page, 150))
    {
      h = bl_map_page_unit (page, 150);
      w = h * (x1 - x0) / (y1 - y0);
    }
  size->width = round (w);
  size->height = round (h);
  return TRUE;
}

static void
inset_draw (BlMapPage           *page,
            cairo_t             *cr,
            const BlBasemapBBox *region,
            const BlPageBox     *box)
{
  BlProjectionExtent e;
  double x0, y0, x1, y1;
  double s = page->s;

  if (!bl_projection_extent_fit (&e, region->min_lon, region->min_lat, region->max_lon, region->max_lat,
                                 (int) box->width, (int) box->height))
    return;

  /* a white mat, so the inset stands apart from the map */
  cairo_rectangle (cr, box->x - 3 * s, box->y - 3 * s, box->width + 6 * s, box->height + 6 * s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_translate (cr, box->x, box->y);
  cairo_rectangle (cr, 0, 0, box->width, box->height);
  cairo_clip (cr);
  bl_basemap_renderer_render_extent (page->basemap, cr, region->min_lon, region->min_lat,
                                     region->max_lon, region->max_lat,
                                     (int) box->width, (int) box->height,
                                     /* the look a screen would have: few, big labels */
                                     MAX (0.0, e.zoom - log2 (s)));

  /* the map's extent */
  bl_projection_extent_lonlat_to_pixel (&e, page->west, page->north, &x0, &y0);
  bl_projection_extent_lonlat_to_pixel (&e, page->east, page->south, &x1, &y1);
  if (x1 - x0 < 6 * s || y1 - y0 < 6 * s)
    {
      double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;

      x0 = cx - 3 * s;
      x1 = cx + 3 * s;
      y0 = cy - 3 * s;
      y1 = cy + 3 * s;
    }
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_set_source_rgba (cr, bl_map_page_accent[0], bl_map_page_accent[1], bl_map_page_accent[2], 0.12);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2 * s);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_source_rgb (cr, bl_map_page_accent[0], bl_map_page_accent[1], bl_map_page_accent[2]);
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_rectangle (cr, box->x + 0.5 * s, box->y + 0.5 * s, box->width - s, box->height - s);
  cairo_set_line_width (cr, s);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_stroke (cr);
}

/* Scale bar and north arrow */

typedef struct {
  double metres;         /* the bar's length on the ground */
  double length;         /* in device pixels */
  char  *label;
  double arrow_width;
  double arrow_height;
  double bar_width;
  double pad;
  Size   size;
} ScaleBar;

static void
scale_bar_clear (ScaleBar *bar)
{
  g_clear_pointer (&bar->label, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ScaleBar, scale_bar_clear)

/* The largest 1, 2 or 5 × 10^k not above @x. */
static double
round_down_nice (double x)
{
  double p = pow (10, floor (log10 (x)));
  double f = x / p;

  return (f >= 5 ? 5 : f >= 2 ? 2 : 1) * p;
}

static void
scale_bar_build (BlMapPage *page,
                 ScaleBar  *bar)
{
  const BlMapExportOptions *o = page->options;
  double lat = (page->south + page->north) / 2;
  double mpp = bl_projection_metres_per_pixel (lat, page->frame.zoom + log2 (page->s));
  double label_h = bl_map_page_text_height (page, "0 km", BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, 0, 1);

  bar->pad = round (bl_map_page_unit (page, 8));
  bar->arrow_width = o->show_north_arrow ? bl_map_page_unit (page, 16) : 0;
  bar->arrow_height = o->show_north_arrow ? bl_map_page_unit (page, 22) + label_h : 0;
  bar->bar_width = 0;

  if (o->show_scale_bar && mpp > 0 && isfinite (mpp))
    {
      bar->metres = round_down_nice (mpp * bl_map_page_unit (page, 130));
      bar->length = bar->metres / mpp;
      if (bar->metres >= 1000)
        /* Translators: a scale bar's length */
        bar->label = g_strdup_printf (_("%g km"), bar->metres / 1000);
      else
        bar->label = g_strdup_printf (_("%g m"), bar->metres);
      bar->bar_width = bar->length + bl_map_page_unit (page, 24);
    }

  bar->size.width = 2 * bar->pad + bar->arrow_width + bar->bar_width +
                    (bar->arrow_width > 0 && bar->bar_width > 0 ? bl_map_page_unit (page, 14) : 0);
  bar->size.height = 2 * bar->pad + MAX (bar->arrow_height, bar->bar_width > 0 ? label_h + bl_map_page_unit (page, 10) : 0);
  if (bar->arrow_width == 0 && bar->bar_width == 0)
    bar->size.width = bar->size.height = 0;
}

static void
north_arrow_draw (BlMapPage *page,
                  cairo_t   *cr,
                  double     x,
                  double     y,
                  double     width,
                  double     height)
{
  g_autoptr(PangoLayout) n = bl_map_page_layout (page, cr, C_("north", "N"), BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_BOLD, 0, 1);
  double label_h = bl_map_page_layout_height (n);
  double cx = x + width / 2, top = y + label_h, bottom = y + height;
  double notch = bottom - (bottom - top) * 0.25;

  bl_map_page_show_layout (cr, n, cx - bl_map_page_layout_width (n) / 2, y, bl_map_page_ink);

  /* a split arrowhead: the west half dark, the east half light */
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, x, bottom);
  cairo_line_to (cr, cx, notch);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, bl_map_page_ink[0], bl_map_page_ink[1], bl_map_page_ink[2]);
  cairo_fill (cr);

  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, x + width, bottom);
  cairo_line_to (cr, cx, notch);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, page->s);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb (cr, bl_map_page_ink[0], bl_map_page_ink[1], bl_map_page_ink[2]);
  cairo_stroke (cr);
}

static void
scale_bar_draw (BlMapPage       *page,
                cairo_t         *cr,
                ScaleBar        *bar,
                const BlPageBox *box)
{
  double x = box->x + bar->pad, y = box->y + bar->pad;
  double inner_h = box->height - 2 * bar->pad;

  plate (page, cr, box, 0.88);

  if (bar->arrow_width > 0)
    {
      north_arrow_draw (page, cr, x, y + (inner_h - bar->arrow_height) / 2, bar->arrow_width, bar->arrow_height);
      x += bar->arrow_width + bl_map_page_unit (page, 14);
    }

  if (bar->bar_width > 0)
    {
      g_autoptr(PangoLayout) zero = bl_map_page_layout (page, cr, "0", BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, 0, 1);
      g_autoptr(PangoLayout) end = bl_map_page_layout (page, cr, bar->label, BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, 0, 1);
      double label_h = bl_map_page_layout_height (end);
      double h = bl_map_page_unit (page, 5);
      double by = y + (inner_h - label_h - bl_map_page_unit (page, 10)) / 2 + label_h + bl_map_page_unit (page, 4);
      double bx = x + bl_map_page_layout_width (zero) / 2;

      bl_map_page_show_layout (cr, zero, bx - bl_map_page_layout_width (zero) / 2, by - label_h - bl_map_page_unit (page, 2), bl_map_page_ink);
      bl_map_page_show_layout (cr, end, MIN (bx + bar->length - bl_map_page_layout_width (end) / 2,
                                 box->x + box->width - bar->pad - bl_map_page_layout_width (end)),
                   by - label_h - bl_map_page_unit (page, 2), bl_map_page_ink);

      /* two segments, dark and light, in a dark outline */
      cairo_rectangle (cr, bx, by, bar->length / 2, h);
      cairo_set_source_rgb (cr, bl_map_page_ink[0], bl_map_page_ink[1], bl_map_page_ink[2]);
      cairo_fill (cr);
      cairo_rectangle (cr, bx, by, bar->length, h);
      cairo_set_line_width (cr, page->s);
      cairo_stroke (cr);
    }
}

/**
 * bl_map_page_draw_overlays:
 *
 * Puts the legend, the inset and the scale bar with the north arrow each
 * in a corner of the map: the biggest first, in the free corner with the
 * fewest markers; what is too big for the map is left out.
 */
void
bl_map_page_draw_overlays (BlMapPage *page,
                           cairo_t   *cr)
{
  static const Corner legend_order[N_CORNERS] = {
    CORNER_TOP_RIGHT, CORNER_TOP_LEFT, CORNER_BOTTOM_RIGHT, CORNER_BOTTOM_LEFT
  };
  static const Corner inset_order[N_CORNERS] = {
    CORNER_TOP_LEFT, CORNER_BOTTOM_RIGHT, CORNER_TOP_RIGHT, CORNER_BOTTOM_LEFT
  };
  static const Corner bar_order[N_CORNERS] = {
    CORNER_BOTTOM_LEFT, CORNER_BOTTOM_RIGHT, CORNER_TOP_LEFT, CORNER_TOP_RIGHT
  };
  const BlMapExportOptions *o = page->options;
  gboolean taken[N_CORNERS] = { FALSE, };
  g_auto(Legend) legend = { 0 };
  g_auto(ScaleBar) bar = { 0 };
  BlBasemapBBox region;
  Size inset = { 0, 0 };
  gboolean has_inset;
  BlPageBox box;

  cairo_save (cr);
  cairo_rectangle (cr, page->map.x, page->map.y, page->map.width, page->map.height);
  cairo_clip (cr);

  if (o->show_legend && page->legend_beside)
    {
      double gap = round (bl_map_page_unit (page, 16));

      cairo_save (cr);
      cairo_reset_clip (cr);
      legend_fit (page, cr, &legend, page->room_beside - gap + 2 * round (bl_map_page_unit (page, 10)),
                  page->map.height + 2 * round (bl_map_page_unit (page, 10)));
      box.x = page->map.x + page->map.width + gap;
      box.y = page->map.y;
      box.width = legend.size.width - 2 * legend.pad;
      box.height = legend.size.height - 2 * legend.pad;
      legend_draw (page, cr, &legend, &box, FALSE);
      cairo_restore (cr);
    }
  else if (o->show_legend)
    {
      double pad = bl_map_page_unit (page, 10);

      if (legend_fit (page, cr, &legend, (page->map.width - 2 * pad) * 0.6, page->map.height - 2 * pad) &&
          choose_corner (page, taken, legend_order, legend.size, &box))
        legend_draw (page, cr, &legend, &box, TRUE);
    }

  has_inset = o->show_inset && inset_size (page, &region, &inset) && fits (page, inset, 0.3, 0.4);
  if (has_inset && choose_corner (page, taken, inset_order, inset, &box))
    inset_draw (page, cr, &region, &box);

  if (o->show_scale_bar || o->show_north_arrow)
    {
      scale_bar_build (page, &bar);
      if (fits (page, bar.size, 0.5, 0.3) && choose_corner (page, taken, bar_order, bar.size, &box))
        scale_bar_draw (page, cr, &bar, &box);
    }

  cairo_restore (cr);
}
