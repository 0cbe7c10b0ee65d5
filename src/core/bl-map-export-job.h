/* bl-map-export-job.h — a map export frozen for a worker thread
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-map-export.h"

G_BEGIN_DECLS

typedef struct _BlMapExportJob BlMapExportJob;

BlMapExportJob           *bl_map_export_job_new         (BlProject                 *project,
                                                         BlVisibleClaims           *visible,
                                                         BlBasemapRenderer         *basemap,
                                                         const BlMapExportOptions  *options);
void                      bl_map_export_job_free        (BlMapExportJob            *job);

BlProject                *bl_map_export_job_get_project (BlMapExportJob            *job);
const BlMapExportOptions *bl_map_export_job_get_options (BlMapExportJob            *job);

gboolean                  bl_map_export_job_render      (BlMapExportJob            *job,
                                                         cairo_t                   *cr,
                                                         GError                   **error);
GBytes                   *bl_map_export_job_to_bytes    (BlMapExportJob            *job,
                                                         GError                   **error);
gboolean                  bl_map_export_job_to_file     (BlMapExportJob            *job,
                                                         const char                *path,
                                                         GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlMapExportJob, bl_map_export_job_free)

G_END_DECLS
