/* bl-timeline-private.h — what the timeline's files share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline is split by concern: bl-timeline.c holds the class, its
 * state, properties and playback API; bl-timeline-lanes.c builds, names
 * and collapses the lanes; bl-timeline-view.c holds the view, the window
 * and saved views; bl-timeline-input.c the event controllers and playback;
 * bl-timeline-geometry.c the geometry and hit testing, and
 * bl-timeline-draw.c the snapshot, which must agree with each other.
 */
#pragma once

#include "bl-time-axis.h"
#include "bl-timeline.h"

G_BEGIN_DECLS

/* Geometry, in pixels */
#define BL_TIMELINE_OVERVIEW_HEIGHT   18
#define BL_TIMELINE_AXIS_HEIGHT       38
#define BL_TIMELINE_LANE_HEIGHT       34
#define BL_TIMELINE_COLLAPSED_HEIGHT  16
#define BL_TIMELINE_LABEL_WIDTH      160
#define BL_TIMELINE_HANDLE_WIDTH       8
#define BL_TIMELINE_HANDLE_GRAB        7
#define BL_TIMELINE_FADE_WIDTH        72

/* From this many claims, lanes are rebuilt off the main thread */
#define BL_TIMELINE_ASYNC_LANES_MIN  50000

/* A lane aggregates into counts when more claims than this are in view */
#define BL_TIMELINE_DENSE_CLAIMS     600

/* Inside a lane, in pixels: a count's column, the first row of bars, a
 * bar's height and a point's size */
#define BL_TIMELINE_BIN_PX             3
#define BL_TIMELINE_ROW_TOP          8.0
#define BL_TIMELINE_BAR_HEIGHT       5.0
#define BL_TIMELINE_DOT_SIZE         8.0

typedef enum {
  BL_TIMELINE_HIT_NONE,
  BL_TIMELINE_HIT_OVERVIEW,
  BL_TIMELINE_HIT_LANE_HEADER,
  BL_TIMELINE_HIT_HANDLE_START,
  BL_TIMELINE_HIT_HANDLE_END,
  BL_TIMELINE_HIT_WINDOW,
  BL_TIMELINE_HIT_BACKGROUND,
  BL_TIMELINE_HIT_NEW_WINDOW,   /* Shift+drag draws a new window */
} BlTimelineHit;

/* A claim's drawn extent, in days along time: [x0, x1) overall, solid
 * over [c0, c1); outside the core the ends are uncertain (a gradient) or
 * open (a fade). */
typedef struct {
  double   x0, x1;
  double   c0, c1;
  gboolean point;
  gboolean open_start;
  gboolean open_end;
} BlTimelineShape;

typedef enum {
  BL_TIMELINE_COLOR_FG,
  BL_TIMELINE_COLOR_ACCENT,
  BL_TIMELINE_COLOR_ACCENT_FG,
  BL_TIMELINE_COLOR_DENIES,
  BL_TIMELINE_COLOR_QUALIFIES,
  BL_TIMELINE_COLOR_VIEW_BG,
  BL_N_TIMELINE_COLORS
} BlTimelineColor;

struct _BlTimeline
{
  GtkWidget         parent_instance;

  /* owned references to shared objects */
  BlVisibleClaims  *visible;
  BlFilter         *filter;
  BlSelection      *selection;

  /* lanes, rebuilt lazily when the claims, criteria, clock or grouping
   * change: on a worker thread from async_lanes_min claims, the old lanes
   * drawn meanwhile, unless the claims themselves changed */
  BlTimeLanes      *lanes;
  gboolean          lanes_dirty;
  gboolean          lanes_store_changed;
  BlClock           lanes_clock;     /* what the lanes were built with */
  BlTimeLanesGroup  lanes_group;
  BlTimeLanesGroup  group;           /* what they should be */
  GCancellable     *lanes_building;  /* the build in flight, or NULL */
  BlClock           building_clock;
  guint             async_lanes_min;
  GHashTable       *collapsed;       /* key + 1 → present */

  /* the view */
  BlTimeAxis        axis;            /* over the plot's width */
  gboolean          view_valid;      /* FALSE until first fitted */
  double            lane_scroll;     /* pixels of lanes scrolled off the top */

