/* bl-comparison-export.c — the comparison as a chart
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * (Tables are in bl-comparison-table.c.) The chart is drawn
 * with cairo and Pango by bl_comparison_chart_draw(), which the GTK panel
 * also calls; the PNG and SVG exports (bl-comparison-export-file.c)
 * render it to a surface in memory and save the bytes atomically, so a
 * failed export leaves no partial file.
 *
 * Text from the project (names, statements) reaches Pango only through
 * pango_layout_set_text(), never as markup. Nothing here computes the
 * analysis: it reads a finished #BlComparison.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bl-actor.h"
#include "bl-claim-painter.h"
#include "bl-comparison-export.h"
#include "bl-comparison-export-private.h"
#include "bl-error.h"
#include "bl-source.h"
#include "bl-topic.h"
#include "bl-vocab.h"
#include "bl-text.h"

typedef enum {
  ITEM_FIGURE,
  ITEM_DENIAL,
  ITEM_QUALIFICATION,
} ItemKind;

typedef struct {
  guint    row;
  ItemKind kind;
  guint    color;   /* palette index */
  guint    group;   /* date group */
} Item;

typedef struct {
  BlComparison         *cmp;
  cairo_t              *cr;
  const BlChartStyle   *style;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  PangoFontDescription *small;
  PangoFontDescription *italic;
  PangoFontDescription *title;
  double                fs;
  /* plot area */
  double                x0, y0, x1, y1;
  double                lo, hi;
} Chart;

/* Chart: helpers */

