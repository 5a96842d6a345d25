/* ss-window-stress.c: the window's Stress test view, every strategy under every shock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page of the window's view stack beside the Editor and Compare: the
 * stress grid (model.md §8) drawn by the `stress` chart through the
 * chart widget, the same drawing as `supplyshift --export
 * --chart=stress`, and under it the cell picked, strategy S under shock
 * K: its figures and one of its charts (mix, cost or risk, S ⊕ K against
 * the baseline ⊕ K). A click on a cell picks it; so does Enter on the
 * cell the arrow keys move to (widgets/ss-chart.c).
 *
 * The cells are the document's (ss_document_get_grid()): computed once,
 * and after an edit only those it can change (a strategy's row, a
 * shock's column, every cell for the baseline's data). The view asks for
 * them only while it is shown. When computing the stale ones would miss
 * a frame (seconds, on a study of thousands of items), a worker thread
 * does it (ss_document_complete_async()) and the view shows a line that
 * says so instead of a grid half brought up to date.
 *
 * SUPPLYSHIFT_VIEW=stress opens the window on it (for screenshots).
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-page-util.h"
#include "ssc-format.h"
#include "ss-window-private.h"

enum
{
  FIG_PREMIUM,
  FIG_IMPACT,
  FIG_VAR,
  FIG_OVER,
  FIG_RISK,
  N_FIGS
};

G_STATIC_ASSERT (N_FIGS == G_N_ELEMENTS (((SsWindow *)NULL)->stress_cell_values));

/* The charts a cell shows, in the list's order. */
static const SscChartKind cell_kinds[] = { SSC_CHART_MIX, SSC_CHART_COST, SSC_CHART_RISK };

static gboolean
stress_shown (SsWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "stress") == 0;
}

static gboolean
axis_has (const GArray *axis,
          int           value)
{
  for (guint k = 0; k < axis->len; k++)
    if (g_array_index (axis, int, k) == value)
      return TRUE;
  return FALSE;
}

/* The cell picked stays while its strategy and shock do; else the first
 * strategy under the first shock (the baseline with no shock when the
 * study has neither). */
static void
check_pick (SsWindow *self)
{
  const GArray *strategies, *shocks;

  ss_document_get_stress_axes (self->document, &strategies, &shocks);
  if (axis_has (strategies, self->stress_strategy) && axis_has (shocks, self->stress_shock))
    return;
  self->stress_strategy = g_array_index (strategies, int, MIN (1, strategies->len - 1));
  self->stress_shock = g_array_index (shocks, int, MIN (1, shocks->len - 1));
}

static const char *
shock_name (const SsStudy *study,
            int            shock)
{
  if (shock == SS_NO_SHOCK)
    return NULL;
  return ss_study_get_scenario (study, shock)->name;
}

static char *
signed_money (double      v,
              const char *unit)
{
  g_autofree char *plain = ssc_format_value (v);

  return ssc_format_with_unit (v >= 5e-4 ? g_strconcat ("+", plain, NULL) : g_steal_pointer (&plain), unit);
}

