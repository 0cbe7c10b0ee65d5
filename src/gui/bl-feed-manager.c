/* bl-feed-manager.c — the feeds a window's project subscribes to
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlFeedManager belongs to one window and its project. It reads the
 * project's subscriptions (bl_feed_list_load()), keeps them as a list
 * model for the feeds dialog and the claim panel, refreshes them on
 * demand and every #BlFeed:interval seconds (starting only once the
 * window has drawn its first frame), keeps what each refresh changed in
 * the subscriptions (bl_feed_list_save()), and cancels everything when
 * the window goes (bl_feed_manager_shutdown()).
 *
 * Every refresh merges through the window's #BlHistory, so each is one
 * step to undo. Failures are told once, through #BlFeedManager::failed.
 * Not here: downloading and merging (bl-feed-fetch.c), any widget
 * (bl-feeds-dialog.c).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-error.h"
#include "bl-feed-manager.h"

struct _BlFeedManager
{
  GObject       parent_instance;

  /* owned */
  GListStore   *feeds;
  BlHistory    *history;
  char         *project_uri;     /* NULL while the project has no file */
  GCancellable *cancellable;
  GHashTable   *outcomes;        /* feed id → what its last refresh did */
  GError       *load_error;      /* told once the window is there */

  gboolean      started;
  gboolean      shut_down;
};

G_DEFINE_FINAL_TYPE (BlFeedManager, bl_feed_manager, G_TYPE_OBJECT)

enum {
  REFRESHED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static BlProject *
get_project (BlFeedManager *self)
{
  return bl_history_get_project (self->history);
}

/* Keeps the subscriptions and what they remember; a project without a
 * file keeps them only while the window is open. */
static void
save (BlFeedManager *self)
{
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->feeds));

  if (self->project_uri == NULL || self->shut_down)
    return;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (feeds, g_list_model_get_item (G_LIST_MODEL (self->feeds), i));
  if (!bl_feed_list_save (self->project_uri, feeds, &error))
    g_signal_emit (self, signals[FAILED], 0, NULL, error);
}

/* Lets @feed refresh itself every interval, into this project. */
static void
arm (BlFeedManager *self,
     BlFeed        *feed)
{
  bl_feed_set_target (feed, get_project (self), self->history);
  /* a loaded feed may say "on" without its timer running yet */
  bl_feed_set_auto_refresh (feed, FALSE);
  bl_feed_set_auto_refresh (feed, bl_feed_get_interval (feed) > 0);
}

static void
disarm (BlFeedManager *self,
        BlFeed        *feed)
{
  g_signal_handlers_disconnect_by_data (feed, self);
  bl_feed_set_auto_refresh (feed, FALSE);
  bl_feed_set_target (feed, NULL, NULL);
  bl_feed_cancel (feed);
}

/* Callbacks */

static void
on_feed_refreshed (BlFeed        *feed,
                   BlMergeReport *report,
                   BlFeedManager *self)
{
  g_hash_table_replace (self->outcomes, g_strdup (bl_feed_get_id (feed)),
                        bl_merge_report_get_summary (report));
  save (self);
  g_signal_emit (self, signals[REFRESHED], 0, feed, report);
}

static void
on_feed_failed (BlFeed        *feed,
                GError        *error,
                BlFeedManager *self)
{
  g_hash_table_remove (self->outcomes, bl_feed_get_id (feed));
  save (self);
  g_signal_emit (self, signals[FAILED], 0, feed, error);
}

static void
on_refresh_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(BlFeedManager) self = user_data;

  /* failures were told through BlFeed::failed already */
  bl_feed_refresh_finish (BL_FEED (object), result, NULL, NULL);
}

static void
watch (BlFeedManager *self,
       BlFeed        *feed)
{
  g_signal_connect (feed, "refreshed", G_CALLBACK (on_feed_refreshed), self);
  g_signal_connect (feed, "failed", G_CALLBACK (on_feed_failed), self);
}

