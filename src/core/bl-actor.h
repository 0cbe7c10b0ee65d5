/* bl-actor.h — a claimant
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bl-types.h"

G_BEGIN_DECLS

#define BL_TYPE_ACTOR (bl_actor_get_type ())
G_DECLARE_FINAL_TYPE (BlActor, bl_actor, BL, ACTOR, GObject)

BlActor     *bl_actor_new             (const char  *id,
                                       const char  *name);
const char  *bl_actor_get_id          (BlActor     *self);
const char  *bl_actor_get_name        (BlActor     *self);
void         bl_actor_set_name        (BlActor     *self,
                                       const char  *name);
const char  *bl_actor_get_role        (BlActor     *self);
void         bl_actor_set_role        (BlActor     *self,
                                       const char  *role);
const char  *bl_actor_get_affiliation (BlActor     *self);
void         bl_actor_set_affiliation (BlActor     *self,
                                       const char  *affiliation);
BlActorKind  bl_actor_get_kind        (BlActor     *self);
void         bl_actor_set_kind        (BlActor     *self,
                                       BlActorKind  kind);
guint        bl_actor_get_reliability (BlActor     *self);
void         bl_actor_set_reliability (BlActor     *self,
                                       guint        reliability);

G_END_DECLS
