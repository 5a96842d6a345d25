/* test-document-edit.c: every edit operation of SsDocument (ss-document-edit.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each operation runs on the version-2 worked example with every
 * projection and stress cell computed, and must: change the study, emit
 * "changed" once with the flag views expect, make stale exactly the
 * projections and cells it can change (and no others: a cached figure
 * that stays must equal a fresh one), mark the study modified, and come
 * back whole with undo and redo. Each refusal must change nothing.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-attrs.h"
#include "ss-document.h"
#include "ss-study-file.h"
#include "ss-study-patch.h"
#include "test-util.h"

/* Scenarios of the example: 0 vietnam-plus (a strategy), 1 china-shock
 * and 2 asean-costs (shocks). Countries CN VN ID TH KR (home). */
enum { PLUS, CHINA, ASEAN };
enum { CN, VN, ID, TH, KR };

static SsStudy *
load_example_v2 (void)
{
  return ss_test_load_data_study ("example-v2-study.xml");
}

/* "proj:" then a mark per projection (baseline first), "grid:" then the
 * cells, rows separated by "|": "x" stale, "." fresh. */
static char *
stale_map (SsDocument *document)
{
  GString *out = g_string_new ("proj:");
  guint ns = ss_study_get_n_scenarios (ss_document_get_study (document));

  for (int s = SS_BASELINE; s < (int)ns; s++)
    g_string_append_c (out, ss_document_projection_is_stale (document, s) ? 'x' : '.');
  g_string_append (out, " grid:");
  ss_test_append_stale_grid (out, document);
  return g_string_free (out, FALSE);
}

static void
assert_same_projection (const SsProjection *a,
                        const SsProjection *b)
{
  g_assert_cmpuint (a->block_size, ==, b->block_size);
  g_assert_cmpmem (a->block, a->block_size, b->block, b->block_size);
  g_assert_cmpfloat (a->npv_cost_premium, ==, b->npv_cost_premium);
  g_assert_cmpfloat (a->npv_subsidy, ==, b->npv_subsidy);
}

/* Every projection and cell the document holds is what the engine
 * computes afresh: those the edit left fresh as well as the others. */
static void
assert_cache_right (SsDocument *document)
{
  const SsStudy *study = ss_document_get_study (document);
  g_autoptr(SsProjection) baseline = ss_projection_new ();
  const GArray *strategies, *shocks;

  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (study); s++)
    {
      g_autoptr(SsProjection) fresh = ss_projection_new ();

      ss_engine_project (study, s, baseline, fresh);
      assert_same_projection (ss_document_get_projection (document, s), fresh);
    }
  ss_document_get_stress_axes (document, &strategies, &shocks);
  for (guint r = 0; r < strategies->len; r++)
    for (guint k = 0; k < shocks->len; k++)
      {
        int strategy = g_array_index (strategies, int, r), shock = g_array_index (shocks, int, k);
        g_autoptr(SsProjection) fresh = ss_projection_new ();

        ss_engine_project_cell (study, strategy, shock, NULL, fresh);
        assert_same_projection (ss_document_get_cell (document, strategy, shock), fresh);
      }
}

typedef struct
{
  guint n;
  guint change;
  int   scenario;
} Emitted;

static void
on_changed (SsDocument *document,
            guint       change,
            int         scenario,
            Emitted    *emitted)
{
  emitted->n++;
  emitted->change = change;
  emitted->scenario = scenario;
}

typedef gboolean (*EditFunc) (SsDocument *document,
                              GError    **error);

typedef struct
{
  const char *name;
  EditFunc    prepare;                 /* an earlier edit the case needs, or NULL */
  EditFunc    apply;
  SsChange    change;                  /* what "changed" reports */
  int         scenario;
  const char *stale;                   /* stale_map() right after */
  gboolean    once;                    /* adds or removes: again is another edit */
} EditCase;

/* --- The edits --------------------------------------------------------- */

#define EDIT(name, expression) \
  static gboolean name (SsDocument *d, GError **e) { return (expression); }

EDIT (set_title, ss_document_set_meta_title (d, "Another title", e))
EDIT (set_description, ss_document_set_meta_description (d, "Two\nlines", e))
EDIT (set_source, ss_document_set_meta_source (d, "KITA, 2025", e))
EDIT (set_currency, ss_document_set_meta_currency (d, "KRW", e))
EDIT (set_base_year, ss_document_set_meta_base_year (d, 2026, e))
EDIT (set_horizon, ss_document_set_meta_horizon (d, 8, e))
EDIT (set_discount_rate, ss_document_set_meta_discount_rate (d, 0.03, e))

EDIT (set_thresholds, ss_document_set_meta_thresholds (d, (const double[]) { 0.4, 0.6, 0.6 }, e))
EDIT (set_home, ss_document_set_meta_home (d, TH, e))
EDIT (add_policy_target, ss_document_add_policy_target (d, 2029, 0.55, e) == 1)
EDIT (set_policy_target, ss_document_set_policy_target (d, 1, 2031, 0.45, e))
EDIT (remove_policy_target, (ss_document_remove_policy_target (d, 0), TRUE))
EDIT (add_country, ss_document_add_country (d, "MY", "Malaysia", e) == 5)
EDIT (remove_added_country, ss_document_remove_country (d, 5, e))
EDIT (set_country_code, ss_document_set_country_code (d, TH, "TT", e))
EDIT (set_country_name, ss_document_set_country_name (d, VN, "Viet Nam", e))
EDIT (set_country_group, ss_document_set_country_group (d, TH, NULL, e))
EDIT (set_country_attr, ss_document_set_country_attr (d, CN, SS_COUNTRY_GOVERNANCE, 7.5, e))
EDIT (add_item, ss_document_add_item (d, e) == 3)
EDIT (remove_item, ss_document_remove_item (d, 0, e))
EDIT (set_item_code, ss_document_set_item_code (d, 1, "3102.10", e))
EDIT (set_item_name, ss_document_set_item_name (d, 1, "Urea, technical", e))
EDIT (set_item_category, ss_document_set_item_category (d, 1, "", e))
EDIT (set_item_attr, ss_document_set_item_attr (d, 2, SS_ITEM_VALUE, 13000, e))
EDIT (clear_item_attr, ss_document_clear_item_attr (d, 0, SS_ITEM_RECYCLING, e))

