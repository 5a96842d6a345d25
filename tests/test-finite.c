/* test-finite.c: no accepted study yields NaN or infinity anywhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Studies are written as files with every attribute at the ends of its
 * range (the bound itself where the range is closed, the nearest double
 * inside where it is open), in the combinations that matter (the chain
 * of value, growth, cost index, cost growth, tariff and logistics that
 * makes a cost, and the governance, substitutability, recycling and
 * trade factor that make a risk), and at random extremes. Each is loaded
 * like any file, projected in every scenario and optimised for every item
 * and scenario; every figure must be a finite number, or null where
 * model.md leaves it undefined, checked here on its own terms rather than
 * with the engine's own check.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-attrs.h"
#include "ss-engine.h"
#include "ss-optimiser.h"
#include "ss-report.h"
#include "ss-study-file.h"

#define N_RANDOM_STUDIES 150

typedef enum
{
  END_MIN,
  END_MAX,
  ANYWHERE,
} End;

/* The smallest or largest value the file may hold. */
static double
range_end (const SsAttrSpec *spec,
           End               end)
{
  if (end == END_MIN)
    return spec->min_open ? nextafter (spec->min, INFINITY) : spec->min;
  return spec->max_open ? nextafter (spec->max, -INFINITY) : spec->max;
}

/* An end, or a value drawn anywhere in the range, or near one end on a
 * log scale (1e-300 above the bottom is as valid as the bottom). */
static double
random_value (const SsAttrSpec *spec)
{
  double lo = range_end (spec, END_MIN), hi = range_end (spec, END_MAX);
  double near_lo = lo + pow (10, -g_test_rand_double_range (1, 300)) * (hi - lo);
  double near_hi = hi - pow (10, -g_test_rand_double_range (1, 16)) * (hi - lo);

  switch (g_test_rand_int_range (0, 5))
    {
    case 0:
      return lo;
    case 1:
      return hi;
    case 2:
      return MIN (hi, near_lo);
    case 3:
      return MAX (lo, near_hi);
    default:
      return g_test_rand_double_range (lo, hi);
    }
}

static void
append_number (GString    *out,
               const char *name,
               double      value)
{
  char buf[SS_NUMBER_BUF];

  ss_format_number (buf, sizeof buf, value);
  g_string_append_printf (out, " %s=\"%s\"", name, buf);
}

/* Shares of n countries that sum to 1 within the file's 1e-6, in one of
 * the extreme shapes: all on one country, a share as small as a double
 * can be, or spread at random. */
static void
random_shares (guint   n,
               double *shares)
{
  guint one = g_test_rand_int_range (0, n), other = (one + 1) % n;
  double sum = 0;

  for (guint c = 0; c < n; c++)
    shares[c] = 0;
  shares[one] = 1;
  if (n == 1)
    return;
  switch (g_test_rand_int_range (0, 4))
    {
    case 0:
      return;
    case 1:
      shares[other] = 4.9406564584124654e-324;
      return;
    case 2:
      shares[one] = 1 - 1e-7;
      shares[other] = 1e-7;
      return;
    default:
      for (guint c = 0; c < n; c++)
        sum += shares[c] = g_test_rand_double ();
      for (guint c = 0; c < n; c++)
        shares[c] /= sum;
    }
}

typedef struct
{
  guint   n_countries;
  guint   n_items;
  guint   horizon;
  GString *text;
} Builder;

/* policy_shares: n_policy shares, not rising, from 2024 + 1, 2024 + 2… */
static void
begin_study (Builder      *b,
             guint         horizon,
             double        discount_rate,
             guint         n_policy,
             const double *policy_shares)
{
  char buf[SS_NUMBER_BUF];

  ss_format_number (buf, sizeof buf, discount_rate);
  b->horizon = horizon;
  b->text = g_string_new (NULL);
  g_string_append_printf (b->text,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<study version=\"2\">\n"
                          "  <meta>\n    <title>Extremes</title>\n    <base-year>2024</base-year>\n"
                          "    <horizon>%u</horizon>\n    <discount-rate>%s</discount-rate>\n"
                          "    <home>C%c</home>\n",
                          horizon, buf, 'A' + b->n_countries - 1);
  for (guint k = 0; k < n_policy; k++)
    {
      g_string_append_printf (b->text, "    <policy-target year=\"%u\"", 2024 + k + 1);
      append_number (b->text, "share", policy_shares[k]);
      g_string_append (b->text, "/>\n");
    }
  g_string_append (b->text, "  </meta>\n  <countries>\n");
}

