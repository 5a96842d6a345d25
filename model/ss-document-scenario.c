/* ss-document-scenario.c: the document's operations on scenarios and their shocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shape of an operation, and the checks they share, are in
 * ss-document-edit.c.
 */

#define G_LOG_DOMAIN "supplyshift-document"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-bidi.h"
#include "ss-document.h"
#include "ss-document-private.h"

/* --- Scenarios --------------------------------------------------------- */

static gboolean
check_strategy (const SsScenario  *scenario,
                GError           **error)
{
  g_autofree char *name = NULL;

  if (scenario->kind == SS_SCENARIO_STRATEGY)
    return TRUE;
  name = ss_bidi_isolate (scenario->name);
  return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_KIND,
                 _("“%s” is a shock: it only changes the world, and has no targets or levers"), name);
}


static gboolean
check_room_for_scenario (SsStudy  *study,
                         GError  **error)
{
  if (ss_study_get_n_scenarios (study) < SS_MAX_SCENARIOS)
    return TRUE;
  return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_FULL,
                          _("A study holds at most %d scenarios"), SS_MAX_SCENARIOS);
}

static int
compare_doubles (gconstpointer a,
                  gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median of @n values (sorted in place); the lower middle one of an
 * even count, so it is always a value some scenario has. */
static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[(n - 1) / 2];
}

/* The study's usual levers: each the median of its strategies' (not the
 * shocks', whose levers are none); the defaults when it has none. */
static void
usual_levers (const SsStudy *study,
              double        *transition,
              double        *switching,
              double        *subsidy)
{
  guint ns = ss_study_get_n_scenarios (study), n = 0;
  g_autofree double *t = g_new (double, MAX (ns, 1));
  g_autofree double *w = g_new (double, MAX (ns, 1));
  g_autofree double *u = g_new (double, MAX (ns, 1));

  for (guint s = 0; s < ns; s++)
    {
      const SsScenario *scenario = ss_study_get_scenario (study, s);

      if (scenario->kind != SS_SCENARIO_STRATEGY)
        continue;
      t[n] = scenario->transition_years;
      w[n] = scenario->switching_cost;
      u[n] = scenario->subsidy;
      n++;
    }
  *transition = n > 0 ? median (t, n) : ss_spec_transition_years.fallback;
  *switching = n > 0 ? median (w, n) : ss_spec_switching_cost.fallback;
  *subsidy = n > 0 ? median (u, n) : ss_spec_subsidy.fallback;
}

static int
add_scenario (SsDocument  *self,
              const char  *name,
              gboolean     usual,
              GError     **error)
{
  g_autofree char *id = NULL;
  SsStudy *study;
  SsScenario *scenario;
  double transition, switching, subsidy;
  guint index;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), -1);

  study = _ss_document_study (self);
  if (!check_room_for_scenario (study, error)
      || !_ss_edit_check_name (name, _("A scenario’s name cannot be empty"), error))
    return -1;
  id = ss_study_unique_scenario_id (study, name);
  usual_levers (study, &transition, &switching, &subsidy);
  study = _ss_edit_open (self, &edit);
  index = ss_study_add_scenario (study, id, name);
  if (usual)
    {
      scenario = ss_study_get_scenario (study, index);
      scenario->transition_years = transition;
      scenario->switching_cost = switching;
      scenario->subsidy = subsidy;
    }
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return index;
}

/* A strategy that changes nothing yet, with an id made from its name and
 * the default levers (so it may still become a shock). Returns its
 * index, or -1. */
int
ss_document_add_scenario (SsDocument  *self,
                          const char  *name,
                          GError     **error)
{
  return add_scenario (self, name, FALSE, error);
}

/**
 * ss_document_add_strategy:
 *
 * As ss_document_add_scenario(), with the study's usual levers
 * (usual_levers(): each the median of the strategies'), as the Scenarios
 * page's New Scenario makes one: a new strategy is not free to switch in
 * a study whose strategies all pay for it. One undo step.
 */
