/* test-claim-editor.c — the claim editor, driven like a person under Xvfb
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the claim editor on the sample project and uses it with real
 * pointer clicks and key presses (tests/display-helpers.c): types a
 * statement with markup in it, picks a claimant from the list, types
 * dates and a figure as people say them and reads what was understood,
 * finds Kunduz by another spelling in the gazetteer, saves with
 * Ctrl+Enter, then undoes and redoes. Also: an impossible date blocks
 * Save with an error in words; a new claimant made inline is added in the
 * same undo step as the claim; Escape asks before throwing edits away.
 *
 * And the list of claimants that goes with it (BlEntityList): ticking two
 * duplicates and merging them moves their claims in one undo step; only
 * an unused entry can be deleted.
 */
#include "bl-basemap-source.h"
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <math.h>

#include "bl-claim-editor.h"
#include "bl-entity-list.h"
#include "bl-project-io.h"
#include "bl-vocab.h"
#include "display-helpers.h"
#include "test-helpers.h"

#define STATEMENT "CSTO says <b>x</b> & 300 fighters gather near Kunduz"

typedef struct {
  BlProject     *project;
  BlHistory     *history;
  BlClaimEditor *editor;
  char          *saved_id;
} Fixture;

/* Widgets */

/* The caption row right after @row in its list. */
static GtkLabel *
caption_after (GtkWidget *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  g_assert_nonnull (next);
  g_assert_true (GTK_IS_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next))));
  return GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next)));
}

/* Scrolls the editor's page so that @widget is on screen. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adj;
  graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), in_scroller;

  if (scroller == NULL)
    return;

  adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_compute_point (widget, scroller, &top, &in_scroller));
  if (in_scroller.y < 0 || in_scroller.y + gtk_widget_get_height (widget) > gtk_widget_get_height (scroller))
    {
      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + in_scroller.y - 80);
      bl_test_wait_for_frames (widget, 3);
    }
}

static void
click (GtkWidget *widget)
{
  scroll_to (widget);
  bl_test_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/* Waits */

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
has_focus_within (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

typedef struct {
  GtkLabel   *label;
  const char *text;
} LabelWait;

static gboolean
label_says (gpointer data)
{
  LabelWait *wait = data;

  return g_strcmp0 (gtk_label_get_text (wait->label), wait->text) == 0;
}

static gboolean
label_starts (gpointer data)
{
  LabelWait *wait = data;

  return g_str_has_prefix (gtk_label_get_text (wait->label), wait->text);
}

typedef struct {
  GtkTextBuffer *buffer;
  const char    *text;
} BufferWait;

static gboolean
buffer_says (gpointer data)
{
  BufferWait *wait = data;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (wait->buffer, &start, &end);
  text = gtk_text_buffer_get_text (wait->buffer, &start, &end, FALSE);
  return g_strcmp0 (text, wait->text) == 0;
}

typedef struct {
  GtkEditable *editable;
  const char  *text;
} EditableWait;

static gboolean
editable_says (gpointer data)
{
  EditableWait *wait = data;

  return g_strcmp0 (gtk_editable_get_text (wait->editable), wait->text) == 0;
}

/* Waits until every key typed has reached @editable. */
static void
wait_for_text (GtkWidget  *editable,
               const char *text)
{
  EditableWait wait = { GTK_EDITABLE (editable), text };

  bl_test_wait_for (editable_says, &wait, 10, text);
}

static gboolean
point_is_set (gpointer data)
{
  Fixture *f = data;
  GtkWidget *row = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "Point");

  return g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "36.7");
}

static gboolean
saved (gpointer data)
{
  return ((Fixture *) data)->saved_id != NULL;
}

static gboolean
is_insensitive (gpointer data)
{
  return !gtk_widget_is_sensitive (GTK_WIDGET (data));
}

static gboolean
is_sensitive (gpointer data)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (data));
}

/* Fixture */

