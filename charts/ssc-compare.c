/* ssc-compare.c: every scenario on four figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per scenario (the baseline first) and one panel of bars per
 * figure: the NPV of the cost premium, and the supply risk, HHI and
 * expected shortfall impact in the year shown (SscChartData.year, the
 * final year by default: the year of the window's figures). The
 * selected scenario is in the accent colour. It reads every scenario's
 * projection.
 */

#define G_LOG_DOMAIN "supplyshift-chart-compare"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-figures.h"
#include "ssc-axis.h"
#include "ssc-frame.h"
#include "ssc-hit.h"
#include "ssc-legend.h"
#include "ssc-palette.h"
#include "ssc-tooltip.h"

enum { METRIC_NPV, METRIC_RISK, METRIC_HHI, METRIC_IMPACT, N_METRICS };

static gboolean
compare_values (SscCtx *c,
                int     scenario,
                double  out[N_METRICS])
{
  const SsProjection *p = ssc_data_get_projection (c->d, scenario);
  guint year = ssc_ctx_year (c);

  if (p == NULL)
    return FALSE;
  out[METRIC_NPV] = ss_figures_npv_premium (c->study, p, c->base, c->item);
  out[METRIC_RISK] = ssc_ctx_series (c, p, SSC_SERIES_RISK, year);
  out[METRIC_HHI] = ssc_ctx_series (c, p, SSC_SERIES_HHI, year);
  out[METRIC_IMPACT] = ssc_ctx_series (c, p, SSC_SERIES_IMPACT, year);
  return TRUE;
}

static char *
metric_title (SscCtx *c,
              guint   metric)
{
  g_autofree char *unit = ssc_ctx_money_unit (c);
  int year = c->meta->base_year + (int)ssc_ctx_year (c);

  switch (metric)
    {
    case METRIC_NPV:
      /* Translators: a panel of the comparison chart; NPV is the net present
       * value; %s is the unit, "million USD" */
      return g_strdup_printf (_("NPV of the cost premium (%s)"), unit);
    case METRIC_RISK:
      /* Translators: a panel of the comparison chart; %d is the year shown */
      return g_strdup_printf (_("Supply risk (SR) in %d"), year);
    case METRIC_HHI:
      /* Translators: a panel of the comparison chart; %d is the year shown */
      return g_strdup_printf (_("Concentration (HHI) in %d"), year);
    case METRIC_IMPACT:
    default:
      /* Translators: a panel of the comparison chart; %d is the year shown, %s the unit */
      return g_strdup_printf (_("Expected shortfall impact in %d (%s)"), year, unit);
    }
}

