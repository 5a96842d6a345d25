/* test-reference.c: the engine against a naive reference of model.md v2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference below is written straight from the formulas of model.md,
 * as slowly and literally as they read. The effective values of a source
 * (§1.1) are looked up one by one: the scenario's country value after its
 * overrides, an item's own price moved by the ratio and its own tariff by
 * the difference, the last shock that covers the source. An item's
 * expected shortfall and P10 sum over every one of the 2^|C| subsets of
 * countries with the item's own probabilities (countries with p_ic = 0
 * included, although the spec allows skipping them). VaR95 enumerates the
 * joint states literally: each country's uniform draw is cut at its
 * distinct probabilities into states, every combination of states is
 * visited, the sources each state disrupts are found by comparing p_ic
 * with the cut, the days lost are summed afresh, and the (L, P) pairs are
 * sorted and the definition applied. Nothing is shared with ss-engine.c
 * but the study it reads.
 *
 * It is compared with the engine on a few hundred generated studies, the
 * version-1 kind and the version-2 kind (shocks, shock scenarios, policy
 * targets, price overrides over items' own prices, sources' own
 * disruption values, and every cell of the stress grid), and on
 * hand-written edge cases, every figure to 1e-9 relative (1e-12 absolute
 * near zero), together with properties the spec promises.
 *
 * The random studies use a GRand with a fixed seed per study (not
 * g_test_rand_*, whose seed changes from run to run), so a failure names the
 * seed that reproduces it.
 */

#define G_LOG_DOMAIN "supplyshift-test-reference"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ss-engine.h"
#include "ss-study-file.h"
#include "test-util.h"

#define N_RANDOM_STUDIES 300
#define RANDOM_SEED_BASE 20240601
#define N_RANDOM_V2_STUDIES 200
#define RANDOM_V2_SEED_BASE 20260801
#define MAX_REPORTED_FAILURES 25

/* The reference visits every joint state of every projection: the
 * generated studies are kept under this many. */
#define MAX_REFERENCE_STATES 1024

/* ------------------------------------------------------------------ */
/* The reference projection                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint   nc;
  guint   ni;
  guint   ng;
  guint   ny;

  double *share;                       /* [item][country][year] */
  double *cost;                        /* [item][year], and so on below */
  double *switching;
  double *subsidy;
  double *hhi;
  double *supply_risk;
  double *group_hhi;                   /* [item][group][year]; NAN when null */
  double *expected_shortfall;
  double *p_shortfall_10;
  int    *top;
  int    *alert;
  int    *over_target;
  int    *target_met;                  /* [item]: year index, or -1 */

  double *total_purchase;              /* [year], and so on below */
  double *total_switching;
  double *total_subsidy;
  double *total_cost;
  double *premium;
  double *portfolio_hhi;
  double *portfolio_supply_risk;
  double *portfolio_group_hhi;         /* [group][year]; NAN when null */
  double *spend_share;                 /* [country][year] */
  double *max_foreign_spend;
  double *expected_loss;
  double *joint_expected_loss;         /* Σ_σ P(σ) L(σ), for a property check */
  double *var95;
  double *policy_target;               /* NAN where none */
  int    *alert_count;                 /* [level][year] */
  int    *over_count;
  double  npv_premium;
  double  npv_subsidy;
  guint   n_states;                    /* joint states visited per year */

  /* Inputs as the reference understood them, for the property checks. */
  double  eff[SS_MAX_COUNTRIES][SS_COUNTRY_N_ATTRS];
  double *p;                           /* [item][country]: p_ic, v_ic, d_ic */
  double *v;
  double *d;
} Reference;

