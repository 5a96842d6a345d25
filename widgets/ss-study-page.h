/* ss-study-page.h: the Study page — the study's title, horizon, currency and thresholds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-data-page.h"

G_BEGIN_DECLS

#define SS_TYPE_STUDY_PAGE (ss_study_page_get_type ())
G_DECLARE_FINAL_TYPE (SsStudyPage, ss_study_page, SS, STUDY_PAGE, SsDataPage)

GtkWidget *ss_study_page_new          (void);
void       ss_study_page_set_document (SsStudyPage *self,
                                       SsDocument  *document);
GtkWidget *ss_study_page_get_field    (SsStudyPage *self,
                                       const char  *field);

G_END_DECLS
