/* bl-window.c — a Borderline window: one project, its map, timeline and panels
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlWindow shows one project. It opens and saves it (off the main
 * thread, with progress and cancellation), keeps the recent-projects list,
 * remembers its size, and lays out the places of the views: the map, the
 * timeline below it, and the side panel with the claim list. The views
 * themselves live in their own classes; the window only hands them the
 * project and never computes for them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-annotation-layer.h"
#include "bl-annotation-toolbar.h"
#include "bl-basemap-source.h"
#include "bl-claim.h"
#include "bl-claim-editor.h"
#include "bl-claim-layer.h"
#include "bl-claim-panel.h"
#include "bl-comparison-panel.h"
#include "bl-copy-image.h"
#include "bl-export-dialog.h"
#include "bl-feed-manager.h"
#include "bl-feeds-dialog.h"
#include "bl-import-dialog.h"
#include "bl-draft.h"
#include "bl-entity-list.h"
#include "bl-history.h"
#include "bl-error.h"
#include "bl-filter.h"
#include "bl-filter-popover.h"
#include "bl-map-view.h"
#include "bl-online-source.h"
#include "bl-project-io.h"
#include "bl-selection.h"
#include "bl-timeline.h"
#include "bl-timeline-bar.h"
#include "bl-views-menu.h"
#include "bl-visible-claims.h"
#include "bl-window.h"

#define SAMPLE_RESOURCE "/io/github/borderline/Borderline/samples/csto-isis-k-2023.borderline"
#define MAX_RECENT 6

struct _BlWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkListBox           *recent_list;
  GtkLabel             *recent_label;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *loading_progress;
  GtkListView          *claim_list;
  GtkLabel             *claims_heading;
  GtkStack             *side_stack;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *filter_button;
  BlFilterPopover      *filter_popover;
  BlClaimPanel         *claim_panel;
  BlComparisonPanel    *comparison_panel;
  AdwViewStack         *side_view_stack;
  BlMapView            *map_view;
  GtkWidget            *timeline_area;
  BlTimeline           *timeline;
  AdwHeaderBar         *header_bar;
  BlViewsMenu          *views_menu;
  GMenuModel           *base_map_menu;
  GMenu                *edit_section;

  /* owned */
  GSettings            *settings;
  BlProject            *project;
  BlFilter             *filter;
  BlSelection          *selection;
  BlHistory            *history;
  BlFeedManager        *feeds;
  char                 *draft_path;
  char                 *untitled_key;
  guint                 draft_source;
  struct _DraftWrite   *draft_write;   /* the draft being written, owned by its callback */
  guint64               draft_generation;
  char                 *file_etag;
  gboolean              close_after_save;
  BlClaimEditor        *picking_editor;   /* waiting for a click on the map */
  GtkGesture           *pick_gesture;
  BlVisibleClaims      *visible;
  GtkSingleSelection   *list_selection;
  BlBasemapSource      *basemap;
  BlOnlineSource       *online;
  ShumateMapSource     *online_map;
  BlClaimPainter       *painter;
  BlClaimLayer         *claim_layer;
  BlAnnotationLayer    *annotation_layer;
  BlAnnotationToolbar  *annotation_toolbar;
  char                 *base_map;
  char                 *color_by;
  GFile                *file;
  GCancellable         *load_cancellable;
  guint                 progress_source;
  gint                  load_permille;   /* atomic, written by the loader */
};

