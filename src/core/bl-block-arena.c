/* bl-block-arena.c — many small blocks in few big chunks
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The claim store keeps one block of texts per claim: a million blocks of
 * some 60 to 200 bytes. From malloc each costs its size rounded up to 16
 * plus an 8-byte header, about 15 bytes a claim, 15 MB at a million. The
 * arena cuts them from chunks of CHUNK bytes instead, with nothing between
 * them: 8-byte aligned, or packed byte to byte for blocks read with
 * memcpy() (a claim with no polygon or relations), which saves 3.5 bytes
 * a block on average.
 *
 * Blocks are freed one by one (an edit replaces a claim's block, a removal
 * drops it), so each chunk counts its live blocks and goes back to the
 * system when the count reaches zero; the chunk being cut from rewinds
 * instead. Nothing is moved: a chunk with one live block keeps all its
 * bytes, which is the price of never copying (a store where most claims
 * were removed one by one holds more than it needs until it goes).
 * Finding a block's chunk is a binary search over the chunks, kept sorted
 * by address.
 *
 * A block bigger than a quarter of a chunk gets a chunk of its own.
 *
 * Not thread-safe: the store allocates and frees on one thread at a time
 * (see bl-claim-store.c). Under AddressSanitizer the bytes no block owns
 * are poisoned, and so is a released block, so overruns between blocks and
 * reads after release are caught as they would be with malloc.
 */
#include "config.h"

#include <string.h>

#include "bl-block-arena.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define POISON(p, n)   ASAN_POISON_MEMORY_REGION ((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION ((p), (n))
#define REDZONE 8
#else
#define POISON(p, n)   ((void) (p), (void) (n))
#define UNPOISON(p, n) ((void) (p), (void) (n))
#define REDZONE 0
#endif

#define CHUNK   (64 * 1024)
#define ALIGN   8
#define ROUND(n) (((n) + ALIGN - 1) & ~(gsize) (ALIGN - 1))

typedef struct {
  char  *base;
  gsize  size;
  gsize  used;
  guint  n_live;
} Chunk;

struct _BlBlockArena
{
  Chunk  **chunks;    /* sorted by base */
  guint    n_chunks;
  guint    capacity;
  Chunk   *current;   /* the chunk blocks are cut from; NULL before the first */
  gsize    size;      /* bytes in all chunks */
};

BlBlockArena *
bl_block_arena_new (void)
{
  return g_new0 (BlBlockArena, 1);
}

static void
chunk_free (Chunk *chunk)
{
  UNPOISON (chunk->base, chunk->size);
  g_free (chunk->base);
  g_free (chunk);
}

void
bl_block_arena_free (BlBlockArena *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_chunks; i++)
    chunk_free (self->chunks[i]);
  g_free (self->chunks);
  g_free (self);
}

