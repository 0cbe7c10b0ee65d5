/* bl-claim-panel.c — one claim, read in full
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlClaimPanel shows the selected claim with its whole provenance: the
 * statement and quote, who said it (and in what role), which source
 * reported it (and what that source republishes), when it was said and
 * what period it is about, with their precision, where, how sure, and the
 * claims it cites, denies or corroborates, and those that cite, deny or
 * corroborate it. A related claim is a row: activating it selects it.
 *
 * Everything here comes from files written by others, so every text is set
 * as plain text, never as markup, and the source's link opens only when it
 * is an http or https address (bl_uri_is_web_link()).
 *
 * It follows the shared BlSelection; it does not set it except when the
 * user follows a relation.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-claim-panel.h"
#include "bl-uri.h"
#include "bl-vocab.h"
#include "bl-widget-util.h"

struct _BlClaimPanel
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkWidget   *scroller;
  GtkWidget   *feed_row;
  GtkLabel    *feed_value;
  GtkLabel    *statement_value;
  GtkLabel    *stance_badge;
  GtkWidget   *quote_row;
  GtkLabel    *quote_value;
  GtkWidget   *claimant_row;
  GtkLabel    *claimant_value;
  GtkWidget   *source_row;
  GtkLabel    *source_value;
  GtkWidget   *said_on_row;
  GtkLabel    *said_on_value;
  GtkWidget   *about_row;
  GtkLabel    *about_value;
  GtkWidget   *topic_row;
  GtkLabel    *topic_value;
  GtkWidget   *figure_row;
  GtkLabel    *figure_value;
  GtkWidget   *stance_row;
  GtkLabel    *stance_value;
  GtkWidget   *place_row;
  GtkLabel    *place_value;
  GtkWidget   *credibility_row;
  GtkLabel    *credibility_value;
  GtkWidget   *tags_row;
  GtkLabel    *tags_value;
  GtkWidget   *notes_row;
  GtkLabel    *notes_value;
  GtkWidget   *open_source_button;
  GtkWidget   *relations_row;
  GtkListBox  *relations_list;

  /* owned */
  BlProject   *project;
  BlSelection *selection;
  BlFeedManager *feeds;
  char        *source_url;
};

G_DEFINE_FINAL_TYPE (BlClaimPanel, bl_claim_panel, GTK_TYPE_WIDGET)

/* Sets a row's value, hiding the row when there is nothing to say. */
static void
set_row (GtkWidget  *row,
         GtkLabel   *value,
         const char *text)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_text (value, shown ? text : "");
  gtk_widget_set_visible (row, shown);
}

static char *
describe_date (const BlDate *date)
{
  if (bl_date_is_unknown (date))
    return NULL;
  return bl_date_format (date);
}

static char *
describe_claimant (BlProject *project,
                   guint32    index)
{
  BlActor *actor;
  GString *text;

  if (index == BL_NO_INDEX)
    return NULL;

  actor = bl_project_get_actor (project, index);
  text = g_string_new (bl_actor_get_name (actor));
  if (bl_actor_get_role (actor) != NULL)
    g_string_append_printf (text, "\n%s", bl_actor_get_role (actor));
  if (bl_actor_get_affiliation (actor) != NULL)
    g_string_append_printf (text, "\n%s", bl_actor_get_affiliation (actor));
  if (bl_actor_get_kind (actor) != BL_ACTOR_OTHER)
    g_string_append_printf (text, " (%s)", bl_actor_kind_get_label (bl_actor_get_kind (actor)));
  if (bl_actor_get_reliability (actor) != 0)
    g_string_append_printf (text, "\n%s %c — %s", _("Reliability"),
                            bl_reliability_to_letter (bl_actor_get_reliability (actor)),
                            bl_reliability_get_meaning (bl_actor_get_reliability (actor)));

  return g_string_free (text, FALSE);
}