static void
reference_free (Reference *ref)
{
  g_free (ref->share);
  g_free (ref->cost);
  g_free (ref->switching);
  g_free (ref->subsidy);
  g_free (ref->hhi);
  g_free (ref->supply_risk);
  g_free (ref->group_hhi);
  g_free (ref->expected_shortfall);
  g_free (ref->p_shortfall_10);
  g_free (ref->top);
  g_free (ref->alert);
  g_free (ref->over_target);
  g_free (ref->target_met);
  g_free (ref->total_purchase);
  g_free (ref->total_switching);
  g_free (ref->total_subsidy);
  g_free (ref->total_cost);
  g_free (ref->premium);
  g_free (ref->portfolio_hhi);
  g_free (ref->portfolio_supply_risk);
  g_free (ref->portfolio_group_hhi);
  g_free (ref->spend_share);
  g_free (ref->max_foreign_spend);
  g_free (ref->expected_loss);
  g_free (ref->joint_expected_loss);
  g_free (ref->var95);
  g_free (ref->policy_target);
  g_free (ref->alert_count);
  g_free (ref->over_count);
  g_free (ref->p);
  g_free (ref->v);
  g_free (ref->d);
  g_free (ref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reference, reference_free)

static Reference *
reference_new (guint nc,
               guint ni,
               guint ng,
               guint ny)
{
  Reference *ref = g_new0 (Reference, 1);

  ref->nc = nc;
  ref->ni = ni;
  ref->ng = ng;
  ref->ny = ny;
  ref->share = g_new0 (double, MAX (1, ni * nc * ny));
  ref->cost = g_new0 (double, MAX (1, ni * ny));
  ref->switching = g_new0 (double, MAX (1, ni * ny));
  ref->subsidy = g_new0 (double, MAX (1, ni * ny));
  ref->hhi = g_new0 (double, MAX (1, ni * ny));
  ref->supply_risk = g_new0 (double, MAX (1, ni * ny));
  ref->group_hhi = g_new0 (double, MAX (1, ni * ng * ny));
  ref->expected_shortfall = g_new0 (double, MAX (1, ni * ny));
  ref->p_shortfall_10 = g_new0 (double, MAX (1, ni * ny));
  ref->top = g_new0 (int, MAX (1, ni * ny));
  ref->alert = g_new0 (int, MAX (1, ni * ny));
  ref->over_target = g_new0 (int, MAX (1, ni * ny));
  ref->target_met = g_new0 (int, MAX (1, ni));
  ref->total_purchase = g_new0 (double, ny);
  ref->total_switching = g_new0 (double, ny);
  ref->total_subsidy = g_new0 (double, ny);
  ref->total_cost = g_new0 (double, ny);
  ref->premium = g_new0 (double, ny);
  ref->portfolio_hhi = g_new0 (double, ny);
  ref->portfolio_supply_risk = g_new0 (double, ny);
  ref->portfolio_group_hhi = g_new0 (double, MAX (1, ng * ny));
  ref->spend_share = g_new0 (double, MAX (1, nc * ny));
  ref->max_foreign_spend = g_new0 (double, ny);
  ref->expected_loss = g_new0 (double, ny);
  ref->joint_expected_loss = g_new0 (double, ny);
  ref->var95 = g_new0 (double, ny);
  ref->policy_target = g_new0 (double, ny);
  ref->alert_count = g_new0 (int, 4 * ny);
  ref->over_count = g_new0 (int, ny);
  ref->p = g_new0 (double, MAX (1, ni * nc));
  ref->v = g_new0 (double, MAX (1, ni * nc));
  ref->d = g_new0 (double, MAX (1, ni * nc));
  return ref;
}

/* Index of [row][year] and of [row][sub][year]. */
static inline gsize
at2 (const Reference *ref,
     guint            row,
     guint            year)
{
  return (gsize)row * ref->ny + year;
}

static inline gsize
at3 (const Reference *ref,
     guint            row,
     guint            sub,
     guint            n_sub,
     guint            year)
{
  return ((gsize)row * n_sub + sub) * ref->ny + year;
}

/* A strategy S and a shock K (model.md §8); a scenario on its own is S
 * with no K, the baseline has neither. */
typedef struct
{
  SsStudy    *study;
  SsScenario *strategy;
  SsScenario *shock;
} RefCombo;

static RefCombo
ref_combo (SsStudy *study,
           int      strategy,
           int      shock)
{
  RefCombo rc = {
    study,
    strategy == SS_BASELINE ? NULL : ss_study_get_scenario (study, strategy),
    shock == SS_NO_SHOCK ? NULL : ss_study_get_scenario (study, shock),
  };

  return rc;
}

/* The scenario's value of one country attribute, x_c^s: the country's own,
 * then S's override, then K's (model.md §1, §8). */
static double
ref_country_attr (const RefCombo *rc,
                  guint           country,
                  SsCountryAttr   attr)
{
  SsScenario *scenarios[] = { rc->strategy, rc->shock };
  double value = ss_study_get_country (rc->study, country)->attr[attr];

  for (guint k = 0; k < G_N_ELEMENTS (scenarios); k++)
    for (guint o = 0; scenarios[k] != NULL && o < scenarios[k]->overrides->len; o++)
      {
        SsCountryOverride *ov = &g_array_index (scenarios[k]->overrides, SsCountryOverride, o);

        if (ov->country == country && (ov->set & (1u << attr)) != 0)
          value = ov->attr[attr];
      }
  return value;
}

/* K_i of S ⊕ K written out as one scenario: its per-item stockpiles are
 * K's where K gives one, else S's; its all-items value likewise; and in a
 * scenario a per-item stockpile beats the all-items one, which beats the
 * item's own stockpile-days. */
static double
ref_stockpile (const RefCombo *rc,
               guint           item)
{
  SsScenario *scenarios[] = { rc->strategy, rc->shock };
  double per_item = NAN, all_items = NAN;

  for (guint k = 0; k < G_N_ELEMENTS (scenarios); k++)
    {
      if (scenarios[k] == NULL)
        continue;
      if (!isnan (scenarios[k]->stockpile[item]))
        per_item = scenarios[k]->stockpile[item];
      if (scenarios[k]->has_stockpile_all)
        all_items = scenarios[k]->stockpile_all;
    }
  if (!isnan (per_item))
    return per_item;
  if (!isnan (all_items))
    return all_items;
  return ss_study_get_item (rc->study, item)->attr[SS_ITEM_STOCKPILE_DAYS];
}

/* p_ic, v_ic or d_ic (§1.1): the value of the last shock of S, then K,
 * that covers the source and sets it; else the source's own; else the
 * country's value in the scenario. */
static double
ref_disruption (const RefCombo *rc,
                const double   *eff,
                guint           item,
                guint           country,
                SsDisruption    which)
{
  SsScenario *scenarios[] = { rc->strategy, rc->shock };
  const SsSource *src = &ss_study_get_item (rc->study, item)->sources[country];
  double value = NAN;

  for (guint k = 0; k < G_N_ELEMENTS (scenarios); k++)
    for (guint s = 0; scenarios[k] != NULL && s < scenarios[k]->shocks->len; s++)
      {
        SsShock *shock = &g_array_index (scenarios[k]->shocks, SsShock, s);
        gboolean covers = shock->items == NULL;

        for (guint j = 0; j < shock->n_items && !covers; j++)
          covers = shock->items[j] == item;
        if (shock->country == country && covers && (shock->set & (1u << which)))
          value = shock->value[which];
      }
  if (!isnan (value))
    return value;
  if (src->set & (1u << (SS_SOURCE_DISRUPTION_PROBABILITY + which)))
    return src->attr[SS_SOURCE_DISRUPTION_PROBABILITY + which];
  return eff[SS_COUNTRY_DISRUPTION_PROBABILITY + which];
}

/* k_ic^s: an item's own index times k_c^s / k_c, else k_c^s. */
static double
ref_source_cost_index (const SsSource *src,
                       const double   *file,
                       const double   *eff)
{
  if (src->set & (1u << SS_SOURCE_COST_INDEX))
    return src->attr[SS_SOURCE_COST_INDEX] * eff[SS_COUNTRY_COST_INDEX] / file[SS_COUNTRY_COST_INDEX];
  return eff[SS_COUNTRY_COST_INDEX];
}

/* τ_ic^s: clamp (τ_ic + τ_c^s − τ_c, 0, 5), else τ_c^s. */
static double
ref_source_tariff (const SsSource *src,
                   const double   *file,
                   const double   *eff)
{
  if (src->set & (1u << SS_SOURCE_TARIFF))
    {
      double tau = src->attr[SS_SOURCE_TARIFF] + eff[SS_COUNTRY_TARIFF] - file[SS_COUNTRY_TARIFF];

      return tau < 0 ? 0 : tau > 5 ? 5 : tau;
    }
  return eff[SS_COUNTRY_TARIFF];
}

/* u_ic(t) = k_ic · (1 + e_c)^t · (1 + τ_ic + ℓ_c), at the values `eff`
 * (the file's own for ū). */
static double
ref_unit_cost (const SsSource *src,
               const double   *file,
               const double   *eff,
               guint           year)
{
  return ref_source_cost_index (src, file, eff)
         * pow (1 + eff[SS_COUNTRY_COST_GROWTH], year)
         * (1 + ref_source_tariff (src, file, eff) + eff[SS_COUNTRY_LOGISTICS]);
}

/* The policy target in force in a calendar year: the one with the latest
 * year up to it, none before the first (model.md §1). */
static double
ref_policy_target (SsStudy *study,
                   int      year)
{
  GArray *targets = ss_study_get_meta (study)->policy_targets;
  int best_year = G_MININT;
  double share = NAN;

  for (guint k = 0; k < targets->len; k++)
    {
      SsPolicyTarget *target = &g_array_index (targets, SsPolicyTarget, k);

      if (target->year <= year && target->year > best_year)
        {
          best_year = target->year;
          share = target->share;
        }
    }
  return share;
}

/* Group labels in the order their first country is declared. */
static void
ref_groups (SsStudy   *study,
            GPtrArray *groups,
            int       *group_of)
{
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    {
      const char *label = ss_study_get_country (study, c)->group;
      int found = -1;

      group_of[c] = -1;
      if (label == NULL)
        continue;
      for (guint g = 0; g < groups->len; g++)
        if (g_str_equal (g_ptr_array_index (groups, g), label))
          found = g;
      if (found < 0)
        {
          g_ptr_array_add (groups, (gpointer)label);
          found = groups->len - 1;
        }
      group_of[c] = found;
    }
}

/* model.md §2, one year at a time; a share within 1e-12 of 0 is 0. */
static void
ref_share_path (Reference    *ref,
                guint         item,
                const double *base,
                const double *target,
                double        transition)
{
  guint nc = ref->nc;

  for (guint c = 0; c < nc; c++)
    ref->share[at3 (ref, item, c, nc, 0)] = fabs (base[c]) < 1e-12 ? 0 : base[c];

  for (guint t = 1; t < ref->ny; t++)
    {
      double delta[SS_MAX_COUNTRIES];
      double allowed_rises = 0, desired_falls = 0;

      for (guint c = 0; c < nc; c++)
        {
          double desired = base[c] + (target[c] - base[c]) * MIN (1.0, t / transition);

          delta[c] = desired - ref->share[at3 (ref, item, c, nc, t - 1)];
        }
      for (guint c = 0; c < nc; c++)
        {
          if (delta[c] > 0)
            allowed_rises += MIN (delta[c], ref->eff[c][SS_COUNTRY_RAMP]);
          desired_falls += MAX (0, -delta[c]);
        }
      for (guint c = 0; c < nc; c++)
        {
          double prev = ref->share[at3 (ref, item, c, nc, t - 1)];
          double next = prev;

          if (delta[c] > 0)
            next = prev + MIN (delta[c], ref->eff[c][SS_COUNTRY_RAMP]);
          else if (delta[c] < 0 && desired_falls > 0)
            next = prev + delta[c] * allowed_rises / desired_falls;
          ref->share[at3 (ref, item, c, nc, t)] = fabs (next) < 1e-12 ? 0 : next;
        }
    }
}

/* model.md §4: the foreign country with the largest share, ties to the one
 * declared first; -1 only when the study has no foreign country at all. A
 * foreign country with a zero share still counts: the spec asks for the
 * largest share, not the largest positive one (alerts on M = 0 are "none"
 * anyway). */
static int
ref_top_country (const double *shares,
                 guint         nc,
                 guint         home)
{
  int top = -1;

  for (guint c = 0; c < nc; c++)
    if (c != home && (top < 0 || shares[c] > shares[top]))
      top = c;
  return top;
}

static int
ref_alert_level (double        m,
                 const double *threshold)
{
  if (m >= threshold[2] - 1e-9)
    return SS_ALERT_CRITICAL;
  if (m >= threshold[1] - 1e-9)
    return SS_ALERT_WARNING;
  if (m >= threshold[0] - 1e-9)
    return SS_ALERT_WATCH;
  return SS_ALERT_NONE;
}

typedef struct
{
  double loss;
  double p;
} Outcome;

static int
outcome_by_loss (gconstpointer a,
                 gconstpointer b)
{
  double x = ((const Outcome *)a)->loss;
  double y = ((const Outcome *)b)->loss;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* VaR95 = the smallest L(σ) such that Σ_{σ' : L(σ') ≤ L(σ)} P(σ') ≥
 * 0.95 − 1e-12. After sorting, the sum for L(σ) runs up to the last pair
 * whose loss equals L(σ). */
static double
ref_var95 (Outcome *outcomes,
           guint    n)
{
  double cumulative = 0;

  qsort (outcomes, n, sizeof (Outcome), outcome_by_loss);
  for (guint k = 0; k < n; k++)
    {
      guint last = k;
      double through_last = cumulative;

      while (last + 1 < n && outcomes[last + 1].loss == outcomes[k].loss)
        last++;
      for (guint j = k; j <= last; j++)
        through_last += outcomes[j].p;
      if (through_last >= 0.95 - 1e-12)
        return outcomes[k].loss;
      cumulative = through_last;
      k = last;
    }
  g_error ("the probabilities of the joint states sum to %.17g, below 0.95", cumulative);
}

/* One country's distinct positive p_ic over the study's items, ascending:
 * the cuts of its uniform draw. Returns how many. */
static guint
ref_cuts (const Reference *ref,
          guint            country,
          double          *q)
{
  guint m = 0;

  for (guint i = 0; i < ref->ni; i++)
    {
      double p = ref->p[i * ref->nc + country];
      gboolean seen = FALSE;

      for (guint k = 0; k < m; k++)
        seen |= q[k] == p;
      if (p > 0 && !seen)
        q[m++] = p;
    }
  /* Insertion sort: a handful of values. */
  for (guint a = 1; a < m; a++)
    for (guint b = a; b > 0 && q[b - 1] > q[b]; b--)
      {
        double tmp = q[b];

        q[b] = q[b - 1];
        q[b - 1] = tmp;
      }
  return m;
}

/* x_i(D) for the set D of countries, given as flags. */
static double
ref_shortfall (const Reference *ref,
               guint            item,
               guint            year,
               const gboolean  *disrupted,
               double           stockpile)
{
  double lost = 0;

  for (guint c = 0; c < ref->nc; c++)
    if (disrupted[c])
      lost += ref->share[at3 (ref, item, c, ref->nc, year)]
              * ref->v[item * ref->nc + c] * ref->d[item * ref->nc + c];
  return MAX (0, lost - stockpile) / 365;
}

/* model.md §4 for one year: every item's 2^|C| sets with its own
 * probabilities, then every joint state of the countries. */
static void
ref_disruptions (Reference    *ref,
                 guint         year,
                 const double *stockpile,
                 const double *impact)
{
  guint nc = ref->nc, ni = ref->ni, n_sets = 1u << nc;
  double cuts[SS_MAX_COUNTRIES][64];
  guint m[SS_MAX_COUNTRIES], state[SS_MAX_COUNTRIES] = { 0 };
  g_autoptr(GArray) outcomes = g_array_new (FALSE, FALSE, sizeof (Outcome));
  double expected_loss = 0, joint_expected_loss = 0;
  guint n_states = 1;

  for (guint i = 0; i < ni; i++)
    {
      double es = 0, p10 = 0;

      for (guint set = 0; set < n_sets; set++)
        {
          gboolean disrupted[SS_MAX_COUNTRIES];
          double p = 1, x;

          for (guint c = 0; c < nc; c++)
            {
              double pc = ref->p[i * nc + c];

              disrupted[c] = (set & (1u << c)) != 0;
              p *= disrupted[c] ? pc : 1 - pc;
            }
          x = ref_shortfall (ref, i, year, disrupted, stockpile[i]);
          es += p * x;
          if (x > 0.10)
            p10 += p;
        }
      ref->expected_shortfall[at2 (ref, i, year)] = es;
      ref->p_shortfall_10[at2 (ref, i, year)] = p10;
      expected_loss += impact[i] * ref->cost[at2 (ref, i, year)] * es;
    }
  ref->expected_loss[year] = expected_loss;

  for (guint c = 0; c < nc; c++)
    {
      g_assert_cmpuint (ni, <=, G_N_ELEMENTS (cuts[c]));
      m[c] = ref_cuts (ref, c, cuts[c]);
      n_states *= m[c] + 1;
    }
  g_assert_cmpuint (n_states, <=, 8 * MAX_REFERENCE_STATES);
  ref->n_states = n_states;

  /* Every joint state: country c is in state j when its draw U_c lies in
   * [q_j, q_j+1), q_0 = 0, q_m+1 = 1; the source (i, c) is disrupted when
   * p_ic ≥ q_j+1 (never in state m). */
  for (guint visited = 0; visited < n_states; visited++)
    {
      double p = 1, loss = 0;

      for (guint c = 0; c < nc; c++)
        {
          double lo = state[c] == 0 ? 0 : cuts[c][state[c] - 1];
          double hi = state[c] == m[c] ? 1 : cuts[c][state[c]];

          p *= hi - lo;
        }
      for (guint i = 0; i < ni; i++)
        {
          gboolean disrupted[SS_MAX_COUNTRIES];

          for (guint c = 0; c < nc; c++)
            disrupted[c] = state[c] < m[c] && ref->p[i * nc + c] >= cuts[c][state[c]];
          loss += ref_shortfall (ref, i, year, disrupted, stockpile[i])
                  * ref->cost[at2 (ref, i, year)] * impact[i];
        }
      g_array_append_val (outcomes, ((Outcome) { loss, p }));
      joint_expected_loss += p * loss;

      /* The next combination of states, the first country fastest. */
      for (guint c = 0; c < nc; c++)
        {
          if (++state[c] <= m[c])
            break;
          state[c] = 0;
        }
    }
  ref->joint_expected_loss[year] = joint_expected_loss;
  ref->var95[year] = ref_var95 ((Outcome *)(gpointer)outcomes->data, outcomes->len);
}

/* Every country's values in the combination, as ref_country_attr() has
 * them. */
static void
ref_fill_effective (Reference      *ref,
                    const RefCombo *rc,
                    guint           nc)
{
  for (guint c = 0; c < nc; c++)
    for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
      ref->eff[c][a] = ref_country_attr (rc, c, a);
}

/* The projection of S ⊕ K; `world` is the reference of baseline ⊕ K, which
 * the premium is taken against (NULL for the baseline ⊕ K itself). */
static Reference *
reference_project_cell (SsStudy         *study,
                        int              strategy,
                        int              shock,
                        const Reference *world)
{
  SsMeta *meta = ss_study_get_meta (study);
  RefCombo rc = ref_combo (study, strategy, shock);
  SsScenario *sc = rc.strategy;
  guint nc = ss_study_get_n_countries (study);
  guint ni = ss_study_get_n_items (study);
  guint ny = meta->horizon + 1;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  int group_of[SS_MAX_COUNTRIES];
  g_autofree double *stockpile = g_new0 (double, MAX (1, ni));
  g_autofree double *impact = g_new0 (double, MAX (1, ni));
  Reference *ref;

  ref_groups (study, groups, group_of);
  ref = reference_new (nc, ni, groups->len, ny);
  ref_fill_effective (ref, &rc, nc);
  for (guint i = 0; i < ni; i++)
    for (guint c = 0; c < nc; c++)
      {
        ref->p[i * nc + c] = ref_disruption (&rc, ref->eff[c], i, c, SS_DISRUPTION_PROBABILITY);
        ref->v[i * nc + c] = ref_disruption (&rc, ref->eff[c], i, c, SS_DISRUPTION_SEVERITY);
        ref->d[i * nc + c] = ref_disruption (&rc, ref->eff[c], i, c, SS_DISRUPTION_DAYS);
      }
  for (guint t = 0; t < ny; t++)
    ref->policy_target[t] = ref_policy_target (study, meta->base_year + (int)t);

  /* Per item: path, cost, risk, alerts and policy targets. */
  for (guint i = 0; i < ni; i++)
    {
      SsItem *item = ss_study_get_item (study, i);
      double base[SS_MAX_COUNTRIES], target[SS_MAX_COUNTRIES];
      double value = item->attr[SS_ITEM_VALUE];
      double growth = item->attr[SS_ITEM_GROWTH];
      double sigma = sc != NULL ? sc->switching_cost : 0;
      double phi = sc != NULL ? sc->subsidy : 0;
      double base_unit_cost = 0, volume;

      stockpile[i] = ref_stockpile (&rc, i);
      impact[i] = item->attr[SS_ITEM_IMPACT];

      for (guint c = 0; c < nc; c++)
        {
          base[c] = item->sources[c].attr[SS_SOURCE_SHARE];
          target[c] = (sc != NULL && sc->targets[i] != NULL) ? sc->targets[i][c] : base[c];
        }
      /* The baseline has a = b, so any T gives the same (still) path. */
      ref_share_path (ref, i, base, target, sc != NULL ? sc->transition_years : 1);

      /* Q_i = V_i / Σ_c b_ic · ū_ic(0), ū at the file's (baseline) values. */
      for (guint c = 0; c < nc; c++)
        {
          const double *file = ss_study_get_country (study, c)->attr;

          base_unit_cost += base[c] * ref_unit_cost (&item->sources[c], file, file, 0);
        }
      volume = value / base_unit_cost;

      for (guint t = 0; t < ny; t++)
        {
          double shares[SS_MAX_COUNTRIES];
          double demand = volume * pow (1 + growth, t);
          double purchase = 0, moved = 0, squares = 0, risk = 0;
          int top;

          for (guint c = 0; c < nc; c++)
            shares[c] = ref->share[at3 (ref, i, c, nc, t)];

          for (guint c = 0; c < nc; c++)
            {
              const double *file = ss_study_get_country (study, c)->attr;

              purchase += shares[c] * ref_unit_cost (&item->sources[c], file, ref->eff[c], t);
              if (t > 0)
                moved += MAX (0, shares[c] - ref->share[at3 (ref, i, c, nc, t - 1)]);
              squares += shares[c] * shares[c];
              risk += shares[c] * shares[c] * ref->eff[c][SS_COUNTRY_GOVERNANCE]
                      * item->sources[c].attr[SS_SOURCE_TRADE_FACTOR];
            }

          ref->cost[at2 (ref, i, t)] = demand * purchase;
          ref->switching[at2 (ref, i, t)] = sigma * moved * value * pow (1 + growth, t);
          ref->subsidy[at2 (ref, i, t)] = phi * ref->switching[at2 (ref, i, t)];
          ref->hhi[at2 (ref, i, t)] = 10000 * squares;
          ref->supply_risk[at2 (ref, i, t)] = risk * item->attr[SS_ITEM_SUBSTITUTABILITY]
                                              * (1 - item->attr[SS_ITEM_RECYCLING]);

          for (guint g = 0; g < groups->len; g++)
            {
              double in_group = 0, hhi = 0;

              for (guint c = 0; c < nc; c++)
                if (group_of[c] == (int)g)
                  in_group += shares[c];
              for (guint c = 0; c < nc; c++)
                if (group_of[c] == (int)g && in_group > 0)
                  hhi += 10000 * (shares[c] / in_group) * (shares[c] / in_group);
              ref->group_hhi[at3 (ref, i, g, groups->len, t)] = in_group > 0 ? hhi : NAN;
            }

          top = ref_top_country (shares, nc, meta->home);
          ref->top[at2 (ref, i, t)] = top;
          ref->alert[at2 (ref, i, t)] = top < 0 ? SS_ALERT_NONE
                                                : ref_alert_level (shares[top], meta->threshold);
          ref->alert_count[ref->alert[at2 (ref, i, t)] * ny + t]++;

          /* §6: over target when a target is in force and M > θ + 1e-9. */
          ref->over_target[at2 (ref, i, t)] = !isnan (ref->policy_target[t]) && top >= 0
                                              && shares[top] > ref->policy_target[t] + 1e-9;
          ref->over_count[t] += ref->over_target[at2 (ref, i, t)];
        }

      /* The first year with a target in force after which (and in which)
       * the item is over none. */
      ref->target_met[i] = -1;
      for (guint t = 0; t < ny && ref->target_met[i] < 0; t++)
        {
          gboolean over_later = FALSE;

          for (guint later = t; later < ny; later++)
            over_later |= ref->over_target[at2 (ref, i, later)];
          if (!isnan (ref->policy_target[t]) && !over_later)
            ref->target_met[i] = t;
        }
    }

  for (guint t = 0; t < ny; t++)
    ref_disruptions (ref, t, stockpile, impact);

  /* model.md §3 totals and §5 portfolio figures. */
  for (guint t = 0; t < ny; t++)
    {
      double purchase = 0, spend_total = 0;

      for (guint i = 0; i < ni; i++)
        {
          ref->total_purchase[t] += ref->cost[at2 (ref, i, t)];
          ref->total_switching[t] += ref->switching[at2 (ref, i, t)];
          ref->total_subsidy[t] += ref->subsidy[at2 (ref, i, t)];
          ref->total_cost[t] += ref->cost[at2 (ref, i, t)] + ref->switching[at2 (ref, i, t)]
                                - ref->subsidy[at2 (ref, i, t)];
        }
      purchase = ref->total_purchase[t];

      for (guint i = 0; i < ni; i++)
        {
          double w = ref->cost[at2 (ref, i, t)] / purchase;

          ref->portfolio_hhi[t] += w * ref->hhi[at2 (ref, i, t)];
          ref->portfolio_supply_risk[t] += w * ref->supply_risk[at2 (ref, i, t)];
        }

      for (guint g = 0; g < groups->len; g++)
        {
          double weights = 0, sum = 0;

          for (guint i = 0; i < ni; i++)
            {
              double h = ref->group_hhi[at3 (ref, i, g, groups->len, t)];

              if (!isnan (h))
                weights += ref->cost[at2 (ref, i, t)];
            }
          for (guint i = 0; i < ni; i++)
            {
              double h = ref->group_hhi[at3 (ref, i, g, groups->len, t)];

              if (!isnan (h))
                sum += ref->cost[at2 (ref, i, t)] / weights * h;
            }
          ref->portfolio_group_hhi[at2 (ref, g, t)] = weights > 0 ? sum : NAN;
        }

      /* spend_c(t) = Σ_i D_i(t) · s_ic(t) · u_ic(t), Q_i at baseline prices */
      for (guint c = 0; c < nc; c++)
        {
          double spend = 0;

          for (guint i = 0; i < ni; i++)
            {
              SsItem *item = ss_study_get_item (study, i);
              double base_unit_cost = 0;

              for (guint k = 0; k < nc; k++)
                {
                  const double *file = ss_study_get_country (study, k)->attr;

                  base_unit_cost += item->sources[k].attr[SS_SOURCE_SHARE]
                                    * ref_unit_cost (&item->sources[k], file, file, 0);
                }
              spend += item->attr[SS_ITEM_VALUE] / base_unit_cost
                       * pow (1 + item->attr[SS_ITEM_GROWTH], t)
                       * ref->share[at3 (ref, i, c, nc, t)]
                       * ref_unit_cost (&item->sources[c], ss_study_get_country (study, c)->attr,
                                        ref->eff[c], t);
            }
          ref->spend_share[at2 (ref, c, t)] = spend;
          spend_total += spend;
        }
      ref->max_foreign_spend[t] = NAN;
      for (guint c = 0; c < nc; c++)
        {
          ref->spend_share[at2 (ref, c, t)] /= spend_total;
          if (c != meta->home && (isnan (ref->max_foreign_spend[t])
                                  || ref->spend_share[at2 (ref, c, t)] > ref->max_foreign_spend[t]))
            ref->max_foreign_spend[t] = ref->spend_share[at2 (ref, c, t)];
        }
    }

  /* Π(t) against baseline ⊕ K, and the net present values. */
  ref->npv_premium = 0;
  ref->npv_subsidy = 0;
  for (guint t = 0; t < ny; t++)
    {
      ref->premium[t] = world != NULL ? ref->total_cost[t] - world->total_cost[t] : 0;
      ref->npv_premium += ref->premium[t] / pow (1 + meta->discount_rate, t);
      ref->npv_subsidy += ref->total_subsidy[t] / pow (1 + meta->discount_rate, t);
    }

  return ref;
}

static Reference *
reference_project (SsStudy         *study,
                   int              scenario,
                   const Reference *baseline)
{
  return reference_project_cell (study, scenario, SS_NO_SHOCK, baseline);
}

/* The joint states of S ⊕ K as the reference counts them (without
 * projecting), for the generator. */
static guint
ref_count_states (SsStudy *study,
                  int      strategy,
                  int      shock)
{
  RefCombo rc = ref_combo (study, strategy, shock);
  guint nc = ss_study_get_n_countries (study), ni = ss_study_get_n_items (study);
  g_autoptr(Reference) ref = reference_new (nc, ni, 0, 1);
  guint n = 1;

  ref_fill_effective (ref, &rc, nc);
  for (guint i = 0; i < ni; i++)
    for (guint c = 0; c < nc; c++)
      ref->p[i * nc + c] = ref_disruption (&rc, ref->eff[c], i, c, SS_DISRUPTION_PROBABILITY);
  for (guint c = 0; c < nc; c++)
    {
      double cuts[64];

      n *= ref_cuts (ref, c, cuts) + 1;
    }
  return n;
}

/* ------------------------------------------------------------------ */
/* Comparison                                                          */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *study;                   /* which study, e.g. "random seed 17" */
  const char *scenario;
  guint       n_figures;
  guint       n_failures;
} Check;

static guint total_figures;
static guint total_studies;
static guint total_cells;

/* How often the random studies reach the regimes worth testing, reported
 * so a change to the generator cannot quietly stop covering them. */
static struct
{
  guint paths_on_target;               /* unbound paths checked at ceil(T) and after */
  guint paths_held_back;               /* paths a ramp held back */
  guint p10_positive;
  guint var_positive;
  guint group_null;
  guint alerts[4];
  guint certain_or_impossible;         /* countries with p = 0 or 1 */
  guint over_target;                   /* item-years over a policy target */
  guint target_met;                    /* items that meet their targets in the horizon */
  guint target_never_met;
  guint many_states;                   /* projections where a country has several p's */
  guint joint_modes[4];                /* projections by the engine's way to the joint states */
  guint shocked_sources;               /* sources whose p a shock sets */
  guint own_price_moved;               /* sources with an own price under a country override */
} coverage;

static void
check_failed (Check      *chk,
              const char *what,
              const char *expected,
              const char *got)
{
  chk->n_failures++;
  if (chk->n_failures <= MAX_REPORTED_FAILURES)
    g_test_message ("%s, scenario %s: %s: expected %s, got %s",
                    chk->study, chk->scenario, what, expected, got);
  g_test_fail ();
}

/* check_failed() with `what` made from a format and its arguments. */
static void
check_failed_va (Check      *chk,
                 const char *expected,
                 const char *got,
                 const char *format,
                 va_list     args)
{
  g_autofree char *what = g_strdup_vprintf (format, args);

  check_failed (chk, what, expected, got);
}

static gboolean
numbers_match (double expected,
               double got)
{
  if (isnan (expected) || isnan (got))
    return isnan (expected) && isnan (got);
  return fabs (got - expected) <= MAX (1e-12, 1e-9 * fabs (expected));
}

static void check_number (Check      *chk,
                          double      expected,
                          double      got,
                          const char *format,
                          ...) G_GNUC_PRINTF (4, 5);

static void
check_number (Check      *chk,
              double      expected,
              double      got,
              const char *format,
              ...)
{
  chk->n_figures++;
  if (!numbers_match (expected, got))
    {
      g_autofree char *e = g_strdup_printf ("%.17g", expected);
      g_autofree char *a = g_strdup_printf ("%.17g", got);
      va_list args;

      va_start (args, format);
      check_failed_va (chk, e, a, format, args);
      va_end (args);
    }
}

static void check_int (Check      *chk,
                       int         expected,
                       int         got,
                       const char *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
check_int (Check      *chk,
           int         expected,
           int         got,
           const char *format,
           ...)
{
  chk->n_figures++;
  if (expected != got)
    {
      g_autofree char *e = g_strdup_printf ("%d", expected);
      g_autofree char *a = g_strdup_printf ("%d", got);
      va_list args;

      va_start (args, format);
      check_failed_va (chk, e, a, format, args);
      va_end (args);
    }
}

static void check_true (Check      *chk,
                        gboolean    condition,
                        const char *format,
                        ...) G_GNUC_PRINTF (3, 4);

static void
check_true (Check      *chk,
            gboolean    condition,
            const char *format,
            ...)
{
  if (!condition)
    {
      va_list args;

      va_start (args, format);
      check_failed_va (chk, "true", "false", format, args);
      va_end (args);
    }
}

/* The top country of the engine may differ from ours only where two shares
 * are equal up to rounding: the two share paths are computed separately,
 * so an exact tie on paper can come out 1 ulp apart. Where the engine's own
 * shares tie exactly, the rule "first declared" is still checked on them. */
static void
check_top_country (Check              *chk,
                   const Reference    *ref,
                   const SsProjection *p,
                   guint               home,
                   guint               item,
                   guint               year)
{
  guint nc = ref->nc;
  int expected = ref->top[at2 (ref, item, year)];
  int got = p->top_country[ss_projection_at (p, item, year)];
  double engine_shares[SS_MAX_COUNTRIES];

  for (guint c = 0; c < nc; c++)
    engine_shares[c] = p->share[ss_projection_at (p, item * nc + c, year)];
  check_int (chk, ref_top_country (engine_shares, nc, home), got,
             "top country of item %u in year %u (on the engine's own shares)", item, year);

  if (got != expected && got >= 0 && expected >= 0
      && fabs (ref->share[at3 (ref, item, got, nc, year)]
               - ref->share[at3 (ref, item, expected, nc, year)]) <= 1e-12)
    expected = got;
  check_int (chk, expected, got, "top country of item %u in year %u", item, year);
}

/* Over target compares a share with a target: where the share is within
 * rounding of the line, the two computations may fall on either side. */
static void
check_over_target (Check              *chk,
                   const Reference    *ref,
                   const SsProjection *p,
                   guint               item,
                   guint               year)
{
  int expected = ref->over_target[at2 (ref, item, year)];
  int got = p->over_target[ss_projection_at (p, item, year)];
  int top = ref->top[at2 (ref, item, year)];

  if (expected != got && top >= 0 && !isnan (ref->policy_target[year])
      && fabs (ref->share[at3 (ref, item, top, ref->nc, year)] - ref->policy_target[year] - 1e-9)
         <= 1e-12)
    expected = got;
  check_int (chk, expected, got, "over target, item %u in year %u", item, year);
}

static void
compare_projection (Check              *chk,
                    SsStudy            *study,
                    const Reference    *ref,
                    const SsProjection *p)
{
  guint nc = ref->nc, ni = ref->ni, ng = ref->ng, ny = ref->ny;
  guint home = ss_study_get_meta (study)->home;
  gboolean met_by_rounding = FALSE;

  g_assert_cmpuint (p->n_countries, ==, nc);
  g_assert_cmpuint (p->n_items, ==, ni);
  g_assert_cmpuint (p->n_groups, ==, ng);
  g_assert_cmpuint (p->n_years, ==, ny);
  check_true (chk, !p->too_many_states, "the engine projects every joint state");

  for (guint i = 0; i < ni; i++)
    {
      for (guint t = 0; t < ny; t++)
        {
          gsize it = ss_projection_at (p, i, t);

          for (guint c = 0; c < nc; c++)
            check_number (chk, ref->share[at3 (ref, i, c, nc, t)],
                          p->share[ss_projection_at (p, i * nc + c, t)],
                          "share of item %u from country %u in year %u", i, c, t);
          check_number (chk, ref->cost[at2 (ref, i, t)], p->cost[it],
                        "C of item %u in year %u", i, t);
          check_number (chk, ref->switching[at2 (ref, i, t)], p->switching[it],
                        "W of item %u in year %u", i, t);
          check_number (chk, ref->subsidy[at2 (ref, i, t)], p->subsidy[it],
                        "B of item %u in year %u", i, t);
          check_number (chk, ref->hhi[at2 (ref, i, t)], p->hhi[it],
                        "HHI of item %u in year %u", i, t);
          check_number (chk, ref->supply_risk[at2 (ref, i, t)], p->supply_risk[it],
                        "SR of item %u in year %u", i, t);
          for (guint g = 0; g < ng; g++)
            check_number (chk, ref->group_hhi[at3 (ref, i, g, ng, t)],
                          p->group_hhi[ss_projection_at (p, i * ng + g, t)],
                          "group %u HHI of item %u in year %u", g, i, t);
          check_number (chk, ref->expected_shortfall[at2 (ref, i, t)], p->expected_shortfall[it],
                        "ES of item %u in year %u", i, t);
          check_number (chk, ref->p_shortfall_10[at2 (ref, i, t)], p->p_shortfall_10[it],
                        "P10 of item %u in year %u", i, t);
          check_top_country (chk, ref, p, home, i, t);
          check_int (chk, ref->alert[at2 (ref, i, t)], p->alert[it],
                     "alert of item %u in year %u", i, t);
          check_over_target (chk, ref, p, i, t);
          met_by_rounding |= ref->over_target[at2 (ref, i, t)] != p->over_target[it];
        }
      if (!met_by_rounding)
        check_int (chk, ref->target_met[i], p->target_met_year[i], "target met year of item %u", i);
    }

  for (guint t = 0; t < ny; t++)
    {
      check_number (chk, ref->total_purchase[t], p->total_cost_purchase[t],
                    "sum of C in year %u", t);
      check_number (chk, ref->total_switching[t], p->total_switching[t],
                    "sum of W in year %u", t);
      check_number (chk, ref->total_subsidy[t], p->total_subsidy[t],
                    "sum of B in year %u", t);
      check_number (chk, ref->total_cost[t], p->total_cost[t], "TC in year %u", t);
      check_number (chk, ref->premium[t], p->cost_premium[t], "premium in year %u", t);
      check_number (chk, ref->portfolio_hhi[t], p->portfolio_hhi[t],
                    "portfolio HHI in year %u", t);
      check_number (chk, ref->portfolio_supply_risk[t], p->portfolio_supply_risk[t],
                    "portfolio SR in year %u", t);
      for (guint g = 0; g < ng; g++)
        check_number (chk, ref->portfolio_group_hhi[at2 (ref, g, t)],
                      p->portfolio_group_hhi[ss_projection_at (p, g, t)],
                      "portfolio group %u HHI in year %u", g, t);
      for (guint c = 0; c < nc; c++)
        check_number (chk, ref->spend_share[at2 (ref, c, t)],
                      p->spend_share[ss_projection_at (p, c, t)],
                      "spend share of country %u in year %u", c, t);
      check_number (chk, ref->max_foreign_spend[t], p->max_foreign_spend_share[t],
                    "largest foreign spend share in year %u", t);
      check_number (chk, ref->expected_loss[t], p->expected_shortfall_impact[t],
                    "EL in year %u", t);
      check_number (chk, ref->var95[t], p->var95_shortfall_impact[t], "VaR95 in year %u", t);
      check_number (chk, ref->policy_target[t], p->policy_target[t],
                    "policy target in force in year %u", t);
      if (!met_by_rounding)
        check_int (chk, ref->over_count[t], p->over_target_count[t],
                   "items over target in year %u", t);
      for (guint level = SS_ALERT_NONE; level <= SS_ALERT_CRITICAL; level++)
        check_int (chk, ref->alert_count[level * ny + t],
                   p->alert_count[ss_projection_at (p, level, t)],
                   "count of alert level %u in year %u", level, t);
    }

  check_number (chk, ref->npv_premium, p->npv_cost_premium, "NPV of the premium");
  check_number (chk, ref->npv_subsidy, p->npv_subsidy, "NPV of the subsidy");
}

/* Promises of model.md that hold whatever the inputs. */
static void
check_properties (Check              *chk,
                  SsStudy            *study,
                  int                 scenario,
                  const Reference    *ref,
                  const SsProjection *p)
{
  SsScenario *sc = scenario == SS_BASELINE ? NULL : ss_study_get_scenario (study, scenario);
  guint nc = ref->nc, ni = ref->ni, ny = ref->ny;

  for (guint c = 0; c < nc; c++)
    {
      double pc = ref->eff[c][SS_COUNTRY_DISRUPTION_PROBABILITY];

      coverage.certain_or_impossible += pc == 0 || pc == 1;
    }
  coverage.many_states += ref->n_states > 1u << nc;
  coverage.joint_modes[MIN (p->joint_mode, 3)]++;

  for (guint i = 0; i < ni; i++)
    {
      const double *target = sc != NULL ? sc->targets[i] : NULL;
      double transition = sc != NULL ? sc->transition_years : 1;
      gboolean ramps_bind = FALSE;
      double p_any = 1;

      for (guint c = 0; c < nc; c++)
        p_any *= 1 - ref->p[i * nc + c];
      p_any = 1 - p_any;

      for (guint t = 0; t < ny; t++)
        {
          double sum = 0;

          for (guint c = 0; c < nc; c++)
            {
              double s = p->share[ss_projection_at (p, i * nc + c, t)];

              sum += s;
              check_true (chk, s == 0 || fabs (s) >= 1e-12,
                          "share of item %u from country %u in year %u is 0 or not residue",
                          i, c, t);
              if (t > 0)
                check_true (chk, s - p->share[ss_projection_at (p, i * nc + c, t - 1)]
                                 <= ref->eff[c][SS_COUNTRY_RAMP] + 1e-12,
                            "share of item %u from country %u rises by at most its ramp "
                            "in year %u", i, c, t);
            }
          check_true (chk, fabs (sum - 1) <= 1e-12,
                      "shares of item %u sum to 1 in year %u (sum - 1 = %g)", i, t, sum - 1);
          check_true (chk, p->p_shortfall_10[ss_projection_at (p, i, t)] <= p_any + 1e-12,
                      "P10 of item %u in year %u is at most P(any disruption)", i, t);
          check_true (chk, p->expected_shortfall[ss_projection_at (p, i, t)] >= 0,
                      "ES of item %u in year %u is not negative", i, t);

          coverage.alerts[ref->alert[at2 (ref, i, t)]]++;
          coverage.p10_positive += ref->p_shortfall_10[at2 (ref, i, t)] > 0;
          coverage.over_target += ref->over_target[at2 (ref, i, t)];
          for (guint g = 0; g < ref->ng; g++)
            coverage.group_null += isnan (ref->group_hhi[at3 (ref, i, g, ref->ng, t)]);
        }
      if (!isnan (ref->policy_target[ny - 1]))
        {
          coverage.target_met += ref->target_met[i] >= 0;
          coverage.target_never_met += ref->target_met[i] < 0;
        }

      /* When no ramp ever binds, the desired path is followed exactly: it
       * reaches the targets at year ceil(T) and stays there. The largest
       * desired rise in one year is (a − b) / T, in the years up to T. */
      if (target == NULL)
        continue;
      for (guint c = 0; c < nc; c++)
        {
          double b = ss_study_get_item (study, i)->sources[c].attr[SS_SOURCE_SHARE];

          if ((target[c] - b) / transition > ref->eff[c][SS_COUNTRY_RAMP] - 1e-9)
            ramps_bind = TRUE;
        }
      if (ramps_bind)
        {
          coverage.paths_held_back++;
          continue;
        }
      if ((guint)ceil (transition) < ny)
        coverage.paths_on_target++;
      for (guint t = (guint)ceil (transition); t < ny; t++)
        for (guint c = 0; c < nc; c++)
          check_true (chk,
                      fabs (p->share[ss_projection_at (p, i * nc + c, t)] - target[c]) <= 1e-12,
                      "unbound path of item %u from country %u is on target in year %u "
                      "(T = %g)", i, c, t, transition);
    }

  for (guint t = 0; t < ny; t++)
    {
      check_true (chk, p->var95_shortfall_impact[t] >= 0, "VaR95 in year %u is not negative", t);
      coverage.var_positive += ref->var95[t] > 0;
      check_true (chk, p->var95_shortfall_impact[t]
                       <= ref->total_purchase[t] * 1000 + 1e-9,
                  "VaR95 in year %u is bounded", t);
      /* The joint states have the items' marginals: the expected joint
       * loss is EL. */
      check_true (chk, fabs (ref->joint_expected_loss[t] - ref->expected_loss[t])
                       <= MAX (1e-12, 1e-9 * ref->expected_loss[t]),
                  "the joint states give EL in year %u (%.17g against %.17g)", t,
                  ref->joint_expected_loss[t], ref->expected_loss[t]);
      if (scenario == SS_BASELINE)
        check_true (chk, p->cost_premium[t] == 0, "baseline premium in year %u is 0", t);
    }
  if (scenario == SS_BASELINE)
    check_true (chk, p->npv_cost_premium == 0, "baseline NPV of the premium is 0");
}

/* The strategies and the shocks of the stress grid, SS_BASELINE and
 * SS_NO_SHOCK first. */
static void
grid_axes (SsStudy *study,
           GArray  *strategies,
           GArray  *shocks)
{
  int none = SS_BASELINE;

  g_array_append_val (strategies, none);
  none = SS_NO_SHOCK;
  g_array_append_val (shocks, none);
  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    {
      int index = s;

      if (ss_study_get_scenario (study, s)->kind == SS_SCENARIO_SHOCK)
        g_array_append_val (shocks, index);
      else
        g_array_append_val (strategies, index);
    }
}

/* Every cell of the stress grid against the reference of S ⊕ K, the
 * premium against the reference of baseline ⊕ K. */
static void
compare_cells (SsStudy    *study,
               const char *label,
               guint      *n_figures)
{
  g_autoptr(GArray) strategies = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) shocks = g_array_new (FALSE, FALSE, sizeof (int));

  grid_axes (study, strategies, shocks);
  for (guint k = 1; k < shocks->len; k++)
    {
      int shock = g_array_index (shocks, int, k);
      g_autoptr(Reference) world = reference_project_cell (study, SS_BASELINE, shock, NULL);
      g_autoptr(SsProjection) engine_world = ss_projection_new ();

      ss_engine_project_cell (study, SS_BASELINE, shock, NULL, engine_world);
      for (guint s = 0; s < strategies->len; s++)
        {
          int strategy = g_array_index (strategies, int, s);
          g_autoptr(Reference) ref = reference_project_cell (study, strategy, shock, world);
          g_autoptr(SsProjection) cell = ss_projection_new ();
          g_autofree char *name = g_strdup_printf ("%s ⊕ %s",
                                                   strategy == SS_BASELINE ? "baseline"
                                                   : ss_study_get_scenario (study, strategy)->id,
                                                   ss_study_get_scenario (study, shock)->id);
          Check chk = { label, name, 0, 0 };

          ss_engine_project_cell (study, strategy, shock, engine_world, cell);
          g_assert_cmpint (cell->scenario, ==, strategy);
          g_assert_cmpint (cell->shock, ==, shock);
          compare_projection (&chk, study, ref, cell);
          check_properties (&chk, study, strategy, ref, cell);
          *n_figures += chk.n_figures;
          total_cells++;
          if (chk.n_failures > MAX_REPORTED_FAILURES)
            g_test_message ("%s: %u more mismatches not shown", label,
                            chk.n_failures - MAX_REPORTED_FAILURES);
        }
    }
}

/* Projects the baseline and every scenario with the engine and with the
 * reference, compares them, and returns the engine's projections: index 0
 * is the baseline, index s + 1 scenario s. `reuse` and `reuse_baseline`,
 * when given, are projections left over from other studies, so the engine
 * also shows it overwrites everything of an old projection. The cells of
 * the stress grid with a shock are compared too. */
static GPtrArray *
project_and_compare (SsStudy      *study,
                     const char   *label,
                     SsProjection *reuse,
                     SsProjection *reuse_baseline)
{
  GPtrArray *projections = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_projection_free);
  g_autoptr(Reference) ref_baseline = reference_project (study, SS_BASELINE, NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GPtrArray) our_groups = g_ptr_array_new ();
  int group_of[SS_MAX_COUNTRIES];
  SsProjection *baseline = ss_projection_new ();
  Check chk = { label, "baseline", 0, 0 };

  /* Our group rows must be the engine's. */
  ss_study_get_groups (study, groups);
  ref_groups (study, our_groups, group_of);
  g_assert_cmpuint (groups->len, ==, our_groups->len);
  for (guint g = 0; g < groups->len; g++)
    g_assert_cmpstr (g_ptr_array_index (groups, g), ==, g_ptr_array_index (our_groups, g));

  if (reuse_baseline != NULL)
    {
      ss_engine_project (study, SS_BASELINE, NULL, reuse_baseline);
      compare_projection (&chk, study, ref_baseline, reuse_baseline);
    }
  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  compare_projection (&chk, study, ref_baseline, baseline);
  check_properties (&chk, study, SS_BASELINE, ref_baseline, baseline);
  g_ptr_array_add (projections, baseline);

  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    {
      g_autoptr(Reference) ref = reference_project (study, s, ref_baseline);
      g_autoptr(SsProjection) own_baseline = ss_projection_new ();
      SsProjection *p = ss_projection_new ();

      chk.scenario = ss_study_get_scenario (study, s)->id;
      ss_engine_project (study, s, baseline, p);
      compare_projection (&chk, study, ref, p);
      check_properties (&chk, study, s, ref, p);

      /* Without a baseline the engine projects its own. */
      ss_engine_project (study, s, NULL, own_baseline);
      compare_projection (&chk, study, ref, own_baseline);

      if (reuse != NULL)
        {
          ss_engine_project (study, s, baseline, reuse);
          compare_projection (&chk, study, ref, reuse);
        }
      g_ptr_array_add (projections, p);
    }
  compare_cells (study, label, &chk.n_figures);

  total_figures += chk.n_figures;
  total_studies++;
  if (chk.n_failures > MAX_REPORTED_FAILURES)
    g_test_message ("%s: %u more mismatches not shown", label,
                    chk.n_failures - MAX_REPORTED_FAILURES);
  return projections;
}

