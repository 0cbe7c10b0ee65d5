/* bl-quantity-parse.c — reading figures as analysts type them
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bl_quantity_parse_human(): "6,500 fighters", "about 4,000 (3500-4500)",
 * "at least 6000", "2,000 to 3,000", "several thousand". English only:
 * figures in files are canonical, and display goes through
 * bl_quantity_format().
 */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bl-error.h"
#include "bl-quantity.h"
#include "bl-quantity-private.h"

/* Human parser {{{ */

typedef struct
{
  const char  *text;    /* stripped, as typed */
  const char  *low;     /* ASCII-lowercased copy, same offsets */
  gsize        pos;
  GError     **error;
} Scan;

typedef enum
{
  RANGE_NONE,
  RANGE_AND,            /* between A and B */
  RANGE_TO,             /* from A to B */
} RangeWord;

static const struct
{
  const char          *phrase;
  BlQuantityQualifier  qualifier;
  RangeWord            range;
} prefixes[] = {
  { "at least", BL_QUANTITY_AT_LEAST, RANGE_NONE },
  { "no fewer than", BL_QUANTITY_AT_LEAST, RANGE_NONE },
  { "no less than", BL_QUANTITY_AT_LEAST, RANGE_NONE },
  { "not fewer than", BL_QUANTITY_AT_LEAST, RANGE_NONE },
  { "not less than", BL_QUANTITY_AT_LEAST, RANGE_NONE },
  { "a minimum of", BL_QUANTITY_AT_LEAST, RANGE_NONE },
  { "at most", BL_QUANTITY_AT_MOST, RANGE_NONE },
  { "no more than", BL_QUANTITY_AT_MOST, RANGE_NONE },
  { "not more than", BL_QUANTITY_AT_MOST, RANGE_NONE },
  { "a maximum of", BL_QUANTITY_AT_MOST, RANGE_NONE },
  { "more than", BL_QUANTITY_MORE_THAN, RANGE_NONE },
  { "over", BL_QUANTITY_MORE_THAN, RANGE_NONE },
  { "above", BL_QUANTITY_MORE_THAN, RANGE_NONE },
  { "in excess of", BL_QUANTITY_MORE_THAN, RANGE_NONE },
  { "fewer than", BL_QUANTITY_FEWER_THAN, RANGE_NONE },
  { "less than", BL_QUANTITY_FEWER_THAN, RANGE_NONE },
  { "under", BL_QUANTITY_FEWER_THAN, RANGE_NONE },
  { "below", BL_QUANTITY_FEWER_THAN, RANGE_NONE },
  { "up to", BL_QUANTITY_UP_TO, RANGE_NONE },
  { "as many as", BL_QUANTITY_UP_TO, RANGE_NONE },
  { "approximately", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "approx.", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "approx", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "about", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "around", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "roughly", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "some", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "an estimated", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "estimated", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "circa", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "ca.", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "c.", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "~", BL_QUANTITY_APPROXIMATELY, RANGE_NONE },
  { "nearly", BL_QUANTITY_NEARLY, RANGE_NONE },
  { "almost", BL_QUANTITY_NEARLY, RANGE_NONE },
  { "close to", BL_QUANTITY_NEARLY, RANGE_NONE },
  { "between", BL_QUANTITY_RANGE, RANGE_AND },
  { "from", BL_QUANTITY_RANGE, RANGE_TO },
};

/* Longest first where one starts another */
static const struct
{
  const char          *phrase;
  BlQuantityQualifier  qualifier;
} vague_phrases[] = {
  { "tens of thousands", BL_QUANTITY_TENS_OF_THOUSANDS },
  { "several thousand", BL_QUANTITY_SEVERAL_THOUSAND },
  { "several hundred", BL_QUANTITY_SEVERAL_HUNDRED },
  { "a few thousand", BL_QUANTITY_SEVERAL_THOUSAND },
  { "a few hundred", BL_QUANTITY_SEVERAL_HUNDRED },
  { "a few", BL_QUANTITY_A_FEW },
  { "several", BL_QUANTITY_SEVERAL },
  { "dozens", BL_QUANTITY_DOZENS },
  { "hundreds", BL_QUANTITY_HUNDREDS },
  { "thousands", BL_QUANTITY_THOUSANDS },
};

/* The length of a space character at @p: ASCII, no-break (U+00A0), thin
 * (U+2009), narrow no-break (U+202F); 0 if none. Reads no further than a
 * NUL. */
