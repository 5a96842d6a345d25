/* test-window.c: the scenario editor window, driven like a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. The share editor is moved through its real slider
 * (gtk_range_set_value), actions are activated by name, and dialogs are
 * found among the toplevels, so these tests go through the same paths as
 * a person at the keyboard.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ss-chart.h"
#include "ss-compare-view.h"
#include "ss-metric-card.h"
#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "test-dialogs.h"
#include "test-layout.h"
#include "test-widgets.h"

#define CARD_RISK 1

typedef struct
{
  SsWindow *window;
  char     *dir;
} Fixture;


static GtkRange *
share_slider (Fixture *f,
              guint    country)
{
  g_autoptr(GPtrArray) scales = g_ptr_array_new ();

  ss_test_collect (GTK_WIDGET (ss_window_get_share_editor (f->window)), GTK_TYPE_SCALE, scales);
  g_assert_cmpuint (country, <, scales->len);
  return g_ptr_array_index (scales, country);
}

static const char *
risk_card_value (Fixture *f)
{
  return ss_metric_card_get_value (SS_METRIC_CARD (ss_window_get_card (f->window, CARD_RISK)));
}



static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("supplyshift-window-XXXXXX", &error);
  g_assert_no_error (error);
  f->window = ss_window_new (NULL);
  g_object_ref_sink (f->window);
  ss_window_set_study (f->window, study, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  ss_test_wait_frames (3);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while ((dialog = ss_test_find_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  ss_test_iterate ();

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_opens_sample (Fixture       *f,
                   gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "Korea key materials");
  g_assert_cmpuint (ss_study_get_n_items (study), >=, 12);
  /* The figures were computed and shown. */
  g_assert_cmpstr (risk_card_value (f), !=, "");
  g_assert_nonnull (strstr (risk_card_value (f), "→"));
}

/* Moving China's slider changes the figures shown, keeps the shares at
 * 100 %, and undo brings everything back. */
static void
test_share_edit_and_undo (Fixture       *f,
                          gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  const SsStudy *study = ss_window_get_study (f->window);
  g_autoptr(SsStudy) original = ss_study_copy (study);
  g_autofree char *risk_before = g_strdup (risk_card_value (f));
  const SsScenario *scenario = ss_study_get_scenario (study, 0);
  double sum = 0;

  ss_window_select (f->window, 0, 0);             /* China plus one, lithium hydroxide */
  g_free (risk_before);
  risk_before = g_strdup (risk_card_value (f));

  gtk_range_set_value (share_slider (f, 0), 30);  /* China to 30 % */
  ss_test_wait_frames (3);

  g_assert_nonnull (scenario->targets[0]);
  g_assert_cmpfloat_with_epsilon (scenario->targets[0][0], 0.30, 1e-12);
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    sum += scenario->targets[0][c];
  g_assert_cmpfloat_with_epsilon (sum, 1, 1e-12);
  g_assert_true (ss_document_get_modified (document));
  g_assert_cmpstr (risk_card_value (f), !=, risk_before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  ss_test_wait_frames (3);
  g_assert_true (ss_study_equal (study, original));
  g_assert_false (ss_document_get_modified (document));
  g_assert_cmpstr (risk_card_value (f), ==, risk_before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  ss_test_wait_frames (3);
  /* Undo and redo replace the study's contents: look the scenario up again. */
  scenario = ss_study_get_scenario (study, 0);
  g_assert_cmpfloat_with_epsilon (scenario->targets[0][0], 0.30, 1e-12);
}

/* In the baseline, the editor edits the baseline shares. */
static void
test_baseline_edit (Fixture       *f,
                    gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  const SsItem *item = ss_study_get_item (study, 0);
  const SsScenario *scenario = ss_study_get_scenario (study, 0);
  g_autofree double *targets = g_memdup2 (scenario->targets[0], ss_study_get_n_countries (study) * sizeof (double));
  double sum = 0;

  ss_window_select (f->window, -1, 0);
  gtk_range_set_value (share_slider (f, 0), 50);
  ss_test_wait_frames (2);
  g_assert_cmpfloat_with_epsilon (item->sources[0].attr[SS_SOURCE_SHARE], 0.5, 1e-12);
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    sum += item->sources[c].attr[SS_SOURCE_SHARE];
  g_assert_cmpfloat_with_epsilon (sum, 1, 1e-12);
  /* The scenarios' targets are theirs: a baseline edit leaves them. */
  g_assert_cmpmem (scenario->targets[0], ss_study_get_n_countries (study) * sizeof (double),
                   targets, ss_study_get_n_countries (study) * sizeof (double));
}

/* A shock only changes the world: in one, the share editor and the
 * levers a shock cannot have are insensitive, and moving a share anyway
 * changes nothing. The stockpile, which a shock may set, stays. */
static void
test_shock_has_no_targets (Fixture       *f,
                           gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  const SsStudy *study = ss_window_get_study (f->window);
  int shock = ss_study_find_scenario (study, "china-export-controls");
  g_autoptr(SsStudy) original = ss_study_copy (study);

  g_assert_cmpint (shock, >=, 0);
  ss_window_select (f->window, shock, 0);
  ss_test_wait_frames (2);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (ss_window_get_share_editor (f->window))));

  gtk_range_set_value (share_slider (f, 0), 30);
  ss_test_wait_frames (2);
  g_assert_true (ss_study_equal (study, original));
  g_assert_false (ss_document_get_modified (document));

  /* A strategy's editor is sensitive again. */
  ss_window_select (f->window, 0, 0);
  ss_test_wait_frames (2);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (ss_window_get_share_editor (f->window))));
}

