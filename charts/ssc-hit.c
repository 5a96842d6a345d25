/* ssc-hit.c: where a drawing put things, for hover marks and tooltips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ssc_chart_render() records the regions here, so the widget can say
 * what lies under the pointer without drawing again. The charts share
 * three kinds of regions: a column of years across panels (the time
 * charts), rows (heatmap, compare), and marked points (frontier).
 */

#define G_LOG_DOMAIN "supplyshift-chart-hit"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ssc-hit.h"
#include "ssc-palette.h"
#include "ssc-scale.h"

SscChartHit *
ssc_chart_hit_new (void)
{
  SscChartHit *hit = g_new0 (SscChartHit, 1);

  hit->rows = g_array_new (FALSE, FALSE, sizeof (int));
  hit->cols = g_array_new (FALSE, FALSE, sizeof (int));
  hit->points = g_array_new (FALSE, FALSE, sizeof (SscHitPoint));
  return hit;
}

void
ssc_chart_hit_free (SscChartHit *hit)
{
  if (hit == NULL)
    return;
  g_array_unref (hit->rows);
  g_array_unref (hit->cols);
  g_array_unref (hit->points);
  g_free (hit);
}

void
ssc_hit_reset (SscChartHit  *hit,
               SscChartKind  kind)
{
  hit->kind = kind;
  hit->valid = FALSE;
  hit->n_panels = 0;
  hit->n_cols = 0;
  g_array_set_size (hit->rows, 0);
  g_array_set_size (hit->cols, 0);
  g_array_set_size (hit->points, 0);
}

/* Whether the last ssc_chart_render() drew the chart's regions, not a
 * message in its place ("Too small to draw", no data). */
gboolean
ssc_chart_hit_is_drawn (const SscChartHit *hit)
{
  g_return_val_if_fail (hit != NULL, FALSE);
  return hit->valid;
}

void
ssc_hit_set_panels (SscCtx        *c,
                    guint          n,
                    const SscRect *panels,
                    gboolean       slots)
{
  if (c->hit == NULL)
    return;
  g_assert (n <= G_N_ELEMENTS (c->hit->panels));
  c->hit->n_panels = n;
  for (guint k = 0; k < n; k++)
    c->hit->panels[k] = panels[k];
  c->hit->slots = slots;
  c->hit->valid = TRUE;
}

void
ssc_hit_set_rows (SscCtx    *c,
                  const int *rows,
                  guint      n_rows)
{
  if (c->hit == NULL)
    return;
  g_array_set_size (c->hit->rows, 0);
  g_array_append_vals (c->hit->rows, rows, n_rows);
}

void
ssc_hit_add_point (SscCtx       *c,
                   double        x,
                   double        y,
                   int           kind,
                   int           index,
                   double        vx,
                   double        vy,
                   const double *shares)
{
  SscHitPoint p = { x, y, kind, index, vx, vy, { 0 } };

  if (c->hit == NULL)
    return;
  memcpy (p.shares, shares, c->nc * sizeof (double));
  g_array_append_val (c->hit->points, p);
}

/* The year under the pointer on a time chart: anywhere over the panels'
 * column, snapped to the nearest year. */
gboolean
ssc_hit_year (const SscChartHit *hit,
              double             x,
              double             y,
              guint             *year)
{
  SscRect first = hit->panels[0], last = hit->panels[hit->n_panels - 1];
  double f;

  if (hit->n_years < 2 || x < first.x - 4 || x > first.x + first.w + 4
      || y < first.y - 4 || y > last.y + last.h + 4)
    return FALSE;
  if (hit->slots)
    f = floor ((x - first.x) / first.w * hit->n_years);
  else
    f = round ((x - first.x) / first.w * (hit->n_years - 1));
  *year = (guint)CLAMP (f, 0, hit->n_years - 1);
  return TRUE;
}

/* The row of band under the pointer, or -1. */
int
ssc_hit_row (const SscChartHit *hit,
             SscRect            band,
             double             x,
             double             y)
{
  int r;

  if (!ssc_rect_contains (band, x, y) || hit->row_h <= 0)
    return -1;
  r = (int)floor ((y - band.y) / hit->row_h);
  return r >= 0 && (guint)r < hit->rows->len ? r : -1;
}

