/* bl-basemap-locate.h — finding the shipped basemap without a window
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bl-basemap-data.h"

G_BEGIN_DECLS

/* Where the basemap lives in the application's resources (present when
 * the GUI library, which bundles it, is linked in). */
#define BL_BASEMAP_RESOURCE_PATH "/io/github/borderline/Borderline/basemap/basemap.bin"

/* The environment variable that names a basemap file to use instead. */
#define BL_BASEMAP_FILE_ENV "BL_BASEMAP_FILE"

BlBasemapData *bl_basemap_data_load_default (GError **error);

G_END_DECLS
