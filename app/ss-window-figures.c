/* ss-window-figures.c: the year shown, the metric cards, the alert badges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One year list chooses the year the whole view shows. The cards show
 * one item (or the portfolio) in one scenario against the baseline, from
 * the base year to that year; the figures come from model/ss-figures.c.
 * Beside the item's title, its dependence level and markers for a supply
 * risk of 1 or more and for being over the policy target. Labels are set
 * only when their text changes: the cards are refreshed every frame of a
 * drag.
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-figures.h"
#include "ss-metric-card.h"
#include "ss-window-private.h"
#include "ssc-format.h"

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

/* One colour class of these, or none (NULL), and only it: a change of
 * CSS class restyles the widget, and the sidebar has one per item,
 * every frame. */
static void
restyle (GtkWidget  *widget,
         const char *css_class)
{
  static const char *classes[] = { "error", "warning", "accent", "success" };

  for (guint k = 0; k < G_N_ELEMENTS (classes); k++)
    if (g_strcmp0 (classes[k], css_class) != 0)
      gtk_widget_remove_css_class (widget, classes[k]);
  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}

/* Only touches the inscription when the level changed. */
void
ss_window_set_alert_inscription (GtkInscription *inscription,
                                 SsAlertLevel    level)
{
  const char *label = ss_alert_level_get_label (level);

  if (g_strcmp0 (gtk_inscription_get_text (inscription), label) == 0)
    return;
  restyle (GTK_WIDGET (inscription), ss_window_alert_css_class (level));
  gtk_inscription_set_text (inscription, label);
}

/* --- The year shown ---------------------------------------------------- */

/* The year the cards, the heatmap, the comparison and the item list
 * show, as an index from the base year: the last year unless another
 * was chosen. */
guint
ss_window_year_index (SsWindow *self)
{
  int horizon = ss_study_get_meta (ss_window_study (self))->horizon;

  return (guint)(self->year >= 0 && self->year < horizon ? self->year : horizon);
}

static void
on_year_selected (SsWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->updating || self->document == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  /* The last year stays the last when the horizon is changed. */
  self->year = (int)selected >= ss_study_get_meta (ss_window_study (self))->horizon ? -1 : (int)selected;
  ss_window_queue_update (self);
}

/* The years of the projection, after a change of the base year or the
 * horizon; the year chosen stays chosen while the projection holds it. */
void
ss_window_year_rebuild (SsWindow *self)
{
  const SsMeta *meta = ss_study_get_meta (ss_window_study (self));
  GListModel *model = gtk_drop_down_get_model (self->year_dropdown);
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  gboolean updating = self->updating;

  for (int t = 0; t <= meta->horizon; t++)
    g_ptr_array_add (years, g_strdup_printf ("%d", meta->base_year + t));
  g_ptr_array_add (years, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (GTK_STRING_LIST (model), 0, g_list_model_get_n_items (model),
                          (const char * const *)years->pdata);
  gtk_drop_down_set_selected (self->year_dropdown, ss_window_year_index (self));
  self->updating = updating;
}

/* --- Alert levels and markers ------------------------------------------ */

void
ss_window_get_status (SsWindow           *self,
                      const SsProjection *p,
                      int                 item,
                      guint               year,
                      SsItemStatus       *status)
{
  guint ny = p->n_years;

  g_return_if_fail (year < ny);

  if (item >= 0)
    {
      gsize at = (gsize)item * ny + year;

      status->level = p->alert[at];
      status->n_risk = p->supply_risk[at] >= 1;
      status->n_over_target = p->over_target[at] != 0;
      return;
    }

  status->level = SS_ALERT_NONE;
  status->n_risk = 0;
  for (guint i = 0; i < p->n_items; i++)
    {
      gsize at = (gsize)i * ny + year;

      status->level = MAX (status->level, (SsAlertLevel)p->alert[at]);
      status->n_risk += p->supply_risk[at] >= 1;
    }
  status->n_over_target = (guint)p->over_target_count[year];
}

/* The dependence level in a word, and its colour class (NULL: the
 * text's own colour). "No alert", in green, only when there is nothing
 * at all: below the watch line but with a supply risk of 1 or more, or
 * over the policy target, it is "Below watch", uncoloured, so an item
 * never reads "No alert" beside a red alert of its own. */
static const char *
dependence_word (const SsItemStatus  *status,
                 const char         **css_class)
{
  gboolean other = status->n_risk > 0 || status->n_over_target > 0;

  if (status->level == SS_ALERT_NONE && other)
    {
      *css_class = NULL;
      /* Translators: a dependence level: the largest foreign share is
       * below the watch line, while the item has other alerts */
      return C_("dependence level", "Below watch");
    }
  *css_class = ss_window_alert_css_class (status->level);
  return ss_alert_level_get_label (status->level);
}

/* Shows @badge with @text, or hides it (@text NULL); the tooltip is
 * also what a screen reader says of it. */
static void
set_badge (GtkLabel   *badge,
           const char *text,
           const char *css_class,
           const char *tooltip)
{
  gtk_widget_set_visible (GTK_WIDGET (badge), text != NULL);
  if (text == NULL)
    return;
  if (g_strcmp0 (gtk_label_get_label (badge), text) != 0)
    {
      restyle (GTK_WIDGET (badge), css_class);
      gtk_label_set_label (badge, text);
    }
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (badge)), tooltip) != 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (badge), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      tooltip, -1);
    }
}

