/* test-rtl.c — the window in Dari mirrors, in Russian and Tajik it does not
 *
 * Copyright 2026 The Borderline developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the sample project in a real BlWindow under a translation, the
 * way a person who reads Dari, Russian or Tajik would see it, and checks what
 * can be checked without eyes: the text direction, which end of the
 * header bar the Open button sits at, that visible labels carry the
 * translation, in the right script, with no missing glyphs.
 *
 * GTK takes its text direction once, in gtk_init (), from the translation
 * of "default:LTR" in its own gtk40 domain, and gettext reads LANGUAGE
 * when it looks a message up: so each language runs in a subprocess of
 * its own, with LANGUAGE set before GTK starts. LC_ALL stays C.UTF-8
 * (a C locale would make gettext ignore LANGUAGE); when the system has
 * the language's own locale, LC_TIME uses it so that month names are
 * translated too.
 *
 * The catalogues are compiled from po/ with msgfmt into a temporary
 * folder, so the test needs no installed translations.
 *
 * Set BL_SCREENSHOT_DIR to a folder to save PNGs of each window:
 * rtl-fa-claims.png, rtl-fa-claim.png, rtl-fa-compare.png and the same
 * for ru and tg.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "bl-window.h"
#include "display-helpers.h"
#include "test-helpers.h"

typedef struct {
  const char    *language;     /* LANGUAGE, and the po/ file */
  const char    *locale;       /* a system locale for LC_TIME, if present */
  GUnicodeScript script;       /* the script its labels are written in */
  GtkTextDirection direction;
} Language;

static const Language languages[] = {
  { "fa", "fa_IR.UTF-8", G_UNICODE_SCRIPT_ARABIC, GTK_TEXT_DIR_RTL },
  { "ru", "ru_RU.UTF-8", G_UNICODE_SCRIPT_CYRILLIC, GTK_TEXT_DIR_LTR },
  { "tg", "tg_TJ.UTF-8", G_UNICODE_SCRIPT_CYRILLIC, GTK_TEXT_DIR_LTR },
};

static char *catalogue_dir;

/* The first widget of @type under @root for which @match (if given) holds. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             gboolean  (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, match, data);

      if (found)
        return found;
    }

  return NULL;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  text)
{
  return gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* (drop-downs hold search entries of their own, with GTK's placeholder) */
static gboolean
has_placeholder (GtkWidget     *widget,
                 gconstpointer  text)
{
  g_autofree char *placeholder = NULL;

  g_object_get (widget, "placeholder-text", &placeholder, NULL);
  return g_strcmp0 (placeholder, text) == 0;
}

/* Whether @text has a letter of @script. */
static gboolean
has_script (const char     *text,
            GUnicodeScript  script)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == script)
      return TRUE;
  return FALSE;
}

/* Compiles po/LANGUAGE.po into catalogue_dir, as msgfmt would for make install. */
static void
compile_catalogue (const char *language)
{
  g_autofree char *po = g_strdup_printf ("%s/po/%s.po", BL_SOURCE_DIR, language);
  g_autofree char *dir = g_build_filename (catalogue_dir, language, "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "msgfmt", "-o", mo, po, NULL };
  int status;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error))
    g_error ("msgfmt: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("msgfmt %s failed: %s", po, err);
}

