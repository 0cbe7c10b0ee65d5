/* test-import-dialog.c — importing a CSV file through the dialog, on a real window
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the import dialog under Xvfb with real keys and clicks, as a
 * person would: Ctrl+I in the window, the file chosen in the file chooser
 * and Open clicked, the columns of tests/import/odd-header.csv (a header no
 * name guess knows) mapped one by one with the drop-downs; then checks
 * what the preview shows (the mapped values, and the skipped rows with
 * their line numbers and why), imports, finds the claims in the claim
 * list, and takes them back with Ctrl+Z. Without a project open, the
 * import makes a new, unsaved one.
 *
 * BL_TEST_SCREENSHOT_DIR, when set, is where a picture of the dialog is
 * saved.
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "bl-basemap-source.h"
#include "bl-claim.h"
#include "bl-draft.h"
#include "bl-import-dialog.h"
#include "bl-window.h"
#include "display-helpers.h"
#include "test-helpers.h"

#define ODD_CSV BL_SOURCE_DIR "/tests/import/odd-header.csv"
#define EVENTS_GEOJSON BL_SOURCE_DIR "/tests/import/events.geojson"
#define SAMPLE_CLAIMS 16

/* Finding widgets */

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("BL_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  bl_test_wait_for_frames (widget, 3);
  path = g_build_filename (dir, name, NULL);
  if (!bl_test_save_png (widget, path))
    g_test_message ("nothing drawn yet for %s", name);
}

/* Conditions */

static gboolean
dialog_idle (gpointer data)
{
  return !bl_import_dialog_get_busy (data);
}

typedef struct {
  GListModel *model;
  guint       n;
} Count;

static gboolean
count_is (gpointer data)
{
  Count *c = data;

  return g_list_model_get_n_items (c->model) == c->n;
}

/* Steps */

/* An unsaved change leaves a draft, which the next empty window would
 * offer to recover: the next test starts without one. */
static void
discard_drafts (void)
{
  g_autoptr(GPtrArray) drafts = bl_draft_list ();

  for (guint i = 0; i < drafts->len; i++)
    bl_draft_discard (((BlDraftInfo *) g_ptr_array_index (drafts, i))->path);
}

static BlWindow *
open_window (const char *path)
{
  BlWindow *window = g_object_new (BL_TYPE_WINDOW, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 860);
  gtk_window_present (GTK_WINDOW (window));
  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      bl_window_open_file (window, file);
      bl_test_wait_for (bl_test_project_shown, window, 20, "the project");
    }
  bl_test_wait_for_frames (GTK_WIDGET (window), 3);
  return window;
}

/* The file chooser what[0] has the file what[1] selected. */
static gboolean
chooser_has (gpointer data)
{
  gpointer *what = data;
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (what[0]);

  return chosen != NULL && g_file_equal (chosen, what[1]);
}

/* Ctrl+I, then the file chosen in the file chooser and Open clicked. */
static BlImportDialog *
import_with_keys (BlWindow   *window,
                  const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *chooser;
  GtkWidget *open;
  BlImportDialog *dialog;
  gpointer what[2];

  g_test_message ("Ctrl+I");
  bl_test_keys (GTK_WIDGET (window), "ctrl+i");
  /* the portal is asked first, and fails, before GTK's own chooser */
  chooser = bl_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, 30, "the file chooser");
  bl_test_wait_for_frames (chooser, 3);

  /* the file is chosen as a click in its folder would: typing a path
   * races with the entry's completion popup, which takes the Return */
  g_test_message ("choosing %s", path);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  what[0] = chooser;
  what[1] = file;
  bl_test_wait_for (chooser_has, what, 10, "the file to be selected");
  open = bl_test_find_button (chooser, "_Open", TRUE);
  g_assert_nonnull (open);
  bl_test_click_center (open);

  dialog = BL_IMPORT_DIALOG (bl_test_wait_for_toplevel (BL_TYPE_IMPORT_DIALOG, 10, "the import dialog"));
  bl_test_wait_for (dialog_idle, dialog, 20, "the file to be read");
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 3);
  return dialog;
}

