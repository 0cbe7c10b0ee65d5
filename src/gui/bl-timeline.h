/* bl-timeline.h — when claims were said, and the window the views show
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-project.h"
#include "bl-selection.h"
#include "bl-time-lanes.h"
#include "bl-visible-claims.h"

G_BEGIN_DECLS

#define BL_TYPE_TIMELINE (bl_timeline_get_type ())
G_DECLARE_FINAL_TYPE (BlTimeline, bl_timeline, BL, TIMELINE, GtkWidget)

GtkWidget        *bl_timeline_new                 (void);

BlVisibleClaims  *bl_timeline_get_visible_claims  (BlTimeline       *self);
void              bl_timeline_set_visible_claims  (BlTimeline       *self,
                                                   BlVisibleClaims  *visible);
BlFilter         *bl_timeline_get_filter          (BlTimeline       *self);
BlSelection      *bl_timeline_get_selection       (BlTimeline       *self);
void              bl_timeline_set_selection       (BlTimeline       *self,
                                                   BlSelection      *selection);

BlTimeLanesGroup  bl_timeline_get_lanes           (BlTimeline       *self);
void              bl_timeline_set_lanes           (BlTimeline       *self,
                                                   BlTimeLanesGroup  lanes);
void              bl_timeline_set_lane_collapsed  (BlTimeline       *self,
                                                   guint32           key,
                                                   gboolean          collapsed);

/* The visible span of time (the view), distinct from the filter's window */
void              bl_timeline_get_view            (BlTimeline       *self,
                                                   double           *first_day,
                                                   double           *last_day);
void              bl_timeline_set_view            (BlTimeline       *self,
                                                   gint32            first_day,
                                                   gint32            last_day);
void              bl_timeline_zoom                (BlTimeline       *self,
                                                   double            factor);
void              bl_timeline_zoom_to_fit         (BlTimeline       *self);
void              bl_timeline_zoom_to_window      (BlTimeline       *self);

/* The filter's window, as the timeline shows it */
void              bl_timeline_get_window          (BlTimeline       *self,
                                                   gint32           *first_day,
                                                   gint32           *last_day);
void              bl_timeline_set_window          (BlTimeline       *self,
                                                   gint32            first_day,
                                                   gint32            last_day);

/* Playback */
gboolean          bl_timeline_get_playing         (BlTimeline       *self);
void              bl_timeline_set_playing         (BlTimeline       *self,
                                                   gboolean          playing);
double            bl_timeline_get_speed           (BlTimeline       *self);
void              bl_timeline_set_speed           (BlTimeline       *self,
                                                   double            days_per_second);
gboolean          bl_timeline_get_loop            (BlTimeline       *self);
void              bl_timeline_set_loop            (BlTimeline       *self,
                                                   gboolean          loop);

/* Saved views */
void              bl_timeline_save_view           (BlTimeline       *self,
                                                   BlView           *view);
void              bl_timeline_restore_view        (BlTimeline       *self,
                                                   const BlView     *view);

G_END_DECLS
