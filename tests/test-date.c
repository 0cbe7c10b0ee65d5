/* test-date.c — tests for BlDate
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Day arithmetic against GDate, the canonical text form both ways, the
 * human parser, display in the C locale, order and overlap queries, and
 * random input for robustness (run under AddressSanitizer).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bl-date.h"
#include "bl-error.h"
#include "test-helpers.h"

/* "YYYY-MM-DD" → day number; "min" and "max" → the sentinels */
static gint32
day_of (const char *ymd)
{
  int y, m, d;

  if (g_str_equal (ymd, "min"))
    return BL_DAY_MIN;
  if (g_str_equal (ymd, "max"))
    return BL_DAY_MAX;
  g_assert_cmpint (sscanf (ymd, "%d-%d-%d", &y, &m, &d), ==, 3);
  return bl_day_from_ymd (y, m, d);
}

static void
test_day_known (void)
{
  static const struct {
    int y, m, d;
    gint32 day;
  } rows[] = {
    { 1970, 1, 1, 0 },
    { 1969, 12, 31, -1 },
    { 1970, 1, 2, 1 },
    { 2000, 2, 29, 11016 },
    { 2000, 3, 1, 11017 },
    { 2023, 2, 14, 19402 },
    { 1900, 3, 1, -25508 },
    { 1, 1, 1, -719162 },
    { 9999, 12, 31, 2932896 },
    { 1600, 2, 29, -135081 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      int y, m, d;

      g_assert_cmpint (bl_day_from_ymd (rows[i].y, rows[i].m, rows[i].d), ==, rows[i].day);
      bl_day_to_ymd (rows[i].day, &y, &m, &d);
      g_assert_cmpint (y, ==, rows[i].y);
      g_assert_cmpint (m, ==, rows[i].m);
      g_assert_cmpint (d, ==, rows[i].d);
    }
}

/* Every day of years 1..9999 round-trips and follows the previous one */
static void
test_day_sequence (void)
{
  gint32 first = bl_day_from_ymd (1, 1, 1);
  gint32 last = bl_day_from_ymd (9999, 12, 31);
  int py = 0, pm = 12, pd = 31;

  for (gint32 n = first; n <= last; n++)
    {
      int y, m, d;

      bl_day_to_ymd (n, &y, &m, &d);
      g_assert_true (bl_date_valid_ymd (y, m, d));
      if (d == 1)
        g_assert_true ((m == pm + 1 && y == py) || (m == 1 && pm == 12 && y == py + 1));
      else
        g_assert_true (d == pd + 1 && m == pm && y == py);
      if (G_UNLIKELY (n % 9973 == 0))
        g_assert_cmpint (bl_day_from_ymd (y, m, d), ==, n);
      py = y, pm = m, pd = d;
    }
  g_assert_cmpint (py, ==, 9999);
}

/* Random days round-trip and agree with GDate */
static void
test_day_gdate (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  GDate gd;

  for (int i = 0; i < 5000; i++)
    {
      guint32 julian = g_rand_int_range (rand, 1, 3652059 + 1);  /* 0001-01-01..9999-12-31 */
      gint32 day = (gint32) julian - 719163;
      int y, m, d;

      g_date_clear (&gd, 1);
      g_date_set_julian (&gd, julian);
      bl_day_to_ymd (day, &y, &m, &d);
      g_assert_cmpint (y, ==, g_date_get_year (&gd));
      g_assert_cmpint (m, ==, g_date_get_month (&gd));
      g_assert_cmpint (d, ==, g_date_get_day (&gd));
      g_assert_cmpint (bl_day_from_ymd (y, m, d), ==, day);
    }

  /* Far outside 1..9999 the arithmetic still round-trips */
  for (int i = 0; i < 2000; i++)
    {
      gint32 day = (gint32) g_rand_int (rand) / 2;
      int y, m, d;

      bl_day_to_ymd (day, &y, &m, &d);
      g_assert_cmpint (bl_day_from_ymd (y, m, d), ==, day);
    }
}

static void
test_day_helpers (void)
{
  g_assert_true (bl_date_is_leap_year (2000));
  g_assert_true (bl_date_is_leap_year (2024));
  g_assert_false (bl_date_is_leap_year (1900));
  g_assert_false (bl_date_is_leap_year (2023));
  g_assert_cmpint (bl_date_days_in_month (2023, 2), ==, 28);
  g_assert_cmpint (bl_date_days_in_month (2024, 2), ==, 29);
  g_assert_cmpint (bl_date_days_in_month (2023, 4), ==, 30);
  g_assert_cmpint (bl_date_days_in_month (2023, 13), ==, 0);
  g_assert_true (bl_date_valid_ymd (2024, 2, 29));
  g_assert_false (bl_date_valid_ymd (2023, 2, 29));
  g_assert_false (bl_date_valid_ymd (0, 1, 1));
  g_assert_false (bl_date_valid_ymd (2023, 0, 1));
}

/* Canonical text {{{ */

typedef struct {
  const char *text;
  const char *first;
  const char *last;
  guint8 start_precision;
  guint8 end_precision;
  guint8 flags;
} CanonicalRow;

enum { NONE, DAY, MONTH, YEAR, DECADE };
enum { CS = BL_DATE_CIRCA_START, CE = BL_DATE_CIRCA_END, IV = BL_DATE_INTERVAL,
       OS = BL_DATE_OPEN_START, OE = BL_DATE_OPEN_END };

static const CanonicalRow canonical_rows[] = {
  { "", "min", "max", NONE, NONE, 0 },
  { "2023-02-14", "2023-02-14", "2023-02-14", DAY, DAY, 0 },
  { "2023-02", "2023-02-01", "2023-02-28", MONTH, MONTH, 0 },
  { "2024-02", "2024-02-01", "2024-02-29", MONTH, MONTH, 0 },
  { "2023", "2023-01-01", "2023-12-31", YEAR, YEAR, 0 },
  { "202X", "2020-01-01", "2029-12-31", DECADE, DECADE, 0 },
  { "0001", "0001-01-01", "0001-12-31", YEAR, YEAR, 0 },
  { "9999-12-31", "9999-12-31", "9999-12-31", DAY, DAY, 0 },
  { "1969-12-31", "1969-12-31", "1969-12-31", DAY, DAY, 0 },
  /* circa widens: 7 days, a month, a year, five years */
  { "2023-02-14~", "2023-02-07", "2023-02-21", DAY, DAY, CS | CE },
  { "2023-01~", "2022-12-01", "2023-02-28", MONTH, MONTH, CS | CE },
  { "2023-12~", "2023-11-01", "2024-01-31", MONTH, MONTH, CS | CE },
  { "2022~", "2021-01-01", "2023-12-31", YEAR, YEAR, CS | CE },
  { "202X~", "2015-01-01", "2034-12-31", DECADE, DECADE, CS | CE },
  { "0001~", "0000-01-01", "0002-12-31", YEAR, YEAR, CS | CE },
  { "9999~", "9998-01-01", "10000-12-31", YEAR, YEAR, CS | CE },
  /* intervals */
  { "2021-08-15/2022-03", "2021-08-15", "2022-03-31", DAY, MONTH, IV },
  { "2021-08-15/2022-03~", "2021-08-15", "2022-04-30", DAY, MONTH, IV | CE },
  { "2021~/2022", "2020-01-01", "2022-12-31", YEAR, YEAR, IV | CS },
  { "2021/2021", "2021-01-01", "2021-12-31", YEAR, YEAR, IV },
  { "2021/2021-03", "2021-01-01", "2021-03-31", YEAR, MONTH, IV },
  { "201X/2022-02-01", "2010-01-01", "2022-02-01", DECADE, DAY, IV },
  { "2021-08/..", "2021-08-01", "max", MONTH, NONE, IV | OE },
  { "2021-08~/..", "2021-07-01", "max", MONTH, NONE, IV | OE | CS },
  { "../2022", "min", "2022-12-31", NONE, YEAR, IV | OS },
  { "../2022-02-14~", "min", "2022-02-21", NONE, DAY, IV | OS | CE },
};

static void
test_canonical (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (canonical_rows); i++)
    {
      const CanonicalRow *row = &canonical_rows[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      BlDate date, again;

      g_test_message ("%s", row->text);
      g_assert_true (bl_date_parse (row->text, &date, &error));
      g_assert_no_error (error);
      g_assert_cmpint (date.first_day, ==, day_of (row->first));
      g_assert_cmpint (date.last_day, ==, day_of (row->last));
      g_assert_cmpint (date.start_precision, ==, row->start_precision);
      g_assert_cmpint (date.end_precision, ==, row->end_precision);
      g_assert_cmpint (date.flags, ==, row->flags);
      g_assert_cmpint (date.reserved, ==, 0);
      g_assert_true (bl_date_is_valid (&date));

      text = bl_date_to_string (&date);
      g_assert_cmpstr (text, ==, row->text);
      g_assert_true (bl_date_parse (text, &again, NULL));
      g_assert_true (bl_date_equal (&date, &again));
      g_assert_true (memcmp (&date, &again, sizeof date) == 0);
    }
}

static void
test_canonical_unknown (void)
{
  BlDate date;
  BlDate unknown = BL_DATE_UNKNOWN;
  g_autofree char *text = NULL;

  g_assert_true (bl_date_parse ("unknown", &date, NULL));
  g_assert_true (bl_date_is_unknown (&date));
  g_assert_true (bl_date_equal (&date, &unknown));
  text = bl_date_to_string (&date);
  g_assert_cmpstr (text, ==, "");

  bl_date_init_unknown (&date);
  g_assert_true (bl_date_is_unknown (&date));
  g_assert_false (bl_date_is_interval (&date));
}

typedef struct {
  const char *text;
  int code;
} BadRow;

static const BadRow canonical_bad_rows[] = {
  { " 2023", BL_ERROR_SYNTAX },
  { "2023 ", BL_ERROR_SYNTAX },
  { "23", BL_ERROR_SYNTAX },
  { "20230", BL_ERROR_SYNTAX },
  { "2023-2", BL_ERROR_SYNTAX },
  { "2023-02-1", BL_ERROR_SYNTAX },
  { "2023/02/14", BL_ERROR_SYNTAX },
  { "2023-02-14T00:00", BL_ERROR_SYNTAX },
  { "2023~~", BL_ERROR_SYNTAX },
  { "~2023", BL_ERROR_SYNTAX },
  { "2023?", BL_ERROR_SYNTAX },
  { "2023%", BL_ERROR_SYNTAX },
  { "20XX", BL_ERROR_SYNTAX },
  { "202x", BL_ERROR_SYNTAX },
  { "202X-01", BL_ERROR_SYNTAX },
  { "February 2023", BL_ERROR_SYNTAX },
  { "Unknown", BL_ERROR_SYNTAX },
  { "/", BL_ERROR_SYNTAX },
  { "2021/", BL_ERROR_SYNTAX },
  { "/2021", BL_ERROR_SYNTAX },
  { "../..", BL_ERROR_SYNTAX },
  { ".../2021", BL_ERROR_SYNTAX },
  { "2021/2022/2023", BL_ERROR_SYNTAX },
  { "-2021", BL_ERROR_SYNTAX },
  { "2023-02-30", BL_ERROR_INVALID },
  { "2023-02-29", BL_ERROR_INVALID },
  { "2023-13", BL_ERROR_INVALID },
  { "2023-00", BL_ERROR_INVALID },
  { "2023-01-00", BL_ERROR_INVALID },
  { "0000", BL_ERROR_INVALID },
  { "000X", BL_ERROR_INVALID },
  { "2022/2021", BL_ERROR_INVALID },
  { "2021-03-02/2021-03-01", BL_ERROR_INVALID },
  { "\xff", BL_ERROR_ENCODING },
};

static void
test_canonical_bad (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (canonical_bad_rows); i++)
    {
      g_autoptr(GError) error = NULL;
      BlDate date = BL_DATE_UNKNOWN;

      g_test_message ("%s", canonical_bad_rows[i].text);
      g_assert_false (bl_date_parse (canonical_bad_rows[i].text, &date, &error));
      g_assert_error (error, BL_ERROR, canonical_bad_rows[i].code);
      g_assert_true (bl_date_is_unknown (&date));   /* unchanged */
    }
}

