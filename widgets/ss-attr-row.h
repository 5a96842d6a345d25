/* ss-attr-row.h: a row that edits one value of the study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ss-field.h"

G_BEGIN_DECLS

#define SS_TYPE_ATTR_ROW (ss_attr_row_get_type ())
G_DECLARE_FINAL_TYPE (SsAttrRow, ss_attr_row, SS, ATTR_ROW, AdwActionRow)

SsField   *ss_attr_row_get_field (SsAttrRow *self);
GtkWidget *ss_attr_row_get_entry (SsAttrRow *self);

G_END_DECLS
