/* ss-compare.h: every scenario's headline figures in one year, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ss-engine.h"
#include "ss-table.h"

G_BEGIN_DECLS

/* The figures of a row, in the order of the table's columns. */
typedef enum
{
  SS_COMPARE_LARGEST_SHARE,            /* the largest foreign spend share */
  SS_COMPARE_COUNTRY_SHARE,            /* the chosen country's spend share */
  SS_COMPARE_NPV_PREMIUM,              /* million, over the whole horizon */
  SS_COMPARE_SUPPLY_RISK,
  SS_COMPARE_HHI,
  SS_COMPARE_SHORTFALL_IMPACT,         /* EL, million */
  SS_COMPARE_VAR95,                    /* million; NAN with too many states */
  SS_COMPARE_CRITICAL,                 /* items at each level */
  SS_COMPARE_WARNING,
  SS_COMPARE_WATCH,
  SS_COMPARE_OVER_TARGET,              /* items over the policy target in force */
  SS_COMPARE_N_FIGURES
} SsCompareFigure;

/* How a figure stands against the study's targets, for its colour. */
typedef enum
{
  SS_COMPARE_OK,                       /* no target, or within it */
  SS_COMPARE_NEAR,                     /* a warning: within 5 points of the
                                        * target, or items at warning */
  SS_COMPARE_OVER,                     /* over the target, SR ≥ 1, items
                                        * critical or over target */
} SsCompareStanding;

#define SS_TYPE_COMPARE_ROW (ss_compare_row_get_type ())
G_DECLARE_FINAL_TYPE (SsCompareRow, ss_compare_row, SS, COMPARE_ROW, GObject)

int                ss_compare_row_get_scenario         (SsCompareRow   *self);
const char        *ss_compare_row_get_name             (SsCompareRow   *self);
SsScenarioKind     ss_compare_row_get_kind             (SsCompareRow   *self);
double             ss_compare_row_get_figure           (SsCompareRow   *self,
                                                        SsCompareFigure figure);
SsCompareStanding  ss_compare_row_get_standing         (SsCompareRow   *self,
                                                        SsCompareFigure figure);
int                ss_compare_row_get_largest_country  (SsCompareRow   *self);
double             ss_compare_row_get_policy_target    (SsCompareRow   *self);

#define SS_TYPE_COMPARE_LIST (ss_compare_list_get_type ())
G_DECLARE_FINAL_TYPE (SsCompareList, ss_compare_list, SS, COMPARE_LIST, GObject)

/* Country SS_COMPARE_TOP_SUPPLIER: the study's largest foreign supplier. */
#define SS_COMPARE_TOP_SUPPLIER (-1)
/* Year SS_COMPARE_FINAL_YEAR: the last year of the projection. */
#define SS_COMPARE_FINAL_YEAR (-1)

SsCompareList     *ss_compare_list_new                 (void);
void               ss_compare_list_update              (SsCompareList  *self,
                                                        const SsStudy  *study,
                                                        GPtrArray      *projections,
                                                        int             year,
                                                        int             country);
guint              ss_compare_list_get_year            (SsCompareList  *self);
guint              ss_compare_list_get_country         (SsCompareList  *self);

int                ss_compare_top_supplier             (const SsStudy      *study,
                                                        const SsProjection *baseline);
const char        *ss_compare_figure_get_title         (SsCompareFigure     figure);

SsTable           *ss_compare_rows_to_table            (GListModel     *rows,
                                                        const SsStudy  *study,
                                                        guint           year,
                                                        guint           country);

G_END_DECLS
