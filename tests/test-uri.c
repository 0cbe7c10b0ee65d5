/* test-uri.c — only http and https links are ever opened
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bl-uri.h"

static void
test_uri_web_link (void)
{
  static const struct {
    const char *uri;
    gboolean    open;
  } cases[] = {
    { "https://www.khaama.com/", TRUE },
    { "http://example.org/a?b=c#d", TRUE },
    { "HTTPS://EXAMPLE.ORG/", TRUE },
    { "file:///etc/passwd", FALSE },
    { "javascript:alert(1)", FALSE },
    { "JavaScript:alert(1)", FALSE },
    { "data:text/html,<script>alert(1)</script>", FALSE },
    { "ftp://example.org/", FALSE },
    { "smb://server/share", FALSE },
    { "https://", FALSE },
    { "https:///path", FALSE },
    { "//example.org/", FALSE },
    { "example.org", FALSE },
    { "https://example.org/a b", FALSE },
    { "https://example.org/\n", FALSE },
    { " https://example.org/", FALSE },
    { "", FALSE },
    { NULL, FALSE },
    { "https://exa\xffmple.org/", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].uri ? cases[i].uri : "(null)");
      g_assert_cmpint (bl_uri_is_web_link (cases[i].uri), ==, cases[i].open);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uri/web-link", test_uri_web_link);

  return g_test_run ();
}