static void
compare_only (SsStudy    *study,
              const char *label)
{
  g_autoptr(GPtrArray) projections = project_and_compare (study, label, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Studies                                                             */
/* ------------------------------------------------------------------ */

static guint
add_country (SsStudy    *study,
             const char *code,
             const char *group)
{
  guint c = ss_study_add_country (study, code, code);
  SsCountry *country = ss_study_get_country (study, c);

  country->group = g_strdup (group);
  country->attr[SS_COUNTRY_GOVERNANCE] = 5;
  country->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = 0.1;
  country->attr[SS_COUNTRY_DISRUPTION_SEVERITY] = 0.5;
  country->attr[SS_COUNTRY_DISRUPTION_DAYS] = 120;
  country->attr[SS_COUNTRY_COST_INDEX] = 1;
  country->attr[SS_COUNTRY_COST_GROWTH] = 0.03;
  country->attr[SS_COUNTRY_TARIFF] = 0.02;
  country->attr[SS_COUNTRY_LOGISTICS] = 0.04;
  country->attr[SS_COUNTRY_RAMP] = 0.1;
  return c;
}

/* An item with the given baseline shares, one per country. */
static guint
add_item (SsStudy      *study,
          const char   *code,
          const double *shares)
{
  guint i = ss_study_add_item (study, code, code);
  SsItem *item = ss_study_get_item (study, i);

  item->attr[SS_ITEM_VALUE] = 1000;
  item->attr[SS_ITEM_GROWTH] = 0.04;
  item->attr[SS_ITEM_SUBSTITUTABILITY] = 0.8;
  item->attr[SS_ITEM_RECYCLING] = 0.1;
  item->attr[SS_ITEM_STOCKPILE_DAYS] = 20;
  item->attr[SS_ITEM_IMPACT] = 2;
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    {
      item->sources[c].attr[SS_SOURCE_SHARE] = shares[c];
      item->sources[c].listed = shares[c] > 0;
    }
  return i;
}

static void
set_targets (SsStudy      *study,
             SsScenario   *sc,
             guint         item,
             const double *targets)
{
  double *a = ss_scenario_ensure_targets (study, sc, item);

  memcpy (a, targets, ss_study_get_n_countries (study) * sizeof (double));
}

static SsCountryOverride *
add_override (SsScenario *sc,
              guint       country)
{
  SsCountryOverride ov = { 0 };

  ov.country = country;
  g_array_append_val (sc->overrides, ov);
  return &g_array_index (sc->overrides, SsCountryOverride, sc->overrides->len - 1);
}

static void
override_attr (SsCountryOverride *ov,
               SsCountryAttr      attr,
               double             value)
{
  ov->set |= 1u << attr;
  ov->attr[attr] = value;
}

static double
uniform (GRand  *r,
         double  lo,
         double  hi)
{
  return g_rand_double_range (r, lo, hi);
}

static gboolean
chance (GRand  *r,
        double  p)
{
  return g_rand_double (r) < p;
}

static void
random_shares (GRand  *r,
               guint   n,
               double  zero_chance,
               double *out)
{
  double sum = 0;

  for (guint c = 0; c < n; c++)
    {
      out[c] = chance (r, zero_chance) ? 0 : uniform (r, 0.01, 1);
      sum += out[c];
    }
  if (sum == 0)
    {
      out[g_rand_int_range (r, 0, n)] = 1;
      sum = 1;
    }
  for (guint c = 0; c < n; c++)
    out[c] /= sum;
}

static double
random_probability (GRand *r)
{
  double pick = g_rand_double (r);

  if (pick < 0.15)
    return 0;
  if (pick < 0.2)
    return 1;
  return uniform (r, 0, 0.35);
}

static double
random_country_attr (GRand         *r,
                     SsCountryAttr  attr)
{
  switch (attr)
    {
    case SS_COUNTRY_GOVERNANCE:
      return uniform (r, 0.5, 10);
    case SS_COUNTRY_DISRUPTION_PROBABILITY:
      return random_probability (r);
    case SS_COUNTRY_DISRUPTION_SEVERITY:
      return uniform (r, 0, 1);
    case SS_COUNTRY_DISRUPTION_DAYS:
      return uniform (r, 0, 365);
    case SS_COUNTRY_COST_INDEX:
      return uniform (r, 0.5, 2);
    case SS_COUNTRY_COST_GROWTH:
      return uniform (r, -0.05, 0.1);
    case SS_COUNTRY_TARIFF:
      return chance (r, 0.3) ? 0 : uniform (r, 0, 0.4);
    case SS_COUNTRY_LOGISTICS:
      return uniform (r, 0, 0.2);
    case SS_COUNTRY_RAMP:
      return chance (r, 0.1) ? 1 : uniform (r, 0.02, 0.3);
    case SS_COUNTRY_N_ATTRS:
    default:
      g_assert_not_reached ();
    }
}

/* An item's own values, as the generators draw them. */
static void
random_item_values (GRand  *r,
                    SsItem *item)
{
  item->attr[SS_ITEM_VALUE] = uniform (r, 10, 5000);
  item->attr[SS_ITEM_GROWTH] = uniform (r, -0.05, 0.1);
  item->attr[SS_ITEM_SUBSTITUTABILITY] = uniform (r, 0, 1);
  item->attr[SS_ITEM_RECYCLING] = chance (r, 0.3) ? 0 : uniform (r, 0, 0.5);
  item->attr[SS_ITEM_STOCKPILE_DAYS] = chance (r, 0.3) ? 0 : uniform (r, 0, 90);
  item->attr[SS_ITEM_IMPACT] = uniform (r, 0, 5);
}

/* A source's own cost index and tariff, each with probability p. */
static void
random_source_prices (GRand    *r,
                      SsSource *src,
                      double    p)
{
  if (chance (r, p))
    {
      src->set |= 1u << SS_SOURCE_COST_INDEX;
      src->attr[SS_SOURCE_COST_INDEX] = uniform (r, 0.5, 2);
    }
  if (chance (r, p))
    {
      src->set |= 1u << SS_SOURCE_TARIFF;
      src->attr[SS_SOURCE_TARIFF] = chance (r, 0.3) ? 0 : uniform (r, 0, 0.5);
    }
}

/* A strategy's transition, switching cost and subsidy. */
static void
random_levers (GRand      *r,
               SsScenario *sc)
{
  static const double transitions[] = { 1, 1.5, 2, 2.5, 3, 4, 5, 6 };

  if (chance (r, 0.3))
    sc->transition_years = uniform (r, 1, 6);
  else
    sc->transition_years = transitions[g_rand_int_range (r, 0, G_N_ELEMENTS (transitions))];
  sc->switching_cost = chance (r, 0.2) ? 0 : uniform (r, 0, 0.5);
  sc->subsidy = chance (r, 0.2) ? 0 : uniform (r, 0, 1);
}

static SsStudy *
random_study (guint seed)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (seed);
  SsStudy *study = ss_study_new ();
  SsMeta *meta = ss_study_get_meta (study);
  /* One study in 20 is wide (up to 2^13 disrupted sets) and short. */
  gboolean wide = seed % 20 == 0;
  guint nc = wide ? g_rand_int_range (r, 10, 14) : g_rand_int_range (r, 2, 10);
  guint ni = wide ? g_rand_int_range (r, 1, 4) : g_rand_int_range (r, 1, 7);
  guint ns = g_rand_int_range (r, 1, 4);
  gboolean groups = chance (r, 0.8);

  meta->horizon = wide ? g_rand_int_range (r, 1, 5) : g_rand_int_range (r, 1, 16);
  meta->discount_rate = chance (r, 0.2) ? 0 : uniform (r, 0, 0.12);
  if (chance (r, 0.4))
    {
      double th[3] = { uniform (r, 0.05, 1), uniform (r, 0.05, 1), uniform (r, 0.05, 1) };

      /* Sorted, so θw ≤ θa ≤ θc. */
      for (guint a = 0; a < 3; a++)
        for (guint b = a + 1; b < 3; b++)
          if (th[b] < th[a])
            {
              double tmp = th[a];

              th[a] = th[b];
              th[b] = tmp;
            }
      memcpy (meta->threshold, th, sizeof th);
    }

  for (guint c = 0; c < nc; c++)
    {
      char code[3] = { 'A', (char)('A' + c), '\0' };
      const char *group = NULL;
      SsCountry *country;

      if (groups && chance (r, 0.4))
        group = "ASEAN";
      else if (groups && chance (r, 0.2))
        group = "EU";
      add_country (study, code, group);
      country = ss_study_get_country (study, c);
      for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
        country->attr[a] = random_country_attr (r, a);
    }
  meta->home = g_rand_int_range (r, 0, nc);

  for (guint i = 0; i < ni; i++)
    {
      g_autofree char *code = g_strdup_printf ("I%u", i);
      double shares[SS_MAX_COUNTRIES] = { 0 };
      double pick = g_rand_double (r);
      SsItem *item;

      if (pick < 0.1)
        shares[meta->home] = 1;                           /* domestic only */
      else if (pick < 0.2)
        shares[g_rand_int_range (r, 0, nc)] = 1;          /* one supplier */
      else
        random_shares (r, nc, 0.3, shares);
      add_item (study, code, shares);

      item = ss_study_get_item (study, i);
      random_item_values (r, item);
      for (guint c = 0; c < nc; c++)
        {
          SsSource *src = &item->sources[c];

          random_source_prices (r, src, 0.3);
          if (chance (r, 0.3))
            {
              src->set |= 1u << SS_SOURCE_CAPACITY;
              src->attr[SS_SOURCE_CAPACITY] = uniform (r, 0.2, 1);
            }
          if (chance (r, 0.5))
            {
              src->set |= 1u << SS_SOURCE_TRADE_FACTOR;
              src->attr[SS_SOURCE_TRADE_FACTOR] = uniform (r, 0.5, 2);
            }
        }
    }

  for (guint s = 0; s < ns; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s);
      SsScenario *sc = ss_study_get_scenario (study, ss_study_add_scenario (study, id, id));

      random_levers (r, sc);
      if (chance (r, 0.3))
        {
          sc->has_stockpile_all = TRUE;
          sc->stockpile_all = uniform (r, 0, 200);
        }

      for (guint i = 0; i < ni; i++)
        {
          double pick = g_rand_double (r);

          if (chance (r, 0.25))
            sc->stockpile[i] = uniform (r, 0, 200);

          if (pick < 0.5)
            {
              double targets[SS_MAX_COUNTRIES];

              random_shares (r, nc, 0.3, targets);
              set_targets (study, sc, i, targets);
            }
          else if (pick < 0.6)
            {
              double targets[SS_MAX_COUNTRIES] = { 0 };

              targets[g_rand_int_range (r, 0, nc)] = 1;
              set_targets (study, sc, i, targets);
            }
          else if (pick < 0.7)
            ss_scenario_ensure_targets (study, sc, i);    /* targets = baseline */
        }

      for (guint c = 0; c < nc; c++)
        if (chance (r, 0.35))
          {
            SsCountryOverride *ov = add_override (sc, c);

            for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
              if (chance (r, 0.3))
                override_attr (ov, a, random_country_attr (r, a));
          }
    }

  return study;
}

