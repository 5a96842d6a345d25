/* test-pages.c: the Countries, Items and Scenarios pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are driven the way a user drives them: text set in an entry
 * and the entry activated (Enter), a check button toggled, and the pages'
 * own add/remove functions, which their buttons call. After every edit
 * the study must still save and load back unchanged.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "ss-attrs.h"
#include "ss-countries-page.h"
#include "ss-item-model.h"
#include "ss-items-page.h"
#include "ss-scenarios-page.h"
#include "ss-study-file.h"
#include "test-layout.h"
#include "test-util.h"
#include "test-widgets.h"

typedef struct
{
  SsStudy         *study;
  SsDocument      *document;
  GtkWidget       *window;
  SsCountriesPage *countries;
  SsItemsPage     *items;
  SsScenariosPage *scenarios;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->study = ss_study_load_sample ();
  f->document = ss_document_new (f->study, NULL);
  f->countries = SS_COUNTRIES_PAGE (ss_countries_page_new ());
  f->items = SS_ITEMS_PAGE (ss_items_page_new ());
  f->scenarios = SS_SCENARIOS_PAGE (ss_scenarios_page_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->countries));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->items));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->scenarios));
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  ss_countries_page_set_document (f->countries, f->document);
  ss_items_page_set_document (f->items, f->document);
  ss_scenarios_page_set_document (f->scenarios, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ss_test_close_window (f->window, &f->document, f->study);
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

/* A fraction as a field shows it: in percent, in the locale's mark. */
static char *
percent_text (double value)
{
  char buf[SS_NUMBER_BUF];

  ss_format_percent (buf, sizeof buf, value);
  return g_strdup (ss_test_localized (buf));
}

/* --- Countries --------------------------------------------------------- */

static void
test_countries_range (Fixture       *f,
                      gconstpointer  data)
{
  int cn = ss_study_find_country (f->study, "CN");
  SsCountry *china = ss_study_get_country (f->study, cn);
  double sample = china->attr[SS_COUNTRY_DISRUPTION_PROBABILITY];
  g_autofree char *sample_text = percent_text (sample);
  g_autoptr(SsStudy) before = ss_study_copy (f->study);
  GtkWidget *entry = ss_countries_page_get_cell (f->countries, cn, "disruption-probability");
  const char *tooltip;

  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, sample_text);
  /* The name is in a bidi isolate (docs/decisions.md). */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Disruption probability of \u2068China\u2069, in percent");

  /* Out of range: shown as an error naming the range, in percent as the
   * window's shares are, not written. */
  type_and_enter (entry, "150");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  tooltip = gtk_widget_get_tooltip_text (entry);
  g_assert_nonnull (strstr (tooltip, "a percentage in [0, 100]"));
  g_assert_true (ss_study_equal (f->study, before));
  g_assert_false (ss_document_get_modified (f->document));
  g_assert_false (ss_document_can_undo (f->document));

  /* Not a number, in any locale. */
  type_and_enter (entry, "abc");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  type_and_enter (entry, "1.2.3");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (ss_study_equal (f->study, before));

  /* In range: one undoable edit; 20 % is the file's 0.2. */
  type_and_enter (entry, "20");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpfloat (china->attr[SS_COUNTRY_DISRUPTION_PROBABILITY], ==, 0.2);
  g_assert_true (ss_document_get_modified (f->document));
  g_assert_true (ss_document_can_undo (f->document));
  ss_test_assert_round_trips (f->study);

  /* Enter again on the same value writes nothing more. */
  type_and_enter (entry, "20");
  g_assert_true (ss_document_undo (f->document));
  china = ss_study_get_country (f->study, cn);
  g_assert_cmpfloat (china->attr[SS_COUNTRY_DISRUPTION_PROBABILITY], ==, sample);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, sample_text);
  g_assert_false (ss_document_get_modified (f->document));
  g_assert_false (ss_document_can_undo (f->document));

  g_assert_true (ss_document_redo (f->document));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "20");

  /* Open ranges: governance (0, 10] refuses 0 and takes 10. */
  entry = ss_countries_page_get_cell (f->countries, cn, "governance");
  type_and_enter (entry, "0");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  type_and_enter (entry, "10");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpfloat (ss_study_get_country (f->study, cn)->attr[SS_COUNTRY_GOVERNANCE], ==, 10);
}

