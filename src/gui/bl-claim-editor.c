/* bl-claim-editor.c — a window that creates or edits one claim
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlClaimEditor is a modal window with every field of a claim: the
 * statement and quote, who said it and which source reported it (new ones
 * can be made inline), the two dates typed as people say them, the topic
 * and figure, the stance, the place, the grades, tags, relations to other
 * claims and notes. Every field is checked as it is typed and what was
 * understood, or what is wrong, is said in words under it; Save stays
 * insensitive while anything is wrong.
 *
 * Saving is one step of the project's BlHistory: the claim, and any
 * claimant, source or topic created inline, are added (or the claim
 * replaced) in one group, so one Undo takes it all back. The editor
 * changes nothing before Save.
 *
 * It does not pick a point on the map itself: "Pick on Map" emits
 * #BlClaimEditor::pick-location-requested and the window answers with
 * bl_claim_editor_set_location().
 *
 * This file holds the window, loading, checking and saving, and the
 * simple fields; the pickers, the place and the relations live in the
 * other bl-claim-editor-*.c files around bl-claim-editor-private.h.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-claim-editor-private.h"
#include "bl-vocab.h"

G_DEFINE_FINAL_TYPE (BlClaimEditor, bl_claim_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_CLAIM_ID,
  PROP_VALID,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  SAVED,
  PICK_LOCATION_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
text_view_dup_text (GtkTextView *view)
{
  char *text = g_strstrip (text_view_get_text (view));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_entry_text (gpointer    editable,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static GtkStringList *
string_list_new (void)
{
  return gtk_string_list_new (NULL);
}

/* Fills a combo row with labels; plain text, never markup. */
static void
combo_set_labels (AdwComboRow   *row,
                  GtkStringList *labels)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

/* Checks every field, updates the captions and Save; returns the first
 * problem in words, or NULL. */
static const char *
check (BlClaimEditor *self)
{
  g_autofree char *statement = text_view_dup_text (self->statement_view);
  g_auto(BlQuantity) quantity = BL_QUANTITY_INIT;
  const char *problem = NULL;
  const char *entities;
  BlDate date;

  if (statement == NULL)
    {
      problem = _("Type the statement, as it was reported.");
      bl_claim_editor_set_caption (self->statement_caption, NULL,
                                   _("Required: the claim, as it was reported."),
                                   self->modified);
    }
  else
    bl_claim_editor_set_caption (self->statement_caption, NULL,
                                 _("Shown as typed: plain text."), FALSE);

  entities = bl_claim_editor_entities_check (self);
  if (problem == NULL)
    problem = entities;

  if (!bl_claim_editor_check_date (self->said_on_row, self->said_on_caption, &date) && problem == NULL)
    problem = _("The date it was said on is not understood.");
  if (!bl_claim_editor_check_date (self->about_row, self->about_caption, &date) && problem == NULL)
    problem = _("The period it is about is not understood.");
  if (!bl_claim_editor_check_quantity (self, &quantity) && problem == NULL)
    problem = _("The figure is not understood.");

  return problem;
}

static void
update_validity (BlClaimEditor *self)
{
  const char *problem = check (self);
  gboolean valid = problem == NULL;

  g_free (self->problem);
  self->problem = g_strdup (problem);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", valid);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               valid ? _("Save the claim (Ctrl+Enter)") : problem);

  if (valid != self->valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static char **
split_tags (const char *text)
{
  g_auto(GStrv) parts = NULL;
  GPtrArray *tags;

  if (text == NULL)
    return NULL;

  parts = g_strsplit (text, ",", -1);
  tags = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);

      if (*tag != '\0')
        g_ptr_array_add (tags, g_strdup (tag));
    }

  if (tags->len == 0)
    {
      g_ptr_array_free (tags, TRUE);
      return NULL;
    }
  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (tags, FALSE);
}

static char *
new_claim_id (BlClaimStore *store)
{
  for (;;)
    {
      char *id = g_strdup_printf ("c-%08x", g_random_int ());

      if (bl_claim_store_lookup (store, id) == BL_NO_INDEX)
        return id;
      g_free (id);
    }
}

