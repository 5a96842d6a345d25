/* ss-window.c: a study's window — the scenario editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows one item (or the portfolio) in one scenario. Every edit
 * goes through the SsDocument (begin, change, end), which keeps the undo
 * history and marks the projections it makes stale; the window listens to
 * the document's "changed" signal and refreshes its figures at most once
 * per frame, from a tick callback, so a slider drag recomputes only the
 * scenario being edited, once per frame, and never blocks input.
 *
 * A name from the study set into a longer text goes through
 * ss_bidi_isolate(), so it cannot reorder the text around it; a name
 * shown alone is shown as it is.
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-alerts.h"
#include "ss-attrs.h"
#include "ss-bidi.h"
#include "ss-document.h"
#include "ss-figures.h"
#include "ss-help.h"
#include "ss-input-guard.h"
#include "ss-metric-card.h"
#include "ss-mix-bar.h"
#include "ss-palette.h"
#include "ss-chart.h"
#include "ss-report.h"
#include "ss-share-editor.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "ss-window-private.h"
#include "ssc-chart.h"
#include "ssc-export.h"

#define PORTFOLIO (-1)
#define MAX_RECENT 10

enum
{
  CARD_PREMIUM,
  CARD_RISK,
  CARD_HHI,
  CARD_CHINA,
  CARD_SHORTFALL,
  CARD_VAR,
  CARD_ALERT,
  N_CARDS
};

typedef struct
{
  GtkWidget *row;
  GtkInscription *alert;
  SsMixBar  *bar;
} ItemRow;

struct _SsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkDropDown          *scenario_dropdown;
  GtkSearchEntry       *search_entry;
  GtkListBox           *item_list;
  GtkLabel             *item_title;
  GtkLabel             *item_subtitle;
  GtkLabel             *alert_badge;
  GtkLabel             *shares_heading;
  GtkLabel             *figures_heading;
  GtkWidget            *shares_section;
  GtkWidget            *share_editor_box;
  GtkWidget            *levers_group;
  AdwActionRow         *stockpile_row;
  GtkSpinButton        *transition_spin;
  GtkSpinButton        *switching_spin;
  GtkSpinButton        *subsidy_spin;
  GtkSpinButton        *stockpile_spin;
  GtkDropDown          *stockpile_scope;
  GtkFlowBox           *cards_box;
  GtkWidget            *chart_box;
  GtkListBox           *alerts_list;
  AdwToastOverlay      *toasts;
  GMenu                *recent_submenu;

  /* The study data window: countries, items, scenarios */
  AdwWindow            *data_window;
  AdwViewStack         *data_stack;
  GtkBox               *study_page;
  GtkBox               *countries_page;
  GtkBox               *items_page;
  GtkBox               *scenarios_page;

  /* Owned */
  SsDocument           *document;
  GSettings            *settings;
  GArray               *rows;                    /* of ItemRow, [0] = portfolio */
  GtkStringList        *scenario_names;
  guint                 tick_id;
  SsAlertList          *alerts;

  /* Borrowed (children) */
  SsShareEditor        *share_editor;
  SsChart              *chart;
  GtkWidget            *chart_buttons[SSC_N_CHARTS];
  GtkSpinButton        *chart_year;
  GPtrArray            *chart_projections;       /* borrowed from the document */
  GtkWidget            *cards[N_CARDS];

  int                   scenario;                /* SS_BASELINE or an index */
  int                   item;                    /* PORTFOLIO or an index */
  gboolean              updating;                /* setting widgets, not editing */
  gboolean              editor_dragging;
  gboolean              alerts_reword;           /* names or lines changed */
  gboolean              close_confirmed;
};

G_DEFINE_FINAL_TYPE (SsWindow, ss_window, ADW_TYPE_APPLICATION_WINDOW)

static void ss_window_queue_update (SsWindow *self);
static void ss_window_rebuild      (SsWindow *self);

/* --- Formatting -------------------------------------------------------- */