static char *
describe_source (BlProject *project,
                 guint32    index)
{
  BlSource *source;
  GString *text;
  const char *origin;

  if (index == BL_NO_INDEX)
    return NULL;

  source = bl_project_get_source (project, index);
  text = g_string_new (bl_source_get_name (source));
  if (bl_source_get_kind (source) != BL_SOURCE_OTHER)
    g_string_append_printf (text, " (%s)", bl_source_kind_get_label (bl_source_get_kind (source)));

  origin = bl_source_get_origin (source);
  if (origin != NULL)
    {
      guint origin_index = bl_project_find_source (project, origin);

      if (origin_index != BL_NO_INDEX)
        g_string_append_printf (text, "\n%s %s", _("Republishing"),
                                bl_source_get_name (bl_project_get_source (project, origin_index)));
    }

  if (bl_source_get_published (source) != NULL)
    {
      BlDate published;

      if (bl_date_parse (bl_source_get_published (source), &published, NULL))
        {
          g_autofree char *date = bl_date_format (&published);

          g_string_append_printf (text, "\n%s %s", _("Published"), date);
        }
    }

  if (bl_source_get_reliability (source) != 0)
    g_string_append_printf (text, "\n%s %c — %s", _("Reliability"),
                            bl_reliability_to_letter (bl_source_get_reliability (source)),
                            bl_reliability_get_meaning (bl_source_get_reliability (source)));

  return g_string_free (text, FALSE);
}

static char *
describe_place (const BlClaimRecord *r)
{
  GString *text = g_string_new (NULL);

  if (r->place != NULL)
    g_string_append (text, r->place);

  if (r->precision != BL_PRECISION_UNKNOWN)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, bl_precision_get_label (r->precision));
    }

  if (r->areas != NULL)
    {
      g_autofree char *codes = g_strjoinv (", ", (char **) r->areas);

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append (text, codes);
    }

  if (!isnan (r->lat) && !isnan (r->lon))
    {
      char lat[G_ASCII_DTOSTR_BUF_SIZE], lon[G_ASCII_DTOSTR_BUF_SIZE];

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, "%s° N, %s° E",
                              g_ascii_formatd (lat, sizeof lat, "%.4f", r->lat),
                              g_ascii_formatd (lon, sizeof lon, "%.4f", r->lon));
    }

  return g_string_free (text, text->len == 0);
}

static void
on_relation_activated (GtkListBox    *list,
                       GtkListBoxRow *row,
                       BlClaimPanel  *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "claim-id");

  if (self->selection != NULL && id != NULL)
    bl_selection_set_claim_id (self->selection, id);
}

static void
add_relation_row (BlClaimPanel *self,
                  const char   *verb,
                  const char   *claim_id)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  guint index = bl_claim_store_lookup (store, claim_id);
  GtkWidget *row, *box, *kind, *statement;
  BlClaimRecord other;

  if (index == BL_NO_INDEX)
    return;
  bl_claim_store_get_record (store, index, &other);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);

  kind = gtk_label_new (verb);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "caption-heading");

  statement = gtk_label_new (other.statement);
  gtk_label_set_xalign (GTK_LABEL (statement), 0);
  gtk_label_set_wrap (GTK_LABEL (statement), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (statement), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (statement), 3);
  gtk_label_set_ellipsize (GTK_LABEL (statement), PANGO_ELLIPSIZE_END);

  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), statement);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "claim-id", g_strdup (claim_id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, other.statement,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, verb,
                                  -1);
  gtk_list_box_append (self->relations_list, row);
}

static const char *
outgoing_verb (BlRelationKind kind)
{
  switch (kind)
    {
    case BL_RELATION_CITES:
      return _("Cites");
    case BL_RELATION_DENIES:
      return _("Denies");
    case BL_RELATION_CORROBORATES:
    case BL_N_RELATION_KINDS:
    default:
      return _("Corroborates");
    }
}

static const char *
incoming_verb (BlRelationKind kind)
{
  switch (kind)
    {
    case BL_RELATION_CITES:
      return _("Cited by");
    case BL_RELATION_DENIES:
      return _("Denied by");
    case BL_RELATION_CORROBORATES:
    case BL_N_RELATION_KINDS:
    default:
      return _("Corroborated by");
    }
}

static void
fill_relations (BlClaimPanel        *self,
                const BlClaimRecord *r)
{
  BlClaimStore *store = bl_project_get_claims (self->project);
  guint n = bl_claim_store_get_n_claims (store);
  g_autofree char *id = g_strdup (r->id);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->relations_list))) != NULL)
    gtk_list_box_remove (self->relations_list, child);

  for (guint i = 0; i < r->n_relations; i++)
    add_relation_row (self, outgoing_verb (r->relations[i].kind), r->relations[i].claim_id);

  /* and the claims that point here */
  for (guint i = 0; i < n; i++)
    {
      BlClaimRecord other;

      bl_claim_store_get_record (store, i, &other);
      for (guint j = 0; j < other.n_relations; j++)
        if (g_strcmp0 (other.relations[j].claim_id, id) == 0)
          add_relation_row (self, incoming_verb (other.relations[j].kind), other.id);
    }

  gtk_widget_set_visible (self->relations_row,
                          gtk_widget_get_first_child (GTK_WIDGET (self->relations_list)) != NULL);
}

