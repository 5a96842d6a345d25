/* test-document.c: edits, undo and the projection cache (model/ss-document.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ss-attrs.h"
#include "ss-document.h"
#include "ss-study-file.h"
#include "test-util.h"

static void
count_changes (SsDocument *document,
               guint       change,
               int         scenario,
               guint      *count)
{
  (*count)++;
}

/* A whole drag is one undo step, however many changes it emitted. */
static void
test_undo_redo (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsStudy) original = ss_study_copy (study);
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  SsScenario *scenario = ss_study_get_scenario (study, 0);
  double *targets;
  guint changes = 0;

  g_signal_connect (document, "changed", G_CALLBACK (count_changes), &changes);
  g_assert_false (ss_document_get_modified (document));
  g_assert_false (ss_document_can_undo (document));

  ss_document_begin_edit (document);
  targets = ss_scenario_ensure_targets (study, scenario, 0);
  for (guint step = 0; step < 10; step++)
    {
      targets[0] -= 0.01;
      targets[1] += 0.01;
      ss_document_changed (document, SS_CHANGE_SCENARIO, 0);
    }
  ss_document_end_edit (document);
  g_autoptr(SsStudy) edited = ss_study_copy (study);

  g_assert_cmpuint (changes, ==, 10);
  g_assert_true (ss_document_get_modified (document));
  g_assert_true (ss_document_can_undo (document));
  g_assert_false (ss_study_equal (study, original));

  g_assert_true (ss_document_undo (document));
  g_assert_true (ss_study_equal (study, original));
  g_assert_false (ss_document_get_modified (document));
  g_assert_true (ss_document_can_redo (document));
  g_assert_false (ss_document_can_undo (document));

  g_assert_true (ss_document_redo (document));
  g_assert_true (ss_study_equal (study, edited));
  g_assert_true (ss_document_get_modified (document));

  /* Saved, then undone: modified again. */
  ss_document_mark_saved (document);
  g_assert_false (ss_document_get_modified (document));
  g_assert_true (ss_document_undo (document));
  g_assert_true (ss_document_get_modified (document));
  g_assert_true (ss_document_redo (document));
  g_assert_false (ss_document_get_modified (document));
}

/* An edit that ends where it started leaves no undo step. */
static void
test_no_op_edit (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  SsItem *item = ss_study_get_item (study, 0);
  double before = item->attr[SS_ITEM_STOCKPILE_DAYS];

  ss_document_begin_edit (document);
  item->attr[SS_ITEM_STOCKPILE_DAYS] = before + 10;
  ss_document_changed (document, SS_CHANGE_BASELINE, -1);
  item->attr[SS_ITEM_STOCKPILE_DAYS] = before;
  ss_document_changed (document, SS_CHANGE_BASELINE, -1);
  ss_document_end_edit (document);

  g_assert_false (ss_document_can_undo (document));
  g_assert_false (ss_document_get_modified (document));
}

static void
test_cancel (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsStudy) original = ss_study_copy (study);
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);

  ss_document_begin_edit (document);
  ss_study_remove_item (study, 0);
  ss_document_changed (document, SS_CHANGE_STRUCTURE, -1);
  ss_document_cancel_edit (document);

  g_assert_true (ss_study_equal (study, original));
  g_assert_false (ss_document_can_undo (document));
}

/* The cache recomputes a scenario after an edit of it, and only then. */
static void
test_projection_cache (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(SsProjection) fresh = ss_projection_new ();
  const SsProjection *p;
  double *targets;
  double npv_before;

  p = ss_document_get_projection (document, 0);
  npv_before = p->npv_cost_premium;

  ss_document_begin_edit (document);
  targets = ss_scenario_ensure_targets (study, ss_study_get_scenario (study, 0), 0);
  targets[0] -= 0.2;
  targets[4] += 0.2;
  ss_document_changed (document, SS_CHANGE_SCENARIO, 0);
  ss_document_end_edit (document);

  p = ss_document_get_projection (document, 0);
  g_assert_cmpfloat (p->npv_cost_premium, !=, npv_before);

  ss_engine_project (study, 0, ss_document_get_projection (document, SS_BASELINE), fresh);
  g_assert_cmpfloat (p->npv_cost_premium, ==, fresh->npv_cost_premium);
  g_assert_cmpmem (p->share, p->n_items * p->n_countries * p->n_years * sizeof (double),
                   fresh->share, fresh->n_items * fresh->n_countries * fresh->n_years * sizeof (double));

  /* Undo brings the old figures back. */
  ss_document_undo (document);
  p = ss_document_get_projection (document, 0);
  g_assert_cmpfloat (p->npv_cost_premium, ==, npv_before);
}

