/* test-alerts.c: figures read off projections, and the alerts list
 * (model/ss-figures.c, model/ss-alerts.c), without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-alerts.h"
#include "ss-document.h"
#include "ss-figures.h"
#include "test-util.h"

/* --- Figures ----------------------------------------------------------- */

static void
test_npv (void)
{
  static const double ones[] = { 1, 1, 1 };

  g_assert_cmpfloat (ss_npv (ones, 3, 0), ==, 3);
  g_assert_cmpfloat_with_epsilon (ss_npv (ones, 3, 0.1), 1 + 1 / 1.1 + 1 / 1.21, 1e-15);
  g_assert_cmpfloat (ss_npv (ones, 0, 0.1), ==, 0);
}

/* The portfolio's figures are the engine's own to the bit, and the items'
 * add up to them: the premium is a sum over items, and so is EL. */
static void
test_figures_add_up (void)
{
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-v2-study.xml");
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  const SsProjection *b = ss_document_get_projection (document, SS_BASELINE);
  const SsProjection *p = ss_document_get_projection (document, 0);
  double premium = 0, subsidy = 0;

  g_assert_cmpfloat (ss_figures_npv_premium (study, p, b, SS_PORTFOLIO), ==, p->npv_cost_premium);
  g_assert_cmpfloat (ss_figures_npv_subsidy (study, p, SS_PORTFOLIO), ==, p->npv_subsidy);
  g_assert_cmpfloat (p->npv_cost_premium, !=, 0);
  for (guint i = 0; i < p->n_items; i++)
    {
      premium += ss_figures_npv_premium (study, p, b, i);
      subsidy += ss_figures_npv_subsidy (study, p, i);
    }
  g_assert_cmpfloat_with_epsilon (premium, p->npv_cost_premium, 1e-9 * fabs (premium));
  g_assert_cmpfloat_with_epsilon (subsidy, p->npv_subsidy, 1e-9 * fabs (subsidy));

  for (guint t = 0; t < p->n_years; t++)
    {
      double impact = 0;

      for (guint i = 0; i < p->n_items; i++)
        impact += ss_figures_shortfall_impact (study, p, i, t);
      g_assert_cmpfloat (ss_figures_shortfall_impact (study, p, SS_PORTFOLIO, t), ==,
                         p->expected_shortfall_impact[t]);
      g_assert_cmpfloat_with_epsilon (impact, p->expected_shortfall_impact[t], 1e-9 * impact);
      g_assert_cmpfloat (ss_figures_premium (p, b, SS_PORTFOLIO, t), ==, p->cost_premium[t]);
    }
}

/* --- Spans ------------------------------------------------------------- */

static void
assert_span (const char *pattern,
             int         first,
             int         cleared)
{
  gboolean at[16];
  guint n = strlen (pattern);
  int f, c;

  for (guint t = 0; t < n; t++)
    at[t] = pattern[t] == 'x';
  ss_alert_span (at, n, &f, &c);
  g_assert_cmpint (f, ==, first);
  g_assert_cmpint (c, ==, cleared);
}

/* model.md §6: first reached, and cleared for good. */
static void
test_span (void)
{
  assert_span ("......", -1, -1);
  assert_span ("xxxxxx", 0, -1);
  assert_span ("..xxx.", 2, 5);
  assert_span ("x.....", 0, 1);
  assert_span (".x..xx", 1, -1);                 /* back again: holds to the end */
  assert_span (".x.x..", 1, 4);                  /* cleared for good in the last run */
  assert_span (".....x", 5, -1);
}

/* --- The list ---------------------------------------------------------- */