/* A claim from a feed says so, and that it is read-only. */
static void
show_feed (BlClaimPanel        *self,
           const BlClaimRecord *r)
{
  const char *feed_id = bl_feed_id_from_tags (r->tags);
  BlFeed *feed = feed_id != NULL && self->feeds != NULL ? bl_feed_manager_lookup (self->feeds, feed_id) : NULL;
  g_autofree char *text = NULL;

  if (feed != NULL)
    text = g_strdup_printf (_("From the feed “%s”: read-only, it changes when the feed does"),
                            bl_feed_get_name (feed));
  else if (feed_id != NULL)
    text = g_strdup_printf (_("From a former feed (%s): read-only"), feed_id);

  gtk_label_set_text (self->feed_value, text != NULL ? text : "");
  gtk_widget_set_visible (self->feed_row, text != NULL);
}

static void
show_claim (BlClaimPanel *self)
{
  const char *id = self->selection ? bl_selection_get_claim_id (self->selection) : NULL;
  BlClaimStore *store;
  BlClaimRecord r;
  guint index;
  g_autofree char *claimant = NULL;
  g_autofree char *source = NULL;
  g_autofree char *said_on = NULL;
  g_autofree char *about = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *place = NULL;
  g_autofree char *credibility = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *quote = NULL;
  const char *topic = NULL;

  g_clear_pointer (&self->source_url, g_free);

  if (self->project == NULL || id == NULL ||
      (index = bl_claim_store_lookup (store = bl_project_get_claims (self->project), id)) == BL_NO_INDEX)
    {
      gtk_widget_set_visible (self->scroller, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.open-source", FALSE);
      return;
    }

  bl_claim_store_get_record (store, index, &r);

  claimant = describe_claimant (self->project, r.actor);
  source = describe_source (self->project, r.source);
  said_on = describe_date (&r.said_on);
  about = describe_date (&r.about);
  place = describe_place (&r);
  if (r.quantity != NULL)
    figure = bl_quantity_format (r.quantity);
  if (r.topic != BL_NO_INDEX)
    topic = bl_topic_get_title (bl_project_get_topic (self->project, r.topic));
  if (r.credibility != 0)
    credibility = g_strdup_printf ("%u — %s", r.credibility, bl_credibility_get_meaning (r.credibility));
  if (r.tags != NULL)
    {
      g_autoptr(GStrvBuilder) shown = g_strv_builder_new ();
      g_auto(GStrv) list = NULL;

      /* the feed's tag is said above the statement, in words */
      for (guint i = 0; r.tags[i] != NULL; i++)
        if (!g_str_has_prefix (r.tags[i], "feed:"))
          g_strv_builder_add (shown, r.tags[i]);
      list = g_strv_builder_end (shown);
      tags = g_strjoinv (", ", list);
    }
  if (r.quote != NULL)
    quote = g_strdup_printf ("“%s”", r.quote);

  gtk_label_set_text (self->statement_value, r.statement);
  gtk_label_set_text (self->stance_badge, bl_stance_get_label (r.stance));
  gtk_widget_set_visible (GTK_WIDGET (self->stance_badge), r.stance != BL_STANCE_ASSERTS);
  gtk_widget_remove_css_class (GTK_WIDGET (self->stance_badge), "denies");
  gtk_widget_remove_css_class (GTK_WIDGET (self->stance_badge), "qualifies");
  gtk_widget_add_css_class (GTK_WIDGET (self->stance_badge), bl_stance_to_string (r.stance));

  set_row (self->quote_row, self->quote_value, quote);
  set_row (self->claimant_row, self->claimant_value, claimant);
  set_row (self->source_row, self->source_value, source);
  set_row (self->said_on_row, self->said_on_value, said_on);
  set_row (self->about_row, self->about_value, about);
  set_row (self->topic_row, self->topic_value, topic);
  set_row (self->figure_row, self->figure_value, figure);
  set_row (self->stance_row, self->stance_value, bl_stance_get_label (r.stance));
  set_row (self->place_row, self->place_value, place);
  set_row (self->credibility_row, self->credibility_value, credibility);
  set_row (self->tags_row, self->tags_value, tags);
  set_row (self->notes_row, self->notes_value, r.notes);
  show_feed (self, &r);

  if (r.source != BL_NO_INDEX)
    {
      const char *url = bl_source_get_url (bl_project_get_source (self->project, r.source));

      if (bl_uri_is_web_link (url))
        self->source_url = g_strdup (url);
    }
  gtk_widget_set_visible (self->open_source_button, self->source_url != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.open-source", self->source_url != NULL);
  if (self->source_url != NULL)
    gtk_widget_set_tooltip_text (self->open_source_button, self->source_url);

  fill_relations (self, &r);

  gtk_widget_set_visible (self->scroller, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, r.statement,
                                  -1);
}

static void
open_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BlClaimPanel *self = BL_CLAIM_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  /* checked again here: nothing but a web link is ever opened */
  if (!bl_uri_is_web_link (self->source_url))
    return;

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->source_url, GDK_CURRENT_TIME);
}

