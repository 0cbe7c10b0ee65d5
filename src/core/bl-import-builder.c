/* bl-import-builder.c — turning imported records into claims
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: every importer (CSV, ACLED, GeoJSON) reads a record
 * into BlImportValues, one text per #BlField, and hands it here. The
 * builder checks the values the way the project reader would (so an
 * imported project always saves and loads again), rejects a record that
 * cannot become a claim, drops with a warning what cannot be kept (a date
 * it cannot read, a `javascript:` address), finds or makes the claimant,
 * source and topic, and appends the claim. What it is not: a reader of any
 * file format, or a merger of projects (bl-merge.c).
 *
 * Claimants are found by id when the record gives one, else by name
 * (case-insensitively, spaces trimmed); sources by id, else by name and
 * address together (two articles of one outlet are two sources); topics by
 * id, else by title. The first record that names one sets its other fields
 * (kind, role, reliability, …); later records do not change them.
 *
 * Records without an id get "PREFIX-N", N the record's number in the file.
 * Relations and source origins may name claims and sources that come later
 * in the file, so they are resolved at the end; one that names nothing is
 * dropped with a warning.
 *
 * This file checks a record and appends its claim; bl-import-values.c
 * holds the values and reads single texts, bl-import-builder-entities.c
 * finds or makes claimants, sources and topics
 * (bl-import-builder-private.h).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-error.h"
#include "bl-import-builder-private.h"
#include "bl-project-io.h"
#include "bl-vocab.h"

/* Builder */

/**
 * bl_import_builder_new:
 * @report: where problems go (borrowed)
 * @options: the import options (borrowed)
 * @id_prefix: the prefix of generated claim ids ("csv", "geojson")
 */
BlImportBuilder *
bl_import_builder_new (BlImportReport        *report,
                       const BlImportOptions *options,
                       const char            *id_prefix)
{
  BlImportBuilder *b = g_new0 (BlImportBuilder, 1);

  b->project = bl_project_new ();
  b->store = bl_project_get_claims (b->project);
  b->report = report;
  b->options = options;
  b->id_prefix = g_strdup (id_prefix);
  b->actor_by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->source_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->topic_by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->id_counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  b->relations = g_array_new (FALSE, FALSE, sizeof (PendingRelations));
  b->origins = g_array_new (FALSE, FALSE, sizeof (PendingOrigin));
  return b;
}

void
bl_import_builder_free (BlImportBuilder *b)
{
  if (b == NULL)
    return;

  for (guint i = 0; i < b->relations->len; i++)
    {
      PendingRelations *r = &g_array_index (b->relations, PendingRelations, i);

      g_free (r->place);
      g_ptr_array_unref (r->items);
    }
  for (guint i = 0; i < b->origins->len; i++)
    {
      PendingOrigin *o = &g_array_index (b->origins, PendingOrigin, i);

      g_free (o->place);
      g_free (o->origin);
    }
  g_array_unref (b->relations);
  g_array_unref (b->origins);
  g_hash_table_unref (b->actor_by_name);
  g_hash_table_unref (b->source_by_key);
  g_hash_table_unref (b->topic_by_title);
  g_hash_table_unref (b->id_counters);
  g_clear_object (&b->project);
  g_free (b->id_prefix);
  g_free (b);
}

BlProject *
bl_import_builder_get_project (BlImportBuilder *b)
{
  return b->project;
}

void
bl_import_builder_warn (BlImportBuilder *b,
                        const char      *place,
                        const char      *message)
{
  bl_import_report_add (b->report, BL_IMPORT_WARNING, place, "%s", message);
}

static gboolean
reject (BlImportBuilder *b,
        const char      *place,
        const char      *message)
{
  bl_import_report_add (b->report, BL_IMPORT_REJECTED, place, "%s", message);
  return FALSE;
}

/* A date field; a text that cannot be read leaves it unknown. */
static void
read_date (BlImportBuilder      *b,
           const BlImportValues *v,
           BlField               field,
           const char           *place,
           BlDate               *out)
{
  g_autofree char *text = bl_import_values_trimmed (v, field);
  g_autoptr(GError) error = NULL;

  *out = BL_DATE_UNKNOWN;
  if (text == NULL)
    return;
  if (!bl_import_parse_date (text, out, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s: cannot read the date “%s” (%s); left unknown"),
                         bl_field_get_name (field), text, error->message);

      *out = BL_DATE_UNKNOWN;
      bl_import_builder_warn (b, place, message);
    }
}

/* A date kept as text (a source's published and retrieved dates): checked,
 * written in the canonical form. */
