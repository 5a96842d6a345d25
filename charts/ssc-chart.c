/* ssc-chart.c: the six charts, drawn with cairo and Pango only
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
 * ssc_chart_render() also records where things are in an SscChartHit, so
 * the widget can say what lies under the pointer without drawing again.
 *
 * A name (of a scenario, an item or a country) set into a longer text (a
 * subtitle, a tooltip line, a summary) goes in through isolate(), so a
 * right-to-left override or a right-to-left name cannot reorder the text
 * around it; a name drawn alone is drawn as it is.
 */

#define G_LOG_DOMAIN "supplyshift-chart-render"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "ss-bidi.h"
#include "ss-optimiser.h"
#include "ss-safe-file.h"
#include "ssc-chart.h"
#include "ssc-palette.h"

#define FONT_FAMILY      "Cantarell, DejaVu Sans, Sans"
#define MARGIN           16.0
#define LEGEND_MIN_WIDTH 640.0          /* narrower charts put the legend at the bottom */
#define FRONTIER_POINTS  48
#define HEAT_MIN_ROW     16.0
#define HEAT_MAX_ROW     30.0

typedef struct
{
  double x, y, w, h;
} Rect;

/* ------------------------------------------------------------------ */
/* Names, formats, styles                                              */
/* ------------------------------------------------------------------ */

static const char * const kind_names[SSC_N_CHARTS] = {
  [SSC_CHART_MIX] = "mix",
  [SSC_CHART_COST] = "cost",
  [SSC_CHART_RISK] = "risk",
  [SSC_CHART_FRONTIER] = "frontier",
  [SSC_CHART_HEATMAP] = "heatmap",
  [SSC_CHART_COMPARE] = "compare",
};

G_DEFINE_QUARK (ss-chart-error-quark, ssc_chart_error)

const char *
ssc_chart_kind_to_string (SscChartKind kind)
{
  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);

  return kind_names[kind];
}

gboolean
ssc_chart_kind_from_string (const char  *name,
                           SscChartKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint k = 0; name != NULL && k < SSC_N_CHARTS; k++)
    if (g_str_equal (name, kind_names[k]))
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

gboolean
ssc_chart_kind_needs_all_scenarios (SscChartKind kind)
{
  return kind == SSC_CHART_COMPARE;
}

/* The format by the file name's extension, in any case. */
gboolean
ssc_chart_format_from_path (const char    *path,
                           SscChartFormat *format)
{
  static const struct { const char *ext; SscChartFormat format; } exts[] = {
    { ".svg", SSC_CHART_FORMAT_SVG },
    { ".png", SSC_CHART_FORMAT_PNG },
    { ".pdf", SSC_CHART_FORMAT_PDF },
  };
  g_autofree char *base = NULL;
  gsize len;

  g_return_val_if_fail (format != NULL, FALSE);

  if (path == NULL)
    return FALSE;
  base = g_path_get_basename (path);
  len = strlen (base);
  for (guint k = 0; k < G_N_ELEMENTS (exts); k++)
    if (len > 4 && g_ascii_strcasecmp (base + len - 4, exts[k].ext) == 0)
      {
        *format = exts[k].format;
        return TRUE;
      }
  return FALSE;
}

static void
set_rgba (double     out[4],
          guint32    rgb,
          double     alpha)
{
  out[0] = ((rgb >> 16) & 0xff) / 255.;
  out[1] = ((rgb >> 8) & 0xff) / 255.;
  out[2] = (rgb & 0xff) / 255.;
  out[3] = alpha;
}

/* libadwaita 1.2's view colours and accent, so an export looks like the
 * window in the same style. */
void
ssc_chart_data_set_style (SscChartData *data,
                         gboolean     dark)
{
  g_return_if_fail (data != NULL);

  data->dark = dark;
  if (dark)
    {
      set_rgba (data->fg, 0xffffff, 1);
      set_rgba (data->bg, 0x1e1e1e, 1);
      set_rgba (data->accent, 0x78aeed, 1);
    }
  else
    {
      set_rgba (data->fg, 0x000000, 0.8);
      set_rgba (data->bg, 0xffffff, 1);
      set_rgba (data->accent, 0x1c71d8, 1);
    }
}

/* The light style, the first scenario (else the baseline), the whole
 * portfolio and the final year. */
void
ssc_chart_data_init (SscChartData *data,
                    SsStudy     *study,
                    GPtrArray   *projections)
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

/* ------------------------------------------------------------------ */
/* The data of one chart                                               */
/* ------------------------------------------------------------------ */

static gboolean
projection_fits (SsStudy            *study,
                 const SsProjection *p)
{
  return p != NULL
      && p->n_items == ss_study_get_n_items (study)
      && p->n_countries == ss_study_get_n_countries (study)
      && (int)p->n_years == ss_study_get_meta (study)->horizon + 1
      && p->n_years >= 2;
}

/* A scenario's projection, or NULL when it is missing or no longer fits
 * the study (a country was added and the window has not passed the new
 * projection yet). */
static const SsProjection *
get_projection (const SscChartData *d,
                int                scenario)
{
  guint index = scenario + 1;
  const SsProjection *p;

  if (d->study == NULL || d->projections == NULL || index >= d->projections->len)
    return NULL;
  p = g_ptr_array_index (d->projections, index);
  return projection_fits (d->study, p) ? p : NULL;
}

static gboolean
scenario_valid (const SscChartData *d,
                int                scenario)
{
  return scenario == SS_BASELINE
      || (scenario >= 0 && (guint)scenario < ss_study_get_n_scenarios (d->study));
}

static const char *
scenario_name (SsStudy *study,
               int      scenario)
{
  if (scenario == SS_BASELINE)
    /* Translators: the implicit scenario in which nothing changes */
    return _("Baseline");
  return ss_study_get_scenario (study, scenario)->name;
}

/* A name to set into a longer text; see the top of the file. */
static char *
isolate (const char *name)
{
  return ss_bidi_isolate (name);
}

typedef enum
{
  SERIES_TOTAL,                        /* cost to firms: C + W − B */
  SERIES_PURCHASE,                     /* C */
  SERIES_SWITCHING,                    /* W */
  SERIES_SUBSIDY,                      /* B */
  SERIES_HHI,
  SERIES_RISK,
  SERIES_IMPACT,                       /* expected shortfall impact, million */
} Series;

static double
series_at (SsStudy            *study,
           const SsProjection *p,
           int                 item,
           Series              series,
           guint               t)
{
  gsize k = (gsize)(item < 0 ? 0 : item) * p->n_years + t;

  if (item < 0)
    switch (series)
      {
      case SERIES_TOTAL: return p->total_cost[t];
      case SERIES_PURCHASE: return p->total_cost_purchase[t];
      case SERIES_SWITCHING: return p->total_switching[t];
      case SERIES_SUBSIDY: return p->total_subsidy[t];
      case SERIES_HHI: return p->portfolio_hhi[t];
      case SERIES_RISK: return p->portfolio_supply_risk[t];
      case SERIES_IMPACT: return p->expected_shortfall_impact[t];
      default: g_assert_not_reached ();
      }

  switch (series)
    {
    case SERIES_TOTAL: return p->cost[k] + p->switching[k] - p->subsidy[k];
    case SERIES_PURCHASE: return p->cost[k];
    case SERIES_SWITCHING: return p->switching[k];
    case SERIES_SUBSIDY: return p->subsidy[k];
    case SERIES_HHI: return p->hhi[k];
    case SERIES_RISK: return p->supply_risk[k];
    case SERIES_IMPACT:
      /* L(D) is linear in x_i(D), so the item's part of EL is ES_i C_i E_i. */
      return p->expected_shortfall[k] * p->cost[k]
             * ss_study_get_item (study, item)->attr[SS_ITEM_IMPACT];
    default: g_assert_not_reached ();
    }
}

static double
npv_premium (SsStudy            *study,
             const SsProjection *p,
             const SsProjection *base,
             int                 item)
{
  double rho = ss_study_get_meta (study)->discount_rate, sum = 0;

  for (guint t = 0; t < p->n_years; t++)
    {
      double premium = series_at (study, p, item, SERIES_TOTAL, t)
                       - series_at (study, base, item, SERIES_TOTAL, t);

      sum += premium / pow (1 + rho, t);
    }
  return sum;
}

/* An item's share, or the portfolio's spend share, of country c over the years. */
static const double *
mix_row (const SsProjection *p,
         int                 item,
         guint               c)
{
  if (item < 0)
    return &p->spend_share[(gsize)c * p->n_years];
  return &p->share[((gsize)item * p->n_countries + c) * p->n_years];
}

/* ------------------------------------------------------------------ */
/* Drawing context, text and colour                                    */
/* ------------------------------------------------------------------ */

typedef enum
{
  FONT_TITLE,
  FONT_SUBTITLE,
  FONT_LABEL,                          /* axis titles, legend, row labels */
  FONT_LABEL_BOLD,
  FONT_TICK,
  FONT_SMALL,                          /* annotations, cells */
  FONT_BADGE,
  N_FONTS
} Font;

static const struct { double px; PangoWeight weight; } font_specs[N_FONTS] = {
  [FONT_TITLE] = { 16, PANGO_WEIGHT_BOLD },
  [FONT_SUBTITLE] = { 12.5, PANGO_WEIGHT_NORMAL },
  [FONT_LABEL] = { 12, PANGO_WEIGHT_NORMAL },
  [FONT_LABEL_BOLD] = { 12, PANGO_WEIGHT_BOLD },
  [FONT_TICK] = { 11, PANGO_WEIGHT_NORMAL },
  [FONT_SMALL] = { 10.5, PANGO_WEIGHT_NORMAL },
  [FONT_BADGE] = { 10, PANGO_WEIGHT_BOLD },
};

typedef enum
{
  TEXT_PLAIN,
  TEXT_ELLIPSIZE,
  TEXT_WRAP,                           /* at most two lines, then ellipsized */
  TEXT_WRAP3,                          /* at most three */
} TextMode;

typedef struct
{
  double x, y;
  int    kind;
  int    index;
  double cost;
  double risk;
  double shares[SS_MAX_COUNTRIES];
} HitPoint;

enum { POINT_FRONTIER, POINT_BASELINE, POINT_TARGET, POINT_PATH };

struct _SscChartHit
{
  SscChartKind kind;
  gboolean    valid;
  guint       n_panels;
  Rect        panels[4];
  gboolean    slots;                   /* years at slot centres (bars), else edge to edge */
  guint       n_years;
  int         base_year;
  int         item;
  int         scenario;
  guint       n_order;
  guint       order[SS_MAX_COUNTRIES]; /* mix: countries from the bottom band up */
  Rect        grid;                    /* heatmap cells; compare rows */
  Rect        labels;                  /* heatmap row labels and badges */
  guint       n_cols;
  guint       year;                    /* heatmap year index */
  double      row_h;
  GArray     *rows;                    /* int: heatmap item or compare scenario per row */
  GArray     *points;                  /* HitPoint: frontier */
};

typedef struct
{
  cairo_t              *cr;
  PangoContext         *pango;
  PangoLayout          *layout;         /* for wrapped and ellipsized texts */
  GHashTable           *plain;          /* "font:text" → PangoLayout, one line */
  PangoAttrList        *attrs;
  PangoFontDescription *fonts[N_FONTS];
  double                font_h[N_FONTS];
  const SscChartData    *d;
  SsStudy              *study;
  SsMeta               *meta;
  int                   scenario;
  int                   item;
  const SsProjection   *base;
  const SsProjection   *proj;
  guint                 ny;
  guint                 nc;
  double                width;
  double                height;
  Rect                  area;          /* what the header and the legend leave */
  SscChartHit           *hit;
} Ctx;

static void
ctx_init (Ctx               *c,
          const SscChartData *d,
          cairo_t           *cr,
          double             width,
          double             height,
          SscChartHit        *hit)
{
  memset (c, 0, sizeof *c);
  c->cr = cr;
  c->d = d;
  c->width = width;
  c->height = height;
  c->hit = hit;
  c->pango = pango_cairo_create_context (cr);
  c->layout = pango_layout_new (c->pango);

  c->plain = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  /* Tabular figures, so the numbers of a column line up. */
  c->attrs = pango_attr_list_new ();
  pango_attr_list_insert (c->attrs, pango_attr_font_features_new ("tnum=1"));
  pango_layout_set_attributes (c->layout, c->attrs);

  for (guint k = 0; k < N_FONTS; k++)
    {
      c->fonts[k] = pango_font_description_from_string (FONT_FAMILY);
      pango_font_description_set_absolute_size (c->fonts[k], font_specs[k].px * PANGO_SCALE);
      pango_font_description_set_weight (c->fonts[k], font_specs[k].weight);
    }
  c->area = (Rect) { MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN };
}

static void
ctx_clear (Ctx *c)
{
  for (guint k = 0; k < N_FONTS; k++)
    pango_font_description_free (c->fonts[k]);
  g_clear_pointer (&c->plain, g_hash_table_unref);
  g_clear_pointer (&c->attrs, pango_attr_list_unref);
  g_clear_object (&c->layout);
  g_clear_object (&c->pango);
}

/* Resolves the scenario, item and projections; FALSE when the chart has
 * nothing consistent to show. */
static gboolean
ctx_bind (Ctx         *c,
          SscChartKind  kind)
{
  const SscChartData *d = c->d;

  if (d->study == NULL)
    return FALSE;
  c->study = d->study;
  c->meta = ss_study_get_meta (d->study);
  c->nc = ss_study_get_n_countries (d->study);
  c->scenario = scenario_valid (d, d->scenario) ? d->scenario : SS_BASELINE;
  c->item = d->item >= 0 && (guint)d->item < ss_study_get_n_items (d->study) ? d->item : -1;
  if (kind == SSC_CHART_FRONTIER && c->item < 0 && ss_study_get_n_items (d->study) > 0)
    c->item = 0;
  c->base = get_projection (d, SS_BASELINE);
  c->proj = get_projection (d, c->scenario);
  if (c->base == NULL || c->proj == NULL || c->nc == 0)
    return FALSE;
  c->ny = c->proj->n_years;
  if (kind == SSC_CHART_FRONTIER && c->item < 0)
    return FALSE;
  return TRUE;
}

static void
source (cairo_t      *cr,
        const double  rgba[4],
        double        alpha)
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3] * alpha);
}

static void
country_rgba (guint  country,
              double out[4])
{
  ssc_palette_country_rgb (country, out);
  out[3] = 1;
}

