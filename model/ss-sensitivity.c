/* ss-sensitivity.c: which inputs a figure depends on (the tornado)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For a scenario and one figure, every input is varied down and up by a
 * fraction (clamped to its range in ss-attrs.c) and the figure computed
 * again exactly, by the engine; the inputs are then ranked by how far
 * the figure moves (issue 13). The inputs are every numeric attribute of
 * every country, each item's value, growth and stockpile, and the
 * scenario's levers.
 *
 * A whole projection per variation would cost the sample some 250
 * projections of two scenarios. Three facts of model.md make most of them
 * smaller, and none of them approximates:
 *
 * - Every figure here is a sum over items (the premium, EL), a ratio of
 *   two sums (the portfolio's SR, weighted by cost), or a maximum over
 *   items (the largest foreign share), and an item's own figures depend on
 *   no other item (§3, §4; only VaR95 couples items, and no figure here
 *   is VaR95). So an input that reaches only some items is recomputed on
 *   a study of those items alone, and their part of the figure replaced.
 * - An item's value, growth and stockpile reach that item only; a
 *   country's attributes reach only the items with a share from it, in
 *   the baseline or as a target (a source with no share in any year
 *   weighs nothing in cost, risk or shortfall, and its share stays 0).
 * - Some inputs cannot move some figures: governance only enters the
 *   supply risk, the disruption values and the stockpile only the
 *   shortfall, the switching cost and subsidy only the premium; shares
 *   depend only on the baseline, the targets, the transition and the
 *   ramps. Those swings are exactly 0 and are not computed.
 *
 * tests/test-sensitivity.c checks every swing against a brute force that
 * copies the study, sets the input and projects it whole.
 */

#define G_LOG_DOMAIN "supplyshift-sensitivity"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-bidi.h"
#include "ss-dtoa.h"
#include "ss-figures.h"
#include "ss-sensitivity.h"

G_DEFINE_QUARK (ss-sensitivity-error-quark, ss_sensitivity_error)

static const char * const figure_names[SS_N_SENSITIVITY_FIGURES] = {
  [SS_SENSITIVITY_NPV_PREMIUM] = "premium",
  [SS_SENSITIVITY_SHORTFALL_IMPACT] = "shortfall",
  [SS_SENSITIVITY_SUPPLY_RISK] = "supply-risk",
  [SS_SENSITIVITY_MAX_FOREIGN_SHARE] = "max-share",
};

static const char * const figure_titles[SS_N_SENSITIVITY_FIGURES] = {
  [SS_SENSITIVITY_NPV_PREMIUM] = N_("Cost premium (NPV)"),
  [SS_SENSITIVITY_SHORTFALL_IMPACT] = N_("Expected shortfall impact"),
  [SS_SENSITIVITY_SUPPLY_RISK] = N_("Supply risk"),
  [SS_SENSITIVITY_MAX_FOREIGN_SHARE] = N_("Largest foreign share"),
};

/* The command line's and the report's name of a figure. */
const char *
ss_sensitivity_figure_to_string (SsSensitivityFigure figure)
{
  g_return_val_if_fail (figure < SS_N_SENSITIVITY_FIGURES, NULL);
  return figure_names[figure];
}

gboolean
ss_sensitivity_figure_from_string (const char          *name,
                                   SsSensitivityFigure *figure)
{
  for (guint f = 0; name != NULL && f < SS_N_SENSITIVITY_FIGURES; f++)
    if (g_str_equal (name, figure_names[f]))
      {
        *figure = f;
        return TRUE;
      }
  return FALSE;
}

/* The figure's name for a person, translated. */
const char *
ss_sensitivity_figure_title (SsSensitivityFigure figure)
{
  g_return_val_if_fail (figure < SS_N_SENSITIVITY_FIGURES, NULL);
  return _(figure_titles[figure]);
}

/* The year index a figure is read in: the final year, or for the largest
 * foreign share the first year a policy target is in force; -1 for the
 * NPV (every year) and where no target is in force in the horizon. */