static const char *
alert_label (SsAlertLevel level)
{
  switch (level)
    {
    case SS_ALERT_CRITICAL: return C_("alert level", "Critical");
    case SS_ALERT_WARNING: return C_("alert level", "Warning");
    case SS_ALERT_WATCH: return C_("alert level", "Watch");
    case SS_ALERT_NONE:
    default: return C_("alert level", "No alert");
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
set_alert_inscription (GtkInscription *inscription,
                       SsAlertLevel    level)
{
  static const char *classes[] = { "error", "warning", "accent", "success" };

  if (g_strcmp0 (gtk_inscription_get_text (inscription), alert_label (level)) == 0)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (classes); k++)
    gtk_widget_remove_css_class (GTK_WIDGET (inscription), classes[k]);
  gtk_widget_add_css_class (GTK_WIDGET (inscription), alert_css_class (level));
  gtk_inscription_set_text (inscription, alert_label (level));
}

/* Setting a label's text, even to the same text, makes it lay out again:
 * the figures are refreshed every frame of a drag, so compare first. */
static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

/* Only touches the label when the level changed: a change of CSS class
 * restyles the label, and the sidebar has one per item, every frame. */
static void
set_alert_label (GtkLabel     *label,
                 SsAlertLevel  level)
{
  static const char *classes[] = { "error", "warning", "accent", "success" };

  if (g_strcmp0 (gtk_label_get_label (label), alert_label (level)) == 0)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (classes); k++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[k]);
  gtk_widget_add_css_class (GTK_WIDGET (label), alert_css_class (level));
  gtk_label_set_label (label, alert_label (level));
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

/* --- Document access --------------------------------------------------- */

static SsStudy *
study_of (SsWindow *self)
{
  return ss_document_get_study (self->document);
}

static SsScenario *
current_scenario (SsWindow *self)
{
  if (self->scenario == SS_BASELINE)
    return NULL;
  return ss_study_get_scenario (study_of (self), self->scenario);
}

/* The country whose dependence the cards follow: China where the study
 * has it, else the first foreign country. */
static int
watched_country (SsStudy *study)
{
  int cn = ss_study_find_country (study, "CN");

  if (cn >= 0)
    return cn;
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    if (c != ss_study_get_meta (study)->home)
      return c;
  return 0;
}

/* --- Sidebar ----------------------------------------------------------- */

static GtkWidget *
make_item_row (SsWindow   *self,
               const char *name,
               const char *subtitle,
               ItemRow    *out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *code = gtk_label_new (subtitle);
  GtkWidget *alert = gtk_inscription_new (NULL);
  GtkWidget *bar = ss_mix_bar_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_label_set_width_chars (GTK_LABEL (code), 11);
  gtk_label_set_ellipsize (GTK_LABEL (code), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (code, "caption");
  gtk_widget_add_css_class (code, "dim-label");
  /* An inscription's size does not follow its text, so an item whose
   * level changes during a drag does not make the list lay out again. */
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (alert), 9);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (alert), 7);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (alert), 1);
  gtk_widget_add_css_class (alert, "caption-heading");
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bar, TRUE);

  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), alert);
  gtk_box_append (GTK_BOX (bottom), code);
  gtk_box_append (GTK_BOX (bottom), bar);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  out->row = row;
  out->alert = GTK_INSCRIPTION (alert);
  out->bar = SS_MIX_BAR (bar);
  return row;
}

static void
rebuild_sidebar (SsWindow *self)
{
  SsStudy *study = study_of (self);
  GtkWidget *child;
  ItemRow row;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list))) != NULL)
    gtk_list_box_remove (self->item_list, child);
  g_array_set_size (self->rows, 0);

  gtk_list_box_append (self->item_list,
                       make_item_row (self, _("Portfolio"), _("All items"), &row));
  g_array_append_val (self->rows, row);
  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    {
      SsItem *item = ss_study_get_item (study, i);

      gtk_list_box_append (self->item_list, make_item_row (self, item->name, item->code, &row));
      g_array_append_val (self->rows, row);
    }

  if (self->item >= (int)ss_study_get_n_items (study))
    self->item = PORTFOLIO;
  gtk_list_box_select_row (self->item_list,
                           GTK_LIST_BOX_ROW (g_array_index (self->rows, ItemRow, self->item + 1).row));
  self->updating = FALSE;
}