EDIT (set_shares, ss_document_set_shares (d, 1, (const double[]) { 0.6, 0.2, 0.1, 0.1, 0 }, 5, e))
EDIT (list_source, ss_document_set_source_listed (d, 0, TH, TRUE, e))
EDIT (unlist_source, ss_document_set_source_listed (d, 0, ID, FALSE, e))
EDIT (set_source_attr, ss_document_set_source_attr (d, 1, VN, SS_SOURCE_CAPACITY, 0.3, e))
EDIT (clear_source_attr, ss_document_clear_source_attr (d, 0, KR, SS_SOURCE_CAPACITY, e))
EDIT (add_scenario, ss_document_add_scenario (d, "Home first", e) == 3)
EDIT (duplicate_scenario, ss_document_duplicate_scenario (d, CHINA, e) == 3)
EDIT (remove_scenario, (ss_document_remove_scenario (d, PLUS), TRUE))
EDIT (rename_scenario, ss_document_rename_scenario (d, PLUS, "Vietnam and more", e))
EDIT (set_scenario_description, ss_document_set_scenario_description (d, CHINA, "Licences only.", e))
EDIT (make_strategy, ss_document_set_scenario_kind (d, ASEAN, SS_SCENARIO_STRATEGY, e))
EDIT (set_lever, ss_document_set_scenario_lever (d, PLUS, SS_LEVER_SUBSIDY, 0.1, e))

EDIT (set_target, ss_document_set_target (d, PLUS, 1, (const double[]) { 0.2, 0.2, 0.2, 0.2, 0.2 }, 5, e))
EDIT (clear_target, (ss_document_clear_target (d, PLUS, 0), TRUE))
EDIT (set_stockpile, ss_document_set_stockpile (d, PLUS, 2, 15, e))
EDIT (set_stockpile_all, ss_document_set_stockpile (d, CHINA, SS_ALL_ITEMS, 90, e))
EDIT (clear_stockpile, (ss_document_clear_stockpile (d, ASEAN, 1), TRUE))
EDIT (set_override, ss_document_set_override (d, PLUS, VN, SS_COUNTRY_RAMP, 0.12, e))
EDIT (clear_override, (ss_document_clear_override (d, CHINA, CN, SS_COUNTRY_TARIFF), TRUE))
EDIT (add_shock, ss_document_add_shock (d, ASEAN, ID, SS_DISRUPTION_SEVERITY, 0.6, e) == 0)
EDIT (remove_shock, (ss_document_remove_shock (d, CHINA, 0), TRUE))
EDIT (set_shock_country, ss_document_set_shock_country (d, CHINA, 0, VN, e))
EDIT (set_shock_value, ss_document_set_shock_value (d, CHINA, 0, SS_DISRUPTION_SEVERITY, 0.8, e))
EDIT (clear_shock_value, ss_document_clear_shock_value (d, CHINA, 0, SS_DISRUPTION_DAYS, e))

/* Lithium hydroxide's shares and value from a Korea Customs file, through
 * the sample's items map (2825202000 is the example's 282520). */
static gboolean
apply_import (SsDocument  *d,
              GError     **e)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "kcs-basic.csv", NULL);
  g_autofree char *map_path = g_test_build_filename (G_TEST_DIST, "data", "import", "sample-items.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) map = g_file_new_for_path (map_path);
  g_autoptr(SsImport) import = ss_import_read (file, "kcs-basic.csv", SS_IMPORT_FORMAT_DETECT, map, NULL, e);
  SsImportOptions options = { .date = "2025-01-31" };

  return import != NULL && ss_document_apply_import (d, import, &options, NULL, e);
}

EDIT (set_shock_items, ss_document_set_shock_items (d, CHINA, 0, (const guint[]) { 2, 1 }, 2, e))
EDIT (set_shock_all_items, ss_document_set_shock_items (d, CHINA, 0, NULL, 0, e))

#define NONE    "proj:.... grid:...|..."
#define ALL     "proj:xxxx grid:xxx|xxx"
#define OF_PLUS "proj:.x.. grid:...|xxx"

