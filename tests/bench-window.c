/* bench-window.c: frames per second while a share is dragged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `xvfb-run -a meson test -C build --benchmark`. Opens the window
 * at 1280×800, then on every frame moves China's target share of the
 * first item by a step, as a slider drag does: one edit begun, a change
 * per frame, the edit ended at the end. The frame clock's own timestamps
 * give the frame rate; the time from the frame's "update" phase to its
 * "after-paint" phase is the work the window did for that frame
 * (recompute, refresh, layout, drawing), in wall time and in the main
 * thread's processor time. Done for the sample study and for the 500-item
 * benchmark study, and for the sample with the Stress test view shown
 * (the grid's row of the strategy dragged is computed again and the grid
 * redrawn on every frame).
 *
 * The phases: GDK connects its own layout and paint handlers to the
 * frame clock when the window is realized, before these, so a handler
 * here on "layout" runs after the window was allocated and one on
 * "paint" after it was drawn. The update phase ends at a second tick
 * callback, added after the one that edits. So "update" is the edit,
 * the recompute and the refresh of the widgets; "layout" the size
 * requests and allocations; "paint" the snapshot and the rendering;
 * what is left to the end of after-paint is counted in the work only.
 *
 * BENCH_ONLY=WORD runs only the studies whose label has WORD (for a
 * profiler); BENCH_IDLE=1 makes frames with no change at all.
 */

#define G_LOG_DOMAIN "supplyshift-bench"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ss-rebalance.h"
#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"

#include "bench-study.h"
#include "bench-time.h"

#define FRAMES 240

typedef struct
{
  SsWindow   *window;
  guint       frame;
  gint64      update_start;
  gint64      update_end;
  gint64      layout_end;
  gint64      paint_end;
  double      cpu_start;
  double      cpu_update_end;
  double      cpu_layout_end;
  double      cpu_paint_end;
  double      cpu_update_ms;
  double      cpu_layout_ms;
  double      cpu_paint_ms;
  double      update_ms;
  double      layout_ms;
  double      paint_ms;
  gint64      first_frame;
  gint64      last_frame;
  double      work_ms[FRAMES];
  double      cpu_ms[FRAMES];
  GMainLoop  *loop;
} Run;

static void
on_update (GdkFrameClock *clock,
           Run           *run)
{
  run->update_start = g_get_monotonic_time ();
  run->update_end = run->layout_end = run->paint_end = 0;
  run->cpu_start = bench_thread_ms ();
}

/* The second tick callback: the end of the update phase. */
static gboolean
on_updated (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  Run *run = user_data;

  run->update_end = g_get_monotonic_time ();
  run->cpu_update_end = bench_thread_ms ();
  return run->frame <= FRAMES ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
on_layout (GdkFrameClock *clock,
           Run           *run)
{
  run->layout_end = g_get_monotonic_time ();
  run->cpu_layout_end = bench_thread_ms ();
}

static void
on_paint (GdkFrameClock *clock,
          Run           *run)
{
  run->paint_end = g_get_monotonic_time ();
  run->cpu_paint_end = bench_thread_ms ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Run           *run)
{
  gint64 now = g_get_monotonic_time ();

  if (run->update_start == 0 || run->frame == 0 || run->frame > FRAMES
      || run->update_end < run->update_start || run->layout_end < run->update_end
      || run->paint_end < run->layout_end)
    return;
  run->update_ms += (run->update_end - run->update_start) / 1000.0 / FRAMES;
  run->layout_ms += (run->layout_end - run->update_end) / 1000.0 / FRAMES;
  run->paint_ms += (run->paint_end - run->layout_end) / 1000.0 / FRAMES;
  run->cpu_update_ms += (run->cpu_update_end - run->cpu_start) / FRAMES;
  run->cpu_layout_ms += (run->cpu_layout_end - run->cpu_update_end) / FRAMES;
  run->cpu_paint_ms += (run->cpu_paint_end - run->cpu_layout_end) / FRAMES;
  run->work_ms[run->frame - 1] = (now - run->update_start) / 1000.0;
  run->cpu_ms[run->frame - 1] = bench_thread_ms () - run->cpu_start;
}

/* One step of the drag: China's share swings between 20 % and 80 %. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Run *run = user_data;
  SsDocument *document = ss_window_get_document (run->window);
  const SsStudy *study = ss_document_get_study (document);
  double targets[SS_MAX_COUNTRIES];
  const double *now;
  guint nc = ss_study_get_n_countries (study);
  double value;

  if (run->frame == 0)
    {
      ss_document_begin_edit (document);
      run->first_frame = gdk_frame_clock_get_frame_time (clock);
    }
  if (run->frame == FRAMES)
    {
      run->last_frame = gdk_frame_clock_get_frame_time (clock);
      ss_document_end_edit (document);
      g_main_loop_quit (run->loop);
      run->frame++;
      return G_SOURCE_REMOVE;
    }

  /* BENCH_IDLE: frames with no change at all, to see what the frame
   * clock gives by itself on this display. */
  if (g_getenv ("BENCH_IDLE") != NULL)
    {
      gtk_widget_queue_draw (widget);
      run->frame++;
      return G_SOURCE_CONTINUE;
    }
  /* What the share editor does on a step: rebalance, then set. */
  now = ss_study_get_scenario (study, 0)->targets[0];
  for (guint c = 0; c < nc; c++)
    targets[c] = now != NULL ? now[c] : ss_study_get_item (study, 0)->sources[c].attr[SS_SOURCE_SHARE];
  value = 0.5 + 0.3 * sin (run->frame / 20.0);
  ss_rebalance (targets, NULL, nc, 0, value);
  ss_document_set_target (document, 0, 0, targets, nc, NULL);
  run->frame++;
  return G_SOURCE_CONTINUE;
}

