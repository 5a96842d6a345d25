/* test-optimiser.c: the cost–risk frontier (model/ss-optimiser.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The optimiser is checked against what makes a mix optimal rather than
 * against a second solver: the KKT conditions of model.md §7's problem,
 * objectives no worse than those of random feasible mixes and of small
 * feasible moves away from the solution, the cheapest end against a
 * cheapest fill computed here by sorting, and the frontier's monotonicity.
 * The unit costs and risk weights are recomputed here from the study (with
 * scenario overrides and source overrides) without the engine's help.
 *
 * The random studies use a GRand with a fixed seed per study, so a failure
 * names the seed that reproduces it.
 */

#define G_LOG_DOMAIN "supplyshift-test-optimiser"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ss-attrs.h"
#include "ss-engine.h"
#include "ss-optimiser.h"
#include "ss-study-file.h"

#define N_RANDOM_STUDIES 300
#define RANDOM_SEED_BASE 20250301
#define N_RANDOM_MIXES 1000
#define KKT_EPSILON 1e-9
#define SUM_EPSILON 1e-12
#define ORDER_EPSILON 1e-12
#define N_FRONTIER_POINTS 25

/* ------------------------------------------------------------------ */
/* The problem, recomputed from the study                              */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint  n;
  double u[SS_MAX_COUNTRIES];
  double q[SS_MAX_COUNTRIES];
  double cap[SS_MAX_COUNTRIES];
} Reference;

static void
reference_init (Reference *ref,
                SsStudy   *study,
                int        scenario,
                guint      item_index)
{
  SsItem *item = ss_study_get_item (study, item_index);
  SsScenario *sc = scenario == SS_BASELINE ? NULL : ss_study_get_scenario (study, scenario);

  ref->n = ss_study_get_n_countries (study);
  for (guint c = 0; c < ref->n; c++)
    {
      SsCountry *country = ss_study_get_country (study, c);
      SsSource *src = &item->sources[c];
      double k = country->attr[SS_COUNTRY_COST_INDEX];
      double tau = country->attr[SS_COUNTRY_TARIFF];
      double logistics = country->attr[SS_COUNTRY_LOGISTICS];
      double governance = country->attr[SS_COUNTRY_GOVERNANCE];

      for (guint o = 0; sc != NULL && o < sc->overrides->len; o++)
        {
          SsCountryOverride *ov = &g_array_index (sc->overrides, SsCountryOverride, o);

          if (ov->country != c)
            continue;
          if (ov->set & (1u << SS_COUNTRY_COST_INDEX))
            k = ov->attr[SS_COUNTRY_COST_INDEX];
          if (ov->set & (1u << SS_COUNTRY_TARIFF))
            tau = ov->attr[SS_COUNTRY_TARIFF];
          if (ov->set & (1u << SS_COUNTRY_LOGISTICS))
            logistics = ov->attr[SS_COUNTRY_LOGISTICS];
          if (ov->set & (1u << SS_COUNTRY_GOVERNANCE))
            governance = ov->attr[SS_COUNTRY_GOVERNANCE];
        }
      /* An item's own price moves with its country's in a scenario, by
       * the ratio of the indices and the difference of the tariffs
       * (model.md §1.1). */
      if (src->set & (1u << SS_SOURCE_COST_INDEX))
        k = src->attr[SS_SOURCE_COST_INDEX] * k / country->attr[SS_COUNTRY_COST_INDEX];
      if (src->set & (1u << SS_SOURCE_TARIFF))
        tau = CLAMP (src->attr[SS_SOURCE_TARIFF] + tau - country->attr[SS_COUNTRY_TARIFF], 0, 5);

      ref->u[c] = k * (1 + tau + logistics);
      ref->q[c] = governance * src->attr[SS_SOURCE_TRADE_FACTOR]
                  * item->attr[SS_ITEM_SUBSTITUTABILITY] * (1 - item->attr[SS_ITEM_RECYCLING]);
      ref->cap[c] = src->attr[SS_SOURCE_CAPACITY];
    }
}

static double
reference_cost (const Reference *ref,
                const double    *s)
{
  double sum = 0;

  for (guint c = 0; c < ref->n; c++)
    sum += ref->u[c] * s[c];
  return sum;
}

static double
reference_risk (const Reference *ref,
                const double    *s)
{
  double sum = 0;

  for (guint c = 0; c < ref->n; c++)
    sum += ref->q[c] * s[c] * s[c];
  return sum;
}

static double
objective (const Reference *ref,
           double           lambda,
           const double    *s)
{
  return reference_cost (ref, s) + lambda * reference_risk (ref, s);
}

