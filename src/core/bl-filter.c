/* bl-filter.c — what the views show: a time window and criteria
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One BlFilter is shared by the map, the timeline, the claim list and the
 * comparison panel: the timeline sets its window, the search entry its
 * text, the panel its topic, and every view redraws on "changed". It only
 * holds the settings; BlVisibleClaims applies them to a project.
 *
 * The window is a range of days on one clock (said on, or about), or no
 * window at all. In cumulative mode the window's start is ignored: the
 * views show everything up to its end ("what was known then").
 *
 * Grades follow the Admiralty scales, where 1 (A) is best: a minimum
 * reliability of 2 passes sources graded A or B; 0 passes everything,
 * ungraded included.
 */
#include "config.h"

#include "bl-date.h"
#include "bl-filter.h"
#include "bl-util.h"

#define NONE G_MAXUINT32

struct _BlFilter
{
  GObject  parent_instance;

  BlClock  clock;
  gint32   first_day;
  gint32   last_day;
  gboolean cumulative;

  char    *text;
  guint32  topic;
  guint32  actor;
  guint32  source;
  guint    stances;
  guint    min_reliability;
  guint    min_credibility;
  char    *tag;
};

G_DEFINE_FINAL_TYPE (BlFilter, bl_filter, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed (BlFilter       *self,
         BlFilterChange  what)
{
  g_signal_emit (self, signals[CHANGED], 0, what);
}

static void
bl_filter_finalize (GObject *object)
{
  BlFilter *self = (BlFilter *) object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (bl_filter_parent_class)->finalize (object);
}

static void
bl_filter_class_init (BlFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bl_filter_finalize;

  /**
   * BlFilter::changed:
   * @filter: the filter
   * @what: a #BlFilterChange: the window, the criteria, or both
   *
   * Emitted after any setting changed to a different value.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
bl_filter_init (BlFilter *self)
{
  self->first_day = BL_DAY_MIN;
  self->last_day = BL_DAY_MAX;
  self->topic = NONE;
  self->actor = NONE;
  self->source = NONE;
  self->stances = BL_FILTER_ALL_STANCES;
}

BlFilter *
bl_filter_new (void)
{
  return g_object_new (BL_TYPE_FILTER, NULL);
}

/**
 * bl_filter_copy:
 * @self: a filter
 *
 * A new filter with the same window and criteria, that nobody else
 * changes: for a worker thread to read while the shared one goes on
 * changing, or to change without the views seeing it.
 *
 * Returns: (transfer full): the copy
 */
BlFilter *
bl_filter_copy (BlFilter *self)
{
  BlFilter *copy;

  g_return_val_if_fail (BL_IS_FILTER (self), NULL);

  copy = bl_filter_new ();
  copy->clock = self->clock;
  copy->first_day = self->first_day;
  copy->last_day = self->last_day;
  copy->cumulative = self->cumulative;
  copy->text = g_strdup (self->text);
  copy->topic = self->topic;
  copy->actor = self->actor;
  copy->source = self->source;
  copy->stances = self->stances;
  copy->min_reliability = self->min_reliability;
  copy->min_credibility = self->min_credibility;
  copy->tag = g_strdup (self->tag);
  return copy;
}

BlClock
bl_filter_get_clock (BlFilter *self)
{
  g_return_val_if_fail (BL_IS_FILTER (self), BL_CLOCK_SAID);
  return self->clock;
}

void
bl_filter_set_clock (BlFilter *self,
                     BlClock   clock)
{
  g_return_if_fail (BL_IS_FILTER (self));
  g_return_if_fail (clock < BL_N_CLOCKS);

  if (self->clock == clock)
    return;
  self->clock = clock;
  changed (self, BL_FILTER_CHANGE_WINDOW);
}

/**
 * bl_filter_has_window:
 *
 * Returns: %TRUE when the views show only a span of time
 */
gboolean
bl_filter_has_window (BlFilter *self)
{
  g_return_val_if_fail (BL_IS_FILTER (self), FALSE);
  return self->first_day != BL_DAY_MIN || self->last_day != BL_DAY_MAX;
}

void
bl_filter_get_window (BlFilter *self,
                      gint32   *first_day,
                      gint32   *last_day)
{
  g_return_if_fail (BL_IS_FILTER (self));

  if (first_day)
    *first_day = self->first_day;
  if (last_day)
    *last_day = self->last_day;
}

/**
 * bl_filter_set_window:
 * @first_day: the first day shown
 * @last_day: the last day shown, inclusive, not before @first_day
 *
 * Shows only claims whose date on the filter's clock overlaps the window.
 */
void
bl_filter_set_window (BlFilter *self,
                      gint32    first_day,
                      gint32    last_day)
{
  g_return_if_fail (BL_IS_FILTER (self));
  g_return_if_fail (first_day <= last_day);

  if (self->first_day == first_day && self->last_day == last_day)
    return;
  self->first_day = first_day;
  self->last_day = last_day;
  changed (self, BL_FILTER_CHANGE_WINDOW);
}

void
bl_filter_clear_window (BlFilter *self)
{
  bl_filter_set_window (self, BL_DAY_MIN, BL_DAY_MAX);
}

gboolean
bl_filter_get_cumulative (BlFilter *self)
{
  g_return_val_if_fail (BL_IS_FILTER (self), FALSE);
  return self->cumulative;
}

void
bl_filter_set_cumulative (BlFilter *self,
                          gboolean  cumulative)
{
  g_return_if_fail (BL_IS_FILTER (self));

  cumulative = !!cumulative;
  if (self->cumulative == cumulative)
    return;
  self->cumulative = cumulative;
  changed (self, BL_FILTER_CHANGE_WINDOW);
}

/**
 * bl_filter_get_effective_window:
 *
 * The days a claim must overlap to be shown: the window, or in cumulative
 * mode everything up to its end.
 */
void
bl_filter_get_effective_window (BlFilter *self,
                                gint32   *first_day,
                                gint32   *last_day)
{
  g_return_if_fail (BL_IS_FILTER (self));

  if (first_day)
    *first_day = self->cumulative ? BL_DAY_MIN : self->first_day;
  if (last_day)
    *last_day = self->last_day;
}

#define DEFINE_STRING(field)                                            \
  const char *                                                          \
  bl_filter_get_##field (BlFilter *self)                                \
  {                                                                     \
    g_return_val_if_fail (BL_IS_FILTER (self), NULL);                   \
    return self->field;                                                 \
  }                                                                     \
                                                                        \
  void                                                                  \
  bl_filter_set_##field (BlFilter   *self,                              \
                         const char *field)                             \
  {                                                                     \
    g_return_if_fail (BL_IS_FILTER (self));                             \
                                                                        \
    if (field != NULL && *field == '\0')                                \
      field = NULL;                                                     \
    if (bl_set_str (&self->field, field))                               \
      changed (self, BL_FILTER_CHANGE_CRITERIA);                        \
  }

#define DEFINE_NUMBER(field, type, max)                                 \
  type                                                                  \
  bl_filter_get_##field (BlFilter *self)                                \
  {                                                                     \
    g_return_val_if_fail (BL_IS_FILTER (self), 0);                      \
    return self->field;                                                 \
  }                                                                     \
                                                                        \
  void                                                                  \
  bl_filter_set_##field (BlFilter *self,                                \
                         type      field)                               \
  {                                                                     \
    g_return_if_fail (BL_IS_FILTER (self));                             \
    g_return_if_fail (field <= (max));                                  \
                                                                        \
    if (self->field == field)                                           \
      return;                                                           \
    self->field = field;                                                \
    changed (self, BL_FILTER_CHANGE_CRITERIA);                          \
  }

