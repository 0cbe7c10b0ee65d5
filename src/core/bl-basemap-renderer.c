/* bl-basemap-renderer.c — cairo renderer of the offline basemap
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* BlBasemapRenderer draws the region data of BlBasemapData (countries,
 * provinces, disputed lines, rivers, lakes, places) as an atlas-like map:
 * map tiles for libshumate, and extents of any pixel size for exports, with
 * the same code and the same look.
 *
 * At construction every band's geometry is projected once to zoom-0 Web
 * Mercator pixels and the border lines are derived from the polygons
 * (bl-basemap-borders.c). After that the renderer is immutable but for the
 * label placements, which bl-basemap-labels.c computes once per zoom, under
 * a lock, for the whole region; so tiles can be drawn from any number of
 * threads at once, and a label that spans tiles is drawn whole in each.
 *
 * Drawing a view: the background, then, clipped to the data region, the
 * land, Afghanistan and Tajikistan emphasised, lakes, the highlight along
 * the Afghan–Tajik border, province borders, rivers, border casings,
 * disputed lines and borders; then place symbols and labels. Lines are
 * emitted only where their segments reach the view, with their dash phase
 * taken from the distance along the line, so dashes line up across tiles.
 *
 * Not here: claims, markers, annotations, the scale bar and attribution
 * (the export renderer composes those over this map), and anything GTK.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-basemap-renderer-private.h"
#include "bl-projection.h"

#define RGB(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                      ((hex) & 0xff) / 255.0, (a) }

static const BlBasemapStyle default_style = {
  .background          = RGB (0xe3e1dc, 1.0),
  .land                = RGB (0xeeebe4, 1.0),
  .land_focus          = RGB (0xfbf7ec, 1.0),
  .water               = RGB (0xa9cbe3, 1.0),
  .river               = RGB (0x72a9d3, 1.0),
  .water_label         = RGB (0x3d70a0, 1.0),
  .border              = RGB (0x5a5550, 1.0),
  .border_casing       = RGB (0xb9a9c4, 0.45),
  .focus_band          = RGB (0xf0ac58, 0.48),
  .province_border     = RGB (0x9c948a, 1.0),
  .disputed            = RGB (0x6e6863, 1.0),
  .country_label       = RGB (0x3f3a36, 1.0),
  .country_label_minor = RGB (0x8a847d, 1.0),
  .province_label      = RGB (0x8c7f73, 1.0),
  .place_label         = RGB (0x2c2a28, 1.0),
  .place_dot           = RGB (0x36322f, 1.0),
  .halo                = RGB (0xffffff, 0.88),
  .font_family         = "Cantarell, Noto Sans, DejaVu Sans, sans-serif",
};

/* A piecewise linear function of the zoom: (zoom, value) pairs. */
typedef struct {
  double z;
  double v;
} Stop;

static double
interpolate (const Stop *stops,
             guint       n,
             double      zoom)
{
  if (zoom <= stops[0].z)
    return stops[0].v;
  for (guint i = 1; i < n; i++)
    if (zoom <= stops[i].z)
      {
        double t = (zoom - stops[i - 1].z) / (stops[i].z - stops[i - 1].z);

        return stops[i - 1].v + t * (stops[i].v - stops[i - 1].v);
      }
  return stops[n - 1].v;
}

#define INTERPOLATE(stops, zoom) interpolate (stops, G_N_ELEMENTS (stops), zoom)

