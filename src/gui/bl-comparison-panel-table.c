/* bl-comparison-panel-table.c — the comparison panel's table: sorting, cells, grades
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sortable table of the claims about the topic: a sorter per column,
 * the cells (a swatch of the claimant's colour, plain-text labels, and
 * drop-downs for the Admiralty grades, which change the project), and the
 * table's row following the shared selection. Text from the project is
 * set as plain text, never as markup.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bl-comparison-panel-private.h"
#include "bl-comparison-row-item.h"
#include "bl-vocab.h"

/* Helpers: grades */

static char *
reliability_text (guint grade)
{
  if (grade == 0)
    return g_strdup (bl_reliability_get_meaning (0));
  /* Translators: an Admiralty grade and its meaning, "C — Fairly reliable" */
  return g_strdup_printf (_("%c — %s"), bl_reliability_to_letter (grade), bl_reliability_get_meaning (grade));
}

static char *
credibility_text (guint grade)
{
  if (grade == 0)
    return g_strdup (bl_credibility_get_meaning (0));
  /* Translators: an Admiralty grade and its meaning, "3 — Possibly true" */
  return g_strdup_printf (_("%u — %s"), grade, bl_credibility_get_meaning (grade));
}

GtkStringList *
bl_comparison_panel_grade_list (gboolean letters)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  /* Translators: a grade that has not been given */
  gtk_string_list_append (list, C_("grade", "–"));
  for (guint g = 1; g <= 6; g++)
    {
      char text[2] = { letters ? (char) ('A' + g - 1) : (char) ('0' + g), '\0' };

      gtk_string_list_append (list, text);
    }

  return list;
}

/* Helpers: the table */

static BlComparisonRowItem *
get_list_item_row (GtkListItem *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);

  return BL_IS_COMPARISON_ROW_ITEM (item) ? item : NULL;
}

static int
compare_numbers (double a,
                 double b)
{
  /* NAN (no figure) after every number */
  if (isnan (a) || isnan (b))
    return isnan (a) - isnan (b);
  return (a > b) - (a < b);
}

/* Ungraded (0) after every grade. */
static int
compare_grades (guint a,
                guint b)
{
  if (a == 0 || b == 0)
    return (a == 0) - (b == 0);
  return (a > b) - (a < b);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  BlComparisonRowItem *ia = (BlComparisonRowItem *) a;
  BlComparisonRowItem *ib = (BlComparisonRowItem *) b;
  Column column = GPOINTER_TO_INT (user_data);
  int c = 0;

  switch (column)
    {
    case COLUMN_FIGURE:
      {
        double min_a, max_a, min_b, max_b;

        bl_comparison_row_item_get_range (ia, &min_a, &max_a);
        bl_comparison_row_item_get_range (ib, &min_b, &max_b);
        c = compare_numbers (min_a, min_b);
        if (c == 0)
          c = compare_numbers (max_a, max_b);
      }
      break;

    case COLUMN_SAID_ON:
      c = bl_date_compare (bl_comparison_row_item_get_said_on (ia), bl_comparison_row_item_get_said_on (ib));
      break;

    case COLUMN_STANCE:
      c = (int) bl_comparison_row_item_get_stance (ia) - (int) bl_comparison_row_item_get_stance (ib);
      break;

    case COLUMN_RELIABILITY:
      c = compare_grades (bl_comparison_row_item_get_reliability (ia), bl_comparison_row_item_get_reliability (ib));
      break;

    case COLUMN_CREDIBILITY:
      c = compare_grades (bl_comparison_row_item_get_credibility (ia), bl_comparison_row_item_get_credibility (ib));
      break;

    case COLUMN_CLAIMANT:
    case COLUMN_SOURCE:
    case COLUMN_AFFILIATION:
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  /* then in the comparison's order, so that sorting is stable */
  if (c == 0)
    c = (int) bl_comparison_row_item_get_row (ia) - (int) bl_comparison_row_item_get_row (ib);

  return c < 0 ? GTK_ORDERING_SMALLER : c > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

GtkSorter *
bl_comparison_panel_make_sorter (Column column)
{
  const char *property = NULL;

  switch (column)
    {
    case COLUMN_CLAIMANT:
      property = "claimant";
      break;
    case COLUMN_SOURCE:
      property = "source";
      break;
    case COLUMN_AFFILIATION:
      property = "affiliation";
      break;
    case COLUMN_FIGURE:
    case COLUMN_STANCE:
    case COLUMN_SAID_ON:
    case COLUMN_RELIABILITY:
    case COLUMN_CREDIBILITY:
    case N_COLUMNS:
    default:
      break;
    }

  if (property != NULL)
    return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (BL_TYPE_COMPARISON_ROW_ITEM,
                                                                           NULL, property)));
  return GTK_SORTER (gtk_custom_sorter_new (compare_rows, GINT_TO_POINTER (column), NULL));
}

