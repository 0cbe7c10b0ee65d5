/* bl-timeline.c — when claims were said, and the window the views show
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlTimeline draws a project's claims along time, on the filter's clock
 * (when they were said, or the period they are about), in lanes by
 * claimant, source or topic, and lets the analyst move the filter's time
 * window over them. It writes the window into the shared BlFilter on
 * every motion, so the map, the claim list and the comparison panel follow
 * a drag live; it reads the shared BlSelection to highlight a claim and
 * sets it when a claim is clicked.
 *
 * It holds the *view* (which days are on screen) and the lanes; the
 * window itself lives in the filter. It computes nothing a batch export
 * would need: the lanes and the axis come from core (bl-time-lanes.c,
 * bl-time-axis.c). Drawing and hit testing live in bl-timeline-draw.c;
 * building, naming and collapsing the lanes in bl-timeline-lanes.c; the
 * view, the window and saved views in bl-timeline-view.c.
 *
 * Input (dragging, scrolling, keys, playback) is in bl-timeline-input.c
 * and documented there.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-timeline-private.h"
#include "bl-widget-util.h"

G_DEFINE_FINAL_TYPE (BlTimeline, bl_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VISIBLE_CLAIMS,
  PROP_SELECTION,
  PROP_LANES,
  PROP_PLAYING,
  PROP_SPEED,
  PROP_LOOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_SPEED 7.0   /* days per second */
#define FIT_MARGIN    24.0

/* Helpers {{{ */

static void
update_style (BlTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  const PangoFontDescription *base;
  static const struct {
    BlTimelineColor  color;
    const char      *name;
    const char      *fallback;
  } named[] = {
    { BL_TIMELINE_COLOR_ACCENT, "accent_bg_color", "#3584e4" },
    { BL_TIMELINE_COLOR_ACCENT_FG, "accent_fg_color", "#ffffff" },
    { BL_TIMELINE_COLOR_DENIES, "error_color", "#c01c28" },
    { BL_TIMELINE_COLOR_QUALIFIES, "warning_color", "#9c6e03" },
    { BL_TIMELINE_COLOR_VIEW_BG, "view_bg_color", "#ffffff" },
  };

  gtk_style_context_get_color (context, &self->colors[BL_TIMELINE_COLOR_FG]);
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (!gtk_style_context_lookup_color (context, named[i].name, &self->colors[named[i].color]))
      gdk_rgba_parse (&self->colors[named[i].color], named[i].fallback);

  base = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);
  self->small_font = pango_font_description_copy (base);
  self->bold_font = pango_font_description_copy (base);
  if (pango_font_description_get_size (base) > 0)
    pango_font_description_set_size (self->small_font, pango_font_description_get_size (base) * 0.85);
  pango_font_description_set_weight (self->bold_font, PANGO_WEIGHT_BOLD);
}

BlClaimStore *
bl_timeline_get_store (BlTimeline *self)
{
  return bl_project_get_claims (bl_visible_claims_get_project (self->visible));
}

char *
bl_timeline_format_day (gint32 day)
{
  BlDate date;
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  if (!bl_date_init_ymd (&date, BL_DATE_PRECISION_DAY, y, m, d, FALSE, NULL))
    return g_strdup ("?");
  return bl_date_format (&date);
}

/* How to move the window, for assistive technology */
#define TIMELINE_HINT N_("The time window of the claims shown. Arrow keys move it, Shift with arrow keys resizes it.")

void
bl_timeline_update_accessible (BlTimeline *self)
{
  g_autofree char *value = NULL;
  g_autofree char *description = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *range = NULL;
  gint32 first = 0, last = 0, span_first = 0, span_last = 0;
  guint n = 0;

  if (self->visible == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT);
      return;
    }

  bl_visible_claims_get_indices (self->visible, &n);

  if (!bl_filter_has_window (self->filter))
    range = g_strdup (_("All time"));
  else
    {
      bl_filter_get_window (self->filter, &first, &last);
      b = bl_timeline_format_day (last);
      if (bl_filter_get_cumulative (self->filter))
        /* Translators: the timeline's window in cumulative mode */
        range = g_strdup_printf (_("Until %s"), b);
      else
        {
          a = bl_timeline_format_day (first);
          /* Translators: the timeline's window, from one day to another */
          range = g_strdup_printf (_("%s – %s"), a, b);
        }
    }

  /* Translators: the timeline's window and how many claims it shows */
  value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u claim", "%s, %u claims", n), range, n);

  if (self->lanes && bl_time_lanes_get_span (self->lanes, &span_first, &span_last))
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_VALUE_MIN, (double) span_first,
                                    GTK_ACCESSIBLE_PROPERTY_VALUE_MAX, (double) span_last,
                                    -1);
  bl_timeline_get_shown_window (self, &first, &last);
  /* GTK 4.8 gives a custom widget no AT-SPI Value interface, so screen
   * readers would never hear the value text: the description says it too */
  /* Translators: the timeline's window and claims, then how to change them */
  description = g_strdup_printf (_("%s. %s"), value, _(TIMELINE_HINT));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_NOW, (double) first,
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* }}} */

