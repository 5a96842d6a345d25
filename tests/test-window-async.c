/* test-window-async.c: a recompute that would miss a frame runs in a worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window on a study large enough that a whole projection takes many
 * frames (1 500 items, 12 countries, 21 years). With
 * SUPPLYSHIFT_FRAME_BUDGET_US=0 every recompute goes to the worker: until
 * the new projection is in, the window shows the figures of the last
 * complete one, and what comes in is a fresh projection of the study as
 * it is, bit for bit, even when an edit overtook the first result. With
 * a budget no recompute reaches, everything is computed in the frame, as
 * before. The Compare and Stress Test views, which show every scenario
 * and every cell of the grid, do the same: a line says they are being
 * computed, and the figures come in all at once.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ss-compare-view.h"
#include "ss-metric-card.h"
#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "bench-study.h"
#include "test-widgets.h"

#define CARD_RISK 1
#define ITEM 1

typedef struct
{
  SsWindow *window;
  SsStudy  *study;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_setenv ("SUPPLYSHIFT_FRAME_BUDGET_US", data, TRUE);
  f->study = bench_study_new (1500, 12, 20, 2);
  f->window = ss_window_new (NULL);
  g_object_ref_sink (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  ss_window_set_study (f->window, f->study, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  ss_window_select (f->window, 0, ITEM);
  ss_test_wait_frames (3);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  SsDocument *document = g_object_ref (ss_window_get_document (f->window));
  GtkWidget *window = GTK_WIDGET (g_steal_pointer (&f->window));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  ss_test_wait_frames (2);
  g_clear_object (&document);
  g_assert_finalize_object (g_steal_pointer (&f->study));
  g_unsetenv ("SUPPLYSHIFT_FRAME_BUDGET_US");
}

static const char *
risk_card (Fixture *f)
{
  return ss_metric_card_get_value (SS_METRIC_CARD (ss_window_get_card (f->window, CARD_RISK)));
}

/* A drag of the item's targets, five steps, then let go: a part `by`
 * of the second country's target moves to the first (or back). */
static void
drag (Fixture *f,
      double   by)
{
  SsDocument *document = ss_window_get_document (f->window);
  guint nc = ss_study_get_n_countries (f->study);
  double targets[SS_MAX_COUNTRIES];
  g_autoptr(GError) error = NULL;

  double move;

  memcpy (targets, ss_study_get_scenario (f->study, 0)->targets[ITEM], nc * sizeof (double));
  /* by of the second country's share to the first, or (below 0) back. */
  move = by * (by > 0 ? targets[1] : targets[0]) / 5;
  ss_document_begin_edit (document);
  for (guint k = 0; k < 5; k++)
    {
      targets[0] += move;
      targets[1] -= move;
      g_assert_true (ss_document_set_target (document, 0, ITEM, targets, nc, &error));
      g_assert_no_error (error);
    }
  ss_document_end_edit (document);
}

/* The window's projections are a fresh projection of the study, bit for
 * bit. */
static void
assert_fresh (Fixture *f)
{
  SsDocument *document = ss_window_get_document (f->window);
  g_autoptr(SsProjection) baseline = ss_projection_new ();
  g_autoptr(SsProjection) fresh = ss_projection_new ();
  const SsProjection *p = ss_document_peek_projection (document, 0);

  g_assert_false (ss_document_projection_is_stale (document, SS_BASELINE));
  g_assert_false (ss_document_projection_is_stale (document, 0));
  ss_engine_project (f->study, SS_BASELINE, NULL, baseline);
  ss_engine_project (f->study, 0, baseline, fresh);
  g_assert_cmpuint (p->block_size, ==, fresh->block_size);
  g_assert_cmpmem (p->block, p->block_size, fresh->block, fresh->block_size);
}

/* Frames until the scenario's projection is in the cache again; while it
 * is not, the card must show what it showed before the edit. Returns
 * how many frames waited. */
static guint
wait_for_projection (Fixture    *f,
                     const char *shown)
{
  SsDocument *document = ss_window_get_document (f->window);
  guint waited = 0;

  while (ss_document_projection_is_stale (document, 0))
    {
      g_assert_cmpstr (risk_card (f), ==, shown);
      ss_test_wait_frames (1);
      g_assert_cmpuint (++waited, <, 6000);
    }
  ss_test_wait_frames (2);
  return waited;
}

static void
test_off_thread (Fixture       *f,
                 gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  g_autofree char *before = g_strdup (risk_card (f));
  guint installed = ss_document_get_n_async_projections (document);
  g_autofree char *after = NULL;

  g_assert_cmpstr (before, !=, "");
  drag (f, -0.2);
  ss_test_wait_frames (1);
  /* The frame after the edit started the worker, and the window still
   * shows the last complete figures. */
  g_assert_cmpuint (wait_for_projection (f, before), >, 0);
  g_assert_cmpuint (ss_document_get_n_async_projections (document), >, installed);
  assert_fresh (f);
  g_assert_cmpstr (risk_card (f), !=, before);

  /* An edit overtakes the worker: its result is dropped, the next one
   * is the study's as it is now. */
  after = g_strdup (risk_card (f));
  drag (f, 0.1);
  ss_test_wait_frames (1);
  drag (f, 0.1);
  wait_for_projection (f, after);
  assert_fresh (f);
  g_assert_cmpstr (risk_card (f), !=, after);
}

static void
test_on_thread (Fixture       *f,
                gconstpointer  data)
{
  SsDocument *document = ss_window_get_document (f->window);
  g_autofree char *before = g_strdup (risk_card (f));
  guint installed = ss_document_get_n_async_projections (document);

  drag (f, -0.2);
  ss_test_wait_frames (2);
  /* Computed in the frame itself. */
  g_assert_false (ss_document_projection_is_stale (document, 0));
  g_assert_cmpuint (ss_document_get_n_async_projections (document), ==, installed);
  assert_fresh (f);
  g_assert_cmpstr (risk_card (f), !=, before);
}

