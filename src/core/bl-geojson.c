/* bl-geojson.c — importing GeoJSON (RFC 7946)
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: reading a GeoJSON FeatureCollection (or one Feature)
 * into claims, one claim per feature, with bl-json-reader's pull parser:
 * no tree is built, each feature's wanted properties are copied out as
 * they stream past and handed to the import builder. What it is not: the
 * exporter (bl-geojson-export.c) or a general GIS reader.
 *
 * Geometry:
 * - Point → the claim's point; a MultiPoint of one point too;
 * - Polygon → the claim's polygon (its exterior ring; holes are dropped
 *   with a warning); a ring that is not closed rejects the feature;
 * - MultiPolygon → the largest polygon's exterior ring, with a warning when
 *   there were several; when the feature says `"geometry_from": "areas"`
 *   (Borderline's export of a claim that names areas only), the geometry
 *   is ignored and the `areas` property kept;
 * - null → no point, no polygon; lines and GeometryCollections reject the
 *   feature ("lines are not supported").
 * Positions are [longitude, latitude]; one out of range rejects the
 * feature, with "latitude and longitude look swapped" when the order was
 * the likely mistake. A point given both as geometry and as `lat`/`lon`
 * properties (Borderline's own export) takes the properties when they agree
 * with the geometry to its 6 decimals, so the full precision survives.
 *
 * Properties are matched to fields by the #BlFieldMapping given, or else
 * by name (canonical names first, then common ones: "title" and "name"
 * for the statement, "description" for the notes, "date", "source", "url",
 * …). Arrays of text fill list fields (areas, tags); relations are arrays
 * of `{"type", "claim"}` objects. The Feature's own "id" is the claim's id
 * when no property gives one. The collection's foreign members "title" and
 * "description" become the project's.
 *
 * Problems are placed as "FILE: features[12].geometry: message". A
 * syntax error anywhere makes the whole file unreadable (the reader cannot
 * resume after one); so does a top level that is not a FeatureCollection
 * or a Feature.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-error.h"
#include "bl-format-private.h"
#include "bl-geojson.h"
#include "bl-json-reader.h"
#include "bl-project-io.h"

#define MAX_DEPTH 64
#define CANCEL_CHECK_FEATURES 4096
#define PEEK_FEATURES 100

/* Ranks of names: canonical names beat common ones. */
typedef struct {
  BlField field;
  guint   rank;
} Wanted;

typedef struct {
  BlJsonReader          *json;
  const char            *name;
  const BlImportOptions *options;
  BlImportReport        *report;
  BlImportBuilder       *builder;
  GHashTable            *wanted;      /* lower-case name → Wanted */
  Wanted                *wanted_data;
  GString               *key;

  /* the feature being read */
  guint                  index;
  BlImportValues         values;
  guint                  rank[BL_N_FIELDS];
  char                  *feature_id;
  char                  *type;
  char                  *geometry_from;
  char                  *problem;     /* the first, with its path */
  gboolean               stopped;     /* at #BlImportOptions.max_records */
  GPtrArray             *warnings;

  /* its geometry */
  gboolean               has_geometry;
  char                  *geom_type;
  GArray                *pos;         /* double: lon, lat */
  GArray                *rings;       /* guint: first position of each ring */
  GArray                *polys;       /* guint: first ring of each polygon */
  int                    height;      /* -1 empty, 0 position, 1 ring, 2 polygon, 3 multi */
} GeoImport;

/* Helpers */

