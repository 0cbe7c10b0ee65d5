/* test-comparison.c — the comparison analysis and its exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Constructed projects for each rule (ranges, denials, origins) and the
 * sample project for what the panel must show. Set BL_TEST_KEEP_CHART to a
 * directory to keep the sample's chart there for a look.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bl-actor.h"
#include "bl-comparison-export.h"
#include "bl-comparison.h"
#include "bl-error.h"
#include "bl-project-io.h"
#include "bl-source.h"
#include "bl-topic.h"
#include "bl-visible-claims.h"
#include "test-helpers.h"

/* Constructed projects */

typedef struct {
  const char *id;
  const char *origin;
} SourceSpec;

typedef struct {
  const char *id;
  const char *actor;
  const char *source;
  const char *said_on;
  const char *topic;      /* NULL: "t" */
  const char *quantity;   /* human text, or NULL */
  BlStance    stance;
  const char *cites;      /* a claim id, or NULL */
  const char *denies;     /* a claim id, or NULL */
  const char *statement;  /* NULL: the id */
} ClaimSpec;

static guint32
ensure_actor (BlProject  *project,
              const char *id)
{
  guint32 index = bl_project_find_actor (project, id);
  g_autoptr(BlActor) actor = NULL;

  if (index != BL_NO_INDEX)
    return index;
  actor = bl_actor_new (id, id);
  return bl_project_add_actor (project, actor);
}

static guint32
ensure_source (BlProject  *project,
               const char *id)
{
  guint32 index = bl_project_find_source (project, id);
  g_autoptr(BlSource) source = NULL;

  if (index != BL_NO_INDEX)
    return index;
  source = bl_source_new (id);
  bl_source_set_name (source, id);
  return bl_project_add_source (project, source);
}

static BlProject *
build_project (const SourceSpec *sources,
               guint             n_sources,
               const ClaimSpec  *claims,
               guint             n_claims)
{
  BlProject *project = bl_project_new ();
  BlClaimStore *store = bl_project_get_claims (project);
  const char *topic_ids[] = { "t", "t2" };

  for (guint i = 0; i < G_N_ELEMENTS (topic_ids); i++)
    {
      g_autoptr(BlTopic) topic = bl_topic_new (topic_ids[i]);

      bl_topic_set_title (topic, topic_ids[i]);
      bl_topic_set_unit (topic, "fighters");
      bl_project_add_topic (project, topic);
    }

  for (guint i = 0; i < n_sources; i++)
    {
      guint32 s = ensure_source (project, sources[i].id);

      if (sources[i].origin)
        bl_source_set_origin (bl_project_get_source (project, s), sources[i].origin);
    }

  for (guint i = 0; i < n_claims; i++)
    {
      const ClaimSpec *spec = &claims[i];
      BlClaimRecord r;
      g_auto(BlQuantity) quantity = BL_QUANTITY_INIT;
      BlRelation relations[2];
      g_autoptr(GError) error = NULL;

      bl_claim_record_init (&r);
      r.id = spec->id;
      r.statement = spec->statement ? spec->statement : spec->id;
      r.actor = ensure_actor (project, spec->actor);
      r.source = ensure_source (project, spec->source);
      r.topic = bl_project_find_topic (project, spec->topic ? spec->topic : "t");
      r.stance = spec->stance;
      r.credibility = 3;
      if (spec->said_on)
        {
          bl_date_parse (spec->said_on, &r.said_on, &error);
          g_assert_no_error (error);
        }
      if (spec->quantity)
        {
          bl_quantity_parse_human (spec->quantity, &quantity, &error);
          g_assert_no_error (error);
          bl_quantity_set_unit (&quantity, "fighters");
          r.quantity = &quantity;
        }
      if (spec->cites)
        relations[r.n_relations++] = (BlRelation) { BL_RELATION_CITES, (char *) spec->cites };
      if (spec->denies)
        relations[r.n_relations++] = (BlRelation) { BL_RELATION_DENIES, (char *) spec->denies };
      r.relations = r.n_relations ? relations : NULL;

      bl_claim_store_append (store, &r);
    }

  return project;
}

static BlComparison *
compare_topic (BlProject  *project,
               const char *topic)
{
  guint32 t = bl_project_find_topic (project, topic);

  g_assert_cmpuint (t, !=, BL_NO_INDEX);
  return bl_comparison_new (project, &t, 1, NULL);
}

static guint
row_of (BlComparison *cmp,
        const char   *claim_id)
{
  BlProject *project = bl_comparison_get_project (cmp);
  guint32 claim = bl_claim_store_lookup (bl_project_get_claims (project), claim_id);
  guint row;

  g_assert_cmpuint (claim, !=, BL_NO_INDEX);
  row = bl_comparison_find_row (cmp, claim);
  g_assert_cmpuint (row, !=, G_MAXUINT);
  return row;
}

static const BlComparisonRow *
row_by_id (BlComparison *cmp,
           const char   *claim_id)
{
  return bl_comparison_get_row (cmp, row_of (cmp, claim_id));
}

/* Ranges */

