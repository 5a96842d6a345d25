/* ss-parallel.c: run the tasks of one computation on several threads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine splits a projection into tasks whose results do not depend
 * on which thread runs them or in what order (each writes its own
 * figures, and every sum keeps its single-threaded order), so any number
 * of threads gives the same figures bit for bit.
 *
 * The calling thread runs tasks too, and waits only for the helpers that
 * have begun: a helper still queued when the tasks run out (the pool busy
 * with another computation, or a call from a pool thread itself) finds
 * nothing to do and leaves, so a call never waits on the pool and cannot
 * deadlock. SUPPLYSHIFT_THREADS sets the number of threads (1: no
 * helpers), for benchmarks on one core.
 */

#define G_LOG_DOMAIN "supplyshift-parallel"

#include "config.h"

#include <stdlib.h>

#include "ss-parallel.h"

typedef struct
{
  SsParallelFunc func;
  gpointer       data;
  guint          n_tasks;
  guint          next_task;            /* atomic */
  guint          next_worker;          /* atomic; 0 is the caller */
  GMutex         lock;
  GCond          idle;
  guint          running;              /* helpers at work, under lock */
  gboolean       finished;             /* the caller has returned */
} Job;

static void
job_clear (Job *job)
{
  g_mutex_clear (&job->lock);
  g_cond_clear (&job->idle);
}

static void
job_work (Job   *job,
          guint  worker)
{
  guint task;

  while ((task = g_atomic_int_add (&job->next_task, 1)) < job->n_tasks)
    job->func (job->data, task, worker);
}

static void
helper (gpointer job_pointer,
        gpointer unused)
{
  Job *job = job_pointer;

  g_mutex_lock (&job->lock);
  if (job->finished)
    {
      g_mutex_unlock (&job->lock);
      g_atomic_rc_box_release_full (job, (GDestroyNotify)job_clear);
      return;
    }
  job->running++;
  g_mutex_unlock (&job->lock);

  job_work (job, g_atomic_int_add (&job->next_worker, 1));

  g_mutex_lock (&job->lock);
  if (--job->running == 0)
    g_cond_signal (&job->idle);
  g_mutex_unlock (&job->lock);
  g_atomic_rc_box_release_full (job, (GDestroyNotify)job_clear);
}

static GThreadPool *
get_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    {
      guint n = MAX (ss_parallel_get_n_workers (), g_get_num_processors ());
      GThreadPool *created = g_thread_pool_new (helper, NULL, MAX (n, 2) - 1, FALSE, NULL);

      g_once_init_leave (&pool, created);
    }
  return pool;
}

static guint n_workers_set;

/* For tests and benchmarks: at most this many threads from now on. */
void
ss_parallel_set_n_workers (guint n_workers)
{
  g_atomic_int_set (&n_workers_set, MIN (n_workers, 64));
}

/* The processors this process may use, or SUPPLYSHIFT_THREADS, or what
 * ss_parallel_set_n_workers() said. */
guint
ss_parallel_get_n_workers (void)
{
  static gsize n_workers;
  guint set = g_atomic_int_get (&n_workers_set);

  if (set > 0)
    return set;
  if (g_once_init_enter (&n_workers))
    {
      const char *env = g_getenv ("SUPPLYSHIFT_THREADS");
      guint64 n = env != NULL ? g_ascii_strtoull (env, NULL, 10) : 0;

      if (n == 0)
        n = g_get_num_processors ();
      g_once_init_leave (&n_workers, CLAMP (n, 1, 64));
    }
  return n_workers;
}

/* Runs func for tasks 0 … n_tasks − 1 on at most n_workers threads, the
 * caller's among them, and returns when every task is done. */
void
ss_parallel_run (guint          n_tasks,
                 guint          n_workers,
                 SsParallelFunc func,
                 gpointer       data)
{
  Job *job;

  n_workers = MIN (MIN (n_workers, n_tasks), ss_parallel_get_n_workers ());
  if (n_workers <= 1)
    {
      for (guint task = 0; task < n_tasks; task++)
        func (data, task, 0);
      return;
    }

  job = g_atomic_rc_box_new0 (Job);
  job->func = func;
  job->data = data;
  job->n_tasks = n_tasks;
  job->next_worker = 1;
  g_mutex_init (&job->lock);
  g_cond_init (&job->idle);

  for (guint k = 1; k < n_workers; k++)
    g_thread_pool_push (get_pool (), g_atomic_rc_box_acquire (job), NULL);

  job_work (job, 0);

  g_mutex_lock (&job->lock);
  while (job->running > 0)
    g_cond_wait (&job->idle, &job->lock);
  job->finished = TRUE;
  g_mutex_unlock (&job->lock);
  g_atomic_rc_box_release_full (job, (GDestroyNotify)job_clear);
}
