/* bl-timeline-lanes.c — the timeline's lanes: built, named, collapsed
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The lanes come from core (bl-time-lanes.c) and are rebuilt lazily when
 * the claims, the criteria, the clock or the grouping change: from
 * #BlTimeline.async_lanes_min claims on a worker thread, with the old
 * lanes drawn meanwhile. Here too: a lane's name, and which lanes are
 * collapsed into a thin strip of counts.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-timeline-private.h"

/* Building {{{ */

/* The lanes no longer match; a build in flight is for what was. */
void
bl_timeline_invalidate_lanes (BlTimeline *self,
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
  bl_timeline_update_accessible (self);
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

/* }}} */

/* Names and collapsed lanes {{{ */

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

/* }}} */
