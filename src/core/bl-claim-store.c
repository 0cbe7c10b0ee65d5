/* bl-claim-store.c — every claim of a project, in arrays
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A project may hold a million claims, so the store keeps no object per
 * claim. The fields that views scan on every frame (position, the two
 * dates, topic, claimant, source, stance, grade, precision) live in plain
 * arrays indexed by claim number; the rest lives in a parallel array of
 * small structs, packed for a million claims (about 40 bytes and two
 * allocations a claim beside the texts themselves):
 *
 * - the id, statement, quote and notes, which are new on every claim, in
 *   one block per claim;
 * - the place, tags, areas and unit, which repeat, interned in the store's
 *   BlStringPool (one copy of each value, and of each tag vector; kept
 *   until the store goes, edits included);
 * - the polygon, relations and figure, which few claims have, in one more
 *   block when there are any.
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
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-claim.h"
#include "bl-claim-store.h"
#include "bl-claim-store-private.h"
#include "bl-id-index.h"
#include "bl-string-pool.h"

/* The parts that few claims have, in one block: this struct, then the
 * polygon, the relations, then the strings they point to. */
typedef struct {
  BlQuantity  quantity;      /* unit interned, text in the block */
  gboolean    has_quantity;
  guint       n_polygon;
  guint       n_relations;
  double     *polygon;       /* in the block */
  BlRelation *relations;     /* in the block, ids too */
} Extra;

/* Which optional texts follow the id in a claim's text block. */
enum {
  HAS_STATEMENT = 1 << 0,
  HAS_QUOTE     = 1 << 1,
  HAS_NOTES     = 1 << 2,
};

/* One claim's cold fields: 40 bytes, and one allocation for its texts. */
typedef struct {
  char               *text;   /* a flags byte, the id, then the statement,
                               * quote and notes present: one block */
  const char         *place;  /* interned */
  const char * const *areas;  /* interned */
  const char * const *tags;   /* interned */
  Extra              *extra;  /* nullable */
} Details;

struct _BlClaimStore
{
  GObject       parent_instance;

  guint         n_claims;
  guint         capacity;

  /* hot fields, one entry per claim */
  double       *lat;
  double       *lon;
  BlDate       *dates[BL_N_CLOCKS];
  guint32      *topic;
  guint32      *actor;
  guint32      *source;
  guint8       *stance;
  guint8       *credibility;
  guint8       *precision;

  /* cold fields */
  Details      *details;

  /* places, tags, areas, units: one copy each */
  BlStringPool *pool;

  /* id → claim number (the ids are the details'); a snapshot fills its
   * own on its first lookup */
  BlIdIndex     by_id;
  gboolean      by_id_filled;

  /* snapshots (see the top of this file) */
  BlClaimStore *origin;       /* a snapshot: the store whose arrays it reads */
  gint          readers;      /* live snapshots of this store (atomic) */
  gboolean      shared;       /* the current arrays are read by a snapshot */
  GPtrArray    *retired;      /* arrays replaced while snapshots read them */
  GArray       *retired_details;  /* Details dropped while snapshots read them */
};

static void bl_claim_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BlClaimStore, bl_claim_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bl_claim_store_list_model_init))

/* Details {{{ */

static inline const char *
details_id (const Details *d)
{
  return d->text + 1;
}

static const char *
id_of (guint32  index,
       gpointer user_data)
{
  BlClaimStore *self = user_data;

  return details_id (&self->details[index]);
}

static void
details_clear (Details *d)
{
  g_free (d->text);
  g_free (d->extra);
  memset (d, 0, sizeof *d);
}

/* Appends @text and its NUL at @p; returns the byte after. */
static char *
put_string (char       *p,
            const char *text,
            gsize       length)
{
  memcpy (p, text, length);
  p[length] = '\0';
  return p + length + 1;
}

