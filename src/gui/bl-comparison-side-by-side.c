/* bl-comparison-side-by-side.c — the comparison panel's side-by-side view
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chosen claimants or sources in columns, one line per question, with
 * agreements and contradictions marked (bl_comparison_side_by_side()).
 * Names and statements are plain text, never markup.
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

/* Side by side */

static GHashTable *
checked_keys (BlComparisonPanel *self)
{
  return self->checked[self->choice_mode];
}

static void
on_choice_toggled (GtkCheckButton    *check,
                   BlComparisonPanel *self)
{
  guint32 key = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "bl-key"));

  if (gtk_check_button_get_active (check))
    g_hash_table_add (checked_keys (self), GUINT_TO_POINTER (key + 1));
  else
    g_hash_table_remove (checked_keys (self), GUINT_TO_POINTER (key + 1));
  self->checked_set[self->choice_mode] = TRUE;

  bl_comparison_panel_rebuild_side_by_side (self);
}

/* The claimants or sources of the comparison, as check boxes; rebuilt
 * only when they change, not on every move of the time window. */
static void
fill_choices (BlComparisonPanel *self,
              BlSideBySideKey    mode)
{
  BlProject *project = bl_comparison_panel_project (self);
  const BlComparisonGroup *groups;
  guint n_groups = 0;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (guint32));
  GtkWidget *child;
  gboolean any_checked = FALSE;

  groups = mode == BL_SIDE_BY_SIDE_SOURCES ? bl_comparison_get_sources (self->comparison, &n_groups)
                                           : bl_comparison_get_claimants (self->comparison, &n_groups);
  for (guint g = 0; g < n_groups; g++)
    if (groups[g].key != BL_NO_INDEX)
      g_array_append_val (keys, groups[g].key);

  if (mode == self->choice_mode && self->choice_keys->len == keys->len &&
      memcmp (self->choice_keys->data, keys->data, keys->len * sizeof (guint32)) == 0)
    return;

  self->choice_mode = mode;
  g_array_set_size (self->choice_keys, 0);
  g_array_append_vals (self->choice_keys, keys->data, keys->len);

  /* a first look: the first few, checked */
  for (guint k = 0; k < keys->len; k++)
    if (g_hash_table_contains (checked_keys (self), GUINT_TO_POINTER (g_array_index (keys, guint32, k) + 1)))
      any_checked = TRUE;
  if (!self->checked_set[mode] && !any_checked)
    for (guint k = 0; k < MIN (keys->len, DEFAULT_SIDE_BY_SIDE_COLUMNS); k++)
      g_hash_table_add (checked_keys (self), GUINT_TO_POINTER (g_array_index (keys, guint32, k) + 1));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choice_list))) != NULL)
    gtk_list_box_remove (self->choice_list, child);

  for (guint k = 0; k < keys->len; k++)
    {
      guint32 key = g_array_index (keys, guint32, k);
      g_autofree char *name = mode == BL_SIDE_BY_SIDE_SOURCES ? bl_comparison_panel_source_name (project, key)
                                                              : bl_comparison_panel_actor_name (project, key);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (name);

      gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (checked_keys (self), GUINT_TO_POINTER (key + 1)));
      gtk_widget_set_margin_start (check, 6);
      gtk_widget_set_margin_end (check, 6);
      gtk_widget_set_margin_top (check, 3);
      gtk_widget_set_margin_bottom (check, 3);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      g_object_set_data (G_OBJECT (check), "bl-key", GUINT_TO_POINTER (key));
      g_signal_connect (check, "toggled", G_CALLBACK (on_choice_toggled), self);
      gtk_list_box_append (self->choice_list, check);
    }
}

static void
on_claim_button_clicked (GtkButton         *button,
                         BlComparisonPanel *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "bl-claim-id");

  if (self->selection != NULL && id != NULL)
    bl_selection_set_claim_id (self->selection, id);
}

