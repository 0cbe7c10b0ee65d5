/* synthetic.h — made-up claims for scale tests and benchmarks
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-project.h"

G_BEGIN_DECLS

/* The tag every synthetic claim carries. */
#define SYNTHETIC_TAG "synthetic"

/* The region the synthetic claims fall in, in degrees. */
#define SYNTHETIC_WEST  63.5
#define SYNTHETIC_EAST  75.0
#define SYNTHETIC_SOUTH 33.5
#define SYNTHETIC_NORTH 40.5

BlProject *synthetic_project_new (guint         n_claims,
                                  guint32       seed);
gboolean   synthetic_anchor      (BlClaimStore *store,
                                  guint         index,
                                  double       *lat,
                                  double       *lon,
                                  gpointer      user_data);

G_END_DECLS
