/* ssc-export.c: a chart as an SVG, PNG or PDF file, or its data as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same drawing as the window's, on cairo's PDF or image surface or
 * in an SVG document whose text stays text (ssc-svg.c), written through
 * ss-safe-file.c as a study is saved.
 */

#define G_LOG_DOMAIN "supplyshift-chart-export"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "ss-safe-file.h"
#include "ssc-export.h"
#include "ssc-svg.h"

G_DEFINE_QUARK (ssc-chart-error-quark, ssc_chart_error)

/* The format by the file name's extension, in any case. */
gboolean
ssc_chart_format_from_path (const char     *path,
                            SscChartFormat *format)
{
  static const struct { const char *ext; SscChartFormat format; } exts[] = {
    { ".svg", SSC_CHART_FORMAT_SVG },
    { ".png", SSC_CHART_FORMAT_PNG },
    { ".pdf", SSC_CHART_FORMAT_PDF },
    { ".csv", SSC_CHART_FORMAT_CSV },
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

/* The chart as an SVG document, in the data's style, with its title and
 * its summary (ssc_chart_describe()) as the document's <title> and <desc>.
 * NULL if cairo failed. */
char *
ssc_chart_render_svg (SscChartKind        kind,
                      const SscChartData *data,
                      int                 width,
                      int                 height,
                      gsize              *length)
{
  g_autoptr(SscSvg) svg = NULL;
  g_autofree char *title = NULL, *desc = NULL;

  g_return_val_if_fail (kind < SSC_N_CHARTS, NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  title = ssc_chart_title (kind, data);
  desc = ssc_chart_describe (kind, data);
  svg = ssc_svg_new (width, height, title, desc);
  ssc_chart_render (kind, data, ssc_svg_get_context (svg), width, height, NULL);
  return ssc_svg_finish (svg, length);
}

/**
 * ssc_chart_export_prepare:
 * @cr: a context on an image surface
 *
 * Lays text out on @cr as on an SVG or PDF page: glyph metrics are not
 * hinted (rounded to whole pixels), so a PNG's lines are where the
 * vector files have them (a legend's rows 20 px apart, not 21).
 */
void
ssc_chart_export_prepare (cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_get_font_options (cr, options);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
}

/* Writes the chart in the light style through ss-safe-file.c, so a
 * failure never leaves a half-written file and a link, a read-only file
 * or a FIFO is treated as when a study is saved. The SVG and the PNG are
 * width × height pixels; the PDF page is the same size at 96 pixels per
 * inch (0.75 pt a pixel). A .csv file is the data the chart draws, as
 * ss_table_to_csv() writes it; the size does not matter to it. */
gboolean
ssc_chart_export (SscChartKind         kind,
                  const SscChartData  *data,
                  const char          *path,
                  int                  width,
                  int                  height,
                  GError             **error)
{
  return ssc_chart_export_scaled (kind, data, path, width, height, 1, error);
}

/**
 * ssc_chart_export_scaled:
 * @scale: pixels per unit of @width and @height in a PNG (1 to 4): 2 is
 *   the same chart at twice the resolution, for a slide or a print; the
 *   vector formats and CSV do not change with it
 *
 * ssc_chart_export(), with a PNG of @width × @scale by @height × @scale
 * pixels laid out as @width × @height.
 */
gboolean
ssc_chart_export_scaled (SscChartKind         kind,
                         const SscChartData  *data,
                         const char          *path,
                         int                  width,
                         int                  height,
                         int                  scale,
                         GError             **error)
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
  g_return_val_if_fail (scale >= 1 && scale <= 4, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ssc_chart_format_from_path (path, &format))
    {
      g_set_error (error, SSC_CHART_ERROR, SSC_CHART_ERROR_FORMAT,
                   _("“%s” does not end in .svg, .png, .pdf or .csv"), path);
      return FALSE;
    }
  if (format != SSC_CHART_FORMAT_PNG)
    scale = 1;
  if (width < 1 || height < 1 || width * scale > SSC_CHART_MAX_SIZE
      || height * scale > SSC_CHART_MAX_SIZE)
    {
      g_set_error (error, SSC_CHART_ERROR, SSC_CHART_ERROR_SIZE,
                   _("The size must be 1 to %d pixels each way, not %d × %d"),
                   SSC_CHART_MAX_SIZE, width * scale, height * scale);
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

  if (format == SSC_CHART_FORMAT_CSV)
    {
      g_autoptr(SsTable) table = ssc_chart_table (kind, &light);
      g_autofree char *csv = NULL;

      if (table == NULL)
        {
          g_set_error (error, SSC_CHART_ERROR, SSC_CHART_ERROR_NO_DATA,
                       _("The chart has no data to write to “%s”"), path);
          return FALSE;
        }
      csv = ss_table_to_csv (table);
      status = sink_write (&sink, (const unsigned char *)csv, strlen (csv));
    }
  else if (format == SSC_CHART_FORMAT_SVG)
    {
      gsize length = 0;
      g_autofree char *doc = ssc_chart_render_svg (kind, &light, width, height, &length);

      status = doc == NULL ? CAIRO_STATUS_NO_MEMORY
                           : sink_write (&sink, (const unsigned char *)doc, length);
    }
  else
    {
      if (format == SSC_CHART_FORMAT_PDF)
        {
          surface = cairo_pdf_surface_create_for_stream (sink_write, &sink,
                                                         width * 0.75, height * 0.75);
          title = ssc_chart_title (kind, &light);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
          cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                          PACKAGE_NAME " " PACKAGE_VERSION);
        }
      else
        surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);

      cr = cairo_create (surface);
      if (format == SSC_CHART_FORMAT_PDF)
        cairo_scale (cr, 0.75, 0.75);
      else
        {
          cairo_scale (cr, scale, scale);
          ssc_chart_export_prepare (cr);
        }
      ssc_chart_render (kind, &light, cr, width, height, NULL);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status == CAIRO_STATUS_SUCCESS && format == SSC_CHART_FORMAT_PNG)
        status = cairo_surface_write_to_png_stream (surface, sink_write, &sink);
      cairo_surface_finish (surface);
      if (status == CAIRO_STATUS_SUCCESS)
        status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);
    }

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
