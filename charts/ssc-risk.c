/* ssc-risk.c: concentration, supply risk and expected shortfall impact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three panels over the same years, the scenario against the baseline:
 * the HHI, the supply risk with its critical line at 1, and the
 * expected shortfall impact.
 */

#define G_LOG_DOMAIN "supplyshift-chart-risk"

#include "config.h"

#include <glib/gi18n.h>

#include "ssc-axis.h"
#include "ssc-draw.h"
#include "ssc-frame.h"
#include "ssc-hit.h"
#include "ssc-legend.h"
#include "ssc-palette.h"
#include "ssc-tooltip.h"

static void
risk_draw (SscCtx *c)
{
  static const SscSeries series[3] = { SSC_SERIES_HHI, SSC_SERIES_RISK, SSC_SERIES_IMPACT };
  guint ny = c->ny;
  double values[3][SS_MAX_HORIZON + 1], base[3][SS_MAX_HORIZON + 1];
  double grey[4];
  SscTicks ticks[3];
  SscRect plots[3];
  g_autoptr(SscLegend) legend = ssc_legend_new ();
  g_autofree char *subtitle = ssc_frame_subtitle (c, SSC_SUBTITLE_SCENARIO | SSC_SUBTITLE_ITEM
                                                     | SSC_SUBTITLE_YEARS);
  g_autofree char *unit = ssc_ctx_money_unit (c);
  g_autofree char *impact_title = NULL;
  const char *titles[3];
  double labels_w = 0, gap, panel_h, top;

  for (guint k = 0; k < 3; k++)
    for (guint t = 0; t < ny; t++)
      {
        values[k][t] = ssc_ctx_series (c, c->proj, series[k], t);
        base[k][t] = ssc_ctx_series (c, c->base, series[k], t);
      }

  ssc_frame_header (c, ssc_ctx_title (c), subtitle);
  ssc_neutral_rgba (c->d->dark, grey);
  ssc_legend_add (legend, SSC_SWATCH_LINE, c->d->accent, ssc_scenario_name (c->study, c->scenario));
  if (c->scenario != SS_BASELINE)
    ssc_legend_add (legend, SSC_SWATCH_FAINT, grey, _("Baseline"));
  ssc_legend_place_top (c, legend, ssc_ctx_title (c));

  /* Translators: title of a small chart; HHI is the Herfindahl–Hirschman index */
  titles[0] = _("Concentration (HHI, 0–10 000)");
  /* Translators: title of a small chart; SR is the EU supply-risk score */
  titles[1] = _("Supply risk (SR)");
  /* Translators: %s is the unit, "million USD" */
  impact_title = g_strdup_printf (_("Expected shortfall impact (%s)"), unit);
  titles[2] = impact_title;

  gap = 24 + ssc_axis_title_height (c);
  panel_h = (c->area.h - ssc_axis_title_height (c) - ssc_axis_years_height (c, TRUE) - 2 * gap) / 3;
  if (panel_h < 24)
    {
      ssc_frame_too_small (c);
      return;
    }
  for (guint k = 0; k < 3; k++)
    {
      double hi = 0;

      for (guint t = 0; t < ny; t++)
        hi = MAX (hi, MAX (values[k][t], base[k][t]));
      if (k == 0)
        hi = MAX (hi, 1000);
      else if (k == 1)
        hi = MAX (hi, 1.2);            /* the SR = 1 line always shows */
      ticks[k] = ssc_ticks_nice (0, hi, ssc_ticks_max_for (panel_h, 30));
      labels_w = MAX (labels_w, ssc_axis_labels_width (c, &ticks[k], SSC_NUM_PLAIN));
    }
  top = c->area.y + ssc_axis_title_height (c);
  for (guint k = 0; k < 3; k++)
    plots[k] = (SscRect) { c->area.x + labels_w, top + k * (panel_h + gap),
                           c->area.w - labels_w - 16, panel_h };
  if (plots[0].w < 60)
    {
      ssc_frame_too_small (c);
      return;
    }
  ssc_hit_set_panels (c, 3, plots, FALSE);

  for (guint k = 0; k < 3; k++)
    {
      ssc_axis_title (c, plots[k], labels_w, titles[k]);
      ssc_axis_y (c, plots[k], &ticks[k], SSC_NUM_PLAIN);
      if (k == 1)
        /* Translators: the reference line of the supply-risk chart */
        ssc_draw_reference_line (c, plots[k], ssc_scale_y (&ticks[k], plots[k], 1),
                                 _("Critical (SR = 1)"), plots[k].x + plots[k].w - 6, NULL);
      if (c->scenario != SS_BASELINE)
        ssc_draw_series (c, plots[k], &ticks[k], base[k], FALSE, grey, 0.8, 1.5);
      ssc_draw_series (c, plots[k], &ticks[k], values[k], FALSE, c->d->accent, 1, 2.5);
      ssc_axis_zero (c, plots[k], &ticks[k]);
    }
  ssc_axis_years (c, plots[2], FALSE, TRUE);
}

