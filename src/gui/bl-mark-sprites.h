/* bl-mark-sprites.h — markers drawn once, placed many times
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-claim-painter.h"

G_BEGIN_DECLS

typedef struct _BlMarkSprites BlMarkSprites;

BlMarkSprites *bl_mark_sprites_new      (void);
void           bl_mark_sprites_free     (BlMarkSprites     *sprites);
void           bl_mark_sprites_append   (BlMarkSprites     *sprites,
                                         GtkSnapshot       *snapshot,
                                         const BlClaimMark *mark,
                                         double             scale,
                                         int                scale_factor);
void           bl_mark_sprites_append_count (GtkSnapshot   *snapshot,
                                         PangoLayout       *layout,
                                         const BlClaimMark *mark,
                                         double             scale,
                                         int                scale_factor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlMarkSprites, bl_mark_sprites_free)

G_END_DECLS
