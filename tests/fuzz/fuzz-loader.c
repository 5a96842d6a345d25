/* fuzz-loader.c: the study loader as a libFuzzer target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, the loader either refuses them with messages of
 * the form "NAME:LINE: error: ..." or gives a study that
 *   - saves and loads back to an equal study, whose saved text is the
 *     same again (save → load → save is stable);
 *   - projects, in the baseline and in every scenario, to figures that
 *     are all finite, except where model.md makes them undefined (NaN in
 *     memory, null in the report).
 * Any other outcome aborts, which libFuzzer records as a crash. A hang
 * or a quadratic blow-up shows as a libFuzzer timeout.
 *
 * Built twice: with libFuzzer (-Dfuzzing=true, clang) to search, and
 * with replay.c's main() in every build to run the corpus and the
 * hostile files as a test.
 */

#define G_LOG_DOMAIN "supplyshift-fuzz"

#include "config.h"

#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "ss-engine.h"
#include "ss-study-file.h"

#define NAME "fuzz.supplyshift"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const guint8  *data,
                            size_t         size);

static void
check_refusal (const GError *error)
{
  g_auto(GStrv) lines = NULL;

  if (error == NULL || error->domain != SS_STUDY_ERROR)
    g_error ("refused without a study error");
  lines = g_strsplit (error->message, "\n", -1);
  for (guint k = 0; lines[k] != NULL; k++)
    {
      const char *rest = lines[k] + strlen (NAME);

      if (*lines[k] == '\0' && lines[k + 1] == NULL)
        break;                          /* a final newline */
      if (!g_str_has_prefix (lines[k], NAME))
        g_error ("a message that does not name the file: %s", lines[k]);
      if (*rest == ':')
        rest++;
      while (g_ascii_isdigit (*rest))
        rest++;
      if (*rest == ':')
        rest++;
      if (!g_str_has_prefix (rest, " error: ") || rest[strlen (" error: ")] == '\0')
        g_error ("a message not of the form NAME:LINE: error: MESSAGE: %s", lines[k]);
    }
}

static SsStudy *
load (const char  *text,
      gsize        length,
      GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, length);

  return ss_study_load_bytes (bytes, NAME, error);
}

static void
check_round_trip (SsStudy *study)
{
  g_autofree char *xml = ss_study_to_xml (study);
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) reloaded = load (xml, strlen (xml), &error);

  if (reloaded == NULL)
    g_error ("a loaded study saves to a file that does not load:\n%s\n--- saved as:\n%s",
             error->message, xml);
  if (!ss_study_equal (study, reloaded))
    g_error ("save → load changed the study; saved as:\n%s", xml);
  again = ss_study_to_xml (reloaded);
  if (strcmp (xml, again) != 0)
    g_error ("save → load → save changed the text; first:\n%s\n--- then:\n%s", xml, again);
}

static void
check_finite (const char   *what,
              const double *values,
              gsize         n)
{
  for (gsize k = 0; k < n; k++)
    if (!isfinite (values[k]))
      g_error ("%s[%" G_GSIZE_FORMAT "] is %g", what, k, values[k]);
}

/* A portfolio average may be undefined only where its weights sum to 0. */
static void
check_average (const char   *what,
               const double *values,
               const double *weight_sum,
               guint         n_rows,
               guint         n_years)
{
  for (guint r = 0; r < n_rows; r++)
    for (guint t = 0; t < n_years; t++)
      {
        double v = values[(gsize)r * n_years + t];

        if (isnan (v) && weight_sum[(gsize)r * n_years + t] <= 0)
          continue;
        if (!isfinite (v))
          g_error ("%s[%u][year %u] is %g with weights summing to %g",
                   what, r, t, v, weight_sum[(gsize)r * n_years + t]);
      }
}

