/* bl-map-frame.h — what a map layer shows, as a painter's frame
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "bl-claim-painter.h"

G_BEGIN_DECLS

void bl_map_frame_for_layer (ShumateLayer     *layer,
                             BlMapFrame       *frame);
void bl_map_frame_to_lonlat (const BlMapFrame *frame,
                             double            x,
                             double            y,
                             double           *lon,
                             double           *lat);

G_END_DECLS
