/* test-comparison-panel.c — the comparison panel, in a real window under Xvfb
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Puts a BlComparisonPanel in a window with the sample project and checks
 * what a user sees and does: the rows of the table, the summary, the
 * selection both ways, the time window, editing a grade, and that names
 * from the project are shown as text, never as markup.
 */
#include "bl-basemap-source.h"
#include "config.h"

#include "display-helpers.h"

#include <adwaita.h>
#include <string.h>

#include "bl-comparison-panel.h"
#include "bl-comparison-chart.h"
#include "bl-comparison-row-item.h"
#include "bl-comparison-row-list.h"
#include "bl-project-io.h"
#include "test-helpers.h"

typedef struct {
  BlProject         *project;
  BlFilter          *filter;
  BlVisibleClaims   *visible;
  BlSelection       *selection;
  GtkWindow         *window;
  BlComparisonPanel *panel;
} Fixture;

/* Runs what is pending now, without waiting for anything else. */
static void
drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static GListModel *
table_model (Fixture *f)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (bl_test_find_widget (GTK_WIDGET (f->panel), GTK_TYPE_COLUMN_VIEW, NULL));

  g_assert_nonnull (view);
  return G_LIST_MODEL (gtk_column_view_get_model (view));
}

static GtkStack *
view_stack (Fixture *f)
{
  return GTK_STACK (bl_test_find_widget (GTK_WIDGET (f->panel), GTK_TYPE_STACK, "view-stack"));
}

static BlComparisonRowItem *
find_item (GListModel *model,
           const char *claim_id,
           guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BlComparisonRowItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (bl_comparison_row_item_get_claim_id (item), claim_id) == 0)
        {
          if (position)
            *position = i;
          return item;
        }
    }

  return NULL;
}

/* Opens @project in a panel in a window: the window's only child, or with
 * @stack, the stack's page "compare" (the caller adds the others). */
static void
fixture_open_in (Fixture   *f,
                 BlProject *project,
                 GtkStack  *stack)
{
  f->project = project;
  f->filter = bl_filter_new ();
  f->visible = bl_visible_claims_new (f->project, f->filter);
  f->selection = bl_selection_new ();

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 420, 900);
  f->panel = BL_COMPARISON_PANEL (bl_comparison_panel_new ());
  if (stack != NULL)
    {
      gtk_stack_add_named (stack, GTK_WIDGET (f->panel), "compare");
      gtk_window_set_child (f->window, GTK_WIDGET (stack));
    }
  else
    gtk_window_set_child (f->window, GTK_WIDGET (f->panel));
  bl_comparison_panel_set_visible_claims (f->panel, f->visible);
  bl_comparison_panel_set_selection (f->panel, f->selection);
  gtk_window_present (f->window);
}

static void
fixture_open (Fixture   *f,
              BlProject *project)
{
  fixture_open_in (f, project, NULL);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GError) error = NULL;
  BlProject *project = bl_project_load (file, NULL, &error);

  g_assert_no_error (error);
  fixture_open (f, project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  drain ();
  g_clear_object (&f->selection);
  g_clear_object (&f->visible);
  g_clear_object (&f->filter);
  g_clear_object (&f->project);
}

static gboolean
table_has_8_rows (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (table_model (f)) == 8;
}

static void
choose_isis_fighters (Fixture *f)
{
  guint32 topic = bl_project_find_topic (f->project, "t-isis-fighters");

  g_assert_cmpuint (topic, !=, BL_NO_INDEX);
  bl_comparison_panel_set_topic (f->panel, topic);
  g_assert_cmpuint (bl_comparison_panel_get_topic (f->panel), ==, topic);
  bl_test_wait_for (table_has_8_rows, f, 20, "the panel");
}

