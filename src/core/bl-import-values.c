/* bl-import-values.c — the values of an imported record
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlImportValues, the texts (or lists) of one record that an importer
 * read, and the readers of single texts the importers and the builder
 * share: numbers in the C locale, dates in the forms imports use, the
 * exterior ring of a WKT polygon, ids. What it is not: the checks that
 * need the project or the report (bl-import-builder.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-import-builder-private.h"

#define MAX_ID_LEN 256

/* Values */

void
bl_import_values_init (BlImportValues *values)
{
  memset (values, 0, sizeof *values);
}

void
bl_import_values_clear (BlImportValues *values)
{
  for (guint i = 0; i < BL_N_FIELDS; i++)
    {
      g_clear_pointer (&values->text[i], g_free);
      g_clear_pointer (&values->list[i], g_ptr_array_unref);
    }
  g_clear_pointer (&values->polygon, g_free);
  bl_import_values_init (values);
}

/* Sets a field's text, taking @text. */
void
bl_import_values_take (BlImportValues *values,
                       BlField         field,
                       char           *text)
{
  g_free (values->text[field]);
  values->text[field] = text;
}

void
bl_import_values_add_item (BlImportValues *values,
                           BlField         field,
                           const char     *item)
{
  if (values->list[field] == NULL)
    values->list[field] = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (values->list[field], g_strdup (item));
}

/* Helpers */

/* The text of a field without spaces at either end, or NULL if empty. */
char *
bl_import_values_trimmed (const BlImportValues *v,
                          BlField               field)
{
  const char *t = v->text[field];
  const char *end;

  if (t == NULL)
    return NULL;
  while (g_ascii_isspace (*t))
    t++;
  end = t + strlen (t);
  while (end > t && g_ascii_isspace (end[-1]))
    end--;
  if (end == t)
    return NULL;
  return g_strndup (t, end - t);
}

/* A field's text as given, or NULL if it is empty or only spaces. */
const char *
bl_import_values_as_given (const BlImportValues *v,
                           BlField               field)
{
  const char *t = v->text[field];

  if (t == NULL)
    return NULL;
  for (const char *p = t; *p; p++)
    if (!g_ascii_isspace (*p))
      return t;
  return NULL;
}

gboolean
bl_import_id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > MAX_ID_LEN)
    return FALSE;
  if (g_ascii_isspace (id[0]) || g_ascii_isspace (id[len - 1]))
    return FALSE;
  for (const guchar *p = (const guchar *) id; *p; p++)
    if (*p < 0x20 || *p == 0x7f)
      return FALSE;
  return TRUE;
}

/**
 * bl_import_parse_double:
 *
 * Reads a number in the C locale, spaces around allowed, nothing else.
 */
gboolean
bl_import_parse_double (const char *text,
                        double     *out)
{
  char *end;
  double v;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

/**
 * bl_import_parse_date:
 *
 * Reads a date: the canonical form, an ISO 8601 date-time (the time is
 * dropped), DD/MM/YYYY (day first, as ACLED and most of the world write
 * it), or anything bl_date_parse_human() understands.
 */
gboolean
bl_import_parse_date (const char  *text,
                      BlDate      *out,
                      GError     **error)
{
  g_autofree char *copy = NULL;
  gsize len;

  if (bl_date_parse (text, out, NULL))
    return TRUE;

  len = strlen (text);
  if (len > 10 && g_ascii_isdigit (text[0]) && text[4] == '-' && text[7] == '-' &&
      (text[10] == 'T' || text[10] == 't' || text[10] == ' '))
    {
      copy = g_strndup (text, 10);
      if (bl_date_parse (copy, out, NULL))
        return TRUE;
      g_clear_pointer (&copy, g_free);
    }

  if (len <= 10 && strchr (text, '/') != NULL && strchr (text, '/') != strrchr (text, '/'))
    {
      copy = g_strdup (text);
      g_strdelimit (copy, "/", '.');
      text = copy;
    }

  return bl_date_parse_human (text, out, error);
}

/* Parses the exterior ring of "POLYGON ((x y, x y, …), (hole…))".
 * Returns NULL on success or a message. */
char *
bl_import_parse_wkt_polygon (const char  *text,
                             double     **points,
                             guint       *n_points)
{
  g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (double));
  const char *p = text;

  *points = NULL;
  *n_points = 0;

  while (g_ascii_isspace (*p))
    p++;
  if (g_ascii_strncasecmp (p, "POLYGON", 7) != 0)
    return g_strdup (_("only a WKT POLYGON can be read as a polygon"));
  p += 7;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '(')
    return g_strdup (_("expected “(” after POLYGON"));
  p++;
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '(')
    return g_strdup (_("expected “((” after POLYGON"));
  p++;

  for (;;)
    {
      double xy[2];

      for (guint k = 0; k < 2; k++)
        {
          char *end;

          while (g_ascii_isspace (*p))
            p++;
          xy[k] = g_ascii_strtod (p, &end);
          if (end == p || !isfinite (xy[k]))
            return g_strdup (_("a WKT position is two numbers"));
          p = end;
        }
      g_array_append_vals (pts, xy, 2);
      while (g_ascii_isspace (*p))
        p++;
      if (*p == ',')
        {
          p++;
          continue;
        }
      if (*p == ')')
        break;
      return g_strdup (_("expected “,” or “)” in the WKT polygon"));
    }

  *n_points = pts->len / 2;
  *points = (double *) (void *) g_array_free (g_steal_pointer (&pts), FALSE);
  return NULL;
}

/* Whether @text starts with one or more apostrophes and then a character
 * that made Borderline's CSV export neutralise it. */
gboolean
bl_import_text_is_neutralised (const char *text)
{
  const char *p = text;

  if (*p != '\'')
    return FALSE;
  while (*p == '\'')
    p++;
  return *p != '\0' && strchr ("=+-@\t\r", *p) != NULL;
}
