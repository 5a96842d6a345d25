/* ssc-legend.h: a chart's legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ssc-chart-private.h"

G_BEGIN_DECLS

typedef enum
{
  SSC_SWATCH_AREA,
  SSC_SWATCH_LINE,
  SSC_SWATCH_FAINT,
  SSC_SWATCH_DASHED,
  SSC_SWATCH_PATH,                     /* dots joined by a thin line */
  SSC_SWATCH_CIRCLE,
  SSC_SWATCH_DIAMOND,
  SSC_SWATCH_HATCH,
  SSC_SWATCH_DOTTED_LINE,              /* a line with a dot: the net premium */
} SscSwatch;

typedef struct _SscLegend SscLegend;

SscLegend *ssc_legend_new       (void);
void       ssc_legend_free      (SscLegend    *legend);
void       ssc_legend_add       (SscLegend    *legend,
                                 SscSwatch     swatch,
                                 const double  rgba[4],
                                 const char   *label);
void       ssc_legend_place     (SscCtx       *c,
                                 SscLegend    *legend,
                                 double        top_offset);
void       ssc_legend_place_top (SscCtx       *c,
                                 SscLegend    *legend,
                                 const char   *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SscLegend, ssc_legend_free)

G_END_DECLS
