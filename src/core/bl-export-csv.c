/* bl-export-csv.c — writing claims as a CSV table
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: one row per claim, one column per #BlField under its
 * canonical name (bl_field_get_name()), for spreadsheets and for
 * Borderline's own CSV import, which reads such a table back with every
 * field a table can carry. The text is written by bl-csv-writer.c: RFC
 * 4180, CRLF, a UTF-8 byte order mark (so that spreadsheets do not guess
 * a legacy encoding), and cells that start with = + - @, a tab or a CR
 * neutralised with an apostrophe against formula injection.
 *
 * So that the apostrophe can be taken off again on import without eating
 * one the analyst wrote, a text that already starts with apostrophes
 * followed by one of those characters gets one more (see
 * bl_import_text_is_neutralised()); the importer removes exactly one from
 * such texts, and only in a table whose header is this export's.
 *
 * Columns:
 * - numbers (lat, lon, the figures) in the C locale with all the digits
 *   they need, not neutralised (a negative longitude stays a number);
 * - dates in their canonical text ("2021-08/.."), grades as letters and
 *   digits, vocabularies as their stable identifiers;
 * - `areas`, `tags` and `relations` ("cites:c-1") joined with ";";
 * - `polygon` as WKT: "POLYGON ((lon lat, lon lat, …))";
 * - `quantity` repeats the figure as readable text; the `quantity_*`
 *   columns are what the import reads.
 *
 * What a table cannot carry is listed in tests/test-export.c.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-csv-writer.h"
#include "bl-format-private.h"
#include "bl-json-writer.h"
#include "bl-vocab.h"

/* A text field, with the extra apostrophe described above. */
static void
add_text (BlCsvWriter *csv,
          const char  *text)
{
  g_autofree char *escaped = NULL;

  if (text != NULL && bl_import_text_is_neutralised (text))
    text = escaped = g_strconcat ("'", text, NULL);
  bl_csv_writer_add_field (csv, text);
}

static void
add_number (BlCsvWriter *csv,
            double       value)
{
  if (isfinite (value))
    bl_csv_writer_add_number (csv, value);
  else
    bl_csv_writer_add_field (csv, NULL);
}

static void
add_date (BlCsvWriter  *csv,
          const BlDate *date)
{
  g_autofree char *text = bl_date_is_unknown (date) ? NULL : bl_date_to_string (date);

  add_text (csv, text);
}

static void
add_grade (BlCsvWriter *csv,
           guint        reliability)
{
  char letter[2] = { 0, 0 };

  if (reliability != 0)
    letter[0] = bl_reliability_to_letter (reliability);
  bl_csv_writer_add_field (csv, letter);
}

static void
add_strv (BlCsvWriter        *csv,
          const char * const *strv)
{
  g_autofree char *joined = strv ? g_strjoinv (";", (char **) strv) : NULL;

  add_text (csv, joined);
}

static void
add_polygon (BlCsvWriter  *csv,
             const double *points,
             guint         n)
{
  GString *wkt;

  if (points == NULL || n == 0)
    {
      bl_csv_writer_add_field (csv, NULL);
      return;
    }

  wkt = g_string_new ("POLYGON ((");
  for (guint i = 0; i < n; i++)
    {
      char x[BL_JSON_DOUBLE_BUF_SIZE], y[BL_JSON_DOUBLE_BUF_SIZE];

      /* the shortest text that reads back to the same double */
      g_string_append_printf (wkt, "%s%s %s", i ? ", " : "",
                              bl_json_writer_format_double (points[2 * i], x),
                              bl_json_writer_format_double (points[2 * i + 1], y));
    }
  g_string_append (wkt, "))");
  bl_csv_writer_add_field (csv, wkt->str);
  g_string_free (wkt, TRUE);
}

