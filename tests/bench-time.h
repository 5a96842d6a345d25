/* bench-time.h: the clocks and medians of the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

double bench_thread_ms    (void);
double bench_process_ms   (void);
double bench_load_average (void);
void   bench_sort         (double *samples,
                           guint   n);

G_END_DECLS
