/* test-help.c: F1 and Help open the user's guide, with or without Yelp
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. Each case runs in a subprocess whose data folders hold
 * only the desktop files the case needs: a stand-in for Yelp (a handler
 * of help: URIs) and one for a web browser (a handler of text/html), each
 * a script that writes down the URI it was given. So the cases are the
 * same on a machine with or without Yelp or a browser, and what the
 * program asks the desktop to open is checked, not only that it asked.
 * The HTML copy of the help is the one the build made (build/help).
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ss-application.h"
#include "ss-help.h"
#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "test-dialogs.h"
#include "test-files.h"
#include "test-widgets.h"

/* --- In the subprocess: the application, as a user starts it ---------- */

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data,
            guint      ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (!done (data) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
dialog_shown (gpointer data)
{
  return ss_test_find_dialog () != NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

/* Whether MENU, or a section or submenu of it, has an item for ACTION. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int k = 0; k < g_menu_model_get_n_items (menu); k++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;
      GMenuModel *link;

      if (g_menu_model_get_item_attribute (menu, k, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      links = g_menu_model_iterate_item_links (menu, k);
      while (g_menu_link_iter_get_next (links, NULL, &link))
        {
          gboolean found = menu_has_action (link, action);

          g_object_unref (link);
          if (found)
            return TRUE;
        }
    }
  return FALSE;
}

static GMenuModel *
find_primary_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL
      && g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), "open-menu-symbolic") == 0)
    return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *menu = find_primary_menu (child);

      if (menu != NULL)
        return menu;
    }
  return NULL;
}

typedef struct
{
  SsApplication *app;
  SsWindow      *window;
} Running;

/* The application registered (no session bus: a non-unique instance, as
 * in the isolated test home) with one window on the sample. */
static void
running_start (Running *r)
{
  g_autoptr(SsStudy) sample = ss_study_load_sample ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) accels = NULL;

  r->app = ss_application_new ();
  g_application_set_flags (G_APPLICATION (r->app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (r->app), NULL, &error));
  g_assert_no_error (error);
  r->window = ss_window_new (r->app);
  ss_window_set_study (r->window, sample, NULL);
  gtk_window_present (GTK_WINDOW (r->window));
  for (guint k = 0; k < 20; k++)
    g_main_context_iteration (NULL, FALSE);

  /* F1 is Help, and the main menu has it. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (r->app), "app.help");
  g_assert_nonnull (accels);
  g_assert_cmpstr (accels[0], ==, "F1");
  g_assert_nonnull (find_primary_menu (GTK_WIDGET (r->window)));
  g_assert_true (menu_has_action (find_primary_menu (GTK_WIDGET (r->window)), "app.help"));
}

static void
child_press_f1 (void)
{
  Running r = { 0 };

  running_start (&r);
  g_action_group_activate_action (G_ACTION_GROUP (r.app), "help", NULL);
}

/* Yelp is there: it is given help:supplyshift, and nothing else shows. */
static void
child_yelp (const char *root)
{
  g_autofree char *log = g_build_filename (root, "help.log", NULL);
  g_autofree char *uri = NULL;

  child_press_f1 ();
  wait_until (file_written, log, 10000);
  g_assert_true (g_file_get_contents (log, &uri, NULL, NULL));
  g_assert_cmpstr (uri, ==, "help:supplyshift\n");
  g_assert_null (ss_test_find_dialog ());
}

/* The study data window, which is not the application's, has an F1 of
 * its own, for the page about it. */
static void
child_data_window (const char *root)
{
  g_autofree char *log = g_build_filename (root, "help.log", NULL);
  g_autofree char *uri = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *data_window = NULL;
  g_autoptr(GListModel) controllers = NULL;
  gboolean pressed = FALSE;
  Running r = { 0 };

  running_start (&r);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (r.window), "win.study-data-page", "s", "items"));
  for (guint k = 0; k < g_list_model_get_n_items (toplevels); k++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, k);

      if (gtk_window_get_transient_for (window) == GTK_WINDOW (r.window)
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        data_window = GTK_WIDGET (window);
    }
  g_assert_nonnull (data_window);

  /* What its F1 does, as a key press would run it. */
  controllers = gtk_widget_observe_controllers (data_window);
  for (guint k = 0; k < g_list_model_get_n_items (controllers) && !pressed; k++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, k);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)) && !pressed; j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_F1
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            pressed = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, data_window,
                                                    gtk_shortcut_get_arguments (shortcut));
        }
    }
  g_assert_true (pressed);
  wait_until (file_written, log, 10000);
  g_assert_true (g_file_get_contents (log, &uri, NULL, NULL));
  g_assert_cmpstr (uri, ==, "help:supplyshift/study-data\n");
}

