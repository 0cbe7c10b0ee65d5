/* test-import-csv.c — ACLED's export and other CSV tables as claims
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ACLED rows below are TEST FIXTURES written for these tests: the
 * events, actors, outlets and places are invented ("Test Militia A",
 * "Test Village", ids TST…), only the column layout is ACLED's.
 */
#include "config.h"

#include <string.h>

#include "bl-error.h"
#include "bl-format.h"
#include "bl-vocab.h"
#include "test-helpers.h"

#define ACLED_HEADER \
  "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type," \
  "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting," \
  "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision," \
  "source,source_scale,notes,fatalities,tags,timestamp\r\n"

/* TEST FIXTURES — invented events, not real ones. */
static const char acled_csv[] =
  ACLED_HEADER
  /* line 2: a day, a settlement, two outlets */
  "TST0001,14 February 2023,2023,1,Political violence,Battles,Armed clash,"
  "Test Militia A,,3,Test Militia B,Test Tribe,3,33,,4,Caspian-Central Asia,Afghanistan,"
  "Kunduz,Imam Sahib,,Test Village,37.1834,68.9167,1,Test Wire; Test Daily,National,"
  "\"TEST FIXTURE, not a real event: a clash near \"\"Test Village\"\"; 3 killed.\",3,,1676937600\r\n"
  /* line 3: within a week, a district, ACLED's spelling of Sar-e Pul, no notes */
  "TST0002,2023-02-20,2023,2,Political violence,Explosions/Remote violence,Remote explosive/landmine/IED,"
  "Unidentified Test Group,,3,Civilians (Afghanistan),,7,37,Civilian targeting,4,Caspian-Central Asia,Afghanistan,"
  "Sar-e-Pol,Sayad,,Test Hamlet,35.95,66.1,2,Test Daily,Subnational,,0,crowd size=no report,1677024000\r\n"
  /* line 4: a month, a Tajik province */
  "TST0003,2023-03-05,2023,3,Strategic developments,Strategic developments,Other,"
  "Test Border Guards,,1,,,0,10,,762,Caspian-Central Asia,Tajikistan,"
  "Gorno-Badakhshan,Ishkoshim,,Test Post,36.72,71.61,3,Test Agency,International,"
  "TEST FIXTURE: an invented border incident.,,,1678000000\r\n"
  /* line 5: latitude out of range */
  "TST0004,2023-03-06,2023,1,Political violence,Battles,Armed clash,A,,1,B,,2,12,,4,,Afghanistan,"
  "Kunduz,,,X,95,68.9,1,Test Wire,National,TEST FIXTURE.,1,,1678000000\r\n"
  /* line 6: latitude and longitude swapped */
  "TST0005,2023-03-07,2023,1,Political violence,Battles,Armed clash,A,,1,B,,2,12,,4,,Afghanistan,"
  "Kunduz,,,X,135.2,35.1,1,Test Wire,National,TEST FIXTURE.,1,,1678000000\r\n"
  /* line 7: ragged */
  "TST0006,2023-03-08,2023,1\r\n"
  /* line 8: a date nobody can read */
  "TST0007,someday,2023,1,Political violence,Battles,Armed clash,A,,1,B,,2,12,,4,,Afghanistan,"
  "Kunduz,,,X,37,68.9,1,Test Wire,National,TEST FIXTURE.,1,,1678000000\r\n"
  /* line 9: an unknown province */
  "TST0008,2023-03-09,2023,1,Political violence,Battles,Armed clash,A,,1,B,,2,12,,4,,Afghanistan,"
  "Nowhere Test Province,,,X,37,68.9,1,Test Wire,National,TEST FIXTURE.,2,,1678000000\r\n";

/* An older layout: upper-case names, ally_actor_*, no timestamp. */
static const char acled_old_csv[] =
  "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,"
  "INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,"
  "LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES\n"
  "700,TSTOLD1,1,14/02/2017,2017,1,Battle-No change of territory,Test Militia A,,3,Test Militia B,,3,33,"
  "Afghanistan,Takhar,,,Test Town,36.7,69.5,1,Test Wire,TEST FIXTURE: an invented old-format event.,5\n";

