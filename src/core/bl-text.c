/* bl-text.c — text layouts that are safe to make in worker threads
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Maps and charts are drawn in worker threads (tiles, export previews).
 * A Pango layout without a language makes HarfBuzz ask setlocale() for
 * the default language each time it shapes, and the string setlocale()
 * returns can be freed by another thread that sets the locale meanwhile
 * (AddressSanitizer caught it while GTK's main thread handled input).
 * Every layout core draws with comes from here and carries the user's
 * language explicitly, looked up once.
 *
 * HarfBuzz keeps every language it has seen in a list that an atexit()
 * handler frees when the process exits (on glibc it is built with
 * HB_USE_ATEXIT), on the thread that calls exit(): the main thread. A
 * worker still shaping then reads freed memory
 * (hb_ot_tags_from_script_and_language() under AddressSanitizer). So every
 * job that may shape text on a worker thread is counted from the moment it
 * is queued (bl_text_worker_begin()) to the end of its thread function
 * (bl_text_worker_end()), and main() and the display tests wait for none
 * to be left (bl_text_wait_for_workers()) before they return.
 */
#include "config.h"

#include "bl-text.h"

static gpointer
lookup_language (gpointer data)
{
  return pango_language_get_default ();
}

/**
 * bl_text_get_language:
 *
 * Returns: (transfer none): the user's language, looked up once
 */
PangoLanguage *
bl_text_get_language (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, lookup_language, NULL);
  return once.retval;
}

/**
 * bl_text_layout_new:
 * @cr: where the text will be drawn
 *
 * Like pango_cairo_create_layout(), with an explicit language.
 *
 * Returns: (transfer full): a new layout
 */
PangoLayout *
bl_text_layout_new (cairo_t *cr)
{
  PangoLayout *layout;

  g_return_val_if_fail (cr != NULL, NULL);

  layout = pango_cairo_create_layout (cr);
  pango_context_set_language (pango_layout_get_context (layout), bl_text_get_language ());
  pango_layout_context_changed (layout);
  return layout;
}

/* Jobs queued or running that may shape text on a worker thread */
static GMutex workers_lock;
static GCond workers_done;
static guint n_workers;

/**
 * bl_text_worker_begin:
 *
 * Counts a job that will shape text on a worker thread. Call it before
 * the job is queued, on the thread that queues it.
 */
void
bl_text_worker_begin (void)
{
  g_mutex_lock (&workers_lock);
  n_workers++;
  g_mutex_unlock (&workers_lock);
}

/**
 * bl_text_worker_end:
 *
 * Ends a job counted by bl_text_worker_begin(): call it last in the
 * job's thread function, whether it drew or returned early.
 */
void
bl_text_worker_end (void)
{
  g_mutex_lock (&workers_lock);
  g_assert (n_workers > 0);
  if (--n_workers == 0)
    g_cond_broadcast (&workers_done);
  g_mutex_unlock (&workers_lock);
}

/**
 * bl_text_wait_for_workers:
 *
 * Blocks until no counted job is queued or running. Call it once the main
 * loop has stopped and before the process exits.
 */
void
bl_text_wait_for_workers (void)
{
  g_mutex_lock (&workers_lock);
  while (n_workers > 0)
    g_cond_wait (&workers_done, &workers_lock);
  g_mutex_unlock (&workers_lock);
}
