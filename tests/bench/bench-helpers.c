/* bench-helpers.c — timing, percentiles and memory for the benchmarks
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every benchmark times with the same clock and reports the same median
 * and 95th percentile, so that their tables can be read side by side.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-helpers.h"

/**
 * bl_bench_now_ms:
 *
 * Returns: the monotonic clock, in milliseconds (to the nanosecond)
 */
double
bl_bench_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/**
 * bl_bench_thread_cpu_ms:
 *
 * Returns: the CPU time the calling thread has used, in milliseconds:
 *   the difference of two readings is what the work between them cost
 *   this thread, without the time the scheduler gave other processes
 */
double
bl_bench_thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/**
 * bl_bench_compare_doubles:
 *
 * Orders two doubles, smallest first: for qsort() and g_array_sort().
 */
int
bl_bench_compare_doubles (gconstpointer a,
                          gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/**
 * bl_bench_stats:
 * @v: (array length=n): the measures; sorted in place
 * @median: (out): their median (the mean of the middle two for an even
 *   count)
 * @p95: (out): their 95th percentile (the measure at 95 % of the sorted
 *   list)
 *
 * Both are 0 when there are no measures.
 */
void
bl_bench_stats (double *v,
                guint   n,
                double *median,
                double *p95)
{
  if (n == 0)
    {
      *median = *p95 = 0;
      return;
    }
  qsort (v, n, sizeof (double), bl_bench_compare_doubles);
  *median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  *p95 = v[MIN (n - 1, (guint) (n * 0.95))];
}

/**
 * bl_bench_array_stats:
 * @ms: a #GArray of double; sorted in place
 *
 * bl_bench_stats() for a #GArray.
 */
void
bl_bench_array_stats (GArray *ms,
                      double *median,
                      double *p95)
{
  bl_bench_stats ((double *) ms->data, ms->len, median, p95);
}

/**
 * bl_bench_process_status_kb:
 * @pid: a process, or 0 for this one
 * @field: a field of /proc/PID/status with its colon, e.g. "VmHWM:"
 *
 * Returns: its value in kB, or 0 where it cannot be read
 */
double
bl_bench_process_status_kb (int         pid,
                            const char *field)
{
  g_autofree char *path = pid > 0 ? g_strdup_printf ("/proc/%d/status", pid) : g_strdup ("/proc/self/status");
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  return line ? (double) g_ascii_strtoull (line + strlen (field), NULL, 10) : 0;
}

/**
 * bl_bench_status_kb:
 * @field: a field of /proc/self/status with its colon, e.g. "VmHWM:"
 *
 * Returns: its value in kB, or 0 where it cannot be read
 */
double
bl_bench_status_kb (const char *field)
{
  return bl_bench_process_status_kb (0, field);
}

/**
 * bl_bench_status_mb:
 *
 * bl_bench_status_kb() in MiB.
 */
double
bl_bench_status_mb (const char *field)
{
  return bl_bench_status_kb (field) / 1024.0;
}
