/* bl-vocab.h — the controlled vocabularies of the model
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-types.h"

G_BEGIN_DECLS

/* Admiralty (NATO) grading. 0 means "not graded". */
#define BL_RELIABILITY_NONE 0   /* 1..6 stand for A..F */
#define BL_CREDIBILITY_NONE 0   /* 1..6 */

const char *bl_stance_to_string         (BlStance        stance);
gboolean    bl_stance_from_string       (const char     *text,
                                         BlStance       *out);
const char *bl_stance_get_label         (BlStance        stance);

const char *bl_actor_kind_to_string     (BlActorKind     kind);
gboolean    bl_actor_kind_from_string   (const char     *text,
                                         BlActorKind    *out);
const char *bl_actor_kind_get_label     (BlActorKind     kind);

const char *bl_source_kind_to_string    (BlSourceKind    kind);
gboolean    bl_source_kind_from_string  (const char     *text,
                                         BlSourceKind   *out);
const char *bl_source_kind_get_label    (BlSourceKind    kind);

const char *bl_relation_kind_to_string  (BlRelationKind  kind);
gboolean    bl_relation_kind_from_string (const char    *text,
                                          BlRelationKind *out);
const char *bl_relation_kind_get_label  (BlRelationKind  kind);

const char *bl_precision_to_string      (BlPrecision     precision);
gboolean    bl_precision_from_string    (const char     *text,
                                         BlPrecision    *out);
const char *bl_precision_get_label      (BlPrecision     precision);

char        bl_reliability_to_letter    (guint           reliability);
gboolean    bl_reliability_from_string  (const char     *text,
                                         guint          *out);
const char *bl_reliability_get_meaning  (guint           reliability);
const char *bl_credibility_get_meaning  (guint           credibility);

G_END_DECLS