/* No Yelp: the HTML copy opens in the browser, in the user's language,
 * and a toast says why. */
static void
child_browser (const char *root,
               const char *language)
{
  g_autofree char *log = g_build_filename (root, "html.log", NULL);
  g_autofree char *expected_path = g_build_filename (g_getenv ("SUPPLYSHIFT_HELP_HTML_DIR"),
                                                     language, "index.html", NULL);
  g_autofree char *opened = NULL;
  g_autofree char *path = NULL;
  Running r = { 0 };

  running_start (&r);
  g_action_group_activate_action (G_ACTION_GROUP (r.app), "help", NULL);
  wait_until (file_written, log, 10000);
  g_assert_true (g_file_get_contents (log, &opened, NULL, NULL));
  g_strchomp (opened);
  /* GIO hands a local file:// URI to a %u handler as a path. */
  path = g_str_has_prefix (opened, "file:") ? g_filename_from_uri (opened, NULL, NULL) : g_strdup (opened);
  g_assert_cmpstr (path, ==, expected_path);
  g_assert_true (g_file_test (expected_path, G_FILE_TEST_IS_REGULAR));
  for (guint k = 0; k < 20; k++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (has_label (GTK_WIDGET (r.window),
                            "Yelp, the help viewer, is not installed: the help opened in the web browser"));
  g_assert_null (ss_test_find_dialog ());
}

/* No Yelp and no browser: a dialog says to install Yelp and, when the
 * HTML copy is there, where it is. */
static void
child_nothing (const char *root,
               gboolean    with_copy)
{
  AdwMessageDialog *dialog;
  GtkWidget *extra;

  child_press_f1 ();
  wait_until (dialog_shown, NULL, 10000);
  dialog = ss_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Help Is Not Available");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“yelp”"));
  extra = adw_message_dialog_get_extra_child (dialog);
  if (with_copy)
    {
      g_autofree char *path = g_build_filename (g_getenv ("SUPPLYSHIFT_HELP_HTML_DIR"), "html-C",
                                                "index.html", NULL);

      g_assert_true (GTK_IS_LABEL (extra));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (extra)), ==, path);
      g_assert_true (gtk_label_get_selectable (GTK_LABEL (extra)));
    }
  else
    g_assert_null (extra);
}

/* --- In the test process: the desktop each case runs on -------------- */

static void
make_link (const char *target,
           const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (symlink (target, path), ==, 0);
}

/* The one handler of MIME_TYPE, named ID, which writes the URI it gets
 * to LOG. */
static void
add_handler (const char *root,
             const char *id,
             const char *mime_type,
             const char *log)
{
  g_autofree char *script = g_build_filename (root, id, NULL);
  g_autofree char *desktop = g_strdup_printf ("%s/share/applications/%s.desktop", root, id);
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" > '%s/%s.tmp'\n"
                                                  "mv '%s/%s.tmp' '%s/%s'\n",
                                                  root, log, root, log, root, log);
  g_autofree char *desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=%s\n"
                                                   "Exec=%s %%u\nMimeType=%s;\nNoDisplay=true\n",
                                                   id, script, mime_type);

  g_autofree char *cache = g_strdup_printf ("%s/share/applications/mimeinfo.cache", root);
  g_autofree char *cache_text = g_strdup_printf ("[MIME Cache]\n%s=%s.desktop;\n", mime_type, id);

  ss_test_write_file (script, script_text);
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);
  ss_test_write_file (desktop, desktop_text);
  /* GIO finds the handlers of a type through this index, as
   * update-desktop-database writes it. */
  ss_test_write_file (cache, cache_text);
}

typedef enum
{
  CASE_YELP,
  CASE_DATA_WINDOW,
  CASE_BROWSER,
  CASE_BROWSER_KOREAN,
  CASE_NOTHING,
  CASE_NO_COPY,
} Case;

