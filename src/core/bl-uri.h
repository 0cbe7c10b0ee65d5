/* bl-uri.h — which links Borderline opens
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean bl_uri_is_web_link      (const char *uri);
gboolean bl_uri_redirect_allowed (GUri       *from,
                                  GUri       *to);

G_END_DECLS
