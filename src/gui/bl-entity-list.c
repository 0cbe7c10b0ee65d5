/* bl-entity-list.c — the project's claimants, sources or topics, managed
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlEntityList is a window listing one kind of the project's entities
 * (claimants, sources or topics) with how many claims name each. The
 * analyst edits one (rename, kind, grades, address, unit), and merges
 * duplicates: ticks two or more, chooses the one to keep, and every claim
 * naming the others names it instead, in one undo step.
 *
 * Every change goes through the project's BlHistory. Deleting an unused
 * entity is one step; deleting one that claims name asks first, and the
 * analyst chooses another entity to take its claims over (a merge), or to
 * delete those claims too, or to keep it.
 *
 * Names come from files: shown as plain text, never markup.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-entity-list-private.h"
#include "bl-vocab.h"

G_DEFINE_FINAL_TYPE (BlEntityList, bl_entity_list, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const BlEntityKindText bl_entity_kind_texts[BL_N_ENTITY_KINDS] = {
  [BL_ENTITY_ACTOR] = {
    N_("Claimants"),
    N_("Who made the claims. Tick two or more to merge duplicates."),
    N_("Edit Claimant"), N_("Rename Actor"), N_("Edit Claimant"), N_("Merge Claimants"), "name",
  },
  [BL_ENTITY_SOURCE] = {
    N_("Sources"),
    N_("The outlets and documents that reported the claims. Tick two or more to merge duplicates."),
    N_("Edit Source"), N_("Rename Source"), N_("Edit Source"), N_("Merge Sources"), "name",
  },
  [BL_ENTITY_TOPIC] = {
    N_("Topics"),
    N_("The questions the claims answer. Tick two or more to merge duplicates."),
    N_("Edit Topic"), N_("Rename Topic"), N_("Edit Topic"), N_("Merge Topics"), "title",
  },
};

/* Helpers */

GListModel *
bl_entity_list_get_entities (BlEntityList *self)
{
  return bl_project_get_entities (self->project, self->kind);
}

char *
bl_entity_dup_string (GObject    *entity,
                      const char *property)
{
  char *value = NULL;

  g_object_get (entity, property, &value, NULL);
  return value;
}

static guint
find_index (BlEntityList *self,
            const char   *id)
{
  GListModel *model = bl_entity_list_get_entities (self);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) entity = g_list_model_get_item (model, i);
      g_autofree char *entity_id = bl_entity_dup_string (entity, "id");

      if (g_strcmp0 (entity_id, id) == 0)
        return i;
    }
  return BL_NO_INDEX;
}

guint
bl_entity_list_index_of (BlEntityList *self,
                         const char   *id)
{
  return find_index (self, id);
}

GObject *
bl_entity_list_lookup (BlEntityList *self,
                       const char   *id)
{
  guint index = find_index (self, id);

  return index != BL_NO_INDEX ? g_list_model_get_item (bl_entity_list_get_entities (self), index) : NULL;
}

char *
bl_entity_display_name (GObject    *entity,
                        const char *name_property)
{
  g_autofree char *name = bl_entity_dup_string (entity, name_property);

  if (name == NULL || *name == '\0')
    return bl_entity_dup_string (entity, "id");
  return g_steal_pointer (&name);
}

/* The entity index of each claim, as a hot array of the store. */
static const guint32 *
claim_refs (BlEntityList *self)
{
  BlClaimStore *store = bl_project_get_claims (self->project);

  return self->kind == BL_ENTITY_ACTOR ? bl_claim_store_get_actors (store)
       : self->kind == BL_ENTITY_SOURCE ? bl_claim_store_get_sources (store)
       : bl_claim_store_get_topics (store);
}

static void
count_claims (BlEntityList *self)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  guint n_claims = bl_claim_store_get_n_claims (store);
  const guint32 *refs = claim_refs (self);

  g_free (self->counts);
  self->n_counts = g_list_model_get_n_items (bl_entity_list_get_entities (self));
  self->counts = g_new0 (guint, MAX (self->n_counts, 1));
  for (guint i = 0; i < n_claims; i++)
    if (refs[i] < self->n_counts)
      self->counts[refs[i]]++;
}

