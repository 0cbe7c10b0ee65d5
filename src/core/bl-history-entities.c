/* bl-history-entities.c — deleting claimants, sources and topics, undoably
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Claims name their claimant, source and topic by position in the
 * project's lists; sources name the source they republish, and saved
 * views their topic, by id. Taking an entity out of the middle of a list
 * means first making it unused (its claims given to another entity, as a
 * merge does, or deleted), then removing it, when the project renumbers
 * the claims after it. All of it is one step of the history, built from
 * the history's own steps, so that undo puts every reference back.
 */
#include "config.h"

#include "bl-history.h"
#include "bl-history-private.h"

static const char *
entity_get_id (GObject *entity)
{
  return BL_IS_ACTOR (entity) ? bl_actor_get_id (BL_ACTOR (entity))
       : BL_IS_SOURCE (entity) ? bl_source_get_id (BL_SOURCE (entity))
       : bl_topic_get_id (BL_TOPIC (entity));
}

static const guint32 *
claim_refs (BlClaimStore *store,
            BlEntityKind  kind)
{
  return kind == BL_ENTITY_ACTOR ? bl_claim_store_get_actors (store)
       : kind == BL_ENTITY_SOURCE ? bl_claim_store_get_sources (store)
       : bl_claim_store_get_topics (store);
}

/* Sources republishing the entity, views showing it: they name @to_id
 * instead (%NULL: nothing). */
static void
rename_other_references (BlHistory    *self,
                         BlEntityKind  kind,
                         const char   *from_id,
                         const char   *to_id,
                         const char   *label)
{
  if (kind == BL_ENTITY_SOURCE)
    {
      GListModel *sources = bl_project_get_sources (bl_history_get_project (self));
      guint n = g_list_model_get_n_items (sources);

      for (guint i = 0; i < n; i++)
        {
          BlSource *source = bl_project_get_source (bl_history_get_project (self), i);

          if (g_strcmp0 (bl_source_get_origin (source), from_id) == 0)
            {
              g_auto(GValue) value = G_VALUE_INIT;

              /* a source does not republish itself */
              g_value_init (&value, G_TYPE_STRING);
              g_value_set_string (&value, g_strcmp0 (bl_source_get_id (source), to_id) != 0 ? to_id : NULL);
              bl_history_set_property (self, G_OBJECT (source), "origin", &value, label);
            }
        }
    }
  else if (kind == BL_ENTITY_TOPIC)
    {
      GPtrArray *views = bl_project_get_views (bl_history_get_project (self));

      for (guint i = 0; i < views->len; i++)
        {
          BlView *view = g_ptr_array_index (views, i);
          Step *step;

          if (g_strcmp0 (view->topic, from_id) != 0)
            continue;

          step = bl_history_step_new (STEP_VIEW_TOPIC, label);
          step->position = i;
          g_value_init (&step->old_value, G_TYPE_STRING);
          g_value_init (&step->new_value, G_TYPE_STRING);
          g_value_set_string (&step->old_value, view->topic);
          g_value_set_string (&step->new_value, to_id);
          bl_history_do_step (self, step);
        }
    }
}

/**
 * bl_history_reassign_entity:
 * @kind: which list
 * @from: the entity whose uses move
 * @to: the entity that takes them over
 * @label: what the steps are called ("Merge Claimants")
 *
 * Makes every claim that names @from name @to instead; for a source,
 * every source republishing @from republishes @to; for a topic, every
 * saved view showing @from shows @to. Each change is a step: call it
 * inside a group.
 *
 * Returns: how many claims changed
 */
