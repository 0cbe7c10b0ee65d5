/* bl-comparison.c — who says what about a question: the comparison analysis
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computes, once, everything the comparison panel and its exports show for
 * a set of topics: rows, groups by claimant and by source, denials set
 * against what they deny, origin groups (union-find over citation,
 * republication and same-event links), and per-topic statistics. The
 * building is in bl-comparison-build.c; here are the object, its queries
 * and the side-by-side view. The rules
 * are documented at the top of bl-comparison.h; keep the two in step.
 *
 * Not here: drawing, files (bl-comparison-export.c), and anything that
 * follows changes of the project (the panel makes a new comparison).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bl-actor.h"
#include "bl-comparison.h"
#include "bl-comparison-private.h"
#include "bl-source.h"
#include "bl-topic.h"

struct _BlSideBySide
{
  BlComparison     *comparison;  /* owned reference */
  BlSideBySideKey   key;
  guint32          *columns;
  guint             n_columns;
  guint            *line_slots;  /* topic slot of each line */
  guint             n_lines;
  GArray          **cells;       /* n_lines × n_columns arrays of guint */
  BlComparisonMark *cell_marks;
  BlComparisonMark *line_marks;
};

G_DEFINE_FINAL_TYPE (BlComparison, bl_comparison, G_TYPE_OBJECT)

/* Side by side */

static gboolean
row_in (const guint *rows,
        guint        n,
        guint        row)
{
  return n > 0 && bsearch (&row, rows, n, sizeof (guint), bl_comparison_compare_uint) != NULL;
}

static BlComparisonMark
pair_mark (BlComparison *self,
           guint         a,
           guint         b)
{
  const BlComparisonRow *ra = bl_comparison_row (self, a);
  const BlComparisonRow *rb = bl_comparison_row (self, b);

  if (row_in (ra->against, ra->n_against, b) || row_in (rb->against, rb->n_against, a))
    return BL_COMPARISON_MARK_CONTRADICTS;
  if (bl_comparison_row_is_figure (ra) && bl_comparison_row_is_figure (rb))
    return bl_comparison_rows_overlap (self, a, b) ? BL_COMPARISON_MARK_AGREES
                                                   : BL_COMPARISON_MARK_CONTRADICTS;
  if (row_in (ra->corroborates, ra->n_corroborates, b) ||
      row_in (rb->corroborates, rb->n_corroborates, a))
    return BL_COMPARISON_MARK_AGREES;
  return BL_COMPARISON_MARK_NONE;
}

/* GObject */

static void
bl_comparison_finalize (GObject *object)
{
  BlComparison *self = BL_COMPARISON (object);

  for (guint i = 0; i < self->rows->len; i++)
    {
      BlComparisonRow *row = bl_comparison_row (self, i);

      g_free (row->against);
      g_free (row->countered_by);
      g_free (row->corroborates);
    }
  for (guint g = 0; g < self->n_claimants; g++)
    g_free (self->claimants[g].rows);
  for (guint g = 0; g < self->n_sources; g++)
    g_free (self->sources[g].rows);
  for (guint g = 0; g < self->n_origins; g++)
    {
      g_free (self->origins[g].rows);
      g_free (self->origins[g].links);
    }
  g_clear_pointer (&self->claimants, g_free);
  g_clear_pointer (&self->sources, g_free);
  g_clear_pointer (&self->origins, g_free);
  g_clear_pointer (&self->stats, g_free);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->row_of_claim, g_hash_table_unref);
  g_clear_pointer (&self->topics, g_free);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bl_comparison_parent_class)->finalize (object);
}

static void
bl_comparison_class_init (BlComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_comparison_finalize;
}

static void
bl_comparison_init (BlComparison *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (BlComparisonRow));
  self->row_of_claim = g_hash_table_new (NULL, NULL);
}

/* Public API */

/**
 * bl_comparison_new:
 * @project: a project
 * @topics: (array length=n_topics): topic indices; the first is the primary
 * @n_topics: how many, at least one
 * @visible: (nullable): the claims the filter lets through, or %NULL for all
 *
 * Computes the comparison of the claims on @topics. See the top of
 * bl-comparison.h for the rules.
 *
 * Returns: (transfer full): a new comparison
 */
