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
 *   that of a fresh one, bit for bit;
 * - a copy made again from the same projection, which takes only the
 *   items updated since and the portfolio, is a full copy, bit for bit.
 */

#include "config.h"

#include <math.h>
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

/* Random shares summing to 1, with some countries at 0 (suppliers come
 * and go), the largest at least 1e-3 so none is below the rounding floor
 * of model.md §2 by accident. */
static void
random_shares (GRand  *rand,
               guint   n,
               double *out)
{
  double sum = 0;

  for (guint c = 0; c < n; c++)
    sum += out[c] = g_rand_int_range (rand, 0, 4) == 0 ? 0 : g_rand_double_range (rand, 0.001, 1);
  if (sum == 0)
    sum = out[g_rand_int_range (rand, 0, n)] = 1;
  for (guint c = 0; c < n; c++)
    out[c] /= sum;
}

static double
series_scale (const double *v,
              guint         n)
{
  double scale = 1;

  for (guint t = 0; t < n; t++)
    if (isfinite (v[t]))
      scale = MAX (scale, fabs (v[t]));
  return scale;
}

/* The portfolio within 1e-9 of its scale; counts and every item's rows
 * exactly. */
static void
assert_close_projection (const SsProjection *got,
                         const SsProjection *want,
                         const char         *what)
{
  guint ny = want->n_years, nc = want->n_countries, ng = want->n_groups, ni = want->n_items;
  const struct
  {
    const char   *name;
    const double *a, *b;
    guint         rows;
  } series[] = {
    { "cost", got->total_cost_purchase, want->total_cost_purchase, 1 },
    { "switching", got->total_switching, want->total_switching, 1 },
    { "subsidy", got->total_subsidy, want->total_subsidy, 1 },
    { "total cost", got->total_cost, want->total_cost, 1 },
    { "premium", got->cost_premium, want->cost_premium, 1 },
    { "HHI", got->portfolio_hhi, want->portfolio_hhi, 1 },
    { "supply risk", got->portfolio_supply_risk, want->portfolio_supply_risk, 1 },
    { "group HHI", got->portfolio_group_hhi, want->portfolio_group_hhi, ng },
    { "spend share", got->spend_share, want->spend_share, nc },
    { "largest foreign spend share", got->max_foreign_spend_share, want->max_foreign_spend_share, 1 },
    { "EL", got->expected_shortfall_impact, want->expected_shortfall_impact, 1 },
    { "VaR95", got->var95_shortfall_impact, want->var95_shortfall_impact, 1 },
  };

  for (guint k = 0; k < G_N_ELEMENTS (series); k++)
    for (guint r = 0; r < series[k].rows; r++)
      {
        const double *a = series[k].a + r * ny, *b = series[k].b + r * ny;
        double scale = series_scale (b, ny);

        for (guint t = 0; t < ny; t++)
          if (isnan (a[t]) != isnan (b[t]) || (!isnan (b[t]) && fabs (a[t] - b[t]) > 1e-9 * scale))
            g_error ("%s: %s[%u] in year %u is %.17g, a full projection %.17g", what,
                     series[k].name, r, t, a[t], b[t]);
      }
  g_assert_cmpfloat_with_epsilon (got->npv_cost_premium, want->npv_cost_premium,
                                  1e-9 * MAX (1, fabs (want->npv_cost_premium)) * ny);
  g_assert_cmpmem (got->alert_count, 4 * ny * sizeof (int), want->alert_count, 4 * ny * sizeof (int));
  g_assert_cmpmem (got->over_target_count, ny * sizeof (int), want->over_target_count, ny * sizeof (int));

  /* Item rows: the edited item computed as a full projection computes
   * it, the others untouched. */
#define ROWS(field, n) g_assert_cmpmem (got->field, (gsize)(n) * ny * sizeof *got->field, \
                                        want->field, (gsize)(n) * ny * sizeof *want->field)
  ROWS (share, ni * nc);
  ROWS (spend, ni * nc);
  ROWS (cost, ni);
  ROWS (switching, ni);
  ROWS (subsidy, ni);
  ROWS (hhi, ni);
  ROWS (supply_risk, ni);
  ROWS (expected_shortfall, ni);
  ROWS (p_shortfall_10, ni);
  ROWS (top_country, ni);
  ROWS (alert, ni);
  ROWS (over_target, ni);
#undef ROWS
  g_assert_cmpmem (got->group_hhi, (gsize)ni * ng * ny * sizeof (double),
                   want->group_hhi, (gsize)ni * ng * ny * sizeof (double));
  g_assert_cmpmem (got->target_met_year, ni * sizeof (int), want->target_met_year, ni * sizeof (int));
}

