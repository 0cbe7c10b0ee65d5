/* test-claim-store.c — the claim store: arrays, ids, list model
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "bl-claim.h"
#include "bl-claim-store.h"

static void
make_record (BlClaimRecord *r,
             const char    *id,
             double         lat,
             double         lon)
{
  bl_claim_record_init (r);
  r->id = id;
  r->statement = "A statement";
  r->lat = lat;
  r->lon = lon;
}

typedef struct {
  guint position, removed, added, calls;
} ItemsChanged;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *c = user_data;

  c->position = position;
  c->removed = removed;
  c->added = added;
  c->calls++;
}

static void
test_store_append_lookup (void)
{
  g_autoptr(BlClaimStore) store = bl_claim_store_new ();
  BlClaimRecord r, got;
  const char *tags[] = { "a", "b", NULL };
  const char *areas[] = { "AF-KDZ", NULL };
  BlRelation relations[] = { { BL_RELATION_DENIES, (char *) "c2" } };
  ItemsChanged changed = { 0 };

  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &changed);

  make_record (&r, "c1", 36.7, 68.9);
  r.tags = tags;
  r.areas = areas;
  r.relations = relations;
  r.n_relations = 1;
  r.stance = BL_STANCE_DENIES;
  r.credibility = 4;
  g_assert_cmpuint (bl_claim_store_append (store, &r), ==, 0);
  g_assert_cmpuint (changed.calls, ==, 1);
  g_assert_cmpuint (changed.added, ==, 1);

  /* the same id again is refused */
  g_assert_cmpuint (bl_claim_store_append (store, &r), ==, BL_NO_INDEX);
  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, 1);

  make_record (&r, "c2", 37.1, 70.6);
  g_assert_cmpuint (bl_claim_store_append (store, &r), ==, 1);

  g_assert_cmpuint (bl_claim_store_lookup (store, "c1"), ==, 0);
  g_assert_cmpuint (bl_claim_store_lookup (store, "c2"), ==, 1);
  g_assert_cmpuint (bl_claim_store_lookup (store, "c3"), ==, BL_NO_INDEX);

  /* the record comes back as it went in, copied */
  bl_claim_store_get_record (store, 0, &got);
  g_assert_cmpstr (got.id, ==, "c1");
  g_assert_true (got.tags != (const char * const *) tags);
  g_assert_cmpstr (got.tags[1], ==, "b");
  g_assert_cmpstr (got.areas[0], ==, "AF-KDZ");
  g_assert_cmpuint (got.n_relations, ==, 1);
  g_assert_cmpstr (got.relations[0].claim_id, ==, "c2");
  g_assert_cmpint (got.stance, ==, BL_STANCE_DENIES);
  g_assert_cmpuint (got.credibility, ==, 4);

  /* hot arrays agree */
  g_assert_cmpfloat (bl_claim_store_get_lats (store)[1], ==, 37.1);
  g_assert_cmpfloat (bl_claim_store_get_lons (store)[1], ==, 70.6);
  g_assert_cmpuint (bl_claim_store_get_stances (store)[0], ==, BL_STANCE_DENIES);
}

static void
test_store_remove_replace (void)
{
  g_autoptr(BlClaimStore) store = bl_claim_store_new ();
  g_autoptr(BlClaim) claim = NULL;
  BlClaimRecord r, got;
  char id[16];

  for (guint i = 0; i < 10; i++)
    {
      g_snprintf (id, sizeof id, "c%u", i);
      make_record (&r, id, i, i);
      bl_claim_store_append (store, &r);
    }

  claim = g_list_model_get_item (G_LIST_MODEL (store), 5);
  g_assert_cmpstr (bl_claim_get_id (claim), ==, "c5");

  bl_claim_store_remove (store, 2);
  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, 9);
  g_assert_cmpuint (bl_claim_store_lookup (store, "c2"), ==, BL_NO_INDEX);
  g_assert_cmpuint (bl_claim_store_lookup (store, "c5"), ==, 4);
  g_assert_cmpfloat (bl_claim_store_get_lats (store)[4], ==, 5.0);
  /* the object follows its claim */
  g_assert_cmpuint (bl_claim_get_index (claim), ==, 4);

  bl_claim_store_get_record (store, 4, &got);
  r = got;
  r.statement = "Changed";
  r.lat = 40;
  bl_claim_store_replace (store, 4, &r);
  bl_claim_store_get_record (store, 4, &got);
  g_assert_cmpstr (got.statement, ==, "Changed");
  g_assert_cmpstr (got.id, ==, "c5");
  g_assert_cmpfloat (bl_claim_store_get_lats (store)[4], ==, 40.0);
}

