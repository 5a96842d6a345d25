/* ssc-geometry.h: rectangles on the chart's canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double x, y, w, h;
} SscRect;

static inline gboolean
ssc_rect_contains (SscRect r,
                   double  x,
                   double  y)
{
  return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

G_END_DECLS
