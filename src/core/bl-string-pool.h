/* bl-string-pool.h — interned strings in one arena
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BlStringPool BlStringPool;

BlStringPool        *bl_string_pool_new           (void);
void                 bl_string_pool_free          (BlStringPool       *self);

const char          *bl_string_pool_intern        (BlStringPool       *self,
                                                   const char         *text);
const char          *bl_string_pool_intern_len    (BlStringPool       *self,
                                                   const char         *text,
                                                   gsize               length);
const char * const  *bl_string_pool_intern_strv   (BlStringPool       *self,
                                                   const char * const *strv);
guint32              bl_string_pool_intern_triple (BlStringPool       *self,
                                                   const gconstpointer values[3]);
const gconstpointer *bl_string_pool_get_triple    (BlStringPool       *self,
                                                   guint32             id);
gboolean             bl_string_pool_contains      (BlStringPool       *self,
                                                   const char         *text);

guint                bl_string_pool_get_n_strings (BlStringPool       *self);
gsize                bl_string_pool_get_size      (BlStringPool       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlStringPool, bl_string_pool_free)

G_END_DECLS
