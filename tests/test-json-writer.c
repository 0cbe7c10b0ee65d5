/* test-json-writer.c — tests of the deterministic JSON writer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks the exact text bl-json-writer.c produces (layout, escapes,
 * numbers), that the same calls give the same bytes, that the strict reader
 * reads everything back to the same values (random doubles from a fixed
 * seed, int64 limits, tricky strings), and that misuse is refused.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-json-reader.h"
#include "bl-json-writer.h"

static void
test_layout (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

  g_assert_false (bl_json_writer_is_complete (w));
  bl_json_writer_begin_object (w);
  bl_json_writer_member (w, "name");
  bl_json_writer_string (w, "Borderline");
  bl_json_writer_member (w, "n");
  bl_json_writer_int64 (w, 3);
  bl_json_writer_member (w, "x");
  bl_json_writer_double (w, 0.1);
  bl_json_writer_member (w, "ok");
  bl_json_writer_boolean (w, TRUE);
  bl_json_writer_member (w, "none");
  bl_json_writer_null (w);
  bl_json_writer_member (w, "empty_o");
  bl_json_writer_begin_object (w);
  bl_json_writer_end_object (w);
  bl_json_writer_member (w, "empty_a");
  bl_json_writer_begin_array (w);
  bl_json_writer_end_array (w);
  bl_json_writer_member (w, "list");
  bl_json_writer_begin_array (w);
  bl_json_writer_int64 (w, 1);
  bl_json_writer_string (w, "two");
  bl_json_writer_begin_array (w);
  bl_json_writer_boolean (w, FALSE);
  bl_json_writer_end_array (w);
  bl_json_writer_begin_object (w);
  bl_json_writer_member (w, "k");
  bl_json_writer_double (w, -0.0);
  bl_json_writer_end_object (w);
  bl_json_writer_end_array (w);
  g_assert_false (bl_json_writer_is_complete (w));
  bl_json_writer_end_object (w);
  g_assert_true (bl_json_writer_is_complete (w));

  g_assert_cmpstr (out->str, ==,
                   "{\n"
                   "  \"name\": \"Borderline\",\n"
                   "  \"n\": 3,\n"
                   "  \"x\": 0.1,\n"
                   "  \"ok\": true,\n"
                   "  \"none\": null,\n"
                   "  \"empty_o\": {},\n"
                   "  \"empty_a\": [],\n"
                   "  \"list\": [\n"
                   "    1,\n"
                   "    \"two\",\n"
                   "    [\n"
                   "      false\n"
                   "    ],\n"
                   "    {\n"
                   "      \"k\": -0\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
}

static void
test_compact_and_scalars (void)
{
  g_autoptr(GString) out = g_string_new ("prefix:");
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);
  g_autoptr(GString) top = g_string_new (NULL);
  g_autoptr(BlJsonWriter) t = bl_json_writer_new (top);

  bl_json_writer_set_pretty (w, FALSE);
  bl_json_writer_begin_object (w);
  bl_json_writer_member (w, "a");
  bl_json_writer_begin_array (w);
  bl_json_writer_int64 (w, -7);
  bl_json_writer_null (w);
  bl_json_writer_begin_object (w);
  bl_json_writer_end_object (w);
  bl_json_writer_end_array (w);
  bl_json_writer_member (w, "b");
  bl_json_writer_string (w, "x");
  bl_json_writer_end_object (w);
  g_assert_cmpstr (out->str, ==, "prefix:{\"a\":[-7,null,{}],\"b\":\"x\"}");

  /* a scalar is a whole document too */
  bl_json_writer_string (t, "only");
  g_assert_true (bl_json_writer_is_complete (t));
  g_assert_cmpstr (top->str, ==, "\"only\"\n");
}

