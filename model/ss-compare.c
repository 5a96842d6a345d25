/* ss-compare.c: every scenario's headline figures in one year, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows of the scenario comparison table: the baseline, then every
 * scenario in file order, each with the figures a planner weighs in one
 * year (the largest foreign spend share and one country's, supply risk,
 * HHI, the expected shortfall impact and its VaR95, the items at each
 * alert level and over the policy target) and the NPV of its premium
 * over the whole horizon. Every figure is read off the projection as the
 * report prints it, so the table and `--report` agree to the last bit.
 *
 * Rows are reused across updates: the list changes its items only when
 * scenarios come or go, and a row notifies only the figures that moved,
 * so a view bound to them redraws only what changed.
 */

#define G_LOG_DOMAIN "supplyshift-compare"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-compare.h"
#include "ss-figures.h"

/* model.md §6: a share exactly at the target meets it. */
#define TARGET_EPSILON 1e-9

struct _SsCompareRow
{
  GObject         parent_instance;

  int             scenario;
  char           *name;
  SsScenarioKind  kind;
  double          figures[SS_COMPARE_N_FIGURES];
  double          policy_target;
  int             largest_country;
  gboolean        country_is_home;
};

enum
{
  ROW_PROP_0,
  ROW_PROP_SCENARIO,
  ROW_PROP_NAME,
  ROW_PROP_KIND,
  ROW_PROP_POLICY_TARGET,
  ROW_PROP_LARGEST_COUNTRY,
  ROW_PROP_FIRST_FIGURE,
  ROW_N_PROPS = ROW_PROP_FIRST_FIGURE + SS_COMPARE_N_FIGURES
};

static GParamSpec *row_properties[ROW_N_PROPS];

/* The figures' property names, in SsCompareFigure order. */
static const char * const figure_names[SS_COMPARE_N_FIGURES] = {
  "largest-share", "country-share", "npv-premium", "supply-risk", "hhi", "shortfall-impact",
  "var95", "critical", "warning", "watch", "over-target",
};

G_DEFINE_FINAL_TYPE (SsCompareRow, ss_compare_row, G_TYPE_OBJECT)

static void
ss_compare_row_finalize (GObject *object)
{
  SsCompareRow *self = SS_COMPARE_ROW (object);

  g_free (self->name);

  G_OBJECT_CLASS (ss_compare_row_parent_class)->finalize (object);
}

static void
ss_compare_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SsCompareRow *self = SS_COMPARE_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_SCENARIO:
      g_value_set_int (value, self->scenario);
      break;
    case ROW_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ROW_PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case ROW_PROP_POLICY_TARGET:
      g_value_set_double (value, self->policy_target);
      break;
    case ROW_PROP_LARGEST_COUNTRY:
      g_value_set_int (value, self->largest_country);
      break;
    default:
      if (prop_id >= ROW_PROP_FIRST_FIGURE && prop_id < ROW_N_PROPS)
        g_value_set_double (value, self->figures[prop_id - ROW_PROP_FIRST_FIGURE]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ss_compare_row_class_init (SsCompareRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ss_compare_row_finalize;
  object_class->get_property = ss_compare_row_get_property;

  row_properties[ROW_PROP_SCENARIO] =
    g_param_spec_int ("scenario", NULL, NULL, SS_BASELINE, G_MAXINT, SS_BASELINE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, SS_SCENARIO_SHOCK, SS_SCENARIO_STRATEGY,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_POLICY_TARGET] =
    g_param_spec_double ("policy-target", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  row_properties[ROW_PROP_LARGEST_COUNTRY] =
    g_param_spec_int ("largest-country", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The properties are read-only: a figure that is not defined reads as
   * NAN, which no range check sees. */
  for (guint f = 0; f < SS_COMPARE_N_FIGURES; f++)
    row_properties[ROW_PROP_FIRST_FIGURE + f] =
      g_param_spec_double (figure_names[f], NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
ss_compare_row_init (SsCompareRow *self)
{
  self->scenario = SS_BASELINE;
  self->policy_target = NAN;
  self->largest_country = -1;
}

int
ss_compare_row_get_scenario (SsCompareRow *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_ROW (self), SS_BASELINE);

  return self->scenario;
}

const char *
ss_compare_row_get_name (SsCompareRow *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_ROW (self), NULL);

  return self->name;
}

SsScenarioKind
ss_compare_row_get_kind (SsCompareRow *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_ROW (self), SS_SCENARIO_STRATEGY);

  return self->kind;
}

double
ss_compare_row_get_figure (SsCompareRow    *self,
                           SsCompareFigure  figure)
{
  g_return_val_if_fail (SS_IS_COMPARE_ROW (self), NAN);
  g_return_val_if_fail (figure < SS_COMPARE_N_FIGURES, NAN);

  return self->figures[figure];
}

/* The policy target in force in the row's year (a share), or NAN. */
double
ss_compare_row_get_policy_target (SsCompareRow *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_ROW (self), NAN);

  return self->policy_target;
}

/* The foreign country with the largest spend share, or -1 when the study
 * has no foreign country. */
int
ss_compare_row_get_largest_country (SsCompareRow *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_ROW (self), -1);

  return self->largest_country;
}

