/* bl-comparison-private.h — what the comparison object and its builder share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-comparison.h"
#include "bl-visible-claims.h"

G_BEGIN_DECLS

/* How many claims a citation chain is followed through from one row. */
#define MAX_CITATION_WALK 4096

struct _BlComparison
{
  GObject             parent_instance;

  /* owned */
  BlProject          *project;
  guint32            *topics;
  guint               n_topics;
  GArray             *rows;          /* BlComparisonRow */
  GHashTable         *row_of_claim;  /* claim index → row + 1 */
  BlComparisonGroup  *claimants;
  guint               n_claimants;
  BlComparisonGroup  *sources;
  guint               n_sources;
  BlComparisonOrigin *origins;
  guint               n_origins;
  BlComparisonStats  *stats;         /* n_topics + 1: the last is all rows */
};

/* The row of claim index @claim, or G_MAXUINT */
G_GNUC_INTERNAL
guint              bl_comparison_row_of             (BlComparison      *self,
                                                     guint32            claim);
G_GNUC_INTERNAL
BlComparisonRow   *bl_comparison_row                (BlComparison      *self,
                                                     guint              row);
/* An assertion with a figure */
G_GNUC_INTERNAL
gboolean           bl_comparison_row_is_figure      (const BlComparisonRow *row);
/* qsort()/bsearch() order of guint */
G_GNUC_INTERNAL
int                bl_comparison_compare_uint       (gconstpointer      a,
                                                     gconstpointer      b);
/* Equal after case folding and normalisation; %NULL equals nothing */
G_GNUC_INTERNAL
gboolean           bl_comparison_same_text_folded   (const char        *a,
                                                     const char        *b);

/* The building steps, called in this order by bl_comparison_new() */
G_GNUC_INTERNAL
void               bl_comparison_collect_rows       (BlComparison      *self,
                                                     BlVisibleClaims   *visible);
G_GNUC_INTERNAL
void               bl_comparison_collect_relations  (BlComparison      *self);
G_GNUC_INTERNAL
void               bl_comparison_collect_origins    (BlComparison      *self);
G_GNUC_INTERNAL
BlComparisonGroup *bl_comparison_collect_groups     (BlComparison      *self,
                                                     gboolean           by_source,
                                                     guint             *n_groups);
G_GNUC_INTERNAL
void               bl_comparison_compute_stats      (BlComparison      *self,
                                                     guint              slot,
                                                     BlComparisonStats *stats);

G_END_DECLS
