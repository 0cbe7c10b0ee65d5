/* bl-feeds-dialog.c — the feeds a project subscribes to
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlFeedsDialog lists the subscriptions of a window's #BlFeedManager,
 * each with its address, when it last refreshed, how many claims of the
 * project came from it and, in words, what its last refresh did or why
 * it failed. It subscribes to a new address (checked as it is typed:
 * only http and https), unsubscribes (the claims stay, read-only, marked
 * as from a former feed), and refreshes one feed or all of them, with a
 * spinner while each downloads.
 *
 * The dialog only shows and asks: the subscriptions, their automatic
 * refreshes and the cancelling of downloads belong to the manager, which
 * lives as long as the window. Closing the dialog stops nothing.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-feeds-dialog.h"
#include "bl-uri.h"

struct _BlFeedsDialog
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwPreferencesGroup  *subscriptions_group;
  GtkListBox           *feed_list;
  AdwEntryRow          *url_row;
  AdwEntryRow          *name_row;
  AdwComboRow          *interval_row;
  GtkLabel             *url_hint;
  GtkWidget            *subscribe_button;

  /* owned */
  BlFeedManager        *feeds;
};

G_DEFINE_FINAL_TYPE (BlFeedsDialog, bl_feeds_dialog, ADW_TYPE_PREFERENCES_WINDOW)

/* The choices of the Refresh row, in seconds. */
static const guint intervals[] = { 0, 15 * 60, 60 * 60, 6 * 60 * 60, 24 * 60 * 60 };

/* Helpers */

static char *
describe_interval (guint seconds)
{
  if (seconds == 0)
    return g_strdup (_("refreshed only when asked"));
  if (seconds % (24 * 3600) == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every day", "every %u days", seconds / (24 * 3600)),
                            seconds / (24 * 3600));
  if (seconds % 3600 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every hour", "every %u hours", seconds / 3600),
                            seconds / 3600);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "every minute", "every %u minutes", MAX (1, seconds / 60)),
                          MAX (1, seconds / 60));
}

static char *
describe_last_refresh (gint64 when)
{
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (when <= 0 || (then = g_date_time_new_from_unix_local (when)) == NULL)
    return g_strdup (_("Never refreshed"));
  if (g_date_time_get_year (then) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (then) == g_date_time_get_day_of_year (now))
    /* Translators: a time of today, in g_date_time_format() notation */
    return g_date_time_format (then, _("Refreshed at %H:%M"));
  /* Translators: a date and time, in g_date_time_format() notation */
  return g_date_time_format (then, _("Refreshed on %-d %B %Y at %H:%M"));
}

/* What the last refresh did, or why it failed, in words. */
static char *
describe_status (BlFeedsDialog *self,
                 BlFeed        *feed)
{
  const char *outcome = bl_feed_manager_get_outcome (self->feeds, feed);

  switch (bl_feed_get_state (feed))
    {
    case BL_FEED_STATE_NEW:
      return g_strdup (_("Not refreshed yet"));
    case BL_FEED_STATE_REFRESHING:
      return g_strdup (_("Refreshing…"));
    case BL_FEED_STATE_FAILED:
      return g_strdup (bl_feed_get_last_error (feed));
    case BL_FEED_STATE_OK:
    default:
      return g_strdup (outcome != NULL ? outcome : _("The last refresh succeeded"));
    }
}

typedef struct {
  GtkWidget *status_icon;
  GtkWidget *spinner;
  GtkWidget *refresh_button;
} RowParts;

