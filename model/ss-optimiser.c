/* ss-optimiser.c: the cost–risk frontier of one item (model.md §7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For risk aversion λ the mix minimises Σ u_c s_c + λ Σ q_c s_c² over
 * 0 ≤ s_c ≤ cap_c, Σ s_c = 1. Writing a_c = 2 λ q_c, the optimum is
 * s_c(ν) = clamp ((ν − u_c) / a_c, 0, cap_c) for the ν that makes the
 * shares sum to 1; the sum is continuous and non-decreasing in ν, so ν is
 * found by bisection. A country with a_c = 0 is linear in s_c: it takes
 * nothing below ν = u_c and its whole capacity above, so the sum jumps
 * there; when the jump straddles 1, ν is exactly u_c and that country (or
 * the countries tied at u_c) takes what is left.
 *
 * Bisection leaves ν a rounding error away from the root, and when λ is
 * small the sum is so steep in ν that this error shows in the shares, so
 * the result is polished: what the sum misses is spread over the interior
 * shares in proportion to 1 / a_c, which is how they move together when ν
 * moves.
 *
 * The two ends of the frontier are the limits of the curve, computed
 * directly: λ → 0 fills the cheapest countries up to their capacity and
 * splits a tie in cost to minimise risk; λ → ∞ minimises risk, splitting
 * any freedom left (countries without risk) by cost. Between them the
 * points lie on a log grid of λ whose range is found on the curve: from
 * where the mix has moved 1 % of the way off the cheapest end to where it
 * is 1 % short of the least-risk end. A fixed range around mean u / mean q
 * put half the points of the sample study's frontiers on top of the ends.
 */

#define G_LOG_DOMAIN "supplyshift-optimiser"

#include "config.h"

#include <float.h>
#include <math.h>

#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-engine.h"
#include "ss-optimiser.h"

#define CAPACITY_EPSILON 1e-12
#define RISK_FLOOR 1e-100
#define QUADRATIC_EPSILON 1e-15
#define BISECTION_EPSILON 1e-15
#define BISECTION_STEPS 200
#define POLISH_STEPS 16

/* The frontier's interior points run on a log grid of λ from where the
 * mix has gone GRID_END_GAP of the way from the cheapest end to where it
 * is GRID_END_GAP short of the least-risk end (see frontier_range). */
#define GRID_END_GAP 0.01
#define GRID_SEARCH_DECADES 12.0
#define GRID_SEARCH_RESOLUTION 1e-3     /* decades */
#define GRID_MIN_DECADES 0.1
#define GRID_FALLBACK_DECADES 3.0

G_DEFINE_QUARK (ss-optimiser-error-quark, ss_optimiser_error)

/* One item's problem under one scenario. */
typedef struct
{
  guint  n;
  double u[SS_MAX_COUNTRIES];          /* u_ic(0) */
  double q[SS_MAX_COUNTRIES];          /* G_c t_ic SI_i (1 − R_i) */
  double cap[SS_MAX_COUNTRIES];
} Problem;

static void
problem_init (Problem       *p,
              const SsStudy *study,
              int            scenario,
              guint          item_index)
{
  const SsItem *item = ss_study_get_item (study, item_index);
  double risk_scale = item->attr[SS_ITEM_SUBSTITUTABILITY] * (1 - item->attr[SS_ITEM_RECYCLING]);
  double q_max = 0;

  p->n = ss_study_get_n_countries (study);
  for (guint c = 0; c < p->n; c++)
    {
      const SsSource *src = &item->sources[c];
      double eff[SS_COUNTRY_N_ATTRS];

      /* The same u_ic(0) as the engine's, overrides and all. */
      ss_engine_effective_country (study, scenario, c, eff);
      p->u[c] = ss_engine_landed_unit (src, ss_study_get_country (study, c)->attr, eff);
      p->q[c] = eff[SS_COUNTRY_GOVERNANCE] * src->attr[SS_SOURCE_TRADE_FACTOR] * risk_scale;
      p->cap[c] = src->attr[SS_SOURCE_CAPACITY];
      if (p->cap[c] > 0)
        q_max = MAX (q_max, p->q[c]);
    }

  /* Risk weights this small where a country can supply at all (SI (1 − R)
   * of 1e-300 is valid) are no risk term, as model.md says of
   * SI (1 − R) = 0: the λ that would weigh them against costs is beyond
   * what a double holds, and shares divided by them lose every digit.
   * docs/decisions.md. */
  if (q_max < RISK_FLOOR)
    for (guint c = 0; c < p->n; c++)
      p->q[c] = 0;
}

