/* bl-format.c — the registry of formats, guessing, the import report
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: naming the formats Borderline reads and writes,
 * telling which one a file is in (by its extension and by looking at its
 * first bytes), the field names and mappings that the importers share,
 * and bl_import_file(), which hands a file to the right importer (the
 * report of an import is in bl-format-report.c). What it is not: an importer or exporter itself (see
 * bl-import-csv.c, bl-geojson.c, bl-import-builder.c and bl-export.c).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bl-error.h"
#include "bl-basemap-locate.h"
#include "bl-file-util.h"
#include "bl-format-private.h"
#include "bl-project-io.h"

/* Where the application's resources keep the basemap (see
 * src/gui/bl-basemap-source.h); core does not link the resource itself,
 * but finds it when the program does. */

/* How much of a file the guess looks at. */
#define SNIFF_SIZE (64 * 1024)

typedef struct {
  const char *id;
  const char *label;
  const char *extension;
  const char *mime_type;
  gboolean    can_import;
  gboolean    can_export;
} FormatInfo;

static const FormatInfo formats[BL_N_FORMATS] = {
  [BL_FORMAT_UNKNOWN] = { "unknown", N_("Unknown format"), "", "application/octet-stream", FALSE, FALSE },
  [BL_FORMAT_PROJECT] = { "project", N_("Borderline project"), "borderline", "application/x-borderline", TRUE, TRUE },
  [BL_FORMAT_GEOJSON] = { "geojson", N_("GeoJSON"), "geojson", "application/geo+json", TRUE, TRUE },
  [BL_FORMAT_CSV] = { "csv", N_("CSV table"), "csv", "text/csv", TRUE, TRUE },
  [BL_FORMAT_ACLED_CSV] = { "acled-csv", N_("ACLED events (CSV)"), "csv", "text/csv", TRUE, FALSE },
  [BL_FORMAT_KML] = { "kml", N_("KML (Google Earth)"), "kml", "application/vnd.google-earth.kml+xml", FALSE, TRUE },
};

typedef struct {
  const char *name;
  const char *label;
  /* other names recognised by bl_field_mapping_guess(), lower case,
   * separated by '|' */
  const char *aliases;
} FieldInfo;

