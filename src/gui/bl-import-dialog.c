/* bl-import-dialog.c — importing a GeoJSON or CSV file into a project
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlImportDialog asks for a file (GeoJSON, CSV, an ACLED export or a
 * Borderline project), tells its format by its content, and, for a CSV
 * table or GeoJSON properties, lets the user say which claim field each
 * column fills, with drop-downs that start from core's guesses
 * (bl_field_mapping_guess()). A live preview shows the first records as
 * they would import, each with its problems in words, and the counts of
 * the whole file. Import merges the claims into the open project as one
 * undo step (bl_project_merge()), or, with no project open, hands the
 * imported project to the window as a new, unsaved one. It parses
 * nothing itself: every reading is core's bl_import_data().
 *
 * Threads. The file is read into memory once, on a worker thread (GTask);
 * each mapping change then imports it again on a worker, twice: first
 * only the records the preview shows (a big file previews at once), then
 * the whole file for the counts and for Import. Each run has its own
 * cancellable: a change cancels the runs of the mapping before it, and
 * closing the dialog cancels everything. The workers read only the bytes
 * and their own copy of the mapping; the open project is touched only on
 * the main thread, by the merge.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-import-dialog.h"
#include "bl-import-private.h"
#include "bl-merge.h"
#include "bl-project-io.h"

/* How long the preview waits after the last change, in milliseconds. */
#define PREVIEW_DELAY 150

/* How many problems the dialog lists under the counts. */
#define PROBLEMS_SHOWN 4

struct _BlImportDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkSpinner           *spinner;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  GtkLabel             *mapping_heading;
  GtkLabel             *mapping_help;
  GtkListBox           *mapping_list;
  GtkLabel             *preview_help;
  GtkColumnView        *preview_view;
  GtkLabel             *summary_label;
  GtkLabel             *problems_label;

  /* borrowed */
  BlHistory            *history;        /* nullable: no project open */

  /* owned */
  GFile                *file;
  char                 *name;           /* as messages name it */
  GBytes               *bytes;
  BlFormat              format;
  GStrv                 names;          /* columns or properties */
  GPtrArray            *rows;           /* AdwComboRow, one per name */
  GListStore           *preview;        /* BlImportRow */
  GCancellable         *read_cancellable;
  GCancellable         *cancellable;    /* of the current mapping's runs */
  BlProject            *result;         /* the whole file, imported */
  BlImportReport       *result_report;
  char                 *toast_title;
  char                 *details;

  /* state */
  guint                 preview_source;
  guint                 generation;
  gboolean              reading;
  gboolean              previewing;
  gboolean              counting;
  gboolean              updating_rows;
};

