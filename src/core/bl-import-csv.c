/* bl-import-csv.c — importing CSV tables: ACLED's export and any other
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: turning the rows of a CSV file into claims, with a
 * report of the rows that could not be. Two kinds of table:
 *
 * - **Any table** (%BL_FORMAT_CSV): a #BlFieldMapping says which column
 *   fills which field; without one, columns are recognised by name
 *   (bl_field_mapping_guess()). Borderline's own CSV export is such a table
 *   with every column named canonically; when its header is recognised, the
 *   apostrophe that the export put before formula-like cells is taken off
 *   again, so a project survives project → CSV → project.
 *
 * - **ACLED's export** (%BL_FORMAT_ACLED_CSV): columns are found by name,
 *   not position, so the current 31-column export and older ones (upper
 *   case names, `ally_actor_1`, no `timestamp`, …) all read. Each event
 *   becomes one claim:
 *
 *   | ACLED                   | claim                                          |
 *   |-------------------------|------------------------------------------------|
 *   | `event_id_cnty`         | id "acled-" + it (e.g. "acled-AFG12345")       |
 *   | `notes`                 | statement (when empty: "event type involving actor1 and actor2 in location") |
 *   | —                       | claimant: the actor "ACLED" (kind NGO), see below |
 *   | `source`                | split on ';': each a source; the claim's source is the first |
 *   | `event_date`, `time_precision` | about: 1 the day; 2 the day, circa (±7 days: ACLED's "within a week"); 3 the month |
 *   | `timestamp`             | said on: the day ACLED published the record (UTC) |
 *   | `fatalities`            | a quantity (exact) on the topic "Fatalities"   |
 *   | `latitude`, `longitude` | the point                                      |
 *   | `geo_precision`         | precision: 1 settlement, 2 district, 3 province |
 *   | `location`              | place                                          |
 *   | `admin1` (+ `country`)  | the province's area code (ISO 3166-2) from the basemap's names; none if unknown |
 *   | `event_type`, `sub_event_type`, `tags` | tags                          |
 *   | actors, interaction, admin2/3, other sources, … | notes, one line each |
 *
 *   **Who is the claimant?** Not `actor1`: that is who *did* something,
 *   not who *says* it happened. An ACLED event is ACLED's coding of what
 *   its sources reported — ACLED chooses the event type and the fatality
 *   figure (a deliberately conservative estimate of its own). So the
 *   claimant of every event is one actor, "ACLED", and the claim's source
 *   is the first outlet ACLED names: "ACLED, citing Pajhwok", which is how
 *   an analyst would cite it, and what lets the comparison panel put
 *   ACLED's figures beside the UN's or a ministry's. The actors of the
 *   event are in the notes and searchable.
 *
 * Every row whose number of fields differs from the header's, which
 * cannot be parsed, or which bl_import_builder_add() refuses is reported
 * as "FILE:LINE: message" and skipped. Cells in another encoding than
 * UTF-8 reject their row unless a fallback encoding is given (see
 * bl-format.h). A file whose header cannot be read, or of which no row
 * could be imported, is an error.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bl-csv-reader.h"
#include "bl-error.h"
#include "bl-format-private.h"
#include "bl-vocab.h"

#define CANCEL_CHECK_ROWS 4096

/* ACLED's columns, by their current names. */
typedef enum {
  A_EVENT_ID,
  A_EVENT_DATE,
  A_YEAR,
  A_TIME_PRECISION,
  A_DISORDER_TYPE,
  A_EVENT_TYPE,
  A_SUB_EVENT_TYPE,
  A_ACTOR1,
  A_ASSOC_ACTOR_1,
  A_INTER1,
  A_ACTOR2,
  A_ASSOC_ACTOR_2,
  A_INTER2,
  A_INTERACTION,
  A_CIVILIAN_TARGETING,
  A_ISO,
  A_REGION,
  A_COUNTRY,
  A_ADMIN1,
  A_ADMIN2,
  A_ADMIN3,
  A_LOCATION,
  A_LATITUDE,
  A_LONGITUDE,
  A_GEO_PRECISION,
  A_SOURCE,
  A_SOURCE_SCALE,
  A_NOTES,
  A_FATALITIES,
  A_TAGS,
  A_TIMESTAMP,
  N_ACLED_COLUMNS
} AcledColumn;

