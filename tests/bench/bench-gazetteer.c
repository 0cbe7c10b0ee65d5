/* bench-gazetteer.c — speed of the place-name search
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads the bundled basemap (BL_BASEMAP_FILE, or BL_SOURCE_DIR
 * "/data/basemap/basemap.bin"), times building the gazetteer, then times
 * 200 queries of four kinds, 50 each, taken from the data in a fixed way:
 *
 * - full: a whole name, as spelled in the data;
 * - prefix: the first 1 to 5 letters of a name (what a search entry sees
 *   while the user types);
 * - variant: another spelling (the region's transliteration pairs, names
 *   upper-cased or without accents, Cyrillic and Persian names);
 * - miss: strings that match nothing, the slowest case (every name goes
 *   through every tier).
 *
 * Each query runs --rounds times (default 20); the table gives, per kind
 * and for all, the median and 95th percentile of a single search, against
 * the target of issue 9 (5 ms over all names), and a baseline: the naive
 * search that normalises and case-folds every name at query time and
 * looks for the query in it. Not a test: it always succeeds.
 *
 *   bench-gazetteer [--rounds N] [--max-results N]
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bl-gazetteer.h"
#include "bench-helpers.h"

#define TARGET_MS 5.0
#define N_PER_KIND 50

static const char *kinds[] = { "full", "prefix", "variant", "miss" };

static const char *variants[] = {
  "Qunduz", "Kondoz", "Faizabad", "Feyzabad", "Badakhshon", "Mazar-i-Sharif",
  "Mazari Sharif", "Taluqan", "Talukan", "Khorog", "Dushanbeh", "Termez",
  "Termiz", "Panjsher", "Hirat", "Pul-i-Khumri", "Sar-i-Pul", "Kulyab",
  "Qala-e-Nau", "Sheberghan", "Ishkashim", "Wakhsh", "Bukhoro", "Jalalabad",
  "Kandahar", "Bamiyan", "Ghazni", "Maimana", "Kulob", "Qurghonteppa",
  "Кундуз", "Бадахшан", "Таджикистан", "افغانستان", "ایران", "KUNDUZ",
  "kunduz", "Qundūz", "AF-KDZ", "TJ-GB", "Vakhan", "Darwaz", "Rustaq",
  "Keshm", "Jurm", "Baharak", "Imam Sahib", "Khwaja Ghar", "Hayratan",
  "Shughnan",
};

typedef struct {
  char *query;
  guint kind;
} Query;

static BlBasemapData *
load_data (void)
{
  const char *env = g_getenv ("BL_BASEMAP_FILE");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  BlBasemapData *data;

  if (env != NULL && *env != '\0')
    path = g_strdup (env);
  else
    path = g_build_filename (BL_SOURCE_DIR, "data", "basemap", "basemap.bin", NULL);
  data = bl_basemap_data_new_from_file (path, &error);
  if (data == NULL)
    g_error ("Cannot load %s: %s", path, error->message);
  return data;
}

/* The 200 queries: every n-th name of the data, in a fixed order. */
static GArray *
make_queries (BlBasemapData *data)
{
  GArray *queries = g_array_new (FALSE, FALSE, sizeof (Query));
  guint n_places;
  const BlBasemapFeature *places = bl_basemap_data_get_layer (data, BL_BASEMAP_LAYER_PLACE, &n_places);
  guint step = MAX (1, n_places / N_PER_KIND);
  GRand *rand = g_rand_new_with_seed (9);

  for (guint i = 0; i < N_PER_KIND; i++)
    {
      Query q = { g_strdup (places[(i * step) % n_places].name), 0 };

      g_array_append_val (queries, q);
    }
  for (guint i = 0; i < N_PER_KIND; i++)
    {
      const char *name = places[(i * step + step / 2) % n_places].name;
      glong len = MIN (g_utf8_strlen (name, -1), 1 + (glong) (i % 5));
      Query q = { g_utf8_substring (name, 0, len), 1 };

      g_array_append_val (queries, q);
    }
  for (guint i = 0; i < N_PER_KIND; i++)
    {
      Query q = { g_strdup (variants[i % G_N_ELEMENTS (variants)]), 2 };

      g_array_append_val (queries, q);
    }
  for (guint i = 0; i < N_PER_KIND; i++)
    {
      GString *s = g_string_new (NULL);
      guint len = 4 + g_rand_int_range (rand, 0, 12);
      Query q;

      /* consonant clusters no name has */
      for (guint k = 0; k < len; k++)
        g_string_append_c (s, "zxqjvw"[g_rand_int_range (rand, 0, 6)]);
      q.query = g_string_free (s, FALSE);
      q.kind = 3;
      g_array_append_val (queries, q);
    }
  g_rand_free (rand);
  return queries;
}