typedef struct {
  const char *name;
  const char *quantities[5];
  gboolean    common_empty;
  double      common_min, common_max;
  double      spread_min, spread_max;
  gboolean    spread_open;
  guint       n_consensus;
  const char *outliers;   /* claim ids "c0 c3", or "" */
} RangeCase;

static const RangeCase range_cases[] = {
  { "overlapping", { "2000-5000", "4000-6000" },
    FALSE, 4000, 5000, 2000, 6000, FALSE, 2, "" },
  { "disjoint", { "100", "5000" },
    TRUE, NAN, NAN, 100, 5000, FALSE, 1, "" },
  { "open", { "at least 6000", "6500", "several thousand" },
    FALSE, 6500, 6500, 2000, 9000, TRUE, 3, "" },
  { "outlier", { "6500", "6000-7000", "at least 6000", "500" },
    TRUE, NAN, NAN, 500, 7000, TRUE, 3, "c3" },
  { "no-majority", { "100", "5000", "9000" },
    TRUE, NAN, NAN, 100, 9000, FALSE, 1, "" },
  { "tie-no-outlier", { "100", "200", "5000", "6000" },
    TRUE, NAN, NAN, 100, 6000, FALSE, 1, "" },
};

static void
assert_double (double a,
               double b)
{
  if (isnan (b))
    g_assert_true (isnan (a));
  else
    g_assert_cmpfloat_with_epsilon (a, b, 1e-9);
}

static void
test_ranges (gconstpointer data)
{
  const RangeCase *tc = data;
  ClaimSpec claims[5] = { { 0, } };
  char ids[5][4];
  guint n = 0;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlComparison) cmp = NULL;
  const BlComparisonStats *stats;

  for (; n < G_N_ELEMENTS (tc->quantities) && tc->quantities[n]; n++)
    {
      g_snprintf (ids[n], sizeof ids[n], "c%u", n);
      claims[n] = (ClaimSpec) { ids[n], ids[n], ids[n], "2023-02-14", NULL, tc->quantities[n],
                                BL_STANCE_ASSERTS, NULL, NULL, NULL };
      /* different claimants and sources: independent */
    }

  project = build_project (NULL, 0, claims, n);
  cmp = compare_topic (project, "t");
  stats = bl_comparison_get_stats (cmp, 0);

  g_assert_cmpuint (stats->n_figures, ==, n);
  g_assert_cmpint (stats->common_empty, ==, tc->common_empty);
  assert_double (stats->common_min, tc->common_min);
  assert_double (stats->common_max, tc->common_max);
  assert_double (stats->spread_min, tc->spread_min);
  assert_double (stats->spread_max, tc->spread_max);
  g_assert_cmpint (stats->spread_open, ==, tc->spread_open);
  g_assert_cmpuint (stats->n_consensus, ==, tc->n_consensus);

  for (guint i = 0; i < n; i++)
    {
      gboolean expected = strstr (tc->outliers, ids[i]) != NULL;
      const BlComparisonRow *row = row_by_id (cmp, ids[i]);

      g_assert_cmpint (!!(row->flags & BL_COMPARISON_ROW_OUTLIER), ==, expected);
    }

  /* pairwise overlap agrees with the common range for two figures */
  if (n == 2)
    g_assert_cmpint (bl_comparison_rows_overlap (cmp, 0, 1), ==, !tc->common_empty);
  g_assert_cmpuint (bl_comparison_get_n_origins (cmp), ==, n);
}

/* Denials */

static void
test_denial (void)
{
  const ClaimSpec claims[] = {
    { "c-a", "a-x", "s-1", "2023-02-14", NULL, "6500", BL_STANCE_ASSERTS },
    { "c-b", "a-y", "s-2", "2023-01-10", NULL, "4000", BL_STANCE_ASSERTS },
    { "c-deny-a", "a-z", "s-3", "2023-02-20", NULL, NULL, BL_STANCE_DENIES, NULL, "c-a" },
    { "c-deny-all", "a-w", "s-4", "2023-02-21", NULL, NULL, BL_STANCE_DENIES },
    { "c-other", "a-v", "s-5", "2023-02-21", "t2", "100", BL_STANCE_ASSERTS },
  };
  g_autoptr(BlProject) project = build_project (NULL, 0, claims, G_N_ELEMENTS (claims));
  g_autoptr(BlComparison) cmp = compare_topic (project, "t");
  const BlComparisonRow *a = row_by_id (cmp, "c-a");
  const BlComparisonRow *b = row_by_id (cmp, "c-b");
  const BlComparisonRow *deny_a = row_by_id (cmp, "c-deny-a");
  const BlComparisonRow *deny_all = row_by_id (cmp, "c-deny-all");
  const BlComparisonStats *stats = bl_comparison_get_stats (cmp, 0);
  g_autofree char *summary = NULL;
  guint32 columns[2];
  g_autoptr(BlSideBySide) sbs = NULL;

  g_assert_cmpuint (bl_comparison_get_n_rows (cmp), ==, 4);
  g_assert_cmpuint (stats->n_denials, ==, 2);
  g_assert_cmpuint (stats->n_figures, ==, 2);

  /* with a relation: against what it names */
  g_assert_cmpuint (deny_a->n_against, ==, 1);
  g_assert_cmpuint (deny_a->against[0], ==, row_of (cmp, "c-a"));
  /* without: against every assertion on the topic (not the other topic) */
  g_assert_cmpuint (deny_all->n_against, ==, 2);
  g_assert_cmpuint (a->n_countered_by, ==, 2);
  g_assert_cmpuint (b->n_countered_by, ==, 1);
  g_assert_cmpuint (b->countered_by[0], ==, row_of (cmp, "c-deny-all"));

  summary = bl_comparison_format_summary (cmp);
  bl_test_assert_has (summary, "4 claimants", "2 denials", "estimates 4,000–6,500");

  /* side by side: the denier contradicts the claimant it denies */
  columns[0] = bl_project_find_actor (project, "a-x");
  columns[1] = bl_project_find_actor (project, "a-z");
  sbs = bl_comparison_side_by_side (cmp, BL_SIDE_BY_SIDE_CLAIMANTS, columns, 2);
  g_assert_cmpuint (bl_side_by_side_get_n_lines (sbs), ==, 1);
  g_assert_cmpint (bl_side_by_side_get_line_mark (sbs, 0), ==, BL_COMPARISON_MARK_CONTRADICTS);
  g_assert_cmpint (bl_side_by_side_get_cell_mark (sbs, 0, 0), ==, BL_COMPARISON_MARK_CONTRADICTS);
}