/* The position of @claim_id in the table as sorted, or
 * GTK_INVALID_LIST_POSITION. */
/* Where the table shows @claim_id's row. While the table keeps the
 * comparison's order, the row is found through the comparison and only
 * its item is made (and checked: a store changed since the comparison was
 * built may have moved its claims, until the rebuild that follows). Once
 * sorted by a column, the sort model has read every item, and is
 * searched. */
static guint
find_position (BlComparisonPanel *self,
               const char        *claim_id)
{
  BlComparison *comparison = bl_comparison_row_list_get_comparison (self->rows);
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GListModel *model = G_LIST_MODEL (self->row_selection);
  guint index, row;

  if (claim_id == NULL || comparison == NULL)
    return GTK_INVALID_LIST_POSITION;

  if (sorter == NULL || gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    {
      g_autoptr(BlComparisonRowItem) item = NULL;

      index = bl_claim_store_lookup (bl_project_get_claims (bl_comparison_get_project (comparison)), claim_id);
      row = index == BL_NO_INDEX ? G_MAXUINT : bl_comparison_find_row (comparison, index);
      if (row == G_MAXUINT || row >= g_list_model_get_n_items (model))
        return GTK_INVALID_LIST_POSITION;
      item = g_list_model_get_item (model, row);
      return g_strcmp0 (bl_comparison_row_item_get_claim_id (item), claim_id) == 0 ? row
                                                                                  : GTK_INVALID_LIST_POSITION;
    }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BlComparisonRowItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (bl_comparison_row_item_get_claim_id (item), claim_id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
  return NULL;
}

/* Selects the shared selection's claim in the table, or nothing. */
void
bl_comparison_panel_select_from_selection (BlComparisonPanel *self)
{
  const char *id = self->selection ? bl_selection_get_claim_id (self->selection) : NULL;
  guint position = find_position (self, id);

  if (gtk_single_selection_get_selected (self->row_selection) == position)
    return;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->row_selection, position);
  self->syncing = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    {
      /* GTK 4.8 has no gtk_column_view_scroll_to(): ask its list */
      GtkWidget *list = find_child_of_type (GTK_WIDGET (self->column_view), GTK_TYPE_LIST_VIEW);

      if (list != NULL)
        gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);
    }
}

/* Callbacks: table cells */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  GtkListItem *list_item = user_data;
  BlComparisonRowItem *item = get_list_item_row (list_item);
  const GdkRGBA *color;
  double rgba[4];

  if (item == NULL)
    return;

  color = bl_comparison_row_item_get_color (item);
  rgba[0] = color->red;
  rgba[1] = color->green;
  rgba[2] = color->blue;
  rgba[3] = color->alpha;
  /* the map's marker: its shape says the stance, its outline the credibility */
  bl_claim_painter_draw_marker (cr, width / 2.0, height / 2.0, MIN (width, height) / 20.0,
                                bl_comparison_row_item_get_stance (item),
                                bl_comparison_row_item_get_credibility (item), rgba);
}

