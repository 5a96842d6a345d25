/* test-widgets.h: a display for a test, and the widgets in its windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ss-document.h"

G_BEGIN_DECLS

typedef enum
{
  SS_TEST_DISPLAY_PLAIN   = 0,
  SS_TEST_DISPLAY_A11Y    = 1 << 0,
  SS_TEST_DISPLAY_ADWAITA = 1 << 1,
} SsTestDisplayFlags;

gboolean ss_test_init_display (SsTestDisplayFlags flags);
void     ss_test_close_window (GtkWidget   *window,
                               SsDocument **document,
                               SsStudy     *study);

void ss_test_collect     (GtkWidget *widget,
                          GType      type,
                          GPtrArray *out);
GtkWidget *ss_test_find_first (GtkWidget *root,
                               GType      type);
void ss_test_wait_frames (guint      n);
GtkCssProvider *ss_test_load_app_style (void);

G_END_DECLS
