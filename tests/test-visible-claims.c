/* test-visible-claims.c — the filter applied to the sample project
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "bl-claim.h"
#include "bl-project-io.h"
#include "bl-time-index.h"
#include "bl-visible-claims.h"
#include "test-helpers.h"

typedef struct {
  BlProject       *project;
  BlFilter        *filter;
  BlVisibleClaims *visible;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  g_autoptr(GError) error = NULL;

  f->project = bl_project_load (file, NULL, &error);
  g_assert_no_error (error);
  f->filter = bl_filter_new ();
  f->visible = bl_visible_claims_new (f->project, f->filter);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->visible);
  g_clear_object (&f->filter);
  g_clear_object (&f->project);
}

static guint
n_visible (Fixture *f)
{
  guint n;

  bl_visible_claims_get_indices (f->visible, &n);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (f->visible)));
  return n;
}

static gboolean
shows (Fixture    *f,
       const char *id)
{
  guint index = bl_claim_store_lookup (bl_project_get_claims (f->project), id);

  g_assert_cmpuint (index, !=, BL_NO_INDEX);
  return bl_visible_claims_contains (f->visible, index);
}

/* The list is in time order: what could have been said earliest first. */
static void
test_everything (Fixture       *f,
                 gconstpointer  data)
{
  const BlDate *dates = bl_claim_store_get_dates (bl_project_get_claims (f->project), BL_CLOCK_SAID);
  const guint32 *indices;
  g_autoptr(BlClaim) first = NULL;
  guint n;

  g_assert_cmpuint (n_visible (f), ==, 16);
  first = g_list_model_get_item (G_LIST_MODEL (f->visible), 0);
  /* "../2023-02-14": said at some time before the press conference */
  g_assert_cmpstr (bl_claim_get_id (first), ==, "c-un-several-thousand");

  indices = bl_visible_claims_get_indices (f->visible, &n);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (dates[indices[i - 1]].first_day, <=, dates[indices[i]].first_day);
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  bl_filter_set_text (f->filter, "kunduz");
  /* the Kunduz claim names it; so do the Badakhshan and Takhar ones */
  g_assert_true (shows (f, "c-sidorov-kunduz"));
  g_assert_true (shows (f, "c-sidorov-takhar"));
  g_assert_false (shows (f, "c-rahmon-6000"));

  /* claimant names count: every claim by Rahmon */
  bl_filter_set_text (f->filter, "RAHMON");
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_true (shows (f, "c-rahmon-6000"));

  bl_filter_set_text (f->filter, NULL);
  g_assert_cmpuint (n_visible (f), ==, 16);
}

static void
test_criteria (Fixture       *f,
               gconstpointer  data)
{
  guint topic = bl_project_find_topic (f->project, "t-isis-fighters");

  bl_filter_set_topic (f->filter, topic);
  g_assert_cmpuint (n_visible (f), ==, 4);  /* CSTO, UN, the denial, Rahmon */

  bl_filter_set_stances (f->filter, 1u << BL_STANCE_DENIES);
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_true (shows (f, "c-iea-deny"));

  bl_filter_reset (f->filter);
  bl_filter_set_actor (f->filter, bl_project_find_actor (f->project, "a-iea"));
  g_assert_cmpuint (n_visible (f), ==, 3);

  /* credibility 2 or better: only the attacks report */
  bl_filter_reset (f->filter);
  bl_filter_set_min_credibility (f->filter, 2);
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_true (shows (f, "c-khaama-attacks"));

  bl_filter_reset (f->filter);
  bl_filter_set_tag (f->filter, "un-report");
  g_assert_cmpuint (n_visible (f), ==, 1);
}

