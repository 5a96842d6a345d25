/* ss-rebalance.h: moving one share while the others make room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double ss_rebalance (double         *shares,
                     const gboolean *locked,
                     guint           n,
                     guint           index,
                     double          value);

G_END_DECLS
