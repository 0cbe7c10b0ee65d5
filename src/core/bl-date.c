/* bl-date.c — dates with uncertainty
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Day arithmetic, the canonical (EDTF-like) text form, a lenient parser for
 * what an analyst types, and localised display. See bl-date.h for the
 * conventions (widening of circa dates, open ends, order). Nothing here
 * allocates except the functions that return strings; nothing here knows
 * about claims or stores.
 *
 * Internally a BlDate is taken apart into two DateEnds (start and end),
 * each a nominal year/month/day with a precision and a circa flag; every
 * constructor goes through date_from_ends(), and every reader through
 * decode_start() / decode_end(), so the widening lives in one place.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-date.h"
#include "bl-error.h"

/* Days from 0001-01-01 to 1970-01-01 in the proleptic Gregorian calendar */
#define DAYS_TO_EPOCH 719162
#define DAYS_PER_400Y 146097
#define DAYS_PER_100Y 36524
#define DAYS_PER_4Y   1461

/* Longest text the human parser looks at; a date is never this long */
#define HUMAN_MAX_LEN 200

typedef struct
{
  guint8   precision;   /* BL_DATE_PRECISION_NONE: open end */
  gboolean circa;
  int      year;        /* nominal; for a decade, its first year */
  int      month;       /* 1 when not significant */
  int      day;         /* 1 when not significant */
} DateEnd;

static const guint16 days_before_month[2][13] = {
  { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
  { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 },
};

/* Day arithmetic {{{ */

static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

/**
 * bl_date_is_leap_year:
 * @year: a proleptic Gregorian year (0 and negative years allowed)
 *
 * Returns: whether @year has a 29 February
 */
gboolean
bl_date_is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/**
 * bl_date_days_in_month:
 * @year: a year
 * @month: 1 to 12
 *
 * Returns: the number of days of @month in @year, or 0 if @month is out of
 *   range
 */
int
bl_date_days_in_month (int year,
                       int month)
{
  int leap;

  if (month < 1 || month > 12)
    return 0;
  leap = bl_date_is_leap_year (year) ? 1 : 0;
  return days_before_month[leap][month] - days_before_month[leap][month - 1];
}

/**
 * bl_date_valid_ymd:
 * @year: a year
 * @month: a month
 * @day: a day of the month
 *
 * Returns: whether @year-@month-@day is a day that exists, with @year in
 *   the range of the text forms (1 to 9999)
 */
gboolean
bl_date_valid_ymd (int year,
                   int month,
                   int day)
{
  return year >= 1 && year <= 9999 &&
         month >= 1 && month <= 12 &&
         day >= 1 && day <= bl_date_days_in_month (year, month);
}

/**
 * bl_day_from_ymd:
 * @year: a year (proleptic Gregorian; exact for |year| < 5,000,000)
 * @month: 1 to 12
 * @day: 1 to the length of the month (larger values run on into the next
 *   months, smaller ones back)
 *
 * Returns: the number of days from 1970-01-01 to the given day
 */
gint32
bl_day_from_ymd (int year,
                 int month,
                 int day)
{
  gint64 y = (gint64) year - 1;
  gint64 days;
  int leap;

  g_return_val_if_fail (month >= 1 && month <= 12, 0);

  leap = bl_date_is_leap_year (year) ? 1 : 0;
  days = 365 * y + floor_div (y, 4) - floor_div (y, 100) + floor_div (y, 400);
  days += days_before_month[leap][month - 1] + (day - 1);

  return (gint32) (days - DAYS_TO_EPOCH);
}

/**
 * bl_day_to_ymd:
 * @day_number: days since 1970-01-01
 * @year: (out) (optional): the year
 * @month: (out) (optional): the month, 1 to 12
 * @day: (out) (optional): the day of the month
 *
 * The inverse of bl_day_from_ymd().
 */
void
bl_day_to_ymd (gint32  day_number,
               int    *year,
               int    *month,
               int    *day)
{
  gint64 n = (gint64) day_number + DAYS_TO_EPOCH;   /* days since 0001-01-01 */
  gint64 cycles = floor_div (n, DAYS_PER_400Y);
  gint64 r = n - cycles * DAYS_PER_400Y;            /* 0 .. 146096 */
  gint64 centuries, quads, years;
  int y, m, leap;

  centuries = r / DAYS_PER_100Y;
  if (centuries == 4)                               /* last day of a 400-year cycle */
    centuries = 3;
  r -= centuries * DAYS_PER_100Y;

  quads = r / DAYS_PER_4Y;
  r -= quads * DAYS_PER_4Y;

  years = r / 365;
  if (years == 4)                                   /* last day of a leap year */
    years = 3;
  r -= years * 365;                                 /* day of year, 0-based */

  y = (int) (cycles * 400 + centuries * 100 + quads * 4 + years + 1);
  leap = bl_date_is_leap_year (y) ? 1 : 0;

  m = (int) (r / 32) + 1;                           /* never past the right month */
  while (m < 12 && r >= days_before_month[leap][m])
    m++;

  if (year)
    *year = y;
  if (month)
    *month = m;
  if (day)
    *day = (int) (r - days_before_month[leap][m - 1]) + 1;
}

/* }}} */

/* Ends {{{ */

static gint32
clamp_day (gint64 day)
{
  return (gint32) CLAMP (day, (gint64) G_MININT32 + 1, (gint64) G_MAXINT32 - 1);
}

/* The first day an end could mean, widened if it is circa */
static gint32
end_first_day (const DateEnd *e)
{
  int y = e->year, m = e->month;

  switch (e->precision)
    {
    case BL_DATE_PRECISION_DAY:
      return bl_day_from_ymd (y, m, e->day) - (e->circa ? BL_DATE_CIRCA_DAYS : 0);

    case BL_DATE_PRECISION_MONTH:
      if (e->circa && --m == 0)
        {
          m = 12;
          y--;
        }
      return bl_day_from_ymd (y, m, 1);

    case BL_DATE_PRECISION_YEAR:
      return bl_day_from_ymd (y - (e->circa ? 1 : 0), 1, 1);

    case BL_DATE_PRECISION_DECADE:
      return bl_day_from_ymd (y - (e->circa ? 5 : 0), 1, 1);

    default:
      return BL_DAY_MIN;
    }
}

/* The last day an end could mean, widened if it is circa */
static gint32
end_last_day (const DateEnd *e)
{
  int y = e->year, m = e->month;

  switch (e->precision)
    {
    case BL_DATE_PRECISION_DAY:
      return bl_day_from_ymd (y, m, e->day) + (e->circa ? BL_DATE_CIRCA_DAYS : 0);

    case BL_DATE_PRECISION_MONTH:
      if (e->circa && ++m == 13)
        {
          m = 1;
          y++;
        }
      return bl_day_from_ymd (y, m, bl_date_days_in_month (y, m));

    case BL_DATE_PRECISION_YEAR:
      return bl_day_from_ymd (y + (e->circa ? 1 : 0), 12, 31);

    case BL_DATE_PRECISION_DECADE:
      return bl_day_from_ymd (y + 9 + (e->circa ? 5 : 0), 12, 31);

    default:
      return BL_DAY_MAX;
    }
}

static gint32
end_nominal_first_day (const DateEnd *e)
{
  DateEnd plain = *e;

  plain.circa = FALSE;
  return end_first_day (&plain);
}

static gint32
end_nominal_last_day (const DateEnd *e)
{
  DateEnd plain = *e;

  plain.circa = FALSE;
  return end_last_day (&plain);
}

/* The inverse of end_first_day(): robust against any field values */
static void
decode_start (const BlDate *date,
              DateEnd      *e)
{
  gint64 first = date->first_day;
  int y, m, d;

  memset (e, 0, sizeof *e);
  e->month = e->day = 1;
  if ((date->flags & BL_DATE_OPEN_START) ||
      date->start_precision == BL_DATE_PRECISION_NONE)
    return;

  e->precision = date->start_precision;
  e->circa = (date->flags & BL_DATE_CIRCA_START) != 0;

  if (e->precision == BL_DATE_PRECISION_DAY && e->circa)
    first += BL_DATE_CIRCA_DAYS;
  bl_day_to_ymd (clamp_day (first), &y, &m, &d);

  switch (e->precision)
    {
    case BL_DATE_PRECISION_DAY:
      e->day = d;
      e->month = m;
      e->year = y;
      break;

    case BL_DATE_PRECISION_MONTH:
      if (e->circa && ++m == 13)
        {
          m = 1;
          y++;
        }
      e->month = m;
      e->year = y;
      break;

    case BL_DATE_PRECISION_YEAR:
      e->year = y + (e->circa ? 1 : 0);
      break;

    default:
      e->year = y + (e->circa ? 5 : 0);
      break;
    }
}

/* The inverse of end_last_day() */
static void
decode_end (const BlDate *date,
            DateEnd      *e)
{
  gint64 last = date->last_day;
  int y, m, d;

  memset (e, 0, sizeof *e);
  e->month = e->day = 1;
  if ((date->flags & BL_DATE_OPEN_END) ||
      date->end_precision == BL_DATE_PRECISION_NONE)
    return;

  e->precision = date->end_precision;
  e->circa = (date->flags & BL_DATE_CIRCA_END) != 0;

  if (e->precision == BL_DATE_PRECISION_DAY && e->circa)
    last -= BL_DATE_CIRCA_DAYS;
  bl_day_to_ymd (clamp_day (last), &y, &m, &d);

  switch (e->precision)
    {
    case BL_DATE_PRECISION_DAY:
      e->day = d;
      e->month = m;
      e->year = y;
      break;

    case BL_DATE_PRECISION_MONTH:
      if (e->circa && --m == 0)
        {
          m = 12;
          y--;
        }
      e->month = m;
      e->year = y;
      break;

    case BL_DATE_PRECISION_YEAR:
      e->year = y - (e->circa ? 1 : 0);
      break;

    default:
      e->year = y - 9 - (e->circa ? 5 : 0);
      break;
    }
}

/* Checks the nominal fields of a closed end */
static gboolean
check_end (const DateEnd  *e,
           GError        **error)
{
  if (e->year < 1 || e->year > 9999)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("The year %d is out of range (0001 to 9999)"), e->year);
      return FALSE;
    }

  switch (e->precision)
    {
    case BL_DATE_PRECISION_DAY:
    case BL_DATE_PRECISION_MONTH:
      if (e->month < 1 || e->month > 12)
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       _("There is no month %d"), e->month);
          return FALSE;
        }
      if (e->precision == BL_DATE_PRECISION_DAY &&
          (e->day < 1 || e->day > bl_date_days_in_month (e->year, e->month)))
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       _("There is no day %d in %04d-%02d"),
                       e->day, e->year, e->month);
          return FALSE;
        }
      return TRUE;

    case BL_DATE_PRECISION_YEAR:
      return TRUE;

    case BL_DATE_PRECISION_DECADE:
      if (e->year % 10 != 0)
        {
          g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                       _("A decade starts in a year divisible by ten, not in %d"),
                       e->year);
          return FALSE;
        }
      return TRUE;

    default:
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID, _("Invalid date precision"));
      return FALSE;
    }
}

