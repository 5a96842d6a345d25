/* test-recovery.c: the real program, killed with SIGKILL, gives the edits back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program ($SUPPLYSHIFT) under the test's X server with a
 * home of its own and a key-file settings backend, and drives it with
 * xdotool as a person would: open a study, change its title in the study
 * data window, wait for the autosave copy, kill -9, start again, answer
 * the recovery offer, save, and find the edit in the file. Then quit
 * normally and start once more: the last study reopens.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bench-study.h"
#include "ss-study-file.h"
#include "test-files.h"

typedef struct
{
  char   *root;
  char   *study;
  char  **env;
  GPid    pid;
} Fixture;

/* Whether a window whose name starts with @name is mapped (GTK's 1×1
 * leader window shares the name and is skipped). A prefix, as names in
 * titles may come wrapped in bidi isolates. */
static gboolean
has_window (const char *name)
{
  const char *argv[] = { "xwininfo", "-root", "-tree", NULL };
  g_autofree char *out = NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s", name);
  g_auto(GStrv) lines = NULL;
  int status = 0;

  /* xwininfo fails now and then when a window goes while it walks the
   * tree: that is "not seen yet". */
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                     NULL, &out, NULL, &status, NULL)
      || !g_spawn_check_wait_status (status, NULL))
    return FALSE;
  lines = g_strsplit (out, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    if (strstr (lines[k], quoted) != NULL && strstr (lines[k], " 1x1+") == NULL)
      return TRUE;
  return FALSE;
}

static gboolean
wait_for_window (const char *name,
                 guint       seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!has_window (name))
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      g_usleep (100000);
    }
  return TRUE;
}

/* Starts the program and waits for its window @name. A program that
 * could not reach the display (seen once on a machine where several
 * virtual X servers start and stop) is started again, twice at most;
 * one that runs without showing the window is a failure. */
static void start (Fixture *f, const char *file);

static gboolean
start_and_wait (Fixture    *f,
                const char *file,
                const char *name)
{
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      gint64 until = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
      int status;

      start (f, file);
      while (!has_window (name) && g_get_monotonic_time () < until)
        {
          if (waitpid (f->pid, &status, WNOHANG) == f->pid)
            {
              g_test_message ("the program exited (status %d) before showing “%s”", status, name);
              f->pid = 0;
              break;
            }
          g_usleep (100000);
        }
      if (f->pid != 0)
        return has_window (name);
    }
  return FALSE;
}

static gboolean
autosave_present (Fixture *f)
{
  g_autofree char *dir = g_build_filename (f->root, "state", "supplyshift", "autosave", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".info"))
      return TRUE;
  return FALSE;
}

