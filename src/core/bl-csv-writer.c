/* bl-csv-writer.c — writing RFC 4180 CSV that spreadsheets cannot abuse
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small writer for the tables Borderline exports (the comparison table,
 * claim lists). Output follows RFC 4180: fields separated by commas, rows
 * ended by CRLF (also the last one), a field quoted when it holds a comma,
 * a double quote, CR or LF, and quotes inside doubled. Line breaks inside a
 * field are kept as they are, inside the quotes.
 *
 * Text comes from project files and feeds, so it is untrusted. A text field
 * that a spreadsheet would read as a formula — one that starts with `=`,
 * `+`, `-`, `@`, a tab or a carriage return — is *neutralised*: prefixed
 * with an apostrophe, which spreadsheets show as text (the OWASP advice
 * against CSV injection). Invalid UTF-8 is repaired with U+FFFD. Numbers
 * added with bl_csv_writer_add_number() are written in the C locale and
 * not neutralised (a negative number stays a number).
 *
 * It builds the whole text in memory (tables Borderline exports are small)
 * and saves atomically. It does not read CSV.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-csv-writer.h"

struct _BlCsvWriter
{
  GString          *text;
  guint             n_rows;
  guint             n_fields;   /* in the current row */
  BlCsvWriterFlags  flags;
};

/* Helpers */

static gboolean
needs_quotes (const char *text)
{
  return strpbrk (text, ",\"\r\n") != NULL;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = NULL;
  const char *s = text ? text : "";
  gboolean neutralise;

  if (!g_utf8_validate (s, -1, NULL))
    s = valid = g_utf8_make_valid (s, -1);

  neutralise = bl_csv_field_needs_neutralising (s);

  if (!needs_quotes (s) && !neutralise)
    {
      g_string_append (out, s);
      return;
    }

  if (!needs_quotes (s))
    {
      g_string_append_c (out, '\'');
      g_string_append (out, s);
      return;
    }

  g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
begin_field (BlCsvWriter *self)
{
  if (self->n_fields > 0)
    g_string_append_c (self->text, ',');
  self->n_fields++;
}

/* Public API */

/**
 * bl_csv_writer_new:
 * @flags: #BlCsvWriterFlags
 *
 * Returns: (transfer full): an empty writer; free with bl_csv_writer_free()
 */
BlCsvWriter *
bl_csv_writer_new (BlCsvWriterFlags flags)
{
  BlCsvWriter *self = g_new0 (BlCsvWriter, 1);

  self->text = g_string_new (NULL);
  self->flags = flags;
  if (flags & BL_CSV_WRITER_BOM)
    g_string_append (self->text, "\xEF\xBB\xBF");

  return self;
}

void
bl_csv_writer_free (BlCsvWriter *writer)
{
  if (writer == NULL)
    return;
  g_string_free (writer->text, TRUE);
  g_free (writer);
}

/**
 * bl_csv_field_needs_neutralising:
 * @text: a field's text
 *
 * Returns: whether a spreadsheet could take @text for a formula: it starts
 *   with `=`, `+`, `-`, `@`, a tab or a carriage return
 */
gboolean
bl_csv_field_needs_neutralising (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/**
 * bl_csv_escape_field:
 * @text: (nullable): a field's text; %NULL is an empty field
 *
 * Escapes one field as bl_csv_writer_add_field() writes it: neutralised,
 * quoted when needed.
 *
 * Returns: (transfer full): the field as it appears in the file
 */
char *
bl_csv_escape_field (const char *text)
{
  GString *out = g_string_new (NULL);

  append_escaped (out, text);
  return g_string_free (out, FALSE);
}

/**
 * bl_csv_writer_add_field:
 * @text: (nullable): untrusted text; %NULL writes an empty field
 *
 * Adds a text field to the current row.
 */
void
bl_csv_writer_add_field (BlCsvWriter *writer,
                         const char  *text)
{
  g_return_if_fail (writer != NULL);

  begin_field (writer);
  append_escaped (writer->text, text);
}

/**
 * bl_csv_writer_add_number:
 * @number: a number; NAN and infinities write an empty field
 *
 * Adds a number, in the C locale, with as many digits as it takes to read
 * it back exactly ("6500", "0.1", "-3.25").
 */
void
bl_csv_writer_add_number (BlCsvWriter *writer,
                          double       number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (writer != NULL);

  begin_field (writer);
  if (!isfinite (number))
    return;

  /* the shortest of 15 or 17 significant digits that reads back exactly */
  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  if (g_ascii_strtod (buffer, NULL) != number)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", number);
  g_string_append (writer->text, buffer);
}

void
bl_csv_writer_add_uint (BlCsvWriter *writer,
                        guint64      number)
{
  g_return_if_fail (writer != NULL);

  begin_field (writer);
  g_string_append_printf (writer->text, "%" G_GUINT64_FORMAT, number);
}

/**
 * bl_csv_writer_end_row:
 *
 * Ends the current row with CRLF. A row with no field is written as one
 * empty field (an empty line).
 */
void
bl_csv_writer_end_row (BlCsvWriter *writer)
{
  g_return_if_fail (writer != NULL);

  g_string_append (writer->text, "\r\n");
  writer->n_rows++;
  writer->n_fields = 0;
}

guint
bl_csv_writer_get_n_rows (BlCsvWriter *writer)
{
  g_return_val_if_fail (writer != NULL, 0);

  return writer->n_rows;
}

/**
 * bl_csv_writer_peek:
 * @length: (out) (optional): the length in bytes
 *
 * Returns: (transfer none): the text written so far
 */
const char *
bl_csv_writer_peek (BlCsvWriter *writer,
                    gsize       *length)
{
  g_return_val_if_fail (writer != NULL, NULL);

  if (length)
    *length = writer->text->len;
  return writer->text->str;
}

/**
 * bl_csv_writer_free_to_bytes:
 *
 * Frees @writer and returns what it wrote. A row still open is ended.
 *
 * Returns: (transfer full): the CSV text
 */
GBytes *
bl_csv_writer_free_to_bytes (BlCsvWriter *writer)
{
  GString *text;

  g_return_val_if_fail (writer != NULL, NULL);

  if (writer->n_fields > 0)
    bl_csv_writer_end_row (writer);
  text = writer->text;
  g_free (writer);
  return g_string_free_to_bytes (text);
}

/**
 * bl_csv_writer_save:
 * @path: the file to write, in the GLib file name encoding
 *
 * Writes the text so far to @path atomically: on failure the file is left
 * as it was, with no partial output. A row still open is ended.
 *
 * Returns: %TRUE on success
 */
gboolean
bl_csv_writer_save (BlCsvWriter  *writer,
                    const char   *path,
                    GError      **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (writer->n_fields > 0)
    bl_csv_writer_end_row (writer);

  return g_file_set_contents_full (path, writer->text->str, writer->text->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0666, error);
}
