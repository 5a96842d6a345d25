/* test-json-strict.c: the tests' JSON reader refuses what a report must not hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report tests read the program's JSON through json-strict.c. If that
 * reader let a broken report through (a hexadecimal number, a bad escape,
 * a member given twice, an infinite figure), those tests would pass on a
 * report that other programs refuse or read differently.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <string.h>

#include "json-strict.h"

typedef struct
{
  const char *text;
  const char *why;                     /* part of the expected message */
} Bad;

static const Bad bad[] = {
  { "{\"a\": 0x1F}", "expected ',' or '}'" },
  { "{\"a\": \"\\q\"}", "bad escape \\q" },
  { "{\"a\": \"\\x41\"}", "bad escape \\x" },
  { "{\"a\": 1, \"a\": 2}", "\"a\" appears twice" },
  { "{\"a\": 1, \"\\u0061\": 2}", "\"a\" appears twice" },
  { "{\"s\": [{\"b\": {\"x\": 1, \"y\": 2, \"x\": 3}}]}", "\"x\" appears twice" },
  { "{\"a\": 1e999}", "not a finite number" },
  { "[1, -1e999]", "not a finite number" },
  { "{\"a\": NaN}", "expected a value" },
  { "{\"a\": Infinity}", "expected a value" },
  { "{\"a\": 12345678901234567890123}", "does not fit a 64-bit integer" },
  { "{\"a\": 01}", "cannot start with 0" },
  { "{\"a\": .5}", "expected a value" },
  { "{\"a\": 1.}", "a decimal point needs a digit" },
  { "{\"a\": 1e}", "an exponent needs a digit" },
  { "{\"a\": +1}", "expected a value" },
  { "{'a': 1}", "double quotes" },
  { "{a: 1}", "double quotes" },
  { "{\"a\": 1,}", "double quotes" },
  { "[1, 2,]", "expected a value" },
  { "/* c */ {\"a\": 1}", "expected a value" },
  { "{\"a\": 1} {}", "text after the JSON value" },
  { "{\"a\": 1} x", "text after the JSON value" },
  { "", "found the end" },
  { "  \n", "found the end" },
  { "{\"a\": \"\\u12\"}", "four hexadecimal digits" },
  { "{\"a\": \"\\ud800\"}", "unpaired high surrogate" },
  { "{\"a\": \"\\udc00\"}", "unpaired low surrogate" },
  { "{\"a\": \"\\ud800\\u0041\"}", "not followed by a low one" },
  { "{\"a\": \"tab\there\"}", "control character U+0009" },
  { "{\"a\": \"\xff\"}", "not UTF-8" },
  { "{\"a\": tru}", "expected a value" },
  { "{\"a\": \"open}", "unterminated string" },
  { "[[[[", "found the end" },
};

static void
test_refuses (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = ss_json_parse_strict (bad[k].text, -1, &error);

      if (node != NULL)
        g_error ("accepted %s", bad[k].text);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      if (strstr (error->message, bad[k].why) == NULL)
        g_error ("%s: expected \"%s\", got \"%s\"", bad[k].text, bad[k].why, error->message);
    }
}

/* The position is the user's way to the mistake. */
static void
test_position (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ss_json_parse_strict ("{\n  \"a\": [1,\n    0x2]\n}", -1, &error);

  g_assert_null (node);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "3:6: "));
}

/* A NUL inside the text is not the end of it. */
static void
test_nul (void)
{
  static const char text[] = "{\"a\": 1}\0{\"a\": 2}";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ss_json_parse_strict (text, sizeof text - 1, &error);

  g_assert_null (node);
  g_assert_nonnull (strstr (error->message, "NUL byte"));
}

static void
test_accepts (void)
{
  static const char text[] =
    " {\"n\": [0, -0, 1.5, -2.25e-3, 1E+2, 9223372036854775807, -9223372036854775808],\n"
    "  \"s\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00 \xea\xb0\x80\",\n"
    "  \"o\": {\"a\": {\"a\": 1}, \"b\": []}, \"t\": true, \"f\": false, \"z\": null}\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = ss_json_parse_strict (text, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ss_json_type (node), ==, SS_JSON_OBJECT);
  g_assert_cmpuint (ss_json_length (node), ==, 6);
  g_assert_cmpfloat (ss_json_number (ss_json_path (node, "n/3")), ==, -2.25e-3);
  g_assert_cmpfloat (ss_json_number (ss_json_path (node, "n/4")), ==, 100);
  g_assert_cmpfloat (ss_json_number (ss_json_path (node, "n/5")), ==, (double)G_MAXINT64);
  g_assert_cmpstr (ss_json_string (ss_json_get (node, "s")), ==,
                   "\"\\/\b\f\n\r\t\xc3\xa9\xf0\x9f\x98\x80 \xea\xb0\x80");
  g_assert_cmpfloat (ss_json_number (ss_json_path (node, "o/a/a")), ==, 1);
  g_assert_cmpint (ss_json_type (ss_json_path (node, "o/b")), ==, SS_JSON_ARRAY);
  g_assert_cmpint (ss_json_type (ss_json_get (node, "t")), ==, SS_JSON_BOOLEAN);
  g_assert_cmpint (ss_json_type (ss_json_get (node, "z")), ==, SS_JSON_NULL);
  g_assert_null (ss_json_path (node, "n/7"));
  g_assert_null (ss_json_path (node, "n/x"));
  g_assert_null (ss_json_path (node, "o/c"));
}

/* The expected reports themselves read strictly. */
static void
test_expected_reports (void)
{
  g_autoptr(JsonNode) v1 = ss_json_load_data ("example-report.json");

  g_assert_cmpint (ss_json_type (v1), ==, SS_JSON_OBJECT);
  g_assert_cmpstr (ss_json_string (ss_json_get (v1, "format")), ==, "supplyshift-report");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-strict/refuses", test_refuses);
  g_test_add_func ("/json-strict/position", test_position);
  g_test_add_func ("/json-strict/nul", test_nul);
  g_test_add_func ("/json-strict/accepts", test_accepts);
  g_test_add_func ("/json-strict/expected-reports", test_expected_reports);

  return g_test_run ();
}