/* The one place where a BlDate is put together. An end with precision
 * NONE is open; a single date has no @end. */
static gboolean
date_from_ends (const DateEnd  *start,
                const DateEnd  *end,
                gboolean        interval,
                BlDate         *out,
                GError        **error)
{
  BlDate d = BL_DATE_UNKNOWN;
  gboolean open_start = start->precision == BL_DATE_PRECISION_NONE;
  gboolean open_end;

  if (!interval)
    {
      if (!check_end (start, error))
        return FALSE;
      d.first_day = end_first_day (start);
      d.last_day = end_last_day (start);
      d.start_precision = d.end_precision = start->precision;
      if (start->circa)
        d.flags = BL_DATE_CIRCA_START | BL_DATE_CIRCA_END;
      *out = d;
      return TRUE;
    }

  open_end = end->precision == BL_DATE_PRECISION_NONE;
  if (open_start && open_end)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("An interval needs at least one known end"));
      return FALSE;
    }
  if ((!open_start && !check_end (start, error)) ||
      (!open_end && !check_end (end, error)))
    return FALSE;
  if (!open_start && !open_end &&
      end_nominal_first_day (start) > end_nominal_last_day (end))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("The interval ends before it starts"));
      return FALSE;
    }

  d.flags = BL_DATE_INTERVAL;
  if (open_start)
    d.flags |= BL_DATE_OPEN_START;
  else
    {
      d.first_day = end_first_day (start);
      d.start_precision = start->precision;
      if (start->circa)
        d.flags |= BL_DATE_CIRCA_START;
    }
  if (open_end)
    d.flags |= BL_DATE_OPEN_END;
  else
    {
      d.last_day = end_last_day (end);
      d.end_precision = end->precision;
      if (end->circa)
        d.flags |= BL_DATE_CIRCA_END;
    }

  *out = d;
  return TRUE;
}

