/* ss-window-files.c: new, open, save, export, recent files and the guard
 * against losing unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file that fails to load shows its problems and leaves the open study
 * as it was; saving goes through the model's atomic save (ss-safe-file.c).
 * Before anything replaces or closes a study with unsaved changes, the
 * window asks; before a save replaces a file someone else changed since
 * it was read, or one that is read-only, it asks too. Opening a file shows
 * a bar with a Cancel button while the worker thread reads it.
 */

#define G_LOG_DOMAIN "supplyshift-window-files"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "ss-bidi.h"
#include "ss-attrs.h"
#include "ss-report.h"
#include "ss-safe-file.h"
#include "ss-study-file.h"
#include "ss-window-private.h"

#define MAX_RECENT 10
/* Events of a file monitor come in bursts (a save by another program is a
 * write, a close and a rename): look at the file once they calm down. */
#define DISK_CHECK_DELAY_MS 300

/* What the file side of a window keeps: the load under way, the bar that
 * shows it, and the watch on the open file. Held as the window's qdata,
 * so the window's own structure stays the scenario editor's. */
typedef struct
{
  SsWindow     *window;                /* borrowed: owns this */
  GCancellable *loading;
  GtkWidget    *loading_bar;
  GtkLabel     *loading_label;
  GFileMonitor *monitor;
  guint         disk_check_id;
  SsFileStamp   declined;              /* a change the user chose to keep over */
  GtkWidget    *reload_dialog;
  gboolean      gone;                  /* destroyed: watch nothing more */
} FilesState;

static void
files_state_free (FilesState *state)
{
  if (state->loading != NULL)
    g_cancellable_cancel (state->loading);
  g_clear_object (&state->loading);
  g_clear_handle_id (&state->disk_check_id, g_source_remove);
  if (state->monitor != NULL)
    g_signal_handlers_disconnect_by_data (state->monitor, state);
  g_clear_object (&state->monitor);
  g_free (state);
}

static FilesState *
files_state (SsWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "ss-files-state");
}

typedef struct
{
  SsWindow  *window;
  SsPending  pending;
  GFile     *file;
  gboolean   answered;
} PendingAction;

static void
pending_action_free (PendingAction *action)
{
  g_clear_object (&action->window);
  g_clear_object (&action->file);
  g_free (action);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PendingAction, pending_action_free)

static void run_pending (PendingAction *action);
static void save_as (SsWindow *self, PendingAction *then);
static PendingAction *pending_action_copy (PendingAction *action);

/* --- Recent files ------------------------------------------------------ */

static void
rebuild_recent_menu (SsWindow *self)
{
  GSettings *settings = ss_window_get_settings (self);
  GMenu *menu = _ss_window_get_recent_menu (self);
  g_auto(GStrv) uris = NULL;

  g_menu_remove_all (menu);
  if (settings == NULL)
    return;
  uris = g_settings_get_strv (settings, "recent-files");
  for (guint k = 0; uris[k] != NULL; k++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[k]);
      /* A file name need not be UTF-8; a menu label must be. */
      g_autofree char *name = ss_file_get_display_basename (file);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uris[k]);
      g_menu_append_item (menu, item);
    }
}

static void
remember_file (SsWindow *self,
               GFile    *file)
{
  GSettings *settings = ss_window_get_settings (self);
  g_autofree char *uri = g_file_get_uri (file);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) uris = NULL;
  guint n = 1;

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  if (settings == NULL)
    return;

  old = g_settings_get_strv (settings, "recent-files");
  g_strv_builder_add (builder, uri);
  for (guint k = 0; old[k] != NULL && n < MAX_RECENT; k++)
    if (!g_str_equal (old[k], uri))
      g_strv_builder_add (builder, old[k]), n++;
  uris = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-files", (const char * const *)uris);
  rebuild_recent_menu (self);
}

/* --- Dialogs ----------------------------------------------------------- */

