/* test-window-year.c: one year for the whole view, and alerts that agree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. The year is chosen through the window's own year
 * list, as a person would; what the cards, the item list, the heatmap
 * and the comparison then say is checked against the document's
 * projection, not against the window's own words.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <adwaita.h>

#include "ss-chart.h"
#include "ss-metric-card.h"
#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "test-widgets.h"

#define CARD_RISK 1
#define CARD_HHI 2
#define CARD_LEVEL 6
#define N_CARDS 7

typedef struct
{
  SsWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();

  f->window = ss_window_new (NULL);
  g_object_ref_sink (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  ss_window_set_study (f->window, study, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  ss_test_wait_frames (3);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  ss_test_wait_frames (2);
}

static const SsMeta *
meta_of (Fixture *f)
{
  return ss_study_get_meta (ss_window_get_study (f->window));
}

/* The window's year list: the drop-down whose entries are the years of
 * the projection, and the label that names it. */
static GtkDropDown *
year_list (Fixture *f)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  g_autofree char *first = g_strdup_printf ("%d", meta_of (f)->base_year);
  GtkDropDown *found = NULL;

  ss_test_collect (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN, lists);
  for (guint i = 0; i < lists->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (lists, i));

      if (GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) > 0
          && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), first) == 0)
        {
          g_assert_null (found);
          found = g_ptr_array_index (lists, i);
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
choose_year (Fixture *f,
             int      year)
{
  gtk_drop_down_set_selected (year_list (f), (guint)(year - meta_of (f)->base_year));
  ss_test_wait_frames (3);
}

static const char *
card_value (Fixture *f,
            guint    card)
{
  return ss_metric_card_get_value (SS_METRIC_CARD (ss_window_get_card (f->window, card)));
}

static SsChart *
chart_of (Fixture *f)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  /* The Editor's chart, not the Stress test view's. */
  ss_test_collect (ss_window_get_columns (f->window), SS_TYPE_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 1);
  return g_ptr_array_index (charts, 0);
}

static void
show_chart (Fixture      *f,
            SscChartKind  kind)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();
  const char *label = ssc_chart_kind_get_label (kind);

  ss_test_collect (GTK_WIDGET (f->window), GTK_TYPE_DROP_DOWN, lists);
  for (guint i = 0; i < lists->len; i++)
    {
      GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (lists, i));

      for (guint k = 0; GTK_IS_STRING_LIST (model) && k < g_list_model_get_n_items (model); k++)
        if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), k), label) == 0)
          gtk_drop_down_set_selected (g_ptr_array_index (lists, i), k);
    }
  ss_test_wait_frames (3);
  g_assert_cmpint (ss_chart_get_kind (chart_of (f)), ==, kind);
}

/* Whether @root holds a drawn label (or inscription) reading @text. */
static GtkWidget *
find_text (GtkWidget  *root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) inscriptions = g_ptr_array_new ();

  ss_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (g_ptr_array_index (labels, i))
        && g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return g_ptr_array_index (labels, i);
  ss_test_collect (root, GTK_TYPE_INSCRIPTION, inscriptions);
  for (guint i = 0; i < inscriptions->len; i++)
    if (gtk_widget_is_drawable (g_ptr_array_index (inscriptions, i))
        && g_strcmp0 (gtk_inscription_get_text (g_ptr_array_index (inscriptions, i)), text) == 0)
      return g_ptr_array_index (inscriptions, i);
  return NULL;
}

/* One year list, labelled and named, whose choice the cards, the item
 * list, the heatmap and the comparison all follow; the last year until
 * another is chosen, as `supplyshift --export` draws. */
static void
test_one_year (Fixture       *f,
               gconstpointer  data)
{
  const SsMeta *meta = meta_of (f);
  int last = meta->base_year + meta->horizon, year = meta->base_year + 6;
  SsDocument *document = ss_window_get_document (f->window);
  const SsProjection *p;
  GtkDropDown *list = year_list (f);
  g_autofree char *risk = NULL, *hhi = NULL, *heat_year = NULL, *compare_year = NULL;
  g_autofree char *heading = NULL;
  GtkLabel *label;
  guint ny;

  ss_window_select (f->window, 0, 0);          /* China plus one, lithium hydroxide */
  ss_test_wait_frames (3);
  p = ss_document_get_projection (document, 0);
  ny = p->n_years;

  /* Named, with a tooltip, and labelled "Year" with Alt+Y. */
  label = GTK_LABEL (find_text (GTK_WIDGET (f->window), "Year"));
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (list)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (list)));
  g_assert_true (gtk_label_get_mnemonic_widget (label) == GTK_WIDGET (list));
  g_assert_cmpuint (gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (label)), ==, GDK_KEY_y);

  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (list)), ==, ny);
  g_assert_cmpint (ss_window_get_year (f->window), ==, last);
  g_assert_cmpuint (gtk_drop_down_get_selected (list), ==, ny - 1);

  risk = g_strdup_printf ("%.2f → %.2f", p->supply_risk[0], p->supply_risk[ny - 1]);
  g_assert_cmpstr (card_value (f, CARD_RISK), ==, risk);
  g_clear_pointer (&risk, g_free);

  /* 2030: every card, the heading and the item list follow. */
  choose_year (f, year);
  g_assert_cmpint (ss_window_get_year (f->window), ==, year);
  risk = g_strdup_printf ("%.2f → %.2f", p->supply_risk[0], p->supply_risk[6]);
  hhi = g_strdup_printf ("%'.0f → %'.0f", p->hhi[0], p->hhi[6]);
  g_assert_cmpstr (card_value (f, CARD_RISK), ==, risk);
  g_assert_cmpstr (card_value (f, CARD_HHI), ==, hhi);
  /* The scenario's name in bidi isolates (docs/decisions.md). */
  heading = g_strdup_printf ("\u2068China plus one\u2069, %d to %d", meta->base_year, year);
  g_assert_nonnull (find_text (GTK_WIDGET (f->window), heading));

  /* The heatmap and the comparison show 2030 too. */
  heat_year = g_strdup_printf (" in %d ", year);
  compare_year = g_strdup_printf ("supply risk in %d (", year);
  show_chart (f, SSC_CHART_HEATMAP);
  g_test_message ("%s", ss_chart_get_description (chart_of (f)));
  g_assert_nonnull (strstr (ss_chart_get_description (chart_of (f)), heat_year));
  show_chart (f, SSC_CHART_COMPARE);
  g_test_message ("%s", ss_chart_get_description (chart_of (f)));
  g_assert_nonnull (strstr (ss_chart_get_description (chart_of (f)), compare_year));

  /* The year stays chosen across items and scenarios. */
  ss_window_select (f->window, 1, 3);
  ss_test_wait_frames (3);
  g_assert_cmpint (ss_window_get_year (f->window), ==, year);
  g_assert_nonnull (strstr (ss_chart_get_description (chart_of (f)), compare_year));

  /* The base year: one figure, not "x → x". */
  ss_window_select (f->window, 0, 0);
  choose_year (f, meta->base_year);
  g_clear_pointer (&risk, g_free);
  risk = g_strdup_printf ("%.2f", p->supply_risk[0]);
  g_assert_cmpstr (card_value (f, CARD_RISK), ==, risk);
}

