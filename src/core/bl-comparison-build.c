/* bl-comparison-build.c — building a comparison: rows, relations, origins,
 * groups and statistics
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bl_comparison_new() (bl-comparison.c) calls these once, in order; the
 * rules they follow are documented at the top of bl-comparison.h.
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

/* Helpers: union-find */

typedef struct {
  guint  *parent;
  guint  *rank;
  GArray *links;   /* BlOriginLink, only for unions that joined two sets */
} UnionFind;

static guint
uf_find (UnionFind *uf,
         guint      x)
{
  while (uf->parent[x] != x)
    {
      uf->parent[x] = uf->parent[uf->parent[x]];
      x = uf->parent[x];
    }
  return x;
}

static void
uf_union (UnionFind    *uf,
          guint         a,
          guint         b,
          BlOriginRule  rule)
{
  guint ra = uf_find (uf, a);
  guint rb = uf_find (uf, b);
  BlOriginLink link = { MIN (a, b), MAX (a, b), rule };

  if (ra == rb)
    return;

  if (uf->rank[ra] < uf->rank[rb])
    uf->parent[ra] = rb;
  else if (uf->rank[ra] > uf->rank[rb])
    uf->parent[rb] = ra;
  else
    {
      uf->parent[rb] = ra;
      uf->rank[ra]++;
    }
  g_array_append_val (uf->links, link);
}

/* Helpers: rows */

guint
bl_comparison_row_of (BlComparison *self,
                      guint32       claim)
{
  gpointer value = g_hash_table_lookup (self->row_of_claim, GUINT_TO_POINTER (claim));

  return value ? GPOINTER_TO_UINT (value) - 1 : G_MAXUINT;
}

BlComparisonRow *
bl_comparison_row (BlComparison *self,
                   guint         row)
{
  return &g_array_index (self->rows, BlComparisonRow, row);
}

gboolean
bl_comparison_row_is_figure (const BlComparisonRow *row)
{
  return row->stance == BL_STANCE_ASSERTS && (row->flags & BL_COMPARISON_ROW_FIGURE);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const BlComparisonRow *ra = a, *rb = b;
  int c;

  if (ra->topic_slot != rb->topic_slot)
    return ra->topic_slot < rb->topic_slot ? -1 : 1;
  c = bl_date_compare (&ra->said_on, &rb->said_on);
  if (c != 0)
    return c;
  return ra->claim < rb->claim ? -1 : ra->claim > rb->claim;
}

