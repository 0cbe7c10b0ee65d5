/* test-merge.c — merging imported claims into an open project
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Matching claimants, sources and topics by name, claims by id and by
 * content; a claim edited here is never overwritten; one Undo takes a
 * merge back; relations to claims in neither project are dropped.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-history.h"
#include "bl-merge.h"
#include "bl-project-io.h"

/* Helpers */

static guint
add_actor (BlProject  *project,
           const char *id,
           const char *name)
{
  g_autoptr(BlActor) actor = bl_actor_new (id, name);

  return bl_project_add_actor (project, actor);
}

static guint
add_source (BlProject  *project,
            const char *id,
            const char *name,
            const char *url)
{
  g_autoptr(BlSource) source = bl_source_new (id);

  bl_source_set_name (source, name);
  bl_source_set_url (source, url);
  return bl_project_add_source (project, source);
}

static void
add_claim (BlProject        *project,
           const char       *id,
           const char       *statement,
           guint             actor,
           guint             source,
           const BlRelation *relations,
           guint             n_relations)
{
  BlClaimRecord r;

  bl_claim_record_init (&r);
  r.id = id;
  r.statement = statement;
  r.actor = actor;
  r.source = source;
  r.lat = 36.7;
  r.lon = 68.9;
  r.relations = relations;
  r.n_relations = n_relations;
  g_assert_cmpuint (bl_claim_store_append (bl_project_get_claims (project), &r), !=, BL_NO_INDEX);
}