static BlBasemapData *
load_basemap (void)
{
  g_autofree char *path = g_build_filename (BL_SOURCE_DIR, "data", "basemap", "basemap.bin", NULL);
  BlBasemapData *basemap = bl_basemap_data_new_from_file (path, NULL);

  if (basemap == NULL)
    g_test_skip ("no basemap data");
  return basemap;
}

static BlProject *
import (const char      *text,
        gsize            len,
        BlFormat         format,
        BlImportOptions *options,
        BlImportReport **report,
        GError         **error)
{
  return bl_import_data (text, len, "t.csv", format, options, report, NULL, error);
}

static void
get_claim (BlProject     *project,
           const char    *id,
           BlClaimRecord *record)
{
  BlClaimStore *store = bl_project_get_claims (project);
  guint index = bl_claim_store_lookup (store, id);

  g_assert_cmpuint (index, !=, BL_NO_INDEX);
  bl_claim_store_get_record (store, index, record);
}

static char *
date_text (const BlDate *date)
{
  return bl_date_to_string (date);
}

static void
test_acled_current (void)
{
  g_autoptr(BlBasemapData) basemap = load_basemap ();
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  BlImportOptions options;
  BlClaimRecord r;
  g_autofree char *about = NULL;
  g_autofree char *said = NULL;
  BlActor *actor;

  if (basemap == NULL)
    return;

  g_assert_cmpint (bl_format_guess ("events.csv", acled_csv, sizeof acled_csv - 1), ==, BL_FORMAT_ACLED_CSV);

  bl_import_options_init (&options);
  options.basemap = basemap;
  project = import (acled_csv, sizeof acled_csv - 1, BL_FORMAT_ACLED_CSV, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  g_assert_cmpuint (bl_import_report_get_n_imported (report), ==, 4);
  g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 4);
  g_assert_true (bl_test_report_has (report, "t.csv:5: lat/lon: latitude 95 is outside -90..90"));
  g_assert_true (bl_test_report_has (report, "t.csv:6: lat/lon: latitude 135.2 is outside -90..90 (latitude and longitude look swapped)"));
  g_assert_true (bl_test_report_has (report, "t.csv:7: the row has 4 fields; the header has 31"));
  g_assert_true (bl_test_report_has (report, "t.csv:8: event_date: cannot read the date “someday”"));

  /* line 2 */
  get_claim (project, "acled-TST0001", &r);
  g_assert_true (g_str_has_prefix (r.statement, "TEST FIXTURE, not a real event: a clash near \"Test Village\""));
  actor = bl_project_get_actor (project, r.actor);
  g_assert_cmpstr (bl_actor_get_name (actor), ==, "ACLED");
  g_assert_cmpint (bl_actor_get_kind (actor), ==, BL_ACTOR_NGO);
  g_assert_cmpstr (bl_source_get_name (bl_project_get_source (project, r.source)), ==, "Test Wire");
  g_assert_cmpuint (bl_project_find_source (project, "s-test-daily"), !=, BL_NO_INDEX);
  about = date_text (&r.about);
  said = date_text (&r.said_on);
  g_assert_cmpstr (about, ==, "2023-02-14");
  g_assert_cmpstr (said, ==, "2023-02-21");
  g_assert_cmpstr (bl_topic_get_title (bl_project_get_topic (project, r.topic)), ==, "Fatalities");
  g_assert_nonnull (r.quantity);
  g_assert_cmpfloat (r.quantity->value, ==, 3);
  g_assert_cmpfloat (r.lat, ==, 37.1834);
  g_assert_cmpfloat (r.lon, ==, 68.9167);
  g_assert_cmpint (r.precision, ==, BL_PRECISION_SETTLEMENT);
  g_assert_cmpstr (r.place, ==, "Test Village");
  g_assert_nonnull (r.areas);
  g_assert_cmpstr (r.areas[0], ==, "AF-KDZ");
  g_assert_cmpstr (r.tags[0], ==, "Battles");
  g_assert_cmpstr (r.tags[1], ==, "Armed clash");
  g_assert_nonnull (strstr (r.notes, "Actor 1: Test Militia A"));
  g_assert_nonnull (strstr (r.notes, "Associated with actor 2: Test Tribe"));

  /* line 3: circa day, district, Sar-e-Pol, statement made up */
  get_claim (project, "acled-TST0002", &r);
  g_clear_pointer (&about, g_free);
  about = date_text (&r.about);
  g_assert_cmpstr (about, ==, "2023-02-20~");
  g_assert_cmpint (r.precision, ==, BL_PRECISION_DISTRICT);
  g_assert_cmpstr (r.areas[0], ==, "AF-SAR");
  g_assert_cmpfloat (r.quantity->value, ==, 0);
  g_assert_cmpstr (r.statement, ==,
                   "Remote explosive/landmine/IED involving Unidentified Test Group and Civilians (Afghanistan) in Test Hamlet");
  g_assert_cmpstr (r.tags[2], ==, "crowd size=no report");

  /* line 4: month, province, Tajikistan, no fatalities */
  get_claim (project, "acled-TST0003", &r);
  g_clear_pointer (&about, g_free);
  about = date_text (&r.about);
  g_assert_cmpstr (about, ==, "2023-03");
  g_assert_cmpint (r.precision, ==, BL_PRECISION_PROVINCE);
  g_assert_cmpstr (r.areas[0], ==, "TJ-GB");
  g_assert_null (r.quantity);
  g_assert_cmpuint (r.topic, ==, BL_NO_INDEX);

  /* line 9: unknown province, no area */
  get_claim (project, "acled-TST0008", &r);
  g_assert_null (r.areas);
}

