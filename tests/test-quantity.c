/* test-quantity.c — tests for BlQuantity
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Qualifier identifiers, default and explicit ranges, validation, the
 * human parser, the canonical text both ways, display in the C locale, and
 * random input for robustness (run under AddressSanitizer).
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "bl-error.h"
#include "bl-quantity.h"
#include "test-helpers.h"

#define INF INFINITY

static void
assert_number (double got,
               double expected)
{
  if (isnan (expected))
    g_assert_true (isnan (got));
  else if (isinf (expected))
    g_assert_true (isinf (got) && (got > 0) == (expected > 0));
  else
    g_assert_cmpfloat_with_epsilon (got, expected, 1e-9 * MAX (1, fabs (expected)));
}

/* Qualifiers {{{ */

static void
test_qualifier_strings (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < BL_QUANTITY_N_QUALIFIERS; i++)
    {
      const char *id = bl_quantity_qualifier_to_string (i);
      BlQuantityQualifier back;

      g_assert_nonnull (id);
      for (const char *c = id; c != NULL && *c != '\0'; c++)
        g_assert_true (g_ascii_islower (*c) || *c == '-');
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
      g_assert_true (bl_quantity_qualifier_from_string (id, &back));
      g_assert_cmpint (back, ==, i);
    }

  {
    BlQuantityQualifier q = BL_QUANTITY_EXACT;

    g_assert_false (bl_quantity_qualifier_from_string ("at_least", &q));
    g_assert_false (bl_quantity_qualifier_from_string ("", &q));
    g_assert_false (bl_quantity_qualifier_from_string ("At-Least", &q));
    g_assert_null (bl_quantity_qualifier_to_string (BL_QUANTITY_N_QUALIFIERS));
  }

  /* The identifiers are stable: files depend on them */
  g_assert_cmpstr (bl_quantity_qualifier_to_string (BL_QUANTITY_AT_LEAST), ==, "at-least");
  g_assert_cmpstr (bl_quantity_qualifier_to_string (BL_QUANTITY_SEVERAL_THOUSAND), ==, "several-thousand");
  g_assert_cmpstr (bl_quantity_qualifier_to_string (BL_QUANTITY_RANGE), ==, "range");
  g_assert_cmpstr (bl_quantity_qualifier_to_string (BL_QUANTITY_APPROXIMATELY), ==, "approximately");
}

static const struct {
  BlQuantityQualifier qualifier;
  double value;
  double min;
  double max;
} default_rows[] = {
  { BL_QUANTITY_EXACT, 6500, 6500, 6500 },
  { BL_QUANTITY_APPROXIMATELY, 4000, 3600, 4400 },
  { BL_QUANTITY_NEARLY, 4000, 3600, 4000 },
  { BL_QUANTITY_AT_LEAST, 6000, 6000, INF },
  { BL_QUANTITY_MORE_THAN, 6000, 6000, INF },
  { BL_QUANTITY_AT_MOST, 300, 0, 300 },
  { BL_QUANTITY_FEWER_THAN, 300, 0, 300 },
  { BL_QUANTITY_UP_TO, 300, 0, 300 },
  { BL_QUANTITY_RANGE, NAN, NAN, NAN },
  { BL_QUANTITY_A_FEW, NAN, 2, 5 },
  { BL_QUANTITY_SEVERAL, NAN, 3, 9 },
  { BL_QUANTITY_DOZENS, NAN, 24, 99 },
  { BL_QUANTITY_HUNDREDS, NAN, 200, 999 },
  { BL_QUANTITY_SEVERAL_HUNDRED, NAN, 200, 900 },
  { BL_QUANTITY_THOUSANDS, NAN, 2000, 9999 },
  { BL_QUANTITY_SEVERAL_THOUSAND, NAN, 2000, 9000 },
  { BL_QUANTITY_TENS_OF_THOUSANDS, NAN, 20000, 99999 },
};

