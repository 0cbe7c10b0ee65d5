/* bl-geojson-properties.c — mapping the properties of a GeoJSON feature
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copies a feature's wanted properties into the record's fields as they
 * stream past: scalars as text, arrays of text as lists, relation objects
 * as "TYPE:CLAIM-ID", a quantity object member by member; a name met twice
 * keeps the better-ranked one. What it is not: choosing the names (the
 * wanted table of bl-geojson.c) or reading the geometry
 * (bl-geojson-geometry.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bl-geojson-private.h"

/* Properties */

static void
set_text (GeoImport  *g,
          Wanted     *w,
          char       *text)
{
  if (w->rank > g->rank[w->field])
    {
      g_free (text);
      return;
    }
  g->rank[w->field] = w->rank;
  bl_import_values_take (&g->values, w->field, text);
}

static gboolean
is_list_field (BlField field)
{
  return field == BL_FIELD_AREAS || field == BL_FIELD_TAGS || field == BL_FIELD_RELATIONS;
}

/* The text of the current string token; NULL (and a problem) if it holds
 * a NUL. */
char *
bl_geojson_string_value (GeoImport  *g,
                         const char *property)
{
  gsize len;
  const char *s = bl_json_reader_get_string (g->json, &len);

  if (memchr (s, '\0', len) != NULL)
    {
      g_autofree char *path = g_strdup_printf ("properties.%s", property);
      bl_geojson_problem (g, path, _("the text contains a NUL character"));
      return NULL;
    }
  return g_strndup (s, len);
}

char *
bl_geojson_scalar_text (GeoImport   *g,
                        BlJsonToken  token,
                        const char  *property)
{
  switch (token)
    {
    case BL_JSON_TOKEN_STRING:
      return bl_geojson_string_value (g, property);
    case BL_JSON_TOKEN_NUMBER:
      return g_strdup (bl_json_reader_get_number_text (g->json, NULL));
    case BL_JSON_TOKEN_TRUE:
      return g_strdup ("true");
    case BL_JSON_TOKEN_FALSE:
      return g_strdup ("false");
    case BL_JSON_TOKEN_NULL:
    case BL_JSON_TOKEN_ERROR:
    case BL_JSON_TOKEN_BEGIN_OBJECT:
    case BL_JSON_TOKEN_END_OBJECT:
    case BL_JSON_TOKEN_BEGIN_ARRAY:
    case BL_JSON_TOKEN_END_ARRAY:
    case BL_JSON_TOKEN_KEY:
    case BL_JSON_TOKEN_END:
    default:
      return NULL;
    }
}

/* {"type": "cites", "claim": "c-1"} → "cites:c-1"; other objects → NULL */
static gboolean
read_relation_object (GeoImport  *g,
                      char      **out,
                      GError    **error)
{
  g_autofree char *type = NULL;
  g_autofree char *claim = NULL;

  *out = NULL;
  for (;;)
    {
      BlJsonToken token = next (g, error);
      g_autofree char *key = NULL;

      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_END_OBJECT)
        break;
      key = g_strdup (bl_json_reader_get_string (g->json, NULL));
      token = next (g, error);
      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_STRING && strcmp (key, "type") == 0)
        {
          g_free (type);
          type = bl_geojson_string_value (g, "relations");
        }
      else if (token == BL_JSON_TOKEN_STRING && strcmp (key, "claim") == 0)
        {
          g_free (claim);
          claim = bl_geojson_string_value (g, "relations");
        }
      else if (!skip_value (g, error))
        return FALSE;
    }
  if (type && claim)
    *out = g_strconcat (type, ":", claim, NULL);
  return TRUE;
}