static void
test_countries_names (Fixture       *f,
                      gconstpointer  data)
{
  int cn = ss_study_find_country (f->study, "CN");
  GtkWidget *code = ss_countries_page_get_cell (f->countries, cn, "code");
  GtkWidget *name = ss_countries_page_get_cell (f->countries, cn, "name");
  GtkWidget *group = ss_countries_page_get_cell (f->countries, cn, "group");
  g_autoptr(SsStudy) before = ss_study_copy (f->study);

  type_and_enter (code, "VN");                 /* taken */
  g_assert_true (gtk_widget_has_css_class (code, "error"));
  type_and_enter (code, "C1");
  g_assert_true (gtk_widget_has_css_class (code, "error"));
  type_and_enter (name, "   ");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  type_and_enter (group, "EU 27");
  g_assert_true (gtk_widget_has_css_class (group, "error"));
  g_assert_true (ss_study_equal (f->study, before));

  type_and_enter (code, "cx");                 /* upper-cased */
  g_assert_cmpstr (ss_study_get_country (f->study, cn)->code, ==, "CX");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "CX");
  type_and_enter (name, "  People's Republic of China ");
  g_assert_cmpstr (ss_study_get_country (f->study, cn)->name, ==, "People's Republic of China");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (code), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Code of \u2068People's Republic of China\u2069");
  type_and_enter (group, "EU27");
  g_assert_cmpstr (ss_study_get_country (f->study, cn)->group, ==, "EU27");
  ss_test_assert_round_trips (f->study);
  type_and_enter (group, "");
  g_assert_null (ss_study_get_country (f->study, cn)->group);
  ss_test_assert_round_trips (f->study);
}

static void
test_countries_add_remove (Fixture       *f,
                           gconstpointer  data)
{
  guint nc = ss_study_get_n_countries (f->study);
  g_autoptr(GError) error = NULL;
  int xx, cn = ss_study_find_country (f->study, "CN");
  guint home = ss_study_get_meta (f->study)->home;
  SsScenario *scenario;
  guint ov_country = 0, ov_attr = 0;
  GtkWidget *entry, *dropdown;

  /* Refused: bad code, taken code, empty name. */
  g_assert_cmpint (ss_countries_page_add_country (f->countries, "X1", "Nowhere", &error), ==, -1);
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (ss_countries_page_add_country (f->countries, "CN", "Again", &error), ==, -1);
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_cmpint (ss_countries_page_add_country (f->countries, "XA", " ", &error), ==, -1);
  g_clear_error (&error);
  g_assert_false (ss_document_can_undo (f->document));

  xx = ss_countries_page_add_country (f->countries, "XX", "Testland", &error);
  g_assert_no_error (error);
  g_assert_cmpint (xx, ==, nc);
  g_assert_cmpuint (ss_study_get_n_countries (f->study), ==, nc + 1);
  g_assert_nonnull (ss_countries_page_get_cell (f->countries, xx, "ramp"));
  ss_test_assert_round_trips (f->study);

  /* Give it a listed zero-share source (a price for scenarios) and a
   * scenario override: it may still go, and both go with it. */
  entry = ss_items_page_get_source_field (f->items, xx, "cost-index");
  g_assert_nonnull (entry);
  type_and_enter (entry, "0.9");
  g_assert_true (ss_study_get_item (f->study, 0)->sources[xx].listed);
  ss_scenarios_page_select_scenario (f->scenarios, 0);
  scenario = ss_study_get_scenario (f->study, 0);
  g_assert_true (ss_scenarios_page_add_override (f->scenarios, &ov_country, &ov_attr, NULL));
  ss_test_flush ();
  entry = ss_scenarios_page_get_override_entry (f->scenarios, ov_country, ov_attr);
  /* The row's first child is its country dropdown: move it to Testland. */
  dropdown = gtk_widget_get_first_child (gtk_widget_get_parent (entry));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), xx);
  ss_test_flush ();
  g_assert_null (ss_scenario_find_override (scenario, ov_country));
  g_assert_nonnull (ss_scenario_find_override (scenario, xx));
  g_assert_nonnull (ss_scenarios_page_get_override_entry (f->scenarios, xx, ov_attr));
  ss_test_assert_round_trips (f->study);

  /* Refused while it supplies something, and for home. */
  g_assert_false (ss_countries_page_remove_country (f->countries, cn, &error));
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "China"));
  g_clear_error (&error);
  g_assert_false (ss_countries_page_remove_country (f->countries, home, &error));
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_IN_USE);
  g_clear_error (&error);

  g_assert_true (ss_countries_page_remove_country (f->countries, xx, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ss_study_get_n_countries (f->study), ==, nc);
  g_assert_null (ss_countries_page_get_cell (f->countries, xx, "ramp"));
  g_assert_null (ss_scenario_find_override (ss_study_get_scenario (f->study, 0), xx));
  ss_test_assert_round_trips (f->study);

  /* Undo brings it back with its source and override, and the table. */
  g_assert_true (ss_document_undo (f->document));
  g_assert_cmpuint (ss_study_get_n_countries (f->study), ==, nc + 1);
  g_assert_nonnull (ss_countries_page_get_cell (f->countries, xx, "ramp"));
  g_assert_nonnull (ss_scenario_find_override (ss_study_get_scenario (f->study, 0), xx));
  g_assert_true (ss_document_redo (f->document));

  /* At most 16. */
  for (char c = 'A'; ss_study_get_n_countries (f->study) < SS_MAX_COUNTRIES; c++)
    {
      char code[3] = { 'Q', c, '\0' };

      if (ss_study_find_country (f->study, code) >= 0)
        continue;                      /* the sample has QA */
      g_assert_cmpint (ss_countries_page_add_country (f->countries, code, code, NULL), >=, 0);
    }
  g_assert_cmpint (ss_countries_page_add_country (f->countries, "QZ", "Too many", &error), ==, -1);
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_FULL);
  ss_test_assert_round_trips (f->study);
}

