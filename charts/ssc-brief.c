/* ssc-brief.c: the briefing pack, a multi-page PDF of a study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a planner puts in front of a ministry committee (issue 13): a
 * cover; a table of every scenario's headline figures in each policy-
 * target year and the final year; the stress grid; per strategy its mix,
 * cost and risk charts; per item half a page with its mix chart, figures,
 * alerts and the year it meets the policy targets; the alert timeline;
 * and the study's assumptions and sources. A4 landscape, the shape of a
 * slide and of a printout, drawn with the same chart code as the window
 * (ssc_chart_render()), the figures the model's (SsDocument).
 *
 * The text is translated like the window's and laid out by Pango, which
 * takes Hangul from the system's CJK font (fonts-noto-cjk) and embeds
 * it. The same study gives the same bytes: the dates in the metadata are
 * the cover's date, else a fixed one, and nothing else varies.
 */

#define G_LOG_DOMAIN "supplyshift-brief"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "ss-alerts.h"
#include "ss-figures.h"
#include "ss-safe-file.h"
#include "ssc-brief.h"
#include "ssc-chart.h"
#include "ssc-format.h"
#include "ssc-palette.h"

/* A4 landscape in points. */
#define PAGE_W   841.89
#define PAGE_H   595.28
#define MARGIN   40.0
#define HEAD_H   34.0                  /* the band with the section's title */
#define FOOT_H   18.0
#define CONTENT_X MARGIN
#define CONTENT_Y (MARGIN + HEAD_H)
#define CONTENT_W (PAGE_W - 2 * MARGIN)
#define CONTENT_H (PAGE_H - 2 * MARGIN - HEAD_H - FOOT_H)

/* Charts are designed in pixels at 96 to the inch, as the exports are. */
#define PX 0.75

#define FONT "Cantarell, DejaVu Sans, Noto Sans CJK KR, Sans"

typedef struct
{
  SsDocument     *document;
  const SsStudy  *study;
  const SsMeta   *meta;
  const SscBriefInfo *info;
  cairo_t        *cr;
  guint           page;
  GPtrArray      *projections;         /* the document's, not owned */
  GPtrArray      *cells;
  GArray         *strategies;          /* the stress grid's rows */
  GArray         *shocks;
  double          fg[4];
  double          muted[4];
  double          accent[4];
  double          rule[4];
} Brief;

/* ------------------------------------------------------------------ */
/* Text                                                                */
/* ------------------------------------------------------------------ */

/* Draws text (markup when markup is TRUE) in a box of width w at (x, y),
 * aligned, wrapped and cut at max_lines lines of each paragraph (0: no
 * limit; Pango counts a negative height per paragraph), or with a
 * negative max_lines, cut with an ellipsis to -max_lines points of height
 * in all; returns its height. A NULL rgba measures only. */
static double
text_at (Brief          *b,
         double          x,
         double          y,
         double          w,
         const char     *str,
         double          size,
         PangoWeight     weight,
         const double    rgba[4],
         PangoAlignment  align,
         int             max_lines,
         gboolean        markup)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (b->cr);
  PangoFontDescription *desc = pango_font_description_from_string (FONT);
  int height;

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, (int)(w * PANGO_SCALE));
  /* At word boundaries (between Korean words too), a word longer than
   * the line broken where it must be. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  if (max_lines != 0)
    {
      pango_layout_set_height (layout, max_lines > 0 ? -max_lines : -max_lines * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  if (markup)
    pango_layout_set_markup (layout, str, -1);
  else
    pango_layout_set_text (layout, str, -1);
  pango_layout_get_size (layout, NULL, &height);
  if (rgba != NULL)
    {
      cairo_move_to (b->cr, x, y);
      cairo_set_source_rgba (b->cr, rgba[0], rgba[1], rgba[2], rgba[3]);
      pango_cairo_show_layout (b->cr, layout);
    }
  return height / (double)PANGO_SCALE;
}

static double
text (Brief        *b,
      double        x,
      double        y,
      double        w,
      const char   *str,
      double        size,
      PangoWeight   weight,
      const double  rgba[4])
{
  return text_at (b, x, y, w, str, size, weight, rgba, PANGO_ALIGN_LEFT, 0, FALSE);
}

/* ------------------------------------------------------------------ */
/* Pages                                                               */
/* ------------------------------------------------------------------ */

