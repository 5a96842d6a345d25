/* test-application.c: several study files given at once, and a second
 * launch while Supply Shift runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built program ($SUPPLYSHIFT) as a file manager does, with
 * study files on the command line, under Xvfb. Each study has a title of
 * its own, which its window takes once loaded, so each window is found
 * on the display by its title and the program's process id (xdotool),
 * never confused with another test's. With a session bus of the test's
 * own (a dbus-daemon it starts), the running program's windows are also counted where
 * GtkApplication exports them, and a second launch must hand its files
 * to the running program and exit.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "test-files.h"

#define OBJECT_PATH "/io/github/supplyshift/SupplyShift"
#define WAIT_MS 20000

typedef struct
{
  char      *dir;
  char      *token;                    /* in every title, unique to this run */
  GSubprocess *bus;                    /* NULL: no session bus */
  char        *bus_address;
} Fixture;

static const char *
program_path (void)
{
  const char *path = g_getenv ("SUPPLYSHIFT");

  if (path == NULL)
    g_error ("SUPPLYSHIFT must name the built supplyshift binary (meson test sets it)");
  return path;
}

/* A copy of the sample study titled "TOKEN LETTER", as DIR/NAME. */
static char *
write_study (Fixture    *f,
             const char *letter)
{
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                        "korea-key-materials.supplyshift", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *title = g_strdup_printf ("<title>%s %s</title>", f->token, letter);
  g_autofree char *name = g_strdup_printf ("study-%s.supplyshift", letter);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (sample_path, &sample, NULL, &error));
  g_assert_no_error (error);
  text = g_string_new (sample);
  g_assert_cmpuint (g_string_replace (text, "<title>Korea key materials</title>", title, 1), ==, 1);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static GSubprocess *
launch (const char * const *files)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer)program_path ());
  for (guint k = 0; files[k] != NULL; k++)
    g_ptr_array_add (argv, (gpointer)files[k]);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_set_child_setup (launcher, ss_test_die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

/* GLib's worker thread reaps the child and clears its identifier. */
static gboolean
has_exited (GSubprocess *process)
{
  return g_subprocess_get_identifier (process) == NULL;
}

/* Waits for PROCESS to end, at most MS; FALSE when it is still running. */
static gboolean
wait_exit (GSubprocess *process,
           guint        ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (!has_exited (process) && g_get_monotonic_time () < until)
    g_usleep (20000);
  return has_exited (process);
}

/* The visible windows of process PID whose title holds TITLE. */
static guint
count_titled (GSubprocess *process,
              const char  *title)
{
  const char *pid = g_subprocess_get_identifier (process);
  /* --all: xdotool's default is any one of the conditions. */
  const char *argv[] = { "xdotool", "search", "--all", "--onlyvisible", "--pid", pid, "--name", title, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  if (pid == NULL)
    return 0;
  /* xdotool exits 1 when it finds nothing. */
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (out, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    n += lines[k][0] != '\0';
  return n;
}

static char *
title_of (Fixture    *f,
          const char *letter)
{
  return g_strdup_printf ("%s %s", f->token, letter);
}

/* Waits until PROCESS shows a window titled for each of LETTERS. */
static gboolean
wait_windows (Fixture            *f,
              GSubprocess        *process,
              const char * const *letters)
{
  gint64 until = g_get_monotonic_time () + WAIT_MS * 1000;

  while (g_get_monotonic_time () < until && !has_exited (process))
    {
      gboolean all = TRUE;

      for (guint k = 0; letters[k] != NULL && all; k++)
        {
          g_autofree char *title = title_of (f, letters[k]);

          all = count_titled (process, title) > 0;
        }
      if (all)
        return TRUE;
      g_usleep (100000);
    }
  return FALSE;
}

/* The windows GtkApplication exports for the running instance. */
static guint
count_exported_windows (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  const char *xml;
  guint n = 0;

  reply = g_dbus_connection_call_sync (bus, APP_ID, OBJECT_PATH "/window",
                                       "org.freedesktop.DBus.Introspectable", "Introspect", NULL,
                                       G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply == NULL)
    return 0;
  g_variant_get (reply, "(&s)", &xml);
  node = g_dbus_node_info_new_for_xml (xml, NULL);
  for (guint k = 0; node != NULL && node->nodes != NULL && node->nodes[k] != NULL; k++)
    n++;
  return n;
}

/* A private session bus for one test, as GTestDBus would give, but
 * without its watcher: that is a fork of this process which ends with
 * exit(), so under LeakSanitizer (.ci/run) it reported what this
 * process's other threads held as its own leaks. dbus-daemon runs by
 * exec, with a configuration that activates nothing, and goes in the
 * teardown. */
static void
bus_up (Fixture *f)
{
  static const char config[] =
    "<busconfig>\n"
    "  <type>session</type>\n"
    "  <listen>unix:tmpdir=/tmp</listen>\n"
    "  <policy context=\"default\">\n"
    "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
    "    <allow eavesdrop=\"true\"/>\n"
    "    <allow own=\"*\"/>\n"
    "  </policy>\n"
    "</busconfig>\n";
  g_autofree char *config_path = g_build_filename (f->dir, "bus.conf", NULL);
  g_autofree char *config_arg = g_strconcat ("--config-file=", config_path, NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (config_path, config, -1, NULL));
  g_subprocess_launcher_set_child_setup (launcher, ss_test_die_with_parent, NULL, NULL);
  f->bus = g_subprocess_launcher_spawn (launcher, &error, "dbus-daemon", "--nofork", "--print-address=1",
                                        config_arg, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->bus));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);
  f->bus_address = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->bus_address);
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", f->bus_address, TRUE);
}

