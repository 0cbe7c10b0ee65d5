/* bl-basemap-labels.c — label placement and drawing for the basemap
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Labels are placed once per whole zoom level, over the whole data region,
 * not per tile: a greedy pass in a fixed order of priority (countries,
 * capitals, provincial centres, provinces, rivers and lakes, then other
 * places) tries a few positions for each label and keeps the first that
 * overlaps no label or place symbol placed before it. The result is the
 * same whatever tile asks first, and each tile then draws every label
 * whose box reaches it, so labels are never cut at tile edges.
 *
 * Placement runs lazily, under the renderer's label lock, with the
 * renderer's own Pango font map (so no Pango object is ever used from two
 * threads). Text is shaped once and kept as a cairo path; drawing a label
 * is appending that immutable path, stroking a halo and filling it, which
 * any thread may do at once, at any scale.
 *
 * Not here: the geometry (bl-basemap-renderer.c), labels of claims.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-basemap-renderer-private.h"
#include "bl-projection.h"
#include "bl-text.h"

/* Space kept free between two labels, in logical pixels. */
#define LABEL_PADDING 1.5
/* Cap height of the fonts we use, as a fraction of the size. */
#define CAP_HEIGHT 0.71
/* Space between a country's label point and its name's box (halo
 * included), in logical pixels: a claim marker's radius
 * (BL_CLAIM_MARKER_RADIUS, 7) and a little. */
#define COUNTRY_MARKER_CLEARANCE 8.0

typedef struct {
  guint priority;
  const BlBasemapFeature *feature;
  BlBasemapLabelKind kind;
  double size;
  PangoWeight weight;
  gboolean italic;
  gboolean upper;
  double spacing;              /* letter spacing, em */
  double halo;                 /* halo width each side */
  double wrap;                 /* wrap width, 0 for one line */
  BlLabelColor color;
  BlDotStyle dot;
  double dot_radius;
} Candidate;

typedef struct {
  BlBasemapRenderer *self;
  guint zoom;
  double world;                /* world size at zoom */
  BlBox region;                /* in world pixels at zoom */
  GArray *taken;               /* BlBox, with padding */
  GArray *labels;              /* BlLabel */
} Placer;

static gboolean
is_focus_code (const char *code)
{
  return g_str_has_prefix (code, "AF") || g_str_has_prefix (code, "TJ");
}

