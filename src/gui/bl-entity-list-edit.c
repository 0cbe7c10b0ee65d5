/* bl-entity-list-edit.c — editing one claimant, source or topic
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dialog with the fields of one entry of a BlEntityList: its name (or
 * question), and per kind its role, affiliation, kind, reliability,
 * address, unit or description. Saving makes one undo step; a change of
 * the name alone is called a rename ("Rename Actor").
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-entity-list-private.h"
#include "bl-vocab.h"

/* Editing: a dialog with the entity's fields */

static GtkWidget *
add_entry (GtkWidget  *group,
           GPtrArray  *rows,
           const char *title,
           const char *key,
           const char *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "property", (gpointer) key);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (rows, row);
  return row;
}

static GtkWidget *
add_combo (GtkWidget     *group,
           GPtrArray     *rows,
           const char    *title,
           const char    *key,
           GtkStringList *labels,
           guint          value)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), value);
  g_object_set_data (G_OBJECT (row), "property", (gpointer) key);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (rows, row);
  g_object_unref (labels);
  return row;
}

static GtkStringList *
reliability_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Not graded"));
  for (guint i = 1; i <= 6; i++)
    {
      /* Translators: an Admiralty reliability grade and its meaning, "B — Usually reliable" */
      g_autofree char *label = g_strdup_printf (_("%c — %s"), bl_reliability_to_letter (i),
                                                bl_reliability_get_meaning (i));

      gtk_string_list_append (labels, label);
    }
  return labels;
}

static GtkWidget *
edit_fields (BlEntityList *self,
             GObject      *entity)
{
  GtkWidget *group = adw_preferences_group_new ();
  GPtrArray *rows = g_ptr_array_new ();
  GtkStringList *labels;
  const char *name_title = self->kind == BL_ENTITY_TOPIC ? _("Question") : _("Name");
  g_autofree char *name = bl_entity_dup_string (entity, bl_entity_kind_texts[self->kind].name_property);

  add_entry (group, rows, name_title, bl_entity_kind_texts[self->kind].name_property, name);

  if (BL_IS_ACTOR (entity))
    {
      BlActor *actor = BL_ACTOR (entity);

      add_entry (group, rows, _("Role"), "role", bl_actor_get_role (actor));
      add_entry (group, rows, _("Affiliation"), "affiliation", bl_actor_get_affiliation (actor));
      labels = gtk_string_list_new (NULL);
      for (guint i = 0; i < BL_N_ACTOR_KINDS; i++)
        gtk_string_list_append (labels, bl_actor_kind_get_label (i));
      add_combo (group, rows, _("Kind"), "kind", labels, bl_actor_get_kind (actor));
      add_combo (group, rows, _("Reliability"), "reliability", reliability_labels (),
                 bl_actor_get_reliability (actor));
    }
  else if (BL_IS_SOURCE (entity))
    {
      BlSource *source = BL_SOURCE (entity);

      labels = gtk_string_list_new (NULL);
      for (guint i = 0; i < BL_N_SOURCE_KINDS; i++)
        gtk_string_list_append (labels, bl_source_kind_get_label (i));
      add_combo (group, rows, _("Kind"), "kind", labels, bl_source_get_kind (source));
      add_entry (group, rows, _("Web Address"), "url", bl_source_get_url (source));
      add_combo (group, rows, _("Reliability"), "reliability", reliability_labels (),
                 bl_source_get_reliability (source));
    }
  else
    {
      BlTopic *topic = BL_TOPIC (entity);

      add_entry (group, rows, _("Unit"), "unit", bl_topic_get_unit (topic));
      add_entry (group, rows, _("Description"), "description", bl_topic_get_description (topic));
    }

  g_object_set_data_full (G_OBJECT (group), "rows", rows, (GDestroyNotify) g_ptr_array_unref);
  return group;
}

/* Applies the dialog's fields: one step; a lone new name is a rename. */
static void
apply_fields (BlEntityList *self,
              GObject      *entity,
              GtkWidget    *group)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (group), "rows");
  guint n_changes = 0;
  gboolean only_name = TRUE;

  for (guint pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          if (n_changes == 0)
            return;
          bl_history_begin_group (self->history,
                                  only_name && n_changes == 1 ? _(bl_entity_kind_texts[self->kind].rename_label)
                                                              : _(bl_entity_kind_texts[self->kind].edit_label));
        }

      for (guint i = 0; i < rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (rows, i);
          const char *property = g_object_get_data (G_OBJECT (row), "property");
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) old = G_VALUE_INIT;
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (entity), property);

          g_value_init (&value, pspec->value_type);
          g_value_init (&old, pspec->value_type);
          g_object_get_property (entity, property, &old);
          if (ADW_IS_COMBO_ROW (row))
            g_value_set_uint (&value, adw_combo_row_get_selected (ADW_COMBO_ROW (row)));
          else
            {
              g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

              g_value_set_string (&value, *text != '\0' ? text : NULL);
            }

          if (g_param_values_cmp (pspec, &old, &value) == 0)
            continue;
          if (pass == 0)
            {
              n_changes++;
              if (g_strcmp0 (property, bl_entity_kind_texts[self->kind].name_property) != 0)
                only_name = FALSE;
            }
          else
            bl_history_set_property (self->history, entity, property, &value,
                                     only_name && n_changes == 1 ? _(bl_entity_kind_texts[self->kind].rename_label)
                                                                 : _(bl_entity_kind_texts[self->kind].edit_label));
        }
    }

  bl_history_end_group (self->history);
}

static void
on_edit_response (AdwMessageDialog *dialog,
                  const char       *response,
                  BlEntityList     *self)
{
  GObject *entity = g_object_get_data (G_OBJECT (dialog), "entity");

  if (g_strcmp0 (response, "save") == 0)
    apply_fields (self, entity, adw_message_dialog_get_extra_child (dialog));
}

void
bl_entity_list_edit (BlEntityList *self,
                     const char   *id)
{
  g_autoptr(GObject) entity = bl_entity_list_lookup (self, id);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  if (entity == NULL)
    return;

  name = bl_entity_display_name (entity, bl_entity_kind_texts[self->kind].name_property);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _(bl_entity_kind_texts[self->kind].edit_heading), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), name);   /* plain text */
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), edit_fields (self, entity));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "entity", g_object_ref (entity), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_edit_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