static const char *
row_choice (GtkWidget *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (row));

  return item ? gtk_string_object_get_string (item) : NULL;
}

/* The row shows the choice, its list closed. */
static gboolean
row_shows (gpointer data)
{
  gpointer *what = data;

  return g_strcmp0 (row_choice (what[0]), what[1]) == 0 &&
         !gtk_widget_get_mapped (bl_test_find_widget (what[0], GTK_TYPE_POPOVER, NULL));
}

/* Opens the drop-down of the column @column with a click and picks
 * @field with another. */
static void
map_column (BlImportDialog *dialog,
            const char     *column,
            const char     *field)
{
  GtkWidget *row = bl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, column);
  gpointer what[2];

  g_assert_nonnull (row);
  g_test_message ("%s → %s", column, field);
  gtk_widget_grab_focus (row);
  bl_test_wait_for_frames (row, 3);
  bl_test_click_center (row);
  bl_test_wait_for_label (row, field, BL_TEST_LABEL_MAPPED, 10, NULL);   /* the list of fields is open */
  bl_test_wait_for_frames (row, 2);
  bl_test_click_center (bl_test_find_label (row, field, BL_TEST_LABEL_MAPPED));
  what[0] = row;
  what[1] = (gpointer) field;
  bl_test_wait_for (row_shows, what, 10, field);
  bl_test_wait_for (dialog_idle, dialog, 20, "the preview");
}

static void
press_import (BlImportDialog *dialog)
{
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (dialog), BL_TYPE_IMPORT_DIALOG,
                                                   "import_button");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));
  bl_test_click_center (GTK_WIDGET (button));
}

/* Whether the claim list holds a claim with @statement. */
static gboolean
list_has (GListModel *claims,
          const char *statement)
{
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(BlClaim) claim = g_list_model_get_item (claims, i);
      BlClaimRecord record;

      if (bl_claim_get_record (claim, &record) && g_strcmp0 (record.statement, statement) == 0)
        return TRUE;
    }
  return FALSE;
}

static const char *
cell (BlImportDialog *dialog,
      guint           row,
      const char     *column)
{
  return bl_import_dialog_get_preview_cell (dialog, row, column);
}

/* Tests */