/* The naive search: fold every name at query time. */
static guint
naive_search (BlBasemapData *data,
              const char    *query)
{
  static const BlBasemapLayer layers[] = {
    BL_BASEMAP_LAYER_COUNTRY, BL_BASEMAP_LAYER_PROVINCE, BL_BASEMAP_LAYER_PLACE,
  };
  g_autofree char *nq = g_utf8_normalize (query, -1, G_NORMALIZE_ALL);
  g_autofree char *fq = g_utf8_casefold (nq, -1);
  guint found = 0;

  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      guint n;
      const BlBasemapFeature *f = bl_basemap_data_get_layer (data, layers[l], &n);

      for (guint i = 0; i < n; i++)
        {
          const char *names[] = { f[i].name, f[i].name_alt, f[i].name_ru, f[i].name_fa };

          for (guint k = 0; k < G_N_ELEMENTS (names); k++)
            {
              g_autofree char *nn = g_utf8_normalize (names[k], -1, G_NORMALIZE_ALL);
              g_autofree char *fn = g_utf8_casefold (nn, -1);

              if (strstr (fn, fq) != NULL)
                {
                  found++;
                  break;
                }
            }
        }
    }
  return found;
}

int
main (int   argc,
      char *argv[])
{
  guint64 rounds = 20, max_results = 20;
  g_autoptr(BlBasemapData) data = NULL;
  g_autoptr(BlGazetteer) gazetteer = NULL;
  g_autoptr(GArray) queries = NULL;
  g_autoptr(GArray) build_times = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *times[G_N_ELEMENTS (kinds) + 1];
  g_autoptr(GArray) naive_times = g_array_new (FALSE, FALSE, sizeof (double));
  double med, p95, naive_med, naive_p95;
  guint total_hits = 0;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--rounds") && i + 1 < argc)
        rounds = g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--max-results") && i + 1 < argc)
        max_results = g_ascii_strtoull (argv[++i], NULL, 10);
      else
        {
          g_printerr ("Usage: bench-gazetteer [--rounds N] [--max-results N]\n");
          return EXIT_FAILURE;
        }
    }
  rounds = CLAMP (rounds, 1, 10000);
  max_results = MIN (max_results, 10000);

  data = load_data ();

  /* Building the index. */
  for (guint i = 0; i < 11; i++)
    {
      double start = bl_bench_now_ms ();
      BlGazetteer *g = bl_gazetteer_new (data);
      double t = bl_bench_now_ms () - start;

      g_array_append_val (build_times, t);
      if (gazetteer == NULL)
        gazetteer = g;
      else
        bl_gazetteer_unref (g);
    }
  bl_bench_array_stats (build_times, &med, &p95);
  g_print ("index: %u names and codes, built in %.2f ms (median of 11; p95 %.2f ms)\n",
           bl_gazetteer_get_n_names (gazetteer), med, p95);

  queries = make_queries (data);
  for (guint k = 0; k <= G_N_ELEMENTS (kinds); k++)
    times[k] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < queries->len; i++)
      {
        const Query *q = &g_array_index (queries, Query, i);
        double start = bl_bench_now_ms ();
        g_autoptr(GPtrArray) hits = bl_gazetteer_search (gazetteer, q->query, max_results);
        double t = bl_bench_now_ms () - start;

        g_array_append_val (times[q->kind], t);
        g_array_append_val (times[G_N_ELEMENTS (kinds)], t);
        if (r == 0)
          total_hits += hits->len;
      }

  for (guint i = 0; i < queries->len; i++)
    {
      double start = bl_bench_now_ms ();

      naive_search (data, g_array_index (queries, Query, i).query);
      {
        double t = bl_bench_now_ms () - start;

        g_array_append_val (naive_times, t);
      }
    }
  bl_bench_array_stats (naive_times, &naive_med, &naive_p95);

  g_print ("\n%-10s %8s %10s %10s %8s %8s\n", "queries", "searches", "median ms", "p95 ms", "target", "");
  for (guint k = 0; k <= G_N_ELEMENTS (kinds); k++)
    {
      guint n = times[k]->len;

      bl_bench_array_stats (times[k], &med, &p95);
      g_print ("%-10s %8u %10.4f %10.4f %8s %8s\n",
               k < G_N_ELEMENTS (kinds) ? kinds[k] : "all", n, med, p95,
               "< 5", p95 < TARGET_MS ? "ok" : "SLOW");
      g_array_unref (times[k]);
    }
  g_print ("%-10s %8u %10.4f %10.4f %8s %8s\n", "naive", naive_times->len,
           naive_med, naive_p95, "", "(baseline: fold every name per query)");

  g_print ("\n%u queries x %u rounds, at most %u hits each (%u hits in one round)\n",
           queries->len, (guint) rounds, (guint) max_results, total_hits);

  for (guint i = 0; i < queries->len; i++)
    g_free (g_array_index (queries, Query, i).query);
  return EXIT_SUCCESS;
}