static void
test_store_list_model (void)
{
  g_autoptr(BlClaimStore) store = bl_claim_store_new ();
  BlClaimRecord r;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == BL_TYPE_CLAIM);
  make_record (&r, "only", NAN, NAN);
  bl_claim_store_append (store, &r);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 1));
}

static void
test_store_million (void)
{
  g_autoptr(BlClaimStore) store = bl_claim_store_new ();
  const guint n = 1000000;
  BlClaimRecord r;
  char id[32];

  bl_claim_store_reserve (store, n);
  for (guint i = 0; i < n; i++)
    {
      g_snprintf (id, sizeof id, "c-%u", i);
      make_record (&r, id, 30 + (i % 1200) / 100.0, 58 + (i % 2000) / 100.0);
      g_assert_cmpuint (bl_claim_store_append (store, &r), ==, i);
    }

  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, n);
  g_assert_cmpuint (bl_claim_store_lookup (store, "c-999999"), ==, n - 1);
  g_assert_cmpfloat (bl_claim_store_get_lats (store)[1234], ==, 30 + (1234 % 1200) / 100.0);
}

/* Every field comes back as given, with NULL and "" kept apart, and a
 * claim's fields do not change when other claims with the same tags,
 * place or unit are added, replaced or removed. */
static void
test_store_fields_round_trip (void)
{
  g_autoptr(BlClaimStore) store = bl_claim_store_new ();
  const char *tags[] = { "border", "synthetic", NULL };
  const char *other_tags[] = { "border", NULL };
  const char *areas[] = { "AF-BDS", "TJ-GB", NULL };
  const double polygon[] = { 70.1, 37.0, 70.5, 37.2, 70.3, 37.6 };
  BlRelation relations[] = {
    { BL_RELATION_DENIES, (char *) "c2" },
    { BL_RELATION_CITES, (char *) "c3" },
  };
  BlQuantity q = BL_QUANTITY_INIT;
  BlClaimRecord r, got, changed;
  g_autoptr(BlClaimRecord) copy = NULL;

  bl_claim_record_init (&r);
  r.id = "c1";
  r.statement = "";
  r.quote = "“About 6,000 fighters”";
  r.notes = NULL;
  r.place = "Khorugh";
  r.tags = tags;
  r.areas = areas;
  r.polygon = polygon;
  r.n_polygon = 3;
  r.relations = relations;
  r.n_relations = 2;
  q.value = 6000;
  q.qualifier = BL_QUANTITY_APPROXIMATELY;
  q.unit = (char *) "fighters";
  q.text = (char *) "about 6,000 fighters";
  r.quantity = &q;
  g_assert_cmpuint (bl_claim_store_append (store, &r), ==, 0);

  /* neighbours sharing the strings, then one of them changed and removed */
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      BlClaimRecord n;

      bl_claim_record_init (&n);
      n.id = id;
      n.statement = "Another";
      n.place = "Khorugh";
      n.tags = i % 2 ? tags : other_tags;
      n.quantity = &q;
      g_assert_cmpuint (bl_claim_store_insert (store, i % 2, &n), !=, BL_NO_INDEX);
    }
  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "n7"), &got);
  copy = bl_claim_record_copy (&got);
  changed = *copy;
  changed.place = "Dushanbe";
  changed.tags = NULL;
  changed.quantity = NULL;
  bl_claim_store_replace (store, bl_claim_store_lookup (store, "n7"), &changed);
  bl_claim_store_remove (store, bl_claim_store_lookup (store, "n8"));

  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "c1"), &got);
  g_assert_cmpstr (got.id, ==, "c1");
  g_assert_cmpstr (got.statement, ==, "");
  g_assert_cmpstr (got.quote, ==, "“About 6,000 fighters”");
  g_assert_null (got.notes);
  g_assert_cmpstr (got.place, ==, "Khorugh");
  g_assert_cmpstrv (got.tags, tags);
  g_assert_cmpstrv (got.areas, areas);
  g_assert_cmpuint (got.n_polygon, ==, 3);
  g_assert_cmpmem (got.polygon, sizeof polygon, polygon, sizeof polygon);
  g_assert_cmpuint (got.n_relations, ==, 2);
  g_assert_cmpint (got.relations[1].kind, ==, BL_RELATION_CITES);
  g_assert_cmpstr (got.relations[0].claim_id, ==, "c2");
  g_assert_cmpstr (got.relations[1].claim_id, ==, "c3");
  g_assert_nonnull (got.quantity);
  g_assert_cmpfloat (got.quantity->value, ==, 6000);
  g_assert_cmpint (got.quantity->qualifier, ==, BL_QUANTITY_APPROXIMATELY);
  g_assert_cmpstr (got.quantity->unit, ==, "fighters");
  g_assert_cmpstr (got.quantity->text, ==, "about 6,000 fighters");

  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "n7"), &got);
  g_assert_cmpstr (got.place, ==, "Dushanbe");
  g_assert_null (got.tags);
  g_assert_null (got.quantity);
  g_assert_null (got.quote);
  g_assert_cmpstr (got.statement, ==, "Another");
  g_assert_cmpuint (bl_claim_store_lookup (store, "n8"), ==, BL_NO_INDEX);

  bl_claim_store_get_record (store, bl_claim_store_lookup (store, "n9"), &got);
  g_assert_cmpstrv (got.tags, tags);
  g_assert_cmpstr (got.quantity->unit, ==, "fighters");
}

