/* bl-date.h — dates with uncertainty
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlDate is what a claim says about *when*: a day, a month, a year or a
 * decade, perhaps approximate ("circa"), or an interval whose ends each have
 * their own precision and circa flag, either end possibly open ("since
 * August 2021", "until 2022"), or unknown. The ideas (and the text form) are
 * borrowed from ISO 8601-2 / EDTF, restricted to what Borderline needs.
 *
 * It is a plain 12-byte value, cheap to copy and to keep in the store's hot
 * arrays: no GObject, no heap. It is not a point in time (no hours, no time
 * zones) and not a calendar widget model.
 *
 * # Day numbers
 *
 * Days are #gint32 counts of days since 1970-01-01 in the proleptic
 * Gregorian calendar (1969-12-31 is -1). bl_day_from_ymd() and
 * bl_day_to_ymd() convert with plain integer arithmetic; text forms accept
 * years 0001 to 9999.
 *
 * # first_day and last_day
 *
 * @first_day and @last_day are the earliest and the latest day the value
 * could mean, inclusive: `2023-02` is 2023-02-01..2023-02-28, `2023` is
 * 2023-01-01..2023-12-31, `202X` (a decade) is 2020-01-01..2029-12-31, an
 * interval runs from its start's first day to its end's last day. An open end
 * is %BL_DAY_MIN or %BL_DAY_MAX. Unknown is %BL_DAY_MIN..%BL_DAY_MAX, so it
 * overlaps every window: callers that want to leave undated claims out test
 * bl_date_is_unknown() first.
 *
 * # Circa
 *
 * A circa end is *widened* in @first_day / @last_day by a fixed margin that
 * depends on its precision, so that the store's time index (which only sees
 * first and last day) finds "c. 2022" in a window over December 2021:
 *
 * | precision | margin on each circa side       | `~` example → range       |
 * |-----------|---------------------------------|---------------------------|
 * | day       | %BL_DATE_CIRCA_DAYS (7) days    | 2023-02-14~ → 02-07..02-21|
 * | month     | one calendar month              | 2023-02~ → 01-01..03-31   |
 * | year      | one year                        | 2022~ → 2021..2023        |
 * | decade    | five years                      | 202X~ → 2015..2034        |
 *
 * The precision and the circa flag are kept, so the nominal value ("2022")
 * is recovered exactly for text and display (bl_date_get_nominal_range()
 * gives the range without the margin). These margins are Borderline's own
 * convention, not part of EDTF. "2022?" (uncertain) is read as circa by the
 * human parser: Borderline does not tell uncertain from approximate.
 *
 * # Text form
 *
 * Canonical text, as stored in project files (EDTF level 0/1 subset):
 *
 * | text                    | meaning                                  |
 * |-------------------------|------------------------------------------|
 * | (empty)                 | unknown (`unknown` is accepted on input) |
 * | `2023-02-14`            | a day                                    |
 * | `2023-02`               | a month                                  |
 * | `2023`                  | a year                                   |
 * | `202X`                  | a decade (2020–2029)                     |
 * | `2023~`, `2023-02-14~`  | circa (on any precision)                 |
 * | `2021-08-15/2022-03~`   | closed interval, per-end precision/circa |
 * | `2021-08/..`            | open end: since August 2021              |
 * | `../2022`               | open start: until 2022                   |
 *
 * bl_date_parse() accepts exactly these (years 0001–9999, two-digit month
 * and day, no spaces); bl_date_to_string() writes them, and
 * parse (to_string (d)) == d, to_string (parse (s)) == s.
 *
 * # Order
 *
 * bl_date_compare() is a total order: by @first_day, then @last_day, then
 * @start_precision, @end_precision (finer first) and @flags. It returns 0
 * only for equal values.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/** BL_DAY_MIN: the first day of an open start (and of unknown). */
#define BL_DAY_MIN G_MININT32
/** BL_DAY_MAX: the last day of an open end (and of unknown). */
#define BL_DAY_MAX G_MAXINT32

/** BL_DATE_CIRCA_DAYS: the widening, in days, of a circa end with day precision. */
#define BL_DATE_CIRCA_DAYS 7

/**
 * BlDatePrecision:
 * @BL_DATE_PRECISION_NONE: no date: unknown, or an open end
 * @BL_DATE_PRECISION_DAY: a day
 * @BL_DATE_PRECISION_MONTH: a calendar month
 * @BL_DATE_PRECISION_YEAR: a calendar year
 * @BL_DATE_PRECISION_DECADE: ten years from a year divisible by ten
 */
