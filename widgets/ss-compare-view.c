/* ss-compare-view.c: every scenario's headline figures in one year, as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkColumnView on the model's SsCompareList: a row per scenario (the
 * baseline first), a column per figure, each sortable from its heading,
 * and the figures coloured against the study's targets (model/ss-compare.c
 * says which stand over or near them). Double-click or Enter on a row
 * emits ::scenario-activated, for the window to open that scenario. The
 * table goes to the clipboard as tab-separated text and to a CSV file
 * through SsTable, in the order the view sorts it.
 *
 * The view reads the document's projections itself, and only while it is
 * on screen: an edit made in the editor recomputes the other scenarios
 * only once the table is shown again, so a slider drag costs what it did.
 * Updates come at most once per frame, from a tick callback, like the
 * window's own. When bringing every scenario up to date would miss a
 * frame (seconds, on a study of thousands of items), a worker thread
 * computes them (ss_document_complete_async()) while the table keeps the
 * figures it showed, insensitive, under a line that says so; it shows the
 * new ones all at once. Copy and export wait for the figures.
 */

#define G_LOG_DOMAIN "supplyshift-compare-view"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ss-accessible.h"
#include "ss-bidi.h"
#include "ss-compare.h"
#include "ss-compare-view.h"
#include "ss-input-guard.h"
#include "ss-job.h"
#include "ss-page-util.h"
#include "ss-safe-file.h"

/* Column 0 is the scenario; column 1 + f is figure f (SsCompareFigure). */
#define SCENARIO_COLUMN 0
#define N_COLUMNS (1 + SS_COMPARE_N_FIGURES)

struct _SsCompareView
{
  GtkWidget         parent_instance;

  /* Children */
  GtkWidget        *box;
  GtkLabel         *heading;
  GtkSpinButton    *year_spin;
  GtkLabel         *target_label;
  GtkWidget        *computing;
  GtkWidget        *table;
  GtkColumnView    *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkLabel         *legend;

  /* Owned */
  SsDocument       *document;
  SsCompareList    *list;
  GtkSortListModel *sorted;
  GPtrArray        *projections;

  guint             tick_id;
  SsJob             job;                 /* a worker computing the projections */
  int               year;                /* 0 until set: see default_year() */
  gboolean          updating;
  gboolean          stale;       /* the figures wait for the table to show */
};

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_YEAR,
  N_PROPS
};

enum
{
  SCENARIO_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsCompareView, ss_compare_view, GTK_TYPE_WIDGET)

static const SsStudy *
view_study (SsCompareView *self)
{
  return self->document != NULL ? ss_document_get_study (self->document) : NULL;
}

/* --- What a cell shows --------------------------------------------------- */

/* The headings are short, for thirteen columns in one window; the units
 * and the year are in the heading above the table and in the legend, and
 * the copied table's headings carry them in full. */
static const char *
column_title (guint column)
{
  static const char * const titles[N_COLUMNS] = {
    /* Translators: columns of the scenario comparison table; keep them short */
    N_("Scenario"),
    /* Translators: the largest share from one foreign country */
    N_("Largest"),
    NULL,                                /* the country's name */
    /* Translators: the NPV of the cost premium */
    N_("Premium"),
    /* Translators: supply risk, a short column heading */
    N_("SR"),
    N_("HHI"),
    /* Translators: the expected shortfall impact, a column heading */
    N_("Shortfall"),
    /* Translators: the 95th percentile of the shortfall impact, a column heading */
    N_("VaR95"),
    N_("Critical"),
    N_("Warning"),
    N_("Watch"),
    /* Translators: items over the policy target, a short column heading */
    N_("Over"),
  };

  return titles[column] != NULL ? _(titles[column]) : NULL;
}

