/* test-compare.c: the scenario comparison's rows (model/ss-compare.c) and
 * tables as text and CSV (model/ss-table.c), without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "json-strict.h"
#include "ss-compare.h"
#include "ss-csv.h"
#include "ss-document.h"
#include "ss-report.h"
#include "ss-table.h"
#include "test-util.h"

/* --- Rows against the report ------------------------------------------- */

static double
report_number (JsonNode *node)
{
  return ss_json_type (node) == SS_JSON_NULL ? NAN : ss_json_number (node);
}

static void
assert_same (double      table,
             double      report,
             const char *what,
             const char *scenario,
             int         year)
{
  if ((isnan (table) && isnan (report)) || table == report)
    return;
  g_error ("%s in %d under %s: the table has %.17g, the report %.17g", what, year, scenario,
           table, report);
}

/* Every row's figures, in every year, are the report's to the last bit;
 * the largest foreign share and its country are worked out here from the
 * report's spend shares, independently of the engine's own maximum. */
static void
check_rows_against_report (SsStudy *study)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = ss_report_generate (study, SS_REPORT_JSON, &error);
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GPtrArray) projections = ss_engine_project_all (study);
  g_autoptr(SsCompareList) list = ss_compare_list_new ();
  const SsMeta *meta = ss_study_get_meta (study);
  JsonNode *scenarios, *countries;
  guint n_countries = ss_study_get_n_countries (study);

  g_assert_no_error (error);
  report = ss_json_parse_strict (json, -1, &error);
  g_assert_no_error (error);
  scenarios = ss_json_get (report, "scenarios");
  countries = ss_json_path (report, "study/countries");
  g_assert_cmpuint (ss_json_length (scenarios), ==, 1 + ss_study_get_n_scenarios (study));

  for (guint c = 0; c < n_countries; c++)
    for (int t = 0; t <= meta->horizon; t++)
      {
        ss_compare_list_update (list, study, projections, t, (int)c);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, ss_json_length (scenarios));
        g_assert_cmpuint (ss_compare_list_get_year (list), ==, t);
        g_assert_cmpuint (ss_compare_list_get_country (list), ==, c);

        for (guint r = 0; r < ss_json_length (scenarios); r++)
          {
            g_autoptr(SsCompareRow) row = g_list_model_get_item (G_LIST_MODEL (list), r);
            JsonNode *s = ss_json_index (scenarios, r);
            JsonNode *portfolio = ss_json_get (s, "portfolio");
            JsonNode *shares = ss_json_get (portfolio, "spend_share");
            const char *name = ss_json_string (ss_json_get (s, "name"));
            int year = meta->base_year + t;
            double largest = -1, target;
            int largest_country = -1;

#define FIG(f) ss_compare_row_get_figure (row, SS_COMPARE_##f)
#define AT(key) report_number (ss_json_index (ss_json_path (portfolio, key), t))
            g_assert_cmpstr (ss_compare_row_get_name (row), ==, name);
            g_assert_cmpint (ss_compare_row_get_scenario (row), ==, (int)r - 1);
            g_assert_cmpint (ss_compare_row_get_kind (row), ==,
                             g_str_equal (ss_json_string (ss_json_get (s, "kind")), "shock")
                             ? SS_SCENARIO_SHOCK : SS_SCENARIO_STRATEGY);
            for (guint k = 0; k < n_countries; k++)
              {
                const char *code = ss_json_string (ss_json_index (countries, k));
                double v = report_number (ss_json_index (ss_json_get (shares, code), t));

                if (k != meta->home && v > largest)
                  largest = v, largest_country = (int)k;
              }
            assert_same (FIG (LARGEST_SHARE), largest, "largest foreign share", name, year);
            g_assert_cmpint (ss_compare_row_get_largest_country (row), ==, largest_country);
            assert_same (FIG (COUNTRY_SHARE),
                         report_number (ss_json_index (ss_json_get (shares,
                                                                    ss_json_string (ss_json_index (countries, c))),
                                                       t)),
                         "spend share", name, year);
            assert_same (FIG (NPV_PREMIUM), report_number (ss_json_get (portfolio, "npv_cost_premium")),
                         "NPV premium", name, year);
            assert_same (FIG (SUPPLY_RISK), AT ("supply_risk"), "supply risk", name, year);
            assert_same (FIG (HHI), AT ("hhi"), "HHI", name, year);
            assert_same (FIG (SHORTFALL_IMPACT), AT ("expected_shortfall_impact"), "EL", name, year);
            assert_same (FIG (VAR95), AT ("var95_shortfall_impact"), "VaR95", name, year);
            assert_same (FIG (CRITICAL), AT ("alerts/critical"), "critical", name, year);
            assert_same (FIG (WARNING), AT ("alerts/warning"), "warning", name, year);
            assert_same (FIG (WATCH), AT ("alerts/watch"), "watch", name, year);
            assert_same (FIG (OVER_TARGET), AT ("over_target"), "over target", name, year);
            target = report_number (ss_json_index (ss_json_get (ss_json_index (ss_json_get (s, "items"), 0),
                                                                "policy_target"), t));
            assert_same (ss_compare_row_get_policy_target (row), target, "policy target", name, year);
#undef AT
#undef FIG
          }
      }
}

