/* bl-map-export.c — an annotated map of the claims, as PNG, SVG or PDF
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How an export is made:
 *
 * 1. The page is laid out (bl-map-export-layout.c): title and subtitle on
 *    top, the footer, the attribution line and the optional citations
 *    and timeline strip at the bottom, the map in between. Text is
 *    measured with hinted metrics off, so that the layout, and with it
 *    where every claim lands, is the same on every surface.
 * 2. The map's extent: the options' box, or the visible claims framed
 *    with a margin, fitted into the map area (the area may show more
 *    than the box in one direction). Its zoom, as the window would show
 *    it, is the area's zoom less log2 (scale): the basemap is drawn
 *    directly at the export's resolution with that zoom's look, and the
 *    claims with a #BlMapFrame of that zoom and `scale`, so markers are
 *    as big, relative to the map, as on a screen of that scale. Where the
 *    fitted area would show beyond the basemap's region (blank "no data"
 *    bands) while what is framed lies inside it, the map area is narrowed
 *    to the region, and the room freed holds the legend.
 * 3. Layers, bottom to top: basemap, claims (#BlClaimPainter: areas,
 *    clusters, markers, the selection), annotations
 *    (bl_annotation_painter_paint()), citation numbers; then the map's
 *    furniture (legend, inset, scale bar, north arrow) in the corners
 *    where the fewest claims are.
 *
 * Files are rendered in memory and saved in bl-map-export-file.c.
 * Nothing here downloads anything: the basemap is the offline vector one.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-annotation-painter.h"
#include "bl-error.h"
#include "bl-map-export-private.h"
#include "bl-spatial-index.h"

/* The deepest zoom an export shows (the basemap has no more detail). */
#define MAX_EXPORT_ZOOM 11.0

/* How much room the framed claims get around them. */
#define FRAME_MARGIN 0.15          /* of the claims' span, on each side */
#define FRAME_MIN_HALF_LON 0.6     /* degrees */
#define FRAME_MIN_HALF_LAT 0.45

/* Helpers: options */

static gboolean
has_bbox (const BlMapExportOptions *options)
{
  return !isnan (options->west) && !isnan (options->south) &&
         !isnan (options->east) && !isnan (options->north);
}

static gboolean
check_options (const BlMapExportOptions  *options,
               GError                   **error)
{
  if ((guint) options->format >= BL_N_MAP_EXPORT_FORMATS)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_UNSUPPORTED,
                   _("Unknown map export format %d"), (int) options->format);
      return FALSE;
    }
  if (options->width < BL_MAP_EXPORT_MIN_SIZE || options->width > BL_MAP_EXPORT_MAX_SIZE ||
      options->height < BL_MAP_EXPORT_MIN_SIZE || options->height > BL_MAP_EXPORT_MAX_SIZE)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("A map must be from %d to %d pixels wide and high, not %d × %d"),
                   BL_MAP_EXPORT_MIN_SIZE, BL_MAP_EXPORT_MAX_SIZE, options->width, options->height);
      return FALSE;
    }
  if (!(options->scale >= BL_MAP_EXPORT_MIN_SCALE && options->scale <= BL_MAP_EXPORT_MAX_SCALE))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("The scale factor must be from %g to %g"),
                   BL_MAP_EXPORT_MIN_SCALE, BL_MAP_EXPORT_MAX_SCALE);
      return FALSE;
    }
  if (has_bbox (options) &&
      !(options->west >= -180 && options->east <= 180 && options->west < options->east &&
        options->south >= -BL_SPATIAL_MAX_LAT && options->north <= BL_SPATIAL_MAX_LAT &&
        options->south < options->north))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("The map's area must have west < east within −180…180 and south < north within −85…85"));
      return FALSE;
    }
  return TRUE;
}

/* Helpers: texts */

/* The filter's window as a canonical date, so that bl_date_format() can
 * say it in words: whole months and years are said as such. */
