/* bl-comparison-export-private.h — text helpers shared by the table and
 * chart exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-comparison.h"

G_BEGIN_DECLS

/* The name of source @source, or "" */
G_GNUC_INTERNAL
const char *bl_comparison_source_name     (BlComparison *cmp,
                                           guint32       source);
/* The title of topic @topic, or "" */
G_GNUC_INTERNAL
const char *bl_comparison_topic_title     (BlComparison *cmp,
                                           guint32       topic);
/* The figure of row @row as the table shows it; free it */
G_GNUC_INTERNAL
char       *bl_comparison_row_figure_text (BlComparison *cmp,
                                           guint         row);

G_END_DECLS
