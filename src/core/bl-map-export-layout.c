/* bl-map-export-layout.c — the page around an exported map
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays out and draws what a newspaper map has around the map itself:
 * the title and subtitle above it; under it the optional timeline strip,
 * the attribution of every data source shown, the optional numbered
 * citations (with their numbers next to the markers), and the footer.
 * The furniture inside the map (legend, inset, scale bar, north arrow) is
 * bl-map-export-furniture.c.
 *
 * Sizes are logical pixels × the page's scale (s) × its type scale (t,
 * below 1 on small pages). A page too small for everything drops the
 * optional parts first, then the subtitle and the footer; the map and its
 * credits stay. All text from the project is plain Pango text.
 *
 * The map itself (basemap, claims, annotations) is drawn in
 * bl-map-export.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-map-export-private.h"
#include "bl-text.h"

/* The page's colours */
const double bl_map_page_ink[3]       = { 0.10, 0.10, 0.10 };
const double bl_map_page_ink_muted[3] = { 0.36, 0.36, 0.36 };
const double bl_map_page_rule[3]      = { 0.78, 0.78, 0.78 };
const double bl_map_page_accent[3]    = { 0.72, 0.11, 0.11 };

/* Helpers: text */

static const char *
page_font (BlMapPage *page)
{
  const BlBasemapStyle *style = page->basemap ? bl_basemap_renderer_get_style (page->basemap)
                                              : bl_basemap_style_get_default ();

  return style->font_family ? style->font_family : "Sans";
}

/**
 * bl_map_page_layout:
 * @cr: (nullable): where the text is drawn; %NULL to measure
 * @text: plain text (never markup)
 * @size: the text size in logical pixels at type scale 1
 * @width: the width to wrap at, in device pixels, or 0 for no wrapping
 * @max_lines: the lines kept when wrapping (the last is ellipsized)
 *
 * Returns: (transfer full): a layout of @text in the page's font
 */
