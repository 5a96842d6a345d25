/* ss-window-pages.c: the study data window of the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Study, Countries, Items and Scenarios pages are widgets of their
 * own (widgets/ss-*-page.c) in a window of their own (SsDataWindow), which
 * edit the study through the document and follow its "changed" signal;
 * the main window only hands the data window its document.
 *
 * SUPPLYSHIFT_PAGE=study|countries|items|scenarios opens the study data
 * window on that page at start-up, with the Scenarios page on the scenario
 * SUPPLYSHIFT_SCENARIO names. It exists for build-aux/screenshot and for
 * trying a page by hand; users open the pages from the window's menu.
 */

#define G_LOG_DOMAIN "supplyshift-window-pages"

#include "config.h"

#include "ss-scenarios-page.h"
#include "ss-window-private.h"

/* Opens the study data window on the page SUPPLYSHIFT_PAGE names, once
 * the main window is on screen (the data window is transient for it). */
static gboolean
show_initial_page (gpointer data)
{
  SsWindow *self = data;
  const char *initial = g_getenv ("SUPPLYSHIFT_PAGE");
  const char *scenario = g_getenv ("SUPPLYSHIFT_SCENARIO");
  SsDataWindow *data_window = ss_window_data_window (self);
  GtkWidget *page = ss_data_window_get_page_widget (data_window, "scenarios");
  int index;

  if (ss_data_window_get_page_widget (data_window, initial) == NULL)
    {
      g_object_unref (self);
      return G_SOURCE_REMOVE;
    }
  if (scenario != NULL && self->document != NULL && SS_IS_SCENARIOS_PAGE (page)
      && (index = ss_study_find_scenario (ss_window_study (self), scenario)) >= 0)
    ss_scenarios_page_select_scenario (SS_SCENARIOS_PAGE (page), index);
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

  if (initial != NULL)
    g_signal_connect (self, "map", G_CALLBACK (on_window_mapped), NULL);
}

void
ss_window_pages_set_document (SsWindow   *self,
                              SsDocument *document)
{
  if (self->data_window != NULL)
    ss_data_window_set_document (self->data_window, document);
}
