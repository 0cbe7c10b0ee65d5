/* bl-claim-store-snapshot.c — copy-on-write snapshots of the claim store
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Taking a snapshot, and what the store does before a change so that no
 * snapshot sees it; the rules are at the top of bl-claim-store.c.
 */
#include "config.h"

#include <string.h>

#include "bl-claim-store-private.h"

/* Snapshots {{{ */

/* Frees what snapshots no longer read (main thread only). */
void
bl_claim_store_release_retired (BlClaimStore *self)
{
  if (g_atomic_int_get (&self->readers) > 0)
    return;

  self->shared = FALSE;
  if (self->retired != NULL)
    g_ptr_array_set_size (self->retired, 0);
  if (self->retired_details != NULL)
    {
      for (guint i = 0; i < self->retired_details->len; i++)
        bl_claim_store_details_clear (self, &g_array_index (self->retired_details, BlClaimDetails, i));
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
void
bl_claim_store_unshare (BlClaimStore *self,
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
void
bl_claim_store_prepare_change (BlClaimStore *self)
{
  g_assert (self->origin == NULL);

  bl_claim_store_release_retired (self);
  if (self->shared && self->capacity > 0)
    bl_claim_store_unshare (self, self->capacity);
}

/* Drops a claim's details: freed now, or kept until the snapshots that
 * may read them are gone. */
void
bl_claim_store_drop_details (BlClaimStore *self,
                             BlClaimDetails *d)
{
  if (g_atomic_int_get (&self->readers) == 0)
    {
      bl_claim_store_details_clear (self, d);
      return;
    }

  if (self->retired_details == NULL)
    self->retired_details = g_array_new (FALSE, FALSE, sizeof (BlClaimDetails));
  g_array_append_val (self->retired_details, *d);
  memset (d, 0, sizeof *d);
}

/**
 * bl_claim_store_snapshot:
 *
 * Takes a read-only copy of the store as it is now, in constant time (see
 * the top of bl-claim-store.c for how). The snapshot can be read on another
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

  bl_claim_store_release_retired (self);
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

/* }}} */
