/* test-chart-export.c: the chart renderer and its exports, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the chart library is linked, not GTK, and DISPLAY and
 * WAYLAND_DISPLAY are unset, as for `supplyshift --export`: if the
 * renderer reached for GTK it would not link or would fail here. Every
 * chart is exported for the sample study and for the worked examples (v1
 * and v2) in each format and read back: the SVG parsed with libxml2 (its
 * labels as <text>, the same characters as the PDF's text, its <title>
 * and <desc>), the PNG decoded by cairo, the PDF's header and page size. Then the failure
 * paths (bad format, size, missing folder, folder in the way) must leave
 * no file behind, and the hover queries and accessible summaries are
 * checked against the data.
 */

#define G_LOG_DOMAIN "supplyshift-test-chart-export"

#define _GNU_SOURCE                    /* dl_iterate_phdr */

#include "config.h"

#include <link.h>
#include <math.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <pango/pango.h>
#include <libxml/tree.h>

#include "ss-csv.h"
#include "ss-document.h"
#include "ss-report.h"
#include "ss-study-file.h"
#include "ssc-chart.h"
#include "ssc-export.h"
#include "ssc-format.h"
#include "ssc-hit.h"
#include "ssc-palette.h"
#include "ssc-svg.h"
#include "ssc-text.h"
#include "svg-check.h"
#include "test-util.h"

/* Fixture: a study, its projections, its stress grid as its document
 * computes it, and a temporary folder. */
typedef struct
{
  SsStudy     *study;
  GPtrArray   *projections;
  SsDocument  *document;
  GPtrArray   *cells;
  SsSensitivity *tornado;
  SscChartData  data;
  char        *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  f->study = ss_test_load_study (GPOINTER_TO_INT (user_data));
  f->projections = ss_engine_project_all (f->study);
  f->document = ss_document_new (f->study, NULL);
  f->cells = g_ptr_array_new ();
  ss_document_get_grid (f->document, f->cells);
  ssc_chart_data_init (&f->data, f->study, f->projections);
  f->data.cells = f->cells;
  f->tornado = ss_test_tornado (f->study);
  f->data.sensitivity = f->tornado;
  f->dir = g_dir_make_tmp ("supplyshift-charts-XXXXXX", &error);
  g_assert_no_error (error);
}

static guint
dir_count (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_ptr_array_unref (f->projections);
  g_ptr_array_unref (f->cells);
  ss_sensitivity_free (f->tornado);
  g_assert_finalize_object (f->document);
  g_assert_finalize_object (f->study);
}

/* ------------------------------------------------------------------ */