int
ss_document_add_strategy (SsDocument  *self,
                          const char  *name,
                          GError     **error)
{
  return add_scenario (self, name, TRUE, error);
}

/* A copy at the end of the list, named "… (copy)". */
int
ss_document_duplicate_scenario (SsDocument  *self,
                                guint        scenario,
                                GError     **error)
{
  g_autofree char *name = NULL, *id = NULL;
  SsStudy *study;
  guint copy;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), -1);
  study = _ss_document_study (self);
  g_return_val_if_fail (scenario < ss_study_get_n_scenarios (study), -1);

  if (!check_room_for_scenario (study, error))
    return -1;
  /* Translators: the name of a scenario's copy */
  name = g_strdup_printf (_("%s (copy)"), ss_study_get_scenario (study, scenario)->name);
  id = ss_study_unique_scenario_id (study, name);
  study = _ss_edit_open (self, &edit);
  copy = ss_study_duplicate_scenario (study, scenario, id, name);
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return copy;
}

void
ss_document_remove_scenario (SsDocument *self,
                             guint       scenario)
{
  SsStudy *study;
  SsEdit edit;

  g_return_if_fail (SS_IS_DOCUMENT (self));
  g_return_if_fail (scenario < ss_study_get_n_scenarios (_ss_document_study (self)));

  study = _ss_edit_open (self, &edit);
  ss_study_remove_scenario (study, scenario);
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
}

/* The id stays: it is what other files and the command line name. */
gboolean
ss_document_rename_scenario (SsDocument  *self,
                             guint        scenario,
                             const char  *name,
                             GError     **error)
{
  SsStudy *study;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (scenario < ss_study_get_n_scenarios (study), FALSE);

  if (!_ss_edit_check_name (name, _("A scenario’s name cannot be empty"), error))
    return FALSE;
  return _ss_edit_set_label (self, &ss_study_get_scenario (study, scenario)->name, name);
}

gboolean
ss_document_set_scenario_description (SsDocument  *self,
                                      guint        scenario,
                                      const char  *description,
                                      GError     **error)
{
  SsStudy *study;
  SsScenario *record;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (scenario < ss_study_get_n_scenarios (study), FALSE);

  if (!_ss_edit_check_text (description, _("The description"), error))
    return FALSE;
  record = ss_study_get_scenario (study, scenario);
  if (g_str_equal (record->description, description))
    return TRUE;
  study = _ss_edit_open (self, &edit);
  _ss_edit_set_string (&ss_study_get_scenario (study, scenario)->description, description);
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_NONE);
  return TRUE;
}

/* What a strategy sets that a shock may not have (file-format.md). */
static gboolean
has_strategy_parts (SsStudy          *study,
                    const SsScenario *scenario)
{
  if (scenario->transition_years != ss_spec_transition_years.fallback
      || scenario->switching_cost != ss_spec_switching_cost.fallback
      || scenario->subsidy != ss_spec_subsidy.fallback)
    return TRUE;
  for (guint i = 0; i < ss_study_get_n_items (study); i++)
    if (scenario->targets[i] != NULL)
      return TRUE;
  return FALSE;
}

/* A strategy becomes a shock only once it has no targets and its levers
 * are back at their defaults: a shock has none, and saving would drop
 * them unseen. The grid's rows and columns change. */
gboolean
ss_document_set_scenario_kind (SsDocument      *self,
                               guint            scenario,
                               SsScenarioKind   kind,
                               GError         **error)
{
  SsStudy *study;
  SsScenario *record;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (scenario < ss_study_get_n_scenarios (study), FALSE);
  g_return_val_if_fail (kind == SS_SCENARIO_STRATEGY || kind == SS_SCENARIO_SHOCK, FALSE);

  record = ss_study_get_scenario (study, scenario);
  if (record->kind == kind)
    return TRUE;
  if (kind == SS_SCENARIO_SHOCK && has_strategy_parts (study, record))
    {
      g_autofree char *name = ss_bidi_isolate (record->name);

      return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_IN_USE,
                     _("“%s” has targets or levers, which a shock cannot have: reset its targets "
                       "and levers first"), name);
    }
  study = _ss_edit_open (self, &edit);
  ss_study_get_scenario (study, scenario)->kind = kind;
  _ss_edit_close (&edit, SS_CHANGE_STRUCTURE, -1, SS_STALE_ALL);
  return TRUE;
}

