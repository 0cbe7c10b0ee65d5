/* test-project-save.c — saving projects: the bytes, snapshots, failures
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * - The streaming writer gives the very bytes the earlier in-memory
 *   writer gave: a synthetic project's file has the checksum recorded
 *   from that writer, and the sample loads and saves to itself.
 * - Snapshots: a project changed in every way after bl_project_snapshot()
 *   or bl_project_save_async() is saved as it was when the save was
 *   asked for (the file is loaded and compared), also while another
 *   thread is writing the snapshot.
 * - Failures (a full disk, a folder that cannot be written, a cancelled
 *   save) leave the old file as it was and no temporary file behind.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bl-history.h"
#include "bl-project-io.h"
#include "synthetic.h"
#include "test-helpers.h"

/* SHA-256 of gen-synthetic 1000 OUT --seed 7, written by the in-memory
 * writer that streaming replaced (commit 05ad9a5) */
#define SYNTHETIC_1000_SEED_7_SHA256 "f5f6309d7136f3c88f92aa98141221af078ccf5327d6a6598f94e81af0aafa11"

/* Helpers {{{ */

static char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

static GBytes *
saved_bytes (BlProject *project)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = bl_project_to_bytes (project, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* What the file holds, loaded and written out again in canonical form. */
static GBytes *
reloaded_bytes (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) project = bl_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return saved_bytes (project);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

/* Changes @project in every way the window can: the title, an actor, a
 * claim replaced, two inserted, one removed, many appended (so the store
 * grows), an annotation and a view; the file stays valid. */
static void
edit_everything (BlProject *project)
{
  BlClaimStore *store = bl_project_get_claims (project);
  BlClaimRecord record;
  g_autoptr(BlClaimRecord) copy = NULL;
  BlView view = { 0 };
  BlAnnotation annotation = { 0 };
  double point[2] = { 70.0, 37.0 };

  static guint n_edits;
  g_autofree char *topic_id = g_strdup_printf ("inserted-first-%u", n_edits++);
  g_autoptr(BlTopic) topic = bl_topic_new (topic_id);

  bl_project_set_title (project, "Changed after the save began");
  bl_actor_set_name (bl_project_get_actor (project, 0), "Renamed claimant");

  /* a topic put first renumbers every claim's topic in place */
  bl_topic_set_title (topic, "Inserted first");
  g_assert_true (bl_project_insert_entity_at (project, BL_ENTITY_TOPIC, 0, G_OBJECT (topic)));

  bl_claim_store_get_record (store, 0, &record);
  copy = bl_claim_record_copy (&record);
  record = *copy;
  record.statement = "Replaced after the save began";
  record.notes = NULL;
  bl_claim_store_replace (store, 0, &record);

  /* inserts two, removes one (no other claim refers to it) */
  record.id = "inserted-after-save";
  bl_claim_store_insert (store, 2, &record);
  record.id = "inserted-and-removed";
  bl_claim_store_insert (store, 2, &record);
  bl_claim_store_remove (store, 2);

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *id = g_strdup_printf ("appended-%u", i);

      record.id = id;
      bl_claim_store_append (store, &record);
    }

  annotation.id = (char *) "a-new";
  annotation.kind = BL_ANNOTATION_TEXT;
  annotation.text = (char *) "New note";
  annotation.points = point;
  annotation.n_points = 1;
  annotation.color = (char *) "#ff0000";
  annotation.size = 12;
  g_ptr_array_add (bl_project_get_annotations (project), bl_annotation_copy (&annotation));

  view.name = (char *) "New view";
  view.west = view.south = view.east = view.north = NAN;
  bl_date_init_unknown (&view.from);
  bl_date_init_unknown (&view.to);
  g_ptr_array_add (bl_project_get_views (project), bl_view_copy (&view));
}

/* }}} */

/* The bytes {{{ */