/* --- Items ------------------------------------------------------------- */

static void
test_items_fields (Fixture       *f,
                   gconstpointer  data)
{
  SsItem *item;
  GtkWidget *value, *growth, *code;
  g_autoptr(SsStudy) before = ss_study_copy (f->study);

  ss_items_page_select_item (f->items, 1);
  item = ss_study_get_item (f->study, 1);
  value = ss_items_page_get_field (f->items, "value");
  growth = ss_items_page_get_field (f->items, "growth");
  code = ss_items_page_get_field (f->items, "code");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, item->code);

  type_and_enter (value, "0");                 /* > 0 */
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  type_and_enter (value, "");                  /* required */
  g_assert_true (gtk_widget_has_css_class (value, "error"));
  type_and_enter (growth, "100");              /* (-99, 100) % */
  g_assert_true (gtk_widget_has_css_class (growth, "error"));
  type_and_enter (code, ss_study_get_item (f->study, 0)->code);
  g_assert_true (gtk_widget_has_css_class (code, "error"));
  type_and_enter (code, "has space");
  g_assert_true (gtk_widget_has_css_class (code, "error"));
  g_assert_true (ss_study_equal (f->study, before));
  g_assert_false (ss_document_can_undo (f->document));

  type_and_enter (value, "1234.5");
  g_assert_cmpfloat (item->attr[SS_ITEM_VALUE], ==, 1234.5);
  type_and_enter (growth, "");                 /* optional: back to the default */
  g_assert_false (item->set & (1u << SS_ITEM_GROWTH));
  g_assert_cmpfloat (item->attr[SS_ITEM_GROWTH], ==, 0);
  ss_test_assert_round_trips (f->study);
  type_and_enter (growth, "-2");
  g_assert_true (item->set & (1u << SS_ITEM_GROWTH));
  type_and_enter (code, "HS-250410");
  g_assert_cmpstr (item->code, ==, "HS-250410");
  type_and_enter (ss_items_page_get_field (f->items, "name"), "Graphite, natural");
  g_assert_cmpstr (item->name, ==, "Graphite, natural");
  ss_test_assert_round_trips (f->study);
}

