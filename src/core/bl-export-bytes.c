/* bl-export-bytes.c — images encoded in memory, for the exporters
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the map export (bl-map-export-file.c) and the comparison chart's
 * export (bl-comparison-export-file.c) share: cairo writes a PNG, SVG or
 * PDF stream into a byte array, and an SVG gets a title and a
 * description that name it (cairo writes text as glyph outlines, so
 * nothing else in the file says what it shows).
 */
#include "config.h"

#include <string.h>

#include "bl-export-bytes.h"

/**
 * bl_export_write_to_byte_array:
 * @closure: a #GByteArray
 *
 * A #cairo_write_func_t that appends to a #GByteArray.
 *
 * Returns: %CAIRO_STATUS_SUCCESS
 */
cairo_status_t
bl_export_write_to_byte_array (void                *closure,
                               const unsigned char *data,
                               unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* XML text: escaped, without the control characters XML 1.0 forbids
 * (g_markup_escape_text() writes them as character references, which
 * XML 1.0 forbids too). */
static char *
xml_text (const char *text)
{
  g_autofree char *clean = g_strdup (text != NULL ? text : "");

  for (char *p = clean; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n')
      *p = ' ';
  return g_markup_escape_text (clean, -1);
}

/**
 * bl_export_svg_add_title:
 * @svg: (transfer full): an SVG document as cairo wrote it
 * @title: (nullable): what the document shows, in a line
 * @description: (nullable): more words on it
 *
 * Puts a <title> and a <desc> first in the document's root element, the
 * texts escaped for XML whatever they hold.
 *
 * Returns: (transfer full): the document; unchanged if it has no root
 *   element
 */
GBytes *
bl_export_svg_add_title (GByteArray *svg,
                         const char *title,
                         const char *description)
{
  const char *data = (const char *) svg->data;
  const char *root = g_strstr_len (data, svg->len, "<svg");
  const char *end = root != NULL ? memchr (root, '>', svg->len - (root - data)) : NULL;
  g_autofree char *t = NULL;
  g_autofree char *d = NULL;
  GString *out;

  if (end == NULL)
    return g_byte_array_free_to_bytes (svg);

  t = xml_text (title);
  d = xml_text (description);
  out = g_string_sized_new (svg->len + strlen (t) + strlen (d) + 32);
  g_string_append_len (out, data, end + 1 - data);
  g_string_append_printf (out, "\n<title>%s</title>\n<desc>%s</desc>", t, d);
  g_string_append_len (out, end + 1, svg->len - (end + 1 - data));
  g_byte_array_unref (svg);
  return g_string_free_to_bytes (out);
}
