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
