/* bl-kml.c — writing claims as KML 2.2 for Google Earth
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: one Placemark per claim, with a time primitive so that
 * Google Earth's time slider shows the claims as the timeline does:
 *
 * - the time is the claim's *about* date (the period it describes), else
 *   its *said on* date: a single date that is not circa becomes a
 *   `<TimeStamp>` at its own precision (`2023`, `2023-02`, `2023-02-14`);
 *   an interval, a circa date or a decade becomes a `<TimeSpan>` over every
 *   day it can mean (circa widened as in bl-date.h), an open end left out;
 * - the geometry is the claim's polygon, else its point, else its areas'
 *   outlines from the basemap (a MultiGeometry), else none;
 * - `<name>` is the statement, shortened; `<description>` is plain text
 *   (escaped: Google Earth would render HTML) with the provenance; every
 *   field is also in `<ExtendedData>` under its canonical name.
 *
 * Text is escaped for XML 1.0; control characters that XML cannot hold at
 * all are dropped. Borderline does not read KML. What it is not: a KML
 * styler (Google Earth's default pins are used).
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-format-private.h"
#include "bl-vocab.h"

#define NAME_CHARS 80

/* Appends @text escaped for XML 1.0 character data or attributes. */
static void
append_xml (GString    *out,
            const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '&': g_string_append (out, "&amp;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        default:
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
            break;
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

static void
element (GString    *out,
         const char *indent,
         const char *name,
         const char *text)
{
  if (text == NULL)
    return;
  g_string_append_printf (out, "%s<%s>", indent, name);
  append_xml (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
data (GString    *out,
      const char *name,
      const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  g_string_append_printf (out, "        <Data name=\"%s\"><value>", name);
  append_xml (out, value);
  g_string_append (out, "</value></Data>\n");
}

static void
append_day (GString *out,
            gint32   day)
{
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  g_string_append_printf (out, "%04d-%02d-%02d", y, m, d);
}

static void
append_time (GString      *out,
             const BlDate *date)
{
  if (bl_date_is_unknown (date))
    return;

  if (!(date->flags & (BL_DATE_INTERVAL | BL_DATE_CIRCA_START | BL_DATE_CIRCA_END)) &&
      date->start_precision != BL_DATE_PRECISION_DECADE)
    {
      int y, m, d;

      bl_day_to_ymd (date->first_day, &y, &m, &d);
      g_string_append (out, "      <TimeStamp><when>");
      if (date->start_precision == BL_DATE_PRECISION_YEAR)
        g_string_append_printf (out, "%04d", y);
      else if (date->start_precision == BL_DATE_PRECISION_MONTH)
        g_string_append_printf (out, "%04d-%02d", y, m);
      else
        g_string_append_printf (out, "%04d-%02d-%02d", y, m, d);
      g_string_append (out, "</when></TimeStamp>\n");
      return;
    }

  g_string_append (out, "      <TimeSpan>");
  if (date->first_day != BL_DAY_MIN)
    {
      g_string_append (out, "<begin>");
      append_day (out, date->first_day);
      g_string_append (out, "</begin>");
    }
  if (date->last_day != BL_DAY_MAX)
    {
      g_string_append (out, "<end>");
      append_day (out, date->last_day);
      g_string_append (out, "</end>");
    }
  g_string_append (out, "</TimeSpan>\n");
}

static void
append_coords (GString      *out,
               const double *points,
               gsize         n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *x = bl_format_export_format_coord (points[2 * i]);
      g_autofree char *y = bl_format_export_format_coord (points[2 * i + 1]);

      g_string_append_printf (out, "%s%s,%s", i ? " " : "", x, y);
    }
}

static void
append_polygon (GString      *out,
                const char   *indent,
                const double *ring,
                gsize         n)
{
  g_string_append_printf (out, "%s<Polygon><outerBoundaryIs><LinearRing><coordinates>", indent);
  append_coords (out, ring, n);
  g_string_append (out, "</coordinates></LinearRing></outerBoundaryIs></Polygon>\n");
}

static void
append_geometry (GString             *out,
                 const BlClaimRecord *r,
                 BlBasemapData       *basemap)
{
  if (r->polygon != NULL && r->n_polygon >= 4)
    {
      g_autofree double *ring = g_memdup2 (r->polygon, sizeof (double) * 2 * r->n_polygon);

      bl_format_export_ring_make_ccw (ring, r->n_polygon);
      append_polygon (out, "      ", ring, r->n_polygon);
      return;
    }

  if (!isnan (r->lat) && !isnan (r->lon))
    {
      double p[2] = { r->lon, r->lat };

      g_string_append (out, "      <Point><coordinates>");
      append_coords (out, p, 1);
      g_string_append (out, "</coordinates></Point>\n");
      return;
    }

  if (r->areas != NULL && basemap != NULL)
    {
      g_autoptr(GPtrArray) rings = bl_format_export_area_rings (basemap, r->areas);

      if (rings->len == 0)
        return;
      g_string_append (out, "      <MultiGeometry>\n");
      for (guint i = 0; i < rings->len; i++)
        {
          GArray *ring = g_ptr_array_index (rings, i);

          append_polygon (out, "        ", (const double *) (void *) ring->data, ring->len / 2);
        }
      g_string_append (out, "      </MultiGeometry>\n");
    }
}

static void
append_placemark (GString             *out,
                  BlProject           *project,
                  const BlClaimRecord *r,
                  BlBasemapData       *basemap)
{
  BlActor *actor = r->actor != BL_NO_INDEX ? bl_project_get_actor (project, r->actor) : NULL;
  BlSource *source = r->source != BL_NO_INDEX ? bl_project_get_source (project, r->source) : NULL;
  BlTopic *topic = r->topic != BL_NO_INDEX ? bl_project_get_topic (project, r->topic) : NULL;
  g_autofree char *said = bl_date_is_unknown (&r->said_on) ? NULL : bl_date_to_string (&r->said_on);
  g_autofree char *about = bl_date_is_unknown (&r->about) ? NULL : bl_date_to_string (&r->about);
  g_autofree char *quantity = r->quantity ? bl_quantity_to_string (r->quantity) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *areas = r->areas ? g_strjoinv (";", (char **) r->areas) : NULL;
  g_autofree char *tags = r->tags ? g_strjoinv (";", (char **) r->tags) : NULL;
  g_autofree char *credibility = r->credibility ? g_strdup_printf ("%u", r->credibility) : NULL;
  GString *description = g_string_new (r->statement);
  glong n_chars = g_utf8_strlen (r->statement, -1);

  if (n_chars > NAME_CHARS)
    {
      g_autofree char *start = g_utf8_substring (r->statement, 0, NAME_CHARS - 1);
      name = g_strconcat (start, "…", NULL);
    }
  else
    name = g_strdup (r->statement);

  if (actor)
    g_string_append_printf (description, "\n\nClaimant: %s", bl_actor_get_name (actor));
  if (source)
    {
      g_string_append_printf (description, "\nSource: %s", bl_source_get_name (source));
      if (bl_source_get_url (source))
        g_string_append_printf (description, " (%s)", bl_source_get_url (source));
    }
  if (said)
    g_string_append_printf (description, "\nSaid on: %s", said);
  if (about)
    g_string_append_printf (description, "\nAbout: %s", about);
  if (topic)
    g_string_append_printf (description, "\nTopic: %s", bl_topic_get_title (topic));
  if (quantity)
    g_string_append_printf (description, "\nFigure: %s", quantity);
  if (r->place)
    g_string_append_printf (description, "\nPlace: %s", r->place);
  if (r->notes)
    g_string_append_printf (description, "\n\n%s", r->notes);

  g_string_append (out, "    <Placemark>\n");
  element (out, "      ", "name", name);
  element (out, "      ", "description", description->str);
  append_time (out, bl_date_is_unknown (&r->about) ? &r->said_on : &r->about);

  g_string_append (out, "      <ExtendedData>\n");
  data (out, "id", r->id);
  data (out, "statement", r->statement);
  data (out, "quote", r->quote);
  data (out, "claimant", actor ? bl_actor_get_name (actor) : NULL);
  data (out, "source", source ? bl_source_get_name (source) : NULL);
  data (out, "url", source ? bl_source_get_url (source) : NULL);
  data (out, "said_on", said);
  data (out, "about", about);
  data (out, "topic", topic ? bl_topic_get_title (topic) : NULL);
  data (out, "quantity", quantity);
  data (out, "stance", r->stance != BL_STANCE_ASSERTS ? bl_stance_to_string (r->stance) : NULL);
  data (out, "credibility", credibility);
  data (out, "precision", r->precision != BL_PRECISION_UNKNOWN ? bl_precision_to_string (r->precision) : NULL);
  data (out, "place", r->place);
  data (out, "areas", areas);
  data (out, "tags", tags);
  data (out, "notes", r->notes);
  g_string_append (out, "      </ExtendedData>\n");

  append_geometry (out, r, basemap);
  g_string_append (out, "    </Placemark>\n");
  g_string_free (description, TRUE);
}

GBytes *
bl_kml_export (BlProject             *project,
               const guint32         *indices,
               guint                  n_indices,
               const BlFormatExportOptions *options,
               GCancellable          *cancellable,
               GError               **error)
{
  BlClaimStore *store = bl_project_get_claims (project);
  GString *out = g_string_sized_new (4096 + (gsize) n_indices * 1200);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
                        "  <Document>\n");
  element (out, "    ", "name", bl_project_get_title (project) ? bl_project_get_title (project) : "Borderline");
  element (out, "    ", "description", bl_project_get_description (project));

  for (guint k = 0; k < n_indices; k++)
    {
      BlClaimRecord r;

      if (k % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      bl_claim_store_get_record (store, indices[k], &r);
      append_placemark (out, project, &r, options->basemap);
    }

  g_string_append (out, "  </Document>\n</kml>\n");
  return g_string_free_to_bytes (out);
}
