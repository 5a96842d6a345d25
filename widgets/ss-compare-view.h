/* ss-compare-view.h: every scenario's headline figures in one year, as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-document.h"
#include "ss-table.h"

G_BEGIN_DECLS

#define SS_TYPE_COMPARE_VIEW (ss_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (SsCompareView, ss_compare_view, SS, COMPARE_VIEW, GtkWidget)

GtkWidget     *ss_compare_view_new            (void);
void           ss_compare_view_set_document   (SsCompareView *self,
                                               SsDocument    *document);
SsDocument    *ss_compare_view_get_document   (SsCompareView *self);
int            ss_compare_view_get_year       (SsCompareView *self);
void           ss_compare_view_set_year       (SsCompareView *self,
                                               int            year);
void           ss_compare_view_update         (SsCompareView *self);

GtkColumnView *ss_compare_view_get_column_view (SsCompareView *self);
GListModel    *ss_compare_view_get_rows       (SsCompareView *self);
SsTable       *ss_compare_view_to_table       (SsCompareView *self);
gboolean       ss_compare_view_write_csv      (SsCompareView *self,
                                               const char    *path,
                                               GError       **error);
char          *ss_compare_view_get_cell_text  (SsCompareView *self,
                                               guint          position,
                                               guint          column);

G_END_DECLS