/* Starts a page with its section's title and the study's, and its number. */
static void
page_begin (Brief      *b,
            const char *section)
{
  g_autofree char *number = NULL;

  if (b->page > 0)
    cairo_show_page (b->cr);
  b->page++;
  text_at (b, MARGIN, MARGIN, CONTENT_W * 0.62, section, 17, PANGO_WEIGHT_BOLD, b->fg,
           PANGO_ALIGN_LEFT, 1, FALSE);
  text_at (b, MARGIN + CONTENT_W * 0.62, MARGIN + 4, CONTENT_W * 0.38, b->meta->title, 9,
           PANGO_WEIGHT_NORMAL, b->muted, PANGO_ALIGN_RIGHT, 1, FALSE);
  cairo_rectangle (b->cr, MARGIN, MARGIN + HEAD_H - 8, CONTENT_W, 0.75);
  cairo_set_source_rgba (b->cr, b->rule[0], b->rule[1], b->rule[2], b->rule[3]);
  cairo_fill (b->cr);
  number = g_strdup_printf ("%u", b->page);
  text_at (b, MARGIN, PAGE_H - MARGIN - 10, CONTENT_W, number, 8, PANGO_WEIGHT_NORMAL, b->muted,
           PANGO_ALIGN_RIGHT, 1, FALSE);
}

/* One chart in a box of the page, drawn as the window draws it. */
static void
chart_at (Brief        *b,
          SscChartKind  kind,
          int           scenario,
          int           item,
          double        x,
          double        y,
          double        w,
          double        h)
{
  SscChartData data;

  ssc_chart_data_init (&data, b->study, b->projections);
  data.cells = b->cells;
  data.scenario = scenario;
  data.item = item;
  cairo_save (b->cr);
  cairo_translate (b->cr, x, y);
  cairo_scale (b->cr, PX, PX);
  ssc_chart_render (kind, &data, b->cr, w / PX, h / PX, NULL);
  cairo_restore (b->cr);
}

static const SsProjection *
projection (Brief *b,
            int    scenario)
{
  return g_ptr_array_index (b->projections, scenario + 1);
}

static const char *
scenario_name (Brief *b,
               int    scenario)
{
  if (scenario == SS_BASELINE)
    return _("Baseline");
  return ss_study_get_scenario (b->study, scenario)->name;
}

static char *
money (Brief  *b,
       double  v)
{
  return ssc_format_value (v);
}

/* The years the summary shows: each policy target's within the horizon,
 * then the final year (once). */
static GArray *
headline_years (Brief *b)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  int last = b->meta->horizon;

  for (guint k = 0; k < b->meta->policy_targets->len; k++)
    {
      int t = g_array_index (b->meta->policy_targets, SsPolicyTarget, k).year - b->meta->base_year;

      if (t >= 0 && t < last)
        g_array_append_val (years, t);
    }
  g_array_append_val (years, last);
  return years;
}

/* ------------------------------------------------------------------ */
/* The cover                                                           */
/* ------------------------------------------------------------------ */

static void
draw_cover (Brief *b)
{
  double y = MARGIN + 70, x = MARGIN + 20, w = CONTENT_W - 40;
  g_autoptr(GString) facts = g_string_new (NULL);
  guint n_strategies = b->strategies->len - 1, n_shocks = b->shocks->len - 1;
  g_autofree char *from = NULL, *made = NULL;

  b->page++;
  cairo_rectangle (b->cr, 0, 0, 14, PAGE_H);
  cairo_set_source_rgba (b->cr, b->accent[0], b->accent[1], b->accent[2], 1);
  cairo_fill (b->cr);

  /* Translators: the kind of document, on the briefing pack's cover */
  y += text (b, x, y, w, _("Briefing pack"), 14, PANGO_WEIGHT_NORMAL, b->accent) + 6;
  y += text_at (b, x, y, w, b->meta->title, 32, PANGO_WEIGHT_BOLD, b->fg, PANGO_ALIGN_LEFT, 2, FALSE) + 14;
  if (b->meta->description[0] != '\0')
    y += text_at (b, x, y, w * 0.8, b->meta->description, 12, PANGO_WEIGHT_NORMAL, b->fg,
                  PANGO_ALIGN_LEFT, 6, FALSE) + 18;

  /* Translators: on the cover: the years, the currency, and what the study holds */
  g_string_append_printf (facts, _("%d–%d · figures in million %s"), b->meta->base_year,
                          b->meta->base_year + b->meta->horizon, b->meta->currency);
  g_string_append (facts, "\n");
  /* Translators: on the cover; each %u is a number */
  g_string_append_printf (facts, _("%u countries · %u items · %u strategies · %u shocks"),
                          ss_study_get_n_countries (b->study), ss_study_get_n_items (b->study),
                          n_strategies, n_shocks);
  if (b->meta->policy_targets->len > 0)
    {
      g_string_append (facts, "\n");
      /* Translators: on the cover, before the policy targets */
      g_string_append (facts, _("Policy targets:"));
      for (guint k = 0; k < b->meta->policy_targets->len; k++)
        {
          const SsPolicyTarget *target = &g_array_index (b->meta->policy_targets, SsPolicyTarget, k);
          g_autofree char *share = ssc_format_percent (target->share, 0);

          g_string_append (facts, k > 0 ? ", " : " ");
          /* Translators: a policy target on the cover: "at most 60 % from one country from 2027" */
          g_string_append_printf (facts, _("at most %s from one country from %d"), share, target->year);
        }
    }
  y += text (b, x, y, w, facts->str, 11, PANGO_WEIGHT_NORMAL, b->fg) + 18;

  /* Translators: on the cover: the study file the pack was made from */
  from = g_strdup_printf (_("Study: %s"), b->info->source_name);
  y += text (b, x, y, w, from, 10, PANGO_WEIGHT_NORMAL, b->muted) + 4;
  if (b->info->date != NULL)
    {
      g_autofree char *day = g_date_time_format (b->info->date, "%Y-%m-%d");
      /* Translators: on the cover: the date of the pack, as 2026-12-01 */
      g_autofree char *line = g_strdup_printf (_("Date: %s"), day);

      y += text (b, x, y, w, line, 10, PANGO_WEIGHT_NORMAL, b->muted) + 4;
    }
  if (b->meta->source[0] != '\0')
    {
      /* Translators: on the cover, before the study's own statement of its sources */
      y += text (b, x, y + 10, w, _("Source"), 10, PANGO_WEIGHT_BOLD, b->fg) + 12;
      text_at (b, x, y, w, b->meta->source, 9, PANGO_WEIGHT_NORMAL, b->muted, PANGO_ALIGN_LEFT,
               MAX (1, (int)floor ((PAGE_H - MARGIN - 30 - y) / 12)), FALSE);
    }
  /* Translators: at the foot of the cover; %s is the program's version */
  made = g_strdup_printf (_("Made with Supply Shift %s"), PACKAGE_VERSION);
  text (b, x, PAGE_H - MARGIN - 12, w, made, 8, PANGO_WEIGHT_NORMAL, b->muted);
}

