/* test-study-edit.c: the editing helpers of model/ss-study.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After every mutation the study must still be a valid file: it saves,
 * loads back without error and equals what was saved.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-attrs.h"
#include "ss-study-file.h"
#include "test-util.h"
#include "ss-study.h"


/* Moves every share and target of country c to the first other country,
 * as a user would before removing c. */
static void
move_to_first (SsStudy *study,
               guint    c)
{
  guint to = c == 0 ? 1 : 0;

  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    {
      SsItem *item = ss_study_get_item (study, i);

      if (item->sources[c].attr[SS_SOURCE_SHARE] > 0)
        {
          item->sources[to].attr[SS_SOURCE_SHARE] += item->sources[c].attr[SS_SOURCE_SHARE];
          item->sources[to].listed = TRUE;
          item->sources[c].attr[SS_SOURCE_SHARE] = 0;
        }
      for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
        {
          SsScenario *scenario = ss_study_get_scenario (study, s);

          if (scenario->targets[i] != NULL && scenario->targets[i][c] > 0)
            {
              scenario->targets[i][to] += scenario->targets[i][c];
              scenario->targets[i][c] = 0;
            }
        }
    }
}

/* A country that supplies nothing and is targeted nowhere can go: every
 * later column moves down, and so do home and the overrides. */
static void
test_remove_country (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  guint nc = ss_study_get_n_countries (study);
  int kr = ss_study_find_country (study, "KR");
  int zz = ss_study_find_country (study, "ZZ");
  int cn = ss_study_find_country (study, "CN");
  guint added;
  SsScenario *scenario;
  SsCountryOverride ov = { 0 };
  double zz_share_0;

  g_assert_cmpint (kr, >=, 0);
  g_assert_cmpint (zz, >, kr);
  zz_share_0 = ss_study_get_item (study, 0)->sources[zz].attr[SS_SOURCE_SHARE];

  /* A new country placed first among the columns that move: add it, give
   * it a listed zero share, a zero target and an override, then remove it
   * again from the middle by removing an earlier unused country. */
  added = ss_study_add_country (study, "XA", "Placeholder A");
  ss_study_get_item (study, 0)->sources[added].listed = TRUE;
  scenario = ss_study_get_scenario (study, 0);
  ov.country = added;
  ov.set = 1u << SS_COUNTRY_RAMP;
  ov.attr[SS_COUNTRY_RAMP] = 0.5;
  g_array_append_val (scenario->overrides, ov);
  ss_scenario_ensure_targets (study, scenario, 1);
  ss_test_assert_round_trips (study);

  ss_study_remove_country (study, added);
  g_assert_cmpuint (ss_study_get_n_countries (study), ==, nc);
  g_assert_null (ss_scenario_find_override (scenario, added));
  ss_test_assert_round_trips (study);

  /* Removing a country that came before home moves home down; the
   * overrides of later countries follow their country. */
  {
    int th = ss_study_find_country (study, "TH");
    int fi = ss_study_find_country (study, "FI");
    int s = ss_study_find_scenario (study, "china-export-controls");
    SsScenario *controls = ss_study_get_scenario (study, s);
    int qa = ss_study_find_country (study, "QA");
    SsScenario *hormuz = ss_study_get_scenario (study, ss_study_find_scenario (study, "hormuz-closure"));

    g_assert_cmpint (th, <, kr);
    g_assert_cmpint (fi, >, kr);
    g_assert_cmpint (qa, >, fi);
    /* The sample's shocks are item-level: the overrides are the test's. */
    g_assert_null (ss_scenario_find_override (controls, cn));
    g_assert_cmpuint (g_array_index (controls->shocks, SsShock, 0).country, ==, cn);
    g_assert_cmpuint (g_array_index (hormuz->shocks, SsShock, 0).country, ==, qa);
    move_to_first (study, th);
    move_to_first (study, fi);
    ov.country = cn;
    g_array_append_val (controls->overrides, ov);
    ov.country = fi;
    g_array_append_val (controls->overrides, ov);
    ov.country = zz;
    g_array_append_val (controls->overrides, ov);
    ss_test_assert_round_trips (study);

    ss_study_remove_country (study, fi);
    zz--;
    qa--;
    g_assert_cmpint (ss_study_find_country (study, "FI"), ==, -1);
    g_assert_cmpint (ss_study_find_country (study, "ZZ"), ==, zz);
    g_assert_cmpuint (ss_study_get_meta (study)->home, ==, kr);
    g_assert_nonnull (ss_scenario_find_override (controls, zz));
    g_assert_cmpuint (g_array_index (hormuz->shocks, SsShock, 0).country, ==, qa);
    ss_test_assert_round_trips (study);

    ss_study_remove_country (study, th);
    zz--;
    qa--;
    g_assert_cmpint (ss_study_find_country (study, "ZZ"), ==, zz);
    g_assert_cmpuint (ss_study_get_meta (study)->home, ==, kr - 1);
    g_assert_cmpstr (ss_study_get_country (study, ss_study_get_meta (study)->home)->code, ==, "KR");
    g_assert_nonnull (ss_scenario_find_override (controls, cn));
    g_assert_nonnull (ss_scenario_find_override (controls, zz));
    g_assert_cmpuint (g_array_index (controls->shocks, SsShock, 0).country, ==, cn);
    g_assert_cmpuint (g_array_index (hormuz->shocks, SsShock, 0).country, ==, qa);
    for (guint o = 0; o < controls->overrides->len; o++)
      g_assert_cmpuint (g_array_index (controls->overrides, SsCountryOverride, o).country, <,
                        ss_study_get_n_countries (study));
    g_assert_cmpfloat (ss_study_get_item (study, 0)->sources[zz].attr[SS_SOURCE_SHARE], ==,
                       zz_share_0);
    g_assert_cmpuint (ss_study_get_n_countries (study), ==, nc - 2);
    ss_test_assert_round_trips (study);
  }
}