static GtkWidget *
make_cell_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  return label;
}

static void
on_grade_selected (GtkDropDown       *dropdown,
                   GParamSpec        *pspec,
                   BlComparisonPanel *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (dropdown), "bl-list-item");
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dropdown), "bl-column"));
  BlComparisonRowItem *item = list_item ? get_list_item_row (list_item) : NULL;
  guint grade = gtk_drop_down_get_selected (dropdown);
  BlProject *project = bl_comparison_panel_project (self);

  if (item == NULL || project == NULL || grade > 6)
    return;

  if (column == COLUMN_RELIABILITY)
    {
      guint32 index = bl_comparison_row_item_get_source_index (item);
      BlSource *source;

      if (index == BL_NO_INDEX)
        return;
      source = bl_project_get_source (project, index);
      if (bl_source_get_reliability (source) == grade)
        return;

      bl_source_set_reliability (source, grade);
      /* nothing watches sources: the rows of every claim of it change */
      bl_comparison_panel_rebuild_at_idle (self);
      bl_comparison_panel_emit_edited (self, _("Change source reliability"));
    }
  else
    {
      BlClaimStore *store = bl_project_get_claims (project);
      guint index = bl_claim_store_lookup (store, bl_comparison_row_item_get_claim_id (item));
      BlClaimRecord record;

      if (index == BL_NO_INDEX)
        return;
      bl_claim_store_get_record (store, index, &record);
      if (record.credibility == grade)
        return;

      /* the store tells the visible claims, which tell this panel */
      record.credibility = grade;
      bl_claim_store_replace (store, index, &record);
      bl_comparison_panel_emit_edited (self, _("Change credibility"));
    }
}

void
bl_comparison_panel_on_cell_setup (GtkSignalListItemFactory *factory,
                                   GtkListItem              *list_item,
                                   BlComparisonPanel        *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "bl-column"));
  GtkWidget *child;

  switch (column)
    {
    case COLUMN_CLAIMANT:
      {
        GtkWidget *swatch = gtk_drawing_area_new ();

        gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 18);
        gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 18);
        gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, list_item, NULL);
        gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
        gtk_accessible_update_property (GTK_ACCESSIBLE (swatch),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Marker"),
                                        -1);

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_box_append (GTK_BOX (child), swatch);
        gtk_box_append (GTK_BOX (child), make_cell_label ());
      }
      break;

    case COLUMN_RELIABILITY:
    case COLUMN_CREDIBILITY:
      {
        gboolean reliability = column == COLUMN_RELIABILITY;

        child = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (reliability ? self->reliability_grades
                                                                           : self->credibility_grades)),
                                   NULL);
        gtk_drop_down_set_list_factory (GTK_DROP_DOWN (child),
                                        reliability ? self->reliability_list_factory
                                                    : self->credibility_list_factory);
        gtk_widget_add_css_class (child, "flat");
        g_object_set_data (G_OBJECT (child), "bl-list-item", list_item);
        g_object_set_data (G_OBJECT (child), "bl-column", GINT_TO_POINTER (column));
        g_signal_connect_object (child, "notify::selected", G_CALLBACK (on_grade_selected), self, 0);
      }
      break;

    case COLUMN_FIGURE:
    case COLUMN_STANCE:
    case COLUMN_SAID_ON:
    case COLUMN_SOURCE:
    case COLUMN_AFFILIATION:
    case N_COLUMNS:
    default:
      child = make_cell_label ();
      break;
    }

  gtk_list_item_set_child (list_item, child);
}