static void
count_notify (guint *count)
{
  (*count)++;
}

/* What the window shows is a property, for .ui bindings: setting it
 * selects, and every change notifies once. */
static void
test_properties (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SsDocument) document = NULL;
  guint items = 0, scenarios = 0;
  int item, scenario;

  g_object_get (f->window, "document", &document, NULL);
  g_assert_true (document == ss_window_get_document (f->window));
  g_signal_connect_swapped (f->window, "notify::item", G_CALLBACK (count_notify), &items);
  g_signal_connect_swapped (f->window, "notify::scenario", G_CALLBACK (count_notify), &scenarios);

  g_object_set (f->window, "item", 2, NULL);
  g_object_get (f->window, "item", &item, "scenario", &scenario, NULL);
  g_assert_cmpint (item, ==, 2);
  g_assert_cmpint (scenario, ==, 0);
  g_assert_cmpuint (items, ==, 1);
  g_assert_cmpuint (scenarios, ==, 0);

  ss_window_select (f->window, SS_BASELINE, 2);
  g_assert_cmpuint (items, ==, 1);
  g_assert_cmpuint (scenarios, ==, 1);
  g_object_get (f->window, "scenario", &scenario, NULL);
  g_assert_cmpint (scenario, ==, SS_BASELINE);
}

static void
test_invalid_file_keeps_study (Fixture       *f,
                               gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  SsDocument *document = ss_window_get_document (f->window);
  g_autoptr(SsStudy) original = ss_study_copy (study);
  g_autofree char *path = g_build_filename (f->dir, "broken.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "<study version=\"1\"><meta>", -1, NULL));
  g_assert_false (ss_window_load_file (f->window, file));
  ss_test_iterate ();

  g_assert_true (ss_window_get_study (f->window) == study);
  g_assert_true (ss_window_get_document (f->window) == document);
  g_assert_true (ss_study_equal (study, original));
  dialog = ss_test_find_dialog ();
  g_assert_nonnull (dialog);
  /* The name is in the body: in the heading a long one would wrap. */
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Study Could Not Be Opened");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.supplyshift"));
}

/* Opening from the file chooser loads in a thread; the window is usable
 * again afterwards, with the new study or, for a bad file, the old one. */
static void
test_async_open (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *good = g_build_filename (f->dir, "good.supplyshift", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.supplyshift", NULL);
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "data", "example-study.xml", NULL);
  g_autofree char *text = NULL;
  const SsStudy *before = ss_window_get_study (f->window);

  g_assert_true (g_file_get_contents (example, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (good, text, -1, NULL));
  g_assert_true (g_file_set_contents (bad, "<study version=\"1\">", -1, NULL));

  ss_window_load_file_async (f->window, bad_file);
  for (guint k = 0; k < 200 && ss_test_find_dialog () == NULL; k++)
    ss_test_wait_frames (1);
  g_assert_nonnull (ss_test_find_dialog ());
  g_assert_true (ss_window_get_study (f->window) == before);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (f->window)));
  ss_test_respond (ss_test_find_dialog (), "close");

  ss_window_load_file_async (f->window, good_file);
  for (guint k = 0; k < 200 && ss_window_get_study (f->window) == before; k++)
    ss_test_wait_frames (1);
  g_assert_cmpstr (ss_study_get_meta (ss_window_get_study (f->window))->title, ==, "Worked example");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (f->window)));
}

