/* bl-time-index.c — claims sorted by one of their two clocks
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A claim's date is a range of days (a day, a month, a year, an interval,
 * open or closed). A time window [a, b] shows the claims whose range
 * overlaps it: first ≤ b and last ≥ a. The index keeps the dated claims
 * sorted by first day, and in a second array their last days sorted, so
 * that counting a window is two binary searches:
 *
 *   count = #(first ≤ b) − #(last < a)
 *
 * (a claim that ends before a also starts before b). Listing a window
 * walks the claims with first ≤ b in blocks of BLOCK, skipping every block
 * whose latest last day is before a, so long-ago claims cost one
 * comparison per block, not one per claim.
 *
 * Claims with an unknown date are not in the index. The index is a
 * snapshot of the store: rebuild it when claims change.
 */
#include "config.h"

#include <stdlib.h>

#include "bl-time-index.h"

#define BLOCK BL_TIME_INDEX_BLOCK

struct _BlTimeIndex
{
  gatomicrefcount  ref_count;
  BlClock          clock;

  guint            n;           /* dated claims */
  guint32         *by_first;    /* claim numbers, by first day */
  gint32          *first;       /* first day of by_first[i] */
  gint32          *last;        /* last day of by_first[i] */
  gint32          *last_sorted; /* every last day, ascending */
  gint32          *block_max;   /* latest last day in each block */
};

typedef struct {
  gint32  first;
  gint32  last;
  guint32 index;
} Entry;

static int
compare_entries (const void *a,
                 const void *b)
{
  const Entry *x = a, *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->last != y->last)
    return x->last < y->last ? -1 : 1;
  return x->index < y->index ? -1 : (x->index > y->index);
}

/* Sorted days {{{ */

static int
compare_days (const void *a,
              const void *b)
{
  gint32 x = *(const gint32 *) a, y = *(const gint32 *) b;

  return x < y ? -1 : (x > y);
}

/**
 * bl_days_sort:
 * @days: (array length=n): days to sort in place, earliest first
 * @n: how many
 */
void
bl_days_sort (gint32 *days,
              guint   n)
{
  qsort (days, n, sizeof (gint32), compare_days);
}

/**
 * bl_days_count_at_most:
 * @sorted: (array length=n): ascending days
 * @n: how many
 * @day: a day
 *
 * Returns: the number of values in @sorted that are ≤ @day (a binary
 *   search)
 */
