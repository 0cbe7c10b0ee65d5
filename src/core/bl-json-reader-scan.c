/* bl-json-reader-scan.c — scanning the tokens of the JSON reader
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lexer of bl-json-reader.c: strings (validated as UTF-8, unescaped
 * into the reader's reusable buffer, plain runs scanned 8 bytes at a
 * time), numbers (checked against the grammar, kept as a span of the
 * input), the literals true, false and null, and the errors with their
 * place. What it is not: the structure of the document (containers,
 * members, the top-level value), which bl-json-reader.c tracks.
 */
#include "config.h"

#include "bl-json-reader-private.h"

#include <string.h>

/* ---- buffer and errors ------------------------------------------------- */

void
bl_json_reader_buf_reserve (BlJsonReader *r,
                            gsize         extra)
{
  gsize need;

  need = r->buf_len + extra + 1;
  if (G_LIKELY (need <= r->buf_size))
    return;

  if (need < r->buf_len) /* overflow; cannot happen for in-memory input */
    g_error ("bl-json-reader: string too large");

  r->buf_size = MAX (r->buf_size, 256);
  while (r->buf_size < need)
    r->buf_size = r->buf_size > G_MAXSIZE / 2 ? need : r->buf_size * 2;
  r->buf = g_realloc (r->buf, r->buf_size);
}

static inline void
buf_append (BlJsonReader *r,
            const guchar *src,
            gsize         n)
{
  if (r->skipping || n == 0)
    return;
  bl_json_reader_buf_reserve (r, n);
  memcpy (r->buf + r->buf_len, src, n);
  r->buf_len += n;
}

/* Length of the valid UTF-8 sequence starting at @p (a byte >= 0x80), or 0
 * if it is not valid: stray continuation bytes, overlong forms, UTF-16
 * surrogates, code points above U+10FFFF, and truncated sequences. */