/* Country k is "C" + 'A' + k; the last one is home. */
static void
add_country (Builder      *b,
             guint         k,
             const double *attr,
             gboolean      in_group)
{
  g_string_append_printf (b->text, "    <country code=\"C%c\" name=\"Country %u\"%s", 'A' + k, k,
                          in_group ? " group=\"G\"" : "");
  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    append_number (b->text, ss_country_attrs[a].name, attr[a]);
  g_string_append (b->text, "/>\n");
}

static void
begin_items (Builder *b)
{
  g_string_append (b->text, "  </countries>\n  <items>\n");
}

/* source_attr[c][a] is NAN where the source does not give attribute a. */
static void
add_item (Builder      *b,
          guint         k,
          const double *attr,
          const double *shares,
          const double  source_attr[][SS_SOURCE_N_ATTRS])
{
  g_string_append_printf (b->text, "    <item code=\"i%u\" name=\"Item %u\"", k, k);
  for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
    append_number (b->text, ss_item_attrs[a].name, attr[a]);
  g_string_append (b->text, ">\n");
  for (guint c = 0; c < b->n_countries; c++)
    {
      g_string_append_printf (b->text, "      <source country=\"C%c\"", 'A' + c);
      append_number (b->text, "share", shares[c]);
      for (guint a = 1; source_attr != NULL && a < SS_SOURCE_N_ATTRS; a++)
        if (!isnan (source_attr[c][a]))
          append_number (b->text, ss_source_attrs[a].name, source_attr[c][a]);
      g_string_append (b->text, "/>\n");
    }
  g_string_append (b->text, "    </item>\n");
}

static void
begin_scenarios (Builder *b)
{
  g_string_append (b->text, "  </items>\n  <scenarios>\n");
}

static char *last_text;

static SsStudy *
end_study (Builder *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SsStudy *study;

  g_string_append (b->text, "  </scenarios>\n</study>\n");
  bytes = g_string_free_to_bytes (b->text);
  study = ss_study_load_bytes (bytes, "extremes.supplyshift", &error);
  g_free (last_text);
  last_text = g_strdup (g_bytes_get_data (bytes, NULL));
  if (study == NULL)
    g_error ("a study inside every range was refused:\n%s\n%s", error->message,
             (const char *)g_bytes_get_data (bytes, NULL));
  return study;
}

/* --- The checks ---------------------------------------------------------- */

typedef struct
{
  SsStudy            *study;
  const SsProjection *p;
  const char         *what;
} Figures;

static void
fail_figure (const Figures *f,
             const char    *series,
             int            item,
             guint          t,
             double         value)
{
  g_test_fail_printf ("%s, scenario %d, %s%s%s, year %u: %g", f->what, f->p->scenario, series,
                      item >= 0 ? " of item " : "",
                      item >= 0 ? ss_study_get_item (f->study, item)->code : "", t, value);
}

/* Finite, or NAN where `may_be_null` says the rule makes it null. */
static gboolean
check_value (const Figures *f,
             const char    *series,
             int            item,
             guint          t,
             double         value,
             gboolean       may_be_null)
{
  if (isfinite (value) || (isnan (value) && may_be_null))
    return TRUE;
  fail_figure (f, series, item, t, value);
  g_test_message ("the study:\n%s", last_text);
  return FALSE;
}

