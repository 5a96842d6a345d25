/* bench-report.c: `supplyshift --report` at the early-warning scale and at the legal limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C build --benchmark`. Writes a study of 4 000
 * items from 16 countries, 21 years and 10 scenarios (each retargeting
 * every item) into a temporary folder and runs `supplyshift
 * --report=json` on it as a user would, in a child process: its wall
 * time, its processor time (user and system, every thread, from wait4)
 * and its peak resident memory, and the report's size (issue 11 §4: ≤ 60 s).
 *
 * `bench-report --worst` does the same for the legal worst case: 10 000
 * items, 16 countries, horizon 50 and 100 scenarios, as big as a study
 * file may be (64 MiB: each scenario retargets as many items as fit).
 * Target ≤ 1 GiB of memory; it takes long, so it is not part of the
 * default run. `--keep DIR` writes the studies there and keeps them.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ss-study-file.h"
#include "bench-study.h"
#include "bench-time.h"

extern char **environ;

static double
now_s (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* The peak resident memory of a running process, from /proc. */
static double
peak_mib_of (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int)pid);
  g_autofree char *text = NULL;
  const char *at;

  if (!g_file_get_contents (path, &text, NULL, NULL) || (at = strstr (text, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (at + 6, NULL) / 1024;
}

static void
run_report (const char *path,
            const char *what)
{
  const char *program = g_getenv ("SUPPLYSHIFT");
  g_autofree char *out = g_strconcat (path, ".json", NULL);
  char *argv[] = { (char *)program, (char *)"--report=json", (char *)path, NULL };
  posix_spawn_file_actions_t actions;
  struct rusage usage = { 0 };
  double start, last_print;
  int wstatus = 0;
  pid_t pid;
  GStatBuf st = { 0 };

  if (program == NULL)
    g_error ("SUPPLYSHIFT must name the built supplyshift binary (meson sets it)");
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  start = last_print = now_s ();
  if (posix_spawn (&pid, program, &actions, NULL, argv, environ) != 0)
    g_error ("cannot run %s: %s", program, g_strerror (errno));
  posix_spawn_file_actions_destroy (&actions);

  /* A long run says how far it got, every minute. */
  while (wait4 (pid, &wstatus, WNOHANG, &usage) != pid)
    {
      g_usleep (200000);
      if (now_s () - last_print > 60)
        {
          g_stat (out, &st);
          g_print ("  … %.0f s: %.1f MiB of report written, peak %.0f MiB so far (load average %.1f)\n",
                   now_s () - start, st.st_size / 1048576.0, peak_mib_of (pid), bench_load_average ());
          last_print = now_s ();
        }
    }
  g_stat (out, &st);
  g_print ("%s: exit %d, %.1f s wall, %.1f s processor (user + system), peak %.0f MiB, "
           "report %.1f MiB (load average %.1f)\n",
           what, WIFEXITED (wstatus) ? WEXITSTATUS (wstatus) : -1, now_s () - start,
           usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
           + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6,
           usage.ru_maxrss / 1024.0, st.st_size / 1048576.0, bench_load_average ());
  g_unlink (out);
}

static char *
write_study (SsStudy    *study,
             const char *dir,
             const char *name)
{
  g_autofree char *text = ss_study_to_xml (study);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("%s", error->message);
  g_print ("%s: %.1f MiB\n", name, strlen (text) / 1048576.0);
  return path;
}

/* 10 000 items, 16 countries, horizon 50, 100 scenarios: each scenario
 * retargets every k-th item (a different slice each), k as small as the
 * 64 MiB a study file may take allows. */
static SsStudy *
worst_study (void)
{
  g_autoptr(SsStudy) full = bench_study_new (10000, 16, 50, 100);
  guint ni = ss_study_get_n_items (full);

  for (guint s = 0; s < 100; s++)
    ss_study_get_scenario (full, s)->transition_years = 3 + s % 20;
  /* A scenario retargeting every item takes about 9.6 MiB, the items
   * 12.8 MiB: every 18th item or so fits. */
  for (guint k = 15;; k++)
    {
      SsStudy *study = ss_study_copy (full);
      g_autofree char *text = NULL;

      for (guint s = 0; s < 100; s++)
        for (guint i = 0; i < ni; i++)
          if ((i + s) % k != 0)
            ss_scenario_clear_targets (ss_study_get_scenario (study, s), i);
      text = ss_study_to_xml (study);
      if (strlen (text) <= SS_STUDY_FILE_MAX_SIZE)
        {
          g_print ("the worst case: each scenario retargets every %u-th item\n", k);
          return study;
        }
      g_object_unref (study);
    }
}

int
main (int   argc,
      char *argv[])
{
  gboolean worst = argc > 1 && strcmp (argv[1], "--worst") == 0;
  const char *keep = argc > 2 + worst && strcmp (argv[1 + worst], "--keep") == 0 ? argv[2 + worst] : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = keep != NULL ? g_strdup (keep) : g_dir_make_tmp ("supplyshift-report-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SsStudy) study = NULL;

  g_assert_no_error (error);
  if (worst)
    {
      study = worst_study ();
      path = write_study (study, dir, "worst.supplyshift");
      g_clear_object (&study);
      run_report (path, "the legal worst case (10 000 × 16 × 51 years × 100 scenarios)");
    }
  else
    {
      study = bench_study_new (4000, 16, 20, 10);
      path = write_study (study, dir, "scale.supplyshift");
      g_clear_object (&study);
      run_report (path, "4 000 items × 16 countries × 21 years × 10 scenarios");
    }
  if (keep == NULL)
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
