/* bl-merge.c — merging imported claims into an open project
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: the rules of bl-merge.h, applied in two steps. First
 * a plan is made without touching the project: which actor, source and
 * topic of the import matches which one here (or is added under which
 * id), which claim matches which, and what becomes of each. Then the plan
 * is carried out, through the history in one group when there is one.
 * What it is not: a reader of any format (bl-format.c), or a downloader
 * (bl-feed.c).
 *
 * Names as compared, claims' fingerprints and the origins they are kept
 * in are in bl-merge-fingerprint.c.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-error.h"
#include "bl-merge.h"
#include "bl-merge-private.h"

typedef enum {
  MATCH_NONE,
  MATCH_ID,
  MATCH_CONTENT,
} MatchKind;

/* The plan for one imported claim. */
typedef struct {
  MatchKind       match;
  BlMergeOutcome  outcome;
  char           *local_id;     /* its id here */
  char           *renamed_from; /* the imported id when added under another */
  BlClaimRecord  *record;       /* added/updated: the content, indices unset */
  guint           from_index;
} Plan;

typedef struct {
  BlProject            *into;
  BlProject            *from;
  const BlMergeOptions *options;
  BlMergeReport        *report;
  char                 *feed_tag;

  /* the import's index → the id here, of actors, sources and topics */
  GPtrArray            *actor_ids;
  GPtrArray            *source_ids;
  GPtrArray            *topic_ids;
  /* entities to add, in order */
  GPtrArray            *new_actors;
  GPtrArray            *new_sources;
  GPtrArray            *new_topics;

  GHashTable           *claim_ids;      /* imported id → id here */
  GHashTable           *planned_ids;    /* ids of claims to be added */
  GHashTable           *content_index;  /* content key → id here; made on demand */
  GArray               *plans;          /* Plan */
} Merge;


