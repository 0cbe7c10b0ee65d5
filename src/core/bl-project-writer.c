/* bl-project-writer.c — writing .borderline project files, and file I/O
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes a project in its canonical form: members in a fixed order, empty
 * members left out, numbers in the C locale with the shortest text that
 * reads back to the same double. So load → save → load → save gives the
 * same bytes twice.
 *
 * Saving is atomic and durable: the old file, if any, is kept as a backup
 * ("NAME~", a hard link where the file system allows, so no copy is
 * made), and the new content is written to a temporary file, flushed to
 * disk and renamed over the old one. A failure at any point leaves the old
 * file whole.
 *
 * Also here: loading from a GFile (the file is mapped, not copied) and the
 * async variants that the window uses to keep its main loop free.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "bl-error.h"
#include "bl-json-writer.h"
#include "bl-project-io.h"
#include "bl-vocab.h"
#include "bl-time-lanes.h"

static const char * const annotation_kinds[BL_N_ANNOTATION_KINDS] = {
  "text", "arrow", "circle", "area"
};

static const char * const clock_names[BL_N_CLOCKS] = { "said", "about" };

static void
write_text (BlJsonWriter *w,
            const char   *member,
            const char   *value)
{
  if (value == NULL)
    return;

  bl_json_writer_member (w, member);
  bl_json_writer_string (w, value);
}

static void
write_date (BlJsonWriter *w,
            const char   *member,
            const BlDate *date)
{
  g_autofree char *text = NULL;

  if (bl_date_is_unknown (date))
    return;

  text = bl_date_to_string (date);
  write_text (w, member, text);
}

static void
write_strv (BlJsonWriter       *w,
            const char         *member,
            const char * const *strv)
{
  if (strv == NULL || strv[0] == NULL)
    return;

  bl_json_writer_member (w, member);
  bl_json_writer_begin_array (w);
  for (guint i = 0; strv[i] != NULL; i++)
    bl_json_writer_string (w, strv[i]);
  bl_json_writer_end_array (w);
}

static void
write_positions (BlJsonWriter *w,
                 const char   *member,
                 const double *coords,
                 guint         n)
{
  if (n == 0)
    return;

  bl_json_writer_member (w, member);
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      bl_json_writer_begin_array (w);
      bl_json_writer_double (w, coords[2 * i]);
      bl_json_writer_double (w, coords[2 * i + 1]);
      bl_json_writer_end_array (w);
    }
  bl_json_writer_end_array (w);
}

static void
write_reliability (BlJsonWriter *w,
                   guint         reliability)
{
  char letter[2] = { bl_reliability_to_letter (reliability), '\0' };

  if (reliability == BL_RELIABILITY_NONE)
    return;

  write_text (w, "reliability", letter);
}

static void
write_actors (BlJsonWriter *w,
              BlProject    *project)
{
  GListModel *actors = bl_project_get_actors (project);
  guint n = g_list_model_get_n_items (actors);

  if (n == 0)
    return;

  bl_json_writer_member (w, "actors");
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      BlActor *actor = bl_project_get_actor (project, i);

      bl_json_writer_begin_object (w);
      write_text (w, "id", bl_actor_get_id (actor));
      write_text (w, "name", bl_actor_get_name (actor));
      write_text (w, "role", bl_actor_get_role (actor));
      write_text (w, "affiliation", bl_actor_get_affiliation (actor));
      if (bl_actor_get_kind (actor) != BL_ACTOR_OTHER)
        write_text (w, "kind", bl_actor_kind_to_string (bl_actor_get_kind (actor)));
      write_reliability (w, bl_actor_get_reliability (actor));
      bl_json_writer_end_object (w);
    }
  bl_json_writer_end_array (w);
}

static void
write_sources (BlJsonWriter *w,
               BlProject    *project)
{
  GListModel *sources = bl_project_get_sources (project);
  guint n = g_list_model_get_n_items (sources);

  if (n == 0)
    return;

  bl_json_writer_member (w, "sources");
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      BlSource *source = bl_project_get_source (project, i);

      bl_json_writer_begin_object (w);
      write_text (w, "id", bl_source_get_id (source));
      write_text (w, "name", bl_source_get_name (source));
      if (bl_source_get_kind (source) != BL_SOURCE_OTHER)
        write_text (w, "kind", bl_source_kind_to_string (bl_source_get_kind (source)));
      write_text (w, "url", bl_source_get_url (source));
      write_text (w, "published", bl_source_get_published (source));
      write_text (w, "retrieved", bl_source_get_retrieved (source));
      write_text (w, "language", bl_source_get_language (source));
      write_reliability (w, bl_source_get_reliability (source));
      write_text (w, "origin", bl_source_get_origin (source));
      bl_json_writer_end_object (w);
    }
  bl_json_writer_end_array (w);
}

static void
write_topics (BlJsonWriter *w,
              BlProject    *project)
{
  GListModel *topics = bl_project_get_topics (project);
  guint n = g_list_model_get_n_items (topics);

  if (n == 0)
    return;

  bl_json_writer_member (w, "topics");
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      BlTopic *topic = bl_project_get_topic (project, i);

      bl_json_writer_begin_object (w);
      write_text (w, "id", bl_topic_get_id (topic));
      write_text (w, "title", bl_topic_get_title (topic));
      write_text (w, "unit", bl_topic_get_unit (topic));
      write_text (w, "description", bl_topic_get_description (topic));
      bl_json_writer_end_object (w);
    }
  bl_json_writer_end_array (w);
}

static void
write_quantity (BlJsonWriter     *w,
                const BlQuantity *q)
{
  bl_json_writer_member (w, "quantity");
  bl_json_writer_begin_object (w);

  if (!isnan (q->value))
    {
      bl_json_writer_member (w, "value");
      bl_json_writer_double (w, q->value);
    }
  if (!isnan (q->min))
    {
      bl_json_writer_member (w, "min");
      bl_json_writer_double (w, q->min);
    }
  if (!isnan (q->max) && !isinf (q->max))
    {
      bl_json_writer_member (w, "max");
      bl_json_writer_double (w, q->max);
    }
  if (q->qualifier != BL_QUANTITY_EXACT)
    write_text (w, "qualifier", bl_quantity_qualifier_to_string (q->qualifier));
  write_text (w, "unit", q->unit);
  write_text (w, "text", q->text);

  bl_json_writer_end_object (w);
}

static const char *
lookup_id (BlProject *project,
           guint      kind,
           guint32    index)
{
  if (index == BL_NO_INDEX)
    return NULL;

  switch (kind)
    {
    case 0:
      return bl_actor_get_id (bl_project_get_actor (project, index));
    case 1:
      return bl_source_get_id (bl_project_get_source (project, index));
    default:
      return bl_topic_get_id (bl_project_get_topic (project, index));
    }
}

static void
write_claim (BlJsonWriter        *w,
             BlProject           *project,
             const BlClaimRecord *r)
{
  gboolean has_point = !isnan (r->lat) && !isnan (r->lon);

  bl_json_writer_begin_object (w);
  write_text (w, "id", r->id);
  write_text (w, "statement", r->statement);
  write_text (w, "quote", r->quote);
  write_text (w, "claimant", lookup_id (project, 0, r->actor));
  write_text (w, "source", lookup_id (project, 1, r->source));
  write_date (w, "said-on", &r->said_on);
  write_date (w, "about", &r->about);
  write_text (w, "topic", lookup_id (project, 2, r->topic));
  if (r->quantity != NULL)
    write_quantity (w, r->quantity);
  if (r->stance != BL_STANCE_ASSERTS)
    write_text (w, "stance", bl_stance_to_string (r->stance));

  if (has_point || r->areas || r->n_polygon > 0 || r->place ||
      r->precision != BL_PRECISION_UNKNOWN)
    {
      bl_json_writer_member (w, "location");
      bl_json_writer_begin_object (w);
      if (has_point)
        {
          bl_json_writer_member (w, "lat");
          bl_json_writer_double (w, r->lat);
          bl_json_writer_member (w, "lon");
          bl_json_writer_double (w, r->lon);
        }
      write_strv (w, "areas", r->areas);
      write_positions (w, "polygon", r->polygon, r->n_polygon);
      if (r->precision != BL_PRECISION_UNKNOWN)
        write_text (w, "precision", bl_precision_to_string (r->precision));
      write_text (w, "place", r->place);
      bl_json_writer_end_object (w);
    }

  if (r->credibility != BL_CREDIBILITY_NONE)
    {
      bl_json_writer_member (w, "credibility");
      bl_json_writer_int64 (w, r->credibility);
    }
  write_strv (w, "tags", r->tags);
  write_text (w, "notes", r->notes);

  if (r->n_relations > 0)
    {
      bl_json_writer_member (w, "relations");
      bl_json_writer_begin_array (w);
      for (guint i = 0; i < r->n_relations; i++)
        {
          bl_json_writer_begin_object (w);
          write_text (w, "type", bl_relation_kind_to_string (r->relations[i].kind));
          write_text (w, "claim", r->relations[i].claim_id);
          bl_json_writer_end_object (w);
        }
      bl_json_writer_end_array (w);
    }

  bl_json_writer_end_object (w);
}

static gboolean
write_claims (BlJsonWriter  *w,
              BlProject     *project,
              GCancellable  *cancellable,
              GError       **error)
{
  BlClaimStore *store = bl_project_get_claims (project);
  guint n = bl_claim_store_get_n_claims (store);

  if (n == 0)
    return TRUE;

  bl_json_writer_member (w, "claims");
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord record;

      if ((i & 4095) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      bl_claim_store_get_record (store, i, &record);
      write_claim (w, project, &record);
    }
  bl_json_writer_end_array (w);

  return TRUE;
}

static void
write_annotations (BlJsonWriter *w,
                   BlProject    *project)
{
  GPtrArray *annotations = bl_project_get_annotations (project);

  if (annotations->len == 0)
    return;

  bl_json_writer_member (w, "annotations");
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < annotations->len; i++)
    {
      const BlAnnotation *a = g_ptr_array_index (annotations, i);

      bl_json_writer_begin_object (w);
      write_text (w, "id", a->id);
      write_text (w, "kind", annotation_kinds[a->kind]);
      write_text (w, "text", a->text);
      write_positions (w, "points", a->points, a->n_points);
      write_text (w, "color", a->color);
      if (a->size > 0)
        {
          bl_json_writer_member (w, "size");
          bl_json_writer_double (w, a->size);
        }
      bl_json_writer_end_object (w);
    }
  bl_json_writer_end_array (w);
}

static void
write_views (BlJsonWriter *w,
             BlProject    *project)
{
  GPtrArray *views = bl_project_get_views (project);

  if (views->len == 0)
    return;

  bl_json_writer_member (w, "views");
  bl_json_writer_begin_array (w);
  for (guint i = 0; i < views->len; i++)
    {
      const BlView *v = g_ptr_array_index (views, i);

      bl_json_writer_begin_object (w);
      write_text (w, "name", v->name);
      if (!isnan (v->west))
        {
          bl_json_writer_member (w, "bbox");
          bl_json_writer_begin_array (w);
          bl_json_writer_double (w, v->west);
          bl_json_writer_double (w, v->south);
          bl_json_writer_double (w, v->east);
          bl_json_writer_double (w, v->north);
          bl_json_writer_end_array (w);
        }
      write_date (w, "from", &v->from);
      write_date (w, "to", &v->to);
      if (v->clock != BL_CLOCK_SAID)
        write_text (w, "clock", clock_names[v->clock]);
      write_text (w, "topic", v->topic);
      write_text (w, "text", v->text);
      if (v->cumulative)
        {
          bl_json_writer_member (w, "cumulative");
          bl_json_writer_boolean (w, TRUE);
        }
      if (v->lanes >= 0 && v->lanes <= BL_TIME_LANES_TOPIC)
        write_text (w, "lanes", bl_time_lanes_group_to_string (v->lanes));
      write_date (w, "shown-from", &v->shown_from);
      write_date (w, "shown-to", &v->shown_to);
      if (v->is_default)
        {
          bl_json_writer_member (w, "default");
          bl_json_writer_boolean (w, TRUE);
        }
      bl_json_writer_end_object (w);
    }
  bl_json_writer_end_array (w);
}

/**
 * bl_project_to_bytes:
 * @project: a project
 * @cancellable: (nullable): a #GCancellable
 * @error: set only when cancelled
 *
 * Returns: (transfer full): the project file's content, canonical form
 */