/* A line or a policy target as the plan writes it: "60 %", "62.5 %". */
static char *
format_share (double share)
{
  double percent = 100 * share;

  if (fabs (percent - round (percent)) < 1e-9)
    return g_strdup_printf (_("%.0f %%"), percent);
  return g_strdup_printf (_("%.1f %%"), percent);
}

/* A row of the item list in a word: the dependence level, else a
 * supply risk of 1 or more ("SR ≥ 1", in red), else the policy target
 * the item is over ("Over 50 %"), else "No alert", in green. Short
 * words, for a narrow list; only touches the inscription when its word
 * changed. */
void
ss_window_set_status_inscription (GtkInscription     *inscription,
                                  const SsProjection *p,
                                  const SsItemStatus *status,
                                  guint               year)
{
  g_autofree char *target = NULL, *over = NULL;
  const char *css_class = ss_window_alert_css_class (status->level);
  const char *label = ss_alert_level_get_label (status->level);

  if (status->level == SS_ALERT_NONE && status->n_risk > 0)
    {
      css_class = "error";
      label = _("SR ≥ 1");
    }
  else if (status->level == SS_ALERT_NONE && status->n_over_target > 0)
    {
      target = format_share (p->policy_target[year]);
      /* Translators: in the item list, an item over the policy target
       * "Over 50 %"; keep it short */
      label = over = g_strdup_printf (_("Over %s"), target);
      css_class = "warning";
    }

  if (g_strcmp0 (gtk_inscription_get_text (inscription), label) == 0)
    return;
  restyle (GTK_WIDGET (inscription), css_class);
  gtk_inscription_set_text (inscription, label);
}

/* Beside the item's title: its dependence level, then a marker of its
 * own for a supply risk of 1 or more and one for "over the policy
 * target", each saying in a tooltip what it measures. */