static const Reference *sort_ref;

static int
compare_by_cost (const void *a,
                 const void *b)
{
  double x = sort_ref->u[*(const guint *)a], y = sort_ref->u[*(const guint *)b];

  return (x > y) - (x < y);
}

/* The cheapest feasible cost: the cheapest countries filled to their caps. */
static double
lp_minimum (const Reference *ref)
{
  guint order[SS_MAX_COUNTRIES];
  double rest = 1, cost = 0;

  for (guint c = 0; c < ref->n; c++)
    order[c] = c;
  sort_ref = ref;
  qsort (order, ref->n, sizeof order[0], compare_by_cost);
  for (guint j = 0; j < ref->n && rest > 0; j++)
    {
      double take = MIN (ref->cap[order[j]], rest);

      cost += take * ref->u[order[j]];
      rest -= take;
    }
  return cost;
}

static double
slack (double x)
{
  return ORDER_EPSILON * MAX (1, fabs (x));
}

/* ------------------------------------------------------------------ */
/* Checks                                                              */
/* ------------------------------------------------------------------ */

static void
check_feasible (const Reference *ref,
                const double    *s)
{
  double sum = 0;

  for (guint c = 0; c < ref->n; c++)
    {
      g_assert_cmpfloat (s[c], >=, 0);
      g_assert_cmpfloat (s[c], <=, ref->cap[c]);
      sum += s[c];
    }
  g_assert_cmpfloat_with_epsilon (sum, 1, SUM_EPSILON);
}

/* With marginal cost m_c = u_c + 2 λ q_c s_c, some ν has m_c = ν for shares
 * strictly inside (0, cap), m_c ≥ ν at 0 and m_c ≤ ν at cap. */
static void
check_kkt (const Reference *ref,
           double           lambda,
           const double    *s)
{
  double m[SS_MAX_COUNTRIES];
  double nu_low = -INFINITY, nu_high = INFINITY;

  for (guint c = 0; c < ref->n; c++)
    {
      m[c] = ref->u[c] + 2 * lambda * ref->q[c] * s[c];
      if (ref->cap[c] <= 0)
        continue;                      /* nothing to choose */
      if (s[c] <= 0)
        nu_high = MIN (nu_high, m[c]);
      else if (s[c] >= ref->cap[c])
        nu_low = MAX (nu_low, m[c]);
      else
        {
          nu_low = MAX (nu_low, m[c]);
          nu_high = MIN (nu_high, m[c]);
        }
    }
  /* One ν fits them all: every interior marginal within 1e-9 of the
   * others, above those at cap and below those at zero. Relative once ν
   * passes 1: at λ = 1e9 it is in the millions, where 1e-9 is below the
   * spacing of doubles. */
  g_assert_cmpfloat (nu_low, <=, nu_high + KKT_EPSILON * MAX (1, fabs (nu_high)));
}

/* A random feasible mix: random amounts in a random order, then the
 * remainder filled in another random order, so vertices and interior
 * points both turn up. */
