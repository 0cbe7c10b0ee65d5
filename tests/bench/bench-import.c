/* bench-import.c — time and peak memory of importing big CSV and GeoJSON
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates, in /tmp, an ACLED-format CSV of N rows and a GeoJSON file of
 * N point features (N = 100,000 unless given), both made-up events, and
 * measures, each in a child process of its own so that peak memory
 * (VmHWM from /proc/self/status) is that measure's alone:
 *
 * - bl_import_file() of the ACLED CSV (with the basemap, for provinces);
 * - bl_import_file() of the GeoJSON;
 * - json-glib's bare json_parser_load_from_file() of the same GeoJSON,
 *   the DOM baseline the streaming import is compared with (target:
 *   import under 2× its time).
 *
 * Prints a table. Not a test: it checks only that each step succeeds.
 *
 *   bench-import [N]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bl-format.h"

#define CSV_PATH "/tmp/bl-bench-acled.csv"
#define GEOJSON_PATH "/tmp/bl-bench.geojson"

static const char * const provinces[] = { "Badakhshan", "Kunduz", "Takhar", "Balkh", "Baghlan", "Sar-e-Pol" };
static const char * const outlets[] = { "Test Wire", "Test Daily; Test Radio", "Test Agency", "Test Weekly; Test Wire" };

static void
generate_csv (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GString *s = g_string_sized_new ((gsize) n * 600);
  g_autoptr(GError) error = NULL;

  g_string_append (s, "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
                      "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
                      "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
                      "source,source_scale,notes,fatalities,tags,timestamp\r\n");
  for (guint i = 0; i < n; i++)
    {
      int day = g_rand_int_range (rand, 1, 29);
      int month = g_rand_int_range (rand, 1, 13);
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lat, sizeof lat, "%.4f", g_rand_double_range (rand, 35.0, 38.5));
      g_ascii_formatd (lon, sizeof lon, "%.4f", g_rand_double_range (rand, 64.0, 74.0));
      g_string_append_printf (s,
                              "TST%06u,%d %s 2022,2022,%d,Political violence,Battles,Armed clash,"
                              "Test Militia A,,3,Test Militia B,,3,33,,4,Caspian-Central Asia,Afghanistan,"
                              "%s,Test District,,Test Village %u,%s,%s,%d,%s,National,"
                              "\"BENCH FIXTURE, invented: a clash near Test Village %u; \"\"several\"\" killed.\",%d,,1672531200\r\n",
                              i, day, (const char *[]) { "January", "February", "March", "April", "May", "June",
                                                         "July", "August", "September", "October", "November",
                                                         "December" }[month - 1],
                              g_rand_int_range (rand, 1, 4),
                              provinces[g_rand_int_range (rand, 0, G_N_ELEMENTS (provinces))],
                              i % 500, lat, lon, g_rand_int_range (rand, 1, 4),
                              outlets[g_rand_int_range (rand, 0, G_N_ELEMENTS (outlets))],
                              i % 500, g_rand_int_range (rand, 0, 20));
    }
  if (!g_file_set_contents (CSV_PATH, s->str, s->len, &error))
    g_error ("%s", error->message);
  g_string_free (s, TRUE);
}

static void
generate_geojson (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  GString *s = g_string_sized_new ((gsize) n * 400);
  g_autoptr(GError) error = NULL;

  g_string_append (s, "{\"type\":\"FeatureCollection\",\"features\":[\n");
  for (guint i = 0; i < n; i++)
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (lat, sizeof lat, "%.6f", g_rand_double_range (rand, 35.0, 38.5));
      g_ascii_formatd (lon, sizeof lon, "%.6f", g_rand_double_range (rand, 64.0, 74.0));
      g_string_append_printf (s,
                              "%s{\"type\":\"Feature\",\"id\":\"f-%u\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[%s,%s]},"
                              "\"properties\":{\"title\":\"BENCH FIXTURE: invented claim %u about fighters near the border\","
                              "\"description\":\"Made up for the benchmark.\",\"date\":\"2023-%02d-%02d\","
                              "\"source\":\"Test Daily\",\"url\":\"https://news.example.org/%u\","
                              "\"claimant\":\"Test Spokesperson %u\",\"tags\":[\"bench\",\"test\"],\"other\":%u}}",
                              i ? ",\n" : "", i, lon, lat, i,
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                              i, i % 50, i);
    }
  g_string_append (s, "\n]}\n");
  if (!g_file_set_contents (GEOJSON_PATH, s->str, s->len, &error))
    g_error ("%s", error->message);
  g_string_free (s, TRUE);
}

static guint64
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line ? g_ascii_strtoull (line + 6, NULL, 10) : 0;
}

typedef enum {
  RUN_NOTHING,
  RUN_ACLED,
  RUN_GEOJSON,
  RUN_JSON_GLIB,
} Run;

/* In the child: runs one measure, writes "seconds kib count" to @fd. */
static void
child (Run run,
       int fd)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  guint count = 0;
  char line[128];

  switch (run)
    {
    case RUN_NOTHING:
      break;
    case RUN_ACLED:
    case RUN_GEOJSON:
      {
        g_autoptr(GFile) file = g_file_new_for_path (run == RUN_ACLED ? CSV_PATH : GEOJSON_PATH);
        g_autofree char *basemap_path = g_build_filename (BL_SOURCE_DIR, "data", "basemap", "basemap.bin", NULL);
        g_autoptr(BlBasemapData) basemap = bl_basemap_data_new_from_file (basemap_path, NULL);
        g_autoptr(BlImportReport) report = NULL;
        g_autoptr(BlProject) project = NULL;
        BlImportOptions options;

        bl_import_options_init (&options);
        options.basemap = basemap;
        project = bl_import_file (file, BL_FORMAT_UNKNOWN, &options, &report, NULL, &error);
        if (project == NULL)
          g_error ("%s", error->message);
        count = bl_claim_store_get_n_claims (bl_project_get_claims (project));
        if (bl_import_report_get_n_rejected (report) > 0)
          g_error ("%u records rejected: %s", bl_import_report_get_n_rejected (report),
                   bl_import_report_get_message (report, 0));
      }
      break;
    case RUN_JSON_GLIB:
      {
        g_autoptr(JsonParser) parser = json_parser_new ();

        if (!json_parser_load_from_file (parser, GEOJSON_PATH, &error))
          g_error ("%s", error->message);
        count = json_array_get_length (json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                                      "features"));
      }
      break;
    default:
      g_assert_not_reached ();
    }

  g_snprintf (line, sizeof line, "%.3f %" G_GUINT64_FORMAT " %u\n",
              (g_get_monotonic_time () - start) / 1e6, peak_kib (), count);
  if (write (fd, line, strlen (line)) < 0)
    _exit (1);
  _exit (0);
}

