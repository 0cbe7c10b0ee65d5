/* test-project-io.c — loading, validating and saving project files
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bl-error.h"
#include "bl-project-io.h"
#include "bl-time-lanes.h"
#include "test-helpers.h"

static BlProject *
load_string (const char  *text,
             GError     **error)
{
  return bl_project_load_from_data (text, strlen (text), "test.borderline", NULL, NULL, NULL, error);
}

/* A minimal project with one claim whose members are @claim_members. */
static char *
project_with_claim (const char *claim_members)
{
  return g_strdup_printf ("{\n"
                          "  \"format\": \"borderline\",\n"
                          "  \"version\": 1,\n"
                          "  \"actors\": [ { \"id\": \"a\", \"name\": \"A\" } ],\n"
                          "  \"claims\": [\n"
                          "    { \"id\": \"c0\", \"statement\": \"first\" },\n"
                          "    { %s }\n"
                          "  ]\n"
                          "}\n", claim_members);
}

static void
test_load_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) project = bl_project_load (file, NULL, &error);
  BlClaimStore *claims;
  guint kunduz;
  BlClaimRecord r;

  g_assert_no_error (error);
  g_assert_nonnull (project);

  claims = bl_project_get_claims (project);
  g_assert_cmpuint (bl_claim_store_get_n_claims (claims), >=, 12);
  g_assert_cmpuint (g_list_model_get_n_items (bl_project_get_actors (project)), ==, 5);

  /* What the article says about Kunduz, as a person would check it */
  kunduz = bl_claim_store_lookup (claims, "c-sidorov-kunduz");
  g_assert_cmpuint (kunduz, !=, BL_NO_INDEX);
  bl_claim_store_get_record (claims, kunduz, &r);
  g_assert_cmpstr (r.areas[0], ==, "AF-KDZ");
  g_assert_cmpstr (bl_actor_get_name (bl_project_get_actor (project, r.actor)), ==, "Anatoly Sidorov");
  g_assert_cmpint (r.said_on.first_day, ==, bl_day_from_ymd (2023, 2, 14));

  /* Rahmon: "at least 6,000", said at some unknown time before */
  bl_claim_store_get_record (claims, bl_claim_store_lookup (claims, "c-rahmon-6000"), &r);
  g_assert_nonnull (r.quantity);
  g_assert_cmpfloat (r.quantity->value, ==, 6000);
  g_assert_cmpint (r.quantity->qualifier, ==, BL_QUANTITY_AT_LEAST);
  g_assert_true (r.said_on.flags & BL_DATE_OPEN_START);

  /* The denial denies three claims */
  bl_claim_store_get_record (claims, bl_claim_store_lookup (claims, "c-iea-deny"), &r);
  g_assert_cmpint (r.stance, ==, BL_STANCE_DENIES);
  g_assert_cmpuint (r.n_relations, ==, 3);
}

/* Saving what was loaded gives the same bytes, twice over. */
static void
test_round_trip (void)
{
  g_autofree char *original = NULL;
  g_autoptr(BlProject) first = NULL;
  g_autoptr(BlProject) second = NULL;
  g_autoptr(GBytes) bytes1 = NULL;
  g_autoptr(GBytes) bytes2 = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (BL_TEST_SAMPLE, &original, &len, NULL));
  first = bl_project_load_from_data (original, len, "sample", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  bytes1 = bl_project_to_bytes (first, NULL, &error);
  g_assert_no_error (error);

  second = bl_project_load_from_data (g_bytes_get_data (bytes1, NULL), g_bytes_get_size (bytes1),
                                      "saved", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  bytes2 = bl_project_to_bytes (second, NULL, &error);
  g_assert_true (g_bytes_equal (bytes1, bytes2));

  /* The sample is written in canonical form already. */
  g_assert_cmpuint (g_bytes_get_size (bytes1), ==, len);
  g_assert_cmpint (memcmp (g_bytes_get_data (bytes1, NULL), original, len), ==, 0);
}

/* An open range (the analyst's "6,000 or more") saves and loads back. */
static void
test_round_trip_open_range (void)
{
  g_autofree char *text = project_with_claim ("\"id\": \"c1\", \"statement\": \"x\", "
                                              "\"quantity\": { \"value\": 6000, \"min\": 6000, \"qualifier\": \"at-least\" }");
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlProject) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BlClaimRecord r;

  project = load_string (text, &error);
  g_assert_no_error (error);
  bl_claim_store_get_record (bl_project_get_claims (project), 1, &r);
  g_assert_true (isinf (r.quantity->max));

  bytes = bl_project_to_bytes (project, NULL, NULL);
  again = bl_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "again", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  bl_claim_store_get_record (bl_project_get_claims (again), 1, &r);
  g_assert_cmpfloat (r.quantity->min, ==, 6000);
  g_assert_true (isinf (r.quantity->max));
}

