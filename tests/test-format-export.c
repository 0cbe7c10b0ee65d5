/* test-export.c — exports, round trips, and the batch commands
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project below is a TEST FIXTURE: its spokespeople, outlets and
 * figures are invented.
 *
 * # What the formats lose on a round trip, and why
 *
 * project → GeoJSON → project keeps every claim field and the claimants,
 * sources and topics the claims name, and the project's title and
 * description (foreign members of the collection). Lost:
 * - annotations and saved views: they are not claims and GeoJSON features
 *   would show them as data;
 * - actors, sources and topics that no claim names: properties hang off
 *   claims; so is a source's `origin` when the origin source is named by no
 *   claim (it cannot be resolved, and is dropped with a warning);
 * - polygon vertices beyond 6 decimals (about 0.1 m: RFC 7946 §11.2); a
 *   point keeps full precision through its `lat`/`lon` properties;
 * - an explicit open range of a figure ("6,000+" with no upper bound):
 *   JSON has no infinity, so the qualifier's default range applies;
 * - the order of actors, sources and topics (they come back in the order
 *   claims first name them; ids are kept).
 *
 * project → CSV → project loses all that, and also:
 * - the project's title and description: a table has no place for them;
 * - tags, areas or relation targets that contain ";", the list separator.
 * The apostrophe that neutralises formula-like cells is taken off again on
 * import of Borderline's own table, so such texts come back as written.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "bl-convert.h"
#include "bl-error.h"
#include "bl-format-export.h"
#include "bl-format.h"
#include "bl-project-io.h"
#include "bl-vocab.h"
#include "test-helpers.h"

typedef enum {
  LOSES_TITLE = 1 << 0,
} Losses;

static void
add_claim (BlProject     *project,
           BlClaimRecord *r)
{
  g_assert_cmpuint (bl_claim_store_append (bl_project_get_claims (project), r), !=, BL_NO_INDEX);
}

static BlDate
date (const char *text)
{
  BlDate d;

  g_assert_true (bl_date_parse (text, &d, NULL));
  return d;
}

/* TEST FIXTURE: invented people, outlets and figures. */
static BlProject *
make_project (void)
{
  BlProject *project = bl_project_new ();
  g_autoptr(BlActor) a1 = bl_actor_new ("a-1", "Test Ministry Spokesperson");
  g_autoptr(BlActor) a2 = bl_actor_new ("a-2", "Test, \"Quoted\" Body");
  g_autoptr(BlActor) unused = bl_actor_new ("a-unused", "Nobody Cited");
  g_autoptr(BlSource) s1 = bl_source_new ("s-1");
  g_autoptr(BlSource) s2 = bl_source_new ("s-2");
  g_autoptr(BlTopic) t1 = bl_topic_new ("t-1");
  g_auto(BlQuantity) q1 = BL_QUANTITY_INIT;
  g_auto(BlQuantity) q2 = BL_QUANTITY_INIT;
  g_auto(BlQuantity) q3 = BL_QUANTITY_INIT;
  static const char * const areas1[] = { "AF-BDS", "AF-TAK", NULL };
  static const char * const areas3[] = { "AF-KDZ", NULL };
  static const char * const tags1[] = { "press", "@handle", "-dash", NULL };
  static const char * const tags2[] = { "خبر", "=tag", NULL };
  /* clockwise on purpose; the export turns it */
  static const double polygon[] = { 69.1, 37.1, 69.1, 37.4, 69.6, 37.4, 69.6, 37.1, 69.1, 37.1 };
  BlRelation rel2[] = { { BL_RELATION_CITES, (char *) "c-1" } };
  BlRelation rel3[] = { { BL_RELATION_DENIES, (char *) "c-2" }, { BL_RELATION_CORROBORATES, (char *) "c-1" } };
  BlClaimRecord r;
  BlView *view = bl_view_new ("A view (lost)");

  bl_project_set_title (project, "Test fixture: fighters near the border");
  bl_project_set_description (project, "Invented claims for the round-trip tests.\nTwo lines.");

  bl_actor_set_role (a1, "Spokesperson");
  bl_actor_set_affiliation (a1, "Test Ministry");
  bl_actor_set_kind (a1, BL_ACTOR_STATE_OFFICIAL);
  bl_actor_set_reliability (a1, 3);
  bl_actor_set_kind (a2, BL_ACTOR_INTERNATIONAL_BODY);
  bl_project_add_actor (project, a1);
  bl_project_add_actor (project, a2);
  bl_project_add_actor (project, unused);

  bl_source_set_name (s1, "The Example Daily");
  bl_source_set_kind (s1, BL_SOURCE_NEWS_OUTLET);
  bl_source_set_url (s1, "https://news.example.org/2023/02/14/border?a=1&b=2");
  bl_source_set_published (s1, "2023-02-14");
  bl_source_set_retrieved (s1, "2023-03-01");
  bl_source_set_language (s1, "en");
  bl_source_set_reliability (s1, 2);
  bl_source_set_origin (s1, "s-2");
  bl_source_set_name (s2, "Example Agency");
  bl_source_set_kind (s2, BL_SOURCE_NEWS_AGENCY);
  bl_project_add_source (project, s1);
  bl_project_add_source (project, s2);

  bl_topic_set_title (t1, "Fighters near the border");
  bl_topic_set_unit (t1, "fighters");
  bl_topic_set_description (t1, "How many, and where.");
  bl_project_add_topic (project, t1);

  bl_quantity_set_value (&q1, BL_QUANTITY_AT_LEAST, 6000);
  bl_quantity_set_unit (&q1, "fighters");
  bl_quantity_set_text (&q1, "no fewer than six thousand");
  q2.qualifier = BL_QUANTITY_RANGE;
  bl_quantity_set_range (&q2, 2000, 3000);
  q3.qualifier = BL_QUANTITY_SEVERAL_HUNDRED;
  bl_quantity_set_range (&q3, 300, 800);
  bl_quantity_set_text (&q3, "-several hundred");

  bl_claim_record_init (&r);
  r.id = "c-1";
  r.statement = "=1+2 fighters, said the \"spokesperson\", at the border";
  r.quote = "-quoted, with a comma";
  r.actor = 0;
  r.source = 0;
  r.said_on = date ("2023-02-14");
  r.about = date ("2021-08/..");
  r.topic = 0;
  r.quantity = &q1;
  r.credibility = 3;
  r.lat = 37.123456789;
  r.lon = 70.5;
  r.precision = BL_PRECISION_SETTLEMENT;
  r.place = "near \"X\", Y";
  r.areas = areas1;
  r.tags = tags1;
  r.notes = "line 1\r\nline 2\n\ttabbed";
  add_claim (project, &r);

  bl_claim_record_init (&r);
  r.id = "c-2";
  r.statement = "Between 2,000 and 3,000 — قول";
  r.actor = 1;
  r.source = 1;
  r.said_on = date ("2023-02~");
  r.about = date ("2022-02~/2023-02");
  r.topic = 0;
  r.quantity = &q2;
  r.stance = BL_STANCE_QUALIFIES;
  r.credibility = 4;
  r.polygon = polygon;
  r.n_polygon = 5;
  r.precision = BL_PRECISION_DISTRICT;
  r.tags = tags2;
  r.relations = rel2;
  r.n_relations = 1;
  add_claim (project, &r);

  bl_claim_record_init (&r);
  r.id = "c-3";
  r.statement = "'=already quoted";
  r.actor = 1;
  r.source = 0;
  r.about = date ("202X");
  r.quantity = &q3;
  r.stance = BL_STANCE_DENIES;
  r.areas = areas3;
  r.precision = BL_PRECISION_PROVINCE;
  r.notes = "+49 is not a number here";
  r.relations = rel3;
  r.n_relations = 2;
  add_claim (project, &r);

  bl_claim_record_init (&r);
  r.id = "c 4/odd";
  r.statement = "Only a statement.";
  add_claim (project, &r);

  g_ptr_array_add (bl_project_get_views (project), view);

  return project;
}

