/* bench-charts.c: how long each chart takes to draw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C build --benchmark`. Draws every chart at
 * 960 × 600 to an image surface, as the widget does on a slider move
 * (hover regions included), for the sample study and for a synthetic
 * study of 500 items, 8 countries, 20 years and 4 scenarios, and prints
 * the median milliseconds per chart and their sum. The target is a sum
 * under 8 ms for the sample study, so every chart on screen can follow a
 * drag. Then each chart of the sample as an SVG document in memory: as
 * the export writes it (ssc_chart_render_svg(), text as <text>), and as
 * cairo's SVG surface wrote it before (text as glyph outlines), for
 * comparison. A benchmark, not a test: it fails only if drawing fails.
 */

#include "config.h"

#include <cairo-svg.h>

#include "ss-document.h"
#include "ss-report.h"
#include "ss-study-file.h"
#include "ssc-chart.h"
#include "ssc-export.h"

#include "bench-study.h"
#include "bench-time.h"

#define WIDTH  960
#define HEIGHT 600
#define RUNS   31

static double
bench_study (const char *name,
             SsStudy    *study)
{
  g_autoptr(GPtrArray) projections = ss_engine_project_all (study);
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(SscChartHit) hit = ssc_chart_hit_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  SscChartData data;
  double total = 0, total_cpu = 0;

  ssc_chart_data_init (&data, study, projections);
  ss_document_get_grid (document, cells);
  data.cells = cells;
  g_print ("%s (%u items, %u countries, %d years, %u scenarios), %dx%d:\n", name,
           ss_study_get_n_items (study), ss_study_get_n_countries (study),
           ss_study_get_meta (study)->horizon + 1, ss_study_get_n_scenarios (study), WIDTH, HEIGHT);

  for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
    {
      double samples[RUNS], cpu[RUNS];

      data.item = kind == SSC_CHART_FRONTIER ? 0 : -1;
      ssc_chart_render (kind, &data, cr, WIDTH, HEIGHT, hit);   /* warm the font caches */
      for (guint k = 0; k < RUNS; k++)
        {
          gint64 start = g_get_monotonic_time ();
          double start_cpu = bench_thread_ms ();

          ssc_chart_render (kind, &data, cr, WIDTH, HEIGHT, hit);
          cairo_surface_flush (surface);
          samples[k] = (g_get_monotonic_time () - start) / 1000.0;
          cpu[k] = bench_thread_ms () - start_cpu;
        }
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      bench_sort (samples, RUNS);
      bench_sort (cpu, RUNS);
      g_print ("  %-9s median %6.2f ms  (min %.2f, max %.2f; processor time %.2f ms)\n",
               ssc_chart_kind_to_string (kind), samples[RUNS / 2], samples[0], samples[RUNS - 1],
               cpu[RUNS / 2]);
      total += samples[RUNS / 2];
      total_cpu += cpu[RUNS / 2];
    }
  g_print ("  all six charts: %.2f ms (processor time %.2f ms)\n", total, total_cpu);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return total;
}

static cairo_status_t
count_bytes (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  *(gsize *)closure += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The chart on cairo's SVG surface, as the export wrote it before its
 * text was text; returns the document's size. */
static gsize
cairo_svg (SscChartKind        kind,
           const SscChartData *data)
{
  gsize size = 0;
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (count_bytes, &size,
                                                                  WIDTH, HEIGHT);
  cairo_t *cr;

  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  ssc_chart_render (kind, data, cr, WIDTH, HEIGHT, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return size;
}

static gsize
text_svg (SscChartKind        kind,
          const SscChartData *data)
{
  gsize size = 0;
  g_autofree char *doc = ssc_chart_render_svg (kind, data, WIDTH, HEIGHT, &size);

  g_assert_nonnull (doc);
  return size;
}

static void
bench_svg (SsStudy *study)
{
  g_autoptr(GPtrArray) projections = ss_engine_project_all (study);
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  gsize (*const writers[]) (SscChartKind, const SscChartData *) = { text_svg, cairo_svg };
  const char * const names[] = { "SVG, text as <text>", "cairo's SVG surface (before)" };
  SscChartData data;

  ssc_chart_data_init (&data, study, projections);
  ss_document_get_grid (document, cells);
  data.cells = cells;
  g_print ("sample study as SVG documents, %dx%d (processor time):\n", WIDTH, HEIGHT);
  for (guint w = 0; w < G_N_ELEMENTS (writers); w++)
    {
      double total = 0;
      gsize bytes = 0;

      g_print ("  %s:\n", names[w]);
      for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
        {
          double cpu[RUNS];
          gsize size = 0;

          data.item = kind == SSC_CHART_FRONTIER ? 0 : -1;
          writers[w] (kind, &data);                       /* warm the font caches */
          for (guint k = 0; k < RUNS; k++)
            {
              double start = bench_thread_ms ();

              size = writers[w] (kind, &data);
              cpu[k] = bench_thread_ms () - start;
            }
          bench_sort (cpu, RUNS);
          g_print ("    %-9s median %6.2f ms  (min %.2f, max %.2f), %6" G_GSIZE_FORMAT " bytes\n",
                   ssc_chart_kind_to_string (kind), cpu[RUNS / 2], cpu[0], cpu[RUNS - 1], size);
          total += cpu[RUNS / 2];
          bytes += size;
        }
      g_print ("    all six charts: %.2f ms, %" G_GSIZE_FORMAT " bytes\n", total, bytes);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SsStudy) sample = ss_study_load_sample ();
  g_autoptr(SsStudy) large = bench_study_new (500, 8, 20, 4);
  double total;

  total = bench_study ("sample study", sample);
  g_print ("sample study, all six charts together: %.2f ms (target: under 8 ms)\n", total);
  bench_study ("synthetic study", large);
  bench_svg (sample);
  return 0;
}
