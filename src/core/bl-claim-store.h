/* bl-claim-store.h — every claim of a project, in arrays
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bl-date.h"
#include "bl-quantity.h"
#include "bl-types.h"

G_BEGIN_DECLS

/* An index that points nowhere: no actor, no source, no topic, no claim. */
#define BL_NO_INDEX G_MAXUINT32

/**
 * BlRelation:
 * @kind: how the claim relates to the other
 * @claim_id: the other claim's id
 */
typedef struct {
  BlRelationKind  kind;
  char           *claim_id;
} BlRelation;

/**
 * BlClaimRecord:
 *
 * One claim, every field, as handed to bl_claim_store_append() and filled
 * in by bl_claim_store_get_record(). The pointers are borrowed: on append
 * the store copies them; on get they point into the store and stay valid
 * until the claim is changed or removed, but for @quantity, which points
 * into the record itself (the store packs figures tighter than a
 * BlQuantity): a record copied by assignment is good while its original
 * is.
 *
 * @lat and @lon are NAN when the claim has no point (an area-only claim
 * gets its marker from the basemap's label point of its area).
 * @areas are the stable codes of the basemap's areas (ISO 3166-1 for
 * countries, ISO 3166-2 for provinces), NULL-terminated, or %NULL.
 * @polygon is one ring of @n_polygon lon/lat pairs (2 × @n_polygon doubles).
 */
typedef struct {
  const char         *id;
  const char         *statement;
  const char         *quote;
  guint32             actor;
  guint32             source;
  guint32             topic;
  BlDate              said_on;
  BlDate              about;
  const BlQuantity   *quantity;
  BlStance            stance;
  guint               credibility;
  double              lat;
  double              lon;
  BlPrecision         precision;
  const char         *place;
  const char * const *areas;
  const double       *polygon;
  guint               n_polygon;
  const char * const *tags;
  const char         *notes;
  const BlRelation   *relations;
  guint               n_relations;

  /*< private >*/
  BlQuantity          figure;   /* what @quantity points to, after a get */
} BlClaimRecord;

void           bl_claim_record_init (BlClaimRecord       *record);
BlClaimRecord *bl_claim_record_copy (const BlClaimRecord *record);
void           bl_claim_record_free (BlClaimRecord       *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlClaimRecord, bl_claim_record_free)

#define BL_TYPE_CLAIM_STORE (bl_claim_store_get_type ())
G_DECLARE_FINAL_TYPE (BlClaimStore, bl_claim_store, BL, CLAIM_STORE, GObject)

BlClaimStore   *bl_claim_store_new               (void);
guint           bl_claim_store_get_n_claims      (BlClaimStore        *self);
void            bl_claim_store_reserve           (BlClaimStore        *self,
                                                  guint                n_claims);
guint           bl_claim_store_append            (BlClaimStore        *self,
                                                  const BlClaimRecord *record);
guint           bl_claim_store_insert            (BlClaimStore        *self,
                                                  guint                position,
                                                  const BlClaimRecord *record);
void            bl_claim_store_replace           (BlClaimStore        *self,
                                                  guint                index,
                                                  const BlClaimRecord *record);
void            bl_claim_store_remove            (BlClaimStore        *self,
                                                  guint                index);
guint           bl_claim_store_lookup            (BlClaimStore        *self,
                                                  const char          *id);
void            bl_claim_store_get_record        (BlClaimStore        *self,
                                                  guint                index,
                                                  BlClaimRecord       *record);
BlClaimStore   *bl_claim_store_snapshot          (BlClaimStore        *self);
gboolean        bl_claim_store_is_snapshot       (BlClaimStore        *self);

/* Hot fields: plain arrays indexed by claim number, valid until the store
 * next changes. */
const char     *bl_claim_store_get_id            (BlClaimStore        *self,
                                                  guint                index);
const double   *bl_claim_store_get_lats          (BlClaimStore        *self);
const double   *bl_claim_store_get_lons          (BlClaimStore        *self);
const BlDate   *bl_claim_store_get_dates         (BlClaimStore        *self,
                                                  BlClock              clock);
const guint32  *bl_claim_store_get_topics        (BlClaimStore        *self);
const guint32  *bl_claim_store_get_actors        (BlClaimStore        *self);
const guint32  *bl_claim_store_get_sources       (BlClaimStore        *self);
const guint8   *bl_claim_store_get_stances       (BlClaimStore        *self);
const guint8   *bl_claim_store_get_credibilities (BlClaimStore        *self);
const guint8   *bl_claim_store_get_precisions    (BlClaimStore        *self);

G_END_DECLS
