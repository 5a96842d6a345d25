/* test-typed.c: what a planner types reads as meant, or is refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ss_typed_normalize() with the marks of German, English, C and French,
 * given by hand so no locale needs to be installed; then ss_typed_parse()
 * and ss_typed_parse_in() in the C locale and, when it is installed, in
 * de_DE.UTF-8: out of range is refused with the field and its range,
 * never clamped.
 */

#include "config.h"

#include <locale.h>
#include <math.h>

#include "ss-typed.h"

static const SsNumberMarks de = { ",", "." };
static const SsNumberMarks en = { ".", "," };
static const SsNumberMarks c = { ".", "" };
static const SsNumberMarks fr = { ",", "\u202f" };

static void
assert_reads (const SsNumberMarks *marks,
              const char          *text,
              const char          *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = ss_typed_normalize (text, marks, &error);

  if (got == NULL)
    g_error ("“%s” with decimal “%s”, grouping “%s”: %s", text, marks->decimal,
             marks->thousands, error->message);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, expected);
}

static void
assert_refused (const SsNumberMarks *marks,
                const char          *text,
                int                  code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = ss_typed_normalize (text, marks, &error);

  if (got != NULL)
    g_error ("“%s” with decimal “%s” read as %s", text, marks->decimal, got);
  g_assert_error (error, SS_TYPED_ERROR, code);
}

/* "12,5" and "12.5" are 12.5 in German; so they are in English, where
 * "," cannot group "12,5". */
static void
test_both_marks (void)
{
  const SsNumberMarks *all[] = { &de, &en, &c, &fr };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      assert_reads (all[i], "12,5", "12.5");
      assert_reads (all[i], "12.5", "12.5");
      assert_reads (all[i], " 7,30 ", "7.30");
      assert_reads (all[i], "0,125", "0.125");         /* no group starts with 0 */
      assert_reads (all[i], "0.125", "0.125");
      assert_reads (all[i], "-3", "-3");
      assert_reads (all[i], "\u22123,5", "-3.5");      /* MINUS SIGN */
      assert_reads (all[i], "+4", "4");
      assert_reads (all[i], ",5", ".5");
      assert_reads (all[i], "1e-3", "1e-3");
      assert_reads (all[i], "1,5E2", "1.5e2");
      assert_reads (all[i], "100", "100");
      assert_reads (all[i], "1234,5678", "1234.5678");
    }
}

/* The locale's own grouping is grouping, never a decimal mark. */
static void
test_grouping (void)
{
  assert_reads (&de, "1.234", "1234");
  assert_reads (&de, "1.234,5", "1234.5");
  assert_reads (&de, "1.234.567", "1234567");
  assert_reads (&de, "1 234,5", "1234.5");
  assert_reads (&de, "1\u00a0234", "1234");
  assert_reads (&en, "1,234", "1234");
  assert_reads (&en, "1,234.5", "1234.5");
  assert_reads (&en, "12,345,678", "12345678");
  assert_reads (&fr, "1\u202f234,5", "1234.5");
  /* The other locale's whole form, both marks given: the last is the
   * decimal one. */
  assert_reads (&de, "1,234.5", "1234.5");
  assert_reads (&en, "1.234,5", "1234.5");
}

static void
test_refused (void)
{
  /* Could be either: nothing is guessed. */
  assert_refused (&c, "1,234", SS_TYPED_ERROR_AMBIGUOUS);
  assert_refused (&fr, "1.234", SS_TYPED_ERROR_AMBIGUOUS);
  assert_refused (&c, "-12,345", SS_TYPED_ERROR_AMBIGUOUS);

  assert_refused (&de, "", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "abc", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "12a", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "1,2,3", SS_TYPED_ERROR_INVALID);     /* the decimal mark twice */
  assert_refused (&en, "1.2.3", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "12.34.5", SS_TYPED_ERROR_INVALID);   /* not in threes */
  assert_refused (&en, "1,23,456", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "1.5,2.5", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "1,5.2,5", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, ".", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "-", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "1e", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "nan", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "inf", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "0x10", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "1e999", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "12 5,5", SS_TYPED_ERROR_INVALID);
  assert_refused (&de, "1,5 5", SS_TYPED_ERROR_INVALID);
}

/* A share typed at 150 % is refused, naming the field and its range;
 * in range it is read as the decimal typed (7.3 % is 7.3e-2). */
