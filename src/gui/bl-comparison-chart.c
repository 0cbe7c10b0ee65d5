/* bl-comparison-chart.c — the comparison's figures on one axis, on screen
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlComparisonChart draws a #BlComparison with bl_comparison_chart_draw(),
 * the same code that writes the PNG and SVG exports, so what the panel
 * shows is what a report gets. It only chooses the look: text and lines
 * in the widget's CSS colour on a transparent background, denials in the
 * theme's error colour, and each claimant in the colour the map's claim
 * painter gives it (bl_claim_painter_get_color()), so that a claimant is
 * the same colour in the chart, in the table's swatches and on the map
 * coloured by claimant.
 *
 * The chart's palette is indexed by the order in which claimants appear
 * in the comparison, the painter's by actor number: the first
 * %BL_CHART_N_PALETTE claimants get their painter colour; beyond that the
 * chart repeats colours.
 *
 * It computes nothing about the claims and takes no input; its accessible
 * description lists the figures for people who cannot see it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bl-comparison-chart.h"

#define MIN_WIDTH      200
#define NATURAL_WIDTH  400
#define MIN_HEIGHT     260
#define NATURAL_HEIGHT 440

struct _BlComparisonChart
{
  GtkWidget       parent_instance;

  /* owned */
  BlComparison   *comparison;
  BlClaimPainter *painter;
  char           *font_family;
};

G_DEFINE_FINAL_TYPE (BlComparisonChart, bl_comparison_chart, GTK_TYPE_WIDGET)

static BlChartColor
chart_color (const GdkRGBA *rgba,
             float          alpha)
{
  return (BlChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha };
}


enum {
  PROP_0,
  PROP_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* The body text size of the widget's font, in pixels, a little smaller:
 * the chart's labels are captions. */
static double
chart_font_size (BlComparisonChart *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontDescription *font = pango_context_get_font_description (context);
  double size, dpi;

  g_clear_pointer (&self->font_family, g_free);
  if (font == NULL || pango_font_description_get_size (font) <= 0)
    return 12;

  self->font_family = g_strdup (pango_font_description_get_family (font));
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    {
      dpi = pango_cairo_context_get_resolution (context);
      size = size * (dpi > 0 ? dpi : 96) / 72;
    }

  return CLAMP (round (size * 0.85), 9, 16);
}

static char *
describe_row (BlComparison *comparison,
              guint         row)
{
  const BlComparisonRow *r = bl_comparison_get_row (comparison, row);
  BlClaimStore *store = bl_project_get_claims (bl_comparison_get_project (comparison));
  g_autofree char *claimant = bl_comparison_format_claimant (comparison, row);
  g_autofree char *figure = NULL;
  BlClaimRecord record;

  bl_claim_store_get_record (store, r->claim, &record);

  if (r->stance == BL_STANCE_DENIES)
    /* Translators: in the chart’s description for screen readers, "Islamic Emirate officials: denies" */
    return g_strdup_printf (_("%s: denies"), claimant);
  if (r->stance == BL_STANCE_QUALIFIES)
    return g_strdup_printf (_("%s: qualifies"), claimant);
  if (!(r->flags & BL_COMPARISON_ROW_FIGURE) || record.quantity == NULL)
    return NULL;

  figure = bl_quantity_format (record.quantity);
  /* Translators: a claimant and the figure claimed, "Anatoly Sidorov: 6,500 fighters" */
  return g_strdup_printf (_("%s: %s"), claimant, figure);
}

static void
bl_comparison_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static void
bl_comparison_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  BlComparisonChart *self = BL_COMPARISON_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  BlChartStyle style;
  cairo_t *cr;

  if (self->comparison == NULL || width <= 0 || height <= 0)
    return;

  bl_comparison_chart_get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  bl_comparison_chart_draw (self->comparison, cr, width, height, &style);
  cairo_destroy (cr);
}

static void
bl_comparison_chart_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bl_comparison_chart_parent_class)->css_changed (widget, change);

  gtk_widget_queue_draw (widget);
}

