/* bl-history-private.h — what the parts of the undo history share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlHistory is split in three: bl-history.c (steps, doing and undoing
 * them, groups, undo, redo, the saved state), bl-history-changes.c (the
 * changes to claims, properties, annotations and views, and adding
 * claimants, sources and topics) and bl-history-entities.c (deleting and
 * reassigning claimants, sources and topics).
 */
#pragma once

#include "bl-history.h"

G_BEGIN_DECLS

/* What a step changes. Each kind holds what was there before and what is
 * there after (either may be absent: an addition has nothing before, a
 * removal nothing after), and one function in step_classes[] swaps one
 * for the other, forward for do and redo, backward for undo. */
typedef enum {
  STEP_GROUP,
  STEP_CLAIM,
  STEP_PROPERTY,
  STEP_ENTITY,
  STEP_ANNOTATION,
  STEP_VIEW_TOPIC,
  STEP_VIEW,
  N_STEP_KINDS
} StepKind;

typedef struct _Step Step;

struct _Step
{
  StepKind       kind;
  char          *label;

  GPtrArray     *children;        /* group: Step *, in order */

  BlClaimRecord *before;          /* claim: what was there, or NULL */
  BlClaimRecord *after;           /* claim: what is there, or NULL */
  guint          position;        /* claim, entity, annotation, view: where */

  GObject       *object;          /* property: whose; entity: which */
  BlEntityKind   entity_kind;     /* entity: which list */
  gboolean       present_after;   /* entity: added (TRUE) or removed */
  char          *property;
  GValue         old_value;       /* property; view topic (strings) */
  GValue         new_value;

  BlAnnotation  *annotation_before;
  BlAnnotation  *annotation_after;

  BlView        *view_before;     /* view: what was there, or NULL */
  BlView        *view_after;      /* view: what is there, or NULL */
};

Step *bl_history_step_new  (StepKind    kind,
                            const char *label);
void  bl_history_step_free (Step       *step);
void  bl_history_do_step   (BlHistory  *self,
                            Step       *step);

guint bl_history_find_annotation (BlHistory  *self,
                                  const char *id);

G_END_DECLS
