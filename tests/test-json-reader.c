/* test-json-reader.c — tests of the strict streaming JSON reader
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks bl-json-reader.c against JSONTestSuite (from the shared corpus
 * folder, see find_corpus_dir()) and against tables of cases for each rule
 * of RFC 8259, positions, unescaping, number conversion, depth, a long
 * string and skipping. Not a benchmark (see tests/bench/).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-json-reader.h"

#define NO_ERROR (-1)

/* Pulls every token; returns the error (NULL if END was reached). Checks on
 * the way that strings are valid UTF-8 and that the reader cannot loop. */
static GError *
pull_all (const char *data,
          gsize       len,
          guint       max_depth,
          gsize      *n_tokens)
{
  g_autoptr(BlJsonReader) reader = bl_json_reader_new (data, len, "test.json");
  GError *error = NULL;
  gsize count = 0;

  if (max_depth > 0)
    bl_json_reader_set_max_depth (reader, max_depth);

  for (;;)
    {
      BlJsonToken token = bl_json_reader_next (reader, &error);
      gsize slen;
      const char *s;
      gint64 i;

      count++;
      g_assert_cmpuint (count, <=, len + 2);

      switch (token)
        {
        case BL_JSON_TOKEN_ERROR:
          g_assert_nonnull (error);
          /* failed readers stay failed, with the same message */
          {
            g_autoptr(GError) again = NULL;

            g_assert_cmpint (bl_json_reader_next (reader, &again), ==,
                             BL_JSON_TOKEN_ERROR);
            g_assert_nonnull (again);
            g_assert_cmpstr (again->message, ==, error->message);
          }
          if (n_tokens != NULL)
            *n_tokens = count;
          return error;
        case BL_JSON_TOKEN_END:
          g_assert_null (error);
          g_assert_cmpint (bl_json_reader_next (reader, NULL), ==,
                           BL_JSON_TOKEN_END);
          g_assert_cmpuint (bl_json_reader_get_depth (reader), ==, 0);
          if (n_tokens != NULL)
            *n_tokens = count;
          return NULL;
        case BL_JSON_TOKEN_KEY:
        case BL_JSON_TOKEN_STRING:
          s = bl_json_reader_get_string (reader, &slen);
          g_assert_nonnull (s);
          g_assert_cmpint (s[slen], ==, '\0');
          for (gsize k = 0; k < slen; k += strlen (s + k) + 1)
            g_assert_true (g_utf8_validate (s + k, -1, NULL));
          break;
        case BL_JSON_TOKEN_NUMBER:
          (void) bl_json_reader_get_double (reader);
          (void) bl_json_reader_get_int64 (reader, &i);
          s = bl_json_reader_get_number_text (reader, &slen);
          g_assert_cmpuint (strlen (s), ==, slen);
          break;
        case BL_JSON_TOKEN_BEGIN_OBJECT:
        case BL_JSON_TOKEN_END_OBJECT:
        case BL_JSON_TOKEN_BEGIN_ARRAY:
        case BL_JSON_TOKEN_END_ARRAY:
        case BL_JSON_TOKEN_TRUE:
        case BL_JSON_TOKEN_FALSE:
        case BL_JSON_TOKEN_NULL:
        default:
          break;
        }
    }
}

static void
assert_error_format (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == BL_ERROR);
  if (!g_regex_match_simple ("^.+:[0-9]+:[0-9]+: .+$", error->message, 0, 0))
    g_error ("bad message format: %s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* ---- JSONTestSuite ------------------------------------------------------- */

static gboolean
is_corpus_dir (const char *dir)
{
  g_autofree char *suite = g_build_filename (dir, "jsontestsuite", NULL);

  return g_file_test (suite, G_FILE_TEST_IS_DIR);
}

/* $BL_CORPUS_DIR (set by meson), else ../../shared/corpus from this source
 * file, else from the test's dist dir; NULL if none exists. */
static char *
find_corpus_dir (void)
{
  const char *env = g_getenv ("BL_CORPUS_DIR");
  g_autofree char *src_dir = NULL;
  g_autofree char *from_src = NULL;
  g_autofree char *from_dist = NULL;

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  src_dir = g_path_get_dirname (__FILE__);
  from_src = g_build_filename (src_dir, "..", "..", "shared", "corpus", NULL);
  if (is_corpus_dir (from_src))
    return g_steal_pointer (&from_src);

  from_dist = g_build_filename (g_test_get_dir (G_TEST_DIST),
                                "..", "..", "shared", "corpus", NULL);
  if (is_corpus_dir (from_dist))
    return g_steal_pointer (&from_dist);

  return NULL;
}

static char *
get_suite_dir_or_skip (void)
{
  g_autofree char *corpus = find_corpus_dir ();
  g_autofree char *suite = NULL;

  if (corpus != NULL)
    suite = g_build_filename (corpus, "jsontestsuite", NULL);

  if (suite == NULL || !g_file_test (suite, G_FILE_TEST_IS_DIR))
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("JSONTestSuite corpus not found (CI=true; BL_CORPUS_DIR is %s)",
                 g_getenv ("BL_CORPUS_DIR") != NULL ? g_getenv ("BL_CORPUS_DIR") : "unset");
      g_test_skip ("JSONTestSuite corpus not found: set BL_CORPUS_DIR to "
                   "the shared corpus folder");
      return NULL;
    }

  return g_steal_pointer (&suite);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
test_corpus (void)
{
  g_autofree char *suite = get_suite_dir_or_skip ();
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_y = 0, n_n = 0, n_i = 0, n_i_accepted = 0;

  if (suite == NULL)
    return;

  dir = g_dir_open (suite, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint k = 0; k < names->len; k++)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GError) pull_error = NULL;
      gsize len;

      name = names->pdata[k];
      path = g_build_filename (suite, name, NULL);
      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);

      g_test_message ("%s", name);
      pull_error = pull_all (contents, len, 0, NULL);

      switch (name[0])
        {
        case 'y':
          n_y++;
          if (pull_error != NULL)
            g_error ("%s rejected: %s", name, pull_error->message);
          break;
        case 'n':
          n_n++;
          if (pull_error == NULL)
            g_error ("%s accepted", name);
          assert_error_format (pull_error);
          break;
        case 'i':
          n_i++;
          if (pull_error != NULL)
            assert_error_format (pull_error);
          else
            n_i_accepted++;
          break;
        default:
          g_assert_not_reached ();
        }

      /* the same through skip(): valid documents skip to END */
      if (name[0] == 'y')
        {
          g_autoptr(BlJsonReader) reader = bl_json_reader_new (contents, len, name);
          g_autoptr(GError) skip_error = NULL;

          g_assert_cmpint (bl_json_reader_next (reader, &skip_error), !=,
                           BL_JSON_TOKEN_ERROR);
          g_assert_true (bl_json_reader_skip (reader, &skip_error));
          g_assert_cmpint (bl_json_reader_next (reader, &skip_error), ==,
                           BL_JSON_TOKEN_END);
          g_assert_no_error (skip_error);
        }
    }

  g_test_message ("y: %u, n: %u, i: %u (%u accepted)", n_y, n_n, n_i, n_i_accepted);
  g_assert_cmpuint (n_y, >, 50);
  g_assert_cmpuint (n_n, >, 100);
}

