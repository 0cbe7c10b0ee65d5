/* bl-time-lanes.c — claims grouped into timeline lanes, sorted by time
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline draws claims in lanes, one per claimant, source or topic.
 * Drawing must not look at every claim on every frame, so the lanes are
 * built once, when the claims, the filter's criteria, the clock or the
 * grouping change, and then only queried:
 *
 * - each lane lists its claims by first day, with their first and last
 *   days side by side, so a frame finds the claims in view with a binary
 *   search and walks blocks of BL_TIME_LANE_BLOCK, skipping blocks that
 *   end before the view;
 * - each lane also keeps its last days sorted, so that the number of
 *   claims overlapping any range is two binary searches (the same trick
 *   as BlTimeIndex), which makes a per-pixel-column histogram cost
 *   O(columns × log n) whatever the number of claims;
 * - overlapping claims are stacked in a few rows, chosen once.
 *
 * Only claims that pass the filter's criteria (everything but the time
 * window) and have a date on the clock are in the lanes. The window is
 * not applied: the timeline shows what lies outside it too, dimmed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bl-time-index.h"
#include "bl-time-lanes.h"

G_STATIC_ASSERT (BL_TIME_LANE_BLOCK == BL_TIME_INDEX_BLOCK);

struct _BlTimeLanes
{
  GPtrArray   *lanes;      /* BlTimeLane, in key order, none empty */
  BlTimeLane  *all;        /* every claim of every lane */
  BlTimeIndex *all_index;  /* when every dated claim passes: the index
                            * whose arrays the lane of all reads (but its
                            * rows) */
  guint        n_claims;
  gboolean    has_span;
  gint32      span_first;
  gint32      span_last;
};

static const char * const group_names[] = { "claimant", "source", "topic" };

G_DEFINE_ENUM_TYPE (BlTimeLanesGroup, bl_time_lanes_group,
                    G_DEFINE_ENUM_VALUE (BL_TIME_LANES_CLAIMANT, "claimant"),
                    G_DEFINE_ENUM_VALUE (BL_TIME_LANES_SOURCE, "source"),
                    G_DEFINE_ENUM_VALUE (BL_TIME_LANES_TOPIC, "topic"))

/* Helpers {{{ */

static BlTimeLane *
lane_new (guint32 key,
          guint   capacity)
{
  BlTimeLane *lane = g_new0 (BlTimeLane, 1);

  capacity = MAX (capacity, 1);
  lane->key = key;
  lane->claims = g_new (guint32, capacity);
  lane->first = g_new (gint32, capacity);
  lane->last = g_new (gint32, capacity);
  lane->row = g_new (guint8, capacity);

  return lane;
}

static void
lane_free (gpointer data)
{
  BlTimeLane *lane = data;

  g_free (lane->claims);
  g_free (lane->first);
  g_free (lane->last);
  g_free (lane->row);
  g_free (lane->last_sorted);
  g_free (lane->block_max);
  g_free (lane);
}

/* Stacks the claims in rows: each claim goes in the first row that is
 * free from its first day, or else in the row that frees first. */
static void
lane_stack_rows (BlTimeLane *lane)
{
  gint32 row_end[BL_TIME_LANE_ROWS];

  for (guint r = 0; r < BL_TIME_LANE_ROWS; r++)
    row_end[r] = G_MININT32;

  for (guint i = 0; i < lane->n; i++)
    {
      guint best = 0;

      for (guint r = 0; r < BL_TIME_LANE_ROWS; r++)
        {
          if (row_end[r] < lane->first[i] || row_end[r] == G_MININT32)
            {
              best = r;
              break;
            }
          if (row_end[r] < row_end[best])
            best = r;
        }

      lane->row[i] = best;
      row_end[best] = MAX (row_end[best], lane->last[i]);
    }
}

