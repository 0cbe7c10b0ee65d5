/* test-hostile.c — hostile input for every reader that exists
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Borderline reads files written by others, some of them adversaries. This
 * test feeds the project reader (bl_project_load_from_data), the date and
 * quantity parsers and the basemap reader the inputs an adversary would
 * try: nesting 100,000 deep, empty and whitespace-only files, a byte order
 * mark alone, truncated files, invalid UTF-8 and lone surrogates, NUL bytes
 * in strings, numbers like 1e999, a 64 MB string, latitude 95 and swapped
 * axes, unclosed polygon rings, markup and javascript: in every text field.
 *
 * Each must end in a clear error that names the place (FILE:LINE:COL for
 * malformed JSON, FILE: $.path for a wrong value), in valid UTF-8 and of a
 * readable length, and no project; except markup, which is just text: a
 * project whose every text field holds markup loads, and gives the text
 * back byte for byte (the GUI shows it literally). Every input is made
 * here; no large file is committed. The command line's share of the
 * list ("nothing written") is tested with the command line.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bl-actor.h"
#include "bl-basemap-data.h"
#include "bl-claim-store.h"
#include "bl-date.h"
#include "bl-error.h"
#include "bl-project-io.h"
#include "bl-quantity.h"
#include "bl-source.h"
#include "bl-topic.h"

#define NAME "hostile.borderline"

/* A message longer than this is not one a person reads */
#define MAX_MESSAGE 4096

#define MARKUP "<b>x</b> & <span foreground='red'>"

/* The smallest valid project, with room for more members */
#define HEAD "{\"format\":\"borderline\",\"version\":1"

typedef enum {
  PLACE_POSITION,   /* NAME:LINE:COL: … */
  PLACE_PATH,       /* NAME: $.path… */
  PLACE_NAME,       /* at least NAME: … */
} Place;

/* Helpers {{{ */

static void
assert_message (const GError *error,
                const char   *input_name)
{
  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  /* Not fatal at once, so that one run lists every overlong message */
  if (strlen (error->message) >= MAX_MESSAGE)
    {
      g_test_message ("a message of %" G_GSIZE_FORMAT " bytes: %.120s…",
                      strlen (error->message), error->message);
      g_test_fail ();
    }
  if (input_name != NULL)
    g_assert_true (g_str_has_prefix (error->message, input_name));
}

/* Loads @len bytes at @data, which must fail with @code (or any code if
 * @code is -1) and a message naming @place; @must_contain, if not NULL,
 * must be in the message. */
static void
load_fails (const char *data,
            gsize       len,
            int         code,
            Place       place,
            const char *must_contain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BlProject) project = NULL;

  project = bl_project_load_from_data (data, len, NAME, NULL, NULL, NULL, &error);
  if (project != NULL)
    g_error ("a hostile input loaded: %.*s", (int) MIN (len, 200), data);
  g_assert_nonnull (error);
  if (error->domain != BL_ERROR || (code >= 0 && error->code != code))
    g_error ("expected code %d, got %s %d: %.300s", code,
             g_quark_to_string (error->domain), error->code, error->message);
  assert_message (error, NAME);

  switch (place)
    {
    case PLACE_POSITION:
      if (!g_regex_match_simple ("^" NAME ":[0-9]+:[0-9]+: ", error->message, 0, 0))
        g_error ("the message gives no line and column: %.300s", error->message);
      break;
    case PLACE_PATH:
      if (!g_regex_match_simple ("^" NAME ": \\$[.\\[:]", error->message, 0, 0))
        g_error ("the message gives no JSON path: %.300s", error->message);
      break;
    case PLACE_NAME:
      break;
    }

  if (must_contain != NULL && strstr (error->message, must_contain) == NULL)
    g_error ("the message does not say “%s”: %.300s", must_contain, error->message);
}

static void
load_text_fails (const char *text,
                 int         code,
                 Place       place,
                 const char *must_contain)
{
  load_fails (text, strlen (text), code, place, must_contain);
}