/* A view with every field set, and one with none but its name, save
 * and load back field for field; a file without the newer members loads
 * with them unset. */
static void
test_round_trip_views (void)
{
  g_autoptr(BlProject) project = bl_project_new ();
  g_autoptr(BlProject) again = NULL;
  g_autoptr(BlProject) old = NULL;
  g_autoptr(BlTopic) topic = bl_topic_new ("t-isis");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BlView *full = bl_view_new ("Kunduz, summer 2021");
  BlView *bare = bl_view_new ("Everything");
  GPtrArray *views;
  const BlView *v;

  bl_topic_set_title (topic, "ISIS-K fighters");
  bl_project_add_topic (project, topic);
  full->west = 66.25;
  full->south = 35.5;
  full->east = 71.125;
  full->north = 38.75;
  g_assert_true (bl_date_parse ("2021-06-03", &full->from, NULL));
  g_assert_true (bl_date_parse ("2021-08", &full->to, NULL));
  full->clock = BL_CLOCK_ABOUT;
  full->cumulative = TRUE;
  full->lanes = BL_TIME_LANES_TOPIC;
  g_assert_true (bl_date_parse ("2021-01-15", &full->shown_from, NULL));
  g_assert_true (bl_date_parse ("2022-02-20", &full->shown_to, NULL));
  full->topic = g_strdup ("t-isis");
  full->text = g_strdup ("Kunduz “airport”");
  full->is_default = TRUE;
  g_ptr_array_add (bl_project_get_views (project), full);
  g_ptr_array_add (bl_project_get_views (project), bare);

  bytes = bl_project_to_bytes (project, NULL, &error);
  g_assert_no_error (error);
  again = bl_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "again", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  views = bl_project_get_views (again);
  g_assert_cmpuint (views->len, ==, 2);
  v = g_ptr_array_index (views, 0);
  g_assert_true (bl_view_equal (v, full));
  g_assert_cmpstr (v->name, ==, "Kunduz, summer 2021");
  g_assert_cmpfloat (v->east, ==, 71.125);
  g_assert_cmpint (v->from.first_day, ==, bl_day_from_ymd (2021, 6, 3));
  g_assert_cmpint (v->to.last_day, ==, bl_day_from_ymd (2021, 8, 31));
  g_assert_cmpint (v->clock, ==, BL_CLOCK_ABOUT);
  g_assert_true (v->cumulative);
  g_assert_cmpint (v->lanes, ==, BL_TIME_LANES_TOPIC);
  g_assert_cmpint (v->shown_from.first_day, ==, bl_day_from_ymd (2021, 1, 15));
  g_assert_cmpint (v->shown_to.first_day, ==, bl_day_from_ymd (2022, 2, 20));
  g_assert_true (v->is_default);

  v = g_ptr_array_index (views, 1);
  g_assert_true (bl_view_equal (v, bare));
  g_assert_true (isnan (v->west));
  g_assert_cmpint (v->lanes, ==, BL_VIEW_NO_LANES);
  g_assert_false (v->cumulative);
  g_assert_true (bl_date_is_unknown (&v->shown_from));

  /* a view as version 1 files wrote it before these members */
  old = load_string ("{\"format\": \"borderline\", \"version\": 1, \"views\": [{\"name\": \"North\", "
                     "\"bbox\": [66, 35, 75, 39], \"from\": \"2021-08\", \"clock\": \"about\"}]}", &error);
  g_assert_no_error (error);
  v = g_ptr_array_index (bl_project_get_views (old), 0);
  g_assert_cmpint (v->clock, ==, BL_CLOCK_ABOUT);
  g_assert_cmpint (v->lanes, ==, BL_VIEW_NO_LANES);
  g_assert_false (v->cumulative);
  g_assert_false (v->is_default);
  g_assert_true (bl_date_is_unknown (&v->shown_to));
}

