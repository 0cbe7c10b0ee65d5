/* bl-project.h — a Borderline project: claims with their provenance
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bl-actor.h"
#include "bl-claim-store.h"
#include "bl-source.h"
#include "bl-topic.h"

G_BEGIN_DECLS

typedef enum {
  BL_ANNOTATION_TEXT,
  BL_ANNOTATION_ARROW,
  BL_ANNOTATION_CIRCLE,
  BL_ANNOTATION_AREA,
  BL_N_ANNOTATION_KINDS
} BlAnnotationKind;

/**
 * BlAnnotation:
 * @kind: what is drawn
 * @text: the label or callout text, or %NULL
 * @points: lon/lat pairs: one point for text, two for an arrow (tail, head)
 *   or a circle (centre, a point on the rim), three or more for an area
 * @n_points: the number of pairs in @points
 * @color: a colour as "#rrggbb"
 * @size: the text size or line width in points
 *
 * Something an analyst drew on the map for export.
 */
typedef struct {
  char             *id;
  BlAnnotationKind  kind;
  char             *text;
  double           *points;
  guint             n_points;
  char             *color;
  double            size;
} BlAnnotation;

/* A view with no lane grouping saved */
#define BL_VIEW_NO_LANES (-1)

/**
 * BlView:
 * @name: what the user called it
 * @west: the map extent in degrees, or NAN (with @south, @east, @north)
 * @from: the start of the time window, or unknown
 * @to: the end of the time window, or unknown
 * @clock: which of a claim's dates the window applies to
 * @cumulative: whether the window shows everything up to its end
 * @lanes: a #BlTimeLanesGroup, or %BL_VIEW_NO_LANES
 * @shown_from: the first day the timeline shows, or unknown
 * @shown_to: the last day the timeline shows, or unknown
 * @topic: the id of the only topic shown, or %NULL
 * @text: the free-text filter, or %NULL
 * @is_default: whether opening the project restores this view
 *
 * A saved map extent, time window and filter, and how the timeline
 * showed them. Any field may be unset: a NAN bbox, an unknown date,
 * a %NULL topic or text. Start from bl_view_new().
 */
typedef struct {
  char    *name;
  double   west, south, east, north;
  BlDate   from;
  BlDate   to;
  BlClock  clock;
  gboolean cumulative;
  int      lanes;
  BlDate   shown_from;
  BlDate   shown_to;
  char    *topic;
  char    *text;
  gboolean is_default;
} BlView;

void          bl_annotation_free         (BlAnnotation *annotation);
BlView       *bl_view_new                (const char   *name);
BlView       *bl_view_copy               (const BlView *view);
gboolean      bl_view_equal              (const BlView *a,
                                          const BlView *b);
void          bl_view_free               (BlView       *view);
BlView       *bl_view_copy               (const BlView *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlView, bl_view_free)

#define BL_PROJECT_FORMAT_VERSION 1

#define BL_TYPE_PROJECT (bl_project_get_type ())
G_DECLARE_FINAL_TYPE (BlProject, bl_project, BL, PROJECT, GObject)

BlProject    *bl_project_new             (void);
BlProject    *bl_project_snapshot        (BlProject    *self);

const char   *bl_project_get_title       (BlProject    *self);
void          bl_project_set_title       (BlProject    *self,
                                          const char   *title);
const char   *bl_project_get_description (BlProject    *self);
void          bl_project_set_description (BlProject    *self,
                                          const char   *description);

GListModel   *bl_project_get_actors      (BlProject    *self);
GListModel   *bl_project_get_sources     (BlProject    *self);
GListModel   *bl_project_get_topics      (BlProject    *self);
BlClaimStore *bl_project_get_claims      (BlProject    *self);
GPtrArray    *bl_project_get_annotations (BlProject    *self);
GPtrArray    *bl_project_get_views       (BlProject    *self);

guint         bl_project_add_actor       (BlProject    *self,
                                          BlActor      *actor);
guint         bl_project_add_source      (BlProject    *self,
                                          BlSource     *source);
guint         bl_project_add_topic       (BlProject    *self,
                                          BlTopic      *topic);
BlActor      *bl_project_get_actor       (BlProject    *self,
                                          guint         index);
BlSource     *bl_project_get_source      (BlProject    *self,
                                          guint         index);
BlTopic      *bl_project_get_topic       (BlProject    *self,
                                          guint         index);
guint         bl_project_find_actor      (BlProject    *self,
                                          const char   *id);
guint         bl_project_find_source     (BlProject    *self,
                                          const char   *id);
guint         bl_project_find_topic      (BlProject    *self,
                                          const char   *id);

GListModel   *bl_project_get_entities    (BlProject    *self,
                                          BlEntityKind  kind);
guint         bl_project_count_entity_uses (BlProject  *self,
                                          BlEntityKind  kind,
                                          guint         index);
GObject      *bl_project_remove_entity_at (BlProject   *self,
                                          BlEntityKind  kind,
                                          guint         index);
gboolean      bl_project_insert_entity_at (BlProject   *self,
                                          BlEntityKind  kind,
                                          guint         index,
                                          GObject      *entity);

G_END_DECLS
