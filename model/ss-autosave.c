/* ss-autosave.c: copies of unsaved edits, for recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each window with unsaved edits keeps a copy of its study in the user's
 * state folder ($XDG_STATE_HOME/supplyshift/autosave, i.e.
 * ~/.local/state/supplyshift/autosave): ID.supplyshift, the study as the
 * saver writes it, and ID.info, a key file saying what it is a copy of
 * (the file's URI, the title, the time, the file's stamp) and which
 * process wrote it. Both are written through ss-safe-file.c, so a copy is
 * always whole. The window removes them when the study is saved, the
 * edits are undone or discarded, or the window closes; a copy whose
 * writer no longer runs is what a crash or a kill left, and the next
 * start offers it back. docs/decisions.md has the choices.
 */

#define G_LOG_DOMAIN "supplyshift-autosave"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ss-autosave.h"
#include "ss-study-file.h"

#define GROUP "Autosave"

/* The state folder is for what should outlive a restart but is not the
 * user's documents (XDG base directory spec); a cache may be cleared by
 * tools at any time, which would lose the very edits this keeps. */
char *
ss_autosave_get_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "supplyshift", "autosave", NULL);
}

/* Unique among the windows of this process and across processes. */
char *
ss_autosave_new_id (void)
{
  static guint counter;

  return g_strdup_printf ("%d-%u-%08x", (int)getpid (), g_atomic_int_add (&counter, 1) + 1,
                          g_random_int ());
}

/* Which run of which process: the boot and the process's start time, from
 * /proc. Process ids come round again (on a busy machine within seconds,
 * where pid_max is 32768), so a copy's writer is known by this, not by its
 * id alone. NULL where /proc cannot tell. */
static char *
process_run_id (int pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL, *boot = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after;

  if (!g_file_get_contents (stat_path, &stat, NULL, NULL)
      || !g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL)
      || (after = strrchr (stat, ')')) == NULL)
    return NULL;
  /* After "pid (comm)": state is field 3, starttime field 22. */
  fields = g_strsplit (after + 2, " ", 0);
  if (g_strv_length (fields) < 20)
    return NULL;
  return g_strdup_printf ("%s:%s", g_strstrip (boot), fields[19]);
}

