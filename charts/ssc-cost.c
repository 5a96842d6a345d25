/* ssc-cost.c: total cost against the baseline, and the premium's parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two panels over the same years: the cost to firms under the scenario
 * and the baseline, and under it the premium over the baseline as
 * stacked bars of its parts (purchase cost, switching paid by firms,
 * switching paid by the subsidy) with the net premium as a line.
 */

#define G_LOG_DOMAIN "supplyshift-chart-cost"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-figures.h"
#include "ssc-axis.h"
#include "ssc-draw.h"
#include "ssc-frame.h"
#include "ssc-hit.h"
#include "ssc-legend.h"
#include "ssc-palette.h"
#include "ssc-tooltip.h"

typedef struct
{
  double total[SS_MAX_HORIZON + 1];
  double total_b[SS_MAX_HORIZON + 1];
  double purchase[SS_MAX_HORIZON + 1];
  double firms[SS_MAX_HORIZON + 1];
  double subsidy[SS_MAX_HORIZON + 1];
  double premium[SS_MAX_HORIZON + 1];
  double hi_total, lo_prem, hi_prem;
  gboolean any_premium;
} Costs;

static void
costs_compute (SscCtx *c,
               Costs  *k)
{
  memset (k, 0, sizeof *k);
  for (guint t = 0; t < c->ny; t++)
    {
      double sw = ssc_ctx_series (c, c->proj, SSC_SERIES_SWITCHING, t);
      double sub = ssc_ctx_series (c, c->proj, SSC_SERIES_SUBSIDY, t);
      double sw_b = ssc_ctx_series (c, c->base, SSC_SERIES_SWITCHING, t);
      double sub_b = ssc_ctx_series (c, c->base, SSC_SERIES_SUBSIDY, t);

      k->total[t] = ssc_ctx_series (c, c->proj, SSC_SERIES_TOTAL, t);
      k->total_b[t] = ssc_ctx_series (c, c->base, SSC_SERIES_TOTAL, t);
      k->premium[t] = k->total[t] - k->total_b[t];
      k->firms[t] = (sw - sub) - (sw_b - sub_b);
      k->subsidy[t] = sub - sub_b;
      k->purchase[t] = k->premium[t] - k->firms[t];
      k->hi_total = MAX (k->hi_total, MAX (k->total[t], k->total_b[t]));
      /* Positive parts stack up from 0 and negative ones down. */
      k->hi_prem = MAX (k->hi_prem, MAX (k->purchase[t], 0) + MAX (k->firms[t], 0)
                                    + MAX (k->subsidy[t], 0));
      k->lo_prem = MIN (k->lo_prem, MIN (k->purchase[t], 0) + MIN (k->firms[t], 0)
                                    + MIN (k->subsidy[t], 0));
      k->hi_prem = MAX (k->hi_prem, k->premium[t]);
      k->lo_prem = MIN (k->lo_prem, k->premium[t]);
      k->any_premium |= fabs (k->premium[t]) > 1e-9 || fabs (k->subsidy[t]) > 1e-9;
    }
}

/* The premium's parts as bars, positive parts up from 0 and negative
 * ones down. */
static void
draw_parts (SscCtx         *c,
            const Costs    *k,
            SscRect         plot,
            const SscTicks *tb,
            const double    grey[4],
            const double    accent_fill[4])
{
  cairo_t *cr = c->cr;
  guint ny = c->ny;

  for (guint t = 0; t < ny; t++)
    {
      double slot = plot.w / ny, bar = MIN (slot * 0.62, 48);
      double x = ssc_scale_year_x (plot, t, ny, TRUE) - bar / 2;
      double up = 0, down = 0;
      const double *parts[3] = { &k->purchase[t], &k->firms[t], &k->subsidy[t] };

      for (guint j = 0; j < 3; j++)
        {
          double v = *parts[j], from = v >= 0 ? up : down, to = from + v;
          double y0 = ssc_scale_y (tb, plot, from), y1 = ssc_scale_y (tb, plot, to);
          SscRect r = { x, MIN (y0, y1), bar, fabs (y1 - y0) };

          if (fabs (v) < 1e-12)
            continue;
          if (v >= 0)
            up = to;
          else
            down = to;
          cairo_rectangle (cr, r.x, r.y, r.w, r.h);
          if (j == 0)
            ssc_set_source (cr, grey, 1);
          else if (j == 1)
            ssc_set_source (cr, accent_fill, 1);
          else
            ssc_set_source (cr, accent_fill, 0.3);
          cairo_fill (cr);
          if (j == 2)
            ssc_draw_hatch (cr, r, accent_fill);
        }
    }
}