static void
random_mix (GRand           *r,
            const Reference *ref,
            double          *s)
{
  guint order[SS_MAX_COUNTRIES];
  double rest = 1;

  for (guint c = 0; c < ref->n; c++)
    order[c] = c;
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint j = ref->n; j > 1; j--)
        {
          guint k = g_rand_int_range (r, 0, j), t = order[j - 1];

          order[j - 1] = order[k];
          order[k] = t;
        }
      for (guint j = 0; j < ref->n; j++)
        {
          guint c = order[j];
          double before = pass ? s[c] : 0;
          double room = MAX (0, MIN (ref->cap[c] - before, rest));
          double take = pass ? room : room * g_rand_double (r) * g_rand_int_range (r, 0, 2);

          s[c] = MIN (ref->cap[c], before + take);
          rest -= s[c] - before;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Random studies                                                      */
/* ------------------------------------------------------------------ */

static gboolean
chance (GRand  *r,
        double  p)
{
  return g_rand_double (r) < p;
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

/* Studies with one to sixteen countries and a few items, built with the
 * public API. Cost indices are sometimes drawn from a few values, so
 * countries tie in cost; caps are sometimes 0 or small; one study in ten
 * has a country without risk (governance or trade factor 0, outside the
 * file's ranges but a case the solver handles). The caps of every item
 * sum to 1 or more. One scenario overrides some countries. */
static SsStudy *
random_study (guint seed)
{
  static const char letters[] = "ABCDEFGHIJKLMNOP";
  g_autoptr(GRand) r = g_rand_new_with_seed (seed);
  SsStudy *study = ss_study_new ();
  guint nc = g_rand_int_range (r, 1, SS_MAX_COUNTRIES + 1);
  guint ni = g_rand_int_range (r, 1, 4);
  gboolean ties = chance (r, 0.3);
  gboolean riskless = chance (r, 0.1);
  SsScenario *sc;

  for (guint c = 0; c < nc; c++)
    {
      char code[3] = { 'X', letters[c], 0 };
      SsCountry *country = ss_study_get_country (study, ss_study_add_country (study, code, code));

      country->attr[SS_COUNTRY_GOVERNANCE] = g_rand_double_range (r, 0.5, 9);
      country->attr[SS_COUNTRY_COST_INDEX] = ties ? 1 + 0.1 * g_rand_int_range (r, 0, 3)
                                                  : g_rand_double_range (r, 0.8, 1.6);
      country->attr[SS_COUNTRY_TARIFF] = ties ? 0 : g_rand_double_range (r, 0, 0.1);
      country->attr[SS_COUNTRY_LOGISTICS] = ties ? 0 : g_rand_double_range (r, 0, 0.1);
      if (riskless && chance (r, 0.3))
        country->attr[SS_COUNTRY_GOVERNANCE] = 0;
    }

  for (guint i = 0; i < ni; i++)
    {
      g_autofree char *code = g_strdup_printf ("item-%u", i);
      SsItem *item = ss_study_get_item (study, ss_study_add_item (study, code, code));
      double cap_sum = 0;

      item->attr[SS_ITEM_VALUE] = g_rand_double_range (r, 10, 1000);
      item->attr[SS_ITEM_SUBSTITUTABILITY] = chance (r, 0.05) ? 0 : g_rand_double_range (r, 0.3, 1);
      item->attr[SS_ITEM_RECYCLING] = chance (r, 0.05) ? 1 : g_rand_double_range (r, 0, 0.5);
      for (guint c = 0; c < nc; c++)
        {
          SsSource *src = &item->sources[c];

          src->listed = TRUE;
          src->attr[SS_SOURCE_SHARE] = 1.0 / nc;
          if (!ties && chance (r, 0.3))
            {
              src->attr[SS_SOURCE_COST_INDEX] = g_rand_double_range (r, 0.8, 2);
              src->set |= 1u << SS_SOURCE_COST_INDEX;
            }
          if (!ties && chance (r, 0.2))
            {
              src->attr[SS_SOURCE_TARIFF] = g_rand_double_range (r, 0, 0.3);
              src->set |= 1u << SS_SOURCE_TARIFF;
            }
          if (chance (r, 0.6))
            {
              double roll = g_rand_double (r);

              src->attr[SS_SOURCE_CAPACITY] = roll < 0.1 ? 0 : roll < 0.2 ? 1e-6
                                              : g_rand_double_range (r, 0, 0.6);
              src->set |= 1u << SS_SOURCE_CAPACITY;
            }
          if (chance (r, 0.4))
            {
              src->attr[SS_SOURCE_TRADE_FACTOR] = riskless && chance (r, 0.2)
                                                  ? 0 : g_rand_double_range (r, 0.5, 2);
              src->set |= 1u << SS_SOURCE_TRADE_FACTOR;
            }
          cap_sum += src->attr[SS_SOURCE_CAPACITY];
        }
      if (cap_sum < 1)
        item->sources[g_rand_int_range (r, 0, nc)].attr[SS_SOURCE_CAPACITY] = 1;
    }

  sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "shock", "Shock"));
  for (guint c = 0; c < nc; c++)
    if (chance (r, 0.4))
      {
        SsCountryOverride *ov = add_override (sc, c);

        ov->set = (1u << SS_COUNTRY_COST_INDEX) | (1u << SS_COUNTRY_LOGISTICS)
                  | (1u << SS_COUNTRY_GOVERNANCE) | (1u << SS_COUNTRY_TARIFF);
        ov->attr[SS_COUNTRY_COST_INDEX] = g_rand_double_range (r, 0.5, 3);
        ov->attr[SS_COUNTRY_LOGISTICS] = g_rand_double_range (r, 0, 0.5);
        ov->attr[SS_COUNTRY_GOVERNANCE] = g_rand_double_range (r, 0.5, 10);
        ov->attr[SS_COUNTRY_TARIFF] = g_rand_double_range (r, 0, 1);
      }
  return study;
}

/* Risk aversion around where the two terms weigh the same, over eighteen
 * decades, so some solutions are nearly the cheapest and some nearly the
 * least risky. */