/* Current name first, then the names older exports used. */
static const char * const acled_names[N_ACLED_COLUMNS][3] = {
  [A_EVENT_ID] = { "event_id_cnty", "event_id", NULL },
  [A_EVENT_DATE] = { "event_date", NULL, NULL },
  [A_YEAR] = { "year", NULL, NULL },
  [A_TIME_PRECISION] = { "time_precision", NULL, NULL },
  [A_DISORDER_TYPE] = { "disorder_type", NULL, NULL },
  [A_EVENT_TYPE] = { "event_type", NULL, NULL },
  [A_SUB_EVENT_TYPE] = { "sub_event_type", NULL, NULL },
  [A_ACTOR1] = { "actor1", NULL, NULL },
  [A_ASSOC_ACTOR_1] = { "assoc_actor_1", "ally_actor_1", NULL },
  [A_INTER1] = { "inter1", NULL, NULL },
  [A_ACTOR2] = { "actor2", NULL, NULL },
  [A_ASSOC_ACTOR_2] = { "assoc_actor_2", "ally_actor_2", NULL },
  [A_INTER2] = { "inter2", NULL, NULL },
  [A_INTERACTION] = { "interaction", NULL, NULL },
  [A_CIVILIAN_TARGETING] = { "civilian_targeting", NULL, NULL },
  [A_ISO] = { "iso", "iso3", NULL },
  [A_REGION] = { "region", NULL, NULL },
  [A_COUNTRY] = { "country", NULL, NULL },
  [A_ADMIN1] = { "admin1", NULL, NULL },
  [A_ADMIN2] = { "admin2", NULL, NULL },
  [A_ADMIN3] = { "admin3", NULL, NULL },
  [A_LOCATION] = { "location", NULL, NULL },
  [A_LATITUDE] = { "latitude", NULL, NULL },
  [A_LONGITUDE] = { "longitude", NULL, NULL },
  [A_GEO_PRECISION] = { "geo_precision", NULL, NULL },
  [A_SOURCE] = { "source", NULL, NULL },
  [A_SOURCE_SCALE] = { "source_scale", NULL, NULL },
  [A_NOTES] = { "notes", NULL, NULL },
  [A_FATALITIES] = { "fatalities", NULL, NULL },
  [A_TAGS] = { "tags", NULL, NULL },
  [A_TIMESTAMP] = { "timestamp", NULL, NULL },
};

/* ACLED's spellings of provinces that the basemap spells otherwise
 * (normalised as in normalise_name()). */
static const struct {
  const char *name;
  const char *code;
} area_aliases[] = {
  { "sarepol", "AF-SAR" },
  { "sarepul", "AF-SAR" },
  { "saripul", "AF-SAR" },
  { "nimruz", "AF-NIM" },
  { "urozgan", "AF-URU" },
  { "oruzgan", "AF-URU" },
  { "paktya", "AF-PIA" },
  { "panjsher", "AF-PAN" },
  { "maidanwardak", "AF-WAR" },
  { "daikundi", "AF-DAY" },
  { "helmand", "AF-HEL" },
  { "herat", "AF-HER" },
  { "jowzjan", "AF-JOW" },
  { "gbao", "TJ-GB" },
  { "republicansubordination", "TJ-RA" },
};

typedef struct {
  const char            *name;        /* of the file */
  const BlImportOptions *options;
  BlImportReport        *report;
  BlImportBuilder       *builder;
  BlCsvReader           *csv;
  guint                  n_columns;
  char                  *place;       /* "FILE:LINE" of the current row */

  /* generic */
  int                    column_of[BL_N_FIELDS];
  gboolean               own_export;

  /* ACLED */
  int                    acled[N_ACLED_COLUMNS];
  GHashTable            *areas;       /* "CC|name" and "|name" → code; NULL until needed */
  GHashTable            *countries;   /* name → "CC" */
  guint32                claimant;
} Import;

