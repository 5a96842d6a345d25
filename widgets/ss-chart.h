/* ss-chart.h: one of the charts as a widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ssc-chart.h"

G_BEGIN_DECLS

#define SS_TYPE_CHART (ss_chart_get_type ())
G_DECLARE_FINAL_TYPE (SsChart, ss_chart, SS, CHART, GtkWidget)

GtkWidget   *ss_chart_new             (SscChartKind        kind);
SscChartKind  ss_chart_get_kind        (SsChart           *self);
void         ss_chart_set_kind        (SsChart           *self,
                                       SscChartKind        kind);
void         ss_chart_set_data        (SsChart           *self,
                                       const SscChartData *data);
const char  *ss_chart_get_title       (SsChart           *self);
const char  *ss_chart_get_description (SsChart           *self);
gboolean     ss_chart_activate_at     (SsChart           *self,
                                       double             x,
                                       double             y);
void         ss_chart_set_selected_cell (SsChart         *self,
                                       int                strategy,
                                       int                shock);
gboolean     ss_chart_get_drawn       (SsChart           *self);
gboolean     ss_chart_get_cell_point  (SsChart           *self,
                                       int                strategy,
                                       int                shock,
                                       double            *x,
                                       double            *y);

G_END_DECLS
