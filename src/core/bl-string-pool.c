/* bl-string-pool.c — interned strings in one arena
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A claim store holds the same few strings over and over: tags, area
 * codes, units, place names. A BlStringPool keeps one copy of each, packed
 * into large blocks (no malloc header and rounding per string), and hands
 * out the same pointer for equal strings, so a claim needs only a pointer
 * per field. NULL-terminated vectors of strings (a claim's tags, its
 * areas) are interned whole, so that claims with the same tags share one
 * vector, and so are triples of interned values (a claim's place, areas
 * and tags), so that a claim needs one number for the three: a triple is
 * known by a 32-bit id (1, 2, 3… in the order first interned), which a
 * claim keeps in a byte or two of its block instead of an 8-byte pointer.
 *
 * Nothing is ever freed before the pool: it is for strings that repeat,
 * whose number of distinct values stays small, not for text that is new
 * on every claim (statements, quotes, notes). Pointers stay valid, and
 * never move, until bl_string_pool_free().
 *
 * Not thread-safe: one pool belongs to one store, changed from one thread
 * at a time. Reading what was interned before (a string, a vector, the
 * triple of an id) from another thread is safe while the owner interns
 * more: nothing interned moves, and the table from ids to triples grows in
 * pages that never move either.
 */
#include "config.h"

#include <string.h>

#include "bl-string-pool.h"

/* Blocks start small (a store with a handful of tags stays small) and
 * double up to this size; a longer string gets a block of its own. */
#define FIRST_BLOCK_SIZE 1024
#define MAX_BLOCK_SIZE   (64 * 1024)

/* Triple ids: the page of an id, and its place in the page. */
#define TRIPLE_PAGE_BITS 12
#define TRIPLE_PAGE_SIZE (1u << TRIPLE_PAGE_BITS)

typedef struct {
  gconstpointer values[3];
  guint32       id;
} Triple;

/* An open-addressing set of pointers into the arena, linear probing,
 * at most three quarters full. */
typedef struct {
  gconstpointer *slots;
  guint          mask;   /* capacity − 1; the capacity is a power of two */
  guint          count;
} Set;

struct _BlStringPool
{
  GPtrArray *blocks;      /* owned, g_free */
  char      *free_start;  /* into the last block */
  gsize      free_left;
  gsize      block_size;
  gsize      size;        /* bytes in blocks and sets */

  Set        strings;     /* const char * */
  Set        vectors;     /* const char * const *, elements interned */
  Set        triples;     /* Triple, elements interned or NULL */
  guint32    n_triples;

  /* id → triple: pages of TRIPLE_PAGE_SIZE that never move, listed in a
   * directory that is replaced by a larger copy as it fills; the old ones
   * are kept until the pool goes, for readers on other threads */
  Triple  ***triple_dir;
  guint      triple_dir_size;
  GSList    *old_dirs;
};

/* Hashing {{{ */

/* FNV-1a, 32 bits */
static guint32
hash_bytes (const char *text,
            gsize       length)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < length; i++)
    {
      h ^= (guint8) text[i];
      h *= 16777619u;
    }
  return h;
}

/* The elements of an interned vector are interned: equal vectors hold
 * the same pointers, so the pointers are the key. */
static guint32
hash_vector (const char * const *strv,
             gsize               n)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < n; i++)
    {
      guint64 p = (guint64) (guintptr) strv[i];

      h ^= (guint32) (p ^ (p >> 29));
      h *= 16777619u;
      h ^= h >> 15;
    }
  return h;
}

static gsize
strv_length (const char * const *strv)
{
  gsize n = 0;

  while (strv[n] != NULL)
    n++;
  return n;
}

/* }}} */

/* Arena {{{ */

static gpointer
arena_alloc (BlStringPool *self,
             gsize         size,
             gsize         align)
{
  gsize pad = (align - ((guintptr) self->free_start & (align - 1))) & (align - 1);
  char *block;

  if (self->free_start != NULL && pad + size <= self->free_left)
    {
      char *p = self->free_start + pad;

      self->free_start = p + size;
      self->free_left -= pad + size;
      return p;
    }

  if (size > self->block_size / 2)
    {
      /* a long string: a block of its own, the current one stays open */
      block = g_malloc (size);
      g_ptr_array_add (self->blocks, block);
      self->size += size;
      return block;
    }

  if (self->blocks->len > 0 && self->block_size < MAX_BLOCK_SIZE)
    self->block_size *= 2;
  block = g_malloc (self->block_size);
  g_ptr_array_add (self->blocks, block);
  self->size += self->block_size;
  self->free_start = block + size;
  self->free_left = self->block_size - size;
  return block;
}

/* }}} */

/* Sets {{{ */

static void
set_clear (Set *set)
{
  g_clear_pointer (&set->slots, g_free);
  set->mask = 0;
  set->count = 0;
}

