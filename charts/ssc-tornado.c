/* ssc-tornado.c: which inputs a figure depends on, largest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sensitivity tornado of issue 13: for one scenario and one figure,
 * a bar per input from the figure with the input lowered to the figure
 * with it raised (by the same fraction), around a line at the figure
 * itself, the inputs that move it most at the top. The figures are the
 * model's (ss_sensitivity_compute(), SscChartData.sensitivity): the chart
 * computes none. An input held at the end of its range is marked.
 */

#define G_LOG_DOMAIN "supplyshift-chart-tornado"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-sensitivity.h"
#include "ssc-axis.h"
#include "ssc-draw.h"
#include "ssc-format.h"
#include "ssc-frame.h"
#include "ssc-hit.h"
#include "ssc-legend.h"
#include "ssc-palette.h"
#include "ssc-scale.h"
#include "ssc-tooltip.h"

#define TORNADO_MIN_ROW 14.0
#define TORNADO_MAX_ROW 26.0
#define TORNADO_MAX_ROWS 20

static const SsSensitivity *
sens (const SscCtx *c)
{
  return c->d->sensitivity;
}

static const SsSensitivityInput *
input_at (const SscCtx *c,
          guint         k)
{
  return &g_array_index (sens (c)->inputs, SsSensitivityInput, k);
}

/* The inputs that move the figure, at most max of them. */
static guint
n_moving (const SscCtx *c,
          guint         max)
{
  guint n = 0;

  while (n < sens (c)->inputs->len && n < max && input_at (c, n)->swing > 0)
    n++;
  return n;
}

static char *
format_figure (const SscCtx *c,
               double        v)
{
  if (sens (c)->figure == SS_SENSITIVITY_MAX_FOREIGN_SHARE)
    return ssc_format_share (v);
  return ssc_format_value (v);
}

/* Lowered and raised: two colours that are not countries' (the accent's
 * blue for the input raised, an orange for it lowered). */
static void
side_rgba (const SscCtx *c,
           gboolean      high,
           double        out[4])
{
  if (high)
    memcpy (out, c->d->accent, sizeof (double) * 4);
  else
    ssc_rgba_from_hex (out, c->d->dark ? 0xffa348 : 0xe66100, 1);
}

static char *
tornado_subtitle (const SscCtx *c)
{
  const SsSensitivity *s = sens (c);
  g_autofree char *scenario = ssc_text_isolate (ssc_scenario_name (c->study, s->scenario));
  g_autofree char *pct = ssc_format_percent (s->fraction, s->fraction * 100 == floor (s->fraction * 100) ? 0 : 1);
  g_autofree char *unit = NULL;
  const char *figure = ss_sensitivity_figure_title (s->figure);

  if (s->figure == SS_SENSITIVITY_NPV_PREMIUM)
    {
      unit = ssc_ctx_money_unit (c);
      /* Translators: the tornado's subtitle: scenario, figure, unit, the variation ("10 %") */
      return g_strdup_printf (_("%1$s · %2$s, %3$s · each input ±%4$s"), scenario, figure, unit, pct);
    }
  if (s->figure == SS_SENSITIVITY_SHORTFALL_IMPACT)
    {
      unit = ssc_ctx_money_unit (c);
      /* Translators: the tornado's subtitle: scenario, figure, year, unit, the variation */
      return g_strdup_printf (_("%1$s · %2$s in %3$d (%4$s) · each input ±%5$s"), scenario, figure,
                              s->year, unit, pct);
    }
  /* Translators: the tornado's subtitle: scenario, figure, year, the variation ("10 %") */
  return g_strdup_printf (_("%1$s · %2$s in %3$d · each input ±%4$s"), scenario, figure, s->year, pct);
}

