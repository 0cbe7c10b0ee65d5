/* bl-project-writer.c — writing .borderline project files
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a project in its canonical form: members in a fixed order, empty
 * members left out, numbers in the C locale with the shortest text that
 * reads back to the same double. So load → save → load → save gives the
 * same bytes twice.
 *
 * The text goes into a GOutputStream as it is made, in chunks (see
 * bl-json-writer.c), so that saving a million claims holds one chunk in
 * memory, not the file; or into memory, for small uses (drafts, tests).
 * The ids of actors, sources and topics are fetched once per save into
 * arrays, not looked up in the list models for every claim.
 *
 * Files, atomic replacement and the async variants are in
 * bl-project-file.c.
 */
#include "config.h"

#include <math.h>

#include "bl-error.h"
#include "bl-json-writer.h"
#include "bl-project-io.h"
#include "bl-vocab.h"
#include "bl-time-lanes.h"

static const char * const annotation_kinds[BL_N_ANNOTATION_KINDS] = {
  "text", "arrow", "circle", "area"
};

static const char * const clock_names[BL_N_CLOCKS] = { "said", "about" };

static void
write_text (BlJsonWriter *w,
            const char   *member,
            const char   *value)
{
  if (value == NULL)
    return;

  bl_json_writer_member (w, member);
  bl_json_writer_string (w, value);
}

static void
write_date (BlJsonWriter *w,
            const char   *member,
            const BlDate *date)
{
  g_autofree char *text = NULL;

  if (bl_date_is_unknown (date))
    return;

  text = bl_date_to_string (date);
  write_text (w, member, text);
}

static void
write_strv (BlJsonWriter       *w,
            const char         *member,
            const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;

  bl_json_writer_member (w, member);
  bl_json_writer_begin_array (w);
  for (guint i = 0; strv[i] != NULL; i++)
    bl_json_writer_string (w, strv[i]);
  bl_json_writer_end_array (w);
}

static void
write_positions (BlJsonWriter *w,
                 const char   *member,
                 const double *coords,
                 guint         n)
{
  if (n == 0)
    return;

  bl_json_writer_member (w, member);
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      bl_json_writer_begin_array (w);
      bl_json_writer_double (w, coords[2 * i]);
      bl_json_writer_double (w, coords[2 * i + 1]);
      bl_json_writer_end_array (w);
    }
  bl_json_writer_end_array (w);
}

static void
write_reliability (BlJsonWriter *w,
                   guint         reliability)
{
  char letter[2] = { bl_reliability_to_letter (reliability), '\0' };

  if (reliability == BL_RELIABILITY_NONE)
    return;

  write_text (w, "reliability", letter);
}

/* Writes the members of one actor, source or topic (inside its object). */
typedef void (*WriteEntityFunc) (BlJsonWriter *w,
                                 gpointer      item);

/* Writes the items of @model as the array @member, one object each;
 * nothing when there are none. */
static void
write_entities (BlJsonWriter    *w,
                const char      *member,
                GListModel      *model,
                WriteEntityFunc  write_entity)
{
  guint n = g_list_model_get_n_items (model);

  if (n == 0)
    return;

  bl_json_writer_member (w, member);
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      bl_json_writer_begin_object (w);
      write_entity (w, item);
      bl_json_writer_end_object (w);
    }
  bl_json_writer_end_array (w);
}

static void
write_actor (BlJsonWriter *w,
             gpointer      item)
{
  BlActor *actor = item;

  write_text (w, "id", bl_actor_get_id (actor));
  write_text (w, "name", bl_actor_get_name (actor));
  write_text (w, "role", bl_actor_get_role (actor));
  write_text (w, "affiliation", bl_actor_get_affiliation (actor));
  if (bl_actor_get_kind (actor) != BL_ACTOR_OTHER)
    write_text (w, "kind", bl_actor_kind_to_string (bl_actor_get_kind (actor)));
  write_reliability (w, bl_actor_get_reliability (actor));
}

