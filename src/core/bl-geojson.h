/* bl-geojson.h — GeoJSON (RFC 7946) import and export
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Claims as GeoJSON Features: the geometry is the claim's polygon, else
 * its point, else the outlines of its areas (from the basemap), else null;
 * `properties` hold the claim's full model under the canonical field names
 * of bl-format.h (bl_field_get_name()). Reading is streaming (no tree is
 * built), so files of 100,000 features and more import in memory
 * proportional to the claims. The general entry points are
 * bl_import_file() and bl_format_export_file(); these are the GeoJSON-specific
 * ones.
 */
#pragma once

#include "bl-format-export.h"
#include "bl-format.h"

G_BEGIN_DECLS

/* Decimals written for coordinates: 6 is about 0.1 m, as RFC 7946 §11.2
 * suggests. */
#define BL_GEOJSON_COORD_DECIMALS 6

BlProject *bl_geojson_import_data     (const char             *data,
                                       gsize                   len,
                                       const char             *display_name,
                                       const BlImportOptions  *options,
                                       BlImportReport        **report,
                                       GCancellable           *cancellable,
                                       GError                **error);
GBytes    *bl_geojson_export_to_bytes (BlProject              *project,
                                       BlVisibleClaims        *visible,
                                       const BlFormatExportOptions  *options,
                                       GCancellable           *cancellable,
                                       GError                **error);

G_END_DECLS
