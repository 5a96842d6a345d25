/* ss-window-charts.c: the window's charts pane: the chart, its kinds, year and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pane shows one chart of the chart library (charts/) for the item
 * and scenario shown, chosen from a list of the registry's charts, in
 * the year the window shows (the heatmap's and the comparison's), and
 * export as SVG, PDF, PNG or an image on the clipboard. The stress grid
 * reads the document's cached cells; the tornado is computed for the
 * scenario shown and the figure chosen beside the list, again after an
 * edit (once a slider drag ends: a tornado takes tens of milliseconds on
 * the sample, minutes on a study of thousands of items, when a worker
 * thread computes it: see "The tornado" below).
 */

#define G_LOG_DOMAIN "supplyshift-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ss-accessible.h"
#include "ss-bidi.h"
#include "ss-chart.h"
#include "ss-input-guard.h"
#include "ss-page-util.h"
#include "ss-study-file.h"
#include "ssc-chart.h"
#include "ssc-export.h"
#include "ss-window-private.h"

static const SsSensitivity *window_tornado (SsWindow *self,
                                            gboolean  may_wait);

/* Whether the chart of every scenario, or of the grid, waits for a
 * worker: bringing those up to date would miss the frame (seconds at
 * the early-warning scale). Starts one if none is at it. */
static gboolean
charts_off_thread (SsWindow     *self,
                   SscChartKind  kind)
{
  SsDocumentNeeds needs = (ssc_chart_kind_needs_all_scenarios (kind) ? SS_DOCUMENT_NEEDS_PROJECTIONS : 0)
                          | (ssc_chart_kind_needs_grid (kind) ? SS_DOCUMENT_NEEDS_GRID : 0);

  return ss_job_complete (&self->charts_job, self, self->document, needs,
                          (SsJobUpdateFunc)ss_window_charts_update);
}

/* The chart shows the selected scenario and item; compare needs every
 * scenario's projection (only stale ones are recomputed), or when that
 * would miss the frame (and may_wait), none until a worker has them. */
static void
fill_chart_data (SsWindow     *self,
                 SscChartData *data,
                 gboolean      may_wait)
{
  const SsStudy *study = ss_window_study (self);
  SscChartKind kind = ss_chart_get_kind (self->chart);
  guint n = 1 + ss_study_get_n_scenarios (study);
  gboolean computing = may_wait && charts_off_thread (self, kind);

  if (may_wait)
    self->charts_computing = computing;
  g_ptr_array_set_size (self->chart_projections, n);
  for (guint k = 0; k < n; k++)
    {
      gboolean needed = k == 0 || (int)k == self->scenario + 1 || ssc_chart_kind_needs_all_scenarios (kind);

      g_ptr_array_index (self->chart_projections, k) =
        needed && !computing ? (gpointer)ss_window_projection (self, (int)k - 1) : NULL;
    }
  ssc_chart_data_init (data, study, self->chart_projections);
  data->scenario = self->scenario;
  data->item = self->item;
  data->year = (int)ss_window_year_index (self);
  if (ssc_chart_kind_needs_grid (kind) && !computing)
    {
      ss_document_get_grid (self->document, self->chart_cells);
      data->cells = self->chart_cells;
    }
  if (ssc_chart_kind_needs_sensitivity (kind))
    data->sensitivity = window_tornado (self, may_wait);
  /* One item's chart (the frontier): the portfolio shows the first, and
   * the note under the chart says so. */
  if (ssc_chart_kind_needs_item (kind) && data->item < 0)
    data->item = 0;
}

/* --- The tornado ---------------------------------------------------------
 *
 * About 2 + 2 × countries whole projections of the scenario (a country's
 * inputs reach most items): tens of milliseconds on the sample, minutes
 * at 4 000 items of 16 countries. When that would miss a frame it is
 * computed in a worker thread, on a copy of the study, while the chart
 * keeps the last tornado of the same scenario and figure (or none, and
 * the note says it is being computed); an edit cancels the worker, and
 * the tornado is asked for again once the drag ends. */

typedef struct
{
  SsStudy *study;
  int      scenario;
  guint    figure;
} TornadoJob;

static void
tornado_job_free (TornadoJob *job)
{
  g_object_unref (job->study);
  g_free (job);
}