static gboolean
filter_items (GtkListBoxRow *row,
              gpointer       user_data)
{
  SsWindow *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  int index = gtk_list_box_row_get_index (row) - 1;
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;
  SsItem *item;

  if (index < 0 || text == NULL || *text == '\0')
    return TRUE;
  item = ss_study_get_item (study_of (self), index);
  needle = g_utf8_casefold (text, -1);
  haystack = g_utf8_casefold (item->name, -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_free (haystack);
  haystack = g_utf8_casefold (item->code, -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;
  g_free (haystack);
  haystack = g_utf8_casefold (item->category, -1);
  return strstr (haystack, needle) != NULL;
}

static void
on_search_changed (SsWindow *self)
{
  gtk_list_box_invalidate_filter (self->item_list);
}

static void
on_row_selected (SsWindow      *self,
                 GtkListBoxRow *row)
{
  if (self->updating || row == NULL)
    return;
  self->item = gtk_list_box_row_get_index (row) - 1;
  ss_window_queue_update (self);
}

/* --- Scenario selector ------------------------------------------------- */

static void
rebuild_scenarios (SsWindow *self)
{
  SsStudy *study = study_of (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->scenario_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_add (names, (gpointer)_("Baseline"));
  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    g_ptr_array_add (names, ss_study_get_scenario (study, s)->name);
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->scenario_names, 0, n, (const char * const *)names->pdata);
  if (self->scenario >= (int)ss_study_get_n_scenarios (study))
    self->scenario = ss_study_get_n_scenarios (study) > 0 ? 0 : SS_BASELINE;
  gtk_drop_down_set_selected (self->scenario_dropdown, self->scenario + 1);
  self->updating = FALSE;
}

static void
on_scenario_selected (SsWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->scenario_dropdown);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->scenario = (int)selected - 1;
  ss_window_queue_update (self);
}

/* --- Edits ------------------------------------------------------------- */

/* The shares the editor edits: the baseline's, or the scenario's targets. */
static void
current_shares (SsWindow *self,
                double   *shares,
                double   *baseline)
{
  SsStudy *study = study_of (self);
  SsItem *item = ss_study_get_item (study, self->item);
  SsScenario *scenario = current_scenario (self);
  guint nc = ss_study_get_n_countries (study);

  for (guint c = 0; c < nc; c++)
    {
      baseline[c] = item->sources[c].attr[SS_SOURCE_SHARE];
      shares[c] = scenario != NULL && scenario->targets[self->item] != NULL
                  ? scenario->targets[self->item][c] : baseline[c];
    }
}

/* A shock has no targets: its editor is insensitive, and a change made
 * to it anyway (from code) edits nothing. */
static void
on_editor_begin (SsWindow *self)
{
  SsScenario *scenario = current_scenario (self);

  self->editor_dragging = TRUE;
  if (scenario == NULL || scenario->kind == SS_SCENARIO_STRATEGY)
    ss_document_begin_edit (self->document);
}

/* A step of the editor's gesture: it joins the edit "edit-begin" opened. */
static void
on_editor_changed (SsWindow *self)
{
  const double *shares = ss_share_editor_get_shares (self->share_editor);
  guint nc = ss_study_get_n_countries (study_of (self));
  g_autoptr(GError) error = NULL;

  if (!ss_document_in_edit (self->document) || self->item < 0)
    return;

  if (self->scenario == SS_BASELINE
      ? !ss_document_set_shares (self->document, self->item, shares, nc, &error)
      : !ss_document_set_target (self->document, self->scenario, self->item, shares, nc, &error))
    g_warning ("The share editor's shares were refused: %s", error->message);
}

static void
on_editor_end (SsWindow *self)
{
  self->editor_dragging = FALSE;
  if (ss_document_in_edit (self->document))
    ss_document_end_edit (self->document);
  ss_window_queue_update (self);
}

/* One lever change is one undo step. */
static void
on_lever_changed (SsWindow      *self,
                  GtkSpinButton *spin)
{
  double value = gtk_spin_button_get_value (spin);
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (self->updating || self->scenario == SS_BASELINE)
    return;

  if (spin == self->transition_spin)
    done = ss_document_set_scenario_lever (self->document, self->scenario, SS_LEVER_TRANSITION_YEARS,
                                           value, &error);
  else if (spin == self->switching_spin)
    done = ss_document_set_scenario_lever (self->document, self->scenario, SS_LEVER_SWITCHING_COST,
                                           value / 100, &error);
  else if (spin == self->subsidy_spin)
    done = ss_document_set_scenario_lever (self->document, self->scenario, SS_LEVER_SUBSIDY,
                                           value / 100, &error);
  else
    done = ss_document_set_stockpile (self->document, self->scenario,
                                      self->item >= 0 && gtk_drop_down_get_selected (self->stockpile_scope) == 0
                                      ? self->item : SS_ALL_ITEMS,
                                      value, &error);
  if (!done)
    ss_window_toast (self, error->message);
}

static void
on_stockpile_scope_changed (SsWindow *self)
{
  if (!self->updating)
    ss_window_queue_update (self);
}

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

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* --- Figures ----------------------------------------------------------- */

static SsTrend
trend_of (double scenario,
          double baseline,
          gboolean lower_is_better)
{
  if (fabs (scenario - baseline) < 1e-9 * MAX (1, fabs (baseline)))
    return SS_TREND_NEUTRAL;
  return (scenario < baseline) == lower_is_better ? SS_TREND_GOOD : SS_TREND_BAD;
}

static void
update_cards (SsWindow           *self,
              const SsProjection *p,
              const SsProjection *b)
{
  SsStudy *study = study_of (self);
  SsMeta *meta = ss_study_get_meta (study);
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
  value = g_strdup_printf ("%s → %s", alert_label (level_first), alert_label (level_last));
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

/* Shows one alert in row `index` of the list, reusing the row that is
 * there: creating rows is the costly part, and during a drag the alerts
 * change their words (a year, a share) far more often than their number. */
static void
show_alert_row (SsWindow   *self,
                guint       index,
                const char *title,
                const char *subtitle,
                const char *css_class)
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

/* An alert of the list in words. */
static void
describe_alert (SsWindow  *self,
                SsAlert   *alert,
                char     **title,
                char     **subtitle)
{
  SsStudy *study = study_of (self);
  SsMeta *meta = ss_study_get_meta (study);
  int last_year = meta->base_year + meta->horizon;
  SsAlertLevel level = ss_alert_get_level (alert);
  int country = ss_alert_get_country (alert);
  g_autofree char *name = country >= 0 ? ss_bidi_isolate (ss_study_get_country (study, country)->name)
                                       : NULL;

  switch (ss_alert_get_kind (alert))
    {
    case SS_ALERT_KIND_ITEM:
      *title = g_strdup (ss_study_get_item (study, ss_alert_get_item (alert))->name);
      *subtitle = g_strdup_printf (_("%s in %d, %s in %d"), alert_label (ss_alert_get_first_level (alert)),
                                   meta->base_year, alert_label (level), last_year);
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
    case SS_ALERT_KIND_NONE:
    default:
      *title = g_strdup (_("No alerts"));
      *subtitle = g_strdup (_("No dependence above the watch line, no critical supply risk"));
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
      show_alert_row (self, k, title, subtitle, alert_css_class (ss_alert_get_level (alert)));
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
static void
update_alerts (SsWindow           *self,
               const SsProjection *p)
{
  ss_alert_list_update (self->alerts, study_of (self), p, self->scenario, self->item);
  if (self->alerts_reword)
    show_alerts_from (self, 0);
  self->alerts_reword = FALSE;
}

static void
update_sidebar (SsWindow           *self,
                const SsProjection *p)
{
  SsStudy *study = study_of (self);
  guint ny = p->n_years, nc = p->n_countries, last = ny - 1;
  SsAlertLevel worst = SS_ALERT_NONE;
  double mix[SS_MAX_COUNTRIES] = { 0 };

  if (self->rows->len != p->n_items + 1)
    return;

  for (guint i = 0; i < p->n_items; i++)
    {
      ItemRow *row = &g_array_index (self->rows, ItemRow, i + 1);
      SsAlertLevel level = p->alert[(gsize)i * ny + last];

      set_alert_inscription (row->alert, level);
      ss_mix_bar_set_shares (row->bar, study, &p->share[(gsize)i * nc * ny + last], ny);
      worst = MAX (worst, level);
    }
  for (guint c = 0; c < nc; c++)
    mix[c] = p->spend_share[c * ny + last];
  set_alert_inscription (g_array_index (self->rows, ItemRow, 0).alert, worst);
  ss_mix_bar_set_shares (g_array_index (self->rows, ItemRow, 0).bar, study, mix, 1);
}

/* The chart shows the selected scenario and item; compare needs every
 * scenario's projection (only stale ones are recomputed). */
static void
fill_chart_data (SsWindow    *self,
                 SscChartData *data)
{
  SsStudy *study = study_of (self);
  SscChartKind kind = ss_chart_get_kind (self->chart);
  guint n = 1 + ss_study_get_n_scenarios (study);

  g_ptr_array_set_size (self->chart_projections, n);
  for (guint k = 0; k < n; k++)
    {
      gboolean needed = k == 0 || (int)k == self->scenario + 1 || ssc_chart_kind_needs_all_scenarios (kind);

      g_ptr_array_index (self->chart_projections, k) =
        needed ? (gpointer)ss_document_get_projection (self->document, (int)k - 1) : NULL;
    }
  ssc_chart_data_init (data, study, self->chart_projections);
  data->scenario = self->scenario;
  data->item = self->item;
  data->year = (int)gtk_spin_button_get_value (self->chart_year) - ss_study_get_meta (study)->base_year;
  /* One item's chart (the frontier): the portfolio shows the first. */
  if (ssc_chart_kind_needs_item (kind) && data->item < 0)
    data->item = 0;
}

static void
update_chart (SsWindow *self)
{
  SsStudy *study = study_of (self);
  SsMeta *meta = ss_study_get_meta (study);
  SscChartData data;

  gtk_spin_button_set_range (self->chart_year, meta->base_year, meta->base_year + meta->horizon);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_year),
                          ssc_chart_kind_uses_year (ss_chart_get_kind (self->chart)));
  fill_chart_data (self, &data);
  ss_chart_set_data (self->chart, &data);
}

static void
on_chart_kind_toggled (SsWindow        *self,
                       GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (guint k = 0; k < SSC_N_CHARTS; k++)
    if (self->chart_buttons[k] == GTK_WIDGET (button))
      ss_chart_set_kind (self->chart, k);
  if (!self->updating && self->document != NULL)
    update_chart (self);
}

static void
on_chart_year_changed (SsWindow *self)
{
  if (!self->updating && self->document != NULL)
    update_chart (self);
}

static void
update_content (SsWindow           *self,
                const SsProjection *p,
                const SsProjection *b)
{
  SsStudy *study = study_of (self);
  SsMeta *meta = ss_study_get_meta (study);
  SsScenario *scenario = current_scenario (self);
  g_autofree char *scenario_name = scenario != NULL ? ss_bidi_isolate (scenario->name)
                                                    : g_strdup (_("Baseline"));
  g_autofree char *heading = NULL, *figures = NULL, *subtitle = NULL;
  double stockpile;

  self->updating = TRUE;

  if (self->item < 0)
    {
      set_label (self->item_title, _("Portfolio"));
      subtitle = g_strdup_printf (ngettext ("%u item", "%u items", ss_study_get_n_items (study)),
                                  ss_study_get_n_items (study));
      set_label (self->item_subtitle, subtitle);
    }
  else
    {
      SsItem *item = ss_study_get_item (study, self->item);

      g_autofree char *category = ss_bidi_isolate (item->category);

      set_label (self->item_title, item->name);
      subtitle = *item->category ? g_strdup_printf (_("HS %s · %s"), item->code, category)
                                 : g_strdup_printf (_("HS %s"), item->code);
      set_label (self->item_subtitle, subtitle);
    }

  gtk_widget_set_visible (self->shares_section, self->item >= 0);
  if (self->item >= 0)
    {
      double shares[SS_MAX_COUNTRIES], baseline[SS_MAX_COUNTRIES];

      heading = scenario != NULL
        ? g_strdup_printf (_("Target shares in “%s”, reached over the transition"), scenario_name)
        : g_strdup (_("Baseline shares"));
      set_label (self->shares_heading, heading);
      gtk_widget_set_sensitive (GTK_WIDGET (self->share_editor),
                                scenario == NULL || scenario->kind == SS_SCENARIO_STRATEGY);
      if (!self->editor_dragging)
        {
          current_shares (self, shares, baseline);
          ss_share_editor_set_shares (self->share_editor, shares, baseline, ss_study_get_n_countries (study));
        }
    }

  gtk_widget_set_visible (self->levers_group, scenario != NULL);
  if (scenario != NULL)
    {
      gboolean all = self->item < 0 || gtk_drop_down_get_selected (self->stockpile_scope) == 1;
      /* A shock only changes the world: it has no targets or levers. */
      gboolean strategy = scenario->kind == SS_SCENARIO_STRATEGY;

      gtk_widget_set_sensitive (GTK_WIDGET (self->transition_spin), strategy);
      gtk_widget_set_sensitive (GTK_WIDGET (self->switching_spin), strategy);
      gtk_widget_set_sensitive (GTK_WIDGET (self->subsidy_spin), strategy);
      gtk_spin_button_set_value (self->transition_spin, scenario->transition_years);
      gtk_spin_button_set_value (self->switching_spin, 100 * scenario->switching_cost);
      gtk_spin_button_set_value (self->subsidy_spin, 100 * scenario->subsidy);
      if (all)
        stockpile = scenario->has_stockpile_all ? scenario->stockpile_all : 0;
      else if (!isnan (scenario->stockpile[self->item]))
        stockpile = scenario->stockpile[self->item];
      else if (scenario->has_stockpile_all)
        stockpile = scenario->stockpile_all;
      else
        stockpile = ss_study_get_item (study, self->item)->attr[SS_ITEM_STOCKPILE_DAYS];
      gtk_spin_button_set_value (self->stockpile_spin, stockpile);
      gtk_widget_set_visible (GTK_WIDGET (self->stockpile_scope), self->item >= 0);
      {
        const char *subtitle_text = all ? _("Days of consumption held, for all items")
                                        : _("Days of consumption held, for this item");

        if (g_strcmp0 (adw_action_row_get_subtitle (self->stockpile_row), subtitle_text) != 0)
          adw_action_row_set_subtitle (self->stockpile_row, subtitle_text);
      }
    }

  figures = g_strdup_printf (_("%s, %d to %d"), scenario_name, meta->base_year, meta->base_year + meta->horizon);
  set_label (self->figures_heading, figures);

  update_cards (self, p, b);
  update_alerts (self, p);
  update_chart (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-item",
                                 scenario != NULL && self->item >= 0 && scenario->targets[self->item] != NULL);
  self->updating = FALSE;
}

static void
update_title (SsWindow *self)
{
  SsStudy *study = study_of (self);
  g_autofree char *name = ss_document_get_display_name (self->document);
  g_autofree char *isolated_name = ss_bidi_isolate (name);
  g_autofree char *subtitle = NULL;
  gboolean modified = ss_document_get_modified (self->document);

  if (ss_document_get_file (self->document) == NULL)
    subtitle = g_strdup (modified ? _("Not saved •") : _("Not saved"));
  else
    subtitle = modified ? g_strdup_printf ("%s •", isolated_name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, ss_study_get_meta (study)->title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  if (self->data_window != NULL)
    {
      g_autofree char *title = ss_bidi_isolate (ss_study_get_meta (study)->title);
      g_autofree char *data_title = g_strdup_printf (_("Study Data — %s"), title);

      gtk_window_set_title (GTK_WINDOW (self->data_window), data_title);
    }
  gtk_window_set_title (GTK_WINDOW (self), ss_study_get_meta (study)->title);
}

static void
update_actions (SsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", ss_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", ss_document_can_redo (self->document));
}

/* Runs once per frame at most: whatever changed since the last frame is
 * recomputed (only the projections edits made stale) and shown. */
static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SsWindow *self = SS_WINDOW (widget);

  self->tick_id = 0;
  ss_window_refresh (self);
  return G_SOURCE_REMOVE;
}

void
ss_window_refresh (SsWindow *self)
{
  const SsProjection *b, *p;

  if (self->document == NULL)
    return;
  b = ss_document_get_projection (self->document, SS_BASELINE);
  p = ss_document_get_projection (self->document, self->scenario);
  update_sidebar (self, p);
  update_content (self, p, b);
}

static void
ss_window_queue_update (SsWindow *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

static void
on_document_changed (SsWindow   *self,
                     guint       change,
                     int         scenario,
                     SsDocument *document)
{
  if (change & SS_CHANGE_STRUCTURE)
    ss_window_rebuild (self);
  else
    ss_window_queue_update (self);
}

static void
on_document_notify (SsWindow *self)
{
  update_title (self);
  update_actions (self);
}

static void
ss_window_rebuild (SsWindow *self)
{
  SsStudy *study = study_of (self);

  if (self->item >= (int)ss_study_get_n_items (study))
    self->item = PORTFOLIO;
  ss_share_editor_set_countries (self->share_editor, study);
  self->alerts_reword = TRUE;
  rebuild_scenarios (self);
  rebuild_sidebar (self);
  update_title (self);
  update_actions (self);
  ss_window_queue_update (self);
}

/* --- Charts ------------------------------------------------------------ */

static void
build_chart_section (SsWindow *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *kinds = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *heading = gtk_label_new (_("Charts"));
  GtkWidget *export_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkToggleButton *group = NULL;

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (kinds, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (kinds), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"), -1);
  for (guint k = 0; k < SSC_N_CHARTS; k++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (ssc_chart_kind_get_label (k));

      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      self->chart_buttons[k] = button;
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_chart_kind_toggled), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (kinds), button);
    }

  self->chart_year = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, 2100, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->chart_year), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chart_year), _("Year the heatmap shows"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_year), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Heatmap year"), -1);
  ss_input_guard (GTK_WIDGET (self->chart_year));
  g_signal_connect_object (self->chart_year, "value-changed", G_CALLBACK (on_chart_year_changed), self,
                           G_CONNECT_SWAPPED);

  g_menu_append (menu, _("Export as _SVG…"), "win.export-chart::svg");
  g_menu_append (menu, _("Export as _PDF…"), "win.export-chart::pdf");
  g_menu_append (menu, _("Export as P_NG…"), "win.export-chart::png");
  g_menu_append (menu, _("_Copy Image"), "win.copy-chart");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export_button), "document-send-symbolic");
  gtk_widget_set_tooltip_text (export_button, _("Export the chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (export_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export the chart"), -1);

  gtk_box_append (GTK_BOX (bar), heading);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->chart_year));
  gtk_box_append (GTK_BOX (bar), kinds);
  gtk_box_append (GTK_BOX (bar), export_button);
  gtk_box_append (GTK_BOX (self->chart_box), bar);

  self->chart = SS_CHART (ss_chart_new (SSC_CHART_MIX));
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 380);
  gtk_widget_add_css_class (GTK_WIDGET (self->chart), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self->chart), GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (self->chart_box), GTK_WIDGET (self->chart));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->chart_buttons[SSC_CHART_MIX]), TRUE);
}

