/* bl-project.c — a Borderline project: claims with their provenance
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlProject is the data: actors, sources and topics (few, as objects in
 * list models), the claims (many, in a BlClaimStore), the analyst's map
 * annotations and saved views. It knows nothing of files (see
 * bl-project-io.c) or of windows.
 *
 * A project belongs to the thread that made it (the main thread, in the
 * application). bl_project_snapshot() gives another thread something to
 * read: an unchanging copy, made in constant time for the claims.
 */
#include "config.h"

#include <math.h>

#include "bl-history.h"

#include "bl-project.h"
#include "bl-claim-store-private.h"
#include "bl-util.h"

struct _BlProject
{
  GObject       parent_instance;

  char         *title;
  char         *description;

  GListStore   *actors;
  GListStore   *sources;
  GListStore   *topics;
  BlClaimStore *claims;
  GPtrArray    *annotations;
  GPtrArray    *views;

  /* id → position + 1, one table per list */
  GHashTable   *actor_ids;
  GHashTable   *source_ids;
  GHashTable   *topic_ids;
};

G_DEFINE_FINAL_TYPE (BlProject, bl_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
bl_annotation_free (BlAnnotation *annotation)
{
  if (annotation == NULL)
    return;

  g_free (annotation->id);
  g_free (annotation->text);
  g_free (annotation->points);
  g_free (annotation->color);
  g_free (annotation);
}

/**
 * bl_view_new:
 * @name: the view's name
 *
 * Returns: (transfer full): a view with every other field unset
 */
BlView *
bl_view_new (const char *name)
{
  BlView *view = g_new0 (BlView, 1);

  view->name = g_strdup (name);
  view->west = view->south = view->east = view->north = NAN;
  bl_date_init_unknown (&view->from);
  bl_date_init_unknown (&view->to);
  bl_date_init_unknown (&view->shown_from);
  bl_date_init_unknown (&view->shown_to);
  view->clock = BL_CLOCK_SAID;
  view->lanes = BL_VIEW_NO_LANES;
  return view;
}

/**
 * bl_view_copy:
 *
 * Returns: (transfer full): a copy of @view
 */
BlView *
bl_view_copy (const BlView *view)
{
  BlView *copy;

  g_return_val_if_fail (view != NULL, NULL);

  copy = g_memdup2 (view, sizeof *view);
  copy->name = g_strdup (view->name);
  copy->topic = g_strdup (view->topic);
  copy->text = g_strdup (view->text);
  return copy;
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/**
 * bl_view_equal:
 *
 * Returns: whether @a and @b hold the same fields
 */
gboolean
bl_view_equal (const BlView *a,
               const BlView *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_strcmp0 (a->name, b->name) == 0 &&
         same_double (a->west, b->west) && same_double (a->south, b->south) &&
         same_double (a->east, b->east) && same_double (a->north, b->north) &&
         bl_date_equal (&a->from, &b->from) && bl_date_equal (&a->to, &b->to) &&
         a->clock == b->clock && !a->cumulative == !b->cumulative && a->lanes == b->lanes &&
         bl_date_equal (&a->shown_from, &b->shown_from) && bl_date_equal (&a->shown_to, &b->shown_to) &&
         g_strcmp0 (a->topic, b->topic) == 0 && g_strcmp0 (a->text, b->text) == 0 &&
         !a->is_default == !b->is_default;
}

void
bl_view_free (BlView *view)
{
  if (view == NULL)
    return;

  g_free (view->name);
  g_free (view->topic);
  g_free (view->text);
  g_free (view);
}

static guint
add_with_id (GListStore *store,
             GHashTable *ids,
             gpointer    item,
             const char *id)
{
  guint position;

  if (g_hash_table_contains (ids, id))
    return BL_NO_INDEX;

  position = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_list_store_append (store, item);
  /* the id string is owned by the item, which the store keeps alive */
  g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (position + 1));

  return position;
}

static guint
find_id (GHashTable *ids,
         const char *id)
{
  gpointer value = id ? g_hash_table_lookup (ids, id) : NULL;

  return value ? GPOINTER_TO_UINT (value) - 1 : BL_NO_INDEX;
}

static void
bl_project_finalize (GObject *object)
{
  BlProject *self = (BlProject *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->actor_ids, g_hash_table_unref);
  g_clear_pointer (&self->source_ids, g_hash_table_unref);
  g_clear_pointer (&self->topic_ids, g_hash_table_unref);
  g_clear_object (&self->actors);
  g_clear_object (&self->sources);
  g_clear_object (&self->topics);
  g_clear_object (&self->claims);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->views, g_ptr_array_unref);

  G_OBJECT_CLASS (bl_project_parent_class)->finalize (object);
}