static void
refresh (BlFeedManager *self,
         BlFeed        *feed,
         gboolean       automatic)
{
  if (self->shut_down || bl_feed_get_state (feed) == BL_FEED_STATE_REFRESHING)
    return;

  if (automatic)
    bl_feed_refresh_async (feed, get_project (self), self->history, self->cancellable, NULL, NULL);
  else
    bl_feed_refresh_async (feed, get_project (self), self->history, self->cancellable,
                           on_refresh_done, g_object_ref (self));
}

/* The window has drawn its first frame: automatic refreshes may start,
 * with the feeds whose interval has passed while Borderline was closed. */
static gboolean
on_window_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  BlFeedManager *self = user_data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n;

  if (self->shut_down || self->started)
    return G_SOURCE_REMOVE;
  if (gdk_frame_clock_get_frame_counter (clock) < 2)
    return G_SOURCE_CONTINUE;

  self->started = TRUE;
  if (self->load_error != NULL)
    {
      g_autoptr(GError) error = g_steal_pointer (&self->load_error);

      g_signal_emit (self, signals[FAILED], 0, NULL, error);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->feeds));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlFeed) feed = g_list_model_get_item (G_LIST_MODEL (self->feeds), i);
      guint interval = bl_feed_get_interval (feed);

      arm (self, feed);
      if (interval > 0 && now - bl_feed_get_last_success (feed) >= interval)
        refresh (self, feed, TRUE);
    }
  return G_SOURCE_REMOVE;
}

/* Overrides */

static void
bl_feed_manager_dispose (GObject *object)
{
  BlFeedManager *self = BL_FEED_MANAGER (object);

  bl_feed_manager_shutdown (self);
  if (self->feeds != NULL)
    g_list_store_remove_all (self->feeds);

  G_OBJECT_CLASS (bl_feed_manager_parent_class)->dispose (object);
}

static void
bl_feed_manager_finalize (GObject *object)
{
  BlFeedManager *self = BL_FEED_MANAGER (object);

  g_clear_object (&self->feeds);
  g_clear_object (&self->history);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->outcomes, g_hash_table_unref);
  g_clear_error (&self->load_error);
  g_free (self->project_uri);

  G_OBJECT_CLASS (bl_feed_manager_parent_class)->finalize (object);
}