int
bl_comparison_compare_uint (gconstpointer a,
                            gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

/* Sorts @array of guint, drops duplicates, and hands it over as a plain
 * array (NULL when empty). */
static guint *
steal_sorted_unique (GArray *array,
                     guint  *n)
{
  guint out = 0;

  g_array_sort (array, bl_comparison_compare_uint);
  for (guint i = 0; i < array->len; i++)
    if (out == 0 || g_array_index (array, guint, out - 1) != g_array_index (array, guint, i))
      g_array_index (array, guint, out++) = g_array_index (array, guint, i);

  *n = out;
  if (out == 0)
    {
      g_array_free (array, TRUE);
      return NULL;
    }
  g_array_set_size (array, out);
  return (guint *) g_array_free (array, FALSE);
}

gboolean
bl_comparison_same_text_folded (const char *a,
                                const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_utf8_collate (fa, fb) == 0;
}

static gboolean
is_plain_day (const BlDate *date)
{
  return date->start_precision == BL_DATE_PRECISION_DAY &&
         date->end_precision == BL_DATE_PRECISION_DAY &&
         (date->flags & (BL_DATE_INTERVAL | BL_DATE_CIRCA_START | BL_DATE_CIRCA_END |
                         BL_DATE_OPEN_START | BL_DATE_OPEN_END)) == 0;
}

/* The end of each source's origin chain, by index. A chain that loops or
 * names an unknown source ends at the last source it reached. */
static guint32 *
compute_root_sources (BlProject *project,
                      guint     *n_sources)
{
  guint n = g_list_model_get_n_items (bl_project_get_sources (project));
  guint32 *roots = g_new (guint32, MAX (n, 1));

  for (guint s = 0; s < n; s++)
    {
      guint32 current = s;

      for (guint steps = 0; steps < n; steps++)
        {
          const char *origin = bl_source_get_origin (bl_project_get_source (project, current));
          guint32 next;

          if (origin == NULL || *origin == '\0')
            break;
          next = bl_project_find_source (project, origin);
          if (next == BL_NO_INDEX || next == current)
            break;
          current = next;
        }
      roots[s] = current;
    }

  *n_sources = n;
  return roots;
}

/* Building: rows */

static BlVisibleClaims *
visible_for_topics (BlProject       *project,
                    BlVisibleClaims *visible,
                    const guint32   *topics,
                    guint            n_topics)
{
  BlFilter *filter = bl_visible_claims_get_filter (visible);
  g_autoptr(BlFilter) copy = NULL;
  guint32 topic = bl_filter_get_topic (filter);

  if (topic == BL_NO_INDEX || (n_topics == 1 && topics[0] == topic))
    return g_object_ref (visible);

  /* The filter picks one topic; the comparison shows a set. Same filter,
   * without its topic. */
  copy = bl_filter_copy (filter);
  bl_filter_set_topic (copy, BL_NO_INDEX);

  return bl_visible_claims_new (project, copy);
}

void
bl_comparison_collect_rows (BlComparison    *self,
                            BlVisibleClaims *visible)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  guint n_claims = bl_claim_store_get_n_claims (store);
  const guint32 *topics = bl_claim_store_get_topics (store);
  g_autofree guint32 *roots = NULL;
  guint n_sources;
  g_autoptr(BlVisibleClaims) vis = NULL;

  roots = compute_root_sources (self->project, &n_sources);
  if (visible != NULL)
    vis = visible_for_topics (self->project, visible, self->topics, self->n_topics);

  for (guint i = 0; i < n_claims; i++)
    {
      BlComparisonRow row = { 0, };
      BlClaimRecord r;
      guint slot = G_MAXUINT;

      for (guint t = 0; t < self->n_topics; t++)
        if (topics[i] == self->topics[t])
          {
            slot = t;
            break;
          }
      if (slot == G_MAXUINT)
        continue;
      if (vis != NULL && !bl_visible_claims_contains (vis, i))
        continue;

      bl_claim_store_get_record (store, i, &r);

      row.claim = i;
      row.topic = r.topic;
      row.topic_slot = slot;
      row.actor = r.actor;
      row.source = r.source;
      row.root_source = r.source < n_sources ? roots[r.source] : BL_NO_INDEX;
      row.said_on = r.said_on;
      row.stance = r.stance;
      row.credibility = r.credibility;
      row.value = NAN;
      row.min = NAN;
      row.max = NAN;
      if (r.source < n_sources)
        row.source_reliability = bl_source_get_reliability (bl_project_get_source (self->project, r.source));
      if (r.actor != BL_NO_INDEX)
        row.actor_reliability = bl_actor_get_reliability (bl_project_get_actor (self->project, r.actor));

      if (r.quantity != NULL)
        {
          double min, max;
          const char *topic_unit = bl_topic_get_unit (bl_project_get_topic (self->project, r.topic));

          if (bl_quantity_get_range (r.quantity, &min, &max))
            {
              row.flags |= BL_COMPARISON_ROW_FIGURE;
              row.min = min;
              row.max = max;
              if (isinf (max))
                row.flags |= BL_COMPARISON_ROW_OPEN;
            }
          if (isfinite (r.quantity->value))
            {
              row.flags |= BL_COMPARISON_ROW_VALUE;
              row.value = r.quantity->value;
            }
          if (bl_quantity_has_explicit_range (r.quantity))
            row.flags |= BL_COMPARISON_ROW_EXPLICIT_RANGE;
          if (topic_unit != NULL && r.quantity->unit != NULL &&
              !bl_comparison_same_text_folded (topic_unit, r.quantity->unit))
            row.flags |= BL_COMPARISON_ROW_UNIT_DIFFERS;
        }

      g_array_append_val (self->rows, row);
    }

  g_array_sort (self->rows, compare_rows);
  for (guint i = 0; i < self->rows->len; i++)
    g_hash_table_insert (self->row_of_claim,
                         GUINT_TO_POINTER (bl_comparison_row (self, i)->claim),
                         GUINT_TO_POINTER (i + 1));
}

