/* bl-filter-popover.c — the filter's criteria, chosen in a popover
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlFilterPopover shows and sets every criterion of the shared BlFilter
 * but its text (the search entry has that) and its time window (the
 * timeline has that): claimant, source, topic, stances, the lowest source
 * reliability and information credibility to show, and a tag. It follows
 * the filter, so a change made elsewhere (a topic chosen in the
 * comparison, a project opened) shows here too. The menu button that
 * opens it says how many of these criteria are set.
 *
 * It computes nothing: BlVisibleClaims applies the filter, and the map,
 * the timeline, the claim list and the comparison follow it.
 *
 * Names come from files: plain text in string lists, never markup.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-filter-popover.h"
#include "bl-vocab.h"

struct _BlFilterPopover
{
  GtkPopover       parent_instance;

  /* widgets */
  GtkDropDown     *entity_dropdowns[BL_N_ENTITY_KINDS];
  GtkStringList   *entity_names[BL_N_ENTITY_KINDS];
  GtkToggleButton *stance_buttons[BL_N_STANCES];
  GtkDropDown     *reliability_dropdown;
  GtkDropDown     *credibility_dropdown;
  GtkEntry        *tag_entry;
  GtkWidget       *clear_button;

  /* borrowed: the button that opens it, and its count */
  GtkMenuButton   *button;
  GtkLabel        *count_label;

  /* owned */
  BlFilter        *filter;
  BlProject       *project;

  gboolean         syncing;
};

G_DEFINE_FINAL_TYPE (BlFilterPopover, bl_filter_popover, GTK_TYPE_POPOVER)

static void sync_from_filter (BlFilterPopover *self);

/* Helpers */

static guint32
get_entity (BlFilter     *filter,
            BlEntityKind  kind)
{
  return kind == BL_ENTITY_ACTOR ? bl_filter_get_actor (filter)
       : kind == BL_ENTITY_SOURCE ? bl_filter_get_source (filter)
       : bl_filter_get_topic (filter);
}

static void
set_entity (BlFilter     *filter,
            BlEntityKind  kind,
            guint32       index)
{
  if (kind == BL_ENTITY_ACTOR)
    bl_filter_set_actor (filter, index);
  else if (kind == BL_ENTITY_SOURCE)
    bl_filter_set_source (filter, index);
  else
    bl_filter_set_topic (filter, index);
}

static char *
entity_name (GObject *entity)
{
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  g_object_get (entity, BL_IS_TOPIC (entity) ? "title" : "name", &name, "id", &id, NULL);
  return name != NULL && *name != '\0' ? g_steal_pointer (&name) : g_steal_pointer (&id);
}

/* The choosers' lists: "Any …" first, then every entity by name. */
static void
fill_names (BlFilterPopover *self)
{
  static const char *any[BL_N_ENTITY_KINDS] = {
    N_("Any claimant"), N_("Any source"), N_("Any topic"),
  };

  self->syncing = TRUE;
  for (guint k = 0; k < BL_N_ENTITY_KINDS; k++)
    {
      GListModel *entities = self->project ? bl_project_get_entities (self->project, k) : NULL;
      guint n = entities ? g_list_model_get_n_items (entities) : 0;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) names = NULL;

      g_strv_builder_add (builder, _(any[k]));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) entity = g_list_model_get_item (entities, i);
          g_autofree char *name = entity_name (entity);

          g_strv_builder_add (builder, name);
        }
      names = g_strv_builder_end (builder);
      gtk_string_list_splice (self->entity_names[k], 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->entity_names[k])),
                              (const char * const *) names);
    }
  self->syncing = FALSE;

  sync_from_filter (self);
}

static guint
stance_mask (BlFilterPopover *self)
{
  guint mask = 0;

  for (guint s = 0; s < BL_N_STANCES; s++)
    if (gtk_toggle_button_get_active (self->stance_buttons[s]))
      mask |= 1u << s;
  return mask;
}

/* What the popover sets, not the text or the window */
static guint
count_active (BlFilter *filter)
{
  return (bl_filter_get_actor (filter) != BL_NO_INDEX) +
         (bl_filter_get_source (filter) != BL_NO_INDEX) +
         (bl_filter_get_topic (filter) != BL_NO_INDEX) +
         (bl_filter_get_stances (filter) != BL_FILTER_ALL_STANCES) +
         (bl_filter_get_min_reliability (filter) != 0) +
         (bl_filter_get_min_credibility (filter) != 0) +
         (bl_filter_get_tag (filter) != NULL);
}

