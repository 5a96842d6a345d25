/* test-window-v2.c: what the window shows of a version-2 study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb on the sample study: a shock scenario's read-only
 * share editor, the alerts about the policy targets. Widgets are found
 * by what they show, as a person would find them.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <adwaita.h>

#include "ss-resources.h"
#include "ss-study-file.h"
#include "ss-window.h"
#include "test-widgets.h"

typedef struct
{
  SsWindow *window;
} Fixture;

static void
iterate (void)
{
  for (guint k = 0; k < 50 && g_main_context_pending (NULL); k++)
    g_main_context_iteration (NULL, FALSE);
}

/* Lets the window's tick callback run, so the figures are refreshed. */
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
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();

  f->window = ss_window_new (NULL);
  g_object_ref_sink (f->window);
  ss_window_set_study (f->window, study, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_frames (3);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->window);
  iterate ();
}

/* The label under @root that starts with @prefix, or NULL. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ss_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint k = 0; k < labels->len; k++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, k)), prefix))
      return g_ptr_array_index (labels, k);
  return NULL;
}

/* The action row under @root titled @title, or NULL. */
static AdwActionRow *
find_row (GtkWidget  *root,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ss_test_collect (root, ADW_TYPE_ACTION_ROW, rows);
  for (guint k = 0; k < rows->len; k++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (rows, k)), title) == 0)
      return g_ptr_array_index (rows, k);
  return NULL;
}

/* A shock scenario is a world, not a mix: its share editor shows the
 * baseline's shares read-only and says why, its strategy levers are
 * hidden and only the stockpile stays; a strategy has them all back. */
static void
test_shock_is_a_world (Fixture       *f,
                       gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  GtkWidget *root = GTK_WIDGET (f->window);
  GtkWidget *editor = GTK_WIDGET (ss_window_get_share_editor (f->window));
  int shock = ss_study_find_scenario (study, "china-export-controls");
  const char *strategy_rows[] = { "Transition", "Switching cost", "Subsidy" };
  GtkLabel *note;

  g_assert_cmpint (shock, >=, 0);
  ss_window_select (f->window, shock, 0);
  wait_frames (2);

  note = find_label (root, "A shock scenario changes the world, not the mix");
  g_assert_nonnull (note);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (note)));
  g_assert_nonnull (strstr (gtk_label_get_text (note), "Pick a strategy to edit shares"));
  g_assert_false (gtk_widget_get_sensitive (editor));
  g_assert_true (gtk_widget_is_visible (editor));
  for (guint k = 0; k < G_N_ELEMENTS (strategy_rows); k++)
    {
      g_assert_nonnull (find_row (root, strategy_rows[k]));
      g_assert_false (gtk_widget_is_visible (GTK_WIDGET (find_row (root, strategy_rows[k]))));
    }
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (find_row (root, "Stockpile"))));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (find_label (root, "Reset to Baseline"))));

  /* A strategy: editable, every lever, no note. */
  ss_window_select (f->window, 0, 0);
  wait_frames (2);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (note)));
  g_assert_true (gtk_widget_get_sensitive (editor));
  for (guint k = 0; k < G_N_ELEMENTS (strategy_rows); k++)
    g_assert_true (gtk_widget_is_visible (GTK_WIDGET (find_row (root, strategy_rows[k]))));

  /* The baseline: no note, no levers. */
  ss_window_select (f->window, SS_BASELINE, 0);
  wait_frames (2);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (note)));
  g_assert_true (gtk_widget_get_sensitive (editor));
}

/* The alerts say which policy target an item is over, from when, and
 * the year it meets its targets, in the user's words. */
static void
test_policy_target_alerts (Fixture       *f,
                           gconstpointer  data)
{
  const SsStudy *study = ss_window_get_study (f->window);
  GtkWidget *root = GTK_WIDGET (f->window);
  int reshoring = ss_study_find_scenario (study, "reshoring");
  AdwActionRow *row;

  /* Lithium hydroxide buys 80 % from China in the baseline. */
  ss_window_select (f->window, SS_BASELINE, 0);
  wait_frames (2);
  row = find_row (root, "Over the 2027 target (60 %)");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "From 2027; still over in 2034");

  /* Reshoring brings it under by 2028. */
  g_assert_cmpint (reshoring, >=, 0);
  ss_window_select (f->window, reshoring, 0);
  wait_frames (2);
  row = find_row (root, "Over the 2027 target (60 %)");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "From 2027; meets its targets from 2028");

  /* China plus one meets them from the start: no such alert. */
  ss_window_select (f->window, 0, 0);
  wait_frames (2);
  g_assert_null (find_row (root, "Over the 2027 target (60 %)"));

  /* The portfolio lists each item over a target, by name. */
  ss_window_select (f->window, SS_BASELINE, -1);
  wait_frames (2);
  row = find_row (root, "\u2068Lithium hydroxide\u2069: over the 2027 target (60 %)");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "From 2027; still over in 2034");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;
  g_assert_nonnull (ss_get_resource ());

  g_test_add ("/window-v2/shock-is-a-world", Fixture, NULL, fixture_setup, test_shock_is_a_world,
              fixture_teardown);
  g_test_add ("/window-v2/policy-target-alerts", Fixture, NULL, fixture_setup, test_policy_target_alerts,
              fixture_teardown);

  return g_test_run ();
}