static const FieldInfo fields[BL_N_FIELDS] = {
  [BL_FIELD_ID] = { "id", N_("Id"), "claim_id|claim id|uid|identifier" },
  [BL_FIELD_STATEMENT] = { "statement", N_("Statement"), "title|name|claim|headline|summary|text" },
  [BL_FIELD_QUOTE] = { "quote", N_("Quote"), "quotation|verbatim" },
  [BL_FIELD_CLAIMANT] = { "claimant", N_("Claimant"), "actor|speaker|author|said_by|said by" },
  [BL_FIELD_CLAIMANT_ID] = { "claimant_id", N_("Claimant id"), "" },
  [BL_FIELD_CLAIMANT_ROLE] = { "claimant_role", N_("Claimant's role"), "role" },
  [BL_FIELD_CLAIMANT_AFFILIATION] = { "claimant_affiliation", N_("Claimant's affiliation"), "affiliation" },
  [BL_FIELD_CLAIMANT_KIND] = { "claimant_kind", N_("Kind of claimant"), "actor_kind" },
  [BL_FIELD_CLAIMANT_RELIABILITY] = { "claimant_reliability", N_("Claimant's reliability"), "actor_reliability" },
  [BL_FIELD_SOURCE] = { "source", N_("Source"), "outlet|publisher|source_name|source name|publication" },
  [BL_FIELD_SOURCE_ID] = { "source_id", N_("Source id"), "" },
  [BL_FIELD_SOURCE_KIND] = { "source_kind", N_("Kind of source"), "" },
  [BL_FIELD_URL] = { "url", N_("Source address"), "link|source_url|source url|href|website|uri" },
  [BL_FIELD_SOURCE_PUBLISHED] = { "source_published", N_("Source published"), "" },
  [BL_FIELD_SOURCE_RETRIEVED] = { "source_retrieved", N_("Source retrieved"), "retrieved|accessed" },
  [BL_FIELD_SOURCE_LANGUAGE] = { "source_language", N_("Source language"), "language|lang" },
  [BL_FIELD_SOURCE_RELIABILITY] = { "source_reliability", N_("Source reliability"), "reliability" },
  [BL_FIELD_SOURCE_ORIGIN] = { "source_origin", N_("Source origin"), "" },
  [BL_FIELD_SAID_ON] = { "said_on", N_("Said on"), "said-on|date|published|pubdate|date_published|datetime|time" },
  [BL_FIELD_ABOUT] = { "about", N_("About (period)"), "period|event_date|when" },
  [BL_FIELD_TOPIC] = { "topic", N_("Topic"), "question|subject" },
  [BL_FIELD_TOPIC_ID] = { "topic_id", N_("Topic id"), "" },
  [BL_FIELD_UNIT] = { "unit", N_("Unit"), "topic_unit" },
  [BL_FIELD_TOPIC_DESCRIPTION] = { "topic_description", N_("Topic description"), "" },
  [BL_FIELD_QUANTITY] = { "quantity", N_("Figure (as text)"), "figure|count|estimate|number" },
  [BL_FIELD_QUANTITY_VALUE] = { "quantity_value", N_("Figure"), "" },
  [BL_FIELD_QUANTITY_MIN] = { "quantity_min", N_("Figure, lower bound"), "" },
  [BL_FIELD_QUANTITY_MAX] = { "quantity_max", N_("Figure, upper bound"), "" },
  [BL_FIELD_QUANTITY_QUALIFIER] = { "quantity_qualifier", N_("Figure qualifier"), "qualifier" },
  [BL_FIELD_QUANTITY_UNIT] = { "quantity_unit", N_("Figure unit"), "" },
  [BL_FIELD_QUANTITY_TEXT] = { "quantity_text", N_("Figure as given"), "" },
  [BL_FIELD_STANCE] = { "stance", N_("Stance"), "" },
  [BL_FIELD_CREDIBILITY] = { "credibility", N_("Credibility"), "" },
  [BL_FIELD_LATITUDE] = { "lat", N_("Latitude"), "latitude|y|lat_dd" },
  [BL_FIELD_LONGITUDE] = { "lon", N_("Longitude"), "longitude|lng|long|x|lon_dd" },
  [BL_FIELD_PRECISION] = { "precision", N_("Location precision"), "location_precision|geo_precision" },
  [BL_FIELD_PLACE] = { "place", N_("Place"), "location|place_name|locality|town|village" },
  [BL_FIELD_AREAS] = { "areas", N_("Areas (codes)"), "area|area_codes|province_code" },
  [BL_FIELD_POLYGON] = { "polygon", N_("Polygon (WKT)"), "wkt|geometry|the_geom" },
  [BL_FIELD_TAGS] = { "tags", N_("Tags"), "tag|keywords|labels|categories" },
  [BL_FIELD_NOTES] = { "notes", N_("Notes"), "description|comment|comments|remarks|note|desc" },
  [BL_FIELD_RELATIONS] = { "relations", N_("Relations"), "" },
};

/* Formats */

/**
 * bl_format_to_string:
 *
 * Returns: the stable identifier of @format: "project", "geojson", "csv",
 *   "acled-csv", "kml" (or "unknown")
 */
const char *
bl_format_to_string (BlFormat format)
{
  g_return_val_if_fail (format < BL_N_FORMATS, NULL);

  return formats[format].id;
}

gboolean
bl_format_from_string (const char *text,
                       BlFormat   *out)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = BL_FORMAT_PROJECT; i < BL_N_FORMATS; i++)
    if (g_ascii_strcasecmp (text, formats[i].id) == 0)
      {
        if (out)
          *out = (BlFormat) i;
        return TRUE;
      }
  return FALSE;
}