static void
test_synthetic_as_before (void)
{
  g_autofree char *dir = g_dir_make_tmp ("borderline-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "synthetic.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BlProject) project = synthetic_project_new (1000, 7);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) in_memory = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autofree char *checksum = NULL;

  g_assert_true (bl_project_save (project, file, NULL, &error));
  g_assert_no_error (error);

  checksum = file_checksum (path);
  g_assert_cmpstr (checksum, ==, SYNTHETIC_1000_SEED_7_SHA256);

  /* streamed to a file or built in memory: the same bytes */
  in_memory = saved_bytes (project);
  on_disk = reloaded_bytes (path);
  g_assert_true (g_bytes_equal (in_memory, on_disk));

  bl_test_remove_tree (dir);
}

static void
test_sample_to_itself (void)
{
  g_autofree char *dir = g_dir_make_tmp ("borderline-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sample.borderline", NULL);
  g_autoptr(GFile) sample_file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BlProject) project = bl_project_load (sample_file, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = file_checksum (BL_TEST_SAMPLE);
  g_autofree char *got = NULL;

  g_assert_true (bl_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  got = file_checksum (path);
  g_assert_cmpstr (got, ==, expected);

  bl_test_remove_tree (dir);
}

/* }}} */

/* Snapshots {{{ */

static void
test_snapshot_keeps_then (void)
{
  g_autoptr(GFile) sample_file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(BlProject) project = bl_project_load (sample_file, NULL, NULL);
  g_autoptr(BlProject) snapshot = NULL;
  g_autoptr(GBytes) before = saved_bytes (project);
  g_autoptr(GBytes) of_snapshot = NULL;
  g_autoptr(GBytes) after = NULL;

  snapshot = bl_project_snapshot (project);
  g_assert_true (bl_claim_store_is_snapshot (bl_project_get_claims (snapshot)));
  edit_everything (project);

  of_snapshot = saved_bytes (snapshot);
  g_assert_true (g_bytes_equal (of_snapshot, before));

  /* and the project has its edits */
  after = saved_bytes (project);
  g_assert_false (g_bytes_equal (after, before));
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (project)), ==,
                    bl_claim_store_get_n_claims (bl_project_get_claims (snapshot)) + 5001);

  /* edits after the snapshot is gone free what it kept */
  g_clear_object (&snapshot);
  edit_everything (project);
}

typedef struct {
  BlProject *snapshot;
  GBytes    *bytes;
} WriteJob;

static gpointer
write_in_thread (gpointer data)
{
  WriteJob *job = data;

  job->bytes = saved_bytes (job->snapshot);
  g_clear_object (&job->snapshot);
  return NULL;
}

/* Another thread writes the snapshot while this one edits. */
static void
test_snapshot_across_threads (void)
{
  g_autoptr(BlProject) project = synthetic_project_new (20000, 3);
  g_autoptr(GBytes) before = saved_bytes (project);
  g_autoptr(GBytes) after = NULL;
  WriteJob job = { bl_project_snapshot (project), NULL };
  GThread *thread = g_thread_new ("writer", write_in_thread, &job);

  for (guint round = 0; round < 3; round++)
    edit_everything (project);
  g_thread_join (thread);

  g_assert_true (g_bytes_equal (job.bytes, before));
  g_bytes_unref (job.bytes);

  after = saved_bytes (project);
  g_assert_false (g_bytes_equal (after, before));
}

typedef struct {
  gboolean  done;
  GError   *error;
} SaveWait;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveWait *wait = user_data;

  bl_project_save_finish (result, &wait->error);
  wait->done = TRUE;
  g_main_context_wakeup (NULL);
}

static void
wait_for (SaveWait *wait)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
}