/* Helpers */

/* Lower case ASCII letters and digits only: "Sar-e Pul" → "sarepul". */
static char *
normalise_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *s = g_string_new (NULL);
  static const char * const suffixes[] = { "province", "region", "oblast", "velayat", "wilayat" };

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (s, g_ascii_tolower (*p));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (s->len > strlen (suffixes[i]) && g_str_has_suffix (s->str, suffixes[i]))
      g_string_truncate (s, s->len - strlen (suffixes[i]));
  return g_string_free (s, FALSE);
}

static void
add_area_name (GHashTable *areas,
               const char *country,
               const char *name,
               const char *code)
{
  g_autofree char *norm = normalise_name (name);
  char *key;
  const char *old;

  if (norm[0] == '\0')
    return;
  key = g_strdup_printf ("%s|%s", country, norm);
  if (!g_hash_table_contains (areas, key))
    g_hash_table_insert (areas, key, g_strdup (code));
  else
    g_free (key);

  /* without a country: ambiguous names ("Punjab") map to "" */
  key = g_strdup_printf ("|%s", norm);
  old = g_hash_table_lookup (areas, key);
  if (old == NULL)
    g_hash_table_insert (areas, key, g_strdup (code));
  else
    {
      if (strcmp (old, code) != 0)
        g_hash_table_replace (areas, g_strdup (key), g_strdup (""));
      g_free (key);
    }
}

static void
build_area_table (Import *im)
{
  BlBasemapData *basemap = im->options->basemap ? im->options->basemap : bl_format_get_default_basemap ();
  const BlBasemapFeature *features;
  guint n;

  im->areas = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (basemap == NULL)
    return;

  features = bl_basemap_data_get_layer (basemap, BL_BASEMAP_LAYER_COUNTRY, &n);
  for (guint i = 0; i < n; i++)
    {
      g_hash_table_insert (im->countries, normalise_name (features[i].name), g_strdup (features[i].code));
      g_hash_table_insert (im->countries, normalise_name (features[i].code), g_strdup (features[i].code));
      if (features[i].name_alt[0])
        g_hash_table_insert (im->countries, normalise_name (features[i].name_alt), g_strdup (features[i].code));
    }

  features = bl_basemap_data_get_layer (basemap, BL_BASEMAP_LAYER_PROVINCE, &n);
  for (guint i = 0; i < n; i++)
    {
      add_area_name (im->areas, features[i].parent, features[i].name, features[i].code);
      add_area_name (im->areas, features[i].parent, features[i].name_alt, features[i].code);
    }
  for (guint i = 0; i < G_N_ELEMENTS (area_aliases); i++)
    if (bl_basemap_data_lookup_province (basemap, area_aliases[i].code) != NULL)
      {
        char country[3] = { area_aliases[i].code[0], area_aliases[i].code[1], '\0' };

        add_area_name (im->areas, country, area_aliases[i].name, area_aliases[i].code);
      }
}

static const char *
lookup_area (Import     *im,
             const char *country,
             const char *admin1)
{
  g_autofree char *norm = NULL;
  g_autofree char *key = NULL;
  const char *code = NULL;
  const char *found;

  if (admin1 == NULL || admin1[0] == '\0')
    return NULL;
  if (im->options->area_lookup)
    return im->options->area_lookup (country, admin1, im->options->area_lookup_data);

  if (im->areas == NULL)
    build_area_table (im);

  if (country && country[0])
    {
      g_autofree char *c = normalise_name (country);
      code = g_hash_table_lookup (im->countries, c);
    }
  norm = normalise_name (admin1);
  key = g_strdup_printf ("%s|%s", code ? code : "", norm);
  found = g_hash_table_lookup (im->areas, key);
  if (found == NULL && code != NULL)
    return NULL;   /* known country, unknown province: no guessing across borders */
  return found && found[0] ? found : NULL;
}

/* A cell as UTF-8 without NUL, converted from the fallback encoding if
 * need be; NULL (and the row rejected) when it cannot be. */