static void
set_color (cairo_t            *cr,
           const BlChartColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

static void
set_color_alpha (cairo_t            *cr,
                 const BlChartColor *c,
                 double              alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* A layout of plain text, wrapped at @width (no wrap when <= 0) and cut
 * after @max_lines lines with an ellipsis (no limit when 0). */
static PangoLayout *
make_layout (Chart                      *chart,
             const char                 *text,
             const PangoFontDescription *font,
             double                      width,
             int                         max_lines)
{
  PangoLayout *layout = bl_text_layout_new (chart->cr);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text ? text : "", -1);
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
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static void
show_layout (Chart              *chart,
             PangoLayout        *layout,
             double              x,
             double              y,
             const BlChartColor *color)
{
  cairo_save (chart->cr);
  set_color (chart->cr, color);
  cairo_move_to (chart->cr, x, y);
  pango_cairo_show_layout (chart->cr, layout);
  /* the path is not part of the saved state: drop the current point */
  cairo_new_path (chart->cr);
  cairo_restore (chart->cr);
}

static double
value_to_y (Chart  *chart,
            double  v)
{
  if (isinf (v))
    return v > 0 ? chart->y0 : chart->y1;
  return chart->y1 - (v - chart->lo) / (chart->hi - chart->lo) * (chart->y1 - chart->y0);
}

static double
nice_step (double span)
{
  double exponent, fraction, nice;

  if (!(span > 0))
    return 1;
  exponent = floor (log10 (span));
  fraction = span / pow (10, exponent);
  if (fraction <= 1)
    nice = 1;
  else if (fraction <= 2)
    nice = 2;
  else if (fraction <= 5)
    nice = 5;
  else
    nice = 10;
  return nice * pow (10, exponent);
}

static void
draw_cross (cairo_t *cr,
            double   x,
            double   y,
            double   r)
{
  cairo_move_to (cr, x - r, y - r);
  cairo_line_to (cr, x + r, y + r);
  cairo_move_to (cr, x + r, y - r);
  cairo_line_to (cr, x - r, y + r);
}

static void
draw_diamond (cairo_t *cr,
              double   x,
              double   y,
              double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

static void
draw_arrow_head (cairo_t *cr,
                 double   x,
                 double   y,
                 double   r)
{
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + r, y + 1.6 * r);
  cairo_line_to (cr, x - r, y + 1.6 * r);
  cairo_close_path (cr);
}

/* The y of a row's figure: its stated value, or the middle of its finite
 * part. */
static double
row_anchor (const BlComparisonRow *row)
{
  if (row->flags & BL_COMPARISON_ROW_VALUE)
    return row->value;
  if (isinf (row->max))
    return row->min;
  return (row->min + row->max) / 2;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  BlComparison *cmp = user_data;
  const Item *ia = a, *ib = b;
  const BlComparisonRow *ra = bl_comparison_get_row (cmp, ia->row);
  const BlComparisonRow *rb = bl_comparison_get_row (cmp, ib->row);
  int c = bl_date_compare (&ra->said_on, &rb->said_on);

  if (c != 0)
    return c;
  if (ra->topic_slot != rb->topic_slot)
    return ra->topic_slot < rb->topic_slot ? -1 : 1;
  return ia->row < ib->row ? -1 : ia->row > ib->row;
}

/* Whether @row has a column in the chart, and of what kind. */
static gboolean
row_item_kind (const BlComparisonRow *row,
               ItemKind              *kind)
{
  if (row->stance == BL_STANCE_DENIES)
    *kind = ITEM_DENIAL;
  else if (row->stance == BL_STANCE_QUALIFIES)
    *kind = ITEM_QUALIFICATION;
  else if (row->flags & BL_COMPARISON_ROW_FIGURE)
    *kind = ITEM_FIGURE;
  else
    return FALSE;
  return TRUE;
}

static GArray *
collect_items (BlComparison *cmp,
               guint        *n_groups)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (Item));

  for (guint i = 0; i < bl_comparison_get_n_rows (cmp); i++)
    {
      const BlComparisonRow *row = bl_comparison_get_row (cmp, i);
      Item item = { i, ITEM_FIGURE, 0, 0 };

      if (!row_item_kind (row, &item.kind))
        continue;

      /* the claimant's colour, as on the map coloured by claimant */
      item.color = row->actor == BL_NO_INDEX ? BL_CHART_N_PALETTE - 1 : row->actor % BL_CHART_N_PALETTE;
      g_array_append_val (items, item);
    }

  g_array_sort_with_data (items, compare_items, cmp);

  *n_groups = 0;
  for (guint k = 0; k < items->len; k++)
    {
      Item *item = &g_array_index (items, Item, k);

      if (k > 0)
        {
          const Item *prev = &g_array_index (items, Item, k - 1);

          if (!bl_date_equal (&bl_comparison_get_row (cmp, prev->row)->said_on,
                              &bl_comparison_get_row (cmp, item->row)->said_on))
            (*n_groups)++;
        }
      item->group = *n_groups;
    }
  if (items->len > 0)
    (*n_groups)++;

  return items;
}

/**
 * bl_comparison_chart_count_columns:
 *
 * Returns: how many columns bl_comparison_chart_draw() would draw: the
 *   figures, denials and qualifications compared
 */
guint
bl_comparison_chart_count_columns (BlComparison *self)
{
  guint n = 0;

  g_return_val_if_fail (BL_IS_COMPARISON (self), 0);

  for (guint i = 0; i < bl_comparison_get_n_rows (self); i++)
    {
      ItemKind kind;

      n += row_item_kind (bl_comparison_get_row (self, i), &kind);
    }
  return n;
}

/**
 * bl_comparison_chart_format_crowded:
 * @n_columns: how many columns there would be, more than
 *   %BL_CHART_MAX_COLUMNS
 *
 * Returns: (transfer full): what the chart says in place of its columns
 */
char *
bl_comparison_chart_format_crowded (guint n_columns)
{
  g_autofree char *count = bl_quantity_format_number ((double) n_columns);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s claim to chart: too many to set side by side. "
                                       "Narrow the time window or the filters to %d or fewer; "
                                       "the table lists them all.",
                                       "%s claims to chart: too many to set side by side. "
                                       "Narrow the time window or the filters to %d or fewer; "
                                       "the table lists them all.",
                                       n_columns),
                          count, BL_CHART_MAX_COLUMNS);
}