/* }}} */

/* Construction {{{ */

/**
 * bl_date_init_unknown:
 * @date: a #BlDate
 *
 * Sets @date to unknown (the same as assigning %BL_DATE_UNKNOWN).
 */
void
bl_date_init_unknown (BlDate *date)
{
  g_return_if_fail (date != NULL);

  *date = BL_DATE_UNKNOWN;
}

/**
 * bl_date_init_ymd:
 * @date: (out caller-allocates): the date to set
 * @precision: day, month, year or decade
 * @year: the year (for a decade, its first year, divisible by ten)
 * @month: the month; ignored unless @precision is day or month
 * @day: the day; ignored unless @precision is day
 * @circa: whether the date is approximate
 * @error: return location for a %BL_ERROR_INVALID error
 *
 * Sets @date to a single day, month, year or decade.
 *
 * Returns: %TRUE on success; @date is unchanged on failure
 */
gboolean
bl_date_init_ymd (BlDate           *date,
                  BlDatePrecision   precision,
                  int               year,
                  int               month,
                  int               day,
                  gboolean          circa,
                  GError          **error)
{
  DateEnd e = { precision, circa != FALSE, year, 1, 1 };

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (precision > BL_DATE_PRECISION_NONE &&
                        precision <= BL_DATE_PRECISION_DECADE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (precision <= BL_DATE_PRECISION_MONTH)
    e.month = month;
  if (precision == BL_DATE_PRECISION_DAY)
    e.day = day;

  return date_from_ends (&e, NULL, FALSE, date, error);
}

/**
 * bl_date_make_interval:
 * @start: (nullable): gives the start: its own start end is used (so an
 *   interval gives its start); %NULL or unknown for an open start
 * @end: (nullable): gives the end, likewise; %NULL or unknown for open
 * @out: (out caller-allocates): the interval
 * @error: return location for a %BL_ERROR_INVALID error
 *
 * Makes an interval from @start's start to @end's end, each keeping its
 * precision and circa flag: "from August 2021 to c. March 2022" is
 * make_interval (2021-08, 2022-03~) = `2021-08/2022-03~`.
 *
 * Returns: %TRUE on success; %FALSE if both ends are open or the interval
 *   would end before it starts
 */
gboolean
bl_date_make_interval (const BlDate  *start,
                       const BlDate  *end,
                       BlDate        *out,
                       GError       **error)
{
  DateEnd s = { 0, FALSE, 0, 1, 1 };
  DateEnd e = { 0, FALSE, 0, 1, 1 };

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (start != NULL && !bl_date_is_unknown (start))
    decode_start (start, &s);
  if (end != NULL && !bl_date_is_unknown (end))
    decode_end (end, &e);

  return date_from_ends (&s, &e, TRUE, out, error);
}

/* }}} */

/* Canonical text {{{ */

static void
append_end (GString       *s,
            const DateEnd *e)
{
  switch (e->precision)
    {
    case BL_DATE_PRECISION_DAY:
      g_string_append_printf (s, "%04d-%02d-%02d", e->year, e->month, e->day);
      break;

    case BL_DATE_PRECISION_MONTH:
      g_string_append_printf (s, "%04d-%02d", e->year, e->month);
      break;

    case BL_DATE_PRECISION_YEAR:
      g_string_append_printf (s, "%04d", e->year);
      break;

    case BL_DATE_PRECISION_DECADE:
      g_string_append_printf (s, "%03dX", e->year / 10);
      break;

    default:
      /* Not a valid BlDate: write something bl_date_parse() rejects */
      g_string_append_c (s, '?');
      break;
    }

  if (e->circa)
    g_string_append_c (s, '~');
}

/**
 * bl_date_to_string:
 * @date: a #BlDate
 *
 * Writes the canonical text form of @date (see bl-date.h): `2023-02-14`,
 * `2023-02`, `2023`, `202X`, `2023~`, `2021-08/..`, `../2022`,
 * `2021-08-15/2022-03~`, or the empty string for unknown. It is the form
 * for files, independent of the locale.
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
bl_date_to_string (const BlDate *date)
{
  GString *s;
  DateEnd start, end;

  g_return_val_if_fail (date != NULL, NULL);

  if (bl_date_is_unknown (date))
    return g_strdup ("");

  s = g_string_sized_new (24);
  decode_start (date, &start);

  if (!(date->flags & BL_DATE_INTERVAL))
    append_end (s, &start);
  else
    {
      decode_end (date, &end);
      if (date->flags & BL_DATE_OPEN_START)
        g_string_append (s, "..");
      else
        append_end (s, &start);
      g_string_append_c (s, '/');
      if (date->flags & BL_DATE_OPEN_END)
        g_string_append (s, "..");
      else
        append_end (s, &end);
    }

  return g_string_free (s, FALSE);
}

/* Reads exactly @n decimal digits at @s, or returns -1 */
static int
read_digits (const char *s,
             gsize       n)
{
  int v = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return -1;
      v = v * 10 + (s[i] - '0');
    }
  return v;
}