guint
bl_history_reassign_entity (BlHistory    *self,
                            BlEntityKind  kind,
                            guint         from,
                            guint         to,
                            const char   *label)
{
  GListModel *entities;
  BlClaimStore *store;
  g_autoptr(GObject) from_entity = NULL;
  g_autoptr(GObject) to_entity = NULL;
  guint n_claims, n_changed = 0;

  g_return_val_if_fail (BL_IS_HISTORY (self), 0);
  g_return_val_if_fail (kind < BL_N_ENTITY_KINDS, 0);

  entities = bl_project_get_entities (bl_history_get_project (self), kind);
  from_entity = g_list_model_get_item (entities, from);
  to_entity = g_list_model_get_item (entities, to);
  g_return_val_if_fail (from_entity != NULL && to_entity != NULL, 0);
  if (from == to)
    return 0;

  store = bl_project_get_claims (bl_history_get_project (self));
  n_claims = bl_claim_store_get_n_claims (store);
  for (guint i = 0; i < n_claims; i++)
    {
      BlClaimRecord r;

      /* the hot arrays move when the store changes: fetch them again */
      if (claim_refs (store, kind)[i] != from)
        continue;

      bl_claim_store_get_record (store, i, &r);
      if (kind == BL_ENTITY_ACTOR)
        r.actor = to;
      else if (kind == BL_ENTITY_SOURCE)
        r.source = to;
      else
        r.topic = to;
      if (bl_history_replace_claim (self, &r, label))
        n_changed++;
    }

  rename_other_references (self, kind, entity_get_id (from_entity), entity_get_id (to_entity), label);

  return n_changed;
}

/**
 * bl_history_remove_entity:
 * @kind: which list
 * @index: the claimant, source or topic to delete
 * @replacement: an entity to take over its claims, or %BL_NO_INDEX
 * @with_claims: with no @replacement, delete the claims that name it too
 * @label: what the step is called ("Delete Claimant “X”")
 *
 * Deletes an entity as one undo step. Claims that name it name
 * @replacement instead (as a merge would), or, when @with_claims, go with
 * it; with neither, an entity that claims name is not deleted. Sources
 * republishing a deleted source, and saved views showing a deleted topic,
 * name the replacement, or nothing. The entities after it move up one
 * place and every claim follows them. Undo puts it all back as it was.
 *
 * Returns: %FALSE, with nothing changed, when there is no entity at
 *   @index, @replacement is @index or no entity, or claims name it and
 *   neither a replacement nor @with_claims was given
 */
gboolean
bl_history_remove_entity (BlHistory    *self,
                          BlEntityKind  kind,
                          guint         index,
                          guint         replacement,
                          gboolean      with_claims,
                          const char   *label)
{
  GListModel *entities;
  g_autoptr(GObject) entity = NULL;
  BlClaimStore *store;
  guint n_uses;
  Step *step;

  g_return_val_if_fail (BL_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (kind < BL_N_ENTITY_KINDS, FALSE);

  entities = bl_project_get_entities (bl_history_get_project (self), kind);
  entity = g_list_model_get_item (entities, index);
  if (entity == NULL)
    return FALSE;
  if (replacement != BL_NO_INDEX &&
      (replacement == index || replacement >= g_list_model_get_n_items (entities)))
    return FALSE;

  n_uses = bl_project_count_entity_uses (bl_history_get_project (self), kind, index);
  if (n_uses > 0 && replacement == BL_NO_INDEX && !with_claims)
    return FALSE;

  bl_history_begin_group (self, label);

  store = bl_project_get_claims (bl_history_get_project (self));
  if (replacement != BL_NO_INDEX)
    bl_history_reassign_entity (self, kind, index, replacement, label);
  else
    {
      /* from the end: removing a claim moves only the ones after it */
      for (guint i = bl_claim_store_get_n_claims (store); n_uses > 0 && i > 0; i--)
        if (claim_refs (store, kind)[i - 1] == index)
          bl_history_remove_claim (self, bl_claim_store_get_id (store, i - 1), label);
      rename_other_references (self, kind, entity_get_id (entity), NULL, label);
    }

  step = bl_history_step_new (STEP_ENTITY, label);
  step->object = g_object_ref (entity);
  step->entity_kind = kind;
  step->position = index;
  step->present_after = FALSE;
  bl_history_do_step (self, step);

  bl_history_end_group (self);

  return TRUE;
}