static void
problem (GeoImport  *g,
         const char *path,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static void
problem (GeoImport  *g,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (g->problem != NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g->problem = g_strdup_printf ("%s: %s", path, message);
}

static void
warning (GeoImport  *g,
         const char *path,
         const char *message)
{
  if (g->warnings == NULL)
    g->warnings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (g->warnings, g_strdup_printf ("%s: %s", path, message));
}

static void
reset_feature (GeoImport *g)
{
  bl_import_values_clear (&g->values);
  memset (g->rank, 0xff, sizeof g->rank);
  g_clear_pointer (&g->feature_id, g_free);
  g_clear_pointer (&g->type, g_free);
  g_clear_pointer (&g->geometry_from, g_free);
  g_clear_pointer (&g->problem, g_free);
  g_clear_pointer (&g->warnings, g_ptr_array_unref);
  g_clear_pointer (&g->geom_type, g_free);
  g->has_geometry = FALSE;
  g_array_set_size (g->pos, 0);
  g_array_set_size (g->rings, 0);
  g_array_set_size (g->polys, 0);
  g->height = -1;
}

static void
add_wanted (GeoImport  *g,
            guint      *n,
            const char *name,
            BlField     field,
            guint       rank)
{
  char *key = g_ascii_strdown (name, -1);
  Wanted *w;

  g_strstrip (key);
  if (key[0] == '\0' || g_hash_table_contains (g->wanted, key))
    {
      g_free (key);
      return;
    }
  w = &g->wanted_data[(*n)++];
  w->field = field;
  w->rank = rank;
  g_hash_table_insert (g->wanted, key, w);
}

static void
build_wanted (GeoImport *g)
{
  guint n = 0;

  g->wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g->wanted_data = g_new0 (Wanted, 16 * BL_N_FIELDS);

  if (g->options->mapping != NULL)
    {
      for (guint f = 0; f < BL_N_FIELDS; f++)
        if (g->options->mapping->names[f] != NULL)
          add_wanted (g, &n, g->options->mapping->names[f], (BlField) f, 0);
      return;
    }

  for (guint f = 0; f < BL_N_FIELDS; f++)
    add_wanted (g, &n, bl_field_get_name ((BlField) f), (BlField) f, 0);
  {
    /* common names, from the same list bl_field_mapping_guess() uses */
    static const struct { const char *name; BlField field; } common[] = {
      { "title", BL_FIELD_STATEMENT }, { "name", BL_FIELD_STATEMENT },
      { "headline", BL_FIELD_STATEMENT }, { "summary", BL_FIELD_STATEMENT },
      { "claim", BL_FIELD_STATEMENT }, { "text", BL_FIELD_STATEMENT },
      { "description", BL_FIELD_NOTES }, { "comment", BL_FIELD_NOTES },
      { "comments", BL_FIELD_NOTES }, { "remarks", BL_FIELD_NOTES },
      { "date", BL_FIELD_SAID_ON }, { "published", BL_FIELD_SAID_ON },
      { "datetime", BL_FIELD_SAID_ON }, { "time", BL_FIELD_SAID_ON },
      { "event_date", BL_FIELD_ABOUT }, { "period", BL_FIELD_ABOUT },
      { "outlet", BL_FIELD_SOURCE }, { "publisher", BL_FIELD_SOURCE },
      { "source_name", BL_FIELD_SOURCE },
      { "link", BL_FIELD_URL }, { "source_url", BL_FIELD_URL }, { "href", BL_FIELD_URL },
      { "website", BL_FIELD_URL },
      { "actor", BL_FIELD_CLAIMANT }, { "speaker", BL_FIELD_CLAIMANT }, { "author", BL_FIELD_CLAIMANT },
      { "latitude", BL_FIELD_LATITUDE }, { "longitude", BL_FIELD_LONGITUDE },
      { "lng", BL_FIELD_LONGITUDE },
      { "location", BL_FIELD_PLACE }, { "place_name", BL_FIELD_PLACE },
      { "keywords", BL_FIELD_TAGS }, { "tag", BL_FIELD_TAGS },
      { "figure", BL_FIELD_QUANTITY }, { "count", BL_FIELD_QUANTITY },
      { "estimate", BL_FIELD_QUANTITY },
      { "question", BL_FIELD_TOPIC }, { "language", BL_FIELD_SOURCE_LANGUAGE },
      { "claim_id", BL_FIELD_ID },
    };

    for (guint i = 0; i < G_N_ELEMENTS (common); i++)
      add_wanted (g, &n, common[i].name, common[i].field, 1 + i);
  }
  g_assert (n <= 16 * BL_N_FIELDS);
}

/* Reads the next token; on a JSON error sets @error and returns ERROR. */
static BlJsonToken
next (GeoImport  *g,
      GError    **error)
{
  return bl_json_reader_next (g->json, error);
}

/* Reads tokens until the container open at @depth is closed. */
static gboolean
skip_rest (GeoImport  *g,
           guint       depth,
           GError    **error)
{
  while (bl_json_reader_get_depth (g->json) >= depth)
    if (next (g, error) == BL_JSON_TOKEN_ERROR)
      return FALSE;
  return TRUE;
}

static gboolean
skip_value (GeoImport  *g,
            GError    **error)
{
  return bl_json_reader_skip (g->json, error);
}

/* Geometry */

/* After the BEGIN_ARRAY of a coordinates array at @level (0 = the
 * "coordinates" member itself). */
static gboolean
read_coords (GeoImport  *g,
             guint       level,
             int        *height,
             GError    **error)
{
  guint depth = bl_json_reader_get_depth (g->json);
  BlJsonToken token = next (g, error);

  if (token == BL_JSON_TOKEN_ERROR)
    return FALSE;
  if (token == BL_JSON_TOKEN_END_ARRAY)
    {
      *height = -1;
      return TRUE;
    }

  if (token == BL_JSON_TOKEN_NUMBER)
    {
      double xy[2] = { NAN, NAN };
      guint n = 0;

      do
        {
          if (token != BL_JSON_TOKEN_NUMBER)
            {
              problem (g, "geometry", _("a position holds only numbers"));
              if (token != BL_JSON_TOKEN_END_ARRAY && !skip_value (g, error))
                return FALSE;
            }
          else if (n < 2)
            xy[n++] = bl_json_reader_get_double (g->json);
          else
            n++;
          token = next (g, error);
          if (token == BL_JSON_TOKEN_ERROR)
            return FALSE;
        }
      while (token != BL_JSON_TOKEN_END_ARRAY);

      if (n < 2)
        problem (g, "geometry", _("a position needs two numbers, [longitude, latitude]"));
      else if (!isfinite (xy[0]) || !isfinite (xy[1]))
        problem (g, "geometry", _("a coordinate is too large"));
      g_array_append_vals (g->pos, xy, 2);
      *height = 0;
      return TRUE;
    }

  if (token == BL_JSON_TOKEN_BEGIN_ARRAY)
    {
      guint first_pos = g->pos->len / 2;
      guint first_ring = g->rings->len;
      int child = -2;

      if (level >= 3)
        {
          problem (g, "geometry", _("the coordinates are nested too deeply"));
          *height = -1;
          return skip_rest (g, depth, error);
        }

      for (;;)
        {
          int h;

          if (!read_coords (g, level + 1, &h, error))
            return FALSE;
          if (child == -2 || child == -1)
            child = h;
          else if (h != child && h != -1)
            problem (g, "geometry", _("the coordinates mix positions and arrays"));

          token = next (g, error);
          if (token == BL_JSON_TOKEN_ERROR)
            return FALSE;
          if (token == BL_JSON_TOKEN_END_ARRAY)
            break;
          if (token != BL_JSON_TOKEN_BEGIN_ARRAY)
            {
              problem (g, "geometry", _("the coordinates mix positions and arrays"));
              if (!skip_value (g, error) || !skip_rest (g, depth, error))
                return FALSE;
              break;
            }
        }

      *height = child < 0 ? 1 : child + 1;
      if (*height == 1)
        g_array_append_val (g->rings, first_pos);
      else if (*height == 2)
        g_array_append_val (g->polys, first_ring);
      return TRUE;
    }

  problem (g, "geometry", _("coordinates are arrays of numbers"));
  *height = -1;
  if (!skip_value (g, error))
    return FALSE;
  return skip_rest (g, depth, error);
}

static gboolean
read_geometry (GeoImport  *g,
               GError    **error)
{
  guint depth = bl_json_reader_get_depth (g->json);

  g->has_geometry = TRUE;
  for (;;)
    {
      BlJsonToken token = next (g, error);
      const char *key;

      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_END_OBJECT)
        break;

      key = bl_json_reader_get_string (g->json, NULL);
      if (strcmp (key, "type") == 0)
        {
          token = next (g, error);
          if (token == BL_JSON_TOKEN_ERROR)
            return FALSE;
          if (token == BL_JSON_TOKEN_STRING)
            {
              g_free (g->geom_type);
              g->geom_type = g_strdup (bl_json_reader_get_string (g->json, NULL));
            }
          else
            {
              problem (g, "geometry.type", _("expected text"));
              if (!skip_value (g, error))
                return FALSE;
            }
        }
      else if (strcmp (key, "coordinates") == 0)
        {
          token = next (g, error);
          if (token == BL_JSON_TOKEN_ERROR)
            return FALSE;
          if (token == BL_JSON_TOKEN_BEGIN_ARRAY)
            {
              if (!read_coords (g, 0, &g->height, error))
                return FALSE;
            }
          else
            {
              problem (g, "geometry.coordinates", _("expected an array"));
              if (!skip_value (g, error))
                return FALSE;
            }
        }
      else if (!skip_value (g, error))
        return FALSE;
    }

  g_assert (bl_json_reader_get_depth (g->json) == depth - 1);
  return TRUE;
}

static guint
ring_end (GeoImport *g,
          guint      ring)
{
  return ring + 1 < g->rings->len ? g_array_index (g->rings, guint, ring + 1) : g->pos->len / 2;
}

static gboolean
ring_is_closed (GeoImport *g,
                guint      ring)
{
  const double *p = (const double *) (void *) g->pos->data;
  guint first = g_array_index (g->rings, guint, ring);
  guint last = ring_end (g, ring) - 1;

  return p[2 * first] == p[2 * last] && p[2 * first + 1] == p[2 * last + 1];
}

static double
ring_area (GeoImport *g,
           guint      ring)
{
  const double *p = (const double *) (void *) g->pos->data;
  guint first = g_array_index (g->rings, guint, ring);
  guint end = ring_end (g, ring);
  double area = 0;

  for (guint i = first; i + 1 < end; i++)
    area += p[2 * i] * p[2 * i + 3] - p[2 * i + 2] * p[2 * i + 1];
  return fabs (area) / 2;
}

static gboolean
check_positions (GeoImport *g)
{
  const double *p = (const double *) (void *) g->pos->data;

  for (guint i = 0; i < g->pos->len / 2; i++)
    {
      double lon = p[2 * i], lat = p[2 * i + 1];

      if (fabs (lat) > 90 && fabs (lat) <= 180 && fabs (lon) <= 90)
        {
          problem (g, "geometry",
                   _("latitude %g is outside -90..90 (latitude and longitude look swapped: GeoJSON positions are [longitude, latitude])"),
                   lat);
          return FALSE;
        }
      if (fabs (lat) > 90)
        {
          problem (g, "geometry", _("latitude %g is outside -90..90"), lat);
          return FALSE;
        }
      if (fabs (lon) > 180)
        {
          problem (g, "geometry", _("longitude %g is outside -180..180"), lon);
          return FALSE;
        }
    }
  return TRUE;
}

static void
take_ring (GeoImport *g,
           guint      ring)
{
  guint first = g_array_index (g->rings, guint, ring);
  guint end = ring_end (g, ring);

  g->values.n_polygon = end - first;
  g->values.polygon = g_memdup2 ((const double *) (void *) g->pos->data + 2 * first,
                                 sizeof (double) * 2 * (end - first));
}

/* Checks the rings of polygon @poly; returns FALSE with a problem. */
static gboolean
check_polygon_rings (GeoImport *g,
                     guint      first_ring,
                     guint      end_ring)
{
  for (guint r = first_ring; r < end_ring; r++)
    {
      if (ring_end (g, r) - g_array_index (g->rings, guint, r) < 4)
        {
          problem (g, "geometry", _("ring %u has fewer than four positions"), r - first_ring);
          return FALSE;
        }
      if (!ring_is_closed (g, r))
        {
          problem (g, "geometry", _("ring %u is not closed (its last position is not its first)"), r - first_ring);
          return FALSE;
        }
    }
  return TRUE;
}

static void
interpret_geometry (GeoImport *g)
{
  const char *type = g->geom_type;

  if (!g->has_geometry || g->problem != NULL)
    return;
  if (type == NULL)
    {
      problem (g, "geometry", _("the geometry has no type"));
      return;
    }
  if (g->geometry_from && strcmp (g->geometry_from, "areas") == 0 &&
      (strcmp (type, "MultiPolygon") == 0 || strcmp (type, "Polygon") == 0))
    {
      g->values.geometry_from_areas = TRUE;
      return;
    }
  if (g->height == -1 && strcmp (type, "GeometryCollection") != 0)
    return;   /* empty coordinates: no geometry */
  if (!check_positions (g))
    return;

  if (strcmp (type, "Point") == 0 || strcmp (type, "MultiPoint") == 0)
    {
      const double *p = (const double *) (void *) g->pos->data;
      guint n = g->pos->len / 2;

      if ((type[0] == 'P' && g->height != 0) || (type[0] == 'M' && g->height != 1))
        problem (g, "geometry.coordinates", _("the nesting does not fit a %s"), type);
      else if (n != 1)
        problem (g, "geometry", _("a MultiPoint of %u points: a claim has one point"), n);
      else
        {
          g->values.has_point = TRUE;
          g->values.lon = p[0];
          g->values.lat = p[1];
        }
      return;
    }

  if (strcmp (type, "Polygon") == 0)
    {
      if (g->height != 2)
        problem (g, "geometry.coordinates", _("the nesting does not fit a %s"), type);
      else if (check_polygon_rings (g, 0, g->rings->len))
        {
          take_ring (g, 0);
          if (g->rings->len > 1)
            warning (g, "geometry", _("the polygon's holes are dropped (a claim has one ring)"));
        }
      return;
    }

  if (strcmp (type, "MultiPolygon") == 0)
    {
      guint best_ring = 0;
      double best_area = -1;

      if (g->height != 3)
        {
          problem (g, "geometry.coordinates", _("the nesting does not fit a %s"), type);
          return;
        }
      for (guint k = 0; k < g->polys->len; k++)
        {
          guint first = g_array_index (g->polys, guint, k);
          guint end = k + 1 < g->polys->len ? g_array_index (g->polys, guint, k + 1) : g->rings->len;
          double area;

          if (first == end)
            continue;
          if (!check_polygon_rings (g, first, end))
            return;
          area = ring_area (g, first);
          if (area > best_area)
            {
              best_area = area;
              best_ring = first;
            }
        }
      if (best_area < 0)
        return;
      take_ring (g, best_ring);
      if (g->polys->len > 1)
        {
          g_autofree char *message =
            g_strdup_printf (_("only the largest of %u polygons is kept (a claim has one ring)"), g->polys->len);
          warning (g, "geometry", message);
        }
      return;
    }

  if (strcmp (type, "LineString") == 0 || strcmp (type, "MultiLineString") == 0)
    problem (g, "geometry", _("lines are not supported: a claim is a point, a polygon or areas"));
  else if (strcmp (type, "GeometryCollection") == 0)
    problem (g, "geometry", _("a GeometryCollection is not supported: a claim is a point, a polygon or areas"));
  else
    {
      g_autofree char *escaped = g_strescape (type, NULL);
      problem (g, "geometry.type", _("“%s” is not a GeoJSON geometry type"), escaped);
    }
}

/* Properties */

static void
set_text (GeoImport  *g,
          Wanted     *w,
          char       *text)
{
  if (w->rank > g->rank[w->field])
    {
      g_free (text);
      return;
    }
  g->rank[w->field] = w->rank;
  bl_import_values_take (&g->values, w->field, text);
}

static gboolean
is_list_field (BlField field)
{
  return field == BL_FIELD_AREAS || field == BL_FIELD_TAGS || field == BL_FIELD_RELATIONS;
}

/* The text of the current string token; NULL (and a problem) if it holds
 * a NUL. */
static char *
string_value (GeoImport  *g,
              const char *property)
{
  gsize len;
  const char *s = bl_json_reader_get_string (g->json, &len);

  if (memchr (s, '\0', len) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("properties.%s", property);
      problem (g, path, _("the text contains a NUL character"));
      return NULL;
    }
  return g_strndup (s, len);
}

static char *
scalar_text (GeoImport   *g,
             BlJsonToken  token,
             const char  *property)
{
  switch (token)
    {
    case BL_JSON_TOKEN_STRING:
      return string_value (g, property);
    case BL_JSON_TOKEN_NUMBER:
      return g_strdup (bl_json_reader_get_number_text (g->json, NULL));
    case BL_JSON_TOKEN_TRUE:
      return g_strdup ("true");
    case BL_JSON_TOKEN_FALSE:
      return g_strdup ("false");
    case BL_JSON_TOKEN_NULL:
    case BL_JSON_TOKEN_ERROR:
    case BL_JSON_TOKEN_BEGIN_OBJECT:
    case BL_JSON_TOKEN_END_OBJECT:
    case BL_JSON_TOKEN_BEGIN_ARRAY:
    case BL_JSON_TOKEN_END_ARRAY:
    case BL_JSON_TOKEN_KEY:
    case BL_JSON_TOKEN_END:
    default:
      return NULL;
    }
}

/* {"type": "cites", "claim": "c-1"} → "cites:c-1"; other objects → NULL */
static gboolean
read_relation_object (GeoImport  *g,
                      char      **out,
                      GError    **error)
{
  g_autofree char *type = NULL;
  g_autofree char *claim = NULL;

  *out = NULL;
  for (;;)
    {
      BlJsonToken token = next (g, error);
      g_autofree char *key = NULL;

      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_END_OBJECT)
        break;
      key = g_strdup (bl_json_reader_get_string (g->json, NULL));
      token = next (g, error);
      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_STRING && strcmp (key, "type") == 0)
        {
          g_free (type);
          type = string_value (g, "relations");
        }
      else if (token == BL_JSON_TOKEN_STRING && strcmp (key, "claim") == 0)
        {
          g_free (claim);
          claim = string_value (g, "relations");
        }
      else if (!skip_value (g, error))
        return FALSE;
    }
  if (type && claim)
    *out = g_strconcat (type, ":", claim, NULL);
  return TRUE;
}

