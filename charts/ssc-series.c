/* ssc-series.c: the figures a chart reads from the projections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item's series, or the portfolio's when item is -1, year by year.
 */

#define G_LOG_DOMAIN "supplyshift-chart-series"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-figures.h"
#include "ssc-series.h"

static gboolean
projection_fits (const SsStudy      *study,
                 const SsProjection *p)
{
  return p != NULL
      && p->n_items == ss_study_get_n_items (study)
      && p->n_countries == ss_study_get_n_countries (study)
      && (int)p->n_years == ss_study_get_meta (study)->horizon + 1
      && p->n_years >= 2;
}

/* A scenario's projection, or NULL when it is missing or no longer fits
 * the study (a country was added and the window has not passed the new
 * projection yet). */
const SsProjection *
ssc_data_get_projection (const SscChartData *d,
                         int                 scenario)
{
  guint index = scenario + 1;
  const SsProjection *p;

  if (d->study == NULL || d->projections == NULL || index >= d->projections->len)
    return NULL;
  p = g_ptr_array_index (d->projections, index);
  return projection_fits (d->study, p) ? p : NULL;
}

/* The stress grid's rows and columns (ss_study_get_stress_axes()). */
void
ssc_data_grid_shape (const SscChartData *d,
                     guint              *n_strategies,
                     guint              *n_shocks)
{
  guint shocks = 0, n = ss_study_get_n_scenarios (d->study);

  for (guint s = 0; s < n; s++)
    shocks += ss_study_get_scenario (d->study, s)->kind == SS_SCENARIO_SHOCK;
  *n_strategies = 1 + n - shocks;
  *n_shocks = 1 + shocks;
}

/* Whether d->cells holds the whole grid, each cell fitting the study. */
gboolean
ssc_data_grid_valid (const SscChartData *d)
{
  guint rows, cols;

  if (d->study == NULL || d->cells == NULL)
    return FALSE;
  ssc_data_grid_shape (d, &rows, &cols);
  if (d->cells->len != rows * cols)
    return FALSE;
  for (guint k = 0; k < d->cells->len; k++)
    if (!projection_fits (d->study, g_ptr_array_index (d->cells, k)))
      return FALSE;
  return TRUE;
}

/* Whether d->sensitivity is a tornado of this study: its scenario and
 * its inputs' indices still fit. */
gboolean
ssc_data_sensitivity_valid (const SscChartData *d)
{
  const SsSensitivity *s = d->sensitivity;

  if (d->study == NULL || s == NULL || !ssc_data_scenario_valid (d, s->scenario))
    return FALSE;
  for (guint k = 0; k < s->inputs->len; k++)
    {
      const SsSensitivityInput *in = &g_array_index (s->inputs, SsSensitivityInput, k);

      if ((in->kind == SS_INPUT_COUNTRY && in->index >= ss_study_get_n_countries (d->study))
          || (in->kind == SS_INPUT_ITEM && in->index >= ss_study_get_n_items (d->study)))
        return FALSE;
    }
  return TRUE;
}

gboolean
ssc_data_scenario_valid (const SscChartData *d,
                         int                 scenario)
{
  return scenario == SS_BASELINE
      || (scenario >= 0 && (guint)scenario < ss_study_get_n_scenarios (d->study));
}

const char *
ssc_scenario_name (const SsStudy *study,
                   int            scenario)
{
  if (scenario == SS_BASELINE)
    /* Translators: the implicit scenario in which nothing changes */
    return _("Baseline");
  return ss_study_get_scenario (study, scenario)->name;
}

double
ssc_series_at (const SsStudy      *study,
               const SsProjection *p,
               int                 item,
               SscSeries           series,
               guint               t)
{
  gsize k = (gsize)(item < 0 ? 0 : item) * p->n_years + t;

  if (item < 0)
    switch (series)
      {
      case SSC_SERIES_TOTAL: return ss_figures_cost (p, item, t);
      case SSC_SERIES_PURCHASE: return p->total_cost_purchase[t];
      case SSC_SERIES_SWITCHING: return p->total_switching[t];
      case SSC_SERIES_SUBSIDY: return p->total_subsidy[t];
      case SSC_SERIES_HHI: return p->portfolio_hhi[t];
      case SSC_SERIES_RISK: return p->portfolio_supply_risk[t];
      case SSC_SERIES_IMPACT: return ss_figures_shortfall_impact (study, p, item, t);
      default: g_assert_not_reached ();
      }

  switch (series)
    {
    case SSC_SERIES_TOTAL: return ss_figures_cost (p, item, t);
    case SSC_SERIES_PURCHASE: return p->cost[k];
    case SSC_SERIES_SWITCHING: return p->switching[k];
    case SSC_SERIES_SUBSIDY: return p->subsidy[k];
    case SSC_SERIES_HHI: return p->hhi[k];
    case SSC_SERIES_RISK: return p->supply_risk[k];
    case SSC_SERIES_IMPACT: return ss_figures_shortfall_impact (study, p, item, t);
    default: g_assert_not_reached ();
    }
}

