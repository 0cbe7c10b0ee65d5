/* bl-comparison-panel.c — who says what about a topic, in the side panel
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlComparisonPanel puts the claims about one question side by side: a
 * topic chooser, a summary line, the chart of the figures on one axis
 * (BlComparisonChart, the same drawing as the exports), and a sortable
 * table of the claims with their Admiralty grades, which can be changed
 * there. A second view sets chosen claimants or sources in columns with
 * agreements and contradictions marked (bl-comparison-side-by-side.c). The
 * menu exports the table (CSV, Markdown) and the chart (PNG, SVG)
 * (bl-comparison-panel-export.c). The table's sorting, cells and grade
 * choosers are in bl-comparison-panel-table.c.
 *
 * The analysis is core's: the panel builds a #BlComparison of the chosen
 * topic and its related topics (bl_comparison_get_related_topics()) over
 * the shared #BlVisibleClaims, and builds a new one when they change, at
 * most every %BL_COMPARISON_PANEL_REBUILD_INTERVAL ms, so that dragging
 * the timeline stays smooth. Hidden, it holds no comparison and builds
 * one when it is shown. It follows and sets the shared #BlSelection.
 *
 * Editing a grade changes the project directly (the source's reliability,
 * the claim's credibility) and emits #BlComparisonPanel::edited; undo is
 * the window's business. Export errors are shown in an #AdwMessageDialog
 * over the window; a finished export emits #BlComparisonPanel::exported
 * for the window to show a toast.
 *
 * Names, statements and every other text from the project are set as
 * plain text, never as markup.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bl-claim-painter.h"
#include "bl-comparison-chart.h"
#include "bl-comparison-command.h"
#include "bl-comparison-export.h"
#include "bl-comparison-panel.h"
#include "bl-comparison-panel-private.h"
#include "bl-comparison-row-item.h"
#include "bl-vocab.h"
#include "bl-widget-util.h"

static void rebuild (BlComparisonPanel *self);
static void on_topic_selected (GtkDropDown *dropdown, GParamSpec *pspec, BlComparisonPanel *self);
static void on_rebuild_timeout (gpointer user_data);
static void disconnect_visible (BlComparisonPanel *self);
static void stop_waiting_for_paint (BlComparisonPanel *self);

G_DEFINE_FINAL_TYPE (BlComparisonPanel, bl_comparison_panel, GTK_TYPE_WIDGET)

enum {
  SIGNAL_EDITED,
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
bl_comparison_panel_emit_exported (BlComparisonPanel *self,
                                   const char        *path)
{
  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, path);
}

void
bl_comparison_panel_emit_edited (BlComparisonPanel *self,
                                 const char        *description)
{
  g_signal_emit (self, signals[SIGNAL_EDITED], 0, description);
}

/* Helpers: the project */

BlProject *
bl_comparison_panel_project (BlComparisonPanel *self)
{
  return self->visible ? bl_visible_claims_get_project (self->visible) : NULL;
}

char *
bl_comparison_panel_actor_name (BlProject *project,
                                guint32    index)
{
  BlActor *actor;

  if (index == BL_NO_INDEX)
    return g_strdup (_("Unknown claimant"));
  actor = bl_project_get_actor (project, index);
  return g_strdup (bl_actor_get_name (actor) ? bl_actor_get_name (actor) : bl_actor_get_id (actor));
}

char *
bl_comparison_panel_source_name (BlProject *project,
                                 guint32    index)
{
  BlSource *source;

  if (index == BL_NO_INDEX)
    return g_strdup (_("Unknown source"));
  source = bl_project_get_source (project, index);
  return g_strdup (bl_source_get_name (source) ? bl_source_get_name (source) : bl_source_get_id (source));
}

/* Callbacks: selection */

static void
on_row_selected (GtkSingleSelection *selection,
                 GParamSpec         *pspec,
                 BlComparisonPanel  *self)
{
  BlComparisonRowItem *item = gtk_single_selection_get_selected_item (selection);

  if (self->syncing || item == NULL || self->selection == NULL)
    return;

  self->syncing = TRUE;
  bl_selection_set_claim_id (self->selection, bl_comparison_row_item_get_claim_id (item));
  self->syncing = FALSE;
}

