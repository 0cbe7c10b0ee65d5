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
 * forward to do and redo, backward to undo. Deleting claimants, sources
 * and topics, which touches claims, other sources and saved views, is in
 * bl-history-entities.c.
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

static void
step_free (Step *step)
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

static guint
find_annotation (BlHistory  *self,
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
      guint index = find_annotation (self, remove->id);

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
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
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

/* Changes {{{ */

/**
 * bl_history_add_claim:
 * @record: a new claim; its id must be new
 * @label: what the step is called ("Add Claim")
 *
 * Returns: the claim's number, or %BL_NO_INDEX if its id is taken
 */
guint
bl_history_add_claim (BlHistory           *self,
                      const BlClaimRecord *record,
                      const char          *label)
{
  BlClaimStore *store;
  Step *step;

  g_return_val_if_fail (BL_IS_HISTORY (self), BL_NO_INDEX);
  g_return_val_if_fail (record != NULL, BL_NO_INDEX);
  g_return_val_if_fail (record->id != NULL && record->id[0] != '\0', BL_NO_INDEX);

  store = bl_project_get_claims (self->project);
  if (bl_claim_store_lookup (store, record->id) != BL_NO_INDEX)
    return BL_NO_INDEX;

  step = bl_history_step_new (STEP_CLAIM, label);
  step->after = bl_claim_record_copy (record);
  step->position = bl_claim_store_get_n_claims (store);
  bl_history_do_step (self, step);

  return bl_claim_store_lookup (store, record->id);
}

/**
 * bl_history_replace_claim:
 * @record: the claim's new content; its id says which claim
 * @label: what the step is called ("Edit Claim", "Move Claim")
 *
 * Returns: %FALSE when no claim has that id
 */
gboolean
bl_history_replace_claim (BlHistory           *self,
                          const BlClaimRecord *record,
                          const char          *label)
{
  BlClaimStore *store;
  BlClaimRecord current;
  Step *step;
  guint index;

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  store = bl_project_get_claims (self->project);
  index = bl_claim_store_lookup (store, record->id);
  if (index == BL_NO_INDEX)
    return FALSE;

  step = bl_history_step_new (STEP_CLAIM, label);
  bl_claim_store_get_record (store, index, &current);
  step->before = bl_claim_record_copy (&current);
  step->after = bl_claim_record_copy (record);
  step->position = index;
  bl_history_do_step (self, step);

  return TRUE;
}

/* Other claims' relations to @claim_id go, each claim one step. */
static void
drop_relations_to (BlHistory  *self,
                   const char *claim_id,
                   const char *label)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  guint n_claims = bl_claim_store_get_n_claims (store);

  for (guint i = 0; i < n_claims; i++)
    {
      BlClaimRecord r;
      g_autoptr(GArray) kept = NULL;

      bl_claim_store_get_record (store, i, &r);
      for (guint k = 0; k < r.n_relations; k++)
        if (g_strcmp0 (r.relations[k].claim_id, claim_id) == 0 && kept == NULL)
          kept = g_array_new (FALSE, FALSE, sizeof (BlRelation));
      if (kept == NULL || g_strcmp0 (r.id, claim_id) == 0)
        continue;

      for (guint k = 0; k < r.n_relations; k++)
        if (g_strcmp0 (r.relations[k].claim_id, claim_id) != 0)
          g_array_append_val (kept, r.relations[k]);
      r.relations = kept->len > 0 ? (const BlRelation *) kept->data : NULL;
      r.n_relations = kept->len;
      bl_history_replace_claim (self, &r, label);
    }
}

/**
 * bl_history_remove_claim:
 * @claim_id: the claim to remove
 * @label: what the step is called ("Delete Claim")
 *
 * Removes a claim, and the relations other claims have to it (a file
 * naming a claim that is not there does not load), as one step.
 *
 * Returns: %FALSE when no claim has that id
 */
