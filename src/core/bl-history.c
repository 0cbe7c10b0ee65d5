/* bl-history.c — every change to a project, undoable
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlHistory is the one door through which the user changes a project:
 * the claim editor, dragging a marker, deleting, importing, annotating
 * and grading all call it, and it makes the change and remembers how to
 * take it back. Each step has a label for the Undo and Redo menu items
 * ("Undo Move Claim"). Several changes made as one (an import, a merge)
 * are grouped into one step.
 *
 * It also knows whether the project differs from the file last saved:
 * saving marks the current step; undoing back to it makes the project
 * unmodified again. A change made behind its back (bl_history_mark_modified)
 * makes it modified for good.
 *
 * Steps hold full copies of what they replace, never indices alone, so
 * that undoing a step finds its claim by id wherever it has moved. Each
 * kind of step is a before/after pair that one function of a table swaps,
 * forward to do and redo, backward to undo. The changes themselves
 * (claims, properties, annotations, views) are in bl-history-changes.c;
 * deleting claimants, sources and topics, which touches claims, other
 * sources and saved views, is in bl-history-entities.c.
 */
#include "config.h"

#include "bl-history.h"
#include "bl-history-private.h"

/* How many steps are kept; the oldest go first. */
#define MAX_STEPS 500

typedef struct {
  /* makes the change (@forward) or takes it back */
  void (*apply) (BlHistory *self,
                 Step      *step,
                 gboolean   forward);
} StepClass;

struct _BlHistory
{
  GObject    parent_instance;

  BlProject *project;
  GPtrArray *steps;        /* Step *, oldest first */
  guint      position;     /* steps[0..position) are applied */
  int        saved_at;     /* the position of the last save, or -1 */
  GPtrArray *groups;       /* open groups, innermost last */
  guint64    generation;
};

G_DEFINE_FINAL_TYPE (BlHistory, bl_history, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Frees @step and, for a group, its children. */
void
bl_history_step_free (Step *step)
{
  if (step == NULL)
    return;

  g_free (step->label);
  g_clear_pointer (&step->children, g_ptr_array_unref);
  g_clear_pointer (&step->before, bl_claim_record_free);
  g_clear_pointer (&step->after, bl_claim_record_free);
  g_clear_object (&step->object);
  g_free (step->property);
  if (G_IS_VALUE (&step->old_value))
    g_value_unset (&step->old_value);
  if (G_IS_VALUE (&step->new_value))
    g_value_unset (&step->new_value);
  g_clear_pointer (&step->annotation_before, bl_annotation_free);
  g_clear_pointer (&step->annotation_after, bl_annotation_free);
  g_clear_pointer (&step->view_before, bl_view_free);
  g_clear_pointer (&step->view_after, bl_view_free);
  g_free (step);
}

Step *
bl_history_step_new (StepKind    kind,
                     const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->label = g_strdup (label);
  return step;
}

/**
 * bl_annotation_copy:
 *
 * Returns: (transfer full): a copy of @annotation
 */
BlAnnotation *
bl_annotation_copy (const BlAnnotation *annotation)
{
  BlAnnotation *copy;

  g_return_val_if_fail (annotation != NULL, NULL);

  copy = g_new0 (BlAnnotation, 1);
  copy->id = g_strdup (annotation->id);
  copy->kind = annotation->kind;
  copy->text = g_strdup (annotation->text);
  copy->n_points = annotation->n_points;
  copy->points = g_memdup2 (annotation->points, sizeof (double) * 2 * annotation->n_points);
  copy->color = g_strdup (annotation->color);
  copy->size = annotation->size;
  return copy;
}

/* Where the annotation with @id is in the project, or %BL_NO_INDEX. */
guint
bl_history_find_annotation (BlHistory  *self,
                            const char *id)
{
  GPtrArray *annotations = bl_project_get_annotations (self->project);

  for (guint i = 0; i < annotations->len; i++)
    if (g_strcmp0 (((BlAnnotation *) g_ptr_array_index (annotations, i))->id, id) == 0)
      return i;

  return BL_NO_INDEX;
}

/* Doing and undoing one step {{{ */

static void apply (BlHistory *self, Step *step, gboolean forward);

static void
apply_group (BlHistory *self,
             Step      *step,
             gboolean   forward)
{
  if (forward)
    for (guint i = 0; i < step->children->len; i++)
      apply (self, g_ptr_array_index (step->children, i), TRUE);
  else
    for (guint i = step->children->len; i > 0; i--)
      apply (self, g_ptr_array_index (step->children, i - 1), FALSE);
}

static void
apply_claim (BlHistory *self,
             Step      *step,
             gboolean   forward)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  const BlClaimRecord *remove = forward ? step->before : step->after;
  const BlClaimRecord *put = forward ? step->after : step->before;

  if (remove != NULL)
    {
      guint index = bl_claim_store_lookup (store, remove->id);

      g_return_if_fail (index != BL_NO_INDEX);
      if (put != NULL)
        bl_claim_store_replace (store, index, put);
      else
        bl_claim_store_remove (store, index);
    }
  else if (put != NULL)
    {
      bl_claim_store_insert (store, MIN (step->position, bl_claim_store_get_n_claims (store)), put);
    }
}

