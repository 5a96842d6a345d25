/* test-window-stress.c: the window's Stress test view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb on the sample study: the view draws the stress grid
 * through the chart widget with its accessible name and summary; a
 * click on a cell, or Enter on the cell the arrow keys reach, picks it
 * and shows its figures, which are the document's cell's; after an edit
 * only the cells it can change are computed again. And the Editor's
 * charts pane: the tornado for the scenario shown and the figure chosen
 * beside the list, and the stress grid drawn in the side column.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "ss-chart.h"
#include "ss-resources.h"
#include "ss-sensitivity.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "ssc-format.h"
#include "test-util.h"
#include "test-widgets.h"

typedef struct
{
  SsWindow *window;
  SsChart  *grid;
  SsChart  *cell_chart;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  AdwViewStack *stack;

  f->window = ss_window_new (NULL);
  g_object_ref_sink (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  ss_window_set_study (f->window, study, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  ss_test_wait_frames (3);
  f->grid = SS_CHART (ss_window_get_stress_chart (f->window, FALSE));
  f->cell_chart = SS_CHART (ss_window_get_stress_chart (f->window, TRUE));
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (f->grid), ADW_TYPE_VIEW_STACK));
  g_assert_nonnull (stack);
  adw_view_stack_set_visible_child_name (stack, "stress");
  ss_test_wait_frames (4);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  ss_test_wait_frames (1);
}

/* The label under @root whose text starts with @prefix, or NULL. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ss_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint k = 0; k < labels->len; k++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, k)), prefix))
      return g_ptr_array_index (labels, k);
  return NULL;
}

/* The label beside the one that starts with @prefix (the figure's value). */
static const char *
figure_value (Fixture    *f,
              const char *prefix)
{
  GtkLabel *title = find_label (GTK_WIDGET (f->window), prefix);
  GtkWidget *grid;
  int column, row;

  g_assert_nonnull (title);
  grid = gtk_widget_get_parent (GTK_WIDGET (title));
  g_assert_true (GTK_IS_GRID (grid));
  gtk_grid_query_child (GTK_GRID (grid), GTK_WIDGET (title), &column, &row, NULL, NULL);
  return gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), column + 1, row)));
}

static char *
money (double v)
{
  g_autofree char *unit = ssc_format_money_unit ("USD");

  return ssc_format_with_unit (ssc_format_value (v), unit);
}

/* The figures shown are those of the document's cell S ⊕ K. */
static void
assert_cell_shown (Fixture *f,
                   int      strategy,
                   int      shock)
{
  SsDocument *document = ss_window_get_document (f->window);
  const SsStudy *study = ss_window_get_study (f->window);
  const SsProjection *cell = ss_document_get_cell (document, strategy, shock);
  guint last = cell->n_years - 1;
  int year = ss_study_get_meta (study)->base_year + (int)last;
  g_autofree char *impact_title = g_strdup_printf ("Expected shortfall impact, %d", year);
  g_autofree char *var_title = g_strdup_printf ("VaR95, %d", year);
  g_autofree char *impact = money (cell->expected_shortfall_impact[last]);
  g_autofree char *var = money (cell->var95_shortfall_impact[last]);
  g_autofree char *heading = NULL;

  heading = g_strdup_printf ("\u2068%s\u2069 under \u2068%s\u2069", ss_study_get_scenario (study, strategy)->name,
                             ss_study_get_scenario (study, shock)->name);
  g_assert_nonnull (find_label (GTK_WIDGET (f->window), heading));
  g_assert_true (g_str_has_prefix (figure_value (f, impact_title), impact));
  g_assert_true (g_str_has_prefix (figure_value (f, var_title), var));
  /* The unit never parts from its figure: a no-break space (ssc_format_unbreakable()). */
  g_assert_true (g_str_has_suffix (figure_value (f, "Premium (NPV)"), "million\u00a0USD"));
  /* The cell's chart is that strategy's, under the shock. */
  g_assert_nonnull (strstr (ss_chart_get_description (f->cell_chart), ss_study_get_scenario (study, strategy)->name));
}

