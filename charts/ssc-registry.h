/* ssc-registry.h: every chart, one line each, in the order of the window's buttons
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SSC_CHART (KIND, name) names the chart SSC_CHART_KIND, implemented by
 * the SscChartClass ssc_name_chart in ssc-name.c. ssc-chart.h makes the
 * SscChartKind enumeration from these lines and ssc-chart.c the table of
 * classes, so a new chart is its file, one line here and one in
 * charts/meson.build (and po/POTFILES.in). Deliberately no include guard:
 * it is included once per use, with SSC_CHART defined each time.
 */

SSC_CHART (MIX,      mix)
SSC_CHART (COST,     cost)
SSC_CHART (RISK,     risk)
SSC_CHART (FRONTIER, frontier)
SSC_CHART (HEATMAP,  heatmap)
SSC_CHART (COMPARE,  compare)
SSC_CHART (STRESS,   stress)
SSC_CHART (TORNADO,  tornado)