static BlProject *
load_ok (const char *data,
         gsize       len)
{
  g_autoptr(GError) error = NULL;
  BlProject *project;

  project = bl_project_load_from_data (data, len, NAME, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* @template with every "%s" replaced by @value */
static char *
fill_template (const char *template,
               const char *value)
{
  g_auto(GStrv) parts = g_strsplit (template, "%s", -1);

  return g_strjoinv (value, parts);
}

static char *
read_sample (gsize *len)
{
  const char *source_dir = g_getenv ("BL_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

#ifdef BL_SOURCE_DIR
  if (source_dir == NULL || *source_dir == '\0')
    source_dir = BL_SOURCE_DIR;
#endif
  g_assert_nonnull (source_dir);
  path = g_build_filename (source_dir, "data", "samples", "csto-isis-k-2023.borderline", NULL);
  g_file_get_contents (path, &contents, len, &error);
  g_assert_no_error (error);
  return contents;
}

/* }}} */

/* Project files {{{ */

static void
test_project_deep_nesting (void)
{
  const gsize depth = 100000;
  g_autoptr(GString) arrays = g_string_sized_new (2 * depth);
  g_autoptr(GString) objects = g_string_sized_new (8 * depth);
  g_autoptr(GString) inside = g_string_new (HEAD ",\"title\":");

  for (gsize i = 0; i < depth; i++)
    {
      g_string_append_c (arrays, '[');
      g_string_append (objects, "{\"a\":");
      g_string_append_c (inside, '[');
    }
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (arrays, ']');
  g_string_append (objects, "1");
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (objects, '}');
  g_string_append (inside, "\"x\"");

  /* Unclosed too: the reader must stop at its limit, not at the end */
  load_fails (arrays->str, arrays->len, BL_ERROR_TOO_LARGE, PLACE_POSITION, "nesting");
  load_fails (arrays->str, depth, BL_ERROR_TOO_LARGE, PLACE_POSITION, "nesting");
  load_fails (objects->str, objects->len, BL_ERROR_TOO_LARGE, PLACE_POSITION, "nesting");
  load_fails (inside->str, inside->len, -1, PLACE_NAME, NULL);
}

static void
test_project_empty (void)
{
  const char *inputs[] = { "", " ", "\n", "\r\n", "\t \r\n \n\n  ", "\n\n\n\n\n\n\n\n\n\n" };

  for (gsize i = 0; i < G_N_ELEMENTS (inputs); i++)
    load_text_fails (inputs[i], BL_ERROR_SYNTAX, PLACE_POSITION, NULL);

  /* Whitespace JSON does not know */
  load_text_fails ("\f", BL_ERROR_SYNTAX, PLACE_POSITION, NULL);
  load_text_fails ("\v", BL_ERROR_SYNTAX, PLACE_POSITION, NULL);
  load_text_fails ("\xc2\xa0", BL_ERROR_SYNTAX, PLACE_POSITION, NULL);
  load_fails ("\0", 1, BL_ERROR_SYNTAX, PLACE_POSITION, NULL);
}

static void
test_project_bom (void)
{
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", HEAD, "}", NULL);

  load_text_fails ("\xef\xbb\xbf", BL_ERROR_ENCODING, PLACE_POSITION, "byte order mark");
  load_text_fails ("\xef\xbb\xbf\n", BL_ERROR_ENCODING, PLACE_POSITION, "byte order mark");
  load_text_fails (with_bom, BL_ERROR_ENCODING, PLACE_POSITION, "byte order mark");
  /* UTF-16 byte order marks, and half of one */
  load_fails ("\xff\xfe{\0}\0", 6, -1, PLACE_POSITION, NULL);
  load_fails ("\xfe\xff\0{\0}", 6, -1, PLACE_POSITION, NULL);
  load_text_fails ("\xef\xbb", -1, PLACE_POSITION, NULL);
}

static void
test_project_truncated (void)
{
  g_autofree char *sample = NULL;
  g_autoptr(BlProject) whole = NULL;
  gsize len;

  sample = read_sample (&len);
  whole = load_ok (sample, len);

  /* Every proper prefix of the sample (it ends with "}\n": the one without
   * the newline is whole) */
  for (gsize cut = 0; cut < len - 1; cut++)
    {
      g_autofree char *copy = g_memdup2 (sample, cut + 1);

      /* an exact-size copy, so that a sanitizer sees a read past the end */
      load_fails (copy, cut, cut == 0 ? BL_ERROR_SYNTAX : -1, PLACE_POSITION, NULL);
    }
}

static void
test_project_invalid_utf8 (void)
{
  /* raw bytes in a string */
  const char *raw[] = {
    "\xff", "\xfe", "\x80", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80",
    "\xed\xbf\xbf", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xe2\x80",
    "a\xc3", "\xc3(", "\xf0\x9f\x98",
  };
  /* escapes that leave a lone surrogate */
  const char *escaped[] = {
    "\\ud800", "\\udc00", "\\udbff", "\\ud800\\u0041", "\\udc00\\ud800",
    "\\ud800\\ud800", "x\\ud83d", "\\ud83d\\n\\ude00",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (raw); i++)
    {
      g_autofree char *title = g_strdup_printf (HEAD ",\"title\":\"%s\"}", raw[i]);
      g_autofree char *key = g_strdup_printf (HEAD ",\"%s\":\"x\"}", raw[i]);
      g_autofree char *outside = g_strdup_printf (HEAD ",\"title\":\"x\"%s}", raw[i]);
      g_autofree char *claim = g_strdup_printf (HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"%s\"}]}",
                                                raw[i]);

      load_text_fails (title, BL_ERROR_ENCODING, PLACE_POSITION, NULL);
      load_text_fails (key, BL_ERROR_ENCODING, PLACE_POSITION, NULL);
      load_text_fails (outside, -1, PLACE_POSITION, NULL);
      load_text_fails (claim, BL_ERROR_ENCODING, PLACE_POSITION, NULL);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (escaped); i++)
    {
      g_autofree char *title = g_strdup_printf (HEAD ",\"title\":\"%s\"}", escaped[i]);
      g_autofree char *id = g_strdup_printf (HEAD ",\"actors\":[{\"id\":\"%s\",\"name\":\"n\"}]}",
                                             escaped[i]);

      load_text_fails (title, BL_ERROR_ENCODING, PLACE_POSITION, "surrogate");
      load_text_fails (id, BL_ERROR_ENCODING, PLACE_POSITION, "surrogate");
    }

  /* A proper pair is fine */
  {
    const char *pair = HEAD ",\"title\":\"\\ud83d\\ude00\"}";
    g_autoptr(BlProject) project = load_ok (pair, strlen (pair));

    g_assert_cmpstr (bl_project_get_title (project), ==, "\xf0\x9f\x98\x80");
  }
}

static void
test_project_nul (void)
{
  const char *escaped[] = {
    HEAD ",\"title\":\"a\\u0000b\"}",
    HEAD ",\"description\":\"\\u0000\"}",
    HEAD ",\"actors\":[{\"id\":\"a\\u0000\",\"name\":\"n\"}]}",
    HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\\u0000\"}]}",
    HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\",\"tags\":[\"\\u0000\"]}]}",
    HEAD ",\"sources\":[{\"id\":\"s\",\"name\":\"n\",\"url\":\"https://example.org/\\u0000.html\"}]}",
  };
  const char raw_in_string[] = HEAD ",\"title\":\"a\0b\"}";
  const char raw_outside[] = HEAD ",\0\"title\":\"a\"}";
  const char raw_key[] = HEAD ",\"ti\0tle\":\"a\"}";

  for (gsize i = 0; i < G_N_ELEMENTS (escaped); i++)
    load_text_fails (escaped[i], -1, PLACE_PATH, "NUL");

  /* A raw NUL byte is a control character: malformed JSON */
  load_fails (raw_in_string, sizeof raw_in_string - 1, BL_ERROR_SYNTAX, PLACE_POSITION, NULL);
  load_fails (raw_outside, sizeof raw_outside - 1, BL_ERROR_SYNTAX, PLACE_POSITION, NULL);
  load_fails (raw_key, sizeof raw_key - 1, BL_ERROR_SYNTAX, PLACE_POSITION, NULL);
}

static void
test_project_huge_numbers (void)
{
  const char *numbers[] = { "1e999", "-1e999", "1e309", "123456789012345678901234567890e300" };
  const char *templates[] = {
    HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\",\"location\":{\"lat\":%s,\"lon\":70}}]}",
    HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\",\"location\":{\"lat\":37,\"lon\":%s}}]}",
    HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\",\"credibility\":%s}]}",
    HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\",\"quantity\":{\"value\":%s}}]}",
    HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\",\"quantity\":{\"qualifier\":\"range\",\"min\":0,\"max\":%s}}]}",
    HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\",\"location\":{\"polygon\":[[%s,1],[2,2],[3,1],[%s,1]]}}]}",
    HEAD ",\"annotations\":[{\"id\":\"n\",\"kind\":\"text\",\"points\":[[70,37]],\"size\":%s}]}",
    HEAD ",\"annotations\":[{\"id\":\"n\",\"kind\":\"text\",\"points\":[[%s,37]]}]}",
    HEAD ",\"views\":[{\"name\":\"v\",\"bbox\":[%s,30,70,40]}]}",
    HEAD ",\"title\":%s}",
  };

  for (gsize n = 0; n < G_N_ELEMENTS (numbers); n++)
    for (gsize t = 0; t < G_N_ELEMENTS (templates); t++)
      {
        g_autofree char *text = fill_template (templates[t], numbers[n]);

        load_text_fails (text, -1, PLACE_PATH, NULL);
      }

  /* The version: any number but 1 is refused, not read as 1 */
  load_text_fails ("{\"format\":\"borderline\",\"version\":1e999}", -1, PLACE_NAME, NULL);
  load_text_fails ("{\"format\":\"borderline\",\"version\":1.0000000000000001e0}", -1, PLACE_NAME, NULL);
  load_text_fails ("{\"format\":\"borderline\",\"version\":-1e999}", -1, PLACE_NAME, NULL);
}

static void
test_project_huge_string (void)
{
  const gsize size = 64 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (size + 64);
  g_autoptr(GString) key = g_string_sized_new (size + 64);
  g_autoptr(GString) id = g_string_sized_new (size + 64);

  g_string_append (text, HEAD ",\"title\":\"");
  g_string_set_size (text, text->len + size);
  memset (text->str + text->len - size, 'a', size);
  g_string_append (text, "\"}");
  load_fails (text->str, text->len, -1, PLACE_PATH, "$.title");

  /* As a member name: the message must not quote all of it */
  g_string_append (key, HEAD ",\"");
  g_string_set_size (key, key->len + size);
  memset (key->str + key->len - size, 'k', size);
  g_string_append (key, "\":1}");
  load_fails (key->str, key->len, -1, PLACE_PATH, NULL);

  /* Long texts where a message quotes them: a term, a qualifier, an area
   * code, a URL's scheme (1 MiB, the longest a text may be) */
  {
    const char *templates[] = {
      HEAD ",\"actors\":[{\"id\":\"a\",\"name\":\"n\",\"kind\":\"%s\"}]}",
      HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\",\"quantity\":{\"qualifier\":\"%s\"}}]}",
      HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\",\"location\":{\"areas\":[\"%s\"]}}]}",
      HEAD ",\"sources\":[{\"id\":\"s\",\"name\":\"n\",\"url\":\"%s:x\"}]}",
    };
    g_autofree char *mib = g_strnfill (BL_PROJECT_MAX_TEXT - 2, 'x');

    for (gsize i = 0; i < G_N_ELEMENTS (templates); i++)
      {
        g_autofree char *input = fill_template (templates[i], mib);

        load_text_fails (input, BL_ERROR_INVALID, PLACE_PATH, NULL);
      }
  }

  /* As an id, and unterminated */
  g_string_append (id, HEAD ",\"actors\":[{\"name\":\"n\",\"id\":\"");
  g_string_set_size (id, id->len + size);
  memset (id->str + id->len - size, 'i', size);
  g_string_append (id, "\"}]}");
  load_fails (id->str, id->len, -1, PLACE_PATH, "$.actors[0].id");
  load_fails (id->str, id->len - 4, BL_ERROR_SYNTAX, PLACE_POSITION, NULL);
}

static void
test_project_coordinates (void)
{
  const struct {
    const char *location;
    const char *message;
  } cases[] = {
    { "{\"lat\":95,\"lon\":70}", "latitude 95" },
    { "{\"lat\":-95,\"lon\":70}", "latitude -95" },
    { "{\"lat\":37,\"lon\":181}", "longitude 181" },
    { "{\"lat\":37,\"lon\":-180.5}", "longitude" },
    { "{\"lat\":90.000001,\"lon\":0}", "latitude" },
    { "{\"lat\":37}", NULL },
    { "{\"lon\":70}", NULL },
    { "{\"lat\":\"37\",\"lon\":\"70\"}", NULL },
    { "{\"lat\":[37],\"lon\":70}", NULL },
    /* [latitude, longitude] for a place east of 90° E: swapped, the
     * latitude is off the globe */
    { "{\"polygon\":[[37,100],[38,100],[38,101],[37,100]]}", NULL },
    { "{\"polygon\":[[70,37,5],[71,37],[71,38],[70,37,5]]}", NULL },
    { "{\"polygon\":[[70],[71,37],[71,38],[70]]}", NULL },
  };
  const char *elsewhere[] = {
    HEAD ",\"annotations\":[{\"id\":\"n\",\"kind\":\"text\",\"points\":[[37,100]]}]}",
    HEAD ",\"annotations\":[{\"id\":\"n\",\"kind\":\"arrow\",\"points\":[[70,37],[200,37]]}]}",
    /* [south, west, north, east] instead of [west, south, east, north] */
    HEAD ",\"views\":[{\"name\":\"v\",\"bbox\":[35,100,39,60]}]}",
    HEAD ",\"views\":[{\"name\":\"v\",\"bbox\":[75,35,66,39]}]}",
    HEAD ",\"views\":[{\"name\":\"v\",\"bbox\":[66,95,75,99]}]}",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\","
                                               "\"location\":%s}]}", cases[i].location);

      load_text_fails (text, BL_ERROR_INVALID, PLACE_PATH, "$.claims[0].location");
      if (cases[i].message != NULL)
        load_text_fails (text, BL_ERROR_INVALID, PLACE_PATH, cases[i].message);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (elsewhere); i++)
    load_text_fails (elsewhere[i], BL_ERROR_INVALID, PLACE_PATH, NULL);
}

static void
test_project_polygon_rings (void)
{
  const char *rings[] = {
    "[[69,36],[71,36],[71,38],[69,38]]",              /* not closed */
    "[[69,36],[71,36],[71,38],[69,38],[69,36.000001]]",
    "[[69,36],[71,36],[69,36]]",                       /* closed, too few */
    "[[69,36],[69,36]]",
    "[[69,36]]",
    "[69,36,71,36,71,38,69,36]",                       /* flat */
    "[[[69,36],[71,36],[71,38],[69,36]]]",             /* GeoJSON nesting */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rings); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\","
                                               "\"location\":{\"polygon\":%s}}]}", rings[i]);

      load_text_fails (text, BL_ERROR_INVALID, PLACE_PATH, "$.claims[0].location");
    }

  load_text_fails (HEAD ",\"claims\":[{\"id\":\"c\",\"statement\":\"s\",\"location\":{\"polygon\":"
                   "[[69,36],[71,36],[71,38],[69,38]]}}]}",
                   BL_ERROR_INVALID, PLACE_PATH, "not closed");

  /* An area annotation needs three points */
  load_text_fails (HEAD ",\"annotations\":[{\"id\":\"n\",\"kind\":\"area\",\"points\":[[70,37],[71,37]]}]}",
                   BL_ERROR_INVALID, PLACE_PATH, "$.annotations[0]");
}

