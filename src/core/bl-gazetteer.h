/* bl-gazetteer.h — searching places, provinces and countries by name
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A #BlGazetteer indexes the names of the bundled basemap data (the
 * GeoNames places, the provinces and the countries of
 * data/basemap/basemap.bin) once, and answers name searches from that
 * index. It is immutable after bl_gazetteer_new(): searches may run from
 * any thread.
 *
 * Names indexed
 * -------------
 * Every non-empty name of a feature: @name, @name_alt, @name_ru and
 * @name_fa, each split at `,`, `;`, `،` and `؛` (so "ایران، جمهوری
 * اسلامی" gives two names). A country's @name_alt is its ISO alpha-3 code
 * and, like the ISO 3166-1 code of a country and the ISO 3166-2 code of a
 * province ("AF-KDZ"), is matched only whole ("afkdz" and "AF KDZ" too).
 * The places of the data have only their GeoNames name (no Russian or
 * Persian names): a Cyrillic or Persian query can find provinces and
 * countries, not towns.
 *
 * Folded key
 * ----------
 * Query and names are compared through keys. The folded key is the text
 * in Unicode NFKD with the combining marks removed ("Bāmyān" → "bamyan",
 * "Kŭlob" → "kulob", "ё" → "е"), lower-cased, with ı ł ø đ ð ħ ə → i l o
 * d d h e and, in Arabic script, ي ى → ی, ك → ک, ة → ه; apostrophes and
 * ʻayn/hamza signs (' ‘ ’ ʻ ʼ ʾ ʿ ` ´) and format characters (ZWNJ, soft
 * hyphen, tatweel) are removed, and every other character that is not a
 * letter or a digit (hyphens, punctuation, controls, spaces) becomes one
 * space, trimmed at the ends: "Mazār-e Sharīf" → "mazar e sharif",
 * "Qal‘ah-ye Shahr" → "qalah ye shahr".
 *
 * Phonetic key
 * ------------
 * The phonetic key folds the romanisation variants of the region (Dari,
 * Pashto, Tajik, Uzbek and Russian-style spellings). It is built from the
 * folded key, word by word, for ASCII letters only (Cyrillic and Persian
 * text passes through unchanged):
 *
 *  1. the izafe connectors "e", "i", "ye", "yi" standing as words are
 *     dropped ("Mazar-i-Sharif", "Mazar-e Sharif" → "mazar sharif");
 *  2. "dzh", "dj" → "j"; "kh", "x" → one kh sound (written X below);
 *     "gh" → "g"; "dh" → "d"; "q" → "k"; "w" → "v";
 *  3. the vowels a e i o u, and y except before a vowel at the start of a
 *     word, are all one vowel V, and a run of vowels is one V ("Fayzabad",
 *     "Faizabad", "Feyzabad", "Fayzobod" → fVzVbVd; "Taloqan", "Taluqan",
 *     "Talukan" → tVlVkVn); a "w" after a vowel at the end of a word is
 *     part of the vowel ("Naw" = "Nau");
 *  4. a doubled consonant is single ("Mashhad" = "Mashad");
 *  5. an "h" after a vowel at the end of a word is dropped, then the vowel
 *     at the end of a word ("Dushanbe", "Dushanbeh" → dVshVnb; "Mazari"
 *     → mVzVr; "Qal'ah" → kVl);
 *  6. the words are joined without spaces.
 *
 * So Kunduz = Qunduz, Fayzabad = Faizabad = Feyzabad, Badakhshan =
 * Badakhshon, Mazar-i-Sharif = Mazar-e Sharif = Mazari Sharif, Taloqan =
 * Taluqan = Talukan, Khorugh = Khorog, Dushanbe = Dushanbeh, Termez =
 * Termiz = Tirmiz, Panjshir = Panjsher = Panjshayr, Herat = Hirat,
 * Kulob = Kulyab, Buxoro = Bukhoro, Vakhsh = Wakhsh. Consonants other than
 * the ones above stay apart (Kunduz ≠ Khanabad, Kunduz ≠ Kundian,
 * Farah ≠ Faryab, Panj ≠ Panjab); vowels do not (Balkh = Bulkh).
 *
 * Matching and ranking
 * --------------------
 * A name matches a query, best first, as:
 *
 * | match                              | condition                                        | score |
 * |------------------------------------|--------------------------------------------------|-------|
 * | %BL_GAZETTEER_MATCH_EXACT          | folded keys equal, or the code equals            | 1.0   |
 * | %BL_GAZETTEER_MATCH_VARIANT        | phonetic keys equal, 4 symbols or more           | 0.9   |
 * | %BL_GAZETTEER_MATCH_PREFIX         | the folded name starts with the query            | 0.8   |
 * | %BL_GAZETTEER_MATCH_VARIANT_PREFIX | the phonetic name starts with the query's (≥ 2)  | 0.7   |
 * | %BL_GAZETTEER_MATCH_WORD_PREFIX    | a later word of the folded name starts with it (≥ 2) | 0.6 |
 * | %BL_GAZETTEER_MATCH_SUBSTRING      | the folded or phonetic name contains it (≥ 3)    | 0.5   |
 * | %BL_GAZETTEER_MATCH_FUZZY          | phonetic keys one edit apart (≥ 5, Latin script) | 0.3   |
 *
 * (lengths in bytes of the query's key; shorter phonetic keys, such as
 * "Kun" = kVn = "Qā’en", are too ambiguous to be variants of a whole
 * name). Fuzzy matches are a "did you mean": they are returned only when
 * nothing matches better. A feature counts once, with its best-matching
 * name. Hits are
 * ordered by match, exact and variant matches counting as one group,
 * then by kind (countries, then provinces, then places: "Kunduz" gives
 * the province, then the town), then by the data's rank, then exact
 * before variant, then alphabetically by folded name, then by code. The
 * data has no populations, so the rank stands for importance: 0 is a
 * national capital, 1 a provincial centre, 2 another place in Afghanistan
 * or Tajikistan, 3 any other place (docs/basemap-format.md). So
 * "Faizabad" gives first the provincial centre of Badakhshan, spelled
 * "Fayzabad" in the data, then the village "Faīẕābād" of Jawzjan (rank 2).
 * The order is fully deterministic.
 *
 * A query that is not valid UTF-8, longer than %BL_GAZETTEER_MAX_QUERY
 * bytes or empty once folded gives no hits.
 */
