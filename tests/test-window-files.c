/* test-window-files.c: what the window does with the files it saves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with its own HOME and XDG folders. A read-only file is
 * not replaced and Save As is offered; a file another program changed is
 * never overwritten unawares (Overwrite, Save As or Cancel), and with no
 * unsaved edits the window offers to reload it; a file name that is not
 * UTF-8 shows in the recent menu; opening a file shows a bar with Cancel
 * while the window stays usable.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bench-study.h"
#include "ss-autosave.h"
#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "test-files.h"
#include "test-dialogs.h"
#include "ss-window-private.h"
#include "test-widgets.h"

typedef struct
{
  SsWindow *window;
  char     *dir;
} Fixture;


static void
wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}


static AdwMessageDialog *
wait_for_dialog (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (ss_test_find_dialog () == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  return ss_test_find_dialog ();
}


/* An edit through the document, as every page makes one. */
static void
edit_title (Fixture    *f,
            const char *title)
{
  g_assert_true (ss_document_set_meta_title (ss_window_get_document (f->window), title, NULL));
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("supplyshift-window-files-XXXXXX", &error);
  g_assert_no_error (error);
  f->window = ss_window_new (NULL);
  g_object_ref_sink (f->window);
  ss_window_set_study (f->window, study, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  ss_test_iterate ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog;

  while ((dialog = ss_test_find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  ss_test_iterate ();
  ss_test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Saves the window's study to NAME in the fixture's folder, then opens
 * it from there, as a user who reopens a study would. */
static char *
save_and_open (Fixture    *f,
               const char *name)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (ss_window_save_to (f->window, file));
  g_assert_true (ss_window_load_file (f->window, file));
  g_assert_false (ss_document_get_modified (ss_window_get_document (f->window)));
  return path;
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = save_and_open (f, "read-only.supplyshift");
  g_autofree char *before = ss_test_read_file (path);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  edit_title (f, "Changed here");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  ss_test_iterate ();

  dialog = ss_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Read-Only"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "read-only"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "another name"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  after = ss_test_read_file (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (ss_document_get_modified (ss_window_get_document (f->window)));
  ss_test_respond (dialog, "cancel");
}

/* Another program rewrites the file in place, with other contents. */
static void
change_behind_our_back (const char *path,
                        const char *title)
{
  g_autoptr(SsStudy) other = ss_study_load_sample ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SsMeta *meta = ss_study_get_meta (other);

  g_free (meta->title);
  meta->title = g_strdup (title);
  /* A stamp taken in the same clock tick as ours must still differ. */
  g_usleep (20000);
  g_assert_true (ss_study_save_file (other, file, FALSE, &error));
  g_assert_no_error (error);
}

static void
test_changed_on_disk_save (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = save_and_open (f, "shared.supplyshift");
  g_autofree char *theirs = NULL, *now = NULL;
  AdwMessageDialog *dialog;

  edit_title (f, "Mine");
  change_behind_our_back (path, "Theirs");
  theirs = ss_test_read_file (path);

  /* Cancel: nothing written, the edits kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  ss_test_iterate ();
  dialog = ss_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  ss_test_respond (dialog, "cancel");
  now = ss_test_read_file (path);
  g_assert_cmpstr (now, ==, theirs);
  g_assert_true (ss_document_get_modified (ss_window_get_document (f->window)));

  /* Overwrite: ours replaces theirs, and the next save asks nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  ss_test_iterate ();
  dialog = ss_test_find_dialog ();
  g_assert_nonnull (dialog);
  ss_test_respond (dialog, "overwrite");
  g_clear_pointer (&now, g_free);
  now = ss_test_read_file (path);
  g_assert_nonnull (strstr (now, "<title>Mine</title>"));
  g_assert_false (ss_document_get_modified (ss_window_get_document (f->window)));

  edit_title (f, "Mine again");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  ss_test_iterate ();
  g_assert_null (ss_test_find_dialog ());
  g_clear_pointer (&now, g_free);
  now = ss_test_read_file (path);
  g_assert_nonnull (strstr (now, "<title>Mine again</title>"));
}

static void
test_changed_on_disk_reload (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = save_and_open (f, "watched.supplyshift");
  AdwMessageDialog *dialog;

  /* Our own save is not a change on disk. */
  wait_ms (800);
  g_assert_null (ss_test_find_dialog ());

  change_behind_our_back (path, "Reloaded from disk");
  dialog = wait_for_dialog (5000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  ss_test_respond (dialog, "reload");
  for (guint k = 0; k < 500 && !g_str_equal (ss_study_get_meta (ss_window_get_study (f->window))->title,
                                              "Reloaded from disk"); k++)
    wait_ms (10);
  g_assert_cmpstr (ss_study_get_meta (ss_window_get_study (f->window))->title, ==, "Reloaded from disk");
  g_assert_false (ss_document_get_modified (ss_window_get_document (f->window)));
}

/* Today a Latin-1 file name gives a GLib-CRITICAL (fatal here) in the
 * recent menu; it must show, as UTF-8, there and in the title. */
static void
test_non_utf8_name (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "caf\xe9-study.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GMenuModel *recent = G_MENU_MODEL (_ss_window_get_recent_menu (f->window));
  g_autofree char *name = NULL, *label = NULL;

  g_assert_nonnull (ss_window_get_settings (f->window));
  g_assert_true (ss_window_save_to (f->window, file));
  g_assert_true (ss_window_load_file (f->window, file));
  ss_test_iterate ();
  name = ss_document_get_display_name (ss_window_get_document (f->window));
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_nonnull (strstr (name, "-study.supplyshift"));

  g_assert_cmpint (g_menu_model_get_n_items (recent), >=, 1);
  g_assert_true (g_menu_model_get_item_attribute (recent, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_true (g_utf8_validate (label, -1, NULL));
  g_assert_cmpstr (label, ==, name);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

/* A study big enough to take a while to read. */
static char *
write_big_study (Fixture *f)
{
  g_autoptr(SsStudy) big = bench_study_new (6000, 16, 10, 4);
  char *path = g_build_filename (f->dir, "big.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (ss_study_save_file (big, file, FALSE, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_opening_cancel (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = write_big_study (f);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const SsStudy *before = ss_window_get_study (f->window);
  GtkWidget *cancel;

  ss_window_load_file_async (f->window, file);
  g_assert_true (ss_window_is_loading (f->window));
  cancel = find_button (GTK_WIDGET (f->window), "_Cancel");
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_is_visible (cancel));
  g_assert_true (gtk_widget_is_sensitive (cancel));
  /* The window itself takes keys (Ctrl+Q, Ctrl+W, Escape); the study waits. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (f->window)));

  g_signal_emit_by_name (cancel, "clicked");
  ss_test_iterate ();
  g_assert_false (ss_window_is_loading (f->window));
  g_assert_false (gtk_widget_is_visible (cancel));
  wait_ms (1500);
  g_assert_true (ss_window_get_study (f->window) == before);
  g_assert_null (ss_test_find_dialog ());
}

/* Closing (or quitting) while a file loads closes at once. */
static void
test_close_while_loading (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = write_big_study (f);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  ss_window_load_file_async (f->window, file);
  g_assert_true (ss_window_is_loading (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "window.close", NULL));
  ss_test_iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  wait_ms (200);
}

/* --- Autosave and recovery ------------------------------------------- */

static char *
autosave_copy (Fixture *f)
{
  const char *id = ss_window_autosave_get_id (f->window);
  g_autofree char *dir = ss_autosave_get_dir ();
  g_autofree char *name = g_strconcat (id, ".info", NULL);

  return g_build_filename (dir, name, NULL);
}

static gboolean
wait_for_file (const char *path,
               gboolean    present,
               guint       ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_file_test (path, G_FILE_TEST_EXISTS) != present && g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return g_file_test (path, G_FILE_TEST_EXISTS) == present;
}

static void
test_autosave (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *info = autosave_copy (f);
  g_autofree char *copy = g_strndup (info, strlen (info) - strlen (".info"));
  g_autofree char *copy_path = g_strconcat (copy, ".supplyshift", NULL);
  g_autofree char *path = g_build_filename (f->dir, "saved.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SsDocument *document = ss_window_get_document (f->window);
  gint64 start;

  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));

  /* An edit: a copy a few seconds later, not at once. */
  start = g_get_monotonic_time ();
  edit_title (f, "Autosaved title");
  wait_ms (500);
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));
  g_assert_true (wait_for_file (info, TRUE, 8000));
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 2 * G_USEC_PER_SEC);
  {
    g_autoptr(GFile) copy_file = g_file_new_for_path (copy_path);
    g_autoptr(GError) error = NULL;
    g_autoptr(SsStudy) copied = ss_study_load_file (copy_file, "copy", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (ss_study_get_meta (copied)->title, ==, "Autosaved title");
  }

  /* Undone back to the file's state: the copy goes. */
  g_assert_true (ss_document_undo (document));
  g_assert_true (wait_for_file (info, FALSE, 1000));
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));

  /* Saved: the copy goes. */
  edit_title (f, "Autosaved again");
  g_assert_true (wait_for_file (info, TRUE, 8000));
  g_assert_true (ss_window_save_to (f->window, file));
  g_assert_true (wait_for_file (info, FALSE, 1000));

  /* Never during a drag: it waits for the drag to end. */
  ss_document_begin_edit (document);
  g_assert_true (ss_document_set_meta_discount_rate (document, 0.07, NULL));
  wait_ms (4500);
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));
  ss_document_end_edit (document);
  g_assert_true (wait_for_file (info, TRUE, 3000));

  /* Closing the window (after the user was asked) removes it. */
  gtk_window_close (GTK_WINDOW (f->window));
  ss_test_iterate ();
  {
    AdwMessageDialog *dialog = ss_test_find_dialog ();

    g_assert_nonnull (dialog);
    ss_test_respond (dialog, "discard");
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_false (g_file_test (info, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
}

/* A copy as a crash leaves it: written by a process that has exited. */
static void
leave_orphan (const char *id,
              const char *uri,
              const char *title)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autofree char *xml = NULL;
  g_autofree char *dir = ss_autosave_get_dir ();
  g_autofree char *name = g_strconcat (id, ".info", NULL);
  g_autofree char *info_path = g_build_filename (dir, name, NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  GPid pid;
  const char *argv[] = { "true", NULL };

  g_free (ss_study_get_meta (study)->title);
  ss_study_get_meta (study)->title = g_strdup (title);
  xml = ss_study_to_xml (study);
  g_assert_true (ss_autosave_write (id, xml, strlen (xml), uri, title, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  waitpid (pid, NULL, 0);
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_KEEP_COMMENTS, &error));
  g_key_file_set_integer (info, "Autosave", "pid", pid);
  g_assert_true (g_key_file_save_to_file (info, info_path, &error));
}

static void
test_recovery_offer (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "crashed.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GPtrArray) orphans = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *hour = g_date_time_format (now, "%H");
  AdwMessageDialog *dialog;
  SsDocument *document;

  leave_orphan ("crash-1", uri, "Edits before the crash");
  leave_orphan ("crash-2", NULL, "Never saved");
  /* A copy whose writer runs (this process) is not a crash's. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (ss_autosave_write ("running", "<study/>", 8, NULL, "Mine", NULL, &error));
  }

  orphans = ss_autosave_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 2);
  ss_window_offer_recovery (f->window, g_steal_pointer (&orphans));
  ss_test_iterate ();

  /* Newest first; each names its file (or title) and the time. */
  dialog = ss_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Recover Unsaved Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "recover"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  if (strstr (adw_message_dialog_get_body (dialog), "crashed.supplyshift") != NULL)
    {
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Edits before the crash"));
      ss_test_respond (dialog, "recover");
      dialog = ss_test_find_dialog ();
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Never saved"));
      ss_test_respond (dialog, "discard");
    }
  else
    {
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Never saved"));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), hour));
      ss_test_respond (dialog, "discard");
      dialog = ss_test_find_dialog ();
      g_assert_nonnull (dialog);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "crashed.supplyshift"));
      ss_test_respond (dialog, "recover");
    }
  g_assert_null (ss_test_find_dialog ());

  /* Recovered: the edits, unsaved, of the file they belong to. */
  document = ss_window_get_document (f->window);
  g_assert_cmpstr (ss_study_get_meta (ss_document_get_study (document))->title, ==,
                   "Edits before the crash");
  g_assert_true (ss_document_get_modified (document));
  g_assert_true (g_file_equal (ss_document_get_file (document), file));

  /* The copy is now this window's (kept until saved); the discarded one is gone. */
  orphans = ss_autosave_list_orphans ();
  g_assert_cmpuint (orphans->len, ==, 0);
  {
    g_autofree char *own = autosave_copy (f);

    g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
    g_assert_true (ss_window_save_to (f->window, file));
    g_assert_true (wait_for_file (own, FALSE, 1000));
  }
  ss_autosave_remove ("running");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("supplyshift-home-XXXXXX", NULL);
  const char *xdg[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  /* Never the real home: the recent files list and the autosave folder
   * are written under these. */
  g_setenv ("HOME", home, TRUE);
  for (guint k = 0; k < G_N_ELEMENTS (xdg); k++)
    {
      g_autofree char *dir = g_build_filename (home, xdg[k], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg[k], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);
  {
    g_autofree char *schemas = g_test_build_filename (G_TEST_BUILT, "..", "data", NULL);

    g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  }
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;
  g_assert_nonnull (ss_get_resource ());

#define ADD(path, func) \
  g_test_add ("/window-files/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("read-only", test_read_only);
  ADD ("changed-on-disk/save", test_changed_on_disk_save);
  ADD ("changed-on-disk/reload", test_changed_on_disk_reload);
  ADD ("non-utf8-name", test_non_utf8_name);
  ADD ("opening/cancel", test_opening_cancel);
  ADD ("opening/close", test_close_while_loading);
  ADD ("autosave", test_autosave);
  ADD ("recovery/offer", test_recovery_offer);
#undef ADD

  {
    int status = g_test_run ();

    /* The cancelled loads may still run: exit only after them, as the
     * application does. */
    g_assert_true (ss_window_wait_for_loads (60000));
    return status;
  }
}