static void
update_button (BlFilterPopover *self)
{
  guint n = count_active (self->filter);
  g_autofree char *count = g_strdup_printf ("%u", n);
  g_autofree char *description = NULL;

  gtk_widget_set_sensitive (self->clear_button, n > 0);
  if (self->button == NULL)
    return;

  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n > 0);
  if (n > 0)
    {
      description = g_strdup_printf (ngettext ("%u filter active", "%u filters active", n), n);
      gtk_widget_add_css_class (GTK_WIDGET (self->button), "bl-filters-active");
    }
  else
    {
      description = g_strdup (_("No filters: every claim is shown"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->button), "bl-filters-active");
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
sync_from_filter (BlFilterPopover *self)
{
  const char *tag = bl_filter_get_tag (self->filter);
  guint stances = bl_filter_get_stances (self->filter);

  self->syncing = TRUE;

  for (guint k = 0; k < BL_N_ENTITY_KINDS; k++)
    {
      guint32 index = get_entity (self->filter, k);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entity_names[k]));

      gtk_drop_down_set_selected (self->entity_dropdowns[k], index != BL_NO_INDEX && index + 1 < n ? index + 1 : 0);
    }
  for (guint s = 0; s < BL_N_STANCES; s++)
    gtk_toggle_button_set_active (self->stance_buttons[s], (stances & (1u << s)) != 0);
  gtk_drop_down_set_selected (self->reliability_dropdown, bl_filter_get_min_reliability (self->filter));
  gtk_drop_down_set_selected (self->credibility_dropdown, bl_filter_get_min_credibility (self->filter));
  if (g_strcmp0 (tag != NULL ? tag : "", gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), tag != NULL ? tag : "");

  self->syncing = FALSE;

  update_button (self);
}

/* Callbacks */

static void
on_filter_changed (BlFilter        *filter,
                   BlFilterChange   change,
                   BlFilterPopover *self)
{
  if (change & BL_FILTER_CHANGE_CRITERIA)
    sync_from_filter (self);
}

static void
on_entity_selected (GtkDropDown     *dropdown,
                    GParamSpec      *pspec,
                    BlFilterPopover *self)
{
  BlEntityKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "entity-kind"));
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing)
    return;
  set_entity (self->filter, kind, selected == 0 || selected == GTK_INVALID_LIST_POSITION ? BL_NO_INDEX : selected - 1);
}

static void
on_stance_toggled (GtkToggleButton *button,
                   BlFilterPopover *self)
{
  guint mask;

  if (self->syncing)
    return;

  /* at least one stance stays: none would hide every claim */
  mask = stance_mask (self);
  if (mask == 0)
    {
      self->syncing = TRUE;
      gtk_toggle_button_set_active (button, TRUE);
      self->syncing = FALSE;
      return;
    }
  bl_filter_set_stances (self->filter, mask);
}

static void
on_grade_selected (GtkDropDown     *dropdown,
                   GParamSpec      *pspec,
                   BlFilterPopover *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (dropdown == self->reliability_dropdown)
    bl_filter_set_min_reliability (self->filter, selected);
  else
    bl_filter_set_min_credibility (self->filter, selected);
}

static void
on_tag_changed (GtkEditable     *entry,
                BlFilterPopover *self)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (self->syncing)
    return;
  bl_filter_set_tag (self->filter, *tag != '\0' ? tag : NULL);
}

static void
on_entities_changed (BlFilterPopover *self)
{
  fill_names (self);
}

static void
on_show (BlFilterPopover *self)
{
  /* names may have been edited since */
  fill_names (self);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  bl_filter_popover_clear (BL_FILTER_POPOVER (widget));
}

/* Building */

static GtkWidget *
add_row (GtkGrid    *grid,
         int         row,
         const char *mnemonic,
         const char *accessible,
         GtkWidget  *control)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_widget_set_hexpand (control, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, control, 1, row, 1, 1);
  return control;
}

