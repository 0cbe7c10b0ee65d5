/* gen-synthetic.c — write a project of made-up claims, for scale
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gen-synthetic N OUT.borderline [--seed S]
 *
 * Builds N synthetic claims in memory (synthetic.c: towns of northern
 * Afghanistan and Tajikistan, mixed date precision, topics, claimants,
 * sources, denials) and saves them with bl_project_save(). The title,
 * the description and a tag on every claim mark the data as synthetic.
 * Prints how long generating and saving took. Not a test.
 */
#include "config.h"

#include <stdlib.h>

#include "bl-project-io.h"
#include "synthetic.h"

static gboolean
parse_uint (const char *text,
            guint64     max,
            guint64    *out)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BlProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *out_path = NULL;
  guint64 n_claims = 0, seed = 1;
  gboolean have_n = FALSE;
  gint64 t0, t1, t2;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        {
          if (!parse_uint (argv[++i], G_MAXUINT32, &seed))
            {
              g_printerr ("gen-synthetic: bad seed “%s”\n", argv[i]);
              return EXIT_FAILURE;
            }
        }
      else if (!have_n)
        {
          if (!parse_uint (argv[i], 10000000, &n_claims))
            {
              g_printerr ("gen-synthetic: bad claim count “%s” (0 to 10000000)\n", argv[i]);
              return EXIT_FAILURE;
            }
          have_n = TRUE;
        }
      else if (out_path == NULL)
        out_path = argv[i];
      else
        {
          g_printerr ("Usage: gen-synthetic N OUT.borderline [--seed S]\n");
          return EXIT_FAILURE;
        }
    }

  if (!have_n || out_path == NULL)
    {
      g_printerr ("Usage: gen-synthetic N OUT.borderline [--seed S]\n");
      return EXIT_FAILURE;
    }

  t0 = g_get_monotonic_time ();
  project = synthetic_project_new ((guint) n_claims, (guint32) seed);
  t1 = g_get_monotonic_time ();

  file = g_file_new_for_commandline_arg (out_path);
  if (!bl_project_save (project, file, NULL, &error))
    {
      g_printerr ("gen-synthetic: %s\n", error->message);
      return EXIT_FAILURE;
    }
  t2 = g_get_monotonic_time ();

  g_print ("%" G_GUINT64_FORMAT " synthetic claims (seed %" G_GUINT64_FORMAT "): "
           "generated in %.2f s, saved to %s in %.2f s\n",
           n_claims, seed, (t1 - t0) / 1e6, out_path, (t2 - t1) / 1e6);

  return EXIT_SUCCESS;
}