static GtkWidget *
make_mark (BlComparisonMark mark)
{
  GtkWidget *label;

  if (mark == BL_COMPARISON_MARK_NONE)
    return NULL;

  /* a sign and a word: never colour alone */
  label = gtk_label_new (mark == BL_COMPARISON_MARK_AGREES
                         /* Translators: this cell's claims agree with another column's */
                         ? _("✓ Agrees")
                         /* Translators: this cell's claims contradict another column's */
                         : _("✗ Contradicts"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, mark == BL_COMPARISON_MARK_AGREES ? "success" : "error");
  return label;
}

/* Button labels are bold in Adwaita; a claim's statement in one is not. */
static void
set_regular_weight (GtkWidget *label)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
}

static GtkWidget *
make_claim_button (BlComparisonPanel *self,
                   guint              row)
{
  const BlComparisonRow *r = bl_comparison_get_row (self->comparison, row);
  BlClaimStore *store = bl_project_get_claims (bl_comparison_panel_project (self));
  g_autofree char *figure = NULL;
  g_autofree char *said_on = NULL;
  GtkWidget *button, *box, *head, *statement, *date;
  BlClaimRecord record;

  bl_claim_store_get_record (store, r->claim, &record);
  if (record.quantity != NULL)
    figure = bl_quantity_format (record.quantity);
  if (r->stance != BL_STANCE_ASSERTS || figure == NULL)
    {
      char *with_stance = figure ? g_strdup_printf ("%s · %s", bl_stance_get_label (r->stance), figure)
                                 : g_strdup (bl_stance_get_label (r->stance));

      g_free (figure);
      figure = with_stance;
    }

  head = gtk_label_new (figure);
  gtk_label_set_xalign (GTK_LABEL (head), 0);
  gtk_label_set_wrap (GTK_LABEL (head), TRUE);
  gtk_widget_add_css_class (head, "heading");

  statement = gtk_label_new (record.statement);
  gtk_label_set_xalign (GTK_LABEL (statement), 0);
  gtk_label_set_wrap (GTK_LABEL (statement), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (statement), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (statement), 4);
  gtk_label_set_ellipsize (GTK_LABEL (statement), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (statement), 20);
  gtk_label_set_width_chars (GTK_LABEL (statement), 14);
  set_regular_weight (statement);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), statement);

  if (!bl_date_is_unknown (&r->said_on))
    {
      said_on = bl_date_format (&r->said_on);
      date = gtk_label_new (said_on);
      gtk_label_set_xalign (GTK_LABEL (date), 0);
      gtk_label_set_wrap (GTK_LABEL (date), TRUE);
      gtk_widget_add_css_class (date, "caption");
      gtk_widget_add_css_class (date, "dim-label");
      set_regular_weight (date);
      gtk_box_append (GTK_BOX (box), date);
    }

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Select this claim"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, figure,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, record.statement,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "bl-claim-id", g_strdup (record.id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_claim_button_clicked), self);
  return button;
}

