/* test-study-v2.c: what version 2 of file-format.md adds — reading, rules, saving
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every rule is tried by mutating the version-2 worked example
 * (tests/data/example-v2-study.xml, copied from the spec) one line at a
 * time and checking that the refusal names the line, the element, the
 * attribute, the value and what was expected; a version-1 file keeps
 * loading and saves as version 1, byte for byte.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ss-attrs.h"
#include "ss-engine.h"
#include "ss-study-file.h"
#include "test-util.h"

#define DISPLAY      "study.supplyshift"
#define LINE_PATTERN "^study\\.supplyshift:[0-9]+: error: .+$"

/* ------------------------------------------------------------------ */
/* The examples and their mutations                                   */
/* ------------------------------------------------------------------ */

static char *
data_text (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static const char *
example_text (void)
{
  static char *text;

  if (text == NULL)
    text = data_text ("example-v2-study.xml");
  return text;
}


/* The load was refused with lines all of the form FILE:LINE: error: …,
 * one of them for `line` and containing `fragment`. */
static void
assert_refused (const char *text,
                int         line,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_test_load_text (text, &error);
  g_autofree char *prefix = g_strdup_printf (DISPLAY ":%d: error: ", line);
  g_auto(GStrv) lines = NULL;
  gboolean found = FALSE;

  if (study != NULL)
    g_error ("the document loaded; expected a refusal at line %d: %s", line, fragment);
  g_assert_error (error, SS_STUDY_ERROR, SS_STUDY_ERROR_INVALID);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);
  lines = g_strsplit (error->message, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (!g_regex_match_simple (LINE_PATTERN, lines[i], 0, 0))
        g_error ("\"%s\" is not FILE:LINE: error: MESSAGE", lines[i]);
      found |= g_str_has_prefix (lines[i], prefix) && strstr (lines[i], fragment) != NULL;
    }
  if (!found)
    g_error ("expected a line \"%s...%s...\", got:\n%s", prefix, fragment, error->message);
}

/* ------------------------------------------------------------------ */
/* Rules                                                              */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *path;
  const char *from;                    /* replaced, once, in the example */
  const char *to;
  int         line;                    /* of the error; 0 for "loads" */
  const char *message;
} Rule;

#define BAD(path, from, to, line, message) { path, from, to, line, message }
#define GOOD(path, from, to) { path, from, to, 0, NULL }

#define TARGET_2027 "<policy-target year=\"2027\" share=\"0.6\"/>"
#define TARGET_2030 "<policy-target year=\"2030\" share=\"0.5\"/>"
#define SHOCK "<shock country=\"CN\" items=\"282520 8541\" disruption-probability=\"0.3\" " \
              "disruption-days=\"180\"/>"
#define SHOCK_OPEN "<shock country=\"CN\" items=\"282520 8541\" "
#define TH_SOURCE "<source country=\"TH\" share=\"0.05\" disruption-probability=\"0.12\" " \
                  "disruption-days=\"90\"/>"
#define KIND_SHOCK "name=\"China export controls\" kind=\"shock\">"