void
bl_merge_options_init (BlMergeOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

/* Planning: actors, sources, topics */

typedef gboolean (*TakenFunc) (Merge *m, const char *id);

static gboolean
actor_taken (Merge      *m,
             const char *id)
{
  return bl_project_find_actor (m->into, id) != BL_NO_INDEX;
}

static gboolean
source_taken (Merge      *m,
              const char *id)
{
  return bl_project_find_source (m->into, id) != BL_NO_INDEX;
}

static gboolean
topic_taken (Merge      *m,
             const char *id)
{
  return bl_project_find_topic (m->into, id) != BL_NO_INDEX;
}

/* @id, or "@id-2", "@id-3", … when taken here or by an earlier addition. */
static char *
unique_id (Merge      *m,
           const char *id,
           TakenFunc   taken,
           GHashTable *planned)
{
  char *candidate = g_strdup (id);

  for (guint n = 2; taken (m, candidate) || g_hash_table_contains (planned, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", id, n);
    }
  g_hash_table_add (planned, g_strdup (candidate));
  return candidate;
}

static void
index_name (GHashTable *table,
            const char *name,
            const char *id)
{
  char *key = bl_merge_normalize_name (name);

  if (key != NULL && !g_hash_table_contains (table, key))
    g_hash_table_insert (table, key, g_strdup (id));
  else
    g_free (key);
}

static const char *
lookup_name (GHashTable *table,
             const char *name)
{
  g_autofree char *key = bl_merge_normalize_name (name);

  return key != NULL ? g_hash_table_lookup (table, key) : NULL;
}

static void
plan_actors (Merge *m)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *here = bl_project_get_actors (m->into);
  GListModel *there = bl_project_get_actors (m->from);

  for (guint i = 0; i < g_list_model_get_n_items (here); i++)
    {
      BlActor *actor = bl_project_get_actor (m->into, i);

      index_name (by_name, bl_actor_get_name (actor), bl_actor_get_id (actor));
    }

  for (guint i = 0; i < g_list_model_get_n_items (there); i++)
    {
      BlActor *actor = bl_project_get_actor (m->from, i);
      const char *match = lookup_name (by_name, bl_actor_get_name (actor));
      char *id;
      BlActor *copy;

      if (match != NULL)
        {
          g_ptr_array_add (m->actor_ids, g_strdup (match));
          continue;
        }

      id = unique_id (m, bl_actor_get_id (actor), actor_taken, planned);
      copy = bl_actor_new (id, bl_actor_get_name (actor));
      bl_actor_set_role (copy, bl_actor_get_role (actor));
      bl_actor_set_affiliation (copy, bl_actor_get_affiliation (actor));
      bl_actor_set_kind (copy, bl_actor_get_kind (actor));
      bl_actor_set_reliability (copy, bl_actor_get_reliability (actor));
      g_ptr_array_add (m->new_actors, copy);
      index_name (by_name, bl_actor_get_name (actor), id);
      g_ptr_array_add (m->actor_ids, id);
    }
}

static void
plan_sources (Merge *m)
{
  g_autoptr(GHashTable) by_url = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) by_name_no_url = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *here = bl_project_get_sources (m->into);
  GListModel *there = bl_project_get_sources (m->from);
  guint n_there = g_list_model_get_n_items (there);
  g_autoptr(GPtrArray) copies = g_ptr_array_new ();   /* per imported source: the copy, or NULL */

  for (guint i = 0; i < g_list_model_get_n_items (here); i++)
    {
      BlSource *source = bl_project_get_source (m->into, i);
      const char *url = bl_source_get_url (source);

      if (url != NULL && *url != '\0' && !g_hash_table_contains (by_url, url))
        g_hash_table_insert (by_url, g_strdup (url), g_strdup (bl_source_get_id (source)));
      index_name (by_name, bl_source_get_name (source), bl_source_get_id (source));
      if (url == NULL || *url == '\0')
        index_name (by_name_no_url, bl_source_get_name (source), bl_source_get_id (source));
    }

  for (guint i = 0; i < n_there; i++)
    {
      BlSource *source = bl_project_get_source (m->from, i);
      const char *url = bl_source_get_url (source);
      const char *name = bl_source_get_name (source);
      gboolean has_url = url != NULL && *url != '\0';
      const char *match;
      char *id;
      BlSource *copy;

      match = has_url ? g_hash_table_lookup (by_url, url) : NULL;
      if (match == NULL)
        match = lookup_name (has_url ? by_name_no_url : by_name, name);
      if (match != NULL)
        {
          g_ptr_array_add (m->source_ids, g_strdup (match));
          g_ptr_array_add (copies, NULL);
          continue;
        }

      id = unique_id (m, bl_source_get_id (source), source_taken, planned);
      copy = bl_source_new (id);
      bl_source_set_name (copy, name);
      bl_source_set_kind (copy, bl_source_get_kind (source));
      bl_source_set_url (copy, url);
      bl_source_set_published (copy, bl_source_get_published (source));
      bl_source_set_retrieved (copy, bl_source_get_retrieved (source));
      bl_source_set_language (copy, bl_source_get_language (source));
      bl_source_set_reliability (copy, bl_source_get_reliability (source));
      g_ptr_array_add (m->new_sources, copy);
      g_ptr_array_add (copies, copy);
      if (has_url)
        g_hash_table_insert (by_url, g_strdup (url), g_strdup (id));
      index_name (by_name, name, id);
      if (!has_url)
        index_name (by_name_no_url, name, id);
      g_ptr_array_add (m->source_ids, id);
    }

  /* an added source's origin: the source it republishes, by its id here */
  for (guint i = 0; i < n_there; i++)
    {
      BlSource *copy = g_ptr_array_index (copies, i);
      const char *origin;
      guint origin_index;

      if (copy == NULL)
        continue;
      origin = bl_source_get_origin (bl_project_get_source (m->from, i));
      origin_index = origin != NULL ? bl_project_find_source (m->from, origin) : BL_NO_INDEX;
      if (origin_index != BL_NO_INDEX)
        bl_source_set_origin (copy, g_ptr_array_index (m->source_ids, origin_index));
    }
}