  /* input */
  BlTimelineHit     drag_hit;
  double            drag_x;
  double            drag_y;
  double            drag_axis_start;
  double            drag_lane_scroll;
  double            pointer_x;
  gint32            drag_first;
  gint32            drag_last;
  double            zoom_scale;      /* pinch: the last scale seen */
  guint32           selected;        /* claim number, or BL_NO_INDEX */

  /* playback */
  guint             tick_id;
  gint64            last_frame_time;
  double            play_days;       /* fractional days not yet moved */
  double            speed;           /* days per second */
  gboolean          loop;

  /* style */
  GdkRGBA           colors[BL_N_TIMELINE_COLORS];
  PangoFontDescription *small_font;
  PangoFontDescription *bold_font;
};

/* bl-timeline.c */
BlClaimStore *bl_timeline_get_store          (BlTimeline        *self);
char         *bl_timeline_format_day         (gint32             day);
void          bl_timeline_update_accessible  (BlTimeline        *self);

/* bl-timeline-lanes.c */
void          bl_timeline_invalidate_lanes   (BlTimeline        *self,
                                              gboolean           store_changed);
void          bl_timeline_ensure_lanes       (BlTimeline        *self);
gboolean      bl_timeline_is_lane_collapsed  (BlTimeline        *self,
                                              const BlTimeLane  *lane);
const char   *bl_timeline_get_lane_name      (BlTimeline        *self,
                                              const BlTimeLane  *lane);

/* bl-timeline-view.c */
void          bl_timeline_fit_view           (BlTimeline        *self);
void          bl_timeline_clamp_lane_scroll  (BlTimeline        *self);
void          bl_timeline_reveal_selected    (BlTimeline        *self);
void          bl_timeline_apply_window       (BlTimeline        *self,
                                              gint32             first_day,
                                              gint32             last_day,
                                              gboolean           reveal);
void          bl_timeline_zoom_around        (BlTimeline        *self,
                                              double             factor,
                                              double             x);
gboolean      bl_timeline_get_shown_window   (BlTimeline        *self,
                                              gint32            *first_day,
                                              gint32            *last_day);

/* bl-timeline-input.c */
void          bl_timeline_init_input         (BlTimeline        *self);
gboolean      bl_timeline_tick_cb            (GtkWidget         *widget,
                                              GdkFrameClock     *clock,
                                              gpointer           user_data);

/* bl-timeline-geometry.c */
void          bl_timeline_get_plot           (BlTimeline        *self,
                                              double            *x,
                                              double            *width);
double        bl_timeline_lanes_top          (BlTimeline        *self);
double        bl_timeline_lane_height        (BlTimeline        *self,
                                              const BlTimeLane  *lane);
double        bl_timeline_get_lanes_height   (BlTimeline        *self);
double        bl_timeline_day_x              (BlTimeline        *self,
                                              double             plot_x,
                                              double             day);
void          bl_timeline_view_days          (BlTimeline        *self,
                                              double             margin_px,
                                              gint32            *first,
                                              gint32            *last);
void          bl_timeline_claim_shape        (const BlDate      *date,
                                              BlTimelineShape   *s);
void          bl_timeline_shape_pixels       (BlTimeline        *self,
                                              const BlTimelineShape *s,
                                              double             plot_x,
                                              double            *left,
                                              double            *right);
double        bl_timeline_row_center         (double             lane_top,
                                              guint              row);
gboolean      bl_timeline_lane_is_dense      (BlTimeline        *self,
                                              const BlTimeLane  *lane);
BlTimelineHit bl_timeline_hit_test           (BlTimeline        *self,
                                              double             x,
                                              double             y,
                                              guint             *lane);
gboolean      bl_timeline_pick_claim         (BlTimeline        *self,
                                              double             x,
                                              double             y,
                                              guint32           *claim,
                                              guint             *n_here,
                                              gint32            *bin_first,
                                              gint32            *bin_last);
void          bl_timeline_get_claim_extent   (BlTimeline        *self,
                                              guint32            claim,
                                              gint32            *first_day,
                                              gint32            *last_day);

/* bl-timeline-draw.c */
void          bl_timeline_snapshot_all       (BlTimeline        *self,
                                              GtkSnapshot       *snapshot);

G_END_DECLS
