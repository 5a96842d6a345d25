/* test-study-file.c: the rules of file-format.md, hostile files, round trips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each rule gets a document that breaks it and nothing else: the worked
 * example with one string replaced. The test then checks that the loader
 * refuses it, on the right line, naming what is wrong, so a rule dropped
 * from the loader (or a message that stops pointing at the problem) fails
 * here. Ranges are tested from the attribute tables themselves, just inside
 * and just outside each end, so every open or closed end is pinned down.
 *
 * Checks report through FAIL() (g_test_fail_printf) rather than aborting,
 * and the program runs with --keep-going, so one loader bug does not hide
 * the cases after it. Run with --verbose to see every refusal message.
 */

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ss-attrs.h"
#include "ss-study-file.h"
#include "ss-study-private.h"
#include "test-files.h"
#include "test-util.h"

#define DISPLAY          "study.supplyshift"
#define LINE_PATTERN     "^study\\.supplyshift:[0-9]+: error: .+$"
#define HOSTILE_MAX_USEC (2 * G_USEC_PER_SEC)
#define MIB              (1024 * 1024)
#define XML_DECLARATION  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

/* Marks the case failed and goes on; every failure is also logged, since
 * the TAP line shows only one message per case. */
#define FAIL(...) \
  G_STMT_START { \
    g_autofree char *fail_message_ = g_strdup_printf (__VA_ARGS__); \
    g_test_message ("FAIL: %s", fail_message_); \
    g_strdelimit (fail_message_, "\n", '|'); /* one TAP line */ \
    g_test_fail_printf ("%s", fail_message_); \
  } G_STMT_END

/* ------------------------------------------------------------------ */
/* The example and its mutations                                      */
/* ------------------------------------------------------------------ */

static char *example_cache;
static char **example_lines_cache;

static const char *
example_text (void)
{
  if (example_cache == NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "example-study.xml",
                                                     NULL);
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &example_cache, NULL, &error);
      g_assert_no_error (error);
      example_lines_cache = g_strsplit (example_cache, "\n", -1);
    }
  return example_cache;
}

/* Line `n` (from 1) of the example, without its newline. */
static char *
example_line (guint n)
{
  example_text ();
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <=, g_strv_length (example_lines_cache));
  return g_strdup (example_lines_cache[n - 1]);
}

/* Lines first..last of the example, each with its newline. */
static char *
example_lines (guint first,
               guint last)
{
  GString *out = g_string_new (NULL);

  for (guint n = first; n <= last; n++)
    {
      g_autofree char *line = example_line (n);

      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static char *
mutate_every (const char *text,
              const char *from,
              const char *to)
{
  g_autoptr(GString) out = g_string_new (text);

  if (g_string_replace (out, from, to, 0) == 0)
    g_error ("\"%s\" does not occur in the document", from);
  return g_strdup (out->str);
}

/* One line of the example, with attribute `name` set to `value` (added
 * before the end of the tag when absent), or removed when `value` is NULL. */
static char *
set_attr (const char *element,
          const char *name,
          const char *value)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (element, key);
  GString *out = g_string_new (NULL);

  if (at != NULL)
    {
      const char *end = strchr (at + strlen (key), '"');

      g_assert_nonnull (end);
      g_string_append_len (out, element, at - element);
      if (value != NULL)
        g_string_append_printf (out, "%s%s\"", key, value);
      g_string_append (out, end + 1);
    }
  else
    {
      const char *close = strstr (element, "/>");

      if (close == NULL)
        close = strrchr (element, '>');
      g_assert_nonnull (close);
      g_assert_nonnull (value);
      g_string_append_len (out, element, close - element);
      g_string_append_printf (out, " %s=\"%s\"", name, value);
      g_string_append (out, close);
    }
  return g_string_free (out, FALSE);
}

/* The example with attribute `name` of example line `line` changed. */
static char *
example_with_attr (guint       line,
                   const char *name,
                   const char *value)
{
  g_autofree char *before = example_line (line);
  g_autofree char *after = set_attr (before, name, value);

  return ss_test_mutate (example_text (), before, after);
}

static SsStudy *
load_mutated (const char  *from,
              const char  *to,
              GError     **error)
{
  g_autofree char *text = ss_test_mutate (example_text (), from, to);

  return ss_test_load_text (text, error);
}

/* ------------------------------------------------------------------ */
/* Checks                                                             */
/* ------------------------------------------------------------------ */

/* Every line of a refusal is FILE:LINE: error: MESSAGE, and there are at
 * most SS_STUDY_FILE_MAX_ERRORS of them. */
static gboolean
check_message_form (const char *message)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  gboolean ok = TRUE;

  if (g_strv_length (lines) > SS_STUDY_FILE_MAX_ERRORS)
    {
      FAIL ("%u lines in the message, at most %d allowed:\n%s",
            g_strv_length (lines), SS_STUDY_FILE_MAX_ERRORS, message);
      ok = FALSE;
    }
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_regex_match_simple (LINE_PATTERN, lines[i], 0, 0))
      {
        FAIL ("message line \"%s\" is not FILE:LINE: error: MESSAGE\n(whole message:\n%s)",
              lines[i], message);
        ok = FALSE;
      }
  return ok;
}

/* Whether one line of `message` is "study.supplyshift:LINE: error: ..." and
 * contains `fragment` after the prefix. A negative `line` matches any. */
