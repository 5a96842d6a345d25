/* test-data-window.c: the study data window and its pages' bindings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window hands its document to the four pages through .ui bindings,
 * and each page to its fields: every page must show the study set on the
 * window, and show another one when the window gets it, as the window
 * does in its title.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <adwaita.h>

#include "ss-countries-page.h"
#include "ss-data-window.h"
#include "ss-items-page.h"
#include "ss-scenarios-page.h"
#include "ss-study-file.h"
#include "ss-study-page.h"
#include "test-widgets.h"

typedef struct
{
  SsStudy      *study;
  SsDocument   *document;
  SsDataWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->study = ss_study_load_sample ();
  f->document = ss_document_new (f->study, NULL);
  f->window = SS_DATA_WINDOW (ss_data_window_new ());
  ss_data_window_set_document (f->window, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ss_test_close_window (GTK_WIDGET (f->window), &f->document, f->study);
}

static GtkWidget *
page (Fixture    *f,
      const char *name)
{
  GtkWidget *widget = ss_data_window_get_page_widget (f->window, name);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
text_of (GtkWidget *widget)
{
  return gtk_editable_get_text (GTK_EDITABLE (widget));
}

/* The button of an action, whose sensitivity follows the action's. */
static GtkWidget *
button_of (GtkWidget  *widget,
           const char *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ss_test_collect (widget, GTK_TYPE_BUTTON, buttons);
  for (guint k = 0; k < buttons->len; k++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, k)), action) == 0)
      return g_ptr_array_index (buttons, k);
  g_error ("no button for %s", action);
}

/* Every page shows the study of the document the window was given. */
static void
assert_shows (Fixture *f,
              SsStudy *study)
{
  SsScenariosPage *scenarios = SS_SCENARIOS_PAGE (page (f, "scenarios"));
  SsItemsPage *items = SS_ITEMS_PAGE (page (f, "items"));
  int first = ss_study_get_n_scenarios (study) > 0 ? 0 : -1;

  g_assert_cmpstr (text_of (ss_study_page_get_field (SS_STUDY_PAGE (page (f, "study")), "title")),
                   ==, ss_study_get_meta (study)->title);
  g_assert_cmpstr (text_of (ss_countries_page_get_cell (SS_COUNTRIES_PAGE (page (f, "countries")),
                                                        0, "name")),
                   ==, ss_study_get_country (study, 0)->name);
  g_assert_cmpint (ss_items_page_get_selected (items), ==, 0);
  g_assert_cmpstr (text_of (ss_items_page_get_field (items, "name")), ==,
                   ss_study_get_item (study, 0)->name);
  g_assert_cmpint (ss_scenarios_page_get_selected (scenarios), ==, first);
  if (first == 0)
    g_assert_cmpstr (text_of (ss_scenarios_page_get_name_row (scenarios)), ==,
                     ss_study_get_scenario (study, 0)->name);
  /* The page's parts that read the fields follow them: overrides can be
   * added to the scenario shown. */
  g_assert_true (gtk_widget_is_sensitive (button_of (GTK_WIDGET (scenarios),
                                                     "scenarios.add-override"))
                 == (first == 0));
}

static void
test_document (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SsStudy) other = ss_study_load_sample ();
  g_autoptr(SsDocument) document = NULL;
  SsMeta *meta = ss_study_get_meta (other);

  g_assert_true (ss_data_window_get_document (f->window) == f->document);
  assert_shows (f, f->study);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==,
                   "Study Data — \u2068Korea key materials\u2069");

  /* Another document, as after File → Open, set as a binding would. */
  g_free (meta->title);
  meta->title = g_strdup ("Another study");
  while (ss_study_get_n_scenarios (other) > 0)
    ss_study_remove_scenario (other, 0);
  document = ss_document_new (other, NULL);
  g_object_set (f->window, "document", document, NULL);
  assert_shows (f, other);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==,
                   "Study Data — \u2068Another study\u2069");

  /* The title follows an edit of the study's title. */
  g_assert_true (ss_document_set_meta_title (document, "Renamed", NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==,
                   "Study Data — \u2068Renamed\u2069");

  g_object_set (f->window, "document", f->document, NULL);
  assert_shows (f, f->study);
}

static void
test_page (Fixture       *f,
           gconstpointer  data)
{
  const char *names[] = { "study", "countries", "items", "scenarios" };
  g_autofree char *shown = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      ss_data_window_set_page (f->window, names[k]);
      g_assert_cmpstr (ss_data_window_get_page (f->window), ==, names[k]);
    }
  g_object_set (f->window, "page", "items", NULL);
  g_object_get (f->window, "page", &shown, NULL);
  g_assert_cmpstr (shown, ==, "items");
  g_assert_null (ss_data_window_get_page_widget (f->window, "nowhere"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;

#define ADD(path, func) \
  g_test_add ("/widgets/data-window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("document", test_document);
  ADD ("page", test_page);
#undef ADD

  return g_test_run ();
}
