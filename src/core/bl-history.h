/* bl-history.h — every change to a project, undoable
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bl-project.h"

G_BEGIN_DECLS

#define BL_TYPE_HISTORY (bl_history_get_type ())
G_DECLARE_FINAL_TYPE (BlHistory, bl_history, BL, HISTORY, GObject)

BlHistory  *bl_history_new                (BlProject           *project);
BlProject  *bl_history_get_project        (BlHistory           *self);

/* Changes, each one step to undo (or one step of a group) */
guint       bl_history_add_claim          (BlHistory           *self,
                                           const BlClaimRecord *record,
                                           const char          *label);
gboolean    bl_history_replace_claim      (BlHistory           *self,
                                           const BlClaimRecord *record,
                                           const char          *label);
gboolean    bl_history_remove_claim       (BlHistory           *self,
                                           const char          *claim_id,
                                           const char          *label);
void        bl_history_set_property       (BlHistory           *self,
                                           GObject             *object,
                                           const char          *property,
                                           const GValue        *value,
                                           const char          *label);
guint       bl_history_add_actor          (BlHistory           *self,
                                           BlActor             *actor,
                                           const char          *label);
guint       bl_history_add_source         (BlHistory           *self,
                                           BlSource            *source,
                                           const char          *label);
guint       bl_history_add_topic          (BlHistory           *self,
                                           BlTopic             *topic,
                                           const char          *label);
guint       bl_history_reassign_entity    (BlHistory           *self,
                                           BlEntityKind         kind,
                                           guint                from,
                                           guint                to,
                                           const char          *label);
gboolean    bl_history_remove_entity      (BlHistory           *self,
                                           BlEntityKind         kind,
                                           guint                index,
                                           guint                replacement,
                                           gboolean             with_claims,
                                           const char          *label);
void        bl_history_add_annotation     (BlHistory           *self,
                                           const BlAnnotation  *annotation,
                                           const char          *label);
gboolean    bl_history_replace_annotation (BlHistory           *self,
                                           const BlAnnotation  *annotation,
                                           const char          *label);
gboolean    bl_history_remove_annotation  (BlHistory           *self,
                                           const char          *annotation_id,
                                           const char          *label);
guint       bl_history_add_view           (BlHistory           *self,
                                           const BlView        *view,
                                           const char          *label);
gboolean    bl_history_replace_view       (BlHistory           *self,
                                           guint                index,
                                           const BlView        *view,
                                           const char          *label);
gboolean    bl_history_remove_view        (BlHistory           *self,
                                           guint                index,
                                           const char          *label);

void        bl_history_begin_group        (BlHistory           *self,
                                           const char          *label);
void        bl_history_end_group          (BlHistory           *self);

/* Undo and redo */
gboolean    bl_history_can_undo           (BlHistory           *self);
gboolean    bl_history_can_redo           (BlHistory           *self);
const char *bl_history_get_undo_label     (BlHistory           *self);
const char *bl_history_get_redo_label     (BlHistory           *self);
gboolean    bl_history_undo               (BlHistory           *self);
gboolean    bl_history_redo               (BlHistory           *self);

/* Saved or not */
gboolean    bl_history_get_modified       (BlHistory           *self);
void        bl_history_mark_saved         (BlHistory           *self);
void        bl_history_mark_modified      (BlHistory           *self);
guint64     bl_history_get_generation     (BlHistory           *self);

BlAnnotation *bl_annotation_copy          (const BlAnnotation  *annotation);

G_END_DECLS