static void
apply_property (BlHistory *self,
                Step      *step,
                gboolean   forward)
{
  g_object_set_property (step->object, step->property, forward ? &step->new_value : &step->old_value);
}

static void
apply_entity (BlHistory *self,
              Step      *step,
              gboolean   forward)
{
  if (forward == step->present_after)
    {
      gboolean inserted = bl_project_insert_entity_at (self->project, step->entity_kind,
                                                       step->position, step->object);

      g_return_if_fail (inserted);
    }
  else
    {
      g_autoptr(GObject) removed = bl_project_remove_entity_at (self->project, step->entity_kind,
                                                                step->position);

      g_return_if_fail (removed == step->object);
    }
}

static void
apply_annotation (BlHistory *self,
                  Step      *step,
                  gboolean   forward)
{
  GPtrArray *annotations = bl_project_get_annotations (self->project);
  const BlAnnotation *remove = forward ? step->annotation_before : step->annotation_after;
  const BlAnnotation *put = forward ? step->annotation_after : step->annotation_before;

  if (remove != NULL)
    {
      guint index = bl_history_find_annotation (self, remove->id);

      g_return_if_fail (index != BL_NO_INDEX);
      if (put != NULL)
        {
          bl_annotation_free (g_ptr_array_index (annotations, index));
          annotations->pdata[index] = bl_annotation_copy (put);
          return;
        }
      g_ptr_array_remove_index (annotations, index);
    }
  else if (put != NULL)
    {
      g_ptr_array_insert (annotations, (int) MIN (step->position, annotations->len), bl_annotation_copy (put));
    }
}

/* Views have no ids: they are only ever changed through the history, so
 * a step's position is where its view is. An addition has no view
 * before, a removal none after. */
static void
apply_view (BlHistory *self,
            Step      *step,
            gboolean   forward)
{
  GPtrArray *views = bl_project_get_views (self->project);
  const BlView *from = forward ? step->view_before : step->view_after;
  const BlView *to = forward ? step->view_after : step->view_before;

  g_return_if_fail (step->position <= views->len);

  if (from != NULL && to != NULL)
    {
      g_return_if_fail (step->position < views->len);
      bl_view_free (g_ptr_array_index (views, step->position));
      views->pdata[step->position] = bl_view_copy (to);
    }
  else if (from != NULL)
    {
      g_return_if_fail (step->position < views->len);
      g_ptr_array_remove_index (views, step->position);
    }
  else if (to != NULL)
    g_ptr_array_insert (views, (int) step->position, bl_view_copy (to));
}

static void
apply_view_topic (BlHistory *self,
                  Step      *step,
                  gboolean   forward)
{
  GPtrArray *views = bl_project_get_views (self->project);
  BlView *view;

  g_return_if_fail (step->position < views->len);

  view = g_ptr_array_index (views, step->position);
  g_free (view->topic);
  view->topic = g_value_dup_string (forward ? &step->new_value : &step->old_value);
}

static const StepClass step_classes[N_STEP_KINDS] = {
  [STEP_GROUP]      = { apply_group },
  [STEP_CLAIM]      = { apply_claim },
  [STEP_PROPERTY]   = { apply_property },
  [STEP_ENTITY]     = { apply_entity },
  [STEP_ANNOTATION] = { apply_annotation },
  [STEP_VIEW_TOPIC] = { apply_view_topic },
  [STEP_VIEW]       = { apply_view },
};

static void
apply (BlHistory *self,
       Step      *step,
       gboolean   forward)
{
  g_assert (step->kind < N_STEP_KINDS);
  step_classes[step->kind].apply (self, step, forward);
}

/* }}} */

static void
changed (BlHistory *self)
{
  self->generation++;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Records a step that has just been applied. */
static void
push (BlHistory *self,
      Step      *step)
{
  if (self->groups->len > 0)
    {
      Step *group = g_ptr_array_index (self->groups, self->groups->len - 1);

      g_ptr_array_add (group->children, step);
      return;
    }

  /* what could have been redone is gone; so is a save point there */
  if (self->position < self->steps->len)
    {
      g_ptr_array_set_size (self->steps, self->position);
      if (self->saved_at > (int) self->position)
        self->saved_at = -1;
    }

  g_ptr_array_add (self->steps, step);
  self->position++;

  if (self->steps->len > MAX_STEPS)
    {
      g_ptr_array_remove_index (self->steps, 0);
      self->position--;
      self->saved_at = self->saved_at > 0 ? self->saved_at - 1 : -1;
    }

  changed (self);
}

/* Every change goes this way: the step is made with the same code that
 * redoes it, then recorded. */
void
bl_history_do_step (BlHistory *self,
                    Step      *step)
{
  apply (self, step, TRUE);
  push (self, step);
}

static void
bl_history_finalize (GObject *object)
{
  BlHistory *self = (BlHistory *) object;

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bl_history_parent_class)->finalize (object);
}