static void
update_badges (SsWindow           *self,
               const SsProjection *p,
               guint               t)
{
  const SsMeta *meta = ss_study_get_meta (ss_window_study (self));
  int year = meta->base_year + (int)t;
  SsItemStatus status;
  const char *word, *css_class;
  g_autofree char *text = NULL, *tooltip = NULL, *target = NULL;
  g_autofree char *watch = format_share (meta->threshold[0]);
  g_autofree char *warning = format_share (meta->threshold[1]);
  g_autofree char *critical = format_share (meta->threshold[2]);

  ss_window_get_status (self, p, self->item, t, &status);
  word = dependence_word (&status, &css_class);
  if (status.level == SS_ALERT_NONE && status.n_risk == 0 && status.n_over_target == 0)
    text = g_strdup (word);
  else
    /* Translators: the badge beside an item's title: its dependence
     * level, "Dependence: Warning" */
    text = g_strdup_printf (_("Dependence: %s"), word);
  if (self->item >= 0)
    /* Translators: the dependence badge's tooltip: the year, then the
     * three lines, "50 %" */
    tooltip = g_strdup_printf (_("The largest share from one foreign country in %d, against the "
                                 "watch (%s), warning (%s) and critical (%s) lines"),
                               year, watch, warning, critical);
  else
    /* Translators: the dependence badge's tooltip, for the portfolio */
    tooltip = g_strdup_printf (_("The worst item’s largest share from one foreign country in %d, "
                                 "against the watch (%s), warning (%s) and critical (%s) lines"),
                               year, watch, warning, critical);
  set_badge (self->alert_badge, text, css_class, tooltip);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&tooltip, g_free);

  if (status.n_risk > 0 && self->item >= 0)
    {
      /* Translators: the marker of an item whose supply risk is 1 or more */
      text = g_strdup (_("SR ≥ 1"));
      /* Translators: the supply-risk marker's tooltip */
      tooltip = g_strdup_printf (_("Supply risk %.2f in %d: 1 or more is critical by the EU method "
                                   "(concentration, governance and substitution)"),
                                 p->supply_risk[ss_projection_at (p, (guint)self->item, t)], year);
    }
  else if (status.n_risk > 0)
    {
      /* Translators: the portfolio's supply-risk marker */
      text = g_strdup_printf (ngettext ("SR ≥ 1: %u item", "SR ≥ 1: %u items", status.n_risk),
                              status.n_risk);
      tooltip = g_strdup_printf (ngettext ("%u item has a supply risk of 1 or more in %d, critical "
                                           "by the EU method",
                                           "%u items have a supply risk of 1 or more in %d, critical "
                                           "by the EU method", status.n_risk),
                                 status.n_risk, year);
    }
  set_badge (self->risk_badge, text, "error", tooltip);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&tooltip, g_free);

  if (status.n_over_target > 0)
    {
      target = format_share (p->policy_target[t]);
      if (self->item >= 0)
        /* Translators: the marker of an item over the policy target, "Over the 50 % target" */
        text = g_strdup_printf (_("Over the %s target"), target);
      else
        /* Translators: the portfolio's marker of items over the policy target */
        text = g_strdup_printf (ngettext ("%u over the %s target", "%u over the %s target",
                                          status.n_over_target),
                                status.n_over_target, target);
      /* Translators: the policy-target marker's tooltip */
      tooltip = g_strdup_printf (_("The policy target in force in %d: at most %s from one foreign "
                                   "country for every item"),
                                 year, target);
    }
  set_badge (self->target_badge, text, "warning", tooltip);
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

  /* A figure and its unit never part (ssc_format_unbreakable()). */
  if (sign)
    /* Translators: an amount in millions, e.g. "+1,234.5 M USD" */
    return ssc_format_unbreakable (g_strdup_printf (_("%'+.1f M %s"), value, currency));
  /* Translators: an amount in millions, e.g. "1,234.5 M USD" */
  return ssc_format_unbreakable (g_strdup_printf (_("%'.1f M %s"), value, currency));
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

/* "first → then", or the one figure when the year shown is the base year. */
static char *
from_to (const char *first,
         const char *then,
         guint       t)
{
  if (t == 0)
    return g_strdup (then);
  /* Translators: a figure in the base year, then in the year shown */
  return g_strdup_printf (_("%s → %s"), first, then);
}

/* The dependence level in a word, for the card: "Below watch" rather
 * than "No alert", which would say more than the card knows. */
static const char *
level_word (SsAlertLevel level)
{
  if (level == SS_ALERT_NONE)
    return C_("dependence level", "Below watch");
  return ss_alert_level_get_label (level);
}

/* The cards: the item (or the portfolio) in the base year and in the
 * year shown, against the baseline in that year; the NPV premium is
 * the whole projection's. */
