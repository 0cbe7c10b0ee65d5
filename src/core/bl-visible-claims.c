/* bl-visible-claims.c — the claims a filter lets through
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlVisibleClaims applies a BlFilter to a project's claims and keeps the
 * result: an array of claim numbers in time order (by the first day on
 * the filter's clock; undated claims last), a byte mask indexed by claim
 * number (for views that test one claim at a time), and a GListModel of
 * BlClaim for the claim list, in the same order.
 *
 * It splits the work the way the filter changes. Criteria (text, topic,
 * claimant, grades…) change when the analyst types or picks; they are
 * evaluated over every claim once and kept as a mask. The time window
 * changes on every frame of a timeline drag; then only the time index is
 * queried and its hits tested against the criteria mask, so a drag never
 * looks at text.
 *
 * Claims with no date on the filter's clock are shown only while there is
 * no window.
 */
#include "config.h"

#include <string.h>

#include "bl-claim.h"
#include "bl-time-index.h"
#include "bl-visible-claims.h"

struct _BlVisibleClaims
{
  GObject      parent_instance;

  BlProject   *project;
  BlFilter    *filter;

  BlTimeIndex *time_index[BL_N_CLOCKS];
  guint8      *criteria;   /* per claim; NULL when every claim passes */
  guint8      *mask;       /* per claim: 1 when visible */
  GArray      *indices;    /* guint32, in time order (see get_indices) */

  /* the visible claims in time order: indices' data or, when every claim
   * is visible and dated, the time index's own order (order_owner holds
   * it), which spares a copy of 4 bytes a claim */
  const guint32 *order;
  guint        n_order;
  BlTimeIndex *order_owner;
  guint        n_claims;
};

static void bl_visible_claims_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BlVisibleClaims, bl_visible_claims, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      bl_visible_claims_list_model_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Criteria */

static gboolean
text_matches (const char *haystack,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
claim_has_text (BlVisibleClaims     *self,
                const BlClaimRecord *r,
                const char          *needle)
{
  if (text_matches (r->statement, needle) || text_matches (r->quote, needle) ||
      text_matches (r->place, needle) || text_matches (r->notes, needle) ||
      text_matches (r->id, needle))
    return TRUE;

  for (guint i = 0; r->tags && r->tags[i]; i++)
    if (text_matches (r->tags[i], needle))
      return TRUE;

  if (r->actor != BL_NO_INDEX &&
      text_matches (bl_actor_get_name (bl_project_get_actor (self->project, r->actor)), needle))
    return TRUE;
  if (r->source != BL_NO_INDEX &&
      text_matches (bl_source_get_name (bl_project_get_source (self->project, r->source)), needle))
    return TRUE;

  return FALSE;
}

static gboolean
claim_has_tag (const BlClaimRecord *r,
               const char          *tag)
{
  for (guint i = 0; r->tags && r->tags[i]; i++)
    if (strcmp (r->tags[i], tag) == 0)
      return TRUE;
  return FALSE;
}

/* A grade of 1 is best; 0 is "not graded" and fails any minimum. */
static gboolean
grade_passes (guint grade,
              guint minimum)
{
  return minimum == 0 || (grade != 0 && grade <= minimum);
}

static void
compute_criteria (BlVisibleClaims *self)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  BlFilter *f = self->filter;
  const guint32 *topics, *actors, *sources;
  const guint8 *stances, *credibilities;
  g_autofree char *needle = NULL;
  g_autofree guint8 *source_ok = NULL;
  guint n_sources;
  guint32 topic, actor, source;
  guint stance_mask, min_rel, min_cred;
  const char *tag;

  g_clear_pointer (&self->criteria, g_free);
  if (!bl_filter_has_criteria (f))
    return;

  topics = bl_claim_store_get_topics (store);
  actors = bl_claim_store_get_actors (store);
  sources = bl_claim_store_get_sources (store);
  stances = bl_claim_store_get_stances (store);
  credibilities = bl_claim_store_get_credibilities (store);

  topic = bl_filter_get_topic (f);
  actor = bl_filter_get_actor (f);
  source = bl_filter_get_source (f);
  stance_mask = bl_filter_get_stances (f);
  min_rel = bl_filter_get_min_reliability (f);
  min_cred = bl_filter_get_min_credibility (f);
  tag = bl_filter_get_tag (f);
  if (bl_filter_get_text (f) != NULL)
    needle = g_utf8_casefold (bl_filter_get_text (f), -1);

  /* source reliability, once per source */
  n_sources = g_list_model_get_n_items (bl_project_get_sources (self->project));
  source_ok = g_new (guint8, n_sources + 1);
  for (guint s = 0; s < n_sources; s++)
    source_ok[s] = grade_passes (bl_source_get_reliability (bl_project_get_source (self->project, s)), min_rel);

  self->criteria = g_new (guint8, MAX (self->n_claims, 1));

  for (guint i = 0; i < self->n_claims; i++)
    {
      gboolean ok = TRUE;

      if (topic != BL_NO_INDEX && topics[i] != topic)
        ok = FALSE;
      else if (actor != BL_NO_INDEX && actors[i] != actor)
        ok = FALSE;
      else if (source != BL_NO_INDEX && sources[i] != source)
        ok = FALSE;
      else if (!(stance_mask & (1u << stances[i])))
        ok = FALSE;
      else if (!grade_passes (credibilities[i], min_cred))
        ok = FALSE;
      else if (min_rel != 0 && (sources[i] >= n_sources || !source_ok[sources[i]]))
        ok = FALSE;
      else if (needle != NULL || tag != NULL)
        {
          BlClaimRecord r;

          bl_claim_store_get_record (store, i, &r);
          if (tag != NULL && !claim_has_tag (&r, tag))
            ok = FALSE;
          else if (needle != NULL && !claim_has_text (self, &r, needle))
            ok = FALSE;
        }

      self->criteria[i] = ok;
    }
}

