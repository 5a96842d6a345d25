/* test-job.c: a worker's job reaches its owner only while both stand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SsJob is what the window, the Compare view and the charts pane stand
 * on when they hand work to a worker thread. The worker here waits at a
 * gate the test opens, so each case decides what happens while the job
 * runs: nothing (the owner hears of it once), the owner goes, the job is
 * cancelled, or another job replaces it. ss_job_complete() is checked on
 * the sample's document: over the frame budget a worker brings every
 * projection up to date and the owner is told once they are in.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include "ss-document.h"
#include "ss-job.h"
#include "test-util.h"

typedef struct
{
  GMutex   lock;
  GCond    opened_cond;
  gboolean opened;
} Gate;

static Gate gate;

static void
gate_close (void)
{
  g_mutex_lock (&gate.lock);
  gate.opened = FALSE;
  g_mutex_unlock (&gate.lock);
}

static void
gate_open (void)
{
  g_mutex_lock (&gate.lock);
  gate.opened = TRUE;
  g_cond_broadcast (&gate.opened_cond);
  g_mutex_unlock (&gate.lock);
}

static void
wait_at_gate (GTask        *task,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  g_mutex_lock (&gate.lock);
  while (!gate.opened)
    g_cond_wait (&gate.opened_cond, &gate.lock);
  g_mutex_unlock (&gate.lock);
  g_task_return_int (task, GPOINTER_TO_INT (data));
}

/* The owner: what it heard. */
typedef struct
{
  SsJob    job;
  guint    n_done;
  gssize   last;
} Owner;

static GQuark
owner_quark (void)
{
  return g_quark_from_static_string ("test-job-owner");
}

static Owner *
owner_of (gpointer object)
{
  return g_object_get_qdata (object, owner_quark ());
}

static GObject *
owner_new (void)
{
  GObject *object = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_qdata_full (object, owner_quark (), g_new0 (Owner, 1), g_free);
  return object;
}

static void
on_done (gpointer      object,
         GAsyncResult *result)
{
  Owner *owner = owner_of (object);

  g_assert_true (G_IS_OBJECT (object));
  owner->n_done++;
  owner->last = g_task_propagate_int (G_TASK (result), NULL);
}

static guint n_ready;                  /* tasks that called back, cancelled or not */

static void
ready (GObject      *source,
       GAsyncResult *result,
       gpointer      call)
{
  n_ready++;
  ss_job_ready (source, result, call);
}

/* Starts a job for object's owner that returns value once the gate
 * opens. */
static void
start (GObject *object,
       int      value)
{
  Owner *owner = owner_of (object);
  gpointer call = ss_job_begin (&owner->job, object, on_done);
  g_autoptr(GTask) task = g_task_new (NULL, owner->job.cancellable, ready, call);

  g_task_set_task_data (task, GINT_TO_POINTER (value), NULL);
  g_task_run_in_thread (task, wait_at_gate);
}

/* Opens the gate and runs the main context until n tasks in all have
 * called back (GTask calls back even when cancelled). */