static void
bl_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BlProject *self = BL_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BlProject *self = BL_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      bl_project_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      bl_project_set_description (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_project_class_init (BlProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_project_finalize;
  object_class->get_property = bl_project_get_property;
  object_class->set_property = bl_project_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "The project's title",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, "What the project collects, and why",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bl_project_init (BlProject *self)
{
  self->actors = g_list_store_new (BL_TYPE_ACTOR);
  self->sources = g_list_store_new (BL_TYPE_SOURCE);
  self->topics = g_list_store_new (BL_TYPE_TOPIC);
  self->claims = bl_claim_store_new ();
  self->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_annotation_free);
  self->views = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_view_free);
  self->actor_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->topic_ids = g_hash_table_new (g_str_hash, g_str_equal);
}

BlProject *
bl_project_new (void)
{
  return g_object_new (BL_TYPE_PROJECT, NULL);
}

const char *
bl_project_get_title (BlProject *self)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);
  return self->title;
}

void
bl_project_set_title (BlProject  *self,
                      const char *title)
{
  g_return_if_fail (BL_IS_PROJECT (self));

  if (bl_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
bl_project_get_description (BlProject *self)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);
  return self->description;
}

void
bl_project_set_description (BlProject  *self,
                            const char *description)
{
  g_return_if_fail (BL_IS_PROJECT (self));

  if (bl_set_str (&self->description, description))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

/**
 * bl_project_get_actors:
 *
 * Returns: (transfer none): a #GListModel of #BlActor
 */
GListModel *
bl_project_get_actors (BlProject *self)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->actors);
}

/**
 * bl_project_get_sources:
 *
 * Returns: (transfer none): a #GListModel of #BlSource
 */
GListModel *
bl_project_get_sources (BlProject *self)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->sources);
}

/**
 * bl_project_get_topics:
 *
 * Returns: (transfer none): a #GListModel of #BlTopic
 */
GListModel *
bl_project_get_topics (BlProject *self)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->topics);
}

/**
 * bl_project_get_claims:
 *
 * Returns: (transfer none): the claims
 */
BlClaimStore *
bl_project_get_claims (BlProject *self)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);
  return self->claims;
}

/**
 * bl_project_get_annotations:
 *
 * Returns: (transfer none) (element-type BlAnnotation): the annotations
 */
GPtrArray *
bl_project_get_annotations (BlProject *self)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);
  return self->annotations;
}

/**
 * bl_project_get_views:
 *
 * Returns: (transfer none) (element-type BlView): the saved views
 */
GPtrArray *
bl_project_get_views (BlProject *self)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);
  return self->views;
}

/**
 * bl_project_add_actor:
 *
 * Returns: the actor's position, or %BL_NO_INDEX if its id is taken
 */
guint
bl_project_add_actor (BlProject *self,
                      BlActor   *actor)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), BL_NO_INDEX);
  g_return_val_if_fail (BL_IS_ACTOR (actor), BL_NO_INDEX);

  return add_with_id (self->actors, self->actor_ids, actor, bl_actor_get_id (actor));
}

/**
 * bl_project_add_source:
 *
 * Returns: the source's position, or %BL_NO_INDEX if its id is taken
 */
guint
bl_project_add_source (BlProject *self,
                       BlSource  *source)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), BL_NO_INDEX);
  g_return_val_if_fail (BL_IS_SOURCE (source), BL_NO_INDEX);

  return add_with_id (self->sources, self->source_ids, source, bl_source_get_id (source));
}

/**
 * bl_project_add_topic:
 *
 * Returns: the topic's position, or %BL_NO_INDEX if its id is taken
 */
guint
bl_project_add_topic (BlProject *self,
                      BlTopic   *topic)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), BL_NO_INDEX);
  g_return_val_if_fail (BL_IS_TOPIC (topic), BL_NO_INDEX);

  return add_with_id (self->topics, self->topic_ids, topic, bl_topic_get_id (topic));
}

/**
 * bl_project_get_actor:
 *
 * Returns: (transfer none) (nullable): the actor at @index
 */
BlActor *
bl_project_get_actor (BlProject *self,
                      guint      index)
{
  g_autoptr(BlActor) actor = NULL;

  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);

  actor = g_list_model_get_item (G_LIST_MODEL (self->actors), index);
  return actor; /* the store keeps it alive */
}

/**
 * bl_project_get_source:
 *
 * Returns: (transfer none) (nullable): the source at @index
 */
BlSource *
bl_project_get_source (BlProject *self,
                       guint      index)
{
  g_autoptr(BlSource) source = NULL;

  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);

  source = g_list_model_get_item (G_LIST_MODEL (self->sources), index);
  return source;
}

/**
 * bl_project_get_topic:
 *
 * Returns: (transfer none) (nullable): the topic at @index
 */