static gboolean
read_list_value (GeoImport  *g,
                 Wanted     *w,
                 const char *property,
                 GError    **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      BlJsonToken token = next (g, error);
      char *item = NULL;

      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_END_ARRAY)
        break;
      if (token == BL_JSON_TOKEN_BEGIN_OBJECT)
        {
          if (!read_relation_object (g, &item, error))
            return FALSE;
        }
      else if (token == BL_JSON_TOKEN_BEGIN_ARRAY)
        {
          if (!skip_value (g, error))
            return FALSE;
        }
      else
        item = scalar_text (g, token, property);
      if (item)
        g_ptr_array_add (items, item);
    }

  if (w->rank > g->rank[w->field])
    return TRUE;
  g->rank[w->field] = w->rank;
  if (is_list_field (w->field))
    {
      g_clear_pointer (&g->values.list[w->field], g_ptr_array_unref);
      g->values.list[w->field] = g_steal_pointer (&items);
    }
  else
    {
      g_ptr_array_add (items, NULL);
      bl_import_values_take (&g->values, w->field, g_strjoinv ("; ", (char **) items->pdata));
    }
  return TRUE;
}

/* A quantity as the project file writes it: {"value", "qualifier", …} */
static gboolean
read_quantity_object (GeoImport  *g,
                      GError    **error)
{
  static const struct { const char *member; BlField field; } members[] = {
    { "value", BL_FIELD_QUANTITY_VALUE }, { "min", BL_FIELD_QUANTITY_MIN },
    { "max", BL_FIELD_QUANTITY_MAX }, { "qualifier", BL_FIELD_QUANTITY_QUALIFIER },
    { "unit", BL_FIELD_QUANTITY_UNIT }, { "text", BL_FIELD_QUANTITY_TEXT },
  };

  for (;;)
    {
      BlJsonToken token = next (g, error);
      g_autofree char *key = NULL;
      gboolean used = FALSE;

      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_END_OBJECT)
        return TRUE;
      key = g_strdup (bl_json_reader_get_string (g->json, NULL));
      token = next (g, error);
      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (members) && !used; i++)
        if (strcmp (key, members[i].member) == 0 && g->values.text[members[i].field] == NULL)
          {
            bl_import_values_take (&g->values, members[i].field, scalar_text (g, token, "quantity"));
            used = TRUE;
          }
      if (!used && !skip_value (g, error))
        return FALSE;
    }
}