G_DEFINE_FINAL_TYPE (BlWindow, bl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BASE_MAP,
  PROP_COLOR_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_error    (BlWindow   *self,
                           const char *heading,
                           GError     *error);
static void set_project   (BlWindow   *self,
                           BlProject  *project,
                           GFile      *file);
static void remember_etag (BlWindow   *self);
static BlColorBy color_by_from_state (BlWindow *self);

/* Helpers */

static void
toast (BlWindow   *self,
       const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
update_title (BlWindow *self)
{
  const char *title = self->project ? bl_project_get_title (self->project) : NULL;
  g_autofree char *subtitle = NULL;

  if (self->file != NULL)
    subtitle = bl_file_get_display_name (self->file);
  else if (self->project != NULL)
    subtitle = g_strdup (_("Not saved yet"));

  if (self->history != NULL && bl_history_get_modified (self->history))
    {
      /* Translators: the title of a project with unsaved changes */
      g_autofree char *marked = g_strdup_printf (_("• %s"), title && *title ? title : _("Untitled Project"));

      adw_window_title_set_title (self->window_title, marked);
    }
  else
    adw_window_title_set_title (self->window_title,
                                title && *title ? title : _("Borderline"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title && *title ? title : _("Borderline"));
}

static void
update_actions (BlWindow *self)
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

static void
add_to_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-borderline",
    .app_name = (char *) "Borderline",
    .app_exec = (char *) "borderline %f",
    .groups = NULL,
    .is_private = FALSE,
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

/* Undo, redo, and unsaved work */

static void
update_edit_menu (BlWindow *self)
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

typedef struct _DraftWrite {
  BlWindow     *window;
  char         *path;
  guint64       generation;   /* of the history when the draft was taken */
  GCancellable *cancellable;
  gboolean      discard;      /* no longer wanted (and removed) */
} DraftWrite;

static void
on_draft_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DraftWrite *write = user_data;
  BlWindow *self = write->window;
  g_autoptr(GError) error = NULL;
  gboolean written = bl_draft_write_finish (result, &error);

  /* saved or discarded meanwhile, discard_draft() removed it: nothing to do */
  if (!write->discard)
    {
      if (written)
        self->draft_generation = write->generation;
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not keep a draft of the unsaved changes: %s", error->message);
    }

  if (self->draft_write == write)
    self->draft_write = NULL;

  g_object_unref (write->cancellable);
  g_free (write->path);
  g_object_unref (write->window);
  g_free (write);
}

static gboolean
write_draft (gpointer user_data)
{
  BlWindow *self = user_data;
  DraftWrite *write;

  self->draft_source = 0;
  if (self->project == NULL || self->history == NULL)
    return G_SOURCE_REMOVE;

  /* one draft at a time: the next once this one is written */
  if (self->draft_write != NULL)
    {
      self->draft_source = g_timeout_add_seconds (1, write_draft, self);
      return G_SOURCE_REMOVE;
    }

  if (self->draft_path == NULL)
    self->draft_path = bl_draft_path_for (self->file, self->untitled_key);

  /* serialised on a worker from a snapshot: a big project never stalls
   * typing */
  write = g_new0 (DraftWrite, 1);
  write->window = g_object_ref (self);
  write->path = g_strdup (self->draft_path);
  write->generation = bl_history_get_generation (self->history);
  write->cancellable = g_cancellable_new ();
  self->draft_write = write;
  bl_draft_write_async (self->project, write->path, self->file, write->cancellable, on_draft_written, write);

  return G_SOURCE_REMOVE;
}

static void
discard_draft (BlWindow *self)
{
  /* a draft being written stops, or finishes before bl_draft_discard()
   * removes it */
  if (self->draft_write != NULL)
    {
      self->draft_write->discard = TRUE;
      g_cancellable_cancel (self->draft_write->cancellable);
      self->draft_write = NULL;
    }
  g_clear_handle_id (&self->draft_source, g_source_remove);
  if (self->draft_path != NULL)
    bl_draft_discard (self->draft_path);
  g_clear_pointer (&self->draft_path, g_free);
}

/* A few seconds after a change, the draft; after a save, none. */
static void
on_history_changed (BlWindow *self)
{
  update_title (self);
  update_actions (self);
  update_edit_menu (self);

  if (!bl_history_get_modified (self->history))
    {
      discard_draft (self);
      return;
    }

  if (bl_history_get_generation (self->history) != self->draft_generation)
    {
      g_clear_handle_id (&self->draft_source, g_source_remove);
      self->draft_source = g_timeout_add_seconds (3, write_draft, self);
    }
}

typedef struct {
  BlWindow    *window;
  BlDraftInfo *info;
} RecoverRequest;

static void
recover_request_free (gpointer  data,
                      GClosure *closure)
{
  RecoverRequest *request = data;

  g_object_unref (request->window);
  bl_draft_info_free (request->info);
  g_free (request);
}

static void
on_recover_response (AdwMessageDialog *dialog,
                     const char       *response,
                     RecoverRequest   *request)
{
  BlWindow *self = request->window;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GFile) original = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "discard"))
    {
      bl_draft_discard (request->info->path);
      return;
    }
  if (!g_str_equal (response, "recover"))
    return;

  project = bl_draft_load (request->info, &error);
  if (project == NULL)
    {
      show_error (self, _("Could Not Recover the Changes"), error);
      return;
    }

  if (request->info->original_uri != NULL)
    original = g_file_new_for_uri (request->info->original_uri);

  set_project (self, project, original);
  remember_etag (self);

  /* the recovered work is unsaved work: it keeps its draft until saved */
  self->draft_path = g_strdup (request->info->path);
  bl_history_mark_modified (self->history);
  toast (self, _("Unsaved changes recovered"));
}