/* A scenario of the study, or SS_BASELINE. */
static gboolean
valid_scenario (const SsStudy *study,
                int            scenario)
{
  return scenario == SS_BASELINE
         || (scenario >= 0 && (guint)scenario < ss_study_get_n_scenarios (study));
}

static gboolean
problem_check (const Problem  *p,
               const SsStudy  *study,
               guint           item_index,
               GError        **error)
{
  char text[SS_NUMBER_BUF];
  double total = 0;

  for (guint c = 0; c < p->n; c++)
    total += p->cap[c];
  if (total >= 1 - CAPACITY_EPSILON)
    return TRUE;

  ss_format_number (text, sizeof text, total);
  g_set_error (error, SS_OPTIMISER_ERROR, SS_OPTIMISER_ERROR_INFEASIBLE,
               _("No mix of %s is feasible: its capacities sum to %s, below 1"),
               ss_study_get_item (study, item_index)->code, text);
  return FALSE;
}

/* Fills idx[0], idx[1], … up to their capacities until total is placed. */
static void
fill_in_order (const guint  *idx,
               guint         m,
               const double *cap,
               double        total,
               double       *s)
{
  for (guint j = 0; j < m; j++)
    {
      double take = MAX (0, MIN (cap[idx[j]], total));

      s[idx[j]] = take;
      total -= take;
    }
}

static void lp_fill (const guint  *idx,
                     guint         m,
                     const double *key,
                     const double *cap,
                     const double *tie_q,
                     double        total,
                     double       *s);

/* Country c's share at ν; a linear country at ν itself takes all it can
 * when with_ties, nothing otherwise. */
static double
qp_share (guint         c,
          const double *u,
          const double *a,
          const double *cap,
          double        nu,
          gboolean      with_ties)
{
  if (a[c] > 0)
    return CLAMP ((nu - u[c]) / a[c], 0, cap[c]);
  return u[c] < nu || (with_ties && u[c] == nu) ? cap[c] : 0;
}

static double
qp_sum (const guint  *idx,
        guint         m,
        const double *u,
        const double *a,
        const double *cap,
        double        nu,
        gboolean      with_ties)
{
  double sum = 0;

  for (guint j = 0; j < m; j++)
    sum += qp_share (idx[j], u, a, cap, nu, with_ties);
  return sum;
}

static void
qp_shares (const guint  *idx,
           guint         m,
           const double *u,
           const double *a,
           const double *cap,
           double        nu,
           double       *s)
{
  for (guint j = 0; j < m; j++)
    s[idx[j]] = qp_share (idx[j], u, a, cap, nu, FALSE);
}

/* Brings Σ s back to total after bisection (see the top of the file). */
static void
qp_polish (const guint  *idx,
           guint         m,
           const double *u,
           const double *a,
           const double *cap,
           double        nu,
           double        total,
           double       *s)
{
  for (guint step = 0; step < POLISH_STEPS; step++)
    {
      double sum = 0, weight = 0, rest;
      int best = -1;
      double best_gap = INFINITY;

      for (guint j = 0; j < m; j++)
        {
          guint c = idx[j];

          sum += s[c];
          if (a[c] > 0 && s[c] > 0 && s[c] < cap[c])
            weight += 1 / a[c];
        }
      rest = total - sum;
      if (fabs (rest) <= 2 * DBL_EPSILON * total)
        return;

      if (weight > 0)
        {
          for (guint j = 0; j < m; j++)
            {
              guint c = idx[j];

              if (a[c] > 0 && s[c] > 0 && s[c] < cap[c])
                s[c] = CLAMP (s[c] + rest / (a[c] * weight), 0, cap[c]);
            }
          continue;
        }

      /* Every share is at a bound: the one whose marginal cost is nearest
       * ν is the one about to move. */
      for (guint j = 0; j < m; j++)
        {
          guint c = idx[j];
          double gap = fabs (u[c] + a[c] * s[c] - nu);

          if ((rest > 0 ? s[c] < cap[c] : s[c] > 0) && gap < best_gap)
            best = c, best_gap = gap;
        }
      if (best < 0)
        return;
      s[best] = CLAMP (s[best] + rest, 0, cap[best]);
    }
}

