/* bl-geojson-export.c — writing claims as GeoJSON (RFC 7946)
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: a FeatureCollection with one Feature per claim that
 * GIS tools (QGIS, ogr2ogr) read without complaint and that Borderline
 * imports back with every field GeoJSON can carry:
 *
 * - the Feature's "id" is the claim's id;
 * - geometry: the claim's polygon (closed, exterior counter-clockwise),
 *   else its point, else the outlines of its areas from the basemap as a
 *   MultiPolygon (each outline its own polygon; marked with the foreign
 *   member `"geometry_from": "areas"`), else null. Positions are
 *   [longitude, latitude] with 6 decimals;
 * - properties: the claim's full model, flat, under the canonical names of
 *   bl_field_get_name(): the claimant's, source's and topic's fields with
 *   `claimant_`, `source_` and `topic_` prefixes; the point again as `lat`
 *   and `lon` at full precision; `areas` and `tags` as arrays of text;
 *   `relations` as an array of `{"type", "claim"}`; dates in their
 *   canonical text; members with no value left out;
 * - the project's title and description as foreign members of the
 *   collection.
 *
 * What GeoJSON cannot carry, and so is lost on a round trip, is listed in
 * tests/test-geojson.c. What it is not: the importer (bl-geojson.c).
 */
#include "config.h"

#include <math.h>

#include "bl-format-private.h"
#include "bl-geojson.h"
#include "bl-json-writer.h"
#include "bl-vocab.h"

static void
text_member (BlJsonWriter *w,
             const char   *name,
             const char   *value)
{
  if (value == NULL)
    return;
  bl_json_writer_member (w, name);
  bl_json_writer_string (w, value);
}

static void
date_member (BlJsonWriter *w,
             const char   *name,
             const BlDate *date)
{
  g_autofree char *text = NULL;

  if (bl_date_is_unknown (date))
    return;
  text = bl_date_to_string (date);
  text_member (w, name, text);
}

static void
number_member (BlJsonWriter *w,
               const char   *name,
               double        value)
{
  if (!isfinite (value))
    return;
  bl_json_writer_member (w, name);
  bl_json_writer_double (w, value);
}

static void
grade_member (BlJsonWriter *w,
              const char   *name,
              guint         reliability)
{
  char letter[2] = { 0, 0 };

  if (reliability == 0)
    return;
  letter[0] = bl_reliability_to_letter (reliability);
  text_member (w, name, letter);
}

static void
strv_member (BlJsonWriter       *w,
             const char         *name,
             const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;
  bl_json_writer_member (w, name);
  bl_json_writer_begin_array (w);
  for (guint i = 0; strv[i]; i++)
    bl_json_writer_string (w, strv[i]);
  bl_json_writer_end_array (w);
}

static void
write_coord (BlJsonWriter *w,
             double        value)
{
  double rounded = round (value * 1e6) / 1e6;

  bl_json_writer_double (w, rounded == 0 ? 0 : rounded);
}

static void
write_position (BlJsonWriter *w,
                const double *p)
{
  bl_json_writer_begin_array (w);
  write_coord (w, p[0]);
  write_coord (w, p[1]);
  bl_json_writer_end_array (w);
}

static void
write_ring (BlJsonWriter *w,
            const double *points,
            gsize         n)
{
  bl_json_writer_begin_array (w);
  for (gsize i = 0; i < n; i++)
    write_position (w, points + 2 * i);
  bl_json_writer_end_array (w);
}