static void
test_items_shares (Fixture       *f,
                   gconstpointer  data)
{
  int cn = ss_study_find_country (f->study, "CN");
  int cl = ss_study_find_country (f->study, "CL");
  int vn = ss_study_find_country (f->study, "VN");
  SsItem *item = ss_study_get_item (f->study, 0);
  double china = item->sources[cn].attr[SS_SOURCE_SHARE];
  double chile = item->sources[cl].attr[SS_SOURCE_SHARE];
  GtkWidget *cn_share, *cl_share, *vn_cost, *listed;
  g_autoptr(SsStudy) before = ss_study_copy (f->study);
  /* The sum is shown in the user's locale: "90,4" in German. */
  g_autofree char *sum = g_strdup_printf ("90%s4", localeconv ()->decimal_point);

  ss_items_page_select_item (f->items, 0);
  cn_share = ss_items_page_get_source_field (f->items, cn, "share");
  cl_share = ss_items_page_get_source_field (f->items, cl, "share");
  g_assert_cmpstr (ss_items_page_get_sum_text (f->items), ==, "Shares sum to 100 %");

  /* 0.796 → 0.7: the shares no longer sum to 1, so nothing is written. */
  type_and_enter (cn_share, "70");
  g_assert_true (ss_study_equal (f->study, before));
  g_assert_nonnull (strstr (ss_items_page_get_sum_text (f->items), sum));
  g_assert_false (ss_document_can_undo (f->document));

  /* Another item's edit does not lose what is typed. */
  type_and_enter (ss_items_page_get_field (f->items, "stockpile-days"), "15");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cn_share)), ==, "70");
  g_assert_true (ss_document_undo (f->document));
  item = ss_study_get_item (f->study, 0);      /* undo replaces the items */

  /* Chile takes the rest: both are written, as one step. */
  type_and_enter (cl_share, "27.1");
  g_assert_cmpfloat (item->sources[cn].attr[SS_SOURCE_SHARE], ==, 0.7);
  g_assert_cmpfloat (item->sources[cl].attr[SS_SOURCE_SHARE], ==, 0.271);
  g_assert_cmpstr (ss_items_page_get_sum_text (f->items), ==, "Shares sum to 100 %");
  ss_test_assert_round_trips (f->study);
  g_assert_true (ss_document_undo (f->document));
  item = ss_study_get_item (f->study, 0);
  g_assert_cmpfloat (item->sources[cn].attr[SS_SOURCE_SHARE], ==, china);
  g_assert_cmpfloat (item->sources[cl].attr[SS_SOURCE_SHARE], ==, chile);
  g_assert_true (ss_study_equal (f->study, before));

  /* Optional source figures: empty is "the country's". */
  vn_cost = ss_items_page_get_source_field (f->items, vn, "cost-index");
  g_assert_true (item->sources[vn].set & (1u << SS_SOURCE_COST_INDEX));
  type_and_enter (vn_cost, "0");                /* > 0 */
  g_assert_true (gtk_widget_has_css_class (vn_cost, "error"));
  type_and_enter (vn_cost, "");
  g_assert_false (item->sources[vn].set & (1u << SS_SOURCE_COST_INDEX));
  ss_test_assert_round_trips (f->study);

  /* Unlisting: refused while the country supplies, else back to defaults. */
  listed = ss_items_page_get_source_field (f->items, cn, "listed");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (listed), FALSE);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (listed)));
  g_assert_true (item->sources[cn].listed);
  listed = ss_items_page_get_source_field (f->items, vn, "listed");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (listed), FALSE);
  g_assert_false (item->sources[vn].listed);
  g_assert_cmpuint (item->sources[vn].set, ==, 0);
  ss_test_assert_round_trips (f->study);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (listed), TRUE);
  g_assert_true (item->sources[vn].listed);
  ss_test_assert_round_trips (f->study);
}

