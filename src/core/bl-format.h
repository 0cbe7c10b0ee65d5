/* bl-format.h — the file formats Borderline imports and exports
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small registry of formats (the native project, GeoJSON, CSV, ACLED's
 * CSV export, KML), guessing a file's format, and importing a file of any
 * of them into a new #BlProject with a report of the records that were
 * rejected. Exporting is in bl-export.h; merging an import into an open
 * project in bl-merge.h.
 *
 * # Importing
 *
 * bl_import_file() reads the whole file and makes a new project of it. A
 * GeoJSON or CSV file with some bad records still imports the good ones:
 * each bad record is listed in the #BlImportReport with its place
 * ("FILE:LINE: message" for CSV, "FILE: features[12].geometry: message"
 * for GeoJSON) and skipped. A file that cannot be read at all (not CSV,
 * not JSON, no header, no record imported) is an error.
 *
 * Records are mapped to claims field by field (#BlField): which CSV column
 * or GeoJSON property holds which field is a #BlFieldMapping, which the
 * import dialog fills; without one, common names are recognised
 * ("title", "description", "date", "source", "url", "lat", "lon", …, and
 * every name Borderline's own exports write). ACLED's export has its own
 * fixed mapping, described in bl-import-csv.c.
 *
 * Decisions about hostile or odd input, the same for every format:
 *
 * - Text must be UTF-8. A CSV cell in another encoding makes its row
 *   rejected ("not valid UTF-8"), unless #BlImportOptions.fallback_encoding
 *   names the encoding to convert such cells from (the dialog offers
 *   "WINDOWS-1252" when the report shows encoding errors). Borderline does
 *   not guess encodings: a wrong guess silently garbles names.
 * - A text with a NUL byte, or longer than 1 MiB, rejects its record.
 * - Cells that look like spreadsheet formulas (`=SUM(…)`) are kept as text:
 *   they are neutralised when exported to CSV, not when imported. (Only
 *   Borderline's own CSV export, recognised by its header, has the
 *   apostrophe it added taken off again.)
 * - A latitude outside −90…90 or a longitude outside −180…180 rejects the
 *   record; when the latitude is out of range but the pair would be valid
 *   the other way round, the message says "latitude and longitude look
 *   swapped". Borderline does not swap them itself.
 * - A source address that is not an http or https link (`javascript:…`) is
 *   dropped, and the record imported without it, with a warning.
 * - A date, figure, grade or term that cannot be read is dropped with a
 *   warning; the record is still imported.
 */
#pragma once

#include <gio/gio.h>

#include "bl-basemap-data.h"
#include "bl-project.h"

G_BEGIN_DECLS

/**
 * BlFormat:
 * @BL_FORMAT_UNKNOWN: not known (guess it)
 * @BL_FORMAT_PROJECT: a Borderline project (`.borderline`)
 * @BL_FORMAT_GEOJSON: GeoJSON, RFC 7946 (`.geojson`)
 * @BL_FORMAT_CSV: comma-separated values with a header row (`.csv`)
 * @BL_FORMAT_ACLED_CSV: a CSV export of ACLED events (`.csv`)
 * @BL_FORMAT_KML: KML 2.2 (`.kml`), export only
 */
typedef enum {
  BL_FORMAT_UNKNOWN,
  BL_FORMAT_PROJECT,
  BL_FORMAT_GEOJSON,
  BL_FORMAT_CSV,
  BL_FORMAT_ACLED_CSV,
  BL_FORMAT_KML,
  BL_N_FORMATS
} BlFormat;

const char *bl_format_to_string      (BlFormat     format);
gboolean    bl_format_from_string    (const char  *text,
                                      BlFormat    *out);
const char *bl_format_get_label      (BlFormat     format);
const char *bl_format_get_extension  (BlFormat     format);
const char *bl_format_get_mime_type  (BlFormat     format);
gboolean    bl_format_can_import     (BlFormat     format);
gboolean    bl_format_can_export     (BlFormat     format);
BlFormat    bl_format_from_filename  (const char  *filename);
BlFormat    bl_format_guess          (const char  *filename,
                                      const char  *data,
                                      gsize        len);