/* Sorts the last days, finds each block's latest, and stacks the rows. */
static void
lane_finish (BlTimeLane *lane)
{
  guint n_blocks = (lane->n + BL_TIME_LANE_BLOCK - 1) / BL_TIME_LANE_BLOCK;

  lane->last_sorted = g_memdup2 (lane->last, MAX (lane->n, 1) * sizeof (gint32));
  bl_days_sort (lane->last_sorted, lane->n);

  lane->block_max = g_new (gint32, MAX (n_blocks, 1));
  for (guint b = 0; b < n_blocks; b++)
    {
      gint32 max = G_MININT32;

      for (guint i = b * BL_TIME_LANE_BLOCK; i < MIN (lane->n, (b + 1) * BL_TIME_LANE_BLOCK); i++)
        max = MAX (max, lane->last[i]);
      lane->block_max[b] = max;
    }

  lane_stack_rows (lane);
}

/* }}} */

/**
 * bl_time_lanes_group_to_string:
 *
 * Returns: the name of @group as saved in settings and views: "claimant",
 *   "source" or "topic"
 */
const char *
bl_time_lanes_group_to_string (BlTimeLanesGroup group)
{
  g_return_val_if_fail (group < G_N_ELEMENTS (group_names), NULL);
  return group_names[group];
}

gboolean
bl_time_lanes_group_from_string (const char       *text,
                                 BlTimeLanesGroup *group)
{
  g_return_val_if_fail (group != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (group_names); i++)
    if (g_str_equal (text, group_names[i]))
      {
        *group = i;
        return TRUE;
      }

  return FALSE;
}

/* Building {{{ */

/* What a build needs, copied out of the store so that a worker thread
 * can build while the main thread goes on: the claims' keys and their
 * first and last days, in claim order (sequential reads and writes), and
 * the criteria mask, a byte a claim; the time index is never changed once
 * built, so a reference on it will do. A snapshot of the store would copy
 * nothing here, but an edit during the build (an undo, say, which itself
 * rebuilds the lanes) would then copy all of the store's arrays.
 * Picking the claims that pass, in time order, jumps around memory and is
 * left to gather(), on the worker. */
typedef struct {
  BlTimeIndex   *index;
  guint          n_claims;    /* in the store */
  guint          n_keys;
  guint          n_sorted;
  const guint32 *sorted;      /* dated claims by first day, the index's */
  guint32       *claim_keys;  /* per claim */
  gint32        *claim_first; /* per claim */
  gint32        *claim_last;  /* per claim */
  guint8        *criteria;    /* per claim, or NULL when all pass */
  gboolean       all_pass;

  /* filled in by gather(): the dated claims that pass, by first day */
  guint    n;
  guint32 *claims;
  guint32 *keys;        /* 0..n_keys, n_keys for none */
  gint32  *first;
  gint32  *last;
} Input;

static void
input_free (gpointer data)
{
  Input *in = data;

  if (in == NULL)
    return;

  g_clear_pointer (&in->index, bl_time_index_unref);
  g_free (in->claim_keys);
  g_free (in->claim_first);
  g_free (in->claim_last);
  g_free (in->criteria);
  g_free (in->claims);
  g_free (in->keys);
  g_free (in->first);
  g_free (in->last);
  g_free (in);
}

static Input *
input_new (BlVisibleClaims  *visible,
           BlClock           clock,
           BlTimeLanesGroup  group)
{
  BlProject *project = bl_visible_claims_get_project (visible);
  BlClaimStore *store = bl_project_get_claims (project);
  const guint8 *criteria = bl_visible_claims_get_criteria_mask (visible);
  const BlDate *dates = bl_claim_store_get_dates (store, clock);
  const guint32 *keys;
  GListModel *key_model;
  Input *in;

  switch (group)
    {
    case BL_TIME_LANES_SOURCE:
      keys = bl_claim_store_get_sources (store);
      key_model = bl_project_get_sources (project);
      break;
    case BL_TIME_LANES_TOPIC:
      keys = bl_claim_store_get_topics (store);
      key_model = bl_project_get_topics (project);
      break;
    case BL_TIME_LANES_CLAIMANT:
    default:
      keys = bl_claim_store_get_actors (store);
      key_model = bl_project_get_actors (project);
      break;
    }

  in = g_new0 (Input, 1);
  in->index = bl_time_index_ref (bl_visible_claims_get_time_index (visible, clock));
  in->sorted = bl_time_index_get_sorted (in->index, &in->n_sorted);
  in->n_claims = bl_claim_store_get_n_claims (store);
  in->n_keys = g_list_model_get_n_items (key_model);
  in->claim_keys = g_memdup2 (keys, MAX (in->n_claims, 1) * sizeof (guint32));
  in->claim_first = g_new (gint32, MAX (in->n_claims, 1));
  in->claim_last = g_new (gint32, MAX (in->n_claims, 1));
  for (guint c = 0; c < in->n_claims; c++)
    {
      in->claim_first[c] = dates[c].first_day;
      in->claim_last[c] = dates[c].last_day;
    }
  if (criteria != NULL)
    in->criteria = g_memdup2 (criteria, MAX (in->n_claims, 1));
  in->all_pass = criteria == NULL;

  return in;
}