static char *
text_block_new (const BlClaimRecord *r)
{
  gsize id_len = strlen (r->id);
  gsize statement_len = r->statement != NULL ? strlen (r->statement) : 0;
  gsize quote_len = r->quote != NULL ? strlen (r->quote) : 0;
  gsize notes_len = r->notes != NULL ? strlen (r->notes) : 0;
  guint8 flags = 0;
  char *block, *p;

  if (r->statement != NULL)
    flags |= HAS_STATEMENT;
  if (r->quote != NULL)
    flags |= HAS_QUOTE;
  if (r->notes != NULL)
    flags |= HAS_NOTES;

  block = g_malloc (1 + id_len + 1 +
                    (r->statement != NULL ? statement_len + 1 : 0) +
                    (r->quote != NULL ? quote_len + 1 : 0) +
                    (r->notes != NULL ? notes_len + 1 : 0));
  block[0] = (char) flags;
  p = put_string (block + 1, r->id, id_len);
  if (r->statement != NULL)
    p = put_string (p, r->statement, statement_len);
  if (r->quote != NULL)
    p = put_string (p, r->quote, quote_len);
  if (r->notes != NULL)
    put_string (p, r->notes, notes_len);

  return block;
}

#define ROUND8(n) (((n) + 7) & ~(gsize) 7)

static Extra *
extra_new (BlStringPool        *pool,
           const BlClaimRecord *r)
{
  gboolean has_polygon = r->polygon != NULL && r->n_polygon > 0;
  gboolean has_relations = r->relations != NULL && r->n_relations > 0;
  gsize size, polygon_at, relations_at, strings_at;
  gsize text_len = 0;
  Extra *e;
  char *block, *p;

  if (!has_polygon && !has_relations && r->quantity == NULL)
    return NULL;

  polygon_at = ROUND8 (sizeof (Extra));
  relations_at = polygon_at + (has_polygon ? sizeof (double) * 2 * r->n_polygon : 0);
  strings_at = relations_at + (has_relations ? sizeof (BlRelation) * r->n_relations : 0);
  size = strings_at;
  if (r->quantity != NULL && r->quantity->text != NULL)
    size += (text_len = strlen (r->quantity->text)) + 1;
  if (has_relations)
    for (guint i = 0; i < r->n_relations; i++)
      size += (r->relations[i].claim_id != NULL ? strlen (r->relations[i].claim_id) : 0) + 1;

  block = g_malloc0 (size);
  e = (Extra *) block;
  p = block + strings_at;

  if (r->quantity != NULL)
    {
      e->quantity = *r->quantity;
      e->quantity.unit = (char *) bl_string_pool_intern (pool, r->quantity->unit);
      e->quantity.text = NULL;
      if (r->quantity->text != NULL)
        {
          e->quantity.text = p;
          p = put_string (p, r->quantity->text, text_len);
        }
      e->has_quantity = TRUE;
    }

  if (has_polygon)
    {
      e->polygon = (double *) (block + polygon_at);
      e->n_polygon = r->n_polygon;
      memcpy (e->polygon, r->polygon, sizeof (double) * 2 * r->n_polygon);
    }

  if (has_relations)
    {
      e->relations = (BlRelation *) (block + relations_at);
      e->n_relations = r->n_relations;
      for (guint i = 0; i < r->n_relations; i++)
        {
          e->relations[i].kind = r->relations[i].kind;
          if (r->relations[i].claim_id != NULL)
            {
              e->relations[i].claim_id = p;
              p = put_string (p, r->relations[i].claim_id, strlen (r->relations[i].claim_id));
            }
          else
            {
              e->relations[i].claim_id = NULL;
              p++;
            }
        }
    }

  g_assert (p <= block + size);
  return e;
}

static void
details_set (BlClaimStore        *self,
             Details             *d,
             const BlClaimRecord *r)
{
  d->text = text_block_new (r);
  d->place = bl_string_pool_intern (self->pool, r->place);
  d->areas = bl_string_pool_intern_strv (self->pool, r->areas);
  d->tags = bl_string_pool_intern_strv (self->pool, r->tags);
  d->extra = extra_new (self->pool, r);
}

/* }}} */

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

/* Snapshots {{{ */