/* Numbers that do not print exactly survive a round trip unchanged. */
static void
test_round_trip_numbers (void)
{
  g_autofree char *text = project_with_claim ("\"id\": \"c1\", \"statement\": \"x\", "
                                              "\"location\": { \"lat\": 36.72845001, \"lon\": 68.8567 }, "
                                              "\"quantity\": { \"min\": 0.1, \"max\": 1e5, \"qualifier\": \"range\" }");
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlProject) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BlClaimRecord r;

  project = load_string (text, &error);
  g_assert_no_error (error);
  bytes = bl_project_to_bytes (project, NULL, NULL);
  again = bl_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     "again", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  bl_claim_store_get_record (bl_project_get_claims (again), 1, &r);
  g_assert_cmpfloat (r.lat, ==, 36.72845001);
  g_assert_cmpfloat (r.lon, ==, 68.8567);
  g_assert_cmpfloat (r.quantity->min, ==, 0.1);
  g_assert_cmpfloat (r.quantity->max, ==, 1e5);
}

typedef struct {
  const char *claim;     /* members of the second claim (line 7) */
  int         code;
  const char *message;   /* must appear in the error */
} BadClaim;

static const BadClaim bad_claims[] = {
  { "\"id\": \"c1\", \"statement\": \"x\", \"location\": { \"lat\": 95, \"lon\": 68 }",
    BL_ERROR_INVALID, "test.borderline: $.claims[1].location: latitude 95 is outside -90..90 (line 7)" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"location\": { \"lat\": 36, \"lon\": 181 }",
    BL_ERROR_INVALID, "$.claims[1].location: longitude 181 is outside -180..180" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"location\": { \"lat\": 36 }",
    BL_ERROR_INVALID, "$.claims[1].location: a point needs both" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"location\": { \"lat\": 1e999, \"lon\": 0 }",
    BL_ERROR_INVALID, "$.claims[1].location.lat: the number 1e999 is too large" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"location\": { \"polygon\": [[68,36],[69,36],[69,37]] }",
    BL_ERROR_INVALID, "at least four positions" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"location\": { \"polygon\": [[68,36],[69,36],[69,37],[68,37]] }",
    BL_ERROR_INVALID, "is not closed" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"location\": { \"polygon\": [[36,68,1],[69,36],[69,37],[36,68]] }",
    BL_ERROR_INVALID, "$.claims[1].location.polygon[0]: a position is [longitude, latitude]" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"location\": { \"areas\": [\"Kunduz\"] }",
    BL_ERROR_INVALID, "$.claims[1].location.areas[0]: “Kunduz” is not an area code" },
  { "\"id\": \"c0\", \"statement\": \"x\"",
    BL_ERROR_DUPLICATE, "$.claims[1]: the id “c0” is used by another claim" },
  { "\"statement\": \"x\"",
    BL_ERROR_INVALID, "$.claims[1]: a claim needs an “id”" },
  { "\"id\": \"c1\"",
    BL_ERROR_INVALID, "$.claims[1]: a claim needs a “statement”" },
  { "\"id\": \"c1\", \"statement\": \"\"",
    BL_ERROR_INVALID, "$.claims[1]: a claim's “statement” cannot be empty" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"statment\": \"y\"",
    BL_ERROR_INVALID, "$.claims[1]: unknown member “statment”" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"statement\": \"y\"",
    BL_ERROR_DUPLICATE, "$.claims[1].statement: member appears twice" },
  { "\"id\": \"c1\", \"statement\": 5",
    BL_ERROR_INVALID, "$.claims[1].statement: expected text, found a number" },
  { "\"id\": \"c1\", \"statement\": \"nul\\u0000inside\"",
    BL_ERROR_INVALID, "$.claims[1].statement: text contains a NUL character" },
  { "\"id\": \"\", \"statement\": \"x\"",
    BL_ERROR_INVALID, "$.claims[1].id: an id cannot be empty" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"said-on\": \"2023-02-30\"",
    BL_ERROR_INVALID, "$.claims[1].said-on:" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"about\": \"last Tuesday\"",
    BL_ERROR_INVALID, "$.claims[1].about:" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"stance\": \"refutes\"",
    BL_ERROR_INVALID, "$.claims[1].stance: “refutes” is not a known stance" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"credibility\": 7",
    BL_ERROR_INVALID, "$.claims[1].credibility: 7 is not a whole number from 1 to 6" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"claimant\": \"nobody\"",
    BL_ERROR_REFERENCE, "$.claims[1].claimant: there is no actor with the id “nobody”" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"topic\": \"t9\"",
    BL_ERROR_REFERENCE, "$.claims[1].topic: there is no topic with the id “t9”" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"relations\": [ { \"type\": \"cites\", \"claim\": \"c9\" } ]",
    BL_ERROR_REFERENCE, "$.claims[1].relations[0].claim: there is no claim with the id “c9”" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"relations\": [ { \"type\": \"cites\", \"claim\": \"c1\" } ]",
    BL_ERROR_INVALID, "$.claims[1].relations[0]: a claim cannot relate to itself" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"relations\": [ { \"type\": \"likes\", \"claim\": \"c0\" } ]",
    BL_ERROR_INVALID, "$.claims[1].relations[0].type: “likes” is not a known relation type" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"quantity\": { \"min\": 10, \"max\": 5 }",
    BL_ERROR_INVALID, "$.claims[1].quantity:" },
  { "\"id\": \"c1\", \"statement\": \"x\", \"quantity\": { \"value\": 5, \"qualifier\": \"lots\" }",
    BL_ERROR_INVALID, "$.claims[1].quantity.qualifier: “lots” is not a known qualifier" },
};