static void
write_source (BlJsonWriter *w,
              gpointer      item)
{
  BlSource *source = item;

  write_text (w, "id", bl_source_get_id (source));
  write_text (w, "name", bl_source_get_name (source));
  if (bl_source_get_kind (source) != BL_SOURCE_OTHER)
    write_text (w, "kind", bl_source_kind_to_string (bl_source_get_kind (source)));
  write_text (w, "url", bl_source_get_url (source));
  write_text (w, "published", bl_source_get_published (source));
  write_text (w, "retrieved", bl_source_get_retrieved (source));
  write_text (w, "language", bl_source_get_language (source));
  write_reliability (w, bl_source_get_reliability (source));
  write_text (w, "origin", bl_source_get_origin (source));
}

static void
write_topic (BlJsonWriter *w,
             gpointer      item)
{
  BlTopic *topic = item;

  write_text (w, "id", bl_topic_get_id (topic));
  write_text (w, "title", bl_topic_get_title (topic));
  write_text (w, "unit", bl_topic_get_unit (topic));
  write_text (w, "description", bl_topic_get_description (topic));
}

static void
write_quantity (BlJsonWriter     *w,
                const BlQuantity *q)
{
  bl_json_writer_member (w, "quantity");
  bl_json_writer_begin_object (w);

  if (!isnan (q->value))
    {
      bl_json_writer_member (w, "value");
      bl_json_writer_double (w, q->value);
    }
  if (!isnan (q->min))
    {
      bl_json_writer_member (w, "min");
      bl_json_writer_double (w, q->min);
    }
  if (!isnan (q->max) && !isinf (q->max))
    {
      bl_json_writer_member (w, "max");
      bl_json_writer_double (w, q->max);
    }
  if (q->qualifier != BL_QUANTITY_EXACT)
    write_text (w, "qualifier", bl_quantity_qualifier_to_string (q->qualifier));
  write_text (w, "unit", q->unit);
  write_text (w, "text", q->text);

  bl_json_writer_end_object (w);
}

/* The ids of the project's actors, sources and topics by index, fetched
 * once per save; borrowed from the project, which outlives them. */
typedef struct {
  GPtrArray *actors;
  GPtrArray *sources;
  GPtrArray *topics;
} Ids;

/* bl_*_get_id() with the type collect_ids() calls */
static const char *
actor_id (gpointer item)
{
  return bl_actor_get_id (item);
}

static const char *
source_id (gpointer item)
{
  return bl_source_get_id (item);
}

static const char *
topic_id (gpointer item)
{
  return bl_topic_get_id (item);
}

static GPtrArray *
collect_ids (GListModel  *model,
             const char *(*get_id) (gpointer item))
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *ids = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      /* the list keeps the item, and so its id, alive */
      g_ptr_array_add (ids, (gpointer) get_id (item));
    }

  return ids;
}

static void
ids_init (Ids       *ids,
          BlProject *project)
{
  ids->actors = collect_ids (bl_project_get_actors (project),
                             actor_id);
  ids->sources = collect_ids (bl_project_get_sources (project),
                              source_id);
  ids->topics = collect_ids (bl_project_get_topics (project),
                             topic_id);
}

static void
ids_clear (Ids *ids)
{
  g_clear_pointer (&ids->actors, g_ptr_array_unref);
  g_clear_pointer (&ids->sources, g_ptr_array_unref);
  g_clear_pointer (&ids->topics, g_ptr_array_unref);
}

static const char *
lookup_id (GPtrArray *ids,
           guint32    index)
{
  if (index >= ids->len)
    return NULL;

  return g_ptr_array_index (ids, index);
}