static void
test_default_ranges (void)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (default_rows) == BL_QUANTITY_N_QUALIFIERS);

  for (gsize i = 0; i < G_N_ELEMENTS (default_rows); i++)
    {
      double min, max;

      g_assert_cmpint (default_rows[i].qualifier, ==, i);
      bl_quantity_qualifier_default_range (default_rows[i].qualifier,
                                           default_rows[i].value, &min, &max);
      assert_number (min, default_rows[i].min);
      assert_number (max, default_rows[i].max);
    }
}

/* }}} */

/* Human parser {{{ */

typedef struct {
  const char *input;
  BlQuantityQualifier qualifier;
  double value;
  double min;           /* the explicit fields */
  double max;
  const char *unit;
  double eff_min;       /* the effective range */
  double eff_max;
} ParseRow;

#define Q(x) BL_QUANTITY_##x

static const ParseRow parse_rows[] = {
  { "6500", Q(EXACT), 6500, NAN, NAN, NULL, 6500, 6500 },
  { "6,500", Q(EXACT), 6500, NAN, NAN, NULL, 6500, 6500 },
  { "4 000", Q(EXACT), 4000, NAN, NAN, NULL, 4000, 4000 },
  { "4\xc2\xa0" "000", Q(EXACT), 4000, NAN, NAN, NULL, 4000, 4000 },
  { "4\xe2\x80\xaf" "000 fighters", Q(EXACT), 4000, NAN, NAN, "fighters", 4000, 4000 },
  { "1,200,000", Q(EXACT), 1200000, NAN, NAN, NULL, 1200000, 1200000 },
  { "0", Q(EXACT), 0, NAN, NAN, NULL, 0, 0 },
  { "2.5 tonnes", Q(EXACT), 2.5, NAN, NAN, "tonnes", 2.5, 2.5 },
  { "40 %", Q(EXACT), 40, NAN, NAN, "%", 40, 40 },
  { "6.5k", Q(EXACT), 6500, NAN, NAN, NULL, 6500, 6500 },
  { "2 thousand", Q(EXACT), 2000, NAN, NAN, NULL, 2000, 2000 },
  { "1.2 million people", Q(EXACT), 1200000, NAN, NAN, "people", 1200000, 1200000 },
  { "6,500 ISIS fighters", Q(EXACT), 6500, NAN, NAN, "ISIS fighters", 6500, 6500 },
  { "  6500   fighters  ", Q(EXACT), 6500, NAN, NAN, "fighters", 6500, 6500 },
  { "at least 6,000", Q(AT_LEAST), 6000, NAN, NAN, NULL, 6000, INF },
  { "At Least 6,000 terrorists", Q(AT_LEAST), 6000, NAN, NAN, "terrorists", 6000, INF },
  { "no fewer than 6000", Q(AT_LEAST), 6000, NAN, NAN, NULL, 6000, INF },
  { "6,000+", Q(AT_LEAST), 6000, NAN, NAN, NULL, 6000, INF },
  { "6000 or more fighters", Q(AT_LEAST), 6000, NAN, NAN, "fighters", 6000, INF },
  { "more than 6000", Q(MORE_THAN), 6000, NAN, NAN, NULL, 6000, INF },
  { "over 6000", Q(MORE_THAN), 6000, NAN, NAN, NULL, 6000, INF },
  { "at most 300", Q(AT_MOST), 300, NAN, NAN, NULL, 0, 300 },
  { "no more than 300", Q(AT_MOST), 300, NAN, NAN, NULL, 0, 300 },
  { "300 or fewer", Q(AT_MOST), 300, NAN, NAN, NULL, 0, 300 },
  { "fewer than 300", Q(FEWER_THAN), 300, NAN, NAN, NULL, 0, 300 },
  { "less than 300", Q(FEWER_THAN), 300, NAN, NAN, NULL, 0, 300 },
  { "under 300", Q(FEWER_THAN), 300, NAN, NAN, NULL, 0, 300 },
  { "up to 300", Q(UP_TO), 300, NAN, NAN, NULL, 0, 300 },
  { "as many as 300 men", Q(UP_TO), 300, NAN, NAN, "men", 0, 300 },
  { "about 4,000", Q(APPROXIMATELY), 4000, NAN, NAN, NULL, 3600, 4400 },
  { "~4000", Q(APPROXIMATELY), 4000, NAN, NAN, NULL, 3600, 4400 },
  { "~ 4000", Q(APPROXIMATELY), 4000, NAN, NAN, NULL, 3600, 4400 },
  { "around 4000", Q(APPROXIMATELY), 4000, NAN, NAN, NULL, 3600, 4400 },
  { "some 4,000 ISIS-K fighters", Q(APPROXIMATELY), 4000, NAN, NAN, "ISIS-K fighters", 3600, 4400 },
  { "an estimated 4000", Q(APPROXIMATELY), 4000, NAN, NAN, NULL, 3600, 4400 },
  { "approx. 4000", Q(APPROXIMATELY), 4000, NAN, NAN, NULL, 3600, 4400 },
  { "4000 or so", Q(APPROXIMATELY), 4000, NAN, NAN, NULL, 3600, 4400 },
  { "nearly 4000", Q(NEARLY), 4000, NAN, NAN, NULL, 3600, 4000 },
  { "almost 4000", Q(NEARLY), 4000, NAN, NAN, NULL, 3600, 4000 },
  { "between 2,000 and 3,000", Q(RANGE), NAN, 2000, 3000, NULL, 2000, 3000 },
  { "between 2000 - 3000 fighters", Q(RANGE), NAN, 2000, 3000, "fighters", 2000, 3000 },
  { "from 2000 to 3000", Q(RANGE), NAN, 2000, 3000, NULL, 2000, 3000 },
  { "2000-3000", Q(RANGE), NAN, 2000, 3000, NULL, 2000, 3000 },
  { "2,000–3,000 fighters", Q(RANGE), NAN, 2000, 3000, "fighters", 2000, 3000 },
  { "2000 to 3000", Q(RANGE), NAN, 2000, 3000, NULL, 2000, 3000 },
  { "2 - 3 thousand", Q(RANGE), NAN, 2000, 3000, NULL, 2000, 3000 },
  { "about 2000-3000", Q(RANGE), NAN, 2000, 3000, NULL, 2000, 3000 },
  { "3000-3000", Q(RANGE), NAN, 3000, 3000, NULL, 3000, 3000 },
  { "several thousand", Q(SEVERAL_THOUSAND), NAN, NAN, NAN, NULL, 2000, 9000 },
  { "Several thousand ISIS militants", Q(SEVERAL_THOUSAND), NAN, NAN, NAN, "ISIS militants", 2000, 9000 },
  { "a few thousand", Q(SEVERAL_THOUSAND), NAN, NAN, NAN, NULL, 2000, 9000 },
  { "several hundred", Q(SEVERAL_HUNDRED), NAN, NAN, NAN, NULL, 200, 900 },
  { "several", Q(SEVERAL), NAN, NAN, NAN, NULL, 3, 9 },
  { "a few", Q(A_FEW), NAN, NAN, NAN, NULL, 2, 5 },
  { "dozens", Q(DOZENS), NAN, NAN, NAN, NULL, 24, 99 },
  { "dozens of civilians", Q(DOZENS), NAN, NAN, NAN, "civilians", 24, 99 },
  { "hundreds of fighters", Q(HUNDREDS), NAN, NAN, NAN, "fighters", 200, 999 },
  { "thousands", Q(THOUSANDS), NAN, NAN, NAN, NULL, 2000, 9999 },
  { "tens of thousands", Q(TENS_OF_THOUSANDS), NAN, NAN, NAN, NULL, 20000, 99999 },
  { "about 4000 (3500-4500) fighters", Q(APPROXIMATELY), 4000, 3500, 4500, "fighters", 3500, 4500 },
  { "at least 6000 (6000+)", Q(AT_LEAST), 6000, 6000, INF, NULL, 6000, INF },
  { "several thousand (1000–5000)", Q(SEVERAL_THOUSAND), NAN, 1000, 5000, NULL, 1000, 5000 },
};

