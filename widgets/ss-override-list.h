/* ss-override-list.h: a scenario's country overrides, a row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-document.h"

G_BEGIN_DECLS

#define SS_TYPE_OVERRIDE_LIST (ss_override_list_get_type ())
G_DECLARE_FINAL_TYPE (SsOverrideList, ss_override_list, SS, OVERRIDE_LIST, GtkWidget)

void        ss_override_list_refresh   (SsOverrideList  *self,
                                        gboolean         force);
gboolean    ss_override_list_add       (SsOverrideList  *self,
                                        guint           *country,
                                        guint           *attr,
                                        GError         **error);
gboolean    ss_override_list_get_full  (SsOverrideList  *self);
const char *ss_override_list_get_message (SsOverrideList *self);
GtkWidget  *ss_override_list_get_entry (SsOverrideList  *self,
                                        guint            country,
                                        guint            attr);

G_END_DECLS
