/* ss-engine.c: projects a scenario of a study, or a cell of the stress grid, year by year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This runs on every slider move, so it allocates nothing once the
 * projection has the right size, and the disruption figures, which
 * model.md asks to be exact (no sampling), are built set by set: the days
 * lost for a set of disrupted countries are the days lost for the set
 * without its highest country plus that country's, one addition per set.
 *
 * Two distributions are involved (model.md §4). An item's expected
 * shortfall and P10 need only its own marginals: the 2^n sets of the
 * countries that can disrupt it. VaR95 needs the joint states of all
 * countries: a country whose items have m distinct disruption
 * probabilities has m + 1 states. Each joint state is held at an index in
 * mixed radix, one digit e_c = m_c − σ_c per country (so e_c = m_c is
 * "everything from c disrupted"); when every country has one probability,
 * as in a version-1 study, that index is the very mask of disrupted
 * countries, and each item's shortfalls are added to the joint losses as
 * they are, in one vectorisable loop. Otherwise each item is mapped onto
 * the joint states, either directly (a table from joint state to the
 * item's mask) or, where the states are many and the item's sets few,
 * through its Möbius transform: the item's loss becomes a sum of
 * indicators of orthants, added as points and summed up in one pass per
 * country, so no item costs more than its own 2^n sets.
 *
 * A projection runs in three phases, each split into tasks for
 * ss-parallel.c's threads: the items' paths and costs (one task per
 * chunk of items), their disruption sets (one task per block of years, so
 * that each year's joint losses are summed by one thread in the order of
 * the items, as with one thread), and VaR95 (one task per year). The
 * figures are the same bit for bit on any number of threads. The sets'
 * loops themselves are in ss-engine-kernels.c.
 */

#define G_LOG_DOMAIN "supplyshift-engine"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-engine.h"
#include "ss-engine-kernels.h"
#include "ss-parallel.h"
#include "ss-figures.h"

#define ALERT_EPSILON  1e-9
#define TARGET_EPSILON 1e-9
#define ZERO_SHARE     1e-12
#define VAR_LEVEL      (0.95 - 1e-12)

/* A projection keeps its scratch memory for the next recompute, unless it
 * grew past this for a study with very many disruption states. */
#define SCRATCH_KEEP   (8 * 1024 * 1024)
/* Joint states times years from which a slider step is shared out. */
#define UPDATE_PARALLEL_STATES (1 << 16)

G_DEFINE_QUARK (ss-engine-error-quark, ss_engine_error)

SsProjection *
ss_projection_new (void)
{
  static guint last_id;
  SsProjection *self = g_new0 (SsProjection, 1);

  self->scenario = SS_BASELINE;
  self->shock = SS_NO_SHOCK;
  /* Projections are made in workers too. */
  self->id = (guint)g_atomic_int_add ((int *)&last_id, 1) + 1;
  return self;
}

/* Notes a change of p's figures: of one item's and the portfolio's (a
 * slider step), or of more (item < 0). A copy of p then knows what it
 * has to take again (ss_projection_copy_into()); p itself is no longer
 * a copy of anything. */
static void
projection_changed (SsProjection *p,
                    int           item)
{
  p->serial++;
  p->copy_of = 0;
  if (item < 0)
    p->whole_serial = p->serial;
  else
    p->changed_item[p->serial % G_N_ELEMENTS (p->changed_item)] = item;
}

typedef struct _State State;
static void state_free (State *state);

void
ss_projection_free (SsProjection *self)
{
  if (self == NULL)
    return;
  state_free (self->state);
  g_free (self->block);
  g_free (self->scratch);
  g_free (self);
}

const char *
ss_alert_level_to_string (SsAlertLevel level)
{
  static const char *names[] = { "none", "watch", "warning", "critical" };

  g_return_val_if_fail (level <= SS_ALERT_CRITICAL, "none");
  return names[level];
}

/* Lays every array out in one block, reused while the shape stays the same. */
static void
projection_resize (SsProjection *p,
                   guint         n_items,
                   guint         n_countries,
                   guint         n_groups,
                   guint         n_years)
{
  gsize ni = n_items, nc = n_countries, ng = n_groups, ny = n_years;
  gsize doubles = ny * (ni * (2 * nc + ng + 7) + 11 + ng + nc);
  gsize ints = ny * (ni + 5) + ni;
  gsize size = doubles * sizeof (double) + ints * sizeof (int) + 2 * ni * ny;
  double *d;
  int *k;
  guint8 *b;

  if (p->block != NULL && p->block_size == size && p->n_items == n_items
      && p->n_countries == n_countries && p->n_groups == n_groups && p->n_years == n_years)
    return;

  g_free (p->block);
  p->block = g_malloc0 (size);
  p->block_size = size;
  p->n_items = n_items;
  p->n_countries = n_countries;
  p->n_groups = n_groups;
  p->n_years = n_years;

  d = p->block;
#define TAKE(field, rows) (p->field = d, d += (rows) * ny)
  TAKE (share, ni * nc);
  TAKE (spend, ni * nc);
  TAKE (group_hhi, ni * ng);
  TAKE (cost, ni);
  TAKE (switching, ni);
  TAKE (subsidy, ni);
  TAKE (hhi, ni);
  TAKE (supply_risk, ni);
  TAKE (expected_shortfall, ni);
  TAKE (p_shortfall_10, ni);
  TAKE (total_cost_purchase, 1);
  TAKE (total_switching, 1);
  TAKE (total_subsidy, 1);
  TAKE (total_cost, 1);
  TAKE (cost_premium, 1);
  TAKE (portfolio_hhi, 1);
  TAKE (portfolio_supply_risk, 1);
  TAKE (expected_shortfall_impact, 1);
  TAKE (var95_shortfall_impact, 1);
  TAKE (max_foreign_spend_share, 1);
  TAKE (policy_target, 1);
  TAKE (portfolio_group_hhi, ng);
  TAKE (spend_share, nc);
#undef TAKE
  k = (int *)d;
  p->top_country = k;
  k += ni * ny;
  p->alert_count = k;
  k += 4 * ny;
  p->over_target_count = k;
  k += ny;
  p->target_met_year = k;
  k += ni;
  b = (guint8 *)k;
  p->alert = b;
  b += ni * ny;
  p->over_target = b;
}

/* Copies item i's rows of every per-item array, and every portfolio
 * array, from src to dest (of the same shape). */
static void
copy_item_rows (SsProjection       *dest,
                const SsProjection *src,
                guint               i)
{
  gsize ny = src->n_years, nc = src->n_countries, ng = src->n_groups;
  const char *portfolio = (const char *)src->total_cost_purchase;
  const char *doubles_end = (const char *)src->top_country;
#define ROWS(field, rows) \
  memcpy (dest->field + (gsize)i * (rows) * ny, src->field + (gsize)i * (rows) * ny, (rows) * ny * sizeof *src->field)

  ROWS (share, nc);
  ROWS (spend, nc);
  ROWS (group_hhi, ng);
  ROWS (cost, 1);
  ROWS (switching, 1);
  ROWS (subsidy, 1);
  ROWS (hhi, 1);
  ROWS (supply_risk, 1);
  ROWS (expected_shortfall, 1);
  ROWS (p_shortfall_10, 1);
  ROWS (top_country, 1);
  ROWS (alert, 1);
  ROWS (over_target, 1);
#undef ROWS
  dest->target_met_year[i] = src->target_met_year[i];
  /* The portfolio's doubles lie together after the per-item ones, and
   * its counts together after top_country. */
  memcpy ((char *)dest->block + (portfolio - (const char *)src->block), portfolio, doubles_end - portfolio);
  memcpy (dest->alert_count, src->alert_count, 5 * ny * sizeof (int));
}

/* Makes dest hold the same figures as src, reusing dest's memory when the
 * shape is the same: the layout follows from the shape, so one copy of
 * the block carries every array. A copy made again from the same
 * projection takes only what changed since: nothing, or the items a
 * slider moved and the portfolio (a drag's frame copies one item of a
 * 4 000-item study, not its 60 MB). */
void
ss_projection_copy_into (SsProjection       *dest,
                         const SsProjection *src)
{
  guint since;
  gboolean items = FALSE;

  g_return_if_fail (dest != NULL && src != NULL && src->block != NULL);

  since = dest->copy_of_serial;
  if (src->id != 0 && dest->copy_of == src->id && dest->block != NULL && dest->block_size == src->block_size
      && dest->n_items == src->n_items && dest->n_countries == src->n_countries
      && dest->n_groups == src->n_groups && dest->n_years == src->n_years
      && since >= src->whole_serial && src->serial - since <= G_N_ELEMENTS (src->changed_item))
    items = TRUE;

  if (items)
    {
      for (guint s = since + 1; s <= src->serial; s++)
        copy_item_rows (dest, src, (guint)src->changed_item[s % G_N_ELEMENTS (src->changed_item)]);
    }
  else
    {
      projection_resize (dest, src->n_items, src->n_countries, src->n_groups, src->n_years);
      memcpy (dest->block, src->block, src->block_size);
    }
  /* The copy's figures are no longer what its joint losses were made of:
   * an edit recomputes it in full. */
  g_clear_pointer ((State **)&dest->state, state_free);
  dest->scenario = src->scenario;
  dest->shock = src->shock;
  dest->npv_cost_premium = src->npv_cost_premium;
  dest->npv_subsidy = src->npv_subsidy;
  dest->too_many_states = src->too_many_states;
  if (!items || src->serial != since)
    projection_changed (dest, -1);
  dest->copy_of = src->id;
  dest->copy_of_serial = src->serial;
}

/* Grows the scratch keeping what it holds (the caller rebases its
 * pointers when the block moves). */
static void *
projection_scratch (SsProjection *p,
                    gsize         size)
{
  if (p->scratch_size < size)
    {
      p->scratch = g_realloc (p->scratch, size);
      p->scratch_size = size;
    }
  return p->scratch;
}

static void
projection_release_scratch (SsProjection *p)
{
  if (p->scratch_size > SCRATCH_KEEP)
    {
      g_clear_pointer (&p->scratch, g_free);
      p->scratch_size = 0;
    }
}

/* --- What a scenario or a stress-grid cell changes (model.md §1.1, §8) -- */

/* The strategy S and the shock K of S ⊕ K; a scenario on its own is
 * itself ⊕ no shock. */
typedef struct
{
  const SsStudy    *study;
  const SsScenario *strategy;          /* NULL: the baseline */
  const SsScenario *shock;             /* NULL: no shock */
} Combo;

static void
combo_init (Combo         *combo,
            const SsStudy *study,
            int            strategy,
            int            shock)
{
  combo->study = study;
  combo->strategy = strategy == SS_BASELINE ? NULL : ss_study_get_scenario (study, strategy);
  combo->shock = shock == SS_NO_SHOCK ? NULL : ss_study_get_scenario (study, shock);
}

static void
apply_override (const SsScenario *scenario,
                guint             country,
                double           *attr)
{
  const SsCountryOverride *ov;

  if (scenario == NULL || (ov = ss_scenario_find_override ((SsScenario *)scenario, country)) == NULL)
    return;
  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    if (ov->set & (1u << a))
      attr[a] = ov->attr[a];
}

/* x_c^s: the file's values, then S's override, then K's, per attribute. */
static void
combo_country (const Combo *combo,
               guint        country,
               double      *attr)
{
  memcpy (attr, ss_study_get_country (combo->study, country)->attr, SS_COUNTRY_N_ATTRS * sizeof (double));
  apply_override (combo->strategy, country, attr);
  apply_override (combo->shock, country, attr);
}

static gboolean
shocks_set (const SsScenario *scenario,
            SsDisruption      value)
{
  for (guint k = 0; scenario != NULL && k < scenario->shocks->len; k++)
    if (g_array_index (scenario->shocks, SsShock, k).set & (1u << value))
      return TRUE;
  return FALSE;
}