static void
bl_claim_panel_dispose (GObject *object)
{
  BlClaimPanel *self = BL_CLAIM_PANEL (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->project);
  g_clear_object (&self->feeds);

  gtk_widget_dispose_template (GTK_WIDGET (self), BL_TYPE_CLAIM_PANEL);

  G_OBJECT_CLASS (bl_claim_panel_parent_class)->dispose (object);
}

static void
bl_claim_panel_finalize (GObject *object)
{
  BlClaimPanel *self = BL_CLAIM_PANEL (object);

  g_clear_pointer (&self->source_url, g_free);

  G_OBJECT_CLASS (bl_claim_panel_parent_class)->finalize (object);
}

static void
bl_claim_panel_class_init (BlClaimPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bl_claim_panel_dispose;
  object_class->finalize = bl_claim_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/borderline/Borderline/bl-claim-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "claim-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BlClaimPanel, name)
  BIND (scroller);
  BIND (feed_row);
  BIND (feed_value);
  BIND (statement_value);
  BIND (stance_badge);
  BIND (quote_row);
  BIND (quote_value);
  BIND (claimant_row);
  BIND (claimant_value);
  BIND (source_row);
  BIND (source_value);
  BIND (said_on_row);
  BIND (said_on_value);
  BIND (about_row);
  BIND (about_value);
  BIND (topic_row);
  BIND (topic_value);
  BIND (figure_row);
  BIND (figure_value);
  BIND (stance_row);
  BIND (stance_value);
  BIND (place_row);
  BIND (place_value);
  BIND (credibility_row);
  BIND (credibility_value);
  BIND (tags_row);
  BIND (tags_value);
  BIND (notes_row);
  BIND (notes_value);
  BIND (open_source_button);
  BIND (relations_row);
  BIND (relations_list);
#undef BIND

  gtk_widget_class_install_action (widget_class, "claim.open-source", NULL, open_source_action);
}

static void
bl_claim_panel_init (BlClaimPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->relations_list, "row-activated", G_CALLBACK (on_relation_activated), self);
  show_claim (self);
}

GtkWidget *
bl_claim_panel_new (void)
{
  return g_object_new (BL_TYPE_CLAIM_PANEL, NULL);
}

void
bl_claim_panel_set_project (BlClaimPanel *self,
                            BlProject    *project)
{
  g_return_if_fail (BL_IS_CLAIM_PANEL (self));
  g_return_if_fail (project == NULL || BL_IS_PROJECT (project));

  if (g_set_object (&self->project, project))
    show_claim (self);
}

void
bl_claim_panel_set_selection (BlClaimPanel *self,
                              BlSelection  *selection)
{
  g_return_if_fail (BL_IS_CLAIM_PANEL (self));
  g_return_if_fail (selection == NULL || BL_IS_SELECTION (selection));

  if (!bl_widget_util_watch_object (&self->selection, selection, self,
                                    "notify::claim-id", G_CALLBACK (show_claim), G_CONNECT_SWAPPED))
    return;

  show_claim (self);
}

/**
 * bl_claim_panel_set_feeds:
 * @feeds: (nullable): the subscriptions of the project, to name the feed
 *   a claim came from
 */
void
bl_claim_panel_set_feeds (BlClaimPanel  *self,
                          BlFeedManager *feeds)
{
  g_return_if_fail (BL_IS_CLAIM_PANEL (self));
  g_return_if_fail (feeds == NULL || BL_IS_FEED_MANAGER (feeds));

  if (g_set_object (&self->feeds, feeds))
    show_claim (self);
}
