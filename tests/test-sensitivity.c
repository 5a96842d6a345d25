/* test-sensitivity.c: the tornado against a brute force
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For every input the tornado lists, an independent loop copies the
 * study, sets the input to its varied value (computed here from the
 * ranges of ss-attrs.c, not taken from the tornado), projects the
 * baseline and the scenario whole and reads the figure off the
 * projection by its definition. Every swing must match, and the ranking
 * must be the brute force's. So a shortcut of ss-sensitivity.c (a study
 * of some items, a figure an input cannot reach) that were wrong would
 * show here.
 */

#define G_LOG_DOMAIN "supplyshift-test-sensitivity"

#include "config.h"

#include <math.h>

#include "ss-attrs.h"
#include "ss-sensitivity.h"
#include "ss-study-file.h"
#include "test-util.h"

static double
clamp_spec (const SsAttrSpec *spec,
            double            v)
{
  if (v < spec->min || (spec->min_open && v <= spec->min))
    return spec->min_open ? nextafter (spec->min, INFINITY) : spec->min;
  if (v > spec->max || (spec->max_open && v >= spec->max))
    return spec->max_open ? nextafter (spec->max, -INFINITY) : spec->max;
  return v;
}

static const SsAttrSpec *
spec_of (const SsSensitivityInput *input)
{
  if (input->kind == SS_INPUT_COUNTRY)
    return &ss_country_attrs[input->attr];
  if (input->kind == SS_INPUT_ITEM)
    return &ss_item_attrs[input->attr];
  return input->attr == SS_LEVER_TRANSITION_YEARS ? &ss_spec_transition_years
         : input->attr == SS_LEVER_SWITCHING_COST ? &ss_spec_switching_cost : &ss_spec_subsidy;
}

static double *
field_of (SsStudy                  *study,
          int                       scenario,
          const SsSensitivityInput *input)
{
  SsScenario *s;

  if (input->kind == SS_INPUT_COUNTRY)
    return &ss_study_get_country (study, input->index)->attr[input->attr];
  if (input->kind == SS_INPUT_ITEM)
    return &ss_study_get_item (study, input->index)->attr[input->attr];
  s = ss_study_get_scenario (study, scenario);
  return input->attr == SS_LEVER_TRANSITION_YEARS ? &s->transition_years
         : input->attr == SS_LEVER_SWITCHING_COST ? &s->switching_cost : &s->subsidy;
}

/* The figure by its definition, off a whole projection. */
static double
brute_figure (SsStudy             *study,
              SsSensitivityFigure  figure,
              int                  scenario)
{
  g_autoptr(SsProjection) base = ss_projection_new ();
  g_autoptr(SsProjection) p = ss_projection_new ();
  const SsMeta *meta = ss_study_get_meta (study);
  guint last = meta->horizon, ny = meta->horizon + 1;
  double best = 0;
  int year = -1;

  ss_engine_project (study, SS_BASELINE, NULL, base);
  if (scenario == SS_BASELINE)
    ss_projection_copy_into (p, base);
  else
    ss_engine_project (study, scenario, base, p);
  switch (figure)
    {
    case SS_SENSITIVITY_NPV_PREMIUM:
      {
        double sum = 0;

        for (guint t = 0; t < ny; t++)
          sum += (p->total_cost[t] - base->total_cost[t]) / pow (1 + meta->discount_rate, t);
        return scenario == SS_BASELINE ? 0 : sum;
      }
    case SS_SENSITIVITY_SHORTFALL_IMPACT:
      return p->expected_shortfall_impact[last];
    case SS_SENSITIVITY_SUPPLY_RISK:
      {
        double num = 0, den = 0;

        for (guint i = 0; i < p->n_items; i++)
          {
            gsize at = (gsize)i * ny + last;

            num += p->cost[at] * p->supply_risk[at];
            den += p->cost[at];
          }
        return num / den;
      }
    case SS_SENSITIVITY_MAX_FOREIGN_SHARE:
    default:
      for (guint t = 0; t < ny && year < 0; t++)
        if (!isnan (p->policy_target[t]))
          year = t;
      g_assert_cmpint (year, >=, 0);
      for (guint i = 0; i < p->n_items; i++)
        for (guint c = 0; c < p->n_countries; c++)
          if (c != meta->home)
            best = MAX (best, p->share[((gsize)i * p->n_countries + c) * ny + year]);
      return best;
    }
}