/* Minimises Σ u_c s_c + ½ Σ a_c s_c² over the countries idx with
 * Σ s_c = total. Linear countries tied at the final ν share what is left
 * by tie_key (NULL: in declared order). */
static void
qp_fill (const guint  *idx,
         guint         m,
         const double *u,
         const double *a,
         const double *cap,
         const double *tie_key,
         double        total,
         double       *s)
{
  double lo = INFINITY, hi = -INFINITY, cap_sum = 0, scale = 0, nu;
  double a_used[SS_MAX_COUNTRIES];

  /* A quadratic term below rounding of the costs is no term: a country
   * whose a_c cap_c is 1e-15 of the problem's scale (a risk weight of
   * 4.9e-324 is valid) is linear. Kept, (ν − u_c) / a_c would make its
   * share all or nothing at the root, and the polish divides by a_c. */
  for (guint j = 0; j < m; j++)
    scale = MAX (scale, fabs (u[idx[j]]) + a[idx[j]] * cap[idx[j]]);
  for (guint j = 0; j < m; j++)
    a_used[idx[j]] = a[idx[j]] * cap[idx[j]] > QUADRATIC_EPSILON * scale ? a[idx[j]] : 0;
  a = a_used;

  for (guint j = 0; j < m; j++)
    {
      guint c = idx[j];

      s[c] = 0;
      cap_sum += cap[c];
      lo = MIN (lo, u[c]);
      hi = MAX (hi, u[c] + a[c] * cap[c]);
    }
  if (m == 0 || total <= 0)
    return;
  if (cap_sum <= total)
    {
      fill_in_order (idx, m, cap, cap_sum, s);
      return;
    }

  /* Is ν at the cost of a linear country, where the sum jumps? */
  for (guint j = 0; j < m; j++)
    {
      guint c = idx[j], tied[SS_MAX_COUNTRIES], n_tied = 0;
      double below;

      if (a[c] > 0 || cap[c] <= 0)
        continue;
      below = qp_sum (idx, m, u, a, cap, u[c], FALSE);
      if (below > total || qp_sum (idx, m, u, a, cap, u[c], TRUE) < total)
        continue;

      qp_shares (idx, m, u, a, cap, u[c], s);
      for (guint k = 0; k < m; k++)
        if (a[idx[k]] <= 0 && u[idx[k]] == u[c])
          tied[n_tied++] = idx[k];
      lp_fill (tied, n_tied, tie_key, cap, NULL, total - below, s);
      return;
    }

  /* Otherwise the sum is continuous where it crosses total:
   * qp_sum (lo) < total ≤ qp_sum (hi). */
  for (guint step = 0; step < BISECTION_STEPS; step++)
    {
      double mid = lo + (hi - lo) / 2;

      if (mid <= lo || mid >= hi)
        break;
      if (qp_sum (idx, m, u, a, cap, mid, FALSE) < total)
        lo = mid;
      else
        hi = mid;
      if (hi - lo <= BISECTION_EPSILON * MAX (fabs (lo), fabs (hi)))
        break;
    }
  nu = lo + (hi - lo) / 2;
  qp_shares (idx, m, u, a, cap, nu, s);
  qp_polish (idx, m, u, a, cap, nu, total, s);
}