static void
test_panel_rows (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *model;
  BlComparisonRowItem *item;
  BlComparison *comparison;
  GtkLabel *summary;
  g_autofree char *expected = NULL;

  choose_isis_fighters (f);
  model = table_model (f);
  comparison = bl_comparison_panel_get_comparison (f->panel);
  g_assert_nonnull (comparison);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, bl_comparison_get_n_rows (comparison));

  /* the CSTO's two figures, on two topics, on one table */
  item = find_item (model, "c-sidorov-6500", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (bl_comparison_row_item_get_claimant (item), ==, "Anatoly Sidorov");
  g_assert_cmpstr (bl_comparison_row_item_get_figure (item), ==, "6,500 fighters");
  item = find_item (model, "c-sidorov-4000", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (bl_comparison_row_item_get_figure (item), ==, "4,000 fighters");
  g_assert_cmpstr (bl_comparison_row_item_get_topic (item), ==, "ISIS-K near the Tajik border");

  /* Rahmon's open range, the UN's vague one, the denial */
  item = find_item (model, "c-rahmon-6000", NULL);
  g_assert_nonnull (item);
  g_assert_true (g_str_has_prefix (bl_comparison_row_item_get_figure (item), "at least 6,000"));
  item = find_item (model, "c-un-several-thousand", NULL);
  g_assert_nonnull (item);
  g_assert_cmpstr (bl_comparison_row_item_get_figure (item), ==, "2,000–9,000 militants (several thousand)");
  item = find_item (model, "c-iea-deny", NULL);
  g_assert_nonnull (item);
  g_assert_cmpint (bl_comparison_row_item_get_stance (item), ==, BL_STANCE_DENIES);
  g_assert_cmpstr (bl_comparison_row_item_get_claimant (item), ==, "Islamic Emirate officials");

  /* and the user sees them */
  bl_test_wait_for_label (GTK_WIDGET (f->panel), "6,500 fighters", BL_TEST_LABEL_EXACT, 20, "the panel");
  g_assert_nonnull (bl_test_find_label (GTK_WIDGET (f->panel), "6,500 fighters", BL_TEST_LABEL_EXACT));
  g_assert_nonnull (bl_test_find_label (GTK_WIDGET (f->panel), "4,000 fighters", BL_TEST_LABEL_EXACT));
  g_assert_nonnull (bl_test_find_label (GTK_WIDGET (f->panel), "at least 6,000 terrorists", BL_TEST_LABEL_EXACT));
  g_assert_nonnull (bl_test_find_label (GTK_WIDGET (f->panel), "Denies", BL_TEST_LABEL_EXACT));

  /* the summary line is the analysis' */
  summary = GTK_LABEL (bl_test_find_widget (GTK_WIDGET (f->panel), GTK_TYPE_LABEL, "summary"));
  g_assert_nonnull (summary);
  expected = bl_comparison_format_summary (comparison);
  g_assert_cmpstr (gtk_label_get_text (summary), ==, expected);
  g_assert_true (g_str_has_prefix (expected, "4 claimants"));
}

typedef struct {
  BlComparisonPanel *panel;
  BlComparison      *before;
} ComparisonWait;

static gboolean
comparison_rebuilt (gpointer data)
{
  ComparisonWait *w = data;

  return bl_comparison_panel_get_comparison (w->panel) != w->before;
}

static gboolean
selection_is_rahmon (gpointer data)
{
  Fixture *f = data;
  BlComparisonRowItem *item;

  item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (table_model (f)));
  return item != NULL && g_strcmp0 (bl_comparison_row_item_get_claim_id (item), "c-rahmon-6000") == 0;
}