static void
set_color (cairo_t              *cr,
           const BlBasemapColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/**
 * bl_basemap_project: (skip)
 *
 * Longitude and latitude to zoom-0 world pixels.
 */
void
bl_basemap_project (double  lon,
                    double  lat,
                    double *x,
                    double *y)
{
  bl_projection_lonlat_to_world (lon, lat, 0, x, y);
}

static guint
add_points (BlGeometryBand *g,
            const gint32   *lonlat,
            gsize           n,
            gboolean        measure,
            BlBox          *box)
{
  guint first = g->xy->len / 2;
  double len = 0, px = 0, py = 0;

  for (gsize i = 0; i < n; i++)
    {
      double xy[2];

      bl_basemap_project (lonlat[2 * i] / BL_BASEMAP_COORD_SCALE,
                          lonlat[2 * i + 1] / BL_BASEMAP_COORD_SCALE,
                          &xy[0], &xy[1]);
      if (measure && i > 0)
        len += hypot (xy[0] - px, xy[1] - py);
      px = xy[0];
      py = xy[1];
      g_array_append_vals (g->xy, xy, 2);
      g_array_append_val (g->cum, len);
      bl_box_add_point (box, xy[0], xy[1]);
    }
  return first;
}

/**
 * bl_geometry_band_add_line: (skip)
 *
 * Adds a polyline given in microdegrees.
 */
void
bl_geometry_band_add_line (BlGeometryBand         *g,
                           BlLineKind              kind,
                           guint                   rank,
                           const BlBasemapFeature *feature,
                           const gint32           *lonlat,
                           gsize                   n_points)
{
  BlLine line = { .kind = kind, .rank = rank, .feature = feature,
                  .n = n_points, .box = BL_BOX_EMPTY };

  if (n_points < 2)
    return;
  line.first = add_points (g, lonlat, n_points, TRUE, &line.box);
  g_array_append_val (g->lines, line);
}

static void
add_areas (BlGeometryBand *g,
           BlBasemapData  *data,
           guint           band,
           BlBasemapLayer  layer,
           GArray         *areas)
{
  guint n;
  const BlBasemapFeature *features = bl_basemap_data_get_layer (data, layer, &n);

  for (guint i = 0; i < n; i++)
    {
      BlArea area = { .feature = &features[i], .first_ring = g->rings->len,
                      .box = BL_BOX_EMPTY };

      for (guint p = 0; p < bl_basemap_feature_get_n_parts (data, &features[i], band); p++)
        {
          gsize n_points;
          const gint32 *xy = bl_basemap_feature_get_part (data, &features[i], band, p, &n_points);
          BlRing ring = { .n = n_points, .box = BL_BOX_EMPTY };

          ring.first = add_points (g, xy, n_points, FALSE, &ring.box);
          g_array_append_val (g->rings, ring);
          bl_box_add_point (&area.box, ring.box.x0, ring.box.y0);
          bl_box_add_point (&area.box, ring.box.x1, ring.box.y1);
          area.n_rings++;
        }
      if (area.n_rings > 0)
        g_array_append_val (areas, area);
    }
}

static void
add_lines (BlGeometryBand *g,
           BlBasemapData  *data,
           guint           band,
           BlBasemapLayer  layer,
           BlLineKind      kind)
{
  guint n;
  const BlBasemapFeature *features = bl_basemap_data_get_layer (data, layer, &n);

  for (guint i = 0; i < n; i++)
    for (guint p = 0; p < bl_basemap_feature_get_n_parts (data, &features[i], band); p++)
      {
        gsize n_points;
        const gint32 *xy = bl_basemap_feature_get_part (data, &features[i], band, p, &n_points);

        bl_geometry_band_add_line (g, kind, features[i].rank, &features[i], xy, n_points);
      }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const BlLine *la = a, *lb = b;

  if (la->kind != lb->kind)
    return la->kind < lb->kind ? -1 : 1;
  /* Rivers: minor ones first, so the main rivers are drawn over them. */
  if (la->rank != lb->rank)
    return la->rank > lb->rank ? -1 : 1;
  return la->first < lb->first ? -1 : la->first > lb->first;
}

static void
build_band (BlBasemapRenderer *self,
            guint              band)
{
  BlGeometryBand *g = &self->bands[band];

  g->xy = g_array_new (FALSE, FALSE, sizeof (double));
  g->cum = g_array_new (FALSE, FALSE, sizeof (double));
  g->lines = g_array_new (FALSE, FALSE, sizeof (BlLine));
  g->rings = g_array_new (FALSE, FALSE, sizeof (BlRing));
  g->countries = g_array_new (FALSE, FALSE, sizeof (BlArea));
  g->lakes = g_array_new (FALSE, FALSE, sizeof (BlArea));

  add_areas (g, self->data, band, BL_BASEMAP_LAYER_COUNTRY, g->countries);
  add_areas (g, self->data, band, BL_BASEMAP_LAYER_LAKE, g->lakes);
  add_lines (g, self->data, band, BL_BASEMAP_LAYER_RIVER, BL_LINE_RIVER);
  add_lines (g, self->data, band, BL_BASEMAP_LAYER_DISPUTED, BL_LINE_DISPUTED);
  bl_basemap_build_borders (self->data, band, g);
  g_array_sort (g->lines, compare_lines);
}

static void
clear_band (BlGeometryBand *g)
{
  g_clear_pointer (&g->xy, g_array_unref);
  g_clear_pointer (&g->cum, g_array_unref);
  g_clear_pointer (&g->lines, g_array_unref);
  g_clear_pointer (&g->rings, g_array_unref);
  g_clear_pointer (&g->countries, g_array_unref);
  g_clear_pointer (&g->lakes, g_array_unref);
}

/* Drawing */

/* The view's area in zoom-0 world pixels, grown by @margin device pixels. */
static BlBox
view_world_box (const BlView *v,
                double        margin)
{
  return (BlBox) { (v->ox - margin) / v->k, (v->oy - margin) / v->k,
                   (v->ox + v->width + margin) / v->k,
                   (v->oy + v->height + margin) / v->k };
}

static inline double
dev_x (const BlView *v,
       double        x)
{
  return x * v->k - v->ox;
}

static inline double
dev_y (const BlView *v,
       double        y)
{
  return y * v->k - v->oy;
}

static void
fill_area (cairo_t              *cr,
           const BlGeometryBand *g,
           const BlArea         *area,
           const BlView         *v,
           const BlBox          *visible)
{
  const double *xy = (const double *) g->xy->data;

  for (guint r = area->first_ring; r < area->first_ring + area->n_rings; r++)
    {
      const BlRing *ring = &g_array_index (g->rings, BlRing, r);

      if (!bl_box_intersects (&ring->box, visible))
        continue;
      cairo_move_to (cr, dev_x (v, xy[2 * ring->first]), dev_y (v, xy[2 * ring->first + 1]));
      for (guint i = 1; i < ring->n; i++)
        cairo_line_to (cr, dev_x (v, xy[2 * (ring->first + i)]),
                       dev_y (v, xy[2 * (ring->first + i) + 1]));
      cairo_close_path (cr);
    }
}

/* Adds to the path the parts of @line whose segments reach @visible. With
 * @dash, strokes each such run on its own, its dash phase set from the
 * distance along the line, and leaves the path empty. */
static void
path_line (cairo_t              *cr,
           const BlGeometryBand *g,
           const BlLine         *line,
           const BlView         *v,
           const BlBox          *visible,
           const double         *dash,
           int                   n_dash)
{
  const double *xy = (const double *) g->xy->data + 2 * line->first;
  const double *cum = (const double *) g->cum->data + line->first;
  gboolean in_run = FALSE;
  double period = 0;

  for (int i = 0; i < n_dash; i++)
    period += dash[i];

  for (guint i = 0; i + 1 < line->n; i++)
    {
      const double *a = xy + 2 * i, *b = xy + 2 * i + 2;
      gboolean seen = MAX (a[0], b[0]) >= visible->x0 && MIN (a[0], b[0]) <= visible->x1 &&
                      MAX (a[1], b[1]) >= visible->y0 && MIN (a[1], b[1]) <= visible->y1;

      if (seen)
        {
          if (!in_run)
            {
              if (n_dash > 0)
                cairo_set_dash (cr, dash, n_dash, fmod (cum[i] * v->k, period));
              cairo_move_to (cr, dev_x (v, a[0]), dev_y (v, a[1]));
              in_run = TRUE;
            }
          cairo_line_to (cr, dev_x (v, b[0]), dev_y (v, b[1]));
        }
      else if (in_run)
        {
          in_run = FALSE;
          if (n_dash > 0)
            cairo_stroke (cr);
        }
    }
  if (in_run && n_dash > 0)
    cairo_stroke (cr);
}

/* Strokes all lines of @kind (and rank range) reaching the view. */
static void
stroke_lines (cairo_t              *cr,
              const BlGeometryBand *g,
              const BlView         *v,
              BlLineKind            kind,
              guint                 max_rank,
              double                width,
              const BlBasemapColor *color,
              const double         *dash,
              int                   n_dash)
{
  BlBox visible = view_world_box (v, width + 2);
  double device_dash[4];

  if (width <= 0)
    return;
  g_assert (n_dash <= (int) G_N_ELEMENTS (device_dash));
  for (int i = 0; i < n_dash; i++)
    device_dash[i] = dash[i] * v->scale;

  cairo_new_path (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, width * v->scale);
  for (guint i = 0; i < g->lines->len; i++)
    {
      const BlLine *line = &g_array_index (g->lines, BlLine, i);

      if (line->kind != kind || line->rank > max_rank)
        continue;
      if (!bl_box_intersects (&line->box, &visible))
        continue;
      path_line (cr, g, line, v, &visible, device_dash, n_dash);
    }
  if (n_dash == 0)
    cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/* Rivers, by rank: WDBII level 1–2 (the main rivers) always, finer levels
 * as the zoom grows; widths grow with zoom and importance. */
static void
draw_rivers (BlBasemapRenderer *self,
             cairo_t           *cr,
             const BlView      *v)
{
  static const Stop major[] = { { 3, 0.7 }, { 5, 1.2 }, { 8, 2.0 }, { 11, 3.0 }, { 14, 4.5 } };
  static const Stop level2[] = { { 3, 0.4 }, { 5, 0.7 }, { 8, 1.2 }, { 11, 1.9 }, { 14, 3.0 } };
  static const Stop named[] = { { 5, 0.6 }, { 8, 1.2 }, { 11, 1.8 }, { 14, 2.6 } };
  static const Stop minor[] = { { 6, 0.35 }, { 8, 0.6 }, { 11, 1.1 }, { 14, 1.8 } };
  static const Stop faint[] = { { 8, 0.35 }, { 11, 0.8 }, { 14, 1.3 } };
  const BlGeometryBand *g = &self->bands[v->band];
  BlBox visible = view_world_box (v, 8 * v->scale);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < g->lines->len; i++)
    {
      const BlLine *line = &g_array_index (g->lines, BlLine, i);
      gboolean is_named = line->feature != NULL && line->feature->name[0] != '\0';
      double width;

      if (line->kind != BL_LINE_RIVER || !bl_box_intersects (&line->box, &visible))
        continue;
      if (line->rank <= 1)
        width = INTERPOLATE (major, v->zoom);
      else if (line->rank == 2)
        width = INTERPOLATE (level2, v->zoom);
      else if (is_named)
        width = INTERPOLATE (named, v->zoom);
      else if (line->rank <= 4 || line->rank == 6)
        width = v->zoom >= 6 ? INTERPOLATE (minor, v->zoom) : 0;
      else
        width = v->zoom >= 8 ? INTERPOLATE (faint, v->zoom) : 0;
      if (width <= 0)
        continue;

      set_color (cr, &self->style.river);
      cairo_set_line_width (cr, width * v->scale);
      if (line->rank >= 6)         /* intermittent rivers and canals */
        {
          double dash[2] = { 4 * v->scale, 2 * v->scale };

          cairo_new_path (cr);
          path_line (cr, g, line, v, &visible, dash, 2);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      else
        {
          cairo_new_path (cr);
          path_line (cr, g, line, v, &visible, NULL, 0);
          cairo_stroke (cr);
        }
    }
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

static void
draw_geometry (BlBasemapRenderer *self,
               cairo_t           *cr,
               const BlView      *v)
{
  static const Stop border_w[] = { { 3, 0.8 }, { 5, 1.0 }, { 7, 1.3 }, { 10, 1.7 }, { 14, 2.4 } };
  static const Stop casing_w[] = { { 3, 2.5 }, { 5, 4.0 }, { 8, 6.0 }, { 14, 9.0 } };
  static const Stop focus_w[] = { { 3, 6.0 }, { 5, 9.0 }, { 8, 13.0 }, { 11, 18.0 }, { 14, 24.0 } };
  static const Stop province_w[] = { { 4, 0.5 }, { 6, 0.7 }, { 9, 1.0 }, { 14, 1.4 } };
  static const double province_dash[] = { 4.0, 2.0 };
  static const double disputed_dash[] = { 5.0, 3.0 };
  static const double focus_dash[] = { 7.0, 3.0 };
  const BlGeometryBand *g = &self->bands[v->band];
  BlBox visible = view_world_box (v, 2);
  BlBox region = self->region;
  double rx0, ry0, rx1, ry1;
  double border_width = INTERPOLATE (border_w, v->zoom);

  /* The data region, clamped so huge coordinates never reach cairo. */
  rx0 = CLAMP (dev_x (v, region.x0), -16, v->width + 16);
  rx1 = CLAMP (dev_x (v, region.x1), -16, v->width + 16);
  ry0 = CLAMP (dev_y (v, region.y0), -16, v->height + 16);
  ry1 = CLAMP (dev_y (v, region.y1), -16, v->height + 16);
  if (rx1 <= rx0 || ry1 <= ry0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, rx0, ry0, rx1 - rx0, ry1 - ry0);
  cairo_clip (cr);
  set_color (cr, &self->style.land);
  cairo_paint (cr);

  /* Afghanistan and Tajikistan (rank 0) stand out from their neighbours. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_new_path (cr);
  for (guint i = 0; i < g->countries->len; i++)
    {
      const BlArea *area = &g_array_index (g->countries, BlArea, i);

      if (area->feature->rank == 0 && bl_box_intersects (&area->box, &visible))
        fill_area (cr, g, area, v, &visible);
    }
  set_color (cr, &self->style.land_focus);
  cairo_fill (cr);

  /* The highlight band along the focus border, under everything else. */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  stroke_lines (cr, g, v, BL_LINE_FOCUS, G_MAXUINT, INTERPOLATE (focus_w, v->zoom),
                &self->style.focus_band, NULL, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (guint i = 0; i < g->lakes->len; i++)
    {
      const BlArea *area = &g_array_index (g->lakes, BlArea, i);

      if (bl_box_intersects (&area->box, &visible))
        fill_area (cr, g, area, v, &visible);
    }
  set_color (cr, &self->style.water);
  cairo_fill (cr);

  if (v->zoom >= 4.5)
    stroke_lines (cr, g, v, BL_LINE_PROVINCE, G_MAXUINT, INTERPOLATE (province_w, v->zoom),
                  &self->style.province_border,
                  v->zoom >= 6 ? province_dash : NULL, v->zoom >= 6 ? 2 : 0);

  /* Borders: a soft casing under the rivers (the Panj and the Amu Darya
   * are the Afghan–Tajik border), then disputed lines and the borders. */
  stroke_lines (cr, g, v, BL_LINE_COUNTRY, G_MAXUINT, INTERPOLATE (casing_w, v->zoom),
                &self->style.border_casing, NULL, 0);
  stroke_lines (cr, g, v, BL_LINE_FOCUS, G_MAXUINT, INTERPOLATE (casing_w, v->zoom),
                &self->style.border_casing, NULL, 0);

  draw_rivers (self, cr, v);

  stroke_lines (cr, g, v, BL_LINE_DISPUTED, G_MAXUINT, border_width,
                &self->style.disputed, disputed_dash, 2);
  stroke_lines (cr, g, v, BL_LINE_COUNTRY, G_MAXUINT, border_width,
                &self->style.border, NULL, 0);
  /* Where the border follows the river closely enough to hide it, it is
   * dashed, the river showing between the dashes, as atlases draw it. */
  if (v->zoom >= 7.5)
    stroke_lines (cr, g, v, BL_LINE_FOCUS, G_MAXUINT, border_width * 1.1,
                  &self->style.border, focus_dash, 2);
  else
    stroke_lines (cr, g, v, BL_LINE_FOCUS, G_MAXUINT, border_width * 1.15,
                  &self->style.border, NULL, 0);

  cairo_restore (cr);
}

static void
render_view (BlBasemapRenderer *self,
             cairo_t           *cr,
             const BlView      *v)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, v->width, v->height);
  cairo_clip (cr);
  set_color (cr, &self->style.background);
  cairo_paint (cr);

  if (self->data != NULL)
    {
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_GOOD);
      draw_geometry (self, cr, v);
      bl_basemap_labels_draw (self, cr, v);
    }
  cairo_restore (cr);
}

static void
view_init (BlBasemapRenderer *self,
           BlView            *v,
           double             zoom,
           double             k,
           double             ox,
           double             oy,
           double             scale,
           double             width,
           double             height)
{
  double label_zoom;

  v->zoom = zoom;
  v->k = k;
  v->ox = ox;
  v->oy = oy;
  v->scale = scale;
  v->width = width;
  v->height = height;
  v->band = self->data != NULL ? bl_basemap_data_get_band_for_zoom (self->data, zoom + 1e-9) : 0;
  /* Labels are placed at whole zooms; between two, those of the lower one
   * are drawn, their anchors spreading out. */
  label_zoom = CLAMP (floor (zoom + 1e-9), 0, BL_BASEMAP_RENDERER_MAX_ZOOM);
  v->label_zoom = (guint) label_zoom;
  v->label_k = k / exp2 (label_zoom);
}

static gboolean
tile_view_init (BlBasemapRenderer *self,
                BlView            *v,
                guint              zoom,
                guint              x,
                guint              y,
                double             scale)
{
  double n = exp2 (zoom);

  if (zoom > BL_BASEMAP_RENDERER_MAX_ZOOM || x >= n || y >= n || !(scale > 0))
    return FALSE;
  view_init (self, v, zoom, scale * n, (double) x * BL_PROJECTION_TILE_SIZE * scale,
             (double) y * BL_PROJECTION_TILE_SIZE * scale, scale,
             BL_PROJECTION_TILE_SIZE * scale, BL_PROJECTION_TILE_SIZE * scale);
  return TRUE;
}

static void
bl_basemap_renderer_free (BlBasemapRenderer *self)
{
  bl_basemap_labels_clear (self);
  for (guint b = 0; b < self->n_bands; b++)
    clear_band (&self->bands[b]);
  g_clear_pointer (&self->data, bl_basemap_data_unref);
  g_free (self->font_family);
  g_free (self->language);
  g_free (self);
}

/**
 * bl_basemap_style_get_default:
 *
 * Returns: (transfer none): the light atlas style
 */
const BlBasemapStyle *
bl_basemap_style_get_default (void)
{
  return &default_style;
}

/**
 * bl_basemap_renderer_new:
 * @data: (nullable): the region data; %NULL draws an empty background map
 *
 * Returns: (transfer full): a renderer with the default style and English
 *   labels
 */
BlBasemapRenderer *
bl_basemap_renderer_new (BlBasemapData *data)
{
  return bl_basemap_renderer_new_full (data, NULL, NULL);
}

/**
 * bl_basemap_renderer_new_full:
 * @data: (nullable): the region data; %NULL draws an empty background map
 * @style: (nullable): the colours and font, copied; %NULL for the default
 * @language: (nullable): the language of country and province names:
 *   "en" (the default), "ru" or "fa"; names missing in that language fall
 *   back to English
 *
 * Returns: (transfer full): a new renderer, safe to use from several
 *   threads at once
 */
BlBasemapRenderer *
bl_basemap_renderer_new_full (BlBasemapData        *data,
                              const BlBasemapStyle *style,
                              const char           *language)
{
  BlBasemapRenderer *self = g_new0 (BlBasemapRenderer, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->style = style != NULL ? *style : default_style;
  self->font_family = g_strdup (self->style.font_family != NULL ?
                                self->style.font_family : default_style.font_family);
  self->style.font_family = self->font_family;
  if (language != NULL && (g_str_equal (language, "ru") || g_str_equal (language, "fa")))
    self->language = g_strdup (language);
  else
    self->language = g_strdup ("en");

  if (data != NULL)
    {
      BlBasemapBBox r;

      self->data = bl_basemap_data_ref (data);
      bl_basemap_data_get_region (data, &r);
      bl_basemap_project (r.min_lon, r.max_lat, &self->region.x0, &self->region.y0);
      bl_basemap_project (r.max_lon, r.min_lat, &self->region.x1, &self->region.y1);
      self->n_bands = bl_basemap_data_get_n_bands (data);
      for (guint b = 0; b < self->n_bands; b++)
        build_band (self, b);
    }
  bl_basemap_labels_init (self);
  return self;
}

/**
 * bl_basemap_renderer_ref:
 * @self: a renderer
 *
 * Returns: @self
 */
BlBasemapRenderer *
bl_basemap_renderer_ref (BlBasemapRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * bl_basemap_renderer_unref:
 * @self: (transfer full): a renderer
 */
void
bl_basemap_renderer_unref (BlBasemapRenderer *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    bl_basemap_renderer_free (self);
}

/**
 * bl_basemap_renderer_get_data:
 * @self: a renderer
 *
 * Returns: (transfer none) (nullable): the data drawn
 */
BlBasemapData *
bl_basemap_renderer_get_data (BlBasemapRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data;
}

/**
 * bl_basemap_renderer_get_style:
 * @self: a renderer
 *
 * Returns: (transfer none): the style in use
 */
const BlBasemapStyle *
bl_basemap_renderer_get_style (BlBasemapRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->style;
}

/**
 * bl_basemap_renderer_get_language:
 * @self: a renderer
 *
 * Returns: the label language: "en", "ru" or "fa"
 */
const char *
bl_basemap_renderer_get_language (BlBasemapRenderer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

/**
 * bl_basemap_renderer_render_tile:
 * @self: a renderer
 * @cr: where to draw; the tile's top left corner at the origin
 * @zoom: tile zoom, at most %BL_BASEMAP_RENDERER_MAX_ZOOM
 * @x: tile column
 * @y: tile row
 * @scale_factor: device pixels per logical pixel (2 on a HiDPI screen);
 *   the tile covers 256 × @scale_factor units of @cr
 *
 * Draws one map tile. Tiles outside the data region are plain background.
 *
 * Returns: %FALSE (drawing nothing) if the tile does not exist
 */
gboolean
bl_basemap_renderer_render_tile (BlBasemapRenderer *self,
                                 cairo_t           *cr,
                                 guint              zoom,
                                 guint              x,
                                 guint              y,
                                 double             scale_factor)
{
  BlView v;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (!tile_view_init (self, &v, zoom, x, y, scale_factor))
    return FALSE;
  render_view (self, cr, &v);
  return TRUE;
}

/**
 * bl_basemap_renderer_render_extent:
 * @self: a renderer
 * @cr: where to draw; the surface's top left corner at the origin
 * @west: western longitude of the area to show
 * @south: southern latitude
 * @east: eastern longitude
 * @north: northern latitude
 * @width: width of the drawing in units of @cr
 * @height: height of the drawing
 * @zoom_hint: the zoom whose look (label density, line widths, text
 *   sizes) to draw, scaled to fit, as when exporting what the screen
 *   shows at a higher resolution; or a negative number to draw the look of
 *   the zoom that the size gives
 *
 * Draws the area fitted into @width × @height (see
 * bl_projection_extent_fit()), centred.
 *
 * Returns: %FALSE (drawing nothing) if the area or the size is invalid
 */
gboolean
bl_basemap_renderer_render_extent (BlBasemapRenderer *self,
                                   cairo_t           *cr,
                                   double             west,
                                   double             south,
                                   double             east,
                                   double             north,
                                   int                width,
                                   int                height,
                                   double             zoom_hint)
{
  BlProjectionExtent e;
  BlView v;
  double zoom, scale;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);

  if (!bl_projection_extent_fit (&e, west, south, east, north, width, height))
    return FALSE;

  if (zoom_hint >= 0)
    zoom = MIN (zoom_hint, BL_BASEMAP_RENDERER_MAX_ZOOM);
  else
    zoom = CLAMP (e.zoom, 0, BL_BASEMAP_RENDERER_MAX_ZOOM);
  if (fabs (zoom - round (zoom)) < 1e-9)
    zoom = round (zoom);
  scale = exp2 (e.zoom - zoom);
  if (fabs (scale - 1) < 1e-9)
    scale = 1;

  view_init (self, &v, zoom, exp2 (e.zoom), e.origin_x, e.origin_y, scale, width, height);
  render_view (self, cr, &v);
  return TRUE;
}

/**
 * bl_basemap_renderer_prepare_zoom:
 * @self: a renderer
 * @zoom: a zoom level
 *
 * Places the labels of @zoom now, if that was not done yet (drawing the
 * first tile of a zoom does it otherwise). Safe from any thread.
 */
void
bl_basemap_renderer_prepare_zoom (BlBasemapRenderer *self,
                                  guint              zoom)
{
  g_return_if_fail (self != NULL);

  bl_basemap_labels_get (self, MIN (zoom, BL_BASEMAP_RENDERER_MAX_ZOOM));
}

/**
 * bl_basemap_renderer_list_tile_labels:
 * @self: a renderer
 * @zoom: tile zoom
 * @x: tile column
 * @y: tile row
 *
 * The labels drawn on a tile (also those only partly on it), with their
 * boxes in the tile's logical pixels.
 *
 * Returns: (transfer full) (element-type BlBasemapLabelInfo): the labels,
 *   in placement order (most important first)
 */
GArray *
bl_basemap_renderer_list_tile_labels (BlBasemapRenderer *self,
                                      guint              zoom,
                                      guint              x,
                                      guint              y)
{
  BlView v;

  g_return_val_if_fail (self != NULL, NULL);

  if (!tile_view_init (self, &v, zoom, x, y, 1.0) || self->data == NULL)
    return g_array_new (FALSE, FALSE, sizeof (BlBasemapLabelInfo));
  return bl_basemap_labels_list (self, &v);
}

/**
 * bl_basemap_renderer_lookup_area:
 * @self: a renderer
 * @area_code: an ISO 3166-1 alpha-2 country code ("AF") or an ISO 3166-2
 *   province code ("AF-KDZ")
 *
 * The country or province feature, whose outline
 * bl_basemap_feature_get_part() gives.
 *
 * Returns: (nullable): the feature, or %NULL if unknown or without data
 */
const BlBasemapFeature *
bl_basemap_renderer_lookup_area (BlBasemapRenderer *self,
                                 const char        *area_code)
{
  const BlBasemapFeature *f;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (area_code != NULL, NULL);

  if (self->data == NULL)
    return NULL;
  f = bl_basemap_data_lookup (self->data, BL_BASEMAP_LAYER_COUNTRY, area_code);
  if (f == NULL)
    f = bl_basemap_data_lookup_province (self->data, area_code);
  return f;
}

/**
 * bl_basemap_renderer_get_label_point:
 * @self: a renderer
 * @area_code: a country or province code, as for
 *   bl_basemap_renderer_lookup_area()
 * @lon: (out) (optional): longitude of a point well inside the area
 * @lat: (out) (optional): its latitude
 *
 * Where to put a marker for a claim about a whole area: the area's label
 * point (a pole of inaccessibility of its largest polygon).
 *
 * Returns: %FALSE if the area is unknown
 */
gboolean
bl_basemap_renderer_get_label_point (BlBasemapRenderer *self,
                                     const char        *area_code,
                                     double            *lon,
                                     double            *lat)
{
  const BlBasemapFeature *f;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (area_code != NULL, FALSE);

  f = bl_basemap_renderer_lookup_area (self, area_code);
  if (f == NULL)
    return FALSE;
  if (lon != NULL)
    *lon = f->label_lon;
  if (lat != NULL)
    *lat = f->label_lat;
  return TRUE;
}