BlComparison *
bl_comparison_new (BlProject       *project,
                   const guint32   *topics,
                   guint            n_topics,
                   BlVisibleClaims *visible)
{
  BlComparison *self;
  guint n_project_topics;

  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (topics != NULL, NULL);
  g_return_val_if_fail (n_topics > 0, NULL);
  g_return_val_if_fail (visible == NULL || BL_IS_VISIBLE_CLAIMS (visible), NULL);

  n_project_topics = g_list_model_get_n_items (bl_project_get_topics (project));
  for (guint t = 0; t < n_topics; t++)
    g_return_val_if_fail (topics[t] < n_project_topics, NULL);

  self = g_object_new (BL_TYPE_COMPARISON, NULL);
  self->project = g_object_ref (project);
  self->topics = g_memdup2 (topics, n_topics * sizeof (guint32));
  self->n_topics = n_topics;

  bl_comparison_collect_rows (self, visible);
  bl_comparison_collect_relations (self);
  bl_comparison_collect_origins (self);
  self->claimants = bl_comparison_collect_groups (self, FALSE, &self->n_claimants);
  self->sources = bl_comparison_collect_groups (self, TRUE, &self->n_sources);

  /* per topic first: they flag the outliers that the total counts */
  self->stats = g_new0 (BlComparisonStats, n_topics + 1);
  for (guint t = 0; t < n_topics; t++)
    bl_comparison_compute_stats (self, t, &self->stats[t]);
  bl_comparison_compute_stats (self, BL_COMPARISON_ALL_TOPICS, &self->stats[n_topics]);

  return self;
}

/**
 * bl_comparison_get_related_topics:
 * @project: a project
 * @topic: a topic index
 * @n_topics: (out): how many topics are returned
 *
 * The usual set of topics to compare: @topic first, then every other topic
 * with the same unit (compared case-insensitively), in project order. A
 * topic without a unit stands alone.
 *
 * Returns: (transfer full) (array length=n_topics): topic indices
 */
guint32 *
bl_comparison_get_related_topics (BlProject *project,
                                  guint32    topic,
                                  guint     *n_topics)
{
  GListModel *topics;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char *unit;
  guint n;

  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (n_topics != NULL, NULL);

  topics = bl_project_get_topics (project);
  n = g_list_model_get_n_items (topics);
  g_return_val_if_fail (topic < n, NULL);

  g_array_append_val (out, topic);
  unit = bl_topic_get_unit (bl_project_get_topic (project, topic));
  if (unit != NULL && *unit != '\0')
    for (guint32 t = 0; t < n; t++)
      if (t != topic && bl_comparison_same_text_folded (unit, bl_topic_get_unit (bl_project_get_topic (project, t))))
        g_array_append_val (out, t);

  *n_topics = out->len;
  return (guint32 *) g_array_free (g_steal_pointer (&out), FALSE);
}

/**
 * bl_comparison_topic_has_figures:
 * @project: a project
 * @topic: a topic index
 *
 * Whether a comparison of @topic alone, over every claim, would have a
 * figure to set on its axis (%BlComparisonStats.n_figures above 0: a claim
 * that asserts a number or a range), found without building it: the claims
 * are read in order up to the first such one.
 *
 * Returns: %TRUE if @topic has a figure to compare
 */
gboolean
bl_comparison_topic_has_figures (BlProject *project,
                                 guint32    topic)
{
  BlClaimStore *store;
  const guint32 *topics;
  const guint8 *stances;
  guint n;

  g_return_val_if_fail (BL_IS_PROJECT (project), FALSE);

  store = bl_project_get_claims (project);
  n = bl_claim_store_get_n_claims (store);
  topics = bl_claim_store_get_topics (store);
  stances = bl_claim_store_get_stances (store);

  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord r;
      double min, max;

      if (topics[i] != topic || stances[i] != BL_STANCE_ASSERTS)
        continue;
      /* the rule of bl_comparison_row_is_figure() */
      bl_claim_store_get_record (store, i, &r);
      if (r.quantity != NULL && bl_quantity_get_range (r.quantity, &min, &max))
        return TRUE;
    }

  return FALSE;
}

