/* ss-window.c: a study's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For now the window shows the study's title and its items with their
 * alert level in the baseline; the scenario editor builds on it.
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-engine.h"
#include "ss-study-file.h"
#include "ss-window.h"

struct _SsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *title;
  GtkListBox           *item_list;
  AdwToastOverlay      *toasts;

  /* Owned */
  SsStudy              *study;
  GFile                *file;
  SsProjection         *baseline;
};

G_DEFINE_FINAL_TYPE (SsWindow, ss_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
alert_label (SsAlertLevel level)
{
  switch (level)
    {
    case SS_ALERT_CRITICAL: return _("Critical");
    case SS_ALERT_WARNING: return _("Warning");
    case SS_ALERT_WATCH: return _("Watch");
    case SS_ALERT_NONE:
    default: return _("No alert");
    }
}

static const char *
alert_css_class (SsAlertLevel level)
{
  switch (level)
    {
    case SS_ALERT_CRITICAL: return "error";
    case SS_ALERT_WARNING: return "warning";
    case SS_ALERT_WATCH: return "accent";
    case SS_ALERT_NONE:
    default: return "success";
    }
}

static void
ss_window_rebuild (SsWindow *self)
{
  GtkWidget *child;
  g_autofree char *subtitle = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list))) != NULL)
    gtk_list_box_remove (self->item_list, child);

  if (self->file != NULL)
    subtitle = g_file_get_basename (self->file);
  else
    subtitle = g_strdup (_("Sample study"));
  adw_window_title_set_title (self->title, ss_study_get_meta (self->study)->title);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), ss_study_get_meta (self->study)->title);

  ss_engine_project (self->study, SS_BASELINE, NULL, self->baseline);

  for (guint i = 0; i < ss_study_get_n_items (self->study); i++)
    {
      SsItem *item = ss_study_get_item (self->study, i);
      SsAlertLevel level = self->baseline->alert[ss_projection_at (self->baseline, i, 0)];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge = gtk_label_new (alert_label (level));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->code);
      gtk_widget_add_css_class (badge, alert_css_class (level));
      gtk_widget_add_css_class (badge, "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_list_box_append (self->item_list, row);
    }
}

void
ss_window_set_study (SsWindow *self,
                     SsStudy  *study,
                     GFile    *file)
{
  g_return_if_fail (SS_IS_WINDOW (self));
  g_return_if_fail (SS_IS_STUDY (study));

  g_set_object (&self->study, study);
  g_set_object (&self->file, file);
  ss_window_rebuild (self);
}

SsStudy *
ss_window_get_study (SsWindow *self)
{
  return self->study;
}

/* A file that does not load leaves the study that is open as it was. */
gboolean
ss_window_open_file (SsWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(SsStudy) study = ss_study_load_file (file, name, &error);

  if (study == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The study could not be opened"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      if (self->study == NULL)
        {
          g_autoptr(SsStudy) sample = ss_study_load_sample ();

          ss_window_set_study (self, sample, NULL);
        }
      return FALSE;
    }
  ss_window_set_study (self, study, file);
  return TRUE;
}

static void
ss_window_dispose (GObject *object)
{
  SsWindow *self = SS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_WINDOW);
  g_clear_object (&self->study);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ss_window_parent_class)->dispose (object);
}

static void
ss_window_finalize (GObject *object)
{
  SsWindow *self = SS_WINDOW (object);

  g_clear_pointer (&self->baseline, ss_projection_free);

  G_OBJECT_CLASS (ss_window_parent_class)->finalize (object);
}

static void
ss_window_class_init (SsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_window_dispose;
  object_class->finalize = ss_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/supplyshift/SupplyShift/ui/ss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SsWindow, title);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, item_list);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, toasts);
}

static void
ss_window_init (SsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->baseline = ss_projection_new ();
}

SsWindow *
ss_window_new (SsApplication *app)
{
  return g_object_new (SS_TYPE_WINDOW, "application", app, NULL);
}