/* Copy Image puts the chart on the clipboard as a 960×600 picture. */
static void
test_copy_chart (Fixture       *f,
                 gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-chart", NULL));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, GDK_TYPE_TEXTURE);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  texture = g_value_get_object (&value);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 960);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 600);

  /* A drawn chart, not a blank image: many colours on a white page. */
  {
    g_autofree guint32 *pixels = g_new (guint32, 960 * 600);
    g_autoptr(GHashTable) colours = g_hash_table_new (g_direct_hash, g_direct_equal);

    gdk_texture_download (texture, (guchar *)pixels, 960 * 4);
    g_assert_cmphex (pixels[0], ==, 0xffffffff);
    for (guint k = 0; k < 960 * 600; k += 7)
      g_hash_table_add (colours, GUINT_TO_POINTER (pixels[k]));
    g_assert_cmpuint (g_hash_table_size (colours), >, 10);
  }
}

static SsChart *
window_chart (Fixture *f)
{
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();

  /* The Editor's chart, not the Stress test view's. */
  ss_test_collect (ss_window_get_columns (f->window), SS_TYPE_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 1);
  return g_ptr_array_index (charts, 0);
}

typedef struct
{
  gboolean hit;
  int      index;
  double   shares[SS_MAX_COUNTRIES];
} ChartClick;

static void
on_chart_index (SsChart    *chart,
                int         index,
                ChartClick *click)
{
  click->hit = TRUE;
  click->index = index;
}

static void
on_chart_mix (SsChart      *chart,
              const double *shares,
              ChartClick   *click)
{
  click->hit = TRUE;
  memcpy (click->shares, shares, sizeof click->shares);
}

/* Clicks across the chart, as a user looking for a point would, until a
 * click leads somewhere. */
static gboolean
click_chart_until (SsChart    *chart,
                   ChartClick *click)
{
  int w = gtk_widget_get_width (GTK_WIDGET (chart)), h = gtk_widget_get_height (GTK_WIDGET (chart));

  click->hit = FALSE;
  for (int y = 4; y < h && !click->hit; y += 4)
    for (int x = 4; x < w && !click->hit; x += 4)
      ss_chart_activate_at (chart, x, y);
  return click->hit;
}

static void
show_chart (Fixture      *f,
            SscChartKind  kind,
            int           scenario,
            int           item)
{
  /* Room for every row of the compare chart, whatever the layout gives
   * the chart at the test's window size: what is tested is where a
   * click leads. */
  gtk_widget_set_size_request (GTK_WIDGET (window_chart (f)), 900, 640);
  ss_chart_set_kind (window_chart (f), kind);
  ss_window_select (f->window, scenario, item);
  ss_test_wait_frames (4);
}

/* A click on a compare row opens that scenario; on a heatmap row, that
 * item. */
static void
test_chart_rows_open (Fixture       *f,
                      gconstpointer  data)
{
  SsChart *chart;
  ChartClick click = { 0 };
  int shown;

  show_chart (f, SSC_CHART_COMPARE, 0, 0);
  chart = window_chart (f);
  g_signal_connect (chart, "scenario-activated", G_CALLBACK (on_chart_index), &click);
  g_signal_connect (chart, "item-activated", G_CALLBACK (on_chart_index), &click);
  /* The last row is the last scenario. */
  {
    int w = gtk_widget_get_width (GTK_WIDGET (chart)), h = gtk_widget_get_height (GTK_WIDGET (chart));
    int last = -2;

    g_test_message ("chart %d×%d", w, h);
    for (int y = 2; y < h; y += 2)
      for (int x = 2; x < w; x += 8)
        {
          click.hit = FALSE;
          ss_chart_activate_at (chart, x, y);
          if (click.hit)
            last = click.index;
        }
    g_assert_cmpint (last, ==, (int)ss_study_get_n_scenarios (ss_window_get_study (f->window)) - 1);
  }
  ss_test_wait_frames (2);
  g_object_get (f->window, "scenario", &shown, NULL);
  g_assert_cmpint (shown, ==, click.index);

  show_chart (f, SSC_CHART_HEATMAP, 0, -1);
  g_assert_true (click_chart_until (chart, &click));
  ss_test_wait_frames (2);
  g_object_get (f->window, "item", &shown, NULL);
  g_assert_cmpint (shown, ==, click.index);
  g_assert_cmpint (shown, >=, 0);
}