static const EditCase edit_cases[] = {
  { "meta-title", NULL, set_title, SS_CHANGE_STRUCTURE, -1, NONE },
  { "meta-description", NULL, set_description, SS_CHANGE_STRUCTURE, -1, NONE },
  { "meta-source", NULL, set_source, SS_CHANGE_STRUCTURE, -1, NONE },
  { "meta-currency", NULL, set_currency, SS_CHANGE_STRUCTURE, -1, NONE },
  { "meta-base-year", NULL, set_base_year, SS_CHANGE_STRUCTURE, -1, ALL },
  { "meta-horizon", NULL, set_horizon, SS_CHANGE_STRUCTURE, -1, ALL },
  { "meta-discount-rate", NULL, set_discount_rate, SS_CHANGE_BASELINE, -1, ALL },
  { "meta-thresholds", NULL, set_thresholds, SS_CHANGE_STRUCTURE, -1, ALL },
  { "meta-home", NULL, set_home, SS_CHANGE_STRUCTURE, -1, ALL },
  { "add-policy-target", NULL, add_policy_target, SS_CHANGE_BASELINE, -1, ALL, TRUE },
  { "set-policy-target", NULL, set_policy_target, SS_CHANGE_BASELINE, -1, ALL },
  { "remove-policy-target", NULL, remove_policy_target, SS_CHANGE_BASELINE, -1, ALL, TRUE },
  { "add-country", NULL, add_country, SS_CHANGE_STRUCTURE, -1, ALL, TRUE },
  { "remove-country", add_country, remove_added_country, SS_CHANGE_STRUCTURE, -1, ALL, TRUE },
  { "country-code", NULL, set_country_code, SS_CHANGE_STRUCTURE, -1, NONE },
  { "country-name", NULL, set_country_name, SS_CHANGE_STRUCTURE, -1, NONE },
  { "country-group", NULL, set_country_group, SS_CHANGE_STRUCTURE, -1, ALL },
  { "country-attr", NULL, set_country_attr, SS_CHANGE_BASELINE, -1, ALL },
  { "add-item", NULL, add_item, SS_CHANGE_STRUCTURE, -1, ALL, TRUE },
  { "remove-item", NULL, remove_item, SS_CHANGE_STRUCTURE, -1, ALL, TRUE },
  { "item-code", NULL, set_item_code, SS_CHANGE_STRUCTURE, -1, NONE },
  { "item-name", NULL, set_item_name, SS_CHANGE_STRUCTURE, -1, NONE },
  { "item-category", NULL, set_item_category, SS_CHANGE_STRUCTURE, -1, NONE },
  { "item-attr", NULL, set_item_attr, SS_CHANGE_BASELINE, -1, ALL },
  { "clear-item-attr", NULL, clear_item_attr, SS_CHANGE_BASELINE, -1, ALL },
  { "shares", NULL, set_shares, SS_CHANGE_BASELINE, -1, ALL },
  { "list-source", NULL, list_source, SS_CHANGE_BASELINE, -1, ALL },
  { "unlist-source", NULL, unlist_source, SS_CHANGE_BASELINE, -1, ALL },
  { "source-attr", NULL, set_source_attr, SS_CHANGE_BASELINE, -1, ALL },
  { "clear-source-attr", NULL, clear_source_attr, SS_CHANGE_BASELINE, -1, ALL },
  { "apply-import", NULL, apply_import, SS_CHANGE_STRUCTURE | SS_CHANGE_BASELINE, -1, ALL },
  { "add-scenario", NULL, add_scenario, SS_CHANGE_STRUCTURE, -1, "proj:xxxxx grid:xxx|xxx|xxx", TRUE },
  { "duplicate-scenario", NULL, duplicate_scenario, SS_CHANGE_STRUCTURE, -1, "proj:xxxxx grid:xxxx|xxxx", TRUE },
  { "remove-scenario", NULL, remove_scenario, SS_CHANGE_STRUCTURE, -1, "proj:xxx grid:xxx", TRUE },
  { "rename-scenario", NULL, rename_scenario, SS_CHANGE_STRUCTURE, -1, NONE },
  { "scenario-description", NULL, set_scenario_description, SS_CHANGE_SCENARIO, CHINA, NONE },
  { "scenario-kind", NULL, make_strategy, SS_CHANGE_STRUCTURE, -1, "proj:xxxx grid:xx|xx|xx" },
  { "scenario-lever", NULL, set_lever, SS_CHANGE_SCENARIO, PLUS, OF_PLUS },
  { "target", NULL, set_target, SS_CHANGE_SCENARIO, PLUS, OF_PLUS },
  { "clear-target", NULL, clear_target, SS_CHANGE_SCENARIO, PLUS, OF_PLUS },
  { "stockpile", NULL, set_stockpile, SS_CHANGE_SCENARIO, PLUS, OF_PLUS },
  { "stockpile-all", NULL, set_stockpile_all, SS_CHANGE_SCENARIO, CHINA, "proj:..x. grid:.x.|.x." },
  { "clear-stockpile", NULL, clear_stockpile, SS_CHANGE_SCENARIO, ASEAN, "proj:...x grid:..x|..x" },
  { "override", NULL, set_override, SS_CHANGE_SCENARIO, PLUS, OF_PLUS },
  { "clear-override", NULL, clear_override, SS_CHANGE_SCENARIO, CHINA, "proj:..x. grid:.x.|.x." },
  { "add-shock", NULL, add_shock, SS_CHANGE_SCENARIO, ASEAN, "proj:...x grid:..x|..x", TRUE },
  { "remove-shock", NULL, remove_shock, SS_CHANGE_SCENARIO, CHINA, "proj:..x. grid:.x.|.x.", TRUE },
  { "shock-country", NULL, set_shock_country, SS_CHANGE_SCENARIO, CHINA, "proj:..x. grid:.x.|.x." },
  { "shock-value", NULL, set_shock_value, SS_CHANGE_SCENARIO, CHINA, "proj:..x. grid:.x.|.x." },
  { "clear-shock-value", NULL, clear_shock_value, SS_CHANGE_SCENARIO, CHINA, "proj:..x. grid:.x.|.x." },
  { "shock-items", NULL, set_shock_items, SS_CHANGE_SCENARIO, CHINA, "proj:..x. grid:.x.|.x." },
  { "shock-all-items", NULL, set_shock_all_items, SS_CHANGE_SCENARIO, CHINA, "proj:..x. grid:.x.|.x." },
};

