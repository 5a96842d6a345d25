/* bench-load.c: how long study files take to load, or to be refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C build --benchmark`. Every file is checked the
 * way a user checks it, `supplyshift --validate FILE`, in a child process,
 * so the figures include reading the file and count the child's own
 * processor time and peak memory (wait4). Three kinds of file:
 *
 * - hostile and malformed files: every file of tests/data/hostile/ and
 *   tests/data/rng-invalid/, and big ones generated here (too big to keep
 *   in the repository). Each must be refused with exit status 2 and
 *   FILE:LINE messages; the target is under 2 s each.
 * - a 4 000-item, 16-country study (every item from all 16 countries,
 *   two scenarios that retarget every item): loaded in under 0.5 s. It is
 *   also loaded in this process, to time the loader without the start of
 *   a program.
 * - big legal studies: one scenario of 160 000 targets (10 000 items ×
 *   16 countries), and a study of nearly 64 MiB, the most a study may
 *   have: validated in under 5 s of processor time.
 *
 * `bench-load --write-to DIR` writes every generated file to DIR and
 * stops, to profile the loader on them (docs/benchmarks.md).
 *
 * A benchmark, not a test: it prints figures and fails only when a file
 * is answered wrongly (a hostile file accepted or refused without a line,
 * a legal one refused), never because the machine is slow. A child still
 * running after 30 s (300 s for a legal study) is killed and counted as a
 * failure.
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ss-study-file.h"

#include "bench-study.h"
#include "bench-time.h"
#include "hostile.h"

#define KILL_AFTER_S      30
#define KILL_LEGAL_AFTER_S 300
#define HOSTILE_TARGET_S  2.0
#define MIB               (1024 * 1024)

typedef HostileRun Run;

static guint failures;

static double
now_s (void)
{
  return g_get_monotonic_time () / (double)G_USEC_PER_SEC;
}

static void
print_header (const char *title)
{
  g_print ("\n%s\n\n| file | wall | CPU | peak memory | exit | first message |\n"
           "|---|---|---|---|---|---|\n", title);
}

static void
print_row (const char *name,
           const Run  *run,
           const char *verdict)
{
  g_autofree char *first = g_strndup (run->err, strcspn (run->err, "\n"));
  const char *message = strstr (first, ": error: ");

  if (message != NULL)
    message += strlen (": error: ");
  else
    message = first;
  if (strlen (message) > 70)
    strcpy ((char *)message + 67, "...");
  g_print ("| %s | %.2f s | %.2f s | %.0f MiB | %s | %s%s |\n", name, run->wall_s, run->cpu_s,
           run->peak_mib, run->status < 0 ? "killed" : (const char *[]) { "0", "1", "2", "3" }[MIN (run->status, 3)],
           message, verdict);
}

static void
check_refused (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  Run run = { 0 };
  const char *verdict = "";

  hostile_validate (path, KILL_AFTER_S, &run);
  if (run.status != 2 || !hostile_all_file_lines (run.err, path))
    {
      verdict = run.status < 0 ? " **(killed)**" : " **(wrong answer)**";
      failures++;
    }
  else if (run.wall_s >= HOSTILE_TARGET_S)
    verdict = " **(over 2 s)**";
  print_row (base, &run, verdict);
  hostile_run_clear (&run);
}

/* g_ptr_array_sort passes pointers to the elements. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
check_folder (const char *folder)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", folder, NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert (dir != NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint k = 0; k < names->len; k++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, k), NULL);

      check_refused (path);
    }
}

static void
write_file (const char *path,
            const char *data,
            gsize       len)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, len, &error))
    g_error ("%s", error->message);
}

static char *
study_text (guint n_items,
            guint n_countries,
            guint horizon,
            guint n_scenarios)
{
  g_autoptr(SsStudy) study = bench_study_new (n_items, n_countries, horizon, n_scenarios);

  return ss_study_to_xml (study);
}

static double
cpu_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Loads the text in this process, `runs` times: median wall and CPU. */
static void
time_in_process (const char *text,
                 guint       runs,
                 double     *wall_median,
                 double     *cpu_median)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  double walls[15], cpus[15];

  g_assert (runs <= G_N_ELEMENTS (walls));
  for (guint k = 0; k < runs; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SsStudy) study = NULL;
      double w = now_s (), c = cpu_s ();

      study = ss_study_load_bytes (bytes, "bench.supplyshift", &error);
      walls[k] = now_s () - w;
      cpus[k] = cpu_s () - c;
      if (study == NULL)
        g_error ("the benchmark study does not load: %s", error->message);
    }
  bench_sort (walls, runs);
  bench_sort (cpus, runs);
  *wall_median = walls[runs / 2];
  *cpu_median = cpus[runs / 2];
}