static void
test_load_bad_claims (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_claims); i++)
    {
      g_autofree char *text = project_with_claim (bad_claims[i].claim);
      g_autoptr(GError) error = NULL;
      g_autoptr(BlProject) project = load_string (text, &error);

      g_test_message ("case %u: %s", i, bad_claims[i].claim);
      g_assert_null (project);
      g_assert_error (error, BL_ERROR, bad_claims[i].code);
      if (strstr (error->message, bad_claims[i].message) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, bad_claims[i].message, error->message);
    }
}

typedef struct {
  const char *text;
  int         code;
  const char *message;
} BadFile;

static const BadFile bad_files[] = {
  { "", BL_ERROR_SYNTAX, "test.borderline:1:1:" },
  { "   \n\t  ", BL_ERROR_SYNTAX, "test.borderline:" },
  { "\xef\xbb\xbf", BL_ERROR_ENCODING, "test.borderline:1:1:" },
  { "{\"format\": \"borderline\", \"version\": 1,", BL_ERROR_SYNTAX, "test.borderline:1:" },
  { "{\"format\": \"borderline\",\n \"version\": 1,\n \"title\": \"\\ud800\"}", BL_ERROR_ENCODING, "test.borderline:3:" },
  { "{\"format\": \"borderline\", \"version\": 1, \"title\": \"\xc3\x28\"}", BL_ERROR_ENCODING, "test.borderline:1:" },
  { "{\"format\": \"borderline\", \"version\": 1, /* c */ }", BL_ERROR_SYNTAX, "test.borderline:1:" },
  { "{\"format\": \"borderline\", \"version\": 1, \"title\": 'x'}", BL_ERROR_SYNTAX, "test.borderline:1:" },
  { "{\"format\": \"borderline\", \"version\": 1, \"claims\": [{\"id\": \"c\", \"statement\": \"s\", \"location\": {\"lat\": NaN, \"lon\": 1}}]}",
    BL_ERROR_SYNTAX, "test.borderline:1:" },
  { "{\"format\": \"borderline\", \"version\": 1, \"claims\": [{\"id\": \"c\", \"statement\": \"s\", \"location\": {\"lat\": 2., \"lon\": 1}}]}",
    BL_ERROR_SYNTAX, "test.borderline:1:" },
  { "[]", BL_ERROR_NOT_PROJECT, "test.borderline: not a Borderline project" },
  { "{\"format\": \"geojson\", \"version\": 1}", BL_ERROR_NOT_PROJECT, "not a Borderline project" },
  { "{\"type\": \"FeatureCollection\", \"features\": []}", BL_ERROR_NOT_PROJECT, "not a Borderline project" },
  { "{\"format\": \"borderline\", \"version\": 2}", BL_ERROR_VERSION, "format version 2" },
  { "{\"format\": \"borderline\"}", BL_ERROR_VERSION, "no \"version\"" },
  { "{\"format\": \"borderline\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"a\", \"name\": \"B\"}]}",
    BL_ERROR_DUPLICATE, "$.actors[1]: the id “a” is used twice" },
  { "{\"format\": \"borderline\", \"version\": 1, \"sources\": [{\"id\": \"s\", \"name\": \"S\", \"url\": \"javascript:alert(1)\"}]}",
    BL_ERROR_INVALID, "$.sources[0].url: only http and https addresses are allowed" },
  { "{\"format\": \"borderline\", \"version\": 1, \"sources\": [{\"id\": \"s\", \"name\": \"S\", \"url\": \"file:///etc/passwd\"}]}",
    BL_ERROR_INVALID, "$.sources[0].url:" },
  { "{\"format\": \"borderline\", \"version\": 1, \"sources\": [{\"id\": \"s\", \"name\": \"S\", \"origin\": \"t\"}]}",
    BL_ERROR_REFERENCE, "$.sources[0].origin: there is no source with the id “t”" },
  { "{\"format\": \"borderline\", \"version\": 1, \"views\": [{\"name\": \"v\", \"bbox\": [75, 35, 66, 39]}]}",
    BL_ERROR_INVALID, "$.views[0].bbox: west must be less than east" },
  { "{\"format\": \"borderline\", \"version\": 1, \"annotations\": [{\"id\": \"n\", \"kind\": \"arrow\", \"points\": [[68, 36]]}]}",
    BL_ERROR_INVALID, "$.annotations[0]: wrong number of points" },
  { "{\"format\": \"borderline\", \"version\": 1, \"annotations\": [{\"id\": \"n\", \"kind\": \"text\", \"points\": [[68, 36]]}, {\"id\": \"n\", \"kind\": \"text\", \"points\": [[69, 36]]}]}",
    BL_ERROR_DUPLICATE, "$.annotations[1].id: the id “n” is used twice" },
  { "{\"format\": \"borderline\", \"version\": 1, \"views\": [{\"name\": \"v\", \"topic\": \"t-none\"}]}",
    BL_ERROR_REFERENCE, "$.views[0].topic: there is no topic with the id “t-none”" },
  { "{\"format\": \"borderline\", \"version\": 1, \"views\": [{\"name\": \"\"}]}",
    BL_ERROR_INVALID, "$.views[0]: a view needs a “name”" },
  { "{\"format\": \"borderline\", \"version\": 1, \"views\": [{\"name\": \"v\", \"lanes\": \"stance\"}]}",
    BL_ERROR_INVALID, "$.views[0].lanes:" },
  { "{\"format\": \"borderline\", \"version\": 1, \"views\": [{\"name\": \"v\", \"cumulative\": 1}]}",
    BL_ERROR_INVALID, "$.views[0].cumulative:" },
  { "{\"format\": \"borderline\", \"version\": 1, \"views\": [{\"name\": \"v\", \"shown-from\": \"2022\", \"shown-to\": \"2021\"}]}",
    BL_ERROR_INVALID, "$.views[0]: a view’s “shown-to” comes before its “shown-from”" },
  { "{\"format\": \"borderline\", \"version\": 1, \"views\": [{\"name\": \"v\", \"default\": true}, {\"name\": \"w\", \"default\": true}]}",
    BL_ERROR_INVALID, "$.views[1].default: only one view can be the default, and $.views[0] is" },
  { "{\"format\": \"borderline\", \"version\": 1, \"actors\": [{\"id\": \"a\", \"name\": \"\"}]}",
    BL_ERROR_INVALID, "$.actors[0]: an actor needs a “name”" },
  { "{\"format\": \"borderline\", \"version\": 1, \"sources\": [{\"id\": \"s\", \"name\": \"S\", \"url\": \"https://example.org/a b\"}]}",
    BL_ERROR_INVALID, "$.sources[0].url: not a valid web address" },
};