static void
test_parse (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (parse_rows); i++)
    {
      const ParseRow *row = &parse_rows[i];
      g_autoptr(GError) error = NULL;
      g_auto(BlQuantity) q = BL_QUANTITY_INIT;
      double min, max;

      g_test_message ("%s", row->input);
      g_assert_true (bl_quantity_parse_human (row->input, &q, &error));
      g_assert_no_error (error);
      g_assert_cmpint (q.qualifier, ==, row->qualifier);
      assert_number (q.value, row->value);
      assert_number (q.min, row->min);
      assert_number (q.max, row->max);
      g_assert_cmpstr (q.unit, ==, row->unit);
      g_assert_nonnull (q.text);
      g_assert_true (bl_quantity_get_range (&q, &min, &max));
      assert_number (min, row->eff_min);
      assert_number (max, row->eff_max);
      g_assert_true (bl_quantity_validate (&q, NULL));
    }
}

static void
test_parse_keeps_text (void)
{
  g_auto(BlQuantity) q = BL_QUANTITY_INIT;

  g_assert_true (bl_quantity_parse_human ("  at least 6,000 Fighters ", &q, NULL));
  g_assert_cmpstr (q.text, ==, "at least 6,000 Fighters");
  g_assert_cmpstr (q.unit, ==, "Fighters");

  /* Parsing again replaces (and frees) the previous contents */
  g_assert_true (bl_quantity_parse_human ("dozens of боевиков", &q, NULL));
  g_assert_cmpstr (q.unit, ==, "боевиков");
  g_assert_cmpstr (q.text, ==, "dozens of боевиков");
}