/* Origins */

static void
test_citation_chain (void)
{
  const ClaimSpec claims[] = {
    { "c-a", "a-1", "s-1", "2023-03-01", NULL, "6500", BL_STANCE_ASSERTS, "c-b" },
    { "c-b", "a-2", "s-2", "2023-02-20", NULL, "6500", BL_STANCE_ASSERTS, "c-c" },
    { "c-c", "a-3", "s-3", "2023-02-14", NULL, "6500", BL_STANCE_ASSERTS },
    { "c-d", "a-4", "s-4", "2023-02-10", NULL, "5000", BL_STANCE_ASSERTS },
    /* two rows that cite one claim outside the comparison (topic t2) */
    { "c-e", "a-5", "s-5", "2023-04-01", NULL, "7000", BL_STANCE_ASSERTS, "c-f" },
    { "c-f", "a-6", "s-6", "2023-03-01", "t2", "7000", BL_STANCE_ASSERTS },
    { "c-g", "a-7", "s-7", "2023-04-02", NULL, "7000", BL_STANCE_ASSERTS, "c-f" },
  };
  g_autoptr(BlProject) project = build_project (NULL, 0, claims, G_N_ELEMENTS (claims));
  g_autoptr(BlComparison) cmp = compare_topic (project, "t");
  const BlComparisonOrigin *origin;
  g_autofree char *why = NULL;

  /* {a, b, c}, {d}, {e, g} */
  g_assert_cmpuint (bl_comparison_get_n_origins (cmp), ==, 3);
  g_assert_cmpuint (bl_comparison_get_stats (cmp, 0)->n_origins, ==, 3);
  g_assert_cmpuint (row_by_id (cmp, "c-a")->origin, ==, row_by_id (cmp, "c-c")->origin);
  g_assert_cmpuint (row_by_id (cmp, "c-b")->origin, ==, row_by_id (cmp, "c-c")->origin);
  g_assert_cmpuint (row_by_id (cmp, "c-d")->origin, !=, row_by_id (cmp, "c-c")->origin);
  g_assert_cmpuint (row_by_id (cmp, "c-e")->origin, ==, row_by_id (cmp, "c-g")->origin);

  origin = bl_comparison_get_origin (cmp, row_by_id (cmp, "c-a")->origin);
  g_assert_cmpuint (origin->n_rows, ==, 3);
  g_assert_cmpuint (origin->n_links, ==, 2);
  for (guint k = 0; k < origin->n_links; k++)
    g_assert_cmpint (origin->links[k].rule, ==, BL_ORIGIN_RULE_CITATION);

  why = bl_comparison_format_origin (cmp, row_by_id (cmp, "c-a")->origin);
  g_assert_nonnull (strstr (why, "3 claims go back to one origin"));
  g_assert_nonnull (strstr (why, "cites"));
  g_clear_pointer (&why, g_free);
  why = bl_comparison_format_origin (cmp, row_by_id (cmp, "c-d")->origin);
  g_assert_nonnull (strstr (why, "stands alone"));
}