int
ss_sensitivity_figure_year (const SsStudy       *study,
                            SsSensitivityFigure  figure)
{
  const SsMeta *meta = ss_study_get_meta (study);

  switch (figure)
    {
    case SS_SENSITIVITY_NPV_PREMIUM:
      return -1;
    case SS_SENSITIVITY_SHORTFALL_IMPACT:
    case SS_SENSITIVITY_SUPPLY_RISK:
      return meta->horizon;
    case SS_SENSITIVITY_MAX_FOREIGN_SHARE:
      for (int t = 0; t <= meta->horizon; t++)
        if (!isnan (ss_study_policy_target_at (study, meta->base_year + t)))
          return t;
      return -1;
    case SS_N_SENSITIVITY_FIGURES:
    default:
      g_return_val_if_reached (-1);
    }
}

/* An item's largest share from a foreign country in year t. */
static double
item_max_share (const SsProjection *p,
                guint               item,
                guint               t)
{
  int top = p->top_country[(gsize)item * p->n_years + t];

  if (top < 0)
    return 0;
  return p->share[((gsize)item * p->n_countries + top) * p->n_years + t];
}

/* The figure as a projection gives it, year t (ss_sensitivity_figure_year()). */
double
ss_sensitivity_read_figure (const SsStudy       *study,
                            SsSensitivityFigure  figure,
                            int                  t,
                            const SsProjection  *p)
{
  double best = 0;

  switch (figure)
    {
    case SS_SENSITIVITY_NPV_PREMIUM:
      return p->npv_cost_premium;
    case SS_SENSITIVITY_SHORTFALL_IMPACT:
      return p->expected_shortfall_impact[t];
    case SS_SENSITIVITY_SUPPLY_RISK:
      return p->portfolio_supply_risk[t];
    case SS_SENSITIVITY_MAX_FOREIGN_SHARE:
      for (guint i = 0; i < p->n_items; i++)
        best = MAX (best, item_max_share (p, i, t));
      return best;
    case SS_N_SENSITIVITY_FIGURES:
    default:
      g_return_val_if_reached (NAN);
    }
}

/* ------------------------------------------------------------------ */
/* Parts of a figure                                                   */
/* ------------------------------------------------------------------ */

/* What some items give to the figure: summed (premium, EL, SR's two
 * sums) or the largest (share). */
typedef struct
{
  double sum;
  double weight;                       /* SR: Σ C_i; the others: unused */
  double max;
} Part;

typedef struct
{
  const SsStudy       *study;          /* the study as given */
  SsStudy             *work;           /* a copy, varied and restored in place */
  int                  scenario;
  SsSensitivityFigure  figure;
  int                  year;
  double               fraction;
  gboolean             needs_base;     /* the premium: the baseline recomputed too */
  SsProjection        *base;           /* the work study's, unvaried */
  SsProjection        *proj;
  SsProjection        *vb;             /* scratch for a variation */
  SsProjection        *vp;
  Part                *parts;          /* per item, unvaried */
  double               value;          /* the figure, unvaried */
} Run;

/* Items' part of the figure in (p, b), for items 0..n of study. */
static void
parts_of (const Run          *run,
          const SsStudy      *study,
          const SsProjection *p,
          const SsProjection *b,
          guint               item,
          Part               *part)
{
  gsize at;

  part->sum = part->weight = part->max = 0;
  switch (run->figure)
    {
    case SS_SENSITIVITY_NPV_PREMIUM:
      if (run->scenario != SS_BASELINE)
        part->sum = ss_figures_npv_premium (study, p, b, item);
      break;
    case SS_SENSITIVITY_SHORTFALL_IMPACT:
      part->sum = ss_figures_shortfall_impact (study, p, item, run->year);
      break;
    case SS_SENSITIVITY_SUPPLY_RISK:
      at = ss_projection_at (p, item, run->year);
      part->sum = p->cost[at] * p->supply_risk[at];
      part->weight = p->cost[at];
      break;
    case SS_SENSITIVITY_MAX_FOREIGN_SHARE:
      part->max = item_max_share (p, item, run->year);
      break;
    case SS_N_SENSITIVITY_FIGURES:
    default:
      g_assert_not_reached ();
    }
}

static void
part_add (Part       *to,
          const Part *part,
          double      sign)
{
  to->sum += sign * part->sum;
  to->weight += sign * part->weight;
  to->max = MAX (to->max, part->max);
}