/* Makes room for one more entry (the caller probes again after). */
static void
set_reserve_one (BlStringPool  *self,
                 Set           *set,
                 guint32      (*rehash) (gconstpointer))
{
  guint old_capacity = set->slots != NULL ? set->mask + 1 : 0;
  guint capacity;
  gconstpointer *slots;

  if ((set->count + 1) * 4 <= old_capacity * 3)
    return;

  capacity = old_capacity > 0 ? old_capacity * 2 : 16;
  slots = g_new0 (gconstpointer, capacity);
  for (guint i = 0; i < old_capacity; i++)
    if (set->slots[i] != NULL)
      {
        guint j = rehash (set->slots[i]) & (capacity - 1);

        while (slots[j] != NULL)
          j = (j + 1) & (capacity - 1);
        slots[j] = set->slots[i];
      }

  g_free (set->slots);
  set->slots = slots;
  set->mask = capacity - 1;
  self->size += sizeof (gconstpointer) * (capacity - old_capacity);
}

static guint32
rehash_string (gconstpointer p)
{
  return hash_bytes (p, strlen (p));
}

static guint32
rehash_vector (gconstpointer p)
{
  return hash_vector (p, strv_length (p));
}

static guint32
rehash_triple (gconstpointer p)
{
  return hash_vector ((const char * const *) ((const Triple *) p)->values, 3);
}

/* }}} */

/**
 * bl_string_pool_new:
 *
 * Returns: (transfer full): an empty pool
 */
BlStringPool *
bl_string_pool_new (void)
{
  BlStringPool *self = g_new0 (BlStringPool, 1);

  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->block_size = FIRST_BLOCK_SIZE;
  return self;
}

/**
 * bl_string_pool_free:
 * @self: (nullable): a pool
 *
 * Frees the pool and every string it handed out.
 */
void
bl_string_pool_free (BlStringPool *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->blocks);
  set_clear (&self->strings);
  set_clear (&self->vectors);
  set_clear (&self->triples);
  for (guint p = 0; p < self->triple_dir_size; p++)
    g_free (self->triple_dir[p]);
  g_free (self->triple_dir);
  g_slist_free_full (self->old_dirs, g_free);
  g_free (self);
}

/**
 * bl_string_pool_intern_len:
 * @text: (array length=length): bytes, not necessarily NUL-terminated
 * @length: how many
 *
 * Returns: (nullable): the pool's NUL-terminated copy of @text, the same
 *   pointer for equal texts; %NULL if @text holds a NUL byte (a C string
 *   could not give it back whole)
 */
const char *
bl_string_pool_intern_len (BlStringPool *self,
                           const char   *text,
                           gsize         length)
{
  guint32 h;
  guint i;
  char *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length == 0)
    text = "";
  else if (memchr (text, '\0', length) != NULL)
    return NULL;

  h = hash_bytes (text, length);
  if (self->strings.slots != NULL)
    for (i = h & self->strings.mask; self->strings.slots[i] != NULL; i = (i + 1) & self->strings.mask)
      {
        const char *s = self->strings.slots[i];

        if (strncmp (s, text, length) == 0 && s[length] == '\0')
          return s;
      }

  set_reserve_one (self, &self->strings, rehash_string);

  copy = arena_alloc (self, length + 1, 1);
  if (length > 0)
    memcpy (copy, text, length);
  copy[length] = '\0';

  for (i = h & self->strings.mask; self->strings.slots[i] != NULL; i = (i + 1) & self->strings.mask)
    ;
  self->strings.slots[i] = copy;
  self->strings.count++;

  return copy;
}

/**
 * bl_string_pool_intern:
 * @text: (nullable): a string
 *
 * Returns: (nullable): the pool's copy of @text, the same pointer for
 *   equal strings; %NULL for %NULL
 */
const char *
bl_string_pool_intern (BlStringPool *self,
                       const char   *text)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (text == NULL)
    return NULL;
  return bl_string_pool_intern_len (self, text, strlen (text));
}

/**
 * bl_string_pool_intern_strv:
 * @strv: (nullable): a %NULL-terminated vector
 *
 * Interns every string of @strv and the vector itself: equal vectors
 * (same strings, same order) give the same pointer.
 *
 * Returns: (nullable): the pool's vector, or %NULL if @strv is %NULL or
 *   empty
 */
const char * const *
bl_string_pool_intern_strv (BlStringPool       *self,
                            const char * const *strv)
{
  const char *on_stack[16];
  g_autofree const char **on_heap = NULL;
  const char **elements;
  const char **copy;
  gsize n;
  guint32 h;
  guint i;

  g_return_val_if_fail (self != NULL, NULL);

  if (strv == NULL || strv[0] == NULL)
    return NULL;

  /* a file may give a claim any number of tags */
  n = strv_length (strv);
  elements = n <= G_N_ELEMENTS (on_stack) ? on_stack : (on_heap = g_new (const char *, n));
  for (gsize k = 0; k < n; k++)
    elements[k] = bl_string_pool_intern (self, strv[k]);

  h = hash_vector (elements, n);
  if (self->vectors.slots != NULL)
    for (i = h & self->vectors.mask; self->vectors.slots[i] != NULL; i = (i + 1) & self->vectors.mask)
      {
        const char * const *v = self->vectors.slots[i];

        if (memcmp (v, elements, sizeof (char *) * n) == 0 && v[n] == NULL)
          return v;
      }

  set_reserve_one (self, &self->vectors, rehash_vector);

  copy = arena_alloc (self, sizeof (char *) * (n + 1), G_ALIGNOF (char *));
  memcpy (copy, elements, sizeof (char *) * n);
  copy[n] = NULL;

  for (i = h & self->vectors.mask; self->vectors.slots[i] != NULL; i = (i + 1) & self->vectors.mask)
    ;
  self->vectors.slots[i] = copy;
  self->vectors.count++;

  return (const char * const *) copy;
}

