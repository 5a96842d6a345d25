/* test-cli.c: the headless command line of cli.md, run as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test starts the built binary ($SUPPLYSHIFT) in a child process with
 * DISPLAY and WAYLAND_DISPLAY unset, so a mode that touched GTK would fail
 * here, and checks exit status, stdout and stderr against the contract:
 * 0 success, 1 bad command line, 2 bad study file, 3 output not written,
 * and nothing on stdout unless the run succeeded. Every run must finish
 * within 5 s, which also catches a run that waits for a display or a
 * network.
 */

#define G_LOG_DOMAIN "supplyshift-test-cli"

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "json-strict.h"
#include "ss-study-file.h"
#include "test-files.h"
#include "test-util.h"

#define CSV_HEADER "scenario,item,year,metric,value"
/* A guard against a hang (an entity that expands for ever, a loop), not
 * a measurement: speed is the benchmarks' (bench-*). The sanitizer build
 * of .ci/run runs the program several times slower, so it gets ten times
 * the time. */
#if defined(__SANITIZE_ADDRESS__)
# define SS_SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SS_SANITIZED 1
# endif
#endif
#ifdef SS_SANITIZED
# define SLOWDOWN 10
#else
# define SLOWDOWN 1
#endif
#define RUN_LIMIT_US (SLOWDOWN * 5 * G_USEC_PER_SEC)

/* One finished run of the program. */
typedef struct
{
  int     status;                      /* exit status */
  char   *out;                         /* NULL when stdout went to a file */
  char   *err;
  gint64  elapsed_us;
} RunResult;

static void
run_result_clear (RunResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RunResult, run_result_clear)

/* How to run it, when the defaults will not do. */
typedef struct
{
  const char * const *env;             /* "NAME=VALUE" sets, "NAME" unsets */
  const char         *cwd;
  const char         *stdout_path;     /* instead of a pipe */
} RunOptions;

static const char *
program_path (void)
{
  const char *path = g_getenv ("SUPPLYSHIFT");

  if (path == NULL)
    g_error ("SUPPLYSHIFT must name the built supplyshift binary (meson test sets it)");
  return path;
}

static void
run_argv (RunResult          *result,
          const RunOptions   *options,
          const char * const *args)
{
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDERR_PIPE;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *command = NULL;
  gint64 start;

  if (options == NULL || options->stdout_path == NULL)
    flags |= G_SUBPROCESS_FLAGS_STDOUT_PIPE;
  launcher = g_subprocess_launcher_new (flags);

  /* Headless means headless: no display of either kind. The locale is C
   * unless a test says otherwise, so messages are the untranslated ones. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C", TRUE);

  if (options != NULL && options->env != NULL)
    for (guint k = 0; options->env[k] != NULL; k++)
      {
        const char *eq = strchr (options->env[k], '=');

        if (eq == NULL)
          g_subprocess_launcher_unsetenv (launcher, options->env[k]);
        else
          {
            g_autofree char *name = g_strndup (options->env[k], eq - options->env[k]);

            g_subprocess_launcher_setenv (launcher, name, eq + 1, TRUE);
          }
      }
  /* Under LeakSanitizer (.ci/run), a briefing is unwound slowly: cairo
   * 1.16 leaks inside cairo_surface_finish when it subsets a CJK font,
   * and only the full stack reaches that frame for tests/lsan.supp to
   * match (cairo has no frame pointers). Slow unwinding costs a briefing
   * seconds, so only a briefing gets it. */
  for (guint k = 0; args[k] != NULL; k++)
    if (g_str_has_prefix (args[k], "--brief") && g_getenv ("LSAN_OPTIONS") != NULL)
      {
        g_autofree char *lsan = g_strconcat (g_getenv ("LSAN_OPTIONS"),
                                             ":fast_unwind_on_malloc=0", NULL);

        g_subprocess_launcher_setenv (launcher, "LSAN_OPTIONS", lsan, TRUE);
        break;
      }
  if (options != NULL && options->cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, options->cwd);
  if (options != NULL && options->stdout_path != NULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, options->stdout_path);

  g_ptr_array_add (argv, (char *)program_path ());
  for (guint k = 0; args[k] != NULL; k++)
    g_ptr_array_add (argv, (char *)args[k]);
  g_ptr_array_add (argv, NULL);
  command = g_strjoinv (" ", (char **)argv->pdata);
  g_test_message ("running %s", command);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL,
                                 (flags & G_SUBPROCESS_FLAGS_STDOUT_PIPE) ? &result->out : NULL,
                                 &result->err, &error);
  g_assert_no_error (error);
  result->elapsed_us = g_get_monotonic_time () - start;

  if (!g_subprocess_get_if_exited (process))
    g_error ("%s: killed by signal %d; stderr:\n%s", command,
             g_subprocess_get_term_sig (process), result->err);
  result->status = g_subprocess_get_exit_status (process);

  if (result->elapsed_us > RUN_LIMIT_US)
    g_error ("%s: took %.1f s, more than %d s", command,
             result->elapsed_us / (double)G_USEC_PER_SEC, (int)(RUN_LIMIT_US / G_USEC_PER_SEC));
}

/* run (&result, "--report=json", path, NULL) with the default options. */
G_GNUC_NULL_TERMINATED static void
run (RunResult  *result,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_argv (result, NULL, (const char * const *)args->pdata);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* The program's JSON, read strictly: a member given twice, an infinite
 * figure or a hexadecimal number fails the test (json-strict.c). */
static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = ss_json_parse_strict (text, -1, &error);

  if (node == NULL)
    g_error ("the report is not strict JSON: %s", error->message);
  return node;
}

static void
assert_status (const RunResult *result,
               int              expected)
{
  if (result->status != expected)
    g_error ("expected exit status %d, got %d; stderr:\n%s",
             expected, result->status, result->err);
}

/* The report of a successful run: exit 0, nothing on stderr. */
static void
assert_success (const RunResult *result)
{
  assert_status (result, 0);
  g_assert_cmpstr (result->err, ==, "");
  g_assert_nonnull (result->out);
  g_assert_cmpstr (result->out, !=, "");
}

/* A failed run: the status, and no partial result on stdout. */
static void
assert_failure (const RunResult *result,
                int              expected)
{
  assert_status (result, expected);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_cmpstr (result->err, !=, "");
}

static void
assert_regex (const char *text,
              const char *pattern)
{
  if (!g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0))
    g_error ("no match for /%s/ in:\n%s", pattern, text);
}

/* Shows where two long outputs part ways rather than printing both. */
static void
assert_same_output (const char *actual,
                    const char *expected,
                    const char *what)
{
  gsize k = 0;

  g_assert_nonnull (actual);
  g_assert_nonnull (expected);
  if (strcmp (actual, expected) == 0)
    return;
  while (actual[k] != '\0' && actual[k] == expected[k])
    k++;
  g_error ("%s differs from the C locale's at byte %" G_GSIZE_FORMAT ":\n"
           "  got      «%.60s»\n  expected «%.60s»",
           what, k, actual + (k > 20 ? k - 20 : 0), expected + (k > 20 ? k - 20 : 0));
}

/* NaN and infinity are not JSON; g_ascii_strtod would still read them, so
 * look at the text: outside string literals only true, false and null may
 * be spelled with letters (and e/E in exponents). */
static void
assert_no_bare_words (const char *json)
{
  for (const char *p = json; *p != '\0'; p++)
    {
      if (*p == '"')
        {
          for (p++; *p != '"'; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '\\')
                p++;
            }
        }
      else if (g_ascii_isalpha (*p))
        {
          if (strncmp (p, "true", 4) == 0 || strncmp (p, "null", 4) == 0)
            p += 3;
          else if (strncmp (p, "false", 5) == 0)
            p += 4;
          else if ((*p == 'e' || *p == 'E') && p > json && g_ascii_isdigit (p[-1]))
            continue;
          else
            g_error ("bare word in the JSON report: «%.20s»", p);
        }
    }
}

/* Fixture: a temporary folder for the files a test writes. */
typedef struct
{
  char *dir;
} TmpFixture;