static void
load (BlClaimEditor *self)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  BlClaimRecord empty;
  const BlClaimRecord *r;
  g_autofree char *said_on = NULL;
  g_autofree char *about = NULL;
  g_autofree char *tags = NULL;

  if (self->claim_id != NULL)
    {
      guint index = bl_claim_store_lookup (store, self->claim_id);

      if (index != BL_NO_INDEX)
        {
          BlClaimRecord current;

          bl_claim_store_get_record (store, index, &current);
          self->original = bl_claim_record_copy (&current);
        }
      else
        g_warning ("No claim %s to edit: editing a new one", self->claim_id);
    }

  if (self->original == NULL)
    {
      g_free (self->claim_id);
      self->claim_id = new_claim_id (store);
      bl_claim_record_init (&empty);
      r = &empty;
    }
  else
    r = self->original;

  adw_window_title_set_title (self->window_title,
                              self->original == NULL ? _("New Claim") : _("Edit Claim"));
  adw_window_title_set_subtitle (self->window_title, self->claim_id);
  gtk_window_set_title (GTK_WINDOW (self),
                        self->original == NULL ? _("New Claim") : _("Edit Claim"));

  self->loading++;

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->statement_view),
                            r->statement != NULL ? r->statement : "", -1);
  set_entry_text (self->quote_row, r->quote);

  bl_claim_editor_entities_load (self, r);

  said_on = bl_claim_editor_editable_date (&r->said_on);
  about = bl_claim_editor_editable_date (&r->about);
  set_entry_text (self->said_on_row, said_on);
  set_entry_text (self->about_row, about);

  if (r->quantity != NULL)
    {
      self->quantity_shown = bl_claim_editor_editable_quantity (r->quantity);
      set_entry_text (self->quantity_row, self->quantity_shown);
      if (bl_quantity_has_explicit_range (r->quantity))
        {
          adw_expander_row_set_enable_expansion (self->range_row, TRUE);
          gtk_spin_button_set_value (self->range_min, r->quantity->min);
          gtk_check_button_set_active (self->range_open, isinf (r->quantity->max));
          if (!isinf (r->quantity->max))
            gtk_spin_button_set_value (self->range_max, r->quantity->max);
        }
    }

  adw_combo_row_set_selected (self->stance_row, MIN (r->stance, BL_N_STANCES - 1));
  adw_combo_row_set_selected (self->credibility_row, MIN (r->credibility, 6));

  if (r->tags != NULL)
    tags = g_strjoinv (", ", (char **) r->tags);
  set_entry_text (self->tags_row, tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            r->notes != NULL ? r->notes : "", -1);

  bl_claim_editor_location_load (self, r);
  bl_claim_editor_relations_load (self, r);

  self->loading--;
  update_validity (self);
}

static void
set_modified (BlClaimEditor *self,
              gboolean       modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* Callbacks */

static void
on_field_changed (BlClaimEditor *self)
{
  bl_claim_editor_changed (self);
}

static void
on_range_enabled (BlClaimEditor *self)
{
  if (adw_expander_row_get_enable_expansion (self->range_row))
    adw_expander_row_set_expanded (self->range_row, TRUE);
  bl_claim_editor_changed (self);
}

static void
on_range_open_toggled (BlClaimEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->range_max),
                            !gtk_check_button_get_active (self->range_open));
  bl_claim_editor_changed (self);
}

static gboolean
destroy_in_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     BlClaimEditor    *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->saved = TRUE;  /* nothing more to ask */
      /* not under the dialog's feet: it is still answering */
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_in_idle, g_object_ref (self), g_object_unref);
    }
}

static void
ask_to_discard (BlClaimEditor *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   self->original == NULL
                                   ? _("The new claim has not been saved.")
                                   : _("The changes to this claim have not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  bl_claim_editor_save (BL_CLAIM_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
paste_link_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bl_claim_editor_paste_link (BL_CLAIM_EDITOR (widget));
}

static void
pick_on_map_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_signal_emit (widget, signals[PICK_LOCATION_REQUESTED], 0);
}

static void
clear_point_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BlClaimEditor *self = BL_CLAIM_EDITOR (widget);

  bl_claim_editor_set_location (self, NAN, NAN);
}

static void
focus_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BlClaimEditor *self = BL_CLAIM_EDITOR (widget);
  GtkWidget *row = g_str_equal (action_name, "editor.find-place")
                   ? GTK_WIDGET (self->place_search_row)
                   : g_str_equal (action_name, "editor.find-claim")
                   ? GTK_WIDGET (self->relation_search_row)
                   : GTK_WIDGET (self->statement_view);

  gtk_widget_grab_focus (row);
}

/* Overrides */

