/* bl-json-reader.h — strict streaming (pull) JSON reader
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A JSON reader for large files: the caller pulls one token at a time from a
 * buffer that is already in memory; no tree is built. It accepts exactly
 * RFC 8259 JSON in UTF-8 and nothing else, and says where it stopped
 * ("FILE:LINE:COL: what"). It does not map JSON to model objects (that is
 * the job of the format readers on top of it), and it does not read from
 * streams: map or load the file first.
 *
 * Errors are in %BL_ERROR (SYNTAX, ENCODING for invalid UTF-8 or lone
 * surrogates, TOO_LARGE for nesting beyond the maximum depth) with messages
 * "FILE:LINE:COL: what". Lines and columns are 1-based; columns count bytes.
 * Strings handed out are always valid UTF-8 but may contain NUL bytes
 * (from "\u0000"): compare the length. See bl-json-reader.c for details.
 */
#pragma once

#include <glib.h>

#include "bl-error.h"

G_BEGIN_DECLS

/**
 * BlJsonToken:
 * @BL_JSON_TOKEN_ERROR: reading failed; the #GError says why and where
 * @BL_JSON_TOKEN_BEGIN_OBJECT: `{`
 * @BL_JSON_TOKEN_END_OBJECT: `}`
 * @BL_JSON_TOKEN_BEGIN_ARRAY: `[`
 * @BL_JSON_TOKEN_END_ARRAY: `]`
 * @BL_JSON_TOKEN_KEY: an object member name (text via bl_json_reader_get_string())
 * @BL_JSON_TOKEN_STRING: a string value (text via bl_json_reader_get_string())
 * @BL_JSON_TOKEN_NUMBER: a number (see bl_json_reader_get_int64() and friends)
 * @BL_JSON_TOKEN_TRUE: `true`
 * @BL_JSON_TOKEN_FALSE: `false`
 * @BL_JSON_TOKEN_NULL: `null`
 * @BL_JSON_TOKEN_END: end of the document: the one top-level value has been
 *   read and only whitespace follows it
 */
typedef enum {
  BL_JSON_TOKEN_ERROR,
  BL_JSON_TOKEN_BEGIN_OBJECT,
  BL_JSON_TOKEN_END_OBJECT,
  BL_JSON_TOKEN_BEGIN_ARRAY,
  BL_JSON_TOKEN_END_ARRAY,
  BL_JSON_TOKEN_KEY,
  BL_JSON_TOKEN_STRING,
  BL_JSON_TOKEN_NUMBER,
  BL_JSON_TOKEN_TRUE,
  BL_JSON_TOKEN_FALSE,
  BL_JSON_TOKEN_NULL,
  BL_JSON_TOKEN_END,
} BlJsonToken;

#define BL_JSON_READER_DEFAULT_MAX_DEPTH 512

typedef struct _BlJsonReader BlJsonReader;

BlJsonReader *bl_json_reader_new            (const char   *data,
                                             gsize         len,
                                             const char   *filename);
void          bl_json_reader_free           (BlJsonReader *reader);

void          bl_json_reader_set_max_depth  (BlJsonReader *reader,
                                             guint         max_depth);

BlJsonToken   bl_json_reader_next           (BlJsonReader *reader,
                                             GError      **error);
gboolean      bl_json_reader_skip           (BlJsonReader *reader,
                                             GError      **error);

BlJsonToken   bl_json_reader_get_token      (BlJsonReader *reader);
guint         bl_json_reader_get_depth      (BlJsonReader *reader);

const char   *bl_json_reader_get_string     (BlJsonReader *reader,
                                             gsize        *len);
const char   *bl_json_reader_get_number_text (BlJsonReader *reader,
                                              gsize        *len);
gboolean      bl_json_reader_get_int64      (BlJsonReader *reader,
                                             gint64       *out);
double        bl_json_reader_get_double     (BlJsonReader *reader);

guint         bl_json_reader_get_line       (BlJsonReader *reader);
gsize         bl_json_reader_get_column     (BlJsonReader *reader);
gsize         bl_json_reader_get_offset     (BlJsonReader *reader);
const char   *bl_json_reader_get_filename   (BlJsonReader *reader);

void          bl_json_reader_set_error      (BlJsonReader *reader,
                                             GError      **error,
                                             BlError       code,
                                             const char   *format,
                                             ...) G_GNUC_PRINTF (4, 5);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlJsonReader, bl_json_reader_free)

G_END_DECLS
