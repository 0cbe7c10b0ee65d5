/* bl-export-dialog.h — the map export dialog: format, size, layout, preview
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bl-map-export.h"

G_BEGIN_DECLS

/**
 * BL_EXPORT_DIALOG_PREVIEW_WIDTH:
 *
 * The widest the live preview is drawn, in pixels.
 */
#define BL_EXPORT_DIALOG_PREVIEW_WIDTH  480
#define BL_EXPORT_DIALOG_PREVIEW_HEIGHT 360

#define BL_TYPE_EXPORT_DIALOG (bl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BlExportDialog, bl_export_dialog, BL, EXPORT_DIALOG, AdwWindow)

BlExportDialog *bl_export_dialog_new          (GtkWindow                *parent,
                                               BlProject                *project,
                                               BlVisibleClaims          *visible,
                                               BlBasemapRenderer        *basemap,
                                               const BlMapFrame         *screen_frame,
                                               const char               *selected_claim,
                                               BlColorBy                 color_by);
void            bl_export_dialog_get_options  (BlExportDialog           *self,
                                               BlMapExportOptions       *options);
void            bl_export_dialog_export_to    (BlExportDialog           *self,
                                               GFile                    *file);
gboolean        bl_export_dialog_get_busy     (BlExportDialog           *self);
GdkPaintable   *bl_export_dialog_get_preview  (BlExportDialog           *self);

G_END_DECLS