/* Style of the label of @f at @zoom; FALSE if it has none there. */
static gboolean
candidate_for (const BlBasemapFeature *f,
               guint                   zoom,
               Candidate              *c)
{
  memset (c, 0, sizeof *c);
  c->feature = f;
  c->weight = PANGO_WEIGHT_NORMAL;
  c->halo = 2.0;

  switch (f->layer)
    {
    case BL_BASEMAP_LAYER_COUNTRY:
      c->kind = BL_BASEMAP_LABEL_COUNTRY;
      c->upper = TRUE;
      if (f->rank == 0)
        {
          static const double sizes[] = { 10, 10, 10, 11, 13, 15, 17, 19, 20, 20, 20, 20 };

          if (zoom > 11)
            return FALSE;
          c->priority = 1;
          c->size = sizes[zoom];
          c->weight = PANGO_WEIGHT_BOLD;
          c->spacing = zoom <= 4 ? 0.14 : 0.22;
          c->color = BL_LABEL_COLOR_COUNTRY;
          c->halo = 2.5;
        }
      else
        {
          static const double sizes[] = { 9, 9, 9, 9.5, 10.5, 11.5, 12.5, 13.5, 14, 14, 14 };

          if (zoom > 10)
            return FALSE;
          c->priority = 2;
          c->size = sizes[zoom];
          c->spacing = 0.18;
          c->color = BL_LABEL_COLOR_COUNTRY_MINOR;
        }
      return TRUE;

    case BL_BASEMAP_LAYER_PROVINCE:
      if (zoom < (f->rank == 0 ? 6 : 7) || zoom > 11)
        return FALSE;
      c->kind = BL_BASEMAP_LABEL_PROVINCE;
      c->priority = f->rank == 0 ? 5 : 7;
      c->size = zoom <= 6 ? 10 : zoom == 7 ? 11 : 12;
      c->italic = TRUE;
      c->spacing = 0.06;
      c->wrap = 9 * c->size;
      c->color = BL_LABEL_COLOR_PROVINCE;
      return TRUE;

    case BL_BASEMAP_LAYER_RIVER:
    case BL_BASEMAP_LAYER_LAKE:
      if (f->name[0] == '\0')
        return FALSE;
      if (f->layer == BL_BASEMAP_LAYER_RIVER && zoom < (f->rank <= 1 ? 6 : 8))
        return FALSE;
      if (f->layer == BL_BASEMAP_LAYER_LAKE && zoom < 8)
        return FALSE;
      c->kind = BL_BASEMAP_LABEL_WATER;
      c->priority = f->rank <= 1 ? 6 : 8;
      c->size = zoom <= 7 ? 10.5 : 11.5;
      c->italic = TRUE;
      c->spacing = 0.08;
      c->color = BL_LABEL_COLOR_WATER;
      return TRUE;

    case BL_BASEMAP_LAYER_PLACE:
      c->kind = BL_BASEMAP_LABEL_PLACE;
      c->color = BL_LABEL_COLOR_PLACE;
      switch (f->rank)
        {
        case 0:
          if (zoom < 3)
            return FALSE;
          c->priority = 0;
          c->size = zoom <= 4 ? 11 : zoom <= 6 ? 12.5 : 14;
          c->weight = PANGO_WEIGHT_BOLD;
          c->dot = BL_DOT_CAPITAL;
          c->dot_radius = zoom <= 4 ? 3.2 : 4.0;
          break;
        case 1:
          if (zoom < (is_focus_code (f->parent) ? 6 : 7))
            return FALSE;
          c->priority = is_focus_code (f->parent) ? 3 : 4;
          c->size = zoom <= 6 ? 11 : zoom <= 8 ? 12 : 13;
          c->dot = BL_DOT_CENTRE;
          c->dot_radius = zoom <= 7 ? 2.5 : 3.0;
          break;
        case 2:
          if (zoom < 8)
            return FALSE;
          c->priority = 9;
          c->size = zoom <= 9 ? 10.5 : 11.5;
          c->dot = BL_DOT_TOWN;
          c->dot_radius = zoom <= 9 ? 1.9 : 2.2;
          break;
        default:
          if (zoom < 9)
            return FALSE;
          c->priority = 10;
          c->size = zoom <= 10 ? 10 : 11;
          c->dot = BL_DOT_TOWN;
          c->dot_radius = zoom <= 10 ? 1.7 : 2.0;
          break;
        }
      c->halo = 1.8;
      return TRUE;

    case BL_BASEMAP_LAYER_DISPUTED:
    default:
      return FALSE;
    }
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->priority != cb->priority)
    return ca->priority < cb->priority ? -1 : 1;
  /* Features are stored in layer, rank and code order: a stable key. */
  return ca->feature < cb->feature ? -1 : ca->feature > cb->feature;
}

static const char *
label_name (BlBasemapRenderer      *self,
            const BlBasemapFeature *f)
{
  if (g_str_equal (self->language, "ru") && f->name_ru[0] != '\0')
    return f->name_ru;
  if (g_str_equal (self->language, "fa") && f->name_fa[0] != '\0')
    return f->name_fa;
  return f->name;
}

static void
ensure_pango (BlBasemapRenderer *self)
{
  cairo_font_options_t *options;

  if (self->pango != NULL)
    return;

  self->font_map = pango_cairo_font_map_new ();
  self->pango = pango_font_map_create_context (self->font_map);
  /* Unhinted outlines and metrics: the same shapes at any scale and
   * position, so that tiles, HiDPI tiles and exports agree. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->pango, FALSE);

  /* An explicit language: without one, HarfBuzz asks setlocale() for the
   * default on every shaping, and the string it gets back can be freed
   * by another thread that sets the locale meanwhile (seen under ASan
   * while the GTK main thread handled input): see bl-text.c. */
  pango_context_set_language (self->pango, bl_text_get_language ());

  self->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  self->measure_cr = cairo_create (self->measure_surface);
}

/* Shapes @text in the candidate's style: its glyph outlines (cached), its
 * ink box relative to the text origin and the baseline. */