BlTopic *
bl_project_get_topic (BlProject *self,
                      guint      index)
{
  g_autoptr(BlTopic) topic = NULL;

  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);

  topic = g_list_model_get_item (G_LIST_MODEL (self->topics), index);
  return topic;
}

guint
bl_project_find_actor (BlProject  *self,
                       const char *id)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), BL_NO_INDEX);
  return find_id (self->actor_ids, id);
}

guint
bl_project_find_source (BlProject  *self,
                        const char *id)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), BL_NO_INDEX);
  return find_id (self->source_ids, id);
}

guint
bl_project_find_topic (BlProject  *self,
                       const char *id)
{
  g_return_val_if_fail (BL_IS_PROJECT (self), BL_NO_INDEX);
  return find_id (self->topic_ids, id);
}

/* Removing and inserting in the middle {{{ */

static GListStore *
entity_store (BlProject    *self,
              BlEntityKind  kind,
              GHashTable  **ids)
{
  switch (kind)
    {
    case BL_ENTITY_ACTOR:
      *ids = self->actor_ids;
      return self->actors;
    case BL_ENTITY_SOURCE:
      *ids = self->source_ids;
      return self->sources;
    case BL_ENTITY_TOPIC:
    default:
      *ids = self->topic_ids;
      return self->topics;
    }
}

static const char *
entity_id (gpointer entity)
{
  return BL_IS_ACTOR (entity) ? bl_actor_get_id (entity)
       : BL_IS_SOURCE (entity) ? bl_source_get_id (entity)
       : bl_topic_get_id (entity);
}

/* Positions after a change in the middle of a list all move. */
static void
reindex (GListStore *store,
         GHashTable *ids)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  g_hash_table_remove_all (ids);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_hash_table_insert (ids, (gpointer) entity_id (item), GUINT_TO_POINTER (i + 1));
    }
}

/**
 * bl_project_get_entities:
 * @kind: which list
 *
 * Returns: (transfer none): the actors, sources or topics
 */
GListModel *
bl_project_get_entities (BlProject    *self,
                         BlEntityKind  kind)
{
  GHashTable *ids;

  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);
  g_return_val_if_fail (kind < BL_N_ENTITY_KINDS, NULL);

  return G_LIST_MODEL (entity_store (self, kind, &ids));
}

/**
 * bl_project_count_entity_uses:
 * @kind: which list
 * @index: the entity's position
 *
 * Returns: how many claims name the entity at @index
 */
guint
bl_project_count_entity_uses (BlProject    *self,
                              BlEntityKind  kind,
                              guint         index)
{
  guint n_claims, count = 0;
  const guint32 *refs;

  g_return_val_if_fail (BL_IS_PROJECT (self), 0);
  g_return_val_if_fail (kind < BL_N_ENTITY_KINDS, 0);

  n_claims = bl_claim_store_get_n_claims (self->claims);
  refs = kind == BL_ENTITY_ACTOR ? bl_claim_store_get_actors (self->claims)
       : kind == BL_ENTITY_SOURCE ? bl_claim_store_get_sources (self->claims)
       : bl_claim_store_get_topics (self->claims);
  for (guint i = 0; i < n_claims; i++)
    if (refs[i] == index)
      count++;

  return count;
}

/* Whatever else names the entity by id: another source republishing this
 * one, a saved view showing this topic. */
static gboolean
named_elsewhere (BlProject    *self,
                 BlEntityKind  kind,
                 const char   *id)
{
  if (kind == BL_ENTITY_SOURCE)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

      for (guint i = 0; i < n; i++)
        if (g_strcmp0 (bl_source_get_origin (bl_project_get_source (self, i)), id) == 0)
          return TRUE;
    }
  else if (kind == BL_ENTITY_TOPIC)
    {
      for (guint i = 0; i < self->views->len; i++)
        if (g_strcmp0 (((BlView *) g_ptr_array_index (self->views, i))->topic, id) == 0)
          return TRUE;
    }

  return FALSE;
}

/**
 * bl_project_remove_entity_at:
 * @kind: which list
 * @index: the entity's position
 *
 * Takes an entity out of the middle of its list. Every claim that names
 * an entity after it is renumbered to follow. Only an entity that nothing
 * names can go: no claim, no source republishing it (for a source), no
 * saved view (for a topic). bl_history_remove_entity() makes it unused
 * first, as the user chose, and keeps the step undoable.
 *
 * Returns: (transfer full) (nullable): the entity removed, or %NULL when
 *   there is none at @index or something still names it
 */