static char *
format_cell (SsCompareView *self,
             SsCompareRow  *row,
             guint          column)
{
  const SsStudy *study = view_study (self);
  SsCompareFigure figure;
  double v;

  if (column == SCENARIO_COLUMN)
    {
      g_autofree char *name = NULL;

      if (ss_compare_row_get_kind (row) != SS_SCENARIO_SHOCK)
        return g_strdup (ss_compare_row_get_name (row));
      /* A name set into a longer text cannot reorder it (ss-bidi.h). */
      name = ss_bidi_isolate (ss_compare_row_get_name (row));
      /* Translators: a shock scenario's name in the comparison table */
      return g_strdup_printf (_("%s (shock)"), name);
    }

  figure = column - 1;
  v = ss_compare_row_get_figure (row, figure);
  if (isnan (v))
    return g_strdup ("—");

  switch (figure)
    {
    case SS_COMPARE_LARGEST_SHARE:
      {
        int country = ss_compare_row_get_largest_country (row);

        if (country >= 0 && study != NULL && (guint)country < ss_study_get_n_countries (study))
          /* Translators: a share and the country's code, "48.2 % VN" */
          return g_strdup_printf (_("%.1f %% %s"), 100 * v, ss_study_get_country (study, country)->code);
        return g_strdup_printf ("%.1f %%", 100 * v);
      }
    case SS_COMPARE_COUNTRY_SHARE:
      return g_strdup_printf ("%.1f %%", 100 * v);
    case SS_COMPARE_SUPPLY_RISK:
      return g_strdup_printf ("%.2f", v);
    case SS_COMPARE_SHORTFALL_IMPACT:
    case SS_COMPARE_VAR95:
      return g_strdup_printf ("%.1f", v);
    case SS_COMPARE_NPV_PREMIUM:
      /* No minus sign on a premium that rounds to zero. */
      return g_strdup_printf ("%.0f", fabs (v) < 0.5 ? 0 : v);
    case SS_COMPARE_HHI:
    case SS_COMPARE_CRITICAL:
    case SS_COMPARE_WARNING:
    case SS_COMPARE_WATCH:
    case SS_COMPARE_OVER_TARGET:
    case SS_COMPARE_N_FIGURES:
    default:
      return g_strdup_printf ("%.0f", v);
    }
}

/* The style class of a cell: red over a target, amber near one, green for
 * a share that meets the policy target in force; none where there is no
 * target to meet. */
static const char *
cell_class (SsCompareRow *row,
            guint         column)
{
  SsCompareFigure figure;

  if (column == SCENARIO_COLUMN)
    return NULL;
  figure = column - 1;
  switch (ss_compare_row_get_standing (row, figure))
    {
    case SS_COMPARE_OVER:
      return "error";
    case SS_COMPARE_NEAR:
      return "warning";
    case SS_COMPARE_OK:
    default:
      if ((figure == SS_COMPARE_LARGEST_SHARE || figure == SS_COMPARE_COUNTRY_SHARE)
          && !isnan (ss_compare_row_get_policy_target (row))
          && !isnan (ss_compare_row_get_figure (row, figure)))
        return "success";
      return NULL;
    }
}

/* Colour is never the only sign: an over or near cell says why in its
 * tooltip, which a screen reader reads as its description. */
static char *
cell_tooltip (SsCompareView *self,
              SsCompareRow  *row,
              guint          column)
{
  const char *css = cell_class (row, column);
  double target = ss_compare_row_get_policy_target (row);
  SsCompareFigure figure;

  if (css == NULL)
    return NULL;
  figure = column - 1;
  switch (figure)
    {
    case SS_COMPARE_LARGEST_SHARE:
    case SS_COMPARE_COUNTRY_SHARE:
      if (g_str_equal (css, "error"))
        return g_strdup_printf (_("Over the policy target of %.0f %% in %d"), 100 * target, self->year);
      return g_strdup_printf (_("Within the policy target of %.0f %% in %d"), 100 * target, self->year);
    case SS_COMPARE_SUPPLY_RISK:
      return g_strdup (_("Supply risk of 1 or more (critical, EU method)"));
    case SS_COMPARE_CRITICAL:
      return g_strdup (_("Items at the critical level"));
    case SS_COMPARE_WARNING:
      return g_strdup (_("Items at the warning level"));
    case SS_COMPARE_OVER_TARGET:
      return g_strdup (_("Items over the policy target"));
    case SS_COMPARE_NPV_PREMIUM:
    case SS_COMPARE_HHI:
    case SS_COMPARE_SHORTFALL_IMPACT:
    case SS_COMPARE_VAR95:
    case SS_COMPARE_WATCH:
    case SS_COMPARE_N_FIGURES:
    default:
      return NULL;
    }
}

static void ensure_fresh (SsCompareView *self);