static const char *
lookup_cb (const char *country,
           const char *name,
           gpointer    user_data)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpstr (country, ==, "Afghanistan");
  return g_strcmp0 (name, "Takhar") == 0 ? "AF-TAK" : NULL;
}

static void
test_acled_old (void)
{
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  BlImportOptions options;
  BlClaimRecord r;
  g_autofree char *about = NULL;
  guint calls = 0;

  g_assert_cmpint (bl_format_guess (NULL, acled_old_csv, sizeof acled_old_csv - 1), ==, BL_FORMAT_ACLED_CSV);

  bl_import_options_init (&options);
  options.area_lookup = lookup_cb;
  options.area_lookup_data = &calls;
  project = import (acled_old_csv, sizeof acled_old_csv - 1, BL_FORMAT_UNKNOWN, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 0);
  g_assert_cmpuint (calls, ==, 1);

  get_claim (project, "acled-TSTOLD1", &r);
  about = date_text (&r.about);
  g_assert_cmpstr (about, ==, "2017-02-14");
  g_assert_true (bl_date_is_unknown (&r.said_on));
  g_assert_cmpstr (r.areas[0], ==, "AF-TAK");
  g_assert_cmpfloat (r.quantity->value, ==, 5);
  g_assert_nonnull (strstr (r.notes, "Actor 2: Test Militia B"));
}

