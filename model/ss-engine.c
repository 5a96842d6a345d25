/* ss-engine.c: projects a scenario of a study, year by year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This runs on every slider move, so it allocates nothing once the
 * projection has the right size, and the disruption figures, which model.md
 * asks to be exact over all 2^|C| sets of disrupted countries, are built
 * subset by subset: the days lost for a set are the days lost for the set
 * without its lowest country plus that country's, one addition per set.
 */

#define G_LOG_DOMAIN "supplyshift-engine"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-attrs.h"
#include "ss-engine.h"

#define ALERT_EPSILON 1e-9

SsProjection *
ss_projection_new (void)
{
  SsProjection *self = g_new0 (SsProjection, 1);

  self->scenario = SS_BASELINE;
  return self;
}

void
ss_projection_free (SsProjection *self)
{
  if (self == NULL)
    return;
  g_free (self->block);
  g_free (self->scratch);
  g_free (self);
}

const char *
ss_alert_level_to_string (SsAlertLevel level)
{
  static const char *names[] = { "none", "watch", "warning", "critical" };

  g_return_val_if_fail (level <= SS_ALERT_CRITICAL, "none");
  return names[level];
}

/* Lays every array out in one block, reused while the shape stays the same. */
static void
projection_resize (SsProjection *p,
                   guint         n_items,
                   guint         n_countries,
                   guint         n_groups,
                   guint         n_years)
{
  gsize ni = n_items, nc = n_countries, ng = n_groups, ny = n_years;
  gsize doubles = ny * (ni * (2 * nc + ng + 7) + 9 + ng + nc);
  gsize ints = ny * (ni + 4);
  gsize size = doubles * sizeof (double) + ints * sizeof (int) + ni * ny;
  double *d;
  int *k;

  if (p->block != NULL && p->block_size == size && p->n_items == n_items
      && p->n_countries == n_countries && p->n_groups == n_groups && p->n_years == n_years)
    return;

  g_free (p->block);
  p->block = g_malloc0 (size);
  p->block_size = size;
  p->n_items = n_items;
  p->n_countries = n_countries;
  p->n_groups = n_groups;
  p->n_years = n_years;

  d = p->block;
#define TAKE(field, rows) (p->field = d, d += (rows) * ny)
  TAKE (share, ni * nc);
  TAKE (spend, ni * nc);
  TAKE (group_hhi, ni * ng);
  TAKE (cost, ni);
  TAKE (switching, ni);
  TAKE (subsidy, ni);
  TAKE (hhi, ni);
  TAKE (supply_risk, ni);
  TAKE (expected_shortfall, ni);
  TAKE (p_shortfall_10, ni);
  TAKE (total_cost_purchase, 1);
  TAKE (total_switching, 1);
  TAKE (total_subsidy, 1);
  TAKE (total_cost, 1);
  TAKE (cost_premium, 1);
  TAKE (portfolio_hhi, 1);
  TAKE (portfolio_supply_risk, 1);
  TAKE (expected_shortfall_impact, 1);
  TAKE (var95_shortfall_impact, 1);
  TAKE (portfolio_group_hhi, ng);
  TAKE (spend_share, nc);
#undef TAKE
  k = (int *)d;
  p->top_country = k;
  k += ni * ny;
  p->alert_count = k;
  k += 4 * ny;
  p->alert = (guint8 *)k;
}

/* Makes dest hold the same figures as src, reusing dest's memory when the
 * shape is the same: the layout follows from the shape, so one copy of
 * the block carries every array. */
void
ss_projection_copy_into (SsProjection       *dest,
                         const SsProjection *src)
{
  g_return_if_fail (dest != NULL && src != NULL && src->block != NULL);

  projection_resize (dest, src->n_items, src->n_countries, src->n_groups, src->n_years);
  memcpy (dest->block, src->block, src->block_size);
  dest->scenario = src->scenario;
  dest->npv_cost_premium = src->npv_cost_premium;
  dest->npv_subsidy = src->npv_subsidy;
}

static void *
projection_scratch (SsProjection *p,
                    gsize         size)
{
  if (p->scratch_size < size)
    {
      g_free (p->scratch);
      p->scratch = g_malloc (size);
      p->scratch_size = size;
    }
  return p->scratch;
}

