/* bl-window-drafts.c — drafts of a Borderline window's unsaved work
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A few seconds after each change, the project is written to a draft, off
 * the main thread; a save or a discard removes it. A draft that a crash or a kill left behind is offered back
 * when its project is opened, or in the first empty window.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-draft.h"
#include "bl-window-private.h"

/* Writing drafts */

typedef struct _DraftWrite {
  BlWindow     *window;
  char         *path;
  guint64       generation;   /* of the history when the draft was taken */
  GCancellable *cancellable;
  gboolean      discard;      /* no longer wanted (and removed) */
} DraftWrite;

static void
on_draft_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DraftWrite *write = user_data;
  BlWindow *self = write->window;
  g_autoptr(GError) error = NULL;
  gboolean written = bl_draft_write_finish (result, &error);

  /* saved or discarded meanwhile, bl_window_discard_draft() removed it: nothing to do */
  if (!write->discard)
    {
      if (written)
        self->draft_generation = write->generation;
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not keep a draft of the unsaved changes: %s", error->message);
    }

  if (self->draft_write == write)
    self->draft_write = NULL;

  g_object_unref (write->cancellable);
  g_free (write->path);
  g_object_unref (write->window);
  g_free (write);
}

static gboolean
write_draft (gpointer user_data)
{
  BlWindow *self = user_data;
  DraftWrite *write;

  self->draft_source = 0;
  if (self->project == NULL || self->history == NULL)
    return G_SOURCE_REMOVE;

  /* one draft at a time: the next once this one is written */
  if (self->draft_write != NULL)
    {
      self->draft_source = g_timeout_add_seconds (1, write_draft, self);
      return G_SOURCE_REMOVE;
    }

  if (self->draft_path == NULL)
    self->draft_path = bl_draft_path_for (self->file, self->untitled_key);

  /* serialised on a worker from a snapshot: a big project never stalls
   * typing */
  write = g_new0 (DraftWrite, 1);
  write->window = g_object_ref (self);
  write->path = g_strdup (self->draft_path);
  write->generation = bl_history_get_generation (self->history);
  write->cancellable = g_cancellable_new ();
  self->draft_write = write;
  bl_draft_write_async (self->project, write->path, self->file, write->cancellable, on_draft_written, write);

  return G_SOURCE_REMOVE;
}

void
bl_window_discard_draft (BlWindow *self)
{
  /* a draft being written stops, or finishes before bl_draft_discard()
   * removes it */
  if (self->draft_write != NULL)
    {
      self->draft_write->discard = TRUE;
      g_cancellable_cancel (self->draft_write->cancellable);
      self->draft_write = NULL;
    }
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->draft_path != NULL)
    bl_draft_discard (self->draft_path);
  g_clear_pointer (&self->draft_path, g_free);
}

/* A few seconds after a change, the draft; after a save, none. */
void
bl_window_on_history_changed (BlWindow *self)
{
  bl_window_update_title (self);
  bl_window_update_actions (self);
  bl_window_update_edit_menu (self);

  if (!bl_history_get_modified (self->history))
    {
      bl_window_discard_draft (self);
      return;
    }

  if (bl_history_get_generation (self->history) != self->draft_generation)
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      self->draft_source = g_timeout_add_seconds (3, write_draft, self);
    }
}

/* Unsaved work that was not discarded stays in its draft: written here and
 * now, on the main thread, as the window goes and the main loop may be
 * ending. */
void
bl_window_keep_draft (BlWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->draft_source == 0 || self->project == NULL)
    return;

  /* an older draft still being written stops before it writes */
  if (self->draft_write != NULL)
    g_cancellable_cancel (self->draft_write->cancellable);
  self->draft_write = NULL;
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->draft_path == NULL)
    self->draft_path = bl_draft_path_for (self->file, self->untitled_key);
  if (!bl_draft_write (self->project, self->draft_path, self->file, &error))
    g_warning ("Could not keep a draft of the unsaved changes: %s", error->message);
}

/* Recovering them */

typedef struct {
  BlWindow    *window;
  BlDraftInfo *info;
} RecoverRequest;

static void
recover_request_free (gpointer  data,
                      GClosure *closure)
{
  RecoverRequest *request = data;

  g_object_unref (request->window);
  bl_draft_info_free (request->info);
  g_free (request);
}

static void
on_recover_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RecoverRequest   *request)
{
  BlWindow *self = request->window;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "discard"))
    {
      bl_draft_discard (request->info->path);
      return;
    }
  if (!g_str_equal (response, "recover"))
    return;

  project = bl_draft_load (request->info, &error);
  if (project == NULL)
    {
      bl_window_show_error (self, _("Could Not Recover the Changes"), error);
      return;
    }

  if (request->info->original_uri != NULL)
    original = g_file_new_for_uri (request->info->original_uri);

  bl_window_set_project (self, project, original);
  bl_window_remember_etag (self);

  /* the recovered work is unsaved work: it keeps its draft until saved */
  self->draft_path = g_strdup (request->info->path);
  bl_history_mark_modified (self->history);
  bl_window_toast (self, _("Unsaved changes recovered"));
}

/* Offers to recover a draft a crash or a kill left behind: the newest
 * one, or the one of @file. */
void
bl_window_offer_recovery (BlWindow *self,
                          GFile    *file)
{
  g_autoptr(GPtrArray) drafts = bl_draft_list ();
  g_autofree char *uri = file ? g_file_get_uri (file) : NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) time = NULL;
  RecoverRequest *request;
  AdwMessageDialog *dialog;
  BlDraftInfo *info = NULL;
  const char *name;
  guint found = 0;

  for (guint i = 0; i < drafts->len && info == NULL; i++)
    {
      BlDraftInfo *candidate = g_ptr_array_index (drafts, i);

      if (uri == NULL || g_strcmp0 (candidate->original_uri, uri) == 0)
        {
          info = candidate;
          found = i;
        }
    }
  if (info == NULL)
    return;

  time = g_date_time_new_from_unix_local (info->saved_at);
  when = time ? g_date_time_format (time, "%c") : g_strdup ("");
  name = info->title && *info->title ? info->title : _("Untitled Project");

  dialog = bl_window_new_unsaved_question (self, _("Recover Unsaved Changes?"),
                                           "later", _("_Not Now"),
                                           "recover", _("_Recover"));
  adw_message_dialog_format_body (dialog,
                                  _("Borderline closed before changes to “%s” were saved. "
                                    "A copy of them was kept on %s."),
                                  name, when);

  request = g_new0 (RecoverRequest, 1);
  request->window = g_object_ref (self);
  request->info = g_ptr_array_steal_index (drafts, found);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_recover_response), request,
                         recover_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
bl_window_offer_recovery_at_start (gpointer user_data)
{
  static gboolean offered;
  BlWindow *self = user_data;

  /* once a run, in the first empty window: not again in every new one */
  if (!offered && self->project == NULL && self->load_cancellable == NULL &&
      gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      offered = TRUE;
      bl_window_offer_recovery (self, NULL);
    }
  return G_SOURCE_REMOVE;
}