/* ------------------------------------------------------------------ */
/* The summary table                                                   */
/* ------------------------------------------------------------------ */

static void
draw_summary (Brief *b)
{
  g_autoptr(GArray) years = headline_years (b);
  guint n_cols = 1 + 4 * years->len, n_rows = 1 + ss_study_get_n_scenarios (b->study);
  double name_w = 150, col_w = (CONTENT_W - name_w) / n_cols, y = CONTENT_Y + 6, row_h;
  double size = col_w < 46 ? 7.5 : 8.5;
  const char *heads[4];
  g_autofree char *note = NULL;

  /* Translators: the summary page's title */
  page_begin (b, _("Summary: every scenario"));
  /* Translators: column heads of the summary table */
  heads[0] = _("Shortfall impact (EL)");
  heads[1] = _("VaR95");
  heads[2] = _("Supply risk");
  heads[3] = _("Items over target");

  /* Two rows of heads: the year over its four columns. */
  text_at (b, CONTENT_X + name_w, y, col_w - 4, _("Premium (NPV)"), size, PANGO_WEIGHT_BOLD, b->fg,
           PANGO_ALIGN_RIGHT, 3, FALSE);
  for (guint k = 0; k < years->len; k++)
    {
      int year = b->meta->base_year + g_array_index (years, int, k);
      double gx = CONTENT_X + name_w + (1 + 4 * k) * col_w;
      g_autofree char *label = g_strdup_printf ("%d", year);

      text_at (b, gx, y, 4 * col_w - 4, label, size + 1, PANGO_WEIGHT_BOLD, b->fg, PANGO_ALIGN_CENTER, 1, FALSE);
      cairo_rectangle (b->cr, gx + 6, y + 15, 4 * col_w - 12, 0.75);
      cairo_set_source_rgba (b->cr, b->rule[0], b->rule[1], b->rule[2], b->rule[3]);
      cairo_fill (b->cr);
      for (guint j = 0; j < 4; j++)
        text_at (b, gx + j * col_w, y + 20, col_w - 4, heads[j], size, PANGO_WEIGHT_NORMAL, b->muted,
                 PANGO_ALIGN_RIGHT, 3, FALSE);
    }
  y += 20 + 3 * (size + 3) + 6;
  row_h = MIN (30, (CONTENT_H - (y - CONTENT_Y) - 40) / n_rows);

  for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (b->study); s++)
    {
      const SsProjection *p = projection (b, s);
      g_autofree char *premium = money (b, p->npv_cost_premium);
      gboolean shock = s >= 0 && ss_study_get_scenario (b->study, s)->kind == SS_SCENARIO_SHOCK;
      g_autofree char *name = shock ? g_strdup_printf (_("%s (shock)"), scenario_name (b, s))
                                    : g_strdup (scenario_name (b, s));

      if ((s + 1) % 2 == 1)
        {
          cairo_rectangle (b->cr, CONTENT_X, y - 3, CONTENT_W, row_h);
          cairo_set_source_rgba (b->cr, b->fg[0], b->fg[1], b->fg[2], 0.045);
          cairo_fill (b->cr);
        }
      text_at (b, CONTENT_X + 4, y, name_w - 8, name, size + 0.5, PANGO_WEIGHT_NORMAL, b->fg,
               PANGO_ALIGN_LEFT, 2, FALSE);
      text_at (b, CONTENT_X + name_w, y, col_w - 4, premium, size + 0.5, PANGO_WEIGHT_NORMAL, b->fg,
               PANGO_ALIGN_RIGHT, 1, FALSE);
      for (guint k = 0; k < years->len; k++)
        {
          guint t = g_array_index (years, int, k);
          double gx = CONTENT_X + name_w + (1 + 4 * k) * col_w;
          g_autofree char *el = money (b, p->expected_shortfall_impact[t]);
          g_autofree char *var = isnan (p->var95_shortfall_impact[t]) ? g_strdup ("—")
                                 : money (b, p->var95_shortfall_impact[t]);
          g_autofree char *sr = ssc_format_number (p->portfolio_supply_risk[t], 2);
          g_autofree char *over = g_strdup_printf ("%d", p->over_target_count[t]);
          const char *cells[4] = { el, var, sr, over };

          for (guint j = 0; j < 4; j++)
            text_at (b, gx + j * col_w, y, col_w - 4, cells[j], size + 0.5, PANGO_WEIGHT_NORMAL, b->fg,
                     PANGO_ALIGN_RIGHT, 1, FALSE);
        }
      y += row_h;
    }

  /* Translators: under the summary table; %s is the currency */
  note = g_strdup_printf (_("Money in million %s. The premium is the net present value of what a scenario "
                            "costs more than the baseline. EL is the expected shortfall impact, VaR95 the "
                            "loss exceeded in one year in twenty; items over target count the items with "
                            "more than the policy target from one foreign country."), b->meta->currency);
  text (b, CONTENT_X, y + 10, CONTENT_W, note, 8, PANGO_WEIGHT_NORMAL, b->muted);
}

