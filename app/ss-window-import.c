/* ss-window-import.c: File → Import Trade Statistics…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The action asks for a file, and the preview (widgets/ss-import-window.c)
 * reads it and shows what it would change before anything does. Into the
 * open study, Import is one document operation, so one undo step; a new
 * study opens in a window of its own, so nothing open is ever replaced.
 * Importing does not touch the file the study was read from: the study
 * is modified until it is saved.
 *
 * SUPPLYSHIFT_IMPORT=FILE opens the preview of FILE at start-up, at the
 * size SUPPLYSHIFT_IMPORT_SIZE=WxH when it is set, with the items map
 * SUPPLYSHIFT_IMPORT_MAP=MAP.csv when it is set. They exist for
 * build-aux/screenshot and for trying a file by hand.
 */

#define G_LOG_DOMAIN "supplyshift-window-import"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-import-window.h"
#include "ss-safe-file.h"
#include "ss-window-private.h"

static void
on_new_study (SsImportWindow *preview,
              SsStudy        *study,
              SsWindow       *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  SsWindow *window = ss_window_new (app != NULL ? SS_APPLICATION (app) : NULL);

  ss_window_set_study (window, study, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

/* "Imported “kcs-2024.csv”: 12 items updated, 2 countries added". */
static void
on_applied (SsImportWindow  *preview,
            SsImportSummary *summary,
            SsWindow        *self)
{
  g_autofree char *name = ss_file_get_display_basename (ss_import_window_get_file (preview));
  g_autofree char *isolated = ss_bidi_isolate (name);
  g_autofree char *message = NULL;
  guint items = summary->items_changed->len + summary->items_added->len;

  if (summary->countries_set->len > 0)
    message = g_strdup_printf (ngettext ("Imported “%s”: governance of %u country", "Imported “%s”: governance of %u countries",
                                         summary->countries_set->len),
                               isolated, summary->countries_set->len);
  else if (summary->countries_added->len > 0)
    {
      g_autofree char *countries = g_strdup_printf (ngettext ("%u country added", "%u countries added",
                                                              summary->countries_added->len),
                                                    summary->countries_added->len);

      /* Translators: the file, the number of items, then "2 countries added" */
      message = g_strdup_printf (ngettext ("Imported “%s”: %u item, %s", "Imported “%s”: %u items, %s", items),
                                 isolated, items, countries);
    }
  else
    message = g_strdup_printf (ngettext ("Imported “%s”: %u item", "Imported “%s”: %u items", items),
                               isolated, items);
  ss_window_toast (self, message);
}

/**
 * ss_window_import_file:
 *
 * Opens the preview of importing @file into the window's study.
 *
 * Returns: (transfer none): the preview window
 */
static GtkWidget *
new_preview (SsWindow *self,
             GFile    *file)
{
  GtkWidget *preview = ss_import_window_new (ss_window_get_document (self), file);

  gtk_window_set_transient_for (GTK_WINDOW (preview), GTK_WINDOW (self));
  g_signal_connect_object (preview, "new-study", G_CALLBACK (on_new_study), self, 0);
  g_signal_connect_object (preview, "applied", G_CALLBACK (on_applied), self, 0);
  return preview;
}

GtkWidget *
ss_window_import_file (SsWindow *self,
                       GFile    *file)
{
  GtkWidget *preview;

  g_return_val_if_fail (SS_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  preview = new_preview (self, file);
  gtk_window_present (GTK_WINDOW (preview));
  return preview;
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    SsWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    ss_window_import_file (self, file);
  g_object_unref (self);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *suffix,
            ...)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, suffix);
  for (const char *s = suffix; s != NULL; s = va_arg (args, const char *))
    {
      if (strchr (s, '/') != NULL)
        gtk_file_filter_add_mime_type (filter, s);
      else
        gtk_file_filter_add_suffix (filter, s);
    }
  va_end (args);
  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Import Trade Statistics"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                              _("_Cancel"));
  g_autoptr(GtkFileFilter) both = new_filter (_("Trade statistics (CSV, XML)"), "csv", "xml", "text/csv",
                                              "application/xml", "text/xml", NULL);
  g_autoptr(GtkFileFilter) csv = new_filter (_("CSV files (Korea Customs, UN Comtrade, WGI)"), "csv",
                                             "text/csv", NULL);
  g_autoptr(GtkFileFilter) xml = new_filter (_("XML files (Korea Customs OpenAPI)"), "xml", "application/xml",
                                             "text/xml", NULL);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), both);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), xml);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
ss_window_import_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
}

/* The preview is transient for the window: open it once the window is
 * on screen. */
static gboolean
show_initial_import (gpointer data)
{
  SsWindow *self = data;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_getenv ("SUPPLYSHIFT_IMPORT"));
  GtkWidget *preview = new_preview (self, file);
  const char *size = g_getenv ("SUPPLYSHIFT_IMPORT_SIZE");
  const char *map = g_getenv ("SUPPLYSHIFT_IMPORT_MAP");
  int width, height;

  /* Sized before it is shown: resizing a window just mapped left it
   * unpainted under Xvfb, where no window manager answers. */
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) == 2)
    gtk_window_set_default_size (GTK_WINDOW (preview), width, height);
  if (map != NULL && *map != '\0')
    {
      g_autoptr(GFile) map_file = g_file_new_for_commandline_arg (map);

      ss_import_window_set_items_map (SS_IMPORT_WINDOW (preview), map_file);
    }
  gtk_window_present (GTK_WINDOW (preview));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
on_window_mapped (SsWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_window_mapped, NULL);
  g_idle_add (show_initial_import, g_object_ref (self));
}

/* For the first window only: a study the preview opens in a new window
 * must not open the preview again. */
void
ss_window_import_init (SsWindow *self)
{
  static gboolean done;
  const char *initial = g_getenv ("SUPPLYSHIFT_IMPORT");

  if (initial != NULL && *initial != '\0' && !done)
    {
      done = TRUE;
      g_signal_connect (self, "map", G_CALLBACK (on_window_mapped), NULL);
    }
}