/* Picks the claims that pass, in time order, with their keys and days. */
static void
gather (Input *in)
{
  in->claims = g_new (guint32, MAX (in->n_sorted, 1));
  in->keys = g_new (guint32, MAX (in->n_sorted, 1));
  in->first = g_new (gint32, MAX (in->n_sorted, 1));
  in->last = g_new (gint32, MAX (in->n_sorted, 1));

  for (guint s = 0; s < in->n_sorted; s++)
    {
      guint32 c = in->sorted[s];

      if (c >= in->n_claims || (in->criteria != NULL && !in->criteria[c]))
        continue;

      in->claims[in->n] = c;
      in->keys[in->n] = in->claim_keys[c] < in->n_keys ? in->claim_keys[c] : in->n_keys;
      in->first[in->n] = in->claim_first[c];
      in->last[in->n] = in->claim_last[c];
      in->n++;
    }

  /* the per-claim copies are done with: let them go before the lanes are
   * made (12 bytes a claim, 13 with criteria) */
  g_clear_pointer (&in->claim_keys, g_free);
  g_clear_pointer (&in->claim_first, g_free);
  g_clear_pointer (&in->claim_last, g_free);
  g_clear_pointer (&in->criteria, g_free);
}

/* Touches nothing but @in: safe on any thread. The lane of every claim
 * takes over the gathered claims and days. */
static BlTimeLanes *
build (Input *in)
{
  BlTimeLanes *self;
  g_autofree guint *sizes = NULL;
  g_autofree BlTimeLane **by_key = NULL;

  self = g_new0 (BlTimeLanes, 1);
  self->n_claims = in->n_claims;
  self->lanes = g_ptr_array_new_with_free_func (lane_free);
  self->span_first = G_MAXINT32;
  self->span_last = G_MININT32;

  /* the last slot holds the claims with no key */
  sizes = g_new0 (guint, in->n_keys + 1);
  for (guint i = 0; i < in->n; i++)
    sizes[in->keys[i]]++;

  by_key = g_new0 (BlTimeLane *, in->n_keys + 1);
  for (guint k = 0; k <= in->n_keys; k++)
    if (sizes[k] > 0)
      {
        by_key[k] = lane_new (k < in->n_keys ? k : BL_NO_INDEX, sizes[k]);
        g_ptr_array_add (self->lanes, by_key[k]);
      }

  /* the input is by first day: appending keeps every lane sorted */
  for (guint i = 0; i < in->n; i++)
    {
      guint32 c = in->claims[i];
      BlTimeLane *lane = by_key[in->keys[i]];
      gint32 first = in->first[i], last = in->last[i];

      lane->claims[lane->n] = c;
      lane->first[lane->n] = first;
      lane->last[lane->n] = last;
      lane->n++;

      /* the finite span: an open end counts by its other end */
      self->span_first = MIN (self->span_first, first != BL_DAY_MIN ? first : last);
      self->span_last = MAX (self->span_last, last != BL_DAY_MAX ? last : first);
    }

  g_clear_pointer (&in->keys, g_free);
  for (guint l = 0; l < self->lanes->len; l++)
    lane_finish (g_ptr_array_index (self->lanes, l));

  self->all = g_new0 (BlTimeLane, 1);
  self->all->key = BL_NO_INDEX;
  self->all->n = in->n;
  self->all->row = g_new (guint8, MAX (in->n, 1));
  if (in->all_pass)
    {
      /* the gathered claims are the index's, in its order: read its
       * arrays rather than copy them (16 bytes a claim) */
      const gint32 *first, *last, *last_sorted, *block_max;
      guint n_sorted;
      const guint32 *claims = bl_time_index_get_arrays (in->index, &n_sorted, &first, &last,
                                                        &last_sorted, &block_max);

      g_assert (n_sorted == in->n);
      self->all_index = bl_time_index_ref (in->index);
      self->all->claims = (guint32 *) claims;
      self->all->first = (gint32 *) first;
      self->all->last = (gint32 *) last;
      self->all->last_sorted = (gint32 *) last_sorted;
      self->all->block_max = (gint32 *) block_max;
      lane_stack_rows (self->all);
    }
  else
    {
      self->all->claims = g_renew (guint32, g_steal_pointer (&in->claims), MAX (in->n, 1));
      self->all->first = g_renew (gint32, g_steal_pointer (&in->first), MAX (in->n, 1));
      self->all->last = g_renew (gint32, g_steal_pointer (&in->last), MAX (in->n, 1));
      lane_finish (self->all);
    }

  self->has_span = in->n > 0;

  return self;
}

