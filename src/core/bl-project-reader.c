/* bl-project-reader.c — reading .borderline project files
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a project file (format described in docs/project-format.md and
 * data/project.schema.json) straight from its bytes with the streaming
 * BlJsonReader, so that a million claims never become a JSON tree.
 *
 * Everything is validated. A syntax error stops the reading at once and is
 * reported as "FILE:LINE:COL: what". A value that is well-formed but wrong
 * is reported with its JSON path, "FILE: $.claims[3].location: latitude 95
 * is outside -90..90 (line 40)", and the reading goes on to find up to
 * BL_PROJECT_MAX_PROBLEMS problems, so that one run of `--check` shows the
 * analyst more than the first typo. Any problem fails the whole load: a
 * project is either read entirely or not at all.
 *
 * Members may come in any order, so references (a claim's claimant,
 * source and topic; a source's origin; relations between claims) are
 * resolved once everything has been read.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-error.h"
#include "bl-project-loader-private.h"
#include "bl-time-lanes.h"
#include "bl-vocab.h"
#include "bl-claim-store-private.h"

/* Actors, sources, topics */

static const char * const actor_members[] = {
  "id", "name", "role", "affiliation", "kind", "reliability", NULL
};

static const char * const source_members[] = {
  "id", "name", "kind", "url", "published", "retrieved", "language",
  "reliability", "origin", NULL
};

static const char * const topic_members[] = {
  "id", "title", "unit", "description", NULL
};

typedef struct {
  char  *id;
  char  *text[9];
  guint  kind;
  guint  reliability;
} EntityData;

static void
entity_data_clear (EntityData *e)
{
  g_free (e->id);
  for (guint i = 0; i < G_N_ELEMENTS (e->text); i++)
    g_free (e->text[i]);
}

static gboolean
read_actor_member (Loader      *l,
                   guint        member,
                   BlJsonToken  token,
                   gpointer     data)
{
  EntityData *e = data;

  switch (member)
    {
    case 0:
      return bl_loader_read_id (l, token, &e->id);
    case 4:
      return bl_loader_read_term (l, token, bl_loader_actor_kind_from_guint, _("kind of actor"), &e->kind);
    case 5:
      return bl_loader_read_reliability (l, token, &e->reliability);
    default:
      return bl_loader_read_text (l, token, &e->text[member]);
    }
}

static gboolean
read_source_member (Loader      *l,
                    guint        member,
                    BlJsonToken  token,
                    gpointer     data)
{
  EntityData *e = data;

  switch (member)
    {
    case 0:
      return bl_loader_read_id (l, token, &e->id);
    case 2:
      return bl_loader_read_term (l, token, bl_loader_source_kind_from_guint, _("kind of source"), &e->kind);
    case 3:
      return bl_loader_read_url (l, token, &e->text[member]);
    case 4:
    case 5:
      return bl_loader_read_date_text (l, token, &e->text[member]);
    case 7:
      return bl_loader_read_reliability (l, token, &e->reliability);
    case 8:
      return bl_loader_read_id (l, token, &e->text[member]);
    default:
      return bl_loader_read_text (l, token, &e->text[member]);
    }
}

static gboolean
read_topic_member (Loader      *l,
                   guint        member,
                   BlJsonToken  token,
                   gpointer     data)
{
  EntityData *e = data;

  if (member == 0)
    return bl_loader_read_id (l, token, &e->id);
  return bl_loader_read_text (l, token, &e->text[member]);
}

/* Member 0 is the id and member 1 the name (or title), both required;
 * the name must not be empty either. */
static void
check_required (Loader     *l,
                guint64     seen,
                const char *name,
                guint       line,
                const char *message_id_missing,
                const char *message_name_missing)
{
  if (!(seen & 1))
    bl_loader_add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, message_id_missing);
  else if (!(seen & 2) || name == NULL || *name == '\0')
    bl_loader_add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, message_name_missing);
}

static void
duplicate_id (Loader     *l,
              guint       line,
              const char *id)
{
  g_autofree char *escaped = bl_loader_quote (id);
  g_autofree char *message = g_strdup_printf (_("the id “%s” is used twice"), escaped);

  bl_loader_add_problem_at (l, BL_ERROR_DUPLICATE, l->path->str, line, message);
}

