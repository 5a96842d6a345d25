/* test-dtoa.c: ss_format_g17() prints exactly the bytes of printf's "%.17g"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report's numbers must not change by a byte, so every case compares
 * with g_ascii_formatd ("%.17g"), which is the C library's printf in the C
 * locale: a million random bit patterns, a million decimal-looking values
 * (short decimals, as studies hold, and the exact ties between two
 * 17-digit neighbours), every power of two and of ten with its
 * neighbours, subnormals, ±0 and the extremes. The exact integer path is
 * checked on its own too, and must print nearly every number of the
 * normal range itself: a formatter that always asked printf would pass
 * the comparisons but not that.
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <string.h>

#include "ss-dtoa.h"

typedef struct
{
  guint64 checked;
  guint64 exact;                       /* printed by the integer path */
} Counts;

static void
check (Counts *counts,
       double  value)
{
  char expected[G_ASCII_DTOSTR_BUF_SIZE], got[SS_G17_BUF], exact[SS_G17_BUF];
  gsize n;
  gssize n_exact;

  g_ascii_formatd (expected, sizeof expected, "%.17g", value);
  n = ss_format_g17 (got, value);
  if (strcmp (expected, got) != 0 || n != strlen (expected))
    g_error ("%a: printf gives \"%s\", ss_format_g17 \"%s\" (length %" G_GSIZE_FORMAT ")",
             value, expected, got, n);

  n_exact = ss_format_g17_exact (exact, value);
  if (n_exact >= 0)
    {
      if (strcmp (expected, exact) != 0 || (gsize)n_exact != strlen (expected))
        g_error ("%a: printf gives \"%s\", the integer path \"%s\"", value, expected, exact);
      counts->exact++;
    }
  counts->checked++;
}

static double
from_bits (guint64 bits)
{
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

static guint64
random_bits (GRand *rand)
{
  return (guint64)g_rand_int (rand) << 32 | g_rand_int (rand);
}

static void
test_random_bits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1729);
  Counts counts = { 0 };

  for (guint k = 0; k < 1000000; k++)
    check (&counts, from_bits (random_bits (rand)));
  g_assert_cmpuint (counts.checked, ==, 1000000);
  /* Random exponents are spread over 2^±1023; the integer path covers
   * 1e-38 to 2^127, about an eighth of them. */
  g_assert_cmpuint (counts.exact, >, 100000);
}

/* Numbers as a study or a report holds them: short decimals of every
 * size, and what the model makes of them (sums, ratios, powers). */
static void
test_decimal_values (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (31415);
  Counts counts = { 0 }, normal = { 0 };

  for (guint k = 0; k < 1000000; k++)
    {
      int digits = g_rand_int_range (rand, 1, 18);
      int exponent = g_rand_int_range (rand, -45, 40);
      guint64 mantissa = random_bits (rand) % 100000000000000000ull;
      char text[64];
      double value;

      while (mantissa >= 1 && digits < 17 && mantissa >= (guint64)pow (10, digits))
        mantissa /= 10;
      g_snprintf (text, sizeof text, "%s%" G_GUINT64_FORMAT "e%d", k % 7 == 0 ? "-" : "",
                  mantissa, exponent);
      value = g_ascii_strtod (text, NULL);
      switch (k % 4)
        {
        case 1:
          value = value / 3;
          break;
        case 2:
          value = pow (1.05, g_rand_int_range (rand, 0, 51)) * value;
          break;
        case 3:
          value = value + g_rand_double (rand);
          break;
        default:
          break;
        }
      check (&counts, value);
      if (fabs (value) >= 1e-38 && fabs (value) < 1e38)
        check (&normal, value);
    }
  /* Every one of them in the integer path's range is its own. */
  g_assert_cmpuint (normal.exact, ==, normal.checked);
  g_assert_cmpuint (normal.checked, >, 850000);
}

/* Exact ties: n + j/8 with a 15-digit n has 18 significant digits, the
 * last a 5, so the 17th is rounded to even (…125 → …12, …375 → …38). */
static void
test_ties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2718);
  Counts counts = { 0 };

  check (&counts, 123456789012345.125);
  check (&counts, 123456789012345.375);
  check (&counts, 0.5);
  for (guint k = 0; k < 100000; k++)
    {
      double n = floor (g_rand_double_range (rand, 1e14, 1e15));
      int shift = g_rand_int_range (rand, 0, 40);
      double tie = ldexp (n + g_rand_int_range (rand, 0, 8) / 8.0, shift - 20);

      check (&counts, tie);
      check (&counts, nextafter (tie, 0));
      check (&counts, nextafter (tie, INFINITY));
    }
  g_assert_cmpuint (counts.exact, ==, counts.checked);
}

static void
test_powers (void)
{
  Counts counts = { 0 };

  for (int e = -1074; e <= 1023; e++)
    {
      double v = ldexp (1, e);

      check (&counts, v);
      check (&counts, -v);
      check (&counts, nextafter (v, 0));
      check (&counts, nextafter (v, INFINITY));
    }
  for (int e = -330; e <= 310; e++)
    {
      char text[16];
      double v;

      g_snprintf (text, sizeof text, "1e%d", e);
      v = g_ascii_strtod (text, NULL);
      check (&counts, v);
      check (&counts, nextafter (v, 0));
      check (&counts, nextafter (v, INFINITY));
      /* Just below a power of ten: 17 nines round up to the next one. */
      g_snprintf (text, sizeof text, "9.99999999999999999e%d", e);
      check (&counts, g_ascii_strtod (text, NULL));
    }
  /* Integers around 2^53 and 10^17, where the layout changes. */
  for (gint64 n = -10; n <= 10; n++)
    check (&counts, (double)((G_GINT64_CONSTANT (1) << 53) + n));
  check (&counts, 99999999999999999.0);
  check (&counts, 100000000000000000.0);
  check (&counts, 12345678901234567.0);
  check (&counts, 0.0001);
  check (&counts, 0.00001);
  check (&counts, 0.000099999999999999991);
}

static void
test_special (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (161803);
  Counts counts = { 0 };
  const double values[] = {
    0.0, -0.0, DBL_MAX, -DBL_MAX, DBL_MIN, -DBL_MIN, DBL_TRUE_MIN, -DBL_TRUE_MIN,
    nextafter (DBL_MIN, 0), nextafter (DBL_MIN, 1), nextafter (DBL_MAX, 0), DBL_EPSILON,
    1.0, -1.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.95 - 1e-12, 1e-12, 365.0, 1e-9,
    INFINITY, -INFINITY, NAN,
  };
  char buf[SS_G17_BUF];

  for (guint k = 0; k < G_N_ELEMENTS (values); k++)
    check (&counts, values[k]);
  /* Subnormals: random mantissas under the smallest exponent. */
  for (guint k = 0; k < 100000; k++)
    {
      double v = from_bits (random_bits (rand) & ((G_GUINT64_CONSTANT (1) << 52) - 1));

      check (&counts, v);
      check (&counts, -v);
    }

  g_assert_cmpuint (ss_format_g17 (buf, -0.0), ==, 2);
  g_assert_cmpstr (buf, ==, "-0");
  g_assert_cmpuint (ss_format_g17 (buf, 0.0), ==, 1);
  g_assert_cmpstr (buf, ==, "0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/dtoa/random-bits", test_random_bits);
  g_test_add_func ("/model/dtoa/decimal-values", test_decimal_values);
  g_test_add_func ("/model/dtoa/ties", test_ties);
  g_test_add_func ("/model/dtoa/powers", test_powers);
  g_test_add_func ("/model/dtoa/special", test_special);
  return g_test_run ();
}
