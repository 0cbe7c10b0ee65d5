/* test-string-pool.c — interned strings and the id index
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bl-id-index.h"
#include "bl-string-pool.h"

/* String pool {{{ */

static void
test_pool_dedup (void)
{
  g_autoptr(BlStringPool) pool = bl_string_pool_new ();
  char kunduz[] = "Kunduz";
  const char *a, *b, *c;

  a = bl_string_pool_intern (pool, "Kunduz");
  b = bl_string_pool_intern (pool, kunduz);
  c = bl_string_pool_intern (pool, "Kunduz province");

  g_assert_cmpstr (a, ==, "Kunduz");
  g_assert_true (a == b);
  g_assert_true (a != kunduz);
  g_assert_cmpstr (c, ==, "Kunduz province");
  g_assert_true (a != c);
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, 2);

  /* the copy does not follow the caller's buffer */
  kunduz[0] = 'X';
  g_assert_cmpstr (a, ==, "Kunduz");
  g_assert_true (bl_string_pool_contains (pool, "Kunduz"));
  g_assert_false (bl_string_pool_contains (pool, "Xunduz"));

  /* a prefix is a string of its own */
  g_assert_cmpstr (bl_string_pool_intern_len (pool, "Kunduz province", 6), ==, "Kunduz");
  g_assert_true (bl_string_pool_intern_len (pool, "Kunduz province", 6) == a);
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, 2);
}

static void
test_pool_empty_and_null (void)
{
  g_autoptr(BlStringPool) pool = bl_string_pool_new ();
  const char *empty;

  g_assert_null (bl_string_pool_intern (pool, NULL));
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, 0);

  empty = bl_string_pool_intern (pool, "");
  g_assert_nonnull (empty);
  g_assert_cmpstr (empty, ==, "");
  g_assert_true (bl_string_pool_intern_len (pool, "abc", 0) == empty);
  g_assert_true (bl_string_pool_intern (pool, "") == empty);
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, 1);
}

static void
test_pool_nul_refused (void)
{
  g_autoptr(BlStringPool) pool = bl_string_pool_new ();
  static const char with_nul[] = { 'a', 'b', '\0', 'c' };

  g_assert_null (bl_string_pool_intern_len (pool, with_nul, sizeof with_nul));
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, 0);

  /* the same bytes up to the NUL are fine */
  g_assert_cmpstr (bl_string_pool_intern_len (pool, with_nul, 2), ==, "ab");
}

static void
test_pool_many (void)
{
  g_autoptr(BlStringPool) pool = bl_string_pool_new ();
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  const guint n = 50000;

  for (guint i = 0; i < n; i++)
    {
      char text[32];

      g_snprintf (text, sizeof text, "place-%u", i);
      g_ptr_array_add (first, (gpointer) bl_string_pool_intern (pool, text));
    }
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, n);

  /* after all that growth, the first pointers still hold their text,
   * and interning again gives them back */
  for (guint i = 0; i < n; i++)
    {
      char text[32];

      g_snprintf (text, sizeof text, "place-%u", i);
      g_assert_cmpstr (g_ptr_array_index (first, i), ==, text);
      g_assert_true (bl_string_pool_intern (pool, text) == g_ptr_array_index (first, i));
    }
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, n);

  /* packed: the strings and the look-up table under what a malloc'd copy
   * (32 bytes for each of these) and a GHashTable entry (20 bytes at the
   * fullest) would take */
  g_assert_cmpuint (bl_string_pool_get_size (pool), <, (gsize) n * (32 + 20));
}

static void
test_pool_long_strings (void)
{
  g_autoptr(BlStringPool) pool = bl_string_pool_new ();
  g_autofree char *big = g_strnfill (200000, 'x');
  const char *a, *small_before, *small_after;

  small_before = bl_string_pool_intern (pool, "before");
  a = bl_string_pool_intern (pool, big);
  small_after = bl_string_pool_intern (pool, "after");

  g_assert_cmpuint (strlen (a), ==, 200000);
  g_assert_true (bl_string_pool_intern (pool, big) == a);
  g_assert_cmpstr (small_before, ==, "before");
  g_assert_cmpstr (small_after, ==, "after");
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, 3);
}

