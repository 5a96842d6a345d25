/* ssc-scale.h: round-number ticks and the mapping of values onto a plot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ssc-geometry.h"

G_BEGIN_DECLS

typedef struct
{
  double lo, hi, step;
} SscTicks;

SscTicks  ssc_ticks_nice    (double          lo,
                             double          hi,
                             int             max_ticks);
guint     ssc_ticks_count   (const SscTicks *t);
double    ssc_ticks_value   (const SscTicks *t,
                             guint           k);
int       ssc_ticks_max_for (double          pixels,
                             double          spacing);

double    ssc_scale_x       (const SscTicks *t,
                             SscRect         plot,
                             double          v);
double    ssc_scale_y       (const SscTicks *t,
                             SscRect         plot,
                             double          v);
double    ssc_scale_year_x  (SscRect         plot,
                             guint           t,
                             guint           ny,
                             gboolean        slots);

G_END_DECLS
