/* ss-cli.c: --validate, --report, --export and --version, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here runs before GTK is initialised (from the application's
 * handle-local-options), so it works with DISPLAY and WAYLAND_DISPLAY
 * unset. Errors go to stderr; stdout only ever carries a complete result.
 */

#define G_LOG_DOMAIN "supplyshift-cli"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-cli.h"
#include "ss-document.h"
#include "ss-import.h"
#include "ss-report.h"
#include "ss-sensitivity.h"
#include "ss-study-file.h"
#include "ssc-brief.h"
#include "ssc-chart.h"
#include "ssc-export.h"

#define SAMPLE_DISPLAY_NAME "korea-key-materials.supplyshift"

/* --width and --height before parsing, so that an explicit 0 is told
 * apart from no option at all. */
#define SIZE_UNSET G_MININT
#define EXPORT_DEFAULT_WIDTH 960
#define EXPORT_DEFAULT_HEIGHT 600

/* "mix, cost, risk, frontier, heatmap or compare": every chart's name,
 * from the chart library's registry. */
static char *
chart_names (void)
{
  g_autoptr(GString) head = g_string_new (NULL);

  for (guint k = 0; k + 1 < SSC_N_CHARTS; k++)
    {
      if (k > 0)
        g_string_append (head, ", ");
      g_string_append (head, ssc_chart_kind_to_string (k));
    }
  /* Translators: a list of chart names, "mix, cost, heatmap or compare": the
   * first %s is every name but the last, joined by commas, the second the last */
  return g_strdup_printf (_("%s or %s"), head->str, ssc_chart_kind_to_string (SSC_N_CHARTS - 1));
}

/* --chart's description, kept in o: GApplication keeps the pointer. */
static const char *
chart_help (SsCliOptions *o)
{
  g_autofree char *names = chart_names ();

  g_free (o->chart_help);
  /* Translators: %s is a list of chart names, "mix, cost, heatmap or compare" */
  o->chart_help = g_strdup_printf (_("Chart to export: %s"), names);
  return o->chart_help;
}

void
ss_cli_add_options (GApplication *app,
                    SsCliOptions *o)
{
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &o->validate,
      N_("Check a study file and report every problem"), NULL },
    { "report", 0, 0, G_OPTION_ARG_STRING, &o->report,
      N_("Print every scenario's projection and the stress grid as json or csv"), N_("FORMAT") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &o->export_path,
      N_("Render one chart to an .svg, .png or .pdf file, or write its data to a .csv file"),
      N_("OUT") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &o->chart, chart_help (o), N_("NAME") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING, &o->scenario,
      N_("Scenario to export, or to report with the baseline and its stress cells"), N_("ID") },
    { "item", 0, 0, G_OPTION_ARG_STRING, &o->item,
      N_("Item to export (default: the whole portfolio)"), N_("CODE") },
    { "width", 0, 0, G_OPTION_ARG_INT, &o->width, N_("Width of the export in pixels"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &o->height, N_("Height of the export in pixels"), N_("PX") },
    { "footer", 0, 0, G_OPTION_ARG_NONE, &o->footer,
      N_("Add a line under the exported chart: the study’s title, today’s date and its source"), NULL },
    { "figure", 0, 0, G_OPTION_ARG_STRING, &o->figure,
      N_("Figure of the tornado: premium, shortfall, supply-risk or max-share (default premium)"),
      N_("NAME") },
    { "variation", 0, 0, G_OPTION_ARG_STRING, &o->variation,
      N_("How far the tornado varies each input, in percent (default 10)"), N_("PERCENT") },
    { "sensitivity", 0, 0, G_OPTION_ARG_NONE, &o->sensitivity,
      N_("Add the tornado of the scenario to the JSON report"), NULL },
    { "brief", 0, 0, G_OPTION_ARG_FILENAME, &o->brief,
      N_("Write the study's briefing pack, a PDF of several pages"), N_("OUT.pdf") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o->lang,
      N_("Language of the briefing pack: ko or en (default: the locale's)"), N_("LANG") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o->version, N_("Print the version and exit"), NULL },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &o->import_path,
      N_("Build a study from trade statistics or governance indicators (with --output)"), N_("FILE") },
    { "import-format", 0, 0, G_OPTION_ARG_STRING, &o->import_format,
      N_("Format of the imported file: kcs-csv, kcs-xml, comtrade or wgi (default: detected)"), N_("FORMAT") },
    { "year", 0, 0, G_OPTION_ARG_INT, &o->year, N_("Year of the imported file to use"), N_("YEAR") },
    { "items", 0, 0, G_OPTION_ARG_FILENAME, &o->items_map,
      N_("CSV mapping HS codes to items (columns hs, code, name)"), N_("MAP") },
    { "top", 0, 0, G_OPTION_ARG_INT, &o->top,
      N_("Largest number of partner countries to add (default 14)"), N_("N") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &o->into, N_("Update this study instead of building a new one"),
      N_("STUDY") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &o->template_country,
      N_("Country whose figures new countries take (default: the rest of world, ZZ)"), N_("CODE") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &o->output, N_("Where to write the imported study"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, NULL },
    { NULL }
  };

  /* GApplication copies the entries but not their strings, so the
   * description it prints for --help is kept in *o; the values land in *o
   * when it parses. */
  o->width = o->height = SIZE_UNSET;
  o->year = o->top = SIZE_UNSET;
  g_application_add_main_option_entries (app, entries);
  g_application_set_option_context_parameter_string (app, _("[FILE]"));
  g_application_set_option_context_summary (app,
    _("Without options, opens FILE (or the built-in sample study) in a window.\n"
      "The other options run without a display and exit."));
}

