/* test-gazetteer.c — tests of the place-name search
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests search the committed data/basemap/basemap.bin, found through
 * the environment variable BL_BASEMAP_FILE if set, else as
 * BL_SOURCE_DIR "/data/basemap/basemap.bin" (BL_SOURCE_DIR is defined at
 * compile time). Without either, the tests that need the data are skipped.
 *
 * What the data holds matters here: its places have only their GeoNames
 * name (no Russian or Persian names), so Cyrillic and Persian queries are
 * tested on provinces and countries; Termez is in the data as "Tirmiz";
 * "Fayzabad" is five places (Badakhshan's centre, villages in Jawzjan and
 * Faryab, Fayzobod in Tajikistan, Feyẕābād in Iran).
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bl-gazetteer.h"
#include "test-helpers.h"

static BlBasemapData *shared_data;
static BlGazetteer *shared_gazetteer;

static BlGazetteer *
get_gazetteer (void)
{
  if (shared_gazetteer != NULL)
    return shared_gazetteer;

  shared_data = bl_test_load_basemap ();
  shared_gazetteer = bl_gazetteer_new (shared_data);
  return shared_gazetteer;
}

#define GET_OR_SKIP(g) \
  G_STMT_START { \
    (g) = get_gazetteer (); \
    if ((g) == NULL) \
      { \
        g_test_skip ("set BL_BASEMAP_FILE or build with BL_SOURCE_DIR"); \
        return; \
      } \
  } G_STMT_END

/* The position of the hit with @code in @hits, or -1. */
static int
position_of (GPtrArray  *hits,
             const char *code)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const BlGazetteerHit *hit = g_ptr_array_index (hits, i);

      if (g_str_equal (hit->code, code))
        return i;
    }
  return -1;
}

static const char *
top_code (GPtrArray *hits)
{
  return hits->len > 0 ? ((const BlGazetteerHit *) g_ptr_array_index (hits, 0))->code : "(none)";
}

/* ---- keys --------------------------------------------------------------- */