/* Which cells of the grid are stale, as a string of rows: "x" stale, "."
 * fresh, rows separated by "|". */
static char *
stale_map (SsDocument *document)
{
  GString *out = g_string_new (NULL);

  ss_test_append_stale_grid (out, document);
  return g_string_free (out, FALSE);
}

/* Every cell the document gives is the engine's figure for it, computed
 * afresh. */
static void
assert_cells_fresh (SsDocument *document)
{
  const SsStudy *study = ss_document_get_study (document);
  const GArray *strategies, *shocks;

  ss_document_get_stress_axes (document, &strategies, &shocks);
  for (guint r = 0; r < strategies->len; r++)
    for (guint k = 0; k < shocks->len; k++)
      {
        int strategy = g_array_index (strategies, int, r), shock = g_array_index (shocks, int, k);
        const SsProjection *cell = ss_document_get_cell (document, strategy, shock);
        g_autoptr(SsProjection) fresh = ss_projection_new ();

        ss_engine_project_cell (study, strategy, shock, NULL, fresh);
        g_assert_cmpint (cell->scenario, ==, strategy);
        g_assert_cmpuint (cell->block_size, ==, fresh->block_size);
        g_assert_cmpmem (cell->block, cell->block_size, fresh->block, fresh->block_size);
        g_assert_cmpfloat (cell->npv_cost_premium, ==, fresh->npv_cost_premium);
      }
  {
    g_autofree char *map = stale_map (document);

    g_assert_cmpstr (map, ==, "...|...");
  }
}

/* After an edit only the cells it can change are computed again: a
 * strategy's row, a shock scenario's column, everything for the
 * baseline's data (model.md §8; issue 8). */