static void
test_load_bad_files (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BlProject) project = NULL;

      g_test_message ("case %u: %s", i, bad_files[i].text);
      project = load_string (bad_files[i].text, &error);
      g_assert_null (project);
      g_assert_error (error, BL_ERROR, bad_files[i].code);
      if (strstr (error->message, bad_files[i].message) == NULL)
        g_error ("case %u: expected “%s” in “%s”", i, bad_files[i].message, error->message);
    }
}

/* Many problems: the first ten are listed, then a count. */
static void
test_load_many_problems (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"borderline\", \"version\": 1, \"claims\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) project = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 25; i++)
    g_string_append_printf (text, "%s{\"id\": \"c%u\", \"statement\": \"s\", \"credibility\": 9}",
                            i ? "," : "", i);
  g_string_append (text, "]}");

  project = load_string (text->str, &error);
  g_assert_null (project);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, BL_PROJECT_MAX_PROBLEMS + 1);
  g_assert_nonnull (strstr (lines[BL_PROJECT_MAX_PROBLEMS], "and 15 more problems"));
}

static void
test_load_deep_nesting (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"borderline\", \"version\": 1, \"title\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) project = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');

  project = load_string (text->str, &error);
  g_assert_null (project);
  g_assert_error (error, BL_ERROR, BL_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "test.borderline:1:"));
}