static void
on_selection_changed (BlSelection       *selection,
                      GParamSpec        *pspec,
                      BlComparisonPanel *self)
{
  if (!self->syncing)
    bl_comparison_panel_select_from_selection (self);
}

/* Rebuilding */

static void
on_rebuild_timeout (gpointer user_data)
{
  BlComparisonPanel *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);
}

static gboolean
on_rebuild_idle (gpointer user_data)
{
  on_rebuild_timeout (user_data);
  return G_SOURCE_REMOVE;
}

/* A rebuild when the main loop is idle at @priority, whatever the
 * interval, in place of any rebuild already scheduled. */
static void
rebuild_when_idle (BlComparisonPanel *self,
                   int                priority)
{
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->rebuild_source = g_idle_add_full (priority, on_rebuild_idle, self, NULL);
}

/* A rebuild at the next idle: a grade changed that nothing else watches. */
void
bl_comparison_panel_rebuild_at_idle (BlComparisonPanel *self)
{
  rebuild_when_idle (self, G_PRIORITY_DEFAULT_IDLE);
}

/* At most one rebuild every BL_COMPARISON_PANEL_REBUILD_INTERVAL ms. */
static void
schedule_rebuild (BlComparisonPanel *self)
{
  gint64 since = (g_get_monotonic_time () - self->last_rebuild) / 1000;
  guint delay;

  if (self->rebuild_source != 0)
    return;

  delay = since >= BL_COMPARISON_PANEL_REBUILD_INTERVAL ? 0 : BL_COMPARISON_PANEL_REBUILD_INTERVAL - since;
  if (delay == 0)
    self->rebuild_source = g_idle_add_once (on_rebuild_timeout, self);
  else
    self->rebuild_source = g_timeout_add_once (delay, on_rebuild_timeout, self);
}

