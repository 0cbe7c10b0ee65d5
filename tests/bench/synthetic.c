/* synthetic.c — made-up claims for scale tests and benchmarks
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a project of N claims that look, to the indices and the views,
 * like a large real collection about northern Afghanistan and the
 * Afghan–Tajik border, so that clustering, time filtering, loading and
 * saving can be measured on realistic shapes of data. Nothing in it is
 * real: the title, the description and a tag on every claim say so.
 *
 * - Places: about 30 real towns (approximate coordinates, to a few km),
 *   weighted by how much news they make; a claim sits exactly on its town
 *   (settlement precision), or scattered around it with a Gaussian of
 *   5–15 km (district or exact). About 11% are province claims and 4%
 *   country claims with no point (areas only); synthetic_anchor() gives
 *   them the approximate centre of their first area, as the map gives
 *   the basemap's label point.
 * - Dates: said on a day from 2015 to 2025, mostly to the day, some to
 *   the month or year, some circa; about the same day, a month, a year,
 *   a closed interval before it, an open interval ("since …") or unknown.
 * - 20 topics with units, 500 claimants, 200 sources, a fifth of them
 *   citing an earlier source as their origin; 85% asserts, 10% denies
 *   (with a "denies" relation to a recent claim), 5% qualifies; a figure
 *   on a third of the claims; credibility 1–6 or ungraded.
 *
 * One pass, O(N): 2.5–3 s for a million claims, most of it the
 * store's own copying. Deterministic for a seed (GRand, Mersenne
 * twister).
 *
 * Not for: tests that check content; the sample projects in
 * data/samples are for that.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "synthetic.h"

typedef struct {
  const char *name;
  double      lat;
  double      lon;
  double      weight;
  const char *province;
} Town;

/* Approximate town centres (degrees), good to a few kilometres. */
static const Town towns[] = {
  { "Kunduz",            36.728, 68.857, 10, "AF-KDZ" },
  { "Imam Sahib",        37.183, 68.917,  3, "AF-KDZ" },
  { "Khan Abad",         36.682, 69.114,  2, "AF-KDZ" },
  { "Fayzabad",          37.116, 70.580,  8, "AF-BDS" },
  { "Jurm",              36.864, 70.834,  2, "AF-BDS" },
  { "Baharak",           36.930, 70.900,  2, "AF-BDS" },
  { "Ishkashim",         36.711, 71.611,  3, "AF-BDS" },
  { "Taloqan",           36.736, 69.534,  7, "AF-TAK" },
  { "Rustaq",            37.126, 69.831,  2, "AF-TAK" },
  { "Mazar-i-Sharif",    36.709, 67.110,  8, "AF-BAL" },
  { "Balkh",             36.758, 66.897,  2, "AF-BAL" },
  { "Hairatan",          37.210, 67.420,  3, "AF-BAL" },
  { "Pul-i-Khumri",      35.944, 68.715,  4, "AF-BGL" },
  { "Baghlan",           36.131, 68.708,  3, "AF-BGL" },
  { "Khulm",             36.697, 67.694,  2, "AF-SAM" },
  { "Aybak",             36.265, 68.015,  2, "AF-SAM" },
  { "Sheberghan",        36.668, 65.752,  3, "AF-JOW" },
  { "Andkhoy",           36.952, 65.124,  1, "AF-JOW" },
  { "Maimana",           35.921, 64.784,  2, "AF-FYB" },
  { "Sar-e Pul",         36.216, 65.928,  1, "AF-SAR" },
  { "Kabul",             34.528, 69.172,  9, "AF-KAB" },
  { "Charikar",          35.013, 69.168,  2, "AF-PAR" },
  { "Dushanbe",          38.560, 68.774,  7, "TJ-DU" },
  { "Vahdat",            38.556, 69.014,  1, "TJ-RA" },
  { "Khorugh",           37.489, 71.553,  4, "TJ-GB" },
  { "Qal'ai Khumb",      38.453, 70.785,  1, "TJ-GB" },
  { "Murghab",           38.170, 73.964,  1, "TJ-GB" },
  { "Kulob",             37.914, 69.784,  3, "TJ-KT" },
  { "Bokhtar",           37.836, 68.781,  3, "TJ-KT" },
  { "Panj",              37.236, 69.099,  3, "TJ-KT" },
  { "Shahritus",         37.260, 68.140,  1, "TJ-KT" },
  { "Termez",            37.224, 67.278,  3, "UZ-SU" },
};

