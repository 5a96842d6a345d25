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

#include "json-mini.h"
#include "ss-report.h"
#include "ss-study-file.h"

static SsStudy *
load_test_study (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SsStudy *study = ss_study_load_file (file, name, &error);

  g_assert_no_error (error);
  return study;
}

static JmNode *
load_json_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JmNode *node;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  node = jm_parse (text, &error);
  g_assert_no_error (error);
  return node;
}

/* Compares `actual` against every value of `expected`; returns the count
 * of numbers compared. */
static guint
assert_matches (JmNode     *expected,
                JmNode     *actual,
                const char *path)
{
  guint count = 0;

  if (actual == NULL)
    g_error ("%s: missing from our report", path);
  if (expected->type != actual->type)
    g_error ("%s: expected JSON type %d, got %d", path, expected->type, actual->type);

  switch (expected->type)
    {
    case JM_NUMBER:
      {
        double e = expected->number, a = actual->number;
        double tolerance = MAX (1e-12, 1e-9 * fabs (e));

        if (!(fabs (a - e) <= tolerance))
          g_error ("%s: expected %.17g, got %.17g", path, e, a);
        return 1;
      }
    case JM_STRING:
      g_assert_cmpstr (actual->string, ==, expected->string);
      return 0;
    case JM_NULL:
    case JM_BOOL:
      g_assert_cmpfloat (actual->number, ==, expected->number);
      return 0;
    case JM_ARRAY:
      if (actual->children->len != expected->children->len)
        g_error ("%s: expected %u entries, got %u", path, expected->children->len, actual->children->len);
      for (guint k = 0; k < expected->children->len; k++)
        {
          g_autofree char *sub = g_strdup_printf ("%s/%u", path, k);

          count += assert_matches (jm_index (expected, k), jm_index (actual, k), sub);
        }
      return count;
    case JM_OBJECT:
      if (actual->children->len != expected->children->len)
        g_error ("%s: expected %u members, got %u", path, expected->children->len, actual->children->len);
      for (guint k = 0; k < expected->children->len; k++)
        {
          JmNode *member = g_ptr_array_index (expected->children, k);
          g_autofree char *sub = g_strdup_printf ("%s/%s", path, member->key);

          count += assert_matches (member, jm_get (actual, member->key), sub);
        }
      return count;
    default:
      g_assert_not_reached ();
    }
}

static void
test_worked_example (void)
{
  g_autoptr(SsStudy) study = load_test_study ("example-study.xml");
  g_autoptr(JmNode) expected = load_json_file ("example-report.json");
  g_autofree char *report = ss_report_generate (study, SS_REPORT_JSON);
  g_autoptr(GError) error = NULL;
  g_autoptr(JmNode) actual = jm_parse (report, &error);
  guint count;

  g_assert_no_error (error);
  count = assert_matches (expected, actual, "");
  g_test_message ("%u figures of the worked example match", count);
  /* 3 scenarios x (portfolio + 3 items) x 7 years: far more than 1000. */
  g_assert_cmpuint (count, >, 1000);
}

/* The report does not depend on the user's locale: a comma-decimal locale
 * must give the same bytes as C. */
static void
test_comma_locale (void)
{
  g_autoptr(SsStudy) study = load_test_study ("example-study.xml");
  g_autofree char *in_c = NULL, *in_de = NULL, *csv_c = NULL, *csv_de = NULL;
  g_autoptr(SsStudy) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *xml = NULL;

  in_c = ss_report_generate (study, SS_REPORT_JSON);
  csv_c = ss_report_generate (study, SS_REPORT_CSV);

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      if (g_getenv ("CI") != NULL)
        g_error ("CI must provide the de_DE.UTF-8 locale (build-aux/install-deps.sh makes it)");
      g_test_skip ("no de_DE.UTF-8 locale here");
      return;
    }
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");

  in_de = ss_report_generate (study, SS_REPORT_JSON);
  csv_de = ss_report_generate (study, SS_REPORT_CSV);
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
  g_autoptr(SsStudy) study = load_test_study ("example-study.xml");
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

  g_test_add_func ("/engine/worked-example", test_worked_example);
  g_test_add_func ("/engine/comma-locale", test_comma_locale);
  g_test_add_func ("/engine/projection-copy", test_projection_copy);

  return g_test_run ();
}
