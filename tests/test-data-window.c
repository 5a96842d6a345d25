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

#include <string.h>

#include <adwaita.h>

#include "ss-countries-page.h"
#include "ss-data-window.h"
#include "ss-items-page.h"
#include "ss-scenarios-page.h"
#include "ss-study-file.h"
#include "ss-study-page.h"
#include "test-util.h"
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

static void
type_and_enter (GtkWidget  *editable,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  if (ADW_IS_ENTRY_ROW (editable))
    g_signal_emit_by_name (editable, "entry-activated");
  else
    g_signal_emit_by_name (editable, "activate");
}

/* The message dialog over @window, if one is shown. */
static AdwMessageDialog *
dialog_over (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();    /* transfer none */

  for (guint k = 0; k < g_list_model_get_n_items (toplevels); k++)
    {
      g_autoptr(GObject) top = g_list_model_get_item (toplevels, k);

      if (ADW_IS_MESSAGE_DIALOG (top) && gtk_widget_get_visible (GTK_WIDGET (top))
          && gtk_window_get_transient_for (GTK_WINDOW (top)) == window)
        return ADW_MESSAGE_DIALOG (top);
    }
  return NULL;
}

/* Governance -3, a probability of 150 % and shares summing to 62 % are
 * refused, each with its own message; closing the window lists all three
 * and asks, and keeping on editing keeps them as typed. */
static void
test_close_asks (Fixture       *f,
                 gconstpointer  data)
{
  SsCountriesPage *countries = SS_COUNTRIES_PAGE (page (f, "countries"));
  SsItemsPage *items = SS_ITEMS_PAGE (page (f, "items"));
  int cn = ss_study_find_country (f->study, "CN");
  GtkWidget *governance = ss_countries_page_get_cell (countries, cn, "governance");
  GtkWidget *probability = ss_countries_page_get_cell (countries, cn, "disruption-probability");
  GtkWidget *share;
  g_autoptr(SsStudy) before = ss_study_copy (f->study);
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *share_text = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  ss_items_page_select_item (items, 0);
  share = ss_items_page_get_source_field (items, cn, "share");
  /* China's share 0.796 → 38.2 %: 62 % less than the sum of 100 %. */
  share_text = g_strdup_printf ("%g", 100 * ss_study_get_item (f->study, 0)->sources[cn].attr[SS_SOURCE_SHARE] - 38);
  type_and_enter (governance, "-3");
  type_and_enter (probability, "150");
  type_and_enter (share, share_text);
  ss_test_flush ();
  g_assert_true (ss_study_equal (f->study, before));

  problems = ss_data_window_dup_problems (f->window);
  for (guint k = 0; k < problems->len; k++)
    g_test_message ("%s", (const char *)g_ptr_array_index (problems, k));
  g_assert_cmpuint (problems->len, >=, 3);

  gtk_window_close (GTK_WINDOW (f->window));
  ss_test_flush ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  dialog = dialog_over (GTK_WINDOW (f->window));
  g_assert_nonnull (dialog);
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Governance of \u2068China\u2069 must be a number in (0, 10]"));
  g_assert_nonnull (strstr (body, "Disruption probability of \u2068China\u2069 must be a percentage in [0, 100]"));
  {
    /* The sum in the locale's numbers: "62,0" in German. */
    g_autofree char *sum = g_strdup_printf ("Shares sum to %s %%, expected 100 %%", ss_test_localized ("62.0"));

    g_assert_nonnull (strstr (body, sum));
  }

  adw_message_dialog_response (dialog, "keep");
  ss_test_flush ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (text_of (governance), ==, "-3");
  g_assert_cmpstr (text_of (probability), ==, "150");
  g_assert_cmpstr (text_of (share), ==, share_text);
  g_assert_true (gtk_widget_has_css_class (governance, "error"));

  /* Closed anyway: hidden, the text still typed there. */
  gtk_window_close (GTK_WINDOW (f->window));
  ss_test_flush ();
  adw_message_dialog_response (dialog_over (GTK_WINDOW (f->window)), "close");
  ss_test_flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (text_of (governance), ==, "-3");
  g_assert_true (ss_study_equal (f->study, before));
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
  ADD ("close-asks", test_close_asks);
#undef ADD

  return g_test_run ();
}