/* ------------------------------------------------------------------ */
/* Strategies                                                          */
/* ------------------------------------------------------------------ */

static void
draw_strategy (Brief *b,
               int    scenario)
{
  const SsScenario *s = ss_study_get_scenario (b->study, scenario);
  double top = CONTENT_Y;
  g_autofree char *title = NULL;

  /* Translators: a page's title: a strategy's name */
  title = g_strdup_printf (_("Strategy: %s"), s->name);
  page_begin (b, title);
  if (s->description[0] != '\0')
    top += text_at (b, CONTENT_X, top, CONTENT_W, s->description, 9, PANGO_WEIGHT_NORMAL, b->muted,
                    PANGO_ALIGN_LEFT, 2, FALSE) + 4;
  {
    double h = CONTENT_Y + CONTENT_H - top;

    double narrow = (CONTENT_W - 16) * 0.31, wide = CONTENT_W - 16 - 2 * narrow;

    /* Side by side, each the page's height: the cost chart's legend and
     * the risk chart's three panels need it. */
    chart_at (b, SSC_CHART_MIX, scenario, -1, CONTENT_X, top, narrow, h);
    chart_at (b, SSC_CHART_COST, scenario, -1, CONTENT_X + narrow + 8, top, narrow, h);
    chart_at (b, SSC_CHART_RISK, scenario, -1, CONTENT_X + 2 * (narrow + 8), top, wide, h);
  }
}

/* ------------------------------------------------------------------ */
/* Items                                                               */
/* ------------------------------------------------------------------ */

static char *
year_or_never (Brief *b,
               int    t)
{
  if (t < 0)
    /* Translators: an item never meets the policy targets in the horizon; %d is the final year */
    return g_strdup_printf (_("not by %d"), b->meta->base_year + b->meta->horizon);
  return g_strdup_printf ("%d", b->meta->base_year + t);
}

