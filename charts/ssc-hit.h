/* ssc-hit.h: where a drawing put things, for hover marks and tooltips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ssc-chart-private.h"

G_BEGIN_DECLS

/* A marked point. Kind SSC_HIT_LINE is a point of a line; any other kind
 * is a marker, which wins over the line it sits on. */
#define SSC_HIT_LINE 0

typedef struct
{
  double x, y;
  int    kind;                         /* the chart's own numbering */
  int    index;
  double vx, vy;                       /* the values it stands for on the axes */
  double shares[SS_MAX_COUNTRIES];     /* the mix it stands for, if any */
} SscHitPoint;

struct _SscChartHit
{
  SscChartKind kind;
  gboolean     valid;
  guint        n_panels;
  SscRect      panels[4];              /* time charts: the panels a year spans */
  gboolean     slots;                  /* years at slot centres (bars), else edge to edge */
  guint        n_years;
  int          base_year;
  int          item;
  int          scenario;
  SscRect      grid;                   /* heatmap cells; compare rows */
  SscRect      labels;                 /* heatmap row labels and badges */
  guint        n_cols;
  guint        year;                   /* heatmap year index */
  double       row_h;
  GArray      *rows;                   /* int per row or band: heatmap item, compare
                                        * scenario, mix country from the bottom up,
                                        * stress strategy */
  GArray      *cols;                   /* int per column: stress shock */
  GArray      *points;                 /* SscHitPoint */
};

void                ssc_hit_reset        (SscChartHit       *hit,
                                          SscChartKind       kind);
void                ssc_hit_set_panels   (SscCtx            *c,
                                          guint              n,
                                          const SscRect     *panels,
                                          gboolean           slots);
void                ssc_hit_set_rows     (SscCtx            *c,
                                          const int         *rows,
                                          guint              n_rows);
void                ssc_hit_add_point    (SscCtx            *c,
                                          double             x,
                                          double             y,
                                          int                kind,
                                          int                index,
                                          double             vx,
                                          double             vy,
                                          const double      *shares);

gboolean            ssc_hit_year         (const SscChartHit *hit,
                                          double             x,
                                          double             y,
                                          guint             *year);
int                 ssc_hit_row          (const SscChartHit *hit,
                                          SscRect            band,
                                          double             x,
                                          double             y);
const SscHitPoint  *ssc_hit_point        (const SscChartHit *hit,
                                          double             x,
                                          double             y);

void                ssc_hit_hover_years  (SscCtx            *c,
                                          const SscChartHit *hit,
                                          double             x,
                                          double             y);
void                ssc_hit_mark_row     (SscCtx            *c,
                                          const SscChartHit *hit,
                                          SscRect            band,
                                          int                row,
                                          double             alpha);

G_END_DECLS
