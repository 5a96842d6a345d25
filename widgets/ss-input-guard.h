/* ss-input-guard.h: sliders and spin buttons change only when meant to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-attrs.h"

G_BEGIN_DECLS

void        ss_input_guard             (GtkWidget  *control);
void        ss_input_guard_set_label   (GtkWidget  *control,
                                        const char *label,
                                        SsAttrUnit  unit);
const char *ss_input_guard_get_message (GtkWidget  *control);

G_END_DECLS