static const struct {
  const char *input;
  int code;
  const char *in_message;
} parse_bad_rows[] = {
  { "", BL_ERROR_SYNTAX, NULL },
  { "   ", BL_ERROR_SYNTAX, NULL },
  { "many", BL_ERROR_SYNTAX, "many" },
  { "fighters", BL_ERROR_SYNTAX, "fighters" },
  { "at least", BL_ERROR_SYNTAX, "number" },
  { "at least many", BL_ERROR_SYNTAX, "many" },
  { "overall 400", BL_ERROR_SYNTAX, "overall" },
  { "-5", BL_ERROR_SYNTAX, "-5" },
  { "between 2000 3000", BL_ERROR_SYNTAX, "3000" },
  { "between 2000 and", BL_ERROR_SYNTAX, NULL },
  { "from 2000", BL_ERROR_SYNTAX, "to" },
  { "6500 7000", BL_ERROR_SYNTAX, "7000" },
  { "1,0000", BL_ERROR_SYNTAX, ",0000" },
  { "6500 (", BL_ERROR_SYNTAX, NULL },
  { "6500 (6000)", BL_ERROR_SYNTAX, ")" },
  { "6500 (6000-7000", BL_ERROR_SYNTAX, ")" },
  { "2000-3000 (1000-4000)", BL_ERROR_SYNTAX, NULL },
  { "dozens of", BL_ERROR_SYNTAX, "of" },
  { "500+ thousand", BL_ERROR_SYNTAX, "thousand" },
  { "dozens?", BL_ERROR_SYNTAX, "?" },
  { "6500 #fighters", BL_ERROR_SYNTAX, "#fighters" },
  { "боевиков 6000", BL_ERROR_SYNTAX, "боевиков" },
  { "3000-2000", BL_ERROR_INVALID, NULL },
  { "between 3000 and 2000", BL_ERROR_INVALID, NULL },
  { "about 4000 (4500-5000)", BL_ERROR_INVALID, NULL },
  { "about 4000 (5000-4500)", BL_ERROR_INVALID, NULL },
  { "9999999999999999", BL_ERROR_INVALID, NULL },
  { "2000000 billion", BL_ERROR_INVALID, NULL },
  { "\xff", BL_ERROR_ENCODING, NULL },
};