static void
on_saved (BlClaimEditor *editor,
          const char    *claim_id,
          Fixture       *f)
{
  g_free (f->saved_id);
  f->saved_id = g_strdup (claim_id);
}

static void
open_editor (Fixture    *f,
             const char *claim_id)
{
  f->editor = bl_claim_editor_new (f->history, claim_id);
  g_object_add_weak_pointer (G_OBJECT (f->editor), (gpointer *) &f->editor);
  g_signal_connect (f->editor, "saved", G_CALLBACK (on_saved), f);
  gtk_window_set_default_size (GTK_WINDOW (f->editor), 680, 960);
  gtk_window_present (GTK_WINDOW (f->editor));
  bl_test_wait_for (bl_test_is_mapped, f->editor, 10, "the editor to be shown");
  bl_test_wait_for_frames (GTK_WIDGET (f->editor), 3);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GError) error = NULL;

  f->project = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  f->history = bl_history_new (f->project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->editor != NULL)
    {
      g_signal_handlers_disconnect_by_data (f->editor, f);
      gtk_window_destroy (GTK_WINDOW (f->editor));
    }
  g_assert_null (f->editor);
  g_free (f->saved_id);
  g_clear_object (&f->history);
  g_clear_object (&f->project);
}

/* Steps */

static void
type_into_row (Fixture    *f,
               const char *title,
               const char *text)
{
  GtkWidget *row = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  click (row);
  bl_test_wait_for (has_focus_within, row, 5, title);
  bl_test_type (row, text, 5);
  wait_for_text (row, text);
}

/* Opens a combo row's list with the pointer and clicks an item. */
static void
pick_in_combo (Fixture    *f,
               const char *title,
               const char *item)
{
  GtkWidget *row = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_COMBO_ROW, title);
  GtkWidget *popover;
  GtkLabel *label;

  g_assert_nonnull (row);
  click (row);
  popover = bl_test_find_widget (row, GTK_TYPE_POPOVER, NULL);
  g_assert_nonnull (popover);
  bl_test_wait_for (bl_test_is_mapped, popover, 5, "the list to open");
  bl_test_wait_for_frames (popover, 3);
  label = GTK_LABEL (bl_test_find_label (popover, item, BL_TEST_LABEL_MAPPED));
  g_assert_nonnull (label);
  bl_test_click (GTK_WIDGET (label), 2, gtk_widget_get_height (GTK_WIDGET (label)) / 2.0);
  bl_test_wait_for (is_unmapped, popover, 5, "the list to close");
  bl_test_wait_for_frames (row, 3);
}

static void
search_place (Fixture    *f,
              const char *query)
{
  type_into_row (f, "Find a Place", query);
}

static GtkListBoxRow *
place_result (Fixture *f,
              guint    n)
{
  GtkWidget *search = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Find a Place");
  GtkWidget *group = gtk_widget_get_ancestor (search, ADW_TYPE_PREFERENCES_GROUP);
  GtkWidget *list = NULL;

  /* the results list is the group's second list: after the rows' own */
  for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_parent (search)));
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LIST_BOX (w) && w != gtk_widget_get_parent (search))
      list = w;
  g_assert_nonnull (group);
  g_assert_nonnull (list);
  bl_test_wait_for (bl_test_is_mapped, list, 5, "places to be found");
  bl_test_wait_for_frames (list, 3);
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n);
}

static void
assert_kunduz_claim (Fixture             *f,
                     const BlClaimRecord *r)
{
  g_autofree char *said_on = bl_date_to_string (&r->said_on);

  g_assert_cmpstr (r->statement, ==, STATEMENT);
  g_assert_cmpuint (r->actor, ==, bl_project_find_actor (f->project, "a-sidorov"));
  g_assert_cmpstr (said_on, ==, "2023-02");
  g_assert_nonnull (r->quantity);
  g_assert_cmpfloat (r->quantity->value, ==, 300);
  g_assert_cmpuint (r->quantity->qualifier, ==, BL_QUANTITY_AT_LEAST);
  g_assert_cmpstr (r->quantity->unit, ==, "fighters");
  g_assert_cmpfloat_with_epsilon (r->lat, 36.73, 0.1);
  g_assert_cmpfloat_with_epsilon (r->lon, 68.86, 0.1);
  g_assert_cmpuint (r->precision, ==, BL_PRECISION_SETTLEMENT);
  g_assert_nonnull (r->areas);
  g_assert_cmpstr (r->areas[0], ==, "AF-KDZ");
  g_assert_null (r->areas[1]);
  g_assert_cmpstr (r->place, ==, "Kunduz");
}