static void
bus_down (Fixture *f)
{
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_send_signal (f->bus, SIGTERM);
  g_subprocess_wait (f->bus, NULL, NULL);
  g_clear_object (&f->bus);
  g_clear_pointer (&f->bus_address, g_free);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  with_bus)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("supplyshift-application-XXXXXX", &error);
  g_assert_no_error (error);
  f->token = g_strdup_printf ("Open test %d-%" G_GINT64_FORMAT, (int)getpid (), g_get_real_time ());
  if (with_bus != NULL)
    bus_up (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  with_bus)
{
  ss_test_remove_tree (f->dir);
  if (f->bus != NULL)
    bus_down (f);
  g_free (f->dir);
  g_free (f->token);
}

static void
stop (GSubprocess *process)
{
  if (!has_exited (process))
    g_subprocess_send_signal (process, SIGTERM);
  if (!wait_exit (process, 5000))
    g_subprocess_force_exit (process);
  wait_exit (process, 5000);
}

/* supplyshift A B, as a file manager runs it for two selected files,
 * opens both, each in a window of its own (it used to exit with 1). */
static void
test_two_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *a = write_study (f, "A");
  g_autofree char *b = write_study (f, "B");
  const char *files[] = { a, b, NULL };
  const char *letters[] = { "A", "B", NULL };
  g_autoptr(GSubprocess) app = launch (files);
  g_autofree char *title_a = title_of (f, "A");
  g_autofree char *title_b = title_of (f, "B");
  gboolean shown = wait_windows (f, app, letters);

  if (!shown && has_exited (app))
    g_error ("supplyshift A B exited with status %d instead of opening both",
             g_subprocess_get_exit_status (app));
  g_assert_true (shown);
  g_assert_cmpuint (count_titled (app, title_a), ==, 1);
  g_assert_cmpuint (count_titled (app, title_b), ==, 1);
  stop (app);
}

/* With Supply Shift running, a second launch with files opens them in
 * new windows of the running program and exits at once; a file already
 * open gets no second window. */
static void
test_second_launch (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *a = write_study (f, "A");
  g_autofree char *b = write_study (f, "B");
  g_autofree char *c = write_study (f, "C");
  g_autofree char *d = write_study (f, "D");
  const char *first_files[] = { a, b, NULL };
  const char *second_files[] = { c, NULL };
  const char *again_files[] = { a, d, NULL };
  const char *first_letters[] = { "A", "B", NULL };
  const char *all_letters[] = { "A", "B", "C", "D", NULL };
  g_autoptr(GSubprocess) app = launch (first_files);
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GSubprocess) again = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title_a = title_of (f, "A");
  g_autofree char *title_c = title_of (f, "C");

  /* A connection of its own, not the session singleton, which
   * which would outlive the bus. */
  bus = g_dbus_connection_new_for_address_sync (f->bus_address,
                                                G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                                | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (wait_windows (f, app, first_letters));
  g_assert_cmpuint (count_exported_windows (bus), ==, 2);

  second = launch (second_files);
  g_assert_true (wait_exit (second, 10000));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
  /* The running program opened it: a window titled C of its process. */
  g_assert_true (wait_windows (f, app, (const char *[]){ "C", NULL }));
  g_assert_cmpuint (count_titled (app, title_c), ==, 1);

  again = launch (again_files);
  g_assert_true (wait_exit (again, 10000));
  g_assert_cmpint (g_subprocess_get_exit_status (again), ==, 0);
  g_assert_true (wait_windows (f, app, all_letters));
  g_assert_cmpuint (count_titled (app, title_a), ==, 1);
  g_assert_cmpuint (count_exported_windows (bus), ==, 4);

  /* Quit, as from the menu: nothing is unsaved, so every window closes. */
  g_dbus_connection_call_sync (bus, APP_ID, OBJECT_PATH, "org.gtk.Actions", "Activate",
                               g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                               G_DBUS_CALL_FLAGS_NONE, WAIT_MS, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wait_exit (app, 10000));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);
  g_dbus_connection_close_sync (bus, NULL, NULL);
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
        g_error ("CI runs the window tests under xvfb-run, with xdotool");
      g_print ("1..0 # SKIP no display or no xdotool (run under xvfb-run)\n");
      return 0;
    }

  g_test_add ("/application/two-files", Fixture, NULL, fixture_setup, test_two_files, fixture_teardown);
  g_test_add ("/application/second-launch", Fixture, "bus", fixture_setup, test_second_launch,
              fixture_teardown);

  return g_test_run ();
}
