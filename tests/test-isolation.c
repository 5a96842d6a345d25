/* test-isolation.c: every test runs with a home of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The suite must never read or write the user's real folders (their
 * recent files, autosaves, settings), and must pass however those are.
 * tests/run-isolated gives each test program a new, empty home in the
 * build tree; this checks it did, for the environment (which the
 * `supplyshift` child processes inherit) and for GLib's own view.
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

static const char * const user_dirs[] = {
  "HOME",
  "XDG_CONFIG_HOME",
  "XDG_DATA_HOME",
  "XDG_CACHE_HOME",
  "XDG_STATE_HOME",
  "XDG_RUNTIME_DIR",
};

static char *
real_path (const char *path)
{
  char *canonical = realpath (path, NULL);

  if (canonical == NULL)
    g_error ("%s: %s", path, g_strerror (errno));
  return canonical;
}

/* Each folder is set, lies in this build tree's homes/, is a folder we can
 * write, and is empty: fresh, not left over from an earlier run. */
static void
test_environment (void)
{
  g_autofree char *homes_path = g_test_build_filename (G_TEST_BUILT, "homes", NULL);
  g_autofree char *homes = real_path (homes_path);

  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      const char *value = g_getenv (user_dirs[i]);
      g_autofree char *canonical = NULL;
      g_autofree char *probe = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GError) error = NULL;
      const char *entry;

      if (value == NULL)
        g_error ("%s is not set: the test would use the user's own folder", user_dirs[i]);
      canonical = real_path (value);
      if (!g_str_has_prefix (canonical, homes) || canonical[strlen (homes)] != '/')
        g_error ("%s is %s, outside %s", user_dirs[i], canonical, homes);

      dir = g_dir_open (canonical, 0, &error);
      g_assert_no_error (error);
      entry = g_dir_read_name (dir);
      if (entry != NULL)
        g_error ("%s (%s) is not empty: it holds %s", user_dirs[i], canonical, entry);

      probe = g_build_filename (canonical, "probe", NULL);
      g_file_set_contents (probe, "x", 1, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_unlink (probe), ==, 0);
    }

}

/* A session bus would reach the user's desktop, or a Supply Shift they
 * have open, from a test; an autolaunched one outlives the test. */
static void
test_no_session_bus (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);

  g_assert_null (bus);
  g_assert_nonnull (error);
}

/* GLib reads the same folders, so GtkRecentManager, GSettings' keyfile
 * backend, the autosave folder and caches all land in the test's home. */
static void
test_glib_agrees (void)
{
  struct { const char *var; const char *glib; } dirs[] = {
    { "HOME", g_get_home_dir () },
    { "XDG_CONFIG_HOME", g_get_user_config_dir () },
    { "XDG_DATA_HOME", g_get_user_data_dir () },
    { "XDG_CACHE_HOME", g_get_user_cache_dir () },
    { "XDG_STATE_HOME", g_get_user_state_dir () },
    { "XDG_RUNTIME_DIR", g_get_user_runtime_dir () },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    g_assert_cmpstr (dirs[i].glib, ==, g_getenv (dirs[i].var));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/isolation/environment", test_environment);
  g_test_add_func ("/isolation/glib-agrees", test_glib_agrees);
  g_test_add_func ("/isolation/no-session-bus", test_no_session_bus);

  return g_test_run ();
}