/* The position of the first chunk whose base is above @p. */
static guint
upper_bound (BlBlockArena *self,
             const char   *p)
{
  guint lo = 0, hi = self->n_chunks;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((guintptr) self->chunks[mid]->base <= (guintptr) p)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static Chunk *
chunk_new (BlBlockArena *self,
           gsize         size)
{
  Chunk *chunk = g_new0 (Chunk, 1);
  guint at;

  chunk->base = g_malloc (size);
  chunk->size = size;
  POISON (chunk->base, size);

  if (self->n_chunks == self->capacity)
    {
      self->capacity = MAX (16, self->capacity * 2);
      self->chunks = g_renew (Chunk *, self->chunks, self->capacity);
    }
  at = upper_bound (self, chunk->base);
  memmove (self->chunks + at + 1, self->chunks + at, (self->n_chunks - at) * sizeof (Chunk *));
  self->chunks[at] = chunk;
  self->n_chunks++;
  self->size += size;

  return chunk;
}

static void
chunk_remove (BlBlockArena *self,
              guint         at)
{
  Chunk *chunk = self->chunks[at];

  self->size -= chunk->size;
  memmove (self->chunks + at, self->chunks + at + 1, (self->n_chunks - at - 1) * sizeof (Chunk *));
  self->n_chunks--;
  chunk_free (chunk);
}

/* Stops cutting from the current chunk, and frees it if it is empty. */
static void
retire_current (BlBlockArena *self)
{
  Chunk *chunk = self->current;

  self->current = NULL;
  if (chunk != NULL && chunk->n_live == 0)
    chunk_remove (self, upper_bound (self, chunk->base) - 1);
}

static gpointer
cut (BlBlockArena *self,
     gsize         size,
     gboolean      aligned)
{
  gsize need = MAX (size, 1) + REDZONE;
  Chunk *chunk = self->current;
  gsize start;
  char *block;

#if defined(__SANITIZE_ADDRESS__)
  aligned = TRUE;   /* poisoning works in aligned 8-byte granules */
#endif
  if (aligned)
    need = ROUND (need);

  if (need > CHUNK / 4)
    {
      /* a chunk of its own, so the current one is not wasted */
      chunk = chunk_new (self, need);
      start = 0;
    }
  else
    {
      start = chunk == NULL ? 0 : aligned ? ROUND (chunk->used) : chunk->used;
      if (chunk == NULL || chunk->size < start + need)
        {
          retire_current (self);
          chunk = self->current = chunk_new (self, CHUNK);
          start = 0;
        }
    }

  block = chunk->base + start;
  chunk->used = start + need;
  chunk->n_live++;
  UNPOISON (block, MAX (size, 1));

  return block;
}

/**
 * bl_block_arena_alloc:
 * @size: bytes wanted
 *
 * Returns: (transfer none): @size bytes, uninitialised and 8-byte aligned,
 *   valid until bl_block_arena_release() or bl_block_arena_free()
 */
gpointer
bl_block_arena_alloc (BlBlockArena *self,
                      gsize         size)
{
  return cut (self, size, TRUE);
}

/**
 * bl_block_arena_alloc_packed:
 * @size: bytes wanted
 *
 * Like bl_block_arena_alloc(), for bytes that are read one by one or with
 * memcpy(): the block starts right after the one before, at any address
 * (but under AddressSanitizer, which watches 8-byte granules).
 *
 * Returns: (transfer none): @size bytes, uninitialised
 */
gpointer
bl_block_arena_alloc_packed (BlBlockArena *self,
                             gsize         size)
{
  return cut (self, size, FALSE);
}

/**
 * bl_block_arena_release:
 * @block: a block from bl_block_arena_alloc() on @self
 *
 * Gives @block back; its chunk goes when it holds no live block.
 */
void
bl_block_arena_release (BlBlockArena *self,
                        gpointer      block)
{
  guint at;
  Chunk *chunk;

  if (block == NULL)
    return;

  at = upper_bound (self, block);
  g_return_if_fail (at > 0);
  chunk = self->chunks[at - 1];
  g_return_if_fail ((char *) block < chunk->base + chunk->used && chunk->n_live > 0);

#if defined(__SANITIZE_ADDRESS__)
  {
    /* the block ends at its first poisoned byte: its redzone */
    char *end = __asan_region_is_poisoned (block, (gsize) (chunk->base + chunk->used - (char *) block));

    g_assert (end != NULL && end > (char *) block);
    POISON (block, (gsize) (end - (char *) block));
  }
#endif

  if (--chunk->n_live > 0)
    return;

  if (chunk == self->current)
    {
      /* empty: cut from its start again */
      POISON (chunk->base, chunk->used);
      chunk->used = 0;
    }
  else
    chunk_remove (self, at - 1);
}

/**
 * bl_block_arena_get_n_chunks:
 *
 * Returns: how many chunks @self holds
 */
guint
bl_block_arena_get_n_chunks (BlBlockArena *self)
{
  return self->n_chunks;
}

/**
 * bl_block_arena_get_size:
 *
 * Returns: the bytes @self holds, in all its chunks
 */
gsize
bl_block_arena_get_size (BlBlockArena *self)
{
  return self->size;
}