/* The net premium as a line with a dot a year, on a halo. */
static void
draw_premium (SscCtx         *c,
              const Costs    *k,
              SscRect         plot,
              const SscTicks *tb)
{
  cairo_t *cr = c->cr;

  ssc_draw_series (c, plot, tb, k->premium, TRUE, c->d->bg, 0.8, 4);
  ssc_draw_series (c, plot, tb, k->premium, TRUE, c->d->fg, 1, 2);
  for (guint t = 0; t < c->ny; t++)
    {
      cairo_arc (cr, ssc_scale_year_x (plot, t, c->ny, TRUE), ssc_scale_y (tb, plot, k->premium[t]),
                 3.5, 0, 2 * G_PI);
      ssc_set_source (cr, c->d->bg, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2);
      ssc_set_source (cr, c->d->fg, 1);
      cairo_stroke (cr);
    }
}

static void
cost_draw (SscCtx *c)
{
  Costs k;
  double grey[4], accent_fill[4];
  g_autoptr(SscLegend) legend = ssc_legend_new ();
  g_autofree char *subtitle = ssc_frame_subtitle (c, SSC_SUBTITLE_SCENARIO | SSC_SUBTITLE_ITEM
                                                     | SSC_SUBTITLE_YEARS);
  g_autofree char *unit = ssc_ctx_money_unit (c);
  g_autofree char *title_a = NULL, *title_b = NULL;
  double labels_w, gap, top_h, avail;
  SscRect plots[2];
  SscTicks ta, tb;

  costs_compute (c, &k);

  ssc_frame_header (c, ssc_ctx_title (c), subtitle);
  ssc_neutral_rgba (c->d->dark, grey);
  memcpy (accent_fill, c->d->accent, sizeof accent_fill);

  ssc_legend_add (legend, SSC_SWATCH_LINE, c->d->accent, ssc_scenario_name (c->study, c->scenario));
  if (c->scenario != SS_BASELINE)
    ssc_legend_add (legend, SSC_SWATCH_FAINT, grey, _("Baseline"));
  ssc_legend_add (legend, SSC_SWATCH_AREA, grey, _("Purchase cost difference"));
  ssc_legend_add (legend, SSC_SWATCH_AREA, accent_fill, _("Switching cost paid by firms"));
  ssc_legend_add (legend, SSC_SWATCH_HATCH, accent_fill, _("Switching cost paid by the subsidy"));
  ssc_legend_add (legend, SSC_SWATCH_DOTTED_LINE, c->d->fg, _("Net premium to firms"));
  ssc_legend_place (c, legend, ssc_axis_title_height (c));

  gap = 24 + ssc_axis_title_height (c);
  avail = c->area.h - ssc_axis_title_height (c) - ssc_axis_years_height (c, TRUE) - gap;
  top_h = avail * 0.45;
  ta = ssc_ticks_nice (0, k.hi_total, ssc_ticks_max_for (top_h, 40));
  tb = ssc_ticks_nice (k.lo_prem, k.hi_prem, ssc_ticks_max_for (avail - top_h, 40));
  labels_w = MAX (ssc_axis_labels_width (c, &ta, SSC_NUM_PLAIN),
                  ssc_axis_labels_width (c, &tb, SSC_NUM_PLAIN));
  plots[0] = (SscRect) { c->area.x + labels_w, c->area.y + ssc_axis_title_height (c),
                         c->area.w - labels_w - 4, top_h };
  plots[1] = plots[0];
  plots[1].y = plots[0].y + plots[0].h + gap;
  plots[1].h = avail - top_h;
  if (plots[0].w < 60 || plots[0].h < 30 || plots[1].h < 30)
    {
      ssc_frame_too_small (c);
      return;
    }
  ssc_hit_set_panels (c, 2, plots, TRUE);

  /* Translators: %s is the unit, "million USD" */
  title_a = g_strdup_printf (_("Total cost to firms (%s)"), unit);
  /* Translators: %s is the unit, "million USD" */
  title_b = g_strdup_printf (_("Cost premium over the baseline (%s)"), unit);

  ssc_axis_title (c, plots[0], labels_w, title_a);
  ssc_axis_y (c, plots[0], &ta, SSC_NUM_PLAIN);
  if (c->scenario != SS_BASELINE)
    ssc_draw_series (c, plots[0], &ta, k.total_b, TRUE, grey, 0.8, 1.5);
  ssc_draw_series (c, plots[0], &ta, k.total, TRUE, c->d->accent, 1, 2.5);
  ssc_axis_zero (c, plots[0], &ta);

  ssc_axis_title (c, plots[1], labels_w, title_b);
  if (k.any_premium)
    ssc_axis_y (c, plots[1], &tb, SSC_NUM_PLAIN);
  else
    ssc_text_draw (c->text, &ssc_font_tick, "0", plots[1].x - 8, plots[1].y + plots[1].h, 1, 0.5,
                   c->d->fg, 0.72);
  draw_parts (c, &k, plots[1], &tb, grey, accent_fill);
  ssc_axis_zero (c, plots[1], &tb);
  if (k.any_premium)
    draw_premium (c, &k, plots[1], &tb);
  else
    ssc_frame_message (c, (SscRect) { plots[1].x, plots[1].y, plots[1].w, plots[1].h / 2 },
                       c->scenario == SS_BASELINE ? _("The baseline has no premium over itself")
                                                  : _("No premium over the baseline"));
  ssc_axis_years (c, plots[1], TRUE, TRUE);
}

