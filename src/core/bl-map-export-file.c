/* bl-map-export-file.c — the export renderer's pages as PNG, SVG and PDF files
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page laid out by bl-map-export.c is rendered in memory, on an image
 * surface (PNG) or a recording of it (SVG, PDF), and saved with
 * g_file_set_contents_full() (CONSISTENT | DURABLE): a failed export
 * leaves no partial file and an existing file as it was.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "bl-error.h"
#include "bl-export-bytes.h"
#include "bl-map-export-private.h"

/* Surfaces */

static gboolean
check_surface (cairo_surface_t  *surface,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
               _("The map could not be drawn: %s"), cairo_status_to_string (status));
  return FALSE;
}

static GBytes *
render_png (BlMapPage  *page,
            GError    **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GByteArray *bytes;
  cairo_status_t status;
  gboolean ok;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, page->width, page->height);
  if (!check_surface (surface, error))
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  ok = bl_map_page_render (page, cr, error);
  cairo_destroy (cr);
  if (!ok)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  bytes = g_byte_array_new ();
  status = cairo_surface_write_to_png_stream (surface, bl_export_write_to_byte_array, bytes);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
                   _("The map could not be encoded as PNG: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}

static GBytes *
render_vector (BlMapPage  *page,
               GError    **error)
{
  const BlMapExportOptions *o = page->options;
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  if (o->format == BL_MAP_EXPORT_PDF)
    {
      /* points: the page is width × height pixels at 96 × scale dpi */
      double k = 72.0 / (96.0 * page->s);
      g_autofree char *created = g_date_time_format (page->now, "%Y-%m-%dT%H:%M:%S%:z");
      g_autofree char *creator = g_strdup_printf ("Borderline %s", PACKAGE_VERSION);

      surface = cairo_pdf_surface_create_for_stream (bl_export_write_to_byte_array, bytes,
                                                     page->width * k, page->height * k);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, page->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, page->subtitle);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Borderline");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
      if (created != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
      cr = cairo_create (surface);
      cairo_scale (cr, k, k);
    }
  else
    {
      /* CSS pixels: the page is (width × height) / scale */
      surface = cairo_svg_surface_create_for_stream (bl_export_write_to_byte_array, bytes,
                                                     page->width / page->s, page->height / page->s);
      cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      cr = cairo_create (surface);
      cairo_scale (cr, 1 / page->s, 1 / page->s);
    }

  if (!check_surface (surface, error))
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_byte_array_unref (bytes);
      return NULL;
    }

  ok = bl_map_page_render (page, cr, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
                   _("The map could not be written: %s"), cairo_status_to_string (status));
      ok = FALSE;
    }
  if (!ok)
    {
      g_byte_array_unref (bytes);
      return NULL;
    }

  if (o->format == BL_MAP_EXPORT_SVG)
    return bl_export_svg_add_title (bytes, page->title, page->subtitle);
  return g_byte_array_free_to_bytes (bytes);
}

/* The reason a file could not be written, in words: GLib's message names
 * the temporary file, which only confuses. */
static const char *
write_error_reason (const GError *error)
{
  switch (error->code)
    {
    case G_FILE_ERROR_NOENT:
      return _("the folder does not exist");
    case G_FILE_ERROR_NOTDIR:
      return _("a part of the path is not a folder");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return _("permission denied");
    case G_FILE_ERROR_ROFS:
      return _("the disk is read-only");
    case G_FILE_ERROR_NOSPC:
      return _("the disk is full");
    case G_FILE_ERROR_ISDIR:
      return _("it is a folder");
    case G_FILE_ERROR_NAMETOOLONG:
      return _("the name is too long");
    default:
      return error->message;
    }
}

/* Public API */

/**
 * bl_map_export_to_bytes:
 * @project: the project
 * @visible: the claims the filter lets through
 * @basemap: (nullable): the basemap renderer
 * @options: the export's options, @format included
 * @error: where to put the reason of a failure
 *
 * Renders the export in memory, as a file of @options->format.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
bl_map_export_to_bytes (BlProject                 *project,
                        BlVisibleClaims           *visible,
                        BlBasemapRenderer         *basemap,
                        const BlMapExportOptions  *options,
                        GError                   **error)
{
  g_auto(BlMapPage) page = { 0 };

  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (visible), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options->format == BL_MAP_EXPORT_PNG &&
      (double) options->width * options->height > BL_MAP_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
                   _("A PNG of %d × %d pixels is too large: at most %.0f million pixels; "
                     "export a PDF or SVG for larger prints"),
                   options->width, options->height, BL_MAP_EXPORT_MAX_PIXELS / 1e6);
      return NULL;
    }

  if (!bl_map_page_init (&page, project, visible, basemap, options, error))
    return NULL;

  if (options->format == BL_MAP_EXPORT_PNG)
    return render_png (&page, error);
  return render_vector (&page, error);
}

/**
 * bl_map_export_to_png_bytes:
 * @project: the project
 * @visible: the claims the filter lets through
 * @basemap: (nullable): the basemap renderer
 * @options: the export's options; @format is ignored
 * @error: where to put the reason of a failure
 *
 * Renders the export as a PNG in memory (for Copy as Image).
 *
 * Returns: (transfer full): the PNG, or %NULL with @error set
 */
GBytes *
bl_map_export_to_png_bytes (BlProject                 *project,
                            BlVisibleClaims           *visible,
                            BlBasemapRenderer         *basemap,
                            const BlMapExportOptions  *options,
                            GError                   **error)
{
  BlMapExportOptions png;

  g_return_val_if_fail (options != NULL, NULL);

  png = *options;
  png.format = BL_MAP_EXPORT_PNG;
  return bl_map_export_to_bytes (project, visible, basemap, &png, error);
}

/**
 * bl_map_export_to_file:
 * @project: the project
 * @visible: the claims the filter lets through
 * @basemap: (nullable): the basemap renderer
 * @options: the export's options, @format included
 * @path: the file to write
 * @error: where to put the reason of a failure
 *
 * Renders the export and saves it atomically: on failure (an unwritable
 * folder, a full disk) @path is left as it was and no partial file
 * remains.
 *
 * Returns: %FALSE with @error set on failure (%G_IO_ERROR for writing)
 */
gboolean
bl_map_export_to_file (BlProject                 *project,
                       BlVisibleClaims           *visible,
                       BlBasemapRenderer         *basemap,
                       const BlMapExportOptions  *options,
                       const char                *path,
                       GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = bl_map_export_to_bytes (project, visible, basemap, options, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &len);
  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &local_error))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                   /* Translators: %s is a file, then the reason */
                   _("Could not save the map as “%s”: %s"), name,
                   write_error_reason (local_error));
      return FALSE;
    }
  return TRUE;
}
