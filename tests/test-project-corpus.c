/* test-project-corpus.c — JSONTestSuite through the project loader
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file of JSONTestSuite (../shared/corpus/jsontestsuite, or
 * $BL_CORPUS_DIR/jsontestsuite) is fed to the project loader. None is a
 * Borderline project, so each must be refused with a clear message:
 * "n_" files (not JSON) as syntax or encoding errors with a line and
 * column, "y_" files (JSON, but not a project) as "not a Borderline
 * project", "i_" files either way. None may crash.
 *
 * Without the corpus (a user's own clone) the test skips; with CI=true in
 * the environment it fails, so CI cannot pass without it.
 */
#include "config.h"

#include "bl-error.h"
#include "bl-project-io.h"

#include <string.h>

static char *
find_corpus (void)
{
  const char *env = g_getenv ("BL_CORPUS_DIR");
  g_autofree char *dir = NULL;

  if (env != NULL && *env)
    dir = g_build_filename (env, "jsontestsuite", NULL);
  else
    dir = g_build_filename (BL_SOURCE_DIR, "..", "shared", "corpus", "jsontestsuite", NULL);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return g_steal_pointer (&dir);
}

static void
test_corpus (void)
{
  g_autofree char *dir = find_corpus ();
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_y = 0, n_n = 0, n_i = 0;

  if (dir == NULL)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("the JSONTestSuite corpus is missing (set BL_CORPUS_DIR); CI needs it");
      g_test_skip ("the JSONTestSuite corpus is not beside this clone (../shared/corpus); set BL_CORPUS_DIR to run it");
      return;
    }

  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BlProject) project = NULL;
      gsize len;

      if (!g_str_has_suffix (name, ".json"))
        continue;

      path = g_build_filename (dir, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

      project = bl_project_load_from_data (contents, len, name, NULL, NULL, NULL, &error);
      g_assert_null (project);
      g_assert_error (error, BL_ERROR, error->code);
      g_assert_true (g_str_has_prefix (error->message, name));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));

      if (name[0] == 'n')
        {
          if (error->code != BL_ERROR_SYNTAX && error->code != BL_ERROR_ENCODING &&
              error->code != BL_ERROR_TOO_LARGE)
            g_error ("%s: should be refused as not JSON, but: %s", name, error->message);
          /* "NAME:LINE:COL: …" */
          g_assert_true (g_regex_match_simple ("^[^:]+:[0-9]+:[0-9]+: ", error->message, 0, 0));
          n_n++;
        }
      else if (name[0] == 'y')
        {
          if (error->code != BL_ERROR_NOT_PROJECT)
            g_error ("%s: valid JSON should be refused as not a project, but: %s", name, error->message);
          g_assert_nonnull (strstr (error->message, "not a Borderline project"));
          n_y++;
        }
      else
        n_i++;
    }

  g_test_message ("%u y_, %u n_, %u i_ files", n_y, n_n, n_i);
  g_assert_cmpuint (n_y, >, 90);
  g_assert_cmpuint (n_n, >, 180);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-corpus/jsontestsuite", test_corpus);

  return g_test_run ();
}
