/* bl-views-menu.c — saved views: save, restore, rename, delete
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A "Views" button for the header bar. Its popover lists the project's
 * saved views: clicking one puts back the map's extent, the timeline's
 * window, clock, cumulative mode, lanes and zoom, and the search and
 * topic filter it was saved with. Each row can be renamed, deleted and
 * made the view the project opens with; "Save Current View…" names the
 * present state and adds it. Every change to the list goes through the
 * #BlHistory, so it is undoable and marks the project modified.
 *
 * It reads and writes the map view, the timeline and the timeline's
 * filter; it keeps no state of its own beyond the list it shows.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "bl-views-menu.h"

struct _BlViewsMenu
{
  GtkWidget    parent_instance;

  /* children */
  GtkWidget   *button;
  GtkListBox  *list;

  /* owned */
  BlTimeline  *timeline;
  BlMapView   *map_view;
  BlHistory   *history;
  guint        default_tick;     /* waiting to show the default view */
};

G_DEFINE_FINAL_TYPE (BlViewsMenu, bl_views_menu, GTK_TYPE_WIDGET)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers {{{ */

static GPtrArray *
get_views (BlViewsMenu *self)
{
  return self->history ? bl_project_get_views (bl_history_get_project (self->history)) : NULL;
}

static guint
row_index (GtkWidget *widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "bl-view-index"));
}

static void
set_index (GtkWidget *widget,
           guint      index)
{
  g_object_set_data (G_OBJECT (widget), "bl-view-index", GUINT_TO_POINTER (index));
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void rebuild (BlViewsMenu *self);

/* A name no view has yet: "View 1", "View 2"… */
static char *
new_name (BlViewsMenu *self)
{
  GPtrArray *views = get_views (self);

  for (guint n = (views ? views->len : 0) + 1;; n++)
    {
      /* Translators: the suggested name of a new saved view */
      g_autofree char *name = g_strdup_printf (_("View %u"), n);
      gboolean used = FALSE;

      for (guint i = 0; views && i < views->len; i++)
        used |= g_strcmp0 (((BlView *) g_ptr_array_index (views, i))->name, name) == 0;
      if (!used)
        return g_steal_pointer (&name);
    }
}

/* Asks for a name; @response gets "ok" or "cancel". */
static AdwMessageDialog *
name_dialog (BlViewsMenu *self,
             const char  *heading,
             const char  *body,
             const char  *ok_label,
             const char  *name)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "ok", ok_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "bl-entry", entry);
  gtk_widget_grab_focus (entry);

  return ADW_MESSAGE_DIALOG (dialog);
}

/* The name typed, trimmed, or NULL when there is none */
static char *
dialog_name (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "bl-entry");
  char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (name[0] == '\0')
    g_clear_pointer (&name, g_free);
  return name;
}

/* }}} */

/* Callbacks {{{ */

static void
on_save_response (AdwMessageDialog *dialog,
                  const char       *response,
                  BlViewsMenu      *self)
{
  g_autofree char *name = dialog_name (dialog);

  if (g_strcmp0 (response, "ok") == 0 && name != NULL)
    bl_views_menu_save_view (self, name);
}

static void
on_save_clicked (GtkButton   *button,
                 BlViewsMenu *self)
{
  g_autofree char *name = new_name (self);
  AdwMessageDialog *dialog;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  if (self->history == NULL)
    return;

  dialog = name_dialog (self, _("Save Current View"),
                        _("The map’s extent, the time window with its clock and lanes, and the search are saved in the project."),
                        _("_Save"), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  BlViewsMenu   *self)
{
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  bl_views_menu_restore (self, row_index (GTK_WIDGET (row)));
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    BlViewsMenu      *self)
{
  g_autofree char *name = dialog_name (dialog);
  GPtrArray *views = get_views (self);
  guint index = row_index (GTK_WIDGET (dialog));
  g_autoptr(BlView) renamed = NULL;

  if (g_strcmp0 (response, "ok") != 0 || name == NULL || views == NULL || index >= views->len)
    return;

  renamed = bl_view_copy (g_ptr_array_index (views, index));
  g_free (renamed->name);
  renamed->name = g_steal_pointer (&name);
  bl_history_replace_view (self->history, index, renamed, _("Rename View"));
}

static void
on_rename_clicked (GtkButton   *button,
                   BlViewsMenu *self)
{
  GPtrArray *views = get_views (self);
  guint index = row_index (GTK_WIDGET (button));
  AdwMessageDialog *dialog;

  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->button));
  if (views == NULL || index >= views->len)
    return;

  dialog = name_dialog (self, _("Rename View"), NULL, _("_Rename"),
                        ((BlView *) g_ptr_array_index (views, index))->name);
  set_index (GTK_WIDGET (dialog), index);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_delete_clicked (GtkButton   *button,
                   BlViewsMenu *self)
{
  if (self->history != NULL)
    bl_history_remove_view (self->history, row_index (GTK_WIDGET (button)), _("Delete View"));
}

