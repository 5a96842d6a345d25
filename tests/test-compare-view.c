/* test-compare-view.c: the scenario comparison table, as a user sees it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb. The table is shown in a window and read through the
 * cells GTK made for it (their text and their style class), sorted as a
 * click on a heading sorts it, so the tests see what a person would.
 * The question the table is for, "which scenario gets China below 50 %
 * by 2030 at the lowest premium?", is answered from one sorted view and
 * checked against a brute-force search of the projections.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "ss-compare.h"
#include "ss-compare-view.h"
#include "ss-report.h"
#include "test-util.h"
#include "test-widgets.h"

/* The columns: 0 the scenario, 1 + SsCompareFigure. */
#define CHINA_COLUMN (1 + SS_COMPARE_COUNTRY_SHARE)
#define PREMIUM_COLUMN (1 + SS_COMPARE_NPV_PREMIUM)

typedef struct
{
  SsStudy       *study;
  SsDocument    *document;
  GtkWidget     *window;
  GtkWidget     *stack;
  SsCompareView *view;
} Fixture;

static void
wait_frames (guint n)
{
  for (guint k = 0; k < n; k++)
    {
      gint64 until = g_get_monotonic_time () + 20000;

      while (g_get_monotonic_time () < until)
        g_main_context_iteration (NULL, FALSE);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->study = ss_test_load_study (SS_TEST_STUDY_SAMPLE);
  f->document = ss_document_new (f->study, NULL);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 800);
  /* A stack, as in the window: the table can be hidden behind the editor. */
  f->stack = gtk_stack_new ();
  gtk_stack_add_named (GTK_STACK (f->stack), gtk_label_new ("editor"), "editor");
  f->view = SS_COMPARE_VIEW (ss_compare_view_new ());
  gtk_stack_add_named (GTK_STACK (f->stack), GTK_WIDGET (f->view), "compare");
  gtk_stack_set_visible_child_name (GTK_STACK (f->stack), "compare");
  gtk_window_set_child (GTK_WINDOW (f->window), f->stack);
  ss_compare_view_set_document (f->view, f->document);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames (5);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->document);
  g_clear_object (&f->study);
  wait_frames (1);
}

/* The cells GTK shows for a column, by the position of their row in the
 * sorted model. */
static GPtrArray *
column_cells (Fixture *f,
              guint    column)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GListModel *rows = ss_compare_view_get_rows (f->view);
  guint n = g_list_model_get_n_items (rows);
  GPtrArray *cells = g_ptr_array_new ();

  g_ptr_array_set_size (cells, n);
  ss_test_collect (GTK_WIDGET (ss_compare_view_get_column_view (f->view)), GTK_TYPE_INSCRIPTION, all);
  for (guint k = 0; k < all->len; k++)
    {
      GtkWidget *cell = g_ptr_array_index (all, k);
      gpointer row = g_object_get_data (G_OBJECT (cell), "ss-row");

      if (row == NULL || GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "ss-column")) != column)
        continue;
      for (guint r = 0; r < n; r++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (rows, r);

          if (item == row)
            g_ptr_array_index (cells, r) = cell;
        }
    }
  for (guint r = 0; r < n; r++)
    g_assert_nonnull (g_ptr_array_index (cells, r));
  return cells;
}

static const char *
cell_text (GPtrArray *cells,
           guint      row)
{
  return gtk_inscription_get_text (GTK_INSCRIPTION (g_ptr_array_index (cells, row)));
}

static gboolean
cell_has_class (GPtrArray  *cells,
                guint       row,
                const char *css)
{
  return gtk_widget_has_css_class (g_ptr_array_index (cells, row), css);
}

/* Sorts by a column as a click on its heading does (ascending first). */
static void
sort_by (Fixture *f,
         guint    column)
{
  GtkColumnView *view = ss_compare_view_get_column_view (f->view);
  g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (gtk_column_view_get_columns (view), column);

  gtk_column_view_sort_by_column (view, c, GTK_SORT_ASCENDING);
  wait_frames (3);
}

/* The scenario the question asks for, by brute force over the
 * projections: China's spend share in 2030 below 50 %, the lowest NPV
 * premium. */
static int
brute_force_answer (Fixture *f)
{
  g_autoptr(GPtrArray) projections = ss_engine_project_all (f->study);
  int cn = ss_study_find_country (f->study, "CN");
  guint t = 2030 - ss_study_get_meta (f->study)->base_year;
  double best = INFINITY;
  int answer = -2;

  for (guint k = 0; k < projections->len; k++)
    {
      const SsProjection *p = g_ptr_array_index (projections, k);

      if (p->spend_share[ss_projection_at (p, (guint)cn, t)] < 0.5 && p->npv_cost_premium < best)
        best = p->npv_cost_premium, answer = (int)k - 1;
    }
  g_assert_cmpint (answer, >=, 0);
  return answer;
}