#pragma once

#include <glib-object.h>

#include "bl-basemap-data.h"
#include "bl-types.h"

G_BEGIN_DECLS

/**
 * BL_GAZETTEER_MAX_QUERY:
 *
 * The longest query, in bytes, that bl_gazetteer_search() looks at; a
 * longer one matches nothing (no indexed name is nearly that long).
 */
#define BL_GAZETTEER_MAX_QUERY 1024

/**
 * BlGazetteerKind:
 * @BL_GAZETTEER_KIND_COUNTRY: a country (code: ISO 3166-1 alpha-2)
 * @BL_GAZETTEER_KIND_PROVINCE: a first-level division (code: ISO 3166-2)
 * @BL_GAZETTEER_KIND_PLACE: a GeoNames place (code: the basemap's place
 *   code, "AF:Kunduz")
 *
 * What a hit is; also the order of hits that match equally well.
 */
typedef enum {
  BL_GAZETTEER_KIND_COUNTRY,
  BL_GAZETTEER_KIND_PROVINCE,
  BL_GAZETTEER_KIND_PLACE,
} BlGazetteerKind;

/**
 * BlGazetteerMatch:
 * @BL_GAZETTEER_MATCH_EXACT: the name (or code) is the query, up to case,
 *   accents and punctuation
 * @BL_GAZETTEER_MATCH_VARIANT: the name is a spelling variant of the query
 * @BL_GAZETTEER_MATCH_PREFIX: the name starts with the query
 * @BL_GAZETTEER_MATCH_VARIANT_PREFIX: the name starts with a spelling
 *   variant of the query
 * @BL_GAZETTEER_MATCH_WORD_PREFIX: a later word of the name starts with
 *   the query ("Sharif" for "Mazar-e Sharif")
 * @BL_GAZETTEER_MATCH_SUBSTRING: the name contains the query
 * @BL_GAZETTEER_MATCH_FUZZY: the name is one letter away from a spelling
 *   variant of the query
 *
 * How well a hit's name matches the query, best first.
 */
typedef enum {
  BL_GAZETTEER_MATCH_EXACT,
  BL_GAZETTEER_MATCH_VARIANT,
  BL_GAZETTEER_MATCH_PREFIX,
  BL_GAZETTEER_MATCH_VARIANT_PREFIX,
  BL_GAZETTEER_MATCH_WORD_PREFIX,
  BL_GAZETTEER_MATCH_SUBSTRING,
  BL_GAZETTEER_MATCH_FUZZY,
  BL_GAZETTEER_N_MATCHES
} BlGazetteerMatch;

/**
 * BlGazetteerHit:
 * @kind: what the hit is
 * @name: the feature's display name (English or as given by GeoNames)
 * @secondary: where it is, for a second line: "Kunduz, Afghanistan" for a
 *   place, "Province in Afghanistan", "Country"; translated
 * @code: ISO 3166-1 alpha-2 for a country, ISO 3166-2 for a province, the
 *   place code for a place
 * @matched: the name or code that matched the query (may differ from
 *   @name: "Кундуз", "Kunduz", "AF-KDZ")
 * @lat: latitude of the feature's label point (a place's position), degrees
 * @lon: longitude, degrees
 * @bbox: the feature's bounding box (a place's is its point)
 * @precision: the location precision a claim placed at the hit has:
 *   %BL_PRECISION_SETTLEMENT, %BL_PRECISION_PROVINCE or
 *   %BL_PRECISION_COUNTRY
 * @rank: the data's rank (0 most important)
 * @match: how the name matched
 * @score: the match quality, from 1.0 (exact) down to 0.3 (fuzzy); see the
 *   table above
 *
 * One search result. It owns its strings.
 */
typedef struct {
  BlGazetteerKind  kind;
  char            *name;
  char            *secondary;
  char            *code;
  char            *matched;
  double           lat;
  double           lon;
  BlBasemapBBox    bbox;
  BlPrecision      precision;
  guint            rank;
  BlGazetteerMatch match;
  double           score;
} BlGazetteerHit;

#define BL_TYPE_GAZETTEER_HIT (bl_gazetteer_hit_get_type ())

GType           bl_gazetteer_hit_get_type (void) G_GNUC_CONST;
BlGazetteerHit *bl_gazetteer_hit_copy     (const BlGazetteerHit *hit);
void            bl_gazetteer_hit_free     (BlGazetteerHit       *hit);

typedef struct _BlGazetteer BlGazetteer;

BlGazetteer    *bl_gazetteer_new          (BlBasemapData        *data);
BlGazetteer    *bl_gazetteer_ref          (BlGazetteer          *self);
void            bl_gazetteer_unref        (BlGazetteer          *self);

guint           bl_gazetteer_get_n_names  (BlGazetteer          *self);

GPtrArray      *bl_gazetteer_search       (BlGazetteer          *self,
                                           const char           *query,
                                           guint                 max_results);

char           *bl_gazetteer_fold         (const char           *text);
char           *bl_gazetteer_phonetic_key (const char           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlGazetteerHit, bl_gazetteer_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlGazetteer, bl_gazetteer_unref)

G_END_DECLS