static void
bl_feed_manager_class_init (BlFeedManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bl_feed_manager_dispose;
  object_class->finalize = bl_feed_manager_finalize;

  /**
   * BlFeedManager::refreshed:
   * @self: the manager
   * @feed: the feed refreshed
   * @report: what the refresh merged, or that nothing changed
   *
   * Emitted after each successful refresh, on demand or automatic.
   */
  signals[REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 2, BL_TYPE_FEED, BL_TYPE_MERGE_REPORT);

  /**
   * BlFeedManager::failed:
   * @self: the manager
   * @feed: (nullable): the feed that failed; %NULL when the subscriptions
   *   could not be kept
   * @error: what went wrong, in a sentence to show as is
   *
   * Emitted once per failure (an automatic refresh failing again the
   * same way is not told again); never for a cancelled refresh.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, BL_TYPE_FEED, G_TYPE_ERROR);
}

static void
bl_feed_manager_init (BlFeedManager *self)
{
  self->feeds = g_list_store_new (BL_TYPE_FEED);
  self->cancellable = g_cancellable_new ();
  self->outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API */

/**
 * bl_feed_manager_new:
 * @history: the history of the window's project; every refresh goes
 *   through it
 * @file: (nullable): the project's file, whose subscriptions are read
 *
 * A subscription list that cannot be read starts empty, and the failure
 * is told once the window has drawn its first frame (#BlFeedManager::failed).
 *
 * Returns: (transfer full): the feeds of the project
 */
BlFeedManager *
bl_feed_manager_new (BlHistory *history,
                     GFile     *file)
{
  BlFeedManager *self;

  g_return_val_if_fail (BL_IS_HISTORY (history), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (BL_TYPE_FEED_MANAGER, NULL);
  self->history = g_object_ref (history);
  if (file != NULL)
    {
      g_autoptr(GPtrArray) feeds = NULL;

      self->project_uri = g_file_get_uri (file);
      feeds = bl_feed_list_load (self->project_uri, &self->load_error);
      for (guint i = 0; feeds != NULL && i < feeds->len; i++)
        {
          watch (self, g_ptr_array_index (feeds, i));
          g_list_store_append (self->feeds, g_ptr_array_index (feeds, i));
        }
    }
  return self;
}

/**
 * bl_feed_manager_get_feeds:
 *
 * Returns: (transfer none): the subscriptions, a list of #BlFeed
 */
GListModel *
bl_feed_manager_get_feeds (BlFeedManager *self)
{
  g_return_val_if_fail (BL_IS_FEED_MANAGER (self), NULL);
  return G_LIST_MODEL (self->feeds);
}

/**
 * bl_feed_manager_get_history:
 *
 * Returns: (transfer none): the history refreshes go through
 */
BlHistory *
bl_feed_manager_get_history (BlFeedManager *self)
{
  g_return_val_if_fail (BL_IS_FEED_MANAGER (self), NULL);
  return self->history;
}

/**
 * bl_feed_manager_get_kept:
 *
 * Returns: whether the subscriptions are kept for the next session (the
 *   project has a file)
 */
gboolean
bl_feed_manager_get_kept (BlFeedManager *self)
{
  g_return_val_if_fail (BL_IS_FEED_MANAGER (self), FALSE);
  return self->project_uri != NULL;
}

/**
 * bl_feed_manager_set_file:
 * @file: the file the project was just saved as
 *
 * The subscriptions follow the project to its new file.
 */
void
bl_feed_manager_set_file (BlFeedManager *self,
                          GFile         *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (BL_IS_FEED_MANAGER (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  if (g_strcmp0 (uri, self->project_uri) == 0)
    return;
  g_free (self->project_uri);
  self->project_uri = g_steal_pointer (&uri);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->feeds)) > 0)
    save (self);
}

/**
 * bl_feed_manager_lookup:
 * @feed_id: a feed's id, as in a claim's `feed:ID` tag
 *
 * Returns: (transfer none) (nullable): the subscription, or %NULL when
 *   the project no longer subscribes to it
 */
BlFeed *
bl_feed_manager_lookup (BlFeedManager *self,
                        const char    *feed_id)
{
  guint n;

  g_return_val_if_fail (BL_IS_FEED_MANAGER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->feeds));
  for (guint i = 0; feed_id != NULL && i < n; i++)
    {
      g_autoptr(BlFeed) feed = g_list_model_get_item (G_LIST_MODEL (self->feeds), i);

      if (g_str_equal (bl_feed_get_id (feed), feed_id))
        return feed;   /* the store holds it */
    }
  return NULL;
}

/**
 * bl_feed_manager_add:
 * @url: an http or https address
 * @name: (nullable): what to call the feed; %NULL or "" for its host
 * @interval: seconds between automatic refreshes; 0 for none
 * @error: a #GError
 *
 * Subscribes to @url and refreshes it at once.
 *
 * Returns: (transfer none) (nullable): the new subscription; %NULL with
 *   %BL_ERROR_INVALID for an address that is not a web link or is
 *   subscribed already
 */
BlFeed *
bl_feed_manager_add (BlFeedManager  *self,
                     const char     *url,
                     const char     *name,
                     guint           interval,
                     GError        **error)
{
  g_autoptr(BlFeed) feed = NULL;

  g_return_val_if_fail (BL_IS_FEED_MANAGER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  feed = bl_feed_new (url, name != NULL && *name != '\0' ? name : NULL, error);
  if (feed == NULL)
    return NULL;
  if (bl_feed_manager_lookup (self, bl_feed_get_id (feed)) != NULL)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("This project subscribes to that address already"));
      return NULL;
    }

  bl_feed_set_interval (feed, interval);
  watch (self, feed);
  if (self->started)
    arm (self, feed);
  g_list_store_append (self->feeds, feed);
  save (self);
  refresh (self, feed, FALSE);
  return feed;
}

/**
 * bl_feed_manager_remove:
 * @feed: a subscription
 *
 * Unsubscribes, cancelling a refresh under way. The claims the feed
 * delivered stay in the project, still tagged with the feed.
 */