static const Rule rules[] = {
  /* <policy-target> */
  BAD ("policy-target/year-decimal", TARGET_2027, "<policy-target year=\"2027.5\" share=\"0.6\"/>", 11,
       "<policy-target year=\"2027.5\">: year is \"2027.5\", expected a whole number in [1900, 9999]"),
  BAD ("policy-target/year-text", TARGET_2027, "<policy-target year=\"soon\" share=\"0.6\"/>", 11,
       "<policy-target year=\"soon\">: year is \"soon\", expected a whole number"),
  BAD ("policy-target/before-base-year", TARGET_2027, "<policy-target year=\"2023\" share=\"0.6\"/>", 11,
       "<policy-target year=\"2023\">: year 2023 is before the base year, expected a year from 2024 on"),
  BAD ("policy-target/year-twice", TARGET_2030, "<policy-target year=\"2027\" share=\"0.5\"/>", 12,
       "<policy-target year=\"2027\">: year 2027 has a target already (line 11), expected each year once"),
  BAD ("policy-target/rising", TARGET_2030, "<policy-target year=\"2030\" share=\"0.7\"/>", 12,
       "<policy-target year=\"2030\">: share is 0.7, above the 0.6 from 2027; expected shares that "
       "do not rise as years rise"),
  BAD ("policy-target/rising-listed-first", TARGET_2027 "\n    " TARGET_2030,
       TARGET_2030 "\n    <policy-target year=\"2027\" share=\"0.4\"/>", 11,
       "<policy-target year=\"2030\">: share is 0.5, above the 0.4 from 2027"),
  BAD ("policy-target/share-zero", TARGET_2027, "<policy-target year=\"2027\" share=\"0\"/>", 11,
       "<policy-target year=\"2027\">: share is 0, expected a number in (0, 1]"),
  BAD ("policy-target/share-above-one", TARGET_2027, "<policy-target year=\"2027\" share=\"1.2\"/>", 11,
       "<policy-target year=\"2027\">: share is 1.2, expected a number in (0, 1]"),
  BAD ("policy-target/share-comma", TARGET_2027, "<policy-target year=\"2027\" share=\"0,6\"/>", 11,
       "<policy-target year=\"2027\">: share \"0,6\" is not a number"),
  BAD ("policy-target/missing-year", TARGET_2027, "<policy-target share=\"0.6\"/>", 11,
       "<policy-target>: missing attribute 'year'"),
  BAD ("policy-target/missing-share", TARGET_2027, "<policy-target year=\"2027\"/>", 11,
       "<policy-target year=\"2027\">: missing attribute 'share'"),
  BAD ("policy-target/unknown-attribute", TARGET_2027,
       "<policy-target year=\"2027\" share=\"0.6\" country=\"CN\"/>", 11,
       "<policy-target year=\"2027\">: unknown attribute 'country'"),
  BAD ("policy-target/child", TARGET_2027,
       "<policy-target year=\"2027\" share=\"0.6\"><note/></policy-target>", 11,
       "<policy-target>: unexpected element <note>"),
  GOOD ("policy-target/any-order", TARGET_2027 "\n    " TARGET_2030, TARGET_2030 "\n    " TARGET_2027),
  GOOD ("policy-target/same-share", TARGET_2030, "<policy-target year=\"2030\" share=\"0.6\"/>"),
  GOOD ("policy-target/base-year", TARGET_2027, "<policy-target year=\"2024\" share=\"1\"/>"),
  GOOD ("policy-target/after-horizon", TARGET_2030, "<policy-target year=\"2040\" share=\"0.4\"/>"),

  /* A source's own disruption values */
  BAD ("source/probability-range", TH_SOURCE,
       "<source country=\"TH\" share=\"0.05\" disruption-probability=\"1.2\"/>", 37,
       "item 8541: source TH: disruption-probability is 1.2, expected a number in [0, 1]"),
  BAD ("source/severity-range", TH_SOURCE,
       "<source country=\"TH\" share=\"0.05\" disruption-severity=\"-0.1\"/>", 37,
       "item 8541: source TH: disruption-severity is -0.1, expected a number in [0, 1]"),
  BAD ("source/days-range", TH_SOURCE,
       "<source country=\"TH\" share=\"0.05\" disruption-days=\"400\"/>", 37,
       "item 8541: source TH: disruption-days is 400, expected a number in [0, 365]"),
  BAD ("source/days-text", TH_SOURCE,
       "<source country=\"TH\" share=\"0.05\" disruption-days=\"ninety\"/>", 37,
       "item 8541: source TH: disruption-days \"ninety\" is not a number"),

  /* kind */
  BAD ("scenario/kind-unknown", KIND_SHOCK, "name=\"China export controls\" kind=\"world\">", 62,
       "scenario china-shock: kind is \"world\", expected \"strategy\" or \"shock\""),
  BAD ("scenario/shock-with-target", SHOCK,
       SHOCK "\n      <target item=\"8541\" country=\"CN\" share=\"1\"/>", 66,
       "scenario china-shock: <target> is not allowed in a scenario of kind=\"shock\""),
  BAD ("scenario/shock-with-transition", SHOCK, SHOCK "\n      <transition-years>3</transition-years>", 66,
       "scenario china-shock: <transition-years> is not allowed in a scenario of kind=\"shock\""),
  BAD ("scenario/shock-with-switching-cost", SHOCK, SHOCK "\n      <switching-cost>0.1</switching-cost>", 66,
       "scenario china-shock: <switching-cost> is not allowed in a scenario of kind=\"shock\""),
  BAD ("scenario/shock-with-subsidy", SHOCK, SHOCK "\n      <subsidy>0.2</subsidy>", 66,
       "scenario china-shock: <subsidy> is not allowed in a scenario of kind=\"shock\""),
  GOOD ("scenario/kind-strategy", "<scenario id=\"vietnam-plus\" name=\"Vietnam plus\">",
        "<scenario id=\"vietnam-plus\" name=\"Vietnam plus\" kind=\"strategy\">"),
  GOOD ("scenario/shock-in-strategy", "      <stockpile days=\"30\"/>",
        "      <stockpile days=\"30\"/>\n      <shock country=\"VN\" disruption-severity=\"0.9\"/>"),

  /* <shock> */
  BAD ("shock/undeclared-country", SHOCK_OPEN, "<shock country=\"RU\" items=\"282520 8541\" ", 65,
       "scenario china-shock: shock of country RU, which is not declared in <countries>"),
  BAD ("shock/no-country", SHOCK_OPEN, "<shock items=\"282520 8541\" ", 65,
       "scenario china-shock: <shock> without 'country'"),
  BAD ("shock/no-value", SHOCK, "<shock country=\"CN\" items=\"282520 8541\"/>", 65,
       "scenario china-shock: shock CN: sets none of disruption-probability, disruption-severity "
       "and disruption-days, expected at least one"),
  BAD ("shock/probability-range", SHOCK,
       "<shock country=\"CN\" items=\"282520 8541\" disruption-probability=\"1.3\"/>", 65,
       "scenario china-shock: shock CN: disruption-probability is 1.3, expected a number in [0, 1]"),
  BAD ("shock/days-range", SHOCK, "<shock country=\"CN\" disruption-days=\"366\"/>", 65,
       "scenario china-shock: shock CN: disruption-days is 366, expected a number in [0, 365]"),
  BAD ("shock/severity-nan", SHOCK, "<shock country=\"CN\" disruption-severity=\"nan\"/>", 65,
       "scenario china-shock: shock CN: disruption-severity \"nan\" is not a number"),
  BAD ("shock/undeclared-item", SHOCK_OPEN, "<shock country=\"CN\" items=\"282520 7440\" ", 65,
       "scenario china-shock: shock CN: items: 7440 is not an item declared in <items>"),
  BAD ("shock/item-twice", SHOCK_OPEN, "<shock country=\"CN\" items=\"282520 8541 282520\" ", 65,
       "scenario china-shock: shock CN: items: 282520 is listed twice, expected each item once"),
  BAD ("shock/items-empty", SHOCK_OPEN, "<shock country=\"CN\" items=\" \" ", 65,
       "scenario china-shock: shock CN: items is empty, expected item codes separated by spaces"),
  BAD ("shock/unknown-attribute", SHOCK_OPEN, "<shock country=\"CN\" items=\"282520 8541\" tariff=\"0.2\" ", 65,
       "scenario china-shock: shock CN: unknown attribute 'tariff'"),
  BAD ("shock/child", SHOCK, SHOCK_OPEN "disruption-probability=\"0.3\"><item/></shock>", 65,
       "scenario china-shock: shock CN: unexpected element <item>"),
  GOOD ("shock/all-items", SHOCK, "<shock country=\"CN\" disruption-probability=\"0.3\"/>"),
  GOOD ("shock/spaces", SHOCK_OPEN, "<shock country=\"CN\" items=\"  8541   282520 \" "),
  GOOD ("shock/twice", SHOCK, SHOCK "\n      <shock country=\"CN\" items=\"8541\" disruption-severity=\"1\"/>"),
};