/* Tests */

static void
test_create_claim (Fixture       *f,
                   gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  guint n_claims = bl_claim_store_get_n_claims (store);
  GtkWidget *statement, *said_on, *about, *quantity, *save, *row;
  GtkListBoxRow *result;
  BlClaimRecord r;
  LabelWait wait;
  BufferWait buffer_wait;
  guint index;

  open_editor (f, NULL);
  g_assert_true (bl_claim_editor_get_is_new (f->editor));
  save = bl_test_find_label (GTK_WIDGET (f->editor), "Save", BL_TEST_LABEL_MAPPED);
  g_assert_nonnull (save);
  save = gtk_widget_get_ancestor (save, GTK_TYPE_BUTTON);
  g_assert_false (gtk_widget_is_sensitive (save));   /* no statement yet */

  /* the statement, with markup that must stay text */
  statement = bl_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW, NULL);
  click (statement);
  bl_test_wait_for (has_focus_within, statement, 5, "the statement to have the focus");
  bl_test_type (statement, STATEMENT, 5);
  buffer_wait = (BufferWait) { gtk_text_view_get_buffer (GTK_TEXT_VIEW (statement)), STATEMENT };
  bl_test_wait_for (buffer_says, &buffer_wait, 10, "the statement to be typed");
  bl_test_wait_for (is_sensitive, save, 5, "Save to become sensitive");

  /* a claimant from the list */
  pick_in_combo (f, "Claimant", "Anatoly Sidorov");
  row = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_COMBO_ROW, "Claimant");
  wait.label = GTK_LABEL (bl_test_find_label (row, "Anatoly Sidorov", BL_TEST_LABEL_MAPPED));
  g_assert_nonnull (wait.label);

  /* dates as people type them, and what was understood */
  type_into_row (f, "Said On", "Feb 2023");
  said_on = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Said On");
  wait = (LabelWait) { caption_after (said_on), "Understood as: February 2023" };
  bl_test_wait_for (label_says, &wait, 5, "the date to be understood");
  g_assert_false (gtk_widget_has_css_class (said_on, "error"));

  /* an impossible date: an error in words, and no saving */
  type_into_row (f, "About the Period", "30 Feb 2023");
  about = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "About the Period");
  wait = (LabelWait) { caption_after (about), "There is no day 30" };
  bl_test_wait_for (label_starts, &wait, 5, "the date error");
  g_assert_true (gtk_widget_has_css_class (about, "error"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (wait.label), "error"));
  bl_test_wait_for (is_insensitive, save, 5, "Save to become insensitive");
  g_assert_false (bl_claim_editor_get_valid (f->editor));
  bl_test_keys (about, "ctrl+a BackSpace");
  wait_for_text (about, "");
  bl_test_type (about, "since August 2021", 5);
  wait_for_text (about, "since August 2021");
  wait = (LabelWait) { caption_after (about), "Understood as: since August 2021" };
  bl_test_wait_for (label_says, &wait, 5, "the open interval to be understood");
  bl_test_wait_for (is_sensitive, save, 5, "Save to become sensitive again");

  /* a figure, with its range in words */
  type_into_row (f, "Figure", "at least 300 fighters");
  quantity = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Figure");
  wait = (LabelWait) { caption_after (quantity), "Understood as: at least 300 fighters — from 300, no upper limit" };
  bl_test_wait_for (label_says, &wait, 5, "the figure to be understood");

  /* another spelling finds Kunduz: first the province, as an area ... */
  search_place (f, "Qunduz");
  result = place_result (f, 0);
  g_assert_nonnull (result);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (result)), ==, "Kunduz");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (result)), ==, "Province in Afghanistan");
  click (GTK_WIDGET (result));
  bl_test_wait_for (bl_test_is_mapped,
                    bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ACTION_ROW, "Kunduz"), 5,
                    "the province to be listed as an area");

  /* ... then the town, as the point */
  search_place (f, "Qunduz");
  result = place_result (f, 1);
  g_assert_nonnull (result);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (result)), ==, "Kunduz, Afghanistan");
  click (GTK_WIDGET (result));
  bl_test_wait_for (point_is_set, f, 5, "the point to be set");
  bl_test_wait_for_frames (GTK_WIDGET (f->editor), 3);

  {
    g_autofree char *path = g_strdup_printf ("%s/claim-editor.png", g_get_tmp_dir ());
    g_autofree char *cmd = g_strdup_printf ("import -window root %s", path);

    if (g_getenv ("BL_TEST_SCREENSHOT") != NULL)
      g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }

  /* Ctrl+Enter saves, from anywhere */
  bl_test_keys (statement, "ctrl+Return");
  bl_test_wait_for (saved, f, 10, "the claim to be saved");
  g_assert_null (f->editor);   /* closed */

  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, n_claims + 1);
  index = bl_claim_store_lookup (store, f->saved_id);
  g_assert_cmpuint (index, !=, BL_NO_INDEX);
  bl_claim_store_get_record (store, index, &r);
  assert_kunduz_claim (f, &r);
  {
    g_autofree char *about_text = bl_date_to_string (&r.about);

    g_assert_cmpstr (about_text, ==, "2021-08/..");
  }
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Add Claim");

  /* undo takes it away, redo brings it back */
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpuint (bl_claim_store_lookup (store, f->saved_id), ==, BL_NO_INDEX);
  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, n_claims);
  g_assert_true (bl_history_redo (f->history));
  index = bl_claim_store_lookup (store, f->saved_id);
  g_assert_cmpuint (index, !=, BL_NO_INDEX);
  bl_claim_store_get_record (store, index, &r);
  assert_kunduz_claim (f, &r);

  /* opened again, the markup is still text, in the editor and in a search */
  open_editor (f, f->saved_id);
  g_assert_false (bl_claim_editor_get_is_new (f->editor));
  statement = bl_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW, NULL);
  buffer_wait = (BufferWait) { gtk_text_view_get_buffer (GTK_TEXT_VIEW (statement)), STATEMENT };
  g_assert_true (buffer_says (&buffer_wait));
  gtk_window_destroy (GTK_WINDOW (f->editor));
  g_assert_null (f->editor);

  open_editor (f, NULL);
  type_into_row (f, "Find a Claim to Relate", "gather near");
  bl_test_wait_for_frames (GTK_WIDGET (f->editor), 3);
  g_assert_nonnull (bl_test_find_label (GTK_WIDGET (f->editor), STATEMENT, BL_TEST_LABEL_MAPPED));
}

