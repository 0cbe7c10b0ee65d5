/* bl-window-io.c — opening and saving a Borderline window's project
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening a project off the main thread, with progress and cancellation;
 * the sample; the recent projects on the start page; saving, and Save As,
 * asking first when another program changed the file since; and the
 * question before a window with unsaved changes closes.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-project-io.h"
#include "bl-window-private.h"

#define SAMPLE_RESOURCE "/io/github/borderline/Borderline/samples/csto-isis-k-2023.borderline"
#define MAX_RECENT 6

/* Helpers */

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-borderline",
    .app_name = (char *) "Borderline",
    .app_exec = (char *) "borderline %f",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

typedef void (*ProjectChosenFunc) (BlWindow *self,
                                   GFile    *file);

typedef struct {
  BlWindow          *window;
  ProjectChosenFunc  chosen;
} ChooserRequest;

static void
on_project_chooser_response (GtkNativeDialog *dialog,
                             int              response,
                             gpointer         user_data)
{
  ChooserRequest *request = user_data;
  g_autoptr(BlWindow) self = request->window;
  ProjectChosenFunc chosen = request->chosen;

  g_free (request);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      chosen (self, file);
    }

  g_object_unref (dialog);
}

/* A modal chooser of Borderline projects, not shown yet: the file chosen
 * goes to @chosen. */
static GtkFileChooserNative *
project_chooser_new (BlWindow             *self,
                     const char           *title,
                     GtkFileChooserAction  action,
                     const char           *accept_label,
                     ProjectChosenFunc     chosen)
{
  ChooserRequest *request = g_new0 (ChooserRequest, 1);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Borderline Projects"));
  gtk_file_filter_add_pattern (filter, "*.borderline");
  gtk_file_filter_add_mime_type (filter, "application/x-borderline");

  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  request->window = g_object_ref (self);
  request->chosen = chosen;
  g_signal_connect (dialog, "response", G_CALLBACK (on_project_chooser_response), request);
  return dialog;
}

/* The entity tag of @file as it is on disk now, or NULL */
static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

void
bl_window_remember_etag (BlWindow *self)
{
  g_clear_pointer (&self->file_etag, g_free);
  if (self->file != NULL)
    self->file_etag = query_etag (self->file);
}

/* Loading */

static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  BlWindow *self = user_data;

  g_atomic_int_set (&self->load_permille, (gint) (fraction * 1000));
}

static gboolean
on_progress_tick (gpointer user_data)
{
  BlWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->loading_progress,
                                 g_atomic_int_get (&self->load_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
stop_loading (BlWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->load_cancellable);
  bl_window_update_actions (self);
}

typedef struct {
  BlWindow *window;
  GFile    *file;
} LoadRequest;

static void
on_project_loaded (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadRequest *request = user_data;
  g_autoptr(BlWindow) self = request->window;
  g_autoptr(GFile) file = request->file;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_free (request);

  project = bl_project_load_finish (result, &error);
  stop_loading (self);

  if (project == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->project ? "project" : "empty");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bl_window_show_error (self, _("Could Not Open the Project"), error);
      return;
    }

  add_to_recent (file);
  bl_window_set_project (self, project, file);
  bl_window_remember_etag (self);
  bl_window_offer_recovery (self, file);
}

static void
start_loading (BlWindow *self,
               GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Opening “%s”…"), name);
  LoadRequest *request;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  self->load_cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->load_permille, 0);
  gtk_progress_bar_set_fraction (self->loading_progress, 0);
  adw_status_page_set_title (self->loading_page, title);
  gtk_stack_set_visible_child_full (self->stack, "loading", GTK_STACK_TRANSITION_TYPE_NONE);
  self->progress_source = g_timeout_add (100, on_progress_tick, self);
  bl_window_update_actions (self);

  request = g_new0 (LoadRequest, 1);
  request->window = g_object_ref (self);
  request->file = g_object_ref (file);
  bl_project_load_async (file, self->load_cancellable, on_load_progress, self,
                         on_project_loaded, request);
}

/* Recent projects */

static void
on_recent_row_activated (AdwActionRow *row,
                         gpointer      user_data)
{
  BlWindow *self = user_data;
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  bl_window_open_file (self, file);
}

void
bl_window_fill_recent_list (BlWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL && shown < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *name = NULL;
      g_autofree char *where = NULL;
      GtkWidget *row;

      if (!gtk_recent_info_has_application (info, "Borderline") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      name = g_file_get_basename (file);
      where = bl_file_get_display_name (file);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_recent_row_activated), self, 0);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_label), shown > 0);
}

/* Open */

