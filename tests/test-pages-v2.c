/* test-pages-v2.c: the study data pages' version-2 parts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Study page's policy targets and the Scenarios page's shocks and
 * kind, driven the way a user drives them: text typed in a field and
 * Enter, a button clicked, a dropdown or a check chosen. Every accepted
 * change is an undoable edit of the document; every refused one leaves
 * the study as it was and says why under the group.
 */

#define G_LOG_DOMAIN "supplyshift-test"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "ss-scenarios-page.h"
#include "ss-study-file.h"
#include "ss-study-page.h"
#include "test-util.h"
#include "test-widgets.h"

typedef struct
{
  SsStudy    *study;
  SsStudy    *original;
  SsDocument *document;
  GtkWidget  *window;
  GtkWidget  *page;
} Fixture;

static void
iterate (void)
{
  for (guint k = 0; k < 100 && g_main_context_pending (NULL); k++)
    g_main_context_iteration (NULL, FALSE);
}

static void
set_up (Fixture   *f,
        GtkWidget *page)
{
  f->study = ss_study_load_sample ();
  f->original = ss_study_copy (f->study);
  f->document = ss_document_new (f->study, NULL);
  f->page = page;
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (f->window), page);
  g_object_set (page, "document", f->document, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
}

static void
study_set_up (Fixture       *f,
              gconstpointer  data)
{
  set_up (f, ss_study_page_new ());
}

static void
scenarios_set_up (Fixture       *f,
                  gconstpointer  data)
{
  set_up (f, ss_scenarios_page_new ());
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  g_clear_object (&f->document);
  g_clear_object (&f->original);
  g_assert_finalize_object (f->study);
}

static void
type_and_enter (GtkWidget  *entry,
                const char *text)
{
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  iterate ();
}

/* The button under @root whose tooltip is @tooltip, as a user finds it. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *tooltip)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  ss_test_collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint k = 0; k < buttons->len; k++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, k)), tooltip) == 0)
      return g_ptr_array_index (buttons, k);
  return NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

/* The visible error label under @root, or NULL. */
static const char *
shown_status (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  ss_test_collect (root, GTK_TYPE_LABEL, labels);
  for (guint k = 0; k < labels->len; k++)
    {
      GtkWidget *label = g_ptr_array_index (labels, k);

      if (gtk_widget_has_css_class (label, "error") && gtk_widget_get_visible (label))
        return gtk_label_get_text (GTK_LABEL (label));
    }
  return NULL;
}

static GArray *
targets_of (Fixture *f)
{
  return ss_study_get_meta (f->study)->policy_targets;
}

static const SsPolicyTarget *
target_at (Fixture *f,
           guint    k)
{
  return &g_array_index (targets_of (f), SsPolicyTarget, k);
}

static GtkWidget *
policy_entry (Fixture    *f,
              const char *what,
              guint       k)
{
  g_autofree char *name = g_strdup_printf ("policy-%s-%u", what, k);

  return ss_study_page_get_field (SS_STUDY_PAGE (f->page), name);
}

/* The Study page lists the policy targets, the share in percent as the
 * thresholds above it; adding, editing and removing one goes through the
 * document, a rising target is refused where it is typed, and undo takes
 * every step back. */
static void
test_policy_targets (Fixture       *f,
                     gconstpointer  data)
{
  g_assert_cmpuint (targets_of (f)->len, ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (policy_entry (f, "year", 0))), ==, "2027");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (policy_entry (f, "share", 0))), ==, "60");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (policy_entry (f, "year", 1))), ==, "2030");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (policy_entry (f, "share", 1))), ==, "50");
  g_assert_null (policy_entry (f, "year", 2));

  /* Add: three years after the last, at its share. */
  click (find_button (f->page, "Add a policy target after the last one"));
  g_assert_cmpuint (targets_of (f)->len, ==, 3);
  g_assert_cmpint (target_at (f, 2)->year, ==, 2033);
  g_assert_cmpfloat (target_at (f, 2)->share, ==, 0.5);
  g_assert_true (gtk_widget_has_focus (policy_entry (f, "year", 2))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                            policy_entry (f, "year", 2)));

  /* Edit its year and share. */
  type_and_enter (policy_entry (f, "year", 2), "2032");
  g_assert_cmpint (target_at (f, 2)->year, ==, 2032);
  type_and_enter (policy_entry (f, "share", 2), "40");
  g_assert_cmpfloat (target_at (f, 2)->share, ==, 0.4);

  /* A target may not rise as years rise: refused, said, nothing changed. */
  type_and_enter (policy_entry (f, "share", 1), "70");
  g_assert_cmpfloat (target_at (f, 1)->share, ==, 0.5);
  g_assert_nonnull (shown_status (f->page));
  g_assert_nonnull (strstr (shown_status (f->page), "rise"));
  type_and_enter (policy_entry (f, "share", 1), "50");
  g_assert_null (shown_status (f->page));

  /* Remove the 2030 target from its row. */
  click (find_button (f->page, "Remove the 2030 policy target"));
  g_assert_cmpuint (targets_of (f)->len, ==, 2);
  g_assert_cmpint (target_at (f, 1)->year, ==, 2032);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (policy_entry (f, "year", 1))), ==, "2032");
  g_assert_null (policy_entry (f, "year", 2));

  /* Undo: the removal, the two edits, the addition, one step each. */
  g_assert_true (ss_document_undo (f->document));
  iterate ();
  g_assert_cmpuint (targets_of (f)->len, ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (policy_entry (f, "year", 1))), ==, "2030");
  for (guint k = 0; k < 3; k++)
    g_assert_true (ss_document_undo (f->document));
  iterate ();
  g_assert_false (ss_document_can_undo (f->document));
  g_assert_true (ss_study_equal (f->study, f->original));
  g_assert_null (policy_entry (f, "year", 2));
}