/* Chart: parts */

static void
draw_figure (Chart      *chart,
             const Item *item,
             double      mx,
             double      label_x,
             double      label_w)
{
  cairo_t *cr = chart->cr;
  const BlComparisonRow *row = bl_comparison_get_row (chart->cmp, item->row);
  const BlChartColor *color = &chart->style->palette[item->color];
  double fs = chart->fs;
  double bar = fs * 0.8;
  double y_min = value_to_y (chart, row->min);
  double y_max = isinf (row->max) ? chart->y0 + fs * 0.2 : value_to_y (chart, row->max);
  double y_anchor = value_to_y (chart, row_anchor (row));
  g_autofree char *figure = bl_comparison_row_figure_text (chart->cmp, item->row);
  g_autoptr(GString) label = g_string_new (figure);
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  cairo_save (cr);
  cairo_set_line_width (cr, MAX (1.0, fs * 0.12));

  if (row->min < row->max)
    {
      /* the range: a bar, capped at its closed ends, an arrow when open */
      cairo_rectangle (cr, mx - bar / 2, y_max, bar, y_min - y_max);
      set_color_alpha (cr, color, 0.3);
      cairo_fill_preserve (cr);
      set_color (cr, color);
      cairo_stroke (cr);

      cairo_move_to (cr, mx - bar, y_min);
      cairo_line_to (cr, mx + bar, y_min);
      if (!isinf (row->max))
        {
          cairo_move_to (cr, mx - bar, y_max);
          cairo_line_to (cr, mx + bar, y_max);
        }
      cairo_stroke (cr);

      if (isinf (row->max))
        {
          draw_arrow_head (cr, mx, chart->y0 - fs * 0.4, bar * 0.9);
          cairo_fill (cr);
        }
    }

  if ((row->flags & BL_COMPARISON_ROW_VALUE) || row->min == row->max)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, mx, y_anchor, fs * 0.45, 0, 2 * G_PI);
      set_color (cr, color);
      cairo_fill_preserve (cr);
      set_color (cr, &chart->style->background);
      cairo_set_line_width (cr, MAX (1.0, fs * 0.1));
      cairo_stroke (cr);
    }

  if (row->flags & BL_COMPARISON_ROW_OUTLIER)
    {
      /* a dashed ring: outside the consensus of its topic */
      double dash = fs * 0.25;

      cairo_set_dash (cr, &dash, 1, 0);
      cairo_new_sub_path (cr);
      cairo_arc (cr, mx, y_anchor, fs * 0.9, 0, 2 * G_PI);
      set_color (cr, &chart->style->foreground);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  cairo_restore (cr);

  /* the figure as stated, beside it */
  if (row->flags & BL_COMPARISON_ROW_OUTLIER)
    g_string_append_printf (label, "\n%s", _("outlier"));
  if (row->flags & BL_COMPARISON_ROW_UNIT_DIFFERS)
    {
      const char *unit = bl_topic_get_unit (bl_project_get_topic (bl_comparison_get_project (chart->cmp),
                                                                  row->topic));
      /* Translators: the figure counts something else than the topic's unit */
      g_string_append_printf (label, "\n");
      g_string_append_printf (label, _("(not “%s”)"), unit);
    }

  if (label_w <= 0)
    return;
  layout = make_layout (chart, label->str, chart->small, label_w, 4);
  h = layout_height (layout);
  show_layout (chart, layout, label_x,
               CLAMP (y_anchor - h / 2, chart->y0, chart->y1 - h), &chart->style->foreground);
}

