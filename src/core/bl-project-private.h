/* bl-project-private.h — what only core's undo history uses
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bl-project.h"

G_BEGIN_DECLS

void bl_project_remove_last_actor  (BlProject *self);
void bl_project_remove_last_source (BlProject *self);
void bl_project_remove_last_topic  (BlProject *self);

G_END_DECLS
