/* bench-time.c: the clocks and medians of the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-time.h"

/* The thread's processor time in ms: on a busy machine this stays what
 * the work costs, where the wall clock also counts waiting for a core. */
double
bench_thread_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The whole process's processor time in ms (user and system, every
 * thread): what a projection on several threads costs. */
double
bench_process_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The load average over the last minute, to print beside the figures. */
double
bench_load_average (void)
{
  double load[1] = { -1 };

  if (getloadavg (load, 1) < 1)
    return -1;
  return load[0];
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* In increasing order: the minimum first, the median at n / 2. */
void
bench_sort (double *samples,
            guint   n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
}
