/* ss-alerts.c: what the alerts list says of an item or the portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The alerts of one item (or of the portfolio) in one scenario, as a
 * GListModel of SsAlert, for the window's alerts list. Updating the list
 * compares the new alerts with those it holds and reports only the run
 * that changed: during a drag the alerts mostly stay as they were, and a
 * view then has nothing to rebuild. What an alert says in words is the
 * view's: the list holds the figures.
 *
 * By kind: ITEM has item, first-level (the base year's) and level (the
 * last year's); LEVEL a level and its span; SUPPLY_RISK its span (at
 * level critical); OVER_CAPACITY a country, its target and (as value)
 * its capacity; TARGET_MISSED a country, its target and the share it
 * reaches; OVER_TARGET (an item's, and in the portfolio's list each
 * item's) the first year the item is over a policy target, the share and
 * calendar year of the target then in force, and as cleared the year it
 * meets its targets for good (the projection's target_met_year, -1 if it
 * never does); NONE nothing (level none).
 */

#define G_LOG_DOMAIN "supplyshift-alerts"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "ss-alerts.h"

struct _SsAlert
{
  GObject      parent_instance;

  SsAlertKind  kind;
  SsAlertLevel level;
  SsAlertLevel first_level;
  int          first;
  int          cleared;
  int          item;
  int          country;
  double       target;
  double       value;
  int          target_year;
};

G_DEFINE_FINAL_TYPE (SsAlert, ss_alert, G_TYPE_OBJECT)

static void
ss_alert_class_init (SsAlertClass *klass)
{
}

static void
ss_alert_init (SsAlert *self)
{
  self->first = self->cleared = self->item = self->country = self->target_year = -1;
}

static SsAlert *
alert_new (SsAlertKind  kind,
           SsAlertLevel level)
{
  SsAlert *self = g_object_new (SS_TYPE_ALERT, NULL);

  self->kind = kind;
  self->level = level;
  return self;
}

static gboolean
alert_equal (const SsAlert *a,
             const SsAlert *b)
{
  return a->kind == b->kind && a->level == b->level && a->first_level == b->first_level
         && a->first == b->first && a->cleared == b->cleared && a->item == b->item
         && a->country == b->country && a->target == b->target && a->value == b->value
         && a->target_year == b->target_year;
}

SsAlertKind
ss_alert_get_kind (SsAlert *self)
{
  g_return_val_if_fail (SS_IS_ALERT (self), SS_ALERT_KIND_NONE);
  return self->kind;
}

/* The alert's severity: its level, the last year's for an item, warning
 * for a target, critical for supply risk. */
SsAlertLevel
ss_alert_get_level (SsAlert *self)
{
  g_return_val_if_fail (SS_IS_ALERT (self), SS_ALERT_NONE);
  return self->level;
}

SsAlertLevel
ss_alert_get_first_level (SsAlert *self)
{
  g_return_val_if_fail (SS_IS_ALERT (self), SS_ALERT_NONE);
  return self->first_level;
}

int
ss_alert_get_first (SsAlert *self)
{
  g_return_val_if_fail (SS_IS_ALERT (self), -1);
  return self->first;
}

int
ss_alert_get_cleared (SsAlert *self)
{
  g_return_val_if_fail (SS_IS_ALERT (self), -1);
  return self->cleared;
}

int
ss_alert_get_item (SsAlert *self)
{
  g_return_val_if_fail (SS_IS_ALERT (self), -1);
  return self->item;
}

int
ss_alert_get_country (SsAlert *self)
{
  g_return_val_if_fail (SS_IS_ALERT (self), -1);
  return self->country;
}

double
ss_alert_get_target (SsAlert *self)
{
  g_return_val_if_fail (SS_IS_ALERT (self), NAN);
  return self->target;
}

double
ss_alert_get_value (SsAlert *self)
{
  g_return_val_if_fail (SS_IS_ALERT (self), NAN);
  return self->value;
}

/* The calendar year of the policy target an OVER_TARGET alert names
 * (the target in force in its first year), or -1. */
int
ss_alert_get_target_year (SsAlert *self)
{
  g_return_val_if_fail (SS_IS_ALERT (self), -1);
  return self->target_year;
}

/* An alert level in words, for a badge or a card. */
const char *
ss_alert_level_get_label (SsAlertLevel level)
{
  switch (level)
    {
    /* Translators: alert levels, shown as a badge per item */
    case SS_ALERT_CRITICAL: return C_("alert level", "Critical");
    case SS_ALERT_WARNING: return C_("alert level", "Warning");
    case SS_ALERT_WATCH: return C_("alert level", "Watch");
    case SS_ALERT_NONE:
    default: return C_("alert level", "No alert");
    }
}

