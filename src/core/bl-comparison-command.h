/* bl-comparison-command.h — the comparison's batch exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The size of a chart written from the command line when none is given. */
#define BL_COMPARISON_COMMAND_WIDTH  1200
#define BL_COMPARISON_COMMAND_HEIGHT 750

int bl_comparison_command (const char *project_path,
                           const char *topic_id,
                           const char *chart_path,
                           const char *table_path,
                           int         width,
                           int         height);

G_END_DECLS
