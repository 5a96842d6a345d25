/* ss-document-async.c: a document's projections computed off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a window needs when bringing a projection up to date would miss a
 * frame: what it would cost (ss_document_estimate_us()), the last
 * complete projection to show meanwhile (ss_document_peek_projection()),
 * and the projection computed in a worker thread from a copy of the
 * study (ss_document_project_async()).
 */

#define G_LOG_DOMAIN "supplyshift-document"

#include "config.h"

#include <math.h>

#include "ss-document.h"
#include "ss-document-private.h"
#include "ss-engine.h"
#include "ss-study-patch.h"

static void
worker_clear (Worker *worker)
{
  g_clear_object (&worker->study);
}

void
_ss_document_worker_release (Worker *worker)
{
  g_atomic_rc_box_release_full (worker, (GDestroyNotify)worker_clear);
}

/* --- Projections off the main thread ------------------------------------
 *
 * A whole projection of a large study takes seconds (4 000 items of 16
 * countries: 2^16 disruption sets an item-year), far more than a frame.
 * A window asks ss_document_estimate_us() what bringing a projection up
 * to date would cost, and when that would miss a frame it computes it in
 * a worker thread with ss_document_project_async(), showing meanwhile
 * the last complete projection (ss_document_peek_projection()), never
 * one half computed. The worker reads its own copy of the study, brought
 * up to date part by part when it starts (ss-study-patch.c), and writes
 * projections of its own; ss_document_project_finish() puts them in the
 * cache only if the study has not changed since they were started (the
 * document's generation), so a result that an edit overtook is dropped.
 * What it installs is ss_engine_project() of the study as it is, so the
 * figures are those of a fresh projection, bit for bit. */

/* What one evaluation costs on this machine's cores, about (measured by
 * bench-engine at 4 000 items × 16 countries, docs/benchmarks.md). */
#define NS_PER_SET_YEAR   1.0          /* a disruption set of an item in a year */
#define NS_PER_ITEM_YEAR  200.0        /* paths, costs, the rest of an item's year */
#define NS_PER_STATE_YEAR 4.0          /* L(σ) and VaR95 over the joint states */

typedef struct
{
  guint64       serial;
  guint64       generation;
  int           scenario;
  Worker       *worker;                /* whose study this is, or NULL: its own */
  SsStudy      *study;
  gboolean      baseline_given;        /* fresh in the cache: copied, not computed */
  SsProjection *baseline;
  SsProjection *projection;            /* NULL for the baseline alone */
} ProjectJob;

static void
project_job_free (ProjectJob *job)
{
  g_clear_object (&job->study);
  g_clear_pointer (&job->baseline, ss_projection_free);
  g_clear_pointer (&job->projection, ss_projection_free);
  if (job->worker != NULL)
    {
      g_atomic_int_set (&job->worker->busy, 0);
      _ss_document_worker_release (job->worker);
    }
  g_free (job);
}

/* The sets an item enumerates in a scenario: 2^n for n sources that can
 * lose days (model.md §4), as the engine counts them, about. */
static double
item_sets (const SsStudy    *study,
           const SsScenario *scenario,
           guint             item)
{
  const SsItem *it = ss_study_get_item (study, item);
  const double *targets = scenario != NULL ? scenario->targets[item] : NULL;
  guint nc = ss_study_get_n_countries (study);
  guint n = 0;

  for (guint c = 0; c < nc; c++)
    if ((it->sources[c].attr[SS_SOURCE_SHARE] > 0 || (targets != NULL && targets[c] > 0))
        && ss_study_get_country (study, c)->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] > 0)
      n++;
  return (double)(1u << n);
}

static double
joint_states (const SsStudy *study)
{
  guint nc = ss_study_get_n_countries (study);
  guint n = 0;

  for (guint c = 0; c < nc; c++)
    if (ss_study_get_country (study, c)->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] > 0)
      n++;
  return (double)(1u << n);
}

/* What a full projection of scenario (or SS_BASELINE) costs, in ns;
 * a cell under a shock, about as much. It walks every item's sources, so
 * it is kept until the study changes: a view asks on every refresh. */