static GtkDropDown *
entity_dropdown (BlFilterPopover *self,
                 BlEntityKind     kind)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkDropDown *dropdown;

  self->entity_names[kind] = gtk_string_list_new (NULL);
  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->entity_names[kind])), expression));
  gtk_drop_down_set_enable_search (dropdown, TRUE);
  g_object_set_data (G_OBJECT (dropdown), "entity-kind", GUINT_TO_POINTER (kind));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_entity_selected), self);
  return dropdown;
}

static GtkDropDown *
grade_dropdown (BlFilterPopover *self,
                gboolean         reliability)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  GtkDropDown *dropdown;

  gtk_string_list_append (labels, reliability ? _("Any reliability") : _("Any credibility"));
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *label = NULL;

      if (reliability)
        /* Translators: the lowest source reliability shown, "B or better — Usually reliable" */
        label = g_strdup_printf (_("%c or better — %s"), bl_reliability_to_letter (i), bl_reliability_get_meaning (i));
      else
        /* Translators: the lowest information credibility shown, "2 or better — Probably true" */
        label = g_strdup_printf (_("%u or better — %s"), i, bl_credibility_get_meaning (i));
      gtk_string_list_append (labels, label);
    }

  dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (labels), NULL));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_grade_selected), self);
  return dropdown;
}

static void
bl_filter_popover_dispose (GObject *object)
{
  BlFilterPopover *self = BL_FILTER_POPOVER (object);

  bl_filter_popover_set_project (self, NULL);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->filter);
  for (guint k = 0; k < BL_N_ENTITY_KINDS; k++)
    g_clear_object (&self->entity_names[k]);

  G_OBJECT_CLASS (bl_filter_popover_parent_class)->dispose (object);
}

static void
bl_filter_popover_class_init (BlFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_filter_popover_dispose;

  gtk_widget_class_install_action (widget_class, "filters.clear", NULL, clear_action);
}

static void
bl_filter_popover_init (BlFilterPopover *self)
{
  static const char *stance_labels[BL_N_STANCES] = {
    N_("Asserts"), N_("Denies"), N_("Qualifies"),
  };
  static const char *stance_descriptions[BL_N_STANCES] = {
    N_("Show claims that assert"), N_("Show claims that deny"), N_("Show claims that qualify"),
  };
  GtkWidget *box, *header, *title, *grid, *stances;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_size_request (box, 340, -1);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  title = gtk_label_new (_("Show Only Claims"));
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  self->clear_button = gtk_button_new_with_mnemonic (_("C_lear Filters"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->clear_button), "filters.clear");
  gtk_widget_set_tooltip_text (self->clear_button, _("Show every claim again (the search text stays)"));
  gtk_box_append (GTK_BOX (header), self->clear_button);
  gtk_box_append (GTK_BOX (box), header);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  self->entity_dropdowns[BL_ENTITY_ACTOR] = entity_dropdown (self, BL_ENTITY_ACTOR);
  self->entity_dropdowns[BL_ENTITY_SOURCE] = entity_dropdown (self, BL_ENTITY_SOURCE);
  self->entity_dropdowns[BL_ENTITY_TOPIC] = entity_dropdown (self, BL_ENTITY_TOPIC);
  add_row (GTK_GRID (grid), 0, _("Clai_mant"), _("Claimant"), GTK_WIDGET (self->entity_dropdowns[BL_ENTITY_ACTOR]));
  add_row (GTK_GRID (grid), 1, _("_Source"), _("Source"), GTK_WIDGET (self->entity_dropdowns[BL_ENTITY_SOURCE]));
  add_row (GTK_GRID (grid), 2, _("_Topic"), _("Topic"), GTK_WIDGET (self->entity_dropdowns[BL_ENTITY_TOPIC]));

  stances = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (stances, "linked");
  gtk_box_set_homogeneous (GTK_BOX (stances), TRUE);
  for (guint s = 0; s < BL_N_STANCES; s++)
    {
      self->stance_buttons[s] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_(stance_labels[s])));
      gtk_toggle_button_set_active (self->stance_buttons[s], TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->stance_buttons[s]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(stance_descriptions[s]), -1);
      g_signal_connect (self->stance_buttons[s], "toggled", G_CALLBACK (on_stance_toggled), self);
      gtk_box_append (GTK_BOX (stances), GTK_WIDGET (self->stance_buttons[s]));
    }
  add_row (GTK_GRID (grid), 3, _("Sta_nce"), _("Stances shown"), stances);
  gtk_accessible_update_property (GTK_ACCESSIBLE (stances), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stances shown"), -1);

  self->reliability_dropdown = grade_dropdown (self, TRUE);
  add_row (GTK_GRID (grid), 4, _("Source _reliability"), _("Lowest source reliability shown"),
           GTK_WIDGET (self->reliability_dropdown));
  self->credibility_dropdown = grade_dropdown (self, FALSE);
  add_row (GTK_GRID (grid), 5, _("_Credibility"), _("Lowest information credibility shown"),
           GTK_WIDGET (self->credibility_dropdown));

  self->tag_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->tag_entry, _("Any tag"));
  g_signal_connect (self->tag_entry, "changed", G_CALLBACK (on_tag_changed), self);
  add_row (GTK_GRID (grid), 6, _("T_ag"), _("Tag"), GTK_WIDGET (self->tag_entry));

  gtk_box_append (GTK_BOX (box), grid);
  gtk_popover_set_child (GTK_POPOVER (self), box);

  g_signal_connect_swapped (self, "show", G_CALLBACK (on_show), self);
}