/* The window */

/* Lists the claims that pass the criteria and overlap the window, in the
 * order of the time index (by first day on the filter's clock); without a
 * window, every claim, the dated ones in that order and the undated after
 * them. Only the mask entries of the claims shown before and of those
 * shown now are touched, so moving a window costs what it shows, not what
 * the project holds. */
static void
compute_visible (BlVisibleClaims *self,
                 gboolean         mask_is_clear)
{
  BlTimeIndex *index = bl_visible_claims_get_time_index (self, bl_filter_get_clock (self->filter));
  const guint32 *sorted;
  guint old_n = self->n_order;
  guint n_sorted;
  gint32 first, last;

  if (!mask_is_clear)
    for (guint i = 0; i < old_n; i++)
      self->mask[self->order[i]] = 0;
  g_array_set_size (self->indices, 0);
  g_clear_pointer (&self->order_owner, bl_time_index_unref);

  bl_filter_get_effective_window (self->filter, &first, &last);
  sorted = bl_time_index_get_sorted (index, &n_sorted);

  if (first == BL_DAY_MIN && last == BL_DAY_MAX && self->criteria == NULL && n_sorted == self->n_claims)
    {
      /* every claim, all dated: the index's order is the list */
      memset (self->mask, 1, self->n_claims);
      g_array_unref (self->indices);
      self->indices = g_array_new (FALSE, FALSE, sizeof (guint32));
      self->order_owner = bl_time_index_ref (index);
      self->order = sorted;
      self->n_order = n_sorted;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_order);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  if (first == BL_DAY_MIN && last == BL_DAY_MAX)
    {
      const BlDate *dates = bl_claim_store_get_dates (bl_project_get_claims (self->project),
                                                      bl_filter_get_clock (self->filter));

      for (guint k = 0; k < n_sorted; k++)
        {
          guint32 i = sorted[k];

          if (self->criteria == NULL || self->criteria[i])
            {
              self->mask[i] = 1;
              g_array_append_val (self->indices, i);
            }
        }

      /* the undated claims, after the dated ones */
      for (guint32 i = 0; i < self->n_claims; i++)
        if (bl_date_is_unknown (&dates[i]) && (self->criteria == NULL || self->criteria[i]))
          {
            self->mask[i] = 1;
            g_array_append_val (self->indices, i);
          }
    }
  else
    {
      guint hits_start;

      bl_time_index_query (index, first, last, self->indices);

      /* keep the hits that pass the criteria, in place */
      hits_start = 0;
      for (guint h = 0; h < self->indices->len; h++)
        {
          guint32 i = g_array_index (self->indices, guint32, h);

          if (self->criteria == NULL || self->criteria[i])
            {
              self->mask[i] = 1;
              g_array_index (self->indices, guint32, hits_start++) = i;
            }
        }
      g_array_set_size (self->indices, hits_start);
    }

  self->order = (const guint32 *) self->indices->data;
  self->n_order = self->indices->len;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_order);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_filter_changed (BlFilter        *filter,
                   guint            what,
                   BlVisibleClaims *self)
{
  if (what & BL_FILTER_CHANGE_CRITERIA)
    compute_criteria (self);
  compute_visible (self, FALSE);
}