/* The figure from the parts of every item. */
static double
figure_of (const Run  *run,
           const Part *total)
{
  switch (run->figure)
    {
    case SS_SENSITIVITY_SUPPLY_RISK:
      return total->weight > 0 ? total->sum / total->weight : NAN;
    case SS_SENSITIVITY_MAX_FOREIGN_SHARE:
      return total->max;
    case SS_SENSITIVITY_NPV_PREMIUM:
    case SS_SENSITIVITY_SHORTFALL_IMPACT:
    case SS_N_SENSITIVITY_FIGURES:
    default:
      return total->sum;
    }
}

/* ------------------------------------------------------------------ */
/* Studies of some items                                               */
/* ------------------------------------------------------------------ */

/* The work study with only the items in keep (indices in order), or
 * the work study itself when that is all of them. */
typedef struct
{
  SsStudy *study;                      /* owned unless whole */
  gboolean whole;
  GArray  *items;                      /* of guint: the work study's index of each */
} Sub;

static void
sub_clear (Sub *sub)
{
  if (!sub->whole)
    g_clear_object (&sub->study);
  g_clear_pointer (&sub->items, g_array_unref);
}

static void
sub_init (Sub       *sub,
          Run       *run,
          gboolean  *keep)
{
  guint n = ss_study_get_n_items (run->work);

  sub->items = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n; i++)
    if (keep[i])
      g_array_append_val (sub->items, i);
  sub->whole = sub->items->len == n;
  if (sub->items->len == 0)
    return;                            /* reaches nothing: never evaluated */
  if (sub->whole)
    {
      sub->study = run->work;
      return;
    }
  sub->study = ss_study_copy (run->work);
  for (guint i = n; i-- > 0;)
    if (!keep[i])
      ss_study_remove_item (sub->study, i);
}

/* Projects sub's study as it now is and returns the figure: read off
 * the projection when it is the whole study, else the unvaried parts of
 * the other items with the new parts of its own. */
static double
sub_evaluate (Run *run,
              Sub *sub)
{
  const SsProjection *reference = run->base;
  Part total = { 0 };

  if (sub->items->len == 0)
    return run->value;
  if (run->scenario == SS_BASELINE)
    ss_engine_project (sub->study, SS_BASELINE, NULL, run->vp);
  else
    {
      if (run->needs_base)
        {
          ss_engine_project (sub->study, SS_BASELINE, NULL, run->vb);
          reference = run->vb;
        }
      /* Only the premium reads the reference: any projection of the
       * right years spares the engine computing its own. */
      ss_engine_project (sub->study, run->scenario, reference, run->vp);
    }
  if (sub->whole)
    return ss_sensitivity_read_figure (sub->study, run->figure, run->year, run->vp);

  {
    guint n = ss_study_get_n_items (run->work), k = 0;

    for (guint i = 0; i < n; i++)
      if (k < sub->items->len && g_array_index (sub->items, guint, k) == i)
        {
          Part part;

          parts_of (run, sub->study, run->vp, run->vb, k++, &part);
          part_add (&total, &part, 1);
        }
      else
        part_add (&total, &run->parts[i], 1);
  }
  return figure_of (run, &total);
}

/* ------------------------------------------------------------------ */
/* The inputs                                                          */
/* ------------------------------------------------------------------ */

static const SsAttrSpec *
lever_spec (guint lever)
{
  switch (lever)
    {
    case SS_LEVER_TRANSITION_YEARS: return &ss_spec_transition_years;
    case SS_LEVER_SWITCHING_COST: return &ss_spec_switching_cost;
    case SS_LEVER_SUBSIDY:
    default: return &ss_spec_subsidy;
    }
}

static const SsAttrSpec *
input_spec (const SsSensitivityInput *input)
{
  switch (input->kind)
    {
    case SS_INPUT_COUNTRY: return &ss_country_attrs[input->attr];
    case SS_INPUT_ITEM: return &ss_item_attrs[input->attr];
    case SS_INPUT_LEVER:
    default: return lever_spec (input->attr);
    }
}