static void
test_rule (gconstpointer data)
{
  const Rule *rule = data;
  g_autofree char *text = ss_test_mutate (example_text (), rule->from, rule->to);

  if (rule->line > 0)
    assert_refused (text, rule->line, rule->message);
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsStudy) study = ss_test_load_text (text, &error);

      g_assert_no_error (error);
      ss_test_assert_round_trips (study);
    }
}

/* Each addition of version 2 in a file that says version 1 is an error
 * that names it, at its line. */
static void
test_needs_version_2 (void)
{
  g_autofree char *v1 = ss_test_mutate (example_text (), "<study version=\"2\">", "<study version=\"1\">");
  static const struct
  {
    int         line;
    const char *message;
  } expected[] = {
    { 11, "<policy-target> needs version 2 (the file says <study version=\"1\">)" },
    { 12, "<policy-target> needs version 2" },
    { 37, "item 8541: source TH: attribute 'disruption-probability' needs version 2" },
    { 37, "item 8541: source TH: attribute 'disruption-days' needs version 2" },
    { 62, "scenario china-shock: attribute 'kind' needs version 2" },
    { 65, "scenario china-shock: <shock> needs version 2" },
    { 67, "scenario asean-costs: attribute 'kind' needs version 2" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_test_load_text (v1, &error);
  g_auto(GStrv) lines = NULL;

  g_assert_null (study);
  g_assert_error (error, SS_STUDY_ERROR, SS_STUDY_ERROR_INVALID);
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    assert_refused (v1, expected[k].line, expected[k].message);
  /* Nothing else: the rest of the file is fine as version 1. */
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected));

  /* A severity alone on a source is the same. */
  {
    g_autofree char *text = data_text ("example-study.xml");
    g_autofree char *severity = ss_test_mutate (text, "<source country=\"TH\" share=\"0.05\"/>",
                                        "<source country=\"TH\" share=\"0.05\" "
                                        "disruption-severity=\"0.2\"/>");

    assert_refused (severity, 35, "item 8541: source TH: attribute 'disruption-severity' "
                                  "needs version 2 (the file says <study version=\"1\">)");
  }
}

/* ------------------------------------------------------------------ */
/* The model of a version-2 study                                     */
/* ------------------------------------------------------------------ */