/* Offers to recover a draft a crash or a kill left behind: the newest
 * one, or the one of @file. */
static void
offer_recovery (BlWindow *self,
                GFile    *file)
{
  g_autoptr(GPtrArray) drafts = bl_draft_list ();
  g_autofree char *uri = file ? g_file_get_uri (file) : NULL;
  g_autofree char *when = NULL;
  g_autoptr(GDateTime) time = NULL;
  RecoverRequest *request;
  AdwMessageDialog *dialog;
  BlDraftInfo *info = NULL;
  const char *name;
  guint found = 0;

  for (guint i = 0; i < drafts->len && info == NULL; i++)
    {
      BlDraftInfo *candidate = g_ptr_array_index (drafts, i);

      if (uri == NULL || g_strcmp0 (candidate->original_uri, uri) == 0)
        {
          info = candidate;
          found = i;
        }
    }
  if (info == NULL)
    return;

  time = g_date_time_new_from_unix_local (info->saved_at);
  when = time ? g_date_time_format (time, "%c") : g_strdup ("");
  name = info->title && *info->title ? info->title : _("Untitled Project");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Recover Unsaved Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("Borderline closed before changes to “%s” were saved. "
                                    "A copy of them was kept on %s."),
                                  name, when);
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "later");

  request = g_new0 (RecoverRequest, 1);
  request->window = g_object_ref (self);
  request->info = g_ptr_array_steal_index (drafts, found);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_recover_response), request,
                         recover_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
offer_recovery_at_start (gpointer user_data)
{
  static gboolean offered;
  BlWindow *self = user_data;

  /* once a run, in the first empty window: not again in every new one */
  if (!offered && self->project == NULL && self->load_cancellable == NULL &&
      gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      offered = TRUE;
      offer_recovery (self, NULL);
    }
  return G_SOURCE_REMOVE;
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
static void
on_pick_released (GtkGestureClick *gesture,
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
  toast (self, _("Click on the map to place the claim (Escape cancels)"));
}

/* A claim from a feed is read-only: it changes when the feed does. */
static gboolean
claim_is_from_feed (BlWindow   *self,
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

  if (id != NULL && !claim_is_from_feed (self, id))
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
    toast (self, _("Claim deleted (Ctrl+Z brings it back)"));
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
on_feed_failed (BlFeedManager *feeds,
                BlFeed        *feed,
                GError        *error,
                BlWindow      *self)
{
  /* a toast is Pango markup; the message quotes the feed's name */
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  toast (self, escaped);
}

static void
feeds_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->feeds != NULL)
    gtk_window_present (GTK_WINDOW (bl_feeds_dialog_new (GTK_WINDOW (self), self->feeds)));
}

static void
on_exported (BlWindow   *self,
             const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *text = g_strdup_printf (_("Exported “%s”"), name);

  toast (self, text);
}

/* Exports */

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
                                 color_by_from_state (self));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, G_CONNECT_SWAPPED);
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
      set_project (self, created, NULL);
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
                         color_by_from_state (self), &error))
    toast (self, _("Map copied as an image"));
  else
    show_error (self, _("Could Not Copy the Map"), error);
}

/* The base map and the marker colours */

static BlColorBy
color_by_from_state (BlWindow *self)
{
  return g_strcmp0 (self->color_by, "claimant") == 0 ? BL_COLOR_BY_CLAIMANT : BL_COLOR_BY_TOPIC;
}

static void
on_online_failed (BlOnlineSource *source,
                  GError         *error,
                  BlWindow       *self)
{
  toast (self, error->message);
  g_settings_set_string (self->settings, "base-layer", "offline");
}

static void
show_base_map (BlWindow *self)
{
  if (g_strcmp0 (self->base_map, "openstreetmap") == 0)
    {
      if (self->online == NULL)
        {
          self->online = bl_online_source_new (NULL);
          g_signal_connect_object (self->online, "failed", G_CALLBACK (on_online_failed), self, 0);
          self->online_map = bl_online_source_create_map_source (self->online);
        }
      bl_online_source_reset_failure (self->online);
      bl_map_view_set_base_source (self->map_view, self->online_map);
    }
  else
    bl_map_view_set_base_source (self->map_view, SHUMATE_MAP_SOURCE (self->basemap));
}

static void
show_color_by (BlWindow *self)
{
  if (self->painter == NULL)
    return;

  bl_claim_painter_set_color_by (self->painter, color_by_from_state (self));
  gtk_widget_queue_draw (GTK_WIDGET (self->claim_layer));
  bl_map_legend_update (bl_map_view_get_legend (self->map_view));
}

