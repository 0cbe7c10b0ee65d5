/* test-history.c — every change undone and redone, and "modified" kept right
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "bl-history.h"
#include "bl-project-io.h"

#define SAMPLE BL_SOURCE_DIR "/data/samples/csto-isis-k-2023.borderline"

typedef struct {
  BlProject *project;
  BlHistory *history;
  GBytes    *original;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE);
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

  return g_test_run ();
}