static double
estimate_full (SsDocument *self,
               int         scenario_index)
{
  const SsScenario *scenario = scenario_index >= 0 ? ss_study_get_scenario (self->study, scenario_index) : NULL;
  guint n = 1 + ss_study_get_n_scenarios (self->study);
  double years, ns, *cached;

  if (self->full_ns == NULL)
    self->full_ns = g_array_new (FALSE, FALSE, sizeof (double));
  if (self->full_ns_generation != self->generation || self->full_ns->len != n)
    {
      g_array_set_size (self->full_ns, n);
      for (guint k = 0; k < n; k++)
        g_array_index (self->full_ns, double, k) = -1;
      self->full_ns_generation = self->generation;
    }
  cached = &g_array_index (self->full_ns, double, scenario_index + 1);
  if (*cached >= 0)
    return *cached;

  years = ss_study_get_meta (self->study)->horizon + 1;
  ns = joint_states (self->study) * years * NS_PER_STATE_YEAR;
  for (guint i = 0; i < ss_study_get_n_items (self->study); i++)
    ns += item_sets (self->study, scenario, i) * years * NS_PER_SET_YEAR + years * NS_PER_ITEM_YEAR;
  return *cached = ns;
}

/* What bringing a cached projection or cell of scenario (or
 * SS_BASELINE) up to date would cost, in ns: in full if stale, else for
 * its pending items. */
static double
estimate_cached (SsDocument *self,
                 GArray     *stale,
                 GArray     *pending,
                 gsize       at,
                 int         scenario_index)
{
  const SsScenario *scenario = scenario_index >= 0 ? ss_study_get_scenario (self->study, scenario_index) : NULL;
  const Pending *p = &g_array_index (pending, Pending, at);
  double years = ss_study_get_meta (self->study)->horizon + 1;
  double states = joint_states (self->study) * years * NS_PER_STATE_YEAR;
  double ns = 0;

  if (g_array_index (stale, gboolean, at))
    return estimate_full (self, scenario_index);
  for (guint k = 0; p->items != NULL && k < p->items->len; k++)
    ns += item_sets (self->study, scenario, g_array_index (p->items, guint, k)) * years
            * NS_PER_SET_YEAR + years * NS_PER_ITEM_YEAR + states;
  return ns;
}

/**
 * ss_document_estimate_full_us:
 * @scenario: a scenario, or %SS_BASELINE
 *
 * About how long one whole projection of @scenario takes, up to date or
 * not: for a view that computes projections of its own (the tornado).
 *
 * Returns: microseconds
 */
gint64
ss_document_estimate_full_us (SsDocument *self,
                              int         scenario)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail ((guint)(scenario + 1) < self->projections->len, 0);

  return (gint64)ceil (estimate_full (self, scenario) / 1000);
}

/**
 * ss_document_estimate_us:
 * @scenario: a scenario, or %SS_BASELINE
 *
 * About how long ss_document_get_projection() would take now for
 * @scenario (and the baseline it needs), from the counts of items,
 * disruption sets, joint states and years: 0 when both are up to date.
 *
 * Returns: microseconds
 */
gint64
ss_document_estimate_us (SsDocument *self,
                         int         scenario)
{
  double ns;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), 0);
  g_return_val_if_fail ((guint)(scenario + 1) < self->projections->len, 0);

  ns = estimate_cached (self, self->stale, self->pending, 0, SS_BASELINE);
  if (scenario != SS_BASELINE)
    ns += estimate_cached (self, self->stale, self->pending, scenario + 1, scenario);
  return (gint64)ceil (ns / 1000);
}

static guint
count_groups (const SsStudy *study)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  ss_study_get_groups (study, groups);
  return groups->len;
}

/**
 * ss_document_peek_projection:
 * @scenario: a scenario, or %SS_BASELINE
 *
 * The projection of @scenario as the cache holds it, without computing
 * anything: up to date, or the last complete projection of that scenario
 * if an edit has made it stale since, as long as it still has the
 * study's shape (items, countries, groups, years). What a window shows
 * while a new one is computed off the main thread.
 *
 * Returns: (nullable): the projection, valid until the next change; NULL
 *   when there is none of the study's shape
 */
const SsProjection *
ss_document_peek_projection (SsDocument *self,
                             int         scenario)
{
  guint index = scenario + 1;
  const SsProjection *p;
  const char *id;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->projections->len, NULL);

  p = g_ptr_array_index (self->projections, index);
  if (!g_array_index (self->stale, gboolean, index))
    return p;
  id = scenario == SS_BASELINE ? "" : ss_study_get_scenario (self->study, scenario)->id;
  if (g_strcmp0 (g_ptr_array_index (self->projected_ids, index), id) != 0
      || p->n_items != ss_study_get_n_items (self->study)
      || p->n_countries != ss_study_get_n_countries (self->study)
      || p->n_years != (guint)ss_study_get_meta (self->study)->horizon + 1
      || p->n_groups != count_groups (self->study))
    return NULL;
  return p;
}