char *
ss_compare_view_get_cell_text (SsCompareView *self,
                               guint          position,
                               guint          column)
{
  g_autoptr(SsCompareRow) row = NULL;

  g_return_val_if_fail (SS_IS_COMPARE_VIEW (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  ensure_fresh (self);
  row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  return row != NULL ? format_cell (self, row, column) : NULL;
}

/* --- Cells ---------------------------------------------------------------- */

static void
show_cell (GtkListItem *item)
{
  SsCompareView *self = g_object_get_data (G_OBJECT (item), "ss-view");
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "ss-column"));
  GtkWidget *inscription = gtk_list_item_get_child (item);
  SsCompareRow *row = gtk_list_item_get_item (item);
  const char *old = g_object_get_data (G_OBJECT (inscription), "ss-class");
  const char *css;
  g_autofree char *text = NULL, *tooltip = NULL;

  if (row == NULL || inscription == NULL)
    return;
  text = format_cell (self, row, column);
  css = cell_class (row, column);
  tooltip = cell_tooltip (self, row, column);
  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_widget_set_tooltip_text (inscription, tooltip);
  /* The row, which takes the focus, is read as its scenario: GTK 4.8's
   * column view gives a row no name of its own (the cell's parent is
   * the row). */
  if (column == SCENARIO_COLUMN && gtk_widget_get_parent (inscription) != NULL
      && gtk_widget_get_parent (gtk_widget_get_parent (inscription)) != NULL)
    ss_accessible_name (gtk_widget_get_parent (gtk_widget_get_parent (inscription)), text);
  if (g_strcmp0 (old, css) != 0)
    {
      if (old != NULL)
        gtk_widget_remove_css_class (inscription, old);
      if (css != NULL)
        gtk_widget_add_css_class (inscription, css);
      g_object_set_data (G_OBJECT (inscription), "ss-class", (gpointer)css);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            SsCompareView            *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "ss-column"));
  GtkWidget *inscription = gtk_inscription_new (NULL);

  if (column == SCENARIO_COLUMN)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 22);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 16);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
    }
  else
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1);
      /* Narrow: thirteen columns share the view with the item list. */
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription),
                                     column - 1 == SS_COMPARE_LARGEST_SHARE ? 8 : 4);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 3);
      gtk_widget_add_css_class (inscription, "numeric");
    }
  g_object_set_data (G_OBJECT (inscription), "ss-column", GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (item), "ss-view", self);
  g_object_set_data (G_OBJECT (item), "ss-column", GUINT_TO_POINTER (column));
  gtk_list_item_set_child (item, inscription);
}

/* A row notifies the figures that moved; its cells follow. */
static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           SsCompareView            *self)
{
  SsCompareRow *row = gtk_list_item_get_item (item);

  g_signal_connect_object (row, "notify", G_CALLBACK (show_cell), item, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "ss-row", row);
  show_cell (item);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SsCompareView            *self)
{
  SsCompareRow *row = gtk_list_item_get_item (item);

  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, show_cell, item);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "ss-row", NULL);
}

/* Sorting by a figure: an undefined figure (VaR95 not computed) sorts
 * after every number, and equal figures keep the file order. */
static int
compare_figures (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  SsCompareFigure figure = GPOINTER_TO_UINT (user_data);
  SsCompareRow *ra = (SsCompareRow *)a, *rb = (SsCompareRow *)b;
  double va = ss_compare_row_get_figure (ra, figure);
  double vb = ss_compare_row_get_figure (rb, figure);

  if (isnan (va) || isnan (vb))
    {
      if (isnan (va) != isnan (vb))
        return isnan (va) ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
    }
  else if (va != vb)
    return va < vb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return ss_compare_row_get_scenario (ra) < ss_compare_row_get_scenario (rb) ? GTK_ORDERING_SMALLER
       : ss_compare_row_get_scenario (ra) > ss_compare_row_get_scenario (rb) ? GTK_ORDERING_LARGER
       : GTK_ORDERING_EQUAL;
}

static void
add_columns (SsCompareView *self)
{
  for (guint k = 0; k < N_COLUMNS; k++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkSorter) sorter = NULL;
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "ss-column", GUINT_TO_POINTER (k));
      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell), self, 0);
      g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell), self, 0);

      if (k == SCENARIO_COLUMN)
        sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SS_TYPE_COMPARE_ROW, NULL,
                                                                                 "name")));
      else
        sorter = GTK_SORTER (gtk_custom_sorter_new (compare_figures, GUINT_TO_POINTER (k - 1), NULL));

      column = gtk_column_view_column_new (column_title (k), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, k == SCENARIO_COLUMN);
      gtk_column_view_append_column (self->column_view, column);
      self->columns[k] = column;
      g_object_unref (column);
    }
}

/* --- Updates -------------------------------------------------------------- */

