/* bl-entity-list-private.h — what the parts of the entity list share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlEntityList is split in three: bl-entity-list.c (the window, the list,
 * merging), bl-entity-list-edit.c (the dialog that edits one entry) and
 * bl-entity-list-delete.c (deleting one, and asking what becomes of its
 * claims).
 */
#pragma once

#include "bl-entity-list.h"

G_BEGIN_DECLS

struct _BlEntityList
{
  AdwWindow            parent_instance;

  /* widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *merge_button;
  AdwToastOverlay     *toasts;
  AdwPreferencesGroup *group;
  GPtrArray           *rows;          /* GtkWidget * */

  /* owned */
  BlHistory           *history;
  BlProject           *project;
  BlEntityKind         kind;
  GHashTable          *checked;       /* ids ticked for merging */
  guint               *counts;        /* claims per entity */
  guint                n_counts;
};

/* What differs between the kinds. */
typedef struct {
  const char *title;          /* the window */
  const char *description;
  const char *edit_heading;
  const char *rename_label;   /* the undo step */
  const char *edit_label;
  const char *merge_label;
  const char *name_property;
} BlEntityKindText;

extern const BlEntityKindText bl_entity_kind_texts[BL_N_ENTITY_KINDS];

GListModel *bl_entity_list_get_entities (BlEntityList *self);
guint       bl_entity_list_index_of     (BlEntityList *self,
                                         const char   *id);
GObject    *bl_entity_list_lookup       (BlEntityList *self,
                                         const char   *id);
char       *bl_entity_dup_string        (GObject      *entity,
                                         const char   *property);
char       *bl_entity_display_name      (GObject      *entity,
                                         const char   *name_property);
void        bl_entity_list_toast        (BlEntityList *self,
                                         const char   *text);
void        bl_entity_list_edit         (BlEntityList *self,
                                         const char   *id);

G_END_DECLS