/* Every text member of the format, each holding @text (a JSON string
 * literal, quotes included); the source URL is left out */
static char *
project_with_text (const char *text)
{
  return g_strdup_printf (
    "{\n"
    "  \"format\": \"borderline\",\n"
    "  \"version\": 1,\n"
    "  \"title\": %1$s,\n"
    "  \"description\": %1$s,\n"
    "  \"actors\": [ { \"id\": \"a\", \"name\": %1$s, \"role\": %1$s, \"affiliation\": %1$s } ],\n"
    "  \"sources\": [ { \"id\": \"s\", \"name\": %1$s, \"language\": %1$s } ],\n"
    "  \"topics\": [ { \"id\": \"t\", \"title\": %1$s, \"unit\": %1$s, \"description\": %1$s } ],\n"
    "  \"claims\": [ {\n"
    "    \"id\": \"c\", \"statement\": %1$s, \"quote\": %1$s, \"claimant\": \"a\",\n"
    "    \"source\": \"s\", \"topic\": \"t\",\n"
    "    \"quantity\": { \"value\": 5, \"unit\": %1$s, \"text\": %1$s },\n"
    "    \"location\": { \"lat\": 37, \"lon\": 70, \"place\": %1$s },\n"
    "    \"tags\": [ %1$s ], \"notes\": %1$s\n"
    "  } ],\n"
    "  \"annotations\": [ { \"id\": \"n\", \"kind\": \"text\", \"text\": %1$s, \"points\": [[70, 37]] } ],\n"
    "  \"views\": [ { \"name\": %1$s, \"text\": %1$s } ]\n"
    "}\n", text);
}

