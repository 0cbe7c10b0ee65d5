/* fuzz-targets.h — the bodies of Borderline's fuzz targets
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fuzz target is one static function here, taking the bytes of one
 * input. The libFuzzer programs (fuzz-<target>.c, built by build-aux/fuzz
 * with clang) are one-line wrappers around them, and
 * tests/test-fuzz-regressions.c (built by meson with any compiler, no
 * libFuzzer) runs the saved crashers through exactly the same functions:
 * that is how every crash found becomes a regression test.
 *
 * A target returns 0. It must not print anything, keep anything between
 * inputs or leak. It checks what the parser documents (round trips,
 * valid UTF-8 out, messages that name the input) and calls
 * bl_fuzz_fail(), which aborts, when a promise is broken: libFuzzer and
 * the sanitizers then report it like any other crash.
 *
 * To add a target: write its function below, add it to bl_fuzz_targets[]
 * at the end, add a two-line tests/fuzz/fuzz-<name>.c, a seeds folder, and
 * its name to build-aux/fuzz.
 *
 * Targets for parsers that are not yet in the core library (the core's
 * meson.build) are compiled only when BL_FUZZ_<TARGET> is defined:
 * build-aux/fuzz defines it when the parser's source is listed there, and
 * the meson build of test-fuzz-regressions must define it too once it is.
 * Without it the target's entry has no function, and its regressions are
 * skipped.
 */
#pragma once

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "bl-basemap-data.h"
#ifdef BL_FUZZ_CSV_READER
#include "bl-csv-reader.h"
#endif
#include "bl-date.h"
#include "bl-error.h"
#ifdef BL_FUZZ_FEED
#include "bl-feed.h"
#include "bl-http.h"
#endif
#ifdef BL_FUZZ_IMPORT
#include "bl-format.h"
#endif
#include "bl-json-reader.h"
#include "bl-project-io.h"
#include "bl-quantity.h"

/* The name inputs are given in messages */
#define BL_FUZZ_NAME "fuzz-input"

typedef int (*BlFuzzFunc) (const uint8_t *data,
                           size_t         size);

