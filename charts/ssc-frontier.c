/* ssc-frontier.c: one item's cost–risk frontier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The least supply risk reachable at each landed cost (from the
 * optimiser), with the baseline mix, the scenario's target mix and the
 * mix of each year of the path on the same axes, all at base-year prices
 * under the scenario's country values.
 */

#define G_LOG_DOMAIN "supplyshift-chart-frontier"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-optimiser.h"

#include "ssc-axis.h"
#include "ssc-draw.h"
#include "ssc-frame.h"
#include "ssc-hit.h"
#include "ssc-legend.h"
#include "ssc-palette.h"
#include "ssc-tooltip.h"

#define FRONTIER_POINTS 48

/* The kinds of hover points; the frontier's own are the line. */
enum { POINT_FRONTIER = SSC_HIT_LINE, POINT_BASELINE, POINT_TARGET, POINT_PATH };

typedef struct
{
  GArray *frontier;                    /* SsMix */
  double  base[SS_MAX_COUNTRIES];
  double  target[SS_MAX_COUNTRIES];
  double  base_cost, base_risk;
  double  target_cost, target_risk;
  double  path_cost[SS_MAX_HORIZON + 1];
  double  path_risk[SS_MAX_HORIZON + 1];
  int     reached;                     /* first year index at the target, or -1 */
  GError *error;
} Frontier;

