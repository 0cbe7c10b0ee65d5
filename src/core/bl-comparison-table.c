/* bl-comparison-table.c — the comparison as a table
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSV through BlCsvWriter (formula-safe), Markdown with every character
 * that means something to Markdown or HTML escaped; both saved atomically.
 * Nothing here computes the analysis: it reads a finished #BlComparison.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bl-actor.h"
#include "bl-comparison-export.h"
#include "bl-comparison-export-private.h"
#include "bl-csv-writer.h"
#include "bl-error.h"
#include "bl-source.h"
#include "bl-topic.h"
#include "bl-vocab.h"

/* Helpers: text */

static const char *
claim_id (BlComparison *cmp,
          guint         row)
{
  BlProject *project = bl_comparison_get_project (cmp);

  return bl_claim_store_get_id (bl_project_get_claims (project), bl_comparison_get_row (cmp, row)->claim);
}

const char *
bl_comparison_source_name (BlComparison *cmp,
                           guint32       source)
{
  BlSource *s;

  if (source == BL_NO_INDEX)
    return "";
  s = bl_project_get_source (bl_comparison_get_project (cmp), source);
  return bl_source_get_name (s) ? bl_source_get_name (s) : bl_source_get_id (s);
}

const char *
bl_comparison_topic_title (BlComparison *cmp,
                           guint32       topic)
{
  BlTopic *t = bl_project_get_topic (bl_comparison_get_project (cmp), topic);

  return bl_topic_get_title (t) ? bl_topic_get_title (t) : bl_topic_get_id (t);
}

char *
bl_comparison_row_figure_text (BlComparison *cmp,
                               guint         row)
{
  BlClaimStore *store = bl_project_get_claims (bl_comparison_get_project (cmp));
  BlClaimRecord r;

  bl_claim_store_get_record (store, bl_comparison_get_row (cmp, row)->claim, &r);
  return r.quantity ? bl_quantity_format (r.quantity) : NULL;
}

static char *
join_claim_ids (BlComparison *cmp,
                const guint  *rows,
                guint         n_rows,
                const char   *separator)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_rows; i++)
    {
      if (i > 0)
        g_string_append (s, separator);
      g_string_append (s, claim_id (cmp, rows[i]));
    }
  return g_string_free (s, FALSE);
}

static char *
reliability_text (guint reliability)
{
  if (reliability == 0)
    return g_strdup (bl_reliability_get_meaning (0));
  /* Translators: an Admiralty grade and its meaning, "C (Fairly reliable)" */
  return g_strdup_printf (_("%c (%s)"), bl_reliability_to_letter (reliability),
                          bl_reliability_get_meaning (reliability));
}

static char *
credibility_text (guint credibility)
{
  if (credibility == 0)
    return g_strdup (bl_credibility_get_meaning (0));
  /* Translators: an Admiralty grade and its meaning, "3 (Possibly true)" */
  return g_strdup_printf (_("%u (%s)"), credibility, bl_credibility_get_meaning (credibility));
}

/**
 * bl_markdown_escape:
 * @text: (nullable): untrusted text
 *
 * Escapes @text for a Markdown table cell: a backslash before every
 * character that Markdown or its HTML might act on (`\ | * _ ` [ ] < > #
 * ~ ! & $ ^`; with the brackets escaped, parentheses cannot form a link),
 * line breaks as spaces, other control characters dropped, invalid UTF-8
 * repaired.
 *
 * Returns: (transfer full): the escaped text
 */
