/* test-geojson.c — GeoJSON features as claims, and claims as valid GeoJSON
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The features below are TEST FIXTURES with invented content. The ogrinfo
 * test needs `ogrinfo` (Debian's gdal-bin): without it the test is skipped
 * with a message, unless CI=true, where it fails.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bl-error.h"
#include "bl-format-export.h"
#include "bl-geojson.h"
#include "bl-project-io.h"
#include "test-helpers.h"

static BlProject *
import_text (const char      *text,
             BlImportReport **report,
             GError         **error)
{
  return bl_geojson_import_data (text, strlen (text), "t.geojson", NULL, report, NULL, error);
}

/* One feature each, then a good one; the first is imported or rejected. */
static void
test_geojson_features (void)
{
  static const struct {
    const char *feature;
    const char *message;   /* NULL: imported without a problem */
  } cases[] = {
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[70.5,37.1]},\"properties\":{\"title\":\"t\"}}", NULL },
    { "{\"type\":\"Feature\",\"geometry\":{\"coordinates\":[70.5,37.1,1200],\"type\":\"Point\"},\"properties\":{\"statement\":\"3D\"}}", NULL },
    { "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"name\":\"no place\"}}", NULL },
    { "{\"properties\":{\"description\":\"only a description\"},\"type\":\"Feature\",\"geometry\":null}", NULL },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[69,37],[70,37],[70,38],[69,37]]]},\"properties\":{\"title\":\"area\"}}", NULL },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[69,37],[70,37],[70,38],[69,38]]]},\"properties\":{\"title\":\"open\"}}",
      "t.geojson: features[0].geometry: ring 0 is not closed" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[69,37],[70,37],[69,37]]]},\"properties\":{\"title\":\"short\"}}",
      "t.geojson: features[0].geometry: ring 0 has fewer than four positions" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[70.5,95]},\"properties\":{\"title\":\"t\"}}",
      "t.geojson: features[0].geometry: latitude 95 is outside -90..90 (latitude and longitude look swapped" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[170.5,-95]},\"properties\":{\"title\":\"t\"}}",
      "t.geojson: features[0].geometry: latitude -95 is outside -90..90" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[200,10]},\"properties\":{\"title\":\"t\"}}",
      "t.geojson: features[0].geometry: longitude 200 is outside -180..180" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[70]},\"properties\":{\"title\":\"t\"}}",
      "t.geojson: features[0].geometry: a position needs two numbers" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[[70,37]]},\"properties\":{\"title\":\"t\"}}",
      "t.geojson: features[0].geometry.coordinates: the nesting does not fit a Point" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[70,37],[71,38]]},\"properties\":{\"title\":\"t\"}}",
      "t.geojson: features[0].geometry: lines are not supported" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"GeometryCollection\",\"geometries\":[]},\"properties\":{\"title\":\"t\"}}",
      "t.geojson: features[0].geometry: a GeometryCollection is not supported" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Circle\",\"coordinates\":[70,37]},\"properties\":{\"title\":\"t\"}}",
      "t.geojson: features[0].geometry.type: “Circle” is not a GeoJSON geometry type" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[[[[[70,37]]]]]},\"properties\":{\"title\":\"t\"}}",
      "t.geojson: features[0].geometry: the coordinates are nested too deeply" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[70,37]},\"properties\":{\"other\":1}}",
      "t.geojson: features[0]: the record has no statement" },
    { "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[70,37]},\"properties\":{\"title\":\"a\\u0000b\"}}",
      "t.geojson: features[0].properties.title: the text contains a NUL character" },
    { "{\"type\":\"Place\",\"properties\":{\"title\":\"t\"}}", "t.geojson: features[0].type: “Place” is not “Feature”" },
    { "[1,2]", "t.geojson: features[0]: a feature is an object" },
    { "{\"type\":\"Feature\",\"geometry\":3,\"properties\":{\"title\":\"t\"}}", "t.geojson: features[0].geometry: expected an object or null" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"type\":\"FeatureCollection\",\"features\":[%s,"
                                               "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"title\":\"good\"}}]}",
                                               cases[i].feature);
      g_autoptr(BlProject) project = NULL;
      g_autoptr(BlImportReport) report = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      project = import_text (text, &report, &error);
      g_assert_no_error (error);
      if (cases[i].message == NULL)
        {
          g_assert_cmpuint (bl_import_report_get_n_imported (report), ==, 2);
          g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 0);
        }
      else
        {
          g_assert_cmpuint (bl_import_report_get_n_imported (report), ==, 1);
          g_assert_cmpuint (bl_import_report_get_n_rejected (report), ==, 1);
          if (!bl_test_report_has (report, cases[i].message))
            g_error ("no “%s” in “%s”", cases[i].message, bl_import_report_get_message (report, 0));
        }
    }
}

