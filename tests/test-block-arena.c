/* test-block-arena.c — the blocks the claim store keeps its texts in
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bl-block-arena.h"

typedef struct {
  guint8   *block;
  gsize     size;
  guint8    fill;
  gboolean  aligned;
} Live;

/* Every live block still holds its own bytes, and is 8-byte aligned. */
static void
check_live (GArray *live)
{
  for (guint i = 0; i < live->len; i++)
    {
      Live *l = &g_array_index (live, Live, i);

      if (l->aligned)
        g_assert_cmpuint ((guintptr) l->block % 8, ==, 0);
      for (gsize b = 0; b < l->size; b++)
        if (l->block[b] != l->fill)
          g_error ("block %u (%" G_GSIZE_FORMAT " bytes) changed at byte %" G_GSIZE_FORMAT, i, l->size, b);
    }
}

static void
add_block (BlBlockArena *arena,
           GArray       *live,
           gsize         size,
           guint8        fill)
{
  /* every third block packed, the others aligned */
  gboolean aligned = fill % 3 != 0;
  Live l = { aligned ? bl_block_arena_alloc (arena, size) : bl_block_arena_alloc_packed (arena, size),
             size, fill, aligned };

  memset (l.block, fill, size);
  g_array_append_val (live, l);
}

/* Blocks of every size, written whole, never overlap. */
static void
test_no_overlap (void)
{
  g_autoptr(BlBlockArena) arena = bl_block_arena_new ();
  g_autoptr(GArray) live = g_array_new (FALSE, FALSE, sizeof (Live));
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  gsize total = 0;

  for (guint i = 0; i < 20000; i++)
    {
      gsize size = g_rand_int_range (rand, 0, 8) == 0 ? (gsize) g_rand_int_range (rand, 1, 4000)
                                                      : (gsize) g_rand_int_range (rand, 1, 200);

      add_block (arena, live, size, (guint8) (i % 251 + 1));
      total += size;
    }
  /* bigger than a chunk */
  add_block (arena, live, 1000 * 1000, 0xAB);
  total += 1000 * 1000;
  check_live (live);

  /* no malloc header per block: within the chunks' last slack */
  g_assert_cmpuint (bl_block_arena_get_size (arena), >=, total);
  g_assert_cmpuint (bl_block_arena_get_size (arena), <, total + total / 8 + 256 * 1024);
}

/* A chunk goes when its last block does; the one being cut from rewinds. */
static void
test_release (void)
{
  g_autoptr(BlBlockArena) arena = bl_block_arena_new ();
  g_autoptr(GArray) live = g_array_new (FALSE, FALSE, sizeof (Live));
  guint chunks_full;

  /* about eight chunks of 100-byte blocks */
  for (guint i = 0; i < 20000; i++)
    add_block (arena, live, 100, (guint8) (i % 200 + 1));
  chunks_full = bl_block_arena_get_n_chunks (arena);
  g_assert_cmpuint (chunks_full, >=, 7);

  /* every other block: no chunk is empty, none goes */
  for (guint i = 0; i < live->len; i += 2)
    bl_block_arena_release (arena, g_array_index (live, Live, i).block);
  for (guint i = 0, j = 0; i < live->len; i++)
    if (i % 2 == 1)
      g_array_index (live, Live, j++) = g_array_index (live, Live, i);
  g_array_set_size (live, live->len / 2);
  g_assert_cmpuint (bl_block_arena_get_n_chunks (arena), ==, chunks_full);
  check_live (live);

  /* the first half of what is left: the early chunks go */
  for (guint i = 0; i < live->len / 2; i++)
    bl_block_arena_release (arena, g_array_index (live, Live, i).block);
  g_array_remove_range (live, 0, live->len / 2);
  g_assert_cmpuint (bl_block_arena_get_n_chunks (arena), <, chunks_full);
  g_assert_cmpuint (bl_block_arena_get_n_chunks (arena), >, 1);
  check_live (live);

  /* all: only the current chunk stays, empty, and is cut from again */
  for (guint i = 0; i < live->len; i++)
    bl_block_arena_release (arena, g_array_index (live, Live, i).block);
  g_array_set_size (live, 0);
  g_assert_cmpuint (bl_block_arena_get_n_chunks (arena), ==, 1);
  add_block (arena, live, 64, 7);
  add_block (arena, live, 64, 8);
  g_assert_cmpuint (bl_block_arena_get_n_chunks (arena), ==, 1);
  check_live (live);
}

