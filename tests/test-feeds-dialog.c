/* test-feeds-dialog.c — the Feeds dialog against a real HTTP server, in a real window
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A SoupServer on 127.0.0.1 inside the test serves a GeoJSON feed, then
 * fails with 500, and has an address that trickles a byte a second. The
 * test opens a copy of the sample project under Xvfb, opens Feeds… from
 * the window, types the address with real key events (a bad one first),
 * subscribes, and checks what a person would: the claims appear in the
 * window's claim list, one Undo takes the refresh back, a feed claim is
 * read-only and names its feed; after the 500 the dialog says so in
 * words and the claims stay. Closing the window while a download trickles
 * cancels it: the feed lets go without a hang, a crash or a message.
 *
 * BL_TEST_SCREENSHOT_DIR, when set, is where a picture of the dialog is
 * saved. Nothing but 127.0.0.1 is contacted (no proxy either), and the
 * user's folders are a temporary one.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "bl-basemap-source.h"
#include "bl-claim.h"
#include "bl-claim-editor.h"
#include "bl-feeds-dialog.h"
#include "bl-window.h"
#include "display-helpers.h"
#include "test-helpers.h"

#define SAMPLE_CLAIMS   16
#define TRICKLE_SECONDS 600
#define NAME            "Feed <b>&amp; Co"
/* a label on screen that contains the text */
#define SHOWN_PART      (BL_TEST_LABEL_MAPPED | BL_TEST_LABEL_CONTAINS)

static const char feed_body[] =
  "{\"type\":\"FeatureCollection\",\"features\":["
  "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[68.86,36.73]},"
  "\"properties\":{\"id\":\"k-1\",\"statement\":\"4,000 ISIS-K fighters seen near Zebak\","
  "\"claimant\":\"A feed reporter\",\"said_on\":\"2023-05-25\"}},"
  "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[70.5,37.1]},"
  "\"properties\":{\"id\":\"k-2\",\"statement\":\"Several thousand militants in Badakhshan\","
  "\"claimant\":\"A feed reporter\",\"said_on\":\"2023-05\"}}]}";

static struct {
  SoupServer *server;
  char       *base;
  gboolean    broken;
  guint       slow_hits;
  guint       slow_bytes;
} srv;

static char *tmp_dir;

/* The server */

typedef struct {
  SoupServerMessage *msg;
  guint              source;
} Trickle;

static void
on_trickle_finished (SoupServerMessage *msg,
                     Trickle           *t)
{
  g_clear_handle_id (&t->source, g_source_remove);
}

static gboolean
on_trickle_tick (gpointer user_data)
{
  Trickle *t = user_data;

  soup_message_body_append (soup_server_message_get_response_body (t->msg), SOUP_MEMORY_STATIC, " ", 1);
  srv.slow_bytes++;
  soup_server_message_unpause (t->msg);
  return G_SOURCE_CONTINUE;
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  if (g_str_equal (path, "/feed.geojson") && srv.broken)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "oops", 4);
    }
  else if (g_str_equal (path, "/feed.geojson"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/geo+json", SOUP_MEMORY_STATIC,
                                        feed_body, strlen (feed_body));
    }
  else if (g_str_equal (path, "/slow.geojson"))
    {
      Trickle *t = g_new0 (Trickle, 1);

      srv.slow_hits++;
      t->msg = msg;
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      soup_server_message_pause (msg);
      t->source = g_timeout_add_seconds (1, on_trickle_tick, t);
      g_signal_connect_data (msg, "finished", G_CALLBACK (on_trickle_finished), t,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
server_start (void)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  srv.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (srv.server, NULL, on_request, NULL, NULL);
  soup_server_listen_local (srv.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (srv.server);
  g_assert_nonnull (uris);
  srv.base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (g_str_has_suffix (srv.base, "/"))
    srv.base[strlen (srv.base) - 1] = '\0';
  g_assert_true (g_str_has_prefix (srv.base, "http://127.0.0.1:"));
}

/* Helpers */

static BlWindow *
open_copy_of_sample (const char *name)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  BlWindow *window = g_object_new (BL_TYPE_WINDOW, NULL);
  gsize len;

  g_assert_true (g_file_get_contents (BL_TEST_SAMPLE, &contents, &len, &error));
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  bl_window_open_file (window, file);
  g_test_message ("opening %s", name);
  bl_test_wait_for (bl_test_project_shown, window, 20, "the project");
  g_test_message ("project shown");
  bl_test_wait_for_frames (GTK_WIDGET (window), 3);
  return window;
}

static guint
count_dialogs (BlFeedsDialog **dialog)
{
  GList *toplevels = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (BL_IS_FEEDS_DIALOG (l->data) && gtk_widget_get_mapped (l->data))
      {
        *dialog = l->data;
        n++;
      }
  g_list_free (toplevels);
  return n;
}

static gboolean
dialog_shown (gpointer data)
{
  return count_dialogs (data) > 0;
}

static gboolean
no_dialog (gpointer data)
{
  BlFeedsDialog *dialog = NULL;

  return count_dialogs (&dialog) == 0;
}

static BlFeedsDialog *
open_feeds_dialog (BlWindow *window)
{
  BlFeedsDialog *dialog = NULL;

  g_test_message ("opening the Feeds dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.feeds", NULL));
  bl_test_wait_for (dialog_shown, &dialog, 10, "the Feeds dialog");
  g_assert_cmpuint (count_dialogs (&dialog), ==, 1);
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 3);
  return dialog;
}

