/* ssc-mix.c: the share path as stacked areas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each country's share of an item's supply (or of the portfolio's
 * spending) year by year, stacked to 100 %, with the baseline's band
 * edges as thin lines and, for an item, the alert thresholds on one
 * country's share and the policy targets in force, as dated steps.
 */

#define G_LOG_DOMAIN "supplyshift-chart-mix"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ssc-axis.h"
#include "ssc-draw.h"
#include "ssc-frame.h"
#include "ssc-hit.h"
#include "ssc-legend.h"
#include "ssc-palette.h"
#include "ssc-tooltip.h"

/* The dominant foreign supplier at the base year goes at the bottom, so
 * the threshold lines read against its band; the rest in study order. */
static guint
mix_order (SscCtx *c,
           int    *order)
{
  guint n = 0, home = c->meta->home;
  int first = -1;
  double best = 1e-12;

  for (guint k = 0; k < c->nc; k++)
    {
      double v = ssc_mix_row (c->proj, c->item, k)[0];

      if (k != home && v > best)
        best = v, first = k;
    }
  if (first >= 0)
    order[n++] = first;
  for (guint k = 0; k < c->nc; k++)
    {
      const double *row = ssc_mix_row (c->proj, c->item, k);
      const double *base = ssc_mix_row (c->base, c->item, k);
      gboolean used = FALSE;

      if ((int)k == first)
        continue;
      for (guint t = 0; t < c->ny && !used; t++)
        used = row[t] > 1e-9 || base[t] > 1e-9;
      if (used)
        order[n++] = k;
    }
  return n;
}

/* The calendar year of the policy target in force in year index t:
 * the latest target year at or before it (model.md §1). */
static int
policy_target_year (const SscCtx *c,
                    guint         t)
{
  GArray *targets = c->meta->policy_targets;
  int year = -1;

  for (guint k = 0; k < targets->len; k++)
    if (g_array_index (targets, SsPolicyTarget, k).year <= c->meta->base_year + (int)t)
      year = g_array_index (targets, SsPolicyTarget, k).year;
  return year;
}

/* The policy targets as a stepped line: from the year each comes into
 * force, the most one foreign country may supply, read off the
 * projection's target in force per year; nothing before the first. Each
 * step is labelled "target 60 % (2027)" at its start, above the line, or
 * below it where that would cover a threshold's label. Items only, as
 * the targets are on one item's supply (docs/decisions.md). */
static void
draw_policy_targets (SscCtx          *c,
                     SscRect          plot,
                     const SscTicks  *t,
                     const SscRect   *avoid,
                     guint            n_avoid)
{
  cairo_t *cr = c->cr;
  const double *in_force = c->proj->policy_target;
  guint ny = c->ny;
  gboolean open = FALSE;

  /* The line, with a halo so it reads over any band. */
  cairo_save (cr);
  cairo_new_path (cr);
  for (guint y = 0; y < ny; y++)
    {
      double x = ssc_scale_year_x (plot, y, ny, FALSE);

      if (isnan (in_force[y]))
        {
          open = FALSE;
          continue;
        }
      if (!open)
        cairo_move_to (cr, x, ssc_scale_y (t, plot, in_force[y]));
      else if (in_force[y] != in_force[y - 1])
        cairo_line_to (cr, x, ssc_scale_y (t, plot, in_force[y]));
      open = TRUE;
      if (y + 1 < ny)
        cairo_line_to (cr, ssc_scale_year_x (plot, y + 1, ny, FALSE), ssc_scale_y (t, plot, in_force[y]));
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_width (cr, 5);
  ssc_set_source (cr, c->d->bg, 0.7);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2);
  ssc_set_source (cr, c->d->fg, 1);
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint y = 0; y < ny; y++)
    {
      g_autofree char *percent = NULL, *label = NULL;
      double x, line_y, w, h;
      SscRect box;
      gboolean clash = FALSE;

      if (isnan (in_force[y]) || (y > 0 && in_force[y] == in_force[y - 1]))
        continue;
      percent = ssc_format_share (in_force[y]);
      /* Translators: a policy target's label on the mix chart: the most
       * one country may supply, and the year it applies from, e.g.
       * "target 60 % (2027)" */
      label = g_strdup_printf (C_("policy target line", "target %1$s (%2$d)"), percent,
                               policy_target_year (c, y));
      w = ssc_text_width (c->text, &ssc_font_small, label) + 6;
      h = ssc_text_line_height (c->text, &ssc_font_small);
      x = MIN (ssc_scale_year_x (plot, y, ny, FALSE) + 6, plot.x + plot.w - w - 3);
      line_y = round (ssc_scale_y (t, plot, in_force[y]));
      box = (SscRect) { x - 3, line_y - 4 - h, w, h };
      for (guint k = 0; k < n_avoid && !clash; k++)
        clash = box.x < avoid[k].x + avoid[k].w && avoid[k].x < box.x + box.w
                && box.y < avoid[k].y + avoid[k].h && avoid[k].y < box.y + box.h;
      if (clash)
        ssc_text_draw_on_patch (c->text, &ssc_font_small, label, x, line_y + 4, 0, 0,
                                c->d->fg, c->d->bg, NULL);
      else
        ssc_text_draw_on_patch (c->text, &ssc_font_small, label, x, line_y - 4, 0, 1,
                                c->d->fg, c->d->bg, NULL);
    }
}

