/* test-history.c — every change undone and redone, and "modified" kept right
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "bl-history.h"
#include "bl-project-io.h"
#include "bl-visible-claims.h"
#include "test-helpers.h"

typedef struct {
  BlProject *project;
  BlHistory *history;
  GBytes    *original;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GError) error = NULL;

  f->project = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  f->history = bl_history_new (f->project);
  f->original = bl_project_to_bytes (f->project, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->project);
  g_clear_pointer (&f->original, g_bytes_unref);
}

/* The project, byte for byte, is what it was at the start. */
static void
assert_original (Fixture *f)
{
  g_autoptr(GBytes) now = bl_project_to_bytes (f->project, NULL, NULL);

  g_assert_true (g_bytes_equal (now, f->original));
}

static void
test_edit_undo_redo (Fixture       *f,
                     gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  BlClaimRecord r;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) redone = NULL;

  g_assert_false (bl_history_get_modified (f->history));
  g_assert_false (bl_history_can_undo (f->history));

  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c-sidorov-kunduz"), &r);
  r.statement = "Edited statement";
  r.lat = 36.73;
  r.lon = 68.86;
  g_assert_true (bl_history_replace_claim (f->history, &r, "Edit Claim"));

  g_assert_true (bl_history_get_modified (f->history));
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Edit Claim");
  edited = bl_project_to_bytes (f->project, NULL, NULL);

  g_assert_true (bl_history_undo (f->history));
  assert_original (f);
  g_assert_false (bl_history_get_modified (f->history));
  g_assert_cmpstr (bl_history_get_redo_label (f->history), ==, "Edit Claim");

  g_assert_true (bl_history_redo (f->history));
  redone = bl_project_to_bytes (f->project, NULL, NULL);
  g_assert_true (g_bytes_equal (edited, redone));
}

static void
test_add_remove (Fixture       *f,
                 gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  guint n = bl_claim_store_get_n_claims (store);
  guint position = bl_claim_store_lookup (store, "c-un-several-thousand");
  BlClaimRecord r;

  bl_claim_record_init (&r);
  r.id = "c-new";
  r.statement = "A new claim";
  g_assert_cmpuint (bl_history_add_claim (f->history, &r, "Add Claim"), ==, n);
  g_assert_cmpuint (bl_history_add_claim (f->history, &r, "Add Claim"), ==, BL_NO_INDEX);

  g_assert_true (bl_history_remove_claim (f->history, "c-un-several-thousand", "Delete Claim"));
  g_assert_cmpuint (bl_claim_store_lookup (store, "c-un-several-thousand"), ==, BL_NO_INDEX);
  g_assert_false (bl_history_remove_claim (f->history, "c-nothing", "Delete Claim"));

  /* undoing the delete puts it back where it was */
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpuint (bl_claim_store_lookup (store, "c-un-several-thousand"), ==, position);
  g_assert_true (bl_history_undo (f->history));
  assert_original (f);
  g_assert_false (bl_history_undo (f->history));
}

static void
test_entities_and_properties (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BlActor) actor = bl_actor_new ("a-new", "A New Actor");
  BlActor *sidorov = bl_project_get_actor (f->project, bl_project_find_actor (f->project, "a-sidorov"));
  GValue value = G_VALUE_INIT;

  g_assert_cmpuint (bl_history_add_actor (f->history, actor, "Add Actor"), ==, 5);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "A. Sidorov");
  bl_history_set_property (f->history, G_OBJECT (sidorov), "name", &value, "Rename Actor");
  g_assert_cmpstr (bl_actor_get_name (sidorov), ==, "A. Sidorov");

  /* the same value again is no step */
  bl_history_set_property (f->history, G_OBJECT (sidorov), "name", &value, "Rename Actor");
  g_value_unset (&value);

  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpstr (bl_actor_get_name (sidorov), ==, "Anatoly Sidorov");
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpuint (bl_project_find_actor (f->project, "a-new"), ==, BL_NO_INDEX);
  assert_original (f);

  g_assert_true (bl_history_redo (f->history));
  g_assert_cmpuint (bl_project_find_actor (f->project, "a-new"), ==, 5);
}