/* Types @text as key presses, one keysym per character. */
static void
type_text (GtkWidget  *widget,
           const char *text)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (keys->len > 0)
        g_string_append_c (keys, ' ');
      switch (*p)
        {
        case ':': g_string_append (keys, "colon"); break;
        case '/': g_string_append (keys, "slash"); break;
        case '.': g_string_append (keys, "period"); break;
        case '-': g_string_append (keys, "minus"); break;
        case ' ': g_string_append (keys, "space"); break;
        case '&': g_string_append (keys, "ampersand"); break;
        case '<': g_string_append (keys, "less"); break;
        case '>': g_string_append (keys, "greater"); break;
        case ';': g_string_append (keys, "semicolon"); break;
        default:
          g_assert_true (g_ascii_isalnum (*p));
          g_string_append_c (keys, *p);
        }
    }
  bl_test_keys (widget, keys->str);
}

/* Types @url into the address row, with real clicks and keys. */
static void
type_address (BlFeedsDialog *dialog,
              const char    *url)
{
  GtkWidget *url_row = bl_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Address");

  g_assert_nonnull (url_row);
  g_test_message ("typing %s", url);
  bl_test_click_center (url_row);
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 2);
  bl_test_keys (GTK_WIDGET (dialog), "ctrl+a BackSpace");
  type_text (GTK_WIDGET (dialog), url);
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (url_row)), ==, url);
}

static guint
n_claims (BlWindow *window)
{
  return bl_claim_store_get_n_claims (bl_project_get_claims (bl_window_get_project (window)));
}