/* Whether the chart draws policy targets: an item's, with one in force
 * in some projected year. */
static gboolean
has_policy_targets (const SscCtx *c)
{
  if (c->item < 0)
    return FALSE;
  for (guint y = 0; y < c->ny; y++)
    if (!isnan (c->proj->policy_target[y]))
      return TRUE;
  return FALSE;
}

/* Alert thresholds on one country's share: items only, as the
 * portfolio's spend share raises no alert. A label that would sit on
 * another (thresholds close together) moves left of it; placed receives
 * the three labels' patches. */
static void
draw_thresholds (SscCtx         *c,
                 SscRect         plot,
                 const SscTicks *t,
                 SscRect         placed[3])
{
  const char *levels[3] = {
    /* Translators: alert thresholds, as in "Watch 50 %" */
    C_("threshold", "Watch"), C_("threshold", "Warning"), C_("threshold", "Critical")
  };

  /* Lines first, so no line crosses a label. */
  for (guint k = 0; k < 3; k++)
    ssc_draw_reference_stroke (c, plot, ssc_scale_y (t, plot, c->meta->threshold[k]));
  for (guint k = 0; k < 3; k++)
    {
      double y = round (ssc_scale_y (t, plot, c->meta->threshold[k]));
      g_autofree char *percent = ssc_format_share (c->meta->threshold[k]);
      /* Translators: a threshold line's label, "Watch 50 %" */
      g_autofree char *label = g_strdup_printf (C_("threshold line", "%s %s"),
                                                levels[k], percent);
      double w = ssc_text_width (c->text, &ssc_font_small, label) + 6;
      double h = ssc_text_line_height (c->text, &ssc_font_small);
      double right = plot.x + plot.w - 6;

      for (guint j = 0; j < k; j++)
        if (y - 3 - h < placed[j].y + placed[j].h && y - 3 > placed[j].y
            && right - w < placed[j].x + placed[j].w)
          right = MIN (right, placed[j].x - 6);
      ssc_text_draw_on_patch (c->text, &ssc_font_small, label, right, y - 3, 1, 1,
                              c->d->fg, c->d->bg, &placed[k]);
    }
}