/* The nearest point within 16 pixels, or NULL. */
const SscHitPoint *
ssc_hit_point (const SscChartHit *hit,
               double             x,
               double             y)
{
  const SscHitPoint *best = NULL;
  double best_d = 16 * 16;

  /* Markers win over the line they sit on. */
  for (guint k = 0; k < hit->points->len; k++)
    {
      const SscHitPoint *p = &g_array_index (hit->points, SscHitPoint, k);
      double d = (p->x - x) * (p->x - x) + (p->y - y) * (p->y - y);

      if (p->kind != SSC_HIT_LINE)
        d *= 0.5;
      if (d < best_d)
        best = p, best_d = d;
    }
  return best;
}

/* The hover mark of the time charts: the year's slot shaded across the
 * panels for bars, a line through the year for lines and areas. */
void
ssc_hit_hover_years (SscCtx            *c,
                     const SscChartHit *hit,
                     double             x,
                     double             y)
{
  cairo_t *cr = c->cr;
  guint year;

  if (!ssc_hit_year (hit, x, y, &year))
    return;
  for (guint k = 0; k < hit->n_panels; k++)
    {
      SscRect p = hit->panels[k];

      if (hit->slots)
        {
          cairo_rectangle (cr, p.x + p.w * year / hit->n_years, p.y, p.w / hit->n_years, p.h);
          ssc_set_source (cr, c->d->fg, 0.08);
          cairo_fill (cr);
        }
      else
        {
          double px = round (ssc_scale_year_x (p, year, hit->n_years, FALSE)) + 0.5;

          cairo_move_to (cr, px, p.y);
          cairo_line_to (cr, px, p.y + p.h);
          cairo_set_line_width (cr, 1);
          ssc_set_source (cr, c->d->fg, 0.6);
          cairo_stroke (cr);
        }
    }
}

/* Shades one row of band. */
void
ssc_hit_mark_row (SscCtx            *c,
                  const SscChartHit *hit,
                  SscRect            band,
                  int                row,
                  double             alpha)
{
  cairo_rectangle (c->cr, band.x, band.y + row * hit->row_h, band.w, hit->row_h);
  ssc_set_source (c->cr, c->d->fg, alpha);
  cairo_fill (c->cr);
}

/* What a click at (x, y) on the last drawing leads to: a scenario's row
 * of the compare chart, an item's row of the heatmap, or a mix of the
 * frontier line (its shares in *shares, valid until the next drawing). */
SscTargetKind
ssc_chart_hit_target (const SscChartHit  *hit,
                      double              x,
                      double              y,
                      int                *index,
                      const double      **shares)
{
  int row;

  g_return_val_if_fail (hit != NULL, SSC_TARGET_NONE);

  if (!hit->valid)
    return SSC_TARGET_NONE;
  switch (hit->kind)
    {
    case SSC_CHART_COMPARE:
      row = ssc_hit_row (hit, hit->grid, x, y);
      if (row < 0)
        return SSC_TARGET_NONE;
      if (index != NULL)
        *index = g_array_index (hit->rows, int, row);
      return SSC_TARGET_SCENARIO;
    case SSC_CHART_HEATMAP:
      row = ssc_hit_row (hit, hit->labels, x, y);
      if (row < 0)
        return SSC_TARGET_NONE;
      if (index != NULL)
        *index = g_array_index (hit->rows, int, row);
      return SSC_TARGET_ITEM;
    case SSC_CHART_FRONTIER:
      {
        const SscHitPoint *p = ssc_hit_point (hit, x, y);

        /* The frontier's own points: the baseline, the target and the
         * path are mixes the scenario already has or reaches. */
        if (p == NULL || p->kind != SSC_HIT_LINE)
          return SSC_TARGET_NONE;
        if (index != NULL)
          *index = p->index;
        if (shares != NULL)
          *shares = p->shares;
        return SSC_TARGET_MIX;
      }
    case SSC_CHART_MIX:
    case SSC_CHART_COST:
    case SSC_CHART_RISK:
    case SSC_CHART_STRESS:
    case SSC_CHART_TORNADO:
    case SSC_N_CHARTS:
    default:
      return SSC_TARGET_NONE;
    }
}