/* ---- table of documents: accepted or rejected where -------------------- */

typedef struct {
  const char *input;
  gssize      len;        /* -1: strlen (input) */
  int         code;       /* NO_ERROR, or a BlError */
  guint       line;       /* of the error, 0: not checked */
  gsize       column;
  const char *message;    /* part of the message, NULL: not checked */
} DocCase;

static const DocCase doc_cases[] = {
  /* accepted */
  { "0", -1, NO_ERROR, 0, 0, NULL },
  { "-0", -1, NO_ERROR, 0, 0, NULL },
  { "-0.0e-0", -1, NO_ERROR, 0, 0, NULL },
  { "1E+2", -1, NO_ERROR, 0, 0, NULL },
  { "123.456e-789", -1, NO_ERROR, 0, 0, NULL },
  { " \t\r\n[ ] \n", -1, NO_ERROR, 0, 0, NULL },
  { "{}", -1, NO_ERROR, 0, 0, NULL },
  { "[[],{},[{}]]", -1, NO_ERROR, 0, 0, NULL },
  { "{\"\":0,\"a\":{\"b\":[true,false,null]}}", -1, NO_ERROR, 0, 0, NULL },
  { "\"\"", -1, NO_ERROR, 0, 0, NULL },
  { "\"\\u0000\"", -1, NO_ERROR, 0, 0, NULL },
  { "\"\\/\\b\\f\\n\\r\\t\\\\\\\"\"", -1, NO_ERROR, 0, 0, NULL },
  { "\"\xf4\x8f\xbf\xbf \xed\x9f\xbf \xee\x80\x80 \xc2\x80\"", -1, NO_ERROR, 0, 0, NULL },
  { "\"\x7f\"", -1, NO_ERROR, 0, 0, NULL },
  { "null", -1, NO_ERROR, 0, 0, NULL },

  /* empty */
  { "", -1, BL_ERROR_SYNTAX, 1, 1, "empty document" },
  { "  \n\t ", -1, BL_ERROR_SYNTAX, 2, 3, "empty document" },

  /* comments, quotes, commas */
  { "// c\n1", -1, BL_ERROR_SYNTAX, 1, 1, "comments" },
  { "/* c */ 1", -1, BL_ERROR_SYNTAX, 1, 1, "comments" },
  { "[1 /* c */]", -1, BL_ERROR_SYNTAX, 1, 4, "expected ',' or ']'" },
  { "[1, /* c */ 2]", -1, BL_ERROR_SYNTAX, 1, 5, "comments" },
  { "{/* c */}", -1, BL_ERROR_SYNTAX, 1, 2, "comments" },
  { "'a'", -1, BL_ERROR_SYNTAX, 1, 1, "single quotes" },
  { "{'a':1}", -1, BL_ERROR_SYNTAX, 1, 2, "single quotes" },
  { "[1,]", -1, BL_ERROR_SYNTAX, 1, 4, "trailing comma" },
  { "{\"a\":1,}", -1, BL_ERROR_SYNTAX, 1, 8, "trailing comma" },
  { "[,1]", -1, BL_ERROR_SYNTAX, 1, 2, "expected a value" },
  { "[1,,2]", -1, BL_ERROR_SYNTAX, 1, 4, "expected a value" },
  { "{,}", -1, BL_ERROR_SYNTAX, 1, 2, "member name" },
  { "[1 2]", -1, BL_ERROR_SYNTAX, 1, 4, "expected ',' or ']' after array element" },
  { "{\"a\" 1}", -1, BL_ERROR_SYNTAX, 1, 6, "expected ':'" },
  { "{\"a\":1 \"b\":2}", -1, BL_ERROR_SYNTAX, 1, 8, "expected ',' or '}' after object member" },
  { "{1:2}", -1, BL_ERROR_SYNTAX, 1, 2, "member name" },
  { "{\"a\":}", -1, BL_ERROR_SYNTAX, 1, 6, "expected a value" },
  { "[}", -1, BL_ERROR_SYNTAX, 1, 2, "expected a value" },
  { "{]", -1, BL_ERROR_SYNTAX, 1, 2, "member name" },
  { "{\n  \"a\": 1\n  \"b\": 2\n}", -1, BL_ERROR_SYNTAX, 3, 3,
    "expected ',' or '}' after object member" },
  { "[1,\n  2,,3]", -1, BL_ERROR_SYNTAX, 2, 5, "expected a value" },

  /* numbers */
  { "01", -1, BL_ERROR_SYNTAX, 1, 1, "leading zeros" },
  { "-01", -1, BL_ERROR_SYNTAX, 1, 1, "leading zeros" },
  { "[00]", -1, BL_ERROR_SYNTAX, 1, 2, "leading zeros" },
  { "2.", -1, BL_ERROR_SYNTAX, 1, 3, "after '.'" },
  { "2.e3", -1, BL_ERROR_SYNTAX, 1, 3, "after '.'" },
  { ".5", -1, BL_ERROR_SYNTAX, 1, 1, "must start with a digit" },
  { "+1", -1, BL_ERROR_SYNTAX, 1, 1, "'+'" },
  { "-", -1, BL_ERROR_SYNTAX, 1, 1, "after '-'" },
  { "- 1", -1, BL_ERROR_SYNTAX, 1, 1, "after '-'" },
  { "0x1F", -1, BL_ERROR_SYNTAX, 1, 1, "invalid number" },
  { "1.5.3", -1, BL_ERROR_SYNTAX, 1, 1, "invalid number" },
  { "1e", -1, BL_ERROR_SYNTAX, 1, 3, "exponent" },
  { "1e+", -1, BL_ERROR_SYNTAX, 1, 4, "exponent" },
  { "[1E-]", -1, BL_ERROR_SYNTAX, 1, 5, "exponent" },
  { "1a", -1, BL_ERROR_SYNTAX, 1, 1, "invalid number" },
  { "1-2", -1, BL_ERROR_SYNTAX, 1, 1, "invalid number" },
  { "NaN", -1, BL_ERROR_SYNTAX, 1, 1, "NaN and Infinity" },
  { "[Infinity]", -1, BL_ERROR_SYNTAX, 1, 2, "NaN and Infinity" },
  { "-Infinity", -1, BL_ERROR_SYNTAX, 1, 1, "after '-'" },
  { "nan", -1, BL_ERROR_SYNTAX, 1, 1, "expected 'null'" },

  /* literals */
  { "tru", -1, BL_ERROR_SYNTAX, 1, 1, "expected 'true'" },
  { "truex", -1, BL_ERROR_SYNTAX, 1, 1, "expected 'true'" },
  { "[True]", -1, BL_ERROR_SYNTAX, 1, 2, "expected a value, found 'T'" },
  { "nul", -1, BL_ERROR_SYNTAX, 1, 1, "expected 'null'" },
  { "fals", -1, BL_ERROR_SYNTAX, 1, 1, "expected 'false'" },

  /* strings */
  { "\"abc", -1, BL_ERROR_SYNTAX, 1, 1, "unterminated string" },
  { "[\"abc\\", -1, BL_ERROR_SYNTAX, 1, 2, "unterminated string" },
  { "\"a\tb\"", -1, BL_ERROR_SYNTAX, 1, 3, "control character U+0009" },
  { "\"a\nb\"", -1, BL_ERROR_SYNTAX, 1, 3, "control character U+000A" },
  { "\"\\x41\"", -1, BL_ERROR_SYNTAX, 1, 2, "invalid escape" },
  { "\"\\'\"", -1, BL_ERROR_SYNTAX, 1, 2, "invalid escape" },
  { "\"\\U0041\"", -1, BL_ERROR_SYNTAX, 1, 2, "invalid escape" },
  { "\"\\u12G4\"", -1, BL_ERROR_SYNTAX, 1, 2, "4 hexadecimal digits" },
  { "\"\\u12\"", -1, BL_ERROR_SYNTAX, 1, 2, "4 hexadecimal digits" },

  /* surrogate escapes */
  { "\"\\ud800\"", -1, BL_ERROR_ENCODING, 1, 2, "unpaired surrogate" },
  { "\"\\udc00\"", -1, BL_ERROR_ENCODING, 1, 2, "unpaired surrogate" },
  { "\"ab\\uDBFF\"", -1, BL_ERROR_ENCODING, 1, 4, "unpaired surrogate" },
  { "\"\\ud800\\u0041\"", -1, BL_ERROR_ENCODING, 1, 2, "unpaired surrogate" },
  { "\"\\ud800\\ud800\"", -1, BL_ERROR_ENCODING, 1, 2, "unpaired surrogate" },
  { "\"\\ud800x\"", -1, BL_ERROR_ENCODING, 1, 2, "unpaired surrogate" },
  { "\"\\udc00\\ud800\"", -1, BL_ERROR_ENCODING, 1, 2, "unpaired surrogate" },
  { "{\"\\udfff\":1}", -1, BL_ERROR_ENCODING, 1, 3, "unpaired surrogate" },

  /* raw UTF-8 */
  { "\"\xc0\xaf\"", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\xc1\xbf\"", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\xe0\x80\xaf\"", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\xf0\x80\x80\xaf\"", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\xed\xa0\x80\"", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\xed\xbf\xbf\"", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\xf4\x90\x80\x80\"", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\xf5\x80\x80\x80\"", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\xff\"", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\x80\"", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"ab\xe2\x82\"", -1, BL_ERROR_ENCODING, 1, 4, "invalid UTF-8" },
  { "\"\xe2\x82", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\xf0\x9f\x98", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "\"\xc3", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "[1,\n\"\xfc\x80\x80\x80\x80\x80\"]", -1, BL_ERROR_ENCODING, 2, 2, "invalid UTF-8" },
  { "[\xe9]", -1, BL_ERROR_ENCODING, 1, 2, "invalid UTF-8" },
  { "[\xc3\xa9]", -1, BL_ERROR_SYNTAX, 1, 2, "found '\xc3\xa9'" },

  /* BOM, NUL, encodings */
  { "\xef\xbb\xbf{}", -1, BL_ERROR_ENCODING, 1, 1, "byte order mark" },
  { "\xef\xbb\xbf", -1, BL_ERROR_ENCODING, 1, 1, "byte order mark" },
  { "\xff\xfe[\0]\0", 6, BL_ERROR_ENCODING, 1, 1, "UTF-16" },
  { "[\0]\0", 4, BL_ERROR_ENCODING, 1, 2, "UTF-16" },
  { "[1,\0 2]", 7, BL_ERROR_SYNTAX, 1, 4, "NUL byte" },
  { "\"a\0b\"", 5, BL_ERROR_SYNTAX, 1, 3, "NUL byte" },
  { "1\0", 2, BL_ERROR_ENCODING, 1, 2, "UTF-16" },
  { "[1] \0", 5, BL_ERROR_SYNTAX, 1, 5, "NUL byte" },

  /* trailing garbage, unclosed */
  { "1 2", -1, BL_ERROR_SYNTAX, 1, 3, "after the top-level value" },
  { "{} x", -1, BL_ERROR_SYNTAX, 1, 4, "after the top-level value" },
  { "[]]", -1, BL_ERROR_SYNTAX, 1, 3, "after the top-level value" },
  { "{}{}", -1, BL_ERROR_SYNTAX, 1, 3, "after the top-level value" },
  { "\"a\"\"b\"", -1, BL_ERROR_SYNTAX, 1, 4, "after the top-level value" },
  { "[", -1, BL_ERROR_SYNTAX, 1, 2, "end of input" },
  { "{", -1, BL_ERROR_SYNTAX, 1, 2, "end of input" },
  { "[1", -1, BL_ERROR_SYNTAX, 1, 3, "end of input" },
  { "[1,", -1, BL_ERROR_SYNTAX, 1, 4, "end of input" },
  { "{\"a\"", -1, BL_ERROR_SYNTAX, 1, 5, "end of input" },
  { "{\"a\":", -1, BL_ERROR_SYNTAX, 1, 6, "end of input" },
  { "{\"a\":1", -1, BL_ERROR_SYNTAX, 1, 7, "end of input" },
  { "]", -1, BL_ERROR_SYNTAX, 1, 1, "expected a value" },
};

