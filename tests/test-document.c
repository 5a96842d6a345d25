/* test-document.c: edits, undo and the projection cache (model/ss-document.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

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

/* --- Projections in a worker thread ------------------------------------ */

static void
on_projected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* Runs a projection in a worker to its end; returns what finish says. */
static gboolean
project_off_thread (SsDocument *document,
                    int         scenario,
                    void      (*meanwhile) (SsDocument *document),
                    GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ss_document_project_async (document, scenario, NULL, on_projected, &result);
  if (meanwhile != NULL)
    meanwhile (document);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ss_document_project_finish (document, result, error);
}

static void
assert_fresh (SsDocument *document,
              int         scenario)
{
  const SsStudy *study = ss_document_get_study (document);
  g_autoptr(SsProjection) baseline = ss_projection_new ();
  g_autoptr(SsProjection) fresh = ss_projection_new ();
  const SsProjection *p;

  g_assert_false (ss_document_projection_is_stale (document, SS_BASELINE));
  g_assert_false (ss_document_projection_is_stale (document, scenario));
  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  ss_engine_project (study, scenario, baseline, fresh);
  p = ss_document_peek_projection (document, scenario);
  g_assert_cmpuint (p->block_size, ==, fresh->block_size);
  g_assert_cmpmem (p->block, p->block_size, fresh->block, fresh->block_size);
  g_assert_cmpfloat (p->npv_cost_premium, ==, fresh->npv_cost_premium);
}

static void
drag_target (SsDocument *document)
{
  const SsStudy *study = ss_document_get_study (document);
  guint nc = ss_study_get_n_countries (study);
  double targets[SS_MAX_COUNTRIES];
  g_autoptr(GError) error = NULL;

  memcpy (targets, ss_study_get_scenario (study, 0)->targets[1], nc * sizeof (double));
  ss_document_begin_edit (document);
  for (guint k = 0; k < 5; k++)
    {
      targets[0] -= 0.01;
      targets[1] += 0.01;
      g_assert_true (ss_document_set_target (document, 0, 1, targets, nc, &error));
      g_assert_no_error (error);
    }
  ss_document_end_edit (document);
}

/* A drag, then the whole projection in a worker: the window meanwhile
 * peeks at the last complete projection, and what the worker puts in the
 * cache is a fresh projection of the study, bit for bit. */
static void
test_project_async (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsProjection) before = ss_projection_new ();
  const SsProjection *p;

  /* Nothing computed yet: nothing to show but what is computed now. */
  g_assert_null (ss_document_peek_projection (document, 0));
  g_assert_cmpint (ss_document_estimate_us (document, 0), >, 0);
  p = ss_document_get_projection (document, 0);
  g_assert_cmpint (ss_document_estimate_us (document, 0), ==, 0);
  g_assert_true (ss_document_peek_projection (document, 0) == p);
  ss_projection_copy_into (before, p);

  drag_target (document);
  g_assert_true (ss_document_projection_is_stale (document, 0));
  /* The last complete projection, as it was: the drag's item updates
   * were made to it (a complete picture), the end of the drag only made
   * it stale. */
  g_assert_true (ss_document_peek_projection (document, 0) == p);
  g_assert_false (ss_document_projection_is_stale (document, SS_BASELINE));

  g_assert_true (project_off_thread (document, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ss_document_get_n_async_projections (document), ==, 1);  /* the baseline was fresh */
  g_assert_true (ss_document_get_projection (document, 0) == p);
  g_assert_cmpfloat (p->npv_cost_premium, !=, before->npv_cost_premium);
  assert_fresh (document, 0);

  /* A baseline edit: both are computed in the worker. */
  g_assert_true (ss_document_set_item_attr (document, 2, SS_ITEM_VALUE, 1234, &error));
  g_assert_true (project_off_thread (document, 0, NULL, &error));
  g_assert_cmpuint (ss_document_get_n_async_projections (document), ==, 3);
  assert_fresh (document, 0);

  /* The baseline alone, after undo. */
  g_assert_true (ss_document_undo (document));
  g_assert_true (project_off_thread (document, SS_BASELINE, NULL, &error));
  g_assert_false (ss_document_projection_is_stale (document, SS_BASELINE));
  g_assert_true (ss_document_projection_is_stale (document, 0));
  assert_fresh (document, SS_BASELINE);
}

