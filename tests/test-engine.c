/* test-engine.c: the engine against the worked example of model.md §8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The example's expected report was computed outside this project from the
 * formulas of model.md; every figure in it must match ours to 1e-9
 * relative (1e-12 absolute near zero). The comparison walks the expected
 * document, so a figure we drop or rename fails the test too.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "json-strict.h"
#include "ss-report.h"
#include "ss-study-file.h"
#include "test-util.h"

typedef struct
{
  guint numbers;
  guint exact;                         /* counts and years, compared exactly */
  guint words;
  guint booleans;
  guint nulls;
} Matched;

/* Counts (alerts, items over target) and years are whole numbers that
 * must be the same, not close. */
static gboolean
is_exact_figure (const char *path)
{
  return strstr (path, "/alerts/") != NULL || strstr (path, "/over_target/") != NULL
         || g_str_has_suffix (path, "/target_met_year") || strstr (path, "/years/") != NULL
         || g_str_has_prefix (path, "/study/");
}

/* Compares `actual` against every value of `expected`, counting what
 * was compared in `matched`. */
static void
assert_matches (JsonNode   *expected,
                JsonNode   *actual,
                const char *path,
                Matched    *matched)
{
  if (actual == NULL)
    g_error ("%s: missing from our report", path);
  if (ss_json_type (expected) != ss_json_type (actual))
    g_error ("%s: expected a JSON %s, got a %s", path,
             json_node_type_name (expected), json_node_type_name (actual));

  switch (ss_json_type (expected))
    {
    case SS_JSON_NUMBER:
      {
        double e = ss_json_number (expected), a = ss_json_number (actual);
        double tolerance = is_exact_figure (path) ? 0 : MAX (1e-12, 1e-9 * fabs (e));

        if (!(fabs (a - e) <= tolerance))
          g_error ("%s: expected %.17g, got %.17g", path, e, a);
        matched->numbers++;
        matched->exact += tolerance == 0;
        return;
      }
    case SS_JSON_STRING:
      if (g_strcmp0 (ss_json_string (actual), ss_json_string (expected)) != 0)
        g_error ("%s: expected \"%s\", got \"%s\"", path, ss_json_string (expected),
                 ss_json_string (actual));
      matched->words++;
      return;
    case SS_JSON_BOOLEAN:
      if (json_node_get_boolean (actual) != json_node_get_boolean (expected))
        g_error ("%s: expected %s", path, json_node_get_boolean (expected) ? "true" : "false");
      matched->booleans++;
      return;
    case SS_JSON_NULL:
      matched->nulls++;
      return;
    case SS_JSON_ARRAY:
      if (ss_json_length (actual) != ss_json_length (expected))
        g_error ("%s: expected %u entries, got %u", path,
                 ss_json_length (expected), ss_json_length (actual));
      for (guint k = 0; k < ss_json_length (expected); k++)
        {
          g_autofree char *sub = g_strdup_printf ("%s/%u", path, k);

          assert_matches (ss_json_index (expected, k), ss_json_index (actual, k), sub, matched);
        }
      return;
    case SS_JSON_OBJECT:
      {
        g_autoptr(GList) keys = json_object_get_members (json_node_get_object (expected));

        if (ss_json_length (actual) != ss_json_length (expected))
          g_error ("%s: expected %u members, got %u", path,
                   ss_json_length (expected), ss_json_length (actual));
        for (GList *l = keys; l != NULL; l = l->next)
          {
            g_autofree char *sub = g_strdup_printf ("%s/%s", path, (const char *)l->data);

            assert_matches (ss_json_get (expected, l->data), ss_json_get (actual, l->data), sub,
                            matched);
          }
        return;
      }
    default:
      g_assert_not_reached ();
    }
}

/* The worked examples of model.md §9: the spec's expected reports,
 * copied into tests/data as they are, against ours. */