/* One end of the canonical form, @len bytes at @s (not NUL-terminated) */
static gboolean
parse_canonical_end (const char  *s,
                     gsize        len,
                     DateEnd     *e,
                     GError     **error)
{
  int y = -1, m = 1, d = 1;

  memset (e, 0, sizeof *e);
  if (len > 0 && s[len - 1] == '~')
    {
      e->circa = TRUE;
      len--;
    }

  if (len == 4 && s[3] == 'X' && (y = read_digits (s, 3)) >= 0)
    {
      e->precision = BL_DATE_PRECISION_DECADE;
      y *= 10;
    }
  else if (len >= 4 && (y = read_digits (s, 4)) >= 0)
    {
      if (len == 4)
        e->precision = BL_DATE_PRECISION_YEAR;
      else if (len == 7 && s[4] == '-' && (m = read_digits (s + 5, 2)) >= 0)
        e->precision = BL_DATE_PRECISION_MONTH;
      else if (len == 10 && s[4] == '-' && (m = read_digits (s + 5, 2)) >= 0 &&
               s[7] == '-' && (d = read_digits (s + 8, 2)) >= 0)
        e->precision = BL_DATE_PRECISION_DAY;
    }

  if (e->precision == BL_DATE_PRECISION_NONE)
    {
      gsize shown = MIN (len + (e->circa ? 1 : 0), 40);

      /* never cut a character in two: the message must stay UTF-8 */
      while (shown > 0 && ((guchar) s[shown] & 0xc0) == 0x80)
        shown--;

      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                   _("“%.*s” is not a date of the form YYYY-MM-DD, YYYY-MM, YYYY or YYYX"),
                   (int) shown, s);
      return FALSE;
    }

  e->year = y;
  e->month = m;
  e->day = d;
  if (e->precision == BL_DATE_PRECISION_DECADE && y == 0)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("The decade 000X is out of range"));
      return FALSE;
    }
  return check_end (e, error);
}

/**
 * bl_date_parse:
 * @text: the canonical text form (see bl_date_to_string())
 * @out: (out caller-allocates): the date
 * @error: return location for a #GError
 *
 * Parses the canonical text form, strictly: no spaces, four-digit years,
 * two-digit months and days. The empty string and `unknown` are unknown.
 * Text that does not have the form fails with %BL_ERROR_SYNTAX, a day,
 * month or interval that cannot be with %BL_ERROR_INVALID, text that is
 * not UTF-8 with %BL_ERROR_ENCODING.
 *
 * Returns: %TRUE on success; @out is unchanged on failure
 */
gboolean
bl_date_parse (const char  *text,
               BlDate      *out,
               GError     **error)
{
  const char *slash;
  DateEnd start, end;
  gsize len;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_ENCODING,
                   _("The date is not valid UTF-8 text"));
      return FALSE;
    }

  if (*text == '\0' || strcmp (text, "unknown") == 0)
    {
      *out = BL_DATE_UNKNOWN;
      return TRUE;
    }

  len = strlen (text);
  slash = strchr (text, '/');
  if (slash == NULL)
    return parse_canonical_end (text, len, &start, error) &&
           date_from_ends (&start, NULL, FALSE, out, error);

  if (strchr (slash + 1, '/') != NULL)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                   _("“%s” has more than one “/”"), text);
      return FALSE;
    }

  memset (&start, 0, sizeof start);
  memset (&end, 0, sizeof end);

  if (!(slash - text == 2 && text[0] == '.' && text[1] == '.') &&
      !parse_canonical_end (text, slash - text, &start, error))
    return FALSE;
  if (strcmp (slash + 1, "..") != 0 &&
      !parse_canonical_end (slash + 1, strlen (slash + 1), &end, error))
    return FALSE;

  if (start.precision == BL_DATE_PRECISION_NONE &&
      end.precision == BL_DATE_PRECISION_NONE)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX,
                   _("“../..” is not a date; write an empty date for unknown"));
      return FALSE;
    }

  return date_from_ends (&start, &end, TRUE, out, error);
}

/* }}} */

/* Human parser {{{
 *
 * The text is cut into tokens (numbers, ASCII words, a few punctuation
 * marks, dashes, ".."), then matched against the forms listed at
 * bl_date_parse_human(). Every index is checked against the token count;
 * the tokenizer only looks past a byte when that byte is not NUL.
 */

typedef enum
{
  TOK_NUMBER,
  TOK_WORD,
  TOK_PUNCT,
  TOK_DASH,             /* – or — */
  TOK_DOTDOT,           /* .. */
} TokenKind;

typedef struct
{
  TokenKind kind;
  gboolean  space_before;
  int       start;      /* byte offsets into the text */
  int       end;
  int       value;      /* numbers: the value of the first 9 digits */
  int       n_digits;
  char      punct;
} Token;

typedef struct
{
  const char  *text;    /* stripped, as typed */
  const char  *low;     /* ASCII-lowercased copy, same offsets */
  Token       *tok;
  int          n;
  GError     **error;
  int          borrow_year;     /* for "Feb–Mar 2022", "14–20 February 2023": */
  int          borrow_month;    /* what the start may take from the end, or 0 */
} Parser;

static const struct
{
  const char *name;
  int         month;
} month_names[] = {
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 },
  { "may", 5 }, { "june", 6 }, { "july", 7 }, { "august", 8 },
  { "september", 9 }, { "october", 10 }, { "november", 11 },
  { "december", 12 },
  { "jan", 1 }, { "feb", 2 }, { "mar", 3 }, { "apr", 4 }, { "jun", 6 },
  { "jul", 7 }, { "aug", 8 }, { "sep", 9 }, { "sept", 9 }, { "oct", 10 },
  { "nov", 11 }, { "dec", 12 },
};

static gboolean
tokenize (Parser *p)
{
  const char *s = p->low;
  gboolean space = TRUE;
  int i = 0;

  p->n = 0;
  while (s[i] != '\0')
    {
      guchar c = (guchar) s[i];
      Token *t = &p->tok[p->n];

      /* Spaces: ASCII, no-break (U+00A0), thin (U+2009), narrow no-break (U+202F) */
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          space = TRUE;
          i++;
          continue;
        }
      if (c == 0xC2 && (guchar) s[i + 1] == 0xA0)
        {
          space = TRUE;
          i += 2;
          continue;
        }
      if (c == 0xE2 && (guchar) s[i + 1] == 0x80 &&
          ((guchar) s[i + 2] == 0x89 || (guchar) s[i + 2] == 0xAF))
        {
          space = TRUE;
          i += 3;
          continue;
        }

      memset (t, 0, sizeof *t);
      t->space_before = space;
      t->start = i;
      space = FALSE;

      if (g_ascii_isdigit (c))
        {
          t->kind = TOK_NUMBER;
          while (g_ascii_isdigit (s[i]))
            {
              if (t->n_digits < 9)
                t->value = t->value * 10 + (s[i] - '0');
              t->n_digits++;
              i++;
            }
        }
      else if (g_ascii_isalpha (c))
        {
          t->kind = TOK_WORD;
          while (g_ascii_isalpha (s[i]))
            i++;
        }
      else if (c == '.' && s[i + 1] == '.')
        {
          t->kind = TOK_DOTDOT;
          i += 2;
        }
      else if (c == 0xE2 && (guchar) s[i + 1] == 0x80 &&
               ((guchar) s[i + 2] == 0x93 || (guchar) s[i + 2] == 0x94))
        {
          t->kind = TOK_DASH;
          i += 3;
        }
      else if (c != '\0' && strchr (".,/-~?", c) != NULL)
        {
          t->kind = TOK_PUNCT;
          t->punct = (char) c;
          i++;
        }
      else
        {
          /* The text is valid UTF-8: the character is complete */
          int clen = g_utf8_skip[c];

          g_set_error (p->error, BL_ERROR, BL_ERROR_SYNTAX,
                       _("Did not understand “%.*s” in the date “%s”"),
                       clen, p->text + i, p->text);
          return FALSE;
        }

      t->end = i;
      p->n++;
    }

  return TRUE;
}