static void
edit_meanwhile (SsDocument *document)
{
  g_assert_true (ss_document_set_scenario_lever (document, 0, SS_LEVER_SUBSIDY, 0.25, NULL));
}

/* A result an edit overtook is dropped; the next one is put in. */
static void
test_project_async_stale (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(SsDocument) other = ss_document_new (study, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  const SsProjection *p = ss_document_get_projection (document, 0);
  double npv = p->npv_cost_premium;

  drag_target (document);
  g_assert_false (project_off_thread (document, 0, edit_meanwhile, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (ss_document_get_n_async_projections (document), ==, 0);
  g_assert_true (ss_document_projection_is_stale (document, 0));
  g_assert_cmpfloat (ss_document_peek_projection (document, 0)->npv_cost_premium, ==, npv);

  /* Two at once (the worker's copy busy): each reads the study as it was. */
  ss_document_project_async (document, 0, NULL, on_projected, &result);
  g_assert_true (project_off_thread (document, 0, NULL, &error));
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (ss_document_project_finish (document, result, &error));
  g_assert_no_error (error);
  assert_fresh (document, 0);

  /* Another document's result is not this one's. */
  g_clear_object (&result);
  g_assert_true (ss_document_set_scenario_lever (document, 0, SS_LEVER_SUBSIDY, 0.2, NULL));
  ss_document_project_async (other, 0, NULL, on_projected, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (ss_document_project_finish (document, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_completed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* Runs ss_document_complete_async() to its end; returns what finish says. */
static gboolean
complete_off_thread (SsDocument       *document,
                     SsDocumentNeeds   needs,
                     void            (*meanwhile) (SsDocument *document),
                     GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  ss_document_complete_async (document, needs, NULL, on_completed, &result);
  if (meanwhile != NULL)
    meanwhile (document);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return ss_document_complete_finish (document, result, error);
}

/* What the Compare and Stress Test views show, computed in a worker: put
 * in the cache at once, each a fresh projection bit for bit, only what
 * an edit made stale; nothing of a job an edit overtook. */
static void
test_complete_async (void)
{
  const SsDocumentNeeds all = SS_DOCUMENT_NEEDS_PROJECTIONS | SS_DOCUMENT_NEEDS_GRID;
  g_autoptr(SsStudy) study = ss_test_load_data_study ("example-v2-study.xml");
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *map = NULL;
  guint installed, cells;

  /* Rows: baseline, vietnam-plus; columns: none, china-shock, asean-costs. */
  g_assert_cmpint (ss_document_estimate_needs_us (document, SS_DOCUMENT_NEEDS_PROJECTIONS), >, 0);
  g_assert_cmpint (ss_document_estimate_needs_us (document, all), >,
                   ss_document_estimate_needs_us (document, SS_DOCUMENT_NEEDS_PROJECTIONS));

  /* The projections alone: the grid's other cells stay stale. */
  g_assert_true (complete_off_thread (document, SS_DOCUMENT_NEEDS_PROJECTIONS, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ss_document_estimate_needs_us (document, SS_DOCUMENT_NEEDS_PROJECTIONS), ==, 0);
  g_assert_cmpuint (ss_document_get_n_async_projections (document), ==, 1 + ss_study_get_n_scenarios (study));
  for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (study); s++)
    assert_fresh (document, s);
  map = stale_map (document);
  g_assert_cmpstr (map, ==, ".xx|.xx");

  /* The grid: its four cells, and nothing asked for afterwards is
   * computed on this thread. */
  installed = ss_document_get_n_async_projections (document);
  g_assert_cmpint (ss_document_estimate_needs_us (document, all), >, 0);
  g_assert_true (complete_off_thread (document, all, NULL, &error));
  g_assert_cmpuint (ss_document_get_n_async_projections (document), ==, installed + 4);
  g_assert_cmpint (ss_document_estimate_needs_us (document, all), ==, 0);
  cells = ss_document_get_n_cell_projections (document);
  assert_cells_fresh (document);
  g_assert_cmpuint (ss_document_get_n_cell_projections (document), ==, cells);

  /* A lever of the strategy: its projection and its row, no more. */
  installed = ss_document_get_n_async_projections (document);
  g_assert_true (ss_document_set_scenario_lever (document, 0, SS_LEVER_SUBSIDY, 0.17, &error));
  g_clear_pointer (&map, g_free);
  map = stale_map (document);
  g_assert_cmpstr (map, ==, "...|xxx");
  g_assert_true (complete_off_thread (document, all, NULL, &error));
  g_assert_cmpuint (ss_document_get_n_async_projections (document), ==, installed + 3);
  assert_fresh (document, 0);
  cells = ss_document_get_n_cell_projections (document);
  assert_cells_fresh (document);
  g_assert_cmpuint (ss_document_get_n_cell_projections (document), ==, cells);

  /* An edit while the worker runs: nothing of its work is put in. */
  installed = ss_document_get_n_async_projections (document);
  g_assert_true (ss_document_set_item_attr (document, 0, SS_ITEM_STOCKPILE_DAYS, 40, &error));
  g_assert_false (complete_off_thread (document, all, edit_meanwhile, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (ss_document_get_n_async_projections (document), ==, installed);
  g_clear_pointer (&map, g_free);
  map = stale_map (document);
  g_assert_cmpstr (map, ==, "xxx|xxx");
  g_assert_true (complete_off_thread (document, all, NULL, &error));
  g_assert_no_error (error);
  for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (study); s++)
    assert_fresh (document, s);
  assert_cells_fresh (document);
}

/* A change of the study's shape leaves nothing to show but a new
 * projection; scenarios that moved never show each other's figures. */
static void
test_peek_shape (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(GError) error = NULL;
  guint ns = ss_study_get_n_scenarios (study);

  for (int s = SS_BASELINE; s < (int)ns; s++)
    ss_document_get_projection (document, s);
  g_assert_cmpint (ss_document_add_item (document, &error), >=, 0);
  g_assert_null (ss_document_peek_projection (document, SS_BASELINE));
  g_assert_true (ss_document_undo (document));
  g_assert_nonnull (ss_document_peek_projection (document, SS_BASELINE));
  g_assert_nonnull (ss_document_peek_projection (document, 1));

  ss_document_remove_scenario (document, 0);
  /* Scenario 0 is the former 1: its cached projection is the former 0's. */
  g_assert_null (ss_document_peek_projection (document, 0));
  g_assert_nonnull (ss_document_peek_projection (document, SS_BASELINE));
}

/* The estimate follows the work: a whole projection of a larger study
 * costs more, a drag's one-item update less than a whole projection. */
static void
test_estimate (void)
{
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  const SsStudy *s = ss_document_get_study (document);
  guint nc = ss_study_get_n_countries (s);
  double targets[SS_MAX_COUNTRIES];
  gint64 whole;

  ss_document_get_projection (document, 0);
  g_assert_true (ss_document_set_scenario_lever (document, 0, SS_LEVER_SUBSIDY, 0.25, NULL));
  whole = ss_document_estimate_us (document, 0);
  g_assert_cmpint (whole, >, 0);
  g_assert_cmpint (whole, <, 8000);                 /* the sample is a frame's work */
  ss_document_get_projection (document, 0);

  memcpy (targets, ss_study_get_scenario (s, 0)->targets[1], nc * sizeof (double));
  targets[0] -= 0.01;
  targets[1] += 0.01;
  ss_document_begin_edit (document);
  g_assert_true (ss_document_set_target (document, 0, 1, targets, nc, NULL));
  g_assert_cmpint (ss_document_estimate_us (document, 0), >, 0);
  g_assert_cmpint (ss_document_estimate_us (document, 0), <, whole);
  ss_document_end_edit (document);
  /* The end of the drag: the whole projection again. */
  g_assert_cmpint (ss_document_estimate_us (document, 0), ==, whole);

  /* The whole projection's estimate is kept between edits, and follows
   * each: a longer horizon costs more, asked twice or not. */
  whole = ss_document_estimate_full_us (document, 0);
  g_assert_cmpint (ss_document_estimate_full_us (document, 0), ==, whole);
  g_assert_true (ss_document_set_meta_horizon (document, ss_study_get_meta (s)->horizon + 10, NULL));
  g_assert_cmpint (ss_document_estimate_full_us (document, 0), >, whole);
  g_assert_true (ss_document_undo (document));
  g_assert_cmpint (ss_document_estimate_full_us (document, 0), ==, whole);
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
  g_test_add_func ("/document/project-async", test_project_async);
  g_test_add_func ("/document/project-async-stale", test_project_async_stale);
  g_test_add_func ("/document/complete-async", test_complete_async);
  g_test_add_func ("/document/peek-shape", test_peek_shape);
  g_test_add_func ("/document/estimate", test_estimate);

  return g_test_run ();
}
