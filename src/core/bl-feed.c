/* bl-feed.c — a subscription to claims served on the web
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlFeed is a subscription: an http or https address that serves a
 * Borderline project, GeoJSON or CSV, refreshed on demand and, when
 * asked, every #BlFeed:interval seconds into its target project. Its
 * claims are merged with bl_project_merge(), tagged `feed:ID`, and never
 * overwrite a claim edited here; they stay when the feed goes away. The
 * feed remembers what a conditional request needs (ETag, Last-Modified)
 * and the fingerprints of the claims it delivered.
 *
 * Each feed has its own SoupSession (bl_http_session_new(): Borderline's
 * User-Agent, the feed's I/O timeout, no content decoder). A refresh
 * itself is in bl-feed-fetch.c (the download, guarded by bl-http.c) and
 * bl-feed-apply.c (reading and merging what arrived); keeping
 * subscriptions between sessions in bl-feed-list.c. Not here: any widget (the feeds dialog),
 * the rules of merging (bl-merge.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bl-error.h"
#include "bl-feed-private.h"
#include "bl-http.h"
#include "bl-uri.h"
#include "bl-util.h"

#define USER_AGENT BL_HTTP_USER_AGENT

G_DEFINE_FINAL_TYPE (BlFeed, bl_feed, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BlFeedState, bl_feed_state,
                    G_DEFINE_ENUM_VALUE (BL_FEED_STATE_NEW, "new"),
                    G_DEFINE_ENUM_VALUE (BL_FEED_STATE_REFRESHING, "refreshing"),
                    G_DEFINE_ENUM_VALUE (BL_FEED_STATE_OK, "ok"),
                    G_DEFINE_ENUM_VALUE (BL_FEED_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_ID,
  PROP_URL,
  PROP_NAME,
  PROP_INTERVAL,
  PROP_ETAG,
  PROP_LAST_MODIFIED,
  PROP_LAST_SUCCESS,
  PROP_LAST_ERROR,
  PROP_STATE,
  PROP_TIMEOUT,
  PROP_DEADLINE,
  PROP_MAX_SIZE,
  PROP_AUTO_REFRESH,
  PROP_USER_AGENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REFRESHED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void update_auto_refresh (BlFeed *self);

/* Helpers */