static double
random_lambda (GRand           *r,
               const Reference *ref)
{
  double u = 0, q = 0;

  for (guint c = 0; c < ref->n; c++)
    u += ref->u[c], q += ref->q[c];
  return (q > 0 ? u / q : 1) * pow (10, g_rand_double_range (r, -9, 9));
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */
/* ------------------------------------------------------------------ */

static void
test_kkt (void)
{
  for (guint k = 0; k < N_RANDOM_STUDIES; k++)
    {
      guint seed = RANDOM_SEED_BASE + k;
      g_autoptr(SsStudy) study = random_study (seed);
      g_autoptr(GRand) r = g_rand_new_with_seed (seed);

      g_test_message ("seed %u", seed);
      for (int scenario = SS_BASELINE; scenario < 1; scenario++)
        for (guint i = 0; i < ss_study_get_n_items (study); i++)
          for (guint round = 0; round < 4; round++)
            {
              Reference ref;
              double s[SS_MAX_COUNTRIES], lambda;
              g_autoptr(GError) error = NULL;

              reference_init (&ref, study, scenario, i);
              lambda = random_lambda (r, &ref);
              g_assert_true (ss_optimiser_solve (study, scenario, i, lambda, s, &error));
              g_assert_no_error (error);
              check_feasible (&ref, s);
              check_kkt (&ref, lambda, s);

              g_assert_cmpfloat_with_epsilon (ss_optimiser_cost (study, scenario, i, s),
                                              reference_cost (&ref, s), 1e-12);
              g_assert_cmpfloat_with_epsilon (ss_optimiser_risk (study, scenario, i, s),
                                              reference_risk (&ref, s), 1e-12);
            }
    }
}

/* No random feasible mix, and no small feasible move from the solution,
 * does better. */
static void
test_random_mixes (void)
{
  for (guint k = 0; k < N_RANDOM_STUDIES / 3; k++)
    {
      guint seed = RANDOM_SEED_BASE + k;
      g_autoptr(SsStudy) study = random_study (seed);
      g_autoptr(GRand) r = g_rand_new_with_seed (seed ^ 0x5eed);

      g_test_message ("seed %u", seed);
      for (int scenario = SS_BASELINE; scenario < 1; scenario++)
        for (guint i = 0; i < ss_study_get_n_items (study); i++)
          {
            Reference ref;
            double s[SS_MAX_COUNTRIES], mix[SS_MAX_COUNTRIES], lambda, best;

            reference_init (&ref, study, scenario, i);
            lambda = random_lambda (r, &ref);
            g_assert_true (ss_optimiser_solve (study, scenario, i, lambda, s, NULL));
            best = objective (&ref, lambda, s);

            for (guint m = 0; m < N_RANDOM_MIXES; m++)
              {
                random_mix (r, &ref, mix);
                check_feasible (&ref, mix);
                g_assert_cmpfloat (best, <=, objective (&ref, lambda, mix) + slack (best));
              }

            for (guint m = 0; m < 200 && ref.n > 1; m++)
              {
                guint to = g_rand_int_range (r, 0, ref.n), from = g_rand_int_range (r, 0, ref.n);
                double room = MIN (ref.cap[to] - s[to], s[from]);

                if (to == from || room <= 0)
                  continue;
                memcpy (mix, s, sizeof mix);
                mix[to] += room * pow (10, g_rand_double_range (r, -6, 0));
                mix[from] -= mix[to] - s[to];
                g_assert_cmpfloat (best, <=, objective (&ref, lambda, mix) + slack (best));
              }
          }
    }
}

static void
check_frontier (SsStudy *study,
                int      scenario,
                guint    item,
                GArray  *frontier,
                guint    n_points)
{
  Reference ref;
  SsMix *first, *last;

  reference_init (&ref, study, scenario, item);
  g_assert_nonnull (frontier);
  g_assert_cmpuint (frontier->len, ==, n_points);

  first = &g_array_index (frontier, SsMix, 0);
  last = &g_array_index (frontier, SsMix, n_points - 1);
  g_assert_cmpfloat (first->lambda, ==, 0);
  g_assert_true (isinf (last->lambda) && last->lambda > 0);

  /* The cheapest end costs what the cheapest fill costs. */
  g_assert_cmpfloat_with_epsilon (first->cost, lp_minimum (&ref), slack (first->cost));

  for (guint k = 0; k < n_points; k++)
    {
      SsMix *mix = &g_array_index (frontier, SsMix, k);

      check_feasible (&ref, mix->shares);
      g_assert_cmpfloat_with_epsilon (mix->cost, reference_cost (&ref, mix->shares), 1e-12);
      g_assert_cmpfloat_with_epsilon (mix->risk, reference_risk (&ref, mix->shares), 1e-12);
      /* Nothing is cheaper than the cheapest end or less risky than the
       * least-risk end. */
      g_assert_cmpfloat (first->cost, <=, mix->cost + slack (mix->cost));
      g_assert_cmpfloat (last->risk, <=, mix->risk + slack (mix->risk));
      if (k > 0 && k < n_points - 1)
        {
          check_kkt (&ref, mix->lambda, mix->shares);
          g_assert_cmpfloat (mix->lambda, >, g_array_index (frontier, SsMix, k - 1).lambda);
        }
      if (k > 0)
        {
          SsMix *prev = &g_array_index (frontier, SsMix, k - 1);

          g_assert_cmpfloat (mix->cost, >=, prev->cost - slack (prev->cost));
          g_assert_cmpfloat (mix->risk, <=, prev->risk + slack (prev->risk));
        }
    }
}

static void
test_frontier (void)
{
  for (guint k = 0; k < N_RANDOM_STUDIES; k++)
    {
      guint seed = RANDOM_SEED_BASE + k;
      g_autoptr(SsStudy) study = random_study (seed);
      g_autoptr(GRand) r = g_rand_new_with_seed (seed ^ 0xf00d);
      guint n_points = 2 + k % 30;

      g_test_message ("seed %u", seed);
      for (int scenario = SS_BASELINE; scenario < 1; scenario++)
        for (guint i = 0; i < ss_study_get_n_items (study); i++)
          {
            g_autoptr(GArray) frontier = ss_optimiser_frontier (study, scenario, i, n_points, NULL);
            SsMix *first, *last;
            Reference ref;
            double mix[SS_MAX_COUNTRIES];

            check_frontier (study, scenario, i, frontier, n_points);
            reference_init (&ref, study, scenario, i);
            first = &g_array_index (frontier, SsMix, 0);
            last = &g_array_index (frontier, SsMix, n_points - 1);
            for (guint m = 0; m < N_RANDOM_MIXES; m++)
              {
                double cost, risk;

                random_mix (r, &ref, mix);
                cost = reference_cost (&ref, mix);
                risk = reference_risk (&ref, mix);
                g_assert_cmpfloat (first->cost, <=, cost + slack (cost));
                g_assert_cmpfloat (last->risk, <=, risk + slack (risk));
              }

            /* solve () at 0 and at infinity gives the same ends. */
            g_assert_true (ss_optimiser_solve (study, scenario, i, 0, mix, NULL));
            g_assert_cmpmem (mix, ref.n * sizeof (double), first->shares, ref.n * sizeof (double));
            g_assert_true (ss_optimiser_solve (study, scenario, i, INFINITY, mix, NULL));
            g_assert_cmpmem (mix, ref.n * sizeof (double), last->shares, ref.n * sizeof (double));
          }
    }
}

/* Two countries without caps: s_A = (u_B − u_A + 2 λ q_B) / (2 λ (q_A + q_B)). */
static void
test_two_countries (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  SsCountry *a = ss_study_get_country (study, ss_study_add_country (study, "AA", "A"));
  SsCountry *b = ss_study_get_country (study, ss_study_add_country (study, "BB", "B"));
  SsItem *item = ss_study_get_item (study, ss_study_add_item (study, "x", "x"));
  double s[2], ua = 1.0 * 1.05, ub = 1.2 * 1.02, qa = 6 * 0.8, qb = 2 * 0.8;

  a->attr[SS_COUNTRY_GOVERNANCE] = 6;
  a->attr[SS_COUNTRY_LOGISTICS] = 0.05;
  b->attr[SS_COUNTRY_GOVERNANCE] = 2;
  b->attr[SS_COUNTRY_COST_INDEX] = 1.2;
  b->attr[SS_COUNTRY_LOGISTICS] = 0.02;
  item->attr[SS_ITEM_VALUE] = 100;
  item->attr[SS_ITEM_SUBSTITUTABILITY] = 1;
  item->attr[SS_ITEM_RECYCLING] = 0.2;
  item->sources[0].attr[SS_SOURCE_SHARE] = 1;

  for (double lambda = 0.01; lambda < 10; lambda *= 1.7)
    {
      double expected = CLAMP ((ub - ua + 2 * lambda * qb) / (2 * lambda * (qa + qb)), 0, 1);

      g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, lambda, s, NULL));
      g_assert_cmpfloat_with_epsilon (s[0], expected, 1e-12);
      g_assert_cmpfloat_with_epsilon (s[1], 1 - expected, 1e-12);
    }

  /* The ends: all from A (cheaper), and q-weighted 1 : 3 (A is riskier). */
  g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, 0, s, NULL));
  g_assert_cmpfloat (s[0], ==, 1);
  g_assert_cmpfloat (s[1], ==, 0);
  g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, INFINITY, s, NULL));
  g_assert_cmpfloat_with_epsilon (s[0], 0.25, 1e-15);
  g_assert_cmpfloat_with_epsilon (s[1], 0.75, 1e-15);

  /* With A capped at 0.4 the cheapest end takes B for the rest. */
  item->sources[0].attr[SS_SOURCE_CAPACITY] = 0.4;
  g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, 0, s, NULL));
  g_assert_cmpfloat (s[0], ==, 0.4);
  g_assert_cmpfloat_with_epsilon (s[1], 0.6, 1e-15);
}