/* Building: denials and qualifications */

void
bl_comparison_collect_relations (BlComparison *self)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  guint n = self->rows->len;
  g_autofree GArray **against = g_new0 (GArray *, MAX (n, 1));
  g_autofree GArray **countered = g_new0 (GArray *, MAX (n, 1));
  g_autofree GArray **corroborates = g_new0 (GArray *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      against[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      countered[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      corroborates[i] = g_array_new (FALSE, FALSE, sizeof (guint));
    }

  for (guint i = 0; i < n; i++)
    {
      BlComparisonRow *row = bl_comparison_row (self, i);
      BlClaimRecord r;
      gboolean has_denies = FALSE;

      bl_claim_store_get_record (store, row->claim, &r);

      for (guint k = 0; k < r.n_relations; k++)
        {
          const BlRelation *rel = &r.relations[k];
          guint32 target = bl_claim_store_lookup (store, rel->claim_id);
          guint t;

          if (rel->kind == BL_RELATION_DENIES)
            has_denies = TRUE;
          if (target == BL_NO_INDEX || (t = bl_comparison_row_of (self, target)) == G_MAXUINT || t == i)
            continue;

          if (rel->kind == BL_RELATION_DENIES ||
              (row->stance == BL_STANCE_QUALIFIES && rel->kind != BL_RELATION_CORROBORATES))
            {
              g_array_append_val (against[i], t);
              g_array_append_val (countered[t], i);
            }
          if (rel->kind == BL_RELATION_CORROBORATES)
            g_array_append_val (corroborates[i], t);
        }

      /* A denial or qualification that names nothing stands against every
       * assertion on its topic. */
      if ((row->stance == BL_STANCE_DENIES && !has_denies) ||
          (row->stance == BL_STANCE_QUALIFIES && r.n_relations == 0))
        {
          for (guint t = 0; t < n; t++)
            {
              const BlComparisonRow *other = bl_comparison_row (self, t);

              if (t == i || other->topic != row->topic || other->stance != BL_STANCE_ASSERTS)
                continue;
              g_array_append_val (against[i], t);
              g_array_append_val (countered[t], i);
            }
        }
    }

  for (guint i = 0; i < n; i++)
    {
      BlComparisonRow *row = bl_comparison_row (self, i);

      row->against = steal_sorted_unique (against[i], &row->n_against);
      row->countered_by = steal_sorted_unique (countered[i], &row->n_countered_by);
      row->corroborates = steal_sorted_unique (corroborates[i], &row->n_corroborates);
    }
}

/* Building: origins */

/* Follows `cites` from row @start's claim; every row reached shares its
 * origin, and so do rows that reach the same claim outside the rows. */
static void
join_citations (BlComparison *self,
                UnionFind    *uf,
                guint         start,
                GHashTable   *outside)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 first = bl_comparison_row (self, start)->claim;

  g_array_append_val (queue, first);
  g_hash_table_add (seen, GUINT_TO_POINTER (first));

  for (guint q = 0; q < queue->len && q < MAX_CITATION_WALK; q++)
    {
      guint32 claim = g_array_index (queue, guint32, q);
      BlClaimRecord r;

      bl_claim_store_get_record (store, claim, &r);
      for (guint k = 0; k < r.n_relations; k++)
        {
          guint32 target;
          guint t;
          gpointer other;

          if (r.relations[k].kind != BL_RELATION_CITES)
            continue;
          target = bl_claim_store_lookup (store, r.relations[k].claim_id);
          if (target == BL_NO_INDEX || g_hash_table_contains (seen, GUINT_TO_POINTER (target)))
            continue;
          g_hash_table_add (seen, GUINT_TO_POINTER (target));
          g_array_append_val (queue, target);

          t = bl_comparison_row_of (self, target);
          if (t != G_MAXUINT)
            uf_union (uf, start, t, BL_ORIGIN_RULE_CITATION);
          else if (g_hash_table_lookup_extended (outside, GUINT_TO_POINTER (target), NULL, &other))
            uf_union (uf, start, GPOINTER_TO_UINT (other), BL_ORIGIN_RULE_CITATION);
          else
            g_hash_table_insert (outside, GUINT_TO_POINTER (target), GUINT_TO_POINTER (start));
        }
    }
}