static GBytes *
to_bytes (BlProject *project)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = bl_project_to_bytes (project, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static const char *
statement_of (BlProject  *project,
              const char *id)
{
  BlClaimStore *store = bl_project_get_claims (project);
  guint index = bl_claim_store_lookup (store, id);
  BlClaimRecord r;

  if (index == BL_NO_INDEX)
    return NULL;
  bl_claim_store_get_record (store, index, &r);
  return r.statement;
}

static int
find_entry (BlMergeReport *report,
            const char    *id)
{
  for (guint i = 0; i < bl_merge_report_get_n_entries (report); i++)
    if (g_str_equal (bl_merge_report_get_claim_id (report, i), id))
      return (int) i;
  return -1;
}

static BlMergeOutcome
outcome_of (BlMergeReport *report,
            const char    *id)
{
  int i = find_entry (report, id);

  g_assert_cmpint (i, >=, 0);
  return bl_merge_report_get_outcome (report, (guint) i);
}

/* Tests */

static void
test_normalize (void)
{
  static const struct { const char *a, *b; } same[] = {
    { "CSTO", "csto" },
    { "  Anatoly Sidorov ", "anatoly sidorov" },
    { "ＣＳＴＯ", "CSTO" },              /* full-width, NFKC */
    { "Stra\xc3\x9f" "e", "STRASSE" },   /* ß case folds to ss */
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = bl_merge_normalize_name (same[i].a);
      g_autofree char *b = bl_merge_normalize_name (same[i].b);

      g_assert_cmpstr (a, ==, b);
    }
  g_assert_null (bl_merge_normalize_name ("   "));
  g_assert_null (bl_merge_normalize_name (NULL));
  g_assert_null (bl_merge_normalize_name ("\xff"));
}

static void
test_entities (void)
{
  g_autoptr(BlProject) into = bl_project_new ();
  g_autoptr(BlProject) from = bl_project_new ();
  g_autoptr(BlMergeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  BlClaimStore *store = bl_project_get_claims (into);
  guint a_here, a_there, a_new, s1, s2, s3, s4;
  BlClaimRecord r;

  a_here = add_actor (into, "a-csto", "CSTO");
  add_source (into, "s-khaama", "Khaama Press", "https://www.khaama.com/a");
  add_source (into, "s-un", "UN report", NULL);

  a_there = add_actor (from, "a-1", " ＣＳＴＯ ");
  a_new = add_actor (from, "a-csto", "Taliban");            /* id taken here: renamed */
  s1 = add_source (from, "x1", "Other name", "https://www.khaama.com/a");   /* by address */
  s2 = add_source (from, "x2", "un report", NULL);                         /* by name */
  s3 = add_source (from, "x3", "Khaama Press", "https://www.khaama.com/b"); /* another article */
  s4 = add_source (from, "x4", "UN Report", "https://un.org/r");            /* no address here */

  add_claim (from, "c1", "One", a_there, s1, NULL, 0);
  add_claim (from, "c2", "Two", a_new, s2, NULL, 0);
  add_claim (from, "c3", "Three", a_there, s3, NULL, 0);
  add_claim (from, "c4", "Four", a_there, s4, NULL, 0);

  g_assert_true (bl_project_merge (into, from, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bl_merge_report_get_count (report, BL_MERGE_ADDED), ==, 4);

  g_assert_cmpuint (g_list_model_get_n_items (bl_project_get_actors (into)), ==, 2);
  g_assert_cmpuint (bl_project_find_actor (into, "a-csto-2"), !=, BL_NO_INDEX);
  g_assert_cmpstr (bl_actor_get_name (bl_project_get_actor (into, bl_project_find_actor (into, "a-csto-2"))),
                   ==, "Taliban");
  g_assert_cmpuint (g_list_model_get_n_items (bl_project_get_sources (into)), ==, 3);

  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c1"), &r);
  g_assert_cmpuint (r.actor, ==, a_here);
  g_assert_cmpuint (r.source, ==, bl_project_find_source (into, "s-khaama"));
  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c2"), &r);
  g_assert_cmpuint (r.source, ==, bl_project_find_source (into, "s-un"));
  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c3"), &r);
  g_assert_cmpuint (r.source, ==, bl_project_find_source (into, "x3"));
  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c4"), &r);
  g_assert_cmpuint (r.source, ==, bl_project_find_source (into, "s-un"));
}

static void
test_claims_by_id_and_content (void)
{
  g_autoptr(BlProject) into = bl_project_new ();
  g_autoptr(BlProject) from = bl_project_new ();
  g_autoptr(BlMergeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint a = add_actor (into, "a1", "Sidorov");
  guint b = add_actor (from, "b1", "sidorov");

  add_claim (into, "c-same", "6,500 fighters", a, BL_NO_INDEX, NULL, 0);
  add_claim (into, "c-local", "4,000 near the border", a, BL_NO_INDEX, NULL, 0);
  add_claim (into, "c-diff", "Local text", a, BL_NO_INDEX, NULL, 0);

  add_claim (from, "c-same", "6,500 fighters", b, BL_NO_INDEX, NULL, 0);
  add_claim (from, "x-9", "4,000 near the border", b, BL_NO_INDEX, NULL, 0);
  add_claim (from, "c-diff", "Imported text", b, BL_NO_INDEX, NULL, 0);
  add_claim (from, "c-new", "Several thousand", b, BL_NO_INDEX, NULL, 0);

  g_assert_true (bl_project_merge (into, from, NULL, NULL, &report, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (bl_merge_report_get_count (report, BL_MERGE_ADDED), ==, 1);
  g_assert_cmpuint (bl_merge_report_get_count (report, BL_MERGE_IDENTICAL), ==, 2);
  g_assert_cmpuint (bl_merge_report_get_count (report, BL_MERGE_CONFLICT), ==, 1);
  g_assert_cmpint (outcome_of (report, "c-same"), ==, BL_MERGE_IDENTICAL);
  g_assert_cmpint (outcome_of (report, "c-local"), ==, BL_MERGE_IDENTICAL);
  g_assert_cmpint (outcome_of (report, "c-diff"), ==, BL_MERGE_CONFLICT);
  g_assert_cmpint (outcome_of (report, "c-new"), ==, BL_MERGE_ADDED);
  g_assert_nonnull (strstr (bl_merge_report_get_reason (report, (guint) find_entry (report, "c-local")), "x-9"));

  g_assert_cmpstr (statement_of (into, "c-diff"), ==, "Local text");
  g_assert_null (statement_of (into, "x-9"));
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (into)), ==, 4);

  text = bl_merge_report_to_string (report);
  g_assert_nonnull (strstr (text, "c-diff"));
}

/* A claim from a feed is updated when unchanged here, and kept when
 * edited here. */
static void
test_feed_update_and_conflict (void)
{
  g_autoptr(BlProject) into = bl_project_new ();
  g_autoptr(GHashTable) origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  BlClaimStore *store = bl_project_get_claims (into);
  BlMergeOptions options;
  BlClaimRecord r;

  bl_merge_options_init (&options);
  options.feed_id = "f1";
  options.origins = origins;

  {
    g_autoptr(BlProject) from = bl_project_new ();
    g_autoptr(BlMergeReport) report = NULL;
    guint a = add_actor (from, "a1", "UN");

    add_claim (from, "c1", "Version 1", a, BL_NO_INDEX, NULL, 0);
    add_claim (from, "c2", "Version 1", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
    g_assert_true (bl_project_merge (into, from, NULL, &options, &report, NULL));
    g_assert_cmpuint (bl_merge_report_get_count (report, BL_MERGE_ADDED), ==, 2);
    bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c1"), &r);
    g_assert_true (r.tags != NULL && g_strv_contains (r.tags, "feed:f1"));
    g_assert_true (g_hash_table_contains (origins, "c1"));
  }

  /* the same again: nothing changes */
  {
    g_autoptr(BlProject) from = bl_project_new ();
    g_autoptr(BlMergeReport) report = NULL;
    g_autoptr(GBytes) before = to_bytes (into);
    g_autoptr(GBytes) after = NULL;
    guint a = add_actor (from, "a1", "UN");

    add_claim (from, "c1", "Version 1", a, BL_NO_INDEX, NULL, 0);
    add_claim (from, "c2", "Version 1", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
    g_assert_true (bl_project_merge (into, from, NULL, &options, &report, NULL));
    g_assert_cmpuint (bl_merge_report_get_count (report, BL_MERGE_IDENTICAL), ==, 2);
    g_assert_false (bl_merge_report_has_changes (report));
    after = to_bytes (into);
    g_assert_true (g_bytes_equal (before, after));
  }

  /* edit c2 here */
  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c2"), &r);
  r.notes = "checked by hand";
  bl_claim_store_replace (store, bl_claim_store_lookup (store, "c2"), &r);

  /* the feed changes both */
  {
    g_autoptr(BlProject) from = bl_project_new ();
    g_autoptr(BlMergeReport) report = NULL;
    guint a = add_actor (from, "a1", "UN");

    add_claim (from, "c1", "Version 2", a, BL_NO_INDEX, NULL, 0);
    add_claim (from, "c2", "Version 2", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
    g_assert_true (bl_project_merge (into, from, NULL, &options, &report, NULL));
    g_assert_cmpint (outcome_of (report, "c1"), ==, BL_MERGE_UPDATED);
    g_assert_cmpint (outcome_of (report, "c2"), ==, BL_MERGE_CONFLICT);
    g_assert_nonnull (strstr (bl_merge_report_get_reason (report, (guint) find_entry (report, "c2")), "edited here"));
  }
  g_assert_cmpstr (statement_of (into, "c1"), ==, "Version 2");
  g_assert_cmpstr (statement_of (into, "c2"), ==, "Version 1");

  /* a claim here by that id that is not from the feed: the feed's is added
   * under its own id */
  add_claim (into, "c9", "Hand-made", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
  {
    g_autoptr(BlProject) from = bl_project_new ();
    g_autoptr(BlMergeReport) report = NULL;

    add_claim (from, "c9", "From the feed", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
    g_assert_true (bl_project_merge (into, from, NULL, &options, &report, NULL));
    g_assert_cmpint (outcome_of (report, "f1:c9"), ==, BL_MERGE_ADDED);
  }
  g_assert_cmpstr (statement_of (into, "c9"), ==, "Hand-made");
  g_assert_cmpstr (statement_of (into, "f1:c9"), ==, "From the feed");

  /* and the next refresh finds it there */
  {
    g_autoptr(BlProject) from = bl_project_new ();
    g_autoptr(BlMergeReport) report = NULL;

    add_claim (from, "c9", "From the feed, changed", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
    g_assert_true (bl_project_merge (into, from, NULL, &options, &report, NULL));
    g_assert_cmpint (outcome_of (report, "f1:c9"), ==, BL_MERGE_UPDATED);
  }
  g_assert_cmpstr (statement_of (into, "f1:c9"), ==, "From the feed, changed");
}

/* A feed that numbers its records: one inserted before the others
 * shifts every id. Nothing is lost or taken twice. */
static void
test_feed_renumbered (void)
{
  g_autoptr(BlProject) into = bl_project_new ();
  g_autoptr(BlProject) first = bl_project_new ();
  g_autoptr(BlProject) second = bl_project_new ();
  g_autoptr(GHashTable) origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(BlMergeReport) report = NULL;
  BlMergeOptions options;

  bl_merge_options_init (&options);
  options.feed_id = "f2";
  options.origins = origins;

  add_claim (first, "geojson-1", "A", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
  g_assert_true (bl_project_merge (into, first, NULL, &options, NULL, NULL));

  add_claim (second, "geojson-1", "B", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
  add_claim (second, "geojson-2", "A", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
  g_assert_true (bl_project_merge (into, second, NULL, &options, &report, NULL));
  g_assert_cmpint (outcome_of (report, "geojson-1"), ==, BL_MERGE_UPDATED);
  g_assert_cmpint (outcome_of (report, "geojson-2"), ==, BL_MERGE_ADDED);
  g_assert_cmpstr (statement_of (into, "geojson-1"), ==, "B");
  g_assert_cmpstr (statement_of (into, "geojson-2"), ==, "A");
}

static void
test_undo (void)
{
  g_autoptr(BlProject) into = bl_project_new ();
  g_autoptr(BlProject) from = bl_project_new ();
  g_autoptr(BlHistory) history = bl_history_new (into);
  g_autoptr(GHashTable) origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(BlMergeReport) report = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) merged = NULL;
  g_autoptr(GBytes) now = NULL;
  BlMergeOptions options;
  guint a;

  add_claim (into, "c1", "Old", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
  a = add_actor (from, "a1", "New actor");
  add_source (from, "s1", "New source", "https://example.org/");
  add_claim (from, "c2", "Added", a, 0, NULL, 0);
  add_claim (from, "c3", "Added too", a, 0, NULL, 0);
  before = to_bytes (into);

  bl_merge_options_init (&options);
  options.origins = origins;
  g_assert_true (bl_project_merge (into, from, history, &options, &report, NULL));
  g_assert_cmpstr (bl_history_get_undo_label (history), ==, "Import 2 Claims");
  merged = to_bytes (into);

  g_assert_true (bl_history_undo (history));
  g_assert_false (bl_history_can_undo (history));
  now = to_bytes (into);
  g_assert_true (g_bytes_equal (now, before));

  g_assert_true (bl_history_redo (history));
  g_clear_pointer (&now, g_bytes_unref);
  now = to_bytes (into);
  g_assert_true (g_bytes_equal (now, merged));

  /* a label of the caller's, and an update in the same single step */
  {
    g_autoptr(BlProject) again = bl_project_new ();
    g_autoptr(BlMergeReport) report2 = NULL;

    a = add_actor (again, "a1", "New actor");
    add_source (again, "s1", "New source", "https://example.org/");
    add_claim (again, "c2", "Changed", a, 0, NULL, 0);
    add_claim (again, "c4", "Another", a, 0, NULL, 0);
    options.label = "Refresh Feed “Test”";
    g_assert_true (bl_project_merge (into, again, history, &options, &report2, NULL));
    g_assert_cmpint (outcome_of (report2, "c2"), ==, BL_MERGE_UPDATED);
    g_assert_cmpstr (bl_history_get_undo_label (history), ==, "Refresh Feed “Test”");
    g_assert_true (bl_history_undo (history));
    g_clear_pointer (&now, g_bytes_unref);
    now = to_bytes (into);
    g_assert_true (g_bytes_equal (now, merged));
  }
}

static void
test_relations (void)
{
  g_autoptr(BlProject) into = bl_project_new ();
  g_autoptr(BlProject) from = bl_project_new ();
  g_autoptr(BlMergeReport) report = NULL;
  BlClaimStore *store = bl_project_get_claims (into);
  BlRelation relations[] = {
    { BL_RELATION_CITES, (char *) "x-here" },       /* in the import, the same as c-here */
    { BL_RELATION_DENIES, (char *) "c-only-here" }, /* here only */
    { BL_RELATION_CORROBORATES, (char *) "c-new2" },/* in the import, new */
    { BL_RELATION_CITES, (char *) "c-nowhere" },    /* in neither */
  };
  BlClaimRecord r;

  add_claim (into, "c-here", "Said before", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
  add_claim (into, "c-only-here", "Only here", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
  add_claim (from, "x-here", "Said before", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);
  add_claim (from, "c-new", "Relates", BL_NO_INDEX, BL_NO_INDEX, relations, G_N_ELEMENTS (relations));
  add_claim (from, "c-new2", "Relates too", BL_NO_INDEX, BL_NO_INDEX, NULL, 0);

  g_assert_true (bl_project_merge (into, from, NULL, NULL, &report, NULL));
  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c-new"), &r);
  g_assert_cmpuint (r.n_relations, ==, 3);
  g_assert_cmpstr (r.relations[0].claim_id, ==, "c-here");
  g_assert_cmpstr (r.relations[1].claim_id, ==, "c-only-here");
  g_assert_cmpstr (r.relations[2].claim_id, ==, "c-new2");

  g_assert_cmpuint (bl_merge_report_get_n_notes (report), ==, 1);
  g_assert_nonnull (strstr (bl_merge_report_get_note (report, 0), "c-nowhere"));

  /* what was merged saves and loads again */
  {
    g_autoptr(GBytes) bytes = to_bytes (into);
    g_autoptr(GError) error = NULL;
    gsize len;
    const char *data = g_bytes_get_data (bytes, &len);
    g_autoptr(BlProject) loaded = bl_project_load_from_data (data, len, "merged", NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_nonnull (loaded);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/normalize", test_normalize);
  g_test_add_func ("/merge/entities", test_entities);
  g_test_add_func ("/merge/claims-by-id-and-content", test_claims_by_id_and_content);
  g_test_add_func ("/merge/feed-update-and-conflict", test_feed_update_and_conflict);
  g_test_add_func ("/merge/feed-renumbered", test_feed_renumbered);
  g_test_add_func ("/merge/undo", test_undo);
  g_test_add_func ("/merge/relations", test_relations);

  return g_test_run ();
}
