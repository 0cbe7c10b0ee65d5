/* bl-format-report.c — the report of an import
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: counting what an import took and left, listing its
 * problems (up to a limit) and describing the first records one by one,
 * for the import dialog and the command line. What it is not: an
 * importer (see bl-format.c for the one that chooses it).
 */
#include "config.h"

#include <string.h>

#include "bl-format-private.h"

#define DEFAULT_MAX_LISTED 1000

struct _BlImportReport
{
  char      *name;
  BlFormat   format;
  guint      max_listed;
  guint      n_imported;
  guint      n_rejected;
  guint      n_warnings;
  GPtrArray *messages;   /* char * */
  GArray    *kinds;      /* BlImportProblemKind */

  /* the first records, described one by one */
  guint      max_described;
  GArray    *records;    /* Record */
  gboolean   in_record;  /* the last of @records is being read */
  char      *record_place;
};

typedef struct {
  guint      number;
  guint      claim;      /* BL_NO_INDEX: not imported */
  gboolean   rejected;
  GPtrArray *problems;   /* char *, NULL-terminated */
} Record;

/* Report {{{ */

/**
 * bl_import_report_new:
 * @display_name: the file, as messages name it
 * @max_listed: the most problems listed one by one; 0 for the default
 */
BlImportReport *
bl_import_report_new (const char *display_name,
                      guint       max_listed)
{
  BlImportReport *report = g_new0 (BlImportReport, 1);

  report->name = g_strdup (display_name ? display_name : "<input>");
  report->max_listed = max_listed ? max_listed : DEFAULT_MAX_LISTED;
  report->messages = g_ptr_array_new_with_free_func (g_free);
  report->kinds = g_array_new (FALSE, FALSE, sizeof (BlImportProblemKind));
  report->records = g_array_new (FALSE, FALSE, sizeof (Record));
  return report;
}

static void
record_clear (Record *record)
{
  g_ptr_array_unref (record->problems);
}

void
bl_import_report_free (BlImportReport *report)
{
  if (report == NULL)
    return;

  g_free (report->name);
  g_ptr_array_unref (report->messages);
  g_array_unref (report->kinds);
  for (guint i = 0; i < report->records->len; i++)
    record_clear (&g_array_index (report->records, Record, i));
  g_array_unref (report->records);
  g_free (report->record_place);
  g_free (report);
}

const char *
bl_import_report_get_name (BlImportReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->name;
}

/**
 * bl_import_report_get_format:
 *
 * Returns: the format the file was read as
 */
BlFormat
bl_import_report_get_format (BlImportReport *report)
{
  g_return_val_if_fail (report != NULL, BL_FORMAT_UNKNOWN);
  return report->format;
}

/**
 * bl_import_report_get_n_imported:
 *
 * Returns: how many claims were imported
 */
guint
bl_import_report_get_n_imported (BlImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_imported;
}

/**
 * bl_import_report_get_n_rejected:
 *
 * Returns: how many records were not imported, listed or not
 */
guint
bl_import_report_get_n_rejected (BlImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_rejected;
}

/**
 * bl_import_report_get_n_warnings:
 *
 * Returns: how many warnings (records imported in part) there were
 */
guint
bl_import_report_get_n_warnings (BlImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->n_warnings;
}

/**
 * bl_import_report_get_n_listed:
 *
 * Returns: how many problems are listed (at most the report's maximum)
 */
guint
bl_import_report_get_n_listed (BlImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->messages->len;
}

BlImportProblemKind
bl_import_report_get_kind (BlImportReport *report,
                           guint           index)
{
  g_return_val_if_fail (report != NULL, BL_IMPORT_REJECTED);
  g_return_val_if_fail (index < report->kinds->len, BL_IMPORT_REJECTED);

  return g_array_index (report->kinds, BlImportProblemKind, index);
}

/**
 * bl_import_report_get_message:
 *
 * Returns: the problem with its place: "FILE:LINE: message" or
 *   "FILE: features[3].geometry: message"
 */
const char *
bl_import_report_get_message (BlImportReport *report,
                              guint           index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->messages->len, NULL);

  return g_ptr_array_index (report->messages, index);
}

/**
 * bl_import_report_to_string:
 *
 * Returns: (transfer full): every listed problem, one a line, and a last
 *   line counting those not listed
 */
char *
bl_import_report_to_string (BlImportReport *report)
{
  GString *s;
  guint total;

  g_return_val_if_fail (report != NULL, NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < report->messages->len; i++)
    {
      g_string_append (s, g_ptr_array_index (report->messages, i));
      g_string_append_c (s, '\n');
    }
  total = report->n_rejected + report->n_warnings;
  if (total > report->messages->len)
    {
      guint rest = total - report->messages->len;

      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%s: and %u more problem\n",
                                              "%s: and %u more problems\n", rest),
                              report->name, rest);
    }
  return g_string_free (s, FALSE);
}

/* Adds a problem of the record being read to its description, without
 * the record's place: "lat/lon: latitude 95 is outside -90..90". */
