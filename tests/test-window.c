/* test-window.c — the window opens a project, in a real window under Xvfb
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bl-basemap-source.h"
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bl-application.h"
#include "bl-draft.h"
#include "bl-project-io.h"
#include "bl-window.h"
#include "display-helpers.h"
#include "test-helpers.h"

static void
test_window_opens_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  BlWindow *window = g_object_new (BL_TYPE_WINDOW, NULL);
  GtkListView *list;
  GListModel *model;
  AdwWindowTitle *title;

  gtk_window_present (GTK_WINDOW (window));
  bl_window_open_file (window, file);
  bl_test_wait_for (bl_test_project_shown, window, 20, "the window");

  /* the title is the project's */
  title = ADW_WINDOW_TITLE (bl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_cmpstr (adw_window_title_get_title (title), ==,
                   "ISIS-K near the Afghan–Tajik border, February 2023");
  g_assert_true (g_file_equal (bl_window_get_file (window), file));

  /* the claim list shows every claim */
  list = GTK_LIST_VIEW (bl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "claim-list"));
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list)));
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 16);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
error_shown (gpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = TRUE;

  g_list_free (toplevels);
  return found;
}

static void
test_window_bad_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("borderline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BlWindow *window = g_object_new (BL_TYPE_WINDOW, NULL);
  GList *toplevels;
  AdwMessageDialog *dialog = NULL;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"borderline\", \"version\": 1, \"claims\": [{\"id\": \"x\"}]}", -1, NULL));

  gtk_window_present (GTK_WINDOW (window));
  bl_window_open_file (window, file);
  bl_test_wait_for (error_shown, NULL, 20, "the window");

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      dialog = l->data;
  g_list_free (toplevels);

  /* the message says where, in words */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "$.claims[0]: a claim needs a “statement”"));
  g_assert_null (bl_window_get_project (window));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static AdwMessageDialog *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        gtk_window_get_transient_for (l->data) != NULL &&
        gtk_widget_get_visible (GTK_WIDGET (gtk_window_get_transient_for (l->data))))
      dialog = l->data;

  g_list_free (toplevels);
  return dialog;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* As a click on a response button does: the response, then the dialog
 * closes. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static const char *
shown_title (BlWindow *window)
{
  return adw_window_title_get_title (ADW_WINDOW_TITLE (bl_test_find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL)));
}

static gboolean
title_unmarked (gpointer data)
{
  return !g_str_has_prefix (shown_title (data), "•");
}

/* An edit marks the title; Ctrl+Z (a real key press) takes it back and
 * the mark goes; closing with unsaved changes asks first. */
static void
test_window_undo_and_close (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  BlWindow *window = g_object_new (BL_TYPE_WINDOW, NULL);
  BlClaimStore *store;
  BlClaimRecord r;
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  bl_window_open_file (window, file);
  bl_test_wait_for (bl_test_project_shown, window, 20, "the window");

  store = bl_project_get_claims (bl_window_get_project (window));
  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c-rahmon-6000"), &r);
  r.statement = "Edited in a test";
  g_assert_true (bl_history_replace_claim (bl_window_get_history (window), &r, "Edit Claim"));
  g_assert_true (g_str_has_prefix (shown_title (window), "•"));

  bl_test_wait_for_frames (GTK_WIDGET (window), 2);
  bl_test_keys (GTK_WIDGET (window), "ctrl+z");
  bl_test_wait_for (title_unmarked, window, 10, "Ctrl+Z to undo the edit");
  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c-rahmon-6000"), &r);
  g_assert_cmpstr (r.statement, ==, "At least 6,000 terrorists operate in Afghanistan.");

  /* redo, then close: a question, and Cancel keeps the window */
  g_assert_true (bl_history_redo (bl_window_get_history (window)));
  gtk_window_close (GTK_WINDOW (window));
  bl_test_wait_for (dialog_shown, NULL, 10, "the question about unsaved changes");
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  respond (dialog, "cancel");
  bl_test_wait_for (no_dialog, NULL, 10, "the question to go away");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_nonnull (bl_window_get_project (window));

  /* discard closes it */
  gtk_window_close (GTK_WINDOW (window));
  bl_test_wait_for (dialog_shown, NULL, 10, "the question again");
  respond (find_dialog (), "discard");
  bl_test_wait_for (no_dialog, NULL, 10, "the question to go away");
}

