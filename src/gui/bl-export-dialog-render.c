/* bl-export-dialog-render.c — the export dialog's drawing: preview and file
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview and the file are drawn on worker threads from
 * BlMapExportJobs made on the main thread when each drawing starts (see
 * the top of bl-export-dialog.c).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bl-export-dialog-private.h"
#include "bl-map-export-job.h"
#include "bl-text.h"

/* How long the preview waits after the last change, in milliseconds. */
#define PREVIEW_DELAY 120

/* Helpers */

static void
set_busy (BlExportDialog *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_sensitive (self->settings_page, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", !busy);
}

static void
show_error (BlExportDialog *self,
            const char     *heading,
            const char     *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  /* file names and system messages: plain text */
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_summary (BlExportDialog           *self,
                const BlMapExportOptions *options)
{
  g_autofree char *text = NULL;

  switch (options->format)
    {
    case BL_MAP_EXPORT_SVG:
      /* Translators: the size of an SVG export, in CSS pixels */
      text = g_strdup_printf (_("SVG drawing, %.0f × %.0f pixels"),
                              options->width / options->scale, options->height / options->scale);
      break;
    case BL_MAP_EXPORT_PDF:
      /* Translators: the page size of a PDF export */
      text = g_strdup_printf (_("PDF document, %.0f × %.0f mm"),
                              options->width / (96.0 * options->scale) * 25.4,
                              options->height / (96.0 * options->scale) * 25.4);
      break;
    case BL_MAP_EXPORT_PNG:
    case BL_N_MAP_EXPORT_FORMATS:
    default:
      /* Translators: the size of a PNG export */
      text = g_strdup_printf (_("PNG image, %d × %d pixels"), options->width, options->height);
      break;
    }
  gtk_label_set_text (self->summary_label, text);
}

typedef struct {
  /* what the worker reads: frozen when the job was made */
  BlMapExportJob     *export;
  char               *path;        /* a file to write, or NULL for a preview */

  /* what a preview worker gives back: cairo's ARGB32 pixels */
  int                 width;
  int                 height;
  GBytes             *pixels;
  int                 stride;
  double              milliseconds;
} RenderJob;

static void
render_job_free (gpointer data)
{
  RenderJob *job = data;

  g_clear_pointer (&job->export, bl_map_export_job_free);
  g_clear_pointer (&job->pixels, g_bytes_unref);
  g_free (job->path);
  g_free (job);
}

/* A job that draws the project as it is now with @options (see the top
 * of this file); on the main thread. */
static RenderJob *
render_job_new (BlExportDialog           *self,
                const BlMapExportOptions *options)
{
  RenderJob *job = g_new0 (RenderJob, 1);

  job->export = bl_map_export_job_new (self->project, self->visible, self->basemap, options);
  job->width = options->width;
  job->height = options->height;
  return job;
}

/* The preview */

/* Runs on a worker thread: touches only the job. */
static void
preview_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError *error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width, job->height);
  cr = cairo_create (surface);
  ok = bl_map_export_job_render (job->export, cr, &error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (ok)
    {
      job->stride = cairo_image_surface_get_stride (surface);
      job->pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                 (gsize) job->stride * job->height);
      job->milliseconds = (g_get_monotonic_time () - start) / 1000.0;
    }
  cairo_surface_destroy (surface);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  bl_text_worker_end ();
}

static void
on_preview_done (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BlExportDialog *self = BL_EXPORT_DIALOG (object);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  int factor;

  /* a dialog closed meanwhile has no widgets left */
  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->preview_running = FALSE;
  if (error != NULL)
    gtk_label_set_text (self->summary_label, error->message);
  else
    {
      factor = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);
      texture = gdk_memory_texture_new (job->width, job->height, GDK_MEMORY_DEFAULT,
                                        job->pixels, job->stride);
      gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
      gtk_widget_set_size_request (GTK_WIDGET (self->preview), job->width / factor, job->height / factor);
      g_debug ("Export preview of %d × %d drawn in %.1f ms", job->width, job->height, job->milliseconds);
    }

  if (self->preview_stale)
    bl_export_dialog_start_preview (self);
}

