/* ss-window-autosave.c: a copy of each window's unsaved edits, and their
 * recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit only starts a timer (AUTOSAVE_DELAY_MS, once: further edits
 * while it runs do not push it back, so a stream of edits is still copied
 * every few seconds); nothing else happens on the path of a slider drag.
 * When the timer fires during a drag it waits for the drag to end. The
 * study is turned into XML on the main thread (the study is not shared
 * with threads) and written by a worker thread through ss-autosave.c.
 * The copy goes when the edits are saved, undone or discarded, or the
 * window closes: what is left at the next start was left by a crash.
 */

#define G_LOG_DOMAIN "supplyshift-window-autosave"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ss-autosave.h"
#include "ss-study-file.h"
#include "ss-window-private.h"

#define AUTOSAVE_DELAY_MS 3000
#define DRAG_RETRY_MS     1000

typedef struct
{
  SsWindow   *window;                  /* borrowed: owns this */
  SsDocument *document;                /* owned: outlives the window's own ref */
  char       *id;
  guint       timeout_id;
  GMutex      lock;                    /* held by the writer thread */
  gboolean    writing;
  gboolean    again;                   /* edits made while writing */
  gint        generation;              /* bumped whenever the copy is removed */
  gboolean    closed;
} AutosaveState;

typedef struct
{
  AutosaveState *state;
  char          *xml;
  char          *uri;
  char          *title;
  SsFileStamp    stamp;
  gint           generation;
} AutosaveJob;

static void schedule (AutosaveState *state, guint delay_ms);

static AutosaveState *
autosave_state (SsWindow *self)
{
  return g_object_get_data (G_OBJECT (self), "ss-autosave-state");
}

static void
autosave_job_free (AutosaveJob *job)
{
  g_free (job->xml);
  g_free (job->uri);
  g_free (job->title);
  g_free (job);
}

static void
remove_copy (AutosaveState *state)
{
  g_clear_handle_id (&state->timeout_id, g_source_remove);
  g_atomic_int_inc (&state->generation);
  state->again = FALSE;
  /* A write under way finishes first, so that it cannot bring the copy
   * back after it is removed. */
  g_mutex_lock (&state->lock);
  ss_autosave_remove (state->id);
  g_mutex_unlock (&state->lock);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  AutosaveJob *job = task_data;
  AutosaveState *state = job->state;
  g_autoptr(GError) error = NULL;

  g_mutex_lock (&state->lock);
  /* Removed while this waited: write nothing. */
  if (job->generation == g_atomic_int_get (&state->generation))
    {
      if (!ss_autosave_write (state->id, job->xml, strlen (job->xml), job->uri, job->title,
                              &job->stamp, &error))
        g_warning ("The autosave copy could not be written: %s", error->message);
    }
  g_mutex_unlock (&state->lock);
  g_task_return_boolean (task, TRUE);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SsWindow) window = user_data;          /* dropped here, in the main thread */
  AutosaveJob *job = g_task_get_task_data (G_TASK (result));
  AutosaveState *state = job->state;

  state->writing = FALSE;
  /* Saved, undone or closed while the copy was written: it must go. */
  if (state->closed || job->generation != g_atomic_int_get (&state->generation) || state->document == NULL
      || !ss_document_get_modified (state->document))
    {
      g_mutex_lock (&state->lock);
      ss_autosave_remove (state->id);
      g_mutex_unlock (&state->lock);
      return;
    }
  if (state->again)
    {
      state->again = FALSE;
      schedule (state, AUTOSAVE_DELAY_MS);
    }
}

static void
write_now (AutosaveState *state)
{
  SsDocument *document = state->document;
  const SsStudy *study = ss_document_get_study (document);
  GFile *file = ss_document_get_file (document);
  /* The window is the callback's data, not the task's source: the worker
   * may drop the task last, and must never dispose of a window. */
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_written, g_object_ref (state->window));
  AutosaveJob *job = g_new0 (AutosaveJob, 1);

  job->state = state;
  job->xml = ss_study_to_xml (study);
  job->uri = file != NULL ? g_file_get_uri (file) : NULL;
  job->title = g_strdup (ss_study_get_meta (study)->title);
  job->stamp = *ss_document_get_disk_stamp (document);
  job->generation = g_atomic_int_get (&state->generation);
  state->writing = TRUE;
  g_task_set_task_data (task, job, (GDestroyNotify)autosave_job_free);
  g_task_run_in_thread (task, write_in_thread);
}

