/* bl-claim-editor-entities.c — the claimant, source and topic pickers
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each picker is a combo row over the project's actors, sources or
 * topics, with "None" first and "New …" last; choosing "New …" shows the
 * fields of a new one right below. Nothing is created before Save: then
 * bl_claim_editor_entities_commit() adds the new ones through the history,
 * inside the editor's group, so that one Undo removes them with the claim.
 *
 * The picker remembers the chosen entity by id, so that the lists can be
 * rebuilt when the project changes while the editor is open.
 *
 * "Paste a Link" reads a web address from the clipboard: a source that
 * already has it is chosen; otherwise a new source is started with the
 * address and a name guessed from the host, for the analyst to correct.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-claim-editor-private.h"
#include "bl-uri.h"
#include "bl-vocab.h"

/* The longest clipboard text taken as a link. */
#define MAX_LINK 4096

typedef enum {
  PICK_ACTOR,
  PICK_SOURCE,
  PICK_TOPIC,
  N_PICKS
} Pick;

/* Helpers */

static GListModel *
pick_model (BlClaimEditor *self,
            Pick           pick)
{
  switch (pick)
    {
    case PICK_ACTOR:
      return bl_project_get_actors (self->project);
    case PICK_SOURCE:
      return bl_project_get_sources (self->project);
    case PICK_TOPIC:
    default:
      return bl_project_get_topics (self->project);
    }
}

static AdwComboRow *
pick_row (BlClaimEditor *self,
          Pick           pick)
{
  return pick == PICK_ACTOR ? self->claimant_row
       : pick == PICK_SOURCE ? self->source_row
       : self->topic_row;
}

static char **
pick_id (BlClaimEditor *self,
         Pick           pick)
{
  return pick == PICK_ACTOR ? &self->actor_id
       : pick == PICK_SOURCE ? &self->source_id
       : &self->topic_id;
}

/* The first field of a new one: shown means "New …" is chosen. */
static GtkWidget *
pick_new_row (BlClaimEditor *self,
              Pick           pick)
{
  return pick == PICK_ACTOR ? GTK_WIDGET (self->actor_name_row)
       : pick == PICK_SOURCE ? GTK_WIDGET (self->source_name_row)
       : GTK_WIDGET (self->topic_title_row);
}

static gboolean
pick_is_new (BlClaimEditor *self,
             Pick           pick)
{
  return gtk_widget_get_visible (pick_new_row (self, pick));
}

static void
show_new_fields (BlClaimEditor *self,
                 Pick           pick,
                 gboolean       shown)
{
  GtkWidget *actor_rows[] = {
    GTK_WIDGET (self->actor_name_row), GTK_WIDGET (self->actor_role_row),
    GTK_WIDGET (self->actor_affiliation_row), GTK_WIDGET (self->actor_kind_row),
    GTK_WIDGET (self->actor_reliability_row), NULL
  };
  GtkWidget *source_rows[] = {
    GTK_WIDGET (self->source_name_row), GTK_WIDGET (self->source_kind_row),
    GTK_WIDGET (self->source_url_row), GTK_WIDGET (self->source_reliability_row), NULL
  };
  GtkWidget *topic_rows[] = {
    GTK_WIDGET (self->topic_title_row), GTK_WIDGET (self->topic_unit_row), NULL
  };
  GtkWidget **rows = pick == PICK_ACTOR ? actor_rows
                   : pick == PICK_SOURCE ? source_rows
                   : topic_rows;

  for (guint i = 0; rows[i] != NULL; i++)
    gtk_widget_set_visible (rows[i], shown);
  if (pick == PICK_SOURCE && !shown)
    gtk_widget_set_visible (GTK_WIDGET (self->source_caption_row), FALSE);
}

static const char *
entity_id (GObject *entity)
{
  if (BL_IS_ACTOR (entity))
    return bl_actor_get_id (BL_ACTOR (entity));
  if (BL_IS_SOURCE (entity))
    return bl_source_get_id (BL_SOURCE (entity));
  return bl_topic_get_id (BL_TOPIC (entity));
}

