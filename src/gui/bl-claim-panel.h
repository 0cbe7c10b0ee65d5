/* bl-claim-panel.h — one claim, read in full
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-feed-manager.h"
#include "bl-project.h"
#include "bl-selection.h"

G_BEGIN_DECLS

#define BL_TYPE_CLAIM_PANEL (bl_claim_panel_get_type ())
G_DECLARE_FINAL_TYPE (BlClaimPanel, bl_claim_panel, BL, CLAIM_PANEL, GtkWidget)

GtkWidget *bl_claim_panel_new           (void);
void       bl_claim_panel_set_project   (BlClaimPanel *self,
                                         BlProject    *project);
void       bl_claim_panel_set_selection (BlClaimPanel *self,
                                         BlSelection  *selection);
void       bl_claim_panel_set_feeds     (BlClaimPanel  *self,
                                         BlFeedManager *feeds);

G_END_DECLS