static gboolean
message_has (const char *message,
             int         line,
             const char *fragment)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autofree char *prefix = g_strdup_printf (DISPLAY ":%d: error: ", line);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *rest;

      if (line >= 0)
        {
          if (!g_str_has_prefix (lines[i], prefix))
            continue;
          rest = lines[i] + strlen (prefix);
        }
      else
        rest = lines[i];
      if (fragment == NULL || strstr (rest, fragment) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The load was refused as invalid, with a well-formed message that has a
 * line for `line` containing `fragment` (when not NULL). */
static gboolean
check_refused (SsStudy      *study,
               const GError *error,
               int           line,
               const char   *fragment,
               const char   *what)
{
  if (study != NULL)
    {
      FAIL ("%s: the document loaded; expected a refusal \"%s\"", what,
            fragment != NULL ? fragment : "");
      return FALSE;
    }
  if (error == NULL)
    {
      FAIL ("%s: NULL returned without a GError", what);
      return FALSE;
    }
  if (!g_error_matches (error, SS_STUDY_ERROR, SS_STUDY_ERROR_INVALID))
    {
      FAIL ("%s: expected SS_STUDY_ERROR_INVALID, got %s %d: %s", what,
            g_quark_to_string (error->domain), error->code, error->message);
      return FALSE;
    }
  if (g_test_verbose ())
    g_test_message ("%s:\n%s", what, error->message);
  if (!check_message_form (error->message))
    return FALSE;
  if (!message_has (error->message, line, fragment))
    {
      FAIL ("%s: expected a line \"%s:%d: error: ...%s...\", got:\n%s", what, DISPLAY, line,
            fragment != NULL ? fragment : "", error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_loads (SsStudy      *study,
             const GError *error,
             const char   *what)
{
  if (study == NULL)
    {
      FAIL ("%s: expected to load, got: %s", what,
            error != NULL ? error->message : "(no error)");
      return FALSE;
    }
  return TRUE;
}

static void
expect_refused (const char *text,
                int         line,
                const char *fragment,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_test_load_text (text, &error);

  check_refused (study, error, line, fragment, what);
}

static void
expect_loads (const char *text,
              const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_test_load_text (text, &error);

  check_loads (study, error, what);
}

/* ------------------------------------------------------------------ */
/* Rules: one replacement in the example each                         */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *path;                    /* under /study-file/rule/ */
  const char *from;                    /* NULL: example lines first..last */
  const char *to;
  int         line;                    /* 0: the document must load */
  const char *message;                 /* a distinctive part of that line */
  guint       first, last;
  gboolean    every;                   /* replace every occurrence */
} Rule;

#define BAD(p, f, t, l, m)          { p, f, t, l, m, 0, 0, FALSE }
#define OK(p, f, t)                 { p, f, t, 0, NULL, 0, 0, FALSE }
#define BAD_LINES(p, a, b, t, l, m) { p, NULL, t, l, m, a, b, FALSE }
#define OK_LINES(p, a, b, t)        { p, NULL, t, 0, NULL, a, b, FALSE }
#define OK_EVERY(p, f, t)           { p, f, t, 0, NULL, 0, 0, TRUE }

#define NOT_A_NUMBER "is not a number (expected digits with '.' as the decimal point)"

/* Line numbers are those of tests/data/example-study.xml after the
 * replacement (meta 3-12, countries 13-19 with CN on 14, items 20-38 with
 * 282520 on 21, scenarios 39-64 with vietnam-plus on 40 and china-shock
 * on 60). */
static const Rule rules[] = {
  /* <study> */
  BAD ("study/version-3", "<study version=\"1\">", "<study version=\"3\">", 2,
       "<study>: format version \"3\" is not supported, expected 1 or 2"),
  BAD ("study/version-1.0", "<study version=\"1\">", "<study version=\"1.0\">", 2,
       "<study>: format version \"1.0\" is not supported, expected 1 or 2"),
  BAD ("study/missing-version", "<study version=\"1\">", "<study>", 2,
       "<study>: missing attribute 'version'"),
  BAD ("study/unknown-attribute", "<study version=\"1\">", "<study version=\"1\" author=\"me\">", 2,
       "<study>: unknown attribute 'author'"),
  BAD ("study/unknown-element", "  <scenarios>\n", "  <notes/>\n  <scenarios>\n", 39,
       "unknown element <notes> in <study>"),
  BAD ("study/text", "  <scenarios>\n", "  stray text\n  <scenarios>\n", 39,
       "unexpected text in <study>"),
  BAD_LINES ("study/missing-meta", 3, 12, "", 2, "<study>: missing <meta>"),
  BAD_LINES ("study/missing-countries", 13, 19, "", 2, "<study>: missing <countries>"),
  BAD_LINES ("study/missing-items", 20, 38, "", 2, "<study>: missing <items>"),
  OK_LINES ("study/no-scenarios", 39, 64, ""),
  BAD ("study/meta-twice", "  <countries>\n", "  <meta/>\n  <countries>\n", 13,
       "<study>: <meta> appears more than once"),

  /* <meta> */
  BAD ("meta/missing-title", "    <title>Worked example</title>\n", "", 3,
       "<meta>: missing <title>"),
  BAD ("meta/empty-title", "<title>Worked example</title>", "<title> </title>", 4,
       "<title> is empty"),
  BAD ("meta/missing-base-year", "    <base-year>2024</base-year>\n", "", 3,
       "<meta>: missing <base-year>"),
  BAD ("meta/missing-horizon", "    <horizon>6</horizon>\n", "", 3, "<meta>: missing <horizon>"),
  BAD ("meta/missing-home", "    <home>KR</home>\n", "", 3, "<meta>: missing <home>"),
  BAD ("meta/home-undeclared", "<home>KR</home>", "<home>JP</home>", 10,
       "<home> is \"JP\", which is not a country declared in <countries>"),
  BAD ("meta/home-lower-case", "<home>KR</home>", "<home>kr</home>", 10,
       "<home> is \"kr\", which is not a country declared in <countries>"),
  BAD ("meta/horizon-decimal", "<horizon>6</horizon>", "<horizon>2.5</horizon>", 7,
       "<horizon> is \"2.5\", expected a whole number in [1, 50]"),
  BAD ("meta/horizon-6.0", "<horizon>6</horizon>", "<horizon>6.0</horizon>", 7,
       "<horizon> is \"6.0\", expected a whole number in [1, 50]"),
  BAD ("meta/horizon-exponent", "<horizon>6</horizon>", "<horizon>6e0</horizon>", 7,
       "<horizon> is \"6e0\", expected a whole number in [1, 50]"),
  BAD ("meta/horizon-spaces", "<horizon>6</horizon>", "<horizon> 6 </horizon>", 7,
       "<horizon> is \" 6 \", expected a whole number in [1, 50]"),
  BAD ("meta/horizon-empty", "<horizon>6</horizon>", "<horizon></horizon>", 7,
       "<horizon> is \"\", expected a whole number in [1, 50]"),
  BAD ("meta/base-year-decimal", "<base-year>2024</base-year>", "<base-year>2024.5</base-year>", 6,
       "<base-year> is \"2024.5\", expected a whole number in [1900, 2200]"),
  BAD ("meta/discount-rate-spaces", "<discount-rate>0.05</discount-rate>",
       "<discount-rate> 0.05</discount-rate>", 9, "<meta>: discount-rate \" 0.05\" " NOT_A_NUMBER),
  BAD ("meta/title-twice", "    <title>Worked example</title>\n",
       "    <title>Worked example</title>\n    <title>Again</title>\n", 5,
       "<meta>: <title> appears more than once"),
  BAD ("meta/unknown-element-autor", "    <title>Worked example</title>\n",
       "    <title>Worked example</title>\n    <autor>Someone</autor>\n", 5,
       "unknown element <autor> in <meta>"),
  BAD ("meta/unknown-attribute", "  <meta>", "  <meta lang=\"en\">", 3,
       "<meta>: unknown attribute 'lang'"),
  BAD ("meta/title-attribute", "<title>Worked", "<title lang=\"en\">Worked", 4,
       "<title>: unknown attribute 'lang'"),
  BAD ("meta/element-in-title", "<title>Worked example</title>",
       "<title>Worked <b>example</b></title>", 4, "unexpected element <b> in <title>"),
  BAD ("meta/text", "    <title>Worked example</title>\n",
       "    stray text\n    <title>Worked example</title>\n", 4, "unexpected text in <meta>"),
  BAD ("meta/text-after-tag", "  <meta>\n", "  <meta>stray text\n", 3, "unexpected text in <meta>"),
  BAD ("meta/thresholds-order-watch", "    <source>Illustrative",
       "    <thresholds watch=\"0.7\" warning=\"0.5\" critical=\"0.9\"/>\n    <source>Illustrative",
       11, "<thresholds>: expected watch ≤ warning ≤ critical"),
  BAD ("meta/thresholds-order-critical", "    <source>Illustrative",
       "    <thresholds watch=\"0.5\" warning=\"0.8\" critical=\"0.7\"/>\n    <source>Illustrative",
       11, "<thresholds>: expected watch ≤ warning ≤ critical"),
  OK ("meta/thresholds-equal", "    <source>Illustrative",
      "    <thresholds watch=\"0.6\" warning=\"0.6\" critical=\"0.6\"/>\n    <source>Illustrative"),
  BAD ("meta/thresholds-missing-critical", "    <source>Illustrative",
       "    <thresholds watch=\"0.5\" warning=\"0.7\"/>\n    <source>Illustrative", 11,
       "<thresholds>: missing attribute 'critical'"),
  BAD ("meta/thresholds-unknown-attribute", "    <source>Illustrative",
       "    <thresholds watch=\"0.5\" warning=\"0.7\" critical=\"0.9\" alarm=\"1\"/>\n    "
       "<source>Illustrative", 11, "<thresholds>: unknown attribute 'alarm'"),
  BAD ("meta/thresholds-text", "    <source>Illustrative",
       "    <thresholds watch=\"0.5\" warning=\"0.7\" critical=\"0.9\">high</thresholds>\n    "
       "<source>Illustrative", 11, "unexpected text in <thresholds>"),

  /* <countries> */
  BAD ("country/code-lower-case", "code=\"CN\" name=\"China\"", "code=\"cn\" name=\"China\"", 14,
       "country code \"cn\" is not two capital letters"),
  BAD ("country/code-three-letters", "code=\"CN\" name=\"China\"", "code=\"CHN\" name=\"China\"",
       14, "country code \"CHN\" is not two capital letters"),
  BAD ("country/missing-code", "<country code=\"CN\" name=\"China\"", "<country name=\"China\"", 14,
       "country: missing attribute 'code'"),
  BAD ("country/missing-name", "code=\"CN\" name=\"China\" ", "code=\"CN\" ", 14,
       "country CN: missing attribute 'name'"),
  BAD ("country/empty-name", "code=\"CN\" name=\"China\" ", "code=\"CN\" name=\"  \" ", 14,
       "country CN: name is empty"),
  BAD ("country/declared-twice", "code=\"VN\"", "code=\"CN\"", 15, "country CN is declared twice"),
  BAD ("country/bad-group", "group=\"ASEAN\" governance=\"5.5\"",
       "group=\"AS EAN\" governance=\"5.5\"", 15, "country VN: group \"AS EAN\" is not a label"),
  OK ("country/no-group", " group=\"ASEAN\" governance=\"5.5\"", " governance=\"5.5\""),
  BAD ("country/typo-goverance", "code=\"CN\" name=\"China\" governance=",
       "code=\"CN\" name=\"China\" goverance=", 14, "country CN: unknown attribute 'goverance'"),
  BAD ("country/text", "logistics=\"0.03\" ramp=\"0.2\"/>",
       "logistics=\"0.03\" ramp=\"0.2\">text</country>", 14, "unexpected text in <country>"),
  BAD ("country/child", "logistics=\"0.03\" ramp=\"0.2\"/>",
       "logistics=\"0.03\" ramp=\"0.2\"><port/></country>", 14,
       "country CN: unexpected element <port>"),
  BAD ("countries/unknown-element", "  </countries>\n", "    <nation/>\n  </countries>\n", 19,
       "unknown element <nation> in <countries>"),
  BAD ("countries/unknown-attribute", "  <countries>", "  <countries source=\"WGI\">", 13,
       "<countries>: unknown attribute 'source'"),
  BAD ("countries/text", "  </countries>\n", "    stray text\n  </countries>\n", 19,
       "unexpected text in <countries>"),
  BAD_LINES ("countries/empty", 14, 18, "", 13, "<countries> declares no country"),

  /* <items> */
  BAD ("item/missing-code", "<item code=\"8541\" name=", "<item name=", 32,
       "item: missing attribute 'code'"),
  BAD ("item/missing-name", "code=\"8541\" name=\"Semiconductor devices\" ", "code=\"8541\" ", 32,
       "item 8541: missing attribute 'name'"),
  BAD ("item/empty-name", "code=\"8541\" name=\"Semiconductor devices\" ",
       "code=\"8541\" name=\" \" ", 32, "item 8541: name is empty"),
  BAD ("item/missing-value", " value=\"12000\"", "", 32, "item 8541: missing attribute 'value'"),
  BAD_LINES ("item/no-source", 33, 36, "", 32,
             "item 8541: no <source>; an item needs at least one"),
  BAD ("item/code-with-space", "code=\"8541\"", "code=\"85 41\"", 32,
       "item code \"85 41\" is not 1 to 32 letters, digits, '.', '_' or '-'"),
  BAD ("item/code-33-chars", "code=\"8541\"", "code=\"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456\"", 32,
       "item code \"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456\" is not 1 to 32 letters"),
  BAD ("item/code-empty", "code=\"8541\"", "code=\"\"", 32,
       "item code \"\" is not 1 to 32 letters"),
  BAD ("item/code-slash", "code=\"8541\"", "code=\"85/41\"", 32,
       "item code \"85/41\" is not 1 to 32 letters"),
  OK_EVERY ("item/code-32-chars", "\"8541\"", "\"aZ09._-ABCDEFGHIJKLMNOPQRSTUVWXY\""),
  BAD ("item/declared-twice", "code=\"310210\"", "code=\"282520\"", 26,
       "item 282520 is declared twice"),
  BAD ("item/unknown-attribute", " impact=\"2\">", " impact=\"2\" weight=\"1\">", 26,
       "item 310210: unknown attribute 'weight'"),
  BAD ("item/unknown-element", "      <source country=\"CN\" share=\"0.35\"/>\n",
       "      <sauce/>\n      <source country=\"CN\" share=\"0.35\"/>\n", 33,
       "item 8541: unknown element <sauce>"),
  BAD ("item/text", "      <source country=\"CN\" share=\"0.35\"/>\n",
       "      stray text\n      <source country=\"CN\" share=\"0.35\"/>\n", 33,
       "unexpected text in <item>"),
  BAD ("items/unknown-element", "  </items>\n", "    <thing/>\n  </items>\n", 38,
       "unknown element <thing> in <items>"),
  BAD ("items/unknown-attribute", "  <items>", "  <items unit=\"MUSD\">", 20,
       "<items>: unknown attribute 'unit'"),
  BAD ("items/text", "  </items>\n", "    stray text\n  </items>\n", 38,
       "unexpected text in <items>"),

  /* <source> */
  BAD ("source/missing-country", "<source country=\"TH\" share=\"0.05\"/>",
       "<source share=\"0.05\"/>", 35,
       "item 8541: source (no country): missing attribute 'country'"),
  BAD ("source/missing-share", "<source country=\"TH\" share=\"0.05\"/>",
       "<source country=\"TH\"/>", 35, "item 8541: source TH: missing attribute 'share'"),
  BAD ("source/undeclared-country", "country=\"TH\" share=\"0.08\"",
       "country=\"JP\" share=\"0.08\"", 30,
       "item 310210: source JP: country JP is not declared in <countries>"),
  BAD ("source/listed-twice", "country=\"KR\" share=\"0.16\"", "country=\"CN\" share=\"0.16\"", 24,
       "item 282520: country CN is listed twice"),
  BAD ("source/typo-tarif", "tariff=\"0.05\"", "tarif=\"0.05\"", 29,
       "item 310210: source ID: unknown attribute 'tarif'"),
  BAD ("source/text", "trade-factor=\"1.2\"/>", "trade-factor=\"1.2\">text</source>", 22,
       "unexpected text in <source>"),
  BAD ("source/child", "trade-factor=\"1.2\"/>", "trade-factor=\"1.2\"><note/></source>", 22,
       "note"),

  /* Baseline shares sum to 1 within 1e-6 */
  BAD ("shares/sum-0.97", "share=\"0.84\" trade-factor", "share=\"0.81\" trade-factor", 21,
       "item 282520: shares sum to 0.97, expected 1"),
  OK ("shares/sum-0.9999995", "share=\"0.84\" trade-factor", "share=\"0.8399995\" trade-factor"),
  OK ("shares/sum-1.0000005", "share=\"0.84\" trade-factor", "share=\"0.8400005\" trade-factor"),
  BAD ("shares/sum-0.999998", "share=\"0.84\" trade-factor", "share=\"0.839998\" trade-factor", 21,
       "item 282520: shares sum to 0.999998, expected 1"),
  BAD ("shares/sum-1.000002", "share=\"0.84\" trade-factor", "share=\"0.840002\" trade-factor", 21,
       "item 282520: shares sum to 1.000002, expected 1"),
  OK ("shares/zero-share-source", "<source country=\"TH\" share=\"0.05\"/>",
      "<source country=\"TH\" share=\"0.05\"/>\n      <source country=\"ID\" share=\"0\" "
      "cost-index=\"2\"/>"),

  /* Numbers: C syntax only */
  BAD ("number/NaN", "share=\"0.84\"", "share=\"NaN\"", 22,
       "item 282520: source CN: share \"NaN\" " NOT_A_NUMBER),
  BAD ("number/nan", "share=\"0.84\"", "share=\"nan\"", 22,
       "item 282520: source CN: share \"nan\" " NOT_A_NUMBER),
  BAD ("number/inf", "share=\"0.84\"", "share=\"inf\"", 22,
       "item 282520: source CN: share \"inf\" " NOT_A_NUMBER),
  BAD ("number/minus-inf", "share=\"0.84\"", "share=\"-inf\"", 22,
       "item 282520: source CN: share \"-inf\" " NOT_A_NUMBER),
  BAD ("number/Infinity", "share=\"0.84\"", "share=\"Infinity\"", 22,
       "item 282520: source CN: share \"Infinity\" " NOT_A_NUMBER),
  BAD ("number/hex", "share=\"0.84\"", "share=\"0x10\"", 22,
       "item 282520: source CN: share \"0x10\" " NOT_A_NUMBER),
  BAD ("number/hex-float", "share=\"0.84\"", "share=\"0x1p-1\"", 22,
       "item 282520: source CN: share \"0x1p-1\" " NOT_A_NUMBER),
  BAD ("number/comma-decimal", "share=\"0.84\"", "share=\"0,84\"", 22,
       "item 282520: source CN: share \"0,84\" " NOT_A_NUMBER),
  BAD ("number/comma-1,5", "value=\"3500\"", "value=\"1,5\"", 21,
       "item 282520: value \"1,5\" " NOT_A_NUMBER),
  BAD ("number/trailing-text", "share=\"0.84\"", "share=\"0.84abc\"", 22,
       "item 282520: source CN: share \"0.84abc\" " NOT_A_NUMBER),
  BAD ("number/leading-space", "share=\"0.84\"", "share=\" 0.84\"", 22,
       "item 282520: source CN: share \" 0.84\" " NOT_A_NUMBER),
  BAD ("number/trailing-space", "share=\"0.84\"", "share=\"0.84 \"", 22,
       "item 282520: source CN: share \"0.84 \" " NOT_A_NUMBER),
  BAD ("number/empty", "share=\"0.84\"", "share=\"\"", 22,
       "item 282520: source CN: share \"\" " NOT_A_NUMBER),
  BAD ("number/overflow", "value=\"3500\"", "value=\"1e999\"", 21,
       "item 282520: value \"1e999\" " NOT_A_NUMBER),
  BAD ("number/exponent-only", "value=\"3500\"", "value=\"e3\"", 21,
       "item 282520: value \"e3\" " NOT_A_NUMBER),
  BAD ("number/grouped", "value=\"12000\"", "value=\"12 000\"", 32,
       "item 8541: value \"12 000\" " NOT_A_NUMBER),
  BAD ("number/element-text", "<transition-years>4</transition-years>",
       "<transition-years>4 </transition-years>", 42,
       "scenario vietnam-plus: transition-years \"4 \" " NOT_A_NUMBER),
  OK ("number/plus-sign", "share=\"0.84\"", "share=\"+0.84\""),
  OK ("number/no-leading-digit", "share=\"0.84\"", "share=\".84\""),
  OK ("number/exponent", "share=\"0.84\"", "share=\"84e-2\""),
  OK ("number/capital-exponent", "share=\"0.84\"", "share=\"8.4E-1\""),

  /* <scenarios> */
  BAD ("scenario/declared-twice", "id=\"china-shock\"", "id=\"vietnam-plus\"", 60,
       "scenario vietnam-plus is declared twice"),
  BAD ("scenario/baseline-reserved", "id=\"china-shock\"", "id=\"baseline\"", 60,
       "scenario id \"baseline\" is reserved"),
  BAD ("scenario/id-capital", "id=\"china-shock\"", "id=\"Bad\"", 60,
       "scenario id \"Bad\" is not lower-case letters, digits and '-'"),
  BAD ("scenario/id-leading-dash", "id=\"china-shock\"", "id=\"-x\"", 60,
       "scenario id \"-x\" is not lower-case letters, digits and '-'"),
  BAD ("scenario/id-empty", "id=\"china-shock\"", "id=\"\"", 60,
       "scenario id \"\" is not lower-case letters, digits and '-'"),
  BAD ("scenario/id-65-chars", "id=\"china-shock\"",
       "id=\"a1234567890123456789012345678901234567890123456789012345678901234\"", 60,
       "scenario id \"a1234567890123456789012345678901234567890123456789012345678901234\" is not"),
  OK ("scenario/id-64-chars", "id=\"china-shock\"",
      "id=\"a123456789012345678901234567890123456789012345678901234567890123\""),
  OK ("scenario/id-leading-digit", "id=\"china-shock\"", "id=\"0-x\""),
  BAD ("scenario/missing-id", "<scenario id=\"china-shock\" ", "<scenario ", 60,
       "scenario: missing attribute 'id'"),
  BAD ("scenario/missing-name", " name=\"China export controls\"", "", 60,
       "scenario china-shock: missing attribute 'name'"),
  BAD ("scenario/unknown-attribute", " name=\"China export controls\">",
       " name=\"China export controls\" owner=\"me\">", 60,
       "scenario china-shock: unknown attribute 'owner'"),
  BAD ("scenario/unknown-element", "      <country code=\"CN\" disruption-probability=\"0.3\"",
       "      <shocks/>\n      <country code=\"CN\" disruption-probability=\"0.3\"", 62,
       "scenario china-shock: unknown element <shocks>"),
  BAD ("scenario/text", "      <country code=\"CN\" disruption-probability=\"0.3\"",
       "      stray text\n      <country code=\"CN\" disruption-probability=\"0.3\"", 62,
       "unexpected text in <scenario>"),
  BAD ("scenario/subsidy-twice", "      <subsidy>0.3</subsidy>\n",
       "      <subsidy>0.3</subsidy>\n      <subsidy>0.4</subsidy>\n", 45,
       "scenario vietnam-plus: <subsidy> appears more than once"),
  OK_LINES ("scenarios/empty", 40, 63, ""),
  BAD ("scenarios/unknown-element", "  </scenarios>\n", "    <variant/>\n  </scenarios>\n", 64,
       "unknown element <variant> in <scenarios>"),
  BAD ("scenarios/unknown-attribute", "  <scenarios>", "  <scenarios default=\"x\">", 39,
       "<scenarios>: unknown attribute 'default'"),
  BAD ("scenarios/text", "  </scenarios>\n", "    stray text\n  </scenarios>\n", 64,
       "unexpected text in <scenarios>"),

  /* <target> */
  BAD ("target/undeclared-country", "item=\"310210\" country=\"VN\"",
       "item=\"310210\" country=\"JP\"", 51,
       "scenario vietnam-plus: target for item 310210 from country JP, which is not declared in "
       "<countries>"),
  BAD ("target/undeclared-item", "<target item=\"8541\" country=\"CN\"",
       "<target item=\"9999\" country=\"CN\"", 54,
       "scenario vietnam-plus: target for item 9999, which is not declared in <items>"),
  BAD ("target/country-twice", "item=\"282520\" country=\"KR\"", "item=\"282520\" country=\"CN\"",
       49, "scenario vietnam-plus: item 282520: country CN is targeted twice"),
  BAD ("target/sum-0.9", "item=\"282520\" country=\"CN\" share=\"0.5\"",
       "item=\"282520\" country=\"CN\" share=\"0.4\"", 47,
       "scenario vietnam-plus: targets for item 282520 sum to 0.9, expected 1"),
  OK ("target/sum-0.9999995", "item=\"282520\" country=\"CN\" share=\"0.5\"",
      "item=\"282520\" country=\"CN\" share=\"0.4999995\""),
  OK ("target/sum-1.0000005", "item=\"282520\" country=\"CN\" share=\"0.5\"",
      "item=\"282520\" country=\"CN\" share=\"0.5000005\""),
  BAD ("target/sum-0.999998", "item=\"282520\" country=\"CN\" share=\"0.5\"",
       "item=\"282520\" country=\"CN\" share=\"0.499998\"", 47,
       "scenario vietnam-plus: targets for item 282520 sum to 0.999998, expected 1"),
  BAD ("target/sum-1.000002", "item=\"282520\" country=\"CN\" share=\"0.5\"",
       "item=\"282520\" country=\"CN\" share=\"0.500002\"", 47,
       "scenario vietnam-plus: targets for item 282520 sum to 1.000002, expected 1"),
  BAD ("target/missing-share", "item=\"8541\" country=\"KR\" share=\"0.2\"",
       "item=\"8541\" country=\"KR\"", 58, "scenario vietnam-plus: missing attribute 'share'"),
  BAD ("target/missing-item", "<target item=\"8541\" country=\"KR\"", "<target country=\"KR\"", 58,
       "scenario vietnam-plus: <target> needs 'item', 'country' and 'share'"),
  BAD ("target/unknown-attribute", "item=\"8541\" country=\"KR\" share=\"0.2\"",
       "item=\"8541\" country=\"KR\" share=\"0.2\" year=\"2030\"", 58,
       "scenario vietnam-plus: unknown attribute 'year'"),
  BAD ("target/text", "item=\"8541\" country=\"KR\" share=\"0.2\"/>",
       "item=\"8541\" country=\"KR\" share=\"0.2\">x</target>", 58, "unexpected text in <target>"),

  /* <stockpile> */
  BAD ("stockpile/undeclared-item", "<stockpile item=\"282520\"", "<stockpile item=\"9999\"", 46,
       "scenario vietnam-plus: stockpile for item 9999, which is not declared in <items>"),
  BAD ("stockpile/all-twice", "      <stockpile days=\"30\"/>\n",
       "      <stockpile days=\"30\"/>\n      <stockpile days=\"40\"/>\n", 46,
       "scenario vietnam-plus: more than one stockpile for all items"),
  BAD ("stockpile/item-twice", "      <stockpile item=\"282520\" days=\"60\"/>\n",
       "      <stockpile item=\"282520\" days=\"60\"/>\n      <stockpile item=\"282520\" "
       "days=\"70\"/>\n", 47, "scenario vietnam-plus: more than one stockpile for item 282520"),
  BAD ("stockpile/missing-days", "<stockpile days=\"30\"/>", "<stockpile/>", 45,
       "scenario vietnam-plus: missing attribute 'days'"),
  BAD ("stockpile/unknown-attribute", "<stockpile days=\"30\"/>",
       "<stockpile days=\"30\" unit=\"weeks\"/>", 45,
       "scenario vietnam-plus: unknown attribute 'unit'"),

  /* <country> override */
  BAD ("override/undeclared-country", "<country code=\"CN\" disruption-probability=\"0.3\"",
       "<country code=\"JP\" disruption-probability=\"0.3\"", 62,
       "scenario china-shock: override of country JP, which is not declared in <countries>"),
  BAD ("override/twice",
       "      <country code=\"CN\" disruption-probability=\"0.3\" disruption-days=\"180\"/>\n",
       "      <country code=\"CN\" disruption-probability=\"0.3\" disruption-days=\"180\"/>\n"
       "      <country code=\"CN\" ramp=\"0.5\"/>\n", 63,
       "scenario china-shock: country CN is overridden twice"),
  BAD ("override/missing-code", "<country code=\"CN\" disruption-probability=\"0.3\"",
       "<country disruption-probability=\"0.3\"", 62,
       "scenario china-shock: <country> override without 'code'"),
  BAD ("override/name", "disruption-days=\"180\"/>", "disruption-days=\"180\" name=\"PRC\"/>", 62,
       "scenario china-shock: unknown attribute 'name'"),
  BAD ("override/typo", "disruption-days=\"180\"/>", "disruption-days=\"180\" tarif=\"1\"/>", 62,
       "scenario china-shock: unknown attribute 'tarif'"),
};

static void
test_rule (gconstpointer data)
{
  const Rule *rule = data;
  g_autofree char *from = rule->from != NULL ? g_strdup (rule->from)
                                              : example_lines (rule->first, rule->last);
  g_autofree char *text = rule->every ? mutate_every (example_text (), from, rule->to)
                                      : ss_test_mutate (example_text (), from, rule->to);

  if (rule->line == 0)
    expect_loads (text, rule->path);
  else
    expect_refused (text, rule->line, rule->message, rule->path);
}

/* The helper the rules rely on, and the example itself. */
static void
test_example_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = load_mutated ("<title>Worked example</title>",
                                           "<title>Worked example</title>", &error);

  g_assert_no_error (error);
  g_assert_nonnull (study);
  g_assert_cmpuint (ss_study_get_n_countries (study), ==, 5);
  g_assert_cmpuint (ss_study_get_n_items (study), ==, 3);
  g_assert_cmpuint (ss_study_get_n_scenarios (study), ==, 2);
  g_assert_cmpstr (ss_study_get_meta (study)->title, ==, "Worked example");
}

/* The root element must be <study>. */
static void
test_root_element (void)
{
  g_autofree char *opened = ss_test_mutate (example_text (), "<study version=\"1\">",
                                    "<project>\n<study version=\"1\">");
  g_autofree char *wrapped = ss_test_mutate (opened, "</study>", "</study>\n</project>");

  expect_refused (XML_DECLARATION "<studies version=\"1\"/>\n", 2,
                  "the root element is <studies>, expected <study>", "root <studies>");
  expect_refused (wrapped, 2, "the root element is <project>, expected <study>", "root <project>");
}

/* ------------------------------------------------------------------ */
/* Attribute ranges, from the tables of ss-attrs.c                    */
/* ------------------------------------------------------------------ */

typedef enum
{
  PLACE_ATTR,                          /* an attribute of example line `line` */
  PLACE_ELEMENT,                       /* the text of the element on `line` */
  PLACE_INTEGER,                       /* the same, a whole number */
  PLACE_THRESHOLDS,                    /* all three thresholds, added on line 11 */
  PLACE_SOURCE_SHARE,                  /* CN's share of 282520; KR takes the rest */
  PLACE_TARGET_SHARE,                  /* vietnam-plus's CN target for 282520; ID the rest */
} Place;

typedef struct
{
  char             *path;
  const SsAttrSpec *spec;
  Place             place;
  guint             line;
  const char       *context;           /* how the loader names the element */
} RangeCase;

static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_dtostr (buf, sizeof buf, value));
}

