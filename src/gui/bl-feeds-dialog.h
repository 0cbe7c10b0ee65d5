/* bl-feeds-dialog.h — the feeds a project subscribes to
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bl-feed-manager.h"

G_BEGIN_DECLS

#define BL_TYPE_FEEDS_DIALOG (bl_feeds_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BlFeedsDialog, bl_feeds_dialog, BL, FEEDS_DIALOG, AdwPreferencesWindow)

BlFeedsDialog *bl_feeds_dialog_new (GtkWindow     *parent,
                                    BlFeedManager *feeds);

G_END_DECLS
