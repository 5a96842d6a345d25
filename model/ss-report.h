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

GPtrArray *ss_engine_project_all  (const SsStudy   *study);
/* NULL, with a SS_ENGINE_ERROR, when a figure is not a finite number
 * where model.md defines it (ss_projection_check()). */
char      *ss_report_generate     (const SsStudy   *study,
                                   SsReportFormat   format,
                                   GError         **error);
char      *ss_report_generate_for (const SsStudy   *study,
                                   SsReportFormat   format,
                                   int              only,
                                   GError         **error);

/* Writes length bytes of the report; FALSE, with an error, to stop it. */
typedef gboolean (*SsReportWriteFunc) (const char  *data,
                                       gsize        length,
                                       gpointer     user_data,
                                       GError     **error);

gboolean   ss_report_write        (const SsStudy      *study,
                                   SsReportFormat      format,
                                   int                 only,
                                   SsReportWriteFunc   write,
                                   gpointer            user_data,
                                   GError            **error);

void       _ss_report_set_hold    (gsize               bytes);

G_END_DECLS
