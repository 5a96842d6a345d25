/* ss-input-guard.h: sliders and spin buttons change only when meant to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ss_input_guard (GtkWidget *control);

G_END_DECLS