static void
bl_history_class_init (BlHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bl_history_finalize;

  /**
   * BlHistory::changed:
   *
   * Emitted after a change, an undo or a redo, and when the saved state
   * changes: the project may need redrawing and the menus relabelling.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bl_history_init (BlHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_history_step_free);
  self->groups = g_ptr_array_new ();
}

/**
 * bl_history_new:
 * @project: the project to change
 *
 * Returns: (transfer full): a history with nothing to undo, unmodified
 */
BlHistory *
bl_history_new (BlProject *project)
{
  BlHistory *self;

  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);

  self = g_object_new (BL_TYPE_HISTORY, NULL);
  self->project = g_object_ref (project);
  return self;
}

/**
 * bl_history_get_project:
 *
 * Returns: (transfer none): the project
 */
BlProject *
bl_history_get_project (BlHistory *self)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), NULL);
  return self->project;
}

/**
 * bl_history_begin_group:
 * @label: what the whole is called ("Import 120 Claims")
 *
 * Until the matching bl_history_end_group(), changes are gathered into
 * one step. Groups may nest; the outermost one is the step.
 */
void
bl_history_begin_group (BlHistory  *self,
                        const char *label)
{
  Step *group;

  g_return_if_fail (BL_IS_HISTORY (self));

  group = bl_history_step_new (STEP_GROUP, label);
  group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_history_step_free);
  g_ptr_array_add (self->groups, group);
}

void
bl_history_end_group (BlHistory *self)
{
  Step *group;

  g_return_if_fail (BL_IS_HISTORY (self));
  g_return_if_fail (self->groups->len > 0);

  group = g_ptr_array_steal_index (self->groups, self->groups->len - 1);
  if (group->children->len == 0)
    {
      bl_history_step_free (group);
      return;
    }

  push (self, group);
}

gboolean
bl_history_can_undo (BlHistory *self)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);
  return self->position > 0 && self->groups->len == 0;
}

gboolean
bl_history_can_redo (BlHistory *self)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);
  return self->position < self->steps->len && self->groups->len == 0;
}

/**
 * bl_history_get_undo_label:
 *
 * Returns: (nullable): the label of the step Undo would take back
 */
const char *
bl_history_get_undo_label (BlHistory *self)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), NULL);

  if (!bl_history_can_undo (self))
    return NULL;
  return ((Step *) g_ptr_array_index (self->steps, self->position - 1))->label;
}

/**
 * bl_history_get_redo_label:
 *
 * Returns: (nullable): the label of the step Redo would make again
 */
const char *
bl_history_get_redo_label (BlHistory *self)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), NULL);

  if (!bl_history_can_redo (self))
    return NULL;
  return ((Step *) g_ptr_array_index (self->steps, self->position))->label;
}

gboolean
bl_history_undo (BlHistory *self)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);

  if (!bl_history_can_undo (self))
    return FALSE;

  self->position--;
  apply (self, g_ptr_array_index (self->steps, self->position), FALSE);
  changed (self);
  return TRUE;
}

gboolean
bl_history_redo (BlHistory *self)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);

  if (!bl_history_can_redo (self))
    return FALSE;

  apply (self, g_ptr_array_index (self->steps, self->position), TRUE);
  self->position++;
  changed (self);
  return TRUE;
}

/**
 * bl_history_get_modified:
 *
 * Returns: whether the project differs from the file last saved
 */
gboolean
bl_history_get_modified (BlHistory *self)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);
  return self->saved_at != (int) self->position;
}

/**
 * bl_history_mark_saved:
 *
 * The project as it is now is what the file holds.
 */
void
bl_history_mark_saved (BlHistory *self)
{
  g_return_if_fail (BL_IS_HISTORY (self));

  if (self->saved_at == (int) self->position)
    return;
  self->saved_at = (int) self->position;
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * bl_history_mark_modified:
 *
 * Something changed the project without a step (an edit with no undo):
 * it stays modified until the next save.
 */
void
bl_history_mark_modified (BlHistory *self)
{
  g_return_if_fail (BL_IS_HISTORY (self));

  self->saved_at = -1;
  changed (self);
}

/**
 * bl_history_get_generation:
 *
 * Returns: a number that grows with every change, undo and redo: an
 *   autosave compares it with the last one it wrote
 */
guint64
bl_history_get_generation (BlHistory *self)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), 0);
  return self->generation;
}