/* A block bigger than a quarter chunk has a chunk of its own, freed with
 * it; the chunk being cut from is not touched. */
static void
test_big_block (void)
{
  g_autoptr(BlBlockArena) arena = bl_block_arena_new ();
  g_autoptr(GArray) live = g_array_new (FALSE, FALSE, sizeof (Live));
  gsize before;
  guint8 *big;

  add_block (arena, live, 40, 1);
  before = bl_block_arena_get_size (arena);
  big = bl_block_arena_alloc (arena, 300 * 1024);
  memset (big, 2, 300 * 1024);
  add_block (arena, live, 40, 3);
  g_assert_cmpuint (bl_block_arena_get_n_chunks (arena), ==, 2);
  g_assert_cmpuint (bl_block_arena_get_size (arena), >=, before + 300 * 1024);

  bl_block_arena_release (arena, big);
  g_assert_cmpuint (bl_block_arena_get_n_chunks (arena), ==, 1);
  g_assert_cmpuint (bl_block_arena_get_size (arena), ==, before);
  check_live (live);
}

/* Random allocations and releases against a list of what is live. */
static void
test_random (void)
{
  g_autoptr(BlBlockArena) arena = bl_block_arena_new ();
  g_autoptr(GArray) live = g_array_new (FALSE, FALSE, sizeof (Live));
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 200000; round++)
    {
      if (live->len > 0 && g_rand_int_range (rand, 0, 100) < 45)
        {
          guint i = g_rand_int_range (rand, 0, live->len);

          bl_block_arena_release (arena, g_array_index (live, Live, i).block);
          g_array_remove_index_fast (live, i);
        }
      else
        add_block (arena, live, (gsize) g_rand_int_range (rand, 1, 300), (guint8) (round % 253 + 1));

      if (round % 20000 == 0)
        check_live (live);
    }
  check_live (live);

  while (live->len > 0)
    {
      bl_block_arena_release (arena, g_array_index (live, Live, live->len - 1).block);
      g_array_set_size (live, live->len - 1);
    }
  g_assert_cmpuint (bl_block_arena_get_n_chunks (arena), <=, 1);
}

/* Packed blocks follow each other byte to byte (but under
 * AddressSanitizer, which needs 8-byte granules and a redzone). */
static void
test_packed (void)
{
  g_autoptr(BlBlockArena) arena = bl_block_arena_new ();
  const gsize size = 13, n = 10000;
  guint8 *first = bl_block_arena_alloc_packed (arena, size), *previous = first;
  guint n_jumps = 0;

  memset (first, 1, size);
  for (gsize i = 1; i < n; i++)
    {
      guint8 *block = bl_block_arena_alloc_packed (arena, size);

      memset (block, (int) (i % 250 + 1), size);
      if (block != previous + size)
        n_jumps++;    /* to a new chunk */
      previous = block;
    }
  g_assert_cmpuint (first[0], ==, 1);
  g_assert_cmpuint (first[size - 1], ==, 1);
#if !defined(__SANITIZE_ADDRESS__)
  g_assert_cmpuint (n_jumps, <, bl_block_arena_get_n_chunks (arena));
  g_assert_cmpuint (bl_block_arena_get_size (arena), <=, n * size + 64 * 1024);
#else
  g_assert_cmpuint (n_jumps, >, 0);
#endif

  /* an aligned block after a packed one is aligned */
  g_assert_cmpuint ((guintptr) bl_block_arena_alloc (arena, 8) % 8, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/block-arena/no-overlap", test_no_overlap);
  g_test_add_func ("/block-arena/release", test_release);
  g_test_add_func ("/block-arena/big-block", test_big_block);
  g_test_add_func ("/block-arena/random", test_random);
  g_test_add_func ("/block-arena/packed", test_packed);

  return g_test_run ();
}
