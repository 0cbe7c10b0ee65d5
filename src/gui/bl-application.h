/* bl-application.h — the Borderline application
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BL_TYPE_APPLICATION (bl_application_get_type ())
G_DECLARE_FINAL_TYPE (BlApplication, bl_application, BL, APPLICATION, AdwApplication)

BlApplication *bl_application_new              (void);
void           bl_application_set_startup_files (BlApplication *self,
                                                 GFile        **files,
                                                 guint          n_files);
gboolean       bl_application_get_options_parsed (BlApplication *self);

G_END_DECLS
