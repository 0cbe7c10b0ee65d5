/* bl-annotation-painter.h — how an analyst's annotations look on a map
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "bl-claim-painter.h"
#include "bl-project.h"

G_BEGIN_DECLS

gboolean bl_annotation_parse_color   (const char       *text,
                                      double            rgba[4]);
void     bl_annotation_painter_paint (cairo_t          *cr,
                                      const BlMapFrame *frame,
                                      GPtrArray        *annotations,
                                      int               highlighted);

G_END_DECLS