static void
tornado_draw (SscCtx *c)
{
  const SsSensitivity *s = sens (c);
  double label_h = ssc_text_line_height (c->text, &ssc_font_label);
  double tick_h = ssc_text_line_height (c->text, &ssc_font_tick);
  double lo, hi, label_w = 0, row_h, note_h, top, avail;
  guint n, fit;
  gboolean any_clamped = FALSE;
  g_autofree char *subtitle = tornado_subtitle (c);
  g_autofree char *pct = ssc_format_percent (s->fraction, 0);
  g_autofree char *minus = NULL, *plus = NULL, *base_label = NULL, *base_value = NULL;
  g_autoptr(SscLegend) legend = ssc_legend_new ();
  double low_rgba[4], high_rgba[4];
  SscTicks ticks;
  SscRect plot;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));

  ssc_frame_header (c, ssc_ctx_title (c), subtitle);
  side_rgba (c, FALSE, low_rgba);
  side_rgba (c, TRUE, high_rgba);
  /* Translators: the tornado's legend: the input lowered by %s ("10 %") */
  minus = g_strdup_printf (_("Input −%s"), pct);
  /* Translators: the tornado's legend: the input raised by %s ("10 %") */
  plus = g_strdup_printf (_("Input +%s"), pct);
  ssc_legend_add (legend, SSC_SWATCH_AREA, low_rgba, minus);
  ssc_legend_add (legend, SSC_SWATCH_AREA, high_rgba, plus);
  ssc_legend_place_top (c, legend, ssc_ctx_title (c));

  n = n_moving (c, TORNADO_MAX_ROWS);
  if (n == 0)
    {
      ssc_frame_message (c, c->area, _("No input moves this figure"));
      return;
    }
  note_h = label_h + 6;
  avail = c->area.h - ssc_axis_title_height (c) - tick_h - 12 - note_h;
  fit = (guint)MAX (0, floor (avail / TORNADO_MIN_ROW));
  n = MIN (n, fit);
  if (n == 0)
    {
      ssc_frame_too_small (c);
      return;
    }
  row_h = MIN (avail / n, TORNADO_MAX_ROW);

  lo = hi = s->base;
  for (guint k = 0; k < n; k++)
    {
      const SsSensitivityInput *in = input_at (c, k);
      g_autofree char *name = ss_sensitivity_input_name (c->study, in);

      lo = MIN (lo, MIN (in->low, in->high));
      hi = MAX (hi, MAX (in->low, in->high));
      label_w = MAX (label_w, ssc_text_width (c->text, &ssc_font_label, name) + 12);
      any_clamped |= in->low_clamped || in->high_clamped;
    }
  label_w = MIN (label_w, c->area.w * 0.4);
  if (hi - lo <= 0)
    hi = lo + 1;
  ticks = ssc_ticks_nice (lo - (hi - lo) * 0.04, hi + (hi - lo) * 0.04, ssc_ticks_max_for (c->area.w - label_w, 90));
  top = c->area.y + ssc_axis_title_height (c);
  plot = (SscRect) { c->area.x + label_w, top, c->area.w - label_w - 8, row_h * n };
  if (plot.w < 80)
    {
      ssc_frame_too_small (c);
      return;
    }

  /* The axis's title names the figure, and where it stands unvaried. */
  base_value = format_figure (c, s->base);
  /* Translators: above the tornado's plot: the figure with no input varied */
  base_label = g_strdup_printf (_("Unvaried: %s"), base_value);
  ssc_axis_title (c, plot, label_w, base_label);

  for (guint t = 0; t < ssc_ticks_count (&ticks); t++)
    {
      double v = ssc_ticks_value (&ticks, t), x = round (ssc_scale_x (&ticks, plot, v)) + 0.5;
      g_autofree char *label = s->figure == SS_SENSITIVITY_MAX_FOREIGN_SHARE
                               ? ssc_format_tick (SSC_NUM_PERCENT, &ticks, v)
                               : ssc_format_tick (SSC_NUM_PLAIN, &ticks, v);

      cairo_move_to (c->cr, x, plot.y);
      cairo_line_to (c->cr, x, plot.y + plot.h);
      cairo_set_line_width (c->cr, 1);
      ssc_set_source (c->cr, c->d->fg, 0.1);
      cairo_stroke (c->cr);
      ssc_text_draw (c->text, &ssc_font_tick, label, x, plot.y + plot.h + 6, 0.5, 0, c->d->fg, 0.72);
    }

  for (guint k = 0; k < n; k++)
    {
      const SsSensitivityInput *in = input_at (c, k);
      g_autofree char *name = ss_sensitivity_input_name (c->study, in);
      double y = plot.y + k * row_h, bar_h = MAX (4, row_h * 0.62);
      double xb = ssc_scale_x (&ticks, plot, s->base);
      int row = k;

      if (in->low_clamped || in->high_clamped)
        {
          g_autofree char *marked = g_strconcat (name, " *", NULL);

          ssc_text_set (c->text, &ssc_font_label, marked, label_w - 12, SSC_FIT_ELLIPSIZE, SSC_ALIGN_START);
        }
      else
        ssc_text_set (c->text, &ssc_font_label, name, label_w - 12, SSC_FIT_ELLIPSIZE, SSC_ALIGN_START);
      ssc_text_show (c->text, plot.x - 12, y + row_h / 2, 1, 0.5, c->d->fg, 0.9);
      for (int side = 0; side < 2; side++)
        {
          double v = side ? in->high : in->low, x = ssc_scale_x (&ticks, plot, v);

          if (v == s->base)
            continue;
          cairo_rectangle (c->cr, MIN (x, xb), y + (row_h - bar_h) / 2, fabs (x - xb), bar_h);
          ssc_set_source (c->cr, side ? high_rgba : low_rgba, 1);
          cairo_fill (c->cr);
        }
      g_array_append_val (rows, row);
    }
  {
    double xb = round (ssc_scale_x (&ticks, plot, s->base)) + 0.5;

    cairo_move_to (c->cr, xb, plot.y - 4);
    cairo_line_to (c->cr, xb, plot.y + plot.h + 2);
    cairo_set_line_width (c->cr, 1.5);
    ssc_set_source (c->cr, c->d->fg, 0.85);
    cairo_stroke (c->cr);
  }
  if (any_clamped)
    {
      /* Translators: a note under the tornado */
      ssc_text_set (c->text, &ssc_font_small, _("* held at the end of its range, so varied by less"),
                    c->area.w, SSC_FIT_ELLIPSIZE, SSC_ALIGN_START);
      ssc_text_show (c->text, c->area.x, plot.y + plot.h + 6 + tick_h + 8, 0, 0, c->d->fg, 0.7);
    }

  if (c->hit != NULL)
    {
      ssc_hit_set_panels (c, 1, &plot, FALSE);
      c->hit->labels = (SscRect) { c->area.x, plot.y, plot.x + plot.w - c->area.x, plot.h };
      c->hit->row_h = row_h;
      ssc_hit_set_rows (c, (const int *)rows->data, rows->len);
    }
}