static void
test_items_add_remove (Fixture       *f,
                       gconstpointer  data)
{
  guint ni = ss_study_get_n_items (f->study);
  g_autoptr(GError) error = NULL;
  int index;
  SsItem *item;

  index = ss_items_page_add_item (f->items);
  g_assert_cmpint (index, ==, ni);
  g_assert_cmpint (ss_items_page_get_selected (f->items), ==, index);
  item = ss_study_get_item (f->study, index);
  g_assert_cmpstr (item->name, ==, "New item");
  g_assert_cmpstr (item->code, ==, "new-item");
  g_assert_cmpfloat (item->attr[SS_ITEM_VALUE], ==, 100);
  g_assert_cmpfloat (item->sources[0].attr[SS_SOURCE_SHARE], ==, 1);
  ss_test_assert_round_trips (f->study);
  g_assert_cmpint (ss_items_page_add_item (f->items), ==, ni + 1);
  g_assert_cmpstr (ss_study_get_item (f->study, ni + 1)->code, ==, "new-item-2");
  ss_test_assert_round_trips (f->study);

  g_assert_true (ss_items_page_remove_item (f->items, 0, &error));
  g_assert_no_error (error);
  ss_test_assert_round_trips (f->study);
  while (ss_study_get_n_items (f->study) > 1)
    g_assert_true (ss_items_page_remove_item (f->items, ss_study_get_n_items (f->study) - 1, NULL));
  g_assert_cmpint (ss_items_page_get_selected (f->items), ==, 0);
  g_assert_false (ss_items_page_remove_item (f->items, 0, &error));
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_IN_USE);
  ss_test_assert_round_trips (f->study);

  while (ss_document_can_undo (f->document))
    ss_document_undo (f->document);
  g_assert_cmpuint (ss_study_get_n_items (f->study), ==, ni);
}

/* The Items page's list: a list view over the document's items. */
static GtkListView *
items_list (Fixture *f)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  ss_test_collect (GTK_WIDGET (f->items), GTK_TYPE_LIST_VIEW, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static GListModel *
items_rows (Fixture *f)
{
  return G_LIST_MODEL (gtk_list_view_get_model (items_list (f)));
}

static int
items_selected (Fixture *f)
{
  SsItemRef *ref = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (items_rows (f)));

  return ref != NULL ? ss_item_ref_get_index (ref) : -1;
}

static void
wait_rows (Fixture *f,
           guint    n)
{
  for (guint k = 0; k < 200 && g_list_model_get_n_items (items_rows (f)) != n; k++)
    ss_test_wait_frames (1);
  g_assert_cmpuint (g_list_model_get_n_items (items_rows (f)), ==, n);
}

/* The list has a row for every item through additions, removals and
 * their undo, and selects the page's item; its search filters by name,
 * code or category, and Enter selects the first match. */
