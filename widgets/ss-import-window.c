/* ss-import-window.c: the preview of an import of trade statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window reads the file in a worker thread (ss_import_read() with a
 * cancellable: Cancel, closing the window or another format stops it),
 * then shows what the file holds and what importing it would change,
 * before anything changes: it applies the import to a copy of the open
 * study (or builds the new study) with the options shown, and lists the
 * summary the importer gives back. Import then applies it for real as
 * one document operation, so it is one undo step. A file that cannot be
 * read shows the reader's message, which names the file, the line and
 * the column; the open study is never touched before Import.
 */

#define G_LOG_DOMAIN "supplyshift-import-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ss-bidi.h"
#include "ss-import-window-private.h"
#include "ss-safe-file.h"

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_READING,
  N_PROPS
};

enum
{
  APPLIED,
  NEW_STUDY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsImportWindow, ss_import_window, ADW_TYPE_WINDOW)

static void read_file (SsImportWindow *self);
static void update_preview (SsImportWindow *self);

/* --- The preview ------------------------------------------------------- */

static gboolean
is_new_study (SsImportWindow *self)
{
  return adw_combo_row_get_selected (self->target_row) == TARGET_NEW_STUDY;
}

static void
get_options (SsImportWindow  *self,
             SsImportOptions *options)
{
  guint template = adw_combo_row_get_selected (self->template_row);

  memset (options, 0, sizeof *options);
  options->year = _ss_import_window_chosen_year (self);
  options->top = (guint)gtk_spin_button_get_value_as_int (self->top_spin);
  if (!is_new_study (self) && template < self->templates->len)
    options->template_country = g_ptr_array_index (self->templates, template);
}

static void
set_problem (SsImportWindow *self,
             const char     *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_widget_set_visible (self->problem_group, problem != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->problem_row), problem != NULL ? problem : "");
}

static void
update_actions (SsImportWindow *self)
{
  gboolean can = self->import != NULL && self->preview != NULL && self->problem == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", can);
  gtk_widget_set_sensitive (self->import_button, can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-map", self->reading == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.clear-map",
                                 self->reading == NULL && self->items_map != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), self->reading == NULL);
}

/* Imports into a copy of the open study (or builds the new one) with the
 * options shown, and lists what that did. */
static void
update_preview (SsImportWindow *self)
{
  g_autoptr(GError) error = NULL;
  const SsStudy *study = ss_document_get_study (self->document);
  gboolean new_study = is_new_study (self);
  SsImportOptions options;
  int year;

  if (self->import == NULL || self->updating)
    return;
  g_clear_object (&self->preview);
  g_clear_pointer (&self->summary, ss_import_summary_free);
  set_problem (self, NULL);
  _ss_import_window_clear_rows (self);

  get_options (self, &options);
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_row), !new_study);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->target_row),
                               new_study ? _("It opens in a new window; the open study stays as it is")
                                         : _("The change is one step, which Undo takes back"));
  if (new_study)
    self->preview = ss_import_new_study (self->import, &options, &self->summary, &error);
  else
    {
      self->preview = ss_study_copy (study);
      if (!ss_import_apply (self->import, self->preview, &options, &self->summary, &error))
        g_clear_object (&self->preview);
    }

  year = self->summary != NULL ? self->summary->year : _ss_import_window_chosen_year (self);
  if (year == 0)
    {
      guint n;
      const int *years = ss_import_get_years (self->import, &n);

      year = n > 0 ? years[n - 1] : 0;
    }
  _ss_import_window_fill_read_group (self, year);
  if (self->preview == NULL)
    {
      set_problem (self, error != NULL ? error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->changes_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->countries_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->skipped_group), FALSE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->changes_group), TRUE);
      _ss_import_window_fill_changes (self, new_study, year);
      _ss_import_window_fill_countries (self, new_study);
      _ss_import_window_fill_skipped (self, year);
      if (!new_study && ss_study_equal (self->preview, study))
        set_problem (self, _("The open study already holds what this file says: importing it changes "
                             "nothing."));
    }
  if (ss_import_get_format (self->import) != SS_IMPORT_FORMAT_WGI)
    _ss_import_window_fill_found_group (self, year);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->found_group), FALSE);
  update_actions (self);
}

/* After a read: the years the file holds (the study's base year, else
 * the latest, chosen), the countries new ones can take figures from, and
 * whether a new study is possible (not from governance indicators). */
