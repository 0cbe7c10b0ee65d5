/* bl-claim-layer.h — every visible claim on the map, in one layer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "bl-claim-painter.h"
#include "bl-history.h"
#include "bl-selection.h"

G_BEGIN_DECLS

#define BL_TYPE_CLAIM_LAYER (bl_claim_layer_get_type ())
G_DECLARE_FINAL_TYPE (BlClaimLayer, bl_claim_layer, BL, CLAIM_LAYER, ShumateLayer)

BlClaimLayer   *bl_claim_layer_new              (ShumateViewport *viewport,
                                                 BlClaimPainter  *painter,
                                                 BlSelection     *selection);
BlClaimPainter *bl_claim_layer_get_painter      (BlClaimLayer    *self);
void            bl_claim_layer_get_frame        (BlClaimLayer    *self,
                                                 BlMapFrame      *frame);
BlClusterSet   *bl_claim_layer_get_clusters     (BlClaimLayer    *self);
void            bl_claim_layer_set_history      (BlClaimLayer    *self,
                                                 BlHistory       *history);
gboolean        bl_claim_layer_locate_claim     (BlClaimLayer    *self,
                                                 const char      *claim_id,
                                                 double          *x,
                                                 double          *y);

G_END_DECLS
