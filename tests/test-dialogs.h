/* test-dialogs.h: the main loop and message dialogs of a window under test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void              ss_test_iterate     (void);
AdwMessageDialog *ss_test_find_dialog (void);
void              ss_test_respond     (AdwMessageDialog *dialog,
                                       const char       *response);

G_END_DECLS
