/* test-chart-svg.c: an SVG export looks like the PNG and its text stays text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart, in the light and the dark style, for the portfolio and for
 * an item, of the sample study and of both worked examples, is written as
 * an SVG (ssc_chart_render_svg(), which ssc_chart_export() writes) and as
 * the PNG export draws it; rsvg-convert rasterises the SVG and the two
 * images are compared as ImageMagick's `compare -metric AE -fuzz 10%` and
 * `-metric RMSE` do. The SVG's text is drawn by rsvg's own Pango without
 * hinting while the PNG's is hinted, so the glyphs differ a little at
 * every label; every shape is the PNG's. docs/decisions.md ("SVG
 * export") has the figures the tolerances below are taken from.
 *
 * Inkscape, when installed, must read every <text> as a text object.
 * Names holding anything a study can hold (markup characters, quotes,
 * right-to-left text, overrides, and characters XML cannot hold at all)
 * must give a document that parses, with the names as text. Without
 * rsvg-convert or Inkscape those tests skip and say why.
 */

#define G_LOG_DOMAIN "supplyshift-test-chart-svg"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "ss-report.h"
#include "ss-study-file.h"
#include "ssc-chart.h"
#include "ssc-export.h"
#include "svg-check.h"
#include "test-util.h"

#define WIDTH  960
#define HEIGHT 600

/* Measured over the 72 cases with rsvg-convert 2.54 and DejaVu Sans
 * (docs/decisions.md, "SVG export"): at most 2.23 % of the pixels differ
 * by more than the fuzz, RMSE at most 0.0490, all of it in the glyphs;
 * the tolerances leave a margin for another rsvg or another font. */
#define MAX_AE_FRACTION 0.03
#define MAX_RMSE        0.06

/* The stress grid is mostly text (four lines in each of its cells, white
 * on the dark ones), so more of its pixels are glyphs: measured at most
 * 5.0 % and 0.080 (the sample, and the hostile names), with the same
 * margin. So is the tornado, 20 labels down its side: at most 3.4 % and
 * 0.074. */
#define MAX_AE_FRACTION_STRESS 0.065   /* and the tornado */
#define MAX_RMSE_STRESS        0.10

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("supplyshift-svg-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_remove (file);
    }
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Pixels                                                              */

typedef struct
{
  double ae;                           /* the share of pixels that differ beyond the fuzz */
  double rmse;
} Difference;

/* As ImageMagick 6.9 compares two opaque images (checked against its
 * figures): a pixel differs when one of its channels, from 0 to 1,
 * differs by more than the fuzz; RMSE over the red, green and blue. */
static Difference
compare_images (cairo_surface_t *a,
                cairo_surface_t *b,
                double           fuzz)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  double sum = 0;
  guint64 differ = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *)(pa + (gsize)y * sa + 4 * x);
        guint32 q = *(const guint32 *)(pb + (gsize)y * sb + 4 * x);
        double largest = 0;

        /* Blue, green, red, then alpha (which counts for AE only). */
        for (int k = 0; k < 32; k += 8)
          {
            double d = fabs ((((p >> k) & 0xff) - (double)((q >> k) & 0xff)) / 255);

            largest = MAX (largest, d);
            if (k < 24)
              sum += d * d;
          }
        if (largest > fuzz)
          differ++;
      }
  return (Difference) { (double)differ / ((double)w * h), sqrt (sum / (3.0 * w * h)) };
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  return surface;
}

