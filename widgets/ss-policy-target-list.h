/* ss-policy-target-list.h: the study's policy targets, a row each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-document.h"

G_BEGIN_DECLS

#define SS_TYPE_POLICY_TARGET_LIST (ss_policy_target_list_get_type ())
G_DECLARE_FINAL_TYPE (SsPolicyTargetList, ss_policy_target_list, SS, POLICY_TARGET_LIST, GtkWidget)

int         ss_policy_target_list_add         (SsPolicyTargetList  *self,
                                               GError             **error);
const char *ss_policy_target_list_get_message (SsPolicyTargetList  *self);
GtkWidget  *ss_policy_target_list_get_entry   (SsPolicyTargetList  *self,
                                               guint                index,
                                               SsPolicyTargetAttr   attr);

G_END_DECLS