static void
plan_topics (Merge *m)
{
  g_autoptr(GHashTable) by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *here = bl_project_get_topics (m->into);
  GListModel *there = bl_project_get_topics (m->from);

  for (guint i = 0; i < g_list_model_get_n_items (here); i++)
    {
      BlTopic *topic = bl_project_get_topic (m->into, i);

      index_name (by_title, bl_topic_get_title (topic), bl_topic_get_id (topic));
    }

  for (guint i = 0; i < g_list_model_get_n_items (there); i++)
    {
      BlTopic *topic = bl_project_get_topic (m->from, i);
      const char *match = lookup_name (by_title, bl_topic_get_title (topic));
      char *id;
      BlTopic *copy;

      if (match == NULL && topic_taken (m, bl_topic_get_id (topic)))
        match = bl_topic_get_id (topic);
      if (match != NULL)
        {
          g_ptr_array_add (m->topic_ids, g_strdup (match));
          continue;
        }

      id = unique_id (m, bl_topic_get_id (topic), topic_taken, planned);
      copy = bl_topic_new (id);
      bl_topic_set_title (copy, bl_topic_get_title (topic));
      bl_topic_set_unit (copy, bl_topic_get_unit (topic));
      bl_topic_set_description (copy, bl_topic_get_description (topic));
      g_ptr_array_add (m->new_topics, copy);
      index_name (by_title, bl_topic_get_title (topic), id);
      g_ptr_array_add (m->topic_ids, id);
    }
}

/* Planning: claims */

static const char *
mapped_id (GPtrArray *ids,
           guint32    index)
{
  return index != BL_NO_INDEX && index < ids->len ? g_ptr_array_index (ids, index) : NULL;
}

static GHashTable *
get_content_index (Merge *m)
{
  BlClaimStore *store = bl_project_get_claims (m->into);
  guint n = bl_claim_store_get_n_claims (store);

  if (m->content_index != NULL)
    return m->content_index;

  m->content_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord r;
      char *key;

      bl_claim_store_get_record (store, i, &r);
      key = bl_merge_content_key (&r,
                                  bl_merge_actor_id_at (m->into, r.actor),
                                  bl_merge_source_id_at (m->into, r.source));
      if (g_hash_table_contains (m->content_index, key))
        g_free (key);
      else
        g_hash_table_insert (m->content_index, key, g_strdup (r.id));
    }
  return m->content_index;
}

static gboolean
has_tag (const BlClaimRecord *r,
         const char          *tag)
{
  return r->tags != NULL && g_strv_contains (r->tags, tag);
}

/* Whether the claim @id here came from this feed. */
static gboolean
claim_is_ours (Merge      *m,
               guint       index,
               const char *id)
{
  BlClaimRecord r;

  if (m->options->origins != NULL && g_hash_table_contains (m->options->origins, id))
    return TRUE;
  bl_claim_store_get_record (bl_project_get_claims (m->into), index, &r);
  return has_tag (&r, m->feed_tag);
}

/* First pass: the id here of each imported claim, and how it matched.
 * Ids first, then content, so that a claim matched by id (and perhaps
 * about to be updated) is not also taken as the copy of another. */
