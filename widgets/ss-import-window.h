/* ss-import-window.h: the preview of an import of trade statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ss-document.h"
#include "ss-import.h"

G_BEGIN_DECLS

#define SS_TYPE_IMPORT_WINDOW (ss_import_window_get_type ())
G_DECLARE_FINAL_TYPE (SsImportWindow, ss_import_window, SS, IMPORT_WINDOW, AdwWindow)

GtkWidget             *ss_import_window_new          (SsDocument      *document,
                                                      GFile           *file);
SsDocument            *ss_import_window_get_document (SsImportWindow  *self);
GFile                 *ss_import_window_get_file     (SsImportWindow  *self);

/* Reading happens in a worker thread: :reading is TRUE meanwhile. */
gboolean               ss_import_window_get_reading  (SsImportWindow  *self);
/* What the file holds, once read; NULL while reading or after an error. */
SsImport              *ss_import_window_get_import   (SsImportWindow  *self);
/* Why the file could not be read ("FILE:LINE:COLUMN: error: …"), or NULL. */
const char            *ss_import_window_get_error    (SsImportWindow  *self);
/* What importing with the options shown would do, or NULL when it
 * cannot (see ss_import_window_get_problem()). */
const SsImportSummary *ss_import_window_get_summary  (SsImportWindow  *self);
const char            *ss_import_window_get_problem  (SsImportWindow  *self);

/* The options, as the rows set them. Format and items map read the file
 * again. */
void                   ss_import_window_set_format   (SsImportWindow  *self,
                                                      SsImportFormat   format);
void                   ss_import_window_set_items_map (SsImportWindow *self,
                                                      GFile           *items_map);
void                   ss_import_window_set_year     (SsImportWindow  *self,
                                                      int              year);
void                   ss_import_window_set_top      (SsImportWindow  *self,
                                                      guint            top);
void                   ss_import_window_set_template (SsImportWindow  *self,
                                                      const char      *country);
void                   ss_import_window_set_new_study (SsImportWindow *self,
                                                      gboolean         new_study);

/* What Import does: the open study changes as one undo step, or
 * ::new-study hands over a new one; then ::applied, and the window
 * closes. FALSE, with the window open and the study unchanged, when the
 * import is refused. */
gboolean               ss_import_window_apply        (SsImportWindow  *self,
                                                      GError         **error);

/* Waits for reads that may still run after a cancel, before exiting. */
gboolean               ss_import_window_wait_for_reads (guint          timeout_ms);

G_END_DECLS