static void
tmp_setup (TmpFixture    *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("supplyshift-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
tmp_teardown (TmpFixture    *fixture,
              gconstpointer  data)
{
  ss_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
tmp_write (TmpFixture *fixture,
           const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* The worked example with one of item 282520's shares lowered, so its
 * shares sum to 0.97. */
static char *
write_invalid_study (TmpFixture *fixture)
{
  const char *old = "<source country=\"KR\" share=\"0.16\"";
  g_autofree char *path = data_path ("example-study.xml");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pieces = NULL;
  g_autofree char *changed = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  pieces = g_strsplit (text, old, -1);
  g_assert_cmpuint (g_strv_length (pieces), ==, 2);
  changed = g_strjoinv ("<source country=\"KR\" share=\"0.13\"", pieces);
  return tmp_write (fixture, "shares-097.supplyshift", changed);
}

static void
test_version (void)
{
  g_auto(RunResult) result = { 0 };

  run (&result, "--version", NULL);
  assert_success (&result);
  assert_regex (result.out, "\\Asupplyshift [0-9]+\\.[0-9]+\\.[0-9]+\\n\\z");
  g_assert_cmpstr (result.out, ==, "supplyshift " PACKAGE_VERSION "\n");
}

/* Every series has one entry per year: walks the whole report and checks
 * each array except the three lists that are not series. Returns the
 * number of series seen. */
static guint
check_series (JsonNode   *node,
              const char *path,
              guint       n_years)
{
  guint count = 0;

  switch (ss_json_type (node))
    {
    case SS_JSON_NUMBER:
      if (!isfinite (ss_json_number (node)))
        g_error ("%s: %g is not a finite number", path, ss_json_number (node));
      return 0;
    case SS_JSON_ARRAY:
      {
        gboolean is_series = !g_str_equal (path, "/study/countries")
                          && !g_str_equal (path, "/scenarios")
                          && !g_str_equal (path, "/stress")
                          && !(g_str_has_prefix (path, "/scenarios/")
                               && g_str_has_suffix (path, "/items")
                               && strchr (path + strlen ("/scenarios/"), '/')
                                  == strrchr (path, '/'));

        if (is_series && ss_json_length (node) != n_years)
          g_error ("%s: %u entries, expected horizon + 1 = %u",
                   path, ss_json_length (node), n_years);
        for (guint k = 0; k < ss_json_length (node); k++)
          {
            JsonNode *child = ss_json_index (node, k);
            g_autofree char *sub = g_strdup_printf ("%s/%u", path, k);

            if (is_series && (ss_json_type (child) == SS_JSON_ARRAY
                              || ss_json_type (child) == SS_JSON_OBJECT))
              g_error ("%s: a series holds numbers, null or words", sub);
            count += check_series (child, sub, n_years);
          }
        return count + (is_series ? 1 : 0);
      }
    case SS_JSON_OBJECT:
      {
        g_autoptr(GList) keys = json_object_get_members (json_node_get_object (node));

        for (GList *l = keys; l != NULL; l = l->next)
          {
            g_autofree char *sub = g_strdup_printf ("%s/%s", path, (const char *)l->data);

            count += check_series (ss_json_get (node, l->data), sub, n_years);
          }
        return count;
      }
    case SS_JSON_NULL:
    case SS_JSON_BOOLEAN:
    case SS_JSON_STRING:
    default:
      return 0;
    }
}

static void
assert_has_members (JsonNode           *object,
                    const char         *where,
                    const char * const *keys)
{
  g_assert_nonnull (object);
  g_assert_cmpint (ss_json_type (object), ==, SS_JSON_OBJECT);
  for (guint k = 0; keys[k] != NULL; k++)
    if (ss_json_get (object, keys[k]) == NULL)
      g_error ("%s has no \"%s\"", where, keys[k]);
}

/* The cells of the stress grid: by strategy (the baseline, then the
 * strategies in report order), then by shock (none, then the shocks). */
static void
check_stress_shape (JsonNode *report,
                    guint     horizon)
{
  static const char * const cell_keys[] = {
    "strategy", "shock", "years", "total_cost", "cost_premium", "expected_shortfall_impact",
    "var95_shortfall_impact", "max_foreign_spend_share", "over_target", "npv_cost_premium", NULL
  };
  JsonNode *scenarios = ss_json_get (report, "scenarios");
  JsonNode *stress = ss_json_get (report, "stress");
  g_autoptr(GPtrArray) strategies = g_ptr_array_new ();
  g_autoptr(GPtrArray) shocks = g_ptr_array_new ();

  g_assert_nonnull (stress);
  g_assert_cmpint (ss_json_type (stress), ==, SS_JSON_ARRAY);
  g_ptr_array_add (shocks, NULL);
  for (guint s = 0; s < ss_json_length (scenarios); s++)
    {
      JsonNode *scenario = ss_json_index (scenarios, s);
      const char *kind = ss_json_string (ss_json_get (scenario, "kind"));

      g_assert_true (g_strcmp0 (kind, "strategy") == 0 || g_strcmp0 (kind, "shock") == 0);
      g_ptr_array_add (g_str_equal (kind, "shock") ? shocks : strategies,
                       (gpointer)ss_json_string (ss_json_get (scenario, "id")));
    }
  g_assert_cmpuint (ss_json_length (stress), ==, strategies->len * shocks->len);
  for (guint k = 0; k < ss_json_length (stress); k++)
    {
      JsonNode *cell = ss_json_index (stress, k);
      JsonNode *shock = ss_json_get (cell, "shock");

      assert_has_members (cell, "stress cell", cell_keys);
      g_assert_cmpuint (ss_json_length (cell), ==, g_strv_length ((char **)cell_keys));
      g_assert_cmpstr (ss_json_string (ss_json_get (cell, "strategy")), ==,
                       g_ptr_array_index (strategies, k / shocks->len));
      if (k % shocks->len == 0)
        g_assert_cmpint (ss_json_type (shock), ==, SS_JSON_NULL);
      else
        g_assert_cmpstr (ss_json_string (shock), ==, g_ptr_array_index (shocks, k % shocks->len));
      g_assert_cmpuint (ss_json_length (ss_json_get (cell, "years")), ==, horizon + 1);
      /* The baseline has no premium over itself, in any world. */
      if (k < shocks->len)
        for (guint t = 0; t <= horizon; t++)
          g_assert_cmpfloat (ss_json_number (ss_json_index (ss_json_get (cell, "cost_premium"), t)),
                             ==, 0);
    }
}

/* The shape of a report, as cli.md draws it. */
static void
check_report_shape (JsonNode *report)
{
  static const char * const portfolio_keys[] = {
    "cost", "switching_cost", "subsidy", "total_cost", "cost_premium", "hhi",
    "supply_risk", "group_hhi", "spend_share", "expected_shortfall_impact",
    "var95_shortfall_impact", "alerts", "over_target", "npv_cost_premium", "npv_subsidy", NULL
  };
  static const char * const item_keys[] = {
    "code", "name", "shares", "cost", "switching_cost", "hhi", "supply_risk",
    "group_hhi", "top_country", "alert", "expected_shortfall", "p_shortfall_10",
    "policy_target", "over_target", "target_met_year", NULL
  };
  static const char * const alert_keys[] = { "critical", "warning", "watch", NULL };
  JsonNode *scenarios = ss_json_get (report, "scenarios");
  JsonNode *countries = ss_json_path (report, "study/countries");
  guint horizon, base_year, n_series;

  g_assert_cmpstr (ss_json_string (ss_json_get (report, "format")), ==, "supplyshift-report");
  g_assert_cmpfloat (ss_json_number (ss_json_get (report, "version")), ==, 2);
  horizon = (guint)ss_json_number (ss_json_path (report, "study/horizon"));
  base_year = (guint)ss_json_number (ss_json_path (report, "study/base_year"));
  g_assert_cmpuint (horizon, >, 0);
  g_assert_nonnull (countries);
  g_assert_cmpint (ss_json_type (countries), ==, SS_JSON_ARRAY);

  g_assert_nonnull (scenarios);
  g_assert_cmpint (ss_json_type (scenarios), ==, SS_JSON_ARRAY);
  g_assert_cmpuint (ss_json_length (scenarios), >=, 1);
  g_assert_cmpstr (ss_json_string (ss_json_path (scenarios, "0/id")), ==, "baseline");
  g_assert_cmpstr (ss_json_string (ss_json_path (scenarios, "0/name")), ==, "Baseline");

  for (guint s = 0; s < ss_json_length (scenarios); s++)
    {
      JsonNode *scenario = ss_json_index (scenarios, s);
      JsonNode *years = ss_json_get (scenario, "years");
      JsonNode *items = ss_json_get (scenario, "items");

      for (guint t = 0; t < s; t++)
        g_assert_cmpstr (ss_json_string (ss_json_get (ss_json_index (scenarios, t), "id")), !=,
                         ss_json_string (ss_json_get (scenario, "id")));

      g_assert_nonnull (years);
      for (guint y = 0; y <= horizon; y++)
        g_assert_cmpfloat (ss_json_number (ss_json_index (years, y)), ==, base_year + y);
      assert_has_members (ss_json_get (scenario, "portfolio"), "portfolio", portfolio_keys);
      assert_has_members (ss_json_path (scenario, "portfolio/alerts"), "alerts", alert_keys);
      g_assert_nonnull (items);
      g_assert_cmpint (ss_json_type (items), ==, SS_JSON_ARRAY);
      for (guint i = 0; i < ss_json_length (items); i++)
        {
          JsonNode *shares = ss_json_path (ss_json_index (items, i), "shares");
          JsonNode *met = ss_json_path (ss_json_index (items, i), "target_met_year");

          assert_has_members (ss_json_index (items, i), "item", item_keys);
          g_assert_true (ss_json_type (met) == SS_JSON_NULL
                         || (ss_json_number (met) >= base_year
                             && ss_json_number (met) <= base_year + horizon));
          /* Every country, every year. */
          g_assert_cmpuint (ss_json_length (shares), ==, ss_json_length (countries));
          for (guint c = 0; c < ss_json_length (countries); c++)
            g_assert_nonnull (ss_json_get (shares, ss_json_string (ss_json_index (countries, c))));
        }
    }

  check_stress_shape (report, horizon);
  n_series = check_series (report, "", horizon + 1);
  g_test_message ("%u series of %u years", n_series, horizon + 1);
  g_assert_cmpuint (n_series, >=, ss_json_length (scenarios) * 10);
}

static void
test_report_json_sample (void)
{
  g_auto(RunResult) result = { 0 };
  g_autoptr(JsonNode) report = NULL;

  run (&result, "--report=json", NULL);
  assert_success (&result);
  assert_no_bare_words (result.out);
  report = parse_json (result.out);

  check_report_shape (report);
  g_assert_cmpstr (ss_json_string (ss_json_path (report, "study/title")), ==,
                   "Korea key materials");
  /* The baseline and the sample's four or more scenarios. */
  g_assert_cmpuint (ss_json_length (ss_json_get (report, "scenarios")), >=, 5);
  g_assert_cmpuint (ss_json_length (ss_json_path (report, "scenarios/0/items")), >, 0);
}

static void
test_report_json_file (void)
{
  static const char * const numbers[] = {
    "scenarios/0/portfolio/cost/1",
    "scenarios/1/portfolio/npv_cost_premium",
    "scenarios/1/portfolio/npv_subsidy",
    "scenarios/1/portfolio/cost_premium/6",
    "scenarios/1/portfolio/group_hhi/ASEAN/4",
    "scenarios/1/items/0/shares/ID/6",
    "scenarios/2/portfolio/var95_shortfall_impact/6",
    "scenarios/2/items/2/expected_shortfall/3",
    "scenarios/2/items/0/p_shortfall_10/6",
    NULL
  };
  static const char * const words[] = {
    "study/title", "scenarios/1/id", "scenarios/1/name", "scenarios/2/id",
    "scenarios/1/items/1/top_country/6", "scenarios/2/items/0/alert/6",
    "scenarios/0/items/2/code", NULL
  };
  g_autofree char *path = data_path ("example-study.xml");
  g_autoptr(JsonNode) expected = ss_json_load_data ("example-report.json");
  g_autoptr(JsonNode) report = NULL;
  g_auto(RunResult) result = { 0 };
  JsonNode *countries, *expected_countries;

  run (&result, "--report=json", path, NULL);
  assert_success (&result);
  assert_no_bare_words (result.out);
  report = parse_json (result.out);
  check_report_shape (report);

  g_assert_cmpuint (ss_json_length (ss_json_get (report, "scenarios")), ==,
                    ss_json_length (ss_json_get (expected, "scenarios")));
  for (guint k = 0; numbers[k] != NULL; k++)
    {
      JsonNode *a = ss_json_path (report, numbers[k]);
      double e = ss_json_number (ss_json_path (expected, numbers[k]));

      if (a == NULL || ss_json_type (a) != SS_JSON_NUMBER)
        g_error ("%s: missing or not a number", numbers[k]);
      if (!(fabs (ss_json_number (a) - e) <= MAX (1e-12, 1e-9 * fabs (e))))
        g_error ("%s: expected %.17g, got %.17g", numbers[k], e, ss_json_number (a));
    }
  for (guint k = 0; words[k] != NULL; k++)
    g_assert_cmpstr (ss_json_string (ss_json_path (report, words[k])), ==,
                     ss_json_string (ss_json_path (expected, words[k])));

  /* Countries in file order. */
  countries = ss_json_path (report, "study/countries");
  expected_countries = ss_json_path (expected, "study/countries");
  g_assert_cmpuint (ss_json_length (countries), ==, ss_json_length (expected_countries));
  for (guint k = 0; k < ss_json_length (countries); k++)
    g_assert_cmpstr (ss_json_string (ss_json_index (countries, k)), ==,
                     ss_json_string (ss_json_index (expected_countries, k)));
}

/* Splits CSV text into lines; the text must end with one newline. */
static char **
csv_lines (const char *text)
{
  char **lines;
  guint n;

  g_assert_true (g_str_has_suffix (text, "\n"));
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_clear_pointer (&lines[n - 1], g_free);
  return lines;
}

/* Header, five plain fields a row, and the keyed metrics. Returns the set
 * of metric names. */
static GHashTable *
check_csv_rows (char **lines)
{
  GHashTable *metrics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpstr (lines[0], ==, CSV_HEADER);
  for (guint k = 1; lines[k] != NULL; k++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[k], ",", -1);

      if (g_strv_length (fields) != 5)
        g_error ("line %u has %u fields, not 5: %s", k + 1, g_strv_length (fields), lines[k]);
      g_assert_null (strchr (lines[k], '\r'));
      g_assert_null (strchr (lines[k], '"'));
      g_assert_cmpstr (fields[0], !=, "");
      g_assert_cmpstr (fields[1], !=, "");
      g_assert_cmpstr (fields[3], !=, "");
      {
        g_autofree char *value = g_ascii_strdown (fields[4], -1);

        if (strstr (value, "nan") != NULL || strstr (value, "inf") != NULL)
          g_error ("line %u: %s is not a number", k + 1, lines[k]);
      }
      g_hash_table_add (metrics, g_strdup (fields[3]));
    }
  return metrics;
}

static void
assert_has_metrics (GHashTable *metrics)
{
  static const char * const required[] = {
    "share:CN", "spend_share:CN", "group_hhi:ASEAN", "alert", "top_country",
    "npv_cost_premium", "npv_subsidy", "cost", "hhi", NULL
  };

  for (guint k = 0; required[k] != NULL; k++)
    if (!g_hash_table_contains (metrics, required[k]))
      g_error ("no metric \"%s\" in the CSV report", required[k]);
}

static void
test_report_csv_sample (void)
{
  g_auto(RunResult) result = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) metrics = NULL;

  run (&result, "--report=csv", NULL);
  assert_success (&result);
  lines = csv_lines (result.out);
  metrics = check_csv_rows (lines);
  assert_has_metrics (metrics);
}

/* The CSV rows the JSON report implies, keyed "scenario,item,year,metric":
 * for each scenario, the portfolio's series × years, its two NPVs (no
 * year), and each item's series × years; keyed series (shares,
 * spend_share, group_hhi, alerts) as name:KEY, shares as share:CN. */
static void
add_expected_rows (GHashTable *rows,
                   const char *scenario,
                   const char *item,
                   JsonNode   *years,
                   const char *metric,
                   JsonNode   *node)
{
  switch (ss_json_type (node))
    {
    case SS_JSON_ARRAY:
      for (guint y = 0; y < ss_json_length (node); y++)
        g_hash_table_insert (rows,
                             g_strdup_printf ("%s,%s,%d,%s", scenario, item,
                                              (int)ss_json_number (ss_json_index (years, y)),
                                              metric),
                             ss_json_index (node, y));
      break;
    case SS_JSON_OBJECT:
      {
        g_autoptr(GList) keys = json_object_get_members (json_node_get_object (node));

        for (GList *l = keys; l != NULL; l = l->next)
          {
            g_autofree char *sub = g_strdup_printf ("%s:%s", g_str_equal (metric, "shares")
                                                             ? "share" : metric,
                                                    (const char *)l->data);

            add_expected_rows (rows, scenario, item, years, sub, ss_json_get (node, l->data));
          }
        break;
      }
    case SS_JSON_NUMBER:
    case SS_JSON_NULL:
      /* A figure of no year: an NPV, or the year an item meets its targets. */
      g_hash_table_insert (rows, g_strdup_printf ("%s,%s,,%s", scenario, item, metric), node);
      break;
    case SS_JSON_BOOLEAN:
    case SS_JSON_STRING:
    default:
      g_error ("%s %s %s: unexpected JSON %s", scenario, item, metric,
               json_node_type_name (node));
    }
}

static GHashTable *
expected_csv_rows (JsonNode *report)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *scenarios = ss_json_get (report, "scenarios");

  for (guint s = 0; s < ss_json_length (scenarios); s++)
    {
      JsonNode *scenario = ss_json_index (scenarios, s);
      const char *id = ss_json_string (ss_json_get (scenario, "id"));
      JsonNode *years = ss_json_get (scenario, "years");
      JsonNode *portfolio = ss_json_get (scenario, "portfolio");
      JsonNode *items = ss_json_get (scenario, "items");
      g_autoptr(GList) metrics = json_object_get_members (json_node_get_object (portfolio));

      for (GList *l = metrics; l != NULL; l = l->next)
        add_expected_rows (rows, id, "*", years, l->data, ss_json_get (portfolio, l->data));
      for (guint i = 0; i < ss_json_length (items); i++)
        {
          JsonNode *item = ss_json_index (items, i);
          const char *code = ss_json_string (ss_json_get (item, "code"));
          g_autoptr(GList) keys = json_object_get_members (json_node_get_object (item));

          for (GList *l = keys; l != NULL; l = l->next)
            if (!g_str_equal (l->data, "code") && !g_str_equal (l->data, "name"))
              add_expected_rows (rows, id, code, years, l->data, ss_json_get (item, l->data));
        }
    }

  /* A stress cell's rows: scenario S+K (S+ without a shock), item "*". */
  for (guint k = 0; k < ss_json_length (ss_json_get (report, "stress")); k++)
    {
      JsonNode *cell = ss_json_index (ss_json_get (report, "stress"), k);
      JsonNode *shock = ss_json_get (cell, "shock");
      JsonNode *years = ss_json_get (cell, "years");
      g_autofree char *id = g_strconcat (ss_json_string (ss_json_get (cell, "strategy")), "+",
                                         ss_json_type (shock) == SS_JSON_NULL ? ""
                                         : ss_json_string (shock), NULL);
      g_autoptr(GList) metrics = json_object_get_members (json_node_get_object (cell));

      for (GList *l = metrics; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "strategy") && !g_str_equal (l->data, "shock")
            && !g_str_equal (l->data, "years"))
          add_expected_rows (rows, id, "*", years, l->data, ss_json_get (cell, l->data));
    }
  return rows;
}