GObject *
bl_project_remove_entity_at (BlProject    *self,
                             BlEntityKind  kind,
                             guint         index)
{
  g_autoptr(GObject) entity = NULL;
  GListStore *store;
  GHashTable *ids;

  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);
  g_return_val_if_fail (kind < BL_N_ENTITY_KINDS, NULL);

  store = entity_store (self, kind, &ids);
  entity = g_list_model_get_item (G_LIST_MODEL (store), index);
  if (entity == NULL)
    return NULL;
  if (bl_project_count_entity_uses (self, kind, index) > 0 ||
      named_elsewhere (self, kind, entity_id (entity)))
    return NULL;

  /* the claims first, so that whoever the list tells sees them right */
  bl_claim_store_shift_references (self->claims, kind, index, FALSE);
  g_hash_table_remove (ids, entity_id (entity));
  g_list_store_remove (store, index);
  reindex (store, ids);

  return g_steal_pointer (&entity);
}

/**
 * bl_project_insert_entity_at:
 * @kind: which list
 * @index: the position it takes, at most the length of the list
 * @entity: a #BlActor, #BlSource or #BlTopic, as @kind says
 *
 * Puts an entity back in the middle of its list (undoing
 * bl_project_remove_entity_at()): the claims naming the entities from
 * @index on are renumbered to follow them.
 *
 * Returns: %FALSE when @entity's id is taken or @index is past the end
 */
gboolean
bl_project_insert_entity_at (BlProject    *self,
                             BlEntityKind  kind,
                             guint         index,
                             GObject      *entity)
{
  GListStore *store;
  GHashTable *ids;

  g_return_val_if_fail (BL_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (kind < BL_N_ENTITY_KINDS, FALSE);
  g_return_val_if_fail (kind == BL_ENTITY_ACTOR ? BL_IS_ACTOR (entity)
                        : kind == BL_ENTITY_SOURCE ? BL_IS_SOURCE (entity)
                        : BL_IS_TOPIC (entity), FALSE);

  store = entity_store (self, kind, &ids);
  if (index > g_list_model_get_n_items (G_LIST_MODEL (store)) ||
      g_hash_table_contains (ids, entity_id (entity)))
    return FALSE;

  bl_claim_store_shift_references (self->claims, kind, index, TRUE);
  g_list_store_insert (store, index, entity);
  reindex (store, ids);

  return TRUE;
}

/* }}} */

/* Snapshot {{{ */

/* A new object with the same values of every property that can be set. */
static gpointer
copy_object (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree const char **names = NULL;
  g_autofree GValue *values = NULL;
  guint n_pspecs, n = 0;
  GObject *copy;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  names = g_new0 (const char *, n_pspecs);
  values = g_new0 (GValue, n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamFlags flags = pspecs[i]->flags;

      if ((flags & G_PARAM_READABLE) && (flags & G_PARAM_WRITABLE))
        {
          names[n] = pspecs[i]->name;
          g_value_init (&values[n], pspecs[i]->value_type);
          g_object_get_property (object, pspecs[i]->name, &values[n]);
          n++;
        }
    }

  copy = g_object_new_with_properties (G_OBJECT_TYPE (object), n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return copy;
}

static void
copy_list (GListStore *from,
           GListStore *to,
           GHashTable *ids)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (from));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (from), i);
      g_autoptr(GObject) copy = copy_object (item);

      add_with_id (to, ids, copy, entity_id (copy));
    }
}

/**
 * bl_project_snapshot:
 *
 * A copy of the project as it is now, for another thread to read (to save
 * it, for instance) while this one goes on changing @self. The claims are
 * a bl_claim_store_snapshot(), taken in constant time; actors, sources,
 * topics, annotations and views (few) are copied. Nothing in the snapshot
 * is shared with @self, so later changes to @self never reach it.
 *
 * Call it on the thread that changes @self; read the snapshot on one
 * thread at a time, and do not change it.
 *
 * Returns: (transfer full): the snapshot
 */
BlProject *
bl_project_snapshot (BlProject *self)
{
  BlProject *snapshot;

  g_return_val_if_fail (BL_IS_PROJECT (self), NULL);

  snapshot = bl_project_new ();
  snapshot->title = g_strdup (self->title);
  snapshot->description = g_strdup (self->description);
  copy_list (self->actors, snapshot->actors, snapshot->actor_ids);
  copy_list (self->sources, snapshot->sources, snapshot->source_ids);
  copy_list (self->topics, snapshot->topics, snapshot->topic_ids);

  g_object_unref (snapshot->claims);
  snapshot->claims = bl_claim_store_snapshot (self->claims);

  for (guint i = 0; i < self->annotations->len; i++)
    g_ptr_array_add (snapshot->annotations, bl_annotation_copy (g_ptr_array_index (self->annotations, i)));
  for (guint i = 0; i < self->views->len; i++)
    g_ptr_array_add (snapshot->views, bl_view_copy (g_ptr_array_index (self->views, i)));

  return snapshot;
}

/* }}} */
