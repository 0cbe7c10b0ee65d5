/* bl-merge-fingerprint.c — what a merge compares: names, contents, fingerprints
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A claim's fingerprint is a SHA-256 of every field as stored here, with
 * the claimant, source and topic by id (so renaming an actor is not an
 * edit of its claims), truncated to 128 bits. The fingerprints a claim
 * had when it was imported are kept in #BlMergeOptions.origins, so that a
 * later merge can tell a claim edited here from one changed at the source.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-merge.h"
#include "bl-merge-private.h"

#define FINGERPRINT_LEN    32
#define MAX_FINGERPRINTS   4

/* Names and fingerprints {{{ */

/**
 * bl_merge_normalize_name:
 * @name: (nullable): an actor's name, a source's, a topic's title
 *
 * Returns: (transfer full) (nullable): @name as names are compared:
 *   trimmed, NFKC, case folded; %NULL when empty or not UTF-8
 */
char *
bl_merge_normalize_name (const char *name)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;

  nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return NULL;
  g_strstrip (nfkc);
  if (*nfkc == '\0')
    return NULL;

  folded = g_utf8_casefold (nfkc, -1);
  /* casefolding may leave a string that NFKC would change again (ß → ss) */
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
}

static void
put_text (GString    *s,
          const char *text)
{
  if (text == NULL)
    g_string_append (s, "-;");
  else
    g_string_append_printf (s, "%" G_GSIZE_FORMAT ":%s;", strlen (text), text);
}

static void
put_double (GString *s,
            double   d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (d))
    g_string_append (s, "n;");
  else
    g_string_append_printf (s, "%s;", g_ascii_dtostr (buf, sizeof buf, d));
}

static void
put_date (GString      *s,
          const BlDate *date)
{
  g_string_append_printf (s, "%d,%d,%u,%u,%u;", date->first_day, date->last_day,
                          date->start_precision, date->end_precision, date->flags);
}

static void
put_strv (GString            *s,
          const char * const *strv)
{
  guint n = strv != NULL ? g_strv_length ((char **) strv) : 0;

  g_string_append_printf (s, "%u[", n);
  for (guint i = 0; i < n; i++)
    put_text (s, strv[i]);
  g_string_append (s, "];");
}

static void
put_location (GString             *s,
              const BlClaimRecord *r)
{
  put_double (s, r->lat);
  put_double (s, r->lon);
  put_strv (s, r->areas);
  g_string_append_printf (s, "%u[", r->polygon != NULL ? r->n_polygon : 0);
  for (guint i = 0; r->polygon != NULL && i < 2 * r->n_polygon; i++)
    put_double (s, r->polygon[i]);
  g_string_append (s, "];");
}

/* What "identical content" compares: statement, claimant, source, said on,
 * location. */
char *
bl_merge_content_key (const BlClaimRecord *r,
                      const char          *actor_id,
                      const char          *source_id)
{
  GString *s = g_string_new (NULL);

  put_text (s, r->statement);
  put_text (s, actor_id);
  put_text (s, source_id);
  put_date (s, &r->said_on);
  put_location (s, r);
  return g_string_free (s, FALSE);
}