/* The example with the attribute or element of `rc` set to `text`
 * (whose value is `value`), or removed when `text` is NULL. */
static char *
range_document (const RangeCase *rc,
                const char      *text,
                double           value)
{
  const char *name = rc->spec->name;

  switch (rc->place)
    {
    case PLACE_ATTR:
      return example_with_attr (rc->line, name, text);

    case PLACE_ELEMENT:
    case PLACE_INTEGER:
      {
        g_autofree char *before = example_line (rc->line);
        int indent = strspn (before, " ");
        g_autofree char *after = g_strdup_printf ("%.*s<%s>%s</%s>", indent, before, name, text,
                                                  name);

        return ss_test_mutate (example_text (), before, after);
      }

    case PLACE_THRESHOLDS:
      {
        g_autofree char *line = g_strdup_printf ("    <thresholds watch=\"%s\" warning=\"%s\""
                                                 " critical=\"%s\"/>\n    <source>Illustrative",
                                                 text, text, text);

        return ss_test_mutate (example_text (), "    <source>Illustrative", line);
      }

    case PLACE_SOURCE_SHARE:
      {
        g_autofree char *rest = format_double (1 - value);
        g_autofree char *cn = example_with_attr (22, "share", text);
        g_autofree char *kr_before = example_line (24);
        g_autofree char *kr_after = set_attr (kr_before, "share", rest);

        return ss_test_mutate (cn, kr_before, kr_after);
      }

    case PLACE_TARGET_SHARE:
      {
        g_autofree char *rest = format_double (1 - value);
        g_autofree char *cn = example_with_attr (47, "share", text);
        g_autofree char *id = NULL;
        g_autofree char *id_before = example_line (48);
        g_autofree char *id_after = set_attr (id_before, "share", rest);
        g_autofree char *kr_before = example_line (49);
        g_autofree char *kr_after = set_attr (kr_before, "share", "0");

        id = ss_test_mutate (cn, id_before, id_after);
        return ss_test_mutate (id, kr_before, kr_after);
      }

    default:
      g_assert_not_reached ();
    }
}