static void
test_parse_bad (void)
{
  g_autofree char *long_text = g_strnfill (600, '1');

  for (gsize i = 0; i < G_N_ELEMENTS (parse_bad_rows); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(BlQuantity) q = BL_QUANTITY_INIT;

      g_test_message ("%s", parse_bad_rows[i].input);
      g_assert_false (bl_quantity_parse_human (parse_bad_rows[i].input, &q, &error));
      bl_test_assert_error_says (error, BL_ERROR, parse_bad_rows[i].code, parse_bad_rows[i].in_message);
      g_assert_true (isnan (q.value));    /* unchanged */
      g_assert_null (q.text);
    }

  {
    g_autoptr(GError) error = NULL;
    g_auto(BlQuantity) q = BL_QUANTITY_INIT;

    g_assert_false (bl_quantity_parse_human (long_text, &q, &error));
    g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
  }
}

/* Whatever parses is written back within the length the parser takes:
 * the widest figures with the longest unit still read back, and a unit
 * one byte longer is refused with a reason. */
static void
test_long_unit_round_trip (void)
{
  g_autofree char *unit = g_strnfill (200, 'u');
  g_autofree char *longer = g_strnfill (201, 'u');
  g_autofree char *widest = g_strdup_printf ("more than 123456789012345.6 (0.000001234567-999999999999999.9) %s", unit);
  g_autofree char *padded = g_strdup_printf ("444444444%s", longer);
  g_autofree char *canonical = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(BlQuantity) q = BL_QUANTITY_INIT;
  g_auto(BlQuantity) again = BL_QUANTITY_INIT;

  bl_quantity_parse_human (widest, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (q.unit, ==, unit);
  canonical = bl_quantity_to_string (&q);
  g_test_message ("written as “%s”", canonical);
  bl_quantity_parse_human (canonical, &again, &error);
  g_assert_no_error (error);
  g_assert_true (bl_quantity_equal (&q, &again));

  g_assert_false (bl_quantity_parse_human (padded, &q, &error));
  g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "unit"));
  g_clear_error (&error);

  bl_quantity_set_unit (&again, longer);
  g_assert_false (bl_quantity_validate (&again, &error));
  g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
}

/* }}} */

/* Text, display {{{ */

static const struct {
  const char *input;
  const char *canonical;
} to_string_rows[] = {
  { "6,500 fighters", "6500 fighters" },
  { "about 4,000", "about 4000" },
  { "~4000", "about 4000" },
  { "nearly 4000", "nearly 4000" },
  { "6,000+", "at least 6000" },
  { "over 6000", "more than 6000" },
  { "at most 300", "at most 300" },
  { "under 300", "fewer than 300" },
  { "as many as 300", "up to 300" },
  { "between 2,000 and 3,000 fighters", "2000-3000 fighters" },
  { "2.5 tonnes", "2.5 tonnes" },
  { "several thousand ISIS militants", "several thousand ISIS militants" },
  { "a few hundred", "several hundred" },
  { "tens of thousands", "tens of thousands" },
  { "dozens of civilians", "dozens civilians" },
  { "about 4000 (3500–4500)", "about 4000 (3500-4500)" },
  { "at least 6000 (6000+)", "at least 6000 (6000+)" },
};

static void
test_to_string (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (to_string_rows); i++)
    {
      g_auto(BlQuantity) q = BL_QUANTITY_INIT;
      g_autofree char *text = NULL;

      g_assert_true (bl_quantity_parse_human (to_string_rows[i].input, &q, NULL));
      text = bl_quantity_to_string (&q);
      g_assert_cmpstr (text, ==, to_string_rows[i].canonical);
    }
}

