/* bl-claim-editor-private.h — what the parts of the claim editor share
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The claim editor is one class split by concern: bl-claim-editor.c (the
 * window, loading, validation and saving, the simple fields),
 * bl-claim-editor-fields.c (dates and figures read as typed),
 * bl-claim-editor-entities.c (claimant, source and
 * topic pickers that create new ones inline, and "Paste a Link"),
 * bl-claim-editor-location.c (the place search, the areas and the point)
 * and bl-claim-editor-relations.c (relations to other claims).
 */
#pragma once

#include "bl-claim-editor.h"
#include "bl-gazetteer.h"

G_BEGIN_DECLS

/* What a combo row of actors, sources or topics shows: "None", the
 * project's entities in order, then "New …". */
#define BL_EDITOR_PICK_NONE 0

typedef struct {
  BlRelationKind  kind;
  char           *claim_id;
  GtkWidget      *row;
} BlEditorRelation;

struct _BlClaimEditor
{
  AdwWindow            parent_instance;

  /* template widgets: the window */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  AdwPreferencesPage  *page;
  AdwToastOverlay     *toasts;

  /* template widgets: statement */
  GtkTextView         *statement_view;
  GtkLabel            *statement_caption;
  AdwEntryRow         *quote_row;

  /* template widgets: who and where from */
  GtkButton           *paste_link_button;
  AdwComboRow         *claimant_row;
  AdwEntryRow         *actor_name_row;
  AdwEntryRow         *actor_role_row;
  AdwEntryRow         *actor_affiliation_row;
  AdwComboRow         *actor_kind_row;
  AdwComboRow         *actor_reliability_row;
  AdwComboRow         *source_row;
  AdwEntryRow         *source_name_row;
  AdwComboRow         *source_kind_row;
  AdwEntryRow         *source_url_row;
  AdwComboRow         *source_reliability_row;
  AdwPreferencesRow   *source_caption_row;
  GtkLabel            *source_caption;

  /* template widgets: when */
  AdwEntryRow         *said_on_row;
  GtkLabel            *said_on_caption;
  AdwEntryRow         *about_row;
  GtkLabel            *about_caption;

  /* template widgets: what */
  AdwComboRow         *topic_row;
  AdwEntryRow         *topic_title_row;
  AdwEntryRow         *topic_unit_row;
  AdwEntryRow         *quantity_row;
  GtkLabel            *quantity_caption;
  AdwExpanderRow      *range_row;
  GtkSwitch           *range_switch;   /* libadwaita 1.2's own switch has no accessible name */
  GtkSpinButton       *range_min;
  GtkSpinButton       *range_max;
  GtkCheckButton      *range_open;
  AdwComboRow         *stance_row;

  /* template widgets: where */
  GtkButton           *pick_on_map_button;
  AdwEntryRow         *place_search_row;
  GtkListBox          *place_results;
  AdwEntryRow         *place_row;
  AdwComboRow         *precision_row;
  AdwActionRow        *coordinates_row;
  GtkButton           *clear_point_button;
  AdwPreferencesGroup *areas_group;
  GtkWidget           *areas_placeholder;

  /* template widgets: grades */
  AdwComboRow         *credibility_row;
  AdwEntryRow         *tags_row;

  /* template widgets: relations */
  AdwPreferencesGroup *relations_group;
  GtkWidget           *relations_placeholder;
  AdwEntryRow         *relation_search_row;
  GtkListBox          *relation_results;

  /* template widgets: notes */
  GtkTextView         *notes_view;

  /* owned */
  BlHistory           *history;
  BlProject           *project;
  char                *claim_id;
  BlClaimRecord       *original;       /* NULL for a new claim */
  GtkStringList       *actor_names;
  GtkStringList       *source_names;
  GtkStringList       *topic_names;
  char                *actor_id;       /* picked, or NULL: survives a rebuild */
  char                *source_id;
  char                *topic_id;
  double               lat;
  double               lon;
  GPtrArray           *areas;          /* char *, codes */
  GPtrArray           *area_rows;      /* GtkWidget * */
  GPtrArray           *relations;      /* BlEditorRelation * */
  BlBasemapData       *basemap;
  BlGazetteer         *gazetteer;
  GCancellable        *cancellable;
  char                *problem;        /* the first thing that stops saving */
  char                *quantity_shown; /* the figure's text as loaded */

  /* state */
  guint                loading;        /* > 0 while fields are being filled */
  gboolean             modified;
  gboolean             valid;
  gboolean             saved;
};

/* bl-claim-editor.c */
void         bl_claim_editor_changed            (BlClaimEditor        *self);
void         bl_claim_editor_set_caption        (GtkLabel             *caption,
                                                 GtkWidget            *field,
                                                 const char           *text,
                                                 gboolean              error);
void         bl_claim_editor_toast              (BlClaimEditor        *self,
                                                 const char           *text);
GtkWidget   *bl_claim_editor_result_row         (const char           *title,
                                                 const char           *subtitle,
                                                 const char           *icon_name);

/* bl-claim-editor-fields.c */
char        *bl_claim_editor_entry_dup_text     (gpointer              editable);
gboolean     bl_claim_editor_check_date         (AdwEntryRow          *row,
                                                 GtkLabel             *caption,
                                                 BlDate               *out);
gboolean     bl_claim_editor_check_quantity     (BlClaimEditor        *self,
                                                 BlQuantity           *out);
char        *bl_claim_editor_editable_date      (const BlDate         *date);
char        *bl_claim_editor_editable_quantity  (const BlQuantity     *quantity);

/* bl-claim-editor-entities.c */
void         bl_claim_editor_entities_init      (BlClaimEditor        *self);
void         bl_claim_editor_entities_dispose   (BlClaimEditor        *self);
void         bl_claim_editor_entities_load      (BlClaimEditor        *self,
                                                 const BlClaimRecord  *record);
const char  *bl_claim_editor_entities_check     (BlClaimEditor        *self);
gboolean     bl_claim_editor_entities_commit    (BlClaimEditor        *self,
                                                 guint32              *actor,
                                                 guint32              *source,
                                                 guint32              *topic);
const char  *bl_claim_editor_get_topic_unit     (BlClaimEditor        *self);
void         bl_claim_editor_paste_link         (BlClaimEditor        *self);

/* bl-claim-editor-location.c */
void         bl_claim_editor_location_init      (BlClaimEditor        *self);
void         bl_claim_editor_location_dispose   (BlClaimEditor        *self);
void         bl_claim_editor_location_load      (BlClaimEditor        *self,
                                                 const BlClaimRecord  *record);
void         bl_claim_editor_location_fill      (BlClaimEditor        *self,
                                                 BlClaimRecord        *record);
BlGazetteer *bl_claim_editor_get_gazetteer      (BlClaimEditor        *self);

/* bl-claim-editor-relations.c */
void         bl_claim_editor_relations_init     (BlClaimEditor        *self);
void         bl_claim_editor_relations_dispose  (BlClaimEditor        *self);
void         bl_claim_editor_relations_load     (BlClaimEditor        *self,
                                                 const BlClaimRecord  *record);
BlRelation  *bl_claim_editor_relations_fill     (BlClaimEditor        *self,
                                                 guint                *n_relations);

G_END_DECLS
