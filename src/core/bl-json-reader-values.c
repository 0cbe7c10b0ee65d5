/* bl-json-reader-values.c — the current token of the JSON reader
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The accessors of bl-json-reader.c: the current token, its text, its
 * number (converted on demand, exactly for integers), its place in the
 * input, and errors placed at it for callers that cannot use a value.
 * What it is not: reading the input, which bl-json-reader.c and
 * bl-json-reader-scan.c do.
 */
#include "config.h"

#include "bl-json-reader-private.h"

#include <string.h>

/* ---- accessors --------------------------------------------------------- */

/**
 * bl_json_reader_get_token:
 *
 * Returns: the token last returned by bl_json_reader_next() (or
 *   %BL_JSON_TOKEN_ERROR before the first call)
 */
BlJsonToken
bl_json_reader_get_token (BlJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, BL_JSON_TOKEN_ERROR);

  return reader->token;
}

/**
 * bl_json_reader_get_depth:
 *
 * Returns: how many objects and arrays are open; after
 *   %BL_JSON_TOKEN_BEGIN_OBJECT this counts the new object, after
 *   %BL_JSON_TOKEN_END_OBJECT no longer
 */
guint
bl_json_reader_get_depth (BlJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->depth;
}

/**
 * bl_json_reader_get_string:
 * @len: (out) (optional): length in bytes
 *
 * The unescaped text of the current %BL_JSON_TOKEN_KEY or
 * %BL_JSON_TOKEN_STRING: valid UTF-8, NUL-terminated, valid until the next
 * call on the reader. An escaped "\u0000" in the input is a NUL byte in the
 * text, so @len is then larger than strlen(): check it if that matters.
 */
const char *
bl_json_reader_get_string (BlJsonReader *reader,
                           gsize        *len)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (reader->token == BL_JSON_TOKEN_KEY ||
                        reader->token == BL_JSON_TOKEN_STRING, NULL);

  if (reader->buf == NULL)
    {
      bl_json_reader_buf_reserve (reader, 0);
      reader->buf[0] = '\0';
    }
  if (len != NULL)
    *len = reader->buf_len;

  return reader->buf;
}

/* Copies the current number's text into the buffer, NUL-terminated. */
static const char *
number_text (BlJsonReader *r)
{
  r->buf_len = 0;
  bl_json_reader_buf_reserve (r, r->num_len);
  memcpy (r->buf, r->data + r->token_start, r->num_len);
  r->buf[r->num_len] = '\0';

  return r->buf;
}

/**
 * bl_json_reader_get_number_text:
 * @len: (out) (optional): length in bytes
 *
 * Returns: the current %BL_JSON_TOKEN_NUMBER as written in the input
 *   (NUL-terminated, valid until the next call on the reader)
 */
const char *
bl_json_reader_get_number_text (BlJsonReader *reader,
                                gsize        *len)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (reader->token == BL_JSON_TOKEN_NUMBER, NULL);

  if (len != NULL)
    *len = reader->num_len;

  return number_text (reader);
}

#define EXPONENT_LIMIT G_GINT64_CONSTANT (1000000000000000)

/**
 * bl_json_reader_get_int64:
 * @out: (out): the value
 *
 * Reads the current %BL_JSON_TOKEN_NUMBER as an integer. Any exact integer
 * in the range of #gint64 is accepted whatever its form ("100", "1e2",
 * "100.0", "-0"); fractions ("1.5") and values out of range are not.
 *
 * Returns: %TRUE if the number is an exact integer in range
 */