static void
test_documents (void)
{
  for (gsize k = 0; k < G_N_ELEMENTS (doc_cases); k++)
    {
      const DocCase *c = &doc_cases[k];
      gsize len = c->len < 0 ? strlen (c->input) : (gsize) c->len;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected_pos = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", k, c->input);
      error = pull_all (c->input, len, 0, NULL);

      if (c->code == NO_ERROR)
        {
          if (error != NULL)
            g_error ("case %" G_GSIZE_FORMAT " rejected: %s", k, error->message);
          continue;
        }

      if (error == NULL)
        g_error ("case %" G_GSIZE_FORMAT " (%s) accepted", k, c->input);
      assert_error_format (error);
      if (!g_error_matches (error, BL_ERROR, c->code))
        g_error ("case %" G_GSIZE_FORMAT ": code %d, expected %d: %s",
                 k, error->code, c->code, error->message);

      expected_pos = g_strdup_printf ("test.json:%u:%" G_GSIZE_FORMAT ": ",
                                      c->line, c->column);
      if (!g_str_has_prefix (error->message, expected_pos))
        g_error ("case %" G_GSIZE_FORMAT ": '%s' does not start with '%s'",
                 k, error->message, expected_pos);
      if (c->message != NULL && strstr (error->message, c->message) == NULL)
        g_error ("case %" G_GSIZE_FORMAT ": '%s' does not contain '%s'",
                 k, error->message, c->message);
    }
}

