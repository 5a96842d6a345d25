/* ss-window-alerts.c: the window's alerts list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The alerts of the item (or the portfolio) shown, as model/ss-alerts.c
 * lists them, each in a row of its own: rows follow the list's changes
 * and are reused, since during a drag the alerts change their words far
 * more often than their number.
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-window-private.h"

/* Shows one alert in row `index` of the list, reusing the row that is
 * there: creating rows is the costly part, and during a drag the alerts
 * change their words (a year, a share) far more often than their number. */
static void
show_alert_row (SsWindow   *self,
                guint       index,
                const char *title,
                const char *subtitle,
                const char *css_class,
                const char *go_to)
{
  GtkListBoxRow *existing = gtk_list_box_get_row_at_index (self->alerts_list, index);
  gboolean ok = g_str_equal (css_class, "success");
  GtkWidget *row, *icon;

  if (existing == NULL)
    {
      row = adw_action_row_new ();
      icon = gtk_image_new ();
      g_object_set_data (G_OBJECT (row), "ss-icon", icon);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->alerts_list, row);
    }
  else
    {
      row = GTK_WIDGET (existing);
      icon = g_object_get_data (G_OBJECT (row), "ss-icon");
    }

  /* A row that leads somewhere is activated by a click or Enter. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), go_to != NULL);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (row), go_to) != 0)
    gtk_widget_set_tooltip_text (row, go_to);
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), subtitle) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (g_strcmp0 (g_object_get_data (G_OBJECT (icon), "ss-class"), css_class) != 0)
    {
      const char *old = g_object_get_data (G_OBJECT (icon), "ss-class");

      if (old != NULL)
        gtk_widget_remove_css_class (icon, old);
      gtk_widget_add_css_class (icon, css_class);
      g_object_set_data_full (G_OBJECT (icon), "ss-class", g_strdup (css_class), g_free);
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), ok ? "emblem-ok-symbolic" : "dialog-warning-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ok ? _("No problem") : _("Alert"), -1);
    }
}

static char *
describe_span (int base_year,
               int first,
               int cleared)
{
  if (cleared < 0)
    return g_strdup_printf (_("From %d to the end of the projection"), base_year + first);
  return g_strdup_printf (_("From %d, cleared in %d"), base_year + first, base_year + cleared);
}

/* A policy target's share as the plan writes it: "60 %", "62.5 %". */
static char *
format_target_share (double share)
{
  double percent = 100 * share;

  if (fabs (percent - round (percent)) < 1e-9)
    return g_strdup_printf (_("%.0f %%"), percent);
  return g_strdup_printf (_("%.1f %%"), percent);
}

/* "Over the 2027 target (60 %)", and when the item meets its targets. */
static void
describe_over_target (const SsMeta  *meta,
                      SsAlert       *alert,
                      const char    *item_name,
                      char         **title,
                      char         **subtitle)
{
  g_autofree char *share = format_target_share (ss_alert_get_target (alert));
  int first = meta->base_year + ss_alert_get_first (alert);
  int met = ss_alert_get_cleared (alert);

  if (item_name != NULL)
    /* Translators: in the portfolio's alerts: an item, the year of a policy
     * target and its share, "Gallium: over the 2027 target (60 %)" */
    *title = g_strdup_printf (_("%1$s: over the %2$d target (%3$s)"), item_name,
                              ss_alert_get_target_year (alert), share);
  else
    /* Translators: an item's alert: the year of a policy target and its
     * share, "Over the 2027 target (60 %)" */
    *title = g_strdup_printf (_("Over the %1$d target (%2$s)"), ss_alert_get_target_year (alert), share);
  if (met >= 0)
    /* Translators: first the year the item is first over a policy target,
     * then the year from which it meets every target */
    *subtitle = g_strdup_printf (_("From %1$d; meets its targets from %2$d"), first, meta->base_year + met);
  else
    /* Translators: first the year the item is first over a policy target,
     * then the projection's last year */
    *subtitle = g_strdup_printf (_("From %1$d; still over in %2$d"), first, meta->base_year + meta->horizon);
}