/* A point of the frontier chosen with a click becomes the item's target
 * with Use This Mix, in one undo step. In the portfolio, the note names
 * the item the frontier is drawn for. */
static void
test_use_this_mix (Fixture       *f,
                   gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  const SsStudy *study = ss_window_get_study (f->window);
  guint nc = ss_study_get_n_countries (study);
  g_autoptr(SsStudy) original = ss_study_copy (study);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  ChartClick click = { 0 };
  gboolean named = FALSE;
  SsChart *chart;
  int item = 1;                                   /* natural graphite */

  show_chart (f, SSC_CHART_FRONTIER, 0, -1);
  ss_test_collect (GTK_WIDGET (f->window), GTK_TYPE_LABEL, labels);
  for (guint k = 0; k < labels->len; k++)
    {
      const char *text = gtk_label_get_label (g_ptr_array_index (labels, k));

      if (gtk_widget_get_mapped (g_ptr_array_index (labels, k)) && strstr (text, "drawn for one item") != NULL)
        named = strstr (text, ss_study_get_item (study, 0)->name) != NULL;
    }
  g_assert_true (named);

  show_chart (f, SSC_CHART_FRONTIER, 0, item);
  chart = window_chart (f);
  /* Nothing chosen yet: the action does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.use-mix", NULL);
  g_assert_true (ss_study_equal (study, original));
  g_signal_connect (chart, "mix-activated", G_CALLBACK (on_chart_mix), &click);
  g_assert_true (click_chart_until (chart, &click));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.use-mix", NULL));
  ss_test_wait_frames (2);

  study = ss_window_get_study (f->window);
  g_assert_nonnull (ss_study_get_scenario (study, 0)->targets[item]);
  for (guint c = 0; c < nc; c++)
    g_assert_cmpfloat_with_epsilon (ss_study_get_scenario (study, 0)->targets[item][c], click.shares[c], 1e-12);
  /* One step: a single undo brings the study back. */
  g_assert_true (ss_document_undo (document));
  g_assert_true (ss_study_equal (ss_window_get_study (f->window), original));
}

/* The Compare view is the window's second view: it answers from the
 * document's projections, and a row activated there opens its scenario
 * in the Editor. */
static void
test_compare_view (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view = ss_window_get_compare_view (f->window);
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
  AdwViewStack *stack;
  GListModel *rows;
  int last, shown;

  ss_test_collect (GTK_WIDGET (f->window), ADW_TYPE_VIEW_STACK, stacks);
  g_assert_cmpuint (stacks->len, ==, 1);
  stack = g_ptr_array_index (stacks, 0);
  g_assert_false (gtk_widget_get_mapped (view));
  adw_view_stack_set_visible_child_name (stack, "compare");
  ss_test_wait_frames (3);
  g_assert_true (gtk_widget_get_mapped (view));

  rows = ss_compare_view_get_rows (SS_COMPARE_VIEW (view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1 + ss_study_get_n_scenarios (ss_window_get_study (f->window)));
  last = (int)g_list_model_get_n_items (rows) - 1;
  g_signal_emit_by_name (ss_compare_view_get_column_view (SS_COMPARE_VIEW (view)), "activate", (guint)last);
  ss_test_wait_frames (2);
  g_object_get (f->window, "scenario", &shown, NULL);
  g_assert_cmpint (shown, ==, last - 1);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "editor");
}