static void
test_escapes (void)
{
  static const struct {
    const char *input;
    gsize len;
    const char *expected;
  } cases[] = {
    { "", 0, "\"\"" },
    { "plain text", 10, "\"plain text\"" },
    { "say \"no\"", 8, "\"say \\\"no\\\"\"" },
    { "C:\\dir/file", 11, "\"C:\\\\dir/file\"" },
    { "\b\f\n\r\t", 5, "\"\\b\\f\\n\\r\\t\"" },
    { "\x01\x1f\x7f", 3, "\"\\u0001\\u001f\x7f\"" },
    { "a\0b", 3, "\"a\\u0000b\"" },
    { "\xc3\xa9\xe2\x80\x93\xf0\x9f\x98\x80", 9, "\"\xc3\xa9\xe2\x80\x93\xf0\x9f\x98\x80\"" },
    { "x\xe2\x80\xa8y\xe2\x80\xa9z", 9, "\"x\\u2028y\\u2029z\"" },
    { "\xe2\x80\xa7\xe2\x80\xaa", 6, "\"\xe2\x80\xa7\xe2\x80\xaa\"" },
    { "\xd8\xa8\xd8\xaf\xd8\xae\xd8\xb4\xd8\xa7\xd9\x86", 12,
      "\"\xd8\xa8\xd8\xaf\xd8\xae\xd8\xb4\xd8\xa7\xd9\x86\"" },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

      bl_json_writer_set_pretty (w, FALSE);
      bl_json_writer_string_len (w, cases[k].input, cases[k].len);
      g_assert_cmpstr (out->str, ==, cases[k].expected);
    }

  /* member names are escaped the same way */
  {
    g_autoptr(GString) out = g_string_new (NULL);
    g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

    bl_json_writer_set_pretty (w, FALSE);
    bl_json_writer_begin_object (w);
    bl_json_writer_member (w, "a\"b\n");
    bl_json_writer_int64 (w, 1);
    bl_json_writer_end_object (w);
    g_assert_cmpstr (out->str, ==, "{\"a\\\"b\\n\":1}");
  }
}

static void
test_numbers (void)
{
  static const struct {
    double value;
    const char *expected;
  } doubles[] = {
    { 0.0, "0" },
    { -0.0, "-0" },
    { 1.0, "1" },
    { -6000.0, "-6000" },
    { 0.1, "0.1" },
    { 0.3, "0.3" },
    { 0.1 + 0.2, "0.30000000000000004" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 69.5375, "69.5375" },
    { 2.5e-5, "2.5e-05" },
    { 1e16, "10000000000000000" },
    { 123456789012345678.0, "1.2345678901234568e+17" },
    { 1e17, "1e+17" },
    { 1e300, "1e+300" },
    { 1.7976931348623157e308, "1.7976931348623157e+308" },
    { 5e-324, "4.94065645841247e-324" },
    { 2.2250738585072014e-308, "2.2250738585072014e-308" },
    { 9007199254740993.0, "9007199254740992" },
    { 4503599627370495.5, "4503599627370495.5" },
  };
  static const struct {
    gint64 value;
    const char *expected;
  } ints[] = {
    { 0, "0" },
    { -1, "-1" },
    { G_MAXINT64, "9223372036854775807" },
    { G_MININT64, "-9223372036854775808" },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (doubles); k++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);
      char buf[BL_JSON_DOUBLE_BUF_SIZE];

      bl_json_writer_set_pretty (w, FALSE);
      bl_json_writer_double (w, doubles[k].value);
      g_assert_cmpstr (out->str, ==, doubles[k].expected);
      g_assert_cmpstr (bl_json_writer_format_double (doubles[k].value, buf), ==,
                       doubles[k].expected);
    }

  for (gsize k = 0; k < G_N_ELEMENTS (ints); k++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

      bl_json_writer_set_pretty (w, FALSE);
      bl_json_writer_int64 (w, ints[k].value);
      g_assert_cmpstr (out->str, ==, ints[k].expected);
    }
}

/* ---- round trips --------------------------------------------------------- */

static double
random_double (GRand *rand)
{
  for (;;)
    {
      guint64 bits = ((guint64) g_rand_int (rand) << 32) | g_rand_int (rand);
      double d;

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0: /* any bit pattern */
          memcpy (&d, &bits, sizeof d);
          break;
        case 1: /* coordinates */
          d = g_rand_double_range (rand, -180.0, 180.0);
          break;
        case 2: /* counts and measures */
          d = g_rand_double_range (rand, 0, 1e7);
          if (g_rand_boolean (rand))
            d = (double) (gint64) d;
          break;
        default: /* small and large magnitudes */
          {
            char text[64];

            g_snprintf (text, sizeof text, "%.17fe%d", g_rand_double (rand),
                        g_rand_int_range (rand, -330, 310));
            d = g_ascii_strtod (text, NULL);
          }
          break;
        }

      if (isfinite (d))
        return d;
    }
}

