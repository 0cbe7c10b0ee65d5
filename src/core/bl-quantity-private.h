/* bl-quantity-private.h — limits shared by bl-quantity.c and
 * bl-quantity-parse.c
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

/* Longest text the human parser looks at */
#define HUMAN_MAX_LEN 500
/* Longest unit: short enough that any valid quantity written out by
 * bl_quantity_to_string() (qualifier phrase, three figures, "of", unit)
 * stays within HUMAN_MAX_LEN and so reads back */
#define UNIT_MAX_LEN 200
/* Largest figure accepted: beyond this, doubles lose whole units */
#define MAX_FIGURE 1e15
/* Figures are counts of people, events, weapons: a non-zero figure
 * smaller than this is a typing slip, and would not print plainly. */
#define MIN_FIGURE 1e-6