char *
bl_markdown_escape (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text) + 8);
  for (const char *p = text; *p; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      if (*p == '\n' || *p == '\r' || *p == '\t')
        g_string_append_c (out, ' ');
      else if ((guchar) *p < 0x20 || *p == 0x7f)
        continue;
      else if (strchr ("\\|*_`[]<>#~!&$^", *p) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Tables */

static GBytes *
table_csv (BlComparison *cmp)
{
  static const char * const headers[] = {
    "claim_id", "topic_id", "claimant", "source", "said_on", "stance", "statement",
    "figure", "value", "min", "max", "open", "unit", "source_reliability",
    "source_reliability_meaning", "credibility", "credibility_meaning", "origin",
    "denies_or_qualifies", "denied_or_qualified_by", "outlier",
  };
  BlProject *project = bl_comparison_get_project (cmp);
  BlClaimStore *store = bl_project_get_claims (project);
  BlCsvWriter *csv = bl_csv_writer_new (BL_CSV_WRITER_NONE);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    bl_csv_writer_add_field (csv, headers[i]);
  bl_csv_writer_end_row (csv);

  for (guint i = 0; i < bl_comparison_get_n_rows (cmp); i++)
    {
      const BlComparisonRow *row = bl_comparison_get_row (cmp, i);
      BlClaimRecord r;
      g_autofree char *claimant = bl_comparison_format_claimant (cmp, i);
      g_autofree char *said_on = bl_date_to_string (&row->said_on);
      g_autofree char *figure = NULL;
      g_autofree char *against = join_claim_ids (cmp, row->against, row->n_against, " ");
      g_autofree char *countered = join_claim_ids (cmp, row->countered_by, row->n_countered_by, " ");
      char letter[2] = { 0, 0 };

      bl_claim_store_get_record (store, row->claim, &r);
      if (r.quantity)
        figure = bl_quantity_to_string (r.quantity);
      if (row->source_reliability)
        letter[0] = bl_reliability_to_letter (row->source_reliability);

      bl_csv_writer_add_field (csv, r.id);
      bl_csv_writer_add_field (csv, bl_topic_get_id (bl_project_get_topic (project, row->topic)));
      bl_csv_writer_add_field (csv, claimant);
      bl_csv_writer_add_field (csv, bl_comparison_source_name (cmp, row->source));
      bl_csv_writer_add_field (csv, said_on);
      bl_csv_writer_add_field (csv, bl_stance_to_string (row->stance));
      bl_csv_writer_add_field (csv, r.statement);
      bl_csv_writer_add_field (csv, figure);
      bl_csv_writer_add_number (csv, row->value);
      bl_csv_writer_add_number (csv, row->min);
      bl_csv_writer_add_number (csv, row->max);  /* empty when open */
      bl_csv_writer_add_field (csv, (row->flags & BL_COMPARISON_ROW_OPEN) ? "true" : "false");
      bl_csv_writer_add_field (csv, r.quantity ? r.quantity->unit : NULL);
      bl_csv_writer_add_field (csv, letter);
      bl_csv_writer_add_field (csv, bl_reliability_get_meaning (row->source_reliability));
      if (row->credibility)
        bl_csv_writer_add_uint (csv, row->credibility);
      else
        bl_csv_writer_add_field (csv, NULL);
      bl_csv_writer_add_field (csv, bl_credibility_get_meaning (row->credibility));
      bl_csv_writer_add_uint (csv, row->origin + 1);
      bl_csv_writer_add_field (csv, against);
      bl_csv_writer_add_field (csv, countered);
      bl_csv_writer_add_field (csv, (row->flags & BL_COMPARISON_ROW_OUTLIER) ? "true" : "false");
      bl_csv_writer_end_row (csv);
    }

  return bl_csv_writer_free_to_bytes (csv);
}

static void
md_cell (GString    *out,
         const char *text)
{
  g_autofree char *escaped = bl_markdown_escape (text);

  g_string_append (out, " ");
  g_string_append (out, escaped);
  g_string_append (out, " |");
}

static GBytes *
table_markdown (BlComparison *cmp)
{
  const char *headers[] = {
    _("Claimant"), _("Source"), _("Said on"), _("Topic"), _("Stance"), _("Figure"),
    _("Range"), _("Source reliability"), _("Credibility"), _("Origin"),
    _("Denies or qualifies"), _("Statement"),
  };
  BlProject *project = bl_comparison_get_project (cmp);
  BlClaimStore *store = bl_project_get_claims (project);
  GString *out = g_string_new (NULL);
  g_autofree char *title = bl_comparison_get_title (cmp);
  g_autofree char *summary = bl_comparison_format_summary (cmp);
  g_autofree char *title_md = bl_markdown_escape (title);
  g_autofree char *summary_md = bl_markdown_escape (summary);

  g_string_append_printf (out, "# %s\n\n%s\n\n|", title_md, summary_md);
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    md_cell (out, headers[i]);
  g_string_append (out, "\n|");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');

  for (guint i = 0; i < bl_comparison_get_n_rows (cmp); i++)
    {
      const BlComparisonRow *row = bl_comparison_get_row (cmp, i);
      BlClaimRecord r;
      g_autofree char *claimant = bl_comparison_format_claimant (cmp, i);
      g_autofree char *said_on = bl_date_format (&row->said_on);
      g_autofree char *figure = bl_comparison_row_figure_text (cmp, i);
      g_autofree char *range = bl_comparison_format_range (cmp, i);
      g_autofree char *reliability = reliability_text (row->source_reliability);
      g_autofree char *credibility = credibility_text (row->credibility);
      g_autofree char *origin = g_strdup_printf ("%u", row->origin + 1);
      g_autofree char *against = join_claim_ids (cmp, row->against, row->n_against, ", ");
      g_autoptr(GString) range_text = g_string_new (range);

      bl_claim_store_get_record (store, row->claim, &r);
      if (row->flags & BL_COMPARISON_ROW_OUTLIER)
        /* Translators: after a range in the comparison table */
        g_string_append (range_text, _(" (outlier)"));

      g_string_append_c (out, '|');
      md_cell (out, claimant);
      md_cell (out, bl_comparison_source_name (cmp, row->source));
      md_cell (out, said_on);
      md_cell (out, bl_comparison_topic_title (cmp, row->topic));
      md_cell (out, bl_stance_get_label (row->stance));
      md_cell (out, figure);
      md_cell (out, range_text->str);
      md_cell (out, reliability);
      md_cell (out, credibility);
      md_cell (out, origin);
      md_cell (out, against);
      md_cell (out, r.statement);
      g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n## %s\n\n", _("Origins"));
  for (guint o = 0; o < bl_comparison_get_n_origins (cmp); o++)
    {
      g_autofree char *text = bl_comparison_format_origin (cmp, o);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

      for (guint k = 0; lines[k]; k++)
        {
          g_autofree char *line = bl_markdown_escape (lines[k]);

          if (k == 0)
            g_string_append_printf (out, "%u. %s\n", o + 1, line);
          else
            g_string_append_printf (out, "    - %s\n", line);
        }
    }

  return g_string_free_to_bytes (out);
}

/**
 * bl_comparison_table_to_bytes:
 * @format: CSV or Markdown
 *
 * The comparison table, one row per claim. The CSV has these columns,
 * named in its header row (stable, not translated): claim_id, topic_id,
 * claimant, source, said_on (EDTF text), stance (asserts, denies,
 * qualifies), statement, figure (the quantity's canonical text), value,
 * min, max (numbers in the C locale; max empty when open), open (true or
 * false), unit, source_reliability (A–F), source_reliability_meaning,
 * credibility (1–6), credibility_meaning, origin (the origin group,
 * from 1), denies_or_qualifies and denied_or_qualified_by (claim ids,
 * space-separated), outlier (true or false).
 *
 * Returns: (transfer full): the text, UTF-8
 */
GBytes *
bl_comparison_table_to_bytes (BlComparison  *self,
                              BlTableFormat  format)
{
  g_return_val_if_fail (BL_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (format == BL_TABLE_CSV || format == BL_TABLE_MARKDOWN, NULL);

  if (format == BL_TABLE_CSV)
    return table_csv (self);
  return table_markdown (self);
}

/**
 * bl_comparison_export_table:
 * @path: the file to write
 * @format: CSV or Markdown
 *
 * Writes bl_comparison_table_to_bytes() to @path atomically: on failure
 * the file is left as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
bl_comparison_export_table (BlComparison   *self,
                            const char     *path,
                            BlTableFormat   format,
                            GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (BL_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (format != BL_TABLE_CSV && format != BL_TABLE_MARKDOWN)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_UNSUPPORTED, _("Unknown table format %d"), (int) format);
      return FALSE;
    }

  bytes = bl_comparison_table_to_bytes (self, format);
  data = g_bytes_get_data (bytes, &len);
  return g_file_set_contents_full (path, data, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0666, error);
}