static void
test_fold (void)
{
  static const struct {
    const char *text;
    const char *folded;
  } cases[] = {
    { "Bāmyān", "bamyan" },
    { "Pul-e Khumrī", "pul e khumri" },
    { "Mazār-e Sharīf", "mazar e sharif" },
    { "Qal‘ah-ye Shahr", "qalah ye shahr" },
    { "Xo‘jaobod", "xojaobod" },
    { "Kŭhistoni Badakhshon", "kuhistoni badakhshon" },
    { "  KUNDUZ  ", "kunduz" },
    { "Qundūz", "qunduz" },
    { "Daşoguz", "dasoguz" },
    { "Issyk-Kul'skaja oblast'", "issyk kulskaja oblast" },
    { "AF-KDZ", "af kdz" },
    { "Кундуз", "кундуз" },
    { "Ёлкино", "елкино" },
    { "ایران، جمهوری اسلامی", "ایران جمهوری اسلامی" },
    { "تاجيكستان", "تاجیکستان" },     /* Arabic yeh and kaf */
    { "Kun\x01" "duz", "kun duz" },
    { "—‐-", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = bl_gazetteer_fold (cases[i].text);

      g_assert_cmpstr (folded, ==, cases[i].folded);
    }
  g_assert_null (bl_gazetteer_fold ("Kun\xff"));
}

static void
test_phonetic_key (void)
{
  static const struct {
    const char *text;
    const char *key;
  } cases[] = {
    { "Kunduz", "kVndVz" },
    { "Qunduz", "kVndVz" },
    { "Fayzabad", "fVzVbVd" },
    { "Faizabad", "fVzVbVd" },
    { "Feyzabad", "fVzVbVd" },
    { "Badakhshan", "bVdVXshVn" },
    { "Badakhshon", "bVdVXshVn" },
    { "Mazar-i-Sharif", "mVzVrshVrVf" },
    { "Mazar-e Sharif", "mVzVrshVrVf" },
    { "Mazari Sharif", "mVzVrshVrVf" },
    { "Taloqan", "tVlVkVn" },
    { "Taluqan", "tVlVkVn" },
    { "Talukan", "tVlVkVn" },
    { "Khorugh", "XVrVg" },
    { "Khorog", "XVrVg" },
    { "Dushanbe", "dVshVnb" },
    { "Dushanbeh", "dVshVnb" },
    { "Termez", "tVrmVz" },
    { "Termiz", "tVrmVz" },
    { "Panjshir", "pVnjshVr" },
    { "Panjsher", "pVnjshVr" },
    { "Panjshayr", "pVnjshVr" },
    { "Dzhalal-Abad", "jVlVlVbVd" },
    { "Jalalabad", "jVlVlVbVd" },
    { "Buxoro", "bVXVr" },
    { "Bukhara", "bVXVr" },
    { "Wardak", "vVrdVk" },
    { "Qala i Naw", "kVln" },
    { "Qal'a-e-Nau", "kVln" },
    { "Yazd", "yVzd" },
    { "Mashhad", "mVshVd" },
    { "Кундуз", "кундуз" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = bl_gazetteer_phonetic_key (cases[i].text);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

/* ---- variants ----------------------------------------------------------- */

/* Each query must give @code as its top hit; @also, if set, must be among
 * the first three (the town of a province's name, or another place of the
 * same name). */
static void
test_variants (void)
{
  static const struct {
    const char *query;
    const char *code;
    const char *also;
  } cases[] = {
    /* Kunduz/Qunduz: the province first, then its centre */
    { "Kunduz", "AF-KDZ", "AF:Kunduz" },
    { "Qunduz", "AF-KDZ", "AF:Kunduz" },
    { "KUNDUZ", "AF-KDZ", "AF:Kunduz" },
    { "kunduz", "AF-KDZ", "AF:Kunduz" },
    { "Qundūz", "AF-KDZ", "AF:Kunduz" },
    { "Kondoz", "AF-KDZ", "AF:Kunduz" },
    /* Fayzabad: several places of the name, Badakhshan's centre first */
    { "Fayzabad", "AF:Fayzabad", NULL },
    { "Faizabad", "AF:Fayzabad", NULL },
    { "Feyzabad", "AF:Fayzabad", NULL },
    { "FAYZĀBĀD", "AF:Fayzabad", NULL },
    { "Fayzobod", "AF:Fayzabad", "TJ:Fayzobod" },
    /* Badakhshan/Badakhshon */
    { "Badakhshan", "AF-BDS", "TJ-GB" },
    { "Badakhshon", "AF-BDS", "TJ-GB" },
    { "Badakhshān", "AF-BDS", "TJ-GB" },
    { "Бадахшан", "AF-BDS", NULL },
    /* Mazar-i-Sharif */
    { "Mazar-i-Sharif", "AF:Mazār-e Sharīf", NULL },
    { "Mazar-e Sharif", "AF:Mazār-e Sharīf", NULL },
    { "Mazari Sharif", "AF:Mazār-e Sharīf", NULL },
    { "mazar i sharif", "AF:Mazār-e Sharīf", NULL },
    { "Mazār-e Sharīf", "AF:Mazār-e Sharīf", NULL },
    /* Taloqan/Taluqan/Talukan */
    { "Taloqan", "AF:Taloqan", NULL },
    { "Taluqan", "AF:Taloqan", NULL },
    { "Talukan", "AF:Taloqan", NULL },
    /* Khorugh/Khorog */
    { "Khorugh", "TJ:Khorugh", NULL },
    { "Khorog", "TJ:Khorugh", NULL },
    /* Dushanbe/Dushanbeh: the city's own division first, then the city */
    { "Dushanbe", "TJ-DU", "TJ:Dushanbe" },
    { "Dushanbeh", "TJ-DU", "TJ:Dushanbe" },
    /* Termez/Termiz: the data spells it Tirmiz */
    { "Termez", "UZ:Tirmiz", NULL },
    { "Termiz", "UZ:Tirmiz", NULL },
    { "Tirmiz", "UZ:Tirmiz", NULL },
    /* Panjshir/Panjsher (and the ISO name Panjshayr) */
    { "Panjshir", "AF-PAN", NULL },
    { "Panjsher", "AF-PAN", NULL },
    { "Panjshayr", "AF-PAN", NULL },
    { "Панджшер", "AF-PAN", NULL },
    /* more of the region's pairs */
    { "Herat", "AF-HER", "AF:Herāt" },
    { "Hirat", "AF-HER", "AF:Herāt" },
    { "Pul-i-Khumri", "AF:Pul-e Khumrī", NULL },
    { "Puli Khumri", "AF:Pul-e Khumrī", NULL },
    { "Sar-i-Pul", "AF-SAR", "AF:Sar-e Pul" },
    { "Kulyab", "TJ:Kŭlob", NULL },
    { "Kulob", "TJ:Kŭlob", NULL },
    { "Qala-e-Nau", "AF:Qala i Naw", NULL },
    { "Shibarghan", "AF:Shibirghān", NULL },
    { "Sheberghan", "AF:Shibirghān", NULL },
    { "Ishkashim", "AF:Ashkāsham", "TJ:Ishqoshim" },
    { "Wakhsh", "TJ:Vakhsh", NULL },
    { "Bukhoro", "UZ-BU", "UZ:Bukhara" },
  };
  BlGazetteer *g;

  GET_OR_SKIP (g);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) hits = bl_gazetteer_search (g, cases[i].query, 10);

      g_test_message ("%s -> %s", cases[i].query, top_code (hits));
      g_assert_cmpstr (top_code (hits), ==, cases[i].code);
      if (cases[i].also != NULL)
        {
          int pos = position_of (hits, cases[i].also);

          g_assert_cmpint (pos, >=, 1);
          g_assert_cmpint (pos, <=, 2);
        }
    }
}

/* Places whose names are close but which must not be taken for each
 * other: different keys, and neither found as the other's top hit. */
static void
test_distinct (void)
{
  static const struct {
    const char *a;
    const char *a_code;
    const char *b;
  } cases[] = {
    { "Kunduz", "AF-KDZ", "Khanabad" },
    { "Kunduz", "AF-KDZ", "Kundian" },
    { "Kunar", "AF-KNR", "Kunduz" },
    { "Farah", "AF-FRA", "Faryab" },
    { "Panj", "TJ:Panj", "Panjab" },
    { "Balkh", "AF-BAL", "Baghlan" },
    { "Kabul", "AF-KAB", "Kapisa" },
    { "Khost", "AF-KHO", "Khash" },
    { "Paktia", "AF-PIA", "Paktika" },
    { "Vakhsh", "TJ:Vakhsh", "Vanj" },
    { "Khorugh", "TJ:Khorugh", "Kharar" },
    { "Taloqan", "AF:Taloqan", "Kalakan" },
  };
  BlGazetteer *g;

  GET_OR_SKIP (g);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ka = bl_gazetteer_phonetic_key (cases[i].a);
      g_autofree char *kb = bl_gazetteer_phonetic_key (cases[i].b);
      g_autoptr(GPtrArray) hits_a = bl_gazetteer_search (g, cases[i].a, 10);
      g_autoptr(GPtrArray) hits_b = bl_gazetteer_search (g, cases[i].b, 10);

      g_assert_cmpstr (ka, !=, kb);
      g_assert_cmpstr (top_code (hits_a), ==, cases[i].a_code);
      g_assert_cmpstr (top_code (hits_b), !=, cases[i].a_code);
      for (guint j = 0; j < hits_a->len; j++)
        {
          const BlGazetteerHit *hit = g_ptr_array_index (hits_a, j);

          g_assert_false (g_str_equal (hit->name, cases[i].b) &&
                          hit->match <= BL_GAZETTEER_MATCH_VARIANT);
        }
    }
}

/* ---- ranking ------------------------------------------------------------ */

static void
test_ranking (void)
{
  BlGazetteer *g;
  g_autoptr(GPtrArray) kabul = NULL;
  g_autoptr(GPtrArray) kun = NULL;
  g_autoptr(GPtrArray) kun_again = NULL;
  g_autoptr(GPtrArray) sharif = NULL;
  g_autoptr(GPtrArray) typo = NULL;
  g_autoptr(GPtrArray) khorog = NULL;
  const BlGazetteerHit *hit;

  GET_OR_SKIP (g);

  /* A province and its centre: the province first. */
  kabul = bl_gazetteer_search (g, "Kabul", 0);
  g_assert_cmpuint (kabul->len, >=, 2);
  g_assert_cmpstr (((BlGazetteerHit *) kabul->pdata[0])->code, ==, "AF-KAB");
  g_assert_cmpstr (((BlGazetteerHit *) kabul->pdata[1])->code, ==, "AF:Kabul");

  /* A short query: names starting with it, not a short key's variants
   * ("Qā’en" is kVn too). */
  kun = bl_gazetteer_search (g, "Kun", 0);
  g_assert_cmpuint (kun->len, >=, 3);
  hit = kun->pdata[0];
  g_assert_cmpint (hit->match, ==, BL_GAZETTEER_MATCH_PREFIX);
  g_assert_cmpint (position_of (kun, "AF-KDZ"), <, 3);
  g_assert_cmpint (position_of (kun, "AF-KNR"), <, 3);

  /* Ordered by match group, then kind, then rank; deterministic. */
  kun_again = bl_gazetteer_search (g, "Kun", 0);
  g_assert_cmpuint (kun->len, ==, kun_again->len);
  for (guint i = 0; i < kun->len; i++)
    {
      const BlGazetteerHit *a = kun->pdata[i], *b = kun_again->pdata[i];

      g_assert_cmpstr (a->code, ==, b->code);
      if (i > 0)
        {
          const BlGazetteerHit *prev = kun->pdata[i - 1];

          g_assert_cmpint (prev->match, <=, a->match);
          if (prev->match == a->match)
            {
              g_assert_cmpint (prev->kind, <=, a->kind);
              if (prev->kind == a->kind)
                g_assert_cmpuint (prev->rank, <=, a->rank);
            }
        }
    }

  /* A later word of the name. */
  sharif = bl_gazetteer_search (g, "Sharif", 0);
  g_assert_cmpint (position_of (sharif, "AF:Mazār-e Sharīf"), >=, 0);
  hit = sharif->pdata[position_of (sharif, "AF:Mazār-e Sharīf")];
  g_assert_cmpint (hit->match, ==, BL_GAZETTEER_MATCH_WORD_PREFIX);

  /* A typo: fuzzy hits, when nothing better matches... */
  typo = bl_gazetteer_search (g, "Kundus", 0);
  g_assert_cmpstr (top_code (typo), ==, "AF-KDZ");
  g_assert_cmpint (((BlGazetteerHit *) typo->pdata[0])->match, ==, BL_GAZETTEER_MATCH_FUZZY);
  g_assert_cmpint (position_of (typo, "AF:Kunduz"), ==, 1);

  /* ...and only then. */
  khorog = bl_gazetteer_search (g, "Khorog", 0);
  for (guint i = 0; i < khorog->len; i++)
    g_assert_cmpint (((BlGazetteerHit *) khorog->pdata[i])->match, !=, BL_GAZETTEER_MATCH_FUZZY);
}

static void
test_max_results (void)
{
  BlGazetteer *g;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) three = NULL;

  GET_OR_SKIP (g);

  all = bl_gazetteer_search (g, "ab", 0);
  three = bl_gazetteer_search (g, "ab", 3);
  g_assert_cmpuint (all->len, >, 3);
  g_assert_cmpuint (three->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (((BlGazetteerHit *) all->pdata[i])->code, ==,
                     ((BlGazetteerHit *) three->pdata[i])->code);
}

/* Every name in the data finds its feature, spelled exactly. */
static void
test_every_name (void)
{
  BlGazetteer *g;
  static const BlBasemapLayer layers[] = {
    BL_BASEMAP_LAYER_COUNTRY, BL_BASEMAP_LAYER_PROVINCE, BL_BASEMAP_LAYER_PLACE,
  };

  GET_OR_SKIP (g);

  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      guint n;
      const BlBasemapFeature *f = bl_basemap_data_get_layer (shared_data, layers[l], &n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GPtrArray) hits = bl_gazetteer_search (g, f[i].name, 0);
          int pos = position_of (hits, f[i].code);

          if (pos < 0)
            g_error ("%s (%s) not found by its name", f[i].name, f[i].code);
          g_assert_cmpint (((BlGazetteerHit *) hits->pdata[pos])->match, ==,
                           BL_GAZETTEER_MATCH_EXACT);
        }
    }
}

