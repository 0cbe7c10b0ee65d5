/* bl-topic.c — a topic: the question that claims answer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlTopic is the unit of comparison ("ISIS-K fighters in Afghanistan"):
 * claims on one topic are set side by side, and their quantities share the
 * topic's unit.
 */
#include "config.h"

#include "bl-topic.h"
#include "bl-util.h"
#include "bl-vocab.h"

struct _BlTopic
{
  GObject parent_instance;

  char *id;
  char *title;
  char *unit;
  char *description;
};

G_DEFINE_FINAL_TYPE (BlTopic, bl_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_UNIT,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bl_topic_finalize (GObject *object)
{
  BlTopic *self = (BlTopic *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (bl_topic_parent_class)->finalize (object);
}

static void
bl_topic_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  BlTopic *self = BL_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_topic_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  BlTopic *self = BL_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      bl_topic_set_title (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      bl_topic_set_unit (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      bl_topic_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_topic_class_init (BlTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_topic_finalize;
  object_class->get_property = bl_topic_get_property;
  object_class->set_property = bl_topic_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, "The stable id in the project",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "The question, in a few words",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, "The unit of the quantities claimed on this topic",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, "What exactly the topic covers",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_topic_init (BlTopic *self)
{
}

BlTopic *
bl_topic_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (BL_TYPE_TOPIC, "id", id, NULL);
}

const char *
bl_topic_get_id (BlTopic *self)
{
  g_return_val_if_fail (BL_IS_TOPIC (self), NULL);
  return self->id;
}

const char *
bl_topic_get_title (BlTopic *self)
{
  g_return_val_if_fail (BL_IS_TOPIC (self), NULL);
  return self->title;
}

void
bl_topic_set_title (BlTopic   *self,
                    const char *title)
{
  g_return_if_fail (BL_IS_TOPIC (self));

  if (bl_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
bl_topic_get_unit (BlTopic *self)
{
  g_return_val_if_fail (BL_IS_TOPIC (self), NULL);
  return self->unit;
}

void
bl_topic_set_unit (BlTopic   *self,
                   const char *unit)
{
  g_return_if_fail (BL_IS_TOPIC (self));

  if (bl_set_str (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

const char *
bl_topic_get_description (BlTopic *self)
{
  g_return_val_if_fail (BL_IS_TOPIC (self), NULL);
  return self->description;
}

void
bl_topic_set_description (BlTopic   *self,
                          const char *description)
{
  g_return_if_fail (BL_IS_TOPIC (self));

  if (bl_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}