/* Disruption probabilities drawn from a short list, so that countries and
 * sources share values (and the distinct values of a country, which make
 * its states, stay few), with now and then one of their own. */
static double
palette_probability (GRand *r)
{
  static const double palette[] = { 0, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 1 };

  if (chance (r, 0.15))
    return uniform (r, 0, 0.4);
  return palette[g_rand_int_range (r, 0, G_N_ELEMENTS (palette))];
}

static double
random_disruption (GRand        *r,
                   SsDisruption  which)
{
  switch (which)
    {
    case SS_DISRUPTION_PROBABILITY:
      return palette_probability (r);
    case SS_DISRUPTION_SEVERITY:
      return uniform (r, 0, 1);
    case SS_DISRUPTION_DAYS:
      return chance (r, 0.1) ? 365 : uniform (r, 0, 365);
    case SS_DISRUPTION_N:
    default:
      g_assert_not_reached ();
    }
}

/* The largest number of joint states over the baseline, the scenarios and
 * the cells of the stress grid. */
static guint
max_states (SsStudy *study)
{
  guint ns = ss_study_get_n_scenarios (study);
  guint most = ref_count_states (study, SS_BASELINE, SS_NO_SHOCK);

  for (guint s = 0; s < ns; s++)
    {
      most = MAX (most, ref_count_states (study, s, SS_NO_SHOCK));
      if (ss_study_get_scenario (study, s)->kind != SS_SCENARIO_SHOCK)
        continue;
      for (guint k = 0; k < ns; k++)
        if (ss_study_get_scenario (study, k)->kind == SS_SCENARIO_STRATEGY)
          most = MAX (most, ref_count_states (study, k, s));
    }
  return most;
}

