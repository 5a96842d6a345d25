/* ssc-draw.c: shapes and series the charts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "supplyshift-chart-draw"

#include "config.h"

#include <math.h>

#include "ssc-draw.h"
#include "ssc-palette.h"
#include "ssc-svg.h"

/* cairo_save() and a clip to r, until ssc_draw_unclip(). Every clip of a
 * chart goes through here: the SVG document cannot read an exact clip
 * back from cairo (see ssc-svg.c). */
void
ssc_draw_clip (cairo_t *cr,
               SscRect  r)
{
  ssc_svg_clip_push (cr, r.x, r.y, r.w, r.h);
}

/* cairo_restore(), ending ssc_draw_clip(). */
void
ssc_draw_unclip (cairo_t *cr)
{
  ssc_svg_clip_pop (cr);
}

/* Diagonal lines over r: the part of a sum the subsidy pays. */
void
ssc_draw_hatch (cairo_t      *cr,
                SscRect       r,
                const double  rgba[4])
{
  ssc_draw_clip (cr, r);
  for (double k = -r.h; k < r.w; k += 4)
    {
      cairo_move_to (cr, r.x + k, r.y + r.h);
      cairo_line_to (cr, r.x + k + r.h, r.y);
    }
  cairo_set_line_width (cr, 1);
  ssc_set_source (cr, rgba, 0.9);
  cairo_stroke (cr);
  ssc_draw_unclip (cr);
}

void
ssc_draw_diamond (cairo_t *cr,
                  double   x,
                  double   y,
                  double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

void
ssc_draw_pill (cairo_t *cr,
               SscRect  r)
{
  double rad = r.h / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, r.x + r.w - rad, r.y + rad, rad, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, r.x + rad, r.y + rad, rad, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A path through one value a year. */
void
ssc_draw_line_path (cairo_t        *cr,
                    SscRect         plot,
                    const SscTicks *t,
                    const double   *values,
                    guint           ny,
                    gboolean        slots)
{
  for (guint k = 0; k < ny; k++)
    {
      double x = ssc_scale_year_x (plot, k, ny, slots), y = ssc_scale_y (t, plot, values[k]);

      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

void
ssc_draw_series (SscCtx         *c,
                 SscRect         plot,
                 const SscTicks *t,
                 const double   *values,
                 gboolean        slots,
                 const double    rgba[4],
                 double          alpha,
                 double          width)
{
  cairo_save (c->cr);
  ssc_draw_line_path (c->cr, plot, t, values, c->ny, slots);
  cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (c->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (c->cr, width);
  ssc_set_source (c->cr, rgba, alpha);
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

/* A horizontal reference line, with a halo so it reads over any colour. */
void
ssc_draw_reference_stroke (SscCtx  *c,
                           SscRect  plot,
                           double   y)
{
  static const double dash[] = { 6, 4 };
  cairo_t *cr = c->cr;

  y = round (y) + 0.5;
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, plot.x, y);
  cairo_line_to (cr, plot.x + plot.w, y);
  cairo_set_line_width (cr, 3);
  ssc_set_source (cr, c->d->bg, 0.55);
  cairo_stroke_preserve (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 1.25);
  ssc_set_source (cr, c->d->fg, 0.9);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The line and its label, ending at label_right just above it. */
void
ssc_draw_reference_line (SscCtx     *c,
                         SscRect     plot,
                         double      y,
                         const char *label,
                         double      label_right,
                         SscRect    *label_box)
{
  ssc_draw_reference_stroke (c, plot, y);
  ssc_text_draw_on_patch (c->text, &ssc_font_small, label, label_right, round (y) - 3, 1, 1,
                          c->d->fg, c->d->bg, label_box);
}
