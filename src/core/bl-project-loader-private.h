/* bl-project-loader-private.h — the state and helpers of the project reader
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The project reader is split by concern: bl-project-reader-values.c reads
 * and checks single values (text, ids, numbers, dates, addresses, terms,
 * positions, references) and keeps the path and the problems;
 * bl-project-reader-claims.c reads claims; bl-project-reader.c reads the
 * rest of the document and resolves references. This header is what they
 * share, and nothing outside them includes it.
 */
#pragma once

#include "bl-json-reader.h"
#include "bl-project-io.h"

G_BEGIN_DECLS

/* A reference that names an id not yet seen: PENDING | slot. */
#define PENDING 0x80000000u

typedef enum {
  REF_ACTOR,
  REF_SOURCE,
  REF_TOPIC,
  N_REFS
} RefKind;

typedef struct {
  GHashTable *slots;    /* id → slot + 1 */
  GPtrArray  *ids;      /* slot → id */
  GPtrArray  *paths;    /* slot → where it was first used */
} PendingRefs;

typedef struct {
  BlJsonReader  *json;
  const char    *name;
  GCancellable  *cancellable;
  BlProgressFunc progress;
  gpointer       progress_data;
  gsize          len;

  BlProject     *project;

  GString       *path;
  GArray        *path_marks;   /* guint: path lengths to pop back to */

  GError        *fatal;        /* syntax error or cancellation */
  GPtrArray     *problems;     /* char *, semantic problems */
  int            first_code;   /* BlError of the first problem */
  guint          n_problems;

  gboolean       saw_format;
  gboolean       format_ok;
  gboolean       saw_version;
  gint64         version;

  PendingRefs    refs[N_REFS];
  GArray        *claim_positions;  /* guint: file position of stored claim */
  GPtrArray     *source_origins;   /* char *: per source, or NULL */
  guint          claims_seen;
} Loader;

typedef gboolean (*MemberFunc)  (Loader      *l,
                                 guint        member,
                                 BlJsonToken  token,
                                 gpointer     data);
typedef gboolean (*ElementFunc) (Loader      *l,
                                 guint        position,
                                 BlJsonToken  token,
                                 gpointer     data);

void bl_loader_path_push_member (Loader *l, const char *member);
void bl_loader_path_push_index (Loader *l, guint position);
void bl_loader_path_pop (Loader *l);
void bl_loader_add_problem_at (Loader *l, BlError code, const char *path, guint line, const char *message);
void bl_loader_problem (Loader *l, BlError code, const char *format, ...) G_GNUC_PRINTF (3, 4);
BlJsonToken bl_loader_next (Loader *l);
gboolean bl_loader_skip_value (Loader *l, BlJsonToken token);
gboolean bl_loader_wrong_type (Loader *l, BlJsonToken token, const char *expected);
gboolean bl_loader_check_cancelled (Loader *l);
gboolean bl_loader_read_object (Loader *l, BlJsonToken token, const char * const *names, MemberFunc func, gpointer data, guint64 *seen_out);
gboolean bl_loader_read_array (Loader *l, BlJsonToken token, ElementFunc func, gpointer data);
gboolean bl_loader_read_text (Loader *l, BlJsonToken token, char **out);
gboolean bl_loader_read_id (Loader *l, BlJsonToken token, char **out);
gboolean bl_loader_read_number (Loader *l, BlJsonToken token, double *out, gboolean *ok);
gboolean bl_loader_read_integer (Loader *l, BlJsonToken token, gint64 min, gint64 max, gint64 *out, gboolean *ok);
gboolean bl_loader_read_date (Loader *l, BlJsonToken token, BlDate *out);
gboolean bl_loader_read_date_text (Loader *l, BlJsonToken token, char **out);
gboolean bl_loader_read_url (Loader *l, BlJsonToken token, char **out);
gboolean bl_loader_read_reliability (Loader *l, BlJsonToken token, guint *out);
gboolean bl_loader_read_strings (Loader *l, BlJsonToken token, gboolean codes, char ***out);
gboolean bl_loader_read_positions (Loader *l, BlJsonToken token, GArray *coords);
gboolean bl_loader_read_ref (Loader *l, BlJsonToken token, RefKind kind, guint32 *out);
gboolean bl_loader_read_term (Loader *l, BlJsonToken token, gboolean (*from_string) (const char *, guint *), const char *what, guint *out);
gboolean bl_loader_stance_from_guint (const char *text, guint *out);
gboolean bl_loader_actor_kind_from_guint (const char *text, guint *out);
gboolean bl_loader_source_kind_from_guint (const char *text, guint *out);
gboolean bl_loader_relation_kind_from_guint (const char *text, guint *out);
gboolean bl_loader_precision_from_guint (const char *text, guint *out);
gboolean bl_loader_read_claims (Loader *l, BlJsonToken token);
char *bl_loader_quote (const char *text);

G_END_DECLS