static void
test_pool_strv (void)
{
  g_autoptr(BlStringPool) pool = bl_string_pool_new ();
  const char *tags1[] = { "synthetic", "border", NULL };
  char border[] = "border";
  const char *tags2[] = { "synthetic", border, NULL };
  const char *tags3[] = { "border", "synthetic", NULL };
  const char *tags4[] = { "synthetic", NULL };
  const char *empty[] = { NULL };
  const char * const *v1, *const *v2, *const *v3, *const *v4;

  v1 = bl_string_pool_intern_strv (pool, tags1);
  v2 = bl_string_pool_intern_strv (pool, tags2);
  v3 = bl_string_pool_intern_strv (pool, tags3);
  v4 = bl_string_pool_intern_strv (pool, tags4);

  g_assert_true (v1 == v2);
  g_assert_true (v1 != v3);
  g_assert_true (v1 != v4);
  g_assert_cmpstrv (v1, tags1);
  g_assert_cmpstrv (v3, tags3);
  g_assert_cmpstrv (v4, tags4);
  /* the elements are interned too, shared between vectors */
  g_assert_true (v1[0] == v4[0]);
  g_assert_true (v1[1] == v3[0]);
  g_assert_true (v1[0] == bl_string_pool_intern (pool, "synthetic"));
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, 2);

  g_assert_null (bl_string_pool_intern_strv (pool, NULL));
  g_assert_null (bl_string_pool_intern_strv (pool, empty));
}

/* A claim from a file may carry any number of tags. */
static void
test_pool_strv_long (void)
{
  g_autoptr(BlStringPool) pool = bl_string_pool_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) tags = NULL;
  const char * const *v;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *tag = g_strdup_printf ("tag %u", i % 4000);

      g_strv_builder_add (builder, tag);
    }
  tags = g_strv_builder_end (builder);

  v = bl_string_pool_intern_strv (pool, (const char * const *) tags);
  g_assert_cmpstrv (v, tags);
  g_assert_true (bl_string_pool_intern_strv (pool, (const char * const *) tags) == v);
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, 4000);
}

static void
test_pool_strv_many (void)
{
  g_autoptr(BlStringPool) pool = bl_string_pool_new ();
  g_autoptr(GPtrArray) first = g_ptr_array_new ();
  const guint n = 2000;

  for (guint i = 0; i < n; i++)
    {
      char a[16], b[16];
      const char *v[] = { a, b, NULL };

      g_snprintf (a, sizeof a, "t%u", i % 50);
      g_snprintf (b, sizeof b, "u%u", i);
      g_ptr_array_add (first, (gpointer) bl_string_pool_intern_strv (pool, v));
    }
  for (guint i = 0; i < n; i++)
    {
      char a[16], b[16];
      const char *v[] = { a, b, NULL };

      g_snprintf (a, sizeof a, "t%u", i % 50);
      g_snprintf (b, sizeof b, "u%u", i);
      g_assert_true (bl_string_pool_intern_strv (pool, v) == g_ptr_array_index (first, i));
      g_assert_cmpstrv (g_ptr_array_index (first, i), v);
    }
  g_assert_cmpuint (bl_string_pool_get_n_strings (pool), ==, 50 + n);
}

/* }}} */

/* Id index {{{ */

static const char *
key_of (guint32  value,
        gpointer user_data)
{
  GPtrArray *ids = user_data;

  return g_ptr_array_index (ids, value);
}

static GPtrArray *
make_ids (guint n)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (ids, g_strdup_printf ("syn-%07u", i + 1));
  return ids;
}

