/* bench-engine.c: how long a recompute takes on a large study, and the stress grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C build --benchmark`. Builds a study of 500
 * items, 8 countries, 20 years and 4 scenarios in memory and prints the
 * median time of one scenario's recompute (what the window does on a
 * slider move) and of the whole report; then the same study with two
 * shock scenarios (one item-level, so a country has two disruption
 * probabilities); then the sample study's own stress grid (5 strategies
 * × 4 shock columns), through SsDocument, after a slider step. A benchmark, not a test: it prints figures and fails only
 * if the engine misbehaves.
 *
 * Each figure is given as wall time and as the thread's processor time:
 * on a machine shared with other jobs the second moves much less.
 */

#include "config.h"

#include <malloc.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "ss-document.h"
#include "ss-parallel.h"
#include "ss-report.h"
#include "ss-study-file.h"
#include "ss-study-patch.h"

#include "bench-study.h"
#include "bench-time.h"

#define N_SAMPLES 101

typedef struct
{
  double wall[N_SAMPLES];
  double cpu[N_SAMPLES];
  guint  n;
  double wall_start;
  double cpu_start;
} Timer;

static void
timer_start (Timer *timer)
{
  timer->wall_start = g_get_monotonic_time () / 1000.0;
  timer->cpu_start = bench_thread_ms ();
}

static void
timer_stop (Timer *timer)
{
  g_assert_cmpuint (timer->n, <, N_SAMPLES);
  timer->wall[timer->n] = g_get_monotonic_time () / 1000.0 - timer->wall_start;
  timer->cpu[timer->n] = bench_thread_ms () - timer->cpu_start;
  timer->n++;
}

static void
timer_print (Timer      *timer,
             const char *what)
{
  bench_sort (timer->wall, timer->n);
  bench_sort (timer->cpu, timer->n);
  g_print ("%s: median %.3f ms (min %.3f, max %.3f); processor median %.3f ms\n", what,
           timer->wall[timer->n / 2], timer->wall[0], timer->wall[timer->n - 1],
           timer->cpu[timer->n / 2]);
  memset (timer, 0, sizeof *timer);
}

static void
time_report (SsStudy    *study,
             const char *what)
{
  Timer timer = { 0 };

  for (guint k = 0; k < 11; k++)
    {
      g_autofree char *json = NULL;

      timer_start (&timer);
      json = ss_report_generate (study, SS_REPORT_JSON, NULL);
      timer_stop (&timer);
      g_assert_nonnull (json);
    }
  timer_print (&timer, what);
}

/* Every cell of the document's grid, as a window showing it asks. */
static void
get_all_cells (SsDocument *document)
{
  const GArray *strategies, *shocks;

  ss_document_get_stress_axes (document, &strategies, &shocks);
  for (guint r = 0; r < strategies->len; r++)
    for (guint k = 0; k < shocks->len; k++)
      g_assert_nonnull (ss_document_get_cell (document, g_array_index (strategies, int, r),
                                              g_array_index (shocks, int, k)));
}