GBytes *
bl_project_to_bytes (BlProject     *project,
                     GCancellable  *cancellable,
                     GError       **error)
{
  BlClaimStore *store;
  g_autoptr(BlJsonWriter) w = NULL;
  GString *out;

  g_return_val_if_fail (BL_IS_PROJECT (project), NULL);

  store = bl_project_get_claims (project);
  /* about 400 bytes per claim: one allocation for most projects */
  out = g_string_sized_new (4096 + (gsize) bl_claim_store_get_n_claims (store) * 400);
  w = bl_json_writer_new (out);
  bl_json_writer_set_pretty (w, TRUE);

  bl_json_writer_begin_object (w);
  write_text (w, "format", "borderline");
  bl_json_writer_member (w, "version");
  bl_json_writer_int64 (w, BL_PROJECT_FORMAT_VERSION);
  write_text (w, "title", bl_project_get_title (project));
  write_text (w, "description", bl_project_get_description (project));
  write_actors (w, project);
  write_sources (w, project);
  write_topics (w, project);
  if (!write_claims (w, project, cancellable, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  write_annotations (w, project);
  write_views (w, project);
  bl_json_writer_end_object (w);

  g_assert (bl_json_writer_is_complete (w));

  return g_string_free_to_bytes (out);
}

/* Keeps the current file as NAME~ before it is replaced. */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not replace the backup “%s”: %s"), backup, g_strerror (saved));
      return FALSE;
    }

  if (link (path, backup) == 0)
    return TRUE;

  /* no hard links here: copy */
  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;

  return g_file_set_contents_full (backup, contents, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0644, error);
}

