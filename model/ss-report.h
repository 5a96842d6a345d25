/* ss-report.h: every scenario's projection and the stress grid, as JSON or CSV (cli.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-engine.h"

G_BEGIN_DECLS

typedef enum
{
  SS_REPORT_JSON,
  SS_REPORT_CSV,
} SsReportFormat;

/* ss_report_generate_for(): every scenario */
#define SS_REPORT_ALL (-2)

GPtrArray *ss_engine_project_all  (SsStudy        *study);
char      *ss_report_generate     (SsStudy        *study,
                                   SsReportFormat  format);
char      *ss_report_generate_for (SsStudy        *study,
                                   SsReportFormat  format,
                                   int             only);

G_END_DECLS