static gboolean
file_has (const char *path,
          const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

static void
start (Fixture    *f,
       const char *file)
{
  const char *argv[] = { g_getenv ("SUPPLYSHIFT"), file, NULL };
  g_autoptr(GError) error = NULL;

  g_spawn_async (NULL, (char **)argv, f->env,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 ss_test_die_with_parent, NULL, &f->pid, &error);
  g_assert_no_error (error);
}

/* Waits up to @seconds for the program to exit by itself. */
static gboolean
wait_exit (Fixture *f,
           guint    seconds)
{
  gint64 until = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  int status;

  while (waitpid (f->pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > until)
        return FALSE;
      g_usleep (50000);
    }
  f->pid = 0;
  return TRUE;
}

static void
kill_program (Fixture *f)
{
  if (f->pid == 0)
    return;
  kill (f->pid, SIGKILL);
  waitpid (f->pid, NULL, 0);
  f->pid = 0;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const char *dirs[][2] = { { "HOME", "home" }, { "XDG_CONFIG_HOME", "config" },
                            { "XDG_DATA_HOME", "data" }, { "XDG_CACHE_HOME", "cache" },
                            { "XDG_STATE_HOME", "state" } };
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "data", "example-study.xml", NULL);
  g_autofree char *schemas = g_test_build_filename (G_TEST_BUILT, "..", "data", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  f->root = g_dir_make_tmp ("supplyshift-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  f->env = g_get_environ ();
  for (guint k = 0; k < G_N_ELEMENTS (dirs); k++)
    {
      g_autofree char *dir = g_build_filename (f->root, dirs[k][1], NULL);

      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      f->env = g_environ_setenv (f->env, dirs[k][0], dir, TRUE);
    }
  /* Settings that outlive the process, as on a desktop. */
  f->env = g_environ_setenv (f->env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  f->env = g_environ_setenv (f->env, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  f->env = g_environ_setenv (f->env, "SUPPLYSHIFT_WINDOW_SIZE", "1280x800", TRUE);

  f->study = g_build_filename (f->root, "study.supplyshift", NULL);
  g_assert_true (g_file_get_contents (example, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (f->study, text, -1, NULL));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  kill_program (f);
  ss_test_remove_tree (f->root);
  g_free (f->root);
  g_free (f->study);
  g_strfreev (f->env);
}

/* A process id that no longer runs. */
static int
gone_pid (void)
{
  const char *argv[] = { "true", NULL };
  GPid pid;

  g_assert_true (g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, NULL));
  waitpid (pid, NULL, 0);
  return pid;
}

static void
test_kill_and_recover (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *stray = NULL;

  /* 1. Open the study and change its title through the study data window. */
  g_assert_true (start_and_wait (f, f->study, "Worked example"));
  g_usleep (G_USEC_PER_SEC);
  /* Without a window manager, keys go to the window under the pointer. */
  ss_test_xdotool ("mousemove", "700", "500", NULL);
  ss_test_xdotool ("key", "ctrl+1", NULL);
  g_assert_true (wait_for_window ("Study Data — ", 10));
  /* On a loaded machine the page may take a moment to take clicks: try
   * the edit again, a few times, until the title shows it. */
  for (guint attempt = 0; attempt < 4 && !has_window ("Recovered title"); attempt++)
    {
      g_usleep (G_USEC_PER_SEC);
      /* The Title row, at the top of the Study page. */
      ss_test_xdotool ("mousemove", "400", "148", "click", "1", NULL);
      g_usleep (500000);
      ss_test_xdotool ("key", "ctrl+a", NULL);
      ss_test_xdotool ("type", "Recovered title", NULL);
      ss_test_xdotool ("key", "Return", NULL);
      wait_for_window ("Recovered title", 5);
    }
  if (!has_window ("Recovered title"))
    g_error ("the title edit did not reach the study (the main window is not named after it)");

  /* 2. The copy comes a few seconds after the edit; then the kill. */
  for (guint k = 0; k < 100 && !autosave_present (f); k++)
    g_usleep (100000);
  g_assert_true (autosave_present (f));
  kill_program (f);
  g_assert_false (file_has (f->study, "Recovered title"));

  /* 3. The next start offers the edits back; Return picks Recover. */
  if (!start_and_wait (f, NULL, "Recover Unsaved Changes"))
    g_error ("no recovery offer after kill -9");
  g_usleep (G_USEC_PER_SEC);
  ss_test_xdotool ("mousemove", "150", "100", NULL);
  ss_test_xdotool ("key", "Return", NULL);
  g_assert_true (wait_for_window ("Recovered title", 10));

  /* 4. Saved into the file it came from; the copy is gone then. */
  ss_test_xdotool ("mousemove", "700", "500", NULL);
  ss_test_xdotool ("key", "ctrl+s", NULL);
  for (guint k = 0; k < 100 && !file_has (f->study, "<title>Recovered title</title>"); k++)
    g_usleep (100000);
  g_assert_true (file_has (f->study, "<title>Recovered title</title>"));
  for (guint k = 0; k < 30 && autosave_present (f); k++)
    g_usleep (100000);
  g_assert_false (autosave_present (f));

  /* 5. Quit normally, start with no file: the last study reopens, and
   * nothing is offered for recovery. */
  ss_test_xdotool ("key", "ctrl+q", NULL);
  g_assert_true (wait_exit (f, 10));
  /* A temporary file a killed save left next to a recent study goes at
   * start. */
  stray = g_strdup_printf ("%s/.study.supplyshift.saving.%d.Ab12Cd", f->root, (int)gone_pid ());
  g_assert_true (g_file_set_contents (stray, "half a stu", -1, NULL));
  g_assert_true (start_and_wait (f, NULL, "Recovered title"));
  g_usleep (500000);
  g_assert_false (has_window ("Recover Unsaved Changes"));
  g_assert_false (g_file_test (stray, G_FILE_TEST_EXISTS));
}

/* Ctrl+Q while a large study is still being read: the program quits (the
 * window used to be insensitive while loading, and took no keys), and
 * cleanly, with status 0. */
static void
test_quit_while_loading (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SsStudy) big = bench_study_new (6000, 16, 10, 4);
  g_autofree char *path = g_build_filename (f->root, "big.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 until;
  int status = 0;

  g_assert_true (ss_study_save_file (big, file, FALSE, &error));
  g_assert_no_error (error);
  /* The sample shows while the file is read. */
  g_assert_true (start_and_wait (f, path, "Korea key materials"));
  ss_test_xdotool ("mousemove", "700", "500", NULL);
  ss_test_xdotool ("key", "ctrl+q", NULL);

  until = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;
  while (waitpid (f->pid, &status, WNOHANG) == 0)
    {
      if (g_get_monotonic_time () > until)
        g_error ("Ctrl+Q while loading did not quit within 15 s");
      g_usleep (50000);
    }
  f->pid = 0;
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("quitting while a file loads ended with status %d (signal %d)", status,
             WIFSIGNALED (status) ? WTERMSIG (status) : 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdotool_path = NULL;

  g_test_init (&argc, &argv, NULL);
  xdotool_path = g_find_program_in_path ("xdotool");
  if (g_getenv ("DISPLAY") == NULL || xdotool_path == NULL)
    {
      if (g_getenv ("CI") != NULL)
        g_error ("CI runs this under xvfb-run with xdotool installed");
      g_print ("1..0 # SKIP needs an X display and xdotool\n");
      return 0;
    }
  g_test_add ("/recovery/kill-and-recover", Fixture, NULL, fixture_setup, test_kill_and_recover,
              fixture_teardown);
  g_test_add ("/recovery/quit-while-loading", Fixture, NULL, fixture_setup, test_quit_while_loading,
              fixture_teardown);
  return g_test_run ();
}
