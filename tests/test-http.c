/* test-http.c — tests for the pieces of bl-http.c that need no network
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A request's cancellable follows its owner's and its caller's, and no
 * longer once let go; cancelling everything leaves a fresh cancellable
 * for later requests; a status is told with a phrase from our table.
 * Downloads themselves are tested through their users (test-feed.c,
 * test-online-source.c) against a local server.
 */
#include "config.h"

#include "bl-http.h"

static void
test_cancellables_owner (void)
{
  g_autoptr(GCancellable) owner = g_cancellable_new ();
  g_autoptr(GCancellable) caller = g_cancellable_new ();
  BlHttpCancellables cancel;

  bl_http_cancellables_init (&cancel, owner, caller);
  g_assert_nonnull (cancel.cancellable);
  g_assert_false (g_cancellable_is_cancelled (cancel.cancellable));

  g_cancellable_cancel (owner);
  g_assert_true (g_cancellable_is_cancelled (cancel.cancellable));
  g_assert_false (g_cancellable_is_cancelled (caller));

  bl_http_cancellables_clear (&cancel);
  g_assert_null (cancel.cancellable);
  g_assert_null (cancel.owner);
  g_assert_null (cancel.caller);
}

static void
test_cancellables_caller (void)
{
  g_autoptr(GCancellable) owner = g_cancellable_new ();
  g_autoptr(GCancellable) caller = g_cancellable_new ();
  BlHttpCancellables cancel;

  bl_http_cancellables_init (&cancel, owner, caller);
  g_cancellable_cancel (caller);
  g_assert_true (g_cancellable_is_cancelled (cancel.cancellable));
  g_assert_false (g_cancellable_is_cancelled (owner));
  bl_http_cancellables_clear (&cancel);

  /* no caller: the owner alone */
  bl_http_cancellables_init (&cancel, owner, NULL);
  g_assert_null (cancel.caller);
  g_assert_false (g_cancellable_is_cancelled (cancel.cancellable));
  bl_http_cancellables_clear (&cancel);
}

static void
test_cancellables_already_cancelled (void)
{
  g_autoptr(GCancellable) owner = g_cancellable_new ();
  BlHttpCancellables cancel;

  g_cancellable_cancel (owner);
  bl_http_cancellables_init (&cancel, owner, NULL);
  g_assert_true (g_cancellable_is_cancelled (cancel.cancellable));
  bl_http_cancellables_clear (&cancel);
}

static void
test_cancellables_clear_unlinks (void)
{
  g_autoptr(GCancellable) owner = g_cancellable_new ();
  g_autoptr(GCancellable) caller = g_cancellable_new ();
  g_autoptr(GCancellable) own = NULL;
  BlHttpCancellables cancel;

  bl_http_cancellables_init (&cancel, owner, caller);
  own = g_object_ref (cancel.cancellable);
  bl_http_cancellables_clear (&cancel);

  /* a request let go is not cancelled by what it followed */
  g_cancellable_cancel (owner);
  g_cancellable_cancel (caller);
  g_assert_false (g_cancellable_is_cancelled (own));
}

static void
test_cancel_all (void)
{
  g_autoptr(GCancellable) owner = g_cancellable_new ();
  g_autoptr(GCancellable) before = g_object_ref (owner);
  BlHttpCancellables earlier, later;

  bl_http_cancellables_init (&earlier, owner, NULL);
  bl_http_cancel_all (&owner);

  g_assert_true (g_cancellable_is_cancelled (before));
  g_assert_true (g_cancellable_is_cancelled (earlier.cancellable));
  g_assert_true (owner != before);
  g_assert_false (g_cancellable_is_cancelled (owner));

  bl_http_cancellables_init (&later, owner, NULL);
  g_assert_false (g_cancellable_is_cancelled (later.cancellable));

  bl_http_cancellables_clear (&earlier);
  bl_http_cancellables_clear (&later);
}

static void
test_describe_status (void)
{
  static const struct {
    guint       status;
    const char *text;
  } cases[] = {
    { 200, "200 OK" },
    { 304, "304 Not Modified" },
    { 403, "403 Forbidden" },
    { 404, "404 Not Found" },
    { 429, "429 Too Many Requests" },
    { 451, "451 Unavailable For Legal Reasons" },
    { 500, "500 Internal Server Error" },
    { 599, "599" },
    { 999, "999" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bl_http_describe_status (cases[i].status);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/http/cancellables/owner", test_cancellables_owner);
  g_test_add_func ("/http/cancellables/caller", test_cancellables_caller);
  g_test_add_func ("/http/cancellables/already-cancelled", test_cancellables_already_cancelled);
  g_test_add_func ("/http/cancellables/clear-unlinks", test_cancellables_clear_unlinks);
  g_test_add_func ("/http/cancel-all", test_cancel_all);
  g_test_add_func ("/http/describe-status", test_describe_status);

  return g_test_run ();
}
