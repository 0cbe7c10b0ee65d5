/* test-window.c — the window opens a project, in a real window under Xvfb
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bl-window.h"

#define SAMPLE BL_SOURCE_DIR "/data/samples/csto-isis-k-2023.borderline"

/* Runs the main loop until @done says so; fails after @seconds. */
static void
wait_for (gboolean (*done) (gpointer),
          gpointer   data,
          guint      seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %u s", seconds);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
project_shown (gpointer data)
{
  BlWindow *window = data;
  GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (window));

  (void) stack;
  return bl_window_get_project (window) != NULL;
}

/* The first widget of @type (and, if given, @name) under @root. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found)
        return found;
    }

  return NULL;
}

static void
test_window_opens_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE);
  BlWindow *window = g_object_new (BL_TYPE_WINDOW, NULL);
  GtkListView *list;
  GListModel *model;
  AdwWindowTitle *title;

  gtk_window_present (GTK_WINDOW (window));
  bl_window_open_file (window, file);
  wait_for (project_shown, window, 20);

  /* the title is the project's */
  title = ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE, NULL));
  g_assert_cmpstr (adw_window_title_get_title (title), ==,
                   "ISIS-K near the Afghan–Tajik border, February 2023");
  g_assert_true (g_file_equal (bl_window_get_file (window), file));

  /* the claim list shows every claim */
  list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "claim-list"));
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
  wait_for (error_shown, NULL, 20);

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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/opens-sample", test_window_opens_sample);
  g_test_add_func ("/window/bad-file", test_window_bad_file);

  return g_test_run ();
}
