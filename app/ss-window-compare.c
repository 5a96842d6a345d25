/* ss-window-compare.c: the window's Compare view, every scenario in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scenario comparison (widgets/ss-compare-view.c) as the second page
 * of the window's view stack, beside the Editor. A row activated there
 * opens its scenario in the Editor, on the item shown.
 *
 * SUPPLYSHIFT_VIEW=compare opens the window on it (for screenshots).
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-compare-view.h"
#include "ss-window-private.h"

static void
on_scenario_activated (SsWindow *self,
                       int       scenario)
{
  ss_window_select (self, scenario, self->item);
  adw_view_stack_set_visible_child_name (self->view_stack, "editor");
}

void
ss_window_compare_init (SsWindow *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  AdwViewStackPage *page;

  self->compare_view = ss_compare_view_new ();
  gtk_widget_set_margin_top (self->compare_view, 24);
  gtk_widget_set_margin_bottom (self->compare_view, 24);
  gtk_widget_set_margin_start (self->compare_view, 24);
  gtk_widget_set_margin_end (self->compare_view, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1600);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1200);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->compare_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  C_("view", "Compare"), -1);

  /* Translators: the window's view of every scenario in one table */
  page = adw_view_stack_add_titled (self->view_stack, scroller, "compare", C_("view", "Compare"));
  adw_view_stack_page_set_icon_name (page, "view-list-symbolic");
  g_signal_connect_object (self->compare_view, "scenario-activated", G_CALLBACK (on_scenario_activated), self,
                           G_CONNECT_SWAPPED);

  if (g_strcmp0 (g_getenv ("SUPPLYSHIFT_VIEW"), "compare") == 0)
    adw_view_stack_set_visible_child_name (self->view_stack, "compare");
  /* Not part of the first frame (ss_window_add_view_later()). */
  ss_window_add_view_later (self, GTK_SCROLLED_WINDOW (scroller), clamp);
}

void
ss_window_compare_set_document (SsWindow   *self,
                                SsDocument *document)
{
  ss_compare_view_set_document (SS_COMPARE_VIEW (self->compare_view), document);
}

GtkWidget *
ss_window_get_compare_view (SsWindow *self)
{
  g_return_val_if_fail (SS_IS_WINDOW (self), NULL);

  return self->compare_view;
}