/* One figure's panel: its title, a value axis and a bar per scenario. */
static void
draw_panel (SscCtx         *c,
            SscRect         p,
            guint           m,
            guint           n_rows,
            const double   *values,
            const gboolean *present,
            double          row_h,
            gboolean        compact,
            const double    grey[4])
{
  cairo_t *cr = c->cr;
  g_autofree char *title = metric_title (c, m);
  double lo = 0, hi = 0, pad_l = 0, pad_r = 0;
  SscTicks t;
  SscRect scale;

  ssc_text_set (c->text, &ssc_font_label, title, p.w, SSC_FIT_WRAP3, SSC_ALIGN_START);
  ssc_text_show (c->text, p.x, p.y - 10, 0, 1, c->d->fg, 0.9);

  for (guint r = 0; r < n_rows; r++)
    if (present[r])
      {
        double v = values[r * N_METRICS + m];
        g_autofree char *label = ssc_format_value (v);
        double w = ssc_text_width (c->text, &ssc_font_tick, label) + 6;

        lo = MIN (lo, v), hi = MAX (hi, v);
        if (v >= 0)
          pad_r = MAX (pad_r, w);
        else
          pad_l = MAX (pad_l, w);
      }
  t = ssc_ticks_nice (lo, hi, ssc_ticks_max_for (p.w - pad_l - pad_r, 70));
  if (lo >= 0)
    t.lo = 0;
  scale = (SscRect) { p.x + pad_l, p.y, p.w - pad_l - pad_r, p.h };
  if (scale.w < 10)
    return;

  if (compact)
    ssc_axis_zero (c, scale, &t);
  else
    ssc_axis_x (c, scale, &t, TRUE);

  for (guint r = 0; r < n_rows; r++)
    {
      int s = (int)r - 1;
      double y = p.y + r * row_h, bar_h = MIN (row_h * 0.6, 32);
      double v = values[r * N_METRICS + m], x0 = ssc_scale_x (&t, scale, 0), x1;
      g_autofree char *label = NULL;

      if (!present[r])
        {
          ssc_text_draw (c->text, &ssc_font_tick, "—", x0 + 4, y + row_h / 2, 0, 0.5,
                         c->d->fg, 0.5);
          continue;
        }
      x1 = ssc_scale_x (&t, scale, v);
      cairo_rectangle (cr, MIN (x0, x1), y + (row_h - bar_h) / 2, MAX (fabs (x1 - x0), 1), bar_h);
      ssc_set_source (cr, s == c->scenario ? c->d->accent : grey, 1);
      cairo_fill (cr);
      label = ssc_format_value (v);
      ssc_text_draw (c->text, &ssc_font_tick, label, v >= 0 ? MAX (x0, x1) + 4 : MIN (x0, x1) - 4,
                     y + row_h / 2, v >= 0 ? 0 : 1, 0.5, c->d->fg, 0.9);
    }
}

static void
compare_draw (SscCtx *c)
{
  guint n_rows = ss_study_get_n_scenarios (c->study) + 1;
  g_autofree double *values = g_new0 (double, n_rows * N_METRICS);
  g_autofree gboolean *present = g_new0 (gboolean, n_rows);
  g_autofree int *scenarios = g_new0 (int, n_rows);
  g_autoptr(SscLegend) legend = ssc_legend_new ();
  g_autofree char *subtitle = ssc_frame_subtitle (c, SSC_SUBTITLE_ITEM | SSC_SUBTITLE_YEARS);
  double grey[4], label_w = 0, gap = c->width >= SSC_LEGEND_MIN_WIDTH ? 24 : 14;
  double panel_w, titles_h = 0, row_h, rows_y, rows_h, tick_h;
  gboolean small_names;
  SscRect panels[N_METRICS];

  ssc_frame_header (c, ssc_ctx_title (c), subtitle);
  ssc_neutral_rgba (c->d->dark, grey);

  /* Translators: legend of the comparison chart */
  ssc_legend_add (legend, SSC_SWATCH_AREA, c->d->accent, _("Selected scenario"));
  /* Translators: legend of the comparison chart */
  ssc_legend_add (legend, SSC_SWATCH_AREA, grey, _("Other scenarios"));
  ssc_legend_place_top (c, legend, ssc_ctx_title (c));

  for (guint r = 0; r < n_rows; r++)
    {
      scenarios[r] = (int)r - 1;
      present[r] = compare_values (c, scenarios[r], &values[r * N_METRICS]);
      label_w = MAX (label_w, ssc_text_width (c->text, &ssc_font_label_bold,
                                              ssc_scenario_name (c->study, scenarios[r])));
    }
  label_w = MIN (label_w, c->area.w * 0.22) + 14;
  panel_w = (c->area.w - label_w - (N_METRICS - 1) * gap) / N_METRICS;
  if (panel_w < 40)
    {
      ssc_frame_too_small (c);
      return;
    }

  for (guint m = 0; m < N_METRICS; m++)
    {
      g_autofree char *title = metric_title (c, m);
      double h;

      ssc_text_set (c->text, &ssc_font_label, title, panel_w, SSC_FIT_WRAP3, SSC_ALIGN_START);
      ssc_text_get_size (c->text, NULL, &h);
      titles_h = MAX (titles_h, h);
    }
  tick_h = ssc_text_line_height (c->text, &ssc_font_tick);
  rows_y = c->area.y + titles_h + 10;
  rows_h = c->area.h - titles_h - 10 - (6 + tick_h);
  /* The rows share the height: no empty band under them. */
  row_h = rows_h / n_rows;
  /* Many scenarios in a short chart (the window's side column): the axes
   * lose their tick labels (every bar has its value beside it) and the
   * names take the ticks' size, down to a row of one tick line. */
  small_names = row_h < ssc_text_line_height (c->text, &ssc_font_label) + 2;
  if (small_names)
    {
      rows_h = c->area.h - titles_h - 10 - 4;
      row_h = rows_h / n_rows;
    }
  if (row_h < tick_h + 1)
    {
      ssc_frame_too_small (c);
      return;
    }
  rows_h = row_h * n_rows;

  for (guint m = 0; m < N_METRICS; m++)
    panels[m] = (SscRect) { c->area.x + label_w + m * (panel_w + gap), rows_y, panel_w, rows_h };
  ssc_hit_set_panels (c, N_METRICS, panels, FALSE);
  if (c->hit != NULL)
    {
      c->hit->grid = (SscRect) { c->area.x, rows_y, c->area.w, rows_h };
      c->hit->row_h = row_h;
      ssc_hit_set_rows (c, scenarios, n_rows);
    }

  /* Scenario names. */
  for (guint r = 0; r < n_rows; r++)
    {
      int s = scenarios[r];

      ssc_text_set (c->text, small_names ? &ssc_font_tick
                             : s == c->scenario ? &ssc_font_label_bold : &ssc_font_label,
                    ssc_scenario_name (c->study, s), label_w - 14, SSC_FIT_ELLIPSIZE,
                    SSC_ALIGN_START);
      ssc_text_show (c->text, c->area.x + label_w - 14, rows_y + (r + 0.5) * row_h, 1, 0.5,
                     c->d->fg, 0.9);
    }

  for (guint m = 0; m < N_METRICS; m++)
    draw_panel (c, panels[m], m, n_rows, values, present, row_h, small_names, grey);
}