static double
luminance (const double rgb[3])
{
  double l[3];

  for (guint k = 0; k < 3; k++)
    l[k] = rgb[k] <= 0.03928 ? rgb[k] / 12.92 : pow ((rgb[k] + 0.055) / 1.055, 2.4);
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

/* The colour of the series that are not countries but parts of a sum. */
static void
neutral_rgba (const Ctx *c,
              double     out[4])
{
  set_rgba (out, c->d->dark ? 0x9a9996 : 0x77767b, 1);   /* GNOME greys 2 and 4 */
}

/* Lays out text in the shared layout; the next text_* calls use it. */
static void
text_set (Ctx        *c,
          Font        font,
          const char *text,
          double      max_width,
          TextMode    mode)
{
  PangoLayout *layout = c->layout;

  pango_layout_set_font_description (layout, c->fonts[font]);
  if (mode == TEXT_PLAIN || max_width <= 0)
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_height (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
  else
    {
      pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, mode == TEXT_WRAP ? -2 : mode == TEXT_WRAP3 ? -3 : -1);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
  pango_layout_set_text (layout, text, -1);
}

static void
text_extent (Ctx    *c,
             double *width,
             double *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (c->layout, NULL, &logical);
  if (width != NULL)
    *width = logical.width;
  if (height != NULL)
    *height = logical.height;
}

/* A one-line text, laid out once per drawing: most are measured for the
 * room they need before they are drawn, and shaping is the dearest part. */
static PangoLayout *
plain_layout (Ctx        *c,
              Font        font,
              const char *text)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", (int)font, text);
  PangoLayout *layout = g_hash_table_lookup (c->plain, key);

  if (layout == NULL)
    {
      layout = pango_layout_new (c->pango);
      pango_layout_set_attributes (layout, c->attrs);
      pango_layout_set_font_description (layout, c->fonts[font]);
      pango_layout_set_text (layout, text, -1);
      g_hash_table_insert (c->plain, g_steal_pointer (&key), layout);
    }
  return layout;
}

static double
text_width (Ctx        *c,
            Font        font,
            const char *text)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (plain_layout (c, font, text), NULL, &logical);
  return logical.width;
}

/* One line's height. */
static double
font_height (Ctx  *c,
             Font  font)
{
  if (c->font_h[font] <= 0)
    {
      PangoRectangle logical;

      pango_layout_get_pixel_extents (plain_layout (c, font, "Ag"), NULL, &logical);
      c->font_h[font] = logical.height;
    }
  return c->font_h[font];
}

/* Shows a layout with (x, y) at the point (xalign, yalign) of its logical
 * box (which starts inside the layout when it is centred in a set width). */
static void
show_layout (Ctx          *c,
             PangoLayout  *layout,
             double        x,
             double        y,
             double        xalign,
             double        yalign,
             const double  rgba[4],
             double        alpha)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  cairo_move_to (c->cr, round (x - logical.width * xalign - logical.x),
                 round (y - logical.height * yalign - logical.y));
  source (c->cr, rgba, alpha);
  pango_cairo_show_layout (c->cr, layout);
  /* No current point left behind for the next arc to join. */
  cairo_new_path (c->cr);
}

/* Shows the text last given to text_set(). */
static void
text_show (Ctx          *c,
           double        x,
           double        y,
           double        xalign,
           double        yalign,
           const double  rgba[4],
           double        alpha)
{
  show_layout (c, c->layout, x, y, xalign, yalign, rgba, alpha);
}

static void
text_draw (Ctx          *c,
           Font          font,
           const char   *text,
           double        x,
           double        y,
           double        xalign,
           double        yalign,
           const double  rgba[4],
           double        alpha)
{
  show_layout (c, plain_layout (c, font, text), x, y, xalign, yalign, rgba, alpha);
}

/* Text on a rounded patch of the background, readable over areas. */
static void
text_draw_on_patch (Ctx          *c,
                    Font          font,
                    const char   *text,
                    double        x,
                    double        y,
                    double        xalign,
                    double        yalign,
                    Rect         *out)
{
  double w, h, px, py;

  text_set (c, font, text, -1, TEXT_PLAIN);
  text_extent (c, &w, &h);
  px = round (x - w * xalign);
  py = round (y - h * yalign);
  cairo_new_sub_path (c->cr);
  cairo_rectangle (c->cr, px - 3, py, w + 6, h);
  source (c->cr, c->d->bg, 0.85);
  cairo_fill (c->cr);
  cairo_move_to (c->cr, px, py);
  source (c->cr, c->d->fg, 1);
  pango_cairo_show_layout (c->cr, c->layout);
  cairo_new_path (c->cr);
  if (out != NULL)
    *out = (Rect) { px - 3, py, w + 6, h };
}

static void
draw_message (Ctx        *c,
              Rect        box,
              const char *text)
{
  text_set (c, FONT_LABEL, text, box.w - 16, TEXT_WRAP);
  pango_layout_set_alignment (c->layout, PANGO_ALIGN_CENTER);
  text_show (c, box.x + box.w / 2, box.y + box.h / 2, 0.5, 0.5, c->d->fg, 0.65);
}

static void
draw_too_small (Ctx *c)
{
  draw_message (c, c->area, _("Too small to draw: make the chart larger"));
}

/* ------------------------------------------------------------------ */
/* Numbers and ticks                                                   */
/* ------------------------------------------------------------------ */

typedef struct
{
  double lo, hi, step;
} Ticks;

typedef enum
{
  NUM_PLAIN,
  NUM_PERCENT,                         /* a fraction, shown as 0–100 % */
} NumStyle;

/* Heckbert's nice numbers ("Nice numbers for graph labels", Graphics
 * Gems, 1990): 1, 2 or 5 times a power of ten. The step is the nice
 * number nearest range / (ticks − 1), raised until the ticks fit. */
static double
nice_number (double   x,
             gboolean round_it)
{
  double e = floor (log10 (x)), f = x / pow (10, e), nf;

  if (round_it)
    nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
  else
    nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nf * pow (10, e);
}

static Ticks
nice_ticks (double lo,
            double hi,
            int    max_ticks)
{
  Ticks t;
  double range;

  if (!isfinite (lo) || !isfinite (hi))
    lo = 0, hi = 1;
  if (hi < lo)
    {
      double swap = lo;

      lo = hi;
      hi = swap;
    }
  if (hi - lo <= 1e-9 * MAX (1, fabs (hi)))
    {
      /* One value: show it with some room, keeping a 0 bound at 0. */
      if (hi == 0)
        hi = 1;
      else if (lo == 0 || hi > 0)
        hi = hi + fabs (hi) * 0.2, lo = lo > 0 ? lo * 0.8 : lo;
      else
        lo = lo - fabs (lo) * 0.2, hi = 0;
    }
  max_ticks = MAX (max_ticks, 2);
  range = hi - lo;
  t.step = nice_number (range / (max_ticks - 1), TRUE);
  for (;;)
    {
      t.lo = floor (lo / t.step + 1e-9) * t.step;
      t.hi = ceil (hi / t.step - 1e-9) * t.step;
      if (round ((t.hi - t.lo) / t.step) + 1 <= max_ticks)
        break;
      /* Rounding the step to 1, 2 or 5 made too many: the next one up. */
      t.step = nice_number (t.step * 1.5, TRUE);
    }
  return t;
}

static guint
ticks_count (const Ticks *t)
{
  return (guint)round ((t->hi - t->lo) / t->step) + 1;
}

static double
tick_value (const Ticks *t,
            guint        k)
{
  double v = t->lo + k * t->step;

  return fabs (v) < t->step * 1e-9 ? 0 : v;
}

static int
decimals_for_step (double step)
{
  if (step >= 1 - 1e-9)
    return 0;
  return (int)ceil (-log10 (step) - 1e-9);
}

/* Digits grouped in threes with the locale's separator (a narrow space
 * where the locale has none, as SI writes 10 000), the locale's decimal
 * point, and a real minus sign. */
static char *
format_number (double v,
               int    decimals)
{
  const struct lconv *lc = localeconv ();
  const char *sep = "\u202f";
  g_autofree char *plain = NULL;
  GString *s;
  gsize int_len;

  if (lc->thousands_sep != NULL && lc->thousands_sep[0] != '\0'
      && g_utf8_validate (lc->thousands_sep, -1, NULL))
    sep = lc->thousands_sep;
  if (fabs (v) < 0.5 * pow (10, -decimals))
    v = 0;
  plain = g_strdup_printf ("%.*f", decimals, fabs (v));
  int_len = strspn (plain, "0123456789");
  s = g_string_new (v < 0 ? "−" : NULL);
  for (gsize k = 0; k < int_len; k++)
    {
      if (k > 0 && (int_len - k) % 3 == 0)
        g_string_append (s, sep);
      g_string_append_c (s, plain[k]);
    }
  g_string_append (s, plain + int_len);
  return g_string_free (s, FALSE);
}

static char *
format_percent (double fraction,
                int    decimals)
{
  g_autofree char *number = format_number (100 * fraction, decimals);

  /* Translators: a percentage; %s is the number */
  return g_strdup_printf (_("%s %%"), number);
}

/* A share as a cell or a tooltip shows it: whole percent from 10 % up. */
static char *
format_share (double fraction)
{
  return format_percent (fraction, fabs (fraction) >= 0.0995 ? 0 : 1);
}

/* A figure with about three significant digits, for tooltips and labels. */
static char *
format_value (double v)
{
  double a = fabs (v);

  if (a < 5e-4)
    return format_number (0, 0);
  return format_number (v, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
}

static char *
format_tick (NumStyle     style,
             const Ticks *t,
             double       v)
{
  if (style == NUM_PERCENT)
    return format_percent (v, decimals_for_step (t->step * 100));
  return format_number (v, decimals_for_step (t->step));
}

static char *
money_unit (Ctx *c)
{
  /* Translators: the unit of money figures; %s is a currency code such as USD */
  return g_strdup_printf (_("million %s"), c->meta->currency);
}

static double
map_y (const Ticks *t,
       Rect         plot,
       double       v)
{
  return plot.y + plot.h * (1 - (v - t->lo) / (t->hi - t->lo));
}

static double
map_x (const Ticks *t,
       Rect         plot,
       double       v)
{
  return plot.x + plot.w * (v - t->lo) / (t->hi - t->lo);
}

/* The x of year index t: edge to edge for lines and areas, slot centres
 * for bars. */
static double
year_x (Rect     plot,
        guint    t,
        guint    ny,
        gboolean slots)
{
  if (slots)
    return plot.x + plot.w * (t + 0.5) / ny;
  return plot.x + plot.w * t / (double)(ny - 1);
}

static int
max_ticks_for (double pixels,
               double spacing)
{
  return MAX (2, (int)floor (pixels / spacing) + 1);
}

/* ------------------------------------------------------------------ */
/* Frame: header, legend, axes                                         */
/* ------------------------------------------------------------------ */

static double
header_height (Ctx *c)
{
  return font_height (c, FONT_TITLE) + 2 + font_height (c, FONT_SUBTITLE) + 14;
}

static void
frame_header (Ctx        *c,
              const char *title,
              const char *subtitle)
{
  double y = MARGIN - 2, h;

  text_set (c, FONT_TITLE, title, c->width - 2 * MARGIN, TEXT_ELLIPSIZE);
  text_show (c, MARGIN, y, 0, 0, c->d->fg, 1);
  text_extent (c, NULL, &h);
  y += h + 2;
  text_set (c, FONT_SUBTITLE, subtitle, c->width - 2 * MARGIN, TEXT_ELLIPSIZE);
  text_show (c, MARGIN, y, 0, 0, c->d->fg, 0.7);
  c->area.y = MARGIN - 2 + header_height (c);
  c->area.h = c->height - c->area.y - MARGIN;
}

static char *
subtitle_for (Ctx      *c,
              gboolean  with_item,
              gboolean  with_years)
{
  g_autofree char *scenario = isolate (scenario_name (c->study, c->scenario));
  GString *s = g_string_new (scenario);

  if (with_item)
    {
      g_string_append (s, " · ");
      if (c->item >= 0)
        {
          SsItem *item = ss_study_get_item (c->study, c->item);
          g_autofree char *name = isolate (item->name);

          g_string_append_printf (s, "%s (%s)", name, item->code);
        }
      else
        /* Translators: the whole portfolio of items, in a chart's subtitle */
        g_string_append (s, _("All items"));
    }
  if (with_years)
    g_string_append_printf (s, " · %d–%d", c->meta->base_year,
                            c->meta->base_year + (int)c->ny - 1);
  return g_string_free (s, FALSE);
}

typedef enum
{
  SWATCH_AREA,
  SWATCH_LINE,
  SWATCH_FAINT,
  SWATCH_DASHED,
  SWATCH_PATH,                         /* dots joined by a thin line */
  SWATCH_CIRCLE,
  SWATCH_DIAMOND,
  SWATCH_HATCH,
  SWATCH_DOTTED_LINE,                  /* a line with a dot: the net premium */
} Swatch;

typedef struct
{
  Swatch  swatch;
  double  rgba[4];
  char   *label;
} LegendEntry;

static void
legend_entry_clear (gpointer data)
{
  g_free (((LegendEntry *)data)->label);
}

static GArray *
legend_new (void)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (LegendEntry));

  g_array_set_clear_func (entries, legend_entry_clear);
  return entries;
}

static void
legend_add (GArray       *entries,
            Swatch        swatch,
            const double  rgba[4],
            const char   *label)
{
  LegendEntry e = { swatch, { rgba[0], rgba[1], rgba[2], rgba[3] }, g_strdup (label) };

  g_array_append_val (entries, e);
}