static void
test_press_conference (void)
{
  /* five outlets repeat one minister's press conference */
  const ClaimSpec claims[] = {
    { "c-1", "a-minister", "s-tass", "2023-02-14", NULL, "6500", BL_STANCE_ASSERTS },
    { "c-2", "a-minister", "s-ria", "2023-02-14", NULL, "6500", BL_STANCE_ASSERTS },
    { "c-3", "a-minister", "s-khaama", "2023-02-14", NULL, "6500", BL_STANCE_ASSERTS },
    { "c-4", "a-minister", "s-herald", "2023-02-14", NULL, "6500", BL_STANCE_ASSERTS },
    { "c-5", "a-minister", "s-asia-plus", "2023-02-14", NULL, "about 6500", BL_STANCE_ASSERTS },
  };
  g_autoptr(BlProject) project = build_project (NULL, 0, claims, G_N_ELEMENTS (claims));
  g_autoptr(BlComparison) cmp = compare_topic (project, "t");
  const BlComparisonOrigin *origin;
  g_autofree char *summary = bl_comparison_format_summary (cmp);
  guint n_sources;

  g_assert_cmpuint (bl_comparison_get_n_origins (cmp), ==, 1);
  origin = bl_comparison_get_origin (cmp, 0);
  g_assert_cmpuint (origin->n_rows, ==, 5);
  g_assert_cmpuint (origin->n_links, ==, 4);
  g_assert_cmpint (origin->links[0].rule, ==, BL_ORIGIN_RULE_SAME_EVENT);
  bl_comparison_get_sources (cmp, &n_sources);
  g_assert_cmpuint (n_sources, ==, 5);
  g_assert_nonnull (strstr (summary, "1 claimant · 1 independent origin ·"));
}

static void
test_republication (void)
{
  /* s-copy and s-copy2 republish s-orig (one through the other); the
   * dates are months, so only the source chain joins them */
  const SourceSpec sources[] = {
    { "s-copy", "s-orig" },
    { "s-copy2", "s-copy" },
    { "s-orig", NULL },
    { "s-loop-a", "s-loop-b" },
    { "s-loop-b", "s-loop-a" },
  };
  const ClaimSpec claims[] = {
    { "c-orig", "a-rahmon", "s-orig", "2023-02", NULL, "at least 6000", BL_STANCE_ASSERTS },
    { "c-copy", "a-rahmon", "s-copy", "2023-02", NULL, "at least 6000", BL_STANCE_ASSERTS },
    { "c-copy2", "a-rahmon", "s-copy2", "2023-02", NULL, "6000+", BL_STANCE_ASSERTS },
    /* another claimant through the same chain: its own origin */
    { "c-un", "a-un", "s-copy", "2023-02", NULL, "several thousand", BL_STANCE_ASSERTS },
    /* the same claimant at another time: another statement */
    { "c-later", "a-rahmon", "s-copy", "2023-05", NULL, "7000", BL_STANCE_ASSERTS },
    /* an origin loop does not hang */
    { "c-loop", "a-x", "s-loop-a", "2023-02", NULL, "10", BL_STANCE_ASSERTS },
  };
  g_autoptr(BlProject) project = build_project (sources, G_N_ELEMENTS (sources), claims, G_N_ELEMENTS (claims));
  g_autoptr(BlComparison) cmp = compare_topic (project, "t");
  const BlComparisonStats *stats = bl_comparison_get_stats (cmp, 0);
  const BlComparisonOrigin *origin = bl_comparison_get_origin (cmp, row_by_id (cmp, "c-orig")->origin);
  g_autofree char *summary = bl_comparison_format_summary (cmp);
  g_autofree char *why = bl_comparison_format_origin (cmp, row_by_id (cmp, "c-orig")->origin);

  g_assert_cmpuint (origin->n_rows, ==, 3);
  g_assert_cmpint (origin->links[0].rule, ==, BL_ORIGIN_RULE_REPUBLICATION);
  g_assert_cmpuint (row_by_id (cmp, "c-copy2")->root_source, ==, bl_project_find_source (project, "s-orig"));
  g_assert_cmpuint (row_by_id (cmp, "c-un")->origin, !=, origin - bl_comparison_get_origin (cmp, 0));
  g_assert_cmpuint (stats->n_origins, ==, 4);
  g_assert_cmpuint (stats->n_source_chains, ==, 2);
  g_assert_nonnull (strstr (summary, "4 independent origins via 2 source chains"));
  g_assert_nonnull (strstr (why, "s-orig"));
}

static void
test_independent_agree (void)
{
  const ClaimSpec claims[] = {
    { "c-un", "a-un", "s-un-report", "2023-01-30", NULL, "about 4000", BL_STANCE_ASSERTS },
    { "c-ngo", "a-ngo", "s-ngo-report", "2023-02-03", NULL, "3800-5000", BL_STANCE_ASSERTS },
  };
  g_autoptr(BlProject) project = build_project (NULL, 0, claims, G_N_ELEMENTS (claims));
  g_autoptr(BlComparison) cmp = compare_topic (project, "t");
  guint32 columns[2] = { bl_project_find_actor (project, "a-un"), bl_project_find_actor (project, "a-ngo") };
  g_autoptr(BlSideBySide) sbs = NULL;
  const guint *cell;
  guint n;
  const BlComparisonStats *stats = bl_comparison_get_stats (cmp, 0);

  g_assert_cmpuint (bl_comparison_get_n_origins (cmp), ==, 2);
  g_assert_true (bl_comparison_rows_overlap (cmp, 0, 1));
  g_assert_false (stats->common_empty);
  assert_double (stats->common_min, 3800);
  assert_double (stats->common_max, 4400);

  sbs = bl_comparison_side_by_side (cmp, BL_SIDE_BY_SIDE_CLAIMANTS, columns, 2);
  g_assert_cmpuint (bl_side_by_side_get_n_columns (sbs), ==, 2);
  g_assert_cmpuint (bl_side_by_side_get_n_lines (sbs), ==, 1);
  cell = bl_side_by_side_get_cell (sbs, 0, 1, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (cell[0], ==, row_of (cmp, "c-ngo"));
  g_assert_cmpint (bl_side_by_side_get_line_mark (sbs, 0), ==, BL_COMPARISON_MARK_AGREES);
  g_assert_cmpint (bl_side_by_side_get_cell_mark (sbs, 0, 0), ==, BL_COMPARISON_MARK_AGREES);
}

/* The sample */

typedef struct {
  BlProject *project;
  guint32    fighters;
  guint32    north;
} Sample;

static void
sample_set_up (Sample        *s,
               gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GError) error = NULL;

  s->project = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  s->fighters = bl_project_find_topic (s->project, "t-isis-fighters");
  s->north = bl_project_find_topic (s->project, "t-isisk-north");
}