static gboolean
read_list_value (GeoImport  *g,
                 Wanted     *w,
                 const char *property,
                 GError    **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      BlJsonToken token = next (g, error);
      char *item = NULL;

      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_END_ARRAY)
        break;
      if (token == BL_JSON_TOKEN_BEGIN_OBJECT)
        {
          if (!read_relation_object (g, &item, error))
            return FALSE;
        }
      else if (token == BL_JSON_TOKEN_BEGIN_ARRAY)
        {
          if (!skip_value (g, error))
            return FALSE;
        }
      else
        item = bl_geojson_scalar_text (g, token, property);
      if (item)
        g_ptr_array_add (items, item);
    }

  if (w->rank > g->rank[w->field])
    return TRUE;
  g->rank[w->field] = w->rank;
  if (is_list_field (w->field))
    {
      g_clear_pointer (&g->values.list[w->field], g_ptr_array_unref);
      g->values.list[w->field] = g_steal_pointer (&items);
    }
  else
    {
      g_ptr_array_add (items, NULL);
      bl_import_values_take (&g->values, w->field, g_strjoinv ("; ", (char **) items->pdata));
    }
  return TRUE;
}

/* A quantity as the project file writes it: {"value", "qualifier", …} */
static gboolean
read_quantity_object (GeoImport  *g,
                      GError    **error)
{
  static const struct { const char *member; BlField field; } members[] = {
    { "value", BL_FIELD_QUANTITY_VALUE }, { "min", BL_FIELD_QUANTITY_MIN },
    { "max", BL_FIELD_QUANTITY_MAX }, { "qualifier", BL_FIELD_QUANTITY_QUALIFIER },
    { "unit", BL_FIELD_QUANTITY_UNIT }, { "text", BL_FIELD_QUANTITY_TEXT },
  };

  for (;;)
    {
      BlJsonToken token = next (g, error);
      g_autofree char *key = NULL;
      gboolean used = FALSE;

      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_END_OBJECT)
        return TRUE;
      key = g_strdup (bl_json_reader_get_string (g->json, NULL));
      token = next (g, error);
      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (members) && !used; i++)
        if (strcmp (key, members[i].member) == 0 && g->values.text[members[i].field] == NULL)
          {
            bl_import_values_take (&g->values, members[i].field, bl_geojson_scalar_text (g, token, "quantity"));
            used = TRUE;
          }
      if (!used && !skip_value (g, error))
        return FALSE;
    }
}

gboolean
bl_geojson_read_properties (GeoImport  *g,
                            GError    **error)
{
  for (;;)
    {
      BlJsonToken token = next (g, error);
      Wanted *w;
      g_autofree char *property = NULL;

      if (token == BL_JSON_TOKEN_ERROR)
        return FALSE;
      if (token == BL_JSON_TOKEN_END_OBJECT)
        return TRUE;

      g_string_assign (g->key, bl_json_reader_get_string (g->json, NULL));
      for (gsize i = 0; i < g->key->len; i++)
        g->key->str[i] = g_ascii_tolower (g->key->str[i]);
      w = g_hash_table_lookup (g->wanted, g->key->str);
      if (w == NULL)
        {
          if (!skip_value (g, error))
            return FALSE;
          continue;
        }

      property = g_strdup (g->key->str);
      token = next (g, error);
      switch (token)
        {
        case BL_JSON_TOKEN_ERROR:
          return FALSE;
        case BL_JSON_TOKEN_BEGIN_ARRAY:
          if (!read_list_value (g, w, property, error))
            return FALSE;
          break;
        case BL_JSON_TOKEN_BEGIN_OBJECT:
          if (w->field == BL_FIELD_QUANTITY)
            {
              if (!read_quantity_object (g, error))
                return FALSE;
            }
          else if (!skip_value (g, error))
            return FALSE;
          break;
        case BL_JSON_TOKEN_NULL:
          break;
        case BL_JSON_TOKEN_STRING:
        case BL_JSON_TOKEN_NUMBER:
        case BL_JSON_TOKEN_TRUE:
        case BL_JSON_TOKEN_FALSE:
          {
            char *text = bl_geojson_scalar_text (g, token, property);

            if (text == NULL)
              break;
            if (is_list_field (w->field) && w->rank <= g->rank[w->field])
              {
                /* a single text: one item, or several separated by ';' */
                g_clear_pointer (&g->values.list[w->field], g_ptr_array_unref);
              }
            set_text (g, w, text);
          }
          break;
        case BL_JSON_TOKEN_END_OBJECT:
        case BL_JSON_TOKEN_END_ARRAY:
        case BL_JSON_TOKEN_KEY:
        case BL_JSON_TOKEN_END:
        default:
          g_assert_not_reached ();
        }
    }
}