static void
remember_etag (BlWindow *self)
{
  g_autoptr(GFileInfo) info = NULL;

  g_clear_pointer (&self->file_etag, g_free);
  if (self->file == NULL)
    return;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    self->file_etag = g_strdup (g_file_info_get_etag (info));
}

/* The claim list */

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

static void
update_claims_heading (BlWindow *self)
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
  GListModel *model = G_LIST_MODEL (self->visible);
  guint position = GTK_INVALID_LIST_POSITION;
  guint n = g_list_model_get_n_items (model);

  if (id != NULL)
    {
      for (guint i = 0; i < n && position == GTK_INVALID_LIST_POSITION; i++)
        {
          g_autoptr(BlClaim) claim = g_list_model_get_item (model, i);

          if (g_strcmp0 (bl_claim_get_id (claim), id) == 0)
            position = i;
        }
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-claim", id != NULL && !claim_is_from_feed (self, id));
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

static void
set_project (BlWindow  *self,
             BlProject *project,
             GFile     *file)
{
  g_set_object (&self->project, project);
  g_set_object (&self->file, file);

  discard_draft (self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->feeds != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->feeds, self);
      bl_feed_manager_shutdown (self->feeds);
    }
  g_clear_object (&self->feeds);
  g_clear_object (&self->history);
  g_clear_pointer (&self->file_etag, g_free);
  g_free (self->untitled_key);
  self->untitled_key = g_uuid_string_random ();
  if (project != NULL)
    {
      self->history = bl_history_new (project);
      g_signal_connect_swapped (self->history, "changed", G_CALLBACK (on_history_changed), self);
      self->feeds = bl_feed_manager_new (self->history, file);
      g_signal_connect (self->feeds, "failed", G_CALLBACK (on_feed_failed), self);
      bl_feed_manager_start (self->feeds, GTK_WIDGET (self));
    }
  bl_claim_panel_set_feeds (self->claim_panel, self->feeds);
  update_edit_menu (self);

  bl_selection_clear (self->selection);
  bl_filter_reset (self->filter);
  bl_filter_clear_window (self->filter);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  bl_filter_popover_set_project (self->filter_popover, project);

  if (self->visible != NULL)
    g_signal_handlers_disconnect_by_data (self->visible, self);
  if (self->claim_layer != NULL)
    bl_map_view_remove_layer (self->map_view, SHUMATE_LAYER (self->claim_layer));
  if (self->annotation_layer != NULL)
    bl_map_view_remove_layer (self->map_view, SHUMATE_LAYER (self->annotation_layer));
  bl_annotation_toolbar_set_layer (self->annotation_toolbar, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_toolbar), FALSE);
  g_clear_object (&self->annotation_layer);
  bl_timeline_set_visible_claims (self->timeline, NULL);
  bl_comparison_panel_set_visible_claims (self->comparison_panel, NULL);
  bl_map_legend_set_painter (bl_map_view_get_legend (self->map_view), NULL);
  g_clear_object (&self->claim_layer);
  g_clear_object (&self->painter);
  g_clear_object (&self->visible);
  bl_claim_panel_set_project (self->claim_panel, project);

  bl_views_menu_set_history (self->views_menu, self->history);

  if (project == NULL)
    {
      gtk_single_selection_set_model (self->list_selection, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_title (self);
      update_actions (self);
      return;
    }

  self->visible = bl_visible_claims_new (project, self->filter);
  g_signal_connect_swapped (self->visible, "changed", G_CALLBACK (update_claims_heading), self);
  gtk_single_selection_set_model (self->list_selection, G_LIST_MODEL (self->visible));
  update_claims_heading (self);

  self->painter = bl_claim_painter_new (self->visible, bl_basemap_source_get_renderer (self->basemap));
  bl_claim_painter_set_color_by (self->painter, color_by_from_state (self));
  self->claim_layer = g_object_ref_sink (bl_claim_layer_new (bl_map_view_get_viewport (self->map_view),
                                                             self->painter, self->selection));
  bl_claim_layer_set_history (self->claim_layer, self->history);
  bl_map_view_add_layer (self->map_view, SHUMATE_LAYER (self->claim_layer));

  /* annotations above the claims, as in exports */
  self->annotation_layer = g_object_ref_sink (bl_annotation_layer_new (bl_map_view_get_viewport (self->map_view),
                                                                       self->history));
  bl_map_view_add_layer (self->map_view, SHUMATE_LAYER (self->annotation_layer));
  bl_annotation_toolbar_set_layer (self->annotation_toolbar, self->annotation_layer);
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_toolbar), TRUE);
  bl_map_legend_set_painter (bl_map_view_get_legend (self->map_view), self->painter);
  g_signal_connect_swapped (self->visible, "changed",
                            G_CALLBACK (bl_map_legend_update), bl_map_view_get_legend (self->map_view));
  bl_timeline_set_visible_claims (self->timeline, self->visible);
  bl_timeline_set_selection (self->timeline, self->selection);
  bl_comparison_panel_set_visible_claims (self->comparison_panel, self->visible);

  gtk_stack_set_visible_child_name (self->side_stack, "list");
  /* from the loading page, at once: a cross-fade would draw both pages
   * for its 200 ms, and the project's first frame is what the user waits
   * for */
  gtk_stack_set_visible_child_full (self->stack, "project", GTK_STACK_TRANSITION_TYPE_NONE);
  update_title (self);
  update_actions (self);
}