static void
test_generic_default_mapping (void)
{
  static const char csv[] =
    "Title,Description,Date,Source,URL,Latitude,Longitude,Tags\n"
    "A claim,Some notes,2023-02-14T10:00:00Z,Test Daily,https://news.example.org/a,37.1,70.5,a;b\n"
    "=HYPERLINK(\"http://evil.example\"),,14 February 2023,Test Daily,javascript:alert(1),,,\n"
    "\"Same outlet, other article\",,2023-02,Test Daily,https://news.example.org/b,,,\n";
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  BlClaimRecord r;
  g_autofree char *said = NULL;

  project = import (csv, sizeof csv - 1, BL_FORMAT_CSV, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_import_report_get_n_imported (report), ==, 3);
  g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 0);
  g_assert_cmpuint (bl_import_report_get_n_warnings (report), ==, 1);
  g_assert_true (bl_test_report_has (report, "t.csv:3: url: “javascript:alert(1)” is not a web address"));

  get_claim (project, "csv-2", &r);
  g_assert_cmpstr (r.statement, ==, "A claim");
  g_assert_cmpstr (r.notes, ==, "Some notes");
  said = date_text (&r.said_on);
  g_assert_cmpstr (said, ==, "2023-02-14");
  g_assert_cmpstr (bl_source_get_url (bl_project_get_source (project, r.source)), ==, "https://news.example.org/a");
  g_assert_cmpfloat (r.lat, ==, 37.1);
  g_assert_cmpstr (r.tags[1], ==, "b");

  /* a formula stays text; the bad link is dropped, the record kept */
  get_claim (project, "csv-3", &r);
  g_assert_cmpstr (r.statement, ==, "=HYPERLINK(\"http://evil.example\")");
  g_assert_null (bl_source_get_url (bl_project_get_source (project, r.source)));

  /* one outlet, three articles: three sources */
  g_assert_cmpuint (g_list_model_get_n_items (bl_project_get_sources (project)), ==, 3);
}

static void
test_generic_custom_mapping (void)
{
  static const char csv[] = "Claim text;x,Who,When,Figure\n"
                            "Fighters are massing,Test Ministry,2023,several hundred fighters\n";
  g_auto(BlFieldMapping) mapping;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BlImportOptions options;
  BlClaimRecord r;
  const char *names[] = { "Claim text;x", "Who", "When", "Figure", NULL };
  g_auto(GStrv) peeked = NULL;

  peeked = bl_import_peek_names (csv, sizeof csv - 1, BL_FORMAT_CSV, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (peeked, names);

  bl_field_mapping_init (&mapping);
  bl_field_mapping_set (&mapping, BL_FIELD_STATEMENT, "claim text;x");
  bl_field_mapping_set (&mapping, BL_FIELD_CLAIMANT, " Who ");
  bl_field_mapping_set (&mapping, BL_FIELD_ABOUT, "When");
  bl_field_mapping_guess (&mapping, names, G_N_ELEMENTS (names) - 1);
  g_assert_cmpstr (mapping.names[BL_FIELD_QUANTITY], ==, "Figure");

  bl_import_options_init (&options);
  options.mapping = &mapping;
  project = import (csv, sizeof csv - 1, BL_FORMAT_CSV, &options, NULL, &error);
  g_assert_no_error (error);
  get_claim (project, "csv-2", &r);
  g_assert_cmpstr (r.statement, ==, "Fighters are massing");
  g_assert_cmpstr (bl_actor_get_name (bl_project_get_actor (project, r.actor)), ==, "Test Ministry");
  g_assert_cmpint (r.quantity->qualifier, ==, BL_QUANTITY_SEVERAL_HUNDRED);
  g_assert_cmpstr (r.quantity->unit, ==, "fighters");
}

/* Rows that are rejected, one by one, each with its line. */
static void
test_generic_hostile_rows (void)
{
  static const struct {
    const char *row;
    const char *message;
  } cases[] = {
    { "caf\xe9,1,2", "t.csv:2: column “statement” is not valid UTF-8" },
    { "nul\0here,1,2", "t.csv:2: column “statement” contains a NUL byte" },
    { "ok,95,2", "t.csv:2: lat/lon: latitude 95 is outside -90..90 (latitude and longitude look swapped)" },
    { "ok,-95,120", "t.csv:2: lat/lon: latitude -95 is outside -90..90" },
    { "ok,1,200", "t.csv:2: lat/lon: longitude 200 is outside -180..180" },
    { "ok,north,2", "t.csv:2: lat: “north” is not a number" },
    { "ok,1,", "t.csv:2: a latitude without a longitude" },
    { "ok,1", "t.csv:2: the row has 2 fields; the header has 3" },
    { "\"ok\"x,1,2", "t.csv:2: unexpected text after the closing quote" },
    { ",1,2", "t.csv:2: the record has no statement" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) csv = g_string_new ("statement,lat,lon\n");
      g_autoptr(BlProject) project = NULL;
      g_autoptr(BlImportReport) report = NULL;
      g_autoptr(GError) error = NULL;
      gsize row_len = strlen (cases[i].row);

      if (strstr (cases[i].message, "NUL"))
        row_len = 12;
      g_string_append_len (csv, cases[i].row, row_len);
      g_string_append (csv, "\ngood,37,70\n");

      g_test_message ("case %u: %s", i, cases[i].message);
      project = import (csv->str, csv->len, BL_FORMAT_CSV, NULL, &report, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (bl_import_report_get_n_imported (report), ==, 1);
      g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 1);
      g_assert_true (bl_test_report_has (report, cases[i].message));
    }
}

static void
test_generic_fallback_encoding (void)
{
  static const char csv[] = "statement\ncaf\xe9 au lait\n";
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;
  BlImportOptions options;
  BlClaimRecord r;

  bl_import_options_init (&options);
  options.fallback_encoding = "WINDOWS-1252";
  project = import (csv, sizeof csv - 1, BL_FORMAT_CSV, &options, NULL, &error);
  g_assert_no_error (error);
  get_claim (project, "csv-2", &r);
  g_assert_cmpstr (r.statement, ==, "café au lait");
}

static void
test_generic_huge (void)
{
  g_autoptr(GString) csv = g_string_new ("statement,notes\n");
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* line 2: a 64 MiB cell; line 3: a 2 MiB one; line 4: a good row */
  g_string_append (csv, "big,");
  for (gsize i = 0; i < (gsize) 64 * 1024 * 1024; i++)
    g_string_append_c (csv, 'x');
  g_string_append (csv, "\nlong,");
  for (gsize i = 0; i < (gsize) 2 * 1024 * 1024; i++)
    g_string_append_c (csv, 'y');
  g_string_append (csv, "\ngood,fine\n");

  project = import (csv->str, csv->len, BL_FORMAT_CSV, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_import_report_get_n_imported (report), ==, 1);
  g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 2);
  g_assert_true (bl_test_report_has (report, "t.csv:2: a field is larger than"));
  g_assert_true (bl_test_report_has (report, "t.csv:3: notes: the text is 2097152 bytes long"));
}