static void
test_edit (gconstpointer data)
{
  const EditCase *c = data;
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(SsStudy) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *map = NULL;
  Emitted emitted = { 0 };

  if (c->prepare != NULL)
    {
      g_assert_true (c->prepare (document, &error));
      g_assert_no_error (error);
      ss_document_mark_saved (document);
    }
  assert_cache_right (document);
  before = ss_study_copy (study);
  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &emitted);

  g_assert_true (c->apply (document, &error));
  g_assert_no_error (error);
  g_assert_false (ss_document_in_edit (document));
  g_assert_false (ss_study_equal (study, before));
  g_assert_cmpuint (emitted.n, ==, 1);
  g_assert_cmphex (emitted.change, ==, c->change);
  g_assert_cmpint (emitted.scenario, ==, c->scenario);
  map = stale_map (document);
  g_assert_cmpstr (map, ==, c->stale);
  assert_cache_right (document);
  g_assert_true (ss_document_get_modified (document));
  g_assert_true (ss_document_can_undo (document));
  g_assert_false (ss_document_can_redo (document));
  /* What the file must hold: the edited study saves and loads back. */
  ss_test_assert_round_trips (study);
  after = ss_study_copy (study);
  /* The step holds what the edit changed, not the study (issue 11 §5):
   * only a change of the number of countries or items, which reshapes
   * every item or scenario, keeps the whole study. */
  if (ss_study_get_n_items (study) == ss_study_get_n_items (before)
      && ss_study_get_n_countries (study) == ss_study_get_n_countries (before))
    g_assert_cmpuint (ss_document_get_history_size (document), <,
                      ss_study_get_size (study) / (c->prepare != NULL ? 2 : 4));

  /* The same edit again changes nothing and leaves no second step. */
  if (!c->once)
    {
      emitted.n = 0;
      g_assert_true (c->apply (document, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (emitted.n, ==, 0);
      g_assert_true (ss_study_equal (study, after));
    }

  g_assert_true (ss_document_undo (document));
  g_assert_true (ss_study_equal (study, before));
  g_assert_false (ss_document_get_modified (document));
  g_assert_true (ss_document_can_redo (document));
  assert_cache_right (document);

  g_assert_true (ss_document_redo (document));
  g_assert_true (ss_study_equal (study, after));
  g_assert_true (ss_document_get_modified (document));
  g_assert_false (ss_document_can_redo (document));
  assert_cache_right (document);
}

/* --- Refusals ---------------------------------------------------------- */

typedef struct
{
  const char     *name;
  EditFunc        prepare;
  EditFunc        apply;
  SsDocumentError code;
} RefusalCase;

EDIT (title_blank, ss_document_set_meta_title (d, " ", e))
EDIT (title_control, ss_document_set_meta_title (d, "A\001B", e))
EDIT (base_year_after_target, ss_document_set_meta_base_year (d, 2028, e))
EDIT (horizon_too_long, ss_document_set_meta_horizon (d, SS_MAX_HORIZON + 1, e))
EDIT (discount_rate_nan, ss_document_set_meta_discount_rate (d, NAN, e))

EDIT (thresholds_unordered, ss_document_set_meta_thresholds (d, (const double[]) { 0.7, 0.6, 0.9 }, e))
EDIT (policy_target_twice, ss_document_add_policy_target (d, 2027, 0.6, e) >= 0)
EDIT (policy_target_rising, ss_document_add_policy_target (d, 2032, 0.55, e) >= 0)
EDIT (policy_target_early, ss_document_add_policy_target (d, 2023, 0.9, e) >= 0)
EDIT (country_code_lower, ss_document_add_country (d, "my", "Malaysia", e) >= 0)
EDIT (country_code_taken, ss_document_set_country_code (d, TH, "VN", e))
EDIT (country_name_empty, ss_document_add_country (d, "MY", "", e) >= 0)
EDIT (remove_home, ss_document_remove_country (d, KR, e))
EDIT (remove_supplier, ss_document_remove_country (d, TH, e))
EDIT (country_group_bad, ss_document_set_country_group (d, CN, "East Asia", e))
EDIT (country_attr_out, ss_document_set_country_attr (d, CN, SS_COUNTRY_DISRUPTION_PROBABILITY, 1.5, e))
EDIT (item_code_taken, ss_document_set_item_code (d, 0, "8541", e))
EDIT (item_code_bad, ss_document_set_item_code (d, 0, "28 25 20", e))
EDIT (item_value_required, ss_document_clear_item_attr (d, 0, SS_ITEM_VALUE, e))
EDIT (item_attr_out, ss_document_set_item_attr (d, 0, SS_ITEM_VALUE, 0, e))

EDIT (shares_short, ss_document_set_shares (d, 1, (const double[]) { 0.6, 0.2, 0.1, 0.05, 0 }, 5, e))
EDIT (shares_negative, ss_document_set_shares (d, 1, (const double[]) { 1.2, -0.2, 0, 0, 0 }, 5, e))
EDIT (unlist_supplier, ss_document_set_source_listed (d, 0, CN, FALSE, e))
EDIT (source_attr_out, ss_document_set_source_attr (d, 0, CN, SS_SOURCE_TRADE_FACTOR, 3, e))
EDIT (scenario_name_empty, ss_document_rename_scenario (d, PLUS, "", e))
EDIT (shock_of_strategy, ss_document_set_scenario_kind (d, PLUS, SS_SCENARIO_SHOCK, e))
EDIT (lever_of_shock, ss_document_set_scenario_lever (d, CHINA, SS_LEVER_TRANSITION_YEARS, 3, e))
EDIT (lever_out, ss_document_set_scenario_lever (d, PLUS, SS_LEVER_TRANSITION_YEARS, 0.5, e))

EDIT (target_of_shock, ss_document_set_target (d, CHINA, 0, (const double[]) { 0.2, 0.2, 0.2, 0.2, 0.2 }, 5, e))
EDIT (target_short, ss_document_set_target (d, PLUS, 0, (const double[]) { 0.2, 0.2, 0.2, 0.2, 0.1 }, 5, e))
EDIT (stockpile_out, ss_document_set_stockpile (d, PLUS, SS_ALL_ITEMS, -1, e))
EDIT (override_out, ss_document_set_override (d, PLUS, VN, SS_COUNTRY_COST_INDEX, 0, e))
EDIT (shock_value_out, ss_document_add_shock (d, ASEAN, ID, SS_DISRUPTION_DAYS, 400, e) >= 0)

/* The shock of asean-costs, once added, sets one value only. */
EDIT (shock_last_value, ss_document_clear_shock_value (d, ASEAN, 0, SS_DISRUPTION_SEVERITY, e))

EDIT (shock_items_twice, ss_document_set_shock_items (d, CHINA, 0, (const guint[]) { 1, 1 }, 2, e))
EDIT (shock_items_empty, ss_document_set_shock_items (d, CHINA, 0, (const guint[]) { 0 }, 0, e))

static const RefusalCase refusal_cases[] = {
  { "title-blank", NULL, title_blank, SS_DOCUMENT_ERROR_INVALID },
  { "title-control", NULL, title_control, SS_DOCUMENT_ERROR_INVALID },
  { "base-year-after-target", NULL, base_year_after_target, SS_DOCUMENT_ERROR_INVALID },
  { "horizon-too-long", NULL, horizon_too_long, SS_DOCUMENT_ERROR_INVALID },
  { "discount-rate-nan", NULL, discount_rate_nan, SS_DOCUMENT_ERROR_INVALID },
  { "thresholds-unordered", NULL, thresholds_unordered, SS_DOCUMENT_ERROR_INVALID },
  { "policy-target-twice", NULL, policy_target_twice, SS_DOCUMENT_ERROR_EXISTS },
  { "policy-target-rising", NULL, policy_target_rising, SS_DOCUMENT_ERROR_INVALID },
  { "policy-target-early", NULL, policy_target_early, SS_DOCUMENT_ERROR_INVALID },
  { "country-code-lower", NULL, country_code_lower, SS_DOCUMENT_ERROR_INVALID },
  { "country-code-taken", NULL, country_code_taken, SS_DOCUMENT_ERROR_EXISTS },
  { "country-name-empty", NULL, country_name_empty, SS_DOCUMENT_ERROR_INVALID },
  { "remove-home", NULL, remove_home, SS_DOCUMENT_ERROR_IN_USE },
  { "remove-supplier", NULL, remove_supplier, SS_DOCUMENT_ERROR_IN_USE },
  { "country-group-bad", NULL, country_group_bad, SS_DOCUMENT_ERROR_INVALID },
  { "country-attr-out", NULL, country_attr_out, SS_DOCUMENT_ERROR_INVALID },
  { "item-code-taken", NULL, item_code_taken, SS_DOCUMENT_ERROR_EXISTS },
  { "item-code-bad", NULL, item_code_bad, SS_DOCUMENT_ERROR_INVALID },
  { "item-value-required", NULL, item_value_required, SS_DOCUMENT_ERROR_INVALID },
  { "item-attr-out", NULL, item_attr_out, SS_DOCUMENT_ERROR_INVALID },
  { "shares-short", NULL, shares_short, SS_DOCUMENT_ERROR_SHARES },
  { "shares-negative", NULL, shares_negative, SS_DOCUMENT_ERROR_INVALID },
  { "unlist-supplier", NULL, unlist_supplier, SS_DOCUMENT_ERROR_IN_USE },
  { "source-attr-out", NULL, source_attr_out, SS_DOCUMENT_ERROR_INVALID },
  { "scenario-name-empty", NULL, scenario_name_empty, SS_DOCUMENT_ERROR_INVALID },
  { "shock-of-strategy", NULL, shock_of_strategy, SS_DOCUMENT_ERROR_IN_USE },
  { "lever-of-shock", NULL, lever_of_shock, SS_DOCUMENT_ERROR_KIND },
  { "lever-out", NULL, lever_out, SS_DOCUMENT_ERROR_INVALID },
  { "target-of-shock", NULL, target_of_shock, SS_DOCUMENT_ERROR_KIND },
  { "target-short", NULL, target_short, SS_DOCUMENT_ERROR_SHARES },
  { "stockpile-out", NULL, stockpile_out, SS_DOCUMENT_ERROR_INVALID },
  { "override-out", NULL, override_out, SS_DOCUMENT_ERROR_INVALID },
  { "shock-value-out", NULL, shock_value_out, SS_DOCUMENT_ERROR_INVALID },
  { "shock-last-value", add_shock, shock_last_value, SS_DOCUMENT_ERROR_IN_USE },
  { "shock-items-twice", NULL, shock_items_twice, SS_DOCUMENT_ERROR_INVALID },
  { "shock-items-empty", NULL, shock_items_empty, SS_DOCUMENT_ERROR_INVALID },
};

static void
test_refusal (gconstpointer data)
{
  const RefusalCase *c = data;
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(SsStudy) before = NULL;
  g_autoptr(GError) error = NULL;
  Emitted emitted = { 0 };

  if (c->prepare != NULL)
    {
      g_assert_true (c->prepare (document, NULL));
      ss_document_mark_saved (document);
    }
  before = ss_study_copy (study);
  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &emitted);
  g_assert_false (c->apply (document, &error));
  g_assert_error (error, SS_DOCUMENT_ERROR, (int)c->code);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("%s", error->message);
  g_assert_false (ss_document_in_edit (document));
  g_assert_true (ss_study_equal (study, before));
  g_assert_cmpuint (emitted.n, ==, 0);
  g_assert_false (ss_document_get_modified (document));
  g_assert_cmpuint (ss_document_can_undo (document), ==, c->prepare != NULL);
}

