/* test-rebalance.c: the share editor's rule (model/ss-rebalance.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ss-rebalance.h"

static double
sum (const double *shares,
     guint         n)
{
  double total = 0;

  for (guint j = 0; j < n; j++)
    total += shares[j];
  return total;
}

static void
test_proportional (void)
{
  double shares[] = { 0.84, 0, 0, 0, 0.16 };
  double set = ss_rebalance (shares, NULL, 5, 0, 0.5);

  g_assert_cmpfloat (set, ==, 0.5);
  g_assert_cmpfloat_with_epsilon (shares[0], 0.5, 1e-15);
  /* Only Korea had a share: it takes all that China gave up. */
  g_assert_cmpfloat_with_epsilon (shares[4], 0.5, 1e-15);
  g_assert_cmpfloat (shares[1], ==, 0);
  g_assert_cmpfloat_with_epsilon (sum (shares, 5), 1, 1e-15);

  {
    double mix[] = { 0.66, 0.14, 0.12, 0.08 };

    ss_rebalance (mix, NULL, 4, 0, 0.30);
    /* The others keep their proportions 14 : 12 : 8. */
    g_assert_cmpfloat_with_epsilon (mix[1] / mix[3], 0.14 / 0.08, 1e-12);
    g_assert_cmpfloat_with_epsilon (mix[2] / mix[3], 0.12 / 0.08, 1e-12);
    g_assert_cmpfloat_with_epsilon (mix[1] + mix[2] + mix[3], 0.70, 1e-12);
    g_assert_cmpfloat_with_epsilon (sum (mix, 4), 1, 1e-15);
  }
}

static void
test_locked (void)
{
  double shares[] = { 0.5, 0.2, 0.3 };
  gboolean locked[] = { FALSE, TRUE, FALSE };
  double set = ss_rebalance (shares, locked, 3, 0, 0.9);

  /* Vietnam is locked at 0.2, so China can reach 0.8 at most. */
  g_assert_cmpfloat_with_epsilon (set, 0.8, 1e-15);
  g_assert_cmpfloat (shares[1], ==, 0.2);
  g_assert_cmpfloat_with_epsilon (shares[2], 0, 1e-15);
  g_assert_cmpfloat_with_epsilon (sum (shares, 3), 1, 1e-15);
}

static void
test_all_others_locked (void)
{
  double shares[] = { 0.5, 0.2, 0.3 };
  gboolean locked[] = { FALSE, TRUE, TRUE };
  double set = ss_rebalance (shares, locked, 3, 0, 0.1);

  /* Nothing can make room: the move is clamped where it was. */
  g_assert_cmpfloat_with_epsilon (set, 0.5, 1e-15);
  g_assert_cmpfloat (shares[1], ==, 0.2);
  g_assert_cmpfloat (shares[2], ==, 0.3);
}

static void
test_zero_others (void)
{
  double shares[] = { 1, 0, 0, 0 };
  double set = ss_rebalance (shares, NULL, 4, 0, 0.4);

  g_assert_cmpfloat (set, ==, 0.4);
  for (guint j = 1; j < 4; j++)
    g_assert_cmpfloat_with_epsilon (shares[j], 0.2, 1e-15);
  g_assert_cmpfloat_with_epsilon (sum (shares, 4), 1, 1e-15);
}

static void
test_clamp (void)
{
  double shares[] = { 0.3, 0.7 };

  g_assert_cmpfloat (ss_rebalance (shares, NULL, 2, 0, 1.7), ==, 1);
  g_assert_cmpfloat (shares[1], ==, 0);
  g_assert_cmpfloat (ss_rebalance (shares, NULL, 2, 0, -0.2), ==, 0);
  g_assert_cmpfloat (shares[1], ==, 1);
}

/* Random moves on random mixes: the total stays 1, nothing goes negative,
 * locked shares never move. */
static void
test_random (void)
{
  for (guint round = 0; round < 2000; round++)
    {
      guint n = g_test_rand_int_range (1, 17);
      double shares[16], before[16], total = 0;
      gboolean locked[16];
      guint index = g_test_rand_int_range (0, n);

      for (guint j = 0; j < n; j++)
        {
          shares[j] = g_test_rand_bit () ? g_test_rand_double () : 0;
          locked[j] = j != index && g_test_rand_int_range (0, 4) == 0;
          total += shares[j];
        }
      if (total == 0)
        shares[0] = total = 1;
      for (guint j = 0; j < n; j++)
        before[j] = shares[j] /= total;

      ss_rebalance (shares, locked, n, index, g_test_rand_double_range (-0.2, 1.2));

      g_assert_cmpfloat_with_epsilon (sum (shares, n), 1, 1e-12);
      for (guint j = 0; j < n; j++)
        {
          g_assert_cmpfloat (shares[j], >=, 0);
          if (locked[j])
            g_assert_cmpfloat (shares[j], ==, before[j]);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rebalance/proportional", test_proportional);
  g_test_add_func ("/rebalance/locked", test_locked);
  g_test_add_func ("/rebalance/all-others-locked", test_all_others_locked);
  g_test_add_func ("/rebalance/zero-others", test_zero_others);
  g_test_add_func ("/rebalance/clamp", test_clamp);
  g_test_add_func ("/rebalance/random", test_random);

  return g_test_run ();
}