/* A claimant made inline is part of the claim's undo step. */
static void
test_new_claimant (Fixture       *f,
                   gconstpointer  data)
{
  GListModel *actors = bl_project_get_actors (f->project);
  BlClaimStore *store = bl_project_get_claims (f->project);
  guint n_actors = g_list_model_get_n_items (actors);
  GtkWidget *statement;
  BufferWait buffer_wait;
  BlClaimRecord r;
  guint index;

  open_editor (f, NULL);
  statement = bl_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW, NULL);
  click (statement);
  bl_test_wait_for (has_focus_within, statement, 5, "the statement to have the focus");
  bl_test_type (statement, "Rockets were fired across the border", 5);
  buffer_wait = (BufferWait) { gtk_text_view_get_buffer (GTK_TEXT_VIEW (statement)),
                               "Rockets were fired across the border" };
  bl_test_wait_for (buffer_says, &buffer_wait, 10, "the statement to be typed");

  pick_in_combo (f, "Claimant", "New Claimant…");
  bl_test_wait_for (bl_test_is_mapped,
                    bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Name of the New Claimant"),
                    5, "the new claimant's fields");
  g_assert_false (bl_claim_editor_get_valid (f->editor));   /* a name is needed */
  type_into_row (f, "Name of the New Claimant", "Border <i>guard</i> spokesman");
  type_into_row (f, "Role", "Spokesman");

  bl_test_keys (statement, "ctrl+Return");
  bl_test_wait_for (saved, f, 10, "the claim to be saved");

  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors + 1);
  index = bl_claim_store_lookup (store, f->saved_id);
  g_assert_cmpuint (index, !=, BL_NO_INDEX);
  bl_claim_store_get_record (store, index, &r);
  g_assert_cmpuint (r.actor, ==, n_actors);
  g_assert_cmpstr (bl_actor_get_name (bl_project_get_actor (f->project, n_actors)), ==,
                   "Border <i>guard</i> spokesman");
  g_assert_cmpstr (bl_actor_get_role (bl_project_get_actor (f->project, n_actors)), ==, "Spokesman");

  /* one step: claim and claimant go together */
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors);
  g_assert_cmpuint (bl_claim_store_lookup (store, f->saved_id), ==, BL_NO_INDEX);
  g_assert_true (bl_history_redo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (actors), ==, n_actors + 1);
  g_assert_cmpuint (bl_claim_store_lookup (store, f->saved_id), !=, BL_NO_INDEX);
}

