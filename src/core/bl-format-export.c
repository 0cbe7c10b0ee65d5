/* bl-format-export.c — the export entry points, and what the exporters share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: bl_format_export_file() and bl_format_export_to_bytes() hand a
 * project (or the claims a filter lets through) to the writer of the
 * format asked for, and save the result atomically and durably. Also here:
 * the helpers the GeoJSON and KML writers share (the choice of claims,
 * area outlines from the basemap, ring winding). What it is not: a writer
 * of any format itself (bl-geojson-export.c, bl-export-csv.c, bl-kml.c,
 * bl-project-writer.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-error.h"
#include "bl-format-private.h"
#include "bl-project-io.h"

void
bl_format_export_options_init (BlFormatExportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->basemap = NULL;
}

/* The claims to export: those @visible lets through, or all. */
guint32 *
bl_format_export_get_indices (BlProject       *project,
                       BlVisibleClaims *visible,
                       guint           *n_indices)
{
  guint32 *indices;

  if (visible != NULL)
    {
      const guint32 *shown = bl_visible_claims_get_indices (visible, n_indices);

      return g_memdup2 (shown, sizeof (guint32) * *n_indices);
    }

  *n_indices = bl_claim_store_get_n_claims (bl_project_get_claims (project));
  indices = g_new (guint32, MAX (*n_indices, 1));
  for (guint i = 0; i < *n_indices; i++)
    indices[i] = i;
  return indices;
}

/* Writes @bytes to @file atomically and durably: on failure the file is as
 * it was. No backup is kept (an export is made again, not edited). */
gboolean
bl_format_export_write_atomically (GFile         *file,
                            GBytes        *bytes,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  gconstpointer data;
  gsize len;

  data = g_bytes_get_data (bytes, &len);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (path != NULL)
    return g_file_set_contents_full (path, data, len,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0644, error);

  return g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}

/* Makes a closed ring of lon/lat pairs run counter-clockwise (RFC 7946
 * §3.1.6: exteriors counter-clockwise). */
void
bl_format_export_ring_make_ccw (double *p,
                         gsize   n)
{
  double area = 0;

  for (gsize i = 0; i + 1 < n; i++)
    area += p[2 * i] * p[2 * i + 3] - p[2 * i + 2] * p[2 * i + 1];
  if (area >= 0)
    return;

  for (gsize i = 0, j = n - 1; i < j; i++, j--)
    {
      double x = p[2 * i], y = p[2 * i + 1];

      p[2 * i] = p[2 * j];
      p[2 * i + 1] = p[2 * j + 1];
      p[2 * j] = x;
      p[2 * j + 1] = y;
    }
}

/* A coordinate rounded to 6 decimals, as text in the C locale. */
char *
bl_format_export_format_coord (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = round (value * 1e6) / 1e6;

  if (rounded == 0)
    rounded = 0;   /* no "-0" */
  return g_strdup (g_ascii_dtostr (buf, sizeof buf, rounded));
}

/**
 * bl_format_export_area_rings:
 * @areas: area codes (ISO 3166-1 or 3166-2)
 *
 * The outlines of the areas, from the basemap's most detailed band, as
 * closed counter-clockwise rings (each a GArray of lon/lat doubles). Codes
 * the basemap does not know are left out.
 *
 * Returns: (transfer full): the rings, possibly none
 */
