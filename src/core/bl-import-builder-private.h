/* bl-import-builder-private.h — the state and helpers of the import builder
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import builder is split by concern: bl-import-values.c holds a
 * record's values and reads single texts (numbers, dates, WKT polygons,
 * ids); bl-import-builder-entities.c finds or makes the claimant, source
 * and topic a record names; bl-import-builder.c checks a record, appends
 * its claim and resolves what names later records. This header is what
 * they share, and nothing outside them includes it.
 */
#pragma once

#include "bl-format-private.h"

G_BEGIN_DECLS

typedef struct {
  guint      claim;
  char      *place;
  GPtrArray *items;   /* "type:claim-id" */
} PendingRelations;

typedef struct {
  guint  source;
  char  *place;
  char  *origin;
} PendingOrigin;

struct _BlImportBuilder
{
  BlProject             *project;
  BlClaimStore          *store;
  BlImportReport        *report;
  const BlImportOptions *options;
  char                  *id_prefix;

  GHashTable            *actor_by_name;    /* key → index + 1 */
  GHashTable            *source_by_key;
  GHashTable            *topic_by_title;
  GHashTable            *id_counters;      /* slug → next suffix */

  GArray                *relations;        /* PendingRelations */
  GArray                *origins;          /* PendingOrigin */
  guint                  n_imported;
};

/* bl-import-values.c */
char       *bl_import_values_trimmed            (const BlImportValues *values,
                                                 BlField               field);
const char *bl_import_values_as_given           (const BlImportValues *values,
                                                 BlField               field);
gboolean    bl_import_id_is_valid               (const char           *id);

/* bl-import-builder.c */
void        bl_import_builder_warn              (BlImportBuilder      *b,
                                                 const char           *place,
                                                 const char           *message);
char       *bl_import_builder_read_date_text    (BlImportBuilder      *b,
                                                 const BlImportValues *v,
                                                 BlField               field,
                                                 const char           *place);
guint       bl_import_builder_read_grade        (BlImportBuilder      *b,
                                                 const BlImportValues *v,
                                                 BlField               field,
                                                 const char           *place,
                                                 gboolean              letter);
gboolean    bl_import_builder_read_term         (BlImportBuilder      *b,
                                                 const BlImportValues *v,
                                                 BlField               field,
                                                 const char           *place,
                                                 gboolean            (*from_string) (const char *, int *),
                                                 int                  *out);

/* bl-import-builder-entities.c */
guint32     bl_import_builder_find_or_add_actor  (BlImportBuilder      *b,
                                                  const BlImportValues *v,
                                                  const char           *place);
guint32     bl_import_builder_find_or_add_source (BlImportBuilder      *b,
                                                  const BlImportValues *v,
                                                  const char           *place);
guint32     bl_import_builder_find_or_add_topic  (BlImportBuilder      *b,
                                                  const BlImportValues *v,
                                                  const char           *place);

G_END_DECLS
