/* test-comparison-command.c — the comparison's batch exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs bl_comparison_command() (what `borderline --export-chart` and
 * `--export-table` do) on the sample project and checks the files it
 * writes, and its exit status on bad input.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bl-comparison-command.h"
#include "bl-comparison.h"
#include "bl-project-io.h"
#include "test-helpers.h"

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("borderline-cmp-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_chmod (f->dir, 0700);
  bl_test_remove_tree (f->dir);
  g_free (f->dir);
}

static guint
count_files (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  g_dir_close (dir);
  return n;
}

/* The number of rows the sample's comparison has, as the panel shows it. */
static guint
expected_rows (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(BlProject) project = bl_project_load (file, NULL, NULL);
  g_autoptr(BlComparison) comparison = NULL;
  g_autofree guint32 *topics = NULL;
  guint n_topics;

  g_assert_nonnull (project);
  topics = bl_comparison_get_related_topics (project, bl_project_find_topic (project, "t-isis-fighters"),
                                             &n_topics);
  comparison = bl_comparison_new (project, topics, n_topics, NULL);
  return bl_comparison_get_n_rows (comparison);
}

static void
test_command_png (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.png", NULL);
  cairo_surface_t *surface;
  const guint8 *pixels;
  int stride;
  gboolean varied = FALSE;
  guint32 first;

  g_assert_cmpint (bl_comparison_command (BL_TEST_SAMPLE, "t-isis-fighters", path, NULL, 800, 500), ==, 0);

  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 500);

  /* not blank: some pixels differ from the first */
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  memcpy (&first, pixels, sizeof first);
  for (int y = 0; y < 500 && !varied; y++)
    for (int x = 0; x < 800 && !varied; x++)
      {
        guint32 pixel;

        memcpy (&pixel, pixels + y * stride + x * 4, sizeof pixel);
        varied = pixel != first;
      }
  g_assert_true (varied);
  cairo_surface_destroy (surface);

  /* the default size */
  g_assert_cmpint (bl_comparison_command (BL_TEST_SAMPLE, "t-isis-fighters", path, NULL, 0, 0), ==, 0);
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, BL_COMPARISON_COMMAND_WIDTH);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, BL_COMPARISON_COMMAND_HEIGHT);
  cairo_surface_destroy (surface);
}

static void
test_command_svg (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.SVG", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  static const GMarkupParser parser = { NULL, };
  gsize len;

  g_assert_cmpint (bl_comparison_command (BL_TEST_SAMPLE, "t-isis-fighters", path, NULL, 600, 400), ==, 0);

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, G_MARKUP_DEFAULT_FLAGS, NULL, NULL);
  /* skip the XML declaration, which GMarkup does not parse */
  g_assert_true (g_markup_parse_context_parse (context, strstr (contents, "<svg"), -1, &error) &&
                 g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<title>ISIS fighters in Afghanistan"));
}