static char *
tornado_describe (SscCtx *c)
{
  const SsSensitivity *s = sens (c);
  const SsSensitivityInput *top;
  g_autofree char *under = NULL, *name = NULL, *low = NULL, *high = NULL, *base = NULL, *pct = NULL;

  if (n_moving (c, 1) == 0)
    /* Translators: accessible summary of the tornado when nothing moves the figure */
    return g_strdup_printf (_("No input moves “%s”."), ss_sensitivity_figure_title (s->figure));
  top = input_at (c, 0);
  under = ssc_ctx_under_scenario (c);
  name = ss_sensitivity_input_name (c->study, top);
  low = format_figure (c, top->low);
  high = format_figure (c, top->high);
  base = format_figure (c, s->base);
  pct = ssc_format_percent (s->fraction, 0);
  /* Translators: accessible summary of the tornado: "Under China plus one",
   * the figure, its value, the variation, how many inputs move it, the
   * input that moves it most, the figure with that input lowered and raised */
  return g_strdup_printf (ngettext ("%1$s, “%2$s” is %3$s; varied by %4$s, %5$u input moves it, "
                                    "most of all %6$s, from %7$s lowered to %8$s raised.",
                                    "%1$s, “%2$s” is %3$s; varied by %4$s, %5$u inputs move it, "
                                    "most of all %6$s, from %7$s lowered to %8$s raised.",
                                    n_moving (c, G_MAXUINT)),
                          under, ss_sensitivity_figure_title (s->figure), base, pct,
                          n_moving (c, G_MAXUINT), name, low, high);
}

static void
tornado_hover (SscCtx            *c,
               const SscChartHit *hit,
               double             x,
               double             y)
{
  int row = ssc_hit_row (hit, hit->labels, x, y);

  if (row >= 0)
    ssc_hit_mark_row (c, hit, hit->labels, row, 0.06);
}