/**
 * bl_comparison_get_project:
 *
 * Returns: (transfer none): the project compared
 */
BlProject *
bl_comparison_get_project (BlComparison *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);

  return self->project;
}

/**
 * bl_comparison_get_topics:
 * @n_topics: (out): how many
 *
 * Returns: (transfer none) (array length=n_topics): the topics, primary first
 */
const guint32 *
bl_comparison_get_topics (BlComparison *self,
                          guint        *n_topics)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (n_topics != NULL, NULL);

  *n_topics = self->n_topics;
  return self->topics;
}

/**
 * bl_comparison_get_title:
 *
 * A title for the chart and exports: the primary topic's title, with the
 * related topics' after it ("ISIS fighters in Afghanistan (with ISIS-K
 * near the Tajik border)").
 *
 * Returns: (transfer full): the title
 */
char *
bl_comparison_get_title (BlComparison *self)
{
  g_autoptr(GString) others = g_string_new (NULL);
  const char *primary;

  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);

  primary = bl_topic_get_title (bl_project_get_topic (self->project, self->topics[0]));
  if (primary == NULL)
    primary = bl_topic_get_id (bl_project_get_topic (self->project, self->topics[0]));

  for (guint t = 1; t < self->n_topics; t++)
    {
      BlTopic *topic = bl_project_get_topic (self->project, self->topics[t]);
      const char *title = bl_topic_get_title (topic);

      if (others->len > 0)
        /* Translators: separates topic titles in a list */
        g_string_append (others, _(", "));
      g_string_append (others, title ? title : bl_topic_get_id (topic));
    }

  if (others->len == 0)
    return g_strdup (primary);
  /* Translators: a topic and the related topics compared with it */
  return g_strdup_printf (_("%s (with %s)"), primary, others->str);
}

guint
bl_comparison_get_n_rows (BlComparison *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), 0);

  return self->rows->len;
}

/**
 * bl_comparison_get_row:
 * @row: a row number
 *
 * Returns: (transfer none): the row, valid as long as @self
 */
const BlComparisonRow *
bl_comparison_get_row (BlComparison *self,
                       guint         row)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  return bl_comparison_row (self, row);
}

/**
 * bl_comparison_find_row:
 * @claim: a claim index
 *
 * Returns: the row of @claim, or %G_MAXUINT when it is not compared
 */
guint
bl_comparison_find_row (BlComparison *self,
                        guint32       claim)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), G_MAXUINT);

  return bl_comparison_row_of (self, claim);
}

/**
 * bl_comparison_rows_overlap:
 *
 * Returns: whether both rows have a figure and their ranges share a value
 */
gboolean
bl_comparison_rows_overlap (BlComparison *self,
                            guint         row_a,
                            guint         row_b)
{
  const BlComparisonRow *a, *b;

  g_return_val_if_fail (BL_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (row_a < self->rows->len && row_b < self->rows->len, FALSE);

  a = bl_comparison_row (self, row_a);
  b = bl_comparison_row (self, row_b);
  if (!(a->flags & BL_COMPARISON_ROW_FIGURE) || !(b->flags & BL_COMPARISON_ROW_FIGURE))
    return FALSE;
  return a->min <= b->max && b->min <= a->max;
}

/**
 * bl_comparison_get_claimants:
 * @n_groups: (out): how many
 *
 * Returns: (transfer none) (array length=n_groups): the rows of each
 *   claimant, in the order of their first row
 */
const BlComparisonGroup *
bl_comparison_get_claimants (BlComparison *self,
                             guint        *n_groups)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (n_groups != NULL, NULL);

  *n_groups = self->n_claimants;
  return self->claimants;
}