static void
on_visible_changed (BlVisibleClaims   *visible,
                    BlComparisonPanel *self)
{
  if (self->stale && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;   /* built when shown */
  schedule_rebuild (self);
}

static void
claimant_color (guint32   actor,
                GdkRGBA  *color,
                gpointer  user_data)
{
  BlComparisonPanel *self = user_data;

  if (self->chart != NULL)
    bl_comparison_chart_get_claimant_color (self->chart, actor, color);
}

/* The table's rows: made as the table shows them (bl-comparison-row-list.c). */
static void
fill_rows (BlComparisonPanel *self)
{
  self->syncing = TRUE;
  bl_comparison_row_list_set_comparison (self->rows, self->comparison);
  self->syncing = FALSE;

  bl_comparison_panel_select_from_selection (self);
}

static void
update_actions (BlComparisonPanel *self)
{
  gboolean enabled = self->comparison != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.export-csv", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.export-markdown", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.export-png", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "comparison.export-svg", enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->side_by_side_button), enabled);
}

void
bl_comparison_panel_show_page (BlComparisonPanel *self)
{
  const char *page = "empty";

  if (self->comparison != NULL)
    page = gtk_toggle_button_get_active (self->side_by_side_button) ? "side-by-side" : "table";
  else if (self->stale && bl_comparison_panel_project (self) != NULL)
    page = "building";
  gtk_spinner_set_spinning (self->building_spinner, g_str_equal (page, "building"));
  gtk_stack_set_visible_child_name (self->view_stack, page);
}

/* The topic shown first: the filter's, or the first with figures to
 * compare, or the first. */
static guint32
initial_topic (BlComparisonPanel *self)
{
  BlProject *project = bl_comparison_panel_project (self);
  BlFilter *filter = bl_visible_claims_get_filter (self->visible);
  guint n_topics = g_list_model_get_n_items (bl_project_get_topics (project));

  if (bl_filter_get_topic (filter) < n_topics)
    return bl_filter_get_topic (filter);

  for (guint t = 0; t < n_topics; t++)
    if (bl_comparison_topic_has_figures (project, t))
      return t;

  return n_topics > 0 ? 0 : BL_NO_INDEX;
}

/* Chosen when the panel is first shown: finding the first topic with
 * figures builds comparisons, which a hidden panel does not. */
static void
choose_initial_topic (BlComparisonPanel *self)
{
  self->choose_topic = FALSE;
  self->topic = initial_topic (self);

  g_signal_handlers_block_by_func (self->topic_dropdown, on_topic_selected, self);
  gtk_drop_down_set_selected (self->topic_dropdown, self->topic == BL_NO_INDEX ? GTK_INVALID_LIST_POSITION
                                                                               : self->topic);
  g_signal_handlers_unblock_by_func (self->topic_dropdown, on_topic_selected, self);
}

/* Hidden behind the Claims tab, as when a project opens, the panel builds
 * nothing and lets go of what it had: with a million claims a comparison
 * is tens of MB and a second or two, for a table nobody sees. It is built
 * when the panel is shown (bl_comparison_panel_map()). */
static void
drop_while_hidden (BlComparisonPanel *self)
{
  self->stale = TRUE;
  g_clear_object (&self->comparison);
  bl_comparison_chart_set_comparison (self->chart, NULL);
  gtk_label_set_text (self->summary_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);

  self->syncing = TRUE;
  bl_comparison_row_list_set_comparison (self->rows, NULL);
  self->syncing = FALSE;

  update_actions (self);
  bl_comparison_panel_show_page (self);
  self->side_by_side_dirty = TRUE;
}

static void
rebuild (BlComparisonPanel *self)
{
  BlProject *project = bl_comparison_panel_project (self);
  g_autoptr(BlComparison) comparison = NULL;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->last_rebuild = g_get_monotonic_time ();

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      drop_while_hidden (self);
      return;
    }
  self->stale = FALSE;
  if (self->choose_topic)
    choose_initial_topic (self);

  if (project != NULL && self->topic < g_list_model_get_n_items (bl_project_get_topics (project)))
    {
      g_autofree guint32 *topics = NULL;
      guint n_topics = 0;

      topics = bl_comparison_get_related_topics (project, self->topic, &n_topics);
      comparison = bl_comparison_new (project, topics, n_topics, self->visible);
    }

  g_set_object (&self->comparison, comparison);
  bl_comparison_chart_set_comparison (self->chart, comparison);

  if (comparison != NULL)
    {
      g_autofree char *summary = bl_comparison_format_summary (comparison);

      gtk_label_set_text (self->summary_label, summary);
    }
  else
    gtk_label_set_text (self->summary_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), comparison != NULL);

  fill_rows (self);
  update_actions (self);
  bl_comparison_panel_show_page (self);

  self->side_by_side_dirty = TRUE;
  if (gtk_toggle_button_get_active (self->side_by_side_button))
    bl_comparison_panel_rebuild_side_by_side (self);
}

/* Topics */

static char *
topic_title (BlTopic  *topic,
             gpointer  user_data)
{
  if (topic == NULL)
    return NULL;
  return g_strdup (bl_topic_get_title (topic) ? bl_topic_get_title (topic) : bl_topic_get_id (topic));
}

static void
reset_side_by_side_choice (BlComparisonPanel *self)
{
  for (guint m = 0; m < G_N_ELEMENTS (self->checked); m++)
    {
      g_hash_table_remove_all (self->checked[m]);
      self->checked_set[m] = FALSE;
    }
  g_array_set_size (self->choice_keys, 0);
}

static void
on_topic_selected (GtkDropDown       *dropdown,
                   GParamSpec        *pspec,
                   BlComparisonPanel *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position == self->topic)
    return;

  self->topic = position;
  self->choose_topic = FALSE;
  reset_side_by_side_choice (self);
  rebuild (self);
}

/* Overrides */

static void
bl_comparison_panel_dispose (GObject *object)
{
  BlComparisonPanel *self = BL_COMPARISON_PANEL (object);

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  stop_waiting_for_paint (self);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->visible != NULL)
    disconnect_visible (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->row_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->row_selection, self);

  /* no row is made for a table being taken down */
  if (self->rows != NULL)
    bl_comparison_row_list_set_comparison (self->rows, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_COMPARISON_PANEL);

  g_clear_object (&self->visible);
  g_clear_object (&self->selection);
  g_clear_object (&self->painter);
  g_clear_object (&self->comparison);
  g_clear_object (&self->row_selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->reliability_grades);
  g_clear_object (&self->credibility_grades);
  g_clear_object (&self->reliability_list_factory);
  g_clear_object (&self->credibility_list_factory);

  G_OBJECT_CLASS (bl_comparison_panel_parent_class)->dispose (object);
}