/* model.md §6: the first year a condition holds, and the year it clears
 * for good: the first year of the run of years without it that ends the
 * projection (-1 when it holds in the last year, or never). */
void
ss_alert_span (const gboolean *at,
               guint           n_years,
               int            *first,
               int            *cleared)
{
  *first = *cleared = -1;
  for (guint t = 0; t < n_years; t++)
    {
      if (at[t] && *first < 0)
        *first = t;
      else if (at[t])
        *cleared = -1;
      else if (*first >= 0 && *cleared < 0)
        *cleared = t;
    }
}

/* --- The list ---------------------------------------------------------- */

struct _SsAlertList
{
  GObject    parent_instance;

  GPtrArray *alerts;                   /* of SsAlert */
};

static void ss_alert_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsAlertList, ss_alert_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, ss_alert_list_model_init))

static GType
ss_alert_list_get_item_type (GListModel *model)
{
  return SS_TYPE_ALERT;
}

static guint
ss_alert_list_get_n_items (GListModel *model)
{
  return SS_ALERT_LIST (model)->alerts->len;
}

static gpointer
ss_alert_list_get_item (GListModel *model,
                        guint       position)
{
  SsAlertList *self = SS_ALERT_LIST (model);

  if (position >= self->alerts->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->alerts, position));
}

static void
ss_alert_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ss_alert_list_get_item_type;
  iface->get_n_items = ss_alert_list_get_n_items;
  iface->get_item = ss_alert_list_get_item;
}

static void
ss_alert_list_finalize (GObject *object)
{
  SsAlertList *self = SS_ALERT_LIST (object);

  g_ptr_array_unref (self->alerts);

  G_OBJECT_CLASS (ss_alert_list_parent_class)->finalize (object);
}

static void
ss_alert_list_class_init (SsAlertListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ss_alert_list_finalize;
}

static void
ss_alert_list_init (SsAlertList *self)
{
  self->alerts = g_ptr_array_new_with_free_func (g_object_unref);
}

SsAlertList *
ss_alert_list_new (void)
{
  return g_object_new (SS_TYPE_ALERT_LIST, NULL);
}

/* model.md §6: an item over a policy target in some year, with the
 * target in force in the first such year and the year the item meets its
 * targets for good. */
static void
add_over_target (GPtrArray          *out,
                 const SsStudy      *study,
                 const SsProjection *p,
                 guint               item)
{
  const SsMeta *meta = ss_study_get_meta (study);
  gsize row = ss_projection_at (p, item, 0);
  GArray *targets = meta->policy_targets;
  SsAlert *alert;
  int first = -1;

  for (guint t = 0; t < p->n_years && first < 0; t++)
    if (p->over_target[row + t])
      first = t;
  if (first < 0)
    return;

  alert = alert_new (SS_ALERT_KIND_OVER_TARGET, SS_ALERT_WARNING);
  alert->item = item;
  alert->first = first;
  alert->cleared = p->target_met_year[item];
  alert->target = p->policy_target[first];
  for (guint k = 0; k < targets->len; k++)
    if (g_array_index (targets, SsPolicyTarget, k).year <= meta->base_year + first)
      alert->target_year = g_array_index (targets, SsPolicyTarget, k).year;
  g_ptr_array_add (out, alert);
}

/* The portfolio's: every item at warning or worse in the base year or
 * the last, then every item over a policy target. */
static void
add_item_alerts (GPtrArray          *out,
                 const SsStudy      *study,
                 const SsProjection *p)
{
  guint ny = p->n_years;

  for (guint i = 0; i < p->n_items; i++)
    {
      SsAlertLevel first = p->alert[ss_projection_at (p, i, 0)];
      SsAlertLevel last = p->alert[ss_projection_at (p, i, ny - 1)];
      SsAlert *alert;

      if (first < SS_ALERT_WARNING && last < SS_ALERT_WARNING)
        continue;
      alert = alert_new (SS_ALERT_KIND_ITEM, last);
      alert->first_level = first;
      alert->item = i;
      g_ptr_array_add (out, alert);
    }
  for (guint i = 0; i < p->n_items; i++)
    add_over_target (out, study, p, i);
}