/* --- Gestures ---------------------------------------------------------- */

/* Operations inside begin/end join the edit under way: a whole drag of a
 * slider is one undo step, however many steps it sent, and one refused
 * step does not end it. */
static void
test_gesture (void)
{
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(SsStudy) before = ss_study_copy (study);
  g_autoptr(GError) error = NULL;
  double targets[5] = { 0.5, 0, 0.2, 0, 0.3 };
  Emitted emitted = { 0 };

  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &emitted);
  ss_document_begin_edit (document);
  for (guint step = 0; step < 10; step++)
    {
      targets[0] -= 0.01;
      targets[1] += 0.01;
      g_assert_true (ss_document_set_target (document, PLUS, 0, targets, 5, &error));
      g_assert_no_error (error);
      g_assert_true (ss_document_in_edit (document));
      g_assert_false (ss_document_can_undo (document));
    }
  targets[0] = 2;
  g_assert_false (ss_document_set_target (document, PLUS, 0, targets, 5, &error));
  g_assert_error (error, SS_DOCUMENT_ERROR, SS_DOCUMENT_ERROR_INVALID);
  g_assert_true (ss_document_set_stockpile (document, PLUS, 0, 10, NULL));
  ss_document_end_edit (document);

  g_assert_cmpuint (emitted.n, ==, 11);
  g_assert_cmpfloat_with_epsilon (ss_study_get_scenario (study, PLUS)->targets[0][1], 0.1, 1e-12);
  g_assert_cmpfloat (ss_study_get_scenario (study, PLUS)->stockpile[0], ==, 10);
  g_assert_true (ss_document_get_modified (document));
  g_assert_true (ss_document_undo (document));
  g_assert_true (ss_study_equal (study, before));
  g_assert_false (ss_document_can_undo (document));
}

/* The portfolio of a projection brought up to date item by item, within
 * 1e-9 of each series' largest value of a fresh one. */