static char *
range_message (const RangeCase *rc,
               const char      *name,
               const char      *text)
{
  g_autofree char *range = ss_attr_describe_range (rc->spec);

  if (rc->place == PLACE_INTEGER)
    return g_strdup_printf ("<%s> is \"%s\", expected a whole number in %s", name, text, range);
  return g_strdup_printf ("%s: %s is %s, expected a number in %s", rc->context, name, text, range);
}

/* A value a little inside or outside `bound`: far enough to be a
 * different double, close enough that no tolerance hides it. */
static double
nudge (double bound,
       double direction,
       gboolean integer)
{
  if (integer)
    return bound + direction;
  return bound + direction * (bound == 0 ? 1e-9 : fabs (bound) * 1e-9);
}

static void
check_range_value (const RangeCase *rc,
                   double           value,
                   gboolean         inside,
                   const char      *end)
{
  g_autofree char *text = rc->place == PLACE_INTEGER ? g_strdup_printf ("%.0f", value)
                                                     : format_double (value);
  g_autofree char *document = range_document (rc, text, value);
  g_autofree char *what = g_strdup_printf ("%s = %s (%s, %s)", rc->spec->name, text, end,
                                           inside ? "inside" : "outside");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_test_load_text (document, &error);

  if (inside)
    {
      check_loads (study, error, what);
      return;
    }
  if (rc->place == PLACE_THRESHOLDS)
    {
      static const char *names[] = { "watch", "warning", "critical" };

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *message = range_message (rc, names[k], text);

          check_refused (study, error, rc->line, message, what);
        }
      return;
    }
  {
    g_autofree char *message = range_message (rc, rc->spec->name, text);

    check_refused (study, error, rc->line, message, what);
  }
}

/* Just inside and just outside each end of the range: an open end
 * refuses the bound itself, a closed end takes it. */
static void
test_range (gconstpointer data)
{
  const RangeCase *rc = data;
  const SsAttrSpec *spec = rc->spec;
  gboolean integer = rc->place == PLACE_INTEGER;

  g_assert_true (isfinite (spec->min) && isfinite (spec->max));
  if (spec->min_open)
    {
      check_range_value (rc, spec->min, FALSE, "open min");
      check_range_value (rc, nudge (spec->min, +1, integer), TRUE, "open min");
    }
  else
    {
      check_range_value (rc, nudge (spec->min, -1, integer), FALSE, "closed min");
      check_range_value (rc, spec->min, TRUE, "closed min");
    }
  if (spec->max_open)
    {
      check_range_value (rc, spec->max, FALSE, "open max");
      check_range_value (rc, nudge (spec->max, -1, integer), TRUE, "open max");
    }
  else
    {
      check_range_value (rc, nudge (spec->max, +1, integer), FALSE, "closed max");
      check_range_value (rc, spec->max, TRUE, "closed max");
    }
}

/* The range tests read the tables, so the tables themselves are pinned
 * here to model.md (and, where it closes model.md's open ranges, to
 * docs/decisions.md): a range changed in the table alone fails. */
typedef struct
{
  const SsAttrSpec *spec;
  const char       *range;             /* ss_attr_describe_range() form */
  gboolean          required;
  double            fallback;          /* for optional attributes */
} SpecExpectation;

