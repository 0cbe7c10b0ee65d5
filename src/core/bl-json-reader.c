/* bl-json-reader.c — strict streaming (pull) JSON reader
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: reading big JSON documents (project files of a million
 * claims, GeoJSON, feeds) from a buffer in memory, one token at a time,
 * without building a tree, and rejecting everything that RFC 8259 rejects.
 * What it is not: a DOM, a schema checker, or a reader of JSON variants
 * (no comments, no trailing commas, no NaN, no single quotes).
 *
 * Design notes
 *
 * - The reader is a state machine over an explicit stack of open containers
 *   (one byte per level), so nesting never recurses; the depth is limited by
 *   bl_json_reader_set_max_depth() (default 512), deeper input fails with
 *   %BL_ERROR_TOO_LARGE.
 * - Strings are validated (UTF-8, escapes, surrogate pairs) and unescaped
 *   into one reusable buffer; nothing is allocated per token once the buffer
 *   has grown to the longest string. Plain runs are scanned 8 bytes at a
 *   time. Strings have no length limit of their own: they cannot be longer
 *   than the input, which is already in memory.
 * - Positions are 1-based lines and 1-based columns counted in bytes from
 *   the start of the line. A line ends at LF ("\n"); a CR is whitespace (so
 *   CRLF files count right, old CR-only files count as one line).
 * - Encoding: input must be UTF-8. A leading byte order mark is rejected
 *   with %BL_ERROR_ENCODING and a message saying so (RFC 8259 §8.1 forbids
 *   writing one; JSONTestSuite leaves reading it open, i_structure_UTF-8_BOM_*).
 *   Invalid UTF-8 (overlong forms, encoded surrogates, code points above
 *   U+10FFFF, truncated sequences) and escapes that leave a lone surrogate
 *   give %BL_ERROR_ENCODING; so no string handed out is invalid UTF-8. An
 *   escaped "\u0000" is kept and shows in the length from
 *   bl_json_reader_get_string(): callers that cannot hold it must check.
 * - Numbers are checked against the grammar and kept as text (a span of
 *   the input); the accessors convert on demand.
 * - After an error the reader stays failed: every later call to
 *   bl_json_reader_next() returns %BL_JSON_TOKEN_ERROR with the same error.
 */
#include "config.h"

#include "bl-json-reader.h"

#include <string.h>

typedef enum {
  STATE_START,        /* expecting the top-level value */
  STATE_DONE,         /* top-level value read; only whitespace may follow */
  STATE_END,          /* %BL_JSON_TOKEN_END returned */
  STATE_ERROR,        /* failed; r->error says why */
  STATE_ARRAY_FIRST,  /* after '[' */
  STATE_ARRAY_NEXT,   /* after an array element */
  STATE_OBJECT_FIRST, /* after '{' */
  STATE_OBJECT_COLON, /* after a member name */
  STATE_OBJECT_NEXT,  /* after a member value */
} State;

struct _BlJsonReader
{
  const guchar *data;
  gsize         len;
  gsize         pos;
  char         *filename;   /* valid UTF-8, for messages */

  State         state;
  BlJsonToken   token;

  /* position of the next byte's line, and of the current token */
  guint         line;
  gsize         line_start;
  gsize         token_start;
  guint         token_line;
  gsize         token_column;

  /* open containers: 1 = object, 0 = array */
  guint8       *stack;
  gsize         stack_size;
  guint         depth;
  guint         max_depth;

  /* unescaped text of the current KEY/STRING (or copy of a number) */
  char         *buf;
  gsize         buf_len;
  gsize         buf_size;

  gsize         num_len;    /* NUMBER: length of its text at token_start */
  gboolean      num_is_int; /* NUMBER: no fraction, no exponent */

  gboolean      skipping;   /* validate strings without copying them */
  GError       *error;
};

#define EOF_CHAR (-1)

/* ---- helpers ----------------------------------------------------------- */

static inline gboolean
is_digit (int c)
{
  return c >= '0' && c <= '9';
}

