/* bl-export-dialog.c — the map export dialog: format, size, layout, preview
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlExportDialog asks how to export the map — the format (PNG, SVG,
 * PDF), the size (the screen's, an A4 or Letter landscape page at
 * 300 dpi, a slide, a square for social media, or a custom size), the
 * area (the current view, all the visible claims, or a view saved in the
 * project), the title and subtitle and which parts of the page to draw —
 * shows a live preview, and on Export asks where to save and writes the
 * file through the export renderer (bl-map-export.h). It remembers the
 * last choices in GSettings when the user exports. It draws nothing
 * itself: the preview is the renderer's page at a small size.
 *
 * Threads. The project, the filter and the visible claims belong to the
 * main thread, and they change while the dialog is up: the filter when
 * the timeline plays, the project when a feed refreshes on its interval
 * (the dialog's modality stops only the user's edits). So the dialog
 * keeps a copy of the filter of its own, taken when it opens (the export
 * shows the claims the window showed then), and each preview and each
 * file is a BlMapExportJob (bl-map-export-job.h): made on the main
 * thread when the drawing starts, it holds a bl_project_snapshot() and
 * a copy of that filter, and the worker thread (GTask) reads only the
 * job and the basemap renderer (which is thread-safe), never the live
 * project.
 *  - The preview is at most 480 × 360 pixels, drawn 120 ms after the last
 *    change, one at a time (a change during a drawing draws again after
 *    it). The sample project took 70–380 ms there on a busy 2-core
 *    machine (steady state 70–110 ms; each preview's time is logged
 *    with g_debug), and the renderer builds a spatial index of all the
 *    claims each time: too long for the main thread, which must keep its
 *    frames.
 *  - The file (an A4 page at 300 dpi takes about a second) is written
 *    while the dialog is insensitive, with a spinner. Cancel then closes
 *    the dialog: the file is still written, but no longer reported.
 *
 * The drawing, preview and file, is in bl-export-dialog-render.c.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bl-copy-image.h"
#include "bl-export-dialog-private.h"

/* Device pixels per logical pixel of a page printed at 300 dpi. */
#define PRINT_SCALE (300.0 / 96.0)


G_DEFINE_FINAL_TYPE (BlExportDialog, bl_export_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum {
  PRESET_SCREEN,
  PRESET_A4,
  PRESET_LETTER,
  PRESET_SLIDE,
  PRESET_SQUARE,
  PRESET_CUSTOM,
  N_PRESETS
} Preset;

typedef struct {
  const char *key;       /* in GSettings */
  const char *label;     /* translated at run time */
  int         width;     /* 0: the screen's */
  int         height;
  double      scale;     /* 0: the screen's */
} PresetInfo;

static const PresetInfo presets[N_PRESETS] = {
  { "screen", N_("Screen"), 0, 0, 0 },
  { "a4", N_("A4 Landscape, 300 dpi"), 3508, 2480, PRINT_SCALE },
  { "letter", N_("Letter Landscape, 300 dpi"), 3300, 2550, PRINT_SCALE },
  { "slide", N_("Slide"), 1920, 1080, 1.0 },
  { "square", N_("Square for Social Media"), 1080, 1080, 1.0 },
  { "custom", N_("Custom"), -1, -1, 1.0 },
};

static const char * const format_keys[BL_N_MAP_EXPORT_FORMATS] = { "png", "svg", "pdf" };

/* The layout switches and their keys. */
static const struct {
  const char *key;
  gsize       offset;
} switches[] = {
  { "export-show-legend", G_STRUCT_OFFSET (BlExportDialog, legend_switch) },
  { "export-show-scale-bar", G_STRUCT_OFFSET (BlExportDialog, scale_bar_switch) },
  { "export-show-north-arrow", G_STRUCT_OFFSET (BlExportDialog, north_arrow_switch) },
  { "export-show-inset", G_STRUCT_OFFSET (BlExportDialog, inset_switch) },
  { "export-show-citations", G_STRUCT_OFFSET (BlExportDialog, citations_switch) },
  { "export-show-timeline", G_STRUCT_OFFSET (BlExportDialog, timeline_switch) },
  { "export-show-footer", G_STRUCT_OFFSET (BlExportDialog, footer_switch) },
};

#define SWITCH(self, i) G_STRUCT_MEMBER (GtkSwitch *, (self), switches[i].offset)

typedef enum {
  EXTENT_VIEW,
  EXTENT_CLAIMS,
  EXTENT_SAVED,
} ExtentKind;

typedef struct {
  ExtentKind kind;
  double     west, south, east, north;
} Extent;

/* Helpers */

static guint
find_key (const char * const *keys,
          guint               n_keys,
          const char         *key)
{
  for (guint i = 0; i < n_keys; i++)
    if (g_strcmp0 (keys[i], key) == 0)
      return i;
  return 0;
}

static Preset
get_preset (BlExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->preset_row);

  return selected < N_PRESETS ? (Preset) selected : PRESET_SCREEN;
}