/* ---- tokens, positions ------------------------------------------------- */

static void
test_tokens_and_positions (void)
{
  /* columns are bytes: "é" is 2 bytes */
  static const char doc[] =
    "{\n"
    "  \"id\": \"c1\",\n"
    "  \"n\": [1, -2.5e3, true, false, null],\r\n"
    "\t\"\xc3\xa9\": {}, \"x\": \"\xc3\xa9\"\n"
    "}\n";
  static const struct {
    BlJsonToken token;
    guint line;
    gsize column;
    guint depth;
    const char *text;
  } expected[] = {
    { BL_JSON_TOKEN_BEGIN_OBJECT, 1, 1, 1, NULL },
    { BL_JSON_TOKEN_KEY, 2, 3, 1, "id" },
    { BL_JSON_TOKEN_STRING, 2, 9, 1, "c1" },
    { BL_JSON_TOKEN_KEY, 3, 3, 1, "n" },
    { BL_JSON_TOKEN_BEGIN_ARRAY, 3, 8, 2, NULL },
    { BL_JSON_TOKEN_NUMBER, 3, 9, 2, "1" },
    { BL_JSON_TOKEN_NUMBER, 3, 12, 2, "-2.5e3" },
    { BL_JSON_TOKEN_TRUE, 3, 20, 2, NULL },
    { BL_JSON_TOKEN_FALSE, 3, 26, 2, NULL },
    { BL_JSON_TOKEN_NULL, 3, 33, 2, NULL },
    { BL_JSON_TOKEN_END_ARRAY, 3, 37, 1, NULL },
    { BL_JSON_TOKEN_KEY, 4, 2, 1, "\xc3\xa9" },
    { BL_JSON_TOKEN_BEGIN_OBJECT, 4, 8, 2, NULL },
    { BL_JSON_TOKEN_END_OBJECT, 4, 9, 1, NULL },
    { BL_JSON_TOKEN_KEY, 4, 12, 1, "x" },
    { BL_JSON_TOKEN_STRING, 4, 17, 1, "\xc3\xa9" },
    { BL_JSON_TOKEN_END_OBJECT, 5, 1, 0, NULL },
    { BL_JSON_TOKEN_END, 6, 1, 0, NULL },
  };
  g_autoptr(BlJsonReader) reader = bl_json_reader_new (doc, strlen (doc), "p.json");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (bl_json_reader_get_filename (reader), ==, "p.json");

  for (gsize k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      BlJsonToken token = bl_json_reader_next (reader, &error);

      g_assert_no_error (error);
      g_test_message ("token %" G_GSIZE_FORMAT, k);
      g_assert_cmpint (token, ==, expected[k].token);
      g_assert_cmpint (bl_json_reader_get_token (reader), ==, token);
      g_assert_cmpuint (bl_json_reader_get_line (reader), ==, expected[k].line);
      g_assert_cmpuint (bl_json_reader_get_column (reader), ==, expected[k].column);
      g_assert_cmpuint (bl_json_reader_get_depth (reader), ==, expected[k].depth);
      if (token == BL_JSON_TOKEN_KEY || token == BL_JSON_TOKEN_STRING)
        g_assert_cmpstr (bl_json_reader_get_string (reader, NULL), ==, expected[k].text);
      else if (token == BL_JSON_TOKEN_NUMBER)
        g_assert_cmpstr (bl_json_reader_get_number_text (reader, NULL), ==, expected[k].text);
    }

  /* the caller's own errors carry the token's position */
  bl_json_reader_set_error (reader, &error, BL_ERROR_INVALID, "wrong %s", "thing");
  g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "p.json:6:1: wrong thing");
  g_clear_error (&error);
  bl_json_reader_set_error (reader, NULL, BL_ERROR_INVALID, "ignored");

  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_END);
  g_assert_no_error (error);
}

