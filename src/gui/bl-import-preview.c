/* bl-import-preview.c — the import dialog's preview table and its report
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What this is for: showing the first records of a file as they would
 * import — each as the claim it became (its statement, claimant, source,
 * dates, place, figure, topic and tags, read back from the imported
 * project, so dates and figures show as Borderline understood them), or,
 * when it was skipped, with why, its line and its field — and saying the
 * counts of a whole import in words. What it is not: an importer (that is
 * core's bl_import_data()) or the dialog itself (bl-import-dialog.c).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bl-import-private.h"
#include "bl-quantity.h"

struct _BlImportRow
{
  GObject   parent_instance;

  char     *cells[BL_N_PREVIEW_COLUMNS];
  gboolean  rejected;
  gboolean  warned;
};

G_DEFINE_FINAL_TYPE (BlImportRow, bl_import_row, G_TYPE_OBJECT)

typedef struct {
  const char *id;
  const char *title;
  int         width;     /* at first, in pixels */
} ColumnInfo;

/* In the order shown: what was read, and what went wrong, first. */
static const ColumnInfo columns[BL_N_PREVIEW_COLUMNS] = {
  [BL_PREVIEW_NUMBER] = { "number", N_("Line"), 64 },
  [BL_PREVIEW_STATEMENT] = { "statement", N_("Statement"), 300 },
  [BL_PREVIEW_PROBLEMS] = { "problems", N_("Problems"), 260 },
  [BL_PREVIEW_CLAIMANT] = { "claimant", N_("Claimant"), 150 },
  [BL_PREVIEW_SOURCE] = { "source", N_("Source"), 150 },
  [BL_PREVIEW_SAID_ON] = { "said-on", N_("Said On"), 140 },
  [BL_PREVIEW_ABOUT] = { "about", N_("About"), 140 },
  [BL_PREVIEW_LOCATION] = { "location", N_("Location"), 200 },
  [BL_PREVIEW_FIGURE] = { "figure", N_("Figure"), 120 },
  [BL_PREVIEW_TOPIC] = { "topic", N_("Topic"), 150 },
  [BL_PREVIEW_TAGS] = { "tags", N_("Tags"), 150 },
};

/* Rows */

static void
bl_import_row_finalize (GObject *object)
{
  BlImportRow *self = BL_IMPORT_ROW (object);

  for (guint i = 0; i < BL_N_PREVIEW_COLUMNS; i++)
    g_free (self->cells[i]);

  G_OBJECT_CLASS (bl_import_row_parent_class)->finalize (object);
}

static void
bl_import_row_class_init (BlImportRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bl_import_row_finalize;
}

static void
bl_import_row_init (BlImportRow *self)
{
}

/**
 * bl_import_row_get_cell:
 *
 * Returns: (nullable): the text the preview shows in @column
 */
const char *
bl_import_row_get_cell (BlImportRow     *row,
                        BlPreviewColumn  column)
{
  g_return_val_if_fail (BL_IS_IMPORT_ROW (row), NULL);
  g_return_val_if_fail (column < BL_N_PREVIEW_COLUMNS, NULL);

  return row->cells[column];
}

/**
 * bl_import_preview_column_id:
 *
 * Returns: the column's stable name ("statement", "said-on", …)
 */
const char *
bl_import_preview_column_id (BlPreviewColumn column)
{
  g_return_val_if_fail (column < BL_N_PREVIEW_COLUMNS, NULL);

  return columns[column].id;
}

/* Filling rows from an import */