static void
test_example_loads (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE_V2);
  SsMeta *meta = ss_study_get_meta (study);
  SsItem *chips = ss_study_get_item (study, ss_study_find_item (study, "8541"));
  SsSource *th = &chips->sources[ss_study_find_country (study, "TH")];
  SsScenario *plus = ss_study_get_scenario (study, 0);
  SsScenario *china = ss_study_get_scenario (study, 1);
  SsScenario *asean = ss_study_get_scenario (study, 2);
  SsShock *shock;

  g_assert_cmpuint (meta->policy_targets->len, ==, 2);
  g_assert_cmpint (g_array_index (meta->policy_targets, SsPolicyTarget, 0).year, ==, 2027);
  g_assert_cmpfloat (g_array_index (meta->policy_targets, SsPolicyTarget, 0).share, ==, 0.6);
  g_assert_cmpint (g_array_index (meta->policy_targets, SsPolicyTarget, 1).year, ==, 2030);
  g_assert_cmpfloat (g_array_index (meta->policy_targets, SsPolicyTarget, 1).share, ==, 0.5);
  g_assert_true (isnan (ss_study_policy_target_at (study, 2026)));
  g_assert_cmpfloat (ss_study_policy_target_at (study, 2027), ==, 0.6);
  g_assert_cmpfloat (ss_study_policy_target_at (study, 2029), ==, 0.6);
  g_assert_cmpfloat (ss_study_policy_target_at (study, 2031), ==, 0.5);

  g_assert_cmphex (th->set, ==, (1u << SS_SOURCE_DISRUPTION_PROBABILITY) | (1u << SS_SOURCE_DISRUPTION_DAYS));
  g_assert_cmpfloat (th->attr[SS_SOURCE_DISRUPTION_PROBABILITY], ==, 0.12);
  g_assert_cmpfloat (th->attr[SS_SOURCE_DISRUPTION_DAYS], ==, 90);

  g_assert_cmpint (plus->kind, ==, SS_SCENARIO_STRATEGY);
  g_assert_cmpint (china->kind, ==, SS_SCENARIO_SHOCK);
  g_assert_cmpint (asean->kind, ==, SS_SCENARIO_SHOCK);
  g_assert_cmpuint (plus->shocks->len, ==, 0);
  g_assert_cmpuint (china->shocks->len, ==, 1);
  shock = &g_array_index (china->shocks, SsShock, 0);
  g_assert_cmpuint (shock->country, ==, (guint)ss_study_find_country (study, "CN"));
  g_assert_cmphex (shock->set, ==, (1u << SS_DISRUPTION_PROBABILITY) | (1u << SS_DISRUPTION_DAYS));
  g_assert_cmpfloat (shock->value[SS_DISRUPTION_PROBABILITY], ==, 0.3);
  g_assert_cmpfloat (shock->value[SS_DISRUPTION_DAYS], ==, 180);
  g_assert_cmpuint (shock->n_items, ==, 2);
  g_assert_cmpuint (shock->items[0], ==, (guint)ss_study_find_item (study, "282520"));
  g_assert_cmpuint (shock->items[1], ==, (guint)ss_study_find_item (study, "8541"));
  g_assert_true (ss_shock_covers (shock, shock->items[1]));
  g_assert_false (ss_shock_covers (shock, ss_study_find_item (study, "310210")));
  g_assert_true (ss_study_uses_version_2 (study));
}

/* load → save → load gives the same study and save → load → save the same
 * bytes; the example saves as itself with the thresholds it leaves to
 * their defaults written out. */
static void
test_example_round_trip (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE_V2);
  g_autofree char *xml = ss_study_to_xml (study);
  g_autofree char *expected = ss_test_mutate (example_text (), "    <home>KR</home>\n",
                                      "    <home>KR</home>\n"
                                      "    <thresholds watch=\"0.5\" warning=\"0.65\" critical=\"0.9\"/>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) reread = ss_test_load_text (xml, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (xml, ==, expected);
  g_assert_true (ss_study_equal (study, reread));
  again = ss_study_to_xml (reread);
  g_assert_cmpstr (again, ==, xml);
}

/* A study that uses nothing of version 2 saves as version 1: the last
 * version-1 sample (tests/data/korea-key-materials-v1.supplyshift) exactly
 * as it is, the version-1 example as version 1's saver wrote it
 * (thresholds and a scenario's levers always written). The sample, a
 * version-2 study, saves exactly as it is too. Using any one addition
 * makes a version-1 study version 2. */
