/* bl-annotation-toolbar.c — the tools, colours and sizes of the annotation layer
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlAnnotationToolbar is the small row of controls that sits over the map
 * and drives a BlAnnotationLayer: one toggle button per tool (Select,
 * Label, Arrow, Callout, Circle, Area; the active one pressed again puts
 * the tools away), a colour menu with six colours that read on the
 * basemap and in print, a size (small, medium, large) and a Delete
 * button for the selection. The colour and size apply to what is drawn
 * next and to the selected annotation, and show the selection's own.
 *
 * bl_annotation_toolbar_install_shortcuts() adds the single keys V, T,
 * A, C and R (select, label, arrow, circle, area) to the map: they work
 * while the focus is in the map, not while typing elsewhere.
 *
 * It holds no annotations and changes none itself: the layer does, through
 * the project's history. It outlives the layer: a window that opens another
 * project hands it the new layer.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bl-annotation-painter.h"
#include "bl-annotation-toolbar.h"
#include "bl-widget-util.h"

struct _BlAnnotationToolbar
{
  GtkBox             parent_instance;

  /* widgets */
  GtkWidget         *tool_buttons[BL_ANNOTATION_TOOL_AREA + 1];
  GtkWidget         *color_button;
  GtkWidget         *color_swatch;
  GtkWidget         *color_popover;
  GtkWidget         *palette[BL_ANNOTATION_N_COLORS];
  GtkWidget         *size_dropdown;
  GtkWidget         *delete_button;

  /* owned */
  BlAnnotationLayer *layer;

  /* what the next layer starts with */
  char              *color;
  BlAnnotationSize   size;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (BlAnnotationToolbar, bl_annotation_toolbar, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_LAYER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  BlAnnotationTool  tool;
  const char       *name;      /* the accessible name */
  const char       *tooltip;
  guint             key;       /* a single-key shortcut, or 0 */
} ToolInfo;

static const ToolInfo tools[] = {
  { BL_ANNOTATION_TOOL_SELECT, N_("Select"), N_("Select, Move and Edit Annotations (V)"), GDK_KEY_v },
  { BL_ANNOTATION_TOOL_TEXT, N_("Label"), N_("Add a Label (T)"), GDK_KEY_t },
  { BL_ANNOTATION_TOOL_ARROW, N_("Arrow"), N_("Draw an Arrow: Drag from Tail to Head (A)"), GDK_KEY_a },
  { BL_ANNOTATION_TOOL_CALLOUT, N_("Callout"), N_("Add a Callout: Drag from the Text to What It Points At"), 0 },
  { BL_ANNOTATION_TOOL_CIRCLE, N_("Circle"), N_("Draw a Circle: Drag from Center to Rim (C)"), GDK_KEY_c },
  { BL_ANNOTATION_TOOL_AREA, N_("Area"), N_("Draw an Area: Click the Corners, Double-Click to Close (R)"), GDK_KEY_r },
};

typedef struct {
  const char *color;
  const char *name;
} PaletteEntry;

/* Dark enough to read on the basemap and in greyscale print; the first is
 * the layer's default. */
static const PaletteEntry palette[BL_ANNOTATION_N_COLORS] = {
  { "#a51d2d", N_("Dark Red") },
  { "#1a5fb4", N_("Blue") },
  { "#26a269", N_("Dark Green") },
  { "#613583", N_("Purple") },
  { "#c64600", N_("Orange") },
  { "#000000", N_("Black") },
};

/* The foreground colour of a widget, for the icons drawn here. */
static void
get_foreground (GtkWidget *widget,
                GdkRGBA   *rgba)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), rgba);
}