static void
test_items_list (Fixture       *f,
                 gconstpointer  data)
{
  guint ni = ss_study_get_n_items (f->study);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GtkWidget *search;
  int index;

  g_assert_cmpuint (g_list_model_get_n_items (items_rows (f)), ==, ni);
  g_assert_cmpint (items_selected (f), ==, 0);
  index = ss_items_page_add_item (f->items);
  g_assert_cmpuint (g_list_model_get_n_items (items_rows (f)), ==, ni + 1);
  g_assert_cmpint (items_selected (f), ==, index);
  ss_items_page_select_item (f->items, 3);
  g_assert_cmpint (items_selected (f), ==, 3);
  g_assert_true (ss_items_page_remove_item (f->items, 1, NULL));
  g_assert_cmpint (ss_items_page_get_selected (f->items), ==, 2);
  g_assert_cmpint (items_selected (f), ==, 2);
  while (ss_document_can_undo (f->document))
    ss_document_undo (f->document);
  g_assert_cmpuint (g_list_model_get_n_items (items_rows (f)), ==, ni);
  g_assert_cmpint (items_selected (f), ==, ss_items_page_get_selected (f->items));

  /* A row chosen is the page's item. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (items_rows (f)), 4, TRUE);
  g_assert_cmpint (ss_items_page_get_selected (f->items), ==, 4);

  ss_test_collect (GTK_WIDGET (f->items), GTK_TYPE_SEARCH_ENTRY, found);
  g_assert_cmpuint (found->len, ==, 1);
  search = g_ptr_array_index (found, 0);
  gtk_editable_set_text (GTK_EDITABLE (search), "GRAPHITE");
  wait_rows (f, 1);
  g_signal_emit_by_name (search, "activate");
  g_assert_cmpstr (ss_study_get_item (f->study, ss_items_page_get_selected (f->items))->name, ==,
                   "Natural graphite");
  g_assert_cmpint (items_selected (f), ==, ss_items_page_get_selected (f->items));
  gtk_editable_set_text (GTK_EDITABLE (search), "minor metals");
  wait_rows (f, 7);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  wait_rows (f, ni);
  g_assert_cmpint (items_selected (f), ==, ss_items_page_get_selected (f->items));
}

/* --- Scenarios --------------------------------------------------------- */

static void
test_scenarios_structure (Fixture       *f,
                          gconstpointer  data)
{
  guint ns = ss_study_get_n_scenarios (f->study);
  g_autoptr(GError) error = NULL;
  SsScenario *from, *copy;
  GtkWidget *name_row;
  int index;

  g_assert_cmpint (ss_scenarios_page_new_scenario (f->scenarios, "  ", &error), ==, -1);
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  index = ss_scenarios_page_new_scenario (f->scenarios, "Korea–Japan swap", &error);
  g_assert_no_error (error);
  g_assert_cmpint (index, ==, ns);
  g_assert_cmpint (ss_scenarios_page_get_selected (f->scenarios), ==, index);
  g_assert_cmpstr (ss_study_get_scenario (f->study, index)->id, ==, "korea-japan-swap");
  name_row = ss_scenarios_page_get_name_row (f->scenarios);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Korea–Japan swap");
  ss_test_assert_round_trips (f->study);

  index = ss_scenarios_page_duplicate_scenario (f->scenarios, 0, &error);
  g_assert_no_error (error);
  from = ss_study_get_scenario (f->study, 0);
  copy = ss_study_get_scenario (f->study, index);
  g_assert_cmpstr (copy->id, ==, "china-plus-one-copy");
  g_assert_cmpstr (copy->description, ==, from->description);
  g_assert_cmpfloat (copy->transition_years, ==, from->transition_years);
  ss_test_assert_round_trips (f->study);

  /* Rename through the name row: the id stays. */
  type_and_enter (name_row, "");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (copy->name, ==, "China plus one (copy)");
  type_and_enter (name_row, "China plus two");
  g_assert_cmpstr (copy->name, ==, "China plus two");
  g_assert_cmpstr (copy->id, ==, "china-plus-one-copy");
  ss_test_assert_round_trips (f->study);

  ss_scenarios_page_delete_scenario (f->scenarios, 0);
  g_assert_cmpuint (ss_study_get_n_scenarios (f->study), ==, ns + 1);
  g_assert_cmpint (ss_study_find_scenario (f->study, "china-plus-one"), ==, -1);
  ss_test_assert_round_trips (f->study);
  g_assert_true (ss_document_undo (f->document));
  g_assert_cmpint (ss_study_find_scenario (f->study, "china-plus-one"), ==, 0);

  /* At most 100. */
  while (ss_study_get_n_scenarios (f->study) < SS_MAX_SCENARIOS)
    g_assert_cmpint (ss_scenarios_page_new_scenario (f->scenarios, "More", NULL), >=, 0);
  g_assert_cmpint (ss_scenarios_page_new_scenario (f->scenarios, "Too many", &error), ==, -1);
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_FULL);
  g_clear_error (&error);
  g_assert_cmpint (ss_scenarios_page_duplicate_scenario (f->scenarios, 0, &error), ==, -1);
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_FULL);
  ss_test_assert_round_trips (f->study);

  /* Down to none: the page shows its empty state and still works. */
  while (ss_study_get_n_scenarios (f->study) > 0)
    ss_scenarios_page_delete_scenario (f->scenarios, 0);
  g_assert_cmpint (ss_scenarios_page_get_selected (f->scenarios), ==, -1);
  g_assert_false (ss_scenarios_page_add_override (f->scenarios, NULL, NULL, NULL));
  ss_test_assert_round_trips (f->study);
  g_assert_cmpint (ss_scenarios_page_new_scenario (f->scenarios, "Fresh", NULL), ==, 0);
}