static void
test_range_tables (void)
{
  const SpecExpectation expected[] = {
    { &ss_country_attrs[SS_COUNTRY_GOVERNANCE], "(0, 10]", TRUE, 0 },
    { &ss_country_attrs[SS_COUNTRY_DISRUPTION_PROBABILITY], "[0, 1]", TRUE, 0 },
    { &ss_country_attrs[SS_COUNTRY_DISRUPTION_SEVERITY], "[0, 1]", TRUE, 0 },
    { &ss_country_attrs[SS_COUNTRY_DISRUPTION_DAYS], "[0, 365]", TRUE, 0 },
    { &ss_country_attrs[SS_COUNTRY_COST_INDEX], "[0.001, 1000]", TRUE, 0 },
    { &ss_country_attrs[SS_COUNTRY_COST_GROWTH], "[-0.99, 1)", TRUE, 0 },
    { &ss_country_attrs[SS_COUNTRY_TARIFF], "[0, 5]", TRUE, 0 },
    { &ss_country_attrs[SS_COUNTRY_LOGISTICS], "[0, 5]", TRUE, 0 },
    { &ss_country_attrs[SS_COUNTRY_RAMP], "(0, 1]", TRUE, 0 },
    { &ss_item_attrs[SS_ITEM_VALUE], "[1e-06, 1000000000]", TRUE, 0 },
    { &ss_item_attrs[SS_ITEM_GROWTH], "[-0.99, 1)", FALSE, 0 },
    { &ss_item_attrs[SS_ITEM_SUBSTITUTABILITY], "[0, 1]", FALSE, 1 },
    { &ss_item_attrs[SS_ITEM_RECYCLING], "[0, 1]", FALSE, 0 },
    { &ss_item_attrs[SS_ITEM_STOCKPILE_DAYS], "[0, 3650]", FALSE, 0 },
    { &ss_item_attrs[SS_ITEM_IMPACT], "[0, 1000]", FALSE, 1 },
    { &ss_source_attrs[SS_SOURCE_SHARE], "[0, 1]", TRUE, 0 },
    { &ss_source_attrs[SS_SOURCE_COST_INDEX], "[0.001, 1000]", FALSE, NAN },
    { &ss_source_attrs[SS_SOURCE_TARIFF], "[0, 5]", FALSE, NAN },
    { &ss_source_attrs[SS_SOURCE_CAPACITY], "[0, 1]", FALSE, 1 },
    { &ss_source_attrs[SS_SOURCE_TRADE_FACTOR], "[0.5, 2]", FALSE, 1 },
    { &ss_spec_horizon, "[1, 50]", TRUE, 0 },
    { &ss_spec_base_year, "[1900, 2200]", TRUE, 0 },
    { &ss_spec_discount_rate, "[0, 1]", FALSE, 0 },
    { &ss_spec_threshold, "(0, 1]", FALSE, 0 },
    { &ss_spec_transition_years, "[1, 1000]", FALSE, 1 },
    { &ss_spec_switching_cost, "[0, 100]", FALSE, 0 },
    { &ss_spec_subsidy, "[0, 1]", FALSE, 0 },
    { &ss_spec_stockpile_days, "[0, 3650]", TRUE, 0 },
    { &ss_spec_target_share, "[0, 1]", TRUE, 0 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      const SsAttrSpec *spec = expected[k].spec;
      g_autofree char *range = ss_attr_describe_range (spec);

      if (g_strcmp0 (range, expected[k].range) != 0)
        FAIL ("%s: the table says %s, model.md %s", spec->name, range, expected[k].range);
      if (spec->required != expected[k].required)
        FAIL ("%s: the table says %s", spec->name, spec->required ? "required" : "optional");
      if (!spec->required && !(spec->fallback == expected[k].fallback
                               || (isnan (spec->fallback) && isnan (expected[k].fallback))))
        FAIL ("%s: default %g, expected %g", spec->name, spec->fallback, expected[k].fallback);
    }
}

/* Removing a required attribute is an error; removing an optional one
 * gives its default. */
static void
test_country_attr_required (gconstpointer data)
{
  const SsAttrSpec *spec = data;
  g_autofree char *document = example_with_attr (14, spec->name, NULL);
  g_autofree char *message = g_strdup_printf ("country CN: missing attribute '%s'", spec->name);

  g_assert_true (spec->required);
  expect_refused (document, 14, message, spec->name);
}

static void
test_item_attr_default (gconstpointer data)
{
  const SsAttrSpec *spec = data;
  SsItemAttr a = spec - ss_item_attrs;
  g_autofree char *document = example_with_attr (21, spec->name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_test_load_text (document, &error);

  if (spec->required)
    {
      g_autofree char *message = g_strdup_printf ("item 282520: missing attribute '%s'",
                                                  spec->name);

      check_refused (study, error, 21, message, spec->name);
      return;
    }
  if (check_loads (study, error, spec->name))
    {
      SsItem *item = ss_study_get_item (study, 0);

      g_assert_cmpfloat (item->attr[a], ==, spec->fallback);
      g_assert_false (item->set & (1u << a));
    }
}

static void
test_source_attr_default (gconstpointer data)
{
  const SsAttrSpec *spec = data;
  SsSourceAttr a = spec - ss_source_attrs;
  /* The example line of 282520 that gives this attribute, and the country's index. */
  guint line = a == SS_SOURCE_COST_INDEX ? 23
             : a == SS_SOURCE_CAPACITY ? 24
             : a == SS_SOURCE_TARIFF ? 29 : 22;
  const char *code = line == 22 ? "CN" : line == 24 ? "KR" : "ID";
  g_autofree char *document = example_with_attr (line, spec->name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_test_load_text (document, &error);

  if (spec->required)
    {
      g_autofree char *message = g_strdup_printf ("source %s: missing attribute '%s'", code,
                                                  spec->name);

      check_refused (study, error, line, message, spec->name);
      return;
    }
  if (check_loads (study, error, spec->name))
    {
      SsItem *item = ss_study_get_item (study, line == 29 ? 1 : 0);
      SsSource *source = &item->sources[ss_study_find_country (study, code)];

      g_assert_true (source->listed);
      g_assert_false (source->set & (1u << a));
      if (!isnan (spec->fallback))
        g_assert_cmpfloat (source->attr[a], ==, spec->fallback);
    }
}

/* Every optional value of file-format.md takes its documented default. */
static void
test_defaults (void)
{
  static const char minimal[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<study version=\"1\">\n"
    "  <meta>\n"
    "    <title>Minimal</title>\n"
    "    <base-year>2024</base-year>\n"
    "    <horizon>5</horizon>\n"
    "    <home>KR</home>\n"
    "  </meta>\n"
    "  <countries>\n"
    "    <country code=\"KR\" name=\"Korea\" governance=\"2\" disruption-probability=\"0\""
    " disruption-severity=\"0\" disruption-days=\"0\" cost-index=\"1\" cost-growth=\"0\""
    " tariff=\"0\" logistics=\"0\" ramp=\"1\"/>\n"
    "  </countries>\n"
    "  <items>\n"
    "    <item code=\"a\" name=\"A\" value=\"1\">\n"
    "      <source country=\"KR\" share=\"1\"/>\n"
    "    </item>\n"
    "  </items>\n"
    "  <scenarios>\n"
    "    <scenario id=\"s\" name=\"S\"/>\n"
    "  </scenarios>\n"
    "</study>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_test_load_text (minimal, &error);
  SsMeta *meta;
  SsItem *item;
  SsSource *source;
  SsScenario *scenario;

  if (!check_loads (study, error, "minimal study"))
    return;
  meta = ss_study_get_meta (study);
  g_assert_cmpstr (meta->currency, ==, "USD");
  g_assert_cmpstr (meta->description, ==, "");
  g_assert_cmpstr (meta->source, ==, "");
  g_assert_cmpfloat (meta->discount_rate, ==, 0);
  g_assert_cmpfloat (meta->threshold[0], ==, 0.5);
  g_assert_cmpfloat (meta->threshold[1], ==, 0.65);
  g_assert_cmpfloat (meta->threshold[2], ==, 0.9);
  g_assert_null (ss_study_get_country (study, 0)->group);

  item = ss_study_get_item (study, 0);
  g_assert_cmpstr (item->category, ==, "");
  g_assert_cmpfloat (item->attr[SS_ITEM_GROWTH], ==, 0);
  g_assert_cmpfloat (item->attr[SS_ITEM_SUBSTITUTABILITY], ==, 1);
  g_assert_cmpfloat (item->attr[SS_ITEM_RECYCLING], ==, 0);
  g_assert_cmpfloat (item->attr[SS_ITEM_STOCKPILE_DAYS], ==, 0);
  g_assert_cmpfloat (item->attr[SS_ITEM_IMPACT], ==, 1);

  source = &item->sources[0];
  g_assert_cmpfloat (source->attr[SS_SOURCE_CAPACITY], ==, 1);
  g_assert_cmpfloat (source->attr[SS_SOURCE_TRADE_FACTOR], ==, 1);
  g_assert_false (source->set & (1u << SS_SOURCE_COST_INDEX));
  g_assert_false (source->set & (1u << SS_SOURCE_TARIFF));

  scenario = ss_study_get_scenario (study, 0);
  g_assert_cmpfloat (scenario->transition_years, ==, 1);
  g_assert_cmpfloat (scenario->switching_cost, ==, 0);
  g_assert_cmpfloat (scenario->subsidy, ==, 0);
  g_assert_cmpstr (scenario->description, ==, "");
  g_assert_false (scenario->has_stockpile_all);
}

/* ------------------------------------------------------------------ */
/* Limits                                                             */
/* ------------------------------------------------------------------ */

static char *
example_with_countries (guint extra)
{
  g_autofree char *kr = example_line (18);
  GString *lines = g_string_new (kr);

  g_string_append_c (lines, '\n');
  for (guint k = 0; k < extra; k++)
    g_string_append_printf (lines, "    <country code=\"Q%c\" name=\"Extra\" governance=\"1\""
                            " disruption-probability=\"0\" disruption-severity=\"0\""
                            " disruption-days=\"0\" cost-index=\"1\" cost-growth=\"0\""
                            " tariff=\"0\" logistics=\"0\" ramp=\"1\"/>\n", 'A' + k);
  {
    g_autofree char *from = g_strconcat (kr, "\n", NULL);
    g_autofree char *to = g_string_free (lines, FALSE);

    return ss_test_mutate (example_text (), from, to);
  }
}

static void
test_limit_countries (void)
{
  g_autofree char *sixteen = example_with_countries (SS_MAX_COUNTRIES - 5);
  g_autofree char *seventeen = example_with_countries (SS_MAX_COUNTRIES - 4);

  expect_loads (sixteen, "16 countries");
  /* The 17th country is the 12th added after KR (line 18). */
  expect_refused (seventeen, 18 + 12, "more than 16 countries", "17 countries");
}

static char *
example_with_scenarios (guint extra)
{
  GString *lines = g_string_new (NULL);

  for (guint k = 0; k < extra; k++)
    g_string_append_printf (lines, "    <scenario id=\"extra-%u\" name=\"Extra %u\"/>\n", k, k);
  g_string_append (lines, "  </scenarios>\n");
  {
    g_autofree char *to = g_string_free (lines, FALSE);

    return ss_test_mutate (example_text (), "  </scenarios>\n", to);
  }
}

static void
test_limit_scenarios (void)
{
  g_autofree char *hundred = example_with_scenarios (SS_MAX_SCENARIOS - 2);
  g_autofree char *hundred_one = example_with_scenarios (SS_MAX_SCENARIOS - 1);

  expect_loads (hundred, "100 scenarios");
  /* Added scenarios start on line 64; the 101st is the 99th added. */
  expect_refused (hundred_one, 64 + 98, "more than 100 scenarios", "101 scenarios");
}

/* Meta and countries of the example, then `n` one-line items from line 21. */
static char *
study_with_items (guint n)
{
  g_autofree char *head = example_lines (1, 19);
  GString *out = g_string_new (head);

  g_string_append (out, "  <items>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "    <item code=\"i%u\" name=\"Item %u\" value=\"1\">"
                            "<source country=\"CN\" share=\"0.5\"/>"
                            "<source country=\"KR\" share=\"0.5\"/></item>\n", i, i);
  g_string_append (out, "  </items>\n</study>\n");
  return g_string_free (out, FALSE);
}

static void
test_limit_items (void)
{
  g_autofree char *max = study_with_items (SS_MAX_ITEMS);
  g_autofree char *over = study_with_items (SS_MAX_ITEMS + 1);
  gint64 start = g_get_monotonic_time ();

  expect_loads (max, "10 000 items");
  g_test_message ("10 000 items load in %.3f s",
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
  expect_refused (over, 21 + SS_MAX_ITEMS, "more than 10000 items", "10 001 items");
}

/* A document with 30 independent errors reports the first 20, in order. */
static void
test_limit_errors (void)
{
  g_autofree char *block = example_lines (21, 25);
  GString *items = g_string_new (NULL);
  g_autofree char *document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (items, "    <item code=\"bad-%u\" name=\"Bad\" value=\"1\">"
                            "<source country=\"CN\" share=\"0.5\"/></item>\n", i);
  {
    g_autofree char *to = g_string_free (items, FALSE);

    document = ss_test_mutate (example_text (), block, to);
  }
  study = ss_test_load_text (document, &error);
  if (!check_refused (study, error, 21, "item bad-0: shares sum to 0.5, expected 1", "30 errors"))
    return;
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, SS_STUDY_FILE_MAX_ERRORS);
  for (guint i = 0; i < SS_STUDY_FILE_MAX_ERRORS; i++)
    {
      g_autofree char *expected = g_strdup_printf (DISPLAY ":%u: error: item bad-%u: "
                                                   "shares sum to 0.5, expected 1", 21 + i, i);

      g_assert_cmpstr (lines[i], ==, expected);
    }
}

/* Line numbers past 65 535 (libxml2 needs XML_PARSE_BIG_LINES for them). */
static void
test_big_line_numbers (void)
{
  g_autofree char *blank = g_strnfill (70000, '\n');
  g_autofree char *to = g_strconcat ("  <items>\n", blank, NULL);
  g_autofree char *spaced = ss_test_mutate (example_text (), "  <items>\n", to);
  g_autofree char *document = ss_test_mutate (spaced, "share=\"0.84\"", "share=\"2\"");

  expect_refused (document, 22 + 70000,
                  "item 282520: source CN: share is 2, expected a number in [0, 1]", "line 70022");
}

/* ------------------------------------------------------------------ */
/* Files from the schema's test set, and the schema itself            */
/* ------------------------------------------------------------------ */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static GPtrArray *
rng_invalid_files (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "rng-invalid", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".supplyshift"))
      g_ptr_array_add (files, g_build_filename (dir_path, name, NULL));
  g_ptr_array_sort (files, compare_strings);
  return files;
}

static void
test_rng_invalid_loader (void)
{
  g_autoptr(GPtrArray) files = rng_invalid_files ();

  g_assert_cmpuint (files->len, >=, 39);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SsStudy) study = ss_study_load_file (file, DISPLAY, &error);
      g_autofree char *contents = NULL;
      gsize len;

      check_refused (study, error, -1, NULL, base);
      /* The loader's streaming pass refuses it too. */
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      {
        g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), len);
        g_autoptr(SsStudy) streamed = _ss_study_load_streaming (bytes, DISPLAY);

        if (streamed != NULL)
          FAIL ("%s: the streaming pass of the loader accepts it", base);
      }
    }
}

static const char *
schema_path (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *env = g_getenv ("SCHEMA_RNG");

      if (env != NULL)
        path = g_strdup (env);
      else
        path = g_test_build_filename (G_TEST_DIST, "..", "data", "supplyshift.rng", NULL);
    }
  return path;
}

/* xmllint's path, or NULL after skipping (or failing, on CI). */
static char *
find_xmllint (void)
{
  char *xmllint = g_find_program_in_path ("xmllint");

  if (xmllint == NULL)
    {
      if (g_getenv ("CI") != NULL)
        FAIL ("CI must provide xmllint");
      else
        g_test_skip ("xmllint is not installed");
    }
  return xmllint;
}

/* Whether xmllint validates `path` against the shipped schema. */
static gboolean
xmllint_valid (const char  *xmllint,
               const char  *path,
               char       **errors)
{
  const char *argv[] = { xmllint, "--noout", "--relaxng", schema_path (), path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, errors,
                &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

static void
test_rng_invalid_xmllint (void)
{
  g_autofree char *xmllint = find_xmllint ();
  g_autoptr(GPtrArray) files = NULL;

  if (xmllint == NULL)
    return;
  files = rng_invalid_files ();
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *errors = NULL;

      if (xmllint_valid (xmllint, path, &errors))
        FAIL ("%s is valid against the schema, but it is in rng-invalid/", path);
    }
}

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "korea-key-materials.supplyshift", NULL);
}

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "example-study.xml", NULL);
}

static void
check_file_valid (const char *path)
{
  g_autofree char *xmllint = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_study_load_file (file, DISPLAY, &error);
  g_autofree char *errors = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (study);
  if ((xmllint = find_xmllint ()) == NULL)
    return;
  if (!xmllint_valid (xmllint, path, &errors))
    FAIL ("%s does not validate against %s:\n%s", path, schema_path (), errors);
}

static void
test_valid_example (void)
{
  g_autofree char *path = example_path ();

  check_file_valid (path);
}

static void
test_valid_sample (void)
{
  g_autofree char *path = sample_path ();

  check_file_valid (path);
}

/* ------------------------------------------------------------------ */
/* Temporary folders                                                  */
/* ------------------------------------------------------------------ */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("supplyshift-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* ------------------------------------------------------------------ */
/* Hostile files                                                      */
/* ------------------------------------------------------------------ */

/* Refused as invalid with FILE:LINE lines, in under two seconds; `line`
 * and `fragment` as for check_refused(). Returns the message. */
static char *
check_hostile_bytes (GBytes     *bytes,
                     int         line,
                     const char *fragment,
                     const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  study = ss_study_load_bytes (bytes, DISPLAY, &error);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("%s: %.3f s", what, elapsed / (double)G_USEC_PER_SEC);
  if (elapsed >= HOSTILE_MAX_USEC)
    FAIL ("%s took %.3f s, more than 2 s", what, elapsed / (double)G_USEC_PER_SEC);
  check_refused (study, error, line, fragment, what);
  return g_strdup (error != NULL ? error->message : "");
}

static char *
check_hostile (const char *data,
               gsize       len,
               int         line,
               const char *fragment,
               const char *what)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);

  return check_hostile_bytes (bytes, line, fragment, what);
}

static char *
xxe_document (void)
{
  g_autofree char *declared = ss_test_mutate (example_text (), "<study version=\"1\">",
                                      "<!DOCTYPE study [<!ENTITY x SYSTEM"
                                      " \"file:///etc/passwd\">]>\n<study version=\"1\">");

  return ss_test_mutate (declared, "<title>Worked example</title>", "<title>&x;</title>");
}

static void
test_hostile_xxe (void)
{
  g_autofree char *document = xxe_document ();
  g_autofree char *message = check_hostile (document, strlen (document), 2, "DOCTYPE",
                                            "external entity");

  g_assert_null (strstr (message, "root:"));
}

static char *
billion_laughs_document (void)
{
  GString *dtd = g_string_new ("<!DOCTYPE study [\n  <!ENTITY lol0 \"lol\">\n");
  g_autofree char *declared = NULL;

  for (guint k = 1; k <= 9; k++)
    {
      g_string_append_printf (dtd, "  <!ENTITY lol%u \"", k);
      for (guint r = 0; r < 10; r++)
        g_string_append_printf (dtd, "&lol%u;", k - 1);
      g_string_append (dtd, "\">\n");
    }
  g_string_append (dtd, "]>\n<study version=\"1\">");
  {
    g_autofree char *to = g_string_free (dtd, FALSE);

    declared = ss_test_mutate (example_text (), "<study version=\"1\">", to);
  }
  return ss_test_mutate (declared, "<title>Worked example</title>", "<title>&lol9;</title>");
}

static void
test_hostile_billion_laughs (void)
{
  g_autofree char *document = billion_laughs_document ();
  g_autofree char *message = check_hostile (document, strlen (document), 2, "DOCTYPE",
                                            "billion laughs");
}

