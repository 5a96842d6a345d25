/* bench-open.c: the program started, to its first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `xvfb-run -a meson test -C build --benchmark open`. Starts the
 * application in a child process (this program again, with --child),
 * as `supplyshift` and as `supplyshift FILE` with a 5 000-item study
 * written into a temporary folder, and times the child from its spawn
 * to the end of the first frame painted with the study it was given
 * (the sample, or the file's items): wall time (CLOCK_MONOTONIC, which
 * both processes share) and the child's processor time then (getrusage,
 * user + system of every thread, so also the loader's). Each is run
 * several times; the medians are printed with the load average, since
 * the machine is shared.
 *
 * BENCH_OPEN_ITEMS sets the big study's item count (5 000);
 * `bench-open --write-to DIR` only writes the study there, to profile
 * `supplyshift DIR/big.supplyshift` on it.
 */

#define G_LOG_DOMAIN "supplyshift-bench"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ss-application.h"
#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"

#include "bench-study.h"
#include "bench-time.h"

#define RUNS 5

/* --- The child: the application, until its first frame ---------------- */

typedef struct
{
  guint  n_items;   /* the frame counts once the window shows this many */
  gint64 started;
} Child;

static double
rusage_ms (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3
         + ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  SsWindow *window = user_data;
  const Child *child = g_object_get_data (G_OBJECT (window), "bench-child");
  const SsStudy *study = ss_window_get_study (window);

  if (study == NULL || ss_study_get_n_items (study) != child->n_items)
    return;
  /* The frame is painted: say when, and what it cost, and stop. */
  printf ("%" G_GINT64_FORMAT " %.1f %.1f\n", g_get_monotonic_time (), rusage_ms (),
          (g_get_monotonic_time () - child->started) / 1e3);
  fflush (stdout);
  _exit (0);
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint),
                    window);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 Child          *child)
{
  if (!SS_IS_WINDOW (window))
    return;
  g_object_set_data (G_OBJECT (window), "bench-child", child);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

static int
run_child (int   argc,
           char *argv[])
{
  g_autoptr(SsApplication) app = NULL;
  Child child = { (guint)atoi (argv[2]), g_get_monotonic_time () };
  const char *localedir = g_getenv ("SUPPLYSHIFT_LOCALEDIR") != NULL ? g_getenv ("SUPPLYSHIFT_LOCALEDIR")
                                                                    : LOCALEDIR;
  char *args[] = { (char *)"supplyshift", argc > 3 ? argv[3] : NULL, NULL };

  /* As main.c starts the program. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ss_application_new ();
  /* Its own instance, whatever else runs on the session bus. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), &child);
  g_application_run (G_APPLICATION (app), args[1] != NULL ? 2 : 1, args);
  g_printerr ("bench-open: the application ended before a frame with %u items\n", child.n_items);
  return 1;
}

/* --- The parent: runs and figures -------------------------------------- */

static char *
load_average (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("unknown");
  fields = g_strsplit (text, " ", 4);
  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

/* Runs the child once; FALSE if it failed. */
static gboolean
run_once (const char *self_path,
          guint       n_items,
          const char *file,
          double     *wall_ms,
          double     *cpu_ms,
          double     *in_child_ms)
{
  g_autofree char *count = g_strdup_printf ("%u", n_items);
  const char *argv[] = { self_path, "--child", count, file, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 spawned = g_get_monotonic_time (), frame;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error))
    {
      g_printerr ("bench-open: %s\n", error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, &error)
      || sscanf (out, "%" G_GINT64_FORMAT " %lf %lf", &frame, cpu_ms, in_child_ms) != 3)
    {
      g_printerr ("bench-open: the child failed (%s): %s\n",
                  error != NULL ? error->message : "no figures", out);
      return FALSE;
    }
  *wall_ms = (frame - spawned) / 1e3;
  return TRUE;
}

static gboolean
measure (const char *self_path,
         const char *label,
         guint       n_items,
         const char *file)
{
  double wall[RUNS], cpu[RUNS], in_child[RUNS];
  g_autofree char *before = load_average ();
  g_autofree char *after = NULL;

  for (guint k = 0; k < RUNS; k++)
    if (!run_once (self_path, n_items, file, &wall[k], &cpu[k], &in_child[k]))
      return FALSE;
  after = load_average ();
  bench_sort (wall, RUNS);
  bench_sort (cpu, RUNS);
  bench_sort (in_child, RUNS);
  g_print ("%s: to the first frame, median of %u: wall %.0f ms (min %.0f, max %.0f; "
           "from main() %.0f ms), CPU %.0f ms (min %.0f); load average %s, then %s\n",
           label, RUNS, wall[RUNS / 2], wall[0], wall[RUNS - 1], in_child[RUNS / 2], cpu[RUNS / 2],
           cpu[0], before, after);
  return TRUE;
}

/* --- In this process: the window's own part ------------------------- */

typedef struct
{
  guint      n_items;
  gboolean   painted;
} Frame;

static void
on_frame (GdkFrameClock *clock,
          gpointer       user_data)
{
  SsWindow *window = user_data;
  Frame *frame = g_object_get_data (G_OBJECT (window), "bench-frame");
  const SsStudy *study = ss_window_get_study (window);

  if (study != NULL && ss_study_get_n_items (study) == frame->n_items)
    frame->painted = TRUE;
}

/* A window on the sample, on screen; then @study given to it, as a file
 * read in the background is: the time to the end of the frame that shows
 * it (the loading is not in it). */
static void
measure_window (const char *label,
                SsStudy    *study)
{
  double wall[RUNS], cpu[RUNS];

  for (guint k = 0; k < RUNS; k++)
    {
      g_autoptr(SsStudy) sample = ss_study_load_sample ();
      SsWindow *window = ss_window_new (NULL);
      Frame frame = { ss_study_get_n_items (sample), FALSE };
      GdkFrameClock *clock;
      double c;
      gint64 w;

      gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
      ss_window_set_study (window, sample, NULL);
      g_object_set_data (G_OBJECT (window), "bench-frame", &frame);
      gtk_window_present (GTK_WINDOW (window));
      clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
      g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame), window);
      while (!frame.painted)
        g_main_context_iteration (NULL, TRUE);

      frame = (Frame) { ss_study_get_n_items (study), FALSE };
      w = g_get_monotonic_time ();
      c = bench_thread_ms ();
      ss_window_set_study (window, study, NULL);
      while (!frame.painted)
        g_main_context_iteration (NULL, TRUE);
      cpu[k] = bench_thread_ms () - c;
      wall[k] = (g_get_monotonic_time () - w) / 1e3;
      g_signal_handlers_disconnect_by_func (clock, on_frame, window);
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  bench_sort (wall, RUNS);
  bench_sort (cpu, RUNS);
  g_print ("%s: the study given to a window on screen, to its frame, median of %u: "
           "wall %.0f ms (min %.0f), processor %.0f ms (min %.0f)\n",
           label, RUNS, wall[RUNS / 2], wall[0], cpu[RUNS / 2], cpu[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) big = NULL;
  g_autoptr(SsStudy) sample = NULL;
  const char *env = g_getenv ("BENCH_OPEN_ITEMS");
  guint n_items = env != NULL ? (guint)atoi (env) : 5000;
  gboolean ok;

  if (argc >= 3 && g_str_equal (argv[1], "--child"))
    return run_child (argc, argv);

  if (!gtk_init_check ())
    {
      g_printerr ("bench-open needs a display: run it under xvfb-run\n");
      return 77;
    }

  if (argc >= 3 && g_str_equal (argv[1], "--write-to"))
    dir = g_strdup (argv[2]);
  else
    dir = g_dir_make_tmp ("bench-open-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "big.supplyshift", NULL);
  big = bench_study_new (n_items, 8, 20, 4);
  xml = ss_study_to_xml (big);
  if (!g_file_set_contents (path, xml, -1, &error))
    g_error ("%s", error->message);
  if (argc >= 3 && g_str_equal (argv[1], "--write-to"))
    return 0;
  sample = ss_study_load_sample ();

  label = g_strdup_printf ("supplyshift with the sample (%u items)", ss_study_get_n_items (sample));
  ok = measure (argv[0], label, ss_study_get_n_items (sample), NULL);
  g_free (label);
  label = g_strdup_printf ("supplyshift FILE (%u items, 8 countries, 21 years, 4 scenarios, %.1f MB)",
                           n_items, strlen (xml) / 1e6);
  ok = ok && measure (argv[0], label, n_items, path);

  /* The window's part alone. */
  adw_init ();
  g_assert_nonnull (ss_get_resource ());
  g_free (label);
  label = g_strdup_printf ("%u items", n_items);
  measure_window (label, big);

  g_unlink (path);
  g_rmdir (dir);
  return ok ? 0 : 1;
}