static char *
describe (BlEntityList *self,
          GObject      *entity,
          guint         count)
{
  GString *text = g_string_new (NULL);

  if (count == 0)
    g_string_append (text, _("Not used by any claim"));
  else
    g_string_append_printf (text, ngettext ("Used by %u claim", "Used by %u claims", count), count);

  if (BL_IS_ACTOR (entity))
    {
      BlActor *actor = BL_ACTOR (entity);

      if (bl_actor_get_role (actor) != NULL)
        g_string_append_printf (text, " · %s", bl_actor_get_role (actor));
      if (bl_actor_get_kind (actor) != BL_ACTOR_OTHER)
        g_string_append_printf (text, " · %s", bl_actor_kind_get_label (bl_actor_get_kind (actor)));
      if (bl_actor_get_reliability (actor) != 0)
        g_string_append_printf (text, " · %s %c", _("Reliability"), bl_reliability_to_letter (bl_actor_get_reliability (actor)));
    }
  else if (BL_IS_SOURCE (entity))
    {
      BlSource *source = BL_SOURCE (entity);

      if (bl_source_get_kind (source) != BL_SOURCE_OTHER)
        g_string_append_printf (text, " · %s", bl_source_kind_get_label (bl_source_get_kind (source)));
      if (bl_source_get_reliability (source) != 0)
        g_string_append_printf (text, " · %s %c", _("Reliability"), bl_reliability_to_letter (bl_source_get_reliability (source)));
      if (bl_source_get_url (source) != NULL)
        g_string_append_printf (text, "\n%s", bl_source_get_url (source));
    }
  else if (BL_IS_TOPIC (entity) && bl_topic_get_unit (BL_TOPIC (entity)) != NULL)
    g_string_append_printf (text, " · %s", bl_topic_get_unit (BL_TOPIC (entity)));

  return g_string_free (text, FALSE);
}

static const char *
row_id (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "entity-id");
}

static const char *
focused_id (BlEntityList *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW) : NULL;

  return row != NULL ? row_id (row) : NULL;
}

static void
update_merge (BlEntityList *self)
{
  guint n = g_hash_table_size (self->checked);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "entities.merge", n >= 2);
  gtk_widget_set_tooltip_text (self->merge_button,
                               n >= 2 ? _("Merge the ticked entries into one (Ctrl+M)")
                                      : _("Tick two or more entries to merge them"));
}

static void on_check_toggled  (GtkCheckButton *check,
                               BlEntityList   *self);
static void on_row_activated  (AdwActionRow   *row,
                               BlEntityList   *self);
static void on_delete_clicked (GtkButton      *button,
                               BlEntityList   *self);

static GtkWidget *
make_row (BlEntityList *self,
          guint         index)
{
  g_autoptr(GObject) entity = g_list_model_get_item (bl_entity_list_get_entities (self), index);
  g_autofree char *id = bl_entity_dup_string (entity, "id");
  g_autofree char *name = bl_entity_display_name (entity, bl_entity_kind_texts[self->kind].name_property);
  g_autofree char *subtitle = describe (self, entity, self->counts[index]);
  g_autofree char *check_label = g_strdup_printf (_("Tick %s for merging"), name);
  g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  guint count = self->counts[index];

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "entity-id", g_strdup (id), g_free);
  gtk_widget_set_tooltip_text (row, _("Edit (F2 or Enter)"));

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->checked, id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  g_object_set_data_full (G_OBJECT (check), "entity-id", g_strdup (id), g_free);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  if (count == 0)
    gtk_widget_set_tooltip_text (remove, _("Delete (Delete)"));
  else
    {
      g_autofree char *why = g_strdup_printf (ngettext ("Delete… (Delete): used by %u claim, you choose what happens to it",
                                                        "Delete… (Delete): used by %u claims, you choose what happens to them",
                                                        count), count);

      gtk_widget_set_tooltip_text (remove, why);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
    }
  g_object_set_data_full (G_OBJECT (remove), "entity-id", g_strdup (id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);

  return row;
}

static void
rebuild (BlEntityList *self)
{
  g_autofree char *focus = g_strdup (focused_id (self));
  GListModel *model = bl_entity_list_get_entities (self);
  guint n = g_list_model_get_n_items (model);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  /* forget ticks of entities that are gone */
  g_hash_table_iter_init (&iter, self->checked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (find_index (self, key) == BL_NO_INDEX)
      g_hash_table_iter_remove (&iter);

  count_claims (self);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = make_row (self, i);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      if (focus != NULL && g_strcmp0 (row_id (row), focus) == 0)
        gtk_widget_grab_focus (row);
    }

  update_merge (self);
}

void
bl_entity_list_toast (BlEntityList *self,
                      const char   *text)
{
  AdwToast *t = adw_toast_new ("");
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  adw_toast_set_custom_title (t, label);
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, t);
}

/* Merging: choose the one to keep */