static gboolean
is_gone (gpointer data)
{
  return ((Fixture *) data)->editor == NULL;
}

/* Escape closes at once when nothing changed, and asks otherwise. */
static void
test_escape (Fixture       *f,
             gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  guint n_claims = bl_claim_store_get_n_claims (store);
  GtkWidget *statement;
  AdwMessageDialog *dialog;

  open_editor (f, "c-sidorov-6500");
  statement = bl_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_false (bl_claim_editor_get_modified (f->editor));
  bl_test_keys (statement, "Escape");
  bl_test_wait_for (is_gone, f, 5, "the editor to close");

  open_editor (f, "c-sidorov-6500");
  statement = bl_test_find_widget (GTK_WIDGET (f->editor), GTK_TYPE_TEXT_VIEW, NULL);
  click (statement);
  bl_test_wait_for (has_focus_within, statement, 5, "the statement to have the focus");
  bl_test_type (statement, " Really.", 5);
  bl_test_keys (statement, "Escape");
  dialog = ADW_MESSAGE_DIALOG (bl_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5,
                                                          "Discard Changes? to be asked"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Changes?");
  adw_message_dialog_response (dialog, "keep");
  bl_test_wait_for_frames (GTK_WIDGET (f->editor), 3);
  g_assert_nonnull (f->editor);

  bl_test_keys (statement, "Escape");
  bl_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5, "Discard Changes? to be asked again");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (bl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)),
                               "discard");
  bl_test_wait_for (is_gone, f, 5, "the editor to close");

  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, n_claims);
  g_assert_false (bl_history_can_undo (f->history));
}

static gboolean
source_is_new (gpointer data)
{
  Fixture *f = data;
  GtkWidget *row = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Web Address");

  return gtk_widget_get_mapped (row) &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), "https://www.khaama.com/isis-k-report") == 0;
}

/* Editing keeps what was not touched, as one "Edit Claim" step; a link
 * pasted with Ctrl+Shift+V starts a new source named after its host. */