char *
bl_import_builder_read_date_text (BlImportBuilder      *b,
                                  const BlImportValues *v,
                                  BlField               field,
                                  const char           *place)
{
  BlDate date;

  read_date (b, v, field, place, &date);
  if (bl_date_is_unknown (&date))
    return NULL;
  return bl_date_to_string (&date);
}

guint
bl_import_builder_read_grade (BlImportBuilder      *b,
                              const BlImportValues *v,
                              BlField               field,
                              const char           *place,
                              gboolean              letter)
{
  g_autofree char *text = bl_import_values_trimmed (v, field);
  guint grade = 0;
  double number;

  if (text == NULL)
    return 0;

  if (letter)
    {
      char upper[2] = { g_ascii_toupper (text[0]), '\0' };

      if (text[1] == '\0' && bl_reliability_from_string (upper, &grade))
        return grade;
    }
  else if (bl_import_parse_double (text, &number) && number >= 1 && number <= 6 &&
           number == floor (number))
    return (guint) number;

  {
    g_autofree char *message =
      g_strdup_printf (letter ? _("%s: “%s” is not a reliability grade (A to F); left ungraded")
                              : _("%s: “%s” is not a credibility grade (1 to 6); left ungraded"),
                       bl_field_get_name (field), text);
    bl_import_builder_warn (b, place, message);
  }
  return 0;
}

/* A term of a vocabulary; unknown terms are dropped with a warning. */
gboolean
bl_import_builder_read_term (BlImportBuilder      *b,
                             const BlImportValues *v,
                             BlField               field,
                             const char           *place,
                             gboolean            (*from_string) (const char *, int *),
                             int                  *out)
{
  g_autofree char *text = bl_import_values_trimmed (v, field);
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;
  lower = g_ascii_strdown (text, -1);
  g_strdelimit (lower, " _", '-');
  if (from_string (lower, out))
    return TRUE;

  {
    g_autofree char *message =
      g_strdup_printf (_("%s: “%s” is not a known term; left out"), bl_field_get_name (field), text);
    bl_import_builder_warn (b, place, message);
  }
  return FALSE;
}

static gboolean
stance_from (const char *t, int *o)
{
  BlStance s;
  if (!bl_stance_from_string (t, &s))
    return FALSE;
  *o = (int) s;
  return TRUE;
}

static gboolean
precision_from (const char *t, int *o)
{
  BlPrecision s;
  if (!bl_precision_from_string (t, &s))
    return FALSE;
  *o = (int) s;
  return TRUE;
}

static gboolean
area_code_is_valid (const char *code)
{
  gsize len = strlen (code);

  if (len != 2 && (len < 4 || len > 6))
    return FALSE;
  if (!g_ascii_isupper (code[0]) || !g_ascii_isupper (code[1]))
    return FALSE;
  if (len == 2)
    return TRUE;
  if (code[2] != '-')
    return FALSE;
  for (gsize i = 3; i < len; i++)
    if (!g_ascii_isupper (code[i]) && !g_ascii_isdigit (code[i]))
      return FALSE;
  return TRUE;
}

/* Splits a list field: the list if the reader made one, else the text
 * split on ';'. Items are trimmed; empty ones dropped. */
static GPtrArray *
read_list (const BlImportValues *v,
           BlField               field)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  if (v->list[field] != NULL)
    {
      for (guint i = 0; i < v->list[field]->len; i++)
        {
          char *item = g_strstrip (g_strdup (g_ptr_array_index (v->list[field], i)));

          if (item[0])
            g_ptr_array_add (out, item);
          else
            g_free (item);
        }
    }
  else if (v->text[field] != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (v->text[field], ";", -1);

      for (guint i = 0; parts[i]; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0])
            g_ptr_array_add (out, g_strdup (parts[i]));
        }
    }
  return out;
}

static gboolean
check_position (BlImportBuilder *b,
                const char      *place,
                const char      *what,
                double           lat,
                double           lon)
{
  g_autofree char *message = NULL;

  if (fabs (lat) > 90)
    {
      if (fabs (lon) <= 90 && fabs (lat) <= 180)
        message = g_strdup_printf (_("%s: latitude %g is outside -90..90 (latitude and longitude look swapped)"), what, lat);
      else
        message = g_strdup_printf (_("%s: latitude %g is outside -90..90"), what, lat);
    }
  else if (fabs (lon) > 180)
    message = g_strdup_printf (_("%s: longitude %g is outside -180..180"), what, lon);

  if (message)
    return reject (b, place, message);
  return TRUE;
}