static void
plan_claim_ids (Merge *m)
{
  BlClaimStore *here = bl_project_get_claims (m->into);
  BlClaimStore *there = bl_project_get_claims (m->from);
  guint n = bl_claim_store_get_n_claims (there);
  g_autoptr(GHashTable) matched = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint j = 0; j < n; j++)
    {
      Plan plan = { MATCH_NONE, BL_MERGE_ADDED, NULL, NULL, NULL, j };
      g_autofree char *alternative = NULL;
      const char *id = bl_claim_store_get_id (there, j);
      guint index = bl_claim_store_lookup (here, id);

      if (m->feed_tag != NULL)
        {
          alternative = g_strdup_printf ("%s:%s", m->options->feed_id, id);
          if (bl_claim_store_lookup (here, alternative) != BL_NO_INDEX)
            plan.match = MATCH_ID;
          else if (index == BL_NO_INDEX || claim_is_ours (m, index, id))
            g_clear_pointer (&alternative, g_free);
          else
            index = BL_NO_INDEX;   /* another claim's id: this one gets its own */
        }
      if (index != BL_NO_INDEX && plan.match == MATCH_NONE)
        plan.match = MATCH_ID;

      if (alternative != NULL)
        {
          plan.local_id = g_steal_pointer (&alternative);
          if (plan.match == MATCH_NONE)
            plan.renamed_from = g_strdup (id);
        }
      else
        plan.local_id = g_strdup (id);

      if (plan.match == MATCH_ID)
        g_hash_table_add (matched, plan.local_id);
      g_array_append_val (m->plans, plan);
    }

  for (guint j = 0; j < n; j++)
    {
      Plan *plan = &g_array_index (m->plans, Plan, j);
      const char *id = bl_claim_store_get_id (there, j);

      if (plan->match == MATCH_NONE)
        {
          g_autofree char *key = NULL;
          const char *local;
          BlClaimRecord r;

          bl_claim_store_get_record (there, j, &r);
          key = bl_merge_content_key (&r, mapped_id (m->actor_ids, r.actor), mapped_id (m->source_ids, r.source));
          local = g_hash_table_lookup (get_content_index (m), key);
          if (local != NULL && !g_hash_table_contains (matched, local))
            {
              plan->match = MATCH_CONTENT;
              g_free (plan->local_id);
              plan->local_id = g_strdup (local);
              g_clear_pointer (&plan->renamed_from, g_free);
            }
          else if (!g_hash_table_add (m->planned_ids, g_strdup (plan->local_id)))
            plan->outcome = BL_MERGE_CONFLICT;  /* two imported claims want one id */
        }

      g_hash_table_insert (m->claim_ids, g_strdup (id), g_strdup (plan->local_id));
    }
}

/* The imported claim as it would be here: relations to ids here (or
 * dropped), the feed's tag added. Indices are left for later. */
static BlClaimRecord *
prepare_record (Merge               *m,
                const BlClaimRecord *r,
                const char          *local_id,
                GPtrArray           *notes)
{
  BlClaimStore *here = bl_project_get_claims (m->into);
  BlClaimStore *there = bl_project_get_claims (m->from);
  g_autoptr(GArray) relations = g_array_new (FALSE, FALSE, sizeof (BlRelation));
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  BlClaimRecord copy = *r;

  for (guint i = 0; r->relations != NULL && i < r->n_relations; i++)
    {
      const char *target = r->relations[i].claim_id;
      BlRelation relation = r->relations[i];

      if (bl_claim_store_lookup (there, target) != BL_NO_INDEX)
        relation.claim_id = g_hash_table_lookup (m->claim_ids, target);
      else if (bl_claim_store_lookup (here, target) == BL_NO_INDEX)
        {
          g_ptr_array_add (notes,
                           g_strdup_printf (_("Claim “%s”: its relation to “%s” was dropped: there is no such claim in either project"),
                                            local_id, target));
          continue;
        }
      g_array_append_val (relations, relation);
    }
  copy.relations = relations->len > 0 ? (const BlRelation *) (void *) relations->data : NULL;
  copy.n_relations = relations->len;

  for (guint i = 0; r->tags != NULL && r->tags[i] != NULL; i++)
    g_ptr_array_add (tags, (gpointer) r->tags[i]);
  if (m->feed_tag != NULL && !has_tag (r, m->feed_tag))
    g_ptr_array_add (tags, m->feed_tag);
  g_ptr_array_add (tags, NULL);
  copy.tags = tags->len > 1 ? (const char * const *) tags->pdata : NULL;

  copy.id = local_id;
  copy.actor = BL_NO_INDEX;
  copy.source = BL_NO_INDEX;
  copy.topic = BL_NO_INDEX;
  return bl_claim_record_copy (&copy);
}

