/* ss-application.c: the application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The headless options of cli.md are handled in handle-local-options,
 * before GTK is initialised (that happens in startup), so they need no
 * display.
 */

#define G_LOG_DOMAIN "supplyshift-application"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "ss-application.h"
#include "ss-autosave.h"
#include "ss-resources.h"
#include "ss-cli.h"
#include "ss-help.h"
#include "ss-import-window.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "ss-window-private.h"

struct _SsApplication
{
  AdwApplication parent_instance;

  SsCliOptions   options;
  GPtrArray     *pending;              /* of GFile: the FILEs given to a primary instance */
  gboolean       started;              /* recovery offered, folders cleaned */
};

G_DEFINE_FINAL_TYPE (SsApplication, ss_application, ADW_TYPE_APPLICATION)

SsApplication *
ss_application_new (void)
{
  return g_object_new (SS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/supplyshift/SupplyShift",
                       NULL);
}

static int
ss_application_handle_local_options (GApplication *app,
                                     GVariantDict *dict)
{
  SsApplication *self = SS_APPLICATION (app);
  g_autoptr(GError) error = NULL;

  if (ss_cli_is_headless (&self->options))
    return ss_cli_run (&self->options);

  /* Our option entries take the FILEs, so GApplication does not see them:
   * a file manager's "supplyshift A B" is opened here, each file in a
   * window of its own, by the instance already running if there is one. */
  if (self->options.files != NULL && self->options.files[0] != NULL)
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint k = 0; self->options.files[k] != NULL; k++)
        g_ptr_array_add (files, g_file_new_for_commandline_arg (self->options.files[k]));
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("supplyshift: %s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_application_open (app, (GFile **)files->pdata, (int)files->len, "");
          return 0;
        }
      self->pending = g_steal_pointer (&files);
    }
  return -1;
}

static gboolean
given_before (GFile **files,
              int     k)
{
  for (int j = 0; j < k; j++)
    if (g_file_equal (files[j], files[k]))
      return TRUE;
  return FALSE;
}

/* The window that has FILE open, if one has. */
static SsWindow *
find_window (GApplication *app,
             GFile        *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      GFile *open;

      if (!SS_IS_WINDOW (l->data))
        continue;
      open = ss_document_get_file (ss_window_get_document (l->data));
      if (open != NULL && g_file_equal (open, file))
        return l->data;
    }
  return NULL;
}

static void
clean_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  char **paths = task_data;

  for (guint k = 0; paths[k] != NULL; k++)
    ss_safe_file_clean_strays (paths[k]);
  g_task_return_boolean (task, TRUE);
}

/* A save killed before it finished leaves a temporary file next to the
 * study; the next save of that study removes it, and so does the next
 * start, for the recent studies, in a worker thread (a folder may be on
 * a slow disk). */
static void
clean_recent_folders (GSettings *settings)
{
  g_auto(GStrv) uris = g_settings_get_strv (settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  for (guint k = 0; uris[k] != NULL; k++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[k]);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }
  g_task_set_task_data (task, g_strv_builder_end (builder), (GDestroyNotify)g_strfreev);
  g_task_run_in_thread (task, clean_in_thread);
}

static gboolean
has_copy_of (GPtrArray  *orphans,
             const char *uri)
{
  for (guint k = 0; k < orphans->len; k++)
    if (g_strcmp0 (((SsAutosaveEntry *)g_ptr_array_index (orphans, k))->uri, uri) == 0)
      return TRUE;
  return FALSE;
}

/* Once per run, over the first window: copies of unsaved edits that a
 * crash left are offered back; with none, and no FILE given, the study
 * open when the program was last closed is opened again. */
static void
first_window (SsApplication *self,
              SsWindow      *window,
              gboolean       file_given)
{
  GSettings *settings = ss_window_get_settings (window);
  g_autoptr(GPtrArray) orphans = NULL;

  if (self->started)
    return;
  self->started = TRUE;

  orphans = ss_autosave_list_orphans ();
  if (settings != NULL)
    clean_recent_folders (settings);
  if (!file_given && orphans->len == 0 && settings != NULL
      && g_settings_get_boolean (settings, "reopen-last-study"))
    {
      g_autofree char *uri = g_settings_get_string (settings, "last-study");

      if (*uri != '\0' && !has_copy_of (orphans, uri))
        {
          g_autoptr(GFile) file = g_file_new_for_uri (uri);

          if (g_file_query_exists (file, NULL))
            ss_window_load_file_async (window, file);
        }
    }
  ss_window_offer_recovery (window, g_steal_pointer (&orphans));
}