/* Whether the window's claim list shows a claim saying @statement. */
static gboolean
claim_listed (BlWindow   *window,
              const char *statement)
{
  GtkListView *list = GTK_LIST_VIEW (bl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "claim-list"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  BlProject *project = bl_window_get_project (window);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BlClaim) claim = g_list_model_get_item (model, i);
      guint index = bl_claim_store_lookup (bl_project_get_claims (project), bl_claim_get_id (claim));
      BlClaimRecord r;

      bl_claim_store_get_record (bl_project_get_claims (project), index, &r);
      if (g_strcmp0 (r.statement, statement) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The whole screen, as a person sees it, when BL_TEST_SCREENSHOT_DIR is set. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("BL_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  bl_test_wait_for_frames (widget, 3);
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s", path);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_test_message ("could not save %s", path);
}

static gboolean
claim_selected (gpointer data)
{
  return bl_window_get_selected_claim (data) != NULL;
}

static gboolean
editor_open (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (BL_IS_CLAIM_EDITOR (l->data))
      found = TRUE;
  g_list_free (toplevels);
  return found;
}

/* Tests */

static gboolean
refreshed_claims (gpointer data)
{
  return n_claims (data) == SAMPLE_CLAIMS + 2;
}

static void
test_subscribe_refresh_fail (void)
{
  BlWindow *window = open_copy_of_sample ("feeds.borderline");
  BlFeedsDialog *dialog = open_feeds_dialog (window);
  g_autofree char *url = g_strdup_printf ("%s/feed.geojson", srv.base);
  g_autofree char *bad = g_strdup_printf ("ftp://%s/feed.geojson", srv.base + strlen ("http://"));
  BlHistory *history = bl_window_get_history (window);
  GtkWidget *row, *button, *list;

  g_assert_cmpuint (n_claims (window), ==, SAMPLE_CLAIMS);
  g_assert_nonnull (bl_test_find_label (GTK_WIDGET (dialog), "No subscriptions yet", SHOWN_PART));

  /* an ftp address is refused as it is typed */
  type_address (dialog, bad);
  g_assert_nonnull (bl_test_find_label (GTK_WIDGET (dialog), "Only http and https addresses", SHOWN_PART));
  g_assert_false (gtk_widget_get_sensitive (bl_test_find_button (GTK_WIDGET (dialog), "_Subscribe", FALSE)));
  bl_test_keys (GTK_WIDGET (dialog), "Return");
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 2);
  g_assert_nonnull (bl_test_find_label (GTK_WIDGET (dialog), "No subscriptions yet", SHOWN_PART));

  /* the server's address is taken; a name with markup characters, then
   * Enter subscribes and refreshes */
  type_address (dialog, url);
  g_assert_null (bl_test_find_label (GTK_WIDGET (dialog), "Only http and https addresses", SHOWN_PART));
  g_assert_true (gtk_widget_get_sensitive (bl_test_find_button (GTK_WIDGET (dialog), "_Subscribe", FALSE)));
  bl_test_click_center (bl_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name (optional)"));
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 2);
  type_text (GTK_WIDGET (dialog), "Feed <b>&amp; Co");
  bl_test_keys (GTK_WIDGET (dialog), "Return");
  bl_test_wait_for (refreshed_claims, window, 30, "the feed's claims");
  bl_test_wait_for_label (GTK_WIDGET (dialog), "2 claims added", SHOWN_PART, 30, NULL);

  /* in the window's claim list, as one step to undo */
  g_assert_true (claim_listed (window, "4,000 ISIS-K fighters seen near Zebak"));
  g_assert_true (claim_listed (window, "Several thousand militants in Badakhshan"));
  g_assert_cmpstr (bl_history_get_undo_label (history), ==, "Refresh Feed “" NAME "”");
  row = bl_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, NAME);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), url));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "2 claims ·"));
  save_screenshot (GTK_WIDGET (dialog), "feeds-dialog.png");

  g_assert_true (bl_history_undo (history));
  g_assert_cmpuint (n_claims (window), ==, SAMPLE_CLAIMS);
  g_assert_false (claim_listed (window, "4,000 ISIS-K fighters seen near Zebak"));
  g_assert_true (bl_history_redo (history));
  g_assert_true (claim_listed (window, "4,000 ISIS-K fighters seen near Zebak"));

  /* a claim from the feed names it and does not open in the editor */
  bl_window_set_search_text (window, "Zebak");
  bl_test_wait_for_frames (GTK_WIDGET (window), 3);
  list = bl_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, "claim-list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))),
                    ==, 1);
  bl_test_click (list, gtk_widget_get_width (list) / 2.0, 20);
  bl_test_wait_for (claim_selected, window, 10, "the feed's claim to be selected");
  bl_test_wait_for_frames (GTK_WIDGET (window), 3);
  g_assert_nonnull (bl_test_find_label (GTK_WIDGET (window), "From the feed “" NAME "”: read-only", SHOWN_PART));
  bl_test_keys (GTK_WIDGET (window), "ctrl+e");
  bl_test_wait_for_frames (GTK_WIDGET (window), 5);
  g_assert_false (editor_open ());
  save_screenshot (GTK_WIDGET (window), "feeds-claim.png");
  bl_window_set_search_text (window, "");
  gtk_window_present (GTK_WINDOW (dialog));
  bl_test_wait_for_frames (GTK_WIDGET (dialog), 3);

  /* the server fails: Refresh Now says so in words, the claims stay */
  srv.broken = TRUE;
  button = bl_test_find_widget (row, GTK_TYPE_BUTTON, NULL);
  while (button != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (button), "Refresh Now") != 0)
    button = bl_test_find_widget (gtk_widget_get_next_sibling (button), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  bl_test_click_center (button);
  bl_test_wait_for_label (GTK_WIDGET (dialog), "the server answered 500 Internal Server Error", SHOWN_PART,
                          30, NULL);
  g_assert_cmpuint (n_claims (window), ==, SAMPLE_CLAIMS + 2);
  g_assert_true (claim_listed (window, "4,000 ISIS-K fighters seen near Zebak"));
  g_assert_cmpstr (bl_history_get_undo_label (history), ==, "Refresh Feed “" NAME "”");
  save_screenshot (GTK_WIDGET (dialog), "feeds-dialog-failed.png");

  gtk_window_destroy (GTK_WINDOW (window));
  bl_test_wait_for (no_dialog, NULL, 10, "the dialog to go with its window");
}