static const char *
entity_label (GObject *entity)
{
  const char *label;

  if (BL_IS_ACTOR (entity))
    label = bl_actor_get_name (BL_ACTOR (entity));
  else if (BL_IS_SOURCE (entity))
    label = bl_source_get_name (BL_SOURCE (entity));
  else
    label = bl_topic_get_title (BL_TOPIC (entity));

  return label != NULL && *label != '\0' ? label : entity_id (entity);
}

static guint
find_entity (GListModel *model,
             const char *id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) entity = g_list_model_get_item (model, i);

      if (g_strcmp0 (entity_id (entity), id) == 0)
        return i;
    }
  return BL_NO_INDEX;
}

/* Selects in the combo row what the editor has chosen. */
static void
select_picked (BlClaimEditor *self,
               Pick           pick)
{
  AdwComboRow *row = pick_row (self, pick);
  guint n = g_list_model_get_n_items (adw_combo_row_get_model (row));
  const char *id = *pick_id (self, pick);
  guint position = BL_EDITOR_PICK_NONE;

  if (pick_is_new (self, pick))
    position = n - 1;
  else if (id != NULL)
    {
      guint index = find_entity (pick_model (self, pick), id);

      if (index != BL_NO_INDEX)
        position = index + 1;
    }

  self->loading++;
  adw_combo_row_set_selected (row, position);
  self->loading--;
}

/* Fills a picker with "None", the project's entities and "New …". */
static void
rebuild (BlClaimEditor *self,
         Pick           pick)
{
  static const char *new_labels[N_PICKS] = {
    N_("New Claimant…"), N_("New Source…"), N_("New Topic…"),
  };
  GListModel *model = pick_model (self, pick);
  GtkStringList *names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (model);

  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) entity = g_list_model_get_item (model, i);

      gtk_string_list_append (names, entity_label (entity));
    }
  gtk_string_list_append (names, _(new_labels[pick]));

  self->loading++;
  adw_combo_row_set_model (pick_row (self, pick), G_LIST_MODEL (names));
  self->loading--;
  g_object_unref (names);

  select_picked (self, pick);
}

static void
picked (BlClaimEditor *self,
        Pick           pick)
{
  AdwComboRow *row = pick_row (self, pick);
  guint n = g_list_model_get_n_items (adw_combo_row_get_model (row));
  guint position = adw_combo_row_get_selected (row);
  char **id = pick_id (self, pick);

  if (self->loading > 0 || position == GTK_INVALID_LIST_POSITION)
    return;

  if (position + 1 == n)
    {
      g_clear_pointer (id, g_free);
      show_new_fields (self, pick, TRUE);
      gtk_widget_grab_focus (pick_new_row (self, pick));
    }
  else
    {
      show_new_fields (self, pick, FALSE);
      g_clear_pointer (id, g_free);
      if (position != BL_EDITOR_PICK_NONE)
        {
          g_autoptr(GObject) entity = g_list_model_get_item (pick_model (self, pick), position - 1);

          *id = g_strdup (entity_id (entity));
        }
    }

  bl_claim_editor_changed (self);
}

static char *
new_entity_id (BlClaimEditor *self,
               Pick           pick)
{
  static const char prefixes[N_PICKS] = { 'a', 's', 't' };

  for (;;)
    {
      g_autofree char *id = g_strdup_printf ("%c-%08x", prefixes[pick], g_random_int ());

      if (find_entity (pick_model (self, pick), id) == BL_NO_INDEX)
        return g_steal_pointer (&id);
    }
}

static char *
dup_text (gpointer editable)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static GtkStringList *
reliability_labels (void)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Not graded"));
  for (guint i = 1; i <= 6; i++)
    {
      /* Translators: an Admiralty reliability grade and its meaning, "B — Usually reliable" */
      g_autofree char *label = g_strdup_printf (_("%c — %s"), bl_reliability_to_letter (i),
                                                bl_reliability_get_meaning (i));

      gtk_string_list_append (labels, label);
    }
  return labels;
}

