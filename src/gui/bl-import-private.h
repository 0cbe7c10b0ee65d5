/* bl-import-private.h — what the import dialog's files share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to the import dialog (bl-import-dialog.c): its work on worker
 * threads (bl-import-read.c), and the rows of its preview — the first
 * records of a file as they would import, each with its problems — the
 * columns that show them, the words for the counts, and the report shown
 * after an import (bl-import-preview.c).
 */
#pragma once

#include <adwaita.h>

#include "bl-format.h"

G_BEGIN_DECLS

typedef enum {
  BL_PREVIEW_NUMBER,
  BL_PREVIEW_STATEMENT,
  BL_PREVIEW_PROBLEMS,
  BL_PREVIEW_CLAIMANT,
  BL_PREVIEW_SOURCE,
  BL_PREVIEW_SAID_ON,
  BL_PREVIEW_ABOUT,
  BL_PREVIEW_LOCATION,
  BL_PREVIEW_FIGURE,
  BL_PREVIEW_TOPIC,
  BL_PREVIEW_TAGS,
  BL_N_PREVIEW_COLUMNS
} BlPreviewColumn;

#define BL_TYPE_IMPORT_ROW (bl_import_row_get_type ())
G_DECLARE_FINAL_TYPE (BlImportRow, bl_import_row, BL, IMPORT_ROW, GObject)

const char *bl_import_row_get_cell        (BlImportRow     *row,
                                           BlPreviewColumn  column);
const char *bl_import_preview_column_id   (BlPreviewColumn  column);

void        bl_import_preview_setup       (GtkColumnView   *view);
void        bl_import_preview_set_number_title (GtkColumnView *view,
                                                BlFormat       format);
void        bl_import_preview_fill        (GListStore      *store,
                                           BlProject       *project,
                                           BlImportReport  *report,
                                           guint            max_rows);
void        bl_import_describe_format     (BlFormat         format,
                                           const char     **heading,
                                           const char     **help);
char       *bl_import_preview_summary     (BlImportReport  *report);
char       *bl_import_preview_problems    (BlImportReport  *report,
                                           guint            max_shown);
char       *bl_import_preview_place       (const char      *name,
                                           const char      *message);
void        bl_import_show_details        (GtkWindow       *parent,
                                           const char      *title,
                                           const char      *text);
AdwToast   *bl_import_toast_new           (GtkWindow       *parent,
                                           const char      *title,
                                           const char      *details_title,
                                           const char      *details);

/* Reading the file, once (a GTask's task data: the #GFile) */
typedef struct {
  GBytes   *bytes;
  BlFormat  format;
  GStrv     names;       /* of the columns or properties, or NULL */
  GStrv     samples;     /* the first row's cells (CSV), or NULL */
} BlImportRead;

void        bl_import_read_free           (BlImportRead    *read);
void        bl_import_read_thread         (GTask           *task,
                                           gpointer         source_object,
                                           gpointer         task_data,
                                           GCancellable    *cancellable);

/* Importing it with a mapping (a GTask's task data: a BlImportJob) */
typedef struct {
  GBytes         *bytes;
  char           *name;
  BlFormat        format;
  BlFieldMapping  mapping;
  gboolean        has_mapping;
  guint           max_records;   /* 0: the whole file */
  guint           generation;    /* of the mapping */
} BlImportJob;

typedef struct {
  BlProject      *project;
  BlImportReport *report;
  GError         *error;
} BlImportJobResult;

void        bl_import_job_free            (BlImportJob       *job);
void        bl_import_job_result_free     (BlImportJobResult *result);
void        bl_import_job_thread          (GTask             *task,
                                           gpointer           source_object,
                                           gpointer           task_data,
                                           GCancellable      *cancellable);

GHashTable *bl_import_origins_for         (GFile           *file);
void        bl_import_add_filters         (GtkFileChooser  *chooser);

G_END_DECLS