/* Writes @bytes to @file, keeping the old content as a backup; the old
 * file stays whole on any failure. */
static gboolean
write_atomically (GFile         *file,
                  GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  gconstpointer data;
  gsize len;

  data = g_bytes_get_data (bytes, &len);

  if (path != NULL)
    return keep_backup (path, error) &&
           g_file_set_contents_full (path, data, len,
                                     G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                     0644, error);

  /* Not a local file: GIO's replace writes a temporary and keeps a backup. */
  return g_file_replace_contents (file, data, len, NULL, TRUE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}

/**
 * bl_project_save:
 * @project: a project
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Writes @project to @file atomically, keeping the previous file as a
 * backup. On failure the previous file is untouched.
 *
 * Returns: %TRUE on success
 */
gboolean
bl_project_save (BlProject     *project,
                 GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (BL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = bl_project_to_bytes (project, cancellable, error);
  if (bytes == NULL)
    return FALSE;

  return write_atomically (file, bytes, cancellable, error);
}

/**
 * bl_file_get_display_name:
 *
 * Returns: (transfer full): how to name @file in messages: its path, or
 *   its URI when it has no local path
 */
char *
bl_file_get_display_name (GFile *file)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path != NULL)
    return g_filename_display_name (path);

  return g_file_get_parse_name (file);
}

