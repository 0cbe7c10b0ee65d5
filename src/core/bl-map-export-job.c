/* bl-map-export-job.c — a map export frozen for a worker thread
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export renderer reads the project, the visible claims and their
 * filter from start to end of a page. A window draws its exports on
 * worker threads (a preview takes a tenth of a second, an A4 page at
 * 300 dpi about a second), while its main thread goes on changing the
 * project: an edit, an undo, a feed that refreshes on its interval. A
 * worker that read the live project could see claims half removed, and
 * arrays freed under it.
 *
 * So a BlMapExportJob is made on the thread that changes the project, at
 * the moment the export is asked for, and holds everything the worker
 * reads, frozen:
 *
 * - the project as a bl_project_snapshot() (constant time for the claims;
 *   actors, sources, topics, annotations and views, which are few, are
 *   copied);
 * - a copy of the visible claims' filter (bl_filter_copy()); the visible
 *   claims themselves are that filter applied to the snapshot — the same
 *   set the window showed — computed by the thread that runs the job, on
 *   first use, so that the main thread pays nothing for a million claims;
 * - the options, with copies of their strings.
 *
 * The job never looks at the live project again. Run it on one thread at
 * a time, and free it on any thread once it has finished.
 */
#include "config.h"

#include "bl-map-export-job.h"

struct _BlMapExportJob
{
  /* owned, frozen when the job was made */
  BlProject          *project;     /* a snapshot */
  BlFilter           *filter;      /* a copy */
  BlBasemapRenderer  *basemap;     /* nullable; thread-safe */
  BlMapExportOptions  options;     /* strings point into the job */
  char               *title;
  char               *subtitle;
  char               *language;
  char               *selected_claim;

  /* made by the thread that runs the job */
  BlVisibleClaims    *visible;
};

/* The filter applied to the snapshot, made on first use. */
static BlVisibleClaims *
get_visible (BlMapExportJob *job)
{
  if (job->visible == NULL)
    job->visible = bl_visible_claims_new (job->project, job->filter);
  return job->visible;
}

/**
 * bl_map_export_job_new:
 * @project: the project, live
 * @visible: the claims the filter lets through; only its filter is read
 * @basemap: (nullable): the basemap renderer
 * @options: the export's options; the strings are copied
 *
 * Freezes an export of @project as it is now (see the top of this file).
 * Call it on the thread that changes @project; @project, @visible and
 * their filter may change at once after it returns, and the job still
 * draws them as they were.
 *
 * Returns: (transfer full): the job; free it with bl_map_export_job_free()
 */
BlMapExportJob *
bl_map_export_job_new (BlProject                *project,
                       BlVisibleClaims          *visible,
                       BlBasemapRenderer        *basemap,
                       const BlMapExportOptions *options)
{
  BlMapExportJob *job;

  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (visible), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  job = g_new0 (BlMapExportJob, 1);
  job->project = bl_project_snapshot (project);
  job->filter = bl_filter_copy (bl_visible_claims_get_filter (visible));
  job->basemap = basemap ? bl_basemap_renderer_ref (basemap) : NULL;

  job->options = *options;
  job->title = g_strdup (options->title);
  job->subtitle = g_strdup (options->subtitle);
  job->language = g_strdup (options->language);
  job->selected_claim = g_strdup (options->selected_claim);
  job->options.title = job->title;
  job->options.subtitle = job->subtitle;
  job->options.language = job->language;
  job->options.selected_claim = job->selected_claim;
  if (options->now != NULL)
    job->options.now = g_date_time_ref (options->now);

  return job;
}

/**
 * bl_map_export_job_free:
 * @job: (nullable): a job that no thread runs any longer
 */
void
bl_map_export_job_free (BlMapExportJob *job)
{
  if (job == NULL)
    return;

  g_clear_object (&job->visible);
  g_clear_object (&job->filter);
  g_clear_object (&job->project);
  g_clear_pointer (&job->basemap, bl_basemap_renderer_unref);
  g_clear_pointer (&job->options.now, g_date_time_unref);
  g_free (job->title);
  g_free (job->subtitle);
  g_free (job->language);
  g_free (job->selected_claim);
  g_free (job);
}

/**
 * bl_map_export_job_get_project:
 *
 * Returns: (transfer none): the snapshot the job draws: the project as it
 *   was when the job was made
 */
BlProject *
bl_map_export_job_get_project (BlMapExportJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);
  return job->project;
}

/**
 * bl_map_export_job_get_options:
 *
 * Returns: (transfer none): the job's options, its own copy
 */
const BlMapExportOptions *
bl_map_export_job_get_options (BlMapExportJob *job)
{
  g_return_val_if_fail (job != NULL, NULL);
  return &job->options;
}

/**
 * bl_map_export_job_render:
 * @job: a job
 * @cr: where to draw, as for bl_map_export_render()
 * @error: where to put the reason of a failure
 *
 * Draws the page as bl_map_export_render() does, from the job's frozen
 * copies only; on any thread.
 *
 * Returns: %FALSE with @error set when the options are invalid or
 *   drawing failed
 */
gboolean
bl_map_export_job_render (BlMapExportJob  *job,
                          cairo_t         *cr,
                          GError         **error)
{
  g_return_val_if_fail (job != NULL, FALSE);

  return bl_map_export_render (job->project, get_visible (job), job->basemap, &job->options, cr, error);
}

/**
 * bl_map_export_job_to_bytes:
 * @job: a job
 * @error: where to put the reason of a failure
 *
 * Renders the export in memory, as bl_map_export_to_bytes() does, from
 * the job's frozen copies only; on any thread.
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
bl_map_export_job_to_bytes (BlMapExportJob  *job,
                            GError         **error)
{
  g_return_val_if_fail (job != NULL, NULL);

  return bl_map_export_to_bytes (job->project, get_visible (job), job->basemap, &job->options, error);
}

/**
 * bl_map_export_job_to_file:
 * @job: a job
 * @path: the file to write
 * @error: where to put the reason of a failure
 *
 * Renders the export and saves it atomically, as bl_map_export_to_file()
 * does, from the job's frozen copies only; on any thread.
 *
 * Returns: %FALSE with @error set on failure
 */
gboolean
bl_map_export_job_to_file (BlMapExportJob  *job,
                           const char      *path,
                           GError         **error)
{
  g_return_val_if_fail (job != NULL, FALSE);

  return bl_map_export_to_file (job->project, get_visible (job), job->basemap, &job->options, path, error);
}