void
ss_window_figures_update (SsWindow           *self,
                          const SsProjection *p,
                          const SsProjection *b)
{
  const SsStudy *study = ss_window_study (self);
  const SsMeta *meta = ss_study_get_meta (study);
  guint ny = p->n_years, t = ss_window_year_index (self), nc = p->n_countries;
  int year = meta->base_year + (int)t;
  int cn = watched_country (study);
  const double *risk, *risk_b, *hhi, *hhi_b;
  double spend_first, spend_t, spend_t_b, shortfall_first, shortfall_t, shortfall_t_b;
  double premium_npv, subsidy_npv;
  g_autofree char *value = NULL, *detail = NULL, *delta = NULL, *first = NULL, *then = NULL;
  SsAlertLevel level_first, level_t;
  g_autofree char *cn_heading = NULL;
  g_autofree char *cn_name = NULL;

  g_return_if_fail (t < ny);

  if (self->item < 0)
    {
      gsize r = (gsize)cn * ny;

      risk = p->portfolio_supply_risk, risk_b = b->portfolio_supply_risk;
      hhi = p->portfolio_hhi, hhi_b = b->portfolio_hhi;
      spend_first = p->spend_share[r], spend_t = p->spend_share[r + t];
      spend_t_b = b->spend_share[r + t];
      level_first = level_t = SS_ALERT_NONE;
      for (int l = SS_ALERT_CRITICAL; l > SS_ALERT_NONE; l--)
        {
          if (level_first == SS_ALERT_NONE && p->alert_count[l * ny] > 0)
            level_first = l;
          if (level_t == SS_ALERT_NONE && p->alert_count[l * ny + t] > 0)
            level_t = l;
        }
    }
  else
    {
      gsize row = (gsize)self->item * ny;
      gsize spend_row = ((gsize)self->item * nc + cn) * ny;

      risk = &p->supply_risk[row], risk_b = &b->supply_risk[row];
      hhi = &p->hhi[row], hhi_b = &b->hhi[row];
      spend_first = p->spend[spend_row] / p->cost[row];
      spend_t = p->spend[spend_row + t] / p->cost[row + t];
      spend_t_b = b->spend[spend_row + t] / b->cost[row + t];
      level_first = p->alert[row];
      level_t = p->alert[row + t];
    }

  shortfall_first = ss_figures_shortfall_impact (study, p, self->item, 0);
  shortfall_t = ss_figures_shortfall_impact (study, p, self->item, t);
  shortfall_t_b = ss_figures_shortfall_impact (study, b, self->item, t);
  premium_npv = ss_figures_npv_premium (study, p, b, self->item);
  subsidy_npv = ss_figures_npv_subsidy (study, p, self->item);

  /* NPV cost premium, over the whole projection */
  value = format_money (self, premium_npv, TRUE);
  then = g_strdup_printf ("%'+.1f", premium_npv);       /* the figure in it, before its unit */
  delta = format_money (self, subsidy_npv, FALSE);
  detail = g_strdup_printf (_("Against the baseline, discounted at %.1f %%; the subsidy pays %s"),
                            100 * meta->discount_rate, delta);
  ss_metric_card_set_figure (SS_METRIC_CARD (self->cards[CARD_PREMIUM]), value, then, detail, SS_TREND_NEUTRAL);
  g_clear_pointer (&then, g_free);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);
  g_clear_pointer (&delta, g_free);

  /* Supply risk */
  first = g_strdup_printf ("%.2f", risk[0]);
  then = g_strdup_printf ("%.2f", risk[t]);
  value = from_to (first, then, t);
  detail = g_strdup_printf (_("%+.2f against the baseline in %d"), risk[t] - risk_b[t], year);
  ss_metric_card_set_figure (SS_METRIC_CARD (self->cards[CARD_RISK]), value, then, detail,
                             trend_of (risk[t], risk_b[t], TRUE));
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&then, g_free);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  /* HHI */
  first = g_strdup_printf ("%'.0f", hhi[0]);
  then = g_strdup_printf ("%'.0f", hhi[t]);
  value = from_to (first, then, t);
  detail = g_strdup_printf (_("%'+.0f against the baseline in %d"), hhi[t] - hhi_b[t], year);
  ss_metric_card_set_figure (SS_METRIC_CARD (self->cards[CARD_HHI]), value, then, detail,
                             trend_of (hhi[t], hhi_b[t], TRUE));
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&then, g_free);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  /* Spend share from China */
  /* Translators: a share, "12.5 %", with a no-break space: the card
   * wraps a long figure, and a unit must not go to a line alone */
  first = g_strdup_printf (_("%.1f\u00a0%%"), 100 * spend_first);
  then = g_strdup_printf (_("%.1f\u00a0%%"), 100 * spend_t);
  value = from_to (first, then, t);
  detail = g_strdup_printf (_("%+.1f points against the baseline in %d"), 100 * (spend_t - spend_t_b), year);
  ss_metric_card_set_figure (SS_METRIC_CARD (self->cards[CARD_CHINA]), value, then, detail,
                             trend_of (spend_t, spend_t_b, TRUE));
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&then, g_free);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);

  /* Expected shortfall impact */
  delta = format_money (self, shortfall_t - shortfall_t_b, TRUE);
  first = g_strdup_printf ("%'.1f", shortfall_first);
  then = g_strdup_printf ("%'.1f", shortfall_t);
  value = from_to (first, then, t);
  detail = g_strdup_printf (_("Million %s a year; %s against the baseline in %d"), meta->currency, delta, year);
  ss_metric_card_set_figure (SS_METRIC_CARD (self->cards[CARD_SHORTFALL]), value, then, detail,
                             trend_of (shortfall_t, shortfall_t_b, TRUE));
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&then, g_free);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);
  g_clear_pointer (&delta, g_free);

  /* VaR95, a portfolio figure */
  delta = format_money (self, p->var95_shortfall_impact[t] - b->var95_shortfall_impact[t], TRUE);
  first = g_strdup_printf ("%'.1f", p->var95_shortfall_impact[0]);
  then = g_strdup_printf ("%'.1f", p->var95_shortfall_impact[t]);
  value = from_to (first, then, t);
  detail = g_strdup_printf (_("Whole portfolio, million %s; %s against the baseline in %d"),
                            meta->currency, delta, year);
  ss_metric_card_set_figure (SS_METRIC_CARD (self->cards[CARD_VAR]), value, then, detail,
                             trend_of (p->var95_shortfall_impact[t], b->var95_shortfall_impact[t], TRUE));
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&then, g_free);
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&detail, g_free);
  g_clear_pointer (&delta, g_free);

  /* Dependence level: the level in the year shown, and the base year's
   * in the detail ("Warning → Watch", let alone "Watch → Below watch",
   * does not fit a card of the 1280 px window's side column). */
  value = g_strdup (level_word (level_t));
  if (t > 0)
    /* Translators: the dependence level card's detail begins with the
     * base year's level, "Warning in 2024" */
    first = g_strdup_printf (_("%s in %d"), level_word (level_first), meta->base_year);
  if (self->item >= 0)
    {
      int top = p->top_country[ss_projection_at (p, (guint)self->item, t)];

      if (top >= 0)
        {
          g_autofree char *name = ss_bidi_isolate (ss_study_get_country (study, top)->name);

          detail = g_strdup_printf (_("Largest foreign share in %d: %s, %.1f %%"), year, name,
                                    100 * p->share[((gsize)self->item * nc + top) * ny + t]);
        }
    }
  else
    detail = g_strdup_printf (_("%d critical, %d warning, %d watch in %d"),
                              p->alert_count[SS_ALERT_CRITICAL * ny + t],
                              p->alert_count[SS_ALERT_WARNING * ny + t],
                              p->alert_count[SS_ALERT_WATCH * ny + t], year);
  if (first != NULL)
    {
      char *joined = detail != NULL
                     /* Translators: the base year's level, then the rest of the card's
                      * detail: "Warning in 2024. Largest foreign share in 2034: …" */
                     ? g_strdup_printf (_("%s. %s"), first, detail)
                     : g_strdup (first);

      g_free (detail);
      detail = joined;
    }
  ss_metric_card_set_value (SS_METRIC_CARD (self->cards[CARD_ALERT]), value, detail,
                            level_t < level_first ? SS_TREND_GOOD
                            : level_t > level_first ? SS_TREND_BAD : SS_TREND_NEUTRAL);

  update_badges (self, p, t);
  cn_name = ss_bidi_isolate (ss_study_get_country (study, cn)->name);
  cn_heading = g_strdup_printf (_("Spend from %s"), cn_name);
  ss_metric_card_set_title (SS_METRIC_CARD (self->cards[CARD_CHINA]), cn_heading);
}

