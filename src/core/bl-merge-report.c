/* bl-merge-report.c — what a merge did, claim by claim
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: the outcome of bl_project_merge() or of a feed's
 * refresh, for the import dialog and the feeds dialog: counts of claims
 * added, updated, already here and skipped, each listed (up to a limit)
 * with a reason in words, and notes (relations dropped, records the
 * import rejected). Reference counted, so a signal can hand it over.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bl-merge.h"

#define DEFAULT_MAX_LISTED 1000

typedef struct {
  BlMergeOutcome  outcome;
  char           *claim_id;
  char           *reason;
} Entry;

struct _BlMergeReport
{
  gatomicrefcount  ref_count;
  guint            max_listed;
  guint            counts[BL_N_MERGE_OUTCOMES];
  GArray          *entries;          /* Entry */
  GPtrArray       *notes;            /* char * */
  guint            n_notes_unlisted;
  gboolean         not_modified;
};

G_DEFINE_BOXED_TYPE (BlMergeReport, bl_merge_report, bl_merge_report_ref, bl_merge_report_unref)

static void
entry_clear (Entry *entry)
{
  g_free (entry->claim_id);
  g_free (entry->reason);
}

/**
 * bl_merge_report_new:
 * @max_listed: the most claims listed per outcome, and notes; 0 for 1000
 *
 * Returns: (transfer full): an empty report
 */
BlMergeReport *
bl_merge_report_new (guint max_listed)
{
  BlMergeReport *report = g_new0 (BlMergeReport, 1);

  g_atomic_ref_count_init (&report->ref_count);
  report->max_listed = max_listed > 0 ? max_listed : DEFAULT_MAX_LISTED;
  report->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (report->entries, (GDestroyNotify) entry_clear);
  report->notes = g_ptr_array_new_with_free_func (g_free);
  return report;
}

BlMergeReport *
bl_merge_report_ref (BlMergeReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_ref_count_inc (&report->ref_count);
  return report;
}

void
bl_merge_report_unref (BlMergeReport *report)
{
  g_return_if_fail (report != NULL);

  if (!g_atomic_ref_count_dec (&report->ref_count))
    return;
  g_array_unref (report->entries);
  g_ptr_array_unref (report->notes);
  g_free (report);
}

/**
 * bl_merge_report_add_claim:
 * @claim_id: the claim's id in the project merged into
 * @reason: (transfer full): why, in words
 *
 * Counts a claim with @outcome, and lists it while fewer than the
 * report's max_listed of that outcome are.
 */
void
bl_merge_report_add_claim (BlMergeReport  *report,
                           BlMergeOutcome  outcome,
                           const char     *claim_id,
                           char           *reason)
{
  Entry entry = { outcome, NULL, reason };

  g_return_if_fail (report != NULL);
  g_return_if_fail (outcome < BL_N_MERGE_OUTCOMES);
  g_return_if_fail (claim_id != NULL);

  if (report->counts[outcome]++ >= report->max_listed)
    {
      g_free (reason);
      return;
    }
  entry.claim_id = g_strdup (claim_id);
  g_array_append_val (report->entries, entry);
}

/**
 * bl_merge_report_get_count:
 *
 * Returns: how many imported claims had @outcome
 */
guint
bl_merge_report_get_count (BlMergeReport  *report,
                           BlMergeOutcome  outcome)
{
  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (outcome < BL_N_MERGE_OUTCOMES, 0);

  return report->counts[outcome];
}

/**
 * bl_merge_report_get_n_entries:
 *
 * Returns: how many claims are listed (at most the report's max_listed
 *   per outcome), in the order of the import
 */
guint
bl_merge_report_get_n_entries (BlMergeReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->entries->len;
}

BlMergeOutcome
bl_merge_report_get_outcome (BlMergeReport *report,
                             guint          index)
{
  g_return_val_if_fail (report != NULL, BL_MERGE_IDENTICAL);
  g_return_val_if_fail (index < report->entries->len, BL_MERGE_IDENTICAL);

  return g_array_index (report->entries, Entry, index).outcome;
}

/**
 * bl_merge_report_get_claim_id:
 *
 * Returns: the id, in the project merged into, of the claim listed at
 *   @index
 */