static void
tornado_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  TornadoJob *job = data;
  GError *error = NULL;
  SsSensitivity *tornado = ss_sensitivity_compute_cancellable (job->study, job->scenario, job->figure, 0.1,
                                                               cancellable, &error);

  if (tornado == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, tornado, (GDestroyNotify)ss_sensitivity_free);
}

static void
set_tornado (SsWindow      *self,
             int            scenario,
             guint          figure,
             SsSensitivity *tornado,
             const GError  *error)
{
  g_clear_pointer (&self->tornado, ss_sensitivity_free);
  g_clear_pointer (&self->tornado_error, g_free);
  self->tornado = tornado;
  if (error != NULL)
    self->tornado_error = g_strdup (error->message);
  self->tornado_done = TRUE;
  self->tornado_scenario = scenario;
  self->tornado_figure_done = figure;
  self->tornado_stale = FALSE;
}

static void
on_tornado_computed (gpointer      owner,
                     GAsyncResult *result)
{
  SsWindow *self = owner;
  g_autoptr(GError) error = NULL;
  TornadoJob *job = g_task_get_task_data (G_TASK (result));
  SsSensitivity *tornado = g_task_propagate_pointer (G_TASK (result), &error);

  set_tornado (self, job->scenario, job->figure, tornado, error);
  if (self->document != NULL)
    ss_window_charts_update (self);
}

static void
cancel_tornado (SsWindow *self)
{
  ss_job_cancel (&self->tornado_job);
}

static void
start_tornado (SsWindow *self,
               guint     figure)
{
  g_autoptr(GTask) task = NULL;
  TornadoJob *job = g_new0 (TornadoJob, 1);
  gpointer call = ss_job_begin (&self->tornado_job, self, on_tornado_computed);

  job->study = ss_study_copy (ss_window_study (self));
  job->scenario = self->scenario;
  job->figure = figure;
  self->tornado_job_scenario = self->scenario;
  self->tornado_job_figure = figure;
  task = g_task_new (NULL, self->tornado_job.cancellable, ss_job_ready, call);
  g_task_set_task_data (task, job, (GDestroyNotify)tornado_job_free);
  g_task_run_in_thread (task, tornado_in_thread);
}

/* The tornado of the scenario shown for the figure chosen: computed when
 * missing (an edit drops it), kept during a slider drag. NULL when the
 * study cannot give the figure, and the note says why, or while a worker
 * computes the first one (when may_wait: else it is computed here). */
static const SsSensitivity *
window_tornado (SsWindow *self,
                gboolean  may_wait)
{
  guint figure = gtk_drop_down_get_selected (self->tornado_figure);
  const SsStudy *study = ss_window_study (self);
  g_autoptr(GError) error = NULL;
  gboolean same;
  SsSensitivity *tornado;

  if (figure >= SS_N_SENSITIVITY_FIGURES)
    figure = SS_SENSITIVITY_NPV_PREMIUM;
  same = self->tornado_done && self->tornado_scenario == self->scenario && self->tornado_figure_done == figure;
  /* Another scenario or figure; or an edit, except during a drag, when
   * the last tornado stays on show until the drag ends. */
  if (same && !(self->tornado_stale && !self->editor_dragging))
    return self->tornado;

  if (may_wait
      && ss_document_estimate_full_us (self->document, self->scenario) * (2 + 2 * ss_study_get_n_countries (study))
           > ss_frame_budget_us ())
    {
      if (!self->editor_dragging
          && (!ss_job_is_running (&self->tornado_job) || self->tornado_job_scenario != self->scenario
              || self->tornado_job_figure != figure))
        start_tornado (self, figure);
      return same ? self->tornado : NULL;
    }

  cancel_tornado (self);
  tornado = ss_sensitivity_compute (study, self->scenario, figure, 0.1, &error);
  set_tornado (self, self->scenario, figure, tornado, error);
  return self->tornado;
}

/* An edit: the tornado is computed again when next shown (a worker at it
 * is stopped). A structural change (a scenario removed, a country added)
 * drops it at once. */
void
ss_window_charts_changed (SsWindow *self,
                          gboolean  structure)
{
  self->tornado_stale = TRUE;
  cancel_tornado (self);
  ss_job_cancel (&self->charts_job);
  if (structure)
    {
      g_clear_pointer (&self->tornado, ss_sensitivity_free);
      self->tornado_done = FALSE;
    }
}

void
ss_window_charts_dispose (SsWindow *self)
{
  cancel_tornado (self);
  ss_job_cancel (&self->charts_job);
}

