/* bl-comparison.c — who says what about a question: the comparison analysis
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Computes, once, everything the comparison panel and its exports show for
 * a set of topics: rows, groups by claimant and by source, denials set
 * against what they deny, origin groups (union-find over citation,
 * republication and same-event links), and per-topic statistics. The rules
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
#include "bl-source.h"
#include "bl-topic.h"

/* How many claims a citation chain is followed through from one row. */
#define MAX_CITATION_WALK 4096

struct _BlComparison
{
  GObject             parent_instance;

  /* owned */
  BlProject          *project;
  guint32            *topics;
  guint               n_topics;
  GArray             *rows;          /* BlComparisonRow */
  GHashTable         *row_of_claim;  /* claim index → row + 1 */
  BlComparisonGroup  *claimants;
  guint               n_claimants;
  BlComparisonGroup  *sources;
  guint               n_sources;
  BlComparisonOrigin *origins;
  guint               n_origins;
  BlComparisonStats  *stats;         /* n_topics + 1: the last is all rows */
};

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

static guint
row_of_claim (BlComparison *self,
              guint32       claim)
{
  gpointer value = g_hash_table_lookup (self->row_of_claim, GUINT_TO_POINTER (claim));

  return value ? GPOINTER_TO_UINT (value) - 1 : G_MAXUINT;
}

static BlComparisonRow *
get_row (BlComparison *self,
         guint         row)
{
  return &g_array_index (self->rows, BlComparisonRow, row);
}

static gboolean
row_is_figure (const BlComparisonRow *row)
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

static int
compare_uint (gconstpointer a,
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

  g_array_sort (array, compare_uint);
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

static gboolean
same_text_folded (const char *a,
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
  gint32 first, last;
  guint32 topic = bl_filter_get_topic (filter);

  if (topic == BL_NO_INDEX || (n_topics == 1 && topics[0] == topic))
    return g_object_ref (visible);

  /* The filter picks one topic; the comparison shows a set. Same filter,
   * without its topic. */
  copy = bl_filter_new ();
  bl_filter_set_clock (copy, bl_filter_get_clock (filter));
  bl_filter_get_window (filter, &first, &last);
  bl_filter_set_window (copy, first, last);
  bl_filter_set_cumulative (copy, bl_filter_get_cumulative (filter));
  bl_filter_set_text (copy, bl_filter_get_text (filter));
  bl_filter_set_actor (copy, bl_filter_get_actor (filter));
  bl_filter_set_source (copy, bl_filter_get_source (filter));
  bl_filter_set_stances (copy, bl_filter_get_stances (filter));
  bl_filter_set_min_reliability (copy, bl_filter_get_min_reliability (filter));
  bl_filter_set_min_credibility (copy, bl_filter_get_min_credibility (filter));
  bl_filter_set_tag (copy, bl_filter_get_tag (filter));

  return bl_visible_claims_new (project, copy);
}

static void
collect_rows (BlComparison    *self,
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
              !same_text_folded (topic_unit, r.quantity->unit))
            row.flags |= BL_COMPARISON_ROW_UNIT_DIFFERS;
        }

      g_array_append_val (self->rows, row);
    }

  g_array_sort (self->rows, compare_rows);
  for (guint i = 0; i < self->rows->len; i++)
    g_hash_table_insert (self->row_of_claim,
                         GUINT_TO_POINTER (get_row (self, i)->claim),
                         GUINT_TO_POINTER (i + 1));
}

/* Building: denials and qualifications */

static void
collect_relations (BlComparison *self)
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
      BlComparisonRow *row = get_row (self, i);
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
          if (target == BL_NO_INDEX || (t = row_of_claim (self, target)) == G_MAXUINT || t == i)
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
              const BlComparisonRow *other = get_row (self, t);

              if (t == i || other->topic != row->topic || other->stance != BL_STANCE_ASSERTS)
                continue;
              g_array_append_val (against[i], t);
              g_array_append_val (countered[t], i);
            }
        }
    }

  for (guint i = 0; i < n; i++)
    {
      BlComparisonRow *row = get_row (self, i);

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
  guint32 first = get_row (self, start)->claim;

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

          t = row_of_claim (self, target);
          if (t != G_MAXUINT)
            uf_union (uf, start, t, BL_ORIGIN_RULE_CITATION);
          else if (g_hash_table_lookup_extended (outside, GUINT_TO_POINTER (target), NULL, &other))
            uf_union (uf, start, GPOINTER_TO_UINT (other), BL_ORIGIN_RULE_CITATION);
          else
            g_hash_table_insert (outside, GUINT_TO_POINTER (target), GUINT_TO_POINTER (start));
        }
    }
}