static char *
compare_describe (SscCtx *c)
{
  guint n_rows = ss_study_get_n_scenarios (c->study) + 1, counted = 0;
  int low_risk = SS_BASELINE, high_npv = SS_BASELINE;
  double low = INFINITY, high = -INFINITY, v[N_METRICS];
  g_autofree char *risk = NULL, *npv = NULL, *unit = ssc_ctx_money_unit (c);
  g_autofree char *lowest = NULL, *highest = NULL;
  int year = c->meta->base_year + (int)ssc_ctx_year (c);

  for (guint r = 0; r < n_rows; r++)
    if (compare_values (c, (int)r - 1, v))
      {
        counted++;
        if (v[METRIC_RISK] < low)
          low = v[METRIC_RISK], low_risk = (int)r - 1;
        if (v[METRIC_NPV] > high)
          high = v[METRIC_NPV], high_npv = (int)r - 1;
      }
  if (counted == 0)
    return g_strdup ("");
  risk = ssc_format_number (low, 2);
  npv = ssc_format_value (high);
  lowest = ssc_text_isolate (ssc_scenario_name (c->study, low_risk));
  highest = ssc_text_isolate (ssc_scenario_name (c->study, high_npv));
  if (low_risk == high_npv)
    /* Translators: accessible summary of the comparison chart when one
     * scenario has both the lowest risk and the highest premium; %3$d is
     * the year the chart shows */
    return g_strdup_printf (ngettext ("Of %1$u scenario, %2$s has both the lowest supply risk "
                                      "in %3$d (%4$s) and the highest net present value of cost "
                                      "premium (%5$s %6$s).",
                                      "Of %1$u scenarios, %2$s has both the lowest supply risk "
                                      "in %3$d (%4$s) and the highest net present value of cost "
                                      "premium (%5$s %6$s).", counted),
                            counted, lowest, year, risk, npv, unit);
  /* Translators: accessible summary of the comparison chart; %3$d is the
   * year the chart shows */
  return g_strdup_printf (ngettext ("Of %1$u scenario, %2$s has the lowest supply risk in %3$d "
                                    "(%4$s) and %5$s the highest net present value of cost "
                                    "premium (%6$s %7$s).",
                                    "Of %1$u scenarios, %2$s has the lowest supply risk in %3$d "
                                    "(%4$s) and %5$s the highest net present value of cost "
                                    "premium (%6$s %7$s).", counted),
                          counted, lowest, year, risk, highest, npv, unit);
}