static void
test_duplicate_scenario (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  guint n = ss_study_get_n_scenarios (study);
  g_autofree char *id = ss_study_unique_scenario_id (study, "China plus one");
  guint copy;
  SsScenario *from, *to;

  g_assert_cmpstr (id, ==, "china-plus-one-2");
  copy = ss_study_duplicate_scenario (study, 0, id, "China plus one (copy)");
  g_assert_cmpuint (copy, ==, n);
  from = ss_study_get_scenario (study, 0);
  to = ss_study_get_scenario (study, copy);
  g_assert_cmpstr (to->id, ==, id);
  g_assert_cmpstr (to->description, ==, from->description);
  g_assert_true (to->targets != from->targets);
  g_assert_true (to->overrides != from->overrides);
  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    {
      g_assert_true ((to->targets[i] == NULL) == (from->targets[i] == NULL));
      if (to->targets[i] != NULL)
        {
          g_assert_true (to->targets[i] != from->targets[i]);
          g_assert_cmpmem (to->targets[i], ss_study_get_n_countries (study) * sizeof (double),
                           from->targets[i], ss_study_get_n_countries (study) * sizeof (double));
        }
    }
  ss_test_assert_round_trips (study);

  /* Deep: changing the copy leaves the original alone. */
  {
    double *targets = ss_scenario_ensure_targets (study, to, 0);
    double before = from->targets[0] != NULL ? from->targets[0][0] : NAN;

    targets[0] = 1;
    for (guint c = 1; c < ss_study_get_n_countries (study); c++)
      targets[c] = 0;
    to->transition_years = 7;
    if (from->targets[0] != NULL)
      g_assert_cmpfloat (from->targets[0][0], ==, before);
    g_assert_cmpfloat (from->transition_years, !=, 7);
  }
  ss_test_assert_round_trips (study);

  /* Duplicating after items are added and removed keeps the shapes right. */
  ss_study_remove_item (study, 0);
  copy = ss_study_duplicate_scenario (study, copy, "again", "Again");
  ss_study_remove_scenario (study, 0);
  ss_test_assert_round_trips (study);
}

