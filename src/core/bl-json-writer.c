/* bl-json-writer.c — deterministic JSON writer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: writing project files and exports as JSON that is
 * stable byte for byte (same values, same text) and that the strict reader
 * (bl-json-reader.c) reads back to the same values, into a string or, for
 * files of any size, through a GOutputStream in 256 KiB chunks.
 * What it is not: a serializer of GObjects or a file writer (the caller
 * opens, syncs and renames the file).
 *
 * Output rules
 *
 * - Pretty mode (the default): every member and element on its own line,
 *   indented by 2 spaces per level; "name": value with one space; empty
 *   containers as {} and []; a newline after the top-level value.
 *   Compact mode: no whitespace at all, no final newline.
 * - Strings: '"' and '\\' are escaped, control characters as \b \f \n \r
 *   \t or \u00XX, U+2028 and U+2029 as \u2028 and \u2029 (so the output is
 *   also safe inside JavaScript); everything else, non-ASCII included, is
 *   written as UTF-8. '/' is not escaped. Input must be valid UTF-8; NUL
 *   bytes (with bl_json_writer_string_len()) are written as \u0000.
 * - Doubles: integral values below 1e17 in magnitude are written as plain
 *   integers ("6000", "-0"); others in the shortest of %.15g, %.16g, %.17g
 *   that reads back equal ("0.1", "1e+300"). Non-finite values cannot be
 *   written (JSON has none): that is a programming error. The text is
 *   worked out without printf for most values (see "Doubles" below); the
 *   bytes are those of the printf rule above, always.
 * - Streams: a write error latches; what follows is dropped and
 *   bl_json_writer_finish() reports the first error.
 * - Misuse (a value where a member name is needed, an unbalanced end, a
 *   second top-level value) is a programming error reported with
 *   g_return_if_fail(); nothing is written then.
 */
#include "config.h"

#include "bl-json-writer.h"
#include "bl-json-writer-private.h"

#include <math.h>
#include <string.h>

enum {
  LEVEL_OBJECT = 1 << 0,
  LEVEL_NONEMPTY = 1 << 1,
};

/* A stream writer hands its buffer on once it holds this much. */
#define STREAM_CHUNK (256 * 1024)

struct _BlJsonWriter
{
  GString  *out;         /* borrowed; owned when writing to a stream */
  GOutputStream *stream; /* (nullable): where @out goes when full */
  GCancellable  *cancellable;
  GError        *error;  /* the stream's first error */
  guint64   flushed;     /* bytes handed to @stream so far */
  gboolean  pretty;
  gboolean  complete;    /* the top-level value has been written */
  gboolean  need_value;  /* a member name has been written */
  guint8   *stack;       /* LEVEL_* flags per open container */
  gsize     stack_size;
  guint     depth;
};

/**
 * bl_json_writer_new:
 * @out: the string to append to; borrowed, must outlive the writer
 *
 * Returns: (transfer full): a new writer, in pretty mode
 */
BlJsonWriter *
bl_json_writer_new (GString *out)
{
  BlJsonWriter *w;

  g_return_val_if_fail (out != NULL, NULL);

  w = g_new0 (BlJsonWriter, 1);
  w->out = out;
  w->pretty = TRUE;

  return w;
}

/**
 * bl_json_writer_new_for_stream:
 * @stream: where the text goes, in chunks of about 256 KiB; the writer
 *   keeps a reference
 * @cancellable: (nullable): checked at each chunk
 *
 * A writer for output of any size: it keeps one chunk in memory. Call
 * bl_json_writer_finish() at the end to write the last chunk and to learn
 * whether every write succeeded.
 *
 * Returns: (transfer full): a new writer, in pretty mode
 */
BlJsonWriter *
bl_json_writer_new_for_stream (GOutputStream *stream,
                               GCancellable  *cancellable)
{
  BlJsonWriter *w;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  w = bl_json_writer_new (g_string_sized_new (STREAM_CHUNK + 64 * 1024));
  w->stream = g_object_ref (stream);
  w->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  return w;
}

void
bl_json_writer_free (BlJsonWriter *writer)
{
  if (writer == NULL)
    return;

  if (writer->stream != NULL)
    {
      g_string_free (writer->out, TRUE);
      g_object_unref (writer->stream);
    }
  g_clear_object (&writer->cancellable);
  g_clear_error (&writer->error);
  g_free (writer->stack);
  g_free (writer);
}

/* Hands the buffer to the stream (stream writers only). */
static void
flush_chunk (BlJsonWriter *w)
{
  gsize written = 0;

  if (w->error == NULL &&
      !g_cancellable_set_error_if_cancelled (w->cancellable, &w->error) &&
      !g_output_stream_write_all (w->stream, w->out->str, w->out->len, &written,
                                  w->cancellable, &w->error))
    g_assert (w->error != NULL);

  w->flushed += w->out->len;
  g_string_truncate (w->out, 0);
}