/* }}} */

/* Human parser {{{ */

static const struct {
  const char *input;
  const char *canonical;
} human_rows[] = {
  { "14 February 2023", "2023-02-14" },
  { "14 february 2023", "2023-02-14" },
  { "14 FEB 2023", "2023-02-14" },
  { "14th of Feb. 2023", "2023-02-14" },
  { "1st March 2023", "2023-03-01" },
  { "February 14, 2023", "2023-02-14" },
  { "Feb 14th 2023", "2023-02-14" },
  { "  14  February   2023 ", "2023-02-14" },
  { "2023-02-14", "2023-02-14" },
  { "2023-2-4", "2023-02-04" },
  { "14.02.2023", "2023-02-14" },
  { "4.2.2023", "2023-02-04" },
  { "Feb 2023", "2023-02" },
  { "Feb. 2023", "2023-02" },
  { "February 2023", "2023-02" },
  { "february, 2023", "2023-02" },
  { "Sept 2021", "2021-09" },
  { "2023-02", "2023-02" },
  { "2023", "2023" },
  { "2020s", "202X" },
  { "the 2020s", "202X" },
  { "202X", "202X" },
  { "c. 2022", "2022~" },
  { "c 2022", "2022~" },
  { "ca. 2022", "2022~" },
  { "circa 2022", "2022~" },
  { "Circa 2022", "2022~" },
  { "about 2022", "2022~" },
  { "around March 2022", "2022-03~" },
  { "approximately 14 Feb 2023", "2023-02-14~" },
  { "~2022", "2022~" },
  { "2022~", "2022~" },
  { "2022?", "2022~" },
  { "c. the 1990s", "199X~" },
  { "since August 2021", "2021-08/.." },
  { "Since 15 August 2021", "2021-08-15/.." },
  { "from 2021-08-15", "2021-08-15/.." },
  { "2021-08 onwards", "2021-08/.." },
  { "2021-08-15/..", "2021-08-15/.." },
  { "2021-08/..", "2021-08/.." },
  { "../2022", "../2022" },
  { "until 2022", "../2022" },
  { "till March 2022", "../2022-03" },
  { "up to c. 2022", "../2022~" },
  { "from 2021-08-15 to March 2022", "2021-08-15/2022-03" },
  { "from August 2021 until c. March 2022", "2021-08/2022-03~" },
  { "between 2021 and 2022", "2021/2022" },
  { "2021-2022", "2021/2022" },
  { "2021 - 2022", "2021/2022" },
  { "2021–2022", "2021/2022" },
  { "15 August 2021 – March 2022", "2021-08-15/2022-03" },
  { "Feb 2022-Mar 2022", "2022-02/2022-03" },
  { "2021-08-15/2022-03~", "2021-08-15/2022-03~" },
  { "2021 to present", "2021/.." },
  { "Feb-Mar 2022", "2022-02/2022-03" },
  { "14 - 20 February 2023", "2023-02-14/2023-02-20" },
  { "14-20 February 2023", "2023-02-14/2023-02-20" },
  { "14 Feb – 3 Mar 2023", "2023-02-14/2023-03-03" },
  { "February 14 - March 3, 2023", "2023-02-14/2023-03-03" },
  { "14.02.2023 - 20.02.2023", "2023-02-14/2023-02-20" },
  { "early 2023", "2023-01/2023-04" },
  { "mid-2023", "2023-05/2023-08" },
  { "Late 2023", "2023-09/2023-12" },
  { "since early 2022", "2022-01/.." },
  { "from mid-2021 to late 2022", "2021-05/2022-12" },
  { "", "" },
  { "   ", "" },
  { "unknown", "" },
  { "Undated", "" },
};