/* The quantity of a record, or FALSE when it has none (or a bad one). */
static gboolean
read_quantity (BlImportBuilder      *b,
               const BlImportValues *v,
               const char           *place,
               BlQuantity           *q)
{
  g_autofree char *value = bl_import_values_trimmed (v, BL_FIELD_QUANTITY_VALUE);
  g_autofree char *min = bl_import_values_trimmed (v, BL_FIELD_QUANTITY_MIN);
  g_autofree char *max = bl_import_values_trimmed (v, BL_FIELD_QUANTITY_MAX);
  g_autofree char *qualifier = bl_import_values_trimmed (v, BL_FIELD_QUANTITY_QUALIFIER);
  g_autofree char *unit = bl_import_values_trimmed (v, BL_FIELD_QUANTITY_UNIT);
  g_autofree char *human = bl_import_values_trimmed (v, BL_FIELD_QUANTITY);
  const char *text = bl_import_values_as_given (v, BL_FIELD_QUANTITY_TEXT);
  g_autoptr(GError) error = NULL;

  if (value || min || max || qualifier)
    {
      BlQuantityQualifier qual = BL_QUANTITY_EXACT;
      double x = NAN, lo = NAN, hi = NAN;

      if (qualifier && !bl_quantity_qualifier_from_string (qualifier, &qual))
        {
          g_autofree char *message =
            g_strdup_printf (_("quantity_qualifier: “%s” is not a known qualifier; the figure is left out"), qualifier);
          bl_import_builder_warn (b, place, message);
          return FALSE;
        }
      if ((value && !bl_import_parse_double (value, &x)) ||
          (min && !bl_import_parse_double (min, &lo)) ||
          (max && !bl_import_parse_double (max, &hi)))
        {
          bl_import_builder_warn (b, place, _("quantity: a figure is not a number; the figure is left out"));
          return FALSE;
        }
      q->qualifier = qual;
      q->value = x;
      q->min = lo;
      q->max = hi;
      bl_quantity_set_unit (q, unit);
      bl_quantity_set_text (q, text);
    }
  else if (human)
    {
      if (!bl_quantity_parse_human (human, q, &error))
        {
          g_autofree char *message =
            g_strdup_printf (_("quantity: cannot read “%s” (%s); the figure is left out"), human, error->message);
          bl_import_builder_warn (b, place, message);
          return FALSE;
        }
      if (unit)
        bl_quantity_set_unit (q, unit);
      if (text)
        bl_quantity_set_text (q, text);
    }
  else
    return FALSE;

  if (!bl_quantity_validate (q, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("quantity: %s; the figure is left out"), error->message);
      bl_import_builder_warn (b, place, message);
      return FALSE;
    }
  if (isinf (q->max))
    {
      bl_import_builder_warn (b, place, _("quantity: an open explicit range cannot be kept; the default range applies"));
      bl_quantity_reset_range (q);
    }
  return TRUE;
}

static gboolean
check_text_sizes (BlImportBuilder      *b,
                  const BlImportValues *v,
                  const char           *place)
{
  for (guint f = 0; f < BL_N_FIELDS; f++)
    {
      gsize len = v->text[f] ? strlen (v->text[f]) : 0;

      if (v->list[f])
        for (guint i = 0; i < v->list[f]->len; i++)
          len = MAX (len, strlen (g_ptr_array_index (v->list[f], i)));

      if (len > BL_PROJECT_MAX_TEXT && f != BL_FIELD_POLYGON)
        {
          g_autofree char *message =
            g_strdup_printf (_("%s: the text is %zu bytes long; the limit is %d"),
                             bl_field_get_name (f), (size_t) len, BL_PROJECT_MAX_TEXT);
          return reject (b, place, message);
        }
    }
  return TRUE;
}

/**
 * bl_import_builder_add:
 * @values: the record; the builder may take its polygon
 * @place: where the record is, for messages ("FILE:12")
 * @record_number: its number, for a generated id
 *
 * Returns: whether the record became a claim
 */