/* Callbacks {{{ */

static void
on_filter_changed (BlFilter   *filter,
                   guint       what,
                   BlTimeline *self)
{
  BlClock wanted = self->lanes_building ? self->building_clock : self->lanes_clock;

  if ((what & BL_FILTER_CHANGE_CRITERIA) || bl_filter_get_clock (filter) != wanted)
    bl_timeline_invalidate_lanes (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_visible_changed (BlVisibleClaims *visible,
                    BlTimeline      *self)
{
  bl_timeline_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_store_items_changed (GListModel *store,
                        guint       position,
                        guint       removed,
                        guint       added,
                        BlTimeline *self)
{
  bl_timeline_invalidate_lanes (self, TRUE);
}

static void
on_selection_changed (BlSelection *selection,
                      GParamSpec  *pspec,
                      BlTimeline  *self)
{
  const char *id = bl_selection_get_claim_id (selection);

  self->selected = BL_NO_INDEX;
  if (id != NULL && self->visible != NULL)
    self->selected = bl_claim_store_lookup (bl_timeline_get_store (self), id);

  bl_timeline_reveal_selected (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* }}} */

/* GtkWidget {{{ */

static void
bl_timeline_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  BlTimeline *self = BL_TIMELINE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = BL_TIMELINE_LABEL_WIDTH + 200;
      *natural = BL_TIMELINE_LABEL_WIDTH + 800;
    }
  else
    {
      double lanes = bl_timeline_get_lanes_height (self);

      *minimum = bl_timeline_lanes_top (self) + BL_TIMELINE_LANE_HEIGHT;
      *natural = MAX (*minimum, MIN (bl_timeline_lanes_top (self) + lanes, 320));
    }
}

static void
bl_timeline_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  BlTimeline *self = BL_TIMELINE (widget);
  double plot_x, plot_w;

  self->axis.rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  bl_timeline_get_plot (self, &plot_x, &plot_w);
  self->axis.width = plot_w;

  bl_timeline_ensure_lanes (self);
  if (!self->view_valid && self->visible != NULL)
    bl_timeline_fit_view (self);
  bl_timeline_clamp_lane_scroll (self);
}

static void
bl_timeline_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  BlTimeline *self = BL_TIMELINE (widget);

  if (self->small_font == NULL)
    update_style (self);

  bl_timeline_snapshot_all (self, snapshot);
}

static void
bl_timeline_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bl_timeline_parent_class)->css_changed (widget, change);

  update_style (BL_TIMELINE (widget));
  gtk_widget_queue_draw (widget);
}

static void
bl_timeline_direction_changed (GtkWidget        *widget,
                               GtkTextDirection  previous)
{
  gtk_widget_queue_allocate (widget);
}