static void
test_update_item (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint steps = 0, var_moved = 0, near, full;

  /* Three workers, whatever the machine: the 16-country study's years
   * are shared out in uneven runs. */
  ss_parallel_set_n_workers (3);
  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    {
      g_autoptr(SsStudy) study = shape_study (&shapes[k]);
      g_autoptr(GPtrArray) kept = project_everything (study);
      g_autoptr(GArray) strategies = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) shocks = g_array_new (FALSE, FALSE, sizeof (int));
      guint nc = ss_study_get_n_countries (study), ni = ss_study_get_n_items (study);
      guint n_rows;

      ss_study_get_stress_axes (study, strategies, shocks);
      n_rows = strategies->len;
      for (guint step = 0; step < 24; step++, steps++)
        {
          guint item = g_rand_int_range (rand, 0, ni);
          gboolean baseline = g_rand_int_range (rand, 0, 4) == 0;
          int strategy = g_array_index (strategies, int, g_rand_int_range (rand, 1, n_rows));
          double shares[SS_MAX_COUNTRIES];

          random_shares (rand, nc, shares);
          if (baseline)
            {
              SsItem *record = ss_study_get_item (study, item);

              for (guint c = 0; c < nc; c++)
                record->sources[c].attr[SS_SOURCE_SHARE] = shares[c];
            }
          else
            memcpy (ss_scenario_ensure_targets (study, ss_study_get_scenario (study, strategy), item),
                    shares, nc * sizeof (double));

          /* Each world first, then its cells, as a document would. */
          for (guint w = 0; w < shocks->len; w++)
            {
              SsProjection *world = g_ptr_array_index (kept, w * n_rows);

              if (baseline)
                ss_engine_update_item (study, NULL, item, world);
              for (guint s = 1; s < n_rows; s++)
                {
                  SsProjection *cell = g_ptr_array_index (kept, w * n_rows + s);

                  if (baseline || cell->scenario == strategy)
                    {
                      double var_before = cell->var95_shortfall_impact[cell->n_years - 1];

                      ss_engine_update_item (study, world, item, cell);
                      var_moved += cell->var95_shortfall_impact[cell->n_years - 1] != var_before;
                    }
                }
            }

          /* Every projection within tolerance of a fresh one. */
          {
            g_autoptr(GPtrArray) fresh = project_everything (study);

            for (guint p = 0; p < fresh->len; p++)
              {
                g_autofree char *what = g_strdup_printf ("%u items, step %u, projection %u", ni, step, p);

                assert_close_projection (g_ptr_array_index (kept, p), g_ptr_array_index (fresh, p), what);
              }
          }
        }

      /* The edit ends: projected in full again, the same objects are
       * fresh projections bit for bit. */
      {
        g_autoptr(GPtrArray) fresh = project_everything (study);

        for (guint w = 0; w < shocks->len; w++)
          {
            SsProjection *world = g_ptr_array_index (kept, w * n_rows);

            ss_engine_project_cell (study, SS_BASELINE, world->shock, NULL, world);
            for (guint s = 1; s < n_rows; s++)
              {
                SsProjection *cell = g_ptr_array_index (kept, w * n_rows + s);

                ss_engine_project_cell (study, cell->scenario, cell->shock, world, cell);
              }
          }
        for (guint p = 0; p < fresh->len; p++)
          assert_same_projection (g_ptr_array_index (kept, p), g_ptr_array_index (fresh, p));
      }
    }
  ss_parallel_set_n_workers (0);
  _ss_engine_get_var_counts (&near, &full);
  g_test_message ("%u edits, VaR95 moved by %u of the updates; selected near the last %u times, "
                  "from every state %u times", steps, var_moved, near, full);
  /* The edits reach the VaR, and it is mostly found near the last one. */
  g_assert_cmpuint (var_moved, >, steps / 4);
  g_assert_cmpuint (near, >, 4 * full);
}

/* A copy keeps no joint losses: an update projects it in full, rightly. */
static void
test_update_copy (void)
{
  g_autoptr(SsStudy) study = shape_study (&shapes[1]);
  g_autoptr(SsProjection) baseline = ss_projection_new ();
  g_autoptr(SsProjection) p = ss_projection_new ();
  g_autoptr(SsProjection) copy = ss_projection_new ();
  g_autoptr(SsProjection) fresh = ss_projection_new ();
  double *targets = ss_scenario_ensure_targets (study, ss_study_get_scenario (study, 0), 3);

  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  ss_engine_project (study, 0, baseline, p);
  ss_projection_copy_into (copy, p);
  targets[0] += 0.1;
  targets[1] -= 0.1;
  ss_engine_update_item (study, baseline, 3, copy);
  ss_engine_project (study, 0, baseline, fresh);
  assert_same_projection (copy, fresh);
}

/* A copy taken again after slider steps (one item or several, then more
 * steps than the projection remembers, then a whole projection) holds
 * what a fresh full copy holds: every array, bit for bit. */