static void
test_panel_selection (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *model;
  guint position = 0;

  choose_isis_fighters (f);
  model = table_model (f);

  /* a row selects the claim everywhere */
  g_assert_nonnull (find_item (model, "c-un-several-thousand", &position));
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (model), position, TRUE);
  g_assert_cmpstr (bl_selection_get_claim_id (f->selection), ==, "c-un-several-thousand");

  /* and a claim selected elsewhere selects its row */
  bl_selection_set_claim_id (f->selection, "c-rahmon-6000");
  bl_test_wait_for (selection_is_rahmon, f, 5, "the panel");
  g_assert_cmpstr (bl_selection_get_claim_id (f->selection), ==, "c-rahmon-6000");

  /* a claim that is not compared selects no row */
  bl_selection_set_claim_id (f->selection, "c-khaama-attacks");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (bl_selection_get_claim_id (f->selection), ==, "c-khaama-attacks");

  /* the selection survives a rebuild */
  bl_selection_set_claim_id (f->selection, "c-rahmon-6000");
  bl_filter_set_text (f->filter, "");
  bl_filter_set_window (f->filter, bl_day_from_ymd (2020, 1, 1), bl_day_from_ymd (2024, 12, 31));
  {
    BlComparison *before = bl_comparison_panel_get_comparison (f->panel);
    ComparisonWait w = { f->panel, before };

    bl_test_wait_for (comparison_rebuilt, &w, 20, "the panel");
  }
  drain ();
  g_assert_true (selection_is_rahmon (f));
}

static gboolean
table_has_3_rows (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (table_model (f)) == 3;
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
comparison_built (gpointer data)
{
  Fixture *f = data;

  return bl_comparison_panel_get_comparison (f->panel) != NULL;
}

static gboolean
comparison_dropped (gpointer data)
{
  Fixture *f = data;

  return bl_comparison_panel_get_comparison (f->panel) == NULL;
}

static void
test_panel_time_window (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *model;
  g_autofree char *expected = NULL;
  GtkLabel *summary;

  choose_isis_fighters (f);

  /* a window that ends the day before the CSTO spoke */
  bl_filter_set_window (f->filter, bl_day_from_ymd (2022, 1, 1), bl_day_from_ymd (2023, 2, 13));
  bl_test_wait_for (table_has_3_rows, f, 5, "the panel");

  model = table_model (f);
  g_assert_null (find_item (model, "c-sidorov-6500", NULL));
  g_assert_null (find_item (model, "c-sidorov-4000", NULL));
  g_assert_nonnull (find_item (model, "c-un-several-thousand", NULL));
  g_assert_nonnull (find_item (model, "c-rahmon-6000", NULL));
  g_assert_nonnull (find_item (model, "c-iea-deny", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BlComparisonRowItem) item = g_list_model_get_item (model, i);

      g_assert_cmpstr (bl_comparison_row_item_get_claimant (item), !=, "Anatoly Sidorov");
    }

  summary = GTK_LABEL (bl_test_find_widget (GTK_WIDGET (f->panel), GTK_TYPE_LABEL, "summary"));
  expected = bl_comparison_format_summary (bl_comparison_panel_get_comparison (f->panel));
  g_assert_cmpstr (gtk_label_get_text (summary), ==, expected);

  /* and back */
  bl_filter_clear_window (f->filter);
  bl_test_wait_for (table_has_8_rows, f, 5, "the panel");
}

/* Behind another page of a stack, as behind the window's Claims tab, the
 * panel holds no comparison; shown, it builds one with the changes made
 * while it was hidden. */
static void
test_panel_hidden (void)
{
  Fixture fixture = { 0, };
  Fixture *f = &fixture;
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GError) error = NULL;
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  GtkWidget *other = gtk_label_new ("Claims");
  BlProject *project = bl_project_load (file, NULL, &error);

  g_assert_no_error (error);
  gtk_stack_add_named (stack, other, "claims");
  fixture_open_in (f, project, stack);
  bl_test_wait_for (widget_mapped, other, 20, "the window");
  drain ();

  /* hidden: nothing is built, not even to choose the first topic */
  g_assert_cmpuint (bl_comparison_panel_get_topic (f->panel), ==, BL_NO_INDEX);
  g_assert_null (bl_comparison_panel_get_comparison (f->panel));
  g_assert_cmpuint (g_list_model_get_n_items (table_model (f)), ==, 0);

  /* shown: it says it is building, after a frame the first topic with
   * figures to compare */
  gtk_stack_set_visible_child (stack, GTK_WIDGET (f->panel));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack (f)), ==, "building");
  bl_test_wait_for (comparison_built, f, 20, "the panel");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_stack (f)), ==, "table");
  {
    guint32 topic = bl_comparison_panel_get_topic (f->panel);

    g_assert_cmpuint (topic, <, g_list_model_get_n_items (bl_project_get_topics (f->project)));
    g_assert_cmpuint (bl_comparison_get_stats (bl_comparison_panel_get_comparison (f->panel),
                                               BL_COMPARISON_ALL_TOPICS)->n_figures, >, 0);
    for (guint32 t = 0; t < topic; t++)
      {
        g_autoptr(BlComparison) earlier = bl_comparison_new (f->project, &t, 1, NULL);

        g_assert_cmpuint (bl_comparison_get_stats (earlier, BL_COMPARISON_ALL_TOPICS)->n_figures, ==, 0);
      }
  }

  /* the ISIS fighters' eight claims */
  bl_comparison_panel_set_topic (f->panel, bl_project_find_topic (f->project, "t-isis-fighters"));
  bl_test_wait_for (table_has_8_rows, f, 20, "the panel");
  g_assert_nonnull (bl_comparison_panel_get_comparison (f->panel));

  /* hidden again, the time window moves: the comparison is let go ... */
  gtk_stack_set_visible_child (stack, other);
  drain ();
  bl_filter_set_window (f->filter, bl_day_from_ymd (2022, 1, 1), bl_day_from_ymd (2023, 2, 13));
  bl_test_wait_for (comparison_dropped, f, 20, "the hidden panel");
  g_assert_cmpuint (g_list_model_get_n_items (table_model (f)), ==, 0);

  /* ... and shown, it has the window's three claims */
  gtk_stack_set_visible_child (stack, GTK_WIDGET (f->panel));
  bl_test_wait_for (table_has_3_rows, f, 20, "the panel");
  g_assert_null (find_item (table_model (f), "c-sidorov-6500", NULL));
  g_assert_nonnull (find_item (table_model (f), "c-rahmon-6000", NULL));

  fixture_tear_down (f, NULL);
}

