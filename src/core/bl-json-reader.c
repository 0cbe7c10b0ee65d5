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
 *
 * This file is the state machine over the document's structure and the
 * calls that move it; bl-json-reader-scan.c scans single tokens (strings,
 * numbers, literals) and makes the errors; bl-json-reader-values.c hands
 * out the current token's value and place (bl-json-reader-private.h).
 */
#include "config.h"

#include "bl-json-reader-private.h"

#include <string.h>

/* ---- helpers ----------------------------------------------------------- */

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

/* ---- values and structure ---------------------------------------------- */

static BlJsonToken
begin_container (BlJsonReader *r,
                 gboolean      is_object,
                 GError      **error)
{
  if (r->depth >= r->max_depth)
    return bl_json_reader_fail (r, error, BL_ERROR_TOO_LARGE, r->pos,
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
      if (!bl_json_reader_read_string (r, error))
        return BL_JSON_TOKEN_ERROR;
      return after_value (r, BL_JSON_TOKEN_STRING);
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return bl_json_reader_read_number (r, error);
    case 't':
      return bl_json_reader_read_literal (r, "true", BL_JSON_TOKEN_TRUE, error);
    case 'f':
      return bl_json_reader_read_literal (r, "false", BL_JSON_TOKEN_FALSE, error);
    case 'n':
      return bl_json_reader_read_literal (r, "null", BL_JSON_TOKEN_NULL, error);
    case EOF_CHAR:
      return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                  "unexpected end of input, expected a value");
    case ']':
      if (after_comma)
        return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                    "trailing comma before ']'");
      break;
    case '\'':
      return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                  "single quotes are not allowed, JSON strings use double quotes");
    case '/':
      return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                  "comments are not allowed in JSON");
    case '.':
      return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                  "invalid number: a number must start with a digit");
    case '+':
      return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                  "invalid number: a number must not start with '+'");
    default:
      if (looking_at (r, "NaN") || looking_at (r, "Infinity"))
        return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                    "NaN and Infinity are not allowed in JSON");
      break;
    }

  return bl_json_reader_fail_unexpected (r, error, "expected a value");
}

static BlJsonToken
read_key (BlJsonReader *r,
          gboolean      after_comma,
          GError      **error)
{
  int c = peek (r);

  if (c == '"')
    {
      if (!bl_json_reader_read_string (r, error))
        return BL_JSON_TOKEN_ERROR;
      r->state = STATE_OBJECT_COLON;
      r->token = BL_JSON_TOKEN_KEY;
      return BL_JSON_TOKEN_KEY;
    }

  if (c == '}' && after_comma)
    return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos, "trailing comma before '}'");
  if (c == '\'')
    return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                "single quotes are not allowed, member names use double quotes");
  if (c == '/')
    return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                "comments are not allowed in JSON");

  return bl_json_reader_fail_unexpected (r, error,
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
      bl_json_reader_fail (r, error, BL_ERROR_ENCODING, 0,
                           "the file starts with a byte order mark (BOM); "
                           "JSON text must not begin with one");
      return FALSE;
    }

  if (r->len >= 2 && ((d[0] == 0xFE && d[1] == 0xFF) ||
                      (d[0] == 0xFF && d[1] == 0xFE)))
    {
      bl_json_reader_fail (r, error, BL_ERROR_ENCODING, 0,
                           "the file is in UTF-16 (it starts with a byte order mark); "
                           "JSON text must be UTF-8");
      return FALSE;
    }

  if (r->len >= 2 && (d[0] == 0 || d[1] == 0))
    {
      bl_json_reader_fail (r, error, BL_ERROR_ENCODING, d[0] == 0 ? 0 : 1,
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
        return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos, "empty document");
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
      return bl_json_reader_fail_unexpected (r, error, "expected end of input after the top-level value");

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
          return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                      "unexpected end of input, expected ',' or ']'");
        default:
          return bl_json_reader_fail_unexpected (r, error, "expected ',' or ']' after array element");
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
          return bl_json_reader_fail (r, error, BL_ERROR_SYNTAX, r->pos,
                                      "unexpected end of input, expected ',' or '}'");
        default:
          return bl_json_reader_fail_unexpected (r, error, "expected ',' or '}' after object member");
        }

    case STATE_OBJECT_COLON:
      skip_whitespace (r);
      mark_token (r);
      if (peek (r) != ':')
        return bl_json_reader_fail_unexpected (r, error, "expected ':' after member name");
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