/* Second pass: what becomes of each claim. */
static void
plan_outcomes (Merge *m)
{
  BlClaimStore *here = bl_project_get_claims (m->into);
  BlClaimStore *there = bl_project_get_claims (m->from);

  for (guint j = 0; j < m->plans->len; j++)
    {
      Plan *plan = &g_array_index (m->plans, Plan, j);
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *fp_in = NULL;
      g_autofree char *fp_here = NULL;
      BlClaimRecord r, local;
      guint index;

      bl_claim_store_get_record (there, plan->from_index, &r);

      if (plan->match == MATCH_CONTENT)
        {
          plan->outcome = BL_MERGE_IDENTICAL;
          bl_merge_report_add_claim (m->report, plan->outcome, plan->local_id,
                                     g_strdup_printf (_("the same as the imported claim “%s”"), r.id));
          continue;
        }

      if (plan->match == MATCH_NONE)
        {
          if (plan->outcome == BL_MERGE_CONFLICT)
            {
              bl_merge_report_add_claim (m->report, plan->outcome, plan->local_id,
                                         g_strdup_printf (_("another imported claim has the id “%s”; skipped"), plan->local_id));
              continue;
            }
          plan->record = prepare_record (m, &r, plan->local_id, notes);
          plan->outcome = BL_MERGE_ADDED;
          bl_merge_report_add_claim (m->report, plan->outcome, plan->local_id,
                                     plan->renamed_from != NULL
                                     ? g_strdup_printf (_("new; its id “%s” is taken here by another claim"), plan->renamed_from)
                                     : g_strdup (_("new")));
          for (guint i = 0; i < notes->len; i++)
            bl_merge_report_add_note (m->report, g_ptr_array_index (notes, i));
          continue;
        }

      plan->record = prepare_record (m, &r, plan->local_id, notes);
      fp_in = bl_merge_fingerprint_ids (plan->record,
                                        mapped_id (m->actor_ids, r.actor),
                                        mapped_id (m->source_ids, r.source),
                                        mapped_id (m->topic_ids, r.topic));
      index = bl_claim_store_lookup (here, plan->local_id);
      bl_claim_store_get_record (here, index, &local);
      fp_here = bl_merge_fingerprint (m->into, &local);

      if (g_str_equal (fp_in, fp_here))
        {
          plan->outcome = BL_MERGE_IDENTICAL;
          bl_merge_report_add_claim (m->report, plan->outcome, plan->local_id, g_strdup (_("unchanged")));
        }
      else if (bl_merge_origins_contain (m->options->origins, plan->local_id, fp_here))
        {
          plan->outcome = BL_MERGE_UPDATED;
          bl_merge_report_add_claim (m->report, plan->outcome, plan->local_id, g_strdup (_("changed at its origin")));
        }
      else
        {
          plan->outcome = BL_MERGE_CONFLICT;
          bl_merge_report_add_claim (m->report, plan->outcome, plan->local_id,
                                     m->options->origins != NULL && g_hash_table_contains (m->options->origins, plan->local_id)
                                     ? g_strdup (_("edited here since it was imported; the version here is kept"))
                                     : g_strdup (_("a different claim with this id is already here; it is kept")));
        }

      if (plan->outcome != BL_MERGE_UPDATED)
        g_clear_pointer (&plan->record, bl_claim_record_free);
      else
        for (guint i = 0; i < notes->len; i++)
          bl_merge_report_add_note (m->report, g_ptr_array_index (notes, i));
    }
}

/* Carrying out */

static guint32
find_index (guint (*find) (BlProject *, const char *),
            BlProject  *project,
            const char *id)
{
  return id != NULL ? find (project, id) : BL_NO_INDEX;
}

