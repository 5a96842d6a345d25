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

#include <math.h>

#include "ss-document.h"
#include "ss-report.h"
#include "ss-study-file.h"

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
  return 0;
}