static char *
chart_file_name (SsWindow   *self,
                 const char *extension)
{
  SsStudy *study = study_of (self);
  SsScenario *scenario = current_scenario (self);
  const char *item = self->item >= 0 ? ss_study_get_item (study, self->item)->code : "portfolio";
  char *name = g_strdup_printf ("%s-%s-%s.%s", ssc_chart_kind_to_string (ss_chart_get_kind (self->chart)),
                                scenario != NULL ? scenario->id : "baseline", item, extension);

  g_strdelimit (name, "/\\:", '-');
  return name;
}

typedef struct
{
  SsWindow    *window;
  SscChartKind  kind;
} ChartExport;

static void
on_export_chart_response (GtkNativeDialog *dialog,
                          int              response,
                          ChartExport     *job)
{
  SsWindow *self = job->window;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *basename = ss_file_get_display_basename (file);
      g_autofree char *name = ss_bidi_isolate (basename);
      g_autoptr(GError) error = NULL;
      SscChartData data;

      fill_chart_data (self, &data);
      if (path == NULL || !ssc_chart_export (job->kind, &data, path, 960, 600, &error))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” could not be written: %s"), name,
                                                      error != NULL ? error->message : _("not a local file"));

          ss_window_toast (self, message);
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Chart exported to “%s”"), name);

          ss_window_toast (self, message);
        }
    }
  g_object_unref (job->window);
  g_free (job);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                              _("_Cancel"));
  g_autofree char *name = chart_file_name (self, format);
  ChartExport *job = g_new0 (ChartExport, 1);

  job->window = g_object_ref (self);
  job->kind = ss_chart_get_kind (self->chart);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_chart_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The chart as the export draws it (light style, 960×600), as an image on
 * the clipboard, for pasting into a slide. */
