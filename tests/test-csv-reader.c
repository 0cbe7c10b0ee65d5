/* test-csv-reader.c — RFC 4180 parsing, line numbers, and bad rows
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bl-csv-reader.h"

/* Reads @input; rows come out as "line:f1|f2|…" and bad rows as
 * "line:!message", joined with newlines. */
static char *
read_all (const char *input,
          gsize       len)
{
  g_autoptr(BlCsvReader) csv = bl_csv_reader_new (input, len, "t.csv");
  GString *out = g_string_new (NULL);

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      BlCsvStatus status = bl_csv_reader_next_row (csv, &error);

      if (status == BL_CSV_END)
        break;
      if (out->len)
        g_string_append_c (out, '\n');
      if (status == BL_CSV_BAD_ROW)
        {
          g_assert_nonnull (error);
          g_string_append_printf (out, "!%s", error->message);
          continue;
        }
      g_assert_null (error);
      g_string_append_printf (out, "%u:", bl_csv_reader_get_line (csv));
      for (guint i = 0; i < bl_csv_reader_get_n_fields (csv); i++)
        g_string_append_printf (out, "%s%s", i ? "|" : "", bl_csv_reader_get_field (csv, i, NULL));
    }
  return g_string_free (out, FALSE);
}

static void
test_csv_reader_table (void)
{
  static const struct {
    const char *input;
    const char *expected;
  } cases[] = {
    { "", "" },
    { "a,b,c\n1,2,3\n", "1:a|b|c\n2:1|2|3" },
    { "a,b\r\n1,2\r\n", "1:a|b\n2:1|2" },
    { "a,b\r1,2\r", "1:a|b\n2:1|2" },
    { "a,b\n1,2", "1:a|b\n2:1|2" },
    { "\xEF\xBB\xBF" "a,b\n", "1:a|b" },
    { "a,,c,\n", "1:a||c|" },
    { "\"x,y\",z\n", "1:x,y|z" },
    { "\"say \"\"hi\"\"\",z\n", "1:say \"hi\"|z" },
    { "\"two\nlines\",z\nnext,row\n", "1:two\nlines|z\n3:next|row" },
    { "\"crlf\r\ninside\",z\r\nn,r\r\n", "1:crlf\r\ninside|z\n3:n|r" },
    { "a,b\n\n\nc,d\n", "1:a|b\n4:c|d" },
    { "5\" gun,x\n", "1:5\" gun|x" },
    { "\"\",\"\"\n", "1:|" },
    { "=SUM(A1),+1,-2,@x\n", "1:=SUM(A1)|+1|-2|@x" },
    /* text after a closing quote: the row is skipped, the next one read */
    { "a,b\n\"x\"y,z\nc,d\n", "1:a|b\n!t.csv:2: unexpected text after the closing quote of a field\n3:c|d" },
    /* a quoted field never closed */
    { "a,b\n\"open,z\nc,d\n", "1:a|b\n!t.csv:2: a quoted field that begins on line 2 is not closed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = read_all (cases[i].input, strlen (cases[i].input));

      g_test_message ("case %u", i);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_csv_reader_nul (void)
{
  static const char input[] = "a,b\x00" "c,d\n";
  g_autoptr(BlCsvReader) csv = bl_csv_reader_new (input, sizeof input - 1, "t.csv");
  gsize len;
  const char *field;

  g_assert_cmpint (bl_csv_reader_next_row (csv, NULL), ==, BL_CSV_ROW);
  g_assert_cmpuint (bl_csv_reader_get_n_fields (csv), ==, 3);
  field = bl_csv_reader_get_field (csv, 1, &len);
  g_assert_cmpuint (len, ==, 3);
  g_assert_cmpmem (field, len, "b\0c", 3);
}

static void
test_csv_reader_limits (void)
{
  g_autoptr(GString) input = g_string_new ("a,b\n");
  g_autoptr(BlCsvReader) csv = NULL;
  g_autoptr(GError) error = NULL;

  /* 100,000 columns, then a huge field, then a good row */
  for (guint i = 0; i < 100000; i++)
    g_string_append (input, i ? ",x" : "x");
  g_string_append (input, "\n\"");
  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    g_string_append_c (input, 'y');
  g_string_append (input, "\",z\nc,d\n");

  csv = bl_csv_reader_new (input->str, input->len, "t.csv");
  bl_csv_reader_set_max_field_size (csv, 1024 * 1024);
  g_assert_cmpint (bl_csv_reader_next_row (csv, NULL), ==, BL_CSV_ROW);

  g_assert_cmpint (bl_csv_reader_next_row (csv, &error), ==, BL_CSV_BAD_ROW);
  g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "t.csv:2: the row has 100000 fields"));
  g_clear_error (&error);

  g_assert_cmpint (bl_csv_reader_next_row (csv, &error), ==, BL_CSV_BAD_ROW);
  g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "t.csv:3: a field is larger"));
  g_clear_error (&error);

  g_assert_cmpint (bl_csv_reader_next_row (csv, NULL), ==, BL_CSV_ROW);
  g_assert_cmpuint (bl_csv_reader_get_line (csv), ==, 4);
  g_assert_cmpstr (bl_csv_reader_get_field (csv, 0, NULL), ==, "c");
  g_assert_cmpint (bl_csv_reader_next_row (csv, NULL), ==, BL_CSV_END);
  g_assert_cmpint (bl_csv_reader_next_row (csv, NULL), ==, BL_CSV_END);
}

/* Every prefix of a tricky input reads without crashing or reading past
 * the end (run under ASan). */
static void
test_csv_reader_truncated (void)
{
  static const char input[] = "\xEF\xBB\xBF" "a,\"b\"\"c\",d\r\n\"e\r\nf\",,\"\"\r";

  for (gsize len = 0; len <= sizeof input - 1; len++)
    {
      g_autofree char *copy = g_memdup2 (input, len);
      g_autofree char *got = read_all (copy, len);

      (void) got;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-reader/table", test_csv_reader_table);
  g_test_add_func ("/csv-reader/nul", test_csv_reader_nul);
  g_test_add_func ("/csv-reader/limits", test_csv_reader_limits);
  g_test_add_func ("/csv-reader/truncated", test_csv_reader_truncated);

  return g_test_run ();
}