static void
bench_sample_grid (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  int strategy = ss_study_find_scenario (study, "china-plus-one");
  int shock = ss_study_find_scenario (study, "hormuz-closure");
  SsScenario *plus = ss_study_get_scenario (study, strategy);
  SsScenario *hormuz = ss_study_get_scenario (study, shock);
  SsItem *item = ss_study_get_item (study, 0);
  const GArray *strategies, *shocks;
  Timer timer = { 0 };
  guint before;

  ss_document_get_stress_axes (document, &strategies, &shocks);
  get_all_cells (document);
  g_print ("the sample's grid: %u strategies by %u shock columns\n", strategies->len, shocks->len);

  /* A slider step on China plus one: its row. */
  ss_document_begin_edit (document);
  before = ss_document_get_n_cell_projections (document);
  for (guint k = 0; k < N_SAMPLES; k++)
    {
      double *targets = ss_scenario_ensure_targets (study, plus, 0);
      double step = k % 2 == 0 ? 0.001 : -0.001;

      targets[0] -= step;
      targets[1] += step;
      ss_document_changed (document, SS_CHANGE_SCENARIO, strategy);
      timer_start (&timer);
      get_all_cells (document);
      timer_stop (&timer);
    }
  ss_document_end_edit (document);
  g_print ("  %u cells computed per step (the row, and the strategy's own projection)\n",
           (ss_document_get_n_cell_projections (document) - before) / N_SAMPLES + 1);
  timer_print (&timer, "  grid after a strategy's slider step");

  /* An edit of the Hormuz shock: its column. */
  ss_document_begin_edit (document);
  for (guint k = 0; k < N_SAMPLES; k++)
    {
      g_array_index (hormuz->shocks, SsShock, 0).value[SS_DISRUPTION_PROBABILITY] = 0.1 + 0.001 * (k % 50);
      ss_document_changed (document, SS_CHANGE_SCENARIO, shock);
      timer_start (&timer);
      get_all_cells (document);
      timer_stop (&timer);
    }
  ss_document_end_edit (document);
  timer_print (&timer, "  grid after a shock's slider step");

  /* A baseline share moved: everything. */
  ss_document_begin_edit (document);
  for (guint k = 0; k < N_SAMPLES; k++)
    {
      double step = k % 2 == 0 ? 0.001 : -0.001;

      item->sources[0].attr[SS_SOURCE_SHARE] -= step;
      item->sources[6].attr[SS_SOURCE_SHARE] += step;
      ss_document_changed (document, SS_CHANGE_BASELINE, -1);
      timer_start (&timer);
      get_all_cells (document);
      timer_stop (&timer);
    }
  ss_document_end_edit (document);
  timer_print (&timer, "  grid after a baseline slider step (every cell)");
}

/* The disruption sets the engine enumerates for a scenario, summed over
 * items: 2^n for an item with n sources that can lose days (a share at
 * the base year or a target, and a probability above 0). */
static double
count_sets (const SsStudy *study,
            int            scenario)
{
  const SsScenario *s = scenario >= 0 ? ss_study_get_scenario (study, scenario) : NULL;
  guint nc = ss_study_get_n_countries (study);
  double sets = 0;

  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    {
      const SsItem *item = ss_study_get_item (study, i);
      guint n = 0;

      for (guint c = 0; c < nc; c++)
        {
          gboolean share = item->sources[c].attr[SS_SOURCE_SHARE] > 0
                           || (s != NULL && s->targets[i] != NULL && s->targets[i][c] > 0);

          if (share && ss_study_get_country (study, c)->attr[SS_COUNTRY_DISRUPTION_PROBABILITY] > 0)
            n++;
        }
      sets += ldexp (1, n);
    }
  return sets;
}

/* Issue 11 §1, §2 and §6 at the early-warning scale: one slider step
 * (ss_engine_update_item(), what SsDocument does within a drag), a full
 * projection on one thread and on every core, and the cost per
 * item-set-year of the enumeration. */
