/* ss-window-pages.c: the Countries, Items and Scenarios pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "supplyshift-window-pages"

#include "config.h"

#include "ss-window-private.h"

void
ss_window_pages_init (SsWindow *self)
{
}

void
ss_window_pages_set_document (SsWindow   *self,
                              SsDocument *document)
{
}
