/* bl-geojson-geometry.c — reading the geometry of a GeoJSON feature
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a feature's "geometry" object (its type and its coordinates, nested
 * to any of the heights RFC 7946 uses) and turns it into the claim's point
 * or polygon, checking positions and rings; the rules are in the overview
 * of bl-geojson.c. What it is not: reading properties
 * (bl-geojson-properties.c) or the document (bl-geojson.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-geojson-private.h"

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
              bl_geojson_problem (g, "geometry", _("a position holds only numbers"));
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
        bl_geojson_problem (g, "geometry", _("a position needs two numbers, [longitude, latitude]"));
      else if (!isfinite (xy[0]) || !isfinite (xy[1]))
        bl_geojson_problem (g, "geometry", _("a coordinate is too large"));
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
          bl_geojson_problem (g, "geometry", _("the coordinates are nested too deeply"));
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
            bl_geojson_problem (g, "geometry", _("the coordinates mix positions and arrays"));

          token = next (g, error);
          if (token == BL_JSON_TOKEN_ERROR)
            return FALSE;
          if (token == BL_JSON_TOKEN_END_ARRAY)
            break;
          if (token != BL_JSON_TOKEN_BEGIN_ARRAY)
            {
              bl_geojson_problem (g, "geometry", _("the coordinates mix positions and arrays"));
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

  bl_geojson_problem (g, "geometry", _("coordinates are arrays of numbers"));
  *height = -1;
  if (!skip_value (g, error))
    return FALSE;
  return skip_rest (g, depth, error);
}

gboolean
bl_geojson_read_geometry (GeoImport  *g,
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
              bl_geojson_problem (g, "geometry.type", _("expected text"));
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
              bl_geojson_problem (g, "geometry.coordinates", _("expected an array"));
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
          bl_geojson_problem (g, "geometry",
                              _("latitude %g is outside -90..90 (latitude and longitude look swapped: GeoJSON positions are [longitude, latitude])"),
                              lat);
          return FALSE;
        }
      if (fabs (lat) > 90)
        {
          bl_geojson_problem (g, "geometry", _("latitude %g is outside -90..90"), lat);
          return FALSE;
        }
      if (fabs (lon) > 180)
        {
          bl_geojson_problem (g, "geometry", _("longitude %g is outside -180..180"), lon);
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
          bl_geojson_problem (g, "geometry", _("ring %u has fewer than four positions"), r - first_ring);
          return FALSE;
        }
      if (!ring_is_closed (g, r))
        {
          bl_geojson_problem (g, "geometry", _("ring %u is not closed (its last position is not its first)"), r - first_ring);
          return FALSE;
        }
    }
  return TRUE;
}

void
bl_geojson_interpret_geometry (GeoImport *g)
{
  const char *type = g->geom_type;

  if (!g->has_geometry || g->problem != NULL)
    return;
  if (type == NULL)
    {
      bl_geojson_problem (g, "geometry", _("the geometry has no type"));
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
        bl_geojson_problem (g, "geometry.coordinates", _("the nesting does not fit a %s"), type);
      else if (n != 1)
        bl_geojson_problem (g, "geometry", _("a MultiPoint of %u points: a claim has one point"), n);
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
        bl_geojson_problem (g, "geometry.coordinates", _("the nesting does not fit a %s"), type);
      else if (check_polygon_rings (g, 0, g->rings->len))
        {
          take_ring (g, 0);
          if (g->rings->len > 1)
            bl_geojson_warning (g, "geometry", _("the polygon's holes are dropped (a claim has one ring)"));
        }
      return;
    }

  if (strcmp (type, "MultiPolygon") == 0)
    {
      guint best_ring = 0;
      double best_area = -1;

      if (g->height != 3)
        {
          bl_geojson_problem (g, "geometry.coordinates", _("the nesting does not fit a %s"), type);
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
          bl_geojson_warning (g, "geometry", message);
        }
      return;
    }

  if (strcmp (type, "LineString") == 0 || strcmp (type, "MultiLineString") == 0)
    bl_geojson_problem (g, "geometry", _("lines are not supported: a claim is a point, a polygon or areas"));
  else if (strcmp (type, "GeometryCollection") == 0)
    bl_geojson_problem (g, "geometry", _("a GeometryCollection is not supported: a claim is a point, a polygon or areas"));
  else
    {
      g_autofree char *escaped = g_strescape (type, NULL);
      bl_geojson_problem (g, "geometry.type", _("“%s” is not a GeoJSON geometry type"), escaped);
    }
}