static void
buf_reserve (BlJsonReader *r,
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
  buf_reserve (r, n);
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

static BlJsonToken fail (BlJsonReader *r,
                         GError      **error,
                         BlError       code,
                         gsize         pos,
                         const char   *format,
                         ...) G_GNUC_PRINTF (5, 6);

/* Put the reader into its failed state with an error at byte @pos (which
 * must be on the current line) and hand a copy to the caller. */
static BlJsonToken
fail (BlJsonReader *r,
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
static BlJsonToken
fail_unexpected (BlJsonReader *r,
                 GError      **error,
                 const char   *expected)
{
  g_autofree char *what = describe_at (r, r->pos);

  if (r->pos < r->len && r->data[r->pos] >= 0x80 &&
      utf8_sequence_length (r->data + r->pos, r->data + r->len) == 0)
    return fail (r, error, BL_ERROR_ENCODING, r->pos,
                 "invalid UTF-8 (%s)", what);

  return fail (r, error, BL_ERROR_SYNTAX, r->pos, "%s, found %s", expected, what);
}

static inline void
skip_whitespace (BlJsonReader *r)
{
  const guchar *p = r->data + r->pos;
  const guchar *end = r->data + r->len;

  while (p < end)
    {
      guchar c = *p;

      if (c == ' ' || c == '\t' || c == '\r')
        p++;
      else if (c == '\n')
        {
          p++;
          r->line++;
          r->line_start = (gsize) (p - r->data);
        }
      else
        break;
    }

  r->pos = (gsize) (p - r->data);
}

static inline void
mark_token (BlJsonReader *r)
{
  r->token_start = r->pos;
  r->token_line = r->line;
  r->token_column = r->pos - r->line_start + 1;
}

static inline int
peek (BlJsonReader *r)
{
  return r->pos < r->len ? r->data[r->pos] : EOF_CHAR;
}

static inline BlJsonToken
after_value (BlJsonReader *r,
             BlJsonToken   token)
{
  if (r->depth == 0)
    r->state = STATE_DONE;
  else if (r->stack[r->depth - 1])
    r->state = STATE_OBJECT_NEXT;
  else
    r->state = STATE_ARRAY_NEXT;

  r->token = token;
  return token;
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
 * it, or NULL after fail(). */
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
      fail (r, error, BL_ERROR_SYNTAX, r->token_start, "unterminated string");
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

        fail (r, error, BL_ERROR_SYNTAX, at,
              "invalid escape in string: backslash followed by %s", what);
        return NULL;
      }
    }

  cp = read_hex4 (p + 2, end);
  if (cp < 0)
    {
      fail (r, error, BL_ERROR_SYNTAX, at,
            "invalid \\u escape in string: expected 4 hexadecimal digits");
      return NULL;
    }

  if (cp >= 0xDC00 && cp <= 0xDFFF)
    {
      fail (r, error, BL_ERROR_ENCODING, at,
            "unpaired surrogate \\u%04X in string "
            "(a low surrogate must follow a high one)", (guint) cp);
      return NULL;
    }

  if (cp >= 0xD800 && cp <= 0xDBFF)
    {
      if (end - p < 12 || p[6] != '\\' || p[7] != 'u' ||
          (lo = read_hex4 (p + 8, end)) < 0xDC00 || lo > 0xDFFF)
        {
          fail (r, error, BL_ERROR_ENCODING, at,
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
static gboolean
read_string (BlJsonReader *r,
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
          fail (r, error, BL_ERROR_SYNTAX, r->token_start,
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
              buf_reserve (r, 0);
              r->buf[r->buf_len] = '\0';
            }
          return TRUE;
        }
      else if (c >= 0x80)
        {
          gsize n = utf8_sequence_length (p, end);

          if (G_UNLIKELY (n == 0))
            {
              fail (r, error, BL_ERROR_ENCODING, (gsize) (p - r->data),
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
            fail (r, error, BL_ERROR_SYNTAX, (gsize) (p - r->data),
                  "NUL byte in string (write it as \\u0000)");
          else
            fail (r, error, BL_ERROR_SYNTAX, (gsize) (p - r->data),
                  "unescaped control character U+%04X in string", (guint) c);
          return FALSE;
        }
    }
}

/* ---- numbers and literals ---------------------------------------------- */

static BlJsonToken
read_number (BlJsonReader *r,
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
        return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                     "invalid number: expected a digit after '-'");
    }

  if (*p == '0')
    {
      p++;
      if (p < end && is_digit (*p))
        return fail (r, error, BL_ERROR_SYNTAX, r->pos,
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
        return fail (r, error, BL_ERROR_SYNTAX, (gsize) (p - r->data),
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
        return fail (r, error, BL_ERROR_SYNTAX, (gsize) (p - r->data),
                     "invalid number: expected a digit in the exponent");
      while (p < end && is_digit (*p))
        p++;
    }

  if (p < end && (g_ascii_isalnum (*p) || *p == '.' || *p == '+' || *p == '-'))
    return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                 "invalid number (JSON numbers are decimal, like -12.5e3)");

  r->num_len = (gsize) (p - start);
  r->num_is_int = is_int;
  r->pos = (gsize) (p - r->data);

  return after_value (r, BL_JSON_TOKEN_NUMBER);
}

static BlJsonToken
read_literal (BlJsonReader *r,
              const char   *word,
              BlJsonToken   token,
              GError      **error)
{
  gsize n = strlen (word);

  if (r->len - r->pos < n ||
      memcmp (r->data + r->pos, word, n) != 0 ||
      (r->len - r->pos > n && g_ascii_isalnum (r->data[r->pos + n])))
    return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                 "invalid literal (expected '%s')", word);

  r->pos += n;
  return after_value (r, token);
}

/* ---- values and structure ---------------------------------------------- */

static BlJsonToken
begin_container (BlJsonReader *r,
                 gboolean      is_object,
                 GError      **error)
{
  if (r->depth >= r->max_depth)
    return fail (r, error, BL_ERROR_TOO_LARGE, r->pos,
                 "nesting is deeper than %u levels", r->max_depth);

  if (r->depth >= r->stack_size)
    {
      r->stack_size = MAX (64, r->stack_size * 2);
      r->stack = g_realloc (r->stack, r->stack_size);
    }

  r->stack[r->depth++] = is_object ? 1 : 0;
  r->pos++;

  if (is_object)
    {
      r->state = STATE_OBJECT_FIRST;
      r->token = BL_JSON_TOKEN_BEGIN_OBJECT;
    }
  else
    {
      r->state = STATE_ARRAY_FIRST;
      r->token = BL_JSON_TOKEN_BEGIN_ARRAY;
    }

  return r->token;
}

static BlJsonToken
end_container (BlJsonReader *r,
               BlJsonToken   token)
{
  r->pos++;
  r->depth--;
  return after_value (r, token);
}

static gboolean
looking_at (BlJsonReader *r,
            const char   *word)
{
  gsize n = strlen (word);

  return r->len - r->pos >= n && memcmp (r->data + r->pos, word, n) == 0;
}

/* A value starts at r->pos (whitespace skipped, token marked). */
static BlJsonToken
read_value (BlJsonReader *r,
            gboolean      after_comma,
            GError      **error)
{
  int c = peek (r);

  switch (c)
    {
    case '{':
      return begin_container (r, TRUE, error);
    case '[':
      return begin_container (r, FALSE, error);
    case '"':
      if (!read_string (r, error))
        return BL_JSON_TOKEN_ERROR;
      return after_value (r, BL_JSON_TOKEN_STRING);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (r, error);
    case 't':
      return read_literal (r, "true", BL_JSON_TOKEN_TRUE, error);
    case 'f':
      return read_literal (r, "false", BL_JSON_TOKEN_FALSE, error);
    case 'n':
      return read_literal (r, "null", BL_JSON_TOKEN_NULL, error);
    case EOF_CHAR:
      return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                   "unexpected end of input, expected a value");
    case ']':
      if (after_comma)
        return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                     "trailing comma before ']'");
      break;
    case '\'':
      return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                   "single quotes are not allowed, JSON strings use double quotes");
    case '/':
      return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                   "comments are not allowed in JSON");
    case '.':
      return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                   "invalid number: a number must start with a digit");
    case '+':
      return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                   "invalid number: a number must not start with '+'");
    default:
      if (looking_at (r, "NaN") || looking_at (r, "Infinity"))
        return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                     "NaN and Infinity are not allowed in JSON");
      break;
    }

  return fail_unexpected (r, error, "expected a value");
}