/* A click as the chart's GtkGestureClick reports one. */
static void
click (SsChart *chart,
       double   x,
       double   y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (chart));

  for (guint k = 0; k < g_list_model_get_n_items (controllers); k++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, k);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, x, y);
          g_signal_emit_by_name (controller, "released", 1, x, y);
          return;
        }
    }
  g_assert_not_reached ();
}

/* The view draws the grid, names itself and sums the grid up; a click
 * on a cell picks it. */
static void
test_click_picks_a_cell (Fixture       *f,
                         gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  int plus = ss_study_find_scenario (study, "china-plus-one");
  int vietnam = ss_study_find_scenario (study, "vietnam-plus");
  int controls = ss_study_find_scenario (study, "china-export-controls");
  int hormuz = ss_study_find_scenario (study, "hormuz-closure");
  double x, y;

  g_assert_cmpint (plus, >=, 0);
  g_assert_cmpint (vietnam, >=, 0);
  g_assert_cmpint (controls, >=, 0);
  g_assert_cmpint (hormuz, >=, 0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->grid)));
  g_assert_cmpint (ss_chart_get_kind (f->grid), ==, SSC_CHART_STRESS);
  g_assert_cmpstr (ss_chart_get_title (f->grid), ==, "Strategies under shocks");
  g_assert_nonnull (strstr (ss_chart_get_description (f->grid), "strategies under"));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (f->grid)));

  /* At first: the first strategy under the first shock. */
  assert_cell_shown (f, plus, controls);

  g_assert_true (ss_chart_get_cell_point (f->grid, vietnam, hormuz, &x, &y));
  g_assert_true (ss_chart_activate_at (f->grid, x, y));
  ss_test_wait_frames (1);
  assert_cell_shown (f, vietnam, hormuz);

  /* A click through the grid's gesture picks the cell and gives the grid
   * the keyboard, so Enter does not go to whatever had the focus (under
   * Xvfb it went to the item list's toggle and hid the list). */
  g_assert_false (gtk_widget_is_focus (GTK_WIDGET (f->grid)));
  g_assert_true (ss_chart_get_cell_point (f->grid, plus, hormuz, &x, &y));
  click (f->grid, x, y);
  ss_test_wait_frames (1);
  assert_cell_shown (f, plus, hormuz);
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (f->grid)));
}

/* From the keyboard: the arrows move the cursor, Enter picks its cell. */
static void
test_keyboard_picks_a_cell (Fixture       *f,
                            gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  int plus = ss_study_find_scenario (study, "china-plus-one");
  int vietnam = ss_study_find_scenario (study, "vietnam-plus");
  int controls = ss_study_find_scenario (study, "china-export-controls");
  int hormuz = ss_study_find_scenario (study, "hormuz-closure");
  const char *before;

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (f->grid)));
  ss_test_wait_frames (1);
  before = ss_chart_get_description (f->grid);
  /* The cursor's cell is in the description: China plus one under the controls. */
  g_assert_nonnull (strstr (before, "China plus one"));
  g_assert_nonnull (strstr (before, "China export controls"));

  /* Down one row, right one column: Vietnam plus under the Hormuz closure. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->grid), "chart.move-cell", "(ii)", 0, 1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->grid), "chart.move-cell", "(ii)", 1, 0));
  assert_cell_shown (f, plus, controls);
  g_assert_nonnull (strstr (ss_chart_get_description (f->grid), "Hormuz closure"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->grid), "chart.activate-cell", NULL));
  ss_test_wait_frames (1);
  assert_cell_shown (f, vietnam, hormuz);

  /* The cursor stops at the grid's edge. */
  for (guint k = 0; k < 20; k++)
    gtk_widget_activate_action (GTK_WIDGET (f->grid), "chart.move-cell", "(ii)", -1, -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->grid), "chart.activate-cell", NULL));
  ss_test_wait_frames (1);
  g_assert_nonnull (find_label (GTK_WIDGET (f->window), "\u2068Baseline\u2069 with no shock"));
}

/* The grid is the document's cache: a strategy's edit computes its row
 * again, a shock's its column, and the view shows the new figures. */
