/* bl-claim-store.c — every claim of a project, in arrays
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project may hold a million claims, so the store keeps no object per
 * claim. The fields that views scan on every frame (position, the two
 * dates, topic, claimant, source, stance, grade, precision) live in plain
 * arrays indexed by claim number; the rest lives in a parallel array of
 * small structs, packed for a million claims (8 bytes a claim beside its
 * block):
 *
 * - the id, statement, quote and notes, which are new on every claim, and
 *   the figure, polygon and relations, which few claims have, in one block
 *   per claim, cut from the store's BlBlockArena (no allocator overhead);
 * - the place, tags, areas and unit, which repeat, interned in the store's
 *   BlStringPool (one copy of each value, of each tag vector, and of each
 *   place, areas and tags together, whose id the claim's block holds in a
 *   byte or two; kept until the store goes, edits included).
 *
 * Ids map to claim numbers through a BlIdIndex, which holds only numbers.
 *
 * The store is also a GListModel of BlClaim, made on demand, so that a
 * GtkListView can show any number of claims.
 *
 * It is not the place for filtering, time indices or spatial indices:
 * those are built over these arrays by their own classes.
 *
 * Snapshots (bl_claim_store_snapshot()) let another thread read the claims
 * as they were while the main thread goes on changing the store. Taking
 * one copies nothing: the snapshot reads the store's own arrays, and the
 * store keeps its hands off them while any snapshot lives:
 *
 * - a change that writes inside the arrays (insert, replace, remove,
 *   remapping) or would move them (growing) first gives the store fresh
 *   copies of its arrays (one memcpy of each; the strings are shared) and
 *   retires the old ones, which the snapshots go on reading;
 * - appending within the capacity writes past every snapshot's end;
 * - details (strings, areas, relations…) that a change drops are retired,
 *   not freed, while snapshots live: old arrays may still point to them;
 * - what is retired is freed at the first change after the last snapshot
 *   is gone, or with the store (each snapshot holds a reference on it).
 *
 * So the rule for callers: take a snapshot on the thread that changes the
 * store; read the snapshot on one other thread (or the same); never change
 * a snapshot (it refuses).
 *
 * The packing of the details is in bl-claim-store-details.c, taking
 * snapshots and keeping out of their way in bl-claim-store-snapshot.c;
 * both share the layout in bl-claim-store-private.h.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-claim.h"
#include "bl-claim-store.h"
#include "bl-claim-store-private.h"
#include "bl-id-index.h"
#include "bl-string-pool.h"

static void bl_claim_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BlClaimStore, bl_claim_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bl_claim_store_list_model_init))

static const char *
id_of (guint32  index,
       gpointer user_data)
{
  BlClaimStore *self = user_data;

  return bl_claim_store_details_id (&self->details[index]);
}

static void
set_hot_fields (BlClaimStore        *self,
                guint                i,
                const BlClaimRecord *r)
{
  self->lat[i] = r->lat;
  self->lon[i] = r->lon;
  self->dates[BL_CLOCK_SAID][i] = r->said_on;
  self->dates[BL_CLOCK_ABOUT][i] = r->about;
  self->topic[i] = r->topic;
  self->actor[i] = r->actor;
  self->source[i] = r->source;
  self->stance[i] = (guint8) r->stance;
  self->credibility[i] = (guint8) r->credibility;
  self->precision[i] = (guint8) r->precision;
}

/* Grows or shrinks every array to @capacity (at least n_claims). */
static void
resize_to (BlClaimStore *self,
           guint         capacity)
{
  g_assert (capacity >= self->n_claims);

  bl_claim_store_release_retired (self);
  if (self->shared && self->capacity > 0)
    {
      /* realloc could free what a snapshot reads */
      bl_claim_store_unshare (self, capacity);
      return;
    }

  self->lat = g_renew (double, self->lat, capacity);
  self->lon = g_renew (double, self->lon, capacity);
  for (guint c = 0; c < BL_N_CLOCKS; c++)
    self->dates[c] = g_renew (BlDate, self->dates[c], capacity);
  self->topic = g_renew (guint32, self->topic, capacity);
  self->actor = g_renew (guint32, self->actor, capacity);
  self->source = g_renew (guint32, self->source, capacity);
  self->stance = g_renew (guint8, self->stance, capacity);
  self->credibility = g_renew (guint8, self->credibility, capacity);
  self->precision = g_renew (guint8, self->precision, capacity);
  self->details = g_renew (BlClaimDetails, self->details, capacity);

  self->capacity = capacity;
}

