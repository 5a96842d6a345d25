/* ss-job.h: a worker's job on behalf of a window or a view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ss-document.h"

G_BEGIN_DECLS

/**
 * SsJob:
 * @cancellable: the running job's, %NULL when none runs
 *
 * One piece of work a worker thread does for an object (its owner),
 * kept in the owner's instance struct. The owner hears of the result
 * only if it is still alive and the job is still its own: neither
 * cancelled with ss_job_cancel() nor replaced by another since.
 */
typedef struct
{
  GCancellable *cancellable;
} SsJob;

/* Called with the owner (alive) and the job's result. */
typedef void (*SsJobDoneFunc) (gpointer      owner,
                               GAsyncResult *result);

/* Called with the owner once what a worker computed is in the document
 * (or was dropped because an edit overtook it). */
typedef void (*SsJobUpdateFunc) (gpointer owner);

gpointer ss_job_begin        (SsJob           *job,
                              gpointer         owner,
                              SsJobDoneFunc    done);
void     ss_job_ready        (GObject         *source,
                              GAsyncResult    *result,
                              gpointer         user_data);
void     ss_job_cancel       (SsJob           *job);
gboolean ss_job_is_running   (const SsJob     *job);

gboolean ss_job_complete     (SsJob           *job,
                              gpointer         owner,
                              SsDocument      *document,
                              SsDocumentNeeds  needs,
                              SsJobUpdateFunc  update);

G_END_DECLS