G_DEFINE_FINAL_TYPE (BlImportDialog, bl_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The fields a column can fill, in the order the drop-downs offer them
 * (after "Ignore"): the common ones first, then the rest. */
static const BlField offered[] = {
  BL_FIELD_STATEMENT, BL_FIELD_CLAIMANT, BL_FIELD_SOURCE, BL_FIELD_URL,
  BL_FIELD_SAID_ON, BL_FIELD_ABOUT, BL_FIELD_LATITUDE, BL_FIELD_LONGITUDE,
  BL_FIELD_PLACE, BL_FIELD_QUANTITY, BL_FIELD_UNIT, BL_FIELD_TOPIC,
  BL_FIELD_STANCE, BL_FIELD_TAGS, BL_FIELD_NOTES,
  BL_FIELD_ID, BL_FIELD_QUOTE, BL_FIELD_CREDIBILITY, BL_FIELD_PRECISION,
  BL_FIELD_AREAS, BL_FIELD_POLYGON,
  BL_FIELD_CLAIMANT_ID, BL_FIELD_CLAIMANT_ROLE, BL_FIELD_CLAIMANT_AFFILIATION,
  BL_FIELD_CLAIMANT_KIND, BL_FIELD_CLAIMANT_RELIABILITY,
  BL_FIELD_SOURCE_ID, BL_FIELD_SOURCE_KIND, BL_FIELD_SOURCE_PUBLISHED,
  BL_FIELD_SOURCE_RETRIEVED, BL_FIELD_SOURCE_LANGUAGE, BL_FIELD_SOURCE_RELIABILITY,
  BL_FIELD_SOURCE_ORIGIN,
  BL_FIELD_TOPIC_ID, BL_FIELD_TOPIC_DESCRIPTION,
  BL_FIELD_QUANTITY_VALUE, BL_FIELD_QUANTITY_MIN, BL_FIELD_QUANTITY_MAX,
  BL_FIELD_QUANTITY_QUALIFIER, BL_FIELD_QUANTITY_UNIT, BL_FIELD_QUANTITY_TEXT,
  BL_FIELD_RELATIONS,
};

G_STATIC_ASSERT (G_N_ELEMENTS (offered) == BL_N_FIELDS);

static void schedule_preview (BlImportDialog *self);

/* The mapping */

static guint
offered_index (BlField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    if (offered[i] == field)
      return i + 1;
  return 0;
}

static void
get_mapping (BlImportDialog *self,
             BlFieldMapping *mapping)
{
  bl_field_mapping_init (mapping);
  for (guint i = 0; i < self->rows->len; i++)
    {
      guint choice = adw_combo_row_get_selected (g_ptr_array_index (self->rows, i));

      if (choice > 0 && choice <= G_N_ELEMENTS (offered))
        bl_field_mapping_set (mapping, offered[choice - 1], self->names[i]);
    }
}

/* A field is filled by one column: choosing it for one sets the column
 * that had it to Ignore. */
static void
on_row_selected (AdwComboRow    *row,
                 GParamSpec     *pspec,
                 BlImportDialog *self)
{
  guint choice = adw_combo_row_get_selected (row);

  if (self->updating_rows)
    return;

  self->updating_rows = TRUE;
  if (choice > 0)
    for (guint i = 0; i < self->rows->len; i++)
      {
        AdwComboRow *other = g_ptr_array_index (self->rows, i);

        if (other != row && adw_combo_row_get_selected (other) == choice)
          adw_combo_row_set_selected (other, 0);
      }
  self->updating_rows = FALSE;
  schedule_preview (self);
}

static GListModel *
field_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  /* Translators: a column that fills no field of the claims */
  gtk_string_list_append (list, _("Ignore"));
  for (guint i = 0; i < G_N_ELEMENTS (offered); i++)
    gtk_string_list_append (list, bl_field_get_label (offered[i]));
  return G_LIST_MODEL (list);
}

static void
build_mapping_rows (BlImportDialog *self,
                    GStrv           samples)
{
  g_auto(BlFieldMapping) guess;
  g_autoptr(GListModel) model = field_model ();
  guint n = g_strv_length (self->names);

  bl_field_mapping_init (&guess);
  bl_field_mapping_guess (&guess, (const char * const *) self->names, n);

  self->updating_rows = TRUE;
  for (guint i = 0; i < n; i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      guint choice = 0;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->names[i][0] ? self->names[i] : _("(no name)"));
      if (samples != NULL && samples[i] != NULL && samples[i][0])
        {
          g_autofree char *sample = g_strdelimit (g_strdup (samples[i]), "\n\r\t", ' ');

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
        }
      adw_combo_row_set_model (row, model);
      for (guint f = 0; f < BL_N_FIELDS; f++)
        if (guess.names[f] != NULL && g_strcmp0 (guess.names[f], self->names[i]) == 0)
          choice = offered_index ((BlField) f);
      adw_combo_row_set_selected (row, choice);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_row_selected), self, 0);
      gtk_widget_set_name (GTK_WIDGET (row), self->names[i]);
      gtk_list_box_append (self->mapping_list, GTK_WIDGET (row));
      g_ptr_array_add (self->rows, row);
    }
  self->updating_rows = FALSE;
}