static gboolean
is_word (const Parser *p,
         int           k,
         const char   *word)
{
  const Token *t;
  gsize len;

  if (k < 0 || k >= p->n)
    return FALSE;
  t = &p->tok[k];
  len = strlen (word);
  return t->kind == TOK_WORD &&
         (gsize) (t->end - t->start) == len &&
         memcmp (p->low + t->start, word, len) == 0;
}

static gboolean
is_one_of (const Parser       *p,
           int                 k,
           const char * const *words)
{
  for (; *words != NULL; words++)
    if (is_word (p, k, *words))
      return TRUE;
  return FALSE;
}

static gboolean
is_punct (const Parser *p,
          int           k,
          char          c)
{
  return k >= 0 && k < p->n && p->tok[k].kind == TOK_PUNCT && p->tok[k].punct == c;
}

static gboolean
is_number (const Parser *p,
           int           k,
           int           min_digits,
           int           max_digits)
{
  return k >= 0 && k < p->n && p->tok[k].kind == TOK_NUMBER &&
         p->tok[k].n_digits >= min_digits && p->tok[k].n_digits <= max_digits;
}

static int
month_of_word (const Parser *p,
               int           k)
{
  for (gsize i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (is_word (p, k, month_names[i].name))
      return month_names[i].month;
  return 0;
}

/* Fails at token @k of the range that ends at @end, saying what was expected */
static gboolean
fail_expected (Parser     *p,
               int         k,
               int         end,
               const char *what)
{
  if (k < end && k < p->n)
    g_set_error (p->error, BL_ERROR, BL_ERROR_SYNTAX,
                 /* Translators: “%1$s” is what was expected, e.g. “a year” */
                 _("Expected %s, not “%.*s”, in the date “%s”"),
                 what, p->tok[k].end - p->tok[k].start,
                 p->text + p->tok[k].start, p->text);
  else
    g_set_error (p->error, BL_ERROR, BL_ERROR_SYNTAX,
                 _("Expected %s at the end of the date “%s”"), what, p->text);
  return FALSE;
}

/* Ordinal suffix glued to a day number: 1st, 2nd, 3rd, 14th */
static gboolean
is_ordinal (const Parser *p,
            int           k)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th", NULL };

  return is_one_of (p, k, suffixes) && !p->tok[k].space_before;
}

/* A single day, month, year or decade in tokens [k, end) */
static gboolean
parse_core (Parser  *p,
            int      k,
            int      end,
            DateEnd *e)
{
  const Token *t = &p->tok[k];

  e->month = e->day = 1;

  /* 202X, as in the canonical form */
  if (is_number (p, k, 3, 3) && k + 2 == end &&
      is_word (p, k + 1, "x") && !p->tok[k + 1].space_before)
    {
      e->year = t->value * 10;
      e->precision = BL_DATE_PRECISION_DECADE;
      return TRUE;
    }

  if (is_number (p, k, 4, 4))
    {
      e->year = t->value;
      e->precision = BL_DATE_PRECISION_YEAR;
      k++;
      if (k == end)
        return TRUE;

      if (k + 1 == end && is_word (p, k, "s") && !p->tok[k].space_before)
        {
          /* 2020s */
          if (e->year % 10 != 0)
            return fail_expected (p, k - 1, end, _("a decade such as 2020s"));
          e->precision = BL_DATE_PRECISION_DECADE;
          return TRUE;
        }

      /* 2023-02, 2023-02-14 */
      if (!is_punct (p, k, '-') || !is_number (p, k + 1, 1, 2) || k + 1 >= end)
        return fail_expected (p, k, end, _("a date such as 2023-02-14"));
      e->month = p->tok[k + 1].value;
      e->precision = BL_DATE_PRECISION_MONTH;
      k += 2;
      if (k == end)
        return TRUE;
      if (!is_punct (p, k, '-') || !is_number (p, k + 1, 1, 2) || k + 2 != end)
        return fail_expected (p, k, end, _("a date such as 2023-02-14"));
      e->day = p->tok[k + 1].value;
      e->precision = BL_DATE_PRECISION_DAY;
      return TRUE;
    }

  if (is_number (p, k, 1, 2))
    {
      e->day = t->value;
      e->precision = BL_DATE_PRECISION_DAY;
      k++;

      /* 14.02.2023 */
      if (is_punct (p, k, '.') && k < end)
        {
          if (k + 4 != end || !is_number (p, k + 1, 1, 2) ||
              !is_punct (p, k + 2, '.') || !is_number (p, k + 3, 4, 4))
            return fail_expected (p, k, end, _("a date such as 14.02.2023"));
          e->month = p->tok[k + 1].value;
          e->year = p->tok[k + 3].value;
          return TRUE;
        }

      /* 14 February 2023, 14th of Feb. 2023 */
      if (k < end && is_ordinal (p, k))
        k++;
      if (k < end && is_word (p, k, "of"))
        k++;
      if (k >= end && p->borrow_month != 0)
        {
          e->month = p->borrow_month;
          e->year = p->borrow_year;
          return TRUE;
        }
      if (k >= end || (e->month = month_of_word (p, k)) == 0)
        return fail_expected (p, k, end, _("a month name"));
      k++;
      if (k < end && is_punct (p, k, '.'))
        k++;
      if (k < end && is_punct (p, k, ','))
        k++;
      if (k >= end && p->borrow_year != 0)
        {
          e->year = p->borrow_year;
          return TRUE;
        }
      if (k >= end || !is_number (p, k, 4, 4))
        return fail_expected (p, k, end, _("a four-digit year"));
      e->year = p->tok[k].value;
      if (k + 1 != end)
        return fail_expected (p, k + 1, end, _("nothing more"));
      return TRUE;
    }

  if ((e->month = month_of_word (p, k)) != 0)
    {
      k++;
      if (k < end && is_punct (p, k, '.'))
        k++;
      e->precision = BL_DATE_PRECISION_MONTH;

      /* February 14, 2023 */
      if (k < end && is_number (p, k, 1, 2))
        {
          e->day = p->tok[k].value;
          e->precision = BL_DATE_PRECISION_DAY;
          k++;
          if (k < end && is_ordinal (p, k))
            k++;
        }
      if (k < end && is_punct (p, k, ','))
        k++;
      if (k >= end && p->borrow_year != 0)
        {
          e->year = p->borrow_year;
          return TRUE;
        }
      if (k >= end || !is_number (p, k, 4, 4))
        return fail_expected (p, k, end, _("a four-digit year"));
      e->year = p->tok[k].value;
      if (k + 1 != end)
        return fail_expected (p, k + 1, end, _("nothing more"));
      return TRUE;
    }

  return fail_expected (p, k, end, _("a date"));
}

