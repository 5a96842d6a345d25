/* bench-study.c: a large synthetic study for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deterministic (fixed seed), valid by construction: shares and targets
 * sum to 1, every value is inside its range. Every country can be
 * disrupted, so the engine enumerates all 2^n sets.
 */

#include "config.h"

#include "ss-attrs.h"
#include "bench-study.h"

SsStudy *
bench_study_new (guint n_items,
                 guint n_countries,
                 guint horizon,
                 guint n_scenarios)
{
  static const char *codes[] = { "CN", "VN", "ID", "TH", "KR", "JP", "US", "DE",
                                 "AU", "CL", "FI", "IN", "MY", "PH", "SG", "ZZ" };
  SsStudy *study = ss_study_new ();
  SsMeta *meta = ss_study_get_meta (study);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20221215);

  g_free (meta->title);
  meta->title = g_strdup ("Benchmark study");
  meta->horizon = horizon;
  meta->discount_rate = 0.05;
  meta->home = 4 % n_countries;

  for (guint c = 0; c < n_countries; c++)
    {
      SsCountry *country = ss_study_get_country (study, ss_study_add_country (study, codes[c], codes[c]));

      if (c >= 1 && c <= 3)
        country->group = g_strdup ("ASEAN");
      country->attr[SS_COUNTRY_GOVERNANCE] = g_rand_double_range (rand, 1, 8);
      country->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] = g_rand_double_range (rand, 0.01, 0.2);
      country->attr[SS_COUNTRY_DISRUPTION_SEVERITY] = g_rand_double_range (rand, 0.2, 0.9);
      country->attr[SS_COUNTRY_DISRUPTION_DAYS] = g_rand_double_range (rand, 20, 180);
      country->attr[SS_COUNTRY_COST_INDEX] = g_rand_double_range (rand, 0.9, 1.5);
      country->attr[SS_COUNTRY_COST_GROWTH] = g_rand_double_range (rand, 0, 0.06);
      country->attr[SS_COUNTRY_TARIFF] = g_rand_double_range (rand, 0, 0.08);
      country->attr[SS_COUNTRY_LOGISTICS] = g_rand_double_range (rand, 0, 0.06);
      country->attr[SS_COUNTRY_RAMP] = g_rand_double_range (rand, 0.03, 0.2);
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *code = g_strdup_printf ("item-%04u", i);
      SsItem *item = ss_study_get_item (study, ss_study_add_item (study, code, code));
      double sum = 0;

      item->attr[SS_ITEM_VALUE] = g_rand_double_range (rand, 10, 5000);
      item->attr[SS_ITEM_GROWTH] = g_rand_double_range (rand, -0.02, 0.1);
      item->attr[SS_ITEM_SUBSTITUTABILITY] = g_rand_double_range (rand, 0.3, 1);
      item->attr[SS_ITEM_RECYCLING] = g_rand_double_range (rand, 0, 0.4);
      item->attr[SS_ITEM_STOCKPILE_DAYS] = g_rand_double_range (rand, 0, 60);
      item->attr[SS_ITEM_IMPACT] = g_rand_double_range (rand, 0.5, 4);
      item->set = (1u << SS_ITEM_N_ATTRS) - 1;
      for (guint c = 0; c < n_countries; c++)
        {
          item->sources[c].listed = TRUE;
          item->sources[c].attr[SS_SOURCE_SHARE] = c == 0 ? 5 : g_rand_double (rand);
          sum += item->sources[c].attr[SS_SOURCE_SHARE];
        }
      for (guint c = 0; c < n_countries; c++)
        item->sources[c].attr[SS_SOURCE_SHARE] /= sum;
    }

  for (guint s = 0; s < n_scenarios; s++)
    {
      g_autofree char *id = g_strdup_printf ("scenario-%u", s);
      SsScenario *scenario = ss_study_get_scenario (study, ss_study_add_scenario (study, id, id));

      scenario->transition_years = 3 + s;
      scenario->switching_cost = 0.15;
      scenario->subsidy = 0.3;
      for (guint i = 0; i < n_items; i++)
        {
          double *targets = ss_scenario_ensure_targets (study, scenario, i);
          double sum = 0;

          for (guint c = 0; c < n_countries; c++)
            sum += targets[c] = g_rand_double (rand);
          for (guint c = 0; c < n_countries; c++)
            targets[c] /= sum;
        }
    }
  return study;
}

/* Two shock scenarios: export controls on a fifth of the items from the
 * first country, and the second country's prices 20 % up. With
 * item_level, the second country also restricts a third of the items,
 * and every seventh item has a disruption probability of its own from
 * the third: countries with several probabilities, so joint states that
 * are not the masks of the items' sets. */
void
bench_study_add_shocks (SsStudy *study,
                        gboolean item_level)
{
  guint ni = ss_study_get_n_items (study), nc = ss_study_get_n_countries (study);
  g_autofree guint *items = g_new (guint, ni);
  guint n = 0;
  SsScenario *controls, *costs;
  SsCountryOverride ov = { 0 };
  SsShock *shock;

  controls = ss_study_get_scenario (study, ss_study_add_scenario (study, "controls", "Controls"));
  controls->kind = SS_SCENARIO_SHOCK;
  for (guint i = 0; i < ni; i += 5)
    items[n++] = i;
  shock = ss_scenario_add_shock (controls, 0);
  shock->set = (1u << SS_DISRUPTION_PROBABILITY) | (1u << SS_DISRUPTION_DAYS);
  shock->value[SS_DISRUPTION_PROBABILITY] = 0.3;
  shock->value[SS_DISRUPTION_DAYS] = 180;
  ss_shock_set_items (shock, items, n);

  if (item_level && nc > 2)
    {
      n = 0;
      for (guint i = 1; i < ni; i += 3)
        items[n++] = i;
      shock = ss_scenario_add_shock (controls, 1);
      shock->set = 1u << SS_DISRUPTION_PROBABILITY;
      shock->value[SS_DISRUPTION_PROBABILITY] = 0.25;
      ss_shock_set_items (shock, items, n);
      for (guint i = 0; i < ni; i += 7)
        {
          SsSource *source = &ss_study_get_item (study, i)->sources[2];

          source->set |= 1u << SS_SOURCE_DISRUPTION_PROBABILITY;
          source->attr[SS_SOURCE_DISRUPTION_PROBABILITY] = 0.01 * (i % 9 + 1);
        }
    }

  costs = ss_study_get_scenario (study, ss_study_add_scenario (study, "costs", "Costs"));
  costs->kind = SS_SCENARIO_SHOCK;
  ov.country = 1 % nc;
  ov.set = 1u << SS_COUNTRY_COST_INDEX;
  ov.attr[SS_COUNTRY_COST_INDEX] = ss_study_get_country (study, ov.country)->attr[SS_COUNTRY_COST_INDEX] * 1.2;
  g_array_append_val (costs->overrides, ov);
}