static char *
cost_describe (SscCtx *c)
{
  guint last = c->ny - 1;
  int year = c->meta->base_year + (int)last;
  double tc = ssc_ctx_series (c, c->proj, SSC_SERIES_TOTAL, last);
  double premium = tc - ssc_ctx_series (c, c->base, SSC_SERIES_TOTAL, last);
  g_autofree char *scenario = ssc_text_isolate (ssc_scenario_name (c->study, c->scenario));
  g_autofree char *what = ssc_ctx_subject (c);
  g_autofree char *unit = ssc_ctx_money_unit (c);
  g_autofree char *total = ssc_format_value (tc);
  g_autofree char *diff = ssc_format_value (fabs (premium));
  g_autofree char *npv = ssc_format_value (ss_figures_npv_premium (c->study, c->proj, c->base, c->item));

  if (c->scenario == SS_BASELINE)
    /* Translators: accessible summary of the cost chart for the baseline:
     * subject, year, amount, unit */
    return g_strdup_printf (_("In the baseline, the cost to firms of %1$s in %2$d is %3$s %4$s."),
                            what, year, total, unit);
  if (premium >= 0)
    /* Translators: accessible summary of the cost chart: scenario, subject,
     * year, total, unit, difference, net present value */
    return g_strdup_printf (_("Under %1$s, the cost to firms of %2$s in %3$d is %4$s %5$s, "
                              "%6$s %5$s more than in the baseline; the premium’s net "
                              "present value is %7$s %5$s."),
                            scenario, what, year, total, unit, diff, npv);
  /* Translators: accessible summary of the cost chart */
  return g_strdup_printf (_("Under %1$s, the cost to firms of %2$s in %3$d is %4$s %5$s, "
                            "%6$s %5$s less than in the baseline; the premium’s net "
                            "present value is %7$s %5$s."),
                          scenario, what, year, total, unit, diff, npv);
}