static gboolean
recovered (gpointer data)
{
  BlProject *project = bl_window_get_project (data);

  return project != NULL && g_strcmp0 (bl_project_get_title (project), "Recovered title") == 0;
}

/* A draft left by a crash is offered, and recovering it restores the
 * work as unsaved changes to the original file. */
static void
test_window_recover (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(BlProject) project = bl_project_load (file, NULL, NULL);
  g_autofree char *draft = bl_draft_path_for (file, NULL);
  g_autoptr(GError) error = NULL;
  BlWindow *window;
  AdwMessageDialog *dialog;

  bl_project_set_title (project, "Recovered title");
  g_assert_true (bl_draft_write (project, draft, file, &error));
  g_assert_no_error (error);

  window = g_object_new (BL_TYPE_WINDOW, NULL);
  gtk_window_present (GTK_WINDOW (window));
  bl_test_wait_for (dialog_shown, NULL, 10, "the offer to recover");
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Recover Unsaved Changes?");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  respond (dialog, "recover");

  bl_test_wait_for (recovered, window, 10, "the draft to be recovered");
  g_assert_true (g_file_equal (bl_window_get_file (window), file));
  g_assert_true (bl_history_get_modified (bl_window_get_history (window)));
  g_assert_true (g_str_has_prefix (shown_title (window), "•"));

  /* Discarding on close removes the draft */
  gtk_window_close (GTK_WINDOW (window));
  bl_test_wait_for (dialog_shown, NULL, 10, "the question about unsaved changes");
  respond (find_dialog (), "discard");
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
}

static gboolean
draft_has_edit (gpointer data)
{
  const char *path = data;
  g_autofree char *text = NULL;

  return g_file_get_contents (path, &text, NULL, NULL) && strstr (text, "Edited for the draft") != NULL;
}

static gboolean
draft_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

/* A few seconds after an edit the draft holds it (written on a worker
 * from a snapshot); the edit undone, the project is as saved and the
 * draft goes. */
static void
test_window_draft_after_edit (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autofree char *draft = bl_draft_path_for (file, NULL);
  BlWindow *window = g_object_new (BL_TYPE_WINDOW, NULL);
  BlClaimStore *store;
  BlClaimRecord r;

  bl_draft_discard (draft);
  gtk_window_present (GTK_WINDOW (window));
  bl_window_open_file (window, file);
  bl_test_wait_for (bl_test_project_shown, window, 20, "the window");

  store = bl_project_get_claims (bl_window_get_project (window));
  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c-rahmon-6000"), &r);
  r.statement = "Edited for the draft";
  g_assert_true (bl_history_replace_claim (bl_window_get_history (window), &r, "Edit Claim"));
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));   /* not at once */

  bl_test_wait_for (draft_has_edit, draft, 20, "the draft with the edit");

  g_assert_true (bl_history_undo (bl_window_get_history (window)));
  bl_test_wait_for (draft_gone, draft, 10, "the draft to go once nothing is unsaved");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The user guide is one key away and in the main menu */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;

      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) sub = g_menu_link_iter_get_value (links);

          if (menu_has_action (sub, action))
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_window_help (void)
{
  g_autoptr(BlApplication) app = bl_application_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;
  GtkMenuButton *menu_button;
  BlWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_cmpstrv (accels, ((const char *[]) { "F1", NULL }));

  window = g_object_new (BL_TYPE_WINDOW, "application", app, NULL);
  menu_button = GTK_MENU_BUTTON (bl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, "primary-menu"));
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "app.help"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("borderline-data-XXXXXX", NULL);

  /* drafts go to a folder of this test's own */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/opens-sample", test_window_opens_sample);
  g_test_add_func ("/window/bad-file", test_window_bad_file);
  g_test_add_func ("/window/undo-and-close", test_window_undo_and_close);
  g_test_add_func ("/window/recover", test_window_recover);
  g_test_add_func ("/window/help", test_window_help);
  g_test_add_func ("/window/draft-after-edit", test_window_draft_after_edit);

  return bl_test_run_display ();
}