static void
test_infeasible (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(GError) error = NULL;
  SsItem *item;
  double s[3];

  for (guint c = 0; c < 3; c++)
    {
      char code[3] = { 'C', 'A' + c, 0 };

      ss_study_add_country (study, code, code);
    }
  item = ss_study_get_item (study, ss_study_add_item (study, "280461", "Silicon"));
  item->sources[0].attr[SS_SOURCE_CAPACITY] = 0.5;
  item->sources[1].attr[SS_SOURCE_CAPACITY] = 0.3;
  item->sources[2].attr[SS_SOURCE_CAPACITY] = 0.1;

  g_assert_false (ss_optimiser_solve (study, SS_BASELINE, 0, 1, s, &error));
  g_assert_error (error, SS_OPTIMISER_ERROR, SS_OPTIMISER_ERROR_INFEASIBLE);
  g_assert_nonnull (strstr (error->message, "sum to 0.9, below 1"));
  g_assert_nonnull (strstr (error->message, "280461"));
  g_clear_error (&error);

  g_assert_false (ss_optimiser_solve (study, SS_BASELINE, 0, 0, s, &error));
  g_assert_error (error, SS_OPTIMISER_ERROR, SS_OPTIMISER_ERROR_INFEASIBLE);
  g_clear_error (&error);

  g_assert_null (ss_optimiser_frontier (study, SS_BASELINE, 0, 10, &error));
  g_assert_error (error, SS_OPTIMISER_ERROR, SS_OPTIMISER_ERROR_INFEASIBLE);
  g_clear_error (&error);

  /* Short of 1 by rounding only: feasible, every country at its cap. */
  item->sources[2].attr[SS_SOURCE_CAPACITY] = 0.2 - 5e-13;
  g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, 1, s, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (s[0], ==, 0.5);
  g_assert_cmpfloat (s[1], ==, 0.3);
  g_assert_cmpfloat (s[2], ==, 0.2 - 5e-13);
}

