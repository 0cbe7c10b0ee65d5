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
 *
 * This file holds the class, its properties, the base map, putting a
 * project in place, and the wiring; bl-window-private.h says where the
 * rest is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-error.h"
#include "bl-map-legend.h"
#include "bl-project-io.h"
#include "bl-timeline-bar.h"
#include "bl-window-private.h"

G_DEFINE_FINAL_TYPE (BlWindow, bl_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BASE_MAP,
  PROP_COLOR_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

void
bl_window_toast (BlWindow   *self,
                 const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
bl_window_update_title (BlWindow *self)
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

/* Feeds */

static void
on_feed_failed (BlFeedManager *feeds,
                BlFeed        *feed,
                GError        *error,
                BlWindow      *self)
{
  /* a toast is Pango markup; the message quotes the feed's name */
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  bl_window_toast (self, escaped);
}

/* The base map and the marker colours */

BlColorBy
bl_window_get_color_by (BlWindow *self)
{
  return g_strcmp0 (self->color_by, "claimant") == 0 ? BL_COLOR_BY_CLAIMANT : BL_COLOR_BY_TOPIC;
}

static void
on_online_failed (BlOnlineSource *source,
                  GError         *error,
                  BlWindow       *self)
{
  bl_window_toast (self, error->message);
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

  bl_claim_painter_set_color_by (self->painter, bl_window_get_color_by (self));
  gtk_widget_queue_draw (GTK_WIDGET (self->claim_layer));
  bl_map_legend_update (bl_map_view_get_legend (self->map_view));
}

/* A project in its place: every view gets it, or lets go of the last one */

/* Stops following the project's history and shuts its feeds down: before
 * another project, or as the window goes. */
static void
stop_history_and_feeds (BlWindow *self)
{
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->feeds != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->feeds, self);
      bl_feed_manager_shutdown (self->feeds);
    }
  g_clear_object (&self->feeds);
}

void
bl_window_set_project (BlWindow  *self,
                       BlProject *project,
                       GFile     *file)
{
  g_set_object (&self->project, project);
  g_set_object (&self->file, file);

  bl_window_discard_draft (self);
  stop_history_and_feeds (self);
  g_clear_object (&self->history);
  g_clear_pointer (&self->file_etag, g_free);
  g_free (self->untitled_key);
  self->untitled_key = g_uuid_string_random ();
  if (project != NULL)
    {
      self->history = bl_history_new (project);
      g_signal_connect_swapped (self->history, "changed", G_CALLBACK (bl_window_on_history_changed), self);
      self->feeds = bl_feed_manager_new (self->history, file);
      g_signal_connect (self->feeds, "failed", G_CALLBACK (on_feed_failed), self);
      bl_feed_manager_start (self->feeds, GTK_WIDGET (self));
    }
  bl_claim_panel_set_feeds (self->claim_panel, self->feeds);
  bl_window_update_edit_menu (self);

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
      bl_window_update_title (self);
      bl_window_update_actions (self);
      return;
    }

  self->visible = bl_visible_claims_new (project, self->filter);
  g_signal_connect_swapped (self->visible, "changed", G_CALLBACK (bl_window_update_claims_heading), self);
  gtk_single_selection_set_model (self->list_selection, G_LIST_MODEL (self->visible));
  bl_window_update_claims_heading (self);

  self->painter = bl_claim_painter_new (self->visible, bl_basemap_source_get_renderer (self->basemap));
  bl_claim_painter_set_color_by (self->painter, bl_window_get_color_by (self));
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
  bl_window_update_title (self);
  bl_window_update_actions (self);
}

/* Errors and questions */

void
bl_window_show_error (BlWindow   *self,
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

/* A question about unsaved work, with three answers: @later_id leaves it
 * as it is (also Escape), "discard" throws it away, and @keep_id, the
 * suggested one (also Enter), keeps it. The caller sets the body, connects
 * to "response" and presents the dialog. */
AdwMessageDialog *
bl_window_new_unsaved_question (BlWindow   *self,
                                const char *heading,
                                const char *later_id,
                                const char *later_label,
                                const char *keep_id,
                                const char *keep_label)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  adw_message_dialog_add_responses (dialog,
                                    later_id, later_label,
                                    "discard", _("_Discard"),
                                    keep_id, keep_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, keep_id, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, keep_id);
  adw_message_dialog_set_close_response (dialog, later_id);
  return dialog;
}

/* Overrides */

static gboolean
bl_window_close_request (GtkWindow *window)
{
  BlWindow *self = BL_WINDOW (window);
  int width, height;

  if (self->history != NULL && bl_history_get_modified (self->history))
    return bl_window_ask_about_unsaved_changes (self);

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
  bl_window_keep_draft (self);
  stop_history_and_feeds (self);

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

  bl_window_class_init_actions (widget_class);
}

static void
bl_window_init (BlWindow *self)
{
  g_autoptr(GError) basemap_error = NULL;
  int width, height;

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

  self->filter = bl_filter_new ();
  self->selection = bl_selection_new ();
  bl_window_init_claim_list (self);
  self->filter_popover = BL_FILTER_POPOVER (bl_filter_popover_new (self->filter));
  bl_filter_popover_attach (self->filter_popover, self->filter_button);
  bl_claim_panel_set_selection (self->claim_panel, self->selection);
  bl_comparison_panel_set_selection (self->comparison_panel, self->selection);
  g_signal_connect_swapped (self->comparison_panel, "exported", G_CALLBACK (bl_window_on_exported), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-claim-list", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-claim", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-claim", FALSE);

  /* picking a place for the editor: before the map's own gestures */
  self->pick_gesture = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->pick_gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (self->pick_gesture, "released", G_CALLBACK (bl_window_on_pick_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map_view), GTK_EVENT_CONTROLLER (self->pick_gesture));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "base-layer", self, "base-map", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "color-by", self, "color-by", G_SETTINGS_BIND_DEFAULT);
  show_base_map (self);
  if (basemap_error != NULL)
    bl_window_toast (self, basemap_error->message);

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (bl_window_fill_recent_list), self, G_CONNECT_SWAPPED);
  bl_window_fill_recent_list (self);

  bl_window_update_title (self);
  bl_window_update_actions (self);

  /* a new, empty window offers what a crash left behind */
  g_idle_add_full (G_PRIORITY_LOW, bl_window_offer_recovery_at_start, g_object_ref (self), g_object_unref);
}

BlWindow *
bl_window_new (BlApplication *application)
{
  return g_object_new (BL_TYPE_WINDOW, "application", application, NULL);
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