static void
test_case (gconstpointer data)
{
  Case which = GPOINTER_TO_INT (data);
  g_autofree char *root = NULL;
  g_autofree char *share = NULL;
  g_autofree char *applications = NULL;
  g_autofree char *html = g_strdup (g_getenv ("SUPPLYSHIFT_HELP_HTML_DIR"));

  if (g_test_subprocess ())
    {
      root = g_strdup (g_getenv ("TEST_HELP_ROOT"));
      switch (which)
        {
        case CASE_YELP: child_yelp (root); break;
        case CASE_DATA_WINDOW: child_data_window (root); break;
        case CASE_BROWSER: child_browser (root, "html-C"); break;
        case CASE_BROWSER_KOREAN: child_browser (root, "html-ko"); break;
        case CASE_NOTHING: child_nothing (root, TRUE); break;
        case CASE_NO_COPY: child_nothing (root, FALSE); break;
        default: g_assert_not_reached ();
        }
      return;
    }

  g_assert_nonnull (html);
  root = g_dir_make_tmp ("supplyshift-help-XXXXXX", NULL);
  g_assert_nonnull (root);
  share = g_build_filename (root, "share", NULL);
  applications = g_build_filename (share, "applications", NULL);
  g_assert_cmpint (g_mkdir_with_parents (applications, 0700), ==, 0);
  /* The MIME database (a file ending in .html is text/html), the icons
   * and the settings schemas; no applications but the stand-ins. */
  make_link ("/usr/share/mime", share, "mime");
  make_link ("/usr/share/icons", share, "icons");
  make_link ("/usr/share/glib-2.0", share, "glib-2.0");
  if (which == CASE_YELP || which == CASE_DATA_WINDOW)
    add_handler (root, "fake-yelp", "x-scheme-handler/help", "help.log");
  if (which == CASE_BROWSER || which == CASE_BROWSER_KOREAN)
    add_handler (root, "fake-browser", "text/html", "html.log");

  g_setenv ("TEST_HELP_ROOT", root, TRUE);
  g_setenv ("XDG_DATA_DIRS", share, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", root, TRUE);
  if (which == CASE_BROWSER_KOREAN)
    g_setenv ("LANGUAGE", "ko", TRUE);
  else
    g_unsetenv ("LANGUAGE");
  if (which == CASE_NO_COPY)
    g_setenv ("SUPPLYSHIFT_HELP_HTML_DIR", root, TRUE);

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_setenv ("SUPPLYSHIFT_HELP_HTML_DIR", html, TRUE);
  ss_test_remove_tree (root);
  g_test_trap_assert_passed ();
}

/* The HTML copy in the first of the user's languages that has one. */
static void
test_find_html (void)
{
  const char *dir = g_getenv ("SUPPLYSHIFT_HELP_HTML_DIR");
  g_autofree char *korean = g_build_filename (dir, "html-ko", "supply-risk.html", NULL);
  g_autofree char *english = g_build_filename (dir, "html-C", "supply-risk.html", NULL);
  g_autofree char *index = g_build_filename (dir, "html-C", "index.html", NULL);
  g_autofree char *found = NULL;

  g_setenv ("LANGUAGE", "ko", TRUE);
  found = ss_help_find_html ("supply-risk");
  g_assert_cmpstr (found, ==, korean);
  g_clear_pointer (&found, g_free);

  g_setenv ("LANGUAGE", "de:ko", TRUE);
  found = ss_help_find_html ("supply-risk");
  g_assert_cmpstr (found, ==, korean);
  g_clear_pointer (&found, g_free);

  g_setenv ("LANGUAGE", "de", TRUE);
  found = ss_help_find_html (NULL);
  g_assert_cmpstr (found, ==, index);
  g_clear_pointer (&found, g_free);
  found = ss_help_find_html ("supply-risk");
  g_assert_cmpstr (found, ==, english);
  g_clear_pointer (&found, g_free);

  g_assert_null (ss_help_find_html ("no-such-page"));
  g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;
  g_assert_nonnull (ss_get_resource ());

  g_test_add_func ("/help/find-html", test_find_html);
  g_test_add_data_func ("/help/yelp", GINT_TO_POINTER (CASE_YELP), test_case);
  g_test_add_data_func ("/help/study-data-window", GINT_TO_POINTER (CASE_DATA_WINDOW), test_case);
  g_test_add_data_func ("/help/no-yelp/browser", GINT_TO_POINTER (CASE_BROWSER), test_case);
  g_test_add_data_func ("/help/no-yelp/browser-korean", GINT_TO_POINTER (CASE_BROWSER_KOREAN), test_case);
  g_test_add_data_func ("/help/no-yelp/no-browser", GINT_TO_POINTER (CASE_NOTHING), test_case);
  g_test_add_data_func ("/help/no-yelp/no-copy", GINT_TO_POINTER (CASE_NO_COPY), test_case);

  return g_test_run ();
}
