/* test-helpers.c — what many tests need, with or without a display
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Temporary folders removed, the main loop run until an asynchronous call
 * is done (always with a deadline that fails the test), and the checks of
 * messages that many tests make in the same words.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "test-helpers.h"

/* Files and folders {{{ */

/**
 * bl_test_basemap_path:
 *
 * Returns: (transfer full): $BL_BASEMAP_FILE if set, else the basemap
 *   committed in data/basemap
 */
char *
bl_test_basemap_path (void)
{
  const char *env = g_getenv ("BL_BASEMAP_FILE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (BL_SOURCE_DIR, "data", "basemap", "basemap.bin", NULL);
}

/**
 * bl_test_load_basemap:
 *
 * Loads the basemap of bl_test_basemap_path(). The basemap is committed:
 * a missing file fails the test, it is not a skip.
 *
 * Returns: (transfer full): the basemap
 */
BlBasemapData *
bl_test_load_basemap (void)
{
  g_autofree char *path = bl_test_basemap_path ();
  g_autoptr(GError) error = NULL;
  BlBasemapData *data = bl_basemap_data_new_from_file (path, &error);

  g_assert_no_error (error);
  return data;
}

/**
 * bl_test_remove_tree:
 * @path: a folder (or a file) a test made
 *
 * Removes @path and everything under it. Links are removed, never
 * followed.
 */
void
bl_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        bl_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* }}} */

/* The main loop {{{ */

/**
 * bl_test_run_until:
 * @done: set to %TRUE by a callback
 * @seconds: the deadline
 * @what: (nullable): what is awaited, for the failure message
 *
 * Runs the default main context until *@done; fails the test after
 * @seconds.
 */
void
bl_test_run_until (const gboolean *done,
                   guint           seconds,
                   const char     *what)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!*done)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %u s%s%s", seconds, what ? " waiting for " : "", what ? what : "");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (200);
    }
}

/**
 * bl_test_drain:
 * @ms: how long
 *
 * Lets pending callbacks (cache writes, closed connections) run for @ms
 * milliseconds.
 */
void
bl_test_drain (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

/* }}} */

/* Messages {{{ */

/**
 * bl_test_report_has:
 *
 * Returns: whether one of @report's listed messages contains @text
 */
gboolean
bl_test_report_has (BlImportReport *report,
                    const char     *text)
{
  for (guint i = 0; i < bl_import_report_get_n_listed (report); i++)
    if (strstr (bl_import_report_get_message (report, i), text) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * bl_test_assert_says:
 * @text: (nullable): what is searched
 * @...: the strings it must contain, then %NULL
 *
 * The body of bl_test_assert_has(), which gives the caller's place.
 */
void
bl_test_assert_says (const char *file,
                     int         line,
                     const char *func,
                     const char *text,
                     ...)
{
  const char *needle;
  va_list ap;

  va_start (ap, text);
  while ((needle = va_arg (ap, const char *)) != NULL)
    if (text == NULL || strstr (text, needle) == NULL)
      {
        g_autofree char *message = g_strdup_printf ("'%s' not found in '%s'", needle,
                                                    text ? text : "(null)");

        va_end (ap);
        g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
        return;
      }
  va_end (ap);
}

/**
 * bl_test_assert_error_says:
 * @in_message: (nullable): what the message must contain
 *
 * Asserts that @error is set, of @domain and @code, that its message is
 * valid UTF-8 and that it contains @in_message.
 */
void
bl_test_assert_error_says (const GError *error,
                           GQuark        domain,
                           int           code,
                           const char   *in_message)
{
  g_assert_error (error, domain, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (in_message != NULL)
    bl_test_assert_has (error->message, in_message);
}

/* }}} */