/* A date in tokens [k, end): a single date with circa marks, or "early
 * 2023" (which is an interval of months) */
static gboolean
parse_point (Parser *p,
             int     k,
             int     end,
             BlDate *out)
{
  static const char * const circa_words[] = {
    "c", "ca", "circa", "about", "around", "approximately", "approx",
    "roughly", NULL
  };
  DateEnd e = { 0, FALSE, 0, 1, 1 };
  gboolean circa = FALSE;

  if (k < end && is_punct (p, k, '~'))
    {
      circa = TRUE;
      k++;
    }
  else if (k < end && is_one_of (p, k, circa_words))
    {
      circa = TRUE;
      k++;
      if (k < end && is_punct (p, k, '.'))
        k++;
    }
  if (end > k && (is_punct (p, end - 1, '?') || is_punct (p, end - 1, '~')))
    {
      circa = TRUE;
      end--;
    }

  if (k >= end)
    return fail_expected (p, k, end, _("a date"));

  /* early 2023 = 2023-01/2023-04, mid = 05..08, late = 09..12 */
  if (is_word (p, k, "early") || is_word (p, k, "mid") || is_word (p, k, "late"))
    {
      int first_month = is_word (p, k, "early") ? 1 : is_word (p, k, "mid") ? 5 : 9;
      DateEnd s = { BL_DATE_PRECISION_MONTH, circa, 0, first_month, 1 };

      k++;
      if (k < end && is_punct (p, k, '-'))
        k++;
      if (k + 1 != end || !is_number (p, k, 4, 4))
        return fail_expected (p, k, end, _("a year"));
      s.year = p->tok[k].value;
      e = s;
      e.month = first_month + 3;
      return date_from_ends (&s, &e, TRUE, out, p->error);
    }

  if (is_word (p, k, "the"))
    k++;
  if (k >= end)
    return fail_expected (p, k, end, _("a date"));
  if (!parse_core (p, k, end, &e))
    return FALSE;
  e.circa = circa;

  return date_from_ends (&e, NULL, FALSE, out, p->error);
}

/* One end of an interval in [k, end): ".." (and "present", "now" after the
 * separator) is open, anything else a point */
static gboolean
parse_side (Parser   *p,
            int       k,
            int       end,
            gboolean  is_end,
            BlDate   *out)
{
  if (k + 1 == end &&
      (p->tok[k].kind == TOK_DOTDOT ||
       (is_end && (is_word (p, k, "present") || is_word (p, k, "now")))))
    {
      *out = BL_DATE_UNKNOWN;
      return TRUE;
    }
  return parse_point (p, k, end, out);
}

static gboolean
combine (Parser       *p,
         const BlDate *start,
         const BlDate *end,
         BlDate       *out)
{
  return bl_date_make_interval (start, end, out, p->error);
}

/* Finds the token that separates the two ends of an interval in [k, end) */
static int
find_separator (const Parser *p,
                int           k,
                int           end,
                gboolean      words_only)
{
  static const char * const sep_words[] = { "to", "until", "till", "through", "thru", NULL };

  for (int i = k + 1; i < end; i++)
    if (is_one_of (p, i, sep_words))
      return i;

  if (words_only)
    return -1;

  for (int i = k + 1; i < end; i++)
    {
      const Token *t = &p->tok[i];

      if (t->kind == TOK_DASH || is_punct (p, i, '/'))
        return i;

      /* A hyphen separates if spaced (2021 - 2022) or before a year or a
       * word (2021-2022, Feb-Mar 2022), but not in 2023-02 or mid-2021 */
      if (is_punct (p, i, '-') && i + 1 < end &&
          !is_word (p, i - 1, "early") && !is_word (p, i - 1, "mid") &&
          !is_word (p, i - 1, "late") &&
          (t->space_before || p->tok[i + 1].space_before ||
           is_number (p, i + 1, 4, 4) || p->tok[i + 1].kind == TOK_WORD))
        return i;

      /* 14-20 February 2023, but not the 02-14 of 2023-02-14 */
      if (is_punct (p, i, '-') && i + 1 < end &&
          is_number (p, i - 1, 1, 2) && is_number (p, i + 1, 1, 2) &&
          !is_punct (p, i - 2, '-'))
        return i;
    }

  return -1;
}

static gboolean
parse_closed (Parser *p,
              int     a,
              int     sep,
              int     b,
              BlDate *out)
{
  BlDate start, end;
  gboolean ok;

  /* The end first: the start may take its year (and month) from it */
  if (!parse_side (p, sep + 1, b, TRUE, &end))
    return FALSE;
  if (!bl_date_is_interval (&end) &&
      (end.start_precision == BL_DATE_PRECISION_DAY ||
       end.start_precision == BL_DATE_PRECISION_MONTH))
    {
      DateEnd e;

      decode_start (&end, &e);
      p->borrow_year = e.year;
      if (e.precision == BL_DATE_PRECISION_DAY)
        p->borrow_month = e.month;
    }
  ok = parse_side (p, a, sep, FALSE, &start);
  p->borrow_year = p->borrow_month = 0;
  if (!ok)
    return FALSE;
  if (bl_date_is_unknown (&start) && bl_date_is_unknown (&end))
    return fail_expected (p, a, b, _("at least one known end"));
  return combine (p, &start, &end, out);
}