/* The note under the chart, and "Use This Mix": only for the frontier. */
static void
update_links (SsWindow           *self,
              const SscChartData *data)
{
  const SsStudy *study = ss_window_study (self);
  const SsScenario *scenario = ss_window_scenario (self);
  gboolean frontier = ss_chart_get_kind (self->chart) == SSC_CHART_FRONTIER;
  gboolean tornado = ssc_chart_kind_needs_sensitivity (ss_chart_get_kind (self->chart));
  gboolean editable = scenario == NULL || scenario->kind == SS_SCENARIO_STRATEGY;
  g_autofree char *note = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->tornado_figure), tornado);

  /* A mix chosen for another item or scenario is forgotten. */
  if (!frontier || self->mix_item != data->item || self->mix_scenario != self->scenario
      || self->mix_item >= (int)ss_study_get_n_items (study))
    self->mix_item = -1;

  if (frontier && self->item < 0 && ss_study_get_n_items (study) > 0)
    {
      g_autofree char *name = ss_bidi_isolate (ss_study_get_item (study, data->item)->name);

      /* Translators: under the frontier chart, when the portfolio is shown */
      note = g_strdup_printf (_("The frontier is drawn for one item: %s, the first. Choose an item in the "
                                "list to see its own."), name);
    }
  else if (frontier && editable)
    note = g_strdup (_("Click a point of the frontier to choose its mix, then Use This Mix."));
  else if (self->charts_computing)
    note = g_strdup (ssc_chart_kind_needs_grid (ss_chart_get_kind (self->chart))
                     ? _("Computing every strategy under every shock…")
                     : _("Computing every scenario’s projection…"));
  else if (tornado && data->sensitivity == NULL && ss_job_is_running (&self->tornado_job))
    /* Translators: under the tornado chart, while a worker thread computes it */
    /* xgettext:no-c-format */
    note = g_strdup (_("Computing the tornado: each input is lowered and raised by 10 % and the figure "
                       "computed again…"));
  else if (tornado && self->tornado_error != NULL)
    note = g_strdup (self->tornado_error);
  else if (tornado)
    /* Translators: under the tornado chart */
    note = g_strdup (_("Each input is lowered and raised by 10 %; the figure is computed again for each, "
                       "and the inputs that move it most come first."));
  gtk_widget_set_visible (GTK_WIDGET (self->chart_note), note != NULL);
  if (note != NULL && g_strcmp0 (gtk_label_get_label (self->chart_note), note) != 0)
    gtk_label_set_label (self->chart_note, note);

  gtk_widget_set_visible (self->use_mix_button, frontier && editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.use-mix", self->mix_item >= 0 && editable);
}

static void
on_mix_activated (SsWindow     *self,
                  const double *shares)
{
  const SsStudy *study = ss_window_study (self);
  SscChartData data;
  g_autofree char *message = NULL;
  GString *mix = g_string_new (NULL);

  fill_chart_data (self, &data, TRUE);
  self->mix_item = data.item;
  self->mix_scenario = self->scenario;
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    {
      self->mix[c] = shares[c];
      if (shares[c] >= 0.0005)
        g_string_append_printf (mix, "%s%s %.1f %%", mix->len > 0 ? ", " : "",
                                ss_study_get_country (study, c)->code, 100 * shares[c]);
    }
  update_links (self, &data);
  /* Translators: %s lists a mix's shares, "CN 45.0 %, VN 20.0 %" */
  message = g_strdup_printf (_("Mix chosen: %s"), mix->str);
  gtk_widget_set_tooltip_text (self->use_mix_button, message);
  ss_window_toast (self, message);
  g_string_free (mix, TRUE);
}

/* The chosen mix becomes the item's target in the scenario (its baseline
 * shares in the baseline): one edit, one undo step. */
static void
use_mix_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);
  const SsStudy *study = ss_window_study (self);
  guint nc = ss_study_get_n_countries (study);
  int item = self->mix_item;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (item < 0 || self->mix_scenario != self->scenario)
    return;
  if (self->scenario == SS_BASELINE)
    done = ss_document_set_shares (self->document, item, self->mix, nc, &error);
  else
    done = ss_document_set_target (self->document, self->scenario, item, self->mix, nc, &error);
  if (!done)
    {
      ss_window_toast (self, error->message);
      return;
    }
  self->mix_item = -1;
  /* Show the item whose shares changed. */
  if (self->item != item)
    ss_window_select (self, self->scenario, item);
  ss_window_toast (self, _("Mix set as the target"));
}

