/* ss-window.h: a study's window — the scenario editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ss-application.h"
#include "ss-document.h"
#include "ss-share-editor.h"
#include "ss-study.h"

G_BEGIN_DECLS

#define SS_TYPE_WINDOW (ss_window_get_type ())
G_DECLARE_FINAL_TYPE (SsWindow, ss_window, SS, WINDOW, AdwApplicationWindow)

SsWindow      *ss_window_new              (SsApplication *app);
void           ss_window_set_document     (SsWindow      *self,
                                           SsDocument    *document);
void           ss_window_set_study        (SsWindow      *self,
                                           SsStudy       *study,
                                           GFile         *file);
SsDocument    *ss_window_get_document     (SsWindow      *self);
const SsStudy *ss_window_get_study        (SsWindow      *self);
gboolean       ss_window_load_file        (SsWindow      *self,
                                           GFile         *file);
void           ss_window_load_file_async  (SsWindow      *self,
                                           GFile         *file);
gboolean       ss_window_is_loading       (SsWindow      *self);
gboolean       ss_window_wait_for_loads   (guint          timeout_ms);
void           ss_window_cancel_load      (SsWindow      *self);
gboolean       ss_window_save_to          (SsWindow      *self,
                                           GFile         *file);
gboolean       ss_window_export_brief     (SsWindow      *self,
                                           GFile         *file);
char          *ss_window_figures_to_text  (SsWindow      *self);
GtkWidget     *ss_window_import_file      (SsWindow      *self,
                                           GFile         *file);
void           ss_window_select           (SsWindow      *self,
                                           int            scenario,
                                           int            item);
SsShareEditor *ss_window_get_share_editor (SsWindow      *self);
GtkWidget     *ss_window_get_card         (SsWindow      *self,
                                           guint          index);
GtkWidget     *ss_window_get_columns      (SsWindow      *self);
int            ss_window_get_year         (SsWindow      *self);
void           ss_window_set_year         (SsWindow      *self,
                                           int            year);
GtkWidget     *ss_window_get_compare_view (SsWindow      *self);
GtkWidget     *ss_window_get_stress_chart (SsWindow      *self,
                                           gboolean       cell);

G_END_DECLS