static void
test_rows_sample (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_SAMPLE);

  check_rows_against_report (study);
}

static void
test_rows_examples (void)
{
  for (SsTestStudy which = SS_TEST_STUDY_EXAMPLE; which < SS_TEST_N_STUDIES; which++)
    {
      g_autoptr(SsStudy) study = ss_test_load_study (which);

      check_rows_against_report (study);
    }
}

/* "Which scenario gets China below 50 % by 2030 at the lowest premium?":
 * the rows for 2030 answer it, and the answer is the one a search of the
 * whole report gives. */
static void
test_question_2030 (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_SAMPLE);
  g_autoptr(GPtrArray) projections = ss_engine_project_all (study);
  g_autoptr(SsCompareList) list = ss_compare_list_new ();
  const SsMeta *meta = ss_study_get_meta (study);
  int cn = ss_study_find_country (study, "CN"), t = 2030 - meta->base_year;
  int answer = -2, brute = -2;
  double best = INFINITY, brute_best = INFINITY;

  g_assert_cmpint (cn, >=, 0);
  ss_compare_list_update (list, study, projections, t, SS_COMPARE_TOP_SUPPLIER);
  /* China is the sample's largest supplier: the default column is China's. */
  g_assert_cmpuint (ss_compare_list_get_country (list), ==, cn);
  for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (list)); r++)
    {
      g_autoptr(SsCompareRow) row = g_list_model_get_item (G_LIST_MODEL (list), r);

      if (ss_compare_row_get_figure (row, SS_COMPARE_COUNTRY_SHARE) < 0.5
          && ss_compare_row_get_figure (row, SS_COMPARE_NPV_PREMIUM) < best)
        best = ss_compare_row_get_figure (row, SS_COMPARE_NPV_PREMIUM),
        answer = ss_compare_row_get_scenario (row);
    }
  for (guint k = 0; k < projections->len; k++)
    {
      const SsProjection *p = g_ptr_array_index (projections, k);

      if (p->spend_share[(gsize)cn * p->n_years + t] < 0.5 && p->npv_cost_premium < brute_best)
        brute_best = p->npv_cost_premium, brute = (int)k - 1;
    }
  g_assert_cmpint (brute, >=, 0);
  g_assert_cmpint (answer, ==, brute);
  g_test_message ("2030: %s, premium %.1f", ss_study_get_scenario (study, answer)->name, best);
}

/* Rows are kept across updates: a new scenario adds one item, the same
 * figures notify nothing, an edit notifies only what moved. */
static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  calls[0]++;
  calls[1] = position, calls[2] = removed, calls[3] = added;
}

static void
on_notify (GObject    *row,
           GParamSpec *pspec,
           GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_rows_follow (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_SAMPLE);
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(SsCompareList) list = ss_compare_list_new ();
  g_autoptr(GPtrArray) projections = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SsCompareRow) row = NULL, again = NULL;
  g_autoptr(GError) error = NULL;
  guint calls[4] = { 0 }, n;
  double premium;

  const SsStudy *s = ss_document_get_study (document);