static void
draw_counter (Chart      *chart,
              const Item *item,
              double      mx,
              double      label_x,
              double      label_w)
{
  cairo_t *cr = chart->cr;
  const BlComparisonRow *row = bl_comparison_get_row (chart->cmp, item->row);
  gboolean denial = item->kind == ITEM_DENIAL;
  const BlChartColor *color = denial ? &chart->style->denial : &chart->style->qualification;
  double fs = chart->fs;
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  guint n_marks = 0;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GString) label = g_string_new (NULL);
  double h, y_label;

  cairo_save (cr);
  set_color (cr, color);
  cairo_set_line_width (cr, MAX (1.5, fs * 0.2));

  /* a mark at the height of every figure it stands against */
  for (guint k = 0; k < row->n_against; k++)
    {
      const BlComparisonRow *target = bl_comparison_get_row (chart->cmp, row->against[k]);
      double y;

      if (!(target->flags & BL_COMPARISON_ROW_FIGURE) || target->stance != BL_STANCE_ASSERTS)
        continue;
      y = value_to_y (chart, row_anchor (target));
      if (denial)
        {
          draw_cross (cr, mx, y, fs * 0.45);
          cairo_stroke (cr);
        }
      else
        {
          draw_diamond (cr, mx, y, fs * 0.5);
          cairo_fill (cr);
        }
      top = MIN (top, y);
      bottom = MAX (bottom, y);
      n_marks++;
    }

  if (n_marks == 0)
    {
      double y = (chart->y0 + chart->y1) / 2;

      if (denial)
        {
          draw_cross (cr, mx, y, fs * 0.7);
          cairo_stroke (cr);
        }
      else
        {
          draw_diamond (cr, mx, y, fs * 0.7);
          cairo_fill (cr);
        }
      top = bottom = y;
    }
  else if (n_marks > 1)
    {
      double dash = fs * 0.3;

      cairo_set_line_width (cr, MAX (1.0, fs * 0.08));
      cairo_set_dash (cr, &dash, 1, 0);
      cairo_move_to (cr, mx, top);
      cairo_line_to (cr, mx, bottom);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* what it stands against, by the figures: "denies 6,500 · 2,000–9,000" */
  for (guint k = 0; k < row->n_against; k++)
    {
      g_autofree char *range = bl_comparison_format_range (chart->cmp, row->against[k]);

      if (range == NULL || bl_comparison_get_row (chart->cmp, row->against[k])->stance != BL_STANCE_ASSERTS)
        continue;
      if (label->len > 0)
        /* Translators: separates the figures a denial denies */
        g_string_append (label, _(" · "));
      g_string_append (label, range);
    }
  if (label->len > 0)
    {
      g_autofree char *figures = g_string_free (g_steal_pointer (&label), FALSE);

      label = g_string_new (NULL);
      if (denial)
        /* Translators: the figures a denial denies, "denies 6,500 · 4,000" */
        g_string_append_printf (label, _("denies %s"), figures);
      else
        /* Translators: the figures a claim qualifies */
        g_string_append_printf (label, _("qualifies %s"), figures);
    }
  else
    g_string_append (label, denial ? _("denies (no figure named)") : _("qualifies"));

  if (label_w <= 0)
    return;
  layout = make_layout (chart, label->str, chart->small, label_w, 4);
  h = layout_height (layout);
  y_label = CLAMP ((top + bottom) / 2 - h / 2, chart->y0, chart->y1 - h);
  show_layout (chart, layout, label_x, y_label, color);
}

/* The marks a legend explains, as bits of a mask. */
enum {
  MARK_VALUE         = 1 << 0,
  MARK_RANGE         = 1 << 1,
  MARK_OPEN          = 1 << 2,
  MARK_DENIAL        = 1 << 3,
  MARK_QUALIFICATION = 1 << 4,
  MARK_OUTLIER       = 1 << 5,
};

static guint
marks_used (BlComparison *cmp,
            GArray       *items)
{
  guint marks = 0;

  for (guint k = 0; k < items->len; k++)
    {
      const Item *item = &g_array_index (items, Item, k);
      const BlComparisonRow *row = bl_comparison_get_row (cmp, item->row);

      if (item->kind == ITEM_DENIAL)
        marks |= MARK_DENIAL;
      else if (item->kind == ITEM_QUALIFICATION)
        marks |= MARK_QUALIFICATION;
      else
        {
          if ((row->flags & BL_COMPARISON_ROW_VALUE) || row->min == row->max)
            marks |= MARK_VALUE;
          if (row->min < row->max)
            marks |= MARK_RANGE;
          if (row->flags & BL_COMPARISON_ROW_OPEN)
            marks |= MARK_OPEN;
          if (row->flags & BL_COMPARISON_ROW_OUTLIER)
            marks |= MARK_OUTLIER;
        }
    }
  return marks;
}