static void
frontier_clear (Frontier *f)
{
  g_clear_pointer (&f->frontier, g_array_unref);
  g_clear_error (&f->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Frontier, frontier_clear)

/* The item's shares in year t of the path. */
static void
path_shares (SscCtx *c,
             guint   t,
             double *shares)
{
  for (guint k = 0; k < c->nc; k++)
    shares[k] = ssc_mix_row (c->proj, c->item, k)[t];
}

static void
mix_figures (SscCtx       *c,
             const double *shares,
             double       *cost,
             double       *risk)
{
  *cost = ss_optimiser_cost (c->study, c->scenario, c->item, shares);
  *risk = ss_optimiser_risk (c->study, c->scenario, c->item, shares);
}

/* Costs and risks all at base-year prices under the scenario's country
 * values, so the baseline mix, the target and the path sit on the same
 * axes as the frontier. */
static gboolean
frontier_compute (SscCtx   *c,
                  Frontier *f)
{
  const SsItem *item = ss_study_get_item (c->study, c->item);
  double *targets = NULL;

  memset (f, 0, sizeof *f);
  f->frontier = ss_optimiser_frontier (c->study, c->scenario, c->item, FRONTIER_POINTS, &f->error);
  if (f->frontier == NULL)
    return FALSE;

  if (c->scenario != SS_BASELINE)
    targets = ss_study_get_scenario (c->study, c->scenario)->targets[c->item];
  for (guint k = 0; k < c->nc; k++)
    {
      f->base[k] = item->sources[k].attr[SS_SOURCE_SHARE];
      f->target[k] = targets != NULL ? targets[k] : f->base[k];
    }
  mix_figures (c, f->base, &f->base_cost, &f->base_risk);
  mix_figures (c, f->target, &f->target_cost, &f->target_risk);
  f->reached = -1;
  for (guint t = 0; t < c->ny; t++)
    {
      double shares[SS_MAX_COUNTRIES];
      double gap = 0;

      path_shares (c, t, shares);
      for (guint k = 0; k < c->nc; k++)
        gap = MAX (gap, fabs (shares[k] - f->target[k]));
      mix_figures (c, shares, &f->path_cost[t], &f->path_risk[t]);
      if (f->reached < 0 && gap < 1e-6)
        f->reached = t;
    }
  return TRUE;
}

/* The frontier, and the path year by year. */
static void
draw_lines (SscCtx         *c,
            const Frontier *f,
            SscRect         plot,
            const SscTicks *tx,
            const SscTicks *ty,
            gboolean        show_scenario)
{
  cairo_t *cr = c->cr;

  for (guint k = 0; k < f->frontier->len; k++)
    {
      const SsMix *m = &g_array_index (f->frontier, SsMix, k);
      double x = ssc_scale_x (tx, plot, m->cost), y = ssc_scale_y (ty, plot, m->risk);

      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      ssc_hit_add_point (c, x, y, POINT_FRONTIER, k, m->cost, m->risk, m->shares);
    }
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  ssc_set_source (cr, c->d->fg, 0.85);
  cairo_stroke (cr);

  if (!show_scenario)
    return;
  for (guint t = 0; t < c->ny; t++)
    {
      double x = ssc_scale_x (tx, plot, f->path_cost[t]);
      double y = ssc_scale_y (ty, plot, f->path_risk[t]);

      if (t == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_set_line_width (cr, 1.25);
  ssc_set_source (cr, c->d->accent, 0.7);
  cairo_stroke (cr);
  for (guint t = 0; t < c->ny; t++)
    {
      double x = ssc_scale_x (tx, plot, f->path_cost[t]);
      double y = ssc_scale_y (ty, plot, f->path_risk[t]);
      double shares[SS_MAX_COUNTRIES];

      path_shares (c, t, shares);
      cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
      ssc_set_source (cr, c->d->accent, 1);
      cairo_fill (cr);
      ssc_hit_add_point (c, x, y, POINT_PATH, t, f->path_cost[t], f->path_risk[t], shares);
    }
}

/* The baseline mix and the target, on top, with their labels. */
static void
draw_marks (SscCtx         *c,
            const Frontier *f,
            SscRect         plot,
            const SscTicks *tx,
            const SscTicks *ty,
            gboolean        show_scenario,
            const double    grey[4])
{
  cairo_t *cr = c->cr;
  double bx = ssc_scale_x (tx, plot, f->base_cost), by = ssc_scale_y (ty, plot, f->base_risk);
  double mx = ssc_scale_x (tx, plot, f->target_cost), my = ssc_scale_y (ty, plot, f->target_risk);
  g_autofree char *base_label = NULL, *target_label = NULL;
  int final_year = c->meta->base_year + (int)c->ny - 1;

  cairo_arc (cr, bx, by, 6, 0, 2 * G_PI);
  ssc_set_source (cr, c->d->bg, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2.5);
  ssc_set_source (cr, grey, 1);
  cairo_stroke (cr);
  ssc_hit_add_point (c, bx, by, POINT_BASELINE, 0, f->base_cost, f->base_risk, f->base);
  if (show_scenario || c->scenario == SS_BASELINE)
    /* Translators: label of the baseline mix on the frontier chart; %d is the base year */
    base_label = g_strdup_printf (_("Baseline, %d"), c->meta->base_year);
  else
    /* Translators: label of the baseline mix on the frontier chart when the
     * scenario keeps it; %d is the base year */
    base_label = g_strdup_printf (_("Baseline, %d, kept by the scenario"), c->meta->base_year);
  ssc_text_draw_on_patch (c->text, &ssc_font_small, base_label, bx + 10, by - 4, 0, 1,
                          c->d->fg, c->d->bg, NULL);

  if (!show_scenario)
    return;
  ssc_draw_diamond (cr, mx, my, 7);
  ssc_set_source (cr, c->d->accent, 1);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5);
  ssc_set_source (cr, c->d->bg, 1);
  cairo_stroke (cr);
  ssc_hit_add_point (c, mx, my, POINT_TARGET, 0, f->target_cost, f->target_risk, f->target);
  if (f->reached >= 0)
    /* Translators: label of the target mix on the frontier chart; %d is
     * the year it is reached */
    target_label = g_strdup_printf (_("Target, reached in %d"), c->meta->base_year + f->reached);
  else
    {
      double lx = ssc_scale_x (tx, plot, f->path_cost[c->ny - 1]);
      double ly = ssc_scale_y (ty, plot, f->path_risk[c->ny - 1]);
      g_autofree char *year = g_strdup_printf ("%d", final_year);

      /* Translators: label of the target mix when ramps keep the path from reaching it */
      target_label = g_strdup (_("Target, not reached"));
      ssc_text_draw_on_patch (c->text, &ssc_font_small, year, lx + 8, ly + 4, 0, 0,
                              c->d->fg, c->d->bg, NULL);
    }
  ssc_text_draw_on_patch (c->text, &ssc_font_small, target_label, mx + 10, my + 4, 0, 0,
                          c->d->fg, c->d->bg, NULL);
}

static void
frontier_draw (SscCtx *c)
{
  cairo_t *cr = c->cr;
  const SsItem *item = ss_study_get_item (c->study, c->item);
  g_autoptr(SscLegend) legend = ssc_legend_new ();
  g_autofree char *subtitle = NULL;
  g_auto(Frontier) f = { 0 };
  double grey[4], lo_x = INFINITY, hi_x = -INFINITY, hi_y = 1.2, labels_w, x_axis_h;
  gboolean show_scenario = c->scenario != SS_BASELINE;
  SscTicks tx, ty;
  SscRect plot;

  {
    /* Translators: subtitle of the frontier chart: scenario · item · prices */
    g_autofree char *base = ssc_frame_subtitle (c, SSC_SUBTITLE_SCENARIO | SSC_SUBTITLE_ITEM);
    g_autofree char *prices = g_strdup_printf (_("%d prices"), c->meta->base_year);

    subtitle = g_strconcat (base, " · ", prices, NULL);
  }
  ssc_frame_header (c, ssc_ctx_title (c), subtitle);
  ssc_neutral_rgba (c->d->dark, grey);

  if (!frontier_compute (c, &f))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (f.error, SS_OPTIMISER_ERROR, SS_OPTIMISER_ERROR_INFEASIBLE))
        {
          g_autofree char *name = ssc_text_isolate (item->name);

          /* Translators: %s is an item name */
          message = g_strdup_printf (_("%s has no feasible mix: its capacities add up to "
                                       "less than 100 %%"), name);
        }
      else
        message = g_strdup (f.error != NULL ? f.error->message : "");
      ssc_frame_message (c, c->area, message);
      return;
    }

  /* A scenario that leaves this item alone has nothing to mark but the
   * baseline mix. */
  if (show_scenario)
    {
      double gap = 0;

      for (guint k = 0; k < c->nc; k++)
        gap = MAX (gap, fabs (f.target[k] - f.base[k]));
      show_scenario = gap > 1e-9;
    }

  ssc_legend_add (legend, SSC_SWATCH_LINE, c->d->fg, _("Frontier: least risk for the cost"));
  ssc_legend_add (legend, SSC_SWATCH_CIRCLE, grey, _("Baseline mix"));
  if (show_scenario)
    {
      ssc_legend_add (legend, SSC_SWATCH_DIAMOND, c->d->accent, _("Target mix"));
      ssc_legend_add (legend, SSC_SWATCH_PATH, c->d->accent, _("Mix of each year of the path"));
    }
  ssc_legend_place (c, legend, ssc_axis_title_height (c));

  for (guint k = 0; k < f.frontier->len; k++)
    {
      const SsMix *m = &g_array_index (f.frontier, SsMix, k);

      lo_x = MIN (lo_x, m->cost), hi_x = MAX (hi_x, m->cost), hi_y = MAX (hi_y, m->risk);
    }
  lo_x = MIN (lo_x, MIN (f.base_cost, f.target_cost));
  hi_x = MAX (hi_x, MAX (f.base_cost, f.target_cost));
  hi_y = MAX (hi_y, MAX (f.base_risk, f.target_risk));
  for (guint t = 0; t < c->ny; t++)
    {
      lo_x = MIN (lo_x, f.path_cost[t]), hi_x = MAX (hi_x, f.path_cost[t]);
      hi_y = MAX (hi_y, f.path_risk[t]);
    }
  {
    double pad = MAX ((hi_x - lo_x) * 0.04, 0.005);

    lo_x -= pad, hi_x += pad;
  }

  x_axis_h = 6 + ssc_text_line_height (c->text, &ssc_font_tick) + 4
             + ssc_text_line_height (c->text, &ssc_font_label);
  ty = ssc_ticks_nice (0, hi_y * 1.05,
                       ssc_ticks_max_for (c->area.h - x_axis_h - ssc_axis_title_height (c), 48));
  labels_w = ssc_axis_labels_width (c, &ty, SSC_NUM_PLAIN);
  plot = (SscRect) { c->area.x + labels_w, c->area.y + ssc_axis_title_height (c),
                     c->area.w - labels_w - 12, 0 };
  plot.h = c->area.y + c->area.h - x_axis_h - plot.y;
  if (plot.w < 60 || plot.h < 40)
    {
      ssc_frame_too_small (c);
      return;
    }
  tx = ssc_ticks_nice (lo_x, hi_x, ssc_ticks_max_for (plot.w, 90));
  ssc_hit_set_panels (c, 1, &plot, FALSE);

  /* Translators: the y axis of the frontier chart */
  ssc_axis_title (c, plot, labels_w, _("Supply risk (SR)"));
  ssc_axis_y (c, plot, &ty, SSC_NUM_PLAIN);
  ssc_axis_x (c, plot, &tx, FALSE);
  /* Translators: the x axis of the frontier chart; China's base-year cost is 1.00 */
  ssc_text_draw (c->text, &ssc_font_label, _("Landed unit cost index (China = 1.00)"),
                 plot.x + plot.w / 2,
                 plot.y + plot.h + 6 + ssc_text_line_height (c->text, &ssc_font_tick) + 4,
                 0.5, 0, c->d->fg, 0.9);

  ssc_draw_clip (cr, plot);

  ssc_draw_reference_line (c, plot, ssc_scale_y (&ty, plot, 1), _("Critical (SR = 1)"),
                           plot.x + plot.w - 6, NULL);
  draw_lines (c, &f, plot, &tx, &ty, show_scenario);

  /* The two ends of the frontier, named, where there is room. */
  if (plot.h >= 160 && plot.w >= 300)
    {
      const SsMix *first = &g_array_index (f.frontier, SsMix, 0);
      const SsMix *last = &g_array_index (f.frontier, SsMix, f.frontier->len - 1);

      ssc_text_draw (c->text, &ssc_font_small, _("Cheapest mix"),
                     ssc_scale_x (&tx, plot, first->cost) + 6,
                     ssc_scale_y (&ty, plot, first->risk) - 4, 0, 1, c->d->fg, 0.7);
      ssc_text_draw (c->text, &ssc_font_small, _("Least-risk mix"),
                     ssc_scale_x (&tx, plot, last->cost) - 6,
                     ssc_scale_y (&ty, plot, last->risk) + 6, 1, 0, c->d->fg, 0.7);
    }

  draw_marks (c, &f, plot, &tx, &ty, show_scenario, grey);

  ssc_draw_unclip (cr);
  ssc_axis_zero (c, plot, &ty);
}