static void
test_no_filename (void)
{
  g_autoptr(BlJsonReader) reader = bl_json_reader_new ("[x]", 3, NULL);
  g_autoptr(BlJsonReader) bad_name = bl_json_reader_new ("[x]", 3, "a\xff.json");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "<input>:1:2: "));
  g_clear_error (&error);

  g_assert_true (g_utf8_validate (bl_json_reader_get_filename (bad_name), -1, NULL));
}

/* ---- strings ----------------------------------------------------------- */

static void
test_unescape (void)
{
  static const struct {
    const char *input;
    const char *expected;
    gsize expected_len;
  } cases[] = {
    { "\"\"", "", 0 },
    { "\"plain\"", "plain", 5 },
    { "\"a\\\"b\"", "a\"b", 3 },
    { "\"\\\\\\/\\b\\f\\n\\r\\t\"", "\\/\b\f\n\r\t", 7 },
    { "\"\\u0041\\u00e9\\u00E9\"", "A\xc3\xa9\xc3\xa9", 5 },
    { "\"\\u07ff\\u0800\"", "\xdf\xbf\xe0\xa0\x80", 5 },
    { "\"\\u20AC\"", "\xe2\x82\xac", 3 },
    { "\"\\uFFFF\"", "\xef\xbf\xbf", 3 },
    { "\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80", 4 },
    { "\"\\uD834\\uDD1E\"", "\xf0\x9d\x84\x9e", 4 },
    { "\"\\ud800\\udc00\"", "\xf0\x90\x80\x80", 4 },
    { "\"\\uDBFF\\uDFFF\"", "\xf4\x8f\xbf\xbf", 4 },
    { "\"\\u0000\"", "\0", 1 },
    { "\"a\\u0000b\"", "a\0b", 3 },
    { "\"Kunduz \xe2\x80\x93 \xd0\x9a\xd1\x83\xd0\xbd\xd0\xb4\xd1\x83\xd0\xb7 \xe2\x80\x93 \xda\xa9\xd9\x86\xd8\xaf\xd8\xb2\"",
      "Kunduz \xe2\x80\x93 \xd0\x9a\xd1\x83\xd0\xbd\xd0\xb4\xd1\x83\xd0\xb7 \xe2\x80\x93 \xda\xa9\xd9\x86\xd8\xaf\xd8\xb2", 36 },
    { "\"0123456789abcdef\\n0123456789abcdef\"", "0123456789abcdef\n0123456789abcdef", 33 },
    { "\"\xf0\x9f\x98\x80\\u00e9x\"", "\xf0\x9f\x98\x80\xc3\xa9x", 7 },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(BlJsonReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      const char *s;
      gsize len = 0;

      reader = bl_json_reader_new (cases[k].input, strlen (cases[k].input), "s");
      g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_STRING);
      g_assert_no_error (error);
      s = bl_json_reader_get_string (reader, &len);
      g_assert_cmpmem (s, len, cases[k].expected, cases[k].expected_len);
      g_assert_cmpint (s[len], ==, '\0');
      g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_END);
    }
}