static void
test_report_csv_file (gconstpointer data)
{
  g_autofree char *path = data_path (data);
  g_auto(RunResult) csv = { 0 };
  g_auto(RunResult) json = { 0 };
  g_autoptr(JsonNode) report = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) metrics = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) lines = NULL;
  guint n_rows;

  run (&csv, "--report=csv", path, NULL);
  assert_success (&csv);
  run (&json, "--report=json", path, NULL);
  assert_success (&json);
  report = parse_json (json.out);
  expected = expected_csv_rows (report);

  lines = csv_lines (csv.out);
  metrics = check_csv_rows (lines);
  assert_has_metrics (metrics);
  n_rows = g_strv_length (lines) - 1;
  g_test_message ("%u CSV rows, %u implied by the JSON report",
                  n_rows, g_hash_table_size (expected));
  g_assert_cmpuint (n_rows, ==, g_hash_table_size (expected));

  /* Each row is one figure of the JSON report, once. */
  for (guint k = 1; lines[k] != NULL; k++)
    {
      const char *comma = strrchr (lines[k], ',');
      g_autofree char *key = g_strndup (lines[k], comma - lines[k]);
      const char *value = comma + 1;
      JsonNode *node = g_hash_table_lookup (expected, key);

      if (node == NULL)
        g_error ("CSV row %s is not a figure of the JSON report", lines[k]);
      if (!g_hash_table_add (seen, g_strdup (key)))
        g_error ("CSV row %s appears twice", key);
      if (ss_json_type (node) == SS_JSON_STRING)
        g_assert_cmpstr (value, ==, ss_json_string (node));
      else if (ss_json_type (node) == SS_JSON_NULL)
        g_assert_cmpstr (value, ==, "");
      else if (ss_json_type (node) == SS_JSON_BOOLEAN)
        g_assert_cmpstr (value, ==, json_node_get_boolean (node) ? "true" : "false");
      else
        {
          double figure = ss_json_number (node);
          char *end = NULL;
          double v = g_ascii_strtod (value, &end);

          if (end == value || *end != '\0' || !isfinite (v)
              || !(fabs (v - figure) <= 1e-15 * fabs (figure)))
            g_error ("CSV row %s: JSON has %.17g", lines[k], figure);
        }
    }
}