static const SsAttrSpec *
lever_spec (SsLever lever)
{
  switch (lever)
    {
    case SS_LEVER_TRANSITION_YEARS: return &ss_spec_transition_years;
    case SS_LEVER_SWITCHING_COST: return &ss_spec_switching_cost;
    case SS_LEVER_SUBSIDY: return &ss_spec_subsidy;
    case SS_N_LEVERS:
    default: g_return_val_if_reached (NULL);
    }
}

static double *
lever_field (SsScenario *scenario,
             SsLever     lever)
{
  switch (lever)
    {
    case SS_LEVER_TRANSITION_YEARS: return &scenario->transition_years;
    case SS_LEVER_SWITCHING_COST: return &scenario->switching_cost;
    case SS_LEVER_SUBSIDY: return &scenario->subsidy;
    case SS_N_LEVERS:
    default: g_return_val_if_reached (NULL);
    }
}

/* Switching cost and subsidy are fractions (0.05 = 5 %), as in the file. */
gboolean
ss_document_set_scenario_lever (SsDocument  *self,
                                guint        scenario,
                                SsLever      lever,
                                double       value,
                                GError     **error)
{
  SsStudy *study;
  SsScenario *record;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (scenario < ss_study_get_n_scenarios (study), FALSE);
  g_return_val_if_fail (lever < SS_N_LEVERS, FALSE);

  record = ss_study_get_scenario (study, scenario);
  if (!check_strategy (record, error) || !_ss_edit_check_range (lever_spec (lever), value, error))
    return FALSE;
  if (*lever_field (record, lever) == value)
    return TRUE;
  study = _ss_edit_open (self, &edit);
  *lever_field (ss_study_get_scenario (study, scenario), lever) = value;
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_SCENARIO);
  return TRUE;
}

/* A strategy's target shares for one item, one per study country, summing
 * to 1; reached over the transition. */
gboolean
ss_document_set_target (SsDocument    *self,
                        guint          scenario,
                        guint          item,
                        const double  *targets,
                        guint          n_targets,
                        GError       **error)
{
  SsStudy *study;
  SsScenario *record;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (scenario < ss_study_get_n_scenarios (study), FALSE);
  g_return_val_if_fail (item < ss_study_get_n_items (study), FALSE);
  g_return_val_if_fail (n_targets == ss_study_get_n_countries (study), FALSE);

  record = ss_study_get_scenario (study, scenario);
  if (!check_strategy (record, error)
      || !_ss_edit_check_shares (targets, n_targets, ss_study_get_item (study, item)->name, error))
    return FALSE;
  if (record->targets[item] != NULL
      && memcmp (record->targets[item], targets, n_targets * sizeof (double)) == 0)
    return TRUE;
  study = _ss_edit_open (self, &edit);
  record = ss_study_get_scenario (study, scenario);
  memcpy (ss_scenario_ensure_targets (study, record, item), targets, n_targets * sizeof (double));
  _ss_edit_close_item (&edit, SS_CHANGE_SCENARIO, scenario, item);
  return TRUE;
}