static void
test_human (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (human_rows); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      BlDate date, canonical;

      g_test_message ("%s", human_rows[i].input);
      g_assert_true (bl_date_parse_human (human_rows[i].input, &date, &error));
      g_assert_no_error (error);
      text = bl_date_to_string (&date);
      g_assert_cmpstr (text, ==, human_rows[i].canonical);
      g_assert_true (bl_date_parse (human_rows[i].canonical, &canonical, NULL));
      g_assert_true (bl_date_equal (&date, &canonical));
    }
}

/* Every canonical form is also read by the human parser */
static void
test_human_canonical (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (canonical_rows); i++)
    {
      BlDate a, b;

      g_assert_true (bl_date_parse (canonical_rows[i].text, &a, NULL));
      g_assert_true (bl_date_parse_human (canonical_rows[i].text, &b, NULL));
      g_assert_true (bl_date_equal (&a, &b));
    }
}

static const struct {
  const char *input;
  int code;
  const char *in_message;   /* the part not understood, when there is one */
} human_bad_rows[] = {
  { "14 Fooary 2023", BL_ERROR_SYNTAX, "Fooary" },
  { "yesterday", BL_ERROR_SYNTAX, "yesterday" },
  { "February", BL_ERROR_SYNTAX, "year" },
  { "14 February", BL_ERROR_SYNTAX, "year" },
  { "14 February 23", BL_ERROR_SYNTAX, "23" },
  { "2023 February", BL_ERROR_SYNTAX, "February" },
  { "2023-02-14 12:00", BL_ERROR_SYNTAX, "12" },
  { "14/02/2023", BL_ERROR_SYNTAX, NULL },
  { "2021s", BL_ERROR_SYNTAX, NULL },
  { "c.", BL_ERROR_SYNTAX, NULL },
  { "since", BL_ERROR_SYNTAX, NULL },
  { "from 2021 to", BL_ERROR_SYNTAX, NULL },
  { "to 2022", BL_ERROR_SYNTAX, NULL },
  { "between 2021 2022", BL_ERROR_SYNTAX, "and" },
  { "after 2021", BL_ERROR_SYNTAX, "after" },
  { "by 2022", BL_ERROR_SYNTAX, "by" },
  { "../..", BL_ERROR_SYNTAX, NULL },
  { "..", BL_ERROR_SYNTAX, NULL },
  { "2021/", BL_ERROR_SYNTAX, NULL },
  { "early", BL_ERROR_SYNTAX, NULL },
  { "early March 2023", BL_ERROR_SYNTAX, "March" },
  { "2023 @", BL_ERROR_SYNTAX, "@" },
  { "2023 «", BL_ERROR_SYNTAX, "«" },
  { "present", BL_ERROR_SYNTAX, "present" },
  { "1 2 3 4", BL_ERROR_SYNTAX, NULL },
  { "Feb - 2022", BL_ERROR_SYNTAX, "year" },
  { "14-02-2023", BL_ERROR_SYNTAX, NULL },
  { "Dec - Jan 2022", BL_ERROR_INVALID, NULL },
  { "20231", BL_ERROR_SYNTAX, "20231" },
  { "30 February 2023", BL_ERROR_INVALID, NULL },
  { "2023-02-30", BL_ERROR_INVALID, NULL },
  { "29.02.2023", BL_ERROR_INVALID, NULL },
  { "2023-13", BL_ERROR_INVALID, "13" },
  { "14.13.2023", BL_ERROR_INVALID, NULL },
  { "0 March 2023", BL_ERROR_INVALID, NULL },
  { "0000", BL_ERROR_INVALID, NULL },
  { "from 2022 to 2021", BL_ERROR_INVALID, NULL },
  { "\xc3\x28", BL_ERROR_ENCODING, NULL },
};

