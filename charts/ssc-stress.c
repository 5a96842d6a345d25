/* ssc-stress.c: the stress grid, every strategy under every shock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One cell per strategy S (the baseline, then every kind="strategy"
 * scenario) and shock K (none, then every kind="shock" scenario), as
 * model.md §8 defines S ⊕ K: the final year's expected shortfall impact
 * (the cell's colour, on one scale for the whole grid), VaR95, the net
 * present value of the premium against the baseline under the same shock,
 * and the items over a policy target in the final year and in the first
 * year a target is in force. Every figure is read off the cell's
 * projection, which the model computed (SsDocument's stress cache): the
 * chart computes none.
 */

#define G_LOG_DOMAIN "supplyshift-chart-stress"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ssc-draw.h"
#include "ssc-format.h"
#include "ssc-frame.h"
#include "ssc-hit.h"
#include "ssc-palette.h"
#include "ssc-scale.h"
#include "ssc-tooltip.h"

#define STRESS_MAX_ROW 112.0
/* Below STRESS_LINES_CELL_W a cell shows its impact alone (the tooltip
 * and the data have the rest), so a grid of many shocks still draws in
 * the window's side column. */
#define STRESS_MIN_CELL_W 30.0
#define STRESS_LINES_CELL_W 64.0
#define STRESS_PAD 6.0

/* The grid's axes and the figures every cell shows. */
typedef struct
{
  GArray *strategies;                  /* of int: SS_BASELINE, then strategies */
  GArray *shocks;                      /* of int: SS_NO_SHOCK, then shocks */
  guint   last;                        /* the final year's index */
  int     first_target;                /* the first year a target is in force, or -1 */
  SscTicks scale;                      /* the colour scale: 0 to the largest impact */
} Grid;

typedef struct
{
  double premium;                      /* NPV against baseline ⊕ the same shock */
  double impact;                       /* EL in the final year */
  double var95;                        /* VaR95 in the final year, NAN if not computed */
  int    over_last;                    /* items over target in the final year */
  int    over_first;                   /* in the first target year, or -1 */
} Figures;

