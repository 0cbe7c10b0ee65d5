/* bl-window-private.h — what the parts of the window share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window is one class split by concern: bl-window.c (the class, its
 * properties, the base map, putting a project in place, and the wiring),
 * bl-window-actions.c (the window's actions and their accelerators, undo
 * and redo, editing claims, exports and imports), bl-window-io.c (opening,
 * saving, the recent projects and the question before closing unsaved
 * work), bl-window-drafts.c (drafts of unsaved work and their recovery)
 * and bl-window-claim-list.c (the claim list, its search and how it
 * follows the selection).
 */
#pragma once

#include "bl-annotation-layer.h"
#include "bl-annotation-toolbar.h"
#include "bl-basemap-source.h"
#include "bl-claim-editor.h"
#include "bl-claim-layer.h"
#include "bl-claim-painter.h"
#include "bl-claim-panel.h"
#include "bl-comparison-panel.h"
#include "bl-feed-manager.h"
#include "bl-filter-popover.h"
#include "bl-history.h"
#include "bl-map-view.h"
#include "bl-online-source.h"
#include "bl-selection.h"
#include "bl-timeline.h"
#include "bl-views-menu.h"
#include "bl-visible-claims.h"
#include "bl-window.h"

G_BEGIN_DECLS

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

/* bl-window.c */
void       bl_window_toast                     (BlWindow        *self,
                                                const char      *text);
void       bl_window_update_title              (BlWindow        *self);
void       bl_window_show_error                (BlWindow        *self,
                                                const char      *heading,
                                                GError          *error);
void       bl_window_set_project               (BlWindow        *self,
                                                BlProject       *project,
                                                GFile           *file);
BlColorBy  bl_window_get_color_by              (BlWindow        *self);
AdwMessageDialog *
           bl_window_new_unsaved_question      (BlWindow        *self,
                                                const char      *heading,
                                                const char      *later_id,
                                                const char      *later_label,
                                                const char      *keep_id,
                                                const char      *keep_label);

/* bl-window-actions.c */
void       bl_window_class_init_actions        (GtkWidgetClass  *widget_class);
void       bl_window_update_actions            (BlWindow        *self);
void       bl_window_update_edit_menu          (BlWindow        *self);
gboolean   bl_window_claim_is_from_feed        (BlWindow        *self,
                                                const char      *id);
void       bl_window_on_pick_released          (GtkGestureClick *gesture,
                                                int              n_press,
                                                double           x,
                                                double           y,
                                                BlWindow        *self);
void       bl_window_on_exported               (BlWindow        *self,
                                                const char      *path);

/* bl-window-io.c */
void       bl_window_open_action               (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);
void       bl_window_open_sample_action        (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);
void       bl_window_save_action               (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);
void       bl_window_save_as_action            (GtkWidget       *widget,
                                                const char      *action_name,
                                                GVariant        *parameter);
void       bl_window_remember_etag             (BlWindow        *self);
void       bl_window_fill_recent_list          (BlWindow        *self);
gboolean   bl_window_ask_about_unsaved_changes (BlWindow        *self);

/* bl-window-drafts.c */
void       bl_window_on_history_changed        (BlWindow        *self);
void       bl_window_discard_draft             (BlWindow        *self);
void       bl_window_keep_draft                (BlWindow        *self);
void       bl_window_offer_recovery            (BlWindow        *self,
                                                GFile           *file);
gboolean   bl_window_offer_recovery_at_start   (gpointer         user_data);

/* bl-window-claim-list.c */
void       bl_window_init_claim_list           (BlWindow        *self);
void       bl_window_update_claims_heading     (BlWindow        *self);

G_END_DECLS