static void
copy_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 600);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  SscChartData data;

  fill_chart_data (self, &data);
  ssc_chart_data_set_style (&data, FALSE);
  data.fill_background = TRUE;
  ssc_chart_render (ss_chart_get_kind (self->chart), &data, cr, 960, 600, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize)cairo_image_surface_get_stride (surface) * 600);
  texture = gdk_memory_texture_new (960, 600, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  ss_window_toast (self, _("Chart copied"));
}

/* --- The study data window -------------------------------------------- */

static GtkBox *
add_data_page (SsWindow   *self,
               const char *name,
               const char *title,
               const char *icon)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  adw_view_stack_add_titled (self->data_stack, box, name, title);
  adw_view_stack_page_set_icon_name (adw_view_stack_get_page (self->data_stack, box), icon);
  return GTK_BOX (box);
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

/* Countries, items and scenarios are edited in a window of their own, so
 * the main window stays the scenario editor. Closing it only hides it. */
static void
create_data_window (SsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_view_switcher_title_new ();
  GtkWidget *bar = adw_view_switcher_bar_new ();

  self->data_window = ADW_WINDOW (adw_window_new ());
  gtk_window_set_transient_for (GTK_WINDOW (self->data_window), GTK_WINDOW (self));
  gtk_window_set_hide_on_close (GTK_WINDOW (self->data_window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self->data_window), 1100, 720);
  self->data_stack = ADW_VIEW_STACK (adw_view_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->data_stack), TRUE);

  self->study_page = add_data_page (self, "study", _("Study"), "document-properties-symbolic");
  self->countries_page = add_data_page (self, "countries", _("Countries"), "mark-location-symbolic");
  self->items_page = add_data_page (self, "items", _("Items"), "view-list-symbolic");
  self->scenarios_page = add_data_page (self, "scenarios", _("Scenarios"), "view-paged-symbolic");

  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), self->data_stack);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), self->data_stack);
  g_object_bind_property (title, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->data_stack));
  gtk_box_append (GTK_BOX (box), bar);
  adw_window_set_content (self->data_window, box);

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
}