static gsize
space_len (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] == ' ' || u[0] == '\t' || u[0] == '\n' || u[0] == '\r')
    return 1;
  if (u[0] == 0xC2 && u[1] == 0xA0)
    return 2;
  if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x89 || u[2] == 0xAF))
    return 3;
  return 0;
}

/* The length of a dash at @p: - – — ; 0 if none */
static gsize
dash_len (const char *p)
{
  const guchar *u = (const guchar *) p;

  if (u[0] == '-')
    return 1;
  if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0x93 || u[2] == 0x94))
    return 3;
  return 0;
}

static void
skip_spaces (Scan *s)
{
  gsize n;

  while ((n = space_len (s->low + s->pos)) > 0)
    s->pos += n;
}

/* Matches @phrase (lowercase, words separated by one space) at the
 * position, with any spaces between words and a word boundary after */
static gboolean
match_phrase (Scan       *s,
              const char *phrase)
{
  gsize p = s->pos;
  gsize len = strlen (phrase);

  for (const char *q = phrase; *q != '\0'; q++)
    {
      if (*q == ' ')
        {
          gsize n, count = 0;

          while ((n = space_len (s->low + p)) > 0)
            {
              p += n;
              count++;
            }
          if (count == 0)
            return FALSE;
        }
      else if (s->low[p] == *q)
        p++;
      else
        return FALSE;
    }

  if (g_ascii_isalpha (phrase[len - 1]) && g_ascii_isalnum (s->low[p]))
    return FALSE;

  s->pos = p;
  return TRUE;
}

static gboolean
fail_at (Scan       *s,
         const char *expected)
{
  const char *here = s->text + s->pos;
  gsize len = 0;

  /* Quote up to the next ASCII space: never inside a UTF-8 sequence */
  while (here[len] != '\0' && here[len] != ' ' && len < 40)
    len++;
  while (len > 0 && !g_utf8_validate (here, len, NULL))
    len--;

  if (*here == '\0')
    g_set_error (s->error, BL_ERROR, BL_ERROR_SYNTAX,
                 _("Expected %s at the end of “%s”"), expected, s->text);
  else
    g_set_error (s->error, BL_ERROR, BL_ERROR_SYNTAX,
                 /* Translators: “%1$s” is what was expected, e.g. “a number” */
                 _("Expected %s, not “%.*s”, in “%s”"),
                 expected, (int) len, here, s->text);
  return FALSE;
}

/* A figure: 6500, 6,500, 4 000, 6.5, 6.5k, 2 million. @scaled says
 * whether a multiplier was given. */