static void
mix_draw (SscCtx *c)
{
  cairo_t *cr = c->cr;
  int order[SS_MAX_COUNTRIES];
  guint n, ny = c->ny;
  gboolean portfolio = c->item < 0;
  gboolean show_base = c->scenario != SS_BASELINE;
  g_autoptr(SscLegend) legend = ssc_legend_new ();
  g_autofree char *subtitle = ssc_frame_subtitle (c, SSC_SUBTITLE_SCENARIO | SSC_SUBTITLE_ITEM
                                                     | SSC_SUBTITLE_YEARS);
  double lower[SS_MAX_HORIZON + 1] = { 0 }, upper[SS_MAX_HORIZON + 1];
  double base_cum[SS_MAX_HORIZON + 1] = { 0 };
  double labels_w;
  SscRect plot;
  SscTicks t;

  ssc_frame_header (c, ssc_ctx_title (c), subtitle);
  n = mix_order (c, order);

  for (guint k = n; k-- > 0;)
    {
      double rgba[4];

      ssc_country_rgba (order[k], c->d->dark, rgba);
      ssc_legend_add (legend, SSC_SWATCH_AREA, rgba,
                      ss_study_get_country (c->study, order[k])->name);
    }
  if (show_base)
    {
      /* Translators: legend of the mix chart; the baseline's bands are drawn as thin lines */
      ssc_legend_add (legend, SSC_SWATCH_FAINT, c->d->fg, _("Baseline bands"));
    }
  if (!portfolio)
    /* Translators: legend of the mix chart for the dashed threshold lines */
    ssc_legend_add (legend, SSC_SWATCH_DASHED, c->d->fg, _("Alert threshold for one country"));
  if (has_policy_targets (c))
    /* Translators: legend of the mix chart for the stepped line of the
     * policy targets (the most one country may supply, from a year on) */
    ssc_legend_add (legend, SSC_SWATCH_LINE, c->d->fg, _("Policy target for one country"));
  ssc_legend_place (c, legend, ssc_axis_title_height (c));

  /* Shares in steps of 20 %, 25 % or 50 %, as the height allows. */
  t = (SscTicks) { 0, 1, 0.2 };
  labels_w = ssc_axis_labels_width (c, &t, SSC_NUM_PERCENT);
  plot = (SscRect) { c->area.x + labels_w, c->area.y + ssc_axis_title_height (c),
                     c->area.w - labels_w - 4, 0 };
  plot.h = c->area.y + c->area.h - ssc_axis_years_height (c, TRUE) - plot.y;
  t.step = plot.h >= 250 ? 0.2 : plot.h >= 120 ? 0.25 : 0.5;
  if (plot.w < 40 || plot.h < 40)
    {
      ssc_frame_too_small (c);
      return;
    }
  ssc_hit_set_panels (c, 1, &plot, FALSE);
  ssc_hit_set_rows (c, order, n);

  ssc_axis_title (c, plot, labels_w, portfolio ? _("Share of spending") : _("Share of supply"));
  ssc_axis_y (c, plot, &t, SSC_NUM_PERCENT);

  /* Bands from the bottom up, each as its top edge forward and the
   * previous top edge back. */
  for (guint k = 0; k < n; k++)
    {
      const double *row = ssc_mix_row (c->proj, c->item, order[k]);
      double rgba[4];

      for (guint y = 0; y < ny; y++)
        upper[y] = MIN (1, lower[y] + row[y]);
      ssc_draw_line_path (cr, plot, &t, upper, ny, FALSE);
      for (guint y = ny; y-- > 0;)
        cairo_line_to (cr, ssc_scale_year_x (plot, y, ny, FALSE), ssc_scale_y (&t, plot, lower[y]));
      cairo_close_path (cr);
      ssc_country_rgba (order[k], c->d->dark, rgba);
      ssc_set_source (cr, rgba, 1);
      cairo_fill (cr);
      memcpy (lower, upper, ny * sizeof (double));
    }

  /* Thin separators in the background colour keep neighbours apart. */
  memset (lower, 0, sizeof lower);
  for (guint k = 0; k + 1 < n; k++)
    {
      const double *row = ssc_mix_row (c->proj, c->item, order[k]);

      for (guint y = 0; y < ny; y++)
        lower[y] += row[y];
      ssc_draw_series (c, plot, &t, lower, FALSE, c->d->bg, 0.9, 1);
    }

  /* The baseline's band edges as a faint solid outline (the thresholds
   * are the dashed lines). */
  if (show_base)
    for (guint k = 0; k + 1 < n; k++)
      {
        const double *row = ssc_mix_row (c->base, c->item, order[k]);

        for (guint y = 0; y < ny; y++)
          base_cum[y] += row[y];
        cairo_save (cr);
        ssc_draw_line_path (cr, plot, &t, base_cum, ny, FALSE);
        cairo_set_line_width (cr, 3);
        ssc_set_source (cr, c->d->bg, 0.3);
        cairo_stroke_preserve (cr);
        cairo_set_line_width (cr, 1);
        ssc_set_source (cr, c->d->fg, 0.7);
        cairo_stroke (cr);
        cairo_restore (cr);
      }

  if (!portfolio)
    {
      SscRect placed[3];

      draw_thresholds (c, plot, &t, placed);
      if (has_policy_targets (c))
        draw_policy_targets (c, plot, &t, placed, G_N_ELEMENTS (placed));
    }

  ssc_axis_zero (c, plot, &t);
  ssc_axis_years (c, plot, FALSE, TRUE);
}

