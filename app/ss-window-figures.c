/* ss-window-figures.c: the window's metric cards, and the words for figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cards show one item (or the portfolio) in one scenario against the
 * baseline, first year to last; the figures come from model/ss-figures.c.
 * Labels are set only when their text changes: the cards are refreshed
 * every frame of a drag.
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-figures.h"
#include "ss-metric-card.h"
#include "ss-window-private.h"

const char *
ss_window_alert_css_class (SsAlertLevel level)
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

/* The level's colour, and only it: a change of CSS class restyles the
 * widget, and the sidebar has one per item, every frame. */
static void
restyle (GtkWidget    *widget,
         SsAlertLevel  level)
{
  static const char *classes[] = { "error", "warning", "accent", "success" };

  for (guint k = 0; k < G_N_ELEMENTS (classes); k++)
    gtk_widget_remove_css_class (widget, classes[k]);
  gtk_widget_add_css_class (widget, ss_window_alert_css_class (level));
}

/* Only touches the inscription or label when the level changed. */
void
ss_window_set_alert_inscription (GtkInscription *inscription,
                                 SsAlertLevel    level)
{
  const char *label = ss_alert_level_get_label (level);

  if (g_strcmp0 (gtk_inscription_get_text (inscription), label) == 0)
    return;
  restyle (GTK_WIDGET (inscription), level);
  gtk_inscription_set_text (inscription, label);
}

static void
set_alert_label (GtkLabel     *label,
                 SsAlertLevel  level)
{
  const char *text = ss_alert_level_get_label (level);

  if (g_strcmp0 (gtk_label_get_label (label), text) == 0)
    return;
  restyle (GTK_WIDGET (label), level);
  gtk_label_set_label (label, text);
}

/* Setting a label's text, even to the same text, makes it lay out again:
 * the figures are refreshed every frame of a drag, so compare first. */