/* Writes "geometry"; returns whether it was drawn from the areas. */
static gboolean
write_geometry (BlJsonWriter        *w,
                const BlClaimRecord *r,
                BlBasemapData       *basemap)
{
  bl_json_writer_member (w, "geometry");

  if (r->polygon != NULL && r->n_polygon >= 4)
    {
      g_autofree double *ring = g_memdup2 (r->polygon, sizeof (double) * 2 * r->n_polygon);

      bl_format_export_ring_make_ccw (ring, r->n_polygon);
      bl_json_writer_begin_object (w);
      text_member (w, "type", "Polygon");
      bl_json_writer_member (w, "coordinates");
      bl_json_writer_begin_array (w);
      write_ring (w, ring, r->n_polygon);
      bl_json_writer_end_array (w);
      bl_json_writer_end_object (w);
      return FALSE;
    }

  if (!isnan (r->lat) && !isnan (r->lon))
    {
      double p[2] = { r->lon, r->lat };

      bl_json_writer_begin_object (w);
      text_member (w, "type", "Point");
      bl_json_writer_member (w, "coordinates");
      write_position (w, p);
      bl_json_writer_end_object (w);
      return FALSE;
    }

  if (r->areas != NULL && basemap != NULL)
    {
      g_autoptr(GPtrArray) rings = bl_format_export_area_rings (basemap, r->areas);

      if (rings->len > 0)
        {
          bl_json_writer_begin_object (w);
          text_member (w, "type", "MultiPolygon");
          bl_json_writer_member (w, "coordinates");
          bl_json_writer_begin_array (w);
          for (guint i = 0; i < rings->len; i++)
            {
              GArray *ring = g_ptr_array_index (rings, i);

              bl_json_writer_begin_array (w);
              write_ring (w, (const double *) (void *) ring->data, ring->len / 2);
              bl_json_writer_end_array (w);
            }
          bl_json_writer_end_array (w);
          bl_json_writer_end_object (w);
          return TRUE;
        }
    }

  bl_json_writer_null (w);
  return FALSE;
}

static void
write_properties (BlJsonWriter        *w,
                  BlProject           *project,
                  const BlClaimRecord *r)
{
  bl_json_writer_member (w, "properties");
  bl_json_writer_begin_object (w);

  text_member (w, "id", r->id);
  text_member (w, "statement", r->statement);
  text_member (w, "quote", r->quote);

  if (r->actor != BL_NO_INDEX)
    {
      BlActor *actor = bl_project_get_actor (project, r->actor);

      text_member (w, "claimant", bl_actor_get_name (actor));
      text_member (w, "claimant_id", bl_actor_get_id (actor));
      text_member (w, "claimant_role", bl_actor_get_role (actor));
      text_member (w, "claimant_affiliation", bl_actor_get_affiliation (actor));
      if (bl_actor_get_kind (actor) != BL_ACTOR_OTHER)
        text_member (w, "claimant_kind", bl_actor_kind_to_string (bl_actor_get_kind (actor)));
      grade_member (w, "claimant_reliability", bl_actor_get_reliability (actor));
    }

  if (r->source != BL_NO_INDEX)
    {
      BlSource *source = bl_project_get_source (project, r->source);

      text_member (w, "source", bl_source_get_name (source));
      text_member (w, "source_id", bl_source_get_id (source));
      if (bl_source_get_kind (source) != BL_SOURCE_OTHER)
        text_member (w, "source_kind", bl_source_kind_to_string (bl_source_get_kind (source)));
      text_member (w, "url", bl_source_get_url (source));
      text_member (w, "source_published", bl_source_get_published (source));
      text_member (w, "source_retrieved", bl_source_get_retrieved (source));
      text_member (w, "source_language", bl_source_get_language (source));
      grade_member (w, "source_reliability", bl_source_get_reliability (source));
      text_member (w, "source_origin", bl_source_get_origin (source));
    }

  date_member (w, "said_on", &r->said_on);
  date_member (w, "about", &r->about);

  if (r->topic != BL_NO_INDEX)
    {
      BlTopic *topic = bl_project_get_topic (project, r->topic);

      text_member (w, "topic", bl_topic_get_title (topic));
      text_member (w, "topic_id", bl_topic_get_id (topic));
      text_member (w, "unit", bl_topic_get_unit (topic));
      text_member (w, "topic_description", bl_topic_get_description (topic));
    }

  if (r->quantity != NULL)
    {
      g_autofree char *human = bl_quantity_to_string (r->quantity);

      text_member (w, "quantity", human);
      number_member (w, "quantity_value", r->quantity->value);
      if (bl_quantity_has_explicit_range (r->quantity) && isfinite (r->quantity->max))
        {
          number_member (w, "quantity_min", r->quantity->min);
          number_member (w, "quantity_max", r->quantity->max);
        }
      text_member (w, "quantity_qualifier", bl_quantity_qualifier_to_string (r->quantity->qualifier));
      text_member (w, "quantity_unit", r->quantity->unit);
      text_member (w, "quantity_text", r->quantity->text);
    }

  if (r->stance != BL_STANCE_ASSERTS)
    text_member (w, "stance", bl_stance_to_string (r->stance));
  if (r->credibility != 0)
    {
      bl_json_writer_member (w, "credibility");
      bl_json_writer_int64 (w, r->credibility);
    }

  number_member (w, "lat", isnan (r->lon) ? NAN : r->lat);
  number_member (w, "lon", isnan (r->lat) ? NAN : r->lon);
  if (r->precision != BL_PRECISION_UNKNOWN)
    text_member (w, "precision", bl_precision_to_string (r->precision));
  text_member (w, "place", r->place);
  strv_member (w, "areas", r->areas);
  strv_member (w, "tags", r->tags);
  text_member (w, "notes", r->notes);

  if (r->n_relations > 0)
    {
      bl_json_writer_member (w, "relations");
      bl_json_writer_begin_array (w);
      for (guint i = 0; i < r->n_relations; i++)
        {
          bl_json_writer_begin_object (w);
          text_member (w, "type", bl_relation_kind_to_string (r->relations[i].kind));
          text_member (w, "claim", r->relations[i].claim_id);
          bl_json_writer_end_object (w);
        }
      bl_json_writer_end_array (w);
    }

  bl_json_writer_end_object (w);
}