void
bl_comparison_collect_origins (BlComparison *self)
{
  guint n = self->rows->len;
  UnionFind uf;
  g_autoptr(GHashTable) outside = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) republished = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree guint *group_of_root = NULL;
  g_autofree guint *root = NULL;
  g_autofree GArray **members = NULL;

  uf.parent = g_new (guint, MAX (n, 1));
  uf.rank = g_new0 (guint, MAX (n, 1));
  uf.links = g_array_new (FALSE, FALSE, sizeof (BlOriginLink));
  for (guint i = 0; i < n; i++)
    uf.parent[i] = i;

  /* 1. citation */
  for (guint i = 0; i < n; i++)
    join_citations (self, &uf, i, outside);

  for (guint i = 0; i < n; i++)
    {
      const BlComparisonRow *row = bl_comparison_row (self, i);
      gpointer other;

      if (row->actor == BL_NO_INDEX)
        continue;

      /* 2. republication: same claimant, same said-on, same root source,
       * another source */
      if (row->root_source != BL_NO_INDEX)
        {
          char *key = g_strdup_printf ("%u/%u/%d/%d/%u/%u/%u", row->actor, row->root_source,
                                       row->said_on.first_day, row->said_on.last_day,
                                       row->said_on.start_precision, row->said_on.end_precision,
                                       row->said_on.flags);

          if (g_hash_table_lookup_extended (republished, key, NULL, &other))
            {
              guint o = GPOINTER_TO_UINT (other);

              if (bl_comparison_row (self, o)->source != row->source)
                uf_union (&uf, o, i, BL_ORIGIN_RULE_REPUBLICATION);
              g_free (key);
            }
          else
            g_hash_table_insert (republished, key, GUINT_TO_POINTER (i));
        }

      /* 3. one event: same claimant, same day */
      if (is_plain_day (&row->said_on))
        {
          char *key = g_strdup_printf ("%u/%d", row->actor, row->said_on.first_day);

          if (g_hash_table_lookup_extended (events, key, NULL, &other))
            {
              uf_union (&uf, GPOINTER_TO_UINT (other), i, BL_ORIGIN_RULE_SAME_EVENT);
              g_free (key);
            }
          else
            g_hash_table_insert (events, key, GUINT_TO_POINTER (i));
        }
    }

  /* Groups, numbered by their first row. */
  root = g_new (guint, MAX (n, 1));
  group_of_root = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    group_of_root[i] = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      root[i] = uf_find (&uf, i);
      if (group_of_root[root[i]] == G_MAXUINT)
        group_of_root[root[i]] = self->n_origins++;
      bl_comparison_row (self, i)->origin = group_of_root[root[i]];
    }

  self->origins = g_new0 (BlComparisonOrigin, MAX (self->n_origins, 1));
  members = g_new0 (GArray *, MAX (self->n_origins, 1));
  for (guint g = 0; g < self->n_origins; g++)
    members[g] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    g_array_append_val (members[bl_comparison_row (self, i)->origin], i);
  for (guint g = 0; g < self->n_origins; g++)
    {
      BlComparisonOrigin *origin = &self->origins[g];

      origin->n_rows = members[g]->len;
      origin->rows = (guint *) g_array_free (members[g], FALSE);
      origin->links = g_new (BlOriginLink, MAX (origin->n_rows, 1));
    }
  for (guint k = 0; k < uf.links->len; k++)
    {
      const BlOriginLink *link = &g_array_index (uf.links, BlOriginLink, k);
      BlComparisonOrigin *origin = &self->origins[bl_comparison_row (self, link->row_a)->origin];

      origin->links[origin->n_links++] = *link;
    }

  g_free (uf.parent);
  g_free (uf.rank);
  g_array_free (uf.links, TRUE);
}