static void
apply_shocks (const SsScenario *scenario,
              guint             ni,
              guint             nc,
              double           *value[SS_DISRUPTION_N])
{
  for (guint k = 0; scenario != NULL && k < scenario->shocks->len; k++)
    {
      const SsShock *shock = &g_array_index (scenario->shocks, SsShock, k);
      guint n = shock->items != NULL ? shock->n_items : ni;

      for (guint j = 0; j < n; j++)
        {
          gsize at = (gsize)(shock->items != NULL ? shock->items[j] : j) * nc + shock->country;

          for (guint d = 0; d < SS_DISRUPTION_N; d++)
            if (shock->set & (1u << d))
              value[d][at] = shock->value[d];
        }
    }
}

/* Whether every source of S ⊕ K has its country's disruption values, as
 * in a version-1 study: no shock and no source's own value. */
static gboolean
combo_plain (const Combo *combo)
{
  const guint16 own = (1u << SS_SOURCE_DISRUPTION_PROBABILITY) | (1u << SS_SOURCE_DISRUPTION_SEVERITY)
                      | (1u << SS_SOURCE_DISRUPTION_DAYS);
  guint ni = ss_study_get_n_items (combo->study);
  guint nc = ss_study_get_n_countries (combo->study);

  if ((combo->strategy != NULL && combo->strategy->shocks->len > 0)
      || (combo->shock != NULL && combo->shock->shocks->len > 0))
    return FALSE;
  for (guint i = 0; i < ni; i++)
    {
      const SsItem *item = ss_study_get_item (combo->study, i);

      for (guint c = 0; c < nc; c++)
        if (item->sources[c].set & own)
          return FALSE;
    }
  return TRUE;
}

/* Whether every source of S ⊕ K has its country's disruption
 * probability: no shock and no source sets one of its own. */
static gboolean
combo_uniform (const Combo *combo)
{
  guint ni = ss_study_get_n_items (combo->study);
  guint nc = ss_study_get_n_countries (combo->study);

  if (shocks_set (combo->strategy, SS_DISRUPTION_PROBABILITY)
      || shocks_set (combo->shock, SS_DISRUPTION_PROBABILITY))
    return FALSE;
  for (guint i = 0; i < ni; i++)
    {
      const SsItem *item = ss_study_get_item (combo->study, i);

      for (guint c = 0; c < nc; c++)
        if (item->sources[c].set & (1u << SS_SOURCE_DISRUPTION_PROBABILITY))
          return FALSE;
    }
  return TRUE;
}

/* p_ic, v_ic and d_ic of every source, [item][country]: the last shock of
 * S ⊕ K that covers the source and sets the value, else the source's own,
 * else the country's in the scenario. Returns whether every source has its
 * country's probability (no item-level probability anywhere). */
static gboolean
combo_disruption (const Combo  *combo,
                  const double  eff[][SS_COUNTRY_N_ATTRS],
                  double       *value[SS_DISRUPTION_N])
{
  guint ni = ss_study_get_n_items (combo->study);
  guint nc = ss_study_get_n_countries (combo->study);
  gboolean uniform = !shocks_set (combo->strategy, SS_DISRUPTION_PROBABILITY)
                     && !shocks_set (combo->shock, SS_DISRUPTION_PROBABILITY);

  for (guint i = 0; i < ni; i++)
    {
      const SsItem *item = ss_study_get_item (combo->study, i);

      for (guint c = 0; c < nc; c++)
        {
          const SsSource *src = &item->sources[c];

          for (guint d = 0; d < SS_DISRUPTION_N; d++)
            {
              gboolean own = (src->set & (1u << SS_SOURCE_DISRUPTION (d))) != 0;

              value[d][(gsize)i * nc + c] = own ? src->attr[SS_SOURCE_DISRUPTION (d)]
                                                : eff[c][SS_COUNTRY_DISRUPTION (d)];
              if (own && d == SS_DISRUPTION_PROBABILITY)
                uniform = FALSE;
            }
        }
    }
  apply_shocks (combo->strategy, ni, nc, value);
  apply_shocks (combo->shock, ni, nc, value);
  return uniform;
}

void
ss_engine_effective_country (const SsStudy *study,
                             int            scenario,
                             guint          country,
                             double        *attr)
{
  Combo combo;

  combo_init (&combo, study, scenario, SS_NO_SHOCK);
  combo_country (&combo, country, attr);
}

/* u_ic(0) of model.md §3, k_ic · (1 + τ_ic + ℓ_c), with the scenario's
 * values of §1.1: an item's own cost index moves by the ratio of the
 * scenario's country index to the file's, its own tariff by the
 * difference, so an override on a country reaches every item bought
 * there. Written as a ratio and a difference so that where the scenario
 * changes nothing the item's own value comes out exactly. */
double
ss_engine_landed_unit (const SsSource *source,
                       const double   *file_country,
                       const double   *country)
{
  double k = country[SS_COUNTRY_COST_INDEX];
  double tau = country[SS_COUNTRY_TARIFF];

  if (source->set & (1u << SS_SOURCE_COST_INDEX))
    k = source->attr[SS_SOURCE_COST_INDEX]
        * (country[SS_COUNTRY_COST_INDEX] / file_country[SS_COUNTRY_COST_INDEX]);
  if (source->set & (1u << SS_SOURCE_TARIFF))
    tau = CLAMP (source->attr[SS_SOURCE_TARIFF]
                 + (country[SS_COUNTRY_TARIFF] - file_country[SS_COUNTRY_TARIFF]), 0, 5);
  return k * (1 + tau + country[SS_COUNTRY_LOGISTICS]);
}

/* --- Joint disruption states (model.md §4) ------------------------------ */

typedef struct
{
  guint    n;                          /* countries with a positive p for some item */
  guint    country[SS_MAX_COUNTRIES];
  guint    m[SS_MAX_COUNTRIES];        /* distinct positive p's of each */
  double  *q[SS_MAX_COUNTRIES];        /* those p's, ascending */
  gsize    stride[SS_MAX_COUNTRIES];   /* of its digit in a joint-state index */
  guint64  n_joint;                    /* Π (m + 1); SS_MAX_JOINT_STATES + 1 for more */
  int      worst;                      /* the country with the most distinct p's */
  gboolean simple;                     /* m = 1 for every one: one p per country */
} States;

/* Inserts v into the ascending list q of n values unless it is there. */
static guint
distinct_insert (double *q,
                 guint   n,
                 double  v)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (q[mid] < v)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < n && q[lo] == v)
    return n;
  memmove (&q[lo + 1], &q[lo], (n - lo) * sizeof (double));
  q[lo] = v;
  return n + 1;
}

/* q_storage holds nc · q_stride doubles: one a country when every
 * source has its country's probability, MAX (ni, 1) otherwise. */
static guint
q_stride (gboolean uniform,
          guint    ni)
{
  return uniform ? 1 : MAX (ni, 1);
}

static void
states_build (States       *st,
              guint         ni,
              guint         nc,
              const double *p,
              gboolean      uniform,
              const double  eff[][SS_COUNTRY_N_ATTRS],
              double       *q_storage)
{
  guint most = 0;

  st->n = 0;
  st->n_joint = 1;
  st->worst = -1;
  st->simple = TRUE;
  for (guint c = 0; c < nc; c++)
    {
      double *q = q_storage + (gsize)c * q_stride (uniform, ni);
      guint m = 0;

      if (uniform)
        {
          if (eff[c][SS_COUNTRY_DISRUPTION_PROBABILITY] > 0)
            q[m++] = eff[c][SS_COUNTRY_DISRUPTION_PROBABILITY];
        }
      else
        for (guint i = 0; i < ni; i++)
          if (p[(gsize)i * nc + c] > 0)
            m = distinct_insert (q, m, p[(gsize)i * nc + c]);
      if (m == 0)
        continue;
      st->country[st->n] = c;
      st->m[st->n] = m;
      st->q[st->n] = q;
      st->stride[st->n] = st->n_joint;
      st->n++;
      st->simple &= m == 1;
      if (m > most)
        most = m, st->worst = c;
      st->n_joint = st->n_joint * (m + 1) > SS_MAX_JOINT_STATES ? SS_MAX_JOINT_STATES + 1
                                                                 : st->n_joint * (m + 1);
    }
}

/* 1-based rank of p among the country's distinct p's; 0 for p = 0. */
static guint
states_rank (const States *st,
             guint         k,
             double        p)
{
  guint lo = 0, hi = st->m[k];

  if (p <= 0)
    return 0;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (st->q[k][mid] < p)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo + 1;
}

/* P(state) of every joint state, built one country at a time in the same
 * order of multiplication as set_probabilities(), so that with one p per
 * country the two agree bit for bit. */
static void
joint_probabilities (const States *st,
                     double       *out)
{
  gsize size = 1;

  out[0] = 1;
  for (guint k = 0; k < st->n; k++)
    {
      const double *q = st->q[k];
      guint m = st->m[k];

      /* Digit e is the state σ = m − e: U ∈ [q_σ, q_σ+1), q_0 = 0, q_m+1 = 1. */
      for (guint e = m + 1; e-- > 0;)
        {
          guint sigma = m - e;
          double lo = sigma == 0 ? 0 : q[sigma - 1];
          double hi = sigma == m ? 1 : q[sigma];
          double f = hi - lo;

          for (gsize j = 0; j < size; j++)
            out[e * size + j] = out[j] * f;
        }
      size *= m + 1;
    }
}

/* out[mask] = Π_k (bit k of mask ? p[k] : 1 − p[k]), for the 2^n sets. */
static void
set_probabilities (guint         n,
                   const double *p,
                   double       *out)
{
  out[0] = 1;
  for (guint k = 0; k < n; k++)
    {
      guint half = 1u << k;

      for (guint mask = 0; mask < half; mask++)
        {
          out[half + mask] = out[mask] * p[k];
          out[mask] = out[mask] * (1 - p[k]);
        }
    }
}

gboolean
ss_engine_check_joint_states (const SsStudy  *study,
                              int             strategy,
                              int             shock,
                              char          **message)
{
  guint ni = ss_study_get_n_items (study), nc = ss_study_get_n_countries (study);
  g_autofree double *values = g_new (double, (gsize)SS_DISRUPTION_N * MAX (ni * nc, 1));
  g_autofree double *q = g_new (double, (gsize)nc * MAX (ni, 1) + 1);   /* the larger stride */
  double *value[SS_DISRUPTION_N];
  double eff[SS_MAX_COUNTRIES][SS_COUNTRY_N_ATTRS];
  gboolean uniform;
  States st;
  Combo combo;

  g_return_val_if_fail (nc <= SS_MAX_COUNTRIES, FALSE);

  combo_init (&combo, study, strategy, shock);
  for (guint c = 0; c < nc; c++)
    combo_country (&combo, c, eff[c]);
  for (guint d = 0; d < SS_DISRUPTION_N; d++)
    value[d] = values + (gsize)d * ni * nc;
  uniform = combo_disruption (&combo, eff, value);
  states_build (&st, ni, nc, value[SS_DISRUPTION_PROBABILITY], uniform, eff, q);
  if (st.n_joint <= SS_MAX_JOINT_STATES)
    return TRUE;

  if (message != NULL)
    {
      GString *text = g_string_new (NULL);
      guint64 n_joint = 1;
      guint k = 0;

      /* The true count, for the message; it only needs to be near. */
      for (guint j = 0; j < st.n; j++)
        n_joint = n_joint < G_MAXUINT64 / (st.m[j] + 1) ? n_joint * (st.m[j] + 1) : G_MAXUINT64;
      while (st.country[k] != (guint)st.worst)
        k++;
      g_string_append_printf (text, "%" G_GUINT64_FORMAT " joint disruption states, expected at "
                              "most %u (2^18): country %s has %u distinct disruption "
                              "probabilities (", n_joint, SS_MAX_JOINT_STATES,
                              ss_study_get_country (study, st.worst)->code, st.m[k]);
      for (guint j = 0; j < st.m[k] && j < 12; j++)
        {
          char buf[SS_NUMBER_BUF];

          ss_format_number (buf, sizeof buf, st.q[k][j]);
          g_string_append_printf (text, j > 0 ? ", %s" : "%s", buf);
        }
      g_string_append (text, st.m[k] > 12 ? ", …)" : ")");
      *message = g_string_free (text, FALSE);
    }
  return FALSE;
}