static void
set_labels (AdwComboRow   *row,
            GtkStringList *labels)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  g_object_unref (labels);
}

static char *
guess_name (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL || *host == '\0')
    return NULL;
  if (g_str_has_prefix (host, "www."))
    host += 4;
  return g_strdup (host);
}

/* Callbacks */

static void
on_claimant_picked (BlClaimEditor *self)
{
  picked (self, PICK_ACTOR);
}

static void
on_source_picked (BlClaimEditor *self)
{
  picked (self, PICK_SOURCE);
}

static void
on_topic_picked (BlClaimEditor *self)
{
  picked (self, PICK_TOPIC);
}

static void
on_actors_changed (BlClaimEditor *self)
{
  rebuild (self, PICK_ACTOR);
}

static void
on_sources_changed (BlClaimEditor *self)
{
  rebuild (self, PICK_SOURCE);
}

static void
on_topics_changed (BlClaimEditor *self)
{
  rebuild (self, PICK_TOPIC);
}

static void
on_new_field_changed (BlClaimEditor *self)
{
  bl_claim_editor_changed (self);
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  BlClaimEditor *self;
  g_autofree char *name = NULL;
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = BL_CLAIM_EDITOR (user_data);
  if (text != NULL)
    g_strstrip (text);

  if (text == NULL || strlen (text) > MAX_LINK || !bl_uri_is_web_link (text))
    {
      bl_claim_editor_toast (self, _("The clipboard holds no web address (http or https)."));
      return;
    }

  /* a source that has the address already */
  n = g_list_model_get_n_items (bl_project_get_sources (self->project));
  for (guint i = 0; i < n; i++)
    {
      BlSource *s = bl_project_get_source (self->project, i);

      if (g_strcmp0 (bl_source_get_url (s), text) == 0)
        {
          g_autofree char *message = NULL;

          show_new_fields (self, PICK_SOURCE, FALSE);
          g_free (self->source_id);
          self->source_id = g_strdup (bl_source_get_id (s));
          select_picked (self, PICK_SOURCE);
          message = g_strdup_printf (_("The source “%s” has this address: it is chosen."),
                                     entity_label (G_OBJECT (s)));
          bl_claim_editor_toast (self, message);
          bl_claim_editor_changed (self);
          return;
        }
    }

  g_clear_pointer (&self->source_id, g_free);
  show_new_fields (self, PICK_SOURCE, TRUE);
  select_picked (self, PICK_SOURCE);
  gtk_editable_set_text (GTK_EDITABLE (self->source_url_row), text);
  name = guess_name (text);
  if (name != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->source_name_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->source_name_row), name);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_name_row));
  bl_claim_editor_changed (self);
}

/* Shared with the other parts (bl-claim-editor-private.h) */