/* The item against the policy targets, for the summary: when it is
 * first over one, and the year it meets them for good (model.md §6). */
static char *
describe_policy_targets (SscCtx *c)
{
  gsize row = ss_projection_at (c->proj, c->item, 0);
  int met = c->proj->target_met_year[c->item];
  int first_year = c->meta->base_year;
  int over = -1;

  for (guint y = 0; y < c->ny && over < 0; y++)
    if (c->proj->over_target[row + y])
      over = y;
  if (over < 0)
    /* Translators: accessible summary of the mix chart, after the share */
    return g_strdup (_("It meets every policy target in force."));
  if (met >= 0)
    /* Translators: accessible summary of the mix chart, after the share:
     * the year the item is first over a policy target, then the year it
     * meets them all for good */
    return g_strdup_printf (_("It is over the policy target from %1$d and meets the targets "
                              "from %2$d."), first_year + over, first_year + met);
  /* Translators: accessible summary of the mix chart, after the share:
   * the year the item is first over a policy target, then the last year */
  return g_strdup_printf (_("It is over the policy target from %1$d to %2$d."),
                          first_year + over, first_year + (int)c->ny - 1);
}

static char *
mix_describe (SscCtx *c)
{
  g_autofree char *under = ssc_ctx_under_scenario (c);
  int order[SS_MAX_COUNTRIES];
  guint n = mix_order (c, order), last = c->ny - 1, by = last;
  int first_year = c->meta->base_year, last_year = first_year + (int)last;
  const double *row;
  g_autofree char *country = NULL, *item = NULL;
  g_autofree char *from = NULL, *to = NULL;
  g_autofree char *sentence = NULL, *targets = NULL;

  if (n == 0)
    return g_strdup ("");
  row = ssc_mix_row (c->proj, c->item, order[0]);
  country = ssc_text_isolate (ss_study_get_country (c->study, order[0])->name);
  from = ssc_format_share (row[0]);
  to = ssc_format_share (row[last]);

  if (c->item < 0)
    {
      if (fabs (row[last] - row[0]) < 0.005)
        /* Translators: accessible summary of the mix chart for the portfolio:
         * "Under China plus one" or "In the baseline", country, share, first
         * year, last year */
        return g_strdup_printf (_("%1$s, %2$s’s share of spending stays near %3$s "
                                  "from %4$d to %5$d."),
                                under, country, from, first_year, last_year);
      if (row[last] < row[0])
        /* Translators: accessible summary of the mix chart for the portfolio */
        return g_strdup_printf (_("%1$s, %2$s’s share of spending falls from %3$s in %4$d "
                                  "to %5$s in %6$d."),
                                under, country, from, first_year, to, last_year);
      /* Translators: accessible summary of the mix chart for the portfolio */
      return g_strdup_printf (_("%1$s, %2$s’s share of spending rises from %3$s in %4$d "
                                "to %5$s in %6$d."),
                              under, country, from, first_year, to, last_year);
    }

  /* The year the share settles at its final value. */
  item = ssc_text_isolate (ss_study_get_item (c->study, c->item)->name);
  while (by > 0 && fabs (row[by - 1] - row[last]) < 0.0005)
    by--;
  if (fabs (row[last] - row[0]) < 0.0005)
    /* Translators: accessible summary of the mix chart: "Under China plus one"
     * or "In the baseline", country, item, share, years */
    sentence = g_strdup_printf (_("%1$s, %2$s’s share of %3$s stays at %4$s from %5$d to %6$d."),
                                under, country, item, from, first_year, last_year);
  else if (row[last] < row[0])
    /* Translators: accessible summary of the mix chart, e.g. "Under China
     * plus one, China’s share of Lithium hydroxide falls from 84 % to 50 %
     * by 2028." */
    sentence = g_strdup_printf (_("%1$s, %2$s’s share of %3$s falls from %4$s to %5$s by %6$d."),
                                under, country, item, from, to, first_year + (int)by);
  else
    /* Translators: accessible summary of the mix chart */
    sentence = g_strdup_printf (_("%1$s, %2$s’s share of %3$s rises from %4$s to %5$s by %6$d."),
                                under, country, item, from, to, first_year + (int)by);
  if (!has_policy_targets (c))
    return g_steal_pointer (&sentence);
  targets = describe_policy_targets (c);
  return g_strconcat (sentence, " ", targets, NULL);
}