/* Building: groups by claimant and by source */

BlComparisonGroup *
bl_comparison_collect_groups (BlComparison *self,
                              gboolean      by_source,
                              guint        *n_groups)
{
  g_autoptr(GHashTable) index_of_key = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint32));
  BlComparisonGroup *groups;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const BlComparisonRow *row = bl_comparison_row (self, i);
      guint32 key = by_source ? row->source : row->actor;
      gpointer value;
      GArray *rows;

      /* keys are stored plus one, so that BL_NO_INDEX becomes 0 */
      if (g_hash_table_lookup_extended (index_of_key, GUINT_TO_POINTER ((guint) key + 1u), NULL, &value))
        rows = g_ptr_array_index (members, GPOINTER_TO_UINT (value));
      else
        {
          g_hash_table_insert (index_of_key, GUINT_TO_POINTER ((guint) key + 1u),
                               GUINT_TO_POINTER (members->len));
          rows = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (members, rows);
          g_array_append_val (keys, key);
        }
      g_array_append_val (rows, i);
    }

  groups = g_new0 (BlComparisonGroup, MAX (members->len, 1));
  for (guint g = 0; g < members->len; g++)
    {
      BlComparisonGroup *group = &groups[g];
      GArray *rows = g_ptr_array_index (members, g);

      group->key = g_array_index (keys, guint32, g);
      group->n_rows = rows->len;
      group->rows = (guint *) g_array_free (rows, FALSE);
      group->min = NAN;
      group->max = NAN;

      for (guint k = 0; k < group->n_rows; k++)
        {
          const BlComparisonRow *row = bl_comparison_row (self, group->rows[k]);

          if (row->stance == BL_STANCE_DENIES)
            group->n_denials++;
          if (!bl_comparison_row_is_figure (row))
            continue;
          group->n_figures++;
          if (isnan (group->min) || row->min < group->min)
            group->min = row->min;
          if (isinf (row->max))
            group->open = TRUE;
          if (isfinite (row->max) && (isnan (group->max) || row->max > group->max))
            group->max = row->max;
          if (isinf (row->max) && (isnan (group->max) || row->min > group->max))
            group->max = row->min;
        }
    }

  *n_groups = members->len;
  return groups;
}

/* Building: statistics */

/* The lowest point covered by the most ranges; returns the depth. */
static guint
deepest_point (const double *mins,
               const double *maxs,
               guint         n,
               double       *point)
{
  g_autofree double *starts = g_memdup2 (mins, n * sizeof (double));
  g_autofree double *ends = g_memdup2 (maxs, n * sizeof (double));
  guint best = 0;
  guint e = 0;

  qsort (starts, n, sizeof (double), compare_double);
  qsort (ends, n, sizeof (double), compare_double);

  for (guint s = 0; s < n; s++)
    {
      guint depth;

      /* only the last of equal starts */
      if (s + 1 < n && starts[s + 1] == starts[s])
        continue;
      while (e < n && ends[e] < starts[s])
        e++;
      depth = (s + 1) - e;
      if (depth > best)
        {
          best = depth;
          *point = starts[s];
        }
    }

  return best;
}