static void
bl_comparison_panel_finalize (GObject *object)
{
  BlComparisonPanel *self = BL_COMPARISON_PANEL (object);

  for (guint m = 0; m < G_N_ELEMENTS (self->checked); m++)
    g_clear_pointer (&self->checked[m], g_hash_table_unref);
  g_clear_pointer (&self->choice_keys, g_array_unref);

  G_OBJECT_CLASS (bl_comparison_panel_parent_class)->finalize (object);
}

static void
stop_waiting_for_paint (BlComparisonPanel *self)
{
  if (self->paint_clock != NULL)
    g_clear_signal_handler (&self->paint_handler, self->paint_clock);
  g_clear_object (&self->paint_clock);
}

static void
on_shown_painted (BlComparisonPanel *self)
{
  stop_waiting_for_paint (self);
  if (!self->stale)
    return;

  /* before the next frame: at the default idle priority, the spinner's
   * frames could hold the build off for as long as each takes a frame's
   * time to draw */
  rebuild_when_idle (self, G_PRIORITY_HIGH_IDLE);
}

static void
bl_comparison_panel_map (GtkWidget *widget)
{
  BlComparisonPanel *self = BL_COMPARISON_PANEL (widget);

  GTK_WIDGET_CLASS (bl_comparison_panel_parent_class)->map (widget);

  /* after a frame with the "building" page: a million claims take a
   * second or two */
  if (self->stale)
    {
      self->paint_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->paint_handler = g_signal_connect_swapped (self->paint_clock, "after-paint",
                                                      G_CALLBACK (on_shown_painted), self);
      gtk_widget_queue_draw (widget);
    }
}

static void
bl_comparison_panel_unmap (GtkWidget *widget)
{
  stop_waiting_for_paint (BL_COMPARISON_PANEL (widget));
  GTK_WIDGET_CLASS (bl_comparison_panel_parent_class)->unmap (widget);
}

static void
bl_comparison_panel_class_init (BlComparisonPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_comparison_panel_dispose;
  object_class->finalize = bl_comparison_panel_finalize;
  widget_class->map = bl_comparison_panel_map;
  widget_class->unmap = bl_comparison_panel_unmap;

  /**
   * BlComparisonPanel::edited:
   * @self: the panel
   * @description: what was changed, for people ("Change credibility")
   *
   * Emitted after the panel changed the project (a grade), so that the
   * window can mark the project modified.
   */
  signals[SIGNAL_EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * BlComparisonPanel::exported:
   * @self: the panel
   * @path: the file written (a file name in the GLib file name encoding)
   *
   * Emitted after an export from the panel's menu was written, so that
   * the window can say so. Failed exports are shown in a dialog.
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (BL_TYPE_COMPARISON_CHART);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/borderline/Borderline/bl-comparison-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparison-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BlComparisonPanel, name)
  BIND (content);
  BIND (topic_dropdown);
  BIND (side_by_side_button);
  BIND (export_button);
  BIND (summary_label);
  BIND (view_stack);
  BIND (building_spinner);
  BIND (table_paned);
  BIND (chart);
  BIND (column_view);
  BIND (key_dropdown);
  BIND (choice_list);
  BIND (side_by_side_hint);
  BIND (side_by_side_grid);
#undef BIND
#define BIND_COLUMN(name, column) \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, \
                                             G_STRUCT_OFFSET (BlComparisonPanel, columns) + \
                                             column * sizeof (GtkColumnViewColumn *))
  BIND_COLUMN ("claimant_column", COLUMN_CLAIMANT);
  BIND_COLUMN ("figure_column", COLUMN_FIGURE);
  BIND_COLUMN ("stance_column", COLUMN_STANCE);
  BIND_COLUMN ("said_on_column", COLUMN_SAID_ON);
  BIND_COLUMN ("source_column", COLUMN_SOURCE);
  BIND_COLUMN ("reliability_column", COLUMN_RELIABILITY);
  BIND_COLUMN ("credibility_column", COLUMN_CREDIBILITY);
  BIND_COLUMN ("affiliation_column", COLUMN_AFFILIATION);