static void
on_chart_scenario_activated (SsWindow *self,
                             int       scenario)
{
  ss_window_select (self, scenario, self->item);
}

static void
on_chart_item_activated (SsWindow *self,
                         int       item)
{
  ss_window_select (self, self->scenario, item);
}

void
ss_window_charts_update (SsWindow *self)
{
  SscChartData data;

  fill_chart_data (self, &data, TRUE);
  ss_chart_set_data (self->chart, &data);
  update_links (self, &data);
}

static void
on_tornado_figure_selected (SsWindow *self)
{
  if (!self->updating && self->document != NULL)
    ss_window_charts_update (self);
}

static void
on_chart_kind_selected (SsWindow *self)
{
  guint kind = gtk_drop_down_get_selected (self->chart_kind);

  if (kind >= SSC_N_CHARTS)
    return;
  ss_chart_set_kind (self->chart, kind);
  if (!self->updating && self->document != NULL)
    ss_window_charts_update (self);
}

void
ss_window_charts_init (SsWindow *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("C_hart"));
  GtkWidget *export_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GMenu) section = g_menu_new ();

  /* A list rather than a button per chart: six buttons are wider than
   * the figures' column beside the share editor. */
  for (guint k = 0; k < SSC_N_CHARTS; k++)
    gtk_string_list_append (kinds, ssc_chart_kind_get_label (k));
  self->chart_kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kinds)), NULL));
  gtk_widget_set_valign (GTK_WIDGET (self->chart_kind), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chart_kind), _("The chart to show"));
  /* Named "Chart" by its label. */
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->chart_kind));
  gtk_widget_add_css_class (label, "heading");
  g_signal_connect_object (self->chart_kind, "notify::selected", G_CALLBACK (on_chart_kind_selected), self,
                           G_CONNECT_SWAPPED);

  /* The tornado's figure, beside the list while the tornado is shown. */
  {
    g_autoptr(GtkStringList) figures = gtk_string_list_new (NULL);

    for (guint f = 0; f < SS_N_SENSITIVITY_FIGURES; f++)
      gtk_string_list_append (figures, ss_sensitivity_figure_title (f));
    self->tornado_figure = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&figures)), NULL));
    gtk_widget_set_valign (GTK_WIDGET (self->tornado_figure), GTK_ALIGN_CENTER);
    /* Translators: tooltip of the tornado's figure list */
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->tornado_figure), _("The figure whose inputs the tornado ranks"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->tornado_figure), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Tornado figure"), -1);
    gtk_widget_set_visible (GTK_WIDGET (self->tornado_figure), FALSE);
    g_signal_connect_object (self->tornado_figure, "notify::selected", G_CALLBACK (on_tornado_figure_selected),
                             self, G_CONNECT_SWAPPED);
  }

  g_menu_append (menu, _("Export as _SVG…"), "win.export-chart::svg");
  g_menu_append (menu, _("Export as _PDF…"), "win.export-chart::pdf");
  g_menu_append (menu, _("Export as P_NG…"), "win.export-chart::png");
  g_menu_append (menu, _("_Copy Image"), "win.copy-chart");
  g_menu_append (section, _("Export Data as C_SV…"), "win.export-chart::csv");
  g_menu_append (section, _("Copy _Data"), "win.copy-chart-data");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (export_button), "document-send-symbolic");
  gtk_widget_set_tooltip_text (export_button, _("Export the chart"));
  ss_accessible_name_menu_button (GTK_MENU_BUTTON (export_button), _("Export the chart"));

  self->mix_item = -1;
  self->use_mix_button = gtk_button_new_with_mnemonic (_("_Use This Mix"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->use_mix_button), "win.use-mix");
  gtk_widget_set_valign (self->use_mix_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->use_mix_button, _("Click a point of the frontier first"));

  gtk_widget_set_hexpand (GTK_WIDGET (self->chart_kind), FALSE);
  gtk_widget_set_halign (export_button, GTK_ALIGN_END);
  gtk_widget_set_hexpand (export_button, TRUE);
  gtk_box_append (GTK_BOX (bar), label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->chart_kind));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->tornado_figure));
  gtk_box_append (GTK_BOX (bar), self->use_mix_button);
  gtk_box_append (GTK_BOX (bar), export_button);
  gtk_box_append (GTK_BOX (self->chart_box), bar);

  self->chart = SS_CHART (ss_chart_new (SSC_CHART_MIX));
  /* Beside the share editor the chart takes the height the cards leave
   * it in the view; in one column, its own. */
  gtk_widget_set_size_request (GTK_WIDGET (self->chart), -1, 300);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->chart), "card");
  gtk_widget_set_overflow (GTK_WIDGET (self->chart), GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (self->chart_box), GTK_WIDGET (self->chart));
  g_signal_connect_object (self->chart, "scenario-activated", G_CALLBACK (on_chart_scenario_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "item-activated", G_CALLBACK (on_chart_item_activated), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart, "mix-activated", G_CALLBACK (on_mix_activated), self,
                           G_CONNECT_SWAPPED);

  self->chart_note = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->chart_note, 0);
  gtk_label_set_wrap (self->chart_note, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->chart_note), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->chart_note), FALSE);
  gtk_box_append (GTK_BOX (self->chart_box), GTK_WIDGET (self->chart_note));
  gtk_drop_down_set_selected (self->chart_kind, SSC_CHART_MIX);
  /* SUPPLYSHIFT_CHART=tornado (a chart's name): shown first, for screenshots. */
  {
    SscChartKind kind;

    if (ssc_chart_kind_from_string (g_getenv ("SUPPLYSHIFT_CHART"), &kind))
      gtk_drop_down_set_selected (self->chart_kind, kind);
  }
}