static void
on_feed_failed (BlFeed  *feed,
                GError  *error,
                gboolean *failed)
{
  *failed = TRUE;
}

static gboolean
slow_started (gpointer data)
{
  return srv.slow_hits > 0 && srv.slow_bytes > 0;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_close_cancels (void)
{
  BlWindow *window = open_copy_of_sample ("slow.borderline");
  BlFeedsDialog *dialog = open_feeds_dialog (window);
  g_autofree char *url = g_strdup_printf ("%s/slow.geojson", srv.base);
  BlProject *project = bl_window_get_project (window);
  GtkWidget *row;
  BlFeed *feed;
  gboolean failed = FALSE;

  type_address (dialog, url);
  bl_test_keys (GTK_WIDGET (dialog), "Return");
  bl_test_wait_for (slow_started, NULL, 30, "the trickle to start");

  row = bl_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "127.0.0.1");
  g_assert_nonnull (row);
  feed = g_object_get_data (G_OBJECT (row), "feed");
  g_assert_true (BL_IS_FEED (feed));
  g_assert_cmpint (bl_feed_get_state (feed), ==, BL_FEED_STATE_REFRESHING);
  g_assert_nonnull (bl_test_find_widget (row, GTK_TYPE_SPINNER, NULL));
  g_assert_true (gtk_widget_get_visible (bl_test_find_widget (row, GTK_TYPE_SPINNER, NULL)));
  g_signal_connect (feed, "failed", G_CALLBACK (on_feed_failed), &failed);
  g_object_add_weak_pointer (G_OBJECT (feed), (gpointer *) &feed);
  g_object_add_weak_pointer (G_OBJECT (project), (gpointer *) &project);

  /* closing the window (nothing unsaved) lets go of the download */
  gtk_window_close (GTK_WINDOW (window));
  bl_test_wait_for (is_null, &feed, 10, "the feed to be let go");
  bl_test_wait_for (is_null, &project, 10, "the project to be let go");
  g_assert_false (failed);
  g_assert_cmpuint (srv.slow_bytes, <, TRICKLE_SECONDS);
  bl_test_wait_for (no_dialog, NULL, 10, "the dialog to go with its window");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("test-feeds-dialog-XXXXXX", NULL);
  config = g_build_filename (tmp_dir, "config", NULL);
  data = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  server_start ();

  g_test_add_func ("/feeds-dialog/subscribe-refresh-fail", test_subscribe_refresh_fail);
  g_test_add_func ("/feeds-dialog/close-cancels", test_close_cancels);

  status = g_test_run ();
  bl_basemap_source_wait_for_renders ();
  soup_server_disconnect (srv.server);
  g_clear_object (&srv.server);
  g_free (srv.base);
  return status;
}