/* SI (1 − R) = 0: no risk term, so every λ gives the cheapest fill, ties
 * going to the country declared first. */
static void
test_no_risk (void)
{
  static const double cost[] = { 1.2, 1.0, 1.1, 1.0, 1.1, 0.9 };
  static const double cap[] = { 1, 0.3, 0.5, 0.4, 0.5, 0.2 };
  static const double expected[] = { 0, 0.3, 0.1, 0.4, 0, 0.2 };
  g_autoptr(SsStudy) study = ss_study_new ();
  SsItem *item;
  double s[6];

  for (guint c = 0; c < 6; c++)
    {
      char code[3] = { 'C', 'A' + c, 0 };
      SsCountry *country = ss_study_get_country (study, ss_study_add_country (study, code, code));

      country->attr[SS_COUNTRY_COST_INDEX] = cost[c];
      country->attr[SS_COUNTRY_GOVERNANCE] = 1 + c;
    }
  item = ss_study_get_item (study, ss_study_add_item (study, "x", "x"));
  for (guint c = 0; c < 6; c++)
    item->sources[c].attr[SS_SOURCE_CAPACITY] = cap[c];

  for (guint variant = 0; variant < 2; variant++)
    {
      g_autoptr(GArray) frontier = NULL;

      item->attr[SS_ITEM_SUBSTITUTABILITY] = variant == 0 ? 0 : 0.7;
      item->attr[SS_ITEM_RECYCLING] = variant == 0 ? 0.3 : 1;

      for (double lambda = 1e-3; lambda < 1e4; lambda *= 10)
        {
          g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, lambda, s, NULL));
          for (guint c = 0; c < 6; c++)
            g_assert_cmpfloat_with_epsilon (s[c], expected[c], 1e-15);
        }

      frontier = ss_optimiser_frontier (study, SS_BASELINE, 0, 7, NULL);
      check_frontier (study, SS_BASELINE, 0, frontier, 7);
      for (guint k = 0; k < frontier->len; k++)
        {
          SsMix *mix = &g_array_index (frontier, SsMix, k);

          g_assert_cmpfloat (mix->risk, ==, 0);
          for (guint c = 0; c < 6; c++)
            g_assert_cmpfloat_with_epsilon (mix->shares[c], expected[c], 1e-15);
        }
    }
}