static char *
frontier_describe (SscCtx *c)
{
  g_auto(Frontier) f = { 0 };
  const SsMix *least;
  g_autofree char *bc = NULL, *br = NULL, *tc = NULL, *tr = NULL, *lc = NULL, *lr = NULL;
  g_autofree char *name = ssc_text_isolate (ss_study_get_item (c->study, c->item)->name);

  if (!frontier_compute (c, &f))
    /* Translators: accessible summary of the frontier chart when there is none */
    return g_strdup_printf (_("%s has no feasible mix: its capacities add up to less "
                              "than 100 %%."), name);
  least = &g_array_index (f.frontier, SsMix, f.frontier->len - 1);
  bc = ssc_format_number (f.base_cost, 2);
  br = ssc_format_number (f.base_risk, 2);
  tc = ssc_format_number (f.target_cost, 2);
  tr = ssc_format_number (f.target_risk, 2);
  lc = ssc_format_number (least->cost, 2);
  lr = ssc_format_number (least->risk, 2);
  if (c->scenario == SS_BASELINE)
    /* Translators: accessible summary of the frontier chart for the baseline */
    return g_strdup_printf (_("At base-year prices the baseline mix of %1$s costs %2$s with "
                              "supply risk %3$s; the least-risk mix costs %4$s with supply "
                              "risk %5$s."),
                            name, bc, br, lc, lr);
  /* Translators: accessible summary of the frontier chart */
  return g_strdup_printf (_("At base-year prices the baseline mix of %1$s costs %2$s with "
                            "supply risk %3$s, the target mix %4$s with supply risk %5$s, "
                            "and the least-risk mix %6$s with supply risk %7$s."),
                          name, bc, br, tc, tr, lc, lr);
}