static void
test_round_trip_doubles (void)
{
  const guint n = 20000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5eed);
  g_autofree double *values = g_new (double, n);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);
  g_autoptr(BlJsonReader) r = NULL;
  g_autoptr(GError) error = NULL;

  values[0] = -0.0;
  values[1] = 5e-324;
  values[2] = -1.7976931348623157e308;
  for (guint i = 3; i < n; i++)
    values[i] = random_double (rand);

  bl_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    bl_json_writer_double (w, values[i]);
  bl_json_writer_end_array (w);

  r = bl_json_reader_new (out->str, out->len, "doubles");
  g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_BEGIN_ARRAY);
  for (guint i = 0; i < n; i++)
    {
      double d;

      g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_NUMBER);
      d = bl_json_reader_get_double (r);
      if (memcmp (&d, &values[i], sizeof d) != 0)
        g_error ("%.17g written as %s read back as %.17g", values[i],
                 bl_json_reader_get_number_text (r, NULL), d);
    }
  g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_END_ARRAY);
  g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_END);
  g_assert_no_error (error);
}

static const char *const tricky_strings[] = {
  "",
  " ",
  "\"",
  "\\",
  "\\\"",
  "\"\\u0000\"",
  "/*not a comment*/",
  "line1\nline2\r\n\ttab",
  ("\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10"
   "\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f"),
  "\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf",
  "\xe2\x80\xa8\xe2\x80\xa9",
  "\xef\xbb\xbf BOM inside a string is fine",
  "ISIS-K \xe2\x80\x93 \xd0\x9a\xd1\x83\xd0\xbd\xd0\xb4\xd1\x83\xd0\xb7 \xda\xa9\xd9\x86\xd8\xaf\xd8\xb2 \xf0\x9f\x9a\xa9",
  "0123456789abcdef0123456789abcdef\"0123456789abcdef0123456789abcdef",
};

/* A value with few decimals (a typed coordinate or figure), or one just
 * next to such a value or to a rounding tie of 15, 16 or 17 digits. */
static double
decimal_double (GRand *rand)
{
  char text[64];
  double d;

  g_snprintf (text, sizeof text, "%.*f", g_rand_int_range (rand, 0, 12),
              g_rand_double_range (rand, -2e5, 2e5) * pow (10, g_rand_int_range (rand, -8, 10)));
  d = g_ascii_strtod (text, NULL);

  switch (g_rand_int_range (rand, 0, 4))
    {
    case 0:
      return d;
    case 1:
      return nextafter (d, INFINITY);
    case 2:
      return nextafter (d, -INFINITY);
    default:
      /* halfway between two 15-, 16- or 17-digit decimals */
      g_snprintf (text, sizeof text, "%.*e5", g_rand_int_range (rand, 14, 17),
                  g_rand_double_range (rand, 1, 10));
      return g_ascii_strtod (text, NULL) * pow (10, g_rand_int_range (rand, -5, 16));
    }
}

/* The fast formatting gives the very bytes of the printf rule (the one
 * the project files were always written with). */
static void
test_doubles_as_printf (void)
{
  const guint n = g_test_slow () ? 20000000 : 300000;
  g_autoptr(GRand) rand = g_rand_new_with_seed (0xd0b1e);
  static const double edges[] = {
    1e-4, 0.00010000000000000002, 9.9999999999999991e-05, 1e15, 999999999999999.9,
    999999999999999.88, 99999999999999.99, 9999999999999999.0, 0.1, 0.2, 0.3,
    1.0 / 3.0, 2.0 / 3.0, 36.7, 69.2, 4503599627370495.5, 0.5, 0.25, 1024.5,
    123456789012345.6, 12345678901234.56, 1.5e-4, 5e-4,
  };

  for (guint i = 0; i < n + G_N_ELEMENTS (edges); i++)
    {
      char fast[BL_JSON_DOUBLE_BUF_SIZE], slow[BL_JSON_DOUBLE_BUF_SIZE];
      double d;

      if (i < G_N_ELEMENTS (edges))
        d = edges[i] * (i % 2 ? -1 : 1);
      else if (i % 2)
        d = random_double (rand);
      else
        d = decimal_double (rand);
      if (!isfinite (d))
        continue;

      bl_json_writer_format_double (d, fast);
      bl_json_writer_format_double_printf (d, slow);
      if (strcmp (fast, slow) != 0)
        g_error ("%.17g: written as %s, printf says %s", d, fast, slow);
    }
}

/* A stream writer's bytes are those of a string writer, whatever the
 * chunks; a failing stream is reported at the end. */