static gboolean
check_projection (const Figures *f)
{
  const SsProjection *p = f->p;
  guint ni = p->n_items, nc = p->n_countries, ng = p->n_groups, ny = p->n_years;
  g_autoptr(GError) error = NULL;

  for (guint t = 0; t < ny; t++)
    {
      double total = 0;

      for (guint i = 0; i < ni; i++)
        {
          gsize it = (gsize)i * ny + t;
          double in_group = 0;

          total += p->cost[it];
          for (guint c = 0; c < nc; c++)
            {
              gsize ict = ((gsize)i * nc + c) * ny + t;

              if (!check_value (f, "share", i, t, p->share[ict], FALSE)
                  || !check_value (f, "spend", i, t, p->spend[ict], FALSE))
                return FALSE;
              if (ss_study_get_country (f->study, c)->group != NULL)
                in_group += p->share[ict];
            }
          if (!check_value (f, "cost", i, t, p->cost[it], FALSE)
              || !check_value (f, "switching cost", i, t, p->switching[it], FALSE)
              || !check_value (f, "subsidy", i, t, p->subsidy[it], FALSE)
              || !check_value (f, "hhi", i, t, p->hhi[it], FALSE)
              || !check_value (f, "supply risk", i, t, p->supply_risk[it], FALSE)
              || !check_value (f, "expected shortfall", i, t, p->expected_shortfall[it], FALSE)
              || !check_value (f, "p_shortfall_10", i, t, p->p_shortfall_10[it], FALSE))
            return FALSE;
          /* Null exactly when the group has no share. */
          for (guint g = 0; g < ng; g++)
            if (!check_value (f, "group hhi", i, t, p->group_hhi[((gsize)i * ng + g) * ny + t],
                              !(in_group > 0))
                || (in_group > 0 && isnan (p->group_hhi[((gsize)i * ng + g) * ny + t])))
              return FALSE;
        }

      /* A year without cost has no weights: null averages; with cost, never. */
      if (!check_value (f, "portfolio cost", -1, t, p->total_cost_purchase[t], FALSE)
          || !check_value (f, "portfolio switching", -1, t, p->total_switching[t], FALSE)
          || !check_value (f, "portfolio subsidy", -1, t, p->total_subsidy[t], FALSE)
          || !check_value (f, "portfolio total cost", -1, t, p->total_cost[t], FALSE)
          || !check_value (f, "portfolio premium", -1, t, p->cost_premium[t], FALSE)
          || !check_value (f, "portfolio hhi", -1, t, p->portfolio_hhi[t], !(total > 0))
          || !check_value (f, "portfolio supply risk", -1, t, p->portfolio_supply_risk[t], !(total > 0))
          || !check_value (f, "expected shortfall impact", -1, t, p->expected_shortfall_impact[t], FALSE)
          || !check_value (f, "var95", -1, t, p->var95_shortfall_impact[t], p->too_many_states)
          || !check_value (f, "largest foreign spend share", -1, t, p->max_foreign_spend_share[t],
                           !(total > 0) || nc < 2)
          || !check_value (f, "policy target", -1, t, p->policy_target[t],
                           isnan (ss_study_policy_target_at (f->study, 2024 + (int)t))))
        return FALSE;
      for (guint c = 0; c < nc; c++)
        if (!check_value (f, "spend share", -1, t, p->spend_share[c * ny + t], !(total > 0)))
          return FALSE;
      for (guint g = 0; g < ng; g++)
        if (!check_value (f, "portfolio group hhi", -1, t, p->portfolio_group_hhi[g * ny + t], TRUE))
          return FALSE;
    }
  if (!check_value (f, "npv cost premium", -1, 0, p->npv_cost_premium, FALSE)
      || !check_value (f, "npv subsidy", -1, 0, p->npv_subsidy, FALSE))
    return FALSE;

  /* The engine's own check agrees. */
  if (!ss_projection_check (f->study, p, &error))
    {
      g_test_fail_printf ("%s: ss_projection_check: %s", f->what, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_frontier (SsStudy    *study,
                int         scenario,
                guint       item,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) frontier = ss_optimiser_frontier (study, scenario, item, 9, &error);
  SsItem *it = ss_study_get_item (study, item);
  guint nc = ss_study_get_n_countries (study);

  if (frontier == NULL)
    {
      double caps = 0;

      for (guint c = 0; c < nc; c++)
        caps += it->sources[c].attr[SS_SOURCE_CAPACITY];
      if (g_error_matches (error, SS_OPTIMISER_ERROR, SS_OPTIMISER_ERROR_INFEASIBLE) && caps < 1)
        return TRUE;
      g_test_fail_printf ("%s: item %s, scenario %d: no frontier: %s", what, it->code, scenario,
                          error != NULL ? error->message : "(no error)");
      g_test_message ("the study:\n%s", last_text);
      return FALSE;
    }

  for (guint k = 0; k < frontier->len; k++)
    {
      SsMix *mix = &g_array_index (frontier, SsMix, k);
      double sum = 0;
      gboolean lambda_ok = k == 0 ? mix->lambda == 0
                         : k + 1 == frontier->len ? isinf (mix->lambda) && mix->lambda > 0
                         : isfinite (mix->lambda) && mix->lambda > 0;

      if (!lambda_ok || !isfinite (mix->cost) || !isfinite (mix->risk))
        {
          g_test_fail_printf ("%s: item %s, scenario %d, mix %u: lambda %g, cost %g, risk %g", what,
                              it->code, scenario, k, mix->lambda, mix->cost, mix->risk);
          g_test_message ("the study:\n%s", last_text);
          return FALSE;
        }
      for (guint c = 0; c < nc; c++)
        {
          double cap = it->sources[c].attr[SS_SOURCE_CAPACITY];

          if (!isfinite (mix->shares[c]) || mix->shares[c] < 0 || mix->shares[c] > cap + 1e-12)
            {
              g_test_fail_printf ("%s: item %s, scenario %d, mix %u: share %g of C%c (capacity %g)",
                                  what, it->code, scenario, k, mix->shares[c], 'A' + c, cap);
              g_test_message ("the study:\n%s", last_text);
          return FALSE;
            }
          sum += mix->shares[c];
        }
      if (fabs (sum - 1) > 1e-9)
        {
          g_test_fail_printf ("%s: item %s, scenario %d, mix %u: shares sum to %.17g", what, it->code,
                              scenario, k, sum);
          g_test_message ("the study:\n%s", last_text);
          return FALSE;
        }
    }
  return TRUE;
}

/* Every projection, every frontier, and the report of one study. */
static gboolean
check_study (SsStudy    *study,
             const char *what)
{
  g_autoptr(GPtrArray) projections = ss_engine_project_all (study);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GArray) strategies = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) shocks = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint k = 0; k < projections->len; k++)
    {
      Figures f = { study, g_ptr_array_index (projections, k), what };

      if (!check_projection (&f))
        return FALSE;
    }

  /* Every cell of the stress grid, against baseline ⊕ the same shock. */
  ss_study_get_stress_axes (study, strategies, shocks);
  for (guint k = 0; k < shocks->len; k++)
    {
      g_autoptr(SsProjection) world = ss_projection_new ();
      int shock = g_array_index (shocks, int, k);

      ss_engine_project_cell (study, SS_BASELINE, shock, NULL, world);
      for (guint s = 0; s < strategies->len; s++)
        {
          g_autoptr(SsProjection) cell = ss_projection_new ();
          Figures f = { study, cell, what };

          ss_engine_project_cell (study, g_array_index (strategies, int, s), shock, world, cell);
          if (!check_projection (&f))
            return FALSE;
        }
    }
  for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (study); s++)
    for (guint i = 0; i < ss_study_get_n_items (study); i++)
      if (!check_frontier (study, s, i, what))
        return FALSE;

  json = ss_report_generate (study, SS_REPORT_JSON, &error);
  if (json == NULL)
    {
      g_test_fail_printf ("%s: no report: %s", what, error->message);
      return FALSE;
    }
  if (strstr (json, "nan") != NULL || strstr (json, "inf") != NULL)
    {
      g_test_fail_printf ("%s: the report prints nan or inf", what);
      return FALSE;
    }
  return TRUE;
}

