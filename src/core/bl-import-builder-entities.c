/* bl-import-builder-entities.c — the claimants, sources and topics of an import
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds or makes the claimant, source and topic a record names: by id when
 * it gives one, else claimants by name (case-insensitively, spaces
 * trimmed), sources by name and address together, topics by title. The
 * first record that names one sets its other fields; ids it lacks are made
 * from its name ("a-", "s-", "t-" and a slug). What it is not: checking
 * or appending the claim (bl-import-builder.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bl-import-builder-private.h"
#include "bl-uri.h"
#include "bl-vocab.h"

/* Helpers */

static char *
name_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GString *s = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = s->len > 0;
      else
        {
          if (space)
            g_string_append_c (s, ' ');
          space = FALSE;
          g_string_append_c (s, *p);
        }
    }
  return g_string_free (s, FALSE);
}

/* "a-" plus an ASCII slug of @name, made unique by @taken. */
static char *
make_id (const char *prefix,
         const char *name,
         gboolean  (*taken) (BlProject *, const char *),
         BlProject  *project,
         GHashTable *counters)
{
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  GString *slug = g_string_new (prefix);
  gsize base_len;
  gboolean dash = TRUE;

  g_string_append_c (slug, '-');
  base_len = slug->len;
  for (const char *p = ascii; *p && slug->len < base_len + 40; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else if (!dash)
        {
          g_string_append_c (slug, '-');
          dash = TRUE;
        }
    }
  while (slug->len > base_len && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == base_len)
    g_string_append (slug, "1");

  if (taken (project, slug->str))
    {
      /* "-2", "-3", …: the counter per slug keeps this linear */
      gsize len = slug->len;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counters, slug->str));
      char *base = g_strdup (slug->str);

      for (n = MAX (n, 2);; n++)
        {
          g_string_truncate (slug, len);
          g_string_append_printf (slug, "-%u", n);
          if (!taken (project, slug->str))
            break;
        }
      g_hash_table_replace (counters, base, GUINT_TO_POINTER (n + 1));
    }
  return g_string_free (slug, FALSE);
}

static gboolean
actor_taken (BlProject  *project,
             const char *id)
{
  return bl_project_find_actor (project, id) != BL_NO_INDEX;
}

static gboolean
source_taken (BlProject  *project,
              const char *id)
{
  return bl_project_find_source (project, id) != BL_NO_INDEX;
}

static gboolean
topic_taken (BlProject  *project,
             const char *id)
{
  return bl_project_find_topic (project, id) != BL_NO_INDEX;
}

static gboolean
actor_kind_from (const char *t, int *o)
{
  BlActorKind s;
  if (!bl_actor_kind_from_string (t, &s))
    return FALSE;
  *o = (int) s;
  return TRUE;
}

static gboolean
source_kind_from (const char *t, int *o)
{
  BlSourceKind s;
  if (!bl_source_kind_from_string (t, &s))
    return FALSE;
  *o = (int) s;
  return TRUE;
}

/* Entities */

