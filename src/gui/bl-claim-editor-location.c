/* bl-claim-editor-location.c — where a claim is about
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The place part of the claim editor: the place as given, its precision,
 * a search over the bundled gazetteer, the point and the areas. Choosing a
 * town from the search sets the point (and a settlement precision);
 * choosing a province or a country adds it as an area, so that an area
 * claim is drawn as an area and not as a falsely precise point. The point
 * can also come from the map (bl_claim_editor_set_location()).
 *
 * The gazetteer is built on first search from the basemap data the window
 * gives (bl_claim_editor_set_basemap_data()), or else from the basemap
 * built into the application.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-basemap-source.h"
#include "bl-claim-editor-private.h"
#include "bl-vocab.h"

/* How many places a search lists. */
#define MAX_RESULTS 8

/* Helpers */

static BlBasemapData *
get_basemap (BlClaimEditor *self)
{
  if (self->basemap == NULL)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      bytes = g_resources_lookup_data (BL_BASEMAP_SOURCE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL)
        self->basemap = bl_basemap_data_new_from_bytes (bytes, &error);
      if (self->basemap == NULL)
        g_warning ("No place names for the claim editor: %s", error->message);
    }

  return self->basemap;
}

/* A name for an area code: the province's or country's name, or the code. */
static const char *
area_name (BlClaimEditor *self,
           const char    *code)
{
  BlBasemapData *data = get_basemap (self);
  const BlBasemapFeature *feature = NULL;

  if (data != NULL)
    {
      feature = bl_basemap_data_lookup_province (data, code);
      if (feature == NULL)
        feature = bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_COUNTRY, code);
    }

  return feature != NULL && *feature->name != '\0' ? feature->name : code;
}

static void
clear_results (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
  gtk_widget_set_visible (GTK_WIDGET (list), FALSE);
}

static void
on_remove_area_clicked (GtkButton     *button,
                        BlClaimEditor *self);

static void
show_areas (BlClaimEditor *self)
{
  for (guint i = 0; i < self->area_rows->len; i++)
    adw_preferences_group_remove (self->areas_group, g_ptr_array_index (self->area_rows, i));
  g_ptr_array_set_size (self->area_rows, 0);

  for (guint i = 0; i < self->areas->len; i++)
    {
      const char *code = g_ptr_array_index (self->areas, i);
      const char *name = area_name (self, code);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *label = g_strdup_printf (_("Remove the Area %s"), name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), code);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove the Area"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_set_data_full (G_OBJECT (remove), "area-code", g_strdup (code), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_area_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->areas_group, row);
      g_ptr_array_add (self->area_rows, row);
    }

  gtk_widget_set_visible (self->areas_placeholder, self->areas->len == 0);
}

static void
show_point (BlClaimEditor *self)
{
  if (isnan (self->lat) || isnan (self->lon))
    {
      adw_action_row_set_subtitle (self->coordinates_row,
                                   _("None: search for a town above, or pick it on the map"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->clear_point_button), FALSE);
    }
  else
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *text = NULL;

      /* Translators: a point, latitude then longitude, in degrees */
      text = g_strdup_printf (_("%s° %s, %s° %s"),
                              g_ascii_formatd (lat, sizeof lat, "%.4f", fabs (self->lat)),
                              self->lat >= 0 ? C_("latitude", "N") : C_("latitude", "S"),
                              g_ascii_formatd (lon, sizeof lon, "%.4f", fabs (self->lon)),
                              self->lon >= 0 ? C_("longitude", "E") : C_("longitude", "W"));
      adw_action_row_set_subtitle (self->coordinates_row, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->clear_point_button), TRUE);
    }
}

static void
add_area (BlClaimEditor *self,
          const char    *code)
{
  for (guint i = 0; i < self->areas->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->areas, i), code) == 0)
      return;

  g_ptr_array_add (self->areas, g_strdup (code));
  show_areas (self);
}

static void
choose (BlClaimEditor        *self,
        const BlGazetteerHit *hit)
{
  g_autofree char *message = NULL;

  if (hit->kind == BL_GAZETTEER_KIND_PLACE)
    {
      self->lat = hit->lat;
      self->lon = hit->lon;
      adw_combo_row_set_selected (self->precision_row, hit->precision);
      show_point (self);
      message = g_strdup_printf (_("The claim is placed at %s."), hit->name);
    }
  else
    {
      add_area (self, hit->code);
      if (isnan (self->lat))
        adw_combo_row_set_selected (self->precision_row, hit->precision);
      message = g_strdup_printf (_("%s is added as an area."), hit->name);
    }

  if (*gtk_editable_get_text (GTK_EDITABLE (self->place_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->place_row), hit->name);

  gtk_editable_set_text (GTK_EDITABLE (self->place_search_row), "");
  clear_results (self->place_results);
  gtk_widget_grab_focus (GTK_WIDGET (self->place_search_row));
  bl_claim_editor_toast (self, message);
  bl_claim_editor_changed (self);
}

static const char *
hit_icon (const BlGazetteerHit *hit)
{
  switch (hit->kind)
    {
    case BL_GAZETTEER_KIND_COUNTRY:
      return "emoji-flags-symbolic";
    case BL_GAZETTEER_KIND_PROVINCE:
      return "find-location-symbolic";
    case BL_GAZETTEER_KIND_PLACE:
    default:
      return "mark-location-symbolic";
    }
}

/* Callbacks */

static void
on_remove_area_clicked (GtkButton     *button,
                        BlClaimEditor *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "area-code");

  for (guint i = 0; i < self->areas->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->areas, i), code) == 0)
      {
        g_ptr_array_remove_index (self->areas, i);
        break;
      }

  show_areas (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->place_search_row));
  bl_claim_editor_changed (self);
}