/* Draws the page small, on a worker; one at a time, the last wins. */
void
bl_export_dialog_start_preview (BlExportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  BlMapExportOptions options;
  RenderJob *job;
  double k;
  int width, height, factor;

  if (self->preview_running)
    {
      self->preview_stale = TRUE;
      return;
    }
  self->preview_stale = FALSE;

  bl_export_dialog_get_options (self, &options);
  update_summary (self, &options);

  /* the page fitted into the preview box, in device pixels */
  factor = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);
  k = MIN ((double) BL_EXPORT_DIALOG_PREVIEW_WIDTH / options.width,
           (double) BL_EXPORT_DIALOG_PREVIEW_HEIGHT / options.height);
  width = MAX ((int) round (options.width * k), BL_MAP_EXPORT_MIN_SIZE);
  height = MAX ((int) round (options.height * k), BL_MAP_EXPORT_MIN_SIZE);
  options.width = width * factor;
  options.height = height * factor;
  options.scale = CLAMP (options.scale * k * factor, BL_MAP_EXPORT_MIN_SCALE, BL_MAP_EXPORT_MAX_SCALE);

  job = render_job_new (self, &options);
  self->preview_running = TRUE;
  task = g_task_new (self, self->preview_cancellable, on_preview_done, NULL);
  g_task_set_source_tag (task, bl_export_dialog_start_preview);
  g_task_set_task_data (task, job, render_job_free);
  bl_text_worker_begin ();
  g_task_run_in_thread (task, preview_in_thread);
}

static gboolean
on_preview_timeout (gpointer user_data)
{
  BlExportDialog *self = user_data;

  self->preview_source = 0;
  bl_export_dialog_start_preview (self);
  return G_SOURCE_REMOVE;
}

void
bl_export_dialog_schedule_preview (BlExportDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY, on_preview_timeout, self);
}

/* Exporting */

/* Runs on a worker thread: touches only the job. */
static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError *error = NULL;

  if (bl_map_export_job_to_file (job->export, job->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  bl_text_worker_end ();
}

static void
on_export_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BlExportDialog *self = BL_EXPORT_DIALOG (object);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = NULL;
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      name = g_filename_display_basename (job->path);
      /* Translators: a file name and why it could not be written */
      body = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);
      show_error (self, _("Could Not Export the Map"), body);
      return;
    }

  set_busy (self, FALSE);
  g_signal_emit_by_name (self, "exported", job->path);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Public API */

/**
 * bl_export_dialog_export_to:
 * @file: where to write the map (a local file); the format's extension
 *   is added when it is missing
 *
 * Writes the map as the dialog is set, on a worker thread; the dialog is
 * insensitive meanwhile. Then emits #BlExportDialog::exported and closes,
 * or shows why the file could not be written. The file chooser of the
 * Export button ends here.
 */
void
bl_export_dialog_export_to (BlExportDialog *self,
                            GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  BlMapExportOptions options;
  RenderJob *job;
  const char *extension;

  g_return_if_fail (BL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->busy)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Could Not Export the Map"), _("Choose a folder on this computer."));
      return;
    }

  bl_export_dialog_get_options (self, &options);
  job = render_job_new (self, &options);
  extension = bl_map_export_format_get_extension (options.format);
  {
    g_autofree char *lower = g_ascii_strdown (path, -1);
    g_autofree char *suffix = g_strconcat (".", extension, NULL);

    job->path = g_str_has_suffix (lower, suffix) ? g_strdup (path) : g_strconcat (path, suffix, NULL);
  }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, bl_export_dialog_export_to);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, job, render_job_free);
  bl_text_worker_begin ();
  g_task_run_in_thread (task, export_in_thread);
}