gboolean
bl_history_remove_claim (BlHistory  *self,
                         const char *claim_id,
                         const char *label)
{
  BlClaimStore *store;
  BlClaimRecord current;
  Step *step;
  guint index;

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);

  store = bl_project_get_claims (self->project);
  index = bl_claim_store_lookup (store, claim_id);
  if (index == BL_NO_INDEX)
    return FALSE;

  bl_history_begin_group (self, label);
  drop_relations_to (self, claim_id, label);

  /* the store may have moved: look again */
  index = bl_claim_store_lookup (store, claim_id);
  step = bl_history_step_new (STEP_CLAIM, label);
  bl_claim_store_get_record (store, index, &current);
  step->before = bl_claim_record_copy (&current);
  step->position = index;
  bl_history_do_step (self, step);

  bl_history_end_group (self);

  return TRUE;
}

/**
 * bl_history_set_property:
 * @object: an actor, source, topic or the project
 * @property: the property to change
 * @value: its new value
 * @label: what the step is called ("Rename Actor")
 *
 * Changes one property; nothing is recorded when the value is the same.
 */
void
bl_history_set_property (BlHistory    *self,
                         GObject      *object,
                         const char   *property,
                         const GValue *value,
                         const char   *label)
{
  GParamSpec *pspec;
  Step *step;

  g_return_if_fail (BL_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (value != NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);

  step = bl_history_step_new (STEP_PROPERTY, label);
  step->object = g_object_ref (object);
  step->property = g_strdup (pspec->name);
  g_value_init (&step->old_value, pspec->value_type);
  g_value_init (&step->new_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &step->old_value);
  g_value_copy (value, &step->new_value);

  if (g_param_values_cmp (pspec, &step->old_value, &step->new_value) == 0)
    {
      step_free (step);
      return;
    }

  bl_history_do_step (self, step);
}

static guint
add_entity (BlHistory    *self,
            BlEntityKind  kind,
            GObject      *object,
            const char   *id,
            const char   *label)
{
  GListModel *entities = bl_project_get_entities (self->project, kind);
  guint index = g_list_model_get_n_items (entities);
  Step *step;

  if (id == NULL || (kind == BL_ENTITY_ACTOR ? bl_project_find_actor (self->project, id)
                     : kind == BL_ENTITY_SOURCE ? bl_project_find_source (self->project, id)
                     : bl_project_find_topic (self->project, id)) != BL_NO_INDEX)
    return BL_NO_INDEX;

  step = bl_history_step_new (STEP_ENTITY, label);
  step->object = g_object_ref (object);
  step->entity_kind = kind;
  step->position = index;
  step->present_after = TRUE;
  bl_history_do_step (self, step);

  return index;
}

/**
 * bl_history_add_actor:
 *
 * Returns: the actor's position, or %BL_NO_INDEX if its id is taken
 */
guint
bl_history_add_actor (BlHistory  *self,
                      BlActor    *actor,
                      const char *label)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), BL_NO_INDEX);
  g_return_val_if_fail (BL_IS_ACTOR (actor), BL_NO_INDEX);

  return add_entity (self, BL_ENTITY_ACTOR, G_OBJECT (actor), bl_actor_get_id (actor), label);
}

/**
 * bl_history_add_source:
 *
 * Returns: the source's position, or %BL_NO_INDEX if its id is taken
 */
guint
bl_history_add_source (BlHistory  *self,
                       BlSource   *source,
                       const char *label)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), BL_NO_INDEX);
  g_return_val_if_fail (BL_IS_SOURCE (source), BL_NO_INDEX);

  return add_entity (self, BL_ENTITY_SOURCE, G_OBJECT (source), bl_source_get_id (source), label);
}

/**
 * bl_history_add_topic:
 *
 * Returns: the topic's position, or %BL_NO_INDEX if its id is taken
 */
guint
bl_history_add_topic (BlHistory  *self,
                      BlTopic    *topic,
                      const char *label)
{
  g_return_val_if_fail (BL_IS_HISTORY (self), BL_NO_INDEX);
  g_return_val_if_fail (BL_IS_TOPIC (topic), BL_NO_INDEX);

  return add_entity (self, BL_ENTITY_TOPIC, G_OBJECT (topic), bl_topic_get_id (topic), label);
}

/**
 * bl_history_add_annotation:
 * @annotation: copied; its id should be new
 */