static gboolean
bl_timeline_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  /* one focusable thing, no children */
  if (gtk_widget_is_focus (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

/* }}} */

/* GObject {{{ */

static void
bl_timeline_dispose (GObject *object)
{
  BlTimeline *self = (BlTimeline *) object;

  bl_timeline_set_playing (self, FALSE);
  bl_timeline_set_visible_claims (self, NULL);
  bl_timeline_set_selection (self, NULL);

  G_OBJECT_CLASS (bl_timeline_parent_class)->dispose (object);
}

static void
bl_timeline_finalize (GObject *object)
{
  BlTimeline *self = (BlTimeline *) object;

  g_clear_pointer (&self->lanes, bl_time_lanes_free);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);

  G_OBJECT_CLASS (bl_timeline_parent_class)->finalize (object);
}

static void
bl_timeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BlTimeline *self = BL_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_CLAIMS:
      g_value_set_object (value, self->visible);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    case PROP_LANES:
      g_value_set_enum (value, self->group);
      break;
    case PROP_PLAYING:
      g_value_set_boolean (value, bl_timeline_get_playing (self));
      break;
    case PROP_SPEED:
      g_value_set_double (value, self->speed);
      break;
    case PROP_LOOP:
      g_value_set_boolean (value, self->loop);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_timeline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BlTimeline *self = BL_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_CLAIMS:
      bl_timeline_set_visible_claims (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      bl_timeline_set_selection (self, g_value_get_object (value));
      break;
    case PROP_LANES:
      bl_timeline_set_lanes (self, g_value_get_enum (value));
      break;
    case PROP_PLAYING:
      bl_timeline_set_playing (self, g_value_get_boolean (value));
      break;
    case PROP_SPEED:
      bl_timeline_set_speed (self, g_value_get_double (value));
      break;
    case PROP_LOOP:
      bl_timeline_set_loop (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_timeline_class_init (BlTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_timeline_dispose;
  object_class->finalize = bl_timeline_finalize;
  object_class->get_property = bl_timeline_get_property;
  object_class->set_property = bl_timeline_set_property;

  widget_class->measure = bl_timeline_measure;
  widget_class->size_allocate = bl_timeline_size_allocate;
  widget_class->snapshot = bl_timeline_snapshot;
  widget_class->css_changed = bl_timeline_css_changed;
  widget_class->direction_changed = bl_timeline_direction_changed;
  widget_class->focus = bl_timeline_focus;

  properties[PROP_VISIBLE_CLAIMS] =
    g_param_spec_object ("visible-claims", NULL, NULL,
                         BL_TYPE_VISIBLE_CLAIMS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         BL_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LANES] =
    g_param_spec_enum ("lanes", NULL, NULL,
                       BL_TYPE_TIME_LANES_GROUP, BL_TIME_LANES_CLAIMANT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, 0.1, 36525.0, DEFAULT_SPEED,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOOP] =
    g_param_spec_boolean ("loop", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SLIDER);
}

static void
bl_timeline_init (BlTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->collapsed = g_hash_table_new (NULL, NULL);
  self->selected = BL_NO_INDEX;
  self->speed = DEFAULT_SPEED;
  self->axis = (BlTimeAxis) { 0, 1, 1, FALSE };
  self->async_lanes_min = BL_TIMELINE_ASYNC_LANES_MIN;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  bl_timeline_init_input (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(TIMELINE_HINT),
                                  -1);
}

/* }}} */

/* Public API {{{ */

GtkWidget *
bl_timeline_new (void)
{
  return g_object_new (BL_TYPE_TIMELINE, NULL);
}

/**
 * bl_timeline_get_visible_claims:
 *
 * Returns: (transfer none) (nullable): the claims shown
 */
BlVisibleClaims *
bl_timeline_get_visible_claims (BlTimeline *self)
{
  g_return_val_if_fail (BL_IS_TIMELINE (self), NULL);
  return self->visible;
}

/**
 * bl_timeline_set_visible_claims:
 * @visible: (nullable): the project's claims and the shared filter
 *
 * Shows @visible's project and drives @visible's filter. The view is
 * fitted to the claims.
 */
void
bl_timeline_set_visible_claims (BlTimeline      *self,
                                BlVisibleClaims *visible)
{
  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (visible == NULL || BL_IS_VISIBLE_CLAIMS (visible));

  if (self->visible == visible)
    return;

  if (self->visible != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->visible, self);
      g_signal_handlers_disconnect_by_data (self->filter, self);
      g_signal_handlers_disconnect_by_data (bl_timeline_get_store (self), self);
    }

  bl_timeline_set_playing (self, FALSE);
  g_clear_object (&self->visible);
  g_clear_object (&self->filter);
  if (self->lanes_building != NULL)
    g_cancellable_cancel (self->lanes_building);
  g_clear_object (&self->lanes_building);
  g_clear_pointer (&self->lanes, bl_time_lanes_free);
  self->lanes_store_changed = FALSE;
  g_hash_table_remove_all (self->collapsed);
  self->selected = BL_NO_INDEX;
  self->lane_scroll = 0;
  self->view_valid = FALSE;

  if (visible != NULL)
    {
      self->visible = g_object_ref (visible);
      self->filter = g_object_ref (bl_visible_claims_get_filter (visible));
      self->lanes_dirty = TRUE;

      g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed), self, 0);
      g_signal_connect_object (self->visible, "changed", G_CALLBACK (on_visible_changed), self, 0);
      g_signal_connect_object (bl_timeline_get_store (self), "items-changed", G_CALLBACK (on_store_items_changed), self, 0);

      bl_timeline_ensure_lanes (self);
      if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
        bl_timeline_fit_view (self);
      if (self->selection != NULL)
        on_selection_changed (self->selection, NULL, self);
    }

  bl_timeline_update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_CLAIMS]);
}