static void
set_string (BlFeed      *self,
            char       **field,
            const char  *value,
            guint        prop_id)
{
  if (bl_set_str (field, value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_state (BlFeed      *self,
           BlFeedState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static char *
id_for_url (const char *url)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);

  return g_strndup (sum, 8);
}

/* Ids go into tags, claim ids and file names: short, plain ASCII. */
gboolean
bl_feed_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

/* Keeps the ETag and Last-Modified of the feed just merged. */
void
bl_feed_set_validators (BlFeed     *self,
                        const char *etag,
                        const char *last_modified)
{
  set_string (self, &self->etag, etag, PROP_ETAG);
  set_string (self, &self->last_modified, last_modified, PROP_LAST_MODIFIED);
}

/* A refresh ended: with @report, with @error, or cancelled. Updates the
 * state and tells the signals. */
void
bl_feed_refresh_ended (BlFeed        *self,
                       BlMergeReport *report,
                       const GError  *error,
                       BlFeedState    state_before,
                       gboolean       automatic)
{
  self->refreshing = FALSE;

  if (error == NULL)
    {
      self->last_success = g_get_real_time () / G_USEC_PER_SEC;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
      set_state (self, BL_FEED_STATE_OK);
      set_string (self, &self->last_error, NULL, PROP_LAST_ERROR);
      g_clear_pointer (&self->last_signalled, g_free);
      g_signal_emit (self, signals[REFRESHED], 0, report);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_state (self, state_before);
      return;
    }

  set_state (self, BL_FEED_STATE_FAILED);
  set_string (self, &self->last_error, error->message, PROP_LAST_ERROR);
  if (automatic && g_strcmp0 (self->last_signalled, error->message) == 0)
    return;
  if (automatic)
    bl_set_str (&self->last_signalled, error->message);
  g_signal_emit (self, signals[FAILED], 0, error);
}

/* Callbacks */

static gboolean
on_auto_refresh (gpointer user_data)
{
  BlFeed *self = user_data;

  if (self->refreshing || self->target == NULL)
    return G_SOURCE_CONTINUE;

  bl_feed_refresh_async (self, self->target, self->target_history, NULL, NULL, NULL);
  return G_SOURCE_CONTINUE;
}

static void
on_auto_refreshed (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  /* told through the signals */
  bl_feed_refresh_finish (BL_FEED (object), result, NULL, NULL);
}

/* Overrides */

static void
bl_feed_constructed (GObject *object)
{
  BlFeed *self = BL_FEED (object);

  G_OBJECT_CLASS (bl_feed_parent_class)->constructed (object);

  if (self->url == NULL)
    self->url = g_strdup ("");
  if (!bl_feed_id_is_valid (self->id))
    {
      g_free (self->id);
      self->id = id_for_url (self->url);
    }
  if (self->name == NULL || *self->name == '\0')
    {
      g_autoptr(GUri) uri = g_uri_parse (self->url, SOUP_HTTP_URI_FLAGS, NULL);

      g_free (self->name);
      self->name = g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : self->url);
    }

  /* gzip is asked for and inflated by bl-http.c, counted against the cap */
  self->session = bl_http_session_new (self->timeout, 2);
}

static void
bl_feed_dispose (GObject *object)
{
  BlFeed *self = BL_FEED (object);

  g_clear_handle_id (&self->auto_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->target);
  g_clear_object (&self->target_history);

  G_OBJECT_CLASS (bl_feed_parent_class)->dispose (object);
}

static void
bl_feed_finalize (GObject *object)
{
  BlFeed *self = BL_FEED (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->origins, g_hash_table_unref);
  g_free (self->id);
  g_free (self->url);
  g_free (self->name);
  g_free (self->etag);
  g_free (self->last_modified);
  g_free (self->last_error);
  g_free (self->last_signalled);

  G_OBJECT_CLASS (bl_feed_parent_class)->finalize (object);
}

static void
bl_feed_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  BlFeed *self = BL_FEED (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_string (value, self->id); break;
    case PROP_URL:           g_value_set_string (value, self->url); break;
    case PROP_NAME:          g_value_set_string (value, self->name); break;
    case PROP_INTERVAL:      g_value_set_uint (value, self->interval); break;
    case PROP_ETAG:          g_value_set_string (value, self->etag); break;
    case PROP_LAST_MODIFIED: g_value_set_string (value, self->last_modified); break;
    case PROP_LAST_SUCCESS:  g_value_set_int64 (value, self->last_success); break;
    case PROP_LAST_ERROR:    g_value_set_string (value, self->last_error); break;
    case PROP_STATE:         g_value_set_enum (value, self->state); break;
    case PROP_TIMEOUT:       g_value_set_uint (value, self->timeout); break;
    case PROP_DEADLINE:      g_value_set_uint (value, self->deadline); break;
    case PROP_MAX_SIZE:      g_value_set_uint (value, self->max_size); break;
    case PROP_AUTO_REFRESH:  g_value_set_boolean (value, self->auto_refresh); break;
    case PROP_USER_AGENT:    g_value_set_string (value, USER_AGENT); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_uint (BlFeed *self,
          guint  *field,
          guint   value,
          guint   prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
bl_feed_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  BlFeed *self = BL_FEED (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_NAME:
      bl_feed_set_name (self, g_value_get_string (value));
      break;

    case PROP_INTERVAL:
      bl_feed_set_interval (self, g_value_get_uint (value));
      break;

    case PROP_TIMEOUT:
      set_uint (self, &self->timeout, g_value_get_uint (value), prop_id);
      if (self->session != NULL)
        soup_session_set_timeout (self->session, self->timeout);
      break;

    case PROP_DEADLINE:
      set_uint (self, &self->deadline, g_value_get_uint (value), prop_id);
      break;

    case PROP_MAX_SIZE:
      set_uint (self, &self->max_size, g_value_get_uint (value), prop_id);
      break;

    case PROP_AUTO_REFRESH:
      bl_feed_set_auto_refresh (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_feed_class_init (BlFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const GParamFlags co = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = bl_feed_constructed;
  object_class->dispose = bl_feed_dispose;
  object_class->finalize = bl_feed_finalize;
  object_class->get_property = bl_feed_get_property;
  object_class->set_property = bl_feed_set_property;

  /** BlFeed:id: The feed's id in claim tags (`feed:ID`); by default made from the address. */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, co);
  /** BlFeed:url: The http or https address of the feed. */
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, co);
  /** BlFeed:name: The feed's name in messages; by default the address's host. */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  /** BlFeed:interval: Seconds between automatic refreshes; 0 to refresh on demand only. */
  properties[PROP_INTERVAL] = g_param_spec_uint ("interval", NULL, NULL, 0, 7 * 24 * 3600, 0, rw);
  /** BlFeed:etag: The ETag of the last feed merged, sent as If-None-Match. */
  properties[PROP_ETAG] = g_param_spec_string ("etag", NULL, NULL, NULL, ro);
  /** BlFeed:last-modified: The Last-Modified of the last feed merged, sent as If-Modified-Since. */
  properties[PROP_LAST_MODIFIED] = g_param_spec_string ("last-modified", NULL, NULL, NULL, ro);
  /** BlFeed:last-success: When the last refresh succeeded, in seconds since 1970; 0 for never. */
  properties[PROP_LAST_SUCCESS] = g_param_spec_int64 ("last-success", NULL, NULL, 0, G_MAXINT64, 0, ro);
  /** BlFeed:last-error: Why the last refresh failed, in a sentence; %NULL after a success. */
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, ro);
  /** BlFeed:state: Never refreshed, refreshing, refreshed, or failed. */
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, BL_TYPE_FEED_STATE, BL_FEED_STATE_NEW, ro);
  /** BlFeed:timeout: Seconds of silence after which a connection is given up. */
  properties[PROP_TIMEOUT] = g_param_spec_uint ("timeout", NULL, NULL, 1, 600, BL_FEED_DEFAULT_TIMEOUT,
                                                rw | G_PARAM_CONSTRUCT);
  /** BlFeed:deadline: Milliseconds a whole download (redirects included) may take. */
  properties[PROP_DEADLINE] = g_param_spec_uint ("deadline", NULL, NULL, 10, 60 * 60 * 1000,
                                                 BL_FEED_DEFAULT_DEADLINE, rw | G_PARAM_CONSTRUCT);
  /** BlFeed:max-size: The largest feed accepted, in bytes after decompression. */
  properties[PROP_MAX_SIZE] = g_param_spec_uint ("max-size", NULL, NULL, 1024, G_MAXINT32,
                                                 BL_FEED_DEFAULT_MAX_SIZE, rw | G_PARAM_CONSTRUCT);
  /** BlFeed:auto-refresh: Whether the feed refreshes every #BlFeed:interval seconds into its target. */
  properties[PROP_AUTO_REFRESH] = g_param_spec_boolean ("auto-refresh", NULL, NULL, FALSE, rw);
  /** BlFeed:user-agent: The User-Agent sent: Borderline's name, version and web address. */
  properties[PROP_USER_AGENT] = g_param_spec_string ("user-agent", NULL, NULL, USER_AGENT, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BlFeed::refreshed:
   * @self: the feed
   * @report: what the refresh merged, or that nothing changed
   *
   * Emitted after every successful refresh, on demand or automatic.
   */
  signals[REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, BL_TYPE_MERGE_REPORT);

  /**
   * BlFeed::failed:
   * @self: the feed
   * @error: what went wrong, in a sentence naming the feed, to show as is
   *
   * Emitted when a refresh fails, never for a cancelled one. An automatic
   * refresh that fails the same way as the one before is not told again,
   * so that a feed that is down costs one message, not one an interval.
   * Show failures from here only (not also from the finish function).
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
bl_feed_init (BlFeed *self)
{
  self->cancellable = g_cancellable_new ();
  self->origins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Public API */

/**
 * bl_feed_new:
 * @url: an http or https address
 * @name: (nullable): what to call the feed; %NULL for the address's host
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): a new feed, or %NULL with
 *   %BL_ERROR_INVALID when @url is not a web link
 */
BlFeed *
bl_feed_new (const char  *url,
             const char  *name,
             GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bl_uri_is_web_link (url))
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("A feed must be an http or https address"));
      return NULL;
    }

  return g_object_new (BL_TYPE_FEED, "url", url, "name", name, NULL);
}

