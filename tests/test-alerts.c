/* test-alerts.c: figures read off projections (model/ss-figures.c),
 * without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/figures/npv", test_npv);
  g_test_add_func ("/figures/add-up", test_figures_add_up);

  return g_test_run ();
}