static char *
get_cell (Import     *im,
          int         column,
          const char *column_name,
          gboolean   *ok)
{
  const char *cell;
  gsize len;

  if (column < 0 || !*ok)
    return NULL;

  cell = bl_csv_reader_get_field (im->csv, (guint) column, &len);
  if (memchr (cell, '\0', len) != NULL)
    {
      bl_import_report_add (im->report, BL_IMPORT_REJECTED, im->place,
                            _("column “%s” contains a NUL byte"), column_name);
      *ok = FALSE;
      return NULL;
    }
  if (!g_utf8_validate_len (cell, len, NULL))
    {
      char *converted = NULL;

      if (im->options->fallback_encoding)
        converted = g_convert (cell, (gssize) len, "UTF-8", im->options->fallback_encoding, NULL, NULL, NULL);
      if (converted == NULL)
        {
          bl_import_report_add (im->report, BL_IMPORT_REJECTED, im->place,
                                _("column “%s” is not valid UTF-8 (save the file as UTF-8, or import it with its encoding)"),
                                column_name);
          *ok = FALSE;
        }
      return converted;
    }
  return g_strndup (cell, len);
}

static gboolean
check_row_width (Import *im)
{
  guint n = bl_csv_reader_get_n_fields (im->csv);

  if (n == im->n_columns)
    return TRUE;
  bl_import_report_add (im->report, BL_IMPORT_REJECTED, im->place,
                        _("the row has %u fields; the header has %u"), n, im->n_columns);
  return FALSE;
}

static GPtrArray *
read_header (BlCsvReader  *csv,
             const char   *name,
             GError      **error)
{
  g_autoptr(GError) row_error = NULL;
  GPtrArray *header;

  switch (bl_csv_reader_next_row (csv, &row_error))
    {
    case BL_CSV_END:
      g_set_error (error, BL_ERROR, BL_ERROR_SYNTAX, _("%s: the file is empty: a CSV file needs a header row"), name);
      return NULL;
    case BL_CSV_BAD_ROW:
      g_set_error (error, BL_ERROR, row_error->code, _("%s (the header row)"), row_error->message);
      return NULL;
    case BL_CSV_ROW:
    default:
      break;
    }

  header = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < bl_csv_reader_get_n_fields (csv); i++)
    {
      gsize len;
      const char *cell = bl_csv_reader_get_field (csv, i, &len);

      if (memchr (cell, '\0', len) != NULL || !g_utf8_validate_len (cell, len, NULL))
        {
          g_set_error (error, BL_ERROR, BL_ERROR_ENCODING,
                       _("%s:%u: the header row is not valid UTF-8 text"), name, bl_csv_reader_get_line (csv));
          g_ptr_array_unref (header);
          return NULL;
        }
      g_ptr_array_add (header, g_strstrip (g_strndup (cell, len)));
    }
  return header;
}

/* The generic import */

static gboolean
is_own_export (GPtrArray *header)
{
  static const BlField marks[] = { BL_FIELD_ID, BL_FIELD_STATEMENT, BL_FIELD_CLAIMANT_KIND,
                                   BL_FIELD_SAID_ON, BL_FIELD_QUANTITY_QUALIFIER, BL_FIELD_RELATIONS };

  for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < header->len && !found; i++)
        found = strcmp (g_ptr_array_index (header, i), bl_field_get_name (marks[m])) == 0;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_generic_row (Import *im,
                    guint   line)
{
  BlImportValues values;
  gboolean ok = TRUE;
  gboolean added;

  if (!check_row_width (im))
    return FALSE;

  bl_import_values_init (&values);
  for (guint f = 0; f < BL_N_FIELDS && ok; f++)
    {
      char *cell = get_cell (im, im->column_of[f], bl_field_get_name (f), &ok);

      if (cell && im->own_export && bl_import_text_is_neutralised (cell))
        memmove (cell, cell + 1, strlen (cell));
      values.text[f] = cell;
    }

  added = ok && bl_import_builder_add (im->builder, &values, im->place, line);
  bl_import_values_clear (&values);
  return added;
}