/* The item's alerts under a scenario, one line each. */
static void
append_alerts (Brief   *b,
               GString *s,
               int      scenario,
               int      item)
{
  g_autoptr(SsAlertList) list = ss_alert_list_new ();
  guint n;

  ss_alert_list_update (list, b->study, projection (b, scenario), scenario, item);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint k = 0; k < n; k++)
    {
      g_autoptr(SsAlert) alert = g_list_model_get_item (G_LIST_MODEL (list), k);
      int first = b->meta->base_year + ss_alert_get_first (alert);
      int cleared = ss_alert_get_cleared (alert);
      int country = ss_alert_get_country (alert);
      SsAlertLevel level = ss_alert_get_level (alert);
      const char *name = country >= 0 ? ss_study_get_country (b->study, country)->name : "";
      g_autofree char *line = NULL, *span = NULL, *share = NULL;

      if (cleared < 0)
        /* Translators: when an alert holds, in the briefing: from a year to the end */
        span = g_strdup_printf (_("from %d"), first);
      else
        /* Translators: when an alert holds, in the briefing: the first and the last year */
        span = g_strdup_printf (_("%1$d–%2$d"), first, b->meta->base_year + cleared - 1);
      switch (ss_alert_get_kind (alert))
        {
        case SS_ALERT_KIND_LEVEL:
          share = ssc_format_percent (b->meta->threshold[level - 1], 0);
          /* Translators: an alert in the briefing: the level, a share, when */
          line = g_strdup_printf (_("%1$s: %2$s or more from one country, %3$s"),
                                  ss_alert_level_get_label (level), share, span);
          break;
        case SS_ALERT_KIND_SUPPLY_RISK:
          /* Translators: an alert in the briefing; %s is when */
          line = g_strdup_printf (_("Supply risk of 1 or more, %s"), span);
          break;
        case SS_ALERT_KIND_OVER_CAPACITY:
          /* Translators: an alert in the briefing; %s is a country */
          line = g_strdup_printf (_("A target above what %s can supply"), name);
          break;
        case SS_ALERT_KIND_TARGET_MISSED:
          /* Translators: an alert in the briefing; %s is a country */
          line = g_strdup_printf (_("The target from %s is not reached by the last year"), name);
          break;
        case SS_ALERT_KIND_NONE:
        case SS_ALERT_KIND_ITEM:
        default:
          continue;
        }
      g_string_append_printf (s, "• %s\n", line);
    }
  if (n == 0)
    /* Translators: an item without alerts, in the briefing */
    g_string_append_printf (s, "%s\n", _("No alerts"));
}

static void
draw_item (Brief *b,
           int    item,
           int    scenario,
           double y,
           double h)
{
  const SsItem *it = ss_study_get_item (b->study, item);
  const SsProjection *base = projection (b, SS_BASELINE), *p = projection (b, scenario);
  guint last = b->meta->horizon;
  double chart_w = CONTENT_W * 0.56, x = CONTENT_X + chart_w + 14, w = CONTENT_W - chart_w - 14;
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b> (%s)", it->name, it->code);
  g_autofree char *cost0 = money (b, ss_figures_cost (base, item, 0));
  g_autofree char *cost1 = money (b, ss_figures_cost (p, item, last));
  g_autofree char *sr0 = ssc_format_number (base->supply_risk[ss_projection_at (base, item, 0)], 2);
  g_autofree char *sr1 = ssc_format_number (p->supply_risk[ss_projection_at (p, item, last)], 2);
  g_autofree char *el1 = money (b, ss_figures_shortfall_impact (b->study, p, item, last));
  g_autofree char *heading = NULL;
  double bottom = y + h;
  int top0 = base->top_country[ss_projection_at (base, item, 0)];
  int top1 = p->top_country[ss_projection_at (p, item, last)];

  chart_at (b, SSC_CHART_MIX, scenario, item, CONTENT_X, y, chart_w, h);
  y += text_at (b, x, y + 4, w, title, 12, PANGO_WEIGHT_NORMAL, b->fg, PANGO_ALIGN_LEFT, 2, TRUE) + 8;

  if (top0 >= 0)
    {
      g_autofree char *share = ssc_format_share (base->share[((gsize)item * base->n_countries + top0) * base->n_years]);

      /* Translators: in the briefing: the base year, the share, the country */
      g_string_append_printf (s, _("%1$d: %2$s from %3$s, the largest foreign share"),
                              b->meta->base_year, share, ss_study_get_country (b->study, top0)->name);
      g_string_append_c (s, '\n');
    }
  if (top1 >= 0)
    {
      g_autofree char *share = ssc_format_share (p->share[((gsize)item * p->n_countries + top1) * p->n_years + last]);

      /* Translators: in the briefing: the final year, the scenario, the share, the country */
      g_string_append_printf (s, _("%1$d under %2$s: %3$s from %4$s"), b->meta->base_year + (int)last,
                              scenario_name (b, scenario), share, ss_study_get_country (b->study, top1)->name);
      g_string_append_c (s, '\n');
    }
  /* Translators: in the briefing: cost in the base year and in the final year, both million */
  g_string_append_printf (s, _("Cost: %1$s in %2$d, %3$s in %4$d"), cost0, b->meta->base_year, cost1,
                          b->meta->base_year + (int)last);
  g_string_append_c (s, '\n');
  /* Translators: in the briefing: supply risk in the base year and the final year */
  g_string_append_printf (s, _("Supply risk: %1$s, then %2$s"), sr0, sr1);
  g_string_append_c (s, '\n');
  /* Translators: in the briefing: the expected shortfall impact in the final year */
  g_string_append_printf (s, _("Expected shortfall impact in %1$d: %2$s"), b->meta->base_year + (int)last, el1);
  g_string_append_c (s, '\n');
  y += text (b, x, y, w, s->str, 8.5, PANGO_WEIGHT_NORMAL, b->fg) + 6;

  g_string_truncate (s, 0);
  if (b->meta->policy_targets->len > 0)
    {
      /* Translators: a heading in the briefing, before the year each strategy meets the targets */
      y += text (b, x, y, w, _("Meets the policy targets"), 8.5, PANGO_WEIGHT_BOLD, b->fg) + 2;
      for (guint r = 0; r < b->strategies->len; r++)
        {
          int strategy = g_array_index (b->strategies, int, r);
          g_autofree char *when = year_or_never (b, projection (b, strategy)->target_met_year[item]);

          g_string_append_printf (s, "%s: %s\n", scenario_name (b, strategy), when);
        }
      y += text (b, x, y, w, s->str, 8.5, PANGO_WEIGHT_NORMAL, b->fg) + 6;
    }

  g_string_truncate (s, 0);
  /* Translators: a heading in the briefing; %s is a scenario */
  heading = g_strdup_printf (_("Alerts under %s"), scenario_name (b, scenario));
  y += text (b, x, y, w, heading, 8.5, PANGO_WEIGHT_BOLD, b->fg) + 2;
  append_alerts (b, s, scenario, item);
  /* As many alerts as the half page holds (Korean lines are taller than
   * Latin ones, and a long list ran into the rule under the half page),
   * then how many more there are: the alert timeline has them all. */
  {
    g_auto(GStrv) lines = g_strsplit (g_strchomp (s->str), "\n", -1);
    guint n = g_strv_length (lines), shown = 0;
    g_autoptr(GString) fit = g_string_new (NULL);

    for (; shown < n; shown++)
      {
        g_autoptr(GString) next = g_string_new (fit->str);
        g_autofree char *more = NULL;

        g_string_append_printf (next, "%s\n", lines[shown]);
        if (shown + 1 < n)
          {
            /* Translators: the last line of an item's alerts in the briefing, when they do not all fit */
            more = g_strdup_printf (ngettext ("… and %u more in the alert timeline",
                                              "… and %u more in the alert timeline", n - shown - 1), n - shown - 1);
            g_string_append (next, more);
          }
        if (shown > 0 && text (b, x, y, w, next->str, 8.5, PANGO_WEIGHT_NORMAL, NULL) > bottom - y)
          break;
        g_string_append_printf (fit, "%s\n", lines[shown]);
      }
    if (shown < n)
      g_string_append_printf (fit, ngettext ("… and %u more in the alert timeline",
                                             "… and %u more in the alert timeline", n - shown), n - shown);
    text (b, x, y, w, fit->str, 8.5, PANGO_WEIGHT_NORMAL, b->fg);
  }
}