/* What each card measures, in its tooltip: model.md's definitions in a
 * sentence. */
static const char *card_tooltips[N_CARDS] = {
  N_("Net present value of the extra cost to firms against the baseline over the whole projection "
     "(purchases and switching, less the subsidy), discounted at the study’s rate"),
  N_("Supply risk (SR), EU method: the squared shares weighted by each source’s governance and "
     "trade restrictions, times the item’s substitution index and the part not recycled. "
     "1 or more is critical"),
  N_("Concentration, the Herfindahl–Hirschman index: the sum of the squared shares in percent, "
     "from near 0 (many small sources) to 10 000 (a single source)"),
  N_("The share of the money spent on the item (or on every item) that goes to this country"),
  N_("Expected loss from disruptions in a year: each set of disrupted countries, by its chance, "
     "times the shortfall beyond the stockpile, valued at the item’s cost and impact"),
  N_("Value at risk (95 %): the whole portfolio’s loss from disruptions that 95 % of years stay "
     "within"),
  N_("The largest share from one foreign country against the watch, warning and critical lines; "
     "a supply risk of 1 or more and the policy target are marked beside the title"),
};

/* A card's text in one cell of a row: no tab or line break of its own. */
static void
append_cell (GString    *out,
             const char *text)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

/* The cards as text for a spreadsheet, a slide or HWP (docs/export.md):
 * a line naming what they show, a line of headings, then one line a
 * card, tab-separated, each figure as the card shows it, in the
 * locale's numbers. */