/* Many window moves in a row rebuild the panel a few times, not each time. */
static void
on_comparison_notify (GObject    *object,
                      GParamSpec *pspec,
                      guint      *count)
{
  (*count)++;
}

static void
test_panel_coalesces (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *chart = bl_test_find_widget (GTK_WIDGET (f->panel), g_type_from_name ("BlComparisonChart"),
                                          NULL);
  gint32 start = bl_day_from_ymd (2022, 1, 1);
  guint count = 0;

  choose_isis_fighters (f);
  g_assert_nonnull (chart);
  g_signal_connect (chart, "notify::comparison", G_CALLBACK (on_comparison_notify), &count);

  /* sixty window moves before the panel gets a turn, as a drag's motion
   * events pile up on a busy machine: one rebuild, not sixty */
  for (guint i = 0; i < 60; i++)
    bl_filter_set_window (f->filter, start + i, start + 400 + i);

  {
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    while (count == 0 && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
  }

  g_assert_cmpuint (count, ==, 1);
  g_signal_handlers_disconnect_by_data (chart, &count);
}

static gboolean
sidorov_reliability_is_b (gpointer data)
{
  GListModel *model = table_model (data);
  BlComparisonRowItem *item = model ? find_item (model, "c-sidorov-6500", NULL) : NULL;

  return item != NULL && bl_comparison_row_item_get_reliability (item) == 2;
}

static void
on_edited (BlComparisonPanel *panel,
           const char        *description,
           char             **out)
{
  g_free (*out);
  *out = g_strdup (description);
}

/* The grade choosers of the first row of the table. */
static GtkDropDown *
find_grade_dropdown (Fixture *f,
                     guint    nth)
{
  GtkWidget *view = bl_test_find_widget (GTK_WIDGET (f->panel), GTK_TYPE_COLUMN_VIEW, NULL);
  GtkWidget *found = NULL;
  guint seen = 0;
  GQueue queue = G_QUEUE_INIT;

  g_queue_push_tail (&queue, view);
  while (!g_queue_is_empty (&queue) && found == NULL)
    {
      GtkWidget *widget = g_queue_pop_head (&queue);

      if (GTK_IS_DROP_DOWN (widget))
        {
          if (seen++ == nth)
            found = widget;
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (&queue, child);
    }
  g_queue_clear (&queue);

  return found ? GTK_DROP_DOWN (found) : NULL;
}

static void
test_panel_grades (Fixture       *f,
                   gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  g_autofree char *edited = NULL;
  GtkDropDown *first, *second, *reliability = NULL, *credibility = NULL;
  GListModel *model;
  g_autoptr(BlComparisonRowItem) first_item = NULL;
  BlComparisonRowItem *item;
  BlClaimRecord record;
  guint index;

  choose_isis_fighters (f);
  bl_test_wait_for_label (GTK_WIDGET (f->panel), "6,500 fighters", BL_TEST_LABEL_EXACT, 20, "the panel");
  g_signal_connect (f->panel, "edited", G_CALLBACK (on_edited), &edited);

  /* the two choosers of one row: reliability is a letter, credibility a digit */
  first = find_grade_dropdown (f, 0);
  second = find_grade_dropdown (f, 1);
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  if (gtk_drop_down_get_model (first) == gtk_drop_down_get_model (second))
    second = find_grade_dropdown (f, 8);
  if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (first)), 1), "A") == 0)
    reliability = first, credibility = second;
  else
    reliability = second, credibility = first;
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (credibility)));

  /* which claim the credibility chooser belongs to: its row's */
  model = table_model (f);
  first_item = g_list_model_get_item (model, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (credibility), ==,
                    bl_comparison_row_item_get_credibility (first_item));

  gtk_drop_down_set_selected (credibility, 1);
  g_assert_cmpstr (edited, ==, "Change credibility");
  index = bl_claim_store_lookup (store, bl_comparison_row_item_get_claim_id (first_item));
  bl_claim_store_get_record (store, index, &record);
  g_assert_cmpuint (record.credibility, ==, 1);

  /* the source's reliability: B */
  gtk_drop_down_set_selected (reliability, 2);
  g_assert_cmpstr (edited, ==, "Change source reliability");
  g_assert_cmpuint (bl_source_get_reliability (bl_project_get_source (f->project,
                                                                     bl_project_find_source (f->project, "s-tajik-herald"))),
                    ==, 2);

  /* the table follows */
  bl_test_wait_for (sidorov_reliability_is_b, f, 20, "the panel");
  model = table_model (f);
  item = find_item (model, "c-sidorov-6500", NULL);
  g_assert_cmpuint (bl_comparison_row_item_get_reliability (item), ==, 2);
  g_signal_handlers_disconnect_by_data (f->panel, &edited);
}