static void
test_unique_scenario_id (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  static const struct { const char *name; const char *id; } cases[] = {
    { "Vietnam plus", "vietnam-plus-2" },
    { "China +1 (2030)", "china-1-2030" },
    { "  Reshoring  ", "reshoring-2" },
    { "Énergie à Séoul", "energie-a-seoul" },
    { "Baseline", "baseline-2" },
    { "한국", "scenario" },
    { "", "scenario" },
    { "---", "scenario" },
    { "a_b.c", "a-b-c" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *id = ss_study_unique_scenario_id (study, cases[k].name);

      g_assert_cmpstr (id, ==, cases[k].id);
      g_assert_true (ss_is_scenario_id (id));
    }

  /* Long names are cut to 64, and the suffix still fits. */
  {
    g_autofree char *name = g_strnfill (100, 'x');
    g_autofree char *first = ss_study_unique_scenario_id (study, name);
    g_autofree char *second = NULL;

    g_assert_cmpuint (strlen (first), ==, 64);
    ss_study_add_scenario (study, first, name);
    second = ss_study_unique_scenario_id (study, name);
    g_assert_cmpuint (strlen (second), ==, 64);
    g_assert_true (g_str_has_suffix (second, "-2"));
    g_assert_true (ss_is_scenario_id (second));
    ss_study_add_scenario (study, second, name);
    ss_test_assert_round_trips (study);
  }

  /* Numbering goes on past the ones taken. */
  for (guint k = 0; k < 5; k++)
    {
      g_autofree char *id = ss_study_unique_scenario_id (study, "Test");
      g_autofree char *expected = k == 0 ? g_strdup ("test") : g_strdup_printf ("test-%u", k + 1);

      g_assert_cmpstr (id, ==, expected);
      ss_study_add_scenario (study, id, "Test");
    }
  ss_test_assert_round_trips (study);
}

static void
test_unique_item_code (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  static const struct { const char *stem; const char *code; } cases[] = {
    { "282520", "282520-2" },
    { "new-item", "new-item" },
    { "HS 8505.11", "HS-8505.11" },
    { "", "item" },
    { "한국", "item" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *code = ss_study_unique_item_code (study, cases[k].stem);

      g_assert_cmpstr (code, ==, cases[k].code);
      g_assert_true (ss_is_item_code (code));
    }

  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *code = ss_study_unique_item_code (study, "new-item");
      guint index = ss_study_add_item (study, code, "New item");
      SsItem *item = ss_study_get_item (study, index);

      item->attr[SS_ITEM_VALUE] = 100;
      item->set |= 1u << SS_ITEM_VALUE;
      item->sources[0].listed = TRUE;
      item->sources[0].attr[SS_SOURCE_SHARE] = 1;
      g_assert_cmpstr (code, ==, k == 0 ? "new-item" : k == 1 ? "new-item-2" : "new-item-3");
      ss_test_assert_round_trips (study);
    }

  {
    g_autofree char *stem = g_strnfill (40, 'A');
    g_autofree char *first = ss_study_unique_item_code (study, stem);
    g_autofree char *second = NULL;
    guint index;

    g_assert_cmpuint (strlen (first), ==, 32);
    index = ss_study_add_item (study, first, "Long");
    ss_study_get_item (study, index)->attr[SS_ITEM_VALUE] = 10;
    ss_study_get_item (study, index)->set |= 1u << SS_ITEM_VALUE;
    ss_study_get_item (study, index)->sources[1].listed = TRUE;
    ss_study_get_item (study, index)->sources[1].attr[SS_SOURCE_SHARE] = 1;
    second = ss_study_unique_item_code (study, stem);
    g_assert_cmpuint (strlen (second), ==, 32);
    g_assert_true (g_str_has_suffix (second, "-2"));
    ss_test_assert_round_trips (study);
  }
}

static void
test_patterns (void)
{
  g_assert_true (ss_is_country_code ("CN"));
  g_assert_false (ss_is_country_code ("cn"));
  g_assert_false (ss_is_country_code ("CHN"));
  g_assert_false (ss_is_country_code (""));
  g_assert_false (ss_is_country_code (NULL));
  g_assert_true (ss_is_item_code ("8505.11_a-b"));
  g_assert_false (ss_is_item_code ("a b"));
  g_assert_true (ss_is_group_label ("ASEAN"));
  g_assert_false (ss_is_group_label ("EU.27"));
  g_assert_true (ss_is_scenario_id ("a-1"));
  g_assert_false (ss_is_scenario_id ("-a"));
  g_assert_false (ss_is_scenario_id ("A"));
}

/* The effective stockpile (model.md §1): the engine's and the window's. */
static void
test_effective_stockpile (void)
{
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-v2-study.xml");
  const SsScenario *plus = ss_study_get_scenario (study, 0);
  const SsScenario *asean = ss_study_get_scenario (study, 2);
  const SsScenario *china = ss_study_get_scenario (study, 1);
  const SsItem *lithium = ss_study_get_item (study, 0), *urea = ss_study_get_item (study, 1);

  /* The item's own, then the strategy's per item, then its all-items. */
  g_assert_cmpfloat (ss_scenario_get_stockpile (NULL, NULL, lithium, 0), ==, 20);
  g_assert_cmpfloat (ss_scenario_get_stockpile (plus, NULL, lithium, 0), ==, 60);
  g_assert_cmpfloat (ss_scenario_get_stockpile (plus, NULL, urea, 1), ==, 30);
  g_assert_cmpfloat (ss_scenario_get_stockpile (china, NULL, urea, 1), ==, 45);
  /* The shock's per-item value beats the strategy's all-items one. */
  g_assert_cmpfloat (ss_scenario_get_stockpile (plus, asean, urea, 1), ==, 30);
  g_assert_cmpfloat (ss_scenario_get_stockpile (NULL, asean, urea, 1), ==, 30);
  g_assert_cmpfloat (ss_scenario_get_stockpile (plus, china, lithium, 0), ==, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/study-edit/remove-country", test_remove_country);
  g_test_add_func ("/model/study-edit/duplicate-scenario", test_duplicate_scenario);
  g_test_add_func ("/model/study-edit/unique-scenario-id", test_unique_scenario_id);
  g_test_add_func ("/model/study-edit/unique-item-code", test_unique_item_code);
  g_test_add_func ("/model/study-edit/patterns", test_patterns);
  g_test_add_func ("/model/study-edit/effective-stockpile", test_effective_stockpile);

  return g_test_run ();
}