/* A closed path through @n points, given as x, y pairs. */
static void
polygon_path (cairo_t      *cr,
              const double *xy,
              guint         n)
{
  cairo_move_to (cr, xy[0], xy[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path (cr);
}

/* A line from (@x0, @y0) to (@x1, @y1), and a filled triangle for its
 * head. */
static void
draw_arrow (cairo_t      *cr,
            double        x0,
            double        y0,
            double        x1,
            double        y1,
            const double  head[6])
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  polygon_path (cr, head, 3);
  cairo_fill (cr);
}

/* The tools' icons, drawn in a 16 × 16 box in the button's colour: the
 * icon theme has no drawing tools. */
static void
draw_tool_icon (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  static const double pointer[] = { 4, 1.5, 4, 14, 7.2, 11, 9.6, 15, 11.4, 14, 9.1, 10.1, 13, 9.8 };
  static const double arrow_head[] = { 14, 2, 6.5, 4, 12, 9.5 };
  static const double callout_head[] = { 14.5, 14.5, 9, 13.5, 13.5, 9 };
  static const double area_outline[] = { 2, 5.5, 9, 2, 14, 7.5, 11, 14, 3.5, 12 };
  BlAnnotationTool tool = GPOINTER_TO_INT (user_data);
  GdkRGBA fg;

  get_foreground (GTK_WIDGET (area), &fg);
  cairo_translate (cr, (width - 16) / 2.0, (height - 16) / 2.0);
  if (gtk_widget_get_direction (GTK_WIDGET (area)) == GTK_TEXT_DIR_RTL && tool != BL_ANNOTATION_TOOL_TEXT)
    {
      cairo_translate (cr, 16, 0);
      cairo_scale (cr, -1, 1);
    }
  gdk_cairo_set_source_rgba (cr, &fg);
  cairo_set_line_width (cr, 1.75);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  switch (tool)
    {
    case BL_ANNOTATION_TOOL_SELECT:
      polygon_path (cr, pointer, G_N_ELEMENTS (pointer) / 2);
      cairo_fill (cr);
      break;

    case BL_ANNOTATION_TOOL_TEXT:
      cairo_rectangle (cr, 2.5, 2, 11, 2.25);
      cairo_rectangle (cr, 6.875, 2, 2.25, 12);
      cairo_rectangle (cr, 5, 12.25, 6, 1.75);
      cairo_fill (cr);
      break;

    case BL_ANNOTATION_TOOL_ARROW:
      draw_arrow (cr, 2.5, 13.5, 10, 6, arrow_head);
      break;

    case BL_ANNOTATION_TOOL_CALLOUT:
      cairo_rectangle (cr, 1.5, 1.5, 9, 5.5);
      cairo_stroke (cr);
      draw_arrow (cr, 6, 7, 11, 12, callout_head);
      break;

    case BL_ANNOTATION_TOOL_CIRCLE:
      cairo_arc (cr, 8, 8, 5.75, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, 8, 8, 1.25, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case BL_ANNOTATION_TOOL_AREA:
      polygon_path (cr, area_outline, G_N_ELEMENTS (area_outline) / 2);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, fg.alpha * 0.35);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_stroke (cr);
      break;

    case BL_ANNOTATION_TOOL_NONE:
    default:
      break;
    }
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  BlAnnotationToolbar *self = g_object_get_data (G_OBJECT (area), "toolbar");
  const char *color = user_data != NULL ? user_data : self->color;
  double r = MIN (width, height) / 2.0 - 2, rgba[4];
  GdkRGBA fg;

  get_foreground (GTK_WIDGET (area), &fg);
  bl_annotation_parse_color (color, rgba);

  cairo_arc (cr, width / 2.0, height / 2.0, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, rgba[0], rgba[1], rgba[2]);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_stroke (cr);

  /* the palette marks the colour in use */
  if (user_data != NULL && g_ascii_strcasecmp (color, self->color) == 0)
    {
      cairo_arc (cr, width / 2.0, height / 2.0, r + 1.5, 0, 2 * G_PI);
      cairo_set_line_width (cr, 2);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_stroke (cr);
    }
}

static void
update_from_layer (BlAnnotationToolbar *self)
{
  BlAnnotationTool tool = self->layer ? bl_annotation_layer_get_tool (self->layer) : BL_ANNOTATION_TOOL_NONE;

  self->updating = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->tool_buttons[tools[i].tool]),
                                  tools[i].tool == tool);

  if (self->layer != NULL)
    {
      g_free (self->color);
      self->color = g_strdup (bl_annotation_layer_get_color (self->layer));
      self->size = bl_annotation_layer_get_size (self->layer);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->size_dropdown), self->size);
  gtk_widget_queue_draw (self->color_swatch);
  for (guint i = 0; i < BL_ANNOTATION_N_COLORS; i++)
    gtk_widget_queue_draw (gtk_button_get_child (GTK_BUTTON (self->palette[i])));

  gtk_widget_set_sensitive (self->delete_button,
                            self->layer != NULL && bl_annotation_layer_get_selected (self->layer) != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    gtk_widget_set_sensitive (self->tool_buttons[tools[i].tool], self->layer != NULL);

  self->updating = FALSE;
}

static void
on_tool_toggled (GtkToggleButton     *button,
                 BlAnnotationToolbar *self)
{
  BlAnnotationTool tool = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "tool"));

  if (self->updating || self->layer == NULL)
    return;

  if (gtk_toggle_button_get_active (button))
    bl_annotation_layer_set_tool (self->layer, tool);
  else if (bl_annotation_layer_get_tool (self->layer) == tool)
    bl_annotation_layer_set_tool (self->layer, BL_ANNOTATION_TOOL_NONE);

  update_from_layer (self);
}

static void
on_palette_clicked (GtkButton           *button,
                    BlAnnotationToolbar *self)
{
  const char *color = g_object_get_data (G_OBJECT (button), "color");

  gtk_popover_popdown (GTK_POPOVER (self->color_popover));
  g_free (self->color);
  self->color = g_strdup (color);
  if (self->layer != NULL)
    bl_annotation_layer_set_color (self->layer, color);
  update_from_layer (self);
}