PangoLayout *
bl_map_page_layout (BlMapPage   *page,
                    cairo_t     *cr,
                    const char  *text,
                    double       size,
                    PangoWeight  weight,
                    double       width,
                    int          max_lines)
{
  PangoLayout *layout = bl_text_layout_new (cr ? cr : page->measure);
  PangoFontDescription *font = pango_font_description_from_string (page_font (page));

  pango_cairo_context_set_font_options (pango_layout_get_context (layout), page->font_options);
  pango_layout_context_changed (layout);

  pango_font_description_set_weight (font, weight);
  pango_font_description_set_absolute_size (font, MAX (size * page->t * page->s, 1.0) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

double
bl_map_page_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

double
bl_map_page_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

double
bl_map_page_text_height (BlMapPage   *page,
             const char  *text,
             double       size,
             PangoWeight  weight,
             double       width,
             int          max_lines)
{
  g_autoptr(PangoLayout) layout = bl_map_page_layout (page, NULL, text, size, weight, width, max_lines);

  return bl_map_page_layout_height (layout);
}

void
bl_map_page_show_layout (cairo_t      *cr,
             PangoLayout  *layout,
             double        x,
             double        y,
             const double  rgb[3])
{
  cairo_move_to (cr, x, y);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  pango_cairo_show_layout (cr, layout);
}

static void
show_text (BlMapPage    *page,
           cairo_t      *cr,
           const char   *text,
           double        size,
           PangoWeight   weight,
           double        x,
           double        y,
           double        width,
           int           max_lines,
           const double  rgb[3])
{
  g_autoptr(PangoLayout) layout = bl_map_page_layout (page, cr, text, size, weight, width, max_lines);

  bl_map_page_show_layout (cr, layout, x, y, rgb);
}

/* Text with a white halo, for text over the map. */
static void
show_text_halo (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y,
                double       halo,
                const double rgb[3])
{
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  pango_cairo_layout_path (cr, layout);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, halo);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
  cairo_stroke (cr);
  bl_map_page_show_layout (cr, layout, x, y, rgb);
  cairo_restore (cr);
}

/* Layout */

/**
 * bl_map_page_count_cited_sources:
 *
 * Returns: how many sources the visible claims have (those in view are
 *   among them): the room kept for the citations
 */
guint
bl_map_page_count_cited_sources (BlMapPage *page)
{
  BlClaimStore *store = bl_project_get_claims (page->project);
  const guint32 *sources = bl_claim_store_get_sources (store);
  guint n_sources = g_list_model_get_n_items (bl_project_get_sources (page->project));
  g_autofree guint8 *seen = g_new0 (guint8, n_sources + 1);
  const guint32 *indices;
  guint n, count = 0;

  indices = bl_visible_claims_get_indices (page->visible, &n);
  for (guint i = 0; i < n && count < n_sources; i++)
    {
      guint32 source = sources[indices[i]];

      if (source < n_sources && !seen[source])
        {
          seen[source] = 1;
          count++;
        }
    }
  return count;
}

/**
 * bl_map_page_unit:
 * @logical: a length in logical pixels at type scale 1
 *
 * Returns: the length in device pixels
 */
double
bl_map_page_unit (BlMapPage *page,
                  double     logical)
{
  return logical * page->t * page->s;
}

#define MAX_CITATION_ROWS 8

static void
layout_boxes (BlMapPage *page,
              guint      n_citations)
{
  double width = page->width, height = page->height;
  double m = page->margin, content = width - 2 * m;
  double gap = round (bl_map_page_unit (page, 12));
  double top = m, bottom = height - m;
  double h;

  memset (&page->header, 0, sizeof page->header);
  memset (&page->timeline, 0, sizeof page->timeline);
  memset (&page->attribution, 0, sizeof page->attribution);
  memset (&page->citations, 0, sizeof page->citations);
  memset (&page->footer, 0, sizeof page->footer);

  /* header */
  h = 0;
  if (page->has_title)
    h += bl_map_page_text_height (page, page->title, BL_MAP_PAGE_TITLE_SIZE, PANGO_WEIGHT_BOLD, content, 2);
  if (page->has_subtitle)
    h += (h > 0 ? bl_map_page_unit (page, 4) : 0) +
         bl_map_page_text_height (page, page->subtitle, BL_MAP_PAGE_SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL, content, 2);
  page->header = (BlPageBox) { m, top, content, h };
  if (h > 0)
    top += h + gap;

  /* from the bottom up: footer, citations, attribution, timeline */
  if (page->has_footer)
    {
      h = bl_map_page_text_height (page, "Exported", BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, content, 1);
      page->footer = (BlPageBox) { m, bottom - h, content, h };
      bottom -= h + gap;
    }

  if (page->has_citations)
    {
      double line = bl_map_page_text_height (page, "1", BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, 0, 1);
      guint columns = (guint) MAX (1.0, floor (content / bl_map_page_unit (page, 340)));
      guint rows = MIN ((n_citations + columns - 1) / columns, MAX_CITATION_ROWS);

      page->citation_columns = columns;
      page->citation_rows = rows;
      h = line * (rows + 1) + bl_map_page_unit (page, 2);
      page->citations = (BlPageBox) { m, bottom - h, content, h };
      bottom -= h + gap * 0.75;
    }

  if (page->has_attribution)
    {
      h = bl_map_page_text_height (page, "Basemap", BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, content, 1);
      page->attribution = (BlPageBox) { m, bottom - h, content, h };
      bottom -= h + bl_map_page_unit (page, 5);
    }

  if (page->has_timeline)
    {
      h = round (bl_map_page_unit (page, 84));
      page->timeline = (BlPageBox) { m, bottom - h, content, h };
      bottom -= h + bl_map_page_unit (page, 6);
    }

  page->map.x = round (m);
  page->map.y = round (top);
  page->map.width = MAX (1.0, round (content));
  page->map.height = MAX (1.0, floor (bottom - page->map.y));
}

/**
 * bl_map_page_measure:
 *
 * Lays the page out: sets the type scale, the margin and every box.
 */
void
bl_map_page_measure (BlMapPage *page)
{
  const BlMapExportOptions *o = page->options;
  double wl = page->width / page->s, hl = page->height / page->s;
  guint n_citations = 0;

  page->t = CLAMP (MIN (wl / 1000.0, hl / 700.0), 0.6, 1.0);
  page->margin = MAX (1.0, round (bl_map_page_unit (page, 24)));

  if (o->show_citations)
    n_citations = bl_map_page_count_cited_sources (page);

  page->has_title = TRUE;
  page->has_subtitle = page->subtitle != NULL && *page->subtitle != '\0';
  page->has_timeline = o->show_timeline;
  page->has_citations = o->show_citations && n_citations > 0;
  page->has_attribution = TRUE;
  page->has_footer = o->show_footer;

  /* the map keeps at least 45% of the page's height: drop what is least
   * needed until it does */
  for (guint step = 0; ; step++)
    {
      layout_boxes (page, n_citations);
      if (page->map.height >= 0.45 * page->height)
        break;

      switch (step)
        {
        case 0: page->has_timeline = FALSE; break;
        case 1: page->has_citations = FALSE; break;
        case 2: page->has_footer = FALSE; break;
        case 3: page->has_subtitle = FALSE; break;
        case 4: page->has_title = FALSE; break;
        default:
          return;
        }
    }
}

/* Header and footer */

void
bl_map_page_draw_header (BlMapPage *page,
                         cairo_t   *cr)
{
  const BlPageBox *b = &page->header;
  double y = b->y;

  if (page->has_title)
    {
      g_autoptr(PangoLayout) title = bl_map_page_layout (page, cr, page->title, BL_MAP_PAGE_TITLE_SIZE,
                                                         PANGO_WEIGHT_BOLD, b->width, 2);

      /* a short bl_map_page_accent bar over the title, as papers mark their graphics */
      if (page->margin > bl_map_page_unit (page, 12))
        {
          cairo_rectangle (cr, b->x, b->y - bl_map_page_unit (page, 12), bl_map_page_unit (page, 40), bl_map_page_unit (page, 4));
          cairo_set_source_rgb (cr, bl_map_page_accent[0], bl_map_page_accent[1], bl_map_page_accent[2]);
          cairo_fill (cr);
        }
      bl_map_page_show_layout (cr, title, b->x, y, bl_map_page_ink);
      y += bl_map_page_layout_height (title) + bl_map_page_unit (page, 4);
    }
  if (page->has_subtitle)
    show_text (page, cr, page->subtitle, BL_MAP_PAGE_SUBTITLE_SIZE, PANGO_WEIGHT_NORMAL,
               b->x, y, b->width, 2, bl_map_page_ink_muted);
}

void
bl_map_page_draw_footer (BlMapPage *page,
                         cairo_t   *cr)
{
  const BlPageBox *b = &page->footer;
  const char *project_title = bl_project_get_title (page->project);
  g_autofree char *day = NULL;
  g_autofree char *text = NULL;
  double rule_y;

  if (!page->has_footer)
    return;

  day = bl_map_page_format_day (bl_day_from_ymd (g_date_time_get_year (page->now),
                                                 g_date_time_get_month (page->now),
                                                 g_date_time_get_day_of_month (page->now)));
  if (project_title != NULL && *project_title != '\0')
    /* Translators: the footer of an exported map: the date, then the
     * project's title */
    text = g_strdup_printf (_("Exported from Borderline on %s · %s"), day, project_title);
  else
    text = g_strdup_printf (_("Exported from Borderline on %s"), day);

  rule_y = round (b->y - bl_map_page_unit (page, 6)) + 0.5 * page->s;
  cairo_move_to (cr, b->x, rule_y);
  cairo_line_to (cr, b->x + b->width, rule_y);
  cairo_set_line_width (cr, page->s);
  cairo_set_source_rgb (cr, bl_map_page_rule[0], bl_map_page_rule[1], bl_map_page_rule[2]);
  cairo_stroke (cr);

  show_text (page, cr, text, BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, b->x, b->y, b->width, 1, bl_map_page_ink_muted);
}

/* Attribution and citations */

void
bl_map_page_draw_attribution (BlMapPage *page,
                              cairo_t   *cr)
{
  const BlPageBox *b = &page->attribution;
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_claims = page->clusters ? bl_cluster_set_get_n_claims (page->clusters) : 0;
  guint n_sources = page->cited_sources->len;
  g_autofree char *claims = NULL;
  g_autofree char *sources = NULL;

  if (!page->has_attribution)
    return;

  if (page->basemap != NULL && bl_basemap_renderer_get_data (page->basemap) != NULL)
    {
      /* Translators: the credit of the offline basemap's data */
      g_string_append (text, _("Basemap: Natural Earth, GeoNames"));
      g_string_append (text, " · ");
    }

  claims = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim shown", "%u claims shown", n_claims),
                            n_claims);
  sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %u source", "from %u sources", n_sources),
                             n_sources);
  /* Translators: "16 claims shown" and "from 2 sources" */
  g_string_append_printf (text, _("%s, %s"), claims, sources);

  if (page->has_citations && n_sources > 0)
    {
      g_string_append (text, " · ");
      g_string_append (text, _("Numbers on the map refer to the sources listed below"));
    }

  show_text (page, cr, text->str, BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, b->x, b->y, b->width, 1, bl_map_page_ink_muted);
}