typedef struct {
  const char *code;
  const char *name;
  double      lat;
  double      lon;
} Area;

/* Approximate centres of the areas the synthetic claims name. */
static const Area areas[] = {
  { "AF-KDZ", "Kunduz province",      36.80, 68.75 },
  { "AF-BDS", "Badakhshan province",  36.75, 71.00 },
  { "AF-TAK", "Takhar province",      36.65, 69.60 },
  { "AF-BAL", "Balkh province",       36.70, 67.00 },
  { "AF-BGL", "Baghlan province",     35.90, 68.80 },
  { "AF-SAM", "Samangan province",    36.10, 67.80 },
  { "AF-JOW", "Jowzjan province",     36.70, 65.80 },
  { "AF-FYB", "Faryab province",      35.90, 64.80 },
  { "AF-SAR", "Sar-e Pul province",   35.90, 66.10 },
  { "AF-KAB", "Kabul province",       34.55, 69.20 },
  { "AF-PAR", "Parwan province",      35.20, 69.10 },
  { "TJ-GB",  "Gorno-Badakhshan",     38.20, 72.80 },
  { "TJ-KT",  "Khatlon region",       37.90, 69.20 },
  { "TJ-DU",  "Dushanbe",             38.56, 68.78 },
  { "TJ-RA",  "Districts of Republican Subordination", 38.80, 69.80 },
  { "UZ-SU",  "Surxondaryo region",   38.00, 67.50 },
  { "AF",     "Afghanistan",          33.90, 66.00 },
  { "TJ",     "Tajikistan",           38.80, 71.00 },
};

typedef struct {
  const char *title;
  const char *unit;
} TopicSpec;

static const TopicSpec topics[] = {
  { "ISIS-K fighters near the Tajik border", "fighters" },
  { "Rocket attacks across the Panj", "attacks" },
  { "Taliban checkpoints in Badakhshan", "checkpoints" },
  { "Drug seizures at the border", "kg" },
  { "Refugee arrivals in Tajikistan", "people" },
  { "Border guard deployments", "troops" },
  { "CSTO exercises near the border", "exercises" },
  { "Militant training camps", "camps" },
  { "Fuel trade through Hairatan", "tonnes" },
  { "Gold mining disputes in Badakhshan", "sites" },
  { "Civilian casualties", "casualties" },
  { "Arrests of ISIS-K suspects", "arrests" },
  { "Displaced families", "families" },
  { "Amu Darya water use", "cubic km" },
  { "Qosh Tepa canal works", "km" },
  { "Landmine incidents", "incidents" },
  { "Opium poppy cultivation", "hectares" },
  { "Border shootings", "incidents" },
  { "Jamaat Ansarullah fighters", "fighters" },
  { "Humanitarian aid deliveries", "tonnes" },
};

static const char *const roles[] = {
  "Spokesperson", "Governor", "Police chief", "Border commander",
  "Deputy minister", "Analyst", "Correspondent", "Elder", "Envoy",
  "Intelligence official",
};

static const char *const affiliations[] = {
  "Islamic Emirate", "Tajik Border Troops", "CSTO", "United Nations",
  "Government of Tajikistan", "Provincial council", "Local militia",
  "Independent media", "Humanitarian NGO", "Regional think tank",
};

static const char *const languages[] = { "en", "ru", "fa", "ps", "tg", "uz" };

static const char *const tags_plain[] = { SYNTHETIC_TAG, NULL };
static const char *const tags_border[] = { SYNTHETIC_TAG, "border", NULL };

static const BlQuantityQualifier vague[] = {
  BL_QUANTITY_SEVERAL, BL_QUANTITY_DOZENS, BL_QUANTITY_HUNDREDS,
  BL_QUANTITY_SEVERAL_THOUSAND,
};

#define N_ACTORS  500
#define N_SOURCES 200

static const char *
area_name (const char *code)
{
  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    if (strcmp (areas[a].code, code) == 0)
      return areas[a].name;
  return code;
}

/* Random helpers */

static double
gaussian (GRand *rand)
{
  double u = g_rand_double (rand), v = g_rand_double (rand);

  return sqrt (-2.0 * log (1.0 - u)) * cos (2.0 * G_PI * v);
}

static guint
pick_weighted (GRand        *rand,
               const double *cumulative,
               guint         n)
{
  double r = g_rand_double (rand) * cumulative[n - 1];
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cumulative[mid] > r)
        hi = mid;
      else
        lo = mid + 1;
    }

  return lo;
}