static double
brute_at (SsStudy                  *study,
          int                       scenario,
          SsSensitivityFigure       figure,
          const SsSensitivityInput *input,
          double                    value)
{
  g_autoptr(SsStudy) copy = ss_study_copy (study);

  *field_of (copy, scenario, input) = value;
  return brute_figure (copy, figure, scenario);
}

static void
assert_close (double a,
              double b)
{
  double scale = MAX (1, MAX (fabs (a), fabs (b)));

  if (!(fabs (a - b) <= 1e-9 * scale))
    g_error ("%.17g and %.17g differ", a, b);
}

/* Every input, the inputs the tornado lists, and each swing as the brute
 * force finds it; then the ranking. */
static guint
check_tornado (SsStudy             *study,
               int                  scenario,
               SsSensitivityFigure  figure,
               double               fraction)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsSensitivity) s = ss_sensitivity_compute (study, scenario, figure, fraction, &error);
  guint nc = ss_study_get_n_countries (study), ni = ss_study_get_n_items (study);
  guint nl = scenario != SS_BASELINE && ss_study_get_scenario (study, scenario)->kind == SS_SCENARIO_STRATEGY
             ? SS_N_LEVERS : 0;
  g_autofree double *brute = NULL;
  g_autofree gboolean *seen = g_new0 (gboolean, nc * SS_COUNTRY_N_ATTRS + ni * SS_ITEM_N_ATTRS + nl);
  guint moving = 0;

  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpuint (s->inputs->len, ==, nc * SS_COUNTRY_N_ATTRS + ni * 3 + nl);
  assert_close (s->base, brute_figure (study, figure, scenario));
  brute = g_new0 (double, s->inputs->len);

  for (guint k = 0; k < s->inputs->len; k++)
    {
      const SsSensitivityInput *in = &g_array_index (s->inputs, SsSensitivityInput, k);
      const SsAttrSpec *spec = spec_of (in);
      double value = *field_of (study, scenario, in);
      double low_value = clamp_spec (spec, value * (1 - fraction));
      double high_value = clamp_spec (spec, value * (1 + fraction));
      double low = brute_at (study, scenario, figure, in, low_value);
      double high = brute_at (study, scenario, figure, in, high_value);
      guint slot = in->kind == SS_INPUT_COUNTRY ? in->index * SS_COUNTRY_N_ATTRS + in->attr
                   : in->kind == SS_INPUT_ITEM ? nc * SS_COUNTRY_N_ATTRS + in->index * SS_ITEM_N_ATTRS + in->attr
                   : nc * SS_COUNTRY_N_ATTRS + ni * SS_ITEM_N_ATTRS + in->attr;

      g_assert_false (seen[slot]);
      seen[slot] = TRUE;
      if (in->kind == SS_INPUT_ITEM)
        g_assert_true (in->attr == SS_ITEM_VALUE || in->attr == SS_ITEM_GROWTH
                       || in->attr == SS_ITEM_STOCKPILE_DAYS);
      g_assert_cmpfloat (in->value, ==, value);
      g_assert_cmpfloat (in->low_value, ==, low_value);
      g_assert_cmpfloat (in->high_value, ==, high_value);
      g_assert_cmpint (in->low_clamped, ==, low_value != value * (1 - fraction));
      g_assert_cmpint (in->high_clamped, ==, high_value != value * (1 + fraction));
      assert_close (in->low, low);
      assert_close (in->high, high);
      brute[k] = fabs (high - low);
      moving += brute[k] > 0;
    }
  /* The ranking is the brute force's: no input after one it moves less
   * than (beyond rounding). */
  for (guint k = 0; k + 1 < s->inputs->len; k++)
    g_assert_cmpfloat (brute[k], >=, brute[k + 1] - 1e-9 * MAX (1, fabs (s->base)));
  return moving;
}

static void
test_brute_force (gconstpointer user_data)
{
  g_autoptr(SsStudy) study = ss_test_load_study (GPOINTER_TO_INT (user_data));
  gboolean targets = ss_sensitivity_figure_year (study, SS_SENSITIVITY_MAX_FOREIGN_SHARE) >= 0;

  for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (study); s++)
    {
      guint moving = 0;

      for (SsSensitivityFigure f = 0; f < SS_N_SENSITIVITY_FIGURES; f++)
        {
          if (f == SS_SENSITIVITY_MAX_FOREIGN_SHARE && !targets)
            continue;
          g_test_message ("scenario %d, %s", s, ss_sensitivity_figure_to_string (f));
          moving += check_tornado (study, s, f, 0.1);
          moving += check_tornado (study, s, f, 0.35);
        }
      /* Something moves, or the comparison would prove nothing. */
      g_assert_cmpuint (moving, >, 0);
    }
}