void
ss_engine_effective_country (SsStudy *study,
                             int      scenario,
                             guint    country,
                             double  *attr)
{
  SsCountry *c = ss_study_get_country (study, country);

  memcpy (attr, c->attr, sizeof c->attr);
  if (scenario != SS_BASELINE)
    {
      SsCountryOverride *ov = ss_scenario_find_override (ss_study_get_scenario (study, scenario),
                                                         country);

      for (guint a = 0; ov != NULL && a < SS_COUNTRY_N_ATTRS; a++)
        if (ov->set & (1u << a))
          attr[a] = ov->attr[a];
    }
}

/* u_ic(0) of model.md §3, k_ic · (1 + τ_ic + ℓ_c): an item's own cost
 * index and tariff for a source win over the country's (scenario) values. */
double
ss_engine_landed_unit (const SsSource *source,
                       const double   *country)
{
  double k = (source->set & (1u << SS_SOURCE_COST_INDEX)) ? source->attr[SS_SOURCE_COST_INDEX]
                                                          : country[SS_COUNTRY_COST_INDEX];
  double tau = (source->set & (1u << SS_SOURCE_TARIFF)) ? source->attr[SS_SOURCE_TARIFF]
                                                        : country[SS_COUNTRY_TARIFF];

  return k * (1 + tau + country[SS_COUNTRY_LOGISTICS]);
}

/* model.md §2: desired path toward the targets, rises capped by the ramps,
 * falls scaled down by the same proportion so the shares keep summing to 1. */
static void
share_path (guint         nc,
            guint         ny,
            const double *base,
            const double *target,
            const double *ramp,
            double        transition,
            double       *share,          /* [c][t] */
            double       *delta)          /* nc scratch */
{
  for (guint c = 0; c < nc; c++)
    share[c * ny] = base[c];

  for (guint t = 1; t < ny; t++)
    {
      double f = MIN (1.0, t / transition);
      double rises = 0, falls = 0;

      for (guint c = 0; c < nc; c++)
        {
          double desired = base[c] + (target[c] - base[c]) * f;

          delta[c] = desired - share[c * ny + t - 1];
          if (delta[c] > 0)
            rises += MIN (delta[c], ramp[c]);
          else if (delta[c] < 0)
            falls += -delta[c];
        }

      for (guint c = 0; c < nc; c++)
        {
          double prev = share[c * ny + t - 1];

          if (delta[c] > 0)
            share[c * ny + t] = prev + MIN (delta[c], ramp[c]);
          else if (delta[c] < 0 && falls > 0)
            share[c * ny + t] = prev + delta[c] * rises / falls;
          else
            share[c * ny + t] = prev;
        }
    }
}

typedef struct
{
  double loss;
  double p;
} Outcome;

static int
outcome_compare (gconstpointer a,
                 gconstpointer b)
{
  double x = ((const Outcome *)a)->loss, y = ((const Outcome *)b)->loss;

  return (x > y) - (x < y);
}

/* x_i(D) of model.md §4 for every set D of the countries that can be
 * disrupted, with the item's expected shortfall and P(x > 10 %). */
static void
shortfall_sets (guint         n_active,
                guint         n_sets,
                const guint  *active,
                const double *share,         /* share[c * stride] for year t */
                guint         stride,
                const double *loss_rate,
                double        stock,
                const double *set_p,
                double       *x,
                double       *es_out,
                double       *p10_out)
{
  double es[4] = { 0 }, p10[4] = { 0 };
  guint n_real_sets = 1u << n_active;

  /* Days lost beyond the stock, by doubling: the sets with country k are
   * the sets without it plus k's days. */
  x[0] = -stock;
  for (guint k = 0; k < n_active; k++)
    {
      double days = share[active[k] * stride] * loss_rate[active[k]];
      guint half = 1u << k;

      for (guint mask = 0; mask < half; mask++)
        x[half + mask] = x[mask] + days;
    }
  for (guint mask = n_real_sets; mask < n_sets; mask++)
    x[mask] = -stock;

  /* Four partial sums in separate variables, so the compiler can keep
   * them in vector registers; n_sets is padded to a multiple of 4 with
   * impossible sets (P = 0, no loss). */
  for (guint mask = 0; mask < n_sets; mask += 4)
    {
      for (guint j = 0; j < 4; j++)
        {
          x[mask + j] = MAX (0, x[mask + j]) / 365;
          es[j] += set_p[mask + j] * x[mask + j];
          p10[j] += x[mask + j] > 0.10 ? set_p[mask + j] : 0;
        }
    }
  *es_out = (es[0] + es[1]) + (es[2] + es[3]);
  *p10_out = (p10[0] + p10[1]) + (p10[2] + p10[3]);
}

