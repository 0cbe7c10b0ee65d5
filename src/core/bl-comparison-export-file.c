/* bl-comparison-export-file.c — the comparison chart as a PNG or SVG file
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart that bl_comparison_chart_draw() draws (bl-comparison-export.c),
 * rendered to a surface in memory with the default style and saved
 * atomically, so a failed export leaves no partial file.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-svg.h>
#include <string.h>

#include "bl-comparison-export.h"
#include "bl-error.h"
#include "bl-export-bytes.h"

/* Surfaces */

/**
 * bl_comparison_chart_to_bytes:
 * @format: PNG or SVG
 * @width: the width in pixels
 * @height: the height
 *
 * Draws the chart with the default style (bl_chart_style_init_default())
 * into an image in memory.
 *
 * Returns: (transfer full): the image, or %NULL with @error set: a size
 *   outside %BL_CHART_MIN_SIZE..%BL_CHART_MAX_SIZE is %BL_ERROR_INVALID,
 *   a cairo failure %G_IO_ERROR_FAILED
 */
GBytes *
bl_comparison_chart_to_bytes (BlComparison   *self,
                              BlChartFormat   format,
                              int             width,
                              int             height,
                              GError        **error)
{
  BlChartStyle style;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  GByteArray *bytes;

  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format != BL_CHART_PNG && format != BL_CHART_SVG)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_UNSUPPORTED, _("Unknown chart format %d"), (int) format);
      return NULL;
    }
  if (width < BL_CHART_MIN_SIZE || width > BL_CHART_MAX_SIZE ||
      height < BL_CHART_MIN_SIZE || height > BL_CHART_MAX_SIZE)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("A chart must be between %d and %d pixels wide and high, not %d × %d"),
                   BL_CHART_MIN_SIZE, BL_CHART_MAX_SIZE, width, height);
      return NULL;
    }

  bl_chart_style_init_default (&style);
  bytes = g_byte_array_new ();

  if (format == BL_CHART_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  else
    {
      surface = cairo_svg_surface_create_for_stream (bl_export_write_to_byte_array, bytes, width, height);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }

  cr = cairo_create (surface);
  bl_comparison_chart_draw (self, cr, width, height, &style);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == BL_CHART_PNG)
    status = cairo_surface_write_to_png_stream (surface, bl_export_write_to_byte_array, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
                   cairo_status_to_string (status));
      g_byte_array_unref (bytes);
      return NULL;
    }

  if (format == BL_CHART_SVG)
    {
      g_autofree char *title = bl_comparison_get_title (self);
      g_autofree char *summary = bl_comparison_format_summary (self);

      return bl_export_svg_add_title (bytes, title, summary);
    }
  return g_byte_array_free_to_bytes (bytes);
}

/**
 * bl_comparison_export_chart:
 * @path: the file to write
 * @format: PNG or SVG
 * @width: the width in pixels
 * @height: the height
 *
 * Writes bl_comparison_chart_to_bytes() to @path atomically: on failure
 * the file is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
bl_comparison_export_chart (BlComparison   *self,
                            const char     *path,
                            BlChartFormat   format,
                            int             width,
                            int             height,
                            GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (BL_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = bl_comparison_chart_to_bytes (self, format, width, height, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  return g_file_set_contents_full (path, data, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0666, error);
}