static char *
citation_text (BlMapPage *page,
               guint32    source_index)
{
  BlSource *source = bl_project_get_source (page->project, source_index);
  const char *name = bl_source_get_name (source);
  const char *published = bl_source_get_published (source);
  const char *url = bl_source_get_url (source);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append (text, name && *name ? name : bl_source_get_id (source));
  if (published != NULL && *published != '\0')
    {
      BlDate date;
      g_autofree char *words = NULL;

      if (bl_date_parse (published, &date, NULL))
        words = bl_date_format (&date);
      g_string_append_printf (text, ", %s", words ? words : published);
    }
  if (url != NULL && *url != '\0')
    g_string_append_printf (text, " — %s", url);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
bl_map_page_draw_citations (BlMapPage *page,
                            cairo_t   *cr)
{
  const BlPageBox *b = &page->citations;
  guint n = page->cited_sources->len;
  guint columns = MAX (page->citation_columns, 1), rows = page->citation_rows;
  guint capacity = columns * rows;
  double column_width, line, number_width, y0;

  if (!page->has_citations || rows == 0)
    return;

  line = bl_map_page_text_height (page, "1", BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, 0, 1);
  column_width = b->width / columns;
  number_width = bl_map_page_unit (page, 24);

  show_text (page, cr, _("Sources"), BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_BOLD, b->x, b->y, b->width, 1, bl_map_page_ink);
  y0 = b->y + line + bl_map_page_unit (page, 2);

  if (n == 0)
    {
      show_text (page, cr, _("No claims in view"), BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                 b->x, y0, b->width, 1, bl_map_page_ink_muted);
      return;
    }

  /* column-major, like a printed list */
  for (guint i = 0; i < MIN (n, capacity); i++)
    {
      guint column = i / rows, row = i % rows;
      double x = b->x + column * column_width, y = y0 + row * line;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *text = NULL;

      if (i == capacity - 1 && n > capacity)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more source", "and %u more sources",
                                             n - capacity + 1),
                                n - capacity + 1);
      else
        {
          text = citation_text (page, g_array_index (page->cited_sources, guint32, i));
          show_text (page, cr, number, BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_BOLD, x, y, 0, 1, bl_map_page_accent);
        }
      show_text (page, cr, text, BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, x + number_width, y,
                 column_width - number_width - bl_map_page_unit (page, 12), 1, bl_map_page_ink);
    }
}