/* "45.2 million USD (baseline under this shock: 78.9)" */
static char *
money_against (double      v,
               double      base,
               gboolean    with_base,
               const char *unit)
{
  g_autofree char *value = NULL, *base_text = NULL;

  if (isnan (v))
    /* Translators: a figure that was not computed (VaR95 with too many joint states) */
    return g_strdup (_("n/a"));
  value = ssc_format_with_unit (ssc_format_value (v), unit);
  if (!with_base || isnan (base))
    return g_steal_pointer (&value);
  base_text = ssc_format_value (base);
  /* Translators: a stress cell's figure, then the baseline's under the same shock */
  return g_strdup_printf (_("%1$s (baseline: %2$s)"), value, base_text);
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

/* A figure's value can be selected to copy it; with none (no cell
 * picked yet), it does not take the focus, unnamed (tests/test-a11y.py). */
static void
set_value (GtkLabel   *label,
           const char *text)
{
  set_label (label, text);
  gtk_widget_set_focusable (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The picked cell's heading, figures and chart. */
static void
update_cell (SsWindow *self)
{
  const SsStudy *study = ss_window_study (self);
  const SsMeta *meta = ss_study_get_meta (study);
  const SsProjection *cell = ss_document_get_cell (self->document, self->stress_strategy, self->stress_shock);
  const SsProjection *world = ss_document_get_cell (self->document, SS_BASELINE, self->stress_shock);
  g_autoptr(GPtrArray) projections = g_ptr_array_new ();
  g_autofree char *unit = ssc_format_money_unit (meta->currency);
  g_autofree char *s_name = ss_bidi_isolate (self->stress_strategy == SS_BASELINE ? _("Baseline") : ss_study_get_scenario (study, self->stress_strategy)->name);
  g_autofree char *title = NULL, *text = NULL, *label = NULL;
  gboolean with_base = self->stress_strategy != SS_BASELINE;
  guint last = cell->n_years - 1, kind = gtk_drop_down_get_selected (self->stress_cell_kind);
  int first_target = -1, year = meta->base_year + (int)last;
  SscChartData data;

  if (self->stress_shock == SS_NO_SHOCK)
    /* Translators: the heading of the stress cell picked; %s is a strategy */
    title = g_strdup_printf (_("%s with no shock"), s_name);
  else
    {
      g_autofree char *k_name = ss_bidi_isolate (shock_name (study, self->stress_shock));

      /* Translators: the heading of the stress cell picked, "China plus one under China export controls" */
      title = g_strdup_printf (_("%1$s under %2$s"), s_name, k_name);
    }
  set_label (self->stress_cell_title, title);

  for (guint t = 0; t < cell->n_years && first_target < 0; t++)
    if (!isnan (cell->policy_target[t]))
      first_target = (int)t;

  text = signed_money (cell->npv_cost_premium, unit);
  set_value (self->stress_cell_values[FIG_PREMIUM], text);
  g_clear_pointer (&text, g_free);

  /* Translators: a figure of the stress cell picked; %d is a year */
  label = g_strdup_printf (_("Expected shortfall impact, %d"), year);
  set_label (self->stress_cell_labels[FIG_IMPACT], label);
  text = money_against (cell->expected_shortfall_impact[last], world->expected_shortfall_impact[last],
                        with_base, unit);
  set_value (self->stress_cell_values[FIG_IMPACT], text);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&label, g_free);

  /* Translators: a figure of the stress cell picked; %d is a year */
  label = g_strdup_printf (_("VaR95, %d"), year);
  set_label (self->stress_cell_labels[FIG_VAR], label);
  text = money_against (cell->too_many_states ? NAN : cell->var95_shortfall_impact[last],
                        world->too_many_states ? NAN : world->var95_shortfall_impact[last], with_base, unit);
  set_value (self->stress_cell_values[FIG_VAR], text);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&label, g_free);

  /* Translators: a figure of the stress cell picked; %d is a year */
  label = g_strdup_printf (_("Items over target, %d"), year);
  set_label (self->stress_cell_labels[FIG_OVER], label);
  if (first_target < 0)
    text = g_strdup (_("No policy targets"));
  else if ((guint)first_target == last)
    text = g_strdup_printf ("%d", cell->over_target_count[last]);
  else
    /* Translators: items over a policy target in the final year (%1$d),
     * then in the first year a target is in force (%2$d: %3$d) */
    text = g_strdup_printf (_("%1$d (%2$d: %3$d)"), cell->over_target_count[last],
                            meta->base_year + first_target, cell->over_target_count[first_target]);
  set_value (self->stress_cell_values[FIG_OVER], text);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&label, g_free);

  /* Translators: a figure of the stress cell picked; %d is a year */
  label = g_strdup_printf (_("Supply risk, %d"), year);
  set_label (self->stress_cell_labels[FIG_RISK], label);
  text = ssc_format_number (cell->portfolio_supply_risk[last], 2);
  set_value (self->stress_cell_values[FIG_RISK], text);
  g_clear_pointer (&text, g_free);

  /* The cell's chart: S ⊕ K where the chart reads the scenario, the
   * baseline ⊕ K where it reads the baseline. */
  g_ptr_array_set_size (projections, 1 + ss_study_get_n_scenarios (study));
  g_ptr_array_index (projections, 0) = (gpointer)world;
  if (self->stress_strategy != SS_BASELINE)
    g_ptr_array_index (projections, 1 + self->stress_strategy) = (gpointer)cell;
  ssc_chart_data_init (&data, study, projections);
  data.scenario = self->stress_strategy;
  data.item = self->item;
  data.year = (int)ss_window_year_index (self);
  ss_chart_set_kind (self->stress_cell_chart, cell_kinds[MIN (kind, G_N_ELEMENTS (cell_kinds) - 1)]);
  ss_chart_set_data (self->stress_cell_chart, &data);
}

