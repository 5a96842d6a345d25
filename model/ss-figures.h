/* ss-figures.h: figures read off projections, one way for every view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-engine.h"

G_BEGIN_DECLS

/* An item's figure, or the portfolio's with item -1. */
#define SS_PORTFOLIO (-1)

double  ss_npv                        (const double       *series,
                                       guint               n_years,
                                       double              rate);

double  ss_figures_cost               (const SsProjection *p,
                                       int                 item,
                                       guint               year);
double  ss_figures_premium            (const SsProjection *p,
                                       const SsProjection *base,
                                       int                 item,
                                       guint               year);
double  ss_figures_npv_premium        (const SsStudy      *study,
                                       const SsProjection *p,
                                       const SsProjection *base,
                                       int                 item);
double  ss_figures_npv_subsidy        (const SsStudy      *study,
                                       const SsProjection *p,
                                       int                 item);
double  ss_figures_shortfall_impact   (const SsStudy      *study,
                                       const SsProjection *p,
                                       int                 item,
                                       guint               year);

G_END_DECLS