/* In the portfolio, an item's alert row opens the item. */
static void
test_alert_opens_item (Fixture       *f,
                       gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *alert = NULL;
  const char *name;
  int item = -2;

  ss_window_select (f->window, 0, -1);            /* China plus one, the portfolio */
  ss_test_wait_frames (3);
  ss_test_collect (GTK_WIDGET (f->window), ADW_TYPE_ACTION_ROW, rows);
  for (guint k = 0; k < rows->len && alert == NULL; k++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (rows, k)), "Show this item") == 0)
      alert = g_ptr_array_index (rows, k);
  g_assert_nonnull (alert);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (alert)));
  name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (alert));
  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    if (g_str_equal (ss_study_get_item (study, i)->name, name))
      item = (int)i;
  g_assert_cmpint (item, >=, 0);

  g_signal_emit_by_name (alert, "activate");
  ss_test_wait_frames (2);
  {
    int shown_item, shown_scenario;

    g_object_get (f->window, "item", &shown_item, "scenario", &shown_scenario, NULL);
    g_assert_cmpint (shown_item, ==, item);
    g_assert_cmpint (shown_scenario, ==, 0);
  }
}

/* Each slider marks its source's capacity, and says it in its tooltip;
 * a source with no limit has neither. */
static void
test_capacity_marks (Fixture       *f,
                     gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  int vn = ss_study_find_country (study, "VN"), cn = ss_study_find_country (study, "CN");
  g_autofree char *expected = NULL;
  double capacity;

  ss_window_select (f->window, 0, 0);             /* China plus one, lithium hydroxide */
  ss_test_wait_frames (2);
  capacity = ss_study_get_item (study, 0)->sources[vn].attr[SS_SOURCE_CAPACITY];
  g_assert_cmpfloat (capacity, <, 1);
  expected = g_strdup_printf ("At most %.1f %% can come from here (its capacity)", 100 * capacity);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (share_slider (f, vn))), ==, expected);
  g_assert_cmpfloat (ss_study_get_item (study, 0)->sources[cn].attr[SS_SOURCE_CAPACITY], ==, 1);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (share_slider (f, cn))));
}

/* Copy Data puts the figures the chart draws on the clipboard as
 * tab-separated text: a heading line, then a line a year, each share as
 * the window shows it (one decimal, the user's decimal mark). */
static void
test_copy_chart_data (Fixture       *f,
                      gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  const SsStudy *study = ss_window_get_study (f->window);
  const SsMeta *meta = ss_study_get_meta (study);
  const SsProjection *p;
  GdkContentProvider *content;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL, headings = NULL, last = NULL;
  g_autofree char *china = NULL, *expected = NULL;
  guint nc = ss_study_get_n_countries (study), column = G_MAXUINT;
  guint ny = meta->horizon + 1;

  ss_window_select (f->window, 0, 0);             /* China plus one, lithium hydroxide */
  ss_test_wait_frames (2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-chart-data", NULL));
  content = gdk_clipboard_get_content (clipboard);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);

  lines = g_strsplit (g_value_get_string (&value), "\n", -1);
  /* A heading line and one line a year (and the empty string after the
   * last line end). */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + ny + 1);
  g_assert_cmpstr (lines[1 + ny], ==, "");
  headings = g_strsplit (lines[0], "\t", -1);
  g_assert_cmpstr (headings[0], ==, "Year");
  china = g_strdup_printf ("China, %s (%%)", ss_study_get_scenario (study, 0)->name);
  for (guint k = 0; headings[k] != NULL; k++)
    if (g_str_equal (headings[k], china))
      column = k;
  g_assert_cmpuint (column, !=, G_MAXUINT);

  /* The final year's China share, read off the projection. */
  p = ss_document_get_projection (ss_window_get_document (f->window), 0);
  last = g_strsplit (lines[ny], "\t", -1);
  g_assert_cmpint (atoi (last[0]), ==, meta->base_year + meta->horizon);
  expected = g_strdup_printf ("%.1f", 100 * p->share[ss_projection_at (p, 0 * nc + 0, ny - 1)]);
  g_assert_cmpstr (last[column], ==, expected);
}

/* Closing with unsaved changes asks first; cancel keeps the window. */
static void
test_unsaved_guard (Fixture       *f,
                    gconstpointer  data)
{
  AdwMessageDialog *dialog;

  ss_window_select (f->window, 0, 0);
  gtk_range_set_value (share_slider (f, 0), 40);
  ss_test_wait_frames (2);
  g_assert_true (ss_document_get_modified (ss_window_get_document (f->window)));

  gtk_window_close (GTK_WINDOW (f->window));
  ss_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  dialog = ss_test_find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));

  ss_test_respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* Opening another study over the changes asks too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new", NULL));
  ss_test_iterate ();
  dialog = ss_test_find_dialog ();
  g_assert_nonnull (dialog);
  ss_test_respond (dialog, "discard");
  g_assert_false (ss_document_get_modified (ss_window_get_document (f->window)));
  g_assert_cmpuint (ss_study_get_n_items (ss_window_get_study (f->window)), ==, 1);
}