static void
test_stream (void)
{
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(BlJsonWriter) s = bl_json_writer_new (expected);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new_for_stream (memory, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) cancelled = g_memory_output_stream_new_resizable ();
  g_autoptr(BlJsonWriter) c = bl_json_writer_new_for_stream (cancelled, cancellable);

  /* a few MB: many chunks */
  for (guint pass = 0; pass < 2; pass++)
    {
      BlJsonWriter *x = pass == 0 ? s : w;

      bl_json_writer_begin_array (x);
      for (guint i = 0; i < 100000; i++)
        {
          bl_json_writer_begin_object (x);
          bl_json_writer_member (x, "n");
          bl_json_writer_int64 (x, i);
          bl_json_writer_member (x, "x");
          bl_json_writer_double (x, i / 7.0);
          bl_json_writer_member (x, "s");
          bl_json_writer_string (x, tricky_strings[i % 8]);
          bl_json_writer_end_object (x);
        }
      bl_json_writer_end_array (x);
    }
  g_assert_true (bl_json_writer_finish (s, &error));
  g_assert_true (bl_json_writer_finish (w, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (memory, NULL, NULL));
  g_assert_cmpuint (expected->len, >, 1024 * 1024);
  g_assert_cmpuint (bl_json_writer_get_bytes_written (w), ==, expected->len);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)), ==, expected->len);
  g_assert_true (memcmp (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                         expected->str, expected->len) == 0);

  /* cancelled: the writer goes on quietly and says so at the end */
  g_cancellable_cancel (cancellable);
  bl_json_writer_begin_array (c);
  for (guint i = 0; i < 100000; i++)
    bl_json_writer_string (c, "a long enough string to fill a chunk now and then");
  bl_json_writer_end_array (c);
  g_assert_false (bl_json_writer_finish (c, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (cancelled)), ==, 0);
}

static void
test_round_trip_strings (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);
  g_autoptr(BlJsonReader) r = NULL;
  g_autoptr(GError) error = NULL;
  static const char with_nul[] = "a\0\"\0b";

  bl_json_writer_begin_object (w);
  for (gsize k = 0; k < G_N_ELEMENTS (tricky_strings); k++)
    {
      bl_json_writer_member (w, tricky_strings[k]);
      bl_json_writer_string (w, tricky_strings[k]);
    }
  bl_json_writer_member (w, "nul");
  bl_json_writer_string_len (w, with_nul, sizeof with_nul - 1);
  bl_json_writer_end_object (w);

  r = bl_json_reader_new (out->str, out->len, "strings");
  g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_BEGIN_OBJECT);
  for (gsize k = 0; k < G_N_ELEMENTS (tricky_strings); k++)
    {
      gsize len;
      const char *s;

      g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_KEY);
      s = bl_json_reader_get_string (r, &len);
      g_assert_cmpmem (s, len, tricky_strings[k], strlen (tricky_strings[k]));
      g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_STRING);
      s = bl_json_reader_get_string (r, &len);
      g_assert_cmpmem (s, len, tricky_strings[k], strlen (tricky_strings[k]));
    }
  {
    gsize len;
    const char *s;

    g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_KEY);
    g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_STRING);
    s = bl_json_reader_get_string (r, &len);
    g_assert_cmpmem (s, len, with_nul, sizeof with_nul - 1);
  }
  g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_END_OBJECT);
  g_assert_cmpint (bl_json_reader_next (r, &error), ==, BL_JSON_TOKEN_END);
  g_assert_no_error (error);
}

static void
test_round_trip_int64 (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 values[1000];
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);
  g_autoptr(BlJsonReader) r = NULL;

  values[0] = G_MININT64;
  values[1] = G_MAXINT64;
  values[2] = 0;
  values[3] = -1;
  for (gsize i = 4; i < G_N_ELEMENTS (values); i++)
    values[i] = (gint64) (((guint64) g_rand_int (rand) << 32) | g_rand_int (rand)) >>
                g_rand_int_range (rand, 0, 63);

  bl_json_writer_begin_array (w);
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    bl_json_writer_int64 (w, values[i]);
  bl_json_writer_end_array (w);

  r = bl_json_reader_new (out->str, out->len, "ints");
  g_assert_cmpint (bl_json_reader_next (r, NULL), ==, BL_JSON_TOKEN_BEGIN_ARRAY);
  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      gint64 v;

      g_assert_cmpint (bl_json_reader_next (r, NULL), ==, BL_JSON_TOKEN_NUMBER);
      g_assert_true (bl_json_reader_get_int64 (r, &v));
      g_assert_cmpint (v, ==, values[i]);
    }
  g_assert_cmpint (bl_json_reader_next (r, NULL), ==, BL_JSON_TOKEN_END_ARRAY);
}