static void
add_mix_row (SscCtx       *c,
             SsTable      *table,
             const char   *point,
             int           year,
             double        cost,
             double        risk,
             const double *shares)
{
  guint r = ss_table_add_row (table);

  ss_table_set_text (table, r, 0, point);
  if (year >= 0)
    ss_table_set_number (table, r, 1, year);
  ss_table_set_number (table, r, 2, cost);
  ss_table_set_number (table, r, 3, risk);
  for (guint k = 0; k < c->nc; k++)
    ss_table_set_number (table, r, 4 + k, 100 * shares[k]);
}

/* Every point the chart draws, with its mix: the frontier from the
 * cheapest to the least-risk mix, the baseline mix, and under a scenario
 * that moves the item its target and the mix of each year of the path.
 * An item with no feasible mix has the headings alone. */
static SsTable *
frontier_table (SscCtx *c)
{
  SsTable *table = ss_table_new ();
  g_auto(Frontier) f = { 0 };
  gboolean show_scenario = c->scenario != SS_BASELINE;

  /* Translators: columns of the frontier chart's data */
  ss_table_add_column (table, _("Point"), NULL, SS_TABLE_TEXT);
  ss_table_add_column (table, _("Year"), NULL, 0);
  ss_table_add_column (table, _("Cost index"), NULL, 3);
  ss_table_add_column (table, _("Supply risk"), NULL, 2);
  for (guint k = 0; k < c->nc; k++)
    ss_table_add_column (table, ss_study_get_country (c->study, k)->name, "%", 1);
  if (!frontier_compute (c, &f))
    return table;

  if (show_scenario)
    {
      double gap = 0;

      for (guint k = 0; k < c->nc; k++)
        gap = MAX (gap, fabs (f.target[k] - f.base[k]));
      show_scenario = gap > 1e-9;
    }
  for (guint k = 0; k < f.frontier->len; k++)
    {
      const SsMix *m = &g_array_index (f.frontier, SsMix, k);

      add_mix_row (c, table, _("Frontier mix"), -1, m->cost, m->risk, m->shares);
    }
  add_mix_row (c, table, _("Baseline mix"), c->meta->base_year, f.base_cost, f.base_risk, f.base);
  if (!show_scenario)
    return table;
  add_mix_row (c, table, _("Target mix"), f.reached >= 0 ? c->meta->base_year + f.reached : -1,
               f.target_cost, f.target_risk, f.target);
  for (guint t = 0; t < c->ny; t++)
    {
      double shares[SS_MAX_COUNTRIES];

      for (guint k = 0; k < c->nc; k++)
        shares[k] = ssc_mix_row (c->proj, c->item, k)[t];
      /* Translators: a row of the frontier chart's data: the mix of one
       * year of the scenario's path */
      add_mix_row (c, table, _("Mix of the path"), c->meta->base_year + (int)t, f.path_cost[t],
                   f.path_risk[t], shares);
    }
  return table;
}