static void
test_worked_example (gconstpointer data)
{
  const char *name = data;
  g_autofree char *study_file = g_strdup_printf ("%s-study.xml", name);
  g_autofree char *report_file = g_strdup_printf ("%s-report.json", name);
  g_autoptr(SsStudy) study = ss_test_load_data_study (study_file);
  g_autoptr(JsonNode) expected = ss_json_load_data (report_file);
  g_autofree char *report = ss_report_generate (study, SS_REPORT_JSON, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) actual = ss_json_parse_strict (report, -1, &error);
  Matched matched = { 0 };

  g_assert_no_error (error);
  assert_matches (expected, actual, "", &matched);
  g_test_message ("%s: %u numbers match (%u of them counts or years, exactly), "
                  "%u words, %u true/false, %u nulls", name, matched.numbers, matched.exact,
                  matched.words, matched.booleans, matched.nulls);
  /* 3 or 4 scenarios × (portfolio + 3 items) × 7 years, and the grid:
   * far more than 1000. */
  g_assert_cmpuint (matched.numbers, >, 1000);
  g_assert_cmpuint (matched.booleans, >, 50);
  g_assert_cmpuint (matched.words, >, 100);
}

/* The report does not depend on the user's locale: a comma-decimal locale
 * must give the same bytes as C. */
static void
test_comma_locale (void)
{
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-study.xml");
  g_autofree char *in_c = NULL, *in_de = NULL, *csv_c = NULL, *csv_de = NULL;
  g_autoptr(SsStudy) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *xml = NULL;

  in_c = ss_report_generate (study, SS_REPORT_JSON, NULL);
  csv_c = ss_report_generate (study, SS_REPORT_CSV, NULL);

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      if (g_getenv ("CI") != NULL)
        g_error ("CI must provide the de_DE.UTF-8 locale (build-aux/install-deps.sh makes it)");
      g_test_skip ("no de_DE.UTF-8 locale here");
      return;
    }
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  in_de = ss_report_generate (study, SS_REPORT_JSON, NULL);
  csv_de = ss_report_generate (study, SS_REPORT_CSV, NULL);
  xml = ss_study_to_xml (study);
  bytes = g_bytes_new (xml, strlen (xml));
  reread = ss_study_load_bytes (bytes, "saved-in-de.supplyshift", &error);
  setlocale (LC_ALL, "C");

  g_assert_no_error (error);
  g_assert_true (ss_study_equal (study, reread));
  g_assert_cmpstr (in_de, ==, in_c);
  g_assert_cmpstr (csv_de, ==, csv_c);
}

/* A copy holds the same figures, in memory of its own. */
static void
test_projection_copy (void)
{
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-study.xml");
  g_autoptr(SsProjection) copy = ss_projection_new ();
  SsProjection *p = ss_projection_new ();
  g_autofree char *before = NULL;
  gsize size;

  ss_engine_project (study, 0, NULL, p);
  ss_projection_copy_into (copy, p);
  size = p->block_size;
  g_assert_cmpuint (copy->block_size, ==, size);
  g_assert_true (copy->block != p->block);
  g_assert_cmpmem (copy->block, size, p->block, size);
  g_assert_cmpfloat (copy->npv_cost_premium, ==, p->npv_cost_premium);
  g_assert_cmpint (copy->scenario, ==, 0);
  g_assert_true ((char *)copy->var95_shortfall_impact - (char *)copy->block
                 == (char *)p->var95_shortfall_impact - (char *)p->block);
  before = g_memdup2 (copy->block, size);
  ss_projection_free (p);
  g_assert_cmpmem (copy->block, size, before, size);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/engine/worked-example/v1", "example", test_worked_example);
  g_test_add_data_func ("/engine/worked-example/v2", "example-v2", test_worked_example);
  g_test_add_func ("/engine/comma-locale", test_comma_locale);
  g_test_add_func ("/engine/projection-copy", test_projection_copy);

  return g_test_run ();
}