/* ------------------------------------------------------------------ */
/* The alert timeline                                                  */
/* ------------------------------------------------------------------ */

static void
draw_timeline_grid (Brief  *b,
                    int     scenario,
                    double  y,
                    double  h)
{
  guint ni = ss_study_get_n_items (b->study), ny = b->meta->horizon + 1;
  const SsProjection *p = projection (b, scenario);
  double label_w = 190, head_h = 30, cell_w = (CONTENT_W - label_w) / ny;
  double row_h = MIN (16, (h - head_h) / MAX (1, ni));
  g_autofree char *title = g_strdup_printf ("%s", scenario_name (b, scenario));

  text_at (b, CONTENT_X, y, label_w - 8, title, 10, PANGO_WEIGHT_BOLD, b->fg, PANGO_ALIGN_LEFT, 1, FALSE);
  for (guint t = 0; t < ny; t++)
    {
      g_autofree char *year = g_strdup_printf ("%d", b->meta->base_year + (int)t);

      text_at (b, CONTENT_X + label_w + t * cell_w, y + 14, cell_w, year, 7.5, PANGO_WEIGHT_NORMAL, b->muted,
               PANGO_ALIGN_CENTER, 1, FALSE);
    }
  y += head_h;
  for (guint i = 0; i < ni; i++)
    {
      text_at (b, CONTENT_X, y + (row_h - 10) / 2, label_w - 8, ss_study_get_item (b->study, i)->name, 8,
               PANGO_WEIGHT_NORMAL, b->fg, PANGO_ALIGN_LEFT, 1, FALSE);
      for (guint t = 0; t < ny; t++)
        {
          gsize at = ss_projection_at (p, i, t);
          SsAlertLevel level = p->alert[at];
          double rgb[3], x = CONTENT_X + label_w + t * cell_w;

          if (level != SS_ALERT_NONE)
            ssc_palette_alert_rgb (level, FALSE, rgb);
          else
            rgb[0] = rgb[1] = rgb[2] = 0.94;
          cairo_rectangle (b->cr, x + 0.75, y + 0.75, cell_w - 1.5, row_h - 1.5);
          cairo_set_source_rgb (b->cr, rgb[0], rgb[1], rgb[2]);
          cairo_fill (b->cr);
          /* Over the policy target in force: a dark dot, as the alerts list says it in words. */
          if (p->over_target[at])
            {
              cairo_arc (b->cr, x + cell_w / 2, y + row_h / 2, MIN (2.4, row_h / 5), 0, 2 * G_PI);
              cairo_set_source_rgba (b->cr, 0, 0, 0, 0.75);
              cairo_fill (b->cr);
            }
        }
      y += row_h;
    }
}

