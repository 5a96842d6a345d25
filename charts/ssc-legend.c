/* ssc-legend.c: a chart's legend
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At the right of the plot, or at the bottom when the chart is narrow;
 * or on the title's line, for charts that need the full width below.
 * Each placement takes its room from c->area.
 */

#define G_LOG_DOMAIN "supplyshift-chart-legend"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ssc-draw.h"
#include "ssc-frame.h"
#include "ssc-legend.h"
#include "ssc-palette.h"

#define SWATCH_W 20.0

typedef struct
{
  SscSwatch  swatch;
  double     rgba[4];
  char      *label;
} Entry;

static void
entry_clear (gpointer data)
{
  g_free (((Entry *)data)->label);
}

struct _SscLegend
{
  GArray *entries;                     /* Entry */
};

SscLegend *
ssc_legend_new (void)
{
  SscLegend *legend = g_new0 (SscLegend, 1);

  legend->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (legend->entries, entry_clear);
  return legend;
}

void
ssc_legend_free (SscLegend *legend)
{
  if (legend == NULL)
    return;
  g_array_unref (legend->entries);
  g_free (legend);
}

void
ssc_legend_add (SscLegend    *legend,
                SscSwatch     swatch,
                const double  rgba[4],
                const char   *label)
{
  Entry e = { swatch, { rgba[0], rgba[1], rgba[2], rgba[3] }, g_strdup (label) };

  g_array_append_val (legend->entries, e);
}

