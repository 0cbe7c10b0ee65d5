/* bl-error.c — Borderline's error domain
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bl-error.h"

G_DEFINE_QUARK (bl-error-quark, bl_error)
