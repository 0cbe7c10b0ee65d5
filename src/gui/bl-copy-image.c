/* bl-copy-image.c — Copy as Image: the map as the user sees it, on the clipboard
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bl_copy_map_image() renders what the map shows now — the same extent,
 * at the map's size in device pixels, with the legend, the scale bar and
 * the credits, titled with the project's title — through the export
 * renderer (bl-map-export.h), and puts the PNG on the widget's clipboard,
 * ready to paste into a document. The clipboard offers it twice: as
 * "image/png" bytes, for applications that read files from the
 * clipboard, and as a #GdkTexture, for GTK applications that paste
 * textures (GTK also converts a texture to the other image types it
 * knows).
 *
 * It draws on the main thread: a map the size of a screen draws in a
 * fraction of a second, and the project is not thread-safe.
 *
 * bl_copy_image_get_extent() turns the screen's #BlMapFrame into the
 * longitude/latitude box an export takes; the export dialog uses it too.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bl-copy-image.h"
#include "bl-error.h"
#include "bl-projection.h"

/**
 * bl_copy_image_get_extent:
 * @frame: what a map shows (bl_claim_layer_get_frame())
 * @west: (out): the western edge, in degrees
 * @south: (out): the southern edge
 * @east: (out): the eastern edge
 * @north: (out): the northern edge
 *
 * The box a map frame shows, clamped to the world: an export of that box
 * at the frame's size shows what the frame shows.
 *
 * Returns: %FALSE when the frame is empty (a map not laid out yet)
 */
gboolean
bl_copy_image_get_extent (const BlMapFrame *frame,
                          double           *west,
                          double           *south,
                          double           *east,
                          double           *north)
{
  double size;

  g_return_val_if_fail (frame != NULL, FALSE);
  g_return_val_if_fail (west != NULL && south != NULL && east != NULL && north != NULL, FALSE);

  if (!(frame->width >= 1 && frame->height >= 1) || !isfinite (frame->zoom) ||
      !isfinite (frame->x) || !isfinite (frame->y))
    return FALSE;

  /* the frame's world pixels are the projection's at the same zoom */
  size = bl_projection_world_size (frame->zoom);
  bl_projection_world_to_lonlat (CLAMP (frame->x, 0, size), CLAMP (frame->y, 0, size),
                                 frame->zoom, west, north);
  bl_projection_world_to_lonlat (CLAMP (frame->x + frame->width, 0, size),
                                 CLAMP (frame->y + frame->height, 0, size),
                                 frame->zoom, east, south);

  *west = CLAMP (*west, -180.0, 180.0);
  *east = CLAMP (*east, -180.0, 180.0);
  *south = CLAMP (*south, -84.99, 84.99);
  *north = CLAMP (*north, -84.99, 84.99);
  return *west < *east && *south < *north;
}

/**
 * bl_copy_image_get_options:
 * @widget: the map widget (for its scale factor)
 * @project: the project (for its title)
 * @screen_frame: what the map shows
 * @selected_claim: (nullable): the selected claim's id
 * @color_by: what the markers' colours say
 * @options: (out caller-allocates): the options Copy as Image renders with
 *
 * The options of Copy as Image: the screen's extent at its size in
 * device pixels, with the legend, the scale bar and the credits, and
 * the project's title. The strings are borrowed from the arguments.
 */
void
bl_copy_image_get_options (GtkWidget          *widget,
                           BlProject          *project,
                           const BlMapFrame   *screen_frame,
                           const char         *selected_claim,
                           BlColorBy           color_by,
                           BlMapExportOptions *options)
{
  int scale;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (BL_IS_PROJECT (project));
  g_return_if_fail (screen_frame != NULL);
  g_return_if_fail (options != NULL);

  scale = MAX (gtk_widget_get_scale_factor (widget), 1);

  bl_map_export_options_init (options);
  options->format = BL_MAP_EXPORT_PNG;
  options->scale = scale;
  options->width = CLAMP ((int) round (screen_frame->width * scale),
                          BL_MAP_EXPORT_MIN_SIZE, BL_MAP_EXPORT_MAX_SIZE);
  options->height = CLAMP ((int) round (screen_frame->height * scale),
                           BL_MAP_EXPORT_MIN_SIZE, BL_MAP_EXPORT_MAX_SIZE);
  if (!bl_copy_image_get_extent (screen_frame, &options->west, &options->south,
                                 &options->east, &options->north))
    options->west = options->south = options->east = options->north = NAN;
  options->title = bl_project_get_title (project);
  options->selected_claim = selected_claim;
  options->color_by = color_by;
  options->show_legend = TRUE;
  options->show_scale_bar = TRUE;
  options->show_north_arrow = FALSE;
  options->show_inset = FALSE;
  options->show_citations = FALSE;
  options->show_timeline = FALSE;
  options->show_footer = FALSE;
  options->show_annotations = TRUE;
}

/**
 * bl_copy_map_image:
 * @widget: the map widget: its clipboard receives the image
 * @project: the project
 * @visible: the claims the filter lets through
 * @basemap: (nullable): the basemap renderer
 * @screen_frame: what the map shows (bl_claim_layer_get_frame())
 * @selected_claim: (nullable): the selected claim's id
 * @color_by: what the markers' colours say
 * @error: where to put the reason of a failure
 *
 * Puts the map, as the user sees it, with its legend and credits, on
 * @widget's clipboard as a PNG (see the top of this file).
 *
 * Returns: %FALSE with @error set when the map could not be drawn
 */
gboolean
bl_copy_map_image (GtkWidget          *widget,
                   BlProject          *project,
                   BlVisibleClaims    *visible,
                   BlBasemapRenderer  *basemap,
                   const BlMapFrame   *screen_frame,
                   const char         *selected_claim,
                   BlColorBy           color_by,
                   GError            **error)
{
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];
  BlMapExportOptions options;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (BL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (visible), FALSE);
  g_return_val_if_fail (screen_frame != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bl_copy_image_get_options (widget, project, screen_frame, selected_claim, color_by, &options);
  png = bl_map_export_to_png_bytes (project, visible, basemap, &options, error);
  if (png == NULL)
    return FALSE;

  texture = gdk_texture_new_from_bytes (png, error);
  if (texture == NULL)
    return FALSE;

  providers[0] = gdk_content_provider_new_for_bytes ("image/png", png);
  providers[1] = gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, texture);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));

  if (!gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider))
    {
      g_set_error_literal (error, BL_ERROR, BL_ERROR_UNSUPPORTED,
                           _("The image could not be put on the clipboard"));
      return FALSE;
    }
  return TRUE;
}