/* Loading */

static void
on_load_progress (double   fraction,
                  gpointer user_data)
{
  BlWindow *self = user_data;

  g_atomic_int_set (&self->load_permille, (gint) (fraction * 1000));
}

static gboolean
on_progress_tick (gpointer user_data)
{
  BlWindow *self = user_data;

  gtk_progress_bar_set_fraction (self->loading_progress,
                                 g_atomic_int_get (&self->load_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
stop_loading (BlWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->load_cancellable);
  update_actions (self);
}

typedef struct {
  BlWindow *window;
  GFile    *file;
} LoadRequest;

static void
on_project_loaded (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LoadRequest *request = user_data;
  g_autoptr(BlWindow) self = request->window;
  g_autoptr(GFile) file = request->file;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_free (request);

  project = bl_project_load_finish (result, &error);
  stop_loading (self);

  if (project == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->project ? "project" : "empty");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Open the Project"), error);
      return;
    }

  add_to_recent (file);
  set_project (self, project, file);
  remember_etag (self);
  offer_recovery (self, file);
}

static void
start_loading (BlWindow *self,
               GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Opening “%s”…"), name);
  LoadRequest *request;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);

  self->load_cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->load_permille, 0);
  gtk_progress_bar_set_fraction (self->loading_progress, 0);
  adw_status_page_set_title (self->loading_page, title);
  gtk_stack_set_visible_child_full (self->stack, "loading", GTK_STACK_TRANSITION_TYPE_NONE);
  self->progress_source = g_timeout_add (100, on_progress_tick, self);
  update_actions (self);

  request = g_new0 (LoadRequest, 1);
  request->window = g_object_ref (self);
  request->file = g_object_ref (file);
  bl_project_load_async (file, self->load_cancellable, on_load_progress, self,
                         on_project_loaded, request);
}

/* Errors */

static void
show_error (BlWindow   *self,
            const char *heading,
            GError     *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  /* The problems of a project file, as plain text: they quote the file. */
  if (error->domain == BL_ERROR)
    body = g_strdup_printf ("%s\n\n%s", error->message,
                            _("Fix the file in a text editor, or open another project. "
                              "Nothing was changed."));
  else
    body = g_strdup (error->message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Recent projects */

static void
on_recent_row_activated (AdwActionRow *row,
                         gpointer      user_data)
{
  BlWindow *self = user_data;
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);

  bl_window_open_file (self, file);
}

static void
fill_recent_list (BlWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (GList *l = items; l != NULL && shown < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GFile) file = NULL;
      g_autofree char *name = NULL;
      g_autofree char *where = NULL;
      GtkWidget *row;

      if (!gtk_recent_info_has_application (info, "Borderline") || !gtk_recent_info_exists (info))
        continue;

      file = g_file_new_for_uri (uri);
      name = g_file_get_basename (file);
      where = bl_file_get_display_name (file);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_recent_row_activated), self, 0);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_label), shown > 0);
}

/* Actions */

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(BlWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      bl_window_open_file (self, file);
    }

  g_object_unref (dialog);
}

static GtkFileFilter *
project_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Borderline Projects"));
  gtk_file_filter_add_pattern (filter, "*.borderline");
  gtk_file_filter_add_mime_type (filter, "application/x-borderline");
  return filter;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = project_filter ();

  dialog = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize len;

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &len);
      project = bl_project_load_from_data (data, len, _("Sample project"), NULL, NULL, NULL, &error);
    }

  if (project == NULL)
    {
      show_error (self, _("Could Not Open the Sample"), error);
      return;
    }

  /* The sample is a new, unsaved project: Save asks where. */
  set_project (self, project, NULL);
}