static char *
window_to_date_text (gint32 first,
                     gint32 last)
{
  int y0, m0, d0, y1, m1, d1;
  gboolean months, years;

  if (first == BL_DAY_MIN && last == BL_DAY_MAX)
    return NULL;

  if (first != BL_DAY_MIN)
    bl_day_to_ymd (first, &y0, &m0, &d0);
  else
    y0 = m0 = d0 = 0;
  if (last != BL_DAY_MAX)
    bl_day_to_ymd (last, &y1, &m1, &d1);
  else
    y1 = m1 = d1 = 0;

  if (first == BL_DAY_MIN)
    return g_strdup_printf ("../%04d-%02d-%02d", y1, m1, d1);
  if (last == BL_DAY_MAX)
    return g_strdup_printf ("%04d-%02d-%02d/..", y0, m0, d0);
  if (first == last)
    return g_strdup_printf ("%04d-%02d-%02d", y0, m0, d0);

  months = d0 == 1 && d1 == bl_date_days_in_month (y1, m1);
  years = months && m0 == 1 && m1 == 12;
  if (years)
    return y0 == y1 ? g_strdup_printf ("%04d", y0) : g_strdup_printf ("%04d/%04d", y0, y1);
  if (months)
    return y0 == y1 && m0 == m1 ? g_strdup_printf ("%04d-%02d", y0, m0)
                                : g_strdup_printf ("%04d-%02d/%04d-%02d", y0, m0, y1, m1);
  return g_strdup_printf ("%04d-%02d-%02d/%04d-%02d-%02d", y0, m0, d0, y1, m1, d1);
}

static char *
window_in_words (BlFilter *filter)
{
  g_autofree char *text = NULL;
  gint32 first, last;
  BlDate date;

  if (!bl_filter_has_window (filter))
    return g_strdup (_("all dates"));

  bl_filter_get_effective_window (filter, &first, &last);
  text = window_to_date_text (first, last);
  if (text == NULL || !bl_date_parse (text, &date, NULL))
    return g_strdup (_("all dates"));
  return bl_date_format (&date);
}

static char *
default_subtitle (BlProject       *project,
                  BlVisibleClaims *visible)
{
  BlFilter *filter = bl_visible_claims_get_filter (visible);
  guint32 topic = bl_filter_get_topic (filter);
  g_autofree char *window = window_in_words (filter);
  const char *topic_title = NULL;

  if (topic != BL_NO_INDEX && topic < g_list_model_get_n_items (bl_project_get_topics (project)))
    topic_title = bl_topic_get_title (bl_project_get_topic (project, topic));
  if (topic_title == NULL || *topic_title == '\0')
    topic_title = _("All topics");

  /* Translators: a map's subtitle: the topic, then the time window */
  return g_strdup_printf (_("%s · %s"), topic_title, window);
}

/**
 * bl_map_page_format_day:
 * @day: a day number
 *
 * Returns: (transfer full): the day in words ("29 November 2026")
 */
char *
bl_map_page_format_day (gint32 day)
{
  g_autofree char *text = NULL;
  BlDate date;
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  text = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  if (!bl_date_parse (text, &date, NULL))
    return g_steal_pointer (&text);
  return bl_date_format (&date);
}

/* Helpers: the map's extent */

/* The box around the visible claims that have a place on the map. */
static gboolean
frame_visible_claims (BlMapPage *page,
                      double    *west,
                      double    *south,
                      double    *east,
                      double    *north)
{
  const guint32 *indices;
  double w = G_MAXDOUBLE, s = G_MAXDOUBLE, e = -G_MAXDOUBLE, n = -G_MAXDOUBLE;
  double cx, cy, hx, hy;
  guint count;

  indices = bl_visible_claims_get_indices (page->visible, &count);
  for (guint i = 0; i < count; i++)
    {
      double lat, lon;

      if (!bl_claim_painter_get_position (page->painter, indices[i], &lat, &lon) ||
          !isfinite (lat) || !isfinite (lon))
        continue;
      w = MIN (w, lon);
      e = MAX (e, lon);
      s = MIN (s, lat);
      n = MAX (n, lat);
    }

  if (w > e)
    return FALSE;

  cx = (w + e) / 2;
  cy = (s + n) / 2;
  hx = MAX ((e - w) / 2 * (1 + 2 * FRAME_MARGIN), FRAME_MIN_HALF_LON);
  hy = MAX ((n - s) / 2 * (1 + 2 * FRAME_MARGIN), FRAME_MIN_HALF_LAT);

  *west = MAX (cx - hx, -180.0);
  *east = MIN (cx + hx, 180.0);
  *south = MAX (cy - hy, -BL_SPATIAL_MAX_LAT + 0.01);
  *north = MIN (cy + hy, BL_SPATIAL_MAX_LAT - 0.01);
  return TRUE;
}