static void
grow_to (BlClaimStore *self,
         guint         capacity)
{
  if (capacity > self->capacity)
    resize_to (self, capacity);
}

/* Moves claims [from, n) by delta places (±1) in every array. */
#define SHIFT(array, from, to, count) \
  memmove (&(array)[to], &(array)[from], sizeof ((array)[0]) * (count))

static void
shift_down (BlClaimStore *self,
            guint         index)
{
  guint count = self->n_claims - index - 1;

  SHIFT (self->lat, index + 1, index, count);
  SHIFT (self->lon, index + 1, index, count);
  for (guint c = 0; c < BL_N_CLOCKS; c++)
    SHIFT (self->dates[c], index + 1, index, count);
  SHIFT (self->topic, index + 1, index, count);
  SHIFT (self->actor, index + 1, index, count);
  SHIFT (self->source, index + 1, index, count);
  SHIFT (self->stance, index + 1, index, count);
  SHIFT (self->credibility, index + 1, index, count);
  SHIFT (self->precision, index + 1, index, count);
  SHIFT (self->details, index + 1, index, count);
}

static void
shift_up (BlClaimStore *self,
          guint         index)
{
  guint count = self->n_claims - index;

  SHIFT (self->lat, index, index + 1, count);
  SHIFT (self->lon, index, index + 1, count);
  for (guint c = 0; c < BL_N_CLOCKS; c++)
    SHIFT (self->dates[c], index, index + 1, count);
  SHIFT (self->topic, index, index + 1, count);
  SHIFT (self->actor, index, index + 1, count);
  SHIFT (self->source, index, index + 1, count);
  SHIFT (self->stance, index, index + 1, count);
  SHIFT (self->credibility, index, index + 1, count);
  SHIFT (self->precision, index, index + 1, count);
  SHIFT (self->details, index, index + 1, count);
}

static GType
bl_claim_store_get_item_type (GListModel *model)
{
  return BL_TYPE_CLAIM;
}

static guint
bl_claim_store_get_n_items (GListModel *model)
{
  return BL_CLAIM_STORE (model)->n_claims;
}

static gpointer
bl_claim_store_get_item (GListModel *model,
                         guint       position)
{
  BlClaimStore *self = BL_CLAIM_STORE (model);

  if (position >= self->n_claims)
    return NULL;

  return bl_claim_new (self, position);
}

static void
bl_claim_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bl_claim_store_get_item_type;
  iface->get_n_items = bl_claim_store_get_n_items;
  iface->get_item = bl_claim_store_get_item;
}

static void
bl_claim_store_finalize (GObject *object)
{
  BlClaimStore *self = (BlClaimStore *) object;

  bl_id_index_clear (&self->by_id);

  if (self->origin != NULL)
    {
      /* a snapshot: the arrays and the strings are the origin's */
      g_clear_pointer (&self->pool, bl_string_pool_free);
      g_atomic_int_dec_and_test (&self->origin->readers);
      g_clear_object (&self->origin);
      G_OBJECT_CLASS (bl_claim_store_parent_class)->finalize (object);
      return;
    }

  /* snapshots hold a reference: none is left */
  g_assert (g_atomic_int_get (&self->readers) == 0);
  bl_claim_store_release_retired (self);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  g_clear_pointer (&self->retired_details, g_array_unref);

  for (guint i = 0; i < self->n_claims; i++)
    bl_claim_store_details_clear (self, &self->details[i]);
  g_clear_pointer (&self->arena, bl_block_arena_free);
  g_clear_pointer (&self->pool, bl_string_pool_free);

  g_free (self->lat);
  g_free (self->lon);
  for (guint c = 0; c < BL_N_CLOCKS; c++)
    g_free (self->dates[c]);
  g_free (self->topic);
  g_free (self->actor);
  g_free (self->source);
  g_free (self->stance);
  g_free (self->credibility);
  g_free (self->precision);
  g_free (self->details);

  G_OBJECT_CLASS (bl_claim_store_parent_class)->finalize (object);
}