static void
test_geojson_common_names (void)
{
  static const char text[] =
    "{\"type\":\"FeatureCollection\",\"title\":\"Imported\",\"features\":["
    "{\"type\":\"Feature\",\"id\":17,\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":["
    "[[[69,37],[69.1,37],[69.1,37.1],[69,37]]],[[[70,37],[71,37],[71,38],[70,37]]]]},"
    "\"properties\":{\"Title\":\"A title\",\"description\":\"Notes here\",\"date\":\"2023-02-14T08:00:00Z\","
    "\"source\":\"Test Daily\",\"url\":\"javascript:alert(1)\",\"tags\":[\"a\",\"b\"],\"credibility\":2,"
    "\"ignored\":{\"deep\":[1,2,{\"x\":null}]}}}]}";
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  BlClaimRecord r;
  g_autofree char *said = NULL;

  names = bl_import_peek_names (text, sizeof text - 1, BL_FORMAT_GEOJSON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (names), ==, 8);
  g_assert_cmpstr (names[0], ==, "Title");

  project = import_text (text, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bl_project_get_title (project), ==, "Imported");
  g_assert_cmpuint (bl_import_report_get_n_warnings (report), ==, 2);
  g_assert_true (bl_test_report_has (report, "features[0].geometry: only the largest of 2 polygons is kept"));
  g_assert_true (bl_test_report_has (report, "features[0]: url: “javascript:alert(1)” is not a web address"));

  bl_claim_store_get_record (bl_project_get_claims (project), 0, &r);
  g_assert_cmpstr (r.id, ==, "17");
  g_assert_cmpstr (r.statement, ==, "A title");
  g_assert_cmpstr (r.notes, ==, "Notes here");
  said = bl_date_to_string (&r.said_on);
  g_assert_cmpstr (said, ==, "2023-02-14");
  g_assert_cmpuint (r.n_polygon, ==, 4);
  g_assert_cmpfloat (r.polygon[0], ==, 70);
  g_assert_cmpuint (r.credibility, ==, 2);
  g_assert_cmpstr (r.tags[1], ==, "b");
  g_assert_cmpstr (bl_source_get_name (bl_project_get_source (project, r.source)), ==, "Test Daily");
  g_assert_null (bl_source_get_url (bl_project_get_source (project, r.source)));
}

static void
test_geojson_unreadable (void)
{
  static const struct {
    const char *text;
    int         code;
  } cases[] = {
    { "", BL_ERROR_SYNTAX },
    { "[]", BL_ERROR_INVALID },
    { "{\"type\":\"Point\",\"coordinates\":[1,2]}", BL_ERROR_INVALID },
    { "{\"type\":\"FeatureCollection\"}", BL_ERROR_INVALID },
    { "{\"type\":\"FeatureCollection\",\"features\":{}}", BL_ERROR_INVALID },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",}]}", BL_ERROR_SYNTAX },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"title\":\"\xff\"}}]}", BL_ERROR_ENCODING },
    { "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null,\"properties\":{}}]}", BL_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BlProject) project = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      project = import_text (cases[i].text, NULL, &error);
      g_assert_null (project);
      g_assert_error (error, BL_ERROR, cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, "t.geojson"));
    }
}

static void
test_geojson_single_feature (void)
{
  static const char text[] = "{\"properties\":{\"statement\":\"one\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[70,37]},\"type\":\"Feature\"}";
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = import_text (text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (project)), ==, 1);
}

static BlBasemapData *
load_basemap (void)
{
  g_autofree char *path = g_build_filename (BL_SOURCE_DIR, "data", "basemap", "basemap.bin", NULL);

  return bl_basemap_data_new_from_file (path, NULL);
}

