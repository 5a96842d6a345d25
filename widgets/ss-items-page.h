/* ss-items-page.h: the Items page — items, their figures and baseline sources
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-data-page.h"

G_BEGIN_DECLS

#define SS_TYPE_ITEMS_PAGE (ss_items_page_get_type ())
G_DECLARE_FINAL_TYPE (SsItemsPage, ss_items_page, SS, ITEMS_PAGE, SsDataPage)

GtkWidget  *ss_items_page_new              (void);
void        ss_items_page_set_document     (SsItemsPage  *self,
                                            SsDocument   *document);
int         ss_items_page_get_selected     (SsItemsPage  *self);
void        ss_items_page_select_item      (SsItemsPage  *self,
                                            guint         index);
int         ss_items_page_add_item         (SsItemsPage  *self);
gboolean    ss_items_page_remove_item      (SsItemsPage  *self,
                                            guint         index,
                                            GError      **error);
GtkWidget  *ss_items_page_get_field        (SsItemsPage  *self,
                                            const char   *field);
GtkWidget  *ss_items_page_get_source_field (SsItemsPage  *self,
                                            guint         country,
                                            const char   *field);
const char *ss_items_page_get_sum_text     (SsItemsPage  *self);

G_END_DECLS