/* Files that cannot be imported at all. */
static void
test_generic_unreadable (void)
{
  static const struct {
    const char *text;
    int         code;
  } cases[] = {
    { "", BL_ERROR_SYNTAX },
    { "statement\n", BL_ERROR_INVALID },
    { "who,when\nx,y\n", BL_ERROR_INVALID },
    { "statement,lat,lon\nx,95,0\ny,0,200\n", BL_ERROR_INVALID },
    { "\"statement\n", BL_ERROR_SYNTAX },
    { "st\xffte\nx\n", BL_ERROR_ENCODING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BlProject) project = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      project = import (cases[i].text, strlen (cases[i].text), BL_FORMAT_CSV, NULL, NULL, &error);
      g_assert_null (project);
      g_assert_error (error, BL_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "t.csv"));
    }
}

static void
test_generic_wide_header (void)
{
  g_autoptr(GString) csv = g_string_new ("statement");
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (csv, ",c");
  g_string_append (csv, "\nx\n");
  project = import (csv->str, csv->len, BL_FORMAT_CSV, NULL, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-csv/acled/current", test_acled_current);
  g_test_add_func ("/import-csv/acled/old", test_acled_old);
  g_test_add_func ("/import-csv/generic/default-mapping", test_generic_default_mapping);
  g_test_add_func ("/import-csv/generic/custom-mapping", test_generic_custom_mapping);
  g_test_add_func ("/import-csv/generic/hostile-rows", test_generic_hostile_rows);
  g_test_add_func ("/import-csv/generic/fallback-encoding", test_generic_fallback_encoding);
  g_test_add_func ("/import-csv/generic/huge", test_generic_huge);
  g_test_add_func ("/import-csv/generic/unreadable", test_generic_unreadable);
  g_test_add_func ("/import-csv/generic/wide-header", test_generic_wide_header);

  return g_test_run ();
}