/* Narrows the map area where it would show beyond the basemap's region,
 * when what is framed lies inside the region: bands of "no data" look
 * like a fault in print. @origin is the extent's edge in device world
 * pixels, @size the area's size. Returns the room freed. */
static double
fit_axis_to_region (double  region0,
                    double  region1,
                    double  box0,
                    double  box1,
                    double *origin,
                    double *size)
{
  double inside = region1 - region0, narrowed, freed;

  if (box0 < region0 - 1 || box1 > region1 + 1 || (*origin >= region0 && *origin + *size <= region1))
    return 0;

  narrowed = floor (MIN (*size, inside));
  freed = *size - narrowed;
  *origin = CLAMP ((box0 + box1) / 2 - narrowed / 2, region0, region1 - narrowed);
  *size = narrowed;
  return freed;
}

/* Fits the box into the map area and sets the frame (see the top). */
static void
compute_frame (BlMapPage *page)
{
  const BlMapExportOptions *o = page->options;
  BlProjectionExtent e;
  double west, south, east, north, device_zoom, zoom;
  double w = page->map.width, h = page->map.height;

  if (has_bbox (o))
    {
      west = o->west;
      south = o->south;
      east = o->east;
      north = o->north;
    }
  else if (!frame_visible_claims (page, &west, &south, &east, &north))
    {
      west = BL_MAP_EXPORT_HOME_WEST;
      south = BL_MAP_EXPORT_HOME_SOUTH;
      east = BL_MAP_EXPORT_HOME_EAST;
      north = BL_MAP_EXPORT_HOME_NORTH;
    }

  if (!bl_projection_extent_fit (&e, west, south, east, north, (int) w, (int) h))
    {
      /* checked before: cannot happen but with a degenerate area */
      bl_projection_extent_fit (&e, BL_MAP_EXPORT_HOME_WEST, BL_MAP_EXPORT_HOME_SOUTH,
                                BL_MAP_EXPORT_HOME_EAST, BL_MAP_EXPORT_HOME_NORTH, MAX ((int) w, 1), MAX ((int) h, 1));
    }

  device_zoom = e.zoom;
  zoom = device_zoom - log2 (page->s);
  if (zoom > MAX_EXPORT_ZOOM || zoom < 0)
    {
      double cx = e.origin_x + w / 2.0, cy = e.origin_y + h / 2.0;
      double k;

      zoom = CLAMP (zoom, 0, MAX_EXPORT_ZOOM);
      k = exp2 (zoom + log2 (page->s) - device_zoom);
      device_zoom = zoom + log2 (page->s);
      e.origin_x = cx * k - w / 2.0;
      e.origin_y = cy * k - h / 2.0;
    }

  if (page->basemap != NULL && bl_basemap_renderer_get_data (page->basemap) != NULL)
    {
      BlBasemapBBox region;
      double rx0, ry0, rx1, ry1, bx0, by0, bx1, by1;

      bl_basemap_data_get_region (bl_basemap_renderer_get_data (page->basemap), &region);
      bl_projection_lonlat_to_world (region.min_lon, region.max_lat, device_zoom, &rx0, &ry0);
      bl_projection_lonlat_to_world (region.max_lon, region.min_lat, device_zoom, &rx1, &ry1);
      bl_projection_lonlat_to_world (west, north, device_zoom, &bx0, &by0);
      bl_projection_lonlat_to_world (east, south, device_zoom, &bx1, &by1);
      /* the room freed on the side is for the legend (or the map is
       * centred: bl_map_page_place_legend()); below, it stays blank */
      page->room_beside = fit_axis_to_region (rx0, rx1, bx0, bx1, &e.origin_x, &w);
      fit_axis_to_region (ry0, ry1, by0, by1, &e.origin_y, &h);
      page->map.width = w;
      page->map.height = h;
    }

  page->frame.zoom = zoom;
  page->frame.scale = page->s;
  page->frame.x = e.origin_x / page->s;
  page->frame.y = e.origin_y / page->s;
  page->frame.width = w / page->s;
  page->frame.height = h / page->s;

  bl_projection_world_to_lonlat (e.origin_x, e.origin_y, device_zoom, &page->west, &page->north);
  bl_projection_world_to_lonlat (e.origin_x + w, e.origin_y + h, device_zoom, &page->east, &page->south);
}

