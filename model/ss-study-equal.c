/* ss-study-equal.c: whether two studies are the same study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The round-trip tests (load, save, load) and the document's "nothing
 * changed" checks ask ss_study_equal(): every field, bit for bit.
 */

#define G_LOG_DOMAIN "supplyshift-study"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-attrs.h"
#include "ss-study-private.h"

/* Doubles compare bit for bit (NAN equal to NAN), so "load, save, load
 * gives an identical study" means identical, not close. */
static gboolean
same_double (double a,
             double b)
{
  return memcmp (&a, &b, sizeof a) == 0 || (isnan (a) && isnan (b)) || (a == 0 && b == 0);
}

static gboolean
same_doubles (const double *a,
              const double *b,
              guint         n)
{
  for (guint k = 0; k < n; k++)
    if (!same_double (a[k], b[k]))
      return FALSE;
  return TRUE;
}

gboolean
_ss_meta_equal (const SsMeta *a,
                const SsMeta *b)
{
  if (g_strcmp0 (a->title, b->title) || g_strcmp0 (a->description, b->description)
      || a->base_year != b->base_year || a->horizon != b->horizon
      || g_strcmp0 (a->currency, b->currency)
      || !same_double (a->discount_rate, b->discount_rate)
      || a->home != b->home || !same_doubles (a->threshold, b->threshold, 3)
      || g_strcmp0 (a->source, b->source)
      || a->policy_targets->len != b->policy_targets->len)
    return FALSE;
  for (guint k = 0; k < a->policy_targets->len; k++)
    {
      SsPolicyTarget *x = &g_array_index (a->policy_targets, SsPolicyTarget, k);
      SsPolicyTarget *y = &g_array_index (b->policy_targets, SsPolicyTarget, k);

      if (x->year != y->year || !same_double (x->share, y->share))
        return FALSE;
    }
  return TRUE;
}

gboolean
_ss_country_equal (const SsCountry *x,
                   const SsCountry *y)
{
  return !g_strcmp0 (x->code, y->code) && !g_strcmp0 (x->name, y->name)
         && !g_strcmp0 (x->group, y->group) && same_doubles (x->attr, y->attr, SS_COUNTRY_N_ATTRS);
}

gboolean
_ss_item_equal (const SsItem *x,
                const SsItem *y,
                guint         n_countries)
{
  if (g_strcmp0 (x->code, y->code) || g_strcmp0 (x->name, y->name)
      || g_strcmp0 (x->category, y->category) || x->set != y->set
      || !same_doubles (x->attr, y->attr, SS_ITEM_N_ATTRS))
    return FALSE;
  for (guint c = 0; c < n_countries; c++)
    if (x->sources[c].listed != y->sources[c].listed || x->sources[c].set != y->sources[c].set
        || !same_doubles (x->sources[c].attr, y->sources[c].attr, SS_SOURCE_N_ATTRS))
      return FALSE;
  return TRUE;
}

/* A scenario's own fields: all but its per-item stockpiles and targets. */
gboolean
_ss_scenario_head_equal (const SsScenario *x,
                         const SsScenario *y)
{
  if (g_strcmp0 (x->id, y->id) || g_strcmp0 (x->name, y->name)
      || g_strcmp0 (x->description, y->description)
      || x->kind != y->kind
      || !same_double (x->transition_years, y->transition_years)
      || !same_double (x->switching_cost, y->switching_cost)
      || !same_double (x->subsidy, y->subsidy)
      || x->has_stockpile_all != y->has_stockpile_all
      || (x->has_stockpile_all && !same_double (x->stockpile_all, y->stockpile_all))
      || x->overrides->len != y->overrides->len
      || x->shocks->len != y->shocks->len)
    return FALSE;
  for (guint k = 0; k < x->shocks->len; k++)
    {
      SsShock *p = &g_array_index (x->shocks, SsShock, k);
      SsShock *q = &g_array_index (y->shocks, SsShock, k);

      if (p->country != q->country || p->set != q->set
          || (p->items == NULL) != (q->items == NULL) || p->n_items != q->n_items
          || (p->items != NULL && memcmp (p->items, q->items, p->n_items * sizeof (guint)) != 0))
        return FALSE;
      for (guint d = 0; d < SS_DISRUPTION_N; d++)
        if ((p->set & (1u << d)) && !same_double (p->value[d], q->value[d]))
          return FALSE;
    }
  for (guint o = 0; o < x->overrides->len; o++)
    {
      SsCountryOverride *p = &g_array_index (x->overrides, SsCountryOverride, o);
      SsCountryOverride *q = &g_array_index (y->overrides, SsCountryOverride, o);

      if (p->country != q->country || p->set != q->set)
        return FALSE;
      for (guint k = 0; k < SS_COUNTRY_N_ATTRS; k++)
        if ((p->set & (1u << k)) && !same_double (p->attr[k], q->attr[k]))
          return FALSE;
    }
  return TRUE;
}

/* One item's stockpile and targets in two scenarios. */
gboolean
_ss_scenario_item_equal (const SsScenario *x,
                         const SsScenario *y,
                         guint             item,
                         guint             n_countries)
{
  return same_double (x->stockpile[item], y->stockpile[item])
         && (x->targets[item] == NULL) == (y->targets[item] == NULL)
         && (x->targets[item] == NULL || same_doubles (x->targets[item], y->targets[item], n_countries));
}

gboolean
_ss_scenario_equal (const SsScenario *x,
                    const SsScenario *y,
                    guint             n_items,
                    guint             n_countries)
{
  if (!_ss_scenario_head_equal (x, y))
    return FALSE;
  for (guint i = 0; i < n_items; i++)
    if (!_ss_scenario_item_equal (x, y, i, n_countries))
      return FALSE;
  return TRUE;
}

gboolean
ss_study_equal (const SsStudy *a,
                const SsStudy *b)
{
  guint nc = a->countries->len;
  guint ni = a->items->len;

  if (!_ss_meta_equal (&a->meta, &b->meta))
    return FALSE;
  if (nc != b->countries->len || ni != b->items->len || a->scenarios->len != b->scenarios->len)
    return FALSE;
  for (guint c = 0; c < nc; c++)
    if (!_ss_country_equal (g_ptr_array_index (a->countries, c), g_ptr_array_index (b->countries, c)))
      return FALSE;
  for (guint i = 0; i < ni; i++)
    if (!_ss_item_equal (g_ptr_array_index (a->items, i), g_ptr_array_index (b->items, i), nc))
      return FALSE;
  for (guint s = 0; s < a->scenarios->len; s++)
    if (!_ss_scenario_equal (g_ptr_array_index (a->scenarios, s), g_ptr_array_index (b->scenarios, s),
                             ni, nc))
      return FALSE;
  return TRUE;
}