static void
test_annotations (Fixture       *f,
                  gconstpointer  data)
{
  double points[2] = { 69.5, 37.2 };
  BlAnnotation a = { (char *) "n1", BL_ANNOTATION_TEXT, (char *) "The Panj", points, 1, (char *) "#1c71d8", 12 };
  GPtrArray *annotations = bl_project_get_annotations (f->project);

  bl_history_add_annotation (f->history, &a, "Add Label");
  a.text = (char *) "The Panj river";
  g_assert_true (bl_history_replace_annotation (f->history, &a, "Edit Label"));
  g_assert_cmpstr (((BlAnnotation *) g_ptr_array_index (annotations, 0))->text, ==, "The Panj river");
  g_assert_true (bl_history_remove_annotation (f->history, "n1", "Delete Label"));
  g_assert_cmpuint (annotations->len, ==, 0);

  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpstr (((BlAnnotation *) g_ptr_array_index (annotations, 0))->text, ==, "The Panj river");
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpstr (((BlAnnotation *) g_ptr_array_index (annotations, 0))->text, ==, "The Panj");
  g_assert_true (bl_history_undo (f->history));
  assert_original (f);
}

static void
test_views (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BlView) view = NULL;
  g_autoptr(GBytes) renamed = NULL;
  g_autoptr(GBytes) again = NULL;
  GPtrArray *views = bl_project_get_views (f->project);
  guint before = views->len;
  guint index;

  view = bl_view_new ("Kunduz");
  view->lanes = 1;
  index = bl_history_add_view (f->history, view, "Save View");
  g_assert_cmpuint (index, ==, before);
  g_assert_cmpuint (views->len, ==, before + 1);

  g_free (view->name);
  view->name = g_strdup ("Kunduz, 2021");
  g_assert_true (bl_history_replace_view (f->history, index, view, "Rename View"));
  g_assert_false (bl_history_replace_view (f->history, index, view, "Rename View"));
  g_assert_cmpstr (((BlView *) g_ptr_array_index (views, index))->name, ==, "Kunduz, 2021");
  renamed = bl_project_to_bytes (f->project, NULL, NULL);

  g_assert_true (bl_history_remove_view (f->history, index, "Delete View"));
  g_assert_false (bl_history_remove_view (f->history, index, "Delete View"));
  g_assert_cmpuint (views->len, ==, before);

  g_assert_true (bl_history_undo (f->history));
  g_assert_true (bl_view_equal (g_ptr_array_index (views, index), view));
  again = bl_project_to_bytes (f->project, NULL, NULL);
  g_assert_true (g_bytes_equal (again, renamed));
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpstr (((BlView *) g_ptr_array_index (views, index))->name, ==, "Kunduz");
  g_assert_cmpint (((BlView *) g_ptr_array_index (views, index))->lanes, ==, 1);
  g_assert_true (bl_history_undo (f->history));
  assert_original (f);

  g_assert_true (bl_history_redo (f->history));
  g_assert_true (bl_history_redo (f->history));
  g_assert_true (bl_history_redo (f->history));
  g_assert_cmpuint (views->len, ==, before);
}

static void
test_group (Fixture       *f,
            gconstpointer  data)
{
  BlClaimRecord r;
  char id[16];

  bl_history_begin_group (f->history, "Import 3 Claims");
  for (guint i = 0; i < 3; i++)
    {
      g_snprintf (id, sizeof id, "c-imported-%u", i);
      bl_claim_record_init (&r);
      r.id = id;
      r.statement = "Imported";
      bl_history_add_claim (f->history, &r, "Add Claim");
    }
  g_assert_false (bl_history_can_undo (f->history));  /* not while a group is open */
  bl_history_end_group (f->history);

  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Import 3 Claims");
  g_assert_true (bl_history_undo (f->history));
  assert_original (f);
  g_assert_false (bl_history_can_undo (f->history));
}