static void
build_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  if (g_task_return_error_if_cancelled (task))
    return;

  gather (task_data);
  g_task_return_pointer (task, build (task_data), (GDestroyNotify) bl_time_lanes_free);
}

/**
 * bl_time_lanes_new:
 * @visible: the project's claims and the filter's criteria
 * @clock: which date places the claims
 * @group: what a lane stands for
 *
 * Groups the dated claims that pass the filter's criteria into lanes.
 * Takes O(n log n) after the time index, which is built once per clock.
 *
 * Returns: (transfer full): the lanes, a snapshot: build them again when
 *   the claims, the criteria, @clock or @group change
 */
BlTimeLanes *
bl_time_lanes_new (BlVisibleClaims  *visible,
                   BlClock           clock,
                   BlTimeLanesGroup  group)
{
  Input *in;
  BlTimeLanes *self;

  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (visible), NULL);
  g_return_val_if_fail (clock < BL_N_CLOCKS, NULL);
  g_return_val_if_fail (group <= BL_TIME_LANES_TOPIC, NULL);

  in = input_new (visible, clock, group);
  gather (in);
  self = build (in);
  input_free (in);

  return self;
}

/**
 * bl_time_lanes_new_async:
 * @visible: the project's claims and the filter's criteria
 * @clock: which date places the claims
 * @group: what a lane stands for
 * @cancellable: (nullable): a #GCancellable
 * @callback: called on this thread's main context when done
 * @user_data: for @callback
 *
 * Like bl_time_lanes_new(), but here it only copies what the build reads
 * (13 bytes a claim, in claim order) and builds the time index on first
 * use of @clock; the lanes are built on a worker thread. The result describes the claims
 * as they are now: if the store changes before @callback, drop it.
 */
void
bl_time_lanes_new_async (BlVisibleClaims     *visible,
                         BlClock              clock,
                         BlTimeLanesGroup     group,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BL_IS_VISIBLE_CLAIMS (visible));
  g_return_if_fail (clock < BL_N_CLOCKS);
  g_return_if_fail (group <= BL_TIME_LANES_TOPIC);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_time_lanes_new_async);
  g_task_set_name (task, "[borderline] time lanes");
  g_task_set_task_data (task, input_new (visible, clock, group), input_free);
  g_task_run_in_thread (task, build_in_thread);
}

/**
 * bl_time_lanes_new_finish:
 *
 * Returns: (transfer full) (nullable): the lanes, or %NULL with @error
 *   set (%G_IO_ERROR_CANCELLED when cancelled)
 */
BlTimeLanes *
bl_time_lanes_new_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bl_time_lanes_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */

void
bl_time_lanes_free (BlTimeLanes *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->lanes);
  if (self->all_index != NULL)
    {
      g_free (self->all->row);
      g_free (self->all);
      bl_time_index_unref (self->all_index);
    }
  else
    lane_free (self->all);
  g_free (self);
}

guint
bl_time_lanes_get_n_lanes (BlTimeLanes *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lanes->len;
}