guint32
bl_import_builder_find_or_add_actor (BlImportBuilder      *b,
                                     const BlImportValues *v,
                                     const char           *place)
{
  g_autofree char *id = bl_import_values_trimmed (v, BL_FIELD_CLAIMANT_ID);
  g_autofree char *name = bl_import_values_trimmed (v, BL_FIELD_CLAIMANT);
  g_autofree char *key = NULL;
  g_autoptr(BlActor) actor = NULL;
  guint32 index;
  int kind;
  gpointer found;

  if (id != NULL && !bl_import_id_is_valid (id))
    {
      bl_import_builder_warn (b, place, _("claimant_id: not a usable id; the claimant is matched by name"));
      g_clear_pointer (&id, g_free);
    }
  if (id == NULL && name == NULL)
    return BL_NO_INDEX;

  if (id != NULL)
    {
      index = bl_project_find_actor (b->project, id);
      if (index != BL_NO_INDEX)
        return index;
    }
  else
    {
      key = name_key (name);
      if (g_hash_table_lookup_extended (b->actor_by_name, key, NULL, &found))
        return GPOINTER_TO_UINT (found) - 1;
    }

  if (id == NULL)
    id = make_id ("a", name, actor_taken, b->project, b->id_counters);
  actor = bl_actor_new (id, name ? name : id);
  {
    g_autofree char *role = bl_import_values_trimmed (v, BL_FIELD_CLAIMANT_ROLE);
    g_autofree char *affiliation = bl_import_values_trimmed (v, BL_FIELD_CLAIMANT_AFFILIATION);

    bl_actor_set_role (actor, role);
    bl_actor_set_affiliation (actor, affiliation);
  }
  if (bl_import_builder_read_term (b, v, BL_FIELD_CLAIMANT_KIND, place, actor_kind_from, &kind))
    bl_actor_set_kind (actor, (BlActorKind) kind);
  bl_actor_set_reliability (actor, bl_import_builder_read_grade (b, v, BL_FIELD_CLAIMANT_RELIABILITY, place, TRUE));

  index = bl_project_add_actor (b->project, actor);
  if (name != NULL)
    {
      if (key == NULL)
        key = name_key (name);
      if (!g_hash_table_contains (b->actor_by_name, key))
        g_hash_table_insert (b->actor_by_name, g_steal_pointer (&key), GUINT_TO_POINTER (index + 1));
    }
  return index;
}

static guint32
add_source (BlImportBuilder *b,
            const char      *id,
            const char      *name,
            const char      *url,
            char            *key)
{
  g_autoptr(BlSource) source = NULL;
  g_autofree char *made = NULL;
  guint32 index;

  if (id == NULL)
    id = made = make_id ("s", name, source_taken, b->project, b->id_counters);
  source = bl_source_new (id);
  bl_source_set_name (source, name ? name : id);
  bl_source_set_url (source, url);
  index = bl_project_add_source (b->project, source);
  if (key != NULL)
    g_hash_table_insert (b->source_by_key, key, GUINT_TO_POINTER (index + 1));
  return index;
}

/**
 * bl_import_builder_ensure_source:
 * @name: the source's name
 *
 * Finds the source called @name with no address, or adds it.
 *
 * Returns: its index in the project
 */
guint32
bl_import_builder_ensure_source (BlImportBuilder *b,
                                 const char      *name,
                                 BlSourceKind     kind)
{
  g_autofree char *folded = name_key (name);
  char *key = g_strconcat (folded, "\x1f", NULL);
  gpointer found;
  guint32 index;

  if (g_hash_table_lookup_extended (b->source_by_key, key, NULL, &found))
    {
      g_free (key);
      return GPOINTER_TO_UINT (found) - 1;
    }
  index = add_source (b, NULL, name, NULL, key);
  bl_source_set_kind (bl_project_get_source (b->project, index), kind);
  return index;
}