static void
ss_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  for (int k = 0; k < n_files; k++)
    {
      SsWindow *window;
      g_autoptr(SsStudy) sample = NULL;

      /* A study already open is shown, not opened twice: two windows
       * saving one file would overwrite each other's edits. */
      if (given_before (files, k))
        continue;
      window = find_window (app, files[k]);
      if (window != NULL)
        {
          gtk_window_present (GTK_WINDOW (window));
          continue;
        }
      window = ss_window_new (SS_APPLICATION (app));
      sample = ss_study_load_sample ();

      /* A file that does not load leaves the window on the sample study,
       * with the problems shown over it. */
      ss_window_set_study (window, sample, NULL);
      gtk_window_present (GTK_WINDOW (window));
      ss_window_load_file_async (window, files[k]);
      first_window (SS_APPLICATION (app), window, TRUE);
    }
}

static void
ss_application_activate (GApplication *app)
{
  SsApplication *self = SS_APPLICATION (app);
  GtkWindow *window;

  if (self->pending != NULL)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending);

      ss_application_open (app, (GFile **)files->pdata, (int)files->len, "");
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      SsWindow *new_window = ss_window_new (self);
      g_autoptr(SsStudy) sample = ss_study_load_sample ();

      ss_window_set_study (new_window, sample, NULL);
      window = GTK_WINDOW (new_window);
      gtk_window_present (window);
      first_window (self, new_window, FALSE);
      return;
    }
  gtk_window_present (window);
}

/* The key-file and dconf backends write settings later; a setting made
 * just before quitting (the last study) must reach the disk. */
static void
ss_application_shutdown (GApplication *app)
{
  G_APPLICATION_CLASS (ss_application_parent_class)->shutdown (app);
  g_settings_sync ();
  /* A file still being read, a study or trade statistics to import (the
   * user quit while it loaded, or cancelled it): exiting under the
   * reading thread would crash in libxml2's destructor. Let it end; one
   * that will not end soon (the readers answer any file within seconds,
   * and a cancelled one stops within a buffer) is left by exiting at
   * once, with nothing of the user's in its hands. */
  if (!ss_window_wait_for_loads (5000) || !ss_import_window_wait_for_reads (5000))
    _exit (0);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Supply Shift developers", NULL };
  GtkWidget *about = adw_about_window_new ();

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Supply Shift"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), _("Supply Shift developers"));
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
    _("Plan how to spread the sourcing of key materials across countries, "
      "and see what it costs and what it buys in security, year by year."));
  adw_about_window_set_website (ADW_ABOUT_WINDOW (about), "https://github.com/supplyshift/supplyshift");
  adw_about_window_set_issue_url (ADW_ABOUT_WINDOW (about), "https://github.com/supplyshift/supplyshift/issues");
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), _("© 2026 Supply Shift developers"));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  /* Translators: put your names here, one per line */
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;

  ss_help_show (gtk_application_get_active_window (app), NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autolist(GtkWindow) windows = NULL;

  /* A copy: a window that closes leaves the application's own list,
   * which walking it would then follow into freed links. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  /* Each window asks about its own unsaved changes before it closes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "help", help_action },
  { "quit", quit_action },
};

static void
ss_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *shortcuts_accels[] = { "<Primary>question", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (ss_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
}

static void
ss_application_finalize (GObject *object)
{
  SsApplication *self = SS_APPLICATION (object);

  ss_cli_options_clear (&self->options);
  g_clear_pointer (&self->pending, g_ptr_array_unref);

  G_OBJECT_CLASS (ss_application_parent_class)->finalize (object);
}

static void
ss_application_class_init (SsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The bundle lives in a static library: referencing it keeps the
   * linker from dropping it, and with it its registration. */
  if (ss_get_resource () == NULL)
    g_error ("The application's resources are missing");

  object_class->finalize = ss_application_finalize;
  app_class->handle_local_options = ss_application_handle_local_options;
  app_class->startup = ss_application_startup;
  app_class->activate = ss_application_activate;
  app_class->shutdown = ss_application_shutdown;
  app_class->open = ss_application_open;
}

static void
ss_application_init (SsApplication *self)
{
  ss_cli_add_options (G_APPLICATION (self), &self->options);
}
