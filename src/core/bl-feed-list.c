/* bl-feed-list.c — which feeds a project subscribes to, kept outside it
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: keeping a project's feed subscriptions between
 * sessions. The project format has no place for them (and a project file
 * sent to a colleague should not make their Borderline download anything),
 * so they live with the user, keyed by the project file's URI:
 *
 * - `$XDG_CONFIG_HOME/borderline/feeds.ini`: a key file, one group per
 *   subscription ("feed PROJECT-KEY FEED-ID", PROJECT-KEY 16 hex digits
 *   of the URI's SHA-256) with the project's URI, the feed's id, address,
 *   name, interval, auto-refresh, ETag, Last-Modified, last success and
 *   last error;
 * - `$XDG_DATA_HOME/borderline/feeds/PROJECT-KEY-FEED-ID.origins`: the
 *   fingerprints of the claims the feed delivered (#BlMergeOptions.origins),
 *   a line per claim: "FINGERPRINTS<TAB>CLAIM-ID", the id escaped as a C
 *   string.
 *
 * Both are written atomically. What it is not: the feeds themselves
 * (bl-feed.c).
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bl-feed-private.h"
#include "bl-uri.h"

/* 16 hex digits naming a project file in group and file names. */
static char *
project_key (const char *project_uri)
{
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, project_uri, -1);

  return g_strndup (sum, 16);
}

static char *
list_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "borderline", "feeds.ini", NULL);
}

static char *
origins_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "borderline", "feeds", NULL);
}

static char *
origins_path (const char *key,
              const char *feed_id)
{
  g_autofree char *dir = origins_dir ();
  g_autofree char *name = g_strdup_printf ("%s-%s.origins", key, feed_id);

  return g_build_filename (dir, name, NULL);
}

/* Each line: "FINGERPRINT FINGERPRINT…\tESCAPED-CLAIM-ID". */
static void
load_origins (BlFeed     *self,
              const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');

      if (tab == NULL || tab == lines[i] || tab[1] == '\0')
        continue;
      *tab = '\0';
      g_hash_table_replace (self->origins, g_strcompress (tab + 1), g_strdup (lines[i]));
    }
}

static gboolean
save_origins (BlFeed      *self,
              const char  *path,
              GError     **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  GHashTableIter iter;
  gpointer id, fingerprints;

  g_hash_table_iter_init (&iter, self->origins);
  while (g_hash_table_iter_next (&iter, &id, &fingerprints))
    {
      g_autofree char *escaped = g_strescape (id, NULL);

      g_string_append_printf (s, "%s\t%s\n", (const char *) fingerprints, escaped);
    }
  return g_file_set_contents_full (path, s->str, (gssize) s->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/**
 * bl_feed_list_load:
 * @project_uri: the project file's URI
 * @error: a #GError
 *
 * Reads the feeds the project at @project_uri subscribes to, with what
 * each remembers (ETag, last refresh, fingerprints of the claims it
 * delivered), from the user's configuration and data folders.
 *
 * Returns: (transfer full) (element-type BlFeed): the feeds, perhaps none;
 *   %NULL with @error when the list cannot be read
 */
GPtrArray *
bl_feed_list_load (const char  *project_uri,
                   GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GPtrArray) feeds = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = list_path ();
  g_autofree char *key = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (project_uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&feeds);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                  _("Could not read the feed subscriptions: "));
      return NULL;
    }

  key = project_key (project_uri);
  groups = g_key_file_get_groups (keys, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      const char *group = groups[i];
      g_autofree char *project = g_key_file_get_string (keys, group, "project", NULL);
      g_autofree char *id = g_key_file_get_string (keys, group, "id", NULL);
      g_autofree char *url = g_key_file_get_string (keys, group, "url", NULL);
      g_autofree char *name = g_key_file_get_string (keys, group, "name", NULL);
      g_autofree char *origins = NULL;
      BlFeed *feed;

      if (g_strcmp0 (project, project_uri) != 0 || !bl_feed_id_is_valid (id) || !bl_uri_is_web_link (url))
        continue;

      feed = g_object_new (BL_TYPE_FEED, "id", id, "url", url, "name", name, NULL);
      feed->interval = (guint) MIN (g_key_file_get_uint64 (keys, group, "interval", NULL), 7 * 24 * 3600);
      feed->etag = g_key_file_get_string (keys, group, "etag", NULL);
      feed->last_modified = g_key_file_get_string (keys, group, "last-modified", NULL);
      feed->last_error = g_key_file_get_string (keys, group, "last-error", NULL);
      feed->last_success = MAX (0, g_key_file_get_int64 (keys, group, "last-success", NULL));
      if (feed->last_error != NULL)
        feed->state = BL_FEED_STATE_FAILED;
      else if (feed->last_success > 0)
        feed->state = BL_FEED_STATE_OK;
      feed->auto_refresh = g_key_file_get_boolean (keys, group, "auto-refresh", NULL);

      origins = origins_path (key, id);
      load_origins (feed, origins);
      g_ptr_array_add (feeds, feed);
    }

  return g_steal_pointer (&feeds);
}