static BlProject *
load_sample (void)
{
  g_autofree char *path = g_build_filename (BL_SOURCE_DIR, "data", "samples", "csto-isis-k-2023.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BlProject *project = bl_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

/* A project with a clockwise polygon, a far-precise point and areas. */
static BlProject *
make_geometry_project (void)
{
  BlProject *project = load_sample ();
  static const double cw[] = { 69.1, 37.1, 69.1, 37.4, 69.6, 37.4, 69.6, 37.1, 69.1, 37.1 };
  BlClaimRecord r;

  bl_claim_record_init (&r);
  r.id = "poly";
  r.statement = "TEST FIXTURE: a clockwise ring";
  r.polygon = cw;
  r.n_polygon = 5;
  bl_claim_store_append (bl_project_get_claims (project), &r);

  bl_claim_record_init (&r);
  r.id = "point";
  r.statement = "TEST FIXTURE: a precise point";
  r.lat = 37.123456789;
  r.lon = -70.987654321;
  bl_claim_store_append (bl_project_get_claims (project), &r);
  return project;
}

static double
ring_signed_area (JsonArray *ring)
{
  double area = 0;

  for (guint i = 0; i + 1 < json_array_get_length (ring); i++)
    {
      JsonArray *p = json_array_get_array_element (ring, i);
      JsonArray *q = json_array_get_array_element (ring, i + 1);

      area += json_array_get_double_element (p, 0) * json_array_get_double_element (q, 1) -
              json_array_get_double_element (q, 0) * json_array_get_double_element (p, 1);
    }
  return area / 2;
}

static void
check_ring (JsonArray *ring)
{
  guint n = json_array_get_length (ring);
  JsonArray *first = json_array_get_array_element (ring, 0);
  JsonArray *last = json_array_get_array_element (ring, n - 1);

  g_assert_cmpuint (n, >=, 4);
  g_assert_cmpfloat (json_array_get_double_element (first, 0), ==, json_array_get_double_element (last, 0));
  g_assert_cmpfloat (json_array_get_double_element (first, 1), ==, json_array_get_double_element (last, 1));
  g_assert_cmpfloat (ring_signed_area (ring), >, 0);
}

static void
test_geojson_export (void)
{
  g_autoptr(BlBasemapData) basemap = load_basemap ();
  g_autoptr(BlProject) project = make_geometry_project ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BlFormatExportOptions options;
  JsonArray *features;
  gsize len;
  const char *data;
  guint n_multi = 0;

  if (basemap == NULL)
    {
      g_test_skip ("no basemap data");
      return;
    }

  bl_format_export_options_init (&options);
  options.basemap = basemap;
  bytes = bl_geojson_export_to_bytes (project, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  g_assert_true (json_parser_load_from_data (parser, data, (gssize) len, &error));
  g_assert_no_error (error);

  g_assert_nonnull (strstr (data, "\"coordinates\":[-70.987654,37.123457]"));
  g_assert_nonnull (strstr (data, "\"lat\":37.123456789,\"lon\":-70.987654321"));

  features = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *feature = json_array_get_object_element (features, i);
      JsonNode *geometry = json_object_get_member (feature, "geometry");
      const char *type;

      g_assert_cmpstr (json_object_get_string_member (feature, "type"), ==, "Feature");
      if (JSON_NODE_HOLDS_NULL (geometry))
        continue;
      type = json_object_get_string_member (json_node_get_object (geometry), "type");
      if (strcmp (type, "Polygon") == 0)
        check_ring (json_array_get_array_element (json_object_get_array_member (json_node_get_object (geometry), "coordinates"), 0));
      else if (strcmp (type, "MultiPolygon") == 0)
        {
          JsonArray *polygons = json_object_get_array_member (json_node_get_object (geometry), "coordinates");

          n_multi++;
          g_assert_cmpstr (json_object_get_string_member (feature, "geometry_from"), ==, "areas");
          for (guint k = 0; k < json_array_get_length (polygons); k++)
            check_ring (json_array_get_array_element (json_array_get_array_element (polygons, k), 0));
        }
      else
        g_assert_cmpstr (type, ==, "Point");
    }
  g_assert_cmpuint (n_multi, >, 0);

  /* and back: the areas stay areas, the point keeps its precision */
  {
    g_autoptr(BlProject) back = bl_geojson_import_data (data, len, "back", NULL, NULL, NULL, &error);
    BlClaimStore *store;
    BlClaimRecord r;

    g_assert_no_error (error);
    store = bl_project_get_claims (back);
    bl_claim_store_get_record (store, bl_claim_store_lookup (store, "point"), &r);
    g_assert_cmpfloat (r.lat, ==, 37.123456789);
    g_assert_cmpfloat (r.lon, ==, -70.987654321);
    bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c-sidorov-4000"), &r);
    g_assert_null (r.polygon);
  }
}

static void
test_geojson_ogrinfo (void)
{
  g_autoptr(BlBasemapData) basemap = load_basemap ();
  g_autoptr(BlProject) project = make_geometry_project ();
  g_autofree char *ogrinfo = g_find_program_in_path ("ogrinfo");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  BlFormatExportOptions options;
  int status;

  if (ogrinfo == NULL)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_error ("ogrinfo is not installed (apt-get install gdal-bin); CI=true needs it");
      g_test_skip ("ogrinfo is not installed (Debian: apt-get install gdal-bin); skipping the GDAL check");
      return;
    }

  dir = g_dir_make_tmp ("bl-geojson-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "claims.geojson", NULL);
  file = g_file_new_for_path (path);
  bl_format_export_options_init (&options);
  options.basemap = basemap;
  g_assert_true (bl_format_export_file_full (project, file, BL_FORMAT_GEOJSON, NULL, &options, NULL, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { ogrinfo, "-ro", "-al", "-q", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  g_test_message ("ogrinfo stderr: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "OGRFeature(claims):"));
  g_assert_nonnull (strstr (out, "POLYGON ((69.1 37.1,69.6 37.1,69.6 37.4,69.1 37.4,69.1 37.1))"));

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geojson/import/features", test_geojson_features);
  g_test_add_func ("/geojson/import/common-names", test_geojson_common_names);
  g_test_add_func ("/geojson/import/unreadable", test_geojson_unreadable);
  g_test_add_func ("/geojson/import/single-feature", test_geojson_single_feature);
  g_test_add_func ("/geojson/export/valid", test_geojson_export);
  g_test_add_func ("/geojson/export/ogrinfo", test_geojson_ogrinfo);

  return g_test_run ();
}