#define FILL()                                                                          \
  G_STMT_START {                                                                        \
    g_ptr_array_set_size (projections, 1 + ss_study_get_n_scenarios (s));               \
    for (guint k = 0; k < projections->len; k++)                                        \
      projections->pdata[k] = (gpointer)ss_document_get_projection (document, (int)k - 1); \
  } G_STMT_END

  FILL ();
  ss_compare_list_update (list, s, projections, SS_COMPARE_FINAL_YEAR, SS_COMPARE_TOP_SUPPLIER);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), calls);
  row = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_signal_connect (row, "notify", G_CALLBACK (on_notify), names);

  ss_compare_list_update (list, s, projections, SS_COMPARE_FINAL_YEAR, SS_COMPARE_TOP_SUPPLIER);
  g_assert_cmpuint (calls[0], ==, 0);
  g_assert_cmpuint (names->len, ==, 0);

  /* A lever of scenario 0: its premium moves, its shares do not. */
  premium = ss_compare_row_get_figure (row, SS_COMPARE_NPV_PREMIUM);
  g_assert_true (ss_document_set_scenario_lever (document, 0, SS_LEVER_SUBSIDY, 0.5, &error));
  g_assert_no_error (error);
  FILL ();
  ss_compare_list_update (list, s, projections, SS_COMPARE_FINAL_YEAR, SS_COMPARE_TOP_SUPPLIER);
  g_assert_cmpuint (calls[0], ==, 0);
  g_assert_cmpfloat (ss_compare_row_get_figure (row, SS_COMPARE_NPV_PREMIUM), <, premium);
  g_assert_true (g_ptr_array_find_with_equal_func (names, "npv-premium", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (names, "country-share", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (names, "name", g_str_equal, NULL));

  /* A new scenario: one row more, at the end; the others are the same objects. */
  g_assert_cmpint (ss_document_add_scenario (document, "Fourth way", &error), >=, 0);
  g_assert_no_error (error);
  FILL ();
  ss_compare_list_update (list, s, projections, SS_COMPARE_FINAL_YEAR, SS_COMPARE_TOP_SUPPLIER);
  g_assert_cmpuint (calls[0], ==, 1);
  g_assert_cmpuint (calls[1], ==, n);
  g_assert_cmpuint (calls[2], ==, 0);
  g_assert_cmpuint (calls[3], ==, 1);
  again = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (again == row);

  /* And removed again. */
  g_assert_true (ss_document_undo (document));
  FILL ();
  ss_compare_list_update (list, s, projections, SS_COMPARE_FINAL_YEAR, SS_COMPARE_TOP_SUPPLIER);
  g_assert_cmpuint (calls[0], ==, 2);
  g_assert_cmpuint (calls[1], ==, n);
  g_assert_cmpuint (calls[2], ==, 1);
  g_assert_cmpuint (calls[3], ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
#undef FILL
}

/* Shares against the target in force in the year, supply risk against 1,
 * counts against none. */
static void
test_standing (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_SAMPLE);
  g_autoptr(GPtrArray) projections = ss_engine_project_all (study);
  g_autoptr(SsCompareList) list = ss_compare_list_new ();
  const SsMeta *meta = ss_study_get_meta (study);
  guint over = 0, within = 0;

  for (int t = 0; t <= meta->horizon; t++)
    {
      ss_compare_list_update (list, study, projections, t, SS_COMPARE_TOP_SUPPLIER);
      for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (list)); r++)
        {
          g_autoptr(SsCompareRow) row = g_list_model_get_item (G_LIST_MODEL (list), r);
          double target = ss_compare_row_get_policy_target (row);
          double largest = ss_compare_row_get_figure (row, SS_COMPARE_LARGEST_SHARE);
          SsCompareStanding standing = ss_compare_row_get_standing (row, SS_COMPARE_LARGEST_SHARE);
          double sr = ss_compare_row_get_figure (row, SS_COMPARE_SUPPLY_RISK);

          if (isnan (target))
            g_assert_cmpint (standing, ==, SS_COMPARE_OK);
          else if (largest > target + 1e-9)
            {
              g_assert_cmpint (standing, ==, SS_COMPARE_OVER);
              over++;
            }
          else
            {
              g_assert_cmpint (standing, ==, SS_COMPARE_OK);
              within++;
            }
          g_assert_cmpint (ss_compare_row_get_standing (row, SS_COMPARE_SUPPLY_RISK), ==,
                           sr >= 1 ? SS_COMPARE_OVER : SS_COMPARE_OK);
          g_assert_cmpint (ss_compare_row_get_standing (row, SS_COMPARE_CRITICAL), ==,
                           ss_compare_row_get_figure (row, SS_COMPARE_CRITICAL) > 0
                           ? SS_COMPARE_OVER : SS_COMPARE_OK);
          g_assert_cmpint (ss_compare_row_get_standing (row, SS_COMPARE_NPV_PREMIUM), ==, SS_COMPARE_OK);
        }
    }
  /* The sample has both, or the check above proves little. */
  g_assert_cmpuint (over, >, 0);
  g_assert_cmpuint (within, >, 0);
}