/* --- The share path (model.md §2) -------------------------------------- */

/* Desired path toward the targets, rises capped by the ramps, falls
 * scaled down by the same proportion so the shares keep summing to 1;
 * rounding residue is no share at all. */
static void
share_path (guint         nc,
            guint         ny,
            const double *base,
            const double *target,
            const double *ramp,
            double        transition,
            double       *share,          /* [c][t] */
            double       *delta)          /* nc scratch */
{
  for (guint c = 0; c < nc; c++)
    share[c * ny] = fabs (base[c]) < ZERO_SHARE ? 0 : base[c];

  for (guint t = 1; t < ny; t++)
    {
      double f = MIN (1.0, t / transition);
      double rises = 0, falls = 0;

      for (guint c = 0; c < nc; c++)
        {
          double desired = base[c] + (target[c] - base[c]) * f;

          delta[c] = desired - share[c * ny + t - 1];
          if (delta[c] > 0)
            rises += MIN (delta[c], ramp[c]);
          else if (delta[c] < 0)
            falls += -delta[c];
        }

      for (guint c = 0; c < nc; c++)
        {
          double prev = share[c * ny + t - 1];
          double next = prev;

          if (delta[c] > 0)
            next = prev + MIN (delta[c], ramp[c]);
          else if (delta[c] < 0 && falls > 0)
            next = prev + delta[c] * rises / falls;
          share[c * ny + t] = fabs (next) < ZERO_SHARE ? 0 : next;
        }
    }
}

/* --- Shortfalls and VaR (model.md §4) ----------------------------------- */

/* Probabilities in fixed point, units of 2^-63 (truncated): sums of
 * them are exact, so they do not depend on the order in which a selection
 * meets the states, and the full selection and the one an edit makes near
 * the last VaR (ss_engine_update_item()) decide alike at every tie and at
 * the level's tolerance. Truncating each costs at most 2^-63, 2^18 of them
 * 3e-14 in all: well inside the level's 1e-12, and less than summing the
 * doubles themselves could lose. */
#define FIXED_ONE 9223372036854775808.0      /* 2^63 */

static inline guint64
to_fixed (double p)
{
  return (guint64)(p * FIXED_ONE);
}

typedef SsOutcome Outcome;

/* The smallest loss L such that the outcomes with a loss ≤ L, with the
 * probability `below` of those left out below them all, have a
 * probability ≥ level: a selection by three-way partitioning, so a year
 * costs a few passes over its states instead of a sort. Outcomes with the
 * same loss are taken together, as the definition says. */
static double
var_level (Outcome *o,
           gsize    n,
           guint64  below,
           guint64  level)
{
  double largest = o[0].loss;
  gsize lo = 0, hi = n;
  guint32 seed = 2463534242u;

  for (gsize k = 1; k < n; k++)
    largest = MAX (largest, o[k].loss);

  while (lo < hi)
    {
      /* The median of three at pseudo-random places: the joint states
       * come in an order (a mixed-radix count) that fixed places can
       * pick badly from again and again. */
      double a, b, c;

      seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
      a = o[lo + seed % (hi - lo)].loss;
      seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
      b = o[lo + seed % (hi - lo)].loss;
      seed ^= seed << 13, seed ^= seed >> 17, seed ^= seed << 5;
      c = o[lo + seed % (hi - lo)].loss;
      double pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
      guint64 p_less = 0, p_equal = 0;
      gsize lt = lo, gt = hi, k = lo;

      while (k < gt)
        {
          if (o[k].loss < pivot)
            {
              Outcome tmp = o[lt];

              p_less += o[k].p;
              o[lt++] = o[k];
              o[k++] = tmp;
            }
          else if (o[k].loss > pivot)
            {
              Outcome tmp = o[--gt];

              o[gt] = o[k];
              o[k] = tmp;
            }
          else
            {
              p_equal += o[k].p;
              k++;
            }
        }
      if (below + p_less >= level)
        hi = lt;
      else if (below + p_less + p_equal >= level)
        return pivot;
      else
        {
          below += p_less + p_equal;
          lo = gt;
        }
    }
  /* Only reached if the probabilities sum to less than the level. */
  return largest;
}

/* How an item's losses reach the joint states. */
typedef enum
{
  JOINT_NONE,                          /* too many states: no VaR */
  JOINT_IDENTITY,                      /* the joint index is the item's mask */
  JOINT_MAP,                           /* through a table, joint index → mask */
  JOINT_MOBIUS,                        /* as orthant points, summed up afterwards */
} JointMode;

/* The joint index → item mask table for one item, from its ranks. */
static void
build_map (const States *st,
           const guint  *bit_of,             /* [k]: the item's bit for state country k, or 0 */
           const guint  *threshold,          /* [k]: disrupted for digits e > threshold */
           guint32      *map)
{
  gsize size = 1;

  map[0] = 0;
  for (guint k = 0; k < st->n; k++)
    {
      guint m = st->m[k];

      for (guint e = m + 1; e-- > 0;)
        {
          guint32 bit = bit_of[k] != 0 && e > threshold[k] ? bit_of[k] : 0;

          for (gsize j = 0; j < size; j++)
            map[e * size + j] = map[j] | bit;
        }
      size *= m + 1;
    }
}

/* Turns a year's orthant points into losses: after one running sum along
 * each country's digit, an index holds the sum of the points at or below
 * it in every digit. */
static void
sum_orthants (const States *st,
              double       *joint)
{
  for (guint k = 0; k < st->n; k++)
    {
      gsize stride = st->stride[k], radix = st->m[k] + 1, block = stride * radix;

      /* The first countries' digits change fastest: their runs are too
       * short for the general loop, whose overhead would be most of the
       * work. */
      if (stride == 1 && radix == 2)
        for (gsize outer = 0; outer < st->n_joint; outer += 2)
          joint[outer + 1] += joint[outer];
      else if (stride == 1)
        for (gsize outer = 0; outer < st->n_joint; outer += radix)
          for (gsize e = 1; e < radix; e++)
            joint[outer + e] += joint[outer + e - 1];
      else if (radix == 2)
        for (gsize outer = 0; outer < st->n_joint; outer += block)
          {
            const double *restrict low = &joint[outer];
            double *restrict high = &joint[outer + stride];
            gsize j = 0;

            /* Four at a time, so the compiler keeps them in vector
             * registers. */
            for (; j + 4 <= stride; j += 4)
              {
                high[j] += low[j];
                high[j + 1] += low[j + 1];
                high[j + 2] += low[j + 2];
                high[j + 3] += low[j + 3];
              }
            for (; j < stride; j++)
              high[j] += low[j];
          }
      else
        for (gsize outer = 0; outer < st->n_joint; outer += block)
          for (gsize e = 1; e < radix; e++)
            for (gsize j = 0; j < stride; j++)
              joint[outer + e * stride + j] += joint[outer + (e - 1) * stride + j];
    }
}

/* --- The projection ------------------------------------------------------ */

/* Whether a source takes part in an item's disruption sets: it can be
 * disrupted, loses days when it is, and has a share in some year (a
 * share that is 0 at the base year and in the targets stays 0). The
 * others add nothing to any set, so leaving them out changes no figure
 * and halves the sets for each. */
static inline gboolean
source_can_disrupt (double p,
                    double loss_rate,
                    double base,
                    double target)
{
  return p > 0 && loss_rate > 0 && (base > 0 || target > 0);
}

/* A bit per year, in a 64-bit word. */
G_STATIC_ASSERT (SS_MAX_HORIZON + 1 <= 64);

/* What the disruption sets of an item need (phase two), found with its
 * path and costs (phase one). */
typedef struct
{
  guint64 possible;                    /* bit t: losing every country at once outlasts the stock */
  guint64 moved;                       /* bit t: t = 0, or a share of a country in active moved */
  double  stock;
  double  impact;
  double  active_p[SS_MAX_COUNTRIES];
  double  loss_rate[SS_MAX_COUNTRIES]; /* v · d of active[k] */
  guint8  active[SS_MAX_COUNTRIES];    /* the countries that can disrupt it */
  guint8  n_active;
  guint8  mode;                        /* JointMode, for this item */
  guint32 bits[SS_MAX_COUNTRIES];      /* by state country: its bit in the item's mask, or 0 */
  guint32 threshold[SS_MAX_COUNTRIES]; /* disrupted for digits above */
} ItemSets;

/* What the items of S ⊕ K share. */
typedef struct
{
  const SsStudy    *study;
  const SsMeta     *meta;
  Combo             combo;
  const SsScenario *sc;                /* the strategy; NULL for the baseline */
  guint             ni, nc, ny;
  GPtrArray        *groups;
  double            eff[SS_MAX_COUNTRIES][SS_COUNTRY_N_ATTRS];
  double            ramp[SS_MAX_COUNTRIES];
  double            growth_pow[SS_MAX_COUNTRIES][SS_MAX_HORIZON + 1];
  int               group_of[SS_MAX_COUNTRIES];
  gboolean          plain;             /* every source has its country's disruption values */
  double            country_value[SS_DISRUPTION_N][SS_MAX_COUNTRIES];
  double           *value[SS_DISRUPTION_N]; /* [item][country], unless plain */
  const States     *st;
  guint             state_of[SS_MAX_COUNTRIES]; /* country → index in st, or G_MAXUINT */
  JointMode         mode;
} Setup;

static void
setup_init (Setup         *su,
            const SsStudy *study,
            int            strategy,
            int            shock)
{
  memset (su, 0, sizeof *su);
  su->study = study;
  su->meta = ss_study_get_meta (study);
  combo_init (&su->combo, study, strategy, shock);
  su->sc = su->combo.strategy;
  su->ni = ss_study_get_n_items (study);
  su->nc = ss_study_get_n_countries (study);
  su->ny = su->meta->horizon + 1;
  su->groups = g_ptr_array_new ();
  ss_study_get_groups (study, su->groups);

  for (guint c = 0; c < su->nc; c++)
    {
      const SsCountry *country = ss_study_get_country (study, c);

      combo_country (&su->combo, c, su->eff[c]);
      su->ramp[c] = su->eff[c][SS_COUNTRY_RAMP];
      for (guint t = 0; t < su->ny; t++)
        su->growth_pow[c][t] = pow (1 + su->eff[c][SS_COUNTRY_COST_GROWTH], t);
      su->group_of[c] = -1;
      for (guint g = 0; country->group != NULL && g < su->groups->len; g++)
        if (strcmp (g_ptr_array_index (su->groups, g), country->group) == 0)
          su->group_of[c] = g;
      for (guint d = 0; d < SS_DISRUPTION_N; d++)
        su->country_value[d][c] = su->eff[c][SS_COUNTRY_DISRUPTION (d)];
    }
  su->plain = combo_plain (&su->combo);
}

static void
setup_clear (Setup *su)
{
  g_clear_pointer (&su->groups, g_ptr_array_unref);
}

