/* bench-load-save.c — opening and saving projects of 100k and 1M claims
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each size, generates a synthetic project (synthetic.h) and saves it
 * to /tmp with bl_project_save(), then measures, each run in a process of
 * its own (this program run again with --child) so that the peak RSS
 * (VmHWM, which execve resets) belongs to that measure alone:
 *
 * - load: bl_project_load() of the file, time (wall and CPU) and peak
 *   RSS against the file's size (targets of issue 12: 100k under 1 s, 1M
 *   under 10 s, peak under 2.5 × the file);
 * - save: then, in the same process, the loaded project saved again with
 *   bl_project_save() (to a new file, atomically, with fsync), time and
 *   the peak RSS during the save alone (the high-water mark is reset
 *   after loading, through /proc/self/clear_refs); target: at least as
 *   fast as loading;
 * - json-glib: json_parser_load_from_file() of the same file, the bare
 *   DOM parse the loader is compared with (run once at sizes whose DOM
 *   would not fit in the memory available, or skipped);
 * - async load: bl_project_load_async() with a progress callback, while
 *   the main loop ticks every 5 ms: the longest gap between two ticks is
 *   how long a window would have stopped answering;
 * - cancel: the same, cancelled half way; the time from
 *   g_cancellable_cancel() to the callback;
 * - async save: then bl_project_save_async() of what the async load gave,
 *   with the same ticking main loop (target: no stall of a frame, 16 ms);
 * - an edit during an async save: a second async save, and on the first
 *   tick after it starts one claim is changed (bl_claim_store_replace()):
 *   how long that edit takes (the store copies its arrays away from the
 *   snapshot that the save reads), and the longest stall of that save.
 *
 * The save is also given as a ratio to the load of the same run (the
 * same process loads, then saves): issue 12 asks for at most 1.
 *
 * The file is in the page cache (just written): the times are for a warm
 * open, as of a project saved a moment ago.
 *
 * Prints its own table and, for build-aux/bench, one line per measure:
 *   BENCH|measure|size|median|p95|target|baseline|ratio
 * where the ratio is the baseline's time over ours (above 1: faster).
 *
 *   bench-load-save [--sizes 100000,1000000] [--runs 3] [--keep]
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "bl-project-io.h"
#include "synthetic.h"
#include "bench-helpers.h"

#define TICK_MS 5

typedef struct {
  double ms;       /* the measure's time */
  double peak_mb;  /* VmHWM at the end */
  double extra;    /* the longest main-loop stall, or the claims read */
  double cpu_ms;   /* CPU time (user and system) of the measure */
  double longest_cpu;  /* async save: the longest main-thread CPU between ticks */
} Result;

typedef struct {
  GMainLoop    *loop;
  GCancellable *cancellable;
  guint         tick_id;
  gint64        last_tick;
  gint64        longest_gap;
  gint64        cancelled_at;
  gint64        done_at;
  double        cancel_at;      /* the fraction at which to cancel, or > 1 */
  int           progress;       /* per mille, written by the worker */
  int           n_progress;     /* callbacks, written by the worker */
  gboolean      ok;
  GError       *error;
  BlProject    *project;        /* what the load gave */
  BlProject    *edit;           /* a project to change on the next tick */
  double        edit_ms;        /* how long that change took (thread CPU) */
  double        last_cpu;       /* the main thread's CPU time at the last tick */
  double        longest_cpu;    /* its longest CPU time between two ticks */
} AsyncRun;

/* The CPU time of the calling thread, in ms: on a busy machine the wall
 * time between two ticks also counts the time the thread waited for a
 * core; this counts only the work done on the main thread. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The memory a new process could take without swapping, in MB. */
static double
available_mb (void)
{
  g_autofree char *info = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/meminfo", &info, NULL, NULL))
    return 0;
  line = strstr (info, "MemAvailable:");
  return line ? g_ascii_strtoull (line + 13, NULL, 10) / 1024.0 : 0;
}

/* Lets VmHWM start again from the current RSS (Linux 4.0 and later). */
static gboolean
reset_peak (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (f == NULL)
    return FALSE;
  ok = fputs ("5", f) >= 0;
  return fclose (f) == 0 && ok;
}