static void
bl_comparison_chart_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BlComparisonChart *self = BL_COMPARISON_CHART (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      g_value_set_object (value, self->comparison);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_comparison_chart_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BlComparisonChart *self = BL_COMPARISON_CHART (object);

  switch (prop_id)
    {
    case PROP_COMPARISON:
      bl_comparison_chart_set_comparison (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_comparison_chart_dispose (GObject *object)
{
  BlComparisonChart *self = BL_COMPARISON_CHART (object);

  g_clear_object (&self->comparison);
  g_clear_object (&self->painter);

  G_OBJECT_CLASS (bl_comparison_chart_parent_class)->dispose (object);
}

static void
bl_comparison_chart_finalize (GObject *object)
{
  BlComparisonChart *self = BL_COMPARISON_CHART (object);

  g_clear_pointer (&self->font_family, g_free);

  G_OBJECT_CLASS (bl_comparison_chart_parent_class)->finalize (object);
}

static void
bl_comparison_chart_class_init (BlComparisonChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_comparison_chart_dispose;
  object_class->finalize = bl_comparison_chart_finalize;
  object_class->get_property = bl_comparison_chart_get_property;
  object_class->set_property = bl_comparison_chart_set_property;

  widget_class->measure = bl_comparison_chart_measure;
  widget_class->snapshot = bl_comparison_chart_snapshot;
  widget_class->css_changed = bl_comparison_chart_css_changed;

  properties[PROP_COMPARISON] =
    g_param_spec_object ("comparison", NULL, "The comparison drawn",
                         BL_TYPE_COMPARISON,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "comparison-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bl_comparison_chart_init (BlComparisonChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart of the figures claimed"),
                                  -1);
}

GtkWidget *
bl_comparison_chart_new (void)
{
  return g_object_new (BL_TYPE_COMPARISON_CHART, NULL);
}

/**
 * bl_comparison_chart_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison drawn
 */
BlComparison *
bl_comparison_chart_get_comparison (BlComparisonChart *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_CHART (self), NULL);

  return self->comparison;
}

/**
 * bl_comparison_chart_set_comparison:
 * @comparison: (nullable): what to draw, or %NULL for nothing
 */
void
bl_comparison_chart_set_comparison (BlComparisonChart *self,
                                    BlComparison      *comparison)
{
  g_autofree char *description = NULL;

  g_return_if_fail (BL_IS_COMPARISON_CHART (self));
  g_return_if_fail (comparison == NULL || BL_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;

  description = comparison ? bl_comparison_chart_describe (comparison) : NULL;
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
}

/**
 * bl_comparison_chart_set_painter:
 * @painter: (nullable): the painter whose colours the claimants take
 *
 * Without a painter, the chart uses the export's default palette.
 */
void
bl_comparison_chart_set_painter (BlComparisonChart *self,
                                 BlClaimPainter    *painter)
{
  g_return_if_fail (BL_IS_COMPARISON_CHART (self));
  g_return_if_fail (painter == NULL || BL_IS_CLAIM_PAINTER (painter));

  if (g_set_object (&self->painter, painter))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bl_comparison_chart_get_claimant_color:
 * @actor: an actor number, or %BL_NO_INDEX
 * @color: (out caller-allocates): the colour of its claims
 *
 * The colour the chart (and the map, coloured by claimant) gives the
 * claims of @actor.
 */
void
bl_comparison_chart_get_claimant_color (BlComparisonChart *self,
                                        guint32            actor,
                                        GdkRGBA           *color)
{
  double rgba[4];

  g_return_if_fail (BL_IS_COMPARISON_CHART (self));
  g_return_if_fail (color != NULL);

  bl_claim_palette_get (actor, rgba);
  *color = (GdkRGBA) { rgba[0], rgba[1], rgba[2], rgba[3] };
}

/**
 * bl_comparison_chart_get_style:
 * @style: (out caller-allocates): the style to fill
 *
 * The look of the chart on screen: the widget's CSS colour and font, a
 * transparent background, the claimants' colours of the claim painter.
 * @style's font family belongs to @self and is valid until the next
 * call.
 */
void
bl_comparison_chart_get_style (BlComparisonChart *self,
                               BlChartStyle      *style)
{
  GtkStyleContext *context;
  GdkRGBA fg, error, warning;

  g_return_if_fail (BL_IS_COMPARISON_CHART (self));
  g_return_if_fail (style != NULL);

  bl_chart_style_init_default (style);

  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &fg);
  style->background = (BlChartColor) { 0, 0, 0, 0 };
  style->foreground = chart_color (&fg, 1.0f);
  style->muted = chart_color (&fg, 0.7f);
  style->grid = chart_color (&fg, 0.15f);
  if (gtk_style_context_lookup_color (context, "error_color", &error))
    style->denial = chart_color (&error, 1.0f);
  if (gtk_style_context_lookup_color (context, "warning_color", &warning))
    style->qualification = chart_color (&warning, 1.0f);

  style->font_size = chart_font_size (self);
  style->font_family = self->font_family;

  /* the palette is the map's, indexed by claimant (bl_claim_palette_get) */
}

/**
 * bl_comparison_chart_describe:
 * @comparison: a comparison
 *
 * The chart in words, for its accessible description: "Anatoly Sidorov:
 * 6,500 fighters; United Nations officials: 2,000–9,000 militants
 * (several thousand); Islamic Emirate officials: denies".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when the chart
 *   shows nothing
 */
char *
bl_comparison_chart_describe (BlComparison *comparison)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_columns;

  g_return_val_if_fail (BL_IS_COMPARISON (comparison), NULL);

  /* as many as the chart draws, then what it says instead */
  n_columns = bl_comparison_chart_count_columns (comparison);
  if (n_columns > BL_CHART_MAX_COLUMNS)
    return bl_comparison_chart_format_crowded (n_columns);

  for (guint i = 0; i < bl_comparison_get_n_rows (comparison); i++)
    {
      char *part = describe_row (comparison, i);

      if (part != NULL)
        g_ptr_array_add (parts, part);
    }

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the claims in the chart's description */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}