static void
test_human_bad (void)
{
  g_autofree char *long_text = g_strnfill (300, ' ');

  for (gsize i = 0; i < G_N_ELEMENTS (human_bad_rows); i++)
    {
      g_autoptr(GError) error = NULL;
      BlDate date = BL_DATE_UNKNOWN;

      g_test_message ("%s", human_bad_rows[i].input);
      g_assert_false (bl_date_parse_human (human_bad_rows[i].input, &date, &error));
      bl_test_assert_error_says (error, BL_ERROR, human_bad_rows[i].code, human_bad_rows[i].in_message);
      g_assert_true (bl_date_is_unknown (&date));
    }

  {
    g_autoptr(GError) error = NULL;
    BlDate date;

    g_assert_false (bl_date_parse_human (long_text, &date, &error));
    g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
  }
}

/* }}} */

/* Construction, display, queries {{{ */

static void
test_construct (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  BlDate start, end, iv, unknown = BL_DATE_UNKNOWN;

  g_assert_true (bl_date_init_ymd (&start, BL_DATE_PRECISION_DAY, 2021, 8, 15, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (bl_date_init_ymd (&end, BL_DATE_PRECISION_MONTH, 2022, 3, 99, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (bl_date_make_interval (&start, &end, &iv, &error));
  a = bl_date_to_string (&iv);
  g_assert_cmpstr (a, ==, "2021-08-15/2022-03~");

  g_assert_true (bl_date_make_interval (&start, NULL, &iv, &error));
  b = bl_date_to_string (&iv);
  g_assert_cmpstr (b, ==, "2021-08-15/..");

  /* Only the end of @end is used; @out may be one of the arguments */
  g_assert_true (bl_date_parse ("2021/2022-03~", &iv, NULL));
  g_assert_true (bl_date_make_interval (&unknown, &iv, &iv, &error));
  g_assert_no_error (error);
  d = bl_date_to_string (&iv);
  g_assert_cmpstr (d, ==, "../2022-03~");

  g_assert_true (bl_date_init_ymd (&iv, BL_DATE_PRECISION_DECADE, 1990, 0, 0, FALSE, &error));
  c = bl_date_to_string (&iv);
  g_assert_cmpstr (c, ==, "199X");

  g_assert_false (bl_date_init_ymd (&iv, BL_DATE_PRECISION_DECADE, 1995, 0, 0, FALSE, &error));
  g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bl_date_init_ymd (&iv, BL_DATE_PRECISION_DAY, 2023, 2, 29, FALSE, &error));
  g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bl_date_make_interval (NULL, &unknown, &iv, &error));
  g_assert_error (error, BL_ERROR, BL_ERROR_INVALID);
}

static void
test_is_valid (void)
{
  BlDate d;

  g_assert_true (bl_date_parse ("2023-02", &d, NULL));
  g_assert_true (bl_date_is_valid (&d));
  d.last_day++;                          /* no longer the end of a month */
  g_assert_false (bl_date_is_valid (&d));

  memset (&d, 0, sizeof d);              /* zero-filled is not valid */
  g_assert_false (bl_date_is_valid (&d));

  g_assert_true (bl_date_parse ("2023", &d, NULL));
  d.start_precision = 200;
  g_assert_false (bl_date_is_valid (&d));

  g_assert_true (bl_date_parse ("2023", &d, NULL));
  d.reserved = 1;
  g_assert_false (bl_date_is_valid (&d));

  /* Garbage is never a crash */
  d = (BlDate) { BL_DAY_MAX, BL_DAY_MIN, BL_DATE_PRECISION_DAY, BL_DATE_PRECISION_DECADE, 0x1f, 0 };
  g_assert_false (bl_date_is_valid (&d));
  g_free (bl_date_format (&d));
  g_free (bl_date_to_string (&d));
}

static const struct {
  const char *canonical;
  const char *display;
} format_rows[] = {
  { "2023-02-14", "14 February 2023" },
  { "2023-02-01", "1 February 2023" },
  { "2023-02", "February 2023" },
  { "2022", "2022" },
  { "202X", "2020s" },
  { "2022~", "c. 2022" },
  { "2023-02-14~", "c. 14 February 2023" },
  { "2021-08/..", "since August 2021" },
  { "../2022", "until 2022" },
  { "2021-08-15/2022-03", "15 August 2021 – March 2022" },
  { "2021~/2022-03~", "c. 2021 – c. March 2022" },
  { "", "unknown date" },
};

static void
test_format (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (format_rows); i++)
    {
      g_autofree char *display = NULL;
      BlDate date;

      g_assert_true (bl_date_parse (format_rows[i].canonical, &date, NULL));
      display = bl_date_format (&date);
      g_assert_cmpstr (display, ==, format_rows[i].display);
    }
}

/* Sorted as bl_date_compare() orders them */
static const char * const sorted_rows[] = {
  "../2021",
  "../2022-02~",
  "",
  "201X",
  "2015~",
  "2021",
  "2021/2021",
  "2021/2022",
  "2021-07-25~",
  "2021-08-01",
  "2021-08-01/2021-08-31",
  "2021-08",
  "2021-08/..",
  "2022-01-01",
};

static void
test_compare (void)
{
  BlDate dates[G_N_ELEMENTS (sorted_rows)];

  for (gsize i = 0; i < G_N_ELEMENTS (sorted_rows); i++)
    g_assert_true (bl_date_parse (sorted_rows[i], &dates[i], NULL));

  for (gsize i = 0; i < G_N_ELEMENTS (sorted_rows); i++)
    for (gsize j = 0; j < G_N_ELEMENTS (sorted_rows); j++)
      {
        int c = bl_date_compare (&dates[i], &dates[j]);

        g_test_message ("%s <> %s", sorted_rows[i], sorted_rows[j]);
        if (i < j)
          g_assert_cmpint (c, <, 0);
        else if (i > j)
          g_assert_cmpint (c, >, 0);
        else
          g_assert_cmpint (c, ==, 0);
      }
}

static const struct {
  const char *date;
  const char *first;
  const char *last;
  gboolean overlaps;
} overlap_rows[] = {
  { "2023-02", "2023-02-28", "2023-03-10", TRUE },
  { "2023-02", "2023-03-01", "2023-03-10", FALSE },
  { "2023-02", "2023-01-01", "2023-01-31", FALSE },
  { "2022~", "2021-12-01", "2021-12-31", TRUE },    /* circa margin */
  { "2022", "2021-12-01", "2021-12-31", FALSE },
  { "2021-08/..", "2030-01-01", "2030-01-01", TRUE },
  { "2021-08/..", "2021-07-01", "2021-07-31", FALSE },
  { "../2022", "1900-01-01", "1900-01-01", TRUE },
  { "../2022", "2023-01-01", "2023-12-31", FALSE },
  { "", "2023-01-01", "2023-01-01", TRUE },         /* unknown overlaps all */
  { "2023-02-14", "2023-02-14", "2023-02-14", TRUE },
  { "2023-02-14", "min", "max", TRUE },
};

static void
test_overlaps (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (overlap_rows); i++)
    {
      BlDate date;

      g_assert_true (bl_date_parse (overlap_rows[i].date, &date, NULL));
      g_assert_cmpint (bl_date_overlaps (&date, day_of (overlap_rows[i].first),
                                         day_of (overlap_rows[i].last)),
                       ==, overlap_rows[i].overlaps);
    }
}