/* Until the window says otherwise, the year a planner asks about: the last
 * policy target's, or the final year. */
static int
default_year (const SsStudy *study)
{
  const SsMeta *meta = ss_study_get_meta (study);
  int last = meta->base_year + meta->horizon, year = last;

  for (guint k = 0; k < meta->policy_targets->len; k++)
    {
      int y = g_array_index (meta->policy_targets, SsPolicyTarget, k).year;

      if (y > meta->base_year && y <= last)
        year = y;
    }
  return year;
}

static void
update_labels (SsCompareView *self,
               const SsStudy *study)
{
  const SsMeta *meta = ss_study_get_meta (study);
  guint country = ss_compare_list_get_country (self->list);
  const char *country_name = ss_study_get_country (study, country)->name;
  g_autofree char *isolated = ss_bidi_isolate (country_name);
  g_autofree char *legend = NULL, *target = NULL;
  double in_force = NAN;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      g_autoptr(SsCompareRow) row = g_list_model_get_item (G_LIST_MODEL (self->list), 0);

      in_force = ss_compare_row_get_policy_target (row);
    }
  if (isnan (in_force))
    target = g_strdup_printf (_("No policy target in %d"), self->year);
  else
    /* Translators: the policy target in force in the year the table shows */
    target = g_strdup_printf (_("Policy target: at most %.0f %% from one country in %d"), 100 * in_force,
                              self->year);
  gtk_label_set_label (self->target_label, target);

  gtk_column_view_column_set_title (self->columns[1 + SS_COMPARE_COUNTRY_SHARE], country_name);
  legend = g_strdup_printf (_("Largest: the largest share of spending from one foreign country in %d, with its "
                              "code; %s: its share, in %%. Premium: NPV of the cost premium over %d–%d; SR: "
                              "supply risk; shortfall impact and VaR95 in %d, in million %s. Critical, Warning, "
                              "Watch and Over (the policy target) count items. Double-click a row, or press "
                              "Enter, to edit its scenario."),
                            self->year, isolated, meta->base_year, meta->base_year + meta->horizon,
                            self->year, meta->currency);
  /* Copy and Export write the headings in full, with the year and unit. */
  gtk_label_set_label (self->legend, legend);
}

/* Shows whether a worker computes the figures; the table meanwhile keeps
 * the last ones, and takes no clicks. */
static void
show_computing (SsCompareView *self,
                gboolean       computing)
{
  ss_page_show_computing (self->computing, computing);
  gtk_widget_set_sensitive (self->table, !computing);
}

static void
update (SsCompareView *self,
        gboolean       may_wait)
{
  const SsStudy *study;
  const SsMeta *meta;

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  study = view_study (self);
  if (study == NULL)
    return;
  meta = ss_study_get_meta (study);
  self->stale = FALSE;

  self->updating = TRUE;
  if (self->year == 0)
    self->year = default_year (study);
  self->year = CLAMP (self->year, meta->base_year, meta->base_year + meta->horizon);
  gtk_spin_button_set_range (self->year_spin, meta->base_year, meta->base_year + meta->horizon);
  gtk_spin_button_set_value (self->year_spin, self->year);
  self->updating = FALSE;

  if (may_wait && ss_job_complete (&self->job, self, self->document, SS_DOCUMENT_NEEDS_PROJECTIONS,
                                   (SsJobUpdateFunc)ss_compare_view_update))
    {
      show_computing (self, TRUE);
      return;
    }
  show_computing (self, FALSE);
  ss_document_get_all_projections (self->document, self->projections);
  ss_compare_list_update (self->list, study, self->projections, self->year - meta->base_year,
                          SS_COMPARE_TOP_SUPPLIER);
  /* The rows notify what changed; the sort follows the figures. */
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
  update_labels (self, study);
}

/* Reads every scenario's projection and the year's figures: at once, or
 * when a worker has computed those that are stale (if that would miss a
 * frame). */
void
ss_compare_view_update (SsCompareView *self)
{
  g_return_if_fail (SS_IS_COMPARE_VIEW (self));
  update (self, TRUE);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SsCompareView *self = SS_COMPARE_VIEW (widget);

  self->tick_id = 0;
  ss_compare_view_update (self);
  return G_SOURCE_REMOVE;
}