static char *
path_for (const char *id,
          const char *suffix)
{
  g_autofree char *dir = ss_autosave_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

static void
set_run (GKeyFile *info)
{
  g_autofree char *run = process_run_id ((int)getpid ());

  if (run != NULL)
    g_key_file_set_string (info, GROUP, "run", run);
  else
    g_key_file_remove_key (info, GROUP, "run", NULL);
}

/**
 * ss_autosave_write:
 * @id: the window's copy
 * @xml: the study, as ss_study_to_xml() wrote it
 * @len: its length
 * @uri: (nullable): the study's file
 * @title: the study's title
 * @stamp: (nullable): the study's file as it was read or last saved
 * @error: why the copy could not be written
 *
 * Safe to call from a worker thread: it touches no study.
 */
gboolean
ss_autosave_write (const char         *id,
                   const char         *xml,
                   gsize               len,
                   const char         *uri,
                   const char         *title,
                   const SsFileStamp  *stamp,
                   GError            **error)
{
  g_autofree char *dir = ss_autosave_get_dir ();
  g_autofree char *study_path = path_for (id, ".supplyshift");
  g_autofree char *info_path = path_for (id, ".info");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format_iso8601 (now);
  g_autofree char *data = NULL;
  gsize data_len;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot make the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* The study first: an info file always names a whole copy, though
   * after a kill between the two it may be the previous one's info. */
  if (!ss_safe_file_set_contents (study_path, xml, len, SS_SAFE_FILE_NONE, NULL, error))
    return FALSE;

  g_key_file_set_string (info, GROUP, "uri", uri != NULL ? uri : "");
  g_key_file_set_string (info, GROUP, "title", title);
  g_key_file_set_string (info, GROUP, "time", when);
  g_key_file_set_integer (info, GROUP, "pid", (int)getpid ());
  g_key_file_set_string (info, GROUP, "host", g_get_host_name ());
  set_run (info);
  if (stamp != NULL && stamp->valid)
    {
      g_key_file_set_uint64 (info, GROUP, "dev", stamp->dev);
      g_key_file_set_uint64 (info, GROUP, "ino", stamp->ino);
      g_key_file_set_uint64 (info, GROUP, "size", stamp->size);
      g_key_file_set_int64 (info, GROUP, "mtime-ns", stamp->mtime_ns);
    }
  data = g_key_file_to_data (info, &data_len, NULL);
  return ss_safe_file_set_contents (info_path, data, data_len, SS_SAFE_FILE_NONE, NULL, error);
}

void
ss_autosave_remove (const char *id)
{
  g_autofree char *study_path = path_for (id, ".supplyshift");
  g_autofree char *info_path = path_for (id, ".info");

  /* The info first: a copy without one is never offered. */
  g_unlink (info_path);
  g_unlink (study_path);
}

void
ss_autosave_entry_free (SsAutosaveEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  g_free (entry->study_path);
  g_free (entry->info_path);
  g_free (entry->uri);
  g_free (entry->title);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_free (entry->host);
  g_free (entry->run);
  g_free (entry);
}

static gboolean
writer_runs (int         pid,
             const char *host,
             const char *run)
{
  g_autofree char *now = NULL;

  /* A copy from another machine sharing this home is not ours to judge:
   * it may be a session in progress there. */
  if (g_strcmp0 (host, g_get_host_name ()) != 0)
    return TRUE;
  if (pid <= 0 || !(kill (pid, 0) == 0 || errno == EPERM))
    return FALSE;
  /* A process has this id: the writer only if it is the same run. */
  if (run != NULL && (now = process_run_id (pid)) != NULL)
    return g_str_equal (now, run);
  return TRUE;
}

static SsAutosaveEntry *
read_entry (const char *dir,
            const char *id)
{
  g_autoptr(SsAutosaveEntry) entry = g_new0 (SsAutosaveEntry, 1);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *when = NULL;

  entry->id = g_strdup (id);
  entry->info_path = path_for (id, ".info");
  entry->study_path = path_for (id, ".supplyshift");
  if (!g_key_file_load_from_file (info, entry->info_path, G_KEY_FILE_NONE, NULL)
      || !g_file_test (entry->study_path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  entry->uri = g_key_file_get_string (info, GROUP, "uri", NULL);
  if (entry->uri != NULL && *entry->uri == '\0')
    g_clear_pointer (&entry->uri, g_free);
  entry->title = g_key_file_get_string (info, GROUP, "title", NULL);
  if (entry->title == NULL)
    entry->title = g_strdup ("");
  when = g_key_file_get_string (info, GROUP, "time", NULL);
  entry->time = when != NULL ? g_date_time_new_from_iso8601 (when, NULL) : NULL;
  if (entry->time == NULL)
    return NULL;
  entry->pid = g_key_file_get_integer (info, GROUP, "pid", NULL);
  entry->host = g_key_file_get_string (info, GROUP, "host", NULL);
  entry->run = g_key_file_get_string (info, GROUP, "run", NULL);
  if (g_key_file_has_key (info, GROUP, "ino", NULL))
    {
      entry->stamp.dev = g_key_file_get_uint64 (info, GROUP, "dev", NULL);
      entry->stamp.ino = g_key_file_get_uint64 (info, GROUP, "ino", NULL);
      entry->stamp.size = g_key_file_get_uint64 (info, GROUP, "size", NULL);
      entry->stamp.mtime_ns = g_key_file_get_int64 (info, GROUP, "mtime-ns", NULL);
      entry->stamp.valid = TRUE;
    }
  return g_steal_pointer (&entry);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const SsAutosaveEntry *x = *(SsAutosaveEntry * const *)a;
  const SsAutosaveEntry *y = *(SsAutosaveEntry * const *)b;

  return g_date_time_compare (y->time, x->time);
}

/**
 * ss_autosave_list_orphans:
 *
 * The copies whose writer no longer runs: what a crash or a kill left.
 * Removes on the way the temporary files of killed writers and copies
 * without an info file.
 *
 * Returns: (transfer full) (element-type SsAutosaveEntry): newest first
 */
GPtrArray *
ss_autosave_list_orphans (void)
{
  g_autofree char *dir = ss_autosave_get_dir ();
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_autosave_entry_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_strdup (name));

  for (guint k = 0; k < names->len; k++)
    {
      const char *file = g_ptr_array_index (names, k);
      g_autofree char *id = NULL;
      SsAutosaveEntry *entry;

      if (!g_str_has_suffix (file, ".info") || file[0] == '.')
        continue;
      id = g_strndup (file, strlen (file) - strlen (".info"));
      entry = read_entry (dir, id);
      if (entry == NULL)
        continue;
      if (writer_runs (entry->pid, entry->host, entry->run))
        ss_autosave_entry_free (entry);
      else
        g_ptr_array_add (entries, entry);
    }
  /* A copy whose info went (removed first) or never came: nothing names
   * it, and its writer is gone. */
  for (guint k = 0; k < names->len; k++)
    {
      const char *file = g_ptr_array_index (names, k);
      g_autofree char *id = NULL, *info = NULL, *path = NULL;
      int pid;

      if (file[0] == '.' || !g_str_has_suffix (file, ".supplyshift"))
        continue;
      id = g_strndup (file, strlen (file) - strlen (".supplyshift"));
      info = path_for (id, ".info");
      pid = atoi (id);
      if (!g_file_test (info, G_FILE_TEST_EXISTS) && !writer_runs (pid, g_get_host_name (), NULL))
        {
          path = g_build_filename (dir, file, NULL);
          g_unlink (path);
        }
    }
  {
    /* Temporary files of a first write that was killed have no final
     * file to be found by; clean_strays on a name finds them by prefix. */
    g_autoptr(GDir) again = g_dir_open (dir, 0, NULL);

    while (again != NULL && (name = g_dir_read_name (again)) != NULL)
      if (name[0] == '.' && strstr (name, ".saving.") != NULL)
        {
          g_autofree char *base = g_strndup (name + 1, strstr (name, ".saving.") - (name + 1));
          g_autofree char *target = g_build_filename (dir, base, NULL);

          ss_safe_file_clean_strays (target);
        }
  }
  g_ptr_array_sort (entries, newest_first);
  return entries;
}

SsStudy *
ss_autosave_entry_load (SsAutosaveEntry  *entry,
                        GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (entry->study_path);
  g_autofree char *name = g_path_get_basename (entry->study_path);

  return ss_study_load_file (file, name, error);
}

/* Makes a copy left by a crashed program this window's own, so that it
 * stays until the recovered study is saved or its edits discarded. */
gboolean
ss_autosave_entry_adopt (SsAutosaveEntry  *entry,
                         const char       *id,
                         GError          **error)
{
  g_autofree char *study_path = path_for (id, ".supplyshift");
  g_autofree char *info_path = path_for (id, ".info");
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize len;

  if (!g_key_file_load_from_file (info, entry->info_path, G_KEY_FILE_NONE, error))
    return FALSE;
  g_key_file_set_integer (info, GROUP, "pid", (int)getpid ());
  g_key_file_set_string (info, GROUP, "host", g_get_host_name ());
  set_run (info);
  data = g_key_file_to_data (info, &len, NULL);
  if (g_rename (entry->study_path, study_path) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }
  if (!ss_safe_file_set_contents (info_path, data, len, SS_SAFE_FILE_NONE, NULL, error))
    return FALSE;
  g_unlink (entry->info_path);
  g_free (entry->id);
  entry->id = g_strdup (id);
  g_free (entry->study_path);
  entry->study_path = g_steal_pointer (&study_path);
  g_free (entry->info_path);
  entry->info_path = g_steal_pointer (&info_path);
  return TRUE;
}