static void
test_version_1_saves_as_version_1 (void)
{
  g_autofree char *sample_text = NULL;
  g_autofree char *old_sample_text = data_text ("korea-key-materials-v1.supplyshift");
  g_autofree char *v1_text = data_text ("example-study.xml");
  g_autoptr(SsStudy) sample = ss_study_load_sample ();
  g_autoptr(SsStudy) old_sample = ss_test_load_text (old_sample_text, NULL);
  g_autoptr(SsStudy) v1 = ss_test_load_text (v1_text, NULL);
  g_autofree char *sample_xml = ss_study_to_xml (sample);
  g_autofree char *old_sample_xml = ss_study_to_xml (old_sample);
  g_autofree char *v1_xml = ss_study_to_xml (v1);
  g_autofree char *expected = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR") != NULL
                                            ? g_getenv ("G_TEST_SRCDIR") : ".",
                                            "..", "data", "korea-key-materials.supplyshift", NULL);

  g_file_get_contents (path, &sample_text, NULL, NULL);
  g_assert_nonnull (sample_text);
  g_assert_cmpstr (sample_xml, ==, sample_text);
  g_assert_true (ss_study_uses_version_2 (sample));
  g_assert_true (g_str_has_prefix (old_sample_text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                                    "<study version=\"1\">\n"));
  g_assert_cmpstr (old_sample_xml, ==, old_sample_text);

  expected = ss_test_mutate (v1_text, "    <home>KR</home>\n",
                     "    <home>KR</home>\n"
                     "    <thresholds watch=\"0.5\" warning=\"0.65\" critical=\"0.9\"/>\n");
  {
    g_autofree char *with_levers =
      ss_test_mutate (expected,
              "      <description>Stay as we are while China restricts exports.</description>\n",
              "      <description>Stay as we are while China restricts exports.</description>\n"
              "      <transition-years>1</transition-years>\n"
              "      <switching-cost>0</switching-cost>\n"
              "      <subsidy>0</subsidy>\n");

    g_assert_cmpstr (v1_xml, ==, with_levers);
  }
  g_assert_false (ss_study_uses_version_2 (old_sample));
  g_assert_false (ss_study_uses_version_2 (v1));

  /* Each addition alone makes the file version 2. */
  for (guint k = 0; k < 5; k++)
    {
      g_autoptr(SsStudy) copy = ss_study_copy (v1);
      g_autofree char *xml = NULL;
      SsScenario *sc = ss_study_get_scenario (copy, 1);

      switch (k)
        {
        case 0:
          ss_study_add_policy_target (copy, 2030, 0.5);
          break;
        case 1:
          ss_study_get_item (copy, 0)->sources[0].set |= 1u << SS_SOURCE_DISRUPTION_SEVERITY;
          ss_study_get_item (copy, 0)->sources[0].attr[SS_SOURCE_DISRUPTION_SEVERITY] = 0.2;
          break;
        case 2:
          sc->kind = SS_SCENARIO_SHOCK;
          break;
        case 3:
          {
            SsShock *shock = ss_scenario_add_shock (sc, 0);

            shock->set = 1u << SS_DISRUPTION_DAYS;
            shock->value[SS_DISRUPTION_DAYS] = 200;
          }
          break;
        default:
          ss_study_get_item (copy, 0)->sources[0].set |= 1u << SS_SOURCE_DISRUPTION_PROBABILITY;
          ss_study_get_item (copy, 0)->sources[0].attr[SS_SOURCE_DISRUPTION_PROBABILITY] = 0.2;
          break;
        }
      g_assert_true (ss_study_uses_version_2 (copy));
      xml = ss_study_to_xml (copy);
      g_assert_nonnull (strstr (xml, "<study version=\"2\">"));
      ss_test_assert_round_trips (copy);
    }
}

/* Everything version 2 adds, set in memory, saves in the order of
 * file-format.md and reads back the same. */