static void
add_cell (BlCsvWriter         *csv,
          BlProject           *project,
          const BlClaimRecord *r,
          BlField              field)
{
  BlActor *actor = r->actor != BL_NO_INDEX ? bl_project_get_actor (project, r->actor) : NULL;
  BlSource *source = r->source != BL_NO_INDEX ? bl_project_get_source (project, r->source) : NULL;
  BlTopic *topic = r->topic != BL_NO_INDEX ? bl_project_get_topic (project, r->topic) : NULL;
  const BlQuantity *q = r->quantity;

  switch (field)
    {
    case BL_FIELD_ID: add_text (csv, r->id); break;
    case BL_FIELD_STATEMENT: add_text (csv, r->statement); break;
    case BL_FIELD_QUOTE: add_text (csv, r->quote); break;
    case BL_FIELD_CLAIMANT: add_text (csv, actor ? bl_actor_get_name (actor) : NULL); break;
    case BL_FIELD_CLAIMANT_ID: add_text (csv, actor ? bl_actor_get_id (actor) : NULL); break;
    case BL_FIELD_CLAIMANT_ROLE: add_text (csv, actor ? bl_actor_get_role (actor) : NULL); break;
    case BL_FIELD_CLAIMANT_AFFILIATION: add_text (csv, actor ? bl_actor_get_affiliation (actor) : NULL); break;
    case BL_FIELD_CLAIMANT_KIND:
      add_text (csv, actor && bl_actor_get_kind (actor) != BL_ACTOR_OTHER
                     ? bl_actor_kind_to_string (bl_actor_get_kind (actor)) : NULL);
      break;
    case BL_FIELD_CLAIMANT_RELIABILITY: add_grade (csv, actor ? bl_actor_get_reliability (actor) : 0); break;
    case BL_FIELD_SOURCE: add_text (csv, source ? bl_source_get_name (source) : NULL); break;
    case BL_FIELD_SOURCE_ID: add_text (csv, source ? bl_source_get_id (source) : NULL); break;
    case BL_FIELD_SOURCE_KIND:
      add_text (csv, source && bl_source_get_kind (source) != BL_SOURCE_OTHER
                     ? bl_source_kind_to_string (bl_source_get_kind (source)) : NULL);
      break;
    case BL_FIELD_URL: add_text (csv, source ? bl_source_get_url (source) : NULL); break;
    case BL_FIELD_SOURCE_PUBLISHED: add_text (csv, source ? bl_source_get_published (source) : NULL); break;
    case BL_FIELD_SOURCE_RETRIEVED: add_text (csv, source ? bl_source_get_retrieved (source) : NULL); break;
    case BL_FIELD_SOURCE_LANGUAGE: add_text (csv, source ? bl_source_get_language (source) : NULL); break;
    case BL_FIELD_SOURCE_RELIABILITY: add_grade (csv, source ? bl_source_get_reliability (source) : 0); break;
    case BL_FIELD_SOURCE_ORIGIN: add_text (csv, source ? bl_source_get_origin (source) : NULL); break;
    case BL_FIELD_SAID_ON: add_date (csv, &r->said_on); break;
    case BL_FIELD_ABOUT: add_date (csv, &r->about); break;
    case BL_FIELD_TOPIC: add_text (csv, topic ? bl_topic_get_title (topic) : NULL); break;
    case BL_FIELD_TOPIC_ID: add_text (csv, topic ? bl_topic_get_id (topic) : NULL); break;
    case BL_FIELD_UNIT: add_text (csv, topic ? bl_topic_get_unit (topic) : NULL); break;
    case BL_FIELD_TOPIC_DESCRIPTION: add_text (csv, topic ? bl_topic_get_description (topic) : NULL); break;
    case BL_FIELD_QUANTITY:
      {
        g_autofree char *human = q ? bl_quantity_to_string (q) : NULL;
        add_text (csv, human);
      }
      break;
    case BL_FIELD_QUANTITY_VALUE: add_number (csv, q ? q->value : NAN); break;
    case BL_FIELD_QUANTITY_MIN:
      add_number (csv, q && bl_quantity_has_explicit_range (q) && isfinite (q->max) ? q->min : NAN);
      break;
    case BL_FIELD_QUANTITY_MAX:
      add_number (csv, q && bl_quantity_has_explicit_range (q) && isfinite (q->max) ? q->max : NAN);
      break;
    case BL_FIELD_QUANTITY_QUALIFIER:
      add_text (csv, q ? bl_quantity_qualifier_to_string (q->qualifier) : NULL);
      break;
    case BL_FIELD_QUANTITY_UNIT: add_text (csv, q ? q->unit : NULL); break;
    case BL_FIELD_QUANTITY_TEXT: add_text (csv, q ? q->text : NULL); break;
    case BL_FIELD_STANCE:
      add_text (csv, r->stance != BL_STANCE_ASSERTS ? bl_stance_to_string (r->stance) : NULL);
      break;
    case BL_FIELD_CREDIBILITY:
      if (r->credibility)
        bl_csv_writer_add_uint (csv, r->credibility);
      else
        bl_csv_writer_add_field (csv, NULL);
      break;
    case BL_FIELD_LATITUDE: add_number (csv, isnan (r->lon) ? NAN : r->lat); break;
    case BL_FIELD_LONGITUDE: add_number (csv, isnan (r->lat) ? NAN : r->lon); break;
    case BL_FIELD_PRECISION:
      add_text (csv, r->precision != BL_PRECISION_UNKNOWN ? bl_precision_to_string (r->precision) : NULL);
      break;
    case BL_FIELD_PLACE: add_text (csv, r->place); break;
    case BL_FIELD_AREAS: add_strv (csv, r->areas); break;
    case BL_FIELD_POLYGON: add_polygon (csv, r->polygon, r->n_polygon); break;
    case BL_FIELD_TAGS: add_strv (csv, r->tags); break;
    case BL_FIELD_NOTES: add_text (csv, r->notes); break;
    case BL_FIELD_RELATIONS:
      {
        GString *s = g_string_new (NULL);

        for (guint i = 0; i < r->n_relations; i++)
          g_string_append_printf (s, "%s%s:%s", i ? ";" : "",
                                  bl_relation_kind_to_string (r->relations[i].kind),
                                  r->relations[i].claim_id);
        add_text (csv, s->len ? s->str : NULL);
        g_string_free (s, TRUE);
      }
      break;
    case BL_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

GBytes *
bl_csv_export (BlProject             *project,
               const guint32         *indices,
               guint                  n_indices,
               const BlFormatExportOptions *options G_GNUC_UNUSED,
               GCancellable          *cancellable,
               GError               **error)
{
  BlClaimStore *store = bl_project_get_claims (project);
  g_autoptr(BlCsvWriter) csv = bl_csv_writer_new (BL_CSV_WRITER_BOM);

  for (guint f = 0; f < BL_N_FIELDS; f++)
    bl_csv_writer_add_field (csv, bl_field_get_name ((BlField) f));
  bl_csv_writer_end_row (csv);

  for (guint k = 0; k < n_indices; k++)
    {
      BlClaimRecord r;

      if (k % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      bl_claim_store_get_record (store, indices[k], &r);
      for (guint f = 0; f < BL_N_FIELDS; f++)
        add_cell (csv, project, &r, (BlField) f);
      bl_csv_writer_end_row (csv);
    }

  return bl_csv_writer_free_to_bytes (g_steal_pointer (&csv));
}
