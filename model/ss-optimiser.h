/* ss-optimiser.h: the cost–risk frontier of one item (model.md §7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ss-study.h"

G_BEGIN_DECLS

#define SS_OPTIMISER_ERROR (ss_optimiser_error_quark ())

typedef enum
{
  SS_OPTIMISER_ERROR_INFEASIBLE,       /* the capacities sum to less than 1 */
} SsOptimiserError;

/* One point of the frontier. lambda is 0 at the cheapest end and INFINITY
 * at the least-risk end; shares has one entry per study country. */
typedef struct
{
  double  lambda;
  double  cost;                        /* Σ u_c s_c */
  double  risk;                        /* SR at the base year */
  double *shares;
} SsMix;

GQuark   ss_optimiser_error_quark (void);

/* lambda = 0 gives the cheapest feasible mix and lambda = INFINITY the
 * least-risk mix; scenario is an index or SS_BASELINE. */
gboolean ss_optimiser_solve       (const SsStudy *study,
                                   int            scenario,
                                   guint          item,
                                   double         lambda,
                                   double        *shares_out,
                                   GError       **error);
double   ss_optimiser_cost        (const SsStudy *study,
                                   int            scenario,
                                   guint          item,
                                   const double  *shares);
double   ss_optimiser_risk        (const SsStudy *study,
                                   int            scenario,
                                   guint          item,
                                   const double  *shares);

/* n_points ≥ 2 SsMix, from the cheapest to the least-risk mix. The array
 * frees each mix's shares itself (g_array_unref). */
GArray  *ss_optimiser_frontier    (const SsStudy *study,
                                   int            scenario,
                                   guint          item,
                                   guint          n_points,
                                   GError       **error);

void     ss_mix_clear             (SsMix         *mix);

G_END_DECLS