/* The preview and the counts */

static void
update_busy (BlImportDialog *self)
{
  gboolean busy = self->reading || self->previewing || self->counting;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 !busy && self->result != NULL &&
                                 bl_import_report_get_n_imported (self->result_report) > 0);
}

static void start_job (BlImportDialog *self,
                       guint           max_records);

static void
show_problem (BlImportDialog *self,
              const char     *summary,
              const char     *problems)
{
  g_autofree char *text = bl_import_preview_place (self->name, summary);

  /* the message of an error starts with the file, which the title names */
  text[0] = g_ascii_toupper (text[0]);
  gtk_label_set_text (self->summary_label, text);
  gtk_label_set_text (self->problems_label, problems ? problems : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems != NULL);
}

static void
on_job_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  BlImportDialog *self = BL_IMPORT_DIALOG (source_object);
  BlImportJob *job = g_task_get_task_data (G_TASK (result));
  gboolean full = job->max_records == 0;
  g_autoptr(GError) error = NULL;
  BlImportJobResult *r = g_task_propagate_pointer (G_TASK (result), &error);

  if (r == NULL || job->generation != self->generation)
    {
      g_clear_pointer (&r, bl_import_job_result_free);
      return;
    }

  if (!full)
    {
      self->previewing = FALSE;
      bl_import_preview_fill (self->preview, r->project, r->report, BL_IMPORT_DIALOG_PREVIEW_ROWS);
      if (r->report == NULL || bl_import_report_get_n_records (r->report) == 0)
        if (r->error != NULL)
          show_problem (self, r->error->message, NULL);
      if (r->error == NULL || (r->report != NULL && bl_import_report_get_n_records (r->report) > 0))
        start_job (self, 0);
      bl_import_job_result_free (r);
      update_busy (self);
      return;
    }

  self->counting = FALSE;
  g_clear_object (&self->result);
  g_clear_pointer (&self->result_report, bl_import_report_free);
  if (r->report != NULL)
    {
      g_autofree char *summary = bl_import_preview_summary (r->report);
      g_autofree char *problems = bl_import_preview_problems (r->report, PROBLEMS_SHOWN);

      if (r->error != NULL)
        {
          g_autofree char *why = bl_import_preview_place (self->name, r->error->message);
          g_autofree char *both = g_strdup_printf ("%s\n%s", why, problems ? problems : "");

          show_problem (self, _("Nothing can be imported"), g_strstrip (both));
        }
      else
        show_problem (self, summary, problems);
    }
  else if (r->error != NULL)
    show_problem (self, r->error->message, NULL);

  if (r->error == NULL && r->project != NULL)
    {
      self->result = g_steal_pointer (&r->project);
      self->result_report = g_steal_pointer (&r->report);
    }
  bl_import_job_result_free (r);
  update_busy (self);
}

static void
start_job (BlImportDialog *self,
           guint           max_records)
{
  g_autoptr(GTask) task = NULL;
  BlImportJob *job = g_new0 (BlImportJob, 1);

  job->bytes = g_bytes_ref (self->bytes);
  job->name = g_strdup (self->name);
  job->format = self->format;
  job->max_records = max_records;
  job->generation = self->generation;
  bl_field_mapping_init (&job->mapping);
  if (self->format == BL_FORMAT_CSV || self->format == BL_FORMAT_GEOJSON)
    {
      job->has_mapping = TRUE;
      get_mapping (self, &job->mapping);
    }

  if (max_records > 0)
    self->previewing = TRUE;
  else
    {
      self->counting = TRUE;
      gtk_label_set_text (self->summary_label, _("Counting the records…"));
      gtk_widget_set_visible (GTK_WIDGET (self->problems_label), FALSE);
    }

  task = g_task_new (self, self->cancellable, on_job_done, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) bl_import_job_free);
  g_task_run_in_thread (task, bl_import_job_thread);
  update_busy (self);
}

