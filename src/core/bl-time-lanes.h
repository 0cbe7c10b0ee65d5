/* bl-time-lanes.h — claims grouped into timeline lanes, sorted by time
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bl-visible-claims.h"

G_BEGIN_DECLS

/**
 * BlTimeLanesGroup:
 * @BL_TIME_LANES_CLAIMANT: one lane per claimant
 * @BL_TIME_LANES_SOURCE: one lane per source
 * @BL_TIME_LANES_TOPIC: one lane per topic
 *
 * What the timeline's lanes stand for.
 */
typedef enum {
  BL_TIME_LANES_CLAIMANT,
  BL_TIME_LANES_SOURCE,
  BL_TIME_LANES_TOPIC,
} BlTimeLanesGroup;

#define BL_TYPE_TIME_LANES_GROUP (bl_time_lanes_group_get_type ())
GType bl_time_lanes_group_get_type (void);

/* Claims are listed in blocks of this many, each with its latest last
 * day, so that a walk over a time range skips whole blocks. */
#define BL_TIME_LANE_BLOCK 64

/* The most rows a lane stacks overlapping claims in. */
#define BL_TIME_LANE_ROWS 4

/**
 * BlTimeLane:
 * @key: the claimant, source or topic number, or %BL_NO_INDEX for the
 *   claims that have none
 * @n: how many claims
 * @claims: claim numbers, by first day
 * @first: the first day of @claims[i] (%BL_DAY_MIN if open)
 * @last: the last day of @claims[i] (%BL_DAY_MAX if open)
 * @row: the row (0 to %BL_TIME_LANE_ROWS − 1) @claims[i] is stacked in
 * @last_sorted: every last day, ascending
 * @block_max: the latest last day of each block of %BL_TIME_LANE_BLOCK
 *
 * One lane: read-only, valid until the #BlTimeLanes is freed.
 */
typedef struct {
  guint32  key;
  guint    n;
  guint32 *claims;
  gint32  *first;
  gint32  *last;
  guint8  *row;
  gint32  *last_sorted;
  gint32  *block_max;
} BlTimeLane;

typedef struct _BlTimeLanes BlTimeLanes;

const char   *bl_time_lanes_group_to_string   (BlTimeLanesGroup  group);
gboolean      bl_time_lanes_group_from_string (const char       *text,
                                               BlTimeLanesGroup *group);

BlTimeLanes  *bl_time_lanes_new          (BlVisibleClaims  *visible,
                                          BlClock           clock,
                                          BlTimeLanesGroup  group);
void          bl_time_lanes_new_async    (BlVisibleClaims  *visible,
                                          BlClock           clock,
                                          BlTimeLanesGroup  group,
                                          GCancellable     *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer          user_data);
BlTimeLanes  *bl_time_lanes_new_finish   (GAsyncResult     *result,
                                          GError          **error);
void          bl_time_lanes_free         (BlTimeLanes      *self);
guint         bl_time_lanes_get_n_lanes  (BlTimeLanes      *self);
const BlTimeLane *bl_time_lanes_get_lane (BlTimeLanes      *self,
                                          guint             i);
const BlTimeLane *bl_time_lanes_get_all  (BlTimeLanes      *self);
guint         bl_time_lanes_find_claim   (BlTimeLanes      *self,
                                          guint32           claim,
                                          guint            *position);
gboolean      bl_time_lanes_get_span     (BlTimeLanes      *self,
                                          gint32           *first_day,
                                          gint32           *last_day);

guint         bl_time_lane_count         (const BlTimeLane *lane,
                                          gint32            first_day,
                                          gint32            last_day);
guint         bl_time_lane_end           (const BlTimeLane *lane,
                                          gint32            last_day);
void          bl_time_lane_histogram     (const BlTimeLane *lane,
                                          const gint32     *edges,
                                          guint             n_bins,
                                          guint            *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlTimeLanes, bl_time_lanes_free)

G_END_DECLS
