/* ss-dtoa.h: numbers printed as printf's "%.17g" does, without printf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for any double: "-2.2250738585072014e-308" and its NUL. */
#define SS_G17_BUF 32

gsize  ss_format_g17       (char   *buf,
                            double  value);
/* The exact integer path alone (for tests): -1 where it cannot print the
 * value and ss_format_g17() asks printf. */
gssize ss_format_g17_exact (char   *buf,
                            double  value);

G_END_DECLS