/* Shares against the policy target in force (model.md §6: over it when
 * above it by more than rounding), supply risk against the EU method's
 * critical line of 1, and counts of items: any critical or over target is
 * over, any at warning near. The home country's share has no target. */
SsCompareStanding
ss_compare_row_get_standing (SsCompareRow    *self,
                             SsCompareFigure  figure)
{
  double v;

  g_return_val_if_fail (SS_IS_COMPARE_ROW (self), SS_COMPARE_OK);
  g_return_val_if_fail (figure < SS_COMPARE_N_FIGURES, SS_COMPARE_OK);

  v = self->figures[figure];
  switch (figure)
    {
    case SS_COMPARE_COUNTRY_SHARE:
      if (self->country_is_home)
        return SS_COMPARE_OK;
      G_GNUC_FALLTHROUGH;
    case SS_COMPARE_LARGEST_SHARE:
      if (isnan (self->policy_target) || isnan (v))
        return SS_COMPARE_OK;
      return v > self->policy_target + TARGET_EPSILON ? SS_COMPARE_OVER : SS_COMPARE_OK;
    case SS_COMPARE_SUPPLY_RISK:
      return v >= 1 ? SS_COMPARE_OVER : SS_COMPARE_OK;
    case SS_COMPARE_CRITICAL:
    case SS_COMPARE_OVER_TARGET:
      return v > 0 ? SS_COMPARE_OVER : SS_COMPARE_OK;
    case SS_COMPARE_WARNING:
      return v > 0 ? SS_COMPARE_NEAR : SS_COMPARE_OK;
    case SS_COMPARE_NPV_PREMIUM:
    case SS_COMPARE_HHI:
    case SS_COMPARE_SHORTFALL_IMPACT:
    case SS_COMPARE_VAR95:
    case SS_COMPARE_WATCH:
    case SS_COMPARE_N_FIGURES:
    default:
      return SS_COMPARE_OK;
    }
}

/* Two figures are the same when both are undefined, or equal. */
static gboolean
same (double a,
      double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static void
row_set_double (SsCompareRow *self,
                double       *field,
                double        value,
                guint         prop_id)
{
  if (same (*field, value))
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[prop_id]);
}

static void
row_set_int (SsCompareRow *self,
             int          *field,
             int           value,
             guint         prop_id)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[prop_id]);
}

static void
row_set_name (SsCompareRow *self,
              const char   *name)
{
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_NAME]);
}

/* The largest foreign supplier by spend share in year t, first declared on
 * a tie (as model.md §4 picks an item's top country); -1 when none. */
static int
largest_foreign (const SsStudy      *study,
                 const SsProjection *p,
                 guint               t)
{
  guint home = ss_study_get_meta (study)->home;
  int best = -1;

  for (guint c = 0; c < p->n_countries; c++)
    if (c != home && (best < 0 || p->spend_share[ss_projection_at (p, c, t)]
                                  > p->spend_share[ss_projection_at (p, best, t)]))
      best = (int)c;
  return best;
}

/* The country a comparison follows unless told another: the foreign
 * country with the largest spend share in the baseline's base year
 * (China in the sample), or the first country of a study with no foreign
 * one. */