static char *
non_empty (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
location_text (const BlClaimRecord *record)
{
  GString *s = g_string_new (NULL);

  if (!isnan (record->lat) && !isnan (record->lon))
    g_string_append_printf (s, "%.4f, %.4f", record->lat, record->lon);
  if (record->place != NULL && record->place[0])
    {
      if (s->len)
        g_string_append (s, " · ");
      g_string_append (s, record->place);
    }
  if (s->len == 0 && record->areas != NULL)
    {
      g_autofree char *areas = g_strjoinv (", ", (char **) record->areas);

      g_string_append (s, areas);
    }
  if (s->len == 0 && record->polygon != NULL)
    g_string_append (s, _("an area drawn as a polygon"));
  return non_empty (g_string_free (s, FALSE));
}

static void
fill_from_claim (BlImportRow *row,
                 BlProject   *project,
                 guint        index)
{
  BlClaimStore *store = bl_project_get_claims (project);
  BlClaimRecord record;

  if (index >= bl_claim_store_get_n_claims (store))
    return;
  bl_claim_store_get_record (store, index, &record);

  row->cells[BL_PREVIEW_STATEMENT] = g_strdup (record.statement);
  if (record.actor != BL_NO_INDEX)
    row->cells[BL_PREVIEW_CLAIMANT] = g_strdup (bl_actor_get_name (bl_project_get_actor (project, record.actor)));
  if (record.source != BL_NO_INDEX)
    row->cells[BL_PREVIEW_SOURCE] = g_strdup (bl_source_get_name (bl_project_get_source (project, record.source)));
  if (record.topic != BL_NO_INDEX)
    row->cells[BL_PREVIEW_TOPIC] = g_strdup (bl_topic_get_title (bl_project_get_topic (project, record.topic)));
  if (!bl_date_is_unknown (&record.said_on))
    row->cells[BL_PREVIEW_SAID_ON] = non_empty (bl_date_format (&record.said_on));
  if (!bl_date_is_unknown (&record.about))
    row->cells[BL_PREVIEW_ABOUT] = non_empty (bl_date_format (&record.about));
  row->cells[BL_PREVIEW_LOCATION] = location_text (&record);
  if (record.quantity != NULL)
    row->cells[BL_PREVIEW_FIGURE] = non_empty (bl_quantity_format (record.quantity));
  if (record.tags != NULL)
    row->cells[BL_PREVIEW_TAGS] = non_empty (g_strjoinv (", ", (char **) record.tags));
}

/**
 * bl_import_preview_fill:
 * @store: a #GListStore of #BlImportRow, emptied first
 * @project: (nullable): the project the import made
 * @report: (nullable): the import's report
 *
 * Shows the records the report describes, or, when it describes none
 * (a project file), the first claims of @project.
 */
void
bl_import_preview_fill (GListStore     *store,
                        BlProject      *project,
                        BlImportReport *report,
                        guint           max_rows)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_records = report ? bl_import_report_get_n_records (report) : 0;

  for (guint i = 0; i < n_records && i < max_rows; i++)
    {
      BlImportRow *row = g_object_new (BL_TYPE_IMPORT_ROW, NULL);
      const char * const *problems = bl_import_report_get_record_problems (report, i);
      guint claim = bl_import_report_get_record_claim (report, i);

      row->cells[BL_PREVIEW_NUMBER] = g_strdup_printf ("%u", bl_import_report_get_record_number (report, i));
      row->rejected = bl_import_report_get_record_rejected (report, i);
      row->warned = !row->rejected && problems[0] != NULL;
      if (problems[0] != NULL)
        row->cells[BL_PREVIEW_PROBLEMS] = g_strjoinv ("; ", (char **) problems);
      if (row->rejected)
        /* Translators: the statement cell of a record that will not be imported */
        row->cells[BL_PREVIEW_STATEMENT] = g_strdup (_("(skipped)"));
      else if (project != NULL && claim != BL_NO_INDEX)
        fill_from_claim (row, project, claim);
      g_ptr_array_add (rows, row);
    }

  if (n_records == 0 && project != NULL)
    {
      guint n = bl_claim_store_get_n_claims (bl_project_get_claims (project));

      for (guint i = 0; i < n && i < max_rows; i++)
        {
          BlImportRow *row = g_object_new (BL_TYPE_IMPORT_ROW, NULL);

          fill_from_claim (row, project, i);
          g_ptr_array_add (rows, row);
        }
    }

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       rows->pdata, rows->len);
}

