/* bl-format-export.h — writing a project's claims as GeoJSON, CSV, KML or a project
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export entry points. Each format is written in memory first and
 * saved atomically and durably (g_file_set_contents_full() with
 * CONSISTENT | DURABLE): on any failure the destination is left as it was,
 * never half written. What each format keeps is described at the top of
 * its file (bl-geojson.c, bl-export-csv.c, bl-kml.c); this is not where
 * maps are rendered as images (see the export renderer).
 */
#pragma once

#include <gio/gio.h>

#include "bl-basemap-data.h"
#include "bl-format.h"
#include "bl-project.h"
#include "bl-visible-claims.h"

G_BEGIN_DECLS

/**
 * BlFormatExportOptions:
 * @basemap: (nullable): the basemap whose province outlines stand for
 *   claims that name only areas (GeoJSON MultiPolygon, KML MultiGeometry);
 *   %NULL for the built-in one (bl_format_get_default_basemap()); when no
 *   basemap is at hand such claims are written without a geometry
 *
 * Initialise with bl_format_export_options_init().
 */
typedef struct {
  BlBasemapData *basemap;
} BlFormatExportOptions;

void      bl_format_export_options_init (BlFormatExportOptions        *options);

GBytes   *bl_format_export_to_bytes     (BlProject              *project,
                                  BlFormat                format,
                                  BlVisibleClaims        *visible,
                                  const BlFormatExportOptions  *options,
                                  GCancellable           *cancellable,
                                  GError                **error);
gboolean  bl_format_export_file         (BlProject              *project,
                                  GFile                  *file,
                                  BlFormat                format,
                                  BlVisibleClaims        *visible,
                                  GCancellable           *cancellable,
                                  GError                **error);
gboolean  bl_format_export_file_full    (BlProject              *project,
                                  GFile                  *file,
                                  BlFormat                format,
                                  BlVisibleClaims        *visible,
                                  const BlFormatExportOptions  *options,
                                  GCancellable           *cancellable,
                                  GError                **error);

G_END_DECLS
