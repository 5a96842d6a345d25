/* ssc-chart.h: the charts, drawn with cairo and Pango only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart library's interface for the window, the exports and the
 * tests: which charts there are and what each needs, and for one chart
 * its title, its one-sentence summary, its drawing on any cairo context,
 * the data it draws as a table, and what lies under the pointer. Nothing
 * here touches GTK.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "ss-engine.h"
#include "ss-sensitivity.h"
#include "ss-table.h"

G_BEGIN_DECLS

typedef enum
{
#define SSC_CHART(KIND, name) SSC_CHART_##KIND,
#include "ssc-registry.h"
#undef SSC_CHART
  SSC_N_CHARTS
} SscChartKind;

/* Which projections a chart reads: the baseline and the selected
 * scenario, or every scenario's. */
typedef enum
{
  SSC_PROJECTIONS_SELECTED,
  SSC_PROJECTIONS_ALL_SCENARIOS,
} SscProjections;

/* What to draw. The renderer only reads it. projections holds
 * SsProjection pointers, [0] the baseline and [1 + s] scenario s, as
 * ss_engine_project_all() returns them; an entry a chart does not need
 * may be NULL (see ssc_chart_kind_projections()). cells, for the charts
 * of the stress grid (ssc_chart_kind_needs_grid()), holds the grid's
 * projections row by row as ss_document_get_grid() returns them:
 * [r * n_shocks + k] is strategy r ⊕ shock k of
 * ss_study_get_stress_axes(); other charts leave it NULL. sensitivity,
 * for the tornado (ssc_chart_kind_needs_sensitivity()), is the model's
 * tornado for the scenario shown. Colours are
 * red, green, blue and alpha in 0..1; ssc_chart_data_init() fills them
 * for a style. */
typedef struct
{
  const SsStudy *study;
  GPtrArray *projections;
  GPtrArray *cells;
  const SsSensitivity *sensitivity;    /* the tornado: ss_sensitivity_compute() */
  int        scenario;                 /* index in the study, or SS_BASELINE */
  int        item;                     /* index, or -1 for the whole portfolio */
  int        year;                     /* heatmap, compare: year index, or -1 for the final year */
  gboolean   dark;
  gboolean   fill_background;
  const char *footer;                  /* a line under the chart, or NULL: ssc_chart_footer_text() */
  double     fg[4];
  double     bg[4];
  double     accent[4];
} SscChartData;

/* What a click on a chart leads to (ssc_chart_hit_target()). */
typedef enum
{
  SSC_TARGET_NONE,
  SSC_TARGET_SCENARIO,                 /* a compare row: index is the scenario */
  SSC_TARGET_ITEM,                     /* a heatmap row: index is the item */
  SSC_TARGET_MIX,                      /* a frontier point: its shares */
} SscTargetKind;

/* Hover regions, filled by ssc_chart_render() and read by
 * ssc_chart_hit_query() and ssc_chart_render_hover(). */
typedef struct _SscChartHit SscChartHit;

const char     *ssc_chart_kind_to_string           (SscChartKind         kind);
gboolean        ssc_chart_kind_from_string         (const char          *name,
                                                    SscChartKind        *kind);
const char     *ssc_chart_kind_get_label           (SscChartKind         kind);
SscProjections  ssc_chart_kind_projections        (SscChartKind         kind);
gboolean        ssc_chart_kind_needs_all_scenarios (SscChartKind         kind);
gboolean        ssc_chart_kind_needs_item          (SscChartKind         kind);
gboolean        ssc_chart_kind_uses_year           (SscChartKind         kind);
gboolean        ssc_chart_kind_needs_grid          (SscChartKind         kind);
gboolean        ssc_chart_kind_needs_sensitivity   (SscChartKind         kind);

void            ssc_chart_data_init                (SscChartData        *data,
                                                    const SsStudy       *study,
                                                    GPtrArray           *projections);
void            ssc_chart_data_set_style           (SscChartData        *data,
                                                    gboolean             dark);

char           *ssc_chart_title                    (SscChartKind         kind,
                                                    const SscChartData  *data);
char           *ssc_chart_describe                 (SscChartKind         kind,
                                                    const SscChartData  *data);

SsTable        *ssc_chart_table                    (SscChartKind         kind,
                                                    const SscChartData  *data);

char           *ssc_chart_footer_text              (const SsStudy       *study,
                                                    GDateTime           *date);
void            ssc_chart_render                   (SscChartKind         kind,
                                                    const SscChartData  *data,
                                                    cairo_t             *cr,
                                                    double               width,
                                                    double               height,
                                                    SscChartHit         *hit);
void            ssc_chart_render_hover             (const SscChartHit   *hit,
                                                    const SscChartData  *data,
                                                    cairo_t             *cr,
                                                    double               x,
                                                    double               y);

SscChartHit    *ssc_chart_hit_new                  (void);
void            ssc_chart_hit_free                 (SscChartHit         *hit);
gboolean        ssc_chart_hit_query                (const SscChartHit   *hit,
                                                    const SscChartData  *data,
                                                    double               x,
                                                    double               y,
                                                    char               **markup);
SscTargetKind   ssc_chart_hit_target               (const SscChartHit   *hit,
                                                    double               x,
                                                    double               y,
                                                    int                 *index,
                                                    const double       **shares);
gboolean        ssc_chart_hit_cell                 (const SscChartHit   *hit,
                                                    double               x,
                                                    double               y,
                                                    int                 *strategy,
                                                    int                 *shock);

gboolean        ssc_chart_hit_is_drawn             (const SscChartHit   *hit);
void            ssc_chart_hit_grid_shape           (const SscChartHit   *hit,
                                                    guint               *n_rows,
                                                    guint               *n_cols);
gboolean        ssc_chart_hit_cell_rect            (const SscChartHit   *hit,
                                                    guint                row,
                                                    guint                col,
                                                    int                 *strategy,
                                                    int                 *shock,
                                                    double               rect[4]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SscChartHit, ssc_chart_hit_free)

G_END_DECLS