/* Figures are packed by what they have: every mix of value, bounds (an
 * open upper bound too), unit, text and qualifier comes back as given,
 * beside every mix of areas, polygon and relations, and an unset number
 * comes back NAN. */
static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static void
test_store_figures_round_trip (void)
{
  g_autoptr(BlClaimStore) store = bl_claim_store_new ();
  const char *areas[] = { "TJ-GB", NULL };
  const double polygon[] = { 70.1, 37.0, 70.5, 37.2, 70.3, 37.6 };
  BlRelation relation = { BL_RELATION_CORROBORATES, (char *) "c0" };
  const guint n = 1 << 8;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autofree char *id = g_strdup_printf ("c%u", i);
        g_autofree char *text = g_strdup_printf ("%u to %u fighters", i, 2 * i);
        BlQuantity q = BL_QUANTITY_INIT;
        BlClaimRecord r, got;

        bl_claim_record_init (&r);
        r.id = id;
        r.statement = (i & 1) ? "A figure" : NULL;
        q.value = (i & 1) ? 1000.5 + i : NAN;
        q.min = (i & 2) ? (double) i : NAN;
        q.max = (i & 4) ? ((i & 8) ? INFINITY : 2.0 * i) : NAN;
        q.unit = (i & 16) ? (char *) "fighters" : NULL;
        q.text = (i & 32) ? text : NULL;
        q.qualifier = i % BL_QUANTITY_N_QUALIFIERS;
        r.quantity = (i % 3) ? &q : NULL;
        r.areas = (i & 64) ? areas : NULL;
        r.polygon = (i & 128) ? polygon : NULL;
        r.n_polygon = (i & 128) ? 3 : 0;
        r.relations = (i % 5 == 0) ? &relation : NULL;
        r.n_relations = (i % 5 == 0) ? 1 : 0;

        if (pass == 0)
          {
            g_assert_cmpuint (bl_claim_store_append (store, &r), ==, i);
            continue;
          }

        bl_claim_store_get_record (store, i, &got);
        g_assert_cmpstr (got.id, ==, id);
        g_assert_cmpstr (got.statement, ==, r.statement);
        if (r.quantity == NULL)
          g_assert_null (got.quantity);
        else
          {
            g_assert_nonnull (got.quantity);
            g_assert_true (same_number (got.quantity->value, q.value));
            g_assert_true (same_number (got.quantity->min, q.min));
            g_assert_true (same_number (got.quantity->max, q.max));
            g_assert_cmpstr (got.quantity->unit, ==, q.unit);
            g_assert_cmpstr (got.quantity->text, ==, q.text);
            g_assert_cmpuint (got.quantity->qualifier, ==, q.qualifier);
          }
        if (r.areas == NULL)
          g_assert_null (got.areas);
        else
          g_assert_cmpstrv (got.areas, areas);
        g_assert_cmpuint (got.n_polygon, ==, r.n_polygon);
        if (r.polygon != NULL)
          g_assert_cmpmem (got.polygon, sizeof polygon, polygon, sizeof polygon);
        g_assert_cmpuint (got.n_relations, ==, r.n_relations);
        if (r.relations != NULL)
          {
            g_assert_cmpint (got.relations[0].kind, ==, BL_RELATION_CORROBORATES);
            g_assert_cmpstr (got.relations[0].claim_id, ==, "c0");
          }
      }
}

