/* test-save-kill.c — a save killed at any moment loses nothing
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process opens a large project and saves it again and again,
 * each time with a new title, writing the draft after each change as the
 * window does. The parent kills it with SIGKILL at a random moment, 100
 * times. After each kill the project file must load, as the last version
 * the child reported saved or the one it was writing, and the draft must
 * load with the latest edit the child had made, or the one before.
 *
 * The random delays are the point of the test (a kill at any moment), not
 * a wait for a result: every check looks at the files themselves.
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bl-draft.h"
#include "bl-project-io.h"
#include "synthetic.h"

#define N_KILLS 100
#define N_CLAIMS 4000

static const char *self_path;

/* The child: saves version after version until it is killed. Reports
 * each version it has finished on stdout, one line each. */
static int
run_child (const char *project_path,
           const char *draft_path,
           int         first)
{
  g_autoptr(GFile) file = g_file_new_for_path (project_path);
  g_autoptr(BlProject) project = bl_project_load (file, NULL, NULL);

  if (project == NULL)
    return 3;

  for (int version = first; ; version++)
    {
      g_autofree char *title = g_strdup_printf ("version %d", version);

      /* the edit, then its draft, then the save */
      bl_project_set_title (project, title);
      if (!bl_draft_write (project, draft_path, file, NULL))
        return 4;
      printf ("draft %d\n", version);
      fflush (stdout);
      if (!bl_project_save (project, file, NULL, NULL))
        return 5;
      printf ("saved %d\n", version);
      fflush (stdout);
    }
}

static int
version_of (BlProject *project)
{
  const char *title = bl_project_get_title (project);

  g_assert_nonnull (title);
  g_assert_true (g_str_has_prefix (title, "version "));
  return atoi (title + 8);
}

static void
test_save_kill (void)
{
  g_autofree char *dir = g_dir_make_tmp ("borderline-kill-XXXXXX", NULL);
  g_autofree char *project_path = g_build_filename (dir, "big.borderline", NULL);
  g_autofree char *draft_path = g_build_filename (dir, "draft.borderline", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (project_path);
  g_autoptr(BlProject) start = synthetic_project_new (N_CLAIMS, 7);
  g_autoptr(GRand) rand = g_rand_new_with_seed (1914);
  int next = 1;
  int on_disk_version = 0;
  guint torn_saves = 0;

  bl_project_set_title (start, "version 0");
  g_assert_true (bl_project_save (start, file, NULL, NULL));

  for (int kill_no = 0; kill_no < N_KILLS; kill_no++)
    {
      g_autofree char *first = g_strdup_printf ("%d", next);
      const char *argv[] = { self_path, "--child", project_path, draft_path, first, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(BlProject) on_disk = NULL;
      g_autoptr(BlProject) draft = NULL;
      g_autoptr(GFile) draft_file = g_file_new_for_path (draft_path);
      GPid pid;
      int out_fd, status, last_saved, last_draft, being_saved;
      char buffer[65536];
      gssize n, total = 0;
      g_auto(GStrv) lines = NULL;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);

      /* a random moment: while loading, drafting or saving */
      g_usleep (g_rand_int_range (rand, 5, 400) * 1000);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      g_assert_true (WIFSIGNALED (status));

      while ((n = read (out_fd, buffer + total, sizeof buffer - 1 - total)) > 0)
        total += n;
      close (out_fd);
      buffer[total] = '\0';

      last_saved = on_disk_version;
      last_draft = -1;
      /* what is being written when nothing was reported saved yet */
      being_saved = next;
      lines = g_strsplit (buffer, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_str_has_prefix (lines[i], "saved "))
            {
              last_saved = atoi (lines[i] + 6);
              being_saved = last_saved + 1;
            }
          else if (g_str_has_prefix (lines[i], "draft "))
            last_draft = atoi (lines[i] + 6);
        }

      /* the file: the last version saved, or the one being saved */
      on_disk = bl_project_load (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (bl_claim_store_get_n_claims (bl_project_get_claims (on_disk)), ==, N_CLAIMS);
      if (version_of (on_disk) != last_saved)
        {
          g_assert_cmpint (version_of (on_disk), ==, being_saved);
          torn_saves++;
        }

      /* the draft: the latest edit reported, or the one after it */
      if (last_draft >= 0)
        {
          draft = bl_project_load (draft_file, NULL, &error);
          g_assert_no_error (error);
          g_assert_cmpint (version_of (draft), >=, last_draft);
          g_assert_cmpint (version_of (draft), <=, last_draft + 1);
        }

      on_disk_version = version_of (on_disk);
      next = MAX (on_disk_version, last_draft) + 1;
    }

  g_test_message ("%u of %d kills fell after a save was written but before it was reported",
                  torn_saves, N_KILLS);

  bl_draft_discard (draft_path);
  {
    g_autofree char *backup = g_strconcat (project_path, "~", NULL);

    g_unlink (backup);
  }
  g_unlink (project_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  self_path = argv[0];

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], atoi (argv[4]));

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/save-kill/hundred-kills", test_save_kill);
  return g_test_run ();
}