static void
measure (const char *label,
         SsStudy    *study,
         const char *view)
{
  Run run = { 0 };
  GdkFrameClock *clock;
  double fps, mean = 0, cpu_mean = 0;
  const char *only = g_getenv ("BENCH_ONLY");

  if (only != NULL && strstr (label, only) == NULL)
    return;

  run.window = ss_window_new (NULL);
  run.loop = g_main_loop_new (NULL, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (run.window), 1280, 800);
  ss_window_set_study (run.window, study, NULL);
  ss_window_select (run.window, 0, 0);
  if (view != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (
                                             ss_window_get_stress_chart (run.window, FALSE), ADW_TYPE_VIEW_STACK)),
                                           view);
  gtk_window_present (GTK_WINDOW (run.window));

  /* Let it map, make its first projections (seconds on a large study)
   * and settle before timing. */
  while (ss_document_projection_is_stale (ss_window_get_document (run.window), SS_BASELINE)
         || ss_document_projection_is_stale (ss_window_get_document (run.window), 0))
    g_main_context_iteration (NULL, TRUE);
  for (gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (run.window));
  g_signal_connect (clock, "update", G_CALLBACK (on_update), &run);
  g_signal_connect (clock, "layout", G_CALLBACK (on_layout), &run);
  g_signal_connect (clock, "paint", G_CALLBACK (on_paint), &run);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &run);
  gtk_widget_add_tick_callback (GTK_WIDGET (run.window), on_tick, &run, NULL);
  gtk_widget_add_tick_callback (GTK_WIDGET (run.window), on_updated, &run, NULL);
  g_main_loop_run (run.loop);
  g_signal_handlers_disconnect_by_data (clock, &run);

  fps = FRAMES / ((run.last_frame - run.first_frame) / (double)G_USEC_PER_SEC);
  for (guint k = 0; k < FRAMES; k++)
    {
      mean += run.work_ms[k] / FRAMES;
      cpu_mean += run.cpu_ms[k] / FRAMES;
    }
  bench_sort (run.work_ms, FRAMES);
  bench_sort (run.cpu_ms, FRAMES);
  g_print ("%s: %.1f frames per second over %u frames of a drag; work per frame: "
           "mean %.2f ms, median %.2f ms, 95th percentile %.2f ms, max %.2f ms\n",
           label, fps, FRAMES, mean, run.work_ms[FRAMES / 2], run.work_ms[FRAMES * 95 / 100],
           run.work_ms[FRAMES - 1]);
  g_print ("  the main thread's processor time a frame: mean %.2f ms, median %.2f ms, "
           "95th percentile %.2f ms; by phase: update %.2f ms, layout %.2f ms, paint %.2f ms\n",
           cpu_mean, run.cpu_ms[FRAMES / 2], run.cpu_ms[FRAMES * 95 / 100],
           run.cpu_update_ms, run.cpu_layout_ms, run.cpu_paint_ms);
  g_print ("  mean by phase: update (edit, recompute, refresh) %.2f ms, layout %.2f ms, "
           "paint (snapshot, render) %.2f ms (load average %.1f)\n",
           run.update_ms, run.layout_ms, run.paint_ms, bench_load_average ());

  gtk_window_destroy (GTK_WINDOW (run.window));
  g_main_loop_unref (run.loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SsStudy) sample = NULL;
  g_autoptr(SsStudy) large = NULL;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-window needs a display: run it under xvfb-run\n");
      return 77;
    }
  adw_init ();
  g_assert_nonnull (ss_get_resource ());
  /* The application's own style sheet, as AdwApplication loads it from
   * the resources: the window is drawn as it looks. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/supplyshift/SupplyShift/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  sample = ss_study_load_sample ();
  measure ("sample study (13 items, 9 countries, 11 years)", sample, NULL);
  measure ("sample study, Stress test view (5 strategies by 4 shock columns)", sample, "stress");
  large = bench_study_new (500, 8, 20, 4);
  measure ("benchmark study (500 items, 8 countries, 21 years)", large, NULL);
  g_clear_object (&large);
  /* Issue 11: the early-warning scale; its first projection (seconds) is
   * made before the drag. */
  large = bench_study_new (4000, 16, 20, 2);
  measure ("early-warning study (4 000 items, 16 countries, 21 years)", large, NULL);
  return 0;
}
