/* bl-text.h — text layouts that are safe to make in worker threads
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

PangoLanguage *bl_text_get_language   (void);
PangoLayout   *bl_text_layout_new     (cairo_t *cr);

void           bl_text_worker_begin   (void);
void           bl_text_worker_end     (void);
void           bl_text_wait_for_workers (void);

G_END_DECLS