static inline void
maybe_flush (BlJsonWriter *w)
{
  if (G_UNLIKELY (w->out->len >= STREAM_CHUNK) && w->stream != NULL)
    flush_chunk (w);
}

/**
 * bl_json_writer_finish:
 * @error: the first error of the stream
 *
 * For a stream writer: writes what is still buffered (it does not flush
 * or close the stream itself). For a string writer it does nothing.
 *
 * Returns: %TRUE if every write to the stream succeeded
 */
gboolean
bl_json_writer_finish (BlJsonWriter  *writer,
                       GError       **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  if (writer->stream == NULL)
    return TRUE;

  if (writer->out->len > 0)
    flush_chunk (writer);

  if (writer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&writer->error));
      /* keep later calls failing too */
      writer->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "already reported");
      return FALSE;
    }

  return TRUE;
}

/**
 * bl_json_writer_get_bytes_written:
 *
 * Returns: how many bytes of text the writer has produced so far (for a
 *   stream writer, handed to the stream or still buffered)
 */
guint64
bl_json_writer_get_bytes_written (BlJsonWriter *writer)
{
  g_return_val_if_fail (writer != NULL, 0);

  return writer->flushed + writer->out->len;
}

/**
 * bl_json_writer_set_pretty:
 * @pretty: %TRUE for indented output (the default), %FALSE for compact
 *
 * Must be called before anything is written.
 */
void
bl_json_writer_set_pretty (BlJsonWriter *writer,
                           gboolean      pretty)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (writer->depth == 0 && !writer->complete);

  writer->pretty = !!pretty;
}

/**
 * bl_json_writer_is_complete:
 *
 * Returns: %TRUE once a whole top-level value has been written
 */
gboolean
bl_json_writer_is_complete (BlJsonWriter *writer)
{
  g_return_val_if_fail (writer != NULL, FALSE);

  return writer->complete;
}

static void
newline_indent (BlJsonWriter *w,
                guint         depth)
{
  if (!w->pretty)
    return;

  static const char spaces[] = "\n                                ";

  if (depth <= (sizeof spaces - 2) / 2)
    {
      g_string_append_len (w->out, spaces, 1 + 2 * depth);
      return;
    }

  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append_len (w->out, "  ", 2);
}

/* Can a value be written now? (a programming error if not) */
static gboolean
value_allowed (BlJsonWriter *w)
{
  if (w->complete)
    return FALSE;
  if (w->depth == 0)
    return TRUE;
  if (w->stack[w->depth - 1] & LEVEL_OBJECT)
    return w->need_value;
  return TRUE;
}

/* Separator and indentation before a value; value_allowed() must hold. */
static void
begin_value (BlJsonWriter *w)
{
  guint8 *level;

  if (w->depth == 0)
    return;

  maybe_flush (w);
  level = &w->stack[w->depth - 1];
  if (*level & LEVEL_OBJECT)
    {
      w->need_value = FALSE;
      return;
    }

  if (*level & LEVEL_NONEMPTY)
    g_string_append_c (w->out, ',');
  *level |= LEVEL_NONEMPTY;
  newline_indent (w, w->depth);
}

static void
end_value (BlJsonWriter *w)
{
  if (w->depth > 0)
    return;

  w->complete = TRUE;
  if (w->pretty)
    g_string_append_c (w->out, '\n');
}

static void
begin_container (BlJsonWriter *w,
                 gboolean      is_object)
{
  begin_value (w);

  if (w->depth >= w->stack_size)
    {
      w->stack_size = MAX (16, w->stack_size * 2);
      w->stack = g_realloc (w->stack, w->stack_size);
    }
  w->stack[w->depth++] = is_object ? LEVEL_OBJECT : 0;

  g_string_append_c (w->out, is_object ? '{' : '[');
}

static void
end_container (BlJsonWriter *w)
{
  guint8 level = w->stack[--w->depth];

  if (level & LEVEL_NONEMPTY)
    newline_indent (w, w->depth);
  g_string_append_c (w->out, (level & LEVEL_OBJECT) ? '}' : ']');

  end_value (w);
}

static gboolean
in_container (BlJsonWriter *w,
              gboolean      is_object)
{
  return w->depth > 0 &&
         !!(w->stack[w->depth - 1] & LEVEL_OBJECT) == !!is_object;
}

void
bl_json_writer_begin_object (BlJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (value_allowed (writer));

  begin_container (writer, TRUE);
}

void
bl_json_writer_end_object (BlJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (in_container (writer, TRUE));
  g_return_if_fail (!writer->need_value);

  end_container (writer);
}

void
bl_json_writer_begin_array (BlJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (value_allowed (writer));

  begin_container (writer, FALSE);
}

void
bl_json_writer_end_array (BlJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (in_container (writer, FALSE));

  end_container (writer);
}