static BlMapExportFormat
get_format (BlExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->format_row);

  return selected < BL_N_MAP_EXPORT_FORMATS ? (BlMapExportFormat) selected : BL_MAP_EXPORT_PNG;
}

/* The size of a preset in device pixels, and its scale. */
static void
get_preset_size (BlExportDialog *self,
                 Preset          preset,
                 int            *width,
                 int            *height,
                 double         *scale)
{
  const PresetInfo *info = &presets[preset];

  if (preset == PRESET_SCREEN)
    {
      double w = self->has_screen_frame ? self->screen_frame.width : 1600;
      double h = self->has_screen_frame ? self->screen_frame.height : 1000;

      *scale = self->screen_scale;
      *width = CLAMP ((int) round (w * self->screen_scale), BL_MAP_EXPORT_MIN_SIZE, BL_MAP_EXPORT_MAX_SIZE);
      *height = CLAMP ((int) round (h * self->screen_scale), BL_MAP_EXPORT_MIN_SIZE, BL_MAP_EXPORT_MAX_SIZE);
    }
  else if (preset == PRESET_CUSTOM)
    {
      *width = gtk_spin_button_get_value_as_int (self->width_spin);
      *height = gtk_spin_button_get_value_as_int (self->height_spin);
      *scale = info->scale;
    }
  else
    {
      *width = info->width;
      *height = info->height;
      *scale = info->scale;
    }
}

/* A name for the file from the project's title: no separators, no dots
 * in front. */
static char *
suggested_name (BlExportDialog *self)
{
  const char *title = bl_project_get_title (self->project);
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = title; p != NULL && *p != '\0' && name->len < 80; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c) || (c == '.' && name->len == 0))
        g_string_append_c (name, '-');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  if (name->len == 0)
    g_string_append (name, _("Map"));

  g_string_append_printf (name, ".%s", bl_map_export_format_get_extension (get_format (self)));
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The remembered choices */

static void
load_choices (BlExportDialog *self)
{
  g_autofree char *format = g_settings_get_string (self->settings, "export-format");
  g_autofree char *preset = g_settings_get_string (self->settings, "export-preset");
  g_autofree char *extent = g_settings_get_string (self->settings, "export-extent");
  const char *preset_keys[N_PRESETS];

  for (guint i = 0; i < N_PRESETS; i++)
    preset_keys[i] = presets[i].key;

  adw_combo_row_set_selected (self->format_row, find_key (format_keys, BL_N_MAP_EXPORT_FORMATS, format));
  gtk_spin_button_set_value (self->width_spin, g_settings_get_int (self->settings, "export-width"));
  gtk_spin_button_set_value (self->height_spin, g_settings_get_int (self->settings, "export-height"));
  adw_combo_row_set_selected (self->preset_row, find_key (preset_keys, N_PRESETS, preset));
  /* the rows are the current view (if there is one), then the claims */
  if (g_str_equal (extent, "claims") || !self->has_screen_frame)
    adw_combo_row_set_selected (self->extent_row, self->has_screen_frame ? 1 : 0);
  else
    adw_combo_row_set_selected (self->extent_row, 0);

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    gtk_switch_set_active (SWITCH (self, i), g_settings_get_boolean (self->settings, switches[i].key));
}