static void
remove_catalogue (const char *language)
{
  g_autofree char *dir = g_build_filename (catalogue_dir, language, "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *parent = g_path_get_dirname (dir);

  g_unlink (mo);
  g_rmdir (dir);
  g_rmdir (parent);
  g_rmdir (catalogue_dir);
}

/* Saves what the window shows, as a person would see it, to BL_SCREENSHOT_DIR. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("BL_SCREENSHOT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;

  bl_test_wait_for_frames (window, 10);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (bl_test_save_png (window, path));
}

/* A label the user sees must be translated, in the script, laid out with
 * every glyph found, in the reading direction. */
static void
assert_label_translated (GtkWidget      *window,
                         const char     *text,
                         const Language *lang)
{
  GtkWidget *label = find_widget (window, GTK_TYPE_LABEL, has_label, text);
  PangoLayout *layout;

  g_assert_true (has_script (text, lang->script));
  g_assert_nonnull (label);
  layout = gtk_label_get_layout (GTK_LABEL (label));
  g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
  if (lang->direction == GTK_TEXT_DIR_RTL)
    g_assert_cmpint (pango_layout_get_line_readonly (layout, 0)->resolved_dir, ==, PANGO_DIRECTION_RTL);
}

static void
check_window (const Language *lang)
{
  g_autoptr(GFile) file = g_file_new_for_path (BL_TEST_SAMPLE);
  BlWindow *window;
  GtkWidget *header, *open_button, *search, *list, *stack;
  g_autofree char *placeholder = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *name = NULL;
  graphene_rect_t bounds;
  double middle;
  int width;

  /* GTK read its direction from its own translation in gtk_init () */
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, lang->direction);

  window = g_object_new (BL_TYPE_WINDOW, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  bl_window_open_file (window, file);
  bl_test_wait_for (bl_test_project_shown, window, 20, "the sample project to open");
  bl_test_wait_for_frames (GTK_WIDGET (window), 5);

  g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (window)), ==, lang->direction);

  /* the Open button leads the header bar: at the right in Dari */
  header = find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR, NULL, NULL);
  g_assert_nonnull (header);
  open_button = find_widget (header, GTK_TYPE_BUTTON, has_action, "win.open");
  g_assert_nonnull (open_button);
  g_assert_true (gtk_widget_compute_bounds (open_button, GTK_WIDGET (window), &bounds));
  width = gtk_widget_get_width (GTK_WIDGET (window));
  middle = bounds.origin.x + bounds.size.width / 2;
  if (lang->direction == GTK_TEXT_DIR_RTL)
    g_assert_cmpfloat (middle, >, width / 2.0);
  else
    g_assert_cmpfloat (middle, <, width / 2.0);
  assert_label_translated (open_button, g_dgettext (GETTEXT_PACKAGE, "_Open"), lang);

  /* the search field speaks the language */
  placeholder = g_strdup (g_dgettext (GETTEXT_PACKAGE, "Search claims"));
  g_assert_cmpstr (placeholder, !=, "Search claims");
  g_assert_true (has_script (placeholder, lang->script));
  search = find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, has_placeholder, placeholder);
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_get_mapped (search));

  /* the heading above the list counts the claims in words of the language */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Claim", "%u Claims", 16), 16);
  assert_label_translated (GTK_WIDGET (window), heading, lang);

  name = g_strdup_printf ("rtl-%s-claims.png", lang->language);
  save_screenshot (GTK_WIDGET (window), name);

  /* one claim, in the side panel */
  list = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, has_name, "claim-list");
  g_assert_nonnull (list);
  g_signal_emit_by_name (list, "activate", 1);
  bl_test_wait_for_frames (GTK_WIDGET (window), 5);
  g_assert_nonnull (bl_window_get_selected_claim (window));
  assert_label_translated (GTK_WIDGET (window), g_dgettext (GETTEXT_PACKAGE, "Claimant"), lang);
  g_free (name);
  name = g_strdup_printf ("rtl-%s-claim.png", lang->language);
  save_screenshot (GTK_WIDGET (window), name);

  /* the comparison */
  stack = find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, NULL);
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "compare");
  bl_test_wait_for_frames (GTK_WIDGET (window), 5);
  g_free (name);
  name = g_strdup_printf ("rtl-%s-compare.png", lang->language);
  save_screenshot (GTK_WIDGET (window), name);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window (gconstpointer data)
{
  const Language *lang = data;

  if (!g_test_subprocess ())
    {
      /* LANGUAGE must be set before GTK starts: a process of its own */
      g_setenv ("LANGUAGE", lang->language, TRUE);
      g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  check_window (lang);
}

/* In the subprocess: the language's catalogue, its locale, then GTK. */
static void
init_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  setlocale (LC_ALL, "");
  catalogue_dir = g_dir_make_tmp ("borderline-rtl-XXXXXX", NULL);
  g_assert_nonnull (catalogue_dir);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i].language) == 0)
      {
        compile_catalogue (language);
        if (setlocale (LC_TIME, languages[i].locale) == NULL)
          g_test_message ("no %s locale: month names stay in English", languages[i].locale);
      }

  bindtextdomain (GETTEXT_PACKAGE, catalogue_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_test_subprocess ())
    init_language ();

  g_test_add_data_func ("/rtl/dari", &languages[0], test_window);
  g_test_add_data_func ("/rtl/russian", &languages[1], test_window);
  g_test_add_data_func ("/rtl/tajik", &languages[2], test_window);

  status = g_test_run ();

  if (catalogue_dir)
    remove_catalogue (g_getenv ("LANGUAGE"));
  return status;
}