/* The item keeps its baseline shares in the scenario. */
void
ss_document_clear_target (SsDocument *self,
                          guint       scenario,
                          guint       item)
{
  SsStudy *study;
  SsEdit edit;

  g_return_if_fail (SS_IS_DOCUMENT (self));
  study = _ss_document_study (self);
  g_return_if_fail (scenario < ss_study_get_n_scenarios (study));
  g_return_if_fail (item < ss_study_get_n_items (study));

  if (ss_study_get_scenario (study, scenario)->targets[item] == NULL)
    return;
  study = _ss_edit_open (self, &edit);
  ss_scenario_clear_targets (ss_study_get_scenario (study, scenario), item);
  _ss_edit_close_item (&edit, SS_CHANGE_SCENARIO, scenario, item);
}

static void
write_stockpile (SsScenario *scenario,
                 int         item,
                 double      days)
{
  if (item == SS_ALL_ITEMS)
    {
      scenario->has_stockpile_all = !isnan (days);
      scenario->stockpile_all = isnan (days) ? 0 : days;
    }
  else
    scenario->stockpile[item] = days;
}

static gboolean
same_stockpile (const SsScenario *scenario,
                int               item,
                double            days)
{
  if (item == SS_ALL_ITEMS)
    return isnan (days) ? !scenario->has_stockpile_all
                        : scenario->has_stockpile_all && scenario->stockpile_all == days;
  return isnan (days) ? isnan (scenario->stockpile[item]) : scenario->stockpile[item] == days;
}

/* An item, or SS_ALL_ITEMS. */
static gboolean
valid_item (SsDocument *self,
            int         item)
{
  return item == SS_ALL_ITEMS
         || (item >= 0 && (guint)item < ss_study_get_n_items (_ss_document_study (self)));
}

/* NAN clears. */
static void
change_stockpile (SsDocument *self,
                  guint       scenario,
                  int         item,
                  double      days)
{
  SsStudy *study = _ss_document_study (self);
  SsEdit edit;

  if (same_stockpile (ss_study_get_scenario (study, scenario), item, days))
    return;
  study = _ss_edit_open (self, &edit);
  write_stockpile (ss_study_get_scenario (study, scenario), item, days);
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_SCENARIO);
}

/* Days of consumption the scenario holds of one item, or of every item
 * (SS_ALL_ITEMS) where it gives none for the item itself. */
gboolean
ss_document_set_stockpile (SsDocument  *self,
                           guint        scenario,
                           int          item,
                           double       days,
                           GError     **error)
{
  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (scenario < ss_study_get_n_scenarios (_ss_document_study (self)), FALSE);
  g_return_val_if_fail (valid_item (self, item), FALSE);

  if (!_ss_edit_check_range (&ss_spec_stockpile_days, days, error))
    return FALSE;
  change_stockpile (self, scenario, item, days);
  return TRUE;
}

void
ss_document_clear_stockpile (SsDocument *self,
                             guint       scenario,
                             int         item)
{
  g_return_if_fail (SS_IS_DOCUMENT (self));
  g_return_if_fail (scenario < ss_study_get_n_scenarios (_ss_document_study (self)));
  g_return_if_fail (valid_item (self, item));

  change_stockpile (self, scenario, item, NAN);
}

/* The scenario's value for one attribute of one country, instead of the
 * country's own. */
gboolean
ss_document_set_override (SsDocument     *self,
                          guint           scenario,
                          guint           country,
                          SsCountryAttr   attr,
                          double          value,
                          GError        **error)
{
  SsStudy *study;
  SsScenario *record;
  SsCountryOverride *ov;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (scenario < ss_study_get_n_scenarios (study), FALSE);
  g_return_val_if_fail (country < ss_study_get_n_countries (study), FALSE);
  g_return_val_if_fail (attr < SS_COUNTRY_N_ATTRS, FALSE);

  if (!_ss_edit_check_range (&ss_country_attrs[attr], value, error))
    return FALSE;
  ov = ss_scenario_find_override (ss_study_get_scenario (study, scenario), country);
  if (ov != NULL && (ov->set & (1u << attr)) && ov->attr[attr] == value)
    return TRUE;

  _ss_edit_open (self, &edit);
  record = ss_study_get_scenario (study, scenario);
  if ((ov = ss_scenario_find_override (record, country)) == NULL)
    {
      SsCountryOverride fresh = { 0 };

      fresh.country = country;
      g_array_append_val (record->overrides, fresh);
      ov = &g_array_index (record->overrides, SsCountryOverride, record->overrides->len - 1);
    }
  ov->set |= 1u << attr;
  ov->attr[attr] = value;
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_SCENARIO);
  return TRUE;
}