/* Text XML 1.0 cannot hold is refused where it is typed, on every page. */
static void
test_xml_text (Fixture       *f,
               gconstpointer  data)
{
  int cn = ss_study_find_country (f->study, "CN");
  g_autoptr(SsStudy) before = ss_study_copy (f->study);
  g_autoptr(GError) error = NULL;
  GtkWidget *name = ss_countries_page_get_cell (f->countries, cn, "name");
  GtkWidget *item_name = ss_items_page_get_field (f->items, "name");
  GtkWidget *category = ss_items_page_get_field (f->items, "category");
  GtkWidget *scenario_name = ss_scenarios_page_get_name_row (f->scenarios);
  GtkWidget *view = ss_scenarios_page_get_description_view (f->scenarios);
  const char *tooltip;

  type_and_enter (name, "China \xef\xbf\xbe");
  g_assert_true (gtk_widget_has_css_class (name, "error"));
  tooltip = gtk_widget_get_tooltip_text (name);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "U+FFFE"));
  g_assert_cmpint (ss_countries_page_add_country (f->countries, "XA", "Bad\x02", &error), ==, -1);
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "U+0002"));
  g_clear_error (&error);

  type_and_enter (item_name, "Gallium \xef\xbf\xbf");
  g_assert_true (gtk_widget_has_css_class (item_name, "error"));
  type_and_enter (category, "metal\x07");
  g_assert_true (gtk_widget_has_css_class (category, "error"));

  type_and_enter (scenario_name, "Plan \xef\xbf\xbe");
  g_assert_true (gtk_widget_has_css_class (scenario_name, "error"));
  g_assert_cmpint (ss_scenarios_page_new_scenario (f->scenarios, "New \x1b", &error), ==, -1);
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Bad \xef\xbf\xbe", -1);
  gtk_widget_grab_focus (scenario_name);
  ss_test_flush ();
  g_assert_true (gtk_widget_has_css_class (view, "error"));

  g_assert_true (ss_study_equal (f->study, before));
  g_assert_false (ss_document_can_undo (f->document));
}

static void
test_scenarios_overrides (Fixture       *f,
                          gconstpointer  data)
{
  int s = ss_study_find_scenario (f->study, "china-export-controls");
  int cn = ss_study_find_country (f->study, "CN");
  SsScenario *scenario = ss_study_get_scenario (f->study, s);
  SsCountryOverride given = { .country = cn, .set = 1u << SS_COUNTRY_DISRUPTION_PROBABILITY };
  SsCountryOverride *ov;
  g_autoptr(SsStudy) before = NULL;
  GtkWidget *entry, *view;
  guint country, attr;
  GtkTextBuffer *buffer;

  /* The sample's shocks are item-level; give the scenario a country
   * override as a file could, through the document. */
  g_assert_null (ss_scenario_find_override (scenario, cn));
  given.attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = 0.3;
  ss_document_begin_edit (f->document);
  g_array_append_val (scenario->overrides, given);
  ss_document_changed (f->document, SS_CHANGE_SCENARIO, s);
  ss_document_end_edit (f->document);
  before = ss_study_copy (f->study);
  ov = ss_scenario_find_override (scenario, cn);
  g_assert_nonnull (ov);
  ss_scenarios_page_select_scenario (f->scenarios, s);
  entry = ss_scenarios_page_get_override_entry (f->scenarios, cn,
                                                SS_COUNTRY_DISRUPTION_PROBABILITY);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "30");
  g_assert_null (ss_scenarios_page_get_override_entry (f->scenarios, cn, SS_COUNTRY_RAMP));

  type_and_enter (entry, "150");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_true (ss_study_equal (f->study, before));

  type_and_enter (entry, "45");
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  ov = ss_scenario_find_override (scenario, cn);
  g_assert_cmpfloat (ov->attr[SS_COUNTRY_DISRUPTION_PROBABILITY], ==, 0.45);
  ss_test_assert_round_trips (f->study);

  /* A new override starts at the country's own value. */
  g_assert_true (ss_scenarios_page_add_override (f->scenarios, &country, &attr, NULL));
  g_assert_true (ss_scenario_find_override (scenario, country)->set & (1u << attr));
  g_assert_cmpfloat (ss_scenario_find_override (scenario, country)->attr[attr], ==,
                     ss_study_get_country (f->study, country)->attr[attr]);
  ss_test_flush ();
  entry = ss_scenarios_page_get_override_entry (f->scenarios, country, attr);
  g_assert_nonnull (entry);
  /* In percent where the attribute is a rate or a share. */
  type_and_enter (entry, ss_country_attrs[attr].unit == SS_UNIT_PERCENT ? "50" : "0.5");
  g_assert_cmpfloat (ss_scenario_find_override (scenario, country)->attr[attr], ==, 0.5);
  ss_test_assert_round_trips (f->study);

  /* Undo removes it again, and its row. */
  g_assert_true (ss_document_undo (f->document));
  g_assert_true (ss_document_undo (f->document));
  ss_test_flush ();
  g_assert_null (ss_scenarios_page_get_override_entry (f->scenarios, country, attr));

  /* The description is written when the focus leaves it. */
  view = ss_scenarios_page_get_description_view (f->scenarios);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  gtk_widget_grab_focus (view);
  gtk_text_buffer_set_text (buffer, "Line one\nLine two", -1);
  gtk_widget_grab_focus (ss_scenarios_page_get_name_row (f->scenarios));
  ss_test_flush ();
  scenario = ss_study_get_scenario (f->study, s);
  g_assert_cmpstr (scenario->description, ==, "Line one\nLine two");
  ss_test_assert_round_trips (f->study);
}