/* The field of a study an input is. */
static double *
input_field (SsStudy                  *study,
             int                       scenario,
             const SsSensitivityInput *input,
             guint                     item)
{
  SsScenario *s;

  switch (input->kind)
    {
    case SS_INPUT_COUNTRY:
      return &ss_study_get_country (study, input->index)->attr[input->attr];
    case SS_INPUT_ITEM:
      return &ss_study_get_item (study, item)->attr[input->attr];
    case SS_INPUT_LEVER:
    default:
      s = ss_study_get_scenario (study, scenario);
      return input->attr == SS_LEVER_TRANSITION_YEARS ? &s->transition_years
             : input->attr == SS_LEVER_SWITCHING_COST ? &s->switching_cost : &s->subsidy;
    }
}

/* v moved into the spec's range: to an end it includes, or just inside
 * an end it excludes. */
static double
clamp_to (const SsAttrSpec *spec,
          double            v,
          gboolean         *clamped)
{
  double lo = spec->min_open ? nextafter (spec->min, INFINITY) : spec->min;
  double hi = spec->max_open ? nextafter (spec->max, -INFINITY) : spec->max;
  double out = CLAMP (v, lo, hi);

  *clamped = out != v;
  return out;
}

/* Whether an input can move a figure at all (see the top of the file). */
static gboolean
input_reaches (const SsSensitivityInput *input,
               SsSensitivityFigure       figure)
{
  gboolean shares = figure == SS_SENSITIVITY_MAX_FOREIGN_SHARE;

  switch (input->kind)
    {
    case SS_INPUT_COUNTRY:
      switch ((SsCountryAttr)input->attr)
        {
        case SS_COUNTRY_GOVERNANCE:
          return figure == SS_SENSITIVITY_SUPPLY_RISK;
        case SS_COUNTRY_DISRUPTION_PROBABILITY:
        case SS_COUNTRY_DISRUPTION_SEVERITY:
        case SS_COUNTRY_DISRUPTION_DAYS:
          return figure == SS_SENSITIVITY_SHORTFALL_IMPACT;
        case SS_COUNTRY_RAMP:
          return TRUE;
        case SS_COUNTRY_COST_INDEX:
        case SS_COUNTRY_COST_GROWTH:
        case SS_COUNTRY_TARIFF:
        case SS_COUNTRY_LOGISTICS:
        case SS_COUNTRY_N_ATTRS:
        default:
          return !shares;
        }
    case SS_INPUT_ITEM:
      if (input->attr == SS_ITEM_STOCKPILE_DAYS)
        return figure == SS_SENSITIVITY_SHORTFALL_IMPACT;
      return !shares;
    case SS_INPUT_LEVER:
    default:
      if (input->attr == SS_LEVER_TRANSITION_YEARS)
        return TRUE;
      return figure == SS_SENSITIVITY_NPV_PREMIUM;
    }
}

/* Varies one input down and up on sub (whose study holds it at item,
 * for an item's input) and fills the figures. */
static void
vary (Run                *run,
      Sub                *sub,
      guint               item,
      SsSensitivityInput *input)
{
  const SsAttrSpec *spec = input_spec (input);
  gboolean reaches = input_reaches (input, run->figure) && sub->items->len > 0;
  double *field;

  input->value = *input_field (run->work, run->scenario, input, input->index);
  input->low_value = clamp_to (spec, input->value * (1 - run->fraction), &input->low_clamped);
  input->high_value = clamp_to (spec, input->value * (1 + run->fraction), &input->high_clamped);
  input->low = input->high = run->value;
  if (!reaches)
    {
      input->swing = 0;
      return;
    }
  field = input_field (sub->study, run->scenario, input, item);
  if (input->low_value != input->value)
    {
      *field = input->low_value;
      input->low = sub_evaluate (run, sub);
    }
  if (input->high_value != input->value)
    {
      *field = input->high_value;
      input->high = sub_evaluate (run, sub);
    }
  *field = input->value;
  input->swing = fabs (input->high - input->low);
  if (isnan (input->swing))
    input->swing = 0;
}

static int
compare_swing (gconstpointer a,
               gconstpointer b)
{
  const SsSensitivityInput *x = a, *y = b;

  /* g_array_sort is not stable: study order breaks ties. */
  if (x->swing != y->swing)
    return x->swing > y->swing ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  return x->attr < y->attr ? -1 : x->attr > y->attr;
}