const char *
bl_merge_report_get_claim_id (BlMergeReport *report,
                              guint          index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->entries->len, NULL);

  return g_array_index (report->entries, Entry, index).claim_id;
}

/**
 * bl_merge_report_get_reason:
 *
 * Returns: why the claim listed at @index had its outcome, in words
 */
const char *
bl_merge_report_get_reason (BlMergeReport *report,
                            guint          index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->entries->len, NULL);

  return g_array_index (report->entries, Entry, index).reason;
}

guint
bl_merge_report_get_n_notes (BlMergeReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->notes->len;
}

/**
 * bl_merge_report_get_note:
 *
 * Returns: a note in words: a relation dropped, a record the import
 *   rejected
 */
const char *
bl_merge_report_get_note (BlMergeReport *report,
                          guint          index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->notes->len, NULL);

  return g_ptr_array_index (report->notes, index);
}

/**
 * bl_merge_report_add_note:
 * @note: a sentence for people
 *
 * Adds a note; beyond the report's max_listed they are only counted.
 */
void
bl_merge_report_add_note (BlMergeReport *report,
                          const char    *note)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (note != NULL);

  if (report->notes->len >= report->max_listed)
    report->n_notes_unlisted++;
  else
    g_ptr_array_add (report->notes, g_strdup (note));
}

/**
 * bl_merge_report_get_not_modified:
 *
 * Returns: %TRUE when a feed answered that nothing changed since the
 *   last refresh, so nothing was merged
 */
gboolean
bl_merge_report_get_not_modified (BlMergeReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->not_modified;
}

void
bl_merge_report_set_not_modified (BlMergeReport *report,
                                  gboolean       not_modified)
{
  g_return_if_fail (report != NULL);
  report->not_modified = !!not_modified;
}

/**
 * bl_merge_report_has_changes:
 *
 * Returns: whether the merge added or updated any claim
 */
gboolean
bl_merge_report_has_changes (BlMergeReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->counts[BL_MERGE_ADDED] + report->counts[BL_MERGE_UPDATED] > 0;
}

/**
 * bl_merge_report_get_summary:
 *
 * Returns: (transfer full): one line for a toast: "2 added, 1 updated,
 *   4 unchanged, 1 kept as edited here", or "Not changed since the last
 *   refresh"
 */
char *
bl_merge_report_get_summary (BlMergeReport *report)
{
  GString *s;
  guint n;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->not_modified)
    return g_strdup (_("Not changed since the last refresh"));

  s = g_string_new (NULL);
  n = report->counts[BL_MERGE_ADDED];
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u claim added", "%u claims added", n), n);
  n = report->counts[BL_MERGE_UPDATED];
  g_string_append (s, ", ");
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u updated", "%u updated", n), n);
  n = report->counts[BL_MERGE_IDENTICAL];
  g_string_append (s, ", ");
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u already here", "%u already here", n), n);
  n = report->counts[BL_MERGE_CONFLICT];
  if (n > 0)
    {
      g_string_append (s, ", ");
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u skipped (different here)",
                                              "%u skipped (different here)", n), n);
    }
  return g_string_free (s, FALSE);
}

/**
 * bl_merge_report_to_string:
 *
 * Returns: (transfer full): the summary, then each listed claim and note
 *   on a line of its own
 */
char *
bl_merge_report_to_string (BlMergeReport *report)
{
  static const char * const words[] = { N_("added"), N_("updated"), N_("already here"), N_("skipped") };
  g_autofree char *summary = NULL;
  GString *s;

  g_return_val_if_fail (report != NULL, NULL);

  summary = bl_merge_report_get_summary (report);
  s = g_string_new (summary);
  g_string_append_c (s, '\n');
  for (guint i = 0; i < report->entries->len; i++)
    {
      Entry *e = &g_array_index (report->entries, Entry, i);

      g_string_append_printf (s, "%s: %s: %s\n", e->claim_id, _(words[e->outcome]), e->reason);
    }
  for (guint i = 0; i < report->notes->len; i++)
    g_string_append_printf (s, "%s\n", (const char *) g_ptr_array_index (report->notes, i));
  if (report->n_notes_unlisted > 0)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "… and %u more note\n",
                                            "… and %u more notes\n", report->n_notes_unlisted),
                            report->n_notes_unlisted);
  return g_string_free (s, FALSE);
}
