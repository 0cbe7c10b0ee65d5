/* bl-source.h — a source: the outlet or document that reported claims
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bl-types.h"

G_BEGIN_DECLS

#define BL_TYPE_SOURCE (bl_source_get_type ())
G_DECLARE_FINAL_TYPE (BlSource, bl_source, BL, SOURCE, GObject)

BlSource *bl_source_new (const char *id);
const char *bl_source_get_id (BlSource *self);
const char *bl_source_get_name (BlSource *self);
void bl_source_set_name (BlSource *self, const char *name);
BlSourceKind bl_source_get_kind (BlSource *self);
void bl_source_set_kind (BlSource *self, BlSourceKind kind);
const char *bl_source_get_url (BlSource *self);
void bl_source_set_url (BlSource *self, const char *url);
const char *bl_source_get_published (BlSource *self);
void bl_source_set_published (BlSource *self, const char *published);
const char *bl_source_get_retrieved (BlSource *self);
void bl_source_set_retrieved (BlSource *self, const char *retrieved);
const char *bl_source_get_language (BlSource *self);
void bl_source_set_language (BlSource *self, const char *language);
guint bl_source_get_reliability (BlSource *self);
void bl_source_set_reliability (BlSource *self, guint reliability);
const char *bl_source_get_origin (BlSource *self);
void bl_source_set_origin (BlSource *self, const char *origin);

G_END_DECLS