/**
 * bl_project_load:
 * @file: a .borderline file
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Reads a project file, blocking. Local files are mapped into memory
 * rather than copied.
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 */
BlProject *
bl_project_load (GFile         *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GFileInfo) info = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = bl_file_get_display_name (file);
  path = g_file_get_path (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: is a folder, not a project file"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > BL_PROJECT_MAX_FILE_SIZE)
    {
      g_set_error (error, BL_ERROR, BL_ERROR_TOO_LARGE,
                   _("%s: the file is larger than Borderline reads (2 GiB)"), name);
      return NULL;
    }

  if (path != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR)
    {
      mapped = g_mapped_file_new (path, FALSE, error);
      if (mapped == NULL)
        return NULL;
      data = g_mapped_file_get_contents (mapped);
      len = g_mapped_file_get_length (mapped);
    }
  else
    {
      if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, error))
        return NULL;
      data = contents;
    }

  return bl_project_load_from_data (data, len, name, cancellable, NULL, NULL, error);
}

typedef struct {
  GFile          *file;
  BlProgressFunc  progress;
  gpointer        progress_data;
} LoadData;

static void
load_data_free (LoadData *d)
{
  g_clear_object (&d->file);
  g_free (d);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *d = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = bl_file_get_display_name (d->file);
  g_autofree char *path = g_file_get_path (d->file);
  g_autoptr(GMappedFile) mapped = NULL;
  BlProject *project;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR) || d->progress == NULL)
    project = bl_project_load (d->file, cancellable, &error);
  else if ((mapped = g_mapped_file_new (path, FALSE, &error)) == NULL)
    project = NULL;
  else
    project = bl_project_load_from_data (g_mapped_file_get_contents (mapped),
                                         g_mapped_file_get_length (mapped),
                                         name, cancellable, d->progress, d->progress_data,
                                         &error);

  if (project == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, project, g_object_unref);
}