static double
draw_legend (Chart    *chart,
             guint     marks,
             double    x,
             double    y,
             double    width,
             gboolean  measure_only)
{
  cairo_t *cr = chart->cr;
  double fs = chart->fs;
  const char *texts[] = {
    _("stated figure"), _("range (stated, or read from a vague phrase)"),
    _("open range (“at least”)"), _("denial, at the figures it denies"),
    _("qualification"), _("outlier"),
  };
  double cx = x, cy = y, line_h = fs * 1.5;

  if (marks == 0)
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      double w, my, mx;

      if (!(marks & (1u << i)))
        continue;
      layout = make_layout (chart, texts[i], chart->small, 0, 0);
      w = fs * 1.6 + layout_width (layout) + fs * 1.2;
      my = cy + line_h / 2;
      mx = cx + fs * 0.6;

      if (cx > x && cx + w > x + width)
        {
          cx = x;
          cy += line_h;
          my = cy + line_h / 2;
          mx = cx + fs * 0.6;
        }

      if (!measure_only)
        {
          cairo_save (cr);
          set_color (cr, &chart->style->muted);
          cairo_set_line_width (cr, MAX (1.0, fs * 0.12));
          switch (i)
            {
            case 0:
              cairo_arc (cr, mx, my, fs * 0.4, 0, 2 * G_PI);
              cairo_fill (cr);
              break;
            case 1:
              cairo_rectangle (cr, mx - fs * 0.3, my - fs * 0.5, fs * 0.6, fs);
              cairo_stroke (cr);
              break;
            case 2:
              cairo_move_to (cr, mx, my + fs * 0.5);
              cairo_line_to (cr, mx, my - fs * 0.1);
              cairo_stroke (cr);
              draw_arrow_head (cr, mx, my - fs * 0.55, fs * 0.3);
              cairo_fill (cr);
              break;
            case 3:
              set_color (cr, &chart->style->denial);
              cairo_set_line_width (cr, MAX (1.5, fs * 0.2));
              draw_cross (cr, mx, my, fs * 0.35);
              cairo_stroke (cr);
              break;
            case 4:
              set_color (cr, &chart->style->qualification);
              draw_diamond (cr, mx, my, fs * 0.4);
              cairo_fill (cr);
              break;
            default:
              {
                double dash = fs * 0.2;

                cairo_set_dash (cr, &dash, 1, 0);
                cairo_arc (cr, mx, my, fs * 0.45, 0, 2 * G_PI);
                cairo_stroke (cr);
              }
              break;
            }
          cairo_restore (cr);
          show_layout (chart, layout, cx + fs * 1.4, my - layout_height (layout) / 2,
                       &chart->style->muted);
        }
      cx += w;
    }

  return cy + line_h - y;
}

/* Chart: public */

/**
 * bl_chart_style_init_default:
 * @style: (out caller-allocates): the style to fill
 *
 * The light look of exported charts: white page, dark text, the map's
 * palette for claimants (bl_claim_palette_get()), red denials.
 */
void
bl_chart_style_init_default (BlChartStyle *style)
{
  g_return_if_fail (style != NULL);

  style->background = (BlChartColor) { 1, 1, 1, 1 };
  style->foreground = (BlChartColor) { 0.14f, 0.12f, 0.19f, 1 };
  style->muted = (BlChartColor) { 0.37f, 0.36f, 0.39f, 1 };
  style->grid = (BlChartColor) { 0.85f, 0.85f, 0.87f, 1 };
  style->denial = (BlChartColor) { 0.75f, 0.11f, 0.16f, 1 };
  style->qualification = (BlChartColor) { 0.61f, 0.43f, 0.01f, 1 };
  for (guint i = 0; i < BL_CHART_N_PALETTE; i++)
    {
      double rgba[4];

      bl_claim_palette_get (i, rgba);
      style->palette[i] = (BlChartColor) { rgba[0], rgba[1], rgba[2], rgba[3] };
    }
  style->font_family = "Sans";
  style->font_size = 13;
}