static gboolean
read_properties (GeoImport  *g,
                 GError    **error)
{
  for (;;)
    {
      BlJsonToken token = next (g, error);
      Wanted *w;
      g_autofree char *property = NULL;

      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_END_OBJECT)
        return TRUE;

      g_string_assign (g->key, bl_json_reader_get_string (g->json, NULL));
      for (gsize i = 0; i < g->key->len; i++)
        g->key->str[i] = g_ascii_tolower (g->key->str[i]);
      w = g_hash_table_lookup (g->wanted, g->key->str);
      if (w == NULL)
        {
          if (!skip_value (g, error))
            return FALSE;
          continue;
        }

      property = g_strdup (g->key->str);
      token = next (g, error);
      switch (token)
        {
        case BL_JSON_TOKEN_ERROR:
          return FALSE;
        case BL_JSON_TOKEN_BEGIN_ARRAY:
          if (!read_list_value (g, w, property, error))
            return FALSE;
          break;
        case BL_JSON_TOKEN_BEGIN_OBJECT:
          if (w->field == BL_FIELD_QUANTITY)
            {
              if (!read_quantity_object (g, error))
                return FALSE;
            }
          else if (!skip_value (g, error))
            return FALSE;
          break;
        case BL_JSON_TOKEN_NULL:
          break;
        case BL_JSON_TOKEN_STRING:
        case BL_JSON_TOKEN_NUMBER:
        case BL_JSON_TOKEN_TRUE:
        case BL_JSON_TOKEN_FALSE:
          {
            char *text = scalar_text (g, token, property);

            if (text == NULL)
              break;
            if (is_list_field (w->field) && w->rank <= g->rank[w->field])
              {
                /* a single text: one item, or several separated by ';' */
                g_clear_pointer (&g->values.list[w->field], g_ptr_array_unref);
              }
            set_text (g, w, text);
          }
          break;
        case BL_JSON_TOKEN_END_OBJECT:
        case BL_JSON_TOKEN_END_ARRAY:
        case BL_JSON_TOKEN_KEY:
        case BL_JSON_TOKEN_END:
        default:
          g_assert_not_reached ();
        }
    }
}