static void
write_claim (BlJsonWriter        *w,
             const Ids           *ids,
             const BlClaimRecord *r)
{
  gboolean has_point = !isnan (r->lat) && !isnan (r->lon);

  bl_json_writer_begin_object (w);
  write_text (w, "id", r->id);
  write_text (w, "statement", r->statement);
  write_text (w, "quote", r->quote);
  write_text (w, "claimant", lookup_id (ids->actors, r->actor));
  write_text (w, "source", lookup_id (ids->sources, r->source));
  write_date (w, "said-on", &r->said_on);
  write_date (w, "about", &r->about);
  write_text (w, "topic", lookup_id (ids->topics, r->topic));
  if (r->quantity != NULL)
    write_quantity (w, r->quantity);
  if (r->stance != BL_STANCE_ASSERTS)
    write_text (w, "stance", bl_stance_to_string (r->stance));

  if (has_point || r->areas || r->n_polygon > 0 || r->place ||
      r->precision != BL_PRECISION_UNKNOWN)
    {
      bl_json_writer_member (w, "location");
      bl_json_writer_begin_object (w);
      if (has_point)
        {
          bl_json_writer_member (w, "lat");
          bl_json_writer_double (w, r->lat);
          bl_json_writer_member (w, "lon");
          bl_json_writer_double (w, r->lon);
        }
      write_strv (w, "areas", r->areas);
      write_positions (w, "polygon", r->polygon, r->n_polygon);
      if (r->precision != BL_PRECISION_UNKNOWN)
        write_text (w, "precision", bl_precision_to_string (r->precision));
      write_text (w, "place", r->place);
      bl_json_writer_end_object (w);
    }

  if (r->credibility != BL_CREDIBILITY_NONE)
    {
      bl_json_writer_member (w, "credibility");
      bl_json_writer_int64 (w, r->credibility);
    }
  write_strv (w, "tags", r->tags);
  write_text (w, "notes", r->notes);

  if (r->n_relations > 0)
    {
      bl_json_writer_member (w, "relations");
      bl_json_writer_begin_array (w);
      for (guint i = 0; i < r->n_relations; i++)
        {
          bl_json_writer_begin_object (w);
          write_text (w, "type", bl_relation_kind_to_string (r->relations[i].kind));
          write_text (w, "claim", r->relations[i].claim_id);
          bl_json_writer_end_object (w);
        }
      bl_json_writer_end_array (w);
    }

  bl_json_writer_end_object (w);
}

static gboolean
write_claims (BlJsonWriter    *w,
              BlProject       *project,
              BlProgressFunc   progress,
              gpointer         progress_data,
              GCancellable    *cancellable,
              GError         **error)
{
  BlClaimStore *store = bl_project_get_claims (project);
  guint n = bl_claim_store_get_n_claims (store);
  Ids ids;

  if (n == 0)
    return TRUE;

  ids_init (&ids, project);

  bl_json_writer_member (w, "claims");
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord record;

      if ((i & 4095) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ids_clear (&ids);
              return FALSE;
            }
          if (progress != NULL && i > 0)
            progress ((double) i / n, progress_data);
        }

      bl_claim_store_get_record (store, i, &record);
      write_claim (w, &ids, &record);
    }
  bl_json_writer_end_array (w);

  ids_clear (&ids);

  return TRUE;
}

static void
write_annotations (BlJsonWriter *w,
                   BlProject    *project)
{
  GPtrArray *annotations = bl_project_get_annotations (project);

  if (annotations->len == 0)
    return;

  bl_json_writer_member (w, "annotations");
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < annotations->len; i++)
    {
      const BlAnnotation *a = g_ptr_array_index (annotations, i);

      bl_json_writer_begin_object (w);
      write_text (w, "id", a->id);
      write_text (w, "kind", annotation_kinds[a->kind]);
      write_text (w, "text", a->text);
      write_positions (w, "points", a->points, a->n_points);
      write_text (w, "color", a->color);
      if (a->size > 0)
        {
          bl_json_writer_member (w, "size");
          bl_json_writer_double (w, a->size);
        }
      bl_json_writer_end_object (w);
    }
  bl_json_writer_end_array (w);
}