/* A short @heading, with no file name in it: a long name would wrap
 * inside the heading, in Korean inside a word. The file is named in the
 * body, @name, above the @body lines. */
static void
show_error (SsWindow   *self,
            const char *heading,
            const char *name,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  GtkWidget *label = gtk_label_new (body);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  /* Up to twenty "file:line: error: message" lines: selectable, so they
   * can be copied into a bug report or an editor's go-to-line. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  /* Translators: the body of an error dialog, the file's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("File: %s"), name);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Loading and saving ------------------------------------------------ */

/* A file's name to set into a message: in a bidi isolate, so a
 * right-to-left override in it cannot reverse the message
 * (docs/decisions.md). */
static char *
display_name (GFile *file)
{
  g_autofree char *name = ss_file_get_display_basename (file);

  return ss_bidi_isolate (name);
}

/* The same for the open study: its file's name, or its title. */
static char *
document_display_name (SsDocument *document)
{
  g_autofree char *name = ss_document_get_display_name (document);

  return ss_bidi_isolate (name);
}

/* Shows what loading `file` gave: the study, or its problems in a dialog
 * (the study that is open stays as it was). */
static gboolean
finish_load (SsWindow          *self,
             GFile             *file,
             const SsFileStamp *stamp,
             SsStudy           *study,
             GError            *error)
{
  g_autofree char *name = display_name (file);

  if (study == NULL)
    {
      show_error (self, _("The Study Could Not Be Opened"), name, error->message);
      return FALSE;
    }
  ss_window_set_study (self, study, file);
  ss_document_set_disk_stamp (ss_window_get_document (self), stamp);
  remember_file (self, file);
  return TRUE;
}

/* The file's stamp is taken before it is read: a change made while it is
 * read then shows as a change on disk, never the other way round. */
static SsStudy *
load_with_stamp (GFile        *file,
                 SsFileStamp  *stamp,
                 GError      **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = ss_file_get_display_basename (file);

  memset (stamp, 0, sizeof *stamp);
  if (path != NULL)
    ss_file_stamp_get (path, stamp);
  return ss_study_load_file (file, name, error);
}

gboolean
ss_window_load_file (SsWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  SsFileStamp stamp;
  g_autoptr(SsStudy) study = load_with_stamp (file, &stamp, &error);

  return finish_load (self, file, &stamp, study, error);
}

typedef struct
{
  GFile       *file;
  SsFileStamp  stamp;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  g_free (job);
}

/* Reads still running in worker threads, cancelled or not: the process
 * must not exit under them, since libxml2's destructor frees what a
 * parse in progress uses (a quit during a load crashed at exit). */
static GMutex loads_lock;
static GCond loads_done;
static guint loads_running;

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadJob *job = task_data;
  GError *error = NULL;
  SsStudy *study;

  g_mutex_lock (&loads_lock);
  loads_running++;
  g_mutex_unlock (&loads_lock);
  study = load_with_stamp (job->file, &job->stamp, &error);
  g_mutex_lock (&loads_lock);
  loads_running--;
  g_cond_broadcast (&loads_done);
  g_mutex_unlock (&loads_lock);

  if (study == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, study, g_object_unref);
}

