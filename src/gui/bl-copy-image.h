/* bl-copy-image.h — Copy as Image: the map as the user sees it, on the clipboard
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-map-export.h"

G_BEGIN_DECLS

gboolean bl_copy_image_get_extent   (const BlMapFrame   *frame,
                                     double             *west,
                                     double             *south,
                                     double             *east,
                                     double             *north);
void     bl_copy_image_get_options  (GtkWidget          *widget,
                                     BlProject          *project,
                                     const BlMapFrame   *screen_frame,
                                     const char         *selected_claim,
                                     BlColorBy           color_by,
                                     BlMapExportOptions *options);
gboolean bl_copy_map_image          (GtkWidget          *widget,
                                     BlProject          *project,
                                     BlVisibleClaims    *visible,
                                     BlBasemapRenderer  *basemap,
                                     const BlMapFrame   *screen_frame,
                                     const char         *selected_claim,
                                     BlColorBy           color_by,
                                     GError            **error);

G_END_DECLS
