/* test-import-records.c — the first records of an import, described one by one
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the import dialog's preview reads: for each of the first records of
 * a CSV or GeoJSON file, where it is (its line, or its index in
 * "features"), the claim it became, and its problems in words without the
 * file's name; and a preview import that stops after a few records.
 */
#include "config.h"

#include <string.h>

#include "bl-format.h"

#define ODD_CSV BL_SOURCE_DIR "/tests/import/odd-header.csv"

static char *
load (const char *path,
      gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, &error));
  g_assert_no_error (error);
  return data;
}

static void
odd_mapping (BlFieldMapping *mapping)
{
  bl_field_mapping_init (mapping);
  bl_field_mapping_set (mapping, BL_FIELD_STATEMENT, "What was said");
  bl_field_mapping_set (mapping, BL_FIELD_CLAIMANT, "Reported by");
  bl_field_mapping_set (mapping, BL_FIELD_SAID_ON, "When (said)");
  bl_field_mapping_set (mapping, BL_FIELD_LATITUDE, "Y coord");
  bl_field_mapping_set (mapping, BL_FIELD_LONGITUDE, "X coord");
  bl_field_mapping_set (mapping, BL_FIELD_SOURCE, "Outlet");
}

static gboolean
has_problem (BlImportReport *report,
             guint           record,
             const char     *text)
{
  const char * const *problems = bl_import_report_get_record_problems (report, record);

  for (guint i = 0; problems[i]; i++)
    if (strstr (problems[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* Imports odd-header.csv, mapped by odd_mapping(), with @options. */
static BlProject *
import_odd (BlImportOptions  *options,
            BlImportReport  **report,
            GError          **error)
{
  g_auto(BlFieldMapping) mapping;
  g_autofree char *data = NULL;
  BlProject *project;
  gsize len;

  data = load (ODD_CSV, &len);
  odd_mapping (&mapping);
  options->mapping = &mapping;
  project = bl_import_data (data, len, "odd.csv", BL_FORMAT_CSV, options, report, NULL, error);
  options->mapping = NULL;
  return project;
}

static void
test_csv_records (void)
{
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BlImportOptions options;
  BlClaimRecord record;
  BlClaimStore *claims;

  bl_import_options_init (&options);
  options.described_records = 20;

  project = import_odd (&options, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  claims = bl_project_get_claims (project);
  g_assert_cmpuint (bl_claim_store_get_n_claims (claims), ==, 3);

  /* five records, on lines 2, 3 (two lines long), 5, 6 and 7 */
  g_assert_cmpuint (bl_import_report_get_n_records (report), ==, 5);
  g_assert_cmpuint (bl_import_report_get_record_number (report, 0), ==, 2);
  g_assert_cmpuint (bl_import_report_get_record_number (report, 1), ==, 3);
  g_assert_cmpuint (bl_import_report_get_record_number (report, 2), ==, 5);
  g_assert_cmpuint (bl_import_report_get_record_number (report, 3), ==, 6);
  g_assert_cmpuint (bl_import_report_get_record_number (report, 4), ==, 7);

  /* each imported one names its claim */
  g_assert_cmpuint (bl_import_report_get_record_claim (report, 0), ==, 0);
  g_assert_cmpuint (bl_import_report_get_record_claim (report, 1), ==, 1);
  g_assert_cmpuint (bl_import_report_get_record_claim (report, 4), ==, 2);
  bl_claim_store_get_record (claims, 1, &record);
  g_assert_cmpstr (record.statement, ==, "At least 6,000 terrorists\noperate in Afghanistan");
  g_assert_false (bl_import_report_get_record_rejected (report, 0));
  g_assert_null (bl_import_report_get_record_problems (report, 0)[0]);

  /* the skipped ones say why, by field, without the file's name */
  g_assert_true (bl_import_report_get_record_rejected (report, 2));
  g_assert_cmpuint (bl_import_report_get_record_claim (report, 2), ==, BL_NO_INDEX);
  g_assert_true (has_problem (report, 2, "latitude 95 is outside -90..90"));
  g_assert_true (g_str_has_prefix (bl_import_report_get_record_problems (report, 2)[0], "lat/lon: "));
  g_assert_true (bl_import_report_get_record_rejected (report, 3));
  g_assert_true (has_problem (report, 3, "the row has 3 fields; the header has 9"));
  g_assert_null (strstr (bl_import_report_get_record_problems (report, 3)[0], "odd.csv"));

  /* the last has a date of month precision and no point: no problem */
  g_assert_false (bl_import_report_get_record_rejected (report, 4));

  /* the report as a whole is as before */
  g_assert_cmpuint (bl_import_report_get_n_imported (report), ==, 3);
  g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 2);
  g_assert_true (g_str_has_prefix (bl_import_report_get_message (report, 0), "odd.csv:5: "));
}

static void
test_csv_stop_early (void)
{
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BlImportOptions options;

  bl_import_options_init (&options);
  options.max_records = 2;
  options.described_records = 1;

  project = import_odd (&options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (project)), ==, 2);
  g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 0);
  /* only as many described as asked */
  g_assert_cmpuint (bl_import_report_get_n_records (report), ==, 1);
}

static void
test_not_described (void)
{
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(BlProject) project = NULL;
  BlImportOptions options;

  bl_import_options_init (&options);
  project = import_odd (&options, &report, NULL);
  g_assert_nonnull (project);
  g_assert_cmpuint (bl_import_report_get_n_records (report), ==, 0);
}

/* TEST FIXTURE: invented features. */
static const char geojson[] =
  "{\"type\": \"FeatureCollection\", \"features\": [\n"
  " {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [70.5, 37.1]},\n"
  "  \"properties\": {\"headline\": \"TEST FIXTURE: first\", \"when\": \"2023-02-14\"}},\n"
  " {\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [70.5, 97.1]},\n"
  "  \"properties\": {\"headline\": \"TEST FIXTURE: out of range\"}},\n"
  " {\"type\": \"Feature\", \"geometry\": null,\n"
  "  \"properties\": {\"headline\": \"TEST FIXTURE: bad date\", \"when\": \"someday\"}},\n"
  " 42,\n"
  " {\"type\": \"Feature\", \"geometry\": null, \"properties\": {\"headline\": \"TEST FIXTURE: last\"}}\n"
  "]}\n";

static void
test_geojson_records (void)
{
  g_auto(BlFieldMapping) mapping;
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BlImportOptions options;

  bl_field_mapping_init (&mapping);
  bl_field_mapping_set (&mapping, BL_FIELD_STATEMENT, "headline");
  bl_field_mapping_set (&mapping, BL_FIELD_SAID_ON, "when");
  bl_import_options_init (&options);
  options.mapping = &mapping;
  options.described_records = 20;

  project = bl_import_data (geojson, strlen (geojson), "f.geojson", BL_FORMAT_GEOJSON, &options,
                            &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_import_report_get_n_records (report), ==, 5);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpuint (bl_import_report_get_record_number (report, i), ==, i);

  g_assert_cmpuint (bl_import_report_get_record_claim (report, 0), ==, 0);
  g_assert_true (bl_import_report_get_record_rejected (report, 1));
  g_assert_true (has_problem (report, 1, "latitude 97.1 is outside -90..90"));
  g_assert_true (g_str_has_prefix (bl_import_report_get_record_problems (report, 1)[0], "geometry: "));
  /* a warning: imported, the date left out */
  g_assert_false (bl_import_report_get_record_rejected (report, 2));
  g_assert_cmpuint (bl_import_report_get_record_claim (report, 2), ==, 1);
  g_assert_true (has_problem (report, 2, "said_on: cannot read the date “someday”"));
  g_assert_true (bl_import_report_get_record_rejected (report, 3));
  g_assert_true (has_problem (report, 3, "a feature is an object"));
  g_assert_cmpuint (bl_import_report_get_record_claim (report, 4), ==, 2);
}

static void
test_geojson_stop_early (void)
{
  /* the preview of a file whose end is broken still shows its start */
  g_autofree char *broken = g_strndup (geojson, strstr (geojson, " 42") - geojson);
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BlImportOptions options;

  bl_import_options_init (&options);
  options.max_records = 2;
  options.described_records = 20;
  project = bl_import_data (broken, strlen (broken), "f.geojson", BL_FORMAT_GEOJSON, &options,
                            &report, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (project)), ==, 1);
  g_assert_cmpuint (bl_import_report_get_n_records (report), ==, 2);

  /* read whole, the same file is an error */
  g_clear_object (&project);
  g_clear_pointer (&report, bl_import_report_free);
  options.max_records = 0;
  project = bl_import_data (broken, strlen (broken), "f.geojson", BL_FORMAT_GEOJSON, &options,
                            &report, NULL, &error);
  g_assert_null (project);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-records/csv/described", test_csv_records);
  g_test_add_func ("/import-records/csv/stop-early", test_csv_stop_early);
  g_test_add_func ("/import-records/csv/not-described", test_not_described);
  g_test_add_func ("/import-records/geojson/described", test_geojson_records);
  g_test_add_func ("/import-records/geojson/stop-early", test_geojson_stop_early);

  return g_test_run ();
}