static void
show_loading (SsWindow *self,
              GFile    *file)
{
  FilesState *state = files_state (self);
  GtkWidget *content = _ss_window_get_content (self);

  if (file != NULL)
    {
      g_autofree char *name = display_name (file);
      g_autofree char *message = g_strdup_printf (_("Opening “%s”…"), name);

      gtk_label_set_label (state->loading_label, message);
    }
  /* Only the study's part of the window waits: the header bar, Cancel,
   * closing the window and Ctrl+Q keep working. */
  gtk_widget_set_sensitive (content, file == NULL);
  gtk_widget_set_visible (state->loading_bar, file != NULL);
  if (file != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (state->loading_bar), "ss-cancel"));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(SsWindow) self = user_data;
  FilesState *state = files_state (self);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = g_task_propagate_pointer (G_TASK (result), &error);

  /* A cancelled load leaves the study as it was, and says nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (state != NULL && state->loading == g_task_get_cancellable (G_TASK (result)))
    {
      g_clear_object (&state->loading);
      show_loading (self, NULL);
    }
  finish_load (self, job->file, &job->stamp, study, error);
}

/* Loads in a worker thread: checking a large study against the schema
 * takes seconds (a 10 000-item study about 15), and the window must not
 * freeze meanwhile. libxml2 keeps its error handler per thread. Cancel
 * (or opening another file) drops the load: the thread finishes on its
 * own, and what it read is thrown away.
 *
 * The window is the callback's data, not the task's source object: after
 * a cancel the task returns at once and the thread holds the last
 * reference to the task, so a source object would be unreferenced, and a
 * window closed meanwhile disposed, in the worker thread, which GTK does
 * not allow (it crashed test-window-files now and then). The callback
 * runs in the main thread and drops the window there. */
void
ss_window_load_file_async (SsWindow *self,
                           GFile    *file)
{
  FilesState *state = files_state (self);
  g_autoptr(GTask) task = NULL;
  LoadJob *job = g_new0 (LoadJob, 1);

  ss_window_cancel_load (self);
  state->loading = g_cancellable_new ();
  task = g_task_new (NULL, state->loading, on_loaded, g_object_ref (self));
  job->file = g_object_ref (file);
  g_task_set_task_data (task, job, (GDestroyNotify)load_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  show_loading (self, file);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * ss_window_wait_for_loads:
 * @timeout_ms: how long to wait at most
 *
 * Waits for reads still running in worker threads (a cancelled one runs
 * to its end), so that the process can exit.
 *
 * Returns: whether none runs any more
 */
gboolean
ss_window_wait_for_loads (guint timeout_ms)
{
  gint64 until = g_get_monotonic_time () + (gint64)timeout_ms * 1000;
  gboolean done;

  g_mutex_lock (&loads_lock);
  while (loads_running > 0 && g_cond_wait_until (&loads_done, &loads_lock, until))
    ;
  done = loads_running == 0;
  g_mutex_unlock (&loads_lock);
  return done;
}

gboolean
ss_window_is_loading (SsWindow *self)
{
  FilesState *state = files_state (self);

  return state != NULL && state->loading != NULL;
}

void
ss_window_cancel_load (SsWindow *self)
{
  FilesState *state = files_state (self);

  if (state == NULL || state->loading == NULL)
    return;
  g_cancellable_cancel (state->loading);
  g_clear_object (&state->loading);
  show_loading (self, NULL);
}

static GtkWidget *
create_loading_bar (SsWindow *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  gtk_widget_add_css_class (bar, "toolbar");
  gtk_widget_add_css_class (bar, "ss-loading-bar");
  gtk_widget_set_halign (bar, GTK_ALIGN_FILL);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_margin_start (spinner, 6);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cancel opening"), -1);
  gtk_widget_set_tooltip_text (cancel, _("Stop opening the file and keep the study that is open"));
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (ss_window_cancel_load), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), spinner);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), cancel);
  gtk_widget_set_visible (bar, FALSE);
  g_object_set_data (G_OBJECT (bar), "ss-cancel", cancel);
  files_state (self)->loading_label = GTK_LABEL (label);
  return bar;
}

/* --- Changed on disk --------------------------------------------------- */

/* Whether the open study's file is no longer the one it was read from or
 * last saved to. A file that is gone is not "changed": saving makes it. */
static gboolean
changed_on_disk (SsWindow    *self,
                 SsFileStamp *now)
{
  SsDocument *document = ss_window_get_document (self);
  const SsFileStamp *stamp = ss_document_get_disk_stamp (document);
  g_autofree char *path = NULL;

  memset (now, 0, sizeof *now);
  if (ss_document_get_file (document) == NULL || !stamp->valid)
    return FALSE;
  path = g_file_get_path (ss_document_get_file (document));
  if (path == NULL || !ss_file_stamp_get (path, now))
    return FALSE;
  return !ss_file_stamp_equal (stamp, now);
}

