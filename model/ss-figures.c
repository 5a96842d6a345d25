/* ss-figures.c: figures read off projections, one way for every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's cards, the charts and the engine's own net present values
 * all read these, so a figure the user sees in two places is the same
 * number, to the last bit.
 */

#define G_LOG_DOMAIN "supplyshift-figures"

#include "config.h"

#include <math.h>

#include "ss-figures.h"

/* NPV(x) = Σ_t x(t) / (1 + ρ)^t, year 0 undiscounted (model.md §3). */
double
ss_npv (const double *series,
        guint         n_years,
        double        rate)
{
  double sum = 0;

  for (guint t = 0; t < n_years; t++)
    sum += series[t] / pow (1 + rate, t);
  return sum;
}

/* The cost to firms in a year: purchases, plus switching, less the
 * subsidy (C + W − B); the portfolio's TC. */
double
ss_figures_cost (const SsProjection *p,
                 int                 item,
                 guint               year)
{
  gsize k;

  if (item < 0)
    return p->total_cost[year];
  k = ss_projection_at (p, item, year);
  return p->cost[k] + p->switching[k] - p->subsidy[k];
}

/* What a scenario costs more than `base` in a year. */
double
ss_figures_premium (const SsProjection *p,
                    const SsProjection *base,
                    int                 item,
                    guint               year)
{
  return ss_figures_cost (p, item, year) - ss_figures_cost (base, item, year);
}

/* The net present value of the premium over `base`. The portfolio's is
 * the engine's npv_cost_premium when base is the projection's reference. */
double
ss_figures_npv_premium (const SsStudy      *study,
                        const SsProjection *p,
                        const SsProjection *base,
                        int                 item)
{
  double premium[SS_MAX_HORIZON + 1];

  g_return_val_if_fail (p->n_years <= G_N_ELEMENTS (premium), NAN);

  for (guint t = 0; t < p->n_years; t++)
    premium[t] = ss_figures_premium (p, base, item, t);
  return ss_npv (premium, p->n_years, ss_study_get_meta (study)->discount_rate);
}

/* The net present value of the subsidy paid. */
double
ss_figures_npv_subsidy (const SsStudy      *study,
                        const SsProjection *p,
                        int                 item)
{
  const double *series = item < 0 ? p->total_subsidy : &p->subsidy[ss_projection_at (p, item, 0)];

  return ss_npv (series, p->n_years, ss_study_get_meta (study)->discount_rate);
}

/* The expected shortfall impact in a year, in millions: the portfolio's
 * EL, or the item's part of it. L(D) is linear in x_i(D), so that part is
 * ES_i · C_i · E_i (model.md §4). */
double
ss_figures_shortfall_impact (const SsStudy      *study,
                             const SsProjection *p,
                             int                 item,
                             guint               year)
{
  gsize k;

  if (item < 0)
    return p->expected_shortfall_impact[year];
  k = ss_projection_at (p, item, year);
  return p->expected_shortfall[k] * p->cost[k] * ss_study_get_item (study, item)->attr[SS_ITEM_IMPACT];
}