int
ss_compare_top_supplier (const SsStudy      *study,
                         const SsProjection *baseline)
{
  int top;

  g_return_val_if_fail (study != NULL, 0);
  g_return_val_if_fail (baseline != NULL, 0);

  top = largest_foreign (study, baseline, 0);
  return top >= 0 ? top : 0;
}

static void
row_update (SsCompareRow       *self,
            const SsStudy      *study,
            const SsProjection *p,
            const SsProjection *base,
            guint               t,
            guint               country)
{
  guint ny = p->n_years;
  double v[SS_COMPARE_N_FIGURES];
  int largest = largest_foreign (study, p, t);

  v[SS_COMPARE_LARGEST_SHARE] = largest >= 0 ? p->max_foreign_spend_share[t] : NAN;
  v[SS_COMPARE_COUNTRY_SHARE] = p->spend_share[ss_projection_at (p, country, t)];
  v[SS_COMPARE_NPV_PREMIUM] = ss_figures_npv_premium (study, p, base, SS_PORTFOLIO);
  v[SS_COMPARE_SUPPLY_RISK] = p->portfolio_supply_risk[t];
  v[SS_COMPARE_HHI] = p->portfolio_hhi[t];
  v[SS_COMPARE_SHORTFALL_IMPACT] = p->expected_shortfall_impact[t];
  v[SS_COMPARE_VAR95] = p->too_many_states ? NAN : p->var95_shortfall_impact[t];
  v[SS_COMPARE_CRITICAL] = p->alert_count[SS_ALERT_CRITICAL * ny + t];
  v[SS_COMPARE_WARNING] = p->alert_count[SS_ALERT_WARNING * ny + t];
  v[SS_COMPARE_WATCH] = p->alert_count[SS_ALERT_WATCH * ny + t];
  v[SS_COMPARE_OVER_TARGET] = p->over_target_count[t];

  self->country_is_home = country == ss_study_get_meta (study)->home;
  row_set_double (self, &self->policy_target, p->policy_target[t], ROW_PROP_POLICY_TARGET);
  row_set_int (self, &self->largest_country, largest, ROW_PROP_LARGEST_COUNTRY);
  for (guint f = 0; f < SS_COMPARE_N_FIGURES; f++)
    row_set_double (self, &self->figures[f], v[f], ROW_PROP_FIRST_FIGURE + f);
}

/* ------------------------------------------------------------------ */
/* The list                                                            */
/* ------------------------------------------------------------------ */

struct _SsCompareList
{
  GObject    parent_instance;

  GPtrArray *rows;                     /* of SsCompareRow, [0] the baseline */
  guint      year;
  guint      country;
};

static GType
ss_compare_list_get_item_type (GListModel *list)
{
  return SS_TYPE_COMPARE_ROW;
}

static guint
ss_compare_list_get_n_items (GListModel *list)
{
  return SS_COMPARE_LIST (list)->rows->len;
}

static gpointer
ss_compare_list_get_item (GListModel *list,
                          guint       position)
{
  SsCompareList *self = SS_COMPARE_LIST (list);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
ss_compare_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ss_compare_list_get_item_type;
  iface->get_n_items = ss_compare_list_get_n_items;
  iface->get_item = ss_compare_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SsCompareList, ss_compare_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ss_compare_list_model_init))

static void
ss_compare_list_finalize (GObject *object)
{
  SsCompareList *self = SS_COMPARE_LIST (object);

  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (ss_compare_list_parent_class)->finalize (object);
}

static void
ss_compare_list_class_init (SsCompareListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ss_compare_list_finalize;
}

