/* bl-id-index.c — ids to claim numbers, without a copy of the ids
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The claim store finds a claim by its id. A GHashTable of strings costs
 * a key pointer, a value pointer and a hash (20 bytes, up to twice that
 * when half full) per claim, and the id it points to; this index keeps
 * only the claim number, 4 bytes a slot, in an open-addressing table
 * with linear probing, at most 70 % full, and asks its owner for a
 * number's id (BlIdKeyFunc) whenever it has to compare or rehash. So the
 * owner must keep the ids and the numbers in step: remove an entry while
 * its id can still be read, and move the numbers with bl_id_index_shift()
 * when claims move.
 *
 * The table has as many slots as it needs, not a power of two: a hash is
 * mapped to its home slot by a multiply (hash × capacity / 2³²), which
 * at a million ids makes the table 5.7 MB instead of 8.4.
 *
 * Not for: anything but unique, non-%NULL ids; thread safety.
 */
#include "config.h"

#include <string.h>

#include "bl-id-index.h"

#define NOT_FOUND G_MAXUINT32

/* FNV-1a, 32 bits, then mixed so that ids that differ only in their last
 * digits spread over the low bits. */
static guint32
hash_id (const char *id)
{
  guint32 h = 2166136261u;

  for (const guint8 *p = (const guint8 *) id; *p != '\0'; p++)
    {
      h ^= *p;
      h *= 16777619u;
    }
  h ^= h >> 16;
  h *= 0x45d9f3bu;
  h ^= h >> 16;
  return h;
}

/* How full the table may be, in tenths. */
#define MAX_LOAD 7

static inline guint
home_slot (guint32 hash,
           guint   capacity)
{
  return (guint) (((guint64) hash * capacity) >> 32);
}

static inline guint
next_slot (guint i,
           guint capacity)
{
  return i + 1 < capacity ? i + 1 : 0;
}

static void
place (guint32    *slots,
       guint       capacity,
       guint32     hash,
       guint32     stored)
{
  guint i = home_slot (hash, capacity);

  while (slots[i] != 0)
    i = next_slot (i, capacity);
  slots[i] = stored;
}

static void
resize (BlIdIndex *self,
        guint      capacity)
{
  guint32 *slots = g_new0 (guint32, capacity);

  for (guint i = 0; i < self->capacity; i++)
    if (self->slots[i] != 0)
      place (slots, capacity, hash_id (self->key (self->slots[i] - 1, self->user_data)),
             self->slots[i]);

  g_free (self->slots);
  self->slots = slots;
  self->capacity = capacity;
}

/* The slot of @id, or NOT_FOUND. */
static guint
find (BlIdIndex  *self,
      const char *id)
{
  if (self->slots == NULL)
    return NOT_FOUND;

  for (guint i = home_slot (hash_id (id), self->capacity); self->slots[i] != 0;
       i = next_slot (i, self->capacity))
    if (strcmp (self->key (self->slots[i] - 1, self->user_data), id) == 0)
      return i;

  return NOT_FOUND;
}

/**
 * bl_id_index_init:
 * @key: gives the id of a stored number
 * @user_data: for @key
 */
void
bl_id_index_init (BlIdIndex   *self,
                  BlIdKeyFunc  key,
                  gpointer     user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  memset (self, 0, sizeof *self);
  self->key = key;
  self->user_data = user_data;
}

/**
 * bl_id_index_clear:
 *
 * Empties the index and frees its table.
 */
void
bl_id_index_clear (BlIdIndex *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->slots, g_free);
  self->capacity = 0;
  self->count = 0;
}

/**
 * bl_id_index_reserve:
 * @n: how many entries the index will hold
 *
 * Sizes the table once for @n entries.
 */
void
bl_id_index_reserve (BlIdIndex *self,
                     guint      n)
{
  guint capacity;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n <= G_MAXUINT / 4);

  /* at most MAX_LOAD tenths full, with one slot always empty */
  capacity = MAX (16, (guint) (((guint64) n * 10 + MAX_LOAD - 1) / MAX_LOAD) + 1);
  if (capacity > self->capacity)
    resize (self, capacity);
}

/**
 * bl_id_index_lookup:
 * @id: an id
 *
 * Returns: the number stored for @id, or %G_MAXUINT32
 */
guint32
bl_id_index_lookup (BlIdIndex  *self,
                    const char *id)
{
  guint slot;

  g_return_val_if_fail (self != NULL, NOT_FOUND);
  g_return_val_if_fail (id != NULL, NOT_FOUND);

  slot = find (self, id);
  return slot != NOT_FOUND ? self->slots[slot] - 1 : NOT_FOUND;
}

/**
 * bl_id_index_insert:
 * @value: a number whose id (from the key function) is not in the index
 */
void
bl_id_index_insert (BlIdIndex *self,
                    guint32    value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (value < G_MAXUINT32 - 1);

  if (self->slots == NULL || (guint64) (self->count + 1) * 10 > (guint64) self->capacity * MAX_LOAD)
    bl_id_index_reserve (self, MAX (self->count + 1, self->count * 2));

  place (self->slots, self->capacity, hash_id (self->key (value, self->user_data)), value + 1);
  self->count++;
}

/* Is @k cyclically in (@i, @j]? */
static gboolean
in_run (guint i,
        guint j,
        guint k)
{
  if (i < j)
    return i < k && k <= j;
  return i < k || k <= j;
}

/**
 * bl_id_index_remove:
 * @id: an id
 *
 * Removes @id's entry; the ids of the entries after it in the table must
 * still be readable.
 *
 * Returns: whether @id was there
 */
gboolean
bl_id_index_remove (BlIdIndex  *self,
                    const char *id)
{
  guint i, j;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  i = find (self, id);
  if (i == NOT_FOUND)
    return FALSE;

  /* backward shift: pull later entries of the run into the hole unless
   * their home slot lies between the hole and them */
  self->slots[i] = 0;
  for (j = next_slot (i, self->capacity); self->slots[j] != 0; j = next_slot (j, self->capacity))
    {
      guint home = home_slot (hash_id (self->key (self->slots[j] - 1, self->user_data)), self->capacity);

      if (in_run (i, j, home))
        continue;
      self->slots[i] = self->slots[j];
      self->slots[j] = 0;
      i = j;
    }

  self->count--;
  return TRUE;
}

/**
 * bl_id_index_shift:
 * @from: the first number that moves
 * @delta: by how much (−1 when a claim before them left, +1 when one
 *   came in)
 *
 * Renumbers the entries from @from on, as when the claims after a removed
 * or inserted one move; their ids do not change, so nothing is rehashed.
 */
void
bl_id_index_shift (BlIdIndex *self,
                   guint32    from,
                   gint       delta)
{
  g_return_if_fail (self != NULL);

  if (self->slots == NULL)
    return;

  for (guint i = 0; i < self->capacity; i++)
    if (self->slots[i] != 0 && self->slots[i] - 1 >= from)
      self->slots[i] = (guint32) ((gint64) self->slots[i] + delta);
}

/**
 * bl_id_index_get_count:
 *
 * Returns: how many entries the index holds
 */
guint
bl_id_index_get_count (BlIdIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->count;
}

/**
 * bl_id_index_get_size:
 *
 * Returns: the bytes of its table
 */
gsize
bl_id_index_get_size (BlIdIndex *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->slots != NULL ? sizeof (guint32) * self->capacity : 0;
}