static void
assert_close_portfolio (const SsProjection *got,
                        const SsProjection *want)
{
  const double *series[][2] = {
    { got->total_cost, want->total_cost },
    { got->cost_premium, want->cost_premium },
    { got->portfolio_hhi, want->portfolio_hhi },
    { got->expected_shortfall_impact, want->expected_shortfall_impact },
    { got->var95_shortfall_impact, want->var95_shortfall_impact },
    { got->max_foreign_spend_share, want->max_foreign_spend_share },
  };
  guint ny = want->n_years;

  for (guint k = 0; k < G_N_ELEMENTS (series); k++)
    {
      double scale = 1;

      for (guint t = 0; t < ny; t++)
        scale = MAX (scale, fabs (series[k][1][t]));
      for (guint t = 0; t < ny; t++)
        g_assert_cmpfloat_with_epsilon (series[k][0][t], series[k][1][t], 1e-9 * scale);
    }
  g_assert_cmpmem (got->cost, want->n_items * ny * sizeof (double),
                   want->cost, want->n_items * ny * sizeof (double));
}

/* Within a gesture, an edit of one item's targets or baseline shares
 * brings the projections and cells that show it up to date for that item
 * alone; when the gesture ends they are computed in full, and are then
 * those of a fresh projection bit for bit. */
static void
test_gesture_item_updates (void)
{
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  const SsItem *urea = ss_study_get_item (study, 1);
  double targets[5] = { 0.5, 0, 0.2, 0, 0.3 }, shares[5];
  g_autofree char *pending = NULL, *settled = NULL;
  guint cells, updates;

  assert_cache_right (document);
  cells = ss_document_get_n_cell_projections (document);
  updates = ss_document_get_n_item_updates (document);

  ss_document_begin_edit (document);
  for (guint step = 0; step < 8; step++)
    {
      targets[0] -= 0.02;
      targets[1] += 0.02;
      g_assert_true (ss_document_set_target (document, PLUS, 0, targets, 5, NULL));
      g_clear_pointer (&pending, g_free);
      pending = stale_map (document);
      g_assert_cmpstr (pending, ==, OF_PLUS);
      {
        g_autoptr(SsProjection) baseline = ss_projection_new ();
        g_autoptr(SsProjection) fresh = ss_projection_new ();

        ss_engine_project (study, SS_BASELINE, NULL, baseline);
        ss_engine_project (study, PLUS, baseline, fresh);
        assert_close_portfolio (ss_document_get_projection (document, PLUS), fresh);
        for (guint k = 1; k < 3; k++)
          {
            int shock = k == 1 ? CHINA : ASEAN;
            g_autoptr(SsProjection) cell = ss_projection_new ();

            ss_engine_project_cell (study, PLUS, shock, NULL, cell);
            assert_close_portfolio (ss_document_get_cell (document, PLUS, shock), cell);
          }
      }
    }
  /* The baseline's shares: every projection and cell, item by item. */
  for (guint c = 0; c < 5; c++)
    shares[c] = urea->sources[c].attr[SS_SOURCE_SHARE];
  shares[0] -= 0.05, shares[1] += 0.05;
  g_assert_true (ss_document_set_shares (document, 1, shares, 5, NULL));
  g_clear_pointer (&pending, g_free);
  pending = stale_map (document);
  g_assert_cmpstr (pending, ==, ALL);
  for (int s = SS_BASELINE; s < 3; s++)
    ss_document_get_projection (document, s);
  ss_document_get_cell (document, PLUS, CHINA);
  ss_document_get_cell (document, SS_BASELINE, ASEAN);

  /* Nothing was computed in full, every step was one item. */
  g_assert_cmpuint (ss_document_get_n_cell_projections (document), ==, cells);
  g_assert_cmpuint (ss_document_get_n_item_updates (document), >=, updates + 8 * 3 + 4 + 2);

  ss_document_end_edit (document);
  settled = stale_map (document);
  g_assert_cmpstr (settled, ==, ALL);
  assert_cache_right (document);
  g_assert_true (ss_document_can_undo (document));
}

/* A drag let go where it was taken leaves no step. */
static void
test_gesture_back (void)
{
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  const SsItem *urea = ss_study_get_item (study, 1);
  double shares[5];

  for (guint c = 0; c < 5; c++)
    shares[c] = urea->sources[c].attr[SS_SOURCE_SHARE];
  ss_document_begin_edit (document);
  shares[0] -= 0.1, shares[1] += 0.1;
  g_assert_true (ss_document_set_shares (document, 1, shares, 5, NULL));
  shares[0] += 0.1, shares[1] -= 0.1;
  g_assert_true (ss_document_set_shares (document, 1, shares, 5, NULL));
  ss_document_end_edit (document);

  g_assert_false (ss_document_can_undo (document));
  g_assert_false (ss_document_get_modified (document));
}

/* --- Rules ------------------------------------------------------------- */

/* An import the importer refuses (no such template country) changes
 * nothing and says why in the importer's own terms; one it accepts is
 * what ss_import_apply() makes of a copy. */
static void
test_import_refused (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", "comtrade.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsImport) import = ss_import_read (file, "comtrade.csv", SS_IMPORT_FORMAT_DETECT, NULL, NULL, NULL);
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(SsStudy) before = ss_study_copy (study);
  g_autoptr(SsStudy) expected = ss_study_copy (study);
  g_autoptr(SsImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  SsImportOptions options = { .template_country = "XX", .date = "2025-01-31" };
  Emitted emitted = { 0 };

  g_assert_nonnull (import);
  g_signal_connect (document, "changed", G_CALLBACK (on_changed), &emitted);
  g_assert_false (ss_document_apply_import (document, import, &options, &summary, &error));
  g_assert_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE);
  g_assert_null (summary);
  g_assert_true (ss_study_equal (study, before));
  g_assert_cmpuint (emitted.n, ==, 0);
  g_assert_false (ss_document_get_modified (document));
  g_assert_false (ss_document_can_undo (document));

  g_clear_error (&error);
  options.template_country = "JP";
  g_assert_true (ss_import_apply (import, expected, &options, NULL, NULL));
  g_assert_true (ss_document_apply_import (document, import, &options, &summary, &error));
  g_assert_no_error (error);
  g_assert_true (ss_study_equal (study, expected));
  g_assert_cmpstr (summary->template_used, ==, "JP");
  g_assert_cmpuint (emitted.n, ==, 1);
  g_assert_true (ss_document_undo (document));
  g_assert_true (ss_study_equal (study, before));
}

