/* ss-engine.h: the projection of one scenario, year by year (model.md §2–6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-study.h"

G_BEGIN_DECLS

#define SS_BASELINE (-1)

/* Every array is laid out with the year innermost, so a series for a chart
 * or the report is one contiguous run of n_years doubles. Undefined values
 * are NAN (the group HHI of an item with no share in the group), or -1 for
 * the top country of a study that declares no foreign country. */
typedef struct
{
  guint   n_items;
  guint   n_countries;
  guint   n_groups;
  guint   n_years;                     /* horizon + 1 */
  int     scenario;                    /* index in the study, or SS_BASELINE */

  /* Per item: [item][year], or [item][country|group][year]. */
  double *share;
  double *spend;                       /* D_i(t) · s_ic(t) · u_ic(t), [item][country][year] */
  double *cost;                        /* C_i(t) */
  double *switching;                   /* W_i(t) */
  double *subsidy;                     /* B_i(t) */
  double *hhi;
  double *supply_risk;
  double *group_hhi;
  double *expected_shortfall;          /* ES_i(t) */
  double *p_shortfall_10;              /* P10_i(t) */
  int    *top_country;
  guint8 *alert;                       /* SsAlertLevel */

  /* Portfolio: [year], or [country|group|level][year]. */
  double *total_cost_purchase;         /* Σ C_i */
  double *total_switching;             /* Σ W_i */
  double *total_subsidy;               /* Σ B_i */
  double *total_cost;                  /* TC */
  double *cost_premium;                /* Π */
  double *portfolio_hhi;
  double *portfolio_supply_risk;
  double *portfolio_group_hhi;
  double *spend_share;
  double *expected_shortfall_impact;   /* EL */
  double *var95_shortfall_impact;      /* VaR95 */
  int    *alert_count;                 /* [SsAlertLevel][year]; [0] counts "none" */
  double  npv_cost_premium;
  double  npv_subsidy;

  /*< private >*/
  gpointer block;
  gsize    block_size;
  gpointer scratch;
  gsize    scratch_size;
} SsProjection;

SsProjection *ss_projection_new        (void);
void          ss_projection_free       (SsProjection       *self);
void          ss_projection_copy_into  (SsProjection       *dest,
                                        const SsProjection *src);

void          ss_engine_project        (SsStudy            *study,
                                        int                 scenario,
                                        const SsProjection *baseline,
                                        SsProjection       *out);

double        ss_engine_landed_unit    (const SsSource     *source,
                                        const double       *country);
void          ss_engine_effective_country (SsStudy         *study,
                                           int              scenario,
                                           guint            country,
                                           double          *attr);

static inline gsize
ss_projection_at (const SsProjection *p,
                  guint               row,
                  guint               year)
{
  return (gsize)row * p->n_years + year;
}

const char   *ss_alert_level_to_string (SsAlertLevel       level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsProjection, ss_projection_free)

G_END_DECLS