/* The CPU time this process has used, user and system, in ms. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* Children {{{ */

static BlProject *
load_or_die (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BlProject *project = bl_project_load (file, NULL, &error);

  if (project == NULL)
    g_error ("%s: %s", path, error->message);
  return project;
}

static gboolean
on_tick (gpointer user_data)
{
  AsyncRun *run = user_data;
  gint64 now = g_get_monotonic_time ();

  double cpu = thread_cpu_ms ();

  run->longest_gap = MAX (run->longest_gap, now - run->last_tick);
  run->last_tick = now;
  run->longest_cpu = MAX (run->longest_cpu, cpu - run->last_cpu);
  run->last_cpu = cpu;

  if (run->edit != NULL)
    {
      BlClaimStore *store = bl_project_get_claims (run->edit);
      g_autoptr(BlClaimRecord) record = NULL;
      BlClaimRecord changed;
      double start = thread_cpu_ms ();

      bl_claim_store_get_record (store, bl_claim_store_get_n_claims (store) / 2, &changed);
      record = bl_claim_record_copy (&changed);
      changed = *record;
      changed.statement = "Changed while the project was being saved";
      bl_claim_store_replace (store, bl_claim_store_get_n_claims (store) / 2, &changed);
      run->edit_ms = thread_cpu_ms () - start;
      run->edit = NULL;
      /* the edit is measured on its own, not as a stall of the save */
      run->last_tick = g_get_monotonic_time ();
      run->last_cpu = thread_cpu_ms ();
    }

  if (run->cancelled_at == 0 && g_atomic_int_get (&run->progress) >= run->cancel_at * 1000)
    {
      run->cancelled_at = now;
      g_cancellable_cancel (run->cancellable);
    }

  return G_SOURCE_CONTINUE;
}

/* Called in the loading thread. */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  AsyncRun *run = user_data;

  g_atomic_int_set (&run->progress, (int) (fraction * 1000));
  g_atomic_int_inc (&run->n_progress);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->project = bl_project_load_finish (result, &run->error);
  run->done_at = g_get_monotonic_time ();
  run->ok = run->project != NULL;
  g_main_loop_quit (run->loop);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->ok = bl_project_save_finish (result, &run->error);
  if (!run->ok && run->error == NULL)
    {
      /* bl_project_save_finish() checks g_task_is_valid (result, NULL)
       * but the task's source object is the project: it refuses every
       * result. Read the task's own. */
      g_printerr ("# bl_project_save_finish() refused a valid result (see docs/benchmarks.md)\n");
      run->ok = g_task_propagate_boolean (G_TASK (result), &run->error);
    }
  run->done_at = g_get_monotonic_time ();
  g_main_loop_quit (run->loop);
}

static void
async_run_init (AsyncRun *run,
                double    cancel_at)
{
  memset (run, 0, sizeof *run);
  run->loop = g_main_loop_new (NULL, FALSE);
  run->cancellable = g_cancellable_new ();
  run->cancel_at = cancel_at;
  run->last_tick = g_get_monotonic_time ();
  run->last_cpu = thread_cpu_ms ();
  run->tick_id = g_timeout_add (TICK_MS, on_tick, run);
}

static void
async_run_clear (AsyncRun *run)
{
  g_source_remove (run->tick_id);
  g_main_loop_unref (run->loop);
  g_object_unref (run->cancellable);
  g_clear_error (&run->error);
  g_clear_object (&run->project);
}