static void
test_only_stale_cells (Fixture       *f,
                       gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  const SsStudy *study = ss_window_get_study (f->window);
  int plus = ss_study_find_scenario (study, "china-plus-one");
  int controls = ss_study_find_scenario (study, "china-export-controls");
  const GArray *strategies, *shocks;
  const SsScenario *scenario = ss_study_get_scenario (study, plus);
  guint nc = ss_study_get_n_countries (study), before;
  double targets[SS_MAX_COUNTRIES];
  const SsShock *shock;

  ss_document_get_stress_axes (document, &strategies, &shocks);
  g_assert_cmpuint (strategies->len, >=, 5);
  g_assert_cmpuint (shocks->len, >=, 4);

  /* Nothing changed: nothing computed. */
  before = ss_document_get_n_cell_projections (document);
  ss_test_wait_frames (2);
  g_assert_cmpuint (ss_document_get_n_cell_projections (document), ==, before);

  /* A strategy's target: its row. */
  g_assert_nonnull (scenario->targets[0]);
  memcpy (targets, scenario->targets[0], nc * sizeof (double));
  targets[0] -= 0.05;
  for (guint c = 1; c < nc; c++)
    if (targets[c] > 0)
      {
        targets[c] += 0.05;
        break;
      }
  g_assert_true (ss_document_set_target (document, plus, 0, targets, nc, NULL));
  ss_test_wait_frames (2);
  g_assert_cmpuint (ss_document_get_n_cell_projections (document), ==, before + shocks->len - 1);
  assert_cell_shown (f, plus, controls);

  /* A shock's probability: its column, the baseline's cell too. */
  before = ss_document_get_n_cell_projections (document);
  shock = &g_array_index (ss_study_get_scenario (study, controls)->shocks, SsShock, 0);
  g_assert_true (ss_document_set_shock_value (document, controls, 0, SS_DISRUPTION_PROBABILITY,
                                              (shock->set & (1u << SS_DISRUPTION_PROBABILITY))
                                              ? shock->value[SS_DISRUPTION_PROBABILITY] * 0.9 : 0.3,
                                              NULL));
  ss_test_wait_frames (2);
  g_assert_cmpuint (ss_document_get_n_cell_projections (document), ==, before + strategies->len);
  assert_cell_shown (f, plus, controls);
}

/* The drop-down under @root whose first entry is @first. */
static GtkDropDown *
find_dropdown (GtkWidget  *root,
               const char *first)
{
  g_autoptr(GPtrArray) lists = g_ptr_array_new ();

  ss_test_collect (root, GTK_TYPE_DROP_DOWN, lists);
  for (guint k = 0; k < lists->len; k++)
    {
      GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (lists, k));

      if (GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) > 0
          && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), first) == 0)
        return g_ptr_array_index (lists, k);
    }
  return NULL;
}

/* The Editor's chart (the first chart of the window that is not the
 * Stress test view's). */
static SsChart *
editor_chart (Fixture *f)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  ss_test_collect (GTK_WIDGET (f->window), SS_TYPE_CHART, charts);
  for (guint k = 0; k < charts->len; k++)
    if (g_ptr_array_index (charts, k) != f->grid && g_ptr_array_index (charts, k) != f->cell_chart)
      return g_ptr_array_index (charts, k);
  return NULL;
}

static void
show_editor (Fixture *f)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (f->grid), ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, "editor");
  ss_test_wait_frames (3);
}

/* The tornado in the charts pane: the scenario shown, the figure chosen
 * beside the list, the model's ranking; computed again after an edit. */
