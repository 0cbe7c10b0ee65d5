/* bench-json-reader.c — speed of the streaming JSON reader
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a claim-like document of about 50 MB (pretty-printed with
 * BlJsonWriter, or compact with --compact), then times pulling every token
 * with BlJsonReader (fetching each string and number, as a loader would)
 * and json-glib's json_parser_load_from_data() on the same bytes, and prints
 * MB/s and the ratio. Not a test: it checks nothing but that both succeed.
 *
 *   bench-json-reader [--compact] [--size MB] [--no-json-glib]
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "bl-json-reader.h"
#include "bl-json-writer.h"

static GString *
generate (gsize    target,
          gboolean pretty)
{
  static const char *const claimants[] = {
    "Anatoly Sidorov (CSTO)", "UN Monitoring Team", "Emomali Rahmon",
    "Zabihullah Mujahid", "Khaama Press \xd8\xae\xd8\xa7\xd9\x85\xd9\x87",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(BlJsonWriter) w = NULL;
  GString *out = g_string_sized_new (target + target / 8);
  guint n = 0;

  w = bl_json_writer_new (out);
  bl_json_writer_set_pretty (w, pretty);
  bl_json_writer_begin_object (w);
  bl_json_writer_member (w, "format");
  bl_json_writer_string (w, "borderline");
  bl_json_writer_member (w, "version");
  bl_json_writer_int64 (w, 1);
  bl_json_writer_member (w, "claims");
  bl_json_writer_begin_array (w);

  while (out->len < target)
    {
      char id[32];

      g_snprintf (id, sizeof id, "claim-%08u", n++);
      bl_json_writer_begin_object (w);
      bl_json_writer_member (w, "id");
      bl_json_writer_string (w, id);
      bl_json_writer_member (w, "statement");
      bl_json_writer_string (w, "ISIS fighters in Afghanistan number 6,500, of whom "
                                "4,000 are stationed near the Tajik border, mostly in "
                                "northern Badakhshan, Kunduz and Takhar.\n\"Quoted\"");
      bl_json_writer_member (w, "claimant");
      bl_json_writer_string (w, claimants[g_rand_int_range (rand, 0, G_N_ELEMENTS (claimants))]);
      bl_json_writer_member (w, "said_on");
      bl_json_writer_string (w, "2023-05-17");
      bl_json_writer_member (w, "quantity");
      bl_json_writer_begin_object (w);
      bl_json_writer_member (w, "min");
      bl_json_writer_int64 (w, g_rand_int_range (rand, 1000, 5000));
      bl_json_writer_member (w, "max");
      bl_json_writer_int64 (w, g_rand_int_range (rand, 5000, 9000));
      bl_json_writer_end_object (w);
      bl_json_writer_member (w, "point");
      bl_json_writer_begin_array (w);
      bl_json_writer_double (w, g_rand_double_range (rand, 66.0, 72.0));
      bl_json_writer_double (w, g_rand_double_range (rand, 35.0, 38.5));
      bl_json_writer_end_array (w);
      bl_json_writer_member (w, "credibility");
      bl_json_writer_int64 (w, g_rand_int_range (rand, 1, 7));
      bl_json_writer_member (w, "tags");
      bl_json_writer_begin_array (w);
      bl_json_writer_string (w, "ISIS-K");
      bl_json_writer_string (w, "border");
      bl_json_writer_end_array (w);
      bl_json_writer_member (w, "denied");
      bl_json_writer_boolean (w, g_rand_boolean (rand));
      bl_json_writer_member (w, "notes");
      bl_json_writer_null (w);
      bl_json_writer_end_object (w);
    }

  bl_json_writer_end_array (w);
  bl_json_writer_end_object (w);

  return out;
}

static double
run_reader (const GString *doc,
            gsize         *n_tokens)
{
  g_autoptr(BlJsonReader) reader = bl_json_reader_new (doc->str, doc->len, "bench");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gsize count = 0, total = 0;
  double sum = 0;
  BlJsonToken token;

  while ((token = bl_json_reader_next (reader, &error)) != BL_JSON_TOKEN_END)
    {
      gsize len;

      count++;
      switch (token)
        {
        case BL_JSON_TOKEN_ERROR:
          g_error ("%s", error->message);
          break;
        case BL_JSON_TOKEN_KEY:
        case BL_JSON_TOKEN_STRING:
          (void) bl_json_reader_get_string (reader, &len);
          total += len;
          break;
        case BL_JSON_TOKEN_NUMBER:
          sum += bl_json_reader_get_double (reader);
          break;
        default:
          break;
        }
    }

  *n_tokens = count;
  if (total == 0 && sum == 0)
    g_printerr ("(nothing read)\n");

  return (g_get_monotonic_time () - start) / 1e6;
}

static double
run_json_glib (const GString *doc)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double seconds;

  if (!json_parser_load_from_data (parser, doc->str, doc->len, &error))
    g_error ("json-glib: %s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;

  return seconds;
}

int
main (int   argc,
      char *argv[])
{
  gboolean compact = FALSE, no_json_glib = FALSE;
  int size_mb = 50;
  GOptionEntry entries[] = {
    { "compact", 0, 0, G_OPTION_ARG_NONE, &compact, "Compact JSON instead of pretty", NULL },
    { "size", 0, 0, G_OPTION_ARG_INT, &size_mb, "Document size in MB (50)", "MB" },
    { "no-json-glib", 0, 0, G_OPTION_ARG_NONE, &no_json_glib, "Skip json-glib", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) doc = NULL;
  double best = G_MAXDOUBLE, mb;
  gsize n_tokens = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  doc = generate ((gsize) size_mb * 1000 * 1000, !compact);
  mb = doc->len / 1e6;
  g_print ("document: %.1f MB (%s)\n", mb, compact ? "compact" : "pretty");

  for (int i = 0; i < 5; i++)
    best = MIN (best, run_reader (doc, &n_tokens));
  g_print ("BlJsonReader: %.3f s, %.0f MB/s, %.1f M tokens/s (%" G_GSIZE_FORMAT " tokens)\n",
           best, mb / best, n_tokens / best / 1e6, n_tokens);

  if (!no_json_glib)
    {
      double glib_s = run_json_glib (doc);

      g_print ("json-glib:    %.3f s, %.0f MB/s, %.1f M tokens/s\n",
               glib_s, mb / glib_s, n_tokens / glib_s / 1e6);
      g_print ("ratio: BlJsonReader is %.1fx faster\n", glib_s / best);
    }

  return 0;
}