/**
 * BlField:
 *
 * The fields of a claim (and of its claimant, source and topic) that a
 * record of an imported table or GeoJSON file can fill. Each has a
 * canonical name (bl_field_get_name()), which Borderline's CSV and GeoJSON
 * exports use as the column or property name.
 */
typedef enum {
  BL_FIELD_ID,
  BL_FIELD_STATEMENT,
  BL_FIELD_QUOTE,
  BL_FIELD_CLAIMANT,
  BL_FIELD_CLAIMANT_ID,
  BL_FIELD_CLAIMANT_ROLE,
  BL_FIELD_CLAIMANT_AFFILIATION,
  BL_FIELD_CLAIMANT_KIND,
  BL_FIELD_CLAIMANT_RELIABILITY,
  BL_FIELD_SOURCE,
  BL_FIELD_SOURCE_ID,
  BL_FIELD_SOURCE_KIND,
  BL_FIELD_URL,
  BL_FIELD_SOURCE_PUBLISHED,
  BL_FIELD_SOURCE_RETRIEVED,
  BL_FIELD_SOURCE_LANGUAGE,
  BL_FIELD_SOURCE_RELIABILITY,
  BL_FIELD_SOURCE_ORIGIN,
  BL_FIELD_SAID_ON,
  BL_FIELD_ABOUT,
  BL_FIELD_TOPIC,
  BL_FIELD_TOPIC_ID,
  BL_FIELD_UNIT,
  BL_FIELD_TOPIC_DESCRIPTION,
  BL_FIELD_QUANTITY,
  BL_FIELD_QUANTITY_VALUE,
  BL_FIELD_QUANTITY_MIN,
  BL_FIELD_QUANTITY_MAX,
  BL_FIELD_QUANTITY_QUALIFIER,
  BL_FIELD_QUANTITY_UNIT,
  BL_FIELD_QUANTITY_TEXT,
  BL_FIELD_STANCE,
  BL_FIELD_CREDIBILITY,
  BL_FIELD_LATITUDE,
  BL_FIELD_LONGITUDE,
  BL_FIELD_PRECISION,
  BL_FIELD_PLACE,
  BL_FIELD_AREAS,
  BL_FIELD_POLYGON,
  BL_FIELD_TAGS,
  BL_FIELD_NOTES,
  BL_FIELD_RELATIONS,
  BL_N_FIELDS
} BlField;

const char *bl_field_get_name        (BlField      field);
const char *bl_field_get_label       (BlField      field);
gboolean    bl_field_from_name       (const char  *name,
                                      BlField     *out);

/**
 * BlFieldMapping:
 * @names: for each #BlField, the column header (CSV) or property name
 *   (GeoJSON) that holds it, or %NULL when no column does; owned
 *
 * Which column or property fills which field, compared case-insensitively
 * after trimming spaces. Fill it with bl_field_mapping_guess() and let the
 * user change it.
 */
typedef struct {
  char *names[BL_N_FIELDS];
} BlFieldMapping;

void        bl_field_mapping_init    (BlFieldMapping       *mapping);
void        bl_field_mapping_clear   (BlFieldMapping       *mapping);
void        bl_field_mapping_set     (BlFieldMapping       *mapping,
                                      BlField               field,
                                      const char           *name);
void        bl_field_mapping_guess   (BlFieldMapping       *mapping,
                                      const char * const   *names,
                                      guint                 n_names);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BlFieldMapping, bl_field_mapping_clear)

/**
 * BlAreaLookupFunc:
 * @country: (nullable): the country the record names ("Afghanistan"), or
 *   its ISO 3166-1 code
 * @name: the first-level subdivision as the record names it ("Kunduz")
 * @user_data: the data given with the function
 *
 * Finds the basemap area code of a province named in imported data.
 *
 * Returns: (nullable): the ISO 3166-2 code ("AF-KDZ"), or %NULL when
 *   unknown; a static string or one that lives as long as the import
 */