static gboolean
parse_number (Scan     *s,
              double   *out,
              gboolean *scaled)
{
  const char *low = s->low;
  gsize p = s->pos;
  char buf[48];
  gsize n = 0;
  gsize int_digits = 0;
  double value;

  *scaled = FALSE;
  if (!g_ascii_isdigit (low[p]))
    return fail_at (s, _("a number"));

  while (g_ascii_isdigit (low[p]))
    {
      if (n < 20)
        buf[n++] = low[p];
      int_digits++;
      p++;

      if (!g_ascii_isdigit (low[p]))
        {
          /* A group separator is followed by exactly three digits */
          gsize sep = low[p] == ',' ? 1 : space_len (low + p);

          if (sep > 0 &&
              g_ascii_isdigit (low[p + sep]) &&
              g_ascii_isdigit (low[p + sep + 1]) &&
              g_ascii_isdigit (low[p + sep + 2]) &&
              !g_ascii_isdigit (low[p + sep + 3]))
            p += sep;
        }
    }

  if (low[p] == '.' && g_ascii_isdigit (low[p + 1]))
    {
      buf[n++] = '.';
      p++;
      while (g_ascii_isdigit (low[p]))
        {
          if (n < sizeof buf - 1)
            buf[n++] = low[p];
          p++;
        }
    }
  buf[n] = '\0';

  /* 10^15, the largest figure, has 16 digits; larger is refused below */
  if (int_digits > 16)
    {
      g_set_error (s->error, BL_ERROR, BL_ERROR_INVALID,
                   _("The number in “%s” is too large"), s->text);
      return FALSE;
    }
  value = g_ascii_strtod (buf, NULL);
  s->pos = p;

  /* 6.5k, 2 thousand, 1.2 million */
  if (low[p] == 'k' && !g_ascii_isalnum (low[p + 1]))
    {
      s->pos = p + 1;
      value *= 1e3;
      *scaled = TRUE;
    }
  else
    {
      Scan ahead = *s;

      skip_spaces (&ahead);
      if (match_phrase (&ahead, "thousand"))
        value *= 1e3, *scaled = TRUE;
      else if (match_phrase (&ahead, "million"))
        value *= 1e6, *scaled = TRUE;
      else if (match_phrase (&ahead, "billion"))
        value *= 1e9, *scaled = TRUE;
      if (*scaled)
        s->pos = ahead.pos;
    }

  if (value > MAX_FIGURE)
    {
      g_set_error (s->error, BL_ERROR, BL_ERROR_INVALID,
                   _("The number in “%s” is too large"), s->text);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* A range separator: - – — "to" (and "and" after "between") */
static gboolean
match_range_separator (Scan      *s,
                       RangeWord  word)
{
  Scan ahead = *s;
  gsize n;

  skip_spaces (&ahead);
  if ((n = dash_len (ahead.low + ahead.pos)) > 0)
    ahead.pos += n;
  else if (!match_phrase (&ahead, word == RANGE_AND ? "and" : "to"))
    return FALSE;
  skip_spaces (&ahead);

  *s = ahead;
  return TRUE;
}

/* "(3500-4500)" or "(6000+)": an explicit range after the figure */
static gboolean
parse_explicit_range (Scan       *s,
                      BlQuantity *q)
{
  double min, max;
  gboolean scaled;
  gsize n;

  s->pos++;                                     /* ( */
  skip_spaces (s);
  if (!parse_number (s, &min, &scaled))
    return FALSE;
  skip_spaces (s);
  if (s->low[s->pos] == '+')
    {
      s->pos++;
      max = INFINITY;
    }
  else if ((n = dash_len (s->low + s->pos)) > 0)
    {
      s->pos += n;
      skip_spaces (s);
      if (!parse_number (s, &max, &scaled))
        return FALSE;
    }
  else
    return fail_at (s, _("“-” or “+”"));
  skip_spaces (s);
  if (s->low[s->pos] != ')')
    return fail_at (s, _("“)”"));
  s->pos++;

  q->min = min;
  q->max = max;
  return TRUE;
}

/**
 * bl_quantity_parse_human:
 * @text: a quantity as an analyst types it
 * @out: an initialised #BlQuantity; replaced on success, unchanged on failure
 * @error: return location for a #GError
 *
 * Parses a quantity leniently, in English, case-insensitively:
 *
 * - figures: `6500`, `6,500`, `4 000` (also with no-break and thin
 *   spaces), `6.5`, `6.5k`, `2 thousand`, `1.2 million`;
 * - qualified: `about 4,000`, `~4000`, `around`, `roughly`, `some`,
 *   `an estimated`, `circa`; `nearly`, `almost`; `at least`, `no fewer
 *   than`, `6,000+`, `6,000 or more`; `more than`, `over`, `above`; `at
 *   most`, `no more than`, `6,000 or fewer`; `fewer than`, `less than`,
 *   `under`, `below`; `up to`, `as many as`; `4,000 or so`;
 * - ranges: `between 2,000 and 3,000`, `from 2,000 to 3,000`,
 *   `2000-3000`, `2,000–3,000`, `2 to 3 thousand` (the multiplier of the
 *   upper bound also applies to the lower);
 * - vague: `a few`, `several`, `dozens`, `hundreds`, `several hundred`
 *   (and `a few hundred`), `thousands`, `several thousand` (and `a few
 *   thousand`), `tens of thousands`;
 * - then an optional explicit range `(3500-4500)` or `(6000+)`, and an
 *   optional unit, the rest of the text (a leading "of" dropped), which
 *   starts with a letter or %, $, €, £: `at least 6,000 fighters`, `dozens
 *   of civilians`.
 *
 * The text (stripped) is kept in @out's text. Text not understood fails
 * with %BL_ERROR_SYNTAX naming the part; an impossible quantity (a
 * reversed range, a number too large) with %BL_ERROR_INVALID; text that
 * is not UTF-8 with %BL_ERROR_ENCODING; more than 500 bytes with
 * %BL_ERROR_TOO_LARGE.
 *
 * Returns: %TRUE on success
 */
gboolean
bl_quantity_parse_human (const char  *text,
                         BlQuantity  *out,
                         GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *low = NULL;
  g_auto(BlQuantity) q = BL_QUANTITY_INIT;
  RangeWord range = RANGE_NONE;
  gboolean vague = FALSE;
  Scan s;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_ENCODING,
                   _("The quantity is not valid UTF-8 text"));
      return FALSE;
    }
  if (strlen (text) > HUMAN_MAX_LEN)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
                   _("The quantity is too long (more than %d bytes)"), HUMAN_MAX_LEN);
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (text));
  low = g_ascii_strdown (stripped, -1);
  s.text = stripped;
  s.low = low;
  s.pos = 0;
  s.error = error;
  skip_spaces (&s);

  if (low[s.pos] == '\0')
    {
      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX, _("The quantity is empty"));
      return FALSE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (vague_phrases) && !vague; i++)
    if (match_phrase (&s, vague_phrases[i].phrase))
      {
        q.qualifier = vague_phrases[i].qualifier;
        vague = TRUE;
      }

  if (!vague)
    {
      gboolean scaled = FALSE, scaled2 = FALSE;
      double value, value2 = 0;

      for (gsize i = 0; i < G_N_ELEMENTS (prefixes); i++)
        if (match_phrase (&s, prefixes[i].phrase))
          {
            q.qualifier = prefixes[i].qualifier;
            range = prefixes[i].range;
            break;
          }
      skip_spaces (&s);

      if (!parse_number (&s, &value, &scaled))
        return FALSE;

      if (range != RANGE_NONE ||
          q.qualifier == BL_QUANTITY_EXACT ||
          q.qualifier == BL_QUANTITY_APPROXIMATELY)
        {
          Scan ahead = s;

          if (match_range_separator (&ahead, range) &&
              g_ascii_isdigit (ahead.low[ahead.pos]))
            {
              s = ahead;
              if (!parse_number (&s, &value2, &scaled2))
                return FALSE;
              /* 2 to 3 thousand: the multiplier applies to both */
              if (scaled2 && !scaled)
                value *= value2 >= 1e9 ? 1e9 : value2 >= 1e6 ? 1e6 : 1e3;
              range = RANGE_AND;
            }
          else if (range != RANGE_NONE)
            {
              skip_spaces (&ahead);
              return fail_at (&ahead, range == RANGE_AND ? _("“and”") : _("“to”"));
            }
        }

      if (range != RANGE_NONE)
        {
          if (value > value2)
            {
              g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                           _("The range in “%s” runs from high to low"), stripped);
              return FALSE;
            }
          q.qualifier = BL_QUANTITY_RANGE;
          q.min = value;
          q.max = value2;
        }
      else
        {
          q.value = value;
          skip_spaces (&s);
          if (low[s.pos] == '+' && q.qualifier == BL_QUANTITY_EXACT)
            {
              s.pos++;
              q.qualifier = BL_QUANTITY_AT_LEAST;
            }
          else if (q.qualifier == BL_QUANTITY_EXACT)
            {
              if (match_phrase (&s, "or more"))
                q.qualifier = BL_QUANTITY_AT_LEAST;
              else if (match_phrase (&s, "or fewer") || match_phrase (&s, "or less"))
                q.qualifier = BL_QUANTITY_AT_MOST;
              else if (match_phrase (&s, "or so"))
                q.qualifier = BL_QUANTITY_APPROXIMATELY;
            }
        }
    }

  skip_spaces (&s);
  if (low[s.pos] == '(')
    {
      if (q.qualifier == BL_QUANTITY_RANGE)
        return fail_at (&s, _("a unit"));
      if (!parse_explicit_range (&s, &q))
        return FALSE;
      skip_spaces (&s);
    }

  if (match_phrase (&s, "of"))
    {
      skip_spaces (&s);
      if (low[s.pos] == '\0')
        return fail_at (&s, _("a unit after “of”"));
    }

  if (low[s.pos] != '\0')
    {
      Scan ahead = s;

      gunichar first = g_utf8_get_char (stripped + s.pos);

      /* A unit starts with a letter (or %, $, €, £), and is nothing that
       * would read as part of the figure: "500+ thousand" */
      if (!(g_unichar_isalpha (first) || first == '%' || first == '$' ||
            first == 0x20AC || first == 0xA3) ||
          match_phrase (&ahead, "thousand") || match_phrase (&ahead, "million") ||
          match_phrase (&ahead, "billion"))
        return fail_at (&s, _("a unit"));
      q.unit = g_strdup (stripped + s.pos);
    }

  if (!bl_quantity_validate (&q, error))
    return FALSE;

  q.text = g_strdup (stripped);
  bl_quantity_clear (out);
  *out = q;
  q = (BlQuantity) BL_QUANTITY_INIT;
  return TRUE;
}

/* }}} */