/* The columns */

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  BlPreviewColumn column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == BL_PREVIEW_NUMBER ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 1);
  gtk_label_set_use_markup (GTK_LABEL (label), FALSE);
  if (column == BL_PREVIEW_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  BlPreviewColumn column = GPOINTER_TO_UINT (user_data);
  BlImportRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const char *text = row->cells[column] ? row->cells[column] : "";
  g_autofree char *one_line = g_strdelimit (g_strdup (text), "\n\r\t", ' ');

  gtk_label_set_text (GTK_LABEL (label), one_line);
  gtk_widget_set_tooltip_text (label, text[0] ? text : NULL);
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  if (column == BL_PREVIEW_PROBLEMS || (column == BL_PREVIEW_NUMBER && row->rejected))
    {
      if (row->rejected)
        gtk_widget_add_css_class (label, "error");
      else if (row->warned)
        gtk_widget_add_css_class (label, "warning");
    }
  else if (column == BL_PREVIEW_STATEMENT && row->rejected)
    gtk_widget_add_css_class (label, "dim-label");
}

/**
 * bl_import_preview_setup:
 *
 * Adds the preview's columns to @view.
 */
void
bl_import_preview_setup (GtkColumnView *view)
{
  for (guint i = 0; i < BL_N_PREVIEW_COLUMNS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (view, column);
    }
}

/* A GeoJSON file's records are its features, numbered as its messages
 * number them. */
void
bl_import_preview_set_number_title (GtkColumnView *view,
                                    BlFormat       format)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                                 BL_PREVIEW_NUMBER);

  gtk_column_view_column_set_title (column, format == BL_FORMAT_GEOJSON ? _("Feature") : _("Line"));
  gtk_column_view_column_set_visible (column, format != BL_FORMAT_PROJECT);
}

/* Words */

/**
 * bl_import_preview_place:
 * @name: the file as the import named it
 * @message: a message of the import, "FILE:17: what"
 *
 * Returns: (transfer full): the message as the dialog shows it, where the
 *   file is known: "line 17: what", "features[3].geometry: what"
 */
char *
bl_import_preview_place (const char *name,
                         const char *message)
{
  gsize len = strlen (name);
  const char *rest = message;
  const char *p;
  guint64 line;
  char *end;

  if (strncmp (message, name, len) == 0 && message[len] == ':')
    {
      rest = message + len + 1;
      while (*rest == ' ')
        rest++;
    }
  p = rest;
  if (g_ascii_isdigit (*p))
    {
      line = g_ascii_strtoull (p, &end, 10);
      if (*end == ':' && line <= G_MAXUINT)
        {
          end++;
          while (*end == ' ')
            end++;
          /* Translators: "line 17: lat/lon: latitude 95 is outside -90..90" */
          return g_strdup_printf (_("line %u: %s"), (guint) line, end);
        }
    }
  return g_strdup (rest);
}

/**
 * bl_import_preview_summary:
 *
 * Returns: (transfer full): "1,204 claims will be imported, 3 rows
 *   skipped"
 */
char *
bl_import_preview_summary (BlImportReport *report)
{
  guint imported = bl_import_report_get_n_imported (report);
  guint rejected = bl_import_report_get_n_rejected (report);
  guint warnings = bl_import_report_get_n_warnings (report);
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%'u claim will be imported",
                                          "%'u claims will be imported", imported), imported);
  if (rejected > 0)
    {
      g_string_append (s, ", ");
      if (bl_import_report_get_format (report) == BL_FORMAT_GEOJSON)
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%'u feature skipped",
                                                "%'u features skipped", rejected), rejected);
      else
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%'u row skipped",
                                                "%'u rows skipped", rejected), rejected);
    }
  if (warnings > 0)
    {
      g_string_append (s, ", ");
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%'u value left out",
                                              "%'u values left out", warnings), warnings);
    }
  return g_string_free (s, FALSE);
}