/* ---- scripts and codes -------------------------------------------------- */

static void
test_scripts (void)
{
  static const struct {
    const char *query;
    const char *code;
  } cases[] = {
    { "Кундуз", "AF-KDZ" },
    { "кундуз", "AF-KDZ" },
    { "КУНДУЗ", "AF-KDZ" },
    { "Таджикистан", "TJ" },
    { "Афганистан", "AF" },
    { "Бадахшан", "AF-BDS" },
    { "افغانستان", "AF" },
    { "تاجیکستان", "TJ" },
    { "تاجيكستان", "TJ" },      /* typed with Arabic yeh and kaf */
    { "ایران", "IR" },
    { "جمهوری اسلامی", "IR" },
  };
  BlGazetteer *g;

  GET_OR_SKIP (g);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) hits = bl_gazetteer_search (g, cases[i].query, 5);

      g_test_message ("%s -> %s", cases[i].query, top_code (hits));
      g_assert_cmpstr (top_code (hits), ==, cases[i].code);
    }
}

static void
test_codes (void)
{
  static const struct {
    const char *query;
    const char *code;
  } cases[] = {
    { "AF-KDZ", "AF-KDZ" },
    { "af-kdz", "AF-KDZ" },
    { "AF KDZ", "AF-KDZ" },
    { "afkdz", "AF-KDZ" },
    { "TJ-GB", "TJ-GB" },
    { "AF-BDS", "AF-BDS" },
    { "AF", "AF" },
    { "AFG", "AF" },
    { "tjk", "TJ" },
  };
  BlGazetteer *g;

  GET_OR_SKIP (g);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) hits = bl_gazetteer_search (g, cases[i].query, 5);
      const BlGazetteerHit *hit;

      g_assert_cmpstr (top_code (hits), ==, cases[i].code);
      hit = hits->pdata[0];
      g_assert_cmpint (hit->match, ==, BL_GAZETTEER_MATCH_EXACT);
    }
}