/* The study a job reads: the worker's copy, brought up to date, if no
 * other job reads it (then *worker holds it until the job ends), else a
 * copy of its own. */
static SsStudy *
job_study (SsDocument *self,
           Worker    **worker)
{
  if (self->worker == NULL)
    self->worker = g_atomic_rc_box_new0 (Worker);
  if (!g_atomic_int_compare_and_exchange (&self->worker->busy, 0, 1))
    return ss_study_copy (self->study);
  /* Idle: its copy follows the study where they differ. */
  if (self->worker->study == NULL)
    self->worker->study = ss_study_copy (self->study);
  else
    ss_study_patch_free (ss_study_patch_sync (self->worker->study, self->study));
  *worker = g_atomic_rc_box_acquire (self->worker);
  return g_object_ref (self->worker->study);
}

static void
project_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  ProjectJob *job = data;

  if (!job->baseline_given)
    ss_engine_project (job->study, SS_BASELINE, NULL, job->baseline);
  if (job->projection != NULL)
    ss_engine_project (job->study, job->scenario, job->baseline, job->projection);
  g_task_return_boolean (task, TRUE);
}

/**
 * ss_document_project_async:
 * @scenario: a scenario, or %SS_BASELINE
 * @callback: called in the thread-default main context of the caller
 *
 * Computes @scenario's projection (and the baseline's, unless it is up
 * to date) in a worker thread, from a copy of the study as it is now;
 * ss_document_project_finish() puts them in the cache. The task holds
 * no reference to the document, so the caller keeps it alive (its
 * callback's data), and a document closed meanwhile is never disposed in
 * the worker.
 */
void
ss_document_project_async (SsDocument          *self,
                           int                  scenario,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ProjectJob *job;
  guint index = scenario + 1;

  g_return_if_fail (SS_IS_DOCUMENT (self));
  g_return_if_fail (index < self->projections->len);

  job = g_new0 (ProjectJob, 1);
  job->serial = self->serial;
  job->generation = self->generation;
  job->scenario = scenario;

  job->study = job_study (self, &job->worker);

  job->baseline = ss_projection_new ();
  if (!g_array_index (self->stale, gboolean, 0) && !_ss_pending_any (self->pending, 0)
      && !g_array_index (self->pending, Pending, 0).inexact && scenario != SS_BASELINE)
    {
      ss_projection_copy_into (job->baseline, g_ptr_array_index (self->projections, 0));
      job->baseline_given = TRUE;
    }
  if (scenario != SS_BASELINE)
    job->projection = ss_projection_new ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ss_document_project_async);
  g_task_set_task_data (task, job, (GDestroyNotify)project_job_free);
  g_task_run_in_thread (task, project_in_thread);
}

/* The cached projection at index takes the contents of fresh (whose
 * contents go with the job), so pointers to it stay valid. */
static void
install (SsDocument   *self,
         guint         index,
         SsProjection *fresh,
         int           scenario)
{
  SsProjection *cached = g_ptr_array_index (self->projections, index);
  SsProjection kept = *cached;

  *cached = *fresh;
  *fresh = kept;
  self->n_installed++;
  g_array_index (self->stale, gboolean, index) = FALSE;
  _ss_pending_reset (&g_array_index (self->pending, Pending, index));
  _ss_document_set_projected_id (self, scenario);
}

/**
 * ss_document_project_finish:
 *
 * Puts the projections ss_document_project_async() computed in the
 * cache, unless the study changed after it started (or @result is for
 * another document): then they are dropped, and the caller starts again
 * if it still needs them.
 *
 * Returns: whether they were put in the cache; if not, @error is
 *   G_IO_ERROR_CANCELLED
 */
gboolean
ss_document_project_finish (SsDocument    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  ProjectJob *job;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ss_document_project_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (job->serial != self->serial || job->generation != self->generation)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "The study changed while its projection was computed");
      return FALSE;
    }
  if (!job->baseline_given)
    install (self, 0, job->baseline, SS_BASELINE);
  if (job->projection != NULL)
    install (self, job->scenario + 1, job->projection, job->scenario);
  return TRUE;
}

/* How many projections computed in a worker were put in the cache: for
 * tests and benchmarks. */
guint
ss_document_get_n_async_projections (SsDocument *self)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), 0);
  return self->n_installed;
}

/* --- Everything a view shows, off the main thread -----------------------
 *
 * The Compare view shows every scenario's projection, the Stress Test
 * view every cell of the grid: at 4 000 items of 16 countries, seconds of
 * work each. ss_document_complete_async() computes all of those that are
 * stale, in order (the baseline, the scenarios, each shock's world, the
 * strategies in it), in a worker thread; ss_document_complete_finish()
 * puts them in the cache at once, so a view goes from one complete
 * picture to the next. What is up to date already is copied into the job
 * where a part needs it as its reference, not computed again. */