/* Frees what snapshots no longer read (main thread only). */
static void
release_retired (BlClaimStore *self)
{
  if (g_atomic_int_get (&self->readers) > 0)
    return;

  self->shared = FALSE;
  if (self->retired != NULL)
    g_ptr_array_set_size (self->retired, 0);
  if (self->retired_details != NULL)
    {
      for (guint i = 0; i < self->retired_details->len; i++)
        details_clear (&g_array_index (self->retired_details, Details, i));
      g_array_set_size (self->retired_details, 0);
    }
}

#define UNSHARE(field)                                                    \
  G_STMT_START {                                                          \
    gpointer copy_ = g_malloc (sizeof (self->field[0]) * capacity);       \
    memcpy (copy_, self->field, sizeof (self->field[0]) * self->n_claims); \
    g_ptr_array_add (self->retired, self->field);                         \
    self->field = copy_;                                                  \
  } G_STMT_END

/* Gives the store its own copies of the arrays, of @capacity claims, and
 * leaves the old ones to the snapshots. */
static void
unshare (BlClaimStore *self,
         guint         capacity)
{
  g_assert (capacity >= self->n_claims && capacity > 0);

  if (self->retired == NULL)
    self->retired = g_ptr_array_new_with_free_func (g_free);

  UNSHARE (lat);
  UNSHARE (lon);
  for (guint c = 0; c < BL_N_CLOCKS; c++)
    UNSHARE (dates[c]);
  UNSHARE (topic);
  UNSHARE (actor);
  UNSHARE (source);
  UNSHARE (stance);
  UNSHARE (credibility);
  UNSHARE (precision);
  UNSHARE (details);

  self->capacity = capacity;
  self->shared = FALSE;
}

#undef UNSHARE

/* Before a change that writes inside the arrays: makes sure no snapshot
 * reads them. */
static void
prepare_change (BlClaimStore *self)
{
  g_assert (self->origin == NULL);

  release_retired (self);
  if (self->shared && self->capacity > 0)
    unshare (self, self->capacity);
}

/* Drops a claim's details: freed now, or kept until the snapshots that
 * may read them are gone. */
static void
drop_details (BlClaimStore *self,
              Details      *d)
{
  if (g_atomic_int_get (&self->readers) == 0)
    {
      details_clear (d);
      return;
    }

  if (self->retired_details == NULL)
    self->retired_details = g_array_new (FALSE, FALSE, sizeof (Details));
  g_array_append_val (self->retired_details, *d);
  memset (d, 0, sizeof *d);
}

/* }}} */

