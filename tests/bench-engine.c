/* bench-engine.c: how long a recompute takes on a large study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C build --benchmark`. Builds a study of 500
 * items, 8 countries, 20 years and 4 scenarios in memory and prints the
 * median time of one scenario's recompute (what the window does on a
 * slider move) and of the whole report. A benchmark, not a test: it
 * prints figures and fails only if the engine misbehaves.
 */

#include "config.h"

#include <math.h>

#include "ss-report.h"
#include "ss-study-file.h"

#include "bench-study.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median_ms (double *samples,
           guint   n)
{
  qsort (samples, n, sizeof (double), compare_doubles);
  return samples[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SsStudy) study = bench_study_new (500, 8, 20, 4);
  g_autoptr(SsProjection) baseline = ss_projection_new ();
  g_autoptr(SsProjection) scenario = ss_projection_new ();
  double samples[101];
  guint n = G_N_ELEMENTS (samples);

  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  ss_engine_project (study, 0, baseline, scenario);   /* warm up, sizes the projection */

  for (guint k = 0; k < n; k++)
    {
      gint64 start = g_get_monotonic_time ();

      /* A slider move changes one target; the scenario is recomputed. */
      double *targets = ss_scenario_ensure_targets (study, ss_study_get_scenario (study, 0), k % 500);
      targets[0] = targets[0];
      ss_engine_project (study, 0, baseline, scenario);
      samples[k] = (g_get_monotonic_time () - start) / 1000.0;
    }
  {
    double median = median_ms (samples, n);

    g_print ("scenario recompute (500 items, 8 countries, 21 years): median %.3f ms, min %.3f ms, max %.3f ms\n",
             median, samples[0], samples[n - 1]);
  }

  for (guint k = 0; k < 11; k++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *json = ss_report_generate (study, SS_REPORT_JSON);

      samples[k] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (json);
    }
  g_print ("whole JSON report (baseline + 4 scenarios): median %.1f ms\n", median_ms (samples, 11));

  for (guint k = 0; k < 11; k++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) all = ss_engine_project_all (study);

      samples[k] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (all->len, ==, 5);
    }
  g_print ("all projections, no formatting: median %.2f ms\n", median_ms (samples, 11));

  {
    g_autofree char *xml = ss_study_to_xml (study);
    g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
    g_autoptr(GError) error = NULL;
    gint64 start = g_get_monotonic_time ();
    g_autoptr(SsStudy) loaded = ss_study_load_bytes (bytes, "bench.supplyshift", &error);

    g_assert_no_error (error);
    g_print ("load the same study from XML (%.1f KiB): %.1f ms\n", strlen (xml) / 1024.0,
             (g_get_monotonic_time () - start) / 1000.0);
  }
  return 0;
}
