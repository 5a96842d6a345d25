/* ss-engine-check.c: checks that a projection is whole and consistent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ss_projection_check() walks every series of a projection and fails,
 * naming the projection, the item or series and the year, on a value
 * that is infinite, or NaN where model.md does not allow a null (each
 * series has its rule of when it may be null). The report checks every
 * projection before it writes one figure of it; tests/test-finite.c
 * drives it with extreme studies.
 */

#define G_LOG_DOMAIN "supplyshift-engine"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-engine.h"

typedef struct
{
  const SsStudy      *study;
  const SsProjection *p;
  GError            **error;
  int                 group_of[SS_MAX_COUNTRIES];
} Check;

/* May values[t] be null? */
typedef gboolean (*NullRule) (const Check *k,
                              guint        row,
                              guint        t);

static gboolean
never_null (const Check *k,
            guint        row,
            guint        t)
{
  return FALSE;
}

/* A year without purchase cost has no weights and no spend. */
static gboolean
null_without_cost (const Check *k,
                   guint        row,
                   guint        t)
{
  return !(k->p->total_cost_purchase[t] > 0);
}

/* Also null with no foreign country at all. */
static gboolean
null_without_cost_or_foreign (const Check *k,
                              guint        row,
                              guint        t)
{
  return null_without_cost (k, row, t) || k->p->n_countries < 2;
}

static gboolean
null_without_policy_target (const Check *k,
                            guint        row,
                            guint        t)
{
  return isnan (ss_study_policy_target_at (k->study, ss_study_get_meta (k->study)->base_year + (int)t));
}

static gboolean
null_with_too_many_states (const Check *k,
                           guint        row,
                           guint        t)
{
  return k->p->too_many_states;
}

/* row = item × n_groups + group */
static gboolean
null_without_group_share (const Check *k,
                          guint        row,
                          guint        t)
{
  const SsProjection *p = k->p;
  guint item = row / p->n_groups;
  double sum = 0;

  for (guint c = 0; c < p->n_countries; c++)
    if (k->group_of[c] == (int)(row % p->n_groups))
      sum += p->share[ss_projection_at (p, item * p->n_countries + c, t)];
  return !(sum > 0);
}

/* row = group */
static gboolean
null_without_group_weight (const Check *k,
                           guint        row,
                           guint        t)
{
  const SsProjection *p = k->p;
  double weight = 0;

  for (guint i = 0; i < p->n_items; i++)
    if (!isnan (p->group_hhi[ss_projection_at (p, i * p->n_groups + row, t)]))
      weight += p->cost[ss_projection_at (p, i, t)];
  return !(weight > 0);
}

/* "baseline", the scenario's id, or "S+K" for a cell of the stress grid. */
static char *
projection_name (const SsStudy      *study,
                 const SsProjection *p)
{
  const char *strategy = p->scenario == SS_BASELINE ? "baseline"
                                                    : ss_study_get_scenario (study, p->scenario)->id;

  if (p->shock == SS_NO_SHOCK)
    return g_strdup (strategy);
  return g_strconcat (strategy, "+", ss_study_get_scenario (study, p->shock)->id, NULL);
}

static gboolean
check_rows (const Check  *k,
            const char   *name,
            const double *values,
            guint         n_rows,
            guint         per_item,        /* rows per item; 0 for portfolio series */
            NullRule      may_be_null)
{
  const SsProjection *p = k->p;

  for (guint row = 0; row < n_rows; row++)
    for (guint t = 0; t < p->n_years; t++)
      {
        double v = values[ss_projection_at (p, row, t)];
        g_autofree char *scenario = NULL;
        int year;

        if (isfinite (v) || (isnan (v) && may_be_null (k, row, t)))
          continue;

        scenario = projection_name (k->study, p);
        year = ss_study_get_meta (k->study)->base_year + (int)t;
        if (per_item > 0)
          /* Translators: "scenario china-plus-one: item 282520: cost in 2031 is infinite,
           * not a number (…)"; the third %s is "NaN" or "infinite" */
          g_set_error (k->error, SS_ENGINE_ERROR, SS_ENGINE_ERROR_NOT_FINITE,
                       _("scenario %s: item %s: %s in %d is %s, not a number (a bug: please "
                         "report it with the study)"), scenario,
                       ss_study_get_item (k->study, row / per_item)->code, _(name), year,
                       isnan (v) ? "NaN" : _("infinite"));
        else
          /* Translators: "scenario baseline: portfolio HHI in 2031 is NaN, not a number (…)" */
          g_set_error (k->error, SS_ENGINE_ERROR, SS_ENGINE_ERROR_NOT_FINITE,
                       _("scenario %s: portfolio %s in %d is %s, not a number (a bug: please "
                         "report it with the study)"), scenario, _(name), year,
                       isnan (v) ? "NaN" : _("infinite"));
        return FALSE;
      }
  return TRUE;
}