/* --- Names ------------------------------------------------------------ */

/* "Vietnam" → "V" RLO "ietnam": an override that would reverse whatever
 * follows the name in the same paragraph. */
static void
override (char      **name,
          GPtrArray  *names)
{
  char *renamed = g_strdup_printf ("%.1s\u202E%s", *name, *name + 1);

  g_free (*name);
  *name = renamed;
  g_ptr_array_add (names, renamed);
}

static guint
reads_forward (GtkWidget   *widget,
               const char  *text,
               const char **names)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  g_test_message ("%s", text);
  return ss_test_assert_reads_forward (layout, names);
}

/* The pages' messages, labels and accessible names set every name in a
 * bidi isolate: an override in a name reverses nothing after it. */
static void
test_names (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int cn = ss_study_find_country (f->study, "CN");
  guint checked = 0;

  ss_document_begin_edit (f->document);
  for (guint k = 0; k < ss_study_get_n_scenarios (f->study); k++)
    override (&ss_study_get_scenario (f->study, k)->name, names);
  for (guint k = 0; k < ss_study_get_n_items (f->study); k++)
    override (&ss_study_get_item (f->study, k)->name, names);
  for (guint k = 0; k < ss_study_get_n_countries (f->study); k++)
    override (&ss_study_get_country (f->study, k)->name, names);
  ss_document_changed (f->document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (f->document);
  ss_test_flush ();
  g_ptr_array_add (names, NULL);

  /* "China still supplies 88 % of Lithium hydroxide. Set its ..." */
  g_assert_false (ss_countries_page_remove_country (f->countries, cn, &error));
  checked += reads_forward (f->window, error->message, (const char **)names->pdata);
  g_clear_error (&error);
  /* "South Korea is the study's home country: ..." */
  g_assert_false (ss_countries_page_remove_country (f->countries, ss_study_get_meta (f->study)->home,
                                                    &error));
  checked += reads_forward (f->window, error->message, (const char **)names->pdata);
  g_assert_cmpuint (checked, >, 40);

  /* The pages' own labels: none may be reordered by a name either. */
  ss_test_collect (f->window, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    ss_test_assert_reads_forward (gtk_label_get_layout (g_ptr_array_index (labels, i)),
                                  (const char **)names->pdata);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_A11Y | SS_TEST_DISPLAY_ADWAITA))
    return 0;

#define ADD(path, func) \
  g_test_add ("/widgets/pages/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("countries/range", test_countries_range);
  ADD ("countries/names", test_countries_names);
  ADD ("countries/add-remove", test_countries_add_remove);
  ADD ("items/fields", test_items_fields);
  ADD ("items/shares", test_items_shares);
  ADD ("items/add-remove", test_items_add_remove);
  ADD ("items/list", test_items_list);
  ADD ("scenarios/structure", test_scenarios_structure);
  ADD ("scenarios/overrides", test_scenarios_overrides);
  ADD ("xml-text", test_xml_text);
  ADD ("names", test_names);
#undef ADD

  return g_test_run ();
}