static BlProject *
build_markup_project (void)
{
  BlProject *project = bl_project_new ();
  BlClaimStore *store = bl_project_get_claims (project);
  g_autoptr(BlTopic) topic = bl_topic_new ("t");
  g_autoptr(BlActor) actor = bl_actor_new ("a", "<b>x</b> & co");
  g_autoptr(BlSource) source = bl_source_new ("s");
  g_auto(BlQuantity) quantity = BL_QUANTITY_INIT;
  BlClaimRecord record;

  bl_topic_set_title (topic, "<i>Fighters</i>");
  bl_topic_set_unit (topic, "fighters");
  bl_project_add_topic (project, topic);
  bl_actor_set_affiliation (actor, "<span foreground='red'>Red</span>");
  bl_project_add_actor (project, actor);
  bl_source_set_name (source, "Source & <u>Sons</u>");
  bl_project_add_source (project, source);

  bl_quantity_set_value (&quantity, BL_QUANTITY_EXACT, 10);
  bl_quantity_set_unit (&quantity, "fighters");

  bl_claim_record_init (&record);
  record.id = "c";
  record.statement = "<b>ten</b> & more";
  record.actor = 0;
  record.source = 0;
  record.topic = 0;
  record.quantity = &quantity;
  g_assert_true (bl_date_parse ("2023-02-14", &record.said_on, NULL));
  bl_claim_store_append (store, &record);

  return project;
}