GPtrArray *
bl_format_export_area_rings (BlBasemapData      *basemap,
                      const char * const *areas)
{
  GPtrArray *rings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint band;

  if (basemap == NULL || areas == NULL)
    return rings;

  band = bl_basemap_data_get_band_for_zoom (basemap, 255);
  for (guint a = 0; areas[a] != NULL; a++)
    {
      const BlBasemapFeature *feature;
      guint n_parts;

      feature = bl_basemap_data_lookup (basemap, strlen (areas[a]) == 2 ? BL_BASEMAP_LAYER_COUNTRY
                                                                      : BL_BASEMAP_LAYER_PROVINCE,
                                        areas[a]);
      if (feature == NULL || feature->geometry != BL_BASEMAP_GEOMETRY_POLYGONS)
        continue;

      n_parts = bl_basemap_feature_get_n_parts (basemap, feature, band);
      for (guint p = 0; p < n_parts; p++)
        {
          gsize n;
          g_autofree double *points = bl_basemap_feature_dup_part_lonlat (basemap, feature, band, p, &n);
          GArray *ring;

          if (points == NULL || n < 3)
            continue;
          ring = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * (n + 1));
          g_array_append_vals (ring, points, 2 * n);
          if (points[0] != points[2 * (n - 1)] || points[1] != points[2 * (n - 1) + 1])
            g_array_append_vals (ring, points, 2);
          bl_format_export_ring_make_ccw ((double *) (void *) ring->data, ring->len / 2);
          g_ptr_array_add (rings, ring);
        }
    }
  return rings;
}

/**
 * bl_format_export_to_bytes:
 * @project: the project
 * @format: %BL_FORMAT_PROJECT, %BL_FORMAT_GEOJSON, %BL_FORMAT_CSV or
 *   %BL_FORMAT_KML
 * @visible: (nullable): only the claims these let through; %NULL for all.
 *   A project is always written whole.
 * @options: (nullable): export options; %NULL for the defaults
 *
 * Returns: (transfer full): the file's content, or %NULL with @error set
 */
GBytes *
bl_format_export_to_bytes (BlProject              *project,
                    BlFormat                format,
                    BlVisibleClaims        *visible,
                    const BlFormatExportOptions  *options,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_autofree guint32 *indices = NULL;
  BlFormatExportOptions defaults;
  guint n = 0;

  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (visible == NULL || BL_IS_VISIBLE_CLAIMS (visible), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      bl_format_export_options_init (&defaults);
      options = &defaults;
    }
  if (options->basemap == NULL && (format == BL_FORMAT_GEOJSON || format == BL_FORMAT_KML))
    {
      defaults = *options;
      defaults.basemap = bl_format_get_default_basemap ();
      options = &defaults;
    }

  if (format == BL_FORMAT_PROJECT)
    return bl_project_to_bytes (project, cancellable, error);

  indices = bl_format_export_get_indices (project, visible, &n);
  switch (format)
    {
    case BL_FORMAT_GEOJSON:
      return bl_geojson_export (project, indices, n, options, cancellable, error);
    case BL_FORMAT_CSV:
      return bl_csv_export (project, indices, n, options, cancellable, error);
    case BL_FORMAT_KML:
      return bl_kml_export (project, indices, n, options, cancellable, error);
    case BL_FORMAT_UNKNOWN:
    case BL_FORMAT_PROJECT:
    case BL_FORMAT_ACLED_CSV:
    case BL_N_FORMATS:
    default:
      g_set_error (error, BL_ERROR, BL_ERROR_UNSUPPORTED,
                   _("Borderline cannot write %s files"), bl_format_get_label (format));
      return NULL;
    }
}

/**
 * bl_format_export_file_full:
 * @file: where to write; replaced atomically
 *
 * Like bl_format_export_file(), with options.
 *
 * Returns: %TRUE on success
 */
gboolean
bl_format_export_file_full (BlProject              *project,
                     GFile                  *file,
                     BlFormat                format,
                     BlVisibleClaims        *visible,
                     const BlFormatExportOptions  *options,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (BL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format < BL_N_FORMATS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = bl_format_export_to_bytes (project, format, visible, options, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  return bl_format_export_write_atomically (file, bytes, cancellable, error);
}

/**
 * bl_format_export_file:
 * @project: the project
 * @file: where to write; replaced atomically and durably, never left half
 *   written
 * @format: the format to write
 * @visible: (nullable): only the claims these let through
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Writes @project's claims in @format, with the built-in basemap for area
 * outlines.
 *
 * Returns: %TRUE on success
 */
gboolean
bl_format_export_file (BlProject        *project,
                GFile            *file,
                BlFormat          format,
                BlVisibleClaims  *visible,
                GCancellable     *cancellable,
                GError          **error)
{
  return bl_format_export_file_full (project, file, format, visible, NULL, cancellable, error);
}
