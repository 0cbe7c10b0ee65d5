/* bl-vocab.c — the controlled vocabularies of the model
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each enumeration of the model has a stable identifier, written in project
 * files and never translated, and a label for people, translated. The
 * Admiralty grades have their standard meanings. Nothing here allocates.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bl-vocab.h"

typedef struct {
  const char *id;
  const char *label;
} Term;

static const Term stances[BL_N_STANCES] = {
  [BL_STANCE_ASSERTS]   = { "asserts",   N_("Asserts") },
  [BL_STANCE_DENIES]    = { "denies",    N_("Denies") },
  [BL_STANCE_QUALIFIES] = { "qualifies", N_("Qualifies") },
};

static const Term actor_kinds[BL_N_ACTOR_KINDS] = {
  [BL_ACTOR_OTHER]              = { "other",               N_("Other") },
  [BL_ACTOR_STATE_OFFICIAL]     = { "state-official",      N_("State official") },
  [BL_ACTOR_INTERNATIONAL_BODY] = { "international-body",  N_("International body") },
  [BL_ACTOR_ARMED_GROUP]        = { "armed-group",         N_("Armed group") },
  [BL_ACTOR_MEDIA]              = { "media",               N_("Media") },
  [BL_ACTOR_NGO]                = { "ngo",                 N_("Non-governmental organisation") },
};

static const Term source_kinds[BL_N_SOURCE_KINDS] = {
  [BL_SOURCE_OTHER]              = { "other",              N_("Other") },
  [BL_SOURCE_NEWS_OUTLET]        = { "news-outlet",        N_("News outlet") },
  [BL_SOURCE_NEWS_AGENCY]        = { "news-agency",        N_("News agency") },
  [BL_SOURCE_OFFICIAL_STATEMENT] = { "official-statement", N_("Official statement") },
  [BL_SOURCE_REPORT]             = { "report",             N_("Report") },
  [BL_SOURCE_SOCIAL_MEDIA]       = { "social-media",       N_("Social media") },
  [BL_SOURCE_DATASET]            = { "dataset",            N_("Dataset") },
};

static const Term relation_kinds[BL_N_RELATION_KINDS] = {
  [BL_RELATION_CITES]        = { "cites",        N_("Cites") },
  [BL_RELATION_DENIES]       = { "denies",       N_("Denies") },
  [BL_RELATION_CORROBORATES] = { "corroborates", N_("Corroborates") },
};

static const Term precisions[BL_N_PRECISIONS] = {
  [BL_PRECISION_EXACT]      = { "exact",      N_("Exact") },
  [BL_PRECISION_SETTLEMENT] = { "settlement", N_("Settlement") },
  [BL_PRECISION_DISTRICT]   = { "district",   N_("District") },
  [BL_PRECISION_PROVINCE]   = { "province",   N_("Province") },
  [BL_PRECISION_COUNTRY]    = { "country",    N_("Country") },
  [BL_PRECISION_REGION]     = { "region",     N_("Region") },
  [BL_PRECISION_UNKNOWN]    = { "unknown",    N_("Unknown") },
};

static const char * const reliability_meanings[] = {
  N_("Not graded"),
  N_("Completely reliable"),
  N_("Usually reliable"),
  N_("Fairly reliable"),
  N_("Not usually reliable"),
  N_("Unreliable"),
  N_("Reliability cannot be judged"),
};

static const char * const credibility_meanings[] = {
  N_("Not graded"),
  N_("Confirmed by other sources"),
  N_("Probably true"),
  N_("Possibly true"),
  N_("Doubtful"),
  N_("Improbable"),
  N_("Truth cannot be judged"),
};

static gboolean
lookup (const Term *terms,
        guint       n_terms,
        const char *text,
        guint      *out)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < n_terms; i++)
    {
      if (strcmp (terms[i].id, text) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_VOCABULARY(prefix, Type, table, n)                        \
  const char *                                                           \
  prefix##_to_string (Type value)                                        \
  {                                                                      \
    g_return_val_if_fail ((guint) value < n, NULL);                      \
    return table[value].id;                                              \
  }                                                                      \
                                                                         \
  gboolean                                                               \
  prefix##_from_string (const char *text,                                \
                        Type       *out)                                 \
  {                                                                      \
    guint i;                                                             \
                                                                         \
    g_return_val_if_fail (out != NULL, FALSE);                           \
                                                                         \
    if (!lookup (table, n, text, &i))                                    \
      return FALSE;                                                      \
    *out = (Type) i;                                                     \
    return TRUE;                                                         \
  }                                                                      \
                                                                         \
  const char *                                                           \
  prefix##_get_label (Type value)                                        \
  {                                                                      \
    g_return_val_if_fail ((guint) value < n, NULL);                      \
    return _(table[value].label);                                        \
  }

DEFINE_VOCABULARY (bl_stance, BlStance, stances, BL_N_STANCES)
DEFINE_VOCABULARY (bl_actor_kind, BlActorKind, actor_kinds, BL_N_ACTOR_KINDS)
DEFINE_VOCABULARY (bl_source_kind, BlSourceKind, source_kinds, BL_N_SOURCE_KINDS)
DEFINE_VOCABULARY (bl_relation_kind, BlRelationKind, relation_kinds, BL_N_RELATION_KINDS)
DEFINE_VOCABULARY (bl_precision, BlPrecision, precisions, BL_N_PRECISIONS)

/**
 * bl_reliability_to_letter:
 * @reliability: 1..6, or 0 for none
 *
 * Returns: the Admiralty letter 'A'..'F', or '\0' when not graded
 */
char
bl_reliability_to_letter (guint reliability)
{
  g_return_val_if_fail (reliability <= 6, '\0');

  return reliability == 0 ? '\0' : (char) ('A' + reliability - 1);
}

/**
 * bl_reliability_from_string:
 * @text: a single letter, "A" to "F"
 * @out: (out): 1..6
 *
 * Returns: %TRUE when @text is a reliability grade
 */
gboolean
bl_reliability_from_string (const char *text,
                            guint      *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL || text[0] < 'A' || text[0] > 'F' || text[1] != '\0')
    return FALSE;

  *out = (guint) (text[0] - 'A') + 1;
  return TRUE;
}

const char *
bl_reliability_get_meaning (guint reliability)
{
  g_return_val_if_fail (reliability < G_N_ELEMENTS (reliability_meanings), NULL);

  return _(reliability_meanings[reliability]);
}

const char *
bl_credibility_get_meaning (guint credibility)
{
  g_return_val_if_fail (credibility < G_N_ELEMENTS (credibility_meanings), NULL);

  return _(credibility_meanings[credibility]);
}