static void
setup_options (SsImportWindow *self)
{
  const SsStudy *study = ss_document_get_study (self->document);
  int base_year = ss_study_get_meta (study)->base_year;
  int rest = ss_study_find_country (study, SS_IMPORT_REST_COUNTRY);
  gboolean wgi = ss_import_get_format (self->import) == SS_IMPORT_FORMAT_WGI;
  guint n_years, selected;
  const int *years = ss_import_get_years (self->import, &n_years);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  self->updating = TRUE;

  g_array_set_size (self->years, 0);
  selected = n_years > 0 ? n_years - 1 : 0;
  for (guint k = 0; k < n_years; k++)
    {
      char text[16];

      g_array_append_val (self->years, years[k]);
      g_snprintf (text, sizeof text, "%d", years[k]);
      g_strv_builder_add (labels, text);
      if (years[k] == base_year)
        selected = k;
    }
  strv = g_strv_builder_end (labels);
  gtk_string_list_splice (self->year_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->year_list)),
                          (const char * const *)strv);
  adw_combo_row_set_selected (self->year_row, selected);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), n_years > 1);

  g_ptr_array_set_size (self->templates, 0);
  gtk_string_list_splice (self->template_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->template_list)), NULL);
  g_ptr_array_add (self->templates, NULL);
  if (rest >= 0)
    {
      g_autofree char *name = _ss_import_window_country_label (self, SS_IMPORT_REST_COUNTRY);

      gtk_string_list_append (self->template_list, name);
    }
  else
    gtk_string_list_append (self->template_list, _("Cautious placeholders"));
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    {
      const char *code = ss_study_get_country (study, c)->code;
      g_autofree char *name = NULL;

      if ((int)c == rest)
        continue;
      name = _ss_import_window_country_label (self, code);
      g_ptr_array_add (self->templates, g_strdup (code));
      gtk_string_list_append (self->template_list, name);
    }
  adw_combo_row_set_selected (self->template_row, 0);

  if (wgi)
    adw_combo_row_set_selected (self->target_row, TARGET_OPEN_STUDY);
  gtk_widget_set_sensitive (GTK_WIDGET (self->target_row), !wgi);
  gtk_widget_set_visible (self->top_row, !wgi);
  gtk_widget_set_visible (GTK_WIDGET (self->template_row), !wgi);

  self->updating = FALSE;
}

static void
update_file_row (SsImportWindow *self)
{
  g_autofree char *name = ss_file_get_display_basename (self->file);
  g_autofree char *map_name = self->items_map != NULL ? ss_file_get_display_basename (self->items_map) : NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  if (self->import != NULL)
    {
      const char *reporter = ss_import_get_reporter (self->import);
      g_autofree char *reporter_name = reporter != NULL ? _ss_import_window_country_label (self, reporter) : NULL;

      if (reporter_name != NULL)
        /* Translators: a file format, then the importing country */
        subtitle = g_strdup_printf (_("%s, imports of %s"), _ss_import_window_format_name (ss_import_get_format (self->import)),
                                    reporter_name);
      else
        subtitle = g_strdup (_ss_import_window_format_name (ss_import_get_format (self->import)));
    }
  else if (self->error != NULL)
    subtitle = g_strdup (_("Not read"));
  else
    subtitle = g_strdup (_("Reading…"));
  adw_action_row_set_subtitle (self->file_row, subtitle);

  adw_action_row_set_subtitle (self->map_row, map_name != NULL ? map_name
                               : _("None: each HS code of the file is an item"));
  gtk_widget_set_visible (self->map_clear_button, self->items_map != NULL);
}

/* --- Reading ----------------------------------------------------------- */

typedef struct
{
  GFile          *file;
  char           *display;
  SsImportFormat  format;
  GFile          *items_map;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->file);
  g_free (job->display);
  g_clear_object (&job->items_map);
  g_free (job);
}

/* Reads still running: a cancelled one runs on in its thread until the
 * reader notices, which the process must wait for before it exits. */
static GMutex reads_lock;
static GCond reads_done;
static guint reads_running;

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  SsImport *import;

  g_mutex_lock (&reads_lock);
  reads_running++;
  g_mutex_unlock (&reads_lock);
  import = ss_import_read (job->file, job->display, job->format, job->items_map, cancellable, &error);
  g_mutex_lock (&reads_lock);
  reads_running--;
  g_cond_broadcast (&reads_done);
  g_mutex_unlock (&reads_lock);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, (GDestroyNotify)ss_import_free);
}

static void
show_page (SsImportWindow *self,
           const char     *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "reading"));
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SsImportWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  SsImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  /* A read cancelled (by Cancel, or by another format) says nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
      || self->reading != g_task_get_cancellable (G_TASK (result)))
    {
      g_clear_pointer (&import, ss_import_free);
      return;
    }
  g_clear_object (&self->reading);
  if (import == NULL)
    {
      self->error = g_strdup (error->message);
      gtk_label_set_label (self->error_label, self->error);
      show_page (self, "error");
    }
  else
    {
      self->import = import;
      setup_options (self);
      show_page (self, "preview");
      update_preview (self);
    }
  update_file_row (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
}

static void
cancel_read (SsImportWindow *self)
{
  if (self->reading == NULL)
    return;
  g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
}

/* Reads in a worker thread: a year of customs data is millions of rows.
 * As for studies (ss-window-files.c), the window is the callback's data
 * and not the task's source object, so that it is never released in the
 * worker thread after a cancel. */
