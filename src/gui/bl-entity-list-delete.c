/* bl-entity-list-delete.c — deleting a claimant, source or topic
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deleting an entity no claim names is one undo step, at once. Deleting
 * one that claims name asks first, saying how many: the analyst gives
 * its claims to another entity (a merge, then the delete), deletes the
 * claims with it, or cancels. Whatever is chosen is one undo step,
 * named after the entity ("Delete Claimant “Khaama Press”").
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-entity-list-private.h"

static char *
delete_label (BlEntityList *self,
              GObject      *entity)
{
  g_autofree char *name = bl_entity_display_name (entity, bl_entity_kind_texts[self->kind].name_property);

  /* Translators: an undo step and a dialog heading; %s is a name or a topic's question */
  switch (self->kind)
    {
    case BL_ENTITY_ACTOR:
      return g_strdup_printf (_("Delete Claimant “%s”"), name);
    case BL_ENTITY_SOURCE:
      return g_strdup_printf (_("Delete Source “%s”"), name);
    case BL_ENTITY_TOPIC:
    default:
      return g_strdup_printf (_("Delete Topic “%s”"), name);
    }
}

static void
say_deleted (BlEntityList *self,
             GObject      *entity,
             guint         n_claims,
             gboolean      with_claims)
{
  g_autofree char *name = bl_entity_display_name (entity, bl_entity_kind_texts[self->kind].name_property);
  g_autofree char *text = NULL;

  if (n_claims == 0)
    text = g_strdup_printf (_("“%s” deleted"), name);
  else if (with_claims)
    text = g_strdup_printf (ngettext ("“%s” deleted with %u claim", "“%s” deleted with %u claims", n_claims),
                            name, n_claims);
  else
    text = g_strdup_printf (ngettext ("“%s” deleted; its %u claim moved", "“%s” deleted; its %u claims moved", n_claims),
                            name, n_claims);

  bl_entity_list_toast (self, text);   /* plain text */
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    BlEntityList     *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "entity-id");
  GStrv others = g_object_get_data (G_OBJECT (dialog), "others");
  AdwComboRow *target = g_object_get_data (G_OBJECT (dialog), "target");
  g_autoptr(GObject) entity = bl_entity_list_lookup (self, id);
  g_autofree char *label = NULL;
  guint index, n_claims, replacement = BL_NO_INDEX;
  gboolean with_claims;

  if (entity == NULL || (g_strcmp0 (response, "merge") != 0 && g_strcmp0 (response, "delete-claims") != 0))
    return;

  index = bl_entity_list_index_of (self, id);
  with_claims = g_strcmp0 (response, "delete-claims") == 0;
  if (!with_claims)
    {
      guint chosen = adw_combo_row_get_selected (target);

      if (chosen >= g_strv_length (others))
        return;
      replacement = bl_entity_list_index_of (self, others[chosen]);
    }

  n_claims = bl_project_count_entity_uses (self->project, self->kind, index);
  label = delete_label (self, entity);
  if (bl_history_remove_entity (self->history, self->kind, index, replacement, with_claims, label))
    say_deleted (self, entity, n_claims, with_claims);
}

/* The other entities, by name, to give the claims to. */
static GtkWidget *
target_chooser (BlEntityList *self,
                const char   *id,
                GStrv        *others_out)
{
  GListModel *entities = bl_entity_list_get_entities (self);
  guint n = g_list_model_get_n_items (entities);
  GtkStringList *names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) others = g_strv_builder_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) entity = g_list_model_get_item (entities, i);
      g_autofree char *entity_id = bl_entity_dup_string (entity, "id");
      g_autofree char *name = NULL;

      if (g_strcmp0 (entity_id, id) == 0)
        continue;
      name = bl_entity_display_name (entity, bl_entity_kind_texts[self->kind].name_property);
      gtk_string_list_append (names, name);
      g_strv_builder_add (others, entity_id);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Give Its Claims To"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  g_object_unref (names);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  *others_out = g_strv_builder_end (others);
  return list;
}

static void
ask (BlEntityList *self,
     GObject      *entity,
     const char   *id,
     guint         count)
{
  g_autofree char *heading = delete_label (self, entity);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *chooser;
  GStrv others = NULL;

  body = g_strdup_printf (ngettext ("%u claim names it. Give that claim to another entry, which merges them, or delete the claim with it. Undo brings everything back.",
                                    "%u claims name it. Give those claims to another entry, which merges them, or delete the claims with it. Undo brings everything back.",
                                    count), count);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  chooser = target_chooser (self, id, &others);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), chooser);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete-claims", _("Delete With _Claims"),
                                    "merge", _("_Merge and Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete-claims", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "merge", others[0] != NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), others[0] != NULL ? "merge" : "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_widget_set_sensitive (chooser, others[0] != NULL);

  g_object_set_data_full (G_OBJECT (dialog), "entity-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "others", others, (GDestroyNotify) g_strfreev);
  g_object_set_data (G_OBJECT (dialog), "target", gtk_widget_get_first_child (chooser));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * bl_entity_list_delete:
 * @id: the entity
 *
 * Deletes an entity no claim names, as one undo step; for one that
 * claims name, asks what becomes of them.
 *
 * Returns: %TRUE when the entity was deleted at once, %FALSE when there
 *   is no such entity or the dialog asks first
 */
gboolean
bl_entity_list_delete (BlEntityList *self,
                       const char   *id)
{
  g_autoptr(GObject) entity = NULL;
  g_autofree char *label = NULL;
  guint index, count;

  g_return_val_if_fail (BL_IS_ENTITY_LIST (self), FALSE);

  entity = bl_entity_list_lookup (self, id);
  if (entity == NULL)
    return FALSE;

  index = bl_entity_list_index_of (self, id);
  count = bl_project_count_entity_uses (self->project, self->kind, index);
  if (count > 0)
    {
      ask (self, entity, id, count);
      return FALSE;
    }

  label = delete_label (self, entity);
  if (!bl_history_remove_entity (self->history, self->kind, index, BL_NO_INDEX, FALSE, label))
    return FALSE;
  say_deleted (self, entity, 0, FALSE);
  return TRUE;
}
