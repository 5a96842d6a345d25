/* ssc-heatmap.c: items × countries in one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each item's share from each country in the chosen year as a cell on a
 * sequential scale, with the item's alert level as a badge in words. When
 * not every item fits, the largest by cost that year are shown.
 */

#define G_LOG_DOMAIN "supplyshift-chart-heatmap"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-alerts.h"
#include "ssc-axis.h"
#include "ssc-draw.h"
#include "ssc-frame.h"
#include "ssc-hit.h"
#include "ssc-palette.h"
#include "ssc-tooltip.h"

#define HEAT_MIN_ROW 16.0
#define HEAT_MAX_ROW 30.0

/* A sequential blue scale (ColorBrewer "Blues" in the light style; in the
 * dark style it runs from the background to a pale blue, so high shares
 * stand out in both). */
static void
heat_color (const SscCtx *c,
            double        v,
            double        out[4])
{
  static const guint32 light[] = { 0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6,
                                   0x4292c6, 0x2171b5, 0x08519c, 0x08306b };
  static const guint32 dark[] = { 0x29323d, 0x1f3b5b, 0x20507e, 0x25679f, 0x2f7fbf,
                                  0x4d9ad6, 0x78b5e6, 0xa8d0f2, 0xd6e9fb };
  const guint32 *stops = c->d->dark ? dark : light;
  double a[4], b[4], f;
  guint k;

  v = CLAMP (v, 0, 1) * (G_N_ELEMENTS (light) - 1);
  k = MIN ((guint)floor (v), G_N_ELEMENTS (light) - 2);
  f = v - k;
  ssc_rgba_from_hex (a, stops[k], 1);
  ssc_rgba_from_hex (b, stops[k + 1], 1);
  for (guint j = 0; j < 3; j++)
    out[j] = a[j] + (b[j] - a[j]) * f;
  out[3] = 1;
}

typedef struct
{
  const SsProjection *p;
  guint               year;
} CostOrder;

static int
compare_by_cost (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const CostOrder *order = user_data;
  const SsProjection *p = order->p;
  double x = p->cost[(gsize)*(const int *)a * p->n_years + order->year];
  double y = p->cost[(gsize)*(const int *)b * p->n_years + order->year];

  return (x < y) - (x > y);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* The items to show: all of them when they fit at HEAT_MIN_ROW, else the
 * largest by cost that year, still in study order. */
static GArray *
heat_rows (SscCtx *c,
           guint   year,
           double  height)
{
  guint n = ss_study_get_n_items (c->study);
  guint fit = (guint)MAX (1, floor (height / HEAT_MIN_ROW));
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (int), n);

  for (guint k = 0; k < n; k++)
    {
      int i = k;

      g_array_append_val (rows, i);
    }
  if (n > fit)
    {
      CostOrder order = { c->proj, year };

      g_array_sort_with_data (rows, compare_by_cost, &order);
      g_array_set_size (rows, fit);
      g_array_sort (rows, compare_ints);
    }
  return rows;
}

/* Column heads: the country's colour as a strip, then its name on up to
 * two lines, or every column's code when a name does not fit. */
static void
draw_heads (SscCtx *c,
            double  grid_x,
            double  grid_y,
            double  cell_w)
{
  cairo_t *cr = c->cr;
  gboolean codes = FALSE;

  for (guint k = 0; k < c->nc && !codes; k++)
    {
      ssc_text_set (c->text, &ssc_font_tick, ss_study_get_country (c->study, k)->name,
                    cell_w - 8, SSC_FIT_WRAP2, SSC_ALIGN_START);
      codes = ssc_text_is_ellipsized (c->text);
    }
  for (guint k = 0; k < c->nc; k++)
    {
      double rgba[4], x = grid_x + k * cell_w;
      const SsCountry *country = ss_study_get_country (c->study, k);

      ssc_country_rgba (k, c->d->dark, rgba);
      cairo_rectangle (cr, round (x + 2), c->area.y, round (cell_w - 4), 4);
      ssc_set_source (cr, rgba, 1);
      cairo_fill (cr);
      /* Too narrow even for codes: the colour strip alone, and the tooltip. */
      if (codes && ssc_text_width (c->text, &ssc_font_tick, country->code) > cell_w - 2)
        continue;
      if (codes)
        ssc_text_set (c->text, &ssc_font_tick, country->code, -1, SSC_FIT_LINE,
                      SSC_ALIGN_CENTER);
      else
        ssc_text_set (c->text, &ssc_font_tick, country->name, cell_w - 4, SSC_FIT_WRAP2,
                      SSC_ALIGN_CENTER);
      ssc_text_show (c->text, x + cell_w / 2, grid_y - 6, 0.5, 1, c->d->fg, 0.85);
    }
}