static void
test_edit_claim (Fixture       *f,
                 gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  GListModel *sources = bl_project_get_sources (f->project);
  guint n_sources = g_list_model_get_n_items (sources);
  GtkWidget *tags, *name;
  BlClaimRecord r;
  g_autofree char *said_on = NULL;

  open_editor (f, "c-sidorov-6500");
  g_assert_true (bl_claim_editor_get_valid (f->editor));

  tags = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Tags, Separated by Commas");
  click (tags);
  bl_test_wait_for (has_focus_within, tags, 5, "the tags to have the focus");
  bl_test_keys (tags, "End");
  bl_test_type (tags, ", tass", 5);
  wait_for_text (tags, "press-conference, tass");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->editor)),
                          "https://www.khaama.com/isis-k-report");
  bl_test_keys (tags, "ctrl+shift+v");
  bl_test_wait_for (source_is_new, f, 5, "the link to start a new source");
  name = bl_test_find_row (GTK_WIDGET (f->editor), ADW_TYPE_ENTRY_ROW, "Name of the New Source");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "khaama.com");

  bl_test_keys (tags, "ctrl+Return");
  bl_test_wait_for (saved, f, 10, "the claim to be saved");
  g_assert_cmpstr (f->saved_id, ==, "c-sidorov-6500");
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Edit Claim");

  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c-sidorov-6500"), &r);
  g_assert_cmpstr (r.tags[0], ==, "press-conference");
  g_assert_cmpstr (r.tags[1], ==, "tass");
  g_assert_null (r.tags[2]);
  said_on = bl_date_to_string (&r.said_on);
  g_assert_cmpstr (said_on, ==, "2023-02-14");
  g_assert_cmpstr (r.quantity->text, ==, "6500");
  g_assert_cmpstr (r.quantity->unit, ==, "fighters");
  g_assert_cmpfloat (r.quantity->value, ==, 6500);
  g_assert_cmpstr (r.areas[0], ==, "AF");
  g_assert_cmpuint (r.credibility, ==, 3);
  g_assert_cmpuint (r.source, ==, n_sources);
  g_assert_cmpstr (bl_source_get_url (bl_project_get_source (f->project, n_sources)), ==,
                   "https://www.khaama.com/isis-k-report");

  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (sources), ==, n_sources);
  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c-sidorov-6500"), &r);
  g_assert_null (r.tags[1]);
  g_assert_cmpuint (r.source, ==, bl_project_find_source (f->project, "s-tajik-herald"));
}

static gboolean
has_two_ticked (gpointer data)
{
  return gtk_widget_is_sensitive (GTK_WIDGET (data));
}

/* Merging two claimants moves the claims, in one step; renaming is one
 * step too; an unused claimant is deleted at once, a used one asks what
 * becomes of its claims. */
static gboolean
no_row (gpointer data)
{
  return bl_test_find_row (GTK_WIDGET (data), ADW_TYPE_ACTION_ROW, "Khaama Press") == NULL;
}