static void
on_reload_response (AdwMessageDialog *dialog,
                    const char       *response,
                    SsWindow         *self)
{
  FilesState *state = files_state (self);
  SsDocument *document = ss_window_get_document (self);

  if (state != NULL)
    state->reload_dialog = NULL;
  if (g_str_equal (response, "reload") && document != NULL && ss_document_get_file (document) != NULL
      && !ss_document_get_modified (document))
    ss_window_load_file_async (self, ss_document_get_file (document));
}

/* With no unsaved edits, a study whose file another program changed is
 * offered for reloading; with edits, saving asks instead (save ()). */
static gboolean
check_disk (gpointer user_data)
{
  SsWindow *self = user_data;
  FilesState *state = files_state (self);
  SsDocument *document = ss_window_get_document (self);
  g_autofree char *name = NULL;
  SsFileStamp now;
  GtkWidget *dialog;

  state->disk_check_id = 0;
  if (document == NULL || ss_document_get_modified (document) || state->reload_dialog != NULL
      || state->loading != NULL || !changed_on_disk (self, &now)
      || (state->declined.valid && ss_file_stamp_equal (&state->declined, &now)))
    return G_SOURCE_REMOVE;

  state->declined = now;
  name = document_display_name (document);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Another program changed “%s” after it was opened here. "
                                    "Reload it to see the changes?"), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "keep", _("_Keep This Version"),
                                    "reload", _("_Reload"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_reload_response), self, 0);
  state->reload_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
on_file_event (GFileMonitor      *monitor,
               GFile             *file,
               GFile             *other,
               GFileMonitorEvent  event,
               FilesState        *state)
{
  g_clear_handle_id (&state->disk_check_id, g_source_remove);
  state->disk_check_id = g_timeout_add (DISK_CHECK_DELAY_MS, check_disk, state->window);
}

/* Follows the document's file: a new document, or Save As. */
static void
watch_file (SsWindow *self)
{
  FilesState *state = files_state (self);
  SsDocument *document = ss_window_get_document (self);
  GFile *file = document != NULL ? ss_document_get_file (document) : NULL;

  if (state->monitor != NULL)
    g_signal_handlers_disconnect_by_data (state->monitor, state);
  g_clear_object (&state->monitor);
  g_clear_handle_id (&state->disk_check_id, g_source_remove);
  memset (&state->declined, 0, sizeof state->declined);
  if (file == NULL || state->gone)
    return;
  state->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, NULL);
  if (state->monitor != NULL)
    g_signal_connect (state->monitor, "changed", G_CALLBACK (on_file_event), state);
}

/* The study to reopen at the next start: the file last opened or saved,
 * and, when a window closes, the file it showed (none for a study never
 * saved). */
static void
remember_last_study (SsWindow *self,
                     gboolean  closing)
{
  GSettings *settings = ss_window_get_settings (self);
  SsDocument *document = ss_window_get_document (self);
  GFile *file = document != NULL ? ss_document_get_file (document) : NULL;
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : g_strdup ("");

  if (settings != NULL && (file != NULL || closing))
    g_settings_set_string (settings, "last-study", uri);
}

static void
on_file_changed (SsWindow *self)
{
  watch_file (self);
  remember_last_study (self, FALSE);
}

void
ss_window_files_set_document (SsWindow   *self,
                              SsDocument *document)
{
  g_signal_connect_object (document, "notify::file", G_CALLBACK (on_file_changed), self, G_CONNECT_SWAPPED);
  on_file_changed (self);
}

/* gtk_window_destroy() unrealizes the window at once, but disposes of it
 * only once the last reference goes, which a worker thread may hold for a
 * while: stop watching and loading, and note the last study, then. */
