/* bl-gazetteer.c — searching places, provinces and countries by name
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The index is built once from the basemap data: one Entry per name (or
 * code) of every country, province and place, its folded and phonetic
 * keys (see bl-gazetteer.h for the rules) packed into one contiguous
 * buffer, the entries of one feature next to each other. A search folds
 * the query once, then walks the entries with plain byte comparisons,
 * keeping the best match per feature; it allocates nothing per entry, only
 * the candidate list and the hits it returns. The keys themselves are
 * made in bl-gazetteer-keys.c.
 *
 * This is not a geocoder: it knows only the names in the bundled data, and
 * does not look anything up online.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bl-gazetteer.h"
#include "bl-gazetteer-private.h"

typedef struct {
  const BlBasemapFeature *feature;
  BlGazetteerKind         kind;
  guint32                 sort_pos;   /* position in alphabetical order */
} Item;

typedef struct {
  guint32     item;
  guint32     folded;          /* offset in keys */
  guint32     phonetic;        /* offset in keys */
  guint16     folded_len;
  guint16     phonetic_len;
  guint16     name_len;
  guint8      is_code;         /* matched whole only, on the compact key */
  guint8      ascii;           /* phonetic key is ASCII: fuzzy applies */
  const char *name;            /* the name as in the data (borrowed) */
} Entry;

struct _BlGazetteer {
  grefcount      ref_count;

  /* owned */
  BlBasemapData *data;
  Item          *items;
  guint          n_items;
  Entry         *entries;
  guint          n_entries;
  char          *keys;
};

typedef struct {
  const char *f;              /* folded */
  gsize       fl;
  const char *p;              /* phonetic */
  gsize       pl;
  const char *c;              /* compact: folded without spaces */
  gsize       cl;
  gboolean    fuzzy;
} Query;

typedef struct {
  guint32 item;
  guint32 entry;
  guint32 match;
} Candidate;

G_DEFINE_BOXED_TYPE (BlGazetteerHit, bl_gazetteer_hit,
                     bl_gazetteer_hit_copy, bl_gazetteer_hit_free)

/* Longest name indexed, in bytes; longer ones (there are none) are skipped. */
#define MAX_NAME 1000

/* Shorter phonetic keys are too ambiguous to count as a variant of a whole
 * name ("Kun" = "Qā’en", "Mary" = "Murree"). */
#define MIN_VARIANT_KEY 4
/* Fuzzy matching needs a query of this many bytes and phonetic symbols. */
#define MIN_FUZZY_QUERY 5

static const double match_scores[BL_GAZETTEER_N_MATCHES] = {
  [BL_GAZETTEER_MATCH_EXACT] = 1.0,
  [BL_GAZETTEER_MATCH_VARIANT] = 0.9,
  [BL_GAZETTEER_MATCH_PREFIX] = 0.8,
  [BL_GAZETTEER_MATCH_VARIANT_PREFIX] = 0.7,
  [BL_GAZETTEER_MATCH_WORD_PREFIX] = 0.6,
  [BL_GAZETTEER_MATCH_SUBSTRING] = 0.5,
  [BL_GAZETTEER_MATCH_FUZZY] = 0.3,
};

/* ---- Building the index ------------------------------------------------- */

typedef struct {
  GArray      *entries;
  GString     *keys;
  guint32      item;
  guint        first_entry;      /* of the current item */
} Builder;