/* One item's row: its name, its cells and its alert badge. */
static void
draw_row (SscCtx *c,
          int     i,
          guint   year,
          double  y,
          double  grid_x,
          double  cell_w,
          double  row_h,
          double  label_w,
          double  badge_w)
{
  cairo_t *cr = c->cr;
  guint nc = c->nc;
  double small_h = ssc_text_line_height (c->text, &ssc_font_small);
  double badge_h = MIN (row_h - 4, small_h + 4);
  SsAlertLevel level = c->proj->alert[(gsize)i * c->ny + year];
  SscRect badge = { grid_x + nc * cell_w + 12, y + (row_h - badge_h) / 2, badge_w, badge_h };

  ssc_text_set (c->text, &ssc_font_label, ss_study_get_item (c->study, i)->name, label_w - 12,
                SSC_FIT_ELLIPSIZE, SSC_ALIGN_START);
  ssc_text_show (c->text, grid_x - 12, y + row_h / 2, 1, 0.5, c->d->fg, 0.9);

  for (guint k = 0; k < nc; k++)
    {
      double v = ssc_mix_row (c->proj, i, k)[year], rgba[4];
      SscRect cell = { grid_x + k * cell_w + 0.5, y + 0.5, cell_w - 1, row_h - 1 };

      heat_color (c, v, rgba);
      cairo_rectangle (cr, cell.x, cell.y, cell.w, cell.h);
      ssc_set_source (cr, rgba, 1);
      cairo_fill (cr);
      if (v >= 0.005 && row_h >= small_h)
        {
          g_autofree char *label = ssc_format_share (v);
          gboolean light_cell = ssc_luminance (rgba) > 0.36;
          double ink[4], w;

          ssc_rgba_from_hex (ink, light_cell ? 0x000000 : 0xffffff, light_cell ? 0.8 : 1);
          w = ssc_text_width (c->text, &ssc_font_small, label);
          if (w <= cell.w - 4)
            ssc_text_draw (c->text, &ssc_font_small, label, cell.x + cell.w / 2,
                           cell.y + cell.h / 2, 0.5, 0.5, ink, 1);
        }
    }

  if (level != SS_ALERT_NONE)
    {
      double rgba[4], ink[4];

      ssc_palette_alert_rgb (level, c->d->dark, rgba);
      rgba[3] = 1;
      ssc_draw_pill (cr, badge);
      ssc_set_source (cr, rgba, 1);
      cairo_fill (cr);
      ssc_rgba_from_hex (ink, c->d->dark ? 0x000000 : 0xffffff, c->d->dark ? 0.85 : 1);
      ssc_text_draw (c->text, &ssc_font_badge, ss_alert_level_get_label (level), badge.x + badge.w / 2,
                     badge.y + badge.h / 2, 0.5, 0.5, ink, 1);
    }
  else
    ssc_text_draw (c->text, &ssc_font_badge, ss_alert_level_get_label (level), badge.x + badge.w / 2,
                   badge.y + badge.h / 2, 0.5, 0.5, c->d->fg, 0.55);
}