/* The window's way: save asynchronously and go on editing. */
static void
test_save_async_then_edit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("borderline-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edited.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BlProject) project = synthetic_project_new (20000, 5);
  g_autoptr(GBytes) before = saved_bytes (project);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) edited = NULL;
  SaveWait wait = { 0 };

  bl_project_save_async (project, file, NULL, on_saved, &wait);
  edit_everything (project);
  wait_for (&wait);
  g_assert_no_error (wait.error);

  saved = reloaded_bytes (path);
  g_assert_true (g_bytes_equal (saved, before));

  /* the next save has the edits */
  wait.done = FALSE;
  edited = saved_bytes (project);
  bl_project_save_async (project, file, NULL, on_saved, &wait);
  wait_for (&wait);
  g_assert_no_error (wait.error);
  g_clear_pointer (&saved, g_bytes_unref);
  saved = reloaded_bytes (path);
  g_assert_true (g_bytes_equal (saved, edited));

  bl_test_remove_tree (dir);
}

/* }}} */

/* Failures {{{ */

/* A folder holding "p.borderline" with some old content. */
static char *
make_old_file (char **dir)
{
  *dir = g_dir_make_tmp ("borderline-save-XXXXXX", NULL);
  char *path = g_build_filename (*dir, "p.borderline", NULL);

  g_assert_true (g_file_set_contents (path, "old content", -1, NULL));
  return path;
}

static void
assert_old_file_kept (const char *dir,
                      const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old content");
  /* no temporary file and no backup left */
  g_assert_cmpuint (count_files (dir), ==, 1);
}

/* A disk that fills up half way: the file size limit makes write() fail
 * as a full disk does, for root too. */
static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_old_file (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BlProject) project = synthetic_project_new (2000, 1);
  g_autoptr(GError) error = NULL;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);
  gboolean ok;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 300 * 1024;  /* the file is about 1.4 MB */
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  ok = bl_project_save (project, file, NULL, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_false (ok);
  g_assert_nonnull (error);
  /* the message says which file */
  g_assert_nonnull (strstr (error->message, "p.borderline"));
  assert_old_file_kept (dir, path);

  bl_test_remove_tree (dir);
}

/* A full stream: the write error comes out of bl_project_write(). */
static void
test_stream_full (void)
{
  g_autoptr(BlProject) project = synthetic_project_new (2000, 1);
  g_autofree char *buffer = g_malloc (100000);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, 100000, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (bl_project_write (project, stream, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_old_file (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BlProject) project = synthetic_project_new (10, 1);
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      /* root writes anywhere: the disk-full case covers this run */
      g_test_skip ("permissions do not stop root");
      bl_test_remove_tree (dir);
      return;
    }

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (bl_project_save (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  assert_old_file_kept (dir, path);

  bl_test_remove_tree (dir);
}

/* A folder that is a file: the temporary file cannot be made. */
static void
test_not_a_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_old_file (&dir);
  g_autofree char *inside = g_build_filename (path, "q.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (inside);
  g_autoptr(BlProject) project = synthetic_project_new (10, 1);
  g_autoptr(GError) error = NULL;

  g_assert_false (bl_project_save (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  assert_old_file_kept (dir, path);

  bl_test_remove_tree (dir);
}

static void
test_cancelled (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = make_old_file (&dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BlProject) project = synthetic_project_new (2000, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  SaveWait wait = { 0 };

  g_cancellable_cancel (cancellable);
  g_assert_false (bl_project_save (project, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_old_file_kept (dir, path);

  bl_project_save_async (project, file, cancellable, on_saved, &wait);
  wait_for (&wait);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);
  assert_old_file_kept (dir, path);

  bl_test_remove_tree (dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-save/synthetic-as-before", test_synthetic_as_before);
  g_test_add_func ("/project-save/sample-to-itself", test_sample_to_itself);
  g_test_add_func ("/project-save/snapshot-keeps-then", test_snapshot_keeps_then);
  g_test_add_func ("/project-save/snapshot-across-threads", test_snapshot_across_threads);
  g_test_add_func ("/project-save/async-then-edit", test_save_async_then_edit);
  g_test_add_func ("/project-save/disk-full", test_disk_full);
  g_test_add_func ("/project-save/stream-full", test_stream_full);
  g_test_add_func ("/project-save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/project-save/not-a-folder", test_not_a_folder);
  g_test_add_func ("/project-save/cancelled", test_cancelled);

  return g_test_run ();
}
