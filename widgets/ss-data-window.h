/* ss-data-window.h: the study data window — the Study, Countries, Items and Scenarios pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ss-document.h"

G_BEGIN_DECLS

#define SS_TYPE_DATA_WINDOW (ss_data_window_get_type ())
G_DECLARE_FINAL_TYPE (SsDataWindow, ss_data_window, SS, DATA_WINDOW, AdwWindow)

GtkWidget  *ss_data_window_new          (void);
SsDocument *ss_data_window_get_document (SsDataWindow *self);
void        ss_data_window_set_document (SsDataWindow *self,
                                         SsDocument   *document);
const char *ss_data_window_get_page     (SsDataWindow *self);
void        ss_data_window_set_page     (SsDataWindow *self,
                                         const char   *page);
GtkWidget  *ss_data_window_get_page_widget (SsDataWindow *self,
                                            const char   *page);
GPtrArray  *ss_data_window_dup_problems (SsDataWindow *self);

G_END_DECLS