/* The v2 worked example's grid on the command line: the spec's figures,
 * cell by cell. */
static void
test_report_stress (void)
{
  g_autofree char *path = data_path ("example-v2-study.xml");
  g_autoptr(JsonNode) expected = ss_json_load_data ("example-v2-report.json");
  g_autoptr(JsonNode) report = NULL;
  g_auto(RunResult) result = { 0 };
  JsonNode *cells, *expected_cells;

  run (&result, "--report=json", path, NULL);
  assert_success (&result);
  report = parse_json (result.out);
  check_report_shape (report);
  cells = ss_json_get (report, "stress");
  expected_cells = ss_json_get (expected, "stress");
  g_assert_cmpuint (ss_json_length (cells), ==, 6);
  g_assert_cmpuint (ss_json_length (cells), ==, ss_json_length (expected_cells));
  for (guint k = 0; k < ss_json_length (cells); k++)
    {
      static const char * const series[] = {
        "total_cost", "cost_premium", "expected_shortfall_impact", "var95_shortfall_impact",
        "max_foreign_spend_share", "over_target", NULL
      };
      JsonNode *cell = ss_json_index (cells, k), *want = ss_json_index (expected_cells, k);
      double npv = ss_json_number (ss_json_get (want, "npv_cost_premium"));

      for (guint m = 0; series[m] != NULL; m++)
        for (guint t = 0; t < ss_json_length (ss_json_get (want, series[m])); t++)
          {
            double e = ss_json_number (ss_json_index (ss_json_get (want, series[m]), t));
            double a = ss_json_number (ss_json_index (ss_json_get (cell, series[m]), t));

            if (!(fabs (a - e) <= MAX (1e-12, 1e-9 * fabs (e))))
              g_error ("stress/%u/%s/%u: expected %.17g, got %.17g", k, series[m], t, e, a);
          }
      g_assert_cmpfloat_with_epsilon (ss_json_number (ss_json_get (cell, "npv_cost_premium")), npv,
                                      MAX (1e-12, 1e-9 * fabs (npv)));
    }
}

/* The CSV rows of one run, "scenario,item,year,metric" → value. */
static GHashTable *
csv_rows (const char *text)
{
  GHashTable *rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = csv_lines (text);

  g_assert_cmpstr (lines[0], ==, CSV_HEADER);
  for (guint k = 1; lines[k] != NULL; k++)
    {
      const char *comma = strrchr (lines[k], ',');

      g_hash_table_insert (rows, g_strndup (lines[k], comma - lines[k]), g_strdup (comma + 1));
    }
  return rows;
}

/* --scenario=ID: the baseline and ID, and the stress cells whose strategy
 * or shock is ID. Every row is the whole report's, and the reports of
 * every ID together make the whole report. */
static void
test_report_scenario (void)
{
  static const struct
  {
    const char *id;
    const char *scenarios[3];
    const char *cells[4];
  } cases[] = {
    { "baseline", { "baseline", NULL }, { "baseline+", "baseline+china-shock", "baseline+asean-costs" } },
    { "vietnam-plus", { "baseline", "vietnam-plus", NULL },
      { "vietnam-plus+", "vietnam-plus+china-shock", "vietnam-plus+asean-costs" } },
    { "china-shock", { "baseline", "china-shock", NULL },
      { "baseline+china-shock", "vietnam-plus+china-shock" } },
    { "asean-costs", { "baseline", "asean-costs", NULL },
      { "baseline+asean-costs", "vietnam-plus+asean-costs" } },
  };
  g_autofree char *path = data_path ("example-v2-study.xml");
  g_auto(RunResult) whole = { 0 };
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  run (&whole, "--report=csv", path, NULL);
  assert_success (&whole);
  all = csv_rows (whole.out);

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *option = g_strconcat ("--scenario=", cases[k].id, NULL);
      g_auto(RunResult) json = { 0 };
      g_auto(RunResult) csv = { 0 };
      g_autoptr(JsonNode) report = NULL;
      g_autoptr(GHashTable) rows = NULL;
      GHashTableIter iter;
      gpointer key, value;
      JsonNode *scenarios, *stress;
      guint n_cells = 0;

      run (&json, "--report=json", option, path, NULL);
      assert_success (&json);
      report = parse_json (json.out);
      scenarios = ss_json_get (report, "scenarios");
      stress = ss_json_get (report, "stress");
      for (guint s = 0; s < G_N_ELEMENTS (cases[k].scenarios) && cases[k].scenarios[s] != NULL; s++)
        g_assert_cmpstr (ss_json_string (ss_json_path (ss_json_index (scenarios, s), "id")), ==,
                         cases[k].scenarios[s]);
      while (n_cells < G_N_ELEMENTS (cases[k].cells) && cases[k].cells[n_cells] != NULL)
        n_cells++;
      g_assert_cmpuint (ss_json_length (stress), ==, n_cells);
      for (guint c = 0; c < n_cells; c++)
        {
          JsonNode *cell = ss_json_index (stress, c);
          JsonNode *shock = ss_json_get (cell, "shock");
          g_autofree char *id = g_strconcat (ss_json_string (ss_json_get (cell, "strategy")), "+",
                                             ss_json_type (shock) == SS_JSON_NULL ? ""
                                             : ss_json_string (shock), NULL);

          g_assert_cmpstr (id, ==, cases[k].cells[c]);
        }

      run (&csv, "--report=csv", option, path, NULL);
      assert_success (&csv);
      rows = csv_rows (csv.out);
      g_hash_table_iter_init (&iter, rows);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          const char *in_whole = g_hash_table_lookup (all, key);

          if (in_whole == NULL)
            g_error ("--scenario=%s: row %s is not in the whole report", cases[k].id, (char *)key);
          g_assert_cmpstr (value, ==, in_whole);
          g_hash_table_add (covered, g_strdup (key));
        }
    }
  g_assert_cmpuint (g_hash_table_size (covered), ==, g_hash_table_size (all));
}

static void
test_validate_ok (void)
{
  g_autofree char *path = data_path ("example-study.xml");
  g_autofree char *line = g_strdup_printf ("%s: ok\n", path);
  g_autofree char *srcdir = data_path (".");
  const char * const relative[] = { "--validate", "example-study.xml", NULL };
  RunOptions in_data = { .cwd = srcdir };
  g_auto(RunResult) result = { 0 };
  g_auto(RunResult) result_relative = { 0 };

  run (&result, "--validate", path, NULL);
  assert_success (&result);
  g_assert_cmpstr (result.out, ==, line);

  /* The path as given, not made absolute. */
  run_argv (&result_relative, &in_data, relative);
  assert_success (&result_relative);
  g_assert_cmpstr (result_relative.out, ==, "example-study.xml: ok\n");
}

