/* bl-history-changes.c — the changes BlHistory makes: claims, properties,
 * entities added, annotations, saved views
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each change here builds one step (see bl-history-private.h) with full
 * copies of what it replaces and hands it to bl_history_do_step(), which
 * makes it with the same code that redoes it.
 */
#include "config.h"

#include "bl-history.h"
#include "bl-history-private.h"

/* Changes {{{ */

/* Makes one claim step at @position: the claim there now, if any, is
 * what was before; a copy of @after (%NULL: the claim goes) what is
 * after. Both are copied before anything changes: @after may point into
 * the store. */
static void
do_claim_step (BlHistory           *self,
               guint                position,
               const BlClaimRecord *after,
               const char          *label)
{
  BlClaimStore *store = bl_project_get_claims (bl_history_get_project (self));
  Step *step = bl_history_step_new (STEP_CLAIM, label);

  if (position < bl_claim_store_get_n_claims (store))
    {
      BlClaimRecord current;

      bl_claim_store_get_record (store, position, &current);
      step->before = bl_claim_record_copy (&current);
    }
  if (after != NULL)
    step->after = bl_claim_record_copy (after);
  step->position = position;
  bl_history_do_step (self, step);
}

/* The same for the annotation at @position. */
static void
do_annotation_step (BlHistory          *self,
                    guint               position,
                    const BlAnnotation *after,
                    const char         *label)
{
  GPtrArray *annotations = bl_project_get_annotations (bl_history_get_project (self));
  Step *step = bl_history_step_new (STEP_ANNOTATION, label);

  if (position < annotations->len)
    step->annotation_before = bl_annotation_copy (g_ptr_array_index (annotations, position));
  if (after != NULL)
    step->annotation_after = bl_annotation_copy (after);
  step->position = position;
  bl_history_do_step (self, step);
}

/* The same for the saved view at @position. */
static void
do_view_step (BlHistory    *self,
              guint         position,
              const BlView *after,
              const char   *label)
{
  GPtrArray *views = bl_project_get_views (bl_history_get_project (self));
  Step *step = bl_history_step_new (STEP_VIEW, label);

  if (position < views->len)
    step->view_before = bl_view_copy (g_ptr_array_index (views, position));
  if (after != NULL)
    step->view_after = bl_view_copy (after);
  step->position = position;
  bl_history_do_step (self, step);
}

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

  g_return_val_if_fail (BL_IS_HISTORY (self), BL_NO_INDEX);
  g_return_val_if_fail (record != NULL, BL_NO_INDEX);
  g_return_val_if_fail (record->id != NULL && record->id[0] != '\0', BL_NO_INDEX);

  store = bl_project_get_claims (bl_history_get_project (self));
  if (bl_claim_store_lookup (store, record->id) != BL_NO_INDEX)
    return BL_NO_INDEX;

  do_claim_step (self, bl_claim_store_get_n_claims (store), record, label);

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
  guint index;

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  index = bl_claim_store_lookup (bl_project_get_claims (bl_history_get_project (self)), record->id);
  if (index == BL_NO_INDEX)
    return FALSE;

  do_claim_step (self, index, record, label);

  return TRUE;
}

/* Other claims' relations to @claim_id go, each claim one step. */
static void
drop_relations_to (BlHistory  *self,
                   const char *claim_id,
                   const char *label)
{
  BlClaimStore *store = bl_project_get_claims (bl_history_get_project (self));
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

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);

  store = bl_project_get_claims (bl_history_get_project (self));
  if (bl_claim_store_lookup (store, claim_id) == BL_NO_INDEX)
    return FALSE;

  bl_history_begin_group (self, label);
  drop_relations_to (self, claim_id, label);

  /* the store may have moved: look again */
  do_claim_step (self, bl_claim_store_lookup (store, claim_id), NULL, label);

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
      bl_history_step_free (step);
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
  GListModel *entities = bl_project_get_entities (bl_history_get_project (self), kind);
  guint index = g_list_model_get_n_items (entities);
  Step *step;

  if (id == NULL || (kind == BL_ENTITY_ACTOR ? bl_project_find_actor (bl_history_get_project (self), id)
                     : kind == BL_ENTITY_SOURCE ? bl_project_find_source (bl_history_get_project (self), id)
                     : bl_project_find_topic (bl_history_get_project (self), id)) != BL_NO_INDEX)
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
  g_return_if_fail (BL_IS_HISTORY (self));
  g_return_if_fail (annotation != NULL);

  do_annotation_step (self, bl_project_get_annotations (bl_history_get_project (self))->len, annotation, label);
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
  guint index;

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (annotation != NULL, FALSE);

  index = bl_history_find_annotation (self, annotation->id);
  if (index == BL_NO_INDEX)
    return FALSE;

  do_annotation_step (self, index, annotation, label);

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
  guint index;

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);

  index = bl_history_find_annotation (self, annotation_id);
  if (index == BL_NO_INDEX)
    return FALSE;

  do_annotation_step (self, index, NULL, label);

  return TRUE;
}

/* }}} */

/* Saved views {{{ */

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
  guint position;

  g_return_val_if_fail (BL_IS_HISTORY (self), BL_NO_INDEX);
  g_return_val_if_fail (view != NULL, BL_NO_INDEX);

  position = bl_project_get_views (bl_history_get_project (self))->len;
  do_view_step (self, position, view, label);

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

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  views = bl_project_get_views (bl_history_get_project (self));
  if (index >= views->len || bl_view_equal (g_ptr_array_index (views, index), view))
    return FALSE;

  do_view_step (self, index, view, label);

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

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);

  views = bl_project_get_views (bl_history_get_project (self));
  if (index >= views->len)
    return FALSE;

  do_view_step (self, index, NULL, label);

  return TRUE;
}

/* }}} */
