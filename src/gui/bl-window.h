/* bl-window.h — a Borderline window: one project, its map, timeline and panels
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bl-application.h"
#include "bl-filter.h"
#include "bl-history.h"
#include "bl-project.h"

G_BEGIN_DECLS

#define BL_TYPE_WINDOW (bl_window_get_type ())
G_DECLARE_FINAL_TYPE (BlWindow, bl_window, BL, WINDOW, AdwApplicationWindow)

BlWindow  *bl_window_new          (BlApplication *application);
void       bl_window_open_file    (BlWindow      *self,
                                   GFile         *file);
gboolean   bl_window_has_project  (BlWindow      *self);
BlProject *bl_window_get_project  (BlWindow      *self);
GFile     *bl_window_get_file     (BlWindow      *self);
const char *bl_window_get_selected_claim (BlWindow   *self);
const char *bl_window_get_side_page      (BlWindow   *self);
void        bl_window_set_search_text    (BlWindow   *self,
                                          const char *text);
BlFilter   *bl_window_get_filter         (BlWindow   *self);
BlHistory  *bl_window_get_history        (BlWindow   *self);

G_END_DECLS