gboolean
bl_import_builder_add (BlImportBuilder *b,
                       BlImportValues  *v,
                       const char      *place,
                       guint            record_number)
{
  BlClaimRecord record;
  g_autofree char *id = NULL;
  g_autofree char *lat_text = NULL;
  g_autofree char *lon_text = NULL;
  g_autofree char *polygon_text = NULL;
  g_autofree char *place_text = NULL;
  g_autofree double *polygon = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_auto(BlQuantity) quantity = BL_QUANTITY_INIT;
  const char *statement;
  const char *notes;
  guint n_polygon = 0;
  double lat = NAN, lon = NAN;
  int term;
  guint index;

  if (!check_text_sizes (b, v, place))
    return FALSE;

  bl_claim_record_init (&record);

  /* id */
  id = bl_import_values_trimmed (v, BL_FIELD_ID);
  if (id != NULL)
    {
      if (!bl_import_id_is_valid (id))
        return reject (b, place, _("id: an id is at most 256 bytes, with no control characters"));
      if (bl_claim_store_lookup (b->store, id) != BL_NO_INDEX)
        {
          g_autofree char *message =
            g_strdup_printf (_("id: “%s” is already the id of an earlier record"), id);
          return reject (b, place, message);
        }
    }
  else
    {
      id = g_strdup_printf ("%s-%u", b->id_prefix, record_number);
      for (guint n = 2; bl_claim_store_lookup (b->store, id) != BL_NO_INDEX; n++)
        {
          g_free (id);
          id = g_strdup_printf ("%s-%u-%u", b->id_prefix, record_number, n);
        }
    }

  /* statement, falling back to the notes */
  statement = bl_import_values_as_given (v, BL_FIELD_STATEMENT);
  notes = bl_import_values_as_given (v, BL_FIELD_NOTES);
  if (statement == NULL)
    {
      statement = notes;
      notes = NULL;
    }
  if (statement == NULL)
    return reject (b, place, _("the record has no statement (choose the column or property that holds it)"));

  /* point */
  if (v->has_point)
    {
      lat = v->lat;
      lon = v->lon;
      if (!check_position (b, place, "geometry", lat, lon))
        return FALSE;
    }
  else
    {
      lat_text = bl_import_values_trimmed (v, BL_FIELD_LATITUDE);
      lon_text = bl_import_values_trimmed (v, BL_FIELD_LONGITUDE);
      if ((lat_text == NULL) != (lon_text == NULL))
        return reject (b, place, lat_text ? _("a latitude without a longitude")
                                          : _("a longitude without a latitude"));
      if (lat_text != NULL)
        {
          if (!bl_import_parse_double (lat_text, &lat))
            {
              g_autofree char *message = g_strdup_printf (_("lat: “%s” is not a number"), lat_text);
              return reject (b, place, message);
            }
          if (!bl_import_parse_double (lon_text, &lon))
            {
              g_autofree char *message = g_strdup_printf (_("lon: “%s” is not a number"), lon_text);
              return reject (b, place, message);
            }
          if (!check_position (b, place, "lat/lon", lat, lon))
            return FALSE;
        }
    }

  /* polygon */
  if (v->polygon != NULL)
    {
      polygon = g_steal_pointer (&v->polygon);
      n_polygon = v->n_polygon;
    }
  else if ((polygon_text = bl_import_values_trimmed (v, BL_FIELD_POLYGON)) != NULL)
    {
      g_autofree char *problem = bl_import_parse_wkt_polygon (polygon_text, &polygon, &n_polygon);

      if (problem != NULL)
        {
          g_autofree char *message = g_strdup_printf ("polygon: %s", problem);
          return reject (b, place, message);
        }
    }
  if (polygon != NULL)
    {
      if (n_polygon < 4)
        return reject (b, place, _("polygon: a ring needs at least four positions"));
      if (polygon[0] != polygon[2 * (n_polygon - 1)] || polygon[1] != polygon[2 * (n_polygon - 1) + 1])
        return reject (b, place, _("polygon: the ring is not closed (its last position is not its first)"));
      for (guint i = 0; i < n_polygon; i++)
        if (!check_position (b, place, "polygon", polygon[2 * i + 1], polygon[2 * i]))
          return FALSE;
    }

  /* everything that rejects is checked: from here on only warnings */

  areas = read_list (v, BL_FIELD_AREAS);
  for (guint i = 0; i < areas->len;)
    {
      char *code = g_ptr_array_index (areas, i);

      for (char *p = code; *p; p++)
        *p = g_ascii_toupper (*p);
      if (area_code_is_valid (code))
        i++;
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("areas: “%s” is not an area code (such as AF or AF-KDZ); left out"), code);
          bl_import_builder_warn (b, place, message);
          g_ptr_array_remove_index (areas, i);
        }
    }
  g_ptr_array_add (areas, NULL);

  tags = read_list (v, BL_FIELD_TAGS);
  g_ptr_array_add (tags, NULL);
  relations = read_list (v, BL_FIELD_RELATIONS);

  record.id = id;
  record.statement = statement;
  record.quote = bl_import_values_as_given (v, BL_FIELD_QUOTE);
  record.notes = notes;
  record.actor = bl_import_builder_find_or_add_actor (b, v, place);
  record.source = bl_import_builder_find_or_add_source (b, v, place);
  record.topic = bl_import_builder_find_or_add_topic (b, v, place);
  read_date (b, v, BL_FIELD_SAID_ON, place, &record.said_on);
  read_date (b, v, BL_FIELD_ABOUT, place, &record.about);
  if (read_quantity (b, v, place, &quantity))
    record.quantity = &quantity;
  if (bl_import_builder_read_term (b, v, BL_FIELD_STANCE, place, stance_from, &term))
    record.stance = (BlStance) term;
  record.credibility = bl_import_builder_read_grade (b, v, BL_FIELD_CREDIBILITY, place, FALSE);
  record.lat = lat;
  record.lon = lon;
  if (bl_import_builder_read_term (b, v, BL_FIELD_PRECISION, place, precision_from, &term))
    record.precision = (BlPrecision) term;
  place_text = bl_import_values_trimmed (v, BL_FIELD_PLACE);
  record.place = place_text;
  record.areas = areas->len > 1 ? (const char * const *) areas->pdata : NULL;
  record.polygon = polygon;
  record.n_polygon = n_polygon;
  record.tags = tags->len > 1 ? (const char * const *) tags->pdata : NULL;

  index = bl_claim_store_append (b->store, &record);
  g_assert (index != BL_NO_INDEX);
  b->n_imported++;
  bl_import_report_set_record_claim (b->report, index);

  if (relations->len > 0)
    {
      PendingRelations r = { index, g_strdup (place), g_steal_pointer (&relations) };

      g_array_append_val (b->relations, r);
    }

  return TRUE;
}