static void
test_validate_sample (void)
{
  g_auto(RunResult) result = { 0 };

  run (&result, "--validate", NULL);
  assert_success (&result);
  g_assert_true (g_str_has_suffix (result.out, ": ok\n"));
  /* One line. */
  g_assert_true (strchr (result.out, '\n') == result.out + strlen (result.out) - 1);
}

static void
test_validate_invalid (TmpFixture    *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = write_invalid_study (fixture);
  g_autofree char *escaped = g_regex_escape_string (path, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s:[0-9]+: error: item 282520: "
                                              "shares sum to 0\\.97, expected 1$", escaped);
  g_auto(RunResult) result = { 0 };

  run (&result, "--validate", path, NULL);
  assert_failure (&result, 2);
  assert_regex (result.err, pattern);
}

static void
test_report_invalid (TmpFixture    *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = write_invalid_study (fixture);
  g_auto(RunResult) json = { 0 };
  g_auto(RunResult) csv = { 0 };

  run (&json, "--report=json", path, NULL);
  assert_failure (&json, 2);
  g_assert_nonnull (strstr (json.err, "shares sum to 0.97"));
  run (&csv, "--report=csv", path, NULL);
  assert_failure (&csv, 2);
}

static void
test_missing_file (TmpFixture    *fixture,
                   gconstpointer  data)
{
  static const char * const modes[] = { "--validate", "--report=json", "--report=csv", NULL };
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-study.supplyshift", NULL);

  for (guint k = 0; modes[k] != NULL; k++)
    {
      g_auto(RunResult) result = { 0 };

      run (&result, modes[k], path, NULL);
      assert_failure (&result, 2);
      g_assert_nonnull (strstr (result.err, path));
    }
}

static void
test_folder_as_file (TmpFixture    *fixture,
                     gconstpointer  data)
{
  g_auto(RunResult) result = { 0 };

  run (&result, "--report=json", fixture->dir, NULL);
  assert_failure (&result, 2);
  g_assert_nonnull (strstr (result.err, fixture->dir));
}

/* Files that try to make the parser read something else or blow up. */
typedef struct
{
  const char *name;
  const char *text;
  gboolean    has_doctype;
} HostileCase;

static const HostileCase hostile_cases[] = {
  { "external-entity",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE study [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<study version=\"1\">\n"
    "  <meta>\n"
    "    <title>&xxe;</title>\n"
    "    <base-year>2024</base-year>\n"
    "    <horizon>6</horizon>\n"
    "    <home>KR</home>\n"
    "  </meta>\n"
    "</study>\n",
    TRUE },
  { "entity-expansion",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE study [\n"
    "  <!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
    "  <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
    "  <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
    "  <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
    "  <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
    "  <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
    "]>\n"
    "<study version=\"1\"><meta><title>&f;</title></meta></study>\n",
    TRUE },
  { "xinclude",
    "<?xml version=\"1.0\"?>\n"
    "<study version=\"1\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n"
    "  <meta>\n"
    "    <title><xi:include href=\"/etc/passwd\" parse=\"text\"/></title>\n"
    "    <base-year>2024</base-year>\n"
    "    <horizon>6</horizon>\n"
    "    <home>KR</home>\n"
    "  </meta>\n"
    "</study>\n",
    FALSE },
};

static void
test_hostile (TmpFixture    *fixture,
              gconstpointer  data)
{
  const HostileCase *hostile = data;
  g_autofree char *path = tmp_write (fixture, "hostile.supplyshift", hostile->text);
  static const char * const modes[] = { "--validate", "--report=json", NULL };

  for (guint k = 0; modes[k] != NULL; k++)
    {
      g_auto(RunResult) result = { 0 };

      run (&result, modes[k], path, NULL);
      assert_failure (&result, 2);
      if (hostile->has_doctype)
        g_assert_nonnull (strstr (result.err, "DOCTYPE"));
      g_assert_null (strstr (result.err, "root:"));
      g_assert_null (strstr (result.out, "root:"));
      g_assert_cmpint (result.elapsed_us, <, SLOWDOWN * 2 * G_USEC_PER_SEC);
    }
}

/* --sensitivity: the tornado as the report's last member, every input
 * once, ranked, its figure the report's own. */
static void
test_report_sensitivity (void)
{
  g_auto(RunResult) result = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *report, *s, *scenario;
  JsonArray *inputs;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double previous = INFINITY;
  g_autofree char *v1 = data_path ("example-study.xml");
  g_auto(RunResult) refused = { 0 };

  run (&result, "--report=json", "--sensitivity", "--scenario=china-plus-one", "--variation=10", NULL);
  assert_success (&result);
  root = parse_json (result.out);
  report = json_node_get_object (root);
  g_assert_true (json_object_has_member (report, "stress"));
  s = json_object_get_object_member (report, "sensitivity");
  g_assert_nonnull (s);
  g_assert_cmpstr (json_object_get_string_member (s, "scenario"), ==, "china-plus-one");
  g_assert_cmpstr (json_object_get_string_member (s, "figure"), ==, "premium");
  g_assert_true (json_object_get_null_member (s, "year"));
  g_assert_cmpfloat (json_object_get_double_member (s, "variation"), ==, 0.1);
  /* The figure is the scenario's NPV premium, as the report gives it. */
  scenario = json_array_get_object_element (json_object_get_array_member (report, "scenarios"), 1);
  g_assert_cmpstr (json_object_get_string_member (scenario, "id"), ==, "china-plus-one");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (s, "value"),
                                  json_object_get_double_member (json_object_get_object_member (scenario, "portfolio"),
                                                                 "npv_cost_premium"), 1e-9);
  inputs = json_object_get_array_member (s, "inputs");
  /* Every country's 9 attributes, 3 of each item's, 3 levers. */
  g_assert_cmpuint (json_array_get_length (inputs), ==,
                    json_array_get_length (json_object_get_array_member (json_object_get_object_member (report, "study"),
                                                                          "countries")) * 9
                    + json_array_get_length (json_object_get_array_member (scenario, "items")) * 3 + 3);
  for (guint k = 0; k < json_array_get_length (inputs); k++)
    {
      JsonObject *in = json_array_get_object_element (inputs, k);
      const char *kind = json_object_get_string_member (in, "kind");
      const char *code = json_object_get_null_member (in, "code") ? "" : json_object_get_string_member (in, "code");
      double swing = json_object_get_double_member (in, "swing");
      double low = json_object_get_double_member (in, "low"), high = json_object_get_double_member (in, "high");
      char *key = g_strdup_printf ("%s/%s/%s", kind, code, json_object_get_string_member (in, "attribute"));

      g_assert_true (g_str_equal (kind, "country") || g_str_equal (kind, "item") || g_str_equal (kind, "lever"));
      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
      g_assert_cmpfloat_with_epsilon (swing, fabs (high - low), 1e-9 * MAX (1, swing));
      g_assert_cmpfloat (swing, <=, previous);
      previous = swing;
      g_assert_true (json_object_has_member (in, "low_clamped"));
      g_assert_true (json_object_has_member (in, "high_clamped"));
    }
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (inputs, 0), "swing"), >, 0);

  /* The worked example of version 1 has no policy target: no largest share. */
  run (&refused, "--report=json", "--sensitivity", "--figure=max-share", v1, NULL);
  assert_failure (&refused, 2);
  g_assert_nonnull (strstr (refused.err, "policy target"));
}