static gboolean
bl_claim_editor_close_request (GtkWindow *window)
{
  BlClaimEditor *self = BL_CLAIM_EDITOR (window);

  if (self->modified && !self->saved)
    {
      ask_to_discard (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (bl_claim_editor_parent_class)->close_request (window);
}

static void
bl_claim_editor_constructed (GObject *object)
{
  BlClaimEditor *self = BL_CLAIM_EDITOR (object);

  G_OBJECT_CLASS (bl_claim_editor_parent_class)->constructed (object);

  g_assert (self->history != NULL);
  self->project = g_object_ref (bl_history_get_project (self->history));

  bl_claim_editor_entities_init (self);
  bl_claim_editor_location_init (self);
  bl_claim_editor_relations_init (self);
  load (self);
}

static void
bl_claim_editor_dispose (GObject *object)
{
  BlClaimEditor *self = BL_CLAIM_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  bl_claim_editor_entities_dispose (self);
  bl_claim_editor_location_dispose (self);
  bl_claim_editor_relations_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_CLAIM_EDITOR);

  G_OBJECT_CLASS (bl_claim_editor_parent_class)->dispose (object);
}

static void
bl_claim_editor_finalize (GObject *object)
{
  BlClaimEditor *self = BL_CLAIM_EDITOR (object);

  g_clear_object (&self->history);
  g_clear_object (&self->project);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->original, bl_claim_record_free);
  g_free (self->claim_id);
  g_free (self->problem);
  g_free (self->quantity_shown);

  G_OBJECT_CLASS (bl_claim_editor_parent_class)->finalize (object);
}

static void
bl_claim_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BlClaimEditor *self = BL_CLAIM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_CLAIM_ID:
      g_value_set_string (value, self->claim_id);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_claim_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BlClaimEditor *self = BL_CLAIM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_CLAIM_ID:
      self->claim_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                                          gtk_named_action_new (action)));
}

static void
bl_claim_editor_class_init (BlClaimEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = bl_claim_editor_constructed;
  object_class->dispose = bl_claim_editor_dispose;
  object_class->finalize = bl_claim_editor_finalize;
  object_class->get_property = bl_claim_editor_get_property;
  object_class->set_property = bl_claim_editor_set_property;
  window_class->close_request = bl_claim_editor_close_request;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, "The history every change goes through",
                         BL_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLAIM_ID] =
    g_param_spec_string ("claim-id", NULL, "The claim edited (a new id for a new claim)",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, "Whether every field is understood and the claim can be saved",
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, "Whether a field was changed since the editor opened",
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BlClaimEditor::saved:
   * @claim_id: the claim saved
   *
   * The claim was saved as one step of the history; the editor closes
   * right after.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * BlClaimEditor::pick-location-requested:
   *
   * The user wants to choose the claim's point on the map. The window
   * lets them click it and answers with bl_claim_editor_set_location().
   */
  signals[PICK_LOCATION_REQUESTED] =
    g_signal_new ("pick-location-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/borderline/Borderline/bl-claim-editor.ui");

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BlClaimEditor, name)
  BIND (window_title);
  BIND (save_button);
  BIND (page);
  BIND (toasts);
  BIND (statement_view);
  BIND (statement_caption);
  BIND (quote_row);
  BIND (paste_link_button);
  BIND (claimant_row);
  BIND (actor_name_row);
  BIND (actor_role_row);
  BIND (actor_affiliation_row);
  BIND (actor_kind_row);
  BIND (actor_reliability_row);
  BIND (source_row);
  BIND (source_name_row);
  BIND (source_kind_row);
  BIND (source_url_row);
  BIND (source_reliability_row);
  BIND (source_caption_row);
  BIND (source_caption);
  BIND (said_on_row);
  BIND (said_on_caption);
  BIND (about_row);
  BIND (about_caption);
  BIND (topic_row);
  BIND (topic_title_row);
  BIND (topic_unit_row);
  BIND (quantity_row);
  BIND (quantity_caption);
  BIND (range_row);
  BIND (range_switch);
  BIND (range_min);
  BIND (range_max);
  BIND (range_open);
  BIND (stance_row);
  BIND (pick_on_map_button);
  BIND (place_search_row);
  BIND (place_results);
  BIND (place_row);
  BIND (precision_row);
  BIND (coordinates_row);
  BIND (clear_point_button);
  BIND (areas_group);
  BIND (areas_placeholder);
  BIND (credibility_row);
  BIND (tags_row);
  BIND (relations_group);
  BIND (relations_placeholder);
  BIND (relation_search_row);
  BIND (relation_results);
  BIND (notes_view);