#undef BIND_COLUMN

  gtk_widget_class_install_action (widget_class, "comparison.export-csv", NULL, bl_comparison_panel_export_action);
  gtk_widget_class_install_action (widget_class, "comparison.export-markdown", NULL, bl_comparison_panel_export_action);
  gtk_widget_class_install_action (widget_class, "comparison.export-png", NULL, bl_comparison_panel_export_action);
  gtk_widget_class_install_action (widget_class, "comparison.export-svg", NULL, bl_comparison_panel_export_action);
}

static void
bl_comparison_panel_init (BlComparisonPanel *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GtkExpression) title = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->topic = BL_NO_INDEX;
  self->choice_keys = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint m = 0; m < G_N_ELEMENTS (self->checked); m++)
    self->checked[m] = g_hash_table_new (NULL, NULL);

  /* the table */
  self->reliability_grades = bl_comparison_panel_grade_list (TRUE);
  self->credibility_grades = bl_comparison_panel_grade_list (FALSE);
  self->reliability_list_factory = bl_comparison_panel_make_grade_list_factory (TRUE);
  self->credibility_list_factory = bl_comparison_panel_make_grade_list_factory (FALSE);

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = bl_comparison_panel_make_sorter (c);

      g_object_set_data (G_OBJECT (factory), "bl-column", GINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (bl_comparison_panel_on_cell_setup), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bl_comparison_panel_on_cell_bind), self);
      gtk_column_view_column_set_factory (self->columns[c], factory);
      gtk_column_view_column_set_sorter (self->columns[c], sorter);
    }

  self->rows = bl_comparison_row_list_new (claimant_color, self);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->row_selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_single_selection_set_autoselect (self->row_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->row_selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->row_selection));
  g_signal_connect (self->row_selection, "notify::selected-item", G_CALLBACK (on_row_selected), self);

  /* the topic chooser */
  title = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                       G_CALLBACK (topic_title), NULL, NULL);
  gtk_drop_down_set_expression (self->topic_dropdown, title);
  g_signal_connect (self->topic_dropdown, "notify::selected", G_CALLBACK (on_topic_selected), self);

  g_signal_connect (self->side_by_side_button, "toggled", G_CALLBACK (bl_comparison_panel_on_side_by_side_toggled), self);
  g_signal_connect (self->key_dropdown, "notify::selected", G_CALLBACK (bl_comparison_panel_on_key_selected), self);

  gtk_paned_set_position (self->table_paned, 440);
  update_actions (self);
  bl_comparison_panel_show_page (self);
}

/* A claimant, source or topic taken out of the middle of its list (or
 * put back) moves the ones after it: the chosen rows and the topic follow
 * the topic chooser, which follows its list. */
static void
on_entities_changed (GListModel        *list,
                     guint              position,
                     guint              removed,
                     guint              added,
                     BlComparisonPanel *self)
{
  guint selected;

  if (removed == 0 && position + added == g_list_model_get_n_items (list))
    return;   /* appended: nothing moved */

  reset_side_by_side_choice (self);
  selected = gtk_drop_down_get_selected (self->topic_dropdown);
  self->topic = selected == GTK_INVALID_LIST_POSITION ? BL_NO_INDEX : selected;
  rebuild (self);
}

static void
disconnect_visible (BlComparisonPanel *self)
{
  BlProject *project = bl_comparison_panel_project (self);

  g_signal_handlers_disconnect_by_data (self->visible, self);
  for (guint k = 0; k < BL_N_ENTITY_KINDS; k++)
    g_signal_handlers_disconnect_by_func (bl_project_get_entities (project, k), on_entities_changed, self);
}

/* Public API */

GtkWidget *
bl_comparison_panel_new (void)
{
  return g_object_new (BL_TYPE_COMPARISON_PANEL, NULL);
}