/* --brief. The PDF's pages, text and fonts as poppler-utils read them. */
static char *
run_tool (const char *tool,
          const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  const char *argv[] = { program, path, tool[3] == 't' ? "-" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (program == NULL)
    return NULL;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  const char *line = info != NULL ? strstr (info, "\nPages:") : NULL;

  g_assert_nonnull (line);
  return (guint)g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

/* Every font of the PDF is embedded; the names of those it uses. */
static char *
pdf_fonts (const char *path)
{
  g_autofree char *fonts = run_tool ("pdffonts", path);
  g_auto(GStrv) lines = NULL;
  GString *names = g_string_new (NULL);

  g_assert_nonnull (fonts);
  lines = g_strsplit (fonts, "\n", -1);
  /* Two lines of heads, then one line a font: name type encoding emb sub uni. */
  for (guint k = 2; lines[k] != NULL && lines[k][0] != '\0'; k++)
    {
      g_auto(GStrv) f = g_strsplit_set (g_strstrip (lines[k]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint j = 0; f[j] != NULL; j++)
        if (f[j][0] != '\0')
          g_ptr_array_add (words, f[j]);
      g_assert_cmpuint (words->len, >=, 7);
      g_test_message ("font %s", lines[k]);
      /* emb is the fourth from the end: emb sub uni object-id (two words). */
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      g_string_append_printf (names, "%s\n", (char *)g_ptr_array_index (words, 0));
    }
  return g_string_free (names, FALSE);
}

static gboolean
have_poppler (void)
{
  g_autofree char *info = g_find_program_in_path ("pdfinfo");
  g_autofree char *text = g_find_program_in_path ("pdftotext");
  g_autofree char *fonts = g_find_program_in_path ("pdffonts");

  if (info == NULL || text == NULL || fonts == NULL)
    {
      g_test_skip ("poppler-utils is missing: the briefing pack is not read back");
      return FALSE;
    }
  return TRUE;
}

/* The sample's pack: its pages, every section and item named, every font
 * embedded, the same bytes from a second run. */
static void
test_brief_sample (TmpFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "brief.pdf", NULL);
  g_autofree char *again = g_build_filename (fixture->dir, "again.pdf", NULL);
  g_autofree char *arg = g_strconcat ("--brief=", out, NULL);
  g_autofree char *arg2 = g_strconcat ("--brief=", again, NULL);
  g_autofree char *text = NULL, *fonts = NULL, *a = NULL, *b = NULL;
  g_auto(RunResult) result = { 0 };
  g_auto(RunResult) second = { 0 };
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  gsize la, lb;
  guint strategies = 0;

  run (&result, arg, NULL);
  assert_status (&result, 0);
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpstr (result.err, ==, "");
  run (&second, arg2, NULL);
  assert_status (&second, 0);
  g_assert_true (g_file_get_contents (out, &a, &la, NULL));
  g_assert_true (g_file_get_contents (again, &b, &lb, NULL));
  g_assert_true (g_str_has_prefix (a, "%PDF-"));
  g_assert_cmpuint (la, ==, lb);
  g_assert_true (memcmp (a, b, la) == 0);
  /* No clock in it: the metadata dates are fixed for the built-in sample. */
  g_assert_true (ss_test_bytes_contain (a, la, "/CreationDate (20000101000000Z)"));

  if (!have_poppler ())
    return;
  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    strategies += ss_study_get_scenario (study, s)->kind == SS_SCENARIO_STRATEGY;
  /* Cover, summary, stress grid, a page a strategy, two items a page, the
   * alert timeline, and at least one page of sources. */
  g_assert_cmpuint (pdf_pages (out), >=, 3 + strategies + (ss_study_get_n_items (study) + 1) / 2 + 2);
  text = run_tool ("pdftotext", out);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Briefing pack"));
  g_assert_nonnull (strstr (text, ss_study_get_meta (study)->title));
  g_assert_nonnull (strstr (text, "Summary"));
  g_assert_nonnull (strstr (text, "Strategies under shocks"));
  g_assert_nonnull (strstr (text, "Alert timeline"));
  g_assert_nonnull (strstr (text, "Assumptions and sources"));
  g_assert_nonnull (strstr (text, "Meets the policy targets"));
  /* Natural graphite has more alerts than its half page holds: the last
   * line says how many more, where the list once ran into the rule
   * under the half page. */
  g_assert_nonnull (strstr (text, "more in the alert timeline"));
  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    if (ss_study_get_scenario (study, s)->kind == SS_SCENARIO_STRATEGY)
      {
        g_autofree char *title = g_strdup_printf ("Strategy: %s", ss_study_get_scenario (study, s)->name);

        g_assert_nonnull (strstr (text, title));
      }
  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    g_assert_nonnull (strstr (text, ss_study_get_item (study, i)->code));
  fonts = pdf_fonts (out);
  g_assert_cmpstr (fonts, !=, "");
}

/* Korean names in the study: the Hangul is in the text and its font is
 * embedded; --lang=ko takes the Korean catalogue where there is one; a
 * date from SOURCE_DATE_EPOCH is on the cover and in the metadata. */
static void
test_brief_korean (TmpFixture    *fixture,
                   gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                   "korea-key-materials.supplyshift", NULL);
  g_autofree char *source = NULL, *korean = NULL, *study = NULL, *out = NULL, *arg = NULL;
  g_autofree char *text = NULL, *fonts = NULL, *contents = NULL;
  const char *env[] = {
    "SOURCE_DATE_EPOCH=1764547200",                                 /* 2025-12-01 */
#ifdef BUILD_LOCALEDIR
    "SUPPLYSHIFT_LOCALEDIR=" BUILD_LOCALEDIR,
#endif
    NULL
  };
  RunOptions options = { .env = env };
  const char *args[4] = { NULL };
  g_auto(RunResult) result = { 0 };
  gsize length;

  g_assert_true (g_file_get_contents (sample, &source, NULL, NULL));
  korean = ss_test_mutate (source, "name=\"Lithium hydroxide\"", "name=\"수산화리튬\"");
  study = tmp_write (fixture, "korean.supplyshift", korean);
  out = g_build_filename (fixture->dir, "brief.pdf", NULL);
  arg = g_strconcat ("--brief=", out, NULL);
  args[0] = arg;
  args[1] = "--lang=ko";
  args[2] = study;
  run_argv (&result, &options, args);
  assert_status (&result, 0);
  g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
  g_assert_true (ss_test_bytes_contain (contents, length, "/CreationDate (20251201"));

  if (!have_poppler ())
    return;
  text = run_tool ("pdftotext", out);
  g_assert_nonnull (strstr (text, "수산화리튬"));
  g_assert_nonnull (strstr (text, "2025-12-01"));
#ifdef BUILD_LOCALEDIR
  /* The Korean catalogue's words, in the C locale of this test. */
  g_assert_nonnull (strstr (text, "기준 시나리오"));
#endif
  fonts = pdf_fonts (out);
  g_test_message ("%s", fonts);
  g_assert_nonnull (strstr (fonts, "CJK"));
}

/* A folder that is not there: exit 3 and no file; not a .pdf: exit 1. */
static void
test_brief_failures (TmpFixture    *fixture,
                     gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", "brief.pdf", NULL);
  g_autofree char *arg = g_strconcat ("--brief=", missing, NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "brief.txt", NULL);
  g_autofree char *arg_txt = g_strconcat ("--brief=", txt, NULL);
  g_auto(RunResult) result = { 0 };
  g_auto(RunResult) usage = { 0 };
  g_auto(RunResult) lang = { 0 };

  run (&result, arg, NULL);
  assert_failure (&result, 3);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  run (&usage, arg_txt, NULL);
  assert_failure (&usage, 1);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  run (&lang, "--report=json", "--lang=ko", NULL);
  assert_failure (&lang, 1);
}

/* Bad command lines: exit 1 and nothing on stdout. */
typedef struct
{
  const char *name;
  const char *args[4];                 /* "EXAMPLE" stands for the worked example */
} UsageCase;

static const UsageCase usage_cases[] = {
  { "report-xml",           { "--report=xml", NULL } },
  { "report-empty",         { "--report=", NULL } },
  { "report-no-argument",   { "--report", NULL } },
  { "unknown-option",       { "--bogus-option", NULL } },
  { "validate-and-report",  { "--validate", "--report=json", NULL } },
  { "version-and-report",   { "--version", "--report=csv", NULL } },
  { "two-files",            { "--validate", "EXAMPLE", "EXAMPLE", NULL } },
  { "two-files-report",     { "--report=json", "EXAMPLE", "EXAMPLE", NULL } },
  { "chart-alone",          { "--chart=mix", NULL } },
  { "footer-alone",         { "--footer", NULL } },
  { "footer-report",        { "--report=json", "--footer", NULL } },
  { "figure-unknown",       { "--export=x.svg", "--chart=tornado", "--figure=cost", NULL } },
  { "variation-zero",       { "--export=x.svg", "--chart=tornado", "--variation=0", NULL } },
  { "variation-word",       { "--export=x.svg", "--chart=tornado", "--variation=ten", NULL } },
  { "variation-hundred",    { "--report=json", "--sensitivity", "--variation=100", NULL } },
  { "figure-with-mix",      { "--export=x.svg", "--chart=mix", "--figure=premium", NULL } },
  { "figure-with-report",   { "--report=json", "--figure=premium", NULL } },
  { "sensitivity-csv",      { "--report=csv", "--sensitivity", NULL } },
  { "sensitivity-export",   { "--export=x.svg", "--chart=tornado", "--sensitivity", NULL } },
  { "chart-with-report",    { "--report=json", "--chart=mix", NULL } },
  { "scenario-with-validate", { "--validate", "--scenario=baseline", NULL } },
  { "scenario-alone",       { "--scenario=baseline", NULL } },
  { "report-no-such-scenario", { "--report=json", "--scenario=no-such-scenario", "EXAMPLE" } },
  { "report-scenario-by-name", { "--report=csv", "--scenario=Baseline", "EXAMPLE" } },
  { "item-with-report",     { "--report=json", "--item=282520", NULL } },
  { "width-not-a-number",   { "--report=json", "--width=wide", NULL } },
};

static void
test_usage (gconstpointer data)
{
  const UsageCase *usage = data;
  g_autofree char *example = data_path ("example-study.xml");
  const char *args[G_N_ELEMENTS (usage->args)] = { NULL };
  g_auto(RunResult) result = { 0 };

  for (guint k = 0; usage->args[k] != NULL; k++)
    args[k] = g_str_equal (usage->args[k], "EXAMPLE") ? example : usage->args[k];
  run_argv (&result, NULL, args);
  assert_failure (&result, 1);
}

/* --export. Each run must write OUT and nothing to stdout or stderr. */
static void
assert_exported (const RunResult *result,
                 const char      *path)
{
  assert_status (result, 0);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_cmpstr (result->err, ==, "");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* A failed export: the status, a message, nothing on stdout, and no file
 * left in the folder other than those named in keep. */
static void
assert_not_exported (const RunResult    *result,
                     int                 status,
                     const char         *dir,
                     const char * const *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  assert_failure (result, status);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (keep == NULL || !g_strv_contains (keep, name))
      g_error ("a failed export left %s in %s", name, dir);
}

static void
read_png_size (const char *path,
               guint      *width,
               guint      *height)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  const guchar *p;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 24);
  p = (const guchar *)data;
  g_assert_true (memcmp (p, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_assert_true (memcmp (p + 12, "IHDR", 4) == 0);
  *width = (guint)p[16] << 24 | (guint)p[17] << 16 | (guint)p[18] << 8 | p[19];
  *height = (guint)p[20] << 24 | (guint)p[21] << 16 | (guint)p[22] << 8 | p[23];
}

/* Every chart in every format, from the sample and the worked example. */
static void
test_export_charts (TmpFixture    *fixture,
                    gconstpointer  data)
{
  static const char * const charts[] = {
    "mix", "cost", "risk", "frontier", "heatmap", "compare", "stress", "tornado", NULL
  };
  static const char * const exts[] = { "svg", "png", "PDF", "csv", NULL };
  g_autofree char *example = data_path ("example-study.xml");
  const char *files[] = { NULL, example };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    for (guint c = 0; charts[c] != NULL; c++)
      for (guint e = 0; exts[e] != NULL; e++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%u.%s", charts[c], f, exts[e]);
          g_autofree char *out = g_build_filename (fixture->dir, name, NULL);
          g_autofree char *export = g_strconcat ("--export=", out, NULL);
          g_autofree char *chart = g_strconcat ("--chart=", charts[c], NULL);
          g_autofree char *contents = NULL;
          const char * const args[] = { export, chart, files[f], NULL };
          g_auto(RunResult) result = { 0 };
          gsize length = 0;

          run_argv (&result, NULL, args);
          assert_exported (&result, out);
          g_file_get_contents (out, &contents, &length, NULL);
          if (e == 3)
            {
              /* Data, not a picture: short for the compare chart of a small study. */
              g_assert_cmpuint (length, >, 100);
              g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf"));
              g_assert_true (g_utf8_validate (contents, length, NULL));
              continue;
            }
          g_assert_cmpuint (length, >, 1000);
          if (e == 0)
            g_assert_nonnull (strstr (contents, "<svg"));
          else if (e == 1)
            g_assert_true (memcmp (contents, "\x89PNG", 4) == 0);
          else
            g_assert_true (g_str_has_prefix (contents, "%PDF-"));
        }
}

/* The default chart, size and scenario; the size, scenario and item options. */
static void
test_export_options (TmpFixture    *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  g_auto(RunResult) plain = { 0 };
  g_auto(RunResult) sized = { 0 };
  g_auto(RunResult) baseline = { 0 };
  g_auto(RunResult) scenario = { 0 };
  g_auto(RunResult) item = { 0 };
  g_auto(RunResult) frontier = { 0 };
  guint width, height;

  run (&plain, export, NULL);
  assert_exported (&plain, out);
  read_png_size (out, &width, &height);
  g_assert_cmpuint (width, ==, 960);
  g_assert_cmpuint (height, ==, 600);

  run (&sized, export, "--width=400", "--height=10000", NULL);
  assert_exported (&sized, out);
  read_png_size (out, &width, &height);
  g_assert_cmpuint (width, ==, 400);
  g_assert_cmpuint (height, ==, 10000);

  run (&baseline, export, "--scenario=baseline", "--chart=cost", NULL);
  assert_exported (&baseline, out);
  run (&scenario, export, "--scenario=reshoring", "--chart=risk", NULL);
  assert_exported (&scenario, out);
  run (&item, export, "--item=282520", "--chart=mix", "--width=1", "--height=1", NULL);
  assert_exported (&item, out);
  read_png_size (out, &width, &height);
  g_assert_cmpuint (width, ==, 1);
  run (&frontier, export, "--item=8110", "--chart=frontier", NULL);
  assert_exported (&frontier, out);

  /* --footer: the study's title, the day of SOURCE_DATE_EPOCH, the source. */
  {
    g_autofree char *svg = g_build_filename (fixture->dir, "chart.svg", NULL);
    g_autofree char *svg_export = g_strconcat ("--export=", svg, NULL);
    g_auto(RunResult) footer = { 0 };
    g_autofree char *contents = NULL;

    g_setenv ("SOURCE_DATE_EPOCH", "1773489600", TRUE);          /* 2026-03-14 12:00 UTC */
    run (&footer, svg_export, "--footer", NULL);
    g_unsetenv ("SOURCE_DATE_EPOCH");
    assert_exported (&footer, svg);
    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "2026-03-14"));
    g_assert_nonnull (strstr (contents, "Source: "));
  }
}

