/* bl-export-dialog-private.h — what the export dialog's files share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-export-dialog.h"
#include "bl-filter.h"
#include "bl-visible-claims.h"

G_BEGIN_DECLS

struct _BlExportDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  GtkWidget            *export_button;
  GtkSpinner           *spinner;
  GtkWidget            *settings_page;
  GtkPicture           *preview;
  GtkLabel             *summary_label;
  AdwComboRow          *format_row;
  AdwComboRow          *preset_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwComboRow          *extent_row;
  GtkEditable          *title_entry;
  GtkEditable          *subtitle_entry;
  GtkSwitch            *legend_switch;
  GtkSwitch            *scale_bar_switch;
  GtkSwitch            *north_arrow_switch;
  GtkSwitch            *inset_switch;
  GtkSwitch            *citations_switch;
  GtkSwitch            *timeline_switch;
  GtkSwitch            *footer_switch;

  /* owned */
  GSettings            *settings;
  BlProject            *project;
  BlBasemapRenderer    *basemap;       /* nullable */
  char                 *selected_claim;
  GtkFileChooserNative *chooser;
  GArray               *extents;       /* Extent: the rows of extent_row */
  GCancellable         *cancellable;   /* of the export running */
  GCancellable         *preview_cancellable;
  BlFilter             *filter;        /* a copy of the window's */
  BlVisibleClaims      *visible;       /* the project with it (so that
                                        * the filter follows a removed
                                        * topic); main thread only */

  /* state */
  BlMapFrame            screen_frame;
  gboolean              has_screen_frame;
  int                   screen_scale;
  BlColorBy             color_by;
  guint                 preview_source;
  gboolean              preview_running;
  gboolean              preview_stale;
  gboolean              ready;         /* set up: changes are the user's */
  gboolean              busy;
};

/* bl-export-dialog-render.c */
void bl_export_dialog_start_preview    (BlExportDialog *self);
void bl_export_dialog_schedule_preview (BlExportDialog *self);

G_END_DECLS