static void
add_span (GPtrArray      *out,
          SsAlertKind     kind,
          SsAlertLevel    level,
          const gboolean *at,
          guint           n_years)
{
  int first, cleared;
  SsAlert *alert;

  ss_alert_span (at, n_years, &first, &cleared);
  if (first < 0)
    return;
  alert = alert_new (kind, level);
  alert->first = first;
  alert->cleared = cleared;
  g_ptr_array_add (out, alert);
}

static void
add_target_alert (GPtrArray   *out,
                  SsAlertKind  kind,
                  guint        country,
                  double       target,
                  double       value)
{
  SsAlert *alert = alert_new (kind, SS_ALERT_WARNING);

  alert->country = country;
  alert->target = target;
  alert->value = value;
  g_ptr_array_add (out, alert);
}

/* One item's: each level it reaches, worst first, and supply risk of 1
 * or more (the EU method's critical line), each with its span; whether
 * it is over a policy target; then, in a scenario that targets the item,
 * every target above its source's capacity and every target not reached
 * by the last year. */
static void
add_item_detail (GPtrArray          *out,
                 const SsStudy      *study,
                 const SsProjection *p,
                 int                 scenario,
                 guint               item)
{
  const SsScenario *s = scenario >= 0 ? ss_study_get_scenario (study, scenario) : NULL;
  const SsItem *record = ss_study_get_item (study, item);
  guint ny = p->n_years, nc = p->n_countries;
  gsize row = ss_projection_at (p, item, 0);
  gboolean at[SS_MAX_HORIZON + 1];

  g_return_if_fail (ny <= G_N_ELEMENTS (at));

  for (int l = SS_ALERT_CRITICAL; l >= SS_ALERT_WATCH; l--)
    {
      for (guint t = 0; t < ny; t++)
        at[t] = p->alert[row + t] >= l;
      add_span (out, SS_ALERT_KIND_LEVEL, l, at, ny);
    }
  for (guint t = 0; t < ny; t++)
    at[t] = p->supply_risk[row + t] >= 1;
  add_span (out, SS_ALERT_KIND_SUPPLY_RISK, SS_ALERT_CRITICAL, at, ny);
  add_over_target (out, study, p, item);

  if (s == NULL || s->targets[item] == NULL)
    return;
  for (guint c = 0; c < nc; c++)
    {
      double target = s->targets[item][c];
      double capacity = record->sources[c].attr[SS_SOURCE_CAPACITY];
      double reached = p->share[((gsize)item * nc + c) * ny + ny - 1];

      if (target > capacity + 1e-9)
        add_target_alert (out, SS_ALERT_KIND_OVER_CAPACITY, c, target, capacity);
      if (fabs (reached - target) > 1e-6)
        add_target_alert (out, SS_ALERT_KIND_TARGET_MISSED, c, target, reached);
    }
}

/* Replaces the list's alerts with those of `item` (or the portfolio, -1)
 * in `scenario` (or the baseline), as `projection` (the scenario's) has
 * them; emits "items-changed" for the run that changed, if any. */
void
ss_alert_list_update (SsAlertList        *self,
                      const SsStudy      *study,
                      const SsProjection *projection,
                      int                 scenario,
                      int                 item)
{
  g_autoptr(GPtrArray) alerts = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n, new_n, head = 0, tail = 0;

  g_return_if_fail (SS_IS_ALERT_LIST (self));

  if (item < 0)
    add_item_alerts (alerts, study, projection);
  else
    add_item_detail (alerts, study, projection, scenario, item);
  if (alerts->len == 0)
    g_ptr_array_add (alerts, alert_new (SS_ALERT_KIND_NONE, SS_ALERT_NONE));

  old_n = self->alerts->len;
  new_n = alerts->len;
  while (head < MIN (old_n, new_n)
         && alert_equal (g_ptr_array_index (self->alerts, head), g_ptr_array_index (alerts, head)))
    head++;
  if (head == old_n && head == new_n)
    return;
  while (tail < MIN (old_n, new_n) - head
         && alert_equal (g_ptr_array_index (self->alerts, old_n - 1 - tail),
                         g_ptr_array_index (alerts, new_n - 1 - tail)))
    tail++;

  /* The alerts outside the run stay the objects they were. */
  g_ptr_array_remove_range (self->alerts, head, old_n - head - tail);
  for (guint k = head; k < new_n - tail; k++)
    g_ptr_array_insert (self->alerts, k, g_object_ref (g_ptr_array_index (alerts, k)));
  g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail, new_n - head - tail);
}