static void
bench_scale (guint n_items,
             guint n_countries,
             guint horizon)
{
  g_autoptr(SsStudy) study = bench_study_new (n_items, n_countries, horizon, 2);
  g_autoptr(SsProjection) baseline = ss_projection_new ();
  g_autoptr(SsProjection) scenario = ss_projection_new ();
  SsScenario *s = ss_study_get_scenario (study, 0);
  guint n_years = horizon + 1;
  double sets = count_sets (study, 0);
  Timer timer = { 0 };
  double wall, cpu, process;
  double step_wall[41], step_cpu[41];
  guint n_workers = ss_parallel_get_n_workers ();

  g_print ("%u items, %u countries, %u years (load average %.1f):\n",
           n_items, n_countries, n_years, bench_load_average ());
  g_print ("  %.3g disruption sets a year, %.3g item-set-years\n", sets, sets * n_years);

  wall = g_get_monotonic_time () / 1000.0;
  process = bench_process_ms ();
  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  g_print ("  baseline projection, %u threads: %.0f ms wall, %.0f ms processor\n", n_workers,
           g_get_monotonic_time () / 1000.0 - wall, bench_process_ms () - process);

  /* BENCH_ONCE: one scenario projection on one thread and nothing else,
   * for callgrind (--dump-before=ss_engine_project: its second dump is
   * the scenario's instructions). */
  if (g_getenv ("BENCH_ONCE") != NULL)
    {
      ss_parallel_set_n_workers (1);
      ss_engine_project (study, 0, baseline, scenario);
      g_print ("  one scenario projection: %.6g item-set-years\n", sets * n_years);
      return;
    }
  for (guint threads = 1; threads <= n_workers; threads += MAX (n_workers - 1, 1))
    {
      ss_parallel_set_n_workers (threads);
      wall = g_get_monotonic_time () / 1000.0;
      process = bench_process_ms ();
      cpu = bench_thread_ms ();
      ss_engine_project (study, 0, baseline, scenario);
      wall = g_get_monotonic_time () / 1000.0 - wall;
      cpu = bench_thread_ms () - cpu;
      process = bench_process_ms () - process;
      g_print ("  scenario projection, %u thread%s: %.0f ms wall, %.0f ms processor", threads,
               threads > 1 ? "s" : "", wall, process);
      if (threads == 1)
        g_print (" (%.0f ms this thread): %.3f ns per item-set-year", cpu, cpu * 1e6 / (sets * n_years));
      g_print ("\n");
    }
  ss_parallel_set_n_workers (n_workers);

  /* A drag: one item's target moves a step at a time, on every core
   * (the years shared out) and on one. Processor time is the whole
   * process's, every thread's. */
  for (guint threads = n_workers; threads >= 1; threads = threads > 1 ? 1 : 0)
    {
      ss_parallel_set_n_workers (threads);
      for (guint k = 0; k < G_N_ELEMENTS (step_wall); k++)
        {
          guint item = 17;
          double move = (k % 2 == 0 ? 1 : -1) * MIN (0.001, s->targets[item][0] / 4);

          s->targets[item][0] -= move;
          s->targets[item][1] += move;
          step_wall[k] = g_get_monotonic_time () / 1000.0;
          step_cpu[k] = bench_process_ms ();
          ss_engine_update_item (study, baseline, item, scenario);
          step_wall[k] = g_get_monotonic_time () / 1000.0 - step_wall[k];
          step_cpu[k] = bench_process_ms () - step_cpu[k];
        }
      bench_sort (step_wall, G_N_ELEMENTS (step_wall));
      bench_sort (step_cpu, G_N_ELEMENTS (step_cpu));
      g_print ("  one slider step (one item updated), %u thread%s: median %.2f ms, p95 %.2f ms wall; "
               "processor median %.2f ms, p95 %.2f ms\n", threads, threads > 1 ? "s" : "",
               step_wall[20], step_wall[38], step_cpu[20], step_cpu[38]);
    }
  ss_parallel_set_n_workers (n_workers);
  (void)timer;
}

/* Issue 11 §5: 100 slider drags, each one undo step of one item's
 * targets (five steps of the slider each), on the 4 000-item,
 * 16-country study. What the history holds, by the document's count and
 * by malloc's; before, each step was a copy of the whole study. */
