/* ssc-scale.c: round-number ticks and the mapping of values onto a plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "supplyshift-chart-scale"

#include "config.h"

#include <math.h>

#include "ssc-scale.h"

/* Heckbert's nice numbers ("Nice numbers for graph labels", Graphics
 * Gems, 1990): 1, 2 or 5 times a power of ten. The step is the nice
 * number nearest range / (ticks − 1), raised until the ticks fit. */
static double
nice_number (double   x,
             gboolean round_it)
{
  double e = floor (log10 (x)), f = x / pow (10, e), nf;

  if (round_it)
    nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  else
    nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nf * pow (10, e);
}

SscTicks
ssc_ticks_nice (double lo,
                double hi,
                int    max_ticks)
{
  SscTicks t;
  double range;

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (hi < lo)
    {
      double swap = lo;

      lo = hi;
      hi = swap;
    }
  if (hi - lo <= 1e-9 * MAX (1, fabs (hi)))
    {
      /* One value: show it with some room, keeping a 0 bound at 0. */
      if (hi == 0)
        hi = 1;
      else if (lo == 0 || hi > 0)
        hi = hi + fabs (hi) * 0.2, lo = lo > 0 ? lo * 0.8 : lo;
      else
        lo = lo - fabs (lo) * 0.2, hi = 0;
    }
  max_ticks = MAX (max_ticks, 2);
  range = hi - lo;
  t.step = nice_number (range / (max_ticks - 1), TRUE);
  for (;;)
    {
      t.lo = floor (lo / t.step + 1e-9) * t.step;
      t.hi = ceil (hi / t.step - 1e-9) * t.step;
      if (round ((t.hi - t.lo) / t.step) + 1 <= max_ticks)
        break;
      /* Rounding the step to 1, 2 or 5 made too many: the next one up. */
      t.step = nice_number (t.step * 1.5, TRUE);
    }
  return t;
}

guint
ssc_ticks_count (const SscTicks *t)
{
  return (guint)round ((t->hi - t->lo) / t->step) + 1;
}

double
ssc_ticks_value (const SscTicks *t,
                 guint           k)
{
  double v = t->lo + k * t->step;

  return fabs (v) < t->step * 1e-9 ? 0 : v;
}

/* How many ticks fit in so many pixels at least spacing apart. */
int
ssc_ticks_max_for (double pixels,
                   double spacing)
{
  return MAX (2, (int)floor (pixels / spacing) + 1);
}

double
ssc_scale_y (const SscTicks *t,
             SscRect         plot,
             double          v)
{
  return plot.y + plot.h * (1 - (v - t->lo) / (t->hi - t->lo));
}

double
ssc_scale_x (const SscTicks *t,
             SscRect         plot,
             double          v)
{
  return plot.x + plot.w * (v - t->lo) / (t->hi - t->lo);
}

/* The x of year index t: edge to edge for lines and areas, slot centres
 * for bars. */
double
ssc_scale_year_x (SscRect  plot,
                  guint    t,
                  guint    ny,
                  gboolean slots)
{
  if (slots)
    return plot.x + plot.w * (t + 0.5) / ny;
  return plot.x + plot.w * t / (double)(ny - 1);
}
