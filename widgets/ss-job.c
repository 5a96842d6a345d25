/* ss-job.c: a worker's job on behalf of a window or a view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view that hands work to a worker thread must not hear of the result
 * when it has gone, or when an edit or another study has overtaken the
 * job. An SsJob keeps the job's cancellable; the callback data holds a
 * weak reference to the owner and the cancellable it was started with,
 * so the result reaches the owner only while both still match.
 */

#define G_LOG_DOMAIN "supplyshift-job"

#include "config.h"

#include "ss-job.h"
#include "ss-page-util.h"

typedef struct
{
  GWeakRef         owner;
  SsJob           *job;                /* in the owner: valid while it lives */
  GCancellable    *cancellable;        /* the job's, held so its address stays its own */
  SsJobDoneFunc    done;
  GWeakRef         document;           /* ss_job_complete(): its document */
  SsJobUpdateFunc  update;
} Call;

static void
call_free (Call *call)
{
  g_weak_ref_clear (&call->owner);
  g_weak_ref_clear (&call->document);
  g_clear_object (&call->cancellable);
  g_free (call);
}

/**
 * ss_job_begin:
 * @job: the owner's job; one that runs is cancelled
 * @owner: (type GObject): whom the job is for
 * @done: (nullable): what to call with @owner and the result
 *
 * Starts a new job for @owner. Pass @job's cancellable, ss_job_ready()
 * and the returned data to the asynchronous call that does the work.
 *
 * Returns: the data for ss_job_ready()
 */
gpointer
ss_job_begin (SsJob         *job,
              gpointer       owner,
              SsJobDoneFunc  done)
{
  Call *call = g_new0 (Call, 1);

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  ss_job_cancel (job);
  job->cancellable = g_cancellable_new ();
  g_weak_ref_init (&call->owner, owner);
  g_weak_ref_init (&call->document, NULL);
  call->job = job;
  call->cancellable = g_object_ref (job->cancellable);
  call->done = done;
  return call;
}

/**
 * ss_job_ready:
 *
 * The #GAsyncReadyCallback of a job ss_job_begin() started: it calls the
 * job's function if the owner is alive and the job still its own, and
 * marks the job as no longer running.
 */
void
ss_job_ready (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr(GObject) owner = g_weak_ref_get (&call->owner);

  if (owner != NULL && call->job->cancellable == call->cancellable)
    {
      g_clear_object (&call->job->cancellable);
      if (call->update != NULL)
        {
          g_autoptr(SsDocument) document = g_weak_ref_get (&call->document);

          /* Dropped if an edit overtook it: the update asks again. A
           * document gone has taken its owner's figures with it. */
          if (document != NULL)
            {
              ss_document_complete_finish (document, result, NULL);
              call->update (owner);
            }
        }
      else
        call->done (owner, result);
    }
  call_free (call);
}

/**
 * ss_job_cancel:
 *
 * Cancels the job that runs, if one does: its result will not reach the
 * owner.
 */
void
ss_job_cancel (SsJob *job)
{
  g_cancellable_cancel (job->cancellable);
  g_clear_object (&job->cancellable);
}

/**
 * ss_job_is_running:
 *
 * Returns: whether a job started and has neither ended nor been cancelled
 */
gboolean
ss_job_is_running (const SsJob *job)
{
  return job->cancellable != NULL;
}

/**
 * ss_job_complete:
 * @job: the owner's job for this
 * @owner: (type GObject): whom the figures are for
 * @needs: what the owner shows
 * @update: what to call with @owner once they are in @document
 *
 * When bringing @needs up to date would miss the frame (more than
 * ss_frame_budget_us()), a worker does it, as ss_document_complete_async()
 * does, unless one is at it already; everything it computed is put in
 * @document at once, and then @update is called. A result an edit
 * overtook is dropped, and @update called all the same: it asks again.
 * The owner cancels the job when it shows another document.
 *
 * Returns: whether the owner waits for a worker (%FALSE: computing
 *   @needs on this thread fits in the frame)
 */
gboolean
ss_job_complete (SsJob           *job,
                 gpointer         owner,
                 SsDocument      *document,
                 SsDocumentNeeds  needs,
                 SsJobUpdateFunc  update)
{
  Call *call;

  g_return_val_if_fail (SS_IS_DOCUMENT (document), FALSE);

  if (needs == 0 || ss_document_estimate_needs_us (document, needs) <= ss_frame_budget_us ())
    return FALSE;
  if (ss_job_is_running (job))
    return TRUE;
  call = ss_job_begin (job, owner, NULL);
  g_weak_ref_set (&call->document, document);
  call->update = update;
  ss_document_complete_async (document, needs, job->cancellable, ss_job_ready, call);
  return TRUE;
}