const char *
bl_feed_get_id (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), NULL);
  return self->id;
}

const char *
bl_feed_get_url (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), NULL);
  return self->url;
}

const char *
bl_feed_get_name (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), NULL);
  return self->name;
}

void
bl_feed_set_name (BlFeed     *self,
                  const char *name)
{
  g_return_if_fail (BL_IS_FEED (self));

  if (name == NULL || *name == '\0')
    return;
  set_string (self, &self->name, name, PROP_NAME);
}

guint
bl_feed_get_interval (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), 0);
  return self->interval;
}

/**
 * bl_feed_set_interval:
 * @seconds: seconds between automatic refreshes; 0 for none
 */
void
bl_feed_set_interval (BlFeed *self,
                      guint   seconds)
{
  g_return_if_fail (BL_IS_FEED (self));

  if (self->interval == seconds)
    return;
  self->interval = seconds;
  update_auto_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL]);
}

const char *
bl_feed_get_etag (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), NULL);
  return self->etag;
}

const char *
bl_feed_get_last_modified (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), NULL);
  return self->last_modified;
}

gint64
bl_feed_get_last_success (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), 0);
  return self->last_success;
}

const char *
bl_feed_get_last_error (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), NULL);
  return self->last_error;
}

BlFeedState
bl_feed_get_state (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), BL_FEED_STATE_NEW);
  return self->state;
}

