/* bl-time-index.h — claims sorted by one of their two clocks
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bl-claim-store.h"

G_BEGIN_DECLS

/* the claims sorted by first day, in blocks of this many: see
 * bl_time_index_get_arrays() */
#define BL_TIME_INDEX_BLOCK 64

BlTimeIndex  *bl_time_index_new          (BlClaimStore *store,
                                          BlClock       clock);
BlTimeIndex  *bl_time_index_ref          (BlTimeIndex  *self);
void          bl_time_index_unref        (BlTimeIndex  *self);

BlClock       bl_time_index_get_clock    (BlTimeIndex  *self);
guint         bl_time_index_get_n_dated  (BlTimeIndex  *self);
const guint32 *bl_time_index_get_sorted  (BlTimeIndex  *self,
                                          guint        *n_sorted);
const guint32 *bl_time_index_get_arrays  (BlTimeIndex   *self,
                                          guint         *n_sorted,
                                          const gint32 **first,
                                          const gint32 **last,
                                          const gint32 **last_sorted,
                                          const gint32 **block_max);
gboolean      bl_time_index_get_span     (BlTimeIndex  *self,
                                          gint32       *first_day,
                                          gint32       *last_day);
guint         bl_time_index_count        (BlTimeIndex  *self,
                                          gint32        first_day,
                                          gint32        last_day);
void          bl_time_index_query        (BlTimeIndex  *self,
                                          gint32        first_day,
                                          gint32        last_day,
                                          GArray       *out_indices);

void          bl_days_sort               (gint32       *days,
                                          guint         n);
guint         bl_days_count_at_most      (const gint32 *sorted,
                                          guint         n,
                                          gint32        day);
guint         bl_days_count_overlapping  (const gint32 *first_sorted,
                                          const gint32 *last_sorted,
                                          guint         n,
                                          gint32        first_day,
                                          gint32        last_day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlTimeIndex, bl_time_index_unref)

G_END_DECLS