/* A 64 MiB string, with escapes and non-ASCII spread through it. */
static void
test_long_string (void)
{
  const gsize n = 64 * 1024 * 1024;
  g_autofree char *doc = g_malloc (n + 16);
  g_autoptr(BlJsonReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char *s;
  gsize len = 0, expected_len;
  gsize p = 0;

  doc[p++] = '[';
  doc[p++] = '"';
  memset (doc + p, 'a', n);
  /* every MiB: "\n" (2 bytes -> 1) and "é" (2 bytes -> 2) */
  for (gsize off = 1024 * 1024; off + 4 < n; off += 1024 * 1024)
    {
      memcpy (doc + p + off, "\\n", 2);
      memcpy (doc + p + off + 2, "\xc3\xa9", 2);
    }
  p += n;
  doc[p++] = '"';
  doc[p++] = ']';
  expected_len = n - (n / (1024 * 1024) - 1);

  reader = bl_json_reader_new (doc, p, "long");
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_STRING);
  g_assert_no_error (error);
  s = bl_json_reader_get_string (reader, &len);
  g_assert_cmpuint (len, ==, expected_len);
  g_assert_cmpint (s[0], ==, 'a');
  g_assert_cmpint (s[1024 * 1024], ==, '\n');
  g_assert_cmpmem (s + 1024 * 1024 + 1, 2, "\xc3\xa9", 2);
  g_assert_cmpint (s[len - 1], ==, 'a');
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_END_ARRAY);
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_END);
  g_assert_no_error (error);
}

/* ---- numbers ----------------------------------------------------------- */

