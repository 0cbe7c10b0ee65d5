/* bl-date-format.c — dates as text: the canonical form and for display
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bl_date_to_string() and bl_date_parse() write and read the canonical,
 * EDTF-like form kept in files ("2023-02-14", "2022~", "2021-08/..");
 * bl_date_format() says a date in the user's language.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-date.h"
#include "bl-date-private.h"
#include "bl-error.h"

/* Canonical text {{{ */

static void
append_end (GString       *s,
            const BlDateEnd *e)
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
  BlDateEnd start, end;

  g_return_val_if_fail (date != NULL, NULL);

  if (bl_date_is_unknown (date))
    return g_strdup ("");

  s = g_string_sized_new (24);
  bl_date_decode_start (date, &start);

  if (!(date->flags & BL_DATE_INTERVAL))
    append_end (s, &start);
  else
    {
      bl_date_decode_end (date, &end);
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
                     BlDateEnd     *e,
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
  return bl_date_check_end (e, error);
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
  BlDateEnd start, end;
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
           bl_date_from_ends (&start, NULL, FALSE, out, error);

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

  return bl_date_from_ends (&start, &end, TRUE, out, error);
}

/* }}} */


/* Display {{{ */

static char *
format_end (const BlDateEnd *e)
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
  BlDateEnd start, end;

  g_return_val_if_fail (date != NULL, NULL);

  if (bl_date_is_unknown (date))
    return g_strdup (_("unknown date"));

  bl_date_decode_start (date, &start);
  if (!(date->flags & BL_DATE_INTERVAL))
    return format_end (&start);

  bl_date_decode_end (date, &end);
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
