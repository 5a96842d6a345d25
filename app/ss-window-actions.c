/* ss-window-actions.c: the window's actions, and the study data window they open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo, redo, reset an item, search, the item list shown or put away,
 * and the study data window (the Study, Countries, Items and Scenarios
 * pages, in a window of their own);
 * the file actions are in ss-window-files.c, the chart's in
 * ss-window-charts.c.
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-help.h"
#include "ss-window-private.h"

static void
reset_item_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);

  if (self->scenario != SS_BASELINE && self->item >= 0)
    ss_document_clear_target (self->document, self->scenario, self->item);
}

/* Not in the middle of a drag: the drag's edit is one step, undone once
 * it is finished. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsDocument *document = SS_WINDOW (widget)->document;

  if (!ss_document_in_edit (document))
    ss_document_undo (document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsDocument *document = SS_WINDOW (widget)->document;

  if (!ss_document_in_edit (document))
    ss_document_redo (document);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* F9, as in other GNOME applications: the item list, shown or put away
 * (beside the page, or over it when folded). */
static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

void
ss_window_actions_update (SsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", ss_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", ss_document_can_redo (self->document));
}

/* The study data window passes undo, redo and save on to the main
 * window, whose actions they are. */
static gboolean
forward_action (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  SsWindow *self = user_data;
  const char *action = g_variant_get_string (args, NULL);

  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
add_forward (SsWindow              *self,
             GtkShortcutController *controller,
             guint                  key,
             GdkModifierType        modifiers,
             const char            *action)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                            gtk_callback_action_new (forward_action, self, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_string (action));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* The study data window is not the application's, so the application's
 * F1 does not reach it: it has its own, for the page about it. */
static gboolean
data_window_help (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  SsWindow *self = user_data;

  ss_help_show (GTK_WINDOW (self->data_window), "study-data");
  return TRUE;
}

/* Countries, items and scenarios are edited in a window of their own
 * (SsDataWindow), so the main window stays the scenario editor. It is
 * made when first opened: its pages hold a row and a field for every
 * country and attribute, which a window that never opens it should not
 * pay for at start-up. */
SsDataWindow *
ss_window_data_window (SsWindow *self)
{
  if (self->data_window != NULL)
    return self->data_window;
  self->data_window = SS_DATA_WINDOW (ss_data_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (self->data_window), GTK_WINDOW (self));

  {
    GtkEventController *controller = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
    add_forward (self, GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_z, GDK_CONTROL_MASK, "win.undo");
    add_forward (self, GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                 "win.redo");
    add_forward (self, GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_s, GDK_CONTROL_MASK, "win.save");
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F1, 0),
                                                            gtk_callback_action_new (data_window_help,
                                                                                     self, NULL)));
    gtk_widget_add_controller (GTK_WIDGET (self->data_window), controller);
  }
  if (self->document != NULL)
    ss_data_window_set_document (self->data_window, self->document);
  return self->data_window;
}

static void
study_data_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);

  SsDataWindow *data_window = ss_window_data_window (self);

  if (parameter != NULL)
    ss_data_window_set_page (data_window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (data_window));
}

void
ss_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.reset-item", NULL, reset_item_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.study-data", NULL, study_data_action);
  gtk_widget_class_install_action (widget_class, "win.study-data-page", "s", study_data_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.study-data", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.study-data-page", "s", "study");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.study-data-page", "s",
                                       "countries");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.study-data-page", "s", "items");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.study-data-page", "s",
                                       "scenarios");
}
