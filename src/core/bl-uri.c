/* bl-uri.c — which links Borderline opens
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links come from files and feeds written by others. Borderline opens a
 * link only on the user's click and only when it is an http or https
 * address with a host: never file:, javascript:, data:, or a local
 * program's scheme. Every place that opens a link asks here first.
 */
#include "config.h"

#include <string.h>

#include "bl-uri.h"

/**
 * bl_uri_is_web_link:
 * @uri: (nullable): text that claims to be a link
 *
 * Returns: %TRUE when @uri is an absolute http or https address with a
 *   host and no spaces or control characters
 */
gboolean
bl_uri_is_web_link (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;
  const char *host;

  if (uri == NULL || !g_utf8_validate (uri, -1, NULL))
    return FALSE;

  for (const guchar *p = (const guchar *) uri; *p; p++)
    if (*p <= 0x20 || *p == 0x7f)
      return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  host = g_uri_get_host (parsed);

  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && host[0] != '\0';
}

/**
 * bl_uri_redirect_allowed:
 * @from: the address asked for
 * @to: where the server redirects
 *
 * The one rule for following redirects, for map tiles and feeds alike:
 * only to an http or https address with a host, and never from https
 * down to plain http.
 *
 * Returns: %TRUE when the redirect may be followed
 */
gboolean
bl_uri_redirect_allowed (GUri *from,
                         GUri *to)
{
  const char *scheme;
  const char *host;

  g_return_val_if_fail (from != NULL, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  scheme = g_uri_get_scheme (to);
  host = g_uri_get_host (to);
  if (scheme == NULL || host == NULL || *host == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    return FALSE;

  return g_ascii_strcasecmp (g_uri_get_scheme (from), "https") != 0 ||
         g_ascii_strcasecmp (scheme, "https") == 0;
}