static void
make_day (BlDate          *date,
          gint32           day,
          BlDatePrecision  precision,
          gboolean         circa)
{
  int y, m, d;

  bl_day_to_ymd (day, &y, &m, &d);
  if (!bl_date_init_ymd (date, precision, y, m, d, circa, NULL))
    g_assert_not_reached ();
}

static void
make_said_on (GRand  *rand,
              gint32  day,
              BlDate *date)
{
  double r = g_rand_double (rand);

  if (r < 0.72)
    make_day (date, day, BL_DATE_PRECISION_DAY, FALSE);
  else if (r < 0.75)
    make_day (date, day, BL_DATE_PRECISION_DAY, TRUE);
  else if (r < 0.90)
    make_day (date, day, BL_DATE_PRECISION_MONTH, FALSE);
  else if (r < 0.93)
    make_day (date, day, BL_DATE_PRECISION_MONTH, TRUE);
  else
    make_day (date, day, BL_DATE_PRECISION_YEAR, FALSE);
}

static void
make_about (GRand        *rand,
            gint32        day,
            const BlDate *said_on,
            BlDate       *date)
{
  double r = g_rand_double (rand);

  if (r < 0.50)
    *date = *said_on;
  else if (r < 0.60)
    make_day (date, day, BL_DATE_PRECISION_MONTH, FALSE);
  else if (r < 0.68)
    make_day (date, day, BL_DATE_PRECISION_YEAR, g_rand_boolean (rand));
  else if (r < 0.80)
    {
      /* "over the past months": a closed interval ending that day */
      BlDate start, end;

      make_day (&start, day - g_rand_int_range (rand, 14, 400), BL_DATE_PRECISION_DAY, FALSE);
      make_day (&end, day, BL_DATE_PRECISION_DAY, FALSE);
      if (!bl_date_make_interval (&start, &end, date, NULL))
        g_assert_not_reached ();
    }
  else if (r < 0.92)
    {
      /* "since August 2021": an open interval */
      BlDate start;

      make_day (&start, day - g_rand_int_range (rand, 30, 1500), BL_DATE_PRECISION_MONTH, FALSE);
      if (!bl_date_make_interval (&start, NULL, date, NULL))
        g_assert_not_reached ();
    }
  else if (r < 0.95)
    {
      /* "until 2022" */
      BlDate end;

      make_day (&end, day, BL_DATE_PRECISION_YEAR, FALSE);
      if (!bl_date_make_interval (NULL, &end, date, NULL))
        g_assert_not_reached ();
    }
  else
    bl_date_init_unknown (date);
}

static void
make_quantity (GRand      *rand,
               const char *unit,
               BlQuantity *q,
               char       *text,
               gsize       text_size)
{
  double r = g_rand_double (rand);
  double value = round (exp (g_rand_double_range (rand, log (5), log (8000))));

  q->value = NAN;
  q->min = NAN;
  q->max = NAN;
  q->unit = (char *) unit;  /* borrowed: the store copies it */
  q->text = text;

  if (r < 0.60)
    {
      q->qualifier = BL_QUANTITY_EXACT;
      q->value = value;
      g_snprintf (text, text_size, "%.0f %s", value, unit);
    }
  else if (r < 0.75)
    {
      q->qualifier = BL_QUANTITY_APPROXIMATELY;
      q->value = value;
      g_snprintf (text, text_size, "about %.0f %s", value, unit);
    }
  else if (r < 0.85)
    {
      q->qualifier = BL_QUANTITY_AT_LEAST;
      q->value = value;
      g_snprintf (text, text_size, "at least %.0f %s", value, unit);
    }
  else if (r < 0.92)
    {
      q->qualifier = BL_QUANTITY_RANGE;
      q->min = value;
      q->max = value * 2;
      g_snprintf (text, text_size, "between %.0f and %.0f %s", q->min, q->max, unit);
    }
  else
    {
      q->qualifier = vague[g_rand_int_range (rand, 0, G_N_ELEMENTS (vague))];
      g_snprintf (text, text_size, "%s %s", bl_quantity_qualifier_to_string (q->qualifier), unit);
    }
}