static inline gsize
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  gsize avail = (gsize) (end - p);
  guchar c = p[0];
  guchar lo = 0x80, hi = 0xBF;

  if (c < 0xC2)
    return 0;

  if (c < 0xE0)
    return (avail >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;

  if (c < 0xF0)
    {
      if (avail < 3)
        return 0;
      if (c == 0xE0)
        lo = 0xA0;
      else if (c == 0xED)
        hi = 0x9F;
      if (p[1] < lo || p[1] > hi || (p[2] & 0xC0) != 0x80)
        return 0;
      return 3;
    }

  if (c < 0xF5)
    {
      if (avail < 4)
        return 0;
      if (c == 0xF0)
        lo = 0x90;
      else if (c == 0xF4)
        hi = 0x8F;
      if (p[1] < lo || p[1] > hi ||
          (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
      return 4;
    }

  return 0;
}

/* A readable name for the input at @pos, for messages; always valid UTF-8. */
static char *
describe_at (BlJsonReader *r,
             gsize         pos)
{
  guchar c;
  gsize n;

  if (pos >= r->len)
    return g_strdup ("end of input");

  c = r->data[pos];
  if (c == 0)
    return g_strdup ("a NUL byte");
  if (c >= 0x20 && c < 0x7F)
    return g_strdup_printf ("'%c'", c);
  if (c < 0x80)
    return g_strdup_printf ("control character U+%04X", (guint) c);

  n = utf8_sequence_length (r->data + pos, r->data + r->len);
  if (n > 0)
    return g_strdup_printf ("'%.*s'", (int) n, (const char *) r->data + pos);

  return g_strdup_printf ("byte 0x%02X", c);
}

/* Put the reader into its failed state with an error at byte @pos (which
 * must be on the current line) and hand a copy to the caller. */
BlJsonToken
bl_json_reader_fail (BlJsonReader *r,
                     GError      **error,
                     BlError       code,
                     gsize         pos,
                     const char   *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_clear_error (&r->error);
  r->error = g_error_new (BL_ERROR, code, "%s:%u:%" G_GSIZE_FORMAT ": %s",
                          r->filename, r->line,
                          pos - r->line_start + 1, message);
  r->state = STATE_ERROR;
  r->token = BL_JSON_TOKEN_ERROR;

  if (error != NULL)
    *error = g_error_copy (r->error);

  return BL_JSON_TOKEN_ERROR;
}

/* Fail at r->pos with "EXPECTED, found WHAT"; raw bytes that are not UTF-8
 * are reported as an encoding error. */
BlJsonToken
bl_json_reader_fail_unexpected (BlJsonReader *r,
                                GError      **error,
                                const char   *expected)
{
  g_autofree char *what = describe_at (r, r->pos);

  if (r->pos < r->len && r->data[r->pos] >= 0x80 &&
      utf8_sequence_length (r->data + r->pos, r->data + r->len) == 0)
    return bl_json_reader_fail (r, error, BL_ERROR_ENCODING, r->pos,
                                "invalid UTF-8 (%s)", what);

  return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos, "%s, found %s", expected, what);
}

/* ---- strings ----------------------------------------------------------- */

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* TRUE if any of the 8 bytes in @v is '"', '\\', a control character or
 * non-ASCII (the classic "has zero byte" / "has byte less than" tricks). */
static inline gboolean
word_needs_attention (guint64 v)
{
  guint64 q = v ^ (ONES * '"');
  guint64 b = v ^ (ONES * '\\');
  guint64 t = ((q - ONES) & ~q) |
              ((b - ONES) & ~b) |
              ((v - ONES * 0x20) & ~v) |
              v;

  return (t & HIGHS) != 0;
}

static inline gboolean
is_plain_string_byte (guchar c)
{
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Reads 4 hex digits at @p; -1 if there are not 4. */
static int
read_hex4 (const guchar *p,
           const guchar *end)
{
  int v = 0;

  if (end - p < 4)
    return -1;

  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return -1;
      v = (v << 4) | h;
    }

  return v;
}

static void
append_code_point (BlJsonReader *r,
                   gunichar      cp)
{
  guchar out[4];
  gsize n;

  if (cp < 0x80)
    {
      out[0] = (guchar) cp;
      n = 1;
    }
  else if (cp < 0x800)
    {
      out[0] = (guchar) (0xC0 | (cp >> 6));
      out[1] = (guchar) (0x80 | (cp & 0x3F));
      n = 2;
    }
  else if (cp < 0x10000)
    {
      out[0] = (guchar) (0xE0 | (cp >> 12));
      out[1] = (guchar) (0x80 | ((cp >> 6) & 0x3F));
      out[2] = (guchar) (0x80 | (cp & 0x3F));
      n = 3;
    }
  else
    {
      out[0] = (guchar) (0xF0 | (cp >> 18));
      out[1] = (guchar) (0x80 | ((cp >> 12) & 0x3F));
      out[2] = (guchar) (0x80 | ((cp >> 6) & 0x3F));
      out[3] = (guchar) (0x80 | (cp & 0x3F));
      n = 4;
    }

  buf_append (r, out, n);
}

/* Decodes the escape whose backslash is at @p; returns the position after
 * it, or NULL after bl_json_reader_fail(). */
static const guchar *
read_escape (BlJsonReader *r,
             const guchar *p,
             GError      **error)
{
  const guchar *end = r->data + r->len;
  gsize at = (gsize) (p - r->data);
  guchar c;
  int cp, lo;

  if (end - p < 2)
    {
      bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->token_start, "unterminated string");
      return NULL;
    }

  c = p[1];
  switch (c)
    {
    case '"':
    case '\\':
    case '/':
      buf_append (r, &c, 1);
      return p + 2;
    case 'b': c = '\b'; buf_append (r, &c, 1); return p + 2;
    case 'f': c = '\f'; buf_append (r, &c, 1); return p + 2;
    case 'n': c = '\n'; buf_append (r, &c, 1); return p + 2;
    case 'r': c = '\r'; buf_append (r, &c, 1); return p + 2;
    case 't': c = '\t'; buf_append (r, &c, 1); return p + 2;
    case 'u':
      break;
    default:
      {
        g_autofree char *what = describe_at (r, at + 1);

        bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, at,
                             "invalid escape in string: backslash followed by %s", what);
        return NULL;
      }
    }

  cp = read_hex4 (p + 2, end);
  if (cp < 0)
    {
      bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, at,
                           "invalid \\u escape in string: expected 4 hexadecimal digits");
      return NULL;
    }

  if (cp >= 0xDC00 && cp <= 0xDFFF)
    {
      bl_json_reader_fail (r, error, BL_ERROR_ENCODING, at,
                           "unpaired surrogate \\u%04X in string "
                           "(a low surrogate must follow a high one)", (guint) cp);
      return NULL;
    }

  if (cp >= 0xD800 && cp <= 0xDBFF)
    {
      if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
          (lo = read_hex4 (p + 8, end)) < 0xDC00 || lo > 0xDFFF)
        {
          bl_json_reader_fail (r, error, BL_ERROR_ENCODING, at,
                               "unpaired surrogate \\u%04X in string "
                               "(a high surrogate must be followed by an escaped low one)",
                               (guint) cp);
          return NULL;
        }

      append_code_point (r, 0x10000 + (((gunichar) cp - 0xD800) << 10) +
                            ((gunichar) lo - 0xDC00));
      return p + 12;
    }

  append_code_point (r, (gunichar) cp);
  return p + 6;
}

