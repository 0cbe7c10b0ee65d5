/* bl-widget-util.h — small helpers the widgets share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    bl_widget_util_watch_object (gpointer       watched,
                                         gpointer       object,
                                         gpointer       owner,
                                         const char    *detailed_signal,
                                         GCallback      handler,
                                         GConnectFlags  flags);

GtkGesture *bl_widget_util_add_drag     (GtkWidget     *widget,
                                         GCallback      drag_begin,
                                         GCallback      drag_update,
                                         GCallback      drag_end,
                                         GCallback      cancel,
                                         gpointer       user_data);
GtkEventController *
            bl_widget_util_add_key      (GtkWidget     *widget,
                                         GCallback      key_pressed,
                                         gpointer       user_data);

G_END_DECLS
