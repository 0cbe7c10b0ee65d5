/* test-file-util.c — reading a whole file for the readers
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bl-error.h"
#include "bl-file-util.h"
#include "bl-project-io.h"

/* A fresh folder, removed with what it holds by the caller. */
static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bl-file-util-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_folder (path);
      else
        g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_file_load_content (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "claims.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *text = "id,statement\nc1,Fighters near Khorog\n";
  gconstpointer data;
  gsize len;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  bytes = bl_file_load_bytes (file, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpmem (data, len, text, strlen (text));

  /* the content stays readable after the file is gone */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text, strlen (text));

  remove_folder (dir);
}

static void
test_file_load_empty (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "empty.geojson", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize len = 1;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  bytes = bl_file_load_bytes (file, NULL, &error);
  g_assert_no_error (error);
  /* readers are given an address even for nothing */
  g_assert_nonnull (g_bytes_get_data (bytes, &len));
  g_assert_cmpuint (len, ==, 0);

  remove_folder (dir);
}

static void
test_file_load_missing (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "claims.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = bl_file_load_bytes (file, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "claims.borderline"));

  remove_folder (dir);
}

static void
test_file_load_folder (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *sub = g_build_filename (dir, "reports.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (sub);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);

  bytes = bl_file_load_bytes (file, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "reports.csv"));

  remove_folder (dir);
}

static void
test_file_load_too_large (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "huge.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  /* a sparse file: the size is what counts, no disk space is used */
  g_assert_cmpint (truncate (path, (off_t) BL_PROJECT_MAX_FILE_SIZE + 1), ==, 0);

  bytes = bl_file_load_bytes (file, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.borderline"));

  remove_folder (dir);
}

typedef struct {
  const char *path;
  const char *text;
} FifoWriter;

static gpointer
write_fifo (gpointer user_data)
{
  FifoWriter *w = user_data;
  FILE *fifo = fopen (w->path, "wb");

  g_assert_nonnull (fifo);
  fputs (w->text, fifo);
  fclose (fifo);
  return NULL;
}

/* A regular file is mapped, and may have its pages dropped; a pipe is
 * read into memory, and says it is not a mapping. */
static void
test_file_mapping_kinds (void)
{
  g_autofree char *dir = g_dir_make_tmp ("borderline-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.borderline", NULL);
  g_autofree char *pipe = g_build_filename (dir, "pipe.borderline", NULL);
  g_autoptr(GFile) plain_file = g_file_new_for_path (plain);
  g_autoptr(GFile) pipe_file = g_file_new_for_path (pipe);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FifoWriter writer = { pipe, "{ \"format\": \"borderline\" }" };
  GThread *thread;
  gboolean mapped = TRUE;

  g_assert_true (g_file_set_contents (plain, writer.text, -1, NULL));
  bytes = bl_file_load_bytes_full (plain_file, NULL, &mapped, &error);
  g_assert_no_error (error);
  g_assert_true (mapped);
  g_clear_pointer (&bytes, g_bytes_unref);

  g_assert_cmpint (mkfifo (pipe, 0600), ==, 0);
  thread = g_thread_new ("fifo", write_fifo, &writer);
  bytes = bl_file_load_bytes_full (pipe_file, NULL, &mapped, &error);
  g_thread_join (thread);
  g_assert_no_error (error);
  g_assert_false (mapped);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), writer.text, strlen (writer.text));

  g_unlink (plain);
  g_unlink (pipe);
  g_rmdir (dir);
}

/* Dropped pages of a mapping read back from the file, byte for byte. */
static void
test_file_drop_pages_keeps_content (void)
{
  g_autofree char *dir = g_dir_make_tmp ("borderline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 3 * 1024 * 1024 + 123;
  g_autofree char *content = g_malloc (size);
  gboolean mapped = FALSE;
  const char *data;

  for (gsize i = 0; i < size; i++)
    content[i] = (char) ('a' + (i * 7 + i / 4096) % 26);
  g_assert_true (g_file_set_contents (path, content, (gssize) size, NULL));

  bytes = bl_file_load_bytes_full (file, NULL, &mapped, &error);
  g_assert_no_error (error);
  g_assert_true (mapped);
  data = g_bytes_get_data (bytes, NULL);
  g_assert_cmpmem (data, size, content, size);

  /* all but the last partial page, then a second time, then everything */
  bl_file_mapping_drop_pages (data, 0, size - 100);
  g_assert_cmpmem (data, size, content, size);
  bl_file_mapping_drop_pages (data, 0, size - 100);
  bl_file_mapping_drop_pages (data, 0, size);
  g_assert_cmpmem (data, size, content, size);

  g_clear_pointer (&bytes, g_bytes_unref);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-util/load/content", test_file_load_content);
  g_test_add_func ("/file-util/load/empty", test_file_load_empty);
  g_test_add_func ("/file-util/load/missing", test_file_load_missing);
  g_test_add_func ("/file-util/load/folder", test_file_load_folder);
  g_test_add_func ("/file-util/load/too-large", test_file_load_too_large);
  g_test_add_func ("/file-util/mapping/kinds", test_file_mapping_kinds);
  g_test_add_func ("/file-util/mapping/drop-pages-keeps-content", test_file_drop_pages_keeps_content);

  return g_test_run ();
}
