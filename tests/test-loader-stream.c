/* test-loader-stream.c: the loader's streaming pass reads what the whole tree reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ss_study_load_bytes() first reads a study while it is parsed, freeing
 * each item and each element of a scenario once read, and only when that
 * pass finds a problem reads the whole tree to describe it. Studies of the
 * early-warning scale's shapes (many items, 16 countries, shocks,
 * scenarios retargeting every item) must come out of both the same, and
 * the same as the study saved.
 */

#include "config.h"

#include <string.h>

#include "bench-study.h"
#include "ss-study-file.h"
#include "ss-study-private.h"
#include "test-util.h"

typedef struct
{
  guint    items, countries, horizon, scenarios;
  int      shocks;                     /* 0 none, 1 by country, 2 by item too */
} Shape;

static void
test_shape (gconstpointer data)
{
  const Shape *shape = data;
  g_autoptr(SsStudy) study = bench_study_new (shape->items, shape->countries, shape->horizon,
                                              shape->scenarios);
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsStudy) streamed = NULL;
  g_autoptr(SsStudy) whole = NULL;
  g_autoptr(GError) error = NULL;

  if (shape->shocks > 0)
    bench_study_add_shocks (study, shape->shocks > 1);
  xml = ss_study_to_xml (study);
  bytes = g_bytes_new (xml, strlen (xml));
  streamed = _ss_study_load_streaming (bytes, "big.supplyshift");
  whole = _ss_study_load_whole (bytes, "big.supplyshift", &error);

  g_assert_no_error (error);
  g_assert_nonnull (whole);
  g_assert_nonnull (streamed);
  g_assert_true (ss_study_equal (whole, study));
  g_assert_true (ss_study_equal (streamed, study));
}

/* One wrong value far down a big study (past line 65 535, where libxml2
 * keeps no line of its own): the streaming pass stops there, and the
 * message is the whole tree's, with its line. */
static void
test_problem_far_down (void)
{
  g_autoptr(SsStudy) study = bench_study_new (2000, 16, 20, 2);
  g_autofree char *xml = ss_study_to_xml (study);
  char *last = g_strrstr (xml, "share=\"");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(SsStudy) loaded = NULL;
  g_autoptr(SsStudy) whole = NULL;
  int line = 1;

  g_assert_nonnull (last);
  last[strlen ("share=\"")] = 'x';
  for (const char *p = xml; p < last; p++)
    line += *p == '\n';
  g_assert_cmpint (line, >, 65535);
  bytes = g_bytes_new (xml, strlen (xml));

  g_assert_null (_ss_study_load_streaming (bytes, "big.supplyshift"));
  loaded = ss_study_load_bytes (bytes, "big.supplyshift", &error);
  whole = _ss_study_load_whole (bytes, "big.supplyshift", &whole_error);
  g_assert_null (loaded);
  g_assert_null (whole);
  g_assert_error (error, SS_STUDY_ERROR, SS_STUDY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, whole_error->message);
  {
    g_autofree char *prefix = g_strdup_printf ("big.supplyshift:%d: error: ", line);

    g_assert_true (g_str_has_prefix (error->message, prefix));
  }
}

/* The schema does not follow the streaming pass into a <scenario>: the
 * loader checks its children itself, and the pass adds that they hold no
 * element and are in no namespace. What the schema refuses there is still
 * refused, with the schema's message from the whole tree. */
static void
test_scenario_children (void)
{
  static const struct { const char *from, *to, *message; } cases[] = {
    { "<target item=\"282520\" country=\"CN\" share=\"0.5\"/>",
      "<target item=\"282520\" country=\"CN\" share=\"0.5\"><x/></target>", "Did not expect element x there" },
    { "<target item=\"282520\" country=\"CN\" share=\"0.5\"/>",
      "<target xmlns=\"urn:x\" item=\"282520\" country=\"CN\" share=\"0.5\"/>", NULL },
    { "<stockpile days=\"30\"/>", "<stockpile days=\"30\"><stockpile days=\"1\"/></stockpile>", NULL },
    { "<subsidy>0.3</subsidy>", "<subsidy><x:y xmlns:x=\"urn:x\"/>0.3</subsidy>", NULL },
    { "<source country=\"CN\" share=\"0.35\"/>",
      "<source country=\"CN\" share=\"0.35\"><x/></source>", "Did not expect element x there" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "example-v2-study.xml", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *mutated = ss_test_mutate (text, cases[k].from, cases[k].to);
      g_autoptr(GError) load_error = NULL;
      g_autoptr(SsStudy) study = ss_test_load_text (mutated, &load_error);

      g_assert_null (study);
      g_assert_error (load_error, SS_STUDY_ERROR, SS_STUDY_ERROR_INVALID);
      if (cases[k].message != NULL)
        g_assert_nonnull (strstr (load_error->message, cases[k].message));
    }
}

int
main (int   argc,
      char *argv[])
{
  static const Shape shapes[] = {
    { 1, 1, 1, 0, 0 },
    { 40, 4, 10, 3, 0 },
    { 300, 16, 20, 4, 1 },
    { 200, 12, 50, 6, 2 },
    { 1200, 16, 20, 2, 0 },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    {
      const Shape *s = &shapes[k];
      g_autofree char *path = g_strdup_printf ("/loader-stream/shape/%u-items-%u-countries-%u-years-%u-scenarios-%d",
                                               s->items, s->countries, s->horizon, s->scenarios, s->shocks);

      g_test_add_data_func (path, s, test_shape);
    }
  g_test_add_func ("/loader-stream/problem-far-down", test_problem_far_down);
  g_test_add_func ("/loader-stream/scenario-children", test_scenario_children);
  return g_test_run ();
}
