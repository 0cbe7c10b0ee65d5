/* bench-comparison.c — building the comparison panel's table at scale
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Over N synthetic claims (synthetic.h), every claim visible, measures
 * what the Compare tab does when it is first shown: finding the first
 * topic that has figures to compare (bl_comparison_topic_has_figures();
 * the baseline builds a comparison per topic until one has figures, as the
 * panel did until session 7), then the comparison of that topic with its
 * related topics (bl_comparison_get_related_topics()), as
 * BlComparisonPanel builds it.
 *
 *   bench-comparison [--sizes 10000,100000,1000000] [--runs 3]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bl-comparison.h"
#include "bl-filter.h"
#include "bl-visible-claims.h"
#include "synthetic.h"
#include "bench-helpers.h"

static void
print_row (const char *measure,
           guint       size,
           double      median,
           double      p95,
           double      baseline)
{
  if (baseline > 0)
    {
      g_print ("%-36s %8u %10.2f %10.2f %10.1f %7.0f\n", measure, size, median, p95, baseline,
               median > 0 ? baseline / median : 0);
      g_print ("BENCH|%s|%u|%.3f|%.3f||%.1f|%.0f\n", measure, size, median, p95, baseline,
               median > 0 ? baseline / median : 0);
    }
  else
    {
      g_print ("%-36s %8u %10.2f %10.2f\n", measure, size, median, p95);
      g_print ("BENCH|%s|%u|%.3f|%.3f|||\n", measure, size, median, p95);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes = g_strdup ("10000,100000,1000000");
  int runs = 3;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Claim counts (10000,100000,1000000)", "LIST" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per size (3)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the comparison's build");
  g_auto(GStrv) list = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("%-36s %8s %10s %10s %10s %7s\n", "measure", "claims", "median", "p95", "baseline", "ratio");
  list = g_strsplit (sizes, ",", -1);
  for (guint s = 0; list[s] != NULL; s++)
    {
      guint n = (guint) g_ascii_strtoull (list[s], NULL, 10);
      g_autoptr(BlProject) project = synthetic_project_new (n, 1);
      g_autoptr(BlFilter) filter = bl_filter_new ();
      g_autoptr(BlVisibleClaims) visible = bl_visible_claims_new (project, filter);
      g_autoptr(GArray) choose_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) naive_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) build_ms = g_array_new (FALSE, FALSE, sizeof (double));
      guint n_topics = g_list_model_get_n_items (bl_project_get_topics (project));
      double median, p95, naive;

      for (int r = 0; r < runs; r++)
        {
          g_autoptr(BlComparison) comparison = NULL;
          g_autofree guint32 *topics = NULL;
          guint32 first = 0;
          guint n_related = 0;
          guint32 naive_first = G_MAXUINT32;
          double t = bl_bench_now_ms ();

          for (guint32 topic = 0; topic < n_topics; topic++)
            if (bl_comparison_topic_has_figures (project, topic))
              {
                first = topic;
                break;
              }
          t = bl_bench_now_ms () - t;
          g_array_append_val (choose_ms, t);

          t = bl_bench_now_ms ();
          for (guint32 topic = 0; topic < n_topics; topic++)
            {
              g_autoptr(BlComparison) c = bl_comparison_new (project, &topic, 1, NULL);

              if (bl_comparison_get_stats (c, BL_COMPARISON_ALL_TOPICS)->n_figures > 0)
                {
                  naive_first = topic;
                  break;
                }
            }
          t = bl_bench_now_ms () - t;
          g_array_append_val (naive_ms, t);
          if (naive_first != first)
            g_error ("the first topic with figures: %u, and %u by building comparisons", first, naive_first);

          t = bl_bench_now_ms ();
          topics = bl_comparison_get_related_topics (project, first, &n_related);
          comparison = bl_comparison_new (project, topics, n_related, visible);
          t = bl_bench_now_ms () - t;
          g_array_append_val (build_ms, t);
          if (r == 0)
            g_printerr ("# %u claims: topic %u with %u related, %u rows\n", n, first, n_related,
                        bl_comparison_get_n_rows (comparison));
        }

      bl_bench_array_stats (naive_ms, &median, &p95);
      naive = median;
      bl_bench_array_stats (choose_ms, &median, &p95);
      print_row ("comparison: first topic (ms)", n, median, p95, naive);
      bl_bench_array_stats (build_ms, &median, &p95);
      print_row ("comparison: build (ms)", n, median, p95, 0);
    }

  return EXIT_SUCCESS;
}