static void
set_optional (GKeyFile   *keys,
              const char *group,
              const char *key,
              const char *value)
{
  if (value != NULL)
    g_key_file_set_string (keys, group, key, value);
}

/**
 * bl_feed_list_save:
 * @project_uri: the project file's URI
 * @feeds: (element-type BlFeed): every feed it subscribes to
 * @error: a #GError
 *
 * Keeps @feeds as the project's subscriptions: in `borderline/feeds.ini`
 * in the user's configuration folder, and the fingerprints of the claims
 * each delivered in `borderline/feeds/` in the user's data folder. Feeds
 * of the project not in @feeds are forgotten. Other projects' are kept.
 *
 * Returns: %TRUE on success
 */
gboolean
bl_feed_list_save (const char  *project_uri,
                   GPtrArray   *feeds,
                   GError     **error)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = list_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *data_folder = origins_dir ();
  g_autofree char *key = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *entry;
  gsize len;

  g_return_val_if_fail (project_uri != NULL, FALSE);
  g_return_val_if_fail (feeds != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* a list that cannot be read is started again rather than kept broken */
  g_key_file_load_from_file (keys, path, G_KEY_FILE_KEEP_COMMENTS, NULL);

  key = project_key (project_uri);
  prefix = g_strdup_printf ("%s-", key);
  groups = g_key_file_get_groups (keys, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *project = g_key_file_get_string (keys, groups[i], "project", NULL);

      if (project == NULL || g_str_equal (project, project_uri))
        g_key_file_remove_group (keys, groups[i], NULL);
    }

  if (g_mkdir_with_parents (folder, 0700) != 0 || g_mkdir_with_parents (data_folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not keep the feed subscriptions: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < feeds->len; i++)
    {
      BlFeed *feed = g_ptr_array_index (feeds, i);
      g_autofree char *group = NULL;
      g_autofree char *origins = NULL;

      g_return_val_if_fail (BL_IS_FEED (feed), FALSE);

      group = g_strdup_printf ("feed %s %s", key, feed->id);
      g_key_file_set_string (keys, group, "project", project_uri);
      g_key_file_set_string (keys, group, "id", feed->id);
      g_key_file_set_string (keys, group, "url", feed->url);
      g_key_file_set_string (keys, group, "name", feed->name);
      g_key_file_set_uint64 (keys, group, "interval", feed->interval);
      g_key_file_set_boolean (keys, group, "auto-refresh", feed->auto_refresh);
      set_optional (keys, group, "etag", feed->etag);
      set_optional (keys, group, "last-modified", feed->last_modified);
      set_optional (keys, group, "last-error", feed->last_error);
      g_key_file_set_int64 (keys, group, "last-success", feed->last_success);

      origins = origins_path (key, feed->id);
      if (!save_origins (feed, origins, error))
        return FALSE;
      g_hash_table_add (kept, g_path_get_basename (origins));
    }

  contents = g_key_file_to_data (keys, &len, NULL);
  if (!g_file_set_contents_full (path, contents, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  /* the fingerprints of feeds unsubscribed */
  dir = g_dir_open (data_folder, 0, NULL);
  while (dir != NULL && (entry = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (entry, prefix) && g_str_has_suffix (entry, ".origins")
        && !g_hash_table_contains (kept, entry))
      {
        g_autofree char *stale = g_build_filename (data_folder, entry, NULL);

        g_unlink (stale);
      }

  return TRUE;
}