static void
test_round_trip_everything (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE_V2);
  SsScenario *plus = ss_study_get_scenario (study, 0);
  SsScenario *asean = ss_study_get_scenario (study, 2);
  SsItem *urea = ss_study_get_item (study, 1);
  guint items[] = { 2, 0 };
  g_autofree char *xml = NULL;
  SsShock *shock;
  const char *at;

  ss_study_add_policy_target (study, 2035, 0.3333333333333333);
  for (guint d = 0; d < SS_DISRUPTION_N; d++)
    urea->sources[0].set |= 1u << SS_SOURCE_DISRUPTION (d);
  urea->sources[0].attr[SS_SOURCE_DISRUPTION_PROBABILITY] = 0.15;
  urea->sources[0].attr[SS_SOURCE_DISRUPTION_SEVERITY] = 0.7;
  urea->sources[0].attr[SS_SOURCE_DISRUPTION_DAYS] = 200;
  shock = ss_scenario_add_shock (plus, 1);
  shock->set = 1u << SS_DISRUPTION_SEVERITY;
  shock->value[SS_DISRUPTION_SEVERITY] = 0.9;
  shock = ss_scenario_add_shock (asean, 2);
  shock->set = (1u << SS_DISRUPTION_N) - 1;
  shock->value[SS_DISRUPTION_PROBABILITY] = 0;
  shock->value[SS_DISRUPTION_SEVERITY] = 1;
  shock->value[SS_DISRUPTION_DAYS] = 365;
  ss_shock_set_items (shock, items, G_N_ELEMENTS (items));

  ss_test_assert_round_trips (study);
  xml = ss_study_to_xml (study);
  g_assert_nonnull (strstr (xml, "    <policy-target year=\"2035\" share=\"0.3333333333333333\"/>\n"
                                 "    <source>"));
  g_assert_nonnull (strstr (xml, "<source country=\"CN\" share=\"0.66\" disruption-probability=\"0.15\" "
                                 "disruption-severity=\"0.7\" disruption-days=\"200\"/>"));
  g_assert_nonnull (strstr (xml, "<shock country=\"ID\" items=\"8541 282520\" "
                                 "disruption-probability=\"0\" disruption-severity=\"1\" "
                                 "disruption-days=\"365\"/>"));
  /* A strategy's shock comes after its overrides and before its targets;
   * a shock scenario has no levers. */
  at = strstr (xml, "<shock country=\"VN\" disruption-severity=\"0.9\"/>");
  g_assert_nonnull (at);
  g_assert_true (strstr (xml, "<stockpile item=\"282520\" days=\"60\"/>") < at);
  g_assert_true (strstr (xml, "<target item=\"282520\" country=\"CN\"") > at);
  at = strstr (xml, "<scenario id=\"china-shock\" name=\"China export controls\" kind=\"shock\">\n"
                    "      <description>");
  g_assert_nonnull (at);
  g_assert_null (strstr (at, "<transition-years>"));
}

/* The saved version-2 files are valid against the shipped schema, and the
 * schema refuses a kind it does not know. */
static void
test_schema (void)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *dir = NULL;
  g_autoptr(SsStudy) study = NULL;
  const char *schema = g_getenv ("SCHEMA_RNG");
  static const char *names[] = { "saved.supplyshift", "bad-kind.supplyshift" };

  if (xmllint == NULL || schema == NULL)
    {
      if (g_getenv ("CI") != NULL)
        g_error ("CI must provide xmllint and SCHEMA_RNG");
      g_test_skip ("xmllint or SCHEMA_RNG missing");
      return;
    }
  dir = g_dir_make_tmp ("supplyshift-v2-XXXXXX", NULL);
  study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE_V2);
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autofree char *path = g_build_filename (dir, names[k], NULL);
      g_autofree char *xml = ss_study_to_xml (study);
      const char *argv[] = { xmllint, "--noout", "--relaxng", schema, path, NULL };
      int status = 0;

      if (k == 1)
        {
          g_autofree char *bad = ss_test_mutate (xml, "kind=\"shock\">\n      <description>China",
                                         "kind=\"world\">\n      <description>China");

          g_file_set_contents (path, bad, -1, NULL);
        }
      else
        g_file_set_contents (path, xml, -1, NULL);
      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, NULL);
      g_assert_cmpint (g_spawn_check_wait_status (status, NULL), ==, k == 0);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Undo copies, compares and assigns whole studies: shocks and policy
 * targets go with them, in memory of their own. */
static void
test_copy_equal_assign (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE_V2);
  g_autoptr(SsStudy) copy = ss_study_copy (study);
  g_autoptr(SsStudy) target = ss_study_new ();
  SsShock *shock = &g_array_index (ss_study_get_scenario (copy, 1)->shocks, SsShock, 0);
  SsShock *original = &g_array_index (ss_study_get_scenario (study, 1)->shocks, SsShock, 0);

  g_assert_true (ss_study_equal (study, copy));
  g_assert_true (shock->items != original->items);
  g_assert_true (ss_study_get_meta (copy)->policy_targets != ss_study_get_meta (study)->policy_targets);

  shock->items[0] = 1;
  g_assert_false (ss_study_equal (study, copy));
  shock->items[0] = original->items[0];
  shock->value[SS_DISRUPTION_DAYS] = 181;
  g_assert_false (ss_study_equal (study, copy));
  shock->value[SS_DISRUPTION_DAYS] = 180;
  /* A value the shock does not set is not compared. */
  shock->value[SS_DISRUPTION_SEVERITY] = 0.77;
  g_assert_true (ss_study_equal (study, copy));
  ss_study_get_scenario (copy, 1)->kind = SS_SCENARIO_STRATEGY;
  g_assert_false (ss_study_equal (study, copy));
  ss_study_get_scenario (copy, 1)->kind = SS_SCENARIO_SHOCK;
  g_array_index (ss_study_get_meta (copy)->policy_targets, SsPolicyTarget, 1).share = 0.55;
  g_assert_false (ss_study_equal (study, copy));

  ss_study_assign (target, copy);
  g_assert_true (ss_study_equal (target, copy));
  g_clear_object (&copy);
  g_assert_cmpfloat (g_array_index (ss_study_get_meta (target)->policy_targets, SsPolicyTarget, 1).share,
                     ==, 0.55);
  g_assert_cmpuint (g_array_index (ss_study_get_scenario (target, 1)->shocks, SsShock, 0).n_items, ==, 2);
  ss_test_assert_round_trips (target);

  /* A duplicated scenario has shocks of its own. */
  {
    guint dup = ss_study_duplicate_scenario (study, 1, "china-shock-2", "Copy");
    SsShock *a = &g_array_index (ss_study_get_scenario (study, 1)->shocks, SsShock, 0);
    SsShock *b = &g_array_index (ss_study_get_scenario (study, dup)->shocks, SsShock, 0);

    g_assert_cmpint (ss_study_get_scenario (study, dup)->kind, ==, SS_SCENARIO_SHOCK);
    g_assert_true (a->items != b->items);
    g_assert_cmpmem (a->items, a->n_items * sizeof (guint), b->items, b->n_items * sizeof (guint));
  }
}

