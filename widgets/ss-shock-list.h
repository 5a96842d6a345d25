/* ss-shock-list.h: a scenario's shocks, a row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-document.h"
#include "ss-shock-row.h"

G_BEGIN_DECLS

#define SS_TYPE_SHOCK_LIST (ss_shock_list_get_type ())
G_DECLARE_FINAL_TYPE (SsShockList, ss_shock_list, SS, SHOCK_LIST, GtkWidget)

void        ss_shock_list_refresh     (SsShockList  *self,
                                       gboolean      force);
int         ss_shock_list_add         (SsShockList  *self,
                                       GError      **error);
const char *ss_shock_list_get_message (SsShockList  *self);
SsShockRow *ss_shock_list_get_row     (SsShockList  *self,
                                       guint         shock);

G_END_DECLS