/* Features */

/* Reads one member of a feature (its KEY is the current token). */
static gboolean
read_feature_member (GeoImport  *g,
                     const char *key,
                     GError    **error)
{
  BlJsonToken token = next (g, error);

  if (token == BL_JSON_TOKEN_ERROR)
    return FALSE;

  if (strcmp (key, "type") == 0 && token == BL_JSON_TOKEN_STRING)
    {
      g_free (g->type);
      g->type = g_strdup (bl_json_reader_get_string (g->json, NULL));
      return TRUE;
    }
  if (strcmp (key, "id") == 0 && (token == BL_JSON_TOKEN_STRING || token == BL_JSON_TOKEN_NUMBER))
    {
      g_free (g->feature_id);
      g->feature_id = scalar_text (g, token, "id");
      return TRUE;
    }
  if (strcmp (key, "geometry_from") == 0 && token == BL_JSON_TOKEN_STRING)
    {
      g_free (g->geometry_from);
      g->geometry_from = g_strdup (bl_json_reader_get_string (g->json, NULL));
      return TRUE;
    }
  if (strcmp (key, "geometry") == 0)
    {
      if (token == BL_JSON_TOKEN_BEGIN_OBJECT)
        return read_geometry (g, error);
      if (token != BL_JSON_TOKEN_NULL)
        problem (g, "geometry", _("expected an object or null"));
      return skip_value (g, error);
    }
  if (strcmp (key, "properties") == 0)
    {
      if (token == BL_JSON_TOKEN_BEGIN_OBJECT)
        return read_properties (g, error);
      if (token != BL_JSON_TOKEN_NULL)
        problem (g, "properties", _("expected an object or null"));
      return skip_value (g, error);
    }
  if (strcmp (key, "type") == 0)
    problem (g, "type", _("expected text"));

  return skip_value (g, error);
}