static void
test_command_csv (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "table.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  g_assert_cmpint (bl_comparison_command (BL_TEST_SAMPLE, "t-isis-fighters", NULL, path, 0, 0), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));

  /* RFC 4180: CRLF; no field of the sample has a line break in it */
  g_assert_true (g_str_has_suffix (contents, "\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  n_lines = g_strv_length (lines) - 1;
  g_assert_true (g_str_has_prefix (lines[0], "claim_id,topic_id,claimant,"));
  g_assert_cmpuint (n_lines - 1, ==, 8);
  g_assert_cmpuint (n_lines - 1, ==, expected_rows ());
  g_assert_nonnull (strstr (contents, "c-sidorov-4000,t-isisk-north,Anatoly Sidorov"));
}

static void
test_command_markdown (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "table.md", NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (bl_comparison_command (BL_TEST_SAMPLE, "t-isis-fighters", NULL, path, 0, 0), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "# ISIS fighters in Afghanistan"));
  bl_test_assert_has (contents, "\n| Claimant |", "\n| --- |", "| Emomali Rahmon |");
}

static void
test_command_both (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *chart = g_build_filename (f->dir, "chart.svg", NULL);
  g_autofree char *table = g_build_filename (f->dir, "table.md", NULL);

  g_assert_cmpint (bl_comparison_command (BL_TEST_SAMPLE, "t-isisk-north", chart, table, 0, 0), ==, 0);
  g_assert_true (g_file_test (chart, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (table, G_FILE_TEST_IS_REGULAR));
}

static void
test_command_output (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "table.csv", NULL);

  if (g_test_subprocess ())
    {
      g_autofree char *table = g_build_filename (g_getenv ("BL_TEST_DIR"), "table.csv", NULL);

      exit (bl_comparison_command (BL_TEST_SAMPLE, "t-isis-fighters", NULL, table, 0, 0));
    }

  g_setenv ("BL_TEST_DIR", f->dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("wrote *table.csv\n");
  g_test_trap_assert_stderr ("");
}

static void
test_command_unknown_topic (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.png", NULL);

  if (g_test_subprocess ())
    {
      g_autofree char *chart = g_build_filename (g_getenv ("BL_TEST_DIR"), "chart.png", NULL);

      exit (bl_comparison_command (BL_TEST_SAMPLE, "t-nope", chart, NULL, 0, 0));
    }

  g_setenv ("BL_TEST_DIR", f->dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*t-nope*t-isis-fighters, t-isisk-north*");
  g_test_trap_assert_stdout ("");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (f->dir), ==, 0);
}

typedef struct {
  const char *chart;
  const char *table;
  const char *topic;
  int         width;
  int         height;
} UsageCase;

static const UsageCase usage_cases[] = {
  { "chart.jpg", NULL, "t-isis-fighters", 0, 0 },
  { "chart", NULL, "t-isis-fighters", 0, 0 },
  { NULL, "table.xlsx", "t-isis-fighters", 0, 0 },
  { "chart.png", "table.txt", "t-isis-fighters", 0, 0 },
  { NULL, NULL, "t-isis-fighters", 0, 0 },
  { "chart.png", NULL, NULL, 0, 0 },
  { "chart.png", NULL, "t-isis-fighters", 100, 500 },
  { "chart.png", NULL, "t-isis-fighters", 500, 100000 },
};

static void
test_command_usage (Fixture       *f,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      const UsageCase *c = &usage_cases[i];
      g_autofree char *chart = c->chart ? g_build_filename (f->dir, c->chart, NULL) : NULL;
      g_autofree char *table = c->table ? g_build_filename (f->dir, c->table, NULL) : NULL;

      g_test_message ("case %u", i);
      g_assert_cmpint (bl_comparison_command (BL_TEST_SAMPLE, c->topic, chart, table, c->width, c->height), ==, 2);
      /* nothing is written when the command line is wrong */
      g_assert_cmpuint (count_files (f->dir), ==, 0);
    }

  g_assert_cmpint (bl_comparison_command (NULL, "t-isis-fighters", NULL, "x.csv", 0, 0), ==, 2);
}

static void
test_command_bad_project (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.borderline", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.borderline", NULL);
  g_autofree char *table = g_build_filename (f->dir, "table.csv", NULL);

  g_assert_cmpint (bl_comparison_command (missing, "t", NULL, table, 0, 0), ==, 1);
  g_assert_true (g_file_set_contents (bad, "{\"format\": \"borderline\"", -1, NULL));
  g_assert_cmpint (bl_comparison_command (bad, "t", NULL, table, 0, 0), ==, 1);
  g_assert_false (g_file_test (table, G_FILE_TEST_EXISTS));
}

static void
test_command_unwritable (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *sub = g_build_filename (f->dir, "locked", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no", "such", "chart.png", NULL);
  g_autofree char *chart = g_build_filename (sub, "chart.png", NULL);
  g_autofree char *table = g_build_filename (sub, "table.csv", NULL);

  /* a folder that does not exist */
  g_assert_cmpint (bl_comparison_command (BL_TEST_SAMPLE, "t-isis-fighters", missing, NULL, 0, 0), ==, 1);
  g_assert_cmpuint (count_files (f->dir), ==, 0);

  /* a folder that cannot be written (unless we are root, who can) */
  g_assert_cmpint (g_mkdir (sub, 0500), ==, 0);
  if (access (sub, W_OK) == 0)
    {
      g_test_message ("running as root: the read-only case is skipped");
      return;
    }
  g_assert_cmpint (bl_comparison_command (BL_TEST_SAMPLE, "t-isis-fighters", chart, table, 0, 0), ==, 1);
  g_assert_cmpuint (count_files (sub), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/comparison-command/png", test_command_png);
  ADD ("/comparison-command/svg", test_command_svg);
  ADD ("/comparison-command/csv", test_command_csv);
  ADD ("/comparison-command/markdown", test_command_markdown);
  ADD ("/comparison-command/both", test_command_both);
  ADD ("/comparison-command/output", test_command_output);
  ADD ("/comparison-command/unknown-topic", test_command_unknown_topic);
  ADD ("/comparison-command/usage", test_command_usage);
  ADD ("/comparison-command/bad-project", test_command_bad_project);
  ADD ("/comparison-command/unwritable", test_command_unwritable);
#undef ADD

  return g_test_run ();
}
