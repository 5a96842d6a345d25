/* ss-study.c: the study's data and its structural mutators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ss-study-equal.c compares two studies; ss-study-ids.c checks and makes
 * the codes and ids a study file allows.
 */

#define G_LOG_DOMAIN "supplyshift-study"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-attrs.h"
#include "ss-study-private.h"

G_DEFINE_FINAL_TYPE (SsStudy, ss_study, G_TYPE_OBJECT)

void
_ss_country_free (SsCountry *country)
{
  g_free (country->code);
  g_free (country->name);
  g_free (country->group);
  g_free (country);
}

void
_ss_item_free (SsItem *item)
{
  g_free (item->code);
  g_free (item->name);
  g_free (item->category);
  g_free (item->sources);
  g_free (item);
}

static void
shock_clear (SsShock *shock)
{
  g_clear_pointer (&shock->items, g_free);
  shock->n_items = 0;
}

static GArray *
shocks_new (void)
{
  GArray *shocks = g_array_new (FALSE, FALSE, sizeof (SsShock));

  g_array_set_clear_func (shocks, (GDestroyNotify)shock_clear);
  return shocks;
}

static GArray *
shocks_copy (GArray *from)
{
  GArray *to = shocks_new ();

  for (guint k = 0; k < from->len; k++)
    {
      SsShock shock = g_array_index (from, SsShock, k);

      shock.items = shock.items != NULL ? g_memdup2 (shock.items, shock.n_items * sizeof (guint)) : NULL;
      g_array_append_val (to, shock);
    }
  return to;
}

void
_ss_scenario_free (SsScenario *scenario,
                   guint       n_items)
{
  g_free (scenario->id);
  g_free (scenario->name);
  g_free (scenario->description);
  g_free (scenario->stockpile);
  for (guint i = 0; i < n_items; i++)
    g_free (scenario->targets[i]);
  g_free (scenario->targets);
  g_array_unref (scenario->overrides);
  g_array_unref (scenario->shocks);
  g_free (scenario);
}

/* A deep copy of `from`, with its own id and name. */
SsScenario *
_ss_scenario_copy (const SsScenario *from,
                   const char       *id,
                   const char       *name,
                   guint             n_items,
                   guint             n_countries)
{
  SsScenario *to = g_memdup2 (from, sizeof *from);

  to->id = g_strdup (id);
  to->name = g_strdup (name);
  to->description = g_strdup (from->description);
  to->stockpile = g_memdup2 (from->stockpile, MAX (n_items, 1) * sizeof (double));
  to->targets = g_new0 (double *, MAX (n_items, 1));
  for (guint i = 0; i < n_items; i++)
    if (from->targets[i] != NULL)
      to->targets[i] = g_memdup2 (from->targets[i], MAX (n_countries, 1) * sizeof (double));
  to->overrides = g_array_copy (from->overrides);
  to->shocks = shocks_copy (from->shocks);
  return to;
}

/* A scenario's own fields (all but its stockpiles and targets, left
 * NULL), for the undo history's patches. */
SsScenario *
_ss_scenario_head_copy (const SsScenario *from)
{
  SsScenario *to = g_memdup2 (from, sizeof *from);

  to->id = g_strdup (from->id);
  to->name = g_strdup (from->name);
  to->description = g_strdup (from->description);
  to->stockpile = NULL;
  to->targets = NULL;
  to->overrides = g_array_copy (from->overrides);
  to->shocks = shocks_copy (from->shocks);
  return to;
}

void
_ss_scenario_head_free (SsScenario *head)
{
  g_free (head->id);
  g_free (head->name);
  g_free (head->description);
  g_array_unref (head->overrides);
  g_array_unref (head->shocks);
  g_free (head);
}

static void
ss_study_finalize (GObject *object)
{
  SsStudy *self = (SsStudy *)object;

  for (guint s = 0; s < self->scenarios->len; s++)
    _ss_scenario_free (g_ptr_array_index (self->scenarios, s), self->items->len);
  g_clear_pointer (&self->scenarios, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  g_clear_pointer (&self->item_index, g_hash_table_unref);
  _ss_meta_clear (&self->meta);

  G_OBJECT_CLASS (ss_study_parent_class)->finalize (object);
}

static void
ss_study_class_init (SsStudyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ss_study_finalize;
}

static void
ss_study_init (SsStudy *self)
{
  self->countries = g_ptr_array_new_with_free_func ((GDestroyNotify)_ss_country_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)_ss_item_free);
  self->scenarios = g_ptr_array_new ();

  self->meta.title = g_strdup ("");
  self->meta.description = g_strdup ("");
  self->meta.base_year = 2024;
  self->meta.horizon = 10;
  self->meta.currency = g_strdup ("USD");
  self->meta.discount_rate = 0;
  self->meta.threshold[0] = 0.5;
  self->meta.threshold[1] = 0.65;
  self->meta.threshold[2] = 0.9;
  self->meta.policy_targets = g_array_new (FALSE, FALSE, sizeof (SsPolicyTarget));
  self->meta.source = g_strdup ("");
}