/* Removing an item takes it out of every shock's list (a shock that listed
 * only it goes); removing a country takes its shocks. */
static void
test_remove_item_and_country (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE_V2);
  SsScenario *china = ss_study_get_scenario (study, 1);
  SsScenario *asean = ss_study_get_scenario (study, 2);
  SsShock *all, *only_urea, *listed;
  guint urea = 1;

  all = ss_scenario_add_shock (asean, ss_study_find_country (study, "VN"));
  all->set = 1u << SS_DISRUPTION_PROBABILITY;
  only_urea = ss_scenario_add_shock (asean, ss_study_find_country (study, "TH"));
  only_urea->set = 1u << SS_DISRUPTION_PROBABILITY;
  ss_shock_set_items (only_urea, &urea, 1);

  ss_study_remove_item (study, 0);               /* 282520 */
  listed = &g_array_index (china->shocks, SsShock, 0);
  g_assert_cmpuint (listed->n_items, ==, 1);
  g_assert_cmpuint (listed->items[0], ==, (guint)ss_study_find_item (study, "8541"));
  ss_study_remove_item (study, ss_study_find_item (study, "310210"));
  g_assert_cmpuint (asean->shocks->len, ==, 1); /* the urea-only shock went */
  g_assert_null (g_array_index (asean->shocks, SsShock, 0).items);
  ss_test_assert_round_trips (study);

  ss_study_remove_country (study, ss_study_find_country (study, "CN"));
  g_assert_cmpuint (china->shocks->len, ==, 0);
  g_assert_cmpuint (g_array_index (asean->shocks, SsShock, 0).country, ==,
                    (guint)ss_study_find_country (study, "VN"));
}

/* ------------------------------------------------------------------ */
/* Joint disruption states                                            */
/* ------------------------------------------------------------------ */

/* A study of six countries QA..QF whose items have probabilities of
 * their own: item i from QB..QF 0.0(min (i, cap) + 1)(c), so each of
 * those has min (n_items, cap + 1) distinct values; from QA `qa[i]`, or
 * the same as the others when `qa` is NULL. */
static char *
many_states_document (guint        n_items,
                      guint        cap,
                      const char **qa,
                      const char  *scenarios)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<study version=\"2\">\n"
                               "  <meta>\n    <title>Many states</title>\n"
                               "    <base-year>2024</base-year>\n    <horizon>2</horizon>\n"
                               "    <home>QA</home>\n  </meta>\n  <countries>\n");

  for (guint c = 0; c < 6; c++)
    g_string_append_printf (out, "    <country code=\"Q%c\" name=\"Q%c\" governance=\"5\" "
                            "disruption-probability=\"0.1\" disruption-severity=\"0.5\" "
                            "disruption-days=\"90\" cost-index=\"1\" cost-growth=\"0\" tariff=\"0\" "
                            "logistics=\"0\" ramp=\"0.1\"/>\n", 'A' + c, 'A' + c);
  g_string_append (out, "  </countries>\n  <items>\n");
  for (guint i = 0; i < n_items; i++)
    {
      g_string_append_printf (out, "    <item code=\"M%u\" name=\"M%u\" value=\"100\">\n", i, i);
      for (guint c = 0; c < 6; c++)
        {
          g_autofree char *own = g_strdup_printf ("disruption-probability=\"0.0%u%u\"",
                                                  MIN (i, cap) + 1, c);

          g_string_append_printf (out, "      <source country=\"Q%c\" share=\"%s\" %s/>\n", 'A' + c,
                                  c < 5 ? "0.2" : "0", c == 0 && qa != NULL ? qa[i] : own);
        }
      g_string_append (out, "    </item>\n");
    }
  g_string_append_printf (out, "  </items>\n  <scenarios>\n%s  </scenarios>\n</study>\n", scenarios);
  return g_string_free (out, FALSE);
}