static void
ss_compare_list_init (SsCompareList *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

SsCompareList *
ss_compare_list_new (void)
{
  return g_object_new (SS_TYPE_COMPARE_LIST, NULL);
}

/* Reads every scenario's figures in year index `year` (or the final
 * year) for `country` (or the top supplier). projections holds
 * SsProjection pointers, [0] the baseline and [1 + s] scenario s, as
 * ss_engine_project_all() returns them. */
void
ss_compare_list_update (SsCompareList *self,
                        const SsStudy *study,
                        GPtrArray     *projections,
                        int            year,
                        int            country)
{
  guint n = 1 + ss_study_get_n_scenarios (study), old = self->rows->len;
  const SsProjection *base;

  g_return_if_fail (SS_IS_COMPARE_LIST (self));
  g_return_if_fail (projections != NULL && projections->len >= n);

  base = g_ptr_array_index (projections, 0);
  g_return_if_fail (base != NULL);
  self->year = year >= 0 && (guint)year < base->n_years ? (guint)year : base->n_years - 1;
  self->country = country >= 0 && (guint)country < ss_study_get_n_countries (study)
                  ? (guint)country : (guint)ss_compare_top_supplier (study, base);

  while (self->rows->len < n)
    g_ptr_array_add (self->rows, g_object_new (SS_TYPE_COMPARE_ROW, NULL));
  if (self->rows->len > n)
    g_ptr_array_set_size (self->rows, n);

  for (guint r = 0; r < n; r++)
    {
      SsCompareRow *row = g_ptr_array_index (self->rows, r);
      const SsProjection *p = g_ptr_array_index (projections, r);
      int s = (int)r - 1;

      g_return_if_fail (p != NULL && p->n_years == base->n_years);
      row->scenario = s;
      row->kind = s < 0 ? SS_SCENARIO_STRATEGY : ss_study_get_scenario (study, s)->kind;
      /* Translators: the implicit scenario: the study as it stands */
      row_set_name (row, s < 0 ? _("Baseline") : ss_study_get_scenario (study, s)->name);
      row_update (row, study, p, base, self->year, self->country);
    }

  if (n != old)
    g_list_model_items_changed (G_LIST_MODEL (self), MIN (n, old), old > n ? old - n : 0,
                                n > old ? n - old : 0);
}

/* The year index the rows show. */
guint
ss_compare_list_get_year (SsCompareList *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_LIST (self), 0);

  return self->year;
}

/* The country whose spend share the rows show. */
guint
ss_compare_list_get_country (SsCompareList *self)
{
  g_return_val_if_fail (SS_IS_COMPARE_LIST (self), 0);

  return self->country;
}

/* A figure's short name, for a column heading. */
const char *
ss_compare_figure_get_title (SsCompareFigure figure)
{
  static const char * const titles[SS_COMPARE_N_FIGURES] = {
    /* Translators: a column of the scenario comparison: the largest share
     * of spending that goes to one foreign country */
    N_("Largest foreign share"),
    /* Translators: a column of the scenario comparison, replaced by
     * "Spend from China" where a country is chosen */
    N_("Spend from the country"),
    N_("NPV cost premium"),
    N_("Supply risk"),
    /* Translators: HHI is the Herfindahl–Hirschman index */
    N_("HHI"),
    N_("Expected shortfall impact"),
    /* Translators: the 95th percentile of the shortfall impact */
    N_("Shortfall VaR95"),
    /* Translators: a column of the scenario comparison: items at the level */
    N_("Critical"),
    N_("Warning"),
    N_("Watch"),
    /* Translators: a column of the scenario comparison */
    N_("Over the policy target"),
  };

  g_return_val_if_fail (figure < SS_COMPARE_N_FIGURES, NULL);

  return _(titles[figure]);
}

/* The rows (SsCompareRow, in the order given: a view passes its sorted
 * model) as a table to copy or export, every heading with its year and
 * unit: shares in %, money in millions of the study's currency. */