/* Reads the string whose opening quote is at r->pos into r->buf. */
gboolean
bl_json_reader_read_string (BlJsonReader *r,
                            GError      **error)
{
  const guchar *end = r->data + r->len;
  const guchar *p = r->data + r->pos + 1;
  const guchar *run = p;

  r->buf_len = 0;

  for (;;)
    {
      guchar c;

      while (end - p >= 8)
        {
          guint64 v;

          memcpy (&v, p, sizeof v);
          if (word_needs_attention (v))
            break;
          p += 8;
        }

      while (p < end && is_plain_string_byte (*p))
        p++;

      if (G_UNLIKELY (p >= end))
        {
          bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->token_start,
                               "unterminated string");
          return FALSE;
        }

      c = *p;
      if (c == '"')
        {
          buf_append (r, run, (gsize) (p - run));
          r->pos = (gsize) (p + 1 - r->data);
          if (!r->skipping)
            {
              bl_json_reader_buf_reserve (r, 0);
              r->buf[r->buf_len] = '\0';
            }
          return TRUE;
        }
      else if (c >= 0x80)
        {
          gsize n = utf8_sequence_length (p, end);

          if (G_UNLIKELY (n == 0))
            {
              bl_json_reader_fail (r, error, BL_ERROR_ENCODING, (gsize) (p - r->data),
                                   "invalid UTF-8 in string (byte 0x%02X)", c);
              return FALSE;
            }
          p += n;
        }
      else if (c == '\\')
        {
          buf_append (r, run, (gsize) (p - run));
          p = read_escape (r, p, error);
          if (p == NULL)
            return FALSE;
          run = p;
        }
      else
        {
          if (c == 0)
            bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, (gsize) (p - r->data),
                                 "NUL byte in string (write it as \\u0000)");
          else
            bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, (gsize) (p - r->data),
                                 "unescaped control character U+%04X in string", (guint) c);
          return FALSE;
        }
    }
}

/* ---- numbers and literals ---------------------------------------------- */

BlJsonToken
bl_json_reader_read_number (BlJsonReader *r,
                            GError      **error)
{
  const guchar *start = r->data + r->pos;
  const guchar *end = r->data + r->len;
  const guchar *p = start;
  gboolean is_int = TRUE;

  if (*p == '-')
    {
      p++;
      if (p >= end || !is_digit (*p))
        return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                    "invalid number: expected a digit after '-'");
    }

  if (*p == '0')
    {
      p++;
      if (p < end && is_digit (*p))
        return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                    "invalid number: leading zeros are not allowed");
    }
  else
    {
      while (p < end && is_digit (*p))
        p++;
    }

  if (p < end && *p == '.')
    {
      is_int = FALSE;
      p++;
      if (p >= end || !is_digit (*p))
        return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, (gsize) (p - r->data),
                                    "invalid number: expected a digit after '.'");
      while (p < end && is_digit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      is_int = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !is_digit (*p))
        return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, (gsize) (p - r->data),
                                    "invalid number: expected a digit in the exponent");
      while (p < end && is_digit (*p))
        p++;
    }

  if (p < end && (g_ascii_isalnum (*p) || *p == '.' || *p == '+' || *p == '-'))
    return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                "invalid number (JSON numbers are decimal, like -12.5e3)");

  r->num_len = (gsize) (p - start);
  r->num_is_int = is_int;
  r->pos = (gsize) (p - r->data);

  return after_value (r, BL_JSON_TOKEN_NUMBER);
}

BlJsonToken
bl_json_reader_read_literal (BlJsonReader *r,
                             const char   *word,
                             BlJsonToken   token,
                             GError      **error)
{
  gsize n = strlen (word);

  if (r->len - r->pos < n ||
      memcmp (r->data + r->pos, word, n) != 0 ||
      (r->len - r->pos > n && g_ascii_isalnum (r->data[r->pos + n])))
    return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                "invalid literal (expected '%s')", word);

  r->pos += n;
  return after_value (r, token);
}