static int
line_of_text (const char *text,
              const char *needle)
{
  const char *at = strstr (text, needle);
  int line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  return line;
}

/* model.md §4, §8: at most 2^18 joint states in the study, in each
 * scenario and in each cell of the stress grid, at load. */
static void
test_joint_states (void)
{
  /* QA: five values of its own, and the country's 0.1 on three sources
   * (two of them their own): 6 distinct, 7 · 8^5 states. A strategy that
   * moves the country's value and a shock that moves one source each add
   * one (8^6 = 2^18, accepted); together they add two. */
  static const char *qa[] = {
    "disruption-probability=\"0.01\"", "disruption-probability=\"0.02\"",
    "disruption-probability=\"0.03\"", "disruption-probability=\"0.04\"",
    "disruption-probability=\"0.05\"", "", "disruption-probability=\"0.1\"",
    "disruption-probability=\"0.1\"",
  };
  static const char *strategy =
    "    <scenario id=\"higher\" name=\"Higher\">\n"
    "      <country code=\"QA\" disruption-probability=\"0.5\"/>\n"
    "    </scenario>\n";
  static const char *shock =
    "    <scenario id=\"controls\" name=\"Controls\" kind=\"shock\">\n"
    "      <shock country=\"QA\" items=\"M6\" disruption-probability=\"0.9\"/>\n"
    "    </scenario>\n";
  static const char *two_shocks =
    "    <scenario id=\"controls\" name=\"Controls\" kind=\"shock\">\n"
    "      <shock country=\"QA\" items=\"M6\" disruption-probability=\"0.9\"/>\n"
    "      <shock country=\"QA\" items=\"M7\" disruption-probability=\"0.8\"/>\n"
    "    </scenario>\n";
  g_autofree char *at_limit = many_states_document (7, 6, NULL, "");
  g_autofree char *over = many_states_document (8, 7, NULL, "");
  g_autofree char *alone = g_strconcat (strategy, shock, NULL);
  g_autofree char *each_alone = many_states_document (8, 6, qa, "");
  g_autofree char *with_strategy = many_states_document (8, 6, qa, strategy);
  g_autofree char *with_shock = many_states_document (8, 6, qa, shock);
  g_autofree char *combined = many_states_document (8, 6, qa, alone);
  g_autofree char *scenario = many_states_document (8, 6, qa, two_shocks);
  const char *ok[] = { at_limit, each_alone, with_strategy, with_shock };

  for (guint k = 0; k < G_N_ELEMENTS (ok); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsStudy) study = ss_test_load_text (ok[k], &error);

      g_assert_no_error (error);
    }
  assert_refused (over, 9, "the study has 531441 joint disruption states, expected at most 262144 "
                           "(2^18): country QA has 8 distinct disruption probabilities (0.01, 0.02, "
                           "0.03, 0.04, 0.05, 0.06, 0.07, 0.08)");
  assert_refused (combined, line_of_text (combined, "<scenario id=\"controls\""),
                  "scenario controls with strategy higher (a cell of the stress grid): "
                  "294912 joint disruption states, expected at most 262144 (2^18): "
                  "country QA has 8 distinct disruption probabilities (0.01, 0.02, "
                  "0.03, 0.04, 0.05, 0.1, 0.5, 0.9)");
  assert_refused (scenario, line_of_text (scenario, "<scenario id=\"controls\""),
                  "scenario controls: 294912 joint disruption states, expected at most 262144 "
                  "(2^18): country QA has 8 distinct disruption probabilities (0.01, 0.02, 0.03, "
                  "0.04, 0.05, 0.1, 0.8, 0.9)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (rules); k++)
    {
      g_autofree char *path = g_strconcat ("/study-v2/rule/", rules[k].path, NULL);

      g_test_add_data_func (path, &rules[k], test_rule);
    }
  g_test_add_func ("/study-v2/needs-version-2", test_needs_version_2);
  g_test_add_func ("/study-v2/example/loads", test_example_loads);
  g_test_add_func ("/study-v2/example/round-trip", test_example_round_trip);
  g_test_add_func ("/study-v2/save/version-1-as-version-1", test_version_1_saves_as_version_1);
  g_test_add_func ("/study-v2/save/everything", test_round_trip_everything);
  g_test_add_func ("/study-v2/schema", test_schema);
  g_test_add_func ("/study-v2/copy-equal-assign", test_copy_equal_assign);
  g_test_add_func ("/study-v2/remove-item-and-country", test_remove_item_and_country);
  g_test_add_func ("/study-v2/joint-states", test_joint_states);

  return g_test_run ();
}