static void
setup_states (Setup        *su,
              const States *st)
{
  su->st = st;
  for (guint c = 0; c < su->nc; c++)
    su->state_of[c] = G_MAXUINT;
  for (guint k = 0; k < st->n; k++)
    su->state_of[st->country[k]] = k;
}

/* How an item's sets map onto the joint states: bit k of its mask is
 * country active[k], disrupted for digits above m − rank. */
static void
item_sets_map (const Setup *su,
               JointMode    mode,
               ItemSets    *is)
{
  is->mode = mode;
  if (mode == JOINT_NONE)
    return;
  memset (is->bits, 0, sizeof is->bits);
  memset (is->threshold, 0, sizeof is->threshold);
  for (guint k = 0; k < is->n_active; k++)
    {
      guint s = su->state_of[is->active[k]];

      is->bits[s] = 1u << k;
      is->threshold[s] = su->st->m[s] - states_rank (su->st, s, is->active_p[k]);
    }
  if (mode == JOINT_MAP && su->st->simple && is->n_active == su->st->n)
    is->mode = JOINT_IDENTITY;
}

/* Phase one for item i: its share path, costs, concentration, alerts and
 * policy targets, into out's rows of the item, and what its disruption
 * sets need into *is. Touches nothing but the item's own rows, so items
 * run on any thread in any order. */
static void
project_item (const Setup  *su,
              guint         i,
              const double *item_p,
              const double *item_v,
              const double *item_d,
              SsProjection *out,
              ItemSets     *is)
{
  const SsItem *item = ss_study_get_item (su->study, i);
  const SsMeta *meta = su->meta;
  const SsScenario *sc = su->sc;
  const double *targets = sc != NULL ? sc->targets[i] : NULL;
  guint nc = su->nc, ny = su->ny, ng = su->groups->len;
  double *share = &out->share[(gsize)i * nc * ny];
  double value_i = item->attr[SS_ITEM_VALUE];
  double g = item->attr[SS_ITEM_GROWTH];
  double risk_scale = item->attr[SS_ITEM_SUBSTITUTABILITY] * (1 - item->attr[SS_ITEM_RECYCLING]);
  double switching = sc != NULL ? sc->switching_cost : 0;
  double subsidy = sc != NULL ? sc->subsidy : 0;
  double transition = sc != NULL ? sc->transition_years : 1;
  double base[SS_MAX_COUNTRIES], target[SS_MAX_COUNTRIES], unit[SS_MAX_COUNTRIES];
  double weight[SS_MAX_COUNTRIES], loss_rate[SS_MAX_COUNTRIES], delta[SS_MAX_COUNTRIES];
  double base_unit = 0, volume;
  int last_over = -1, first_in_force = -1;

  is->stock = ss_scenario_get_stockpile (su->combo.strategy, su->combo.shock, item, i);
  is->impact = item->attr[SS_ITEM_IMPACT];
  is->n_active = 0;
  is->possible = 0;
  is->moved = 1;
  for (guint c = 0; c < nc; c++)
    {
      const SsSource *src = &item->sources[c];
      const double *file = ss_study_get_country (su->study, c)->attr;

      base[c] = src->attr[SS_SOURCE_SHARE];
      target[c] = targets != NULL ? targets[c] : base[c];
      unit[c] = ss_engine_landed_unit (src, file, su->eff[c]);
      /* Q_i at the baseline's prices: the same physical quantity in
       * every scenario (model.md §3). */
      base_unit += base[c] * ss_engine_landed_unit (src, file, file);
      weight[c] = su->eff[c][SS_COUNTRY_GOVERNANCE] * src->attr[SS_SOURCE_TRADE_FACTOR];
      loss_rate[c] = item_v[c] * item_d[c];
      if (source_can_disrupt (item_p[c], loss_rate[c], base[c], target[c]))
        {
          is->active_p[is->n_active] = item_p[c];
          is->loss_rate[is->n_active] = loss_rate[c];
          is->active[is->n_active++] = c;
        }
    }
  volume = value_i / base_unit;

  item_sets_map (su, su->mode, is);

  share_path (nc, ny, base, target, su->ramp, transition, share, delta);

  for (guint t = 0; t < ny; t++)
    {
      gsize it = (gsize)i * ny + t;
      double demand_growth = pow (1 + g, t);
      double demand = volume * demand_growth;
      double unit_sum = 0, sq = 0, risk = 0, moved = 0, top_share = -1, days_all = 0;
      double group_sum[SS_MAX_COUNTRIES] = { 0 };
      int top = -1;
      SsAlertLevel level = SS_ALERT_NONE;
      gboolean over;

      for (guint c = 0; c < nc; c++)
        {
          double s = share[c * ny + t];
          double u = unit[c] * su->growth_pow[c][t];

          unit_sum += s * u;
          out->spend[((gsize)i * nc + c) * ny + t] = demand * s * u;
          sq += s * s;
          risk += s * s * weight[c];
          if (t > 0)
            moved += MAX (0, s - share[c * ny + t - 1]);
          if (c != meta->home && s > top_share)
            top_share = s, top = c;
          if (su->group_of[c] >= 0)
            group_sum[su->group_of[c]] += s;
          days_all += s * loss_rate[c];
        }

      out->cost[it] = demand * unit_sum;
      out->switching[it] = switching * moved * value_i * demand_growth;
      out->subsidy[it] = subsidy * out->switching[it];
      out->hhi[it] = 10000 * sq;
      out->supply_risk[it] = risk * risk_scale;
      out->top_country[it] = top;

      /* Σ (s / S)², not Σ s² / S²: shares as small as 1e-300 are
       * valid, and their squares would be 0 / 0. */
      for (guint gi = 0; gi < ng; gi++)
        {
          double h = 0;

          for (guint c = 0; c < nc && group_sum[gi] > 0; c++)
            if (su->group_of[c] == (int)gi)
              {
                double x = share[c * ny + t] / group_sum[gi];

                h += x * x;
              }
          out->group_hhi[((gsize)i * ng + gi) * ny + t] = group_sum[gi] > 0 ? 10000 * h : NAN;
        }

      for (int l = SS_ALERT_CRITICAL; l >= SS_ALERT_WATCH && top >= 0; l--)
        if (top_share >= meta->threshold[l - 1] - ALERT_EPSILON)
          {
            level = l;
            break;
          }
      out->alert[it] = level;

      /* model.md §6: over the policy target in force. */
      over = !isnan (out->policy_target[t]) && top >= 0
             && top_share > out->policy_target[t] + TARGET_EPSILON;
      out->over_target[it] = over;
      if (over)
        last_over = t;
      if (first_in_force < 0 && !isnan (out->policy_target[t]))
        first_in_force = t;

      /* When even losing every country at once cannot outlast the
       * stockpile, every shortfall is zero. */
      if (days_all > is->stock)
        is->possible |= G_GUINT64_CONSTANT (1) << t;
      for (guint k = 0; k < is->n_active && t > 0 && !(is->moved >> t & 1); k++)
        if (share[is->active[k] * ny + t] != share[is->active[k] * ny + t - 1])
          is->moved |= G_GUINT64_CONSTANT (1) << t;
    }

  /* The first year with a target in force from which the item is over
   * none, to the end. */
  {
    int met = MAX (first_in_force, last_over + 1);

    out->target_met_year[i] = first_in_force >= 0 && met < (int)ny ? met : -1;
  }
}

/* A thread's scratch for phase two, with what it last computed. */
typedef struct
{
  double  *set_p;                      /* [max_sets] */
  double  *x;
  double  *lost;
  double  *mobius;
  guint32 *map;                        /* [n_joint_sets] */
  Outcome *outcomes;                   /* [n_joint_sets] */
  gboolean set_p_valid;
  guint    set_p_n;
  guint8   set_p_active[SS_MAX_COUNTRIES];
  double   set_p_of[SS_MAX_COUNTRIES];
  gboolean map_valid;
  guint32  map_bits[SS_MAX_COUNTRIES];
  guint32  map_threshold[SS_MAX_COUNTRIES];
} Worker;

static gsize
worker_size (gsize max_sets,
             gsize n_joint_sets)
{
  return 4 * max_sets * sizeof (double) + n_joint_sets * (sizeof (guint32) + sizeof (Outcome));
}

static void
worker_init (Worker *w,
             char   *memory,
             gsize   max_sets,
             gsize   n_joint_sets)
{
  memset (w, 0, sizeof *w);
  w->outcomes = (Outcome *)memory;
  w->set_p = (double *)(w->outcomes + n_joint_sets);
  w->x = w->set_p + max_sets;
  w->lost = w->x + max_sets;
  w->mobius = w->lost + max_sets;
  w->map = (guint32 *)(w->mobius + max_sets);
}

/* P(D) for the item's sets, shared with the item before it when that had
 * the same countries and probabilities. */
static void
worker_set_p (Worker         *w,
              const ItemSets *is)
{
  guint n = is->n_active, n_sets = MAX (4, 1u << n);
  gboolean same = w->set_p_valid && w->set_p_n == n;

  for (guint k = 0; k < n && same; k++)
    same = w->set_p_active[k] == is->active[k] && w->set_p_of[k] == is->active_p[k];
  if (same)
    return;
  set_probabilities (n, is->active_p, w->set_p);
  for (guint mask = 1u << n; mask < n_sets; mask++)
    w->set_p[mask] = 0;
  memcpy (w->set_p_active, is->active, n);
  memcpy (w->set_p_of, is->active_p, n * sizeof (double));
  w->set_p_n = n;
  w->set_p_valid = TRUE;
}

static void
worker_map (Worker         *w,
            const States   *st,
            const ItemSets *is)
{
  guint bits[SS_MAX_COUNTRIES], threshold[SS_MAX_COUNTRIES];
  gboolean same = w->map_valid;

  for (guint k = 0; k < st->n && same; k++)
    same = w->map_bits[k] == is->bits[k] && w->map_threshold[k] == is->threshold[k];
  if (same)
    return;
  for (guint k = 0; k < st->n; k++)
    bits[k] = is->bits[k], threshold[k] = is->threshold[k];
  build_map (st, bits, threshold, w->map);
  memcpy (w->map_bits, is->bits, st->n * sizeof (guint32));
  memcpy (w->map_threshold, is->threshold, st->n * sizeof (guint32));
  w->map_valid = TRUE;
}

/* x(D) = Σ_{T ⊆ D} μ(T); each μ(T) is added at the lowest joint state in
 * which every country of T disrupts the item, and the running sums of
 * sum_orthants() make them losses. */
static void
mobius_add (const Setup    *su,
            const ItemSets *is,
            Worker         *w,
            double          cost_impact,
            double         *year_joint)
{
  const States *st = su->st;
  guint n = is->n_active;

  memcpy (w->mobius, w->x, ((gsize)1 << n) * sizeof (double));
  for (guint k = 0; k < n; k++)
    for (guint mask = 0; mask < (1u << n); mask++)
      if (mask & (1u << k))
        w->mobius[mask] -= w->mobius[mask ^ (1u << k)];
  for (guint mask = 0; mask < (1u << n); mask++)
    if (w->mobius[mask] != 0)
      {
        gsize corner = 0;

        for (guint k = 0; k < n; k++)
          if (mask & (1u << k))
            {
              guint s = su->state_of[is->active[k]];

              corner += (is->threshold[s] + 1) * st->stride[s];
            }
        year_joint[corner] += w->mobius[mask] * cost_impact;
      }
}

/* What a projection keeps for ss_engine_update_item(): the joint losses
 * L(σ) of every year and the sums its portfolio figures are made of. */