static void
on_default_clicked (GtkButton   *button,
                    BlViewsMenu *self)
{
  GPtrArray *views = get_views (self);
  guint index = row_index (GTK_WIDGET (button));
  gboolean make_default;

  if (views == NULL || index >= views->len)
    return;

  make_default = !((BlView *) g_ptr_array_index (views, index))->is_default;
  bl_history_begin_group (self->history, make_default ? _("Set Default View") : _("Unset Default View"));
  for (guint i = 0; i < views->len; i++)
    {
      const BlView *view = g_ptr_array_index (views, i);
      gboolean is_default = i == index && make_default;

      if (!view->is_default != !is_default)
        {
          g_autoptr(BlView) copy = bl_view_copy (view);

          copy->is_default = is_default;
          bl_history_replace_view (self->history, i, copy, NULL);
        }
    }
  bl_history_end_group (self->history);
}

static gboolean
show_default_cb (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  BlViewsMenu *self = user_data;
  GPtrArray *views = get_views (self);

  /* both need their size before a view can be shown exactly */
  if (gtk_widget_get_width (GTK_WIDGET (self->timeline)) <= 0 ||
      gtk_widget_get_width (GTK_WIDGET (self->map_view)) <= 0)
    return G_SOURCE_CONTINUE;

  self->default_tick = 0;
  for (guint i = 0; views && i < views->len; i++)
    if (((BlView *) g_ptr_array_index (views, i))->is_default)
      {
        bl_views_menu_restore (self, i);
        break;
      }

  return G_SOURCE_REMOVE;
}

/* }}} */

/* The list {{{ */

static GtkWidget *
make_row (BlViewsMenu  *self,
          const BlView *view,
          guint         index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (view->name);   /* plain text, never markup */
  GtkWidget *star, *rename, *delete;

  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_box_append (GTK_BOX (box), label);

  star = icon_button (view->is_default ? "starred-symbolic" : "non-starred-symbolic",
                      view->is_default ? _("Opens With This View") : _("Open With This View"));
  rename = icon_button ("document-edit-symbolic", _("Rename"));
  delete = icon_button ("user-trash-symbolic", _("Delete"));
  set_index (row, index);
  set_index (star, index);
  set_index (rename, index);
  set_index (delete, index);
  g_signal_connect (star, "clicked", G_CALLBACK (on_default_clicked), self);
  g_signal_connect (rename, "clicked", G_CALLBACK (on_rename_clicked), self);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked), self);
  gtk_box_append (GTK_BOX (box), star);
  gtk_box_append (GTK_BOX (box), rename);
  gtk_box_append (GTK_BOX (box), delete);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Show this view"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, view->name, -1);
  return row;
}

static void
rebuild (BlViewsMenu *self)
{
  GPtrArray *views = get_views (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; views && i < views->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (views, i), i));

  gtk_widget_set_sensitive (self->button, self->history != NULL);
}

/* }}} */

/* GObject {{{ */

static void
bl_views_menu_dispose (GObject *object)
{
  BlViewsMenu *self = (BlViewsMenu *) object;

  if (self->default_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->default_tick);
  self->default_tick = 0;
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->timeline);
  g_clear_object (&self->map_view);
  g_clear_pointer (&self->button, gtk_widget_unparent);

  G_OBJECT_CLASS (bl_views_menu_parent_class)->dispose (object);
}

static void
bl_views_menu_class_init (BlViewsMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_views_menu_dispose;

  /**
   * BlViewsMenu::applied:
   *
   * A saved view has just been shown, and the filter's text may differ
   * from what a search entry shows.
   */
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "viewsmenu");
}

static void
bl_views_menu_init (BlViewsMenu *self)
{
  GtkWidget *popover, *box, *scrolled, *placeholder, *save;

  self->button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->button), _("Views"));
  gtk_widget_set_tooltip_text (self->button, _("Saved Views"));
  /* GTK 4.8 does not name a menu button after its label */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Saved Views"), -1);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Saved Views"), -1);
  placeholder = gtk_label_new (_("No saved views"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scrolled);

  save = gtk_button_new_with_mnemonic (_("_Save Current View…"));
  gtk_widget_add_css_class (save, "flat");
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_clicked), self);
  gtk_box_append (GTK_BOX (box), save);

  popover = gtk_popover_new ();
  gtk_widget_set_size_request (box, 300, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->button), popover);

  rebuild (self);
}

/* }}} */

/* Public API {{{ */

/**
 * bl_views_menu_new:
 * @timeline: the timeline whose window, clock and lanes views hold
 * @map_view: the map whose extent views hold
 *
 * Returns: (transfer floating): a Views button, insensitive until
 *   bl_views_menu_set_history() gives it a project
 */