/* Members in any order: claims before the actors they name. */
static void
test_load_any_order (void)
{
  static const char text[] =
    "{\"claims\": [{\"id\": \"c\", \"statement\": \"s\", \"claimant\": \"a2\", \"source\": \"s\"}],"
    " \"sources\": [{\"id\": \"s\", \"name\": \"S\", \"origin\": \"s0\"}, {\"id\": \"s0\", \"name\": \"S0\"}],"
    " \"actors\": [{\"id\": \"a1\", \"name\": \"One\"}, {\"id\": \"a2\", \"name\": \"Two\"}],"
    " \"version\": 1, \"format\": \"borderline\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) project = load_string (text, &error);
  BlClaimRecord r;

  g_assert_no_error (error);
  bl_claim_store_get_record (bl_project_get_claims (project), 0, &r);
  g_assert_cmpstr (bl_actor_get_name (bl_project_get_actor (project, r.actor)), ==, "Two");
  g_assert_cmpstr (bl_source_get_name (bl_project_get_source (project, r.source)), ==, "S");
}

/* Every prefix of the sample is refused cleanly, never crashes. */
static void
test_load_truncated (void)
{
  g_autofree char *original = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (BL_TEST_SAMPLE, &original, &len, NULL));

  for (gsize cut = 0; cut < len - 1; cut += (cut < 2000 ? 1 : 37))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BlProject) project = NULL;

      project = bl_project_load_from_data (original, cut, "cut", NULL, NULL, NULL, &error);
      g_assert_null (project);
      g_assert_error (error, BL_ERROR, error->code);
    }
}