struct _State
{
  guint     ni, nc, ng, ny;
  int       strategy, shock;
  JointMode mode;
  gboolean  plain;
  States    st;                        /* its q point into q_values */
  double   *q_values;
  gsize     n_joint, n_joint_sets;
  double   *joint;                     /* [t][n_joint_sets], after the orthant sums */
  guint64  *p_fixed;                   /* [n_joint_sets] */
  double   *spend;                     /* Σ_i spend, [c][t] */
  double   *cost_hhi;                  /* Σ_i C · HHI, [t] */
  double   *cost_risk;                 /* Σ_i C · SR, [t] */
  double   *group_sum;                 /* Σ_i C · group HHI where defined, [g][t] */
  double   *group_weight;              /* Σ_i C where it is, [g][t] */
  int      *group_count;               /* the items where it is, [g][t] */
  gsize     size;
};

/* The joint losses are kept up to this size (2^16 states over 51 years is
 * 27 MiB); a study with more states recomputes in full on every edit. */
#define STATE_KEEP (64 * 1024 * 1024)

static void
state_free (State *state)
{
  if (state == NULL)
    return;
  g_free (state->q_values);
  g_free (state->joint);
  g_free (state);
}

static void
projection_drop_state (SsProjection *p)
{
  g_clear_pointer ((State **)&p->state, state_free);
}

/* A state the size of this projection, its memory reused. */
static State *
state_ensure (SsProjection *p,
              const Setup  *su,
              const States *st,
              gsize         n_joint,
              gsize         n_joint_sets)
{
  guint ny = su->ny, nc = su->nc, ng = su->groups->len;
  gsize n_q = 0, doubles = n_joint_sets * ny + (gsize)ny * (nc + 2 + 2 * ng);
  gsize size = doubles * sizeof (double) + n_joint_sets * sizeof (guint64)
               + (gsize)ng * ny * sizeof (int);
  State *state = p->state;
  double *d;

  if (size > STATE_KEEP)
    {
      projection_drop_state (p);
      return NULL;
    }
  if (state == NULL)
    state = p->state = g_new0 (State, 1);
  if (state->size != size)
    {
      g_free (state->joint);
      state->joint = g_malloc (size);
      state->size = size;
    }
  state->ni = su->ni;
  state->nc = nc;
  state->ng = ng;
  state->ny = ny;
  state->n_joint = n_joint;
  state->n_joint_sets = n_joint_sets;
  d = state->joint + n_joint_sets * ny;
  state->spend = d, d += (gsize)nc * ny;
  state->cost_hhi = d, d += ny;
  state->cost_risk = d, d += ny;
  state->group_sum = d, d += (gsize)ng * ny;
  state->group_weight = d, d += (gsize)ng * ny;
  state->p_fixed = (guint64 *)d;
  state->group_count = (int *)(state->p_fixed + n_joint_sets);

  /* The states, with their own copy of the probabilities. */
  for (guint k = 0; k < st->n; k++)
    n_q += st->m[k];
  g_free (state->q_values);
  state->q_values = g_new (double, MAX (n_q, 1));
  state->st = *st;
  n_q = 0;
  for (guint k = 0; k < st->n; k++)
    {
      memcpy (state->q_values + n_q, st->q[k], st->m[k] * sizeof (double));
      state->st.q[k] = state->q_values + n_q;
      n_q += st->m[k];
    }
  return state;
}

/* Everything a full projection's threads share. */
typedef struct
{
  Setup        *su;
  SsProjection *out;
  ItemSets     *items;
  Worker       *workers;
  double       *joint;                 /* [t][n_joint_sets] */
  const guint64 *p_fixed;
  gsize         n_joint;
  gsize         n_joint_sets;
  guint         n_chunks;
  guint         block_start[SS_MAX_HORIZON + 2];
  guint         n_blocks;
} Run;

#define ITEM_CHUNK 64

static void
run_items (gpointer data,
           guint    task,
           guint    worker)
{
  Run *run = data;
  const Setup *su = run->su;
  guint end = MIN (su->ni, (task + 1) * ITEM_CHUNK);

  for (guint i = task * ITEM_CHUNK; i < end; i++)
    {
      gsize at = (gsize)i * su->nc;

      if (su->plain)
        project_item (su, i, su->country_value[SS_DISRUPTION_PROBABILITY],
                      su->country_value[SS_DISRUPTION_SEVERITY],
                      su->country_value[SS_DISRUPTION_DAYS], run->out, &run->items[i]);
      else
        project_item (su, i, &su->value[SS_DISRUPTION_PROBABILITY][at],
                      &su->value[SS_DISRUPTION_SEVERITY][at], &su->value[SS_DISRUPTION_DAYS][at],
                      run->out, &run->items[i]);
    }
}

/* The years t whose joint losses wait for the x(D) the worker holds. */
typedef struct
{
  guint   n;
  double *rows[SS_MAX_HORIZON + 1];
  double  cost_impact[SS_MAX_HORIZON + 1];
} Pending;

static void
pending_flush (Pending        *pending,
               const double   *x,
               const guint32  *map,
               gsize           n)
{
  SsJointAddArgs args = { x, map, n, pending->n, pending->rows, pending->cost_impact };

  if (pending->n > 0)
    _ss_engine_kernels ()->joint_add (&args);
  pending->n = 0;
}

/* Phase two for item i in years t0 … t1 − 1: ES, P10 and the item's share
 * of the joint losses. Years whose shares did not move reuse the last
 * year's sets (only the cost they weigh changes), within the block only,
 * so a block gives the same figures on whichever thread it runs. */
static void
item_sets_years (Run      *run,
                 Worker   *w,
                 guint     i,
                 guint     t0,
                 guint     t1)
{
  const Setup *su = run->su;
  const ItemSets *is = &run->items[i];
  SsProjection *out = run->out;
  const SsKernels *kernels = _ss_engine_kernels ();
  const double *share = &out->share[(gsize)i * su->nc * su->ny];
  gsize n_sets = MAX (4, (gsize)1 << is->n_active);
  gsize n_add = is->mode == JOINT_IDENTITY ? n_sets : run->n_joint;
  const guint32 *map = is->mode == JOINT_MAP ? w->map : NULL;
  gboolean have = FALSE;
  Pending pending = { 0 };

  if (((is->possible >> t0) & ((G_GUINT64_CONSTANT (1) << (t1 - t0)) - 1)) != 0)
    {
      worker_set_p (w, is);
      if (is->mode == JOINT_MAP)
        worker_map (w, su->st, is);
    }

  for (guint t = t0; t < t1; t++)
    {
      gsize it = (gsize)i * su->ny + t;
      double *year_joint = run->joint != NULL ? &run->joint[t * run->n_joint_sets] : NULL;
      double cost_impact = out->cost[it] * is->impact;

      if (!(is->possible >> t & 1))
        {
          out->expected_shortfall[it] = out->p_shortfall_10[it] = 0;
          have = FALSE;
          continue;
        }

      if (have && !(is->moved >> t & 1))
        {
          out->expected_shortfall[it] = out->expected_shortfall[it - 1];
          out->p_shortfall_10[it] = out->p_shortfall_10[it - 1];
        }
      else
        {
          double days[SS_MAX_COUNTRIES];
          /* x(D) is kept for the years after it whose shares stay. */
          gboolean again = t + 1 < t1 && (is->possible >> (t + 1) & 1) && !(is->moved >> (t + 1) & 1);
          SsSetsArgs args = { is->n_active, days, is->stock, w->set_p, w->lost, w->x,
                              is->mode == JOINT_IDENTITY ? year_joint : NULL, cost_impact,
                              again || is->mode != JOINT_IDENTITY };

          pending_flush (&pending, w->x, map, n_add);
          for (guint k = 0; k < is->n_active; k++)
            days[k] = share[is->active[k] * su->ny + t] * is->loss_rate[k];
          kernels->sets (&args);
          out->expected_shortfall[it] = args.es;
          out->p_shortfall_10[it] = args.p10;
          have = TRUE;
          if (is->mode == JOINT_IDENTITY)
            continue;                  /* added as they were computed */
        }

      if (is->mode == JOINT_IDENTITY || is->mode == JOINT_MAP)
        {
          pending.rows[pending.n] = year_joint;
          pending.cost_impact[pending.n++] = cost_impact;
        }
      else if (is->mode == JOINT_MOBIUS)
        mobius_add (su, is, w, cost_impact, year_joint);
    }
  pending_flush (&pending, w->x, map, n_add);
}

static void
run_year_block (gpointer data,
                guint    task,
                guint    worker)
{
  Run *run = data;
  Worker *w = &run->workers[worker];

  for (guint i = 0; i < run->su->ni; i++)
    item_sets_years (run, w, i, run->block_start[task], run->block_start[task + 1]);
}

/* Blocks of years of about equal work for n_workers threads: a year in
 * which an item's shares moved (or the first of a block) costs the sets
 * computed again, about three times adding them to the joint losses. */
static void
plan_year_blocks (Run   *run,
                  guint  n_workers)
{
  guint ny = run->su->ny;
  double work[SS_MAX_HORIZON + 1] = { 0 }, total = 0, done = 0;

  for (guint i = 0; i < run->su->ni; i++)
    {
      const ItemSets *is = &run->items[i];
      double sets = MAX (4, 1u << is->n_active);

      for (guint t = 0; t < ny; t++)
        if (is->possible >> t & 1)
          work[t] += sets * (is->moved >> t & 1 ? 3 : 1);
    }
  for (guint t = 0; t < ny; t++)
    total += work[t];

  run->n_blocks = 0;
  run->block_start[0] = 0;
  for (guint t = 0; t < ny; t++)
    {
      done += work[t];
      if (t + 1 < ny && run->n_blocks + 1 < n_workers
          && done >= total * (run->n_blocks + 1) / n_workers)
        run->block_start[++run->n_blocks] = t + 1;
    }
  run->block_start[++run->n_blocks] = ny;
}

static void
run_var_year (gpointer data,
              guint    t,
              guint    worker)
{
  Run *run = data;
  const Setup *su = run->su;
  Outcome *outcomes = run->workers[worker].outcomes;
  double *year_joint = &run->joint[t * run->n_joint_sets];

  if (su->mode == JOINT_MOBIUS)
    sum_orthants (su->st, year_joint);
  for (gsize k = 0; k < run->n_joint_sets; k++)
    outcomes[k] = (Outcome) { year_joint[k], run->p_fixed[k] };
  run->out->var95_shortfall_impact[t] = var_level (outcomes, run->n_joint_sets, 0,
                                                   to_fixed (VAR_LEVEL));
}

/* The cost premium against baseline ⊕ K, and the net present values. */
static void
finish_premium (const Setup        *su,
                int                 strategy,
                const SsProjection *reference,
                SsProjection       *out)
{
  for (guint t = 0; t < su->ny; t++)
    {
      out->total_cost[t] = out->total_cost_purchase[t] + out->total_switching[t] - out->total_subsidy[t];
      out->cost_premium[t] = strategy == SS_BASELINE ? 0 : out->total_cost[t] - reference->total_cost[t];
    }
  out->npv_cost_premium = ss_npv (out->cost_premium, su->ny, su->meta->discount_rate);
  out->npv_subsidy = ss_npv (out->total_subsidy, su->ny, su->meta->discount_rate);
}

/* The spend shares of one year, from the spend by country. */
static void
finish_spend_shares (const Setup  *su,
                     const double *spend,          /* [c][t] */
                     guint         t,
                     SsProjection *out)
{
  guint ny = su->ny;
  double spend_total = 0;

  for (guint c = 0; c < su->nc; c++)
    spend_total += spend[c * ny + t];
  out->max_foreign_spend_share[t] = NAN;
  for (guint c = 0; c < su->nc; c++)
    {
      double s = spend_total > 0 ? spend[c * ny + t] / spend_total : NAN;

      out->spend_share[c * ny + t] = s;
      if (c != su->meta->home && !isnan (s)
          && (isnan (out->max_foreign_spend_share[t]) || s > out->max_foreign_spend_share[t]))
        out->max_foreign_spend_share[t] = s;
    }
}