static gboolean
apply (Merge     *m,
       BlHistory *history)
{
  BlClaimStore *here = bl_project_get_claims (m->into);
  BlClaimStore *there = bl_project_get_claims (m->from);
  gboolean ok = TRUE;

  for (guint i = 0; i < m->new_actors->len; i++)
    if (history != NULL)
      bl_history_add_actor (history, g_ptr_array_index (m->new_actors, i), NULL);
    else
      bl_project_add_actor (m->into, g_ptr_array_index (m->new_actors, i));
  for (guint i = 0; i < m->new_sources->len; i++)
    if (history != NULL)
      bl_history_add_source (history, g_ptr_array_index (m->new_sources, i), NULL);
    else
      bl_project_add_source (m->into, g_ptr_array_index (m->new_sources, i));
  for (guint i = 0; i < m->new_topics->len; i++)
    if (history != NULL)
      bl_history_add_topic (history, g_ptr_array_index (m->new_topics, i), NULL);
    else
      bl_project_add_topic (m->into, g_ptr_array_index (m->new_topics, i));

  for (guint j = 0; j < m->plans->len; j++)
    {
      Plan *plan = &g_array_index (m->plans, Plan, j);
      BlClaimRecord r;

      if (plan->record == NULL)
        continue;

      bl_claim_store_get_record (there, plan->from_index, &r);
      plan->record->actor = find_index (bl_project_find_actor, m->into, mapped_id (m->actor_ids, r.actor));
      plan->record->source = find_index (bl_project_find_source, m->into, mapped_id (m->source_ids, r.source));
      plan->record->topic = find_index (bl_project_find_topic, m->into, mapped_id (m->topic_ids, r.topic));

      if (plan->outcome == BL_MERGE_ADDED)
        ok &= (history != NULL ? bl_history_add_claim (history, plan->record, NULL)
                               : bl_claim_store_append (here, plan->record)) != BL_NO_INDEX;
      else if (history != NULL)
        ok &= bl_history_replace_claim (history, plan->record, NULL);
      else
        {
          guint index = bl_claim_store_lookup (here, plan->local_id);

          if (index == BL_NO_INDEX)
            ok = FALSE;
          else
            bl_claim_store_replace (here, index, plan->record);
        }
    }

  return ok;
}

/* The fingerprints of what this origin has now delivered. */
static void
remember_origins (Merge *m)
{
  BlClaimStore *here = bl_project_get_claims (m->into);

  if (m->options->origins == NULL)
    return;

  for (guint j = 0; j < m->plans->len; j++)
    {
      Plan *plan = &g_array_index (m->plans, Plan, j);
      g_autofree char *fp = NULL;
      BlClaimRecord r;
      guint index;

      if (plan->outcome == BL_MERGE_CONFLICT || plan->match == MATCH_CONTENT)
        continue;
      index = bl_claim_store_lookup (here, plan->local_id);
      if (index == BL_NO_INDEX)
        continue;
      bl_claim_store_get_record (here, index, &r);
      fp = bl_merge_fingerprint (m->into, &r);
      bl_merge_origins_remember (m->options->origins, plan->local_id, fp);
    }
}

static void
plan_clear (Plan *plan)
{
  g_free (plan->local_id);
  g_free (plan->renamed_from);
  g_clear_pointer (&plan->record, bl_claim_record_free);
}

static void
merge_clear (Merge *m)
{
  g_clear_pointer (&m->report, bl_merge_report_unref);
  g_clear_pointer (&m->feed_tag, g_free);
  g_clear_pointer (&m->actor_ids, g_ptr_array_unref);
  g_clear_pointer (&m->source_ids, g_ptr_array_unref);
  g_clear_pointer (&m->topic_ids, g_ptr_array_unref);
  g_clear_pointer (&m->new_actors, g_ptr_array_unref);
  g_clear_pointer (&m->new_sources, g_ptr_array_unref);
  g_clear_pointer (&m->new_topics, g_ptr_array_unref);
  g_clear_pointer (&m->claim_ids, g_hash_table_unref);
  g_clear_pointer (&m->planned_ids, g_hash_table_unref);
  g_clear_pointer (&m->content_index, g_hash_table_unref);
  g_clear_pointer (&m->plans, g_array_unref);
}

