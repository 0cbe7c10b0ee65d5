/* bl-window-actions.c — what a Borderline window can do, and its shortcuts
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions, enabled as the project and the selection allow:
 * undo and redo, new, edit and delete a claim (with picking its place on
 * the map), the entity lists and feeds, export, import and copy the map,
 * and the keys that go with them. Opening and saving are in
 * bl-window-io.c; this file only lists them in the table.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-copy-image.h"
#include "bl-entity-list.h"
#include "bl-export-dialog.h"
#include "bl-feeds-dialog.h"
#include "bl-import-dialog.h"
#include "bl-window-private.h"

/* What can be done now */

void
bl_window_update_actions (BlWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean loading = self->load_cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_project && !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_project && !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-load", loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-claim", self->history != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_project && !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", has_project && !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.manage-entities", self->history != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.feeds", self->feeds != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->history != NULL && bl_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 self->history != NULL && bl_history_can_redo (self->history));
}

/* Undo and redo */

void
bl_window_update_edit_menu (BlWindow *self)
{
  const char *undo = self->history ? bl_history_get_undo_label (self->history) : NULL;
  const char *redo = self->history ? bl_history_get_redo_label (self->history) : NULL;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  /* Translators: "Undo Edit Claim": %s names the step */
  undo_label = undo ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: "Redo Edit Claim": %s names the step */
  redo_label = redo ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));

  g_menu_remove_all (self->edit_section);
  g_menu_append (self->edit_section, undo_label, "win.undo");
  g_menu_append (self->edit_section, redo_label, "win.redo");
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->history != NULL)
    bl_history_undo (self->history);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->history != NULL)
    bl_history_redo (self->history);
}

/* Editing claims */

static void
on_editor_saved (BlClaimEditor *editor,
                 const char    *claim_id,
                 BlWindow      *self)
{
  bl_selection_set_claim_id (self->selection, claim_id);
}

static void
end_picking (BlWindow *self)
{
  if (self->picking_editor == NULL)
    return;

  gtk_widget_set_cursor (GTK_WIDGET (self->map_view), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->picking_editor), TRUE);
  gtk_window_present (GTK_WINDOW (self->picking_editor));
  g_clear_object (&self->picking_editor);
}

/* While the editor waits for a place, a click on the map gives it one. */
void
bl_window_on_pick_released (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            BlWindow        *self)
{
  ShumateViewport *viewport = bl_map_view_get_viewport (self->map_view);
  double lat, lon;

  if (self->picking_editor == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self->map_view), x, y, &lat, &lon);
  bl_claim_editor_set_location (self->picking_editor, lat, lon);
  end_picking (self);
}

static void
on_pick_location_requested (BlClaimEditor *editor,
                            BlWindow      *self)
{
  g_set_object (&self->picking_editor, editor);
  gtk_widget_set_visible (GTK_WIDGET (editor), FALSE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->map_view), "crosshair");
  bl_window_toast (self, _("Click on the map to place the claim (Escape cancels)"));
}

/* A claim from a feed is read-only: it changes when the feed does. */
gboolean
bl_window_claim_is_from_feed (BlWindow   *self,
                              const char *id)
{
  BlClaimStore *store = self->project != NULL ? bl_project_get_claims (self->project) : NULL;
  guint index = store != NULL && id != NULL ? bl_claim_store_lookup (store, id) : BL_NO_INDEX;
  BlClaimRecord r;

  if (index == BL_NO_INDEX)
    return FALSE;
  bl_claim_store_get_record (store, index, &r);
  return bl_feed_id_from_tags (r.tags) != NULL;
}

static void
open_editor (BlWindow   *self,
             const char *claim_id)
{
  BlClaimEditor *editor;

  if (self->history == NULL)
    return;

  editor = bl_claim_editor_new (self->history, claim_id);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (self));
  bl_claim_editor_set_basemap_data (editor, bl_basemap_renderer_get_data (bl_basemap_source_get_renderer (self->basemap)));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, 0);
  g_signal_connect_object (editor, "pick-location-requested", G_CALLBACK (on_pick_location_requested), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_claim_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (BL_WINDOW (widget), NULL);
}