static void
show_computing (SsWindow *self,
                gboolean  computing)
{
  ss_page_show_computing (self->stress_computing, computing);
  gtk_widget_set_visible (self->stress_content, !computing);
}

/* Brings the view up to date, when it is shown: the grid's stale cells
 * are computed, the others read from the document's cache. */
void
ss_window_stress_update (SsWindow *self)
{
  const SsStudy *study;
  SscChartData data;

  if (self->document == NULL || !stress_shown (self))
    return;
  if (ss_job_complete (&self->stress_job, self, self->document, SS_DOCUMENT_NEEDS_GRID,
                       (SsJobUpdateFunc)ss_window_stress_update))
    {
      show_computing (self, TRUE);
      return;
    }
  show_computing (self, FALSE);
  study = ss_window_study (self);
  check_pick (self);
  ss_document_get_grid (self->document, self->stress_cells);
  g_ptr_array_set_size (self->stress_projections, 1 + ss_study_get_n_scenarios (study));
  g_ptr_array_index (self->stress_projections, 0) =
    (gpointer)ss_document_get_projection (self->document, SS_BASELINE);
  ssc_chart_data_init (&data, study, self->stress_projections);
  data.cells = self->stress_cells;
  data.scenario = SS_BASELINE;
  ss_chart_set_data (self->stress_chart, &data);
  ss_chart_set_selected_cell (self->stress_chart, self->stress_strategy, self->stress_shock);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stress_page),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  ss_chart_get_description (self->stress_chart), -1);
  update_cell (self);
}

void
ss_window_stress_dispose (SsWindow *self)
{
  ss_job_cancel (&self->stress_job);
}

/* Scenarios came or went: a picked cell that went is replaced. */
void
ss_window_stress_rebuild (SsWindow *self)
{
  if (self->document != NULL)
    check_pick (self);
}

static void
on_cell_activated (SsWindow *self,
                   int       strategy,
                   int       shock)
{
  self->stress_strategy = strategy;
  self->stress_shock = shock;
  ss_window_stress_update (self);
}

static void
on_visible_view (SsWindow *self)
{
  ss_window_stress_update (self);
}

static void
on_cell_kind_selected (SsWindow *self)
{
  if (self->document != NULL && stress_shown (self))
    update_cell (self);
}

static GtkWidget *
figure_row (SsWindow   *self,
            GtkGrid    *grid,
            guint       fig,
            const char *title)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_focusable (value, FALSE);             /* until it has a value: set_value () */
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_set_hexpand (value, TRUE);
  gtk_grid_attach (grid, label, 0, (int)fig, 1, 1);
  gtk_grid_attach (grid, value, 1, (int)fig, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  self->stress_cell_labels[fig] = GTK_LABEL (label);
  self->stress_cell_values[fig] = GTK_LABEL (value);
  return value;
}