static void
check_legal (const char *path,
             const char *what)
{
  g_autofree char *base = g_path_get_basename (path);
  Run run = { 0 };
  GStatBuf st;

  g_stat (path, &st);
  hostile_validate (path, KILL_LEGAL_AFTER_S, &run);
  if (run.status != 0)
    {
      failures++;
      g_print ("| %s | %.1f MiB | %.2f s | %.2f s | %.0f MiB | **%s** %s |\n", what,
               st.st_size / (double)MIB, run.wall_s, run.cpu_s, run.peak_mib,
               run.status < 0 ? "killed" : "refused", run.err);
    }
  else
    g_print ("| %s | %.1f MiB | %.2f s | %.2f s | %.0f MiB |\n", what, st.st_size / (double)MIB,
             run.wall_s, run.cpu_s, run.peak_mib);
  hostile_run_clear (&run);
}

/* A study whose one scenario retargets every item of 10 000 from all 16
 * countries: 160 000 targets in one <scenario>. */
static char *
one_big_scenario (void)
{
  g_autoptr(SsStudy) study = bench_study_new (10000, 16, 10, 1);

  return ss_study_to_xml (study);
}

/* The biggest legal study that fits in 64 MiB: 10 000 items from 16
 * countries and as many scenarios retargeting every item as fit, the rest
 * filled with a long description. */
static char *
biggest_study (void)
{
  g_autoptr(SsStudy) study = bench_study_new (10000, 16, 50, 6);
  g_autofree char *text = ss_study_to_xml (study);
  gsize len = strlen (text);

  while (len > SS_STUDY_FILE_MAX_SIZE)
    {
      ss_study_remove_scenario (study, ss_study_get_n_scenarios (study) - 1);
      g_free (text);
      text = ss_study_to_xml (study);
      len = strlen (text);
    }
  {
    SsMeta *meta = ss_study_get_meta (study);
    gsize room = SS_STUDY_FILE_MAX_SIZE - len - 64;

    g_free (meta->description);
    meta->description = g_malloc (room + 1);
    for (gsize k = 0; k < room; k++)
      meta->description[k] = k % 80 == 79 ? '\n' : 'x';
    meta->description[room] = '\0';
    g_free (text);
    text = ss_study_to_xml (study);
  }
  g_assert_cmpuint (strlen (text), <=, SS_STUDY_FILE_MAX_SIZE);
  return g_steal_pointer (&text);
}

/* Everything the benchmark checks besides the kept files, written to dir.
 * Run in a child process, so that the benchmark itself stays small: a
 * child started from it counts the benchmark's own peak memory in its
 * own (Linux carries the high-water mark across exec). */
