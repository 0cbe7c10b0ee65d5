/* bl-claim-editor-relations.c — how a claim relates to other claims
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The relations part of the claim editor: a list of the claims this one
 * cites, denies or corroborates, each with its kind and a button to remove
 * it, and a search over the statements (and ids) of the project's claims
 * to add one. Statements come from files: they are shown as plain text.
 *
 * The search looks at the claims in order and stops at a few hits, so that
 * typing stays quick on a large project.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-claim-editor-private.h"
#include "bl-vocab.h"

/* How many claims a search lists. */
#define MAX_RESULTS 8

/* Helpers */

static void
relation_free (BlEditorRelation *relation)
{
  g_free (relation->claim_id);
  g_free (relation);
}

static gboolean
is_related (BlClaimEditor *self,
            const char    *claim_id)
{
  for (guint i = 0; i < self->relations->len; i++)
    {
      BlEditorRelation *relation = g_ptr_array_index (self->relations, i);

      if (g_strcmp0 (relation->claim_id, claim_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Who said the claim, and its id, for the second line of a row. */
static char *
describe_claim (BlClaimEditor       *self,
                const BlClaimRecord *record)
{
  guint n = g_list_model_get_n_items (bl_project_get_actors (self->project));

  if (record->actor != BL_NO_INDEX && record->actor < n)
    return g_strdup_printf ("%s · %s",
                            bl_actor_get_name (bl_project_get_actor (self->project, record->actor)),
                            record->id);
  return g_strdup (record->id);
}

static void
clear_results (BlClaimEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relation_results))) != NULL)
    gtk_list_box_remove (self->relation_results, child);
  gtk_widget_set_visible (GTK_WIDGET (self->relation_results), FALSE);
}

static void on_kind_selected   (GtkDropDown   *drop_down,
                                GParamSpec    *pspec,
                                BlClaimEditor *self);
static void on_remove_clicked  (GtkButton     *button,
                                BlClaimEditor *self);

static void
add_relation_row (BlClaimEditor    *self,
                  BlEditorRelation *relation)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  guint index = bl_claim_store_lookup (store, relation->claim_id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *kind, *remove;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autofree char *remove_label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (index != BL_NO_INDEX)
    {
      BlClaimRecord other;
      g_autofree char *subtitle = NULL;

      bl_claim_store_get_record (store, index, &other);
      subtitle = describe_claim (self, &other);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), other.statement != NULL ? other.statement : other.id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    {
      g_autofree char *subtitle = g_strdup_printf (_("%s · not in this project"), relation->claim_id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), relation->claim_id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }

  for (guint i = 0; i < BL_N_RELATION_KINDS; i++)
    gtk_string_list_append (kinds, bl_relation_kind_get_label (i));
  kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), relation->kind);
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of relation"), -1);
  g_object_set_data (G_OBJECT (kind), "relation", relation);
  g_signal_connect (kind, "notify::selected", G_CALLBACK (on_kind_selected), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), kind);

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  remove_label = g_strdup_printf (_("Remove the relation to %s"), relation->claim_id);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the Relation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "relation", relation);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  relation->row = row;
  adw_preferences_group_add (self->relations_group, row);
  gtk_widget_set_visible (self->relations_placeholder, FALSE);
}

static void
add_relation (BlClaimEditor  *self,
              BlRelationKind  kind,
              const char     *claim_id)
{
  BlEditorRelation *relation = g_new0 (BlEditorRelation, 1);

  relation->kind = MIN (kind, BL_N_RELATION_KINDS - 1);
  relation->claim_id = g_strdup (claim_id);
  g_ptr_array_add (self->relations, relation);
  add_relation_row (self, relation);
}

static void
remove_all (BlClaimEditor *self)
{
  for (guint i = 0; i < self->relations->len; i++)
    {
      BlEditorRelation *relation = g_ptr_array_index (self->relations, i);

      adw_preferences_group_remove (self->relations_group, relation->row);
    }
  g_ptr_array_set_size (self->relations, 0);
  gtk_widget_set_visible (self->relations_placeholder, TRUE);
}

/* Callbacks */