static void
hatch (cairo_t      *cr,
       Rect          r,
       const double  rgba[4])
{
  cairo_save (cr);
  cairo_rectangle (cr, r.x, r.y, r.w, r.h);
  cairo_clip (cr);
  for (double k = -r.h; k < r.w; k += 4)
    {
      cairo_move_to (cr, r.x + k, r.y + r.h);
      cairo_line_to (cr, r.x + k + r.h, r.y);
    }
  cairo_set_line_width (cr, 1);
  source (cr, rgba, 0.9);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
diamond (cairo_t *cr,
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

#define SWATCH_W 20.0

static void
draw_swatch (Ctx               *c,
             const LegendEntry *e,
             double             x,
             double             y)                 /* vertical centre */
{
  cairo_t *cr = c->cr;
  static const double dash[] = { 4, 3 };

  cairo_save (cr);
  cairo_new_path (cr);
  switch (e->swatch)
    {
    case SWATCH_AREA:
      cairo_rectangle (cr, x + 3, y - 6, 14, 12);
      source (cr, e->rgba, 1);
      cairo_fill (cr);
      break;
    case SWATCH_HATCH:
      cairo_rectangle (cr, x + 3, y - 6, 14, 12);
      source (cr, e->rgba, 0.3);
      cairo_fill (cr);
      hatch (cr, (Rect) { x + 3, y - 6, 14, 12 }, e->rgba);
      break;
    case SWATCH_LINE:
    case SWATCH_FAINT:
    case SWATCH_DASHED:
    case SWATCH_DOTTED_LINE:
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + SWATCH_W, y);
      cairo_set_line_width (cr, e->swatch == SWATCH_LINE ? 2.5
                                : e->swatch == SWATCH_DOTTED_LINE ? 2 : 1.5);
      if (e->swatch == SWATCH_DASHED)
        cairo_set_dash (cr, dash, 2, 0);
      source (cr, e->rgba, 1);
      cairo_stroke (cr);
      if (e->swatch == SWATCH_DOTTED_LINE)
        {
          cairo_arc (cr, x + SWATCH_W / 2, y, 3, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      break;
    case SWATCH_PATH:
      cairo_move_to (cr, x + 2, y + 3);
      cairo_line_to (cr, x + SWATCH_W - 2, y - 3);
      cairo_set_line_width (cr, 1);
      source (cr, e->rgba, 0.8);
      cairo_stroke (cr);
      for (int k = 0; k < 3; k++)
        cairo_arc (cr, x + 2 + k * (SWATCH_W - 4) / 2, y + 3 - k * 3, 2.5, 0, 2 * G_PI),
        cairo_new_sub_path (cr);
      source (cr, e->rgba, 1);
      cairo_fill (cr);
      break;
    case SWATCH_CIRCLE:
      cairo_arc (cr, x + SWATCH_W / 2, y, 5, 0, 2 * G_PI);
      source (cr, c->d->bg, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2);
      source (cr, e->rgba, 1);
      cairo_stroke (cr);
      break;
    case SWATCH_DIAMOND:
      diamond (cr, x + SWATCH_W / 2, y, 6);
      source (cr, e->rgba, 1);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1);
      source (cr, c->d->bg, 1);
      cairo_stroke (cr);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

/* Puts the legend at the right (from top, the y of the plot's top) or at
 * the bottom when the chart is narrow, and takes its room from c->area. */
static void
frame_legend (Ctx    *c,
              GArray *entries,
              double  top_offset)
{
  double line_h = MAX (font_height (c, FONT_LABEL), 14) + 6;
  double max_w = 0;

  if (entries->len == 0)
    return;

  for (guint k = 0; k < entries->len; k++)
    max_w = MAX (max_w, text_width (c, FONT_LABEL, g_array_index (entries, LegendEntry, k).label));

  if (c->width >= LEGEND_MIN_WIDTH)
    {
      double label_w = MIN (max_w, c->width * 0.2);
      double legend_w = SWATCH_W + 8 + label_w;
      double x = c->area.x + c->area.w - legend_w;
      double y = c->area.y + top_offset;

      for (guint k = 0; k < entries->len; k++)
        {
          const LegendEntry *e = &g_array_index (entries, LegendEntry, k);
          double h;

          text_set (c, FONT_LABEL, e->label, label_w, TEXT_WRAP);
          text_extent (c, NULL, &h);
          draw_swatch (c, e, x, y + line_h / 2 - 3);
          /* The first line's middle on the swatch's. */
          text_show (c, x + SWATCH_W + 8, y + line_h / 2 - 3, 0, 0.5 * (line_h - 6) / h,
                     c->d->fg, 0.9);
          y += MAX (h, line_h - 6) + 6;
        }
      c->area.w -= legend_w + 28;
    }
  else
    {
      /* Rows of entries at the bottom, in a smaller type on small charts,
       * taking at most 30 % of the height: what does not fit is counted
       * in a last "+N more" (the tooltips still name every series). */
      Font font = c->width < 480 ? FONT_SMALL : FONT_LABEL;
      double gap = c->width < 480 ? 12 : 18;
      double avail = c->area.w, x = 0, y, more_w;
      guint rows = 1, max_rows, shown = entries->len;
      g_autofree guint *row_of = g_new0 (guint, entries->len);
      g_autofree double *x_of = g_new0 (double, entries->len);
      g_autofree double *w_of = g_new0 (double, entries->len);
      g_autofree char *more = NULL;

      line_h = MAX (font_height (c, font), 14) + 4;
      for (guint k = 0; k < entries->len; k++)
        {
          w_of[k] = MIN (text_width (c, font, g_array_index (entries, LegendEntry, k).label),
                         avail - SWATCH_W - 6);
          if (x > 0 && x + SWATCH_W + 6 + w_of[k] > avail)
            x = 0, rows++;
          row_of[k] = rows - 1;
          x_of[k] = x;
          x += SWATCH_W + 6 + w_of[k] + gap;
        }
      max_rows = MAX (1, (guint)floor (0.3 * c->area.h / line_h));
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
              more_w = text_width (c, font, more);
              if (shown == 0
                  || x_of[shown - 1] + SWATCH_W + 6 + w_of[shown - 1] + gap + more_w <= avail)
                break;
              shown--;
            }
        }

      y = c->area.y + c->area.h - rows * line_h;
      for (guint k = 0; k < shown; k++)
        {
          const LegendEntry *e = &g_array_index (entries, LegendEntry, k);
          double ex = c->area.x + x_of[k], ey = y + row_of[k] * line_h + line_h / 2;

          draw_swatch (c, e, ex, ey);
          text_set (c, font, e->label, w_of[k] + 1, TEXT_ELLIPSIZE);
          text_show (c, ex + SWATCH_W + 6, ey, 0, 0.5, c->d->fg, 0.9);
        }
      if (more != NULL)
        {
          double mx = shown > 0 ? x_of[shown - 1] + SWATCH_W + 6 + w_of[shown - 1] + gap : 0;

          text_draw (c, font, more, c->area.x + mx, y + (rows - 1) * line_h + line_h / 2, 0, 0.5,
                     c->d->fg, 0.65);
        }
      c->area.h -= rows * line_h + 8;
    }
}

/* The legend on the title's line at the right, for charts that need
 * the full width below; at the bottom when the title leaves no room. */
static void
frame_legend_top (Ctx        *c,
                  GArray     *entries,
                  const char *title)
{
  double total = 0, x, y = MARGIN - 2 + font_height (c, FONT_TITLE) / 2;
  double title_w;

  for (guint k = 0; k < entries->len; k++)
    {
      const LegendEntry *e = &g_array_index (entries, LegendEntry, k);

      total += SWATCH_W + 6 + text_width (c, FONT_LABEL, e->label) + 18;
    }
  total -= 18;
  title_w = text_width (c, FONT_TITLE, title);
  if (MARGIN + title_w + 32 + total > c->width - MARGIN)
    {
      double saved = c->width;

      c->width = 0;                    /* frame_legend then goes to the bottom */
      frame_legend (c, entries, 0);
      c->width = saved;
      return;
    }
  x = c->width - MARGIN - total;
  for (guint k = 0; k < entries->len; k++)
    {
      const LegendEntry *e = &g_array_index (entries, LegendEntry, k);

      draw_swatch (c, e, x, y);
      text_draw (c, FONT_LABEL, e->label, x + SWATCH_W + 6, y, 0, 0.5, c->d->fg, 0.9);
      x += SWATCH_W + 6 + text_width (c, FONT_LABEL, e->label) + 18;
    }
}

static double
y_labels_width (Ctx         *c,
                const Ticks *t,
                NumStyle     style)
{
  double w = 0;

  for (guint k = 0; k < ticks_count (t); k++)
    {
      g_autofree char *label = format_tick (style, t, tick_value (t, k));

      w = MAX (w, text_width (c, FONT_TICK, label));
    }
  return w + 8;
}

static void
grid_line_h (Ctx    *c,
             Rect    plot,
             double  y,
             double  alpha)
{
  y = round (y) + 0.5;
  cairo_move_to (c->cr, plot.x, y);
  cairo_line_to (c->cr, plot.x + plot.w, y);
  cairo_set_line_width (c->cr, 1);
  source (c->cr, c->d->fg, alpha);
  cairo_stroke (c->cr);
}

static double
grid_alpha (const Ctx *c)
{
  return c->d->dark ? 0.14 : 0.11;
}

/* Gridlines at the ticks and their labels left of the plot. The 0 line,
 * where there is one, is the axis and drawn darker (after the data, by
 * draw_zero_line). */
static void
draw_y_axis (Ctx         *c,
             Rect         plot,
             const Ticks *t,
             NumStyle     style)
{
  for (guint k = 0; k < ticks_count (t); k++)
    {
      double v = tick_value (t, k), y = map_y (t, plot, v);
      g_autofree char *label = format_tick (style, t, v);

      if (v != 0)
        grid_line_h (c, plot, y, grid_alpha (c));
      text_draw (c, FONT_TICK, label, plot.x - 8, y, 1, 0.5, c->d->fg, 0.72);
    }
}

static void
draw_zero_line (Ctx         *c,
                Rect         plot,
                const Ticks *t)
{
  double y = t->lo <= 0 && t->hi >= 0 ? map_y (t, plot, 0) : plot.y + plot.h;

  grid_line_h (c, plot, y, 0.5);
}

/* The unit of a panel, above it and aligned with the tick labels. */
static void
draw_axis_title (Ctx        *c,
                 Rect        plot,
                 double      labels_w,
                 const char *title)
{
  text_set (c, FONT_LABEL, title, plot.w + labels_w, TEXT_ELLIPSIZE);
  text_show (c, plot.x - labels_w, plot.y - 8, 0, 1, c->d->fg, 0.9);
}

static double
axis_title_height (Ctx *c)
{
  return font_height (c, FONT_LABEL) + 8;
}

static double
year_axis_height (Ctx      *c,
                  gboolean  with_title)
{
  return 6 + font_height (c, FONT_TICK) + (with_title ? 4 + font_height (c, FONT_LABEL) : 0);
}

static void
draw_year_axis (Ctx      *c,
                Rect      plot,
                gboolean  slots,
                gboolean  with_title)
{
  guint ny = c->ny;
  int base = c->meta->base_year;
  double label_w = text_width (c, FONT_TICK, "2000") + 16;
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
      x = round (year_x (plot, t, ny, slots)) + 0.5;
      cairo_move_to (c->cr, x, plot.y + plot.h);
      cairo_line_to (c->cr, x, plot.y + plot.h + 4);
      cairo_set_line_width (c->cr, 1);
      source (c->cr, c->d->fg, 0.5);
      cairo_stroke (c->cr);
      label = g_strdup_printf ("%d", base + (int)t);
      text_draw (c, FONT_TICK, label, x, plot.y + plot.h + 6, 0.5, 0, c->d->fg, 0.72);
    }
  if (with_title)
    /* Translators: the title of the time axis */
    text_draw (c, FONT_LABEL, _("Year"), plot.x + plot.w / 2,
               plot.y + plot.h + 6 + font_height (c, FONT_TICK) + 4, 0.5, 0, c->d->fg, 0.9);
}

static void
line_path (cairo_t       *cr,
           Rect           plot,
           const Ticks   *t,
           const double  *values,
           guint          ny,
           gboolean       slots)
{
  for (guint k = 0; k < ny; k++)
    {
      double x = year_x (plot, k, ny, slots), y = map_y (t, plot, values[k]);

      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
}

static void
stroke_series (Ctx          *c,
               Rect          plot,
               const Ticks  *t,
               const double *values,
               gboolean      slots,
               const double  rgba[4],
               double        alpha,
               double        width)
{
  cairo_save (c->cr);
  line_path (c->cr, plot, t, values, c->ny, slots);
  cairo_set_line_join (c->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (c->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (c->cr, width);
  source (c->cr, rgba, alpha);
  cairo_stroke (c->cr);
  cairo_restore (c->cr);
}

static void
hit_set_panels (Ctx      *c,
                guint     n,
                Rect     *panels,
                gboolean  slots)
{
  if (c->hit == NULL)
    return;
  c->hit->n_panels = n;
  for (guint k = 0; k < n; k++)
    c->hit->panels[k] = panels[k];
  c->hit->slots = slots;
  c->hit->valid = TRUE;
}

/* A horizontal reference line, with a halo so it reads over any colour. */
static void
reference_stroke (Ctx    *c,
                  Rect    plot,
                  double  y)
{
  static const double dash[] = { 6, 4 };
  cairo_t *cr = c->cr;

  y = round (y) + 0.5;
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_move_to (cr, plot.x, y);
  cairo_line_to (cr, plot.x + plot.w, y);
  cairo_set_line_width (cr, 3);
  source (cr, c->d->bg, 0.55);
  cairo_stroke_preserve (cr);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 1.25);
  source (cr, c->d->fg, 0.9);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* The line and its label, ending at label_right just above it. */
static void
reference_line (Ctx        *c,
                Rect        plot,
                double      y,
                const char *label,
                double      label_right,
                Rect       *label_box)
{
  reference_stroke (c, plot, y);
  text_draw_on_patch (c, FONT_SMALL, label, label_right, round (y) - 3, 1, 1, label_box);
}

/* ------------------------------------------------------------------ */
/* mix: the share path as stacked areas                                */
/* ------------------------------------------------------------------ */

/* The dominant foreign supplier at the base year goes at the bottom, so
 * the threshold lines read against its band; the rest in study order. */
static guint
mix_order (Ctx   *c,
           guint *order)
{
  guint n = 0, home = c->meta->home;
  int first = -1;
  double best = 1e-12;

  for (guint k = 0; k < c->nc; k++)
    {
      double v = mix_row (c->proj, c->item, k)[0];

      if (k != home && v > best)
        best = v, first = k;
    }
  if (first >= 0)
    order[n++] = first;
  for (guint k = 0; k < c->nc; k++)
    {
      const double *row = mix_row (c->proj, c->item, k), *base = mix_row (c->base, c->item, k);
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

static void
chart_mix (Ctx *c)
{
  cairo_t *cr = c->cr;
  guint order[SS_MAX_COUNTRIES], n;
  guint ny = c->ny;
  gboolean portfolio = c->item < 0;
  gboolean show_base = c->scenario != SS_BASELINE;
  g_autoptr(GArray) legend = legend_new ();
  g_autofree char *subtitle = subtitle_for (c, TRUE, TRUE);
  double lower[SS_MAX_HORIZON + 1] = { 0 }, upper[SS_MAX_HORIZON + 1];
  double base_cum[SS_MAX_HORIZON + 1] = { 0 };
  double labels_w;
  Rect plot;
  Ticks t;

  frame_header (c, portfolio ? _("Spending by origin") : _("Supply by origin"), subtitle);
  n = mix_order (c, order);

  for (guint k = n; k-- > 0;)
    {
      double rgba[4];

      country_rgba (order[k], rgba);
      legend_add (legend, SWATCH_AREA, rgba, ss_study_get_country (c->study, order[k])->name);
    }
  if (show_base)
    {
      /* Translators: legend of the mix chart; the baseline's bands are drawn as thin lines */
      legend_add (legend, SWATCH_FAINT, c->d->fg, _("Baseline bands"));
    }
  if (!portfolio)
    /* Translators: legend of the mix chart for the dashed threshold lines */
    legend_add (legend, SWATCH_DASHED, c->d->fg, _("Alert threshold for one country"));
  frame_legend (c, legend, axis_title_height (c));

  /* Shares in steps of 20 %, 25 % or 50 %, as the height allows. */
  t = (Ticks) { 0, 1, 0.2 };
  labels_w = y_labels_width (c, &t, NUM_PERCENT);
  plot = (Rect) { c->area.x + labels_w, c->area.y + axis_title_height (c),
                  c->area.w - labels_w - 4, 0 };
  plot.h = c->area.y + c->area.h - year_axis_height (c, TRUE) - plot.y;
  t.step = plot.h >= 250 ? 0.2 : plot.h >= 120 ? 0.25 : 0.5;
  if (plot.w < 40 || plot.h < 40)
    {
      draw_too_small (c);
      return;
    }
  hit_set_panels (c, 1, &plot, FALSE);
  if (c->hit != NULL)
    {
      c->hit->n_order = n;
      memcpy (c->hit->order, order, n * sizeof (guint));
    }

  draw_axis_title (c, plot, labels_w, portfolio ? _("Share of spending")
                                                : _("Share of supply"));
  draw_y_axis (c, plot, &t, NUM_PERCENT);

  /* Bands from the bottom up, each as its top edge forward and the
   * previous top edge back. */
  for (guint k = 0; k < n; k++)
    {
      const double *row = mix_row (c->proj, c->item, order[k]);
      double rgba[4];

      for (guint y = 0; y < ny; y++)
        upper[y] = MIN (1, lower[y] + row[y]);
      line_path (cr, plot, &t, upper, ny, FALSE);
      for (guint y = ny; y-- > 0;)
        cairo_line_to (cr, year_x (plot, y, ny, FALSE), map_y (&t, plot, lower[y]));
      cairo_close_path (cr);
      country_rgba (order[k], rgba);
      source (cr, rgba, 1);
      cairo_fill (cr);
      memcpy (lower, upper, ny * sizeof (double));
    }

  /* Thin separators in the background colour keep neighbours apart. */
  memset (lower, 0, sizeof lower);
  for (guint k = 0; k + 1 < n; k++)
    {
      const double *row = mix_row (c->proj, c->item, order[k]);

      for (guint y = 0; y < ny; y++)
        lower[y] += row[y];
      stroke_series (c, plot, &t, lower, FALSE, c->d->bg, 0.9, 1);
    }

  /* The baseline's band edges as a faint solid outline (the thresholds
   * are the dashed lines). */
  if (show_base)
    for (guint k = 0; k + 1 < n; k++)
      {
        const double *row = mix_row (c->base, c->item, order[k]);

        for (guint y = 0; y < ny; y++)
          base_cum[y] += row[y];
        cairo_save (cr);
        line_path (cr, plot, &t, base_cum, ny, FALSE);
        cairo_set_line_width (cr, 3);
        source (cr, c->d->bg, 0.3);
        cairo_stroke_preserve (cr);
        cairo_set_line_width (cr, 1);
        source (cr, c->d->fg, 0.7);
        cairo_stroke (cr);
        cairo_restore (cr);
      }

  /* Alert thresholds on one country's share: items only, as the
   * portfolio's spend share raises no alert. A label that would sit on
   * another (thresholds close together) moves left of it. */
  if (!portfolio)
    {
      const char *levels[3] = {
        /* Translators: alert thresholds, as in "Watch 50 %" */
        C_("threshold", "Watch"), C_("threshold", "Warning"), C_("threshold", "Critical")
      };
      Rect placed[3];

      /* Lines first, so no line crosses a label. */
      for (guint k = 0; k < 3; k++)
        reference_stroke (c, plot, map_y (&t, plot, c->meta->threshold[k]));
      for (guint k = 0; k < 3; k++)
        {
          double y = round (map_y (&t, plot, c->meta->threshold[k]));
          g_autofree char *percent = format_share (c->meta->threshold[k]);
          /* Translators: a threshold line's label, "Watch 50 %" */
          g_autofree char *label = g_strdup_printf (C_("threshold line", "%s %s"),
                                                    levels[k], percent);
          double w = text_width (c, FONT_SMALL, label) + 6, h = font_height (c, FONT_SMALL);
          double right = plot.x + plot.w - 6;

          for (guint j = 0; j < k; j++)
            if (y - 3 - h < placed[j].y + placed[j].h && y - 3 > placed[j].y
                && right - w < placed[j].x + placed[j].w)
              right = MIN (right, placed[j].x - 6);
          text_draw_on_patch (c, FONT_SMALL, label, right, y - 3, 1, 1, &placed[k]);
        }
    }

  draw_zero_line (c, plot, &t);
  draw_year_axis (c, plot, FALSE, TRUE);
}

/* ------------------------------------------------------------------ */
/* cost: total cost against the baseline, and the premium's parts     */
/* ------------------------------------------------------------------ */

static void
chart_cost (Ctx *c)
{
  cairo_t *cr = c->cr;
  guint ny = c->ny;
  double total[SS_MAX_HORIZON + 1], total_b[SS_MAX_HORIZON + 1];
  double purchase[SS_MAX_HORIZON + 1], firms[SS_MAX_HORIZON + 1], subsidy[SS_MAX_HORIZON + 1];
  double premium[SS_MAX_HORIZON + 1];
  double hi_total = 0, lo_prem = 0, hi_prem = 0;
  double grey[4], accent_fill[4];
  g_autoptr(GArray) legend = legend_new ();
  g_autofree char *subtitle = subtitle_for (c, TRUE, TRUE);
  g_autofree char *unit = money_unit (c);
  g_autofree char *title_a = NULL, *title_b = NULL;
  double labels_w, gap, top_h, avail;
  Rect plots[2];
  Ticks ta, tb;
  gboolean any_premium = FALSE;

  for (guint t = 0; t < ny; t++)
    {
      double sw = series_at (c->study, c->proj, c->item, SERIES_SWITCHING, t);
      double sub = series_at (c->study, c->proj, c->item, SERIES_SUBSIDY, t);
      double sw_b = series_at (c->study, c->base, c->item, SERIES_SWITCHING, t);
      double sub_b = series_at (c->study, c->base, c->item, SERIES_SUBSIDY, t);

      total[t] = series_at (c->study, c->proj, c->item, SERIES_TOTAL, t);
      total_b[t] = series_at (c->study, c->base, c->item, SERIES_TOTAL, t);
      premium[t] = total[t] - total_b[t];
      firms[t] = (sw - sub) - (sw_b - sub_b);
      subsidy[t] = sub - sub_b;
      purchase[t] = premium[t] - firms[t];
      hi_total = MAX (hi_total, MAX (total[t], total_b[t]));
      /* Positive parts stack up from 0 and negative ones down. */
      hi_prem = MAX (hi_prem, MAX (purchase[t], 0) + MAX (firms[t], 0) + MAX (subsidy[t], 0));
      lo_prem = MIN (lo_prem, MIN (purchase[t], 0) + MIN (firms[t], 0) + MIN (subsidy[t], 0));
      hi_prem = MAX (hi_prem, premium[t]);
      lo_prem = MIN (lo_prem, premium[t]);
      any_premium |= fabs (premium[t]) > 1e-9 || fabs (subsidy[t]) > 1e-9;
    }

  frame_header (c, _("Cost to firms"), subtitle);
  neutral_rgba (c, grey);
  memcpy (accent_fill, c->d->accent, sizeof accent_fill);

  legend_add (legend, SWATCH_LINE, c->d->accent, scenario_name (c->study, c->scenario));
  if (c->scenario != SS_BASELINE)
    legend_add (legend, SWATCH_FAINT, grey, _("Baseline"));
  legend_add (legend, SWATCH_AREA, grey, _("Purchase cost difference"));
  legend_add (legend, SWATCH_AREA, accent_fill, _("Switching cost paid by firms"));
  legend_add (legend, SWATCH_HATCH, accent_fill, _("Switching cost paid by the subsidy"));
  legend_add (legend, SWATCH_DOTTED_LINE, c->d->fg, _("Net premium to firms"));
  frame_legend (c, legend, axis_title_height (c));

  gap = 24 + axis_title_height (c);
  avail = c->area.h - axis_title_height (c) - year_axis_height (c, TRUE) - gap;
  top_h = avail * 0.45;
  ta = nice_ticks (0, hi_total, max_ticks_for (top_h, 40));
  tb = nice_ticks (lo_prem, hi_prem, max_ticks_for (avail - top_h, 40));
  labels_w = MAX (y_labels_width (c, &ta, NUM_PLAIN), y_labels_width (c, &tb, NUM_PLAIN));
  plots[0] = (Rect) { c->area.x + labels_w, c->area.y + axis_title_height (c),
                      c->area.w - labels_w - 4, top_h };
  plots[1] = plots[0];
  plots[1].y = plots[0].y + plots[0].h + gap;
  plots[1].h = avail - top_h;
  if (plots[0].w < 60 || plots[0].h < 30 || plots[1].h < 30)
    {
      draw_too_small (c);
      return;
    }
  hit_set_panels (c, 2, plots, TRUE);

  /* Translators: %s is the unit, "million USD" */
  title_a = g_strdup_printf (_("Total cost to firms (%s)"), unit);
  /* Translators: %s is the unit, "million USD" */
  title_b = g_strdup_printf (_("Cost premium over the baseline (%s)"), unit);

  draw_axis_title (c, plots[0], labels_w, title_a);
  draw_y_axis (c, plots[0], &ta, NUM_PLAIN);
  if (c->scenario != SS_BASELINE)
    stroke_series (c, plots[0], &ta, total_b, TRUE, grey, 0.8, 1.5);
  stroke_series (c, plots[0], &ta, total, TRUE, c->d->accent, 1, 2.5);
  draw_zero_line (c, plots[0], &ta);

  draw_axis_title (c, plots[1], labels_w, title_b);
  if (any_premium)
    draw_y_axis (c, plots[1], &tb, NUM_PLAIN);
  else
    text_draw (c, FONT_TICK, "0", plots[1].x - 8, plots[1].y + plots[1].h, 1, 0.5, c->d->fg, 0.72);
  for (guint t = 0; t < ny; t++)
    {
      double slot = plots[1].w / ny, bar = MIN (slot * 0.62, 48);
      double x = year_x (plots[1], t, ny, TRUE) - bar / 2;
      double up = 0, down = 0;
      const double *parts[3] = { &purchase[t], &firms[t], &subsidy[t] };

      for (guint k = 0; k < 3; k++)
        {
          double v = *parts[k], from = v >= 0 ? up : down, to = from + v;
          double y0 = map_y (&tb, plots[1], from), y1 = map_y (&tb, plots[1], to);
          Rect r = { x, MIN (y0, y1), bar, fabs (y1 - y0) };

          if (fabs (v) < 1e-12)
            continue;
          if (v >= 0)
            up = to;
          else
            down = to;
          cairo_rectangle (cr, r.x, r.y, r.w, r.h);
          if (k == 0)
            source (cr, grey, 1);
          else if (k == 1)
            source (cr, accent_fill, 1);
          else
            source (cr, accent_fill, 0.3);
          cairo_fill (cr);
          if (k == 2)
            hatch (cr, r, accent_fill);
        }
    }
  draw_zero_line (c, plots[1], &tb);
  if (any_premium)
    {
      stroke_series (c, plots[1], &tb, premium, TRUE, c->d->bg, 0.8, 4);
      stroke_series (c, plots[1], &tb, premium, TRUE, c->d->fg, 1, 2);
      for (guint t = 0; t < ny; t++)
        {
          cairo_arc (cr, year_x (plots[1], t, ny, TRUE), map_y (&tb, plots[1], premium[t]),
                     3.5, 0, 2 * G_PI);
          source (cr, c->d->bg, 1);
          cairo_fill_preserve (cr);
          cairo_set_line_width (cr, 2);
          source (cr, c->d->fg, 1);
          cairo_stroke (cr);
        }
    }
  else
    draw_message (c, (Rect) { plots[1].x, plots[1].y, plots[1].w, plots[1].h / 2 },
                  c->scenario == SS_BASELINE ? _("The baseline has no premium over itself")
                                             : _("No premium over the baseline"));
  draw_year_axis (c, plots[1], TRUE, TRUE);
}

/* ------------------------------------------------------------------ */
/* risk: HHI, supply risk and expected shortfall impact               */
/* ------------------------------------------------------------------ */

static void
chart_risk (Ctx *c)
{
  static const Series series[3] = { SERIES_HHI, SERIES_RISK, SERIES_IMPACT };
  guint ny = c->ny;
  double values[3][SS_MAX_HORIZON + 1], base[3][SS_MAX_HORIZON + 1];
  double grey[4];
  Ticks ticks[3];
  Rect plots[3];
  g_autoptr(GArray) legend = legend_new ();
  g_autofree char *subtitle = subtitle_for (c, TRUE, TRUE);
  g_autofree char *unit = money_unit (c);
  g_autofree char *impact_title = NULL;
  const char *titles[3];
  double labels_w = 0, gap, panel_h, top;

  for (guint k = 0; k < 3; k++)
    for (guint t = 0; t < ny; t++)
      {
        values[k][t] = series_at (c->study, c->proj, c->item, series[k], t);
        base[k][t] = series_at (c->study, c->base, c->item, series[k], t);
      }

  frame_header (c, _("Concentration, supply risk and shortfall"), subtitle);
  neutral_rgba (c, grey);
  legend_add (legend, SWATCH_LINE, c->d->accent, scenario_name (c->study, c->scenario));
  if (c->scenario != SS_BASELINE)
    legend_add (legend, SWATCH_FAINT, grey, _("Baseline"));
  frame_legend_top (c, legend, _("Concentration, supply risk and shortfall"));

  /* Translators: title of a small chart; HHI is the Herfindahl–Hirschman index */
  titles[0] = _("Concentration (HHI, 0–10 000)");
  /* Translators: title of a small chart; SR is the EU supply-risk score */
  titles[1] = _("Supply risk (SR)");
  /* Translators: %s is the unit, "million USD" */
  impact_title = g_strdup_printf (_("Expected shortfall impact (%s)"), unit);
  titles[2] = impact_title;

  gap = 24 + axis_title_height (c);
  panel_h = (c->area.h - axis_title_height (c) - year_axis_height (c, TRUE) - 2 * gap) / 3;
  if (panel_h < 24)
    {
      draw_too_small (c);
      return;
    }
  for (guint k = 0; k < 3; k++)
    {
      double hi = 0;

      for (guint t = 0; t < ny; t++)
        hi = MAX (hi, MAX (values[k][t], base[k][t]));
      if (k == 0)
        hi = MAX (hi, 1000);
      else if (k == 1)
        hi = MAX (hi, 1.2);            /* the SR = 1 line always shows */
      ticks[k] = nice_ticks (0, hi, max_ticks_for (panel_h, 30));
      labels_w = MAX (labels_w, y_labels_width (c, &ticks[k], NUM_PLAIN));
    }
  top = c->area.y + axis_title_height (c);
  for (guint k = 0; k < 3; k++)
    plots[k] = (Rect) { c->area.x + labels_w, top + k * (panel_h + gap),
                        c->area.w - labels_w - 16, panel_h };
  if (plots[0].w < 60)
    {
      draw_too_small (c);
      return;
    }
  hit_set_panels (c, 3, plots, FALSE);

  for (guint k = 0; k < 3; k++)
    {
      draw_axis_title (c, plots[k], labels_w, titles[k]);
      draw_y_axis (c, plots[k], &ticks[k], NUM_PLAIN);
      if (k == 1)
        /* Translators: the reference line of the supply-risk chart */
        reference_line (c, plots[k], map_y (&ticks[k], plots[k], 1), _("Critical (SR = 1)"),
                        plots[k].x + plots[k].w - 6, NULL);
      if (c->scenario != SS_BASELINE)
        stroke_series (c, plots[k], &ticks[k], base[k], FALSE, grey, 0.8, 1.5);
      stroke_series (c, plots[k], &ticks[k], values[k], FALSE, c->d->accent, 1, 2.5);
      draw_zero_line (c, plots[k], &ticks[k]);
    }
  draw_year_axis (c, plots[2], FALSE, TRUE);
}

/* ------------------------------------------------------------------ */
/* frontier: the item's cost–risk frontier                             */
/* ------------------------------------------------------------------ */

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

/* Costs and risks all at base-year prices under the scenario's country
 * values, so the baseline mix, the target and the path sit on the same
 * axes as the frontier. */
static gboolean
frontier_compute (Ctx      *c,
                  Frontier *f)
{
  SsItem *item = ss_study_get_item (c->study, c->item);
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
  f->base_cost = ss_optimiser_cost (c->study, c->scenario, c->item, f->base);
  f->base_risk = ss_optimiser_risk (c->study, c->scenario, c->item, f->base);
  f->target_cost = ss_optimiser_cost (c->study, c->scenario, c->item, f->target);
  f->target_risk = ss_optimiser_risk (c->study, c->scenario, c->item, f->target);
  f->reached = -1;
  for (guint t = 0; t < c->ny; t++)
    {
      double shares[SS_MAX_COUNTRIES];
      double gap = 0;

      for (guint k = 0; k < c->nc; k++)
        {
          shares[k] = mix_row (c->proj, c->item, k)[t];
          gap = MAX (gap, fabs (shares[k] - f->target[k]));
        }
      f->path_cost[t] = ss_optimiser_cost (c->study, c->scenario, c->item, shares);
      f->path_risk[t] = ss_optimiser_risk (c->study, c->scenario, c->item, shares);
      if (f->reached < 0 && gap < 1e-6)
        f->reached = t;
    }
  return TRUE;
}

static void
hit_add_point (Ctx          *c,
               double        x,
               double        y,
               int           kind,
               int           index,
               double        cost,
               double        risk,
               const double *shares)
{
  HitPoint p = { x, y, kind, index, cost, risk, { 0 } };

  if (c->hit == NULL)
    return;
  memcpy (p.shares, shares, c->nc * sizeof (double));
  g_array_append_val (c->hit->points, p);
}

static void
chart_frontier (Ctx *c)
{
  cairo_t *cr = c->cr;
  SsItem *item = ss_study_get_item (c->study, c->item);
  g_autoptr(GArray) legend = legend_new ();
  g_autofree char *subtitle = NULL;
  g_auto(Frontier) f = { 0 };
  double grey[4], lo_x = INFINITY, hi_x = -INFINITY, hi_y = 1.2, labels_w, x_axis_h;
  gboolean show_scenario = c->scenario != SS_BASELINE;
  Ticks tx, ty;
  Rect plot;

  {
    /* Translators: subtitle of the frontier chart: scenario · item · prices */
    g_autofree char *base = subtitle_for (c, TRUE, FALSE);
    g_autofree char *prices = g_strdup_printf (_("%d prices"), c->meta->base_year);

    subtitle = g_strconcat (base, " · ", prices, NULL);
  }
  frame_header (c, _("Cost–risk frontier"), subtitle);
  neutral_rgba (c, grey);

  if (!frontier_compute (c, &f))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (f.error, SS_OPTIMISER_ERROR, SS_OPTIMISER_ERROR_INFEASIBLE))
        /* Translators: %s is an item name */
        {
          g_autofree char *name = isolate (item->name);

          message = g_strdup_printf (_("%s has no feasible mix: its capacities add up to "
                                       "less than 100 %%"), name);
        }
      else
        message = g_strdup (f.error != NULL ? f.error->message : "");
      draw_message (c, c->area, message);
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

  legend_add (legend, SWATCH_LINE, c->d->fg, _("Frontier: least risk for the cost"));
  legend_add (legend, SWATCH_CIRCLE, grey, _("Baseline mix"));
  if (show_scenario)
    {
      legend_add (legend, SWATCH_DIAMOND, c->d->accent, _("Target mix"));
      legend_add (legend, SWATCH_PATH, c->d->accent, _("Mix of each year of the path"));
    }
  frame_legend (c, legend, axis_title_height (c));

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

  x_axis_h = 6 + font_height (c, FONT_TICK) + 4 + font_height (c, FONT_LABEL);
  ty = nice_ticks (0, hi_y * 1.05,
                   max_ticks_for (c->area.h - x_axis_h - axis_title_height (c), 48));
  labels_w = y_labels_width (c, &ty, NUM_PLAIN);
  plot = (Rect) { c->area.x + labels_w, c->area.y + axis_title_height (c),
                  c->area.w - labels_w - 12, 0 };
  plot.h = c->area.y + c->area.h - x_axis_h - plot.y;
  if (plot.w < 60 || plot.h < 40)
    {
      draw_too_small (c);
      return;
    }
  tx = nice_ticks (lo_x, hi_x, max_ticks_for (plot.w, 90));
  hit_set_panels (c, 1, &plot, FALSE);

  /* Translators: the y axis of the frontier chart */
  draw_axis_title (c, plot, labels_w, _("Supply risk (SR)"));
  draw_y_axis (c, plot, &ty, NUM_PLAIN);
  for (guint k = 0; k < ticks_count (&tx); k++)
    {
      double v = tick_value (&tx, k), x = round (map_x (&tx, plot, v)) + 0.5;
      g_autofree char *label = format_tick (NUM_PLAIN, &tx, v);

      cairo_move_to (cr, x, plot.y);
      cairo_line_to (cr, x, plot.y + plot.h);
      cairo_set_line_width (cr, 1);
      source (cr, c->d->fg, grid_alpha (c));
      cairo_stroke (cr);
      text_draw (c, FONT_TICK, label, x, plot.y + plot.h + 6, 0.5, 0, c->d->fg, 0.72);
    }
  /* Translators: the x axis of the frontier chart; China's base-year cost is 1.00 */
  text_draw (c, FONT_LABEL, _("Landed unit cost index (China = 1.00)"), plot.x + plot.w / 2,
             plot.y + plot.h + 6 + font_height (c, FONT_TICK) + 4, 0.5, 0, c->d->fg, 0.9);

  cairo_save (cr);
  cairo_rectangle (cr, plot.x, plot.y, plot.w, plot.h);
  cairo_clip (cr);

  reference_line (c, plot, map_y (&ty, plot, 1), _("Critical (SR = 1)"), plot.x + plot.w - 6, NULL);

  /* The frontier. */
  for (guint k = 0; k < f.frontier->len; k++)
    {
      const SsMix *m = &g_array_index (f.frontier, SsMix, k);
      double x = map_x (&tx, plot, m->cost), y = map_y (&ty, plot, m->risk);

      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      hit_add_point (c, x, y, POINT_FRONTIER, k, m->cost, m->risk, m->shares);
    }
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  source (cr, c->d->fg, 0.85);
  cairo_stroke (cr);

  /* The path, year by year. */
  if (show_scenario)
    {
      for (guint t = 0; t < c->ny; t++)
        {
          double x = map_x (&tx, plot, f.path_cost[t]), y = map_y (&ty, plot, f.path_risk[t]);

          if (t == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_set_line_width (cr, 1.25);
      source (cr, c->d->accent, 0.7);
      cairo_stroke (cr);
      for (guint t = 0; t < c->ny; t++)
        {
          double x = map_x (&tx, plot, f.path_cost[t]), y = map_y (&ty, plot, f.path_risk[t]);
          double shares[SS_MAX_COUNTRIES];

          for (guint k = 0; k < c->nc; k++)
            shares[k] = mix_row (c->proj, c->item, k)[t];
          cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
          source (cr, c->d->accent, 1);
          cairo_fill (cr);
          hit_add_point (c, x, y, POINT_PATH, t, f.path_cost[t], f.path_risk[t], shares);
        }
    }

  /* The two ends of the frontier, named, where there is room. */
  if (plot.h >= 160 && plot.w >= 300)
    {
      const SsMix *first = &g_array_index (f.frontier, SsMix, 0);
      const SsMix *last = &g_array_index (f.frontier, SsMix, f.frontier->len - 1);

      text_draw (c, FONT_SMALL, _("Cheapest mix"), map_x (&tx, plot, first->cost) + 6,
                 map_y (&ty, plot, first->risk) - 4, 0, 1, c->d->fg, 0.7);
      text_draw (c, FONT_SMALL, _("Least-risk mix"), map_x (&tx, plot, last->cost) - 6,
                 map_y (&ty, plot, last->risk) + 6, 1, 0, c->d->fg, 0.7);
    }

  /* The baseline mix and the target, on top. */
  {
    double bx = map_x (&tx, plot, f.base_cost), by = map_y (&ty, plot, f.base_risk);
    double tx_ = map_x (&tx, plot, f.target_cost), ty_ = map_y (&ty, plot, f.target_risk);
    g_autofree char *base_label = NULL;

    cairo_arc (cr, bx, by, 6, 0, 2 * G_PI);
    source (cr, c->d->bg, 1);
    cairo_fill_preserve (cr);
    cairo_set_line_width (cr, 2.5);
    source (cr, grey, 1);
    cairo_stroke (cr);
    hit_add_point (c, bx, by, POINT_BASELINE, 0, f.base_cost, f.base_risk, f.base);
    if (show_scenario || c->scenario == SS_BASELINE)
      /* Translators: label of the baseline mix on the frontier chart; %d is the base year */
      base_label = g_strdup_printf (_("Baseline, %d"), c->meta->base_year);
    else
      /* Translators: label of the baseline mix on the frontier chart when the
       * scenario keeps it; %d is the base year */
      base_label = g_strdup_printf (_("Baseline, %d, kept by the scenario"), c->meta->base_year);
    text_draw_on_patch (c, FONT_SMALL, base_label, bx + 10, by - 4, 0, 1, NULL);

    if (show_scenario)
      {
        g_autofree char *target_label = NULL;
        int final_year = c->meta->base_year + (int)c->ny - 1;

        diamond (cr, tx_, ty_, 7);
        source (cr, c->d->accent, 1);
        cairo_fill_preserve (cr);
        cairo_set_line_width (cr, 1.5);
        source (cr, c->d->bg, 1);
        cairo_stroke (cr);
        hit_add_point (c, tx_, ty_, POINT_TARGET, 0, f.target_cost, f.target_risk, f.target);
        if (f.reached >= 0)
          /* Translators: label of the target mix on the frontier chart; %d is
           * the year it is reached */
          target_label = g_strdup_printf (_("Target, reached in %d"),
                                          c->meta->base_year + f.reached);
        else
          {
            double lx = map_x (&tx, plot, f.path_cost[c->ny - 1]);
            double ly = map_y (&ty, plot, f.path_risk[c->ny - 1]);
            g_autofree char *year = g_strdup_printf ("%d", final_year);

            /* Translators: label of the target mix when ramps keep the path from reaching it */
            target_label = g_strdup (_("Target, not reached"));
            text_draw_on_patch (c, FONT_SMALL, year, lx + 8, ly + 4, 0, 0, NULL);
          }
        text_draw_on_patch (c, FONT_SMALL, target_label, tx_ + 10, ty_ + 4, 0, 0, NULL);
      }
  }

  cairo_restore (cr);
  draw_zero_line (c, plot, &ty);
}

/* ------------------------------------------------------------------ */
/* heatmap: items × countries in one year                              */
/* ------------------------------------------------------------------ */

/* A sequential blue scale (ColorBrewer "Blues" in the light style; in the
 * dark style it runs from the background to a pale blue, so high shares
 * stand out in both). */
static void
heat_color (const Ctx *c,
            double     v,
            double     out[4])
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
  set_rgba (a, stops[k], 1);
  set_rgba (b, stops[k + 1], 1);
  for (guint j = 0; j < 3; j++)
    out[j] = a[j] + (b[j] - a[j]) * f;
  out[3] = 1;
}

static const char *
alert_word (SsAlertLevel level)
{
  switch (level)
    {
    /* Translators: alert levels, shown as a badge per item */
    case SS_ALERT_CRITICAL: return C_("alert level", "Critical");
    case SS_ALERT_WARNING: return C_("alert level", "Warning");
    case SS_ALERT_WATCH: return C_("alert level", "Watch");
    case SS_ALERT_NONE:
    default: return C_("alert level", "No alert");
    }
}

static guint
heat_year (Ctx *c)
{
  return c->d->year >= 0 && (guint)c->d->year < c->ny ? (guint)c->d->year : c->ny - 1;
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
heat_rows (Ctx    *c,
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

static void
pill (cairo_t *cr,
      Rect     r)
{
  double rad = r.h / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, r.x + r.w - rad, r.y + rad, rad, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, r.x + rad, r.y + rad, rad, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
chart_heatmap (Ctx *c)
{
  cairo_t *cr = c->cr;
  guint year = heat_year (c), nc = c->nc, ny = c->ny;
  guint n_items = ss_study_get_n_items (c->study);
  double label_w = 0, badge_w = 0, head_h, cell_w, row_h, ramp_h;
  double tick_h = font_height (c, FONT_TICK), small_h = font_height (c, FONT_SMALL);
  double label_h = font_height (c, FONT_LABEL);
  double grid_x, grid_y, avail_h;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *scenario = isolate (scenario_name (c->study, c->scenario));
  g_autoptr(GString) subtitle = g_string_new (scenario);
  g_autofree char *ramp_title = NULL;
  gboolean codes = FALSE;

  if (n_items == 0)
    {
      frame_header (c, _("Shares by item and origin"), subtitle->str);
      draw_message (c, c->area, _("The study has no items"));
      return;
    }

  /* The colour scale goes under the grid, which leaves the width to the
   * cells; the alert badges say in words what the colours say. */
  ramp_h = 18 + label_h + 4 + 10 + 4 + tick_h;
  head_h = 4 + 4 + 2 * tick_h + 6;
  avail_h = c->height - (MARGIN - 2 + header_height (c)) - MARGIN - ramp_h - head_h;
  rows = heat_rows (c, year, avail_h);

  g_string_append_printf (subtitle, " · %d", c->meta->base_year + (int)year);
  if (rows->len < n_items)
    /* Translators: the heatmap's subtitle when not every item fits; %u are numbers of items */
    g_string_append_printf (subtitle, _(" · the %u largest of %u items by cost"),
                            rows->len, n_items);
  frame_header (c, _("Shares by item and origin"), subtitle->str);

  for (guint r = 0; r < rows->len; r++)
    {
      SsItem *item = ss_study_get_item (c->study, g_array_index (rows, int, r));

      label_w = MAX (label_w, text_width (c, FONT_LABEL, item->name));
    }
  label_w = MIN (label_w, c->area.w * 0.26) + 12;
  for (SsAlertLevel l = SS_ALERT_NONE; l <= SS_ALERT_CRITICAL; l++)
    badge_w = MAX (badge_w, text_width (c, FONT_BADGE, alert_word (l)));
  badge_w += 16;

  grid_x = c->area.x + label_w;
  grid_y = c->area.y + head_h;
  cell_w = (c->area.w - label_w - 12 - badge_w) / nc;
  row_h = CLAMP (avail_h / rows->len, HEAT_MIN_ROW, HEAT_MAX_ROW);
  if (cell_w < 12 || row_h * rows->len < 8)
    {
      draw_too_small (c);
      return;
    }

  if (c->hit != NULL)
    {
      Rect grid = { grid_x, grid_y, cell_w * nc, row_h * rows->len };

      hit_set_panels (c, 1, &grid, FALSE);
      c->hit->grid = grid;
      c->hit->labels = (Rect) { c->area.x, grid_y, c->area.w, row_h * rows->len };
      c->hit->n_cols = nc;
      c->hit->row_h = row_h;
      c->hit->year = year;
      g_array_set_size (c->hit->rows, 0);
      g_array_append_vals (c->hit->rows, rows->data, rows->len);
    }

  /* Column heads: the country's colour as a strip, then its name on up to
   * two lines, or every column's code when a name does not fit. */
  for (guint k = 0; k < nc && !codes; k++)
    {
      text_set (c, FONT_TICK, ss_study_get_country (c->study, k)->name, cell_w - 8, TEXT_WRAP);
      codes = pango_layout_is_ellipsized (c->layout);
    }
  for (guint k = 0; k < nc; k++)
    {
      double rgba[4], x = grid_x + k * cell_w;
      SsCountry *country = ss_study_get_country (c->study, k);

      country_rgba (k, rgba);
      cairo_rectangle (cr, round (x + 2), c->area.y, round (cell_w - 4), 4);
      source (cr, rgba, 1);
      cairo_fill (cr);
      /* Too narrow even for codes: the colour strip alone, and the tooltip. */
      if (codes && text_width (c, FONT_TICK, country->code) > cell_w - 2)
        continue;
      if (codes)
        text_set (c, FONT_TICK, country->code, -1, TEXT_PLAIN);
      else
        text_set (c, FONT_TICK, country->name, cell_w - 4, TEXT_WRAP);
      pango_layout_set_alignment (c->layout, PANGO_ALIGN_CENTER);
      text_show (c, x + cell_w / 2, grid_y - 6, 0.5, 1, c->d->fg, 0.85);
    }
  /* Translators: the heading of the heatmap's alert column */
  text_draw (c, FONT_TICK, _("Alert"), grid_x + nc * cell_w + 12 + badge_w / 2, grid_y - 6, 0.5, 1,
             c->d->fg, 0.85);

  for (guint r = 0; r < rows->len; r++)
    {
      int i = g_array_index (rows, int, r);
      double y = grid_y + r * row_h, badge_h = MIN (row_h - 4, small_h + 4);
      SsAlertLevel level = c->proj->alert[(gsize)i * ny + year];
      Rect badge = { grid_x + nc * cell_w + 12, y + (row_h - badge_h) / 2, badge_w, badge_h };

      text_set (c, FONT_LABEL, ss_study_get_item (c->study, i)->name, label_w - 12, TEXT_ELLIPSIZE);
      text_show (c, grid_x - 12, y + row_h / 2, 1, 0.5, c->d->fg, 0.9);

      for (guint k = 0; k < nc; k++)
        {
          double v = mix_row (c->proj, i, k)[year], rgba[4];
          Rect cell = { grid_x + k * cell_w + 0.5, y + 0.5, cell_w - 1, row_h - 1 };

          heat_color (c, v, rgba);
          cairo_rectangle (cr, cell.x, cell.y, cell.w, cell.h);
          source (cr, rgba, 1);
          cairo_fill (cr);
          if (v >= 0.005 && row_h >= small_h)
            {
              g_autofree char *label = format_share (v);
              gboolean light_cell = luminance (rgba) > 0.36;
              double ink[4], w;

              set_rgba (ink, light_cell ? 0x000000 : 0xffffff, light_cell ? 0.8 : 1);
              w = text_width (c, FONT_SMALL, label);
              if (w <= cell.w - 4)
                text_draw (c, FONT_SMALL, label, cell.x + cell.w / 2, cell.y + cell.h / 2,
                           0.5, 0.5, ink, 1);
            }
        }

      if (level != SS_ALERT_NONE)
        {
          double rgba[4], ink[4];

          ssc_palette_alert_rgb (level, c->d->dark, rgba);
          rgba[3] = 1;
          pill (cr, badge);
          source (cr, rgba, 1);
          cairo_fill (cr);
          set_rgba (ink, c->d->dark ? 0x000000 : 0xffffff, c->d->dark ? 0.85 : 1);
          text_draw (c, FONT_BADGE, alert_word (level), badge.x + badge.w / 2,
                     badge.y + badge.h / 2, 0.5, 0.5, ink, 1);
        }
      else
        text_draw (c, FONT_BADGE, alert_word (level), badge.x + badge.w / 2,
                   badge.y + badge.h / 2, 0.5, 0.5, c->d->fg, 0.55);
    }

  /* The colour scale, under the grid. */
  {
    double len = MIN (cell_w * nc, 240), x = grid_x;
    double y = grid_y + row_h * rows->len + 18 + label_h + 4;
    int n_stops = len >= 200 ? 5 : 3;

    /* Translators: the colour scale's title on the heatmap */
    text_draw (c, FONT_LABEL, _("Share of the item’s supply"), x, y - 4, 0, 1, c->d->fg, 0.9);
    {
      cairo_pattern_t *ramp = cairo_pattern_create_linear (x, 0, x + len, 0);

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
    }
    for (int k = 0; k < n_stops; k++)
      {
        double v = k / (double)(n_stops - 1);
        g_autofree char *label = format_percent (v, 0);

        text_draw (c, FONT_TICK, label, x + len * v, y + 14,
                   k == 0 ? 0 : k == n_stops - 1 ? 1 : 0.5, 0, c->d->fg, 0.72);
      }
  }
}

/* ------------------------------------------------------------------ */
/* compare: every scenario on four figures                             */
/* ------------------------------------------------------------------ */

enum { METRIC_NPV, METRIC_RISK, METRIC_HHI, METRIC_IMPACT, N_METRICS };

static gboolean
compare_values (Ctx    *c,
                int     scenario,
                double  out[N_METRICS])
{
  const SsProjection *p = get_projection (c->d, scenario);
  guint last = c->ny - 1;

  if (p == NULL)
    return FALSE;
  out[METRIC_NPV] = npv_premium (c->study, p, c->base, c->item);
  out[METRIC_RISK] = series_at (c->study, p, c->item, SERIES_RISK, last);
  out[METRIC_HHI] = series_at (c->study, p, c->item, SERIES_HHI, last);
  out[METRIC_IMPACT] = series_at (c->study, p, c->item, SERIES_IMPACT, last);
  return TRUE;
}

static char *
metric_title (Ctx  *c,
              guint metric)
{
  g_autofree char *unit = money_unit (c);
  int final_year = c->meta->base_year + (int)c->ny - 1;

  switch (metric)
    {
    case METRIC_NPV:
      /* Translators: a panel of the comparison chart; NPV is the net present
       * value; %s is the unit, "million USD" */
      return g_strdup_printf (_("NPV of the cost premium (%s)"), unit);
    case METRIC_RISK:
      /* Translators: a panel of the comparison chart; %d is the final year */
      return g_strdup_printf (_("Supply risk (SR) in %d"), final_year);
    case METRIC_HHI:
      /* Translators: a panel of the comparison chart; %d is the final year */
      return g_strdup_printf (_("Concentration (HHI) in %d"), final_year);
    case METRIC_IMPACT:
    default:
      /* Translators: a panel of the comparison chart; %d is the final year, %s the unit */
      return g_strdup_printf (_("Expected shortfall impact in %d (%s)"), final_year, unit);
    }
}

static void
chart_compare (Ctx *c)
{
  cairo_t *cr = c->cr;
  guint n_rows = ss_study_get_n_scenarios (c->study) + 1;
  g_autofree double *values = g_new0 (double, n_rows * N_METRICS);
  g_autofree gboolean *present = g_new0 (gboolean, n_rows);
  g_autoptr(GArray) legend = legend_new ();
  g_autofree char *subtitle = NULL;
  double grey[4], label_w = 0, gap = c->width >= LEGEND_MIN_WIDTH ? 24 : 14;
  double panel_w, titles_h = 0, row_h, rows_y, rows_h, tick_h;
  Rect panels[N_METRICS];

  {
    GString *s = g_string_new (NULL);

    if (c->item >= 0)
      {
        SsItem *item = ss_study_get_item (c->study, c->item);
        g_autofree char *name = isolate (item->name);

        g_string_append_printf (s, "%s (%s)", name, item->code);
      }
    else
      g_string_append (s, _("All items"));
    g_string_append_printf (s, " · %d–%d", c->meta->base_year, c->meta->base_year + (int)c->ny - 1);
    subtitle = g_string_free (s, FALSE);
  }
  frame_header (c, _("Scenarios compared"), subtitle);
  neutral_rgba (c, grey);

  /* Translators: legend of the comparison chart */
  legend_add (legend, SWATCH_AREA, c->d->accent, _("Selected scenario"));
  /* Translators: legend of the comparison chart */
  legend_add (legend, SWATCH_AREA, grey, _("Other scenarios"));
  frame_legend_top (c, legend, _("Scenarios compared"));

  for (guint r = 0; r < n_rows; r++)
    {
      present[r] = compare_values (c, (int)r - 1, &values[r * N_METRICS]);
      label_w = MAX (label_w,
                     text_width (c, FONT_LABEL_BOLD, scenario_name (c->study, (int)r - 1)));
    }
  label_w = MIN (label_w, c->area.w * 0.22) + 14;
  panel_w = (c->area.w - label_w - (N_METRICS - 1) * gap) / N_METRICS;
  if (panel_w < 40)
    {
      draw_too_small (c);
      return;
    }

  for (guint m = 0; m < N_METRICS; m++)
    {
      g_autofree char *title = metric_title (c, m);
      double h;

      text_set (c, FONT_LABEL, title, panel_w, TEXT_WRAP3);
      text_extent (c, NULL, &h);
      titles_h = MAX (titles_h, h);
    }
  tick_h = font_height (c, FONT_TICK);
  rows_y = c->area.y + titles_h + 10;
  rows_h = c->area.h - titles_h - 10 - (6 + tick_h);
  row_h = MIN (64, rows_h / n_rows);
  if (row_h < font_height (c, FONT_LABEL) + 2)
    {
      draw_too_small (c);
      return;
    }
  rows_h = row_h * n_rows;

  for (guint m = 0; m < N_METRICS; m++)
    panels[m] = (Rect) { c->area.x + label_w + m * (panel_w + gap), rows_y, panel_w, rows_h };
  hit_set_panels (c, N_METRICS, panels, FALSE);
  if (c->hit != NULL)
    {
      c->hit->grid = (Rect) { c->area.x, rows_y, c->area.w, rows_h };
      c->hit->row_h = row_h;
      g_array_set_size (c->hit->rows, 0);
      for (guint r = 0; r < n_rows; r++)
        {
          int s = (int)r - 1;

          g_array_append_val (c->hit->rows, s);
        }
    }

  /* Scenario names. */
  for (guint r = 0; r < n_rows; r++)
    {
      int s = (int)r - 1;

      text_set (c, s == c->scenario ? FONT_LABEL_BOLD : FONT_LABEL, scenario_name (c->study, s),
                label_w - 14, TEXT_ELLIPSIZE);
      text_show (c, c->area.x + label_w - 14, rows_y + (r + 0.5) * row_h, 1, 0.5, c->d->fg, 0.9);
    }

  for (guint m = 0; m < N_METRICS; m++)
    {
      Rect p = panels[m];
      g_autofree char *title = metric_title (c, m);
      double lo = 0, hi = 0, pad_l = 0, pad_r = 0;
      Ticks t;
      Rect scale;

      text_set (c, FONT_LABEL, title, panel_w, TEXT_WRAP3);
      text_show (c, p.x, p.y - 10, 0, 1, c->d->fg, 0.9);

      for (guint r = 0; r < n_rows; r++)
        if (present[r])
          {
            double v = values[r * N_METRICS + m];
            g_autofree char *label = format_value (v);
            double w = text_width (c, FONT_TICK, label) + 6;

            lo = MIN (lo, v), hi = MAX (hi, v);
            if (v >= 0)
              pad_r = MAX (pad_r, w);
            else
              pad_l = MAX (pad_l, w);
          }
      t = nice_ticks (lo, hi, max_ticks_for (p.w - pad_l - pad_r, 70));
      if (lo >= 0)
        t.lo = 0;
      scale = (Rect) { p.x + pad_l, p.y, p.w - pad_l - pad_r, p.h };
      if (scale.w < 10)
        continue;

      /* Vertical gridlines and their labels under the panel. */
      for (guint k = 0; k < ticks_count (&t); k++)
        {
          double v = tick_value (&t, k), x = round (map_x (&t, scale, v)) + 0.5;
          g_autofree char *label = format_tick (NUM_PLAIN, &t, v);

          cairo_move_to (cr, x, p.y);
          cairo_line_to (cr, x, p.y + p.h);
          cairo_set_line_width (cr, 1);
          source (cr, c->d->fg, v == 0 ? 0.5 : grid_alpha (c));
          cairo_stroke (cr);
          /* The outer labels only when they do not crowd. */
          if (k == 0 || k + 1 == ticks_count (&t) || ticks_count (&t) <= 4 || k % 2 == 0)
            text_draw (c, FONT_TICK, label, x, p.y + p.h + 6, 0.5, 0, c->d->fg, 0.72);
        }

      for (guint r = 0; r < n_rows; r++)
        {
          int s = (int)r - 1;
          double y = p.y + r * row_h, bar_h = MIN (row_h * 0.6, 24);
          double v = values[r * N_METRICS + m], x0 = map_x (&t, scale, 0), x1;
          g_autofree char *label = NULL;

          if (!present[r])
            {
              text_draw (c, FONT_TICK, "—", x0 + 4, y + row_h / 2, 0, 0.5, c->d->fg, 0.5);
              continue;
            }
          x1 = map_x (&t, scale, v);
          cairo_rectangle (cr, MIN (x0, x1), y + (row_h - bar_h) / 2,
                           MAX (fabs (x1 - x0), 1), bar_h);
          source (cr, s == c->scenario ? c->d->accent : grey, 1);
          cairo_fill (cr);
          label = format_value (v);
          text_draw (c, FONT_TICK, label, v >= 0 ? MAX (x0, x1) + 4 : MIN (x0, x1) - 4,
                     y + row_h / 2, v >= 0 ? 0 : 1, 0.5, c->d->fg, 0.9);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Entry points                                                        */
/* ------------------------------------------------------------------ */

static const char *
chart_title (SscChartKind kind,
             gboolean    portfolio)
{
  switch (kind)
    {
    case SSC_CHART_MIX:
      return portfolio ? _("Spending by origin") : _("Supply by origin");
    case SSC_CHART_COST:
      return _("Cost to firms");
    case SSC_CHART_RISK:
      return _("Concentration, supply risk and shortfall");
    case SSC_CHART_FRONTIER:
      return _("Cost–risk frontier");
    case SSC_CHART_HEATMAP:
      return _("Shares by item and origin");
    case SSC_CHART_COMPARE:
      return _("Scenarios compared");
    case SSC_N_CHARTS:
    default:
      g_return_val_if_reached ("");
    }
}

char *
ssc_chart_title (SscChartKind        kind,
                const SscChartData *data)
{
  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  return g_strdup (chart_title (kind, data->item < 0 || data->study == NULL
                                      || (guint)data->item >= ss_study_get_n_items (data->study)));
}

static void
hit_reset (SscChartHit  *hit,
           SscChartKind  kind)
{
  hit->kind = kind;
  hit->valid = FALSE;
  hit->n_panels = 0;
  hit->n_order = 0;
  hit->n_cols = 0;
  g_array_set_size (hit->rows, 0);
  g_array_set_size (hit->points, 0);
}

void
ssc_chart_render (SscChartKind        kind,
                 const SscChartData *data,
                 cairo_t           *cr,
                 double             width,
                 double             height,
                 SscChartHit        *hit)
{
  Ctx c;

  g_return_if_fail (kind < SSC_N_CHARTS);
  g_return_if_fail (data != NULL);
  g_return_if_fail (cr != NULL);

  if (hit != NULL)
    hit_reset (hit, kind);
  if (width < 1 || height < 1)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (data->fill_background)
    {
      source (cr, data->bg, 1);
      cairo_paint (cr);
    }

  ctx_init (&c, data, cr, width, height, hit);
  if (!ctx_bind (&c, kind))
    {
      frame_header (&c, chart_title (kind, TRUE), "");
      draw_message (&c, c.area, kind == SSC_CHART_FRONTIER && c.proj != NULL
                                ? _("The frontier needs an item; the study has none")
                                : _("Nothing to show yet"));
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
      switch (kind)
        {
        case SSC_CHART_MIX: chart_mix (&c); break;
        case SSC_CHART_COST: chart_cost (&c); break;
        case SSC_CHART_RISK: chart_risk (&c); break;
        case SSC_CHART_FRONTIER: chart_frontier (&c); break;
        case SSC_CHART_HEATMAP: chart_heatmap (&c); break;
        case SSC_CHART_COMPARE: chart_compare (&c); break;
        case SSC_N_CHARTS:
        default: g_assert_not_reached ();
        }
    }
  ctx_clear (&c);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Hover                                                               */
/* ------------------------------------------------------------------ */

SscChartHit *
ssc_chart_hit_new (void)
{
  SscChartHit *hit = g_new0 (SscChartHit, 1);

  hit->rows = g_array_new (FALSE, FALSE, sizeof (int));
  hit->points = g_array_new (FALSE, FALSE, sizeof (HitPoint));
  return hit;
}

void
ssc_chart_hit_free (SscChartHit *hit)
{
  if (hit == NULL)
    return;
  g_array_unref (hit->rows);
  g_array_unref (hit->points);
  g_free (hit);
}

static gboolean
in_rect (Rect   r,
         double x,
         double y)
{
  return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

/* The year under the pointer on a time chart: anywhere over the panels'
 * column, snapped to the nearest year. */
static gboolean
hit_year (const SscChartHit *hit,
          double            x,
          double            y,
          guint            *year)
{
  Rect first = hit->panels[0], last = hit->panels[hit->n_panels - 1];
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

static int
hit_row (const SscChartHit *hit,
         Rect              band,
         double            x,
         double            y)
{
  int r;

  if (!in_rect (band, x, y) || hit->row_h <= 0)
    return -1;
  r = (int)floor ((y - band.y) / hit->row_h);
  return r >= 0 && (guint)r < hit->rows->len ? r : -1;
}

static const HitPoint *
hit_point (const SscChartHit *hit,
           double            x,
           double            y)
{
  const HitPoint *best = NULL;
  double best_d = 16 * 16;

  /* Markers win over the frontier line they sit on. */
  for (guint k = 0; k < hit->points->len; k++)
    {
      const HitPoint *p = &g_array_index (hit->points, HitPoint, k);
      double d = (p->x - x) * (p->x - x) + (p->y - y) * (p->y - y);

      if (p->kind != POINT_FRONTIER)
        d *= 0.5;
      if (d < best_d)
        best = p, best_d = d;
    }
  return best;
}

void
ssc_chart_render_hover (const SscChartHit  *hit,
                       const SscChartData *data,
                       cairo_t           *cr,
                       double             x,
                       double             y)
{
  guint year;
  int row;

  g_return_if_fail (hit != NULL);
  g_return_if_fail (data != NULL);

  if (!hit->valid)
    return;
  cairo_save (cr);
  switch (hit->kind)
    {
    case SSC_CHART_MIX:
    case SSC_CHART_COST:
    case SSC_CHART_RISK:
      if (hit_year (hit, x, y, &year))
        for (guint k = 0; k < hit->n_panels; k++)
          {
            Rect p = hit->panels[k];

            if (hit->slots)
              {
                cairo_rectangle (cr, p.x + p.w * year / hit->n_years, p.y, p.w / hit->n_years, p.h);
                source (cr, data->fg, 0.08);
                cairo_fill (cr);
              }
            else
              {
                double px = round (year_x (p, year, hit->n_years, FALSE)) + 0.5;

                cairo_move_to (cr, px, p.y);
                cairo_line_to (cr, px, p.y + p.h);
                cairo_set_line_width (cr, 1);
                source (cr, data->fg, 0.6);
                cairo_stroke (cr);
              }
          }
      break;

    case SSC_CHART_HEATMAP:
      if ((row = hit_row (hit, hit->labels, x, y)) >= 0)
        {
          Rect band = hit->labels;

          cairo_rectangle (cr, band.x, band.y + row * hit->row_h, band.w, hit->row_h);
          source (cr, data->fg, 0.06);
          cairo_fill (cr);
          if (in_rect (hit->grid, x, y))
            {
              guint col = (guint)floor ((x - hit->grid.x) / (hit->grid.w / hit->n_cols));

              cairo_rectangle (cr, hit->grid.x + col * hit->grid.w / hit->n_cols + 1,
                               hit->grid.y + row * hit->row_h + 1,
                               hit->grid.w / hit->n_cols - 2, hit->row_h - 2);
              cairo_set_line_width (cr, 2);
              source (cr, data->fg, 1);
              cairo_stroke (cr);
            }
        }
      break;

    case SSC_CHART_FRONTIER:
      {
        const HitPoint *p = hit_point (hit, x, y);

        if (p != NULL)
          {
            cairo_arc (cr, p->x, p->y, 9, 0, 2 * G_PI);
            cairo_set_line_width (cr, 2);
            source (cr, data->fg, 0.8);
            cairo_stroke (cr);
          }
      }
      break;

    case SSC_CHART_COMPARE:
      if ((row = hit_row (hit, hit->grid, x, y)) >= 0)
        {
          cairo_rectangle (cr, hit->grid.x, hit->grid.y + row * hit->row_h,
                           hit->grid.w, hit->row_h);
          source (cr, data->fg, 0.07);
          cairo_fill (cr);
        }
      break;

    case SSC_N_CHARTS:
    default:
      break;
    }
  cairo_restore (cr);
}

static void
append_swatch (GString      *s,
               const double  rgb[3])
{
  g_string_append_printf (s, "<span foreground=\"#%02x%02x%02x\">■</span> ",
                          (int)round (rgb[0] * 255), (int)round (rgb[1] * 255),
                          (int)round (rgb[2] * 255));
}

/* "label: value (baseline value)" as tooltip markup. */
static char *
pair_markup (const char *label,
             const char *value,
             const char *base_value)
{
  if (base_value != NULL)
    /* Translators: a tooltip line, "Supply risk: 2.19 (baseline 3.82)" */
    return g_markup_printf_escaped (_("%s: %s (baseline %s)"), label, value, base_value);
  /* Translators: a tooltip line, "Supply risk: 2.19" */
  return g_markup_printf_escaped (_("%s: %s"), label, value);
}

/* Appends a line; takes the value strings. */
static void
append_pair (GString    *s,
             const char *label,
             char       *value,
             char       *base_value)
{
  g_autofree char *v = value, *b = base_value;
  g_autofree char *line = pair_markup (label, v, b);

  g_string_append_c (s, '\n');
  g_string_append (s, line);
}

static char *
with_unit (char       *value,
           const char *unit)
{
  g_autofree char *v = value;

  /* Translators: a money figure with its unit, "99.7 million USD" */
  return g_strdup_printf (C_("money", "%s %s"), v, unit);
}

static void
append_mix (GString      *s,
            SsStudy      *study,
            const double *shares,
            guint         nc)
{
  guint shown = 0;
  gboolean used[SS_MAX_COUNTRIES] = { FALSE };

  /* The largest shares first, at most four, then "and others". */
  for (; shown < 4; shown++)
    {
      int best = -1;

      for (guint k = 0; k < nc; k++)
        if (!used[k] && shares[k] >= 0.005 && (best < 0 || shares[k] > shares[best]))
          best = k;
      if (best < 0)
        break;
      used[best] = TRUE;
      {
        double rgb[3];
        g_autofree char *share = format_share (shares[best]);
        g_autofree char *name = isolate (ss_study_get_country (study, best)->name);
        g_autofree char *line = g_markup_printf_escaped ("%s %s", name, share);

        ssc_palette_country_rgb (best, rgb);
        g_string_append_c (s, '\n');
        append_swatch (s, rgb);
        g_string_append (s, line);
      }
    }
}

/* Tooltip markup for what lies under (x, y), from the regions of the last
 * ssc_chart_render() and the same data. */
gboolean
ssc_chart_hit_query (const SscChartHit  *hit,
                    const SscChartData *data,
                    double             x,
                    double             y,
                    char             **markup)
{
  g_autoptr(GString) s = NULL;
  g_autofree char *unit = NULL;
  const SsProjection *p, *base;
  SsStudy *study;
  gboolean with_base;
  guint year;
  int row;

  g_return_val_if_fail (hit != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (markup != NULL, FALSE);

  *markup = NULL;
  study = data->study;
  with_base = hit->scenario != SS_BASELINE;
  if (!hit->valid || study == NULL)
    return FALSE;
  p = get_projection (data, hit->scenario);
  base = get_projection (data, SS_BASELINE);
  if (p == NULL || base == NULL || p->n_years != hit->n_years)
    return FALSE;
  s = g_string_new (NULL);
  unit = g_strdup_printf (_("million %s"), ss_study_get_meta (study)->currency);

#define AT(proj, series, t) series_at (study, (proj), hit->item, (series), (t))
  switch (hit->kind)
    {
    case SSC_CHART_MIX:
      if (!hit_year (hit, x, y, &year))
        return FALSE;
      g_string_append_printf (s, "<b>%d</b>", hit->base_year + (int)year);
      for (guint k = hit->n_order; k-- > 0;)
        {
          guint country = hit->order[k];
          g_autofree char *name = isolate (ss_study_get_country (study, country)->name);
          double rgb[3];
          g_autofree char *share = format_share (mix_row (p, hit->item, country)[year]);
          g_autofree char *base_share = format_share (mix_row (base, hit->item, country)[year]);
          g_autofree char *line = pair_markup (name, share, with_base ? base_share : NULL);

          ssc_palette_country_rgb (country, rgb);
          g_string_append_c (s, '\n');
          append_swatch (s, rgb);
          g_string_append (s, line);
        }
      break;

    case SSC_CHART_COST:
      if (!hit_year (hit, x, y, &year))
        return FALSE;
      {
        double tc = AT (p, SERIES_TOTAL, year), tc_b = AT (base, SERIES_TOTAL, year);
        double sw = AT (p, SERIES_SWITCHING, year) - AT (base, SERIES_SWITCHING, year);
        double sub = AT (p, SERIES_SUBSIDY, year) - AT (base, SERIES_SUBSIDY, year);
        g_autofree char *unit_line = g_markup_printf_escaped ("\n<small>%s</small>", unit);

        g_string_append_printf (s, "<b>%d</b>", hit->base_year + (int)year);
        append_pair (s, _("Total cost to firms"), format_value (tc),
                     with_base ? format_value (tc_b) : NULL);
        append_pair (s, _("Net premium to firms"), format_value (tc - tc_b), NULL);
        append_pair (s, _("Purchase cost difference"), format_value (tc - tc_b - (sw - sub)), NULL);
        append_pair (s, _("Switching cost paid by firms"), format_value (sw - sub), NULL);
        append_pair (s, _("Switching cost paid by the subsidy"), format_value (sub), NULL);
        g_string_append (s, unit_line);
      }
      break;

    case SSC_CHART_RISK:
      if (!hit_year (hit, x, y, &year))
        return FALSE;
      g_string_append_printf (s, "<b>%d</b>", hit->base_year + (int)year);
      append_pair (s, _("HHI"), format_number (AT (p, SERIES_HHI, year), 0),
                   with_base ? format_number (AT (base, SERIES_HHI, year), 0) : NULL);
      append_pair (s, _("Supply risk"), format_number (AT (p, SERIES_RISK, year), 2),
                   with_base ? format_number (AT (base, SERIES_RISK, year), 2) : NULL);
      append_pair (s, _("Expected shortfall impact"),
                   with_unit (format_value (AT (p, SERIES_IMPACT, year)), unit),
                   with_base ? format_value (AT (base, SERIES_IMPACT, year)) : NULL);
      break;

    case SSC_CHART_HEATMAP:
      if ((row = hit_row (hit, hit->labels, x, y)) < 0)
        return FALSE;
      {
        int item = g_array_index (hit->rows, int, row);
        SsItem *it = ss_study_get_item (study, item);
        int when = hit->base_year + (int)hit->year;
        gsize at = (gsize)item * p->n_years + hit->year;
        g_autofree char *head = NULL;
        g_autofree char *item_name = isolate (it->name);

        if (in_rect (hit->grid, x, y))
          {
            double cell_w = hit->grid.w / hit->n_cols;
            guint col = MIN ((guint)floor ((x - hit->grid.x) / cell_w), hit->n_cols - 1);
            double share = mix_row (p, item, col)[hit->year];
            double base_share = mix_row (base, item, col)[hit->year];

            /* Translators: tooltip heading on the heatmap, "Lithium hydroxide from China, 2034" */
            g_autofree char *country = isolate (ss_study_get_country (study, col)->name);

            head = g_markup_printf_escaped (_("<b>%s</b> from <b>%s</b>, %d"), item_name,
                                            country, when);
            g_string_append (s, head);
            append_pair (s, _("Share"), format_share (share),
                         with_base ? format_share (base_share) : NULL);
          }
        else
          {
            int top = p->top_country[at];

            head = g_markup_printf_escaped ("<b>%s</b> (%s), %d", item_name, it->code, when);
            g_string_append (s, head);
            append_pair (s, _("Alert"), g_strdup (alert_word (p->alert[at])), NULL);
            if (top >= 0)
              {
                g_autofree char *country = isolate (ss_study_get_country (study, top)->name);
                g_autofree char *share = format_share (mix_row (p, item, top)[hit->year]);

                append_pair (s, _("Largest foreign share"),
                             g_strdup_printf ("%s, %s", country, share), NULL);
              }
          }
      }
      break;

    case SSC_CHART_FRONTIER:
      {
        const HitPoint *pt = hit_point (hit, x, y);
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
        append_pair (s, _("Cost index"), format_number (pt->cost, 3), NULL);
        append_pair (s, _("Supply risk"), format_number (pt->risk, 2), NULL);
        append_mix (s, study, pt->shares, ss_study_get_n_countries (study));
      }
      break;

    case SSC_CHART_COMPARE:
      if ((row = hit_row (hit, hit->grid, x, y)) < 0)
        return FALSE;
      {
        int scenario = g_array_index (hit->rows, int, row);
        const SsProjection *q = get_projection (data, scenario);
        g_autofree char *name = g_markup_escape_text (scenario_name (study, scenario), -1);
        guint last = hit->n_years - 1;

        g_string_append_printf (s, "<b>%s</b>", name);
        if (q == NULL)
          {
            g_string_append_printf (s, "\n%s", _("Not computed"));
            break;
          }
        append_pair (s, _("Net present value of the cost premium"),
                     with_unit (format_value (npv_premium (study, q, base, hit->item)), unit),
                     NULL);
        append_pair (s, _("Supply risk"), format_number (AT (q, SERIES_RISK, last), 2), NULL);
        append_pair (s, _("HHI"), format_number (AT (q, SERIES_HHI, last), 0), NULL);
        append_pair (s, _("Expected shortfall impact"),
                     with_unit (format_value (AT (q, SERIES_IMPACT, last)), unit), NULL);
        g_string_append_printf (s, "\n<small>%d</small>", hit->base_year + (int)last);
      }
      break;

    case SSC_N_CHARTS:
    default:
      return FALSE;
    }
#undef AT

  *markup = g_string_free (g_steal_pointer (&s), FALSE);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The one-sentence summary for assistive technology                   */
/* ------------------------------------------------------------------ */

/* "Under China plus one" or "In the baseline", to open a summary. */
static char *
under_scenario (Ctx *c)
{
  if (c->scenario == SS_BASELINE)
    /* Translators: opens an accessible summary of a chart */
    return g_strdup (_("In the baseline"));
  g_autofree char *name = isolate (scenario_name (c->study, c->scenario));

  /* Translators: opens an accessible summary of a chart; %s is a scenario name */
  return g_strdup_printf (_("Under %s"), name);
}

static char *
describe_mix (Ctx *c)
{
  g_autofree char *under = under_scenario (c);
  guint order[SS_MAX_COUNTRIES], n = mix_order (c, order), last = c->ny - 1, by = last;
  int first_year = c->meta->base_year, last_year = first_year + (int)last;
  const double *row;
  g_autofree char *country = NULL, *item = NULL;
  g_autofree char *from = NULL, *to = NULL;

  if (n == 0)
    return g_strdup ("");
  row = mix_row (c->proj, c->item, order[0]);
  country = isolate (ss_study_get_country (c->study, order[0])->name);
  from = format_share (row[0]);
  to = format_share (row[last]);

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
  item = isolate (ss_study_get_item (c->study, c->item)->name);
  while (by > 0 && fabs (row[by - 1] - row[last]) < 0.0005)
    by--;
  if (fabs (row[last] - row[0]) < 0.0005)
    /* Translators: accessible summary of the mix chart: "Under China plus one"
     * or "In the baseline", country, item, share, years */
    return g_strdup_printf (_("%1$s, %2$s’s share of %3$s stays at %4$s from %5$d to %6$d."),
                            under, country, item, from, first_year, last_year);
  if (row[last] < row[0])
    /* Translators: accessible summary of the mix chart, e.g. "Under China
     * plus one, China’s share of Lithium hydroxide falls from 84 % to 50 %
     * by 2028." */
    return g_strdup_printf (_("%1$s, %2$s’s share of %3$s falls from %4$s to %5$s by %6$d."),
                            under, country, item, from, to, first_year + (int)by);
  /* Translators: accessible summary of the mix chart */
  return g_strdup_printf (_("%1$s, %2$s’s share of %3$s rises from %4$s to %5$s by %6$d."),
                          under, country, item, from, to, first_year + (int)by);
}

static char *
subject (Ctx *c)
{
  if (c->item >= 0)
    return isolate (ss_study_get_item (c->study, c->item)->name);
  /* Translators: what a summary is about when no item is chosen */
  return g_strdup (_("the portfolio"));
}

static char *
describe_cost (Ctx *c)
{
  guint last = c->ny - 1;
  int year = c->meta->base_year + (int)last;
  double tc = series_at (c->study, c->proj, c->item, SERIES_TOTAL, last);
  double premium = tc - series_at (c->study, c->base, c->item, SERIES_TOTAL, last);
  g_autofree char *scenario = isolate (scenario_name (c->study, c->scenario));
  g_autofree char *what = subject (c);
  g_autofree char *unit = money_unit (c);
  g_autofree char *total = format_value (tc);
  g_autofree char *diff = format_value (fabs (premium));
  g_autofree char *npv = format_value (npv_premium (c->study, c->proj, c->base, c->item));

  if (c->scenario == SS_BASELINE)
    /* Translators: accessible summary of the cost chart for the baseline:
     * subject, year, amount, unit */
    return g_strdup_printf (_("In the baseline, the cost to firms of %1$s in %2$d is %3$s %4$s."),
                            what, year, total, unit);
  if (premium >= 0)
    /* Translators: accessible summary of the cost chart: scenario, subject,
     * year, total, unit, difference, net present value */
    return g_strdup_printf (_("Under %1$s, the cost to firms of %2$s in %3$d is %4$s %5$s, "
                              "%6$s %5$s more than in the baseline; the premium’s net "
                              "present value is %7$s %5$s."),
                            scenario, what, year, total, unit, diff, npv);
  /* Translators: accessible summary of the cost chart */
  return g_strdup_printf (_("Under %1$s, the cost to firms of %2$s in %3$d is %4$s %5$s, "
                            "%6$s %5$s less than in the baseline; the premium’s net "
                            "present value is %7$s %5$s."),
                          scenario, what, year, total, unit, diff, npv);
}

static char *
describe_risk (Ctx *c)
{
  guint last = c->ny - 1;
  int first = c->meta->base_year;
  g_autofree char *under = under_scenario (c);
  g_autofree char *what = subject (c);
  g_autofree char *sr0 = NULL, *sr1 = NULL, *hhi0 = NULL, *hhi1 = NULL;

  sr0 = format_number (series_at (c->study, c->proj, c->item, SERIES_RISK, 0), 2);
  sr1 = format_number (series_at (c->study, c->proj, c->item, SERIES_RISK, last), 2);
  hhi0 = format_number (series_at (c->study, c->proj, c->item, SERIES_HHI, 0), 0);
  hhi1 = format_number (series_at (c->study, c->proj, c->item, SERIES_HHI, last), 0);

  /* Translators: accessible summary of the risk chart: "Under China plus one"
   * or "In the baseline", subject, supply risk at the start, first year,
   * supply risk at the end, last year, HHI at the start, HHI at the end */
  return g_strdup_printf (_("%1$s, the supply risk of %2$s goes from %3$s in %4$d to %5$s "
                            "in %6$d, and its concentration (HHI) from %7$s to %8$s."),
                          under, what, sr0, first, sr1, first + (int)last, hhi0, hhi1);
}

static char *
describe_frontier (Ctx *c)
{
  g_auto(Frontier) f = { 0 };
  const SsMix *least;
  g_autofree char *bc = NULL, *br = NULL, *tc = NULL, *tr = NULL, *lc = NULL, *lr = NULL;
  g_autofree char *name = isolate (ss_study_get_item (c->study, c->item)->name);

  if (!frontier_compute (c, &f))
    /* Translators: accessible summary of the frontier chart when there is none */
    return g_strdup_printf (_("%s has no feasible mix: its capacities add up to less "
                              "than 100 %%."), name);
  least = &g_array_index (f.frontier, SsMix, f.frontier->len - 1);
  bc = format_number (f.base_cost, 2);
  br = format_number (f.base_risk, 2);
  tc = format_number (f.target_cost, 2);
  tr = format_number (f.target_risk, 2);
  lc = format_number (least->cost, 2);
  lr = format_number (least->risk, 2);
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

static char *
describe_heatmap (Ctx *c)
{
  guint year = heat_year (c), n_items = ss_study_get_n_items (c->study), alerts = 0;
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
      if (top >= 0 && mix_row (c->proj, i, top)[year] > best)
        best = mix_row (c->proj, i, top)[year], best_item = i, best_country = top;
    }
  if (best_item < 0)
    return g_strdup ("");
  share = format_share (best);
  under = under_scenario (c);
  item = isolate (ss_study_get_item (c->study, best_item)->name);
  country = isolate (ss_study_get_country (c->study, best_country)->name);
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

static char *
describe_compare (Ctx *c)
{
  guint n_rows = ss_study_get_n_scenarios (c->study) + 1, counted = 0;
  int low_risk = SS_BASELINE, high_npv = SS_BASELINE;
  double low = INFINITY, high = -INFINITY, v[N_METRICS];
  g_autofree char *risk = NULL, *npv = NULL, *unit = money_unit (c);
  g_autofree char *lowest = NULL, *highest = NULL;

  for (guint r = 0; r < n_rows; r++)
    if (compare_values (c, (int)r - 1, v))
      {
        counted++;
        if (v[METRIC_RISK] < low)
          low = v[METRIC_RISK], low_risk = (int)r - 1;
        if (v[METRIC_NPV] > high)
          high = v[METRIC_NPV], high_npv = (int)r - 1;
      }
  if (counted == 0)
    return g_strdup ("");
  risk = format_number (low, 2);
  npv = format_value (high);
  lowest = isolate (scenario_name (c->study, low_risk));
  highest = isolate (scenario_name (c->study, high_npv));
  if (low_risk == high_npv)
    /* Translators: accessible summary of the comparison chart when one
     * scenario has both the lowest risk and the highest premium */
    return g_strdup_printf (ngettext ("Of %1$u scenario, %2$s has both the lowest final supply "
                                      "risk (%3$s) and the highest net present value of cost "
                                      "premium (%4$s %5$s).",
                                      "Of %1$u scenarios, %2$s has both the lowest final supply "
                                      "risk (%3$s) and the highest net present value of cost "
                                      "premium (%4$s %5$s).", counted),
                            counted, lowest, risk, npv, unit);
  /* Translators: accessible summary of the comparison chart */
  return g_strdup_printf (ngettext ("Of %1$u scenario, %2$s has the lowest final supply risk "
                                    "(%3$s) and %4$s the highest net present value of cost "
                                    "premium (%5$s %6$s).",
                                    "Of %1$u scenarios, %2$s has the lowest final supply risk "
                                    "(%3$s) and %4$s the highest net present value of cost "
                                    "premium (%5$s %6$s).", counted),
                          counted, lowest, risk, highest, npv, unit);
}

char *
ssc_chart_describe (SscChartKind        kind,
                   const SscChartData *data)
{
  char *text = NULL;
  Ctx c;

  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  /* Only Ctx's data part is used: no drawing, so no cairo context. */
  memset (&c, 0, sizeof c);
  c.d = data;
  if (!ctx_bind (&c, kind))
    return g_strdup (_("No data to show yet."));
  switch (kind)
    {
    case SSC_CHART_MIX: text = describe_mix (&c); break;
    case SSC_CHART_COST: text = describe_cost (&c); break;
    case SSC_CHART_RISK: text = describe_risk (&c); break;
    case SSC_CHART_FRONTIER: text = describe_frontier (&c); break;
    case SSC_CHART_HEATMAP: text = describe_heatmap (&c); break;
    case SSC_CHART_COMPARE: text = describe_compare (&c); break;
    case SSC_N_CHARTS:
    default: g_assert_not_reached ();
    }
  return text;
}

/* ------------------------------------------------------------------ */
/* Export                                                              */
/* ------------------------------------------------------------------ */

typedef struct
{
  int fd;
  int error;                           /* errno of the first failed write */
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          sink->error = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= n;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* Writes the chart in the light style through ss-safe-file.c, so a
 * failure never leaves a half-written file and a link, a read-only file
 * or a FIFO is treated as when a study is saved. The SVG and the PNG are width × height pixels; the
 * PDF page is the same size at 96 pixels per inch (0.75 pt a pixel). */
gboolean
ssc_chart_export (SscChartKind        kind,
                 const SscChartData *data,
                 const char        *path,
                 int                width,
                 int                height,
                 GError           **error)
{
  SscChartFormat format;
  SscChartData light;
  g_autoptr(SsSafeFile) out = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  cairo_t *cr;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (kind < SSC_N_CHARTS, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ssc_chart_format_from_path (path, &format))
    {
      g_set_error (error, SSC_CHART_ERROR, SSC_CHART_ERROR_FORMAT,
                   _("“%s” does not end in .svg, .png or .pdf"), path);
      return FALSE;
    }
  if (width < 1 || height < 1 || width > SSC_CHART_MAX_SIZE || height > SSC_CHART_MAX_SIZE)
    {
      g_set_error (error, SSC_CHART_ERROR, SSC_CHART_ERROR_SIZE,
                   _("The size must be 1 to %d pixels each way, not %d × %d"),
                   SSC_CHART_MAX_SIZE, width, height);
      return FALSE;
    }

  light = *data;
  ssc_chart_data_set_style (&light, FALSE);
  light.fill_background = TRUE;

  /* Through ss-safe-file.c, like a study: a link is followed, a FIFO, a
   * device or a read-only file refused, owner and mode kept. */
  out = ss_safe_file_new (path, SS_SAFE_FILE_NONE, error);
  if (out == NULL)
    return FALSE;
  sink.fd = ss_safe_file_get_fd (out);

  switch (format)
    {
    case SSC_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write, &sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case SSC_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink,
                                                     width * 0.75, height * 0.75);
      title = ssc_chart_title (kind, &light);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                      PACKAGE_NAME " " PACKAGE_VERSION);
      break;
    case SSC_CHART_FORMAT_PNG:
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      break;
    }

  cr = cairo_create (surface);
  if (format == SSC_CHART_FORMAT_PDF)
    cairo_scale (cr, 0.75, 0.75);
  ssc_chart_render (kind, &light, cr, width, height, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == SSC_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write, &sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (sink.error != 0)
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (sink.error),
                     _("Cannot write “%s”: %s"), path, g_strerror (sink.error));
      else
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return ss_safe_file_commit (out, NULL, error);
}