static void
write_views (BlJsonWriter *w,
             BlProject    *project)
{
  GPtrArray *views = bl_project_get_views (project);

  if (views->len == 0)
    return;

  bl_json_writer_member (w, "views");
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < views->len; i++)
    {
      const BlView *v = g_ptr_array_index (views, i);

      bl_json_writer_begin_object (w);
      write_text (w, "name", v->name);
      if (!isnan (v->west))
        {
          bl_json_writer_member (w, "bbox");
          bl_json_writer_begin_array (w);
          bl_json_writer_double (w, v->west);
          bl_json_writer_double (w, v->south);
          bl_json_writer_double (w, v->east);
          bl_json_writer_double (w, v->north);
          bl_json_writer_end_array (w);
        }
      write_date (w, "from", &v->from);
      write_date (w, "to", &v->to);
      if (v->clock != BL_CLOCK_SAID)
        write_text (w, "clock", clock_names[v->clock]);
      write_text (w, "topic", v->topic);
      write_text (w, "text", v->text);
      if (v->cumulative)
        {
          bl_json_writer_member (w, "cumulative");
          bl_json_writer_boolean (w, TRUE);
        }
      if (v->lanes >= 0 && v->lanes <= BL_TIME_LANES_TOPIC)
        write_text (w, "lanes", bl_time_lanes_group_to_string (v->lanes));
      write_date (w, "shown-from", &v->shown_from);
      write_date (w, "shown-to", &v->shown_to);
      if (v->is_default)
        {
          bl_json_writer_member (w, "default");
          bl_json_writer_boolean (w, TRUE);
        }
      bl_json_writer_end_object (w);
    }
  bl_json_writer_end_array (w);
}

/* The whole document. FALSE only when cancelled. */
static gboolean
write_project (BlJsonWriter    *w,
               BlProject       *project,
               BlProgressFunc   progress,
               gpointer         progress_data,
               GCancellable    *cancellable,
               GError         **error)
{
  bl_json_writer_set_pretty (w, TRUE);

  bl_json_writer_begin_object (w);
  write_text (w, "format", "borderline");
  bl_json_writer_member (w, "version");
  bl_json_writer_int64 (w, BL_PROJECT_FORMAT_VERSION);
  write_text (w, "title", bl_project_get_title (project));
  write_text (w, "description", bl_project_get_description (project));
  write_entities (w, "actors", bl_project_get_actors (project), write_actor);
  write_entities (w, "sources", bl_project_get_sources (project), write_source);
  write_entities (w, "topics", bl_project_get_topics (project), write_topic);
  if (!write_claims (w, project, progress, progress_data, cancellable, error))
    return FALSE;
  write_annotations (w, project);
  write_views (w, project);
  bl_json_writer_end_object (w);

  g_assert (bl_json_writer_is_complete (w));

  return TRUE;
}

/**
 * bl_project_write:
 * @project: a project (or a bl_project_snapshot(), to write on another
 *   thread)
 * @stream: where the file's content goes; it is not closed
 * @progress: (nullable): called now and then with the part of the claims
 *   written, from the calling thread
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a write error of @stream, or %G_IO_ERROR_CANCELLED
 *
 * Writes @project in its canonical form into @stream, as it goes: the
 * memory used does not grow with the project.
 *
 * Returns: %TRUE when everything was written
 */
gboolean
bl_project_write (BlProject       *project,
                  GOutputStream   *stream,
                  BlProgressFunc   progress,
                  gpointer         progress_data,
                  GCancellable    *cancellable,
                  GError         **error)
{
  g_autoptr(BlJsonWriter) w = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  w = bl_json_writer_new_for_stream (stream, cancellable);
  if (!write_project (w, project, progress, progress_data, cancellable, &local_error))
    {
      /* a write error that came first says more than the cancellation */
      if (!bl_json_writer_finish (w, error))
        return FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return bl_json_writer_finish (w, error);
}

/**
 * bl_project_to_bytes:
 * @project: a project
 * @cancellable: (nullable): a #GCancellable
 * @error: set only when cancelled
 *
 * The file's content in memory, for small uses (drafts, exports, tests);
 * files are written with bl_project_write().
 *
 * Returns: (transfer full): the project file's content, canonical form
 */
GBytes *
bl_project_to_bytes (BlProject     *project,
                     GCancellable  *cancellable,
                     GError       **error)
{
  BlClaimStore *store;
  g_autoptr(BlJsonWriter) w = NULL;
  GString *out;

  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);

  store = bl_project_get_claims (project);
  /* about 550 bytes per claim: one allocation for most projects */
  out = g_string_sized_new (4096 + (gsize) bl_claim_store_get_n_claims (store) * 560);
  w = bl_json_writer_new (out);

  if (!write_project (w, project, NULL, NULL, cancellable, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free_to_bytes (out);
}