static void
sample_tear_down (Sample        *s,
                  gconstpointer  data)
{
  g_clear_object (&s->project);
}

static BlComparison *
sample_compare_related (Sample          *s,
                        BlVisibleClaims *visible)
{
  g_autofree guint32 *topics = NULL;
  guint n_topics;

  topics = bl_comparison_get_related_topics (s->project, s->fighters, &n_topics);
  g_assert_cmpuint (n_topics, ==, 2);
  g_assert_cmpuint (topics[0], ==, s->fighters);
  g_assert_cmpuint (topics[1], ==, s->north);
  return bl_comparison_new (s->project, topics, n_topics, visible);
}

static void
test_sample_topic (Sample        *s,
                   gconstpointer  data)
{
  g_autoptr(BlComparison) cmp = bl_comparison_new (s->project, &s->fighters, 1, NULL);
  const BlComparisonStats *stats = bl_comparison_get_stats (cmp, 0);
  const BlComparisonRow *denial = row_by_id (cmp, "c-iea-deny");
  const BlComparisonRow *rahmon = row_by_id (cmp, "c-rahmon-6000");
  const BlComparisonRow *un = row_by_id (cmp, "c-un-several-thousand");
  guint n_claimants;

  g_assert_cmpuint (bl_comparison_get_n_rows (cmp), ==, 4);
  g_assert_cmpuint (stats->n_claimants, ==, 4);
  bl_comparison_get_claimants (cmp, &n_claimants);
  g_assert_cmpuint (n_claimants, ==, 4);
  g_assert_cmpuint (stats->n_figures, ==, 3);
  g_assert_cmpuint (stats->n_denials, ==, 1);
  g_assert_cmpuint (stats->n_outliers, ==, 0);
  assert_double (stats->estimate_min, 6000);
  assert_double (stats->estimate_max, 6500);
  assert_double (un->min, 2000);
  assert_double (un->max, 9000);
  g_assert_true (rahmon->flags & BL_COMPARISON_ROW_OPEN);
  g_assert_true (rahmon->flags & BL_COMPARISON_ROW_UNIT_DIFFERS);
  /* the three figures share 6,500 */
  g_assert_false (stats->common_empty);
  assert_double (stats->common_min, 6500);
  assert_double (stats->common_max, 6500);

  /* the denial names the CSTO's 6,500 and the UN's figure here (its third
   * target, the 4,000, is on the other topic) */
  g_assert_cmpuint (denial->n_against, ==, 2);
  g_assert_cmpuint (rahmon->n_countered_by, ==, 0);
  g_assert_cmpuint (un->n_countered_by, ==, 1);
  g_assert_cmpuint (stats->n_origins, ==, 4);
  g_assert_cmpuint (stats->n_source_chains, ==, 1);
}

