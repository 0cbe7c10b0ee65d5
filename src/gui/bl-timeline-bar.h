/* bl-timeline-bar.h — the timeline's controls: clock, lanes, playback
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-timeline.h"

G_BEGIN_DECLS

#define BL_TYPE_TIMELINE_BAR (bl_timeline_bar_get_type ())
G_DECLARE_FINAL_TYPE (BlTimelineBar, bl_timeline_bar, BL, TIMELINE_BAR, GtkWidget)

GtkWidget  *bl_timeline_bar_new          (BlTimeline    *timeline);
BlTimeline *bl_timeline_bar_get_timeline (BlTimelineBar *self);

G_END_DECLS