static void
test_copy_again (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    {
      g_autoptr(SsStudy) study = shape_study (&shapes[k]);
      g_autoptr(SsProjection) baseline = ss_projection_new ();
      g_autoptr(SsProjection) p = ss_projection_new ();
      g_autoptr(SsProjection) copy = ss_projection_new ();
      g_autoptr(SsProjection) full = ss_projection_new ();
      guint nc = ss_study_get_n_countries (study), ni = ss_study_get_n_items (study);

      ss_engine_project (study, SS_BASELINE, NULL, baseline);
      ss_engine_project (study, 0, baseline, p);
      ss_projection_copy_into (copy, p);
      for (guint step = 0; step < 40; step++)
        {
          /* Mostly one item a copy, as a drag; sometimes a few, or more
           * than the projection keeps track of, or none. */
          guint n_items = step % 13 == 12 ? 11 : step % 5 == 4 ? 3 : step % 7 == 6 ? 0 : 1;

          for (guint e = 0; e < n_items; e++)
            {
              guint item = g_rand_int_range (rand, 0, ni);
              double shares[SS_MAX_COUNTRIES];

              random_shares (rand, nc, shares);
              memcpy (ss_scenario_ensure_targets (study, ss_study_get_scenario (study, 0), item),
                      shares, nc * sizeof (double));
              ss_engine_update_item (study, baseline, item, p);
            }
          if (step == 30)
            ss_engine_project (study, 0, baseline, p);
          ss_projection_copy_into (copy, p);
          /* What a copy from nothing gives. */
          g_clear_pointer (&full, ss_projection_free);
          full = ss_projection_new ();
          ss_projection_copy_into (full, p);
          assert_same_projection (copy, full);
          g_assert_cmpint (copy->scenario, ==, p->scenario);
          g_assert_cmpint (copy->too_many_states, ==, p->too_many_states);
        }
    }
}

/* The VaR's scan against a plain count: what lies below the bracket,
 * how many states are in it and, when they are few enough, which ones
 * in order, in both sets of loops, for lengths around the block and
 * the vector widths, ties on the bracket's ends and a bracket that
 * overflows. */
static void
test_var_scan (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  double loss[700];
  guint64 p[700];
  SsOutcome inside[700];
  guint checked_lists = 0, overflowed = 0;

  for (guint round = 0; round < 400; round++)
    {
      gsize n = round < 200 ? round : (gsize)g_rand_int_range (rand, 0, G_N_ELEMENTS (loss));
      double lo = g_rand_int_range (rand, 0, 40), hi = lo + g_rand_int_range (rand, 0, 12);
      gsize max_inside = g_rand_boolean (rand) ? n / 4 : (gsize)g_rand_int_range (rand, 0, 6);

      for (gsize k = 0; k < n; k++)
        {
          /* Whole numbers, so states tie with each other and the ends. */
          loss[k] = g_rand_int_range (rand, 0, 50);
          p[k] = (guint64)g_rand_int (rand) << 24 | g_rand_int (rand);
        }
      for (int generic = 0; generic < 2; generic++)
        {
          SsVarScanArgs scan = { loss, p, n, lo, hi, round % 3 == 0 ? NULL : inside, max_inside };
          guint64 below = 0, p_inside = 0;
          gsize count = 0;

          _ss_engine_set_kernels (generic);
          memset (inside, 0xff, sizeof inside);
          _ss_engine_kernels ()->var_scan (&scan);
          for (gsize k = 0; k < n; k++)
            if (loss[k] < lo)
              below += p[k];
          g_assert_cmpuint (scan.below, ==, below);
          for (gsize k = 0; k < n; k++)
            if (loss[k] >= lo && loss[k] <= hi)
              {
                if (scan.inside != NULL && scan.n_inside <= max_inside)
                  {
                    g_assert_cmpfloat (inside[count].loss, ==, loss[k]);
                    g_assert_cmpuint (inside[count].p, ==, p[k]);
                  }
                p_inside += p[k];
                count++;
              }
          g_assert_cmpuint (scan.n_inside, ==, count);
          if (scan.inside != NULL && count <= max_inside)
            {
              g_assert_cmpuint (scan.p_inside, ==, p_inside);
              checked_lists += count > 0;
            }
          overflowed += count > max_inside;
        }
    }
  _ss_engine_set_kernels (FALSE);
  g_assert_cmpuint (checked_lists, >, 100);
  g_assert_cmpuint (overflowed, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/scale/kernels", test_kernels);
  g_test_add_func ("/engine/scale/var-scan", test_var_scan);
  g_test_add_func ("/engine/scale/threads", test_threads);
  g_test_add_func ("/engine/scale/update-item", test_update_item);
  g_test_add_func ("/engine/scale/update-copy", test_update_copy);
  g_test_add_func ("/engine/scale/copy-again", test_copy_again);
  return g_test_run ();
}
