/* ss-engine.h: the projection of one scenario, year by year (model.md §2–8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-study.h"

G_BEGIN_DECLS

#define SS_BASELINE (-1)
#define SS_NO_SHOCK (-1)

/* model.md §4: a study, scenario or stress-grid combination may have at
 * most this many joint disruption states. */
#define SS_MAX_JOINT_STATES (1u << 18)

/* Every array is laid out with the year innermost, so a series for a chart
 * or the report is one contiguous run of n_years doubles. Undefined values
 * are NAN (the group HHI of an item with no share in the group, a year with
 * no policy target in force), or -1 for the top country of a study that
 * declares no foreign country and for an item that never meets its policy
 * targets. */
typedef struct
{
  guint   n_items;
  guint   n_countries;
  guint   n_groups;
  guint   n_years;                     /* horizon + 1 */
  int     scenario;                    /* the strategy: index in the study, or SS_BASELINE */
  int     shock;                       /* the shock of a stress cell, or SS_NO_SHOCK */

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
  guint8 *over_target;                 /* over the policy target in force (§6) */
  int    *target_met_year;             /* [item]: year index t, or -1 */

  /* Portfolio: [year], or [country|group|level][year]. */
  double *total_cost_purchase;         /* Σ C_i */
  double *total_switching;             /* Σ W_i */
  double *total_subsidy;               /* Σ B_i */
  double *total_cost;                  /* TC */
  double *cost_premium;                /* Π, against baseline ⊕ the same shock */
  double *portfolio_hhi;
  double *portfolio_supply_risk;
  double *portfolio_group_hhi;
  double *spend_share;
  double *max_foreign_spend_share;     /* the largest spend share of a foreign country */
  double *expected_shortfall_impact;   /* EL */
  double *var95_shortfall_impact;      /* VaR95; NAN when too_many_states */
  double *policy_target;               /* the target in force, NAN where none */
  int    *alert_count;                 /* [SsAlertLevel][year]; [0] counts "none" */
  int    *over_target_count;           /* items over a policy target */
  double  npv_cost_premium;
  double  npv_subsidy;

  /* More than SS_MAX_JOINT_STATES joint disruption states (a study the
   * loader refuses, reached by an edit): VaR95 is not computed. */
  gboolean too_many_states;

  /*< private >*/
  guint    id;                         /* this projection's, never reused; 0 for a view */
  guint    serial;                     /* bumped on every change of its figures */
  guint    whole_serial;               /* the serial of its last change of more than an item */
  int      changed_item[8];            /* [serial % 8]: the item a change after whole_serial was */
  guint    copy_of;                    /* a copy's: the id of what it copied, 0 if none */
  guint    copy_of_serial;             /* and that one's serial then */
  guint    joint_mode;                 /* how the joint states were reached, for tests */
  gpointer block;
  gsize    block_size;
  gpointer scratch;
  gsize    scratch_size;
  gpointer state;                      /* what ss_engine_update_item() needs */
} SsProjection;

#define SS_ENGINE_ERROR (ss_engine_error_quark ())

typedef enum
{
  SS_ENGINE_ERROR_NOT_FINITE,          /* a figure came out NaN or infinite */
} SsEngineError;

GQuark        ss_engine_error_quark    (void);

SsProjection *ss_projection_new        (void);
void          ss_projection_free       (SsProjection       *self);
void          ss_projection_copy_into  (SsProjection       *dest,
                                        const SsProjection *src);

void          ss_engine_project        (const SsStudy      *study,
                                        int                 scenario,
                                        const SsProjection *baseline,
                                        SsProjection       *out);
void          ss_engine_project_cell   (const SsStudy      *study,
                                        int                 strategy,
                                        int                 shock,
                                        const SsProjection *reference,
                                        SsProjection       *out);

void          ss_engine_update_item    (const SsStudy      *study,
                                        const SsProjection *reference,
                                        guint               item,
                                        SsProjection       *p);

gboolean      ss_engine_check_joint_states (const SsStudy  *study,
                                            int             strategy,
                                            int             shock,
                                            char          **message);

/* Every figure of p is a finite number, or null (NAN) only where model.md
 * leaves it undefined: a group's HHI where the group has no share, a
 * portfolio average or spend share in a year without cost, the policy
 * target where none is in force, VaR95 with too many joint states. Else
 * sets a SS_ENGINE_ERROR_NOT_FINITE naming the first figure that is not. */
gboolean      ss_projection_check      (const SsStudy      *study,
                                        const SsProjection *p,
                                        GError            **error);

double        ss_engine_landed_unit    (const SsSource     *source,
                                        const double       *file_country,
                                        const double       *country);
void          ss_engine_effective_country (const SsStudy   *study,
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