/* The widget with CSS class "computing" under root: the line a view
 * shows while a worker computes its figures. */
static GtkWidget *
find_computing (GtkWidget *root)
{
  if (gtk_widget_has_css_class (root, "computing"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_computing (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs the main loop until line has been shown (the view's update
 * started a worker) and hidden again (its figures came in), one
 * iteration at a time: the worker's result is dispatched in a later
 * iteration than the update that started it, so the line is seen
 * however fast the worker is. */
static void
wait_computed (GtkWidget *line)
{
  gboolean seen = gtk_widget_get_visible (line);
  gint64 until = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!seen || gtk_widget_get_visible (line))
    {
      g_main_context_iteration (NULL, TRUE);
      seen |= gtk_widget_get_visible (line);
      g_assert_cmpint (g_get_monotonic_time (), <, until);
    }
}

static void
assert_grid_fresh (SsDocument *document)
{
  const GArray *strategies, *shocks;

  ss_document_get_stress_axes (document, &strategies, &shocks);
  g_assert_cmpuint (shocks->len, >, 1);
  for (guint r = 0; r < strategies->len; r++)
    for (guint k = 0; k < shocks->len; k++)
      g_assert_false (ss_document_cell_is_stale (document, g_array_index (strategies, int, r),
                                                 g_array_index (shocks, int, k)));
}

/* The Stress Test and Compare views on a budget of 0: each shows its
 * line while the worker computes, never a grid or table half brought up
 * to date, and then every figure it shows is fresh. */
static void
test_views (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsStudy) other = NULL;
  GtkColumnView *table;
  SsWindow *window;
  SsDocument *document;
  GtkWidget *stress, *stress_line, *compare, *compare_line;
  AdwViewStack *stack;
  guint installed;

  g_setenv ("SUPPLYSHIFT_FRAME_BUDGET_US", "0", TRUE);
  window = ss_window_new (NULL);
  g_object_ref_sink (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ss_window_set_study (window, study, NULL);
  gtk_window_present (GTK_WINDOW (window));
  ss_test_wait_frames (3);
  document = ss_window_get_document (window);
  stress = ss_window_get_stress_chart (window, FALSE);
  stack = ADW_VIEW_STACK (gtk_widget_get_ancestor (stress, ADW_TYPE_VIEW_STACK));
  stress_line = find_computing (adw_view_stack_get_child_by_name (stack, "stress"));
  compare = ss_window_get_compare_view (window);
  compare_line = find_computing (compare);
  g_assert_nonnull (stress_line);
  g_assert_nonnull (compare_line);
  g_assert_false (gtk_widget_get_visible (stress_line));

  /* The grid, first shown: the worker computes every cell. */
  installed = ss_document_get_n_async_projections (document);
  adw_view_stack_set_visible_child_name (stack, "stress");
  g_assert_true (gtk_widget_get_visible (stress_line));
  g_assert_false (gtk_widget_get_mapped (stress));
  wait_computed (stress_line);
  ss_test_wait_frames (2);
  g_assert_true (gtk_widget_get_mapped (stress));
  assert_grid_fresh (document);
  g_assert_cmpuint (ss_document_get_n_async_projections (document), >, installed);

  /* An edit of a strategy: its row again, off the main thread. */
  installed = ss_document_get_n_async_projections (document);
  g_assert_true (ss_document_set_scenario_lever (document, 0, SS_LEVER_SUBSIDY, 0.17, NULL));
  wait_computed (stress_line);
  assert_grid_fresh (document);
  g_assert_cmpuint (ss_document_get_n_async_projections (document), >, installed);

  /* The table: insensitive under its line, then every scenario fresh. */
  g_assert_true (ss_document_set_scenario_lever (document, 1, SS_LEVER_SUBSIDY, 0.17, NULL));
  adw_view_stack_set_visible_child_name (stack, "compare");
  g_assert_true (gtk_widget_get_visible (compare_line));
  g_assert_false (gtk_widget_get_sensitive (gtk_widget_get_next_sibling (compare_line)));
  wait_computed (compare_line);
  g_assert_true (gtk_widget_get_sensitive (gtk_widget_get_next_sibling (compare_line)));
  for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (study); s++)
    g_assert_false (ss_document_projection_is_stale (document, s));
  g_assert_cmpuint (g_list_model_get_n_items (ss_compare_view_get_rows (SS_COMPARE_VIEW (compare))), ==,
                    1 + ss_study_get_n_scenarios (study));

  /* Another study: none of the last one's rows while its own are
   * computed. */
  other = bench_study_new (300, 6, 10, 2);
  ss_window_set_study (window, other, NULL);
  table = GTK_COLUMN_VIEW (ss_test_find_first (compare, GTK_TYPE_COLUMN_VIEW));
  g_assert_true (gtk_widget_get_visible (compare_line));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 0);
  wait_computed (compare_line);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==,
                    1 + ss_study_get_n_scenarios (other));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  ss_test_wait_frames (2);
  g_unsetenv ("SUPPLYSHIFT_FRAME_BUDGET_US");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;
  g_assert_nonnull (ss_get_resource ());

  g_test_add ("/window/async/off-thread", Fixture, "0", fixture_setup, test_off_thread,
              fixture_teardown);
  g_test_add ("/window/async/on-thread", Fixture, "1000000000", fixture_setup, test_on_thread,
              fixture_teardown);
  g_test_add_func ("/window/async/views", test_views);
  return g_test_run ();
}
