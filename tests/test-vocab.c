/* test-vocab.c — the controlled vocabularies and Admiralty grades
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bl-vocab.h"

static void
test_vocab_round_trip (void)
{
  for (guint i = 0; i < BL_N_STANCES; i++)
    {
      BlStance out;

      g_assert_true (bl_stance_from_string (bl_stance_to_string (i), &out));
      g_assert_cmpuint (out, ==, i);
      g_assert_nonnull (bl_stance_get_label (i));
    }
  for (guint i = 0; i < BL_N_ACTOR_KINDS; i++)
    {
      BlActorKind out;

      g_assert_true (bl_actor_kind_from_string (bl_actor_kind_to_string (i), &out));
      g_assert_cmpuint (out, ==, i);
    }
  for (guint i = 0; i < BL_N_SOURCE_KINDS; i++)
    {
      BlSourceKind out;

      g_assert_true (bl_source_kind_from_string (bl_source_kind_to_string (i), &out));
      g_assert_cmpuint (out, ==, i);
    }
  for (guint i = 0; i < BL_N_RELATION_KINDS; i++)
    {
      BlRelationKind out;

      g_assert_true (bl_relation_kind_from_string (bl_relation_kind_to_string (i), &out));
      g_assert_cmpuint (out, ==, i);
    }
  for (guint i = 0; i < BL_N_PRECISIONS; i++)
    {
      BlPrecision out;

      g_assert_true (bl_precision_from_string (bl_precision_to_string (i), &out));
      g_assert_cmpuint (out, ==, i);
    }
}

static void
test_vocab_unknown (void)
{
  static const char *bad[] = { "", "Asserts", "assert", "denies ", "<b>", "\xff" };
  BlStance stance;
  BlPrecision precision;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (bl_stance_from_string (bad[i], &stance));
      g_assert_false (bl_precision_from_string (bad[i], &precision));
    }
  g_assert_false (bl_stance_from_string (NULL, &stance));
}

static void
test_vocab_reliability (void)
{
  static const struct {
    const char *text;
    gboolean    valid;
    guint       grade;
    char        letter;
  } cases[] = {
    { "A", TRUE, 1, 'A' },
    { "B", TRUE, 2, 'B' },
    { "F", TRUE, 6, 'F' },
    { "G", FALSE, 0, 0 },
    { "a", FALSE, 0, 0 },
    { "AB", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { "1", FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint grade = 0;

      g_assert_cmpint (bl_reliability_from_string (cases[i].text, &grade), ==, cases[i].valid);
      if (cases[i].valid)
        {
          g_assert_cmpuint (grade, ==, cases[i].grade);
          g_assert_cmpint (bl_reliability_to_letter (grade), ==, cases[i].letter);
        }
    }

  g_assert_cmpint (bl_reliability_to_letter (0), ==, '\0');
}

static void
test_vocab_meanings (void)
{
  /* The standard Admiralty meanings, at both ends of each scale. */
  g_assert_cmpstr (bl_reliability_get_meaning (1), ==, "Completely reliable");
  g_assert_cmpstr (bl_reliability_get_meaning (6), ==, "Reliability cannot be judged");
  g_assert_cmpstr (bl_credibility_get_meaning (1), ==, "Confirmed by other sources");
  g_assert_cmpstr (bl_credibility_get_meaning (6), ==, "Truth cannot be judged");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vocab/round-trip", test_vocab_round_trip);
  g_test_add_func ("/vocab/unknown", test_vocab_unknown);
  g_test_add_func ("/vocab/reliability", test_vocab_reliability);
  g_test_add_func ("/vocab/meanings", test_vocab_meanings);

  return g_test_run ();
}