static gboolean
setup_generic (Import     *im,
               GPtrArray  *header,
               GError    **error)
{
  g_auto(BlFieldMapping) guessed;
  const BlFieldMapping *mapping = im->options->mapping;

  bl_field_mapping_init (&guessed);
  if (mapping == NULL)
    {
      bl_field_mapping_guess (&guessed, (const char * const *) header->pdata, header->len);
      mapping = &guessed;
    }

  for (guint f = 0; f < BL_N_FIELDS; f++)
    {
      im->column_of[f] = -1;
      if (mapping->names[f] == NULL)
        continue;
      for (guint i = 0; i < header->len; i++)
        if (bl_format_names_equal (g_ptr_array_index (header, i), mapping->names[f]))
          {
            im->column_of[f] = (int) i;
            break;
          }
    }

  if (im->column_of[BL_FIELD_STATEMENT] < 0 && im->column_of[BL_FIELD_NOTES] < 0)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("%s: no column holds the statements (name one “statement”, “title” or “description”, or choose it when importing)"),
                   im->name);
      return FALSE;
    }

  im->own_export = is_own_export (header);
  return TRUE;
}

/* The ACLED import */

static gboolean
setup_acled (Import     *im,
             GPtrArray  *header,
             GError    **error)
{
  for (guint c = 0; c < N_ACLED_COLUMNS; c++)
    {
      im->acled[c] = -1;
      for (guint k = 0; k < 3 && acled_names[c][k] && im->acled[c] < 0; k++)
        for (guint i = 0; i < header->len; i++)
          if (g_ascii_strcasecmp (g_ptr_array_index (header, i), acled_names[c][k]) == 0)
            {
              im->acled[c] = (int) i;
              break;
            }
    }

  if (im->acled[A_EVENT_DATE] < 0 || im->acled[A_LATITUDE] < 0 || im->acled[A_LONGITUDE] < 0)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                   _("%s: not an ACLED export: it has no “event_date”, “latitude” and “longitude” columns"),
                   im->name);
      return FALSE;
    }

  return TRUE;
}

/* The event's date as canonical text, after time_precision; NULL if the
 * date cannot be read. */
static char *
acled_date (const char *date_text,
            const char *precision_text)
{
  BlDate date, out;
  int y, m, d;
  gboolean ok;

  if (date_text == NULL || !bl_import_parse_date (date_text, &date, NULL) ||
      bl_date_is_unknown (&date) || date.start_precision != BL_DATE_PRECISION_DAY)
    return NULL;

  bl_day_to_ymd (date.first_day, &y, &m, &d);
  if (g_strcmp0 (precision_text, "3") == 0)
    ok = bl_date_init_ymd (&out, BL_DATE_PRECISION_MONTH, y, m, 1, FALSE, NULL);
  else if (g_strcmp0 (precision_text, "2") == 0)
    ok = bl_date_init_ymd (&out, BL_DATE_PRECISION_DAY, y, m, d, TRUE, NULL);
  else
    ok = bl_date_init_ymd (&out, BL_DATE_PRECISION_DAY, y, m, d, FALSE, NULL);

  return ok ? bl_date_to_string (&out) : NULL;
}

static char *
acled_timestamp (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  BlDate date;
  double seconds;

  if (text == NULL || text[0] == '\0')
    return NULL;
  if (bl_import_parse_double (text, &seconds) && seconds > 0 && seconds < 253402300800.0)
    {
      dt = g_date_time_new_from_unix_utc ((gint64) seconds);
      return dt ? g_date_time_format (dt, "%Y-%m-%d") : NULL;
    }
  if (bl_import_parse_date (text, &date, NULL) && !bl_date_is_unknown (&date))
    return bl_date_to_string (&date);
  return NULL;
}

static void
append_line (GString    *notes,
             const char *label,
             const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  if (notes->len)
    g_string_append_c (notes, '\n');
  g_string_append_printf (notes, "%s: %s", label, value);
}