typedef struct
{
  int           strategy;              /* SS_BASELINE or a scenario */
  int           shock;                 /* SS_NO_SHOCK: a projection, not a cell */
  gsize         slot;                  /* its index in projections, or in cells */
  int           reference;             /* the part it is against, or -1 */
  gboolean      given;                 /* up to date in the cache: copied, not computed */
  SsProjection *projection;
} Part;

typedef struct
{
  guint64  serial;
  guint64  generation;
  Worker  *worker;
  SsStudy *study;
  GArray  *parts;                      /* of Part */
} CompleteJob;

static void
complete_job_free (CompleteJob *job)
{
  for (guint k = 0; k < job->parts->len; k++)
    g_clear_pointer (&g_array_index (job->parts, Part, k).projection, ss_projection_free);
  g_array_unref (job->parts);
  g_clear_object (&job->study);
  if (job->worker != NULL)
    {
      g_atomic_int_set (&job->worker->busy, 0);
      _ss_document_worker_release (job->worker);
    }
  g_free (job);
}

/* Whether a cached projection or cell is out of date, as
 * ss_document_get_projection() and ss_document_get_cell() see it. */
static gboolean
needs_work (GArray *stale,
            GArray *pending,
            gsize   at)
{
  return g_array_index (stale, gboolean, at) || _ss_pending_any (pending, at);
}

/* Whether it can serve as a reference as it is: up to date, and from a
 * full projection, not brought up to date item by item (so what is
 * computed against it is a fresh projection, bit for bit). */
static gboolean
exact (GArray *stale,
       GArray *pending,
       gsize   at)
{
  return !needs_work (stale, pending, at) && !g_array_index (pending, Pending, at).inexact;
}

/* Adds a part, computed, or given (copied now from cached), and returns
 * its index. */
static int
add_part (CompleteJob        *job,
          int                 strategy,
          int                 shock,
          gsize               slot,
          int                 reference,
          const SsProjection *cached)
{
  Part part = { strategy, shock, slot, reference, cached != NULL, ss_projection_new () };

  if (cached != NULL)
    ss_projection_copy_into (part.projection, cached);
  g_array_append_val (job->parts, part);
  return (int)job->parts->len - 1;
}

/* Whether the job computes strategy's own projection: the views need it,
 * and it is out of date. */
static gboolean
wants_projection (SsDocument      *self,
                  SsDocumentNeeds  needs,
                  int              scenario)
{
  if (!needs_work (self->stale, self->pending, scenario + 1))
    return FALSE;
  return scenario == SS_BASELINE || (needs & SS_DOCUMENT_NEEDS_PROJECTIONS)
         || ((needs & SS_DOCUMENT_NEEDS_GRID) && _ss_document_axis_index (self->strategies, scenario) >= 0);
}

/* Whether the job computes anything in column k of the grid. */
static gboolean
wants_column (SsDocument      *self,
              SsDocumentNeeds  needs,
              guint            k)
{
  if (!(needs & SS_DOCUMENT_NEEDS_GRID))
    return FALSE;
  for (guint r = 0; r < self->strategies->len; r++)
    if (needs_work (self->cell_stale, self->cell_pending, (gsize)r * self->shocks->len + k))
      return TRUE;
  return FALSE;
}

static CompleteJob *
complete_job_new (SsDocument      *self,
                  SsDocumentNeeds  needs)
{
  CompleteJob *job = g_new0 (CompleteJob, 1);
  guint n_scenarios = ss_study_get_n_scenarios (self->study);
  guint n_shocks = self->shocks->len;
  int baseline = -1;

  job->serial = self->serial;
  job->generation = self->generation;
  job->parts = g_array_new (FALSE, FALSE, sizeof (Part));

  /* The baseline, the reference of every scenario's projection. */
  for (int s = SS_BASELINE; s < (int)n_scenarios; s++)
    if (wants_projection (self, needs, s))
      {
        baseline = add_part (job, SS_BASELINE, SS_NO_SHOCK, 0, -1,
                             exact (self->stale, self->pending, 0) ? g_ptr_array_index (self->projections, 0)
                                                                    : NULL);
        break;
      }
  for (guint s = 0; s < n_scenarios; s++)
    if (wants_projection (self, needs, (int)s))
      add_part (job, (int)s, SS_NO_SHOCK, s + 1, baseline, NULL);

  /* Each shock's world (row 0), the reference of its column. */
  for (guint k = 1; k < n_shocks; k++)
    if (wants_column (self, needs, k))
      {
        int shock = g_array_index (self->shocks, int, k);
        int world = add_part (job, SS_BASELINE, shock, k, -1,
                              exact (self->cell_stale, self->cell_pending, k) ? g_ptr_array_index (self->cells, k)
                                                                              : NULL);

        for (guint r = 1; r < self->strategies->len; r++)
          if (needs_work (self->cell_stale, self->cell_pending, (gsize)r * n_shocks + k))
            add_part (job, g_array_index (self->strategies, int, r), shock, (gsize)r * n_shocks + k, world, NULL);
      }
  return job;
}

