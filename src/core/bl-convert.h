/* bl-convert.h — the batch commands --convert and --check for any format
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int bl_convert_command    (const char *out_path,
                           const char *in_path);
int bl_check_command_file (const char *path);

G_END_DECLS
