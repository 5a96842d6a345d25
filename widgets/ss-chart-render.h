/* ss-chart-render.h: the six charts, drawn with cairo and Pango only
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
  SS_CHART_MIX,
  SS_CHART_COST,
  SS_CHART_RISK,
  SS_CHART_FRONTIER,
  SS_CHART_HEATMAP,
  SS_CHART_COMPARE,
  SS_N_CHARTS
} SsChartKind;

typedef enum
{
  SS_CHART_FORMAT_SVG,
  SS_CHART_FORMAT_PNG,
  SS_CHART_FORMAT_PDF,
} SsChartFormat;

#define SS_CHART_ERROR (ss_chart_error_quark ())

typedef enum
{
  SS_CHART_ERROR_FORMAT,               /* not .svg, .png or .pdf */
  SS_CHART_ERROR_SIZE,                 /* width or height outside 1..SS_CHART_MAX_SIZE */
} SsChartError;

#define SS_CHART_MAX_SIZE 10000

/* What to draw. The renderer only reads it. projections holds
 * SsProjection pointers, [0] the baseline and [1 + s] scenario s, as
 * ss_engine_project_all() returns them; an entry a chart does not need
 * may be NULL (only SS_CHART_COMPARE needs every scenario, see
 * ss_chart_kind_needs_all_scenarios()). Colours are red, green, blue and
 * alpha in 0..1; ss_chart_data_init() fills them for a style. */
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
} SsChartData;

/* Hover regions, filled by ss_chart_render() and read by
 * ss_chart_hit_query() and ss_chart_render_hover(). */
typedef struct _SsChartHit SsChartHit;

GQuark       ss_chart_error_quark              (void);

const char  *ss_chart_kind_to_string           (SsChartKind          kind);
gboolean     ss_chart_kind_from_string         (const char          *name,
                                                SsChartKind         *kind);
gboolean     ss_chart_kind_needs_all_scenarios (SsChartKind          kind);
gboolean     ss_chart_format_from_path         (const char          *path,
                                                SsChartFormat       *format);

void         ss_chart_data_init                (SsChartData         *data,
                                                SsStudy             *study,
                                                GPtrArray           *projections);
void         ss_chart_data_set_style           (SsChartData         *data,
                                                gboolean             dark);

char        *ss_chart_title                    (SsChartKind          kind,
                                                const SsChartData   *data);
char        *ss_chart_describe                 (SsChartKind          kind,
                                                const SsChartData   *data);

void         ss_chart_render                   (SsChartKind          kind,
                                                const SsChartData   *data,
                                                cairo_t             *cr,
                                                double               width,
                                                double               height,
                                                SsChartHit          *hit);
void         ss_chart_render_hover             (const SsChartHit    *hit,
                                                const SsChartData   *data,
                                                cairo_t             *cr,
                                                double               x,
                                                double               y);

SsChartHit  *ss_chart_hit_new                  (void);
void         ss_chart_hit_free                 (SsChartHit          *hit);
gboolean     ss_chart_hit_query                (const SsChartHit    *hit,
                                                const SsChartData   *data,
                                                double               x,
                                                double               y,
                                                char               **markup);

gboolean     ss_chart_export                   (SsChartKind          kind,
                                                const SsChartData   *data,
                                                const char          *path,
                                                int                  width,
                                                int                  height,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsChartHit, ss_chart_hit_free)

G_END_DECLS