guint32
bl_import_builder_find_or_add_source (BlImportBuilder      *b,
                                      const BlImportValues *v,
                                      const char           *place)
{
  g_autofree char *id = bl_import_values_trimmed (v, BL_FIELD_SOURCE_ID);
  g_autofree char *name = bl_import_values_trimmed (v, BL_FIELD_SOURCE);
  g_autofree char *url = bl_import_values_trimmed (v, BL_FIELD_URL);
  g_autofree char *key = NULL;
  BlSource *source;
  guint32 index;
  int kind;
  gpointer found;

  if (url != NULL && !bl_uri_is_web_link (url))
    {
      g_autofree char *shown = g_utf8_substring (url, 0, MIN (g_utf8_strlen (url, -1), 60));
      g_autofree char *message =
        g_strdup_printf (_("url: “%s” is not a web address (http or https); imported without it"), shown);

      bl_import_builder_warn (b, place, message);
      g_clear_pointer (&url, g_free);
    }
  if (id != NULL && !bl_import_id_is_valid (id))
    {
      bl_import_builder_warn (b, place, _("source_id: not a usable id; the source is matched by name"));
      g_clear_pointer (&id, g_free);
    }
  if (name == NULL && url != NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

      name = g_strdup (uri ? g_uri_get_host (uri) : url);
    }
  if (id == NULL && name == NULL)
    return BL_NO_INDEX;

  if (id != NULL)
    {
      index = bl_project_find_source (b->project, id);
      if (index != BL_NO_INDEX)
        return index;
    }
  else
    {
      g_autofree char *folded = name_key (name);

      key = g_strconcat (folded, "\x1f", url ? url : "", NULL);
      if (g_hash_table_lookup_extended (b->source_by_key, key, NULL, &found))
        return GPOINTER_TO_UINT (found) - 1;
    }

  index = add_source (b, id, name, url, g_steal_pointer (&key));
  source = bl_project_get_source (b->project, index);
  if (bl_import_builder_read_term (b, v, BL_FIELD_SOURCE_KIND, place, source_kind_from, &kind))
    bl_source_set_kind (source, (BlSourceKind) kind);
  {
    g_autofree char *published = bl_import_builder_read_date_text (b, v, BL_FIELD_SOURCE_PUBLISHED, place);
    g_autofree char *retrieved = bl_import_builder_read_date_text (b, v, BL_FIELD_SOURCE_RETRIEVED, place);
    g_autofree char *language = bl_import_values_trimmed (v, BL_FIELD_SOURCE_LANGUAGE);
    g_autofree char *origin = bl_import_values_trimmed (v, BL_FIELD_SOURCE_ORIGIN);

    bl_source_set_published (source, published);
    bl_source_set_retrieved (source, retrieved);
    bl_source_set_language (source, language);
    if (origin != NULL)
      {
        PendingOrigin o = { index, g_strdup (place), g_steal_pointer (&origin) };

        g_array_append_val (b->origins, o);
      }
  }
  bl_source_set_reliability (source, bl_import_builder_read_grade (b, v, BL_FIELD_SOURCE_RELIABILITY, place, TRUE));

  return index;
}

guint32
bl_import_builder_find_or_add_topic (BlImportBuilder      *b,
                                     const BlImportValues *v,
                                     const char           *place)
{
  g_autofree char *id = bl_import_values_trimmed (v, BL_FIELD_TOPIC_ID);
  g_autofree char *title = bl_import_values_trimmed (v, BL_FIELD_TOPIC);
  g_autofree char *key = NULL;
  g_autofree char *made = NULL;
  g_autoptr(BlTopic) topic = NULL;
  guint32 index;
  gpointer found;

  if (id != NULL && !bl_import_id_is_valid (id))
    {
      bl_import_builder_warn (b, place, _("topic_id: not a usable id; the topic is matched by title"));
      g_clear_pointer (&id, g_free);
    }
  if (id == NULL && title == NULL)
    return BL_NO_INDEX;

  if (id != NULL)
    {
      index = bl_project_find_topic (b->project, id);
      if (index != BL_NO_INDEX)
        return index;
    }
  else
    {
      key = name_key (title);
      if (g_hash_table_lookup_extended (b->topic_by_title, key, NULL, &found))
        return GPOINTER_TO_UINT (found) - 1;
    }

  topic = bl_topic_new (id ? id : (made = make_id ("t", title, topic_taken, b->project, b->id_counters)));
  bl_topic_set_title (topic, title ? title : id);
  {
    g_autofree char *unit = bl_import_values_trimmed (v, BL_FIELD_UNIT);
    g_autofree char *description = bl_import_values_trimmed (v, BL_FIELD_TOPIC_DESCRIPTION);

    bl_topic_set_unit (topic, unit);
    bl_topic_set_description (topic, description);
  }
  index = bl_project_add_topic (b->project, topic);
  if (title != NULL)
    {
      if (key == NULL)
        key = name_key (title);
      if (!g_hash_table_contains (b->topic_by_title, key))
        g_hash_table_insert (b->topic_by_title, g_steal_pointer (&key), GUINT_TO_POINTER (index + 1));
    }
  return index;
}