static void
make_files (const char *dir)
{
  g_autofree char *medium = study_text (4000, 16, 20, 2);
  g_autofree char *scale = study_text (4000, 16, 20, 10);
  g_autofree char *scale_path = g_build_filename (dir, "items-4000-10.supplyshift", NULL);
  g_autofree char *big_scenario = one_big_scenario ();
  g_autofree char *biggest = biggest_study ();
  g_autofree char *medium_path = g_build_filename (dir, "items-4000.supplyshift", NULL);
  g_autofree char *big_scenario_path = g_build_filename (dir, "targets-160000.supplyshift", NULL);
  g_autofree char *biggest_path = g_build_filename (dir, "biggest.supplyshift", NULL);

  for (guint k = 0; k < hostile_n_big (); k++)
    {
      g_autofree char *path = g_strconcat (dir, G_DIR_SEPARATOR_S, hostile_big_expectation (k)->name,
                                           ".supplyshift", NULL);
      GString *text = hostile_big_new (k);

      write_file (path, text->str, text->len);
      g_string_free (text, TRUE);
    }
  write_file (medium_path, medium, strlen (medium));
  write_file (scale_path, scale, strlen (scale));
  write_file (big_scenario_path, big_scenario, strlen (big_scenario));
  write_file (biggest_path, biggest, strlen (biggest));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-load-XXXXXX", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *medium_path = NULL, *big_scenario_path = NULL, *biggest_path = NULL;
  g_autofree char *scale_path = NULL;
  g_autofree char *medium = NULL, *scale = NULL;
  double wall, cpu;
  int wstatus;
  pid_t pid;

  /* `bench-load --write-to DIR` only writes the files, for profiling. */
  if (argc == 3 && g_str_equal (argv[1], "--write-to"))
    {
      make_files (argv[2]);
      g_rmdir (dir);
      return 0;
    }

  /* `bench-load --scale`: issue 11's study alone (4 000 items, 16
   * countries, 10 scenarios), in this process and with --validate. */
  if (argc == 2 && g_str_equal (argv[1], "--scale"))
    {
      scale = study_text (4000, 16, 20, 10);
      scale_path = g_build_filename (dir, "items-4000-10.supplyshift", NULL);
      write_file (scale_path, scale, strlen (scale));
      g_print ("| study | size | wall | CPU | peak memory |\n|---|---|---|---|---|\n");
      check_legal (scale_path, "4 000 items, 16 countries, 10 scenarios");
      time_in_process (scale, 5, &wall, &cpu);
      g_print ("loaded and validated in this process: median %.3f s wall, %.3f s CPU "
               "(load average %.1f)\n", wall, cpu, bench_load_average ());
      g_unlink (scale_path);
      g_rmdir (dir);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);
  g_assert (dir != NULL);

  pid = fork ();
  g_assert (pid >= 0);
  if (pid == 0)
    {
      make_files (dir);
      _exit (0);
    }
  waitpid (pid, &wstatus, 0);
  g_assert (WIFEXITED (wstatus) && WEXITSTATUS (wstatus) == 0);
  for (guint k = 0; k < hostile_n_big (); k++)
    g_ptr_array_add (paths, g_strconcat (dir, G_DIR_SEPARATOR_S, hostile_big_expectation (k)->name,
                                         ".supplyshift", NULL));
  medium_path = g_build_filename (dir, "items-4000.supplyshift", NULL);
  scale_path = g_build_filename (dir, "items-4000-10.supplyshift", NULL);
  big_scenario_path = g_build_filename (dir, "targets-160000.supplyshift", NULL);
  biggest_path = g_build_filename (dir, "biggest.supplyshift", NULL);

  print_header ("Hostile files (tests/data/hostile/)");
  check_folder ("hostile");
  print_header ("Malformed files (tests/data/rng-invalid/)");
  check_folder ("rng-invalid");
  print_header ("Big hostile files, generated");
  for (guint k = 0; k < paths->len; k++)
    {
      check_refused (g_ptr_array_index (paths, k));
      g_unlink (g_ptr_array_index (paths, k));
    }

  g_print ("\nLegal studies, `supplyshift --validate`\n\n"
           "| study | size | wall | CPU | peak memory |\n|---|---|---|---|---|\n");
  check_legal (medium_path, "4 000 items, 16 countries, 2 scenarios");
  check_legal (scale_path, "4 000 items, 16 countries, 10 scenarios");
  check_legal (big_scenario_path, "one scenario of 160 000 targets");
  check_legal (biggest_path, "the biggest legal study (64 MiB)");

  if (!g_file_get_contents (medium_path, &medium, NULL, NULL))
    g_error ("cannot read %s back", medium_path);
  time_in_process (medium, 5, &wall, &cpu);
  g_print ("\n4 000 items, 16 countries, loaded in this process: median %.3f s wall, %.3f s CPU "
           "(target 0.5 s)\n", wall, cpu);
  /* Issue 11 §3: load and validate, 10 scenarios, target 1 s. */
  if (!g_file_get_contents (scale_path, &scale, NULL, NULL))
    g_error ("cannot read %s back", scale_path);
  time_in_process (scale, 5, &wall, &cpu);
  g_print ("4 000 items, 16 countries, 10 scenarios (%.1f MiB), loaded and validated in this "
           "process: median %.3f s wall, %.3f s CPU (target 1 s; load average %.1f)\n",
           strlen (scale) / 1048576.0, wall, cpu, bench_load_average ());

  g_unlink (medium_path);
  g_unlink (scale_path);
  g_unlink (big_scenario_path);
  g_unlink (biggest_path);
  g_rmdir (dir);

  g_print ("\n%u wrong answers\n", failures);
  return failures > 0 ? 1 : 0;
}