SsStudy *
ss_study_new (void)
{
  return g_object_new (SS_TYPE_STUDY, NULL);
}

SsMeta *
_ss_study_get_meta (const SsStudy *self)
{
  g_return_val_if_fail (SS_IS_STUDY ((SsStudy *)self), NULL);
  return (SsMeta *)&self->meta;
}

guint
ss_study_get_n_countries (const SsStudy *self)
{
  return self->countries->len;
}

SsCountry *
_ss_study_get_country (const SsStudy *self,
                       guint          index)
{
  g_return_val_if_fail (index < self->countries->len, NULL);
  return g_ptr_array_index (self->countries, index);
}

int
ss_study_find_country (const SsStudy *self,
                       const char    *code)
{
  for (guint c = 0; c < self->countries->len; c++)
    if (g_strcmp0 (((SsCountry *)g_ptr_array_index (self->countries, c))->code, code) == 0)
      return c;
  return -1;
}

static void
source_init (SsSource *source)
{
  for (guint a = 0; a < SS_SOURCE_N_ATTRS; a++)
    source->attr[a] = ss_source_attrs[a].fallback;
  source->set = 0;
  source->listed = FALSE;
}

/* A new country has neutral values (China = 1.00 prices, no risk); every
 * item and target gains a zero share for it. */
guint
ss_study_add_country (SsStudy    *self,
                      const char *code,
                      const char *name)
{
  SsCountry *country = g_new0 (SsCountry, 1);
  guint n;

  g_return_val_if_fail (self->countries->len < SS_MAX_COUNTRIES, self->countries->len);

  country->code = g_strdup (code);
  country->name = g_strdup (name);
  country->attr[SS_COUNTRY_GOVERNANCE] = 5;
  country->attr[SS_COUNTRY_COST_INDEX] = 1;
  country->attr[SS_COUNTRY_RAMP] = 0.1;
  g_ptr_array_add (self->countries, country);
  n = self->countries->len;

  for (guint i = 0; i < self->items->len; i++)
    {
      SsItem *item = g_ptr_array_index (self->items, i);

      item->sources = g_renew (SsSource, item->sources, n);
      source_init (&item->sources[n - 1]);
    }
  for (guint s = 0; s < self->scenarios->len; s++)
    {
      SsScenario *scenario = g_ptr_array_index (self->scenarios, s);

      for (guint i = 0; i < self->items->len; i++)
        if (scenario->targets[i] != NULL)
          {
            scenario->targets[i] = g_renew (double, scenario->targets[i], n);
            scenario->targets[i][n - 1] = 0;
          }
    }
  return n - 1;
}

guint
ss_study_get_n_items (const SsStudy *self)
{
  return self->items->len;
}

SsItem *
_ss_study_get_item (const SsStudy *self,
                    guint          index)
{
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

static void
item_index_add (SsStudy *self,
                guint    index)
{
  SsItem *item = g_ptr_array_index (self->items, index);

  /* The first of two items with one code wins, as a linear search would. */
  if (!g_hash_table_contains (self->item_index, item->code))
    g_hash_table_insert (self->item_index, g_strdup (item->code), GUINT_TO_POINTER (index + 1));
}

void
_ss_study_drop_item_index (SsStudy *self)
{
  g_clear_pointer (&self->item_index, g_hash_table_unref);
}

static void
item_index_build (SsStudy *self)
{
  self->item_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < self->items->len; i++)
    item_index_add (self, i);
}

int
ss_study_find_item (const SsStudy *study,
                    const char    *code)
{
  /* The index is a cache: building it changes nothing a reader sees. */
  SsStudy *self = (SsStudy *)study;
  guint found;

  g_return_val_if_fail (code != NULL, -1);

  if (self->item_index == NULL)
    item_index_build (self);
  found = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_index, code));
  /* A code changed without ss_study_set_item_code() would be found at its
   * old place: check, and look again from scratch if so. */
  if (found > 0 && strcmp (((SsItem *)g_ptr_array_index (self->items, found - 1))->code, code) != 0)
    {
      g_critical ("item code %s changed without ss_study_set_item_code()", code);
      _ss_study_drop_item_index (self);
      item_index_build (self);
      found = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_index, code));
    }
  return (int)found - 1;
}