/**
 * bl_format_get_label:
 *
 * Returns: the format's name for people, translated
 */
const char *
bl_format_get_label (BlFormat format)
{
  g_return_val_if_fail (format < BL_N_FORMATS, NULL);

  return _(formats[format].label);
}

/**
 * bl_format_get_extension:
 *
 * Returns: the usual file name extension, without the dot ("" if none)
 */
const char *
bl_format_get_extension (BlFormat format)
{
  g_return_val_if_fail (format < BL_N_FORMATS, NULL);

  return formats[format].extension;
}

const char *
bl_format_get_mime_type (BlFormat format)
{
  g_return_val_if_fail (format < BL_N_FORMATS, NULL);

  return formats[format].mime_type;
}

gboolean
bl_format_can_import (BlFormat format)
{
  g_return_val_if_fail (format < BL_N_FORMATS, FALSE);

  return formats[format].can_import;
}

gboolean
bl_format_can_export (BlFormat format)
{
  g_return_val_if_fail (format < BL_N_FORMATS, FALSE);

  return formats[format].can_export;
}

/**
 * bl_format_from_filename:
 * @filename: a file name or path
 *
 * Returns: the format its extension names (case-insensitively):
 *   `.borderline`, `.geojson` or `.json`, `.csv`, `.kml`; or
 *   %BL_FORMAT_UNKNOWN. A `.csv` is %BL_FORMAT_CSV: only its content tells
 *   an ACLED export.
 */
