/* bl-json-writer.h — deterministic JSON writer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes JSON text into a GString, pretty-printed with 2-space indentation
 * (or compact), with numbers in the C locale and doubles in the shortest
 * form that reads back to the same value. The same calls always give the
 * same bytes, so saved projects diff cleanly. It writes into a string, or
 * through a GOutputStream in chunks; it does not open or replace files
 * (the caller saves atomically) and it does not sort members or check for
 * duplicate names: members appear in the order they are written.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Size of the buffer for bl_json_writer_format_double() */
#define BL_JSON_DOUBLE_BUF_SIZE G_ASCII_DTOSTR_BUF_SIZE

typedef struct _BlJsonWriter BlJsonWriter;

BlJsonWriter *bl_json_writer_new           (GString      *out);
BlJsonWriter *bl_json_writer_new_for_stream (GOutputStream *stream,
                                             GCancellable  *cancellable);
void          bl_json_writer_free          (BlJsonWriter *writer);
gboolean      bl_json_writer_finish        (BlJsonWriter *writer,
                                            GError      **error);
guint64       bl_json_writer_get_bytes_written (BlJsonWriter *writer);

void          bl_json_writer_set_pretty    (BlJsonWriter *writer,
                                            gboolean      pretty);
gboolean      bl_json_writer_is_complete   (BlJsonWriter *writer);

void          bl_json_writer_begin_object  (BlJsonWriter *writer);
void          bl_json_writer_end_object    (BlJsonWriter *writer);
void          bl_json_writer_begin_array   (BlJsonWriter *writer);
void          bl_json_writer_end_array     (BlJsonWriter *writer);
void          bl_json_writer_member        (BlJsonWriter *writer,
                                            const char   *name);

void          bl_json_writer_string        (BlJsonWriter *writer,
                                            const char   *value);
void          bl_json_writer_string_len    (BlJsonWriter *writer,
                                            const char   *value,
                                            gsize         len);
void          bl_json_writer_int64         (BlJsonWriter *writer,
                                            gint64        value);
void          bl_json_writer_double        (BlJsonWriter *writer,
                                            double        value);
void          bl_json_writer_boolean       (BlJsonWriter *writer,
                                            gboolean      value);
void          bl_json_writer_null          (BlJsonWriter *writer);

const char   *bl_json_writer_format_double (double        value,
                                            char         *buf);
const char   *bl_json_writer_format_double_printf (double   value,
                                                   char    *buf);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlJsonWriter, bl_json_writer_free)

G_END_DECLS