static void
test_hostile_doctype_after_comment (void)
{
  g_autofree char *document = ss_test_mutate (example_text (), "<study version=\"1\">",
                                      "<!-- a comment\n     over two lines -->\n<?pi data?>\n"
                                      "<!DOCTYPE study SYSTEM \"http://example.com/study.dtd\">\n"
                                      "<study version=\"1\">");
  g_autofree char *message = check_hostile (document, strlen (document), 5, "DOCTYPE",
                                            "DOCTYPE after a comment");
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", document, NULL);
  g_autofree char *message2 = check_hostile (with_bom, strlen (with_bom), 5, "DOCTYPE",
                                             "DOCTYPE after a BOM");
}

/* A UTF-16 document hides its DOCTYPE from a byte-wise look for
 * "<!DOCTYPE"; it must still be refused, and expand nothing, whether it
 * declares its encoding or only starts with a byte order mark. */
static void
test_hostile_doctype_utf16 (void)
{
  g_autofree char *xxe = xxe_document ();
  g_autofree char *laughs = billion_laughs_document ();
  g_autofree char *plain = ss_test_mutate (example_text (), "<study version=\"1\">",
                                   "<!DOCTYPE study>\n<study version=\"1\">");
  const struct { const char *utf8; const char *what; } documents[] = {
    { xxe, "external entity" },
    { laughs, "billion laughs" },
    { plain, "empty DOCTYPE" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (documents); k++)
    for (guint declared = 0; declared < 2; declared++)
      {
        g_autofree char *text = declared ? ss_test_mutate (documents[k].utf8, "encoding=\"UTF-8\"",
                                                   "encoding=\"UTF-16\"")
                                         : g_strdup (strchr (documents[k].utf8, '\n') + 1);
        g_autofree char *what = g_strdup_printf ("UTF-16 %s, %s", documents[k].what,
                                                 declared ? "declared" : "with a BOM only");
        g_autoptr(GError) error = NULL;
        gsize len;
        g_autofree char *utf16 = g_convert (text, -1, "UTF-16", "UTF-8", NULL, &len, &error);
        g_autofree char *message = NULL;

        g_assert_no_error (error);
        /* Refused before any parsing, DOCTYPE or not. */
        message = check_hostile (utf16, len, 1, "the file is in UTF-16", what);
        g_assert_null (strstr (message, "root:"));
      }
}

static char *
nested (const char *name,
        guint       depth)
{
  GString *out = g_string_sized_new (depth * (2 * strlen (name) + 5));

  for (guint k = 0; k < depth; k++)
    g_string_append_printf (out, "<%s>", name);
  for (guint k = 0; k < depth; k++)
    g_string_append_printf (out, "</%s>", name);
  return g_string_free (out, FALSE);
}

static void
test_hostile_deep_nesting (void)
{
  g_autofree char *deep = nested ("a", 100000);
  g_autofree char *title = g_strconcat ("<title>", deep, "</title>", NULL);
  g_autofree char *in_title = ss_test_mutate (example_text (), "<title>Worked example</title>", title);
  g_autofree char *at_root = g_strconcat (XML_DECLARATION, deep, NULL);
  g_autofree char *in_study = g_strconcat (XML_DECLARATION "<study version=\"1\">", deep,
                                           "</study>", NULL);
  g_autofree char *m1 = check_hostile (in_title, strlen (in_title), 4, NULL,
                                       "100 000 levels in <title>");
  g_autofree char *m2 = check_hostile (at_root, strlen (at_root), 2, NULL,
                                       "100 000 levels at the root");
  g_autofree char *m3 = check_hostile (in_study, strlen (in_study), 2, NULL,
                                       "100 000 levels in <study>");
}

/* libxml2 2.9 checks an element's attributes for duplicates pair by
 * pair, so a small file with one tag of many attributes costs quadratic
 * time before the loader sees any of them: 0.5 MiB of attributes take
 * seconds, 64 MiB would take days. Timing two sizes shows the growth on
 * any machine: tripling the count may triple the time, not multiply it
 * by nine. */
static gint64
time_many_attributes (guint count)
{
  GString *document = g_string_new (XML_DECLARATION "<study version=\"1\"");
  g_autofree char *what = g_strdup_printf ("%u attributes", count);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = NULL;
  const char *expected;
  gint64 start, elapsed;

  for (guint k = 0; k < count; k++)
    g_string_append_printf (document, " a%u=\"1\"", k);
  g_string_append (document, "/>\n");
  /* A tag over 64 KiB is refused by the byte scan; a shorter one reaches
   * the parser, which must still finish quickly. */
  expected = document->len > 64 * 1024 + 64 ? "a tag is longer than 64 KiB" : "<study>: unknown attribute 'a0'";
  bytes = g_string_free_to_bytes (document);

  start = g_get_monotonic_time ();
  study = ss_study_load_bytes (bytes, DISPLAY, &error);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("%s: %.3f s", what, elapsed / (double)G_USEC_PER_SEC);
  check_refused (study, error, 2, expected, what);
  return MAX (elapsed, 1);
}

static void
test_hostile_many_attributes (void)
{
  gint64 below_limit = time_many_attributes (6000);
  gint64 small = time_many_attributes (10000);
  gint64 large = time_many_attributes (30000);

  if (below_limit >= HOSTILE_MAX_USEC)
    FAIL ("6 000 attributes took %.3f s, more than 2 s", below_limit / (double)G_USEC_PER_SEC);

  if (large >= HOSTILE_MAX_USEC)
    FAIL ("30 000 attributes (0.3 MiB) took %.3f s, more than 2 s", large / (double)G_USEC_PER_SEC);
  if (large > G_USEC_PER_SEC / 4 && large > 6 * small)
    FAIL ("3 times the attributes took %.1f times as long (%.3f s, then %.3f s): quadratic",
          large / (double)small, small / (double)G_USEC_PER_SEC, large / (double)G_USEC_PER_SEC);
}

static void
test_hostile_truncated (void)
{
  const char *text = example_text ();
  g_autofree char *m1 = check_hostile (text, strlen (text) / 2, -1, NULL,
                                       "the example cut in half");
  g_autofree char *m2 = check_hostile (text, strlen (text) - 2, -1, NULL,
                                       "the example without its last bytes");
}

static void
test_hostile_bad_utf8 (void)
{
  static const struct { const char *bytes; const char *what; } cases[] = {
    { "Ch\xC3\x28ina", "invalid continuation byte" },
    { "Ch\xC0\xAFina", "overlong encoding" },
    { "Ch\xED\xA0\x80ina", "UTF-16 surrogate" },
    { "Ch\xFF\xFEina", "bytes never in UTF-8" },
    { "China\xE4\xB8", "truncated sequence" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autofree char *to = g_strdup_printf ("name=\"%s\"", cases[k].bytes);
      g_autofree char *document = ss_test_mutate (example_text (), "name=\"China\"", to);
      g_autofree char *message = check_hostile (document, strlen (document), 14, NULL,
                                                cases[k].what);
    }
}

static void
test_hostile_latin1 (void)
{
  g_autofree char *declared = ss_test_mutate (example_text (), "encoding=\"UTF-8\"",
                                      "encoding=\"ISO-8859-1\"");
  g_autofree char *accented = ss_test_mutate (declared, "name=\"China\"", "name=\"Chin\xE9\"");
  g_autofree char *m1 = check_hostile (declared, strlen (declared), 1, "ISO-8859-1",
                                       "declared ISO-8859-1");
  g_autofree char *m2 = check_hostile (accented, strlen (accented), 1, "ISO-8859-1",
                                       "ISO-8859-1 with a Latin-1 byte");
}

/* file-format.md: "A study is one UTF-8 XML file". */
static void
test_hostile_utf16 (void)
{
  g_autofree char *declared = ss_test_mutate (example_text (), "encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
  const char *undeclared = strchr (example_text (), '\n') + 1;
  struct { const char *utf8; const char *what; } cases[] = {
    { declared, "UTF-16 declared as UTF-16" },
    { undeclared, "UTF-16 with a BOM and no XML declaration" },
    { example_text (), "UTF-16 declared as UTF-8" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      g_autoptr(GError) error = NULL;
      gsize len;
      g_autofree char *utf16 = g_convert (cases[k].utf8, -1, "UTF-16", "UTF-8", NULL, &len, &error);
      g_autofree char *message = NULL;

      g_assert_no_error (error);
      message = check_hostile (utf16, len, -1, NULL, cases[k].what);
    }
}

static void
test_hostile_empty (void)
{
  static const char nuls[] = "\0\0\0\0<study\0version=\"1\">\0\xFF\xFE\x01\x02</study>\0";
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autofree char *blob = g_malloc (4096);
  char *in_title;
  g_autofree char *m1 = check_hostile_bytes (empty, -1, NULL, "zero-length file");
  g_autofree char *m2 = check_hostile (" \n\t\r\n  \n", 8, -1, NULL, "only white space");
  g_autofree char *m3 = check_hostile (nuls, sizeof nuls - 1, -1, NULL, "NUL bytes around a tag");
  g_autofree char *m4 = NULL, *m5 = NULL;
  GString *with_nul;

  for (guint k = 0; k < 4096; k++)
    blob[k] = g_test_rand_int_range (0, 256);
  blob[0] = '\0';
  m4 = check_hostile (blob, 4096, -1, NULL, "binary blob");

  /* A NUL inside an otherwise valid file must not end the document there. */
  with_nul = g_string_new (example_text ());
  in_title = strstr (with_nul->str, "Worked example");
  in_title[6] = '\0';
  m5 = check_hostile (with_nul->str, with_nul->len, 4, NULL, "NUL in the title");
  g_string_free (with_nul, TRUE);
}

/* A buffer of `size` bytes: the example, then spaces. */
static GBytes *
padded_example (gsize size)
{
  const char *text = example_text ();
  gsize len = strlen (text);
  char *buffer = g_malloc (size);

  g_assert_cmpuint (size, >=, len);
  memcpy (buffer, text, len);
  memset (buffer + len, ' ', size - len);
  return g_bytes_new_take (buffer, size);
}

static void
test_hostile_oversize_bytes (void)
{
  g_autoptr(GBytes) over = padded_example (SS_STUDY_FILE_MAX_SIZE + 1);
  g_autofree char *expected = g_strdup_printf ("the file is %d bytes, more than the 64 MiB "
                                               "a study may have", SS_STUDY_FILE_MAX_SIZE + 1);
  g_autofree char *message = check_hostile_bytes (over, 1, expected, "64 MiB + 1 byte");

  g_assert_cmpint (SS_STUDY_FILE_MAX_SIZE, ==, 64 * MIB);
}

/* The limit is inclusive: a file of exactly 64 MiB is read. Here the
 * bulk is the study's description. */
static void
test_limit_size_exact (void)
{
  const char *text = example_text ();
  const char *at = strstr (text, "A small study");
  gsize len = strlen (text);
  char *buffer = g_malloc (SS_STUDY_FILE_MAX_SIZE);
  gsize head = at - text;
  g_autoptr(GBytes) exact = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = NULL;

  memcpy (buffer, text, head);
  memset (buffer + head, 'x', SS_STUDY_FILE_MAX_SIZE - len);
  memcpy (buffer + head + SS_STUDY_FILE_MAX_SIZE - len, at, len - head);
  exact = g_bytes_new_take (buffer, SS_STUDY_FILE_MAX_SIZE);
  study = ss_study_load_bytes (exact, DISPLAY, &error);
  if (check_loads (study, error, "exactly 64 MiB"))
    g_assert_cmpuint (strlen (ss_study_get_meta (study)->description), >, 60 * MIB);
}

/* The same with the bulk as white space after the root element: still a
 * well-formed study of 64 MiB. */
static void
test_limit_size_exact_blank (void)
{
  g_autoptr(GBytes) exact = padded_example (SS_STUDY_FILE_MAX_SIZE);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_study_load_bytes (exact, DISPLAY, &error);

  check_loads (study, error, "exactly 64 MiB, padded with spaces");
}

static long
peak_memory_kib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_maxrss;
}

/* A sparse file of `size` bytes that starts with the example. */
static void
write_sparse_file (const char *path,
                   goffset     size)
{
  const char *text = example_text ();
  int fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize)strlen (text));
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
test_hostile_oversize_file (void)
{
  static const goffset sizes[] = { 65 * (goffset)MIB, 1024 * (goffset)MIB };
  g_autofree char *dir = make_temp_dir ();

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autofree char *path = g_build_filename (dir, "huge.supplyshift", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SsStudy) study = NULL;
      g_autofree char *expected = g_strdup_printf ("the file is %" G_GOFFSET_FORMAT " bytes, more "
                                                   "than the 64 MiB a study may have", sizes[k]);
      g_autofree char *what = g_strdup_printf ("sparse file of %" G_GOFFSET_FORMAT " MiB",
                                               sizes[k] / MIB);
      gint64 start, elapsed;
      long peak_before, peak_after;

      write_sparse_file (path, sizes[k]);
      peak_before = peak_memory_kib ();
      start = g_get_monotonic_time ();
      study = ss_study_load_file (file, DISPLAY, &error);
      elapsed = g_get_monotonic_time () - start;
      peak_after = peak_memory_kib ();
      g_test_message ("%s: %.3f s, peak memory %+ld KiB", what, elapsed / (double)G_USEC_PER_SEC,
                      peak_after - peak_before);

      check_refused (study, error, 1, expected, what);
      if (elapsed >= HOSTILE_MAX_USEC)
        FAIL ("%s: took %.3f s, more than 2 s", what, elapsed / (double)G_USEC_PER_SEC);
      /* Refused from its size, not read into memory first (1 GiB would show). */
      if (peak_after - peak_before > 256 * 1024)
        FAIL ("%s: peak memory grew by %ld KiB; the file was read before being refused", what,
              peak_after - peak_before);
      g_unlink (path);
    }
  ss_test_remove_tree (dir);
}

static void
test_read_missing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing.supplyshift", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  g_autoptr(SsStudy) study = ss_study_load_file (missing, DISPLAY, &error);
  g_autoptr(SsStudy) study2 = ss_study_load_file (folder, DISPLAY, &error2);

  g_assert_null (study);
  g_assert_error (error, SS_STUDY_ERROR, SS_STUDY_ERROR_READ);
  g_assert_true (g_str_has_prefix (error->message, DISPLAY ": error: "));
  g_assert_null (study2);
  g_assert_error (error2, SS_STUDY_ERROR, SS_STUDY_ERROR_READ);
  g_assert_true (g_str_has_prefix (error2->message, DISPLAY ": error: "));
  ss_test_remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Round trips and saving                                             */
/* ------------------------------------------------------------------ */

/* "line N: A / B" for the first line where two documents differ. */
static char *
first_difference (const char *a,
                  const char *b)
{
  g_auto(GStrv) lines_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lines_b = g_strsplit (b, "\n", -1);
  guint i;

  for (i = 0; lines_a[i] != NULL && lines_b[i] != NULL; i++)
    if (!g_str_equal (lines_a[i], lines_b[i]))
      break;
  return g_strdup_printf ("line %u: \"%s\" / \"%s\"", i + 1, lines_a[i] ? lines_a[i] : "(end)",
                          lines_b[i] ? lines_b[i] : "(end)");
}

/* load → to_xml → load is the same study; save → load → save the same bytes. */
static void
check_round_trip (SsStudy    *study,
                  const char *what)
{
  g_autofree char *first = ss_study_to_xml (study);
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) reread = ss_test_load_text (first, &error);

  if (!check_loads (reread, error, what))
    return;
  if (!ss_study_equal (study, reread) || !ss_study_equal (reread, study))
    FAIL ("%s: the study read back differs from the one saved", what);
  second = ss_study_to_xml (reread);
  if (g_strcmp0 (first, second) != 0)
    {
      g_autofree char *where = first_difference (first, second);

      FAIL ("%s: saving the study read back gives different bytes, %s", what, where);
    }
}