static BlJsonToken
read_key (BlJsonReader *r,
          gboolean      after_comma,
          GError      **error)
{
  int c = peek (r);

  if (c == '"')
    {
      if (!read_string (r, error))
        return BL_JSON_TOKEN_ERROR;
      r->state = STATE_OBJECT_COLON;
      r->token = BL_JSON_TOKEN_KEY;
      return BL_JSON_TOKEN_KEY;
    }

  if (c == '}' && after_comma)
    return fail (r, error, BL_ERROR_SYNTAX, r->pos, "trailing comma before '}'");
  if (c == '\'')
    return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                 "single quotes are not allowed, member names use double quotes");
  if (c == '/')
    return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                 "comments are not allowed in JSON");

  return fail_unexpected (r, error,
                          after_comma ? "expected a member name in double quotes"
                                      : "expected a member name in double quotes or '}'");
}

/* Rejects a byte order mark, with a message that says what it is. */
static gboolean
check_start (BlJsonReader *r,
             GError      **error)
{
  const guchar *d = r->data;

  if (r->len >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
    {
      fail (r, error, BL_ERROR_ENCODING, 0,
            "the file starts with a byte order mark (BOM); "
            "JSON text must not begin with one");
      return FALSE;
    }

  if (r->len >= 2 && ((d[0] == 0xFE && d[1] == 0xFF) ||
                      (d[0] == 0xFF && d[1] == 0xFE)))
    {
      fail (r, error, BL_ERROR_ENCODING, 0,
            "the file is in UTF-16 (it starts with a byte order mark); "
            "JSON text must be UTF-8");
      return FALSE;
    }

  if (r->len >= 2 && (d[0] == 0 || d[1] == 0))
    {
      fail (r, error, BL_ERROR_ENCODING, d[0] == 0 ? 0 : 1,
            "NUL byte at the start: the file looks like UTF-16 or UTF-32; "
            "JSON text must be UTF-8");
      return FALSE;
    }

  return TRUE;
}

/* ---- public API -------------------------------------------------------- */

/**
 * bl_json_reader_new:
 * @data: (array length=len): the JSON text; borrowed, must outlive the reader
 * @len: length of @data in bytes; @data needs no NUL terminator
 * @filename: (nullable): name shown in messages, e.g. "sample.borderline"
 *
 * Returns: (transfer full): a new reader positioned before the first token
 */
BlJsonReader *
bl_json_reader_new (const char *data,
                    gsize       len,
                    const char *filename)
{
  BlJsonReader *r;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  r = g_new0 (BlJsonReader, 1);
  r->data = (const guchar *) (data != NULL ? data : "");
  r->len = len;
  r->filename = g_utf8_make_valid (filename != NULL ? filename : "<input>", -1);
  r->state = STATE_START;
  r->token = BL_JSON_TOKEN_ERROR;
  r->line = 1;
  r->token_line = 1;
  r->token_column = 1;
  r->max_depth = BL_JSON_READER_DEFAULT_MAX_DEPTH;

  return r;
}

void
bl_json_reader_free (BlJsonReader *reader)
{
  if (reader == NULL)
    return;

  g_clear_error (&reader->error);
  g_free (reader->filename);
  g_free (reader->stack);
  g_free (reader->buf);
  g_free (reader);
}

/**
 * bl_json_reader_set_max_depth:
 * @max_depth: the most containers that may be open at once (at least 1)
 *
 * Deeper input fails with %BL_ERROR_TOO_LARGE. The default is
 * %BL_JSON_READER_DEFAULT_MAX_DEPTH. The reader never recurses, so a large
 * limit costs one byte of heap per level, not stack.
 */
void
bl_json_reader_set_max_depth (BlJsonReader *reader,
                              guint         max_depth)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (max_depth >= 1);

  reader->max_depth = max_depth;
}