static gboolean
on_timeout (gpointer user_data)
{
  AutosaveState *state = user_data;

  state->timeout_id = 0;
  if (state->closed || state->document == NULL)
    return G_SOURCE_REMOVE;
  /* Never in the middle of a drag: the drag's frames come first (and the
   * document counts the edit only once it ends). */
  if (ss_document_in_edit (state->document))
    {
      schedule (state, DRAG_RETRY_MS);
      return G_SOURCE_REMOVE;
    }
  if (!ss_document_get_modified (state->document))
    return G_SOURCE_REMOVE;
  if (state->writing)
    state->again = TRUE;
  else
    write_now (state);
  return G_SOURCE_REMOVE;
}

static void
schedule (AutosaveState *state,
          guint          delay_ms)
{
  if (state->timeout_id == 0 && !state->closed)
    state->timeout_id = g_timeout_add (delay_ms, on_timeout, state);
}

/* Called for every change, many times a second in a drag: only starts
 * the timer when none runs. */
static void
on_document_changed (AutosaveState *state)
{
  schedule (state, AUTOSAVE_DELAY_MS);
}

static void
on_modified_changed (AutosaveState *state)
{
  if (state->document != NULL && !ss_document_get_modified (state->document))
    remove_copy (state);
}

void
ss_window_autosave_set_document (SsWindow   *self,
                                 SsDocument *document)
{
  AutosaveState *state = autosave_state (self);

  if (state->document != NULL)
    g_signal_handlers_disconnect_by_data (state->document, state);
  /* The copy was of the study this window had; a new one starts clean. */
  remove_copy (state);
  g_set_object (&state->document, document);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), state);
  g_signal_connect_swapped (document, "notify::modified", G_CALLBACK (on_modified_changed), state);
  if (ss_document_get_modified (document))
    schedule (state, AUTOSAVE_DELAY_MS);
}

static void
autosave_state_free (AutosaveState *state)
{
  g_free (state->id);
  g_clear_object (&state->document);
  g_mutex_clear (&state->lock);
  g_free (state);
}

/* Closing the window is the user's decision about its edits (the window
 * asked): the copy goes. Called as the window closes, and again (doing
 * nothing then) when it is destroyed. */
void
ss_window_autosave_close (SsWindow *self)
{
  AutosaveState *state = autosave_state (self);

  if (state == NULL || state->closed)
    return;
  state->closed = TRUE;
  if (state->document != NULL)
    g_signal_handlers_disconnect_by_data (state->document, state);
  remove_copy (state);
  g_clear_object (&state->document);
}

void
ss_window_autosave_init (SsWindow *self)
{
  AutosaveState *state = g_new0 (AutosaveState, 1);

  state->window = self;
  state->id = ss_autosave_new_id ();
  g_mutex_init (&state->lock);
  g_object_set_data_full (G_OBJECT (self), "ss-autosave-state", state,
                          (GDestroyNotify)autosave_state_free);
  /* Unrealized at once by gtk_window_destroy(); disposed maybe later. */
  g_signal_connect (self, "unrealize", G_CALLBACK (ss_window_autosave_close), NULL);
  g_signal_connect (self, "destroy", G_CALLBACK (ss_window_autosave_close), NULL);
}

const char *
ss_window_autosave_get_id (SsWindow *self)
{
  return autosave_state (self)->id;
}

/* --- Recovery ---------------------------------------------------------- */

/**
 * ss_window_recover:
 * @self: a window
 * @entry: a copy a crash left
 * @error: why it could not be read
 *
 * Shows the copy's study in @self, as unsaved edits of the file it was a
 * copy of, and makes the copy this window's own.
 */
gboolean
ss_window_recover (SsWindow         *self,
                   SsAutosaveEntry  *entry,
                   GError          **error)
{
  g_autoptr(SsStudy) study = ss_autosave_entry_load (entry, error);
  g_autoptr(GFile) file = entry->uri != NULL ? g_file_new_for_uri (entry->uri) : NULL;
  SsDocument *document;

  if (study == NULL)
    return FALSE;
  ss_window_set_study (self, study, file);
  document = ss_window_get_document (self);
  if (entry->stamp.valid)
    ss_document_set_disk_stamp (document, &entry->stamp);
  if (!ss_autosave_entry_adopt (entry, ss_window_autosave_get_id (self), error))
    return FALSE;
  /* Marking the study unsaved makes the window keep the copy. */
  ss_document_mark_unsaved (document);
  return TRUE;
}