static void
bind_grade (BlComparisonPanel   *self,
            GtkDropDown         *dropdown,
            BlComparisonRowItem *item,
            gboolean             reliability)
{
  guint grade = reliability ? bl_comparison_row_item_get_reliability (item)
                            : bl_comparison_row_item_get_credibility (item);
  g_autofree char *meaning = reliability ? reliability_text (grade) : credibility_text (grade);
  g_autofree char *tooltip = NULL;
  const char *source = bl_comparison_row_item_get_source (item);

  g_signal_handlers_block_by_func (dropdown, on_grade_selected, self);
  gtk_drop_down_set_selected (dropdown, grade);
  g_signal_handlers_unblock_by_func (dropdown, on_grade_selected, self);

  if (reliability)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (dropdown),
                                bl_comparison_row_item_get_source_index (item) != BL_NO_INDEX);
      /* Translators: a tooltip: a grade and the source it grades */
      tooltip = g_strdup_printf (_("Source reliability: %s (of %s)"), meaning,
                                 source ? source : _("no source"));
    }
  else
    /* Translators: a tooltip: the claim's grade */
    tooltip = g_strdup_printf (_("Information credibility: %s"), meaning);

  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  reliability ? _("Source reliability") : _("Information credibility"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, meaning,
                                  -1);
}

static void
set_cell_text (GtkWidget  *label,
               const char *text,
               const char *tooltip)
{
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_tooltip_text (label, tooltip);
}

void
bl_comparison_panel_on_cell_bind (GtkSignalListItemFactory *factory,
                                  GtkListItem              *list_item,
                                  BlComparisonPanel        *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "bl-column"));
  BlComparisonRowItem *item = get_list_item_row (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (item == NULL)
    return;

  switch (column)
    {
    case COLUMN_CLAIMANT:
      {
        GtkWidget *swatch = gtk_widget_get_first_child (child);
        const char *statement = bl_comparison_row_item_get_statement (item);

        set_cell_text (gtk_widget_get_next_sibling (swatch),
                       bl_comparison_row_item_get_claimant (item), statement);
        gtk_accessible_update_property (GTK_ACCESSIBLE (swatch),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        bl_comparison_row_item_get_stance_label (item),
                                        -1);
        gtk_widget_queue_draw (swatch);
      }
      break;

    case COLUMN_FIGURE:
      {
        const char *figure = bl_comparison_row_item_get_figure (item);
        g_autofree char *text = NULL;

        if (figure != NULL && (bl_comparison_row_item_get_flags (item) & BL_COMPARISON_ROW_OUTLIER))
          /* Translators: a figure far from the others on its topic */
          text = g_strdup_printf (_("%s (outlier)"), figure);
        else
          text = g_strdup (figure ? figure : "—");
        set_cell_text (child, text, figure ? text : NULL);
      }
      break;

    case COLUMN_STANCE:
      set_cell_text (child, bl_comparison_row_item_get_stance_label (item), NULL);
      break;

    case COLUMN_SAID_ON:
      set_cell_text (child, bl_comparison_row_item_get_said_on_text (item),
                     bl_comparison_row_item_get_said_on_text (item));
      break;

    case COLUMN_SOURCE:
      set_cell_text (child, bl_comparison_row_item_get_source (item), bl_comparison_row_item_get_source (item));
      break;

    case COLUMN_AFFILIATION:
      set_cell_text (child, bl_comparison_row_item_get_affiliation (item),
                     bl_comparison_row_item_get_affiliation (item));
      break;

    case COLUMN_RELIABILITY:
    case COLUMN_CREDIBILITY:
      bind_grade (self, GTK_DROP_DOWN (child), item, column == COLUMN_RELIABILITY);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/* The popup of a grade chooser: the grade and its meaning. */
static void
on_grade_item_setup (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, make_cell_label ());
}

static void
on_grade_item_bind (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  gboolean reliability = GPOINTER_TO_INT (user_data);
  guint grade = gtk_list_item_get_position (list_item);
  g_autofree char *text = NULL;

  if (grade > 6)
    return;
  text = reliability ? reliability_text (grade) : credibility_text (grade);
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text);
}

GtkListItemFactory *
bl_comparison_panel_make_grade_list_factory (gboolean reliability)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_grade_item_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_grade_item_bind), GINT_TO_POINTER (reliability));
  return factory;
}
