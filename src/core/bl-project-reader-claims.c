/* bl-project-reader-claims.c — reading the claims of a project file
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads "claims": each claim with its quantity, location and relations,
 * checked and appended to the store. One ClaimData is reused for every
 * claim, so reading a million claims does not allocate a million scratch
 * structures.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bl-error.h"
#include "bl-project-loader-private.h"
#include "bl-vocab.h"

#include "bl-claim-store-private.h"

/* Quantity */

static const char * const quantity_members[] = {
  "value", "min", "max", "qualifier", "unit", "text", NULL
};

enum { Q_VALUE, Q_MIN, Q_MAX, Q_QUALIFIER, Q_UNIT, Q_TEXT };

typedef struct {
  double  value, min, max;
  gboolean has_value, has_min, has_max;
  BlQuantityQualifier qualifier;
  char   *unit;
  char   *text;
} QuantityData;

static gboolean
read_quantity_member (Loader      *l,
                      guint        member,
                      BlJsonToken  token,
                      gpointer     data)
{
  QuantityData *q = data;

  switch (member)
    {
    case Q_VALUE:
      return bl_loader_read_number (l, token, &q->value, &q->has_value);
    case Q_MIN:
      return bl_loader_read_number (l, token, &q->min, &q->has_min);
    case Q_MAX:
      return bl_loader_read_number (l, token, &q->max, &q->has_max);
    case Q_QUALIFIER:
      {
        g_autofree char *text = NULL;

        if (!bl_loader_read_text (l, token, &text))
          return FALSE;
        if (text != NULL && !bl_quantity_qualifier_from_string (text, &q->qualifier))
          {
            g_autofree char *escaped = bl_loader_quote (text);

            bl_loader_problem (l, BL_ERROR_INVALID, _("“%s” is not a known qualifier"), escaped);
          }
        return TRUE;
      }
    case Q_UNIT:
      return bl_loader_read_text (l, token, &q->unit);
    case Q_TEXT:
      return bl_loader_read_text (l, token, &q->text);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_quantity (Loader      *l,
               BlJsonToken  token,
               BlQuantity  *out,
               gboolean    *has_quantity)
{
  QuantityData q = { 0 };
  g_autoptr(GError) error = NULL;
  guint64 seen;
  guint before = l->n_problems;

  q.qualifier = BL_QUANTITY_EXACT;

  if (!bl_loader_read_object (l, token, quantity_members, read_quantity_member, &q, &seen))
    goto out;

  if (l->n_problems == before)
    {
      BlQuantity quantity;

      bl_quantity_init (&quantity);
      quantity.qualifier = q.qualifier;
      quantity.value = q.has_value ? q.value : NAN;
      quantity.min = q.has_min ? q.min : NAN;
      /* an open range ("at least 6,000", analyst's bounds) has no "max" */
      quantity.max = q.has_max ? q.max : q.has_min ? INFINITY : NAN;
      quantity.unit = g_steal_pointer (&q.unit);
      quantity.text = g_steal_pointer (&q.text);

      if (!bl_quantity_validate (&quantity, &error))
        {
          bl_loader_problem (l, BL_ERROR_INVALID, "%s", error->message);
          bl_quantity_clear (&quantity);
        }
      else
        {
          if (*has_quantity)
            bl_quantity_clear (out);
          *out = quantity;
          *has_quantity = TRUE;
        }
    }

out:
  g_free (q.unit);
  g_free (q.text);
  return l->fatal == NULL;
}

/* Location */

static const char * const location_members[] = {
  "lat", "lon", "areas", "polygon", "precision", "place", NULL
};

enum { L_LAT, L_LON, L_AREAS, L_POLYGON, L_PRECISION, L_PLACE };

typedef struct {
  double    lat, lon;
  gboolean  has_lat, has_lon;
  char    **areas;
  GArray   *polygon;
  guint     precision;
  char     *place;
  gboolean  polygon_bad;
} LocationData;

static gboolean
read_location_member (Loader      *l,
                      guint        member,
                      BlJsonToken  token,
                      gpointer     data)
{
  LocationData *d = data;

  switch (member)
    {
    case L_LAT:
      return bl_loader_read_number (l, token, &d->lat, &d->has_lat);
    case L_LON:
      return bl_loader_read_number (l, token, &d->lon, &d->has_lon);
    case L_AREAS:
      return bl_loader_read_strings (l, token, TRUE, &d->areas);
    case L_POLYGON:
      {
        guint before = l->n_problems;

        if (!bl_loader_read_positions (l, token, d->polygon))
          return FALSE;
        d->polygon_bad = l->n_problems != before;
        return TRUE;
      }
    case L_PRECISION:
      return bl_loader_read_term (l, token, bl_loader_precision_from_guint, _("location precision"), &d->precision);
    case L_PLACE:
      return bl_loader_read_text (l, token, &d->place);
    default:
      g_assert_not_reached ();
    }
}

/* Claims */

static const char * const claim_members[] = {
  "id", "statement", "quote", "claimant", "source", "said-on", "about",
  "topic", "quantity", "stance", "location", "credibility", "tags", "notes",
  "relations", NULL
};

enum {
  C_ID, C_STATEMENT, C_QUOTE, C_CLAIMANT, C_SOURCE, C_SAID_ON, C_ABOUT,
  C_TOPIC, C_QUANTITY, C_STANCE, C_LOCATION, C_CREDIBILITY, C_TAGS, C_NOTES,
  C_RELATIONS
};

typedef struct {
  BlClaimRecord record;
  char         *id;
  char         *statement;
  char         *quote;
  char         *notes;
  char        **tags;
  BlQuantity    quantity;
  gboolean      has_quantity;
  LocationData  location;
  GArray       *relations;  /* BlRelation */
} ClaimData;

static void
claim_data_clear (ClaimData *c)
{
  g_clear_pointer (&c->id, g_free);
  g_clear_pointer (&c->statement, g_free);
  g_clear_pointer (&c->quote, g_free);
  g_clear_pointer (&c->notes, g_free);
  g_clear_pointer (&c->tags, g_strfreev);
  if (c->has_quantity)
    bl_quantity_clear (&c->quantity);
  c->has_quantity = FALSE;
  g_clear_pointer (&c->location.areas, g_strfreev);
  g_clear_pointer (&c->location.place, g_free);
  g_array_set_size (c->location.polygon, 0);
  for (guint i = 0; i < c->relations->len; i++)
    g_free (g_array_index (c->relations, BlRelation, i).claim_id);
  g_array_set_size (c->relations, 0);
}

static const char * const relation_members[] = { "type", "claim", NULL };

typedef struct {
  guint  kind;
  char  *claim_id;
} RelationData;

static gboolean
read_relation_member (Loader      *l,
                      guint        member,
                      BlJsonToken  token,
                      gpointer     data)
{
  RelationData *r = data;

  if (member == 0)
    return bl_loader_read_term (l, token, bl_loader_relation_kind_from_guint, _("relation type"), &r->kind);
  return bl_loader_read_id (l, token, &r->claim_id);
}

static gboolean
read_relation_element (Loader      *l,
                       guint        position,
                       BlJsonToken  token,
                       gpointer     data)
{
  ClaimData *c = data;
  RelationData r = { BL_N_RELATION_KINDS, NULL };
  guint before = l->n_problems;
  guint64 seen;

  if (!bl_loader_read_object (l, token, relation_members, read_relation_member, &r, &seen))
    {
      g_free (r.claim_id);
      return FALSE;
    }

  if (l->n_problems == before && (seen & 3) != 3)
    bl_loader_problem (l, BL_ERROR_INVALID, _("a relation needs a “type” and a “claim”"));
  else if (l->n_problems == before && c->id != NULL && strcmp (r.claim_id, c->id) == 0)
    bl_loader_problem (l, BL_ERROR_INVALID, _("a claim cannot relate to itself"));

  if (l->n_problems == before)
    {
      BlRelation relation = { r.kind, g_steal_pointer (&r.claim_id) };

      g_array_append_val (c->relations, relation);
    }

  g_free (r.claim_id);
  return TRUE;
}

static gboolean
read_claim_member (Loader      *l,
                   guint        member,
                   BlJsonToken  token,
                   gpointer     data)
{
  ClaimData *c = data;
  BlClaimRecord *r = &c->record;

  switch (member)
    {
    case C_ID:
      return bl_loader_read_id (l, token, &c->id);
    case C_STATEMENT:
      return bl_loader_read_text (l, token, &c->statement);
    case C_QUOTE:
      return bl_loader_read_text (l, token, &c->quote);
    case C_CLAIMANT:
      return bl_loader_read_ref (l, token, REF_ACTOR, &r->actor);
    case C_SOURCE:
      return bl_loader_read_ref (l, token, REF_SOURCE, &r->source);
    case C_SAID_ON:
      return bl_loader_read_date (l, token, &r->said_on);
    case C_ABOUT:
      return bl_loader_read_date (l, token, &r->about);
    case C_TOPIC:
      return bl_loader_read_ref (l, token, REF_TOPIC, &r->topic);
    case C_QUANTITY:
      return read_quantity (l, token, &c->quantity, &c->has_quantity);
    case C_STANCE:
      {
        guint stance = BL_STANCE_ASSERTS;
        gboolean ok = bl_loader_read_term (l, token, bl_loader_stance_from_guint, _("stance"), &stance);

        r->stance = stance;
        return ok;
      }
    case C_LOCATION:
      {
        LocationData *d = &c->location;
        guint before = l->n_problems;

        if (!bl_loader_read_object (l, token, location_members, read_location_member, d, NULL))
          return FALSE;
        if (l->n_problems != before)
          return TRUE;

        if (d->has_lat != d->has_lon)
          bl_loader_problem (l, BL_ERROR_INVALID, _("a point needs both “lat” and “lon”"));
        else if (d->has_lat && (d->lat < -90 || d->lat > 90))
          bl_loader_problem (l, BL_ERROR_INVALID, _("latitude %g is outside -90..90"), d->lat);
        else if (d->has_lon && (d->lon < -180 || d->lon > 180))
          bl_loader_problem (l, BL_ERROR_INVALID, _("longitude %g is outside -180..180"), d->lon);
        else if (d->polygon->len > 0 && d->polygon->len < 8)
          bl_loader_problem (l, BL_ERROR_INVALID, _("a polygon ring needs at least four positions, the last equal to the first"));
        else if (d->polygon->len > 0 &&
                 (g_array_index (d->polygon, double, 0) != g_array_index (d->polygon, double, d->polygon->len - 2) ||
                  g_array_index (d->polygon, double, 1) != g_array_index (d->polygon, double, d->polygon->len - 1)))
          bl_loader_problem (l, BL_ERROR_INVALID, _("the polygon ring is not closed: its last position must equal its first"));
        return TRUE;
      }
    case C_CREDIBILITY:
      {
        gint64 value;
        gboolean ok;

        if (!bl_loader_read_integer (l, token, 1, 6, &value, &ok))
          return FALSE;
        if (ok)
          r->credibility = (guint) value;
        return TRUE;
      }
    case C_TAGS:
      return bl_loader_read_strings (l, token, FALSE, &c->tags);
    case C_NOTES:
      return bl_loader_read_text (l, token, &c->notes);
    case C_RELATIONS:
      return bl_loader_read_array (l, token, read_relation_element, c);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_claim (Loader      *l,
            guint        position,
            BlJsonToken  token,
            gpointer     data)
{
  ClaimData *c = data;
  BlClaimRecord *r = &c->record;
  BlClaimStore *store = bl_project_get_claims (l->project);
  guint before = l->n_problems;
  guint line = bl_json_reader_get_line (l->json);
  guint64 seen;

  if ((position & 1023) == 0)
    {
      if (bl_loader_check_cancelled (l))
        return FALSE;
      if (l->progress && l->len > 0)
        l->progress ((double) bl_json_reader_get_offset (l->json) / l->len, l->progress_data);
    }

  l->claims_seen++;
  claim_data_clear (c);
  bl_claim_record_init (r);
  c->location.precision = BL_PRECISION_UNKNOWN;
  c->location.has_lat = c->location.has_lon = FALSE;

  if (!bl_loader_read_object (l, token, claim_members, read_claim_member, c, &seen))
    return FALSE;

  if (l->n_problems != before)
    return TRUE;

  if (!(seen & (1 << C_ID)))
    {
      bl_loader_add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, _("a claim needs an “id”"));
      return TRUE;
    }
  if (!(seen & (1 << C_STATEMENT)))
    {
      bl_loader_add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, _("a claim needs a “statement”"));
      return TRUE;
    }
  if (c->statement[0] == '\0')
    {
      bl_loader_add_problem_at (l, BL_ERROR_INVALID, l->path->str, line, _("a claim's “statement” cannot be empty"));
      return TRUE;
    }

  r->id = c->id;
  r->statement = c->statement;
  r->quote = c->quote;
  r->notes = c->notes;
  r->tags = (const char * const *) c->tags;
  r->quantity = c->has_quantity ? &c->quantity : NULL;
  r->lat = c->location.has_lat ? c->location.lat : NAN;
  r->lon = c->location.has_lon ? c->location.lon : NAN;
  r->precision = c->location.precision;
  r->place = c->location.place;
  r->areas = (const char * const *) c->location.areas;
  r->polygon = (const double *) c->location.polygon->data;
  r->n_polygon = c->location.polygon->len / 2;
  r->relations = (const BlRelation *) c->relations->data;
  r->n_relations = c->relations->len;

  if (bl_claim_store_append (store, r) == BL_NO_INDEX)
    {
      g_autofree char *escaped = bl_loader_quote (c->id);
      g_autofree char *message = g_strdup_printf (_("the id “%s” is used by another claim"), escaped);

      bl_loader_add_problem_at (l, BL_ERROR_DUPLICATE, l->path->str, line, message);
      return TRUE;
    }

  g_array_append_val (l->claim_positions, position);
  return TRUE;
}

/* Reads the "claims" array into the project's store. */
gboolean
bl_loader_read_claims (Loader      *l,
                       BlJsonToken  token)
{
  ClaimData c = { 0 };
  gboolean ok;

  c.location.polygon = g_array_new (FALSE, FALSE, sizeof (double));
  c.relations = g_array_new (FALSE, FALSE, sizeof (BlRelation));
  ok = bl_loader_read_array (l, token, read_claim, &c);
  claim_data_clear (&c);
  g_array_unref (c.location.polygon);
  g_array_unref (c.relations);
  return ok;
}
