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
void  bl_test_wait_for_still    (GtkWidget       *widget);
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

/**
 * BlTestLabelFlags:
 * @BL_TEST_LABEL_EXACT: the label's text is the text (the default)
 * @BL_TEST_LABEL_PREFIX: the label's text starts with the text
 * @BL_TEST_LABEL_CONTAINS: the label's text contains the text
 * @BL_TEST_LABEL_MAPPED: only labels on screen (mapped)
 * @BL_TEST_LABEL_POPOVERS: also look in menu buttons' popovers
 *
 * How bl_test_find_label() matches.
 */
typedef enum {
  BL_TEST_LABEL_EXACT    = 0,
  BL_TEST_LABEL_PREFIX   = 1 << 0,
  BL_TEST_LABEL_CONTAINS = 1 << 1,
  BL_TEST_LABEL_MAPPED   = 1 << 2,
  BL_TEST_LABEL_POPOVERS = 1 << 3,
} BlTestLabelFlags;

GtkWidget *bl_test_find_label     (GtkWidget        *root,
                                   const char       *text,
                                   BlTestLabelFlags  flags);
GtkWidget *bl_test_wait_for_label (GtkWidget        *root,
                                   const char       *text,
                                   BlTestLabelFlags  flags,
                                   guint             seconds,
                                   const char       *what);
GtkWidget *bl_test_find_row       (GtkWidget        *root,
                                   GType             type,
                                   const char       *title);
GtkWidget *bl_test_find_button    (GtkWidget        *root,
                                   const char       *label,
                                   gboolean          mapped_only);
GtkWidget *bl_test_find_toplevel  (GType             type);
GtkWidget *bl_test_wait_for_toplevel (GType           type,
                                      guint           seconds,
                                      const char     *what);
void       bl_test_wait_for_no_toplevel (GType        type,
                                         guint        seconds,
                                         const char  *what);
void       bl_test_click_center   (GtkWidget        *widget);
void       bl_test_type           (GtkWidget        *widget,
                                   const char       *text,
                                   guint             delay_ms);
gboolean   bl_test_is_mapped      (gpointer          widget);
gboolean   bl_test_project_shown  (gpointer          window);
GtkWidget *bl_test_wait_for_claim_layer (GtkWidget  *window,
                                         guint       seconds);
gboolean   bl_test_save_png       (GtkWidget        *widget,
                                   const char       *path);
int        bl_test_run_display    (void);

G_END_DECLS