static gboolean
parse_tokens (Parser *p,
              BlDate *out)
{
  static const char * const since_words[] = { "since", "from", "starting", "after", NULL };
  static const char * const until_words[] = { "until", "till", "through", "by", NULL };
  BlDate point;
  int n = p->n;
  int sep;

  /* since X, from X, from X to Y */
  if (is_one_of (p, 0, since_words))
    {
      if (is_word (p, 0, "after"))
        return fail_expected (p, 0, n, _("“since” (“after” is ambiguous)"));
      sep = find_separator (p, 0, n, FALSE);
      if (sep > 0)
        return parse_closed (p, 1, sep, n, out);
      return parse_point (p, 1, n, &point) && combine (p, &point, NULL, out);
    }

  /* between X and Y */
  if (is_word (p, 0, "between"))
    {
      for (sep = 1; sep < n; sep++)
        if (is_word (p, sep, "and"))
          return parse_closed (p, 1, sep, n, out);
      return fail_expected (p, n, n, _("“and”"));
    }

  /* until X, up to X */
  if (is_one_of (p, 0, until_words) || (is_word (p, 0, "up") && is_word (p, 1, "to")))
    {
      int k = is_word (p, 0, "up") ? 2 : 1;

      if (is_word (p, 0, "by"))
        return fail_expected (p, 0, n, _("“until” (“by” is ambiguous)"));
      return parse_point (p, k, n, &point) && combine (p, NULL, &point, out);
    }

  /* X onwards */
  if (n > 1 && (is_word (p, n - 1, "onwards") || is_word (p, n - 1, "onward")))
    return parse_point (p, 0, n - 1, &point) && combine (p, &point, NULL, out);

  /* X to Y, X – Y, X/Y, X/.., ../Y */
  sep = find_separator (p, 0, n, FALSE);
  if (sep > 0)
    return parse_closed (p, 0, sep, n, out);

  return parse_point (p, 0, n, out);
}

/**
 * bl_date_parse_human:
 * @text: a date as an analyst types it
 * @out: (out caller-allocates): the date
 * @error: return location for a #GError
 *
 * Parses a date leniently, in English, case-insensitively:
 *
 * - a day: `14 February 2023`, `14th of Feb. 2023`, `February 14, 2023`,
 *   `2023-02-14`, `14.02.2023` (day first);
 * - a month: `Feb 2023`, `February 2023`, `2023-02`;
 * - a year, a decade: `2023`, `2020s`, `the 2020s`;
 * - circa: `c. 2022`, `ca. 2022`, `circa 2022`, `about 2022`, `around 2022`,
 *   `~2022`, `2022~`, `2022?` (uncertain is read as circa);
 * - parts of a year: `early 2023` (January–April), `mid-2023`
 *   (May–August), `late 2023` (September–December), as month intervals;
 * - intervals: `since August 2021`, `from 2021-08-15`, `2021-08 onwards`,
 *   `until 2022`, `till 2022`, `up to 2022`, `from 2021-08-15 to March
 *   2022`, `between 2021 and 2022`, `2021-2022`, `2021-08-15/2022-03`,
 *   `2021-08-15/..`, `../2022`, `2021 to present`; the start may leave
 *   out the year (and month) it shares with a day or month end: `Feb–Mar
 *   2022`, `14–20 February 2023`, `14 Feb – 3 Mar 2023`;
 * - the canonical forms of bl_date_parse(), and empty, `unknown`,
 *   `undated` for unknown.
 *
 * "until 2022" includes 2022. "after" and "by" are refused as ambiguous.
 * Text it does not understand fails with %BL_ERROR_SYNTAX and a message
 * naming the part not understood; a date that does not exist (2023-02-30,
 * month 13) with %BL_ERROR_INVALID; text that is not UTF-8 with
 * %BL_ERROR_ENCODING; text longer than 200 bytes with %BL_ERROR_TOO_LARGE.
 *
 * Returns: %TRUE on success; @out is unchanged on failure
 */
gboolean
bl_date_parse_human (const char  *text,
                     BlDate      *out,
                     GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *low = NULL;
  g_autofree Token *tokens = NULL;
  Parser p;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_ENCODING,
                   _("The date is not valid UTF-8 text"));
      return FALSE;
    }
  if (strlen (text) > HUMAN_MAX_LEN)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
                   _("The date is too long (more than %d bytes)"), HUMAN_MAX_LEN);
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0' ||
      g_ascii_strcasecmp (stripped, "unknown") == 0 ||
      g_ascii_strcasecmp (stripped, "undated") == 0)
    {
      *out = BL_DATE_UNKNOWN;
      return TRUE;
    }

  low = g_ascii_strdown (stripped, -1);
  tokens = g_new0 (Token, strlen (stripped) + 1);

  p.text = stripped;
  p.low = low;
  p.tok = tokens;
  p.n = 0;
  p.error = error;
  p.borrow_year = p.borrow_month = 0;

  return tokenize (&p) && parse_tokens (&p, out);
}

/* }}} */

/* Display {{{ */

static char *
format_end (const DateEnd *e)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *s = NULL;

  switch (e->precision)
    {
    case BL_DATE_PRECISION_DAY:
    case BL_DATE_PRECISION_MONTH:
      dt = g_date_time_new_utc (e->year, e->month, e->day, 0, 0, 0);
      if (dt == NULL)
        break;
      if (e->precision == BL_DATE_PRECISION_DAY)
        /* Translators: a date with day precision, as for g_date_time_format():
         * %-d day, %B month name in a date, %Y year */
        s = g_date_time_format (dt, _("%-d %B %Y"));
      else
        /* Translators: a month of a year, as for g_date_time_format():
         * %OB month name on its own, %Y year */
        s = g_date_time_format (dt, _("%OB %Y"));
      break;

    case BL_DATE_PRECISION_YEAR:
      s = g_strdup_printf ("%d", e->year);
      break;

    case BL_DATE_PRECISION_DECADE:
      /* Translators: a decade, e.g. “2020s” */
      s = g_strdup_printf (_("%ds"), e->year);
      break;

    default:
      break;
    }

  if (s == NULL)
    s = g_strdup ("?");
  if (e->circa)
    /* Translators: an approximate date, e.g. “c. 2022” */
    return g_strdup_printf (_("c. %s"), s);
  return g_steal_pointer (&s);
}