#undef BIND

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.paste-link", NULL, paste_link_action);
  gtk_widget_class_install_action (widget_class, "editor.pick-on-map", NULL, pick_on_map_action);
  gtk_widget_class_install_action (widget_class, "editor.clear-point", NULL, clear_point_action);
  gtk_widget_class_install_action (widget_class, "editor.find-place", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "editor.find-claim", NULL, focus_action);
  gtk_widget_class_install_action (widget_class, "editor.focus-statement", NULL, focus_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
bl_claim_editor_init (BlClaimEditor *self)
{
  GtkStringList *labels;
  GtkEventController *shortcuts;

  self->lat = NAN;
  self->lon = NAN;
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* the editing shortcuts work wherever the focus is, even in the text
   * views, which would take Ctrl+Enter as a new line */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_LOCAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>Return", "editor.save");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>KP_Enter", "editor.save");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>v", "editor.paste-link");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>m", "editor.pick-on-map");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>l", "editor.find-place");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>r", "editor.find-claim");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>s", "editor.focus-statement");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  labels = string_list_new ();
  for (guint i = 0; i < BL_N_STANCES; i++)
    gtk_string_list_append (labels, bl_stance_get_label (i));
  combo_set_labels (self->stance_row, labels);

  labels = string_list_new ();
  gtk_string_list_append (labels, _("Not graded"));
  for (guint i = 1; i <= 6; i++)
    {
      /* Translators: an Admiralty credibility grade and its meaning, "2 — Probably true" */
      g_autofree char *label = g_strdup_printf (_("%u — %s"), i, bl_credibility_get_meaning (i));

      gtk_string_list_append (labels, label);
    }
  combo_set_labels (self->credibility_row, labels);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->statement_view), "changed",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->quote_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->said_on_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->about_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->quantity_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->tags_row, "changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->stance_row, "notify::selected", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->credibility_row, "notify::selected", G_CALLBACK (on_field_changed), self);
  g_object_bind_property (self->range_switch, "active", self->range_row, "enable-expansion",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_swapped (self->range_row, "notify::enable-expansion", G_CALLBACK (on_range_enabled), self);
  g_signal_connect_swapped (self->range_min, "value-changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->range_max, "value-changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect_swapped (self->range_open, "toggled", G_CALLBACK (on_range_open_toggled), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Save the claim"), -1);
}

/* Shared with the other parts (bl-claim-editor-private.h) */

/* A field changed: the claim differs from what was opened; check again. */
void
bl_claim_editor_changed (BlClaimEditor *self)
{
  if (self->loading > 0)
    return;

  set_modified (self, TRUE);
  update_validity (self);
}

/* Says under a field what was understood (@error FALSE) or what is
 * wrong, and marks the field. */
void
bl_claim_editor_set_caption (GtkLabel   *caption,
                             GtkWidget  *field,
                             const char *text,
                             gboolean    error)
{
  gtk_label_set_text (caption, text);
  if (error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (caption), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (caption), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (caption), "error");
      gtk_widget_add_css_class (GTK_WIDGET (caption), "dim-label");
    }

  if (field != NULL)
    {
      if (error)
        gtk_widget_add_css_class (field, "error");
      else
        gtk_widget_remove_css_class (field, "error");
    }
}

void
bl_claim_editor_toast (BlClaimEditor *self,
                       const char    *text)
{
  AdwToast *toast = adw_toast_new ("");
  GtkWidget *label = gtk_label_new (text);

  /* the text may hold a name from a file: a plain label, never markup */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* A row of search results: plain text, activatable. */
GtkWidget *
bl_claim_editor_result_row (const char *title,
                            const char *subtitle,
                            const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

/* Public API */

/**
 * bl_claim_editor_new:
 * @history: the history of the project the claim belongs to
 * @claim_id: (nullable): the claim to edit, or %NULL for a new claim
 *
 * Creates the editor; present it transient for the project's window.
 *
 * Returns: (transfer none): a new editor window
 */
BlClaimEditor *
bl_claim_editor_new (BlHistory  *history,
                     const char *claim_id)
{
  g_return_val_if_fail (BL_IS_HISTORY (history), NULL);

  return g_object_new (BL_TYPE_CLAIM_EDITOR,
                       "history", history,
                       "claim-id", claim_id,
                       NULL);
}

BlHistory *
bl_claim_editor_get_history (BlClaimEditor *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_EDITOR (self), NULL);
  return self->history;
}

/**
 * bl_claim_editor_get_claim_id:
 *
 * Returns: the id of the claim edited; for a new claim, the id it will
 *   have once saved
 */
const char *
bl_claim_editor_get_claim_id (BlClaimEditor *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_EDITOR (self), NULL);
  return self->claim_id;
}

gboolean
bl_claim_editor_get_is_new (BlClaimEditor *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_EDITOR (self), FALSE);
  return self->original == NULL;
}

gboolean
bl_claim_editor_get_valid (BlClaimEditor *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_EDITOR (self), FALSE);
  return self->valid;
}