/* Hands the feature read to the builder. */
static void
finish_feature (GeoImport  *g,
                const char *path)
{
  g_autofree char *place = g_strdup_printf ("%s: %s", g->name, path);

  bl_import_report_begin_record (g->report, g->index, place);
  if (g->problem == NULL && g_strcmp0 (g->type, "Feature") != 0)
    {
      g_autofree char *escaped = g->type ? g_strescape (g->type, NULL) : NULL;

      if (escaped)
        problem (g, "type", _("“%s” is not “Feature”"), escaped);
      else
        problem (g, "type", _("a feature needs \"type\": \"Feature\""));
    }

  interpret_geometry (g);

  if (g->problem != NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s.%s", place, g->problem);

      /* the place names the file already */
      bl_import_report_add_verbatim (g->report, BL_IMPORT_REJECTED, message);
      bl_import_report_end_record (g->report);
      return;
    }

  /* the lat/lon properties, when they agree with the point, are kept at
   * full precision */
  if (g->values.has_point && g->values.text[BL_FIELD_LATITUDE] && g->values.text[BL_FIELD_LONGITUDE])
    {
      double lat, lon;

      if (bl_import_parse_double (g->values.text[BL_FIELD_LATITUDE], &lat) &&
          bl_import_parse_double (g->values.text[BL_FIELD_LONGITUDE], &lon) &&
          fabs (lat - g->values.lat) <= 1e-6 && fabs (lon - g->values.lon) <= 1e-6)
        {
          g->values.lat = lat;
          g->values.lon = lon;
        }
    }
  if (g->values.text[BL_FIELD_ID] == NULL && g->feature_id != NULL)
    g->values.text[BL_FIELD_ID] = g_steal_pointer (&g->feature_id);

  if (g->warnings)
    for (guint i = 0; i < g->warnings->len; i++)
      {
        g_autofree char *message = g_strdup_printf ("%s.%s", place,
                                                    (const char *) g_ptr_array_index (g->warnings, i));

        bl_import_report_add_verbatim (g->report, BL_IMPORT_WARNING, message);
      }

  bl_import_builder_add (g->builder, &g->values, place, g->index + 1);
  bl_import_report_end_record (g->report);
}