/* The colour scale, under the grid at y. */
static void
draw_scale (SscCtx *c,
            double  x,
            double  y,
            double  len)
{
  cairo_t *cr = c->cr;
  int n_stops = len >= 200 ? 5 : 3;
  cairo_pattern_t *ramp = cairo_pattern_create_linear (x, 0, x + len, 0);

  /* Translators: the colour scale's title on the heatmap */
  ssc_text_draw (c->text, &ssc_font_label, _("Share of the item’s supply"), x, y - 4, 0, 1,
                 c->d->fg, 0.9);

  /* The scale is piecewise linear between its stops, as is the gradient. */
  for (guint k = 0; k <= 8; k++)
    {
      double rgba[4];

      heat_color (c, k / 8.0, rgba);
      cairo_pattern_add_color_stop_rgb (ramp, k / 8.0, rgba[0], rgba[1], rgba[2]);
    }
  cairo_rectangle (cr, x, y, len, 10);
  cairo_set_source (cr, ramp);
  cairo_fill (cr);
  cairo_pattern_destroy (ramp);

  for (int k = 0; k < n_stops; k++)
    {
      double v = k / (double)(n_stops - 1);
      g_autofree char *label = ssc_format_percent (v, 0);

      ssc_text_draw (c->text, &ssc_font_tick, label, x + len * v, y + 14,
                     k == 0 ? 0 : k == n_stops - 1 ? 1 : 0.5, 0, c->d->fg, 0.72);
    }
}

static void
heatmap_draw (SscCtx *c)
{
  guint year = ssc_ctx_year (c), nc = c->nc;
  guint n_items = ss_study_get_n_items (c->study);
  double label_w = 0, badge_w = 0, head_h, cell_w, row_h, ramp_h;
  double tick_h = ssc_text_line_height (c->text, &ssc_font_tick);
  double label_h = ssc_text_line_height (c->text, &ssc_font_label);
  double grid_x, grid_y, avail_h;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *scenario = ssc_text_isolate (ssc_scenario_name (c->study, c->scenario));
  g_autoptr(GString) subtitle = g_string_new (scenario);

  if (n_items == 0)
    {
      ssc_frame_header (c, ssc_ctx_title (c), subtitle->str);
      ssc_frame_message (c, c->area, _("The study has no items"));
      return;
    }

  /* The colour scale goes under the grid, which leaves the width to the
   * cells; the alert badges say in words what the colours say. */
  ramp_h = 18 + label_h + 4 + 10 + 4 + tick_h;
  head_h = 4 + 4 + 2 * tick_h + 6;
  avail_h = c->height - (SSC_MARGIN - 2 + ssc_frame_header_height (c)) - SSC_MARGIN - c->footer_h
            - ramp_h - head_h;
  rows = heat_rows (c, year, avail_h);

  g_string_append_printf (subtitle, " · %d", c->meta->base_year + (int)year);
  if (rows->len < n_items)
    /* Translators: the heatmap's subtitle when not every item fits; %u are numbers of items */
    g_string_append_printf (subtitle, _(" · the %u largest of %u items by cost"),
                            rows->len, n_items);
  ssc_frame_header (c, ssc_ctx_title (c), subtitle->str);

  for (guint r = 0; r < rows->len; r++)
    {
      const SsItem *item = ss_study_get_item (c->study, g_array_index (rows, int, r));

      label_w = MAX (label_w, ssc_text_width (c->text, &ssc_font_label, item->name));
    }
  label_w = MIN (label_w, c->area.w * 0.26) + 12;
  for (SsAlertLevel l = SS_ALERT_NONE; l <= SS_ALERT_CRITICAL; l++)
    badge_w = MAX (badge_w, ssc_text_width (c->text, &ssc_font_badge, ss_alert_level_get_label (l)));
  badge_w += 16;

  grid_x = c->area.x + label_w;
  grid_y = c->area.y + head_h;
  cell_w = (c->area.w - label_w - 12 - badge_w) / nc;
  row_h = CLAMP (avail_h / rows->len, HEAT_MIN_ROW, HEAT_MAX_ROW);
  if (cell_w < 12 || row_h * rows->len < 8)
    {
      ssc_frame_too_small (c);
      return;
    }

  if (c->hit != NULL)
    {
      SscRect grid = { grid_x, grid_y, cell_w * nc, row_h * rows->len };

      ssc_hit_set_panels (c, 1, &grid, FALSE);
      c->hit->grid = grid;
      c->hit->labels = (SscRect) { c->area.x, grid_y, c->area.w, row_h * rows->len };
      c->hit->n_cols = nc;
      c->hit->row_h = row_h;
      c->hit->year = year;
      ssc_hit_set_rows (c, (const int *)rows->data, rows->len);
    }

  draw_heads (c, grid_x, grid_y, cell_w);
  /* Translators: the heading of the heatmap's alert column */
  ssc_text_draw (c->text, &ssc_font_tick, _("Alert"), grid_x + nc * cell_w + 12 + badge_w / 2,
                 grid_y - 6, 0.5, 1, c->d->fg, 0.85);

  for (guint r = 0; r < rows->len; r++)
    draw_row (c, g_array_index (rows, int, r), year, grid_y + r * row_h, grid_x, cell_w, row_h,
              label_w, badge_w);

  draw_scale (c, grid_x, grid_y + row_h * rows->len + 18 + label_h + 4, MIN (cell_w * nc, 240));
}