/**
 * bl_project_load_async:
 * @file: a .borderline file
 * @cancellable: (nullable): a #GCancellable
 * @progress: (nullable): called from the loading thread
 * @progress_data: data for @progress; must stay valid until the callback
 * @callback: called in the thread-default main context when done
 * @user_data: data for @callback
 *
 * Reads a project file in a worker thread.
 */
void
bl_project_load_async (GFile               *file,
                       GCancellable        *cancellable,
                       BlProgressFunc       progress,
                       gpointer             progress_data,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *d;

  g_return_if_fail (G_IS_FILE (file));

  d = g_new0 (LoadData, 1);
  d->file = g_object_ref (file);
  d->progress = progress;
  d->progress_data = progress_data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_project_load_async);
  g_task_set_task_data (task, d, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

BlProject *
bl_project_load_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Saving serialises in the main thread (the project is not thread-safe
 * and may change while a thread reads it), then writes in a worker. */
typedef struct {
  GFile  *file;
  GBytes *bytes;
} SaveData;

static void
save_data_free (SaveData *d)
{
  g_clear_object (&d->file);
  g_clear_pointer (&d->bytes, g_bytes_unref);
  g_free (d);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *d = task_data;
  g_autoptr(GError) error = NULL;

  if (!write_atomically (d->file, d->bytes, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}
/**
 * bl_project_save_async:
 * @project: a project
 * @file: where to save it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Serialises @project now, then writes it atomically in a worker thread.
 */
void
bl_project_save_async (BlProject           *project,
                       GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SaveData *d;

  g_return_if_fail (BL_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, bl_project_save_async);

  d = g_new0 (SaveData, 1);
  d->file = g_object_ref (file);
  d->bytes = bl_project_to_bytes (project, cancellable, &error);
  g_task_set_task_data (task, d, (GDestroyNotify) save_data_free);

  if (d->bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_run_in_thread (task, save_thread);
}

gboolean
bl_project_save_finish (GAsyncResult  *result,
                        GError       **error)
{
  /* the task's source is the project */
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bl_project_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