/* Countries without risk (q_c = 0) fill up to their caps once ν passes
 * their cost; tied at ν, they take exactly what is left. */
static void
test_riskless_countries (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  SsItem *item;
  double s[4];

  /* A (riskless, 1.0, cap 0.3), B (risky, 1.0), C (riskless, 1.5, cap 1),
   * D (risky, 2.0). */
  for (guint c = 0; c < 4; c++)
    {
      static const double cost[] = { 1.0, 1.0, 1.5, 2.0 };
      char code[3] = { 'C', 'A' + c, 0 };
      SsCountry *country = ss_study_get_country (study, ss_study_add_country (study, code, code));

      country->attr[SS_COUNTRY_COST_INDEX] = cost[c];
      country->attr[SS_COUNTRY_GOVERNANCE] = c % 2 == 0 ? 0 : 4;
    }
  item = ss_study_get_item (study, ss_study_add_item (study, "x", "x"));
  item->attr[SS_ITEM_SUBSTITUTABILITY] = 0.5;
  item->sources[0].attr[SS_SOURCE_CAPACITY] = 0.3;

  /* q_B = q_D = 2. Small λ: ν between 1 and 1.5, A full, B the rest,
   * C none; B's marginal 1 + 4 λ 0.7 is below 1.5 for λ < 5/28. */
  g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, 0.1, s, NULL));
  g_assert_cmpfloat (s[0], ==, 0.3);
  g_assert_cmpfloat_with_epsilon (s[1], 0.7, 1e-15);
  g_assert_cmpfloat (s[2], ==, 0);
  g_assert_cmpfloat (s[3], ==, 0);

  /* Larger λ: ν sticks at C's cost 1.5, B at (1.5 − 1) / (4 λ), C the
   * rest exactly. */
  g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, 0.5, s, NULL));
  g_assert_cmpfloat (s[0], ==, 0.3);
  g_assert_cmpfloat_with_epsilon (s[1], 0.25, 1e-15);
  g_assert_cmpfloat_with_epsilon (s[2], 0.45, 1e-15);
  g_assert_cmpfloat (s[3], ==, 0);

  /* Least risk: the riskless countries take everything, cheapest first. */
  g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, INFINITY, s, NULL));
  g_assert_cmpfloat (s[0], ==, 0.3);
  g_assert_cmpfloat (s[1], ==, 0);
  g_assert_cmpfloat_with_epsilon (s[2], 0.7, 1e-15);
  g_assert_cmpfloat (s[3], ==, 0);

  /* Cheapest, with A and B tied at 1.0: A's cap first is no better than
   * any split, but the split that costs no risk is A full, B the rest. */
  g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, 0, s, NULL));
  g_assert_cmpfloat (s[0], ==, 0.3);
  g_assert_cmpfloat_with_epsilon (s[1], 0.7, 1e-15);
}

/* Countries tied in cost at the cheapest end split to minimise risk, which
 * is where the curve goes as λ → 0. */
static void
test_cheapest_ties (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  SsItem *item;
  double s[3];
  g_autoptr(GArray) frontier = NULL;

  for (guint c = 0; c < 3; c++)
    {
      char code[3] = { 'C', 'A' + c, 0 };
      SsCountry *country = ss_study_get_country (study, ss_study_add_country (study, code, code));

      country->attr[SS_COUNTRY_COST_INDEX] = c == 2 ? 0.9 : 1;
      country->attr[SS_COUNTRY_GOVERNANCE] = c == 0 ? 3 : 1;
    }
  item = ss_study_get_item (study, ss_study_add_item (study, "x", "x"));
  item->sources[2].attr[SS_SOURCE_CAPACITY] = 0.2;

  /* C full, then A and B split 0.8 in inverse proportion to 3 : 1. */
  g_assert_true (ss_optimiser_solve (study, SS_BASELINE, 0, 0, s, NULL));
  g_assert_cmpfloat_with_epsilon (s[0], 0.2, 1e-15);
  g_assert_cmpfloat_with_epsilon (s[1], 0.6, 1e-15);
  g_assert_cmpfloat (s[2], ==, 0.2);

  frontier = ss_optimiser_frontier (study, SS_BASELINE, 0, 12, NULL);
  check_frontier (study, SS_BASELINE, 0, frontier, 12);
}

