/* bl-filter.h — what the views show: a time window and criteria
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bl-types.h"

G_BEGIN_DECLS

/**
 * BlFilterChange:
 * @BL_FILTER_CHANGE_WINDOW: the time window moved or resized, or the
 *   clock or cumulative mode changed
 * @BL_FILTER_CHANGE_CRITERIA: anything else (text, topic, grades…)
 *
 * What a #BlFilter::changed emission is about, so that a view can redo
 * only the part that depends on it.
 */
typedef enum {
  BL_FILTER_CHANGE_WINDOW   = 1 << 0,
  BL_FILTER_CHANGE_CRITERIA = 1 << 1,
} BlFilterChange;

/* Every stance passes. */
#define BL_FILTER_ALL_STANCES ((1u << BL_N_STANCES) - 1)

#define BL_TYPE_FILTER (bl_filter_get_type ())
G_DECLARE_FINAL_TYPE (BlFilter, bl_filter, BL, FILTER, GObject)

BlFilter   *bl_filter_new                 (void);
BlFilter   *bl_filter_copy                (BlFilter   *self);

BlClock     bl_filter_get_clock           (BlFilter   *self);
void        bl_filter_set_clock           (BlFilter   *self,
                                           BlClock     clock);
gboolean    bl_filter_has_window          (BlFilter   *self);
void        bl_filter_get_window          (BlFilter   *self,
                                           gint32     *first_day,
                                           gint32     *last_day);
void        bl_filter_set_window          (BlFilter   *self,
                                           gint32      first_day,
                                           gint32      last_day);
void        bl_filter_clear_window        (BlFilter   *self);
gboolean    bl_filter_get_cumulative      (BlFilter   *self);
void        bl_filter_set_cumulative      (BlFilter   *self,
                                           gboolean    cumulative);
void        bl_filter_get_effective_window (BlFilter  *self,
                                           gint32     *first_day,
                                           gint32     *last_day);

const char *bl_filter_get_text            (BlFilter   *self);
void        bl_filter_set_text            (BlFilter   *self,
                                           const char *text);
guint32     bl_filter_get_topic           (BlFilter   *self);
void        bl_filter_set_topic           (BlFilter   *self,
                                           guint32     topic);
guint32     bl_filter_get_actor           (BlFilter   *self);
void        bl_filter_set_actor           (BlFilter   *self,
                                           guint32     actor);
guint32     bl_filter_get_source          (BlFilter   *self);
void        bl_filter_set_source          (BlFilter   *self,
                                           guint32     source);
guint       bl_filter_get_stances         (BlFilter   *self);
void        bl_filter_set_stances         (BlFilter   *self,
                                           guint       stance_mask);
guint       bl_filter_get_min_reliability (BlFilter   *self);
void        bl_filter_set_min_reliability (BlFilter   *self,
                                           guint       reliability);
guint       bl_filter_get_min_credibility (BlFilter   *self);
void        bl_filter_set_min_credibility (BlFilter   *self,
                                           guint       credibility);
const char *bl_filter_get_tag             (BlFilter   *self);
void        bl_filter_set_tag             (BlFilter   *self,
                                           const char *tag);
gboolean    bl_filter_has_criteria        (BlFilter   *self);
void        bl_filter_reset               (BlFilter   *self);

G_END_DECLS
