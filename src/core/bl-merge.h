/* bl-merge.h — merging imported claims into an open project
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bl_project_merge() takes the claims of one project (an import, or what
 * a feed served) into another, matching what is already there:
 *
 * - claimants by name (spaces trimmed, NFKC, case folded);
 * - sources by address, else by name when one of the two has no address
 *   (two articles of one outlet stay two sources);
 * - topics by title, else by id;
 * - claims by id, else by identical content: the same statement,
 *   claimant, source, said-on date and location (point, areas, polygon).
 *
 * What matches nothing is added; an actor, source or topic whose id is
 * taken gets a new one. A claim whose id is already here is left alone
 * when its content is the same ("identical"), updated when the project
 * holds the version last imported from the same origin ("updated"), and
 * otherwise kept as it is here and reported ("conflict"): Borderline never
 * overwrites a claim edited since it was imported. A relation to a claim
 * in neither project is dropped with a note. Title, description,
 * annotations and views of the imported project are not merged.
 *
 * # Origins
 *
 * Whether a claim was edited here is told by #BlMergeOptions.origins, a
 * table the caller keeps per origin (a feed keeps one; see bl-feed.h):
 * claim id → the fingerprints (bl_merge_fingerprint()) of the last few
 * versions that origin delivered, space-separated, newest first. A claim
 * whose current fingerprint is among them was not edited here. The merge
 * reads and updates the table. Without a table no claim is ever updated.
 *
 * # Feeds
 *
 * With #BlMergeOptions.feed_id set, every claim merged gets the tag
 * `feed:FEED-ID` (tags are free text in the model). That tag is how feed
 * claims are kept apart: the interface shows a claim carrying it as
 * read-only and names the feed; the claim stays in the project, with its
 * tag, when the feed is unsubscribed or goes away. Removing the tag makes
 * it an ordinary claim; the next refresh then reports it as edited here.
 * A feed claim whose id is taken here by a claim that is not from that
 * feed is added as `FEED-ID:ID` instead (feeds without ids of their own
 * all number their claims "geojson-1", "geojson-2", …).
 *
 * # Undo
 *
 * Given a #BlHistory, every change is made through it in one group
 * ("Import 3 Claims", or #BlMergeOptions.label), so one Undo takes the
 * whole merge back. The origins table is not part of the history.
 */
#pragma once

#include <glib-object.h>

#include "bl-history.h"
#include "bl-project.h"

G_BEGIN_DECLS

/**
 * BlMergeOutcome:
 * @BL_MERGE_ADDED: the claim was new and was added
 * @BL_MERGE_UPDATED: the claim was here as last imported and was replaced
 *   by the new version
 * @BL_MERGE_IDENTICAL: the same claim is already here; nothing changed
 * @BL_MERGE_CONFLICT: a different claim with that id is here (edited here,
 *   or from elsewhere); the one here was kept
 *
 * What became of one imported claim.
 */
typedef enum {
  BL_MERGE_ADDED,
  BL_MERGE_UPDATED,
  BL_MERGE_IDENTICAL,
  BL_MERGE_CONFLICT,
  BL_N_MERGE_OUTCOMES
} BlMergeOutcome;

/**
 * BlMergeOptions:
 * @feed_id: (nullable): the id of the feed the claims come from: each
 *   merged claim is tagged `feed:FEED-ID`
 * @origins: (nullable): claim id → fingerprints of the versions imported
 *   from this origin (see above); read and updated. Create it with
 *   g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free).
 * @label: (nullable): the name of the undo step; %NULL for
 *   "Import N Claims"
 * @max_listed: the most claims listed one by one per outcome (all are
 *   counted); 0 for the default, 1000
 *
 * How to merge. Initialise with bl_merge_options_init().
 */
typedef struct {
  const char *feed_id;
  GHashTable *origins;
  const char *label;
  guint       max_listed;
} BlMergeOptions;

void bl_merge_options_init (BlMergeOptions *options);

#define BL_TYPE_MERGE_REPORT (bl_merge_report_get_type ())

typedef struct _BlMergeReport BlMergeReport;

GType           bl_merge_report_get_type        (void) G_GNUC_CONST;
BlMergeReport  *bl_merge_report_new             (guint           max_listed);
BlMergeReport  *bl_merge_report_ref             (BlMergeReport  *report);
void            bl_merge_report_unref           (BlMergeReport  *report);

guint           bl_merge_report_get_count       (BlMergeReport  *report,
                                                 BlMergeOutcome  outcome);
guint           bl_merge_report_get_n_entries   (BlMergeReport  *report);
BlMergeOutcome  bl_merge_report_get_outcome     (BlMergeReport  *report,
                                                 guint           index);
const char     *bl_merge_report_get_claim_id    (BlMergeReport  *report,
                                                 guint           index);
const char     *bl_merge_report_get_reason      (BlMergeReport  *report,
                                                 guint           index);
guint           bl_merge_report_get_n_notes     (BlMergeReport  *report);
const char     *bl_merge_report_get_note        (BlMergeReport  *report,
                                                 guint           index);
void            bl_merge_report_add_claim       (BlMergeReport  *report,
                                                 BlMergeOutcome  outcome,
                                                 const char     *claim_id,
                                                 char           *reason);
void            bl_merge_report_add_note        (BlMergeReport  *report,
                                                 const char     *note);
gboolean        bl_merge_report_get_not_modified (BlMergeReport *report);
void            bl_merge_report_set_not_modified (BlMergeReport *report,
                                                  gboolean       not_modified);
gboolean        bl_merge_report_has_changes     (BlMergeReport  *report);
char           *bl_merge_report_get_summary     (BlMergeReport  *report);
char           *bl_merge_report_to_string       (BlMergeReport  *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlMergeReport, bl_merge_report_unref)

char     *bl_merge_normalize_name (const char           *name);
char     *bl_merge_fingerprint    (BlProject            *project,
                                   const BlClaimRecord  *record);

gboolean  bl_project_merge        (BlProject            *into,
                                   BlProject            *from,
                                   BlHistory            *history,
                                   const BlMergeOptions *options,
                                   BlMergeReport       **report,
                                   GError              **error);

G_END_DECLS
