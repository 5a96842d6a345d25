/* ssc-series.h: the figures a chart reads from the projections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ssc-chart.h"

G_BEGIN_DECLS

typedef enum
{
  SSC_SERIES_TOTAL,                    /* cost to firms: C + W − B */
  SSC_SERIES_PURCHASE,                 /* C */
  SSC_SERIES_SWITCHING,                /* W */
  SSC_SERIES_SUBSIDY,                  /* B */
  SSC_SERIES_HHI,
  SSC_SERIES_RISK,
  SSC_SERIES_IMPACT,                   /* expected shortfall impact, million */
} SscSeries;

const SsProjection *ssc_data_get_projection (const SscChartData *data,
                                             int                 scenario);
gboolean            ssc_data_scenario_valid (const SscChartData *data,
                                             int                 scenario);
void                ssc_data_grid_shape     (const SscChartData *data,
                                             guint              *n_strategies,
                                             guint              *n_shocks);
gboolean            ssc_data_grid_valid     (const SscChartData *data);
gboolean            ssc_data_sensitivity_valid (const SscChartData *data);
const char         *ssc_scenario_name       (const SsStudy      *study,
                                             int                 scenario);

double              ssc_series_at           (const SsStudy      *study,
                                             const SsProjection *p,
                                             int                 item,
                                             SscSeries           series,
                                             guint               t);

/* An item's share, or the portfolio's spend share, of a country over the
 * years. Inline: the heatmap reads one per cell. */
static inline const double *
ssc_mix_row (const SsProjection *p,
             int                 item,
             guint               country)
{
  if (item < 0)
    return &p->spend_share[(gsize)country * p->n_years];
  return &p->share[((gsize)item * p->n_countries + country) * p->n_years];
}

G_END_DECLS
