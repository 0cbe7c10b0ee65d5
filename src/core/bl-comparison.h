/* bl-comparison.h — who says what about a question: the comparison analysis
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A BlComparison is a snapshot of what the comparison panel shows for one or
 * more topics: every claim on them that the filter lets through, as a row
 * with its figure as a range, grouped by claimant and by source, with the
 * spread of the figures, their overlap, outliers, denials set against what
 * they deny, and the independent origins behind the reports. It is computed
 * once in bl_comparison_new() and does not follow later changes of the
 * project: the panel builds a new one when the project or the filter
 * changes. It draws nothing and knows no GTK (see bl-comparison-export.h).
 *
 * # Topics
 *
 * A comparison covers a *set* of topics; the first is the primary topic.
 * The sample's question "ISIS fighters in Afghanistan" has a sub-question
 * "ISIS-K near the Tajik border" with the same unit, and the analyst wants
 * the CSTO's 6,500 and 4,000 on one axis. bl_comparison_get_related_topics()
 * gives the usual set: a topic and every other topic with the same unit
 * (case-insensitive). Each row keeps its topic; the spread, the common
 * range, the consensus and outliers are computed *per topic*
 * (bl_comparison_get_stats() with a topic slot), because a figure for a
 * part (4,000 near the border) is not an outlier of the whole (6,500), and
 * also over all rows together (%BL_COMPARISON_ALL_TOPICS) for the summary.
 *
 * # Filter
 *
 * With a #BlVisibleClaims, a claim is a row only when it is visible. Its
 * filter's topic criterion, if any, is replaced by the comparison's set of
 * topics (otherwise related topics would always be filtered out); every
 * other criterion and the time window apply.
 *
 * # Figures
 *
 * A row has a figure when its claim has a quantity whose effective range
 * (bl_quantity_get_range()) is valid: @min–@max, @max INFINITY for "at
 * least 6,000" (drawn and written as open). Only *asserting* rows with a
 * figure ("figures") enter the spread, overlaps and outliers.
 *
 * - *estimates*: the lowest and highest figure *stated* (the quantity's
 *   value: 6,500; 4,000; the 6,000 of "at least 6,000"); when no figure
 *   states a value, the bounds of the ranges.
 * - *spread*: the lowest minimum to the highest finite bound (maxima, and
 *   the minima of open ranges); @spread_open when a range is open.
 * - *common range*: the intersection of all figures (empty or not).
 * - *consensus*: the largest set of figures that share one value: the
 *   point where most ranges overlap (the lowest such point), and the
 *   intersection of the ranges that contain it.
 * - *outliers*: with at least three figures on a topic, when the consensus
 *   holds more than half of them, every figure whose range shares no value
 *   with the consensus range is an outlier. With fewer figures, or no
 *   majority, nothing is an outlier.
 *
 * # Denials and qualifications
 *
 * A row with a `denies` relation is set against each row it names (in
 * @against; the named row lists it in @countered_by). A denying row with no
 * `denies` relation at all is set against every asserting row on its own
 * topic. A qualifying row is set against the rows it has a `cites` or
 * `denies` relation to, or, with no relation at all, every asserting row
 * on its topic. Relations to claims that are not rows (another topic,
 * filtered out) are not shown.
 *
 * # Origins (circular reporting)
 *
 * Rows are joined into origin groups with union-find; the number of groups
 * is the number of independent origins. Two rows share an origin when:
 *
 * 1. *citation*: one cites the other, directly or through a chain of
 *    `cites` relations (the chain may pass through claims that are not
 *    rows, and two rows citing the same claim share its origin);
 * 2. *republication*: they report the same claimant, with equal said-on
 *    dates, from different sources whose origin chains (a source's
 *    `origin` is the source it republishes, followed to the end) end at
 *    the same root source;
 * 3. *one event*: the same claimant said both on the same day (said-on of
 *    day precision, not circa, not an interval), on any compared topic:
 *    one press conference, however many outlets reported it.
 *
 * `corroborates` and `denies` relations do not join origins: they are
 * what independent origins do to each other. Each group lists its rows and
 * the links (a spanning set: one fewer than its rows) that joined them,
 * with their rule, so the analyst can see why the count is what it is
 * (bl_comparison_format_origin()). @n_source_chains is the number of
 * distinct root sources behind all rows: claims by different claimants
 * that all reached the project through one outlet's reporting.
 */