/* Takes away one source's own probability or one shock's, the last
 * found; FALSE when there is none left. */
static gboolean
strip_one_probability (SsStudy *study)
{
  guint nc = ss_study_get_n_countries (study);

  for (guint s = ss_study_get_n_scenarios (study); s-- > 0;)
    {
      SsScenario *sc = ss_study_get_scenario (study, s);

      for (guint k = sc->shocks->len; k-- > 0;)
        {
          SsShock *shock = &g_array_index (sc->shocks, SsShock, k);

          if (!(shock->set & (1u << SS_DISRUPTION_PROBABILITY)))
            continue;
          shock->set &= ~(1u << SS_DISRUPTION_PROBABILITY);
          if (shock->set == 0)
            g_array_remove_index (sc->shocks, k);
          return TRUE;
        }
    }
  for (guint i = ss_study_get_n_items (study); i-- > 0;)
    for (guint c = nc; c-- > 0;)
      {
        SsSource *src = &ss_study_get_item (study, i)->sources[c];

        if (src->set & (1u << SS_SOURCE_DISRUPTION_PROBABILITY))
          {
            src->set &= ~(1u << SS_SOURCE_DISRUPTION_PROBABILITY);
            return TRUE;
          }
      }
  return FALSE;
}

/* A study of format version 2: policy targets, sources with their own
 * disruption values and prices, strategy and shock scenarios with price
 * and tariff overrides, item-level shocks and stockpiles. One in four is
 * dense (few countries, many items, many distinct probabilities), which
 * takes the engine's other ways to the joint states. */
static SsStudy *
random_v2_study (guint seed)
{
  g_autoptr(GRand) r = g_rand_new_with_seed (seed);
  SsStudy *study = ss_study_new ();
  SsMeta *meta = ss_study_get_meta (study);
  gboolean dense = seed % 4 == 0;
  guint nc = dense ? g_rand_int_range (r, 2, 5) : g_rand_int_range (r, 2, 7);
  guint ni = dense ? g_rand_int_range (r, 6, 11) : g_rand_int_range (r, 1, 7);
  guint ns = g_rand_int_range (r, 2, 6);
  gboolean groups = chance (r, 0.8);

  meta->horizon = g_rand_int_range (r, 1, 13);
  meta->discount_rate = chance (r, 0.2) ? 0 : uniform (r, 0, 0.12);

  /* Policy targets: years from the base year to past the horizon, shares
   * that do not rise, sometimes exactly a line a path lands on. */
  if (chance (r, 0.8))
    {
      guint n = g_rand_int_range (r, 1, 4);
      double share = chance (r, 0.3) ? 1 : uniform (r, 0.3, 1);
      int year = meta->base_year + g_rand_int_range (r, 0, 4);

      for (guint k = 0; k < n; k++)
        {
          ss_study_add_policy_target (study, year, share);
          year += g_rand_int_range (r, 1, meta->horizon + 2);
          share = chance (r, 0.2) ? share : share * uniform (r, 0.5, 1);
        }
    }

  for (guint c = 0; c < nc; c++)
    {
      char code[3] = { 'B', (char)('A' + c), '\0' };
      const char *group = NULL;
      SsCountry *country;

      if (groups && chance (r, 0.5))
        group = "ASEAN";
      add_country (study, code, group);
      country = ss_study_get_country (study, c);
      for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
        country->attr[a] = random_country_attr (r, a);
      country->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = palette_probability (r);
    }
  meta->home = g_rand_int_range (r, 0, nc);

  for (guint i = 0; i < ni; i++)
    {
      g_autofree char *code = g_strdup_printf ("J%u", i);
      double shares[SS_MAX_COUNTRIES] = { 0 };
      SsItem *item;

      if (chance (r, 0.15))
        shares[g_rand_int_range (r, 0, nc)] = 1;
      else
        random_shares (r, nc, 0.3, shares);
      add_item (study, code, shares);

      item = ss_study_get_item (study, i);
      random_item_values (r, item);
      for (guint c = 0; c < nc; c++)
        {
          SsSource *src = &item->sources[c];

          random_source_prices (r, src, 0.4);
          if (chance (r, 0.3))
            {
              src->set |= 1u << SS_SOURCE_TRADE_FACTOR;
              src->attr[SS_SOURCE_TRADE_FACTOR] = uniform (r, 0.5, 2);
            }
          for (guint d = 0; d < SS_DISRUPTION_N; d++)
            if (chance (r, d == SS_DISRUPTION_PROBABILITY && dense ? 0.5 : 0.2))
              {
                src->set |= 1u << (SS_SOURCE_DISRUPTION_PROBABILITY + d);
                src->attr[SS_SOURCE_DISRUPTION_PROBABILITY + d] = random_disruption (r, d);
              }
          /* As the loader has it: values are given on a listed source. */
          src->listed |= src->set != 0;
        }
    }

  for (guint s = 0; s < ns; s++)
    {
      g_autofree char *id = g_strdup_printf ("v%u", s);
      SsScenario *sc = ss_study_get_scenario (study, ss_study_add_scenario (study, id, id));
      gboolean is_shock = s == 1 || (s > 1 && chance (r, 0.4));
      guint n_shocks;

      if (is_shock)
        sc->kind = SS_SCENARIO_SHOCK;
      else
        {
          random_levers (r, sc);
          for (guint i = 0; i < ni; i++)
            {
              double pick = g_rand_double (r);
              double targets[SS_MAX_COUNTRIES] = { 0 };

              if (pick < 0.5)
                random_shares (r, nc, 0.3, targets);
              else if (pick < 0.6)
                targets[g_rand_int_range (r, 0, nc)] = 1;
              else
                continue;
              set_targets (study, sc, i, targets);
            }
        }

      if (chance (r, 0.3))
        {
          sc->has_stockpile_all = TRUE;
          sc->stockpile_all = uniform (r, 0, 120);
        }
      for (guint i = 0; i < ni; i++)
        if (chance (r, 0.2))
          sc->stockpile[i] = uniform (r, 0, 120);

      /* Overrides, prices and tariffs above all: they must reach the
       * items that set their own. */
      for (guint c = 0; c < nc; c++)
        if (chance (r, 0.4))
          {
            SsCountryOverride *ov = add_override (sc, c);

            for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
              if (chance (r, a == SS_COUNTRY_COST_INDEX || a == SS_COUNTRY_TARIFF ? 0.6 : 0.2))
                override_attr (ov, a, a == SS_COUNTRY_DISRUPTION_PROBABILITY ? palette_probability (r)
                                      : random_country_attr (r, a));
          }

      n_shocks = g_rand_int_range (r, is_shock ? 1 : 0, 3);
      for (guint k = 0; k < n_shocks; k++)
        {
          SsShock *shock = ss_scenario_add_shock (sc, g_rand_int_range (r, 0, nc));

          for (guint d = 0; d < SS_DISRUPTION_N; d++)
            if (chance (r, 0.6))
              {
                shock->set |= 1u << d;
                shock->value[d] = random_disruption (r, d);
              }
          if (shock->set == 0)
            {
              shock->set = 1u << SS_DISRUPTION_PROBABILITY;
              shock->value[SS_DISRUPTION_PROBABILITY] = palette_probability (r);
            }
          if (chance (r, 0.65))
            {
              guint items[64], n = 0;

              for (guint i = 0; i < ni; i++)
                if (chance (r, 0.5))
                  items[n++] = i;
              if (n == 0)
                items[n++] = g_rand_int_range (r, 0, ni);
              /* Listed in any order. */
              for (guint a = n; a > 1; a--)
                {
                  guint b = g_rand_int_range (r, 0, a), tmp = items[a - 1];

                  items[a - 1] = items[b];
                  items[b] = tmp;
                }
              ss_shock_set_items (shock, items, n);
            }
        }
    }

  while (max_states (study) > MAX_REFERENCE_STATES)
    g_assert_true (strip_one_probability (study));

  for (guint s = 0; s < ns; s++)
    {
      SsScenario *sc = ss_study_get_scenario (study, s);

      for (guint k = 0; k < sc->shocks->len; k++)
        if (g_array_index (sc->shocks, SsShock, k).set & (1u << SS_DISRUPTION_PROBABILITY))
          coverage.shocked_sources++;
      for (guint o = 0; o < sc->overrides->len; o++)
        {
          SsCountryOverride *ov = &g_array_index (sc->overrides, SsCountryOverride, o);

          for (guint i = 0; i < ni; i++)
            if ((ov->set & (1u << SS_COUNTRY_COST_INDEX))
                && (ss_study_get_item (study, i)->sources[ov->country].set & (1u << SS_SOURCE_COST_INDEX)))
              coverage.own_price_moved++;
        }
    }
  return study;
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_random_studies (void)
{
  g_autoptr(SsProjection) reuse = ss_projection_new ();
  g_autoptr(SsProjection) reuse_baseline = ss_projection_new ();
  guint figures_before = total_figures;

  for (guint k = 0; k < N_RANDOM_STUDIES; k++)
    {
      guint seed = RANDOM_SEED_BASE + k;
      g_autoptr(SsStudy) study = random_study (seed);
      g_autofree char *label = g_strdup_printf ("random study, seed %u", seed);
      g_autoptr(GPtrArray) projections = project_and_compare (study, label, reuse, reuse_baseline);
    }

  g_test_message ("%u random studies, %u figures compared", N_RANDOM_STUDIES,
                  total_figures - figures_before);
  g_test_message ("paths: %u unbound checked on target, %u held back by ramps; "
                  "item-years: %u with P10 > 0, alerts none/watch/warning/critical "
                  "%u/%u/%u/%u, %u null group HHIs; %u years with VaR95 > 0; "
                  "%u countries with p = 0 or 1",
                  coverage.paths_on_target, coverage.paths_held_back, coverage.p10_positive,
                  coverage.alerts[0], coverage.alerts[1], coverage.alerts[2], coverage.alerts[3],
                  coverage.group_null, coverage.var_positive, coverage.certain_or_impossible);
  g_assert_cmpuint (coverage.paths_on_target, >, 50);
  g_assert_cmpuint (coverage.paths_held_back, >, 50);
  g_assert_cmpuint (coverage.p10_positive, >, 100);
  g_assert_cmpuint (coverage.var_positive, >, 100);
  for (guint level = 0; level < 4; level++)
    g_assert_cmpuint (coverage.alerts[level], >, 100);
}

/* Targets equal to the baseline: nothing moves, nothing is paid. */
static void
test_target_equals_baseline (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  static const double shares[] = { 0.5, 0.3, 0.2 };
  g_autoptr(GPtrArray) projections = NULL;
  SsScenario *sc;
  SsProjection *p;

  add_country (study, "CN", NULL);
  add_country (study, "VN", "ASEAN");
  add_country (study, "KR", NULL);
  ss_study_get_meta (study)->home = 2;
  ss_study_get_meta (study)->discount_rate = 0.05;
  add_item (study, "A", shares);
  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "same", "Same"));
  sc->transition_years = 2.5;
  sc->switching_cost = 0.4;
  sc->subsidy = 0.5;
  ss_scenario_ensure_targets (study, sc, 0);

  projections = project_and_compare (study, "target equals baseline", NULL, NULL);
  p = g_ptr_array_index (projections, 1);
  for (guint t = 0; t < p->n_years; t++)
    {
      for (guint c = 0; c < 3; c++)
        g_assert_cmpfloat (p->share[ss_projection_at (p, c, t)], ==, shares[c]);
      g_assert_cmpfloat (p->switching[t], ==, 0);
      g_assert_cmpfloat (p->subsidy[t], ==, 0);
      g_assert_cmpfloat (p->cost_premium[t], ==, 0);
    }
  g_assert_cmpfloat (p->npv_cost_premium, ==, 0);
  g_assert_cmpfloat (p->npv_subsidy, ==, 0);
}

/* One country, the home country: HHI 10000, no foreign country, no alert. */
static void
test_single_country (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  static const double shares[] = { 1 };
  g_autoptr(GPtrArray) projections = NULL;
  SsScenario *sc;

  add_country (study, "KR", "ASEAN");
  ss_study_get_meta (study)->home = 0;
  add_item (study, "A", shares);
  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "shock", "Shock"));
  override_attr (add_override (sc, 0), SS_COUNTRY_DISRUPTION_PROBABILITY, 0.5);
  set_targets (study, sc, 0, shares);

  projections = project_and_compare (study, "single country", NULL, NULL);
  for (guint k = 0; k < projections->len; k++)
    {
      SsProjection *p = g_ptr_array_index (projections, k);

      for (guint t = 0; t < p->n_years; t++)
        {
          g_assert_cmpfloat (p->hhi[t], ==, 10000);
          g_assert_cmpfloat (p->group_hhi[t], ==, 10000);
          g_assert_cmpfloat (p->portfolio_hhi[t], ==, 10000);
          g_assert_cmpint (p->top_country[t], ==, -1);
          g_assert_cmpint (p->alert[t], ==, SS_ALERT_NONE);
          g_assert_cmpint (p->alert_count[ss_projection_at (p, SS_ALERT_NONE, t)], ==, 1);
        }
    }
}

/* An item made at home only: the top foreign country has share 0 (the
 * first declared, by the tie rule), and no alert is raised. */
static void
test_home_only_item (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  static const double domestic[] = { 0, 1, 0 };
  static const double mixed[] = { 0.2, 0.1, 0.7 };
  g_autoptr(GPtrArray) projections = NULL;
  SsScenario *sc;

  add_country (study, "CN", NULL);
  add_country (study, "KR", NULL);
  add_country (study, "VN", "ASEAN");
  ss_study_get_meta (study)->home = 1;
  add_item (study, "A", domestic);
  add_item (study, "B", mixed);
  /* Bring B home in a year: its alert must fall to none. */
  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "reshore", "Reshore"));
  override_attr (add_override (sc, 1), SS_COUNTRY_RAMP, 1);
  set_targets (study, sc, 1, domestic);

  projections = project_and_compare (study, "home-only item", NULL, NULL);
  for (guint k = 0; k < projections->len; k++)
    {
      SsProjection *p = g_ptr_array_index (projections, k);

      for (guint t = 0; t < p->n_years; t++)
        {
          g_assert_cmpint (p->top_country[ss_projection_at (p, 0, t)], ==, 0);
          g_assert_cmpint (p->alert[ss_projection_at (p, 0, t)], ==, SS_ALERT_NONE);
          /* The ASEAN group holds nothing of A: null. */
          g_assert_true (isnan (p->group_hhi[ss_projection_at (p, 0, t)]));
        }
      g_assert_cmpint (p->alert[ss_projection_at (p, 1, 0)], ==, SS_ALERT_WARNING);
      if (k == 1)
        for (guint t = 1; t < p->n_years; t++)
          {
            g_assert_cmpint (p->top_country[ss_projection_at (p, 1, t)], ==, 0);
            g_assert_cmpint (p->alert[ss_projection_at (p, 1, t)], ==, SS_ALERT_NONE);
          }
    }
}