static void
study_data_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);

  if (parameter != NULL)
    adw_view_stack_set_visible_child_name (self->data_stack, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (self->data_window));
}

/* --- Documents and files ----------------------------------------------- */

SsDocument *
ss_window_get_document (SsWindow *self)
{
  return self->document;
}

SsStudy *
ss_window_get_study (SsWindow *self)
{
  return self->document != NULL ? study_of (self) : NULL;
}

void
ss_window_set_document (SsWindow   *self,
                        SsDocument *document)
{
  g_return_if_fail (SS_IS_WINDOW (self));
  g_return_if_fail (SS_IS_DOCUMENT (document));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify", G_CALLBACK (on_document_notify), self, G_CONNECT_SWAPPED);

  self->item = ss_study_get_n_items (study_of (self)) > 0 ? 0 : PORTFOLIO;
  self->scenario = ss_study_get_n_scenarios (study_of (self)) > 0 ? 0 : SS_BASELINE;
  ss_window_pages_set_document (self, document);
  ss_window_files_set_document (self, document);
  ss_window_rebuild (self);
}

void
ss_window_set_study (SsWindow *self,
                     SsStudy  *study,
                     GFile    *file)
{
  g_autoptr(SsDocument) document = ss_document_new (study, file);

  ss_window_set_document (self, document);
}