typedef struct {
  BlWindow *window;
  guint64   generation;
} SaveRequest;

static void
on_saved (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(BlWindow) self = request->window;
  guint64 generation = request->generation;
  g_autoptr(GError) error = NULL;

  g_free (request);

  if (!bl_project_save_finish (result, &error))
    {
      self->close_after_save = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Save the Project"), error);
      return;
    }

  /* saved as it was when the save began: unmodified unless edited since */
  if (self->history != NULL && bl_history_get_generation (self->history) == generation)
    bl_history_mark_saved (self->history);

  remember_etag (self);
  add_to_recent (self->file);
  toast (self, _("Project saved"));

  if (self->close_after_save)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_now (BlWindow *self,
          GFile    *file)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  /* a new file for this project: its draft moves with it */
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      discard_draft (self);
      g_set_object (&self->file, file);
      if (self->feeds != NULL)
        bl_feed_manager_set_file (self->feeds, file);
    }
  update_title (self);

  request->window = g_object_ref (self);
  request->generation = self->history ? bl_history_get_generation (self->history) : 0;
  bl_project_save_async (self->project, file, NULL, on_saved, request);
}

static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             BlWindow         *self)
{
  if (g_str_equal (response, "overwrite"))
    save_now (self, self->file);
  else if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
  else
    self->close_after_save = FALSE;
}

/* Saving over a file that another program changed since it was opened or
 * saved here asks first. */
static void
save_to (BlWindow *self,
         GFile    *file)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *etag = NULL;

  if (self->file != NULL && g_file_equal (self->file, file) && self->file_etag != NULL)
    {
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
      etag = info ? g_file_info_get_etag (info) : NULL;
    }

  if (etag != NULL && g_strcmp0 (etag, self->file_etag) != 0)
    {
      g_autofree char *name = g_file_get_basename (file);
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("The File Was Changed by Another Program"),
                                                           NULL));
      adw_message_dialog_format_body (dialog,
                                      _("“%s” changed on disk since it was opened here. "
                                        "Saving now replaces those changes with yours."), name);
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Replace"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "save-as");
      adw_message_dialog_set_close_response (dialog, "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (on_changed_on_disk_response), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  save_now (self, file);
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(BlWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *name = g_file_get_basename (file);

      /* Give the file its extension, so it opens in Borderline again. */
      if (!g_str_has_suffix (name, ".borderline"))
        {
          g_autofree char *with_ext = g_strconcat (name, ".borderline", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_set_object (&file, g_file_get_child (parent, with_ext));
        }

      save_to (self, file);
    }

  g_object_unref (dialog);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = project_filter ();
  const char *title;

  if (self->project == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), self->file, NULL);
  else
    {
      g_autofree char *name = NULL;

      title = bl_project_get_title (self->project);
      name = g_strdup_printf ("%s.borderline", title && *title ? title : _("Untitled"));
      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlWindow *self = BL_WINDOW (widget);

  if (self->project == NULL)
    return;

  if (self->file == NULL)
    save_as_action (widget, "win.save-as", NULL);
  else
    save_to (self, self->file);
}

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

/* Overrides */

static gboolean
destroy_window (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_close_response (AdwMessageDialog *dialog,
                   const char       *response,
                   BlWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      discard_draft (self);
      if (self->history != NULL)
        bl_history_mark_saved (self->history);
      /* after the dialog has closed itself */
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

static gboolean
ask_about_unsaved_changes (BlWindow *self)
{
  const char *title = bl_project_get_title (self->project);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has changes that are not saved. Changes that are not saved are lost."),
                                  title && *title ? title : _("Untitled Project"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static gboolean
bl_window_close_request (GtkWindow *window)
{
  BlWindow *self = BL_WINDOW (window);
  int width, height;

  if (self->history != NULL && bl_history_get_modified (self->history))
    return ask_about_unsaved_changes (self);

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  if (self->online != NULL)
    bl_online_source_cancel_all (self->online);
  if (self->feeds != NULL)
    bl_feed_manager_shutdown (self->feeds);

  return GTK_WINDOW_CLASS (bl_window_parent_class)->close_request (window);
}

static void
bl_window_dispose (GObject *object)
{
  BlWindow *self = BL_WINDOW (object);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  /* unsaved work that was not discarded stays in its draft: written here
   * and now, as the main loop may be ending */
  if (self->draft_source != 0 && self->project != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* an older draft still being written stops before it writes */
      if (self->draft_write != NULL)
        g_cancellable_cancel (self->draft_write->cancellable);
      self->draft_write = NULL;
      g_clear_handle_id (&self->draft_source, g_source_remove);
      if (self->draft_path == NULL)
        self->draft_path = bl_draft_path_for (self->file, self->untitled_key);
      if (!bl_draft_write (self->project, self->draft_path, self->file, &error))
        g_warning ("Could not keep a draft of the unsaved changes: %s", error->message);
    }
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->feeds != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->feeds, self);
      bl_feed_manager_shutdown (self->feeds);
    }
  g_clear_object (&self->feeds);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_WINDOW);

  G_OBJECT_CLASS (bl_window_parent_class)->dispose (object);
}

static void
bl_window_finalize (GObject *object)
{
  BlWindow *self = BL_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->picking_editor);
  g_clear_object (&self->history);
  g_clear_pointer (&self->draft_path, g_free);
  g_clear_pointer (&self->untitled_key, g_free);
  g_clear_pointer (&self->file_etag, g_free);
  g_clear_pointer (&self->base_map, g_free);
  g_clear_pointer (&self->color_by, g_free);
  g_clear_object (&self->claim_layer);
  g_clear_object (&self->annotation_layer);
  g_clear_object (&self->painter);
  g_clear_object (&self->online_map);
  g_clear_object (&self->online);
  g_clear_object (&self->basemap);
  g_clear_object (&self->visible);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->project);
  g_clear_object (&self->file);
  g_clear_object (&self->load_cancellable);

  G_OBJECT_CLASS (bl_window_parent_class)->finalize (object);
}

