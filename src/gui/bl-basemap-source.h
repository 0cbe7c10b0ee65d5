/* bl-basemap-source.h — the offline basemap as a libshumate map source
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <shumate/shumate.h>

#include "bl-basemap-renderer.h"

G_BEGIN_DECLS

/**
 * BL_BASEMAP_SOURCE_RESOURCE:
 *
 * Where bl_basemap_source_new_default() looks for the basemap data.
 */
#define BL_BASEMAP_SOURCE_RESOURCE "/io/github/borderline/Borderline/basemap/basemap.bin"

/**
 * BL_BASEMAP_SOURCE_ID:
 *
 * The id of the offline map source.
 */
#define BL_BASEMAP_SOURCE_ID "borderline-offline"

#define BL_TYPE_BASEMAP_SOURCE (bl_basemap_source_get_type ())

G_DECLARE_FINAL_TYPE (BlBasemapSource, bl_basemap_source, BL, BASEMAP_SOURCE, ShumateMapSource)

BlBasemapSource   *bl_basemap_source_new              (BlBasemapRenderer *renderer);
BlBasemapSource   *bl_basemap_source_new_from_bytes   (GBytes            *bytes,
                                                       GError           **error);
BlBasemapSource   *bl_basemap_source_new_default      (GError           **error);

BlBasemapRenderer *bl_basemap_source_get_renderer     (BlBasemapSource   *self);
int                bl_basemap_source_get_scale_factor (BlBasemapSource   *self);
void               bl_basemap_source_set_scale_factor (BlBasemapSource   *self,
                                                       int                scale_factor);
void               bl_basemap_source_clear_cache      (BlBasemapSource   *self);
guint              bl_basemap_source_get_n_cached     (BlBasemapSource   *self);

void               bl_basemap_source_wait_for_renders (void);

G_END_DECLS
