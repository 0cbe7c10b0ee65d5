/* bl-views-menu.h — saved views: save, restore, rename, delete
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bl-history.h"
#include "bl-map-view.h"
#include "bl-timeline.h"

G_BEGIN_DECLS

#define BL_TYPE_VIEWS_MENU (bl_views_menu_get_type ())
G_DECLARE_FINAL_TYPE (BlViewsMenu, bl_views_menu, BL, VIEWS_MENU, GtkWidget)

GtkWidget *bl_views_menu_new          (BlTimeline   *timeline,
                                       BlMapView    *map_view);
void       bl_views_menu_set_history  (BlViewsMenu  *self,
                                       BlHistory    *history);
BlView    *bl_views_menu_capture      (BlViewsMenu  *self,
                                       const char   *name);
void       bl_views_menu_apply        (BlViewsMenu  *self,
                                       const BlView *view);
void       bl_views_menu_save_view    (BlViewsMenu  *self,
                                       const char   *name);
gboolean   bl_views_menu_restore      (BlViewsMenu  *self,
                                       guint         index);

G_END_DECLS
