/* ssc-draw.h: shapes and series the charts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ssc-chart-private.h"
#include "ssc-scale.h"

G_BEGIN_DECLS

void ssc_draw_clip             (cairo_t        *cr,
                                SscRect         r);
void ssc_draw_unclip           (cairo_t        *cr);
void ssc_draw_hatch            (cairo_t        *cr,
                                SscRect         r,
                                const double    rgba[4]);
void ssc_draw_diamond          (cairo_t        *cr,
                                double          x,
                                double          y,
                                double          r);
void ssc_draw_pill             (cairo_t        *cr,
                                SscRect         r);
void ssc_draw_line_path        (cairo_t        *cr,
                                SscRect         plot,
                                const SscTicks *t,
                                const double   *values,
                                guint           ny,
                                gboolean        slots);
void ssc_draw_series           (SscCtx         *c,
                                SscRect         plot,
                                const SscTicks *t,
                                const double   *values,
                                gboolean        slots,
                                const double    rgba[4],
                                double          alpha,
                                double          width);
void ssc_draw_reference_stroke (SscCtx         *c,
                                SscRect         plot,
                                double          y);
void ssc_draw_reference_line   (SscCtx         *c,
                                SscRect         plot,
                                double          y,
                                const char     *label,
                                double          label_right,
                                SscRect        *label_box);

G_END_DECLS