void
ss_engine_project (SsStudy            *study,
                   int                 scenario,
                   const SsProjection *baseline,
                   SsProjection       *out)
{
  SsMeta *meta = ss_study_get_meta (study);
  SsScenario *sc = scenario == SS_BASELINE ? NULL : ss_study_get_scenario (study, scenario);
  guint nc = ss_study_get_n_countries (study);
  guint ni = ss_study_get_n_items (study);
  guint ny = meta->horizon + 1;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(SsProjection) own_baseline = NULL;
  double eff[SS_MAX_COUNTRIES][SS_COUNTRY_N_ATTRS];
  double ramp[SS_MAX_COUNTRIES], growth_pow[SS_MAX_COUNTRIES][SS_MAX_HORIZON + 1];
  int group_of[SS_MAX_COUNTRIES];
  guint active[SS_MAX_COUNTRIES], n_active = 0;
  double base[SS_MAX_COUNTRIES], target[SS_MAX_COUNTRIES], unit[SS_MAX_COUNTRIES];
  double delta[SS_MAX_COUNTRIES], spend[SS_MAX_COUNTRIES][SS_MAX_HORIZON + 1];
  double weight_sum[SS_MAX_HORIZON + 1];
  double *set_p, *shortfall, *impact;
  Outcome *outcomes;
  guint n_sets, n_real_sets;

  g_return_if_fail (SS_IS_STUDY (study));
  g_return_if_fail (nc <= SS_MAX_COUNTRIES && ny <= SS_MAX_HORIZON + 1);

  ss_study_get_groups (study, groups);
  projection_resize (out, ni, nc, groups->len, ny);
  out->scenario = scenario;

  for (guint c = 0; c < nc; c++)
    {
      SsCountry *country = ss_study_get_country (study, c);

      ss_engine_effective_country (study, scenario, c, eff[c]);
      ramp[c] = eff[c][SS_COUNTRY_RAMP];
      for (guint t = 0; t < ny; t++)
        growth_pow[c][t] = pow (1 + eff[c][SS_COUNTRY_COST_GROWTH], t);
      group_of[c] = -1;
      for (guint g = 0; country->group != NULL && g < groups->len; g++)
        if (strcmp (g_ptr_array_index (groups, g), country->group) == 0)
          group_of[c] = g;
      /* A country that is never disrupted adds nothing to any set. */
      if (eff[c][SS_COUNTRY_DISRUPTION_PROBABILITY] > 0)
        active[n_active++] = c;
      memset (spend[c], 0, sizeof spend[c]);
    }

  /* P(D) for every set D of the countries that can be disrupted. */
  n_real_sets = 1u << n_active;
  n_sets = MAX (4, n_real_sets);
  set_p = projection_scratch (out, (2 * n_sets + ny * n_sets) * sizeof (double)
                                   + n_sets * sizeof (Outcome));
  shortfall = set_p + n_sets;
  impact = shortfall + n_sets;                                  /* L(D) per year */
  outcomes = (Outcome *)(impact + ny * n_sets);
  for (guint mask = 0; mask < n_sets; mask++)
    {
      double p = 1;

      for (guint k = 0; k < n_active; k++)
        {
          double pc = eff[active[k]][SS_COUNTRY_DISRUPTION_PROBABILITY];

          p *= (mask & (1u << k)) ? pc : 1 - pc;
        }
      set_p[mask] = mask < n_real_sets ? p : 0;
    }
  memset (impact, 0, ny * n_sets * sizeof (double));

  memset (out->total_cost_purchase, 0, ny * sizeof (double));
  memset (out->total_switching, 0, ny * sizeof (double));
  memset (out->total_subsidy, 0, ny * sizeof (double));
  memset (out->portfolio_hhi, 0, ny * sizeof (double));
  memset (out->portfolio_supply_risk, 0, ny * sizeof (double));
  memset (out->expected_shortfall_impact, 0, ny * sizeof (double));
  memset (out->alert_count, 0, 4 * ny * sizeof (int));

  for (guint i = 0; i < ni; i++)
    {
      SsItem *item = ss_study_get_item (study, i);
      const double *targets = sc != NULL ? sc->targets[i] : NULL;
      double *share = &out->share[(gsize)i * nc * ny];
      double value = item->attr[SS_ITEM_VALUE];
      double g = item->attr[SS_ITEM_GROWTH];
      double risk_scale = item->attr[SS_ITEM_SUBSTITUTABILITY] * (1 - item->attr[SS_ITEM_RECYCLING]);
      double stock = item->attr[SS_ITEM_STOCKPILE_DAYS];
      double base_unit = 0, volume;
      double switching = sc != NULL ? sc->switching_cost : 0;
      double subsidy = sc != NULL ? sc->subsidy : 0;
      double transition = sc != NULL ? sc->transition_years : 1;
      double weight[SS_MAX_COUNTRIES], loss_rate[SS_MAX_COUNTRIES];
      gboolean have_shortfall = FALSE;

      if (sc != NULL && !isnan (sc->stockpile[i]))
        stock = sc->stockpile[i];
      else if (sc != NULL && sc->has_stockpile_all)
        stock = sc->stockpile_all;

      for (guint c = 0; c < nc; c++)
        {
          const SsSource *src = &item->sources[c];

          base[c] = src->attr[SS_SOURCE_SHARE];
          target[c] = targets != NULL ? targets[c] : base[c];
          unit[c] = ss_engine_landed_unit (src, eff[c]);
          base_unit += base[c] * unit[c];
          weight[c] = eff[c][SS_COUNTRY_GOVERNANCE] * src->attr[SS_SOURCE_TRADE_FACTOR];
          loss_rate[c] = eff[c][SS_COUNTRY_DISRUPTION_SEVERITY] * eff[c][SS_COUNTRY_DISRUPTION_DAYS];
        }
      volume = value / base_unit;

      share_path (nc, ny, base, target, ramp, transition, share, delta);

      for (guint t = 0; t < ny; t++)
        {
          gsize it = (gsize)i * ny + t;
          double demand_growth = pow (1 + g, t);
          double demand = volume * demand_growth;
          double unit_sum = 0, sq = 0, risk = 0, moved = 0, top_share = -1, days_all = 0;
          double group_sum[SS_MAX_COUNTRIES] = { 0 }, group_sq[SS_MAX_COUNTRIES] = { 0 };
          double x_es = 0, x_p10 = 0;
          int top = -1;
          SsAlertLevel level = SS_ALERT_NONE;

          for (guint c = 0; c < nc; c++)
            {
              double s = share[c * ny + t];
              double u = unit[c] * growth_pow[c][t];

              unit_sum += s * u;
              out->spend[((gsize)i * nc + c) * ny + t] = demand * s * u;
              spend[c][t] += demand * s * u;
              sq += s * s;
              risk += s * s * weight[c];
              if (t > 0)
                moved += MAX (0, s - share[c * ny + t - 1]);
              if (c != meta->home && s > top_share)
                top_share = s, top = c;
              if (group_of[c] >= 0)
                {
                  group_sum[group_of[c]] += s;
                  group_sq[group_of[c]] += s * s;
                }
              days_all += s * loss_rate[c];
            }

          out->cost[it] = demand * unit_sum;
          out->switching[it] = switching * moved * value * demand_growth;
          out->subsidy[it] = subsidy * out->switching[it];
          out->hhi[it] = 10000 * sq;
          out->supply_risk[it] = risk * risk_scale;
          out->top_country[it] = top;

          for (guint gi = 0; gi < groups->len; gi++)
            out->group_hhi[((gsize)i * groups->len + gi) * ny + t] =
              group_sum[gi] > 0 ? 10000 * group_sq[gi] / (group_sum[gi] * group_sum[gi]) : NAN;

          for (int l = SS_ALERT_CRITICAL; l >= SS_ALERT_WATCH && top >= 0; l--)
            if (top_share >= meta->threshold[l - 1] - ALERT_EPSILON)
              {
                level = l;
                break;
              }
          out->alert[it] = level;
          out->alert_count[level * ny + t]++;

          /* The disrupted sets. When even losing every country at once
           * cannot outlast the stockpile, every shortfall is zero. */
          if (days_all > stock)
            {
              double *set_impact = &impact[t * n_sets];
              double cost_impact = out->cost[it] * item->attr[SS_ITEM_IMPACT];
              gboolean same = t > 0 && have_shortfall;

              for (guint k = 0; k < n_active && same; k++)
                same = share[active[k] * ny + t] == share[active[k] * ny + t - 1];

              /* Shares that did not move since last year lose the same
               * days in every set: only the cost they weigh changes. */
              if (same)
                {
                  x_es = out->expected_shortfall[it - 1];
                  x_p10 = out->p_shortfall_10[it - 1];
                }
              else
                {
                  shortfall_sets (n_active, n_sets, active, &share[t], ny, loss_rate, stock, set_p,
                                  shortfall, &x_es, &x_p10);
                  have_shortfall = TRUE;
                }
              for (guint mask = 0; mask < n_sets; mask++)
                set_impact[mask] += shortfall[mask] * cost_impact;
            }
          else
            have_shortfall = FALSE;
          out->expected_shortfall[it] = x_es;
          out->p_shortfall_10[it] = x_p10;
        }
    }

  /* Portfolio figures, weighted by each item's purchase cost. */
  for (guint t = 0; t < ny; t++)
    {
      double spend_total = 0;

      weight_sum[t] = 0;
      for (guint i = 0; i < ni; i++)
        weight_sum[t] += out->cost[(gsize)i * ny + t];
      for (guint c = 0; c < nc; c++)
        spend_total += spend[c][t];
      for (guint c = 0; c < nc; c++)
        out->spend_share[c * ny + t] = spend_total > 0 ? spend[c][t] / spend_total : NAN;
    }

  for (guint i = 0; i < ni; i++)
    for (guint t = 0; t < ny; t++)
      {
        gsize it = (gsize)i * ny + t;
        double w = weight_sum[t] > 0 ? out->cost[it] / weight_sum[t] : 0;

        out->total_cost_purchase[t] += out->cost[it];
        out->total_switching[t] += out->switching[it];
        out->total_subsidy[t] += out->subsidy[it];
        out->portfolio_hhi[t] += w * out->hhi[it];
        out->portfolio_supply_risk[t] += w * out->supply_risk[it];
        out->expected_shortfall_impact[t] +=
          out->cost[it] * ss_study_get_item (study, i)->attr[SS_ITEM_IMPACT] * out->expected_shortfall[it];
      }

  for (guint gi = 0; gi < groups->len; gi++)
    for (guint t = 0; t < ny; t++)
      {
        double sum = 0, wsum = 0;

        for (guint i = 0; i < ni; i++)
          {
            double h = out->group_hhi[((gsize)i * groups->len + gi) * ny + t];
            double w = out->cost[(gsize)i * ny + t];

            if (!isnan (h))
              sum += w * h, wsum += w;
          }
        out->portfolio_group_hhi[gi * ny + t] = wsum > 0 ? sum / wsum : NAN;
      }

  /* VaR95: the smallest impact whose cumulative probability reaches 95 %. */
  for (guint t = 0; t < ny; t++)
    {
      double cumulative = 0;

      for (guint mask = 0; mask < n_sets; mask++)
        outcomes[mask] = (Outcome) { impact[t * n_sets + mask], set_p[mask] };
      qsort (outcomes, n_sets, sizeof (Outcome), outcome_compare);
      out->var95_shortfall_impact[t] = outcomes[n_sets - 1].loss;
      for (guint k = 0; k < n_sets; k++)
        {
          cumulative += outcomes[k].p;
          /* Sets with the same impact are taken together. */
          if (k + 1 < n_sets && outcomes[k + 1].loss == outcomes[k].loss)
            continue;
          if (cumulative >= 0.95)
            {
              out->var95_shortfall_impact[t] = outcomes[k].loss;
              break;
            }
        }
    }

  for (guint t = 0; t < ny; t++)
    out->total_cost[t] = out->total_cost_purchase[t] + out->total_switching[t] - out->total_subsidy[t];

  if (scenario != SS_BASELINE && baseline == NULL)
    {
      own_baseline = ss_projection_new ();
      ss_engine_project (study, SS_BASELINE, NULL, own_baseline);
      baseline = own_baseline;
    }

  out->npv_cost_premium = 0;
  out->npv_subsidy = 0;
  for (guint t = 0; t < ny; t++)
    {
      double discount = pow (1 + meta->discount_rate, t);

      out->cost_premium[t] = scenario == SS_BASELINE ? 0 : out->total_cost[t] - baseline->total_cost[t];
      out->npv_cost_premium += out->cost_premium[t] / discount;
      out->npv_subsidy += out->total_subsidy[t] / discount;
    }
}