/* parse (to_string (q)) == q for every quantity the parser reads */
static void
test_round_trip (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (parse_rows); i++)
    {
      g_auto(BlQuantity) q = BL_QUANTITY_INIT;
      g_auto(BlQuantity) again = BL_QUANTITY_INIT;
      g_autofree char *text = NULL;

      g_assert_true (bl_quantity_parse_human (parse_rows[i].input, &q, NULL));
      text = bl_quantity_to_string (&q);
      g_test_message ("%s → %s", parse_rows[i].input, text);
      g_assert_true (bl_quantity_parse_human (text, &again, NULL));
      g_assert_true (bl_quantity_equal (&q, &again));
    }
}

static const struct {
  const char *input;
  const char *display;
} format_rows[] = {
  { "6500 fighters", "6,500 fighters" },
  { "at least 6000 fighters", "at least 6,000 fighters" },
  { "more than 6000", "more than 6,000" },
  { "about 4000", "about 4,000" },
  { "nearly 4000", "nearly 4,000" },
  { "at most 300", "at most 300" },
  { "fewer than 300", "fewer than 300" },
  { "up to 300", "up to 300" },
  { "2000-3000 fighters", "2,000–3,000 fighters" },
  { "several thousand", "2,000–9,000 (several thousand)" },
  { "several thousand ISIS militants", "2,000–9,000 ISIS militants (several thousand)" },
  { "dozens", "24–99 (dozens)" },
  { "about 4000 (3500-4500) fighters", "about 4,000 fighters (3,500–4,500)" },
  { "at least 6000 (6000+)", "at least 6,000 (6,000 or more)" },
  { "1.2 million", "1,200,000" },
  { "2.5 tonnes", "2.5 tonnes" },
};

static void
test_format (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (format_rows); i++)
    {
      g_auto(BlQuantity) q = BL_QUANTITY_INIT;
      g_autofree char *display = NULL;

      g_assert_true (bl_quantity_parse_human (format_rows[i].input, &q, NULL));
      display = bl_quantity_format (&q);
      g_assert_cmpstr (display, ==, format_rows[i].display);
    }
}

static const struct {
  double number;
  const char *text;
} number_rows[] = {
  { 0, "0" },
  { 7, "7" },
  { 999, "999" },
  { 1000, "1,000" },
  { 6500, "6,500" },
  { 123456, "123,456" },
  { 1234567, "1,234,567" },
  { 2.5, "2.5" },
  { 1234.25, "1,234.25" },
  { 0.1, "0.1" },
  { 3600.0000000000005, "3,600" },
  { -4000, "−4,000" },
  { INF, "∞" },
  { NAN, "?" },
};

static void
test_format_number (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (number_rows); i++)
    {
      g_autofree char *text = bl_quantity_format_number (number_rows[i].number);

      g_assert_cmpstr (text, ==, number_rows[i].text);
    }
}

/* }}} */

/* Fields and validation {{{ */

static void
test_explicit_range (void)
{
  g_auto(BlQuantity) q = BL_QUANTITY_INIT;
  double min, max;

  g_assert_true (bl_quantity_parse_human ("several thousand", &q, NULL));
  g_assert_false (bl_quantity_has_explicit_range (&q));

  /* The analyst changes the range */
  bl_quantity_set_range (&q, 3000, 5000);
  g_assert_true (bl_quantity_has_explicit_range (&q));
  g_assert_true (bl_quantity_get_range (&q, &min, &max));
  assert_number (min, 3000);
  assert_number (max, 5000);
  g_assert_true (bl_quantity_validate (&q, NULL));

  /* and goes back to the default */
  bl_quantity_reset_range (&q);
  g_assert_true (bl_quantity_get_range (&q, &min, &max));
  assert_number (min, 2000);
  assert_number (max, 9000);

  /* No range without what it needs */
  bl_quantity_clear (&q);
  g_assert_false (bl_quantity_get_range (&q, &min, &max));
  g_assert_true (isnan (min) && isnan (max));
  bl_quantity_set_value (&q, BL_QUANTITY_RANGE, 5);
  g_assert_true (isnan (q.value));
  g_assert_false (bl_quantity_get_range (&q, NULL, NULL));
}