static void
queue_update (SsCompareView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

static void
on_document_changed (SsCompareView *self)
{
  queue_update (self);
}

static void
on_year_changed (SsCompareView *self)
{
  if (!self->updating)
    ss_compare_view_set_year (self, gtk_spin_button_get_value_as_int (self->year_spin));
}

static void
on_activate (SsCompareView *self,
             guint          position)
{
  g_autoptr(SsCompareRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (row != NULL)
    g_signal_emit (self, signals[SCENARIO_ACTIVATED], 0, ss_compare_row_get_scenario (row));
}

/* Every scenario's projection is some work on a big study: a table not
 * on screen (the window opens on the Editor) is brought up to date when
 * it shows or is read. */
static void
update_later (SsCompareView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ss_compare_view_update (self);
  else
    self->stale = TRUE;
}

/* For copy, export and tests: the figures as they are now, computed
 * here if need be. */
static void
ensure_fresh (SsCompareView *self)
{
  if (self->stale || ss_job_is_running (&self->job))
    update (self, FALSE);
}

/* --- Copy and export --------------------------------------------------- */

SsTable *
ss_compare_view_to_table (SsCompareView *self)
{
  const SsStudy *study;

  g_return_val_if_fail (SS_IS_COMPARE_VIEW (self), NULL);

  ensure_fresh (self);
  study = view_study (self);
  if (study == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0)
    return NULL;
  return ss_compare_rows_to_table (G_LIST_MODEL (self->sorted), study, ss_compare_list_get_year (self->list),
                                   ss_compare_list_get_country (self->list));
}

static void
toast (SsCompareView *self,
       const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsCompareView *self = SS_COMPARE_VIEW (widget);
  g_autoptr(SsTable) table = NULL;
  g_autofree char *text = NULL;

  table = ss_compare_view_to_table (self);
  if (table == NULL)
    return;
  text = ss_table_to_tsv (table);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, _("Table copied"));
}

/* The table as a CSV file, written whole or not at all. */
gboolean
ss_compare_view_write_csv (SsCompareView  *self,
                           const char     *path,
                           GError        **error)
{
  g_autoptr(SsTable) table = NULL;
  g_autofree char *csv = NULL;

  g_return_val_if_fail (SS_IS_COMPARE_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  table = ss_compare_view_to_table (self);
  if (table == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("There is nothing to export"));
      return FALSE;
    }
  csv = ss_table_to_csv (table);
  return ss_safe_file_set_contents (path, csv, strlen (csv), SS_SAFE_FILE_NONE, NULL, error);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    SsCompareView   *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = ss_file_get_display_basename (file);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      if (path == NULL)
        message = g_strdup_printf (_("“%s” could not be written: %s"), name, _("not a local file"));
      else if (!ss_compare_view_write_csv (self, path, &error))
        message = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);
      else
        message = g_strdup_printf (_("Table exported to “%s”"), name);
      toast (self, message);
    }
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsCompareView *self = SS_COMPARE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  ensure_fresh (self);
  if (view_study (self) == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Table"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("scenarios-%d.csv", self->year);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* --- The widget ----------------------------------------------------------- */

static void
ss_compare_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ss_compare_view_parent_class)->map (widget);
  /* What changed while the table was hidden. */
  ss_compare_view_update (SS_COMPARE_VIEW (widget));
}

static void
ss_compare_view_dispose (GObject *object)
{
  SsCompareView *self = SS_COMPARE_VIEW (object);

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  ss_job_cancel (&self->job);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->sorted);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (ss_compare_view_parent_class)->dispose (object);
}

static void
ss_compare_view_finalize (GObject *object)
{
  SsCompareView *self = SS_COMPARE_VIEW (object);

  g_ptr_array_unref (self->projections);

  G_OBJECT_CLASS (ss_compare_view_parent_class)->finalize (object);
}