/* Save, reopen, and find the study as it was left. */
static void
test_save_reopen (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "saved.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsStudy) edited = NULL;

  ss_window_select (f->window, 0, 0);
  gtk_range_set_value (share_slider (f, 0), 35);
  ss_test_wait_frames (2);
  edited = ss_study_copy (ss_window_get_study (f->window));

  g_assert_true (ss_window_save_to (f->window, file));
  g_assert_false (ss_document_get_modified (ss_window_get_document (f->window)));

  g_assert_true (ss_window_load_file (f->window, file));
  g_assert_true (ss_study_equal (ss_window_get_study (f->window), edited));
  g_assert_false (ss_document_get_modified (ss_window_get_document (f->window)));
}

/* "China plus one" → "C" RLO "hina plus one": an override that would
 * reverse whatever follows the name in the same paragraph. */
static char *
overridden (const char *name)
{
  if (*name == '\0')
    return g_strdup (name);
  return g_strdup_printf ("%.1s\u202E%s", name, name + 1);
}

static void
rename_all (char      **name,
            GPtrArray  *names)
{
  char *renamed = overridden (*name);

  g_free (*name);
  *name = renamed;
  g_ptr_array_add (names, renamed);
}

/* Checks every label and inscription under @root; returns how many
 * characters after a name were checked. */
static guint
assert_labels_read_forward (GtkWidget   *root,
                            const char **names)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  guint checked = 0;

  ss_test_collect (root, GTK_TYPE_LABEL, widgets);
  ss_test_collect (root, GTK_TYPE_INSCRIPTION, widgets);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (widgets, i);
      g_autoptr(PangoLayout) layout = NULL;
      guint n;

      if (GTK_IS_LABEL (widget))
        layout = g_object_ref (gtk_label_get_layout (GTK_LABEL (widget)));
      else if (gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
        layout = gtk_widget_create_pango_layout (widget, gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
      else
        continue;
      if ((n = ss_test_assert_reads_forward (layout, names)) > 0)
        g_test_message ("%s", pango_layout_get_text (layout));
      checked += n;
    }
  return checked;
}

/* Every label of the window that sets a name into a longer text still
 * reads left to right after the name, whatever the name holds: headings,
 * the item's subtitle, the figures, the alerts, the window's subtitle. */