typedef struct {
  BlQuantityQualifier qualifier;
  double value;
  double min;
  double max;
  const char *unit;
  gboolean valid;
} ValidateRow;

static const ValidateRow validate_rows[] = {
  { Q(EXACT), 6500, NAN, NAN, "fighters", TRUE },
  { Q(EXACT), 0, NAN, NAN, NULL, TRUE },
  { Q(EXACT), NAN, NAN, NAN, NULL, FALSE },          /* no value */
  { Q(EXACT), -1, NAN, NAN, NULL, FALSE },           /* negative */
  { Q(EXACT), INF, NAN, NAN, NULL, FALSE },
  { Q(EXACT), 1e16, NAN, NAN, NULL, FALSE },
  { Q(EXACT), 6500, 6000, 7000, NULL, TRUE },
  { Q(EXACT), 6500, 7000, 8000, NULL, FALSE },       /* value outside */
  { Q(AT_LEAST), 6000, 6000, INF, NULL, TRUE },
  { Q(AT_LEAST), 6000, NAN, INF, NULL, FALSE },      /* one bound only */
  { Q(AT_LEAST), 6000, 6000, NAN, NULL, FALSE },
  { Q(AT_LEAST), 6000, -INF, INF, NULL, FALSE },
  { Q(APPROXIMATELY), 4000, 4500, 3500, NULL, FALSE }, /* reversed */
  { Q(RANGE), NAN, 2000, 3000, NULL, TRUE },
  { Q(RANGE), NAN, 2000, 2000, NULL, TRUE },
  { Q(RANGE), NAN, NAN, NAN, NULL, FALSE },
  { Q(RANGE), NAN, 2000, INF, NULL, FALSE },
  { Q(RANGE), NAN, -2, 3, NULL, FALSE },
  { Q(RANGE), 2500, 2000, 3000, NULL, FALSE },       /* a range has no value */
  { Q(SEVERAL_THOUSAND), NAN, NAN, NAN, NULL, TRUE },
  { Q(SEVERAL_THOUSAND), 5000, NAN, NAN, NULL, FALSE },
  { Q(SEVERAL_THOUSAND), NAN, 1000, 5000, NULL, TRUE },
  { Q(EXACT), 5, NAN, NAN, "", FALSE },              /* empty unit */
  { Q(EXACT), 5, NAN, NAN, "\xff", FALSE },
  { BL_QUANTITY_N_QUALIFIERS, 5, NAN, NAN, NULL, FALSE },
};

static void
test_validate (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (validate_rows); i++)
    {
      const ValidateRow *row = &validate_rows[i];
      g_autoptr(GError) error = NULL;
      BlQuantity q = BL_QUANTITY_INIT;

      q.qualifier = row->qualifier;
      q.value = row->value;
      q.min = row->min;
      q.max = row->max;
      q.unit = (char *) row->unit;

      g_test_message ("row %" G_GSIZE_FORMAT, i);
      g_assert_cmpint (bl_quantity_validate (&q, &error), ==, row->valid);
      if (row->valid)
        g_assert_no_error (error);
      else
        g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
    }
}

static void
test_copy_clear (void)
{
  g_auto(BlQuantity) a = BL_QUANTITY_INIT;
  g_auto(BlQuantity) b = BL_QUANTITY_INIT;

  g_assert_true (bl_quantity_parse_human ("about 4000 (3500-4500) fighters", &a, NULL));
  bl_quantity_set_text (&b, "old");
  bl_quantity_copy (&b, &a);
  g_assert_true (bl_quantity_equal (&a, &b));
  g_assert_true (a.unit != b.unit);
  g_assert_cmpstr (b.text, ==, a.text);
  bl_quantity_copy (&b, &b);
  g_assert_true (bl_quantity_equal (&a, &b));

  bl_quantity_set_unit (&b, "men");
  g_assert_false (bl_quantity_equal (&a, &b));
  bl_quantity_set_unit (&b, b.unit);                  /* self-assignment is safe */
  g_assert_cmpstr (b.unit, ==, "men");
  bl_quantity_set_value (&b, BL_QUANTITY_AT_LEAST, 3600);
  g_assert_cmpint (b.qualifier, ==, BL_QUANTITY_AT_LEAST);

  bl_quantity_clear (&b);
  g_assert_null (b.unit);
  g_assert_null (b.text);
  g_assert_true (isnan (b.value) && isnan (b.min) && isnan (b.max));
  bl_quantity_clear (&b);                             /* twice is fine */
}

