/* bl-comparison-row-item.c — one row of the comparison table, as an object
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlComparisonRowItem is what one line of the comparison panel's table
 * shows, copied out of a #BlComparison row when the panel builds its model:
 * the texts of the cells, and the numbers the table sorts by. It is a
 * snapshot: it does not follow later changes of the project (the panel
 * builds new items when the comparison is rebuilt). Its text properties
 * are read-only and exist so that GtkStringSorter can sort by them.
 *
 * It computes nothing; every text comes from the project or from the
 * comparison's formatting functions.
 */
#include "config.h"

#include <math.h>

#include "bl-comparison-row-item.h"
#include "bl-vocab.h"

struct _BlComparisonRowItem
{
  GObject   parent_instance;

  guint     row;
  guint32   source_index;
  BlDate    said_on;
  BlStance  stance;
  guint     flags;
  double    min;
  double    max;
  guint     reliability;
  guint     credibility;
  GdkRGBA   color;

  char     *claim_id;
  char     *claimant;
  char     *affiliation;
  char     *source;
  char     *topic;
  char     *statement;
  char     *said_on_text;
  char     *figure;
};

G_DEFINE_FINAL_TYPE (BlComparisonRowItem, bl_comparison_row_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLAIM_ID,
  PROP_CLAIMANT,
  PROP_AFFILIATION,
  PROP_SOURCE,
  PROP_TOPIC,
  PROP_SAID_ON_TEXT,
  PROP_FIGURE,
  PROP_STANCE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bl_comparison_row_item_finalize (GObject *object)
{
  BlComparisonRowItem *self = BL_COMPARISON_ROW_ITEM (object);

  g_clear_pointer (&self->claim_id, g_free);
  g_clear_pointer (&self->claimant, g_free);
  g_clear_pointer (&self->affiliation, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->topic, g_free);
  g_clear_pointer (&self->statement, g_free);
  g_clear_pointer (&self->said_on_text, g_free);
  g_clear_pointer (&self->figure, g_free);

  G_OBJECT_CLASS (bl_comparison_row_item_parent_class)->finalize (object);
}

static void
bl_comparison_row_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BlComparisonRowItem *self = BL_COMPARISON_ROW_ITEM (object);

  switch (prop_id)
    {
    case PROP_CLAIM_ID:
      g_value_set_string (value, self->claim_id);
      break;

    case PROP_CLAIMANT:
      g_value_set_string (value, self->claimant);
      break;

    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_TOPIC:
      g_value_set_string (value, self->topic);
      break;

    case PROP_SAID_ON_TEXT:
      g_value_set_string (value, self->said_on_text);
      break;

    case PROP_FIGURE:
      g_value_set_string (value, self->figure);
      break;

    case PROP_STANCE_LABEL:
      g_value_set_string (value, bl_stance_get_label (self->stance));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_comparison_row_item_class_init (BlComparisonRowItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_comparison_row_item_finalize;
  object_class->get_property = bl_comparison_row_item_get_property;

  properties[PROP_CLAIM_ID] =
    g_param_spec_string ("claim-id", NULL, "The claim's id",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLAIMANT] =
    g_param_spec_string ("claimant", NULL, "The claimant's name",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AFFILIATION] =
    g_param_spec_string ("affiliation", NULL, "The body the claimant speaks for",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, "The name of the source that reported the claim",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, "The title of the claim's topic",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SAID_ON_TEXT] =
    g_param_spec_string ("said-on-text", NULL, "When the claim was made, for people",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIGURE] =
    g_param_spec_string ("figure", NULL, "The figure or range claimed, for people",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STANCE_LABEL] =
    g_param_spec_string ("stance-label", NULL, "Whether the claim asserts, denies or qualifies",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_comparison_row_item_init (BlComparisonRowItem *self)
{
  self->min = NAN;
  self->max = NAN;
}

/**
 * bl_comparison_row_item_new:
 * @comparison: a comparison
 * @row: one of its rows
 * @color: the claimant's colour in the chart
 *
 * Copies what the table shows of @row.
 *
 * Returns: (transfer full): a new item
 */
BlComparisonRowItem *
bl_comparison_row_item_new (BlComparison  *comparison,
                            guint          row,
                            const GdkRGBA *color)
{
  BlComparisonRowItem *self;
  const BlComparisonRow *r;
  BlProject *project;
  BlClaimRecord record;

  g_return_val_if_fail (BL_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (row < bl_comparison_get_n_rows (comparison), NULL);
  g_return_val_if_fail (color != NULL, NULL);

  project = bl_comparison_get_project (comparison);
  r = bl_comparison_get_row (comparison, row);
  bl_claim_store_get_record (bl_project_get_claims (project), r->claim, &record);

  self = g_object_new (BL_TYPE_COMPARISON_ROW_ITEM, NULL);
  self->row = row;
  self->source_index = r->source;
  self->said_on = r->said_on;
  self->stance = r->stance;
  self->flags = r->flags;
  self->min = r->min;
  self->max = r->max;
  self->reliability = r->source_reliability;
  self->credibility = r->credibility;
  self->color = *color;

  self->claim_id = g_strdup (record.id);
  self->claimant = bl_comparison_format_claimant (comparison, row);
  self->statement = g_strdup (record.statement);

  if (r->actor != BL_NO_INDEX)
    self->affiliation = g_strdup (bl_actor_get_affiliation (bl_project_get_actor (project, r->actor)));

  if (r->source != BL_NO_INDEX)
    {
      BlSource *source = bl_project_get_source (project, r->source);

      self->source = g_strdup (bl_source_get_name (source) ? bl_source_get_name (source)
                                                           : bl_source_get_id (source));
    }

  if (r->topic != BL_NO_INDEX)
    {
      BlTopic *topic = bl_project_get_topic (project, r->topic);

      self->topic = g_strdup (bl_topic_get_title (topic) ? bl_topic_get_title (topic)
                                                         : bl_topic_get_id (topic));
    }

  if (!bl_date_is_unknown (&r->said_on))
    self->said_on_text = bl_date_format (&r->said_on);

  if (record.quantity != NULL)
    self->figure = bl_quantity_format (record.quantity);

  return self;
}

guint
bl_comparison_row_item_get_row (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), 0);

  return self->row;
}

const char *
bl_comparison_row_item_get_claim_id (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return self->claim_id;
}

/**
 * bl_comparison_row_item_get_source_index:
 *
 * Returns: the source's index in the project, or %BL_NO_INDEX
 */
guint32
bl_comparison_row_item_get_source_index (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), BL_NO_INDEX);

  return self->source_index;
}

const char *
bl_comparison_row_item_get_claimant (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return self->claimant;
}

/**
 * bl_comparison_row_item_get_affiliation:
 *
 * Returns: (nullable): the claimant's affiliation
 */
const char *
bl_comparison_row_item_get_affiliation (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return self->affiliation;
}

/**
 * bl_comparison_row_item_get_source:
 *
 * Returns: (nullable): the source's name
 */
const char *
bl_comparison_row_item_get_source (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return self->source;
}

/**
 * bl_comparison_row_item_get_topic:
 *
 * Returns: (nullable): the title of the claim's topic
 */
const char *
bl_comparison_row_item_get_topic (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return self->topic;
}

/**
 * bl_comparison_row_item_get_statement:
 *
 * Returns: (nullable): the statement as reported
 */
const char *
bl_comparison_row_item_get_statement (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return self->statement;
}

const BlDate *
bl_comparison_row_item_get_said_on (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return &self->said_on;
}

/**
 * bl_comparison_row_item_get_said_on_text:
 *
 * Returns: (nullable): when the claim was made, or %NULL when unknown
 */
const char *
bl_comparison_row_item_get_said_on_text (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return self->said_on_text;
}

/**
 * bl_comparison_row_item_get_figure:
 *
 * Returns: (nullable): the figure as claimed ("at least 6,000
 *   terrorists"), or %NULL when the claim has none
 */
const char *
bl_comparison_row_item_get_figure (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return self->figure;
}

/**
 * bl_comparison_row_item_get_range:
 * @min: (out): the lower bound, NAN without a figure
 * @max: (out): the upper bound, INFINITY when open, NAN without a figure
 */
void
bl_comparison_row_item_get_range (BlComparisonRowItem *self,
                                  double              *min,
                                  double              *max)
{
  g_return_if_fail (BL_IS_COMPARISON_ROW_ITEM (self));

  if (min != NULL)
    *min = self->min;
  if (max != NULL)
    *max = self->max;
}

/**
 * bl_comparison_row_item_get_flags:
 *
 * Returns: the row's #BlComparisonRowFlags
 */
guint
bl_comparison_row_item_get_flags (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), 0);

  return self->flags;
}

BlStance
bl_comparison_row_item_get_stance (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), BL_STANCE_ASSERTS);

  return self->stance;
}

const char *
bl_comparison_row_item_get_stance_label (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return bl_stance_get_label (self->stance);
}

/**
 * bl_comparison_row_item_get_reliability:
 *
 * Returns: the source's Admiralty reliability, 1 (A) to 6 (F), 0 if none
 */
guint
bl_comparison_row_item_get_reliability (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), 0);

  return self->reliability;
}

/**
 * bl_comparison_row_item_get_credibility:
 *
 * Returns: the claim's Admiralty credibility, 1 to 6, 0 if not graded
 */
guint
bl_comparison_row_item_get_credibility (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), 0);

  return self->credibility;
}

/**
 * bl_comparison_row_item_get_color:
 *
 * Returns: (transfer none): the claimant's colour in the chart and on the map
 */
const GdkRGBA *
bl_comparison_row_item_get_color (BlComparisonRowItem *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_ITEM (self), NULL);

  return &self->color;
}