static char *
risk_describe (SscCtx *c)
{
  guint last = c->ny - 1;
  int first = c->meta->base_year;
  g_autofree char *under = ssc_ctx_under_scenario (c);
  g_autofree char *what = ssc_ctx_subject (c);
  g_autofree char *sr0 = NULL, *sr1 = NULL, *hhi0 = NULL, *hhi1 = NULL;

  sr0 = ssc_format_number (ssc_ctx_series (c, c->proj, SSC_SERIES_RISK, 0), 2);
  sr1 = ssc_format_number (ssc_ctx_series (c, c->proj, SSC_SERIES_RISK, last), 2);
  hhi0 = ssc_format_number (ssc_ctx_series (c, c->proj, SSC_SERIES_HHI, 0), 0);
  hhi1 = ssc_format_number (ssc_ctx_series (c, c->proj, SSC_SERIES_HHI, last), 0);

  /* Translators: accessible summary of the risk chart: "Under China plus one"
   * or "In the baseline", subject, supply risk at the start, first year,
   * supply risk at the end, last year, HHI at the start, HHI at the end */
  return g_strdup_printf (_("%1$s, the supply risk of %2$s goes from %3$s in %4$d to %5$s "
                            "in %6$d, and its concentration (HHI) from %7$s to %8$s."),
                          under, what, sr0, first, sr1, first + (int)last, hhi0, hhi1);
}

/* The three panels' series, the scenario's and the baseline's. */
static SsTable *
risk_table (SscCtx *c)
{
  static const SscSeries series[3] = { SSC_SERIES_HHI, SSC_SERIES_RISK, SSC_SERIES_IMPACT };
  SsTable *table = ss_table_new ();
  g_autofree char *unit = ssc_ctx_money_unit (c);
  gboolean show_base = c->scenario != SS_BASELINE;
  const char *names[3] = {
    /* Translators: a column of the risk chart's data; HHI is the Herfindahl–Hirschman index */
    _("HHI"),
    _("Supply risk"),
    _("Expected shortfall impact"),
  };
  const int digits[3] = { 0, 2, 1 };
  guint col = 1;

  ssc_ctx_add_year_column (c, table);
  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *title = ssc_ctx_series_title (c, names[k], c->scenario);
      g_autofree char *base = ssc_ctx_series_title (c, names[k], SS_BASELINE);

      ss_table_add_column (table, show_base ? title : names[k], k == 2 ? unit : NULL, digits[k]);
      if (show_base)
        ss_table_add_column (table, base, k == 2 ? unit : NULL, digits[k]);
    }
  ssc_ctx_add_year_rows (c, table);
  for (guint k = 0; k < 3; k++)
    {
      for (guint t = 0; t < c->ny; t++)
        {
          ss_table_set_number (table, t, col, ssc_ctx_series (c, c->proj, series[k], t));
          if (show_base)
            ss_table_set_number (table, t, col + 1, ssc_ctx_series (c, c->base, series[k], t));
        }
      col += show_base ? 2 : 1;
    }
  return table;
}

static gboolean
risk_query (SscCtx            *c,
            const SscChartHit *hit,
            double             x,
            double             y,
            GString           *s)
{
  gboolean with_base = c->scenario != SS_BASELINE;
  g_autofree char *unit = ssc_ctx_money_unit (c);
  guint year;

#define AT(proj, series) ssc_ctx_series (c, (proj), (series), year)
  if (!ssc_hit_year (hit, x, y, &year))
    return FALSE;
  g_string_append_printf (s, "<b>%d</b>", hit->base_year + (int)year);
  ssc_tooltip_add_pair (s, _("HHI"), ssc_format_number (AT (c->proj, SSC_SERIES_HHI), 0),
                        with_base ? ssc_format_number (AT (c->base, SSC_SERIES_HHI), 0) : NULL);
  ssc_tooltip_add_pair (s, _("Supply risk"), ssc_format_number (AT (c->proj, SSC_SERIES_RISK), 2),
                        with_base ? ssc_format_number (AT (c->base, SSC_SERIES_RISK), 2) : NULL);
  ssc_tooltip_add_pair (s, _("Expected shortfall impact"),
                        ssc_format_with_unit (ssc_format_value (AT (c->proj, SSC_SERIES_IMPACT)),
                                              unit),
                        with_base ? ssc_format_value (AT (c->base, SSC_SERIES_IMPACT)) : NULL);
#undef AT
  return TRUE;
}

const SscChartClass ssc_risk_chart = {
  .name = "risk",
  .label = NC_("chart", "Risk"),
  .title = N_("Concentration, supply risk and shortfall"),
  .projections = SSC_PROJECTIONS_SELECTED,
  .draw = risk_draw,
  .describe = risk_describe,
  .table = risk_table,
  .hover = ssc_hit_hover_years,
  .query = risk_query,
};