static void
test_tornado_tab (Fixture       *f,
                  gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  int plus = ss_study_find_scenario (study, "china-plus-one");
  GtkDropDown *kinds, *figures;
  SsChart *chart;

  show_editor (f);
  ss_window_select (f->window, plus, 0);
  kinds = find_dropdown (GTK_WIDGET (f->window), ssc_chart_kind_get_label (0));
  g_assert_nonnull (kinds);
  figures = find_dropdown (GTK_WIDGET (f->window), ss_sensitivity_figure_title (0));
  g_assert_nonnull (figures);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (figures)));
  chart = editor_chart (f);
  g_assert_nonnull (chart);

  gtk_drop_down_set_selected (kinds, SSC_CHART_TORNADO);
  ss_test_wait_frames (2);
  g_assert_cmpint (ss_chart_get_kind (chart), ==, SSC_CHART_TORNADO);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (figures)));

  for (guint figure = 0; figure < SS_N_SENSITIVITY_FIGURES; figure++)
    {
      g_autoptr(SsSensitivity) want = ss_sensitivity_compute (study, plus, figure, 0.1, NULL);
      g_autofree char *top = NULL, *title = NULL;

      g_assert_nonnull (want);
      gtk_drop_down_set_selected (figures, figure);
      ss_test_wait_frames (1);
      title = g_strdup_printf ("“%s”", ss_sensitivity_figure_title (figure));
      g_test_message ("%s", ss_chart_get_description (chart));
      g_assert_nonnull (strstr (ss_chart_get_description (chart), title));
      if (want->inputs->len > 0 && g_array_index (want->inputs, SsSensitivityInput, 0).swing > 0)
        {
          g_assert_true (g_str_has_prefix (ss_chart_get_description (chart), "Under \u2068China plus one\u2069"));
          top = ss_sensitivity_input_name (study, &g_array_index (want->inputs, SsSensitivityInput, 0));
          g_assert_nonnull (strstr (ss_chart_get_description (chart), top));
        }
    }

  /* An edit: the tornado follows (the premium's, with a costlier switch). */
  gtk_drop_down_set_selected (figures, SS_SENSITIVITY_NPV_PREMIUM);
  ss_test_wait_frames (1);
  {
    g_autofree char *before = g_strdup (ss_chart_get_description (chart));
    g_autoptr(SsSensitivity) want = NULL;
    g_autofree char *base = NULL;

    g_assert_true (ss_document_set_scenario_lever (ss_window_get_document (f->window), plus,
                                                   SS_LEVER_SWITCHING_COST, 0.2, NULL));
    ss_test_wait_frames (2);
    g_assert_cmpstr (ss_chart_get_description (chart), !=, before);
    want = ss_sensitivity_compute (study, plus, SS_SENSITIVITY_NPV_PREMIUM, 0.1, NULL);
    base = ssc_format_value (want->base);
    g_assert_nonnull (strstr (ss_chart_get_description (chart), base));
  }

  /* Another scenario: its own tornado. */
  gtk_drop_down_set_selected (figures, SS_SENSITIVITY_SHORTFALL_IMPACT);
  ss_window_select (f->window, SS_BASELINE, 0);
  ss_test_wait_frames (1);
  g_assert_true (g_str_has_prefix (ss_chart_get_description (chart), "In the baseline"));

  /* Another study, on the same scenario index and figure: its own
   * tornado, not the last study's. */
  {
    g_autoptr(SsStudy) other = ss_test_load_data_study ("example-v2-study.xml");
    g_autoptr(SsSensitivity) want = NULL;
    g_autofree char *top = NULL, *base = NULL;

    ss_window_set_study (f->window, other, NULL);
    ss_window_select (f->window, SS_BASELINE, 0);
    ss_test_wait_frames (2);
    want = ss_sensitivity_compute (other, SS_BASELINE, SS_SENSITIVITY_SHORTFALL_IMPACT, 0.1, NULL);
    top = ss_sensitivity_input_name (other, &g_array_index (want->inputs, SsSensitivityInput, 0));
    g_assert_nonnull (strstr (ss_chart_get_description (chart), top));
    base = ssc_format_value (want->base);
    g_assert_nonnull (strstr (ss_chart_get_description (chart), base));
  }
}

/* Runs the main loop until the chart's description is no longer
 * shown; returns the new one. */
static char *
wait_description_change (SsChart    *chart,
                         const char *shown)
{
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (g_strcmp0 (ss_chart_get_description (chart), shown) == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, until);
    }
  return g_strdup (ss_chart_get_description (chart));
}

/* With no frame to spare (a budget of 0), the tornado is computed in a
 * worker: first none, with a note, then the model's; after an edit the
 * last one stays on show until the new one comes in. */