gboolean
bl_claim_editor_get_modified (BlClaimEditor *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_EDITOR (self), FALSE);
  return self->modified;
}

/**
 * bl_claim_editor_save:
 *
 * Saves the claim as one step of the history, emits
 * #BlClaimEditor::saved and closes the editor. Does nothing while a field
 * is not understood.
 *
 * Returns: whether the claim was saved
 */
gboolean
bl_claim_editor_save (BlClaimEditor *self)
{
  BlClaimStore *store;
  BlClaimRecord r;
  g_autofree char *statement = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *tags_text = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree BlRelation *relations = NULL;
  g_auto(BlQuantity) quantity = BL_QUANTITY_INIT;
  g_autofree char *claim_id = NULL;
  gboolean is_new, done;

  g_return_val_if_fail (BL_IS_CLAIM_EDITOR (self), FALSE);

  update_validity (self);
  if (!self->valid || self->saved)
    return FALSE;

  store = bl_project_get_claims (self->project);
  is_new = self->original == NULL;
  if (!is_new && bl_claim_store_lookup (store, self->claim_id) == BL_NO_INDEX)
    {
      bl_claim_editor_toast (self, _("This claim is no longer in the project: it cannot be saved."));
      return FALSE;
    }
  if (is_new && bl_claim_store_lookup (store, self->claim_id) != BL_NO_INDEX)
    {
      g_free (self->claim_id);
      self->claim_id = new_claim_id (store);
    }

  if (self->original != NULL)
    r = *self->original;
  else
    bl_claim_record_init (&r);

  statement = text_view_dup_text (self->statement_view);
  quote = bl_claim_editor_entry_dup_text (self->quote_row);
  notes = text_view_dup_text (self->notes_view);
  tags_text = bl_claim_editor_entry_dup_text (self->tags_row);
  tags = split_tags (tags_text);

  r.id = self->claim_id;
  r.statement = statement;
  r.quote = quote;
  r.notes = notes;
  r.tags = (const char * const *) tags;
  bl_claim_editor_check_date (self->said_on_row, self->said_on_caption, &r.said_on);
  bl_claim_editor_check_date (self->about_row, self->about_caption, &r.about);
  bl_claim_editor_check_quantity (self, &quantity);
  r.quantity = (quantity.text != NULL) ? &quantity : NULL;
  if (r.quantity != NULL && self->original != NULL && self->original->quantity != NULL &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->quantity_row)), self->quantity_shown) == 0)
    {
      /* the figure was not retyped: keep the text and unit as given */
      bl_quantity_set_text (&quantity, self->original->quantity->text);
      if (self->original->quantity->unit != NULL)
        bl_quantity_set_unit (&quantity, self->original->quantity->unit);
    }
  r.stance = adw_combo_row_get_selected (self->stance_row);
  r.credibility = adw_combo_row_get_selected (self->credibility_row);
  bl_claim_editor_location_fill (self, &r);
  relations = bl_claim_editor_relations_fill (self, &r.n_relations);
  r.relations = relations;

  bl_history_begin_group (self->history, is_new ? _("Add Claim") : _("Edit Claim"));
  done = bl_claim_editor_entities_commit (self, &r.actor, &r.source, &r.topic);
  if (done)
    {
      if (is_new)
        done = bl_history_add_claim (self->history, &r, _("Add Claim")) != BL_NO_INDEX;
      else
        done = bl_history_replace_claim (self->history, &r, _("Edit Claim"));
    }
  bl_history_end_group (self->history);

  if (!done)
    {
      bl_claim_editor_toast (self, _("The claim could not be saved."));
      return FALSE;
    }

  self->saved = TRUE;
  claim_id = g_strdup (self->claim_id);
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, claim_id);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);

  return TRUE;
}

/**
 * bl_claim_editor_set_location:
 * @lat: latitude in degrees, or NAN to remove the point
 * @lon: longitude in degrees, or NAN
 *
 * Sets the claim's point, as picked on the map. A claim whose precision
 * was unknown becomes exact.
 */
void
bl_claim_editor_set_location (BlClaimEditor *self,
                              double         lat,
                              double         lon)
{
  g_return_if_fail (BL_IS_CLAIM_EDITOR (self));

  if (isnan (lat) || isnan (lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180)
    lat = lon = NAN;

  self->lat = lat;
  self->lon = lon;
  if (!isnan (lat) && adw_combo_row_get_selected (self->precision_row) == BL_PRECISION_UNKNOWN)
    adw_combo_row_set_selected (self->precision_row, BL_PRECISION_EXACT);

  bl_claim_editor_location_load (self, NULL);
  bl_claim_editor_changed (self);
}