static gboolean
cost_query (SscCtx            *c,
            const SscChartHit *hit,
            double             x,
            double             y,
            GString           *s)
{
  gboolean with_base = c->scenario != SS_BASELINE;
  g_autofree char *unit = ssc_ctx_money_unit (c);
  g_autofree char *unit_line = NULL;
  double tc, tc_b, sw, sub;
  guint year;

  if (!ssc_hit_year (hit, x, y, &year))
    return FALSE;
  tc = ssc_ctx_series (c, c->proj, SSC_SERIES_TOTAL, year);
  tc_b = ssc_ctx_series (c, c->base, SSC_SERIES_TOTAL, year);
  sw = ssc_ctx_series (c, c->proj, SSC_SERIES_SWITCHING, year)
       - ssc_ctx_series (c, c->base, SSC_SERIES_SWITCHING, year);
  sub = ssc_ctx_series (c, c->proj, SSC_SERIES_SUBSIDY, year)
        - ssc_ctx_series (c, c->base, SSC_SERIES_SUBSIDY, year);
  unit_line = g_markup_printf_escaped ("\n<small>%s</small>", unit);

  g_string_append_printf (s, "<b>%d</b>", hit->base_year + (int)year);
  ssc_tooltip_add_pair (s, _("Total cost to firms"), ssc_format_value (tc),
                        with_base ? ssc_format_value (tc_b) : NULL);
  ssc_tooltip_add_pair (s, _("Net premium to firms"), ssc_format_value (tc - tc_b), NULL);
  ssc_tooltip_add_pair (s, _("Purchase cost difference"),
                        ssc_format_value (tc - tc_b - (sw - sub)), NULL);
  ssc_tooltip_add_pair (s, _("Switching cost paid by firms"), ssc_format_value (sw - sub), NULL);
  ssc_tooltip_add_pair (s, _("Switching cost paid by the subsidy"), ssc_format_value (sub), NULL);
  g_string_append (s, unit_line);
  return TRUE;
}

/* The total cost of both panels' series, and the premium's parts. */
static SsTable *
cost_table (SscCtx *c)
{
  SsTable *table = ss_table_new ();
  g_autofree char *unit = ssc_ctx_money_unit (c);
  g_autofree char *total = ssc_ctx_series_title (c, _("Total cost to firms"), c->scenario);
  g_autofree char *total_b = ssc_ctx_series_title (c, _("Total cost to firms"), SS_BASELINE);
  gboolean show_base = c->scenario != SS_BASELINE;
  guint col_total, col_base = 0, col_premium, col_purchase, col_firms, col_subsidy;
  Costs k;

  costs_compute (c, &k);
  ssc_ctx_add_year_column (c, table);
  col_total = ss_table_add_column (table, total, unit, 1);
  if (show_base)
    col_base = ss_table_add_column (table, total_b, unit, 1);
  col_premium = ss_table_add_column (table, _("Net premium to firms"), unit, 1);
  col_purchase = ss_table_add_column (table, _("Purchase cost difference"), unit, 1);
  col_firms = ss_table_add_column (table, _("Switching cost paid by firms"), unit, 1);
  col_subsidy = ss_table_add_column (table, _("Switching cost paid by the subsidy"), unit, 1);
  ssc_ctx_add_year_rows (c, table);
  for (guint t = 0; t < c->ny; t++)
    {
      ss_table_set_number (table, t, col_total, k.total[t]);
      if (show_base)
        ss_table_set_number (table, t, col_base, k.total_b[t]);
      ss_table_set_number (table, t, col_premium, k.premium[t]);
      ss_table_set_number (table, t, col_purchase, k.purchase[t]);
      ss_table_set_number (table, t, col_firms, k.firms[t]);
      ss_table_set_number (table, t, col_subsidy, k.subsidy[t]);
    }
  return table;
}

const SscChartClass ssc_cost_chart = {
  .name = "cost",
  .label = NC_("chart", "Cost"),
  .title = N_("Cost to firms"),
  .projections = SSC_PROJECTIONS_SELECTED,
  .draw = cost_draw,
  .describe = cost_describe,
  .table = cost_table,
  .hover = ssc_hit_hover_years,
  .query = cost_query,
};
