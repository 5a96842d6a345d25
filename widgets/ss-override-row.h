/* ss-override-row.h: one country override of a scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-field.h"

G_BEGIN_DECLS

/* The parts of a row, for giving the focus back after a rebuild. */
typedef enum
{
  SS_OVERRIDE_ROW_NONE,
  SS_OVERRIDE_ROW_COUNTRY,
  SS_OVERRIDE_ROW_ATTR,
  SS_OVERRIDE_ROW_ENTRY,
  SS_OVERRIDE_ROW_REMOVE,
} SsOverrideRowPart;

#define SS_TYPE_OVERRIDE_ROW (ss_override_row_get_type ())
G_DECLARE_FINAL_TYPE (SsOverrideRow, ss_override_row, SS, OVERRIDE_ROW, GtkListBoxRow)

GtkWidget         *ss_override_row_new        (SsDocument        *document,
                                               guint              scenario,
                                               guint              country,
                                               guint              attr,
                                               GListModel        *countries,
                                               GListModel        *attrs);
guint              ss_override_row_get_country (SsOverrideRow    *self);
guint              ss_override_row_get_attr   (SsOverrideRow     *self);
SsField           *ss_override_row_get_field  (SsOverrideRow     *self);
void               ss_override_row_sync       (SsOverrideRow     *self);
SsOverrideRowPart  ss_override_row_find_focus (SsOverrideRow     *self,
                                               GtkWidget         *focus);
void               ss_override_row_grab_part  (SsOverrideRow     *self,
                                               SsOverrideRowPart  part);

G_END_DECLS
