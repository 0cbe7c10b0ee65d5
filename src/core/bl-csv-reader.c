/* bl-csv-reader.c — a streaming RFC 4180 CSV reader with line numbers
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: reading comma-separated tables (ACLED exports, the
 * claim lists Borderline writes, spreadsheets saved as CSV) from a buffer
 * already in memory (usually a mapped file), one row at a time, saying on
 * which line each row starts. What it is not: an importer (it knows no
 * columns), an encoding converter (fields are handed out as bytes; the
 * caller checks UTF-8), or a writer (see bl-csv-writer.c).
 *
 * The grammar is RFC 4180, read leniently where that is harmless and
 * strictly where guessing would shift data between columns:
 *
 * - a UTF-8 byte order mark at the start is skipped;
 * - rows end at CRLF, LF or a lone CR; empty lines are skipped (they are
 *   not records of one empty field);
 * - a field that starts with `"` is quoted: it runs to the next `"` that
 *   is not doubled, and may hold commas, CR, LF and `""` (one quote);
 * - a `"` inside an unquoted field is kept as a character (`5" gun`);
 * - text after a closing quote (`"a"b,`) makes the row unparsable: it is
 *   reported as %BL_CSV_BAD_ROW and skipped up to the end of its line;
 * - a quoted field still open at the end of the input is reported (with
 *   the line where it began) and ends the input;
 * - a row with more than the maximum number of fields, or a field larger
 *   than the maximum size, is reported and skipped whole.
 *
 * Fields are copied into one buffer per row, NUL-terminated, so a field
 * may be used as a C string; one with a NUL byte inside is still handed
 * out whole, and the length tells. Lines are counted from 1; a row's line
 * is the line where it starts. Whether rows have as many fields as the
 * header is for the caller to check.
 */
#include "config.h"

#include <string.h>

#include "bl-csv-reader.h"

struct _BlCsvReader
{
  const char *data;
  gsize       len;
  gsize       pos;
  char       *filename;
  guint       line;       /* line of data[pos] */
  gboolean    had_bom;

  guint       max_fields;
  gsize       max_field_size;

  /* the current row */
  guint       row_line;
  gsize       row_offset;
  GString    *buf;
  GArray     *starts;     /* gsize: offset of each field in buf */
  GArray     *lengths;    /* gsize */
};

/* Helpers */

/* Consumes one line end at pos (CRLF, LF or CR). */
static void
consume_newline (BlCsvReader *r)
{
  if (r->data[r->pos] == '\r' && r->pos + 1 < r->len && r->data[r->pos + 1] == '\n')
    r->pos += 2;
  else
    r->pos++;
  r->line++;
}

static gboolean
at_newline (BlCsvReader *r)
{
  return r->pos < r->len && (r->data[r->pos] == '\n' || r->data[r->pos] == '\r');
}

/* Skips the rest of the physical line, and its line end. */
static void
skip_line (BlCsvReader *r)
{
  while (r->pos < r->len && !at_newline (r))
    r->pos++;
  if (r->pos < r->len)
    consume_newline (r);
}

/* Counts the line ends in data[from, to) as consume_newline() would. */
static guint
count_lines (const char *data,
             gsize       from,
             gsize       to,
             gsize       len)
{
  guint n = 0;

  for (gsize i = from; i < to; i++)
    {
      if (data[i] == '\n')
        n++;
      else if (data[i] == '\r' && !(i + 1 < len && data[i + 1] == '\n'))
        n++;
    }
  return n;
}

static BlCsvStatus
bad_row (BlCsvReader  *r,
         GError      **error,
         guint         line,
         const char   *message)
{
  g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX, "%s:%u: %s", r->filename, line, message);
  g_string_truncate (r->buf, 0);
  g_array_set_size (r->starts, 0);
  g_array_set_size (r->lengths, 0);
  return BL_CSV_BAD_ROW;
}

/* Public API */

/**
 * bl_csv_reader_new:
 * @data: the CSV text; must stay valid while the reader is used
 * @len: its length in bytes
 * @filename: (nullable): the name used in messages
 *
 * Returns: (transfer full): a reader positioned before the first row
 */
BlCsvReader *
bl_csv_reader_new (const char *data,
                   gsize       len,
                   const char *filename)
{
  BlCsvReader *r;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  r = g_new0 (BlCsvReader, 1);
  r->data = data ? data : "";
  r->len = len;
  r->filename = filename ? g_utf8_make_valid (filename, -1) : g_strdup ("<input>");
  r->line = 1;
  r->max_fields = BL_CSV_READER_DEFAULT_MAX_FIELDS;
  r->max_field_size = BL_CSV_READER_DEFAULT_MAX_FIELD_SIZE;
  r->buf = g_string_sized_new (1024);
  r->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  r->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      r->pos = 3;
      r->had_bom = TRUE;
    }

  return r;
}

void
bl_csv_reader_free (BlCsvReader *reader)
{
  if (reader == NULL)
    return;

  g_free (reader->filename);
  g_string_free (reader->buf, TRUE);
  g_array_unref (reader->starts);
  g_array_unref (reader->lengths);
  g_free (reader);
}

/**
 * bl_csv_reader_set_max_fields:
 * @max_fields: the most fields a row may have (at least 1)
 */
void
bl_csv_reader_set_max_fields (BlCsvReader *reader,
                              guint        max_fields)
{
  g_return_if_fail (reader != NULL);
  g_return_if_fail (max_fields > 0);

  reader->max_fields = max_fields;
}

/**
 * bl_csv_reader_set_max_field_size:
 * @max_size: the largest field, in bytes once unquoted
 */
void
bl_csv_reader_set_max_field_size (BlCsvReader *reader,
                                  gsize        max_size)
{
  g_return_if_fail (reader != NULL);

  reader->max_field_size = max_size;
}