static void
bench_undo (SsStudy *study)
{
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  guint nc = ss_study_get_n_countries (study);
  g_autofree double *targets = g_new (double, nc);
  struct mallinfo2 before, after;
  Timer timer = { 0 };
  Timer undo = { 0 };

  before = mallinfo2 ();
  for (guint k = 0; k < 100; k++)
    {
      guint item = (k * 37) % ss_study_get_n_items (study);
      g_autoptr(GError) error = NULL;

      memcpy (targets, ss_study_get_scenario (study, 0)->targets[item], nc * sizeof (double));
      ss_document_begin_edit (document);
      for (guint step = 0; step < 5; step++)
        {
          double move = MIN (0.001, targets[0] / 8);

          targets[0] -= move;
          targets[1] += move;
          if (!ss_document_set_target (document, 0, item, targets, nc, &error))
            g_error ("%s", error->message);
        }
      timer_start (&timer);
      ss_document_end_edit (document);
      if (k > 0)
        timer_stop (&timer);
    }
  after = mallinfo2 ();
  g_print ("undo: a study of %.1f MiB; 100 steps of one item's targets: %.3f MiB of history "
           "(malloc: %.3f MiB more in use); a whole copy a step would be %.1f MiB\n",
           ss_study_get_size (study) / 1048576.0, ss_document_get_history_size (document) / 1048576.0,
           ((double)after.uordblks - (double)before.uordblks) / 1048576.0,
           100 * ss_study_get_size (study) / 1048576.0);
  timer_print (&timer, "  the end of a drag (the step made)");
  for (guint k = 0; k < 99; k++)
    {
      timer_start (&undo);
      g_assert_true (ss_document_undo (document));
      timer_stop (&undo);
    }
  timer_print (&undo, "  undo");

  /* Before: a step was the study as ss_study_copy() made it. */
  {
    g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

    before = mallinfo2 ();
    for (guint k = 0; k < 100; k++)
      g_ptr_array_add (copies, ss_study_copy (study));
    after = mallinfo2 ();
    g_print ("  before, 100 whole copies: %.1f MiB (malloc)\n",
             ((double)after.uordblks - (double)before.uordblks) / 1048576.0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SsStudy) study = bench_study_new (500, 8, 20, 4);
  g_autoptr(SsProjection) baseline = ss_projection_new ();
  g_autoptr(SsProjection) scenario = ss_projection_new ();
  g_autoptr(SsProjection) world = ss_projection_new ();
  Timer timer = { 0 };
  int controls;

  /* --scale ITEMS COUNTRIES HORIZON: the scale figures alone, on any
   * shape (a small one under callgrind gives the instructions per
   * item-set-year); --undo: the undo history alone. */
  if (argc == 5 && strcmp (argv[1], "--scale") == 0)
    {
      bench_scale (atoi (argv[2]), atoi (argv[3]), atoi (argv[4]));
      return 0;
    }
  if (argc > 1 && strcmp (argv[1], "--undo") == 0)
    {
      g_autoptr(SsStudy) large = bench_study_new (4000, 16, 20, 4);

      bench_undo (large);
      return 0;
    }

  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  ss_engine_project (study, 0, baseline, scenario);   /* warm up, sizes the projection */

  for (guint k = 0; k < N_SAMPLES; k++)
    {
      /* A slider move changes one target; the scenario is recomputed. */
      double *targets = ss_scenario_ensure_targets (study, ss_study_get_scenario (study, 0), k % 500);

      targets[0] = targets[0];
      timer_start (&timer);
      ss_engine_project (study, 0, baseline, scenario);
      timer_stop (&timer);
    }
  timer_print (&timer, "scenario recompute (500 items, 8 countries, 21 years)");

  time_report (study, "whole JSON report (baseline + 4 scenarios, 5 cells)");

  for (guint k = 0; k < 11; k++)
    {
      g_autoptr(GPtrArray) all = NULL;

      timer_start (&timer);
      all = ss_engine_project_all (study);
      timer_stop (&timer);
      g_assert_cmpuint (all->len, ==, 5);
    }
  timer_print (&timer, "all projections, no formatting");

  {
    g_autofree char *xml = ss_study_to_xml (study);
    g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
    g_autoptr(GError) error = NULL;
    g_autoptr(SsStudy) loaded = NULL;

    timer_start (&timer);
    loaded = ss_study_load_bytes (bytes, "bench.supplyshift", &error);
    timer_stop (&timer);
    g_assert_no_error (error);
    g_print ("load the same study from XML (%.1f KiB): ", strlen (xml) / 1024.0);
    timer_print (&timer, "once");
  }

  /* Version 2: an item-level shock gives the first country two
   * probabilities, 3 · 2^7 joint states. */
  bench_study_add_shocks (study, FALSE);
  controls = ss_study_find_scenario (study, "controls");
  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  for (guint k = 0; k < N_SAMPLES; k++)
    {
      timer_start (&timer);
      ss_engine_project (study, controls, baseline, scenario);
      timer_stop (&timer);
    }
  timer_print (&timer, "shock scenario recompute (an item-level shock, 384 joint states)");
  ss_engine_project_cell (study, SS_BASELINE, controls, NULL, world);
  for (guint k = 0; k < N_SAMPLES; k++)
    {
      timer_start (&timer);
      ss_engine_project_cell (study, 0, controls, world, scenario);
      timer_stop (&timer);
    }
  timer_print (&timer, "stress cell recompute (a strategy under that shock)");
  time_report (study, "whole JSON report (baseline + 6 scenarios, 15 cells)");

  bench_sample_grid ();

  /* Issue 11 at the early-warning scale. */
  bench_scale (4000, 16, 20);
  {
    g_autoptr(SsStudy) large = bench_study_new (4000, 16, 20, 4);

    bench_undo (large);
  }
  return 0;
}
