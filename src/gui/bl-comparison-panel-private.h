/* bl-comparison-panel-private.h — the comparison panel's insides, shared
 * with its side-by-side view and its exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "bl-claim-painter.h"
#include "bl-comparison-chart.h"
#include "bl-comparison-panel.h"
#include "bl-comparison-row-list.h"

G_BEGIN_DECLS

/* The columns of the table, in the order of bl-comparison-panel.ui. */
typedef enum {
  COLUMN_CLAIMANT,
  COLUMN_FIGURE,
  COLUMN_STANCE,
  COLUMN_SAID_ON,
  COLUMN_SOURCE,
  COLUMN_RELIABILITY,
  COLUMN_CREDIBILITY,
  COLUMN_AFFILIATION,
  N_COLUMNS
} Column;

typedef enum {
  EXPORT_CSV,
  EXPORT_MARKDOWN,
  EXPORT_PNG,
  EXPORT_SVG,
} ExportKind;

/* The most columns the side-by-side view checks by itself. */
#define DEFAULT_SIDE_BY_SIDE_COLUMNS 4

struct _BlComparisonPanel
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkWidget            *content;
  GtkDropDown          *topic_dropdown;
  GtkToggleButton      *side_by_side_button;
  GtkMenuButton        *export_button;
  GtkLabel             *summary_label;
  GtkStack             *view_stack;
  GtkSpinner           *building_spinner;
  GtkPaned             *table_paned;
  BlComparisonChart    *chart;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *columns[N_COLUMNS];
  GtkDropDown          *key_dropdown;
  GtkListBox           *choice_list;
  GtkLabel             *side_by_side_hint;
  GtkGrid              *side_by_side_grid;

  /* owned */
  BlVisibleClaims      *visible;
  BlSelection          *selection;
  BlClaimPainter       *painter;
  BlComparison         *comparison;
  BlComparisonRowList  *rows;
  GtkSingleSelection   *row_selection;
  GtkStringList        *reliability_grades;
  GtkStringList        *credibility_grades;
  GtkListItemFactory   *reliability_list_factory;
  GtkListItemFactory   *credibility_list_factory;
  GtkFileChooserNative *chooser;
  GHashTable           *checked[2];     /* BlSideBySideKey → set of index + 1 */
  gboolean              checked_set[2];  /* whether the set holds a choice */
  GArray               *choice_keys;     /* guint32: the rows of choice_list */
  BlSideBySideKey       choice_mode;

  /* state */
  guint32               topic;
  guint                 rebuild_source;
  gint64                last_rebuild;
  gboolean              syncing;
  gboolean              side_by_side_dirty;
  gboolean              stale;           /* changed while hidden: build when shown */
  gboolean              choose_topic;    /* the first topic is chosen when shown */
  GdkFrameClock        *paint_clock;     /* shown: built after its first frame */
  gulong                paint_handler;
  ExportKind            export_kind;
};

BlProject  *bl_comparison_panel_project                 (BlComparisonPanel *self);
void        bl_comparison_panel_show_page               (BlComparisonPanel *self);
char       *bl_comparison_panel_actor_name              (BlProject         *project,
                                                         guint32            index);
char       *bl_comparison_panel_source_name             (BlProject         *project,
                                                         guint32            index);
void        bl_comparison_panel_emit_exported           (BlComparisonPanel *self,
                                                         const char        *path);
void        bl_comparison_panel_emit_edited             (BlComparisonPanel *self,
                                                         const char        *description);
void        bl_comparison_panel_rebuild_at_idle         (BlComparisonPanel *self);

/* bl-comparison-panel-table.c */
GtkStringList      *bl_comparison_panel_grade_list      (gboolean           letters);
GtkListItemFactory *bl_comparison_panel_make_grade_list_factory (gboolean   reliability);
GtkSorter          *bl_comparison_panel_make_sorter     (Column             column);
void        bl_comparison_panel_select_from_selection   (BlComparisonPanel *self);
void        bl_comparison_panel_on_cell_setup           (GtkSignalListItemFactory *factory,
                                                         GtkListItem       *list_item,
                                                         BlComparisonPanel *self);
void        bl_comparison_panel_on_cell_bind            (GtkSignalListItemFactory *factory,
                                                         GtkListItem       *list_item,
                                                         BlComparisonPanel *self);

/* bl-comparison-side-by-side.c */
void        bl_comparison_panel_rebuild_side_by_side    (BlComparisonPanel *self);
void        bl_comparison_panel_on_side_by_side_toggled (GtkToggleButton   *button,
                                                         BlComparisonPanel *self);
void        bl_comparison_panel_on_key_selected         (GtkDropDown       *dropdown,
                                                         GParamSpec        *pspec,
                                                         BlComparisonPanel *self);

/* bl-comparison-panel-export.c */
void        bl_comparison_panel_export_action           (GtkWidget         *widget,
                                                         const char        *action_name,
                                                         GVariant          *parameter);

G_END_DECLS
