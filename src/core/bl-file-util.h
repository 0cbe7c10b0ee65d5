/* bl-file-util.h — reading whole files for the readers
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GBytes *bl_file_load_bytes (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error);

GBytes *bl_file_load_bytes_full    (GFile         *file,
                                    GCancellable  *cancellable,
                                    gboolean      *is_mapping,
                                    GError       **error);
void    bl_file_mapping_drop_pages (gconstpointer  data,
                                    gsize          from,
                                    gsize          to);

G_END_DECLS
