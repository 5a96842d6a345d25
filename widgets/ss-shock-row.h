/* ss-shock-row.h: one shock of a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-field.h"

G_BEGIN_DECLS

#define SS_TYPE_SHOCK_ROW (ss_shock_row_get_type ())
G_DECLARE_FINAL_TYPE (SsShockRow, ss_shock_row, SS, SHOCK_ROW, GtkListBoxRow)

GtkWidget  *ss_shock_row_new           (SsDocument   *document,
                                        guint         scenario,
                                        guint         shock,
                                        GListModel   *countries);
guint       ss_shock_row_get_index     (SsShockRow   *self);
SsField    *ss_shock_row_get_field     (SsShockRow   *self,
                                        SsDisruption  value);
GtkWidget  *ss_shock_row_get_country_dropdown (SsShockRow *self);
GtkWidget  *ss_shock_row_get_item_check (SsShockRow  *self,
                                        int           item);
const char *ss_shock_row_get_message   (SsShockRow   *self);
void        ss_shock_row_sync          (SsShockRow   *self);

G_END_DECLS
