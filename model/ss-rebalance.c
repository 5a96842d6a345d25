/* ss-rebalance.c: moving one share while the others make room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The share editor's rule, kept here so it is tested without a display:
 * the moved share takes the value asked for, within what the unlocked
 * others can give or take; the unlocked others are rescaled in proportion
 * to their current shares (equally, when they are all zero), and locked
 * shares never move. The total stays 1.
 */

#define G_LOG_DOMAIN "supplyshift-rebalance"

#include "config.h"

#include "ss-rebalance.h"

/* Sets shares[index] to value, clamped to what is possible, and rescales
 * the other unlocked shares so the total stays 1. Returns the value set. */
double
ss_rebalance (double         *shares,
              const gboolean *locked,
              guint           n,
              guint           index,
              double          value)
{
  double locked_sum = 0, free_sum = 0, remaining, assigned = 0;
  guint n_free = 0;
  int largest = -1;

  g_return_val_if_fail (index < n, shares[index]);

  for (guint j = 0; j < n; j++)
    {
      if (j == index)
        continue;
      if (locked != NULL && locked[j])
        locked_sum += shares[j];
      else
        {
          free_sum += shares[j];
          n_free++;
          if (largest < 0 || shares[j] > shares[largest])
            largest = j;
        }
    }

  /* With every other share locked, this one is whatever they leave. */
  if (n_free == 0)
    value = 1 - locked_sum;
  value = CLAMP (value, 0, MAX (0, 1 - locked_sum));
  shares[index] = value;
  if (n_free == 0)
    return value;

  remaining = MAX (0, 1 - locked_sum - value);
  for (guint j = 0; j < n; j++)
    {
      if (j == index || (locked != NULL && locked[j]))
        continue;
      shares[j] = free_sum > 0 ? shares[j] / free_sum * remaining : remaining / n_free;
      if (free_sum <= 0)
        largest = j;
    }
  /* Rounding goes to the largest free share, so the sum is 1 to the last bit
   * it can be. */
  for (guint j = 0; j < n; j++)
    if (j != (guint)largest)
      assigned += shares[j];
  shares[largest] = MAX (0, 1 - assigned);
  return value;
}