/**
 * bl_comparison_get_sources:
 * @n_groups: (out): how many
 *
 * Returns: (transfer none) (array length=n_groups): the rows of each
 *   source, in the order of their first row
 */
const BlComparisonGroup *
bl_comparison_get_sources (BlComparison *self,
                           guint        *n_groups)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (n_groups != NULL, NULL);

  *n_groups = self->n_sources;
  return self->sources;
}

guint
bl_comparison_get_n_origins (BlComparison *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), 0);

  return self->n_origins;
}

/**
 * bl_comparison_get_origin:
 * @origin: an origin group, below bl_comparison_get_n_origins()
 *
 * Returns: (transfer none): the group
 */
const BlComparisonOrigin *
bl_comparison_get_origin (BlComparison *self,
                          guint         origin)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (origin < self->n_origins, NULL);

  return &self->origins[origin];
}

static const char *
claim_id (BlComparison *self,
          guint         row)
{
  return bl_claim_store_get_id (bl_project_get_claims (self->project), bl_comparison_row (self, row)->claim);
}

static const char *
source_name (BlComparison *self,
             guint32       source)
{
  BlSource *s;

  if (source == BL_NO_INDEX)
    return _("unknown source");
  s = bl_project_get_source (self->project, source);
  return bl_source_get_name (s) ? bl_source_get_name (s) : bl_source_get_id (s);
}

/**
 * bl_comparison_format_origin:
 * @origin: an origin group
 *
 * Explains an origin group to people: which claims go back to it and by
 * which rule, one line each ("c-a cites c-b (directly or through other
 * claims)").
 *
 * Returns: (transfer full): the text, lines separated by "\n"
 */