static void
check_projection (SsStudy            *study,
                  const SsProjection *p)
{
  guint ni = p->n_items, nc = p->n_countries, ng = p->n_groups, ny = p->n_years;
  guint home = ss_study_get_meta (study)->home;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autofree double *cost_sum = g_new0 (double, ny);
  g_autofree double *spend_sum = g_new0 (double, (gsize)nc * ny);
  g_autofree double *group_weight = g_new0 (double, (gsize)MAX (ng, 1) * ny);
  gsize nit = (gsize)ni * ny, nict = nit * nc;

  g_assert_cmpuint (ni, ==, ss_study_get_n_items (study));
  g_assert_cmpuint (nc, ==, ss_study_get_n_countries (study));
  g_assert_cmpuint (ny, ==, (guint)ss_study_get_meta (study)->horizon + 1);
  ss_study_get_groups (study, groups);
  g_assert_cmpuint (ng, ==, groups->len);

  check_finite ("share", p->share, nict);
  check_finite ("spend", p->spend, nict);
  check_finite ("cost", p->cost, nit);
  check_finite ("switching", p->switching, nit);
  check_finite ("subsidy", p->subsidy, nit);
  check_finite ("hhi", p->hhi, nit);
  check_finite ("supply_risk", p->supply_risk, nit);
  check_finite ("expected_shortfall", p->expected_shortfall, nit);
  check_finite ("p_shortfall_10", p->p_shortfall_10, nit);
  check_finite ("total_cost_purchase", p->total_cost_purchase, ny);
  check_finite ("total_switching", p->total_switching, ny);
  check_finite ("total_subsidy", p->total_subsidy, ny);
  check_finite ("total_cost", p->total_cost, ny);
  check_finite ("cost_premium", p->cost_premium, ny);
  check_finite ("expected_shortfall_impact", p->expected_shortfall_impact, ny);
  check_finite ("var95_shortfall_impact", p->var95_shortfall_impact, ny);
  check_finite ("npv_cost_premium", &p->npv_cost_premium, 1);
  check_finite ("npv_subsidy", &p->npv_subsidy, 1);

  /* An item's group HHI is undefined when it buys nothing from the group
   * (model.md §4), and only then. */
  for (guint i = 0; i < ni; i++)
    for (guint g = 0; g < ng; g++)
      for (guint t = 0; t < ny; t++)
        {
          double h = p->group_hhi[((gsize)i * ng + g) * ny + t];
          double in_group = 0;

          for (guint c = 0; c < nc; c++)
            {
              const char *group = ss_study_get_country (study, c)->group;

              if (group != NULL && strcmp (group, g_ptr_array_index (groups, g)) == 0)
                in_group += p->share[((gsize)i * nc + c) * ny + t];
            }
          /* Shares within 1e-12 of 0 are 0 (model.md §2). */
          if (isnan (h) ? in_group > 1e-12 : !isfinite (h))
            g_error ("group_hhi[%u][%u][year %u] is %g with a group share of %g",
                     i, g, t, h, in_group);
          if (!isnan (h))
            group_weight[(gsize)g * ny + t] += p->cost[(gsize)i * ny + t];
        }

  /* Portfolio averages are undefined only when their weights sum to 0:
   * no cost in the year, no spend at all, no item with a group figure.
   * The sums are taken in the engine's order, so they round alike. */
  for (guint t = 0; t < ny; t++)
    for (guint i = 0; i < ni; i++)
      cost_sum[t] += p->cost[(gsize)i * ny + t];
  for (guint t = 0; t < ny; t++)
    for (guint c = 0; c < nc; c++)
      {
        double by_country = 0;

        for (guint i = 0; i < ni; i++)
          by_country += p->spend[((gsize)i * nc + c) * ny + t];
        spend_sum[t] += by_country;
      }
  for (guint c = 1; c < nc; c++)
    memcpy (spend_sum + (gsize)c * ny, spend_sum, ny * sizeof (double));
  check_average ("portfolio_hhi", p->portfolio_hhi, cost_sum, 1, ny);
  check_average ("portfolio_supply_risk", p->portfolio_supply_risk, cost_sum, 1, ny);
  check_average ("spend_share", p->spend_share, spend_sum, nc, ny);
  check_average ("portfolio_group_hhi", p->portfolio_group_hhi, group_weight, ng, ny);

  /* The top country is a foreign one, or -1 only with none declared. */
  for (gsize it = 0; it < nit; it++)
    {
      int top = p->top_country[it];

      if (top == -1 ? nc > 1 : top < 0 || (guint)top >= nc || (guint)top == home)
        g_error ("top_country[%" G_GSIZE_FORMAT "] is %d (home %u of %u)", it, top, home, nc);
      if (p->alert[it] > SS_ALERT_CRITICAL)
        g_error ("alert[%" G_GSIZE_FORMAT "] is %u", it, p->alert[it]);
    }
  for (guint t = 0; t < ny; t++)
    {
      guint counted = 0;

      for (guint level = SS_ALERT_NONE; level <= SS_ALERT_CRITICAL; level++)
        counted += p->alert_count[level * ny + t];
      if (counted != ni)
        g_error ("year %u: alerts counted for %u of %u items", t, counted, ni);
    }
}

/* g_error () and fatal warnings stop with SIGTRAP, which libFuzzer does
 * not catch: turn it into an abort, so the input is saved. */
static void
on_trap (int signum)
{
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  signal (SIGTRAP, on_trap);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) study = load ((const char *)data, size, &error);
  g_autoptr(SsProjection) baseline = NULL;
  g_autoptr(SsProjection) projection = NULL;

  if (study == NULL)
    {
      check_refusal (error);
      return 0;
    }
  g_assert_no_error (error);

  check_round_trip (study);

  baseline = ss_projection_new ();
  projection = ss_projection_new ();
  ss_engine_project (study, SS_BASELINE, NULL, baseline);
  check_projection (study, baseline);
  for (guint s = 0; s < ss_study_get_n_scenarios (study); s++)
    {
      ss_engine_project (study, (int)s, baseline, projection);
      check_projection (study, projection);
    }
  return 0;
}
