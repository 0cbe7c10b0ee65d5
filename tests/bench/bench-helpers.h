/* bench-helpers.h — timing, percentiles and memory for the benchmarks
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bl_bench_now_ms          (void);
double bl_bench_thread_cpu_ms   (void);
int    bl_bench_compare_doubles (gconstpointer  a,
                                 gconstpointer  b);
void   bl_bench_stats           (double        *v,
                                 guint          n,
                                 double        *median,
                                 double        *p95);
void   bl_bench_array_stats     (GArray        *ms,
                                 double        *median,
                                 double        *p95);
double bl_bench_process_status_kb (int         pid,
                                   const char *field);
double bl_bench_status_kb       (const char    *field);
double bl_bench_status_mb       (const char    *field);

G_END_DECLS