typedef struct {
  const char *name;      /* the target, as in tests/fuzz/regressions/<name>/ */
  BlFuzzFunc  func;
} BlFuzzTarget;

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void
bl_fuzz_fail (const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  fputs ("fuzz target: broken promise: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}

/* Inputs to the text parsers are C strings: stop at the first NUL, as a
 * caller holding a C string would. */
static char *
bl_fuzz_dup_text (const uint8_t *data,
                  size_t         size)
{
  return g_strndup ((const char *) data, size);
}

/* Valid UTF-8 where NUL bytes (from "\u0000") are allowed */
static gboolean
bl_fuzz_utf8_valid_with_nuls (const char *s,
                              gsize       len)
{
  const char *end = s + len;

  while (s < end)
    {
      const char *nul = memchr (s, '\0', end - s);
      const char *stop = nul != NULL ? nul : end;

      if (!g_utf8_validate_len (s, stop - s, NULL))
        return FALSE;
      s = nul != NULL ? nul + 1 : end;
    }
  return TRUE;
}

/* A message for people: UTF-8, and it says which file */
static void
bl_fuzz_check_message (const GError *error,
                       const char   *name)
{
  if (error == NULL || error->message == NULL)
    bl_fuzz_fail ("failed without an error");
  if (!g_utf8_validate (error->message, -1, NULL))
    bl_fuzz_fail ("the message is not valid UTF-8");
  if (name != NULL && !g_str_has_prefix (error->message, name))
    bl_fuzz_fail ("the message does not name the input: %s", error->message);
}

/* JSON reader {{{ */

/* Reads the whole document token by token, checking every token; returns
 * whether it was well-formed. */
static gboolean
json_read_all (const uint8_t *data,
               size_t         size,
               guint          max_depth)
{
  g_autoptr(BlJsonReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  BlJsonToken token;

  reader = bl_json_reader_new ((const char *) data, size, BL_FUZZ_NAME);
  bl_json_reader_set_max_depth (reader, max_depth);

  do
    {
      token = bl_json_reader_next (reader, &error);

      if (bl_json_reader_get_depth (reader) > max_depth)
        bl_fuzz_fail ("depth %u beyond the maximum %u",
                      bl_json_reader_get_depth (reader), max_depth);
      if (bl_json_reader_get_offset (reader) > size)
        bl_fuzz_fail ("offset beyond the input");

      switch (token)
        {
        case BL_JSON_TOKEN_KEY:
        case BL_JSON_TOKEN_STRING:
          {
            gsize len = 0;
            const char *s = bl_json_reader_get_string (reader, &len);

            if (s == NULL)
              bl_fuzz_fail ("a string token without a string");
            if (!bl_fuzz_utf8_valid_with_nuls (s, len))
              bl_fuzz_fail ("a string handed out is not valid UTF-8");
            if (s[len] != '\0')
              bl_fuzz_fail ("a string handed out is not NUL-terminated");
          }
          break;

        case BL_JSON_TOKEN_NUMBER:
          {
            gsize len = 0;
            const char *text = bl_json_reader_get_number_text (reader, &len);
            gint64 i;
            double d;

            if (text == NULL || len == 0)
              bl_fuzz_fail ("a number token without text");
            d = bl_json_reader_get_double (reader);
            if (bl_json_reader_get_int64 (reader, &i) &&
                i > -(G_GINT64_CONSTANT (1) << 53) && i < (G_GINT64_CONSTANT (1) << 53) &&
                d != (double) i)
              bl_fuzz_fail ("the number %.*s reads as the integer %" G_GINT64_FORMAT
                            " but as the double %.17g", (int) len, text, i, d);
          }
          break;

        case BL_JSON_TOKEN_ERROR:
          bl_fuzz_check_message (error, BL_FUZZ_NAME);
          if (bl_json_reader_next (reader, NULL) != BL_JSON_TOKEN_ERROR)
            bl_fuzz_fail ("the reader went on after an error");
          break;

        default:
          break;
        }
    }
  while (token != BL_JSON_TOKEN_END && token != BL_JSON_TOKEN_ERROR);

  if (token == BL_JSON_TOKEN_END && error != NULL)
    bl_fuzz_fail ("an error was set at the end of a good document");

  return token == BL_JSON_TOKEN_END;
}

/* Reads the first token, skips its value, and expects the end */
static gboolean
json_skip_all (const uint8_t *data,
               size_t         size,
               guint          max_depth)
{
  g_autoptr(BlJsonReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  BlJsonToken token;

  reader = bl_json_reader_new ((const char *) data, size, BL_FUZZ_NAME);
  bl_json_reader_set_max_depth (reader, max_depth);

  token = bl_json_reader_next (reader, &error);
  if (token == BL_JSON_TOKEN_ERROR)
    {
      bl_fuzz_check_message (error, BL_FUZZ_NAME);
      return FALSE;
    }
  if (!bl_json_reader_skip (reader, &error))
    {
      bl_fuzz_check_message (error, BL_FUZZ_NAME);
      return FALSE;
    }
  token = bl_json_reader_next (reader, &error);
  if (token == BL_JSON_TOKEN_ERROR)
    bl_fuzz_check_message (error, BL_FUZZ_NAME);

  return token == BL_JSON_TOKEN_END;
}

static int
bl_fuzz_json_reader (const uint8_t *data,
                     size_t         size)
{
  /* An exact copy, so that the sanitizers see any read past the end */
  g_autofree uint8_t *copy = g_malloc (MAX (size, 1));
  gboolean read_ok, skip_ok;

  if (size > 0)
    memcpy (copy, data, size);

  read_ok = json_read_all (copy, size, BL_JSON_READER_DEFAULT_MAX_DEPTH);
  skip_ok = json_skip_all (copy, size, BL_JSON_READER_DEFAULT_MAX_DEPTH);
  if (read_ok != skip_ok)
    bl_fuzz_fail ("reading token by token %s the document, skipping it %s it",
                  read_ok ? "accepts" : "rejects", skip_ok ? "accepts" : "rejects");

  /* A shallow limit, to reach the depth checks cheaply */
  json_read_all (copy, size, 4);

  return 0;
}

/* }}} */

/* Project files {{{ */

static void
project_progress_cb (double   fraction,
                     gpointer user_data)
{
  double *last = user_data;

  if (!(fraction >= 0.0 && fraction <= 1.0))
    bl_fuzz_fail ("progress %g outside 0..1", fraction);
  *last = fraction;
}

static int
bl_fuzz_project (const uint8_t *data,
                 size_t         size)
{
  g_autofree uint8_t *copy = g_memdup2 (data, size);
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlProject) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  double last = 0.0;

  project = bl_project_load_from_data ((const char *) copy, size, BL_FUZZ_NAME,
                                       NULL, project_progress_cb, &last, &error);
  if (project == NULL)
    {
      bl_fuzz_check_message (error, BL_FUZZ_NAME);
      return 0;
    }
  if (error != NULL)
    bl_fuzz_fail ("a project loaded with an error set");

  /* What was read can be written, and what is written reads back to a
   * project that writes the same bytes. */
  bytes = bl_project_to_bytes (project, NULL, &error);
  if (bytes == NULL)
    bl_fuzz_fail ("a project that loads cannot be written: %s", error->message);

  again = bl_project_load_from_data (g_bytes_get_data (bytes, NULL),
                                     g_bytes_get_size (bytes),
                                     BL_FUZZ_NAME, NULL, NULL, NULL, &error);
  if (again == NULL)
    bl_fuzz_fail ("a project as written does not load again: %s", error->message);

  bytes_again = bl_project_to_bytes (again, NULL, &error);
  if (bytes_again == NULL)
    bl_fuzz_fail ("a project read back cannot be written: %s", error->message);
  if (!g_bytes_equal (bytes, bytes_again))
    bl_fuzz_fail ("a project read back is written differently");

  return 0;
}

/* }}} */

/* Dates {{{ */

/* parse (to_string (d)) == d, and the human parser reads the canonical form
 * to the same date too */
static void
date_check_round_trip (const BlDate *date,
                       const char   *from)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  BlDate again;
  gint32 first, last;

  if (!bl_date_is_valid (date))
    bl_fuzz_fail ("%s gives an invalid date", from);

  text = bl_date_to_string (date);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    bl_fuzz_fail ("to_string of a date from %s is not text", from);

  if (!bl_date_parse (text, &again, &error))
    bl_fuzz_fail ("“%s” from %s does not parse: %s", text, from, error->message);
  if (!bl_date_equal (date, &again) || bl_date_compare (date, &again) != 0)
    bl_fuzz_fail ("“%s” from %s parses to another date", text, from);

  if (!bl_date_parse_human (text, &again, &error))
    bl_fuzz_fail ("“%s” from %s does not parse as human text: %s", text, from, error->message);
  if (!bl_date_equal (date, &again))
    bl_fuzz_fail ("“%s” from %s parses as human text to another date", text, from);

  shown = bl_date_format (date);
  if (shown == NULL || !g_utf8_validate (shown, -1, NULL))
    bl_fuzz_fail ("format of “%s” is not text", text);

  bl_date_get_nominal_range (date, &first, &last);
  if (first > last || date->first_day > first || date->last_day < last)
    bl_fuzz_fail ("the nominal range of “%s” is not inside its range", text);
  if (!bl_date_overlaps (date, first, last))
    bl_fuzz_fail ("“%s” does not overlap its own nominal range", text);
}

static int
bl_fuzz_date (const uint8_t *data,
              size_t         size)
{
  g_autofree char *text = bl_fuzz_dup_text (data, size);
  g_autoptr(GError) error = NULL;
  BlDate date;

  if (bl_date_parse (text, &date, &error))
    {
      g_autofree char *canonical = bl_date_to_string (&date);

      date_check_round_trip (&date, "bl_date_parse");
      /* to_string (parse (s)) == s for the canonical forms, except the
       * spelling "unknown" of the empty text */
      if (strcmp (canonical, text) != 0 &&
          !(canonical[0] == '\0' && strcmp (text, "unknown") == 0))
        bl_fuzz_fail ("“%s” parses but is written back as “%s”", text, canonical);
    }
  else
    bl_fuzz_check_message (error, NULL);
  g_clear_error (&error);

  if (bl_date_parse_human (text, &date, &error))
    date_check_round_trip (&date, "bl_date_parse_human");
  else
    bl_fuzz_check_message (error, NULL);

  return 0;
}

/* }}} */

/* Quantities {{{ */

/* Whether bl_quantity_to_string() promises a round trip for @q: "as long
 * as the unit does not itself start with “of”, a digit or punctuation" */
static gboolean
quantity_round_trip_promised (const BlQuantity *q)
{
  gunichar first;

  if (q->unit == NULL)
    return TRUE;
  if (g_ascii_strncasecmp (q->unit, "of", 2) == 0)
    return FALSE;
  first = g_utf8_get_char (q->unit);
  return !(g_unichar_isdigit (first) || g_unichar_ispunct (first));
}

static int
bl_fuzz_quantity (const uint8_t *data,
                  size_t         size)
{
  g_autofree char *text = bl_fuzz_dup_text (data, size);
  g_autofree char *canonical = NULL;
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(BlQuantity) q = BL_QUANTITY_INIT;
  g_auto(BlQuantity) again = BL_QUANTITY_INIT;
  double min, max;

  if (!bl_quantity_parse_human (text, &q, &error))
    {
      bl_fuzz_check_message (error, NULL);
      return 0;
    }

  if (!bl_quantity_validate (&q, &error))
    bl_fuzz_fail ("“%s” parses to an invalid quantity: %s", text, error->message);
  if (q.text == NULL || !g_utf8_validate (q.text, -1, NULL))
    bl_fuzz_fail ("“%s” parses without its text", text);

  if (bl_quantity_get_range (&q, &min, &max) && !(min <= max))
    bl_fuzz_fail ("“%s” has the range %g..%g", text, min, max);

  shown = bl_quantity_format (&q);
  if (shown == NULL || !g_utf8_validate (shown, -1, NULL))
    bl_fuzz_fail ("format of “%s” is not text", text);

  canonical = bl_quantity_to_string (&q);
  if (canonical == NULL || !g_utf8_validate (canonical, -1, NULL))
    bl_fuzz_fail ("to_string of “%s” is not text", text);

  if (quantity_round_trip_promised (&q))
    {
      if (!bl_quantity_parse_human (canonical, &again, &error))
        bl_fuzz_fail ("“%s” is written as “%s”, which does not parse: %s",
                      text, canonical, error->message);
      if (!bl_quantity_equal (&q, &again))
        bl_fuzz_fail ("“%s” is written as “%s”, which parses to another quantity",
                      text, canonical);
    }

  return 0;
}

/* }}} */

/* Basemap data {{{ */

static int
bl_fuzz_basemap_data (const uint8_t *data,
                      size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(BlBasemapData) basemap = NULL;
  g_autoptr(GError) error = NULL;
  BlBasemapBBox region;
  guint n_features, n_bands;

  basemap = bl_basemap_data_new_from_bytes (bytes, &error);
  if (basemap == NULL)
    {
      bl_fuzz_check_message (error, NULL);
      return 0;
    }

  /* Everything was validated when it loaded: walking it all must be safe */
  bl_basemap_data_get_region (basemap, &region);
  n_bands = bl_basemap_data_get_n_bands (basemap);
  if (n_bands > BL_BASEMAP_MAX_BANDS)
    bl_fuzz_fail ("%u bands", n_bands);
  for (guint b = 0; b < n_bands; b++)
    {
      guint min_zoom, max_zoom;

      bl_basemap_data_get_band_zoom_range (basemap, b, &min_zoom, &max_zoom);
    }
  for (double zoom = 0; zoom <= 20; zoom += 0.5)
    if (n_bands > 0 && bl_basemap_data_get_band_for_zoom (basemap, zoom) >= n_bands)
      bl_fuzz_fail ("no band for zoom %g", zoom);

  n_features = bl_basemap_data_get_n_features (basemap);
  for (guint i = 0; i < n_features; i++)
    {
      const BlBasemapFeature *f = bl_basemap_data_get_feature (basemap, i);
      const char *strings[] = { f->code, f->name, f->name_alt, f->name_ru,
                                f->name_fa, f->parent, f->admin };

      for (guint s = 0; s < G_N_ELEMENTS (strings); s++)
        if (strings[s] == NULL || !g_utf8_validate (strings[s], -1, NULL))
          bl_fuzz_fail ("feature %u: string %u is not UTF-8", i, s);

      if (bl_basemap_data_lookup (basemap, f->layer, f->code) == NULL)
        bl_fuzz_fail ("feature %u: its code does not find it", i);

      for (guint b = 0; b < n_bands; b++)
        {
          guint n_parts = bl_basemap_feature_get_n_parts (basemap, f, b);

          for (guint p = 0; p < n_parts; p++)
            {
              const gint32 *points;
              g_autofree double *lonlat = NULL;
              gsize n_points = 0;
              gint64 sum = 0;

              points = bl_basemap_feature_get_part (basemap, f, b, p, &n_points);
              for (gsize k = 0; k < 2 * n_points; k++)
                sum += points[k];
              (void) sum;

              lonlat = bl_basemap_feature_dup_part_lonlat (basemap, f, b, p, &n_points);
              for (gsize k = 0; k < n_points; k++)
                if (!(fabs (lonlat[2 * k]) <= 180.0 && fabs (lonlat[2 * k + 1]) <= 90.0))
                  bl_fuzz_fail ("feature %u: a point off the globe", i);
            }
        }
    }

  for (int layer = BL_BASEMAP_LAYER_COUNTRY; layer <= BL_BASEMAP_LAYER_PLACE; layer++)
    {
      guint n = 0;

      bl_basemap_data_get_layer (basemap, layer, &n);
      if (n > n_features)
        bl_fuzz_fail ("layer %d has %u of %u features", layer, n, n_features);
    }
  bl_basemap_data_lookup_province (basemap, "AF-KDZ");

  return 0;
}

/* }}} */

/* CSV reader {{{ */

#ifdef BL_FUZZ_CSV_READER
/* Reads every row with the given limits, checking each; returns the rows */
static guint
csv_read_all (const char *data,
              size_t      size,
              guint       max_fields,
              gsize       max_field_size)
{
  g_autoptr(BlCsvReader) reader = bl_csv_reader_new (data, size, BL_FUZZ_NAME);
  guint rows = 0, last_line = 0;
  gsize last_offset = 0;
  BlCsvStatus status;

  if (max_fields > 0)
    bl_csv_reader_set_max_fields (reader, max_fields);
  if (max_field_size > 0)
    bl_csv_reader_set_max_field_size (reader, max_field_size);

  for (gsize calls = 0;; calls++)
    {
      g_autoptr(GError) error = NULL;
      guint n_fields;

      /* Each row or bad row takes at least one byte */
      if (calls > size + 1)
        bl_fuzz_fail ("the reader does not get to the end");

      status = bl_csv_reader_next_row (reader, &error);
      if (status == BL_CSV_END)
        break;

      if (bl_csv_reader_get_line (reader) < last_line)
        bl_fuzz_fail ("line %u after line %u", bl_csv_reader_get_line (reader), last_line);
      last_line = bl_csv_reader_get_line (reader);
      if (bl_csv_reader_get_offset (reader) > size || bl_csv_reader_get_offset (reader) < last_offset)
        bl_fuzz_fail ("offset %" G_GSIZE_FORMAT " out of order", bl_csv_reader_get_offset (reader));
      last_offset = bl_csv_reader_get_offset (reader);

      if (status == BL_CSV_BAD_ROW)
        {
          bl_fuzz_check_message (error, BL_FUZZ_NAME);
          continue;
        }
      if (status != BL_CSV_ROW)
        bl_fuzz_fail ("unknown status %d", status);
      if (error != NULL)
        bl_fuzz_fail ("a good row with an error set");

      rows++;
      n_fields = bl_csv_reader_get_n_fields (reader);
      if (n_fields == 0)
        bl_fuzz_fail ("a row of no fields");
      if (max_fields > 0 && n_fields > max_fields)
        bl_fuzz_fail ("%u fields, more than the maximum %u", n_fields, max_fields);

      for (guint i = 0; i < n_fields; i++)
        {
          gsize len = G_MAXSIZE;
          const char *field = bl_csv_reader_get_field (reader, i, &len);

          if (field == NULL || len > size)
            bl_fuzz_fail ("field %u of a row is missing", i);
          if (field[len] != '\0')
            bl_fuzz_fail ("field %u is not NUL-terminated", i);
          if (max_field_size > 0 && len > max_field_size)
            bl_fuzz_fail ("a field of %" G_GSIZE_FORMAT " bytes, more than the maximum", len);
        }
    }

  return rows;
}

static int
bl_fuzz_csv_reader (const uint8_t *data,
                    size_t         size)
{
  /* An exact copy, so that the sanitizers see any read past the end */
  g_autofree char *copy = g_malloc (MAX (size, 1));

  if (size > 0)
    memcpy (copy, data, size);

  csv_read_all (copy, size, 0, 0);
  /* Small limits, to reach the paths that skip rows */
  csv_read_all (copy, size, 3, 8);

  return 0;
}
#endif

/* }}} */

/* Import: GeoJSON, CSV, ACLED {{{ */

#ifdef BL_FUZZ_IMPORT
static void
import_as (const char *data,
           size_t      size,
           BlFormat    format)
{
  g_autoptr(BlImportReport) report = NULL;
  g_autoptr(BlProject) project = NULL;
  g_autoptr(BlProject) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  BlImportOptions options;

  bl_import_options_init (&options);
  options.max_listed = 20;
  project = bl_import_data (data, size, BL_FUZZ_NAME, format, &options, &report, NULL, &error);

  if (report != NULL)
    {
      guint n = bl_import_report_get_n_listed (report);
      g_autofree char *text = NULL;

      if (n > 20)
        bl_fuzz_fail ("the report lists %u problems, more than the 20 asked for", n);
      for (guint i = 0; i < n; i++)
        {
          const char *message = bl_import_report_get_message (report, i);

          if (message == NULL || !g_utf8_validate (message, -1, NULL))
            bl_fuzz_fail ("problem %u of the report is not text", i);
          if (strlen (message) > 64 * 1024)
            bl_fuzz_fail ("problem %u of the report is %" G_GSIZE_FORMAT " bytes long", i, strlen (message));
        }
      text = bl_import_report_to_string (report);
      if (text == NULL || !g_utf8_validate (text, -1, NULL))
        bl_fuzz_fail ("the report is not text");
    }

  if (project == NULL)
    {
      bl_fuzz_check_message (error, BL_FUZZ_NAME);
      return;
    }

  /* What was imported is a valid project: it saves and loads again */
  bytes = bl_project_to_bytes (project, NULL, &error);
  if (bytes == NULL)
    bl_fuzz_fail ("an imported project cannot be written: %s", error->message);
  again = bl_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     BL_FUZZ_NAME, NULL, NULL, NULL, &error);
  if (again == NULL)
    bl_fuzz_fail ("an imported project, saved, does not load: %s", error->message);
}

static int
bl_fuzz_import (const uint8_t *data,
                size_t         size)
{
  g_autofree char *copy = g_malloc (MAX (size, 1));

  if (size > 0)
    memcpy (copy, data, size);

  import_as (copy, size, BL_FORMAT_GEOJSON);
  import_as (copy, size, BL_FORMAT_CSV);
  import_as (copy, size, BL_FORMAT_ACLED_CSV);

  return 0;
}
#endif

/* }}} */

/* Feed responses {{{ */

#ifdef BL_FUZZ_FEED
/* The project a refresh merges into: claims made here, one of them with
 * an id feeds often use ("k-1", "geojson-1", "csv-1") */
static const char feed_local_project[] =
  "{\"format\":\"borderline\",\"version\":1,\"title\":\"Local\","
  "\"actors\":[{\"id\":\"a-1\",\"name\":\"Anatoly Sidorov\"},{\"id\":\"a-2\",\"name\":\"Local analyst\"}],"
  "\"sources\":[{\"id\":\"s-1\",\"name\":\"Tajik Herald\",\"url\":\"https://example.org/a\"}],"
  "\"topics\":[{\"id\":\"t-1\",\"title\":\"ISIS-K fighters\"}],"
  "\"claims\":["
  "{\"id\":\"k-1\",\"statement\":\"4,000 fighters near the border\",\"claimant\":\"a-1\",\"source\":\"s-1\","
  "\"said-on\":\"2023-05-25\",\"topic\":\"t-1\",\"quantity\":{\"value\":4000,\"unit\":\"fighters\"},"
  "\"location\":{\"lat\":36.73,\"lon\":68.86,\"precision\":\"exact\"},\"tags\":[\"local\"]},"
  "{\"id\":\"geojson-1\",\"statement\":\"Edited here\",\"claimant\":\"a-2\",\"said-on\":\"2023\"},"
  "{\"id\":\"csv-1\",\"statement\":\"Row one, edited here\",\"claimant\":\"a-2\",\"said-on\":\"2023-02\","
  "\"location\":{\"areas\":[\"AF\"]}}"
  "]}";

/* An input is an HTTP answer: header lines ("Content-Type: text/csv",
 * "ETag", "Last-Modified", "Content-Encoding", and "Name", the last part
 * of the feed's address), a blank line, then the body as it came. An
 * input that does not start with a header line is all body. */
static const uint8_t *
feed_split_headers (const uint8_t      *data,
                    size_t              size,
                    SoupMessageHeaders *headers,
                    char              **name)
{
  const uint8_t *end = data + size;
  const uint8_t *p = data;

  while (p < end)
    {
      const uint8_t *eol = memchr (p, '\n', end - p);
      const uint8_t *colon;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (eol == NULL)
        return data;                  /* no blank line: all body */
      if (eol == p)
        return p + 1;                 /* the blank line */
      colon = memchr (p, ':', eol - p);
      if (colon == NULL || colon == p)
        return data;
      for (const uint8_t *k = p; k < colon; k++)
        if (!g_ascii_isalpha (*k) && *k != '-')
          return data;

      key = g_strndup ((const char *) p, colon - p);
      /* CRLF lines too; a value cannot hold a line break */
      value = g_strstrip (g_strndup ((const char *) colon + 1, eol - colon - 1));
      if (strpbrk (value, "\r\n") != NULL)
        return data;
      if (g_ascii_strcasecmp (key, "Name") == 0)
        {
          g_free (*name);
          *name = g_steal_pointer (&value);
        }
      else if (g_utf8_validate (value, -1, NULL))
        soup_message_headers_append (headers, key, value);
      p = eol + 1;
    }
  return data;
}

/* Whether a claim is the feed's */
static gboolean
feed_claim_is_tagged (const BlClaimRecord *r,
                      const char          *tag)
{
  return r->tags != NULL && g_strv_contains (r->tags, tag);
}

/* id → fingerprint of every claim of @project */
static GHashTable *
feed_fingerprints (BlProject *project)
{
  BlClaimStore *store = bl_project_get_claims (project);
  GHashTable *prints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < bl_claim_store_get_n_claims (store); i++)
    {
      BlClaimRecord r;

      bl_claim_store_get_record (store, i, &r);
      g_hash_table_replace (prints, g_strdup (r.id), bl_merge_fingerprint (project, &r));
    }
  return prints;
}