static void
test_import_into_project (void)
{
  BlWindow *window = open_window (BL_TEST_SAMPLE);
  GtkWidget *list = bl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "claim-list");
  GListModel *claims = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  BlHistory *history = bl_window_get_history (window);
  BlImportDialog *dialog;
  GtkWidget *preview;
  Count count = { claims, SAMPLE_CLAIMS };

  g_assert_cmpuint (g_list_model_get_n_items (claims), ==, SAMPLE_CLAIMS);
  dialog = import_with_keys (window, ODD_CSV);

  /* the guesses: "Outlet" is the source, "Link" its address; nothing
   * holds the statements yet, and the dialog says so */
  g_assert_cmpstr (row_choice (bl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Outlet")), ==,
                   "Source");
  g_assert_cmpstr (row_choice (bl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Link")), ==,
                   "Source address");
  bl_test_wait_for_label (GTK_WIDGET (dialog), "No column holds the statements",
                          BL_TEST_LABEL_MAPPED | BL_TEST_LABEL_PREFIX, 10, NULL);
  g_assert_false (bl_import_dialog_get_ready (dialog));

  map_column (dialog, "What was said", "Statement");
  map_column (dialog, "Reported by", "Claimant");
  map_column (dialog, "When (said)", "Said on");
  map_column (dialog, "Y coord", "Latitude");
  map_column (dialog, "X coord", "Longitude");
  map_column (dialog, "Where", "Place");
  bl_test_wait_for (dialog_idle, dialog, 20, "the counts");
  g_assert_true (bl_import_dialog_get_ready (dialog));

  /* the preview shows the mapped values, as they will be read */
  preview = bl_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW, NULL);
  bl_test_wait_for_label (preview, "Anatoly Sidorov", BL_TEST_LABEL_MAPPED, 10, NULL);
  bl_test_wait_for_label (preview, "4,000 ISIS-K fighters are stationed near the Tajik border",
                          BL_TEST_LABEL_MAPPED, 10, NULL);
  g_assert_cmpstr (cell (dialog, 0, "number"), ==, "2");
  g_assert_cmpstr (cell (dialog, 0, "claimant"), ==, "Anatoly Sidorov");
  g_assert_cmpstr (cell (dialog, 0, "source"), ==, "Khaama Press");
  g_assert_cmpstr (cell (dialog, 0, "said-on"), ==, "14 February 2023");
  g_assert_cmpstr (cell (dialog, 0, "location"), ==, "37.1000, 70.5000 · Badakhshan");
  g_assert_cmpstr (cell (dialog, 1, "number"), ==, "3");
  g_assert_cmpstr (cell (dialog, 4, "said-on"), ==, "January 2023");

  /* the malformed rows, with their lines and why */
  g_assert_cmpstr (cell (dialog, 2, "number"), ==, "5");
  g_assert_nonnull (strstr (cell (dialog, 2, "problems"), "lat/lon: latitude 95 is outside -90..90"));
  g_assert_cmpstr (cell (dialog, 3, "number"), ==, "6");
  g_assert_nonnull (strstr (cell (dialog, 3, "problems"), "the row has 3 fields; the header has 9"));
  bl_test_wait_for_label (preview, "lat/lon: latitude 95 is outside",
                          BL_TEST_LABEL_MAPPED | BL_TEST_LABEL_PREFIX, 10, NULL);

  /* and the counts, with the first problems */
  bl_test_wait_for_label (GTK_WIDGET (dialog), "3 claims will be imported, 2 rows skipped",
                          BL_TEST_LABEL_MAPPED, 10, NULL);
  bl_test_wait_for_label (GTK_WIDGET (dialog), "line 5: lat/lon: latitude 95 is outside -90..90",
                          BL_TEST_LABEL_MAPPED | BL_TEST_LABEL_PREFIX, 10, NULL);
  save_screenshot (GTK_WIDGET (dialog), "import-dialog.png");

  /* Import: the claims are in the list, one step to undo */
  g_test_message ("pressing Import");
  press_import (dialog);
  bl_test_wait_for_no_toplevel (BL_TYPE_IMPORT_DIALOG, 10, "the dialog to close");
  count.n = SAMPLE_CLAIMS + 3;
  bl_test_wait_for (count_is, &count, 10, "the imported claims in the list");
  g_assert_cmpstr (bl_history_get_undo_label (history), ==, "Import “odd-header.csv”");
  bl_test_wait_for_label (GTK_WIDGET (window), "Imported “odd-header.csv”: 3 claims added",
                          BL_TEST_LABEL_MAPPED | BL_TEST_LABEL_PREFIX, 10, NULL);
  save_screenshot (GTK_WIDGET (window), "import-toast.png");
  g_assert_true (list_has (claims, "At least 6,000 terrorists\noperate in Afghanistan"));
  g_assert_true (list_has (claims, "Several thousand ISIS-K fighters are in Afghanistan"));

  g_test_message ("Ctrl+Z");
  bl_test_keys (GTK_WIDGET (window), "ctrl+z");
  count.n = SAMPLE_CLAIMS;
  bl_test_wait_for (count_is, &count, 10, "the import to be undone");
  g_assert_false (list_has (claims, "Several thousand ISIS-K fighters are in Afghanistan"));
  g_assert_false (bl_history_can_undo (history) &&
                  g_strcmp0 (bl_history_get_undo_label (history), "Import “odd-header.csv”") == 0);

  gtk_window_destroy (GTK_WINDOW (window));
  discard_drafts ();
}