/* --- The studies --------------------------------------------------------- */

static void
country_attrs (double *attr,
               End     end)
{
  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    attr[a] = range_end (&ss_country_attrs[a], end);
}

/* Every country attribute at its bottom, then at its top, then the two
 * ends crossed in the cost chain: cost index × cost growth × (tariff and
 * logistics), for items at both ends of value × growth, each bought
 * wholly from one country, over 50 years; a scenario moves every item to
 * the next country in one year, with the dearest switching and the whole
 * subsidy, and overrides every country to the other end. */
static void
test_cost_corners (void)
{
  static const End ends[] = { END_MIN, END_MAX };
  Builder b = { 9, 0, 0, NULL };
  g_autoptr(SsStudy) study = NULL;
  guint k = 0;

  for (guint horizon_end = 0; horizon_end < 2; horizon_end++)
    {
      k = 0;
      b.n_items = 0;
      {
        /* The policy share at its ends: the smallest above 0, then 1. */
        double policy[] = { 1, nextafter (0, 1) };

        begin_study (&b, horizon_end ? SS_MAX_HORIZON : 1, horizon_end ? 1 : 0, 2, policy);
      }
      for (guint ci = 0; ci < 2; ci++)
        for (guint cg = 0; cg < 2; cg++)
          for (guint tl = 0; tl < 2; tl++)
            {
              double attr[SS_COUNTRY_N_ATTRS];

              country_attrs (attr, (k % 2) ? END_MAX : END_MIN);
              attr[SS_COUNTRY_COST_INDEX] = range_end (&ss_country_attrs[SS_COUNTRY_COST_INDEX], ends[ci]);
              attr[SS_COUNTRY_COST_GROWTH] = range_end (&ss_country_attrs[SS_COUNTRY_COST_GROWTH], ends[cg]);
              attr[SS_COUNTRY_TARIFF] = range_end (&ss_country_attrs[SS_COUNTRY_TARIFF], ends[tl]);
              attr[SS_COUNTRY_LOGISTICS] = range_end (&ss_country_attrs[SS_COUNTRY_LOGISTICS], ends[tl]);
              add_country (&b, k, attr, k < 4);
              k++;
            }
      {
        double home[SS_COUNTRY_N_ATTRS];

        country_attrs (home, END_MIN);
        add_country (&b, k, home, FALSE);
      }
      begin_items (&b);

      for (guint c = 0; c < b.n_countries; c++)
        for (guint v = 0; v < 2; v++)
          for (guint g = 0; g < 2; g++)
            for (guint own = 0; own < 3; own++)
              {
                double attr[SS_ITEM_N_ATTRS], shares[SS_MAX_COUNTRIES] = { 0 };
                double source[SS_MAX_COUNTRIES][SS_SOURCE_N_ATTRS];

                for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
                  attr[a] = range_end (&ss_item_attrs[a], (b.n_items % 2) ? END_MAX : END_MIN);
                attr[SS_ITEM_VALUE] = range_end (&ss_item_attrs[SS_ITEM_VALUE], ends[v]);
                attr[SS_ITEM_GROWTH] = range_end (&ss_item_attrs[SS_ITEM_GROWTH], ends[g]);
                shares[c] = 1;
                /* A source's own cost index and tariff at either end, or none. */
                for (guint s = 0; s < b.n_countries; s++)
                  for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
                    source[s][a] = own == 2 ? NAN : range_end (&ss_source_attrs[a], ends[own]);
                add_item (&b, b.n_items++, attr, shares, source);
              }

      begin_scenarios (&b);
      g_string_append (b.text, "    <scenario id=\"move\" name=\"Move\">\n"
                               "      <transition-years>1</transition-years>\n"
                               "      <switching-cost>100</switching-cost>\n      <subsidy>1</subsidy>\n"
                               "      <stockpile days=\"3650\"/>\n");
      for (guint c = 0; c < b.n_countries; c++)
        {
          double attr[SS_COUNTRY_N_ATTRS];

          country_attrs (attr, (c % 2) ? END_MIN : END_MAX);
          g_string_append_printf (b.text, "      <country code=\"C%c\"", 'A' + c);
          for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
            append_number (b.text, ss_country_attrs[a].name, attr[a]);
          g_string_append (b.text, "/>\n");
        }
      for (guint i = 0; i < b.n_items; i++)
        g_string_append_printf (b.text, "      <target item=\"i%u\" country=\"C%c\" share=\"1\"/>\n", i,
                                'A' + (i / 12 + 1) % b.n_countries);
      g_string_append (b.text, "    </scenario>\n"
                               "    <scenario id=\"slow\" name=\"Slow\">\n"
                               "      <transition-years>1000</transition-years>\n"
                               "      <stockpile days=\"0\"/>\n");
      for (guint i = 0; i < b.n_items; i += 5)
        g_string_append_printf (b.text, "      <target item=\"i%u\" country=\"C%c\" share=\"1\"/>\n", i,
                                'A' + (i + 3) % b.n_countries);
      g_string_append (b.text, "    </scenario>\n");

      study = end_study (&b);
      if (!check_study (study, horizon_end ? "cost corners, 50 years" : "cost corners, 1 year"))
        return;
      g_clear_object (&study);
    }
}

