/* bl-map-legend.c — what the map's colours and shapes mean
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small card over the map that lists the entries of
 * bl_claim_painter_get_legend(): a colour per topic (or claimant) in
 * view, and a shape per stance, each swatch drawn by the painter itself
 * so the legend cannot drift from the map. The card folds away behind
 * its heading. It is rebuilt when the visible claims change.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-map-legend.h"

struct _BlMapLegend
{
  GtkWidget       parent_instance;

  GtkWidget      *expander;
  GtkWidget      *rows;

  BlClaimPainter *painter;
  guint           update_source;
};

G_DEFINE_FINAL_TYPE (BlMapLegend, bl_map_legend, GTK_TYPE_WIDGET)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const BlLegendEntry *entry = user_data;

  if (entry->is_color)
    bl_claim_painter_draw_marker (cr, width / 2.0, height / 2.0, 0.85, BL_STANCE_ASSERTS, 0, entry->rgba);
  else
    bl_claim_painter_draw_marker (cr, width / 2.0, height / 2.0, 0.85, entry->stance, 0, entry->rgba);
}

static gboolean
rebuild (gpointer user_data)
{
  BlMapLegend *self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *child;

  self->update_source = 0;

  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);

  if (self->painter == NULL)
    return G_SOURCE_REMOVE;

  entries = bl_claim_painter_get_legend (self->painter);
  for (guint i = 0; i < entries->len; i++)
    {
      BlLegendEntry *entry = g_ptr_array_steal_index (entries, i--);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (entry->label);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 18);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 18);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, entry,
                                      (GDestroyNotify) bl_legend_entry_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      entry->is_color ? _("Colour") : _("Shape"),
                                      -1);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      gtk_widget_add_css_class (label, "caption");

      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (self->rows), row);
    }

  return G_SOURCE_REMOVE;
}

static void
bl_map_legend_dispose (GObject *object)
{
  BlMapLegend *self = BL_MAP_LEGEND (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_object (&self->painter);
  g_clear_pointer (&self->expander, gtk_widget_unparent);

  G_OBJECT_CLASS (bl_map_legend_parent_class)->dispose (object);
}

static void
bl_map_legend_class_init (BlMapLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_map_legend_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "map-legend");
}

static void
bl_map_legend_init (BlMapLegend *self)
{
  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (self->rows, 4);

  self->expander = gtk_expander_new (_("Legend"));
  gtk_expander_set_expanded (GTK_EXPANDER (self->expander), TRUE);
  gtk_expander_set_child (GTK_EXPANDER (self->expander), self->rows);
  /* GTK 4.8 does not name an expander after its label */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);
  gtk_widget_set_parent (self->expander, GTK_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
}

GtkWidget *
bl_map_legend_new (void)
{
  return g_object_new (BL_TYPE_MAP_LEGEND, NULL);
}

/**
 * bl_map_legend_set_painter:
 * @painter: (nullable): the painter whose colours and shapes to explain
 */
void
bl_map_legend_set_painter (BlMapLegend    *self,
                           BlClaimPainter *painter)
{
  g_return_if_fail (BL_IS_MAP_LEGEND (self));

  g_set_object (&self->painter, painter);
  bl_map_legend_update (self);
  gtk_widget_set_visible (GTK_WIDGET (self), painter != NULL);
}

/**
 * bl_map_legend_update:
 *
 * Rebuilds the legend soon (once, however often it is asked).
 */
void
bl_map_legend_update (BlMapLegend *self)
{
  g_return_if_fail (BL_IS_MAP_LEGEND (self));

  if (self->update_source == 0)
    self->update_source = g_timeout_add (150, rebuild, self);
}
