/* ssc-chart.c: the registry of charts and the entry points that call them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chart is one routine that draws on any cairo context, so the
 * window (through SsChart's snapshot), the PNG, the SVG and the PDF all
 * show the same picture, as gnome-power-manager's egg-graph-widget does.
 * Nothing here may touch GTK: `supplyshift --export` runs it before GTK is
 * initialised, with no display.
 *
 * The look follows published policy reports: a bold title at the top
 * left with a subtitle under it (scenario · item · years), the unit of
 * each axis written above it rather than rotated, light gridlines at
 * round numbers, y axes of bars and areas from 0, the legend at the right
 * (or at the bottom when the chart is narrow), and a country always in its
 * palette colour. Series that are not countries (the scenario, the
 * baseline, parts of the premium) use the accent colour and greys, so they
 * are never mistaken for a country.
 *
 * This file resolves what a chart shows (SscCtx) once for all charts and
 * hands it to the chart's class (ssc-NAME.c, listed in ssc-registry.h).
 */

#define G_LOG_DOMAIN "supplyshift-chart"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ssc-chart-private.h"
#include "ssc-draw.h"
#include "ssc-format.h"
#include "ssc-frame.h"
#include "ssc-hit.h"
#include "ssc-palette.h"

static const SscChartClass * const registry[SSC_N_CHARTS] = {
#define SSC_CHART(KIND, name) [SSC_CHART_##KIND] = &ssc_##name##_chart,
#include "ssc-registry.h"
#undef SSC_CHART
};

static const SscChartClass *
class_of (SscChartKind kind)
{
  return registry[kind];
}

/* ------------------------------------------------------------------ */
/* What each chart is                                                  */
/* ------------------------------------------------------------------ */

const char *
ssc_chart_kind_to_string (SscChartKind kind)
{
  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);

  return class_of (kind)->name;
}

gboolean
ssc_chart_kind_from_string (const char   *name,
                            SscChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint k = 0; name != NULL && k < SSC_N_CHARTS; k++)
    if (g_str_equal (name, class_of (k)->name))
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

/* The chart's short name, for a button that picks it. */
const char *
ssc_chart_kind_get_label (SscChartKind kind)
{
  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "chart", class_of (kind)->label);
}

SscProjections
ssc_chart_kind_projections (SscChartKind kind)
{
  g_return_val_if_fail (kind < SSC_N_CHARTS, SSC_PROJECTIONS_SELECTED);

  return class_of (kind)->projections;
}

gboolean
ssc_chart_kind_needs_all_scenarios (SscChartKind kind)
{
  return ssc_chart_kind_projections (kind) == SSC_PROJECTIONS_ALL_SCENARIOS;
}

static gboolean
kind_has_flag (SscChartKind  kind,
               SscChartFlags flag)
{
  g_return_val_if_fail (kind < SSC_N_CHARTS, FALSE);

  return (class_of (kind)->flags & flag) != 0;
}

/* One item's chart: given the whole portfolio, it shows the first item. */
gboolean
ssc_chart_kind_needs_item (SscChartKind kind)
{
  return kind_has_flag (kind, SSC_CHART_NEEDS_ITEM);
}

/* The chart shows one year, SscChartData.year. */
gboolean
ssc_chart_kind_uses_year (SscChartKind kind)
{
  return kind_has_flag (kind, SSC_CHART_USES_YEAR);
}

/* The chart reads the stress grid (SscChartData.cells). */
gboolean
ssc_chart_kind_needs_grid (SscChartKind kind)
{
  return kind_has_flag (kind, SSC_CHART_NEEDS_GRID);
}

/* The chart reads the tornado (SscChartData.sensitivity). */
gboolean
ssc_chart_kind_needs_sensitivity (SscChartKind kind)
{
  return kind_has_flag (kind, SSC_CHART_NEEDS_SENSITIVITY);
}

/* ------------------------------------------------------------------ */
/* The data                                                            */
/* ------------------------------------------------------------------ */

/* libadwaita 1.2's view colours and accent, so an export looks like the
 * window in the same style. */