static gboolean
on_preview_timeout (gpointer user_data)
{
  BlImportDialog *self = user_data;

  self->preview_source = 0;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->counting = FALSE;
  g_clear_object (&self->result);
  g_clear_pointer (&self->result_report, bl_import_report_free);
  start_job (self, BL_IMPORT_DIALOG_PREVIEW_ROWS);
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (BlImportDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  /* what Import would take is stale from now */
  self->previewing = TRUE;
  g_clear_object (&self->result);
  g_clear_pointer (&self->result_report, bl_import_report_free);
  update_busy (self);
  self->preview_source = g_timeout_add (PREVIEW_DELAY, on_preview_timeout, self);
}

/* Showing the file */

static void
show_format (BlImportDialog *self)
{
  const char *heading = NULL;
  const char *help = NULL;

  bl_import_preview_set_number_title (self->preview_view, self->format);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_list), self->format == BL_FORMAT_CSV ||
                                                          self->format == BL_FORMAT_GEOJSON);
  bl_import_describe_format (self->format, &heading, &help);
  if (heading != NULL)
    gtk_label_set_text (self->mapping_heading, heading);
  gtk_label_set_text (self->mapping_help, help ? help : "");
  {
    g_autofree char *text =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "The first record as it will be imported, with its problems.",
                                    "The first %u records as they will be imported, with their problems.",
                                    BL_IMPORT_DIALOG_PREVIEW_ROWS),
                       BL_IMPORT_DIALOG_PREVIEW_ROWS);

    gtk_label_set_text (self->preview_help, text);
  }
}

static void
show_error (BlImportDialog *self,
            const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  /* the status page's description is markup: the message quotes the file */
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
on_read (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  BlImportDialog *self = BL_IMPORT_DIALOG (source_object);
  g_autoptr(GError) error = NULL;
  BlImportRead *r = g_task_propagate_pointer (G_TASK (result), &error);

  if (r == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->reading = FALSE;
  update_busy (self);
  if (r == NULL)
    {
      show_error (self, error->message);
      return;
    }

  if (!bl_format_can_import (r->format))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s is not a file Borderline imports: choose a GeoJSON file, a CSV table "
                           "or a Borderline project."), self->name);

      bl_import_read_free (r);
      show_error (self, message);
      return;
    }

  self->bytes = g_steal_pointer (&r->bytes);
  self->format = r->format;
  self->names = g_steal_pointer (&r->names);
  if (self->names != NULL)
    build_mapping_rows (self, r->samples);
  bl_import_read_free (r);

  show_format (self);
  gtk_stack_set_visible_child_name (self->stack, "ready");
  on_preview_timeout (self);
}

/* Importing */