typedef enum {
  BL_DATE_PRECISION_NONE,
  BL_DATE_PRECISION_DAY,
  BL_DATE_PRECISION_MONTH,
  BL_DATE_PRECISION_YEAR,
  BL_DATE_PRECISION_DECADE,
} BlDatePrecision;

/**
 * BlDateFlags:
 * @BL_DATE_CIRCA_START: the start is approximate (widened, see above)
 * @BL_DATE_CIRCA_END: the end is approximate; a single circa date has both
 * @BL_DATE_INTERVAL: an interval (`a/b`), even if both ends are equal
 * @BL_DATE_OPEN_START: an interval with an open start (`../b`)
 * @BL_DATE_OPEN_END: an interval with an open end (`a/..`)
 */
typedef enum {
  BL_DATE_CIRCA_START = 1 << 0,
  BL_DATE_CIRCA_END   = 1 << 1,
  BL_DATE_INTERVAL    = 1 << 2,
  BL_DATE_OPEN_START  = 1 << 3,
  BL_DATE_OPEN_END    = 1 << 4,
} BlDateFlags;

/**
 * BlDate:
 * @first_day: the earliest day the value could mean, or %BL_DAY_MIN
 * @last_day: the latest day the value could mean, or %BL_DAY_MAX
 * @start_precision: a #BlDatePrecision; %BL_DATE_PRECISION_NONE if open
 * @end_precision: a #BlDatePrecision; equal to @start_precision for a
 *   single date
 * @flags: #BlDateFlags
 * @reserved: always 0
 *
 * A date with uncertainty. Fill one with bl_date_parse(),
 * bl_date_parse_human(), bl_date_init_ymd(), bl_date_make_interval() or
 * bl_date_init_unknown() (or %BL_DATE_UNKNOWN), not field by field: the
 * fields must agree with each other. A zero-filled BlDate is not valid.
 */
typedef struct {
  gint32 first_day;
  gint32 last_day;
  guint8 start_precision;
  guint8 end_precision;
  guint8 flags;
  guint8 reserved;
} BlDate;

G_STATIC_ASSERT (sizeof (BlDate) == 12);

/** BL_DATE_UNKNOWN: an initializer for an unknown #BlDate. */
#define BL_DATE_UNKNOWN ((BlDate) { BL_DAY_MIN, BL_DAY_MAX, 0, 0, 0, 0 })

/* Day arithmetic */
gint32    bl_day_from_ymd           (int            year,
                                     int            month,
                                     int            day);
void      bl_day_to_ymd             (gint32         day_number,
                                     int           *year,
                                     int           *month,
                                     int           *day);
gboolean  bl_date_is_leap_year      (int            year);
int       bl_date_days_in_month     (int            year,
                                     int            month);
gboolean  bl_date_valid_ymd         (int            year,
                                     int            month,
                                     int            day);

/* Construction */
void      bl_date_init_unknown      (BlDate        *date);
gboolean  bl_date_init_ymd          (BlDate        *date,
                                     BlDatePrecision precision,
                                     int            year,
                                     int            month,
                                     int            day,
                                     gboolean       circa,
                                     GError       **error);
gboolean  bl_date_make_interval     (const BlDate  *start,
                                     const BlDate  *end,
                                     BlDate        *out,
                                     GError       **error);

/* Text */
gboolean  bl_date_parse             (const char    *text,
                                     BlDate        *out,
                                     GError       **error);
char     *bl_date_to_string         (const BlDate  *date);
gboolean  bl_date_parse_human       (const char    *text,
                                     BlDate        *out,
                                     GError       **error);
char     *bl_date_format            (const BlDate  *date);

/* Queries */
gboolean  bl_date_is_unknown        (const BlDate  *date);
gboolean  bl_date_is_interval       (const BlDate  *date);
gboolean  bl_date_is_valid          (const BlDate  *date);
void      bl_date_get_nominal_range (const BlDate  *date,
                                     gint32        *first_day,
                                     gint32        *last_day);
int       bl_date_compare           (const BlDate  *a,
                                     const BlDate  *b);
gboolean  bl_date_equal             (const BlDate  *a,
                                     const BlDate  *b);
gboolean  bl_date_overlaps          (const BlDate  *date,
                                     gint32         first_day,
                                     gint32         last_day);

G_END_DECLS