void
ss_study_set_item_code (SsStudy    *self,
                        guint       index,
                        const char *code)
{
  SsItem *item;

  g_return_if_fail (SS_IS_STUDY (self));
  g_return_if_fail (index < self->items->len);
  g_return_if_fail (code != NULL);

  item = g_ptr_array_index (self->items, index);
  if (g_strcmp0 (item->code, code) == 0)
    return;
  g_free (item->code);
  item->code = g_strdup (code);
  /* Renames are rare (one per edit): rebuilding is simpler than keeping
   * track of which duplicate held the old code. */
  _ss_study_drop_item_index (self);
}

guint
ss_study_add_item (SsStudy    *self,
                   const char *code,
                   const char *name)
{
  SsItem *item = g_new0 (SsItem, 1);
  guint n = self->countries->len;

  item->code = g_strdup (code);
  item->name = g_strdup (name);
  item->category = g_strdup ("");
  for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
    item->attr[a] = ss_item_attrs[a].fallback;
  item->sources = g_new (SsSource, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    source_init (&item->sources[c]);
  g_ptr_array_add (self->items, item);
  if (self->item_index != NULL)
    item_index_add (self, self->items->len - 1);

  for (guint s = 0; s < self->scenarios->len; s++)
    {
      SsScenario *scenario = g_ptr_array_index (self->scenarios, s);

      scenario->stockpile = g_renew (double, scenario->stockpile, self->items->len);
      scenario->stockpile[self->items->len - 1] = NAN;
      scenario->targets = g_renew (double *, scenario->targets, self->items->len);
      scenario->targets[self->items->len - 1] = NULL;
    }
  return self->items->len - 1;
}

/* What a new item starts as: an import value of 100 (given in the file),
 * all of it from the first country, which it lists as a source. */
guint
ss_study_add_default_item (SsStudy    *self,
                           const char *code,
                           const char *name)
{
  guint index;
  SsItem *item;

  g_return_val_if_fail (self->countries->len > 0, self->items->len);

  index = ss_study_add_item (self, code, name);
  item = g_ptr_array_index (self->items, index);
  item->attr[SS_ITEM_VALUE] = 100;
  item->set |= 1u << SS_ITEM_VALUE;
  item->sources[0].attr[SS_SOURCE_SHARE] = 1;
  item->sources[0].listed = TRUE;
  return index;
}

void
ss_study_remove_item (SsStudy *self,
                      guint    index)
{
  guint n = self->items->len;

  g_return_if_fail (index < n);

  for (guint s = 0; s < self->scenarios->len; s++)
    {
      SsScenario *scenario = g_ptr_array_index (self->scenarios, s);

      g_free (scenario->targets[index]);
      memmove (&scenario->targets[index], &scenario->targets[index + 1],
               (n - index - 1) * sizeof (double *));
      memmove (&scenario->stockpile[index], &scenario->stockpile[index + 1],
               (n - index - 1) * sizeof (double));

      /* A shock that covered only this item covers nothing now and goes
       * with it; undo brings both back. */
      for (guint k = scenario->shocks->len; k-- > 0;)
        {
          SsShock *shock = &g_array_index (scenario->shocks, SsShock, k);
          guint kept = 0;

          if (shock->items == NULL)
            continue;
          for (guint j = 0; j < shock->n_items; j++)
            if (shock->items[j] != index)
              shock->items[kept++] = shock->items[j] - (shock->items[j] > index);
          shock->n_items = kept;
          if (kept == 0)
            g_array_remove_index (scenario->shocks, k);
        }
    }
  g_ptr_array_remove_index (self->items, index);
  _ss_study_drop_item_index (self);
}

guint
ss_study_get_n_scenarios (const SsStudy *self)
{
  return self->scenarios->len;
}

SsScenario *
_ss_study_get_scenario (const SsStudy *self,
                        guint          index)
{
  g_return_val_if_fail (index < self->scenarios->len, NULL);
  return g_ptr_array_index (self->scenarios, index);
}

int
ss_study_find_scenario (const SsStudy *self,
                        const char    *id)
{
  for (guint s = 0; s < self->scenarios->len; s++)
    if (strcmp (((SsScenario *)g_ptr_array_index (self->scenarios, s))->id, id) == 0)
      return s;
  return -1;
}

guint
ss_study_add_scenario (SsStudy    *self,
                       const char *id,
                       const char *name)
{
  SsScenario *scenario = g_new0 (SsScenario, 1);
  guint n = self->items->len;

  scenario->id = g_strdup (id);
  scenario->name = g_strdup (name);
  scenario->description = g_strdup ("");
  scenario->kind = SS_SCENARIO_STRATEGY;
  scenario->transition_years = ss_spec_transition_years.fallback;
  scenario->switching_cost = 0;
  scenario->subsidy = 0;
  scenario->stockpile = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    scenario->stockpile[i] = NAN;
  scenario->targets = g_new0 (double *, MAX (n, 1));
  scenario->overrides = g_array_new (FALSE, FALSE, sizeof (SsCountryOverride));
  scenario->shocks = shocks_new ();
  g_ptr_array_add (self->scenarios, scenario);
  return self->scenarios->len - 1;
}

void
ss_study_remove_scenario (SsStudy *self,
                          guint    index)
{
  g_return_if_fail (index < self->scenarios->len);

  _ss_scenario_free (g_ptr_array_index (self->scenarios, index), self->items->len);
  g_ptr_array_remove_index (self->scenarios, index);
}

/* Targets start from the baseline shares, so a scenario that touches one
 * country of an item leaves the others where they were. */
double *
ss_scenario_ensure_targets (SsStudy    *self,
                            SsScenario *scenario,
                            guint       item)
{
  g_return_val_if_fail (item < self->items->len, NULL);

  if (scenario->targets[item] == NULL)
    {
      SsItem *it = g_ptr_array_index (self->items, item);
      guint n = self->countries->len;

      scenario->targets[item] = g_new (double, MAX (n, 1));
      for (guint c = 0; c < n; c++)
        scenario->targets[item][c] = it->sources[c].attr[SS_SOURCE_SHARE];
    }
  return scenario->targets[item];
}

void
ss_scenario_clear_targets (SsScenario *scenario,
                           guint       item)
{
  g_clear_pointer (&scenario->targets[item], g_free);
}

SsCountryOverride *
_ss_scenario_find_override (const SsScenario *scenario,
                            guint             country)
{
  for (guint o = 0; o < scenario->overrides->len; o++)
    {
      SsCountryOverride *ov = &g_array_index (scenario->overrides, SsCountryOverride, o);

      if (ov->country == country)
        return ov;
    }
  return NULL;
}

/* K_i (model.md §1): the days of consumption of item `index` held in
 * strategy ⊕ shock (either NULL): a per-item stockpile of the shock, else
 * of the strategy, else the shock's all-items value, else the strategy's,
 * else the item's own. A per-item value beats an all-items one, and the
 * shock's beats the strategy's, as a scenario written out with the same
 * content would have it. */
double
ss_scenario_get_stockpile (const SsScenario *strategy,
                           const SsScenario *shock,
                           const SsItem     *item,
                           guint             index)
{
  if (shock != NULL && !isnan (shock->stockpile[index]))
    return shock->stockpile[index];
  if (strategy != NULL && !isnan (strategy->stockpile[index]))
    return strategy->stockpile[index];
  if (shock != NULL && shock->has_stockpile_all)
    return shock->stockpile_all;
  if (strategy != NULL && strategy->has_stockpile_all)
    return strategy->stockpile_all;
  return item->attr[SS_ITEM_STOCKPILE_DAYS];
}

/* A new shock at the end of the scenario's list: it sets nothing yet and
 * covers all items. The pointer is valid until the list changes. */
SsShock *
ss_scenario_add_shock (SsScenario *scenario,
                       guint       country)
{
  SsShock shock = { 0 };

  shock.country = country;
  g_array_append_val (scenario->shocks, shock);
  return &g_array_index (scenario->shocks, SsShock, scenario->shocks->len - 1);
}

/* items == NULL: all items. */
void
ss_shock_set_items (SsShock     *shock,
                    const guint *items,
                    guint        n_items)
{
  g_clear_pointer (&shock->items, g_free);
  shock->n_items = 0;
  if (items != NULL)
    {
      shock->items = g_memdup2 (items, MAX (n_items, 1) * sizeof (guint));
      shock->n_items = n_items;
    }
}

gboolean
ss_shock_covers (const SsShock *shock,
                 guint          item)
{
  if (shock->items == NULL)
    return TRUE;
  for (guint k = 0; k < shock->n_items; k++)
    if (shock->items[k] == item)
      return TRUE;
  return FALSE;
}

/* Kept in order of year; a target of a year already held is added after
 * it (the loader reports duplicates before it gets here). */
void
ss_study_add_policy_target (SsStudy *self,
                            int      year,
                            double   share)
{
  GArray *targets = self->meta.policy_targets;
  SsPolicyTarget target = { year, share };
  guint k = targets->len;

  while (k > 0 && g_array_index (targets, SsPolicyTarget, k - 1).year > year)
    k--;
  g_array_insert_val (targets, k, target);
}

/* The target in force in a calendar year: the one with the latest year
 * up to it; NAN before the first (model.md §1). */
double
ss_study_policy_target_at (const SsStudy *self,
                           int            year)
{
  GArray *targets = self->meta.policy_targets;
  double share = NAN;

  for (guint k = 0; k < targets->len; k++)
    if (g_array_index (targets, SsPolicyTarget, k).year <= year)
      share = g_array_index (targets, SsPolicyTarget, k).share;
  return share;
}

/* Whether saving needs format version 2: a study that uses none of its
 * additions is written as version 1, so a version-1 file saves as it was. */
gboolean
ss_study_uses_version_2 (const SsStudy *self)
{
  const guint16 v2_source = (1u << SS_SOURCE_DISRUPTION_PROBABILITY)
                            | (1u << SS_SOURCE_DISRUPTION_SEVERITY)
                            | (1u << SS_SOURCE_DISRUPTION_DAYS);

  if (self->meta.policy_targets->len > 0)
    return TRUE;
  for (guint s = 0; s < self->scenarios->len; s++)
    {
      SsScenario *scenario = g_ptr_array_index (self->scenarios, s);

      if (scenario->kind != SS_SCENARIO_STRATEGY || scenario->shocks->len > 0)
        return TRUE;
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      SsItem *item = g_ptr_array_index (self->items, i);

      for (guint c = 0; c < self->countries->len; c++)
        if (item->sources[c].set & v2_source)
          return TRUE;
    }
  return FALSE;
}

/* The rows and columns of the stress grid (model.md §8), as ints: the
 * strategies are the baseline (-1) and every kind="strategy" scenario, the
 * shocks none (-1) and every kind="shock" scenario, in file order. */
void
ss_study_get_stress_axes (const SsStudy *self,
                          GArray        *strategies,
                          GArray        *shocks)
{
  int none = -1;

  g_array_set_size (strategies, 0);
  g_array_set_size (shocks, 0);
  g_array_append_val (strategies, none);
  g_array_append_val (shocks, none);
  for (guint s = 0; s < self->scenarios->len; s++)
    {
      SsScenario *scenario = g_ptr_array_index (self->scenarios, s);
      int index = s;

      g_array_append_val (scenario->kind == SS_SCENARIO_SHOCK ? shocks : strategies, index);
    }
}

/* Distinct group labels in the order their first country is declared. */
void
ss_study_get_groups (const SsStudy *self,
                     GPtrArray     *groups)
{
  for (guint c = 0; c < self->countries->len; c++)
    {
      SsCountry *country = g_ptr_array_index (self->countries, c);
      gboolean seen = FALSE;

      if (country->group == NULL)
        continue;
      for (guint g = 0; g < groups->len && !seen; g++)
        seen = strcmp (g_ptr_array_index (groups, g), country->group) == 0;
      if (!seen)
        g_ptr_array_add (groups, country->group);
    }
}

/* Deep copies of the study's parts, for ss_study_copy() and the undo
 * history's patches (ss-study-patch.c). */
void
_ss_meta_copy (SsMeta       *to,
               const SsMeta *from)
{
  *to = *from;
  to->title = g_strdup (from->title);
  to->description = g_strdup (from->description);
  to->currency = g_strdup (from->currency);
  to->source = g_strdup (from->source);
  to->policy_targets = g_array_copy (from->policy_targets);
}

void
_ss_meta_clear (SsMeta *meta)
{
  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->description, g_free);
  g_clear_pointer (&meta->currency, g_free);
  g_clear_pointer (&meta->source, g_free);
  g_clear_pointer (&meta->policy_targets, g_array_unref);
}