static void
write_top_string (GString    *out,
                  const char *name,
                  const char *value)
{
  g_autoptr(BlJsonWriter) w = NULL;

  if (value == NULL)
    return;
  g_string_append_printf (out, "\"%s\":", name);
  w = bl_json_writer_new (out);
  bl_json_writer_set_pretty (w, FALSE);
  bl_json_writer_string (w, value);
  g_string_append_c (out, ',');
}

GBytes *
bl_geojson_export (BlProject             *project,
                   const guint32         *indices,
                   guint                  n_indices,
                   const BlFormatExportOptions *options,
                   GCancellable          *cancellable,
                   GError               **error)
{
  BlClaimStore *store = bl_project_get_claims (project);
  GString *out = g_string_sized_new (4096 + (gsize) n_indices * 700);

  g_string_append (out, "{\"type\":\"FeatureCollection\",");
  write_top_string (out, "title", bl_project_get_title (project));
  write_top_string (out, "description", bl_project_get_description (project));
  g_string_append (out, "\"features\":[");

  for (guint k = 0; k < n_indices; k++)
    {
      g_autoptr(BlJsonWriter) w = bl_json_writer_new (out);
      BlClaimRecord r;
      gboolean from_areas;

      if (k % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_string_free (out, TRUE);
          return NULL;
        }

      bl_claim_store_get_record (store, indices[k], &r);
      g_string_append (out, k == 0 ? "\n" : ",\n");
      bl_json_writer_set_pretty (w, FALSE);
      bl_json_writer_begin_object (w);
      text_member (w, "type", "Feature");
      text_member (w, "id", r.id);
      from_areas = write_geometry (w, &r, options->basemap);
      if (from_areas)
        text_member (w, "geometry_from", "areas");
      write_properties (w, project, &r);
      bl_json_writer_end_object (w);
      g_assert (bl_json_writer_is_complete (w));
    }

  g_string_append (out, "\n]}\n");
  return g_string_free_to_bytes (out);
}

/**
 * bl_geojson_export_to_bytes:
 * @visible: (nullable): only these claims; %NULL for all
 * @options: (nullable): export options
 *
 * Same as bl_format_export_to_bytes() with %BL_FORMAT_GEOJSON.
 *
 * Returns: (transfer full): the GeoJSON text, or %NULL with @error set
 */
GBytes *
bl_geojson_export_to_bytes (BlProject              *project,
                            BlVisibleClaims        *visible,
                            const BlFormatExportOptions  *options,
                            GCancellable           *cancellable,
                            GError                **error)
{
  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);

  return bl_format_export_to_bytes (project, BL_FORMAT_GEOJSON, visible, options, cancellable, error);
}
