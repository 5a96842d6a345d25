/* ss-help.h: opens the user's guide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void     ss_help_show           (GtkWindow  *parent,
                                 const char *page);
char    *ss_help_find_html      (const char *page);

G_END_DECLS