static void
test_window (Fixture       *f,
             gconstpointer  data)
{
  gint32 feb14 = bl_day_from_ymd (2023, 2, 14);

  /* the day of the press conference: everything said that could be then */
  bl_filter_set_window (f->filter, feb14, feb14);
  g_assert_true (shows (f, "c-sidorov-6500"));
  g_assert_true (shows (f, "c-rahmon-6000"));       /* "../2023-02-14" */
  g_assert_true (shows (f, "c-khaama-rockets"));    /* "2023-02" */

  /* mid-2022: only what was said at an unknown time before */
  bl_filter_set_window (f->filter, bl_day_from_ymd (2022, 6, 1), bl_day_from_ymd (2022, 6, 30));
  g_assert_false (shows (f, "c-sidorov-6500"));
  g_assert_true (shows (f, "c-un-several-thousand"));
  g_assert_cmpuint (n_visible (f), ==, 5);

  /* about: in mid-2022 the attacks (since Aug 2021) and rockets (past year) */
  bl_filter_set_clock (f->filter, BL_CLOCK_ABOUT);
  g_assert_true (shows (f, "c-khaama-attacks"));
  g_assert_true (shows (f, "c-khaama-rockets"));
  g_assert_false (shows (f, "c-sidorov-6500"));
  g_assert_cmpuint (n_visible (f), ==, 2);

  /* window and criteria together */
  bl_filter_set_text (f->filter, "rocket");
  g_assert_cmpuint (n_visible (f), ==, 1);

  /* no window: undated claims are back */
  bl_filter_set_text (f->filter, NULL);
  bl_filter_clear_window (f->filter);
  g_assert_cmpuint (n_visible (f), ==, 16);
}

/* Each claim's position in the list, as the list's items say, and none
 * for a hidden claim. */
static void
test_find (Fixture       *f,
           gconstpointer  data)
{
  BlClaimStore *claims = bl_project_get_claims (f->project);
  GListModel *model = G_LIST_MODEL (f->visible);

  bl_filter_set_window (f->filter, bl_day_from_ymd (2022, 6, 1), bl_day_from_ymd (2022, 6, 30));
  g_assert_cmpuint (n_visible (f), ==, 5);

  for (guint i = 0; i < bl_claim_store_get_n_claims (claims); i++)
    {
      guint position = bl_visible_claims_find (f->visible, i);

      if (bl_visible_claims_contains (f->visible, i))
        {
          g_autoptr(BlClaim) claim = g_list_model_get_item (model, position);

          g_assert_nonnull (claim);
          g_assert_cmpstr (bl_claim_get_id (claim), ==, bl_claim_store_get_id (claims, i));
        }
      else
        g_assert_cmpuint (position, ==, G_MAXUINT);
    }
  g_assert_cmpuint (bl_visible_claims_find (f->visible, 100000), ==, G_MAXUINT);
}

static void
test_cumulative (Fixture       *f,
                 gconstpointer  data)
{
  gint32 jan = bl_day_from_ymd (2023, 1, 1);

  bl_filter_set_window (f->filter, jan, bl_day_from_ymd (2023, 1, 31));
  g_assert_false (shows (f, "c-sidorov-6500"));
  bl_filter_set_cumulative (f->filter, TRUE);
  bl_filter_set_window (f->filter, jan, bl_day_from_ymd (2023, 2, 14));
  /* everything said up to the press conference */
  g_assert_true (shows (f, "c-sidorov-6500"));
  g_assert_true (shows (f, "c-un-several-thousand"));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_follows_store (Fixture       *f,
                    gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  BlClaimRecord r;
  guint count = 0;

  g_signal_connect (f->visible, "items-changed", G_CALLBACK (on_items_changed), &count);
  bl_filter_set_text (f->filter, "novel");

  bl_claim_record_init (&r);
  r.id = "c-new";
  r.statement = "A novel claim";
  bl_claim_store_append (store, &r);

  g_assert_cmpuint (count, ==, 2);
  g_assert_cmpuint (n_visible (f), ==, 1);
  g_assert_true (shows (f, "c-new"));
}

typedef struct {
  guint removed;
  guint added;
} Change;

static void
on_change (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           Change     *change)
{
  g_assert_cmpuint (position, ==, 0);
  change->removed = removed;
  change->added = added;
}

/* The claims listed are those the filter lets through, in time order, and
 * each is listed once: checked against the store itself. */
static void
assert_lists (Fixture    *f,
              const char *search)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  const BlDate *dates = bl_claim_store_get_dates (store, BL_CLOCK_SAID);
  guint n_claims = bl_claim_store_get_n_claims (store), n, expected = 0;
  g_autofree guint8 *listed = g_new0 (guint8, n_claims);
  const guint32 *indices = bl_visible_claims_get_indices (f->visible, &n);

  for (guint p = 0; p < n; p++)
    {
      g_autoptr(BlClaim) claim = g_list_model_get_item (G_LIST_MODEL (f->visible), p);

      g_assert_cmpuint (indices[p], <, n_claims);
      g_assert_false (listed[indices[p]]);
      listed[indices[p]] = 1;
      g_assert_cmpstr (bl_claim_get_id (claim), ==, bl_claim_store_get_id (store, indices[p]));
      g_assert_cmpuint (bl_visible_claims_find (f->visible, indices[p]), ==, p);
      /* dated claims by first day, the undated after them */
      if (p > 0 && !bl_date_is_unknown (&dates[indices[p]]))
        {
          g_assert_false (bl_date_is_unknown (&dates[indices[p - 1]]));
          g_assert_cmpint (dates[indices[p - 1]].first_day, <=, dates[indices[p]].first_day);
        }
    }

  for (guint i = 0; i < n_claims; i++)
    {
      BlClaimRecord r;
      gboolean passes;

      bl_claim_store_get_record (store, i, &r);
      passes = search == NULL || strstr (r.statement, search) != NULL;
      expected += passes;
      g_assert_cmpint (listed[i], ==, passes);
      g_assert_cmpint (bl_visible_claims_contains (f->visible, i), ==, passes);
    }
  g_assert_cmpuint (n, ==, expected);
}