static void
complete_in_thread (GTask        *task,
                    gpointer      source,
                    gpointer      data,
                    GCancellable *cancellable)
{
  CompleteJob *job = data;

  for (guint k = 0; k < job->parts->len; k++)
    {
      Part *part = &g_array_index (job->parts, Part, k);
      const SsProjection *reference =
        part->reference >= 0 ? g_array_index (job->parts, Part, part->reference).projection : NULL;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (!part->given)
        ss_engine_project_cell (job->study, part->strategy, part->shock, reference, part->projection);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * ss_document_estimate_needs_us:
 * @needs: what a view shows
 *
 * About how long bringing everything in @needs up to date would take
 * now (computed afresh, as ss_document_complete_async() does): 0 when
 * all of it is up to date.
 *
 * Returns: microseconds
 */
gint64
ss_document_estimate_needs_us (SsDocument      *self,
                               SsDocumentNeeds  needs)
{
  guint n_shocks;
  double ns = 0;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), 0);

  n_shocks = self->shocks->len;
  for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (self->study); s++)
    if (wants_projection (self, needs, s))
      ns += estimate_cached (self, self->stale, self->pending, s + 1, s);
  for (guint k = 1; k < n_shocks; k++)
    if (wants_column (self, needs, k))
      for (guint r = 0; r < self->strategies->len; r++)
        ns += estimate_cached (self, self->cell_stale, self->cell_pending, (gsize)r * n_shocks + k,
                               g_array_index (self->strategies, int, r));
  return (gint64)ceil (ns / 1000);
}

/**
 * ss_document_complete_async:
 * @needs: what to bring up to date
 * @callback: called in the thread-default main context of the caller
 *
 * Computes in a worker thread, from a copy of the study as it is now,
 * every projection (%SS_DOCUMENT_NEEDS_PROJECTIONS) or stress cell
 * (%SS_DOCUMENT_NEEDS_GRID) that is not fresh, each as a fresh
 * projection would be. As with ss_document_project_async(), the task
 * holds no reference to the document.
 */
void
ss_document_complete_async (SsDocument          *self,
                            SsDocumentNeeds      needs,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CompleteJob *job;

  g_return_if_fail (SS_IS_DOCUMENT (self));

  job = complete_job_new (self, needs);
  job->study = job_study (self, &job->worker);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ss_document_complete_async);
  g_task_set_task_data (task, job, (GDestroyNotify)complete_job_free);
  g_task_run_in_thread (task, complete_in_thread);
}

/**
 * ss_document_complete_finish:
 *
 * Puts everything ss_document_complete_async() computed in the cache at
 * once, unless the study changed after it started: then nothing is put
 * there, and the caller starts again if it still needs them.
 *
 * Returns: whether they were put in the cache; if not, @error is
 *   G_IO_ERROR_CANCELLED
 */
gboolean
ss_document_complete_finish (SsDocument    *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  CompleteJob *job;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ss_document_complete_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  if (job->serial != self->serial || job->generation != self->generation)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "The study changed while its projections were computed");
      return FALSE;
    }
  for (guint k = 0; k < job->parts->len; k++)
    {
      Part *part = &g_array_index (job->parts, Part, k);
      SsProjection *cached, kept;

      if (part->given)
        continue;
      if (part->shock == SS_NO_SHOCK)
        {
          install (self, part->slot, part->projection, part->strategy);
          continue;
        }
      cached = g_ptr_array_index (self->cells, part->slot);
      kept = *cached;
      *cached = *part->projection;
      *part->projection = kept;
      g_array_index (self->cell_stale, gboolean, part->slot) = FALSE;
      _ss_pending_reset (&g_array_index (self->cell_pending, Pending, part->slot));
      self->n_cell_projections++;
      self->n_installed++;
    }
  return TRUE;
}