typedef struct
{
  SsWindow  *window;
  GPtrArray *entries;
  guint      next;
} RecoveryOffer;

static void offer_next (RecoveryOffer *offer);

static void
recovery_offer_free (RecoveryOffer *offer)
{
  g_clear_object (&offer->window);
  g_ptr_array_unref (offer->entries);
  g_free (offer);
}

/* The window to recover into: this one while it shows nothing of the
 * user's (the sample, unedited, nothing loading), else a new one. */
static SsWindow *
target_window (SsWindow *self)
{
  SsDocument *document = ss_window_get_document (self);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  SsWindow *window;

  if (document != NULL && ss_document_get_file (document) == NULL && !ss_document_get_modified (document)
      && !ss_window_is_loading (self))
    return self;
  window = ss_window_new (app != NULL ? SS_APPLICATION (app) : NULL);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      RecoveryOffer    *offer)
{
  SsAutosaveEntry *entry = g_ptr_array_index (offer->entries, offer->next);

  if (g_str_equal (response, "recover"))
    {
      SsWindow *window = target_window (offer->window);
      g_autoptr(GError) error = NULL;

      if (!ss_window_recover (window, entry, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The unsaved changes could not be recovered: %s"),
                                                      error->message);

          ss_window_toast (window, message);
        }
      else
        ss_window_toast (window, _("Unsaved changes recovered: save them to keep them"));
    }
  else if (g_str_equal (response, "discard"))
    ss_autosave_remove (entry->id);
  /* "later" (Escape, closing the dialog) keeps the copy for the next start. */

  offer->next++;
  if (offer->next < offer->entries->len)
    offer_next (offer);
  else
    recovery_offer_free (offer);
}

static char *
describe_entry (SsAutosaveEntry *entry)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (entry->time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;

  /* Today: the time; before: the date too, in the user's locale. */
  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    when = g_date_time_format (local, "%X");
  else
    when = g_date_time_format (local, "%x %X");

  if (entry->uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (entry->uri);

      name = ss_file_get_display_basename (file);
      /* Translators: "Supply Shift stopped before the changes to
       * “study.supplyshift” (Korea key materials) were saved. The last of
       * them were kept at 14:32:05." */
      return g_strdup_printf (_("Supply Shift stopped before the changes to “%s” (%s) were saved. "
                                "The last of them were kept at %s."), name, entry->title, when);
    }
  /* Translators: the study was never saved, so it has only a title */
  return g_strdup_printf (_("Supply Shift stopped before the changes to the study “%s”, never "
                            "saved, were kept in a file. The last of them were kept at %s."),
                          entry->title, when);
}

static void
offer_next (RecoveryOffer *offer)
{
  SsAutosaveEntry *entry = g_ptr_array_index (offer->entries, offer->next);
  g_autofree char *body = describe_entry (entry);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (offer->window), _("Recover Unsaved Changes?"),
                                              body);

  /* Also the window's name, which screen readers and tests see. */
  gtk_window_set_title (GTK_WINDOW (dialog), _("Recover Unsaved Changes"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "discard", _("_Discard"),
                                    "recover", _("_Recover"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (on_recovery_response), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ss_window_offer_recovery:
 * @self: the window to ask over
 * @entries: (transfer full) (element-type SsAutosaveEntry): copies a crash left
 *
 * Asks about each copy in turn: Recover (into @self if it shows nothing
 * of the user's, else into a new window), Discard, or close the dialog to
 * be asked again at the next start.
 */
void
ss_window_offer_recovery (SsWindow  *self,
                          GPtrArray *entries)
{
  RecoveryOffer *offer;

  if (entries->len == 0)
    {
      g_ptr_array_unref (entries);
      return;
    }
  offer = g_new0 (RecoveryOffer, 1);
  offer->window = g_object_ref (self);
  offer->entries = entries;
  offer_next (offer);
}