#pragma once

#include <gio/gio.h>

#include "bl-project.h"
#include "bl-visible-claims.h"

G_BEGIN_DECLS

/** BL_COMPARISON_ALL_TOPICS: the topic slot of the statistics over every row */
#define BL_COMPARISON_ALL_TOPICS G_MAXUINT

/**
 * BlComparisonRowFlags:
 * @BL_COMPARISON_ROW_FIGURE: the row has a valid range (@min, @max)
 * @BL_COMPARISON_ROW_VALUE: the quantity states a value (@value)
 * @BL_COMPARISON_ROW_OPEN: the range has no upper bound ("at least")
 * @BL_COMPARISON_ROW_OUTLIER: an outlier on its topic (see above)
 * @BL_COMPARISON_ROW_UNIT_DIFFERS: the quantity's unit is not the topic's
 *   ("terrorists" for a topic counted in "fighters"): compare with care
 * @BL_COMPARISON_ROW_EXPLICIT_RANGE: the analyst set the range
 */
typedef enum {
  BL_COMPARISON_ROW_FIGURE         = 1 << 0,
  BL_COMPARISON_ROW_VALUE          = 1 << 1,
  BL_COMPARISON_ROW_OPEN           = 1 << 2,
  BL_COMPARISON_ROW_OUTLIER        = 1 << 3,
  BL_COMPARISON_ROW_UNIT_DIFFERS   = 1 << 4,
  BL_COMPARISON_ROW_EXPLICIT_RANGE = 1 << 5,
} BlComparisonRowFlags;

/**
 * BlComparisonRow:
 * @claim: the claim's index in the project's store
 * @topic: the claim's topic (project index)
 * @topic_slot: the position of @topic in the comparison's topics
 * @actor: the claimant, or %BL_NO_INDEX
 * @source: the source, or %BL_NO_INDEX
 * @root_source: the end of @source's origin chain, or %BL_NO_INDEX
 * @said_on: when it was said
 * @stance: a #BlStance
 * @flags: #BlComparisonRowFlags
 * @value: the figure stated, or NAN
 * @min: the lower bound of the effective range, or NAN without a figure
 * @max: the upper bound, INFINITY when open, NAN without a figure
 * @credibility: Admiralty 1–6, 0 when not graded
 * @source_reliability: Admiralty A–F as 1–6 (of the source), 0 when not graded
 * @actor_reliability: the same, of the claimant
 * @origin: the index of its origin group
 * @against: the rows this one denies or qualifies
 * @countered_by: the rows that deny or qualify this one
 * @corroborates: the rows this one has a `corroborates` relation to
 *
 * One claim in a comparison. Rows are ordered by topic slot, then said-on
 * date, then claim index. Row lists are ascending row numbers.
 */
typedef struct {
  guint32   claim;
  guint32   topic;
  guint     topic_slot;
  guint32   actor;
  guint32   source;
  guint32   root_source;
  BlDate    said_on;
  BlStance  stance;
  guint     flags;
  double    value;
  double    min;
  double    max;
  guint     credibility;
  guint     source_reliability;
  guint     actor_reliability;
  guint     origin;
  guint    *against;
  guint     n_against;
  guint    *countered_by;
  guint     n_countered_by;
  guint    *corroborates;
  guint     n_corroborates;
} BlComparisonRow;