static char *
chart_file_name (SsWindow   *self,
                 const char *extension)
{
  const SsStudy *study = ss_window_study (self);
  const SsScenario *scenario = ss_window_scenario (self);
  const char *item = self->item >= 0 ? ss_study_get_item (study, self->item)->code : "portfolio";
  char *name = g_strdup_printf ("%s-%s-%s.%s", ssc_chart_kind_to_string (ss_chart_get_kind (self->chart)),
                                scenario != NULL ? scenario->id : "baseline", item, extension);

  g_strdelimit (name, "/\\:", '-');
  return name;
}

typedef struct
{
  SsWindow     *window;
  SscChartKind  kind;
  GFile        *file;
  int           width;                 /* as laid out */
  int           height;
  int           scale;                 /* PNG pixels per unit */
  gboolean      footer;
} ChartExport;

static void
chart_export_free (ChartExport *job)
{
  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_free (job);
}

#define EXPORT_WIDTH  960
#define EXPORT_HEIGHT 600

/* Writes the chart as @job says, and says how it went. */
static void
write_chart (ChartExport *job)
{
  SsWindow *self = job->window;
  g_autofree char *path = g_file_get_path (job->file);
  g_autofree char *basename = ss_file_get_display_basename (job->file);
  g_autofree char *name = ss_bidi_isolate (basename);
  g_autofree char *footer = NULL;
  g_autoptr(GError) error = NULL;
  SscChartData data;

  fill_chart_data (self, &data, FALSE);
  if (job->footer)
    footer = ssc_chart_footer_text (ss_window_study (self), NULL);
  data.footer = footer;
  if (path == NULL || !ssc_chart_export_scaled (job->kind, &data, path, job->width, job->height,
                                                job->scale, &error))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” could not be written: %s"), name,
                                                  error != NULL ? error->message : _("not a local file"));

      ss_window_toast (self, message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Chart exported to “%s”"), name);

      ss_window_toast (self, message);
    }
}

static void
on_custom_size_response (AdwMessageDialog *dialog,
                         const char       *response,
                         ChartExport      *job)
{
  GtkSpinButton *width = g_object_get_data (G_OBJECT (dialog), "width");
  GtkSpinButton *height = g_object_get_data (G_OBJECT (dialog), "height");

  if (g_str_equal (response, "export"))
    {
      gtk_spin_button_update (width);
      gtk_spin_button_update (height);
      job->width = gtk_spin_button_get_value_as_int (width);
      job->height = gtk_spin_button_get_value_as_int (height);
      write_chart (job);
    }
  chart_export_free (job);
}

static GtkWidget *
size_spin (const char *label,
           int         value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (100, SSC_CHART_MAX_SIZE, 10);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  ss_input_guard (spin);
  ss_input_guard_set_label (spin, label, SS_UNIT_WHOLE);
  return spin;
}