gboolean
ss_cli_is_headless (const SsCliOptions *o)
{
  return o->validate || o->report != NULL || o->export_path != NULL || o->version
      || o->chart != NULL || o->scenario != NULL || o->item != NULL
      || o->width != SIZE_UNSET || o->height != SIZE_UNSET || o->footer
      || o->import_path != NULL || o->import_format != NULL || o->year != SIZE_UNSET
      || o->items_map != NULL || o->top != SIZE_UNSET || o->into != NULL
      || o->template_country != NULL || o->output != NULL
      || o->figure != NULL || o->variation != NULL || o->sensitivity
      || o->brief != NULL || o->lang != NULL;
}

void
ss_cli_options_clear (SsCliOptions *o)
{
  g_clear_pointer (&o->report, g_free);
  g_clear_pointer (&o->export_path, g_free);
  g_clear_pointer (&o->chart, g_free);
  g_clear_pointer (&o->scenario, g_free);
  g_clear_pointer (&o->item, g_free);
  g_clear_pointer (&o->import_path, g_free);
  g_clear_pointer (&o->import_format, g_free);
  g_clear_pointer (&o->items_map, g_free);
  g_clear_pointer (&o->into, g_free);
  g_clear_pointer (&o->template_country, g_free);
  g_clear_pointer (&o->output, g_free);
  g_clear_pointer (&o->figure, g_free);
  g_clear_pointer (&o->variation, g_free);
  g_clear_pointer (&o->brief, g_free);
  g_clear_pointer (&o->lang, g_free);
  g_clear_pointer (&o->files, g_strfreev);
  g_clear_pointer (&o->chart_help, g_free);
}

static int
usage_error (const char *message)
{
  g_printerr ("supplyshift: %s\n", message);
  g_printerr (_("Run “supplyshift --help” to see the options.\n"));
  return SS_EXIT_USAGE;
}

/* The study named on the command line, or the built-in sample. */
static SsStudy *
load_study (const SsCliOptions *o,
            const char        **display)
{
  g_autoptr(GError) error = NULL;
  SsStudy *study;

  if (o->files == NULL || o->files[0] == NULL)
    {
      *display = SAMPLE_DISPLAY_NAME;
      return ss_study_load_sample ();
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (o->files[0]);

      *display = o->files[0];
      study = ss_study_load_file (file, o->files[0], &error);
      if (study == NULL)
        g_printerr ("%s\n", error->message);
      return study;
    }
}