static void
draw_timeline (Brief *b)
{
  int second = b->strategies->len > 1 ? g_array_index (b->strategies, int, 1) : SS_BASELINE;
  double legend_y = CONTENT_Y + CONTENT_H - 16, x = CONTENT_X, half;
  gboolean two = second != SS_BASELINE;

  /* Translators: the alert timeline page's title */
  page_begin (b, _("Alert timeline"));
  half = (legend_y - CONTENT_Y - 10) / (two ? 2 : 1);
  draw_timeline_grid (b, SS_BASELINE, CONTENT_Y, half - 8);
  if (two)
    draw_timeline_grid (b, second, CONTENT_Y + half, half - 8);

  for (SsAlertLevel level = SS_ALERT_WATCH; level <= SS_ALERT_CRITICAL; level++)
    {
      double rgb[3];

      ssc_palette_alert_rgb (level, FALSE, rgb);
      cairo_rectangle (b->cr, x, legend_y + 2, 10, 10);
      cairo_set_source_rgb (b->cr, rgb[0], rgb[1], rgb[2]);
      cairo_fill (b->cr);
      x += 14;
      text_at (b, x, legend_y, 110, ss_alert_level_get_label (level), 8, PANGO_WEIGHT_NORMAL, b->fg,
               PANGO_ALIGN_LEFT, 1, FALSE);
      x += 110;
    }
  cairo_arc (b->cr, x + 5, legend_y + 7, 2.4, 0, 2 * G_PI);
  cairo_set_source_rgba (b->cr, 0, 0, 0, 0.75);
  cairo_fill (b->cr);
  /* Translators: the alert timeline's legend: the dot in a cell */
  text_at (b, x + 14, legend_y, CONTENT_X + CONTENT_W - x - 14, _("over the policy target in force"), 8,
           PANGO_WEIGHT_NORMAL, b->fg, PANGO_ALIGN_LEFT, 1, FALSE);
}

/* ------------------------------------------------------------------ */
/* Assumptions and sources                                             */
/* ------------------------------------------------------------------ */

/* Flows paragraphs down the pages, a new page when one is full. */
static void
draw_sources (Brief *b)
{
  g_autoptr(GPtrArray) paras = g_ptr_array_new_with_free_func (g_free);
  double y = CONTENT_Y;
  /* Translators: the last section's title */
  const char *section = _("Assumptions and sources");

  if (b->meta->source[0] != '\0')
    {
      g_ptr_array_add (paras, g_markup_printf_escaped ("<b>%s</b>", _("Sources and assumptions of the study")));
      g_ptr_array_add (paras, g_markup_escape_text (b->meta->source, -1));
    }
  if (b->meta->description[0] != '\0')
    {
      g_ptr_array_add (paras, g_markup_printf_escaped ("<b>%s</b>", _("About the study")));
      g_ptr_array_add (paras, g_markup_escape_text (b->meta->description, -1));
    }
  g_ptr_array_add (paras, g_markup_printf_escaped ("<b>%s</b>", _("The scenarios")));
  for (guint s = 0; s < ss_study_get_n_scenarios (b->study); s++)
    {
      const SsScenario *scenario = ss_study_get_scenario (b->study, s);

      g_ptr_array_add (paras, scenario->description[0] != '\0'
                              ? g_markup_printf_escaped ("<b>%s</b>: %s", scenario->name, scenario->description)
                              : g_markup_printf_escaped ("<b>%s</b>", scenario->name));
    }
  /* Translators: the last paragraph of the briefing */
  g_ptr_array_add (paras, g_markup_escape_text (_("Every figure is computed by Supply Shift from the study "
                                                  "as given, with the formulas of its model; the study's "
                                                  "figures marked as assumptions are the study author's."),
                                                -1));

  page_begin (b, section);
  for (guint k = 0; k < paras->len; k++)
    {
      const char *para = g_ptr_array_index (paras, k);
      double h = text_at (b, 0, 0, CONTENT_W * 0.8, para, 9.5, PANGO_WEIGHT_NORMAL, NULL, PANGO_ALIGN_LEFT, 0, TRUE);

      /* A heading stays with the first lines of what follows it. */
      if (g_str_has_prefix (para, "<b>") && g_str_has_suffix (para, "</b>") && k + 1 < paras->len)
        h += 7 + MIN (40, text_at (b, 0, 0, CONTENT_W * 0.8, g_ptr_array_index (paras, k + 1), 9.5,
                                   PANGO_WEIGHT_NORMAL, NULL, PANGO_ALIGN_LEFT, 0, TRUE));

      if (y + h > CONTENT_Y + CONTENT_H && y > CONTENT_Y)
        {
          page_begin (b, section);
          y = CONTENT_Y;
        }
      y += text_at (b, CONTENT_X, y, CONTENT_W * 0.8, para, 9.5, PANGO_WEIGHT_NORMAL, b->fg, PANGO_ALIGN_LEFT, 0,
                    TRUE) + 7;
    }
}

