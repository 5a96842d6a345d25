/* test-widgets.h: finding widgets in a window under test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ss_test_collect     (GtkWidget *widget,
                          GType      type,
                          GPtrArray *out);
void ss_test_wait_frames (guint      n);

G_END_DECLS