/* Writes all of text to stdout, or nothing that claims to be complete. */
static int
write_stdout (const char *text)
{
  gsize len = strlen (text);

  if (fwrite (text, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      g_printerr (_("supplyshift: cannot write the output: %s\n"), g_strerror (errno));
      return SS_EXIT_WRITE;
    }
  return SS_EXIT_OK;
}

/* The report on its way to stdout; with keep_tail, its last three bytes
 * are held back, for a member to go before the closing brace. */
typedef struct
{
  gboolean keep_tail;
  char     tail[3];
  gsize    n_tail;
} ReportOut;

/* A piece of the report to stdout (ss_report_write()). */
static gboolean
write_report (const char  *data,
              gsize        length,
              gpointer     user_data,
              GError     **error)
{
  ReportOut *out = user_data;
  gsize total = out->n_tail + length;
  gsize keep = out->keep_tail ? MIN (3, total) : 0;
  gsize emit = total - keep, from_tail = MIN (emit, out->n_tail);
  char tail[3];
  gsize n = 0;

  if (fwrite (out->tail, 1, from_tail, stdout) != from_tail
      || fwrite (data, 1, emit - from_tail, stdout) != emit - from_tail || fflush (stdout) != 0)
    {
      int saved = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  for (gsize k = from_tail; k < out->n_tail; k++)
    tail[n++] = out->tail[k];
  for (gsize k = emit - from_tail; k < length; k++)
    tail[n++] = data[k];
  memcpy (out->tail, tail, n);
  out->n_tail = n;
  return TRUE;
}

/* --figure and --variation, checked: a usage error names what they take. */
static gboolean
tornado_options (const SsCliOptions  *o,
                 SsSensitivityFigure *figure,
                 double              *fraction,
                 int                 *status)
{
  *figure = SS_SENSITIVITY_NPV_PREMIUM;
  *fraction = 0.1;
  if (o->figure != NULL && !ss_sensitivity_figure_from_string (o->figure, figure))
    {
      *status = usage_error (_("--figure takes premium, shortfall, supply-risk or max-share"));
      return FALSE;
    }
  if (o->variation != NULL)
    {
      char *end = NULL;
      double percent = g_ascii_strtod (o->variation, &end);

      if (end == o->variation || *end != '\0' || !(percent > 0 && percent < 100))
        {
          *status = usage_error (_("--variation takes a percentage more than 0 and less than 100"));
          return FALSE;
        }
      *fraction = percent / 100;
    }
  return TRUE;
}

/* The tornado of a scenario, or NULL with the message printed (exit 2:
 * the study cannot give this figure, as a study without policy targets
 * has no largest share in a target year). */
static SsSensitivity *
compute_tornado (SsStudy             *study,
                 const char          *display,
                 int                  scenario,
                 SsSensitivityFigure  figure,
                 double               fraction)
{
  g_autoptr(GError) error = NULL;
  SsSensitivity *s = ss_sensitivity_compute (study, scenario, figure, fraction, &error);

  if (s == NULL)
    g_printerr ("%s: error: %s\n", display, error->message);
  return s;
}

/* --export: one chart to OUT, as cli.md says. A bad chart name, file
 * extension, size, scenario or item is a usage error (1), checked before
 * anything is written; a file that cannot be written is 3, and then
 * ssc_chart_export() leaves nothing behind. */
static int
run_export (const SsCliOptions *o)
{
  g_autoptr(SsStudy) study = NULL;
  g_autoptr(SsDocument) document = NULL;
  g_autoptr(GPtrArray) projections = g_ptr_array_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SsSensitivity) sensitivity = NULL;
  SscChartKind kind = SSC_CHART_MIX;
  SscChartFormat format;
  SscChartData data;
  SsSensitivityFigure figure;
  g_autofree char *footer = NULL;
  double fraction;
  int status = SS_EXIT_OK;
  const char *display = NULL;
  int width = o->width == SIZE_UNSET ? EXPORT_DEFAULT_WIDTH : o->width;
  int height = o->height == SIZE_UNSET ? EXPORT_DEFAULT_HEIGHT : o->height;

  if (o->chart != NULL && !ssc_chart_kind_from_string (o->chart, &kind))
    {
      g_autofree char *names = chart_names ();
      /* Translators: %s is a list of chart names, "mix, cost, heatmap or compare" */
      g_autofree char *message = g_strdup_printf (_("--chart takes %s"), names);

      return usage_error (message);
    }
  if (!ssc_chart_format_from_path (o->export_path, &format))
    return usage_error (_("--export needs a file name ending in .svg, .png, .pdf or .csv"));
  if (!tornado_options (o, &figure, &fraction, &status))
    return status;
  if ((o->figure != NULL || o->variation != NULL) && !ssc_chart_kind_needs_sensitivity (kind))
    return usage_error (_("--figure and --variation go with --chart=tornado or --sensitivity"));
  if (o->sensitivity)
    return usage_error (_("--sensitivity goes with --report=json"));
  if (width <= 0 || width > SSC_CHART_MAX_SIZE || height <= 0 || height > SSC_CHART_MAX_SIZE)
    {
      g_autofree char *message = g_strdup_printf (_("--width and --height take 1 to %d pixels"),
                                                  SSC_CHART_MAX_SIZE);

      return usage_error (message);
    }

  study = load_study (o, &display);
  if (study == NULL)
    return SS_EXIT_INVALID;

  ssc_chart_data_init (&data, study, NULL);
  if (o->scenario != NULL)
    {
      if (g_str_equal (o->scenario, "baseline"))
        data.scenario = SS_BASELINE;
      else if ((data.scenario = ss_study_find_scenario (study, o->scenario)) < 0)
        {
          g_autofree char *message = g_strdup_printf (_("%s has no scenario “%s”"),
                                                      display, o->scenario);

          return usage_error (message);
        }
    }
  if (o->item != NULL)
    {
      if ((data.item = ss_study_find_item (study, o->item)) < 0)
        {
          g_autofree char *message = g_strdup_printf (_("%s has no item “%s”"), display, o->item);

          return usage_error (message);
        }
    }
  else if (ssc_chart_kind_needs_item (kind) && ss_study_get_n_items (study) > 0)
    data.item = 0;

  /* The document computes the projections, and the stress grid for a
   * chart that shows it, as the window's does. */
  document = ss_document_new (study, NULL);
  ss_document_get_all_projections (document, projections);
  data.projections = projections;
  if (ssc_chart_kind_needs_grid (kind))
    {
      ss_document_get_grid (document, cells);
      data.cells = cells;
    }
  if (ssc_chart_kind_needs_sensitivity (kind))
    {
      sensitivity = compute_tornado (study, display, data.scenario, figure, fraction);
      if (sensitivity == NULL)
        return SS_EXIT_INVALID;
      data.sensitivity = sensitivity;
    }
  if (o->footer)
    footer = ssc_chart_footer_text (study, NULL);
  data.footer = footer;
  if (!ssc_chart_export (kind, &data, o->export_path, width, height, &error))
    {
      g_printerr ("supplyshift: %s\n", error->message);
      return SS_EXIT_WRITE;
    }
  return SS_EXIT_OK;
}

/* --lang: the briefing's messages in that language, whatever the locale
 * (gettext reads LANGUAGE, except in the C locale). */
static void
use_language (const char *lang)
{
  extern int _nl_msg_cat_cntr;
  const char *messages = setlocale (LC_MESSAGES, NULL);

  g_setenv ("LANGUAGE", lang, TRUE);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");
  /* GNU gettext's cache of translations is dropped when this changes. */
  ++_nl_msg_cat_cntr;
}

/* --brief: the briefing pack, one PDF (docs/decisions.md, "Briefing
 * pack"). 1 for a bad command line, 2 for a bad study, 3 when OUT cannot
 * be written, and then nothing is left behind. */
static int
run_brief (const SsCliOptions *o)
{
  g_autoptr(SsStudy) study = NULL;
  g_autoptr(SsDocument) document = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *source_name = NULL;
  g_autofree char *base = g_path_get_basename (o->brief);
  const char *display = NULL;
  SscBriefInfo info = { 0 };
  gsize len = strlen (base);

  if (len <= 4 || g_ascii_strcasecmp (base + len - 4, ".pdf") != 0)
    return usage_error (_("--brief needs a file name ending in .pdf"));
  if (o->lang != NULL && !g_str_equal (o->lang, "ko") && !g_str_equal (o->lang, "en"))
    return usage_error (_("--lang takes ko or en"));
  if (o->chart != NULL || o->scenario != NULL || o->item != NULL || o->width != SIZE_UNSET
      || o->height != SIZE_UNSET || o->figure != NULL || o->variation != NULL || o->sensitivity)
    return usage_error (_("--brief takes only --lang and a study file"));
  if (o->lang != NULL)
    use_language (o->lang);

  study = load_study (o, &display);
  if (study == NULL)
    return SS_EXIT_INVALID;
  document = ss_document_new (study, NULL);
  /* The cover names the file as the window does, without its folder. */
  if (o->files != NULL && o->files[0] != NULL)
    file = g_file_new_for_commandline_arg (o->files[0]);
  date = ssc_brief_date (file);
  source_name = ssc_brief_source_name (file, display);
  info.source_name = source_name;
  info.date = date;
  if (!ssc_brief_write (document, &info, o->brief, &error))
    {
      g_printerr ("supplyshift: %s\n", error->message);
      return SS_EXIT_WRITE;
    }
  return SS_EXIT_OK;
}

static gboolean
has_import_options (const SsCliOptions *o)
{
  return o->import_format != NULL || o->year != SIZE_UNSET || o->items_map != NULL
      || o->top != SIZE_UNSET || o->into != NULL || o->template_country != NULL || o->output != NULL;
}

/* --import: read the file, build or update the study, check it with the
 * loader and write it in one piece. Exit 1 for options that do not fit,
 * 2 for a file that is bad (the imported file, the items map or the
 * study), 3 when OUT cannot be written (docs/import.md). */
static int
run_import (const SsCliOptions *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsImport) import = NULL;
  g_autoptr(SsStudy) study = NULL;
  g_autoptr(SsImportSummary) summary = NULL;
  g_autoptr(GFile) file = NULL, map = NULL, out = NULL;
  g_autofree char *text = NULL;
  SsImportFormat format = SS_IMPORT_FORMAT_DETECT;
  SsImportOptions options = { 0 };

  if (o->output == NULL)
    return usage_error (_("--import needs --output=OUT, the study to write"));
  if (o->files != NULL && o->files[0] != NULL)
    return usage_error (_("--import takes no study file; name the study to update with --into"));
  if (o->chart != NULL || o->scenario != NULL || o->item != NULL
      || o->width != SIZE_UNSET || o->height != SIZE_UNSET)
    return usage_error (_("--chart, --scenario, --item, --width and --height go with --export"));
  if (o->import_format != NULL && !ss_import_format_from_string (o->import_format, &format))
    return usage_error (_("--import-format takes kcs-csv, kcs-xml, comtrade or wgi"));
  if (o->year != SIZE_UNSET && (o->year < 1900 || o->year > 2200))
    return usage_error (_("--year takes a year from 1900 to 2200"));
  if (o->top != SIZE_UNSET && (o->top < 1 || o->top > SS_IMPORT_MAX_PARTNERS))
    {
      g_autofree char *message = g_strdup_printf (_("--top takes 1 to %d partners"), SS_IMPORT_MAX_PARTNERS);

      return usage_error (message);
    }
  if (o->template_country != NULL && !ss_is_country_code (o->template_country))
    return usage_error (_("--template takes a country code of two capital letters"));

  options.year = o->year != SIZE_UNSET ? o->year : 0;
  options.top = o->top != SIZE_UNSET ? (guint)o->top : 0;
  options.template_country = o->template_country;

  file = g_file_new_for_commandline_arg (o->import_path);
  if (o->items_map != NULL)
    map = g_file_new_for_commandline_arg (o->items_map);
  import = ss_import_read (file, o->import_path, format, map, NULL, &error);
  if (import == NULL)
    {
      g_printerr ("%s\n", error->message);
      return SS_EXIT_INVALID;
    }

  if (o->into != NULL)
    {
      g_autoptr(GFile) into = g_file_new_for_commandline_arg (o->into);

      study = ss_study_load_file (into, o->into, &error);
      if (study == NULL)
        {
          g_printerr ("%s\n", error->message);
          return SS_EXIT_INVALID;
        }
      if (!ss_import_apply (import, study, &options, &summary, &error))
        g_clear_object (&study);
    }
  else
    study = ss_import_new_study (import, &options, &summary, &error);
  if (study == NULL)
    {
      if (g_error_matches (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE))
        return usage_error (error->message);
      g_printerr ("supplyshift: %s\n", error->message);
      return SS_EXIT_INVALID;
    }

  out = g_file_new_for_commandline_arg (o->output);
  if (!ss_study_save_file (study, out, FALSE, &error))
    {
      g_printerr (_("supplyshift: cannot write %s: %s\n"), o->output, error->message);
      return SS_EXIT_WRITE;
    }
  text = ss_import_summary_to_string (import, summary);
  g_printerr ("%s", text);
  return SS_EXIT_OK;
}