/* The country's own value applies again. A record left with no attribute
 * goes, so the file has no empty <country code="…"/> line. */
void
ss_document_clear_override (SsDocument    *self,
                            guint          scenario,
                            guint          country,
                            SsCountryAttr  attr)
{
  SsStudy *study;
  SsScenario *record;
  SsCountryOverride *ov;
  SsEdit edit;

  g_return_if_fail (SS_IS_DOCUMENT (self));
  study = _ss_document_study (self);
  g_return_if_fail (scenario < ss_study_get_n_scenarios (study));
  g_return_if_fail (country < ss_study_get_n_countries (study));
  g_return_if_fail (attr < SS_COUNTRY_N_ATTRS);

  ov = ss_scenario_find_override (ss_study_get_scenario (study, scenario), country);
  if (ov == NULL || !(ov->set & (1u << attr)))
    return;

  study = _ss_edit_open (self, &edit);
  record = ss_study_get_scenario (study, scenario);
  ov = ss_scenario_find_override (record, country);
  ov->set &= ~(1u << attr);
  ov->attr[attr] = 0;
  if (ov->set == 0)
    g_array_remove_index (record->overrides,
                          ov - &g_array_index (record->overrides, SsCountryOverride, 0));
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_SCENARIO);
}

/* --- Shocks ------------------------------------------------------------ */

static SsShock *
shock_at (SsStudy *study,
          guint    scenario,
          guint    shock)
{
  return &g_array_index (ss_study_get_scenario (study, scenario)->shocks, SsShock, shock);
}

static gboolean
valid_shock (SsStudy *study,
             guint    scenario,
             guint    shock)
{
  return scenario < ss_study_get_n_scenarios (study)
         && shock < ss_study_get_scenario (study, scenario)->shocks->len;
}

/* A shock of a country's disruption on every item, with one value set (a
 * shock sets at least one). Returns its index in the scenario's list, or
 * -1. A shock in a strategy is a strategy that also changes the world. */
int
ss_document_add_shock (SsDocument    *self,
                       guint          scenario,
                       guint          country,
                       SsDisruption   value,
                       double         number,
                       GError       **error)
{
  SsStudy *study;
  SsShock *shock;
  guint index;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), -1);
  study = _ss_document_study (self);
  g_return_val_if_fail (scenario < ss_study_get_n_scenarios (study), -1);
  g_return_val_if_fail (country < ss_study_get_n_countries (study), -1);
  g_return_val_if_fail (value < SS_DISRUPTION_N, -1);

  if (!_ss_edit_check_range (&ss_country_attrs[SS_COUNTRY_DISRUPTION (value)], number, error))
    return -1;
  study = _ss_edit_open (self, &edit);
  shock = ss_scenario_add_shock (ss_study_get_scenario (study, scenario), country);
  shock->set = 1u << value;
  shock->value[value] = number;
  index = ss_study_get_scenario (study, scenario)->shocks->len - 1;
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_SCENARIO);
  return index;
}

void
ss_document_remove_shock (SsDocument *self,
                          guint       scenario,
                          guint       shock)
{
  SsStudy *study;
  SsEdit edit;

  g_return_if_fail (SS_IS_DOCUMENT (self));
  g_return_if_fail (valid_shock (_ss_document_study (self), scenario, shock));

  study = _ss_edit_open (self, &edit);
  g_array_remove_index (ss_study_get_scenario (study, scenario)->shocks, shock);
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_SCENARIO);
}