/* Whether country c can reach item i: a share in the baseline, or a
 * target in the scenario. */
static gboolean
country_reaches_item (const SsStudy *study,
                      int            scenario,
                      guint          c,
                      guint          i)
{
  const SsItem *item = ss_study_get_item (study, i);

  if (item->sources[c].attr[SS_SOURCE_SHARE] > 0)
    return TRUE;
  if (scenario != SS_BASELINE)
    {
      const SsScenario *s = ss_study_get_scenario (study, scenario);

      if (s->targets[i] != NULL && s->targets[i][c] > 0)
        return TRUE;
    }
  return FALSE;
}

/* For the figure of a scenario, the inputs ranked by how far the figure
 * moves when each is varied by ±fraction. NULL with an error when the
 * fraction is not in (0, 1) or the figure needs a policy target the
 * study does not have in its horizon. */
SsSensitivity *
ss_sensitivity_compute (const SsStudy        *study,
                        int                   scenario,
                        SsSensitivityFigure   figure,
                        double                fraction,
                        GError              **error)
{
  return ss_sensitivity_compute_cancellable (study, scenario, figure, fraction, NULL, error);
}

/* The same, stopped early (NULL, G_IO_ERROR_CANCELLED) once @cancellable
 * is cancelled: for a worker thread, at the early-warning scale where a
 * tornado takes minutes. */
