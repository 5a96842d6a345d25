/* ss-accessible.h: names for screen readers where GTK 4.8 gives none or two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ss_accessible_tidy             (GtkWidget     *root);
void ss_accessible_name             (GtkWidget     *widget,
                                     const char    *label);
void ss_accessible_name_menu_button (GtkMenuButton *button,
                                     const char    *label);
void ss_accessible_drop_down        (GtkDropDown   *drop_down,
                                     const char    *list_label);

G_END_DECLS