static void
test_kind_names (void)
{
  SscChartKind kind;

  for (SscChartKind k = 0; k < SSC_N_CHARTS; k++)
    {
      g_assert_true (ssc_chart_kind_from_string (ssc_chart_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_cmpstr (ssc_chart_kind_to_string (SSC_CHART_HEATMAP), ==, "heatmap");
  g_assert_false (ssc_chart_kind_from_string ("pie", &kind));
  g_assert_false (ssc_chart_kind_from_string ("MIX", &kind));
  g_assert_false (ssc_chart_kind_from_string ("", &kind));
  g_assert_false (ssc_chart_kind_from_string (NULL, &kind));
  g_assert_true (ssc_chart_kind_needs_all_scenarios (SSC_CHART_COMPARE));
  g_assert_false (ssc_chart_kind_needs_all_scenarios (SSC_CHART_MIX));
}

/* What the window and the command line ask of each chart: a button
 * label, which projections it reads, whether it is one item's, whether
 * it shows one year. */
static void
test_kind_needs (void)
{
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

  for (SscChartKind k = 0; k < SSC_N_CHARTS; k++)
    {
      const char *label = ssc_chart_kind_get_label (k);

      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_false (g_hash_table_contains (labels, label));
      g_hash_table_add (labels, (gpointer)label);

      g_assert_cmpint (ssc_chart_kind_needs_item (k), ==, k == SSC_CHART_FRONTIER);
      g_assert_cmpint (ssc_chart_kind_uses_year (k), ==, k == SSC_CHART_HEATMAP || k == SSC_CHART_COMPARE);
      g_assert_cmpint (ssc_chart_kind_needs_grid (k), ==, k == SSC_CHART_STRESS);
      g_assert_cmpint (ssc_chart_kind_needs_sensitivity (k), ==, k == SSC_CHART_TORNADO);
      g_assert_cmpint (ssc_chart_kind_projections (k), ==,
                       k == SSC_CHART_COMPARE ? SSC_PROJECTIONS_ALL_SCENARIOS
                                              : SSC_PROJECTIONS_SELECTED);
    }
  g_assert_cmpstr (ssc_chart_kind_get_label (SSC_CHART_MIX), ==, "Mix");
  g_assert_cmpstr (ssc_chart_kind_get_label (SSC_CHART_HEATMAP), ==, "Heatmap");
}

static int
find_gtk (struct dl_phdr_info *info,
          size_t               size,
          void                *data)
{
  const char *name = info->dlpi_name != NULL ? strrchr (info->dlpi_name, '/') : NULL;

  name = name != NULL ? name + 1 : info->dlpi_name;
  if (name != NULL && (g_str_has_prefix (name, "libgtk") || g_str_has_prefix (name, "libgdk-")
                       || g_str_has_prefix (name, "libadwaita")))
    {
      *(char **)data = g_strdup (name);
      return 1;
    }
  return 0;
}

/* The chart library links no GTK: this test program links the library
 * and not GTK, so a GTK call in the renderer would not link, and a GTK
 * dependency added to the library would load GTK here. */
static void
test_no_gtk (void)
{
  g_autofree char *found = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 48);
  cairo_t *cr = cairo_create (surface);
  SscChartData data;

  /* Draw something, so the library's code is in use. */
  ssc_chart_data_init (&data, NULL, NULL);
  ssc_chart_render (SSC_CHART_MIX, &data, cr, 64, 48, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  dl_iterate_phdr (find_gtk, &found);
  g_assert_cmpstr (found, ==, NULL);
}

static void
test_formats (void)
{
  static const struct { const char *path; gboolean ok; SscChartFormat format; } cases[] = {
    { "a.svg", TRUE, SSC_CHART_FORMAT_SVG },
    { "/tmp/x/Chart.PNG", TRUE, SSC_CHART_FORMAT_PNG },
    { "report.Pdf", TRUE, SSC_CHART_FORMAT_PDF },
    { "data.CSV", TRUE, SSC_CHART_FORMAT_CSV },
    { "dir.svg/chart.png", TRUE, SSC_CHART_FORMAT_PNG },
    { "chart.jpg", FALSE, 0 },
    { "chart.svgz", FALSE, 0 },
    { "svg", FALSE, 0 },
    { ".svg", FALSE, 0 },
    { "chart", FALSE, 0 },
    { "", FALSE, 0 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      SscChartFormat format = -1;

      g_test_message ("%s", cases[k].path);
      g_assert_cmpint (ssc_chart_format_from_path (cases[k].path, &format), ==, cases[k].ok);
      if (cases[k].ok)
        g_assert_cmpint (format, ==, cases[k].format);
    }
}

/* ------------------------------------------------------------------ */
/* Every chart, study and format                                       */

typedef struct
{
  SsTestStudy    study;
  SscChartKind   kind;
  SscChartFormat format;
} ExportCase;

static const char * const format_ext[] = { "svg", "png", "pdf", "csv" };

static void
check_svg (const char *path,
           int         width,
           int         height)
{
  xmlDocPtr doc = ss_test_svg_read (path);
  xmlNodePtr root;
  xmlChar *w, *h;
  g_autofree char *want_w = g_strdup_printf ("%dpx", width);
  g_autofree char *want_h = g_strdup_printf ("%dpx", height);
  g_autofree char *contents = NULL;

  root = xmlDocGetRootElement (doc);
  w = xmlGetProp (root, (const xmlChar *)"width");
  h = xmlGetProp (root, (const xmlChar *)"height");
  g_assert_cmpstr ((const char *)w, ==, want_w);
  g_assert_cmpstr ((const char *)h, ==, want_h);
  xmlFree (w);
  xmlFree (h);
  /* Something drawn: more than the background rectangle. */
  g_assert_nonnull (root->children);
  xmlFreeDoc (doc);

  /* Not cairo's SVG surface, whose text is glyph outlines. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "<symbol id=\"glyph"));
}

/* The SVG export's labels are text a person can edit: every character the
 * PDF export shows is in a <text> element, and the document has the
 * chart's title and summary. */
static void
check_svg_text (Fixture      *f,
                SscChartKind  kind,
                const char   *path)
{
  g_autoptr(xmlDoc) doc = ss_test_svg_read (path);
  g_autofree char *pdf = g_build_filename (f->dir, "same-chart.pdf", NULL);
  g_autofree char *title = ssc_chart_title (kind, &f->data);
  g_autofree char *desc = ssc_chart_describe (kind, &f->data);
  g_autofree char *shown = NULL, *text = NULL;
  g_autoptr(GError) error = NULL;

  ss_test_svg_assert_editable (doc, title, desc);

  g_assert_true (ssc_chart_export (kind, &f->data, pdf, 960, 600, &error));
  g_assert_no_error (error);
  shown = ss_test_pdf_text (pdf);
  g_remove (pdf);
  if (shown == NULL)
    {
      g_test_message ("pdftotext (poppler-utils) is missing: labels not compared with the PDF");
      return;
    }
  text = ss_test_svg_text (doc);
  ss_test_assert_same_chars (shown, text);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *)(data + (gsize)y * cairo_image_surface_get_stride (surface) + 4 * x);
}

/* Distinct colours in a rectangle, counted up to a limit. */
static guint
count_colors (cairo_surface_t *surface,
              int              x0,
              int              y0,
              int              w,
              int              h,
              guint            limit)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  cairo_surface_flush (surface);
  for (int y = y0; y < y0 + h; y++)
    for (int x = x0; x < x0 + w; x++)
      {
        g_hash_table_add (seen, GUINT_TO_POINTER (pixel_at (surface, x, y)));
        if (g_hash_table_size (seen) >= limit)
          return limit;
      }
  return g_hash_table_size (seen);
}

static void
check_png (const char *path,
           int         width,
           int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  /* Not blank, and a title drawn at the top left. */
  g_assert_cmpuint (count_colors (surface, 0, 0, width, height, 50), >=, 50);
  g_assert_cmpuint (count_colors (surface, 16, 12, MIN (200, width - 16), 22, 2), ==, 2);
  /* The light style: an opaque white background in the corner. */
  g_assert_cmphex (pixel_at (surface, 1, 1), ==, 0xffffffff);
  cairo_surface_destroy (surface);
}

static void
check_pdf (const char *path,
           int         width,
           int         height)
{
  g_autofree char *contents = NULL;
  g_autofree char *media_box = g_strdup_printf ("/MediaBox [ 0 0 %g %g ]", width * 0.75,
                                                height * 0.75);
  gsize length;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (ss_test_bytes_contain (contents + length - 8, 8, "%%EOF"));
  /* One page, 96 pixels to the inch. */
  g_assert_true (ss_test_bytes_contain (contents, length, media_box));
}

/* The CSV reads back with the project's RFC 4180 reader into the chart's
 * table: the same headings, as many records, every number the same double. */
static void
check_csv_parses_back (const SsTable *table,
                       const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  g_autoptr(SsCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint records = 0, n_columns = ss_table_get_n_columns (table);

  g_assert_nonnull (stream);
  reader = ss_csv_reader_new (G_INPUT_STREAM (stream), NULL);
  while (ss_csv_reader_next (reader, &error))
    {
      g_assert_cmpuint (ss_csv_reader_get_n_fields (reader), ==, n_columns);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *field = ss_csv_reader_get_field (reader, c);
          guint r = records - 1;

          if (records == 0)
            {
              g_autofree char *header = ss_table_get_header (table, c);

              g_assert_cmpstr (field, ==, header);
            }
          else if (ss_table_get_text (table, r, c) != NULL)
            g_assert_cmpstr (field, ==, ss_table_get_text (table, r, c));
          else if (!ss_table_is_number (table, r, c))
            g_assert_cmpstr (field, ==, "");
          else
            {
              char *end = NULL;

              g_assert_cmpfloat (g_ascii_strtod (field, &end), ==, ss_table_get_number (table, r, c));
              g_assert_cmpint (*end, ==, '\0');
            }
        }
      records++;
    }
  g_assert_no_error (error);
  g_assert_true (ss_csv_reader_had_bom (reader));
  g_assert_cmpuint (records, ==, 1 + ss_table_get_n_rows (table));
}

static guint
column_named (const SsTable *table,
              const char    *title)
{
  for (guint c = 0; c < ss_table_get_n_columns (table); c++)
    if (g_str_equal (ss_table_get_title (table, c), title))
      return c;
  g_error ("no column “%s”", title);
}

/* What each chart's table holds, against the projections it draws. */
static void
check_chart_table (Fixture       *f,
                   SscChartKind   kind,
                   const SsTable *table)
{
  const SsProjection *p = g_ptr_array_index (f->projections, 1 + f->data.scenario);
  const SsMeta *meta = ss_study_get_meta (f->study);
  guint ny = p->n_years, nc = ss_study_get_n_countries (f->study);
  guint n_items = ss_study_get_n_items (f->study);

  switch (kind)
    {
    case SSC_CHART_MIX:
    case SSC_CHART_COST:
    case SSC_CHART_RISK:
      /* A row a year, the year first. */
      g_assert_cmpuint (ss_table_get_n_rows (table), ==, ny);
      for (guint t = 0; t < ny; t++)
        g_assert_cmpfloat (ss_table_get_number (table, t, 0), ==, meta->base_year + (int)t);
      if (kind == SSC_CHART_MIX)
        /* The scenario's bands stack to 100 %; each is a country's spend share. */
        for (guint t = 0; t < ny; t++)
          {
            double sum = 0;

            for (guint c = 0; c < nc; c++)
              {
                g_autofree char *title = g_strdup_printf ("%s, %s", ss_study_get_country (f->study, c)->name,
                                                          ss_study_get_scenario (f->study, f->data.scenario)->name);

                for (guint k = 1; k < ss_table_get_n_columns (table); k++)
                  if (g_str_equal (ss_table_get_title (table, k), title))
                    {
                      g_assert_cmpfloat (ss_table_get_number (table, t, k), ==, 100 * p->spend_share[c * ny + t]);
                      sum += ss_table_get_number (table, t, k);
                    }
              }
            g_assert_cmpfloat_with_epsilon (sum, 100, 1e-9);
          }
      else if (kind == SSC_CHART_RISK)
        {
          g_autofree char *hhi = g_strdup_printf ("HHI, %s", ss_study_get_scenario (f->study, f->data.scenario)->name);
          guint col = column_named (table, hhi);

          for (guint t = 0; t < ny; t++)
            g_assert_cmpfloat (ss_table_get_number (table, t, col), ==, p->portfolio_hhi[t]);
        }
      else
        {
          guint col = column_named (table, "Net premium to firms");

          for (guint t = 0; t < ny; t++)
            g_assert_cmpfloat_with_epsilon (ss_table_get_number (table, t, col), p->cost_premium[t],
                                            1e-9 * MAX (1, fabs (p->cost_premium[t])));
        }
      break;
    case SSC_CHART_FRONTIER:
      /* The frontier first, each mix adding up to 100 %. */
      g_assert_cmpuint (ss_table_get_n_rows (table), >, 2);
      g_assert_cmpstr (ss_table_get_text (table, 0, 0), ==, "Frontier mix");
      for (guint r = 0; r < ss_table_get_n_rows (table); r++)
        {
          double sum = 0;

          for (guint c = 0; c < nc; c++)
            sum += ss_table_get_number (table, r, 4 + c);
          g_assert_cmpfloat_with_epsilon (sum, 100, 1e-6);
        }
      break;
    case SSC_CHART_HEATMAP:
      /* Every item, in study order, in the final year. */
      g_assert_cmpuint (ss_table_get_n_rows (table), ==, n_items);
      for (guint i = 0; i < n_items; i++)
        {
          g_assert_cmpstr (ss_table_get_text (table, i, 2), ==, ss_study_get_item (f->study, i)->code);
          for (guint c = 0; c < nc; c++)
            g_assert_cmpfloat (ss_table_get_number (table, i, 4 + c), ==,
                               100 * p->share[((gsize)i * nc + c) * ny + ny - 1]);
        }
      break;
    case SSC_CHART_COMPARE:
      /* A row a scenario, the baseline first, the NPV of its premium. */
      g_assert_cmpuint (ss_table_get_n_rows (table), ==, f->projections->len);
      for (guint r = 0; r < f->projections->len; r++)
        g_assert_cmpfloat (ss_table_get_number (table, r, 1), ==,
                           ((const SsProjection *)g_ptr_array_index (f->projections, r))->npv_cost_premium);
      break;
    case SSC_CHART_STRESS:
      /* A row a cell of the document's grid, in its order, with its premium. */
      g_assert_cmpuint (ss_table_get_n_rows (table), ==, f->cells->len);
      for (guint r = 0; r < f->cells->len; r++)
        {
          const SsProjection *cell = g_ptr_array_index (f->cells, r);

          g_assert_cmpfloat (ss_table_get_number (table, r, 2), ==, cell->npv_cost_premium);
          g_assert_cmpfloat (ss_table_get_number (table, r, 3), ==,
                             cell->expected_shortfall_impact[ny - 1]);
        }
      g_assert_cmpstr (ss_table_get_text (table, 0, 0), ==, "Baseline");
      g_assert_cmpstr (ss_table_get_text (table, 0, 1), ==, "No shock");
      break;
    case SSC_CHART_TORNADO:
      /* Every input the model varied, largest swing first, named as the chart names them. */
      g_assert_cmpuint (ss_table_get_n_rows (table), ==, f->tornado->inputs->len);
      for (guint r = 0; r < f->tornado->inputs->len; r++)
        {
          const SsSensitivityInput *in = &g_array_index (f->tornado->inputs, SsSensitivityInput, r);
          double scale = f->tornado->figure == SS_SENSITIVITY_MAX_FOREIGN_SHARE ? 100 : 1;
          g_autofree char *name = ss_sensitivity_input_name (f->study, in);

          g_assert_cmpstr (ss_table_get_text (table, r, 0), ==, name);
          g_assert_cmpfloat (ss_table_get_number (table, r, 1), ==, in->value);
          g_assert_cmpfloat (ss_table_get_number (table, r, 6), ==, scale * in->swing);
          if (r > 0)
            g_assert_cmpfloat (ss_table_get_number (table, r, 6), <=, ss_table_get_number (table, r - 1, 6));
        }
      break;
    default:
      /* A chart added to the registry: at least some data. */
      g_assert_cmpuint (ss_table_get_n_rows (table), >, 0);
      break;
    }
}

static void
check_csv (Fixture      *f,
           SscChartKind  kind,
           const char   *path)
{
  g_autoptr(SsTable) table = ssc_chart_table (kind, &f->data);

  g_assert_nonnull (table);
  g_assert_cmpuint (ss_table_get_n_columns (table), >=, 2);
  check_csv_parses_back (table, path);
  check_chart_table (f, kind, table);
}

static void
test_export (Fixture       *f,
             gconstpointer  user_data)
{
  const ExportCase *c = user_data;
  g_autofree char *name = g_strdup_printf ("%s.%s", ssc_chart_kind_to_string (c->kind),
                                           format_ext[c->format]);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (c->kind == SSC_CHART_FRONTIER)
    f->data.item = 0;
  g_assert_true (ssc_chart_export (c->kind, &f->data, path, 960, 600, &error));
  g_assert_no_error (error);
  /* The file and nothing else: no temporary left over. */
  g_assert_cmpuint (dir_count (f->dir), ==, 1);

  switch (c->format)
    {
    case SSC_CHART_FORMAT_SVG:
      check_svg (path, 960, 600);
      check_svg_text (f, c->kind, path);
      break;
    case SSC_CHART_FORMAT_PNG:
      check_png (path, 960, 600);
      break;
    case SSC_CHART_FORMAT_CSV:
      check_csv (f, c->kind, path);
      break;
    case SSC_CHART_FORMAT_PDF:
    default:
      check_pdf (path, 960, 600);
      break;
    }
}

/* Each chart for an item and for the portfolio, for the baseline and for
 * each scenario, at the smallest size the widget allows and a large one:
 * no cairo error and no warning (fatal in the tests). */
static void
test_render_all_ways (Fixture       *f,
                      gconstpointer  user_data)
{
  static const int sizes[][2] = { { 320, 240 }, { 640, 360 }, { 1920, 1080 }, { 60, 40 } };
  guint n_scenarios = ss_study_get_n_scenarios (f->study);
  g_autoptr(SscChartHit) hit = ssc_chart_hit_new ();

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[z][0],
                                                             sizes[z][1]);
      cairo_t *cr = cairo_create (surface);

      for (int s = SS_BASELINE; s < (int)n_scenarios; s++)
        for (int item = -1; item < 2; item++)
          for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
            {
              f->data.scenario = s;
              f->data.item = item;
              f->data.year = item == 1 ? 0 : -1;
              ssc_chart_data_set_style (&f->data, item == 0);
              ssc_chart_render (kind, &f->data, cr, sizes[z][0], sizes[z][1], hit);
              g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* ------------------------------------------------------------------ */
/* Failures leave nothing behind                                       */

static void
test_bad_format (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.jpg", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ssc_chart_export (SSC_CHART_MIX, &f->data, path, 960, 600, &error));
  g_assert_error (error, SSC_CHART_ERROR, SSC_CHART_ERROR_FORMAT);
  g_assert_cmpuint (dir_count (f->dir), ==, 0);
}

static void
test_bad_size (Fixture       *f,
               gconstpointer  user_data)
{
  static const int sizes[][2] = {
    { 0, 600 }, { 960, 0 }, { -1, 600 }, { 10001, 600 }, { 960, 10001 },
  };
  g_autofree char *path = g_build_filename (f->dir, "chart.png", NULL);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ssc_chart_export (SSC_CHART_MIX, &f->data, path, sizes[k][0], sizes[k][1],
                                       &error));
      g_assert_error (error, SSC_CHART_ERROR, SSC_CHART_ERROR_SIZE);
    }
  g_assert_cmpuint (dir_count (f->dir), ==, 0);
}

static void
test_other_size (Fixture       *f,
                 gconstpointer  user_data)
{
  g_autofree char *png = g_build_filename (f->dir, "small.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "small.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "small.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (ssc_chart_export (SSC_CHART_RISK, &f->data, png, 480, 360, &error));
  g_assert_true (ssc_chart_export (SSC_CHART_RISK, &f->data, svg, 480, 360, &error));
  g_assert_true (ssc_chart_export (SSC_CHART_RISK, &f->data, pdf, 480, 360, &error));
  g_assert_no_error (error);
  check_png (png, 480, 360);
  check_svg (svg, 480, 360);
  check_pdf (pdf, 480, 360);
}

/* 2× is the same chart at twice the pixels; a vector file keeps its
 * size. A footer line is drawn when asked for, within the size. */
static void
test_scale_and_footer (Fixture       *f,
                       gconstpointer  user_data)
{
  g_autofree char *png = g_build_filename (f->dir, "double.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "double.svg", NULL);
  g_autofree char *big = g_build_filename (f->dir, "big.png", NULL);
  g_autoptr(GDateTime) day = g_date_time_new_utc (2026, 3, 14, 12, 0, 0);
  g_autofree char *footer = ssc_chart_footer_text (f->study, day);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (footer, "2026-03-14"));
  g_assert_nonnull (strstr (footer, ss_study_get_meta (f->study)->title));
  g_assert_nonnull (strstr (footer, "Source: "));
  g_assert_true (ssc_chart_export_scaled (SSC_CHART_MIX, &f->data, png, 480, 300, 2, &error));
  g_assert_no_error (error);
  check_png (png, 960, 600);
  f->data.footer = footer;
  g_assert_true (ssc_chart_export_scaled (SSC_CHART_MIX, &f->data, svg, 480, 300, 2, &error));
  check_svg (svg, 480, 300);
  g_assert_true (g_file_get_contents (svg, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "2026-03-14"));
  f->data.footer = NULL;

  /* Past the largest size in pixels, once scaled. */
  g_assert_false (ssc_chart_export_scaled (SSC_CHART_MIX, &f->data, big, 6000, 3000, 2, &error));
  g_assert_error (error, SSC_CHART_ERROR, SSC_CHART_ERROR_SIZE);
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "chart.svg", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ssc_chart_export (SSC_CHART_MIX, &f->data, path, 960, 600, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (dir_count (f->dir), ==, 0);
}

/* The name is taken by a folder: the rename fails after the whole chart
 * was written, and the temporary file must go. */
static void
test_folder_in_the_way (Fixture       *f,
                        gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (ssc_chart_export (SSC_CHART_MIX, &f->data, path, 960, 600, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (dir_count (f->dir), ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

/* Through the same safe write as a study: a link is followed and stays a
 * link; a read-only file and a FIFO are left as they are. */
static void
test_links_and_refusals (Fixture       *f,
                         gconstpointer  user_data)
{
  g_autofree char *real = g_build_filename (f->dir, "real.svg", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.svg", NULL);
  g_autofree char *read_only = g_build_filename (f->dir, "read-only.pdf", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.png", NULL);
  g_autofree char *target = NULL, *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.svg", link), ==, 0);
  g_assert_true (ssc_chart_export (SSC_CHART_COST, &f->data, link, 960, 600, &error));
  g_assert_no_error (error);
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.svg");
  check_svg (real, 960, 600);

  g_assert_true (g_file_set_contents (read_only, "old", -1, NULL));
  g_assert_cmpint (g_chmod (read_only, 0444), ==, 0);
  g_assert_false (ssc_chart_export (SSC_CHART_COST, &f->data, read_only, 960, 600, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (read_only, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_false (ssc_chart_export (SSC_CHART_COST, &f->data, fifo, 960, 600, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_file_test (fifo, G_FILE_TEST_EXISTS) && !g_file_test (fifo, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (dir_count (f->dir), ==, 4);
}

static void
test_replace (Fixture       *f,
              gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_assert_true (ssc_chart_export (SSC_CHART_COST, &f->data, path, 960, 600, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dir_count (f->dir), ==, 1);
  check_svg (path, 960, 600);
}

/* An export is in the light style whatever the data says. */
static void
test_light_style (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (f->dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;

  ssc_chart_data_set_style (&f->data, TRUE);
  g_assert_true (ssc_chart_export (SSC_CHART_HEATMAP, &f->data, path, 640, 400, &error));
  g_assert_no_error (error);
  check_png (path, 640, 400);
}

/* ------------------------------------------------------------------ */
/* Missing data                                                        */

static void
test_missing_projections (Fixture       *f,
                          gconstpointer  user_data)
{
  g_autoptr(GPtrArray) some = g_ptr_array_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SscChartHit) hit = ssc_chart_hit_new ();
  SscChartData data = f->data;

  /* Only the baseline and the chosen scenario, as the window passes them. */
  for (guint k = 0; k < f->projections->len; k++)
    g_ptr_array_add (some, k == 0 || k == 2 ? g_ptr_array_index (f->projections, k) : NULL);
  data.projections = some;
  data.scenario = 1;
  for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
    {
      g_autofree char *description = ssc_chart_describe (kind, &data);
      g_autofree char *markup = NULL;

      g_autoptr(SsTable) table = ssc_chart_table (kind, &data);

      ssc_chart_render (kind, &data, cr, 640, 400, hit);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_nonnull (description);
      g_assert_nonnull (table);
      ssc_chart_hit_query (hit, &data, 320, 200, &markup);
    }

  /* A scenario whose projection is missing draws a message, not a crash. */
  data.scenario = 0;
  for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
    {
      g_autofree char *description = ssc_chart_describe (kind, &data);

      g_autofree char *path = g_build_filename (f->dir, "nothing.csv", NULL);
      g_autoptr(GError) error = NULL;

      ssc_chart_render (kind, &data, cr, 640, 400, hit);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpstr (description, ==, "No data to show yet.");
      /* Nothing drawn, no data: a CSV export says so and leaves no file. */
      g_assert_null (ssc_chart_table (kind, &data));
      g_assert_false (ssc_chart_export (kind, &data, path, 960, 600, &error));
      g_assert_error (error, SSC_CHART_ERROR, SSC_CHART_ERROR_NO_DATA);
      g_assert_cmpuint (dir_count (f->dir), ==, 0);
    }

  /* No projections, and no study at all. */
  data.projections = NULL;
  ssc_chart_render (SSC_CHART_MIX, &data, cr, 640, 400, hit);
  data.study = NULL;
  ssc_chart_render (SSC_CHART_COMPARE, &data, cr, 640, 400, hit);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------------ */
/* Hover and accessible summaries                                      */

static char *
query_at (SscChartKind        kind,
          const SscChartData *data,
          double             x,
          double             y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 600);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(SscChartHit) hit = ssc_chart_hit_new ();
  char *markup = NULL;

  ssc_chart_render (kind, data, cr, 960, 600, hit);
  ssc_chart_render_hover (hit, data, cr, x, y);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  if (!ssc_chart_hit_query (hit, data, x, y, &markup))
    g_assert_null (markup);
  else
    g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return markup;
}

static void
test_hover (Fixture       *f,
            gconstpointer  user_data)
{
  g_autofree char *mix_right = NULL, *mix_left = NULL, *outside = NULL, *heat = NULL;
  g_autofree char *compare = NULL, *risk = NULL, *cost = NULL;
  SsStudy *study = f->study;
  int base_year = ss_study_get_meta (study)->base_year;
  int final_year = base_year + ss_study_get_meta (study)->horizon;
  g_autofree char *first = g_strdup_printf ("<b>%d</b>", base_year);
  g_autofree char *last = g_strdup_printf ("<b>%d</b>", final_year);

  /* A time chart tells the year under the pointer and each country: the
   * first year at the plot's left edge, the last at its right. */
  f->data.item = 0;
  for (int x = 0; x < 960 && mix_left == NULL; x += 4)
    mix_left = query_at (SSC_CHART_MIX, &f->data, x, 300);
  for (int x = 956; x > 0 && mix_right == NULL; x -= 4)
    mix_right = query_at (SSC_CHART_MIX, &f->data, x, 300);
  g_assert_nonnull (mix_left);
  g_assert_nonnull (mix_right);
  g_assert_true (g_str_has_prefix (mix_left, first));
  g_assert_true (g_str_has_prefix (mix_right, last));
  g_assert_nonnull (strstr (mix_right, ss_study_get_country (study, 0)->name));
  g_assert_nonnull (strstr (mix_right, "baseline"));

  /* Nothing in the title or far outside. */
  outside = query_at (SSC_CHART_MIX, &f->data, 20, 10);
  g_assert_null (outside);

  risk = query_at (SSC_CHART_RISK, &f->data, 400, 300);
  g_assert_nonnull (risk);
  g_assert_nonnull (strstr (risk, "Supply risk"));
  cost = query_at (SSC_CHART_COST, &f->data, 400, 400);
  g_assert_nonnull (cost);
  g_assert_nonnull (strstr (cost, "premium"));

  /* The heatmap names the item and the country of the cell; its first
   * row is the first item and its first column the first country. */
  f->data.item = -1;
  for (int y = 60; y < 200 && heat == NULL; y += 4)
    {
      g_autofree char *m = query_at (SSC_CHART_HEATMAP, &f->data, 270, y);

      if (m != NULL && strstr (m, " from ") != NULL)
        heat = g_steal_pointer (&m);
    }
  g_assert_nonnull (heat);
  g_assert_nonnull (strstr (heat, ss_study_get_item (study, 0)->name));
  g_assert_nonnull (strstr (heat, ss_study_get_country (study, 0)->name));

  /* The comparison names the scenario of the row. */
  for (int y = 80; y < 300 && compare == NULL; y += 4)
    {
      g_autofree char *m = query_at (SSC_CHART_COMPARE, &f->data, 300, y);

      if (m != NULL)
        compare = g_steal_pointer (&m);
    }
  g_assert_nonnull (compare);
  g_assert_nonnull (strstr (compare, "Baseline"));
}

/* The comparison shows the year it is given, as the window's year list
 * sets it, the final year by default: its panels, its data and its
 * summary are that year's, read against each scenario's projection. */
static void
test_compare_year (Fixture       *f,
                   gconstpointer  user_data)
{
  const SsMeta *meta = ss_study_get_meta (f->study);
  int years[] = { 0, meta->horizon / 2, -1 };

  for (guint k = 0; k < G_N_ELEMENTS (years); k++)
    {
      guint t = years[k] >= 0 ? (guint)years[k] : (guint)meta->horizon;
      g_autofree char *in_year = g_strdup_printf ("Supply risk (SR) in %d", meta->base_year + (int)t);
      g_autofree char *said = g_strdup_printf ("supply risk in %d (", meta->base_year + (int)t);
      g_autofree char *text = NULL;
      g_autoptr(SsTable) table = NULL;
      gboolean titled = FALSE;

      f->data.item = -1;
      f->data.year = years[k];
      table = ssc_chart_table (SSC_CHART_COMPARE, &f->data);
      text = ssc_chart_describe (SSC_CHART_COMPARE, &f->data);
      g_test_message ("%s", text);
      g_assert_nonnull (strstr (text, said));
      g_assert_cmpuint (ss_table_get_n_rows (table), ==, f->projections->len);
      for (guint c = 0; c < ss_table_get_n_columns (table); c++)
        if (g_strcmp0 (ss_table_get_title (table, c), in_year) == 0)
          {
            titled = TRUE;
            for (guint r = 0; r < f->projections->len; r++)
              {
                const SsProjection *p = g_ptr_array_index (f->projections, r);

                g_assert_cmpfloat_with_epsilon (ss_table_get_number (table, r, c),
                                                p->portfolio_supply_risk[t], 1e-9);
              }
          }
      g_assert_true (titled);
    }
}

static void
test_hover_frontier (Fixture       *f,
                     gconstpointer  user_data)
{
  gboolean found = FALSE;

  f->data.item = 0;
  /* Somewhere in the plot lies a point of the frontier or a marker. */
  for (int x = 60; x < 700 && !found; x += 12)
    for (int y = 100; y < 540 && !found; y += 12)
      {
        g_autofree char *m = query_at (SSC_CHART_FRONTIER, &f->data, x, y);

        if (m != NULL)
          {
            g_assert_nonnull (strstr (m, "Cost index"));
            g_assert_nonnull (strstr (m, "Supply risk"));
            found = TRUE;
          }
      }
  g_assert_true (found);
}

static void
test_describe (Fixture       *f,
               gconstpointer  user_data)
{
  SsStudy *study = f->study;

  for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (study); s++)
    for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
      {
        g_autofree char *title = NULL, *text = NULL;

        f->data.scenario = s;
        f->data.item = kind == SSC_CHART_MIX ? 0 : -1;
        title = ssc_chart_title (kind, &f->data);
        text = ssc_chart_describe (kind, &f->data);
        g_test_message ("%s: %s", title, text);
        g_assert_cmpstr (title, !=, "");
        g_assert_true (g_str_has_suffix (text, "."));
        g_assert_nonnull (strchr (text, ' '));
        g_assert_true (g_utf8_validate (text, -1, NULL));
      }
}

/* The worked example's first scenario moves lithium hydroxide away from
 * China; the sentence says so with the figures of the projection. */
static void
test_describe_example (Fixture       *f,
                       gconstpointer  user_data)
{
  const SsProjection *p = g_ptr_array_index (f->projections, 1);
  guint ny = p->n_years;
  g_autofree char *text = NULL, *other = NULL;
  g_autofree char *from = g_strdup_printf ("%.0f %%", 100 * p->share[0]);
  g_autofree char *to = g_strdup_printf ("%.0f %%", 100 * p->share[ny - 1]);

  f->data.scenario = 0;
  f->data.item = 0;
  text = ssc_chart_describe (SSC_CHART_MIX, &f->data);
  g_test_message ("%s", text);
  g_assert_cmpstr (ss_study_get_country (f->study, 0)->code, ==, "CN");
  /* The names are in bidi isolates (docs/decisions.md). */
  g_assert_nonnull (strstr (text, "\u2068China\u2069’s share of \u2068Lithium hydroxide\u2069 falls"));
  g_assert_nonnull (strstr (text, from));
  g_assert_nonnull (strstr (text, to));

  /* Another scenario, another sentence. */
  f->data.scenario = SS_BASELINE;
  other = ssc_chart_describe (SSC_CHART_MIX, &f->data);
  g_assert_cmpstr (text, !=, other);
  g_assert_nonnull (strstr (other, "stays"));
}


/* ------------------------------------------------------------------ */
/* The stress grid                                                     */

typedef struct
{
  double x, y;
} Spot;

/* Renders the stress chart at 960×600 and finds a point inside each cell
 * with the hit test, scanning the canvas: spots[r * n_shocks + k]. */
static GArray *
stress_spots (const SscChartData *data,
              SscChartHit        *hit,
              GArray             *strategies,
              GArray             *shocks)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 600);
  cairo_t *cr = cairo_create (surface);
  GArray *spots = g_array_new (FALSE, TRUE, sizeof (Spot));
  g_autofree gboolean *found = NULL;
  guint nk, n;

  ss_study_get_stress_axes (data->study, strategies, shocks);
  nk = shocks->len;
  n = strategies->len * nk;
  found = g_new0 (gboolean, n);
  g_array_set_size (spots, n);
  ssc_chart_render (SSC_CHART_STRESS, data, cr, 960, 600, hit);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  for (double y = 0; y < 600; y += 3)
    for (double x = 0; x < 960; x += 5)
      {
        int strategy = 99, shock = 99, r = -1, k = -1;

        if (!ssc_chart_hit_cell (hit, x, y, &strategy, &shock))
          continue;
        for (guint j = 0; j < strategies->len; j++)
          if (g_array_index (strategies, int, j) == strategy)
            r = j;
        for (guint j = 0; j < nk; j++)
          if (g_array_index (shocks, int, j) == shock)
            k = j;
        g_assert_cmpint (r, >=, 0);
        g_assert_cmpint (k, >=, 0);
        g_array_index (spots, Spot, r * nk + k) = (Spot) { x, y };
        found[r * nk + k] = TRUE;
      }
  for (guint j = 0; j < n; j++)
    g_assert_true (found[j]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return spots;
}

/* Every cell of the model's grid is drawn where the hit test finds it,
 * rows going down by strategy and columns across by shock, and its
 * tooltip shows that cell's figures. */
static void
test_stress_cells (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(GArray) strategies = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) shocks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(SscChartHit) hit = ssc_chart_hit_new ();
  g_autoptr(GArray) spots = stress_spots (&f->data, hit, strategies, shocks);
  guint nr = strategies->len, nk = shocks->len;
  guint last = ss_study_get_meta (f->study)->horizon;
  int strategy, shock;

  g_assert_cmpuint (f->cells->len, ==, nr * nk);
  for (guint r = 0; r < nr; r++)
    for (guint k = 0; k < nk; k++)
      {
        Spot at = g_array_index (spots, Spot, r * nk + k);
        const SsProjection *p = g_ptr_array_index (f->cells, r * nk + k);
        int s_index = g_array_index (strategies, int, r), k_index = g_array_index (shocks, int, k);
        g_autofree char *markup = query_at (SSC_CHART_STRESS, &f->data, at.x, at.y);
        g_autofree char *impact = ssc_format_value (p->expected_shortfall_impact[last]);
        g_autofree char *over = g_strdup_printf (": %d", p->over_target_count[last]);
        const char *s_name = s_index == SS_BASELINE ? "Baseline"
                             : ss_study_get_scenario (f->study, s_index)->name;

        if (r + 1 < nr)
          g_assert_cmpfloat (at.y, <, g_array_index (spots, Spot, (r + 1) * nk + k).y);
        if (k + 1 < nk)
          g_assert_cmpfloat (at.x, <, g_array_index (spots, Spot, r * nk + k + 1).x);
        g_assert_true (ssc_chart_hit_cell (hit, at.x, at.y, &strategy, &shock));
        g_assert_cmpint (strategy, ==, s_index);
        g_assert_cmpint (shock, ==, k_index);

        g_test_message ("%s", markup);
        g_assert_nonnull (markup);
        g_assert_nonnull (strstr (markup, s_name));
        if (k_index == SS_NO_SHOCK)
          g_assert_nonnull (strstr (markup, "with no shock"));
        else
          g_assert_nonnull (strstr (markup, ss_study_get_scenario (f->study, k_index)->name));
        g_assert_nonnull (strstr (markup, impact));
        if (!isnan (p->policy_target[last]))
          g_assert_nonnull (strstr (markup, over));
      }

  /* Off the grid, and on another chart, no cell. */
  g_assert_false (ssc_chart_hit_cell (hit, 2, 2, &strategy, &shock));
  g_assert_false (ssc_chart_hit_cell (hit, 959, 599, &strategy, &shock));
  {
    Spot at = g_array_index (spots, Spot, 0);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 600);
    cairo_t *cr = cairo_create (surface);

    ssc_chart_render (SSC_CHART_HEATMAP, &f->data, cr, 960, 600, hit);
    g_assert_false (ssc_chart_hit_cell (hit, at.x, at.y, &strategy, &shock));
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* The chart draws the model's figures, not its own: a cell whose
 * projection says otherwise shows what it says. */
static void
test_stress_reads_model (Fixture       *f,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_projection_free);
  g_autoptr(GArray) strategies = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) shocks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(SscChartHit) hit = ssc_chart_hit_new ();
  g_autoptr(GArray) spots = NULL;
  g_autofree char *text = NULL, *markup = NULL, *impact = NULL, *premium = NULL;
  guint last = ss_study_get_meta (f->study)->horizon, at;
  SsProjection *p;
  SscChartData data = f->data;

  for (guint k = 0; k < f->cells->len; k++)
    {
      SsProjection *copy = ss_projection_new ();

      ss_projection_copy_into (copy, g_ptr_array_index (f->cells, k));
      g_ptr_array_add (copies, copy);
    }
  at = copies->len - 1;
  p = g_ptr_array_index (copies, at);
  p->expected_shortfall_impact[last] = 98765.4;
  p->npv_cost_premium = -4321;
  data.cells = copies;

  impact = ssc_format_value (98765.4);
  premium = ssc_format_value (-4321);
  text = ssc_chart_describe (SSC_CHART_STRESS, &data);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, impact));
  spots = stress_spots (&data, hit, strategies, shocks);
  markup = query_at (SSC_CHART_STRESS, &data, g_array_index (spots, Spot, at).x,
                     g_array_index (spots, Spot, at).y);
  g_assert_nonnull (strstr (markup, impact));
  g_assert_nonnull (strstr (markup, premium));

  /* No grid, or one of another shape: a message, never a guess. */
  data.cells = NULL;
  g_free (text);
  text = ssc_chart_describe (SSC_CHART_STRESS, &data);
  g_assert_cmpstr (text, ==, "No data to show yet.");
  g_ptr_array_set_size (copies, copies->len - 1);
  data.cells = copies;
  g_free (text);
  text = ssc_chart_describe (SSC_CHART_STRESS, &data);
  g_assert_cmpstr (text, ==, "No data to show yet.");
}

/* The tornado draws the model's ranking: its first row is the input that
 * moves the figure most, with that input's figures; a tornado that says
 * otherwise is drawn as it says. */
static void
test_tornado (Fixture       *f,
              gconstpointer  user_data)
{
  const SsSensitivityInput *top = &g_array_index (f->tornado->inputs, SsSensitivityInput, 0);
  g_autofree char *name = ss_sensitivity_input_name (f->study, top);
  g_autofree char *low = ssc_format_value (top->low), *text = NULL, *markup = NULL;
  g_autoptr(SsSensitivity) changed = g_new0 (SsSensitivity, 1);
  SscChartData data = f->data;
  SsSensitivityInput *in;

  for (int y = 40; y < 300 && markup == NULL; y += 2)
    markup = query_at (SSC_CHART_TORNADO, &f->data, 400, y);
  g_assert_nonnull (markup);
  g_test_message ("%s", markup);
  g_assert_nonnull (strstr (markup, name));
  g_assert_nonnull (strstr (markup, low));

  *changed = *f->tornado;
  changed->inputs = g_array_copy (f->tornado->inputs);
  in = &g_array_index (changed->inputs, SsSensitivityInput, 0);
  in->low = 98765.4;
  in->swing = fabs (in->high - in->low);
  data.sensitivity = changed;
  text = ssc_chart_describe (SSC_CHART_TORNADO, &data);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "98\u202f765"));

  /* No tornado: a message, never one computed here. */
  data.sensitivity = NULL;
  g_free (text);
  text = ssc_chart_describe (SSC_CHART_TORNADO, &data);
  g_assert_cmpstr (text, ==, "No data to show yet.");
}

/* ------------------------------------------------------------------ */
/* The policy targets on the mix chart                                 */

/* The colour, without alpha, of the pixel under (x, y). */
static guint32
rgb_at (cairo_surface_t *surface,
        double           x,
        double           y)
{
  return pixel_at (surface, (int)floor (x), (int)floor (y)) & 0xffffff;
}

/* The light style's foreground (black at 80 %) over any colour. */
static gboolean
is_foreground (guint32 rgb)
{
  return (rgb >> 16 & 0xff) <= 0x33 && (rgb >> 8 & 0xff) <= 0x33 && (rgb & 0xff) <= 0x33;
}

static cairo_surface_t *
render_mix (const SscChartData *data,
            SscChartHit        *hit)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 600);
  cairo_t *cr = cairo_create (surface);

  ssc_chart_render (SSC_CHART_MIX, data, cr, 960, 600, hit);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* An item's mix chart draws the policy targets as dated steps: at 60 %
 * from 2027 to 2030, then at 50 %, and nothing before 2027. Checked
 * against the same chart of the study without targets: the pixels on
 * the 60 % line change only from 2027 to 2030, those on the 50 % line
 * only from 2030 on, and the line is the foreground colour. The tooltip
 * names the target in force; the portfolio's chart draws none. */
static void
test_policy_steps (Fixture       *f,
                   gconstpointer  user_data)
{
  g_autoptr(SsStudy) bare = ss_study_copy (f->study);
  g_autoptr(GPtrArray) bare_projections = NULL;
  g_autoptr(SscChartHit) hit = ssc_chart_hit_new ();
  g_autoptr(SscChartHit) bare_hit = ssc_chart_hit_new ();
  const SsMeta *meta = ss_study_get_meta (f->study);
  SscChartData with = f->data, without;
  cairo_surface_t *a, *b;
  SscRect plot;
  guint ny = meta->horizon + 1;
  double y60, y50;
  g_autofree char *tip_2026 = NULL, *tip_2028 = NULL, *tip_2031 = NULL;

  g_assert_cmpint (meta->base_year, ==, 2024);
  g_assert_cmpuint (meta->policy_targets->len, ==, 2);
  g_array_set_size (ss_study_get_meta (bare)->policy_targets, 0);
  bare_projections = ss_engine_project_all (bare);
  ssc_chart_data_init (&without, bare, bare_projections);
  with.scenario = without.scenario = SS_BASELINE;
  with.item = without.item = 0;
  ssc_chart_data_set_style (&with, FALSE);
  ssc_chart_data_set_style (&without, FALSE);
  with.fill_background = without.fill_background = TRUE;

  a = render_mix (&with, hit);
  b = render_mix (&without, bare_hit);
  plot = hit->panels[0];
  g_assert_cmpfloat (plot.w, ==, bare_hit->panels[0].w);
  y60 = plot.y + plot.h * 0.4;
  y50 = plot.y + plot.h * 0.5;

#define YEAR_X(year) (plot.x + plot.w * ((year) - 2024) / (double)(ny - 1))
  /* Before 2027 no target is in force: nothing drawn on either line. */
  for (double year = 2024.5; year < 2027; year += 0.5)
    {
      g_assert_cmphex (rgb_at (a, YEAR_X (year), y60), ==, rgb_at (b, YEAR_X (year), y60));
      g_assert_cmphex (rgb_at (a, YEAR_X (year), y50 + 4), ==, rgb_at (b, YEAR_X (year), y50 + 4));
    }
  /* 60 % from 2027 to 2030, in the foreground colour (which no band has). */
  for (double year = 2027.25; year < 2030; year += 0.25)
    g_assert_true (is_foreground (rgb_at (a, YEAR_X (year), y60)));
  /* 50 % from 2030 to the end, and the 60 % line stops there. */
  for (double year = 2030.25; year < 2034; year += 0.25)
    {
      g_assert_true (is_foreground (rgb_at (a, YEAR_X (year), y50)));
      g_assert_cmphex (rgb_at (a, YEAR_X (year), y60), ==, rgb_at (b, YEAR_X (year), y60));
    }
#undef YEAR_X
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* The tooltip names the target in force, with the year it dates from. */
  tip_2026 = query_at (SSC_CHART_MIX, &with, plot.x + plot.w * 2 / (ny - 1), y60);
  tip_2028 = query_at (SSC_CHART_MIX, &with, plot.x + plot.w * 4 / (ny - 1), y60);
  tip_2031 = query_at (SSC_CHART_MIX, &with, plot.x + plot.w * 7 / (ny - 1), y60);
  g_assert_true (g_str_has_prefix (tip_2026, "<b>2026</b>"));
  g_assert_null (strstr (tip_2026, "Policy target"));
  g_assert_nonnull (strstr (tip_2028, "at most 60 % (2027)"));
  g_assert_nonnull (strstr (tip_2031, "at most 50 % (2030)"));

  /* The portfolio's spending raises no target: no line, the same picture. */
  with.item = without.item = -1;
  a = render_mix (&with, NULL);
  b = render_mix (&without, NULL);
  g_assert_cmpmem (cairo_image_surface_get_data (a),
                   cairo_image_surface_get_stride (a) * 600,
                   cairo_image_surface_get_data (b),
                   cairo_image_surface_get_stride (b) * 600);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Every country colour reads at 3:1 or more in the dark style, against
 * the darkest and the lightest dark surface (the view and a card); in the
 * light style the colours are as they were. */
static void
test_palette_contrast (void)
{
  static const guint32 dark_surfaces[] = { 0x1e1e1e, 0x242424, SSC_PALETTE_DARK_SURFACE };

  for (guint i = 0; i < SSC_PALETTE_N_COUNTRY_COLORS; i++)
    {
      guint32 light = ssc_palette_country_for (i, FALSE);
      guint32 dark = ssc_palette_country_for (i, TRUE);

      g_assert_cmphex (light, ==, ssc_palette_country (i));
      g_test_message ("colour %u: #%06x %.2f:1 on #%06x, dark style #%06x %.2f:1", i, light,
                      ssc_contrast_ratio (light, SSC_PALETTE_DARK_SURFACE), SSC_PALETTE_DARK_SURFACE,
                      dark, ssc_contrast_ratio (dark, SSC_PALETTE_DARK_SURFACE));
      for (guint k = 0; k < G_N_ELEMENTS (dark_surfaces); k++)
        g_assert_cmpfloat (ssc_contrast_ratio (dark, dark_surfaces[k]), >=, 3.0);
      /* Only as much lighter as it takes. */
      if (ssc_contrast_ratio (light, SSC_PALETTE_DARK_SURFACE) >= 3.0)
        g_assert_cmphex (dark, ==, light);
    }
  /* WCAG's own figures: black on white is 21:1, a colour on itself 1:1. */
  g_assert_cmpfloat_with_epsilon (ssc_contrast_ratio (0x000000, 0xffffff), 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (ssc_contrast_ratio (0x777777, 0x777777), 1, 1e-9);
}

static double
label_line_height (cairo_t *cr)
{
  SscText *text = ssc_text_new (cr);
  double height = ssc_text_line_height (text, &ssc_font_label);

  ssc_text_free (text);
  return height;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* A PNG and an SVG lay text out as the PDF does, unhinted: the label
 * font's line is as tall in all three, so a legend's rows are as far
 * apart (20 px; the PNG and the SVG had 21 with hinted metrics). */
static void
test_png_text_as_pdf (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (discard, NULL, 75, 75);
  cairo_t *cr = cairo_create (image);
  cairo_t *pdf_cr = cairo_create (pdf);
  g_autoptr(SscSvg) svg = ssc_svg_new (100, 100, "t", "d");
  double hinted = label_line_height (cr);
  double svg_height = label_line_height (ssc_svg_get_context (svg));
  double pdf_height, png_height;

  cairo_scale (pdf_cr, 0.75, 0.75);
  pdf_height = label_line_height (pdf_cr);
  ssc_chart_export_prepare (cr);
  png_height = label_line_height (cr);
  g_test_message ("label line: PDF %.3f px, SVG %.3f px, PNG %.3f px (hinted %.3f px)",
                  pdf_height, svg_height, png_height, hinted);
  g_assert_cmpfloat_with_epsilon (png_height, pdf_height, 1e-6);
  g_assert_cmpfloat_with_epsilon (svg_height, pdf_height, 1e-6);
  cairo_destroy (cr);
  cairo_destroy (pdf_cr);
  cairo_surface_destroy (image);
  cairo_surface_destroy (pdf);
}

/* The mix chart's legend rows in the SVG: 20 px apart, as in the PDF. */
static void
test_svg_legend_spacing (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(GPtrArray) projections = g_ptr_array_new ();
  g_autofree char *doc = NULL;
  g_autoptr(GRegex) regex = g_regex_new ("y=\"([0-9.]+)\">(Japan|Chile)<", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  double y[2] = { 0, 0 };
  guint found = 0;
  SscChartData data;
  gsize length;

  ss_document_get_all_projections (document, projections);
  ssc_chart_data_init (&data, ss_document_get_study (document), projections);
  doc = ssc_chart_render_svg (SSC_CHART_MIX, &data, 960, 600, &length);
  g_assert_nonnull (doc);
  for (g_regex_match (regex, doc, 0, &match); g_match_info_matches (match) && found < 2;
       g_match_info_next (match, NULL))
    {
      g_autofree char *value = g_match_info_fetch (match, 1);

      y[found++] = g_ascii_strtod (value, NULL);
    }
  g_assert_cmpuint (found, ==, 2);
  g_test_message ("legend rows %g px apart", fabs (y[1] - y[0]));
  g_assert_cmpfloat_with_epsilon (fabs (y[1] - y[0]), 20, 1e-6);
}

int
main (int   argc,
      char *argv[])
{
  static ExportCase cases[SS_TEST_N_STUDIES * SSC_N_CHARTS * G_N_ELEMENTS (format_ext)];
  guint n = 0;

  /* As `supplyshift --export` runs: no display of either kind. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/kind-names", test_kind_names);
  g_test_add_func ("/charts/kind-needs", test_kind_needs);
  g_test_add_func ("/charts/no-gtk", test_no_gtk);
  g_test_add_func ("/charts/formats", test_formats);
  g_test_add_func ("/charts/palette-contrast", test_palette_contrast);
  g_test_add_func ("/charts/png-text-as-pdf", test_png_text_as_pdf);
  g_test_add_func ("/charts/svg-legend-spacing", test_svg_legend_spacing);

  for (SsTestStudy study = 0; study < SS_TEST_N_STUDIES; study++)
    for (SscChartKind kind = 0; kind < SSC_N_CHARTS; kind++)
      for (SscChartFormat format = SSC_CHART_FORMAT_SVG; format <= SSC_CHART_FORMAT_CSV; format++)
        {
          g_autofree char *path = g_strdup_printf ("/charts/export/%s/%s/%s",
                                                   ss_test_study_name (study),
                                                   ssc_chart_kind_to_string (kind),
                                                   format_ext[format]);

          cases[n] = (ExportCase) { study, kind, format };
          g_test_add (path, Fixture, &cases[n], fixture_set_up, test_export, fixture_tear_down);
          n++;
        }

#define ADD(path, func, study) \
  g_test_add (path, Fixture, GINT_TO_POINTER (study), fixture_set_up, func, fixture_tear_down)
  ADD ("/charts/render/sample", test_render_all_ways, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/render/example", test_render_all_ways, SS_TEST_STUDY_EXAMPLE);
  ADD ("/charts/export/bad-format", test_bad_format, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/export/bad-size", test_bad_size, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/export/other-size", test_other_size, SS_TEST_STUDY_EXAMPLE);
  ADD ("/charts/export/scale-and-footer", test_scale_and_footer, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/export/missing-folder", test_missing_folder, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/export/folder-in-the-way", test_folder_in_the_way, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/export/replace", test_replace, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/export/links-and-refusals", test_links_and_refusals, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/export/light-style", test_light_style, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/missing-projections", test_missing_projections, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/hover/sample", test_hover, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/hover/example", test_hover, SS_TEST_STUDY_EXAMPLE);
  ADD ("/charts/hover/frontier", test_hover_frontier, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/compare/year", test_compare_year, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/stress/sample", test_stress_cells, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/stress/example-v2", test_stress_cells, SS_TEST_STUDY_EXAMPLE_V2);
  ADD ("/charts/stress/example", test_stress_cells, SS_TEST_STUDY_EXAMPLE);
  ADD ("/charts/stress/reads-model", test_stress_reads_model, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/tornado/sample", test_tornado, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/tornado/example-v2", test_tornado, SS_TEST_STUDY_EXAMPLE_V2);
  ADD ("/charts/mix/policy-steps", test_policy_steps, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/describe/sample", test_describe, SS_TEST_STUDY_SAMPLE);
  ADD ("/charts/describe/example", test_describe, SS_TEST_STUDY_EXAMPLE);
  ADD ("/charts/describe/example-mix", test_describe_example, SS_TEST_STUDY_EXAMPLE);
#undef ADD

  return g_test_run ();
}
