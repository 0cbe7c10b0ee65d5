/* bl-format-private.h — what the importers and exporters share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importers (bl-import-csv.c, bl-geojson.c) read records into
 * BlImportValues, one text (or list) per #BlField, and hand them to one
 * BlImportBuilder, which checks them, finds or makes the claimant, source
 * and topic, and appends the claim: so every format treats bad values the
 * same way. The exporters (bl-export-csv.c, bl-geojson.c, bl-kml.c) share
 * the choice of claims and the atomic write. Nothing outside these files
 * includes this header.
 */
#pragma once

#include "bl-format-export.h"
#include "bl-format.h"

G_BEGIN_DECLS

/* One record, as text: @text[field] owned or %NULL; @list[field] (for
 * areas, tags and relations; items "type:claim-id") owned or %NULL;
 * a point or a ring from a geometry (GeoJSON) overrides the text fields. */
typedef struct {
  char      *text[BL_N_FIELDS];
  GPtrArray *list[BL_N_FIELDS];
  gboolean   has_point;
  double     lat;
  double     lon;
  double    *polygon;     /* lon/lat pairs, owned */
  guint      n_polygon;
  gboolean   geometry_from_areas;   /* the geometry was drawn from the areas */
} BlImportValues;

void      bl_import_values_init   (BlImportValues *values);
void      bl_import_values_clear  (BlImportValues *values);
void      bl_import_values_take   (BlImportValues *values,
                                   BlField         field,
                                   char           *text);
void      bl_import_values_add_item (BlImportValues *values,
                                     BlField         field,
                                     const char     *item);

typedef struct _BlImportBuilder BlImportBuilder;

BlImportBuilder *bl_import_builder_new     (BlImportReport        *report,
                                            const BlImportOptions *options,
                                            const char            *id_prefix);
void             bl_import_builder_free    (BlImportBuilder       *builder);
gboolean         bl_import_builder_add     (BlImportBuilder       *builder,
                                            BlImportValues        *values,
                                            const char            *place,
                                            guint                  record_number);
guint32          bl_import_builder_ensure_source (BlImportBuilder *builder,
                                                  const char      *name,
                                                  BlSourceKind     kind);
BlProject       *bl_import_builder_get_project (BlImportBuilder   *builder);
BlProject       *bl_import_builder_finish  (BlImportBuilder       *builder);

void     bl_import_report_add          (BlImportReport      *report,
                                        BlImportProblemKind  kind,
                                        const char          *place,
                                        const char          *format,
                                        ...) G_GNUC_PRINTF (4, 5);
void     bl_import_report_add_verbatim (BlImportReport      *report,
                                        BlImportProblemKind  kind,
                                        const char          *message);
void     bl_import_report_set_format   (BlImportReport      *report,
                                        BlFormat             format);
void     bl_import_report_set_max_described (BlImportReport *report,
                                             guint           max_described);
void     bl_import_report_set_imported (BlImportReport      *report,
                                        guint                n_imported);
void     bl_import_report_begin_record (BlImportReport      *report,
                                        guint                number,
                                        const char          *place);
void     bl_import_report_set_record_claim (BlImportReport  *report,
                                            guint            claim);
void     bl_import_report_end_record   (BlImportReport      *report);

gboolean bl_format_names_equal         (const char *a,
                                        const char *b);
gboolean bl_import_text_is_neutralised (const char *text);
char    *bl_import_parse_wkt_polygon   (const char  *text,
                                        double     **points,
                                        guint       *n_points);
gboolean bl_import_parse_double        (const char  *text,
                                        double      *out);
gboolean bl_import_parse_date          (const char  *text,
                                        BlDate      *out,
                                        GError     **error);

BlProject *bl_import_csv     (const char             *data,
                              gsize                   len,
                              const char             *name,
                              BlFormat                format,
                              const BlImportOptions  *options,
                              BlImportReport         *report,
                              GCancellable           *cancellable,
                              GError                **error);
BlProject *bl_import_geojson (const char             *data,
                              gsize                   len,
                              const char             *name,
                              const BlImportOptions  *options,
                              BlImportReport         *report,
                              GCancellable           *cancellable,
                              GError                **error);
char     **bl_csv_peek_header    (const char *data,
                                  gsize       len,
                                  GError    **error);
char     **bl_geojson_peek_names (const char *data,
                                  gsize       len,
                                  GError    **error);

/* Export */
guint32 *bl_format_export_get_indices     (BlProject       *project,
                                    BlVisibleClaims *visible,
                                    guint           *n_indices);
gboolean bl_format_export_write_atomically (GFile        *file,
                                     GBytes       *bytes,
                                     GCancellable *cancellable,
                                     GError      **error);
GPtrArray *bl_format_export_area_rings     (BlBasemapData      *basemap,
                                     const char * const *areas);
void     bl_format_export_ring_make_ccw    (double *points,
                                     gsize   n_points);
char    *bl_format_export_format_coord     (double  value);

GBytes  *bl_geojson_export (BlProject             *project,
                            const guint32         *indices,
                            guint                  n_indices,
                            const BlFormatExportOptions *options,
                            GCancellable          *cancellable,
                            GError               **error);
GBytes  *bl_csv_export     (BlProject             *project,
                            const guint32         *indices,
                            guint                  n_indices,
                            const BlFormatExportOptions *options,
                            GCancellable          *cancellable,
                            GError               **error);
GBytes  *bl_kml_export     (BlProject             *project,
                            const guint32         *indices,
                            guint                  n_indices,
                            const BlFormatExportOptions *options,
                            GCancellable          *cancellable,
                            GError               **error);

G_END_DECLS
