/* test-map-export-job.c — a map export drawn while the project changes
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export dialog draws its preview and its file on worker threads
 * while the main thread goes on changing the project (an edit, an undo, a
 * feed refreshing on its interval). A BlMapExportJob made when the export
 * starts must draw the project as it was then, whatever happens to it
 * after: the page is compared, byte for byte, with the page of a second
 * copy of the sample project that nobody touched.
 *
 * The second test changes the project on the main thread all the time
 * the worker draws; run under AddressSanitizer, it also shows that the
 * worker reads nothing the main thread frees.
 */
#include "config.h"

#include <math.h>

#include "bl-basemap-locate.h"
#include "bl-map-export-job.h"
#include "bl-project-io.h"

typedef struct {
  BlProject       *project;
  BlFilter        *filter;
  BlVisibleClaims *visible;
} Copy;

typedef struct {
  Copy               live;       /* what the main thread changes */
  Copy               untouched;  /* the same project, never changed */
  BlBasemapRenderer *basemap;
  GDateTime         *now;
  BlMapExportOptions options;
} Fixture;

static BlBasemapData *basemap_data;

static void
copy_load (Copy *copy)
{
  const char *dir = g_getenv ("BL_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL || *dir == '\0')
    dir = BL_SOURCE_DIR;
  path = g_build_filename (dir, "data", "samples", "csto-isis-k-2023.borderline", NULL);
  file = g_file_new_for_path (path);
  copy->project = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  copy->filter = bl_filter_new ();
  copy->visible = bl_visible_claims_new (copy->project, copy->filter);
}

static void
copy_clear (Copy *copy)
{
  g_clear_object (&copy->visible);
  g_clear_object (&copy->filter);
  g_clear_object (&copy->project);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  copy_load (&f->live);
  copy_load (&f->untouched);
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (f->live.project)), >=, 10);

  f->basemap = bl_basemap_renderer_new (basemap_data);
  f->now = g_date_time_new_utc (2026, 3, 1, 12, 0, 0);

  /* a page with everything that reads the claims: the markers, the
   * framing (the options give no box), the legend, the citations, the
   * timeline strip, the title */
  bl_map_export_options_init (&f->options);
  f->options.width = 900;
  f->options.height = 600;
  f->options.show_citations = TRUE;
  f->options.show_timeline = TRUE;
  f->options.now = f->now;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  copy_clear (&f->live);
  copy_clear (&f->untouched);
  bl_basemap_renderer_unref (f->basemap);
  g_date_time_unref (f->now);
}

/* What a feed refresh or an undo does to a project while a worker draws:
 * claims moved, reworded and removed, the title changed, and the window's
 * filter narrowed. @round varies the change from one call to the next. */
static void
change_project (Copy *copy,
                guint round)
{
  BlClaimStore *store = bl_project_get_claims (copy->project);
  guint n = bl_claim_store_get_n_claims (store);
  g_autofree char *title = g_strdup_printf ("Changed %u times", round + 1);

  if (n > 0)
    {
      BlClaimRecord record;
      g_autoptr(BlClaimRecord) edited = NULL;
      guint i = round % n;

      bl_claim_store_get_record (store, i, &record);
      edited = bl_claim_record_copy (&record);
      edited->lat = 37.0 + (round % 7) * 0.3;
      edited->lon = 69.0 + (round % 5) * 0.4;
      edited->statement = "Reworded by a feed";
      bl_claim_store_replace (store, i, edited);
    }

  /* every other claim goes; on later rounds, one claim */
  if (round == 0)
    {
      for (guint i = n; i-- > 0;)
        if (i % 2 == 1)
          bl_claim_store_remove (store, i);
    }
  else if (n > 1)
    bl_claim_store_remove (store, n - 1);

  bl_project_set_title (copy->project, title);
  bl_filter_set_stances (copy->filter, 1u << BL_STANCE_ASSERTS);
}

