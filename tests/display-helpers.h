/* display-helpers.h — driving real windows under Xvfb, as a person would
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*BlTestCondition) (gpointer data);

void  bl_test_wait_for          (BlTestCondition  condition,
                                 gpointer         data,
                                 guint            seconds,
                                 const char      *what);
void  bl_test_wait_for_frames   (GtkWidget       *widget,
                                 guint            n_frames);
char *bl_test_xdotool           (const char      *format,
                                 ...) G_GNUC_PRINTF (1, 2);
void  bl_test_widget_to_screen  (GtkWidget       *widget,
                                 double           x,
                                 double           y,
                                 int             *screen_x,
                                 int             *screen_y);
void  bl_test_click             (GtkWidget       *widget,
                                 double           x,
                                 double           y);
void  bl_test_keys              (GtkWidget       *widget,
                                 const char      *keys);
GtkWidget *bl_test_find_widget  (GtkWidget       *root,
                                 GType            type,
                                 const char      *name);

G_END_DECLS