void
ss_window_select (SsWindow *self,
                  int       scenario,
                  int       item)
{
  self->scenario = scenario;
  self->item = item;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->scenario_dropdown, scenario + 1);
  gtk_list_box_select_row (self->item_list,
                           GTK_LIST_BOX_ROW (g_array_index (self->rows, ItemRow, item + 1).row));
  self->updating = FALSE;
  ss_window_refresh (self);
}

SsShareEditor *
ss_window_get_share_editor (SsWindow *self)
{
  return self->share_editor;
}

GtkWidget *
ss_window_get_card (SsWindow *self,
                    guint     index)
{
  g_return_val_if_fail (index < N_CARDS, NULL);
  return self->cards[index];
}

void
ss_window_toast (SsWindow   *self,
                 const char *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

GSettings *
ss_window_get_settings (SsWindow *self)
{
  return self->settings;
}

GtkBox *
ss_window_get_page (SsWindow   *self,
                    const char *name)
{
  if (g_str_equal (name, "study"))
    return self->study_page;
  if (g_str_equal (name, "countries"))
    return self->countries_page;
  if (g_str_equal (name, "items"))
    return self->items_page;
  if (g_str_equal (name, "scenarios"))
    return self->scenarios_page;
  g_return_val_if_reached (NULL);
}

GMenu *
_ss_window_get_recent_menu (SsWindow *self)
{
  return self->recent_submenu;
}

/* Everything under the header bar. */
GtkWidget *
_ss_window_get_content (SsWindow *self)
{
  return GTK_WIDGET (self->toasts);
}

/* --- Lifecycle --------------------------------------------------------- */

static void
save_window_state (SsWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
ss_window_close_request (GtkWindow *window)
{
  SsWindow *self = SS_WINDOW (window);

  if (!self->close_confirmed && self->document != NULL && ss_document_get_modified (self->document))
    {
      ss_window_confirm_discard (self, SS_PENDING_CLOSE, NULL);
      return TRUE;
    }
  save_window_state (self);
  return GTK_WINDOW_CLASS (ss_window_parent_class)->close_request (window);
}

void
ss_window_close_confirmed (SsWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
ss_window_dispose (GObject *object)
{
  SsWindow *self = SS_WINDOW (object);

  /* A file still being read is dropped with the window. */
  ss_window_cancel_load (self);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  if (self->data_window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self->data_window));
      self->data_window = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->scenario_names);
  g_clear_object (&self->alerts);

  G_OBJECT_CLASS (ss_window_parent_class)->dispose (object);
}

static void
ss_window_finalize (GObject *object)
{
  SsWindow *self = SS_WINDOW (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_ptr_array_unref (self->chart_projections);

  G_OBJECT_CLASS (ss_window_parent_class)->finalize (object);
}

static void
ss_window_class_init (SsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ss_window_dispose;
  object_class->finalize = ss_window_finalize;
  window_class->close_request = ss_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/supplyshift/SupplyShift/ui/ss-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, scenario_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, item_list);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, item_title);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, item_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, alert_badge);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, shares_heading);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, figures_heading);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, shares_section);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, share_editor_box);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, levers_group);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, stockpile_row);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, transition_spin);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, switching_spin);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, subsidy_spin);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, stockpile_spin);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, stockpile_scope);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, cards_box);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, chart_box);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, alerts_list);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, SsWindow, recent_submenu);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.reset-item", NULL, reset_item_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.study-data", NULL, study_data_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", "s", export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_action);
  gtk_widget_class_install_action (widget_class, "win.study-data-page", "s", study_data_action);
  ss_window_files_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.study-data", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.study-data-page", "s", "study");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.study-data-page", "s",
                                       "countries");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.study-data-page", "s", "items");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.study-data-page", "s",
                                       "scenarios");
}

