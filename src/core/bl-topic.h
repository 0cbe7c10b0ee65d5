/* bl-topic.h — a topic: the question that claims answer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bl-types.h"

G_BEGIN_DECLS

#define BL_TYPE_TOPIC (bl_topic_get_type ())
G_DECLARE_FINAL_TYPE (BlTopic, bl_topic, BL, TOPIC, GObject)

BlTopic *bl_topic_new (const char *id);
const char *bl_topic_get_id (BlTopic *self);
const char *bl_topic_get_title (BlTopic *self);
void bl_topic_set_title (BlTopic *self, const char *title);
const char *bl_topic_get_unit (BlTopic *self);
void bl_topic_set_unit (BlTopic *self, const char *unit);
const char *bl_topic_get_description (BlTopic *self);
void bl_topic_set_description (BlTopic *self, const char *description);

G_END_DECLS
