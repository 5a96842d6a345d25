/* ss-window-pages.c: the Study, Countries, Items and Scenarios pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each page is a widget of its own (widgets/ss-*-page.c) that edits the
 * study through the document and follows its "changed" signal; the window
 * only puts them in its view stack and hands them the document.
 *
 * SUPPLYSHIFT_PAGE=study|countries|items|scenarios opens the study data
 * window on that page at start-up. It exists for build-aux/screenshot and
 * for trying a page by hand; users open the pages from the window's menu.
 */

#define G_LOG_DOMAIN "supplyshift-window-pages"

#include "config.h"

#include "ss-countries-page.h"
#include "ss-items-page.h"
#include "ss-scenarios-page.h"
#include "ss-study-page.h"
#include "ss-window-private.h"

static GtkWidget *
get_page_widget (SsWindow   *self,
                 const char *name)
{
  GtkWidget *box = GTK_WIDGET (ss_window_get_page (self, name));

  return gtk_widget_get_first_child (box);
}

/* Opens the study data window on the page SUPPLYSHIFT_PAGE names, once
 * the main window is on screen (the data window is transient for it). */
static gboolean
show_initial_page (gpointer data)
{
  SsWindow *self = data;
  const char *initial = g_getenv ("SUPPLYSHIFT_PAGE");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.study-data-page", "s", initial);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_window_mapped (SsWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_window_mapped, NULL);
  g_idle_add (show_initial_page, g_object_ref (self));
}

void
ss_window_pages_init (SsWindow *self)
{
  const char *initial = g_getenv ("SUPPLYSHIFT_PAGE");

  gtk_box_append (ss_window_get_page (self, "study"), ss_study_page_new ());
  gtk_box_append (ss_window_get_page (self, "countries"), ss_countries_page_new ());
  gtk_box_append (ss_window_get_page (self, "items"), ss_items_page_new ());
  gtk_box_append (ss_window_get_page (self, "scenarios"), ss_scenarios_page_new ());

  if (initial != NULL
      && (g_str_equal (initial, "study") || g_str_equal (initial, "countries")
          || g_str_equal (initial, "items") || g_str_equal (initial, "scenarios")))
    g_signal_connect (self, "map", G_CALLBACK (on_window_mapped), NULL);
}

void
ss_window_pages_set_document (SsWindow   *self,
                              SsDocument *document)
{
  GtkWidget *study = get_page_widget (self, "study");
  GtkWidget *countries = get_page_widget (self, "countries");
  GtkWidget *items = get_page_widget (self, "items");
  GtkWidget *scenarios = get_page_widget (self, "scenarios");

  ss_study_page_set_document (SS_STUDY_PAGE (study), document);
  ss_countries_page_set_document (SS_COUNTRIES_PAGE (countries), document);
  ss_items_page_set_document (SS_ITEMS_PAGE (items), document);
  ss_scenarios_page_set_document (SS_SCENARIOS_PAGE (scenarios), document);
}