void
ssc_chart_data_set_style (SscChartData *data,
                          gboolean      dark)
{
  g_return_if_fail (data != NULL);

  data->dark = dark;
  if (dark)
    {
      ssc_rgba_from_hex (data->fg, 0xffffff, 1);
      ssc_rgba_from_hex (data->bg, 0x1e1e1e, 1);
      ssc_rgba_from_hex (data->accent, 0x78aeed, 1);
    }
  else
    {
      ssc_rgba_from_hex (data->fg, 0x000000, 0.8);
      ssc_rgba_from_hex (data->bg, 0xffffff, 1);
      ssc_rgba_from_hex (data->accent, 0x1c71d8, 1);
    }
}

/* The light style, the first scenario (else the baseline), the whole
 * portfolio and the final year. */
void
ssc_chart_data_init (SscChartData  *data,
                     const SsStudy *study,
                     GPtrArray     *projections)
{
  g_return_if_fail (data != NULL);

  memset (data, 0, sizeof *data);
  data->study = study;
  data->projections = projections;
  data->scenario = study != NULL && ss_study_get_n_scenarios (study) > 0 ? 0 : SS_BASELINE;
  data->item = -1;
  data->year = -1;
  data->fill_background = TRUE;
  ssc_chart_data_set_style (data, FALSE);
}

/* Resolves the scenario, item and projections; FALSE when the chart has
 * nothing consistent to show. */