/**
 * bl_date_format:
 * @date: a #BlDate
 *
 * Formats @date for people, in the current locale: "14 February 2023",
 * "February 2023", "2023", "2020s", "c. 2022", "since August 2021", "until
 * 2022", "15 August 2021 – March 2022", "unknown date".
 *
 * Returns: (transfer full): a newly allocated string
 */
char *
bl_date_format (const BlDate *date)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  DateEnd start, end;

  g_return_val_if_fail (date != NULL, NULL);

  if (bl_date_is_unknown (date))
    return g_strdup (_("unknown date"));

  decode_start (date, &start);
  if (!(date->flags & BL_DATE_INTERVAL))
    return format_end (&start);

  decode_end (date, &end);
  if (date->flags & BL_DATE_OPEN_START)
    {
      b = format_end (&end);
      /* Translators: an interval open at the start, e.g. “until 2022” */
      return g_strdup_printf (_("until %s"), b);
    }

  a = format_end (&start);
  if (date->flags & BL_DATE_OPEN_END)
    /* Translators: an interval open at the end, e.g. “since August 2021” */
    return g_strdup_printf (_("since %s"), a);

  b = format_end (&end);
  /* Translators: an interval, e.g. “15 August 2021 – March 2022” */
  return g_strdup_printf (_("%s – %s"), a, b);
}

/* }}} */

/* Queries {{{ */

/**
 * bl_date_is_unknown:
 * @date: a #BlDate
 *
 * Returns: whether @date is unknown
 */
gboolean
bl_date_is_unknown (const BlDate *date)
{
  g_return_val_if_fail (date != NULL, TRUE);

  return !(date->flags & BL_DATE_INTERVAL) &&
         date->start_precision == BL_DATE_PRECISION_NONE;
}

/**
 * bl_date_is_interval:
 * @date: a #BlDate
 *
 * Returns: whether @date is an interval (closed or open)
 */
gboolean
bl_date_is_interval (const BlDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return (date->flags & BL_DATE_INTERVAL) != 0;
}

/**
 * bl_date_is_valid:
 * @date: a #BlDate, perhaps read from a cache or filled by hand
 *
 * Checks that the fields of @date agree with each other, as the
 * constructors make them. Not for the hot path.
 *
 * Returns: whether @date is a valid #BlDate
 */
gboolean
bl_date_is_valid (const BlDate *date)
{
  g_autofree char *text = NULL;
  BlDate again;

  g_return_val_if_fail (date != NULL, FALSE);

  if (date->reserved != 0 || (date->flags & ~0x1f) != 0 ||
      date->start_precision > BL_DATE_PRECISION_DECADE ||
      date->end_precision > BL_DATE_PRECISION_DECADE)
    return FALSE;
  if (bl_date_is_unknown (date))
    return bl_date_equal (date, &BL_DATE_UNKNOWN);

  text = bl_date_to_string (date);
  return bl_date_parse (text, &again, NULL) && bl_date_equal (date, &again);
}

/**
 * bl_date_get_nominal_range:
 * @date: a #BlDate
 * @first_day: (out) (optional): the first day, without circa widening
 * @last_day: (out) (optional): the last day, without circa widening
 *
 * Gets the range @date names, without the circa margins that
 * @first_day and @last_day of the struct include: for `2022~`,
 * 2022-01-01..2022-12-31. Open ends and unknown give %BL_DAY_MIN and
 * %BL_DAY_MAX.
 */
void
bl_date_get_nominal_range (const BlDate *date,
                           gint32       *first_day,
                           gint32       *last_day)
{
  DateEnd start, end;

  g_return_if_fail (date != NULL);

  decode_start (date, &start);
  if (date->flags & BL_DATE_INTERVAL)
    decode_end (date, &end);
  else
    end = start;

  if (first_day)
    *first_day = start.precision == BL_DATE_PRECISION_NONE ?
                 BL_DAY_MIN : end_nominal_first_day (&start);
  if (last_day)
    *last_day = end.precision == BL_DATE_PRECISION_NONE ?
                BL_DAY_MAX : end_nominal_last_day (&end);
}

/**
 * bl_date_compare:
 * @a: a #BlDate
 * @b: a #BlDate
 *
 * A total order for sorting: by first day, then last day, then start
 * precision and end precision (finer first), then flags. Unknown has the
 * range %BL_DAY_MIN..%BL_DAY_MAX and sorts after every other open-start
 * date. Returns 0 only when @a and @b are equal.
 *
 * Returns: negative, 0 or positive, as strcmp()
 */
int
bl_date_compare (const BlDate *a,
                 const BlDate *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->first_day != b->first_day)
    return a->first_day < b->first_day ? -1 : 1;
  if (a->last_day != b->last_day)
    return a->last_day < b->last_day ? -1 : 1;
  if (a->start_precision != b->start_precision)
    return a->start_precision < b->start_precision ? -1 : 1;
  if (a->end_precision != b->end_precision)
    return a->end_precision < b->end_precision ? -1 : 1;
  if (a->flags != b->flags)
    return a->flags < b->flags ? -1 : 1;
  if (a->reserved != b->reserved)
    return a->reserved < b->reserved ? -1 : 1;
  return 0;
}

/**
 * bl_date_equal:
 * @a: a #BlDate
 * @b: a #BlDate
 *
 * Returns: whether @a and @b are the same value
 */
gboolean
bl_date_equal (const BlDate *a,
               const BlDate *b)
{
  return bl_date_compare (a, b) == 0;
}

/**
 * bl_date_overlaps:
 * @date: a #BlDate
 * @first_day: the first day of a window, inclusive
 * @last_day: the last day of a window, inclusive
 *
 * Tests whether any day @date could mean (circa margins included) falls
 * in the window. Unknown dates overlap every window; test
 * bl_date_is_unknown() first to leave them out.
 *
 * Returns: whether @date overlaps @first_day..@last_day
 */
gboolean
bl_date_overlaps (const BlDate *date,
                  gint32        first_day,
                  gint32        last_day)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return date->first_day <= last_day && date->last_day >= first_day;
}

/* }}} */