/* A new item: a code of its own, an import value of 100, all of it from
 * the first country; the next gets another code. */
static void
test_new_item (void)
{
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  const SsItem *item;
  int first, second;

  first = ss_document_add_item (document, NULL);
  second = ss_document_add_item (document, NULL);
  item = ss_study_get_item (study, first);
  g_assert_cmpstr (item->code, ==, "new-item");
  g_assert_cmpstr (ss_study_get_item (study, second)->code, ==, "new-item-2");
  g_assert_cmpfloat (item->attr[SS_ITEM_VALUE], ==, 100);
  g_assert_true (item->set & (1u << SS_ITEM_VALUE));
  g_assert_cmpfloat (item->sources[0].attr[SS_SOURCE_SHARE], ==, 1);
  g_assert_true (item->sources[0].listed);
  for (guint c = 1; c < ss_study_get_n_countries (study); c++)
    g_assert_false (item->sources[c].listed);
  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    {
      g_assert_null (ss_study_get_scenario (study, s)->targets[first]);
      g_assert_true (isnan (ss_study_get_scenario (study, s)->stockpile[first]));
    }
}

/* An override set and cleared leaves no empty record behind; the other
 * attribute of the same country stays. */
static void
test_override_record (void)
{
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  const SsScenario *asean = ss_study_get_scenario (study, ASEAN);
  SsCountryOverride *ov;

  g_assert_true (ss_document_set_override (document, ASEAN, VN, SS_COUNTRY_RAMP, 0.2, NULL));
  g_assert_cmpuint (asean->overrides->len, ==, 2);
  ss_document_clear_override (document, ASEAN, VN, SS_COUNTRY_RAMP);
  g_assert_cmpuint (asean->overrides->len, ==, 1);

  ss_document_clear_override (document, ASEAN, ID, SS_COUNTRY_TARIFF);
  ov = ss_scenario_find_override ((SsScenario *)asean, ID);
  g_assert_nonnull (ov);
  g_assert_cmphex (ov->set, ==, 1u << SS_COUNTRY_COST_INDEX);
  ss_document_clear_override (document, ASEAN, ID, SS_COUNTRY_COST_INDEX);
  g_assert_cmpuint (asean->overrides->len, ==, 0);
}

/* Taking a source off the list gives back the values of a country the
 * item does not name; listing it again keeps them. */
static void
test_unlist_source (void)
{
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  const SsSource *id = &ss_study_get_item (study, 0)->sources[ID];

  g_assert_true (id->listed);
  g_assert_true (id->set & (1u << SS_SOURCE_COST_INDEX));
  g_assert_true (ss_document_set_source_listed (document, 0, ID, FALSE, NULL));
  g_assert_false (id->listed);
  g_assert_cmphex (id->set, ==, 0);
  g_assert_cmpfloat (id->attr[SS_SOURCE_TRADE_FACTOR], ==, ss_source_attrs[SS_SOURCE_TRADE_FACTOR].fallback);
  g_assert_true (isnan (id->attr[SS_SOURCE_COST_INDEX]));

  /* A figure given for an unlisted country lists it. */
  g_assert_true (ss_document_set_source_attr (document, 0, ID, SS_SOURCE_TARIFF, 0.1, NULL));
  g_assert_true (id->listed);
  g_assert_cmpfloat (id->attr[SS_SOURCE_SHARE], ==, 0);
}

/* A shock becomes a strategy and back; a strategy with targets does not
 * become a shock until they are reset. */