/**
 * bl_json_reader_next:
 *
 * Reads the next token. Returns %BL_JSON_TOKEN_END once the single top-level
 * value and its trailing whitespace have been read (and again on every later
 * call), and %BL_JSON_TOKEN_ERROR with @error set (in %BL_ERROR, message
 * "FILE:LINE:COL: what") when the input is not JSON; the reader then stays
 * failed.
 */
BlJsonToken
bl_json_reader_next (BlJsonReader *r,
                     GError      **error)
{
  g_return_val_if_fail (r != NULL, BL_JSON_TOKEN_ERROR);
  g_return_val_if_fail (error == NULL || *error == NULL, BL_JSON_TOKEN_ERROR);

  switch (r->state)
    {
    case STATE_ERROR:
      if (error != NULL)
        *error = g_error_copy (r->error);
      return BL_JSON_TOKEN_ERROR;

    case STATE_END:
      return BL_JSON_TOKEN_END;

    case STATE_START:
      if (r->pos == 0 && !check_start (r, error))
        return BL_JSON_TOKEN_ERROR;
      skip_whitespace (r);
      mark_token (r);
      if (r->pos >= r->len)
        return fail (r, error, BL_ERROR_SYNTAX, r->pos, "empty document");
      return read_value (r, FALSE, error);

    case STATE_DONE:
      skip_whitespace (r);
      mark_token (r);
      if (r->pos >= r->len)
        {
          r->state = STATE_END;
          r->token = BL_JSON_TOKEN_END;
          return BL_JSON_TOKEN_END;
        }
      return fail_unexpected (r, error, "expected end of input after the top-level value");

    case STATE_ARRAY_FIRST:
      skip_whitespace (r);
      mark_token (r);
      if (peek (r) == ']')
        return end_container (r, BL_JSON_TOKEN_END_ARRAY);
      return read_value (r, FALSE, error);

    case STATE_ARRAY_NEXT:
      skip_whitespace (r);
      mark_token (r);
      switch (peek (r))
        {
        case ',':
          r->pos++;
          skip_whitespace (r);
          mark_token (r);
          return read_value (r, TRUE, error);
        case ']':
          return end_container (r, BL_JSON_TOKEN_END_ARRAY);
        case EOF_CHAR:
          return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                       "unexpected end of input, expected ',' or ']'");
        default:
          return fail_unexpected (r, error, "expected ',' or ']' after array element");
        }

    case STATE_OBJECT_FIRST:
      skip_whitespace (r);
      mark_token (r);
      if (peek (r) == '}')
        return end_container (r, BL_JSON_TOKEN_END_OBJECT);
      return read_key (r, FALSE, error);

    case STATE_OBJECT_NEXT:
      skip_whitespace (r);
      mark_token (r);
      switch (peek (r))
        {
        case ',':
          r->pos++;
          skip_whitespace (r);
          mark_token (r);
          return read_key (r, TRUE, error);
        case '}':
          return end_container (r, BL_JSON_TOKEN_END_OBJECT);
        case EOF_CHAR:
          return fail (r, error, BL_ERROR_SYNTAX, r->pos,
                       "unexpected end of input, expected ',' or '}'");
        default:
          return fail_unexpected (r, error, "expected ',' or '}' after object member");
        }

    case STATE_OBJECT_COLON:
      skip_whitespace (r);
      mark_token (r);
      if (peek (r) != ':')
        return fail_unexpected (r, error, "expected ':' after member name");
      r->pos++;
      skip_whitespace (r);
      mark_token (r);
      return read_value (r, FALSE, error);

    default:
      g_assert_not_reached ();
    }
}