static void
test_int64 (void)
{
  static const struct {
    const char *input;
    gboolean ok;
    gint64 value;
  } cases[] = {
    { "0", TRUE, 0 },
    { "-0", TRUE, 0 },
    { "42", TRUE, 42 },
    { "-42", TRUE, -42 },
    { "999999999999999999", TRUE, G_GINT64_CONSTANT (999999999999999999) },
    { "9223372036854775807", TRUE, G_MAXINT64 },
    { "9223372036854775808", FALSE, 0 },
    { "-9223372036854775808", TRUE, G_MININT64 },
    { "-9223372036854775809", FALSE, 0 },
    { "18446744073709551616", FALSE, 0 },
    { "100000000000000000000000000000", FALSE, 0 },
    { "00000", FALSE, 0 },  /* not JSON: rejected by the reader below */
    { "1.0", TRUE, 1 },
    { "1.5", FALSE, 0 },
    { "1e2", TRUE, 100 },
    { "1E+2", TRUE, 100 },
    { "12.34e2", TRUE, 1234 },
    { "12.345e2", FALSE, 0 },
    { "10e-1", TRUE, 1 },
    { "1e-1", FALSE, 0 },
    { "0e999999999999999999999", TRUE, 0 },
    { "0.000e-5", TRUE, 0 },
    { "1e18", TRUE, G_GINT64_CONSTANT (1000000000000000000) },
    { "1e19", FALSE, 0 },
    { "1e999999999999999999999", FALSE, 0 },
    { "1e-999999999999999999999", FALSE, 0 },
    { "9.223372036854775807e18", TRUE, G_MAXINT64 },
    { "9.223372036854775808e18", FALSE, 0 },
    { "-9.223372036854775808e18", TRUE, G_MININT64 },
    { "92233720368547758070e-1", TRUE, G_MAXINT64 },
    { "0.1e1", TRUE, 1 },
    { "6000.000", TRUE, 6000 },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(BlJsonReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      BlJsonToken token;
      gint64 value = -1;

      g_test_message ("%s", cases[k].input);
      reader = bl_json_reader_new (cases[k].input, strlen (cases[k].input), "i");
      token = bl_json_reader_next (reader, &error);
      if (strcmp (cases[k].input, "00000") == 0)
        {
          g_assert_error (error, BL_ERROR, BL_ERROR_SYNTAX);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (token, ==, BL_JSON_TOKEN_NUMBER);
      g_assert_cmpint (bl_json_reader_get_int64 (reader, &value), ==, cases[k].ok);
      if (cases[k].ok)
        g_assert_cmpint (value, ==, cases[k].value);
    }
}

static void
test_double (void)
{
  static const struct {
    const char *input;
    double value;
  } cases[] = {
    { "0", 0.0 },
    { "1", 1.0 },
    { "-2.5", -2.5 },
    { "0.1", 0.1 },
    { "1e3", 1000.0 },
    { "123456789012345", 123456789012345.0 },
    { "1234567890123456789", 1234567890123456789.0 },
    { "1.7976931348623157e308", 1.7976931348623157e308 },
    { "5e-324", 5e-324 },
    { "1e-999", 0.0 },
    { "69.5375", 69.5375 },
  };
  const char *infinite[] = { "1e999", "-1e999", "1.8e308",
                             "123456789012345678901234567890e300" };

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(BlJsonReader) reader = NULL;

      reader = bl_json_reader_new (cases[k].input, strlen (cases[k].input), "d");
      g_assert_cmpint (bl_json_reader_next (reader, NULL), ==, BL_JSON_TOKEN_NUMBER);
      g_assert_cmpfloat (bl_json_reader_get_double (reader), ==, cases[k].value);
    }

  for (gsize k = 0; k < G_N_ELEMENTS (infinite); k++)
    {
      g_autoptr(BlJsonReader) reader = NULL;
      double v;

      reader = bl_json_reader_new (infinite[k], strlen (infinite[k]), "d");
      g_assert_cmpint (bl_json_reader_next (reader, NULL), ==, BL_JSON_TOKEN_NUMBER);
      v = bl_json_reader_get_double (reader);
      g_assert_true (isinf (v));
      g_assert_cmpint (!!signbit (v), ==, infinite[k][0] == '-');
    }

  /* the sign of zero is kept */
  {
    g_autoptr(BlJsonReader) reader = bl_json_reader_new ("-0.0", 4, "d");

    g_assert_cmpint (bl_json_reader_next (reader, NULL), ==, BL_JSON_TOKEN_NUMBER);
    g_assert_true (signbit (bl_json_reader_get_double (reader)));
  }
}

/* ---- depth ------------------------------------------------------------- */

static char *
make_nested (gsize depth,
             gboolean close,
             gsize *len)
{
  char *doc = g_malloc (2 * depth + 1);

  memset (doc, '[', depth);
  if (close)
    memset (doc + depth, ']', depth);
  *len = close ? 2 * depth : depth;
  doc[*len] = '\0';

  return doc;
}

static void
test_deep_nesting (void)
{
  const gsize depth = 100000;
  gsize len;
  g_autofree char *doc = make_nested (depth, TRUE, &len);
  g_autofree char *open_only = NULL;
  g_autoptr(GString) obj = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gsize n_tokens = 0;

  /* default limit: 512 open arrays are fine, the 513th is too many */
  error = pull_all (doc, len, 0, NULL);
  g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "test.json:1:513: "));
  g_clear_error (&error);

  {
    g_autofree char *d512 = make_nested (512, TRUE, &len);

    error = pull_all (d512, len, 0, NULL);
    g_assert_no_error (error);
  }

  /* with the limit raised, 100,000 levels read without recursion */
  error = pull_all (doc, 2 * depth, depth, &n_tokens);
  g_assert_no_error (error);
  g_assert_cmpuint (n_tokens, ==, 2 * depth + 1);

  error = pull_all (doc, 2 * depth, depth - 1, NULL);
  g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
  g_clear_error (&error);

  open_only = make_nested (depth, FALSE, &len);
  error = pull_all (open_only, len, depth, NULL);
  g_assert_error (error, BL_ERROR, BL_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "end of input"));
  g_clear_error (&error);

  /* objects count as levels too */
  for (gsize k = 0; k < 1000; k++)
    g_string_append (obj, "{\"a\":");
  g_string_append (obj, "1");
  for (gsize k = 0; k < 1000; k++)
    g_string_append_c (obj, '}');
  error = pull_all (obj->str, obj->len, 0, NULL);
  g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
  g_clear_error (&error);
  error = pull_all (obj->str, obj->len, 1000, NULL);
  g_assert_no_error (error);

  /* skip() is iterative too */
  {
    g_autoptr(BlJsonReader) reader = bl_json_reader_new (doc, 2 * depth, "deep");

    bl_json_reader_set_max_depth (reader, depth);
    g_assert_cmpint (bl_json_reader_next (reader, NULL), ==, BL_JSON_TOKEN_BEGIN_ARRAY);
    g_assert_true (bl_json_reader_skip (reader, &error));
    g_assert_no_error (error);
    g_assert_cmpint (bl_json_reader_next (reader, NULL), ==, BL_JSON_TOKEN_END);
  }
}

/* ---- skip -------------------------------------------------------------- */

static void
test_skip (void)
{
  static const char doc[] =
    "{\"a\": [1, {\"b\": [\"x\\n\", {}]}], \"c\": 3, \"d\": \"text\", "
    "\"e\": {\"f\": null}, \"g\": [true]}";
  g_autoptr(BlJsonReader) reader = bl_json_reader_new (doc, strlen (doc), "skip");
  g_autoptr(GError) error = NULL;
  gint64 v;

  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_BEGIN_OBJECT);

  /* skip after KEY skips the member's value */
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_KEY);
  g_assert_cmpstr (bl_json_reader_get_string (reader, NULL), ==, "a");
  g_assert_true (bl_json_reader_skip (reader, &error));
  g_assert_cmpint (bl_json_reader_get_token (reader), ==, BL_JSON_TOKEN_END_ARRAY);
  g_assert_cmpuint (bl_json_reader_get_depth (reader), ==, 1);

  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_KEY);
  g_assert_cmpstr (bl_json_reader_get_string (reader, NULL), ==, "c");
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_NUMBER);
  g_assert_true (bl_json_reader_get_int64 (reader, &v));
  g_assert_cmpint (v, ==, 3);
  g_assert_true (bl_json_reader_skip (reader, &error)); /* scalar: no-op */
  g_assert_cmpint (bl_json_reader_get_token (reader), ==, BL_JSON_TOKEN_NUMBER);

  /* a scalar member value skipped via its KEY stays readable */
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_KEY);
  g_assert_true (bl_json_reader_skip (reader, &error));
  g_assert_cmpint (bl_json_reader_get_token (reader), ==, BL_JSON_TOKEN_STRING);
  g_assert_cmpstr (bl_json_reader_get_string (reader, NULL), ==, "text");

  /* skip after BEGIN_OBJECT */
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_KEY);
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_BEGIN_OBJECT);
  g_assert_true (bl_json_reader_skip (reader, &error));
  g_assert_cmpint (bl_json_reader_get_token (reader), ==, BL_JSON_TOKEN_END_OBJECT);

  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_KEY);
  g_assert_cmpstr (bl_json_reader_get_string (reader, NULL), ==, "g");
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_BEGIN_ARRAY);
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_TRUE);
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_END_ARRAY);
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_END_OBJECT);
  g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_END);
  g_assert_no_error (error);
}

