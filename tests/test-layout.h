/* test-layout.h: checks on text as Pango lays it out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

guint ss_test_assert_reads_forward (PangoLayout  *layout,
                                    const char  **names);

G_END_DECLS