void
bl_history_add_annotation (BlHistory          *self,
                           const BlAnnotation *annotation,
                           const char         *label)
{
  Step *step;

  g_return_if_fail (BL_IS_HISTORY (self));
  g_return_if_fail (annotation != NULL);

  step = bl_history_step_new (STEP_ANNOTATION, label);
  step->annotation_after = bl_annotation_copy (annotation);
  step->position = bl_project_get_annotations (self->project)->len;
  bl_history_do_step (self, step);
}

/**
 * bl_history_replace_annotation:
 * @annotation: the new content; its id says which annotation
 *
 * Returns: %FALSE when no annotation has that id
 */
gboolean
bl_history_replace_annotation (BlHistory          *self,
                               const BlAnnotation *annotation,
                               const char         *label)
{
  Step *step;
  guint index;

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (annotation != NULL, FALSE);

  index = find_annotation (self, annotation->id);
  if (index == BL_NO_INDEX)
    return FALSE;

  step = bl_history_step_new (STEP_ANNOTATION, label);
  step->annotation_before = bl_annotation_copy (g_ptr_array_index (bl_project_get_annotations (self->project), index));
  step->annotation_after = bl_annotation_copy (annotation);
  step->position = index;
  bl_history_do_step (self, step);

  return TRUE;
}

/**
 * bl_history_remove_annotation:
 *
 * Returns: %FALSE when no annotation has that id
 */
gboolean
bl_history_remove_annotation (BlHistory  *self,
                              const char *annotation_id,
                              const char *label)
{
  Step *step;
  guint index;

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);

  index = find_annotation (self, annotation_id);
  if (index == BL_NO_INDEX)
    return FALSE;

  step = bl_history_step_new (STEP_ANNOTATION, label);
  step->annotation_before = bl_annotation_copy (g_ptr_array_index (bl_project_get_annotations (self->project), index));
  step->position = index;
  bl_history_do_step (self, step);

  return TRUE;
}

/* }}} */

/**
 * bl_history_add_view:
 * @view: copied, and added after the project's other views
 *
 * Returns: where the view is in bl_project_get_views()
 */
guint
bl_history_add_view (BlHistory    *self,
                     const BlView *view,
                     const char   *label)
{
  GPtrArray *views;
  guint position;
  Step *step;

  g_return_val_if_fail (BL_IS_HISTORY (self), BL_NO_INDEX);
  g_return_val_if_fail (view != NULL, BL_NO_INDEX);

  views = bl_project_get_views (self->project);
  position = views->len;
  step = bl_history_step_new (STEP_VIEW, label);
  step->view_after = bl_view_copy (view);
  step->position = position;
  bl_history_do_step (self, step);

  return position;
}

/**
 * bl_history_replace_view:
 * @index: which of bl_project_get_views()
 * @view: the new content, copied
 *
 * Returns: %FALSE when there is no view at @index or it already is @view
 */
gboolean
bl_history_replace_view (BlHistory    *self,
                         guint         index,
                         const BlView *view,
                         const char   *label)
{
  GPtrArray *views;
  Step *step;

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  views = bl_project_get_views (self->project);
  if (index >= views->len || bl_view_equal (g_ptr_array_index (views, index), view))
    return FALSE;

  step = bl_history_step_new (STEP_VIEW, label);
  step->view_before = bl_view_copy (g_ptr_array_index (views, index));
  step->view_after = bl_view_copy (view);
  step->position = index;
  bl_history_do_step (self, step);

  return TRUE;
}

/**
 * bl_history_remove_view:
 * @index: which of bl_project_get_views()
 *
 * Returns: %FALSE when there is no view at @index
 */
gboolean
bl_history_remove_view (BlHistory  *self,
                        guint       index,
                        const char *label)
{
  GPtrArray *views;
  Step *step;

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);

  views = bl_project_get_views (self->project);
  if (index >= views->len)
    return FALSE;

  step = bl_history_step_new (STEP_VIEW, label);
  step->view_before = bl_view_copy (g_ptr_array_index (views, index));
  step->position = index;
  bl_history_do_step (self, step);

  return TRUE;
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
  group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
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
      step_free (group);
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
