/* ssc-axis.c: value and year axes, gridlines and axis titles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Light gridlines at round numbers with their labels left of the plot;
 * the unit of each axis written above it rather than rotated; the 0 line,
 * where there is one, drawn darker as the axis, after the data.
 */

#define G_LOG_DOMAIN "supplyshift-chart-axis"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ssc-axis.h"
#include "ssc-palette.h"

double
ssc_axis_grid_alpha (const SscCtx *c)
{
  return c->d->dark ? 0.14 : 0.11;
}

void
ssc_axis_grid_h (SscCtx  *c,
                 SscRect  plot,
                 double   y,
                 double   alpha)
{
  y = round (y) + 0.5;
  cairo_move_to (c->cr, plot.x, y);
  cairo_line_to (c->cr, plot.x + plot.w, y);
  cairo_set_line_width (c->cr, 1);
  ssc_set_source (c->cr, c->d->fg, alpha);
  cairo_stroke (c->cr);
}

/* The room the tick labels of a value axis take, left of the plot. */
double
ssc_axis_labels_width (SscCtx         *c,
                       const SscTicks *t,
                       SscNumStyle     style)
{
  double w = 0;

  for (guint k = 0; k < ssc_ticks_count (t); k++)
    {
      g_autofree char *label = ssc_format_tick (style, t, ssc_ticks_value (t, k));

      w = MAX (w, ssc_text_width (c->text, &ssc_font_tick, label));
    }
  return w + 8;
}

/* Gridlines at the ticks and their labels left of the plot; the 0 line is
 * left to ssc_axis_zero(). */
void
ssc_axis_y (SscCtx         *c,
            SscRect         plot,
            const SscTicks *t,
            SscNumStyle     style)
{
  for (guint k = 0; k < ssc_ticks_count (t); k++)
    {
      double v = ssc_ticks_value (t, k), y = ssc_scale_y (t, plot, v);
      g_autofree char *label = ssc_format_tick (style, t, v);

      if (v != 0)
        ssc_axis_grid_h (c, plot, y, ssc_axis_grid_alpha (c));
      ssc_text_draw (c->text, &ssc_font_tick, label, plot.x - 8, y, 1, 0.5, c->d->fg, 0.72);
    }
}

/* Vertical gridlines at the ticks and their labels under the plot. A
 * compact axis (one of several small panels side by side) draws its 0
 * line darker, as the axis, and only every other inner label. */
void
ssc_axis_x (SscCtx         *c,
            SscRect         plot,
            const SscTicks *t,
            gboolean        compact)
{
  cairo_t *cr = c->cr;
  guint n = ssc_ticks_count (t);

  for (guint k = 0; k < n; k++)
    {
      double v = ssc_ticks_value (t, k), x = round (ssc_scale_x (t, plot, v)) + 0.5;
      g_autofree char *label = ssc_format_tick (SSC_NUM_PLAIN, t, v);

      cairo_move_to (cr, x, plot.y);
      cairo_line_to (cr, x, plot.y + plot.h);
      cairo_set_line_width (cr, 1);
      ssc_set_source (cr, c->d->fg, compact && v == 0 ? 0.5 : ssc_axis_grid_alpha (c));
      cairo_stroke (cr);
      if (!compact || k == 0 || k + 1 == n || n <= 4 || k % 2 == 0)
        ssc_text_draw (c->text, &ssc_font_tick, label, x, plot.y + plot.h + 6, 0.5, 0,
                       c->d->fg, 0.72);
    }
}

/* The 0 line, or the bottom edge when 0 is not in range. */
void
ssc_axis_zero (SscCtx         *c,
               SscRect         plot,
               const SscTicks *t)
{
  double y = t->lo <= 0 && t->hi >= 0 ? ssc_scale_y (t, plot, 0) : plot.y + plot.h;

  ssc_axis_grid_h (c, plot, y, 0.5);
}

double
ssc_axis_title_height (SscCtx *c)
{
  return ssc_text_line_height (c->text, &ssc_font_label) + 8;
}

/* The unit of a panel, above it and aligned with the tick labels. */
void
ssc_axis_title (SscCtx     *c,
                SscRect     plot,
                double      labels_w,
                const char *title)
{
  ssc_text_set (c->text, &ssc_font_label, title, plot.w + labels_w, SSC_FIT_ELLIPSIZE,
                SSC_ALIGN_START);
  ssc_text_show (c->text, plot.x - labels_w, plot.y - 8, 0, 1, c->d->fg, 0.9);
}

double
ssc_axis_years_height (SscCtx   *c,
                       gboolean  with_title)
{
  return 6 + ssc_text_line_height (c->text, &ssc_font_tick)
         + (with_title ? 4 + ssc_text_line_height (c->text, &ssc_font_label) : 0);
}

/* Years under the plot, every one or every 2, 5, 10… as they fit. */
void
ssc_axis_years (SscCtx   *c,
                SscRect   plot,
                gboolean  slots,
                gboolean  with_title)
{
  guint ny = c->ny;
  int base = c->meta->base_year;
  double label_w = ssc_text_width (c->text, &ssc_font_tick, "2000") + 16;
  double spacing = slots ? plot.w / ny : plot.w / (ny - 1);
  int step = 1;

  while (step * spacing < label_w)
    step = step == 1 ? 2 : step == 2 ? 5 : step * 2;

  for (guint t = 0; t < ny; t++)
    {
      double x;
      g_autofree char *label = NULL;

      if ((base + (int)t) % step != 0 && !(step > 1 && ny <= 3))
        continue;
      x = round (ssc_scale_year_x (plot, t, ny, slots)) + 0.5;
      cairo_move_to (c->cr, x, plot.y + plot.h);
      cairo_line_to (c->cr, x, plot.y + plot.h + 4);
      cairo_set_line_width (c->cr, 1);
      ssc_set_source (c->cr, c->d->fg, 0.5);
      cairo_stroke (c->cr);
      label = g_strdup_printf ("%d", base + (int)t);
      ssc_text_draw (c->text, &ssc_font_tick, label, x, plot.y + plot.h + 6, 0.5, 0,
                     c->d->fg, 0.72);
    }
  if (with_title)
    /* Translators: the title of the time axis */
    ssc_text_draw (c->text, &ssc_font_label, _("Year"), plot.x + plot.w / 2,
                   plot.y + plot.h + 6 + ssc_text_line_height (c->text, &ssc_font_tick) + 4,
                   0.5, 0, c->d->fg, 0.9);
}
