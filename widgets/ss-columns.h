/* ss-columns.h: a main column that scrolls beside a side column that stays in view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SS_TYPE_COLUMNS (ss_columns_get_type ())
G_DECLARE_FINAL_TYPE (SsColumns, ss_columns, SS, COLUMNS, GtkWidget)

GtkWidget *ss_columns_new              (void);
GtkWidget *ss_columns_get_main         (SsColumns *self);
void       ss_columns_set_main         (SsColumns *self,
                                        GtkWidget *child);
GtkWidget *ss_columns_get_side         (SsColumns *self);
void       ss_columns_set_side         (SsColumns *self,
                                        GtkWidget *child);
GtkWidget *ss_columns_get_bottom       (SsColumns *self);
void       ss_columns_set_bottom       (SsColumns *self,
                                        GtkWidget *child);
int        ss_columns_get_wide_width   (SsColumns *self);
void       ss_columns_set_wide_width   (SsColumns *self,
                                        int        width);
gboolean   ss_columns_get_wide         (SsColumns *self);

G_END_DECLS
