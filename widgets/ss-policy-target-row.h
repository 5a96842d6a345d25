/* ss-policy-target-row.h: one policy target of the study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-field.h"

G_BEGIN_DECLS

#define SS_TYPE_POLICY_TARGET_ROW (ss_policy_target_row_get_type ())
G_DECLARE_FINAL_TYPE (SsPolicyTargetRow, ss_policy_target_row, SS, POLICY_TARGET_ROW, GtkListBoxRow)

GtkWidget *ss_policy_target_row_new        (SsDocument        *document,
                                            guint              index);
guint      ss_policy_target_row_get_index  (SsPolicyTargetRow *self);
SsField   *ss_policy_target_row_get_field  (SsPolicyTargetRow *self,
                                            SsPolicyTargetAttr attr);
void       ss_policy_target_row_sync       (SsPolicyTargetRow *self);

G_END_DECLS