static void
bl_claim_store_class_init (BlClaimStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bl_claim_store_finalize;
}

static void
bl_claim_store_init (BlClaimStore *self)
{
  self->pool = bl_string_pool_new ();
  bl_id_index_init (&self->by_id, id_of, self);
}

/**
 * bl_claim_record_init:
 * @record: a record to fill in
 *
 * Sets every field to "nothing": no point, no actor, source or topic,
 * unknown dates and precision.
 */
void
bl_claim_record_init (BlClaimRecord *record)
{
  g_return_if_fail (record != NULL);

  memset (record, 0, sizeof *record);
  record->actor = BL_NO_INDEX;
  record->source = BL_NO_INDEX;
  record->topic = BL_NO_INDEX;
  record->lat = NAN;
  record->lon = NAN;
  record->precision = BL_PRECISION_UNKNOWN;
  bl_date_init_unknown (&record->said_on);
  bl_date_init_unknown (&record->about);
}

BlClaimStore *
bl_claim_store_new (void)
{
  return g_object_new (BL_TYPE_CLAIM_STORE, NULL);
}

guint
bl_claim_store_get_n_claims (BlClaimStore *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_STORE (self), 0);
  return self->n_claims;
}

/**
 * bl_claim_store_reserve:
 * @n_claims: how many claims the store will hold
 *
 * Makes room for @n_claims at once, so that a loader that knows the count
 * does not grow the arrays step by step.
 */
void
bl_claim_store_reserve (BlClaimStore *self,
                        guint         n_claims)
{
  g_return_if_fail (BL_IS_CLAIM_STORE (self));
  g_return_if_fail (self->origin == NULL);

  grow_to (self, n_claims);
  bl_id_index_reserve (&self->by_id, n_claims);
}

/**
 * bl_claim_store_append:
 * @record: the claim; its id must be new to the store
 *
 * Returns: the new claim's number, or %BL_NO_INDEX if the id is taken
 */
guint
bl_claim_store_append (BlClaimStore        *self,
                       const BlClaimRecord *record)
{
  guint i;

  g_return_val_if_fail (BL_IS_CLAIM_STORE (self), BL_NO_INDEX);
  g_return_val_if_fail (record != NULL, BL_NO_INDEX);
  g_return_val_if_fail (record->id != NULL && record->id[0] != '\0', BL_NO_INDEX);
  g_return_val_if_fail (self->n_claims < BL_NO_INDEX - 1, BL_NO_INDEX);
  g_return_val_if_fail (self->origin == NULL, BL_NO_INDEX);

  if (bl_id_index_lookup (&self->by_id, record->id) != BL_NO_INDEX)
    return BL_NO_INDEX;

  /* appending writes past the end of every snapshot: no copy needed */
  bl_claim_store_release_retired (self);

  if (self->n_claims == self->capacity)
    grow_to (self, MAX (64, self->capacity + self->capacity / 2));

  i = self->n_claims++;
  set_hot_fields (self, i, record);
  bl_claim_store_details_set (self, &self->details[i], record);
  bl_id_index_insert (&self->by_id, i);

  g_list_model_items_changed (G_LIST_MODEL (self), i, 0, 1);

  return i;
}

/**
 * bl_claim_store_insert:
 * @position: where the claim goes; the claims from there on move down
 * @record: the claim; its id must be new to the store
 *
 * Returns: @position, or %BL_NO_INDEX if the id is taken
 */