static void
assert_every_text (BlProject  *project,
                   const char *expected)
{
  BlActor *actor = bl_project_get_actor (project, bl_project_find_actor (project, "a"));
  BlSource *source = bl_project_get_source (project, bl_project_find_source (project, "s"));
  BlTopic *topic = bl_project_get_topic (project, bl_project_find_topic (project, "t"));
  BlClaimStore *claims = bl_project_get_claims (project);
  GPtrArray *annotations = bl_project_get_annotations (project);
  GPtrArray *views = bl_project_get_views (project);
  const BlAnnotation *annotation;
  const BlView *view;
  BlClaimRecord record;

  g_assert_cmpstr (bl_project_get_title (project), ==, expected);
  g_assert_cmpstr (bl_project_get_description (project), ==, expected);

  g_assert_nonnull (actor);
  g_assert_cmpstr (bl_actor_get_name (actor), ==, expected);
  g_assert_cmpstr (bl_actor_get_role (actor), ==, expected);
  g_assert_cmpstr (bl_actor_get_affiliation (actor), ==, expected);

  g_assert_nonnull (source);
  g_assert_cmpstr (bl_source_get_name (source), ==, expected);
  g_assert_cmpstr (bl_source_get_language (source), ==, expected);

  g_assert_nonnull (topic);
  g_assert_cmpstr (bl_topic_get_title (topic), ==, expected);
  g_assert_cmpstr (bl_topic_get_unit (topic), ==, expected);
  g_assert_cmpstr (bl_topic_get_description (topic), ==, expected);

  g_assert_cmpuint (bl_claim_store_get_n_claims (claims), ==, 1);
  bl_claim_record_init (&record);
  bl_claim_store_get_record (claims, 0, &record);
  g_assert_cmpstr (record.statement, ==, expected);
  g_assert_cmpstr (record.quote, ==, expected);
  g_assert_cmpstr (record.notes, ==, expected);
  g_assert_cmpstr (record.place, ==, expected);
  g_assert_nonnull (record.tags);
  g_assert_cmpstr (record.tags[0], ==, expected);
  g_assert_null (record.tags[1]);
  g_assert_nonnull (record.quantity);
  g_assert_cmpstr (record.quantity->unit, ==, expected);
  g_assert_cmpstr (record.quantity->text, ==, expected);

  g_assert_cmpuint (annotations->len, ==, 1);
  annotation = g_ptr_array_index (annotations, 0);
  g_assert_cmpstr (annotation->text, ==, expected);

  g_assert_cmpuint (views->len, ==, 1);
  view = g_ptr_array_index (views, 0);
  g_assert_cmpstr (view->name, ==, expected);
  g_assert_cmpstr (view->text, ==, expected);
}