/* Portfolio figures, weighted by each item's purchase cost; the sums an
 * edit updates go to the state, when there is one. */
static void
finish_portfolio (const Setup  *su,
                  SsProjection *out,
                  State        *state)
{
  guint ni = su->ni, nc = su->nc, ny = su->ny, ng = su->groups->len;
  double weight_sum[SS_MAX_HORIZON + 1];
  g_autofree double *own_spend = state == NULL ? g_new0 (double, (gsize)nc * ny) : NULL;
  double *spend = state != NULL ? state->spend : own_spend;

  memset (out->total_cost_purchase, 0, ny * sizeof (double));
  memset (out->total_switching, 0, ny * sizeof (double));
  memset (out->total_subsidy, 0, ny * sizeof (double));
  memset (out->portfolio_hhi, 0, ny * sizeof (double));
  memset (out->portfolio_supply_risk, 0, ny * sizeof (double));
  memset (out->expected_shortfall_impact, 0, ny * sizeof (double));
  memset (out->alert_count, 0, 4 * ny * sizeof (int));
  memset (out->over_target_count, 0, ny * sizeof (int));
  memset (spend, 0, (gsize)nc * ny * sizeof (double));
  if (state != NULL)
    {
      memset (state->cost_hhi, 0, ny * sizeof (double));
      memset (state->cost_risk, 0, ny * sizeof (double));
    }

  /* Spend by country, in the order of the items. */
  for (guint i = 0; i < ni; i++)
    for (guint c = 0; c < nc; c++)
      {
        const double *row = &out->spend[((gsize)i * nc + c) * ny];

        for (guint t = 0; t < ny; t++)
          spend[c * ny + t] += row[t];
      }

  for (guint t = 0; t < ny; t++)
    {
      weight_sum[t] = 0;
      for (guint i = 0; i < ni; i++)
        weight_sum[t] += out->cost[(gsize)i * ny + t];
      finish_spend_shares (su, spend, t, out);
    }

  for (guint i = 0; i < ni; i++)
    {
      double impact = ss_study_get_item (su->study, i)->attr[SS_ITEM_IMPACT];

      for (guint t = 0; t < ny; t++)
        {
          gsize it = (gsize)i * ny + t;
          double w = weight_sum[t] > 0 ? out->cost[it] / weight_sum[t] : 0;

          out->total_cost_purchase[t] += out->cost[it];
          out->total_switching[t] += out->switching[it];
          out->total_subsidy[t] += out->subsidy[it];
          out->portfolio_hhi[t] += w * out->hhi[it];
          out->portfolio_supply_risk[t] += w * out->supply_risk[it];
          out->expected_shortfall_impact[t] += out->cost[it] * impact * out->expected_shortfall[it];
          out->alert_count[out->alert[it] * ny + t]++;
          out->over_target_count[t] += out->over_target[it];
          if (state != NULL)
            {
              state->cost_hhi[t] += out->cost[it] * out->hhi[it];
              state->cost_risk[t] += out->cost[it] * out->supply_risk[it];
            }
        }
    }

  /* A weighted average over no weight is undefined: null, not 0. The
   * ranges of ss-attrs.c keep every cost positive, so this is a rule for
   * studies built in memory. */
  for (guint t = 0; t < ny; t++)
    if (!(weight_sum[t] > 0))
      out->portfolio_hhi[t] = out->portfolio_supply_risk[t] = NAN;

  for (guint gi = 0; gi < ng; gi++)
    for (guint t = 0; t < ny; t++)
      {
        double sum = 0, wsum = 0;
        int count = 0;

        for (guint i = 0; i < ni; i++)
          {
            double h = out->group_hhi[((gsize)i * ng + gi) * ny + t];
            double w = out->cost[(gsize)i * ny + t];

            if (!isnan (h))
              sum += w * h, wsum += w, count++;
          }
        out->portfolio_group_hhi[gi * ny + t] = wsum > 0 ? sum / wsum : NAN;
        if (state != NULL)
          {
            state->group_sum[gi * ny + t] = sum;
            state->group_weight[gi * ny + t] = wsum;
            state->group_count[gi * ny + t] = count;
          }
      }
}

void
ss_engine_project_cell (const SsStudy      *study,
                        int                 strategy,
                        int                 shock,
                        const SsProjection *reference,
                        SsProjection       *out)
{
  guint nc = ss_study_get_n_countries (study);
  guint ni = ss_study_get_n_items (study);
  guint ny = ss_study_get_meta (study)->horizon + 1;
  g_autoptr(SsProjection) own_reference = NULL;
  double *q_storage, *joint_p;
  guint64 *p_fixed;
  gsize n_joint = 0, n_joint_sets, max_sets, fixed, n_values;
  guint n_workers;
  gboolean uniform;
  State *state;
  States st;
  Setup su;
  Run run = { &su, out };

  g_return_if_fail (SS_IS_STUDY ((gpointer)study));
  g_return_if_fail (nc <= SS_MAX_COUNTRIES && ny <= SS_MAX_HORIZON + 1);

  setup_init (&su, study, strategy, shock);
  projection_resize (out, ni, nc, su.groups->len, ny);
  projection_changed (out, -1);
  out->scenario = strategy;
  out->shock = shock;

  /* The scratch: the sources' disruption values and the countries'
   * distinct probabilities first, then what the joint states need, which
   * is only known once those are. A version-1 study's sources all have
   * their countries' values: no table of them is needed. */
  uniform = su.plain || combo_uniform (&su.combo);
  n_values = su.plain ? 0 : (gsize)ni * nc;
  fixed = ((gsize)SS_DISRUPTION_N * n_values + (gsize)nc * q_stride (uniform, ni)) * sizeof (double);
  su.value[0] = projection_scratch (out, fixed);
  for (guint d = 1; d < SS_DISRUPTION_N; d++)
    su.value[d] = su.value[d - 1] + n_values;
  q_storage = su.value[SS_DISRUPTION_N - 1] + n_values;
  if (!su.plain)
    combo_disruption (&su.combo, (const double (*)[SS_COUNTRY_N_ATTRS])su.eff, su.value);
  states_build (&st, ni, nc, su.value[SS_DISRUPTION_PROBABILITY], uniform,
                (const double (*)[SS_COUNTRY_N_ATTRS])su.eff, q_storage);
  setup_states (&su, &st);

  out->too_many_states = st.n_joint > SS_MAX_JOINT_STATES;
  if (out->too_many_states)
    su.mode = JOINT_NONE;
  else
    {
      /* JOINT_MAP stands for JOINT_IDENTITY too, item by item. Per item
       * and year, a table costs one pass over the joint states, the
       * Möbius transform (n + 1) · 2^n for the item's n countries (and,
       * once a year, a running sum along each country's digit). */
      double cost_map = 0, cost_mobius = 0;

      for (guint k = 0; k < st.n; k++)
        cost_mobius += (double)st.n_joint * st.m[k] / (st.m[k] + 1);
      for (guint i = 0; i < ni; i++)
        {
          const SsItem *item = ss_study_get_item (study, i);
          const double *targets = su.sc != NULL ? su.sc->targets[i] : NULL;
          guint n = 0;

          for (guint c = 0; c < nc; c++)
            {
              gsize at = (gsize)i * nc + c;
              double b = item->sources[c].attr[SS_SOURCE_SHARE];
              double p = su.plain ? su.country_value[SS_DISRUPTION_PROBABILITY][c]
                                  : su.value[SS_DISRUPTION_PROBABILITY][at];
              double loss = su.plain ? su.country_value[SS_DISRUPTION_SEVERITY][c]
                                       * su.country_value[SS_DISRUPTION_DAYS][c]
                                     : su.value[SS_DISRUPTION_SEVERITY][at]
                                       * su.value[SS_DISRUPTION_DAYS][at];

              n += source_can_disrupt (p, loss, b, targets != NULL ? targets[c] : b);
            }
          cost_map += st.n_joint;
          cost_mobius += (double)(n + 1) * (1u << n);
        }
      su.mode = cost_mobius < cost_map ? JOINT_MOBIUS : JOINT_MAP;
    }
  out->joint_mode = st.simple && su.mode == JOINT_MAP ? JOINT_IDENTITY : su.mode;
  n_joint = su.mode == JOINT_NONE ? 0 : st.n_joint;
  n_joint_sets = MAX (4, n_joint);
  max_sets = MAX (4, (gsize)1 << st.n);

  /* The joint losses live in the state an edit updates, unless there are
   * too many of them to keep. */
  state = su.mode == JOINT_NONE ? NULL : state_ensure (out, &su, &st, n_joint, n_joint_sets);
  if (su.mode == JOINT_NONE)
    projection_drop_state (out);

  n_workers = ss_parallel_get_n_workers ();
  /* Threads only for work worth them: a few milliseconds at least. */
  if ((double)ni * ny * (nc + MIN (max_sets, (gsize)1 << 12)) < 2e6)
    n_workers = 1;
  {
    gsize items_size = (gsize)ni * sizeof (ItemSets);
    gsize joint_size = state != NULL ? 0 : n_joint_sets * ny * sizeof (double)
                                           + n_joint_sets * sizeof (guint64);
    gsize size = fixed + items_size + joint_size + n_joint_sets * sizeof (double)
                 + n_workers * worker_size (max_sets, n_joint_sets) + 64;
    char *base_ptr = projection_scratch (out, size), *at;

    /* The block may move as it grows: what it holds moves with it. */
    if ((double *)base_ptr != su.value[0])
      {
        su.value[0] = (double *)base_ptr;
        for (guint d = 1; d < SS_DISRUPTION_N; d++)
          su.value[d] = su.value[d - 1] + n_values;
        q_storage = su.value[SS_DISRUPTION_N - 1] + n_values;
        for (guint k = 0; k < st.n; k++)
          st.q[k] = q_storage + (gsize)st.country[k] * q_stride (uniform, ni);
      }
    at = base_ptr + fixed;
    run.items = (ItemSets *)at, at += items_size;
    joint_p = (double *)at, at += n_joint_sets * sizeof (double);
    if (state != NULL)
      {
        run.joint = state->joint;
        p_fixed = state->p_fixed;
      }
    else
      {
        run.joint = (double *)at, at += n_joint_sets * ny * sizeof (double);
        p_fixed = (guint64 *)at, at += n_joint_sets * sizeof (guint64);
      }
    run.workers = g_newa (Worker, n_workers);
    for (guint k = 0; k < n_workers; k++)
      {
        worker_init (&run.workers[k], at, max_sets, n_joint_sets);
        at += worker_size (max_sets, n_joint_sets);
      }
  }
  run.n_joint = n_joint;
  run.n_joint_sets = n_joint_sets;
  run.p_fixed = p_fixed;
  if (su.mode == JOINT_NONE)
    run.joint = NULL;
  else
    {
      joint_probabilities (&st, joint_p);
      for (gsize k = n_joint; k < n_joint_sets; k++)
        joint_p[k] = 0;
      for (gsize k = 0; k < n_joint_sets; k++)
        p_fixed[k] = to_fixed (joint_p[k]);
      memset (run.joint, 0, n_joint_sets * ny * sizeof (double));
    }

  for (guint t = 0; t < ny; t++)
    out->policy_target[t] = ss_study_policy_target_at (study, su.meta->base_year + (int)t);

  /* Phase one, items on every thread; two, blocks of years, so each year's
   * joint losses are summed by one thread in the order of the items. */
  ss_parallel_run ((ni + ITEM_CHUNK - 1) / ITEM_CHUNK, n_workers, run_items, &run);
  plan_year_blocks (&run, n_workers);
  ss_parallel_run (run.n_blocks, n_workers, run_year_block, &run);

  finish_portfolio (&su, out, state);

  /* VaR95: the smallest joint loss whose cumulative probability reaches
   * 95 % (less a tolerance, so a sum that is 0.95 on paper counts). */
  if (su.mode == JOINT_NONE)
    for (guint t = 0; t < ny; t++)
      out->var95_shortfall_impact[t] = NAN;
  else
    ss_parallel_run (ny, n_workers, run_var_year, &run);

  if (state != NULL)
    {
      state->strategy = strategy;
      state->shock = shock;
      state->mode = su.mode;
      state->plain = su.plain;
    }
  projection_release_scratch (out);

  /* The premium is against the baseline in the same world: baseline ⊕ K. */
  if (strategy != SS_BASELINE && reference == NULL)
    {
      own_reference = ss_projection_new ();
      ss_engine_project_cell (study, SS_BASELINE, shock, NULL, own_reference);
      reference = own_reference;
    }
  finish_premium (&su, strategy, reference, out);
  setup_clear (&su);
}