/**
 * bl_import_preview_problems:
 *
 * Returns: (transfer full) (nullable): the first @max_shown problems, one
 *   a line, skipped records first; %NULL when there are none
 */
char *
bl_import_preview_problems (BlImportReport *report,
                            guint           max_shown)
{
  guint n = bl_import_report_get_n_listed (report);
  guint total = bl_import_report_get_n_rejected (report) + bl_import_report_get_n_warnings (report);
  GString *s = g_string_new (NULL);
  guint shown = 0;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n && shown < max_shown; i++)
      {
        BlImportProblemKind kind = bl_import_report_get_kind (report, i);
        g_autofree char *text = NULL;

        if ((pass == 0) != (kind == BL_IMPORT_REJECTED))
          continue;
        text = bl_import_preview_place (bl_import_report_get_name (report),
                                        bl_import_report_get_message (report, i));
        if (s->len)
          g_string_append_c (s, '\n');
        g_string_append (s, text);
        shown++;
      }
  if (total > shown && shown > 0)
    {
      g_string_append_c (s, '\n');
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "… and %'u more problem",
                                              "… and %'u more problems", total - shown), total - shown);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/**
 * bl_import_describe_format:
 * @heading: (out): what the dialog calls the names a mapping chooses from
 *   ("Columns"), or the format; %NULL when it has no word for it
 * @help: (out): how the format's records become claims, in a sentence
 *
 * The words the dialog shows beside the preview for a format.
 */
void
bl_import_describe_format (BlFormat     format,
                           const char **heading,
                           const char **help)
{
  *heading = NULL;
  *help = NULL;

  switch (format)
    {
    case BL_FORMAT_CSV:
      *heading = _("Columns");
      *help = _("Choose the field of the claims that each column fills. Columns set to Ignore are left out.");
      break;
    case BL_FORMAT_GEOJSON:
      *heading = _("Properties");
      *help = _("Choose the field of the claims that each property fills. A feature's point or polygon "
                "is its location.");
      break;
    case BL_FORMAT_ACLED_CSV:
      *heading = _("ACLED Export");
      *help = _("Each event becomes a claim by ACLED, citing the first source it names, about the event's "
                "date and place. Fatalities are a figure on the topic “Fatalities”; the actors and the "
                "other details go into the notes.");
      break;
    case BL_FORMAT_PROJECT:
      *heading = _("Borderline Project");
      *help = _("Its claims, with their claimants, sources and topics, are added to the open project. "
                "Claims already here are recognised and kept as they are.");
      break;
    case BL_FORMAT_UNKNOWN:
    case BL_FORMAT_KML:
    case BL_N_FORMATS:
    default:
      break;
    }
}

/* The report after an import */

/**
 * bl_import_show_details:
 * @text: what the import did, as plain text
 *
 * Shows @text in a window of its own, selectable.
 */
void
bl_import_show_details (GtkWindow  *parent,
                        const char *title,
                        const char *text)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 480);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct {
  GtkWindow *parent;
  char      *title;
  char      *details;
} Details;

static void
details_free (gpointer  data,
              GClosure *closure)
{
  Details *d = data;

  g_clear_weak_pointer (&d->parent);
  g_free (d->title);
  g_free (d->details);
  g_free (d);
}

static void
on_details_clicked (AdwToast *toast,
                    Details  *d)
{
  if (d->parent != NULL)
    bl_import_show_details (d->parent, d->title, d->details);
}

AdwToast *
bl_import_toast_new (GtkWindow  *parent,
                     const char *title,
                     const char *details_title,
                     const char *details)
{
  /* a toast's title is markup, and the file's name is the user's */
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);
  Details *d = g_new0 (Details, 1);

  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Details"));
  g_set_weak_pointer (&d->parent, parent);
  d->title = g_strdup (details_title);
  d->details = g_strdup (details);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_details_clicked), d, details_free, 0);
  return toast;
}