static gboolean
import_acled_cells (Import  *im,
                    guint    line,
                    char   **cells)
{
  BlImportValues values;
  g_autoptr(GString) notes = NULL;
  g_auto(GStrv) sources = NULL;
  gboolean ok = TRUE;
  gboolean added;
  const char *code;
  char *about;

  for (guint c = 0; c < N_ACLED_COLUMNS && ok; c++)
    {
      cells[c] = get_cell (im, im->acled[c], acled_names[c][0], &ok);
      if (cells[c])
        g_strstrip (cells[c]);
    }
  if (!ok)
    return FALSE;

  about = acled_date (cells[A_EVENT_DATE], cells[A_TIME_PRECISION]);
  if (about == NULL)
    {
      bl_import_report_add (im->report, BL_IMPORT_REJECTED, im->place,
                            _("event_date: cannot read the date “%s”"),
                            cells[A_EVENT_DATE] ? cells[A_EVENT_DATE] : "");
      return FALSE;
    }

  bl_import_values_init (&values);
  values.text[BL_FIELD_ABOUT] = about;
  values.text[BL_FIELD_SAID_ON] = acled_timestamp (cells[A_TIMESTAMP]);

  if (cells[A_EVENT_ID] && cells[A_EVENT_ID][0])
    values.text[BL_FIELD_ID] = g_strconcat ("acled-", cells[A_EVENT_ID], NULL);
  else
    values.text[BL_FIELD_ID] = g_strdup_printf ("acled-line-%u", line);

  if (cells[A_NOTES] && cells[A_NOTES][0])
    values.text[BL_FIELD_STATEMENT] = g_strdup (cells[A_NOTES]);
  else
    {
      GString *s = g_string_new (cells[A_SUB_EVENT_TYPE] && cells[A_SUB_EVENT_TYPE][0] ? cells[A_SUB_EVENT_TYPE]
                                 : cells[A_EVENT_TYPE] && cells[A_EVENT_TYPE][0] ? cells[A_EVENT_TYPE]
                                 : "Event");
      if (cells[A_ACTOR1] && cells[A_ACTOR1][0])
        g_string_append_printf (s, " involving %s", cells[A_ACTOR1]);
      if (cells[A_ACTOR2] && cells[A_ACTOR2][0])
        g_string_append_printf (s, " and %s", cells[A_ACTOR2]);
      if (cells[A_LOCATION] && cells[A_LOCATION][0])
        g_string_append_printf (s, " in %s", cells[A_LOCATION]);
      values.text[BL_FIELD_STATEMENT] = g_string_free (s, FALSE);
    }

  values.text[BL_FIELD_CLAIMANT] = g_strdup ("ACLED");
  values.text[BL_FIELD_CLAIMANT_KIND] = g_strdup ("ngo");
  values.text[BL_FIELD_CLAIMANT_AFFILIATION] = g_strdup ("Armed Conflict Location & Event Data Project");

  if (cells[A_SOURCE] && cells[A_SOURCE][0])
    {
      const char *kind = cells[A_SOURCE_SCALE] && strstr (cells[A_SOURCE_SCALE], "New media") ? "social-media" : NULL;

      sources = g_strsplit (cells[A_SOURCE], ";", -1);
      for (guint i = 0; sources[i]; i++)
        {
          g_strstrip (sources[i]);
          if (sources[i][0] == '\0')
            continue;
          if (values.text[BL_FIELD_SOURCE] == NULL)
            {
              values.text[BL_FIELD_SOURCE] = g_strdup (sources[i]);
              values.text[BL_FIELD_SOURCE_KIND] = g_strdup (kind);
            }
        }
    }

  if (cells[A_FATALITIES] && cells[A_FATALITIES][0])
    {
      values.text[BL_FIELD_TOPIC] = g_strdup ("Fatalities");
      values.text[BL_FIELD_UNIT] = g_strdup ("fatalities");
      values.text[BL_FIELD_TOPIC_DESCRIPTION] =
        g_strdup ("People killed in an event, as reported (ACLED codes a conservative estimate).");
      values.text[BL_FIELD_QUANTITY_VALUE] = g_strdup (cells[A_FATALITIES]);
      values.text[BL_FIELD_QUANTITY_UNIT] = g_strdup ("fatalities");
    }

  values.text[BL_FIELD_LATITUDE] = g_strdup (cells[A_LATITUDE]);
  values.text[BL_FIELD_LONGITUDE] = g_strdup (cells[A_LONGITUDE]);
  if (cells[A_GEO_PRECISION])
    {
      const char *p = cells[A_GEO_PRECISION];

      values.text[BL_FIELD_PRECISION] = g_strdup (strcmp (p, "1") == 0 ? "settlement" :
                                                  strcmp (p, "2") == 0 ? "district" :
                                                  strcmp (p, "3") == 0 ? "province" : NULL);
    }
  if (cells[A_LOCATION] && cells[A_LOCATION][0])
    values.text[BL_FIELD_PLACE] = g_strdup (cells[A_LOCATION]);

  code = lookup_area (im, cells[A_COUNTRY], cells[A_ADMIN1]);
  if (code != NULL)
    bl_import_values_add_item (&values, BL_FIELD_AREAS, code);

  if (cells[A_EVENT_TYPE] && cells[A_EVENT_TYPE][0])
    bl_import_values_add_item (&values, BL_FIELD_TAGS, cells[A_EVENT_TYPE]);
  if (cells[A_SUB_EVENT_TYPE] && cells[A_SUB_EVENT_TYPE][0])
    bl_import_values_add_item (&values, BL_FIELD_TAGS, cells[A_SUB_EVENT_TYPE]);
  if (cells[A_TAGS] && cells[A_TAGS][0])
    {
      g_auto(GStrv) tags = g_strsplit (cells[A_TAGS], ";", -1);

      for (guint i = 0; tags[i]; i++)
        bl_import_values_add_item (&values, BL_FIELD_TAGS, g_strstrip (tags[i]));
    }

  notes = g_string_new (NULL);
  append_line (notes, "ACLED event", cells[A_EVENT_ID]);
  append_line (notes, "Disorder type", cells[A_DISORDER_TYPE]);
  append_line (notes, "Event type", cells[A_EVENT_TYPE]);
  append_line (notes, "Sub-event type", cells[A_SUB_EVENT_TYPE]);
  append_line (notes, "Actor 1", cells[A_ACTOR1]);
  append_line (notes, "Associated with actor 1", cells[A_ASSOC_ACTOR_1]);
  append_line (notes, "Actor 2", cells[A_ACTOR2]);
  append_line (notes, "Associated with actor 2", cells[A_ASSOC_ACTOR_2]);
  append_line (notes, "Interaction", cells[A_INTERACTION]);
  append_line (notes, "Civilian targeting", cells[A_CIVILIAN_TARGETING]);
  append_line (notes, "Sources", cells[A_SOURCE]);
  append_line (notes, "Source scale", cells[A_SOURCE_SCALE]);
  {
    g_autofree char *where = g_strjoin (", ",
                                        cells[A_LOCATION] ? cells[A_LOCATION] : "",
                                        cells[A_ADMIN3] ? cells[A_ADMIN3] : "",
                                        cells[A_ADMIN2] ? cells[A_ADMIN2] : "",
                                        cells[A_ADMIN1] ? cells[A_ADMIN1] : "",
                                        cells[A_COUNTRY] ? cells[A_COUNTRY] : "",
                                        NULL);
    /* drop the empty parts */
    g_auto(GStrv) parts = g_strsplit (where, ", ", -1);
    g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
    g_auto(GStrv) kept_parts = NULL;
    g_autofree char *joined = NULL;

    for (guint i = 0; parts[i]; i++)
      if (parts[i][0] && (i == 0 || strcmp (parts[i], parts[i - 1]) != 0))
        g_strv_builder_add (kept, parts[i]);
    kept_parts = g_strv_builder_end (kept);
    joined = g_strjoinv (", ", kept_parts);
    append_line (notes, "Location", joined);
  }
  append_line (notes, "Geo precision", cells[A_GEO_PRECISION]);
  append_line (notes, "Time precision", cells[A_TIME_PRECISION]);
  values.text[BL_FIELD_NOTES] = g_strdup (notes->str);

  added = bl_import_builder_add (im->builder, &values, im->place, line);
  bl_import_values_clear (&values);

  /* the other outlets ACLED names become sources of the project too */
  if (added && sources)
    for (guint i = 0; sources[i]; i++)
      if (sources[i][0])
        bl_import_builder_ensure_source (im->builder, sources[i], BL_SOURCE_OTHER);

  return added;
}

