/* bl-csv-writer.h — writing RFC 4180 CSV that spreadsheets cannot abuse
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * BlCsvWriterFlags:
 * @BL_CSV_WRITER_NONE: plain RFC 4180
 * @BL_CSV_WRITER_BOM: start the output with a UTF-8 byte order mark, for
 *   spreadsheets that otherwise guess a legacy encoding
 *
 * Options of a #BlCsvWriter.
 */
typedef enum {
  BL_CSV_WRITER_NONE = 0,
  BL_CSV_WRITER_BOM  = 1 << 0,
} BlCsvWriterFlags;

typedef struct _BlCsvWriter BlCsvWriter;

BlCsvWriter *bl_csv_writer_new            (BlCsvWriterFlags  flags);
void         bl_csv_writer_free           (BlCsvWriter      *writer);

void         bl_csv_writer_add_field      (BlCsvWriter      *writer,
                                           const char       *text);
void         bl_csv_writer_add_number     (BlCsvWriter      *writer,
                                           double            number);
void         bl_csv_writer_add_uint       (BlCsvWriter      *writer,
                                           guint64           number);
void         bl_csv_writer_end_row        (BlCsvWriter      *writer);

guint        bl_csv_writer_get_n_rows     (BlCsvWriter      *writer);
const char  *bl_csv_writer_peek           (BlCsvWriter      *writer,
                                           gsize            *length);
GBytes      *bl_csv_writer_free_to_bytes  (BlCsvWriter      *writer);
gboolean     bl_csv_writer_save           (BlCsvWriter      *writer,
                                           const char       *path,
                                           GError          **error);

char        *bl_csv_escape_field          (const char       *text);
gboolean     bl_csv_field_needs_neutralising (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlCsvWriter, bl_csv_writer_free)

G_END_DECLS