char *
ss_window_figures_to_text (SsWindow *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (SS_IS_WINDOW (self), NULL);

  append_cell (out, gtk_label_get_text (self->item_title));
  g_string_append (out, " · ");
  append_cell (out, gtk_label_get_text (self->figures_heading));
  g_string_append_c (out, '\n');
  /* Translators: the headings of the figure cards copied as text */
  g_string_append_printf (out, "%s\t%s\t%s\n", _("Figure"), _("Value"), _("Against the baseline"));
  for (guint k = 0; k < N_CARDS; k++)
    {
      SsMetricCard *card = SS_METRIC_CARD (self->cards[k]);

      append_cell (out, ss_metric_card_get_title (card));
      g_string_append_c (out, '\t');
      append_cell (out, ss_metric_card_get_value (card));
      g_string_append_c (out, '\t');
      append_cell (out, ss_metric_card_get_detail (card));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
copy_figures_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);
  g_autofree char *text = NULL;

  if (self->document == NULL)
    return;
  text = ss_window_figures_to_text (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  ss_window_toast (self, _("Figures copied"));
}

/* A right click (or a long press) on the cards: their menu, Copy Figures. */
static void
on_cards_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SsWindow        *self)
{
  GtkWidget *popover = self->cards_menu;

  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_long_press (GtkGestureLongPress *gesture,
               double               x,
               double               y,
               SsWindow            *self)
{
  GtkWidget *popover = self->cards_menu;

  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (popover));
}

void
ss_window_figures_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.copy-figures", NULL, copy_figures_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-figures", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-figures", NULL);
}

/* The metric cards, in the order of the CARD_ enumeration, and the
 * year control. */
void
ss_window_figures_init (SsWindow *self)
{
  static const char *card_titles[N_CARDS] = {
    N_("NPV cost premium"), N_("Supply risk"), N_("Concentration (HHI)"), N_("Spend from China"),
    N_("Expected shortfall impact"), N_("Shortfall impact VaR95"), N_("Dependence level"),
  };

  for (guint k = 0; k < N_CARDS; k++)
    {
      self->cards[k] = ss_metric_card_new (_(card_titles[k]));
      gtk_widget_set_tooltip_text (self->cards[k], _(card_tooltips[k]));
      gtk_flow_box_append (self->cards_box, self->cards[k]);
    }

  /* Their menu: a right click, or a long press on a touch screen. */
  {
    g_autoptr(GMenu) menu = g_menu_new ();
    GtkGesture *click = gtk_gesture_click_new ();
    GtkGesture *press = gtk_gesture_long_press_new ();
    GtkWidget *popover;

    g_menu_append (menu, _("_Copy Figures"), "win.copy-figures");
    popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
    gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
    gtk_widget_set_halign (popover, GTK_ALIGN_START);
    gtk_widget_set_parent (popover, GTK_WIDGET (self->cards_box));
    /* Unparented in the window's dispose, before its template goes. */
    self->cards_menu = popover;
    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect_object (click, "pressed", G_CALLBACK (on_cards_pressed), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->cards_box), GTK_EVENT_CONTROLLER (click));
    gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
    g_signal_connect_object (press, "pressed", G_CALLBACK (on_long_press), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self->cards_box), GTK_EVENT_CONTROLLER (press));
  }

  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (gtk_string_list_new (NULL)));
  g_signal_connect_object (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected), self,
                           G_CONNECT_SWAPPED);
}