/* Every item, not only those the drawing has room for: its shares in the
 * year and its alert level. */
static SsTable *
heatmap_table (SscCtx *c)
{
  SsTable *table = ss_table_new ();
  guint year = ssc_ctx_year (c);
  guint n_items = ss_study_get_n_items (c->study);

  ssc_ctx_add_year_column (c, table);
  /* Translators: columns of the heatmap's data */
  ss_table_add_column (table, _("Item"), NULL, SS_TABLE_TEXT);
  ss_table_add_column (table, _("Code"), NULL, SS_TABLE_TEXT);
  ss_table_add_column (table, _("Alert"), NULL, SS_TABLE_TEXT);
  for (guint k = 0; k < c->nc; k++)
    ss_table_add_column (table, ss_study_get_country (c->study, k)->name, "%", 1);
  for (guint i = 0; i < n_items; i++)
    {
      const SsItem *item = ss_study_get_item (c->study, i);
      guint r = ss_table_add_row (table);

      ss_table_set_number (table, r, 0, c->meta->base_year + (int)year);
      ss_table_set_text (table, r, 1, item->name);
      ss_table_set_text (table, r, 2, item->code);
      ss_table_set_text (table, r, 3,
                         ss_alert_level_get_label (c->proj->alert[(gsize)i * c->ny + year]));
      for (guint k = 0; k < c->nc; k++)
        ss_table_set_number (table, r, 4 + k, 100 * ssc_mix_row (c->proj, i, k)[year]);
    }
  return table;
}

static char *
heatmap_describe (SscCtx *c)
{
  guint year = ssc_ctx_year (c), n_items = ss_study_get_n_items (c->study), alerts = 0;
  double best = -1;
  int best_item = -1, best_country = -1;
  g_autofree char *share = NULL, *under = NULL, *item = NULL, *country = NULL;

  if (n_items == 0)
    return g_strdup (_("The study has no items."));
  for (guint i = 0; i < n_items; i++)
    {
      gsize at = (gsize)i * c->ny + year;
      int top = c->proj->top_country[at];

      alerts += c->proj->alert[at] != SS_ALERT_NONE;
      if (top >= 0 && ssc_mix_row (c->proj, i, top)[year] > best)
        best = ssc_mix_row (c->proj, i, top)[year], best_item = i, best_country = top;
    }
  if (best_item < 0)
    return g_strdup ("");
  share = ssc_format_share (best);
  under = ssc_ctx_under_scenario (c);
  item = ssc_text_isolate (ss_study_get_item (c->study, best_item)->name);
  country = ssc_text_isolate (ss_study_get_country (c->study, best_country)->name);
  /* Translators: accessible summary of the heatmap: "Under China plus one" or
   * "In the baseline", year, items at an alert level, all items, share,
   * item, country */
  return g_strdup_printf (ngettext ("%1$s, in %2$d %3$u of %4$u items is at an alert level; "
                                    "the largest share from one foreign country is %5$s of "
                                    "%6$s from %7$s.",
                                    "%1$s, in %2$d %3$u of %4$u items are at an alert level; "
                                    "the largest share from one foreign country is %5$s of "
                                    "%6$s from %7$s.", alerts),
                          under, c->meta->base_year + (int)year, alerts, n_items, share,
                          item, country);
}