/* Public API */

/**
 * bl_filter_popover_new:
 * @filter: the filter every view shares
 *
 * Returns: (transfer floating): a popover setting @filter's criteria
 */
GtkWidget *
bl_filter_popover_new (BlFilter *filter)
{
  BlFilterPopover *self;

  g_return_val_if_fail (BL_IS_FILTER (filter), NULL);

  self = g_object_new (BL_TYPE_FILTER_POPOVER, NULL);
  self->filter = g_object_ref (filter);
  g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed), self);
  fill_names (self);
  return GTK_WIDGET (self);
}

/**
 * bl_filter_popover_set_project:
 * @project: (nullable): the project whose claimants, sources and topics
 *   are offered
 */
void
bl_filter_popover_set_project (BlFilterPopover *self,
                               BlProject       *project)
{
  g_return_if_fail (BL_IS_FILTER_POPOVER (self));
  g_return_if_fail (project == NULL || BL_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    for (guint k = 0; k < BL_N_ENTITY_KINDS; k++)
      g_signal_handlers_disconnect_by_data (bl_project_get_entities (self->project, k), self);
  g_set_object (&self->project, project);
  if (project != NULL)
    for (guint k = 0; k < BL_N_ENTITY_KINDS; k++)
      g_signal_connect_swapped (bl_project_get_entities (project, k), "items-changed",
                                G_CALLBACK (on_entities_changed), self);

  if (self->filter != NULL)
    fill_names (self);
}

/**
 * bl_filter_popover_attach:
 * @button: the menu button that opens the popover
 *
 * Gives @button its label and a count of the criteria set, kept up to
 * date, and the popover.
 */
void
bl_filter_popover_attach (BlFilterPopover *self,
                          GtkMenuButton   *button)
{
  GtkWidget *box, *label;

  g_return_if_fail (BL_IS_FILTER_POPOVER (self));
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  label = gtk_label_new_with_mnemonic (_("_Filters"));
  gtk_box_append (GTK_BOX (box), label);
  self->count_label = GTK_LABEL (gtk_label_new ("0"));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "bl-filter-count");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("pan-down-symbolic"));

  self->button = button;
  gtk_menu_button_set_child (button, box);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filters"), -1);
  update_button (self);
}

/**
 * bl_filter_popover_get_n_active:
 *
 * Returns: how many criteria the popover sets are narrowing the claims
 */
guint
bl_filter_popover_get_n_active (BlFilterPopover *self)
{
  g_return_val_if_fail (BL_IS_FILTER_POPOVER (self), 0);
  return count_active (self->filter);
}

/**
 * bl_filter_popover_clear:
 *
 * Clears every criterion the popover sets; the search text and the time
 * window stay.
 */
void
bl_filter_popover_clear (BlFilterPopover *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (BL_IS_FILTER_POPOVER (self));

  text = g_strdup (bl_filter_get_text (self->filter));
  bl_filter_reset (self->filter);
  bl_filter_set_text (self->filter, text);
}