/* The chart drawn as the PNG export draws it. */
static cairo_surface_t *
render_png (SscChartKind        kind,
            const SscChartData *data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  ssc_chart_export_prepare (cr);
  ssc_chart_render (kind, data, cr, WIDTH, HEIGHT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* rsvg-convert's picture of the SVG at svg_path, compared with want. */
static void
assert_looks_like (const char      *rsvg,
                   const char      *svg_path,
                   cairo_surface_t *want,
                   SscChartKind     kind,
                   const char      *what)
{
  g_autofree char *png = g_strconcat (svg_path, ".png", NULL);
  const char *argv[] = { rsvg, "-o", png, svg_path, NULL };
  g_autofree char *out = ss_test_run (argv);
  cairo_surface_t *have = load_png (png);
  Difference d = compare_images (want, have, 0.10);
  gboolean texty = kind == SSC_CHART_STRESS || kind == SSC_CHART_TORNADO;

  g_test_message ("%s: AE %.0f px (%.2f %%), RMSE %.4f", what,
                  d.ae * cairo_image_surface_get_width (want)
                  * cairo_image_surface_get_height (want), 100 * d.ae, d.rmse);
  g_assert_cmpfloat (d.ae, <=, texty ? MAX_AE_FRACTION_STRESS : MAX_AE_FRACTION);
  g_assert_cmpfloat (d.rmse, <=, texty ? MAX_RMSE_STRESS : MAX_RMSE);
  cairo_surface_destroy (have);
}

typedef struct
{
  SsTestStudy  study;
  SscChartKind kind;
  gboolean     dark;
  gboolean     item;
} PixelCase;

static void
test_pixels (gconstpointer user_data)
{
  const PixelCase *c = user_data;
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autoptr(SsStudy) study = NULL;
  g_autoptr(GPtrArray) projections = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(SsSensitivity) tornado = NULL;
  g_autofree char *svg = NULL, *doc = NULL, *what = NULL;
  cairo_surface_t *want;
  SscChartData data;
  gsize length;

  if (rsvg == NULL)
    {
      g_test_skip ("rsvg-convert (librsvg2-bin) is missing: the SVG is not rasterised");
      return;
    }

  study = ss_test_load_study (c->study);
  projections = ss_engine_project_all (study);
  cells = ss_test_project_grid (study);
  tornado = ss_test_tornado (study);
  ssc_chart_data_init (&data, study, projections);
  data.cells = cells;
  data.sensitivity = tornado;
  data.item = c->item ? 0 : -1;
  ssc_chart_data_set_style (&data, c->dark);
  svg = temp_path ("chart.svg");

  if (c->dark)
    {
      /* Exports are light: the SVG the export would write, in the dark. */
      doc = ssc_chart_render_svg (c->kind, &data, WIDTH, HEIGHT, &length);
      g_assert_nonnull (doc);
      g_assert_true (g_file_set_contents (svg, doc, length, NULL));
      want = render_png (c->kind, &data);
    }
  else
    {
      g_autofree char *export_png = g_strconcat (svg, ".export.png", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_true (ssc_chart_export (c->kind, &data, svg, WIDTH, HEIGHT, &error));
      g_assert_true (ssc_chart_export (c->kind, &data, export_png, WIDTH, HEIGHT, &error));
      g_assert_no_error (error);
      want = load_png (export_png);
    }

  what = g_strdup_printf ("%s %s %s %s", ss_test_study_name (c->study),
                          ssc_chart_kind_to_string (c->kind), c->dark ? "dark" : "light",
                          c->item ? "item" : "portfolio");
  assert_looks_like (rsvg, svg, want, c->kind, what);
  cairo_surface_destroy (want);
  remove_temp (svg);
}

/* ------------------------------------------------------------------ */
/* Inkscape                                                            */

/* Inkscape reads every <text> of every chart as a text object, with an
 * extent, and no text as anything else. */
static void
test_inkscape (void)
{
  g_autofree char *inkscape = g_find_program_in_path ("inkscape");
  g_autoptr(SsStudy) study = NULL;
  g_autoptr(GPtrArray) projections = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  g_autoptr(SsSensitivity) tornado = NULL;
  SscChartData data;

  if (inkscape == NULL)
    {
      g_test_skip ("Inkscape is missing: the texts are not checked as Inkscape reads them");
      return;
    }

  study = ss_study_load_sample ();
  projections = ss_engine_project_all (study);
  cells = ss_test_project_grid (study);
  tornado = ss_test_tornado (study);
  ssc_chart_data_init (&data, study, projections);
  data.cells = cells;
  data.sensitivity = tornado;
  for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
    {
      g_autofree char *svg = temp_path ("chart.svg");
      g_autofree char *selected = NULL, *all = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(xmlDoc) doc = NULL;
      g_autoptr(GError) error = NULL;
      guint n_texts, n_selected = 0, n_queried = 0;

      g_assert_true (ssc_chart_export (kind, &data, svg, WIDTH, HEIGHT, &error));
      g_assert_no_error (error);
      doc = ss_test_svg_read (svg);
      n_texts = ss_test_svg_count (doc, "text");

      {
        const char *argv[] = { inkscape, "--actions=select-by-element:text;select-list", svg,
                               NULL };

        selected = ss_test_run (argv);
      }
      lines = g_strsplit (selected, "\n", -1);
      for (guint k = 0; lines[k] != NULL; k++)
        if (g_str_has_prefix (lines[k], "text"))
          n_selected++;

      /* Each text object has a place and a size: Inkscape laid out its
       * glyphs from the font it names. */
      {
        const char *argv[] = { inkscape, "--query-all", svg, NULL };

        all = ss_test_run (argv);
      }
      g_strfreev (lines);
      lines = g_strsplit (all, "\n", -1);
      for (guint k = 0; lines[k] != NULL; k++)
        if (g_str_has_prefix (lines[k], "text"))
          {
            g_auto(GStrv) f = g_strsplit (lines[k], ",", -1);

            g_assert_cmpuint (g_strv_length (f), ==, 5);
            g_assert_cmpfloat (g_ascii_strtod (f[3], NULL), >, 0);
            g_assert_cmpfloat (g_ascii_strtod (f[4], NULL), >, 0);
            n_queried++;
          }

      g_test_message ("%s: %u <text>, %u text objects selected in Inkscape",
                      ssc_chart_kind_to_string (kind), n_texts, n_selected);
      g_assert_cmpuint (n_texts, >=, 5);
      g_assert_cmpuint (n_selected, ==, n_texts);
      g_assert_cmpuint (n_queried, ==, n_texts);
      remove_temp (svg);
    }
}

/* ------------------------------------------------------------------ */
/* Names holding anything                                              */

static const char *hostile_names[] = {
  "A&B <Co> \"quoted\" 'and' ]]>",
  "\u0627\u0644\u0635\u064a\u0646",                   /* Arabic: right to left */
  "Chi\u202Ena",                                      /* a right-to-left override */
  "bad\x01" "control\xef\xbf\xbe" "end",              /* U+0001 and U+FFFE: not in XML */
};

/* The sample with its first countries, items and scenarios renamed. */
static SsStudy *
hostile_study (void)
{
  SsStudy *study = ss_study_load_sample ();

  for (guint k = 0; k < G_N_ELEMENTS (hostile_names); k++)
    {
      SsCountry *country = ss_study_get_country (study, k);
      SsItem *item = ss_study_get_item (study, k);

      g_free (country->name);
      country->name = g_strdup (hostile_names[k]);
      g_free (item->name);
      item->name = g_strdup (hostile_names[k]);
    }
  g_free (ss_study_get_scenario (study, 0)->name);
  ss_study_get_scenario (study, 0)->name = g_strdup (hostile_names[0]);
  return study;
}

static char *
replace_all (const char *text,
             const char *from,
             const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

/* Every chart of such a study is a document that parses, holds each
 * name as text (the characters XML cannot hold as U+FFFD) and keeps the
 * bidi isolates and overrides; and it still looks like the PNG. */
static void
test_hostile_names (void)
{
  g_autoptr(SsStudy) study = hostile_study ();
  g_autoptr(GPtrArray) projections = ss_engine_project_all (study);
  g_autoptr(GPtrArray) cells = ss_test_project_grid (study);
  g_autoptr(SsSensitivity) tornado = ss_test_tornado (study);
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  SscChartData data;

  ssc_chart_data_init (&data, study, projections);
  data.cells = cells;
  data.sensitivity = tornado;
  for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
    {
      g_autofree char *svg = temp_path ("chart.svg");
      g_autofree char *text = NULL, *title = NULL, *desc = NULL, *some = NULL, *fixed = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(xmlDoc) doc = NULL;
      g_autoptr(GError) error = NULL;

      data.item = kind == SSC_CHART_HEATMAP || kind == SSC_CHART_COMPARE ? -1 : 1;
      g_assert_true (ssc_chart_export (kind, &data, svg, WIDTH, HEIGHT, &error));
      g_assert_no_error (error);
      doc = ss_test_svg_read (svg);
      text = ss_test_svg_text (doc);
      g_test_message ("%s: %s", ssc_chart_kind_to_string (kind), text);

      /* The summary with U+0001 and U+FFFE replaced, as the writer must. */
      title = ssc_chart_title (kind, &data);
      desc = ssc_chart_describe (kind, &data);
      some = replace_all (desc, "\x01", "\xef\xbf\xbd");
      fixed = replace_all (some, "\xef\xbf\xbe", "\xef\xbf\xbd");
      ss_test_svg_assert_editable (doc, title, fixed);

      /* The item shown (or every item, on the heatmap) is named as it is. */
      if (kind == SSC_CHART_HEATMAP)
        {
          g_assert_nonnull (strstr (text, hostile_names[0]));
          g_assert_nonnull (strstr (text, hostile_names[1]));
          g_assert_nonnull (strstr (text, "bad\xef\xbf\xbd" "control\xef\xbf\xbd" "end"));
        }
      else if (kind != SSC_CHART_COMPARE && kind != SSC_CHART_STRESS && kind != SSC_CHART_TORNADO)
        g_assert_nonnull (strstr (text, hostile_names[1]));
      /* The scenario's name, in the subtitle, inside its isolate; the
       * comparison and the stress grid name it alone, as a row's label. */
      if (kind != SSC_CHART_COMPARE && kind != SSC_CHART_STRESS)
        g_assert_nonnull (strstr (text, "\u2068A&B <Co> \"quoted\" 'and' ]]>\u2069"));
      else
        g_assert_nonnull (strstr (text, hostile_names[0]));

      /* A name alone in right-to-left script is a right-to-left text. */
      g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
      if (kind == SSC_CHART_MIX || kind == SSC_CHART_HEATMAP)
        g_assert_nonnull (strstr (contents, "direction=\"rtl\""));

      if (rsvg != NULL)
        {
          cairo_surface_t *want = render_png (kind, &data);

          assert_looks_like (rsvg, svg, want, kind, ssc_chart_kind_to_string (kind));
          cairo_surface_destroy (want);
        }
      remove_temp (svg);
    }
}

/* In a small chart Pango ellipsizes and wraps labels: the SVG shows them
 * as the PNG does, the ellipsis included. */
static void
test_small (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(GPtrArray) projections = ss_engine_project_all (study);
  g_autoptr(GPtrArray) cells = ss_test_project_grid (study);
  g_autoptr(SsSensitivity) tornado = ss_test_tornado (study);
  g_autofree char *doc = NULL;
  SscChartData data;
  gsize length;

  ssc_chart_data_init (&data, study, projections);
  data.cells = cells;
  data.sensitivity = tornado;
  doc = ssc_chart_render_svg (SSC_CHART_HEATMAP, &data, 320, 240, &length);
  g_assert_nonnull (doc);
  g_test_message ("%s", doc);
  g_assert_nonnull (strstr (doc, "\u2026</text>"));
  g_assert_cmpuint (strlen (doc), ==, length);
}

int
main (int   argc,
      char *argv[])
{
  static PixelCase cases[SS_TEST_N_STUDIES * SSC_N_CHARTS * 4];
  guint n = 0;

  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_test_init (&argc, &argv, NULL);

  for (SsTestStudy study = 0; study < SS_TEST_N_STUDIES; study++)
    for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
      for (int style = 0; style < 2; style++)
        for (int item = 0; item < 2; item++)
          {
            g_autofree char *path = g_strdup_printf ("/charts/svg/pixels/%s/%s/%s/%s",
                                                     ss_test_study_name (study),
                                                     ssc_chart_kind_to_string (kind),
                                                     style ? "dark" : "light",
                                                     item ? "item" : "portfolio");

            cases[n] = (PixelCase) { study, kind, style, item };
            g_test_add_data_func (path, &cases[n], test_pixels);
            n++;
          }
  g_test_add_func ("/charts/svg/inkscape", test_inkscape);
  g_test_add_func ("/charts/svg/hostile-names", test_hostile_names);
  g_test_add_func ("/charts/svg/small", test_small);

  return g_test_run ();
}
