/* bl-block-arena.h — many small blocks in few big chunks
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BlBlockArena BlBlockArena;

BlBlockArena *bl_block_arena_new          (void);
void          bl_block_arena_free         (BlBlockArena *self);

gpointer      bl_block_arena_alloc        (BlBlockArena *self,
                                           gsize         size);
gpointer      bl_block_arena_alloc_packed (BlBlockArena *self,
                                           gsize         size);
void          bl_block_arena_release      (BlBlockArena *self,
                                           gpointer      block);

guint         bl_block_arena_get_n_chunks (BlBlockArena *self);
gsize         bl_block_arena_get_size     (BlBlockArena *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlBlockArena, bl_block_arena_free)

G_END_DECLS
