/* ss-report.h: every scenario's projection as JSON or CSV (cli.md)
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

GPtrArray *ss_engine_project_all (SsStudy        *study);
char      *ss_report_generate    (SsStudy        *study,
                                  SsReportFormat  format);

G_END_DECLS