static void
on_store_changed (GListModel      *store,
                  guint            position,
                  guint            removed,
                  guint            added,
                  BlVisibleClaims *self)
{
  self->n_claims = g_list_model_get_n_items (store);
  for (guint c = 0; c < BL_N_CLOCKS; c++)
    g_clear_pointer (&self->time_index[c], bl_time_index_unref);
  self->mask = g_renew (guint8, self->mask, MAX (self->n_claims, 1));
  memset (self->mask, 0, MAX (self->n_claims, 1));
  compute_criteria (self);
  compute_visible (self, TRUE);
}

/* The filter names a claimant, source or topic by position: when one is
 * taken out of the middle of its list, or put back, the filter follows
 * it; when the one it names goes, it names none. */
static guint32
follow (guint32 value,
        guint   position,
        guint   removed,
        guint   added)
{
  if (value == BL_NO_INDEX || value < position)
    return value;
  if (value < position + removed)
    return BL_NO_INDEX;
  return value - removed + added;
}

static void
on_actors_changed (GListModel      *list,
                   guint            position,
                   guint            removed,
                   guint            added,
                   BlVisibleClaims *self)
{
  bl_filter_set_actor (self->filter, follow (bl_filter_get_actor (self->filter), position, removed, added));
}

static void
on_sources_changed (GListModel      *list,
                    guint            position,
                    guint            removed,
                    guint            added,
                    BlVisibleClaims *self)
{
  bl_filter_set_source (self->filter, follow (bl_filter_get_source (self->filter), position, removed, added));
}

static void
on_topics_changed (GListModel      *list,
                   guint            position,
                   guint            removed,
                   guint            added,
                   BlVisibleClaims *self)
{
  bl_filter_set_topic (self->filter, follow (bl_filter_get_topic (self->filter), position, removed, added));
}

/* GListModel */

static GType
bl_visible_claims_get_item_type (GListModel *model)
{
  return BL_TYPE_CLAIM;
}

static guint
bl_visible_claims_get_n_items (GListModel *model)
{
  return BL_VISIBLE_CLAIMS (model)->n_order;
}

static gpointer
bl_visible_claims_get_item (GListModel *model,
                            guint       position)
{
  BlVisibleClaims *self = BL_VISIBLE_CLAIMS (model);

  if (position >= self->n_order)
    return NULL;

  return bl_claim_new (bl_project_get_claims (self->project),
                       self->order[position]);
}

static void
bl_visible_claims_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bl_visible_claims_get_item_type;
  iface->get_n_items = bl_visible_claims_get_n_items;
  iface->get_item = bl_visible_claims_get_item;
}

static void
bl_visible_claims_dispose (GObject *object)
{
  BlVisibleClaims *self = (BlVisibleClaims *) object;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (bl_project_get_claims (self->project), self);
      for (guint k = 0; k < BL_N_ENTITY_KINDS; k++)
        g_signal_handlers_disconnect_by_data (bl_project_get_entities (self->project, k), self);
    }

  g_clear_object (&self->filter);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bl_visible_claims_parent_class)->dispose (object);
}

static void
bl_visible_claims_finalize (GObject *object)
{
  BlVisibleClaims *self = (BlVisibleClaims *) object;

  for (guint c = 0; c < BL_N_CLOCKS; c++)
    g_clear_pointer (&self->time_index[c], bl_time_index_unref);
  g_clear_pointer (&self->criteria, g_free);
  g_clear_pointer (&self->mask, g_free);
  g_clear_pointer (&self->indices, g_array_unref);
  g_clear_pointer (&self->order_owner, bl_time_index_unref);

  G_OBJECT_CLASS (bl_visible_claims_parent_class)->finalize (object);
}