static gboolean
import_acled_row (Import *im,
                  guint   line)
{
  char *cells[N_ACLED_COLUMNS] = { NULL };
  gboolean added;

  if (!check_row_width (im))
    return FALSE;

  added = import_acled_cells (im, line, cells);
  for (guint c = 0; c < N_ACLED_COLUMNS; c++)
    g_free (cells[c]);
  return added;
}

/* Entry points */

/**
 * bl_csv_peek_header:
 *
 * Returns: (transfer full): the names in the header row, or %NULL with
 *   @error set
 */
char **
bl_csv_peek_header (const char  *data,
                    gsize        len,
                    GError     **error)
{
  g_autoptr(BlCsvReader) csv = bl_csv_reader_new (data, len, NULL);
  GPtrArray *header = read_header (csv, "<input>", error);

  if (header == NULL)
    return NULL;
  g_ptr_array_add (header, NULL);
  return (char **) g_ptr_array_free (header, FALSE);
}

BlProject *
bl_import_csv (const char             *data,
               gsize                   len,
               const char             *name,
               BlFormat                format,
               const BlImportOptions  *options,
               BlImportReport         *report,
               GCancellable           *cancellable,
               GError                **error)
{
  g_autoptr(BlCsvReader) csv = bl_csv_reader_new (data, len, name);
  g_autoptr(GPtrArray) header = NULL;
  BlImportBuilder *builder;
  BlProject *project = NULL;
  Import im = { 0 };
  guint n_rows = 0;
  gboolean acled = format == BL_FORMAT_ACLED_CSV;

  header = read_header (csv, name, error);
  if (header == NULL)
    return NULL;

  builder = bl_import_builder_new (report, options, acled ? "acled" : "csv");
  im.name = name;
  im.options = options;
  im.report = report;
  im.builder = builder;
  im.csv = csv;
  im.n_columns = header->len;

  if (!(acled ? setup_acled (&im, header, error) : setup_generic (&im, header, error)))
    goto out;

  for (;;)
    {
      g_autoptr(GError) row_error = NULL;
      BlCsvStatus status = bl_csv_reader_next_row (csv, &row_error);
      guint line;

      if (status == BL_CSV_END)
        break;
      n_rows++;
      if (n_rows % CANCEL_CHECK_ROWS == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      line = bl_csv_reader_get_line (csv);
      g_free (im.place);
      im.place = g_strdup_printf ("%s:%u", name, line);
      bl_import_report_begin_record (report, line, im.place);
      if (status == BL_CSV_BAD_ROW)
        /* the reader's message is "FILE:LINE: what" already */
        bl_import_report_add_verbatim (report, BL_IMPORT_REJECTED, row_error->message);
      else if (acled)
        import_acled_row (&im, line);
      else
        import_generic_row (&im, line);
      bl_import_report_end_record (report);

      if (options->max_records > 0 && n_rows >= options->max_records)
        break;
    }

  project = bl_import_builder_finish (builder);
  if (bl_import_report_get_n_imported (report) == 0)
    {
      if (bl_import_report_get_n_rejected (report) > 0)
        g_set_error (error, BL_ERROR, BL_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE, "%s: none of the %u records could be imported",
                                  "%s: none of the %u records could be imported",
                                  bl_import_report_get_n_rejected (report)),
                     name, bl_import_report_get_n_rejected (report));
      else
        g_set_error (error, BL_ERROR, BL_ERROR_INVALID, _("%s: the file has a header but no records"), name);
      g_clear_object (&project);
    }

out:
  g_free (im.place);
  g_clear_pointer (&im.areas, g_hash_table_unref);
  g_clear_pointer (&im.countries, g_hash_table_unref);
  bl_import_builder_free (builder);
  return project;
}
