/* bench-sensitivity.c: how long the whole tornado takes for the sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C build --benchmark`. For the sample study's
 * first scenario (China plus one) and each figure, the median time of
 * ss_sensitivity_compute() at ±10 % (every input varied down and up and
 * recomputed exactly), as wall time and as the thread's processor time;
 * target 50 ms (issue 13). A benchmark, not a test: it prints figures and
 * fails only if the computation does.
 */

#include "config.h"

#include "ss-sensitivity.h"
#include "ss-study-file.h"

#include "bench-time.h"

#define N_SAMPLES 21

int
main (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();

  g_print ("sample study (%u items, %u countries), scenario “%s”, ±10 %%, median of %d:\n",
           ss_study_get_n_items (study), ss_study_get_n_countries (study),
           ss_study_get_scenario (study, 0)->name, N_SAMPLES);
  for (SsSensitivityFigure f = 0; f < SS_N_SENSITIVITY_FIGURES; f++)
    {
      double wall[N_SAMPLES], cpu[N_SAMPLES];
      guint n_inputs = 0;

      for (guint k = 0; k < N_SAMPLES; k++)
        {
          gint64 start = g_get_monotonic_time ();
          double start_cpu = bench_thread_ms ();
          g_autoptr(GError) error = NULL;
          g_autoptr(SsSensitivity) s = ss_sensitivity_compute (study, 0, f, 0.1, &error);

          g_assert_no_error (error);
          wall[k] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[k] = bench_thread_ms () - start_cpu;
          n_inputs = s->inputs->len;
        }
      bench_sort (wall, N_SAMPLES);
      bench_sort (cpu, N_SAMPLES);
      g_print ("  %-12s %u inputs: wall %.1f ms (min %.1f), processor %.1f ms\n",
               ss_sensitivity_figure_to_string (f), n_inputs, wall[N_SAMPLES / 2], wall[0],
               cpu[N_SAMPLES / 2]);
    }
  return 0;
}