char *
bl_comparison_format_origin (BlComparison *self,
                             guint         origin)
{
  const BlComparisonOrigin *group;
  GString *text;

  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (origin < self->n_origins, NULL);

  group = &self->origins[origin];
  text = g_string_new (NULL);

  if (group->n_rows == 1)
    {
      g_autofree char *claimant = bl_comparison_format_claimant (self, group->rows[0]);

      g_string_append_printf (text,
                              /* Translators: a claim id and its claimant */
                              _("%s (%s) stands alone: no citation, republication or same-day statement links it to another claim."),
                              claim_id (self, group->rows[0]), claimant);
      return g_string_free (text, FALSE);
    }

  g_string_append_printf (text,
                          ngettext ("%u claim goes back to one origin:",
                                    "%u claims go back to one origin:", group->n_rows),
                          group->n_rows);

  for (guint k = 0; k < group->n_links; k++)
    {
      const BlOriginLink *link = &group->links[k];
      const BlComparisonRow *a = bl_comparison_row (self, link->row_a);
      const BlComparisonRow *b = bl_comparison_row (self, link->row_b);
      g_autofree char *claimant = bl_comparison_format_claimant (self, link->row_a);

      g_string_append_c (text, '\n');
      switch (link->rule)
        {
        case BL_ORIGIN_RULE_CITATION:
          g_string_append_printf (text,
                                  /* Translators: two claim ids */
                                  _("%s and %s: one cites the other, directly or through other claims"),
                                  claim_id (self, link->row_a), claim_id (self, link->row_b));
          break;

        case BL_ORIGIN_RULE_REPUBLICATION:
          g_string_append_printf (text,
                                  /* Translators: two claim ids, a claimant, two sources and the
                                   * source they both go back to */
                                  _("%s and %s: the same statement by %s, reported by %s and %s, which both go back to %s"),
                                  claim_id (self, link->row_a), claim_id (self, link->row_b), claimant,
                                  source_name (self, a->source), source_name (self, b->source),
                                  source_name (self, a->root_source));
          break;

        case BL_ORIGIN_RULE_SAME_EVENT:
          {
            g_autofree char *day = bl_date_format (&a->said_on);

            g_string_append_printf (text,
                                    /* Translators: two claim ids, a claimant and a date */
                                    _("%s and %s: %s said both on the same day, %s (one occasion, however many reports)"),
                                    claim_id (self, link->row_a), claim_id (self, link->row_b),
                                    claimant, day);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (text, FALSE);
}

/**
 * bl_comparison_get_stats:
 * @topic_slot: a position in the comparison's topics, or
 *   %BL_COMPARISON_ALL_TOPICS
 *
 * Returns: (transfer none): the numbers of that topic, or of every row
 */
const BlComparisonStats *
bl_comparison_get_stats (BlComparison *self,
                         guint         topic_slot)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (topic_slot < self->n_topics || topic_slot == BL_COMPARISON_ALL_TOPICS, NULL);

  if (topic_slot == BL_COMPARISON_ALL_TOPICS)
    return &self->stats[self->n_topics];
  return &self->stats[topic_slot];
}

static char *
format_span (double   min,
             double   max,
             gboolean open)
{
  g_autofree char *lo = bl_quantity_format_number (min);
  g_autofree char *hi = bl_quantity_format_number (max);

  if (open)
    {
      if (min == max)
        /* Translators: an open range, "6,000 or more" */
        return g_strdup_printf (_("%s or more"), lo);
      /* Translators: a range whose top is open: "2,000–9,000+" */
      return g_strdup_printf (_("%s–%s+"), lo, hi);
    }
  if (min == max)
    return g_steal_pointer (&lo);
  /* Translators: a range of figures, "2,000–9,000" */
  return g_strdup_printf (_("%s–%s"), lo, hi);
}

/**
 * bl_comparison_format_range:
 * @row: a row
 *
 * The row's effective range for people: "6,500", "2,000–9,000", "6,000 or
 * more".
 *
 * Returns: (transfer full) (nullable): the text, or %NULL without a figure
 */
char *
bl_comparison_format_range (BlComparison *self,
                            guint         row)
{
  const BlComparisonRow *r;

  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  r = bl_comparison_row (self, row);
  if (!(r->flags & BL_COMPARISON_ROW_FIGURE))
    return NULL;
  if (isinf (r->max))
    return format_span (r->min, r->min, TRUE);
  return format_span (r->min, r->max, FALSE);
}

/**
 * bl_comparison_format_claimant:
 * @row: a row
 *
 * Returns: (transfer full): the claimant's name, or a placeholder
 */
char *
bl_comparison_format_claimant (BlComparison *self,
                               guint         row)
{
  const BlComparisonRow *r;
  BlActor *actor;

  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  r = bl_comparison_row (self, row);
  if (r->actor == BL_NO_INDEX)
    return g_strdup (_("Unknown claimant"));
  actor = bl_project_get_actor (self->project, r->actor);
  return g_strdup (bl_actor_get_name (actor) ? bl_actor_get_name (actor) : bl_actor_get_id (actor));
}

/**
 * bl_comparison_format_summary:
 *
 * The summary line over every row: "4 claimants · 4 independent origins
 * via 1 source chain · estimates 4,000–6,500 (ranges 2,000–9,000+) ·
 * 1 denial". The source chains are given when fewer than the origins;
 * the ranges when they reach beyond the estimates; outliers and
 * qualifications when there are any.
 *
 * Returns: (transfer full): the text
 */
char *
bl_comparison_format_summary (BlComparison *self)
{
  const BlComparisonStats *s;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *origins = NULL;

  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);

  s = &self->stats[self->n_topics];

  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u claimant", "%u claimants", s->n_claimants),
                                           s->n_claimants));

  origins = g_strdup_printf (ngettext ("%u independent origin", "%u independent origins", s->n_origins),
                             s->n_origins);
  if (s->n_source_chains > 0 && s->n_source_chains < s->n_origins)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%s via %u source chain",
                                                       "%s via %u source chains", s->n_source_chains),
                                             origins, s->n_source_chains));
  else
    g_ptr_array_add (parts, g_steal_pointer (&origins));

  if (s->n_figures > 0)
    {
      g_autofree char *estimates = format_span (s->estimate_min, s->estimate_max, FALSE);
      gboolean wider = s->spread_min < s->estimate_min || s->spread_max > s->estimate_max || s->spread_open;

      if (wider)
        {
          g_autofree char *spread = format_span (s->spread_min, s->spread_max, s->spread_open);

          g_ptr_array_add (parts, g_strdup_printf (s->estimate_min == s->estimate_max
                                                   /* Translators: a figure and the ranges around it */
                                                   ? _("estimate %s (ranges %s)")
                                                   /* Translators: figures and the ranges around them */
                                                   : _("estimates %s (ranges %s)"),
                                                   estimates, spread));
        }
      else
        g_ptr_array_add (parts, g_strdup_printf (s->estimate_min == s->estimate_max
                                                 ? _("estimate %s") : _("estimates %s"),
                                                 estimates));
    }
  else
    g_ptr_array_add (parts, g_strdup (_("no figures")));

  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u denial", "%u denials", s->n_denials),
                                           s->n_denials));
  if (s->n_qualifications > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u qualification", "%u qualifications",
                                                       s->n_qualifications),
                                             s->n_qualifications));
  if (s->n_outliers > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u outlier", "%u outliers", s->n_outliers),
                                             s->n_outliers));

  g_ptr_array_add (parts, NULL);
  /* Translators: separates the parts of the comparison summary */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/**
 * bl_comparison_side_by_side:
 * @key: whether @columns are claimants or sources
 * @columns: (array length=n_columns): actor or source indices
 * @n_columns: how many, at least one (two or more to compare)
 *
 * Lays out the claims of the chosen claimants or sources in columns, one
 * line per topic that any of them speaks to, and marks each cell and line:
 * contradiction when a claim denies or qualifies one in another column or
 * their figures are disjoint, agreement when figures overlap or a claim
 * corroborates another, and nothing otherwise (see #BlComparisonMark).
 *
 * Returns: (transfer full): the layout; free with bl_side_by_side_free()
 */