static void
on_window_gone (SsWindow *self)
{
  FilesState *state = files_state (self);

  if (state == NULL || state->gone)
    return;
  state->gone = TRUE;
  remember_last_study (self, TRUE);
  ss_window_cancel_load (self);
  if (state->monitor != NULL)
    g_signal_handlers_disconnect_by_data (state->monitor, state);
  g_clear_object (&state->monitor);
  g_clear_handle_id (&state->disk_check_id, g_source_remove);
}

/* --- Saving ------------------------------------------------------------ */

/* What to do after a save: `then`, or nothing but the save. */
static PendingAction *
pending_or_nothing (SsWindow      *self,
                    PendingAction *then)
{
  if (then == NULL)
    {
      then = g_new0 (PendingAction, 1);
      then->window = g_object_ref (self);
      then->pending = (SsPending)-1;
    }
  return then;
}

/* Shows a question whose answer goes on with `then`, which it owns. */
static void
present_owning (GtkWidget     *dialog,
                GCallback      on_response,
                PendingAction *then)
{
  g_signal_connect_data (dialog, "response", on_response, then,
                         (GClosureNotify)(void (*) (void))pending_action_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

/* The dialog owns `then`; Save As passes it on. */
static void
on_save_as_offer_response (AdwMessageDialog *dialog,
                           const char       *response,
                           PendingAction    *then)
{
  if (then->answered)
    return;
  then->answered = TRUE;
  if (g_str_equal (response, "save-as"))
    save_as (then->window, pending_action_copy (then));
}

/* A file the save will not replace (read-only, not a regular file, owned
 * by someone else): say so, and offer to save under another name. */
static void
offer_save_as (SsWindow      *self,
               GFile         *file,
               const GError  *error,
               PendingAction *then)
{
  g_autofree char *name = display_name (file);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    heading = g_strdup (_("The File Is Read-Only"));
  else
    heading = g_strdup (_("The Study Could Not Be Saved"));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("%s is marked read-only, so it was left as it is. "
                                      "Save the study under another name to keep your changes."),
                                    name);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("File: %s\n\n%s\n\nSave the study under another name to keep "
                                      "your changes."), name, error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  present_owning (dialog, G_CALLBACK (on_save_as_offer_response), pending_or_nothing (self, then));
}

/* Writes the study to `file`. On success goes on with `then`; where the
 * file is refused, offers Save As (then goes on after it); on any other
 * failure shows why. Takes `then`. */
static gboolean
save_to (SsWindow      *self,
         GFile         *file,
         PendingAction *then)
{
  SsDocument *document = ss_window_get_document (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = display_name (file);
  SsFileStamp stamp;

  if (!ss_study_save_file_full (ss_document_get_study (document), file, FALSE, &stamp, &error))
    {
      if (is_refusal (error))
        offer_save_as (self, file, error, g_steal_pointer (&then));
      else
        {
          show_error (self, _("The Study Could Not Be Saved"), name, error->message);
        }
      g_clear_pointer (&then, pending_action_free);
      return FALSE;
    }
  ss_document_set_file (document, file);
  ss_document_set_disk_stamp (document, &stamp);
  ss_document_mark_saved (document);
  remember_file (self, file);
  {
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

    ss_window_toast (self, message);
  }
  if (then != NULL && then->pending != (SsPending)-1)
    run_pending (then);
  g_clear_pointer (&then, pending_action_free);
  return TRUE;
}

gboolean
ss_window_save_to (SsWindow *self,
                   GFile    *file)
{
  return save_to (self, file, NULL);
}

/* The dialog owns `then`. */
static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             PendingAction    *then)
{
  SsWindow *self = then->window;
  GFile *file;

  if (then->answered)
    return;
  then->answered = TRUE;
  file = ss_document_get_file (ss_window_get_document (self));
  if (g_str_equal (response, "overwrite") && file != NULL)
    save_to (self, file, pending_action_copy (then));
  else if (g_str_equal (response, "save-as"))
    save_as (self, pending_action_copy (then));
}

static void
ask_changed_on_disk (SsWindow      *self,
                     PendingAction *then)
{
  g_autofree char *name = document_display_name (ss_window_get_document (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Another program changed “%s” after it was opened here. "
                                    "Overwriting it loses those changes; Save As keeps both."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"), "overwrite", _("_Overwrite"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  present_owning (dialog, G_CALLBACK (on_changed_on_disk_response), pending_or_nothing (self, then));
}

/* Save, then go on with what was pending (closing, opening…). */
static void
save (SsWindow      *self,
      PendingAction *then)
{
  GFile *file = ss_document_get_file (ss_window_get_document (self));

  SsFileStamp now;

  if (file == NULL)
    {
      save_as (self, then);
      return;
    }
  /* Never overwrite unawares what another program wrote meanwhile. */
  if (changed_on_disk (self, &now))
    {
      ask_changed_on_disk (self, then);
      return;
    }
  save_to (self, file, then);
}

static GtkFileFilter *
study_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Supply Shift studies"));
  gtk_file_filter_add_suffix (filter, "supplyshift");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_filter_add_mime_type (filter, "application/x-supplyshift+xml");
  return filter;
}

static void
on_save_as_response (GtkNativeDialog *dialog,
                     int              response,
                     PendingAction   *then)
{
  SsWindow *self = then->window;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      /* A study saved without the extension would not be recognised. */
      if (!g_str_has_suffix (name, ".supplyshift") && !g_str_has_suffix (name, ".xml"))
        {
          g_autofree char *with = g_strconcat (name, ".supplyshift", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_set_object (&file, g_file_get_child (parent, with));
        }
      save_to (self, file, then);
      return;
    }
  pending_action_free (then);
}

static void
save_as (SsWindow      *self,
         PendingAction *then)
{
  const SsStudy *study = ss_document_get_study (ss_window_get_document (self));
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Save Study"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                              _("_Cancel"));
  GFile *current = ss_document_get_file (ss_window_get_document (self));
  g_autoptr(GtkFileFilter) filter = study_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), current, NULL);
  else
    {
      g_autofree char *name = g_strdup_printf ("%s.supplyshift", ss_study_get_meta (study)->title);

      g_strdelimit (name, "/\\:", '-');
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response),
                    pending_or_nothing (self, then));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  SsWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    ss_window_load_file_async (self, file);
  g_object_unref (self);
}