static const cairo_path_t *
shape_text (BlBasemapRenderer *self,
            const Candidate   *c,
            const char        *text,
            BlBox             *ink,
            double            *baseline)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontDescription *desc;
  PangoAttrList *attrs;
  PangoRectangle ink_rect;
  g_autofree char *key = NULL;
  cairo_path_t *path;

  layout = pango_layout_new (self->pango);
  desc = pango_font_description_from_string (self->font_family);
  pango_font_description_set_absolute_size (desc, c->size * PANGO_SCALE);
  pango_font_description_set_weight (desc, c->weight);
  pango_font_description_set_style (desc, c->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  attrs = pango_attr_list_new ();
  if (c->spacing > 0 && !g_str_equal (self->language, "fa"))
    pango_attr_list_insert (attrs, pango_attr_letter_spacing_new ((int) (c->spacing * c->size * PANGO_SCALE)));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  pango_layout_set_text (layout, text, -1);
  if (c->wrap > 0 && strchr (text, ' ') != NULL)
    {
      pango_layout_set_width (layout, (int) (c->wrap * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }

  pango_layout_get_extents (layout, &ink_rect, NULL);
  ink->x0 = (double) ink_rect.x / PANGO_SCALE;
  ink->y0 = (double) ink_rect.y / PANGO_SCALE;
  ink->x1 = (double) (ink_rect.x + ink_rect.width) / PANGO_SCALE;
  ink->y1 = (double) (ink_rect.y + ink_rect.height) / PANGO_SCALE;
  *baseline = (double) pango_layout_get_baseline (layout) / PANGO_SCALE;

  key = g_strdup_printf ("%g/%d/%d/%g/%g/%s", c->size, c->weight, c->italic,
                         c->spacing, c->wrap, text);
  path = g_hash_table_lookup (self->path_cache, key);
  if (path == NULL)
    {
      cairo_new_path (self->measure_cr);
      cairo_move_to (self->measure_cr, 0, 0);
      pango_cairo_layout_path (self->measure_cr, layout);
      path = cairo_copy_path (self->measure_cr);
      cairo_new_path (self->measure_cr);
      g_hash_table_insert (self->path_cache, g_steal_pointer (&key), path);
    }
  return path;
}

static gboolean
box_free (Placer      *p,
          const BlBox *box)
{
  const BlBox *taken = (const BlBox *) p->taken->data;

  for (guint i = 0; i < p->taken->len; i++)
    if (bl_box_intersects (&taken[i], box))
      return FALSE;
  return TRUE;
}

static gboolean
box_inside (const BlBox *inner,
            const BlBox *outer)
{
  return inner->x0 >= outer->x0 && inner->x1 <= outer->x1 &&
         inner->y0 >= outer->y0 && inner->y1 <= outer->y1;
}

static void
take (Placer      *p,
      const BlBox *box)
{
  BlBox padded = { box->x0 - LABEL_PADDING, box->y0 - LABEL_PADDING,
                   box->x1 + LABEL_PADDING, box->y1 + LABEL_PADDING };

  g_array_append_val (p->taken, padded);
}

static BlBox
offset_box (const BlBox *b,
            double       dx,
            double       dy)
{
  return (BlBox) { b->x0 + dx, b->y0 + dy, b->x1 + dx, b->y1 + dy };
}

static void
place_candidate (Placer          *p,
                 const Candidate *c)
{
  BlBasemapRenderer *self = p->self;
  const BlBasemapFeature *f = c->feature;
  const char *name = label_name (self, f);
  g_autofree char *upper = NULL;
  const char *text;
  const cairo_path_t *path;
  BlBox ink, dot_box = { 0 };
  double baseline, ax, ay, w, h, r, gap, halo = c->halo;
  double origins[8][2];
  guint n_origins = 0;

  if (name[0] == '\0')
    return;
  text = name;
  if (c->upper)
    text = upper = g_utf8_strup (name, -1);

  bl_projection_lonlat_to_world (f->label_lon, f->label_lat, p->zoom, &ax, &ay);
  if (!(ax >= p->region.x0 && ax <= p->region.x1 && ay >= p->region.y0 && ay <= p->region.y1))
    return;

  if (c->dot != BL_DOT_NONE)
    {
      r = c->dot_radius + 1;
      dot_box = (BlBox) { ax - r, ay - r, ax + r, ay + r };
      if (!box_free (p, &dot_box))
        return;
    }

  path = shape_text (self, c, text, &ink, &baseline);
  w = ink.x1 - ink.x0;
  h = ink.y1 - ink.y0;

  /* A country far smaller than its name (the Siachen Glacier) is not
   * named. */
  if (c->kind == BL_BASEMAP_LABEL_COUNTRY &&
      (f->bbox.max_lon - f->bbox.min_lon) / 360.0 * p->world < 0.6 * w)
    return;

#define ORIGIN(bx, by) G_STMT_START {                                  \
    origins[n_origins][0] = (bx) - ink.x0;                             \
    origins[n_origins][1] = (by) - ink.y0;                             \
    n_origins++;                                                       \
  } G_STMT_END

  if (c->dot != BL_DOT_NONE)
    {
      /* Positions of the ink box around the symbol, in order of
       * preference: right, left, above right, below right, above, below. */
      double cap_top = CAP_HEIGHT * c->size / 2 - baseline;   /* origin y centring caps */
      double d = c->dot_radius + 2.5;
      double dd = c->dot_radius * 0.7 + 1.5;

      origins[n_origins][0] = d - ink.x0;
      origins[n_origins][1] = cap_top;
      n_origins++;
      origins[n_origins][0] = -d - ink.x1;
      origins[n_origins][1] = cap_top;
      n_origins++;
      ORIGIN (dd, -dd - h);
      ORIGIN (dd, dd);
      ORIGIN (-w / 2, -d - h);
      ORIGIN (-w / 2, d);
      ORIGIN (-dd - w, -dd - h);
      ORIGIN (-dd - w, dd);
    }
  else if (c->kind == BL_BASEMAP_LABEL_COUNTRY)
    {
      /* The label point is also where a claim about the whole country
       * has its marker (bl_basemap_renderer_get_label_point()), so the
       * name stands just above it, or else just below, clear of a
       * marker; centred on it only when neither fits. */
      ORIGIN (-w / 2, -h - COUNTRY_MARKER_CLEARANCE - halo - 0.5);
      ORIGIN (-w / 2, COUNTRY_MARKER_CLEARANCE + halo + 0.5);
      ORIGIN (-w / 2, -h / 2);
    }
  else
    {
      ORIGIN (-w / 2, -h / 2);
      ORIGIN (-w / 2, -h / 2 - 1.1 * h);
      ORIGIN (-w / 2, -h / 2 + 1.1 * h);
      ORIGIN (-w / 2 - 0.35 * w, -h / 2);
      ORIGIN (-w / 2 + 0.35 * w, -h / 2);
    }
#undef ORIGIN

  gap = halo + 0.5;
  for (guint i = 0; i < n_origins; i++)
    {
      BlBox rel = { origins[i][0] + ink.x0 - gap, origins[i][1] + ink.y0 - gap,
                    origins[i][0] + ink.x1 + gap, origins[i][1] + ink.y1 + gap };
      BlBox abs = offset_box (&rel, ax, ay);
      BlLabel label;

      if (!box_inside (&abs, &p->region))
        {
          double dx = 0, dy = 0;

          /* Country names may move inside the region; others give up on
           * this position. */
          if (c->kind != BL_BASEMAP_LABEL_COUNTRY)
            continue;
          if (abs.x0 < p->region.x0)
            dx = p->region.x0 - abs.x0;
          else if (abs.x1 > p->region.x1)
            dx = p->region.x1 - abs.x1;
          if (abs.y0 < p->region.y0)
            dy = p->region.y0 - abs.y0;
          else if (abs.y1 > p->region.y1)
            dy = p->region.y1 - abs.y1;
          rel = offset_box (&rel, dx, dy);
          abs = offset_box (&abs, dx, dy);
          origins[i][0] += dx;
          origins[i][1] += dy;
          if (!box_inside (&abs, &p->region))
            continue;
        }
      if (!box_free (p, &abs))
        continue;

      label = (BlLabel) {
        .kind = c->kind,
        .color = c->color,
        .dot = c->dot,
        .feature = f,
        .text = g_string_chunk_insert_const (self->strings, text),
        .ax = ax,
        .ay = ay,
        .box = rel,
        .tx = origins[i][0],
        .ty = origins[i][1],
        .halo = halo * 2,
        .dot_radius = c->dot_radius,
        .path = path,
      };
      g_array_append_val (p->labels, label);
      take (p, &abs);
      if (c->dot != BL_DOT_NONE)
        take (p, &dot_box);
      return;
    }
}

static BlLabelSet *
place_labels (BlBasemapRenderer *self,
              guint              zoom)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  Placer p = { .self = self, .zoom = zoom };
  BlLabelSet *set = g_new0 (BlLabelSet, 1);
  gint64 start = g_get_monotonic_time ();
  guint n = bl_basemap_data_get_n_features (self->data);

  ensure_pango (self);
  p.world = bl_projection_world_size (zoom);
  p.region = (BlBox) { self->region.x0 * exp2 (zoom), self->region.y0 * exp2 (zoom),
                       self->region.x1 * exp2 (zoom), self->region.y1 * exp2 (zoom) };
  p.taken = g_array_new (FALSE, FALSE, sizeof (BlBox));
  p.labels = g_array_new (FALSE, FALSE, sizeof (BlLabel));

  for (guint i = 0; i < n; i++)
    {
      Candidate c;

      if (candidate_for (bl_basemap_data_get_feature (self->data, i), zoom, &c))
        g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    place_candidate (&p, &g_array_index (candidates, Candidate, i));

  set->zoom = zoom;
  set->n_labels = p.labels->len;
  set->labels = (BlLabel *) (gpointer) g_array_free (p.labels, FALSE);
  g_array_unref (p.taken);
  set->seconds = (g_get_monotonic_time () - start) / 1e6;
  g_debug ("Placed %u labels at zoom %u in %.1f ms", set->n_labels, zoom, set->seconds * 1e3);
  return set;
}

/**
 * bl_basemap_labels_init: (skip)
 */
void
bl_basemap_labels_init (BlBasemapRenderer *self)
{
  g_mutex_init (&self->label_lock);
  self->path_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) cairo_path_destroy);
  self->strings = g_string_chunk_new (4096);
}