static void
ss_window_init (SsWindow *self)
{
  static const char *card_titles[N_CARDS] = {
    N_("NPV cost premium"), N_("Supply risk"), N_("Concentration (HHI)"), N_("Spend from China"),
    N_("Expected shortfall impact"), N_("Shortfall impact VaR95"), N_("Alert level"),
  };
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_type_ensure (SS_TYPE_SHARE_EDITOR);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_array_new (FALSE, FALSE, sizeof (ItemRow));
  self->alerts = ss_alert_list_new ();
  g_signal_connect_object (self->alerts, "items-changed", G_CALLBACK (on_alerts_changed), self,
                           G_CONNECT_SWAPPED);
  self->chart_projections = g_ptr_array_new ();
  self->scenario = SS_BASELINE;
  self->item = PORTFOLIO;

  /* Settings are optional: an uninstalled run without the compiled schema
   * still works, it just forgets the window size. */
  if (source != NULL && (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  if (g_getenv ("SUPPLYSHIFT_WINDOW_SIZE") != NULL)
    {
      int width = 0, height = 0;

      if (sscanf (g_getenv ("SUPPLYSHIFT_WINDOW_SIZE"), "%dx%d", &width, &height) == 2)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
    }

  self->scenario_names = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->scenario_dropdown, G_LIST_MODEL (self->scenario_names));
  g_signal_connect_object (self->scenario_dropdown, "notify::selected",
                           G_CALLBACK (on_scenario_selected), self, G_CONNECT_SWAPPED);

  gtk_list_box_set_filter_func (self->item_list, filter_items, self, NULL);
  g_signal_connect_object (self->item_list, "row-selected", G_CALLBACK (on_row_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self,
                           G_CONNECT_SWAPPED);

  self->share_editor = SS_SHARE_EDITOR (ss_share_editor_new ());
  gtk_box_append (GTK_BOX (self->share_editor_box), GTK_WIDGET (self->share_editor));
  g_signal_connect_object (self->share_editor, "edit-begin", G_CALLBACK (on_editor_begin), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->share_editor, "shares-changed", G_CALLBACK (on_editor_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->share_editor, "edit-end", G_CALLBACK (on_editor_end), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->transition_spin, "value-changed", G_CALLBACK (on_lever_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switching_spin, "value-changed", G_CALLBACK (on_lever_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->subsidy_spin, "value-changed", G_CALLBACK (on_lever_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stockpile_spin, "value-changed", G_CALLBACK (on_lever_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stockpile_scope, "notify::selected", G_CALLBACK (on_stockpile_scope_changed),
                           self, G_CONNECT_SWAPPED);
  ss_input_guard (GTK_WIDGET (self->transition_spin));
  ss_input_guard (GTK_WIDGET (self->switching_spin));
  ss_input_guard (GTK_WIDGET (self->subsidy_spin));
  ss_input_guard (GTK_WIDGET (self->stockpile_spin));

  for (guint k = 0; k < N_CARDS; k++)
    {
      self->cards[k] = ss_metric_card_new (_(card_titles[k]));
      gtk_flow_box_append (self->cards_box, self->cards[k]);
    }

  build_chart_section (self);

  create_data_window (self);
  ss_window_files_init (self);
  ss_window_pages_init (self);
}

SsWindow *
ss_window_new (SsApplication *app)
{
  return g_object_new (SS_TYPE_WINDOW, "application", app, NULL);
}
