/* bl-actor.c — a claimant
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlActor is who made a claim: a person, an office or a body, with the
 * Admiralty reliability the analyst gives it. Actors are few (hundreds,
 * not millions), so each is a GObject that lists and pickers can show.
 * Claims refer to actors by their position in the project's actor list.
 */
#include "config.h"

#include "bl-actor.h"
#include "bl-util.h"
#include "bl-vocab.h"

struct _BlActor
{
  GObject      parent_instance;

  char        *id;
  char        *name;
  char        *role;
  char        *affiliation;
  BlActorKind  kind;
  guint        reliability;
};

G_DEFINE_FINAL_TYPE (BlActor, bl_actor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_ROLE,
  PROP_AFFILIATION,
  PROP_KIND,
  PROP_RELIABILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bl_actor_finalize (GObject *object)
{
  BlActor *self = (BlActor *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->affiliation, g_free);

  G_OBJECT_CLASS (bl_actor_parent_class)->finalize (object);
}

static void
bl_actor_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BlActor *self = BL_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_AFFILIATION:
      g_value_set_string (value, self->affiliation);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    case PROP_RELIABILITY:
      g_value_set_uint (value, self->reliability);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_actor_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  BlActor *self = BL_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      bl_actor_set_name (self, g_value_get_string (value));
      break;
    case PROP_ROLE:
      bl_actor_set_role (self, g_value_get_string (value));
      break;
    case PROP_AFFILIATION:
      bl_actor_set_affiliation (self, g_value_get_string (value));
      break;
    case PROP_KIND:
      bl_actor_set_kind (self, g_value_get_uint (value));
      break;
    case PROP_RELIABILITY:
      bl_actor_set_reliability (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_actor_class_init (BlActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_actor_finalize;
  object_class->get_property = bl_actor_get_property;
  object_class->set_property = bl_actor_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, "The actor's stable id in the project",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "The actor's name",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, "The actor's role or title",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AFFILIATION] =
    g_param_spec_string ("affiliation", NULL, "The body the actor speaks for",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, "The kind of actor (a BlActorKind)",
                       0, BL_N_ACTOR_KINDS - 1, BL_ACTOR_OTHER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELIABILITY] =
    g_param_spec_uint ("reliability", NULL, "Admiralty source reliability, 1 (A) to 6 (F), 0 if not graded",
                       0, 6, BL_RELIABILITY_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_actor_init (BlActor *self)
{
}

BlActor *
bl_actor_new (const char *id,
              const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (BL_TYPE_ACTOR, "id", id, "name", name, NULL);
}

const char *
bl_actor_get_id (BlActor *self)
{
  g_return_val_if_fail (BL_IS_ACTOR (self), NULL);
  return self->id;
}

#define DEFINE_STRING_PROPERTY(field, PROP)                             \
  const char *                                                          \
  bl_actor_get_##field (BlActor *self)                                  \
  {                                                                     \
    g_return_val_if_fail (BL_IS_ACTOR (self), NULL);                    \
    return self->field;                                                 \
  }                                                                     \
                                                                        \
  void                                                                  \
  bl_actor_set_##field (BlActor    *self,                               \
                        const char *field)                              \
  {                                                                     \
    g_return_if_fail (BL_IS_ACTOR (self));                              \
    if (bl_set_str (&self->field, field))                                \
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);     \
  }

DEFINE_STRING_PROPERTY (name, PROP_NAME)
DEFINE_STRING_PROPERTY (role, PROP_ROLE)
DEFINE_STRING_PROPERTY (affiliation, PROP_AFFILIATION)

BlActorKind
bl_actor_get_kind (BlActor *self)
{
  g_return_val_if_fail (BL_IS_ACTOR (self), BL_ACTOR_OTHER);
  return self->kind;
}

void
bl_actor_set_kind (BlActor     *self,
                   BlActorKind  kind)
{
  g_return_if_fail (BL_IS_ACTOR (self));
  g_return_if_fail (kind < BL_N_ACTOR_KINDS);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

guint
bl_actor_get_reliability (BlActor *self)
{
  g_return_val_if_fail (BL_IS_ACTOR (self), 0);
  return self->reliability;
}

void
bl_actor_set_reliability (BlActor *self,
                          guint    reliability)
{
  g_return_if_fail (BL_IS_ACTOR (self));
  g_return_if_fail (reliability <= 6);

  if (self->reliability == reliability)
    return;
  self->reliability = reliability;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELIABILITY]);
}
