/* ss-window-brief.c: File → Export Briefing…, the briefing pack from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same PDF as `supplyshift --brief=OUT.pdf FILE` (charts/ssc-brief.c,
 * docs/decisions.md "Briefing pack"): the study as the window holds it,
 * named by its file's name, dated SOURCE_DATE_EPOCH or the file's last
 * change, in the locale's language. Written in one piece
 * (ss-safe-file.c): a folder that cannot be written leaves no file
 * behind, and a dialog names the file and says why.
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-safe-file.h"
#include "ssc-brief.h"
#include "ss-window-private.h"

/* Writes the briefing pack to @file; on failure a dialog names the file
 * and says why. TRUE when it was written. */
gboolean
ss_window_export_brief (SsWindow *self,
                        GFile    *file)
{
  SsDocument *document = self->document;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *title = NULL, *source_name = NULL, *path = NULL;
  g_autofree char *basename = NULL, *name = NULL;
  SscBriefInfo info = { 0 };
  gboolean done;

  g_return_val_if_fail (SS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  title = ss_document_get_display_name (document);
  source_name = ssc_brief_source_name (ss_document_get_file (document), title);
  date = ssc_brief_date (ss_document_get_file (document));
  info.source_name = source_name;
  info.date = date;
  path = g_file_get_path (file);
  basename = ss_file_get_display_basename (file);
  name = ss_bidi_isolate (basename);

  if (path == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("not a local file"));
  done = path != NULL && ssc_brief_write (document, &info, path, &error);
  if (!done)
    {
      /* Translators: the heading of a dialog when the briefing pack could not be written */
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Briefing Not Exported"), NULL);

      /* Translators: %1$s is a file's name, %2$s why it could not be written */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("“%1$s” could not be written: %2$s"), name,
                                      error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }
  {
    /* Translators: a toast; %s is a file's name */
    g_autofree char *message = g_strdup_printf (_("Briefing exported to “%s”"), name);

    ss_window_toast (self, message);
  }
  return TRUE;
}

static void
on_brief_response (GtkNativeDialog *dialog,
                   int              response,
                   SsWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL && self->document != NULL)
    ss_window_export_brief (self, file);
  g_object_unref (self);
}

/* "study-briefing.pdf", from the study file's name or its title. */
static char *
brief_file_name (SsWindow *self)
{
  GFile *file = ss_document_get_file (self->document);
  g_autofree char *stem = NULL;
  char *name, *dot;

  if (file != NULL)
    stem = ss_file_get_display_basename (file);
  else
    stem = g_strdup (ss_study_get_meta (ss_window_study (self))->title);
  dot = strrchr (stem, '.');
  if (file != NULL && dot != NULL && dot != stem)
    *dot = '\0';
  /* Translators: the briefing pack's default file name; %s is the study's */
  name = g_strdup_printf (_("%s-briefing.pdf"), stem);
  g_strdelimit (name, "/\\:", '-');
  return name;
}

static void
export_brief_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Briefing"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  name = brief_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  /* Translators: a file type in the file chooser */
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_brief_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
ss_window_brief_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-brief", NULL, export_brief_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-brief", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-brief", NULL);
}