/* Grows or shrinks every array to @capacity (at least n_claims). */
static void
resize_to (BlClaimStore *self,
           guint         capacity)
{
  g_assert (capacity >= self->n_claims);

  release_retired (self);
  if (self->shared && self->capacity > 0)
    {
      /* realloc could free what a snapshot reads */
      unshare (self, capacity);
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
  self->details = g_renew (Details, self->details, capacity);

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
  release_retired (self);
  g_clear_pointer (&self->retired, g_ptr_array_unref);
  g_clear_pointer (&self->retired_details, g_array_unref);

  for (guint i = 0; i < self->n_claims; i++)
    details_clear (&self->details[i]);
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
  release_retired (self);

  if (self->n_claims == self->capacity)
    grow_to (self, MAX (64, self->capacity + self->capacity / 2));

  i = self->n_claims++;
  set_hot_fields (self, i, record);
  details_set (self, &self->details[i], record);
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

  prepare_change (self);

  if (self->n_claims == self->capacity)
    grow_to (self, MAX (64, self->capacity + self->capacity / 2));

  shift_up (self, position);
  self->n_claims++;
  set_hot_fields (self, position, record);
  details_set (self, &self->details[position], record);
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
  Details fresh = { 0 };

  g_return_if_fail (BL_IS_CLAIM_STORE (self));
  g_return_if_fail (index < self->n_claims);
  g_return_if_fail (record != NULL);
  g_return_if_fail (g_strcmp0 (record->id, details_id (&self->details[index])) == 0);
  g_return_if_fail (self->origin == NULL);

  /* Copy first: @record may point into the details being replaced. The id
   * stays, so the index's entry does too. */
  details_set (self, &fresh, record);
  prepare_change (self);
  set_hot_fields (self, index, record);

  drop_details (self, &self->details[index]);
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

  prepare_change (self);
  bl_id_index_remove (&self->by_id, details_id (&self->details[index]));
  drop_details (self, &self->details[index]);
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

/**
 * bl_claim_store_get_record:
 * @index: a claim number
 * @record: (out caller-allocates): filled with pointers into the store
 */
void
bl_claim_store_get_record (BlClaimStore  *self,
                           guint          index,
                           BlClaimRecord *record)
{
  const Details *d;
  const Extra *e;
  const char *p;
  guint8 flags;

  g_return_if_fail (BL_IS_CLAIM_STORE (self));
  g_return_if_fail (index < self->n_claims);
  g_return_if_fail (record != NULL);

  d = &self->details[index];
  e = d->extra;
  flags = (guint8) d->text[0];
  p = record->id = details_id (d);
  p += strlen (p) + 1;
  record->statement = record->quote = record->notes = NULL;
  if (flags & HAS_STATEMENT)
    {
      record->statement = p;
      p += strlen (p) + 1;
    }
  if (flags & HAS_QUOTE)
    {
      record->quote = p;
      p += strlen (p) + 1;
    }
  if (flags & HAS_NOTES)
    record->notes = p;
  record->actor = self->actor[index];
  record->source = self->source[index];
  record->topic = self->topic[index];
  record->said_on = self->dates[BL_CLOCK_SAID][index];
  record->about = self->dates[BL_CLOCK_ABOUT][index];
  record->quantity = e != NULL && e->has_quantity ? &e->quantity : NULL;
  record->stance = self->stance[index];
  record->credibility = self->credibility[index];
  record->lat = self->lat[index];
  record->lon = self->lon[index];
  record->precision = self->precision[index];
  record->place = d->place;
  record->areas = d->areas;
  record->polygon = e != NULL ? e->polygon : NULL;
  record->n_polygon = e != NULL ? e->n_polygon : 0;
  record->tags = d->tags;
  record->relations = e != NULL ? e->relations : NULL;
  record->n_relations = e != NULL ? e->n_relations : 0;
}

const char *
bl_claim_store_get_id (BlClaimStore *self,
                       guint         index)
{
  g_return_val_if_fail (BL_IS_CLAIM_STORE (self), NULL);
  g_return_val_if_fail (index < self->n_claims, NULL);

  return details_id (&self->details[index]);
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

/**
 * bl_claim_store_snapshot:
 *
 * Takes a read-only copy of the store as it is now, in constant time (see
 * the top of this file for how). The snapshot can be read on another
 * thread while this thread goes on changing @self; it answers
 * bl_claim_store_get_n_claims(), bl_claim_store_get_record(),
 * bl_claim_store_get_id(), the array getters and
 * bl_claim_store_lookup() (which indexes the snapshot's ids on its first
 * call, in time linear in the claims), and it cannot be changed.
 *
 * Call it on the thread that changes @self.
 *
 * Returns: (transfer full): the snapshot; it keeps @self alive
 */
BlClaimStore *
bl_claim_store_snapshot (BlClaimStore *self)
{
  BlClaimStore *snapshot;

  g_return_val_if_fail (BL_IS_CLAIM_STORE (self), NULL);
  g_return_val_if_fail (self->origin == NULL, NULL);

  snapshot = bl_claim_store_new ();
  snapshot->origin = g_object_ref (self);
  snapshot->n_claims = self->n_claims;
  snapshot->capacity = self->n_claims;
  snapshot->lat = self->lat;
  snapshot->lon = self->lon;
  for (guint c = 0; c < BL_N_CLOCKS; c++)
    snapshot->dates[c] = self->dates[c];
  snapshot->topic = self->topic;
  snapshot->actor = self->actor;
  snapshot->source = self->source;
  snapshot->stance = self->stance;
  snapshot->credibility = self->credibility;
  snapshot->precision = self->precision;
  snapshot->details = self->details;

  release_retired (self);
  g_atomic_int_inc (&self->readers);
  self->shared = TRUE;

  return snapshot;
}

/**
 * bl_claim_store_is_snapshot:
 *
 * Returns: %TRUE if @self came from bl_claim_store_snapshot()
 */
gboolean
bl_claim_store_is_snapshot (BlClaimStore *self)
{
  g_return_val_if_fail (BL_IS_CLAIM_STORE (self), FALSE);

  return self->origin != NULL;
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

  prepare_change (self);
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
  prepare_change (self);
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

/* An owned copy of a record: one block for the struct, its strings and
 * arrays, plus the quantity's own strings. */
typedef struct {
  BlClaimRecord record;
  BlQuantity    quantity;
  char        **strings;   /* everything else the record points to */
} OwnedRecord;

static const char *
keep (GPtrArray  *strings,
      const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strdup (text);
  g_ptr_array_add (strings, copy);
  return copy;
}

static const char * const *
keep_strv (GPtrArray          *strings,
           const char * const *strv)
{
  char **copy;

  if (strv == NULL)
    return NULL;
  copy = g_strdupv ((char **) strv);
  g_ptr_array_add (strings, copy);  /* freed with g_strfreev: marked below */
  return (const char * const *) copy;
}

/**
 * bl_claim_record_copy:
 * @record: a record, with borrowed pointers
 *
 * Returns: (transfer full): a record that owns everything it points to;
 *   free it with bl_claim_record_free()
 */
BlClaimRecord *
bl_claim_record_copy (const BlClaimRecord *record)
{
  OwnedRecord *owned;
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  g_autoptr(GPtrArray) strvs = g_ptr_array_new ();
  BlRelation *relations = NULL;

  g_return_val_if_fail (record != NULL, NULL);

  owned = g_new0 (OwnedRecord, 1);
  owned->record = *record;
  owned->record.id = keep (strings, record->id);
  owned->record.statement = keep (strings, record->statement);
  owned->record.quote = keep (strings, record->quote);
  owned->record.place = keep (strings, record->place);
  owned->record.notes = keep (strings, record->notes);
  owned->record.areas = keep_strv (strvs, record->areas);
  owned->record.tags = keep_strv (strvs, record->tags);

  if (record->polygon != NULL && record->n_polygon > 0)
    {
      double *polygon = g_memdup2 (record->polygon, sizeof (double) * 2 * record->n_polygon);

      g_ptr_array_add (strings, polygon);
      owned->record.polygon = polygon;
    }

  if (record->relations != NULL && record->n_relations > 0)
    {
      relations = g_new (BlRelation, record->n_relations);
      for (guint i = 0; i < record->n_relations; i++)
        {
          relations[i].kind = record->relations[i].kind;
          relations[i].claim_id = (char *) keep (strings, record->relations[i].claim_id);
        }
      g_ptr_array_add (strings, relations);
      owned->record.relations = relations;
    }

  if (record->quantity != NULL)
    {
      bl_quantity_copy (&owned->quantity, record->quantity);
      owned->record.quantity = &owned->quantity;
    }

  /* plain blocks first, then the string vectors, NULL between them */
  g_ptr_array_add (strings, NULL);
  for (guint i = 0; i < strvs->len; i++)
    g_ptr_array_add (strings, g_ptr_array_index (strvs, i));
  g_ptr_array_add (strings, NULL);
  owned->strings = (char **) g_ptr_array_free (g_steal_pointer (&strings), FALSE);

  return &owned->record;
}

/**
 * bl_claim_record_free:
 * @record: (nullable): a record from bl_claim_record_copy()
 */
void
bl_claim_record_free (BlClaimRecord *record)
{
  OwnedRecord *owned = (OwnedRecord *) record;
  guint i = 0;

  if (record == NULL)
    return;

  for (; owned->strings[i] != NULL; i++)
    g_free (owned->strings[i]);
  for (i++; owned->strings[i] != NULL; i++)
    g_strfreev ((char **) owned->strings[i]);
  g_free (owned->strings);

  if (record->quantity != NULL)
    bl_quantity_clear (&owned->quantity);
  g_free (owned);
}
