/* ssc-chart-private.h: what a chart implements, and what it is given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chart is one file, ssc-NAME.c, that defines one SscChartClass: its
 * names, what data it needs, and five routines. ssc-chart.c resolves the
 * data once (SscCtx) and calls them; the shared modules (frame, legend,
 * axis, scale, format, text, draw, hit, tooltip, series) do the rest.
 *
 * A name (of a scenario, an item or a country) set into a longer text goes
 * in through ssc_text_isolate(); a name drawn alone is drawn as it is.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "ssc-chart.h"
#include "ssc-geometry.h"
#include "ssc-series.h"
#include "ssc-text.h"

G_BEGIN_DECLS

typedef enum
{
  SSC_CHART_NEEDS_ITEM = 1 << 0,       /* one item's: the portfolio shows the first */
  SSC_CHART_USES_YEAR  = 1 << 1,       /* shows one year, SscChartData.year */
  SSC_CHART_NEEDS_GRID = 1 << 2,       /* reads the stress grid, SscChartData.cells */
  SSC_CHART_NEEDS_SENSITIVITY = 1 << 3, /* reads SscChartData.sensitivity */
} SscChartFlags;

/* The data of one chart, resolved, and while drawing the canvas. */
typedef struct
{
  const struct _SscChartClass *klass;
  const SscChartData          *d;

  /* The study and what the chart shows of it, always set. */
  const SsStudy               *study;
  const SsMeta                *meta;
  int                          scenario;
  int                          item;
  const SsProjection          *base;
  const SsProjection          *proj;
  guint                        ny;
  guint                        nc;

  /* Drawing: NULL when summarising or answering a query. */
  cairo_t                     *cr;
  SscText                     *text;
  double                       width;
  double                       height;
  SscRect                      area;   /* what the header and the legend leave */
  double                       footer_h; /* what the footer takes at the bottom */
  SscChartHit                 *hit;    /* may be NULL */
} SscCtx;

typedef struct _SscChartClass
{
  const char     *name;                /* --chart=NAME, export file names */
  const char     *label;               /* NC_("chart", …): the window's button */
  const char     *title;               /* N_(): the heading and the accessible name */
  const char     *item_title;          /* N_(), for one item; NULL: title */
  const char     *no_item;             /* N_(), with SSC_CHART_NEEDS_ITEM: the study has none */
  SscProjections  projections;
  SscChartFlags   flags;

  /* Draws in c->area on c->cr, records hover regions in c->hit. */
  void          (*draw)     (SscCtx            *c);
  /* The one-sentence summary for assistive technology. */
  char         *(*describe) (SscCtx            *c);
  /* Marks what lies under (x, y), from the regions draw() recorded. */
  void          (*hover)    (SscCtx            *c,
                             const SscChartHit *hit,
                             double             x,
                             double             y);
  /* The data draw() shows, as rows and columns with headings and units:
   * the chart's CSV export and the window's Copy Data. */
  SsTable      *(*table)    (SscCtx            *c);
  /* Appends the tooltip markup for (x, y), or returns FALSE. */
  gboolean      (*query)    (SscCtx            *c,
                             const SscChartHit *hit,
                             double             x,
                             double             y,
                             GString           *markup);
} SscChartClass;

#define SSC_CHART(KIND, name) extern const SscChartClass ssc_##name##_chart;
#include "ssc-registry.h"
#undef SSC_CHART

/* Shared by the chart files. */
const char *ssc_ctx_title          (const SscCtx       *c);
guint       ssc_ctx_year           (const SscCtx       *c);
double      ssc_ctx_series         (const SscCtx       *c,
                                    const SsProjection *p,
                                    SscSeries           series,
                                    guint               t);
char       *ssc_ctx_money_unit     (const SscCtx       *c);
char       *ssc_ctx_under_scenario (const SscCtx       *c);
char       *ssc_ctx_subject        (const SscCtx       *c);
guint       ssc_ctx_add_year_column (const SscCtx      *c,
                                    SsTable            *table);
void        ssc_ctx_add_year_rows  (const SscCtx       *c,
                                    SsTable            *table);
char       *ssc_ctx_series_title   (const SscCtx       *c,
                                    const char         *figure,
                                    int                 scenario);

G_END_DECLS