static void
assert_same_strv (const char * const *a,
                  const char * const *b)
{
  if (a == NULL || b == NULL)
    {
      g_assert_true ((a == NULL || a[0] == NULL) && (b == NULL || b[0] == NULL));
      return;
    }
  g_assert_cmpstrv (a, b);
}

/* Compares every field the formats carry (see the top of this file). */
static void
assert_same_claims (BlProject *a,
                    BlProject *b,
                    Losses     losses)
{
  BlClaimStore *sa = bl_project_get_claims (a);
  BlClaimStore *sb = bl_project_get_claims (b);

  if (!(losses & LOSES_TITLE))
    {
      g_assert_cmpstr (bl_project_get_title (a), ==, bl_project_get_title (b));
      g_assert_cmpstr (bl_project_get_description (a), ==, bl_project_get_description (b));
    }

  g_assert_cmpuint (bl_claim_store_get_n_claims (sa), ==, bl_claim_store_get_n_claims (sb));
  for (guint i = 0; i < bl_claim_store_get_n_claims (sa); i++)
    {
      BlClaimRecord ra, rb;
      guint j = bl_claim_store_lookup (sb, bl_claim_store_get_id (sa, i));

      g_assert_cmpuint (j, !=, BL_NO_INDEX);
      bl_claim_store_get_record (sa, i, &ra);
      bl_claim_store_get_record (sb, j, &rb);
      g_test_message ("claim %s", ra.id);

      g_assert_cmpstr (ra.statement, ==, rb.statement);
      g_assert_cmpstr (ra.quote, ==, rb.quote);
      g_assert_cmpstr (ra.notes, ==, rb.notes);
      g_assert_cmpstr (ra.place, ==, rb.place);
      g_assert_true (bl_date_equal (&ra.said_on, &rb.said_on));
      g_assert_true (bl_date_equal (&ra.about, &rb.about));
      g_assert_cmpint (ra.stance, ==, rb.stance);
      g_assert_cmpuint (ra.credibility, ==, rb.credibility);
      g_assert_cmpint (ra.precision, ==, rb.precision);
      g_assert_true ((isnan (ra.lat) && isnan (rb.lat)) || ra.lat == rb.lat);
      g_assert_true ((isnan (ra.lon) && isnan (rb.lon)) || ra.lon == rb.lon);
      assert_same_strv (ra.areas, rb.areas);
      assert_same_strv (ra.tags, rb.tags);
      g_assert_cmpuint (ra.n_polygon, ==, rb.n_polygon);
      if (ra.n_polygon)
        {
          /* the ring may come back turned counter-clockwise */
          gboolean same = memcmp (ra.polygon, rb.polygon, sizeof (double) * 2 * ra.n_polygon) == 0;
          gboolean reversed = TRUE;

          for (guint k = 0; k < ra.n_polygon; k++)
            reversed = reversed &&
                       ra.polygon[2 * k] == rb.polygon[2 * (ra.n_polygon - 1 - k)] &&
                       ra.polygon[2 * k + 1] == rb.polygon[2 * (ra.n_polygon - 1 - k) + 1];
          g_assert_true (same || reversed);
        }
      g_assert_true ((ra.quantity == NULL) == (rb.quantity == NULL));
      if (ra.quantity)
        g_assert_true (bl_quantity_equal (ra.quantity, rb.quantity));
      g_assert_cmpuint (ra.n_relations, ==, rb.n_relations);
      for (guint k = 0; k < ra.n_relations; k++)
        {
          g_assert_cmpint (ra.relations[k].kind, ==, rb.relations[k].kind);
          g_assert_cmpstr (ra.relations[k].claim_id, ==, rb.relations[k].claim_id);
        }

      g_assert_true ((ra.actor == BL_NO_INDEX) == (rb.actor == BL_NO_INDEX));
      if (ra.actor != BL_NO_INDEX)
        {
          BlActor *x = bl_project_get_actor (a, ra.actor), *y = bl_project_get_actor (b, rb.actor);

          g_assert_cmpstr (bl_actor_get_id (x), ==, bl_actor_get_id (y));
          g_assert_cmpstr (bl_actor_get_name (x), ==, bl_actor_get_name (y));
          g_assert_cmpstr (bl_actor_get_role (x), ==, bl_actor_get_role (y));
          g_assert_cmpstr (bl_actor_get_affiliation (x), ==, bl_actor_get_affiliation (y));
          g_assert_cmpint (bl_actor_get_kind (x), ==, bl_actor_get_kind (y));
          g_assert_cmpuint (bl_actor_get_reliability (x), ==, bl_actor_get_reliability (y));
        }
      g_assert_true ((ra.source == BL_NO_INDEX) == (rb.source == BL_NO_INDEX));
      if (ra.source != BL_NO_INDEX)
        {
          BlSource *x = bl_project_get_source (a, ra.source), *y = bl_project_get_source (b, rb.source);

          g_assert_cmpstr (bl_source_get_id (x), ==, bl_source_get_id (y));
          g_assert_cmpstr (bl_source_get_name (x), ==, bl_source_get_name (y));
          g_assert_cmpint (bl_source_get_kind (x), ==, bl_source_get_kind (y));
          g_assert_cmpstr (bl_source_get_url (x), ==, bl_source_get_url (y));
          g_assert_cmpstr (bl_source_get_published (x), ==, bl_source_get_published (y));
          g_assert_cmpstr (bl_source_get_retrieved (x), ==, bl_source_get_retrieved (y));
          g_assert_cmpstr (bl_source_get_language (x), ==, bl_source_get_language (y));
          g_assert_cmpuint (bl_source_get_reliability (x), ==, bl_source_get_reliability (y));
          /* an origin that no claim names is lost (see above) */
          if (bl_source_get_origin (x) && !bl_source_get_origin (y))
            g_assert_cmpuint (bl_project_find_source (b, bl_source_get_origin (x)), ==, BL_NO_INDEX);
          else
            g_assert_cmpstr (bl_source_get_origin (x), ==, bl_source_get_origin (y));
        }
      g_assert_true ((ra.topic == BL_NO_INDEX) == (rb.topic == BL_NO_INDEX));
      if (ra.topic != BL_NO_INDEX)
        {
          BlTopic *x = bl_project_get_topic (a, ra.topic), *y = bl_project_get_topic (b, rb.topic);

          g_assert_cmpstr (bl_topic_get_id (x), ==, bl_topic_get_id (y));
          g_assert_cmpstr (bl_topic_get_title (x), ==, bl_topic_get_title (y));
          g_assert_cmpstr (bl_topic_get_unit (x), ==, bl_topic_get_unit (y));
          g_assert_cmpstr (bl_topic_get_description (x), ==, bl_topic_get_description (y));
        }
    }

  /* lost by design (see the top of this file) */
  g_assert_cmpuint (bl_project_find_actor (b, "a-unused"), ==, BL_NO_INDEX);
  g_assert_cmpuint (bl_project_get_views (b)->len, ==, 0);
}