SsTable *
ss_compare_rows_to_table (GListModel    *rows,
                          const SsStudy *study,
                          guint          year,
                          guint          country)
{
  const SsMeta *meta;
  SsTable *table;
  g_autofree char *money = NULL, *items = NULL;
  int y;
  guint scenario_column, kind_column, supplier_column = 0, target_column = 0;
  guint columns[SS_COMPARE_N_FIGURES];

  g_return_val_if_fail (G_IS_LIST_MODEL (rows), NULL);
  g_return_val_if_fail (study != NULL, NULL);
  g_return_val_if_fail (country < ss_study_get_n_countries (study), NULL);

  meta = ss_study_get_meta (study);
  y = meta->base_year + (int)year;
  /* Translators: a unit, "million USD" */
  money = g_strdup_printf (_("million %s"), meta->currency);
  /* Translators: the unit of a count of items */
  items = g_strdup (_("items"));

  table = ss_table_new ();
  /* Translators: a column of the scenario comparison */
  scenario_column = ss_table_add_column (table, _("Scenario"), NULL, SS_TABLE_TEXT);
  /* Translators: a column of the scenario comparison: strategy or shock */
  kind_column = ss_table_add_column (table, _("Kind"), NULL, SS_TABLE_TEXT);
  for (guint f = 0; f < SS_COMPARE_N_FIGURES; f++)
    {
      g_autofree char *title = NULL;
      const char *unit = NULL;
      int digits = 1;

      switch ((SsCompareFigure)f)
        {
        case SS_COMPARE_LARGEST_SHARE:
          /* Translators: a column heading; %d is a year */
          title = g_strdup_printf (_("Largest foreign share in %d"), y);
          unit = "%";
          break;
        case SS_COMPARE_COUNTRY_SHARE:
          /* Translators: a column heading; %1$s is a country, %2$d a year */
          title = g_strdup_printf (_("Spend from %1$s in %2$d"),
                                   ss_study_get_country (study, country)->name, y);
          unit = "%";
          break;
        case SS_COMPARE_NPV_PREMIUM:
          title = g_strdup_printf (_("NPV cost premium, %d–%d"), meta->base_year,
                                   meta->base_year + meta->horizon);
          unit = money;
          break;
        case SS_COMPARE_SUPPLY_RISK:
          title = g_strdup_printf (_("Supply risk in %d"), y);
          digits = 2;
          break;
        case SS_COMPARE_HHI:
          title = g_strdup_printf (_("HHI in %d"), y);
          digits = 0;
          break;
        case SS_COMPARE_SHORTFALL_IMPACT:
          title = g_strdup_printf (_("Expected shortfall impact in %d"), y);
          unit = money;
          break;
        case SS_COMPARE_VAR95:
          title = g_strdup_printf (_("Shortfall VaR95 in %d"), y);
          unit = money;
          break;
        case SS_COMPARE_CRITICAL:
          title = g_strdup_printf (_("Critical in %d"), y);
          unit = items, digits = 0;
          break;
        case SS_COMPARE_WARNING:
          title = g_strdup_printf (_("Warning in %d"), y);
          unit = items, digits = 0;
          break;
        case SS_COMPARE_WATCH:
          title = g_strdup_printf (_("Watch in %d"), y);
          unit = items, digits = 0;
          break;
        case SS_COMPARE_OVER_TARGET:
        case SS_COMPARE_N_FIGURES:
        default:
          title = g_strdup_printf (_("Over the policy target in %d"), y);
          unit = items, digits = 0;
          break;
        }
      columns[f] = ss_table_add_column (table, title, unit, digits);
      if (f == SS_COMPARE_LARGEST_SHARE)
        {
          g_autofree char *supplier = g_strdup_printf (_("Largest foreign supplier in %d"), y);
          g_autofree char *target = g_strdup_printf (_("Policy target in %d"), y);

          supplier_column = ss_table_add_column (table, supplier, NULL, SS_TABLE_TEXT);
          target_column = ss_table_add_column (table, target, "%", 0);
        }
    }

  for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
    {
      g_autoptr(SsCompareRow) row = g_list_model_get_item (rows, r);
      guint k = ss_table_add_row (table);

      ss_table_set_text (table, k, scenario_column, row->name);
      ss_table_set_text (table, k, kind_column, row->kind == SS_SCENARIO_SHOCK
                                         /* Translators: a scenario's kind */
                                         ? C_("scenario kind", "Shock")
                                         : C_("scenario kind", "Strategy"));
      if (row->largest_country >= 0)
        ss_table_set_text (table, k, supplier_column, ss_study_get_country (study, row->largest_country)->name);
      ss_table_set_number (table, k, target_column, 100 * row->policy_target);
      for (guint f = 0; f < SS_COMPARE_N_FIGURES; f++)
        {
          double v = row->figures[f];

          if (f == SS_COMPARE_LARGEST_SHARE || f == SS_COMPARE_COUNTRY_SHARE)
            v *= 100;
          ss_table_set_number (table, k, columns[f], v);
        }
    }
  return table;
}