void
ss_engine_project (const SsStudy      *study,
                   int                 scenario,
                   const SsProjection *baseline,
                   SsProjection       *out)
{
  ss_engine_project_cell (study, scenario, SS_NO_SHOCK, baseline, out);
}

/* --- One item edited (a slider step) ------------------------------------ */

/* p_ic, v_ic, d_ic of one item's sources in S ⊕ K, as combo_disruption()
 * has them for every item: the source's own value or the country's,
 * then the shocks of S and of K that cover the item, the last winning. */
static void
item_disruption (const Setup *su,
                 guint        i,
                 double       out[SS_DISRUPTION_N][SS_MAX_COUNTRIES])
{
  const SsItem *item = ss_study_get_item (su->study, i);
  const SsScenario *scenarios[2] = { su->combo.strategy, su->combo.shock };

  for (guint c = 0; c < su->nc; c++)
    for (guint d = 0; d < SS_DISRUPTION_N; d++)
      out[d][c] = item->sources[c].set & (1u << SS_SOURCE_DISRUPTION (d))
                  ? item->sources[c].attr[SS_SOURCE_DISRUPTION (d)] : su->country_value[d][c];
  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    for (guint k = 0; scenarios[s] != NULL && k < scenarios[s]->shocks->len; k++)
      {
        const SsShock *shock = &g_array_index (scenarios[s]->shocks, SsShock, k);
        gboolean covers = shock->items == NULL;

        for (guint j = 0; !covers && j < shock->n_items; j++)
          covers = shock->items[j] == i;
        for (guint d = 0; covers && d < SS_DISRUPTION_N; d++)
          if (shock->set & (1u << d))
            out[d][shock->country] = shock->value[d];
      }
}

/* VaR95 of a year whose joint losses each moved by at most `moved` since
 * its VaR was `last`: the new one is within as much of the old (a quantile
 * moves no further than the losses do), so only the states near it are
 * selected from, one pass over the others summing what lies below. The
 * pass checks what it finds, and selects from every state when the
 * bracket does not hold the level. Its result is what var_level() gives
 * on all the states, fixed-point sums being exact. */
static guint var_near_count[2];          /* [0]: in the bracket, [1]: all states */

void
_ss_engine_get_var_counts (guint *near,
                           guint *full)
{
  *near = g_atomic_int_get (&var_near_count[0]);
  *full = g_atomic_int_get (&var_near_count[1]);
}

static double
var_near (const double  *loss,
          const guint64 *p,
          gsize          n,
          double         last,
          double         moved,
          Outcome       *outcomes)
{
  guint64 level = to_fixed (VAR_LEVEL);
  double margin = moved * (1 + 1e-9) + 1e-12 * fabs (last);
  SsVarScanArgs scan = { loss, p, n, last - margin, last + margin, outcomes, n / 4 };

  if (isfinite (last) && isfinite (margin))
    {
      _ss_engine_kernels ()->var_scan (&scan);
      if (scan.below < level && scan.n_inside > 0 && scan.n_inside <= scan.max_inside
          && scan.below + scan.p_inside >= level)
        {
          g_atomic_int_inc (&var_near_count[0]);
          return var_level (outcomes, scan.n_inside, scan.below, level);
        }
    }
  g_atomic_int_inc (&var_near_count[1]);
  for (gsize k = 0; k < n; k++)
    outcomes[k] = (Outcome) { loss[k], p[k] };
  return var_level (outcomes, n, 0, level);
}

/* x(D) of one item in one year, from its shares that year, into x. */
static void
item_year_sets (const ItemSets *is,
                const double   *share,          /* [c][t] */
                guint           ny,
                guint           t,
                const double   *set_p,
                double         *lost,
                double         *x,
                double         *es,
                double         *p10)
{
  double days[SS_MAX_COUNTRIES];
  SsSetsArgs args = { is->n_active, days, is->stock, set_p, lost, x, NULL, 0, TRUE };

  for (guint k = 0; k < is->n_active; k++)
    days[k] = share[is->active[k] * ny + t] * is->loss_rate[k];
  _ss_engine_kernels ()->sets (&args);
  *es = args.es;
  *p10 = args.p10;
}

/* The item as it was in p: the countries with a share in some year of its
 * old path (a country without one adds no days to any set, so leaving it
 * out changes no x(D)), and the years in which it could fall short. */
static void
old_item_sets (const Setup  *su,
               const double *share,             /* its old rows, [c][t] */
               const double *item_p,
               const double *item_v,
               const double *item_d,
               double        stock,
               ItemSets     *is)
{
  guint nc = su->nc, ny = su->ny;

  memset (is, 0, sizeof *is);
  is->stock = stock;
  is->moved = 1;
  for (guint c = 0; c < nc; c++)
    {
      double loss_rate = item_v[c] * item_d[c];
      gboolean has_share = FALSE;

      for (guint t = 0; t < ny && !has_share; t++)
        has_share = share[c * ny + t] > 0;
      if (item_p[c] > 0 && loss_rate > 0 && has_share)
        {
          is->active_p[is->n_active] = item_p[c];
          is->loss_rate[is->n_active] = loss_rate;
          is->active[is->n_active++] = c;
        }
    }
  for (guint t = 0; t < ny; t++)
    {
      double days_all = 0;

      for (guint c = 0; c < nc; c++)
        days_all += share[c * ny + t] * (item_v[c] * item_d[c]);
      if (days_all > stock)
        is->possible |= G_GUINT64_CONSTANT (1) << t;
      for (guint k = 0; k < is->n_active && t > 0 && !(is->moved >> t & 1); k++)
        if (share[is->active[k] * ny + t] != share[is->active[k] * ny + t - 1])
          is->moved |= G_GUINT64_CONSTANT (1) << t;
    }
}

/* One side (the old item or the new) of an update, its sets in a year. */
typedef struct
{
  ItemSets is;
  double  *set_p;
  double  *x;
  guint32 *map;                        /* NULL: the joint index is the mask */
  gboolean have;                       /* x holds last year's sets */
} Side;

static void
side_init (Side         *side,
           const Setup  *su,
           double       *memory,
           gsize         max_sets,
           gsize         n_joint_sets)
{
  side->set_p = memory;
  side->x = memory + max_sets;
  side->map = (guint32 *)(memory + 2 * max_sets);
  side->have = FALSE;

  /* The joint states are the state's losses after the orthant sums, so
   * an item reaches them through a table when it is not the identity. */
  item_sets_map (su, JOINT_MAP, &side->is);
  if (side->is.mode == JOINT_IDENTITY)
    side->map = NULL;
  else
    {
      guint bits[SS_MAX_COUNTRIES], threshold[SS_MAX_COUNTRIES];

      for (guint k = 0; k < su->st->n; k++)
        bits[k] = side->is.bits[k], threshold[k] = side->is.threshold[k];
      build_map (su->st, bits, threshold, side->map);
    }
  set_probabilities (side->is.n_active, side->is.active_p, side->set_p);
  for (gsize mask = (gsize)1 << side->is.n_active; mask < MAX (4, (gsize)1 << side->is.n_active); mask++)
    side->set_p[mask] = 0;
}

static gsize
side_size (gsize max_sets,
           gsize n_joint_sets)
{
  return 2 * max_sets * sizeof (double) + n_joint_sets * sizeof (guint32);
}

/* Brings side's x up to year t; returns whether it can fall short. */
static gboolean
side_year (Side         *side,
           const double *share,
           guint         ny,
           guint         t,
           double       *lost,
           double       *es,
           double       *p10)
{
  double unused_es, unused_p10;

  if (!(side->is.possible >> t & 1))
    {
      side->have = FALSE;
      if (es != NULL)
        *es = *p10 = 0;
      return FALSE;
    }
  if (!side->have || (side->is.moved >> t & 1))
    {
      item_year_sets (&side->is, share, ny, t, side->set_p, lost, side->x,
                      es != NULL ? es : &unused_es, p10 != NULL ? p10 : &unused_p10);
      side->have = TRUE;
      return TRUE;
    }
  return TRUE;
}

/* The largest x(D) of a side: that of losing every country, x growing
 * with the set. */
static double
side_largest (const Side *side)
{
  return side->x[((gsize)1 << side->is.n_active) - 1];
}

static gboolean
sides_share_map (const Side *a,
                 const Side *b,
                 guint       n_states)
{
  if ((a->map == NULL) != (b->map == NULL))
    return FALSE;
  for (guint k = 0; a->map != NULL && k < n_states; k++)
    if (a->is.bits[k] != b->is.bits[k] || a->is.threshold[k] != b->is.threshold[k])
      return FALSE;
  return a->map != NULL || a->is.n_active == b->is.n_active;
}

/* What changes in an item's rows when it is computed again. */
typedef struct
{
  double *share, *spend, *cost, *switching, *subsidy, *hhi, *risk, *es, *group_hhi;
  guint8 *alert, *over;
} ItemRows;

static gsize
item_rows_size (guint nc,
                guint ng,
                guint ny)
{
  /* Rounded up, so what follows is aligned for doubles. */
  return ((gsize)ny * ((2 * nc + ng + 7) * sizeof (double) + 2) + 15) & ~(gsize)15;
}

static void
item_rows_save (const SsProjection *p,
                guint               i,
                char               *memory,
                ItemRows           *rows)
{
  guint nc = p->n_countries, ng = p->n_groups, ny = p->n_years;
  double *d = (double *)memory;

#define SAVE(field, src, n) (rows->field = d, memcpy (d, src, (n) * sizeof (double)), d += (n))
  SAVE (share, &p->share[(gsize)i * nc * ny], (gsize)nc * ny);
  SAVE (spend, &p->spend[(gsize)i * nc * ny], (gsize)nc * ny);
  SAVE (group_hhi, &p->group_hhi[(gsize)i * ng * ny], (gsize)ng * ny);
  SAVE (cost, &p->cost[(gsize)i * ny], ny);
  SAVE (switching, &p->switching[(gsize)i * ny], ny);
  SAVE (subsidy, &p->subsidy[(gsize)i * ny], ny);
  SAVE (hhi, &p->hhi[(gsize)i * ny], ny);
  SAVE (risk, &p->supply_risk[(gsize)i * ny], ny);
  SAVE (es, &p->expected_shortfall[(gsize)i * ny], ny);
#undef SAVE
  rows->alert = (guint8 *)d;
  memcpy (rows->alert, &p->alert[(gsize)i * ny], ny);
  rows->over = rows->alert + ny;
  memcpy (rows->over, &p->over_target[(gsize)i * ny], ny);
}

/* The portfolio figures with item i's old rows taken out and its new ones
 * in. Sums only: a figure that is a ratio is made again from its sums. */
