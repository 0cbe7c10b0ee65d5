/* bl-timeline-bar.c — the timeline's controls: clock, lanes, playback
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of controls above the timeline: which clock places the claims
 * (said on / about), what the lanes stand for, the cumulative mode,
 * play/pause with a speed and a loop toggle, fit, and "All Time" (no
 * window). It writes to the timeline and to the timeline's filter, and
 * follows them when something else changes them. It holds no state of
 * its own.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-timeline-bar.h"
#include "bl-widget-util.h"

struct _BlTimelineBar
{
  GtkWidget        parent_instance;

  /* children */
  GtkWidget       *box;
  GtkToggleButton *said;
  GtkToggleButton *about;
  GtkDropDown     *lanes;
  GtkToggleButton *cumulative;
  GtkToggleButton *play;
  GtkDropDown     *speed;
  GtkToggleButton *loop;

  /* owned */
  BlTimeline      *timeline;
  BlFilter        *filter;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (BlTimelineBar, bl_timeline_bar, GTK_TYPE_WIDGET)

/* Days per second, for the speed menu */
static const double speeds[] = { 1, 7, 30.436875, 365.2425 };

/* Helpers {{{ */

static void
sync_from_filter (BlTimelineBar *self)
{
  gboolean has = self->filter != NULL;

  self->updating = TRUE;
  gtk_widget_set_sensitive (self->box, has);
  if (has)
    {
      gtk_toggle_button_set_active (bl_filter_get_clock (self->filter) == BL_CLOCK_SAID ? self->said : self->about, TRUE);
      gtk_toggle_button_set_active (self->cumulative, bl_filter_get_cumulative (self->filter));
    }
  self->updating = FALSE;
}

static GtkWidget *
toggle (const char *label,
        const char *icon,
        const char *tooltip)
{
  GtkWidget *button = gtk_toggle_button_new ();

  if (icon)
    gtk_button_set_icon_name (GTK_BUTTON (button), icon);
  else
    gtk_button_set_label (GTK_BUTTON (button), label);
  gtk_widget_set_tooltip_text (button, tooltip);
  if (icon)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  return button;
}

/* }}} */

/* Callbacks {{{ */

static void
on_filter_changed (BlFilter      *filter,
                   guint          what,
                   BlTimelineBar *self)
{
  sync_from_filter (self);
}

static void
on_visible_claims_changed (BlTimeline    *timeline,
                           GParamSpec    *pspec,
                           BlTimelineBar *self)
{
  bl_widget_util_watch_object (&self->filter, bl_timeline_get_filter (timeline), self,
                               "changed", G_CALLBACK (on_filter_changed), 0);
  sync_from_filter (self);
}

static void
on_clock_toggled (GtkToggleButton *button,
                  BlTimelineBar   *self)
{
  if (self->updating || self->filter == NULL || !gtk_toggle_button_get_active (button))
    return;

  bl_filter_set_clock (self->filter, button == self->said ? BL_CLOCK_SAID : BL_CLOCK_ABOUT);
  bl_timeline_zoom_to_fit (self->timeline);
}

static void
on_cumulative_toggled (GtkToggleButton *button,
                       BlTimelineBar   *self)
{
  if (self->updating || self->filter == NULL)
    return;

  bl_filter_set_cumulative (self->filter, gtk_toggle_button_get_active (button));
}

static void
on_speed_selected (GtkDropDown   *dropdown,
                   GParamSpec    *pspec,
                   BlTimelineBar *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i < G_N_ELEMENTS (speeds))
    bl_timeline_set_speed (self->timeline, speeds[i]);
}

static void
on_lanes_selected (GtkDropDown   *dropdown,
                   GParamSpec    *pspec,
                   BlTimelineBar *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i <= BL_TIME_LANES_TOPIC)
    bl_timeline_set_lanes (self->timeline, i);
}

static void
on_lanes_changed (BlTimeline    *timeline,
                  GParamSpec    *pspec,
                  BlTimelineBar *self)
{
  gtk_drop_down_set_selected (self->lanes, bl_timeline_get_lanes (timeline));
}

static void
on_fit_clicked (GtkButton     *button,
                BlTimelineBar *self)
{
  bl_timeline_zoom_to_fit (self->timeline);
}

static void
on_all_time_clicked (GtkButton     *button,
                     BlTimelineBar *self)
{
  if (self->filter != NULL)
    bl_filter_clear_window (self->filter);
}

static void
on_playing_changed (BlTimeline    *timeline,
                    GParamSpec    *pspec,
                    BlTimelineBar *self)
{
  gboolean playing = bl_timeline_get_playing (timeline);

  gtk_button_set_icon_name (GTK_BUTTON (self->play),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play), playing ? _("Pause") : _("Play"));
}

/* }}} */

/* GObject {{{ */

static void
bl_timeline_bar_dispose (GObject *object)
{
  BlTimelineBar *self = (BlTimelineBar *) object;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_data (self->timeline, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->timeline);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (bl_timeline_bar_parent_class)->dispose (object);
}