/**
 * bl_comparison_chart_draw:
 * @cr: where to draw, with the origin at the chart's top left
 * @width: the width in device units
 * @height: the height in device units
 * @style: colours and font
 *
 * Draws the comparison chart: a title and the summary line, every figure
 * on one vertical axis with claims in columns by the date they were said
 * (claims of one date side by side under that date), claimant and source
 * under each column, and a legend of the marks.
 */
void
bl_comparison_chart_draw (BlComparison       *self,
                          cairo_t            *cr,
                          int                 width,
                          int                 height,
                          const BlChartStyle *style)
{
  Chart chart = { 0, };
  g_autoptr(GArray) items = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) summary_layout = NULL;
  g_autoptr(PangoLayout) axis_layout = NULL;
  const char *unit;
  guint n_topics, n_groups;
  double fs, margin, y, tick_w = 0, legend_h, labels_h = 0, step, col_w, group_gap;
  double vmax = 0, vmin = 0;
  guint n_cols, marks;

  g_return_if_fail (BL_IS_COMPARISON (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  if (width <= 0 || height <= 0)
    return;

  fs = style->font_size > 0 ? style->font_size : 13;
  chart.cmp = self;
  chart.cr = cr;
  chart.style = style;
  chart.fs = fs;
  chart.font = pango_font_description_from_string (style->font_family ? style->font_family : "Sans");
  pango_font_description_set_absolute_size (chart.font, fs * PANGO_SCALE);
  chart.bold = pango_font_description_copy (chart.font);
  pango_font_description_set_weight (chart.bold, PANGO_WEIGHT_BOLD);
  chart.small = pango_font_description_copy (chart.font);
  pango_font_description_set_absolute_size (chart.small, fs * 0.85 * PANGO_SCALE);
  chart.italic = pango_font_description_copy (chart.small);
  pango_font_description_set_style (chart.italic, PANGO_STYLE_ITALIC);
  chart.title = pango_font_description_copy (chart.bold);
  pango_font_description_set_absolute_size (chart.title, fs * 1.4 * PANGO_SCALE);

  margin = fs * 1.2;
  bl_comparison_get_topics (self, &n_topics);
  unit = bl_topic_get_unit (bl_project_get_topic (bl_comparison_get_project (self),
                                                  bl_comparison_get_topics (self, &n_topics)[0]));

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_color (cr, &style->background);
  cairo_paint (cr);

  /* title and summary */
  title = bl_comparison_get_title (self);
  summary = bl_comparison_format_summary (self);
  title_layout = make_layout (&chart, title, chart.title, width - 2 * margin, 2);
  summary_layout = make_layout (&chart, summary, chart.font, width - 2 * margin, 2);
  y = margin;
  show_layout (&chart, title_layout, margin, y, &style->foreground);
  y += layout_height (title_layout) + fs * 0.3;
  show_layout (&chart, summary_layout, margin, y, &style->muted);
  y += layout_height (summary_layout) + fs * 1.5;

  /* vertical scale */
  n_cols = bl_comparison_chart_count_columns (self);
  if (n_cols > BL_CHART_MAX_COLUMNS)
    {
      g_autofree char *text = bl_comparison_chart_format_crowded (n_cols);
      g_autoptr(PangoLayout) layout = make_layout (&chart, text, chart.font, width - 2 * margin, 4);

      show_layout (&chart, layout, margin, y + fs, &style->muted);
      goto done;
    }
  items = collect_items (self, &n_groups);
  g_assert (items->len == n_cols);
  for (guint k = 0; k < n_cols; k++)
    {
      const BlComparisonRow *row = bl_comparison_get_row (self, g_array_index (items, Item, k).row);

      if (!(row->flags & BL_COMPARISON_ROW_FIGURE) || row->stance != BL_STANCE_ASSERTS)
        continue;
      vmax = MAX (vmax, isinf (row->max) ? row->min * 1.25 : row->max);
      vmin = MIN (vmin, row->min);
    }
  if (!(vmax > vmin))
    vmax = vmin + 1;
  step = nice_step ((vmax - vmin) / 5);
  chart.lo = floor (vmin / step) * step;
  chart.hi = ceil (vmax * 1.05 / step) * step;

  for (double v = chart.lo; v <= chart.hi + step / 2; v += step)
    {
      g_autofree char *text = bl_quantity_format_number (v);
      g_autoptr(PangoLayout) layout = make_layout (&chart, text, chart.small, 0, 0);

      tick_w = MAX (tick_w, layout_width (layout));
    }

  /* bottom: legend, then the column labels above it */
  marks = marks_used (self, items);
  legend_h = draw_legend (&chart, marks, margin, 0, width - 2 * margin, TRUE);
  chart.x0 = margin + fs * 1.6 + tick_w + fs * 0.5;
  chart.x1 = width - margin;
  group_gap = n_groups > 1 ? fs * 1.5 : 0;
  col_w = n_cols > 0 ? (chart.x1 - chart.x0 - group_gap * (n_groups - 1)) / n_cols : 0;

  for (guint k = 0; k < n_cols; k++)
    {
      const Item *item = &g_array_index (items, Item, k);
      const BlComparisonRow *row = bl_comparison_get_row (self, item->row);
      g_autofree char *claimant = bl_comparison_format_claimant (self, item->row);
      g_autoptr(PangoLayout) l1 = make_layout (&chart, claimant, chart.bold, col_w - fs * 0.5, 2);
      g_autoptr(PangoLayout) l2 = make_layout (&chart, bl_comparison_source_name (self, row->source), chart.small,
                                               col_w - fs * 0.5, 1);
      double h = layout_height (l1) + layout_height (l2);

      if (row->topic_slot > 0)
        {
          g_autoptr(PangoLayout) l3 = make_layout (&chart, bl_comparison_topic_title (self, row->topic), chart.italic,
                                                   col_w - fs * 0.5, 2);
          h += layout_height (l3);
        }
      labels_h = MAX (labels_h, h);
    }
  /* and the date under each group */
  labels_h += fs * 3.4;

  chart.y0 = y + fs * 0.5;
  chart.y1 = height - margin - legend_h - fs * 0.8 - labels_h;
  if (chart.y1 < chart.y0 + fs * 4)
    chart.y1 = chart.y0 + fs * 4;

  /* grid and ticks */
  cairo_set_line_width (cr, 1);
  for (double v = chart.lo; v <= chart.hi + step / 2; v += step)
    {
      g_autofree char *text = bl_quantity_format_number (v);
      g_autoptr(PangoLayout) layout = make_layout (&chart, text, chart.small, 0, 0);
      double ty = round (value_to_y (&chart, v)) + 0.5;

      set_color (cr, v == 0 ? &style->muted : &style->grid);
      cairo_move_to (cr, chart.x0, ty);
      cairo_line_to (cr, chart.x1, ty);
      cairo_stroke (cr);
      show_layout (&chart, layout, chart.x0 - fs * 0.5 - layout_width (layout),
                   ty - layout_height (layout) / 2, &style->muted);
    }

  /* the unit, up the axis */
  axis_layout = make_layout (&chart, unit ? unit : _("figure"), chart.small, 0, 0);
  cairo_save (cr);
  cairo_translate (cr, margin, (chart.y0 + chart.y1) / 2 + layout_width (axis_layout) / 2);
  cairo_rotate (cr, -G_PI / 2);
  show_layout (&chart, axis_layout, 0, 0, &style->muted);
  cairo_restore (cr);

  if (n_cols == 0)
    {
      g_autoptr(PangoLayout) layout = make_layout (&chart, _("No figures, denials or qualifications to show"),
                                                   chart.font, chart.x1 - chart.x0, 2);

      show_layout (&chart, layout, chart.x0 + fs, (chart.y0 + chart.y1) / 2, &style->muted);
    }

  /* columns */
  {
    double x = chart.x0;
    double group_start = chart.x0;

    for (guint k = 0; k < n_cols; k++)
      {
        const Item *item = &g_array_index (items, Item, k);
        const BlComparisonRow *row = bl_comparison_get_row (self, item->row);
        const BlChartColor *color = &style->palette[item->color];
        g_autofree char *claimant = bl_comparison_format_claimant (self, item->row);
        g_autoptr(PangoLayout) l1 = make_layout (&chart, claimant, chart.bold, col_w - fs * 0.5, 2);
        g_autoptr(PangoLayout) l2 = make_layout (&chart, bl_comparison_source_name (self, row->source), chart.small,
                                                 col_w - fs * 0.5, 1);
        /* narrow columns have no room for labels: the axis tells the values */
        gboolean labelled = col_w >= fs * 6;
        double mx = labelled ? x + MIN (col_w * 0.25, fs * 2.5) : x + col_w / 2;
        double label_x = mx + fs * 1.2;
        double label_w = labelled ? x + col_w - label_x - fs * 0.3 : 0;
        double ly = chart.y1 + fs * 0.6;

        if (item->kind == ITEM_FIGURE)
          draw_figure (&chart, item, mx, label_x, label_w);
        else
          draw_counter (&chart, item, mx, label_x, label_w);

        /* claimant, source, topic */
        show_layout (&chart, l1, x + fs * 0.2, ly, color);
        ly += layout_height (l1);
        show_layout (&chart, l2, x + fs * 0.2, ly, &style->muted);
        ly += layout_height (l2);
        if (row->topic_slot > 0)
          {
            g_autoptr(PangoLayout) l3 = make_layout (&chart, bl_comparison_topic_title (self, row->topic), chart.italic,
                                                     col_w - fs * 0.5, 2);
            show_layout (&chart, l3, x + fs * 0.2, ly, &style->muted);
          }

        x += col_w;

        /* the end of a date group: a bracket and the date */
        if (k + 1 == n_cols || g_array_index (items, Item, k + 1).group != item->group)
          {
            g_autofree char *date = bl_date_format (&row->said_on);
            g_autoptr(PangoLayout) dl = make_layout (&chart, date, chart.font, x - group_start, 2);
            double by = chart.y1 + fs * 0.6 + labels_h - fs * 2.9;

            pango_layout_set_alignment (dl, PANGO_ALIGN_CENTER);
            set_color (cr, &style->muted);
            cairo_set_line_width (cr, 1);
            cairo_move_to (cr, group_start + fs * 0.2, by - fs * 0.3);
            cairo_line_to (cr, group_start + fs * 0.2, by);
            cairo_line_to (cr, x - fs * 0.2, by);
            cairo_line_to (cr, x - fs * 0.2, by - fs * 0.3);
            cairo_stroke (cr);
            show_layout (&chart, dl, group_start, by + fs * 0.2, &style->foreground);

            x += group_gap;
            group_start = x;
          }
      }
  }

  /* the plot's frame on the left */
  set_color (cr, &style->muted);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, round (chart.x0) + 0.5, chart.y0);
  cairo_line_to (cr, round (chart.x0) + 0.5, chart.y1);
  cairo_stroke (cr);

  draw_legend (&chart, marks, margin, height - margin - legend_h, width - 2 * margin, FALSE);

done:
  cairo_restore (cr);

  pango_font_description_free (chart.font);
  pango_font_description_free (chart.bold);
  pango_font_description_free (chart.small);
  pango_font_description_free (chart.italic);
  pango_font_description_free (chart.title);
}