static void
test_field (void)
{
  const SsAttrSpec *share = &ss_spec_policy_share;
  g_autoptr(GError) error = NULL;
  double value = -1;

  g_assert_true (ss_typed_parse (share, "Share", "7.3", &value, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (value, ==, 7.3e-2);
  g_assert_true (ss_typed_parse (share, "Share", "12,5 %", &value, &error));
  g_assert_cmpfloat (value, ==, 0.125);

  value = -1;
  g_assert_false (ss_typed_parse (share, "Share of the 2030 target", "150", &value, &error));
  g_assert_error (error, SS_TYPED_ERROR, SS_TYPED_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==, "Share of the 2030 target must be a percentage in (0, 100]");
  g_assert_cmpfloat (value, ==, -1);
  g_clear_error (&error);

  g_assert_false (ss_typed_parse (&ss_country_attrs[SS_COUNTRY_DISRUPTION_DAYS],
                                  "Disruption days of China", "12x", &value, &error));
  g_assert_error (error, SS_TYPED_ERROR, SS_TYPED_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Disruption days of China must be a number in [0, 365]");
  g_clear_error (&error);

  g_assert_false (ss_typed_parse (&ss_spec_horizon, "Horizon", "2.5", &value, &error));
  g_assert_cmpstr (error->message, ==, "Horizon must be a whole number in [1, 50]");
  g_clear_error (&error);

  g_assert_false (ss_typed_parse (&ss_country_attrs[SS_COUNTRY_DISRUPTION_DAYS],
                                  "Disruption days of China", "1,234", &value, &error));
  g_assert_error (error, SS_TYPED_ERROR, SS_TYPED_ERROR_AMBIGUOUS);
  g_assert_cmpstr (error->message, ==, "Disruption days of China: “1,234” could be 1234 or 1.234: "
                                       "type it without a thousands separator");
  g_clear_error (&error);

  /* As a spin button shows it: 0 to 100 as typed. */
  g_assert_true (ss_typed_parse_in ("Share of China", "12,5", SS_UNIT_PERCENT, 0, 100, &value, &error));
  g_assert_cmpfloat (value, ==, 12.5);
  g_assert_false (ss_typed_parse_in ("Share of China", "150", SS_UNIT_PERCENT, 0, 100, &value, &error));
  g_assert_error (error, SS_TYPED_ERROR, SS_TYPED_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==, "Share of China must be a percentage in [0, 100]");
  g_clear_error (&error);
  g_assert_false (ss_typed_parse_in ("Share of China", "-1", SS_UNIT_PERCENT, 0, 100, &value, &error));
  g_clear_error (&error);
  g_assert_false (ss_typed_parse_in ("Transition", "2,5", SS_UNIT_WHOLE, 1, 30, &value, &error));
  g_assert_cmpstr (error->message, ==, "Transition must be a whole number in [1, 30]");
  g_clear_error (&error);
  g_assert_cmpfloat (value, ==, 12.5);
}

/* In German the locale's own marks, and ranges in them. */
static void
test_german (void)
{
  g_autoptr(GError) error = NULL;
  char buf[SS_NUMBER_BUF];
  double value = 0;

  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      if (g_getenv ("CI") != NULL)
        g_error ("CI makes de_DE.UTF-8 (build-aux/install-deps.sh)");
      g_test_skip ("de_DE.UTF-8 is not installed");
      return;
    }
  g_assert_true (ss_typed_parse_number ("12,5", NULL, &value, &error));
  g_assert_cmpfloat (value, ==, 12.5);
  g_assert_true (ss_typed_parse_number ("12.5", NULL, &value, &error));
  g_assert_cmpfloat (value, ==, 12.5);
  g_assert_true (ss_typed_parse_number ("1.234", NULL, &value, &error));
  g_assert_cmpfloat (value, ==, 1234);
  g_assert_true (ss_typed_parse_number ("1.234,5", NULL, &value, &error));
  g_assert_cmpfloat (value, ==, 1234.5);
  g_assert_no_error (error);

  g_assert_false (ss_typed_parse (&ss_country_attrs[SS_COUNTRY_COST_INDEX], "Cost index of China",
                                  "0", &value, &error));
  g_assert_cmpstr (error->message, ==, "Cost index of China must be a number in [0,001; 1000]");
  g_clear_error (&error);

  ss_typed_format (&ss_spec_policy_share, buf, sizeof buf, 0.073);
  g_assert_cmpstr (buf, ==, "7,3");
  g_assert_true (ss_typed_parse (&ss_spec_policy_share, "Share", buf, &value, &error));
  g_assert_cmpfloat (value, ==, 0.073);
  setlocale (LC_NUMERIC, "C");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/typed/both-marks", test_both_marks);
  g_test_add_func ("/typed/grouping", test_grouping);
  g_test_add_func ("/typed/refused", test_refused);
  g_test_add_func ("/typed/field", test_field);
  g_test_add_func ("/typed/german", test_german);

  return g_test_run ();
}
