/* test-fuzz-regressions.c — every input a fuzzer ever crashed, run again
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each file under tests/fuzz/regressions/<target>/ is an input that once
 * made the fuzz target <target> fail (see build-aux/fuzz). This test runs
 * each of them once through the same function the fuzzer calls (the bodies
 * are shared through tests/fuzz/fuzz-targets.h), so it needs no clang and
 * no libFuzzer: the ordinary build and the sanitizer build of the test
 * suite both run it. Each input runs in a subprocess, so that a target
 * that aborts fails that input's test case alone and its message shows.
 *
 * A target folder that is empty, or missing, is a skipped case; a folder
 * that names no target fails.
 */
#include "config.h"

#include "fuzz/fuzz-targets.h"

#define SUBPROCESS_TIMEOUT_USEC (120 * G_USEC_PER_SEC)

typedef struct {
  const BlFuzzTarget *target;
  char               *path;
} RegressionCase;

static char *
regressions_dir (void)
{
  const char *source_dir = g_getenv ("BL_SOURCE_DIR");

#ifdef BL_SOURCE_DIR
  if (source_dir == NULL || *source_dir == '\0')
    source_dir = BL_SOURCE_DIR;
#endif
  if (source_dir == NULL || *source_dir == '\0')
    return NULL;

  return g_build_filename (source_dir, "tests", "fuzz", "regressions", NULL);
}

static const BlFuzzTarget *
find_target (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bl_fuzz_targets); i++)
    if (strcmp (bl_fuzz_targets[i].name, name) == 0)
      return &bl_fuzz_targets[i];
  return NULL;
}

static gboolean
is_input_name (const char *name)
{
  return name[0] != '.' && !g_str_has_suffix (name, ".md");
}

/* The names of the inputs in @dir, sorted; NULL-terminated */
static GPtrArray *
list_inputs (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (is_input_name (name) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_ascii_strcasecmp);
  return names;
}

static void
regression_case_free (gpointer data)
{
  RegressionCase *rc = data;

  g_free (rc->path);
  g_free (rc);
}

static void
test_input (gconstpointer data)
{
  const RegressionCase *rc = data;

  if (g_test_subprocess ())
    {
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize len;

      if (!g_file_get_contents (rc->path, &contents, &len, &error))
        g_error ("%s: %s", rc->path, error->message);
      rc->target->func ((const uint8_t *) contents, len);
      return;
    }

  g_test_message ("%s", rc->path);
  /* The child's stderr is the test's: a broken promise or a sanitizer
   * report shows in the log */
  g_test_trap_subprocess (NULL, SUBPROCESS_TIMEOUT_USEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (!g_test_trap_has_passed ())
    {
      g_test_message ("the fuzz target %s fails on %s (its output is above)",
                      rc->target->name, rc->path);
      g_test_fail ();
    }
}

static void
test_no_inputs (gconstpointer data)
{
  g_test_skip_printf ("no regression inputs in %s", (const char *) data);
}

static void
test_not_built (gconstpointer data)
{
  g_test_skip_printf ("the parser of the fuzz target %s is not in this build "
                      "(see tests/fuzz/fuzz-targets.h)", (const char *) data);
}

static void
test_unknown_target (gconstpointer data)
{
  g_test_message ("tests/fuzz/regressions/%s/ names no fuzz target "
                  "(see bl_fuzz_targets[] in tests/fuzz/fuzz-targets.h)",
                  (const char *) data);
  g_test_fail ();
}

/* Adds one case per input file of each target, and a failing case for each
 * folder that is not a target */
static void
add_cases (const char *dir,
           GPtrArray  *keep,
           GPtrArray  *cases)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  for (gsize i = 0; i < G_N_ELEMENTS (bl_fuzz_targets); i++)
    {
      const BlFuzzTarget *target = &bl_fuzz_targets[i];
      char *target_dir = g_build_filename (dir, target->name, NULL);
      g_autoptr(GPtrArray) inputs = list_inputs (target_dir);

      g_ptr_array_add (keep, target_dir);
      if (target->func == NULL)
        {
          g_autofree char *path = g_strdup_printf ("/fuzz-regressions/%s", target->name);

          g_test_add_data_func (path, target->name, test_not_built);
          continue;
        }
      if (inputs->len == 0)
        {
          g_autofree char *path = g_strdup_printf ("/fuzz-regressions/%s", target->name);

          g_test_add_data_func (path, target_dir, test_no_inputs);
          continue;
        }

      for (guint k = 0; k < inputs->len; k++)
        {
          RegressionCase *rc = g_new0 (RegressionCase, 1);
          g_autofree char *path = NULL;

          rc->target = target;
          rc->path = g_build_filename (target_dir, g_ptr_array_index (inputs, k), NULL);
          path = g_strdup_printf ("/fuzz-regressions/%s/%s", target->name,
                                  (const char *) g_ptr_array_index (inputs, k));
          g_ptr_array_add (cases, rc);
          g_test_add_data_func (path, rc, test_input);
        }
    }

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (name[0] == '.' || !g_file_test (path, G_FILE_TEST_IS_DIR) || find_target (name) != NULL)
        continue;

      g_ptr_array_add (keep, g_strdup (name));
      g_clear_pointer (&path, g_free);
      path = g_strdup_printf ("/fuzz-regressions/unknown-target/%s", name);
      g_test_add_data_func (path, g_ptr_array_index (keep, keep->len - 1), test_unknown_target);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* What the test cases point to, freed after the run */
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (regression_case_free);
  g_autofree char *dir = NULL;

  g_test_init (&argc, &argv, NULL);

  dir = regressions_dir ();
  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    g_test_add_data_func ("/fuzz-regressions/none", dir != NULL ? dir : "tests/fuzz/regressions",
                          test_no_inputs);
  else
    add_cases (dir, keep, cases);

  return g_test_run ();
}