static void
test_tornado_worker (Fixture       *f,
                     gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  int plus = ss_study_find_scenario (study, "china-plus-one");
  g_autoptr(SsSensitivity) want = NULL;
  g_autofree char *empty = NULL, *first = NULL, *after = NULL, *top = NULL, *base = NULL;
  GtkDropDown *kinds;
  SsChart *chart;

  show_editor (f);
  ss_window_select (f->window, plus, 0);
  kinds = find_dropdown (GTK_WIDGET (f->window), ssc_chart_kind_get_label (0));
  chart = editor_chart (f);
  g_setenv ("SUPPLYSHIFT_FRAME_BUDGET_US", "0", TRUE);

  gtk_drop_down_set_selected (kinds, SSC_CHART_TORNADO);
  empty = g_strdup (ss_chart_get_description (chart));
  g_assert_false (g_str_has_prefix (empty, "Under "));
  first = wait_description_change (chart, empty);
  want = ss_sensitivity_compute (study, plus, SS_SENSITIVITY_NPV_PREMIUM, 0.1, NULL);
  top = ss_sensitivity_input_name (study, &g_array_index (want->inputs, SsSensitivityInput, 0));
  g_assert_true (g_str_has_prefix (first, "Under \u2068China plus one\u2069"));
  g_assert_nonnull (strstr (first, top));

  /* An edit: the last tornado meanwhile, then the new one. */
  g_assert_true (ss_document_set_scenario_lever (ss_window_get_document (f->window), plus,
                                                 SS_LEVER_SWITCHING_COST, 0.2, NULL));
  after = wait_description_change (chart, first);
  g_clear_pointer (&want, ss_sensitivity_free);
  want = ss_sensitivity_compute (study, plus, SS_SENSITIVITY_NPV_PREMIUM, 0.1, NULL);
  base = ssc_format_value (want->base);
  g_assert_true (g_str_has_prefix (after, "Under \u2068China plus one\u2069"));
  g_assert_nonnull (strstr (after, base));
  g_unsetenv ("SUPPLYSHIFT_FRAME_BUDGET_US");
}

/* What the chart says it shows when it has no data. */
#define NO_DATA "No data to show yet."

/* With no frame to spare, the charts pane's charts of every scenario and
 * of the grid wait for a worker: none meanwhile (never some scenarios
 * old and some new), then the chart of the study as it is. */
static void
test_charts_worker (Fixture       *f,
                    gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  SsDocument *document = ss_window_get_document (f->window);
  int plus = ss_study_find_scenario (study, "china-plus-one");
  static const SscChartKind kinds_tried[] = { SSC_CHART_COMPARE, SSC_CHART_STRESS };
  GtkDropDown *kinds;
  SsChart *chart;

  show_editor (f);
  ss_window_select (f->window, plus, 0);
  kinds = find_dropdown (GTK_WIDGET (f->window), ssc_chart_kind_get_label (0));
  chart = editor_chart (f);
  g_setenv ("SUPPLYSHIFT_FRAME_BUDGET_US", "0", TRUE);

  for (guint k = 0; k < G_N_ELEMENTS (kinds_tried); k++)
    {
      g_autofree char *shown = NULL, *empty = NULL, *after = NULL;

      gtk_drop_down_set_selected (kinds, kinds_tried[k]);
      /* Its first data may come from the worker too. */
      shown = g_strdup (ss_chart_get_description (chart));
      if (g_strcmp0 (shown, NO_DATA) == 0)
        {
          g_free (shown);
          shown = wait_description_change (chart, NO_DATA);
        }
      /* An edit of every scenario's data: none, then all of them anew. */
      g_assert_true (ss_document_set_country_attr (document, 0, SS_COUNTRY_COST_INDEX,
                                                   1.0 + 0.01 * (k + 1), NULL));
      empty = wait_description_change (chart, shown);
      g_assert_cmpstr (empty, ==, NO_DATA);
      after = wait_description_change (chart, empty);
      g_assert_cmpstr (after, !=, NO_DATA);
      /* The comparison names the premium, which the cost index moves. */
      if (kinds_tried[k] == SSC_CHART_COMPARE)
        g_assert_cmpstr (after, !=, shown);
      if (kinds_tried[k] == SSC_CHART_COMPARE)
        for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (study); s++)
          g_assert_false (ss_document_projection_is_stale (document, s));
      else
        {
          const GArray *strategies, *shocks;

          ss_document_get_stress_axes (document, &strategies, &shocks);
          for (guint r = 0; r < strategies->len; r++)
            for (guint c = 0; c < shocks->len; c++)
              g_assert_false (ss_document_cell_is_stale (document, g_array_index (strategies, int, r),
                                                         g_array_index (shocks, int, c)));
        }
    }
  g_unsetenv ("SUPPLYSHIFT_FRAME_BUDGET_US");
}