static void
update_row (AdwActionRow *row)
{
  BlFeedsDialog *self = BL_FEEDS_DIALOG (gtk_widget_get_root (GTK_WIDGET (row)));
  BlFeed *feed = g_object_get_data (G_OBJECT (row), "feed");
  RowParts *parts = g_object_get_data (G_OBJECT (row), "parts");
  gboolean refreshing, failed;
  g_autofree char *when = NULL;
  g_autofree char *how_often = NULL;
  g_autofree char *status = NULL;
  g_autofree char *counted = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  if (!BL_IS_FEEDS_DIALOG (self) || feed == NULL)
    return;

  refreshing = bl_feed_get_state (feed) == BL_FEED_STATE_REFRESHING;
  failed = bl_feed_get_state (feed) == BL_FEED_STATE_FAILED;
  n = bl_feed_manager_count_claims (self->feeds, feed);
  when = describe_last_refresh (bl_feed_get_last_success (feed));
  how_often = describe_interval (bl_feed_get_interval (feed));
  status = describe_status (self, feed);
  counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n), n);

  /* Translators: address, then "Refreshed at 14:02 · 3 claims · every hour", then what happened */
  subtitle = g_strdup_printf (_("%s\n%s · %s · %s\n%s"), bl_feed_get_url (feed), when, counted, how_often, status);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bl_feed_get_name (feed));
  adw_action_row_set_subtitle (row, subtitle);

  gtk_widget_set_visible (parts->status_icon, failed && !refreshing);
  gtk_widget_set_visible (parts->spinner, refreshing);
  gtk_spinner_set_spinning (GTK_SPINNER (parts->spinner), refreshing);
  gtk_widget_set_sensitive (parts->refresh_button, !refreshing);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (row), "feed-failed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "feed-failed");
}

static void
update_rows (BlFeedsDialog *self)
{
  if (self->feed_list == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->feed_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      update_row (ADW_ACTION_ROW (row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.refresh-all",
                                 g_list_model_get_n_items (bl_feed_manager_get_feeds (self->feeds)) > 0);
}

/* Checks the address as it is typed; returns whether it can be
 * subscribed to. */
static gboolean
check_address (BlFeedsDialog *self)
{
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  const char *problem = NULL;
  gboolean valid = FALSE;

  if (*url == '\0')
    ;
  else if (!bl_uri_is_web_link (url))
    problem = _("Only http and https addresses can be subscribed to");
  else
    {
      g_autoptr(BlFeed) probe = bl_feed_new (url, NULL, NULL);

      if (probe != NULL && bl_feed_manager_lookup (self->feeds, bl_feed_get_id (probe)) != NULL)
        problem = _("This project subscribes to that address already");
      else
        valid = probe != NULL;
    }

  if (problem != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->url_hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_hint), "dim-label");
      gtk_label_set_text (self->url_hint, problem);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->url_hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->url_hint), "dim-label");
      gtk_label_set_text (self->url_hint, _("An http or https address, such as https://example.org/claims.geojson"));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.subscribe", valid);
  return valid;
}

/* Toasts are Pango markup in libadwaita 1.2; feed names are not. */
static void
toast (BlFeedsDialog *self,
       const char    *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

/* Callbacks */

static void
on_refresh_clicked (GtkButton    *button,
                    AdwActionRow *row)
{
  BlFeedsDialog *self = BL_FEEDS_DIALOG (gtk_widget_get_root (GTK_WIDGET (row)));

  bl_feed_manager_refresh (self->feeds, g_object_get_data (G_OBJECT (row), "feed"));
}

static void
on_remove_clicked (GtkButton    *button,
                   AdwActionRow *row)
{
  BlFeedsDialog *self = BL_FEEDS_DIALOG (gtk_widget_get_root (GTK_WIDGET (row)));
  g_autoptr(BlFeed) feed = g_object_ref (g_object_get_data (G_OBJECT (row), "feed"));
  guint n = bl_feed_manager_count_claims (self->feeds, feed);
  g_autofree char *text = NULL;

  bl_feed_manager_remove (self->feeds, feed);
  if (n > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Unsubscribed from “%s”; its claim stays in the project",
                                         "Unsubscribed from “%s”; its %u claims stay in the project", n),
                            bl_feed_get_name (feed), n);
  else
    text = g_strdup_printf (_("Unsubscribed from “%s”"), bl_feed_get_name (feed));
  toast (self, text);
  check_address (self);
}

static void
on_feed_notify (BlFeed       *feed,
                GParamSpec   *pspec,
                AdwActionRow *row)
{
  update_row (row);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BlFeed *feed = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  RowParts *parts = g_new0 (RowParts, 1);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "feed", g_object_ref (feed), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "parts", parts, g_free);

  parts->status_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (parts->status_icon, "error");
  gtk_widget_set_tooltip_text (parts->status_icon, _("The last refresh failed"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), parts->status_icon);

  parts->spinner = gtk_spinner_new ();
  gtk_widget_set_valign (parts->spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (parts->spinner, _("Refreshing…"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), parts->spinner);

  button = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Refresh Now"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_refresh_clicked), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  parts->refresh_button = button;

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Unsubscribe (its claims stay)"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_signal_connect_object (feed, "notify", G_CALLBACK (on_feed_notify), row, 0);
  /* filled once the row is in the dialog */
  g_signal_connect (row, "realize", G_CALLBACK (update_row), NULL);
  return row;
}