static void
test_scenario_kind (void)
{
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(GError) error = NULL;
  int added;

  added = ss_document_add_scenario (document, "Blockade", NULL);
  g_assert_true (ss_document_set_scenario_kind (document, added, SS_SCENARIO_SHOCK, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ss_study_get_scenario (study, added)->kind, ==, SS_SCENARIO_SHOCK);
  g_assert_cmpstr (ss_study_get_scenario (study, added)->id, ==, "blockade");

  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    ss_document_clear_target (document, PLUS, i);
  g_assert_false (ss_document_set_scenario_kind (document, PLUS, SS_SCENARIO_SHOCK, &error));
  g_clear_error (&error);
  g_assert_true (ss_document_set_scenario_lever (document, PLUS, SS_LEVER_TRANSITION_YEARS, 1, NULL));
  g_assert_true (ss_document_set_scenario_lever (document, PLUS, SS_LEVER_SWITCHING_COST, 0, NULL));
  g_assert_true (ss_document_set_scenario_lever (document, PLUS, SS_LEVER_SUBSIDY, 0, NULL));
  g_assert_true (ss_document_set_scenario_kind (document, PLUS, SS_SCENARIO_SHOCK, &error));
  g_assert_no_error (error);
  ss_test_assert_round_trips (study);
}

/* A new strategy takes the median of the strategies' levers (the lower
 * middle one of an even count), not 0 % switching cost; the shocks'
 * levers count for nothing. One undo step takes it away. */
static void
test_new_scenario_levers (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  static const double switching[] = { 0.10, 0.02, 0.06, 0.04 };
  static const double transition[] = { 3, 8, 5, 6 };
  guint k = 0, n_strategies = 0;
  const SsScenario *added;
  int index;

  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    if (ss_study_get_scenario (study, s)->kind == SS_SCENARIO_STRATEGY)
      {
        double w = k < G_N_ELEMENTS (switching) ? switching[k] : 0.5;
        double t = k < G_N_ELEMENTS (transition) ? transition[k] : 20;

        g_assert_true (ss_document_set_scenario_lever (document, s, SS_LEVER_SWITCHING_COST, w, NULL));
        g_assert_true (ss_document_set_scenario_lever (document, s, SS_LEVER_TRANSITION_YEARS, t, NULL));
        g_assert_true (ss_document_set_scenario_lever (document, s, SS_LEVER_SUBSIDY, 0.25, NULL));
        k++, n_strategies++;
      }
  g_assert_cmpuint (n_strategies, ==, 4);              /* the sample's four strategies */

  index = ss_document_add_strategy (document, "Usual", NULL);
  g_assert_cmpint (index, >=, 0);
  added = ss_study_get_scenario (study, index);
  g_assert_cmpfloat (added->switching_cost, ==, 0.04);   /* 0.02 0.04 | 0.06 0.10 */
  g_assert_cmpfloat (added->transition_years, ==, 5);    /* 3 5 | 6 8 */
  g_assert_cmpfloat (added->subsidy, ==, 0.25);
  g_assert_true (ss_document_undo (document));
  g_assert_cmpuint (ss_study_get_n_scenarios (study), ==, (guint)index);
}

/* A new country may start with another's figures, as one undo step; its
 * sources supply nothing yet. */
static void
test_new_country_like (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  int zz = ss_study_find_country (study, "ZZ");
  int added;

  g_assert_cmpint (zz, >=, 0);
  added = ss_document_add_country_like (document, "MY", "Malaysia", zz, NULL);
  g_assert_cmpint (added, >=, 0);
  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    g_assert_cmpfloat (ss_study_get_country (study, added)->attr[a], ==,
                       ss_study_get_country (study, zz)->attr[a]);
  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    g_assert_cmpfloat (ss_study_get_item (study, i)->sources[added].attr[SS_SOURCE_SHARE], ==, 0);
  ss_test_assert_round_trips (study);
  g_assert_true (ss_document_undo (document));
  g_assert_cmpint (ss_study_find_country (study, "MY"), <, 0);
}

/* Every edit, one after the other on one document, then undone back to
 * the start and redone to the end: each step must take the study to what
 * it was, whatever the steps before and after it changed. */
static void
test_edit_chain (void)
{
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_steps;

  g_ptr_array_add (states, ss_study_copy (study));
  /* Those that move indices last, so that the indices the other edits
   * name stay where they were. */
  static const char *const late[] = {
    "scenario-kind", "remove-shock", "remove-policy-target", "apply-import", "add-country",
    "remove-country", "remove-item", "remove-scenario", NULL,
  };
  guint n = G_N_ELEMENTS (edit_cases);

  for (guint k = 0; k < n + G_N_ELEMENTS (late) - 1; k++)
    {
      const EditCase *c = &edit_cases[k < n ? k : 0];
      EditFunc funcs[2];

      if (k >= n)
        for (guint j = 0; j < n; j++)
          if (strcmp (edit_cases[j].name, late[k - n]) == 0)
            c = &edit_cases[j];
      if (k < n && g_strv_contains ((const char *const *)late, c->name))
        continue;
      funcs[0] = c->prepare;
      funcs[1] = c->apply;
      for (guint f = 0; f < 2; f++)
        {
          g_autoptr(GError) error = NULL;

          if (funcs[f] == NULL)
            continue;
          /* An earlier edit may have made this one refused, a no-op or
           * another index than the case expects: what counts is whether
           * the study changed. */
          funcs[f] (document, &error);
          if (!ss_study_equal (study, g_ptr_array_index (states, states->len - 1)))
            g_ptr_array_add (states, ss_study_copy (study));
        }
    }
  g_assert_cmpuint (states->len, >, 45);

  n_steps = 0;
  while (ss_document_can_undo (document))
    {
      g_assert_true (ss_document_undo (document));
      n_steps++;
      g_assert_true (ss_study_equal (study, g_ptr_array_index (states, states->len - 1 - n_steps)));
    }
  g_assert_cmpuint (n_steps, ==, MIN (states->len - 1, 100));
  assert_cache_right (document);
  for (guint k = 0; k < n_steps; k++)
    {
      g_assert_true (ss_document_redo (document));
      g_assert_true (ss_study_equal (study, g_ptr_array_index (states, states->len - n_steps + k)));
    }
  g_assert_false (ss_document_can_redo (document));
  assert_cache_right (document);
}

/* A drag of one item's target that is let go where it began, and one
 * cancelled, leave no step and the study as it was. */
static void
test_edit_cancel_restores (void)
{
  g_autoptr(SsStudy) study = load_example_v2 ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(SsStudy) before = ss_study_copy (study);
  g_autoptr(GError) error = NULL;

  ss_document_begin_edit (document);
  g_assert_true (ss_document_set_item_name (document, 0, "Renamed", &error));
  g_assert_true (ss_document_add_item (document, &error) >= 0);
  g_assert_true (ss_document_set_meta_title (document, "Another", &error));
  g_assert_no_error (error);
  ss_document_cancel_edit (document);
  g_assert_true (ss_study_equal (study, before));
  g_assert_false (ss_document_can_undo (document));
  g_assert_cmpint (ss_study_find_item (study, ss_study_get_item (study, 0)->code), ==, 0);

  /* The next edit's step holds that edit only. */
  g_assert_true (ss_document_set_meta_title (document, "Third", &error));
  g_assert_true (ss_document_undo (document));
  g_assert_true (ss_study_equal (study, before));
  assert_cache_right (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (edit_cases); k++)
    {
      g_autofree char *path = g_strdup_printf ("/document/edit/%s", edit_cases[k].name);

      g_test_add_data_func (path, &edit_cases[k], test_edit);
    }
  for (guint k = 0; k < G_N_ELEMENTS (refusal_cases); k++)
    {
      g_autofree char *path = g_strdup_printf ("/document/refuse/%s", refusal_cases[k].name);

      g_test_add_data_func (path, &refusal_cases[k], test_refusal);
    }
  g_test_add_func ("/document/edit-chain", test_edit_chain);
  g_test_add_func ("/document/edit-cancel-restores", test_edit_cancel_restores);
  g_test_add_func ("/document/gesture", test_gesture);
  g_test_add_func ("/document/gesture-back", test_gesture_back);
  g_test_add_func ("/document/gesture-item-updates", test_gesture_item_updates);
  g_test_add_func ("/document/rule/new-item", test_new_item);
  g_test_add_func ("/document/rule/import-refused", test_import_refused);
  g_test_add_func ("/document/rule/override-record", test_override_record);
  g_test_add_func ("/document/rule/unlist-source", test_unlist_source);
  g_test_add_func ("/document/rule/scenario-kind", test_scenario_kind);
  g_test_add_func ("/document/rule/new-scenario-levers", test_new_scenario_levers);
  g_test_add_func ("/document/rule/new-country-like", test_new_country_like);

  return g_test_run ();
}