/* The sample's first scenario, every figure at ±10 %. */
static void
test_brute_force_sample (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_SAMPLE);

  /* The largest share is an item China plus one leaves alone, so nothing
   * moves it; every other figure moves. */
  for (SsSensitivityFigure f = 0; f < SS_N_SENSITIVITY_FIGURES; f++)
    {
      guint moving = check_tornado (study, 0, f, 0.1);

      if (f != SS_SENSITIVITY_MAX_FOREIGN_SHARE)
        g_assert_cmpuint (moving, >, 0);
    }
}

/* A varied value stays in its range, and says it was held there. */
static void
test_clamped (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE_V2);
  g_autoptr(SsSensitivity) s = NULL;
  gboolean found = FALSE;

  ss_study_get_country (study, 0)->attr[SS_COUNTRY_RAMP] = 0.95;
  s = ss_sensitivity_compute (study, 0, SS_SENSITIVITY_NPV_PREMIUM, 0.1, NULL);
  for (guint k = 0; k < s->inputs->len; k++)
    {
      const SsSensitivityInput *in = &g_array_index (s->inputs, SsSensitivityInput, k);

      if (in->kind == SS_INPUT_COUNTRY && in->index == 0 && in->attr == SS_COUNTRY_RAMP)
        {
          g_assert_cmpfloat (in->high_value, ==, 1);
          g_assert_true (in->high_clamped);
          g_assert_false (in->low_clamped);
          g_assert_cmpfloat_with_epsilon (in->low_value, 0.855, 1e-12);
          found = TRUE;
        }
    }
  g_assert_true (found);
  check_tornado (study, 0, SS_SENSITIVITY_NPV_PREMIUM, 0.1);
}

static void
test_refused (void)
{
  g_autoptr(SsStudy) v1 = ss_test_load_study (SS_TEST_STUDY_EXAMPLE);
  g_autoptr(GError) error = NULL;
  SsSensitivityFigure figure;

  g_assert_null (ss_sensitivity_compute (v1, 0, SS_SENSITIVITY_NPV_PREMIUM, 0, &error));
  g_assert_error (error, SS_SENSITIVITY_ERROR, SS_SENSITIVITY_ERROR_FRACTION);
  g_clear_error (&error);
  g_assert_null (ss_sensitivity_compute (v1, 0, SS_SENSITIVITY_NPV_PREMIUM, 1, &error));
  g_assert_error (error, SS_SENSITIVITY_ERROR, SS_SENSITIVITY_ERROR_FRACTION);
  g_clear_error (&error);
  /* A version-1 study has no policy target. */
  g_assert_null (ss_sensitivity_compute (v1, 0, SS_SENSITIVITY_MAX_FOREIGN_SHARE, 0.1, &error));
  g_assert_error (error, SS_SENSITIVITY_ERROR, SS_SENSITIVITY_ERROR_NO_TARGET);

  for (SsSensitivityFigure f = 0; f < SS_N_SENSITIVITY_FIGURES; f++)
    {
      g_assert_true (ss_sensitivity_figure_from_string (ss_sensitivity_figure_to_string (f), &figure));
      g_assert_cmpint (figure, ==, f);
    }
  g_assert_false (ss_sensitivity_figure_from_string ("cost", &figure));
  g_assert_false (ss_sensitivity_figure_from_string (NULL, &figure));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/sensitivity/brute-force/example", GINT_TO_POINTER (SS_TEST_STUDY_EXAMPLE),
                        test_brute_force);
  g_test_add_data_func ("/sensitivity/brute-force/example-v2",
                        GINT_TO_POINTER (SS_TEST_STUDY_EXAMPLE_V2), test_brute_force);
  g_test_add_func ("/sensitivity/brute-force/sample", test_brute_force_sample);
  g_test_add_func ("/sensitivity/clamped", test_clamped);
  g_test_add_func ("/sensitivity/refused", test_refused);
  return g_test_run ();
}