static void
on_merge_response (AdwMessageDialog *dialog,
                   const char       *response,
                   BlEntityList     *self)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  g_autoptr(GPtrArray) merged = g_ptr_array_new ();
  const char *keep = NULL;

  if (g_strcmp0 (response, "merge") != 0)
    return;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), "entity-id");

      if (gtk_check_button_get_active (check))
        keep = id;
      else
        g_ptr_array_add (merged, (gpointer) id);
    }
  g_ptr_array_add (merged, NULL);

  if (keep != NULL)
    bl_entity_list_merge (self, keep, (const char * const *) merged->pdata);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BlEntityList *self = BL_ENTITY_LIST (widget);
  GtkWidget *dialog, *list;
  GtkCheckButton *first = NULL;
  GPtrArray *checks = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (bl_entity_list_get_entities (self));

  if (g_hash_table_size (self->checked) < 2)
    return;

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The entry to keep"), -1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) entity = g_list_model_get_item (bl_entity_list_get_entities (self), i);
      g_autofree char *id = bl_entity_dup_string (entity, "id");
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *check;

      if (!g_hash_table_contains (self->checked, id))
        continue;

      name = bl_entity_display_name (entity, bl_entity_kind_texts[self->kind].name_property);
      subtitle = describe (self, entity, self->counts[i]);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      check = gtk_check_button_new ();
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (first == NULL)
        {
          first = GTK_CHECK_BUTTON (check);
          gtk_check_button_set_active (first, TRUE);
        }
      else
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      g_object_set_data_full (G_OBJECT (check), "entity-id", g_strdup (id), g_free);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (checks, check);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _(bl_entity_kind_texts[self->kind].merge_label),
                                   _("Choose the entry to keep. Every claim that names one of the others will name it instead; the others are then unused."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Callbacks */

static void
on_check_toggled (GtkCheckButton *check,
                  BlEntityList   *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "entity-id");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->checked, g_strdup (id));
  else
    g_hash_table_remove (self->checked, id);
  update_merge (self);
}

static void
on_delete_clicked (GtkButton    *button,
                   BlEntityList *self)
{
  bl_entity_list_delete (self, g_object_get_data (G_OBJECT (button), "entity-id"));
}

static void
on_row_activated (AdwActionRow *row,
                  BlEntityList *self)
{
  if (row_id (GTK_WIDGET (row)) != NULL)
    bl_entity_list_edit (self, row_id (GTK_WIDGET (row)));
}

static void
on_project_changed (BlEntityList *self)
{
  rebuild (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BlEntityList *self = BL_ENTITY_LIST (widget);
  const char *id = focused_id (self);

  if (id != NULL)
    bl_entity_list_edit (self, id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BlEntityList *self = BL_ENTITY_LIST (widget);
  const char *id = focused_id (self);

  if (id != NULL)
    bl_entity_list_delete (self, id);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Overrides */

static void
bl_entity_list_constructed (GObject *object)
{
  BlEntityList *self = BL_ENTITY_LIST (object);
  GtkWidget *box, *header, *page;

  G_OBJECT_CLASS (bl_entity_list_parent_class)->constructed (object);

  g_assert (self->history != NULL);
  self->project = g_object_ref (bl_history_get_project (self->history));

  gtk_window_set_title (GTK_WINDOW (self), _(bl_entity_kind_texts[self->kind].title));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_(bl_entity_kind_texts[self->kind].title),
                                                               bl_project_get_title (self->project)));
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));

  self->merge_button = gtk_button_new_with_mnemonic (_("_Merge…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->merge_button), "entities.merge");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->merge_button);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_description (self->group, _(bl_entity_kind_texts[self->kind].description));
  page = adw_preferences_page_new ();
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);

  rebuild (self);

  g_signal_connect_object (self->history, "changed", G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bl_entity_list_get_entities (self), "items-changed", G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
}

static void
bl_entity_list_dispose (GObject *object)
{
  BlEntityList *self = BL_ENTITY_LIST (object);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bl_entity_list_get_entities (self), self);

  G_OBJECT_CLASS (bl_entity_list_parent_class)->dispose (object);
}

static void
bl_entity_list_finalize (GObject *object)
{
  BlEntityList *self = BL_ENTITY_LIST (object);

  g_clear_object (&self->history);
  g_clear_object (&self->project);
  g_clear_pointer (&self->checked, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->counts);

  G_OBJECT_CLASS (bl_entity_list_parent_class)->finalize (object);
}

