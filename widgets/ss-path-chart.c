/* ss-path-chart.c: the share path of an item as stacked bars, year by year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One bar a year, one segment a country in its colour, so a shift shows
 * as the colours moving while the slider moves. For the portfolio it shows
 * spend by origin. The data is copied in, so the widget never reads a
 * projection that has since been recomputed.
 */

#define G_LOG_DOMAIN "supplyshift-path-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-palette.h"
#include "ss-path-chart.h"

struct _SsPathChart
{
  GtkWidget  parent_instance;

  guint      n_countries;
  guint      n_years;
  int        base_year;
  double     share[SS_MAX_COUNTRIES][SS_MAX_HORIZON + 1];
};

G_DEFINE_FINAL_TYPE (SsPathChart, ss_path_chart, GTK_TYPE_WIDGET)

static void
ss_path_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SsPathChart *self = SS_PATH_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double left = 44, bottom = 22, top = 6, right = 6;
  double plot_w = width - left - right, plot_h = height - top - bottom;
  double slot, bar;
  GdkRGBA fg;
  cairo_t *cr;
  PangoLayout *layout;

  if (self->n_years == 0 || plot_w <= 0 || plot_h <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  layout = gtk_widget_create_pango_layout (widget, NULL);

  /* Grid lines and labels at 0, 25, 50, 75 and 100 %. */
  for (int k = 0; k <= 4; k++)
    {
      double y = top + plot_h * (1 - k / 4.0);
      g_autofree char *label = g_strdup_printf (_("%d %%"), k * 25);
      int lw, lh;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.15);
      cairo_move_to (cr, left, y + 0.5);
      cairo_line_to (cr, left + plot_w, y + 0.5);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      pango_layout_set_text (layout, label, -1);
      pango_layout_get_pixel_size (layout, &lw, &lh);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      cairo_move_to (cr, left - 6 - lw, y - lh / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  slot = plot_w / self->n_years;
  bar = slot * 0.7;
  for (guint t = 0; t < self->n_years; t++)
    {
      double x = left + t * slot + (slot - bar) / 2, y = top + plot_h;

      for (guint c = 0; c < self->n_countries; c++)
        {
          double h = self->share[c][t] * plot_h;
          GdkRGBA color;

          if (h <= 0)
            continue;
          ss_palette_country_color (c, &color);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_rectangle (cr, x, y - h, bar, h);
          cairo_fill (cr);
          y -= h;
        }

      /* Every year's label where there is room, else every other. */
      if (slot >= 40 || t % 2 == 0 || t + 1 == self->n_years)
        {
          g_autofree char *year = g_strdup_printf ("%d", self->base_year + (int)t);
          int lw, lh;

          pango_layout_set_text (layout, year, -1);
          pango_layout_get_pixel_size (layout, &lw, &lh);
          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
          cairo_move_to (cr, x + bar / 2 - lw / 2.0, top + plot_h + 4);
          pango_cairo_show_layout (cr, layout);
        }
    }

  g_object_unref (layout);
  cairo_destroy (cr);
}

static void
ss_path_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 180;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 220;
}

static void
ss_path_chart_class_init (SsPathChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = ss_path_chart_snapshot;
  widget_class->measure = ss_path_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "pathchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ss_path_chart_init (SsPathChart *self)
{
}

GtkWidget *
ss_path_chart_new (void)
{
  return g_object_new (SS_TYPE_PATH_CHART, NULL);
}

/* The item's shares, or for the portfolio (item < 0) its spend by origin. */
void
ss_path_chart_set_projection (SsPathChart        *self,
                              SsStudy            *study,
                              const SsProjection *p,
                              int                 item)
{
  guint ny = p->n_years, nc = p->n_countries;
  g_autofree char *description = NULL;
  int cn = ss_study_find_country (study, "CN");
  const double *first, *last;

  self->n_countries = nc;
  self->n_years = ny;
  self->base_year = ss_study_get_meta (study)->base_year;
  for (guint c = 0; c < nc; c++)
    {
      const double *row = item >= 0 ? &p->share[((gsize)item * nc + c) * ny] : &p->spend_share[c * ny];

      memcpy (self->share[c], row, ny * sizeof (double));
    }

  if (cn < 0)
    cn = 0;
  first = &self->share[cn][0];
  last = &self->share[cn][ny - 1];
  description = g_strdup_printf (item >= 0 ? _("%s’s share moves from %.0f %% in %d to %.0f %% in %d")
                                           : _("%s’s share of spending moves from %.0f %% in %d to %.0f %% in %d"),
                                 ss_study_get_country (study, cn)->name, 100 * *first, self->base_year,
                                 100 * *last, self->base_year + (int)ny - 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, item >= 0 ? _("Share path") : _("Spend by origin"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