static void
on_kind_selected (GtkDropDown   *drop_down,
                  GParamSpec    *pspec,
                  BlClaimEditor *self)
{
  BlEditorRelation *relation = g_object_get_data (G_OBJECT (drop_down), "relation");

  relation->kind = gtk_drop_down_get_selected (drop_down);
  bl_claim_editor_changed (self);
}

static void
on_remove_clicked (GtkButton     *button,
                   BlClaimEditor *self)
{
  BlEditorRelation *relation = g_object_get_data (G_OBJECT (button), "relation");

  adw_preferences_group_remove (self->relations_group, relation->row);
  g_ptr_array_remove (self->relations, relation);
  gtk_widget_set_visible (self->relations_placeholder, self->relations->len == 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->relation_search_row));
  bl_claim_editor_changed (self);
}

static void
on_search_changed (BlClaimEditor *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->relation_search_row));
  BlClaimStore *store = bl_project_get_claims (self->project);
  guint n = bl_claim_store_get_n_claims (store);
  guint found = 0;

  clear_results (self);
  if (g_utf8_strlen (query, -1) < 2)
    return;

  for (guint i = 0; i < n && found < MAX_RESULTS; i++)
    {
      BlClaimRecord other;
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      bl_claim_store_get_record (store, i, &other);
      if (g_strcmp0 (other.id, self->claim_id) == 0 || is_related (self, other.id))
        continue;
      if (g_ascii_strcasecmp (other.id, query) != 0 &&
          (other.statement == NULL || !g_str_match_string (query, other.statement, TRUE)))
        continue;

      subtitle = describe_claim (self, &other);
      row = bl_claim_editor_result_row (other.statement != NULL ? other.statement : other.id,
                                        subtitle, NULL);
      g_object_set_data_full (G_OBJECT (row), "claim-id", g_strdup (other.id), g_free);
      gtk_list_box_append (self->relation_results, row);
      found++;
    }

  if (found == 0)
    {
      GtkWidget *row = bl_claim_editor_result_row (_("No claim says this"), NULL, NULL);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->relation_results, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->relation_results), TRUE);
}

static void
pick (BlClaimEditor *self,
      GtkListBoxRow *row)
{
  g_autofree char *claim_id = NULL;

  if (row == NULL || g_object_get_data (G_OBJECT (row), "claim-id") == NULL)
    return;

  claim_id = g_strdup (g_object_get_data (G_OBJECT (row), "claim-id"));
  add_relation (self, BL_RELATION_CITES, claim_id);
  gtk_editable_set_text (GTK_EDITABLE (self->relation_search_row), "");
  clear_results (self);
  bl_claim_editor_changed (self);
}

static void
on_search_activated (BlClaimEditor *self)
{
  pick (self, gtk_list_box_get_row_at_index (self->relation_results, 0));
}

static void
on_result_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     BlClaimEditor *self)
{
  pick (self, row);
}

/* Shared with the other parts (bl-claim-editor-private.h) */

void
bl_claim_editor_relations_init (BlClaimEditor *self)
{
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_free);

  g_signal_connect_swapped (self->relation_search_row, "changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->relation_search_row, "entry-activated", G_CALLBACK (on_search_activated), self);
  g_signal_connect (self->relation_results, "row-activated", G_CALLBACK (on_result_activated), self);
}

void
bl_claim_editor_relations_dispose (BlClaimEditor *self)
{
  g_clear_pointer (&self->relations, g_ptr_array_unref);
}

void
bl_claim_editor_relations_load (BlClaimEditor       *self,
                                const BlClaimRecord *record)
{
  remove_all (self);
  for (guint i = 0; i < record->n_relations; i++)
    add_relation (self, record->relations[i].kind, record->relations[i].claim_id);
}

/* Returns: (transfer container): the relations, borrowing the ids from
 * the editor */
BlRelation *
bl_claim_editor_relations_fill (BlClaimEditor *self,
                                guint         *n_relations)
{
  BlRelation *relations = g_new0 (BlRelation, MAX (self->relations->len, 1));

  for (guint i = 0; i < self->relations->len; i++)
    {
      BlEditorRelation *relation = g_ptr_array_index (self->relations, i);

      relations[i].kind = relation->kind;
      relations[i].claim_id = relation->claim_id;
    }

  *n_relations = self->relations->len;
  return relations;
}