void
bl_window_open_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = project_chooser_new (self, _("Open Project"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                bl_window_open_file);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
bl_window_open_sample_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &len);
      project = bl_project_load_from_data (data, len, _("Sample project"), NULL, NULL, NULL, &error);
    }

  if (project == NULL)
    {
      bl_window_show_error (self, _("Could Not Open the Sample"), error);
      return;
    }

  /* The sample is a new, unsaved project: Save asks where. */
  bl_window_set_project (self, project, NULL);
}

/* Save */

typedef struct {
  BlWindow *window;
  guint64   generation;
} SaveRequest;

static void
on_saved (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(BlWindow) self = request->window;
  guint64 generation = request->generation;
  g_autoptr(GError) error = NULL;

  g_free (request);

  if (!bl_project_save_finish (result, &error))
    {
      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        bl_window_show_error (self, _("Could Not Save the Project"), error);
      return;
    }

  /* saved as it was when the save began: unmodified unless edited since */
  if (self->history != NULL && bl_history_get_generation (self->history) == generation)
    bl_history_mark_saved (self->history);

  bl_window_remember_etag (self);
  add_to_recent (self->file);
  bl_window_toast (self, _("Project saved"));

  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_now (BlWindow *self,
          GFile    *file)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  /* a new file for this project: its draft moves with it */
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      bl_window_discard_draft (self);
      g_set_object (&self->file, file);
      if (self->feeds != NULL)
        bl_feed_manager_set_file (self->feeds, file);
    }
  bl_window_update_title (self);

  request->window = g_object_ref (self);
  request->generation = self->history ? bl_history_get_generation (self->history) : 0;
  bl_project_save_async (self->project, file, NULL, on_saved, request);
}

static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             BlWindow         *self)
{
  if (g_str_equal (response, "overwrite"))
    save_now (self, self->file);
  else if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
  else
    self->close_after_save = FALSE;
}

/* Saving over a file that another program changed since it was opened or
 * saved here asks first. */
static void
save_to (BlWindow *self,
         GFile    *file)
{
  g_autofree char *etag = NULL;

  if (self->file != NULL && g_file_equal (self->file, file) && self->file_etag != NULL)
    etag = query_etag (file);

  if (etag != NULL && g_strcmp0 (etag, self->file_etag) != 0)
    {
      g_autofree char *name = g_file_get_basename (file);
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("The File Was Changed by Another Program"),
                                                           NULL));
      adw_message_dialog_format_body (dialog,
                                      _("“%s” changed on disk since it was opened here. "
                                        "Saving now replaces those changes with yours."), name);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "save-as");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_changed_on_disk_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  save_now (self, file);
}

/* Saves as @chosen, with the extension that makes it open in Borderline
 * again. */
static void
save_as_chosen (BlWindow *self,
                GFile    *chosen)
{
  g_autoptr(GFile) file = g_object_ref (chosen);
  g_autofree char *name = g_file_get_basename (file);

  if (self->project == NULL)
    return;

  if (!g_str_has_suffix (name, ".borderline"))
    {
      g_autofree char *with_ext = g_strconcat (name, ".borderline", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      g_object_unref (file);
      file = g_file_get_child (parent, with_ext);
    }

  save_to (self, file);
}

void
bl_window_save_as_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  GtkFileChooserNative *dialog;
  const char *title;

  if (self->project == NULL)
    return;

  dialog = project_chooser_new (self, _("Save Project"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                save_as_chosen);

  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
  else
    {
      g_autofree char *name = NULL;

      title = bl_project_get_title (self->project);
      name = g_strdup_printf ("%s.borderline", title && *title ? title : _("Untitled"));
      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
bl_window_save_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->project == NULL)
    return;

  if (self->file == NULL)
    bl_window_save_as_action (widget, "win.save-as", NULL);
  else
    save_to (self, self->file);
}

/* Closing with unsaved changes */

static gboolean
destroy_window (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   BlWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      bl_window_discard_draft (self);
      if (self->history != NULL)
        bl_history_mark_saved (self->history);
      /* after the dialog has closed itself */
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

gboolean
bl_window_ask_about_unsaved_changes (BlWindow *self)
{
  const char *title = bl_project_get_title (self->project);
  AdwMessageDialog *dialog;

  dialog = bl_window_new_unsaved_question (self, _("Save Changes?"),
                                           "cancel", _("_Cancel"),
                                           "save", _("_Save"));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has changes that are not saved. Changes that are not saved are lost."),
                                  title && *title ? title : _("Untitled Project"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Public API */

/**
 * bl_window_open_file:
 * @file: a .borderline file
 *
 * Opens @file in this window, in the background; the window shows the
 * progress and, on failure, what went wrong.
 */
void
bl_window_open_file (BlWindow *self,
                     GFile    *file)
{
  g_return_if_fail (BL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_loading (self, file);
}