static void
test_modified (Fixture       *f,
               gconstpointer  data)
{
  BlClaimRecord r;

  bl_claim_record_init (&r);
  r.id = "c-a";
  r.statement = "a";
  bl_history_add_claim (f->history, &r, "Add Claim");
  bl_history_mark_saved (f->history);
  g_assert_false (bl_history_get_modified (f->history));

  /* undo below the save point: modified; redo back: not */
  bl_history_undo (f->history);
  g_assert_true (bl_history_get_modified (f->history));
  bl_history_redo (f->history);
  g_assert_false (bl_history_get_modified (f->history));

  /* a new change after an undo drops the redo and the save point with it */
  bl_history_undo (f->history);
  r.id = "c-b";
  bl_history_add_claim (f->history, &r, "Add Claim");
  g_assert_false (bl_history_can_redo (f->history));
  g_assert_true (bl_history_get_modified (f->history));
  bl_history_undo (f->history);
  g_assert_true (bl_history_get_modified (f->history));

  bl_history_mark_saved (f->history);
  bl_history_mark_modified (f->history);
  g_assert_true (bl_history_get_modified (f->history));
}

/* Deleting claimants, sources and topics {{{ */

static const char *
entity_id_at (BlProject    *project,
              BlEntityKind  kind,
              guint32       index)
{
  g_autoptr(GObject) entity = g_list_model_get_item (bl_project_get_entities (project, kind), index);

  if (entity == NULL)
    return NULL;
  return BL_IS_ACTOR (entity) ? bl_actor_get_id (BL_ACTOR (entity))
       : BL_IS_SOURCE (entity) ? bl_source_get_id (BL_SOURCE (entity))
       : bl_topic_get_id (BL_TOPIC (entity));
}

/* claim id → the id of the claimant, source and topic it names, joined */
static GHashTable *
claim_references (BlProject *project)
{
  BlClaimStore *store = bl_project_get_claims (project);
  GHashTable *refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < bl_claim_store_get_n_claims (store); i++)
    g_hash_table_insert (refs, g_strdup (bl_claim_store_get_id (store, i)),
                         g_strdup_printf ("%s|%s|%s",
                                          entity_id_at (project, BL_ENTITY_ACTOR, bl_claim_store_get_actors (store)[i]),
                                          entity_id_at (project, BL_ENTITY_SOURCE, bl_claim_store_get_sources (store)[i]),
                                          entity_id_at (project, BL_ENTITY_TOPIC, bl_claim_store_get_topics (store)[i])));
  return refs;
}

/* Saved and read back, the project is the same, byte for byte. */
static GBytes *
assert_round_trip (BlProject *project)
{
  g_autoptr(GBytes) bytes = bl_project_to_bytes (project, NULL, NULL);
  g_autoptr(GBytes) reloaded = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) stream = NULL;
  g_autoptr(BlProject) copy = NULL;
  g_autoptr(GError) error = NULL;

  file = g_file_new_tmp ("test-history-XXXXXX.borderline", &stream, &error);
  g_assert_no_error (error);
  g_assert_true (bl_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  copy = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  reloaded = bl_project_to_bytes (copy, NULL, NULL);
  g_assert_true (g_bytes_equal (bytes, reloaded));
  g_file_delete (file, NULL, NULL);

  return g_steal_pointer (&bytes);
}

/* A topic deleted with its claims: the others keep naming the same
 * entities though their numbers moved; undo is byte for byte. */