/* The sources of the claims in view, numbered in project order. */
static void
collect_sources (BlMapPage *page)
{
  BlClaimStore *store = bl_project_get_claims (page->project);
  const guint32 *sources = bl_claim_store_get_sources (store);
  guint n_sources = g_list_model_get_n_items (bl_project_get_sources (page->project));
  g_autofree guint8 *seen = g_new0 (guint8, n_sources + 1);
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  const BlCluster *clusters;
  guint n_clusters;

  clusters = bl_cluster_set_get_clusters (page->clusters, &n_clusters);
  for (guint c = 0; clusters != NULL && c < n_clusters; c++)
    {
      g_array_set_size (members, 0);
      bl_cluster_set_get_members (page->clusters, c, members);
      for (guint m = 0; m < members->len; m++)
        {
          guint32 source = sources[g_array_index (members, guint, m)];

          if (source < n_sources)
            seen[source] = 1;
        }
    }

  for (guint32 i = 0; i < n_sources; i++)
    if (seen[i])
      {
        g_array_append_val (page->cited_sources, i);
        g_hash_table_insert (page->source_numbers, GUINT_TO_POINTER (i + 1),
                             GUINT_TO_POINTER (page->cited_sources->len));
      }
}

/* The page */

void
bl_map_page_clear (BlMapPage *page)
{
  g_clear_object (&page->painter);
  g_clear_pointer (&page->basemap, bl_basemap_renderer_unref);
  g_clear_pointer (&page->measure, cairo_destroy);
  g_clear_pointer (&page->measure_surface, cairo_surface_destroy);
  g_clear_pointer (&page->font_options, cairo_font_options_destroy);
  g_clear_pointer (&page->title, g_free);
  g_clear_pointer (&page->subtitle, g_free);
  g_clear_pointer (&page->now, g_date_time_unref);
  g_clear_pointer (&page->cited_sources, g_array_unref);
  g_clear_pointer (&page->source_numbers, g_hash_table_unref);
}