/* The source numbers of a cluster's claims, next to its marker: the
 * three lowest, and "…" when there are more. */
void
bl_map_page_draw_citation_marks (BlMapPage *page,
                                 cairo_t   *cr)
{
  BlClaimStore *store = bl_project_get_claims (page->project);
  const guint32 *sources = bl_claim_store_get_sources (store);
  guint n_cited = page->cited_sources->len;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint8 *seen = g_new0 (guint8, n_cited + 1);
  const BlMapFrame *f = &page->frame;
  const BlCluster *clusters;
  guint n_clusters;

  clusters = bl_cluster_set_get_clusters (page->clusters, &n_clusters);
  for (guint c = 0; clusters != NULL && c < n_clusters; c++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PangoLayout) layout = NULL;
      double x = (clusters[c].x - f->x) * f->scale;
      double y = (clusters[c].y - f->y) * f->scale;
      guint shown = 0;
      gboolean more = FALSE;
      double r;

      memset (seen, 0, n_cited + 1);
      g_array_set_size (members, 0);
      bl_cluster_set_get_members (page->clusters, c, members);
      for (guint m = 0; m < members->len; m++)
        {
          guint32 source = sources[g_array_index (members, guint, m)];
          guint number;

          if (source == BL_NO_INDEX)
            continue;
          number = GPOINTER_TO_UINT (g_hash_table_lookup (page->source_numbers,
                                                          GUINT_TO_POINTER (source + 1)));
          if (number >= 1 && number <= n_cited)
            seen[number] = 1;
        }

      for (guint number = 1; number <= n_cited; number++)
        {
          if (!seen[number])
            continue;
          if (shown == 3)
            {
              more = TRUE;
              break;
            }
          g_string_append_printf (text, shown ? ",%u" : "%u", number);
          shown++;
        }
      if (shown == 0)
        continue;
      if (more)
        g_string_append (text, "…");

      r = clusters[c].n_claims == 1 ? BL_CLAIM_MARKER_RADIUS
                                    : 11.0 + 3.0 * log10 (clusters[c].n_claims);
      /* as big as the markers' own text: it follows the frame's scale */
      layout = bl_map_page_layout (page, cr, text->str, BL_MAP_PAGE_MARK_SIZE / page->t, PANGO_WEIGHT_BOLD, 0, 1);
      show_text_halo (cr, layout, x + (r * 0.7 + 1) * f->scale,
                      y - (r * 0.7) * f->scale - bl_map_page_layout_height (layout),
                      3 * f->scale, bl_map_page_accent);
    }
}