BlSideBySide *
bl_comparison_side_by_side (BlComparison    *self,
                            BlSideBySideKey  key,
                            const guint32   *columns,
                            guint            n_columns)
{
  BlSideBySide *sbs;
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (columns != NULL, NULL);
  g_return_val_if_fail (n_columns > 0, NULL);

  sbs = g_new0 (BlSideBySide, 1);
  sbs->comparison = g_object_ref (self);
  sbs->key = key;
  sbs->columns = g_memdup2 (columns, n_columns * sizeof (guint32));
  sbs->n_columns = n_columns;

  /* lines: the topics with at least one claim in a column */
  for (guint t = 0; t < self->n_topics; t++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < self->rows->len && !used; i++)
        {
          const BlComparisonRow *row = bl_comparison_row (self, i);
          guint32 k = key == BL_SIDE_BY_SIDE_SOURCES ? row->source : row->actor;

          if (row->topic_slot != t)
            continue;
          for (guint c = 0; c < n_columns; c++)
            if (columns[c] == k)
              used = TRUE;
        }
      if (used)
        g_array_append_val (slots, t);
    }

  sbs->n_lines = slots->len;
  sbs->line_slots = (guint *) g_array_free (g_steal_pointer (&slots), FALSE);
  sbs->cells = g_new0 (GArray *, MAX (sbs->n_lines * n_columns, 1));
  sbs->cell_marks = g_new0 (BlComparisonMark, MAX (sbs->n_lines * n_columns, 1));
  sbs->line_marks = g_new0 (BlComparisonMark, MAX (sbs->n_lines, 1));

  for (guint l = 0; l < sbs->n_lines; l++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          GArray *cell = g_array_new (FALSE, FALSE, sizeof (guint));

          for (guint i = 0; i < self->rows->len; i++)
            {
              const BlComparisonRow *row = bl_comparison_row (self, i);
              guint32 k = key == BL_SIDE_BY_SIDE_SOURCES ? row->source : row->actor;

              if (row->topic_slot == sbs->line_slots[l] && k == columns[c])
                g_array_append_val (cell, i);
            }
          sbs->cells[l * n_columns + c] = cell;
        }

      for (guint c = 0; c < n_columns; c++)
        {
          GArray *mine = sbs->cells[l * n_columns + c];
          BlComparisonMark mark = BL_COMPARISON_MARK_NONE;

          for (guint d = 0; d < n_columns; d++)
            {
              GArray *theirs = sbs->cells[l * n_columns + d];

              if (d == c)
                continue;
              for (guint i = 0; i < mine->len; i++)
                for (guint j = 0; j < theirs->len; j++)
                  mark = MAX (mark, pair_mark (self, g_array_index (mine, guint, i),
                                               g_array_index (theirs, guint, j)));
            }
          sbs->cell_marks[l * n_columns + c] = mark;
          sbs->line_marks[l] = MAX (sbs->line_marks[l], mark);
        }
    }

  return sbs;
}