guint
bl_claim_store_insert (BlClaimStore        *self,
                       guint                position,
                       const BlClaimRecord *record)
{
  g_return_val_if_fail (BL_IS_CLAIM_STORE (self), BL_NO_INDEX);
  g_return_val_if_fail (record != NULL, BL_NO_INDEX);
  g_return_val_if_fail (record->id != NULL && record->id[0] != '\0', BL_NO_INDEX);
  g_return_val_if_fail (position <= self->n_claims, BL_NO_INDEX);
  g_return_val_if_fail (self->origin == NULL, BL_NO_INDEX);

  if (position == self->n_claims)
    return bl_claim_store_append (self, record);

  if (bl_id_index_lookup (&self->by_id, record->id) != BL_NO_INDEX)
    return BL_NO_INDEX;

  bl_claim_store_prepare_change (self);

  if (self->n_claims == self->capacity)
    grow_to (self, MAX (64, self->capacity + self->capacity / 2));

  shift_up (self, position);
  self->n_claims++;
  set_hot_fields (self, position, record);
  bl_claim_store_details_set (self, &self->details[position], record);
  bl_id_index_shift (&self->by_id, position, +1);
  bl_id_index_insert (&self->by_id, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return position;
}

/**
 * bl_claim_store_replace:
 * @index: the claim to change
 * @record: its new content; the id must stay the same
 *
 * Replaces every field of one claim.
 */
void
bl_claim_store_replace (BlClaimStore        *self,
                        guint                index,
                        const BlClaimRecord *record)
{
  BlClaimDetails fresh = { 0 };

  g_return_if_fail (BL_IS_CLAIM_STORE (self));
  g_return_if_fail (index < self->n_claims);
  g_return_if_fail (record != NULL);
  g_return_if_fail (g_strcmp0 (record->id, bl_claim_store_details_id (&self->details[index])) == 0);
  g_return_if_fail (self->origin == NULL);

  /* Copy first: @record may point into the details being replaced. The id
   * stays, so the index's entry does too. */
  bl_claim_store_details_set (self, &fresh, record);
  bl_claim_store_prepare_change (self);
  set_hot_fields (self, index, record);

  bl_claim_store_drop_details (self, &self->details[index]);
  self->details[index] = fresh;

  g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 1);
}

/**
 * bl_claim_store_remove:
 * @index: the claim to remove
 *
 * Removes one claim; the claims after it move up by one.
 */
void
bl_claim_store_remove (BlClaimStore *self,
                       guint         index)
{
  g_return_if_fail (BL_IS_CLAIM_STORE (self));
  g_return_if_fail (index < self->n_claims);
  g_return_if_fail (self->origin == NULL);

  bl_claim_store_prepare_change (self);
  bl_id_index_remove (&self->by_id, bl_claim_store_details_id (&self->details[index]));
  bl_claim_store_drop_details (self, &self->details[index]);
  shift_down (self, index);
  self->n_claims--;
  bl_id_index_shift (&self->by_id, index + 1, -1);

  g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
}

/**
 * bl_claim_store_lookup:
 * @id: a claim id
 *
 * Returns: the number of the claim with @id, or %BL_NO_INDEX
 */
guint
bl_claim_store_lookup (BlClaimStore *self,
                       const char   *id)
{
  g_return_val_if_fail (BL_IS_CLAIM_STORE (self), BL_NO_INDEX);

  if (id == NULL)
    return BL_NO_INDEX;

  /* The origin's index follows the origin's changes: a snapshot indexes
   * its own claims, once, on the thread that reads it. */
  if (self->origin != NULL && !self->by_id_filled)
    {
      bl_id_index_reserve (&self->by_id, self->n_claims);
      for (guint i = 0; i < self->n_claims; i++)
        bl_id_index_insert (&self->by_id, i);
      self->by_id_filled = TRUE;
    }

  return bl_id_index_lookup (&self->by_id, id);
}

const char *
bl_claim_store_get_id (BlClaimStore *self,
                       guint         index)
{
  g_return_val_if_fail (BL_IS_CLAIM_STORE (self), NULL);
  g_return_val_if_fail (index < self->n_claims, NULL);

  return bl_claim_store_details_id (&self->details[index]);
}

#define DEFINE_ARRAY_GETTER(name, type, field)          \
  const type *                                          \
  bl_claim_store_get_##name (BlClaimStore *self)        \
  {                                                     \
    g_return_val_if_fail (BL_IS_CLAIM_STORE (self), NULL); \
    return self->field;                                 \
  }