void
bl_claim_editor_entities_init (BlClaimEditor *self)
{
  GtkStringList *labels;
  GtkWidget *fields[] = {
    GTK_WIDGET (self->actor_name_row), GTK_WIDGET (self->actor_role_row),
    GTK_WIDGET (self->actor_affiliation_row), GTK_WIDGET (self->source_name_row),
    GTK_WIDGET (self->source_url_row), GTK_WIDGET (self->topic_title_row),
    GTK_WIDGET (self->topic_unit_row),
  };
  AdwComboRow *combos[] = {
    self->actor_kind_row, self->actor_reliability_row,
    self->source_kind_row, self->source_reliability_row,
  };

  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < BL_N_ACTOR_KINDS; i++)
    gtk_string_list_append (labels, bl_actor_kind_get_label (i));
  set_labels (self->actor_kind_row, labels);

  labels = gtk_string_list_new (NULL);
  for (guint i = 0; i < BL_N_SOURCE_KINDS; i++)
    gtk_string_list_append (labels, bl_source_kind_get_label (i));
  set_labels (self->source_kind_row, labels);

  set_labels (self->actor_reliability_row, reliability_labels ());
  set_labels (self->source_reliability_row, reliability_labels ());

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_signal_connect_swapped (fields[i], "changed", G_CALLBACK (on_new_field_changed), self);
  for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
    g_signal_connect_swapped (combos[i], "notify::selected", G_CALLBACK (on_new_field_changed), self);

  for (Pick pick = 0; pick < N_PICKS; pick++)
    rebuild (self, pick);

  g_signal_connect_swapped (self->claimant_row, "notify::selected", G_CALLBACK (on_claimant_picked), self);
  g_signal_connect_swapped (self->source_row, "notify::selected", G_CALLBACK (on_source_picked), self);
  g_signal_connect_swapped (self->topic_row, "notify::selected", G_CALLBACK (on_topic_picked), self);

  g_signal_connect_object (bl_project_get_actors (self->project), "items-changed",
                           G_CALLBACK (on_actors_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bl_project_get_sources (self->project), "items-changed",
                           G_CALLBACK (on_sources_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bl_project_get_topics (self->project), "items-changed",
                           G_CALLBACK (on_topics_changed), self, G_CONNECT_SWAPPED);
}

void
bl_claim_editor_entities_dispose (BlClaimEditor *self)
{
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (bl_project_get_actors (self->project), self);
      g_signal_handlers_disconnect_by_data (bl_project_get_sources (self->project), self);
      g_signal_handlers_disconnect_by_data (bl_project_get_topics (self->project), self);
    }
  g_clear_pointer (&self->actor_id, g_free);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->topic_id, g_free);
}

void
bl_claim_editor_entities_load (BlClaimEditor       *self,
                               const BlClaimRecord *record)
{
  guint n;

  g_clear_pointer (&self->actor_id, g_free);
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->topic_id, g_free);

  n = g_list_model_get_n_items (bl_project_get_actors (self->project));
  if (record->actor != BL_NO_INDEX && record->actor < n)
    self->actor_id = g_strdup (bl_actor_get_id (bl_project_get_actor (self->project, record->actor)));
  n = g_list_model_get_n_items (bl_project_get_sources (self->project));
  if (record->source != BL_NO_INDEX && record->source < n)
    self->source_id = g_strdup (bl_source_get_id (bl_project_get_source (self->project, record->source)));
  n = g_list_model_get_n_items (bl_project_get_topics (self->project));
  if (record->topic != BL_NO_INDEX && record->topic < n)
    self->topic_id = g_strdup (bl_topic_get_id (bl_project_get_topic (self->project, record->topic)));

  for (Pick pick = 0; pick < N_PICKS; pick++)
    {
      show_new_fields (self, pick, FALSE);
      select_picked (self, pick);
    }
}

/* Returns: what stops saving, in words, or NULL */
const char *
bl_claim_editor_entities_check (BlClaimEditor *self)
{
  const char *problem = NULL;

  if (pick_is_new (self, PICK_ACTOR))
    {
      g_autofree char *name = dup_text (self->actor_name_row);

      if (name == NULL)
        problem = _("Type the name of the new claimant.");
    }

  if (pick_is_new (self, PICK_SOURCE))
    {
      g_autofree char *name = dup_text (self->source_name_row);
      g_autofree char *url = dup_text (self->source_url_row);

      if (url != NULL && !bl_uri_is_web_link (url))
        {
          gtk_widget_set_visible (GTK_WIDGET (self->source_caption_row), TRUE);
          bl_claim_editor_set_caption (self->source_caption, GTK_WIDGET (self->source_url_row),
                                       _("A web address starts with http:// or https://."), TRUE);
          if (problem == NULL)
            problem = _("The web address of the new source is not a web link.");
        }
      else
        {
          gtk_widget_set_visible (GTK_WIDGET (self->source_caption_row), FALSE);
          gtk_widget_remove_css_class (GTK_WIDGET (self->source_url_row), "error");
        }

      if (name == NULL && problem == NULL)
        problem = _("Type the name of the new source.");
    }

  if (pick_is_new (self, PICK_TOPIC))
    {
      g_autofree char *title = dup_text (self->topic_title_row);

      if (title == NULL && problem == NULL)
        problem = _("Type the question of the new topic.");
    }

  return problem;
}