/* A bad command line is status 1, before anything is written. */
static void
test_export_usage (TmpFixture    *fixture,
                   gconstpointer  data)
{
  static const char * const cases[][3] = {
    { "chart.svg", "--chart=pie", NULL },
    { "chart.svg", "--chart=", NULL },
    { "chart.jpg", NULL, NULL },
    { "chart", NULL, NULL },
    { "chart.svg.tmp", NULL, NULL },
    { "chart.png", "--width=0", NULL },
    { "chart.png", "--width=-5", NULL },
    { "chart.png", "--height=0", NULL },
    { "chart.png", "--height=10001", NULL },
    { "chart.png", "--width=10001", NULL },
    { "chart.svg", "--scenario=no-such-scenario", NULL },
    { "chart.svg", "--scenario=Baseline", NULL },
    { "chart.svg", "--item=999999", NULL },
    { "chart.svg", "--item=282520", "--scenario=nope" },
    { "chart.svg", "--report=json", NULL },
    { "chart.svg", "--validate", NULL },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *out = g_build_filename (fixture->dir, cases[k][0], NULL);
      g_autofree char *export = g_strconcat ("--export=", out, NULL);
      const char * const args[] = { export, cases[k][1], cases[k][2], NULL };
      g_auto(RunResult) result = { 0 };

      run_argv (&result, NULL, args);
      assert_not_exported (&result, 1, fixture->dir, NULL);
    }
}

/* An invalid or missing study is status 2, and no file. */
static void
test_export_invalid_study (TmpFixture    *fixture,
                           gconstpointer  data)
{
  g_autofree char *study = write_invalid_study (fixture);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.supplyshift", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  const char * const keep[] = { "shares-097.supplyshift", NULL };
  g_auto(RunResult) invalid = { 0 };
  g_auto(RunResult) absent = { 0 };

  run (&invalid, export, study, NULL);
  assert_not_exported (&invalid, 2, fixture->dir, keep);
  g_assert_nonnull (strstr (invalid.err, "shares sum to 0.97"));
  run (&absent, export, missing, NULL);
  assert_not_exported (&absent, 2, fixture->dir, keep);
}

/* OUT cannot be written: status 3, a message naming it, and no partial
 * file, neither OUT nor a temporary next to it. */
static void
test_export_write_failure (TmpFixture    *fixture,
                           gconstpointer  data)
{
  static const char * const formats[] = { "svg", "png", "pdf", NULL };

  for (guint k = 0; formats[k] != NULL; k++)
    {
      g_autofree char *name = g_strdup_printf ("chart.%s", formats[k]);
      g_autofree char *in_missing = g_build_filename (fixture->dir, "no-such-folder", name, NULL);
      g_autofree char *folder = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *export_missing = g_strconcat ("--export=", in_missing, NULL);
      g_autofree char *export_folder = g_strconcat ("--export=", folder, NULL);
      const char * const keep[] = { name, NULL };
      g_auto(RunResult) missing = { 0 };
      g_auto(RunResult) taken = { 0 };

      run (&missing, export_missing, "--chart=heatmap", NULL);
      assert_not_exported (&missing, 3, fixture->dir, NULL);
      g_assert_nonnull (strstr (missing.err, in_missing));

      /* A folder holds the name: the chart is written, then cannot take it. */
      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      run (&taken, export_folder, NULL);
      assert_not_exported (&taken, 3, fixture->dir, keep);
      g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
      g_rmdir (folder);
    }
}

/* A full disk: status 3 and a message, not a silent truncated report. */
static void
test_write_failure (void)
{
  static const char * const modes[] = { "--report=json", "--report=csv", "--validate",
                                        "--version", NULL };
  RunOptions to_full = { .stdout_path = "/dev/full" };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full here");
      return;
    }
  for (guint k = 0; modes[k] != NULL; k++)
    {
      const char * const args[] = { modes[k], NULL };
      g_auto(RunResult) result = { 0 };

      run_argv (&result, &to_full, args);
      assert_status (&result, 3);
      g_assert_nonnull (strstr (result.err, "cannot write"));
    }
}