static void
check_all (BlIdIndex *index,
           GPtrArray *ids)
{
  g_assert_cmpuint (bl_id_index_get_count (index), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpuint (bl_id_index_lookup (index, g_ptr_array_index (ids, i)), ==, i);
}

static void
test_index_grow_lookup (void)
{
  g_autoptr(GPtrArray) ids = make_ids (20000);
  BlIdIndex index;

  bl_id_index_init (&index, key_of, ids);
  g_assert_cmpuint (bl_id_index_lookup (&index, "syn-0000001"), ==, G_MAXUINT32);

  /* no reserve: it grows as it goes */
  for (guint i = 0; i < ids->len; i++)
    bl_id_index_insert (&index, i);
  check_all (&index, ids);
  g_assert_cmpuint (bl_id_index_lookup (&index, "syn-0020001"), ==, G_MAXUINT32);
  g_assert_cmpuint (bl_id_index_lookup (&index, ""), ==, G_MAXUINT32);
  g_assert_cmpuint (bl_id_index_lookup (&index, "syn-000000"), ==, G_MAXUINT32);
  /* 4 bytes a slot; growing doubles, so at least a third full */
  g_assert_cmpuint (bl_id_index_get_size (&index), <=, 4 * 3 * ids->len);

  /* reserved, it is sized to be 70 % full, not to a power of two: the
   * table holds its entries at 4 / 0.7 bytes each */
  bl_id_index_clear (&index);
  bl_id_index_reserve (&index, ids->len);
  g_assert_cmpuint (bl_id_index_get_size (&index), <=, 4 * (ids->len * 10 / 7 + 2));
  for (guint i = 0; i < ids->len; i++)
    bl_id_index_insert (&index, i);
  check_all (&index, ids);
  g_assert_cmpuint (bl_id_index_get_size (&index), <=, 4 * (ids->len * 10 / 7 + 2));

  bl_id_index_clear (&index);
  g_assert_cmpuint (bl_id_index_get_count (&index), ==, 0);
  g_assert_cmpuint (bl_id_index_lookup (&index, "syn-0000001"), ==, G_MAXUINT32);
}

/* Removes entries one by one, in a scattered order, checking the rest
 * each time: backward-shift deletion must not lose an entry whose probe
 * run crossed the hole. */
static void
test_index_remove (void)
{
  g_autoptr(GPtrArray) ids = make_ids (3000);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GHashTable) removed = g_hash_table_new (g_str_hash, g_str_equal);
  BlIdIndex index;

  bl_id_index_init (&index, key_of, ids);
  bl_id_index_reserve (&index, ids->len);
  for (guint i = 0; i < ids->len; i++)
    bl_id_index_insert (&index, i);

  for (guint round = 0; round < 1500; round++)
    {
      const char *id = g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len));
      gboolean was_there = !g_hash_table_contains (removed, id);

      g_assert_cmpint (bl_id_index_remove (&index, id), ==, was_there);
      g_hash_table_add (removed, (gpointer) id);
      g_assert_cmpuint (bl_id_index_lookup (&index, id), ==, G_MAXUINT32);
    }

  g_assert_cmpuint (bl_id_index_get_count (&index), ==, ids->len - g_hash_table_size (removed));
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      g_assert_cmpuint (bl_id_index_lookup (&index, id), ==,
                        g_hash_table_contains (removed, id) ? G_MAXUINT32 : i);
    }

  bl_id_index_clear (&index);
}

/* What the store does when a claim leaves or comes in the middle. */
static void
test_index_shift (void)
{
  g_autoptr(GPtrArray) ids = make_ids (1000);
  BlIdIndex index;

  bl_id_index_init (&index, key_of, ids);
  for (guint i = 0; i < ids->len; i++)
    bl_id_index_insert (&index, i);

  /* remove number 10 */
  g_assert_true (bl_id_index_remove (&index, g_ptr_array_index (ids, 10)));
  g_ptr_array_remove_index (ids, 10);
  bl_id_index_shift (&index, 11, -1);
  check_all (&index, ids);
  g_assert_cmpuint (bl_id_index_lookup (&index, "syn-0000011"), ==, G_MAXUINT32);

  /* insert a new id at 0 */
  g_ptr_array_insert (ids, 0, g_strdup ("new"));
  bl_id_index_shift (&index, 0, +1);
  bl_id_index_insert (&index, 0);
  check_all (&index, ids);

  bl_id_index_clear (&index);
}

/* }}} */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : (x > y);
}

/* Triples of interned values: equal triples get one id, whatever mix of
 * NULLs they hold, through the set's growth; all NULL is 0; an id gives
 * the triple back. */