/* Every country the chart stacks, in the order of its bands from the
 * bottom up, in %; against the baseline, the baseline's too. */
static SsTable *
mix_table (SscCtx *c)
{
  SsTable *table = ss_table_new ();
  int order[SS_MAX_COUNTRIES];
  guint n = mix_order (c, order);
  gboolean show_base = c->scenario != SS_BASELINE;

  ssc_ctx_add_year_column (c, table);
  for (guint k = 0; k < n; k++)
    {
      const char *name = ss_study_get_country (c->study, order[k])->name;
      g_autofree char *title = ssc_ctx_series_title (c, name, c->scenario);

      ss_table_add_column (table, show_base ? title : name, "%", 1);
    }
  if (show_base)
    for (guint k = 0; k < n; k++)
      {
        g_autofree char *title = ssc_ctx_series_title (c, ss_study_get_country (c->study, order[k])->name,
                                                       SS_BASELINE);

        ss_table_add_column (table, title, "%", 1);
      }
  ssc_ctx_add_year_rows (c, table);
  for (guint t = 0; t < c->ny; t++)
    for (guint k = 0; k < n; k++)
      {
        ss_table_set_number (table, t, 1 + k, 100 * ssc_mix_row (c->proj, c->item, order[k])[t]);
        if (show_base)
          ss_table_set_number (table, t, 1 + n + k, 100 * ssc_mix_row (c->base, c->item, order[k])[t]);
      }
  return table;
}

/* The year's share of every country shown, top band first. */
static gboolean
mix_query (SscCtx            *c,
           const SscChartHit *hit,
           double             x,
           double             y,
           GString           *s)
{
  gboolean with_base = c->scenario != SS_BASELINE;
  guint year;

  if (!ssc_hit_year (hit, x, y, &year))
    return FALSE;
  g_string_append_printf (s, "<b>%d</b>", hit->base_year + (int)year);
  for (guint k = hit->rows->len; k-- > 0;)
    {
      guint country = g_array_index (hit->rows, int, k);
      g_autofree char *name = ssc_text_isolate (ss_study_get_country (c->study, country)->name);
      g_autofree char *share = ssc_format_share (ssc_mix_row (c->proj, c->item, country)[year]);
      g_autofree char *base_share = ssc_format_share (ssc_mix_row (c->base, c->item,
                                                                   country)[year]);
      g_autofree char *line = ssc_tooltip_pair (name, share, with_base ? base_share : NULL);

      ssc_tooltip_add_country (s, country, line);
    }
  if (c->item >= 0 && !isnan (c->proj->policy_target[year]))
    {
      g_autofree char *percent = ssc_format_share (c->proj->policy_target[year]);

      /* Translators: a tooltip line on the mix chart: the policy target in
       * force that year, and the year it applies from, "at most 60 % (2027)" */
      ssc_tooltip_add_pair (s, _("Policy target"),
                            g_strdup_printf (_("at most %1$s (%2$d)"), percent,
                                             policy_target_year (c, year)),
                            NULL);
    }
  return TRUE;
}

const SscChartClass ssc_mix_chart = {
  .name = "mix",
  .label = NC_("chart", "Mix"),
  .title = N_("Spending by origin"),
  .item_title = N_("Supply by origin"),
  .projections = SSC_PROJECTIONS_SELECTED,
  .draw = mix_draw,
  .describe = mix_describe,
  .table = mix_table,
  .hover = ssc_hit_hover_years,
  .query = mix_query,
};
