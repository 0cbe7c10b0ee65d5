/* test-project.c — actors, sources, topics and the project that holds them
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bl-project.h"
#include "bl-vocab.h"

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_project_entities (void)
{
  g_autoptr(BlActor) actor = bl_actor_new ("a1", "Anatoly Sidorov");
  g_autoptr(BlSource) source = bl_source_new ("s1");
  g_autoptr(BlTopic) topic = bl_topic_new ("t1");
  guint notified = 0;

  g_signal_connect (actor, "notify::name", G_CALLBACK (on_notify), &notified);
  bl_actor_set_name (actor, "Anatoly Sidorov");
  g_assert_cmpuint (notified, ==, 0);  /* unchanged: no notification */
  bl_actor_set_name (actor, "A. Sidorov");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (bl_actor_get_name (actor), ==, "A. Sidorov");

  bl_actor_set_kind (actor, BL_ACTOR_INTERNATIONAL_BODY);
  bl_actor_set_reliability (actor, 2);
  g_assert_cmpint (bl_actor_get_kind (actor), ==, BL_ACTOR_INTERNATIONAL_BODY);
  g_assert_cmpuint (bl_actor_get_reliability (actor), ==, 2);

  bl_source_set_url (source, "https://example.org/a");
  bl_source_set_origin (source, "s0");
  g_assert_cmpstr (bl_source_get_url (source), ==, "https://example.org/a");
  g_assert_cmpstr (bl_source_get_origin (source), ==, "s0");

  bl_topic_set_unit (topic, "fighters");
  g_assert_cmpstr (bl_topic_get_unit (topic), ==, "fighters");
  g_assert_cmpstr (bl_topic_get_id (topic), ==, "t1");
}

static void
test_project_lists (void)
{
  g_autoptr(BlProject) project = bl_project_new ();
  g_autoptr(BlActor) a1 = bl_actor_new ("a1", "One");
  g_autoptr(BlActor) a2 = bl_actor_new ("a2", "Two");
  g_autoptr(BlActor) again = bl_actor_new ("a1", "Same id");

  g_assert_cmpuint (bl_project_add_actor (project, a1), ==, 0);
  g_assert_cmpuint (bl_project_add_actor (project, a2), ==, 1);
  g_assert_cmpuint (bl_project_add_actor (project, again), ==, BL_NO_INDEX);
  g_assert_cmpuint (g_list_model_get_n_items (bl_project_get_actors (project)), ==, 2);
  g_assert_cmpuint (bl_project_find_actor (project, "a2"), ==, 1);
  g_assert_cmpuint (bl_project_find_actor (project, "nobody"), ==, BL_NO_INDEX);
  g_assert_true (bl_project_get_actor (project, 1) == a2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/entities", test_project_entities);
  g_test_add_func ("/project/lists", test_project_lists);

  return g_test_run ();
}