static void
bl_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BlWindow *self = BL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BASE_MAP:
      g_value_set_string (value, self->base_map);
      break;
    case PROP_COLOR_BY:
      g_value_set_string (value, self->color_by);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BlWindow *self = BL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BASE_MAP:
      if (g_strcmp0 (self->base_map, g_value_get_string (value)) != 0)
        {
          g_free (self->base_map);
          self->base_map = g_value_dup_string (value);
          if (self->map_view != NULL && self->basemap != NULL)
            show_base_map (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_COLOR_BY:
      if (g_strcmp0 (self->color_by, g_value_get_string (value)) != 0)
        {
          g_free (self->color_by);
          self->color_by = g_value_dup_string (value);
          show_color_by (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_window_class_init (BlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bl_window_dispose;
  object_class->finalize = bl_window_finalize;
  object_class->get_property = bl_window_get_property;
  object_class->set_property = bl_window_set_property;
  window_class->close_request = bl_window_close_request;

  properties[PROP_BASE_MAP] =
    g_param_spec_string ("base-map", NULL, "The map under the claims: “offline” or “openstreetmap”",
                         "offline",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR_BY] =
    g_param_spec_string ("color-by", NULL, "What marker colours say: “topic” or “claimant”",
                         "topic",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/borderline/Borderline/bl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, recent_label);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, claim_list);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, claims_heading);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, claim_panel);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, comparison_panel);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, side_view_stack);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, timeline_area);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, base_map_menu);
  gtk_widget_class_bind_template_child (widget_class, BlWindow, edit_section);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
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