gboolean
ss_document_set_shock_country (SsDocument  *self,
                               guint        scenario,
                               guint        shock,
                               guint        country,
                               GError     **error)
{
  SsStudy *study;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (valid_shock (_ss_document_study (self), scenario, shock), FALSE);
  g_return_val_if_fail (country < ss_study_get_n_countries (_ss_document_study (self)), FALSE);

  if (shock_at (_ss_document_study (self), scenario, shock)->country == country)
    return TRUE;
  study = _ss_edit_open (self, &edit);
  shock_at (study, scenario, shock)->country = country;
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_SCENARIO);
  return TRUE;
}

gboolean
ss_document_set_shock_value (SsDocument    *self,
                             guint          scenario,
                             guint          shock,
                             SsDisruption   value,
                             double         number,
                             GError       **error)
{
  SsShock *record;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (valid_shock (_ss_document_study (self), scenario, shock), FALSE);
  g_return_val_if_fail (value < SS_DISRUPTION_N, FALSE);

  if (!_ss_edit_check_range (&ss_country_attrs[SS_COUNTRY_DISRUPTION (value)], number, error))
    return FALSE;
  record = shock_at (_ss_document_study (self), scenario, shock);
  if ((record->set & (1u << value)) && record->value[value] == number)
    return TRUE;
  _ss_edit_open (self, &edit);
  record->set |= 1u << value;
  record->value[value] = number;
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_SCENARIO);
  return TRUE;
}

/* Refused for the last value the shock sets: remove the shock instead. */
gboolean
ss_document_clear_shock_value (SsDocument    *self,
                               guint          scenario,
                               guint          shock,
                               SsDisruption   value,
                               GError       **error)
{
  SsShock *record;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (valid_shock (_ss_document_study (self), scenario, shock), FALSE);
  g_return_val_if_fail (value < SS_DISRUPTION_N, FALSE);

  record = shock_at (_ss_document_study (self), scenario, shock);
  if (!(record->set & (1u << value)))
    return TRUE;
  if (record->set == 1u << value)
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_IN_USE,
                   _("A shock sets at least one of disruption probability, severity and days: "
                     "remove the shock instead"));
  _ss_edit_open (self, &edit);
  record->set &= ~(1u << value);
  record->value[value] = 0;
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_SCENARIO);
  return TRUE;
}

/* The items the shock hits, each once, in the order given; NULL for all
 * items. */
gboolean
ss_document_set_shock_items (SsDocument    *self,
                             guint          scenario,
                             guint          shock,
                             const guint   *items,
                             guint          n_items,
                             GError       **error)
{
  SsStudy *study;
  SsShock *record;
  guint ni;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  study = _ss_document_study (self);
  g_return_val_if_fail (valid_shock (study, scenario, shock), FALSE);

  ni = ss_study_get_n_items (study);
  if (items != NULL && n_items == 0)
    return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID, _("A shock hits at least one item"));
  for (guint k = 0; items != NULL && k < n_items; k++)
    {
      g_return_val_if_fail (items[k] < ni, FALSE);
      for (guint j = 0; j < k; j++)
        if (items[j] == items[k])
          {
            g_autofree char *name = ss_bidi_isolate (ss_study_get_item (study, items[k])->name);

            return _ss_edit_refuse (error, SS_DOCUMENT_ERROR_INVALID,
                                    _("%s is listed twice"), name);
          }
    }
  record = shock_at (study, scenario, shock);
  if ((items == NULL && record->items == NULL)
      || (items != NULL && record->items != NULL && record->n_items == n_items
          && memcmp (record->items, items, n_items * sizeof (guint)) == 0))
    return TRUE;
  study = _ss_edit_open (self, &edit);
  ss_shock_set_items (shock_at (study, scenario, shock), items, n_items);
  _ss_edit_close (&edit, SS_CHANGE_SCENARIO, scenario, SS_STALE_SCENARIO);
  return TRUE;
}