static void
read_file (SsImportWindow *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = ss_file_get_display_basename (self->file);
  g_autofree char *isolated = ss_bidi_isolate (name);
  g_autofree char *message = g_strdup_printf (_("Reading “%s”…"), isolated);
  ReadJob *job = g_new0 (ReadJob, 1);

  cancel_read (self);
  g_clear_pointer (&self->import, ss_import_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->summary, ss_import_summary_free);
  _ss_import_window_clear_rows (self);

  job->file = g_object_ref (self->file);
  job->display = g_steal_pointer (&name);
  job->format = (SsImportFormat)adw_combo_row_get_selected (self->format_row);
  g_set_object (&job->items_map, self->items_map);

  self->reading = g_cancellable_new ();
  task = g_task_new (NULL, self->reading, on_read, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify)read_job_free);
  g_task_set_return_on_cancel (task, TRUE);
  gtk_label_set_label (self->reading_label, message);
  show_page (self, "reading");
  update_file_row (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READING]);
  g_task_run_in_thread (task, read_in_thread);
}

/**
 * ss_import_window_wait_for_reads:
 * @timeout_ms: how long to wait at most
 *
 * Waits for reads still running in worker threads, so that the process
 * can exit (the XML reader is libxml2, whose destructor must not run
 * under a read).
 *
 * Returns: whether none runs any more
 */
gboolean
ss_import_window_wait_for_reads (guint timeout_ms)
{
  gint64 until = g_get_monotonic_time () + (gint64)timeout_ms * 1000;
  gboolean done;

  g_mutex_lock (&reads_lock);
  while (reads_running > 0 && g_cond_wait_until (&reads_done, &reads_lock, until))
    ;
  done = reads_running == 0;
  g_mutex_unlock (&reads_lock);
  return done;
}

/* --- Actions and rows -------------------------------------------------- */

static void
on_format_selected (SsImportWindow *self)
{
  if (self->file != NULL && !self->updating)
    read_file (self);
}

static void
on_option_changed (SsImportWindow *self)
{
  update_preview (self);
}

static void
on_map_response (GtkNativeDialog *dialog,
                 int              response,
                 SsImportWindow  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    ss_import_window_set_items_map (self, file);
  g_object_unref (self);
}

static void
choose_map_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (widget);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Choose an Items Map"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                                              _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_map_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
clear_map_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ss_import_window_set_items_map (SS_IMPORT_WINDOW (widget), NULL);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  if (!ss_import_window_apply (SS_IMPORT_WINDOW (widget), &error))
    set_problem (SS_IMPORT_WINDOW (widget), error->message);
}

gboolean
ss_import_window_apply (SsImportWindow  *self,
                        GError         **error)
{
  g_autoptr(SsImportSummary) summary = NULL;
  SsImportOptions options;

  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), FALSE);
  g_return_val_if_fail (self->import != NULL, FALSE);

  get_options (self, &options);
  if (is_new_study (self))
    {
      g_autoptr(SsStudy) study = ss_import_new_study (self->import, &options, &summary, error);

      if (study == NULL)
        return FALSE;
      g_signal_emit (self, signals[NEW_STUDY], 0, study);
    }
  else if (!ss_document_apply_import (self->document, self->import, &options, &summary, error))
    return FALSE;

  g_signal_emit (self, signals[APPLIED], 0, summary);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* --- Properties and life ----------------------------------------------- */

SsDocument *
ss_import_window_get_document (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->document;
}

GFile *
ss_import_window_get_file (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->file;
}

gboolean
ss_import_window_get_reading (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), FALSE);
  return self->reading != NULL;
}

SsImport *
ss_import_window_get_import (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->import;
}

const char *
ss_import_window_get_error (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->error;
}

const SsImportSummary *
ss_import_window_get_summary (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->preview != NULL ? self->summary : NULL;
}

const char *
ss_import_window_get_problem (SsImportWindow *self)
{
  g_return_val_if_fail (SS_IS_IMPORT_WINDOW (self), NULL);
  return self->problem;
}

void
ss_import_window_set_format (SsImportWindow *self,
                             SsImportFormat  format)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  if (adw_combo_row_get_selected (self->format_row) != (guint)format)
    adw_combo_row_set_selected (self->format_row, format);
  else
    read_file (self);
}