/* The stress grid and the comparison in the side column at 1280×800
 * (376 px wide): drawn, not "too small", with the sample's four shock
 * columns; the grid also with three more shocks. */
static void
test_side_column_charts (Fixture       *f,
                         gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  GtkDropDown *kinds;
  SsChart *chart;

  show_editor (f);
  kinds = find_dropdown (GTK_WIDGET (f->window), ssc_chart_kind_get_label (0));
  chart = editor_chart (f);
  for (guint round = 0; round < 2; round++)
    {
      const SscChartKind shown[] = { SSC_CHART_STRESS, SSC_CHART_COMPARE };

      /* With the extra shocks, the grid only: the comparison's eleven
       * rows need more height than 300 px. */
      for (guint k = 0; k < (round == 0 ? G_N_ELEMENTS (shown) : 1); k++)
        {
          int w, h;

          gtk_drop_down_set_selected (kinds, shown[k]);
          ss_test_wait_frames (3);
          w = gtk_widget_get_width (GTK_WIDGET (chart));
          h = gtk_widget_get_height (GTK_WIDGET (chart));
          g_test_message ("%s at %d×%d", ssc_chart_kind_to_string (shown[k]), w, h);
          g_assert_cmpint (w, >, 300);
          g_assert_cmpint (w, <, 500);
          /* Drawn, not a message in its place. */
          g_assert_true (ss_chart_get_drawn (chart));
          if (shown[k] == SSC_CHART_STRESS)
            {
              const GArray *strategies, *shocks;
              double x, y;

              ss_document_get_stress_axes (document, &strategies, &shocks);
              g_assert_true (ss_chart_get_cell_point (chart, g_array_index (strategies, int, strategies->len - 1),
                                                      g_array_index (shocks, int, shocks->len - 1), &x, &y));
            }
        }
      /* Three more shocks: seven columns. */
      if (round == 0)
        for (guint n = 0; n < 3; n++)
          {
            g_autofree char *name = g_strdup_printf ("Extra shock %u", n + 1);
            int s = ss_document_add_scenario (document, name, NULL);

            g_assert_cmpint (s, >=, 0);
            g_assert_true (ss_document_set_scenario_kind (document, (guint)s, SS_SCENARIO_SHOCK, NULL));
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;
  g_assert_nonnull (ss_get_resource ());

  g_test_add ("/window-stress/click-picks-a-cell", Fixture, NULL, fixture_setup, test_click_picks_a_cell,
              fixture_teardown);
  g_test_add ("/window-stress/keyboard-picks-a-cell", Fixture, NULL, fixture_setup,
              test_keyboard_picks_a_cell, fixture_teardown);
  g_test_add ("/window-stress/only-stale-cells", Fixture, NULL, fixture_setup, test_only_stale_cells,
              fixture_teardown);

  g_test_add ("/window-charts/tornado-tab", Fixture, NULL, fixture_setup, test_tornado_tab, fixture_teardown);
  g_test_add ("/window-charts/tornado-worker", Fixture, NULL, fixture_setup, test_tornado_worker,
              fixture_teardown);
  g_test_add ("/window-charts/charts-worker", Fixture, NULL, fixture_setup, test_charts_worker,
              fixture_teardown);
  g_test_add ("/window-charts/side-column", Fixture, NULL, fixture_setup, test_side_column_charts,
              fixture_teardown);

  return g_test_run ();
}