/* A ring around the point under the pointer. */
static void
frontier_hover (SscCtx            *c,
                const SscChartHit *hit,
                double             x,
                double             y)
{
  const SscHitPoint *p = ssc_hit_point (hit, x, y);

  if (p == NULL)
    return;
  cairo_arc (c->cr, p->x, p->y, 9, 0, 2 * G_PI);
  cairo_set_line_width (c->cr, 2);
  ssc_set_source (c->cr, c->d->fg, 0.8);
  cairo_stroke (c->cr);
}

static gboolean
frontier_query (SscCtx            *c,
                const SscChartHit *hit,
                double             x,
                double             y,
                GString           *s)
{
  const SscHitPoint *pt = ssc_hit_point (hit, x, y);
  g_autofree char *head = NULL;

  if (pt == NULL)
    return FALSE;
  switch (pt->kind)
    {
    case POINT_BASELINE:
      head = g_strdup (_("Baseline mix"));
      break;
    case POINT_TARGET:
      head = g_strdup (_("Target mix"));
      break;
    case POINT_PATH:
      /* Translators: tooltip heading on the frontier chart; %d is a year */
      head = g_strdup_printf (_("Mix in %d"), hit->base_year + pt->index);
      break;
    case POINT_FRONTIER:
    default:
      head = g_strdup (_("Frontier mix"));
      break;
    }
  g_string_append_printf (s, "<b>%s</b>", head);
  ssc_tooltip_add_pair (s, _("Cost index"), ssc_format_number (pt->vx, 3), NULL);
  ssc_tooltip_add_pair (s, _("Supply risk"), ssc_format_number (pt->vy, 2), NULL);
  ssc_tooltip_add_mix (s, c->study, pt->shares, c->nc);
  return TRUE;
}

const SscChartClass ssc_frontier_chart = {
  .name = "frontier",
  .label = NC_("chart", "Frontier"),
  .title = N_("Cost–risk frontier"),
  .no_item = N_("The frontier needs an item; the study has none"),
  .projections = SSC_PROJECTIONS_SELECTED,
  .flags = SSC_CHART_NEEDS_ITEM,
  .draw = frontier_draw,
  .describe = frontier_describe,
  .table = frontier_table,
  .hover = frontier_hover,
  .query = frontier_query,
};