static void
bl_entity_list_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BlEntityList *self = BL_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_KIND:
      g_value_set_uint (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_entity_list_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BlEntityList *self = BL_ENTITY_LIST (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      self->history = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bl_entity_list_class_init (BlEntityListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bl_entity_list_constructed;
  object_class->dispose = bl_entity_list_dispose;
  object_class->finalize = bl_entity_list_finalize;
  object_class->get_property = bl_entity_list_get_property;
  object_class->set_property = bl_entity_list_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, "The history every change goes through",
                         BL_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, "Which entities are listed (a BlEntityKind)",
                       0, BL_N_ENTITY_KINDS - 1, BL_ENTITY_ACTOR,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "entities.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "entities.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "entities.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "entities.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "entities.merge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "entities.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "entities.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "entities.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "entities.close", NULL);
}

static void
bl_entity_list_init (BlEntityList *self)
{
  self->rows = g_ptr_array_new ();
  self->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Public API */

/**
 * bl_entity_list_new:
 * @history: the history of the project
 * @kind: which entities to list
 *
 * Returns: (transfer none): a new window; present it transient for the
 *   project's window
 */
BlEntityList *
bl_entity_list_new (BlHistory    *history,
                    BlEntityKind  kind)
{
  g_return_val_if_fail (BL_IS_HISTORY (history), NULL);
  g_return_val_if_fail (kind < BL_N_ENTITY_KINDS, NULL);

  return g_object_new (BL_TYPE_ENTITY_LIST, "history", history, "kind", kind, NULL);
}

BlEntityKind
bl_entity_list_get_kind (BlEntityList *self)
{
  g_return_val_if_fail (BL_IS_ENTITY_LIST (self), BL_ENTITY_ACTOR);
  return self->kind;
}

/**
 * bl_entity_list_count_claims:
 * @index: the entity's position in the project's list
 *
 * Returns: how many claims name it
 */
guint
bl_entity_list_count_claims (BlEntityList *self,
                             guint         index)
{
  g_return_val_if_fail (BL_IS_ENTITY_LIST (self), 0);

  count_claims (self);
  return index < self->n_counts ? self->counts[index] : 0;
}

/**
 * bl_entity_list_rename:
 * @id: the entity
 * @name: its new name (title, for a topic)
 *
 * Renames an entity as one undo step.
 *
 * Returns: %FALSE when there is no such entity
 */
gboolean
bl_entity_list_rename (BlEntityList *self,
                       const char   *id,
                       const char   *name)
{
  g_autoptr(GObject) entity = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (BL_IS_ENTITY_LIST (self), FALSE);

  entity = bl_entity_list_lookup (self, id);
  if (entity == NULL)
    return FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  bl_history_set_property (self->history, entity, bl_entity_kind_texts[self->kind].name_property, &value,
                           _(bl_entity_kind_texts[self->kind].rename_label));
  return TRUE;
}

/**
 * bl_entity_list_merge:
 * @keep_id: the entity that stays
 * @merged_ids: (array zero-terminated=1): the duplicates
 *
 * Makes every claim that names one of @merged_ids name @keep_id instead
 * (and, for sources, every source republishing one of them republish
 * @keep_id; for topics, every saved view showing one of them show
 * @keep_id), as one undo step. The duplicates stay in the project,
 * unused.
 *
 * Returns: how many claims were changed
 */
guint
bl_entity_list_merge (BlEntityList       *self,
                      const char         *keep_id,
                      const char * const *merged_ids)
{
  g_autofree gboolean *merged = NULL;
  g_autofree char *keep_name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GObject) keep_entity = NULL;
  guint keep, n_entities, n_changed = 0, n_merged = 0;

  g_return_val_if_fail (BL_IS_ENTITY_LIST (self), 0);
  g_return_val_if_fail (keep_id != NULL && merged_ids != NULL, 0);

  keep = find_index (self, keep_id);
  if (keep == BL_NO_INDEX)
    return 0;

  n_entities = g_list_model_get_n_items (bl_entity_list_get_entities (self));
  merged = g_new0 (gboolean, n_entities);
  for (guint i = 0; merged_ids[i] != NULL; i++)
    {
      guint index = find_index (self, merged_ids[i]);

      if (index != BL_NO_INDEX && index != keep && !merged[index])
        {
          merged[index] = TRUE;
          n_merged++;
        }
    }
  if (n_merged == 0)
    return 0;

  bl_history_begin_group (self->history, _(bl_entity_kind_texts[self->kind].merge_label));
  for (guint i = 0; i < n_entities; i++)
    if (merged[i])
      n_changed += bl_history_reassign_entity (self->history, self->kind, i, keep,
                                               _(bl_entity_kind_texts[self->kind].merge_label));
  bl_history_end_group (self->history);

  g_hash_table_remove_all (self->checked);
  rebuild (self);

  keep_entity = bl_entity_list_lookup (self, keep_id);
  keep_name = bl_entity_display_name (keep_entity, bl_entity_kind_texts[self->kind].name_property);
  message = g_strdup_printf (ngettext ("%u claim now names “%s”. The merged entries are unused: delete them when you like.",
                                       "%u claims now name “%s”. The merged entries are unused: delete them when you like.",
                                       n_changed), n_changed, keep_name);
  bl_entity_list_toast (self, message);

  return n_changed;
}