static void
drain (guint n)
{
  gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gate_open ();
  while (n_ready < n)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_job_done (void)
{
  g_autoptr(GObject) object = owner_new ();
  Owner *owner = owner_of (object);

  n_ready = 0;
  gate_close ();
  start (object, 7);
  g_assert_true (ss_job_is_running (&owner->job));
  drain (1);
  g_assert_cmpuint (owner->n_done, ==, 1);
  g_assert_cmpint (owner->last, ==, 7);
  g_assert_false (ss_job_is_running (&owner->job));
}

/* An owner gone before its job ends hears nothing (and nothing touches
 * it: under AddressSanitizer a use after free would fail the test). */
static void
test_job_owner_gone (void)
{
  GObject *object = owner_new ();
  GWeakRef ref;

  n_ready = 0;
  gate_close ();
  start (object, 1);
  g_weak_ref_init (&ref, object);
  /* The owner goes without cancelling its job: it lets go of the
   * cancellable, and of itself. */
  g_clear_object (&owner_of (object)->job.cancellable);
  g_object_unref (object);
  g_assert_null (g_weak_ref_get (&ref));
  drain (1);
  g_weak_ref_clear (&ref);
}

static void
test_job_cancelled (void)
{
  g_autoptr(GObject) object = owner_new ();
  Owner *owner = owner_of (object);
  g_autoptr(GCancellable) cancellable = NULL;

  n_ready = 0;
  gate_close ();
  start (object, 2);
  cancellable = g_object_ref (owner->job.cancellable);
  ss_job_cancel (&owner->job);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_false (ss_job_is_running (&owner->job));
  drain (1);
  g_assert_cmpuint (owner->n_done, ==, 0);
}

/* A second job replaces the first: the first is cancelled, and only the
 * second's result reaches the owner, whichever ends first. */
static void
test_job_replaced (void)
{
  g_autoptr(GObject) object = owner_new ();
  Owner *owner = owner_of (object);
  g_autoptr(GCancellable) first = NULL;

  n_ready = 0;
  gate_close ();
  start (object, 1);
  first = g_object_ref (owner->job.cancellable);
  start (object, 2);
  g_assert_true (g_cancellable_is_cancelled (first));
  g_assert_true (owner->job.cancellable != first);
  drain (2);
  g_assert_cmpuint (owner->n_done, ==, 1);
  g_assert_cmpint (owner->last, ==, 2);
  g_assert_false (ss_job_is_running (&owner->job));
}

static guint n_updates;

static void
on_update (gpointer object)
{
  g_assert_true (G_IS_OBJECT (object));
  n_updates++;
}

/* Over the budget (0 µs: everything goes to a worker) a worker brings
 * every projection up to date; a second call while it runs starts no
 * other; the owner is told once, when they are in the document. Under a
 * budget nothing could exceed, it is left to the caller. */
static void
test_job_complete (void)
{
  g_autoptr(SsStudy) study = ss_test_load_study (SS_TEST_STUDY_SAMPLE);
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(GObject) object = owner_new ();
  Owner *owner = owner_of (object);
  gint64 until = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  SsJob unused = { NULL };

  n_updates = 0;
  g_setenv ("SUPPLYSHIFT_FRAME_BUDGET_US", "1000000000", TRUE);
  g_assert_false (ss_job_complete (&unused, object, document, SS_DOCUMENT_NEEDS_PROJECTIONS, on_update));
  g_assert_false (ss_job_is_running (&unused));

  g_setenv ("SUPPLYSHIFT_FRAME_BUDGET_US", "0", TRUE);
  g_assert_cmpint (ss_document_estimate_needs_us (document, SS_DOCUMENT_NEEDS_PROJECTIONS), >, 0);
  g_assert_true (ss_job_complete (&owner->job, object, document, SS_DOCUMENT_NEEDS_PROJECTIONS, on_update));
  g_assert_true (ss_job_is_running (&owner->job));
  {
    GCancellable *running = owner->job.cancellable;

    g_assert_true (ss_job_complete (&owner->job, object, document, SS_DOCUMENT_NEEDS_PROJECTIONS, on_update));
    g_assert_true (owner->job.cancellable == running);
  }
  while (n_updates == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, until);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (n_updates, ==, 1);
  g_assert_false (ss_job_is_running (&owner->job));
  g_assert_cmpint (ss_document_estimate_needs_us (document, SS_DOCUMENT_NEEDS_PROJECTIONS), ==, 0);
  /* Up to date: nothing more to wait for. */
  g_assert_false (ss_job_complete (&owner->job, object, document, SS_DOCUMENT_NEEDS_PROJECTIONS, on_update));
  g_unsetenv ("SUPPLYSHIFT_FRAME_BUDGET_US");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/job/done", test_job_done);
  g_test_add_func ("/job/owner-gone", test_job_owner_gone);
  g_test_add_func ("/job/cancelled", test_job_cancelled);
  g_test_add_func ("/job/replaced", test_job_replaced);
  g_test_add_func ("/job/complete", test_job_complete);

  return g_test_run ();
}