static const struct {
  const char *date;
  const char *first;
  const char *last;
} nominal_rows[] = {
  { "2022~", "2022-01-01", "2022-12-31" },
  { "2023-02-14~", "2023-02-14", "2023-02-14" },
  { "2023-12~", "2023-12-01", "2023-12-31" },
  { "202X~", "2020-01-01", "2029-12-31" },
  { "2021~/2022-03~", "2021-01-01", "2022-03-31" },
  { "2021-08~/..", "2021-08-01", "max" },
  { "../2022~", "min", "2022-12-31" },
  { "", "min", "max" },
};

static void
test_nominal (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (nominal_rows); i++)
    {
      BlDate date;
      gint32 first, last;

      g_assert_true (bl_date_parse (nominal_rows[i].date, &date, NULL));
      bl_date_get_nominal_range (&date, &first, &last);
      g_assert_cmpint (first, ==, day_of (nominal_rows[i].first));
      g_assert_cmpint (last, ==, day_of (nominal_rows[i].last));
    }
}

/* }}} */

/* Robustness {{{ */

/* Whatever the parsers accept is valid and round-trips */
static void
check_any (const char *text,
           gboolean    human)
{
  g_autoptr(GError) error = NULL;
  BlDate date;
  gboolean ok;

  ok = human ? bl_date_parse_human (text, &date, &error)
             : bl_date_parse (text, &date, &error);
  if (ok)
    {
      g_autofree char *canonical = bl_date_to_string (&date);
      g_autofree char *display = bl_date_format (&date);
      BlDate again;

      g_assert_no_error (error);
      g_assert_true (bl_date_is_valid (&date));
      g_assert_true (bl_date_parse (canonical, &again, NULL));
      g_assert_true (bl_date_equal (&date, &again));
      g_assert_true (g_utf8_validate (display, -1, NULL));
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == BL_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static void
test_random_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);

  for (int i = 0; i < 20000; i++)
    {
      int len = g_rand_int_range (rand, 0, 40);
      char *buf = g_malloc (len + 1);   /* exact size: ASan sees overreads */

      for (int j = 0; j < len; j++)
        buf[j] = (char) g_rand_int_range (rand, 1, 256);
      buf[len] = '\0';
      check_any (buf, TRUE);
      check_any (buf, FALSE);
      g_free (buf);
    }
}