static const SsScenario *
scenario_of (Fixture *f,
             int      index)
{
  return ss_study_get_scenario (f->study, index);
}

static const SsShock *
shock_at (Fixture *f,
          int      scenario,
          guint    k)
{
  return &g_array_index (scenario_of (f, scenario)->shocks, SsShock, k);
}

static SsShockRow *
shock_row (Fixture *f,
           guint    k)
{
  return ss_shock_list_get_row (ss_scenarios_page_get_shocks (SS_SCENARIOS_PAGE (f->page)), k);
}

static GtkWidget *
shock_entry (Fixture      *f,
             guint         k,
             SsDisruption  value)
{
  SsShockRow *row = shock_row (f, k);

  g_assert_nonnull (row);
  return ss_field_get_widget (ss_shock_row_get_field (row, value));
}

/* The Scenarios page lists a scenario's shocks: adding one, moving it to
 * another country, setting and clearing its values, choosing its items
 * and removing it go through the document, refusals are said, and undo
 * takes every step back. */
static void
test_shocks (Fixture       *f,
             gconstpointer  data)
{
  int controls = ss_study_find_scenario (f->study, "china-export-controls");
  int vietnam = ss_study_find_country (f->study, "VN");
  int gallium = ss_study_find_item (f->study, "811292-Ga");
  guint ni = ss_study_get_n_items (f->study);
  const SsShock *shock;

  g_assert_cmpint (controls, >=, 0);
  ss_scenarios_page_select_scenario (SS_SCENARIOS_PAGE (f->page), controls);
  iterate ();
  g_assert_cmpuint (scenario_of (f, controls)->shocks->len, ==, 1);
  g_assert_nonnull (shock_row (f, 0));
  g_assert_null (shock_row (f, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (shock_entry (f, 0, SS_DISRUPTION_PROBABILITY))),
                   ==, "30");                  /* percent, as the window shows it */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (shock_entry (f, 0, SS_DISRUPTION_DAYS))),
                   ==, "180");

  /* Add one, on all items; it sets the probability only. */
  g_assert_true (gtk_widget_activate_action (f->page, "scenarios.add-shock", NULL));
  iterate ();
  g_assert_cmpuint (scenario_of (f, controls)->shocks->len, ==, 2);
  shock = shock_at (f, controls, 1);
  g_assert_null (shock->items);
  g_assert_cmpuint (shock->set, ==, 1u << SS_DISRUPTION_PROBABILITY);
  g_assert_nonnull (shock_row (f, 1));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (shock_entry (f, 1, SS_DISRUPTION_SEVERITY))),
                   ==, "");

  /* To Vietnam, from its dropdown. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ss_shock_row_get_country_dropdown (shock_row (f, 1))),
                              vietnam);
  iterate ();
  g_assert_cmpuint (shock_at (f, controls, 1)->country, ==, vietnam);

  /* Its severity set, its probability cleared: the shock still sets a value. */
  type_and_enter (shock_entry (f, 1, SS_DISRUPTION_SEVERITY), "50");
  shock = shock_at (f, controls, 1);
  g_assert_cmpuint (shock->set & (1u << SS_DISRUPTION_SEVERITY), !=, 0);
  g_assert_cmpfloat (shock->value[SS_DISRUPTION_SEVERITY], ==, 0.5);
  type_and_enter (shock_entry (f, 1, SS_DISRUPTION_PROBABILITY), "");
  shock = shock_at (f, controls, 1);
  g_assert_cmpuint (shock->set, ==, 1u << SS_DISRUPTION_SEVERITY);

  /* Clearing the last value it sets is refused, and said. */
  type_and_enter (shock_entry (f, 1, SS_DISRUPTION_SEVERITY), "");
  g_assert_cmpuint (shock_at (f, controls, 1)->set, ==, 1u << SS_DISRUPTION_SEVERITY);
  g_assert_nonnull (shown_status (f->page));
  type_and_enter (shock_entry (f, 1, SS_DISRUPTION_SEVERITY), "50");

  /* A value out of range never reaches the study. */
  type_and_enter (shock_entry (f, 1, SS_DISRUPTION_DAYS), "400");
  g_assert_cmpuint (shock_at (f, controls, 1)->set & (1u << SS_DISRUPTION_DAYS), ==, 0);
  g_assert_nonnull (shown_status (f->page));
  type_and_enter (shock_entry (f, 1, SS_DISRUPTION_DAYS), "");

  /* Items: every one listed, then gallium taken off. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ss_shock_row_get_item_check (shock_row (f, 1), -1)),
                               FALSE);
  iterate ();
  shock = shock_at (f, controls, 1);
  g_assert_nonnull (shock->items);
  g_assert_cmpuint (shock->n_items, ==, ni);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (ss_shock_row_get_item_check (shock_row (f, 1), gallium)),
                               FALSE);
  iterate ();
  shock = shock_at (f, controls, 1);
  g_assert_cmpuint (shock->n_items, ==, ni - 1);
  g_assert_false (ss_shock_covers (shock, gallium));

  /* Remove it from its row. */
  click (find_button (f->page, "Remove the shock on \u2068Vietnam\u2069"));
  iterate ();
  g_assert_cmpuint (scenario_of (f, controls)->shocks->len, ==, 1);
  g_assert_null (shock_row (f, 1));

  /* Undo brings it back, then every edit goes. */
  g_assert_true (ss_document_undo (f->document));
  iterate ();
  g_assert_cmpuint (scenario_of (f, controls)->shocks->len, ==, 2);
  g_assert_nonnull (shock_row (f, 1));
  while (ss_document_can_undo (f->document))
    g_assert_true (ss_document_undo (f->document));
  iterate ();
  g_assert_true (ss_study_equal (f->study, f->original));
  g_assert_null (shock_row (f, 1));
}