static void
bl_window_init (BlWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  int width, height;

  g_autoptr(GError) basemap_error = NULL;

  self->base_map = g_strdup ("offline");
  self->color_by = g_strdup ("topic");

  g_type_ensure (BL_TYPE_CLAIM_PANEL);
  g_type_ensure (BL_TYPE_COMPARISON_PANEL);
  g_type_ensure (BL_TYPE_MAP_VIEW);
  g_type_ensure (BL_TYPE_TIMELINE);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* the offline basemap; bad data gives an empty, working map and a word */
  self->basemap = bl_basemap_source_new_default (&basemap_error);
  g_object_bind_property (self, "scale-factor", self->basemap, "scale-factor", G_BINDING_SYNC_CREATE);
  bl_map_view_set_menu_model (self->map_view, self->base_map_menu);
  self->annotation_toolbar = BL_ANNOTATION_TOOLBAR (bl_annotation_toolbar_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->annotation_toolbar), FALSE);
  bl_map_view_add_control (self->map_view, GTK_WIDGET (self->annotation_toolbar));
  bl_annotation_toolbar_install_shortcuts (self->annotation_toolbar, GTK_WIDGET (self->map_view));
  gtk_box_prepend (GTK_BOX (self->timeline_area), bl_timeline_bar_new (self->timeline));
  self->views_menu = BL_VIEWS_MENU (bl_views_menu_new (self->timeline, self->map_view));
  adw_header_bar_pack_end (self->header_bar, GTK_WIDGET (self->views_menu));
  g_signal_connect_swapped (self->views_menu, "applied", G_CALLBACK (on_view_applied), self);

  self->filter = bl_filter_new ();
  self->selection = bl_selection_new ();
  self->list_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  gtk_list_view_set_model (self->claim_list, GTK_SELECTION_MODEL (self->list_selection));
  g_signal_connect (self->claim_list, "activate", G_CALLBACK (on_claim_activated), self);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  self->filter_popover = BL_FILTER_POPOVER (bl_filter_popover_new (self->filter));
  bl_filter_popover_attach (self->filter_popover, self->filter_button);
  g_signal_connect_swapped (self->selection, "notify::claim-id", G_CALLBACK (on_selection_changed), self);
  bl_claim_panel_set_selection (self->claim_panel, self->selection);
  bl_comparison_panel_set_selection (self->comparison_panel, self->selection);
  g_signal_connect_swapped (self->comparison_panel, "exported", G_CALLBACK (on_exported), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-claim-list", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-claim", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-claim", FALSE);

  /* picking a place for the editor: before the map's own gestures */
  self->pick_gesture = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->pick_gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (self->pick_gesture, "released", G_CALLBACK (on_pick_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map_view), GTK_EVENT_CONTROLLER (self->pick_gesture));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "base-layer", self, "base-map", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "color-by", self, "color-by", G_SETTINGS_BIND_DEFAULT);
  show_base_map (self);
  if (basemap_error != NULL)
    toast (self, basemap_error->message);

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_claim_row_setup), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_claim_row_bind), self, 0);
  gtk_list_view_set_factory (self->claim_list, factory);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (fill_recent_list), self, G_CONNECT_SWAPPED);
  fill_recent_list (self);

  update_title (self);
  update_actions (self);

  /* a new, empty window offers what a crash left behind */
  g_idle_add_full (G_PRIORITY_LOW, offer_recovery_at_start, g_object_ref (self), g_object_unref);
}

BlWindow *
bl_window_new (BlApplication *application)
{
  return g_object_new (BL_TYPE_WINDOW, "application", application, NULL);
}

/**
 * bl_window_open_file:
 * @file: a .borderline file
 *
 * Opens @file in this window, in the background; the window shows the
 * progress and, on failure, what went wrong.
 */
void
bl_window_open_file (BlWindow *self,
                     GFile    *file)
{
  g_return_if_fail (BL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_loading (self, file);
}

gboolean
bl_window_has_project (BlWindow *self)
{
  g_return_val_if_fail (BL_IS_WINDOW (self), FALSE);
  return self->project != NULL || self->load_cancellable != NULL;
}

/**
 * bl_window_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
BlProject *
bl_window_get_project (BlWindow *self)
{
  g_return_val_if_fail (BL_IS_WINDOW (self), NULL);
  return self->project;
}

/**
 * bl_window_get_file:
 *
 * Returns: (transfer none) (nullable): the project's file
 */
GFile *
bl_window_get_file (BlWindow *self)
{
  g_return_val_if_fail (BL_IS_WINDOW (self), NULL);
  return self->file;
}

/**
 * bl_window_get_selected_claim:
 *
 * Returns: (nullable): the id of the selected claim
 */
const char *
bl_window_get_selected_claim (BlWindow *self)
{
  g_return_val_if_fail (BL_IS_WINDOW (self), NULL);
  return bl_selection_get_claim_id (self->selection);
}

/**
 * bl_window_get_side_page:
 *
 * Returns: what the claims tab of the side panel shows: "list" or "claim"
 */
const char *
bl_window_get_side_page (BlWindow *self)
{
  g_return_val_if_fail (BL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->side_stack);
}

/**
 * bl_window_set_search_text:
 * @text: what to search the claims for
 *
 * Types @text into the search entry, as the user would.
 */
void
bl_window_set_search_text (BlWindow   *self,
                           const char *text)
{
  g_return_if_fail (BL_IS_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  /* the entry waits a moment before it says "search-changed" */
  bl_filter_set_text (self->filter, text);
}

/**
 * bl_window_get_filter:
 *
 * Returns: (transfer none): the filter every view shares
 */
BlFilter *
bl_window_get_filter (BlWindow *self)
{
  g_return_val_if_fail (BL_IS_WINDOW (self), NULL);
  return self->filter;
}

/**
 * bl_window_get_history:
 *
 * Returns: (transfer none) (nullable): the undo history of the project
 */
BlHistory *
bl_window_get_history (BlWindow *self)
{
  g_return_val_if_fail (BL_IS_WINDOW (self), NULL);
  return self->history;
}