int
ss_cli_run (const SsCliOptions *o)
{
  g_autoptr(SsStudy) study = NULL;
  g_autoptr(GError) error = NULL;
  ReportOut out = { 0 };
  g_autoptr(SsSensitivity) sensitivity = NULL;
  SsSensitivityFigure figure;
  double fraction;
  int status = SS_EXIT_OK;
  const char *display = NULL;
  int only = SS_REPORT_ALL;
  int modes = (o->validate != 0) + (o->report != NULL) + (o->export_path != NULL) + (o->version != 0)
              + (o->import_path != NULL) + (o->brief != NULL);

  if (modes > 1)
    return usage_error (_("use one of --validate, --report, --export, --brief, --import and --version at a time"));
  if (o->footer && o->export_path == NULL)
    return usage_error (_("--footer goes with --export"));
  if (o->import_path != NULL)
    return run_import (o);
  if (o->lang != NULL && o->brief == NULL)
    return usage_error (_("--lang goes with --brief"));
  if (has_import_options (o))
    return usage_error (_("--import-format, --year, --items, --top, --into, --template and --output "
                          "go with --import"));
  if (modes == 0)
    return usage_error (o->scenario != NULL
                        ? _("--scenario goes with --report or --export")
                        : _("--chart, --item, --width and --height go with --export"));
  if (o->files != NULL && o->files[0] != NULL && o->files[1] != NULL)
    return usage_error (_("give at most one study file"));

  if (o->version)
    {
      if (o->files != NULL && o->files[0] != NULL)
        return usage_error (_("--version takes no file"));
      return write_stdout ("supplyshift " PACKAGE_VERSION "\n");
    }

  if (o->report != NULL && !g_str_equal (o->report, "json") && !g_str_equal (o->report, "csv"))
    return usage_error (_("--report takes json or csv"));

  if (o->export_path != NULL)
    return run_export (o);
  if (o->brief != NULL)
    return run_brief (o);

  if (o->validate && o->scenario != NULL)
    return usage_error (_("--scenario goes with --report or --export"));
  if (o->sensitivity && (o->report == NULL || !g_str_equal (o->report, "json")))
    return usage_error (_("--sensitivity goes with --report=json"));
  if ((o->figure != NULL || o->variation != NULL) && !o->sensitivity)
    return usage_error (_("--figure and --variation go with --chart=tornado or --sensitivity"));
  if (!tornado_options (o, &figure, &fraction, &status))
    return status;
  if (o->validate || o->report != NULL)
    if (o->chart != NULL || o->item != NULL || o->width != SIZE_UNSET || o->height != SIZE_UNSET)
      return usage_error (_("--chart, --item, --width and --height go with --export"));

  study = load_study (o, &display);
  if (study == NULL)
    return SS_EXIT_INVALID;

  if (o->validate)
    {
      g_autofree char *line = g_strdup_printf ("%s: ok\n", display);

      return write_stdout (line);
    }

  /* --scenario=ID: the baseline and ID, with the stress cells ID is the
   * strategy or the shock of, so a report can be split across processes. */
  if (o->scenario != NULL)
    {
      if (g_str_equal (o->scenario, "baseline"))
        only = SS_BASELINE;
      else if ((only = ss_study_find_scenario (study, o->scenario)) < 0)
        {
          g_autofree char *message = g_strdup_printf (_("%s has no scenario “%s”"),
                                                      display, o->scenario);

          return usage_error (message);
        }
    }
  /* --sensitivity: the tornado of --scenario (else the first scenario) as
   * the report's last member (docs/report-sensitivity.md), computed first
   * so that its refusal, too, comes before any output. */
  if (o->sensitivity)
    {
      int scenario = only != SS_REPORT_ALL ? only
                     : ss_study_get_n_scenarios (study) > 0 ? 0 : SS_BASELINE;

      sensitivity = compute_tornado (study, display, scenario, figure, fraction);
      if (sensitivity == NULL)
        return SS_EXIT_INVALID;
      out.keep_tail = TRUE;
    }

  /* Written as it is computed, so a report of any size fits in memory. A
   * figure that is not a number is never printed as null. */
  if (!ss_report_write (study, g_str_equal (o->report, "csv") ? SS_REPORT_CSV : SS_REPORT_JSON, only,
                        write_report, &out, &error))
    {
      if (error->domain != SS_ENGINE_ERROR)
        {
          g_printerr (_("supplyshift: cannot write the output: %s\n"), error->message);
          return SS_EXIT_WRITE;
        }
      g_printerr ("%s: error: %s\n", display, error->message);
      return SS_EXIT_INVALID;
    }
  if (sensitivity != NULL)
    {
      g_autofree char *json = ss_sensitivity_to_json (study, sensitivity);
      g_autofree char *tail = NULL;

      /* The report's object ends with "\n}\n": the member goes before it. */
      g_assert (out.n_tail == 3 && memcmp (out.tail, "\n}\n", 3) == 0);
      tail = g_strconcat (",\n  \"sensitivity\": ", json, "\n}\n", NULL);
      return write_stdout (tail);
    }
  return SS_EXIT_OK;
}