static void
save_choices (BlExportDialog *self)
{
  Preset preset = get_preset (self);
  guint extent = adw_combo_row_get_selected (self->extent_row);

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "export-format", format_keys[get_format (self)]);
  g_settings_set_string (self->settings, "export-preset", presets[preset].key);
  if (preset == PRESET_CUSTOM)
    {
      g_settings_set_int (self->settings, "export-width", gtk_spin_button_get_value_as_int (self->width_spin));
      g_settings_set_int (self->settings, "export-height", gtk_spin_button_get_value_as_int (self->height_spin));
    }
  /* a saved view belongs to one project: only the kind is remembered */
  if (extent < self->extents->len && g_array_index (self->extents, Extent, extent).kind != EXTENT_SAVED)
    g_settings_set_string (self->settings, "export-extent",
                           g_array_index (self->extents, Extent, extent).kind == EXTENT_VIEW ? "view" : "claims");
  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    g_settings_set_boolean (self->settings, switches[i].key, gtk_switch_get_active (SWITCH (self, i)));
  g_settings_apply (self->settings);
}

/* The rows of the combo rows */

static void
fill_presets (BlExportDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < N_PRESETS; i++)
    {
      g_autofree char *label = NULL;
      int width, height;
      double scale;

      get_preset_size (self, i, &width, &height, &scale);
      if (i == PRESET_CUSTOM)
        label = g_strdup (_(presets[i].label));
      else
        /* Translators: a size preset and its size in pixels, "Slide (1920 × 1080)" */
        label = g_strdup_printf (_("%s (%d × %d)"), _(presets[i].label), width, height);
      gtk_string_list_append (list, label);
    }
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (list));
}

static void
fill_extents (BlExportDialog *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GPtrArray *views = bl_project_get_views (self->project);
  Extent extent = { 0 };

  g_array_set_size (self->extents, 0);

  if (self->has_screen_frame &&
      bl_copy_image_get_extent (&self->screen_frame, &extent.west, &extent.south, &extent.east, &extent.north))
    {
      extent.kind = EXTENT_VIEW;
      g_array_append_val (self->extents, extent);
      gtk_string_list_append (list, _("Current View"));
    }
  else
    self->has_screen_frame = FALSE;

  extent.kind = EXTENT_CLAIMS;
  extent.west = extent.south = extent.east = extent.north = NAN;
  g_array_append_val (self->extents, extent);
  gtk_string_list_append (list, _("All Visible Claims"));

  for (guint i = 0; views != NULL && i < views->len; i++)
    {
      const BlView *view = g_ptr_array_index (views, i);
      g_autofree char *label = NULL;

      if (!isfinite (view->west) || !isfinite (view->south) || !isfinite (view->east) || !isfinite (view->north))
        continue;
      extent.kind = EXTENT_SAVED;
      extent.west = view->west;
      extent.south = view->south;
      extent.east = view->east;
      extent.north = view->north;
      g_array_append_val (self->extents, extent);
      /* Translators: a view saved in the project, by its name */
      label = g_strdup_printf (_("Saved View: %s"), view->name && *view->name ? view->name : _("Unnamed"));
      gtk_string_list_append (list, label);
    }

  adw_combo_row_set_model (self->extent_row, G_LIST_MODEL (list));
}

/* The size rows */