static void
open_dialog (SsWindow *self)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Open Study"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                              _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = study_filter ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A new study: the sample's countries and thresholds, one placeholder
 * item bought from the first country, no scenarios. */
static SsStudy *
new_blank_study (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  SsMeta *meta = ss_study_get_meta (study);

  while (ss_study_get_n_scenarios (study) > 0)
    ss_study_remove_scenario (study, 0);
  while (ss_study_get_n_items (study) > 0)
    ss_study_remove_item (study, 0);
  g_free (meta->title);
  meta->title = g_strdup (_("Untitled study"));
  g_free (meta->description);
  meta->description = g_strdup ("");
  g_free (meta->source);
  meta->source = g_strdup ("");

  ss_study_add_default_item (study, "item-1", _("New item"));
  return g_steal_pointer (&study);
}

static void
run_pending (PendingAction *action)
{
  SsWindow *self = action->window;

  switch (action->pending)
    {
    case SS_PENDING_CLOSE:
      ss_window_close_confirmed (self);
      break;
    case SS_PENDING_OPEN_DIALOG:
      open_dialog (self);
      break;
    case SS_PENDING_OPEN_FILE:
      ss_window_load_file_async (self, action->file);
      break;
    case SS_PENDING_NEW:
      {
        g_autoptr(SsStudy) study = new_blank_study ();

        ss_window_set_study (self, study, NULL);
      }
      break;
    case SS_PENDING_NEW_FROM_SAMPLE:
      {
        g_autoptr(SsStudy) study = ss_study_load_sample ();

        ss_window_set_study (self, study, NULL);
      }
      break;
    default:
      break;
    }
}

