/* bl-id-index.h — ids to claim numbers, without a copy of the ids
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * BlIdKeyFunc:
 * @value: a number stored in the index
 * @user_data: what the index's user passed
 *
 * Returns: the id of @value (a claim number: its claim's id)
 */
typedef const char *(*BlIdKeyFunc) (guint32  value,
                                    gpointer user_data);

/**
 * BlIdIndex:
 *
 * Embedded in its owner; all fields private. Zero-filled is empty.
 */
typedef struct {
  /*< private >*/
  guint32     *slots;     /* value + 1; 0 is empty */
  guint        capacity;  /* slots */
  guint        count;
  BlIdKeyFunc  key;
  gpointer     user_data;
} BlIdIndex;

void     bl_id_index_init    (BlIdIndex   *self,
                              BlIdKeyFunc  key,
                              gpointer     user_data);
void     bl_id_index_clear   (BlIdIndex   *self);
void     bl_id_index_reserve (BlIdIndex   *self,
                              guint        n);
guint32  bl_id_index_lookup  (BlIdIndex   *self,
                              const char  *id);
void     bl_id_index_insert  (BlIdIndex   *self,
                              guint32      value);
gboolean bl_id_index_remove  (BlIdIndex   *self,
                              const char  *id);
void     bl_id_index_shift   (BlIdIndex   *self,
                              guint32      from,
                              gint         delta);
guint    bl_id_index_get_count (BlIdIndex *self);
gsize    bl_id_index_get_size  (BlIdIndex *self);

G_END_DECLS