void
ss_window_stress_init (SsWindow *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *page_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *hint, *cell_box, *figures_box, *chart_side, *bar, *chart_label, *grid;
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  AdwViewStackPage *page;

  /* No cell yet: check_pick() takes the first strategy under the first shock. */
  self->stress_strategy = G_MININT;
  self->stress_shock = G_MININT;

  gtk_widget_set_margin_top (page_box, 18);
  gtk_widget_set_margin_bottom (page_box, 24);
  gtk_widget_set_margin_start (page_box, 24);
  gtk_widget_set_margin_end (page_box, 24);
  self->stress_page = page_box;
  /* Translators: the accessible name of the Stress test view */
  gtk_accessible_update_property (GTK_ACCESSIBLE (page_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stress test: every strategy under every shock"), -1);

  self->stress_chart = SS_CHART (ss_chart_new (SSC_CHART_STRESS));
  gtk_widget_set_size_request (GTK_WIDGET (self->stress_chart), -1, 560);
  gtk_widget_set_hexpand (GTK_WIDGET (self->stress_chart), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->stress_chart), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self->stress_chart), GTK_OVERFLOW_HIDDEN);
  g_signal_connect_object (self->stress_chart, "cell-activated", G_CALLBACK (on_cell_activated), self,
                           G_CONNECT_SWAPPED);
  /* Translators: in the Stress Test view while a worker computes it */
  self->stress_computing = ss_page_new_computing_box (_("Computing every strategy under every shock…"));
  gtk_box_append (GTK_BOX (page_box), self->stress_computing);
  gtk_box_append (GTK_BOX (page_box), box);
  self->stress_content = box;
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stress_chart));

  /* Translators: under the stress grid */
  hint = gtk_label_new (_("Click a cell, or move to it with the arrow keys and press Enter, to see that "
                          "strategy under that shock below."));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  /* The cell picked: its figures beside its chart. */
  cell_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  gtk_widget_set_margin_top (cell_box, 6);
  figures_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_size_request (figures_box, 300, -1);
  self->stress_cell_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->stress_cell_title, 0);
  gtk_label_set_wrap (self->stress_cell_title, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->stress_cell_title), "title-3");
  gtk_box_append (GTK_BOX (figures_box), GTK_WIDGET (self->stress_cell_title));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  /* Translators: a figure of the stress cell picked */
  figure_row (self, GTK_GRID (grid), FIG_PREMIUM, _("Premium (NPV) against the baseline under the same shock"));
  figure_row (self, GTK_GRID (grid), FIG_IMPACT, NULL);
  figure_row (self, GTK_GRID (grid), FIG_VAR, NULL);
  figure_row (self, GTK_GRID (grid), FIG_OVER, NULL);
  figure_row (self, GTK_GRID (grid), FIG_RISK, NULL);
  gtk_label_set_width_chars (self->stress_cell_labels[FIG_PREMIUM], 18);
  gtk_label_set_max_width_chars (self->stress_cell_labels[FIG_PREMIUM], 22);
  gtk_box_append (GTK_BOX (figures_box), grid);
  gtk_box_append (GTK_BOX (cell_box), figures_box);

  chart_side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (chart_side, TRUE);
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* Translators: the chart of the stress cell picked */
  chart_label = gtk_label_new_with_mnemonic (_("Cell c_hart"));
  gtk_widget_add_css_class (chart_label, "heading");
  for (guint k = 0; k < G_N_ELEMENTS (cell_kinds); k++)
    gtk_string_list_append (kinds, ssc_chart_kind_get_label (cell_kinds[k]));
  self->stress_cell_kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (chart_label), GTK_WIDGET (self->stress_cell_kind));
  /* Its own name, not its label's as well ("… Cell chart"). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->stress_cell_kind), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stress_cell_kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of the cell picked"), -1);
  g_signal_connect_object (self->stress_cell_kind, "notify::selected", G_CALLBACK (on_cell_kind_selected), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), chart_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->stress_cell_kind));
  gtk_box_append (GTK_BOX (chart_side), bar);
  self->stress_cell_chart = SS_CHART (ss_chart_new (SSC_CHART_MIX));
  gtk_widget_set_size_request (GTK_WIDGET (self->stress_cell_chart), -1, 320);
  gtk_widget_add_css_class (GTK_WIDGET (self->stress_cell_chart), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self->stress_cell_chart), GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (chart_side), GTK_WIDGET (self->stress_cell_chart));
  gtk_box_append (GTK_BOX (cell_box), chart_side);
  gtk_box_append (GTK_BOX (box), cell_box);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1600);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_child (ADW_CLAMP (clamp), page_box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  C_("view", "Stress Test"), -1);

  /* Translators: the window's view of every strategy under every shock */
  page = adw_view_stack_add_titled (self->view_stack, scroller, "stress", C_("view", "Stress Test"));
  adw_view_stack_page_set_icon_name (page, "view-grid-symbolic");
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (on_visible_view), self,
                           G_CONNECT_SWAPPED);

  if (g_strcmp0 (g_getenv ("SUPPLYSHIFT_VIEW"), "stress") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "stress");
  /* Not part of the first frame (ss_window_add_view_later()). */
  ss_window_add_view_later (self, GTK_SCROLLED_WINDOW (scroller), clamp);
}

/* For tests: the view's grid and the cell's chart. */
GtkWidget *
ss_window_get_stress_chart (SsWindow *self,
                            gboolean  cell)
{
  g_return_val_if_fail (SS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (cell ? self->stress_cell_chart : self->stress_chart);
}