static void
test_delete_topic_with_claims (Fixture       *f,
                               gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  guint n_claims = bl_claim_store_get_n_claims (store);
  guint north = bl_project_find_topic (f->project, "t-isisk-north");
  guint n_uses = bl_project_count_entity_uses (f->project, BL_ENTITY_TOPIC, north);
  g_autoptr(GHashTable) before = claim_references (f->project);
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(GBytes) deleted = NULL;
  g_autoptr(GBytes) redone = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (north, ==, 1);
  g_assert_cmpuint (n_uses, >, 0);

  /* used, and no choice made: nothing happens */
  g_assert_false (bl_history_remove_entity (f->history, BL_ENTITY_TOPIC, north, BL_NO_INDEX, FALSE, "Delete Topic"));
  g_assert_null (bl_project_remove_entity_at (f->project, BL_ENTITY_TOPIC, north));
  g_assert_false (bl_history_can_undo (f->history));
  assert_original (f);

  g_assert_true (bl_history_remove_entity (f->history, BL_ENTITY_TOPIC, north, BL_NO_INDEX, TRUE,
                                           "Delete Topic “North”"));
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Delete Topic “North”");
  g_assert_cmpuint (bl_project_find_topic (f->project, "t-isisk-north"), ==, BL_NO_INDEX);
  g_assert_cmpuint (bl_project_find_topic (f->project, "t-threat"), ==, 1);
  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, n_claims - n_uses);

  after = claim_references (f->project);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (value, ==, g_hash_table_lookup (before, key));

  deleted = assert_round_trip (f->project);

  g_assert_true (bl_history_undo (f->history));
  assert_original (f);
  g_assert_cmpstr (bl_history_get_redo_label (f->history), ==, "Delete Topic “North”");

  g_assert_true (bl_history_redo (f->history));
  redone = bl_project_to_bytes (f->project, NULL, NULL);
  g_assert_true (g_bytes_equal (redone, deleted));
}

/* A claimant deleted with its claims given to another: a merge, then the
 * delete, in one step. */
static void
test_delete_actor_merging (Fixture       *f,
                           gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  guint n_claims = bl_claim_store_get_n_claims (store);
  guint un = bl_project_find_actor (f->project, "a-un");
  guint rahmon = bl_project_find_actor (f->project, "a-rahmon");
  guint n_un = bl_project_count_entity_uses (f->project, BL_ENTITY_ACTOR, un);
  guint n_rahmon = bl_project_count_entity_uses (f->project, BL_ENTITY_ACTOR, rahmon);
  g_autoptr(GHashTable) before = claim_references (f->project);
  g_autoptr(GHashTable) after = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (un, <, rahmon);
  g_assert_cmpuint (n_un, >, 0);

  /* not onto itself, nor onto nothing */
  g_assert_false (bl_history_remove_entity (f->history, BL_ENTITY_ACTOR, un, un, FALSE, "Delete"));
  g_assert_false (bl_history_remove_entity (f->history, BL_ENTITY_ACTOR, un, 99, FALSE, "Delete"));
  g_assert_false (bl_history_remove_entity (f->history, BL_ENTITY_ACTOR, 99, BL_NO_INDEX, TRUE, "Delete"));

  g_assert_true (bl_history_remove_entity (f->history, BL_ENTITY_ACTOR, un, rahmon, FALSE, "Delete Claimant"));
  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, n_claims);
  g_assert_cmpuint (bl_project_find_actor (f->project, "a-rahmon"), ==, rahmon - 1);
  g_assert_cmpuint (bl_project_count_entity_uses (f->project, BL_ENTITY_ACTOR, rahmon - 1), ==, n_un + n_rahmon);

  after = claim_references (f->project);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *was = g_hash_table_lookup (before, key);

      if (g_str_has_prefix (was, "a-un|"))
        g_assert_true (g_str_has_prefix (value, "a-rahmon|"));
      else
        g_assert_cmpstr (value, ==, was);
    }

  g_bytes_unref (assert_round_trip (f->project));

  /* one undo: the claimant and every claim as they were */
  g_assert_true (bl_history_undo (f->history));
  assert_original (f);
  g_assert_false (bl_history_can_undo (f->history));
}

/* An unused source that another republishes, an unused topic a saved view
 * shows: those references go with it, and come back with it. */
