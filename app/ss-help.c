/* ss-help.c: opens the user's guide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The guide is Mallard pages (help/), read in Yelp through help:supplyshift.
 * Yelp is a separate package that a desktop other than GNOME may lack;
 * without it there is no handler for help: URIs and the launch fails.
 * Then the HTML copy installed beside the program (help/meson.build) opens
 * in the web browser, in the user's language where it has one, and a toast
 * says why; with no browser either, or no HTML copy, a dialog says what to
 * install and where the pages are. docs/decisions.md has the choice.
 */

#define G_LOG_DOMAIN "supplyshift-help"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-help.h"
#include "ss-window-private.h"

typedef struct
{
  GtkWindow *parent;                   /* owned (may be NULL) */
  char      *page;
  char      *html;                     /* the HTML copy's file, or NULL */
} HelpRequest;

static void
help_request_free (HelpRequest *request)
{
  g_clear_object (&request->parent);
  g_free (request->page);
  g_free (request->html);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelpRequest, help_request_free)

/* Uninstalled runs (the tests, build-aux/screenshot) read the copy the
 * build just made. */
static const char *
html_dir (void)
{
  const char *dir = g_getenv ("SUPPLYSHIFT_HELP_HTML_DIR");

  return dir != NULL ? dir : HELP_HTML_DIR;
}

/* The HTML copy of PAGE (NULL for the first page) in the first of the
 * user's languages that has one, else the English one; NULL when the
 * copy is not installed. */
char *
ss_help_find_html (const char *page)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *name = g_strconcat (page != NULL ? page : "index", ".html", NULL);

  for (guint k = 0; languages[k] != NULL; k++)
    {
      g_autofree char *folder = g_strconcat ("html-", languages[k], NULL);
      g_autofree char *path = g_build_filename (html_dir (), folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static void
show_not_available (HelpRequest *request)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (request->parent, _("Help Is Not Available"), NULL);
  if (request->html != NULL)
    {
      GtkWidget *location = gtk_label_new (request->html);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
        _("Supply Shift’s help opens in Yelp, the GNOME help viewer, which is not "
          "installed, and no web browser could open the help’s web pages. Install the "
          "package “yelp”, then press F1 again, or open this file in a web browser:"));
      gtk_label_set_selectable (GTK_LABEL (location), TRUE);
      gtk_label_set_wrap (GTK_LABEL (location), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (location), PANGO_WRAP_WORD_CHAR);
      gtk_accessible_update_property (GTK_ACCESSIBLE (location), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Location of the help’s web pages"), -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), location);
    }
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
      _("Supply Shift’s help opens in Yelp, the GNOME help viewer, which is not "
        "installed. Install the package “yelp”, then press F1 again."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
html_shown (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HelpRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (request->parent, result, &error))
    {
      g_debug ("Could not open %s: %s", request->html, error->message);
      show_not_available (request);
      return;
    }
  if (SS_IS_WINDOW (request->parent))
    ss_window_toast (SS_WINDOW (request->parent),
                     _("Yelp, the help viewer, is not installed: the help opened in the web browser"));
}

static void
help_shown (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HelpRequest) request = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  GtkWindow *parent;

  if (gtk_show_uri_full_finish (request->parent, result, &error))
    return;

  g_debug ("Could not open the help in Yelp: %s", error->message);
  request->html = ss_help_find_html (request->page);
  if (request->html == NULL)
    {
      show_not_available (request);
      return;
    }
  uri = g_filename_to_uri (request->html, NULL, NULL);
  parent = request->parent;
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, html_shown, g_steal_pointer (&request));
}

/* Opens PAGE of the guide (a page id such as "supply-risk"; NULL for the
 * first page) over PARENT. */
void
ss_help_show (GtkWindow  *parent,
              const char *page)
{
  HelpRequest *request = g_new0 (HelpRequest, 1);
  g_autofree char *uri = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->page = g_strdup (page);
  uri = page != NULL ? g_strconcat ("help:" GETTEXT_PACKAGE "/", page, NULL)
                     : g_strdup ("help:" GETTEXT_PACKAGE);
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, help_shown, request);
}