/* Fills the countries idx in increasing key (NULL: all equal) up to their
 * capacities until total is placed. Countries tied in key that cannot all
 * be filled split what is left to minimise Σ tie_q s² (NULL: in declared
 * order). */
static void
lp_fill (const guint  *idx,
         guint         m,
         const double *key,
         const double *cap,
         const double *tie_q,
         double        total,
         double       *s)
{
  guint order[SS_MAX_COUNTRIES];
  double rest = total;

  /* Insertion sort: stable, so ties stay in declared order. */
  for (guint j = 0; j < m; j++)
    {
      guint k = j;

      s[idx[j]] = 0;
      while (k > 0 && key != NULL && key[order[k - 1]] > key[idx[j]])
        {
          order[k] = order[k - 1];
          k--;
        }
      order[k] = idx[j];
    }

  for (guint j = 0; j < m && rest > 0;)
    {
      guint end = j + 1;
      double group_cap = cap[order[j]];

      while (end < m && (key == NULL || key[order[end]] == key[order[j]]))
        group_cap += cap[order[end++]];

      if (group_cap <= rest)
        {
          for (guint k = j; k < end; k++)
            s[order[k]] = cap[order[k]];
          rest -= group_cap;
        }
      else if (tie_q != NULL && end - j > 1)
        {
          double zero[SS_MAX_COUNTRIES] = { 0 }, a[SS_MAX_COUNTRIES] = { 0 }, q_max = 0;

          /* With costs equal the split depends on the ratios of the risk
           * weights only: scaled to at most 1, weights of 1e-300 keep
           * their digits. */
          for (guint k = j; k < end; k++)
            q_max = MAX (q_max, tie_q[order[k]]);
          for (guint k = j; k < end; k++)
            a[order[k]] = q_max > 0 ? tie_q[order[k]] / q_max : 0;
          qp_fill (&order[j], end - j, zero, a, cap, NULL, rest, s);
          rest = 0;
        }
      else
        {
          fill_in_order (&order[j], end - j, cap, rest, s);
          rest = 0;
        }
      j = end;
    }
}

static void
all_countries (const Problem *p,
               guint         *idx)
{
  for (guint c = 0; c < p->n; c++)
    idx[c] = c;
}

static void
solve_cheapest (const Problem *p,
                double        *s)
{
  guint idx[SS_MAX_COUNTRIES];

  all_countries (p, idx);
  lp_fill (idx, p->n, p->u, p->cap, p->q, 1, s);
}

static void
solve_least_risk (const Problem *p,
                  double        *s)
{
  guint idx[SS_MAX_COUNTRIES];
  double zero[SS_MAX_COUNTRIES] = { 0 }, a[SS_MAX_COUNTRIES], q_max = 0;

  /* Minimising Σ q_c s_c² depends on the ratios of the q_c only: scaled
   * to at most 1, as in lp_fill(). */
  all_countries (p, idx);
  for (guint c = 0; c < p->n; c++)
    q_max = MAX (q_max, p->q[c]);
  for (guint c = 0; c < p->n; c++)
    a[c] = q_max > 0 ? p->q[c] / q_max : 0;
  qp_fill (idx, p->n, zero, a, p->cap, p->u, 1, s);
}

static void
solve_lambda (const Problem *p,
              double         lambda,
              double        *s)
{
  guint idx[SS_MAX_COUNTRIES];
  double a[SS_MAX_COUNTRIES];
  gboolean any_risk = FALSE;

  if (lambda == 0)
    {
      solve_cheapest (p, s);
      return;
    }
  if (isinf (lambda))
    {
      solve_least_risk (p, s);
      return;
    }

  all_countries (p, idx);
  for (guint c = 0; c < p->n; c++)
    {
      a[c] = 2 * lambda * p->q[c];
      any_risk |= a[c] > 0;
    }
  /* Without a risk term (SI (1 − R) = 0) this is the cheapest fill, ties
   * to the country declared first. */
  if (!any_risk)
    lp_fill (idx, p->n, p->u, p->cap, NULL, 1, s);
  else
    qp_fill (idx, p->n, p->u, a, p->cap, NULL, 1, s);
}