static gboolean
tornado_query (SscCtx            *c,
               const SscChartHit *hit,
               double             x,
               double             y,
               GString           *s)
{
  int row = ssc_hit_row (hit, hit->labels, x, y);
  const SsSensitivityInput *in;
  g_autofree char *name = NULL, *head = NULL, *lowered = NULL, *raised = NULL;
  g_autofree char *low_v = NULL, *high_v = NULL;

  if (row < 0 || sens (c) == NULL || (guint)row >= sens (c)->inputs->len)
    return FALSE;
  in = input_at (c, row);
  name = ss_sensitivity_input_name (c->study, in);
  head = g_markup_printf_escaped ("<b>%s</b>", name);
  g_string_append (s, head);
  low_v = ssc_format_number (in->low_value, fabs (in->low_value) >= 100 ? 0 : 3);
  high_v = ssc_format_number (in->high_value, fabs (in->high_value) >= 100 ? 0 : 3);
  /* Translators: a tooltip label of the tornado; %s is the input's lowered value */
  lowered = g_strdup_printf (in->low_clamped ? _("Lowered to %s (held at its range)") : _("Lowered to %s"), low_v);
  /* Translators: a tooltip label of the tornado; %s is the input's raised value */
  raised = g_strdup_printf (in->high_clamped ? _("Raised to %s (held at its range)") : _("Raised to %s"), high_v);
  ssc_tooltip_add_pair (s, lowered, format_figure (c, in->low), NULL);
  ssc_tooltip_add_pair (s, raised, format_figure (c, in->high), NULL);
  ssc_tooltip_add_pair (s, _("Unvaried"), format_figure (c, sens (c)->base), NULL);
  return TRUE;
}

/* Every input, largest swing first (the drawing has room for the first
 * ones that move the figure): its value, the two it is varied to and the
 * figure at each. Shares in %, money in millions. */
static SsTable *
tornado_table (SscCtx *c)
{
  const SsSensitivity *s = sens (c);
  SsTable *table = ss_table_new ();
  gboolean share = s->figure == SS_SENSITIVITY_MAX_FOREIGN_SHARE;
  double scale = share ? 100 : 1;
  g_autofree char *money = ssc_ctx_money_unit (c);
  const char *unit = share ? "%" : money;
  const char *figure = ss_sensitivity_figure_title (s->figure);
  g_autofree char *low = NULL, *high = NULL;

  /* Translators: columns of the tornado chart's data */
  ss_table_add_column (table, _("Input"), NULL, SS_TABLE_TEXT);
  ss_table_add_column (table, _("Value"), NULL, 4);
  ss_table_add_column (table, _("Lowered to"), NULL, 4);
  ss_table_add_column (table, _("Raised to"), NULL, 4);
  /* Translators: a column of the tornado chart's data: the figure, with the input lowered */
  low = g_strdup_printf (_("%s, input lowered"), figure);
  /* Translators: a column of the tornado chart's data: the figure, with the input raised */
  high = g_strdup_printf (_("%s, input raised"), figure);
  ss_table_add_column (table, low, unit, share ? 1 : 2);
  ss_table_add_column (table, high, unit, share ? 1 : 2);
  ss_table_add_column (table, _("Swing"), unit, share ? 1 : 2);
  for (guint k = 0; k < s->inputs->len; k++)
    {
      const SsSensitivityInput *in = input_at (c, k);
      guint r = ss_table_add_row (table);

      ss_table_take_text (table, r, 0, ss_sensitivity_input_name (c->study, in));
      ss_table_set_number (table, r, 1, in->value);
      ss_table_set_number (table, r, 2, in->low_value);
      ss_table_set_number (table, r, 3, in->high_value);
      ss_table_set_number (table, r, 4, scale * in->low);
      ss_table_set_number (table, r, 5, scale * in->high);
      ss_table_set_number (table, r, 6, scale * in->swing);
    }
  return table;
}

const SscChartClass ssc_tornado_chart = {
  .name = "tornado",
  .label = NC_("chart", "Tornado"),
  .title = N_("What the figure depends on"),
  .projections = SSC_PROJECTIONS_SELECTED,
  .flags = SSC_CHART_NEEDS_SENSITIVITY,
  .draw = tornado_draw,
  .describe = tornado_describe,
  .table = tornado_table,
  .hover = tornado_hover,
  .query = tornado_query,
};
