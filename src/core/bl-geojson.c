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
 *
 * This file reads the document and its features; bl-geojson-geometry.c
 * reads and checks a feature's geometry, bl-geojson-properties.c maps its
 * properties to fields (bl-geojson-private.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-error.h"
#include "bl-geojson.h"
#include "bl-geojson-private.h"
#include "bl-project-io.h"

#define MAX_DEPTH 64
#define CANCEL_CHECK_FEATURES 4096
#define PEEK_FEATURES 100

/* Helpers */

void
bl_geojson_problem (GeoImport  *g,
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

void
bl_geojson_warning (GeoImport  *g,
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
      g->feature_id = bl_geojson_scalar_text (g, token, "id");
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
        return bl_geojson_read_geometry (g, error);
      if (token != BL_JSON_TOKEN_NULL)
        bl_geojson_problem (g, "geometry", _("expected an object or null"));
      return skip_value (g, error);
    }
  if (strcmp (key, "properties") == 0)
    {
      if (token == BL_JSON_TOKEN_BEGIN_OBJECT)
        return bl_geojson_read_properties (g, error);
      if (token != BL_JSON_TOKEN_NULL)
        bl_geojson_problem (g, "properties", _("expected an object or null"));
      return skip_value (g, error);
    }
  if (strcmp (key, "type") == 0)
    bl_geojson_problem (g, "type", _("expected text"));

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
        bl_geojson_problem (g, "type", _("“%s” is not “Feature”"), escaped);
      else
        bl_geojson_problem (g, "type", _("a feature needs \"type\": \"Feature\""));
    }

  bl_geojson_interpret_geometry (g);

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
              char *text = bl_geojson_string_value (&g, key);

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