static PendingAction *
pending_action_copy (PendingAction *action)
{
  PendingAction *copy = g_new0 (PendingAction, 1);

  copy->window = g_object_ref (action->window);
  copy->pending = action->pending;
  g_set_object (&copy->file, action->file);
  return copy;
}

/* The action belongs to the dialog (freed with it); it is answered once. */
static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     PendingAction    *action)
{
  if (action->answered)
    return;
  action->answered = TRUE;

  if (g_str_equal (response, "discard"))
    run_pending (action);
  else if (g_str_equal (response, "save"))
    save (action->window, pending_action_copy (action));
}

/* Runs `pending` now if nothing would be lost, else asks first. */
void
ss_window_confirm_discard (SsWindow  *self,
                           SsPending  pending,
                           GFile     *file)
{
  SsDocument *document = ss_window_get_document (self);
  PendingAction *action = g_new0 (PendingAction, 1);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  action->window = g_object_ref (self);
  action->pending = pending;
  g_set_object (&action->file, file);

  if (document == NULL || !ss_document_get_modified (document))
    {
      run_pending (action);
      pending_action_free (action);
      return;
    }

  name = document_display_name (document);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved will be lost."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_discard_response), action,
                         (GClosureNotify)(void (*) (void))pending_action_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Export ------------------------------------------------------------ */

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    SsWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file != NULL)
    {
      g_autofree char *name = display_name (file);
      g_autofree char *path = g_file_get_path (file);
      gboolean written;

      /* Through the same safe write as a study (links, read-only files, FIFOs). */
      csv = ss_report_generate (ss_window_get_study (self), SS_REPORT_CSV, &error);
      if (csv == NULL)
        written = FALSE;
      else if (path != NULL)
        written = ss_safe_file_set_contents (path, csv, strlen (csv), SS_SAFE_FILE_NONE, NULL, &error);
      else
        written = g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE,
                                           NULL, NULL, &error);
      if (!written)
        {
          show_error (self, _("The Report Could Not Be Written"), name, error->message);
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Report exported to “%s”"), name);

          ss_window_toast (self, message);
        }
    }
  g_object_unref (self);
}

/* --- Actions ----------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ss_window_confirm_discard (SS_WINDOW (widget),
                             g_str_equal (action_name, "win.new") ? SS_PENDING_NEW : SS_PENDING_NEW_FROM_SAMPLE,
                             NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ss_window_confirm_discard (SS_WINDOW (widget), SS_PENDING_OPEN_DIALOG, NULL);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  ss_window_confirm_discard (SS_WINDOW (widget), SS_PENDING_OPEN_FILE, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (SS_WINDOW (widget), NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (SS_WINDOW (widget), NULL);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Export Report as CSV"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                              _("_Cancel"));
  g_autofree char *name = g_strdup_printf ("%s.csv", ss_study_get_meta (ss_window_get_study (self))->title);

  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SsWindow      *self)
{
  GSList *files = g_value_get_boxed (value);

  if (files == NULL)
    return FALSE;
  ss_window_confirm_discard (self, SS_PENDING_OPEN_FILE, files->data);
  return TRUE;
}

void
ss_window_files_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-sample", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-from-sample", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

void
ss_window_files_init (SsWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  FilesState *state = g_new0 (FilesState, 1);
  GtkWidget *content = _ss_window_get_content (self);

  state->window = self;
  g_object_set_data_full (G_OBJECT (self), "ss-files-state", state, (GDestroyNotify)files_state_free);
  state->loading_bar = create_loading_bar (self);
  g_signal_connect (self, "unrealize", G_CALLBACK (on_window_gone), NULL);
  g_signal_connect (self, "destroy", G_CALLBACK (on_window_gone), NULL);
  gtk_widget_insert_before (state->loading_bar, gtk_widget_get_parent (content), content);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  rebuild_recent_menu (self);
}