static void
test_names_cannot_reorder (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (f->dir, "K\u202Eorea plan.supplyshift", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint checked = 0;

  rename_all (&ss_study_get_meta (study)->title, names);
  for (guint k = 0; k < ss_study_get_n_scenarios (study); k++)
    rename_all (&ss_study_get_scenario (study, k)->name, names);
  for (guint k = 0; k < ss_study_get_n_items (study); k++)
    {
      rename_all (&ss_study_get_item (study, k)->name, names);
      rename_all (&ss_study_get_item (study, k)->category, names);
    }
  for (guint k = 0; k < ss_study_get_n_countries (study); k++)
    rename_all (&ss_study_get_country (study, k)->name, names);
  g_ptr_array_add (names, (char *)"K\u202Eorea plan.supplyshift");
  g_ptr_array_add (names, NULL);

  ss_window_set_study (f->window, study, NULL);
  g_assert_true (ss_window_save_to (f->window, file));
  /* Modified, so the subtitle is "NAME •". */
  ss_window_select (f->window, 0, 0);
  gtk_range_set_value (share_slider (f, 0), 40);
  ss_test_wait_frames (3);

  for (int item = -1; item < 2; item++)
    {
      ss_window_select (f->window, 0, item);
      ss_test_wait_frames (3);
      checked += assert_labels_read_forward (GTK_WIDGET (f->window), (const char **)names->pdata);
    }

  /* The question on closing names the file. */
  gtk_window_close (GTK_WINDOW (f->window));
  ss_test_iterate ();
  g_assert_nonnull (ss_test_find_dialog ());
  checked += assert_labels_read_forward (GTK_WIDGET (ss_test_find_dialog ()), (const char **)names->pdata);
  ss_test_respond (ss_test_find_dialog (), "cancel");
  g_assert_cmpuint (checked, >, 100);
}

/* The Compare and Stress Test views join the window after its first
 * frame, or once one of them is shown: the first frame styles and
 * measures the Editor alone, and the views are there from then on. */
static void
test_views_later (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsWindow) window = g_object_ref_sink (ss_window_new (NULL));
  g_autoptr(SsWindow) hidden = g_object_ref_sink (ss_window_new (NULL));
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();
  GtkWidget *compare = ss_window_get_compare_view (window);
  GtkWidget *stress = ss_window_get_stress_chart (window, FALSE);

  ss_window_set_study (window, study, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (gtk_widget_is_ancestor (compare, GTK_WIDGET (window)));
  g_assert_false (gtk_widget_is_ancestor (stress, GTK_WIDGET (window)));
  ss_test_wait_frames (2);
  ss_test_iterate ();
  g_assert_true (gtk_widget_is_ancestor (compare, GTK_WIDGET (window)));
  g_assert_true (gtk_widget_is_ancestor (stress, GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_mapped (ss_window_get_columns (window)));

  /* A window never shown has them once a view is chosen. */
  ss_window_set_study (hidden, study, NULL);
  g_assert_false (gtk_widget_is_ancestor (ss_window_get_stress_chart (hidden, FALSE), GTK_WIDGET (hidden)));
  ss_test_collect (GTK_WIDGET (hidden), ADW_TYPE_VIEW_STACK, stacks);
  g_assert_cmpuint (stacks->len, ==, 1);
  adw_view_stack_set_visible_child_name (g_ptr_array_index (stacks, 0), "stress");
  g_assert_true (gtk_widget_is_ancestor (ss_window_get_stress_chart (hidden, FALSE), GTK_WIDGET (hidden)));
  g_assert_true (gtk_widget_is_ancestor (ss_window_get_compare_view (hidden), GTK_WIDGET (hidden)));

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (hidden));
  ss_test_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;
  g_assert_nonnull (ss_get_resource ());

  g_test_add ("/window/opens-sample", Fixture, NULL, fixture_setup, test_opens_sample, fixture_teardown);
  g_test_add_func ("/window/views-later", test_views_later);
  g_test_add ("/window/share-edit-and-undo", Fixture, NULL, fixture_setup, test_share_edit_and_undo,
              fixture_teardown);
  g_test_add ("/window/baseline-edit", Fixture, NULL, fixture_setup, test_baseline_edit, fixture_teardown);
  g_test_add ("/window/properties", Fixture, NULL, fixture_setup, test_properties, fixture_teardown);
  g_test_add ("/window/shock-has-no-targets", Fixture, NULL, fixture_setup, test_shock_has_no_targets,
              fixture_teardown);
  g_test_add ("/window/invalid-file-keeps-study", Fixture, NULL, fixture_setup,
              test_invalid_file_keeps_study, fixture_teardown);
  g_test_add ("/window/copy-chart", Fixture, NULL, fixture_setup, test_copy_chart, fixture_teardown);
  g_test_add ("/window/chart-rows-open", Fixture, NULL, fixture_setup, test_chart_rows_open, fixture_teardown);
  g_test_add ("/window/use-this-mix", Fixture, NULL, fixture_setup, test_use_this_mix, fixture_teardown);
  g_test_add ("/window/compare-view", Fixture, NULL, fixture_setup, test_compare_view, fixture_teardown);
  g_test_add ("/window/alert-opens-item", Fixture, NULL, fixture_setup, test_alert_opens_item,
              fixture_teardown);
  g_test_add ("/window/capacity-marks", Fixture, NULL, fixture_setup, test_capacity_marks, fixture_teardown);
  g_test_add ("/window/copy-chart-data", Fixture, NULL, fixture_setup, test_copy_chart_data, fixture_teardown);
  g_test_add ("/window/async-open", Fixture, NULL, fixture_setup, test_async_open, fixture_teardown);
  g_test_add ("/window/unsaved-guard", Fixture, NULL, fixture_setup, test_unsaved_guard, fixture_teardown);
  g_test_add ("/window/save-reopen", Fixture, NULL, fixture_setup, test_save_reopen, fixture_teardown);
  g_test_add ("/window/names-cannot-reorder", Fixture, NULL, fixture_setup, test_names_cannot_reorder,
              fixture_teardown);

  return g_test_run ();
}