static void
test_sample_related (Sample        *s,
                     gconstpointer  data)
{
  g_autoptr(BlComparison) cmp = sample_compare_related (s, NULL);
  const BlComparisonStats *all = bl_comparison_get_stats (cmp, BL_COMPARISON_ALL_TOPICS);
  const BlComparisonStats *north = bl_comparison_get_stats (cmp, 1);
  const BlComparisonRow *csto_6500 = row_by_id (cmp, "c-sidorov-6500");
  const BlComparisonRow *csto_4000 = row_by_id (cmp, "c-sidorov-4000");
  const BlComparisonGroup *claimants;
  guint n_claimants;
  g_autofree char *summary = bl_comparison_format_summary (cmp);
  g_autofree char *title = bl_comparison_get_title (cmp);
  g_autofree char *range = bl_comparison_format_range (cmp, row_of (cmp, "c-rahmon-6000"));

  /* 4 on the question, the CSTO's 4,000 and three place claims on the part */
  g_assert_cmpuint (bl_comparison_get_n_rows (cmp), ==, 8);
  g_assert_cmpuint (all->n_claimants, ==, 4);
  g_assert_cmpuint (all->n_figures, ==, 4);
  g_assert_cmpuint (north->n_figures, ==, 1);
  assert_double (all->estimate_min, 4000);
  assert_double (all->estimate_max, 6500);
  assert_double (csto_6500->value, 6500);
  assert_double (csto_4000->value, 4000);
  g_assert_cmpuint (csto_4000->topic_slot, ==, 1);
  /* a part is not an outlier of the whole */
  g_assert_false (csto_4000->flags & BL_COMPARISON_ROW_OUTLIER);
  g_assert_cmpuint (all->n_outliers, ==, 0);

  /* one press conference: every Sidorov claim is one origin */
  g_assert_cmpuint (csto_6500->origin, ==, csto_4000->origin);
  g_assert_cmpuint (bl_comparison_get_origin (cmp, csto_6500->origin)->n_rows, ==, 5);
  g_assert_cmpuint (all->n_origins, ==, 4);
  g_assert_cmpuint (all->n_source_chains, ==, 1);

  /* the denial now stands against all three figures it names */
  g_assert_cmpuint (row_by_id (cmp, "c-iea-deny")->n_against, ==, 3);

  claimants = bl_comparison_get_claimants (cmp, &n_claimants);
  g_assert_cmpuint (n_claimants, ==, 4);
  for (guint g = 0; g < n_claimants; g++)
    if (claimants[g].key == bl_project_find_actor (s->project, "a-sidorov"))
      {
        g_assert_cmpuint (claimants[g].n_rows, ==, 5);
        g_assert_cmpuint (claimants[g].n_figures, ==, 2);
        assert_double (claimants[g].min, 4000);
        assert_double (claimants[g].max, 6500);
      }
    else if (claimants[g].key == bl_project_find_actor (s->project, "a-iea"))
      g_assert_cmpuint (claimants[g].n_denials, ==, 1);

  g_assert_cmpstr (summary, ==,
                   "4 claimants · 4 independent origins via 1 source chain · "
                   "estimates 4,000–6,500 (ranges 2,000–9,000+) · 1 denial");
  g_assert_cmpstr (title, ==, "ISIS fighters in Afghanistan (with ISIS-K near the Tajik border)");
  g_assert_cmpstr (range, ==, "6,000 or more");
}

static void
test_sample_filter (Sample        *s,
                    gconstpointer  data)
{
  g_autoptr(BlFilter) filter = bl_filter_new ();
  g_autoptr(BlVisibleClaims) visible = bl_visible_claims_new (s->project, filter);
  g_autoptr(BlComparison) cmp = NULL;

  /* the filter's topic does not hide the related topic */
  bl_filter_set_topic (filter, s->fighters);
  cmp = sample_compare_related (s, visible);
  g_assert_cmpuint (bl_comparison_get_n_rows (cmp), ==, 8);
  g_clear_object (&cmp);

  /* other criteria apply: assertions only */
  bl_filter_set_stances (filter, 1u << BL_STANCE_ASSERTS);
  cmp = sample_compare_related (s, visible);
  g_assert_cmpuint (bl_comparison_get_n_rows (cmp), ==, 7);
  g_assert_cmpuint (bl_comparison_get_stats (cmp, BL_COMPARISON_ALL_TOPICS)->n_denials, ==, 0);
  g_clear_object (&cmp);

  /* and the window: only what was said on 14 February 2023 itself */
  bl_filter_set_stances (filter, BL_FILTER_ALL_STANCES);
  bl_filter_set_window (filter, bl_day_from_ymd (2023, 2, 14), bl_day_from_ymd (2023, 2, 14));
  cmp = bl_comparison_new (s->project, &s->fighters, 1, visible);
  g_assert_cmpuint (bl_comparison_get_n_rows (cmp), ==, 4);  /* "../2023-02-14" overlaps it */
  bl_filter_set_window (filter, bl_day_from_ymd (2023, 3, 1), bl_day_from_ymd (2023, 3, 31));
  g_clear_object (&cmp);
  cmp = bl_comparison_new (s->project, &s->fighters, 1, visible);
  g_assert_cmpuint (bl_comparison_get_n_rows (cmp), ==, 0);
}