/* Adds the entity read to the project; FALSE if its id is taken. */
typedef gboolean (*AddEntityFunc) (Loader     *l,
                                   EntityData *e);

static gboolean
add_actor (Loader     *l,
           EntityData *e)
{
  g_autoptr(BlActor) actor = bl_actor_new (e->id, e->text[1]);

  bl_actor_set_role (actor, e->text[2]);
  bl_actor_set_affiliation (actor, e->text[3]);
  bl_actor_set_kind (actor, e->kind);
  bl_actor_set_reliability (actor, e->reliability);
  return bl_project_add_actor (l->project, actor) != BL_NO_INDEX;
}

static gboolean
add_source (Loader     *l,
            EntityData *e)
{
  g_autoptr(BlSource) source = bl_source_new (e->id);

  bl_source_set_name (source, e->text[1]);
  bl_source_set_kind (source, e->kind);
  bl_source_set_url (source, e->text[3]);
  bl_source_set_published (source, e->text[4]);
  bl_source_set_retrieved (source, e->text[5]);
  bl_source_set_language (source, e->text[6]);
  bl_source_set_reliability (source, e->reliability);
  bl_source_set_origin (source, e->text[8]);
  if (bl_project_add_source (l->project, source) == BL_NO_INDEX)
    return FALSE;

  g_ptr_array_add (l->source_origins,
                   e->text[8] ? g_strdup_printf ("%s.origin", l->path->str) : NULL);
  return TRUE;
}

static gboolean
add_topic (Loader     *l,
           EntityData *e)
{
  g_autoptr(BlTopic) topic = bl_topic_new (e->id);

  bl_topic_set_title (topic, e->text[1]);
  bl_topic_set_unit (topic, e->text[2]);
  bl_topic_set_description (topic, e->text[3]);
  return bl_project_add_topic (l->project, topic) != BL_NO_INDEX;
}

/* What differs between actors, sources and topics. */
typedef struct {
  const char * const *members;
  MemberFunc          read_member;
  const char         *message_id_missing;    /* untranslated */
  const char         *message_name_missing;  /* untranslated */
  AddEntityFunc       add;
} EntityReader;

static const EntityReader actor_reader = {
  actor_members, read_actor_member,
  N_("an actor needs an “id”"), N_("an actor needs a “name”"), add_actor
};

static const EntityReader source_reader = {
  source_members, read_source_member,
  N_("a source needs an “id”"), N_("a source needs a “name”"), add_source
};

static const EntityReader topic_reader = {
  topic_members, read_topic_member,
  N_("a topic needs an “id”"), N_("a topic needs a “title”"), add_topic
};

/* Reads one actor, source or topic (@data is its #EntityReader): its
 * members, checks that it has the id and the name (or title) it needs,
 * and adds it to the project. */
static gboolean
read_entity (Loader      *l,
             guint        position,
             BlJsonToken  token,
             gpointer     data)
{
  const EntityReader *reader = data;
  EntityData e = { NULL };
  guint before = l->n_problems;
  guint line = bl_json_reader_get_line (l->json);
  guint64 seen;
  gboolean ok;

  ok = bl_loader_read_object (l, token, reader->members, reader->read_member, &e, &seen);
  if (ok && l->n_problems == before)
    check_required (l, seen, e.text[1], line,
                    _(reader->message_id_missing), _(reader->message_name_missing));

  if (ok && l->n_problems == before && !reader->add (l, &e))
    duplicate_id (l, line, e.id);

  entity_data_clear (&e);
  return ok;
}

/* Annotations and views */

static const char * const annotation_members[] = {
  "id", "kind", "text", "points", "color", "size", NULL
};

static const char * const annotation_kinds[BL_N_ANNOTATION_KINDS] = {
  "text", "arrow", "circle", "area"
};