/**
 * bl_csv_reader_next_row:
 * @error: where a bad row is described
 *
 * Reads the next row. After %BL_CSV_BAD_ROW (with @error set to
 * "FILE:LINE: what", in %BL_ERROR_SYNTAX or %BL_ERROR_TOO_LARGE), the row
 * has been skipped and the next call reads on.
 *
 * Returns: what was read
 */
BlCsvStatus
bl_csv_reader_next_row (BlCsvReader  *r,
                        GError      **error)
{
  gboolean too_many = FALSE;
  gboolean too_large = FALSE;
  guint n_fields = 0;

  g_return_val_if_fail (r != NULL, BL_CSV_END);
  g_return_val_if_fail (error == NULL || *error == NULL, BL_CSV_END);

  g_string_truncate (r->buf, 0);
  g_array_set_size (r->starts, 0);
  g_array_set_size (r->lengths, 0);

  while (at_newline (r))
    consume_newline (r);
  if (r->pos >= r->len)
    return BL_CSV_END;

  r->row_line = r->line;
  r->row_offset = r->pos;

  for (;;)
    {
      gsize start = r->buf->len;
      gsize field_len;

      if (r->pos < r->len && r->data[r->pos] == '"')
        {
          guint open_line = r->line;

          r->pos++;
          for (;;)
            {
              const char *quote = memchr (r->data + r->pos, '"', r->len - r->pos);
              gsize end;

              if (quote == NULL)
                {
                  g_autofree char *message =
                    g_strdup_printf ("a quoted field that begins on line %u is not closed", open_line);

                  r->line += count_lines (r->data, r->pos, r->len, r->len);
                  r->pos = r->len;
                  return bad_row (r, error, r->row_line, message);
                }

              end = (gsize) (quote - r->data);
              r->line += count_lines (r->data, r->pos, end, r->len);
              if (!too_many && !too_large)
                g_string_append_len (r->buf, r->data + r->pos, (gssize) (end - r->pos));
              r->pos = end + 1;
              if (r->pos < r->len && r->data[r->pos] == '"')
                {
                  if (!too_many && !too_large)
                    g_string_append_c (r->buf, '"');
                  r->pos++;
                  continue;
                }
              break;
            }

          if (r->pos < r->len && r->data[r->pos] != ',' && !at_newline (r))
            {
              guint line = r->line;

              skip_line (r);
              return bad_row (r, error, line, "unexpected text after the closing quote of a field");
            }
        }
      else
        {
          gsize from = r->pos;

          while (r->pos < r->len)
            {
              char c = r->data[r->pos];

              if (c == ',' || c == '\n' || c == '\r')
                break;
              r->pos++;
            }
          if (!too_many && !too_large)
            g_string_append_len (r->buf, r->data + from, (gssize) (r->pos - from));
        }

      if (!too_many && !too_large)
        {
          field_len = r->buf->len - start;
          if (field_len > r->max_field_size)
            too_large = TRUE;
          else
            {
              g_string_append_c (r->buf, '\0');
              g_array_append_val (r->starts, start);
              g_array_append_val (r->lengths, field_len);
            }
        }

      n_fields++;
      if (n_fields > r->max_fields)
        too_many = TRUE;

      if (r->pos >= r->len)
        break;
      if (r->data[r->pos] == ',')
        {
          r->pos++;
          continue;
        }
      /* a line end */
      consume_newline (r);
      break;
    }

  if (too_large)
    {
      g_autofree char *message =
        g_strdup_printf ("a field is larger than %" G_GSIZE_FORMAT " bytes", r->max_field_size);

      bad_row (r, NULL, r->row_line, "");
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE, "%s:%u: %s", r->filename, r->row_line, message);
      return BL_CSV_BAD_ROW;
    }
  if (too_many)
    {
      g_autofree char *message =
        g_strdup_printf ("the row has %u fields, more than %u", n_fields, r->max_fields);

      bad_row (r, NULL, r->row_line, "");
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE, "%s:%u: %s", r->filename, r->row_line, message);
      return BL_CSV_BAD_ROW;
    }

  return BL_CSV_ROW;
}

/**
 * bl_csv_reader_get_n_fields:
 *
 * Returns: the number of fields of the current row
 */
guint
bl_csv_reader_get_n_fields (BlCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->starts->len;
}

/**
 * bl_csv_reader_get_field:
 * @index: a field of the current row
 * @len: (out) (optional): its length in bytes (it may hold NUL bytes)
 *
 * Returns: the field, unquoted and NUL-terminated, valid until the next
 *   row is read; its bytes are as in the file (not checked for UTF-8)
 */
const char *
bl_csv_reader_get_field (BlCsvReader *reader,
                         guint        index,
                         gsize       *len)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (index < reader->starts->len, NULL);

  if (len != NULL)
    *len = g_array_index (reader->lengths, gsize, index);
  return reader->buf->str + g_array_index (reader->starts, gsize, index);
}

/**
 * bl_csv_reader_get_line:
 *
 * Returns: the 1-based line on which the current (or last bad) row begins
 */
guint
bl_csv_reader_get_line (BlCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->row_line;
}

/**
 * bl_csv_reader_get_offset:
 *
 * Returns: how many bytes of the input have been read (for progress)
 */
gsize
bl_csv_reader_get_offset (BlCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, 0);

  return reader->pos;
}

const char *
bl_csv_reader_get_filename (BlCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, NULL);

  return reader->filename;
}

/**
 * bl_csv_reader_had_bom:
 *
 * Returns: whether the input began with a UTF-8 byte order mark
 */
gboolean
bl_csv_reader_had_bom (BlCsvReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  return reader->had_bom;
}
