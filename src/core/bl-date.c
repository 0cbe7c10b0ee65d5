/* bl-date.c — dates with uncertainty
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Day arithmetic, construction and queries. The canonical (EDTF-like)
 * text form and localised display are in bl-date-format.c, the lenient
 * parser for what an analyst types in bl-date-parse.c. See bl-date.h for the
 * conventions (widening of circa dates, open ends, order). Nothing here
 * allocates except the functions that return strings; nothing here knows
 * about claims or stores.
 *
 * Internally a BlDate is taken apart into two DateEnds (start and end),
 * each a nominal year/month/day with a precision and a circa flag; every
 * constructor goes through bl_date_from_ends(), and every reader through
 * bl_date_decode_start() / bl_date_decode_end(), so the widening lives in one place.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-date.h"
#include "bl-date-private.h"
#include "bl-error.h"

/* Days from 0001-01-01 to 1970-01-01 in the proleptic Gregorian calendar */
#define DAYS_TO_EPOCH 719162
#define DAYS_PER_400Y 146097
#define DAYS_PER_100Y 36524
#define DAYS_PER_4Y   1461

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
end_first_day (const BlDateEnd *e)
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
end_last_day (const BlDateEnd *e)
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
end_nominal_first_day (const BlDateEnd *e)
{
  BlDateEnd plain = *e;

  plain.circa = FALSE;
  return end_first_day (&plain);
}

static gint32
end_nominal_last_day (const BlDateEnd *e)
{
  BlDateEnd plain = *e;

  plain.circa = FALSE;
  return end_last_day (&plain);
}

/* The inverse of end_first_day(): robust against any field values */
void
bl_date_decode_start (const BlDate *date,
              BlDateEnd      *e)
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
void
bl_date_decode_end (const BlDate *date,
            BlDateEnd      *e)
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
gboolean
bl_date_check_end (const BlDateEnd  *e,
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
gboolean
bl_date_from_ends (const BlDateEnd  *start,
                const BlDateEnd  *end,
                gboolean        interval,
                BlDate         *out,
                GError        **error)
{
  BlDate d = BL_DATE_UNKNOWN;
  gboolean open_start = start->precision == BL_DATE_PRECISION_NONE;
  gboolean open_end;

  if (!interval)
    {
      if (!bl_date_check_end (start, error))
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
  if ((!open_start && !bl_date_check_end (start, error)) ||
      (!open_end && !bl_date_check_end (end, error)))
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
  BlDateEnd e = { precision, circa != FALSE, year, 1, 1 };

  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (precision > BL_DATE_PRECISION_NONE &&
                        precision <= BL_DATE_PRECISION_DECADE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (precision <= BL_DATE_PRECISION_MONTH)
    e.month = month;
  if (precision == BL_DATE_PRECISION_DAY)
    e.day = day;

  return bl_date_from_ends (&e, NULL, FALSE, date, error);
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
  BlDateEnd s = { 0, FALSE, 0, 1, 1 };
  BlDateEnd e = { 0, FALSE, 0, 1, 1 };

  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (start != NULL && !bl_date_is_unknown (start))
    bl_date_decode_start (start, &s);
  if (end != NULL && !bl_date_is_unknown (end))
    bl_date_decode_end (end, &e);

  return bl_date_from_ends (&s, &e, TRUE, out, error);
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
  BlDateEnd start, end;

  g_return_if_fail (date != NULL);

  bl_date_decode_start (date, &start);
  if (date->flags & BL_DATE_INTERVAL)
    bl_date_decode_end (date, &end);
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
