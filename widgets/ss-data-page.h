/* ss-data-page.h: a page of the study data window, showing a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-document.h"

G_BEGIN_DECLS

#define SS_TYPE_DATA_PAGE (ss_data_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (SsDataPage, ss_data_page, SS, DATA_PAGE, GtkWidget)

struct _SsDataPageClass
{
  GtkWidgetClass parent_class;

  /* The page shows another document (or none): its fields have it by
   * now, through their bindings to :document. */
  void (*document_set)     (SsDataPage *self);
  /* The document changed: what, and which scenario (see SsChange). */
  void (*document_changed) (SsDataPage *self,
                            SsChange    change,
                            int         scenario);
};

SsDocument *ss_data_page_get_document (SsDataPage *self);
void        ss_data_page_set_document (SsDataPage *self,
                                       SsDocument *document);

G_END_DECLS
