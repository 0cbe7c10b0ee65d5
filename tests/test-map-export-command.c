/* test-map-export-command.c — the batch map export and its exit status
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bl_map_export_command() is what `borderline --export=…` runs. It must
 * work without a display (DISPLAY and WAYLAND_DISPLAY are unset here),
 * exit 2 naming the option for each usage error, 1 for bad input or a
 * failed write, 0 with the file written. Its messages are caught with
 * print handlers so that the test's output stays TAP.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bl-map-export-command.h"

static GString *out;
static GString *err;

static void
catch_print (const char *text)
{
  g_string_append (out, text);
}

static void
catch_printerr (const char *text)
{
  g_string_append (err, text);
}

static char *
sample_path (void)
{
  const char *dir = g_getenv ("BL_SOURCE_DIR");

  if (dir == NULL || *dir == '\0')
    dir = BL_SOURCE_DIR;
  return g_build_filename (dir, "data", "samples", "csto-isis-k-2023.borderline", NULL);
}

static int
run (const char                   *project,
     const BlMapExportCommandArgs *args)
{
  GPrintFunc old_print, old_printerr;
  int status;

  g_string_truncate (out, 0);
  g_string_truncate (err, 0);
  old_print = g_set_print_handler (catch_print);
  old_printerr = g_set_printerr_handler (catch_printerr);
  status = bl_map_export_command (project, args);
  g_set_print_handler (old_print);
  g_set_printerr_handler (old_printerr);

  if (g_test_verbose ())
    g_test_message ("status %d; out: %s; err: %s", status, out->str, err->str);
  return status;
}

/* Each wrong option: exit 2, a message naming it, nothing written. */
static void
test_usage_errors (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("test-map-export-command-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  const struct {
    const char *option;
    BlMapExportCommandArgs args;
  } cases[] = {
    { "--export", { .output = NULL } },
    { "--export", { .output = "" } },
    { "--export", { .output = "map.jpeg" } },
    { "--export", { .output = "map" } },
    { "--size", { .output = png, .size = "1600" } },
    { "--size", { .output = png, .size = "1600x" } },
    { "--size", { .output = png, .size = "x1000" } },
    { "--size", { .output = png, .size = "15x1000" } },
    { "--size", { .output = png, .size = "1600x20001" } },
    { "--size", { .output = png, .size = "-1600x1000" } },
    { "--size", { .output = png, .size = "1600x1000x3" } },
    { "--size", { .output = png, .size = "1e3x1000" } },
    { "--scale", { .output = png, .scale = "0" } },
    { "--scale", { .output = png, .scale = "two" } },
    { "--scale", { .output = png, .scale = "17" } },
    { "--scale", { .output = png, .scale = "nan" } },
    { "--bbox", { .output = png, .bbox = "66,34.5,75" } },
    { "--bbox", { .output = png, .bbox = "75,34.5,66,40" } },
    { "--bbox", { .output = png, .bbox = "66,40,75,34.5" } },
    { "--bbox", { .output = png, .bbox = "66,34.5,75,40,1" } },
    { "--bbox", { .output = png, .bbox = "-181,34.5,75,40" } },
    { "--bbox", { .output = png, .bbox = "66,34.5,75,86" } },
    { "--bbox", { .output = png, .bbox = "a,b,c,d" } },
    { "--bbox", { .output = png, .bbox = "66,34.5,75,40", .view = "Northern border" } },
    { "--view", { .output = png, .view = "" } },
    { "--from", { .output = png, .from = "yesterday-ish" } },
    { "--from", { .output = png, .from = "2023-02-30" } },
    { "--from", { .output = png, .from = "until 2022" } },
    { "--to", { .output = png, .to = "since 2021" } },
    { "--to", { .output = png, .from = "2023-03-01", .to = "2023-02-01" } },
    { "--topic", { .output = png, .topic = "" } },
    { "--title", { .output = png, .title = "bad \xff title" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = g_strdup_printf ("borderline: %s: ", cases[i].option);

      g_assert_cmpint (run (sample, &cases[i].args), ==, 2);
      if (!g_str_has_prefix (err->str, expected))
        g_error ("case %u: expected a message about %s, got “%s”", i, cases[i].option, err->str);
      g_assert_null (strstr (out->str, "wrote"));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }

  /* no PROJECT */
  {
    BlMapExportCommandArgs args = { .output = png };

    g_assert_cmpint (run (NULL, &args), ==, 2);
    g_assert_nonnull (strstr (err->str, "PROJECT"));
    g_assert_cmpint (run ("", &args), ==, 2);
  }

  /* the size message says what is expected */
  {
    BlMapExportCommandArgs args = { .output = png, .size = "big" };

    g_assert_cmpint (run (sample, &args), ==, 2);
    g_assert_cmpstr (err->str, ==,
                     "borderline: --size: expected WIDTHxHEIGHT like 1600x1000, from 16 to 20000 pixels\n");
  }

  g_rmdir (dir);
}

/* Bad input: exit 1 with a message, nothing written. */
static void
test_bad_input (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("test-map-export-command-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.borderline", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.borderline", NULL);
  g_autofree char *unwritable = g_build_filename (dir, "no", "such", "folder", "map.pdf", NULL);

  {
    BlMapExportCommandArgs args = { .output = png };

    g_assert_cmpint (run (missing, &args), ==, 1);
    g_assert_nonnull (strstr (err->str, "missing.borderline"));

    g_assert_true (g_file_set_contents (garbage, "{ not json", -1, NULL));
    g_assert_cmpint (run (garbage, &args), ==, 1);
    g_assert_nonnull (strstr (err->str, "garbage.borderline"));
    g_unlink (garbage);
  }
  {
    BlMapExportCommandArgs args = { .output = png, .view = "Southern border" };

    g_assert_cmpint (run (sample, &args), ==, 1);
    g_assert_nonnull (strstr (err->str, "there is no view “Southern border”"));
    g_assert_nonnull (strstr (err->str, "“Northern border”"));
  }
  {
    BlMapExportCommandArgs args = { .output = png, .topic = "t-nothing" };

    g_assert_cmpint (run (sample, &args), ==, 1);
    g_assert_nonnull (strstr (err->str, "there is no topic “t-nothing”"));
    g_assert_nonnull (strstr (err->str, "t-isis-fighters"));
  }
  {
    BlMapExportCommandArgs args = { .output = unwritable };

    g_assert_cmpint (run (sample, &args), ==, 1);
    g_assert_nonnull (strstr (err->str, "map.pdf"));
    g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));
  }

  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
assert_file_starts_with (const char *path,
                         const char *magic)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, strlen (magic));
  g_assert_cmpmem (contents, strlen (magic), magic, strlen (magic));
}