/* ---- hits --------------------------------------------------------------- */

static void
test_hit_fields (void)
{
  BlGazetteer *g;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) countries = NULL;
  g_autoptr(GPtrArray) border = NULL;
  g_autoptr(BlGazetteerHit) copy = NULL;
  const BlGazetteerHit *province, *town, *country;

  GET_OR_SKIP (g);

  hits = bl_gazetteer_search (g, "Qunduz", 2);
  g_assert_cmpuint (hits->len, ==, 2);
  province = hits->pdata[0];
  town = hits->pdata[1];

  g_assert_cmpint (province->kind, ==, BL_GAZETTEER_KIND_PROVINCE);
  g_assert_cmpstr (province->name, ==, "Kunduz");
  g_assert_cmpstr (province->code, ==, "AF-KDZ");
  g_assert_cmpstr (province->secondary, ==, "Province in Afghanistan");
  g_assert_cmpint (province->precision, ==, BL_PRECISION_PROVINCE);
  g_assert_cmpint (province->match, ==, BL_GAZETTEER_MATCH_VARIANT);
  g_assert_cmpfloat (province->score, ==, 0.9);
  g_assert_cmpfloat (province->bbox.min_lon, <, province->bbox.max_lon);

  g_assert_cmpint (town->kind, ==, BL_GAZETTEER_KIND_PLACE);
  g_assert_cmpstr (town->code, ==, "AF:Kunduz");
  g_assert_cmpstr (town->secondary, ==, "Kunduz, Afghanistan");
  g_assert_cmpstr (town->matched, ==, "Kunduz");
  g_assert_cmpint (town->precision, ==, BL_PRECISION_SETTLEMENT);
  g_assert_cmpuint (town->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (town->lat, 36.73, 0.01);
  g_assert_cmpfloat_with_epsilon (town->lon, 68.86, 0.01);
  g_assert_cmpfloat (town->bbox.min_lat, ==, town->bbox.max_lat);

  copy = bl_gazetteer_hit_copy (town);
  g_assert_true (copy->code != town->code);
  g_assert_cmpstr (copy->code, ==, town->code);
  g_assert_cmpstr (copy->secondary, ==, town->secondary);
  g_assert_true (g_type_is_a (BL_TYPE_GAZETTEER_HIT, G_TYPE_BOXED));

  countries = bl_gazetteer_search (g, "Таджикистан", 1);
  country = countries->pdata[0];
  g_assert_cmpint (country->kind, ==, BL_GAZETTEER_KIND_COUNTRY);
  g_assert_cmpstr (country->name, ==, "Tajikistan");
  g_assert_cmpstr (country->matched, ==, "Таджикистан");
  g_assert_cmpstr (country->secondary, ==, "Country");
  g_assert_cmpint (country->precision, ==, BL_PRECISION_COUNTRY);

  /* A Tajik place that the simplified borders put in an Afghan province:
   * GeoNames' country wins, no wrong province is named. */
  border = bl_gazetteer_search (g, "Panji Poyon", 1);
  g_assert_cmpstr (top_code (border), ==, "TJ:Panji Poyon");
  g_assert_cmpstr (((BlGazetteerHit *) border->pdata[0])->secondary, ==, "Tajikistan");
}

