/* bl-window-claim-list.c — the claim list in a Borderline window's side panel
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of the claims in view, with its heading and search: it follows
 * the selection every view shares, shows the selected claim's page, and
 * brings the claim into view on the map.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-claim.h"
#include "bl-window-private.h"

/* Rows */

static void
on_claim_row_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *statement = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (statement), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (statement), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (statement), 3);
  gtk_label_set_ellipsize (GTK_LABEL (statement), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (statement), 0);
  gtk_label_set_use_markup (GTK_LABEL (statement), FALSE);

  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_label_set_use_markup (GTK_LABEL (details), FALSE);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), statement);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
on_claim_row_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  BlWindow *self = user_data;
  BlClaim *claim = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *statement = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (statement);
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;
  const char *claimant = NULL;
  BlClaimRecord record;

  if (self->project == NULL || claim == NULL || !bl_claim_get_record (claim, &record))
    return;

  if (record.actor != BL_NO_INDEX)
    claimant = bl_actor_get_name (bl_project_get_actor (self->project, record.actor));

  date = bl_date_format (&record.said_on);
  if (claimant != NULL && date != NULL && *date)
    line = g_strdup_printf (C_("claimant and date", "%s · %s"), claimant, date);
  else
    line = g_strdup (claimant ? claimant : date);

  gtk_label_set_text (GTK_LABEL (statement), record.statement);
  gtk_label_set_text (GTK_LABEL (details), line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, record.statement,
                                  -1);
}

void
bl_window_update_claims_heading (BlWindow *self)
{
  guint total, shown;
  g_autofree char *heading = NULL;

  if (self->visible == NULL)
    return;

  total = bl_claim_store_get_n_claims (bl_project_get_claims (self->project));
  bl_visible_claims_get_indices (self->visible, &shown);

  if (shown == total)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Claim", "%u Claims", total), total);
  else
    /* Translators: "3 of 16 Claims" */
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u Claim", "%u of %u Claims", total),
                               shown, total);

  gtk_label_set_text (self->claims_heading, heading);
}

/* The list follows the shared selection, and shows the claim page. */
static void
on_selection_changed (BlWindow *self)
{
  const char *id = bl_selection_get_claim_id (self->selection);
  guint position = GTK_INVALID_LIST_POSITION;

  if (id != NULL)
    {
      BlClaimStore *claims = bl_project_get_claims (bl_visible_claims_get_project (self->visible));
      guint index = bl_claim_store_lookup (claims, id);

      if (index != BL_NO_INDEX)
        position = bl_visible_claims_find (self->visible, index);
    }

  gtk_single_selection_set_selected (self->list_selection, position);
  gtk_stack_set_visible_child_name (self->side_stack, id != NULL ? "claim" : "list");

  /* a claim picked on the map or the timeline opens in the claims tab; one
   * picked in the comparison stays there */
  if (id != NULL && !gtk_widget_has_focus (GTK_WIDGET (self->comparison_panel)) &&
      !gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (self)) ? gtk_root_get_focus (GTK_ROOT (self)) : GTK_WIDGET (self),
                               GTK_WIDGET (self->comparison_panel)))
    adw_view_stack_set_visible_child_name (self->side_view_stack, "claims");

  /* bring the claim into view on the map */
  if (id != NULL && self->painter != NULL)
    {
      guint index = bl_claim_store_lookup (bl_project_get_claims (self->project), id);
      double lat, lon;

      if (index != BL_NO_INDEX && bl_claim_painter_get_position (self->painter, index, &lat, &lon) &&
          !bl_map_view_shows (self->map_view, lat, lon))
        bl_map_view_center_on (self->map_view, lat, lon);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-claim-list", id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-claim", id != NULL && !bl_window_claim_is_from_feed (self, id));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-claim", id != NULL);
}

static void
on_claim_activated (GtkListView *list,
                    guint        position,
                    BlWindow    *self)
{
  g_autoptr(BlClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->visible), position);

  if (claim != NULL)
    bl_selection_set_claim_id (self->selection, bl_claim_get_id (claim));
}

static void
on_search_changed (GtkSearchEntry *entry,
                   BlWindow       *self)
{
  bl_filter_set_text (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* A saved view may bring its own search */
static void
on_view_applied (BlWindow *self)
{
  const char *text = bl_filter_get_text (self->filter);

  if (g_strcmp0 (text ? text : "", gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
}

/* Wiring */

/* Sets up the list, its rows and search, and has it follow the selection. */
void
bl_window_init_claim_list (BlWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  self->list_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  gtk_list_view_set_model (self->claim_list, GTK_SELECTION_MODEL (self->list_selection));
  g_signal_connect (self->claim_list, "activate", G_CALLBACK (on_claim_activated), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->selection, "notify::claim-id", G_CALLBACK (on_selection_changed), self);
  g_signal_connect_swapped (self->views_menu, "applied", G_CALLBACK (on_view_applied), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_claim_row_setup), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_claim_row_bind), self, 0);
  gtk_list_view_set_factory (self->claim_list, factory);
}