static void
on_size_selected (BlAnnotationToolbar *self)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->size_dropdown));

  if (self->updating || selected > BL_ANNOTATION_SIZE_LARGE)
    return;

  self->size = selected;
  if (self->layer != NULL)
    bl_annotation_layer_set_size (self->layer, selected);
  update_from_layer (self);
}

static void
on_delete_clicked (BlAnnotationToolbar *self)
{
  if (self->layer != NULL)
    bl_annotation_layer_delete_selected (self->layer);
}

static gboolean
on_shortcut (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  BlAnnotationToolbar *self = user_data;
  BlAnnotationTool tool = g_variant_get_int32 (args);

  if (self->layer == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->layer)))
    return FALSE;

  bl_annotation_layer_set_tool (self->layer, tool);
  /* so that Escape, Enter and Delete reach it */
  gtk_widget_grab_focus (GTK_WIDGET (self->layer));
  return TRUE;
}

static void
bl_annotation_toolbar_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BlAnnotationToolbar *self = BL_ANNOTATION_TOOLBAR (object);

  switch (prop_id)
    {
    case PROP_LAYER:
      g_value_set_object (value, self->layer);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_annotation_toolbar_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BlAnnotationToolbar *self = BL_ANNOTATION_TOOLBAR (object);

  switch (prop_id)
    {
    case PROP_LAYER:
      bl_annotation_toolbar_set_layer (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_annotation_toolbar_dispose (GObject *object)
{
  BlAnnotationToolbar *self = BL_ANNOTATION_TOOLBAR (object);

  if (self->layer != NULL)
    g_signal_handlers_disconnect_by_data (self->layer, self);
  g_clear_object (&self->layer);

  G_OBJECT_CLASS (bl_annotation_toolbar_parent_class)->dispose (object);
}

static void
bl_annotation_toolbar_finalize (GObject *object)
{
  BlAnnotationToolbar *self = BL_ANNOTATION_TOOLBAR (object);

  g_free (self->color);

  G_OBJECT_CLASS (bl_annotation_toolbar_parent_class)->finalize (object);
}

static void
bl_annotation_toolbar_class_init (BlAnnotationToolbarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bl_annotation_toolbar_get_property;
  object_class->set_property = bl_annotation_toolbar_set_property;
  object_class->dispose = bl_annotation_toolbar_dispose;
  object_class->finalize = bl_annotation_toolbar_finalize;

  /**
   * BlAnnotationToolbar:layer:
   *
   * The layer the toolbar drives, or %NULL (the toolbar is insensitive).
   */
  properties[PROP_LAYER] =
    g_param_spec_object ("layer", NULL, NULL,
                         BL_TYPE_ANNOTATION_LAYER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "annotation-toolbar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TOOLBAR);
}

static GtkWidget *
swatch_new (BlAnnotationToolbar *self,
            const char          *color,
            int                  size)
{
  GtkWidget *area = gtk_drawing_area_new ();

  g_object_set_data (G_OBJECT (area), "toolbar", self);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), size);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, (gpointer) color, NULL);
  return area;
}

static void
bl_annotation_toolbar_init (BlAnnotationToolbar *self)
{
  GtkWidget *tool_box, *grid;
  const char *sizes[] = { _("Small"), _("Medium"), _("Large"), NULL };

  self->color = g_strdup (palette[0].color);
  self->size = BL_ANNOTATION_SIZE_MEDIUM;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "toolbar");
  gtk_widget_add_css_class (GTK_WIDGET (self), "osd");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Annotation Tools"),
                                  -1);

  /* the tools */
  tool_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (tool_box, "linked");
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *icon = gtk_drawing_area_new ();

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (icon), 16);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (icon), 16);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (icon), draw_tool_icon,
                                      GINT_TO_POINTER (tools[i].tool), NULL);
      gtk_button_set_child (GTK_BUTTON (button), icon);
      gtk_widget_set_tooltip_text (button, _(tools[i].tooltip));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(tools[i].name),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(tools[i].tooltip),
                                      -1);
      if (tools[i].key != 0)
        {
          g_autofree char *accel = gtk_accelerator_name (tools[i].key, 0);

          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, accel,
                                          -1);
        }
      g_object_set_data (G_OBJECT (button), "tool", GINT_TO_POINTER (tools[i].tool));
      g_signal_connect (button, "toggled", G_CALLBACK (on_tool_toggled), self);
      gtk_box_append (GTK_BOX (tool_box), button);
      self->tool_buttons[tools[i].tool] = button;
    }
  gtk_box_append (GTK_BOX (self), tool_box);

  /* the colour */
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 4);
  for (guint i = 0; i < BL_ANNOTATION_N_COLORS; i++)
    {
      GtkWidget *button = gtk_button_new ();

      gtk_button_set_child (GTK_BUTTON (button), swatch_new (self, palette[i].color, 24));
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _(palette[i].name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(palette[i].name),
                                      -1);
      g_object_set_data (G_OBJECT (button), "color", (gpointer) palette[i].color);
      g_signal_connect (button, "clicked", G_CALLBACK (on_palette_clicked), self);
      gtk_grid_attach (GTK_GRID (grid), button, i % 3, i / 3, 1, 1);
      self->palette[i] = button;
    }
  self->color_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->color_popover), grid);

  self->color_swatch = swatch_new (self, NULL, 18);
  self->color_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (self->color_button), self->color_swatch);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->color_button), self->color_popover);
  gtk_widget_set_tooltip_text (self->color_button, _("Color"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->color_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Color"),
                                  -1);
  gtk_box_append (GTK_BOX (self), self->color_button);

  /* the size */
  self->size_dropdown = gtk_drop_down_new_from_strings (sizes);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->size_dropdown), self->size);
  gtk_widget_set_tooltip_text (self->size_dropdown, _("Text Size and Line Width"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->size_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Size"),
                                  -1);
  g_signal_connect_swapped (self->size_dropdown, "notify::selected", G_CALLBACK (on_size_selected), self);
  gtk_box_append (GTK_BOX (self), self->size_dropdown);

  /* the selection */
  self->delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (self->delete_button, _("Delete Annotation (Delete)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Annotation"),
                                  -1);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked), self);
  gtk_box_append (GTK_BOX (self), self->delete_button);

  update_from_layer (self);
}