static void
add_vocabulary (BlProject *project,
                GRand     *rand)
{
  for (guint t = 0; t < G_N_ELEMENTS (topics); t++)
    {
      g_autofree char *id = g_strdup_printf ("t-syn-%02u", t + 1);
      g_autoptr(BlTopic) topic = bl_topic_new (id);

      bl_topic_set_title (topic, topics[t].title);
      bl_topic_set_unit (topic, topics[t].unit);
      bl_topic_set_description (topic, "Synthetic topic.");
      bl_project_add_topic (project, topic);
    }

  for (guint a = 0; a < N_ACTORS; a++)
    {
      g_autofree char *id = g_strdup_printf ("a-syn-%03u", a + 1);
      g_autofree char *name = NULL;
      g_autoptr(BlActor) actor = NULL;
      guint role = g_rand_int_range (rand, 0, G_N_ELEMENTS (roles));
      guint affiliation = g_rand_int_range (rand, 0, G_N_ELEMENTS (affiliations));

      name = g_strdup_printf ("Synthetic %s %03u", roles[role], a + 1);
      actor = bl_actor_new (id, name);
      bl_actor_set_role (actor, roles[role]);
      bl_actor_set_affiliation (actor, affiliations[affiliation]);
      bl_actor_set_kind (actor, g_rand_int_range (rand, 0, BL_N_ACTOR_KINDS));
      bl_actor_set_reliability (actor, g_rand_int_range (rand, 0, 7));
      bl_project_add_actor (project, actor);
    }

  for (guint s = 0; s < N_SOURCES; s++)
    {
      g_autofree char *id = g_strdup_printf ("s-syn-%03u", s + 1);
      g_autofree char *name = g_strdup_printf ("Synthetic outlet %03u", s + 1);
      g_autofree char *url = g_strdup_printf ("https://example.org/synthetic/%03u", s + 1);
      g_autoptr(BlSource) source = bl_source_new (id);

      bl_source_set_name (source, name);
      bl_source_set_kind (source, g_rand_int_range (rand, 0, BL_N_SOURCE_KINDS));
      bl_source_set_url (source, url);
      bl_source_set_language (source, languages[g_rand_int_range (rand, 0, G_N_ELEMENTS (languages))]);
      bl_source_set_reliability (source, g_rand_int_range (rand, 0, 7));
      if (s >= 20 && g_rand_double (rand) < 0.2)
        {
          /* republishes an earlier outlet, which may itself republish */
          g_autofree char *origin = g_strdup_printf ("s-syn-%03u", g_rand_int_range (rand, 1, s + 1));

          bl_source_set_origin (source, origin);
        }
      bl_project_add_source (project, source);
    }
}

/**
 * synthetic_project_new:
 * @n_claims: how many claims
 * @seed: the random seed; the same seed gives the same project
 *
 * Returns: (transfer full): a project of @n_claims made-up claims
 */