/* A share exactly on a threshold is at that level, and so is one within
 * 1e-9 below it (model.md §6). */
static void
test_thresholds_exact (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const struct
  {
    double       foreign;
    SsAlertLevel level;
  } cases[] = {
    { 0.5, SS_ALERT_WATCH },
    { 0.5 - 5e-10, SS_ALERT_WATCH },
    { 0.5 - 2e-9, SS_ALERT_NONE },
    { 0.65, SS_ALERT_WARNING },
    { 0.65 - 5e-10, SS_ALERT_WARNING },
    { 0.9, SS_ALERT_CRITICAL },
    { 0.9 - 2e-9, SS_ALERT_WARNING },
    { 1, SS_ALERT_CRITICAL },
    { 0.3, SS_ALERT_NONE },
  };
  static const double moving[] = { 0.8, 0, 0.2 };
  static const double half[] = { 0.5, 0, 0.5 };
  SsScenario *sc;
  SsProjection *p;
  guint n = G_N_ELEMENTS (cases);

  add_country (study, "CN", NULL);
  add_country (study, "VN", NULL);
  add_country (study, "KR", NULL);
  ss_study_get_meta (study)->home = 2;
  ss_study_get_meta (study)->horizon = 5;
  for (guint k = 0; k < n; k++)
    {
      double shares[] = { cases[k].foreign, 0, 1 - cases[k].foreign };
      g_autofree char *code = g_strdup_printf ("T%u", k);

      add_item (study, code, shares);
    }
  /* A path that lands on 50 % after three uneven thirds of 0.3. */
  add_item (study, "M", moving);
  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "half", "Half"));
  sc->transition_years = 3;
  for (guint c = 0; c < 3; c++)
    override_attr (add_override (sc, c), SS_COUNTRY_RAMP, 1);
  set_targets (study, sc, n, half);

  projections = project_and_compare (study, "thresholds exactly hit", NULL, NULL);
  p = g_ptr_array_index (projections, 0);
  for (guint k = 0; k < n; k++)
    for (guint t = 0; t < p->n_years; t++)
      {
        g_assert_cmpint (p->alert[ss_projection_at (p, k, t)], ==, cases[k].level);
        g_assert_cmpint (p->top_country[ss_projection_at (p, k, t)], ==, 0);
      }
  p = g_ptr_array_index (projections, 1);
  for (guint t = 3; t < p->n_years; t++)
    {
      g_assert_cmpfloat_with_epsilon (p->share[ss_projection_at (p, n * 3, t)], 0.5, 1e-12);
      g_assert_cmpint (p->alert[ss_projection_at (p, n, t)], ==, SS_ALERT_WATCH);
    }
  g_assert_cmpint (p->alert[ss_projection_at (p, n, 1)], ==, SS_ALERT_WARNING);
  g_assert_cmpint (p->alert[ss_projection_at (p, n, 2)], ==, SS_ALERT_WATCH);
}

/* θw = θa: a share on both lines is a warning; θc = 1 is reachable. */
static void
test_thresholds_custom (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const double at_line[] = { 0.3, 0.7 };
  static const double all_foreign[] = { 1, 0 };
  static const double below[] = { 0.25, 0.75 };
  SsMeta *meta = ss_study_get_meta (study);
  SsProjection *p;

  add_country (study, "CN", NULL);
  add_country (study, "KR", NULL);
  meta->home = 1;
  meta->threshold[0] = 0.3;
  meta->threshold[1] = 0.3;
  meta->threshold[2] = 1;
  add_item (study, "A", at_line);
  add_item (study, "B", all_foreign);
  add_item (study, "C", below);

  projections = project_and_compare (study, "custom thresholds", NULL, NULL);
  p = g_ptr_array_index (projections, 0);
  for (guint t = 0; t < p->n_years; t++)
    {
      g_assert_cmpint (p->alert[ss_projection_at (p, 0, t)], ==, SS_ALERT_WARNING);
      g_assert_cmpint (p->alert[ss_projection_at (p, 1, t)], ==, SS_ALERT_CRITICAL);
      g_assert_cmpint (p->alert[ss_projection_at (p, 2, t)], ==, SS_ALERT_NONE);
      g_assert_cmpint (p->alert_count[ss_projection_at (p, SS_ALERT_NONE, t)], ==, 1);
      g_assert_cmpint (p->alert_count[ss_projection_at (p, SS_ALERT_WATCH, t)], ==, 0);
      g_assert_cmpint (p->alert_count[ss_projection_at (p, SS_ALERT_WARNING, t)], ==, 1);
      g_assert_cmpint (p->alert_count[ss_projection_at (p, SS_ALERT_CRITICAL, t)], ==, 1);
    }
}

/* Equal largest foreign shares: the country declared first is the top,
 * and the home country never is, however large its share. */
static void
test_top_country_ties (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const double three_way[] = { 0.1, 0.3, 0.3, 0.3 };
  static const double two_way[] = { 0.4, 0, 0.3, 0.3 };
  static const double home_largest[] = { 0.7, 0.1, 0.1, 0.1 };
  static const double last_largest[] = { 0.1, 0.2, 0.2, 0.5 };
  SsProjection *p;

  add_country (study, "KR", NULL);
  add_country (study, "CN", NULL);
  add_country (study, "VN", "ASEAN");
  add_country (study, "TH", "ASEAN");
  ss_study_get_meta (study)->home = 0;
  add_item (study, "A", three_way);
  add_item (study, "B", two_way);
  add_item (study, "C", home_largest);
  add_item (study, "D", last_largest);

  projections = project_and_compare (study, "top-country ties", NULL, NULL);
  p = g_ptr_array_index (projections, 0);
  for (guint t = 0; t < p->n_years; t++)
    {
      g_assert_cmpint (p->top_country[ss_projection_at (p, 0, t)], ==, 1);
      g_assert_cmpint (p->top_country[ss_projection_at (p, 1, t)], ==, 2);
      g_assert_cmpint (p->top_country[ss_projection_at (p, 2, t)], ==, 1);
      g_assert_cmpint (p->top_country[ss_projection_at (p, 3, t)], ==, 3);
      g_assert_cmpint (p->alert[ss_projection_at (p, 2, t)], ==, SS_ALERT_NONE);
      g_assert_cmpint (p->alert[ss_projection_at (p, 3, t)], ==, SS_ALERT_WATCH);
    }
}

/* A stockpile longer than any disruption: no shortfall at all. A per-item
 * stockpile beats the all-items one. */
static void
test_stockpile_covers_all (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const double shares[] = { 0.6, 0.3, 0.1 };
  SsScenario *sc;

  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", c);
      SsCountry *country = ss_study_get_country (study, add_country (study, code, NULL));

      country->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = 0.5;
      country->attr[SS_COUNTRY_DISRUPTION_SEVERITY] = 1;
      country->attr[SS_COUNTRY_DISRUPTION_DAYS] = 365;
    }
  ss_study_get_meta (study)->home = 2;
  add_item (study, "A", shares);
  add_item (study, "B", shares);
  ss_study_get_item (study, 0)->attr[SS_ITEM_STOCKPILE_DAYS] = 366;
  ss_study_get_item (study, 1)->attr[SS_ITEM_STOCKPILE_DAYS] = 3650;

  /* All items 0 days, but A keeps a year's stock. */
  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "run-down", "Run down"));
  sc->has_stockpile_all = TRUE;
  sc->stockpile_all = 0;
  sc->stockpile[0] = 365;

  projections = project_and_compare (study, "stockpile covers all", NULL, NULL);
  for (guint k = 0; k < projections->len; k++)
    {
      SsProjection *p = g_ptr_array_index (projections, k);

      for (guint t = 0; t < p->n_years; t++)
        {
          g_assert_cmpfloat (p->expected_shortfall[ss_projection_at (p, 0, t)], ==, 0);
          g_assert_cmpfloat (p->p_shortfall_10[ss_projection_at (p, 0, t)], ==, 0);
          if (k == 0)
            {
              g_assert_cmpfloat (p->expected_shortfall[ss_projection_at (p, 1, t)], ==, 0);
              g_assert_cmpfloat (p->expected_shortfall_impact[t], ==, 0);
              g_assert_cmpfloat (p->var95_shortfall_impact[t], ==, 0);
            }
          else
            {
              g_assert_cmpfloat (p->expected_shortfall[ss_projection_at (p, 1, t)], >, 0);
              g_assert_cmpfloat (p->var95_shortfall_impact[t], >, 0);
            }
        }
    }
}

/* No country can be disrupted: no shortfall, EL = VaR95 = 0. */
static void
test_no_disruption (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const double shares[] = { 0.5, 0.25, 0.25, 0 };
  static const double targets[] = { 0.1, 0.4, 0.25, 0.25 };
  SsScenario *sc;

  for (guint c = 0; c < 4; c++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", c);

      ss_study_get_country (study, add_country (study, code, "ASEAN"))
        ->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = 0;
    }
  ss_study_get_meta (study)->home = 3;
  add_item (study, "A", shares);
  ss_study_get_item (study, 0)->attr[SS_ITEM_STOCKPILE_DAYS] = 0;
  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "move", "Move"));
  sc->transition_years = 2;
  sc->switching_cost = 0.1;
  sc->subsidy = 0.25;
  set_targets (study, sc, 0, targets);

  projections = project_and_compare (study, "no disruption", NULL, NULL);
  for (guint k = 0; k < projections->len; k++)
    {
      SsProjection *p = g_ptr_array_index (projections, k);

      for (guint t = 0; t < p->n_years; t++)
        {
          g_assert_cmpfloat (p->expected_shortfall[t], ==, 0);
          g_assert_cmpfloat (p->p_shortfall_10[t], ==, 0);
          g_assert_cmpfloat (p->expected_shortfall_impact[t], ==, 0);
          g_assert_cmpfloat (p->var95_shortfall_impact[t], ==, 0);
        }
    }
}

/* A path held back by a ramp keeps catching up after T: CN gives way to
 * KR at 0.1 a year although T = 2, reaching it in year 10. */
static void
test_ramp_catch_up (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const double from[] = { 1, 0 };
  static const double to[] = { 0, 1 };
  SsScenario *sc;
  SsProjection *p;

  add_country (study, "CN", NULL);
  add_country (study, "KR", NULL);
  ss_study_get_meta (study)->home = 1;
  ss_study_get_meta (study)->horizon = 12;
  add_item (study, "A", from);
  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "reshore", "Reshore"));
  sc->transition_years = 2;
  sc->switching_cost = 0.2;
  set_targets (study, sc, 0, to);

  projections = project_and_compare (study, "ramp catch-up", NULL, NULL);
  p = g_ptr_array_index (projections, 1);
  for (guint t = 0; t < p->n_years; t++)
    {
      double expected = MIN (1.0, 0.1 * t);

      g_assert_cmpfloat_with_epsilon (p->share[ss_projection_at (p, 1, t)], expected, 1e-12);
      g_assert_cmpfloat_with_epsilon (p->share[ss_projection_at (p, 0, t)], 1 - expected, 1e-12);
      /* W = σ · m · V · (1 + g)^t with m = 0.1 while moving. */
      g_assert_cmpfloat_with_epsilon (p->switching[t],
                                      t >= 1 && t <= 10 ? 0.2 * 0.1 * 1000 * pow (1.04, t) : 0,
                                      1e-9);
    }
}

/* One country that, when disrupted, takes the whole year's supply:
 * figures that can be worked out by hand, and the ≥ 0.95 boundary. */
static void
test_hand_disruption (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const double shares[] = { 1, 0 };
  static const double probabilities[] = { 0.04, 0.05, 0.06 };
  SsCountry *cn;
  SsItem *item;

  cn = ss_study_get_country (study, add_country (study, "CN", NULL));
  add_country (study, "KR", NULL);
  ss_study_get_meta (study)->home = 1;
  ss_study_get_meta (study)->horizon = 2;
  cn->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = 0.2;
  cn->attr[SS_COUNTRY_DISRUPTION_SEVERITY] = 1;
  cn->attr[SS_COUNTRY_DISRUPTION_DAYS] = 365;
  cn->attr[SS_COUNTRY_COST_GROWTH] = 0;
  cn->attr[SS_COUNTRY_TARIFF] = 0;
  cn->attr[SS_COUNTRY_LOGISTICS] = 0;
  item = ss_study_get_item (study, add_item (study, "A", shares));
  item->attr[SS_ITEM_VALUE] = 100;
  item->attr[SS_ITEM_GROWTH] = 0;
  item->attr[SS_ITEM_STOCKPILE_DAYS] = 0;
  item->attr[SS_ITEM_IMPACT] = 2;
  for (guint k = 0; k < G_N_ELEMENTS (probabilities); k++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", k);
      SsScenario *sc = ss_study_get_scenario (study, ss_study_add_scenario (study, id, id));

      override_attr (add_override (sc, 0), SS_COUNTRY_DISRUPTION_PROBABILITY, probabilities[k]);
    }

  projections = project_and_compare (study, "hand-worked disruption", NULL, NULL);
  for (guint k = 0; k < projections->len; k++)
    {
      SsProjection *p = g_ptr_array_index (projections, k);
      double pc = k == 0 ? 0.2 : probabilities[k - 1];

      for (guint t = 0; t < p->n_years; t++)
        {
          g_assert_cmpfloat_with_epsilon (p->cost[t], 100, 1e-9);
          g_assert_cmpfloat_with_epsilon (p->expected_shortfall[t], pc, 1e-12);
          g_assert_cmpfloat_with_epsilon (p->p_shortfall_10[t], pc, 1e-12);
          g_assert_cmpfloat_with_epsilon (p->expected_shortfall_impact[t], pc * 200, 1e-9);
          /* P(L = 0) = 1 − p_c: 0.8 and 0.94 fall short of 0.95, 0.95 and
           * 0.96 reach it. */
          g_assert_cmpfloat_with_epsilon (p->var95_shortfall_impact[t],
                                          1 - pc >= 0.95 ? 0 : 200, 1e-9);
        }
    }
}

/* P10 counts shortfalls strictly above 10 %: one of exactly 36.5 days
 * (0.1 · 365, or 73 days against a 36.5-day stock) is not counted. */
static void
test_shortfall_boundary (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const struct
  {
    double share;
    double stock;
    double x;
    double p10;
  } cases[] = {
    { 0.1, 0, 0.1, 0 },
    { 0.2, 36.5, 0.1, 0 },
    { 0.2, 36.4, 36.6 / 365, 0.3 },
    { 0.2, 73, 0, 0 },
  };
  SsCountry *cn;
  SsProjection *p;

  cn = ss_study_get_country (study, add_country (study, "CN", NULL));
  ss_study_get_country (study, add_country (study, "KR", NULL))
    ->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = 0;
  ss_study_get_meta (study)->home = 1;
  cn->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = 0.3;
  cn->attr[SS_COUNTRY_DISRUPTION_SEVERITY] = 1;
  cn->attr[SS_COUNTRY_DISRUPTION_DAYS] = 365;
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      double shares[] = { cases[k].share, 1 - cases[k].share };
      g_autofree char *code = g_strdup_printf ("B%u", k);

      ss_study_get_item (study, add_item (study, code, shares))
        ->attr[SS_ITEM_STOCKPILE_DAYS] = cases[k].stock;
    }

  projections = project_and_compare (study, "shortfall boundary", NULL, NULL);
  p = g_ptr_array_index (projections, 0);
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    for (guint t = 0; t < p->n_years; t++)
      {
        g_assert_cmpfloat_with_epsilon (p->expected_shortfall[ss_projection_at (p, k, t)],
                                        0.3 * cases[k].x, 1e-12);
        g_assert_cmpfloat (p->p_shortfall_10[ss_projection_at (p, k, t)], ==, cases[k].p10);
      }
}