static gboolean
table_has_1_row (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (table_model (f)) == 1;
}

static void
test_panel_markup (void)
{
  Fixture fixture = { 0, };
  Fixture *f = &fixture;
  const char *texts[] = { "<b>x</b> & co", "<span foreground='red'>Red</span>", "Source & <u>Sons</u>" };

  fixture_open (f, build_markup_project ());
  bl_test_wait_for (table_has_1_row, f, 20, "the panel");
  bl_test_wait_for_label (GTK_WIDGET (f->panel), texts[0], BL_TEST_LABEL_EXACT, 20, "the panel");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkLabel *label = GTK_LABEL (bl_test_find_label (GTK_WIDGET (f->panel), texts[i], BL_TEST_LABEL_EXACT));

      g_assert_nonnull (label);
      g_assert_false (gtk_label_get_use_markup (label));
      g_assert_cmpstr (gtk_label_get_label (label), ==, texts[i]);
    }

  fixture_tear_down (f, NULL);
}

/* A comparison of thousands of claims: one topic, figures from N claims
 * by 40 claimants, one a day. */
static BlProject *
build_large_project (guint n)
{
  BlProject *project = bl_project_new ();
  BlClaimStore *store = bl_project_get_claims (project);
  g_autoptr(BlTopic) topic = bl_topic_new ("t");
  g_autoptr(BlSource) source = bl_source_new ("s");

  bl_topic_set_title (topic, "Fighters");
  bl_topic_set_unit (topic, "fighters");
  bl_project_add_topic (project, topic);
  bl_source_set_name (source, "Wire");
  bl_project_add_source (project, source);
  for (guint a = 0; a < 40; a++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", a);
      g_autofree char *name = g_strdup_printf ("Claimant %u", a);
      g_autoptr(BlActor) actor = bl_actor_new (id, name);

      bl_project_add_actor (project, actor);
    }

  for (guint i = 0; i < n; i++)
    {
      g_auto(BlQuantity) quantity = BL_QUANTITY_INIT;
      g_autofree char *id = g_strdup_printf ("c-%05u", i);
      BlClaimRecord record;

      bl_quantity_set_value (&quantity, BL_QUANTITY_EXACT, 100 + i);
      bl_quantity_set_unit (&quantity, "fighters");
      bl_claim_record_init (&record);
      record.id = id;
      record.statement = "A figure";
      record.actor = i % 40;
      record.source = 0;
      record.topic = 0;
      record.quantity = &quantity;
      {
        int year, month, day;

        bl_day_to_ymd (bl_day_from_ymd (2010, 1, 1) + (gint32) i, &year, &month, &day);
        g_assert_true (bl_date_init_ymd (&record.said_on, BL_DATE_PRECISION_DAY, year, month, day, FALSE, NULL));
      }
      g_assert_cmpuint (bl_claim_store_append (store, &record), ==, i);
    }

  return project;
}

static gboolean
table_has_rows (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (table_model (f)) > 0;
}

static gboolean
selected_is (Fixture    *f,
             const char *claim_id)
{
  BlComparisonRowItem *item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (table_model (f)));

  return item != NULL && g_strcmp0 (bl_comparison_row_item_get_claim_id (item), claim_id) == 0;
}

/* With thousands of rows the table makes an object only for the rows it
 * shows, finds a claim's row without making the others, and once sorted
 * by a column still selects the right one; the chart says it has too
 * many claims to set side by side, in its picture and to screen readers,
 * instead of drawing thousands of columns. */