void
bl_comparison_compute_stats (BlComparison      *self,
                             guint              slot,
                             BlComparisonStats *stats)
{
  g_autoptr(GHashTable) claimants = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) origins = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) chains = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) figure_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *mins = NULL;
  g_autofree double *maxs = NULL;
  guint n_figures;

  memset (stats, 0, sizeof *stats);
  stats->estimate_min = stats->estimate_max = NAN;
  stats->spread_min = stats->spread_max = NAN;
  stats->common_min = stats->common_max = NAN;
  stats->consensus_min = stats->consensus_max = NAN;
  stats->common_empty = TRUE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const BlComparisonRow *row = bl_comparison_row (self, i);

      if (slot != BL_COMPARISON_ALL_TOPICS && row->topic_slot != slot)
        continue;

      stats->n_rows++;
      if (row->actor != BL_NO_INDEX)
        g_hash_table_add (claimants, GUINT_TO_POINTER (row->actor + 1u));
      g_hash_table_add (origins, GUINT_TO_POINTER (row->origin + 1u));
      if (row->root_source != BL_NO_INDEX)
        g_hash_table_add (chains, GUINT_TO_POINTER (row->root_source + 1u));
      if (row->stance == BL_STANCE_DENIES)
        stats->n_denials++;
      else if (row->stance == BL_STANCE_QUALIFIES)
        stats->n_qualifications++;
      if (row->flags & BL_COMPARISON_ROW_OUTLIER)
        stats->n_outliers++;
      if (bl_comparison_row_is_figure (row))
        g_array_append_val (figure_rows, i);
    }

  stats->n_claimants = g_hash_table_size (claimants);
  stats->n_origins = g_hash_table_size (origins);
  stats->n_source_chains = g_hash_table_size (chains);
  n_figures = stats->n_figures = figure_rows->len;
  if (n_figures == 0)
    return;

  mins = g_new (double, n_figures);
  maxs = g_new (double, n_figures);
  stats->common_min = -INFINITY;
  stats->common_max = INFINITY;

  for (guint k = 0; k < n_figures; k++)
    {
      const BlComparisonRow *row = bl_comparison_row (self, g_array_index (figure_rows, guint, k));
      double finite_top = isinf (row->max) ? row->min : row->max;

      mins[k] = row->min;
      maxs[k] = row->max;

      if (row->flags & BL_COMPARISON_ROW_VALUE)
        {
          if (isnan (stats->estimate_min) || row->value < stats->estimate_min)
            stats->estimate_min = row->value;
          if (isnan (stats->estimate_max) || row->value > stats->estimate_max)
            stats->estimate_max = row->value;
        }
      if (isnan (stats->spread_min) || row->min < stats->spread_min)
        stats->spread_min = row->min;
      if (isnan (stats->spread_max) || finite_top > stats->spread_max)
        stats->spread_max = finite_top;
      if (isinf (row->max))
        stats->spread_open = TRUE;
      stats->common_min = MAX (stats->common_min, row->min);
      stats->common_max = MIN (stats->common_max, row->max);
    }

  if (isnan (stats->estimate_min))
    {
      stats->estimate_min = stats->spread_min;
      stats->estimate_max = stats->spread_max;
    }

  stats->common_empty = stats->common_min > stats->common_max;
  if (stats->common_empty)
    stats->common_min = stats->common_max = NAN;

  /* consensus and outliers */
  {
    double point = NAN;
    double lo = -INFINITY, hi = INFINITY;

    stats->n_consensus = deepest_point (mins, maxs, n_figures, &point);
    for (guint k = 0; k < n_figures; k++)
      if (mins[k] <= point && point <= maxs[k])
        {
          lo = MAX (lo, mins[k]);
          hi = MIN (hi, maxs[k]);
        }
    stats->consensus_min = lo;
    stats->consensus_max = hi;

    if (slot != BL_COMPARISON_ALL_TOPICS && n_figures >= 3 && stats->n_consensus * 2 > n_figures)
      for (guint k = 0; k < n_figures; k++)
        if (maxs[k] < lo || mins[k] > hi)
          {
            bl_comparison_row (self, g_array_index (figure_rows, guint, k))->flags |= BL_COMPARISON_ROW_OUTLIER;
            stats->n_outliers++;
          }
  }
}