/* Exports */

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bl-comparison-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
test_export_csv (void)
{
  const ClaimSpec claims[] = {
    { "c-evil", "a-x", "s-1", "2023-02-14", NULL, "6500", BL_STANCE_ASSERTS, NULL, NULL,
      "=HYPERLINK(\"http://example.invalid\",\"click\")" },
    { "c-lines", "a-y", "s-2", "2023-02-15", NULL, "at least 6000", BL_STANCE_ASSERTS, NULL, NULL,
      "line one\nline two, with \"quotes\"" },
  };
  g_autoptr(BlProject) project = build_project (NULL, 0, claims, G_N_ELEMENTS (claims));
  g_autoptr(BlComparison) cmp = compare_topic (project, "t");
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (bl_comparison_export_table (cmp, path, BL_TABLE_CSV, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  g_assert_true (g_str_has_prefix (text, "claim_id,topic_id,claimant,source,said_on,stance,statement,"));
  g_assert_nonnull (strstr (text, ",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\","));
  g_assert_nonnull (strstr (text, ",\"line one\nline two, with \"\"quotes\"\"\","));
  g_assert_nonnull (strstr (text, ",6000,,true,"));  /* value 6000, min 6000, no max, open */
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  /* every line break outside quotes is CRLF: header, two rows, and the
   * one LF inside the quoted statement */
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);

  bl_test_remove_tree (dir);
}

static void
test_export_markdown (void)
{
  const ClaimSpec claims[] = {
    { "c-pipe", "a-x | <b>y</b>", "s-1", "2023-02-14", NULL, "6500", BL_STANCE_ASSERTS, NULL, NULL,
      "a | b *c* [d](e) <script>\nnext" },
  };
  g_autoptr(BlProject) project = build_project (NULL, 0, claims, G_N_ELEMENTS (claims));
  g_autoptr(BlComparison) cmp = compare_topic (project, "t");
  g_autoptr(GBytes) bytes = bl_comparison_table_to_bytes (cmp, BL_TABLE_MARKDOWN);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *escaped = bl_markdown_escape ("x|y_z\r\n`w`");

  g_assert_cmpstr (escaped, ==, "x\\|y\\_z \\`w\\`");
  g_assert_nonnull (strstr (text, "a \\| b \\*c\\* \\[d\\](e) \\<script\\> next"));
  g_assert_nonnull (strstr (text, "a-x \\| \\<b\\>y\\</b\\>"));
  g_assert_null (strstr (text, "<script>"));
  bl_test_assert_has (text, "| Not graded |", "3 (Possibly true)", "## Origins");
}

static void
assert_png_drawn (const char *path,
                  int         width,
                  int         height)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);
  const guint8 *data;
  int stride;
  guint n_dark = 0, n_colour = 0;

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, height);

  cairo_surface_flush (png);
  data = cairo_image_surface_get_data (png);
  stride = cairo_image_surface_get_stride (png);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 px = *(const guint32 *) (data + y * stride + x * 4);
        guint r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

        if (r + g + b < 300)
          n_dark++;
        if (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 80)
          n_colour++;
      }
  /* text and marks, in more than one colour */
  g_assert_cmpuint (n_dark, >, (guint) (width * height / 500));
  g_assert_cmpuint (n_colour, >, 200);
  cairo_surface_destroy (png);
}

static void
on_start_element (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  guint *n_elements = user_data;

  (*n_elements)++;
}