/* Good runs: exit 0, "wrote OUT", the file. */
static void
test_good_runs (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("test-map-export-command-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.PDF", NULL);
  g_autofree char *expected = NULL;

  {
    BlMapExportCommandArgs args = { .output = png, .size = "640x400" };

    g_assert_cmpint (run (sample, &args), ==, 0);
    /* (the test framework prints debug messages too) */
    expected = g_strdup_printf ("wrote %s\n", png);
    g_assert_true (g_str_has_suffix (out->str, expected));
    g_assert_null (strstr (err->str, "borderline"));
    assert_file_starts_with (png, "\x89PNG\r\n\x1a\n");
  }
  {
    BlMapExportCommandArgs args = {
      .output = svg, .size = "800x600", .scale = "2", .view = "Northern border",
      .topic = "t-isisk-north", .title = "نقشه",
    };

    g_assert_cmpint (run (sample, &args), ==, 0);
    assert_file_starts_with (svg, "<?xml");
  }
  {
    BlMapExportCommandArgs args = {
      .output = pdf, .bbox = "66,34.5,75,40", .from = "14 February 2023", .to = "March 2023",
    };
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

    g_assert_cmpint (run (sample, &args), ==, 0);
    assert_file_starts_with (pdf, "%PDF-");

    if (pdftotext != NULL)
      {
        g_autofree char *text = NULL;
        const char *argv[] = { pdftotext, "-raw", pdf, "-", NULL };

        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                     &text, NULL, NULL, NULL));
        g_assert_nonnull (strstr (text, "All topics · 14 February 2023 – 31 March 2023"));
      }
  }
  {
    /* an open window */
    BlMapExportCommandArgs args = { .output = png, .size = "320x200", .from = "2023" };

    g_assert_cmpint (run (sample, &args), ==, 0);
  }

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* A missing basemap is a warning, not a failure. */
static void
test_no_basemap (void)
{
  g_autofree char *sample = sample_path ();
  g_autofree char *dir = g_dir_make_tmp ("test-map-export-command-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *old = g_strdup (g_getenv ("BL_BASEMAP_FILE"));
  BlMapExportCommandArgs args = { .output = png, .size = "320x200" };

  g_setenv ("BL_BASEMAP_FILE", "/nonexistent/basemap.bin", TRUE);
  g_assert_cmpint (run (sample, &args), ==, 0);
  g_assert_nonnull (strstr (err->str, "warning"));
  g_assert_nonnull (strstr (err->str, "BL_BASEMAP_FILE"));
  assert_file_starts_with (png, "\x89PNG\r\n\x1a\n");

  if (old != NULL)
    g_setenv ("BL_BASEMAP_FILE", old, TRUE);
  else
    g_unsetenv ("BL_BASEMAP_FILE");
  g_unlink (png);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* a batch export never needs a display */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_test_init (&argc, &argv, NULL);

  out = g_string_new (NULL);
  err = g_string_new (NULL);

  g_test_add_func ("/map-export-command/usage-errors", test_usage_errors);
  g_test_add_func ("/map-export-command/bad-input", test_bad_input);
  g_test_add_func ("/map-export-command/good-runs", test_good_runs);
  g_test_add_func ("/map-export-command/no-basemap", test_no_basemap);

  status = g_test_run ();
  g_string_free (out, TRUE);
  g_string_free (err, TRUE);
  return status;
}