/* The risk side, which the optimiser divides by: governance × trade
 * factor × substitutability × recycling at their ends, with capacities
 * of 0 and 1, so risk weights run from 0 to 4.9e-324 to 20. */
static void
test_risk_corners (void)
{
  static const End ends[] = { END_MIN, END_MAX };
  Builder b = { 4, 0, 0, NULL };
  g_autoptr(SsStudy) study = NULL;

  begin_study (&b, 10, 0.05, 0, NULL);
  for (guint c = 0; c < b.n_countries; c++)
    {
      double attr[SS_COUNTRY_N_ATTRS];

      country_attrs (attr, END_MIN);
      attr[SS_COUNTRY_GOVERNANCE] = range_end (&ss_country_attrs[SS_COUNTRY_GOVERNANCE], ends[c % 2]);
      attr[SS_COUNTRY_COST_INDEX] = range_end (&ss_country_attrs[SS_COUNTRY_COST_INDEX], ends[c / 2]);
      attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = c == 0 ? 1 : 4.9406564584124654e-324;
      add_country (&b, c, attr, c < 2);
    }
  begin_items (&b);
  for (guint si = 0; si < 3; si++)
    for (guint r = 0; r < 3; r++)
      for (guint tf = 0; tf < 2; tf++)
        for (guint cap = 0; cap < 3; cap++)
          {
            static const double si_values[] = { 0, 4.9406564584124654e-324, 1 };
            static const double r_values[] = { 0, 0.99999999999999989, 1 };
            double attr[SS_ITEM_N_ATTRS], shares[SS_MAX_COUNTRIES];
            double source[SS_MAX_COUNTRIES][SS_SOURCE_N_ATTRS];

            for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
              attr[a] = ss_item_attrs[a].fallback;
            attr[SS_ITEM_VALUE] = 100;
            attr[SS_ITEM_SUBSTITUTABILITY] = si_values[si];
            attr[SS_ITEM_RECYCLING] = r_values[r];
            for (guint c = 0; c < b.n_countries; c++)
              {
                shares[c] = 0.25;
                for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
                  source[c][a] = NAN;
                source[c][SS_SOURCE_TRADE_FACTOR] = range_end (&ss_source_attrs[SS_SOURCE_TRADE_FACTOR],
                                                               ends[tf]);
                /* All open, the cheapest closed, or only one open. */
                source[c][SS_SOURCE_CAPACITY] = cap == 0 ? 1 : cap == 1 ? (c == 0 ? 0 : 1) : (c == 3 ? 1 : 0);
              }
            add_item (&b, b.n_items++, attr, shares, source);
          }
  begin_scenarios (&b);
  study = end_study (&b);
  check_study (study, "risk corners");
}