static void
test_project_markup (void)
{
  /* Markup is text: it loads, comes back byte for byte, and is written
   * back the same way */
  const struct {
    const char *json;
    const char *text;
  } cases[] = {
    { "\"" MARKUP "\"", MARKUP },
    { "\"\\u003cb\\u003ex\\u003c/b\\u003e \\u0026 \\u003cspan foreground='red'\\u003e\"", MARKUP },
    { "\"<script>alert(1)</script>\"", "<script>alert(1)</script>" },
    { "\"javascript:alert(document.cookie)\"", "javascript:alert(document.cookie)" },
    { "\"&lt;b&gt; &amp; &#x3c; <![CDATA[x]]> <!-- c -->\"", "&lt;b&gt; &amp; &#x3c; <![CDATA[x]]> <!-- c -->" },
    { "\"%s%n%x {0} ${x} \\u202e\\u200b\"", "%s%n%x {0} ${x} \xe2\x80\xae\xe2\x80\x8b" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = project_with_text (cases[i].json);
      g_autoptr(BlProject) project = load_ok (text, strlen (text));
      g_autoptr(BlProject) again = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      assert_every_text (project, cases[i].text);

      bytes = bl_project_to_bytes (project, NULL, &error);
      g_assert_no_error (error);
      again = load_ok (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      assert_every_text (again, cases[i].text);
    }
}

static void
test_project_javascript_url (void)
{
  const char *urls[] = {
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(document.domain)",
    " javascript:alert(1)",
    "javascript://example.org/%0aalert(1)",
    "java\\tscript:alert(1)",
    "java\\nscript:alert(1)",
    "\\u006aavascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "ftp://example.org/",
    "//example.org/",
    "https://",
    "http:example.org",
    "<b>https://example.org</b>",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autofree char *text = g_strdup_printf (HEAD ",\"sources\":[{\"id\":\"s\",\"name\":\"n\",\"url\":\"%s\"}]}",
                                               urls[i]);

      load_text_fails (text, BL_ERROR_INVALID, PLACE_PATH, "$.sources[0].url");
    }

  /* And in the second source, among good ones */
  load_text_fails (HEAD ",\"sources\":[{\"id\":\"s\",\"name\":\"n\",\"url\":\"https://example.org/a\"},"
                   "{\"id\":\"t\",\"name\":\"n\",\"url\":\"javascript:alert(1)\"}]}",
                   BL_ERROR_INVALID, PLACE_PATH, "$.sources[1].url");
}

/* }}} */

/* Dates and quantities {{{ */

static void
test_text_parsers (void)
{
  const char *inputs[] = {
    "\xff", "\xed\xa0\x80", "2023-\xc0\xaf", "\xef\xbb\xbf" "2023", "\xef\xbb\xbf",
    "", " ", "\t\n", MARKUP, "<b>2023</b>", "javascript:alert(1)", "1e999", "-1e999",
    "2023-02-14/2023-02-14/2023", "99999-01-01", "0000", "2023-02-30", "2023-00",
    "1e999 fighters", "between 1e999 and 2e999", "9999999999999999999999999999",
    "\xe2\x80\xae" "2023", "2023\xe2\x80\x8b",
  };
  g_autofree char *long_text = g_strnfill (64 * 1024 * 1024, '1');
  g_autofree char *deep = g_strnfill (100000, '(');

  for (gsize i = 0; i < G_N_ELEMENTS (inputs) + 2; i++)
    {
      const char *text = i < G_N_ELEMENTS (inputs) ? inputs[i] :
                         i == G_N_ELEMENTS (inputs) ? long_text : deep;
      g_autoptr(GError) error = NULL;
      g_auto(BlQuantity) quantity = BL_QUANTITY_INIT;
      BlDate date;

      if (!bl_date_parse (text, &date, &error))
        assert_message (error, NULL);
      else
        g_assert_true (bl_date_is_valid (&date));
      g_clear_error (&error);

      if (!bl_date_parse_human (text, &date, &error))
        assert_message (error, NULL);
      else
        g_assert_true (bl_date_is_valid (&date));
      g_clear_error (&error);

      if (!bl_quantity_parse_human (text, &quantity, &error))
        assert_message (error, NULL);
      else
        g_assert_true (bl_quantity_validate (&quantity, NULL));
    }
}

/* }}} */

/* Basemap data {{{ */

static void
basemap_fails (const void *data,
               gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(BlBasemapData) basemap = NULL;
  g_autoptr(GError) error = NULL;

  basemap = bl_basemap_data_new_from_bytes (bytes, &error);
  g_assert_null (basemap);
  g_assert_error (error, BL_ERROR, error->code);
  assert_message (error, NULL);
}

static void
test_basemap (void)
{
  const char *source_dir = g_getenv ("BL_SOURCE_DIR");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  basemap_fails ("", 0);
  basemap_fails (" \n", 2);
  basemap_fails ("\xef\xbb\xbf", 3);
  basemap_fails ("BLBASEMP", 8);
  basemap_fails ("{\"format\":\"borderline\",\"version\":1}", 35);

#ifdef BL_SOURCE_DIR
  if (source_dir == NULL || *source_dir == '\0')
    source_dir = BL_SOURCE_DIR;
#endif
  path = g_build_filename (source_dir, "data", "basemap", "basemap.bin", NULL);
  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  /* Truncated anywhere: the header states the size */
  for (gsize cut = 0; cut < len; cut += cut < 4096 ? 1 : 4093)
    basemap_fails (contents, cut);

  /* A BOM before it */
  {
    g_autofree char *with_bom = g_malloc (len + 3);

    memcpy (with_bom, "\xef\xbb\xbf", 3);
    memcpy (with_bom + 3, contents, len);
    basemap_fails (with_bom, len + 3);
  }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/project/deep-nesting", test_project_deep_nesting);
  g_test_add_func ("/hostile/project/empty", test_project_empty);
  g_test_add_func ("/hostile/project/bom", test_project_bom);
  g_test_add_func ("/hostile/project/truncated", test_project_truncated);
  g_test_add_func ("/hostile/project/invalid-utf8", test_project_invalid_utf8);
  g_test_add_func ("/hostile/project/nul", test_project_nul);
  g_test_add_func ("/hostile/project/huge-numbers", test_project_huge_numbers);
  g_test_add_func ("/hostile/project/huge-string", test_project_huge_string);
  g_test_add_func ("/hostile/project/coordinates", test_project_coordinates);
  g_test_add_func ("/hostile/project/polygon-rings", test_project_polygon_rings);
  g_test_add_func ("/hostile/project/markup", test_project_markup);
  g_test_add_func ("/hostile/project/javascript-url", test_project_javascript_url);
  g_test_add_func ("/hostile/text-parsers", test_text_parsers);
  g_test_add_func ("/hostile/basemap", test_basemap);

  return g_test_run ();
}