/**
 * bl_basemap_labels_clear: (skip)
 */
void
bl_basemap_labels_clear (BlBasemapRenderer *self)
{
  for (guint z = 0; z <= BL_BASEMAP_RENDERER_MAX_ZOOM; z++)
    if (self->label_sets[z] != NULL)
      {
        g_free (self->label_sets[z]->labels);
        g_clear_pointer (&self->label_sets[z], g_free);
      }
  g_clear_pointer (&self->path_cache, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->measure_cr, cairo_destroy);
  g_clear_pointer (&self->measure_surface, cairo_surface_destroy);
  g_clear_object (&self->pango);
  g_clear_object (&self->font_map);
  g_mutex_clear (&self->label_lock);
}

/**
 * bl_basemap_labels_get: (skip)
 *
 * The labels of @zoom, placed on first use. Thread-safe.
 */
const BlLabelSet *
bl_basemap_labels_get (BlBasemapRenderer *self,
                       guint              zoom)
{
  BlLabelSet *set;

  g_assert (zoom <= BL_BASEMAP_RENDERER_MAX_ZOOM);

  set = g_atomic_pointer_get (&self->label_sets[zoom]);
  if (set != NULL || self->data == NULL)
    return set;

  g_mutex_lock (&self->label_lock);
  set = self->label_sets[zoom];
  if (set == NULL)
    {
      set = place_labels (self, zoom);
      g_atomic_pointer_set (&self->label_sets[zoom], set);
    }
  g_mutex_unlock (&self->label_lock);
  return set;
}

