/* replay.c: runs the fuzz target on files, as a TAP test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *     fuzz-loader-replay FILE-OR-FOLDER...
 *
 * Every file given, and every file under every folder given (the fuzz
 * corpus, the example studies, the hostile test files), goes through
 * LLVMFuzzerTestOneInput once, in name order: one TAP subtest per file.
 * A file the target aborts on stops the program, so the rest count as not
 * run (build-aux/count-tests counts them as failed). This needs neither
 * clang nor libFuzzer, so every build replays the corpus.
 */

#define G_LOG_DOMAIN "supplyshift-fuzz"

#include "config.h"

#include <glib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        collect (child, files);
      }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  double slowest = 0;
  const char *slowest_file = NULL;

  for (int k = 1; k < argc; k++)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new ();

      if (!g_file_test (argv[k], G_FILE_TEST_EXISTS))
        {
          g_print ("# nothing at %s\n", argv[k]);
          continue;
        }
      collect (argv[k], found);
      g_ptr_array_sort (found, compare_paths);
      g_ptr_array_extend_and_steal (files, g_steal_pointer (&found));
    }

  g_print ("1..%u\n", files->len);
  for (guint k = 0; k < files->len; k++)
    {
      const char *path = g_ptr_array_index (files, k);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimer) timer = NULL;
      gsize size;
      double seconds;

      if (!g_file_get_contents (path, &data, &size, &error))
        {
          g_print ("not ok %u %s # %s\n", k + 1, path, error->message);
          continue;
        }
      /* Said first, so a crash or a hang names its file. */
      g_print ("# %s, %" G_GSIZE_FORMAT " bytes\n", path, size);
      timer = g_timer_new ();
      LLVMFuzzerTestOneInput ((const guint8 *)data, size);
      seconds = g_timer_elapsed (timer, NULL);
      if (seconds > slowest)
        {
          slowest = seconds;
          slowest_file = path;
        }
      g_print ("ok %u %s\n", k + 1, path);
    }
  if (slowest_file != NULL)
    g_print ("# slowest: %s, %.3f s\n", slowest_file, slowest);
  return 0;
}