/* Whether the current item already has an entry with this folded key. */
static gboolean
builder_has_key (Builder    *b,
                 const char *key,
                 gsize       len,
                 gboolean    is_code)
{
  for (guint i = b->first_entry; i < b->entries->len; i++)
    {
      const Entry *e = &g_array_index (b->entries, Entry, i);

      if (e->is_code == is_code && e->folded_len == len &&
          memcmp (b->keys->str + e->folded, key, len) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
builder_add (Builder    *b,
             const char *name,
             gsize       len,
             gboolean    is_code)
{
  Entry e = { 0 };
  gsize mark = b->keys->len;
  g_autoptr(GString) folded = g_string_new (NULL);

  if (len == 0 || len > MAX_NAME)
    return;
  bl_gazetteer_append_folded (folded, name, len);
  if (folded->len == 0 || folded->len > MAX_NAME)
    return;

  e.item = b->item;
  e.name = name;
  e.name_len = len;
  e.is_code = is_code;

  if (is_code)
    {
      g_autoptr(GString) compact = g_string_new (NULL);

      bl_gazetteer_append_compact (compact, folded->str, folded->len);
      if (builder_has_key (b, compact->str, compact->len, TRUE))
        return;
      e.folded = mark;
      e.folded_len = compact->len;
      g_string_append_len (b->keys, compact->str, compact->len);
      e.phonetic = b->keys->len;
      e.phonetic_len = 0;
    }
  else
    {
      if (builder_has_key (b, folded->str, folded->len, FALSE))
        return;
      e.folded = mark;
      e.folded_len = folded->len;
      g_string_append_len (b->keys, folded->str, folded->len);
      e.phonetic = b->keys->len;
      bl_gazetteer_append_phonetic (b->keys, folded->str, folded->len);
      e.phonetic_len = b->keys->len - e.phonetic;
      e.ascii = bl_gazetteer_is_ascii (b->keys->str + e.phonetic, e.phonetic_len);
    }
  g_array_append_val (b->entries, e);
}

/* Adds each of the names in @names, split at , ; and their Arabic forms. */
static void
builder_add_names (Builder    *b,
                   const char *names)
{
  const char *p = names;

  while (*p != '\0')
    {
      const char *end = p;

      while (*end != '\0' && *end != ',' && *end != ';' &&
             !g_str_has_prefix (end, "،") && !g_str_has_prefix (end, "؛"))
        end++;
      while (*p == ' ')
        p++;
      if (end > p)
        {
          const char *last = end;

          while (last > p && last[-1] == ' ')
            last--;
          builder_add (b, p, last - p, FALSE);
        }
      if (*end == '\0')
        break;
      p = end + (*end == ',' || *end == ';' ? 1 : strlen ("،"));
    }
}

typedef struct {
  const char *key;
  gsize       key_len;
  const Item *item;
  guint32     index;
} SortKey;

static int
compare_sort_keys (const void *a,
                   const void *b)
{
  const SortKey *ka = a, *kb = b;
  int cmp = memcmp (ka->key, kb->key, MIN (ka->key_len, kb->key_len));

  if (cmp == 0 && ka->key_len != kb->key_len)
    cmp = ka->key_len < kb->key_len ? -1 : 1;
  if (cmp == 0 && ka->item->kind != kb->item->kind)
    cmp = ka->item->kind < kb->item->kind ? -1 : 1;
  if (cmp == 0)
    cmp = strcmp (ka->item->feature->code, kb->item->feature->code);
  return cmp;
}

/* Gives every item its position in alphabetical order (of the folded
 * display name, then kind, then code), the last tie-break of a search. */
static void
assign_sort_positions (BlGazetteer *self,
                       const guint *name_entry)
{
  g_autofree SortKey *keys = g_new0 (SortKey, self->n_items + 1);

  for (guint i = 0; i < self->n_items; i++)
    {
      keys[i].item = &self->items[i];
      keys[i].index = i;
      if (name_entry[i] != G_MAXUINT)
        {
          const Entry *e = &self->entries[name_entry[i]];

          keys[i].key = self->keys + e->folded;
          keys[i].key_len = e->folded_len;
        }
      else
        keys[i].key = "";
    }
  qsort (keys, self->n_items, sizeof (SortKey), compare_sort_keys);
  for (guint i = 0; i < self->n_items; i++)
    self->items[keys[i].index].sort_pos = i;
}

static void
build (BlGazetteer *self)
{
  static const struct {
    BlBasemapLayer  layer;
    BlGazetteerKind kind;
  } layers[] = {
    { BL_BASEMAP_LAYER_COUNTRY, BL_GAZETTEER_KIND_COUNTRY },
    { BL_BASEMAP_LAYER_PROVINCE, BL_GAZETTEER_KIND_PROVINCE },
    { BL_BASEMAP_LAYER_PLACE, BL_GAZETTEER_KIND_PLACE },
  };
  Builder b = { 0 };
  g_autofree guint *name_entry = NULL;
  guint n_items = 0;

  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      guint n;

      bl_basemap_data_get_layer (self->data, layers[l].layer, &n);
      n_items += n;
    }
  self->items = g_new0 (Item, n_items + 1);
  name_entry = g_new (guint, n_items + 1);
  b.entries = g_array_sized_new (FALSE, TRUE, sizeof (Entry), n_items * 2);
  b.keys = g_string_sized_new (n_items * 24);

  for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
    {
      guint n;
      const BlBasemapFeature *features =
        bl_basemap_data_get_layer (self->data, layers[l].layer, &n);

      for (guint i = 0; i < n; i++)
        {
          const BlBasemapFeature *f = &features[i];
          Item *item = &self->items[self->n_items];

          item->feature = f;
          item->kind = layers[l].kind;
          b.item = self->n_items;
          b.first_entry = b.entries->len;

          builder_add (&b, f->name, strlen (f->name), FALSE);
          name_entry[self->n_items] = b.entries->len > b.first_entry ? b.first_entry : G_MAXUINT;
          if (item->kind == BL_GAZETTEER_KIND_COUNTRY)
            builder_add (&b, f->name_alt, strlen (f->name_alt), TRUE);
          else
            builder_add_names (&b, f->name_alt);
          builder_add_names (&b, f->name_ru);
          builder_add_names (&b, f->name_fa);
          if (item->kind != BL_GAZETTEER_KIND_PLACE)
            builder_add (&b, f->code, strlen (f->code), TRUE);

          self->n_items++;
        }
    }

  self->n_entries = b.entries->len;
  self->entries = (Entry *) g_array_free (b.entries, FALSE);
  self->keys = g_string_free (b.keys, FALSE);
  assign_sort_positions (self, name_entry);
}

/* ---- Matching ----------------------------------------------------------- */

static gboolean
contains (const char *hay,
          gsize       hay_len,
          const char *needle,
          gsize       needle_len)
{
  if (needle_len == 0 || needle_len > hay_len)
    return FALSE;
  for (gsize i = 0; i + needle_len <= hay_len; i++)
    if (hay[i] == needle[0] && memcmp (hay + i, needle, needle_len) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
word_prefix (const char *key,
             gsize       len,
             const char *q,
             gsize       q_len)
{
  for (gsize i = 1; i + q_len <= len; i++)
    if (key[i - 1] == ' ' && memcmp (key + i, q, q_len) == 0)
      return TRUE;
  return FALSE;
}

/* A phonetic prefix; a query ending in "k" also matches a "kh" there (the
 * user has not typed the "h" yet). */
static gboolean
phonetic_prefix (const char *key,
                 gsize       len,
                 const char *q,
                 gsize       q_len)
{
  char last;

  if (q_len > len || memcmp (key, q, q_len - 1) != 0)
    return FALSE;
  last = key[q_len - 1];
  return last == q[q_len - 1] || (q[q_len - 1] == 'k' && last == PHONETIC_KH);
}

/* Whether @a and @b are at most one insertion, deletion or substitution
 * apart. */
static gboolean
within_one_edit (const char *a,
                 gsize       a_len,
                 const char *b,
                 gsize       b_len)
{
  gsize i = 0;

  if (a_len > b_len)
    {
      const char *t = a;
      gsize tl = a_len;

      a = b, a_len = b_len;
      b = t, b_len = tl;
    }
  if (b_len - a_len > 1)
    return FALSE;
  while (i < a_len && a[i] == b[i])
    i++;
  if (i == a_len)
    return TRUE;
  if (a_len == b_len)
    return memcmp (a + i + 1, b + i + 1, a_len - i - 1) == 0;
  return memcmp (a + i, b + i + 1, a_len - i) == 0;
}

/* The best match of @e to @q, or BL_GAZETTEER_N_MATCHES; only matches
 * better than @better_than are looked for. */
static guint
match_entry (const BlGazetteer *self,
             const Entry       *e,
             const Query       *q,
             guint              better_than)
{
  const char *f = self->keys + e->folded;
  const char *p = self->keys + e->phonetic;
  gsize fl = e->folded_len, pl = e->phonetic_len;

  if (e->is_code)
    return (q->cl == fl && memcmp (f, q->c, fl) == 0) ? BL_GAZETTEER_MATCH_EXACT
                                                      : BL_GAZETTEER_N_MATCHES;

  if (fl == q->fl && memcmp (f, q->f, fl) == 0)
    return BL_GAZETTEER_MATCH_EXACT;
  if (better_than <= BL_GAZETTEER_MATCH_VARIANT)
    return BL_GAZETTEER_N_MATCHES;
  if (q->pl >= MIN_VARIANT_KEY && pl == q->pl && memcmp (p, q->p, pl) == 0)
    return BL_GAZETTEER_MATCH_VARIANT;
  if (better_than <= BL_GAZETTEER_MATCH_PREFIX)
    return BL_GAZETTEER_N_MATCHES;
  if (fl > q->fl && memcmp (f, q->f, q->fl) == 0)
    return BL_GAZETTEER_MATCH_PREFIX;
  if (better_than <= BL_GAZETTEER_MATCH_VARIANT_PREFIX)
    return BL_GAZETTEER_N_MATCHES;
  if (q->pl >= 2 && phonetic_prefix (p, pl, q->p, q->pl))
    return BL_GAZETTEER_MATCH_VARIANT_PREFIX;
  if (better_than <= BL_GAZETTEER_MATCH_WORD_PREFIX)
    return BL_GAZETTEER_N_MATCHES;
  if (q->fl >= 2 && word_prefix (f, fl, q->f, q->fl))
    return BL_GAZETTEER_MATCH_WORD_PREFIX;
  if (better_than <= BL_GAZETTEER_MATCH_SUBSTRING)
    return BL_GAZETTEER_N_MATCHES;
  if ((q->fl >= 3 && contains (f, fl, q->f, q->fl)) ||
      (q->pl >= 3 && contains (p, pl, q->p, q->pl)))
    return BL_GAZETTEER_MATCH_SUBSTRING;
  if (better_than <= BL_GAZETTEER_MATCH_FUZZY)
    return BL_GAZETTEER_N_MATCHES;
  if (q->fuzzy && e->ascii && within_one_edit (p, pl, q->p, q->pl))
    return BL_GAZETTEER_MATCH_FUZZY;
  return BL_GAZETTEER_N_MATCHES;
}

/* Exact and variant matches rank together: a spelling variant of an
 * important place comes before a minor place spelled as typed. */
static inline guint
match_group (guint match)
{
  return match == BL_GAZETTEER_MATCH_VARIANT ? BL_GAZETTEER_MATCH_EXACT : match;
}

static int
compare_candidates (const void *a,
                    const void *b,
                    void       *user_data)
{
  const BlGazetteer *self = user_data;
  const Candidate *ca = a, *cb = b;
  const Item *ia = &self->items[ca->item], *ib = &self->items[cb->item];

  if (match_group (ca->match) != match_group (cb->match))
    return match_group (ca->match) < match_group (cb->match) ? -1 : 1;
  if (ia->kind != ib->kind)
    return ia->kind < ib->kind ? -1 : 1;
  if (ia->feature->rank != ib->feature->rank)
    return ia->feature->rank < ib->feature->rank ? -1 : 1;
  if (ca->match != cb->match)
    return ca->match < cb->match ? -1 : 1;
  if (ia->sort_pos != ib->sort_pos)
    return ia->sort_pos < ib->sort_pos ? -1 : 1;
  return 0;
}

static const char *
country_name (BlBasemapData *data,
              const char    *code)
{
  const BlBasemapFeature *country =
    bl_basemap_data_lookup (data, BL_BASEMAP_LAYER_COUNTRY, code);

  return country != NULL && country->name[0] != '\0' ? country->name : code;
}

/* "Kunduz, Afghanistan", "Province in Afghanistan", "Country". */
static char *
describe (BlGazetteer *self,
          const Item  *item)
{
  const BlBasemapFeature *f = item->feature;

  switch (item->kind)
    {
    case BL_GAZETTEER_KIND_COUNTRY:
      return g_strdup (_("Country"));

    case BL_GAZETTEER_KIND_PROVINCE:
      /* Translators: a search result's second line; %s is a country */
      return g_strdup_printf (_("Province in %s"), country_name (self->data, f->parent));

    case BL_GAZETTEER_KIND_PLACE:
    default:
      {
        const char *colon = strchr (f->code, ':');
        g_autofree char *cc = g_strndup (f->code, colon != NULL ? (gsize) (colon - f->code) : 0);
        const BlBasemapFeature *province =
          f->parent[0] != '\0' ? bl_basemap_data_lookup_province (self->data, f->parent) : NULL;

        /* GeoNames' country wins: a place near a border may lie in the
         * neighbour's province polygon of the simplified data. */
        if (province != NULL && g_strcmp0 (province->parent, cc) == 0 &&
            province->name[0] != '\0')
          /* Translators: a place's location in search results: province, country */
          return g_strdup_printf (C_("gazetteer", "%s, %s"), province->name,
                                  country_name (self->data, cc));
        return g_strdup (cc[0] != '\0' ? country_name (self->data, cc) : "");
      }
    }
}

static BlGazetteerHit *
make_hit (BlGazetteer     *self,
          const Candidate *c)
{
  const Item *item = &self->items[c->item];
  const Entry *e = &self->entries[c->entry];
  const BlBasemapFeature *f = item->feature;
  BlGazetteerHit *hit = g_new0 (BlGazetteerHit, 1);

  hit->kind = item->kind;
  hit->name = g_strdup (f->name);
  hit->secondary = describe (self, item);
  hit->code = g_strdup (f->code);
  hit->matched = g_strndup (e->name, e->name_len);
  hit->lat = f->label_lat;
  hit->lon = f->label_lon;
  hit->bbox = f->bbox;
  switch (item->kind)
    {
    case BL_GAZETTEER_KIND_COUNTRY:
      hit->precision = BL_PRECISION_COUNTRY;
      break;
    case BL_GAZETTEER_KIND_PROVINCE:
      hit->precision = BL_PRECISION_PROVINCE;
      break;
    case BL_GAZETTEER_KIND_PLACE:
    default:
      hit->precision = BL_PRECISION_SETTLEMENT;
      break;
    }
  hit->rank = f->rank;
  hit->match = c->match;
  hit->score = match_scores[c->match];
  return hit;
}

/* ---- Public API --------------------------------------------------------- */

/**
 * bl_gazetteer_hit_copy:
 * @hit: a hit
 *
 * Returns: (transfer full): a copy of @hit
 */
BlGazetteerHit *
bl_gazetteer_hit_copy (const BlGazetteerHit *hit)
{
  BlGazetteerHit *copy;

  g_return_val_if_fail (hit != NULL, NULL);

  copy = g_memdup2 (hit, sizeof *hit);
  copy->name = g_strdup (hit->name);
  copy->secondary = g_strdup (hit->secondary);
  copy->code = g_strdup (hit->code);
  copy->matched = g_strdup (hit->matched);
  return copy;
}

/**
 * bl_gazetteer_hit_free:
 * @hit: (nullable): a hit
 *
 * Frees @hit and its strings.
 */
void
bl_gazetteer_hit_free (BlGazetteerHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->name);
  g_free (hit->secondary);
  g_free (hit->code);
  g_free (hit->matched);
  g_free (hit);
}

/**
 * bl_gazetteer_new:
 * @data: the basemap data
 *
 * Indexes the names of the countries, provinces and places of @data. The
 * gazetteer keeps a reference to @data.
 *
 * Returns: (transfer full): a new gazetteer
 */
BlGazetteer *
bl_gazetteer_new (BlBasemapData *data)
{
  BlGazetteer *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_new0 (BlGazetteer, 1);
  g_ref_count_init (&self->ref_count);
  self->data = bl_basemap_data_ref (data);
  build (self);
  return self;
}

/**
 * bl_gazetteer_ref:
 * @self: a gazetteer
 *
 * Returns: (transfer full): @self
 */
BlGazetteer *
bl_gazetteer_ref (BlGazetteer *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * bl_gazetteer_unref:
 * @self: (transfer full): a gazetteer
 *
 * Drops a reference; the last one frees the index.
 */
void
bl_gazetteer_unref (BlGazetteer *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;
  g_free (self->items);
  g_free (self->entries);
  g_free (self->keys);
  bl_basemap_data_unref (self->data);
  g_free (self);
}

/**
 * bl_gazetteer_get_n_names:
 * @self: a gazetteer
 *
 * Returns: the number of names and codes indexed
 */
guint
bl_gazetteer_get_n_names (BlGazetteer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_entries;
}

/**
 * bl_gazetteer_search:
 * @self: a gazetteer
 * @query: what the user typed
 * @max_results: the most hits to return, 0 for all
 *
 * Finds the countries, provinces and places whose names match @query, in
 * the order described in bl-gazetteer.h. A query that is not valid UTF-8,
 * longer than %BL_GAZETTEER_MAX_QUERY bytes or without any letter or digit
 * gives no hits.
 *
 * Returns: (transfer full) (element-type BlGazetteerHit): the hits, best
 *   first; empty when nothing matches
 */
GPtrArray *
bl_gazetteer_search (BlGazetteer *self,
                     const char  *query,
                     guint        max_results)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GString) folded = NULL;
  g_autoptr(GString) phonetic = NULL;
  g_autoptr(GString) compact = NULL;
  g_autoptr(GArray) candidates = NULL;
  gsize query_len;
  Query q;
  guint32 item = G_MAXUINT32;
  guint best = BL_GAZETTEER_N_MATCHES;
  guint32 best_entry = 0;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_gazetteer_hit_free);

  query_len = strnlen (query, BL_GAZETTEER_MAX_QUERY + 1);
  if (query_len > BL_GAZETTEER_MAX_QUERY || !g_utf8_validate (query, query_len, NULL))
    return g_steal_pointer (&hits);

  folded = g_string_sized_new (query_len + 1);
  bl_gazetteer_append_folded (folded, query, query_len);
  if (folded->len == 0)
    return g_steal_pointer (&hits);
  phonetic = g_string_sized_new (folded->len + 1);
  bl_gazetteer_append_phonetic (phonetic, folded->str, folded->len);
  compact = g_string_sized_new (folded->len + 1);
  bl_gazetteer_append_compact (compact, folded->str, folded->len);

  q.f = folded->str;
  q.fl = folded->len;
  q.p = phonetic->str;
  q.pl = phonetic->len;
  q.c = compact->str;
  q.cl = compact->len;
  q.fuzzy = q.fl >= MIN_FUZZY_QUERY && q.pl >= MIN_FUZZY_QUERY && bl_gazetteer_is_ascii (q.p, q.pl);

  candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), 64);
  for (guint i = 0; i <= self->n_entries; i++)
    {
      const Entry *e = i < self->n_entries ? &self->entries[i] : NULL;
      guint m;

      if (e == NULL || e->item != item)
        {
          if (best < BL_GAZETTEER_N_MATCHES)
            {
              Candidate c = { item, best_entry, best };

              g_array_append_val (candidates, c);
            }
          if (e == NULL)
            break;
          item = e->item;
          best = BL_GAZETTEER_N_MATCHES;
        }

      m = match_entry (self, e, &q, best);
      if (m < best)
        {
          best = m;
          best_entry = i;
        }
    }

  g_qsort_with_data (candidates->data, candidates->len, sizeof (Candidate),
                     compare_candidates, self);

  /* Fuzzy matches are a "did you mean": only when nothing else matched. */
  if (candidates->len > 0 &&
      g_array_index (candidates, Candidate, 0).match != BL_GAZETTEER_MATCH_FUZZY)
    {
      guint keep = candidates->len;

      while (keep > 0 &&
             g_array_index (candidates, Candidate, keep - 1).match == BL_GAZETTEER_MATCH_FUZZY)
        keep--;
      g_array_set_size (candidates, keep);
    }

  n = candidates->len;
  if (max_results > 0 && max_results < n)
    n = max_results;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (hits, make_hit (self, &g_array_index (candidates, Candidate, i)));
  return g_steal_pointer (&hits);
}