static gboolean
have_locale (const char *wanted)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) names = NULL;
  int status = 0;

  if (!g_spawn_command_line_sync ("locale -a", &out, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  names = g_strsplit (out, "\n", -1);
  for (guint k = 0; names[k] != NULL; k++)
    if (g_ascii_strcasecmp (names[k], wanted) == 0)
      return TRUE;
  return FALSE;
}

/* Runs --report=FORMAT [FILE] in the given environment; returns stdout. */
static char *
report_in (const char * const *env,
           const char         *format,
           const char         *file)
{
  g_autofree char *option = g_strconcat ("--report=", format, NULL);
  const char * const args[] = { option, file, NULL };
  RunOptions options = { .env = env };
  g_auto(RunResult) result = { 0 };

  run_argv (&result, &options, args);
  assert_success (&result);
  return g_steal_pointer (&result.out);
}

static void
compare_locales (const char * const *env,
                 const char         *what)
{
  static const char * const c_env[] = { "LC_ALL=C", "LANG=C", NULL };
  static const char * const formats[] = { "json", "csv", NULL };
  g_autofree char *example = data_path ("example-study.xml");

  for (guint k = 0; formats[k] != NULL; k++)
    {
      const char *files[] = { NULL, example };

      for (guint f = 0; f < G_N_ELEMENTS (files); f++)
        {
          g_autofree char *in_c = report_in (c_env, formats[k], files[f]);
          g_autofree char *in_other = report_in (env, formats[k], files[f]);
          g_autofree char *label = g_strdup_printf ("--report=%s %s %s", formats[k],
                                                    files[f] ? files[f] : "(sample)", what);

          assert_same_output (in_other, in_c, label);
        }
    }
}

/* A comma-decimal locale must not leak into the numbers. */
static void
test_locale_comma_decimal (void)
{
  static const char * const de_env[] = { "LC_ALL=de_DE.UTF-8", "LANG=de_DE.UTF-8", NULL };

  if (!have_locale ("de_DE.utf8") && !have_locale ("de_DE.UTF-8"))
    {
      if (g_getenv ("CI") != NULL)
        g_error ("CI must provide the de_DE.UTF-8 locale (build-aux/install-deps.sh makes it)");
      g_test_skip ("no de_DE.UTF-8 locale here");
      return;
    }
  compare_locales (de_env, "under de_DE.UTF-8");
}

/* --export=OUT.csv: the compare chart's data, its numbers the report's to
 * the last bit, the same file in a comma-decimal locale. */
static void
test_export_csv (TmpFixture    *fixture,
                 gconstpointer  data)
{
  static const char * const de_env[] = { "LC_ALL=de_DE.UTF-8", "LANG=de_DE.UTF-8", NULL };
  g_autofree char *out = g_build_filename (fixture->dir, "compare.csv", NULL);
  g_autofree char *de_out = g_build_filename (fixture->dir, "compare-de.csv", NULL);
  g_autofree char *export = g_strconcat ("--export=", out, NULL);
  g_autofree char *de_export = g_strconcat ("--export=", de_out, NULL);
  g_autofree char *csv = NULL, *de_csv = NULL;
  g_auto(RunResult) result = { 0 };
  g_auto(RunResult) report = { 0 };
  g_autoptr(JsonNode) json = NULL;
  g_auto(GStrv) lines = NULL;
  JsonNode *scenarios;

  run (&result, export, "--chart=compare", NULL);
  assert_exported (&result, out);
  run (&report, "--report=json", NULL);
  assert_success (&report);
  json = parse_json (report.out);
  scenarios = ss_json_get (json, "scenarios");

  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==, "\xef\xbb\xbfScenario,NPV of the cost premium (million USD),"
                                 "Supply risk (SR) in 2034,Concentration (HHI) in 2034,"
                                 "Expected shortfall impact in 2034 (million USD)");
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + ss_json_length (scenarios) + 1);
  g_assert_cmpstr (lines[ss_json_length (scenarios) + 1], ==, "");
  for (guint r = 0; r < ss_json_length (scenarios); r++)
    {
      JsonNode *s = ss_json_index (scenarios, r);
      g_auto(GStrv) fields = g_strsplit (lines[1 + r], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 5);
      g_assert_cmpstr (fields[0], ==, ss_json_string (ss_json_get (s, "name")));
      g_assert_cmpfloat (g_ascii_strtod (fields[1], NULL), ==,
                         ss_json_number (ss_json_path (s, "portfolio/npv_cost_premium")));
      g_assert_cmpfloat (g_ascii_strtod (fields[2], NULL), ==,
                         ss_json_number (ss_json_path (s, "portfolio/supply_risk/10")));
    }

  if (have_locale ("de_DE.utf8") || have_locale ("de_DE.UTF-8"))
    {
      const char * const args[] = { de_export, "--chart=compare", NULL };
      RunOptions options = { .env = de_env };
      g_auto(RunResult) de = { 0 };

      run_argv (&de, &options, args);
      assert_exported (&de, de_out);
      g_assert_true (g_file_get_contents (de_out, &de_csv, NULL, NULL));
      g_assert_cmpstr (de_csv, ==, csv);
    }
}

/* The report is data, never translated. The build's own catalogues are
 * offered, so this bites as soon as po/ has a Korean translation. */
static void
test_locale_untranslated (void)
{
  const char * const ko_env[] = {
    "LC_ALL", "LANGUAGE=ko", "LANG=C.UTF-8",
#ifdef BUILD_LOCALEDIR
    "SUPPLYSHIFT_LOCALEDIR=" BUILD_LOCALEDIR,
#endif
    NULL
  };
  const char * const ko_kr_env[] = {
    "LC_ALL=ko_KR.UTF-8", "LANGUAGE=ko", "LANG=ko_KR.UTF-8",
#ifdef BUILD_LOCALEDIR
    "SUPPLYSHIFT_LOCALEDIR=" BUILD_LOCALEDIR,
#endif
    NULL
  };

  compare_locales (ko_env, "with LANGUAGE=ko");
  if (have_locale ("ko_KR.utf8") || have_locale ("ko_KR.UTF-8"))
    compare_locales (ko_kr_env, "under ko_KR.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/report/json-sample", test_report_json_sample);
  g_test_add_func ("/cli/report/json-file", test_report_json_file);
  g_test_add_func ("/cli/report/csv-sample", test_report_csv_sample);
  g_test_add_data_func ("/cli/report/csv-file", "example-study.xml", test_report_csv_file);
  g_test_add_data_func ("/cli/report/csv-file-v2", "example-v2-study.xml", test_report_csv_file);
  g_test_add_func ("/cli/report/stress", test_report_stress);
  g_test_add_func ("/cli/report/scenario", test_report_scenario);
  g_test_add_func ("/cli/report/sensitivity", test_report_sensitivity);
  g_test_add ("/cli/brief/sample", TmpFixture, NULL, tmp_setup, test_brief_sample, tmp_teardown);
  g_test_add ("/cli/brief/korean", TmpFixture, NULL, tmp_setup, test_brief_korean, tmp_teardown);
  g_test_add ("/cli/brief/failures", TmpFixture, NULL, tmp_setup, test_brief_failures, tmp_teardown);
  g_test_add ("/cli/report/invalid", TmpFixture, NULL,
              tmp_setup, test_report_invalid, tmp_teardown);
  g_test_add_func ("/cli/validate/ok", test_validate_ok);
  g_test_add_func ("/cli/validate/sample", test_validate_sample);
  g_test_add ("/cli/validate/invalid", TmpFixture, NULL,
              tmp_setup, test_validate_invalid, tmp_teardown);
  g_test_add ("/cli/file/missing", TmpFixture, NULL, tmp_setup, test_missing_file, tmp_teardown);
  g_test_add ("/cli/file/folder", TmpFixture, NULL, tmp_setup, test_folder_as_file, tmp_teardown);
  for (guint k = 0; k < G_N_ELEMENTS (hostile_cases); k++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/hostile/%s", hostile_cases[k].name);

      g_test_add (path, TmpFixture, &hostile_cases[k], tmp_setup, test_hostile, tmp_teardown);
    }
  for (guint k = 0; k < G_N_ELEMENTS (usage_cases); k++)
    {
      g_autofree char *path = g_strdup_printf ("/cli/usage/%s", usage_cases[k].name);

      g_test_add_data_func (path, &usage_cases[k], test_usage);
    }
  g_test_add ("/cli/export/charts", TmpFixture, NULL,
              tmp_setup, test_export_charts, tmp_teardown);
  g_test_add ("/cli/export/options", TmpFixture, NULL,
              tmp_setup, test_export_options, tmp_teardown);
  g_test_add ("/cli/export/csv", TmpFixture, NULL,
              tmp_setup, test_export_csv, tmp_teardown);
  g_test_add ("/cli/export/usage", TmpFixture, NULL,
              tmp_setup, test_export_usage, tmp_teardown);
  g_test_add ("/cli/export/invalid-study", TmpFixture, NULL,
              tmp_setup, test_export_invalid_study, tmp_teardown);
  g_test_add ("/cli/export/write-failure", TmpFixture, NULL,
              tmp_setup, test_export_write_failure, tmp_teardown);
  g_test_add_func ("/cli/write-failure", test_write_failure);
  g_test_add_func ("/cli/locale/comma-decimal", test_locale_comma_decimal);
  g_test_add_func ("/cli/locale/untranslated", test_locale_untranslated);

  return g_test_run ();
}