/* Random studies, every value at an end, near one or anywhere. */
static void
test_random_extremes (void)
{
  for (guint n = 0; n < N_RANDOM_STUDIES; n++)
    {
      Builder b = { g_test_rand_int_range (1, 6), g_test_rand_int_range (1, 5), 0, NULL };
      g_autoptr(SsStudy) study = NULL;
      g_autofree char *what = g_strdup_printf ("random study %u", n);
      guint horizon = g_test_rand_bit () ? SS_MAX_HORIZON : g_test_rand_int_range (1, SS_MAX_HORIZON + 1);

      double policy[3];
      guint n_policy = g_test_rand_int_range (0, 4);

      for (guint k = 0; k < n_policy; k++)
        {
          double share = random_value (&ss_spec_policy_share);

          policy[k] = MIN (share, k > 0 ? policy[k - 1] : 1);
        }
      begin_study (&b, horizon, random_value (&ss_spec_discount_rate), n_policy, policy);
      for (guint c = 0; c < b.n_countries; c++)
        {
          double attr[SS_COUNTRY_N_ATTRS];

          for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
            attr[a] = random_value (&ss_country_attrs[a]);
          add_country (&b, c, attr, g_test_rand_bit ());
        }
      begin_items (&b);
      for (guint i = 0; i < b.n_items; i++)
        {
          double attr[SS_ITEM_N_ATTRS], shares[SS_MAX_COUNTRIES];
          double source[SS_MAX_COUNTRIES][SS_SOURCE_N_ATTRS];

          for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
            attr[a] = random_value (&ss_item_attrs[a]);
          random_shares (b.n_countries, shares);
          for (guint c = 0; c < b.n_countries; c++)
            for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
              source[c][a] = g_test_rand_bit () ? random_value (&ss_source_attrs[a]) : NAN;
          add_item (&b, i, attr, shares, source);
        }
      begin_scenarios (&b);
      for (guint s = 0, n_s = g_test_rand_int_range (0, 4); s < n_s; s++)
        {
          gboolean shock = g_test_rand_bit ();

          g_string_append_printf (b.text, "    <scenario id=\"s%u\" name=\"S%u\"%s>\n", s, s,
                                  shock ? " kind=\"shock\"" : "");
          /* A shock scenario changes the world only: disruption values of
           * one country for some items or all, at their ends. */
          for (guint c = 0; shock && c < b.n_countries; c++)
            if (g_test_rand_bit ())
              {
                g_string_append_printf (b.text, "      <shock country=\"C%c\"", 'A' + c);
                if (g_test_rand_bit ())
                  g_string_append_printf (b.text, " items=\"i%u\"", g_test_rand_int_range (0, b.n_items));
                append_number (b.text, "disruption-probability",
                               random_value (&ss_source_attrs[SS_SOURCE_DISRUPTION_PROBABILITY]));
                if (g_test_rand_bit ())
                  append_number (b.text, "disruption-severity",
                                 random_value (&ss_source_attrs[SS_SOURCE_DISRUPTION_SEVERITY]));
                if (g_test_rand_bit ())
                  append_number (b.text, "disruption-days",
                                 random_value (&ss_source_attrs[SS_SOURCE_DISRUPTION_DAYS]));
                g_string_append (b.text, "/>\n");
              }
          if (!shock)
            {
              char years[SS_NUMBER_BUF], cost[SS_NUMBER_BUF], subsidy[SS_NUMBER_BUF];

              ss_format_number (years, sizeof years, random_value (&ss_spec_transition_years));
              ss_format_number (cost, sizeof cost, random_value (&ss_spec_switching_cost));
              ss_format_number (subsidy, sizeof subsidy, random_value (&ss_spec_subsidy));
              g_string_append_printf (b.text, "      <transition-years>%s</transition-years>\n"
                                      "      <switching-cost>%s</switching-cost>\n"
                                      "      <subsidy>%s</subsidy>\n", years, cost, subsidy);
            }
          g_string_append (b.text, "      <stockpile");
          append_number (b.text, "days", random_value (&ss_spec_stockpile_days));
          g_string_append (b.text, "/>\n");
          for (guint c = 0; c < b.n_countries; c++)
            if (g_test_rand_bit ())
              {
                g_string_append_printf (b.text, "      <country code=\"C%c\"", 'A' + c);
                for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
                  if (g_test_rand_bit ())
                    append_number (b.text, ss_country_attrs[a].name, random_value (&ss_country_attrs[a]));
                g_string_append (b.text, "/>\n");
              }
          for (guint i = 0; i < b.n_items && !shock; i++)
            if (g_test_rand_bit ())
              {
                double shares[SS_MAX_COUNTRIES];

                random_shares (b.n_countries, shares);
                for (guint c = 0; c < b.n_countries; c++)
                  if (shares[c] > 0)
                    {
                      g_string_append_printf (b.text, "      <target item=\"i%u\" country=\"C%c\"", i, 'A' + c);
                      append_number (b.text, "share", shares[c]);
                      g_string_append (b.text, "/>\n");
                    }
              }
          g_string_append (b.text, "    </scenario>\n");
        }
      study = end_study (&b);
      if (!check_study (study, what))
        return;
    }
}