static gboolean
read_features (GeoImport     *g,
               GCancellable  *cancellable,
               GError       **error)
{
  for (g->index = 0;; g->index++)
    {
      BlJsonToken token = next (g, error);
      g_autofree char *path = NULL;

      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_END_ARRAY)
        return TRUE;

      if (g->index % CANCEL_CHECK_FEATURES == 0 && g->index > 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (g->options->max_records > 0 && g->index >= g->options->max_records)
        {
          g->stopped = TRUE;
          return TRUE;
        }

      path = g_strdup_printf ("features[%u]", g->index);
      reset_feature (g);
      if (token != BL_JSON_TOKEN_BEGIN_OBJECT)
        {
          g_autofree char *place = g_strdup_printf ("%s: %s", g->name, path);

          bl_import_report_begin_record (g->report, g->index, place);
          bl_import_report_add (g->report, BL_IMPORT_REJECTED, place, _("a feature is an object"));
          bl_import_report_end_record (g->report);
          if (!skip_value (g, error))
            return FALSE;
          continue;
        }

      for (;;)
        {
          g_autofree char *key = NULL;

          token = next (g, error);
          if (token == BL_JSON_TOKEN_ERROR)
            return FALSE;
          if (token == BL_JSON_TOKEN_END_OBJECT)
            break;
          key = g_strdup (bl_json_reader_get_string (g->json, NULL));
          if (!read_feature_member (g, key, error))
            return FALSE;
        }
      finish_feature (g, path);
    }
}

static void
geo_import_init (GeoImport             *g,
                 const char            *data,
                 gsize                  len,
                 const char            *name,
                 const BlImportOptions *options,
                 BlImportReport        *report)
{
  memset (g, 0, sizeof *g);
  g->json = bl_json_reader_new (data, len, name);
  bl_json_reader_set_max_depth (g->json, MAX_DEPTH);
  g->name = name;
  g->options = options;
  g->report = report;
  g->key = g_string_new (NULL);
  g->pos = g_array_new (FALSE, FALSE, sizeof (double));
  g->rings = g_array_new (FALSE, FALSE, sizeof (guint));
  g->polys = g_array_new (FALSE, FALSE, sizeof (guint));
  bl_import_values_init (&g->values);
  reset_feature (g);
}

static void
geo_import_clear (GeoImport *g)
{
  reset_feature (g);
  bl_json_reader_free (g->json);
  g_string_free (g->key, TRUE);
  g_array_unref (g->pos);
  g_array_unref (g->rings);
  g_array_unref (g->polys);
  g_clear_pointer (&g->wanted, g_hash_table_unref);
  g_free (g->wanted_data);
}

/* Entry points */