static void
ss_compare_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsCompareView *self = SS_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_compare_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SsCompareView *self = SS_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ss_compare_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_YEAR:
      ss_compare_view_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_compare_view_class_init (SsCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ss_compare_view_dispose;
  object_class->finalize = ss_compare_view_finalize;
  object_class->get_property = ss_compare_view_get_property;
  object_class->set_property = ss_compare_view_set_property;
  widget_class->map = ss_compare_view_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SS_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The calendar year shown; 0 until one is set (then the study's last
   * policy target year, or its final year). */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row was activated: the scenario's index, or SS_BASELINE. */
  signals[SCENARIO_ACTIVATED] =
    g_signal_new ("scenario-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "compare.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "compare.export-csv", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "compare.copy", NULL);

  gtk_widget_class_set_css_name (widget_class, "compareview");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
button_new (const char *icon,
            const char *label,
            const char *action,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static void
ss_compare_view_init (SsCompareView *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *year_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *copy, *export;
  GtkSingleSelection *selection;

  self->projections = g_ptr_array_new ();
  self->list = ss_compare_list_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->heading = GTK_LABEL (gtk_label_new_with_mnemonic (_("Scenarios compared in _year")));
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "heading");
  gtk_label_set_xalign (self->heading, 0);
  self->year_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (2000, 2100, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->year_spin), GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (self->heading, GTK_WIDGET (self->year_spin));
  /* Its own name, not the heading's as well ("Year compared Scenarios
   * compared in year"). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->year_spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->year_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Year compared"), -1);
  ss_input_guard (GTK_WIDGET (self->year_spin));
  g_signal_connect_object (self->year_spin, "value-changed", G_CALLBACK (on_year_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (year_box), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (year_box), GTK_WIDGET (self->year_spin));

  self->target_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->target_label, 0);
  gtk_label_set_wrap (self->target_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->target_label), "dim-label");
  gtk_box_append (GTK_BOX (titles), year_box);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->target_label));
  gtk_widget_set_hexpand (titles, TRUE);

  copy = button_new ("edit-copy-symbolic", _("_Copy"), "compare.copy",
                     _("Copy the table as text, for a spreadsheet or a document (Ctrl+Shift+C)"));
  export = button_new ("document-save-as-symbolic", _("_Export CSV…"), "compare.export-csv",
                       _("Save the table as a CSV file"));
  gtk_box_append (GTK_BOX (bar), titles);
  gtk_box_append (GTK_BOX (bar), copy);
  gtk_box_append (GTK_BOX (bar), export);
  gtk_box_append (GTK_BOX (self->box), bar);
  self->computing = ss_page_new_computing_box (_("Computing every scenario’s projection…"));
  gtk_box_append (GTK_BOX (self->box), self->computing);

  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_column_separators (self->column_view, TRUE);
  gtk_column_view_set_reorderable (self->column_view, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Scenario comparison"), -1);
  add_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->list)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (on_activate), self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  /* Named, and not as the table in it ("Scenario comparison"); the table's
   * own list of rows and its header row too, which GTK 4.8 leaves
   * unnamed. */
  ss_accessible_name (scrolled, _("Table of every scenario"));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      ss_accessible_name (child, _("Scenarios"));
    else if (gtk_widget_get_focusable (child))
      ss_accessible_name (child, _("Column headings"));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, FALSE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  self->table = scrolled;

  self->legend = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->legend, 0);
  gtk_label_set_wrap (self->legend, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->legend), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->legend), "caption");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->legend));
}

GtkWidget *
ss_compare_view_new (void)
{
  return g_object_new (SS_TYPE_COMPARE_VIEW, NULL);
}

void
ss_compare_view_set_document (SsCompareView *self,
                              SsDocument    *document)
{
  g_return_if_fail (SS_IS_COMPARE_VIEW (self));
  g_return_if_fail (document == NULL || SS_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  /* Another study's figures are no use, even while the new ones are
   * computed. */
  ss_job_cancel (&self->job);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      g_object_unref (self->list);
      self->list = ss_compare_list_new ();
      gtk_sort_list_model_set_model (self->sorted, G_LIST_MODEL (self->list));
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  /* A new study starts on its own year, unless the window sets one. */
  self->year = document != NULL ? default_year (view_study (self)) : 0;
  if (document != NULL)
    update_later (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

SsDocument *
ss_compare_view_get_document (SsCompareView *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_VIEW (self), NULL);

  return self->document;
}

int
ss_compare_view_get_year (SsCompareView *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_VIEW (self), 0);

  return self->year;
}

void
ss_compare_view_set_year (SsCompareView *self,
                          int            year)
{
  g_return_if_fail (SS_IS_COMPARE_VIEW (self));

  if (self->year == year)
    return;
  self->year = year;
  if (self->document != NULL)
    update_later (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

GtkColumnView *
ss_compare_view_get_column_view (SsCompareView *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_VIEW (self), NULL);

  ensure_fresh (self);
  return self->column_view;
}

/* The rows in the order the view shows them. */
GListModel *
ss_compare_view_get_rows (SsCompareView *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_VIEW (self), NULL);

  ensure_fresh (self);
  return G_LIST_MODEL (self->sorted);
}