static void
add_skipped (GString        *details,
             BlImportReport *report)
{
  g_autofree char *problems = bl_import_report_to_string (report);

  if (problems[0] == '\0')
    return;
  g_string_append_c (details, '\n');
  g_string_append (details, _("Records of the file that were not imported whole:"));
  g_string_append_c (details, '\n');
  g_string_append (details, problems);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BlImportDialog *self = BL_IMPORT_DIALOG (widget);
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autoptr(BlProject) created = NULL;
  g_autoptr(GString) details = g_string_new (NULL);
  guint rejected;

  if (self->result == NULL)
    return;

  rejected = bl_import_report_get_n_rejected (self->result_report);
  if (self->history != NULL)
    {
      g_autoptr(BlMergeReport) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *label = g_strdup_printf (_("Import “%s”"), basename);
      g_autofree char *summary = NULL;
      g_autofree char *text = NULL;
      BlMergeOptions options;

      bl_merge_options_init (&options);
      options.label = label;
      options.origins = bl_import_origins_for (self->file);
      if (!bl_project_merge (bl_history_get_project (self->history), self->result, self->history,
                             &options, &report, &error))
        {
          show_problem (self, _("Could not import"), error->message);
          return;
        }
      summary = bl_merge_report_get_summary (report);
      text = bl_merge_report_to_string (report);
      g_string_append (details, text);
      if (rejected > 0)
        /* Translators: "Imported “events.csv”: 12 claims added, 0 updated, 0 already here; 3 rows skipped" */
        self->toast_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported “%s”: %s; %u record skipped",
                                                          "Imported “%s”: %s; %u records skipped", rejected),
                                             basename, summary, rejected);
      else
        self->toast_title = g_strdup_printf (_("Imported “%s”: %s"), basename, summary);
    }
  else
    {
      guint n = bl_import_report_get_n_imported (self->result_report);
      const char *title = bl_project_get_title (self->result);

      created = g_object_ref (self->result);
      if (title == NULL || title[0] == '\0')
        {
          g_autofree char *stem = g_strdup (basename);
          char *dot = strrchr (stem, '.');

          if (dot != NULL && dot != stem)
            *dot = '\0';
          bl_project_set_title (created, stem);
        }
      self->toast_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u claim from “%s”",
                                                        "Imported %u claims from “%s”", n),
                                           n, basename);
      g_string_append (details, self->toast_title);
      g_string_append_c (details, '\n');
    }
  add_skipped (details, self->result_report);
  self->details = g_string_free (g_steal_pointer (&details), FALSE);

  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, created);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* Choosing the file */

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(BlImportDialog) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      bl_import_dialog_open_file (self, file);
    }
  else
    gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (chooser);
}

/* GObject */

static void
bl_import_dialog_dispose (GObject *object)
{
  BlImportDialog *self = BL_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->read_cancellable != NULL)
    g_cancellable_cancel (self->read_cancellable);

  G_OBJECT_CLASS (bl_import_dialog_parent_class)->dispose (object);
}

static void
bl_import_dialog_finalize (GObject *object)
{
  BlImportDialog *self = BL_IMPORT_DIALOG (object);

  g_clear_object (&self->history);
  g_clear_object (&self->file);
  g_free (self->name);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_strfreev (self->names);
  g_ptr_array_unref (self->rows);
  g_clear_object (&self->preview);
  g_clear_object (&self->read_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->result);
  g_clear_pointer (&self->result_report, bl_import_report_free);
  g_free (self->toast_title);
  g_free (self->details);

  G_OBJECT_CLASS (bl_import_dialog_parent_class)->finalize (object);
}