/* The timeline strip */

/* The days the strip spans: the filter's window, or the dated visible
 * claims' span. */
static gboolean
timeline_span (BlMapPage *page,
               const BlDate *dates,
               gint32    *first,
               gint32    *last)
{
  BlFilter *filter = bl_visible_claims_get_filter (page->visible);
  const guint32 *indices;
  gint32 lo = BL_DAY_MAX, hi = BL_DAY_MIN;
  guint n;

  if (bl_filter_has_window (filter))
    bl_filter_get_effective_window (filter, first, last);
  else
    *first = BL_DAY_MIN, *last = BL_DAY_MAX;

  if (*first != BL_DAY_MIN && *last != BL_DAY_MAX)
    return *last >= *first;

  indices = bl_visible_claims_get_indices (page->visible, &n);
  for (guint i = 0; i < n; i++)
    {
      gint32 a, b;

      if (bl_date_is_unknown (&dates[indices[i]]))
        continue;
      bl_date_get_nominal_range (&dates[indices[i]], &a, &b);
      if (a != BL_DAY_MIN)
        lo = MIN (lo, a);
      if (b != BL_DAY_MAX)
        hi = MAX (hi, b);
      if (a != BL_DAY_MIN && b == BL_DAY_MAX)
        hi = MAX (hi, a);
      if (b != BL_DAY_MAX && a == BL_DAY_MIN)
        lo = MIN (lo, b);
    }
  if (*first == BL_DAY_MIN)
    *first = lo;
  if (*last == BL_DAY_MAX)
    *last = hi;
  return *first != BL_DAY_MAX && *last != BL_DAY_MIN && *last >= *first;
}

/**
 * bl_map_page_draw_timeline:
 *
 * A histogram of the visible claims over the window (by the filter's
 * clock): each claim counts in the bin of the middle of its dates, as
 * far as they overlap the window.
 */