void
ss_import_window_set_items_map (SsImportWindow *self,
                                GFile          *items_map)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  g_set_object (&self->items_map, items_map);
  read_file (self);
}

void
ss_import_window_set_year (SsImportWindow *self,
                           int             year)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  for (guint k = 0; k < self->years->len; k++)
    if (g_array_index (self->years, int, k) == year)
      adw_combo_row_set_selected (self->year_row, k);
}

void
ss_import_window_set_top (SsImportWindow *self,
                          guint           top)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  gtk_spin_button_set_value (self->top_spin, top);
}

void
ss_import_window_set_template (SsImportWindow *self,
                               const char     *country)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  for (guint k = 0; k < self->templates->len; k++)
    if (g_strcmp0 (g_ptr_array_index (self->templates, k), country) == 0)
      adw_combo_row_set_selected (self->template_row, k);
}

void
ss_import_window_set_new_study (SsImportWindow *self,
                                gboolean        new_study)
{
  g_return_if_fail (SS_IS_IMPORT_WINDOW (self));

  adw_combo_row_set_selected (self->target_row, new_study ? TARGET_NEW_STUDY : TARGET_OPEN_STUDY);
}

static void
ss_import_window_constructed (GObject *object)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (object);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  G_OBJECT_CLASS (ss_import_window_parent_class)->constructed (object);

  g_return_if_fail (self->document != NULL && self->file != NULL);
  /* "Import — kcs-2024.csv": the file in the title, as the window lists
   * and build-aux/screenshot find it. */
  name = ss_file_get_display_basename (self->file);
  title = g_strdup_printf (_("Import — %s"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_subtitle (self->window_title, name);
  read_file (self);
}

static void
ss_import_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_READING:
      g_value_set_boolean (value, self->reading != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_import_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The read in flight holds the window (it is the callback's data): a
 * window closed or destroyed while it reads must stop the read, or it
 * runs to the end of a huge file for nobody. */
static void
ss_import_window_unmap (GtkWidget *widget)
{
  cancel_read (SS_IMPORT_WINDOW (widget));
  GTK_WIDGET_CLASS (ss_import_window_parent_class)->unmap (widget);
}

static void
ss_import_window_dispose (GObject *object)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (object);

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_clear_object (&self->reading);
  gtk_widget_dispose_template (GTK_WIDGET (self), SS_TYPE_IMPORT_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->items_map);
  g_clear_object (&self->preview);

  G_OBJECT_CLASS (ss_import_window_parent_class)->dispose (object);
}

static void
ss_import_window_finalize (GObject *object)
{
  SsImportWindow *self = SS_IMPORT_WINDOW (object);

  g_clear_pointer (&self->import, ss_import_free);
  g_clear_pointer (&self->summary, ss_import_summary_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  G_OBJECT_CLASS (ss_import_window_parent_class)->finalize (object);
}

static void
ss_import_window_class_init (SsImportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ss_import_window_constructed;
  object_class->get_property = ss_import_window_get_property;
  object_class->set_property = ss_import_window_set_property;
  object_class->dispose = ss_import_window_dispose;
  object_class->finalize = ss_import_window_finalize;
  widget_class->unmap = ss_import_window_unmap;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READING] =
    g_param_spec_boolean ("reading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsImportWindow::applied:
   * @summary: the SsImportSummary of what the import did
   */
  signals[APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
  /**
   * SsImportWindow::new-study:
   * @study: the study built from the file, for the handler to open
   */
  signals[NEW_STUDY] =
    g_signal_new ("new-study", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, SS_TYPE_STUDY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/supplyshift/SupplyShift/ui/ss-import-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, file_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, format_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, map_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, map_clear_button);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, reading_label);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, target_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, year_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, year_list);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, top_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, top_spin);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, template_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, template_list);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, problem_group);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, problem_row);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, read_group);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, changes_group);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, countries_group);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, skipped_group);
  gtk_widget_class_bind_template_child (widget_class, SsImportWindow, found_group);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.choose-map", NULL, choose_map_action);
  gtk_widget_class_install_action (widget_class, "import.clear-map", NULL, clear_map_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ss_import_window_init (SsImportWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->templates = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);

  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (on_format_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_row, "notify::selected", G_CALLBACK (on_option_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_row, "notify::selected", G_CALLBACK (on_option_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->template_row, "notify::selected", G_CALLBACK (on_option_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->top_spin, "value-changed", G_CALLBACK (on_option_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
}

/* The preview of importing `file` into `document`'s study; reading
 * starts at once. */
GtkWidget *
ss_import_window_new (SsDocument *document,
                      GFile      *file)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (SS_TYPE_IMPORT_WINDOW, "document", document, "file", file, NULL);
}