/* Silicon metal under China plus one ends below the watch line with a
 * supply risk over 1: its title, its card and its row in the item list
 * never say "No alert" while its own list of alerts has the critical
 * supply risk; the marker of SR ≥ 1 is there, and a distinct one for an
 * item over the policy target. */
static void
test_alerts_agree (Fixture       *f,
                   gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  SsDocument *document = ss_window_get_document (f->window);
  int item = -1, over_item = -1;
  const SsProjection *p = ss_document_get_projection (document, 0);
  guint ny = p->n_years, last = ny - 1;
  GtkWidget *marker, *target;
  g_autofree char *target_text = NULL;

  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    {
      gsize at = (gsize)i * ny + last;

      if (item < 0 && p->alert[at] == SS_ALERT_NONE && p->supply_risk[at] >= 1 && !p->over_target[at])
        item = (int)i;
      if (over_item < 0 && p->over_target[at] && p->supply_risk[at] >= 1)
        over_item = (int)i;
    }
  g_assert_cmpint (item, >=, 0);
  g_assert_cmpint (over_item, >=, 0);
  g_assert_cmpstr (ss_study_get_item (study, item)->code, ==, "280469");

  ss_window_select (f->window, 0, item);
  ss_test_wait_frames (3);

  /* The alerts list holds the critical supply risk ... */
  g_assert_nonnull (find_text (GTK_WIDGET (f->window), "Supply risk of 1 or more (critical, EU method)"));
  /* ... so nothing says "No alert", in the view or in the item list. */
  g_assert_null (find_text (GTK_WIDGET (f->window), "No alert"));
  g_assert_nonnull (find_text (GTK_WIDGET (f->window), "Dependence: Below watch"));
  marker = find_text (GTK_WIDGET (f->window), "SR ≥ 1");
  g_assert_nonnull (marker);
  g_assert_true (gtk_widget_has_css_class (marker, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (marker));
  /* The level in the year shown; the base year's leads the detail. */
  g_assert_cmpstr (card_value (f, CARD_LEVEL), ==, "Below watch");
  g_assert_true (g_str_has_prefix (ss_metric_card_get_detail (SS_METRIC_CARD (ss_window_get_card (f->window, CARD_LEVEL))),
                                   "Watch in 2024. "));
  target_text = g_strdup_printf ("Over the %.0f %% target", 100 * p->policy_target[last]);
  g_assert_null (find_text (GTK_WIDGET (f->window), target_text));

  /* An item over the policy target has that marker beside its level,
   * not in the level's colour. */
  ss_window_select (f->window, 0, over_item);
  ss_test_wait_frames (3);
  target = find_text (GTK_WIDGET (f->window), target_text);
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_has_css_class (target, "warning"));
  g_assert_nonnull (find_text (GTK_WIDGET (f->window), "SR ≥ 1"));
  g_assert_true (gtk_widget_get_parent (target) == gtk_widget_get_parent (marker));
}

/* Each card says in a tooltip what its figure measures. */
static void
test_card_tooltips (Fixture       *f,
                    gconstpointer  data)
{
  const char *risk, *hhi, *var;

  for (guint k = 0; k < N_CARDS; k++)
    g_assert_nonnull (gtk_widget_get_tooltip_text (ss_window_get_card (f->window, k)));
  risk = gtk_widget_get_tooltip_text (ss_window_get_card (f->window, CARD_RISK));
  hhi = gtk_widget_get_tooltip_text (ss_window_get_card (f->window, CARD_HHI));
  var = gtk_widget_get_tooltip_text (ss_window_get_card (f->window, 5));
  g_assert_nonnull (strstr (risk, "1 or more is critical"));
  g_assert_nonnull (strstr (hhi, "squared shares"));
  g_assert_nonnull (strstr (var, "95 %"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (ss_get_resource ());

  g_test_add ("/window-year/one-year", Fixture, NULL, fixture_setup, test_one_year, fixture_teardown);
  g_test_add ("/window-year/alerts-agree", Fixture, NULL, fixture_setup, test_alerts_agree, fixture_teardown);
  g_test_add ("/window-year/card-tooltips", Fixture, NULL, fixture_setup, test_card_tooltips,
              fixture_teardown);
  return g_test_run ();
}
