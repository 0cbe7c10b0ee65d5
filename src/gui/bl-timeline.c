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
 * bl-time-axis.c). Drawing and hit testing live in bl-timeline-draw.c.
 *
 * Input (dragging, scrolling, keys, playback) is in bl-timeline-input.c
 * and documented there.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bl-timeline-private.h"

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

static gint32
clamp_day (double day)
{
  return (gint32) CLAMP (day, bl_day_from_ymd (1, 1, 1), bl_day_from_ymd (9999, 12, 31));
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

static void
update_accessible (BlTimeline *self)
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

static void
fit_view (BlTimeline *self)
{
  gint32 first, last;
  double plot_x, plot_w;

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  self->axis.width = plot_w;

  if (self->lanes && bl_time_lanes_get_span (self->lanes, &first, &last))
    {
      /* leave room for the fades of open ends */
      bl_time_axis_fit (&self->axis, first, last, FIT_MARGIN + BL_TIMELINE_FADE_WIDTH / 2);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      gint32 today = bl_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                                      g_date_time_get_day_of_month (now));

      bl_time_axis_fit (&self->axis, today - 365, today + 30, FIT_MARGIN);
    }

  self->view_valid = TRUE;
}

void
bl_timeline_clamp_lane_scroll (BlTimeline *self)
{
  double room = gtk_widget_get_height (GTK_WIDGET (self)) - bl_timeline_lanes_top (self);
  double max = MAX (0, bl_timeline_get_lanes_height (self) - room);

  self->lane_scroll = CLAMP (self->lane_scroll, 0, max);
}