/* The unit of the topic chosen (or being created), or NULL. */
const char *
bl_claim_editor_get_topic_unit (BlClaimEditor *self)
{
  guint index;

  if (pick_is_new (self, PICK_TOPIC))
    {
      const char *unit = gtk_editable_get_text (GTK_EDITABLE (self->topic_unit_row));

      return *unit != '\0' ? unit : NULL;
    }
  if (self->topic_id == NULL)
    return NULL;

  index = bl_project_find_topic (self->project, self->topic_id);
  return index != BL_NO_INDEX ? bl_topic_get_unit (bl_project_get_topic (self->project, index)) : NULL;
}

/* Adds the claimant, source and topic created inline through the history
 * (the caller has opened a group) and says which ones the claim names.
 * Returns: %FALSE if one could not be added */
gboolean
bl_claim_editor_entities_commit (BlClaimEditor *self,
                                 guint32       *actor,
                                 guint32       *source,
                                 guint32       *topic)
{
  *actor = *source = *topic = BL_NO_INDEX;

  if (pick_is_new (self, PICK_ACTOR))
    {
      g_autofree char *id = new_entity_id (self, PICK_ACTOR);
      g_autofree char *name = dup_text (self->actor_name_row);
      g_autofree char *role = dup_text (self->actor_role_row);
      g_autofree char *affiliation = dup_text (self->actor_affiliation_row);
      g_autoptr(BlActor) new_actor = bl_actor_new (id, name);

      bl_actor_set_role (new_actor, role);
      bl_actor_set_affiliation (new_actor, affiliation);
      bl_actor_set_kind (new_actor, adw_combo_row_get_selected (self->actor_kind_row));
      bl_actor_set_reliability (new_actor, adw_combo_row_get_selected (self->actor_reliability_row));
      *actor = bl_history_add_actor (self->history, new_actor, _("Add Claimant"));
      if (*actor == BL_NO_INDEX)
        return FALSE;
    }
  else if (self->actor_id != NULL)
    *actor = bl_project_find_actor (self->project, self->actor_id);

  if (pick_is_new (self, PICK_SOURCE))
    {
      g_autofree char *id = new_entity_id (self, PICK_SOURCE);
      g_autofree char *name = dup_text (self->source_name_row);
      g_autofree char *url = dup_text (self->source_url_row);
      g_autoptr(BlSource) new_source = bl_source_new (id);

      bl_source_set_name (new_source, name);
      bl_source_set_kind (new_source, adw_combo_row_get_selected (self->source_kind_row));
      bl_source_set_url (new_source, url);
      bl_source_set_reliability (new_source, adw_combo_row_get_selected (self->source_reliability_row));
      *source = bl_history_add_source (self->history, new_source, _("Add Source"));
      if (*source == BL_NO_INDEX)
        return FALSE;
    }
  else if (self->source_id != NULL)
    *source = bl_project_find_source (self->project, self->source_id);

  if (pick_is_new (self, PICK_TOPIC))
    {
      g_autofree char *id = new_entity_id (self, PICK_TOPIC);
      g_autofree char *title = dup_text (self->topic_title_row);
      g_autofree char *unit = dup_text (self->topic_unit_row);
      g_autoptr(BlTopic) new_topic = bl_topic_new (id);

      bl_topic_set_title (new_topic, title);
      bl_topic_set_unit (new_topic, unit);
      *topic = bl_history_add_topic (self->history, new_topic, _("Add Topic"));
      if (*topic == BL_NO_INDEX)
        return FALSE;
    }
  else if (self->topic_id != NULL)
    *topic = bl_project_find_topic (self->project, self->topic_id);

  return TRUE;
}

/* "Paste a Link": fills the source from a web address on the clipboard. */
void
bl_claim_editor_paste_link (BlClaimEditor *self)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                                 self->cancellable, on_clipboard_text, self);
}