/* Valid UTF-8, allowing NUL bytes (which g_utf8_validate_len() refuses). */
static gboolean
validate_with_nuls (const char *s,
                    gsize       len)
{
  while (len > 0)
    {
      const char *nul = memchr (s, '\0', len);
      gsize chunk = nul != NULL ? (gsize) (nul - s) : len;

      if (!g_utf8_validate_len (s, chunk, NULL))
        return FALSE;
      if (nul == NULL)
        break;
      s += chunk + 1;
      len -= chunk + 1;
    }

  return TRUE;
}

static void
append_escaped (GString    *out,
                const char *s,
                gsize       len)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) s;
  const guchar *end = p + len;
  const guchar *run = p;

  g_string_append_c (out, '"');

  while (p < end)
    {
      guchar c = *p;
      const char *esc = NULL;
      char ubuf[7];

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0xE2)
        {
          p++;
          continue;
        }

      switch (c)
        {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case 0xE2:
          /* U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR */
          if (end - p >= 3 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
            {
              g_string_append_len (out, (const char *) run, p - run);
              g_string_append (out, p[2] == 0xA8 ? "\\u2028" : "\\u2029");
              p += 3;
              run = p;
            }
          else
            p++;
          continue;
        default:
          ubuf[0] = '\\';
          ubuf[1] = 'u';
          ubuf[2] = '0';
          ubuf[3] = '0';
          ubuf[4] = hex[c >> 4];
          ubuf[5] = hex[c & 0xF];
          ubuf[6] = '\0';
          esc = ubuf;
          break;
        }

      g_string_append_len (out, (const char *) run, p - run);
      g_string_append (out, esc);
      p++;
      run = p;
    }

  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

/**
 * bl_json_writer_member:
 * @name: the member name, valid UTF-8
 *
 * Writes an object member's name; the next call must write its value.
 */
void
bl_json_writer_member (BlJsonWriter *writer,
                       const char   *name)
{
  guint8 *level;

  g_return_if_fail (writer != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (in_container (writer, TRUE));
  g_return_if_fail (!writer->need_value);
  g_return_if_fail (g_utf8_validate (name, -1, NULL));

  maybe_flush (writer);
  level = &writer->stack[writer->depth - 1];
  if (*level & LEVEL_NONEMPTY)
    g_string_append_c (writer->out, ',');
  *level |= LEVEL_NONEMPTY;
  newline_indent (writer, writer->depth);

  append_escaped (writer->out, name, strlen (name));
  if (writer->pretty)
    g_string_append_len (writer->out, ": ", 2);
  else
    g_string_append_c (writer->out, ':');

  writer->need_value = TRUE;
}

/**
 * bl_json_writer_string_len:
 * @value: (array length=len): valid UTF-8; may contain NUL bytes
 * @len: length of @value in bytes
 */
void
bl_json_writer_string_len (BlJsonWriter *writer,
                           const char   *value,
                           gsize         len)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (value != NULL || len == 0);
  g_return_if_fail (value_allowed (writer));
  g_return_if_fail (value == NULL || validate_with_nuls (value, len));

  begin_value (writer);
  append_escaped (writer->out, value != NULL ? value : "", len);
  end_value (writer);
}

/**
 * bl_json_writer_string:
 * @value: a NUL-terminated, valid UTF-8 string
 */
void
bl_json_writer_string (BlJsonWriter *writer,
                       const char   *value)
{
  g_return_if_fail (value != NULL);

  bl_json_writer_string_len (writer, value, strlen (value));
}

void
bl_json_writer_int64 (BlJsonWriter *writer,
                      gint64        value)
{
  char buf[24];
  char *end = buf + sizeof buf;
  char *p;

  g_return_if_fail (writer != NULL);
  g_return_if_fail (value_allowed (writer));

  /* the magnitude of G_MININT64 only fits unsigned */
  p = bl_json_format_uint64 (value < 0 ? -(guint64) value : (guint64) value, end);
  if (value < 0)
    *--p = '-';

  begin_value (writer);
  g_string_append_len (writer->out, p, end - p);
  end_value (writer);
}


/**
 * bl_json_writer_double:
 * @value: a finite double (JSON has no NaN or infinity)
 */
void
bl_json_writer_double (BlJsonWriter *writer,
                       double        value)
{
  char buf[BL_JSON_DOUBLE_BUF_SIZE];

  g_return_if_fail (writer != NULL);
  g_return_if_fail (isfinite (value));
  g_return_if_fail (value_allowed (writer));

  begin_value (writer);
  g_string_append (writer->out, bl_json_writer_format_double (value, buf));
  end_value (writer);
}

void
bl_json_writer_boolean (BlJsonWriter *writer,
                        gboolean      value)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (value_allowed (writer));

  begin_value (writer);
  g_string_append (writer->out, value ? "true" : "false");
  end_value (writer);
}

void
bl_json_writer_null (BlJsonWriter *writer)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (value_allowed (writer));

  begin_value (writer);
  g_string_append_len (writer->out, "null", 4);
  end_value (writer);
}