/* Random sequences of pieces that mean something to the parsers */
static void
test_random_pieces (void)
{
  static const char * const pieces[] = {
    "2023", "02", "14", "1", "0", "9999", "-", "/", "..", ".", ",", "~", "?",
    " ", "–", "X", "s", "th", "of", "Feb", "february", "since", "from", "to",
    "until", "between", "and", "c.", "circa", "early", "mid", "late", "the",
    "onwards", "present", "up", "\xc2\xa0", "\xe2\x80\xaf", "é", "2021-08",
    "2022~", "../", "/..", "202X",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1234);

  for (int i = 0; i < 20000; i++)
    {
      g_autoptr(GString) s = g_string_new (NULL);
      int n = g_rand_int_range (rand, 1, 8);
      char *copy;

      for (int j = 0; j < n; j++)
        g_string_append (s, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      copy = g_strndup (s->str, s->len);
      check_any (copy, TRUE);
      check_any (copy, FALSE);
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

  g_test_add_func ("/date/day/known", test_day_known);
  g_test_add_func ("/date/day/sequence", test_day_sequence);
  g_test_add_func ("/date/day/gdate", test_day_gdate);
  g_test_add_func ("/date/day/helpers", test_day_helpers);
  g_test_add_func ("/date/canonical/parse", test_canonical);
  g_test_add_func ("/date/canonical/unknown", test_canonical_unknown);
  g_test_add_func ("/date/canonical/bad", test_canonical_bad);
  g_test_add_func ("/date/human/parse", test_human);
  g_test_add_func ("/date/human/canonical", test_human_canonical);
  g_test_add_func ("/date/human/bad", test_human_bad);
  g_test_add_func ("/date/construct", test_construct);
  g_test_add_func ("/date/is-valid", test_is_valid);
  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/compare", test_compare);
  g_test_add_func ("/date/overlaps", test_overlaps);
  g_test_add_func ("/date/nominal-range", test_nominal);
  g_test_add_func ("/date/random/bytes", test_random_bytes);
  g_test_add_func ("/date/random/pieces", test_random_pieces);

  return g_test_run ();
}