static void
update_size_rows (BlExportDialog *self)
{
  Preset preset = get_preset (self);
  gboolean custom = preset == PRESET_CUSTOM;
  int width, height;
  double scale;

  if (!custom)
    {
      get_preset_size (self, preset, &width, &height, &scale);
      gtk_spin_button_set_value (self->width_spin, width);
      gtk_spin_button_set_value (self->height_spin, height);
    }
  else if (gtk_widget_get_sensitive (GTK_WIDGET (self->width_spin)) == FALSE)
    {
      /* back to the custom size remembered */
      gtk_spin_button_set_value (self->width_spin, g_settings_get_int (self->settings, "export-width"));
      gtk_spin_button_set_value (self->height_spin, g_settings_get_int (self->settings, "export-height"));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->width_spin), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->height_spin), custom);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     BlExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    bl_export_dialog_export_to (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BlExportDialog *self = BL_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  BlMapExportFormat format = get_format (self);
  static const char * const filter_names[] = { N_("PNG images"), N_("SVG drawings"), N_("PDF documents") };

  if (self->busy || self->chooser != NULL)
    return;

  save_choices (self);

  gtk_file_filter_set_name (filter, _(filter_names[format]));
  gtk_file_filter_add_suffix (filter, bl_map_export_format_get_extension (format));
  self->chooser = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Callbacks */

/* Template callbacks: connected swapped, they get the dialog first. */
static void
on_option_changed (BlExportDialog *self)
{
  if (self->ready)
    bl_export_dialog_schedule_preview (self);
}

static void
on_preset_changed (BlExportDialog *self)
{
  if (!self->ready)
    return;
  update_size_rows (self);
  bl_export_dialog_schedule_preview (self);
}

/* Overrides */

static gboolean
bl_export_dialog_close_request (GtkWindow *window)
{
  BlExportDialog *self = BL_EXPORT_DIALOG (window);

  /* the worker finishes on its own; its result is no longer wanted */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (bl_export_dialog_parent_class)->close_request (window);
}

static void
bl_export_dialog_dispose (GObject *object)
{
  BlExportDialog *self = BL_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (bl_export_dialog_parent_class)->dispose (object);
}

static void
bl_export_dialog_finalize (GObject *object)
{
  BlExportDialog *self = BL_EXPORT_DIALOG (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->visible);
  g_clear_object (&self->filter);
  g_clear_object (&self->project);
  g_clear_pointer (&self->basemap, bl_basemap_renderer_unref);
  g_clear_pointer (&self->selected_claim, g_free);
  g_clear_pointer (&self->extents, g_array_unref);

  G_OBJECT_CLASS (bl_export_dialog_parent_class)->finalize (object);
}

static void
bl_export_dialog_class_init (BlExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bl_export_dialog_dispose;
  object_class->finalize = bl_export_dialog_finalize;
  window_class->close_request = bl_export_dialog_close_request;

  /**
   * BlExportDialog::exported:
   * @self: the dialog
   * @path: the file written (a file name in the GLib file name encoding)
   *
   * Emitted when the map was written, just before the dialog closes, so
   * that the window can say so. A failed export is shown in a dialog.
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/borderline/Borderline/bl-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, settings_page);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, preset_row);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, extent_row);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, subtitle_entry);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, scale_bar_switch);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, north_arrow_switch);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, inset_switch);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, citations_switch);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, timeline_switch);
  gtk_widget_class_bind_template_child (widget_class, BlExportDialog, footer_switch);

  gtk_widget_class_bind_template_callback (widget_class, on_preset_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed);

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "export.export", NULL);
}

static void
bl_export_dialog_init (BlExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->extents = g_array_new (FALSE, TRUE, sizeof (Extent));
  self->screen_scale = 1;
  self->preview_cancellable = g_cancellable_new ();
}

/* Public API */

/**
 * bl_export_dialog_new:
 * @parent: the window the dialog is modal for
 * @project: the project
 * @visible: the claims the filter lets through
 * @basemap: (nullable): the basemap renderer
 * @screen_frame: (nullable): what the map shows now
 *   (bl_claim_layer_get_frame()), for the "current view" area and the
 *   "screen" size; %NULL when there is no map
 * @selected_claim: (nullable): the id of the selected claim, drawn
 *   selected
 * @color_by: what the markers' colours say
 *
 * Returns: (transfer none): a new export dialog, not shown yet
 */
BlExportDialog *
bl_export_dialog_new (GtkWindow         *parent,
                      BlProject         *project,
                      BlVisibleClaims   *visible,
                      BlBasemapRenderer *basemap,
                      const BlMapFrame  *screen_frame,
                      const char        *selected_claim,
                      BlColorBy          color_by)
{
  BlExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (BL_IS_VISIBLE_CLAIMS (visible), NULL);

  self = g_object_new (BL_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->filter = bl_filter_copy (bl_visible_claims_get_filter (visible));
  self->visible = bl_visible_claims_new (project, self->filter);
  self->basemap = basemap ? bl_basemap_renderer_ref (basemap) : NULL;
  self->selected_claim = g_strdup (selected_claim);
  self->color_by = color_by;
  if (screen_frame != NULL)
    {
      self->screen_frame = *screen_frame;
      self->has_screen_frame = TRUE;
    }
  if (parent != NULL)
    self->screen_scale = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (parent)), 1);

  fill_presets (self);
  fill_extents (self);
  gtk_editable_set_text (self->title_entry, bl_project_get_title (project) ? bl_project_get_title (project) : "");
  load_choices (self);
  update_size_rows (self);

  /* the first preview at once, not after the delay (the template's
   * handlers scheduled one while the choices were loaded) */
  self->ready = TRUE;
  g_clear_handle_id (&self->preview_source, g_source_remove);
  bl_export_dialog_start_preview (self);

  return self;
}

/**
 * bl_export_dialog_get_options:
 * @options: (out caller-allocates): the options the dialog would export
 *   with; the strings belong to the dialog and last until it changes
 */
void
bl_export_dialog_get_options (BlExportDialog     *self,
                              BlMapExportOptions *options)
{
  const char *title, *subtitle;
  guint extent;

  g_return_if_fail (BL_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  bl_map_export_options_init (options);
  options->format = get_format (self);
  get_preset_size (self, get_preset (self), &options->width, &options->height, &options->scale);

  extent = adw_combo_row_get_selected (self->extent_row);
  if (extent < self->extents->len)
    {
      const Extent *e = &g_array_index (self->extents, Extent, extent);

      options->west = e->west;
      options->south = e->south;
      options->east = e->east;
      options->north = e->north;
    }

  title = gtk_editable_get_text (self->title_entry);
  subtitle = gtk_editable_get_text (self->subtitle_entry);
  options->title = title && *title ? title : NULL;
  options->subtitle = subtitle && *subtitle ? subtitle : NULL;
  options->selected_claim = self->selected_claim;
  options->color_by = self->color_by;
  options->show_legend = gtk_switch_get_active (self->legend_switch);
  options->show_scale_bar = gtk_switch_get_active (self->scale_bar_switch);
  options->show_north_arrow = gtk_switch_get_active (self->north_arrow_switch);
  options->show_inset = gtk_switch_get_active (self->inset_switch);
  options->show_citations = gtk_switch_get_active (self->citations_switch);
  options->show_timeline = gtk_switch_get_active (self->timeline_switch);
  options->show_footer = gtk_switch_get_active (self->footer_switch);
  options->show_annotations = TRUE;
}

/**
 * bl_export_dialog_get_busy:
 *
 * Returns: whether a file is being written
 */
gboolean
bl_export_dialog_get_busy (BlExportDialog *self)
{
  g_return_val_if_fail (BL_IS_EXPORT_DIALOG (self), FALSE);
  return self->busy;
}

/**
 * bl_export_dialog_get_preview:
 *
 * Returns: (transfer none) (nullable): the preview shown, once drawn
 */
GdkPaintable *
bl_export_dialog_get_preview (BlExportDialog *self)
{
  g_return_val_if_fail (BL_IS_EXPORT_DIALOG (self), NULL);
  return gtk_picture_get_paintable (self->preview);
}