static void
test_round_trip_example (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE);

  check_round_trip (study, "example");
}

static void
test_round_trip_sample (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();

  g_assert_nonnull (study);
  check_round_trip (study, "sample");
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

#define ITEM_NAME "Lithium <hydroxide> & 'LiOH' \"battery\" 한국"

static void
test_round_trip_specials (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE);
  SsMeta *meta = ss_study_get_meta (study);
  SsScenario *scenario = ss_study_get_scenario (study, 0);
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) reread = NULL;

  set_string (&meta->title, "Tags <b> & \"quotes\" 'apostrophes' ]]> 한국");
  set_string (&meta->description, "First line & <second>\nSecond line, \"한국\"\n  indented\n");
  set_string (&meta->source, "a > b; c < d; 'e' & \"f\" &amp;");
  set_string (&meta->currency, "₩ & <KRW>");
  set_string (&ss_study_get_country (study, 0)->name, "China <PRC> & \"Mainland\" 'CN'");
  set_string (&ss_study_get_item (study, 0)->name, ITEM_NAME);
  set_string (&ss_study_get_item (study, 0)->category, "Battery & <materials>");
  set_string (&scenario->name, "Vietnam <plus> & 'more' \"한국\"");
  set_string (&scenario->description, "Move \"everything\"\nto <ASEAN> & 한국\n");

  check_round_trip (study, "XML specials");
  xml = ss_study_to_xml (study);
  reread = ss_test_load_text (xml, &error);
  if (!check_loads (reread, error, "XML specials"))
    return;
  g_assert_cmpstr (ss_study_get_meta (reread)->title, ==, meta->title);
  g_assert_cmpstr (ss_study_get_meta (reread)->description, ==, meta->description);
  g_assert_cmpstr (ss_study_get_scenario (reread, 0)->description, ==, scenario->description);
  g_assert_cmpstr (ss_study_get_item (reread, 0)->name, ==, ITEM_NAME);
}

/* Character references keep a tab, a newline or a carriage return that
 * XML would otherwise normalise (to a space in attributes, CR to LF in
 * text); the saver must write them back the same way, or load → save →
 * load changes the study. */
static void
test_round_trip_whitespace_references (void)
{
  g_autofree char *named = ss_test_mutate (example_text (), "name=\"China\"",
                                   "name=\"China&#9;PRC&#13;&#10;Mainland\"");
  g_autofree char *document = ss_test_mutate (named, "A small study", "A small&#13;study");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = ss_test_load_text (document, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (ss_study_get_country (study, 0)->name, ==, "China\tPRC\r\nMainland");
  g_assert_nonnull (strstr (ss_study_get_meta (study)->description, "small\rstudy"));
  check_round_trip (study, "tab, newline and carriage return from references");
}

static void
test_round_trip_shortest_numbers (void)
{
  static const char *present[] = {
    "share=\"0.84\"", "governance=\"5.5\"", "cost-index=\"1.08\"",
    "<discount-rate>0.05</discount-rate>",
  };
  static const char *absent[] = { "0.83999", "00000000", "99999999", "e-0" };
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE);
  g_autofree char *xml = ss_study_to_xml (study);

  for (guint k = 0; k < G_N_ELEMENTS (present); k++)
    if (strstr (xml, present[k]) == NULL)
      FAIL ("the saved example lacks %s", present[k]);
  for (guint k = 0; k < G_N_ELEMENTS (absent); k++)
    if (strstr (xml, absent[k]) != NULL)
      FAIL ("the saved example contains %s:\n%s", absent[k], xml);
}

/* The saver's output is valid against the shipped schema, too. */
static void
test_round_trip_schema (void)
{
  g_autofree char *xmllint = find_xmllint ();
  g_autofree char *dir = NULL;
  g_autoptr(SsStudy) example = NULL;
  g_autoptr(SsStudy) sample = NULL;
  SsStudy *studies[2];

  if (xmllint == NULL)
    return;
  dir = make_temp_dir ();
  example = ss_test_load_study (SS_TEST_STUDY_EXAMPLE);
  sample = ss_study_load_sample ();
  studies[0] = example;
  studies[1] = sample;
  for (guint k = 0; k < G_N_ELEMENTS (studies); k++)
    {
      const char *name = k == 0 ? "example.supplyshift" : "sample.supplyshift";
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *xml = ss_study_to_xml (studies[k]);
      g_autofree char *errors = NULL;
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, xml, -1, &error);
      g_assert_no_error (error);
      if (!xmllint_valid (xmllint, path, &errors))
        FAIL ("the saved %s does not validate:\n%s", path, errors);
    }
  ss_test_remove_tree (dir);
}

static void
test_save_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "study.supplyshift", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE);
  g_autoptr(GError) error = NULL;
  g_autofree char *first_xml = ss_study_to_xml (study);
  g_autofree char *second_xml = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *saved_backup = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (ss_study_save_file (study, file, FALSE, &error));
  g_assert_no_error (error);
  contents = ss_test_read_file (path);
  g_assert_cmpstr (contents, ==, first_xml);
  listing = ss_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "study.supplyshift");

  /* Saving again with a backup: the new version in place, the old one in "~". */
  set_string (&ss_study_get_meta (study)->title, "Second version");
  second_xml = ss_study_to_xml (study);
  g_assert_true (ss_study_save_file (study, file, TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  contents = ss_test_read_file (path);
  g_assert_cmpstr (contents, ==, second_xml);
  if (!g_file_get_contents (backup, &saved_backup, NULL, NULL))
    FAIL ("no backup %s after saving with make_backup", backup);
  else if (g_strcmp0 (saved_backup, first_xml) != 0)
    FAIL ("the backup does not hold the previous version");
  g_clear_pointer (&listing, g_free);
  listing = ss_test_list_dir (dir);
  if (g_strcmp0 (listing, "study.supplyshift study.supplyshift~") != 0)
    FAIL ("after a save with backup the folder holds: %s", listing);

  {
    g_autoptr(SsStudy) reread = ss_study_load_file (file, DISPLAY, &error);

    g_assert_no_error (error);
    g_assert_true (ss_study_equal (study, reread));
  }
  ss_test_remove_tree (dir);
}

static void
test_save_missing_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *path = g_build_filename (missing, "study.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (ss_study_save_file (study, file, FALSE, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  listing = ss_test_list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
  ss_test_remove_tree (dir);
}

static void
test_save_read_only_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SsStudy) study = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  gboolean saved;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores folder permissions");
      return;
    }
  dir = make_temp_dir ();
  path = g_build_filename (dir, "study.supplyshift", NULL);
  file = g_file_new_for_path (path);
  study = ss_test_load_study (SS_TEST_STUDY_EXAMPLE);
  old = ss_study_to_xml (study);
  g_assert_true (ss_study_save_file (study, file, FALSE, &error));
  g_assert_no_error (error);

  set_string (&ss_study_get_meta (study)->title, "Never written");
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  saved = ss_study_save_file (study, file, FALSE, &error);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

  /* No temporary file can be made next to it, so the save must fail
   * rather than rewrite the old file in place. */
  contents = ss_test_read_file (path);
  listing = ss_test_list_dir (dir);
  if (saved)
    FAIL ("saving into a read-only folder succeeded; the file was %s",
          g_strcmp0 (contents, old) == 0 ? "left as it was" : "rewritten in place, not atomically");
  else if (error == NULL)
    FAIL ("the save failed without a GError");
  if (g_strcmp0 (contents, old) != 0)
    FAIL ("the old file was changed by a save into a read-only folder");
  if (g_strcmp0 (listing, "study.supplyshift") != 0)
    FAIL ("the read-only folder now holds: %s", listing);
  ss_test_remove_tree (dir);
}

/* ------------------------------------------------------------------ */
/* Number syntax                                                      */
/* ------------------------------------------------------------------ */

