/* bl-claim.c — one claim, as an object for lists and dialogs
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The claim store keeps claims in arrays, not objects. A BlClaim is made
 * on demand for a row that a list shows or a dialog edits: it names the
 * claim by its id, which survives other claims being added or removed, and
 * finds the claim's current position in the store when asked.
 */
#include "config.h"

#include "bl-claim.h"

struct _BlClaim
{
  GObject       parent_instance;

  BlClaimStore *store;
  char         *id;
};

G_DEFINE_FINAL_TYPE (BlClaim, bl_claim, G_TYPE_OBJECT)

static void
bl_claim_finalize (GObject *object)
{
  BlClaim *self = (BlClaim *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (bl_claim_parent_class)->finalize (object);
}

static void
bl_claim_class_init (BlClaimClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bl_claim_finalize;
}

static void
bl_claim_init (BlClaim *self)
{
}

/**
 * bl_claim_new:
 * @store: the store that holds the claim
 * @index: the claim's position in @store
 *
 * Returns: (transfer full): an object that stands for the claim
 */
BlClaim *
bl_claim_new (BlClaimStore *store,
              guint         index)
{
  BlClaim *self;

  g_return_val_if_fail (BL_IS_CLAIM_STORE (store), NULL);
  g_return_val_if_fail (index < bl_claim_store_get_n_claims (store), NULL);

  self = g_object_new (BL_TYPE_CLAIM, NULL);
  self->store = g_object_ref (store);
  self->id = g_strdup (bl_claim_store_get_id (store, index));

  return self;
}

BlClaimStore *
bl_claim_get_store (BlClaim *self)
{
  g_return_val_if_fail (BL_IS_CLAIM (self), NULL);
  return self->store;
}

const char *
bl_claim_get_id (BlClaim *self)
{
  g_return_val_if_fail (BL_IS_CLAIM (self), NULL);
  return self->id;
}

/**
 * bl_claim_get_index:
 *
 * Returns: the claim's current position in its store, or %BL_NO_INDEX if
 *   it has been removed
 */
guint
bl_claim_get_index (BlClaim *self)
{
  g_return_val_if_fail (BL_IS_CLAIM (self), BL_NO_INDEX);
  return bl_claim_store_lookup (self->store, self->id);
}

/**
 * bl_claim_get_record:
 * @record: (out caller-allocates): filled with borrowed pointers
 *
 * Returns: %FALSE if the claim is no longer in its store
 */
gboolean
bl_claim_get_record (BlClaim       *self,
                     BlClaimRecord *record)
{
  guint index;

  g_return_val_if_fail (BL_IS_CLAIM (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  index = bl_claim_get_index (self);
  if (index == BL_NO_INDEX)
    return FALSE;

  bl_claim_store_get_record (self->store, index, record);
  return TRUE;
}