/**
 * BlComparisonGroup:
 * @key: the actor or source index, or %BL_NO_INDEX for rows without one
 * @rows: the rows, ascending
 * @n_rows: how many
 * @n_figures: asserting rows with a figure
 * @n_denials: denying rows
 * @min: the lowest bound of its figures, or NAN
 * @max: the highest finite bound of its figures, or NAN
 * @open: one of its figures is open
 *
 * The rows of one claimant or one source.
 */
typedef struct {
  guint32  key;
  guint   *rows;
  guint    n_rows;
  guint    n_figures;
  guint    n_denials;
  double   min;
  double   max;
  gboolean open;
} BlComparisonGroup;

/**
 * BlOriginRule:
 * @BL_ORIGIN_RULE_CITATION: one claim cites the other (maybe through others)
 * @BL_ORIGIN_RULE_REPUBLICATION: the same claimant's statement, reported by
 *   sources with the same root origin
 * @BL_ORIGIN_RULE_SAME_EVENT: the same claimant on the same day
 *
 * Why two rows share an origin; see the top of this file.
 */
typedef enum {
  BL_ORIGIN_RULE_CITATION,
  BL_ORIGIN_RULE_REPUBLICATION,
  BL_ORIGIN_RULE_SAME_EVENT,
} BlOriginRule;

/**
 * BlOriginLink:
 * @row_a: a row
 * @row_b: another row, in the same group
 * @rule: why they share an origin
 */
typedef struct {
  guint        row_a;
  guint        row_b;
  BlOriginRule rule;
} BlOriginLink;

/**
 * BlComparisonOrigin:
 * @rows: the rows, ascending
 * @n_rows: how many
 * @links: @n_rows − 1 links that joined them
 * @n_links: how many
 *
 * One independent origin: the rows that go back to it and why.
 */
typedef struct {
  guint        *rows;
  guint         n_rows;
  BlOriginLink *links;
  guint         n_links;
} BlComparisonOrigin;

/**
 * BlComparisonStats:
 * @n_rows: rows
 * @n_claimants: distinct claimants
 * @n_figures: asserting rows with a figure
 * @n_denials: denying rows
 * @n_qualifications: qualifying rows
 * @n_outliers: outlier rows
 * @n_origins: independent origins (groups with a row here)
 * @n_source_chains: distinct root sources
 * @estimate_min: the lowest stated figure, or NAN
 * @estimate_max: the highest stated figure, or NAN
 * @spread_min: the lowest bound, or NAN
 * @spread_max: the highest finite bound, or NAN
 * @spread_open: a range is open above
 * @common_empty: the figures share no value (or there are none)
 * @common_min: the intersection's lower bound, or NAN
 * @common_max: its upper bound (INFINITY when open), or NAN
 * @n_consensus: figures in the consensus
 * @consensus_min: the consensus range's lower bound, or NAN
 * @consensus_max: its upper bound, or NAN
 *
 * The numbers of one topic, or of all rows. See the top of this file.
 */
typedef struct {
  guint    n_rows;
  guint    n_claimants;
  guint    n_figures;
  guint    n_denials;
  guint    n_qualifications;
  guint    n_outliers;
  guint    n_origins;
  guint    n_source_chains;
  double   estimate_min;
  double   estimate_max;
  double   spread_min;
  double   spread_max;
  gboolean spread_open;
  gboolean common_empty;
  double   common_min;
  double   common_max;
  guint    n_consensus;
  double   consensus_min;
  double   consensus_max;
} BlComparisonStats;

/**
 * BlComparisonMark:
 * @BL_COMPARISON_MARK_NONE: nothing to compare (no claim, or no figure and
 *   no relation)
 * @BL_COMPARISON_MARK_AGREES: figures overlap, or a claim corroborates another
 * @BL_COMPARISON_MARK_CONTRADICTS: figures are disjoint, or a claim denies
 *   or qualifies another
 *
 * How a cell of the side-by-side view stands to the other columns.
 * Contradiction wins over agreement.
 */