GtkWidget *
bl_views_menu_new (BlTimeline *timeline,
                   BlMapView  *map_view)
{
  BlViewsMenu *self;

  g_return_val_if_fail (BL_IS_TIMELINE (timeline), NULL);
  g_return_val_if_fail (BL_IS_MAP_VIEW (map_view), NULL);

  self = g_object_new (BL_TYPE_VIEWS_MENU, NULL);
  self->timeline = g_object_ref (timeline);
  self->map_view = g_object_ref (map_view);
  return GTK_WIDGET (self);
}

/**
 * bl_views_menu_set_history:
 * @history: (nullable): the open project's history
 *
 * Lists the project's views, and shows its default view as soon as the
 * map and the timeline have their size.
 */
void
bl_views_menu_set_history (BlViewsMenu *self,
                           BlHistory   *history)
{
  GPtrArray *views;

  g_return_if_fail (BL_IS_VIEWS_MENU (self));
  g_return_if_fail (history == NULL || BL_IS_HISTORY (history));

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);

  if (self->default_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->default_tick);
  self->default_tick = 0;

  views = get_views (self);
  for (guint i = 0; views && i < views->len; i++)
    if (((BlView *) g_ptr_array_index (views, i))->is_default)
      {
        self->default_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_default_cb, self, NULL);
        break;
      }
}

/**
 * bl_views_menu_capture:
 * @name: the view's name
 *
 * Returns: (transfer full): what the map, the timeline and the filter
 *   show now, as a view
 */
BlView *
bl_views_menu_capture (BlViewsMenu *self,
                       const char  *name)
{
  BlView *view;
  BlFilter *filter;
  double west, south, east, north;

  g_return_val_if_fail (BL_IS_VIEWS_MENU (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  view = bl_view_new (name);
  if (bl_map_view_get_extent (self->map_view, &west, &south, &east, &north))
    {
      view->west = west;
      view->south = south;
      view->east = east;
      view->north = north;
    }
  bl_timeline_save_view (self->timeline, view);

  filter = bl_timeline_get_filter (self->timeline);
  if (filter != NULL && self->history != NULL)
    {
      BlProject *project = bl_history_get_project (self->history);
      const char *text = bl_filter_get_text (filter);
      guint32 topic = bl_filter_get_topic (filter);

      if (text != NULL && text[0] != '\0')
        view->text = g_strdup (text);
      if (topic != BL_NO_INDEX && topic < g_list_model_get_n_items (bl_project_get_topics (project)))
        view->topic = g_strdup (bl_topic_get_id (bl_project_get_topic (project, topic)));
    }

  return view;
}

/**
 * bl_views_menu_apply:
 * @view: a saved view
 *
 * Shows @view: the map's extent, the timeline's window, clock, lanes and
 * zoom, the search text and the topic. What @view leaves unset stays.
 */
void
bl_views_menu_apply (BlViewsMenu  *self,
                     const BlView *view)
{
  BlFilter *filter;

  g_return_if_fail (BL_IS_VIEWS_MENU (self));
  g_return_if_fail (view != NULL);

  if (!isnan (view->west))
    bl_map_view_show_extent (self->map_view, view->west, view->south, view->east, view->north);

  filter = bl_timeline_get_filter (self->timeline);
  if (filter != NULL && self->history != NULL)
    {
      BlProject *project = bl_history_get_project (self->history);

      bl_filter_set_text (filter, view->text);
      bl_filter_set_topic (filter, view->topic ? bl_project_find_topic (project, view->topic) : BL_NO_INDEX);
    }
  bl_timeline_restore_view (self->timeline, view);
  g_signal_emit (self, signals[APPLIED], 0);
}

/**
 * bl_views_menu_save_view:
 * @name: what to call it
 *
 * Adds what is shown now to the project's views, as one undoable step.
 */
void
bl_views_menu_save_view (BlViewsMenu *self,
                         const char  *name)
{
  g_autoptr(BlView) view = NULL;

  g_return_if_fail (BL_IS_VIEWS_MENU (self));
  g_return_if_fail (name != NULL);

  if (self->history == NULL)
    return;

  view = bl_views_menu_capture (self, name);
  bl_history_add_view (self->history, view, _("Save View"));
}

/**
 * bl_views_menu_restore:
 * @index: which of the project's views
 *
 * Returns: %FALSE when there is no such view
 */
gboolean
bl_views_menu_restore (BlViewsMenu *self,
                       guint        index)
{
  GPtrArray *views;

  g_return_val_if_fail (BL_IS_VIEWS_MENU (self), FALSE);

  views = get_views (self);
  if (views == NULL || index >= views->len)
    return FALSE;

  bl_views_menu_apply (self, g_ptr_array_index (views, index));
  return TRUE;
}

/* }}} */