void
bl_comparison_panel_rebuild_side_by_side (BlComparisonPanel *self)
{
  BlProject *project = bl_comparison_panel_project (self);
  BlSideBySideKey mode = gtk_drop_down_get_selected (self->key_dropdown) == 1 ? BL_SIDE_BY_SIDE_SOURCES
                                                                             : BL_SIDE_BY_SIDE_CLAIMANTS;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(BlSideBySide) sbs = NULL;
  const guint32 *topics;
  GtkWidget *child;
  guint n_topics, y = 0;

  self->side_by_side_dirty = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->side_by_side_grid))) != NULL)
    gtk_grid_remove (self->side_by_side_grid, child);

  if (self->comparison == NULL)
    return;

  fill_choices (self, mode);
  for (guint k = 0; k < self->choice_keys->len; k++)
    {
      guint32 key = g_array_index (self->choice_keys, guint32, k);

      if (g_hash_table_contains (checked_keys (self), GUINT_TO_POINTER (key + 1)))
        g_array_append_val (columns, key);
    }

  if (columns->len < 2)
    gtk_label_set_text (self->side_by_side_hint,
                        mode == BL_SIDE_BY_SIDE_SOURCES
                        ? _("Choose two or more sources to set their claims side by side.")
                        : _("Choose two or more claimants to set their claims side by side."));
  else
    gtk_label_set_text (self->side_by_side_hint,
                        _("“Agrees”: figures overlap or one corroborates another. “Contradicts”: figures are disjoint, or one denies or qualifies another."));

  if (columns->len == 0)
    return;

  sbs = bl_comparison_side_by_side (self->comparison, mode, (const guint32 *) columns->data, columns->len);
  topics = bl_comparison_get_topics (self->comparison, &n_topics);

  /* the column heads */
  for (guint c = 0; c < columns->len; c++)
    {
      guint32 key = bl_side_by_side_get_column (sbs, c);
      g_autofree char *name = mode == BL_SIDE_BY_SIDE_SOURCES ? bl_comparison_panel_source_name (project, key)
                                                              : bl_comparison_panel_actor_name (project, key);
      GtkWidget *label = gtk_label_new (name);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->side_by_side_grid, label, c, y, 1, 1);
    }
  y++;

  for (guint l = 0; l < bl_side_by_side_get_n_lines (sbs); l++)
    {
      guint slot = bl_side_by_side_get_line_topic_slot (sbs, l);
      BlTopic *topic = bl_project_get_topic (project, topics[slot]);
      BlComparisonMark line_mark = bl_side_by_side_get_line_mark (sbs, l);
      GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *title = gtk_label_new (bl_topic_get_title (topic) ? bl_topic_get_title (topic)
                                                                   : bl_topic_get_id (topic));
      GtkWidget *mark = make_mark (line_mark);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "caption-heading");
      gtk_widget_add_css_class (title, "dim-label");
      gtk_box_append (GTK_BOX (heading), title);
      if (mark != NULL)
        gtk_box_append (GTK_BOX (heading), mark);
      gtk_widget_set_margin_top (heading, 10);
      gtk_grid_attach (self->side_by_side_grid, heading, 0, y++, columns->len, 1);

      for (guint c = 0; c < columns->len; c++)
        {
          GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
          guint n_rows = 0;
          const guint *rows = bl_side_by_side_get_cell (sbs, l, c, &n_rows);

          gtk_widget_set_valign (cell, GTK_ALIGN_START);
          gtk_widget_set_size_request (cell, 130, -1);
          for (guint i = 0; i < n_rows; i++)
            gtk_box_append (GTK_BOX (cell), make_claim_button (self, rows[i]));
          if (n_rows == 0)
            {
              GtkWidget *none = gtk_label_new (_("Nothing on this topic"));

              gtk_label_set_xalign (GTK_LABEL (none), 0);
              gtk_widget_add_css_class (none, "dim-label");
              gtk_box_append (GTK_BOX (cell), none);
            }
          else if ((mark = make_mark (bl_side_by_side_get_cell_mark (sbs, l, c))) != NULL)
            {
              gtk_widget_set_margin_start (mark, 10);
              gtk_box_append (GTK_BOX (cell), mark);
            }
          gtk_grid_attach (self->side_by_side_grid, cell, c, y, 1, 1);
        }
      y++;
    }
}

void
bl_comparison_panel_on_side_by_side_toggled (GtkToggleButton   *button,
                                             BlComparisonPanel *self)
{
  bl_comparison_panel_show_page (self);
  if (gtk_toggle_button_get_active (button) && self->side_by_side_dirty)
    bl_comparison_panel_rebuild_side_by_side (self);
}

void
bl_comparison_panel_on_key_selected (GtkDropDown       *dropdown,
                                     GParamSpec        *pspec,
                                     BlComparisonPanel *self)
{
  if (self->comparison != NULL)
    bl_comparison_panel_rebuild_side_by_side (self);
}