/**
 * bl_annotation_toolbar_new:
 *
 * Returns: (transfer floating): a toolbar driving no layer yet
 */
GtkWidget *
bl_annotation_toolbar_new (void)
{
  return g_object_new (BL_TYPE_ANNOTATION_TOOLBAR, NULL);
}

/**
 * bl_annotation_toolbar_get_layer:
 *
 * Returns: (transfer none) (nullable): the layer it drives
 */
BlAnnotationLayer *
bl_annotation_toolbar_get_layer (BlAnnotationToolbar *self)
{
  g_return_val_if_fail (BL_IS_ANNOTATION_TOOLBAR (self), NULL);
  return self->layer;
}

/**
 * bl_annotation_toolbar_set_layer:
 * @layer: (nullable): the layer to drive
 *
 * The layer takes the colour and size last chosen; its tool is its own
 * (a new layer's is none).
 */
void
bl_annotation_toolbar_set_layer (BlAnnotationToolbar *self,
                                 BlAnnotationLayer   *layer)
{
  g_return_if_fail (BL_IS_ANNOTATION_TOOLBAR (self));
  g_return_if_fail (layer == NULL || BL_IS_ANNOTATION_LAYER (layer));

  if (!bl_widget_util_watch_object (&self->layer, layer, self, NULL, NULL, 0))
    return;

  if (layer != NULL)
    {
      if (bl_annotation_layer_get_selected (layer) == NULL)
        {
          bl_annotation_layer_set_color (layer, self->color);
          bl_annotation_layer_set_size (layer, self->size);
        }
      g_signal_connect_swapped (layer, "notify::tool", G_CALLBACK (update_from_layer), self);
      g_signal_connect_swapped (layer, "notify::color", G_CALLBACK (update_from_layer), self);
      g_signal_connect_swapped (layer, "notify::size", G_CALLBACK (update_from_layer), self);
      g_signal_connect_swapped (layer, "notify::selected", G_CALLBACK (update_from_layer), self);
    }

  update_from_layer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER]);
}

/**
 * bl_annotation_toolbar_install_shortcuts:
 * @widget: the map (or what holds it): the keys work while the focus is
 *   inside it
 *
 * Adds the single-key shortcuts V (select), T (label), A (arrow),
 * C (circle) and R (area).
 */
void
bl_annotation_toolbar_install_shortcuts (BlAnnotationToolbar *self,
                                         GtkWidget           *widget)
{
  GtkEventController *controller;

  g_return_if_fail (BL_IS_ANNOTATION_TOOLBAR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      GtkShortcut *shortcut;

      if (tools[i].key == 0)
        continue;
      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (tools[i].key, 0),
                                   gtk_callback_action_new (on_shortcut, g_object_ref (self), g_object_unref));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (tools[i].tool));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (widget, controller);
}

/**
 * bl_annotation_toolbar_get_palette_color:
 * @index: less than %BL_ANNOTATION_N_COLORS
 *
 * Returns: one of the colours offered, as "#rrggbb"
 */
const char *
bl_annotation_toolbar_get_palette_color (guint index)
{
  g_return_val_if_fail (index < BL_ANNOTATION_N_COLORS, NULL);
  return palette[index].color;
}