static void
test_panel_many_rows (void)
{
  Fixture fixture = { 0, };
  Fixture *f = &fixture;
  const guint n = 3000;
  BlComparisonRowList *rows;
  GtkColumnView *view;
  g_autofree char *crowded = bl_comparison_chart_format_crowded (n);
  g_autoptr(GtkColumnViewColumn) figure_column = NULL;
  g_autofree char *description = NULL;

  fixture_open (f, build_large_project (n));
  bl_test_wait_for (table_has_rows, f, 20, "the panel");
  drain ();

  rows = BL_COMPARISON_ROW_LIST (gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (
    gtk_single_selection_get_model (GTK_SINGLE_SELECTION (table_model (f))))));
  g_assert_cmpuint (g_list_model_get_n_items (table_model (f)), ==, n);
  g_assert_cmpuint (bl_comparison_row_list_get_n_made (rows), >, 0);
  g_assert_cmpuint (bl_comparison_row_list_get_n_made (rows), <, n / 4);

  /* the same object while it lives */
  {
    g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (rows), 7);
    g_autoptr(GObject) b = g_list_model_get_item (G_LIST_MODEL (rows), 7);

    g_assert_true (a == b);
  }

  /* a claim far down the table, selected elsewhere, selects its row */
  bl_selection_set_claim_id (f->selection, "c-02718");
  drain ();
  g_assert_true (selected_is (f, "c-02718"));
  g_assert_cmpuint (bl_comparison_row_list_get_n_made (rows), <, n / 4);

  /* sorted by the figure, the largest first: the row moved, and is found */
  view = GTK_COLUMN_VIEW (bl_test_find_widget (GTK_WIDGET (f->panel), GTK_TYPE_COLUMN_VIEW, NULL));
  figure_column = g_list_model_get_item (gtk_column_view_get_columns (view), 1);
  gtk_column_view_sort_by_column (view, figure_column, GTK_SORT_DESCENDING);
  drain ();
  bl_selection_set_claim_id (f->selection, "c-00005");
  drain ();
  g_assert_true (selected_is (f, "c-00005"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (table_model (f))), ==, n - 1 - 5);

  /* the chart, in words (its accessible description) */
  description = bl_comparison_chart_describe (bl_comparison_panel_get_comparison (f->panel));
  g_assert_cmpstr (description, ==, crowded);
  g_assert_nonnull (strstr (crowded, "3,000"));

  fixture_tear_down (f, NULL);
}

static void
test_panel_empty (void)
{
  Fixture fixture = { 0, };
  Fixture *f = &fixture;
  GtkStack *stack;

  fixture_open (f, bl_project_new ());
  drain ();

  g_assert_null (bl_comparison_panel_get_comparison (f->panel));
  g_assert_cmpuint (bl_comparison_panel_get_topic (f->panel), ==, BL_NO_INDEX);
  stack = view_stack (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");

  /* and a panel with nothing at all */
  bl_comparison_panel_set_visible_claims (f->panel, NULL);
  g_assert_null (bl_comparison_panel_get_comparison (f->panel));

  fixture_tear_down (f, NULL);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/comparison-panel/rows", Fixture, NULL, fixture_set_up, test_panel_rows, fixture_tear_down);
  g_test_add ("/comparison-panel/selection", Fixture, NULL, fixture_set_up, test_panel_selection,
              fixture_tear_down);
  g_test_add ("/comparison-panel/time-window", Fixture, NULL, fixture_set_up, test_panel_time_window,
              fixture_tear_down);
  g_test_add ("/comparison-panel/coalesces", Fixture, NULL, fixture_set_up, test_panel_coalesces,
              fixture_tear_down);
  g_test_add ("/comparison-panel/grades", Fixture, NULL, fixture_set_up, test_panel_grades,
              fixture_tear_down);
  g_test_add_func ("/comparison-panel/markup", test_panel_markup);
  g_test_add_func ("/comparison-panel/empty", test_panel_empty);
  g_test_add_func ("/comparison-panel/many-rows", test_panel_many_rows);
  g_test_add_func ("/comparison-panel/hidden", test_panel_hidden);

  return bl_test_run_display ();
}