gboolean
bl_map_page_init (BlMapPage                *page,
                  BlProject                *project,
                  BlVisibleClaims          *visible,
                  BlBasemapRenderer        *basemap,
                  const BlMapExportOptions *options,
                  GError                  **error)
{
  const char *title;

  memset (page, 0, sizeof *page);

  if (!check_options (options, error))
    return FALSE;

  page->project = project;
  page->visible = visible;
  page->options = options;
  page->width = options->width;
  page->height = options->height;
  page->s = options->scale;
  page->cited_sources = g_array_new (FALSE, FALSE, sizeof (guint32));
  page->source_numbers = g_hash_table_new (NULL, NULL);
  page->now = options->now ? g_date_time_ref (options->now) : g_date_time_new_now_local ();

  /* the basemap's names in the language asked for */
  if (basemap != NULL && options->language != NULL &&
      g_strcmp0 (options->language, bl_basemap_renderer_get_language (basemap)) != 0)
    page->basemap = bl_basemap_renderer_new_full (bl_basemap_renderer_get_data (basemap),
                                                  bl_basemap_renderer_get_style (basemap),
                                                  options->language);
  else if (basemap != NULL)
    page->basemap = bl_basemap_renderer_ref (basemap);

  page->painter = bl_claim_painter_new (visible, page->basemap);
  bl_claim_painter_set_color_by (page->painter, options->color_by);
  bl_claim_painter_set_selected (page->painter, options->selected_claim);

  /* Text is measured on a scratch surface with metrics unhinted, so the
   * layout is the same whatever the target. */
  page->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  page->measure = cairo_create (page->measure_surface);
  page->font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (page->font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (page->font_options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (page->font_options, CAIRO_ANTIALIAS_GRAY);

  title = options->title != NULL ? options->title : bl_project_get_title (project);
  if (title == NULL || *title == '\0')
    title = _("Claims");
  page->title = g_utf8_make_valid (title, -1);
  page->subtitle = options->subtitle != NULL ? g_utf8_make_valid (options->subtitle, -1)
                                             : default_subtitle (project, visible);

  bl_map_page_measure (page);
  compute_frame (page);
  page->clusters = bl_claim_painter_compute_clusters (page->painter, &page->frame);
  collect_sources (page);
  bl_map_page_place_legend (page);
  return TRUE;
}

static void
draw_map (BlMapPage *page,
          cairo_t   *cr)
{
  const BlPageBox *m = &page->map;

  cairo_save (cr);
  cairo_translate (cr, m->x, m->y);
  cairo_rectangle (cr, 0, 0, m->width, m->height);
  cairo_clip (cr);

  if (page->basemap != NULL)
    bl_basemap_renderer_render_extent (page->basemap, cr, page->west, page->south,
                                       page->east, page->north,
                                       (int) m->width, (int) m->height, page->frame.zoom);
  else
    {
      const BlBasemapStyle *style = bl_basemap_style_get_default ();

      cairo_set_source_rgb (cr, style->land.red, style->land.green, style->land.blue);
      cairo_paint (cr);
    }

  bl_claim_painter_paint (page->painter, cr, &page->frame, page->clusters);

  if (page->options->show_annotations)
    bl_annotation_painter_paint (cr, &page->frame, bl_project_get_annotations (page->project), -1);

  if (page->has_citations)
    bl_map_page_draw_citation_marks (page, cr);

  cairo_restore (cr);

  /* a thin frame round the map */
  cairo_save (cr);
  cairo_rectangle (cr, m->x + 0.5 * page->s, m->y + 0.5 * page->s,
                   m->width - page->s, m->height - page->s);
  cairo_set_line_width (cr, page->s);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_stroke (cr);
  cairo_restore (cr);
}

gboolean
bl_map_page_render (BlMapPage *page,
                    cairo_t   *cr,
                    GError   **error)
{
  cairo_status_t status;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, page->width, page->height);
  cairo_clip (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  bl_map_page_draw_header (page, cr);
  draw_map (page, cr);
  bl_map_page_draw_overlays (page, cr);
  bl_map_page_draw_timeline (page, cr);
  bl_map_page_draw_attribution (page, cr);
  bl_map_page_draw_citations (page, cr);
  bl_map_page_draw_footer (page, cr);
  cairo_restore (cr);

  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
                   _("The map could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Public API */

/**
 * bl_map_export_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * The defaults: a PNG of 1600 × 1000 pixels at scale 1, framing the
 * visible claims, with the project's title, the legend, scale bar, north
 * arrow, inset, annotations and footer; no citations, no timeline strip.
 */
void
bl_map_export_options_init (BlMapExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = BL_MAP_EXPORT_PNG;
  options->width = 1600;
  options->height = 1000;
  options->scale = 1.0;
  options->west = options->south = options->east = options->north = NAN;
  options->color_by = BL_COLOR_BY_TOPIC;
  options->show_legend = TRUE;
  options->show_scale_bar = TRUE;
  options->show_north_arrow = TRUE;
  options->show_inset = TRUE;
  options->show_citations = FALSE;
  options->show_timeline = FALSE;
  options->show_footer = TRUE;
  options->show_annotations = TRUE;
}

/**
 * bl_map_export_format_for_path:
 * @path: a file name
 * @format: (out): its format, by extension (.png, .svg, .pdf, any case)
 *
 * Returns: %FALSE when the extension is none of those
 */
gboolean
bl_map_export_format_for_path (const char        *path,
                               BlMapExportFormat *format)
{
  g_autofree char *base = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  if (*path == '\0' || G_IS_DIR_SEPARATOR (path[strlen (path) - 1]))
    return FALSE;
  base = g_path_get_basename (path);
  lower = g_ascii_strdown (base, -1);
  for (BlMapExportFormat f = 0; f < BL_N_MAP_EXPORT_FORMATS; f++)
    {
      g_autofree char *suffix = g_strconcat (".", bl_map_export_format_get_extension (f), NULL);

      if (g_str_has_suffix (lower, suffix) && strlen (lower) > strlen (suffix))
        {
          *format = f;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * bl_map_export_format_get_extension:
 *
 * Returns: the file extension, without the dot ("png", "svg", "pdf")
 */
const char *
bl_map_export_format_get_extension (BlMapExportFormat format)
{
  static const char * const extensions[] = { "png", "svg", "pdf" };

  g_return_val_if_fail ((guint) format < BL_N_MAP_EXPORT_FORMATS, NULL);
  return extensions[format];
}

/**
 * bl_map_export_get_map_frame:
 * @project: the project
 * @visible: the claims the filter lets through
 * @basemap: (nullable): the basemap renderer
 * @options: the export's options
 * @frame: (out): the map's frame, as given to #BlClaimPainter
 * @map_x: (out) (optional): the left edge of the map area on the page,
 *   in device pixels
 * @map_y: (out) (optional): the top edge
 * @error: where to put the reason when the options are invalid
 *
 * Where the map lands on the page that bl_map_export_render() draws with
 * the same arguments. A point at world pixel (wx, wy) of zoom
 * @frame->zoom (bl_spatial_lonlat_to_world()) is drawn at page pixel
 * (@map_x + (wx − @frame->x) × @frame->scale, @map_y + (wy − @frame->y) ×
 * @frame->scale); bl_map_export_lonlat_to_page() does that sum. The map
 * area is @frame->width × @frame->scale device pixels wide.
 *
 * Returns: %FALSE with @error set when the options are invalid
 */
gboolean
bl_map_export_get_map_frame (BlProject                 *project,
                             BlVisibleClaims           *visible,
                             BlBasemapRenderer         *basemap,
                             const BlMapExportOptions  *options,
                             BlMapFrame                *frame,
                             double                    *map_x,
                             double                    *map_y,
                             GError                   **error)
{
  g_auto(BlMapPage) page = { 0 };

  g_return_val_if_fail (BL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (visible), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (frame != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bl_map_page_init (&page, project, visible, basemap, options, error))
    return FALSE;

  *frame = page.frame;
  if (map_x != NULL)
    *map_x = page.map.x;
  if (map_y != NULL)
    *map_y = page.map.y;
  return TRUE;
}

/**
 * bl_map_export_lonlat_to_page:
 * @frame: a frame from bl_map_export_get_map_frame()
 * @map_x: the map's left edge from it
 * @map_y: the map's top edge from it
 * @lon: a longitude
 * @lat: a latitude
 * @x: (out): where it lands on the page, in device pixels
 * @y: (out): likewise
 */
void
bl_map_export_lonlat_to_page (const BlMapFrame *frame,
                              double            map_x,
                              double            map_y,
                              double            lon,
                              double            lat,
                              double           *x,
                              double           *y)
{
  double wx, wy;

  g_return_if_fail (frame != NULL && x != NULL && y != NULL);

  bl_spatial_lonlat_to_world (lat, lon, frame->zoom, &wx, &wy);
  *x = map_x + (wx - frame->x) * frame->scale;
  *y = map_y + (wy - frame->y) * frame->scale;
}

/**
 * bl_map_export_render:
 * @project: the project
 * @visible: the claims the filter lets through (the filter also gives
 *   the subtitle's topic and time window)
 * @basemap: (nullable): the basemap renderer; %NULL draws plain land
 * @options: the export's options (@format is not used)
 * @cr: where to draw: a surface of @options->width × @options->height
 *   units, the page's top-left corner at the origin
 * @error: where to put the reason of a failure
 *
 * Draws the whole page.
 *
 * Returns: %FALSE with @error set when the options are invalid or
 *   drawing failed
 */
gboolean
bl_map_export_render (BlProject                 *project,
                      BlVisibleClaims           *visible,
                      BlBasemapRenderer         *basemap,
                      const BlMapExportOptions  *options,
                      cairo_t                   *cr,
                      GError                   **error)
{
  g_auto(BlMapPage) page = { 0 };

  g_return_val_if_fail (BL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (visible), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bl_map_page_init (&page, project, visible, basemap, options, error))
    return FALSE;
  return bl_map_page_render (&page, cr, error);
}