/* A row per scenario, a column per panel, headed as the panels are. */
static SsTable *
compare_table (SscCtx *c)
{
  static const int digits[N_METRICS] = { 1, 2, 0, 1 };
  guint n_rows = ss_study_get_n_scenarios (c->study) + 1;
  SsTable *table = ss_table_new ();

  /* Translators: a column of the comparison chart's data */
  ss_table_add_column (table, _("Scenario"), NULL, SS_TABLE_TEXT);
  for (guint m = 0; m < N_METRICS; m++)
    {
      g_autofree char *title = metric_title (c, m);

      ss_table_add_column (table, title, NULL, digits[m]);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      double v[N_METRICS];
      guint k = ss_table_add_row (table);

      ss_table_set_text (table, k, 0, ssc_scenario_name (c->study, (int)r - 1));
      if (compare_values (c, (int)r - 1, v))
        for (guint m = 0; m < N_METRICS; m++)
          ss_table_set_number (table, k, 1 + m, v[m]);
    }
  return table;
}

static void
compare_hover (SscCtx            *c,
               const SscChartHit *hit,
               double             x,
               double             y)
{
  int row = ssc_hit_row (hit, hit->grid, x, y);

  if (row >= 0)
    ssc_hit_mark_row (c, hit, hit->grid, row, 0.07);
}

/* The scenario's four figures. */
static gboolean
compare_query (SscCtx            *c,
               const SscChartHit *hit,
               double             x,
               double             y,
               GString           *s)
{
  int row = ssc_hit_row (hit, hit->grid, x, y), scenario;
  g_autofree char *name = NULL, *unit = ssc_ctx_money_unit (c);
  double v[N_METRICS];

  if (row < 0)
    return FALSE;
  scenario = g_array_index (hit->rows, int, row);
  name = g_markup_escape_text (ssc_scenario_name (c->study, scenario), -1);

  g_string_append_printf (s, "<b>%s</b>", name);
  if (!compare_values (c, scenario, v))
    {
      g_string_append_printf (s, "\n%s", _("Not computed"));
      return TRUE;
    }
  ssc_tooltip_add_pair (s, _("Net present value of the cost premium"),
                        ssc_format_with_unit (ssc_format_value (v[METRIC_NPV]), unit), NULL);
  ssc_tooltip_add_pair (s, _("Supply risk"), ssc_format_number (v[METRIC_RISK], 2), NULL);
  ssc_tooltip_add_pair (s, _("HHI"), ssc_format_number (v[METRIC_HHI], 0), NULL);
  ssc_tooltip_add_pair (s, _("Expected shortfall impact"),
                        ssc_format_with_unit (ssc_format_value (v[METRIC_IMPACT]), unit), NULL);
  g_string_append_printf (s, "\n<small>%d</small>", hit->base_year + (int)ssc_ctx_year (c));
  return TRUE;
}

const SscChartClass ssc_compare_chart = {
  .name = "compare",
  .label = NC_("chart", "Compare"),
  .title = N_("Scenarios compared"),
  .projections = SSC_PROJECTIONS_ALL_SCENARIOS,
  .flags = SSC_CHART_USES_YEAR,
  .draw = compare_draw,
  .describe = compare_describe,
  .table = compare_table,
  .hover = compare_hover,
  .query = compare_query,
};
