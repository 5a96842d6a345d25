/* ssc-axis.h: value and year axes, gridlines and axis titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssc-chart-private.h"
#include "ssc-format.h"
#include "ssc-scale.h"

G_BEGIN_DECLS

double ssc_axis_grid_alpha    (const SscCtx   *c);
void   ssc_axis_grid_h        (SscCtx         *c,
                               SscRect         plot,
                               double          y,
                               double          alpha);
double ssc_axis_labels_width  (SscCtx         *c,
                               const SscTicks *t,
                               SscNumStyle     style);
void   ssc_axis_y             (SscCtx         *c,
                               SscRect         plot,
                               const SscTicks *t,
                               SscNumStyle     style);
void   ssc_axis_x             (SscCtx         *c,
                               SscRect         plot,
                               const SscTicks *t,
                               gboolean        compact);
void   ssc_axis_zero          (SscCtx         *c,
                               SscRect         plot,
                               const SscTicks *t);
double ssc_axis_title_height  (SscCtx         *c);
void   ssc_axis_title         (SscCtx         *c,
                               SscRect         plot,
                               double          labels_w,
                               const char     *title);
double ssc_axis_years_height  (SscCtx         *c,
                               gboolean        with_title);
void   ssc_axis_years         (SscCtx         *c,
                               SscRect         plot,
                               gboolean        slots,
                               gboolean        with_title);

G_END_DECLS