SsCountry *
_ss_country_copy (const SsCountry *from)
{
  SsCountry *to = g_memdup2 (from, sizeof *from);

  to->code = g_strdup (from->code);
  to->name = g_strdup (from->name);
  to->group = g_strdup (from->group);
  return to;
}

SsItem *
_ss_item_copy (const SsItem *from,
               guint         n_countries)
{
  SsItem *to = g_memdup2 (from, sizeof *from);

  to->code = g_strdup (from->code);
  to->name = g_strdup (from->name);
  to->category = g_strdup (from->category);
  to->sources = g_memdup2 (from->sources, MAX (n_countries, 1) * sizeof (SsSource));
  return to;
}

SsStudy *
ss_study_copy (const SsStudy *self)
{
  SsStudy *copy = ss_study_new ();
  guint nc = self->countries->len;
  guint ni = self->items->len;

  _ss_meta_clear (&copy->meta);
  _ss_meta_copy (&copy->meta, &self->meta);
  for (guint c = 0; c < nc; c++)
    g_ptr_array_add (copy->countries, _ss_country_copy (g_ptr_array_index (self->countries, c)));
  for (guint i = 0; i < ni; i++)
    g_ptr_array_add (copy->items, _ss_item_copy (g_ptr_array_index (self->items, i), nc));
  for (guint s = 0; s < self->scenarios->len; s++)
    {
      SsScenario *from = g_ptr_array_index (self->scenarios, s);

      g_ptr_array_add (copy->scenarios, _ss_scenario_copy (from, from->id, from->name, ni, nc));
    }
  return copy;
}