/**
 * bl_json_reader_skip:
 *
 * Skips the value that the current token begins, still checking it: after
 * %BL_JSON_TOKEN_BEGIN_OBJECT or %BL_JSON_TOKEN_BEGIN_ARRAY it reads up to
 * and including the matching end (which becomes the current token); after
 * %BL_JSON_TOKEN_KEY it reads the member's whole value; after a scalar it
 * does nothing.
 *
 * Returns: %FALSE with @error set if the skipped input is not valid
 */
gboolean
bl_json_reader_skip (BlJsonReader *r,
                     GError      **error)
{
  BlJsonToken token;
  guint target;

  g_return_val_if_fail (r != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  token = r->token;
  if (token == BL_JSON_TOKEN_ERROR && r->state == STATE_ERROR)
    {
      if (error != NULL)
        *error = g_error_copy (r->error);
      return FALSE;
    }

  if (token == BL_JSON_TOKEN_KEY)
    {
      token = bl_json_reader_next (r, error);
      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
    }

  switch (token)
    {
    case BL_JSON_TOKEN_STRING:
    case BL_JSON_TOKEN_NUMBER:
    case BL_JSON_TOKEN_TRUE:
    case BL_JSON_TOKEN_FALSE:
    case BL_JSON_TOKEN_NULL:
      return TRUE;

    case BL_JSON_TOKEN_BEGIN_OBJECT:
    case BL_JSON_TOKEN_BEGIN_ARRAY:
      break;

    case BL_JSON_TOKEN_ERROR:
    case BL_JSON_TOKEN_END_OBJECT:
    case BL_JSON_TOKEN_END_ARRAY:
    case BL_JSON_TOKEN_KEY:
    case BL_JSON_TOKEN_END:
    default:
      g_return_val_if_reached (FALSE);
    }

  target = r->depth - 1;
  r->skipping = TRUE;
  while (r->depth > target)
    {
      if (bl_json_reader_next (r, error) == BL_JSON_TOKEN_ERROR)
        {
          r->skipping = FALSE;
          return FALSE;
        }
    }
  r->skipping = FALSE;

  return TRUE;
}

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
      buf_reserve (reader, 0);
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
  buf_reserve (r, r->num_len);
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