static void
edit_claim_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  const char *id = bl_selection_get_claim_id (self->selection);

  if (id != NULL && !bl_window_claim_is_from_feed (self, id))
    open_editor (self, id);
}

static void
delete_claim_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  g_autofree char *id = g_strdup (bl_selection_get_claim_id (self->selection));

  if (id == NULL || self->history == NULL)
    return;

  bl_selection_clear (self->selection);
  if (bl_history_remove_claim (self->history, id, _("Delete Claim")))
    bl_window_toast (self, _("Claim deleted (Ctrl+Z brings it back)"));
}

static void
manage_entities_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  const char *which = g_variant_get_string (parameter, NULL);
  BlEntityKind kind = g_str_equal (which, "sources") ? BL_ENTITY_SOURCE
                    : g_str_equal (which, "topics") ? BL_ENTITY_TOPIC
                    : BL_ENTITY_ACTOR;
  BlEntityList *list;

  if (self->history == NULL)
    return;

  list = bl_entity_list_new (self->history, kind);
  gtk_window_set_transient_for (GTK_WINDOW (list), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (list));
}

/* Feeds */

static void
feeds_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->feeds != NULL)
    gtk_window_present (GTK_WINDOW (bl_feeds_dialog_new (GTK_WINDOW (self), self->feeds)));
}

/* Exports */

void
bl_window_on_exported (BlWindow   *self,
                       const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

  bl_window_toast (self, text);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  BlExportDialog *dialog;
  BlMapFrame frame;

  if (self->project == NULL || self->claim_layer == NULL)
    return;

  bl_claim_layer_get_frame (self->claim_layer, &frame);
  dialog = bl_export_dialog_new (GTK_WINDOW (self), self->project, self->visible,
                                 bl_basemap_source_get_renderer (self->basemap), &frame,
                                 bl_selection_get_claim_id (self->selection),
                                 bl_window_get_color_by (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (bl_window_on_exported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Imports: into the open project, or, with none open, as a new one */

static void
on_imported (BlImportDialog *dialog,
             BlProject      *created,
             BlWindow       *self)
{
  if (created != NULL)
    {
      bl_window_set_project (self, created, NULL);
      bl_history_mark_modified (self->history);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, bl_import_dialog_create_toast (dialog));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  BlImportDialog *dialog = bl_import_dialog_new (GTK_WINDOW (self), self->history);

  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  bl_import_dialog_choose_file (dialog);
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  BlMapFrame frame;

  if (self->project == NULL || self->claim_layer == NULL)
    return;

  bl_claim_layer_get_frame (self->claim_layer, &frame);
  if (bl_copy_map_image (GTK_WIDGET (self->map_view), self->project, self->visible,
                         bl_basemap_source_get_renderer (self->basemap), &frame,
                         bl_selection_get_claim_id (self->selection),
                         bl_window_get_color_by (self), &error))
    bl_window_toast (self, _("Map copied as an image"));
  else
    bl_window_show_error (self, _("Could Not Copy the Map"), error);
}

/* Loading, the side panel and the search */

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
}

static void
show_claim_list_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  bl_selection_clear (self->selection);
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  else if (self->picking_editor != NULL)
    end_picking (self);
  else
    bl_selection_clear (self->selection);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->project == NULL)
    return;
  bl_selection_clear (self->selection);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The table */

/**
 * bl_window_class_init_actions:
 * @widget_class: the window's class
 *
 * Installs the window's actions and their keyboard shortcuts.
 */
void
bl_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, bl_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, bl_window_open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, bl_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, bl_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_install_action (widget_class, "win.show-claim-list", NULL, show_claim_list_action);
  gtk_widget_class_install_action (widget_class, "win.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.new-claim", NULL, new_claim_action);
  gtk_widget_class_install_action (widget_class, "win.edit-claim", NULL, edit_claim_action);
  gtk_widget_class_install_action (widget_class, "win.delete-claim", NULL, delete_claim_action);
  gtk_widget_class_install_action (widget_class, "win.manage-entities", "s", manage_entities_action);
  gtk_widget_class_install_action (widget_class, "win.feeds", NULL, feeds_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_property_action (widget_class, "win.base-map", "base-map");
  gtk_widget_class_install_property_action (widget_class, "win.color-by", "color-by");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "win.new-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.edit-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete-claim", NULL);
}