/* One view answers it: the table opens on 2030 (the sample's last policy
 * target), sorted by premium the first row whose China cell is green
 * (within the 50 % target) is the answer, and every row above it is red. */
static void
test_question_2030 (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *rows = ss_compare_view_get_rows (f->view);
  g_autoptr(GPtrArray) china = NULL, premium = NULL, names = NULL;
  guint n = g_list_model_get_n_items (rows), first_green = G_MAXUINT;
  g_autoptr(SsCompareRow) answer = NULL;

  g_assert_cmpint (ss_compare_view_get_year (f->view), ==, 2030);
  g_assert_cmpuint (n, ==, 1 + ss_study_get_n_scenarios (f->study));
  sort_by (f, PREMIUM_COLUMN);

  china = column_cells (f, CHINA_COLUMN);
  premium = column_cells (f, PREMIUM_COLUMN);
  names = column_cells (f, 0);
  for (guint r = 0; r < n; r++)
    {
      /* Every China cell is coloured: the 2030 target is in force. */
      g_assert_true (cell_has_class (china, r, "success") != cell_has_class (china, r, "error"));
      if (first_green == G_MAXUINT && cell_has_class (china, r, "success"))
        first_green = r;
      /* Sorted by premium, as the user reads it. */
      if (r > 0)
        g_assert_cmpfloat (g_ascii_strtod (cell_text (premium, r - 1), NULL), <=,
                           g_ascii_strtod (cell_text (premium, r), NULL));
    }
  g_assert_cmpuint (first_green, <, n);
  answer = g_list_model_get_item (rows, first_green);
  g_assert_cmpint (ss_compare_row_get_scenario (answer), ==, brute_force_answer (f));
  g_assert_cmpfloat (g_ascii_strtod (cell_text (china, first_green), NULL), <, 50);
  g_assert_cmpstr (cell_text (names, first_green), ==,
                   ss_study_get_scenario (f->study, ss_compare_row_get_scenario (answer))->name);
  g_test_message ("2030: %s, China %s, premium %s", cell_text (names, first_green),
                  cell_text (china, first_green), cell_text (premium, first_green));

  /* Sorting the other way puts it last among the greens. */
  {
    GtkColumnView *view = ss_compare_view_get_column_view (f->view);
    g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (gtk_column_view_get_columns (view),
                                                              PREMIUM_COLUMN);
    g_autoptr(SsCompareRow) last = NULL;
    g_autoptr(GPtrArray) cells = NULL;
    guint last_green = G_MAXUINT;

    gtk_column_view_sort_by_column (view, c, GTK_SORT_DESCENDING);
    wait_frames (3);
    cells = column_cells (f, CHINA_COLUMN);
    for (guint r = 0; r < n; r++)
      if (cell_has_class (cells, r, "success"))
        last_green = r;
    last = g_list_model_get_item (rows, last_green);
    g_assert_cmpint (ss_compare_row_get_scenario (last), ==, ss_compare_row_get_scenario (answer));
  }
}

/* Another year, another table: in the base year every scenario still has
 * the baseline's shares, and there is no policy target to colour them. */
static void
test_year (Fixture       *f,
           gconstpointer  data)
{
  int base = ss_study_get_meta (f->study)->base_year;
  g_autoptr(GPtrArray) china = NULL;

  ss_compare_view_set_year (f->view, base);
  wait_frames (3);
  china = column_cells (f, CHINA_COLUMN);
  for (guint r = 0; r < china->len; r++)
    {
      g_assert_cmpstr (cell_text (china, r), ==, cell_text (china, 0));
      g_assert_false (cell_has_class (china, r, "success"));
      g_assert_false (cell_has_class (china, r, "error"));
    }
  /* A year out of the projection is brought into it. */
  ss_compare_view_set_year (f->view, base + 500);
  g_assert_cmpint (ss_compare_view_get_year (f->view), ==, base + ss_study_get_meta (f->study)->horizon);
}

static void
on_scenario_activated (SsCompareView *view,
                       int            scenario,
                       int           *out)
{
  *out = scenario;
}

/* Enter (or a double-click) on a row names its scenario, whatever the
 * sort. */
static void
test_activate (Fixture       *f,
               gconstpointer  data)
{
  GListModel *rows = ss_compare_view_get_rows (f->view);
  int activated = -100;

  g_signal_connect (f->view, "scenario-activated", G_CALLBACK (on_scenario_activated), &activated);
  sort_by (f, PREMIUM_COLUMN);
  for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
    {
      g_autoptr(SsCompareRow) row = g_list_model_get_item (rows, r);

      g_signal_emit_by_name (ss_compare_view_get_column_view (f->view), "activate", r);
      g_assert_cmpint (activated, ==, ss_compare_row_get_scenario (row));
    }
}