static double
problem_cost (const Problem *p,
              const double  *s)
{
  double sum = 0;

  for (guint c = 0; c < p->n; c++)
    sum += p->u[c] * s[c];
  return sum;
}

static double
problem_risk (const Problem *p,
              const double  *s)
{
  double sum = 0;

  for (guint c = 0; c < p->n; c++)
    sum += p->q[c] * s[c] * s[c];
  return sum;
}

gboolean
ss_optimiser_solve (const SsStudy  *study,
                    int             scenario,
                    guint           item,
                    double          lambda,
                    double         *shares_out,
                    GError        **error)
{
  Problem p;

  g_return_val_if_fail (SS_IS_STUDY ((gpointer)study), FALSE);
  g_return_val_if_fail (item < ss_study_get_n_items (study), FALSE);
  g_return_val_if_fail (valid_scenario (study, scenario), FALSE);
  g_return_val_if_fail (lambda >= 0, FALSE);
  g_return_val_if_fail (shares_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  problem_init (&p, study, scenario, item);
  if (!problem_check (&p, study, item, error))
    return FALSE;
  solve_lambda (&p, lambda, shares_out);
  return TRUE;
}

typedef double (*ProblemFigure) (const Problem *p,
                                 const double  *s);

static double
figure_of (const SsStudy *study,
           int            scenario,
           guint          item,
           const double  *shares,
           ProblemFigure  figure)
{
  Problem p;

  g_return_val_if_fail (SS_IS_STUDY ((gpointer)study), NAN);
  g_return_val_if_fail (item < ss_study_get_n_items (study), NAN);

  problem_init (&p, study, scenario, item);
  return figure (&p, shares);
}

double
ss_optimiser_cost (const SsStudy *study,
                   int            scenario,
                   guint          item,
                   const double  *shares)
{
  return figure_of (study, scenario, item, shares, problem_cost);
}

double
ss_optimiser_risk (const SsStudy *study,
                   int            scenario,
                   guint          item,
                   const double  *shares)
{
  return figure_of (study, scenario, item, shares, problem_risk);
}

void
ss_mix_clear (SsMix *mix)
{
  g_clear_pointer (&mix->shares, g_free);
}

/* λ at which the two terms weigh about the same: mean u / mean q over the
 * countries that can supply at all. */
static double
lambda_scale (const Problem *p)
{
  double u = 0, q = 0;

  for (guint c = 0; c < p->n; c++)
    if (p->cap[c] > 0)
      {
        u += p->u[c];
        q += p->q[c];
      }
  return q > 0 ? u / q : 1;
}

typedef struct
{
  const Problem *p;
  double         scale;
  double         cost0, cost_span;     /* cheapest end, least-risk end − cheapest */
  double         risk0, risk_span;     /* cheapest end, cheapest − least-risk end */
} Range;

/* How far the mix at λ = scale · 10^decades has gone from the cheapest end
 * toward the least-risk end, in cost and in risk (each 0 … 1): the larger
 * of the two when leading, the smaller otherwise. */
static double
range_progress (const Range *r,
                double       decades,
                gboolean     leading)
{
  double s[SS_MAX_COUNTRIES], x, y;

  solve_lambda (r->p, r->scale * pow (10, decades), s);
  x = r->cost_span > 0 ? (problem_cost (r->p, s) - r->cost0) / r->cost_span : -1;
  y = r->risk_span > 0 ? (r->risk0 - problem_risk (r->p, s)) / r->risk_span : -1;
  if (x < -0.5)
    return y;
  if (y < -0.5)
    return x;
  return leading ? MAX (x, y) : MIN (x, y);
}

/* The decade where range_progress first reaches target; it only grows
 * with λ. */
static double
range_search (const Range *r,
              double       target,
              gboolean     leading)
{
  double lo = -GRID_SEARCH_DECADES, hi = GRID_SEARCH_DECADES;

  if (range_progress (r, lo, leading) >= target)
    return lo;
  if (range_progress (r, hi, leading) < target)
    return hi;
  while (hi - lo > GRID_SEARCH_RESOLUTION)
    {
      double mid = (lo + hi) / 2;

      if (range_progress (r, mid, leading) >= target)
        hi = mid;
      else
        lo = mid;
    }
  return hi;
}

/* A fixed λ range would put most points on top of the ends: how fast the
 * mix moves with λ depends on how far apart the costs are, so the range is
 * found on the curve itself, from the ends (computed first) and a few
 * dozen solves. When the ends cost and risk the same the curve is one
 * point and any range will do. */
static void
frontier_range (const Problem *p,
                const SsMix   *cheapest,
                const SsMix   *least_risk,
                double        *lambda_lo,
                double        *lambda_hi)
{
  Range r = { p, lambda_scale (p) };
  double lo, hi;

  r.cost0 = cheapest->cost;
  r.risk0 = cheapest->risk;
  if (least_risk->cost - cheapest->cost > CAPACITY_EPSILON * fabs (cheapest->cost))
    r.cost_span = least_risk->cost - cheapest->cost;
  if (cheapest->risk - least_risk->risk > CAPACITY_EPSILON * fabs (cheapest->risk))
    r.risk_span = cheapest->risk - least_risk->risk;

  if (r.cost_span > 0 || r.risk_span > 0)
    {
      lo = range_search (&r, GRID_END_GAP, TRUE);
      hi = range_search (&r, 1 - GRID_END_GAP, FALSE);
    }
  else
    {
      lo = -GRID_FALLBACK_DECADES;
      hi = GRID_FALLBACK_DECADES;
    }
  if (hi - lo < GRID_MIN_DECADES)
    {
      double mid = (lo + hi) / 2;

      lo = mid - GRID_MIN_DECADES / 2;
      hi = mid + GRID_MIN_DECADES / 2;
    }
  *lambda_lo = r.scale * pow (10, lo);
  *lambda_hi = r.scale * pow (10, hi);
}

static SsMix
mix_at (const Problem *p,
        double         lambda)
{
  SsMix mix;

  mix.lambda = lambda;
  mix.shares = g_new0 (double, MAX (p->n, 1));
  solve_lambda (p, lambda, mix.shares);
  mix.cost = problem_cost (p, mix.shares);
  mix.risk = problem_risk (p, mix.shares);
  return mix;
}

GArray *
ss_optimiser_frontier (const SsStudy  *study,
                       int             scenario,
                       guint           item,
                       guint           n_points,
                       GError        **error)
{
  GArray *frontier;
  Problem p;
  SsMix cheapest, least_risk;
  double lambda_lo, lambda_hi;

  g_return_val_if_fail (SS_IS_STUDY ((gpointer)study), NULL);
  g_return_val_if_fail (item < ss_study_get_n_items (study), NULL);
  g_return_val_if_fail (valid_scenario (study, scenario), NULL);
  g_return_val_if_fail (n_points >= 2, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  problem_init (&p, study, scenario, item);
  if (!problem_check (&p, study, item, error))
    return NULL;

  cheapest = mix_at (&p, 0);
  least_risk = mix_at (&p, INFINITY);
  frontier_range (&p, &cheapest, &least_risk, &lambda_lo, &lambda_hi);

  frontier = g_array_sized_new (FALSE, TRUE, sizeof (SsMix), n_points);
  g_array_set_clear_func (frontier, (GDestroyNotify)ss_mix_clear);
  g_array_append_val (frontier, cheapest);
  for (guint k = 1; k + 1 < n_points; k++)
    {
      /* Both ends of the range included; a single point in the middle. */
      double f = n_points > 3 ? (double)(k - 1) / (n_points - 3) : 0.5;
      SsMix mix = mix_at (&p, lambda_lo * pow (lambda_hi / lambda_lo, f));

      g_array_append_val (frontier, mix);
    }
  g_array_append_val (frontier, least_risk);
  return frontier;
}