static void
measure (Run     run,
         double *seconds,
         guint64 *kib,
         guint   *count)
{
  int fds[2];
  pid_t pid;
  char buf[128] = { 0 };
  ssize_t got;
  int status;

  if (pipe (fds) != 0)
    g_error ("pipe failed");
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      child (run, fds[1]);
    }
  close (fds[1]);
  got = read (fds[0], buf, sizeof buf - 1);
  close (fds[0]);
  waitpid (pid, &status, 0);
  if (got <= 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("measure %d failed", run);
  if (sscanf (buf, "%lf %" G_GUINT64_FORMAT " %u", seconds, kib, count) != 3)
    g_error ("bad output from measure %d", run);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  double t_base, t_acled, t_geo, t_glib;
  guint64 m_base, m_acled, m_geo, m_glib;
  guint c;
  GStatBuf st_csv, st_geo;

  if (n == 0)
    n = 100000;
  g_print ("Generating %u rows and %u features in /tmp…\n", n, n);
  generate_csv (n);
  generate_geojson (n);
  g_stat (CSV_PATH, &st_csv);
  g_stat (GEOJSON_PATH, &st_geo);

  measure (RUN_NOTHING, &t_base, &m_base, &c);
  measure (RUN_ACLED, &t_acled, &m_acled, &c);
  g_assert_cmpuint (c, ==, n);
  measure (RUN_GEOJSON, &t_geo, &m_geo, &c);
  g_assert_cmpuint (c, ==, n);
  measure (RUN_JSON_GLIB, &t_glib, &m_glib, &c);
  g_assert_cmpuint (c, ==, n);

  g_print ("\n%-34s %10s %10s %12s\n", "measure", "size MB", "time s", "peak MB");
  g_print ("%-34s %10s %10.3f %12.1f\n", "(an empty child, for reference)", "", t_base, m_base / 1024.0);
  g_print ("%-34s %10.1f %10.3f %12.1f\n", "ACLED CSV import", st_csv.st_size / 1e6, t_acled, m_acled / 1024.0);
  g_print ("%-34s %10.1f %10.3f %12.1f\n", "GeoJSON import", st_geo.st_size / 1e6, t_geo, m_geo / 1024.0);
  g_print ("%-34s %10.1f %10.3f %12.1f\n", "json-glib parse of the same GeoJSON", st_geo.st_size / 1e6, t_glib, m_glib / 1024.0);
  g_print ("\nGeoJSON import / json-glib parse: time %.2f×, peak memory %.2f× (target: time under 2×)\n",
           t_geo / t_glib, (double) m_geo / (double) m_glib);

  g_remove (CSV_PATH);
  g_remove (GEOJSON_PATH);
  return 0;
}
