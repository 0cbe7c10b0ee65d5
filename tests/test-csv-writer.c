/* test-csv-writer.c — RFC 4180 output and formula neutralisation
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bl-csv-writer.h"

typedef struct {
  const char *name;
  const char *text;
  const char *expected;
} FieldCase;

static const FieldCase field_cases[] = {
  { "plain",         "Tajik Herald",          "Tajik Herald" },
  { "empty",         "",                      "" },
  { "null",          NULL,                    "" },
  { "comma",         "Kunduz, Takhar",        "\"Kunduz, Takhar\"" },
  { "quotes",        "he said \"6,500\"",     "\"he said \"\"6,500\"\"\"" },
  { "newline",       "one\ntwo",              "\"one\ntwo\"" },
  { "crlf",          "one\r\ntwo",            "\"one\r\ntwo\"" },
  { "formula",       "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
  { "formula-bare",  "=1+1",                  "'=1+1" },
  { "plus",          "+49 30 1234",           "'+49 30 1234" },
  { "minus",         "-5",                    "'-5" },
  { "at",            "@SUM(A1)",              "'@SUM(A1)" },
  { "tab",           "\tcmd",                 "'\tcmd" },
  { "cr",            "\rcmd",                 "\"'\rcmd\"" },
  { "inner-equals",  "a=b",                   "a=b" },
  { "apostrophe",    "'quoted",               "'quoted" },
  { "unicode",       "Бадахшан – 6 500",      "Бадахшан – 6 500" },
  { "invalid-utf8",  "ab\xff" "c",            "ab\xef\xbf\xbd" "c" },
};

static void
test_field (gconstpointer data)
{
  const FieldCase *tc = data;
  g_autofree char *escaped = bl_csv_escape_field (tc->text);

  g_assert_cmpstr (escaped, ==, tc->expected);
}

static void
test_rows (void)
{
  g_autoptr(BlCsvWriter) csv = bl_csv_writer_new (BL_CSV_WRITER_NONE);
  gsize len;
  const char *text;

  bl_csv_writer_add_field (csv, "id");
  bl_csv_writer_add_field (csv, "value");
  bl_csv_writer_add_field (csv, "max");
  bl_csv_writer_end_row (csv);
  bl_csv_writer_add_field (csv, "c-1");
  bl_csv_writer_add_number (csv, 6500);
  bl_csv_writer_add_number (csv, INFINITY);
  bl_csv_writer_end_row (csv);
  bl_csv_writer_add_field (csv, "c-2");
  bl_csv_writer_add_number (csv, -0.25);
  bl_csv_writer_add_uint (csv, 12);
  bl_csv_writer_end_row (csv);
  bl_csv_writer_end_row (csv);

  text = bl_csv_writer_peek (csv, &len);
  g_assert_cmpstr (text, ==, "id,value,max\r\nc-1,6500,\r\nc-2,-0.25,12\r\n\r\n");
  g_assert_cmpuint (len, ==, strlen (text));
  g_assert_cmpuint (bl_csv_writer_get_n_rows (csv), ==, 4);
}

static void
test_numbers_c_locale (void)
{
  g_autoptr(BlCsvWriter) csv = bl_csv_writer_new (BL_CSV_WRITER_NONE);
  g_autoptr(GBytes) bytes = NULL;

  /* the C locale's point, however the process is set up */
  bl_csv_writer_add_number (csv, 1.5);
  bl_csv_writer_add_number (csv, NAN);
  bl_csv_writer_add_number (csv, 0.1);
  bytes = bl_csv_writer_free_to_bytes (g_steal_pointer (&csv));
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "1.5,,0.1\r\n", 10);
}

static void
test_bom (void)
{
  g_autoptr(BlCsvWriter) csv = bl_csv_writer_new (BL_CSV_WRITER_BOM);

  bl_csv_writer_add_field (csv, "a");
  g_assert_cmpstr (bl_csv_writer_peek (csv, NULL), ==, "\xEF\xBB\xBF" "a");
}

static void
test_save (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bl-csv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *text = NULL;
  g_autoptr(BlCsvWriter) csv = bl_csv_writer_new (BL_CSV_WRITER_NONE);

  g_assert_no_error (error);
  path = g_build_filename (dir, "out.csv", NULL);
  missing = g_build_filename (dir, "missing", "out.csv", NULL);

  bl_csv_writer_add_field (csv, "x");
  bl_csv_writer_add_field (csv, "=y");
  g_assert_true (bl_csv_writer_save (csv, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "x,'=y\r\n");

  g_assert_false (bl_csv_writer_save (csv, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv-writer/field/%s", field_cases[i].name);

      g_test_add_data_func (path, &field_cases[i], test_field);
    }
  g_test_add_func ("/csv-writer/rows", test_rows);
  g_test_add_func ("/csv-writer/numbers-c-locale", test_numbers_c_locale);
  g_test_add_func ("/csv-writer/bom", test_bom);
  g_test_add_func ("/csv-writer/save", test_save);

  return g_test_run ();
}