static void
bl_timeline_bar_class_init (BlTimelineBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_timeline_bar_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static void
bl_timeline_bar_init (BlTimelineBar *self)
{
  const char * const lane_names[] = { N_("Claimant"), N_("Source"), N_("Topic"), NULL };
  const char * const speed_names[] = { N_("1 day/s"), N_("1 week/s"), N_("1 month/s"), N_("1 year/s"), NULL };
  g_autoptr(GtkStringList) lanes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) speed = gtk_string_list_new (NULL);
  GtkWidget *clock_box, *play_box, *fit, *all;

  for (guint i = 0; lane_names[i]; i++)
    gtk_string_list_append (lanes, _(lane_names[i]));
  for (guint i = 0; speed_names[i]; i++)
    gtk_string_list_append (speed, _(speed_names[i]));

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_margin_top (self->box, 3);
  gtk_widget_set_margin_bottom (self->box, 3);

  /* the clock: said on, or about */
  clock_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (clock_box, "linked");
  self->said = GTK_TOGGLE_BUTTON (toggle (_("Said On"), NULL, _("Place claims by when they were said")));
  self->about = GTK_TOGGLE_BUTTON (toggle (_("About"), NULL, _("Place claims by the period they are about")));
  gtk_toggle_button_set_group (self->about, self->said);
  gtk_box_append (GTK_BOX (clock_box), GTK_WIDGET (self->said));
  gtk_box_append (GTK_BOX (clock_box), GTK_WIDGET (self->about));
  gtk_box_append (GTK_BOX (self->box), clock_box);
  g_signal_connect (self->said, "toggled", G_CALLBACK (on_clock_toggled), self);
  g_signal_connect (self->about, "toggled", G_CALLBACK (on_clock_toggled), self);

  self->lanes = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&lanes)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->lanes), _("Group lanes by"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->lanes), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Group lanes by"), -1);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->lanes));

  self->cumulative = GTK_TOGGLE_BUTTON (toggle (_("Cumulative"), NULL, _("Show everything up to the window's end")));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->cumulative));
  g_signal_connect (self->cumulative, "toggled", G_CALLBACK (on_cumulative_toggled), self);

  /* playback */
  play_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (play_box, "linked");
  gtk_widget_set_hexpand (play_box, TRUE);
  gtk_widget_set_halign (play_box, GTK_ALIGN_END);
  self->play = GTK_TOGGLE_BUTTON (toggle (NULL, "media-playback-start-symbolic", _("Play")));
  self->speed = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&speed)), NULL));
  gtk_drop_down_set_selected (self->speed, 1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->speed), _("Playback speed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->speed), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Playback speed"), -1);
  self->loop = GTK_TOGGLE_BUTTON (toggle (NULL, "media-playlist-repeat-symbolic", _("Loop")));
  gtk_box_append (GTK_BOX (play_box), GTK_WIDGET (self->play));
  gtk_box_append (GTK_BOX (play_box), GTK_WIDGET (self->speed));
  gtk_box_append (GTK_BOX (play_box), GTK_WIDGET (self->loop));
  gtk_box_append (GTK_BOX (self->box), play_box);
  g_signal_connect (self->speed, "notify::selected", G_CALLBACK (on_speed_selected), self);

  fit = gtk_button_new_from_icon_name ("zoom-fit-best-symbolic");
  gtk_widget_set_tooltip_text (fit, _("Show All Claims"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (fit), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show All Claims"), -1);
  gtk_box_append (GTK_BOX (self->box), fit);
  g_signal_connect (fit, "clicked", G_CALLBACK (on_fit_clicked), self);

  all = gtk_button_new_with_label (_("All Time"));
  gtk_widget_set_tooltip_text (all, _("Remove the time window"));
  gtk_box_append (GTK_BOX (self->box), all);
  g_signal_connect (all, "clicked", G_CALLBACK (on_all_time_clicked), self);
}

/* }}} */

/* Public API {{{ */

/**
 * bl_timeline_bar_new:
 * @timeline: the timeline to control
 *
 * Returns: (transfer floating): the controls of @timeline
 */
GtkWidget *
bl_timeline_bar_new (BlTimeline *timeline)
{
  BlTimelineBar *self;

  g_return_val_if_fail (BL_IS_TIMELINE (timeline), NULL);

  self = g_object_new (BL_TYPE_TIMELINE_BAR, NULL);
  self->timeline = g_object_ref (timeline);

  gtk_drop_down_set_selected (self->lanes, bl_timeline_get_lanes (timeline));
  g_signal_connect (self->lanes, "notify::selected", G_CALLBACK (on_lanes_selected), self);
  g_signal_connect_object (timeline, "notify::lanes", G_CALLBACK (on_lanes_changed), self, 0);
  g_object_bind_property (timeline, "playing", self->play, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (timeline, "loop", self->loop, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (timeline, "notify::visible-claims", G_CALLBACK (on_visible_claims_changed), self, 0);
  g_signal_connect_object (timeline, "notify::playing", G_CALLBACK (on_playing_changed), self, 0);
  bl_timeline_set_speed (timeline, speeds[gtk_drop_down_get_selected (self->speed)]);
  on_visible_claims_changed (timeline, NULL, self);

  return GTK_WIDGET (self);
}

/**
 * bl_timeline_bar_get_timeline:
 *
 * Returns: (transfer none): the timeline
 */
BlTimeline *
bl_timeline_bar_get_timeline (BlTimelineBar *self)
{
  g_return_val_if_fail (BL_IS_TIMELINE_BAR (self), NULL);
  return self->timeline;
}

/* }}} */