/* The list is the time index's own array, not a copy of it. */
static gboolean
shares_index_order (Fixture *f)
{
  BlTimeIndex *index = bl_visible_claims_get_time_index (f->visible, BL_CLOCK_SAID);
  guint n, n_sorted;

  return bl_visible_claims_get_indices (f->visible, &n) == bl_time_index_get_sorted (index, &n_sorted) &&
         n == n_sorted;
}

/* With every claim shown, the list reads the time index's own order; it
 * must follow every change out of that state and back: a search, an
 * undated claim added and taken away. */
static void
test_every_claim_and_back (Fixture       *f,
                           gconstpointer  data)
{
  BlClaimStore *store = bl_project_get_claims (f->project);
  Change change = { 0, 0 };
  BlClaimRecord r;

  g_signal_connect (f->visible, "items-changed", G_CALLBACK (on_change), &change);
  assert_lists (f, NULL);
  g_assert_true (shares_index_order (f));

  bl_filter_set_text (f->filter, "rocket");
  g_assert_cmpuint (change.removed, ==, 16);
  g_assert_cmpuint (change.added, ==, 1);
  assert_lists (f, "rocket");

  bl_filter_set_text (f->filter, NULL);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 16);
  assert_lists (f, NULL);
  g_assert_true (shares_index_order (f));

  /* an undated claim: listed last */
  bl_claim_record_init (&r);
  r.id = "c-undated";
  r.statement = "A claim of no known date";
  bl_claim_store_append (store, &r);
  g_assert_cmpuint (change.added, ==, 17);
  assert_lists (f, NULL);
  {
    guint n;
    const guint32 *indices = bl_visible_claims_get_indices (f->visible, &n);

    g_assert_cmpstr (bl_claim_store_get_id (store, indices[n - 1]), ==, "c-undated");
  }

  bl_claim_store_remove (store, bl_claim_store_lookup (store, "c-undated"));
  g_assert_cmpuint (change.removed, ==, 17);
  g_assert_cmpuint (change.added, ==, 16);
  assert_lists (f, NULL);
  g_assert_true (shares_index_order (f));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/visible-claims/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("everything", test_everything);
  ADD ("text", test_text);
  ADD ("criteria", test_criteria);
  ADD ("window", test_window);
  ADD ("find", test_find);
  ADD ("cumulative", test_cumulative);
  ADD ("follows-store", test_follows_store);
  ADD ("every-claim-and-back", test_every_claim_and_back);

  return g_test_run ();
}