static void
test_entity_list (Fixture       *f,
                  gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  guint sidorov = bl_project_find_actor (f->project, "a-sidorov");
  guint khaama = bl_project_find_actor (f->project, "a-khaama");
  guint n_sidorov = 0, n_khaama = 0, n_after = 0;
  BlEntityList *list;
  GtkWidget *row, *check, *trash, *merge;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;
  const guint32 *actors;
  guint n_claims = bl_claim_store_get_n_claims (store);

  actors = bl_claim_store_get_actors (store);
  for (guint i = 0; i < bl_claim_store_get_n_claims (store); i++)
    {
      n_sidorov += actors[i] == sidorov;
      n_khaama += actors[i] == khaama;
    }
  g_assert_cmpuint (n_khaama, >, 0);

  list = bl_entity_list_new (f->history, BL_ENTITY_ACTOR);
  gtk_window_present (GTK_WINDOW (list));
  bl_test_wait_for (bl_test_is_mapped, list, 10, "the list to be shown");
  bl_test_wait_for_frames (GTK_WIDGET (list), 3);
  g_assert_cmpuint (bl_entity_list_count_claims (list, khaama), ==, n_khaama);

  /* a used claimant's Delete says it will ask */
  row = bl_test_find_row (GTK_WIDGET (list), ADW_TYPE_ACTION_ROW, "Khaama Press");
  g_assert_nonnull (row);
  trash = gtk_widget_get_ancestor (GTK_WIDGET (bl_test_find_widget (row, GTK_TYPE_BUTTON, NULL)),
                                   GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_is_sensitive (trash));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (trash), "used by 2 claims"));

  /* tick two with the pointer, merge with Ctrl+M, keep the first */
  merge = bl_test_find_label (GTK_WIDGET (list), "Merge…", BL_TEST_LABEL_MAPPED);
  merge = gtk_widget_get_ancestor (merge, GTK_TYPE_BUTTON);
  g_assert_false (gtk_widget_is_sensitive (merge));
  check = bl_test_find_widget (bl_test_find_row (GTK_WIDGET (list), ADW_TYPE_ACTION_ROW, "Anatoly Sidorov"),
                        GTK_TYPE_CHECK_BUTTON, NULL);
  click (check);
  check = bl_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL);
  click (check);
  bl_test_wait_for (has_two_ticked, merge, 5, "Merge to become sensitive");
  bl_test_keys (GTK_WIDGET (list), "ctrl+m");
  dialog = ADW_MESSAGE_DIALOG (bl_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5,
                                                          "the merge dialog"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Merge Claimants");
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 3);
  bl_test_keys (GTK_WIDGET (dialog), "Return");   /* the default: Merge */
  bl_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5, "the merge dialog to close");

  actors = bl_claim_store_get_actors (store);
  for (guint i = 0; i < bl_claim_store_get_n_claims (store); i++)
    {
      g_assert_cmpuint (actors[i], !=, khaama);
      n_after += actors[i] == sidorov;
    }
  g_assert_cmpuint (n_after, ==, n_sidorov + n_khaama);
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Merge Claimants");

  /* the merged-away one is unused now: its trash button deletes it at once */
  bl_test_wait_for_frames (GTK_WIDGET (list), 3);
  row = bl_test_find_row (GTK_WIDGET (list), ADW_TYPE_ACTION_ROW, "Khaama Press");
  trash = gtk_widget_get_ancestor (GTK_WIDGET (bl_test_find_widget (row, GTK_TYPE_BUTTON, NULL)),
                                   GTK_TYPE_BUTTON);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Not used by any claim"));
  click (trash);
  bl_test_wait_for (no_row, list, 5, "the deleted claimant's row to go");
  g_assert_cmpuint (bl_project_find_actor (f->project, "a-khaama"), ==, BL_NO_INDEX);
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Delete Claimant “Khaama Press”");
  g_assert_null (bl_test_find_row (GTK_WIDGET (list), ADW_TYPE_ACTION_ROW, "Khaama Press"));
  g_assert_null (bl_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* undo puts it back where it was; one more brings every claim back */
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpuint (bl_project_find_actor (f->project, "a-khaama"), ==, khaama);
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpuint (bl_entity_list_count_claims (list, khaama), ==, n_khaama);
  g_assert_cmpuint (bl_entity_list_count_claims (list, sidorov), ==, n_sidorov);

  /* a rename is a step of its own; markup in a name stays text */
  g_assert_true (bl_entity_list_rename (list, "a-un", "<b>UN</b> officials"));
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Rename Actor");
  bl_test_wait_for_frames (GTK_WIDGET (list), 3);
  g_assert_nonnull (bl_test_find_row (GTK_WIDGET (list), ADW_TYPE_ACTION_ROW, "<b>UN</b> officials"));
  g_assert_nonnull (bl_test_find_label (GTK_WIDGET (list), "<b>UN</b> officials", BL_TEST_LABEL_MAPPED));
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpstr (bl_actor_get_name (bl_project_get_actor (f->project, bl_project_find_actor (f->project, "a-un"))),
                   ==, "United Nations officials");

  /* a used claimant: Delete on its focused row asks, saying how many
   * claims name it; Cancel keeps everything */
  bl_test_wait_for_frames (GTK_WIDGET (list), 3);
  row = bl_test_find_row (GTK_WIDGET (list), ADW_TYPE_ACTION_ROW, "Khaama Press");
  gtk_widget_grab_focus (row);
  bl_test_keys (GTK_WIDGET (list), "Delete");
  dialog = ADW_MESSAGE_DIALOG (bl_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5,
                                                          "the delete dialog"));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Claimant “Khaama Press”");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "2 claims name it."));
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 3);
  bl_test_keys (GTK_WIDGET (dialog), "Escape");
  bl_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5, "the delete dialog to close");
  g_assert_cmpuint (bl_project_find_actor (f->project, "a-khaama"), ==, khaama);
  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, n_claims);

  /* again, and Delete With Claims, clicked: the claimant and its two
   * claims go, in one step */
  row = bl_test_find_row (GTK_WIDGET (list), ADW_TYPE_ACTION_ROW, "Khaama Press");
  trash = gtk_widget_get_ancestor (GTK_WIDGET (bl_test_find_widget (row, GTK_TYPE_BUTTON, NULL)),
                                   GTK_TYPE_BUTTON);
  click (trash);
  dialog = ADW_MESSAGE_DIALOG (bl_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5,
                                                          "the delete dialog"));
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 3);
  click (gtk_widget_get_ancestor (bl_test_find_label (GTK_WIDGET (dialog), "Delete With Claims", BL_TEST_LABEL_MAPPED),
                                  GTK_TYPE_BUTTON));
  bl_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5, "the delete dialog to close");
  g_assert_cmpuint (bl_project_find_actor (f->project, "a-khaama"), ==, BL_NO_INDEX);
  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, n_claims - n_khaama);
  g_assert_cmpstr (bl_history_get_undo_label (f->history), ==, "Delete Claimant “Khaama Press”");
  g_assert_true (bl_history_undo (f->history));
  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, n_claims);

  /* and Merge and Delete, the default: its claims go to the one chosen */
  bl_test_wait_for_frames (GTK_WIDGET (list), 3);
  row = bl_test_find_row (GTK_WIDGET (list), ADW_TYPE_ACTION_ROW, "Khaama Press");
  gtk_widget_grab_focus (row);
  bl_test_keys (GTK_WIDGET (list), "Delete");
  dialog = ADW_MESSAGE_DIALOG (bl_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5,
                                                          "the delete dialog"));
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 3);
  body = g_strdup (adw_message_dialog_get_body (dialog));
  g_assert_true (g_str_has_prefix (body, "2 claims name it."));
  bl_test_keys (GTK_WIDGET (dialog), "Return");
  bl_test_wait_for_no_toplevel (ADW_TYPE_MESSAGE_DIALOG, 5, "the delete dialog to close");
  g_assert_cmpuint (bl_project_find_actor (f->project, "a-khaama"), ==, BL_NO_INDEX);
  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, n_claims);
  /* the first other claimant in the list took them */
  g_assert_cmpuint (bl_project_count_entity_uses (f->project, BL_ENTITY_ACTOR, 0), ==, n_sidorov + n_khaama);

  gtk_window_destroy (GTK_WINDOW (list));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/claim-editor/create", Fixture, NULL, fixture_set_up, test_create_claim, fixture_tear_down);
  g_test_add ("/claim-editor/new-claimant", Fixture, NULL, fixture_set_up, test_new_claimant,
              fixture_tear_down);
  g_test_add ("/claim-editor/edit", Fixture, NULL, fixture_set_up, test_edit_claim, fixture_tear_down);
  g_test_add ("/claim-editor/escape", Fixture, NULL, fixture_set_up, test_escape, fixture_tear_down);
  g_test_add ("/entity-list/merge", Fixture, NULL, fixture_set_up, test_entity_list, fixture_tear_down);

  return bl_test_run_display ();
}