/**
 * bl_feed_get_tag:
 *
 * Returns: (transfer full): the tag this feed's claims carry, `feed:ID`
 */
char *
bl_feed_get_tag (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), NULL);
  return g_strdup_printf ("feed:%s", self->id);
}

/**
 * bl_feed_get_origins:
 *
 * Returns: (transfer none): claim id → fingerprints of what the feed
 *   delivered (#BlMergeOptions.origins)
 */
GHashTable *
bl_feed_get_origins (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), NULL);
  return self->origins;
}

/**
 * bl_feed_refresh_async:
 * @into: the project to merge the feed into
 * @history: (nullable): its history, so that the refresh is one step to undo
 * @cancellable: (nullable): a #GCancellable
 *
 * Downloads the feed and merges it into @into (see bl-feed-fetch.c).
 * @into is changed only on this thread, only after a complete and valid
 * download, and not at all when the server answers 304 Not Modified. One
 * refresh at a time: another one meanwhile fails with %G_IO_ERROR_PENDING.
 * A %NULL @callback makes an automatic refresh: its outcome is told only
 * through the signals.
 */
void
bl_feed_refresh_async (BlFeed              *self,
                       BlProject           *into,
                       BlHistory           *history,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BL_IS_FEED (self));
  g_return_if_fail (BL_IS_PROJECT (into));
  g_return_if_fail (history == NULL || bl_history_get_project (history) == into);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback != NULL ? callback : on_auto_refreshed, user_data);
  g_task_set_source_tag (task, bl_feed_refresh_async);
  g_task_set_check_cancellable (task, FALSE);

  if (self->refreshing)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("“%s” is being refreshed already"), self->name);
      return;
    }

  self->refreshing = TRUE;
  set_state (self, BL_FEED_STATE_REFRESHING);
  bl_feed_fetch (self, task, into, history, callback == NULL);
}
/**
 * bl_feed_refresh_finish:
 * @report: (out) (optional) (transfer full): what was merged
 *
 * Returns: %TRUE on success; %FALSE with @error (%G_IO_ERROR_CANCELLED
 *   when cancelled, to be ignored; otherwise a sentence naming the feed)
 */
