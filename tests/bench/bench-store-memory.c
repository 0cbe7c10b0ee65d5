/* bench-store-memory.c — what a claim costs in memory, at 100k and 1M
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each size, in a process of its own (this program run again with
 * --child), fills a project's claim store with N synthetic claims
 * (synthetic.h: the same append path the loader takes) and reports:
 *
 * - heap per claim: the bytes malloc holds for the project after the
 *   claims are in, less what it held before, over N (glibc's mallinfo2:
 *   in-use bytes of the arena and of the mmapped chunks; the allocator's
 *   own headers and rounding are in it, the free space is not);
 * - RSS per claim: VmRSS after, less before, over N;
 * - peak RSS: VmHWM of that process (the generator's temporary strings
 *   included).
 *
 * Issue 12's memory bar is 1M claims loaded and shown within 400 MB;
 * bench-claim-layer measures the shown part, bench-load-save the load's
 * peak with the file read. This one is the store alone, the number to
 * watch when changing how claims are kept.
 *
 * Prints its own table and BENCH|measure|size|median|p95|target|
 * baseline|ratio lines for build-aux/bench.
 *
 *   bench-store-memory [--sizes 100000,1000000]
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "synthetic.h"
#include "bench-helpers.h"

static double
heap_bytes (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (double) info.uordblks + (double) info.hblkhd;
}

/* Prints "heap_per_claim rss_per_claim peak_mb" on stdout. */
static int
run_child (guint n)
{
  g_autoptr(BlProject) project = NULL;
  double heap0, rss0, heap1, rss1;

  heap0 = heap_bytes ();
  rss0 = bl_bench_status_kb ("VmRSS:");
  project = synthetic_project_new (n, 1);
  malloc_trim (0);
  heap1 = heap_bytes ();
  rss1 = bl_bench_status_kb ("VmRSS:");

  g_print ("%.1f %.1f %.1f\n", (heap1 - heap0) / n, (rss1 - rss0) * 1024 / n,
           bl_bench_status_mb ("VmHWM:"));
  return EXIT_SUCCESS;
}

static void
print_row (const char *measure,
           guint       size,
           double      value,
           const char *target)
{
  g_print ("%-36s %8u %10.1f %10s\n", measure, size, value, target);
  g_print ("BENCH|%s|%u|%.1f||%s||\n", measure, size, value, target);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes = g_strdup ("100000,1000000");
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Claim counts, comma-separated", "N,N…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child ((guint) g_ascii_strtoull (argv[2], NULL, 10));

  context = g_option_context_new ("— bytes per claim in the claim store");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  g_print ("%-36s %8s %10s %10s\n", "measure", "claims", "value", "target");
  parts = g_strsplit (sizes, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *size = NULL;
      g_autofree char *out = NULL;
      const char *child_argv[4];
      double heap, rss, peak;
      guint64 n;
      int status;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 10000000, &n, &error))
        {
          g_printerr ("bench-store-memory: bad size “%s”\n", parts[i]);
          return EXIT_FAILURE;
        }
      size = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
      child_argv[0] = argv[0];
      child_argv[1] = "--child";
      child_argv[2] = size;
      child_argv[3] = NULL;
      if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                         &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error) ||
          sscanf (out, "%lf %lf %lf", &heap, &rss, &peak) != 3)
        {
          g_printerr ("bench-store-memory: %" G_GUINT64_FORMAT " failed: %s\n", n,
                      error != NULL ? error->message : "no result");
          return EXIT_FAILURE;
        }
      print_row ("claim store: heap per claim (B)", (guint) n, heap, "");
      print_row ("claim store: RSS per claim (B)", (guint) n, rss, "");
      print_row ("claim store: peak RSS (MB)", (guint) n, peak, "");
    }

  return EXIT_SUCCESS;
}