/**
 * bl_time_lanes_get_lane:
 * @i: a lane number, below bl_time_lanes_get_n_lanes()
 *
 * Returns: (transfer none): the lane
 */
const BlTimeLane *
bl_time_lanes_get_lane (BlTimeLanes *self,
                        guint        i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->lanes->len, NULL);

  return g_ptr_array_index (self->lanes, i);
}

/**
 * bl_time_lanes_get_all:
 *
 * Returns: (transfer none): a lane with the claims of every lane, for an
 *   overview
 */
const BlTimeLane *
bl_time_lanes_get_all (BlTimeLanes *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->all;
}

/**
 * bl_time_lanes_find_claim:
 * @claim: a claim number
 * @position: (out) (optional): its position in its lane
 *
 * Returns: the claim's lane number, or %BL_NO_INDEX when it is in none
 *   (undated, or left out by the criteria)
 */
guint
bl_time_lanes_find_claim (BlTimeLanes *self,
                          guint32      claim,
                          guint       *position)
{
  g_return_val_if_fail (self != NULL, BL_NO_INDEX);

  if (claim >= self->n_claims)
    return BL_NO_INDEX;

  /* a walk over every lane, a millisecond at a million claims: it is asked
   * once a selection, and per-claim tables would cost 8 bytes a claim */
  for (guint l = 0; l < self->lanes->len; l++)
    {
      const BlTimeLane *lane = g_ptr_array_index (self->lanes, l);

      for (guint i = 0; i < lane->n; i++)
        if (lane->claims[i] == claim)
          {
            if (position)
              *position = i;
            return l;
          }
    }

  return BL_NO_INDEX;
}

/**
 * bl_time_lanes_get_span:
 * @first_day: (out) (optional): the earliest day a claim mentions
 * @last_day: (out) (optional): the latest day a claim mentions
 *
 * The span of the lanes' claims, ignoring open ends: "since August 2021"
 * counts as August 2021.
 *
 * Returns: %FALSE when the lanes are empty
 */
gboolean
bl_time_lanes_get_span (BlTimeLanes *self,
                        gint32      *first_day,
                        gint32      *last_day)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->has_span)
    return FALSE;
  if (first_day)
    *first_day = self->span_first;
  if (last_day)
    *last_day = self->span_last;
  return TRUE;
}

/**
 * bl_time_lane_count:
 * @first_day: the range's first day
 * @last_day: its last day, inclusive
 *
 * Returns: how many of the lane's claims overlap the range
 */
guint
bl_time_lane_count (const BlTimeLane *lane,
                    gint32            first_day,
                    gint32            last_day)
{
  return bl_days_count_overlapping (lane->first, lane->last_sorted, lane->n, first_day, last_day);
}

/**
 * bl_time_lane_end:
 * @last_day: a day
 *
 * Returns: the number of claims that start on or before @last_day: a walk
 *   over a range ending on @last_day stops there
 */
guint
bl_time_lane_end (const BlTimeLane *lane,
                  gint32            last_day)
{
  return bl_days_count_at_most (lane->first, lane->n, last_day);
}

/**
 * bl_time_lane_histogram:
 * @edges: @n_bins + 1 ascending days: bin i is edges[i] .. edges[i + 1] − 1
 * @n_bins: the number of bins
 * @counts: (out caller-allocates): @n_bins counts of claims overlapping
 *   each bin (a claim may count in several)
 */
void
bl_time_lane_histogram (const BlTimeLane *lane,
                        const gint32     *edges,
                        guint             n_bins,
                        guint            *counts)
{
  guint lo_first = 0, lo_last = 0;

  /* the edges ascend, so each search starts where the last one ended */
  for (guint b = 0; b < n_bins; b++)
    {
      gint32 a = edges[b], z = edges[b + 1] - 1;
      guint starting, ended;

      if (z < a)
        {
          counts[b] = 0;
          continue;
        }

      starting = lo_first + bl_days_count_at_most (lane->first + lo_first, lane->n - lo_first, z);
      ended = a == G_MININT32 ? 0 : lo_last + bl_days_count_at_most (lane->last_sorted + lo_last, lane->n - lo_last, a - 1);
      counts[b] = starting - ended;
      lo_first = starting;
      lo_last = ended;
    }
}