typedef const char *(*BlAreaLookupFunc) (const char *country,
                                         const char *name,
                                         gpointer    user_data);

/**
 * BlImportOptions:
 * @mapping: (nullable): the columns or properties to read; %NULL to
 *   recognise common names
 * @basemap: (nullable): the basemap whose province names and codes are
 *   used to give ACLED events their province; %NULL for the built-in one
 *   (bl_format_get_default_basemap())
 * @area_lookup: (nullable): used instead of the basemap when set
 * @area_lookup_data: the data for @area_lookup
 * @fallback_encoding: (nullable): the encoding (for g_convert()) that CSV
 *   cells which are not UTF-8 are converted from; %NULL rejects them
 * @max_listed: the most problems the report lists one by one (the rest
 *   are counted); 0 for the default, 1000
 * @max_records: read only the first this many records (a quick preview
 *   of a big file); 0 to read them all
 * @described_records: how many of the first records the report describes
 *   one by one, with the claim each became and its problems
 *   (bl_import_report_get_n_records()); 0 for none
 *
 * How to import. Initialise with bl_import_options_init().
 */
typedef struct {
  const BlFieldMapping *mapping;
  BlBasemapData        *basemap;
  BlAreaLookupFunc      area_lookup;
  gpointer              area_lookup_data;
  const char           *fallback_encoding;
  guint                 max_listed;
  guint                 max_records;
  guint                 described_records;
} BlImportOptions;

void        bl_import_options_init   (BlImportOptions *options);

/**
 * BlImportProblemKind:
 * @BL_IMPORT_REJECTED: the record was not imported
 * @BL_IMPORT_WARNING: the record was imported without part of it
 */
typedef enum {
  BL_IMPORT_REJECTED,
  BL_IMPORT_WARNING,
} BlImportProblemKind;

typedef struct _BlImportReport BlImportReport;

BlImportReport     *bl_import_report_new           (const char      *display_name,
                                                    guint            max_listed);
void                bl_import_report_free          (BlImportReport  *report);
const char         *bl_import_report_get_name      (BlImportReport  *report);
BlFormat            bl_import_report_get_format    (BlImportReport  *report);
guint               bl_import_report_get_n_imported (BlImportReport *report);
guint               bl_import_report_get_n_rejected (BlImportReport *report);
guint               bl_import_report_get_n_warnings (BlImportReport *report);
guint               bl_import_report_get_n_listed  (BlImportReport  *report);
BlImportProblemKind bl_import_report_get_kind      (BlImportReport  *report,
                                                    guint            index);
const char         *bl_import_report_get_message   (BlImportReport  *report,
                                                    guint            index);
char               *bl_import_report_to_string     (BlImportReport  *report);

guint               bl_import_report_get_n_records (BlImportReport  *report);
guint               bl_import_report_get_record_number (BlImportReport *report,
                                                    guint            index);
guint               bl_import_report_get_record_claim (BlImportReport *report,
                                                    guint            index);
const char * const *bl_import_report_get_record_problems (BlImportReport *report,
                                                    guint            index);
gboolean            bl_import_report_get_record_rejected (BlImportReport *report,
                                                    guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlImportReport, bl_import_report_free)

BlProject  *bl_import_file           (GFile                  *file,
                                      BlFormat                format,
                                      const BlImportOptions  *options,
                                      BlImportReport        **report,
                                      GCancellable           *cancellable,
                                      GError                **error);
BlProject  *bl_import_data           (const char             *data,
                                      gsize                   len,
                                      const char             *display_name,
                                      BlFormat                format,
                                      const BlImportOptions  *options,
                                      BlImportReport        **report,
                                      GCancellable           *cancellable,
                                      GError                **error);
char      **bl_import_peek_names     (const char             *data,
                                      gsize                   len,
                                      BlFormat                format,
                                      GError                **error);

BlBasemapData *bl_format_get_default_basemap (void);

G_END_DECLS
