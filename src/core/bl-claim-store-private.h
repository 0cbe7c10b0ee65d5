/* bl-claim-store-private.h — what only core's loaders use, and the
 * store's layout that its own files share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-block-arena.h"
#include "bl-claim-store.h"
#include "bl-id-index.h"
#include "bl-string-pool.h"

G_BEGIN_DECLS

void bl_claim_store_remap_references (BlClaimStore  *self,
                                      guint32        pending_bit,
                                      const guint32 *actor_map,
                                      const guint32 *source_map,
                                      const guint32 *topic_map);
void bl_claim_store_shift_references (BlClaimStore  *self,
                                      BlEntityKind   kind,
                                      guint32        index,
                                      gboolean       inserted);

void bl_claim_store_trim               (BlClaimStore  *self);

/* The store's layout: for bl-claim-store*.c only {{{ */

/* One claim's cold fields: 8 bytes, and one block in the store's arena
 * (see bl-claim-store-details.c for what the block holds). */
typedef struct {
  char                *block;    /* a flags byte, the id, the id of the
                                  * interned place, areas and tags, then
                                  * the statement, quote and notes
                                  * present, then the figure, polygon and
                                  * relations present */
} BlClaimDetails;

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
  BlClaimDetails *details;

  /* places, tags, areas, units: one copy each */
  BlStringPool *pool;

  /* the details' blocks; NULL in a snapshot, and until the first claim */
  BlBlockArena *arena;

  /* id → claim number (the ids are the details'); a snapshot fills its
   * own on its first lookup */
  BlIdIndex     by_id;
  gboolean      by_id_filled;

  /* snapshots (see the top of bl-claim-store.c) */
  BlClaimStore *origin;       /* a snapshot: the store whose arrays it reads */
  gint          readers;      /* live snapshots of this store (atomic) */
  gboolean      shared;       /* the current arrays are read by a snapshot */
  GPtrArray    *retired;      /* arrays replaced while snapshots read them */
  GArray       *retired_details;  /* Details dropped while snapshots read them */
};

/* bl-claim-store-details.c */
void bl_claim_store_details_set   (BlClaimStore        *self,
                                   BlClaimDetails      *d,
                                   const BlClaimRecord *r);
void bl_claim_store_details_clear (BlClaimStore        *self,
                                   BlClaimDetails      *d);

/* The claim's id, in its text block after the flags byte. */
static inline const char *
bl_claim_store_details_id (const BlClaimDetails *d)
{
  return d->block + 1;
}

/* bl-claim-store-snapshot.c */
void bl_claim_store_release_retired (BlClaimStore   *self);
void bl_claim_store_unshare         (BlClaimStore   *self,
                                     guint           capacity);
void bl_claim_store_prepare_change  (BlClaimStore   *self);
void bl_claim_store_drop_details    (BlClaimStore   *self,
                                     BlClaimDetails *d);

/* }}} */

G_END_DECLS