/* Random inserts and removals against a plain list of ids: every id
 * keeps finding its claim as the claims move. */
static void
test_store_insert_remove_many (void)
{
  g_autoptr(BlClaimStore) store = bl_claim_store_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);

  for (guint round = 0; round < 3000; round++)
    {
      if (ids->len > 0 && g_rand_int_range (rand, 0, 3) == 0)
        {
          guint at = g_rand_int_range (rand, 0, ids->len);

          bl_claim_store_remove (store, at);
          g_ptr_array_remove_index (ids, at);
        }
      else
        {
          guint at = g_rand_int_range (rand, 0, ids->len + 1);
          char *id = g_strdup_printf ("r%u", round);
          BlClaimRecord r;

          make_record (&r, id, 0, 0);
          g_assert_cmpuint (bl_claim_store_insert (store, at, &r), ==, at);
          g_ptr_array_insert (ids, at, id);
        }
    }

  g_assert_cmpuint (bl_claim_store_get_n_claims (store), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_cmpuint (bl_claim_store_lookup (store, g_ptr_array_index (ids, i)), ==, i);
      g_assert_cmpstr (bl_claim_store_get_id (store, i), ==, g_ptr_array_index (ids, i));
    }
  g_assert_cmpuint (bl_claim_store_lookup (store, "r-gone"), ==, BL_NO_INDEX);
}

/* Each claim's place, areas and tags come back, and nothing after them
 * moves, when a store holds tens of thousands of different ones (their ids
 * then take three bytes in each block), in the store and in a snapshot
 * taken before more were added. */
static void
test_store_many_places (void)
{
  g_autoptr(BlClaimStore) store = bl_claim_store_new ();
  g_autoptr(BlClaimStore) snapshot = NULL;
  const char *areas[] = { "AF-KDZ", "TJ-KHA", NULL };
  const char *tags[] = { "border", NULL };
  const guint n = 40000, n_before = 25000;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("c-%u", i);
      g_autofree char *place = g_strdup_printf ("Place %u", i / 2);
      g_autofree char *statement = g_strdup_printf ("Statement %u", i);
      BlClaimRecord r;

      if (i == n_before)
        snapshot = bl_claim_store_snapshot (store);

      make_record (&r, id, 37.0, 69.0);
      r.statement = statement;
      r.place = i % 5 == 0 ? NULL : place;
      r.areas = i % 3 == 0 ? areas : NULL;
      r.tags = i % 7 == 0 ? tags : NULL;
      g_assert_cmpuint (bl_claim_store_append (store, &r), ==, i);
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      BlClaimStore *s = pass == 0 ? store : snapshot;

      for (guint i = 0; i < bl_claim_store_get_n_claims (s); i++)
        {
          g_autofree char *id = g_strdup_printf ("c-%u", i);
          g_autofree char *place = g_strdup_printf ("Place %u", i / 2);
          g_autofree char *statement = g_strdup_printf ("Statement %u", i);
          BlClaimRecord got;

          bl_claim_store_get_record (s, i, &got);
          g_assert_cmpstr (got.id, ==, id);
          g_assert_cmpstr (got.statement, ==, statement);
          g_assert_cmpstr (got.place, ==, i % 5 == 0 ? NULL : place);
          if (i % 3 == 0)
            {
              g_assert_nonnull (got.areas);
              g_assert_cmpstr (got.areas[1], ==, "TJ-KHA");
              g_assert_null (got.areas[2]);
            }
          else
            g_assert_null (got.areas);
          if (i % 7 == 0)
            g_assert_cmpstr (got.tags[0], ==, "border");
          else
            g_assert_null (got.tags);
        }
    }
  g_assert_cmpuint (bl_claim_store_get_n_claims (snapshot), ==, n_before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/claim-store/append-lookup", test_store_append_lookup);
  g_test_add_func ("/claim-store/remove-replace", test_store_remove_replace);
  g_test_add_func ("/claim-store/list-model", test_store_list_model);
  g_test_add_func ("/claim-store/million", test_store_million);
  g_test_add_func ("/claim-store/fields-round-trip", test_store_fields_round_trip);
  g_test_add_func ("/claim-store/figures-round-trip", test_store_figures_round_trip);
  g_test_add_func ("/claim-store/insert-remove-many", test_store_insert_remove_many);
  g_test_add_func ("/claim-store/many-places", test_store_many_places);

  return g_test_run ();
}