static void
update_portfolio (const Setup    *su,
                  guint           i,
                  const ItemRows *old,
                  State          *state,
                  SsProjection   *p)
{
  guint nc = su->nc, ny = su->ny, ng = su->groups->len;
  double impact = ss_study_get_item (su->study, i)->attr[SS_ITEM_IMPACT];

  for (guint t = 0; t < ny; t++)
    {
      gsize it = (gsize)i * ny + t;
      double c_old = old->cost[t], c_new = p->cost[it];

      p->total_cost_purchase[t] = p->total_cost_purchase[t] - c_old + c_new;
      p->total_switching[t] = p->total_switching[t] - old->switching[t] + p->switching[it];
      p->total_subsidy[t] = p->total_subsidy[t] - old->subsidy[t] + p->subsidy[it];
      p->expected_shortfall_impact[t] = p->expected_shortfall_impact[t] - c_old * impact * old->es[t]
                                        + c_new * impact * p->expected_shortfall[it];
      state->cost_hhi[t] = state->cost_hhi[t] - c_old * old->hhi[t] + c_new * p->hhi[it];
      state->cost_risk[t] = state->cost_risk[t] - c_old * old->risk[t] + c_new * p->supply_risk[it];
      p->alert_count[old->alert[t] * ny + t]--;
      p->alert_count[p->alert[it] * ny + t]++;
      p->over_target_count[t] += (int)p->over_target[it] - (int)old->over[t];

      for (guint g = 0; g < ng; g++)
        {
          double h_old = old->group_hhi[g * ny + t];
          double h_new = p->group_hhi[((gsize)i * ng + g) * ny + t];
          gsize gt = (gsize)g * ny + t;

          if (!isnan (h_old))
            {
              state->group_sum[gt] -= c_old * h_old;
              state->group_weight[gt] -= c_old;
              state->group_count[gt]--;
            }
          if (!isnan (h_new))
            {
              state->group_sum[gt] += c_new * h_new;
              state->group_weight[gt] += c_new;
              state->group_count[gt]++;
            }
          /* The count, not the weight, says whether any item has a share
           * in the group: taking the last one out leaves rounding. */
          p->portfolio_group_hhi[gt] = state->group_count[gt] > 0 && state->group_weight[gt] > 0
                                       ? state->group_sum[gt] / state->group_weight[gt] : NAN;
        }
      for (guint c = 0; c < nc; c++)
        state->spend[c * ny + t] += p->spend[((gsize)i * nc + c) * ny + t] - old->spend[c * ny + t];
      finish_spend_shares (su, state->spend, t, p);

      if (p->total_cost_purchase[t] > 0)
        {
          p->portfolio_hhi[t] = state->cost_hhi[t] / p->total_cost_purchase[t];
          p->portfolio_supply_risk[t] = state->cost_risk[t] / p->total_cost_purchase[t];
        }
      else
        p->portfolio_hhi[t] = p->portfolio_supply_risk[t] = NAN;
    }
}

/* The years of an update, in runs of years that workers take, each with
 * sides of its own (their x, and scratch), the sets' probabilities and
 * map being the same for every one. */
typedef struct
{
  const Setup    *su;
  State          *state;
  SsProjection   *p;
  guint           item;
  const ItemRows *old;
  const Side     *old_side, *new_side;
  gsize           max_sets, n_joint_sets;
  guint           n_runs;
  char           *worker_memory;
  gsize           worker_size;
  gboolean        can_fall_short[SS_MAX_HORIZON + 1];
} UpdateYears;

static gsize
update_worker_size (gsize max_sets,
                    gsize n_joint_sets)
{
  return n_joint_sets * sizeof (Outcome) + 3 * max_sets * sizeof (double);
}

static void
update_years (gpointer data,
              guint    run,
              guint    worker)
{
  UpdateYears *u = data;
  const Setup *su = u->su;
  State *state = u->state;
  SsProjection *p = u->p;
  guint ny = su->ny, item = u->item;
  char *at = u->worker_memory + worker * u->worker_size;
  Outcome *outcomes = (Outcome *)at;
  double *lost = (double *)(at + u->n_joint_sets * sizeof (Outcome));
  Side old_side = *u->old_side, new_side = *u->new_side;
  const double *share = &p->share[(gsize)item * su->nc * ny];
  double impact = ss_study_get_item (su->study, item)->attr[SS_ITEM_IMPACT];
  gsize n_joint_sets = u->n_joint_sets;

  old_side.x = lost + u->max_sets;
  new_side.x = old_side.x + u->max_sets;
  old_side.have = new_side.have = FALSE;
  for (guint t = run * ny / u->n_runs; t < (run + 1) * ny / u->n_runs; t++)
    {
      gsize it = (gsize)item * ny + t;
      double *joint = &state->joint[t * n_joint_sets];
      double cost_old = u->old->cost[t] * impact, cost_new = p->cost[it] * impact;
      gboolean was = side_year (&old_side, u->old->share, ny, t, lost, NULL, NULL);
      gboolean is = side_year (&new_side, share, ny, t, lost, &p->expected_shortfall[it],
                               &p->p_shortfall_10[it]);
      double moved = 0;

      u->can_fall_short[t] = is;
      if (su->mode == JOINT_NONE)
        continue;
      if (was && is && sides_share_map (&old_side, &new_side, state->st.n))
        {
          SsJointDeltaArgs delta = { old_side.x, new_side.x, new_side.map,
                                     new_side.map != NULL ? state->n_joint : n_joint_sets,
                                     joint, cost_old, cost_new };

          _ss_engine_kernels ()->joint_delta (&delta);
          moved = delta.largest;
        }
      else
        {
          if (was)
            {
              double minus = -cost_old;
              double *rows[1] = { joint };
              SsJointAddArgs add = { old_side.x, old_side.map,
                                     old_side.map != NULL ? state->n_joint : n_joint_sets, 1, rows,
                                     &minus };

              _ss_engine_kernels ()->joint_add (&add);
              moved += side_largest (&old_side) * cost_old;
            }
          if (is)
            {
              double *rows[1] = { joint };
              SsJointAddArgs add = { new_side.x, new_side.map,
                                     new_side.map != NULL ? state->n_joint : n_joint_sets, 1, rows,
                                     &cost_new };

              _ss_engine_kernels ()->joint_add (&add);
              moved += side_largest (&new_side) * cost_new;
            }
        }
      /* The year's VaR while its row is in the cache. */
      p->var95_shortfall_impact[t] = var_near (joint, state->p_fixed, n_joint_sets,
                                               p->var95_shortfall_impact[t], moved, outcomes);
    }
}

/* After an edit of one item's targets in p's strategy, or of its baseline
 * shares: item's figures as a full projection has them, bit for bit; the
 * portfolio's and VaR95 from the old ones, the item's old contribution
 * taken out of each sum and of the joint losses L(σ) of every year and
 * its new one put in, so within rounding (about 1e-15 relative a step) of
 * a full projection. So a slider step costs one item's sets, not the
 * study's; when the edit ends, the caller projects in full again, and the
 * figures are then those of a fresh projection bit for bit.
 *
 * p is a projection of this study made by ss_engine_project_cell() (and
 * perhaps updated since); reference is what its premium is against
 * (baseline ⊕ p's shock, already up to date), NULL for the baseline. A
 * projection that keeps no joint losses (too many states, or a copy) is
 * projected in full. */
void
ss_engine_update_item (const SsStudy      *study,
                       const SsProjection *reference,
                       guint               item,
                       SsProjection       *p)
{
  State *state;
  Setup su;
  double values[SS_DISRUPTION_N][SS_MAX_COUNTRIES];
  const double *item_p, *item_v, *item_d;
  gsize max_sets, n_joint_sets, size;
  UpdateYears years;
  Side old_side, new_side;
  ItemRows old;
  char *at;
  guint ny;

  g_return_if_fail (SS_IS_STUDY ((gpointer)study));
  g_return_if_fail (p != NULL && p->block != NULL);
  g_return_if_fail (item < ss_study_get_n_items (study));
  g_return_if_fail (p->scenario == SS_BASELINE || reference != NULL);

  state = p->state;
  if (state == NULL || state->strategy != p->scenario || state->shock != p->shock
      || state->ni != ss_study_get_n_items (study) || state->nc != ss_study_get_n_countries (study)
      || state->ny != (guint)ss_study_get_meta (study)->horizon + 1 || p->n_items != state->ni)
    {
      ss_engine_project_cell (study, p->scenario, p->shock, reference, p);
      return;
    }

  setup_init (&su, study, p->scenario, p->shock);
  if (su.groups->len != state->ng || su.plain != state->plain)
    {
      setup_clear (&su);
      ss_engine_project_cell (study, p->scenario, p->shock, reference, p);
      return;
    }
  setup_states (&su, &state->st);
  su.mode = state->mode;
  ny = su.ny;
  if (su.plain)
    {
      item_p = su.country_value[SS_DISRUPTION_PROBABILITY];
      item_v = su.country_value[SS_DISRUPTION_SEVERITY];
      item_d = su.country_value[SS_DISRUPTION_DAYS];
    }
  else
    {
      item_disruption (&su, item, values);
      item_p = values[SS_DISRUPTION_PROBABILITY];
      item_v = values[SS_DISRUPTION_SEVERITY];
      item_d = values[SS_DISRUPTION_DAYS];
    }

  max_sets = MAX (4, (gsize)1 << state->st.n);
  n_joint_sets = state->n_joint_sets;
  /* Two workers halve a step of a study with many joint states; a small
   * one is done before a thread would wake. */
  years.n_runs = n_joint_sets * ny >= UPDATE_PARALLEL_STATES ? MIN (ss_parallel_get_n_workers (), ny) : 1;
  years.worker_size = update_worker_size (max_sets, n_joint_sets);
  size = item_rows_size (su.nc, su.groups->len, ny) + 2 * side_size (max_sets, n_joint_sets)
         + years.n_runs * years.worker_size + 64;
  at = projection_scratch (p, size);
  years.worker_memory = at, at += years.n_runs * years.worker_size;
  item_rows_save (p, item, at, &old);
  at += item_rows_size (su.nc, su.groups->len, ny);

  /* The item before and after. */
  old_item_sets (&su, old.share, item_p, item_v, item_d,
                 ss_scenario_get_stockpile (su.combo.strategy, su.combo.shock,
                                            ss_study_get_item (study, item), item),
                 &old_side.is);
  side_init (&old_side, &su, (double *)at, max_sets, n_joint_sets);
  at += side_size (max_sets, n_joint_sets);
  project_item (&su, item, item_p, item_v, item_d, p, &new_side.is);
  side_init (&new_side, &su, (double *)at, max_sets, n_joint_sets);

  /* Its sets, year by year, and what they change in the joint losses;
   * then what a year takes from the last where nothing moved, as a full
   * projection does. */
  years.su = &su;
  years.state = state;
  years.p = p;
  years.item = item;
  years.old = &old;
  years.old_side = &old_side;
  years.new_side = &new_side;
  years.max_sets = max_sets;
  years.n_joint_sets = n_joint_sets;
  ss_parallel_run (years.n_runs, years.n_runs, update_years, &years);
  for (guint t = 1; t < ny; t++)
    {
      gsize it = (gsize)item * ny + t;

      if (years.can_fall_short[t] && !(new_side.is.moved >> t & 1) && (new_side.is.possible >> (t - 1) & 1))
        {
          p->expected_shortfall[it] = p->expected_shortfall[it - 1];
          p->p_shortfall_10[it] = p->p_shortfall_10[it - 1];
        }
    }

  update_portfolio (&su, item, &old, state, p);
  finish_premium (&su, p->scenario, reference, p);
  projection_changed (p, (int)item);
  /* The scratch is kept for the next step of the drag (it is of the
   * joint losses' order); the full projection at its end lets it go. */
  setup_clear (&su);
}