static const BlBasemapColor *
label_color (BlBasemapRenderer *self,
             BlLabelColor       color)
{
  switch (color)
    {
    case BL_LABEL_COLOR_COUNTRY:
      return &self->style.country_label;
    case BL_LABEL_COLOR_COUNTRY_MINOR:
      return &self->style.country_label_minor;
    case BL_LABEL_COLOR_PROVINCE:
      return &self->style.province_label;
    case BL_LABEL_COLOR_WATER:
      return &self->style.water_label;
    case BL_LABEL_COLOR_PLACE:
    default:
      return &self->style.place_label;
    }
}

static void
set_color (cairo_t              *cr,
           const BlBasemapColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
draw_dot (BlBasemapRenderer *self,
          cairo_t           *cr,
          const BlLabel     *l,
          double             x,
          double             y,
          double             scale)
{
  double r = l->dot_radius * scale;

  cairo_new_path (cr);
  switch (l->dot)
    {
    case BL_DOT_CAPITAL:
      /* A ring with a dot: the atlas sign of a capital. */
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      set_color (cr, &self->style.place_dot);
      cairo_set_line_width (cr, 1.3 * scale);
      cairo_stroke (cr);
      cairo_arc (cr, x, y, r * 0.45, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case BL_DOT_CENTRE:
    case BL_DOT_TOWN:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      set_color (cr, &self->style.halo);
      cairo_set_line_width (cr, 1.6 * scale);
      cairo_stroke_preserve (cr);
      set_color (cr, &self->style.place_dot);
      cairo_fill (cr);
      break;
    }
}

/**
 * bl_basemap_labels_draw: (skip)
 *
 * Draws the symbols and labels that reach the view.
 */
void
bl_basemap_labels_draw (BlBasemapRenderer *self,
                        cairo_t           *cr,
                        const BlView      *v)
{
  const BlLabelSet *set = bl_basemap_labels_get (self, v->label_zoom);
  double s = v->scale;

  if (set == NULL)
    return;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Symbols first, then names over them. */
  for (guint i = 0; i < set->n_labels; i++)
    {
      const BlLabel *l = &set->labels[i];
      double x = l->ax * v->label_k - v->ox;
      double y = l->ay * v->label_k - v->oy;
      double r = (l->dot_radius + 1) * s;

      if (l->dot == BL_DOT_NONE || x + r < 0 || y + r < 0 ||
          x - r > v->width || y - r > v->height)
        continue;
      draw_dot (self, cr, l, x, y, s);
    }

  for (guint i = 0; i < set->n_labels; i++)
    {
      const BlLabel *l = &set->labels[i];
      double x = l->ax * v->label_k - v->ox;
      double y = l->ay * v->label_k - v->oy;

      if (x + l->box.x1 * s < 0 || y + l->box.y1 * s < 0 ||
          x + l->box.x0 * s > v->width || y + l->box.y0 * s > v->height)
        continue;

      cairo_save (cr);
      cairo_translate (cr, x + l->tx * s, y + l->ty * s);
      cairo_scale (cr, s, s);
      cairo_new_path (cr);
      cairo_append_path (cr, l->path);
      set_color (cr, &self->style.halo);
      cairo_set_line_width (cr, l->halo);
      cairo_stroke_preserve (cr);
      set_color (cr, label_color (self, l->color));
      cairo_fill (cr);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

/**
 * bl_basemap_labels_list: (skip)
 *
 * The labels that reach the view, boxes in logical pixels of the view.
 */
GArray *
bl_basemap_labels_list (BlBasemapRenderer *self,
                        const BlView      *v)
{
  const BlLabelSet *set = bl_basemap_labels_get (self, v->label_zoom);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (BlBasemapLabelInfo));
  double s = v->scale;

  for (guint i = 0; set != NULL && i < set->n_labels; i++)
    {
      const BlLabel *l = &set->labels[i];
      double x = l->ax * v->label_k - v->ox;
      double y = l->ay * v->label_k - v->oy;
      BlBasemapLabelInfo info;

      if (x + l->box.x1 * s < 0 || y + l->box.y1 * s < 0 ||
          x + l->box.x0 * s > v->width || y + l->box.y0 * s > v->height)
        continue;
      info = (BlBasemapLabelInfo) {
        .kind = l->kind,
        .feature = l->feature,
        .text = l->text,
        .x = (x + l->box.x0 * s) / s,
        .y = (y + l->box.y0 * s) / s,
        .width = l->box.x1 - l->box.x0,
        .height = l->box.y1 - l->box.y0,
      };
      g_array_append_val (out, info);
    }
  return out;
}
