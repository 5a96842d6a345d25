/* ss-window-files.c: new, open, save, export, recent files and the guard
 * against losing unsaved changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file that fails to load shows its problems and leaves the open study
 * as it was; saving goes through the model's atomic save. Before anything
 * replaces or closes a study with unsaved changes, the window asks.
 */

#define G_LOG_DOMAIN "supplyshift-window-files"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-report.h"
#include "ss-study-file.h"
#include "ss-window-private.h"

#define MAX_RECENT 10

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
      g_autofree char *name = g_file_get_basename (file);
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

static void
show_error (SsWindow   *self,
            const char *heading,
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
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Loading and saving ------------------------------------------------ */

/* Shows what loading `file` gave: the study, or its problems in a dialog
 * (the study that is open stays as it was). */
static gboolean
finish_load (SsWindow *self,
             GFile    *file,
             SsStudy  *study,
             GError   *error)
{
  g_autofree char *name = g_file_get_basename (file);

  if (study == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” could not be opened"), name);

      show_error (self, heading, error->message);
      return FALSE;
    }
  ss_window_set_study (self, study, file);
  remember_file (self, file);
  return TRUE;
}

gboolean
ss_window_load_file (SsWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(SsStudy) study = ss_study_load_file (file, name, &error);

  return finish_load (self, file, study, error);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *name = g_file_get_basename (file);
  GError *error = NULL;
  SsStudy *study = ss_study_load_file (file, name, &error);

  if (study == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, study, g_object_unref);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SsWindow *self = SS_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = g_task_propagate_pointer (G_TASK (result), &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  finish_load (self, file, study, error);
}

/* Loads in a worker thread: checking a large study against the schema
 * takes seconds (a 10 000-item study about 15), and the window must not
 * freeze meanwhile. libxml2 keeps its error handler per thread. */
void
ss_window_load_file_async (SsWindow *self,
                           GFile    *file)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_loaded, NULL);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Opening “%s”…"), name);

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  ss_window_toast (self, message);
  g_task_run_in_thread (task, load_in_thread);
}

gboolean
ss_window_save_to (SsWindow *self,
                   GFile    *file)
{
  SsDocument *document = ss_window_get_document (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  if (!ss_study_save_file (ss_document_get_study (document), file, FALSE, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” could not be saved"), name);

      show_error (self, heading, error->message);
      return FALSE;
    }
  ss_document_set_file (document, file);
  ss_document_mark_saved (document);
  remember_file (self, file);
  {
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

    ss_window_toast (self, message);
  }
  return TRUE;
}

/* Save, then go on with what was pending (closing, opening…). */
static void
save (SsWindow      *self,
      PendingAction *then)
{
  GFile *file = ss_document_get_file (ss_window_get_document (self));

  if (file == NULL)
    {
      save_as (self, then);
      return;
    }
  if (ss_window_save_to (self, file) && then != NULL)
    run_pending (then);
  g_clear_pointer (&then, pending_action_free);
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
      if (ss_window_save_to (self, file) && then->pending != (SsPending)-1)
        {
          run_pending (then);
          return;
        }
    }
  pending_action_free (then);
}

static void
save_as (SsWindow      *self,
         PendingAction *then)
{
  SsStudy *study = ss_document_get_study (ss_window_get_document (self));
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
  if (then == NULL)
    {
      then = g_new0 (PendingAction, 1);
      then->window = g_object_ref (self);
      then->pending = (SsPending)-1;
    }
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_as_response), then);
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
  SsItem *item;
  guint index;

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

  index = ss_study_add_item (study, "item-1", _("New item"));
  item = ss_study_get_item (study, index);
  item->attr[SS_ITEM_VALUE] = 100;
  item->set |= 1u << SS_ITEM_VALUE;
  item->sources[0].attr[SS_SOURCE_SHARE] = 1;
  item->sources[0].listed = TRUE;
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

  name = ss_document_get_display_name (document);
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
      g_autofree char *name = g_file_get_basename (file);

      csv = ss_report_generate (ss_window_get_study (self), SS_REPORT_CSV);
      if (!g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                    &error))
        {
          g_autofree char *heading = g_strdup_printf (_("“%s” could not be written"), name);

          show_error (self, heading, error->message);
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

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  rebuild_recent_menu (self);
}