static void
test_number_accepted (void)
{
  static const struct { const char *text; double value; } cases[] = {
    { "1", 1 }, { "-1", -1 }, { "+1", 1 }, { "1.", 1 }, { ".5", 0.5 }, { "1e3", 1000 },
    { "1E-3", 0.001 }, { "0", 0 }, { "0.84", 0.84 }, { "00.5", 0.5 }, { "1e+3", 1000 },
    { "-.5", -0.5 }, { "12.25e2", 1225 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      double value = NAN;

      if (!ss_parse_number (cases[k].text, &value))
        FAIL ("\"%s\" refused", cases[k].text);
      else if (value != cases[k].value)
        FAIL ("\"%s\" read as %.17g, expected %.17g", cases[k].text, value, cases[k].value);
    }
}

static void
test_number_refused (void)
{
  static const char *cases[] = {
    "NaN", "nan", "inf", "-inf", "Infinity", "0x10", "1,5", "0.84abc", " 0.84", "", "1e999",
    "-1e999", "1e", "e3", ".", "-", "+", "1.2.3", "0x1p3", " 1", "1 ", "\t1", "1\n", "--1", "+-1",
    "1e+", "1e3.5",
    "1_000", "1 000", "\xEF\xBC\x91", "0.5%", "½",
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      double value = 42;

      if (ss_parse_number (cases[k], &value))
        FAIL ("\"%s\" accepted as %.17g", cases[k], value);
    }
  g_assert_false (ss_parse_number (NULL, NULL));
}

static void
check_format_round_trip (double value)
{
  char buf[SS_NUMBER_BUF];
  double back = NAN;

  ss_format_number (buf, sizeof buf, value);
  g_assert_cmpuint (strlen (buf), <, SS_NUMBER_BUF - 1);
  if (!ss_parse_number (buf, &back) || back != value)
    FAIL ("%.17g is written \"%s\", which reads back as %.17g", value, buf, back);
}

static void
test_number_format_round_trip (void)
{
  for (guint k = 0; k < 1000; k++)
    check_format_round_trip (g_test_rand_double ());
  for (guint k = 0; k < 1000; k++)
    check_format_round_trip (g_test_rand_double_range (-1e6, 1e6));
  for (guint k = 0; k < 1000; k++)
    {
      guint64 bits = ((guint64)g_test_rand_int () << 32) | (guint32)g_test_rand_int ();
      double value;

      memcpy (&value, &bits, sizeof value);
      if (isfinite (value))
        check_format_round_trip (value);
    }
  check_format_round_trip (G_MAXDOUBLE);
  check_format_round_trip (-G_MAXDOUBLE);
  check_format_round_trip (G_MINDOUBLE);
  check_format_round_trip (4.9406564584124654e-324);
}

static void
check_format (double      value,
              const char *expected)
{
  char buf[SS_NUMBER_BUF];

  ss_format_number (buf, sizeof buf, value);
  g_assert_cmpstr (buf, ==, expected);
}

static void
test_number_format_shortest (void)
{
  check_format (0.1, "0.1");
  check_format (-0.0, "0");
  check_format (0, "0");
  check_format (0.84, "0.84");
  check_format (1, "1");
  check_format (-1.5, "-1.5");
  check_format (3500, "3500");
  check_format (1e9, "1000000000");
  check_format (0.1 + 0.2, "0.30000000000000004");
  check_format (1.0 / 3, "0.3333333333333333");
}

static void
test_number_describe_range (void)
{
  g_autofree char *governance = ss_attr_describe_range (&ss_country_attrs[SS_COUNTRY_GOVERNANCE]);
  g_autofree char *growth = ss_attr_describe_range (&ss_country_attrs[SS_COUNTRY_COST_GROWTH]);
  g_autofree char *trade = ss_attr_describe_range (&ss_source_attrs[SS_SOURCE_TRADE_FACTOR]);
  g_autofree char *days = ss_attr_describe_range (&ss_country_attrs[SS_COUNTRY_DISRUPTION_DAYS]);

  g_assert_cmpstr (governance, ==, "(0, 10]");
  g_assert_cmpstr (growth, ==, "[-0.99, 1)");
  g_assert_cmpstr (trade, ==, "[0.5, 2]");
  g_assert_cmpstr (days, ==, "[0, 365]");
}

/* Numbers are read in the C locale whatever the user's. */
static void
test_number_comma_locale (void)
{
  double value = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = NULL;
  g_autofree char *comma = NULL;
  g_autoptr(SsStudy) comma_study = NULL;
  g_autoptr(GError) comma_error = NULL;

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      if (g_getenv ("CI") != NULL)
        FAIL ("CI must provide the de_DE.UTF-8 locale");
      else
        g_test_skip ("no de_DE.UTF-8 locale here");
      return;
    }
  g_assert_true (ss_parse_number ("0.5", &value));
  g_assert_cmpfloat (value, ==, 0.5);
  g_assert_false (ss_parse_number ("0,5", &value));
  study = ss_test_load_text (example_text (), &error);
  comma = ss_test_mutate (example_text (), "share=\"0.84\"", "share=\"0,84\"");
  comma_study = ss_test_load_text (comma, &comma_error);
  setlocale (LC_ALL, "C");

  g_assert_no_error (error);
  g_assert_cmpfloat (ss_study_get_item (study, 0)->sources[0].attr[SS_SOURCE_SHARE], ==, 0.84);
  check_refused (comma_study, comma_error, 22, "share \"0,84\" " NOT_A_NUMBER, "comma in de_DE");
}

/* ------------------------------------------------------------------ */

static GPtrArray *owned;                /* paths and cases that outlive main's loops */

static RangeCase *
add_range (const char       *kind,
           const SsAttrSpec *spec,
           Place             place,
           guint             line,
           const char       *context)
{
  RangeCase *rc = g_new0 (RangeCase, 1);

  rc->path = g_strdup_printf ("/study-file/range/%s/%s", kind, spec->name);
  rc->spec = spec;
  rc->place = place;
  rc->line = line;
  rc->context = context;
  g_ptr_array_add (owned, rc->path);
  g_ptr_array_add (owned, rc);
  g_test_add_data_func (rc->path, rc, test_range);
  return rc;
}

static void
add_data_test (const char    *path,
               gconstpointer  data,
               GTestDataFunc  func)
{
  char *copy = g_strdup (path);

  g_ptr_array_add (owned, copy);
  g_test_add_data_func (copy, data, func);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char **args = g_new0 (char *, argc + 2);
  char **argp = args;
  int status;

  /* Keep going after a failed case, so one loader bug does not hide the
   * cases after it (the tests share nothing but the read-only example). */
  memcpy (args, argv, argc * sizeof (char *));
  args[argc++] = (char *)"--keep-going";
  g_test_init (&argc, &argp, NULL);
  owned = g_ptr_array_new_with_free_func (g_free);

  g_test_add_func ("/study-file/rule/example-loads", test_example_loads);
  g_test_add_func ("/study-file/rule/study/root-element", test_root_element);
  g_test_add_func ("/study-file/rule/defaults", test_defaults);
  for (guint k = 0; k < G_N_ELEMENTS (rules); k++)
    {
      g_autofree char *path = g_strconcat ("/study-file/rule/", rules[k].path, NULL);

      add_data_test (path, &rules[k], test_rule);
    }

  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    {
      g_autofree char *path = g_strdup_printf ("/study-file/rule/country/missing/%s",
                                               ss_country_attrs[a].name);

      add_data_test (path, &ss_country_attrs[a], test_country_attr_required);
    }
  for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
    {
      g_autofree char *path = g_strdup_printf ("/study-file/rule/item/missing/%s",
                                               ss_item_attrs[a].name);

      add_data_test (path, &ss_item_attrs[a], test_item_attr_default);
    }
  /* Version 1's source attributes; test-study-v2.c has the others. */
  for (guint a = 0; a <= SS_SOURCE_TRADE_FACTOR; a++)
    {
      g_autofree char *path = g_strdup_printf ("/study-file/rule/source/missing/%s",
                                               ss_source_attrs[a].name);

      add_data_test (path, &ss_source_attrs[a], test_source_attr_default);
    }

  g_test_add_func ("/study-file/range/tables", test_range_tables);
  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    add_range ("country", &ss_country_attrs[a], PLACE_ATTR, 14, "country CN");
  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    add_range ("override", &ss_country_attrs[a], PLACE_ATTR, 62,
               "scenario china-shock: country CN");
  for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
    add_range ("item", &ss_item_attrs[a], PLACE_ATTR, 21, "item 282520");
  add_range ("source", &ss_source_attrs[SS_SOURCE_SHARE], PLACE_SOURCE_SHARE, 22,
             "item 282520: source CN");
  add_range ("source", &ss_source_attrs[SS_SOURCE_COST_INDEX], PLACE_ATTR, 23,
             "item 282520: source ID");
  add_range ("source", &ss_source_attrs[SS_SOURCE_TARIFF], PLACE_ATTR, 29,
             "item 310210: source ID");
  add_range ("source", &ss_source_attrs[SS_SOURCE_CAPACITY], PLACE_ATTR, 24,
             "item 282520: source KR");
  add_range ("source", &ss_source_attrs[SS_SOURCE_TRADE_FACTOR], PLACE_ATTR, 22,
             "item 282520: source CN");
  add_range ("meta", &ss_spec_horizon, PLACE_INTEGER, 7, "<meta>");
  add_range ("meta", &ss_spec_base_year, PLACE_INTEGER, 6, "<meta>");
  add_range ("meta", &ss_spec_discount_rate, PLACE_ELEMENT, 9, "<meta>");
  add_range ("meta", &ss_spec_threshold, PLACE_THRESHOLDS, 11, "<thresholds>");
  add_range ("scenario", &ss_spec_transition_years, PLACE_ELEMENT, 42, "scenario vietnam-plus");
  add_range ("scenario", &ss_spec_switching_cost, PLACE_ELEMENT, 43, "scenario vietnam-plus");
  add_range ("scenario", &ss_spec_subsidy, PLACE_ELEMENT, 44, "scenario vietnam-plus");
  add_range ("stockpile-all", &ss_spec_stockpile_days, PLACE_ATTR, 45, "scenario vietnam-plus");
  add_range ("stockpile-item", &ss_spec_stockpile_days, PLACE_ATTR, 46, "scenario vietnam-plus");
  add_range ("target", &ss_spec_target_share, PLACE_TARGET_SHARE, 47, "scenario vietnam-plus");

  g_test_add_func ("/study-file/limit/countries", test_limit_countries);
  g_test_add_func ("/study-file/limit/scenarios", test_limit_scenarios);
  g_test_add_func ("/study-file/limit/items", test_limit_items);
  g_test_add_func ("/study-file/limit/errors", test_limit_errors);
  g_test_add_func ("/study-file/limit/size-exact", test_limit_size_exact);
  g_test_add_func ("/study-file/limit/size-exact-blank-padding", test_limit_size_exact_blank);
  g_test_add_func ("/study-file/limit/big-line-numbers", test_big_line_numbers);

  g_test_add_func ("/study-file/schema/rng-invalid-loader", test_rng_invalid_loader);
  g_test_add_func ("/study-file/schema/rng-invalid-xmllint", test_rng_invalid_xmllint);
  g_test_add_func ("/study-file/schema/example-valid", test_valid_example);
  g_test_add_func ("/study-file/schema/sample-valid", test_valid_sample);
  g_test_add_func ("/study-file/schema/saved-valid", test_round_trip_schema);

  g_test_add_func ("/study-file/hostile/external-entity", test_hostile_xxe);
  g_test_add_func ("/study-file/hostile/billion-laughs", test_hostile_billion_laughs);
  g_test_add_func ("/study-file/hostile/doctype-after-comment", test_hostile_doctype_after_comment);
  g_test_add_func ("/study-file/hostile/doctype-utf16", test_hostile_doctype_utf16);
  g_test_add_func ("/study-file/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/study-file/hostile/many-attributes", test_hostile_many_attributes);
  g_test_add_func ("/study-file/hostile/truncated", test_hostile_truncated);
  g_test_add_func ("/study-file/hostile/bad-utf8", test_hostile_bad_utf8);
  g_test_add_func ("/study-file/hostile/latin1", test_hostile_latin1);
  g_test_add_func ("/study-file/hostile/utf16", test_hostile_utf16);
  g_test_add_func ("/study-file/hostile/empty-and-binary", test_hostile_empty);
  g_test_add_func ("/study-file/hostile/oversize-bytes", test_hostile_oversize_bytes);
  g_test_add_func ("/study-file/hostile/oversize-file", test_hostile_oversize_file);
  g_test_add_func ("/study-file/read/missing-and-folder", test_read_missing);

  g_test_add_func ("/study-file/round-trip/example", test_round_trip_example);
  g_test_add_func ("/study-file/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/study-file/round-trip/specials", test_round_trip_specials);
  g_test_add_func ("/study-file/round-trip/whitespace-references",
                   test_round_trip_whitespace_references);
  g_test_add_func ("/study-file/round-trip/shortest-numbers", test_round_trip_shortest_numbers);
  g_test_add_func ("/study-file/save/file-and-backup", test_save_file);
  g_test_add_func ("/study-file/save/missing-folder", test_save_missing_folder);
  g_test_add_func ("/study-file/save/read-only-folder", test_save_read_only_folder);

  g_test_add_func ("/study-file/number/accepted", test_number_accepted);
  g_test_add_func ("/study-file/number/refused", test_number_refused);
  g_test_add_func ("/study-file/number/format-round-trip", test_number_format_round_trip);
  g_test_add_func ("/study-file/number/format-shortest", test_number_format_shortest);
  g_test_add_func ("/study-file/number/describe-range", test_number_describe_range);
  g_test_add_func ("/study-file/number/comma-locale", test_number_comma_locale);

  status = g_test_run ();

  g_ptr_array_unref (owned);
  g_strfreev (example_lines_cache);
  g_free (example_cache);
  return status;
}
