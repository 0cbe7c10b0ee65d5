/* bl-date-parse.c — reading dates as analysts type them
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bl_date_parse_human(): "Feb 2023", "c. 2022", "14–20 February 2023",
 * "since August 2021", "2021-08-15/..". Every date it reads is built by
 * bl_date_from_ends() in bl-date.c, so the widening of circa dates lives
 * in one place.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-date.h"
#include "bl-date-private.h"
#include "bl-error.h"

/* Longest text the human parser looks at; a date is never this long */
#define HUMAN_MAX_LEN 200

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

/* The end of a date written with its month in words ("14 February,
 * 2023", "February 14, 2023"): an optional comma, then the year, or the
 * year borrowed from the other end of a range ("14 – 20 February 2023"),
 * then nothing. */
static gboolean
parse_year_last (Parser    *p,
                 int        k,
                 int        end,
                 BlDateEnd *e)
{
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

/* A single day, month, year or decade in tokens [k, end) */
static gboolean
parse_core (Parser  *p,
            int      k,
            int      end,
            BlDateEnd *e)
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
      return parse_year_last (p, k, end, e);
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
      return parse_year_last (p, k, end, e);
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
  BlDateEnd e = { 0, FALSE, 0, 1, 1 };
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
      BlDateEnd s = { BL_DATE_PRECISION_MONTH, circa, 0, first_month, 1 };

      k++;
      if (k < end && is_punct (p, k, '-'))
        k++;
      if (k + 1 != end || !is_number (p, k, 4, 4))
        return fail_expected (p, k, end, _("a year"));
      s.year = p->tok[k].value;
      e = s;
      e.month = first_month + 3;
      return bl_date_from_ends (&s, &e, TRUE, out, p->error);
    }

  if (is_word (p, k, "the"))
    k++;
  if (k >= end)
    return fail_expected (p, k, end, _("a date"));
  if (!parse_core (p, k, end, &e))
    return FALSE;
  e.circa = circa;

  return bl_date_from_ends (&e, NULL, FALSE, out, p->error);
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
      BlDateEnd e;

      bl_date_decode_start (&end, &e);
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