/* Pans the view so that the days are on screen, if they are not. */
static void
reveal_days (BlTimeline *self,
             gint32      first,
             gint32      last)
{
  double start = self->axis.start, end = bl_time_axis_get_end (&self->axis);
  double view = end - start, margin = view * 0.05;

  if (first >= start && (double) last + 1 <= end)
    return;

  if ((double) last + 1 - first > view - 2 * margin)
    self->axis.start = first - margin;
  else if (first < start)
    self->axis.start = first - margin;
  else
    self->axis.start = (double) last + 1 + margin - view;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
bl_timeline_apply_window (BlTimeline *self,
            gint32      first,
            gint32      last,
            gboolean    reveal)
{
  if (self->filter == NULL)
    return;

  first = clamp_day (first);
  last = clamp_day (last);
  if (last < first)
    last = first;

  bl_filter_set_window (self->filter, first, last);
  if (reveal)
    reveal_days (self, first, last);
}

void
bl_timeline_zoom_around (BlTimeline *self,
             double      factor,
             double      x)
{
  double plot_x, plot_w;

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  bl_time_axis_zoom (&self->axis, factor, CLAMP (x - plot_x, 0, plot_w));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scrolls the selected claim into view, across and down. */
static void
reveal_selected (BlTimeline *self)
{
  gint32 first, last;
  guint lane, position;
  double y = 0;

  bl_timeline_ensure_lanes (self);
  if (self->lanes == NULL || self->selected == BL_NO_INDEX)
    return;

  lane = bl_time_lanes_find_claim (self->lanes, self->selected, &position);
  if (lane == BL_NO_INDEX)
    return;

  bl_timeline_get_claim_extent (self, self->selected, &first, &last);
  reveal_days (self, first, last);

  for (guint l = 0; l < lane; l++)
    y += bl_timeline_is_lane_collapsed (self, bl_time_lanes_get_lane (self->lanes, l))
           ? BL_TIMELINE_COLLAPSED_HEIGHT : BL_TIMELINE_LANE_HEIGHT;
  {
    double room = gtk_widget_get_height (GTK_WIDGET (self)) - bl_timeline_lanes_top (self);

    if (y < self->lane_scroll)
      self->lane_scroll = y;
    else if (y + BL_TIMELINE_LANE_HEIGHT > self->lane_scroll + room)
      self->lane_scroll = y + BL_TIMELINE_LANE_HEIGHT - room;
    bl_timeline_clamp_lane_scroll (self);
  }
}

/* }}} */

/* Callbacks {{{ */

/* The lanes no longer match; a build in flight is for what was. */
static void
invalidate_lanes (BlTimeline *self,
                  gboolean    store_changed)
{
  self->lanes_dirty = TRUE;
  self->lanes_store_changed |= store_changed;
  if (self->lanes_building != NULL)
    g_cancellable_cancel (self->lanes_building);
  g_clear_object (&self->lanes_building);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_filter_changed (BlFilter   *filter,
                   guint       what,
                   BlTimeline *self)
{
  BlClock wanted = self->lanes_building ? self->building_clock : self->lanes_clock;

  if ((what & BL_FILTER_CHANGE_CRITERIA) || bl_filter_get_clock (filter) != wanted)
    invalidate_lanes (self, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_visible_changed (BlVisibleClaims *visible,
                    BlTimeline      *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_store_items_changed (GListModel *store,
                        guint       position,
                        guint       removed,
                        guint       added,
                        BlTimeline *self)
{
  invalidate_lanes (self, TRUE);
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

  reveal_selected (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* }}} */

/* Shared with bl-timeline-draw.c {{{ */

static void
on_lanes_built (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BlTimeline) self = user_data;
  g_autoptr(GCancellable) cancellable = g_object_ref (g_task_get_cancellable (G_TASK (result)));
  BlTimeLanes *lanes = bl_time_lanes_new_finish (result, NULL);

  /* cancelled, or superseded by another build */
  if (lanes == NULL || cancellable != self->lanes_building)
    {
      g_clear_pointer (&lanes, bl_time_lanes_free);
      return;
    }

  g_clear_object (&self->lanes_building);
  g_clear_pointer (&self->lanes, bl_time_lanes_free);
  self->lanes = lanes;
  self->lanes_clock = self->building_clock;
  self->lanes_group = self->group;
  self->lanes_dirty = FALSE;
  bl_timeline_clamp_lane_scroll (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * bl_timeline_ensure_lanes:
 *
 * Builds the lanes when they are out of date. With many claims and lanes
 * already there (only the criteria, clock or grouping changed), the build
 * runs on a worker thread and the old lanes stay until it is done; when
 * the claims changed, the old lanes name claims that may be gone, so the
 * build is here and now.
 */
void
bl_timeline_ensure_lanes (BlTimeline *self)
{
  if (self->visible == NULL)
    {
      g_clear_pointer (&self->lanes, bl_time_lanes_free);
      return;
    }

  if (self->lanes != NULL && !self->lanes_dirty)
    return;

  if (self->lanes != NULL && !self->lanes_store_changed &&
      bl_claim_store_get_n_claims (bl_timeline_get_store (self)) >= self->async_lanes_min)
    {
      if (self->lanes_building == NULL)
        {
          self->lanes_building = g_cancellable_new ();
          self->building_clock = bl_filter_get_clock (self->filter);
          bl_time_lanes_new_async (self->visible, self->building_clock, self->group,
                                   self->lanes_building, on_lanes_built, g_object_ref (self));
        }
      return;
    }

  if (self->lanes_building != NULL)
    g_cancellable_cancel (self->lanes_building);
  g_clear_object (&self->lanes_building);
  g_clear_pointer (&self->lanes, bl_time_lanes_free);
  self->lanes_clock = bl_filter_get_clock (self->filter);
  self->lanes_group = self->group;
  self->lanes = bl_time_lanes_new (self->visible, self->lanes_clock, self->group);
  self->lanes_dirty = FALSE;
  self->lanes_store_changed = FALSE;
}

/**
 * bl_timeline_get_shown_window:
 *
 * The window as drawn: the filter's, or the claims' span when the filter
 * has none (the handles then sit at the span's ends).
 *
 * Returns: %FALSE when there is nothing to show
 */
gboolean
bl_timeline_get_shown_window (BlTimeline *self,
                              gint32     *first_day,
                              gint32     *last_day)
{
  if (self->filter == NULL)
    return FALSE;

  if (bl_filter_has_window (self->filter))
    {
      bl_filter_get_window (self->filter, first_day, last_day);
      return TRUE;
    }

  bl_timeline_ensure_lanes (self);
  return self->lanes != NULL && bl_time_lanes_get_span (self->lanes, first_day, last_day);
}

gboolean
bl_timeline_is_lane_collapsed (BlTimeline       *self,
                               const BlTimeLane *lane)
{
  return g_hash_table_contains (self->collapsed, GUINT_TO_POINTER (lane->key));
}

const char *
bl_timeline_get_lane_name (BlTimeline       *self,
                           const BlTimeLane *lane)
{
  BlProject *project = bl_visible_claims_get_project (self->visible);
  const char *name = NULL;

  switch (self->lanes_group)
    {
    case BL_TIME_LANES_CLAIMANT:
      if (lane->key == BL_NO_INDEX)
        return _("No claimant");
      name = bl_actor_get_name (bl_project_get_actor (project, lane->key));
      break;
    case BL_TIME_LANES_SOURCE:
      if (lane->key == BL_NO_INDEX)
        return _("No source");
      name = bl_source_get_name (bl_project_get_source (project, lane->key));
      break;
    case BL_TIME_LANES_TOPIC:
    default:
      if (lane->key == BL_NO_INDEX)
        return _("No topic");
      name = bl_topic_get_title (bl_project_get_topic (project, lane->key));
      break;
    }

  return name && *name ? name : _("Unnamed");
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
    fit_view (self);
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
        fit_view (self);
      if (self->selection != NULL)
        on_selection_changed (self->selection, NULL, self);
    }

  update_accessible (self);
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

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  self->selected = BL_NO_INDEX;

  if (selection != NULL)
    {
      g_signal_connect_object (selection, "notify::claim-id", G_CALLBACK (on_selection_changed), self, 0);
      on_selection_changed (selection, NULL, self);
    }

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
  invalidate_lanes (self, FALSE);
  self->lane_scroll = 0;
  g_hash_table_remove_all (self->collapsed);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANES]);
}

/**
 * bl_timeline_set_lane_collapsed:
 * @key: the lane's claimant, source or topic number (or %BL_NO_INDEX)
 * @collapsed: whether the lane shows only counts, in a thin strip
 */
void
bl_timeline_set_lane_collapsed (BlTimeline *self,
                                guint32     key,
                                gboolean    collapsed)
{
  g_return_if_fail (BL_IS_TIMELINE (self));

  if (collapsed)
    g_hash_table_add (self->collapsed, GUINT_TO_POINTER (key));
  else
    g_hash_table_remove (self->collapsed, GUINT_TO_POINTER (key));

  bl_timeline_clamp_lane_scroll (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * bl_timeline_get_view:
 * @first_day: (out) (optional): the day at the view's start
 * @last_day: (out) (optional): the day at its end
 *
 * The days on screen (not the filter's window).
 */
void
bl_timeline_get_view (BlTimeline *self,
                      double     *first_day,
                      double     *last_day)
{
  g_return_if_fail (BL_IS_TIMELINE (self));

  if (first_day)
    *first_day = self->axis.start;
  if (last_day)
    *last_day = bl_time_axis_get_end (&self->axis);
}

void
bl_timeline_set_view (BlTimeline *self,
                      gint32      first_day,
                      gint32      last_day)
{
  double plot_x, plot_w;

  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (first_day <= last_day);

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  self->axis.width = plot_w;
  bl_time_axis_fit (&self->axis, first_day, last_day, 0);
  self->view_valid = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bl_timeline_zoom:
 * @factor: > 1 to zoom in, < 1 to zoom out
 *
 * Zooms around the middle of the window when it is in view, else around
 * the middle of the view.
 */
void
bl_timeline_zoom (BlTimeline *self,
                  double      factor)
{
  double plot_x, plot_w, x;
  gint32 first, last;

  g_return_if_fail (BL_IS_TIMELINE (self));

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  x = plot_x + plot_w / 2;
  if (bl_timeline_get_shown_window (self, &first, &last))
    {
      double wx = plot_x + bl_time_axis_day_to_x (&self->axis, (first + (double) last + 1) / 2);

      if (wx >= plot_x && wx <= plot_x + plot_w)
        x = wx;
    }

  bl_timeline_zoom_around (self, factor, x);
}

/**
 * bl_timeline_zoom_to_fit:
 *
 * Shows every claim.
 */
void
bl_timeline_zoom_to_fit (BlTimeline *self)
{
  g_return_if_fail (BL_IS_TIMELINE (self));

  bl_timeline_ensure_lanes (self);
  fit_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bl_timeline_zoom_to_window:
 *
 * Fits the view to the filter's window.
 */
void
bl_timeline_zoom_to_window (BlTimeline *self)
{
  gint32 first, last;
  double plot_x, plot_w;

  g_return_if_fail (BL_IS_TIMELINE (self));

  if (!bl_timeline_get_shown_window (self, &first, &last))
    return;

  bl_timeline_get_plot (self, &plot_x, &plot_w);
  self->axis.width = plot_w;
  bl_time_axis_fit (&self->axis, first, last, plot_w / 8);
  self->view_valid = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * bl_timeline_get_window:
 * @first_day: (out) (optional): the window's first day
 * @last_day: (out) (optional): its last day, inclusive
 *
 * The window as the timeline shows it: the filter's, or the span of the
 * claims when the filter has no window.
 */
void
bl_timeline_get_window (BlTimeline *self,
                        gint32     *first_day,
                        gint32     *last_day)
{
  gint32 a = BL_DAY_MIN, b = BL_DAY_MAX;

  g_return_if_fail (BL_IS_TIMELINE (self));

  bl_timeline_get_shown_window (self, &a, &b);
  if (first_day)
    *first_day = a;
  if (last_day)
    *last_day = b;
}

/**
 * bl_timeline_set_window:
 *
 * Sets the filter's window and scrolls it into view.
 */
void
bl_timeline_set_window (BlTimeline *self,
                        gint32      first_day,
                        gint32      last_day)
{
  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (first_day <= last_day);

  bl_timeline_apply_window (self, first_day, last_day, TRUE);
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

/* A day as a date, with month precision when it is a whole month's edge. */
static void
day_to_date (gint32   day,
             gboolean is_end,
             BlDate  *date)
{
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  if ((!is_end && d == 1) || (is_end && d == bl_date_days_in_month (y, m)))
    {
      if (bl_date_init_ymd (date, BL_DATE_PRECISION_MONTH, y, m, 1, FALSE, NULL))
        return;
    }
  if (!bl_date_init_ymd (date, BL_DATE_PRECISION_DAY, y, m, d, FALSE, NULL))
    bl_date_init_unknown (date);
}

/* A whole day, as a day-precision date */
static void
day_to_day_date (gint32  day,
                 BlDate *date)
{
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  if (!bl_date_init_ymd (date, BL_DATE_PRECISION_DAY, y, m, d, FALSE, NULL))
    bl_date_init_unknown (date);
}

/**
 * bl_timeline_save_view:
 * @view: the view to fill in
 *
 * Writes the filter's window, clock and cumulative mode, the lane
 * grouping and the span of days on screen into @view. A window over
 * whole months is saved as months ("2021-08"); no window leaves from and
 * to unknown.
 */
void
bl_timeline_save_view (BlTimeline *self,
                       BlView     *view)
{
  gint32 first, last;

  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (view != NULL);

  bl_date_init_unknown (&view->from);
  bl_date_init_unknown (&view->to);
  bl_date_init_unknown (&view->shown_from);
  bl_date_init_unknown (&view->shown_to);
  view->lanes = self->group;
  if (self->filter == NULL)
    return;

  if (self->view_valid)
    {
      gint32 shown_first = (gint32) round (self->axis.start);
      gint32 shown_last = (gint32) round (bl_time_axis_get_end (&self->axis)) - 1;

      day_to_day_date (shown_first, &view->shown_from);
      day_to_day_date (MAX (shown_first, shown_last), &view->shown_to);
    }

  view->clock = bl_filter_get_clock (self->filter);
  view->cumulative = bl_filter_get_cumulative (self->filter);
  if (!bl_filter_has_window (self->filter))
    return;

  bl_filter_get_window (self->filter, &first, &last);
  if (first != BL_DAY_MIN)
    day_to_date (first, FALSE, &view->from);
  if (last != BL_DAY_MAX)
    day_to_date (last, TRUE, &view->to);
}

/**
 * bl_timeline_restore_view:
 * @view: a saved view
 *
 * Sets the lanes and the filter's clock, cumulative mode and window from
 * @view, then shows the days the view showed, or fits the view to the
 * window when it has none. An unknown end of the window stands for the
 * claims' first or last day; both unknown clear the window.
 */
void
bl_timeline_restore_view (BlTimeline   *self,
                          const BlView *view)
{
  gint32 first = BL_DAY_MIN, last = BL_DAY_MAX, span_first = 0, span_last = 0, unused;
  gboolean has_span;

  g_return_if_fail (BL_IS_TIMELINE (self));
  g_return_if_fail (view != NULL);

  if (view->lanes >= BL_TIME_LANES_CLAIMANT && view->lanes <= BL_TIME_LANES_TOPIC)
    bl_timeline_set_lanes (self, view->lanes);

  if (self->filter == NULL)
    return;

  if (view->clock < BL_N_CLOCKS)
    bl_filter_set_clock (self->filter, view->clock);
  bl_filter_set_cumulative (self->filter, view->cumulative);

  if (bl_date_is_unknown (&view->from) && bl_date_is_unknown (&view->to))
    {
      bl_filter_clear_window (self->filter);
      bl_timeline_zoom_to_fit (self);
    }
  else
    {
      bl_timeline_ensure_lanes (self);
      has_span = self->lanes && bl_time_lanes_get_span (self->lanes, &span_first, &span_last);

      if (!bl_date_is_unknown (&view->from))
        bl_date_get_nominal_range (&view->from, &first, &unused);
      if (!bl_date_is_unknown (&view->to))
        bl_date_get_nominal_range (&view->to, &unused, &last);
      if (first == BL_DAY_MIN)
        first = has_span ? span_first : last;
      if (last == BL_DAY_MAX)
        last = has_span ? span_last : first;
      if (first > last)
        {
          gint32 tmp = first;

          first = last;
          last = tmp;
        }

      bl_timeline_apply_window (self, first, last, FALSE);
      bl_timeline_zoom_to_window (self);
    }

  if (!bl_date_is_unknown (&view->shown_from) && !bl_date_is_unknown (&view->shown_to))
    {
      gint32 shown_first, shown_last;

      bl_date_get_nominal_range (&view->shown_from, &shown_first, &unused);
      bl_date_get_nominal_range (&view->shown_to, &unused, &shown_last);
      if (shown_first != BL_DAY_MIN && shown_last != BL_DAY_MAX && shown_first <= shown_last)
        bl_timeline_set_view (self, shown_first, shown_last);
    }
}

/* }}} */