/* Asks the size of a PNG in pixels, then writes it. */
static void
ask_custom_size (ChartExport *job)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (job->window), _("PNG Size"),
                                              _("The chart is laid out for this size, in pixels."));
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *width = size_spin (_("Width"), EXPORT_WIDTH);
  GtkWidget *height = size_spin (_("Height"), EXPORT_HEIGHT);
  GtkWidget *width_label = gtk_label_new_with_mnemonic (_("_Width"));
  GtkWidget *height_label = gtk_label_new_with_mnemonic (_("_Height"));

  gtk_label_set_mnemonic_widget (GTK_LABEL (width_label), width);
  gtk_label_set_mnemonic_widget (GTK_LABEL (height_label), height);
  gtk_widget_set_halign (width_label, GTK_ALIGN_END);
  gtk_widget_set_halign (height_label, GTK_ALIGN_END);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (grid), width_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), width, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), height_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), height, 1, 1, 1, 1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "export", _("_Export"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "width", width);
  g_object_set_data (G_OBJECT (dialog), "height", height);
  g_signal_connect (dialog, "response", G_CALLBACK (on_custom_size_response), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_chart_response (GtkNativeDialog *dialog,
                          int              response,
                          ChartExport     *job)
{
  const char *size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "size");
  const char *footer = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "footer");

  if (response == GTK_RESPONSE_ACCEPT)
    job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  job->footer = g_strcmp0 (footer, "true") == 0;
  job->scale = g_strcmp0 (size, "2") == 0 ? 2 : 1;
  if (job->file != NULL && g_strcmp0 (size, "custom") == 0)
    {
      g_object_unref (dialog);
      ask_custom_size (job);
      return;
    }
  g_object_unref (dialog);
  if (job->file != NULL)
    write_chart (job);
  chart_export_free (job);
}

static void
export_chart_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                              _("_Cancel"));
  g_autofree char *name = chart_file_name (self, format);
  ChartExport *job = g_new0 (ChartExport, 1);

  job->window = g_object_ref (self);
  job->kind = ss_chart_get_kind (self->chart);
  job->width = EXPORT_WIDTH;
  job->height = EXPORT_HEIGHT;
  job->scale = 1;
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (g_str_equal (format, "png"))
    {
      const char *ids[] = { "1", "2", "custom", NULL };
      /* Translators: the sizes of a PNG export; ×: the times sign */
      g_autofree char *one = g_strdup_printf (_("1× (%d × %d pixels)"), EXPORT_WIDTH, EXPORT_HEIGHT);
      g_autofree char *two = g_strdup_printf (_("2× (%d × %d pixels)"), 2 * EXPORT_WIDTH, 2 * EXPORT_HEIGHT);
      const char *labels[] = { one, two, _("Custom size…"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "size", _("Size"), ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "size", "1");
    }
  if (!g_str_equal (format, "csv"))
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "footer",
                                 _("Footer with the study’s title, date and source"), NULL, NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_chart_response), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The chart as the export draws it (light style, 960×600), as an image on
 * the clipboard, for pasting into a slide. */
static void
copy_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 960, 600);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  SscChartData data;

  fill_chart_data (self, &data, FALSE);
  ssc_chart_data_set_style (&data, FALSE);
  data.fill_background = TRUE;
  ssc_chart_export_prepare (cr);
  ssc_chart_render (ss_chart_get_kind (self->chart), &data, cr, 960, 600, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize)cairo_image_surface_get_stride (surface) * 600);
  texture = gdk_memory_texture_new (960, 600, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  ss_window_toast (self, _("Chart copied"));
}

/* The figures the chart draws, as tab-separated text with the numbers
 * as the window shows them (docs/export.md), for a spreadsheet or HWP. */
static void
copy_chart_data_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SsWindow *self = SS_WINDOW (widget);
  g_autoptr(SsTable) table = NULL;
  g_autofree char *text = NULL;
  SscChartData data;

  fill_chart_data (self, &data, FALSE);
  table = ssc_chart_table (ss_chart_get_kind (self->chart), &data);
  if (table == NULL || ss_table_get_n_rows (table) == 0)
    {
      ss_window_toast (self, _("The chart has no data to copy"));
      return;
    }
  text = ss_table_to_tsv (table);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  ss_window_toast (self, _("Chart data copied"));
}

void
ss_window_charts_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-chart", "s", export_chart_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart", NULL, copy_chart_action);
  gtk_widget_class_install_action (widget_class, "win.copy-chart-data", NULL, copy_chart_data_action);
  gtk_widget_class_install_action (widget_class, "win.use-mix", NULL, use_mix_action);
}