static int
bl_fuzz_feed (const uint8_t *data,
              size_t         size)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(BlProject) into = NULL;
  g_autoptr(BlHistory) history = NULL;
  g_autoptr(BlFeed) feed = NULL;
  g_autoptr(BlHttpBody) body = NULL;
  g_autoptr(GBytes) inflated = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GHashTable) prints_before = NULL;
  g_autoptr(GHashTable) prints_after = NULL;
  g_autoptr(BlMergeReport) report = NULL;
  g_autoptr(BlMergeReport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup ("claims");
  g_autofree char *tag = NULL;
  BlFeedResponse response = { NULL, };
  const uint8_t *start, *end = data + size;
  BlClaimStore *store;

  into = bl_project_load_from_data (feed_local_project, strlen (feed_local_project), "local",
                                    NULL, NULL, NULL, &error);
  if (into == NULL)
    bl_fuzz_fail ("the local project does not load: %s", error->message);
  history = bl_history_new (into);
  feed = bl_feed_new ("https://feeds.example.org/claims", "Test feed", &error);
  if (feed == NULL)
    bl_fuzz_fail ("no feed: %s", error->message);
  tag = bl_feed_get_tag (feed);
  before = bl_project_to_bytes (into, NULL, &error);
  if (before == NULL)
    bl_fuzz_fail ("the local project cannot be written: %s", error->message);
  prints_before = feed_fingerprints (into);

  /* the headers, and the body counted and inflated in chunks, as bl-http.c
   * does while it downloads (a small cap, so that bombs are cheap) */
  start = feed_split_headers (data, size, headers, &name);
  body = bl_http_body_new (soup_message_headers_get_one (headers, "Content-Encoding"), TRUE,
                           256 * 1024, &error);
  if (body == NULL)
    return 0;
  for (const uint8_t *p = start; p < end; p += MIN ((size_t) (end - p), 997))
    if (!bl_http_body_append (body, p, MIN ((size_t) (end - p), 997), &error))
      return 0;
  inflated = bl_http_body_finish (body, &error);
  if (inflated == NULL)
    return 0;

  bl_feed_response_set_headers (&response, headers);
  response.body = inflated;
  response.display_name = name;

  if (!bl_feed_apply_response (feed, into, history, &response, &report, &error))
    {
      if (error == NULL || !g_utf8_validate (error->message, -1, NULL))
        bl_fuzz_fail ("a refresh failed without a message in UTF-8");
      after = bl_project_to_bytes (into, NULL, NULL);
      if (after == NULL || !g_bytes_equal (before, after))
        bl_fuzz_fail ("a refresh that failed (%s) changed the project", error->message);
      if (bl_feed_get_etag (feed) != NULL || bl_feed_get_last_modified (feed) != NULL)
        bl_fuzz_fail ("a refresh that failed kept the answer's validators");
      return 0;
    }

  if (report == NULL)
    bl_fuzz_fail ("a refresh succeeded without a report");
  if (g_strcmp0 (bl_feed_get_etag (feed), response.etag) != 0
      || g_strcmp0 (bl_feed_get_last_modified (feed), response.last_modified) != 0)
    bl_fuzz_fail ("a refresh did not keep the answer's validators");

  /* Only claims tagged with the feed were added; the local ones are as
   * they were */
  prints_after = feed_fingerprints (into);
  store = bl_project_get_claims (into);
  for (guint i = 0; i < bl_claim_store_get_n_claims (store); i++)
    {
      BlClaimRecord r;
      const char *print;

      bl_claim_store_get_record (store, i, &r);
      print = g_hash_table_lookup (prints_before, r.id);
      if (print == NULL && !feed_claim_is_tagged (&r, tag))
        bl_fuzz_fail ("a refresh added claim %s without the feed's tag", r.id);
      if (print != NULL && g_strcmp0 (print, g_hash_table_lookup (prints_after, r.id)) != 0)
        bl_fuzz_fail ("a refresh changed local claim %s", r.id);
    }
  {
    GHashTableIter iter;
    gpointer id;

    g_hash_table_iter_init (&iter, prints_before);
    while (g_hash_table_iter_next (&iter, &id, NULL))
      if (!g_hash_table_contains (prints_after, id))
        bl_fuzz_fail ("a refresh removed local claim %s", (const char *) id);
  }

  /* What was merged saves; the same answer again changes nothing */
  after = bl_project_to_bytes (into, NULL, &error);
  if (after == NULL)
    bl_fuzz_fail ("a project after a refresh cannot be written: %s", error->message);
  g_clear_pointer (&after, g_bytes_unref);
  if (!bl_feed_apply_response (feed, into, history, &response, &again, &error))
    bl_fuzz_fail ("the same answer, merged again, fails: %s", error->message);
  if (bl_merge_report_has_changes (again))
    bl_fuzz_fail ("the same answer, merged again, changes claims");

  /* One Undo takes the refresh back, to the byte */
  while (bl_history_can_undo (history))
    bl_history_undo (history);
  after = bl_project_to_bytes (into, NULL, &error);
  if (after == NULL || !g_bytes_equal (before, after))
    bl_fuzz_fail ("undoing a refresh does not give the project back as it was");

  return 0;
}
#endif

/* }}} */

/* Every target, by the name of its folder under tests/fuzz/; a target
 * whose parser is not built in has no function */
G_GNUC_UNUSED static const BlFuzzTarget bl_fuzz_targets[] = {
  { "json-reader", bl_fuzz_json_reader },
  { "project", bl_fuzz_project },
  { "date", bl_fuzz_date },
  { "quantity", bl_fuzz_quantity },
  { "basemap-data", bl_fuzz_basemap_data },
#ifdef BL_FUZZ_CSV_READER
  { "csv-reader", bl_fuzz_csv_reader },
#else
  { "csv-reader", NULL },
#endif
#ifdef BL_FUZZ_IMPORT
  { "import", bl_fuzz_import },
#else
  { "import", NULL },
#endif
#ifdef BL_FUZZ_FEED
  { "feed", bl_fuzz_feed },
#else
  { "feed", NULL },
#endif
};