static void
test_load_cancelled (void)
{
  g_autofree char *original = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) project = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (BL_TEST_SAMPLE, &original, &len, NULL));
  g_cancellable_cancel (cancellable);
  project = bl_project_load_from_data (original, len, "sample", cancellable, NULL, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_save_atomic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("borderline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.borderline", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) sample_file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "old content", -1, NULL));

  project = bl_project_load (sample_file, NULL, &error);
  g_assert_no_error (error);
  bl_project_set_title (project, "Changed title");
  g_assert_true (bl_project_save (project, file, NULL, &error));
  g_assert_no_error (error);

  /* the old file is the backup; the new one loads */
  g_assert_true (g_file_get_contents (backup, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old content");
  reloaded = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bl_project_get_title (reloaded), ==, "Changed title");

  /* no temporary file is left behind */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  g_assert_true (g_file_get_contents (BL_TEST_SAMPLE, &sample, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (strstr (saved, "\"Changed title\""), !=, NULL);

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static void
on_saved (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  if (!bl_project_save_finish (result, error) && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "failed without a reason");
  g_main_context_wakeup (NULL);
  *(gboolean *) g_object_get_data (object, "done") = TRUE;
}

/* The window saves this way: off the main thread, then the result. */
static void
test_save_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("borderline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "async.borderline", NULL);
  g_autoptr(GFile) sample_file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BlProject) project = bl_project_load (sample_file, NULL, NULL);
  g_autoptr(BlProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_object_set_data (G_OBJECT (project), "done", &done);
  bl_project_save_async (project, file, NULL, on_saved, &error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (error);
  reloaded = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (reloaded)), ==, 16);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_failure_keeps_old (void)
{
  g_autoptr(BlProject) project = bl_project_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-folder/p.borderline");
  g_autoptr(GError) error = NULL;

  g_assert_false (bl_project_save (project, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_query_exists (file, NULL));
}

/* Large files {{{ */

/* A project of @n claims with statements of some 400 bytes, as saved. */
static GBytes *
large_project_bytes (guint n)
{
  g_autoptr(BlProject) project = bl_project_new ();
  BlClaimStore *claims = bl_project_get_claims (project);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%06u", i);
      g_autofree char *statement = g_strdup_printf ("Claim %u: %s%u", i,
          "the district governor said fighters crossed the river at night and "
          "held the crossing for two days before the border guards took it back; "
          "local elders disputed the account, and a second source put the number "
          "of fighters at half of what the governor said, citing three residents "
          "who saw them leave along the road to the provincial centre, claim ", i * 7919u);
      BlClaimRecord r;

      bl_claim_record_init (&r);
      r.id = id;
      r.statement = statement;
      r.lat = 36.0 + (i % 1000) / 1000.0;
      r.lon = 68.0 + (i % 997) / 997.0;
      r.precision = BL_PRECISION_EXACT;
      g_assert_cmpuint (bl_claim_store_append (claims, &r), ==, i);
    }

  bytes = bl_project_to_bytes (project, NULL, &error);
  g_assert_no_error (error);
  return bytes;
}

typedef struct {
  const char *path;
  gsize       rss_kb;    /* the file's resident kB near the end of the read */
  gboolean    measured;
  gboolean    done;
  BlProject  *project;
  GError     *error;
} LargeLoad;

/* The resident kB of @path's mappings in this process (smaps). */
static gsize
mapping_rss_kb (const char *path)
{
  g_autofree char *smaps = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_file = FALSE;
  gsize total = 0;

  g_assert_true (g_file_get_contents ("/proc/self/smaps", &smaps, NULL, NULL));
  lines = g_strsplit (smaps, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (g_ascii_isxdigit (line[0]) && strchr (line, '-') != NULL && strchr (line, ' ') != NULL)
        in_file = g_str_has_suffix (line, path);
      else if (in_file && g_str_has_prefix (line, "Rss:"))
        total += g_ascii_strtoull (line + 4, NULL, 10);
    }
  return total;
}

static void
on_large_progress (double   fraction,
                   gpointer user_data)
{
  LargeLoad *load = user_data;

  if (fraction >= 0.9 && fraction < 1.0 && !load->measured)
    {
      load->rss_kb = mapping_rss_kb (load->path);
      load->measured = TRUE;
    }
}

static void
on_large_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  LargeLoad *load = user_data;

  load->project = bl_project_load_finish (result, &load->error);
  load->done = TRUE;
}

/* A large project loads whole, while the pages of its file that the
 * reader has gone past leave the process's memory. */
static void
test_load_large_drops_pages (void)
{
  g_autoptr(GBytes) bytes = large_project_bytes (60000);
  g_autofree char *dir = g_dir_make_tmp ("borderline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  LargeLoad load = { path };
  gsize size = g_bytes_get_size (bytes);

  g_assert_cmpuint (size, >, 30 * 1024 * 1024);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), size, NULL));

  bl_project_load_async (file, NULL, on_large_progress, &load, on_large_loaded, &load);
  bl_test_run_until (&load.done, 60, "the large project to load");
  g_assert_no_error (load.error);
  g_assert_nonnull (load.project);

  /* every byte came through */
  again = bl_project_to_bytes (load.project, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (bytes, again));

  /* at nine tenths read, far less than the file was resident */
  g_assert_true (load.measured);
  g_test_message ("%s: %" G_GSIZE_FORMAT " kB, %" G_GSIZE_FORMAT " kB resident at 90 %%",
                  path, size / 1024, load.rss_kb);
  g_assert_cmpuint (load.rss_kb, <, size / 1024 / 4);

  g_object_unref (load.project);
  g_unlink (path);
  g_rmdir (dir);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-io/load-sample", test_load_sample);
  g_test_add_func ("/project-io/round-trip", test_round_trip);
  g_test_add_func ("/project-io/round-trip-numbers", test_round_trip_numbers);
  g_test_add_func ("/project-io/round-trip-open-range", test_round_trip_open_range);
  g_test_add_func ("/project-io/round-trip-views", test_round_trip_views);
  g_test_add_func ("/project-io/bad-claims", test_load_bad_claims);
  g_test_add_func ("/project-io/bad-files", test_load_bad_files);
  g_test_add_func ("/project-io/many-problems", test_load_many_problems);
  g_test_add_func ("/project-io/deep-nesting", test_load_deep_nesting);
  g_test_add_func ("/project-io/any-order", test_load_any_order);
  g_test_add_func ("/project-io/truncated", test_load_truncated);
  g_test_add_func ("/project-io/cancelled", test_load_cancelled);
  g_test_add_func ("/project-io/large-drops-pages", test_load_large_drops_pages);
  g_test_add_func ("/project-io/save-atomic", test_save_atomic);
  g_test_add_func ("/project-io/save-failure", test_save_failure_keeps_old);
  g_test_add_func ("/project-io/save-async", test_save_async);

  return g_test_run ();
}