void
bl_side_by_side_free (BlSideBySide *sbs)
{
  if (sbs == NULL)
    return;

  for (guint i = 0; i < sbs->n_lines * sbs->n_columns; i++)
    g_array_unref (sbs->cells[i]);
  g_free (sbs->cells);
  g_free (sbs->cell_marks);
  g_free (sbs->line_marks);
  g_free (sbs->line_slots);
  g_free (sbs->columns);
  g_object_unref (sbs->comparison);
  g_free (sbs);
}

guint
bl_side_by_side_get_n_columns (BlSideBySide *sbs)
{
  g_return_val_if_fail (sbs != NULL, 0);

  return sbs->n_columns;
}

/**
 * bl_side_by_side_get_column:
 *
 * Returns: the actor or source index of @column
 */
guint32
bl_side_by_side_get_column (BlSideBySide *sbs,
                            guint         column)
{
  g_return_val_if_fail (sbs != NULL, BL_NO_INDEX);
  g_return_val_if_fail (column < sbs->n_columns, BL_NO_INDEX);

  return sbs->columns[column];
}

guint
bl_side_by_side_get_n_lines (BlSideBySide *sbs)
{
  g_return_val_if_fail (sbs != NULL, 0);

  return sbs->n_lines;
}

/**
 * bl_side_by_side_get_line_topic_slot:
 *
 * Returns: the position, in the comparison's topics, of @line's topic
 */
guint
bl_side_by_side_get_line_topic_slot (BlSideBySide *sbs,
                                     guint         line)
{
  g_return_val_if_fail (sbs != NULL, G_MAXUINT);
  g_return_val_if_fail (line < sbs->n_lines, G_MAXUINT);

  return sbs->line_slots[line];
}

/**
 * bl_side_by_side_get_cell:
 * @n_rows: (out): how many rows
 *
 * Returns: (transfer none) (array length=n_rows): the comparison rows of
 *   @column's claimant or source on @line's topic
 */
const guint *
bl_side_by_side_get_cell (BlSideBySide *sbs,
                          guint         line,
                          guint         column,
                          guint        *n_rows)
{
  GArray *cell;

  g_return_val_if_fail (sbs != NULL, NULL);
  g_return_val_if_fail (line < sbs->n_lines && column < sbs->n_columns, NULL);
  g_return_val_if_fail (n_rows != NULL, NULL);

  cell = sbs->cells[line * sbs->n_columns + column];
  *n_rows = cell->len;
  return (const guint *) cell->data;
}

BlComparisonMark
bl_side_by_side_get_cell_mark (BlSideBySide *sbs,
                               guint         line,
                               guint         column)
{
  g_return_val_if_fail (sbs != NULL, BL_COMPARISON_MARK_NONE);
  g_return_val_if_fail (line < sbs->n_lines && column < sbs->n_columns, BL_COMPARISON_MARK_NONE);

  return sbs->cell_marks[line * sbs->n_columns + column];
}

BlComparisonMark
bl_side_by_side_get_line_mark (BlSideBySide *sbs,
                               guint         line)
{
  g_return_val_if_fail (sbs != NULL, BL_COMPARISON_MARK_NONE);
  g_return_val_if_fail (line < sbs->n_lines, BL_COMPARISON_MARK_NONE);

  return sbs->line_marks[line];
}