/* The fingerprint of @r, its claimant, source and topic given by id. */
char *
bl_merge_fingerprint_ids (const BlClaimRecord *r,
                          const char          *actor_id,
                          const char          *source_id,
                          const char          *topic_id)
{
  g_autoptr(GString) s = g_string_new ("borderline-claim-1;");
  g_autofree char *sum = NULL;

  put_text (s, r->statement);
  put_text (s, r->quote);
  put_text (s, actor_id);
  put_text (s, source_id);
  put_text (s, topic_id);
  put_date (s, &r->said_on);
  put_date (s, &r->about);
  if (r->quantity == NULL)
    g_string_append (s, "-;");
  else
    {
      put_double (s, r->quantity->value);
      put_double (s, r->quantity->min);
      put_double (s, r->quantity->max);
      put_text (s, r->quantity->unit);
      put_text (s, r->quantity->text);
      g_string_append_printf (s, "%u;", r->quantity->qualifier);
    }
  g_string_append_printf (s, "%u;%u;%u;", r->stance, r->credibility, r->precision);
  put_text (s, r->place);
  put_location (s, r);
  put_strv (s, r->tags);
  put_text (s, r->notes);
  g_string_append_printf (s, "%u[", r->relations != NULL ? r->n_relations : 0);
  for (guint i = 0; r->relations != NULL && i < r->n_relations; i++)
    {
      g_string_append_printf (s, "%u,", r->relations[i].kind);
      put_text (s, r->relations[i].claim_id);
    }
  g_string_append (s, "];");

  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) s->str, s->len);
  return g_strndup (sum, FINGERPRINT_LEN);
}

/* The id of the actor at @index of @project, or %NULL. */
const char *
bl_merge_actor_id_at (BlProject *project,
                      guint32    index)
{
  BlActor *actor = index != BL_NO_INDEX ? bl_project_get_actor (project, index) : NULL;

  return actor != NULL ? bl_actor_get_id (actor) : NULL;
}

/* The id of the source at @index of @project, or %NULL. */
const char *
bl_merge_source_id_at (BlProject *project,
                       guint32    index)
{
  BlSource *source = index != BL_NO_INDEX ? bl_project_get_source (project, index) : NULL;

  return source != NULL ? bl_source_get_id (source) : NULL;
}

static const char *
topic_id_at (BlProject *project,
             guint32    index)
{
  BlTopic *topic = index != BL_NO_INDEX ? bl_project_get_topic (project, index) : NULL;

  return topic != NULL ? bl_topic_get_id (topic) : NULL;
}

/**
 * bl_merge_fingerprint:
 * @project: the project @record is in (for its claimant, source and topic)
 * @record: a claim
 *
 * Returns: (transfer full): 32 hex digits that change with any field of
 *   the claim, as kept in #BlMergeOptions.origins
 */
char *
bl_merge_fingerprint (BlProject           *project,
                      const BlClaimRecord *record)
{
  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (record != NULL, NULL);

  return bl_merge_fingerprint_ids (record,
                                   bl_merge_actor_id_at (project, record->actor),
                                   bl_merge_source_id_at (project, record->source),
                                   topic_id_at (project, record->topic));
}

/* Whether @fp is among the fingerprints kept for @claim_id. */
gboolean
bl_merge_origins_contain (GHashTable *origins,
                          const char *claim_id,
                          const char *fp)
{
  const char *known = origins != NULL ? g_hash_table_lookup (origins, claim_id) : NULL;
  gsize len = strlen (fp);

  for (const char *p = known; p != NULL && *p != '\0';)
    {
      const char *end = strchr (p, ' ');
      gsize n = end != NULL ? (gsize) (end - p) : strlen (p);

      if (n == len && memcmp (p, fp, n) == 0)
        return TRUE;
      p = end != NULL ? end + 1 : NULL;
    }
  return FALSE;
}

/* Puts @fp first among the fingerprints of @claim_id, keeping a few. */
void
bl_merge_origins_remember (GHashTable *origins,
                           const char *claim_id,
                           const char *fp)
{
  const char *known = g_hash_table_lookup (origins, claim_id);
  g_auto(GStrv) old = known != NULL ? g_strsplit (known, " ", -1) : NULL;
  GString *s = g_string_new (fp);
  guint kept = 1;

  for (guint i = 0; old != NULL && old[i] != NULL && kept < MAX_FINGERPRINTS; i++)
    {
      if (*old[i] == '\0' || g_str_equal (old[i], fp))
        continue;
      g_string_append_printf (s, " %s", old[i]);
      kept++;
    }
  g_hash_table_replace (origins, g_strdup (claim_id), g_string_free (s, FALSE));
}

/* }}} */