static void
test_import_without_project (void)
{
  BlWindow *window = open_window (NULL);
  BlImportDialog *dialog;
  BlProject *project;

  g_assert_null (bl_window_get_project (window));
  dialog = import_with_keys (window, ODD_CSV);
  map_column (dialog, "What was said", "Statement");
  bl_test_wait_for (dialog_idle, dialog, 20, "the counts");
  bl_test_wait_for_label (GTK_WIDGET (dialog), "4 claims will be imported, 1 row skipped",
                          BL_TEST_LABEL_MAPPED, 10, NULL);

  press_import (dialog);
  bl_test_wait_for_no_toplevel (BL_TYPE_IMPORT_DIALOG, 10, "the dialog to close");
  bl_test_wait_for (bl_test_project_shown, window, 10, "the new project");

  project = bl_window_get_project (window);
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (project)), ==, 4);
  g_assert_cmpstr (bl_project_get_title (project), ==, "odd-header");
  g_assert_null (bl_window_get_file (window));
  g_assert_true (bl_history_get_modified (bl_window_get_history (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  discard_drafts ();
}

static void
test_geojson_properties (void)
{
  BlWindow *window = open_window (BL_TEST_SAMPLE);
  BlImportDialog *dialog;
  GtkWidget *preview;

  dialog = import_with_keys (window, EVENTS_GEOJSON);

  /* "headline" is guessed as the statement; "who" is not known */
  g_assert_cmpstr (row_choice (bl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "headline")), ==,
                   "Statement");
  g_assert_cmpstr (row_choice (bl_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "who")), ==,
                   "Ignore");
  map_column (dialog, "who", "Source");
  map_column (dialog, "reported", "Said on");
  bl_test_wait_for (dialog_idle, dialog, 20, "the counts");

  /* features are numbered as the messages number them; the point is
   * the geometry's */
  preview = bl_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_COLUMN_VIEW, NULL);
  bl_test_wait_for_label (preview, "Feature", BL_TEST_LABEL_MAPPED, 10, NULL);
  g_assert_cmpstr (cell (dialog, 0, "number"), ==, "0");
  g_assert_cmpstr (cell (dialog, 0, "source"), ==, "Pajhwok");
  g_assert_cmpstr (cell (dialog, 0, "location"), ==, "37.1000, 70.5000");
  g_assert_nonnull (strstr (cell (dialog, 1, "problems"), "geometry: latitude 97.1 is outside -90..90"));
  g_assert_nonnull (strstr (cell (dialog, 2, "problems"), "said_on: cannot read the date “someday”"));
  g_assert_cmpstr (cell (dialog, 3, "said-on"), ==, "March 2023");
  bl_test_wait_for_label (GTK_WIDGET (dialog),
                          "3 claims will be imported, 1 feature skipped, 1 value left out", BL_TEST_LABEL_MAPPED, 10, NULL);
  save_screenshot (GTK_WIDGET (dialog), "import-dialog-geojson.png");

  /* Escape closes it; nothing was imported */
  bl_test_keys (GTK_WIDGET (dialog), "Escape");
  bl_test_wait_for_no_toplevel (BL_TYPE_IMPORT_DIALOG, 10, "the dialog to close");
  g_assert_false (bl_history_can_undo (bl_window_get_history (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  discard_drafts ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("borderline-data-XXXXXX", NULL);
  int status;

  /* drafts go to a folder of this test's own */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* GTK 4.8 prints "Broken accounting of active state" when the file
   * chooser takes the pointer grab from the window; that warning is
   * GTK's own bookkeeping, not ours.  Criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_test_add_func ("/import-dialog/into-project", test_import_into_project);
  g_test_add_func ("/import-dialog/without-project", test_import_without_project);
  g_test_add_func ("/import-dialog/geojson-properties", test_geojson_properties);

  status = g_test_run ();
  bl_basemap_source_wait_for_renders ();
  return status;
}