/* ---- hostile input ------------------------------------------------------ */

static void
test_no_hits (void)
{
  static const char *queries[] = {
    "",
    " ",
    "   \t\n ",
    "\x01\x02\x1b\x7f",
    "---",
    "''‘’",
    "\xff\xfe",
    "Kun\xc3",
    "\xc0\x80",
    "\xed\xa0\x80",                     /* a UTF-16 surrogate */
    "Zzzqqxx",
    "\xcc\x81\xcc\x81",                 /* combining marks alone */
  };
  BlGazetteer *g;
  g_autofree char *long_query = NULL;
  g_autofree char *long_name = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) controls = NULL;

  GET_OR_SKIP (g);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) none = bl_gazetteer_search (g, queries[i], 10);

      g_assert_nonnull (none);
      g_assert_cmpuint (none->len, ==, 0);
    }

  long_query = g_strnfill (10000, 'a');
  hits = bl_gazetteer_search (g, long_query, 10);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Just under the limit, the slow path (folding a long query) runs. */
  long_name = g_strnfill (BL_GAZETTEER_MAX_QUERY, ' ');
  for (guint i = 0; i < BL_GAZETTEER_MAX_QUERY; i++)
    long_name[i] = 'a' + i % 26;
  memcpy (long_name, "Kunduz ", 7);
  hits = bl_gazetteer_search (g, long_name, 10);
  g_assert_cmpuint (hits->len, ==, 0);

  /* Control characters inside a name separate words. */
  controls = bl_gazetteer_search (g, "Kun\x01" "duz", 10);
  g_assert_cmpstr (top_code (controls), ==, "AF-KDZ");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gazetteer/fold", test_fold);
  g_test_add_func ("/gazetteer/phonetic-key", test_phonetic_key);
  g_test_add_func ("/gazetteer/variants", test_variants);
  g_test_add_func ("/gazetteer/distinct", test_distinct);
  g_test_add_func ("/gazetteer/ranking", test_ranking);
  g_test_add_func ("/gazetteer/max-results", test_max_results);
  g_test_add_func ("/gazetteer/every-name", test_every_name);
  g_test_add_func ("/gazetteer/scripts", test_scripts);
  g_test_add_func ("/gazetteer/codes", test_codes);
  g_test_add_func ("/gazetteer/hit-fields", test_hit_fields);
  g_test_add_func ("/gazetteer/no-hits", test_no_hits);

  ret = g_test_run ();

  g_clear_pointer (&shared_gazetteer, bl_gazetteer_unref);
  g_clear_pointer (&shared_data, bl_basemap_data_unref);
  return ret;
}