static void
test_skip_errors (void)
{
  static const struct {
    const char *input;
    int code;
    const char *prefix;
  } cases[] = {
    { "[1,{\"a\":tru}]", BL_ERROR_SYNTAX, "e:1:9: " },
    { "[[\"\\ud800\"]]", BL_ERROR_ENCODING, "e:1:4: " },
    { "[[\"\xc0\x80\"]]", BL_ERROR_ENCODING, "e:1:4: " },
    { "[[1,]]", BL_ERROR_SYNTAX, "e:1:5: " },
    { "[[1]", BL_ERROR_SYNTAX, "e:1:5: " },
    { "{\"a\":[1,2,]}", BL_ERROR_SYNTAX, "e:1:11: " },
  };

  for (gsize k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(BlJsonReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) again = NULL;

      reader = bl_json_reader_new (cases[k].input, strlen (cases[k].input), "e");
      g_assert_cmpint (bl_json_reader_next (reader, &error), !=, BL_JSON_TOKEN_ERROR);
      if (cases[k].input[0] == '{')
        g_assert_cmpint (bl_json_reader_next (reader, &error), ==, BL_JSON_TOKEN_KEY);
      g_assert_false (bl_json_reader_skip (reader, &error));
      g_assert_error (error, BL_ERROR, cases[k].code);
      g_assert_true (g_str_has_prefix (error->message, cases[k].prefix));

      g_assert_false (bl_json_reader_skip (reader, &again));
      g_assert_error (again, BL_ERROR, cases[k].code);
    }
}

/* ---- robustness: every prefix, random damage ----------------------------- */

static const char sample_doc[] =
  "{\"format\": \"borderline\", \"version\": 1, \"claims\": [\n"
  "  {\"id\": \"c1\", \"statement\": \"6,500 ISIS fighters \\u2013 4,000 near the border\",\n"
  "   \"quantity\": {\"min\": 4000, \"max\": 6500.5e0}, \"credibility\": 3,\n"
  "   \"location\": {\"point\": [69.5375, 37.1], \"place\": \"Badakhshan \xd8\xa8\xd8\xaf\xd8\xae\xd8\xb4\xd8\xa7\xd9\x86\"},\n"
  "   \"tags\": [\"ISIS-K\", \"\\ud83d\\udea9\"], \"denied\": false, \"notes\": null}\n"
  "]}";

static void
test_prefixes (void)
{
  gsize len = strlen (sample_doc);
  g_autoptr(GError) error = pull_all (sample_doc, len, 0, NULL);

  g_assert_no_error (error);

  for (gsize n = 0; n < len; n++)
    {
      g_autofree char *copy = g_memdup2 (sample_doc, n);

      error = pull_all (copy, n, 0, NULL);
      g_assert_nonnull (error);
      assert_error_format (error);
      g_clear_error (&error);
    }
}

static void
test_random_damage (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  static const char bytes[] = "{}[],:\"\\ 0123456789.eE+-tfnu\x00\x80\xc3\xed\xf4\xff\n";
  gsize len = strlen (sample_doc);
  guint n_accepted = 0;

  for (guint round = 0; round < 5000; round++)
    {
      g_autofree char *copy = g_memdup2 (sample_doc, len);
      guint n_changes = g_rand_int_range (rand, 1, 4);
      g_autoptr(GError) error = NULL;

      for (guint k = 0; k < n_changes; k++)
        copy[g_rand_int_range (rand, 0, len)] =
          bytes[g_rand_int_range (rand, 0, sizeof bytes - 1)];

      error = pull_all (copy, len, 0, NULL);
      if (error != NULL)
        assert_error_format (error);
      else
        n_accepted++;
    }

  g_test_message ("%u damaged documents still valid", n_accepted);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-reader/corpus", test_corpus);
  g_test_add_func ("/json-reader/documents", test_documents);
  g_test_add_func ("/json-reader/tokens-and-positions", test_tokens_and_positions);
  g_test_add_func ("/json-reader/no-filename", test_no_filename);
  g_test_add_func ("/json-reader/unescape", test_unescape);
  g_test_add_func ("/json-reader/long-string", test_long_string);
  g_test_add_func ("/json-reader/int64", test_int64);
  g_test_add_func ("/json-reader/double", test_double);
  g_test_add_func ("/json-reader/deep-nesting", test_deep_nesting);
  g_test_add_func ("/json-reader/skip", test_skip);
  g_test_add_func ("/json-reader/skip-errors", test_skip_errors);
  g_test_add_func ("/json-reader/prefixes", test_prefixes);
  g_test_add_func ("/json-reader/random-damage", test_random_damage);

  return g_test_run ();
}