DEFINE_ARRAY_GETTER (lats, double, lat)
DEFINE_ARRAY_GETTER (lons, double, lon)
DEFINE_ARRAY_GETTER (topics, guint32, topic)
DEFINE_ARRAY_GETTER (actors, guint32, actor)
DEFINE_ARRAY_GETTER (sources, guint32, source)
DEFINE_ARRAY_GETTER (stances, guint8, stance)
DEFINE_ARRAY_GETTER (credibilities, guint8, credibility)
DEFINE_ARRAY_GETTER (precisions, guint8, precision)

/**
 * bl_claim_store_get_dates:
 * @clock: which of the two dates
 *
 * Returns: (array): one date per claim
 */
const BlDate *
bl_claim_store_get_dates (BlClaimStore *self,
                          BlClock       clock)
{
  g_return_val_if_fail (BL_IS_CLAIM_STORE (self), NULL);
  g_return_val_if_fail (clock < BL_N_CLOCKS, NULL);

  return self->dates[clock];
}

static void
remap (guint32       *values,
       guint          n,
       guint32        pending_bit,
       const guint32 *map)
{
  if (map == NULL)
    return;

  for (guint i = 0; i < n; i++)
    if (values[i] != BL_NO_INDEX && (values[i] & pending_bit))
      values[i] = map[values[i] & ~pending_bit];
}

/*
 * bl_claim_store_trim:
 *
 * Gives back the room the arrays grew into but the claims do not use: a
 * loader that could not know the count calls it once it has read them
 * all (the arrays grow by half at a time: up to a third of them unused).
 */
void
bl_claim_store_trim (BlClaimStore *self)
{
  g_return_if_fail (BL_IS_CLAIM_STORE (self));

  if (self->capacity > self->n_claims && self->n_claims > 0)
    resize_to (self, self->n_claims);
}

/*
 * bl_claim_store_remap_references:
 * @pending_bit: the bit that marks a provisional reference
 * @actor_map: (nullable): provisional slot → actor index
 * @source_map: (nullable): provisional slot → source index
 * @topic_map: (nullable): provisional slot → topic index
 *
 * A loader that meets a claim before the actor, source or topic it names
 * stores a provisional slot number marked with @pending_bit; once the
 * whole file is read it turns them into real indices here.
 */
void
bl_claim_store_remap_references (BlClaimStore  *self,
                                 guint32        pending_bit,
                                 const guint32 *actor_map,
                                 const guint32 *source_map,
                                 const guint32 *topic_map)
{
  g_return_if_fail (BL_IS_CLAIM_STORE (self));
  g_return_if_fail (self->origin == NULL);

  bl_claim_store_prepare_change (self);
  remap (self->actor, self->n_claims, pending_bit, actor_map);
  remap (self->source, self->n_claims, pending_bit, source_map);
  remap (self->topic, self->n_claims, pending_bit, topic_map);
}

/*
 * bl_claim_store_shift_references:
 * @kind: which references: the claims' claimants, sources or topics
 * @index: where an entity was inserted or removed
 * @inserted: %TRUE when an entity was inserted at @index, %FALSE when the
 *   one at @index was removed
 *
 * Keeps the claims' references right when the project's list of @kind
 * changes in the middle: references at or after an inserted entity move
 * up by one; references after a removed one move down by one. No claim
 * may name a removed entity. Observers are told every claim changed.
 */
void
bl_claim_store_shift_references (BlClaimStore *self,
                                 BlEntityKind  kind,
                                 guint32       index,
                                 gboolean      inserted)
{
  guint32 *values;

  g_return_if_fail (BL_IS_CLAIM_STORE (self));
  g_return_if_fail (kind < BL_N_ENTITY_KINDS);
  g_return_if_fail (self->origin == NULL);

  /* a snapshot being saved keeps the references it was taken with */
  bl_claim_store_prepare_change (self);
  values = kind == BL_ENTITY_ACTOR ? self->actor
         : kind == BL_ENTITY_SOURCE ? self->source
         : self->topic;

  for (guint i = 0; i < self->n_claims; i++)
    {
      if (values[i] == BL_NO_INDEX)
        continue;
      if (inserted && values[i] >= index)
        values[i]++;
      else if (!inserted && values[i] > index)
        values[i]--;
      else
        g_warn_if_fail (inserted || values[i] != index);
    }

  if (self->n_claims > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_claims, self->n_claims);
}