/* Public API */

/**
 * bl_project_merge:
 * @into: the open project
 * @from: the imported project; only read
 * @history: (nullable): the history of @into, to make the merge one step
 *   to undo
 * @options: (nullable): how to merge; %NULL for a plain import
 * @report: (out) (optional) (transfer full): what became of each claim
 * @error: a #GError
 *
 * Merges the claims of @from, with the claimants, sources and topics they
 * need, into @into by the rules of bl-merge.h. Call it on the thread that
 * owns @into.
 *
 * Returns: %TRUE; %FALSE with @error set (%BL_ERROR_DUPLICATE) only when
 *   the store refused a claim, which the plan rules out (the changes made
 *   are then taken back when @history is given)
 */
gboolean
bl_project_merge (BlProject             *into,
                  BlProject             *from,
                  BlHistory             *history,
                  const BlMergeOptions  *options,
                  BlMergeReport        **report,
                  GError               **error)
{
  BlMergeOptions defaults;
  Merge m = { 0 };
  g_autofree char *label = NULL;
  guint n_changes;
  gboolean ok;

  g_return_val_if_fail (BL_IS_PROJECT (into), FALSE);
  g_return_val_if_fail (BL_IS_PROJECT (from), FALSE);
  g_return_val_if_fail (into != from, FALSE);
  g_return_val_if_fail (history == NULL || BL_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (history == NULL || bl_history_get_project (history) == into, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      bl_merge_options_init (&defaults);
      options = &defaults;
    }

  m.into = into;
  m.from = from;
  m.options = options;
  m.report = bl_merge_report_new (options->max_listed);
  if (options->feed_id != NULL && *options->feed_id != '\0')
    m.feed_tag = g_strdup_printf ("feed:%s", options->feed_id);
  m.actor_ids = g_ptr_array_new_with_free_func (g_free);
  m.source_ids = g_ptr_array_new_with_free_func (g_free);
  m.topic_ids = g_ptr_array_new_with_free_func (g_free);
  m.new_actors = g_ptr_array_new_with_free_func (g_object_unref);
  m.new_sources = g_ptr_array_new_with_free_func (g_object_unref);
  m.new_topics = g_ptr_array_new_with_free_func (g_object_unref);
  m.claim_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  m.planned_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  m.plans = g_array_new (FALSE, FALSE, sizeof (Plan));
  g_array_set_clear_func (m.plans, (GDestroyNotify) plan_clear);

  plan_actors (&m);
  plan_sources (&m);
  plan_topics (&m);
  plan_claim_ids (&m);
  plan_outcomes (&m);

  n_changes = bl_merge_report_get_count (m.report, BL_MERGE_ADDED)
              + bl_merge_report_get_count (m.report, BL_MERGE_UPDATED);
  label = options->label != NULL
          ? g_strdup (options->label)
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Import %u Claim", "Import %u Claims", n_changes),
                             n_changes);

  if (history != NULL)
    {
      guint64 generation = bl_history_get_generation (history);

      bl_history_begin_group (history, label);
      ok = apply (&m, history);
      bl_history_end_group (history);
      if (!ok && bl_history_get_generation (history) != generation)
        bl_history_undo (history);
    }
  else
    ok = apply (&m, NULL);

  if (!ok)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_DUPLICATE,
                   _("The claims could not be merged: the project refused one of them"));
      merge_clear (&m);
      return FALSE;
    }

  remember_origins (&m);

  if (report != NULL)
    *report = g_steal_pointer (&m.report);
  merge_clear (&m);
  return TRUE;
}