/* --- Tables ------------------------------------------------------------ */

static SsTable *
small_table (void)
{
  SsTable *table = ss_table_new ();

  ss_table_add_column (table, "Scenario", NULL, SS_TABLE_TEXT);
  ss_table_add_column (table, "Share", "%", 1);
  ss_table_add_column (table, "Premium", "million USD", 0);
  ss_table_add_row (table);
  ss_table_set_text (table, 0, 0, "China plus one");
  ss_table_set_number (table, 0, 1, 48.25);
  ss_table_set_number (table, 0, 2, 1234.5);
  ss_table_add_row (table);
  ss_table_set_text (table, 1, 0, "A \"quoted\", two-line\nname\twith a tab");
  ss_table_set_number (table, 1, 1, -0.01);
  ss_table_set_number (table, 1, 2, NAN);
  ss_table_add_row (table);
  ss_table_set_text (table, 2, 0, "1/3");
  ss_table_set_number (table, 2, 1, 100.0 / 3);
  ss_table_set_number (table, 2, 2, 0.1 + 0.2);
  return table;
}

static void
test_table_tsv (void)
{
  g_autoptr(SsTable) table = small_table ();
  g_autofree char *tsv = ss_table_to_tsv (table);
  g_autofree char *header = ss_table_get_header (table, 0);

  g_assert_cmpuint (ss_table_get_n_rows (table), ==, 3);
  g_assert_cmpuint (ss_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (header, ==, "Scenario");
  /* As the window shows them; a tab or a line break in a name would split it. */
  g_assert_cmpstr (tsv, ==,
                   "Scenario\tShare (%)\tPremium (million USD)\n"
                   "China plus one\t48.2\t1234\n"
                   "A \"quoted\", two-line name with a tab\t0.0\t\n"
                   "1/3\t33.3\t0\n");
}

/* The CSV reads back with the project's RFC 4180 reader: the same fields,
 * every number the same double. */
static void
test_table_csv (void)
{
  g_autoptr(SsTable) table = small_table ();
  g_autofree char *csv = ss_table_to_csv (table);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (csv, strlen (csv), NULL);
  g_autoptr(SsCsvReader) reader = ss_csv_reader_new (stream, NULL);
  g_autoptr(GError) error = NULL;
  guint records = 0;

  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbfScenario,Share (%),Premium (million USD)\r\n"));
  while (ss_csv_reader_next (reader, &error))
    {
      g_assert_cmpuint (ss_csv_reader_get_n_fields (reader), ==, 3);
      if (records == 0)
        {
          for (guint c = 0; c < 3; c++)
            {
              g_autofree char *header = ss_table_get_header (table, c);

              g_assert_cmpstr (ss_csv_reader_get_field (reader, c), ==, header);
            }
        }
      else
        {
          guint r = records - 1;

          g_assert_cmpstr (ss_csv_reader_get_field (reader, 0), ==, ss_table_get_text (table, r, 0));
          for (guint c = 1; c < 3; c++)
            {
              const char *field = ss_csv_reader_get_field (reader, c);

              if (!ss_table_is_number (table, r, c))
                g_assert_cmpstr (field, ==, "");
              else
                {
                  char *end = NULL;

                  g_assert_cmpfloat (g_ascii_strtod (field, &end), ==, ss_table_get_number (table, r, c));
                  g_assert_cmpint (*end, ==, '\0');
                }
            }
        }
      records++;
    }
  g_assert_no_error (error);
  g_assert_true (ss_csv_reader_had_bom (reader));
  g_assert_true (ss_csv_reader_had_crlf (reader));
  g_assert_cmpuint (records, ==, 4);
  /* The fewest digits that read back: 48.25, not 48.250000000000000. */
  g_assert_nonnull (strstr (csv, ",48.25,1234.5\r\n"));
  g_assert_nonnull (strstr (csv, ",0.30000000000000004\r\n"));
}

/* The comparison as a table: its headings carry the year and the units,
 * its numbers are the rows' in the display units. */
static void
test_compare_table (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_SAMPLE);
  g_autoptr(GPtrArray) projections = ss_engine_project_all (study);
  g_autoptr(SsCompareList) list = ss_compare_list_new ();
  g_autoptr(SsTable) table = NULL;
  g_autofree char *tsv = NULL;
  g_autoptr(SsCompareRow) row = NULL;
  const SsMeta *meta = ss_study_get_meta (study);
  guint year = 2030 - meta->base_year;

  ss_compare_list_update (list, study, projections, (int)year, SS_COMPARE_TOP_SUPPLIER);
  table = ss_compare_rows_to_table (G_LIST_MODEL (list), study, year, ss_compare_list_get_country (list));
  g_assert_cmpuint (ss_table_get_n_rows (table), ==, 1 + ss_study_get_n_scenarios (study));
  g_assert_cmpuint (ss_table_get_n_columns (table), ==, 2 + SS_COMPARE_N_FIGURES + 2);
  tsv = ss_table_to_tsv (table);
  g_assert_true (g_str_has_prefix (tsv, "Scenario\tKind\tLargest foreign share in 2030 (%)\t"
                                        "Largest foreign supplier in 2030\tPolicy target in 2030 (%)\t"
                                        "Spend from China in 2030 (%)\tNPV cost premium, 2024–2034 "
                                        "(million USD)\tSupply risk in 2030\tHHI in 2030\t"));
  g_assert_nonnull (strstr (tsv, "\tOver the policy target in 2030 (items)\n"
                                 "Baseline\tStrategy\t"));

  row = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (ss_table_get_text (table, 1, 0), ==, ss_compare_row_get_name (row));
  g_assert_cmpfloat (ss_table_get_number (table, 1, 2), ==,
                     100 * ss_compare_row_get_figure (row, SS_COMPARE_LARGEST_SHARE));
  g_assert_cmpstr (ss_table_get_text (table, 1, 3), ==,
                   ss_study_get_country (study, ss_compare_row_get_largest_country (row))->name);
  g_assert_cmpfloat (ss_table_get_number (table, 1, 4), ==, 50);
  g_assert_cmpfloat (ss_table_get_number (table, 1, 6), ==,
                     ss_compare_row_get_figure (row, SS_COMPARE_NPV_PREMIUM));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/compare/rows-sample", test_rows_sample);
  g_test_add_func ("/model/compare/rows-examples", test_rows_examples);
  g_test_add_func ("/model/compare/question-2030", test_question_2030);
  g_test_add_func ("/model/compare/rows-follow", test_rows_follow);
  g_test_add_func ("/model/compare/standing", test_standing);
  g_test_add_func ("/model/table/tsv", test_table_tsv);
  g_test_add_func ("/model/table/csv", test_table_csv);
  g_test_add_func ("/model/compare/table", test_compare_table);

  return g_test_run ();
}
