/* bl-json-writer-private.h — shared by the JSON writer's files
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *bl_json_format_uint64 (guint64  value,
                             char    *end);

G_END_DECLS
