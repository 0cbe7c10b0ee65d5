/* bl-comparison-row-list.c — a comparison's rows as a list model
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comparison table's model. A comparison of a million claims has a
 * hundred thousand rows; a BlComparisonRowItem copies a row's texts out
 * (claimant, source, figure…), and making all of them took 1.7 s on the
 * main thread and 30 MB. This list makes an item only when asked for it:
 * the table asks for the rows it shows, so only a screenful are made,
 * until the user sorts by a column (the sort model then reads every row,
 * as it must). While an item lives, asking again gives the same object.
 *
 * Setting another comparison replaces every row in one items-changed.
 *
 * Not here: sorting (GtkSortListModel over this list), the cells.
 */
#include "config.h"

#include "bl-comparison-row-list.h"

struct _BlComparisonRowList
{
  GObject         parent_instance;

  BlComparison   *comparison;   /* owned; NULL for no rows */
  GWeakRef       *items;        /* one per row, made on first use */
  guint           n_items;
  guint           n_made;       /* items made since the comparison was set */

  BlRowColorFunc  color_func;
  gpointer        color_data;
};

static void bl_comparison_row_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BlComparisonRowList, bl_comparison_row_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bl_comparison_row_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return BL_TYPE_COMPARISON_ROW_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return BL_COMPARISON_ROW_LIST (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BlComparisonRowList *self = BL_COMPARISON_ROW_LIST (model);
  BlComparisonRowItem *item;
  GdkRGBA color = { 0.5, 0.5, 0.5, 1.0 };

  if (position >= self->n_items)
    return NULL;

  item = g_weak_ref_get (&self->items[position]);
  if (item != NULL)
    return item;

  if (self->color_func != NULL)
    self->color_func (bl_comparison_get_row (self->comparison, position)->actor, &color, self->color_data);
  item = bl_comparison_row_item_new (self->comparison, position, &color);
  g_weak_ref_set (&self->items[position], item);
  self->n_made++;

  return item;
}

static void
bl_comparison_row_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
clear_items (BlComparisonRowList *self)
{
  for (guint i = 0; i < self->n_items; i++)
    g_weak_ref_clear (&self->items[i]);
  g_clear_pointer (&self->items, g_free);
  self->n_items = 0;
}

static void
bl_comparison_row_list_finalize (GObject *object)
{
  BlComparisonRowList *self = BL_COMPARISON_ROW_LIST (object);

  clear_items (self);
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (bl_comparison_row_list_parent_class)->finalize (object);
}

static void
bl_comparison_row_list_class_init (BlComparisonRowListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bl_comparison_row_list_finalize;
}

static void
bl_comparison_row_list_init (BlComparisonRowList *self)
{
}

/**
 * bl_comparison_row_list_new:
 * @color_func: (nullable): gives the colour of a claimant's rows
 * @user_data: for @color_func, which must outlive the list
 *
 * Returns: (transfer full): an empty list
 */
BlComparisonRowList *
bl_comparison_row_list_new (BlRowColorFunc color_func,
                            gpointer       user_data)
{
  BlComparisonRowList *self = g_object_new (BL_TYPE_COMPARISON_ROW_LIST, NULL);

  self->color_func = color_func;
  self->color_data = user_data;
  return self;
}

/**
 * bl_comparison_row_list_set_comparison:
 * @comparison: (nullable): the rows to list; %NULL for none
 *
 * Lists @comparison's rows in its order, in place of the ones before.
 */
void
bl_comparison_row_list_set_comparison (BlComparisonRowList *self,
                                       BlComparison        *comparison)
{
  guint removed;

  g_return_if_fail (BL_IS_COMPARISON_ROW_LIST (self));
  g_return_if_fail (comparison == NULL || BL_IS_COMPARISON (comparison));

  removed = self->n_items;
  clear_items (self);
  g_set_object (&self->comparison, comparison);
  self->n_made = 0;
  if (comparison != NULL)
    {
      self->n_items = bl_comparison_get_n_rows (comparison);
      self->items = g_new0 (GWeakRef, MAX (self->n_items, 1));
    }

  if (removed > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->n_items);
}

/**
 * bl_comparison_row_list_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison listed
 */
BlComparison *
bl_comparison_row_list_get_comparison (BlComparisonRowList *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_LIST (self), NULL);
  return self->comparison;
}

/**
 * bl_comparison_row_list_get_n_made:
 *
 * Returns: how many items the list has made since its comparison was set
 *   (an item made again after it was freed counts again)
 */
guint
bl_comparison_row_list_get_n_made (BlComparisonRowList *self)
{
  g_return_val_if_fail (BL_IS_COMPARISON_ROW_LIST (self), 0);
  return self->n_made;
}