/* u and q are the engine's: the spend shares and SR of a projection at the
 * base year agree with ss_optimiser_cost () and ss_optimiser_risk () of the
 * baseline shares, scenario overrides included. */
static void
test_engine_agrees (void)
{
  for (guint k = 0; k < 60; k++)
    {
      guint seed = RANDOM_SEED_BASE + k;
      g_autoptr(SsStudy) study = random_study (seed);
      g_autoptr(SsProjection) baseline = ss_projection_new ();
      g_autoptr(SsProjection) projection = ss_projection_new ();
      guint nc = ss_study_get_n_countries (study);
      guint ny;

      /* One item, so the spend shares are that item's. */
      while (ss_study_get_n_items (study) > 1)
        ss_study_remove_item (study, 1);
      g_test_message ("seed %u", seed);

      ss_engine_project (study, SS_BASELINE, NULL, baseline);
      for (int scenario = SS_BASELINE; scenario < 1; scenario++)
        {
          SsItem *item = ss_study_get_item (study, 0);
          SsProjection *p = scenario == SS_BASELINE ? baseline : projection;
          double b[SS_MAX_COUNTRIES], cost;
          Reference ref;

          if (scenario != SS_BASELINE)
            ss_engine_project (study, scenario, baseline, projection);
          ny = p->n_years;
          reference_init (&ref, study, scenario, 0);
          for (guint c = 0; c < nc; c++)
            b[c] = item->sources[c].attr[SS_SOURCE_SHARE];
          cost = ss_optimiser_cost (study, scenario, 0, b);

          g_assert_cmpfloat_with_epsilon (ss_optimiser_risk (study, scenario, 0, b),
                                          p->supply_risk[0], 1e-12);
          for (guint c = 0; c < nc; c++)
            g_assert_cmpfloat_with_epsilon (b[c] * ref.u[c] / cost, p->spend_share[c * ny], 1e-12);
        }
    }
}

/* The interior points are spread between the ends, not piled on them:
 * each has moved at least half a percent of the way from the cheapest end
 * (in cost or in risk) and is at least half a percent short of the
 * least-risk end (in cost or in risk). */
static void
check_spread (GArray *frontier)
{
  SsMix *first = &g_array_index (frontier, SsMix, 0);
  SsMix *last = &g_array_index (frontier, SsMix, frontier->len - 1);

  for (guint k = 1; k + 1 < frontier->len; k++)
    {
      SsMix *mix = &g_array_index (frontier, SsMix, k);
      double x = (mix->cost - first->cost) / (last->cost - first->cost);
      double y = (first->risk - mix->risk) / (first->risk - last->risk);

      g_assert_cmpfloat (MAX (x, y), >=, 0.005);
      g_assert_cmpfloat (MIN (x, y), <=, 0.995);
    }
}

/* The sample study: a valid frontier for every item under every scenario. */
static void
test_sample (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();

  for (int scenario = SS_BASELINE; scenario < (int)ss_study_get_n_scenarios (study); scenario++)
    for (guint i = 0; i < ss_study_get_n_items (study); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) frontier = ss_optimiser_frontier (study, scenario, i,
                                                            N_FRONTIER_POINTS, &error);

        g_assert_no_error (error);
        check_frontier (study, scenario, i, frontier, N_FRONTIER_POINTS);
        /* The curve moves: the least-risk end is less risky and dearer
         * than the cheapest end. */
        g_assert_cmpfloat (g_array_index (frontier, SsMix, 0).risk, >,
                           g_array_index (frontier, SsMix, N_FRONTIER_POINTS - 1).risk);
        g_assert_cmpfloat (g_array_index (frontier, SsMix, 0).cost, <,
                           g_array_index (frontier, SsMix, N_FRONTIER_POINTS - 1).cost);
        check_spread (frontier);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/optimiser/kkt", test_kkt);
  g_test_add_func ("/optimiser/random-mixes", test_random_mixes);
  g_test_add_func ("/optimiser/frontier", test_frontier);
  g_test_add_func ("/optimiser/two-countries", test_two_countries);
  g_test_add_func ("/optimiser/infeasible", test_infeasible);
  g_test_add_func ("/optimiser/no-risk", test_no_risk);
  g_test_add_func ("/optimiser/riskless-countries", test_riskless_countries);
  g_test_add_func ("/optimiser/cheapest-ties", test_cheapest_ties);
  g_test_add_func ("/optimiser/engine-agrees", test_engine_agrees);
  g_test_add_func ("/optimiser/sample", test_sample);

  return g_test_run ();
}