/* }}} */

/* Robustness {{{ */

static void
check_any (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(BlQuantity) q = BL_QUANTITY_INIT;

  if (bl_quantity_parse_human (text, &q, &error))
    {
      g_auto(BlQuantity) again = BL_QUANTITY_INIT;
      g_autofree char *canonical = bl_quantity_to_string (&q);
      g_autofree char *display = bl_quantity_format (&q);

      g_assert_no_error (error);
      g_assert_true (bl_quantity_validate (&q, NULL));
      g_assert_true (g_utf8_validate (display, -1, NULL));
      /* Units that start with "of" or punctuation do not round-trip */
      g_test_message ("%s → %s", text, canonical);
      if (bl_quantity_parse_human (canonical, &again, NULL))
        g_assert_true (bl_quantity_equal (&q, &again) ||
                       (q.unit != NULL && !g_ascii_isalpha (q.unit[0])) ||
                       (q.unit != NULL && g_ascii_strncasecmp (q.unit, "of", 2) == 0));
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == BL_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (q.text);
    }
}

static void
test_random_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (777);

  for (int i = 0; i < 20000; i++)
    {
      int len = g_rand_int_range (rand, 0, 40);
      char *buf = g_malloc (len + 1);   /* exact size: ASan sees overreads */

      for (int j = 0; j < len; j++)
        buf[j] = (char) g_rand_int_range (rand, 1, 256);
      buf[len] = '\0';
      check_any (buf);
      g_free (buf);
    }
}

static void
test_random_pieces (void)
{
  static const char * const pieces[] = {
    "6", "500", "4", "000", "1", ",", ".", " ", "-", "–", "+", "~", "(", ")",
    "k", "thousand", "million", "at least", "about", "between", "and", "from",
    "to", "several", "dozens", "of", "fighters", "or more", "a few", "up to",
    "\xc2\xa0", "\xe2\x80\xaf", "é", "c.", "approx", "9999999999",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);

  for (int i = 0; i < 20000; i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      int n = g_rand_int_range (rand, 1, 8);
      char *copy;

      for (int j = 0; j < n; j++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      copy = g_strndup (s->str, s->len);
      check_any (copy);
      g_free (copy);
    }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quantity/qualifier/strings", test_qualifier_strings);
  g_test_add_func ("/quantity/qualifier/default-ranges", test_default_ranges);
  g_test_add_func ("/quantity/parse/human", test_parse);
  g_test_add_func ("/quantity/parse/keeps-text", test_parse_keeps_text);
  g_test_add_func ("/quantity/parse/bad", test_parse_bad);
  g_test_add_func ("/quantity/to-string", test_to_string);
  g_test_add_func ("/quantity/round-trip", test_round_trip);
  g_test_add_func ("/quantity/format", test_format);
  g_test_add_func ("/quantity/format-number", test_format_number);
  g_test_add_func ("/quantity/explicit-range", test_explicit_range);
  g_test_add_func ("/quantity/validate", test_validate);
  g_test_add_func ("/quantity/long-unit-round-trip", test_long_unit_round_trip);
  g_test_add_func ("/quantity/copy-clear", test_copy_clear);
  g_test_add_func ("/quantity/random/bytes", test_random_bytes);
  g_test_add_func ("/quantity/random/pieces", test_random_pieces);

  return g_test_run ();
}