static void
test_export_chart (Sample        *s,
                   gconstpointer  data)
{
  g_autoptr(BlComparison) cmp = sample_compare_related (s, NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *keep = g_getenv ("BL_TEST_KEEP_CHART");
  GMarkupParser parser = { on_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  guint n_elements = 0;
  gsize len;
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");

  g_assert_true (bl_comparison_export_chart (cmp, png, BL_CHART_PNG, 1000, 640, &error));
  g_assert_no_error (error);
  assert_png_drawn (png, 1000, 640);

  g_assert_true (bl_comparison_export_chart (cmp, svg, BL_CHART_SVG, 1000, 640, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &text, &len, NULL));
  g_assert_nonnull (strstr (text, "<title>ISIS fighters in Afghanistan (with ISIS-K near the Tajik border)</title>"));
  g_assert_nonnull (strstr (text, "<desc>4 claimants"));
  /* well-formed XML (skipping the XML declaration GMarkup does not take) */
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &n_elements, NULL);
  g_assert_true (g_markup_parse_context_parse (context, strstr (text, "<svg"), -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_elements, >, 20);

  if (rsvg != NULL)
    {
      g_autofree char *out = g_build_filename (dir, "rsvg.png", NULL);
      g_autofree char *cmd = g_strdup_printf ("rsvg-convert -o '%s' '%s'", out, svg);
      int status;

      g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      assert_png_drawn (out, 1000, 640);
    }

  if (keep != NULL)
    {
      g_autofree char *kept = g_build_filename (keep, "comparison-sample.png", NULL);

      g_assert_true (bl_comparison_export_chart (cmp, kept, BL_CHART_PNG, 1000, 640, &error));
      g_clear_pointer (&kept, g_free);
      kept = g_build_filename (keep, "comparison-sample.svg", NULL);
      g_assert_true (bl_comparison_export_chart (cmp, kept, BL_CHART_SVG, 1000, 640, &error));
      g_clear_pointer (&kept, g_free);
      kept = g_build_filename (keep, "comparison-sample.md", NULL);
      g_assert_true (bl_comparison_export_table (cmp, kept, BL_TABLE_MARKDOWN, &error));
      g_clear_pointer (&kept, g_free);
      kept = g_build_filename (keep, "comparison-sample.csv", NULL);
      g_assert_true (bl_comparison_export_table (cmp, kept, BL_TABLE_CSV, &error));
    }

  bl_test_remove_tree (dir);
}

static void
test_export_failure (Sample        *s,
                     gconstpointer  data)
{
  g_autoptr(BlComparison) cmp = bl_comparison_new (s->project, &s->fighters, 1, NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "chart.png", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *table = g_build_filename (dir, "no-such-dir", "table.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (bl_comparison_export_chart (cmp, missing, BL_CHART_PNG, 800, 500, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);
  g_assert_false (bl_comparison_export_table (cmp, table, BL_TABLE_CSV, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (bl_comparison_export_chart (cmp, path, BL_CHART_PNG, 10, 500, &error));
  g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* an existing file survives a failed export */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_false (bl_comparison_export_chart (cmp, path, BL_CHART_SVG, 500, 100000, &error));
  g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
  {
    g_autofree char *text = NULL;

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_cmpstr (text, ==, "old");
  }

  bl_test_remove_tree (dir);
}

static void
test_empty (void)
{
  g_autoptr(BlProject) project = build_project (NULL, 0, NULL, 0);
  g_autoptr(BlComparison) cmp = compare_topic (project, "t");
  g_autofree char *summary = bl_comparison_format_summary (cmp);
  g_autoptr(GBytes) csv = bl_comparison_table_to_bytes (cmp, BL_TABLE_CSV);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (bl_comparison_get_n_rows (cmp), ==, 0);
  g_assert_cmpstr (summary, ==, "0 claimants · 0 independent origins · no figures · 0 denials");
  g_assert_cmpuint (g_bytes_get_size (csv), >, 0);
  png = bl_comparison_chart_to_bytes (cmp, BL_CHART_PNG, 400, 300, &error);
  g_assert_no_error (error);
  g_assert_nonnull (png);
}

static gboolean
built_has_figures (BlProject *project,
                   guint32    topic)
{
  g_autoptr(BlComparison) cmp = bl_comparison_new (project, &topic, 1, NULL);

  return bl_comparison_get_stats (cmp, BL_COMPARISON_ALL_TOPICS)->n_figures > 0;
}

/* Whether a topic has a figure to compare, found without a comparison,
 * agrees with what the comparison finds: in the sample project, and in
 * topics whose only numbers are denied or qualified, or asserted without
 * a number. */
static void
test_topic_has_figures (void)
{
  static const ClaimSpec claims[] = {
    { "c1", "a", "s", "2023-02-14", "t", "6,500", BL_STANCE_DENIES, NULL, NULL, NULL },
    { "c2", "a", "s", "2023-02-14", "t", "4,000", BL_STANCE_QUALIFIES, NULL, NULL, NULL },
    { "c3", "b", "s", "2023-02-14", "t", NULL, BL_STANCE_ASSERTS, NULL, NULL, NULL },
    { "c4", "b", "s", "2023-02-15", "t2", NULL, BL_STANCE_ASSERTS, NULL, NULL, NULL },
    { "c5", "c", "s", "2023-02-16", "t2", "2,000–9,000", BL_STANCE_ASSERTS, NULL, NULL, NULL },
  };
  g_autoptr(BlProject) mixed = build_project (NULL, 0, claims, G_N_ELEMENTS (claims));
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) sample = bl_project_load (file, NULL, &error);
  guint n_with = 0, n_without = 0;

  g_assert_no_error (error);

  g_assert_false (bl_comparison_topic_has_figures (mixed, 0));
  g_assert_false (built_has_figures (mixed, 0));
  g_assert_true (bl_comparison_topic_has_figures (mixed, 1));
  g_assert_true (built_has_figures (mixed, 1));

  for (guint32 t = 0; t < g_list_model_get_n_items (bl_project_get_topics (sample)); t++)
    {
      gboolean has = bl_comparison_topic_has_figures (sample, t);

      g_assert_cmpint (has, ==, built_has_figures (sample, t));
      n_with += has;
      n_without += !has;
    }
  /* both kinds are there to compare */
  g_assert_cmpuint (n_with, >, 0);
  g_assert_cmpuint (n_without, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (range_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/comparison/ranges/%s", range_cases[i].name);

      g_test_add_data_func (path, &range_cases[i], test_ranges);
    }
  g_test_add_func ("/comparison/denial", test_denial);
  g_test_add_func ("/comparison/origins/citation-chain", test_citation_chain);
  g_test_add_func ("/comparison/origins/press-conference", test_press_conference);
  g_test_add_func ("/comparison/origins/republication", test_republication);
  g_test_add_func ("/comparison/origins/independent-agree", test_independent_agree);
  g_test_add_func ("/comparison/empty", test_empty);
  g_test_add_func ("/comparison/topic-has-figures", test_topic_has_figures);
  g_test_add ("/comparison/sample/topic", Sample, NULL, sample_set_up, test_sample_topic, sample_tear_down);
  g_test_add ("/comparison/sample/related", Sample, NULL, sample_set_up, test_sample_related, sample_tear_down);
  g_test_add ("/comparison/sample/filter", Sample, NULL, sample_set_up, test_sample_filter, sample_tear_down);
  g_test_add_func ("/comparison/export/csv", test_export_csv);
  g_test_add_func ("/comparison/export/markdown", test_export_markdown);
  g_test_add ("/comparison/export/chart", Sample, NULL, sample_set_up, test_export_chart, sample_tear_down);
  g_test_add ("/comparison/export/failure", Sample, NULL, sample_set_up, test_export_failure, sample_tear_down);

  return g_test_run ();
}