static void
draw_swatch (SscCtx      *c,
             const Entry *e,
             double       x,
             double       y)                   /* vertical centre */
{
  cairo_t *cr = c->cr;
  static const double dash[] = { 4, 3 };

  cairo_save (cr);
  cairo_new_path (cr);
  switch (e->swatch)
    {
    case SSC_SWATCH_AREA:
      cairo_rectangle (cr, x + 3, y - 6, 14, 12);
      ssc_set_source (cr, e->rgba, 1);
      cairo_fill (cr);
      break;
    case SSC_SWATCH_HATCH:
      cairo_rectangle (cr, x + 3, y - 6, 14, 12);
      ssc_set_source (cr, e->rgba, 0.3);
      cairo_fill (cr);
      ssc_draw_hatch (cr, (SscRect) { x + 3, y - 6, 14, 12 }, e->rgba);
      break;
    case SSC_SWATCH_LINE:
    case SSC_SWATCH_FAINT:
    case SSC_SWATCH_DASHED:
    case SSC_SWATCH_DOTTED_LINE:
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + SWATCH_W, y);
      cairo_set_line_width (cr, e->swatch == SSC_SWATCH_LINE ? 2.5
                                : e->swatch == SSC_SWATCH_DOTTED_LINE ? 2 : 1.5);
      if (e->swatch == SSC_SWATCH_DASHED)
        cairo_set_dash (cr, dash, 2, 0);
      ssc_set_source (cr, e->rgba, 1);
      cairo_stroke (cr);
      if (e->swatch == SSC_SWATCH_DOTTED_LINE)
        {
          cairo_arc (cr, x + SWATCH_W / 2, y, 3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      break;
    case SSC_SWATCH_PATH:
      cairo_move_to (cr, x + 2, y + 3);
      cairo_line_to (cr, x + SWATCH_W - 2, y - 3);
      cairo_set_line_width (cr, 1);
      ssc_set_source (cr, e->rgba, 0.8);
      cairo_stroke (cr);
      for (int k = 0; k < 3; k++)
        cairo_arc (cr, x + 2 + k * (SWATCH_W - 4) / 2, y + 3 - k * 3, 2.5, 0, 2 * G_PI),
        cairo_new_sub_path (cr);
      ssc_set_source (cr, e->rgba, 1);
      cairo_fill (cr);
      break;
    case SSC_SWATCH_CIRCLE:
      cairo_arc (cr, x + SWATCH_W / 2, y, 5, 0, 2 * G_PI);
      ssc_set_source (cr, c->d->bg, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2);
      ssc_set_source (cr, e->rgba, 1);
      cairo_stroke (cr);
      break;
    case SSC_SWATCH_DIAMOND:
      ssc_draw_diamond (cr, x + SWATCH_W / 2, y, 6);
      ssc_set_source (cr, e->rgba, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1);
      ssc_set_source (cr, c->d->bg, 1);
      cairo_stroke (cr);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

/* One entry under another at the right, from the plot's top. */
static void
place_right (SscCtx    *c,
             GArray    *entries,
             double     top_offset,
             double     max_w)
{
  double line_h = MAX (ssc_text_line_height (c->text, &ssc_font_label), 14) + 6;
  double label_w = MIN (max_w, c->width * 0.2);
  double legend_w = SWATCH_W + 8 + label_w;
  double x = c->area.x + c->area.w - legend_w;
  double y = c->area.y + top_offset;

  for (guint k = 0; k < entries->len; k++)
    {
      const Entry *e = &g_array_index (entries, Entry, k);
      double h;

      ssc_text_set (c->text, &ssc_font_label, e->label, label_w, SSC_FIT_WRAP2, SSC_ALIGN_START);
      ssc_text_get_size (c->text, NULL, &h);
      draw_swatch (c, e, x, y + line_h / 2 - 3);
      /* The first line's middle on the swatch's. */
      ssc_text_show (c->text, x + SWATCH_W + 8, y + line_h / 2 - 3, 0, 0.5 * (line_h - 6) / h,
                     c->d->fg, 0.9);
      y += MAX (h, line_h - 6) + 6;
    }
  c->area.w -= legend_w + 28;
}

/* Rows of entries at the bottom, in a smaller type when small, taking
 * at most 30 % of the height: what does not fit is counted in a last
 * "+N more" (the tooltips still name every series). */
static void
place_bottom (SscCtx    *c,
              GArray    *entries,
              gboolean   small)
{
  const SscFont *font = small ? &ssc_font_small : &ssc_font_label;
  double gap = small ? 12 : 18;
  double avail = c->area.w, x = 0, y, more_w, line_h;
  guint rows = 1, max_rows, shown = entries->len;
  g_autofree guint *row_of = g_new0 (guint, entries->len);
  g_autofree double *x_of = g_new0 (double, entries->len);
  g_autofree double *w_of = g_new0 (double, entries->len);
  g_autofree char *more = NULL;

  line_h = MAX (ssc_text_line_height (c->text, font), 14) + 4;
  for (guint k = 0; k < entries->len; k++)
    {
      w_of[k] = MIN (ssc_text_width (c->text, font, g_array_index (entries, Entry, k).label),
                     avail - SWATCH_W - 6);
      if (x > 0 && x + SWATCH_W + 6 + w_of[k] > avail)
        x = 0, rows++;
      row_of[k] = rows - 1;
      x_of[k] = x;
      x += SWATCH_W + 6 + w_of[k] + gap;
    }
  /* Clamped before the cast: a tiny chart has a negative area. */
  max_rows = (guint)MAX (1.0, floor (0.3 * c->area.h / line_h));
  if (rows > max_rows)
    {
      rows = max_rows;
      for (shown = 0; shown < entries->len && row_of[shown] < rows; shown++)
        ;
      for (;;)
        {
          g_free (more);
          /* Translators: the end of a legend cut short on a small chart */
          more = g_strdup_printf (_("+%u more"), entries->len - shown);
          more_w = ssc_text_width (c->text, font, more);
          if (shown == 0
              || x_of[shown - 1] + SWATCH_W + 6 + w_of[shown - 1] + gap + more_w <= avail)
            break;
          shown--;
        }
    }

  y = c->area.y + c->area.h - rows * line_h;
  for (guint k = 0; k < shown; k++)
    {
      const Entry *e = &g_array_index (entries, Entry, k);
      double ex = c->area.x + x_of[k], ey = y + row_of[k] * line_h + line_h / 2;

      draw_swatch (c, e, ex, ey);
      ssc_text_set (c->text, font, e->label, w_of[k] + 1, SSC_FIT_ELLIPSIZE, SSC_ALIGN_START);
      ssc_text_show (c->text, ex + SWATCH_W + 6, ey, 0, 0.5, c->d->fg, 0.9);
    }
  if (more != NULL)
    {
      double mx = shown > 0 ? x_of[shown - 1] + SWATCH_W + 6 + w_of[shown - 1] + gap : 0;

      ssc_text_draw (c->text, font, more, c->area.x + mx, y + (rows - 1) * line_h + line_h / 2,
                     0, 0.5, c->d->fg, 0.65);
    }
  c->area.h -= rows * line_h + 8;
}

/* At the right (from top_offset below the top of c->area, where the plot
 * starts) or at the bottom when the chart is narrow. */
void
ssc_legend_place (SscCtx    *c,
                  SscLegend *legend,
                  double     top_offset)
{
  GArray *entries = legend->entries;
  double max_w = 0;

  if (entries->len == 0)
    return;

  for (guint k = 0; k < entries->len; k++)
    max_w = MAX (max_w, ssc_text_width (c->text, &ssc_font_label,
                                        g_array_index (entries, Entry, k).label));

  if (c->width >= SSC_LEGEND_MIN_WIDTH)
    place_right (c, entries, top_offset, max_w);
  else
    place_bottom (c, entries, c->width < 480);
}

/* On the title's line at the right; at the bottom, in the small type,
 * when the title leaves no room. */
void
ssc_legend_place_top (SscCtx     *c,
                      SscLegend  *legend,
                      const char *title)
{
  GArray *entries = legend->entries;
  double total = 0, x, y = SSC_MARGIN - 2 + ssc_text_line_height (c->text, &ssc_font_title) / 2;
  double title_w;

  for (guint k = 0; k < entries->len; k++)
    {
      const Entry *e = &g_array_index (entries, Entry, k);

      total += SWATCH_W + 6 + ssc_text_width (c->text, &ssc_font_label, e->label) + 18;
    }
  total -= 18;
  title_w = ssc_text_width (c->text, &ssc_font_title, title);
  if (SSC_MARGIN + title_w + 32 + total > c->width - SSC_MARGIN)
    {
      if (entries->len > 0)
        place_bottom (c, entries, TRUE);
      return;
    }
  x = c->width - SSC_MARGIN - total;
  for (guint k = 0; k < entries->len; k++)
    {
      const Entry *e = &g_array_index (entries, Entry, k);

      draw_swatch (c, e, x, y);
      ssc_text_draw (c->text, &ssc_font_label, e->label, x + SWATCH_W + 6, y, 0, 0.5,
                     c->d->fg, 0.9);
      x += SWATCH_W + 6 + ssc_text_width (c->text, &ssc_font_label, e->label) + 18;
    }
}