BlFormat
bl_format_from_filename (const char *filename)
{
  const char *dot;

  g_return_val_if_fail (filename != NULL, BL_FORMAT_UNKNOWN);

  dot = strrchr (filename, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return BL_FORMAT_UNKNOWN;
  dot++;

  if (g_ascii_strcasecmp (dot, "borderline") == 0)
    return BL_FORMAT_PROJECT;
  if (g_ascii_strcasecmp (dot, "geojson") == 0 || g_ascii_strcasecmp (dot, "json") == 0)
    return BL_FORMAT_GEOJSON;
  if (g_ascii_strcasecmp (dot, "csv") == 0)
    return BL_FORMAT_CSV;
  if (g_ascii_strcasecmp (dot, "kml") == 0)
    return BL_FORMAT_KML;

  return BL_FORMAT_UNKNOWN;
}

/* Whether @needle occurs in the first @len bytes of @data. */
static gboolean
contains (const char *data,
          gsize       len,
          const char *needle)
{
  return g_strstr_len (data, (gssize) len, needle) != NULL;
}

/* Whether `"format"` is followed by `"borderline"` (a project file). */
static gboolean
sniff_project (const char *data,
               gsize       len)
{
  const char *end = data + len;
  const char *p = data;

  while ((p = g_strstr_len (p, end - p, "\"format\"")) != NULL)
    {
      p += strlen ("\"format\"");
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == ':')
        {
          p++;
          while (p < end && g_ascii_isspace (*p))
            p++;
          if ((gsize) (end - p) >= strlen ("\"borderline\"") &&
              memcmp (p, "\"borderline\"", strlen ("\"borderline\"")) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
header_is_acled (const char *data,
                 gsize       len)
{
  g_autofree char *line = NULL;
  const char *nl;

  nl = memchr (data, '\n', len);
  line = g_ascii_strdown (data, nl ? nl - data : (gssize) len);

  return strstr (line, "event_id_cnty") != NULL ||
         (strstr (line, "event_date") != NULL && strstr (line, "fatalities") != NULL &&
          strstr (line, "actor1") != NULL);
}

/**
 * bl_format_guess:
 * @filename: (nullable): the file's name, for its extension
 * @data: (nullable) (array length=len): the start of the file (the first
 *   64 KiB are enough)
 * @len: the length of @data
 *
 * Tells a file's format from its content where it can (a project's
 * `"format": "borderline"`, GeoJSON's `"FeatureCollection"` or `"Feature"`,
 * a KML root, ACLED's column names) and from its extension otherwise.
 *
 * Returns: the format, or %BL_FORMAT_UNKNOWN
 */
BlFormat
bl_format_guess (const char *filename,
                 const char *data,
                 gsize       len)
{
  BlFormat by_name = filename ? bl_format_from_filename (filename) : BL_FORMAT_UNKNOWN;
  gsize window;
  gsize i = 0;

  if (data == NULL || len == 0)
    return by_name;

  window = MIN (len, SNIFF_SIZE);
  if (window >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < window && g_ascii_isspace (data[i]))
    i++;
  if (i >= window)
    return by_name;

  if (data[i] == '{')
    {
      if (sniff_project (data + i, window - i))
        return BL_FORMAT_PROJECT;
      if (contains (data + i, window - i, "\"FeatureCollection\"") ||
          contains (data + i, window - i, "\"Feature\""))
        return BL_FORMAT_GEOJSON;
      return by_name == BL_FORMAT_PROJECT ? BL_FORMAT_PROJECT :
             by_name == BL_FORMAT_GEOJSON ? BL_FORMAT_GEOJSON : BL_FORMAT_UNKNOWN;
    }

  if (data[i] == '<')
    return contains (data + i, window - i, "<kml") ? BL_FORMAT_KML : BL_FORMAT_UNKNOWN;

  if (by_name == BL_FORMAT_PROJECT || by_name == BL_FORMAT_GEOJSON || by_name == BL_FORMAT_KML)
    return by_name;

  /* A table: ACLED's columns, or any first line with a comma. */
  if (header_is_acled (data + i, window - i))
    return BL_FORMAT_ACLED_CSV;
  if (by_name == BL_FORMAT_CSV)
    return BL_FORMAT_CSV;
  {
    const char *nl = memchr (data + i, '\n', window - i);
    gsize line_len = nl ? (gsize) (nl - (data + i)) : window - i;

    if (memchr (data + i, ',', line_len) != NULL)
      return BL_FORMAT_CSV;
  }

  return BL_FORMAT_UNKNOWN;
}

/* Fields */

/**
 * bl_field_get_name:
 *
 * Returns: the canonical column or property name of @field ("said_on")
 */
const char *
bl_field_get_name (BlField field)
{
  g_return_val_if_fail (field < BL_N_FIELDS, NULL);

  return fields[field].name;
}

/**
 * bl_field_get_label:
 *
 * Returns: the field's name for people, translated ("Said on")
 */
const char *
bl_field_get_label (BlField field)
{
  g_return_val_if_fail (field < BL_N_FIELDS, NULL);

  return _(fields[field].label);
}

gboolean
bl_field_from_name (const char *name,
                    BlField    *out)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < BL_N_FIELDS; i++)
    if (g_ascii_strcasecmp (name, fields[i].name) == 0)
      {
        if (out)
          *out = (BlField) i;
        return TRUE;
      }
  return FALSE;
}

void
bl_field_mapping_init (BlFieldMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  memset (mapping, 0, sizeof *mapping);
}

void
bl_field_mapping_clear (BlFieldMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  for (guint i = 0; i < BL_N_FIELDS; i++)
    g_clear_pointer (&mapping->names[i], g_free);
}

/**
 * bl_field_mapping_set:
 * @name: (nullable): the column or property, or %NULL for none
 */
void
bl_field_mapping_set (BlFieldMapping *mapping,
                      BlField         field,
                      const char     *name)
{
  g_return_if_fail (mapping != NULL);
  g_return_if_fail (field < BL_N_FIELDS);

  g_free (mapping->names[field]);
  mapping->names[field] = g_strdup (name);
}

/* Compares two column names, case-insensitively, without spaces at
 * either end. */
gboolean
bl_format_names_equal (const char *a,
                       const char *b)
{
  gsize la, lb;

  while (g_ascii_isspace (*a))
    a++;
  while (g_ascii_isspace (*b))
    b++;
  la = strlen (a);
  lb = strlen (b);
  while (la > 0 && g_ascii_isspace (a[la - 1]))
    la--;
  while (lb > 0 && g_ascii_isspace (b[lb - 1]))
    lb--;
  return la == lb && g_ascii_strncasecmp (a, b, la) == 0;
}

static gboolean
alias_matches (const char *aliases,
               const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (aliases[0] == '\0')
    return FALSE;
  parts = g_strsplit (aliases, "|", -1);
  for (guint i = 0; parts[i]; i++)
    if (g_ascii_strcasecmp (parts[i], name) == 0)
      return TRUE;
  return FALSE;
}

/**
 * bl_field_mapping_guess:
 * @names: (array length=n_names): the column headers or property names
 *   found in the file
 *
 * Sets each field that @names has a column for: first by the field's
 * canonical name, then by common other names ("title" for the statement,
 * "date" for said-on, "description" for the notes, "latitude", "link",
 * …). A name fills one field at most. Fields already set are kept.
 */
void
bl_field_mapping_guess (BlFieldMapping     *mapping,
                        const char * const *names,
                        guint               n_names)
{
  g_autofree gboolean *used = NULL;

  g_return_if_fail (mapping != NULL);
  g_return_if_fail (names != NULL || n_names == 0);

  used = g_new0 (gboolean, n_names);
  for (guint f = 0; f < BL_N_FIELDS; f++)
    if (mapping->names[f] != NULL)
      for (guint i = 0; i < n_names; i++)
        if (names[i] && bl_format_names_equal (names[i], mapping->names[f]))
          used[i] = TRUE;

  for (int pass = 0; pass < 2; pass++)
    for (guint f = 0; f < BL_N_FIELDS; f++)
      {
        if (mapping->names[f] != NULL)
          continue;
        for (guint i = 0; i < n_names; i++)
          {
            g_autofree char *name = NULL;

            if (used[i] || names[i] == NULL)
              continue;
            name = g_strstrip (g_strdup (names[i]));
            if (pass == 0 ? g_ascii_strcasecmp (name, fields[f].name) == 0
                          : alias_matches (fields[f].aliases, name))
              {
                mapping->names[f] = g_strdup (names[i]);
                used[i] = TRUE;
                break;
              }
          }
      }
}

/* Options */

void
bl_import_options_init (BlImportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
}

/* Importing */

static gpointer
load_default_basemap (gpointer data G_GNUC_UNUSED)
{
  return bl_basemap_data_load_default (NULL);
}

/**
 * bl_format_get_default_basemap:
 *
 * The basemap the application ships, found by
 * bl_basemap_data_load_default(). Loaded once.
 *
 * Returns: (transfer none) (nullable): the basemap, or %NULL when there is
 *   none at hand
 */
BlBasemapData *
bl_format_get_default_basemap (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_default_basemap, NULL);
  return once.retval;
}

/**
 * bl_import_data:
 * @data: (array length=len): the file's content
 * @display_name: the file as messages name it
 * @format: the format, or %BL_FORMAT_UNKNOWN to guess it
 * @options: (nullable): how to import; %NULL for the defaults
 * @report: (out) (optional) (transfer full): the report; set also on
 *   failure, when the failure came after reading began
 *
 * Like bl_import_file(), on content already in memory.
 *
 * Returns: (transfer full): a new project, or %NULL with @error set
 */
BlProject *
bl_import_data (const char             *data,
                gsize                   len,
                const char             *display_name,
                BlFormat                format,
                const BlImportOptions  *options,
                BlImportReport        **report,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(BlImportReport) rep = NULL;
  BlImportOptions defaults;
  BlProject *project = NULL;
  const char *name = display_name ? display_name : "<input>";

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (format < BL_N_FORMATS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      bl_import_options_init (&defaults);
      options = &defaults;
    }

  if (format == BL_FORMAT_UNKNOWN)
    format = bl_format_guess (display_name, data, len);

  rep = bl_import_report_new (name, options->max_listed);
  bl_import_report_set_max_described (rep, options->described_records);
  bl_import_report_set_format (rep, format);

  switch (format)
    {
    case BL_FORMAT_PROJECT:
      project = bl_project_load_from_data (data, len, name, cancellable, NULL, NULL, error);
      if (project)
        bl_import_report_set_imported (rep, bl_claim_store_get_n_claims (bl_project_get_claims (project)));
      break;

    case BL_FORMAT_GEOJSON:
      project = bl_import_geojson (data, len, name, options, rep, cancellable, error);
      break;

    case BL_FORMAT_CSV:
    case BL_FORMAT_ACLED_CSV:
      project = bl_import_csv (data, len, name, format, options, rep, cancellable, error);
      break;

    case BL_FORMAT_KML:
      g_set_error (error, BL_ERROR, BL_ERROR_UNSUPPORTED,
                   _("%s: Borderline writes KML but does not read it; import GeoJSON or CSV instead"), name);
      break;

    case BL_FORMAT_UNKNOWN:
    case BL_N_FORMATS:
    default:
      g_set_error (error, BL_ERROR, BL_ERROR_UNSUPPORTED,
                   _("%s: not a format Borderline imports (a project, GeoJSON or CSV)"), name);
      break;
    }

  if (report)
    *report = g_steal_pointer (&rep);
  return project;
}

/**
 * bl_import_file:
 * @file: the file to import
 * @format: its format, or %BL_FORMAT_UNKNOWN to guess it by name and
 *   content
 * @options: (nullable): how to import; %NULL for the defaults
 * @report: (out) (optional) (transfer full): what was imported and what
 *   was not; set also when the import fails after reading began
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Reads @file into a new project. A local file is mapped, not copied.
 * Records that cannot be imported are listed in @report and skipped; a
 * file that cannot be read at all, or of which no record could be
 * imported, fails with @error (%BL_ERROR or %G_IO_ERROR).
 *
 * Returns: (transfer full): a new project, or %NULL with @error set
 */
BlProject *
bl_import_file (GFile                  *file,
                BlFormat                format,
                const BlImportOptions  *options,
                BlImportReport        **report,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (format < BL_N_FORMATS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report)
    *report = NULL;

  name = bl_file_get_display_name (file);
  path = g_file_get_path (file);

  bytes = bl_file_load_bytes (file, cancellable, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);

  if (format == BL_FORMAT_UNKNOWN)
    format = bl_format_guess (path ? path : name, data, len);

  return bl_import_data (data, len, name, format, options, report, cancellable, error);
}

/**
 * bl_import_peek_names:
 * @data: (array length=len): the file's content
 * @format: %BL_FORMAT_CSV (or ACLED) or %BL_FORMAT_GEOJSON
 *
 * The names a #BlFieldMapping can choose from, for the import dialog: a
 * CSV file's header, or the property names of a GeoJSON file's first
 * features, in the order met.
 *
 * Returns: (transfer full): the names, or %NULL with @error set
 */
char **
bl_import_peek_names (const char  *data,
                      gsize        len,
                      BlFormat     format,
                      GError     **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  switch (format)
    {
    case BL_FORMAT_CSV:
    case BL_FORMAT_ACLED_CSV:
      return bl_csv_peek_header (data, len, error);
    case BL_FORMAT_GEOJSON:
      return bl_geojson_peek_names (data, len, error);
    case BL_FORMAT_UNKNOWN:
    case BL_FORMAT_PROJECT:
    case BL_FORMAT_KML:
    case BL_N_FORMATS:
    default:
      g_set_error (error, BL_ERROR, BL_ERROR_UNSUPPORTED,
                   _("Only CSV and GeoJSON files have columns to choose from"));
      return NULL;
    }
}