static void
collect_origins (BlComparison *self)
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
      const BlComparisonRow *row = get_row (self, i);
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

              if (get_row (self, o)->source != row->source)
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
      get_row (self, i)->origin = group_of_root[root[i]];
    }

  self->origins = g_new0 (BlComparisonOrigin, MAX (self->n_origins, 1));
  members = g_new0 (GArray *, MAX (self->n_origins, 1));
  for (guint g = 0; g < self->n_origins; g++)
    members[g] = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    g_array_append_val (members[get_row (self, i)->origin], i);
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
      BlComparisonOrigin *origin = &self->origins[get_row (self, link->row_a)->origin];

      origin->links[origin->n_links++] = *link;
    }

  g_free (uf.parent);
  g_free (uf.rank);
  g_array_free (uf.links, TRUE);
}

/* Building: groups by claimant and by source */

static BlComparisonGroup *
collect_groups (BlComparison *self,
                gboolean      by_source,
                guint        *n_groups)
{
  g_autoptr(GHashTable) index_of_key = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) members = g_ptr_array_new ();
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint32));
  BlComparisonGroup *groups;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const BlComparisonRow *row = get_row (self, i);
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
          const BlComparisonRow *row = get_row (self, group->rows[k]);

          if (row->stance == BL_STANCE_DENIES)
            group->n_denials++;
          if (!row_is_figure (row))
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

static void
compute_stats (BlComparison      *self,
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
      const BlComparisonRow *row = get_row (self, i);

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
      if (row_is_figure (row))
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
      const BlComparisonRow *row = get_row (self, g_array_index (figure_rows, guint, k));
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
            get_row (self, g_array_index (figure_rows, guint, k))->flags |= BL_COMPARISON_ROW_OUTLIER;
            stats->n_outliers++;
          }
  }
}

/* Side by side */

static gboolean
row_in (const guint *rows,
        guint        n,
        guint        row)
{
  return n > 0 && bsearch (&row, rows, n, sizeof (guint), compare_uint) != NULL;
}

static BlComparisonMark
pair_mark (BlComparison *self,
           guint         a,
           guint         b)
{
  const BlComparisonRow *ra = get_row (self, a);
  const BlComparisonRow *rb = get_row (self, b);

  if (row_in (ra->against, ra->n_against, b) || row_in (rb->against, rb->n_against, a))
    return BL_COMPARISON_MARK_CONTRADICTS;
  if (row_is_figure (ra) && row_is_figure (rb))
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
      BlComparisonRow *row = get_row (self, i);

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

  collect_rows (self, visible);
  collect_relations (self);
  collect_origins (self);
  self->claimants = collect_groups (self, FALSE, &self->n_claimants);
  self->sources = collect_groups (self, TRUE, &self->n_sources);

  /* per topic first: they flag the outliers that the total counts */
  self->stats = g_new0 (BlComparisonStats, n_topics + 1);
  for (guint t = 0; t < n_topics; t++)
    compute_stats (self, t, &self->stats[t]);
  compute_stats (self, BL_COMPARISON_ALL_TOPICS, &self->stats[n_topics]);

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
      if (t != topic && same_text_folded (unit, bl_topic_get_unit (bl_project_get_topic (project, t))))
        g_array_append_val (out, t);

  *n_topics = out->len;
  return (guint32 *) g_array_free (g_steal_pointer (&out), FALSE);
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

  return get_row (self, row);
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

  return row_of_claim (self, claim);
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

  a = get_row (self, row_a);
  b = get_row (self, row_b);
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
  return bl_claim_store_get_id (bl_project_get_claims (self->project), get_row (self, row)->claim);
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
      const BlComparisonRow *a = get_row (self, link->row_a);
      const BlComparisonRow *b = get_row (self, link->row_b);
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

  r = get_row (self, row);
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

  r = get_row (self, row);
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
          const BlComparisonRow *row = get_row (self, i);
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
              const BlComparisonRow *row = get_row (self, i);
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
