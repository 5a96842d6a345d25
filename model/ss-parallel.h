/* ss-parallel.h: run the tasks of one computation on several threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs task number `task` on worker `worker` (0 ≤ worker < the n_workers
 * asked for): a worker runs its tasks one after another, so it can own
 * scratch memory. */
typedef void (*SsParallelFunc) (gpointer data,
                                guint    task,
                                guint    worker);

guint ss_parallel_get_n_workers (void);
/* 0: the processors this process may use, or SUPPLYSHIFT_THREADS. */
void  ss_parallel_set_n_workers (guint          n_workers);
void  ss_parallel_run           (guint          n_tasks,
                                 guint          n_workers,
                                 SsParallelFunc func,
                                 gpointer       data);

G_END_DECLS
