/* ss-path-chart.h: the share path of an item as stacked bars, year by year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-engine.h"

G_BEGIN_DECLS

#define SS_TYPE_PATH_CHART (ss_path_chart_get_type ())
G_DECLARE_FINAL_TYPE (SsPathChart, ss_path_chart, SS, PATH_CHART, GtkWidget)

GtkWidget *ss_path_chart_new            (void);
void       ss_path_chart_set_projection (SsPathChart        *self,
                                         SsStudy            *study,
                                         const SsProjection *projection,
                                         int                 item);

G_END_DECLS