/* Makes self hold a copy of from's contents, keeping self's identity (and
 * so every pointer to it): what undo needs. */
void
ss_study_assign (SsStudy       *self,
                 const SsStudy *from)
{
  g_autoptr(SsStudy) copy = ss_study_copy (from);

  _ss_study_swap (self, copy);
}

/* Swaps the contents of two studies, keeping each object. */
void
_ss_study_swap (SsStudy *a,
                SsStudy *b)
{
  SsMeta meta = a->meta;
  GPtrArray *countries = a->countries, *items = a->items, *scenarios = a->scenarios;

  a->meta = b->meta;
  a->countries = b->countries;
  a->items = b->items;
  a->scenarios = b->scenarios;
  b->meta = meta;
  b->countries = countries;
  b->items = items;
  b->scenarios = scenarios;
  _ss_study_drop_item_index (a);
  _ss_study_drop_item_index (b);
}

/* --- Editing helpers --------------------------------------------------- */

void
ss_study_remove_country (SsStudy *self,
                         guint    index)
{
  guint n = self->countries->len;

  g_return_if_fail (index < n);

  for (guint i = 0; i < self->items->len; i++)
    {
      SsItem *item = g_ptr_array_index (self->items, i);

      memmove (&item->sources[index], &item->sources[index + 1],
               (n - index - 1) * sizeof (SsSource));
    }
  for (guint s = 0; s < self->scenarios->len; s++)
    {
      SsScenario *scenario = g_ptr_array_index (self->scenarios, s);

      for (guint i = 0; i < self->items->len; i++)
        if (scenario->targets[i] != NULL)
          memmove (&scenario->targets[i][index], &scenario->targets[i][index + 1],
                   (n - index - 1) * sizeof (double));
      for (guint o = scenario->overrides->len; o-- > 0;)
        {
          SsCountryOverride *ov = &g_array_index (scenario->overrides, SsCountryOverride, o);

          if (ov->country == index)
            g_array_remove_index (scenario->overrides, o);
          else if (ov->country > index)
            ov->country--;
        }
      for (guint k = scenario->shocks->len; k-- > 0;)
        {
          SsShock *shock = &g_array_index (scenario->shocks, SsShock, k);

          if (shock->country == index)
            g_array_remove_index (scenario->shocks, k);
          else if (shock->country > index)
            shock->country--;
        }
    }
  if (self->meta.home == index)
    self->meta.home = 0;
  else if (self->meta.home > index)
    self->meta.home--;
  g_ptr_array_remove_index (self->countries, index);
}

/* The copy is appended, so the indices of other scenarios do not move. */
guint
ss_study_duplicate_scenario (SsStudy    *self,
                             guint       index,
                             const char *id,
                             const char *name)
{
  SsScenario *from, *to;
  guint ni = self->items->len;
  guint nc = self->countries->len;

  g_return_val_if_fail (index < self->scenarios->len, self->scenarios->len);
  g_return_val_if_fail (self->scenarios->len < SS_MAX_SCENARIOS, self->scenarios->len);

  from = g_ptr_array_index (self->scenarios, index);
  to = _ss_scenario_copy (from, id, name, ni, nc);
  g_ptr_array_add (self->scenarios, to);
  return self->scenarios->len - 1;
}