static BlProject *
round_trip (BlProject      *project,
            BlFormat        format,
            BlImportReport **report)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) back = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(BlProject) reloaded = NULL;
  const char *data;
  gsize len;

  bytes = bl_format_export_to_bytes (project, format, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  back = bl_import_data (data, len, "round-trip", format, NULL, report, NULL, &error);
  g_assert_no_error (error);

  /* and what was imported is a valid project */
  saved = bl_project_to_bytes (back, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (saved, &len);
  reloaded = bl_project_load_from_data (data, len, "saved", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&back);
}

static void
test_round_trip_geojson (void)
{
  g_autoptr(BlProject) project = make_project ();
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(BlProject) back = round_trip (project, BL_FORMAT_GEOJSON, &report);

  g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 0);
  assert_same_claims (project, back, 0);
}

static void
test_round_trip_csv (void)
{
  g_autoptr(BlProject) project = make_project ();
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(BlProject) back = round_trip (project, BL_FORMAT_CSV, &report);

  g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 0);
  assert_same_claims (project, back, LOSES_TITLE);
}

static void
test_round_trip_sample (void)
{
  g_autofree char *path = g_build_filename (BL_SOURCE_DIR, "data", "samples", "csto-isis-k-2023.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) project = bl_project_load (file, NULL, &error);

  g_assert_no_error (error);
  for (BlFormat f = BL_FORMAT_GEOJSON; f <= BL_FORMAT_CSV; f++)
    {
      g_autoptr(BlImportReport) report = NULL;
      g_autoptr(BlProject) back = round_trip (project, f, &report);

      assert_same_claims (project, back, f == BL_FORMAT_CSV ? LOSES_TITLE : 0);
    }
}

static void
test_csv_neutralised (void)
{
  g_autoptr(BlProject) project = make_project ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize len;
  const char *data;

  bytes = bl_format_export_to_bytes (project, BL_FORMAT_CSV, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  text = g_strndup (data, len);

  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF" "id,statement,quote,claimant,"));
  bl_test_assert_has (text, ",relations\r\n",
                      "\r\nc-1,\"'=1+2 fighters, said the \"\"spokesperson\"\", at the border\",\"'-quoted, with a comma\",",
                      ",'+49 is not a number here,", "'-several hundred", ",''=already quoted,",
                      ",37.123456789,70.5,", "POLYGON ((69.1 37.1, 69.1 37.4, ",
                      ",denies:c-2;corroborates:c-1\r\n", "\"line 1\r\nline 2\n\ttabbed\"");
}

static void
test_kml (void)
{
  static const struct {
    const char *about;
    const char *expected;
  } cases[] = {
    { "2023-02-14", "<TimeStamp><when>2023-02-14</when></TimeStamp>" },
    { "2023-02", "<TimeStamp><when>2023-02</when></TimeStamp>" },
    { "2023", "<TimeStamp><when>2023</when></TimeStamp>" },
    { "2023~", "<TimeSpan><begin>2022-01-01</begin><end>2024-12-31</end></TimeSpan>" },
    { "202X", "<TimeSpan><begin>2020-01-01</begin><end>2029-12-31</end></TimeSpan>" },
    { "2021-08/..", "<TimeSpan><begin>2021-08-01</begin></TimeSpan>" },
    { "../2022", "<TimeSpan><end>2022-12-31</end></TimeSpan>" },
    { "2021-08-15/2022-03", "<TimeSpan><begin>2021-08-15</begin><end>2022-03-31</end></TimeSpan>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BlProject) project = bl_project_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *text = NULL;
      BlClaimRecord r;
      gsize len;
      const char *data;

      bl_claim_record_init (&r);
      r.id = "c-1";
      r.statement = "<b>bold</b> & \"quoted\" \x01 control";
      r.about = date (cases[i].about);
      r.lat = 37.5;
      r.lon = -0.0000001;
      add_claim (project, &r);

      bytes = bl_format_export_to_bytes (project, BL_FORMAT_KML, NULL, NULL, NULL, NULL);
      data = g_bytes_get_data (bytes, &len);
      text = g_strndup (data, len);
      g_test_message ("%s", cases[i].about);
      g_assert_nonnull (strstr (text, cases[i].expected));
      g_assert_nonnull (strstr (text, "<name>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;  control</name>"));
      g_assert_nonnull (strstr (text, "<Point><coordinates>0,37.5</coordinates></Point>"));
      g_assert_null (strchr (text, '\x01'));
    }
}

static void
test_atomic (void)
{
  g_autoptr(BlProject) project = make_project ();
  g_autofree char *dir = g_dir_make_tmp ("bl-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.geojson", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "out.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  /* a cancelled export leaves the old file whole */
  g_cancellable_cancel (cancellable);
  g_assert_false (bl_format_export_file (project, file, BL_FORMAT_GEOJSON, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_pointer (&contents, g_free);

  /* a folder that does not exist: an error, and no file */
  g_assert_false (bl_format_export_file (project, missing_file, BL_FORMAT_CSV, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* a good export replaces it */
  g_assert_true (bl_format_export_file (project, file, BL_FORMAT_GEOJSON, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{\"type\":\"FeatureCollection\""));

  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_guess (void)
{
  static const struct {
    const char *name;
    const char *data;
    BlFormat    format;
  } cases[] = {
    { "a.borderline", "", BL_FORMAT_PROJECT },
    { "a.json", "{\n  \"format\": \"borderline\",\n  \"version\": 1\n}", BL_FORMAT_PROJECT },
    { "a.txt", "{\"version\":1,\"format\" : \"borderline\"}", BL_FORMAT_PROJECT },
    { "a.json", "{\"type\":\"FeatureCollection\",\"features\":[]}", BL_FORMAT_GEOJSON },
    { NULL, "\xEF\xBB\xBF {\"type\": \"Feature\"}", BL_FORMAT_GEOJSON },
    { "a.geojson", "", BL_FORMAT_GEOJSON },
    { "a.CSV", "title,date\nx,y\n", BL_FORMAT_CSV },
    { "a.txt", "title,date\nx,y\n", BL_FORMAT_CSV },
    { "a.csv", "EVENT_ID_CNTY,EVENT_DATE\n", BL_FORMAT_ACLED_CSV },
    { "a.csv", "\xEF\xBB\xBF" "event_id_cnty,event_date\n", BL_FORMAT_ACLED_CSV },
    { "a.kml", "", BL_FORMAT_KML },
    { NULL, "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\">", BL_FORMAT_KML },
    { "a.png", "\x89PNG", BL_FORMAT_UNKNOWN },
    { NULL, "just words", BL_FORMAT_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (bl_format_guess (cases[i].name, cases[i].data, strlen (cases[i].data)), ==, cases[i].format);
    }

  for (BlFormat f = BL_FORMAT_PROJECT; f < BL_N_FORMATS; f++)
    {
      BlFormat back;

      g_assert_true (bl_format_from_string (bl_format_to_string (f), &back));
      g_assert_cmpint (back, ==, f);
    }
}

static void
test_commands (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = g_dir_make_tmp ("bl-convert-XXXXXX", NULL);
      g_autofree char *in = g_build_filename (dir, "in.csv", NULL);
      g_autofree char *out = g_build_filename (dir, "out.geojson", NULL);
      g_autofree char *bad = g_build_filename (dir, "out.xyz", NULL);
      int status;

      g_assert_true (g_file_set_contents (in, "statement,lat,lon\r\ngood,37,70\r\nbad,95,70\r\n", -1, NULL));
      status = bl_check_command_file (in);
      g_assert_cmpint (status, ==, 1);
      status = bl_convert_command (out, in);
      g_assert_cmpint (status, ==, 1);
      g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
      status = bl_convert_command (bad, in);
      g_assert_cmpint (status, ==, 2);
      status = bl_check_command_file (out);
      g_assert_cmpint (status, ==, 0);
      g_remove (in);
      g_remove (out);
      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*in.csv: ok: 1 claims would import (1 records rejected)*");
  g_test_trap_assert_stderr ("*in.csv:3: lat/lon: latitude 95 is outside -90..90*");
  g_test_trap_assert_stdout ("*out.geojson: wrote 1 claims from *in.csv*");
  g_test_trap_assert_stderr ("*cannot tell what to write to*");
  g_test_trap_assert_stdout ("*out.geojson: ok: 1 claims would import (0 records rejected)*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/round-trip/geojson", test_round_trip_geojson);
  g_test_add_func ("/export/round-trip/csv", test_round_trip_csv);
  g_test_add_func ("/export/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/export/csv/neutralised", test_csv_neutralised);
  g_test_add_func ("/export/kml", test_kml);
  g_test_add_func ("/export/atomic", test_atomic);
  g_test_add_func ("/export/guess", test_guess);
  g_test_add_func ("/export/commands", test_commands);

  return g_test_run ();
}