gboolean
bl_feed_refresh_finish (BlFeed         *self,
                        GAsyncResult   *result,
                        BlMergeReport **report,
                        GError        **error)
{
  BlMergeReport *merged;

  g_return_val_if_fail (BL_IS_FEED (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  merged = g_task_propagate_pointer (G_TASK (result), error);
  if (merged == NULL)
    return FALSE;
  if (report != NULL)
    *report = merged;
  else
    bl_merge_report_unref (merged);
  return TRUE;
}

/**
 * bl_feed_cancel:
 *
 * Cancels a refresh under way, silently, as when the window closes.
 * Later refreshes run as usual.
 */
void
bl_feed_cancel (BlFeed *self)
{
  g_return_if_fail (BL_IS_FEED (self));

  bl_http_cancel_all (&self->cancellable);
}

/**
 * bl_feed_set_target:
 * @into: (nullable): the project automatic refreshes merge into
 * @history: (nullable): its history
 *
 * Where automatic refreshes go; held until changed or the feed is
 * disposed.
 */
void
bl_feed_set_target (BlFeed    *self,
                    BlProject *into,
                    BlHistory *history)
{
  g_return_if_fail (BL_IS_FEED (self));
  g_return_if_fail (into == NULL || BL_IS_PROJECT (into));
  g_return_if_fail (history == NULL || bl_history_get_project (history) == into);

  g_set_object (&self->target, into);
  g_set_object (&self->target_history, history);
}

static void
update_auto_refresh (BlFeed *self)
{
  g_clear_handle_id (&self->auto_source, g_source_remove);
  if (self->auto_refresh && self->interval > 0)
    {
      self->auto_source = g_timeout_add_seconds (self->interval, on_auto_refresh, self);
      g_source_set_name_by_id (self->auto_source, "[borderline] feed refresh");
    }
}

/**
 * bl_feed_set_auto_refresh:
 * @enabled: whether to refresh every #BlFeed:interval seconds
 *
 * Automatic refreshes merge into the target (bl_feed_set_target()) and are
 * told through #BlFeed::refreshed and #BlFeed::failed.
 */
void
bl_feed_set_auto_refresh (BlFeed   *self,
                          gboolean  enabled)
{
  g_return_if_fail (BL_IS_FEED (self));

  enabled = !!enabled;
  if (self->auto_refresh == enabled)
    return;
  self->auto_refresh = enabled;
  update_auto_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_REFRESH]);
}

gboolean
bl_feed_get_auto_refresh (BlFeed *self)
{
  g_return_val_if_fail (BL_IS_FEED (self), FALSE);
  return self->auto_refresh;
}

/**
 * bl_feed_redirect_allowed:
 * @from: the address that answered with a redirect
 * @to: where it redirects to
 *
 * The redirect policy: only to http or https addresses with a host, and
 * never from https to anything but https.
 *
 * Returns: whether the redirect may be followed
 */
gboolean
bl_feed_redirect_allowed (GUri *from,
                          GUri *to)
{
  return bl_uri_redirect_allowed (from, to);
}

/**
 * bl_feed_id_from_tags:
 * @tags: (nullable) (array zero-terminated=1): a claim's tags
 *
 * Whether a claim came from a feed, told by its `feed:ID` tag (see
 * bl-merge.h). Such a claim is read-only in the interface, also once the
 * feed is unsubscribed.
 *
 * Returns: (nullable): the ID of the feed the claim came from, pointing
 *   into @tags; %NULL for a claim made here
 */
const char *
bl_feed_id_from_tags (const char * const *tags)
{
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (g_str_has_prefix (tags[i], "feed:") && tags[i][5] != '\0')
      return tags[i] + 5;
  return NULL;
}