/* The row under the pointer, and the cell's outline. */
static void
heatmap_hover (SscCtx            *c,
               const SscChartHit *hit,
               double             x,
               double             y)
{
  int row = ssc_hit_row (hit, hit->labels, x, y);
  guint col;

  if (row < 0)
    return;
  ssc_hit_mark_row (c, hit, hit->labels, row, 0.06);
  if (!ssc_rect_contains (hit->grid, x, y))
    return;
  col = (guint)floor ((x - hit->grid.x) / (hit->grid.w / hit->n_cols));
  cairo_rectangle (c->cr, hit->grid.x + col * hit->grid.w / hit->n_cols + 1,
                   hit->grid.y + row * hit->row_h + 1,
                   hit->grid.w / hit->n_cols - 2, hit->row_h - 2);
  cairo_set_line_width (c->cr, 2);
  ssc_set_source (c->cr, c->d->fg, 1);
  cairo_stroke (c->cr);
}

/* Over a cell, its share; over a name or badge, the item's alert and its
 * largest foreign share. */
static gboolean
heatmap_query (SscCtx            *c,
               const SscChartHit *hit,
               double             x,
               double             y,
               GString           *s)
{
  const SsProjection *p = c->proj;
  gboolean with_base = c->scenario != SS_BASELINE;
  int row = ssc_hit_row (hit, hit->labels, x, y);
  int item, when;
  const SsItem *it;
  gsize at;
  g_autofree char *head = NULL, *item_name = NULL;

  if (row < 0)
    return FALSE;
  item = g_array_index (hit->rows, int, row);
  it = ss_study_get_item (c->study, item);
  item_name = ssc_text_isolate (it->name);
  when = hit->base_year + (int)hit->year;
  at = (gsize)item * p->n_years + hit->year;

  if (ssc_rect_contains (hit->grid, x, y))
    {
      double cell_w = hit->grid.w / hit->n_cols;
      guint col = MIN ((guint)floor ((x - hit->grid.x) / cell_w), hit->n_cols - 1);
      double share = ssc_mix_row (p, item, col)[hit->year];
      double base_share = ssc_mix_row (c->base, item, col)[hit->year];
      g_autofree char *country = ssc_text_isolate (ss_study_get_country (c->study, col)->name);

      /* Translators: tooltip heading on the heatmap, "Lithium hydroxide from China, 2034" */
      head = g_markup_printf_escaped (_("<b>%s</b> from <b>%s</b>, %d"), item_name, country,
                                      when);
      g_string_append (s, head);
      ssc_tooltip_add_pair (s, _("Share"), ssc_format_share (share),
                            with_base ? ssc_format_share (base_share) : NULL);
    }
  else
    {
      int top = p->top_country[at];

      head = g_markup_printf_escaped ("<b>%s</b> (%s), %d", item_name, it->code, when);
      g_string_append (s, head);
      ssc_tooltip_add_pair (s, _("Alert"), g_strdup (ss_alert_level_get_label (p->alert[at])), NULL);
      if (top >= 0)
        {
          g_autofree char *country = ssc_text_isolate (ss_study_get_country (c->study, top)->name);
          g_autofree char *share = ssc_format_share (ssc_mix_row (p, item, top)[hit->year]);

          ssc_tooltip_add_pair (s, _("Largest foreign share"),
                                g_strdup_printf ("%s, %s", country, share), NULL);
        }
    }
  return TRUE;
}

const SscChartClass ssc_heatmap_chart = {
  .name = "heatmap",
  .label = NC_("chart", "Heatmap"),
  .title = N_("Shares by item and origin"),
  .projections = SSC_PROJECTIONS_SELECTED,
  .flags = SSC_CHART_USES_YEAR,
  .draw = heatmap_draw,
  .describe = heatmap_describe,
  .table = heatmap_table,
  .hover = heatmap_hover,
  .query = heatmap_query,
};