static void
test_delete_unused_named_elsewhere (Fixture       *f,
                                    gconstpointer  data)
{
  BlView *view = g_ptr_array_index (bl_project_get_views (f->project), 0);
  guint khaama = bl_project_find_source (f->project, "s-khaama");
  BlSource *herald = bl_project_get_source (f->project, bl_project_find_source (f->project, "s-tajik-herald"));
  g_autoptr(BlTopic) topic = bl_topic_new ("t-unused");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) now = NULL;
  guint unused;

  g_assert_cmpuint (bl_project_count_entity_uses (f->project, BL_ENTITY_SOURCE, khaama), ==, 0);
  g_assert_cmpstr (bl_source_get_origin (herald), ==, "s-khaama");
  /* the core alone refuses: something still names it */
  g_assert_null (bl_project_remove_entity_at (f->project, BL_ENTITY_SOURCE, khaama));

  g_assert_true (bl_history_remove_entity (f->history, BL_ENTITY_SOURCE, khaama, BL_NO_INDEX, FALSE, "Delete Source"));
  g_assert_cmpuint (bl_project_find_source (f->project, "s-khaama"), ==, BL_NO_INDEX);
  g_assert_null (bl_source_get_origin (herald));
  g_bytes_unref (assert_round_trip (f->project));
  g_assert_true (bl_history_undo (f->history));
  assert_original (f);
  g_assert_cmpstr (bl_source_get_origin (herald), ==, "s-khaama");

  /* merged into the source that republishes it, which then republishes
   * nothing */
  g_assert_true (bl_history_remove_entity (f->history, BL_ENTITY_SOURCE, khaama,
                                           bl_project_find_source (f->project, "s-tajik-herald"), FALSE, "Delete Source"));
  g_assert_cmpuint (bl_project_find_source (f->project, "s-khaama"), ==, BL_NO_INDEX);
  g_assert_null (bl_source_get_origin (herald));
  g_bytes_unref (assert_round_trip (f->project));
  g_assert_true (bl_history_undo (f->history));
  assert_original (f);

  /* a new topic that the saved view shows (set by hand: views have no
   * step of their own) */
  unused = bl_history_add_topic (f->history, topic, "Add Topic");
  g_free (view->topic);
  view->topic = g_strdup ("t-unused");
  before = bl_project_to_bytes (f->project, NULL, NULL);
  g_assert_true (bl_history_remove_entity (f->history, BL_ENTITY_TOPIC, unused, BL_NO_INDEX, FALSE, "Delete Topic"));
  g_assert_null (view->topic);
  g_bytes_unref (assert_round_trip (f->project));
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpstr (view->topic, ==, "t-unused");
  now = bl_project_to_bytes (f->project, NULL, NULL);
  g_assert_true (g_bytes_equal (before, now));
}

/* The filter names entities by position too: it follows them. */
static void
test_delete_filter_follows (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(BlFilter) filter = bl_filter_new ();
  g_autoptr(BlVisibleClaims) visible = bl_visible_claims_new (f->project, filter);
  guint attacks = bl_project_find_topic (f->project, "t-attacks");
  guint north = bl_project_find_topic (f->project, "t-isisk-north");
  guint n_visible;

  bl_filter_set_topic (filter, attacks);
  n_visible = g_list_model_get_n_items (G_LIST_MODEL (visible));
  g_assert_cmpuint (n_visible, >, 0);

  g_assert_true (bl_history_remove_entity (f->history, BL_ENTITY_TOPIC, north, BL_NO_INDEX, TRUE, "Delete Topic"));
  g_assert_cmpuint (bl_filter_get_topic (filter), ==, bl_project_find_topic (f->project, "t-attacks"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (visible)), ==, n_visible);

  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpuint (bl_filter_get_topic (filter), ==, attacks);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (visible)), ==, n_visible);

  /* the topic the filter shows goes: it shows every topic */
  g_assert_true (bl_history_remove_entity (f->history, BL_ENTITY_TOPIC, attacks, BL_NO_INDEX, TRUE, "Delete Topic"));
  g_assert_cmpuint (bl_filter_get_topic (filter), ==, BL_NO_INDEX);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/history/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("edit-undo-redo", test_edit_undo_redo);
  ADD ("add-remove", test_add_remove);
  ADD ("entities-and-properties", test_entities_and_properties);
  ADD ("annotations", test_annotations);
  ADD ("views", test_views);
  ADD ("group", test_group);
  ADD ("modified", test_modified);
  ADD ("delete-topic-with-claims", test_delete_topic_with_claims);
  ADD ("delete-actor-merging", test_delete_actor_merging);
  ADD ("delete-unused-named-elsewhere", test_delete_unused_named_elsewhere);
  ADD ("delete-filter-follows", test_delete_filter_follows);

  return g_test_run ();
}