DEFINE_STRING (text)
DEFINE_STRING (tag)
DEFINE_NUMBER (topic, guint32, NONE)
DEFINE_NUMBER (actor, guint32, NONE)
DEFINE_NUMBER (source, guint32, NONE)
DEFINE_NUMBER (stances, guint, BL_FILTER_ALL_STANCES)
DEFINE_NUMBER (min_reliability, guint, 6)
DEFINE_NUMBER (min_credibility, guint, 6)

/**
 * bl_filter_has_criteria:
 *
 * Returns: %TRUE when anything but the window narrows what is shown
 */
gboolean
bl_filter_has_criteria (BlFilter *self)
{
  g_return_val_if_fail (BL_IS_FILTER (self), FALSE);

  return self->text != NULL || self->tag != NULL || self->topic != NONE ||
         self->actor != NONE || self->source != NONE ||
         self->stances != BL_FILTER_ALL_STANCES ||
         self->min_reliability != 0 || self->min_credibility != 0;
}

/**
 * bl_filter_reset:
 *
 * Clears every criterion, keeping the window and the clock.
 */
void
bl_filter_reset (BlFilter *self)
{
  g_return_if_fail (BL_IS_FILTER (self));

  if (!bl_filter_has_criteria (self))
    return;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->tag, g_free);
  self->topic = self->actor = self->source = NONE;
  self->stances = BL_FILTER_ALL_STANCES;
  self->min_reliability = self->min_credibility = 0;
  changed (self, BL_FILTER_CHANGE_CRITERIA);
}