/* Runs one measure and prints "ms peak_mb extra" on stdout. */
static int
run_child (const char *mode,
           const char *path,
           const char *out_path)
{
  g_autoptr(GError) error = NULL;
  Result r = { 0 }, also = { 0 }, edited = { 0 };
  gboolean have_also = FALSE, have_edited = FALSE;
  double start, cpu_start = cpu_ms ();

  if (g_str_equal (mode, "empty"))
    ;
  else if (g_str_equal (mode, "load"))
    {
      g_autoptr(BlProject) project = NULL;

      start = bl_bench_now_ms ();
      project = load_or_die (path);
      r.ms = bl_bench_now_ms () - start;
      r.extra = bl_claim_store_get_n_claims (bl_project_get_claims (project));
    }
  else if (g_str_equal (mode, "save"))
    {
      g_autoptr(BlProject) project = NULL;
      g_autoptr(GFile) out = g_file_new_for_path (out_path);

      /* the load it needs is a load measure too: printed second */
      start = bl_bench_now_ms ();
      project = load_or_die (path);
      also.ms = bl_bench_now_ms () - start;
      also.cpu_ms = cpu_ms () - cpu_start;
      also.peak_mb = bl_bench_status_mb ("VmHWM:");
      also.extra = bl_claim_store_get_n_claims (bl_project_get_claims (project));
      have_also = TRUE;

      g_unlink (out_path);
      if (!reset_peak ())
        g_printerr ("bench-load-save: cannot reset the peak RSS; the save's includes the load's\n");
      cpu_start = cpu_ms ();
      start = bl_bench_now_ms ();
      if (!bl_project_save (project, out, NULL, &error))
        g_error ("%s", error->message);
      r.ms = bl_bench_now_ms () - start;
      r.extra = bl_claim_store_get_n_claims (bl_project_get_claims (project));
    }
  else if (g_str_equal (mode, "json-glib"))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonNode *root;

      start = bl_bench_now_ms ();
      if (!json_parser_load_from_file (parser, path, &error))
        g_error ("%s", error->message);
      r.ms = bl_bench_now_ms () - start;
      root = json_parser_get_root (parser);
      r.extra = JSON_NODE_HOLDS_OBJECT (root) &&
                json_object_has_member (json_node_get_object (root), "claims")
                ? json_array_get_length (json_object_get_array_member (json_node_get_object (root), "claims"))
                : 0;
    }
  else if (g_str_equal (mode, "load-async") || g_str_equal (mode, "cancel"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      gboolean cancel = g_str_equal (mode, "cancel");
      AsyncRun run;

      async_run_init (&run, cancel ? 0.5 : 2.0);
      start = bl_bench_now_ms ();
      bl_project_load_async (file, run.cancellable, on_progress, &run, on_loaded, &run);
      g_main_loop_run (run.loop);

      if (cancel && run.ok)
        r.ms = -1;  /* it finished before the cancel */
      else if (cancel)
        {
          if (!g_error_matches (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_error ("%s", run.error->message);
          r.ms = (run.done_at - run.cancelled_at) / 1000.0;
        }
      else
        {
          if (!run.ok)
            g_error ("%s", run.error->message);
          r.ms = run.done_at / 1000.0 - start;
        }
      r.extra = run.longest_gap / 1000.0;
      g_printerr ("# %s: %d progress callbacks\n", mode, run.n_progress);

      if (!cancel)
        {
          /* then the asynchronous save of what was loaded: printed second;
           * then one with an edit on the way: printed third */
          g_autoptr(BlProject) project = g_steal_pointer (&run.project);
          g_autoptr(GFile) out = g_file_new_for_path (out_path);

          for (guint pass = 0; pass < 2; pass++)
            {
              Result *res = pass == 0 ? &also : &edited;

              async_run_clear (&run);
              g_unlink (out_path);
              async_run_init (&run, 2.0);
              /* two ticks first, so that the gap counts from a running loop */
              {
                gint64 until = g_get_monotonic_time () + 1000 * TICK_MS * 2;

                while (g_get_monotonic_time () < until)
                  g_main_context_iteration (NULL, TRUE);
              }
              run.longest_gap = 0;
              run.longest_cpu = 0;
              run.last_cpu = thread_cpu_ms ();
              start = bl_bench_now_ms ();
              bl_project_save_async (project, out, NULL, on_saved, &run);
              run.edit = pass == 1 ? project : NULL;
              g_main_loop_run (run.loop);
              if (!run.ok)
                g_error ("%s", run.error->message);
              res->ms = run.done_at / 1000.0 - start;
              /* the call itself may be the longest stall: it counts as one;
               * so does the callback */
              res->extra = run.longest_gap / 1000.0;
              res->longest_cpu = MAX (run.longest_cpu, thread_cpu_ms () - run.last_cpu);
              res->cpu_ms = run.edit_ms;
            }
          have_also = have_edited = TRUE;
        }
      async_run_clear (&run);
    }
  else
    {
      g_printerr ("bench-load-save: unknown mode “%s”\n", mode);
      return EXIT_FAILURE;
    }

  r.peak_mb = bl_bench_status_mb ("VmHWM:");
  r.cpu_ms = cpu_ms () - cpu_start;
  printf ("%.3f %.1f %.3f %.3f\n", r.ms, r.peak_mb, r.extra, r.cpu_ms);
  if (have_also)
    printf ("%.3f %.1f %.3f %.3f %.3f\n", also.ms, also.peak_mb, also.extra, also.cpu_ms, also.longest_cpu);
  if (have_edited)
    printf ("%.3f %.1f %.3f %.3f %.3f\n", edited.ms, edited.peak_mb, edited.extra, edited.cpu_ms, edited.longest_cpu);
  return EXIT_SUCCESS;
}

/* }}} */

/* Runs "self --child MODE PATH OUT" and reads its result, and the
 * second one into @also when it gives two (save: its load; load-async:
 * the async save after it), and a third into @third (load-async: the
 * async save with an edit; its cpu_ms is the edit's time). */
static gboolean
measure_full (const char *mode,
              const char *path,
              const char *out_path,
              Result     *r,
              Result     *also,
              Result     *third)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, "--child", mode, path, out_path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                     NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-load-save: %s failed: %s\n", mode, error->message);
      return FALSE;
    }
  if (sscanf (out, "%lf %lf %lf %lf", &r->ms, &r->peak_mb, &r->extra, &r->cpu_ms) != 4)
    {
      g_printerr ("bench-load-save: bad output from %s: %s\n", mode, out);
      return FALSE;
    }
  if (also != NULL)
    {
      const char *second = strchr (out, '\n');

      if (second == NULL ||
          sscanf (second + 1, "%lf %lf %lf %lf %lf", &also->ms, &also->peak_mb, &also->extra, &also->cpu_ms,
                  &also->longest_cpu) < 4)
        {
          g_printerr ("bench-load-save: no second result from %s\n", mode);
          return FALSE;
        }
      if (third != NULL)
        {
          const char *line = strchr (second + 1, '\n');

          if (line == NULL ||
              sscanf (line + 1, "%lf %lf %lf %lf %lf", &third->ms, &third->peak_mb, &third->extra, &third->cpu_ms,
                      &third->longest_cpu) != 5)
            {
              g_printerr ("bench-load-save: no third result from %s\n", mode);
              return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
measure (const char *mode,
         const char *path,
         const char *out_path,
         Result     *r,
         Result     *also)
{
  return measure_full (mode, path, out_path, r, also, NULL);
}

static void
print_row (const char *measure,
           guint       size,
           double      median,
           double      p95,
           const char *target,
           double      baseline,
           const char *ok)
{
  g_autofree char *base = baseline > 0 ? g_strdup_printf ("%.1f", baseline) : g_strdup ("");
  g_autofree char *ratio = baseline > 0 && median > 0 ? g_strdup_printf ("%.2f", baseline / median) : g_strdup ("");

  g_print ("%-34s %8u %10.1f %10.1f %16s %11s %7s %s\n",
           measure, size, median, p95, target, base, ratio, ok);
  g_print ("BENCH|%s|%u|%.1f|%.1f|%s|%s|%s\n", measure, size, median, p95, target, base, ratio);
}

/* The runs of one measure. */
typedef struct {
  double ms[100];
  double mb[100];
  double cpu[100];
  guint  n;
  /* filled in by series_stats () */
  double ms_median, ms_p95, mb_median, mb_max, cpu_median, cpu_p95;
} Series;

static void
series_add (Series       *s,
            const Result *r)
{
  g_assert (s->n < G_N_ELEMENTS (s->ms));
  s->ms[s->n] = r->ms;
  s->mb[s->n] = r->peak_mb;
  s->cpu[s->n++] = r->cpu_ms;
}

static void
series_stats (Series *s)
{
  if (s->n == 0)
    return;
  bl_bench_stats (s->ms, s->n, &s->ms_median, &s->ms_p95);
  bl_bench_stats (s->mb, s->n, &s->mb_median, &s->mb_max);
  bl_bench_stats (s->cpu, s->n, &s->cpu_median, &s->cpu_p95);
}

static void
bench_size (guint    n,
            guint    runs,
            guint    seed,
            gboolean keep)
{
  g_autofree char *path = g_strdup_printf ("/tmp/bl-bench-%u.borderline", n);
  g_autofree char *out_path = g_strdup_printf ("/tmp/bl-bench-%u-saved.borderline", n);
  g_autofree char *backup = g_strconcat (out_path, "~", NULL);
  g_autofree char *load_target = NULL;
  g_autofree char *mem_target = NULL;
  g_autofree char *save_target = NULL;
  Series load = { 0 }, save = { 0 }, glib = { 0 }, ratio = { 0 };
  double file_mb, load_limit = n / 100.0;
  Result r;
  GStatBuf st;

  {
    g_autoptr(BlProject) project = NULL;
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    double start = bl_bench_now_ms ();

    project = synthetic_project_new (n, seed);
    g_printerr ("# %u claims generated in %.0f ms\n", n, bl_bench_now_ms () - start);
    g_unlink (path);
    start = bl_bench_now_ms ();
    if (!bl_project_save (project, file, NULL, &error))
      g_error ("%s", error->message);
    g_printerr ("# saved to %s in %.0f ms\n", path, bl_bench_now_ms () - start);
  }
  if (g_stat (path, &st) != 0)
    g_error ("%s: %s", path, g_strerror (errno));
  file_mb = st.st_size / 1048576.0;
  g_printerr ("# file: %.1f MB\n", file_mb);

  for (guint i = 0; i < runs; i++)
    {
      Result loaded;

      /* one process loads (timed), then saves (timed, its own peak) */
      if (!measure ("save", path, out_path, &r, &loaded))
        g_error ("load or save failed");
      if (loaded.extra != n)
        g_error ("the load lost claims (%.0f of %u)", loaded.extra, n);
      series_add (&load, &loaded);
      series_add (&save, &r);
      /* save over load of the same process: held in the series' ms */
      series_add (&ratio, &(Result) { .ms = r.ms / loaded.ms, .cpu_ms = r.cpu_ms / loaded.cpu_ms });
    }

  /* json-glib's DOM takes about 14 × the file: give it the room or skip */
  for (guint i = 0; i < runs; i++)
    {
      if (available_mb () < file_mb * 18)
        {
          g_printerr ("# json-glib skipped: about %.0f MB needed, %.0f MB available\n",
                      file_mb * 18, available_mb ());
          break;
        }
      if (!measure ("json-glib", path, out_path, &r, NULL))
        break;
      series_add (&glib, &r);
      if (r.ms > 20000)
        {
          g_printerr ("# json-glib took %.1f s: one run only\n", r.ms / 1000);
          break;
        }
    }

  series_stats (&load);
  series_stats (&save);
  series_stats (&glib);
  series_stats (&ratio);

  /* 1 s per 100,000 claims: 100k under 1 s, 1M under 10 s */
  load_target = g_strdup_printf ("< %.0f", load_limit);
  print_row ("load (ms)", n, load.ms_median, load.ms_p95, load_target, glib.ms_median,
             load.ms_median < load_limit ? "ok" : "MISSED");
  print_row ("load, CPU time (ms)", n, load.cpu_median, load.cpu_p95, load_target, glib.cpu_median,
             load.cpu_median < load_limit ? "ok" : "MISSED");
  mem_target = g_strdup_printf ("< %.0f (2.5x%.0f)", 2.5 * file_mb, file_mb);
  print_row ("load peak RSS (MB)", n, load.mb_median, load.mb_max, mem_target, glib.mb_median,
             load.mb_max < 2.5 * file_mb ? "ok" : "MISSED");
  if (glib.n > 0)
    {
      print_row ("json-glib bare parse (ms)", n, glib.ms_median, glib.ms_p95, "", 0,
                 glib.n < runs ? "(fewer runs)" : "");
      print_row ("json-glib peak RSS (MB)", n, glib.mb_median, glib.mb_max, "", 0, "");
    }
  else
    g_print ("%-34s %8u %s\nBENCH|json-glib bare parse (ms)|%u||||skipped (memory)|\n",
             "json-glib bare parse (ms)", n, "skipped: not enough memory", n);

  save_target = g_strdup_printf ("<= load %.0f", load.ms_median);
  print_row ("save (ms)", n, save.ms_median, save.ms_p95, save_target, 0,
             save.ms_median <= load.ms_median ? "ok" : "MISSED");
  g_free (save_target);
  save_target = g_strdup_printf ("<= load %.0f", load.cpu_median);
  print_row ("save, CPU time (ms)", n, save.cpu_median, save.cpu_p95, save_target, 0,
             save.cpu_median <= load.cpu_median ? "ok" : "MISSED");
  print_row ("save peak RSS (MB)", n, save.mb_median, save.mb_max, mem_target, 0,
             save.mb_max < 2.5 * file_mb ? "ok" : "MISSED");
  g_print ("%-34s %8u %10.2f %10.2f %16s %11s %7s %s\n", "save / load, same run (ratio)", n,
           ratio.ms_median, ratio.ms_p95, "<= 1", "", "", ratio.ms_median <= 1 ? "ok" : "MISSED");
  g_print ("BENCH|save / load, same run (ratio)|%u|%.2f|%.2f|<= 1||\n", n, ratio.ms_median, ratio.ms_p95);

  /* off the main thread: one run each */
  {
    Result saved, edited;

    if (measure_full ("load-async", path, out_path, &r, &saved, &edited))
      {
        print_row ("async load (ms)", n, r.ms, r.ms, "", 0, "");
        print_row ("async load: longest stall (ms)", n, r.extra, r.extra, "< 50", 0,
                   r.extra < 50 ? "ok" : "MISSED");
        print_row ("async save (ms)", n, saved.ms, saved.ms, "", 0, "");
        print_row ("async save: longest stall (ms)", n, saved.extra, saved.extra, "< 16", 0,
                   saved.extra < 16 ? "ok" : "MISSED");
        print_row ("async save: main CPU burst (ms)", n, saved.longest_cpu, saved.longest_cpu,
                   "< 16", 0, saved.longest_cpu < 16 ? "ok" : "MISSED");
        print_row ("edit during async save, CPU (ms)", n, edited.cpu_ms, edited.cpu_ms, "", 0, "");
        print_row ("  that save: longest stall (ms)", n, edited.extra, edited.extra, "", 0, "");
      }
  }
  if (measure ("cancel", path, out_path, &r, NULL) && r.ms >= 0)
    print_row ("load cancel latency (ms)", n, r.ms, r.ms, "< 100", 0, r.ms < 100 ? "ok" : "MISSED");

  g_print ("%-34s %8u %10.1f\n", "(file size, MB)", n, file_mb);
  g_print ("BENCH|file size (MB)|%u|%.1f||||\n", n, file_mb);

  if (!keep)
    g_unlink (path);
  g_unlink (out_path);
  g_unlink (backup);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes = g_strdup ("100000,1000000");
  int runs = 3, seed = 1;
  gboolean keep = FALSE;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Claim counts, comma-separated", "N,N…" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per measure (3)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Random seed (1)", "S" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated files in /tmp", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;

  if (argc >= 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], argc > 4 ? argv[4] : "");

  context = g_option_context_new ("— time loading and saving projects");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  runs = CLAMP (runs, 1, 100);

  {
    Result r;

    if (measure ("empty", "", "", &r, NULL))
      g_printerr ("# an empty child process: peak RSS %.1f MB\n", r.peak_mb);
  }

  g_print ("%-34s %8s %10s %10s %16s %11s %7s\n",
           "measure", "claims", "median", "p95/max", "target", "json-glib", "ratio");
  parts = g_strsplit (sizes, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 1, 10000000, &n, &error))
        {
          g_printerr ("bench-load-save: bad size “%s”\n", parts[i]);
          return EXIT_FAILURE;
        }
      bench_size ((guint) n, (guint) runs, (guint) seed, keep);
    }

  g_print ("\n%d runs per measure (async and cancel: one), each in a process of its own; "
           "peak RSS is VmHWM; ratio is json-glib's over ours\n", runs);
  return EXIT_SUCCESS;
}