gboolean
ss_projection_check (const SsStudy       *study,
                     const SsProjection  *p,
                     GError             **error)
{
  Check k = { study, p, error, { 0 } };
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  guint ni = p->n_items, nc = p->n_countries, ng = p->n_groups;
  const struct
  {
    const char   *name;
    const double *values;
    guint         rows;
    guint         per_item;
    NullRule      rule;
  } series[] = {
    { N_("share"), p->share, ni * nc, nc, never_null },
    { N_("spend"), p->spend, ni * nc, nc, never_null },
    { N_("cost"), p->cost, ni, 1, never_null },
    { N_("switching cost"), p->switching, ni, 1, never_null },
    { N_("subsidy"), p->subsidy, ni, 1, never_null },
    { N_("HHI"), p->hhi, ni, 1, never_null },
    { N_("supply risk"), p->supply_risk, ni, 1, never_null },
    { N_("group HHI"), p->group_hhi, ni * ng, ng, null_without_group_share },
    { N_("expected shortfall"), p->expected_shortfall, ni, 1, never_null },
    { N_("probability of a shortfall over 10 %"), p->p_shortfall_10, ni, 1, never_null },
    { N_("cost"), p->total_cost_purchase, 1, 0, never_null },
    { N_("switching cost"), p->total_switching, 1, 0, never_null },
    { N_("subsidy"), p->total_subsidy, 1, 0, never_null },
    { N_("total cost"), p->total_cost, 1, 0, never_null },
    { N_("cost premium"), p->cost_premium, 1, 0, never_null },
    { N_("HHI"), p->portfolio_hhi, 1, 0, null_without_cost },
    { N_("supply risk"), p->portfolio_supply_risk, 1, 0, null_without_cost },
    { N_("group HHI"), p->portfolio_group_hhi, ng, 0, null_without_group_weight },
    { N_("spend share"), p->spend_share, nc, 0, null_without_cost },
    { N_("largest foreign spend share"), p->max_foreign_spend_share, 1, 0, null_without_cost_or_foreign },
    { N_("expected shortfall impact"), p->expected_shortfall_impact, 1, 0, never_null },
    { N_("VaR95 shortfall impact"), p->var95_shortfall_impact, 1, 0, null_with_too_many_states },
    { N_("policy target"), p->policy_target, 1, 0, null_without_policy_target },
  };

  g_return_val_if_fail (SS_IS_STUDY ((gpointer)study), FALSE);
  g_return_val_if_fail (p != NULL && p->block != NULL, FALSE);

  ss_study_get_groups (study, groups);
  for (guint c = 0; c < nc; c++)
    {
      const char *group = ss_study_get_country (study, c)->group;

      k.group_of[c] = -1;
      for (guint g = 0; group != NULL && g < groups->len; g++)
        if (strcmp (g_ptr_array_index (groups, g), group) == 0)
          k.group_of[c] = g;
    }

  for (guint k2 = 0; k2 < G_N_ELEMENTS (series); k2++)
    if (!check_rows (&k, series[k2].name, series[k2].values, series[k2].rows, series[k2].per_item,
                     series[k2].rule))
      return FALSE;

  if (!isfinite (p->npv_cost_premium) || !isfinite (p->npv_subsidy))
    {
      g_autofree char *scenario = projection_name (study, p);

      g_set_error (error, SS_ENGINE_ERROR, SS_ENGINE_ERROR_NOT_FINITE,
                   isfinite (p->npv_cost_premium)
                   ? _("scenario %s: the net present value of the subsidy is not a number (a bug: "
                       "please report it with the study)")
                   : _("scenario %s: the net present value of the cost premium is not a number (a "
                       "bug: please report it with the study)"), scenario);
      return FALSE;
    }
  return TRUE;
}