typedef struct
{
  guint n;
  guint position, removed, added;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static SsAlert *
alert_at (SsAlertList *list,
          guint        k)
{
  SsAlert *alert = g_list_model_get_item (G_LIST_MODEL (list), k);

  g_object_unref (alert);                        /* the list holds it */
  return alert;
}

/* An item's levels and supply risk as spans, worst first, with its
 * targets' problems after them; the run that changes is all that is
 * reported, and the alerts around it stay the same objects. */
static void
test_item_alerts (void)
{
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-v2-study.xml");
  g_autoptr(SsAlertList) list = ss_alert_list_new ();
  g_autoptr(SsProjection) p = ss_projection_new ();
  static const guint8 levels[] = { 3, 3, 2, 1, 1, 0, 0 };
  static const double risk[] = { 0.5, 1.2, 1.1, 0.9, 1.0, 1.3, 1.4 };
  static const int cleared[] = { 2, 3, 5 };
  Changes changes = { 0 };
  SsAlert *alert, *kept;

  ss_engine_project (study, SS_BASELINE, NULL, p);
  g_assert_cmpuint (p->n_years, ==, G_N_ELEMENTS (levels));
  memcpy (&p->alert[ss_projection_at (p, 1, 0)], levels, sizeof levels);
  memcpy (&p->supply_risk[ss_projection_at (p, 1, 0)], risk, sizeof risk);
  /* Policy targets are test_over_target()'s. */
  memset (&p->over_target[ss_projection_at (p, 1, 0)], 0, p->n_years);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changes);

  ss_alert_list_update (list, study, p, SS_BASELINE, 1);
  g_assert_cmpuint (changes.n, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  for (guint k = 0; k < 3; k++)
    {
      alert = alert_at (list, k);
      g_assert_cmpint (ss_alert_get_kind (alert), ==, SS_ALERT_KIND_LEVEL);
      g_assert_cmpint (ss_alert_get_level (alert), ==, SS_ALERT_CRITICAL - k);
      g_assert_cmpint (ss_alert_get_first (alert), ==, 0);
      g_assert_cmpint (ss_alert_get_cleared (alert), ==, cleared[k]);
    }
  alert = alert_at (list, 3);
  g_assert_cmpint (ss_alert_get_kind (alert), ==, SS_ALERT_KIND_SUPPLY_RISK);
  g_assert_cmpint (ss_alert_get_level (alert), ==, SS_ALERT_CRITICAL);
  g_assert_cmpint (ss_alert_get_first (alert), ==, 1);
  g_assert_cmpint (ss_alert_get_cleared (alert), ==, -1);

  /* The same again: nothing to say. */
  ss_alert_list_update (list, study, p, SS_BASELINE, 1);
  g_assert_cmpuint (changes.n, ==, 1);

  /* Warning clears a year later: that alert only. */
  kept = alert_at (list, 3);
  p->alert[ss_projection_at (p, 1, 3)] = 2;
  ss_alert_list_update (list, study, p, SS_BASELINE, 1);
  g_assert_cmpuint (changes.n, ==, 2);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpint (ss_alert_get_cleared (alert_at (list, 1)), ==, 4);
  g_assert_true (alert_at (list, 3) == kept);

  /* No level and no risk: one alert saying so. */
  memset (&p->alert[ss_projection_at (p, 1, 0)], 0, sizeof levels);
  for (guint t = 0; t < p->n_years; t++)
    p->supply_risk[ss_projection_at (p, 1, t)] = 0.2;
  ss_alert_list_update (list, study, p, SS_BASELINE, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (ss_alert_get_kind (alert_at (list, 0)), ==, SS_ALERT_KIND_NONE);
  g_assert_cmpint (ss_alert_get_level (alert_at (list, 0)), ==, SS_ALERT_NONE);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 4);
  g_assert_cmpuint (changes.added, ==, 1);
}

/* A target above its source's capacity, and one the ramp does not let
 * the country reach: each says the figures. */
static void
test_target_alerts (void)
{
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-v2-study.xml");
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(SsAlertList) list = ss_alert_list_new ();
  /* Lithium hydroxide: Korea can make 40 % of it, targeted at 50 %;
   * Indonesia's ramp (5 points a year) does not reach 45 % in six years. */
  static const double targets[] = { 0.05, 0, 0.45, 0, 0.5 };
  const SsProjection *p;
  guint n, over = 0, missed = 0;

  g_assert_true (ss_document_set_target (document, 0, 0, targets, 5, NULL));
  p = ss_document_get_projection (document, 0);
  ss_alert_list_update (list, study, p, 0, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint k = 0; k < n; k++)
    {
      SsAlert *alert = alert_at (list, k);
      int c = ss_alert_get_country (alert);

      if (ss_alert_get_kind (alert) == SS_ALERT_KIND_OVER_CAPACITY)
        {
          over++;
          g_assert_cmpint (c, ==, 4);
          g_assert_cmpfloat (ss_alert_get_target (alert), ==, 0.5);
          g_assert_cmpfloat (ss_alert_get_value (alert), ==, 0.4);
          g_assert_cmpint (ss_alert_get_level (alert), ==, SS_ALERT_WARNING);
        }
      else if (ss_alert_get_kind (alert) == SS_ALERT_KIND_TARGET_MISSED)
        {
          double reached = p->share[(0 * p->n_countries + c) * p->n_years + p->n_years - 1];

          missed++;
          g_assert_cmpfloat (ss_alert_get_target (alert), ==, targets[c]);
          g_assert_cmpfloat (ss_alert_get_value (alert), ==, reached);
          g_assert_cmpfloat (fabs (reached - targets[c]), >, 1e-6);
        }
    }
  g_assert_cmpuint (over, ==, 1);
  g_assert_cmpuint (missed, >=, 1);

  /* In the baseline the item has no targets, so no target alerts. */
  ss_alert_list_update (list, study, ss_document_get_projection (document, SS_BASELINE), SS_BASELINE, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint k = 0; k < n; k++)
    g_assert_cmpint (ss_alert_get_country (alert_at (list, k)), ==, -1);
}

/* The portfolio's: every item at warning or worse at either end. */
static void
test_portfolio_alerts (void)
{
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-v2-study.xml");
  g_autoptr(SsAlertList) list = ss_alert_list_new ();
  g_autoptr(SsProjection) p = ss_projection_new ();
  guint last;
  SsAlert *alert;

  ss_engine_project (study, SS_BASELINE, NULL, p);
  last = p->n_years - 1;
  for (guint i = 0; i < p->n_items; i++)
    for (guint t = 0; t < p->n_years; t++)
      p->alert[ss_projection_at (p, i, t)] = SS_ALERT_WATCH;
  p->alert[ss_projection_at (p, 0, 0)] = SS_ALERT_WARNING;
  p->alert[ss_projection_at (p, 2, last)] = SS_ALERT_CRITICAL;
  memset (p->over_target, 0, (gsize)p->n_items * p->n_years);
  ss_alert_list_update (list, study, p, SS_BASELINE, SS_PORTFOLIO);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  alert = alert_at (list, 0);
  g_assert_cmpint (ss_alert_get_kind (alert), ==, SS_ALERT_KIND_ITEM);
  g_assert_cmpint (ss_alert_get_item (alert), ==, 0);
  g_assert_cmpint (ss_alert_get_first_level (alert), ==, SS_ALERT_WARNING);
  g_assert_cmpint (ss_alert_get_level (alert), ==, SS_ALERT_WATCH);
  alert = alert_at (list, 1);
  g_assert_cmpint (ss_alert_get_item (alert), ==, 2);
  g_assert_cmpint (ss_alert_get_first_level (alert), ==, SS_ALERT_WATCH);
  g_assert_cmpint (ss_alert_get_level (alert), ==, SS_ALERT_CRITICAL);
}

/* model.md §6: an item over a policy target names the target in force
 * the first year it is over, and the year it meets its targets for good;
 * the portfolio lists every item over one. */
static void
test_over_target (void)
{
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-v2-study.xml");
  g_autoptr(SsAlertList) list = ss_alert_list_new ();
  g_autoptr(SsProjection) p = ss_projection_new ();
  SsAlert *alert = NULL;
  guint n, found;
  gsize row;

  /* In the baseline urea buys 66 % from China: over the 2027 target of
   * 60 % from 2027 (t = 3), and over the 2030 one to the end. */
  ss_engine_project (study, SS_BASELINE, NULL, p);
  ss_alert_list_update (list, study, p, SS_BASELINE, 1);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  found = 0;
  for (guint k = 0; k < n; k++)
    if (ss_alert_get_kind (alert_at (list, k)) == SS_ALERT_KIND_OVER_TARGET)
      alert = alert_at (list, k), found++;
  g_assert_cmpuint (found, ==, 1);
  g_assert_cmpint (ss_alert_get_item (alert), ==, 1);
  g_assert_cmpint (ss_alert_get_first (alert), ==, 3);
  g_assert_cmpint (ss_alert_get_target_year (alert), ==, 2027);
  g_assert_cmpfloat (ss_alert_get_target (alert), ==, 0.6);
  g_assert_cmpint (ss_alert_get_cleared (alert), ==, -1);
  g_assert_cmpint (ss_alert_get_level (alert), ==, SS_ALERT_WARNING);

  /* Over in 2028 and 2029 only, meeting its targets from 2030: the 2027
   * target is the one in force, and 2030 the year it is met. */
  row = ss_projection_at (p, 1, 0);
  memset (&p->over_target[row], 0, p->n_years);
  p->over_target[row + 4] = p->over_target[row + 5] = 1;
  p->target_met_year[1] = 6;
  ss_alert_list_update (list, study, p, SS_BASELINE, 1);
  alert = alert_at (list, g_list_model_get_n_items (G_LIST_MODEL (list)) - 1);
  g_assert_cmpint (ss_alert_get_kind (alert), ==, SS_ALERT_KIND_OVER_TARGET);
  g_assert_cmpint (ss_alert_get_first (alert), ==, 4);
  g_assert_cmpint (ss_alert_get_target_year (alert), ==, 2027);
  g_assert_cmpint (ss_alert_get_cleared (alert), ==, 6);

  /* Over only once the second target is in force: that one is named. */
  memset (&p->over_target[row], 0, p->n_years);
  p->over_target[row + 6] = 1;
  p->target_met_year[1] = -1;
  ss_alert_list_update (list, study, p, SS_BASELINE, 1);
  alert = alert_at (list, g_list_model_get_n_items (G_LIST_MODEL (list)) - 1);
  g_assert_cmpint (ss_alert_get_first (alert), ==, 6);
  g_assert_cmpint (ss_alert_get_target_year (alert), ==, 2030);
  g_assert_cmpfloat (ss_alert_get_target (alert), ==, 0.5);

  /* Never over: no such alert. */
  memset (&p->over_target[row], 0, p->n_years);
  ss_alert_list_update (list, study, p, SS_BASELINE, 1);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint k = 0; k < n; k++)
    g_assert_cmpint (ss_alert_get_kind (alert_at (list, k)), !=, SS_ALERT_KIND_OVER_TARGET);

  /* The portfolio's list: lithium hydroxide (84 % from China) and urea
   * are over a target, semiconductors (45 % from Vietnam) are not. */
  ss_engine_project (study, SS_BASELINE, NULL, p);
  ss_alert_list_update (list, study, p, SS_BASELINE, SS_PORTFOLIO);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  found = 0;
  for (guint k = 0; k < n; k++)
    if (ss_alert_get_kind (alert_at (list, k)) == SS_ALERT_KIND_OVER_TARGET)
      {
        g_assert_cmpint (ss_alert_get_item (alert_at (list, k)), ==, found);
        found++;
      }
  g_assert_cmpuint (found, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/npv", test_npv);
  g_test_add_func ("/figures/add-up", test_figures_add_up);
  g_test_add_func ("/alerts/span", test_span);
  g_test_add_func ("/alerts/item", test_item_alerts);
  g_test_add_func ("/alerts/targets", test_target_alerts);
  g_test_add_func ("/alerts/portfolio", test_portfolio_alerts);
  g_test_add_func ("/alerts/over-target", test_over_target);

  return g_test_run ();
}