static void
test_stress_cache (void)
{
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-v2-study.xml");
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  SsScenario *plus = ss_study_get_scenario (study, 0);
  SsScenario *china = ss_study_get_scenario (study, 1);
  g_autofree char *map = NULL;
  guint computed;
  double *targets;

  /* Rows: baseline, vietnam-plus; columns: none, china-shock, asean-costs. */
  map = stale_map (document);
  g_assert_cmpstr (map, ==, "xxx|xxx");
  assert_cells_fresh (document);
  g_assert_cmpuint (ss_document_get_n_cell_projections (document), ==, 4);

  /* A slider step on the strategy: its row. */
  computed = ss_document_get_n_cell_projections (document);
  ss_document_begin_edit (document);
  targets = ss_scenario_ensure_targets (study, plus, 0);
  targets[0] -= 0.05;
  targets[2] += 0.05;
  ss_document_changed (document, SS_CHANGE_SCENARIO, 0);
  g_clear_pointer (&map, g_free);
  map = stale_map (document);
  g_assert_cmpstr (map, ==, "...|xxx");
  assert_cells_fresh (document);
  g_assert_cmpuint (ss_document_get_n_cell_projections (document), ==, computed + 2);
  ss_document_end_edit (document);

  /* An edit of a shock scenario: its column, the baseline's cell too. */
  computed = ss_document_get_n_cell_projections (document);
  ss_document_begin_edit (document);
  g_array_index (china->shocks, SsShock, 0).value[SS_DISRUPTION_PROBABILITY] = 0.4;
  ss_document_changed (document, SS_CHANGE_SCENARIO, 1);
  g_clear_pointer (&map, g_free);
  map = stale_map (document);
  g_assert_cmpstr (map, ==, ".x.|.x.");
  assert_cells_fresh (document);
  g_assert_cmpuint (ss_document_get_n_cell_projections (document), ==, computed + 2);
  ss_document_end_edit (document);

  /* The baseline's data: everything. */
  ss_document_begin_edit (document);
  ss_study_get_item (study, 0)->attr[SS_ITEM_STOCKPILE_DAYS] += 5;
  ss_document_changed (document, SS_CHANGE_BASELINE, -1);
  g_clear_pointer (&map, g_free);
  map = stale_map (document);
  g_assert_cmpstr (map, ==, "xxx|xxx");
  assert_cells_fresh (document);
  ss_document_end_edit (document);

  /* Undo is a change of everything, and brings the old figures back. */
  ss_document_undo (document);
  g_clear_pointer (&map, g_free);
  map = stale_map (document);
  g_assert_cmpstr (map, ==, "xxx|xxx");
  assert_cells_fresh (document);

  /* A new shock scenario is a new column. */
  ss_document_begin_edit (document);
  {
    SsScenario *sc = ss_study_get_scenario (study, ss_study_add_scenario (study, "ban", "Ban"));
    SsShock *shock = ss_scenario_add_shock (sc, 0);

    sc->kind = SS_SCENARIO_SHOCK;
    shock->set = 1u << SS_DISRUPTION_SEVERITY;
    shock->value[SS_DISRUPTION_SEVERITY] = 1;
  }
  ss_document_changed (document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (document);
  g_clear_pointer (&map, g_free);
  map = stale_map (document);
  g_assert_cmpstr (map, ==, "xxxx|xxxx");
  {
    const GArray *strategies, *shocks;

    ss_document_get_stress_axes (document, &strategies, &shocks);
    g_assert_cmpuint (shocks->len, ==, 4);
    g_assert_cmpint (g_array_index (shocks, int, 3), ==, 3);
  }
}

/* A shock scenario made a strategy turns a grid of 2 × 3 into one of
 * 3 × 2: as many cells, in another shape, every one computed afresh. */
static void
test_stress_reshape (void)
{
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-v2-study.xml");
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  const GArray *strategies, *shocks;

  ss_document_get_cell (document, SS_BASELINE, 1);
  ss_document_begin_edit (document);
  ss_study_get_scenario (study, 2)->kind = SS_SCENARIO_STRATEGY;
  ss_document_changed (document, SS_CHANGE_STRUCTURE, -1);
  ss_document_end_edit (document);

  ss_document_get_stress_axes (document, &strategies, &shocks);
  g_assert_cmpuint (strategies->len, ==, 3);
  g_assert_cmpuint (shocks->len, ==, 2);
  for (guint r = 0; r < strategies->len; r++)
    for (guint k = 0; k < shocks->len; k++)
      {
        int strategy = g_array_index (strategies, int, r), shock = g_array_index (shocks, int, k);
        g_autoptr(SsProjection) fresh = ss_projection_new ();
        const SsProjection *cell = ss_document_get_cell (document, strategy, shock);

        ss_engine_project_cell (study, strategy, shock, NULL, fresh);
        g_assert_cmpint (cell->scenario, ==, strategy);
        g_assert_cmpint (cell->shock, ==, shock);
        g_assert_cmpmem (cell->block, cell->block_size, fresh->block, fresh->block_size);
      }
}

static void
test_lifecycle (void)
{
  SsStudy *study = ss_study_load_sample ();
  SsDocument *document = ss_document_new (study, NULL);

  ss_document_begin_edit (document);
  ss_study_get_meta (study)->discount_rate = 0.07;
  ss_document_changed (document, SS_CHANGE_BASELINE, -1);
  ss_document_end_edit (document);
  g_object_unref (study);
  g_assert_finalize_object (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/undo-redo", test_undo_redo);
  g_test_add_func ("/document/no-op-edit", test_no_op_edit);
  g_test_add_func ("/document/cancel", test_cancel);
  g_test_add_func ("/document/projection-cache", test_projection_cache);
  g_test_add_func ("/document/stress-cache", test_stress_cache);
  g_test_add_func ("/document/stress-reshape", test_stress_reshape);
  g_test_add_func ("/document/lifecycle", test_lifecycle);

  return g_test_run ();
}
