/* bl-comparison-panel-export.c — the comparison panel's export menu
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table as CSV or Markdown and the chart as PNG or SVG, through
 * core's exports (bl-comparison-export.h); errors in a dialog with plain
 * text, success as #BlComparisonPanel::exported for the window's toast.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bl-claim-painter.h"
#include "bl-comparison-chart.h"
#include "bl-comparison-command.h"
#include "bl-comparison-export.h"
#include "bl-comparison-panel.h"
#include "bl-comparison-panel-private.h"
#include "bl-comparison-row-item.h"
#include "bl-vocab.h"

/* Export */

static void
show_error (BlComparisonPanel *self,
            const char        *heading,
            const char        *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);
  /* the body holds file names and system messages: plain text */
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
export_extension (ExportKind kind)
{
  switch (kind)
    {
    case EXPORT_CSV:
      return ".csv";
    case EXPORT_MARKDOWN:
      return ".md";
    case EXPORT_PNG:
      return ".png";
    case EXPORT_SVG:
    default:
      return ".svg";
    }
}

/* A file name from the topic's id: letters, digits, '-' and '_' only. */
static char *
suggested_name (BlComparisonPanel *self,
                ExportKind         kind)
{
  BlProject *project = bl_comparison_panel_project (self);
  const char *id = bl_topic_get_id (bl_project_get_topic (project, self->topic));
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = id; p != NULL && *p != '\0' && name->len < 64; p++)
    if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
      g_string_append_c (name, *p);
  if (name->len == 0)
    g_string_append (name, "comparison");
  g_string_append (name, export_extension (kind));

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static gboolean
export_to_path (BlComparisonPanel  *self,
                const char         *path,
                ExportKind          kind,
                GError            **error)
{
  switch (kind)
    {
    case EXPORT_CSV:
      return bl_comparison_export_table (self->comparison, path, BL_TABLE_CSV, error);
    case EXPORT_MARKDOWN:
      return bl_comparison_export_table (self->comparison, path, BL_TABLE_MARKDOWN, error);
    case EXPORT_PNG:
      return bl_comparison_export_chart (self->comparison, path, BL_CHART_PNG,
                                         BL_COMPARISON_COMMAND_WIDTH, BL_COMPARISON_COMMAND_HEIGHT, error);
    case EXPORT_SVG:
    default:
      return bl_comparison_export_chart (self->comparison, path, BL_CHART_SVG,
                                         BL_COMPARISON_COMMAND_WIDTH, BL_COMPARISON_COMMAND_HEIGHT, error);
    }
}

static void
on_chooser_response (GtkNativeDialog   *chooser,
                     int                response,
                     BlComparisonPanel *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *extension = export_extension (self->export_kind);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file == NULL || self->comparison == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Could Not Export"), _("Choose a folder on this computer."));
      return;
    }
  if (!g_str_has_suffix (path, extension))
    {
      char *with_extension = g_strconcat (path, extension, NULL);

      g_free (path);
      path = with_extension;
    }

  if (!export_to_path (self, path, self->export_kind, &error))
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: a file name and why it could not be written */
      g_autofree char *body = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);

      show_error (self, _("Could Not Export"), body);
      return;
    }

  bl_comparison_panel_emit_exported (self, path);
}

void
bl_comparison_panel_export_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  BlComparisonPanel *self = BL_COMPARISON_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  const char *title;

  if (self->comparison == NULL || self->chooser != NULL)
    return;

  if (g_str_equal (action_name, "comparison.export-csv"))
    {
      self->export_kind = EXPORT_CSV;
      title = _("Export Table as CSV");
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_suffix (filter, "csv");
    }
  else if (g_str_equal (action_name, "comparison.export-markdown"))
    {
      self->export_kind = EXPORT_MARKDOWN;
      title = _("Export Table as Markdown");
      gtk_file_filter_set_name (filter, _("Markdown documents"));
      gtk_file_filter_add_suffix (filter, "md");
    }
  else if (g_str_equal (action_name, "comparison.export-png"))
    {
      self->export_kind = EXPORT_PNG;
      title = _("Export Chart as PNG");
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_suffix (filter, "png");
    }
  else
    {
      self->export_kind = EXPORT_SVG;
      title = _("Export Chart as SVG");
      gtk_file_filter_set_name (filter, _("SVG images"));
      gtk_file_filter_add_suffix (filter, "svg");
    }

  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = suggested_name (self, self->export_kind);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