void
ss_window_set_label (GtkLabel   *label,
                     const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

/* Millions of the study's currency, grouped in the user's locale. */
static char *
format_money (SsWindow *self,
              double    value,
              gboolean  sign)
{
  const char *currency = ss_study_get_meta (ss_document_get_study (self->document))->currency;

  /* Translators: an amount in millions, e.g. "+1,234.5 M USD" */
  if (sign)
    return g_strdup_printf (_("%'+.1f M %s"), value, currency);
  /* Translators: an amount in millions, e.g. "1,234.5 M USD" */
  return g_strdup_printf (_("%'.1f M %s"), value, currency);
}

/* The country whose dependence the cards follow: China where the study
 * has it, else the first foreign country. */
static int
watched_country (const SsStudy *study)
{
  int cn = ss_study_find_country (study, "CN");

  if (cn >= 0)
    return cn;
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    if (c != ss_study_get_meta (study)->home)
      return c;
  return 0;
}

static SsTrend
trend_of (double   scenario,
          double   baseline,
          gboolean lower_is_better)
{
  if (fabs (scenario - baseline) < 1e-9 * MAX (1, fabs (baseline)))
    return SS_TREND_NEUTRAL;
  return (scenario < baseline) == lower_is_better ? SS_TREND_GOOD : SS_TREND_BAD;
}

void
ss_window_figures_update (SsWindow           *self,
                          const SsProjection *p,
                          const SsProjection *b)
{
  const SsStudy *study = ss_window_study (self);
  const SsMeta *meta = ss_study_get_meta (study);
  guint ny = p->n_years, last = ny - 1, nc = p->n_countries;
  int year_last = meta->base_year + (int)last;
  int cn = watched_country (study);
  const double *risk, *risk_b, *hhi, *hhi_b;
  double spend_first, spend_last, spend_last_b, shortfall_first, shortfall_last, shortfall_last_b;
  double premium_npv, subsidy_npv;
  g_autofree char *value = NULL, *detail = NULL, *delta = NULL;
  SsAlertLevel level_first, level_last;
  g_autofree char *cn_heading = NULL;
  g_autofree char *cn_name = NULL;

  if (self->item < 0)
    {
      gsize r = (gsize)cn * ny;

      risk = p->portfolio_supply_risk, risk_b = b->portfolio_supply_risk;
      hhi = p->portfolio_hhi, hhi_b = b->portfolio_hhi;
      spend_first = p->spend_share[r], spend_last = p->spend_share[r + last];
      spend_last_b = b->spend_share[r + last];
      level_first = level_last = SS_ALERT_NONE;
      for (int l = SS_ALERT_CRITICAL; l > SS_ALERT_NONE; l--)
        {
          if (level_first == SS_ALERT_NONE && p->alert_count[l * ny] > 0)
            level_first = l;
          if (level_last == SS_ALERT_NONE && p->alert_count[l * ny + last] > 0)
            level_last = l;
        }
    }
  else
    {
      gsize row = (gsize)self->item * ny;
      gsize spend_row = ((gsize)self->item * nc + cn) * ny;

      risk = &p->supply_risk[row], risk_b = &b->supply_risk[row];
      hhi = &p->hhi[row], hhi_b = &b->hhi[row];
      spend_first = p->spend[spend_row] / p->cost[row];
      spend_last = p->spend[spend_row + last] / p->cost[row + last];
      spend_last_b = b->spend[spend_row + last] / b->cost[row + last];
      level_first = p->alert[row];
      level_last = p->alert[row + last];
    }

  shortfall_first = ss_figures_shortfall_impact (study, p, self->item, 0);
  shortfall_last = ss_figures_shortfall_impact (study, p, self->item, last);
  shortfall_last_b = ss_figures_shortfall_impact (study, b, self->item, last);
  premium_npv = ss_figures_npv_premium (study, p, b, self->item);
  subsidy_npv = ss_figures_npv_subsidy (study, p, self->item);

  /* NPV cost premium */
  value = format_money (self, premium_npv, TRUE);
  delta = format_money (self, subsidy_npv, FALSE);
  detail = g_strdup_printf (_("Against the baseline, discounted at %.1f %%; the subsidy pays %s"),
                            100 * meta->discount_rate, delta);
  ss_metric_card_set_value (SS_METRIC_CARD (self->cards[CARD_PREMIUM]), value, detail, SS_TREND_NEUTRAL);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);
  g_clear_pointer (&delta, g_free);

  /* Supply risk */
  value = g_strdup_printf ("%.2f → %.2f", risk[0], risk[last]);
  detail = g_strdup_printf (_("%+.2f against the baseline in %d"), risk[last] - risk_b[last], year_last);
  ss_metric_card_set_value (SS_METRIC_CARD (self->cards[CARD_RISK]), value, detail,
                            trend_of (risk[last], risk_b[last], TRUE));
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  /* HHI */
  value = g_strdup_printf ("%'.0f → %'.0f", hhi[0], hhi[last]);
  detail = g_strdup_printf (_("%'+.0f against the baseline in %d"), hhi[last] - hhi_b[last], year_last);
  ss_metric_card_set_value (SS_METRIC_CARD (self->cards[CARD_HHI]), value, detail,
                            trend_of (hhi[last], hhi_b[last], TRUE));
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  /* Spend share from China */
  /* Translators: a share in the first and in the last year */
  value = g_strdup_printf (_("%.1f %% → %.1f %%"), 100 * spend_first, 100 * spend_last);
  detail = g_strdup_printf (_("%+.1f points against the baseline in %d"),
                            100 * (spend_last - spend_last_b), year_last);
  ss_metric_card_set_value (SS_METRIC_CARD (self->cards[CARD_CHINA]), value, detail,
                            trend_of (spend_last, spend_last_b, TRUE));
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  /* Expected shortfall impact */
  delta = format_money (self, shortfall_last - shortfall_last_b, TRUE);
  value = g_strdup_printf ("%'.1f → %'.1f", shortfall_first, shortfall_last);
  detail = g_strdup_printf (_("Million %s a year; %s against the baseline in %d"), meta->currency,
                            delta, year_last);
  ss_metric_card_set_value (SS_METRIC_CARD (self->cards[CARD_SHORTFALL]), value, detail,
                            trend_of (shortfall_last, shortfall_last_b, TRUE));
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);
  g_clear_pointer (&delta, g_free);

  /* VaR95, a portfolio figure */
  delta = format_money (self, p->var95_shortfall_impact[last] - b->var95_shortfall_impact[last], TRUE);
  value = g_strdup_printf ("%'.1f → %'.1f", p->var95_shortfall_impact[0], p->var95_shortfall_impact[last]);
  detail = g_strdup_printf (_("Whole portfolio, million %s; %s against the baseline in %d"),
                            meta->currency, delta, year_last);
  ss_metric_card_set_value (SS_METRIC_CARD (self->cards[CARD_VAR]), value, detail,
                            trend_of (p->var95_shortfall_impact[last], b->var95_shortfall_impact[last], TRUE));
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);
  g_clear_pointer (&delta, g_free);

  /* Alert level */
  value = g_strdup_printf ("%s → %s", ss_alert_level_get_label (level_first), ss_alert_level_get_label (level_last));
  if (self->item >= 0)
    {
      gsize row = (gsize)self->item * ny;
      int top = p->top_country[row + last];

      if (top >= 0)
        {
          g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study, top)->name);

          detail = g_strdup_printf (_("Largest foreign share in %d: %s, %.1f %%"), year_last, name,
                                    100 * p->share[((gsize)self->item * nc + top) * ny + last]);
        }
    }
  else
    detail = g_strdup_printf (_("%d critical, %d warning, %d watch in %d"),
                              p->alert_count[SS_ALERT_CRITICAL * ny + last],
                              p->alert_count[SS_ALERT_WARNING * ny + last],
                              p->alert_count[SS_ALERT_WATCH * ny + last], year_last);
  ss_metric_card_set_value (SS_METRIC_CARD (self->cards[CARD_ALERT]), value, detail,
                            level_last < level_first ? SS_TREND_GOOD
                            : level_last > level_first ? SS_TREND_BAD : SS_TREND_NEUTRAL);

  set_alert_label (self->alert_badge, level_last);
  cn_name = ss_bidi_isolate (ss_study_get_country (study, cn)->name);
  cn_heading = g_strdup_printf (_("Spend from %s"), cn_name);
  ss_metric_card_set_title (SS_METRIC_CARD (self->cards[CARD_CHINA]), cn_heading);
}

/* The metric cards, in the order of the CARD_ enumeration. */
void
ss_window_figures_init (SsWindow *self)
{
  static const char *card_titles[N_CARDS] = {
    N_("NPV cost premium"), N_("Supply risk"), N_("Concentration (HHI)"), N_("Spend from China"),
    N_("Expected shortfall impact"), N_("Shortfall impact VaR95"), N_("Alert level"),
  };

  for (guint k = 0; k < N_CARDS; k++)
    {
      self->cards[k] = ss_metric_card_new (_(card_titles[k]));
      gtk_flow_box_append (self->cards_box, self->cards[k]);
    }
}