/* An alert of the list in words. */
static void
describe_alert (SsWindow  *self,
                SsAlert   *alert,
                char     **title,
                char     **subtitle)
{
  const SsStudy *study = ss_window_study (self);
  const SsMeta *meta = ss_study_get_meta (study);
  int last_year = meta->base_year + meta->horizon;
  SsAlertLevel level = ss_alert_get_level (alert);
  int country = ss_alert_get_country (alert);
  g_autofree char *name = country >= 0 ? ss_bidi_isolate (ss_study_get_country (study, country)->name)
                                       : NULL;

  switch (ss_alert_get_kind (alert))
    {
    case SS_ALERT_KIND_ITEM:
      *title = g_strdup (ss_study_get_item (study, ss_alert_get_item (alert))->name);
      *subtitle = g_strdup_printf (_("%s in %d, %s in %d"), ss_alert_level_get_label (ss_alert_get_first_level (alert)),
                                   meta->base_year, ss_alert_level_get_label (level), last_year);
      break;
    case SS_ALERT_KIND_LEVEL:
      if (level == SS_ALERT_CRITICAL)
        *title = g_strdup_printf (_("Critical: %.0f %% or more from one country"), 100 * meta->threshold[level - 1]);
      else if (level == SS_ALERT_WARNING)
        *title = g_strdup_printf (_("Warning: %.0f %% or more from one country"), 100 * meta->threshold[level - 1]);
      else
        *title = g_strdup_printf (_("Watch: %.0f %% or more from one country"), 100 * meta->threshold[level - 1]);
      *subtitle = describe_span (meta->base_year, ss_alert_get_first (alert), ss_alert_get_cleared (alert));
      break;
    case SS_ALERT_KIND_SUPPLY_RISK:
      *title = g_strdup (_("Supply risk of 1 or more (critical, EU method)"));
      *subtitle = describe_span (meta->base_year, ss_alert_get_first (alert), ss_alert_get_cleared (alert));
      break;
    case SS_ALERT_KIND_OVER_CAPACITY:
      *title = g_strdup_printf (_("Target for %s exceeds its capacity"), name);
      *subtitle = g_strdup_printf (_("Target %.1f %%, capacity %.1f %%"),
                                   100 * ss_alert_get_target (alert), 100 * ss_alert_get_value (alert));
      break;
    case SS_ALERT_KIND_TARGET_MISSED:
      *title = g_strdup_printf (_("%s does not reach its target by %d"), name, last_year);
      *subtitle = g_strdup_printf (_("%.1f %% of a %.1f %% target; the ramp allows %.1f points a year"),
                                   100 * ss_alert_get_value (alert), 100 * ss_alert_get_target (alert),
                                   100 * ss_study_get_country (study, country)->attr[SS_COUNTRY_RAMP]);
      break;
    case SS_ALERT_KIND_OVER_TARGET:
      {
        g_autofree char *item_name = NULL;

        if (self->item < 0)
          item_name = ss_bidi_isolate (ss_study_get_item (study, ss_alert_get_item (alert))->name);
        describe_over_target (meta, alert, item_name, title, subtitle);
      }
      break;
    case SS_ALERT_KIND_NONE:
    default:
      *title = g_strdup (_("No alerts"));
      *subtitle = g_strdup (_("No dependence above the watch line, no critical supply risk"));
    }
}

/* Where activating an alert's row takes the user, in words for its
 * tooltip: an item's alert in the portfolio opens the item; a target over
 * capacity or out of reach focuses that country's slider. */
static const char *
alert_go_to (SsAlert *alert)
{
  switch (ss_alert_get_kind (alert))
    {
    case SS_ALERT_KIND_ITEM:
      return _("Show this item");
    case SS_ALERT_KIND_OVER_CAPACITY:
    case SS_ALERT_KIND_TARGET_MISSED:
      return _("Go to this country’s share");
    case SS_ALERT_KIND_LEVEL:
    case SS_ALERT_KIND_SUPPLY_RISK:
    case SS_ALERT_KIND_NONE:
    default:
      return NULL;
    }
}

static void
on_alert_activated (SsWindow      *self,
                    GtkListBoxRow *row)
{
  g_autoptr(SsAlert) alert = g_list_model_get_item (G_LIST_MODEL (self->alerts),
                                                    (guint)gtk_list_box_row_get_index (row));

  if (alert == NULL)
    return;
  switch (ss_alert_get_kind (alert))
    {
    case SS_ALERT_KIND_ITEM:
      ss_window_select (self, self->scenario, ss_alert_get_item (alert));
      break;
    case SS_ALERT_KIND_OVER_CAPACITY:
    case SS_ALERT_KIND_TARGET_MISSED:
      ss_share_editor_focus_country (self->share_editor, (guint)ss_alert_get_country (alert));
      break;
    case SS_ALERT_KIND_LEVEL:
    case SS_ALERT_KIND_SUPPLY_RISK:
    case SS_ALERT_KIND_NONE:
    default:
      break;
    }
}

/* Says the alerts from `position` on again, and drops rows past the end. */
static void
show_alerts_from (SsWindow *self,
                  guint     position)
{
  GListModel *alerts = G_LIST_MODEL (self->alerts);
  guint n = g_list_model_get_n_items (alerts);
  GtkWidget *child;

  for (guint k = position; k < n; k++)
    {
      g_autoptr(SsAlert) alert = g_list_model_get_item (alerts, k);
      g_autofree char *title = NULL, *subtitle = NULL;

      describe_alert (self, alert, &title, &subtitle);
      show_alert_row (self, k, title, subtitle, ss_window_alert_css_class (ss_alert_get_level (alert)),
                      alert_go_to (alert));
    }
  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->alerts_list, n))) != NULL)
    gtk_list_box_remove (self->alerts_list, child);
}

static void
on_alerts_changed (SsWindow   *self,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListModel *alerts)
{
  show_alerts_from (self, position);
}

/* The list reports the alerts that changed; a structural change may have
 * changed the words of the others (a name, a threshold, the years). */
void
ss_window_alerts_update (SsWindow           *self,
                         const SsProjection *p)
{
  ss_alert_list_update (self->alerts, ss_window_study (self), p, self->scenario, self->item);
  if (self->alerts_reword)
    show_alerts_from (self, 0);
  self->alerts_reword = FALSE;
}

void
ss_window_alerts_init (SsWindow *self)
{
  self->alerts = ss_alert_list_new ();
  g_signal_connect_object (self->alerts, "items-changed", G_CALLBACK (on_alerts_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alerts_list, "row-activated", G_CALLBACK (on_alert_activated), self,
                           G_CONNECT_SWAPPED);
}
