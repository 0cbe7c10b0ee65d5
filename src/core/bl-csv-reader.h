/* bl-csv-reader.h — a streaming RFC 4180 CSV reader with line numbers
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bl-error.h"

G_BEGIN_DECLS

/* Defaults of the limits: a row with more fields, or a field longer than
 * this, is reported and skipped. */
#define BL_CSV_READER_DEFAULT_MAX_FIELDS 4096
#define BL_CSV_READER_DEFAULT_MAX_FIELD_SIZE ((gsize) 16 * 1024 * 1024)

/**
 * BlCsvStatus:
 * @BL_CSV_ROW: a row was read; its fields are available
 * @BL_CSV_BAD_ROW: a row could not be parsed; the #GError says where and
 *   why ("FILE:LINE: what"), the row is skipped and reading can go on
 * @BL_CSV_END: no more rows
 */
typedef enum {
  BL_CSV_ROW,
  BL_CSV_BAD_ROW,
  BL_CSV_END,
} BlCsvStatus;

typedef struct _BlCsvReader BlCsvReader;

BlCsvReader *bl_csv_reader_new                (const char  *data,
                                               gsize        len,
                                               const char  *filename);
void         bl_csv_reader_free               (BlCsvReader *reader);

void         bl_csv_reader_set_max_fields     (BlCsvReader *reader,
                                               guint        max_fields);
void         bl_csv_reader_set_max_field_size (BlCsvReader *reader,
                                               gsize        max_size);

BlCsvStatus  bl_csv_reader_next_row           (BlCsvReader *reader,
                                               GError     **error);
guint        bl_csv_reader_get_n_fields       (BlCsvReader *reader);
const char  *bl_csv_reader_get_field          (BlCsvReader *reader,
                                               guint        index,
                                               gsize       *len);
guint        bl_csv_reader_get_line           (BlCsvReader *reader);
gsize        bl_csv_reader_get_offset         (BlCsvReader *reader);
const char  *bl_csv_reader_get_filename       (BlCsvReader *reader);
gboolean     bl_csv_reader_had_bom            (BlCsvReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlCsvReader, bl_csv_reader_free)

G_END_DECLS