void
bl_map_page_draw_timeline (BlMapPage *page,
                           cairo_t   *cr)
{
  const BlPageBox *b = &page->timeline;
  BlFilter *filter;
  BlClaimStore *store;
  const BlDate *dates;
  const guint32 *indices;
  g_autofree guint *bins = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *heading = NULL;
  g_autoptr(PangoLayout) heading_layout = NULL;
  g_autoptr(PangoLayout) to_layout = NULL;
  gint32 first, last;
  guint n, n_bins, max = 0;
  double label_h, bar_top, bar_bottom, bin_w;

  if (!page->has_timeline)
    return;

  filter = bl_visible_claims_get_filter (page->visible);
  store = bl_project_get_claims (page->project);
  dates = bl_claim_store_get_dates (store, bl_filter_get_clock (filter));
  label_h = bl_map_page_text_height (page, "0", BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, 0, 1);

  if (!timeline_span (page, dates, &first, &last))
    {
      show_text (page, cr, _("No dated claims"), BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                 b->x, b->y, b->width, 1, bl_map_page_ink_muted);
      return;
    }

  n_bins = (guint) CLAMP (b->width / bl_map_page_unit (page, 8), 10, 160);
  n_bins = (guint) MIN ((gint64) n_bins, (gint64) last - first + 1);
  bins = g_new0 (guint, n_bins);

  indices = bl_visible_claims_get_indices (page->visible, &n);
  for (guint i = 0; i < n; i++)
    {
      gint32 a, z;
      gint64 mid;
      guint bin;

      if (bl_date_is_unknown (&dates[indices[i]]))
        continue;
      bl_date_get_nominal_range (&dates[indices[i]], &a, &z);
      a = MAX (a, first);
      z = MIN (z, last);
      if (a > z)
        continue;
      mid = ((gint64) a + z) / 2;
      bin = (guint) MIN ((mid - first) * n_bins / ((gint64) last - first + 1), n_bins - 1);
      bins[bin]++;
      max = MAX (max, bins[bin]);
    }

  /* a heading row, the bars on a base line, the window's ends under it */
  if (bl_filter_get_clock (filter) == BL_CLOCK_ABOUT)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Claims by the time they are about (tallest bar: %u claim)",
                                            "Claims by the time they are about (tallest bar: %u claims)", max), max);
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Claims by the date they were made (tallest bar: %u claim)",
                                            "Claims by the date they were made (tallest bar: %u claims)", max), max);
  heading_layout = bl_map_page_layout (page, cr, heading, BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_BOLD, b->width, 1);
  bl_map_page_show_layout (cr, heading_layout, b->x, b->y, bl_map_page_ink_muted);

  bar_top = b->y + label_h + bl_map_page_unit (page, 4);
  bar_bottom = b->y + b->height - label_h - bl_map_page_unit (page, 4);
  bin_w = b->width / n_bins;

  /* a faint band shows the whole window, bars or not */
  cairo_rectangle (cr, b->x, bar_top, b->width, bar_bottom - bar_top);
  cairo_set_source_rgb (cr, 0.95, 0.95, 0.94);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.29, 0.33, 0.39);
  for (guint i = 0; i < n_bins && max > 0; i++)
    {
      double h = (bar_bottom - bar_top) * bins[i] / max;

      if (bins[i] == 0)
        continue;
      h = MAX (h, page->s);
      cairo_rectangle (cr, b->x + i * bin_w + MIN (bin_w * 0.1, page->s), bar_bottom - h,
                       MAX (bin_w - 2 * MIN (bin_w * 0.1, page->s), page->s * 0.5), h);
    }
  cairo_fill (cr);

  cairo_move_to (cr, b->x, round (bar_bottom) + 0.5 * page->s);
  cairo_line_to (cr, b->x + b->width, round (bar_bottom) + 0.5 * page->s);
  cairo_set_line_width (cr, page->s);
  cairo_set_source_rgb (cr, bl_map_page_ink_muted[0], bl_map_page_ink_muted[1], bl_map_page_ink_muted[2]);
  cairo_stroke (cr);

  from = bl_map_page_format_day (first);
  to = bl_map_page_format_day (last);
  show_text (page, cr, from, BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, b->x, bar_bottom + bl_map_page_unit (page, 3),
             b->width / 2, 1, bl_map_page_ink_muted);
  to_layout = bl_map_page_layout (page, cr, to, BL_MAP_PAGE_SMALL_SIZE, PANGO_WEIGHT_NORMAL, 0, 1);
  bl_map_page_show_layout (cr, to_layout, b->x + b->width - bl_map_page_layout_width (to_layout),
                           bar_bottom + bl_map_page_unit (page, 3), bl_map_page_ink_muted);
}
