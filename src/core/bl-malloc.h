/* bl-malloc.h — how the process asks the C library to manage its heap
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void bl_malloc_configure (void);

G_END_DECLS
