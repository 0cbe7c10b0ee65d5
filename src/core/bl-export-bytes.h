/* bl-export-bytes.h — images encoded in memory, for the exporters
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_status_t  bl_export_write_to_byte_array (void                *closure,
                                               const unsigned char *data,
                                               unsigned int         length);
GBytes         *bl_export_svg_add_title       (GByteArray          *svg,
                                               const char          *title,
                                               const char          *description);

G_END_DECLS