/**
 * bl_timeline_get_filter:
 *
 * Returns: (transfer none) (nullable): the filter the timeline drives
 */
BlFilter *
bl_timeline_get_filter (BlTimeline *self)
{
  g_return_val_if_fail (BL_IS_TIMELINE (self), NULL);
  return self->filter;
}

/**
 * bl_timeline_get_selection:
 *
 * Returns: (transfer none) (nullable): the shared selection
 */
BlSelection *
bl_timeline_get_selection (BlTimeline *self)
{
  g_return_val_if_fail (BL_IS_TIMELINE (self), NULL);
  return self->selection;
}

/**
 * bl_timeline_set_selection:
 * @selection: (nullable): the selection shared by the views
 *
 * Highlights (and scrolls to) the selected claim; clicking a claim
 * selects it.
 */
void
bl_timeline_set_selection (BlTimeline  *self,
                           BlSelection *selection)
{
  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (selection == NULL || BL_IS_SELECTION (selection));

  if (!bl_widget_util_watch_object (&self->selection, selection, self,
                                    "notify::claim-id", G_CALLBACK (on_selection_changed), 0))
    return;

  self->selected = BL_NO_INDEX;
  if (selection != NULL)
    on_selection_changed (selection, NULL, self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

BlTimeLanesGroup
bl_timeline_get_lanes (BlTimeline *self)
{
  g_return_val_if_fail (BL_IS_TIMELINE (self), BL_TIME_LANES_CLAIMANT);
  return self->group;
}

/**
 * bl_timeline_set_lanes:
 * @lanes: one lane per claimant, source or topic
 */
void
bl_timeline_set_lanes (BlTimeline       *self,
                       BlTimeLanesGroup  lanes)
{
  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (lanes <= BL_TIME_LANES_TOPIC);

  if (self->group == lanes)
    return;

  self->group = lanes;
  bl_timeline_invalidate_lanes (self, FALSE);
  self->lane_scroll = 0;
  g_hash_table_remove_all (self->collapsed);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

gboolean
bl_timeline_get_playing (BlTimeline *self)
{
  g_return_val_if_fail (BL_IS_TIMELINE (self), FALSE);
  return self->tick_id != 0;
}

/**
 * bl_timeline_set_playing:
 * @playing: whether the window moves through time by itself
 *
 * Playback moves the window forward at #BlTimeline:speed until its end
 * reaches the last claim, then stops or, with #BlTimeline:loop, starts
 * again from the first. Playing from the end starts from the beginning.
 */
void
bl_timeline_set_playing (BlTimeline *self,
                         gboolean    playing)
{
  gint32 first, last, span_first, span_last;

  g_return_if_fail (BL_IS_TIMELINE (self));

  playing = !!playing && self->visible != NULL;
  if (playing == (self->tick_id != 0))
    return;

  if (playing)
    {
      if (bl_timeline_get_shown_window (self, &first, &last) &&
          bl_time_lanes_get_span (self->lanes, &span_first, &span_last))
        {
          /* a window over everything has nowhere to go: start with a tenth */
          if (!bl_filter_has_window (self->filter))
            last = first + MAX (1, (span_last - span_first) / 10);
          if (last >= span_last)
            bl_timeline_apply_window (self, span_first, span_first + (last - first), TRUE);
          else
            bl_timeline_apply_window (self, first, last, TRUE);
        }
      self->last_frame_time = 0;
      self->play_days = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), bl_timeline_tick_cb, NULL, NULL);
    }
  else
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

double
bl_timeline_get_speed (BlTimeline *self)
{
  g_return_val_if_fail (BL_IS_TIMELINE (self), DEFAULT_SPEED);
  return self->speed;
}

/**
 * bl_timeline_set_speed:
 * @days_per_second: how fast playback moves the window
 */
void
bl_timeline_set_speed (BlTimeline *self,
                       double      days_per_second)
{
  g_return_if_fail (BL_IS_TIMELINE (self));

  days_per_second = CLAMP (days_per_second, 0.1, 36525.0);
  if (self->speed == days_per_second)
    return;

  self->speed = days_per_second;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

gboolean
bl_timeline_get_loop (BlTimeline *self)
{
  g_return_val_if_fail (BL_IS_TIMELINE (self), FALSE);
  return self->loop;
}

void
bl_timeline_set_loop (BlTimeline *self,
                      gboolean    loop)
{
  g_return_if_fail (BL_IS_TIMELINE (self));

  loop = !!loop;
  if (self->loop == loop)
    return;

  self->loop = loop;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOP]);
}

/* }}} */