static gboolean
annotation_kind_from_guint (const char *text,
                            guint      *out)
{
  for (guint i = 0; i < BL_N_ANNOTATION_KINDS; i++)
    if (strcmp (annotation_kinds[i], text) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

typedef struct {
  BlAnnotation *a;
  GArray       *points;
  guint         kind;
  gboolean      has_size;
} AnnotationData;

static gboolean
is_color (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
read_annotation_member (Loader      *l,
                        guint        member,
                        BlJsonToken  token,
                        gpointer     data)
{
  AnnotationData *d = data;

  switch (member)
    {
    case 0:
      return bl_loader_read_id (l, token, &d->a->id);
    case 1:
      return bl_loader_read_term (l, token, annotation_kind_from_guint, _("kind of annotation"), &d->kind);
    case 2:
      return bl_loader_read_text (l, token, &d->a->text);
    case 3:
      return bl_loader_read_positions (l, token, d->points);
    case 4:
      {
        g_autofree char *text = NULL;

        if (!bl_loader_read_text (l, token, &text))
          return FALSE;
        if (text != NULL && !is_color (text))
          bl_loader_problem (l, BL_ERROR_INVALID, _("a colour is written “#rrggbb”"));
        else
          d->a->color = g_steal_pointer (&text);
        return TRUE;
      }
    case 5:
      {
        gboolean ok;

        if (!bl_loader_read_number (l, token, &d->a->size, &ok))
          return FALSE;
        if (ok && (d->a->size <= 0 || d->a->size > 500))
          bl_loader_problem (l, BL_ERROR_INVALID, _("a size is from 0 to 500 points"));
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_annotation (Loader      *l,
                 guint        position,
                 BlJsonToken  token,
                 gpointer     data)
{
  static const guint min_points[BL_N_ANNOTATION_KINDS] = { 1, 2, 2, 3 };
  static const guint max_points[BL_N_ANNOTATION_KINDS] = { 1, 2, 2, 100000 };
  AnnotationData d = { g_new0 (BlAnnotation, 1), g_array_new (FALSE, FALSE, sizeof (double)),
                       BL_N_ANNOTATION_KINDS, FALSE };
  guint before = l->n_problems;
  guint line = bl_json_reader_get_line (l->json);
  guint64 seen;
  gboolean ok;

  ok = bl_loader_read_object (l, token, annotation_members, read_annotation_member, &d, &seen);
  if (ok && l->n_problems == before)
    {
      guint n = d.points->len / 2;

      if ((seen & 3) != 3)
        bl_loader_add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, _("an annotation needs an “id” and a “kind”"));
      else if (n < min_points[d.kind] || n > max_points[d.kind])
        bl_loader_add_problem_at (l, BL_ERROR_INVALID, l->path->str, line,
                                  _("wrong number of points for this kind of annotation"));
    }

  if (ok && l->n_problems == before)
    {
      d.a->kind = d.kind;
      d.a->n_points = d.points->len / 2;
      d.a->points = (double *) g_array_free (g_steal_pointer (&d.points), FALSE);
      g_ptr_array_add (bl_project_get_annotations (l->project), g_steal_pointer (&d.a));
    }

  bl_annotation_free (d.a);
  if (d.points)
    g_array_unref (d.points);
  return ok;
}

static const char * const view_members[] = {
  "name", "bbox", "from", "to", "clock", "topic", "text", "cumulative",
  "lanes", "shown-from", "shown-to", "default", NULL
};

static const char * const clock_names[BL_N_CLOCKS] = { "said", "about" };

static gboolean
clock_from_guint (const char *text,
                  guint      *out)
{
  for (guint i = 0; i < BL_N_CLOCKS; i++)
    if (strcmp (clock_names[i], text) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
lanes_from_guint (const char *text,
                  guint      *out)
{
  BlTimeLanesGroup group;

  if (!bl_time_lanes_group_from_string (text, &group))
    return FALSE;
  *out = group;
  return TRUE;
}

static gboolean
read_boolean (Loader      *l,
              BlJsonToken  token,
              gboolean    *out)
{
  if (token != BL_JSON_TOKEN_TRUE && token != BL_JSON_TOKEN_FALSE)
    return bl_loader_wrong_type (l, token, _("true or false"));

  *out = token == BL_JSON_TOKEN_TRUE;
  return TRUE;
}

typedef struct {
  BlView *v;
  GArray *bbox;
  guint   clock;
  guint   lanes;
} ViewData;

static gboolean
read_bbox_element (Loader      *l,
                   guint        position,
                   BlJsonToken  token,
                   gpointer     data)
{
  GArray *bbox = data;
  double value;
  gboolean ok;

  if (!bl_loader_read_number (l, token, &value, &ok))
    return FALSE;
  if (ok)
    g_array_append_val (bbox, value);
  return TRUE;
}

static gboolean
read_view_member (Loader      *l,
                  guint        member,
                  BlJsonToken  token,
                  gpointer     data)
{
  ViewData *d = data;

  switch (member)
    {
    case 0:
      return bl_loader_read_text (l, token, &d->v->name);
    case 1:
      {
        guint before = l->n_problems;
        double *b;

        if (!bl_loader_read_array (l, token, read_bbox_element, d->bbox))
          return FALSE;
        if (l->n_problems != before)
          return TRUE;

        b = (double *) d->bbox->data;
        if (d->bbox->len != 4)
          bl_loader_problem (l, BL_ERROR_INVALID, _("a bounding box is [west, south, east, north]"));
        else if (b[0] < -180 || b[2] > 180 || b[0] >= b[2])
          bl_loader_problem (l, BL_ERROR_INVALID, _("west must be less than east, both within -180..180"));
        else if (b[1] < -90 || b[3] > 90 || b[1] >= b[3])
          bl_loader_problem (l, BL_ERROR_INVALID, _("south must be less than north, both within -90..90"));
        else
          {
            d->v->west = b[0];
            d->v->south = b[1];
            d->v->east = b[2];
            d->v->north = b[3];
          }
        return TRUE;
      }
    case 2:
      return bl_loader_read_date (l, token, &d->v->from);
    case 3:
      return bl_loader_read_date (l, token, &d->v->to);
    case 4:
      return bl_loader_read_term (l, token, clock_from_guint, _("clock (“said” or “about”)"), &d->clock);
    case 5:
      return bl_loader_read_id (l, token, &d->v->topic);
    case 6:
      return bl_loader_read_text (l, token, &d->v->text);
    case 7:
      return read_boolean (l, token, &d->v->cumulative);
    case 8:
      return bl_loader_read_term (l, token, lanes_from_guint,
                                  _("lanes (“claimant”, “source” or “topic”)"), &d->lanes);
    case 9:
      return bl_loader_read_date (l, token, &d->v->shown_from);
    case 10:
      return bl_loader_read_date (l, token, &d->v->shown_to);
    case 11:
      return read_boolean (l, token, &d->v->is_default);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_view (Loader      *l,
           guint        position,
           BlJsonToken  token,
           gpointer     data)
{
  ViewData d = { bl_view_new (NULL), g_array_new (FALSE, FALSE, sizeof (double)), BL_CLOCK_SAID, G_MAXUINT };
  guint before = l->n_problems;
  guint line = bl_json_reader_get_line (l->json);
  guint64 seen;
  gboolean ok;

  ok = bl_loader_read_object (l, token, view_members, read_view_member, &d, &seen);
  if (ok && l->n_problems == before && (!(seen & 1) || d.v->name == NULL || d.v->name[0] == '\0'))
    bl_loader_add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, _("a view needs a “name”"));
  if (ok && l->n_problems == before && !bl_date_is_unknown (&d.v->shown_from) &&
      !bl_date_is_unknown (&d.v->shown_to) && d.v->shown_to.last_day < d.v->shown_from.first_day)
    bl_loader_add_problem_at (l, BL_ERROR_INVALID, l->path->str, line,
                              _("a view’s “shown-to” comes before its “shown-from”"));

  if (ok && l->n_problems == before)
    {
      d.v->clock = d.clock;
      d.v->lanes = d.lanes == G_MAXUINT ? BL_VIEW_NO_LANES : (int) d.lanes;
      g_ptr_array_add (bl_project_get_views (l->project), g_steal_pointer (&d.v));
    }

  bl_view_free (d.v);
  g_array_unref (d.bbox);
  return ok;
}

/* The document */

static const char * const project_members[] = {
  "format", "version", "title", "description", "actors", "sources", "topics",
  "claims", "annotations", "views", NULL
};

enum {
  P_FORMAT, P_VERSION, P_TITLE, P_DESCRIPTION, P_ACTORS, P_SOURCES, P_TOPICS,
  P_CLAIMS, P_ANNOTATIONS, P_VIEWS
};

static gboolean
read_project_member (Loader      *l,
                     guint        member,
                     BlJsonToken  token,
                     gpointer     data)
{
  switch (member)
    {
    case P_FORMAT:
      l->saw_format = TRUE;
      if (token == BL_JSON_TOKEN_STRING)
        l->format_ok = strcmp (bl_json_reader_get_string (l->json, NULL), "borderline") == 0;
      return bl_loader_skip_value (l, token);
    case P_VERSION:
      l->saw_version = TRUE;
      if (token != BL_JSON_TOKEN_NUMBER || !bl_json_reader_get_int64 (l->json, &l->version))
        l->version = -1;
      return bl_loader_skip_value (l, token);
    case P_TITLE:
      {
        g_autofree char *text = NULL;

        if (!bl_loader_read_text (l, token, &text))
          return FALSE;
        bl_project_set_title (l->project, text);
        return TRUE;
      }
    case P_DESCRIPTION:
      {
        g_autofree char *text = NULL;

        if (!bl_loader_read_text (l, token, &text))
          return FALSE;
        bl_project_set_description (l->project, text);
        return TRUE;
      }
    case P_ACTORS:
      return bl_loader_read_array (l, token, read_entity, (gpointer) &actor_reader);
    case P_SOURCES:
      return bl_loader_read_array (l, token, read_entity, (gpointer) &source_reader);
    case P_TOPICS:
      return bl_loader_read_array (l, token, read_entity, (gpointer) &topic_reader);
    case P_CLAIMS:
      return bl_loader_read_claims (l, token);
    case P_ANNOTATIONS:
      return bl_loader_read_array (l, token, read_annotation, NULL);
    case P_VIEWS:
      return bl_loader_read_array (l, token, read_view, NULL);
    default:
      g_assert_not_reached ();
    }
}

/* After reading: references */

static void
resolve_pending (Loader *l)
{
  BlClaimStore *store = bl_project_get_claims (l->project);
  guint32 *maps[N_REFS] = { NULL };
  gboolean any = FALSE;

  for (guint k = 0; k < N_REFS; k++)
    {
      PendingRefs *refs = &l->refs[k];
      static const char * const what[N_REFS] = { N_("actor"), N_("source"), N_("topic") };

      if (refs->ids->len == 0)
        continue;

      any = TRUE;
      maps[k] = g_new (guint32, refs->ids->len);
      for (guint slot = 0; slot < refs->ids->len; slot++)
        {
          const char *id = g_ptr_array_index (refs->ids, slot);
          guint index;

          index = k == REF_ACTOR ? bl_project_find_actor (l->project, id)
                : k == REF_SOURCE ? bl_project_find_source (l->project, id)
                : bl_project_find_topic (l->project, id);
          maps[k][slot] = index;

          if (index == BL_NO_INDEX)
            {
              g_autofree char *escaped = bl_loader_quote (id);
              g_autofree char *message = g_strdup_printf (_("there is no %s with the id “%s”"),
                                                          _(what[k]), escaped);

              bl_loader_add_problem_at (l, BL_ERROR_REFERENCE, g_ptr_array_index (refs->paths, slot), 0, message);
            }
        }
    }

  if (any && l->n_problems == 0)
    bl_claim_store_remap_references (store, PENDING, maps[REF_ACTOR], maps[REF_SOURCE], maps[REF_TOPIC]);

  for (guint k = 0; k < N_REFS; k++)
    g_free (maps[k]);
}

static void
check_relations (Loader *l)
{
  BlClaimStore *store = bl_project_get_claims (l->project);
  guint n = bl_claim_store_get_n_claims (store);

  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord record;

      bl_claim_store_get_record (store, i, &record);
      for (guint j = 0; j < record.n_relations; j++)
        {
          if (bl_claim_store_lookup (store, record.relations[j].claim_id) == BL_NO_INDEX)
            {
              g_autofree char *path = g_strdup_printf ("$.claims[%u].relations[%u].claim",
                                                       g_array_index (l->claim_positions, guint, i), j);
              g_autofree char *escaped = bl_loader_quote (record.relations[j].claim_id);
              g_autofree char *message = g_strdup_printf (_("there is no claim with the id “%s”"), escaped);

              bl_loader_add_problem_at (l, BL_ERROR_REFERENCE, path, 0, message);
            }
        }
    }
}

/* Annotation ids are unique; a view's topic names a topic; one view at
 * most is the default. */
static void
check_annotations_and_views (Loader *l)
{
  GPtrArray *annotations = bl_project_get_annotations (l->project);
  GPtrArray *views = bl_project_get_views (l->project);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < annotations->len; i++)
    {
      const BlAnnotation *a = g_ptr_array_index (annotations, i);

      if (!g_hash_table_add (ids, a->id))
        {
          g_autofree char *path = g_strdup_printf ("$.annotations[%u].id", i);
          g_autofree char *escaped = bl_loader_quote (a->id);
          g_autofree char *message = g_strdup_printf (_("the id “%s” is used twice"), escaped);

          bl_loader_add_problem_at (l, BL_ERROR_DUPLICATE, path, 0, message);
        }
    }

  for (guint i = 0; i < views->len; i++)
    {
      const BlView *v = g_ptr_array_index (views, i);

      if (v->topic != NULL && bl_project_find_topic (l->project, v->topic) == BL_NO_INDEX)
        {
          g_autofree char *path = g_strdup_printf ("$.views[%u].topic", i);
          g_autofree char *escaped = bl_loader_quote (v->topic);
          g_autofree char *message = g_strdup_printf (_("there is no topic with the id “%s”"), escaped);

          bl_loader_add_problem_at (l, BL_ERROR_REFERENCE, path, 0, message);
        }

      if (v->is_default && i > 0)
        for (guint j = 0; j < i; j++)
          if (((const BlView *) g_ptr_array_index (views, j))->is_default)
            {
              g_autofree char *path = g_strdup_printf ("$.views[%u].default", i);
              g_autofree char *message = g_strdup_printf (_("only one view can be the default, and $.views[%u] is"), j);

              bl_loader_add_problem_at (l, BL_ERROR_INVALID, path, 0, message);
              break;
            }
    }
}

static void
check_origins (Loader *l)
{
  GListModel *sources = bl_project_get_sources (l->project);

  for (guint i = 0; i < l->source_origins->len; i++)
    {
      const char *path = g_ptr_array_index (l->source_origins, i);
      BlSource *source;
      const char *origin;

      if (path == NULL)
        continue;

      source = bl_project_get_source (l->project, i);
      origin = bl_source_get_origin (source);
      if (strcmp (origin, bl_source_get_id (source)) == 0)
        bl_loader_add_problem_at (l, BL_ERROR_INVALID, path, 0, _("a source cannot be its own origin"));
      else if (bl_project_find_source (l->project, origin) == BL_NO_INDEX)
        {
          g_autofree char *escaped = bl_loader_quote (origin);
          g_autofree char *message = g_strdup_printf (_("there is no source with the id “%s”"), escaped);

          bl_loader_add_problem_at (l, BL_ERROR_REFERENCE, path, 0, message);
        }
    }

  (void) sources;
}

static void
loader_init (Loader *l)
{
  l->project = bl_project_new ();
  l->path = g_string_new ("$");
  l->path_marks = g_array_new (FALSE, FALSE, sizeof (guint));
  l->problems = g_ptr_array_new_with_free_func (g_free);
  l->claim_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  l->source_origins = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < N_REFS; k++)
    {
      l->refs[k].slots = g_hash_table_new (g_str_hash, g_str_equal);
      l->refs[k].ids = g_ptr_array_new_with_free_func (g_free);
      l->refs[k].paths = g_ptr_array_new_with_free_func (g_free);
    }
}

static void
loader_clear (Loader *l)
{
  g_clear_object (&l->project);
  g_string_free (l->path, TRUE);
  g_array_unref (l->path_marks);
  g_ptr_array_unref (l->problems);
  g_array_unref (l->claim_positions);
  g_ptr_array_unref (l->source_origins);
  g_clear_error (&l->fatal);
  for (guint k = 0; k < N_REFS; k++)
    {
      g_hash_table_unref (l->refs[k].slots);
      g_ptr_array_unref (l->refs[k].ids);
      g_ptr_array_unref (l->refs[k].paths);
    }
  g_clear_pointer (&l->json, bl_json_reader_free);
}

/* Joins the problems into one error: the first names the code. */
static void
report_problems (Loader  *l,
                 GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < l->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (l->problems, i));
    }

  if (l->n_problems > l->problems->len)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text,
                              g_dngettext (GETTEXT_PACKAGE, "%s: and %u more problem",
                                           "%s: and %u more problems",
                                           l->n_problems - l->problems->len),
                              l->name, l->n_problems - l->problems->len);
    }

  g_set_error_literal (error, BL_ERROR, l->first_code, text->str);
}

/**
 * bl_project_load_from_data:
 * @data: the file's bytes
 * @len: their length
 * @display_name: how to name the file in messages
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called now and then with the part read
 * @progress_data: data for @progress
 * @error: a #GError in %BL_ERROR (or %G_IO_ERROR_CANCELLED)
 *
 * Reads a project from the contents of a .borderline file, validating
 * every value. Safe for any bytes whatever.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
BlProject *
bl_project_load_from_data (const char      *data,
                           gsize            len,
                           const char      *display_name,
                           GCancellable    *cancellable,
                           BlProgressFunc   progress,
                           gpointer         progress_data,
                           GError         **error)
{
  Loader l = { NULL };
  BlJsonToken token;
  BlProject *project = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len > BL_PROJECT_MAX_FILE_SIZE)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
                   _("%s: the file is larger than Borderline reads (2 GiB)"), display_name);
      return NULL;
    }

  loader_init (&l);
  l.name = display_name;
  l.len = len;
  l.cancellable = cancellable;
  l.progress = progress;
  l.progress_data = progress_data;
  l.json = bl_json_reader_new (data ? data : "", len, display_name);
  bl_json_reader_set_max_depth (l.json, 64);

  token = bl_loader_next (&l);
  if (token == BL_JSON_TOKEN_BEGIN_OBJECT)
    {
      if (bl_loader_read_object (&l, token, project_members, read_project_member, NULL, NULL))
        bl_loader_next (&l);  /* must be the end of the document */
    }
  else if (bl_loader_skip_value (&l, token))
    {
      bl_loader_next (&l);
      l.saw_format = FALSE;
    }

  if (l.fatal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&l.fatal));
      goto out;
    }

  if (!l.saw_format || !l.format_ok)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_NOT_PROJECT,
                   _("%s: not a Borderline project: a project is a JSON object with "
                     "\"format\": \"borderline\" and a \"version\""), display_name);
      goto out;
    }

  if (!l.saw_version || l.version != BL_PROJECT_FORMAT_VERSION)
    {
      if (!l.saw_version)
        g_set_error (error, BL_ERROR, BL_ERROR_VERSION,
                     _("%s: the project has no \"version\""), display_name);
      else
        g_set_error (error, BL_ERROR, BL_ERROR_VERSION,
                     _("%s: this project is in format version %lld; this Borderline reads version %d "
                       "(a newer Borderline may read it)"),
                     display_name, (long long) l.version, BL_PROJECT_FORMAT_VERSION);
      goto out;
    }

  resolve_pending (&l);
  check_origins (&l);
  check_relations (&l);
  check_annotations_and_views (&l);

  if (l.n_problems > 0)
    {
      report_problems (&l, error);
      goto out;
    }

  /* the arrays grew by half at a time: give the slack back */
  bl_claim_store_trim (bl_project_get_claims (l.project));

  if (progress)
    progress (1.0, progress_data);

  project = g_steal_pointer (&l.project);

out:
  loader_clear (&l);
  return project;
}
