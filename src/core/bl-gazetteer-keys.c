/* bl-gazetteer-keys.c — the folded and phonetic keys names are compared on
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are in bl-gazetteer.h. The index (bl-gazetteer.c) keys every
 * name once when it is built, and every query once per search.
 */
#include "config.h"

#include <string.h>

#include "bl-gazetteer.h"
#include "bl-gazetteer-private.h"

/* ---- Folding ------------------------------------------------------------ */

/* Characters dropped without leaving a space: apostrophes, the signs used
 * for ʻayn and hamza, the Russian soft/hard sign primes, tatweel. */
static gboolean
is_dropped (gunichar c)
{
  switch (c)
    {
    case '\'':
    case '`':
    case 0x00B4:    /* ´ */
    case 0x02B9:    /* ʹ */
    case 0x02BA:    /* ʺ */
    case 0x02BB:    /* ʻ */
    case 0x02BC:    /* ʼ */
    case 0x02BD:    /* ʽ */
    case 0x02BE:    /* ʾ */
    case 0x02BF:    /* ʿ */
    case 0x2018:    /* ‘ */
    case 0x2019:    /* ’ */
    case 0x0640:    /* tatweel */
      return TRUE;
    default:
      break;
    }

  switch (g_unichar_type (c))
    {
    case G_UNICODE_FORMAT:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Letters that NFKD does not decompose, and Arabic letters Persian writes
 * differently. */
static gunichar
fold_letter (gunichar c)
{
  c = g_unichar_tolower (c);
  switch (c)
    {
    case 0x0131: return 'i';      /* ı */
    case 0x0142: return 'l';      /* ł */
    case 0x00F8: return 'o';      /* ø */
    case 0x0111: return 'd';      /* đ */
    case 0x00F0: return 'd';      /* ð */
    case 0x0127: return 'h';      /* ħ */
    case 0x0259: return 'e';      /* ə */
    case 0x064A: return 0x06CC;   /* ي → ی */
    case 0x0649: return 0x06CC;   /* ى → ی */
    case 0x0643: return 0x06A9;   /* ك → ک */
    case 0x0629: return 0x0647;   /* ة → ه */
    default: return c;
    }
}

/* Appends the folded key of @text (@len bytes of valid UTF-8) to @out. */
void
bl_gazetteer_append_folded (GString    *out,
                            const char *text,
                            gssize      len)
{
  g_autofree char *nfkd = g_utf8_normalize (text, len, G_NORMALIZE_ALL);
  gsize start = out->len;
  gboolean space = FALSE;

  if (nfkd == NULL)
    return;

  for (const char *p = nfkd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_dropped (c))
        continue;
      if (!g_unichar_isalnum (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > start)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, fold_letter (c));
    }
}

static inline gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Appends the phonetic key of one word of a folded key. */
static void
append_phonetic_word (GString    *out,
                      const char *w,
                      gsize       n)
{
  gsize start = out->len;

  /* Rule 1: izafe connectors. */
  if ((n == 1 && (w[0] == 'e' || w[0] == 'i')) ||
      (n == 2 && w[0] == 'y' && (w[1] == 'e' || w[1] == 'i')))
    return;

  for (gsize i = 0; i < n;)
    {
      guchar c = (guchar) w[i];
      char next = i + 1 < n ? w[i + 1] : '\0';
      char emit;
      gsize step = 1;

      if (c >= 0x80)
        {
          /* Not Latin: copied as it is. */
          g_string_append_c (out, (char) c);
          i++;
          continue;
        }

      /* Rule 2: consonants. */
      if (c == 'd' && next == 'z' && i + 2 < n && w[i + 2] == 'h')
        emit = 'j', step = 3;
      else if (c == 'd' && next == 'j')
        emit = 'j', step = 2;
      else if (c == 'k' && next == 'h')
        emit = PHONETIC_KH, step = 2;
      else if ((c == 'g' || c == 'd') && next == 'h')
        emit = c, step = 2;
      else if (c == 'x')
        emit = PHONETIC_KH;
      else if (c == 'q')
        emit = 'k';
      /* Rule 3: vowels. */
      else if (c == 'w')
        emit = (i + 1 == n && out->len > start &&
                out->str[out->len - 1] == PHONETIC_VOWEL) ? PHONETIC_VOWEL : 'v';
      else if (c == 'y')
        emit = (i == 0 && is_vowel (next)) ? 'y' : PHONETIC_VOWEL;
      else if (is_vowel (c))
        emit = PHONETIC_VOWEL;
      else
        emit = (char) c;
      i += step;

      /* Rules 3 and 4: a run of vowels, a doubled consonant. */
      if (out->len > start && out->str[out->len - 1] == emit)
        continue;
      g_string_append_c (out, emit);
    }

  /* Rule 5: a final "h" after a vowel, then a final vowel. */
  if (out->len - start >= 2 && out->str[out->len - 1] == 'h' &&
      out->str[out->len - 2] == PHONETIC_VOWEL)
    g_string_truncate (out, out->len - 1);
  if (out->len - start >= 2 && out->str[out->len - 1] == PHONETIC_VOWEL)
    g_string_truncate (out, out->len - 1);
}

/* Appends the phonetic key of the folded key @folded to @out (rule 6:
 * words joined without spaces). */
void
bl_gazetteer_append_phonetic (GString    *out,
                              const char *folded,
                              gsize       len)
{
  gsize i = 0;

  while (i < len)
    {
      gsize j = i;

      while (j < len && folded[j] != ' ')
        j++;
      append_phonetic_word (out, folded + i, j - i);
      i = j + 1;
    }
}

/* Appends the folded key @folded without its spaces. */
void
bl_gazetteer_append_compact (GString    *out,
                             const char *folded,
                             gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (folded[i] != ' ')
      g_string_append_c (out, folded[i]);
}

/* Whether @len bytes at @s are all ASCII. */
gboolean
bl_gazetteer_is_ascii (const char *s,
                       gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) s[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* ---- Public API --------------------------------------------------------- */

/**
 * bl_gazetteer_fold:
 * @text: a name or query
 *
 * The folded key of @text (see bl-gazetteer.h): what names and queries
 * are compared on. For tests and diagnostics.
 *
 * Returns: (transfer full) (nullable): the key, %NULL if @text is not
 *   valid UTF-8
 */
char *
bl_gazetteer_fold (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  out = g_string_new (NULL);
  bl_gazetteer_append_folded (out, text, -1);
  return g_string_free (out, FALSE);
}

/**
 * bl_gazetteer_phonetic_key:
 * @text: a name or query
 *
 * The phonetic key of @text (see bl-gazetteer.h), with "X" for the kh
 * sound and "V" for a vowel: "Qunduz" → "kVndVz". For tests and
 * diagnostics.
 *
 * Returns: (transfer full) (nullable): the key, %NULL if @text is not
 *   valid UTF-8
 */
char *
bl_gazetteer_phonetic_key (const char *text)
{
  g_autoptr(GString) folded = NULL;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  folded = g_string_new (NULL);
  bl_gazetteer_append_folded (folded, text, -1);
  out = g_string_new (NULL);
  bl_gazetteer_append_phonetic (out, folded->str, folded->len);
  return g_string_free (out, FALSE);
}