static void
grid_clear (Grid *g)
{
  g_clear_pointer (&g->strategies, g_array_unref);
  g_clear_pointer (&g->shocks, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Grid, grid_clear)

static const SsProjection *
grid_cell (const SscCtx *c,
           const Grid   *g,
           guint         row,
           guint         col)
{
  return g_ptr_array_index (c->d->cells, row * g->shocks->len + col);
}

static void
grid_figures (const Grid         *g,
              const SsProjection *p,
              Figures            *f)
{
  f->premium = p->npv_cost_premium;
  f->impact = p->expected_shortfall_impact[g->last];
  f->var95 = p->too_many_states ? NAN : p->var95_shortfall_impact[g->last];
  f->over_last = p->over_target_count[g->last];
  f->over_first = g->first_target >= 0 ? p->over_target_count[g->first_target] : -1;
}

static void
grid_init (const SscCtx *c,
           Grid         *g)
{
  const SsProjection *base;
  double hi;

  g->strategies = g_array_new (FALSE, FALSE, sizeof (int));
  g->shocks = g_array_new (FALSE, FALSE, sizeof (int));
  ss_study_get_stress_axes (c->study, g->strategies, g->shocks);
  g->last = c->ny - 1;
  g->first_target = -1;
  base = grid_cell (c, g, 0, 0);
  for (guint t = 0; t < base->n_years && g->first_target < 0; t++)
    if (!isnan (base->policy_target[t]))
      g->first_target = t;
  hi = 0;
  for (guint r = 0; r < g->strategies->len; r++)
    for (guint k = 0; k < g->shocks->len; k++)
      hi = MAX (hi, grid_cell (c, g, r, k)->expected_shortfall_impact[g->last]);
  g->scale = ssc_ticks_nice (0, hi > 0 ? hi : 1, 5);
}

static const char *
shock_name (const SscCtx *c,
            int           shock)
{
  if (shock == SS_NO_SHOCK)
    /* Translators: the stress grid's first column, the world without a shock */
    return _("No shock");
  return ss_study_get_scenario (c->study, shock)->name;
}

/* A sequential orange-red scale (ColorBrewer "OrRd" in the light style;
 * in the dark style from the background to a pale orange), so a larger
 * impact reads as more alarming in both. */
static void
stress_color (const SscCtx *c,
              double        v,
              double        out[4])
{
  static const guint32 light[] = { 0xfff7ec, 0xfee8c8, 0xfdd49e, 0xfdbb84, 0xfc8d59,
                                   0xef6548, 0xd7301f, 0xb30000, 0x7f0000 };
  static const guint32 dark[] = { 0x33302d, 0x4a3328, 0x643a27, 0x834428, 0xa3542e,
                                  0xc0693c, 0xd98a5c, 0xebb088, 0xf8d8bd };
  const guint32 *stops = c->d->dark ? dark : light;
  double a[4], b[4], f;
  guint k;

  v = (isnan (v) ? 0 : CLAMP (v, 0, 1)) * (G_N_ELEMENTS (light) - 1);
  k = MIN ((guint)floor (v), G_N_ELEMENTS (light) - 2);
  f = v - k;
  ssc_rgba_from_hex (a, stops[k], 1);
  ssc_rgba_from_hex (b, stops[k + 1], 1);
  for (guint j = 0; j < 3; j++)
    out[j] = a[j] + (b[j] - a[j]) * f;
  out[3] = 1;
}

static char *
format_signed (double v)
{
  g_autofree char *plain = ssc_format_value (v);

  /* A premium says which way it goes: ssc_format_number() writes the minus. */
  return v >= 5e-4 ? g_strconcat ("+", plain, NULL) : g_steal_pointer (&plain);
}

static char *
format_var (double v)
{
  /* Translators: a figure that was not computed (VaR95 with too many joint states) */
  return isnan (v) ? g_strdup (_("n/a")) : ssc_format_value (v);
}

/* "Over target: 3 (2027: 5)": the final year, then the first target year. */
static char *
format_over (const SscCtx  *c,
             const Grid    *g,
             const Figures *f)
{
  if (g->first_target < 0)
    /* Translators: in a stress cell; the study has no policy targets */
    return g_strdup (_("No policy targets"));
  if ((guint)g->first_target == g->last)
    /* Translators: in a stress cell; %d is a number of items */
    return g_strdup_printf (_("Over target: %d"), f->over_last);
  /* Translators: in a stress cell: items over a policy target in the final
   * year (%1$d), then in the first year a target is in force (%2$d: %3$d) */
  return g_strdup_printf (_("Over target: %1$d (%2$d: %3$d)"), f->over_last,
                          c->meta->base_year + g->first_target, f->over_first);
}

/* Column heads: the shock's name on up to two lines. */
static void
draw_heads (SscCtx     *c,
            const Grid *g,
            double      grid_x,
            double      grid_y,
            double      cell_w)
{
  for (guint k = 0; k < g->shocks->len; k++)
    {
      double x = grid_x + k * cell_w;

      ssc_text_set (c->text, &ssc_font_tick, shock_name (c, g_array_index (g->shocks, int, k)),
                    cell_w - 8, SSC_FIT_WRAP2, SSC_ALIGN_CENTER);
      ssc_text_show (c->text, x + cell_w / 2, grid_y - 6, 0.5, 1, c->d->fg, 0.85);
    }
}

/* One cell: its colour, then as many of its lines as fit. */
static void
draw_cell (SscCtx        *c,
           const Grid    *g,
           const Figures *f,
           SscRect        cell)
{
  cairo_t *cr = c->cr;
  double fill[4], ink[4];
  double bold_h = ssc_text_line_height (c->text, &ssc_font_label_bold);
  double small_h = ssc_text_line_height (c->text, &ssc_font_small);
  double room = cell.h - 2 * STRESS_PAD, used, y, head_h;
  const SscFont *head_font;
  gboolean small;
  g_autofree char *impact = ssc_format_value (f->impact);
  g_autofree char *premium_value = format_signed (f->premium);
  g_autofree char *var_value = format_var (f->var95);
  g_autofree char *premium = NULL, *var = NULL, *over = format_over (c, g, f);
  const char *lines[3];
  guint n_lines;
  gboolean light_cell;

  stress_color (c, f->impact / g->scale.hi, fill);
  cairo_rectangle (cr, cell.x, cell.y, cell.w, cell.h);
  ssc_set_source (cr, fill, 1);
  cairo_fill (cr);
  light_cell = ssc_luminance (fill) > 0.36;
  ssc_rgba_from_hex (ink, light_cell ? 0x000000 : 0xffffff, light_cell ? 0.85 : 1);

  /* Translators: in a stress cell, the NPV of the cost premium; %s is the figure */
  premium = g_strdup_printf (_("Premium %s"), premium_value);
  /* Translators: in a stress cell, the 95 % value at risk; %s is the figure */
  var = g_strdup_printf (_("VaR95 %s"), var_value);
  lines[0] = premium;
  lines[1] = var;
  lines[2] = over;

  /* A small cell (many shocks, or a short chart) keeps its figure whole
   * in a smaller size, and the rest of its lines for the tooltip. */
  small = cell.w < 48 || room < bold_h;
  head_font = small ? &ssc_font_small : &ssc_font_label_bold;
  head_h = small ? small_h : bold_h;
  if (cell.h - 2 < head_h)
    return;
  n_lines = cell.w + 2 < STRESS_LINES_CELL_W || room < head_h ? 0
            : (guint)MIN (3, floor ((room - head_h) / small_h));
  used = head_h + n_lines * small_h;
  y = cell.y + (cell.h - used) / 2;
  /* A narrow cell (many shocks) keeps its figure whole in a smaller size. */
  ssc_text_set (c->text, head_font, impact,
                cell.w - 4, SSC_FIT_ELLIPSIZE, SSC_ALIGN_CENTER);
  ssc_text_show (c->text, cell.x + cell.w / 2, y, 0.5, 0, ink, 1);
  y += head_h;
  for (guint k = 0; k < n_lines; k++)
    {
      ssc_text_set (c->text, &ssc_font_small, lines[k], cell.w - 2 * STRESS_PAD,
                    SSC_FIT_ELLIPSIZE, SSC_ALIGN_CENTER);
      ssc_text_show (c->text, cell.x + cell.w / 2, y, 0.5, 0, ink, 0.92);
      y += small_h;
    }
}

/* The shared colour scale, under the grid at y. */
static void
draw_scale (SscCtx     *c,
            const Grid *g,
            double      x,
            double      y,
            double      len)
{
  cairo_t *cr = c->cr;
  g_autofree char *unit = ssc_ctx_money_unit (c);
  g_autofree char *title = NULL;
  cairo_pattern_t *ramp = cairo_pattern_create_linear (x, 0, x + len, 0);
  guint n_ticks = ssc_ticks_count (&g->scale);

  /* Translators: the stress grid's colour scale; %1$d is the final year, %2$s the unit */
  title = g_strdup_printf (_("Expected shortfall impact in %1$d (%2$s)"),
                           c->meta->base_year + (int)g->last, unit);
  ssc_text_set (c->text, &ssc_font_label, title, c->area.w - (x - c->area.x),
                SSC_FIT_ELLIPSIZE, SSC_ALIGN_START);
  ssc_text_show (c->text, x, y - 4, 0, 1, c->d->fg, 0.9);
  for (guint k = 0; k <= 8; k++)
    {
      double rgba[4];

      stress_color (c, k / 8.0, rgba);
      cairo_pattern_add_color_stop_rgb (ramp, k / 8.0, rgba[0], rgba[1], rgba[2]);
    }
  cairo_rectangle (cr, x, y, len, 10);
  cairo_set_source (cr, ramp);
  cairo_fill (cr);
  cairo_pattern_destroy (ramp);
  for (guint k = 0; k < n_ticks; k++)
    {
      double v = ssc_ticks_value (&g->scale, k);
      g_autofree char *label = ssc_format_tick (SSC_NUM_PLAIN, &g->scale, v);

      ssc_text_draw (c->text, &ssc_font_tick, label, x + len * v / g->scale.hi, y + 14,
                     k == 0 ? 0 : k + 1 == n_ticks ? 1 : 0.5, 0, c->d->fg, 0.72);
    }
}

static char *
stress_subtitle (const SscCtx *c,
                 const Grid   *g)
{
  g_autofree char *unit = ssc_ctx_money_unit (c);

  /* Translators: the stress grid's subtitle; %1$d is the final year, %2$s the unit */
  return g_strdup_printf (_("%1$d · %2$s · the premium is the NPV against the baseline under "
                            "the same shock"), c->meta->base_year + (int)g->last, unit);
}

static void
stress_draw (SscCtx *c)
{
  g_auto(Grid) g = { 0 };
  guint nr, nk;
  double label_w = 0, head_h, ramp_h, avail_h, cell_w, row_h, grid_x, grid_y;
  double tick_h = ssc_text_line_height (c->text, &ssc_font_tick);
  double label_h = ssc_text_line_height (c->text, &ssc_font_label);
  g_autofree char *subtitle = NULL;

  grid_init (c, &g);
  nr = g.strategies->len;
  nk = g.shocks->len;
  subtitle = stress_subtitle (c, &g);
  ssc_frame_header (c, ssc_ctx_title (c), subtitle);

  for (guint r = 0; r < nr; r++)
    label_w = MAX (label_w, ssc_text_width (c->text, &ssc_font_label,
                                            ssc_scenario_name (c->study,
                                                               g_array_index (g.strategies, int, r))));
  /* Many shocks: the strategies' names give up some width to the cells. */
  label_w = MIN (label_w, c->area.w * (nk > 5 ? 0.2 : 0.24)) + 12;
  head_h = 2 * tick_h + 8;
  ramp_h = 18 + label_h + 4 + 10 + 4 + tick_h;
  avail_h = c->area.h - head_h - ramp_h;
  cell_w = (c->area.w - label_w) / nk;
  row_h = MIN (avail_h / nr, STRESS_MAX_ROW);
  if (cell_w < STRESS_MIN_CELL_W || row_h < ssc_text_line_height (c->text, &ssc_font_label_bold) + 4)
    {
      ssc_frame_too_small (c);
      return;
    }
  grid_x = c->area.x + label_w;
  grid_y = c->area.y + head_h;

  if (c->hit != NULL)
    {
      SscRect grid = { grid_x, grid_y, cell_w * nk, row_h * nr };

      ssc_hit_set_panels (c, 1, &grid, FALSE);
      c->hit->grid = grid;
      c->hit->labels = (SscRect) { c->area.x, grid_y, label_w + cell_w * nk, row_h * nr };
      c->hit->n_cols = nk;
      c->hit->row_h = row_h;
      c->hit->year = g.last;
      ssc_hit_set_rows (c, (const int *)g.strategies->data, nr);
      g_array_set_size (c->hit->cols, 0);
      g_array_append_vals (c->hit->cols, g.shocks->data, nk);
    }

  draw_heads (c, &g, grid_x, grid_y, cell_w);
  for (guint r = 0; r < nr; r++)
    {
      double y = grid_y + r * row_h;

      ssc_text_set (c->text, &ssc_font_label,
                    ssc_scenario_name (c->study, g_array_index (g.strategies, int, r)),
                    label_w - 12, SSC_FIT_WRAP2, SSC_ALIGN_START);
      ssc_text_show (c->text, grid_x - 12, y + row_h / 2, 1, 0.5, c->d->fg, 0.9);
      for (guint k = 0; k < nk; k++)
        {
          Figures f;
          SscRect cell = { grid_x + k * cell_w + 1, y + 1, cell_w - 2, row_h - 2 };

          grid_figures (&g, grid_cell (c, &g, r, k), &f);
          draw_cell (c, &g, &f, cell);
        }
    }

  draw_scale (c, &g, grid_x, grid_y + row_h * nr + 18 + label_h + 4, MIN (cell_w * nk, 280));
}

static char *
stress_describe (SscCtx *c)
{
  g_auto(Grid) g = { 0 };
  guint nr, nk, lo_r = 0, lo_k = 0, hi_r = 0, hi_k = 0;
  double lo = INFINITY, hi = -INFINITY;
  g_autofree char *unit = ssc_ctx_money_unit (c);
  g_autofree char *lo_text = NULL, *hi_text = NULL, *lo_s = NULL, *lo_k_name = NULL;
  g_autofree char *hi_s = NULL, *hi_k_name = NULL;

  grid_init (c, &g);
  nr = g.strategies->len;
  nk = g.shocks->len;
  for (guint r = 0; r < nr; r++)
    for (guint k = 0; k < nk; k++)
      {
        double v = grid_cell (c, &g, r, k)->expected_shortfall_impact[g.last];

        if (v < lo)
          lo = v, lo_r = r, lo_k = k;
        if (v > hi)
          hi = v, hi_r = r, hi_k = k;
      }
  lo_text = ssc_format_with_unit (ssc_format_value (lo), unit);
  hi_text = ssc_format_with_unit (ssc_format_value (hi), unit);
  lo_s = ssc_text_isolate (ssc_scenario_name (c->study, g_array_index (g.strategies, int, lo_r)));
  hi_s = ssc_text_isolate (ssc_scenario_name (c->study, g_array_index (g.strategies, int, hi_r)));
  lo_k_name = ssc_text_isolate (shock_name (c, g_array_index (g.shocks, int, lo_k)));
  hi_k_name = ssc_text_isolate (shock_name (c, g_array_index (g.shocks, int, hi_k)));

  /* Translators: accessible summary of the stress grid: number of strategies,
   * number of shocks with "no shock", final year, the lowest impact, its
   * strategy and shock, the highest impact, its strategy and shock */
  return g_strdup_printf (_("%1$u strategies under %2$u conditions (no shock and each shock): in "
                            "%3$d the expected shortfall impact is lowest, %4$s, for %5$s under "
                            "%6$s and highest, %7$s, for %8$s under %9$s."),
                          nr, nk, c->meta->base_year + (int)g.last, lo_text, lo_s, lo_k_name,
                          hi_text, hi_s, hi_k_name);
}

/* A row per cell, strategy by strategy and shock by shock, with the
 * figures the cell shows. */
static SsTable *
stress_table (SscCtx *c)
{
  g_auto(Grid) g = { 0 };
  SsTable *table = ss_table_new ();
  g_autofree char *unit = ssc_ctx_money_unit (c);
  g_autofree char *impact = NULL, *var = NULL, *over = NULL, *over_first = NULL;
  int last_year;
  gboolean two_years;

  grid_init (c, &g);
  last_year = c->meta->base_year + (int)g.last;
  two_years = g.first_target >= 0 && (guint)g.first_target != g.last;
  /* Translators: columns of the stress grid's data */
  ss_table_add_column (table, _("Strategy"), NULL, SS_TABLE_TEXT);
  ss_table_add_column (table, _("Shock"), NULL, SS_TABLE_TEXT);
  ss_table_add_column (table, _("Premium (NPV)"), unit, 1);
  impact = g_strdup_printf (_("Expected shortfall impact, %d"), last_year);
  ss_table_add_column (table, impact, unit, 1);
  var = g_strdup_printf (_("VaR95, %d"), last_year);
  ss_table_add_column (table, var, unit, 1);
  if (g.first_target >= 0)
    {
      over = g_strdup_printf (_("Items over target, %d"), last_year);
      ss_table_add_column (table, over, NULL, 0);
    }
  if (two_years)
    {
      over_first = g_strdup_printf (_("Items over target, %d"), c->meta->base_year + g.first_target);
      ss_table_add_column (table, over_first, NULL, 0);
    }
  for (guint r = 0; r < g.strategies->len; r++)
    for (guint k = 0; k < g.shocks->len; k++)
      {
        guint row = ss_table_add_row (table);
        Figures f;

        grid_figures (&g, grid_cell (c, &g, r, k), &f);
        ss_table_set_text (table, row, 0, ssc_scenario_name (c->study, g_array_index (g.strategies, int, r)));
        ss_table_set_text (table, row, 1, shock_name (c, g_array_index (g.shocks, int, k)));
        ss_table_set_number (table, row, 2, f.premium);
        ss_table_set_number (table, row, 3, f.impact);
        ss_table_set_number (table, row, 4, f.var95);
        if (g.first_target >= 0)
          ss_table_set_number (table, row, 5, f.over_last);
        if (two_years)
          ss_table_set_number (table, row, 6, f.over_first);
      }
  return table;
}

/* The cell under (x, y) as its row and column on the grid. */
static gboolean
hit_cell_index (const SscChartHit *hit,
                double             x,
                double             y,
                guint             *row,
                guint             *col)
{
  if (!hit->valid || hit->kind != SSC_CHART_STRESS || hit->n_cols == 0 || hit->row_h <= 0
      || !ssc_rect_contains (hit->grid, x, y))
    return FALSE;
  *row = MIN ((guint)floor ((y - hit->grid.y) / hit->row_h), hit->rows->len - 1);
  *col = MIN ((guint)floor ((x - hit->grid.x) / (hit->grid.w / hit->n_cols)), hit->n_cols - 1);
  return TRUE;
}

/* For a cell picker: the strategy (SS_BASELINE or a scenario index) and
 * shock (SS_NO_SHOCK or a scenario index) of the stress cell under (x, y)
 * as the last ssc_chart_render() drew it; FALSE off the grid or on
 * another chart. */
gboolean
ssc_chart_hit_cell (const SscChartHit *hit,
                    double             x,
                    double             y,
                    int               *strategy,
                    int               *shock)
{
  guint row, col;

  g_return_val_if_fail (hit != NULL, FALSE);

  if (!hit_cell_index (hit, x, y, &row, &col))
    return FALSE;
  if (strategy != NULL)
    *strategy = g_array_index (hit->rows, int, row);
  if (shock != NULL)
    *shock = g_array_index (hit->cols, int, col);
  return TRUE;
}

/* For a keyboard cursor on the grid: the shape of the grid as the last
 * ssc_chart_render() drew it (0 by 0 when it drew no stress grid). */
void
ssc_chart_hit_grid_shape (const SscChartHit *hit,
                          guint             *n_rows,
                          guint             *n_cols)
{
  gboolean drawn;

  g_return_if_fail (hit != NULL);

  drawn = hit->valid && hit->kind == SSC_CHART_STRESS && hit->n_cols > 0 && hit->row_h > 0;
  if (n_rows != NULL)
    *n_rows = drawn ? hit->rows->len : 0;
  if (n_cols != NULL)
    *n_cols = drawn ? hit->n_cols : 0;
}

/* The stress cell at row and column of the grid as last drawn: its
 * strategy and shock, and its rectangle (x, y, width, height); FALSE
 * outside the grid. */
gboolean
ssc_chart_hit_cell_rect (const SscChartHit *hit,
                         guint              row,
                         guint              col,
                         int               *strategy,
                         int               *shock,
                         double             rect[4])
{
  guint n_rows, n_cols;

  g_return_val_if_fail (hit != NULL, FALSE);

  ssc_chart_hit_grid_shape (hit, &n_rows, &n_cols);
  if (row >= n_rows || col >= n_cols)
    return FALSE;
  if (strategy != NULL)
    *strategy = g_array_index (hit->rows, int, row);
  if (shock != NULL)
    *shock = g_array_index (hit->cols, int, col);
  if (rect != NULL)
    {
      rect[2] = hit->grid.w / n_cols;
      rect[3] = hit->row_h;
      rect[0] = hit->grid.x + col * rect[2];
      rect[1] = hit->grid.y + row * rect[3];
    }
  return TRUE;
}

static void
stress_hover (SscCtx            *c,
              const SscChartHit *hit,
              double             x,
              double             y)
{
  double cell_w = hit->n_cols > 0 ? hit->grid.w / hit->n_cols : 0;
  guint row, col;

  if (!hit_cell_index (hit, x, y, &row, &col))
    return;
  cairo_rectangle (c->cr, hit->grid.x + col * cell_w + 1.5, hit->grid.y + row * hit->row_h + 1.5,
                   cell_w - 3, hit->row_h - 3);
  cairo_set_line_width (c->cr, 3);
  ssc_set_source (c->cr, c->d->fg, 1);
  cairo_stroke (c->cr);
}

static gboolean
stress_query (SscCtx            *c,
              const SscChartHit *hit,
              double             x,
              double             y,
              GString           *s)
{
  guint row, col, nr, nk;
  int strategy, shock, last_year;
  Figures f, base;
  Grid g = { 0 };
  g_autofree char *unit = ssc_ctx_money_unit (c);
  g_autofree char *s_name = NULL, *k_name = NULL, *head = NULL, *label = NULL;
  gboolean with_base;

  if (!hit_cell_index (hit, x, y, &row, &col) || !ssc_data_grid_valid (c->d))
    return FALSE;
  ssc_data_grid_shape (c->d, &nr, &nk);
  /* The grid changed shape since it was drawn. */
  if (nr != hit->rows->len || nk != hit->n_cols)
    return FALSE;
  strategy = g_array_index (hit->rows, int, row);
  shock = g_array_index (hit->cols, int, col);
  g.strategies = hit->rows;
  g.shocks = hit->cols;
  g.last = hit->year;
  g.first_target = -1;
  for (guint t = 0; t < c->ny && g.first_target < 0; t++)
    if (!isnan (grid_cell (c, &g, 0, 0)->policy_target[t]))
      g.first_target = t;
  grid_figures (&g, grid_cell (c, &g, row, col), &f);
  grid_figures (&g, grid_cell (c, &g, 0, col), &base);
  with_base = row > 0;
  last_year = c->meta->base_year + (int)g.last;

  s_name = ssc_text_isolate (ssc_scenario_name (c->study, strategy));
  if (shock == SS_NO_SHOCK)
    /* Translators: tooltip heading on the stress grid; %s is a strategy */
    head = g_markup_printf_escaped (_("<b>%s</b> with no shock"), s_name);
  else
    {
      k_name = ssc_text_isolate (shock_name (c, shock));
      /* Translators: tooltip heading on the stress grid, "China plus one under China export controls" */
      head = g_markup_printf_escaped (_("<b>%s</b> under <b>%s</b>"), s_name, k_name);
    }
  g_string_append (s, head);
  ssc_tooltip_add_pair (s, _("Premium (NPV)"),
                        ssc_format_with_unit (format_signed (f.premium), unit), NULL);
  /* Translators: a tooltip label; %d is a year */
  label = g_strdup_printf (_("Expected shortfall impact, %d"), last_year);
  ssc_tooltip_add_pair (s, label, ssc_format_with_unit (ssc_format_value (f.impact), unit),
                        with_base ? ssc_format_value (base.impact) : NULL);
  g_free (label);
  /* Translators: a tooltip label; %d is a year */
  label = g_strdup_printf (_("VaR95, %d"), last_year);
  ssc_tooltip_add_pair (s, label, ssc_format_with_unit (format_var (f.var95), unit),
                        with_base ? format_var (base.var95) : NULL);
  if (g.first_target >= 0)
    {
      g_free (label);
      /* Translators: a tooltip label; %d is a year */
      label = g_strdup_printf (_("Items over target, %d"), last_year);
      ssc_tooltip_add_pair (s, label, g_strdup_printf ("%d", f.over_last),
                            with_base ? g_strdup_printf ("%d", base.over_last) : NULL);
      if ((guint)g.first_target != g.last)
        {
          g_free (label);
          label = g_strdup_printf (_("Items over target, %d"),
                                   c->meta->base_year + g.first_target);
          ssc_tooltip_add_pair (s, label, g_strdup_printf ("%d", f.over_first),
                                with_base ? g_strdup_printf ("%d", base.over_first) : NULL);
        }
    }
  return TRUE;
}

const SscChartClass ssc_stress_chart = {
  .name = "stress",
  .label = NC_("chart", "Stress"),
  .title = N_("Strategies under shocks"),
  .projections = SSC_PROJECTIONS_SELECTED,
  .flags = SSC_CHART_NEEDS_GRID,
  .draw = stress_draw,
  .describe = stress_describe,
  .table = stress_table,
  .hover = stress_hover,
  .query = stress_query,
};