/**
 * bl_comparison_panel_set_visible_claims:
 * @visible: (nullable): the claims the shared filter lets through
 *
 * Shows the comparison of @visible's project, under its filter, and
 * follows their changes. The topic is the filter's, if it has one, or
 * else the first topic that has figures.
 */
void
bl_comparison_panel_set_visible_claims (BlComparisonPanel *self,
                                        BlVisibleClaims   *visible)
{
  g_return_if_fail (BL_IS_COMPARISON_PANEL (self));
  g_return_if_fail (visible == NULL || BL_IS_VISIBLE_CLAIMS (visible));

  if (self->visible == visible)
    return;

  if (self->visible != NULL)
    disconnect_visible (self);
  g_set_object (&self->visible, visible);
  g_clear_object (&self->painter);
  reset_side_by_side_choice (self);

  if (visible != NULL)
    {
      /* the colours of the map's claim painter, by claimant */
      self->painter = bl_claim_painter_new (visible, NULL);
      bl_claim_painter_set_color_by (self->painter, BL_COLOR_BY_CLAIMANT);
      g_signal_connect (visible, "changed", G_CALLBACK (on_visible_changed), self);
    }
  self->topic = BL_NO_INDEX;
  self->choose_topic = visible != NULL;
  bl_comparison_chart_set_painter (self->chart, self->painter);

  g_signal_handlers_block_by_func (self->topic_dropdown, on_topic_selected, self);
  gtk_drop_down_set_model (self->topic_dropdown, visible ? bl_project_get_topics (bl_comparison_panel_project (self)) : NULL);
  gtk_drop_down_set_selected (self->topic_dropdown, self->topic == BL_NO_INDEX ? GTK_INVALID_LIST_POSITION
                                                                               : self->topic);
  g_signal_handlers_unblock_by_func (self->topic_dropdown, on_topic_selected, self);

  /* after the chooser's own handler, so that it has followed the list */
  if (visible != NULL)
    for (guint k = 0; k < BL_N_ENTITY_KINDS; k++)
      g_signal_connect (bl_project_get_entities (bl_comparison_panel_project (self), k), "items-changed",
                        G_CALLBACK (on_entities_changed), self);

  rebuild (self);
}

/**
 * bl_comparison_panel_set_selection:
 * @selection: (nullable): the shared selection
 *
 * Selecting a row sets @selection; when @selection changes, its claim's
 * row is selected.
 */
void
bl_comparison_panel_set_selection (BlComparisonPanel *self,
                                   BlSelection       *selection)
{
  g_return_if_fail (BL_IS_COMPARISON_PANEL (self));
  g_return_if_fail (selection == NULL || BL_IS_SELECTION (selection));

  if (!bl_widget_util_watch_object (&self->selection, selection, self,
                                    "notify::claim-id", G_CALLBACK (on_selection_changed), 0))
    return;

  bl_comparison_panel_select_from_selection (self);
}

/**
 * bl_comparison_panel_get_topic:
 *
 * Returns: the topic compared (a project index), or %BL_NO_INDEX
 */
guint32
bl_comparison_panel_get_topic (BlComparisonPanel *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_PANEL (self), BL_NO_INDEX);

  return self->topic;
}

/**
 * bl_comparison_panel_set_topic:
 * @topic: a topic of the project (an index)
 *
 * Compares the claims on @topic and its related topics.
 */
void
bl_comparison_panel_set_topic (BlComparisonPanel *self,
                               guint32            topic)
{
  BlProject *project;

  g_return_if_fail (BL_IS_COMPARISON_PANEL (self));

  project = bl_comparison_panel_project (self);
  g_return_if_fail (project != NULL);
  g_return_if_fail (topic < g_list_model_get_n_items (bl_project_get_topics (project)));

  /* the chooser's handler rebuilds */
  gtk_drop_down_set_selected (self->topic_dropdown, topic);
}

/**
 * bl_comparison_panel_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison shown
 */
BlComparison *
bl_comparison_panel_get_comparison (BlComparisonPanel *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_PANEL (self), NULL);

  return self->comparison;
}