/**
 * bl_string_pool_intern_triple:
 * @values: three values this pool handed out (strings or vectors), any of
 *   them %NULL
 *
 * Interns the three as one, so that the many claims that share them (a
 * place, areas and tags) can share one id.
 *
 * Returns: the triple's id, the same for equal triples; 0 if all three are
 *   %NULL
 */
guint32
bl_string_pool_intern_triple (BlStringPool        *self,
                              const gconstpointer  values[3])
{
  Triple *copy;
  guint32 h;
  guint i, page;

  g_return_val_if_fail (self != NULL, 0);

  if (values[0] == NULL && values[1] == NULL && values[2] == NULL)
    return 0;

  h = hash_vector ((const char * const *) values, 3);
  if (self->triples.slots != NULL)
    for (i = h & self->triples.mask; self->triples.slots[i] != NULL; i = (i + 1) & self->triples.mask)
      {
        const Triple *t = self->triples.slots[i];

        if (t->values[0] == values[0] && t->values[1] == values[1] && t->values[2] == values[2])
          return t->id;
      }

  /* ids run from 1 to 2^32 − 1: one per distinct triple, each of which
   * some claim holds, so never more than claims */
  g_return_val_if_fail (self->n_triples < G_MAXUINT32, 0);

  set_reserve_one (self, &self->triples, rehash_triple);

  copy = arena_alloc (self, sizeof (Triple), G_ALIGNOF (Triple));
  memcpy (copy->values, values, sizeof copy->values);
  copy->id = ++self->n_triples;

  page = copy->id >> TRIPLE_PAGE_BITS;
  if (page >= self->triple_dir_size)
    {
      guint size = MAX (16, self->triple_dir_size * 2);
      Triple ***dir = g_new0 (Triple **, size);

      if (self->triple_dir != NULL)
        {
          memcpy (dir, self->triple_dir, sizeof (Triple **) * self->triple_dir_size);
          self->old_dirs = g_slist_prepend (self->old_dirs, self->triple_dir);
        }
      self->size += sizeof (Triple **) * size;
      self->triple_dir_size = size;
      g_atomic_pointer_set (&self->triple_dir, dir);
    }
  if (self->triple_dir[page] == NULL)
    {
      self->triple_dir[page] = g_new (Triple *, TRIPLE_PAGE_SIZE);
      self->size += sizeof (Triple *) * TRIPLE_PAGE_SIZE;
    }
  self->triple_dir[page][copy->id & (TRIPLE_PAGE_SIZE - 1)] = copy;

  for (i = h & self->triples.mask; self->triples.slots[i] != NULL; i = (i + 1) & self->triples.mask)
    ;
  self->triples.slots[i] = copy;
  self->triples.count++;

  return copy->id;
}

/**
 * bl_string_pool_get_triple:
 * @id: an id from bl_string_pool_intern_triple() on @self, or 0
 *
 * Safe from another thread while the pool's owner interns more.
 *
 * Returns: (array fixed-size=3) (nullable): the triple's three values;
 *   %NULL for 0
 */
const gconstpointer *
bl_string_pool_get_triple (BlStringPool *self,
                           guint32       id)
{
  Triple ***dir;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (id <= self->n_triples, NULL);

  if (id == 0)
    return NULL;
  dir = g_atomic_pointer_get (&self->triple_dir);
  return dir[id >> TRIPLE_PAGE_BITS][id & (TRIPLE_PAGE_SIZE - 1)]->values;
}

/**
 * bl_string_pool_contains:
 * @text: a string
 *
 * Returns: whether a string equal to @text has been interned
 */
gboolean
bl_string_pool_contains (BlStringPool *self,
                         const char   *text)
{
  guint32 h;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->strings.slots == NULL)
    return FALSE;

  h = hash_bytes (text, strlen (text));
  for (guint i = h & self->strings.mask; self->strings.slots[i] != NULL; i = (i + 1) & self->strings.mask)
    if (strcmp (self->strings.slots[i], text) == 0)
      return TRUE;
  return FALSE;
}

/**
 * bl_string_pool_get_n_strings:
 *
 * Returns: how many distinct strings the pool holds (vectors not counted)
 */
guint
bl_string_pool_get_n_strings (BlStringPool *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->strings.count;
}

/**
 * bl_string_pool_get_size:
 *
 * Returns: the bytes the pool has allocated, blocks and look-up tables
 */
gsize
bl_string_pool_get_size (BlStringPool *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->size;
}
