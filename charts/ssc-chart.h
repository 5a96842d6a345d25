/* ssc-chart.h: the six charts, drawn with cairo and Pango only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "ss-engine.h"

G_BEGIN_DECLS

typedef enum
{
  SSC_CHART_MIX,
  SSC_CHART_COST,
  SSC_CHART_RISK,
  SSC_CHART_FRONTIER,
  SSC_CHART_HEATMAP,
  SSC_CHART_COMPARE,
  SSC_N_CHARTS
} SscChartKind;

typedef enum
{
  SSC_CHART_FORMAT_SVG,
  SSC_CHART_FORMAT_PNG,
  SSC_CHART_FORMAT_PDF,
} SscChartFormat;

#define SSC_CHART_ERROR (ssc_chart_error_quark ())

typedef enum
{
  SSC_CHART_ERROR_FORMAT,               /* not .svg, .png or .pdf */
  SSC_CHART_ERROR_SIZE,                 /* width or height outside 1..SSC_CHART_MAX_SIZE */
} SscChartError;

#define SSC_CHART_MAX_SIZE 10000

/* What to draw. The renderer only reads it. projections holds
 * SsProjection pointers, [0] the baseline and [1 + s] scenario s, as
 * ss_engine_project_all() returns them; an entry a chart does not need
 * may be NULL (only SSC_CHART_COMPARE needs every scenario, see
 * ssc_chart_kind_needs_all_scenarios()). Colours are red, green, blue and
 * alpha in 0..1; ssc_chart_data_init() fills them for a style. */
typedef struct
{
  SsStudy   *study;
  GPtrArray *projections;
  int        scenario;                 /* index in the study, or SS_BASELINE */
  int        item;                     /* index, or -1 for the whole portfolio */
  int        year;                     /* heatmap: year index, or -1 for the final year */
  gboolean   dark;
  gboolean   fill_background;
  double     fg[4];
  double     bg[4];
  double     accent[4];
} SscChartData;

/* Hover regions, filled by ssc_chart_render() and read by
 * ssc_chart_hit_query() and ssc_chart_render_hover(). */
typedef struct _SscChartHit SscChartHit;

GQuark       ssc_chart_error_quark              (void);

const char  *ssc_chart_kind_to_string           (SscChartKind          kind);
gboolean     ssc_chart_kind_from_string         (const char          *name,
                                                SscChartKind         *kind);
gboolean     ssc_chart_kind_needs_all_scenarios (SscChartKind          kind);
gboolean     ssc_chart_format_from_path         (const char          *path,
                                                SscChartFormat       *format);

void         ssc_chart_data_init                (SscChartData         *data,
                                                SsStudy             *study,
                                                GPtrArray           *projections);
void         ssc_chart_data_set_style           (SscChartData         *data,
                                                gboolean             dark);

char        *ssc_chart_title                    (SscChartKind          kind,
                                                const SscChartData   *data);
char        *ssc_chart_describe                 (SscChartKind          kind,
                                                const SscChartData   *data);

void         ssc_chart_render                   (SscChartKind          kind,
                                                const SscChartData   *data,
                                                cairo_t             *cr,
                                                double               width,
                                                double               height,
                                                SscChartHit          *hit);
void         ssc_chart_render_hover             (const SscChartHit    *hit,
                                                const SscChartData   *data,
                                                cairo_t             *cr,
                                                double               x,
                                                double               y);

SscChartHit  *ssc_chart_hit_new                  (void);
void         ssc_chart_hit_free                 (SscChartHit          *hit);
gboolean     ssc_chart_hit_query                (const SscChartHit    *hit,
                                                const SscChartData   *data,
                                                double               x,
                                                double               y,
                                                char               **markup);

gboolean     ssc_chart_export                   (SscChartKind          kind,
                                                const SscChartData   *data,
                                                const char          *path,
                                                int                  width,
                                                int                  height,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SscChartHit, ssc_chart_hit_free)

G_END_DECLS
