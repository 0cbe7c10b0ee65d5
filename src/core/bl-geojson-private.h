/* bl-geojson-private.h — the state of the GeoJSON importer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer is split by concern: bl-geojson.c reads the document and
 * its features and hands each to the import builder;
 * bl-geojson-geometry.c reads a feature's geometry and turns it into a
 * point or a polygon; bl-geojson-properties.c maps its properties to
 * fields. This header is what they share, and nothing outside them
 * includes it.
 */
#pragma once

#include "bl-format-private.h"
#include "bl-json-reader.h"

G_BEGIN_DECLS

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

/* Reads the next token; on a JSON error sets @error and returns ERROR. */
static inline BlJsonToken
next (GeoImport  *g,
      GError    **error)
{
  return bl_json_reader_next (g->json, error);
}

static inline gboolean
skip_value (GeoImport  *g,
            GError    **error)
{
  return bl_json_reader_skip (g->json, error);
}

void      bl_geojson_problem            (GeoImport   *g,
                                         const char  *path,
                                         const char  *format,
                                         ...) G_GNUC_PRINTF (3, 4);
void      bl_geojson_warning            (GeoImport   *g,
                                         const char  *path,
                                         const char  *message);

gboolean  bl_geojson_read_geometry      (GeoImport   *g,
                                         GError     **error);
void      bl_geojson_interpret_geometry (GeoImport   *g);

char     *bl_geojson_string_value       (GeoImport   *g,
                                         const char  *property);
char     *bl_geojson_scalar_text        (GeoImport   *g,
                                         BlJsonToken  token,
                                         const char  *property);
gboolean  bl_geojson_read_properties    (GeoImport   *g,
                                         GError     **error);

G_END_DECLS