typedef enum {
  BL_COMPARISON_MARK_NONE,
  BL_COMPARISON_MARK_AGREES,
  BL_COMPARISON_MARK_CONTRADICTS,
} BlComparisonMark;

/**
 * BlSideBySideKey:
 * @BL_SIDE_BY_SIDE_CLAIMANTS: columns are claimants (actor indices)
 * @BL_SIDE_BY_SIDE_SOURCES: columns are sources (source indices)
 */
typedef enum {
  BL_SIDE_BY_SIDE_CLAIMANTS,
  BL_SIDE_BY_SIDE_SOURCES,
} BlSideBySideKey;

typedef struct _BlSideBySide BlSideBySide;

#define BL_TYPE_COMPARISON (bl_comparison_get_type ())
G_DECLARE_FINAL_TYPE (BlComparison, bl_comparison, BL, COMPARISON, GObject)

BlComparison  *bl_comparison_new                 (BlProject        *project,
                                                  const guint32    *topics,
                                                  guint             n_topics,
                                                  BlVisibleClaims  *visible);
guint32       *bl_comparison_get_related_topics  (BlProject        *project,
                                                  guint32           topic,
                                                  guint            *n_topics);
gboolean       bl_comparison_topic_has_figures   (BlProject        *project,
                                                  guint32           topic);

BlProject     *bl_comparison_get_project         (BlComparison     *self);
const guint32 *bl_comparison_get_topics          (BlComparison     *self,
                                                  guint            *n_topics);
char          *bl_comparison_get_title           (BlComparison     *self);

guint          bl_comparison_get_n_rows          (BlComparison     *self);
const BlComparisonRow *bl_comparison_get_row     (BlComparison     *self,
                                                  guint             row);
guint          bl_comparison_find_row            (BlComparison     *self,
                                                  guint32           claim);
gboolean       bl_comparison_rows_overlap        (BlComparison     *self,
                                                  guint             row_a,
                                                  guint             row_b);

const BlComparisonGroup *bl_comparison_get_claimants (BlComparison *self,
                                                      guint        *n_groups);
const BlComparisonGroup *bl_comparison_get_sources   (BlComparison *self,
                                                      guint        *n_groups);

guint          bl_comparison_get_n_origins       (BlComparison     *self);
const BlComparisonOrigin *bl_comparison_get_origin (BlComparison   *self,
                                                    guint           origin);
char          *bl_comparison_format_origin       (BlComparison     *self,
                                                  guint             origin);

const BlComparisonStats *bl_comparison_get_stats (BlComparison     *self,
                                                  guint             topic_slot);
char          *bl_comparison_format_summary      (BlComparison     *self);
char          *bl_comparison_format_range        (BlComparison     *self,
                                                  guint             row);
char          *bl_comparison_format_claimant     (BlComparison     *self,
                                                  guint             row);

BlSideBySide  *bl_comparison_side_by_side        (BlComparison     *self,
                                                  BlSideBySideKey   key,
                                                  const guint32    *columns,
                                                  guint             n_columns);

void           bl_side_by_side_free              (BlSideBySide     *sbs);
guint          bl_side_by_side_get_n_columns     (BlSideBySide     *sbs);
guint32        bl_side_by_side_get_column        (BlSideBySide     *sbs,
                                                  guint             column);
guint          bl_side_by_side_get_n_lines       (BlSideBySide     *sbs);
guint          bl_side_by_side_get_line_topic_slot (BlSideBySide   *sbs,
                                                    guint           line);
const guint   *bl_side_by_side_get_cell          (BlSideBySide     *sbs,
                                                  guint             line,
                                                  guint             column,
                                                  guint            *n_rows);
BlComparisonMark bl_side_by_side_get_cell_mark   (BlSideBySide     *sbs,
                                                  guint             line,
                                                  guint             column);
BlComparisonMark bl_side_by_side_get_line_mark   (BlSideBySide     *sbs,
                                                  guint             line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlSideBySide, bl_side_by_side_free)

G_END_DECLS