static void
describe_problem (BlImportReport      *report,
                  BlImportProblemKind  kind,
                  const char          *message)
{
  Record *record;
  const char *rest = message;
  gsize len;

  if (!report->in_record)
    return;

  record = &g_array_index (report->records, Record, report->records->len - 1);
  len = strlen (report->record_place);
  if (strncmp (message, report->record_place, len) == 0)
    {
      rest = message + len;
      while (*rest == ':' || *rest == '.' || *rest == ' ')
        rest++;
    }
  if (kind == BL_IMPORT_REJECTED)
    record->rejected = TRUE;
  g_ptr_array_insert (record->problems, (int) record->problems->len - 1, g_strdup (rest));
}

void
bl_import_report_add (BlImportReport      *report,
                      BlImportProblemKind  kind,
                      const char          *place,
                      const char          *format,
                      ...)
{
  va_list args;
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;

  if (kind == BL_IMPORT_REJECTED)
    report->n_rejected++;
  else
    report->n_warnings++;

  if (report->messages->len >= report->max_listed && !report->in_record)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  full = g_strdup_printf ("%s: %s", place ? place : report->name, message);
  describe_problem (report, kind, full);
  if (report->messages->len >= report->max_listed)
    return;
  g_ptr_array_add (report->messages, g_steal_pointer (&full));
  g_array_append_val (report->kinds, kind);
}

/* Adds a problem whose message names its place already. */
void
bl_import_report_add_verbatim (BlImportReport      *report,
                               BlImportProblemKind  kind,
                               const char          *message)
{
  if (kind == BL_IMPORT_REJECTED)
    report->n_rejected++;
  else
    report->n_warnings++;

  describe_problem (report, kind, message);
  if (report->messages->len >= report->max_listed)
    return;
  g_ptr_array_add (report->messages, g_strdup (message));
  g_array_append_val (report->kinds, kind);
}

void
bl_import_report_set_format (BlImportReport *report,
                             BlFormat        format)
{
  report->format = format;
}

/* How many of the first records are described one by one. */
void
bl_import_report_set_max_described (BlImportReport *report,
                                    guint           max_described)
{
  report->max_described = max_described;
}

void
bl_import_report_set_imported (BlImportReport *report,
                               guint           n_imported)
{
  report->n_imported = n_imported;
}

/* The importers tell where each record begins and ends: @number is its
 * line (CSV) or its index in "features" (GeoJSON), @place the prefix of
 * its messages ("FILE:12", "FILE: features[3]"). Only the first
 * described_records records are kept. */
void
bl_import_report_begin_record (BlImportReport *report,
                               guint           number,
                               const char     *place)
{
  Record record;

  report->in_record = FALSE;
  if (report->records->len >= report->max_described)
    return;

  record.number = number;
  record.claim = BL_NO_INDEX;
  record.rejected = FALSE;
  record.problems = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (record.problems, NULL);
  g_array_append_val (report->records, record);
  g_free (report->record_place);
  report->record_place = g_strdup (place);
  report->in_record = TRUE;
}

/* The record being read became the claim with this index. */
void
bl_import_report_set_record_claim (BlImportReport *report,
                                   guint           claim)
{
  if (report->in_record)
    g_array_index (report->records, Record, report->records->len - 1).claim = claim;
}

void
bl_import_report_end_record (BlImportReport *report)
{
  report->in_record = FALSE;
}

/**
 * bl_import_report_get_n_records:
 *
 * Returns: how many records are described one by one: the first ones
 *   read, at most #BlImportOptions.described_records
 */
guint
bl_import_report_get_n_records (BlImportReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->records->len;
}

static Record *
get_record (BlImportReport *report,
            guint           index)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (index < report->records->len, NULL);
  return &g_array_index (report->records, Record, index);
}

/**
 * bl_import_report_get_record_number:
 *
 * Returns: where the record is: the line it begins on (CSV), or its index
 *   in the "features" array (GeoJSON, from 0, as the messages count)
 */
guint
bl_import_report_get_record_number (BlImportReport *report,
                                    guint           index)
{
  Record *record = get_record (report, index);

  return record ? record->number : 0;
}

/**
 * bl_import_report_get_record_claim:
 *
 * Returns: the index, in the imported project, of the claim the record
 *   became, or %BL_NO_INDEX when it was not imported
 */
guint
bl_import_report_get_record_claim (BlImportReport *report,
                                   guint           index)
{
  Record *record = get_record (report, index);

  return record ? record->claim : BL_NO_INDEX;
}

/**
 * bl_import_report_get_record_rejected:
 *
 * Returns: whether the record was rejected (not imported)
 */
gboolean
bl_import_report_get_record_rejected (BlImportReport *report,
                                      guint           index)
{
  Record *record = get_record (report, index);

  return record ? record->rejected : FALSE;
}

/**
 * bl_import_report_get_record_problems:
 *
 * Returns: (transfer none) (array zero-terminated=1): the record's
 *   problems, without its place ("lat/lon: latitude 95 is outside
 *   -90..90"); empty when it imported whole
 */
const char * const *
bl_import_report_get_record_problems (BlImportReport *report,
                                      guint           index)
{
  Record *record = get_record (report, index);

  return record ? (const char * const *) record->problems->pdata : NULL;
}

/* }}} */
