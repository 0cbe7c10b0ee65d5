/* bl-import-dialog.h — importing a GeoJSON or CSV file into a project
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bl-history.h"

G_BEGIN_DECLS

/**
 * BL_IMPORT_DIALOG_PREVIEW_ROWS:
 *
 * How many records the preview shows.
 */
#define BL_IMPORT_DIALOG_PREVIEW_ROWS 20

#define BL_TYPE_IMPORT_DIALOG (bl_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BlImportDialog, bl_import_dialog, BL, IMPORT_DIALOG, AdwWindow)

BlImportDialog *bl_import_dialog_new          (GtkWindow      *parent,
                                               BlHistory      *history);
void            bl_import_dialog_choose_file  (BlImportDialog *self);
void            bl_import_dialog_open_file    (BlImportDialog *self,
                                               GFile          *file);
gboolean        bl_import_dialog_get_busy     (BlImportDialog *self);
gboolean        bl_import_dialog_get_ready    (BlImportDialog *self);
GListModel     *bl_import_dialog_get_preview  (BlImportDialog *self);
const char     *bl_import_dialog_get_preview_cell (BlImportDialog *self,
                                                   guint           row,
                                                   const char     *column);
AdwToast       *bl_import_dialog_create_toast (BlImportDialog *self);

G_END_DECLS