static void
resolve_relations (BlImportBuilder *b)
{
  for (guint i = 0; i < b->relations->len; i++)
    {
      PendingRelations *r = &g_array_index (b->relations, PendingRelations, i);
      g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (BlRelation));
      g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
      BlClaimRecord record;
      const char *self_id = bl_claim_store_get_id (b->store, r->claim);

      for (guint k = 0; k < r->items->len; k++)
        {
          const char *item = g_ptr_array_index (r->items, k);
          const char *colon = strchr (item, ':');
          g_autofree char *kind_text = colon ? g_strstrip (g_strndup (item, colon - item)) : NULL;
          g_autofree char *target = colon ? g_strstrip (g_strdup (colon + 1)) : NULL;
          BlRelationKind kind;
          BlRelation relation;

          if (kind_text == NULL || !bl_relation_kind_from_string (kind_text, &kind) ||
              target[0] == '\0')
            {
              g_autofree char *message =
                g_strdup_printf (_("relations: “%s” is not TYPE:CLAIM-ID (cites, denies, corroborates); left out"), item);
              bl_import_builder_warn (b, r->place, message);
              continue;
            }
          if (strcmp (target, self_id) == 0 || bl_claim_store_lookup (b->store, target) == BL_NO_INDEX)
            {
              g_autofree char *message =
                g_strdup_printf (_("relations: there is no other claim with the id “%s”; the relation is left out"), target);
              bl_import_builder_warn (b, r->place, message);
              continue;
            }
          relation.kind = kind;
          relation.claim_id = target;
          g_ptr_array_add (ids, g_steal_pointer (&target));
          g_array_append_val (kept, relation);
        }

      if (kept->len == 0)
        continue;
      bl_claim_store_get_record (b->store, r->claim, &record);
      record.relations = (const BlRelation *) (void *) kept->data;
      record.n_relations = kept->len;
      bl_claim_store_replace (b->store, r->claim, &record);
    }
}

static void
resolve_origins (BlImportBuilder *b)
{
  for (guint i = 0; i < b->origins->len; i++)
    {
      PendingOrigin *o = &g_array_index (b->origins, PendingOrigin, i);
      BlSource *source = bl_project_get_source (b->project, o->source);

      if (strcmp (o->origin, bl_source_get_id (source)) != 0 &&
          bl_project_find_source (b->project, o->origin) != BL_NO_INDEX)
        bl_source_set_origin (source, o->origin);
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("source_origin: there is no other source with the id “%s”; left out"), o->origin);
          bl_import_builder_warn (b, o->place, message);
        }
    }
}

/**
 * bl_import_builder_finish:
 *
 * Resolves relations and origins, and records the count in the report.
 *
 * Returns: (transfer full): the project; the builder keeps no reference
 */
BlProject *
bl_import_builder_finish (BlImportBuilder *b)
{
  resolve_relations (b);
  resolve_origins (b);
  bl_import_report_set_imported (b->report, b->n_imported);
  return g_steal_pointer (&b->project);
}