/* Every country always disrupted: the one certain set decides everything. */
static void
test_certain_disruption (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const double shares[] = { 0.5, 0.3, 0.2 };
  SsProjection *p;
  double lost = 0;

  for (guint c = 0; c < 3; c++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", c);
      SsCountry *country = ss_study_get_country (study, add_country (study, code, NULL));

      country->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = 1;
      country->attr[SS_COUNTRY_DISRUPTION_DAYS] = 100 + 50 * c;
      lost += shares[c] * 0.5 * (100 + 50 * c);
    }
  ss_study_get_meta (study)->home = 0;
  add_item (study, "A", shares);

  projections = project_and_compare (study, "certain disruption", NULL, NULL);
  p = g_ptr_array_index (projections, 0);
  for (guint t = 0; t < p->n_years; t++)
    {
      double x = (lost - 20) / 365;

      g_assert_cmpfloat_with_epsilon (p->expected_shortfall[t], x, 1e-12);
      g_assert_cmpfloat (p->p_shortfall_10[t], ==, x > 0.1 ? 1 : 0);
      g_assert_cmpfloat_with_epsilon (p->expected_shortfall_impact[t], x * p->cost[t] * 2,
                                      1e-9 * p->cost[t]);
      g_assert_cmpfloat_with_epsilon (p->var95_shortfall_impact[t], x * p->cost[t] * 2,
                                      1e-9 * p->cost[t]);
    }
}

/* Overrides of a source's cost index and tariff, and of the country's in a
 * scenario, with a second group: a compact study that exercises the
 * precedence rules in every combination. */
static void
test_override_precedence (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  static const double shares[] = { 0.4, 0.3, 0.2, 0.1 };
  static const double targets[] = { 0.1, 0.2, 0.3, 0.4 };
  SsCountryOverride *ov;
  SsScenario *sc;
  SsItem *item;

  add_country (study, "CN", NULL);
  add_country (study, "VN", "ASEAN");
  add_country (study, "DE", "EU");
  add_country (study, "KR", NULL);
  ss_study_get_meta (study)->home = 3;
  ss_study_get_meta (study)->discount_rate = 0.07;
  item = ss_study_get_item (study, add_item (study, "A", shares));
  item->sources[0].set |= 1u << SS_SOURCE_COST_INDEX;
  item->sources[0].attr[SS_SOURCE_COST_INDEX] = 1.7;
  item->sources[1].set |= 1u << SS_SOURCE_TARIFF;
  item->sources[1].attr[SS_SOURCE_TARIFF] = 0.3;
  item->sources[2].attr[SS_SOURCE_TRADE_FACTOR] = 1.5;
  add_item (study, "B", shares);

  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "policy", "Policy"));
  sc->transition_years = 1.5;
  sc->switching_cost = 0.3;
  sc->subsidy = 0.6;
  set_targets (study, sc, 0, targets);
  set_targets (study, sc, 1, targets);
  for (guint c = 0; c < 4; c++)
    {
      ov = add_override (sc, c);
      override_attr (ov, SS_COUNTRY_COST_INDEX, 1.2 + 0.1 * c);
      override_attr (ov, SS_COUNTRY_TARIFF, 0.25);
      override_attr (ov, SS_COUNTRY_RAMP, 0.05 + 0.05 * c);
      override_attr (ov, SS_COUNTRY_COST_GROWTH, -0.02);
    }

  compare_only (study, "override precedence");
}


/* ------------------------------------------------------------------ */
/* Version 2                                                           */
/* ------------------------------------------------------------------ */

/* S ⊕ K written out by hand as one scenario (model.md §8): S's targets
 * and levers; the per-item stockpiles and the all-items value of K where
 * K gives them, else of S; every country's override with S's values, then
 * K's; S's shocks, then K's. Appended to the study; returns its index. */
static guint
add_combination_scenario (SsStudy *study,
                          int      strategy,
                          int      shock)
{
  guint ni = ss_study_get_n_items (study);
  guint index = ss_study_add_scenario (study, "by-hand", "Written out by hand");
  SsScenario *x = ss_study_get_scenario (study, index);
  SsScenario *s = strategy == SS_BASELINE ? NULL : ss_study_get_scenario (study, strategy);
  SsScenario *k = ss_study_get_scenario (study, shock);
  SsScenario *both[] = { s, k };

  if (s != NULL)
    {
      x->transition_years = s->transition_years;
      x->switching_cost = s->switching_cost;
      x->subsidy = s->subsidy;
      for (guint i = 0; i < ni; i++)
        if (s->targets[i] != NULL)
          set_targets (study, x, i, s->targets[i]);
    }
  for (guint b = 0; b < G_N_ELEMENTS (both); b++)
    {
      SsScenario *from = both[b];

      if (from == NULL)
        continue;
      if (from->has_stockpile_all)
        {
          x->has_stockpile_all = TRUE;
          x->stockpile_all = from->stockpile_all;
        }
      for (guint i = 0; i < ni; i++)
        if (!isnan (from->stockpile[i]))
          x->stockpile[i] = from->stockpile[i];
      for (guint o = 0; o < from->overrides->len; o++)
        {
          SsCountryOverride *ov = &g_array_index (from->overrides, SsCountryOverride, o);
          SsCountryOverride *to = ss_scenario_find_override (x, ov->country);

          if (to == NULL)
            to = add_override (x, ov->country);
          for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
            if (ov->set & (1u << a))
              override_attr (to, a, ov->attr[a]);
        }
      for (guint j = 0; j < from->shocks->len; j++)
        {
          SsShock *shock_from = &g_array_index (from->shocks, SsShock, j);
          SsShock *to = ss_scenario_add_shock (x, shock_from->country);

          to->set = shock_from->set;
          memcpy (to->value, shock_from->value, sizeof to->value);
          ss_shock_set_items (to, shock_from->items, shock_from->n_items);
        }
    }
  return index;
}

static void
check_close (Check      *chk,
             double      expected,
             double      got,
             const char *what,
             guint       row,
             guint       year)
{
  chk->n_figures++;
  if (isnan (expected) || isnan (got) ? !(isnan (expected) && isnan (got))
      : fabs (got - expected) > 1e-12 * MAX (1, fabs (expected)))
    {
      g_autofree char *name = g_strdup_printf ("%s [%u] in year %u", what, row, year);
      g_autofree char *e = g_strdup_printf ("%.17g", expected);
      g_autofree char *a = g_strdup_printf ("%.17g", got);

      check_failed (chk, name, e, a);
    }
}

/* Every figure of two projections of the same shape, to 1e-12, except the
 * premium, which each takes against its own reference. */
static void
compare_engine_projections (Check              *chk,
                            const SsProjection *expected,
                            const SsProjection *got)
{
  guint ni = got->n_items, nc = got->n_countries, ng = got->n_groups, ny = got->n_years;
  static const struct
  {
    const char *name;
    gsize       offset;
    guint       rows;                  /* 0: items, 1: items × countries, 2: items × groups, 3: one */
  } series[] = {
#define SERIES(field, rows) { #field, G_STRUCT_OFFSET (SsProjection, field), rows }
    SERIES (share, 1), SERIES (spend, 1), SERIES (cost, 0), SERIES (switching, 0),
    SERIES (subsidy, 0), SERIES (hhi, 0), SERIES (supply_risk, 0), SERIES (group_hhi, 2),
    SERIES (expected_shortfall, 0), SERIES (p_shortfall_10, 0), SERIES (total_cost_purchase, 3),
    SERIES (total_switching, 3), SERIES (total_subsidy, 3), SERIES (total_cost, 3),
    SERIES (portfolio_hhi, 3), SERIES (portfolio_supply_risk, 3), SERIES (expected_shortfall_impact, 3),
    SERIES (var95_shortfall_impact, 3), SERIES (max_foreign_spend_share, 3), SERIES (policy_target, 3),
#undef SERIES
  };

  g_assert_cmpuint (expected->n_items, ==, ni);
  g_assert_cmpuint (expected->n_countries, ==, nc);
  g_assert_cmpuint (expected->n_years, ==, ny);
  for (guint k = 0; k < G_N_ELEMENTS (series); k++)
    {
      const double *e = G_STRUCT_MEMBER (double *, expected, series[k].offset);
      const double *a = G_STRUCT_MEMBER (double *, got, series[k].offset);
      guint rows = series[k].rows == 0 ? ni : series[k].rows == 1 ? ni * nc
                 : series[k].rows == 2 ? ni * ng : 1;

      for (guint row = 0; row < rows; row++)
        for (guint t = 0; t < ny; t++)
          check_close (chk, e[row * ny + t], a[row * ny + t], series[k].name, row, t);
    }
  for (guint g = 0; g < ng; g++)
    for (guint t = 0; t < ny; t++)
      check_close (chk, expected->portfolio_group_hhi[g * ny + t], got->portfolio_group_hhi[g * ny + t],
                   "portfolio_group_hhi", g, t);
  for (guint c = 0; c < nc; c++)
    for (guint t = 0; t < ny; t++)
      check_close (chk, expected->spend_share[c * ny + t], got->spend_share[c * ny + t],
                   "spend_share", c, t);
  for (guint i = 0; i < ni; i++)
    {
      for (guint t = 0; t < ny; t++)
        {
          gsize it = (gsize)i * ny + t;

          check_true (chk, expected->top_country[it] == got->top_country[it]
                           && expected->alert[it] == got->alert[it]
                           && expected->over_target[it] == got->over_target[it],
                      "top country, alert and over target of item %u in year %u", i, t);
        }
      check_true (chk, expected->target_met_year[i] == got->target_met_year[i],
                  "target met year of item %u", i);
    }
  for (guint t = 0; t < ny; t++)
    {
      check_true (chk, expected->over_target_count[t] == got->over_target_count[t],
                  "items over target in year %u", t);
      for (guint level = 0; level < 4; level++)
        check_true (chk, expected->alert_count[level * ny + t] == got->alert_count[level * ny + t],
                    "alert count %u in year %u", level, t);
    }
  check_close (chk, expected->npv_subsidy, got->npv_subsidy, "npv_subsidy", 0, 0);
}

/* model.md §8: "A cell's figures are exactly those of a scenario written
 * out by hand with the same content." Each cell S ⊕ K of the study's grid
 * against S ⊕ K added to a copy as a scenario, to 1e-12; the cell's
 * premium against the scenario's total cost less baseline ⊕ K's. */
static guint
check_cells_as_scenarios (SsStudy    *study,
                          const char *label)
{
  g_autoptr(GArray) strategies = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) shocks = g_array_new (FALSE, FALSE, sizeof (int));
  guint n = 0;

  grid_axes (study, strategies, shocks);
  for (guint k = 1; k < shocks->len; k++)
    for (guint s = 0; s < strategies->len; s++)
      {
        int strategy = g_array_index (strategies, int, s), shock = g_array_index (shocks, int, k);
        g_autoptr(SsStudy) copy = ss_study_copy (study);
        guint by_hand = add_combination_scenario (copy, strategy, shock);
        g_autoptr(SsProjection) baseline = ss_projection_new ();
        g_autoptr(SsProjection) world = ss_projection_new ();
        g_autoptr(SsProjection) written = ss_projection_new ();
        g_autoptr(SsProjection) cell = ss_projection_new ();
        g_autofree char *name = g_strdup_printf ("cell %d ⊕ %d written out", strategy, shock);
        Check chk = { label, name, 0, 0 };
        double npv = 0;

        ss_engine_project (copy, SS_BASELINE, NULL, baseline);
        ss_engine_project (copy, shock, baseline, world);
        ss_engine_project (copy, by_hand, baseline, written);
        ss_engine_project_cell (study, strategy, shock, NULL, cell);
        compare_engine_projections (&chk, written, cell);
        for (guint t = 0; t < cell->n_years; t++)
          {
            double premium = written->total_cost[t] - world->total_cost[t];

            check_close (&chk, premium, cell->cost_premium[t], "premium against baseline ⊕ K", 0, t);
            npv += premium / pow (1 + ss_study_get_meta (study)->discount_rate, t);
          }
        check_close (&chk, npv, cell->npv_cost_premium, "NPV of the premium", 0, 0);
        total_figures += chk.n_figures;
        n++;
      }
  return n;
}

static void
test_random_v2_studies (void)
{
  g_autoptr(SsProjection) reuse = ss_projection_new ();
  g_autoptr(SsProjection) reuse_baseline = ss_projection_new ();
  guint figures_before = total_figures, cells_before = total_cells, written = 0;

  memset (&coverage, 0, sizeof coverage);
  for (guint k = 0; k < N_RANDOM_V2_STUDIES; k++)
    {
      guint seed = RANDOM_V2_SEED_BASE + k;
      g_autoptr(SsStudy) study = random_v2_study (seed);
      g_autofree char *label = g_strdup_printf ("random v2 study, seed %u", seed);
      g_autoptr(GPtrArray) projections = project_and_compare (study, label, reuse, reuse_baseline);

      written += check_cells_as_scenarios (study, label);
    }

  g_test_message ("%u random v2 studies, %u stress cells, %u figures compared; "
                  "%u cells checked against the same combination written out",
                  N_RANDOM_V2_STUDIES, total_cells - cells_before, total_figures - figures_before,
                  written);
  g_test_message ("item-years: %u over a policy target, alerts none/watch/warning/critical "
                  "%u/%u/%u/%u; items meeting their targets %u, never %u; %u projections with "
                  "several probabilities for a country; joint states reached one per country %u, "
                  "by table %u, by Moebius transform %u; %u shocks set a probability; "
                  "%u own prices under a country's price override; %u years with VaR95 > 0",
                  coverage.over_target, coverage.alerts[0], coverage.alerts[1], coverage.alerts[2],
                  coverage.alerts[3], coverage.target_met, coverage.target_never_met,
                  coverage.many_states, coverage.joint_modes[1], coverage.joint_modes[2],
                  coverage.joint_modes[3], coverage.shocked_sources, coverage.own_price_moved,
                  coverage.var_positive);
  g_assert_cmpuint (total_cells - cells_before, >, 200);
  g_assert_cmpuint (coverage.over_target, >, 100);
  g_assert_cmpuint (coverage.target_met, >, 50);
  g_assert_cmpuint (coverage.target_never_met, >, 50);
  g_assert_cmpuint (coverage.many_states, >, 200);
  for (guint mode = 1; mode < 4; mode++)
    g_assert_cmpuint (coverage.joint_modes[mode], >, 50);
  g_assert_cmpuint (coverage.shocked_sources, >, 100);
  g_assert_cmpuint (coverage.own_price_moved, >, 100);
  g_assert_cmpuint (coverage.var_positive, >, 200);
}

/* The worked examples against the reference, cells and all. */
static void
test_worked_examples (void)
{
  static const char *names[] = { "example-study.xml", "example-v2-study.xml" };

  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autoptr(SsStudy) study = ss_test_load_data_study (names[k]);

      compare_only (study, names[k]);
      g_assert_cmpuint (check_cells_as_scenarios (study, names[k]), ==, k == 0 ? 0 : 4);
    }
}

/* model.md §4: per item only its own marginals matter. A shock on some
 * items leaves every other item's ES and P10 exactly as they were. */
static void
test_item_shock_leaves_others (void)
{
  guint checked = 0;

  for (guint k = 0; k < 60; k++)
    {
      g_autoptr(SsStudy) study = k == 0 ? ss_test_load_data_study ("example-v2-study.xml")
                                        : random_v2_study (RANDOM_V2_SEED_BASE + 1000 + k);
      guint ni = ss_study_get_n_items (study), nc = ss_study_get_n_countries (study);
      g_autoptr(GRand) r = g_rand_new_with_seed (k);
      g_autoptr(SsProjection) baseline = ss_projection_new ();
      g_autoptr(SsProjection) shocked = ss_projection_new ();
      guint country = g_rand_int_range (r, 0, nc), covered = g_rand_int_range (r, 0, ni);
      SsScenario *sc;
      SsShock *shock;

      if (ni < 2)
        continue;
      sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "controls", "Controls"));
      sc->kind = SS_SCENARIO_SHOCK;
      shock = ss_scenario_add_shock (sc, country);
      shock->set = (1u << SS_DISRUPTION_PROBABILITY) | (1u << SS_DISRUPTION_DAYS);
      shock->value[SS_DISRUPTION_PROBABILITY] = 0.37;
      shock->value[SS_DISRUPTION_DAYS] = 200;
      ss_shock_set_items (shock, &covered, 1);

      ss_engine_project (study, SS_BASELINE, NULL, baseline);
      ss_engine_project (study, ss_study_get_n_scenarios (study) - 1, baseline, shocked);
      for (guint i = 0; i < ni; i++)
        {
          if (i == covered)
            continue;
          g_assert_cmpmem (&shocked->expected_shortfall[i * shocked->n_years],
                           shocked->n_years * sizeof (double),
                           &baseline->expected_shortfall[i * baseline->n_years],
                           baseline->n_years * sizeof (double));
          g_assert_cmpmem (&shocked->p_shortfall_10[i * shocked->n_years],
                           shocked->n_years * sizeof (double),
                           &baseline->p_shortfall_10[i * baseline->n_years],
                           baseline->n_years * sizeof (double));
          checked++;
        }
    }
  g_test_message ("%u items checked bit for bit", checked);
  g_assert_cmpuint (checked, >, 100);
}