/* ------------------------------------------------------------------ */
/* The document                                                        */
/* ------------------------------------------------------------------ */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The study's name on the cover: the file's name (not its folder), or
 * @fallback for a study that has no file. The command line and the
 * window name a study alike, so they write the same bytes. */
char *
ssc_brief_source_name (GFile      *file,
                       const char *fallback)
{
  if (file != NULL)
    return ss_file_get_display_basename (file);
  return g_strdup (fallback);
}

/* The date the briefing is for: SOURCE_DATE_EPOCH (reproducible builds'
 * convention), else the study file's last change; NULL for a study with
 * no file (the built-in sample), whose cover then shows no date. */
GDateTime *
ssc_brief_date (GFile *file)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (epoch != NULL && epoch[0] != '\0')
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (*end == '\0' && seconds >= 0)
        return g_date_time_new_from_unix_utc (seconds);
    }
  if (file != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
        return g_date_time_new_from_unix_utc ((gint64)g_file_info_get_attribute_uint64 (info,
                                                G_FILE_ATTRIBUTE_TIME_MODIFIED));
    }
  return NULL;
}

/* Writes the briefing pack of the document's study to path, in one
 * piece (ss-safe-file.c: nothing is left half written). */
gboolean
ssc_brief_write (SsDocument          *document,
                 const SscBriefInfo  *info,
                 const char          *path,
                 GError             **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GPtrArray) projections = g_ptr_array_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GArray) strategies = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) shocks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *date = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Brief b = { 0 };
  guint ni;
  int first_strategy = SS_BASELINE;

  g_return_val_if_fail (SS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (info != NULL && path != NULL, FALSE);

  b.document = document;
  b.study = ss_document_get_study (document);
  b.meta = ss_study_get_meta (b.study);
  b.info = info;
  ss_document_get_all_projections (document, projections);
  ss_document_get_grid (document, cells);
  ss_study_get_stress_axes (b.study, strategies, shocks);
  b.projections = projections;
  b.cells = cells;
  b.strategies = strategies;
  b.shocks = shocks;
  ssc_rgba_from_hex (b.fg, 0x000000, 0.87);
  ssc_rgba_from_hex (b.muted, 0x000000, 0.6);
  ssc_rgba_from_hex (b.accent, 0x1c71d8, 1);
  ssc_rgba_from_hex (b.rule, 0x000000, 0.25);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, PAGE_W, PAGE_H);
  /* The same study, the same bytes: the dates are the cover's, or fixed. */
  date = info->date != NULL ? g_date_time_format (info->date, "%Y-%m-%dT%H:%M:%SZ")
                            : g_strdup ("2000-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, b.meta->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _("Briefing pack"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  b.cr = cairo_create (surface);

  draw_cover (&b);
  draw_summary (&b);
  /* Translators: the stress grid's page title */
  page_begin (&b, _("The stress grid: strategies under shocks"));
  chart_at (&b, SSC_CHART_STRESS, SS_BASELINE, -1, CONTENT_X, CONTENT_Y, CONTENT_W, CONTENT_H);
  for (guint r = 1; r < strategies->len; r++)
    draw_strategy (&b, g_array_index (strategies, int, r));

  /* Two items a page, each under the first strategy (else the baseline). */
  if (strategies->len > 1)
    first_strategy = g_array_index (strategies, int, 1);
  ni = ss_study_get_n_items (b.study);
  for (guint i = 0; i < ni; i++)
    {
      double h = (CONTENT_H - 16) / 2;

      if (i % 2 == 0)
        /* Translators: the items' pages' title */
        page_begin (&b, _("Items"));
      else
        {
          cairo_rectangle (b.cr, CONTENT_X, CONTENT_Y + h + 7, CONTENT_W, 0.75);
          cairo_set_source_rgba (b.cr, b.rule[0], b.rule[1], b.rule[2], b.rule[3]);
          cairo_fill (b.cr);
        }
      draw_item (&b, i, first_strategy, CONTENT_Y + (i % 2) * (h + 16), h);
    }
  draw_timeline (&b);
  draw_sources (&b);

  cairo_show_page (b.cr);
  status = cairo_status (b.cr);
  cairo_destroy (b.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return ss_safe_file_set_contents (path, bytes->data, bytes->len, SS_SAFE_FILE_NONE, NULL, error);
}