static void
test_pool_triples (void)
{
  g_autoptr(BlStringPool) pool = bl_string_pool_new ();
  g_autoptr(GArray) firsts = g_array_new (FALSE, FALSE, sizeof (guint32));
  const char *tags_a[] = { "border", NULL }, *tags_b[] = { "border", "synthetic", NULL };
  const char * const *tv[] = { NULL, bl_string_pool_intern_strv (pool, tags_a),
                               bl_string_pool_intern_strv (pool, tags_b) };
  const guint n_places = 500;
  guint32 most = 0;

  g_assert_cmpuint (bl_string_pool_intern_triple (pool, (gconstpointer[3]) { NULL, NULL, NULL }), ==, 0);
  g_assert_null (bl_string_pool_get_triple (pool, 0));

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < n_places * 3; i++)
      {
        g_autofree char *name = g_strdup_printf ("place %u", i / 3);
        const char *place = (i / 3) % 7 == 0 ? NULL : bl_string_pool_intern (pool, name);
        gconstpointer values[3] = { place, (i % 2) ? tv[2] : NULL, tv[i % 3] };
        guint32 id = bl_string_pool_intern_triple (pool, values);
        const gconstpointer *t;

        if (values[0] == NULL && values[1] == NULL && values[2] == NULL)
          {
            g_assert_cmpuint (id, ==, 0);
            continue;
          }
        g_assert_cmpuint (id, >, 0);
        t = bl_string_pool_get_triple (pool, id);
        g_assert_nonnull (t);
        g_assert_true (t != values);
        g_assert_true (t[0] == values[0] && t[1] == values[1] && t[2] == values[2]);
        if (round == 0)
          {
            /* a new triple gets the next id; an equal one, its first id */
            guint at;

            if (!g_array_binary_search (firsts, &id, compare_ids, &at))
              {
                g_assert_cmpuint (id, ==, most + 1);
                most = id;
                g_array_append_val (firsts, id);
              }
          }
        else
          g_assert_true (g_array_binary_search (firsts, &id, compare_ids, NULL));
      }

  /* every distinct triple got its own id, 1 to n */
  g_assert_cmpuint (most, ==, firsts->len);
  for (guint i = 0; i < firsts->len; i++)
    {
      const gconstpointer *t = bl_string_pool_get_triple (pool, g_array_index (firsts, guint32, i));

      for (guint j = i + 1; j < MIN (firsts->len, i + 8); j++)
        {
          const gconstpointer *u = bl_string_pool_get_triple (pool, g_array_index (firsts, guint32, j));

          g_assert_false (t[0] == u[0] && t[1] == u[1] && t[2] == u[2]);
        }
    }
}

typedef struct {
  BlStringPool   *pool;
  const char    **places;     /* interned, one per id */
  guint           n_ready;    /* ids 1 to this were interned (atomic) */
  guint           n_total;
  guint           n_checked;
} TripleReader;

static gpointer
read_triples (gpointer data)
{
  TripleReader *r = data;
  guint ready;

  do
    {
      ready = (guint) g_atomic_int_get (&r->n_ready);
      for (guint id = 1; id <= ready; id += 1 + id / 64)
        {
          const gconstpointer *t = bl_string_pool_get_triple (r->pool, id);

          g_assert_true (t[0] == r->places[id]);
          r->n_checked++;
        }
    }
  while (ready < r->n_total);

  return NULL;
}

/* Ids past one page of the table (65,536 triples), read from another
 * thread while the pool interns more, as a snapshot of the claim store
 * reads them while the main thread adds claims. */
static void
test_pool_triples_many (void)
{
  g_autoptr(BlStringPool) pool = bl_string_pool_new ();
  TripleReader r = { pool, NULL, 0, 140000, 0 };
  GThread *thread;

  r.places = g_new0 (const char *, r.n_total + 1);
  for (guint i = 1; i <= r.n_total; i++)
    {
      char name[32];

      g_snprintf (name, sizeof name, "place %u", i);
      r.places[i] = bl_string_pool_intern (pool, name);
    }

  thread = g_thread_new ("triples", read_triples, &r);
  for (guint i = 1; i <= r.n_total; i++)
    {
      g_assert_cmpuint (bl_string_pool_intern_triple (pool, (gconstpointer[3]) { r.places[i], NULL, NULL }), ==, i);
      if (i % 1000 == 0 || i == r.n_total)
        g_atomic_int_set (&r.n_ready, i);
    }
  g_thread_join (thread);
  g_assert_cmpuint (r.n_checked, >, 0);

  for (guint i = 1; i <= r.n_total; i++)
    {
      g_assert_cmpuint (bl_string_pool_intern_triple (pool, (gconstpointer[3]) { r.places[i], NULL, NULL }), ==, i);
      g_assert_true (bl_string_pool_get_triple (pool, i)[0] == r.places[i]);
    }
  g_free (r.places);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/string-pool/dedup", test_pool_dedup);
  g_test_add_func ("/string-pool/empty-and-null", test_pool_empty_and_null);
  g_test_add_func ("/string-pool/nul-refused", test_pool_nul_refused);
  g_test_add_func ("/string-pool/many", test_pool_many);
  g_test_add_func ("/string-pool/long-strings", test_pool_long_strings);
  g_test_add_func ("/string-pool/strv", test_pool_strv);
  g_test_add_func ("/string-pool/strv-many", test_pool_strv_many);
  g_test_add_func ("/string-pool/strv-long", test_pool_strv_long);
  g_test_add_func ("/string-pool/triples", test_pool_triples);
  g_test_add_func ("/string-pool/triples-many", test_pool_triples_many);
  g_test_add_func ("/id-index/grow-lookup", test_index_grow_lookup);
  g_test_add_func ("/id-index/remove", test_index_remove);
  g_test_add_func ("/id-index/shift", test_index_shift);

  return g_test_run ();
}