static gboolean
ctx_bind (SscCtx *c)
{
  const SscChartData *d = c->d;
  gboolean needs_item = (c->klass->flags & SSC_CHART_NEEDS_ITEM) != 0;

  if (d->study == NULL)
    return FALSE;
  c->study = d->study;
  c->meta = ss_study_get_meta (d->study);
  c->nc = ss_study_get_n_countries (d->study);
  c->scenario = ssc_data_scenario_valid (d, d->scenario) ? d->scenario : SS_BASELINE;
  c->item = d->item >= 0 && (guint)d->item < ss_study_get_n_items (d->study) ? d->item : -1;
  if (needs_item && c->item < 0 && ss_study_get_n_items (d->study) > 0)
    c->item = 0;
  c->base = ssc_data_get_projection (d, SS_BASELINE);
  c->proj = ssc_data_get_projection (d, c->scenario);
  if (c->base == NULL || c->proj == NULL || c->nc == 0)
    return FALSE;
  c->ny = c->proj->n_years;
  if (needs_item && c->item < 0)
    return FALSE;
  if ((c->klass->flags & SSC_CHART_NEEDS_GRID) && !ssc_data_grid_valid (d))
    return FALSE;
  if ((c->klass->flags & SSC_CHART_NEEDS_SENSITIVITY) && !ssc_data_sensitivity_valid (d))
    return FALSE;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Helpers for the chart files                                         */
/* ------------------------------------------------------------------ */

/* The year index a chart of one year shows: SscChartData.year, or the
 * final year when it is -1 or past the projection. */
guint
ssc_ctx_year (const SscCtx *c)
{
  return c->d->year >= 0 && (guint)c->d->year < c->ny ? (guint)c->d->year : c->ny - 1;
}

const char *
ssc_ctx_title (const SscCtx *c)
{
  const char *title = c->klass->title;

  if (c->item >= 0 && c->klass->item_title != NULL)
    title = c->klass->item_title;
  return _(title);
}

/* The chart's item's series (or the portfolio's) in projection p. */
double
ssc_ctx_series (const SscCtx       *c,
                const SsProjection *p,
                SscSeries           series,
                guint               t)
{
  return ssc_series_at (c->study, p, c->item, series, t);
}

char *
ssc_ctx_money_unit (const SscCtx *c)
{
  return ssc_format_money_unit (c->meta->currency);
}

/* "Under China plus one" or "In the baseline", to open a summary. */
char *
ssc_ctx_under_scenario (const SscCtx *c)
{
  g_autofree char *name = NULL;

  if (c->scenario == SS_BASELINE)
    /* Translators: opens an accessible summary of a chart */
    return g_strdup (_("In the baseline"));
  name = ssc_text_isolate (ssc_scenario_name (c->study, c->scenario));
  /* Translators: opens an accessible summary of a chart; %s is a scenario name */
  return g_strdup_printf (_("Under %s"), name);
}

/* What a summary is about: the item, or the portfolio. */
char *
ssc_ctx_subject (const SscCtx *c)
{
  if (c->item >= 0)
    return ssc_text_isolate (ss_study_get_item (c->study, c->item)->name);
  /* Translators: what a summary is about when no item is chosen */
  return g_strdup (_("the portfolio"));
}

/* A table over the years: its first column, then (once every column is
 * added) one row a year, the year in that column. */
guint
ssc_ctx_add_year_column (const SscCtx *c,
                         SsTable      *table)
{
  /* Translators: a column of a chart's data */
  return ss_table_add_column (table, _("Year"), NULL, 0);
}

void
ssc_ctx_add_year_rows (const SscCtx *c,
                       SsTable      *table)
{
  for (guint t = 0; t < c->ny; t++)
    ss_table_set_number (table, ss_table_add_row (table), 0, c->meta->base_year + (int)t);
}

/* A column of one scenario's series in a chart that draws it against the
 * baseline: "HHI, Vietnam plus" or "HHI, Baseline". */
char *
ssc_ctx_series_title (const SscCtx *c,
                      const char   *figure,
                      int           scenario)
{
  /* Translators: a column of a chart's data: a figure, then the scenario it is of */
  return g_strdup_printf (_("%1$s, %2$s"), figure, ssc_scenario_name (c->study, scenario));
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

char *
ssc_chart_title (SscChartKind        kind,
                 const SscChartData *data)
{
  SscCtx c = { 0 };

  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  c.klass = class_of (kind);
  c.item = data->study != NULL && data->item >= 0
           && (guint)data->item < ss_study_get_n_items (data->study) ? data->item : -1;
  return g_strdup (ssc_ctx_title (&c));
}

/* The footer: one line at the bottom, which the chart's area gives up. */
static void
draw_footer (SscCtx     *c,
             const char *footer)
{
  double line_h = ssc_text_line_height (c->text, &ssc_font_small);
  g_autofree char *one_line = g_strdup (footer);

  g_strdelimit (one_line, "\n\r\t", ' ');
  ssc_text_set (c->text, &ssc_font_small, one_line, c->area.w, SSC_FIT_ELLIPSIZE, SSC_ALIGN_START);
  ssc_text_show (c->text, c->area.x, c->area.y + c->area.h, 0, 1, c->d->fg, 0.7);
  c->footer_h = line_h + 8;
  c->area.h -= c->footer_h;
}

void
ssc_chart_render (SscChartKind        kind,
                  const SscChartData *data,
                  cairo_t            *cr,
                  double              width,
                  double              height,
                  SscChartHit        *hit)
{
  SscCtx c = { 0 };

  g_return_if_fail (kind < SSC_N_CHARTS);
  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  if (hit != NULL)
    ssc_hit_reset (hit, kind);
  if (width < 1 || height < 1)
    return;

  ssc_draw_clip (cr, (SscRect) { 0, 0, width, height });
  if (data->fill_background)
    {
      ssc_set_source (cr, data->bg, 1);
      cairo_paint (cr);
    }

  c.klass = class_of (kind);
  c.d = data;
  c.cr = cr;
  c.text = ssc_text_new (cr);
  c.width = width;
  c.height = height;
  c.hit = hit;
  c.area = (SscRect) { SSC_MARGIN, SSC_MARGIN, width - 2 * SSC_MARGIN, height - 2 * SSC_MARGIN };
  if (data->footer != NULL && *data->footer != '\0')
    draw_footer (&c, data->footer);
  if (!ctx_bind (&c))
    {
      gboolean no_item = (c.klass->flags & SSC_CHART_NEEDS_ITEM) && c.proj != NULL;

      c.item = -1;
      ssc_frame_header (&c, ssc_ctx_title (&c), "");
      ssc_frame_message (&c, c.area, no_item ? _(c.klass->no_item) : _("Nothing to show yet"));
    }
  else
    {
      if (hit != NULL)
        {
          hit->n_years = c.ny;
          hit->base_year = c.meta->base_year;
          hit->item = c.item;
          hit->scenario = c.scenario;
        }
      c.klass->draw (&c);
    }
  ssc_text_free (c.text);
  ssc_draw_unclip (cr);
}

/**
 * ssc_chart_footer_text:
 * @study: the study the chart shows
 * @date: (nullable): the day of the export; %NULL for today, or the day
 *   of `SOURCE_DATE_EPOCH` when it is set, so a build can repeat a file
 *
 * Returns: the line an export may carry under the chart: the study's
 *   title, the date (ISO 8601, which reads the same in every language)
 *   and the study's source where it gives one
 */
char *
ssc_chart_footer_text (const SsStudy *study,
                       GDateTime     *date)
{
  const SsMeta *meta = ss_study_get_meta (study);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *source = NULL;
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (date == NULL)
    {
      if (epoch != NULL && g_ascii_string_to_signed (epoch, 10, 0, G_MAXINT64 / 2, NULL, NULL))
        now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
      else
        now = g_date_time_new_now_local ();
      date = now;
    }
  day = g_date_time_format (date, "%Y-%m-%d");
  title = ssc_text_isolate (meta->title != NULL ? meta->title : "");
  if (meta->source == NULL || *meta->source == '\0')
    /* Translators: an export's footer: the study's title, then the date */
    return g_strdup_printf (_("%s · %s"), title, day);
  source = ssc_text_isolate (meta->source);
  /* Translators: an export's footer: the study's title, the date, then
   * where the study's figures come from */
  return g_strdup_printf (_("%s · %s · Source: %s"), title, day, source);
}

char *
ssc_chart_describe (SscChartKind        kind,
                    const SscChartData *data)
{
  SscCtx c = { 0 };

  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  /* Only the data part is used: no drawing, so no cairo context. */
  c.klass = class_of (kind);
  c.d = data;
  if (!ctx_bind (&c))
    return g_strdup (_("No data to show yet."));
  return c.klass->describe (&c);
}

/* The data the chart draws for `data`, as a table; NULL when it draws
 * nothing ("Nothing to show yet"). */
SsTable *
ssc_chart_table (SscChartKind        kind,
                 const SscChartData *data)
{
  SscCtx c = { 0 };

  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  c.klass = class_of (kind);
  c.d = data;
  if (!ctx_bind (&c))
    return NULL;
  return c.klass->table (&c);
}

void
ssc_chart_render_hover (const SscChartHit  *hit,
                        const SscChartData *data,
                        cairo_t            *cr,
                        double              x,
                        double              y)
{
  SscCtx c = { 0 };

  g_return_if_fail (hit != NULL);
  g_return_if_fail (data != NULL);

  if (!hit->valid)
    return;
  c.klass = class_of (hit->kind);
  c.d = data;
  c.cr = cr;
  cairo_save (cr);
  c.klass->hover (&c, hit, x, y);
  cairo_restore (cr);
}

/* Tooltip markup for what lies under (x, y), from the regions of the last
 * ssc_chart_render() and the same data. */
gboolean
ssc_chart_hit_query (const SscChartHit   *hit,
                     const SscChartData  *data,
                     double               x,
                     double               y,
                     char               **markup)
{
  g_autoptr(GString) s = NULL;
  SscCtx c = { 0 };

  g_return_val_if_fail (hit != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (markup != NULL, FALSE);

  *markup = NULL;
  if (!hit->valid || data->study == NULL)
    return FALSE;

  /* What the drawing showed, which the data may since have changed. */
  c.klass = class_of (hit->kind);
  c.d = data;
  c.study = data->study;
  c.meta = ss_study_get_meta (data->study);
  c.nc = ss_study_get_n_countries (data->study);
  c.scenario = hit->scenario;
  c.item = hit->item;
  c.proj = ssc_data_get_projection (data, hit->scenario);
  c.base = ssc_data_get_projection (data, SS_BASELINE);
  if (c.proj == NULL || c.base == NULL || c.proj->n_years != hit->n_years)
    return FALSE;
  c.ny = c.proj->n_years;

  s = g_string_new (NULL);
  if (!c.klass->query (&c, hit, x, y, s))
    return FALSE;
  *markup = g_string_free (g_steal_pointer (&s), FALSE);
  return TRUE;
}