static void
on_search_changed (BlClaimEditor *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->place_search_row));
  BlGazetteer *gazetteer;
  g_autoptr(GPtrArray) hits = NULL;

  clear_results (self->place_results);
  if (*query == '\0' || (gazetteer = bl_claim_editor_get_gazetteer (self)) == NULL)
    return;

  hits = bl_gazetteer_search (gazetteer, query, MAX_RESULTS);
  if (hits->len == 0)
    {
      GtkWidget *row = bl_claim_editor_result_row (_("No place has this name"), NULL, NULL);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->place_results, row);
    }

  for (guint i = 0; i < hits->len; i++)
    {
      BlGazetteerHit *hit = g_ptr_array_index (hits, i);
      GtkWidget *row = bl_claim_editor_result_row (hit->name, hit->secondary, hit_icon (hit));

      g_object_set_data_full (G_OBJECT (row), "hit", bl_gazetteer_hit_copy (hit),
                              (GDestroyNotify) bl_gazetteer_hit_free);
      gtk_list_box_append (self->place_results, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->place_results), TRUE);
}

/* Enter in the search picks the best place. */
static void
on_search_activated (BlClaimEditor *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->place_results, 0);
  BlGazetteerHit *hit = first != NULL ? g_object_get_data (G_OBJECT (first), "hit") : NULL;

  if (hit != NULL)
    {
      g_autoptr(BlGazetteerHit) chosen = bl_gazetteer_hit_copy (hit);

      choose (self, chosen);
    }
}

static void
on_result_activated (GtkListBox    *list,
                     GtkListBoxRow *row,
                     BlClaimEditor *self)
{
  BlGazetteerHit *hit = g_object_get_data (G_OBJECT (row), "hit");

  if (hit != NULL)
    {
      g_autoptr(BlGazetteerHit) chosen = bl_gazetteer_hit_copy (hit);

      choose (self, chosen);
    }
}

static void
on_location_field_changed (BlClaimEditor *self)
{
  bl_claim_editor_changed (self);
}

/* Shared with the other parts (bl-claim-editor-private.h) */

void
bl_claim_editor_location_init (BlClaimEditor *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < BL_N_PRECISIONS; i++)
    gtk_string_list_append (labels, bl_precision_get_label (i));
  adw_combo_row_set_model (self->precision_row, G_LIST_MODEL (labels));
  g_object_unref (labels);

  self->areas = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->area_rows = g_ptr_array_new ();

  g_signal_connect_swapped (self->place_search_row, "changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->place_search_row, "entry-activated", G_CALLBACK (on_search_activated), self);
  g_signal_connect (self->place_results, "row-activated", G_CALLBACK (on_result_activated), self);
  g_signal_connect_swapped (self->place_row, "changed", G_CALLBACK (on_location_field_changed), self);
  g_signal_connect_swapped (self->precision_row, "notify::selected", G_CALLBACK (on_location_field_changed), self);
}

void
bl_claim_editor_location_dispose (BlClaimEditor *self)
{
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->area_rows, g_ptr_array_unref);
  g_clear_pointer (&self->gazetteer, bl_gazetteer_unref);
  g_clear_pointer (&self->basemap, bl_basemap_data_unref);
}

/* Shows the location of @record; with %NULL, only the point again. */
void
bl_claim_editor_location_load (BlClaimEditor       *self,
                               const BlClaimRecord *record)
{
  if (record != NULL)
    {
      self->lat = record->lat;
      self->lon = record->lon;
      gtk_editable_set_text (GTK_EDITABLE (self->place_row), record->place != NULL ? record->place : "");
      adw_combo_row_set_selected (self->precision_row, MIN (record->precision, BL_N_PRECISIONS - 1));
      g_ptr_array_set_size (self->areas, 0);
      for (guint i = 0; record->areas != NULL && record->areas[i] != NULL; i++)
        g_ptr_array_add (self->areas, g_strdup (record->areas[i]));
      show_areas (self);
    }

  show_point (self);
}

/* Puts the location into @record; the strings stay owned by the editor
 * until it next changes. */
void
bl_claim_editor_location_fill (BlClaimEditor *self,
                               BlClaimRecord *record)
{
  const char *place = gtk_editable_get_text (GTK_EDITABLE (self->place_row));

  record->lat = self->lat;
  record->lon = self->lon;
  record->precision = adw_combo_row_get_selected (self->precision_row);
  record->place = *place != '\0' ? place : NULL;

  /* NULL-terminated, borrowed from self->areas */
  record->areas = self->areas->len > 0 ? (const char * const *) self->areas->pdata : NULL;
}

BlGazetteer *
bl_claim_editor_get_gazetteer (BlClaimEditor *self)
{
  if (self->gazetteer == NULL && get_basemap (self) != NULL)
    self->gazetteer = bl_gazetteer_new (self->basemap);
  return self->gazetteer;
}

/* Public API */

/**
 * bl_claim_editor_set_basemap_data:
 * @data: the basemap the window shows
 *
 * Searches places, and names areas, from @data rather than from the
 * basemap built into the application.
 */
void
bl_claim_editor_set_basemap_data (BlClaimEditor *self,
                                  BlBasemapData *data)
{
  g_return_if_fail (BL_IS_CLAIM_EDITOR (self));
  g_return_if_fail (data != NULL);

  if (data == self->basemap)
    return;

  g_clear_pointer (&self->gazetteer, bl_gazetteer_unref);
  g_clear_pointer (&self->basemap, bl_basemap_data_unref);
  self->basemap = bl_basemap_data_ref (data);
  show_areas (self);
}