static void
bl_visible_claims_class_init (BlVisibleClaimsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bl_visible_claims_dispose;
  object_class->finalize = bl_visible_claims_finalize;

  /**
   * BlVisibleClaims::changed:
   *
   * Emitted after the visible claims were computed again, whatever the
   * cause (the filter, or claims added, changed or removed).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
bl_visible_claims_init (BlVisibleClaims *self)
{
  self->indices = g_array_new (FALSE, FALSE, sizeof (guint32));
}

/**
 * bl_visible_claims_new:
 * @project: the claims
 * @filter: what to let through
 *
 * Returns: (transfer full): the visible claims, kept up to date as the
 *   filter and the claims change
 */
BlVisibleClaims *
bl_visible_claims_new (BlProject *project,
                       BlFilter  *filter)
{
  BlVisibleClaims *self;
  BlClaimStore *store;

  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (BL_IS_FILTER (filter), NULL);

  self = g_object_new (BL_TYPE_VISIBLE_CLAIMS, NULL);
  self->project = g_object_ref (project);
  self->filter = g_object_ref (filter);

  store = bl_project_get_claims (project);
  self->n_claims = bl_claim_store_get_n_claims (store);
  self->mask = g_new0 (guint8, MAX (self->n_claims, 1));

  g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_store_changed), self);
  g_signal_connect (bl_project_get_actors (project), "items-changed", G_CALLBACK (on_actors_changed), self);
  g_signal_connect (bl_project_get_sources (project), "items-changed", G_CALLBACK (on_sources_changed), self);
  g_signal_connect (bl_project_get_topics (project), "items-changed", G_CALLBACK (on_topics_changed), self);

  compute_criteria (self);
  compute_visible (self, TRUE);

  return self;
}

/**
 * bl_visible_claims_get_project:
 *
 * Returns: (transfer none): the project
 */
BlProject *
bl_visible_claims_get_project (BlVisibleClaims *self)
{
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (self), NULL);
  return self->project;
}

/**
 * bl_visible_claims_get_filter:
 *
 * Returns: (transfer none): the filter
 */
BlFilter *
bl_visible_claims_get_filter (BlVisibleClaims *self)
{
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (self), NULL);
  return self->filter;
}

/**
 * bl_visible_claims_get_indices:
 * @n_indices: (out): how many
 *
 * Returns: (array length=n_indices): the visible claims' numbers, in time
 *   order on the filter's clock, undated claims last
 */
const guint32 *
bl_visible_claims_get_indices (BlVisibleClaims *self,
                               guint           *n_indices)
{
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (self), NULL);
  g_return_val_if_fail (n_indices != NULL, NULL);

  *n_indices = self->n_order;
  return self->order;
}

/**
 * bl_visible_claims_get_mask:
 *
 * Returns: one byte per claim, 1 when visible
 */
const guint8 *
bl_visible_claims_get_mask (BlVisibleClaims *self)
{
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (self), NULL);
  return self->mask;
}

gboolean
bl_visible_claims_contains (BlVisibleClaims *self,
                            guint            index)
{
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (self), FALSE);

  return index < self->n_claims && self->mask[index];
}

/**
 * bl_visible_claims_find:
 * @index: a claim number
 *
 * Where claim @index stands in @self as a list: one pass over the visible
 * numbers (no item is made), none when the claim is not visible.
 *
 * Returns: its position, or %G_MAXUINT when it is not visible
 */
guint
bl_visible_claims_find (BlVisibleClaims *self,
                        guint            index)
{
  const guint32 *indices;

  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (self), G_MAXUINT);

  if (!bl_visible_claims_contains (self, index))
    return G_MAXUINT;

  indices = self->order;
  for (guint p = 0; p < self->n_order; p++)
    if (indices[p] == index)
      return p;

  g_return_val_if_reached (G_MAXUINT);
}

/**
 * bl_visible_claims_passes_criteria:
 *
 * Returns: whether the claim passes everything but the time window
 */
gboolean
bl_visible_claims_passes_criteria (BlVisibleClaims *self,
                                   guint            index)
{
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (self), FALSE);

  return index < self->n_claims && (self->criteria == NULL || self->criteria[index]);
}

/**
 * bl_visible_claims_get_criteria_mask:
 *
 * Returns: (transfer none) (nullable): per claim, non-zero when it passes
 *   the filter's criteria (the window aside); %NULL when every claim does
 */
const guint8 *
bl_visible_claims_get_criteria_mask (BlVisibleClaims *self)
{
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (self), NULL);
  return self->criteria;
}

/**
 * bl_visible_claims_get_time_index:
 * @clock: which clock
 *
 * Returns: (transfer none): the time index of the project's claims on
 *   @clock, built on first use and kept until the claims change
 */
BlTimeIndex *
bl_visible_claims_get_time_index (BlVisibleClaims *self,
                                  BlClock          clock)
{
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (self), NULL);
  g_return_val_if_fail (clock < BL_N_CLOCKS, NULL);

  if (self->time_index[clock] == NULL)
    self->time_index[clock] = bl_time_index_new (bl_project_get_claims (self->project), clock);

  return self->time_index[clock];
}
