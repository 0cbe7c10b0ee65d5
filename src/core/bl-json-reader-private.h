/* bl-json-reader-private.h — the state of the streaming JSON reader
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader is split by concern: bl-json-reader.c is the state machine
 * over the structure (containers, members, the top-level value) and the
 * calls that move it; bl-json-reader-scan.c scans single tokens (strings
 * with their escapes and UTF-8, numbers, literals) and makes the errors;
 * bl-json-reader-values.c hands out the current token's value and place.
 * This header is what they share, and nothing outside them includes it.
 */
#pragma once

#include "bl-json-reader.h"

G_BEGIN_DECLS

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

static inline gboolean
is_digit (int c)
{
  return c >= '0' && c <= '9';
}

/* Ends a value: the state says what may follow it. */
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

void        bl_json_reader_buf_reserve     (BlJsonReader *r,
                                            gsize         extra);

BlJsonToken bl_json_reader_fail            (BlJsonReader *r,
                                            GError      **error,
                                            BlError       code,
                                            gsize         pos,
                                            const char   *format,
                                            ...) G_GNUC_PRINTF (5, 6);
BlJsonToken bl_json_reader_fail_unexpected (BlJsonReader *r,
                                            GError      **error,
                                            const char   *expected);

gboolean    bl_json_reader_read_string     (BlJsonReader *r,
                                            GError      **error);
BlJsonToken bl_json_reader_read_number     (BlJsonReader *r,
                                            GError      **error);
BlJsonToken bl_json_reader_read_literal    (BlJsonReader *r,
                                            const char   *word,
                                            BlJsonToken   token,
                                            GError      **error);

G_END_DECLS