gboolean
bl_json_reader_get_int64 (BlJsonReader *reader,
                          gint64       *out)
{
  const guchar *p, *end, *ip, *ip_end, *fp, *fp_end;
  gboolean negative = FALSE;
  gsize ni, nf, n, first, last, sig;
  gint64 exponent = 0, k;
  guint64 v = 0;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (reader->token == BL_JSON_TOKEN_NUMBER, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  p = reader->data + reader->token_start;
  end = p + reader->num_len;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  /* Common case: a plain integer of up to 18 digits cannot overflow. */
  if (reader->num_is_int && end - p <= 18)
    {
      for (; p < end; p++)
        v = v * 10 + (guint64) (*p - '0');
      *out = negative ? -(gint64) v : (gint64) v;
      return TRUE;
    }

  /* General case: value = digits × 10^k, exactly. */
  ip = p;
  while (p < end && is_digit (*p))
    p++;
  ip_end = p;
  fp = fp_end = p;
  if (p < end && *p == '.')
    {
      fp = ++p;
      while (p < end && is_digit (*p))
        p++;
      fp_end = p;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean exp_negative = FALSE;

      p++;
      if (*p == '+' || *p == '-')
        exp_negative = *p++ == '-';
      for (; p < end; p++)
        if (exponent < EXPONENT_LIMIT)
          exponent = exponent * 10 + (*p - '0');
      if (exp_negative)
        exponent = -exponent;
    }

  ni = (gsize) (ip_end - ip);
  nf = (gsize) (fp_end - fp);
  n = ni + nf;
#define DIGIT_AT(i) ((i) < ni ? ip[i] : fp[(i) - ni])

  first = 0;
  while (first < n && DIGIT_AT (first) == '0')
    first++;
  if (first == n)
    {
      *out = 0;
      return TRUE;
    }

  last = n;
  while (DIGIT_AT (last - 1) == '0')
    last--;

  /* the decimal point sits nf digits from the end; trailing zeros shift */
  k = exponent - (gint64) nf + (gint64) (n - last);
  sig = last - first;
  if (k < 0 || (gint64) sig + k > 19)
    return FALSE;

  for (gsize i = first; i < last; i++)
    v = v * 10 + (guint64) (DIGIT_AT (i) - '0');
#undef DIGIT_AT
  for (gint64 j = 0; j < k; j++)
    {
      if (v > G_MAXUINT64 / 10)
        return FALSE;
      v *= 10;
    }

  if (negative)
    {
      if (v > (guint64) G_MAXINT64 + 1)
        return FALSE;
      *out = v == (guint64) G_MAXINT64 + 1 ? G_MININT64 : -(gint64) v;
    }
  else
    {
      if (v > (guint64) G_MAXINT64)
        return FALSE;
      *out = (gint64) v;
    }

  return TRUE;
}

/**
 * bl_json_reader_get_double:
 *
 * Reads the current %BL_JSON_TOKEN_NUMBER as a double, in the C locale,
 * rounding to the nearest. A number too large for a double ("1e999") gives
 * an infinity of its sign, a number too small ("1e-999") gives zero (or a
 * subnormal): callers that need finite values must check isfinite().
 */
double
bl_json_reader_get_double (BlJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0.0);
  g_return_val_if_fail (reader->token == BL_JSON_TOKEN_NUMBER, 0.0);

  /* Integers of up to 15 digits are exact in a double. */
  if (reader->num_is_int && reader->num_len <= 15)
    {
      const guchar *p = reader->data + reader->token_start;
      const guchar *end = p + reader->num_len;
      gboolean negative = *p == '-';
      gint64 v = 0;

      for (p += negative; p < end; p++)
        v = v * 10 + (*p - '0');
      return negative ? -(double) v : (double) v;
    }

  return g_ascii_strtod (number_text (reader), NULL);
}

/**
 * bl_json_reader_get_line:
 *
 * Returns: the 1-based line of the start of the current token
 */
guint
bl_json_reader_get_line (BlJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->token_line;
}

/**
 * bl_json_reader_get_column:
 *
 * Returns: the 1-based column of the start of the current token, counted in
 *   bytes (not characters) from the start of its line
 */
gsize
bl_json_reader_get_column (BlJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->token_column;
}

/**
 * bl_json_reader_get_offset:
 *
 * Returns: the byte offset in the input of the start of the current token
 */
gsize
bl_json_reader_get_offset (BlJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->token_start;
}

/**
 * bl_json_reader_get_filename:
 *
 * Returns: the name used in messages (valid UTF-8; "<input>" if none given)
 */
const char *
bl_json_reader_get_filename (BlJsonReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->filename;
}

/**
 * bl_json_reader_set_error:
 * @error: (nullable): where to put the error
 * @code: a #BlError code
 * @format: printf-style message
 *
 * Sets @error to "FILE:LINE:COL: message" at the start of the current
 * token, for callers that find well-formed JSON they cannot use (a member
 * of the wrong type, a value out of range). The reader's own state does not
 * change.
 */
void
bl_json_reader_set_error (BlJsonReader *reader,
                          GError      **error,
                          BlError       code,
                          const char   *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (reader != NULL);
  g_return_if_fail (format != NULL);

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BL_ERROR, code, "%s:%u:%" G_GSIZE_FORMAT ": %s",
               reader->filename, reader->token_line, reader->token_column,
               message);
}