BlProject *
synthetic_project_new (guint   n_claims,
                       guint32 seed)
{
  g_autoptr(BlProject) project = bl_project_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  BlClaimStore *store;
  double town_cumulative[G_N_ELEMENTS (towns)];
  double credibility_cumulative[7];
  static const double credibility_weights[7] = { 15, 5, 20, 25, 20, 10, 5 };
  gint32 first_day = bl_day_from_ymd (2015, 1, 1);
  gint32 n_days = bl_day_from_ymd (2025, 12, 31) - first_day + 1;
  double sum = 0;

  title = g_strdup_printf ("SYNTHETIC DATA — generated by gen-synthetic, seed %u; not real claims", seed);
  description = g_strdup_printf ("SYNTHETIC DATA — generated by gen-synthetic, seed %u; not real claims. "
                                 "%u made-up claims around real towns of northern Afghanistan and "
                                 "Tajikistan, for testing Borderline at scale. Every claim is tagged "
                                 "\"" SYNTHETIC_TAG "\".", seed, n_claims);
  bl_project_set_title (project, title);
  bl_project_set_description (project, description);

  add_vocabulary (project, rand);

  for (guint t = 0; t < G_N_ELEMENTS (towns); t++)
    town_cumulative[t] = (sum += towns[t].weight);
  sum = 0;
  for (guint c = 0; c < 7; c++)
    credibility_cumulative[c] = (sum += credibility_weights[c]);

  store = bl_project_get_claims (project);
  bl_claim_store_reserve (store, n_claims);

  for (guint i = 0; i < n_claims; i++)
    {
      BlClaimRecord r;
      BlQuantity quantity;
      BlRelation relation;
      char id[32], related[32], statement[192], quantity_text[96];
      const char *area_codes[3] = { NULL, NULL, NULL };
      const Town *town = &towns[pick_weighted (rand, town_cumulative, G_N_ELEMENTS (towns))];
      const char *place;
      double where = g_rand_double (rand);
      gint32 day = first_day + g_rand_int_range (rand, 0, n_days);
      guint topic = g_rand_int_range (rand, 0, G_N_ELEMENTS (topics));
      double stance = g_rand_double (rand);

      bl_claim_record_init (&r);
      g_snprintf (id, sizeof id, "syn-%07u", i + 1);
      r.id = id;
      r.actor = g_rand_int_range (rand, 0, N_ACTORS);
      r.source = g_rand_int_range (rand, 0, N_SOURCES);
      r.topic = topic;
      make_said_on (rand, day, &r.said_on);
      make_about (rand, day, &r.said_on, &r.about);
      r.credibility = pick_weighted (rand, credibility_cumulative, 7);
      r.tags = g_rand_double (rand) < 0.2 ? tags_border : tags_plain;

      if (where < 0.40)
        {
          r.lat = town->lat;
          r.lon = town->lon;
          r.precision = BL_PRECISION_SETTLEMENT;
          place = town->name;
        }
      else if (where < 0.85)
        {
          double km = g_rand_double_range (rand, 5, 15);

          r.lat = town->lat + gaussian (rand) * km / 111.0;
          r.lon = town->lon + gaussian (rand) * km / (111.0 * cos (town->lat * G_PI / 180.0));
          r.precision = g_rand_double (rand) < 0.3 ? BL_PRECISION_EXACT : BL_PRECISION_DISTRICT;
          place = town->name;
        }
      else if (where < 0.96)
        {
          area_codes[0] = town->province;
          if (where > 0.95)
            area_codes[1] = strcmp (town->province, "AF-BDS") == 0 ? "AF-TAK" : "AF-BDS";
          r.areas = area_codes;
          r.precision = BL_PRECISION_PROVINCE;
          place = area_name (town->province);
        }
      else
        {
          area_codes[0] = town->province[0] == 'T' ? "TJ" : "AF";
          r.areas = area_codes;
          r.precision = BL_PRECISION_COUNTRY;
          place = area_name (area_codes[0]);
        }
      r.place = place;

      if (g_rand_double (rand) < 0.33)
        {
          make_quantity (rand, topics[topic].unit, &quantity, quantity_text, sizeof quantity_text);
          r.quantity = &quantity;
        }

      if (stance < 0.85 || i == 0)
        r.stance = BL_STANCE_ASSERTS;
      else if (stance < 0.95)
        {
          /* denies a recent claim */
          r.stance = BL_STANCE_DENIES;
          g_snprintf (related, sizeof related, "syn-%07u", g_rand_int_range (rand, MAX (1, (int) i - 1000), i + 1));
          relation.kind = BL_RELATION_DENIES;
          relation.claim_id = related;
          r.relations = &relation;
          r.n_relations = 1;
        }
      else
        {
          r.stance = BL_STANCE_QUALIFIES;
          g_snprintf (related, sizeof related, "syn-%07u", g_rand_int_range (rand, MAX (1, (int) i - 1000), i + 1));
          relation.kind = g_rand_boolean (rand) ? BL_RELATION_CITES : BL_RELATION_CORROBORATES;
          relation.claim_id = related;
          r.relations = &relation;
          r.n_relations = 1;
        }

      g_snprintf (statement, sizeof statement, "Synthetic claim %u: %s%s near %s.",
                  i + 1, r.stance == BL_STANCE_DENIES ? "denies reports on " : "",
                  topics[topic].title, place);
      r.statement = statement;

      if (bl_claim_store_append (store, &r) == BL_NO_INDEX)
        g_assert_not_reached ();
    }

  return g_steal_pointer (&project);
}

/**
 * synthetic_anchor:
 *
 * A #BlAnchorFunc: the approximate centre of a claim's first area, or
 * %FALSE if it has none that synthetic claims use.
 */
gboolean
synthetic_anchor (BlClaimStore *store,
                  guint         index,
                  double       *lat,
                  double       *lon,
                  gpointer      user_data)
{
  BlClaimRecord r;

  bl_claim_store_get_record (store, index, &r);
  if (r.areas == NULL || r.areas[0] == NULL)
    return FALSE;

  for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
    if (strcmp (areas[a].code, r.areas[0]) == 0)
      {
        *lat = areas[a].lat;
        *lon = areas[a].lon;
        return TRUE;
      }

  return FALSE;
}