BlProject *
bl_import_geojson (const char             *data,
                   gsize                   len,
                   const char             *name,
                   const BlImportOptions  *options,
                   BlImportReport         *report,
                   GCancellable           *cancellable,
                   GError                **error)
{
  GeoImport g;
  BlProject *project = NULL;
  g_autofree char *top_type = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  gboolean saw_features = FALSE;
  BlJsonToken token;

  geo_import_init (&g, data, len, name, options, report);
  build_wanted (&g);
  g.builder = bl_import_builder_new (report, options, "geojson");

  token = next (&g, error);
  if (token == BL_JSON_TOKEN_ERROR)
    goto out;
  if (token != BL_JSON_TOKEN_BEGIN_OBJECT)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("%s: not GeoJSON: the top level is not an object"), name);
      goto out;
    }

  for (;;)
    {
      g_autofree char *key = NULL;

      token = next (&g, error);
      if (token == BL_JSON_TOKEN_ERROR)
        goto out;
      if (token == BL_JSON_TOKEN_END_OBJECT)
        break;
      key = g_strdup (bl_json_reader_get_string (g.json, NULL));

      if (strcmp (key, "features") == 0)
        {
          token = next (&g, error);
          if (token == BL_JSON_TOKEN_ERROR)
            goto out;
          if (token != BL_JSON_TOKEN_BEGIN_ARRAY)
            {
              bl_json_reader_set_error (g.json, error, BL_ERROR_INVALID, "%s", _("“features” is not an array"));
              goto out;
            }
          saw_features = TRUE;
          if (!read_features (&g, cancellable, error))
            goto out;
          reset_feature (&g);
          if (g.stopped)
            break;
        }
      else if ((strcmp (key, "title") == 0 || strcmp (key, "description") == 0))
        {
          token = next (&g, error);
          if (token == BL_JSON_TOKEN_ERROR)
            goto out;
          if (token == BL_JSON_TOKEN_STRING)
            {
              char *text = string_value (&g, key);

              if (key[0] == 't')
                g_free (title), title = text;
              else
                g_free (description), description = text;
            }
          else if (!skip_value (&g, error))
            goto out;
        }
      else if (!read_feature_member (&g, key, error))
        goto out;
      if (strcmp (key, "type") == 0)
        {
          g_free (top_type);
          top_type = g_strdup (g.type);
        }
    }

  /* a preview of the first features reads no further */
  if (g.stopped)
    ;
  else if ((token = next (&g, error)) == BL_JSON_TOKEN_ERROR)
    goto out;
  else if (g_strcmp0 (top_type, "Feature") == 0 && !saw_features)
    {
      g.index = 0;
      finish_feature (&g, "feature");
    }
  else if (g_strcmp0 (top_type, "FeatureCollection") != 0)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("%s: not a GeoJSON FeatureCollection or Feature"), name);
      goto out;
    }
  else if (!saw_features)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("%s: the FeatureCollection has no “features”"), name);
      goto out;
    }

  project = bl_import_builder_finish (g.builder);
  if (title && title[0] && strlen (title) <= BL_PROJECT_MAX_TEXT)
    bl_project_set_title (project, title);
  if (description && description[0] && strlen (description) <= BL_PROJECT_MAX_TEXT)
    bl_project_set_description (project, description);

  if (bl_import_report_get_n_imported (report) == 0 && bl_import_report_get_n_rejected (report) > 0)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "%s: none of the %u features could be imported",
                                "%s: none of the %u features could be imported",
                                bl_import_report_get_n_rejected (report)),
                   name, bl_import_report_get_n_rejected (report));
      g_clear_object (&project);
    }

out:
  bl_import_builder_free (g.builder);
  geo_import_clear (&g);
  return project;
}

/**
 * bl_geojson_import_data:
 * @data: (array length=len): GeoJSON text
 * @display_name: the file, as messages name it
 * @options: (nullable): how to import
 * @report: (out) (optional) (transfer full): the report
 *
 * Same as bl_import_data() with %BL_FORMAT_GEOJSON.
 *
 * Returns: (transfer full): a new project, or %NULL with @error set
 */
BlProject *
bl_geojson_import_data (const char             *data,
                        gsize                   len,
                        const char             *display_name,
                        const BlImportOptions  *options,
                        BlImportReport        **report,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  return bl_import_data (data, len, display_name, BL_FORMAT_GEOJSON, options, report, cancellable, error);
}

/**
 * bl_geojson_peek_names:
 *
 * Returns: (transfer full): the property names of the first features, in
 *   the order met, or %NULL with @error set
 */
char **
bl_geojson_peek_names (const char  *data,
                       gsize        len,
                       GError     **error)
{
  g_autoptr(BlJsonReader) json = bl_json_reader_new (data, len, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  guint n_features = 0;
  guint properties_depth = 0;

  bl_json_reader_set_max_depth (json, MAX_DEPTH);
  for (;;)
    {
      BlJsonToken token = bl_json_reader_next (json, error);
      guint depth = bl_json_reader_get_depth (json);

      if (token == BL_JSON_TOKEN_ERROR)
        return NULL;
      if (token == BL_JSON_TOKEN_END || n_features > PEEK_FEATURES)
        break;
      if (token != BL_JSON_TOKEN_KEY)
        {
          if (properties_depth && depth < properties_depth)
            properties_depth = 0;
          continue;
        }
      if (properties_depth && depth == properties_depth)
        {
          const char *key = bl_json_reader_get_string (json, NULL);

          if (!g_hash_table_contains (seen, key))
            {
              g_hash_table_add (seen, g_strdup (key));
              g_strv_builder_add (names, key);
            }
          if (!bl_json_reader_skip (json, error))
            return NULL;
          continue;
        }
      if (strcmp (bl_json_reader_get_string (json, NULL), "properties") == 0)
        {
          token = bl_json_reader_next (json, error);
          if (token == BL_JSON_TOKEN_ERROR)
            return NULL;
          if (token == BL_JSON_TOKEN_BEGIN_OBJECT)
            {
              properties_depth = bl_json_reader_get_depth (json);
              n_features++;
            }
          else if (!bl_json_reader_skip (json, error))
            return NULL;
        }
      else if (strcmp (bl_json_reader_get_string (json, NULL), "geometry") == 0)
        {
          if (!bl_json_reader_skip (json, error))
            return NULL;
        }
    }
  return g_strv_builder_end (names);
}
