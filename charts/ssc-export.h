/* ssc-export.h: a chart as an SVG, PNG or PDF file, or its data as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ssc-chart.h"

G_BEGIN_DECLS

typedef enum
{
  SSC_CHART_FORMAT_SVG,
  SSC_CHART_FORMAT_PNG,
  SSC_CHART_FORMAT_PDF,
  SSC_CHART_FORMAT_CSV,                /* the data it draws (ssc_chart_table()) */
} SscChartFormat;

#define SSC_CHART_ERROR (ssc_chart_error_quark ())

typedef enum
{
  SSC_CHART_ERROR_FORMAT,              /* not .svg, .png, .pdf or .csv */
  SSC_CHART_ERROR_SIZE,                /* width or height outside 1..SSC_CHART_MAX_SIZE */
  SSC_CHART_ERROR_NO_DATA,             /* CSV of a chart with nothing to show */
} SscChartError;

#define SSC_CHART_MAX_SIZE 10000

GQuark    ssc_chart_error_quark      (void);

gboolean  ssc_chart_format_from_path (const char          *path,
                                      SscChartFormat      *format);
char     *ssc_chart_render_svg       (SscChartKind         kind,
                                      const SscChartData  *data,
                                      int                  width,
                                      int                  height,
                                      gsize               *length);
gboolean  ssc_chart_export           (SscChartKind         kind,
                                      const SscChartData  *data,
                                      const char          *path,
                                      int                  width,
                                      int                  height,
                                      GError             **error);

gboolean  ssc_chart_export_scaled    (SscChartKind         kind,
                                      const SscChartData  *data,
                                      const char          *path,
                                      int                  width,
                                      int                  height,
                                      int                  scale,
                                      GError             **error);
void      ssc_chart_export_prepare   (cairo_t             *cr);

G_END_DECLS