/* The same calls give the same bytes. */
static void
write_random_document (GString *out,
                       guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

  bl_json_writer_begin_array (w);
  for (guint i = 0; i < 500; i++)
    {
      bl_json_writer_begin_object (w);
      bl_json_writer_member (w, "d");
      bl_json_writer_double (w, random_double (rand));
      bl_json_writer_member (w, "i");
      bl_json_writer_int64 (w, g_rand_int (rand));
      bl_json_writer_member (w, "s");
      bl_json_writer_string (w, tricky_strings[g_rand_int_range (rand, 0, G_N_ELEMENTS (tricky_strings))]);
      bl_json_writer_end_object (w);
    }
  bl_json_writer_end_array (w);
}

static void
test_deterministic (void)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  g_autoptr(BlJsonReader) r = NULL;
  g_autoptr(GError) error = NULL;
  BlJsonToken token;

  write_random_document (a, 99);
  write_random_document (b, 99);
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->str, a->len, b->str, b->len);

  /* and the strict reader accepts it */
  r = bl_json_reader_new (a->str, a->len, "random");
  while ((token = bl_json_reader_next (r, &error)) != BL_JSON_TOKEN_END)
    {
      g_assert_no_error (error);
      g_assert_cmpint (token, !=, BL_JSON_TOKEN_ERROR);
    }
}

/* ---- misuse ------------------------------------------------------------ */

static void
misuse_non_finite (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

  bl_json_writer_double (w, INFINITY);
}

static void
misuse_value_without_member (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

  bl_json_writer_begin_object (w);
  bl_json_writer_int64 (w, 1);
}

static void
misuse_unbalanced (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

  bl_json_writer_begin_object (w);
  bl_json_writer_end_array (w);
}

static void
misuse_two_top_values (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

  bl_json_writer_null (w);
  bl_json_writer_null (w);
}

static void
misuse_invalid_utf8 (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

  bl_json_writer_string (w, "\xed\xa0\x80");
}

static void
misuse_member_in_array (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

  bl_json_writer_begin_array (w);
  bl_json_writer_member (w, "a");
}

static void
misuse_end_after_member (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);

  bl_json_writer_begin_object (w);
  bl_json_writer_member (w, "a");
  bl_json_writer_end_object (w);
}

static void
test_misuse (void)
{
  static const struct {
    const char *name;
    void (*func) (void);
    const char *stderr_pattern;
  } cases[] = {
    { "non-finite", misuse_non_finite, "*isfinite*" },
    { "value-without-member", misuse_value_without_member, "*value_allowed*" },
    { "unbalanced", misuse_unbalanced, "*in_container*" },
    { "two-top-values", misuse_two_top_values, "*value_allowed*" },
    { "invalid-utf8", misuse_invalid_utf8, "*validate*" },
    { "member-in-array", misuse_member_in_array, "*in_container*" },
    { "end-after-member", misuse_end_after_member, "*need_value*" },
  };

  if (g_test_subprocess ())
    {
      const char *which = g_getenv ("BL_TEST_MISUSE");

      for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
        if (g_strcmp0 (which, cases[k].name) == 0)
          cases[k].func ();
      return;
    }

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_test_message ("%s", cases[k].name);
      g_setenv ("BL_TEST_MISUSE", cases[k].name, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_failed ();
      g_test_trap_assert_stderr (cases[k].stderr_pattern);
    }
  g_unsetenv ("BL_TEST_MISUSE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-writer/layout", test_layout);
  g_test_add_func ("/json-writer/compact-and-scalars", test_compact_and_scalars);
  g_test_add_func ("/json-writer/escapes", test_escapes);
  g_test_add_func ("/json-writer/numbers", test_numbers);
  g_test_add_func ("/json-writer/round-trip-doubles", test_round_trip_doubles);
  g_test_add_func ("/json-writer/round-trip-strings", test_round_trip_strings);
  g_test_add_func ("/json-writer/doubles-as-printf", test_doubles_as_printf);
  g_test_add_func ("/json-writer/stream", test_stream);
  g_test_add_func ("/json-writer/round-trip-int64", test_round_trip_int64);
  g_test_add_func ("/json-writer/deterministic", test_deterministic);
  g_test_add_func ("/json-writer/misuse", test_misuse);

  return g_test_run ();
}