/* A scenario's kind: a shock becomes a strategy at once; a strategy with
 * targets becomes a shock only once the user agrees to reset them, as
 * one undo step, and cancelling leaves it as it was. */
static void
test_kind (Fixture       *f,
           gconstpointer  data)
{
  SsScenariosPage *page = SS_SCENARIOS_PAGE (f->page);
  AdwComboRow *kind = ADW_COMBO_ROW (ss_scenarios_page_get_kind_row (page));
  AdwMessageDialog *dialog = ss_scenarios_page_get_kind_dialog (page);
  int controls = ss_study_find_scenario (f->study, "china-export-controls");
  int plus_one = ss_study_find_scenario (f->study, "china-plus-one");
  guint n_targets = 0;

  ss_scenarios_page_select_scenario (page, controls);
  iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, 1);
  adw_combo_row_set_selected (kind, 0);
  iterate ();
  g_assert_cmpint (scenario_of (f, controls)->kind, ==, SS_SCENARIO_STRATEGY);
  g_assert_true (ss_document_undo (f->document));
  iterate ();
  g_assert_cmpint (scenario_of (f, controls)->kind, ==, SS_SCENARIO_SHOCK);
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, 1);

  ss_scenarios_page_select_scenario (page, plus_one);
  iterate ();
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, 0);
  for (guint i = 0; i < ss_study_get_n_items (f->study); i++)
    n_targets += scenario_of (f, plus_one)->targets[i] != NULL;
  g_assert_cmpuint (n_targets, >, 0);

  /* Asked first; cancel keeps the strategy. */
  adw_combo_row_set_selected (kind, 1);
  iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "targets"));
  adw_message_dialog_response (dialog, "cancel");
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  iterate ();
  g_assert_cmpint (scenario_of (f, plus_one)->kind, ==, SS_SCENARIO_STRATEGY);
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, 0);
  g_assert_true (ss_study_equal (f->study, f->original));

  /* Reset: a shock with no targets and default levers, in one step. */
  adw_combo_row_set_selected (kind, 1);
  iterate ();
  adw_message_dialog_response (dialog, "reset");
  gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  iterate ();
  g_assert_cmpint (scenario_of (f, plus_one)->kind, ==, SS_SCENARIO_SHOCK);
  for (guint i = 0; i < ss_study_get_n_items (f->study); i++)
    g_assert_null (scenario_of (f, plus_one)->targets[i]);
  g_assert_cmpfloat (scenario_of (f, plus_one)->switching_cost, ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, 1);
  g_assert_true (ss_document_undo (f->document));
  iterate ();
  g_assert_false (ss_document_can_undo (f->document));
  g_assert_true (ss_study_equal (f->study, f->original));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!ss_test_init_display (SS_TEST_DISPLAY_ADWAITA))
    return 0;

  g_test_add ("/pages-v2/policy-targets", Fixture, NULL, study_set_up, test_policy_targets, tear_down);
  g_test_add ("/pages-v2/shocks", Fixture, NULL, scenarios_set_up, test_shocks, tear_down);
  g_test_add ("/pages-v2/kind", Fixture, NULL, scenarios_set_up, test_kind, tear_down);

  return g_test_run ();
}
