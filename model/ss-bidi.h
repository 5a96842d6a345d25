/* ss-bidi.h: a name set into a longer text, which it cannot reorder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ss_bidi_isolate (const char *name);

G_END_DECLS
