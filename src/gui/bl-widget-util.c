/* bl-widget-util.c — small helpers the widgets share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What several widgets wrote alike: swapping the shared object a widget
 * watches (a selection, a layer, a filter) with its signal handlers, and
 * adding the usual primary-button drag gesture and key controller. Not
 * here: anything one widget alone needs.
 */
#include "config.h"

#include "bl-widget-util.h"

/**
 * bl_widget_util_watch_object:
 * @watched: (inout): the address of the #GObject pointer @owner holds
 *   (owned: a reference)
 * @object: (nullable) (type GObject): the object to watch instead
 * @owner: the handlers' data: every handler with @owner as data on the
 *   old object is disconnected
 * @detailed_signal: (nullable): a signal of @object to connect @handler to
 * @handler: (nullable): the handler, with @owner as data
 * @flags: as for g_signal_connect_object(): %G_CONNECT_SWAPPED for a
 *   handler that takes @owner first
 *
 * Stops watching the object in *@watched, holds @object there instead and
 * connects @handler to its @detailed_signal. The handler stays no longer
 * than @owner.
 *
 * Returns: %FALSE when @object was already watched (nothing changes)
 */
gboolean
bl_widget_util_watch_object (gpointer       watched,
                             gpointer       object,
                             gpointer       owner,
                             const char    *detailed_signal,
                             GCallback      handler,
                             GConnectFlags  flags)
{
  GObject **slot = watched;

  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (object == NULL || G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (owner), FALSE);

  if (*slot == object)
    return FALSE;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, owner);
  g_set_object (slot, object);

  if (object != NULL && detailed_signal != NULL && handler != NULL)
    g_signal_connect_object (object, detailed_signal, handler, owner, flags);

  return TRUE;
}

/**
 * bl_widget_util_add_drag:
 * @widget: the widget to drag on
 * @drag_begin: the #GtkGestureDrag::drag-begin handler
 * @drag_update: the #GtkGestureDrag::drag-update handler
 * @drag_end: the #GtkGestureDrag::drag-end handler
 * @cancel: (nullable): the #GtkGesture::cancel handler
 * @user_data: the handlers' data
 *
 * Adds a drag gesture for the primary button to @widget.
 *
 * Returns: (transfer none): the gesture, owned by @widget
 */
GtkGesture *
bl_widget_util_add_drag (GtkWidget *widget,
                         GCallback  drag_begin,
                         GCallback  drag_update,
                         GCallback  drag_end,
                         GCallback  cancel,
                         gpointer   user_data)
{
  GtkGesture *drag;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", drag_begin, user_data);
  g_signal_connect (drag, "drag-update", drag_update, user_data);
  g_signal_connect (drag, "drag-end", drag_end, user_data);
  if (cancel != NULL)
    g_signal_connect (drag, "cancel", cancel, user_data);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  return drag;
}

/**
 * bl_widget_util_add_key:
 * @widget: the widget that takes the keys
 * @key_pressed: the #GtkEventControllerKey::key-pressed handler
 * @user_data: its data
 *
 * Adds a key controller to @widget.
 *
 * Returns: (transfer none): the controller, owned by @widget
 */
GtkEventController *
bl_widget_util_add_key (GtkWidget *widget,
                        GCallback  key_pressed,
                        gpointer   user_data)
{
  GtkEventController *key;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", key_pressed, user_data);
  gtk_widget_add_controller (widget, key);

  return key;
}