/* The bounds that keep every figure finite are the file's ranges: just
 * below each is refused, with its line; the bound itself loads. */
static void
test_bounds_refused (void)
{
  static const struct { const char *from, *to, *refusal; } cases[] = {
    { "cost-index=\"1\"", "cost-index=\"1e-300\"", "14: error: country CN: cost-index is 1e-300, expected a number in [0.001, 1000]" },
    { "cost-index=\"1\"", "cost-index=\"0.000999\"", "14: error: country CN: cost-index is 0.000999, expected" },
    { "cost-index=\"1\"", "cost-index=\"0.001\"", NULL },
    { "cost-growth=\"0.04\"", "cost-growth=\"-0.991\"", "14: error: country CN: cost-growth is -0.991, expected a number in [-0.99, 1)" },
    { "cost-growth=\"0.04\"", "cost-growth=\"-0.99\"", NULL },
    { "growth=\"0.08\"", "growth=\"-0.9999999\"", "21: error: item 282520: growth is -0.9999999, expected a number in [-0.99, 1)" },
    { "growth=\"0.08\"", "growth=\"-0.99\"", NULL },
    { "value=\"3500\"", "value=\"1e-300\"", "21: error: item 282520: value is 1e-300, expected a number in [1e-06, 1000000000]" },
    { "value=\"3500\"", "value=\"0.000001\"", NULL },
    { "share=\"0.16\" cost-index=\"1.25\"", "share=\"0.16\" cost-index=\"1e-300\"", "24: error: item 282520: source KR: cost-index is 1e-300, expected" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "example-study.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(GString) changed = g_string_new (text);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autoptr(SsStudy) study = NULL;

      g_assert_cmpuint (g_string_replace (changed, cases[k].from, cases[k].to, 1), ==, 1);
      bytes = g_string_free_to_bytes (g_steal_pointer (&changed));
      study = ss_study_load_bytes (bytes, "study.supplyshift", &load_error);
      if (cases[k].refusal == NULL)
        {
          g_assert_no_error (load_error);
          g_assert_true (check_study (study, cases[k].to));
        }
      else
        {
          g_autofree char *expected = g_strconcat ("study.supplyshift:", cases[k].refusal, NULL);

          g_assert_null (study);
          g_assert_error (load_error, SS_STUDY_ERROR, SS_STUDY_ERROR_INVALID);
          g_assert_true (g_str_has_prefix (load_error->message, expected));
        }
    }
}

/* model.md §5 weighs the portfolio by cost; with no cost in a year there
 * is nothing to weigh: the averages are null, never 0. Only a study built
 * in memory can have that (the file's ranges keep costs positive). */
static void
test_zero_cost_is_null (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(SsProjection) p = ss_projection_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  SsItem *item;

  ss_study_add_country (study, "CN", "China");
  ss_study_add_country (study, "KR", "Korea");
  ss_study_get_meta (study)->home = 1;
  item = ss_study_get_item (study, ss_study_add_item (study, "a", "A"));
  item->attr[SS_ITEM_VALUE] = 0;
  item->sources[0].listed = TRUE;
  item->sources[0].attr[SS_SOURCE_SHARE] = 1;

  ss_engine_project (study, SS_BASELINE, NULL, p);
  for (guint t = 0; t < p->n_years; t++)
    {
      g_assert_cmpfloat (p->total_cost_purchase[t], ==, 0);
      g_assert_true (isnan (p->portfolio_hhi[t]));
      g_assert_true (isnan (p->portfolio_supply_risk[t]));
      g_assert_true (isnan (p->spend_share[t]));
    }
  g_assert_true (ss_projection_check (study, p, &error));
  g_assert_no_error (error);

  json = ss_report_generate (study, SS_REPORT_JSON, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (json, "\"hhi\": [null, null"));
  g_assert_nonnull (strstr (json, "\"supply_risk\": [null, null"));
}

/* A figure that should be a number and is not makes the report fail,
 * naming it, instead of printing null. Only a study built in memory,
 * outside the file's ranges, can overflow. */
static void
test_non_finite_is_an_error (void)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(SsProjection) p = ss_projection_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  SsCountry *china;
  SsItem *item;

  china = ss_study_get_country (study, ss_study_add_country (study, "CN", "China"));
  ss_study_add_country (study, "KR", "Korea");
  ss_study_get_meta (study)->home = 1;
  ss_study_get_meta (study)->horizon = 50;
  china->attr[SS_COUNTRY_COST_GROWTH] = 0.99;
  item = ss_study_get_item (study, ss_study_add_item (study, "huge", "Huge"));
  item->attr[SS_ITEM_VALUE] = 1e300;
  item->attr[SS_ITEM_GROWTH] = 0.99;
  item->sources[0].listed = TRUE;
  item->sources[0].attr[SS_SOURCE_SHARE] = 1;

  ss_engine_project (study, SS_BASELINE, NULL, p);
  g_assert_false (ss_projection_check (study, p, &error));
  g_assert_error (error, SS_ENGINE_ERROR, SS_ENGINE_ERROR_NOT_FINITE);
  g_clear_error (&error);

  json = ss_report_generate (study, SS_REPORT_JSON, &error);
  g_assert_null (json);
  g_assert_error (error, SS_ENGINE_ERROR, SS_ENGINE_ERROR_NOT_FINITE);
  g_assert_nonnull (strstr (error->message, "scenario baseline: item huge:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/finite/cost-corners", test_cost_corners);
  g_test_add_func ("/finite/risk-corners", test_risk_corners);
  g_test_add_func ("/finite/random-extremes", test_random_extremes);
  g_test_add_func ("/finite/bounds-refused", test_bounds_refused);
  g_test_add_func ("/finite/zero-cost-is-null", test_zero_cost_is_null);
  g_test_add_func ("/finite/non-finite-is-an-error", test_non_finite_is_an_error);

  return g_test_run ();
}