SsSensitivity *
ss_sensitivity_compute_cancellable (const SsStudy        *study,
                                    int                   scenario,
                                    SsSensitivityFigure   figure,
                                    double                fraction,
                                    GCancellable         *cancellable,
                                    GError              **error)
{
  g_autoptr(SsSensitivity) self = NULL;
  guint nc, ni, nl = 0;
  Run run = { 0 };
  g_autofree gboolean *keep = NULL;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (SS_IS_STUDY ((SsStudy *)study), NULL);
  g_return_val_if_fail (figure < SS_N_SENSITIVITY_FIGURES, NULL);
  g_return_val_if_fail (scenario == SS_BASELINE
                        || (scenario >= 0 && (guint)scenario < ss_study_get_n_scenarios (study)),
                        NULL);

  if (!(fraction > 0 && fraction < 1))
    {
      g_set_error (error, SS_SENSITIVITY_ERROR, SS_SENSITIVITY_ERROR_FRACTION,
                   _("the variation must be more than 0 %% and less than 100 %%"));
      return NULL;
    }

  self = g_new0 (SsSensitivity, 1);
  self->figure = figure;
  self->scenario = scenario;
  self->fraction = fraction;
  self->inputs = g_array_new (FALSE, FALSE, sizeof (SsSensitivityInput));
  run.year = ss_sensitivity_figure_year (study, figure);
  if (figure == SS_SENSITIVITY_MAX_FOREIGN_SHARE && run.year < 0)
    {
      g_set_error (error, SS_SENSITIVITY_ERROR, SS_SENSITIVITY_ERROR_NO_TARGET,
                   _("the study has no policy target in force before its last year"));
      return NULL;
    }
  self->year = run.year >= 0 ? ss_study_get_meta (study)->base_year + run.year
                             : ss_study_get_meta (study)->base_year + ss_study_get_meta (study)->horizon;

  run.study = study;
  run.work = ss_study_copy (study);
  run.scenario = scenario;
  run.figure = figure;
  run.fraction = fraction;
  run.needs_base = figure == SS_SENSITIVITY_NPV_PREMIUM && scenario != SS_BASELINE;
  run.base = ss_projection_new ();
  run.proj = ss_projection_new ();
  run.vb = ss_projection_new ();
  run.vp = ss_projection_new ();
  ss_engine_project (run.work, SS_BASELINE, NULL, run.base);
  if (scenario == SS_BASELINE)
    ss_projection_copy_into (run.proj, run.base);
  else
    ss_engine_project (run.work, scenario, run.base, run.proj);
  run.value = ss_sensitivity_read_figure (run.work, figure, run.year, run.proj);
  self->base = run.value;

  nc = ss_study_get_n_countries (study);
  ni = ss_study_get_n_items (study);
  run.parts = g_new0 (Part, ni);
  for (guint i = 0; i < ni; i++)
    parts_of (&run, run.work, run.proj, run.base, i, &run.parts[i]);
  keep = g_new0 (gboolean, ni);

  /* Countries, each on a study of the items it reaches. */
  for (guint c = 0; c < nc && !(cancelled = g_cancellable_is_cancelled (cancellable)); c++)
    {
      Sub sub = { 0 };

      for (guint i = 0; i < ni; i++)
        keep[i] = country_reaches_item (study, scenario, c, i);
      sub_init (&sub, &run, keep);
      for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
        {
          SsSensitivityInput input = { SS_INPUT_COUNTRY, c, a };

          vary (&run, &sub, 0, &input);
          g_array_append_val (self->inputs, input);
        }
      sub_clear (&sub);
    }

  /* Items, each on a study of itself. */
  for (guint i = 0; i < ni && !cancelled && !(cancelled = g_cancellable_is_cancelled (cancellable)); i++)
    {
      static const SsItemAttr attrs[] = { SS_ITEM_VALUE, SS_ITEM_GROWTH, SS_ITEM_STOCKPILE_DAYS };
      Sub sub = { 0 };

      for (guint j = 0; j < ni; j++)
        keep[j] = j == i;
      sub_init (&sub, &run, keep);
      for (guint a = 0; a < G_N_ELEMENTS (attrs); a++)
        {
          SsSensitivityInput input = { SS_INPUT_ITEM, i, attrs[a] };

          vary (&run, &sub, sub.whole ? i : 0, &input);
          g_array_append_val (self->inputs, input);
        }
      sub_clear (&sub);
    }

  /* The scenario's levers, on the whole study: the baseline does not
   * move. A shock scenario has none. */
  if (scenario != SS_BASELINE && ss_study_get_scenario (study, scenario)->kind == SS_SCENARIO_STRATEGY)
    nl = SS_N_LEVERS;
  for (guint l = 0; l < nl && !cancelled; l++)
    {
      SsSensitivityInput input = { SS_INPUT_LEVER, 0, l };
      Sub sub = { run.work, TRUE, g_array_new (FALSE, FALSE, sizeof (guint)) };
      gboolean needs_base = run.needs_base;

      for (guint i = 0; i < ni; i++)
        g_array_append_val (sub.items, i);
      run.needs_base = FALSE;
      vary (&run, &sub, 0, &input);
      run.needs_base = needs_base;
      g_array_append_val (self->inputs, input);
      sub_clear (&sub);
    }

  g_array_sort (self->inputs, compare_swing);

  g_free (run.parts);
  ss_projection_free (run.base);
  ss_projection_free (run.proj);
  ss_projection_free (run.vb);
  ss_projection_free (run.vp);
  g_object_unref (run.work);
  if (cancelled || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (cancelled)
        g_cancellable_set_error_if_cancelled (cancellable, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

void
ss_sensitivity_free (SsSensitivity *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->inputs, g_array_unref);
  g_free (self);
}

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

static const char *
lever_title (guint lever)
{
  switch (lever)
    {
    /* Translators: a scenario's lever, in the tornado */
    case SS_LEVER_TRANSITION_YEARS: return _("Transition years");
    /* Translators: a scenario's lever, in the tornado */
    case SS_LEVER_SWITCHING_COST: return _("Switching cost");
    /* Translators: a scenario's lever, in the tornado */
    case SS_LEVER_SUBSIDY:
    default: return _("Subsidy");
    }
}

/* The attribute's file name ("cost-index"), or the lever's
 * ("transition-years"), for the report. */
const char *
ss_sensitivity_input_attr_name (const SsSensitivityInput *input)
{
  switch (input->kind)
    {
    case SS_INPUT_COUNTRY:
    case SS_INPUT_ITEM:
      return input_spec (input)->name;
    case SS_INPUT_LEVER:
    default:
      return input->attr == SS_LEVER_TRANSITION_YEARS ? "transition-years"
             : input->attr == SS_LEVER_SWITCHING_COST ? "switching-cost" : "subsidy";
    }
}

/* "China · Cost index", "Lithium hydroxide · Value", "Transition years":
 * the input for a person, translated. */
char *
ss_sensitivity_input_name (const SsStudy            *study,
                           const SsSensitivityInput *input)
{
  g_autofree char *name = NULL;

  /* The name is set into a longer text: in a bidi isolate, so a
   * right-to-left name cannot reorder the attribute around it. */
  switch (input->kind)
    {
    case SS_INPUT_COUNTRY:
      name = ss_bidi_isolate (ss_study_get_country (study, input->index)->name);
      /* Translators: an input of the tornado: a country's name, then its attribute */
      return g_strdup_printf (_("%1$s · %2$s"), name, _(input_spec (input)->title));
    case SS_INPUT_ITEM:
      name = ss_bidi_isolate (ss_study_get_item (study, input->index)->name);
      /* Translators: an input of the tornado: an item's name, then its attribute */
      return g_strdup_printf (_("%1$s · %2$s"), name, _(input_spec (input)->title));
    case SS_INPUT_LEVER:
    default:
      return g_strdup (lever_title (input->attr));
    }
}

/* ------------------------------------------------------------------ */
/* As JSON                                                             */
/* ------------------------------------------------------------------ */

static void
json_number (GString *out,
             double   value)
{
  char buf[SS_G17_BUF];
  gsize n;

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  n = ss_format_g17 (buf, value == 0 ? 0 : value);   /* no "-0" */
  g_string_append_len (out, buf, n);
}

/* Codes, ids and attribute names are plain ASCII by the file format's
 * rules: no escaping needed. */
static void
json_member (GString    *out,
             const char *name,
             double      value)
{
  g_string_append_printf (out, ", \"%s\": ", name);
  json_number (out, value);
}

/* The tornado as the JSON report's "sensitivity" member
 * (docs/report-sensitivity.md), never translated. */
char *
ss_sensitivity_to_json (const SsStudy       *study,
                        const SsSensitivity *self)
{
  GString *out = g_string_new ("{ \"scenario\": \"");

  g_string_append (out, self->scenario == SS_BASELINE ? "baseline"
                        : ss_study_get_scenario (study, self->scenario)->id);
  g_string_append_printf (out, "\", \"figure\": \"%s\", \"year\": ",
                          ss_sensitivity_figure_to_string (self->figure));
  if (self->figure == SS_SENSITIVITY_NPV_PREMIUM)
    g_string_append (out, "null");
  else
    g_string_append_printf (out, "%d", self->year);
  json_member (out, "variation", self->fraction);
  json_member (out, "value", self->base);
  g_string_append (out, ",\n      \"inputs\": [");
  for (guint k = 0; k < self->inputs->len; k++)
    {
      const SsSensitivityInput *in = &g_array_index (self->inputs, SsSensitivityInput, k);

      g_string_append (out, k > 0 ? ",\n        { " : "\n        { ");
      switch (in->kind)
        {
        case SS_INPUT_COUNTRY:
          g_string_append_printf (out, "\"kind\": \"country\", \"code\": \"%s\", ",
                                  ss_study_get_country (study, in->index)->code);
          break;
        case SS_INPUT_ITEM:
          g_string_append_printf (out, "\"kind\": \"item\", \"code\": \"%s\", ",
                                  ss_study_get_item (study, in->index)->code);
          break;
        case SS_INPUT_LEVER:
        default:
          g_string_append (out, "\"kind\": \"lever\", \"code\": null, ");
          break;
        }
      g_string_append_printf (out, "\"attribute\": \"%s\"", ss_sensitivity_input_attr_name (in));
      json_member (out, "value", in->value);
      json_member (out, "low_value", in->low_value);
      json_member (out, "high_value", in->high_value);
      g_string_append_printf (out, ", \"low_clamped\": %s, \"high_clamped\": %s",
                              in->low_clamped ? "true" : "false", in->high_clamped ? "true" : "false");
      json_member (out, "low", in->low);
      json_member (out, "high", in->high);
      json_member (out, "swing", in->swing);
      g_string_append (out, " }");
    }
  g_string_append (out, self->inputs->len > 0 ? "\n      ] }" : "] }");
  return g_string_free (out, FALSE);
}