guint
bl_days_count_at_most (const gint32 *sorted,
                       guint         n,
                       gint32        day)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (sorted[mid] <= day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * bl_days_count_overlapping:
 * @first_sorted: (array length=n): the spans' first days, ascending
 * @last_sorted: (array length=n): the same spans' last days, ascending
 *   on their own
 * @n: how many spans
 * @first_day: the range's first day
 * @last_day: its last day, inclusive
 *
 * Counts spans overlapping a range with two binary searches: those that
 * start by @last_day, less those that ended before @first_day.
 *
 * Returns: how many of the spans overlap the range
 */
guint
bl_days_count_overlapping (const gint32 *first_sorted,
                           const gint32 *last_sorted,
                           guint         n,
                           gint32        first_day,
                           gint32        last_day)
{
  guint starting, ended;

  if (first_day > last_day)
    return 0;

  starting = bl_days_count_at_most (first_sorted, n, last_day);
  ended = first_day == G_MININT32 ? 0 : bl_days_count_at_most (last_sorted, n, first_day - 1);

  return starting - ended;
}

/* }}} */

/**
 * bl_time_index_new:
 * @store: the claims
 * @clock: which date to sort by
 *
 * Returns: (transfer full): a new index of @store's dated claims
 */
BlTimeIndex *
bl_time_index_new (BlClaimStore *store,
                   BlClock       clock)
{
  BlTimeIndex *self;
  const BlDate *dates;
  guint n_claims, n = 0, n_blocks;
  g_autofree Entry *entries = NULL;

  g_return_val_if_fail (BL_IS_CLAIM_STORE (store), NULL);
  g_return_val_if_fail (clock < BL_N_CLOCKS, NULL);

  n_claims = bl_claim_store_get_n_claims (store);
  dates = bl_claim_store_get_dates (store, clock);
  entries = g_new (Entry, MAX (n_claims, 1));

  for (guint i = 0; i < n_claims; i++)
    {
      if (bl_date_is_unknown (&dates[i]))
        continue;
      entries[n].first = dates[i].first_day;
      entries[n].last = dates[i].last_day;
      entries[n].index = i;
      n++;
    }

  qsort (entries, n, sizeof (Entry), compare_entries);

  self = g_new0 (BlTimeIndex, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->clock = clock;
  self->n = n;
  self->by_first = g_new (guint32, MAX (n, 1));
  self->first = g_new (gint32, MAX (n, 1));
  self->last = g_new (gint32, MAX (n, 1));
  self->last_sorted = g_new (gint32, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      self->by_first[i] = entries[i].index;
      self->first[i] = entries[i].first;
      self->last[i] = entries[i].last;
      self->last_sorted[i] = entries[i].last;
    }
  bl_days_sort (self->last_sorted, n);

  n_blocks = (n + BLOCK - 1) / BLOCK;
  self->block_max = g_new (gint32, MAX (n_blocks, 1));
  for (guint b = 0; b < n_blocks; b++)
    {
      gint32 max = G_MININT32;

      for (guint i = b * BLOCK; i < MIN (n, (b + 1) * BLOCK); i++)
        max = MAX (max, self->last[i]);
      self->block_max[b] = max;
    }

  return self;
}

BlTimeIndex *
bl_time_index_ref (BlTimeIndex *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bl_time_index_unref (BlTimeIndex *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->by_first);
  g_free (self->first);
  g_free (self->last);
  g_free (self->last_sorted);
  g_free (self->block_max);
  g_free (self);
}

BlClock
bl_time_index_get_clock (BlTimeIndex *self)
{
  g_return_val_if_fail (self != NULL, BL_CLOCK_SAID);
  return self->clock;
}

/**
 * bl_time_index_get_n_dated:
 *
 * Returns: how many claims have a known date on this clock
 */
guint
bl_time_index_get_n_dated (BlTimeIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

/**
 * bl_time_index_get_sorted:
 * @n_sorted: (out): the length of the array
 *
 * Returns: (array length=n_sorted): claim numbers, earliest first
 */
const guint32 *
bl_time_index_get_sorted (BlTimeIndex *self,
                          guint       *n_sorted)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_sorted != NULL, NULL);

  *n_sorted = self->n;
  return self->by_first;
}

/**
 * bl_time_index_get_arrays:
 * @n_sorted: (out): the number of dated claims
 * @first: (out): the first day of each, in the same order
 * @last: (out): the last day of each, likewise
 * @last_sorted: (out): every last day, ascending
 * @block_max: (out): the latest last day of each block of
 *   %BL_TIME_INDEX_BLOCK claims
 *
 * The index's own arrays, for a reader that holds a reference on it.
 *
 * Returns: the dated claims by first day, as bl_time_index_get_sorted()
 */
const guint32 *
bl_time_index_get_arrays (BlTimeIndex   *self,
                          guint         *n_sorted,
                          const gint32 **first,
                          const gint32 **last,
                          const gint32 **last_sorted,
                          const gint32 **block_max)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_sorted != NULL && first != NULL && last != NULL, NULL);
  g_return_val_if_fail (last_sorted != NULL && block_max != NULL, NULL);

  *n_sorted = self->n;
  *first = self->first;
  *last = self->last;
  *last_sorted = self->last_sorted;
  *block_max = self->block_max;
  return self->by_first;
}

/**
 * bl_time_index_get_span:
 * @first_day: (out): the earliest first day
 * @last_day: (out): the latest last day
 *
 * Returns: %FALSE when no claim is dated
 */
gboolean
bl_time_index_get_span (BlTimeIndex *self,
                        gint32      *first_day,
                        gint32      *last_day)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n == 0)
    return FALSE;

  if (first_day)
    *first_day = self->first[0];
  if (last_day)
    *last_day = self->last_sorted[self->n - 1];
  return TRUE;
}

/**
 * bl_time_index_count:
 * @first_day: the window's first day
 * @last_day: the window's last day, inclusive
 *
 * Returns: how many dated claims overlap the window
 */
guint
bl_time_index_count (BlTimeIndex *self,
                     gint32       first_day,
                     gint32       last_day)
{
  g_return_val_if_fail (self != NULL, 0);

  return bl_days_count_overlapping (self->first, self->last_sorted, self->n, first_day, last_day);
}

/**
 * bl_time_index_query:
 * @first_day: the window's first day
 * @last_day: the window's last day, inclusive
 * @out_indices: a #GArray of guint32; the claim numbers are appended,
 *   ordered by first day
 *
 * Lists the dated claims that overlap the window.
 */
void
bl_time_index_query (BlTimeIndex *self,
                     gint32       first_day,
                     gint32       last_day,
                     GArray      *out_indices)
{
  guint end;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out_indices != NULL);
  g_return_if_fail (g_array_get_element_size (out_indices) == sizeof (guint32));

  if (first_day > last_day)
    return;

  end = bl_days_count_at_most (self->first, self->n, last_day);

  for (guint b = 0; b * BLOCK < end; b++)
    {
      guint stop = MIN (end, (b + 1) * BLOCK);

      if (self->block_max[b] < first_day)
        continue;

      for (guint i = b * BLOCK; i < stop; i++)
        if (self->last[i] >= first_day)
          g_array_append_val (out_indices, self->by_first[i]);
    }
}