static GBytes *
render (Copy                     *copy,
        BlBasemapRenderer        *basemap,
        const BlMapExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  GBytes *png = bl_map_export_to_bytes (copy->project, copy->visible, basemap, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (png);
  return png;
}

typedef struct {
  BlMapExportJob *job;
  GBytes         *png;
  gint            done;
} Worker;

static gpointer
run_job (gpointer data)
{
  Worker *w = data;
  g_autoptr(GError) error = NULL;

  w->png = bl_map_export_job_to_bytes (w->job, &error);
  g_assert_no_error (error);
  g_atomic_int_set (&w->done, TRUE);
  return NULL;
}

/* The project is changed after the job is made and before it runs: the
 * page is the untouched project's, and not the changed one's. */
static void
test_frozen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GBytes) expected = render (&f->untouched, f->basemap, &f->options);
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GThread) thread = NULL;
  Worker w = { 0 };

  w.job = bl_map_export_job_new (f->live.project, f->live.visible, f->basemap, &f->options);
  change_project (&f->live, 0);

  thread = g_thread_new ("export", run_job, &w);
  g_thread_join (g_steal_pointer (&thread));
  png = g_steal_pointer (&w.png);
  g_assert_nonnull (png);
  g_assert_true (g_bytes_equal (png, expected));

  /* the change does show on a page drawn now: the comparison above sees
   * a job that reads the live project */
  changed = render (&f->live, f->basemap, &f->options);
  g_assert_false (g_bytes_equal (changed, expected));

  /* the job's project is its own: the snapshot has every claim */
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (bl_map_export_job_get_project (w.job))), ==,
                    bl_claim_store_get_n_claims (bl_project_get_claims (f->untouched.project)));
  g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (f->live.project)), <,
                    bl_claim_store_get_n_claims (bl_project_get_claims (f->untouched.project)));

  bl_map_export_job_free (w.job);
}

/* The main thread changes the project over and over while the worker
 * draws; the page is still the project as it was. */
static void
test_changed_while_drawing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) expected = render (&f->untouched, f->basemap, &f->options);
  g_autoptr(GThread) thread = NULL;
  Worker w = { 0 };
  guint round = 0;

  w.job = bl_map_export_job_new (f->live.project, f->live.visible, f->basemap, &f->options);
  thread = g_thread_new ("export", run_job, &w);

  /* the claims the first round removes come back, so that there is
   * always something to change */
  while (!g_atomic_int_get (&w.done))
    {
      BlClaimStore *store = bl_project_get_claims (f->live.project);
      BlClaimStore *source = bl_project_get_claims (f->untouched.project);

      change_project (&f->live, round++);
      if (bl_claim_store_get_n_claims (store) < 3)
        for (guint i = 0; i < bl_claim_store_get_n_claims (source); i++)
          {
            BlClaimRecord record;
            g_autoptr(BlClaimRecord) copy = NULL;
            g_autofree char *id = NULL;

            bl_claim_store_get_record (source, i, &record);
            copy = bl_claim_record_copy (&record);
            id = g_strdup_printf ("%s-again-%u", record.id, round);
            copy->id = id;
            bl_claim_store_append (store, copy);
          }
    }

  g_thread_join (g_steal_pointer (&thread));
  g_assert_nonnull (w.png);
  g_assert_true (g_bytes_equal (w.png, expected));

  g_bytes_unref (w.png);
  bl_map_export_job_free (w.job);
}

/* The selected claim is drawn selected (its areas outlined, its
 * relations drawn) from the snapshot, though the claims before it in
 * the live project are gone and its number there has changed. */
static void
test_selected_claim (Fixture       *f,
                     gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->live.project);
  guint n = bl_claim_store_get_n_claims (store);
  g_autofree char *id = g_strdup (bl_claim_store_get_id (store, n - 1));
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) unselected = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BlMapExportJob) job = NULL;
  BlClaimStore *frozen;

  f->options.selected_claim = id;
  expected = render (&f->untouched, f->basemap, &f->options);

  job = bl_map_export_job_new (f->live.project, f->live.visible, f->basemap, &f->options);
  for (guint i = 0; i < n / 2; i++)
    bl_claim_store_remove (store, 0);
  g_assert_cmpuint (bl_claim_store_lookup (store, id), ==, n - 1 - n / 2);

  frozen = bl_project_get_claims (bl_map_export_job_get_project (job));
  g_assert_cmpuint (bl_claim_store_lookup (frozen, id), ==, n - 1);
  g_assert_cmpuint (bl_claim_store_lookup (frozen, "no such claim"), ==, BL_NO_INDEX);

  png = bl_map_export_job_to_bytes (job, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (png, expected));

  /* the selection shows on the page */
  f->options.selected_claim = NULL;
  unselected = render (&f->untouched, f->basemap, &f->options);
  g_assert_false (g_bytes_equal (unselected, expected));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  basemap_data = bl_basemap_data_load_default (&error);
  if (basemap_data == NULL)
    g_error ("no basemap: %s", error->message);

#define ADD(path, func) \
  g_test_add ("/map-export-job/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("frozen", test_frozen);
  ADD ("changed-while-drawing", test_changed_while_drawing);
  ADD ("selected-claim", test_selected_claim);

  status = g_test_run ();
  bl_basemap_data_unref (basemap_data);
  return status;
}