/* Copy puts the table on the clipboard in the order shown, tab-separated,
 * with the year and unit in each heading. */
static void
test_copy (Fixture       *f,
           gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->view));
  GListModel *rows = ss_compare_view_get_rows (f->view);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = g_list_model_get_n_items (rows);

  sort_by (f, PREMIUM_COLUMN);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "compare.copy", NULL));
  g_value_init (&value, G_TYPE_STRING);
  g_assert_true (gdk_content_provider_get_value (gdk_clipboard_get_content (clipboard), &value, &error));
  g_assert_no_error (error);
  lines = g_strsplit (g_value_get_string (&value), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + n + 1);
  g_assert_nonnull (strstr (lines[0], "\tSpend from China in 2030 (%)\t"));
  g_assert_nonnull (strstr (lines[0], "\tNPV cost premium, 2024–2034 (million USD)\t"));
  for (guint r = 0; r < n; r++)
    {
      g_autoptr(SsCompareRow) row = g_list_model_get_item (rows, r);
      g_auto(GStrv) fields = g_strsplit (lines[1 + r], "\t", -1);

      g_assert_cmpstr (fields[0], ==, ss_compare_row_get_name (row));
    }
}

/* Export CSV writes the table in the order shown: RFC 4180 with a byte order mark, a line a row. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("supplyshift-compare-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *contents = NULL;
  GListModel *rows = ss_compare_view_get_rows (f->view);
  g_autoptr(SsCompareRow) first = NULL;
  g_autofree char *first_line = NULL;

  g_assert_no_error (error);
  sort_by (f, PREMIUM_COLUMN);
  g_assert_true (ss_compare_view_write_csv (f->view, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbfScenario,Kind,Largest foreign share in 2030 (%),"));
  g_assert_cmpuint (ss_test_count_occurrences (contents, "\r\n"), ==, 1 + g_list_model_get_n_items (rows));
  first = g_list_model_get_item (rows, 0);
  first_line = g_strdup_printf ("\r\n%s,", ss_compare_row_get_name (first));
  g_assert_nonnull (strstr (contents, first_line));
  g_unlink (path);
  g_rmdir (dir);
}

/* The table follows edits while it is shown; while it is hidden, an edit
 * recomputes nothing for it, and showing it again brings it up to date. */
static void
test_follows_edits (Fixture       *f,
                    gconstpointer  data)
{
  const SsStudy *study = ss_document_get_study (f->document);
  guint nc = ss_study_get_n_countries (study);
  g_autofree double *shares = g_new0 (double, nc);
  g_autoptr(GPtrArray) cells = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  int cn = ss_study_find_country (study, "CN"), kr = (int)ss_study_get_meta (study)->home;

  cells = column_cells (f, CHINA_COLUMN);
  before = g_strdup (cell_text (cells, 1));   /* the first scenario, file order */

  /* Hidden: the scenario stays stale. */
  gtk_stack_set_visible_child_name (GTK_STACK (f->stack), "editor");
  wait_frames (2);
  shares[kr] = 1;
  g_assert_true (ss_document_set_target (f->document, 0, 0, shares, nc, &error));
  g_assert_no_error (error);
  wait_frames (3);
  g_assert_true (ss_document_projection_is_stale (f->document, 0));

  gtk_stack_set_visible_child_name (GTK_STACK (f->stack), "compare");
  wait_frames (3);
  g_assert_false (ss_document_projection_is_stale (f->document, 0));
  g_clear_pointer (&cells, g_ptr_array_unref);
  cells = column_cells (f, CHINA_COLUMN);
  g_assert_cmpstr (cell_text (cells, 1), !=, before);

  /* Shown: undo is followed within a frame or two. */
  g_assert_true (ss_document_undo (f->document));
  wait_frames (3);
  g_assert_cmpstr (cell_text (cells, 1), ==, before);
  (void)cn;
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/compare-view/question-2030", Fixture, NULL, fixture_set_up, test_question_2030,
              fixture_tear_down);
  g_test_add ("/compare-view/year", Fixture, NULL, fixture_set_up, test_year, fixture_tear_down);
  g_test_add ("/compare-view/activate", Fixture, NULL, fixture_set_up, test_activate, fixture_tear_down);
  g_test_add ("/compare-view/copy", Fixture, NULL, fixture_set_up, test_copy, fixture_tear_down);
  g_test_add ("/compare-view/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/compare-view/follows-edits", Fixture, NULL, fixture_set_up, test_follows_edits,
              fixture_tear_down);

  return g_test_run ();
}