static void
on_url_changed (BlFeedsDialog *self)
{
  check_address (self);
}

static void
subscribe_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BlFeedsDialog *self = BL_FEEDS_DIALOG (widget);
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  guint choice = adw_combo_row_get_selected (self->interval_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BlFeed *feed;

  if (!check_address (self))
    return;

  feed = bl_feed_manager_add (self->feeds, url, name, intervals[MIN (choice, G_N_ELEMENTS (intervals) - 1)], &error);
  if (feed == NULL)
    {
      gtk_label_set_text (self->url_hint, error->message);
      return;
    }

  text = g_strdup_printf (_("Subscribed to “%s”"), bl_feed_get_name (feed));
  toast (self, text);
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  update_rows (self);
}

static void
on_entry_activated (BlFeedsDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "feeds.subscribe", NULL);
}

static void
refresh_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  bl_feed_manager_refresh_all (BL_FEEDS_DIALOG (widget)->feeds);
}

/* Overrides */

static void
bl_feeds_dialog_dispose (GObject *object)
{
  BlFeedsDialog *self = BL_FEEDS_DIALOG (object);

  if (self->feeds != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->feeds, self);
      g_signal_handlers_disconnect_by_data (bl_feed_manager_get_history (self->feeds), self);
      g_signal_handlers_disconnect_by_data (bl_feed_manager_get_feeds (self->feeds), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_FEEDS_DIALOG);
  g_clear_object (&self->feeds);

  G_OBJECT_CLASS (bl_feeds_dialog_parent_class)->dispose (object);
}

static void
bl_feeds_dialog_class_init (BlFeedsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_feeds_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/borderline/Borderline/bl-feeds-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BlFeedsDialog, subscriptions_group);
  gtk_widget_class_bind_template_child (widget_class, BlFeedsDialog, feed_list);
  gtk_widget_class_bind_template_child (widget_class, BlFeedsDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, BlFeedsDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BlFeedsDialog, interval_row);
  gtk_widget_class_bind_template_child (widget_class, BlFeedsDialog, url_hint);
  gtk_widget_class_bind_template_child (widget_class, BlFeedsDialog, subscribe_button);
  gtk_widget_class_bind_template_callback (widget_class, on_url_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "feeds.subscribe", NULL, subscribe_action);
  gtk_widget_class_install_action (widget_class, "feeds.refresh-all", NULL, refresh_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "feeds.refresh-all", NULL);
}

static void
bl_feeds_dialog_init (BlFeedsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Public API */

/**
 * bl_feeds_dialog_new:
 * @parent: the window whose project the feeds go into
 * @feeds: its subscriptions
 *
 * Returns: (transfer none): a new dialog, to present
 */
BlFeedsDialog *
bl_feeds_dialog_new (GtkWindow     *parent,
                     BlFeedManager *feeds)
{
  BlFeedsDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BL_IS_FEED_MANAGER (feeds), NULL);

  self = g_object_new (BL_TYPE_FEEDS_DIALOG,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->feeds = g_object_ref (feeds);
  gtk_list_box_bind_model (self->feed_list, bl_feed_manager_get_feeds (feeds), create_row, NULL, NULL);
  g_signal_connect_object (feeds, "refreshed", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (feeds, "failed", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bl_feed_manager_get_history (feeds), "changed", G_CALLBACK (update_rows),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bl_feed_manager_get_feeds (feeds), "items-changed", G_CALLBACK (update_rows),
                           self, G_CONNECT_SWAPPED);

  if (!bl_feed_manager_get_kept (feeds))
    adw_preferences_group_set_description (self->subscriptions_group,
                                           _("This project has no file yet: its subscriptions last until the window closes, "
                                             "or are kept once the project is saved. Claims from a feed are read-only here."));
  check_address (self);
  update_rows (self);
  return self;
}