static void
bl_import_dialog_class_init (BlImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_import_dialog_dispose;
  object_class->finalize = bl_import_dialog_finalize;

  /**
   * BlImportDialog::imported:
   * @created: (nullable): the project made of the file when no project
   *   was open; %NULL when the claims were merged into the open one
   *
   * Emitted when the file was imported, just before the dialog closes.
   * bl_import_dialog_create_toast() then says what was done.
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BL_TYPE_PROJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/borderline/Borderline/bl-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, mapping_heading);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, mapping_help);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, mapping_list);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, preview_help);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BlImportDialog, problems_label);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
bl_import_dialog_init (BlImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->preview = g_list_store_new (BL_TYPE_IMPORT_ROW);
  bl_import_preview_setup (self->preview_view);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->preview)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", FALSE);
}

/* Public API */

/**
 * bl_import_dialog_new:
 * @parent: the window the dialog belongs to
 * @history: (nullable): the open project's history, or %NULL when no
 *   project is open (the import then makes a new project)
 *
 * Returns: (transfer none): a new dialog, not shown yet: show it with
 *   bl_import_dialog_choose_file() or bl_import_dialog_open_file()
 */
BlImportDialog *
bl_import_dialog_new (GtkWindow *parent,
                      BlHistory *history)
{
  BlImportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (history == NULL || BL_IS_HISTORY (history), NULL);

  self = g_object_new (BL_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  if (history != NULL)
    self->history = g_object_ref (history);
  return self;
}

/**
 * bl_import_dialog_choose_file:
 *
 * Asks which file to import; the dialog shows itself with the file
 * chosen, or closes when none is.
 */
void
bl_import_dialog_choose_file (BlImportDialog *self)
{
  GtkFileChooserNative *chooser;
  GtkWindow *parent;

  g_return_if_fail (BL_IS_IMPORT_DIALOG (self));

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  chooser = gtk_file_chooser_native_new (_("Import"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  bl_import_add_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * bl_import_dialog_open_file:
 *
 * Shows the dialog and reads @file (off the main thread).
 */
void
bl_import_dialog_open_file (BlImportDialog *self,
                            GFile          *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BL_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->file == NULL);

  self->file = g_object_ref (file);
  self->name = bl_file_get_display_name (file);
  {
    g_autofree char *basename = g_file_get_basename (file);
    g_autofree char *title = g_strdup_printf (_("Import “%s”"), basename);

    adw_window_title_set_title (self->window_title, title);
    adw_window_title_set_subtitle (self->window_title, self->name);
    gtk_window_set_title (GTK_WINDOW (self), title);
  }

  self->reading = TRUE;
  self->read_cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "loading");
  update_busy (self);

  task = g_task_new (self, self->read_cancellable, on_read, NULL);
  g_task_set_source_tag (task, bl_import_dialog_open_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, bl_import_read_thread);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * bl_import_dialog_get_busy:
 *
 * Returns: whether the file is being read, previewed or counted
 */
gboolean
bl_import_dialog_get_busy (BlImportDialog *self)
{
  g_return_val_if_fail (BL_IS_IMPORT_DIALOG (self), FALSE);

  return self->reading || self->previewing || self->counting || self->preview_source != 0;
}

/**
 * bl_import_dialog_get_ready:
 *
 * Returns: whether Import can be pressed: the whole file was read with
 *   the current mapping and gives claims
 */
gboolean
bl_import_dialog_get_ready (BlImportDialog *self)
{
  g_return_val_if_fail (BL_IS_IMPORT_DIALOG (self), FALSE);

  return !bl_import_dialog_get_busy (self) && self->result != NULL;
}

/**
 * bl_import_dialog_get_preview:
 *
 * Returns: (transfer none): the rows of the preview, #BlImportRow
 */
GListModel *
bl_import_dialog_get_preview (BlImportDialog *self)
{
  g_return_val_if_fail (BL_IS_IMPORT_DIALOG (self), NULL);

  return G_LIST_MODEL (self->preview);
}

/**
 * bl_import_dialog_get_preview_cell:
 * @column: a column's id: "number", "statement", "claimant", "source",
 *   "said-on", "about", "location", "figure", "topic", "tags", "problems"
 *
 * Returns: (nullable): the text the preview shows there
 */
const char *
bl_import_dialog_get_preview_cell (BlImportDialog *self,
                                   guint           row,
                                   const char     *column)
{
  g_autoptr(BlImportRow) item = NULL;

  g_return_val_if_fail (BL_IS_IMPORT_DIALOG (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->preview), row);
  if (item == NULL)
    return NULL;
  for (guint c = 0; c < BL_N_PREVIEW_COLUMNS; c++)
    if (g_strcmp0 (bl_import_preview_column_id (c), column) == 0)
      return bl_import_row_get_cell (item, c);
  return NULL;
}

/**
 * bl_import_dialog_create_toast:
 *
 * Says what the import did, with a Details button that lists it claim
 * by claim. Call it from #BlImportDialog::imported.
 *
 * Returns: (transfer full): a new toast
 */
AdwToast *
bl_import_dialog_create_toast (BlImportDialog *self)
{
  g_return_val_if_fail (BL_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (self->toast_title != NULL, NULL);

  return bl_import_toast_new (gtk_window_get_transient_for (GTK_WINDOW (self)), self->toast_title,
                              gtk_window_get_title (GTK_WINDOW (self)), self->details);
}