/* A country whose uniform draw is cut exactly where the probabilities sum
 * to 0.95 on paper: three countries at p = 0.1, 0.05, 0.05 and one item
 * from the second, lost whole when it is disrupted. P(L = 0) = 0.95, so
 * VaR95 is 0; in floating point the sum lands just short, and version 1
 * reported the whole loss. */
static void
test_var_at_exactly_95 (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const double probabilities[] = { 0.1, 0.05, 0.05, 0 };
  static const double shares[] = { 0, 1, 0, 0 };
  SsProjection *p;

  for (guint c = 0; c < 4; c++)
    {
      static const char *codes[] = { "AA", "BB", "CC", "KR" };
      SsCountry *country = ss_study_get_country (study, add_country (study, codes[c], NULL));

      country->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = probabilities[c];
      country->attr[SS_COUNTRY_DISRUPTION_SEVERITY] = 1;
      country->attr[SS_COUNTRY_DISRUPTION_DAYS] = 365;
    }
  ss_study_get_meta (study)->home = 3;
  ss_study_get_meta (study)->horizon = 3;
  ss_study_get_item (study, add_item (study, "A", shares))->attr[SS_ITEM_STOCKPILE_DAYS] = 0;

  projections = project_and_compare (study, "VaR at exactly 95 %", NULL, NULL);
  p = g_ptr_array_index (projections, 0);
  for (guint t = 0; t < p->n_years; t++)
    {
      g_assert_cmpfloat (p->var95_shortfall_impact[t], ==, 0);
      g_assert_cmpfloat_with_epsilon (p->expected_shortfall_impact[t], 0.05 * p->cost[t] * 2,
                                      1e-9 * p->cost[t]);
    }
}

/* One item of four countries (home first, then CN and two ASEAN ones)
 * moving from weights/sum to `targets` in T years with the given ramps,
 * built the way the paths were found that left residue in version 1. */
static SsStudy *
residue_study (const int    *weights,
               const double *targets,
               const double *ramps,
               double        transition)
{
  SsStudy *study = ss_study_new ();
  double shares[4], sum = 0;
  SsScenario *sc;

  add_country (study, "KR", NULL);
  add_country (study, "CN", NULL);
  add_country (study, "VN", "ASEAN");
  add_country (study, "TH", "ASEAN");
  ss_study_get_meta (study)->home = 0;
  for (guint c = 0; c < 4; c++)
    sum += weights[c] / 20.0;
  for (guint c = 0; c < 4; c++)
    shares[c] = weights[c] / 20.0 / sum;
  add_item (study, "A", shares);
  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "move", "Move"));
  sc->transition_years = transition;
  set_targets (study, sc, 0, targets);
  for (guint c = 0; c < 4; c++)
    override_attr (add_override (sc, c), SS_COUNTRY_RAMP, ramps[c]);
  return study;
}

/* Shares that fall to 0 along a path come out as ±1e-17 in floating
 * point; model.md §2 makes them 0. No ramp binds in either path, so from
 * year ceil(T) on the shares are the targets exactly: the ASEAN group,
 * which then holds nothing, has a null HHI (version 1 gave 8 580), and
 * the top country of an item brought home is the first declared foreign
 * country, CN, not the one whose residue happens to be largest (version 1
 * named TH). */
static void
test_share_residue (void)
{
  static const int group_weights[] = { 15, 8, 1, 10 };
  static const double group_targets[] = { 0.5, 0.5, 0, 0 };
  static const double group_ramps[] = { 0.25, 0.35, 0.3, 0.3 };
  static const int home_weights[] = { 14, 17, 15, 9 };
  static const double home_targets[] = { 1, 0, 0, 0 };
  static const double home_ramps[] = { 0.45, 0.3, 0.25, 0.45 };
  g_autoptr(SsStudy) group = residue_study (group_weights, group_targets, group_ramps, 2.5);
  g_autoptr(SsStudy) home = residue_study (home_weights, home_targets, home_ramps, 4.5);
  g_autoptr(GPtrArray) group_projections = project_and_compare (group, "residue in a group", NULL, NULL);
  g_autoptr(GPtrArray) home_projections = project_and_compare (home, "residue at home", NULL, NULL);
  SsProjection *p = g_ptr_array_index (group_projections, 1);

  for (guint t = 3; t < p->n_years; t++)
    {
      g_assert_cmpfloat (p->share[ss_projection_at (p, 2, t)], ==, 0);
      g_assert_cmpfloat (p->share[ss_projection_at (p, 3, t)], ==, 0);
      g_assert_true (isnan (p->group_hhi[ss_projection_at (p, 0, t)]));
      g_assert_true (isnan (p->portfolio_group_hhi[ss_projection_at (p, 0, t)]));
    }
  p = g_ptr_array_index (home_projections, 1);
  for (guint t = 5; t < p->n_years; t++)
    {
      for (guint c = 1; c < 4; c++)
        g_assert_cmpfloat (p->share[ss_projection_at (p, c, t)], ==, 0);
      g_assert_cmpint (p->top_country[ss_projection_at (p, 0, t)], ==, 1);
      g_assert_cmpint (p->alert[ss_projection_at (p, 0, t)], ==, SS_ALERT_NONE);
    }
}

/* §1.1: "Vietnam 40 % dearer" makes every item bought from Vietnam 40 %
 * dearer, those with their own price too; "+25 points on China" reaches
 * every item, clamped at 0 where an item's tariff is cut. §3: the base
 * volume is at baseline prices, so the premium is there from year 0. */
static void
test_price_override_reaches_items (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(SsProjection) baseline = ss_projection_new ();
  g_autoptr(SsProjection) dearer = ss_projection_new ();
  static const double from_vn[] = { 0, 1, 0 };
  static const double from_cn[] = { 1, 0, 0 };
  SsCountry *vn;
  SsItem *own, *plain, *chinese;
  SsScenario *sc;
  guint i_own, i_plain, i_cn;

  add_country (study, "CN", NULL);
  vn = ss_study_get_country (study, add_country (study, "VN", NULL));
  add_country (study, "KR", NULL);
  ss_study_get_meta (study)->home = 2;
  for (guint c = 0; c < 3; c++)
    {
      SsCountry *country = ss_study_get_country (study, c);

      country->attr[SS_COUNTRY_COST_GROWTH] = 0;
      country->attr[SS_COUNTRY_LOGISTICS] = 0;
      country->attr[SS_COUNTRY_TARIFF] = 0.1;
    }
  vn->attr[SS_COUNTRY_COST_INDEX] = 1.2;
  i_own = add_item (study, "OWN", from_vn);
  i_plain = add_item (study, "PLAIN", from_vn);
  i_cn = add_item (study, "CHINA", from_cn);
  own = ss_study_get_item (study, i_own);
  plain = ss_study_get_item (study, i_plain);
  chinese = ss_study_get_item (study, i_cn);
  own->sources[1].set |= (1u << SS_SOURCE_COST_INDEX) | (1u << SS_SOURCE_TARIFF);
  own->sources[1].attr[SS_SOURCE_COST_INDEX] = 1.5;
  own->sources[1].attr[SS_SOURCE_TARIFF] = 0.3;
  chinese->sources[0].set |= 1u << SS_SOURCE_TARIFF;
  chinese->sources[0].attr[SS_SOURCE_TARIFF] = 0.05;
  for (guint i = 0; i < 3; i++)
    ss_study_get_item (study, i)->attr[SS_ITEM_GROWTH] = 0;

  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "dearer", "Dearer"));
  sc->kind = SS_SCENARIO_SHOCK;
  override_attr (add_override (sc, 1), SS_COUNTRY_COST_INDEX, 1.2 * 1.4);
  override_attr (add_override (sc, 0), SS_COUNTRY_TARIFF, 0);

  compare_only (study, "price override reaches items");
  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  ss_engine_project (study, 0, baseline, dearer);
  for (guint t = 0; t < baseline->n_years; t++)
    {
      /* Vietnam 40 % dearer: both items cost 1.4 times as much, the
       * tariff and logistics factor unchanged. */
      g_assert_cmpfloat_with_epsilon (dearer->cost[ss_projection_at (dearer, i_own, t)]
                                      / baseline->cost[ss_projection_at (baseline, i_own, t)], 1.4,
                                      1e-12);
      g_assert_cmpfloat_with_epsilon (dearer->cost[ss_projection_at (dearer, i_plain, t)]
                                      / baseline->cost[ss_projection_at (baseline, i_plain, t)], 1.4,
                                      1e-12);
      /* China's tariff 10 points lower: the item's own 5 % falls to 0,
       * not to −5 %: (1 + 0) / (1 + 0.05). */
      g_assert_cmpfloat_with_epsilon (dearer->cost[ss_projection_at (dearer, i_cn, t)]
                                      / baseline->cost[ss_projection_at (baseline, i_cn, t)],
                                      1 / 1.05, 1e-12);
    }
  /* The premium from the base year on: the quantities are the baseline's. */
  g_assert_cmpfloat (dearer->cost_premium[0], >, 0.3 * (own->attr[SS_ITEM_VALUE] + plain->attr[SS_ITEM_VALUE]));
}

/* model.md §6 by hand: targets of 60 % from 2027 and 50 % from 2030; a
 * share exactly on 60 % meets it; an item first meets its targets in the
 * first year from which it is over none. */
static void
test_policy_targets (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GPtrArray) projections = NULL;
  static const double on_line[] = { 0.6, 0.4 };
  static const double above[] = { 0.7, 0.3 };
  static const double falling[] = { 0.8, 0.2 };
  static const double half[] = { 0.5, 0.5 };
  SsMeta *meta = ss_study_get_meta (study);
  SsScenario *sc;
  SsProjection *p;

  add_country (study, "CN", NULL);
  add_country (study, "KR", NULL);
  meta->home = 1;
  meta->horizon = 8;
  ss_study_add_policy_target (study, 2030, 0.5);
  ss_study_add_policy_target (study, 2027, 0.6);
  add_item (study, "ON", on_line);
  add_item (study, "ABOVE", above);
  add_item (study, "FALLING", falling);
  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "down", "Down"));
  sc->transition_years = 6;
  override_attr (add_override (sc, 1), SS_COUNTRY_RAMP, 1);
  set_targets (study, sc, 2, half);

  projections = project_and_compare (study, "policy targets by hand", NULL, NULL);
  p = g_ptr_array_index (projections, 0);
  for (guint t = 0; t < p->n_years; t++)
    {
      double expected = t < 3 ? NAN : t < 6 ? 0.6 : 0.5;

      if (isnan (expected))
        g_assert_true (isnan (p->policy_target[t]));
      else
        g_assert_cmpfloat (p->policy_target[t], ==, expected);
      g_assert_cmpint (p->over_target[ss_projection_at (p, 0, t)], ==, t >= 6);
      g_assert_cmpint (p->over_target[ss_projection_at (p, 1, t)], ==, t >= 3);
      g_assert_cmpint (p->over_target_count[t], ==, (t >= 3) + (t >= 3) + (t >= 6));
    }
  g_assert_cmpint (p->target_met_year[0], ==, -1);
  g_assert_cmpint (p->target_met_year[1], ==, -1);
  /* FALLING goes 0.8 → 0.5 by 0.05 a year: 0.6 in 2028 (t = 4), on the
   * line, and 0.5 in 2030 (t = 6), on the next. */
  p = g_ptr_array_index (projections, 1);
  g_assert_cmpint (p->over_target[ss_projection_at (p, 2, 3)], ==, TRUE);
  g_assert_cmpint (p->over_target[ss_projection_at (p, 2, 4)], ==, FALSE);
  g_assert_cmpint (p->target_met_year[2], ==, 4);
}

/* More than 2^18 joint states: the loader refuses such a file (see
 * test-study-v2.c); a study that gets there by an edit still projects,
 * without VaR95, and the engine names the country. Exactly 2^18 is
 * projected. */
static void
test_too_many_states (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(SsProjection) p = ss_projection_new ();
  g_autofree char *message = NULL;
  double shares[6];
  SsItem *item;

  for (guint c = 0; c < 6; c++)
    {
      char code[3] = { 'Q', (char)('A' + c), '\0' };

      add_country (study, code, NULL);
      shares[c] = 1.0 / 6;
    }
  ss_study_get_meta (study)->horizon = 2;
  /* Seven items, each with its own probability from every country: seven
   * distinct values each, 8^6 = 2^18 joint states. */
  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *code = g_strdup_printf ("M%u", i);

      item = ss_study_get_item (study, add_item (study, code, shares));
      for (guint c = 0; c < 6; c++)
        {
          item->sources[c].set |= 1u << SS_SOURCE_DISRUPTION_PROBABILITY;
          item->sources[c].attr[SS_SOURCE_DISRUPTION_PROBABILITY] = (i + 1) / 100.0 + c / 1000.0;
        }
    }
  g_assert_true (ss_engine_check_joint_states (study, SS_BASELINE, SS_NO_SHOCK, &message));
  g_assert_null (message);
  ss_engine_project (study, SS_BASELINE, NULL, p);
  g_assert_false (p->too_many_states);
  for (guint t = 0; t < p->n_years; t++)
    {
      g_assert_cmpfloat (p->var95_shortfall_impact[t], >=, 0);
      g_assert_cmpfloat (p->var95_shortfall_impact[t], <=, p->total_cost_purchase[t]);
    }

  /* An eighth item with a new value from QA only: 9 · 8^5 states. */
  item = ss_study_get_item (study, add_item (study, "M7", shares));
  for (guint c = 0; c < 6; c++)
    {
      item->sources[c].set |= 1u << SS_SOURCE_DISRUPTION_PROBABILITY;
      item->sources[c].attr[SS_SOURCE_DISRUPTION_PROBABILITY] = c == 0 ? 0.5 : 0.01 + c / 1000.0;
    }
  g_assert_false (ss_engine_check_joint_states (study, SS_BASELINE, SS_NO_SHOCK, &message));
  g_test_message ("%s", message);
  g_assert_cmpstr (message, ==, "294912 joint disruption states, expected at most 262144 (2^18): "
                                "country QA has 8 distinct disruption probabilities "
                                "(0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.5)");
  ss_engine_project (study, SS_BASELINE, NULL, p);
  g_assert_true (p->too_many_states);
  for (guint t = 0; t < p->n_years; t++)
    {
      g_assert_true (isnan (p->var95_shortfall_impact[t]));
      g_assert_cmpfloat (p->expected_shortfall_impact[t], >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reference/random-studies", test_random_studies);
  g_test_add_func ("/reference/target-equals-baseline", test_target_equals_baseline);
  g_test_add_func ("/reference/single-country", test_single_country);
  g_test_add_func ("/reference/home-only-item", test_home_only_item);
  g_test_add_func ("/reference/thresholds-exact", test_thresholds_exact);
  g_test_add_func ("/reference/thresholds-custom", test_thresholds_custom);
  g_test_add_func ("/reference/top-country-ties", test_top_country_ties);
  g_test_add_func ("/reference/stockpile-covers-all", test_stockpile_covers_all);
  g_test_add_func ("/reference/no-disruption", test_no_disruption);
  g_test_add_func ("/reference/ramp-catch-up", test_ramp_catch_up);
  g_test_add_func ("/reference/hand-disruption", test_hand_disruption);
  g_test_add_func ("/reference/shortfall-boundary", test_shortfall_boundary);
  g_test_add_func ("/reference/certain-disruption", test_certain_disruption);
  g_test_add_func ("/reference/override-precedence", test_override_precedence);
  g_test_add_func ("/reference/v2/random-studies", test_random_v2_studies);
  g_test_add_func ("/reference/v2/worked-examples", test_worked_examples);
  g_test_add_func ("/reference/v2/item-shock-leaves-others", test_item_shock_leaves_others);
  g_test_add_func ("/reference/v2/var-at-exactly-95", test_var_at_exactly_95);
  g_test_add_func ("/reference/v2/share-residue", test_share_residue);
  g_test_add_func ("/reference/v2/price-override-reaches-items", test_price_override_reaches_items);
  g_test_add_func ("/reference/v2/policy-targets", test_policy_targets);
  g_test_add_func ("/reference/v2/too-many-states", test_too_many_states);

  status = g_test_run ();
  g_test_message ("%u studies and %u stress cells, %u figures compared in all", total_studies,
                  total_cells, total_figures);
  return status;
}