void
bl_feed_manager_remove (BlFeedManager *self,
                        BlFeed        *feed)
{
  guint position;

  g_return_if_fail (BL_IS_FEED_MANAGER (self));
  g_return_if_fail (BL_IS_FEED (feed));

  if (!g_list_store_find (self->feeds, feed, &position))
    return;
  disarm (self, feed);
  g_hash_table_remove (self->outcomes, bl_feed_get_id (feed));
  g_list_store_remove (self->feeds, position);
  save (self);
}

/**
 * bl_feed_manager_refresh:
 * @feed: a subscription
 *
 * Refreshes @feed now, unless it is refreshing already.
 */
void
bl_feed_manager_refresh (BlFeedManager *self,
                         BlFeed        *feed)
{
  g_return_if_fail (BL_IS_FEED_MANAGER (self));
  g_return_if_fail (BL_IS_FEED (feed));

  refresh (self, feed, FALSE);
}

/**
 * bl_feed_manager_refresh_all:
 *
 * Refreshes every subscription that is not refreshing already.
 */
void
bl_feed_manager_refresh_all (BlFeedManager *self)
{
  guint n;

  g_return_if_fail (BL_IS_FEED_MANAGER (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->feeds));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlFeed) feed = g_list_model_get_item (G_LIST_MODEL (self->feeds), i);

      refresh (self, feed, FALSE);
    }
}

/**
 * bl_feed_manager_count_claims:
 * @feed: a subscription
 *
 * Returns: how many claims of the project came from @feed
 */
guint
bl_feed_manager_count_claims (BlFeedManager *self,
                              BlFeed        *feed)
{
  BlClaimStore *store;
  guint n, count = 0;

  g_return_val_if_fail (BL_IS_FEED_MANAGER (self), 0);
  g_return_val_if_fail (BL_IS_FEED (feed), 0);

  store = bl_project_get_claims (get_project (self));
  n = bl_claim_store_get_n_claims (store);
  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord r;

      bl_claim_store_get_record (store, i, &r);
      if (g_strcmp0 (bl_feed_id_from_tags (r.tags), bl_feed_get_id (feed)) == 0)
        count++;
    }
  return count;
}

/**
 * bl_feed_manager_get_outcome:
 * @feed: a subscription
 *
 * Returns: (nullable): what the last successful refresh of this session
 *   did, in words ("2 claims added, …", "Not changed since the last
 *   refresh"); %NULL before one or after a failure
 */
const char *
bl_feed_manager_get_outcome (BlFeedManager *self,
                             BlFeed        *feed)
{
  g_return_val_if_fail (BL_IS_FEED_MANAGER (self), NULL);
  g_return_val_if_fail (BL_IS_FEED (feed), NULL);

  return g_hash_table_lookup (self->outcomes, bl_feed_get_id (feed));
}

/**
 * bl_feed_manager_start:
 * @window: the window showing the project
 *
 * Starts the automatic refreshes once @window has drawn its first frame,
 * so that no download holds up the start.
 */
void
bl_feed_manager_start (BlFeedManager *self,
                       GtkWidget     *window)
{
  g_return_if_fail (BL_IS_FEED_MANAGER (self));
  g_return_if_fail (GTK_IS_WIDGET (window));

  if (self->started || self->shut_down)
    return;
  gtk_widget_add_tick_callback (window, on_window_tick, g_object_ref (self), g_object_unref);
}

/**
 * bl_feed_manager_shutdown:
 *
 * Keeps the subscriptions, stops the automatic refreshes and cancels
 * every refresh under way, silently: the window is going. The project is
 * left as it is.
 */
void
bl_feed_manager_shutdown (BlFeedManager *self)
{
  guint n;

  g_return_if_fail (BL_IS_FEED_MANAGER (self));

  if (self->shut_down)
    return;
  save (self);
  self->shut_down = TRUE;
  g_cancellable_cancel (self->cancellable);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->feeds));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BlFeed) feed = g_list_model_get_item (G_LIST_MODEL (self->feeds), i);

      disarm (self, feed);
    }
}
