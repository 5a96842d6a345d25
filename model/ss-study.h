/* ss-study.h: the study — countries, items and scenarios of one file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The study is plain data with value semantics: the engine reads it, the
 * file code fills and writes it, and an open study changes only through
 * its SsDocument's operations (ss-document.h), which use the mutators
 * below. Attributes that model.md gives as numbers with ranges are
 * held in arrays indexed by enums, so the loader, the saver, the validator
 * and the scenario overrides all walk one table (ss-attrs.h) instead of
 * repeating each attribute by hand.
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SS_MAX_COUNTRIES 16
#define SS_MAX_ITEMS     10000
#define SS_MAX_SCENARIOS 100
#define SS_MAX_HORIZON   50

typedef enum
{
  SS_COUNTRY_GOVERNANCE,
  SS_COUNTRY_DISRUPTION_PROBABILITY,
  SS_COUNTRY_DISRUPTION_SEVERITY,
  SS_COUNTRY_DISRUPTION_DAYS,
  SS_COUNTRY_COST_INDEX,
  SS_COUNTRY_COST_GROWTH,
  SS_COUNTRY_TARIFF,
  SS_COUNTRY_LOGISTICS,
  SS_COUNTRY_RAMP,
  SS_COUNTRY_N_ATTRS
} SsCountryAttr;

typedef enum
{
  SS_ITEM_VALUE,
  SS_ITEM_GROWTH,
  SS_ITEM_SUBSTITUTABILITY,
  SS_ITEM_RECYCLING,
  SS_ITEM_STOCKPILE_DAYS,
  SS_ITEM_IMPACT,
  SS_ITEM_N_ATTRS
} SsItemAttr;

typedef enum
{
  SS_SOURCE_SHARE,
  SS_SOURCE_COST_INDEX,
  SS_SOURCE_TARIFF,
  SS_SOURCE_CAPACITY,
  SS_SOURCE_TRADE_FACTOR,
  SS_SOURCE_DISRUPTION_PROBABILITY,    /* version 2 */
  SS_SOURCE_DISRUPTION_SEVERITY,
  SS_SOURCE_DISRUPTION_DAYS,
  SS_SOURCE_N_ATTRS
} SsSourceAttr;

/* The three disruption values a source or a shock may set, in the order
 * of the country's attributes, which they stand in for. */
typedef enum
{
  SS_DISRUPTION_PROBABILITY,
  SS_DISRUPTION_SEVERITY,
  SS_DISRUPTION_DAYS,
  SS_DISRUPTION_N
} SsDisruption;

#define SS_COUNTRY_DISRUPTION(k) ((SsCountryAttr)(SS_COUNTRY_DISRUPTION_PROBABILITY + (k)))
#define SS_SOURCE_DISRUPTION(k)  ((SsSourceAttr)(SS_SOURCE_DISRUPTION_PROBABILITY + (k)))

typedef enum
{
  SS_SCENARIO_STRATEGY,                /* targets and levers: a way to source */
  SS_SCENARIO_SHOCK,                   /* only changes the world (version 2) */
} SsScenarioKind;

typedef enum
{
  SS_ALERT_NONE,
  SS_ALERT_WATCH,
  SS_ALERT_WARNING,
  SS_ALERT_CRITICAL,
} SsAlertLevel;

typedef struct
{
  char   *code;                        /* [A-Z]{2} */
  char   *name;
  char   *group;                       /* NULL when the country is in no group */
  double  attr[SS_COUNTRY_N_ATTRS];
} SsCountry;

/* One (item, country) pair. Every item holds one per study country, in
 * country order; `listed` says whether the file names the country as a
 * source, `set` which optional attributes it gives (bit = 1 << SsSourceAttr).
 * When cost-index, tariff or a disruption value is not set the country's
 * value applies. */
typedef struct
{
  double   attr[SS_SOURCE_N_ATTRS];
  guint16  set;
  gboolean listed;
} SsSource;

typedef struct
{
  char     *code;
  char     *name;
  char     *category;                  /* never NULL; "" when none */
  double    attr[SS_ITEM_N_ATTRS];
  guint32   set;                       /* optional attributes the file gives */
  SsSource *sources;                   /* n_countries entries */
} SsItem;

/* A scenario's override of some attributes of one country. */
typedef struct
{
  guint   country;
  guint32 set;                         /* bit = 1 << SsCountryAttr */
  double  attr[SS_COUNTRY_N_ATTRS];
} SsCountryOverride;

/* A scenario's shock (version 2): disruption values of one country for a
 * list of items, winning over every other value for those sources. */
typedef struct
{
  guint   country;
  guint32 set;                         /* bit = 1 << SsDisruption */
  double  value[SS_DISRUPTION_N];
  guint  *items;                       /* item indices in file order, or NULL: all items */
  guint   n_items;
} SsShock;

/* "From `year` on, no foreign country supplies more than `share` of any
 * item" (version 2). */
typedef struct
{
  int    year;
  double share;
} SsPolicyTarget;

typedef struct
{
  char    *id;
  char    *name;
  char    *description;                /* never NULL */
  SsScenarioKind kind;
  double   transition_years;
  double   switching_cost;
  double   subsidy;
  gboolean has_stockpile_all;
  double   stockpile_all;
  double  *stockpile;                  /* n_items entries; NAN where not set */
  double **targets;                    /* n_items entries; NULL where the item keeps
                                        * its baseline, else n_countries shares */
  GArray  *overrides;                  /* of SsCountryOverride, in file order */
  GArray  *shocks;                     /* of SsShock, in file order */
} SsScenario;

typedef struct
{
  char   *title;
  char   *description;                 /* never NULL */
  int     base_year;
  int     horizon;
  char   *currency;
  double  discount_rate;
  guint   home;                        /* index of the home country */
  double  threshold[3];                /* watch, warning, critical */
  GArray *policy_targets;              /* of SsPolicyTarget, by year; never NULL */
  char   *source;                      /* never NULL */
} SsMeta;

#define SS_TYPE_STUDY (ss_study_get_type ())
G_DECLARE_FINAL_TYPE (SsStudy, ss_study, SS, STUDY, GObject)

SsStudy           *ss_study_new                 (void);
SsStudy           *ss_study_copy                (const SsStudy     *self);
gboolean           ss_study_equal               (const SsStudy     *a,
                                                 const SsStudy     *b);
void               ss_study_assign              (SsStudy           *self,
                                                 const SsStudy     *from);

/* The study's parts. Read through a `const SsStudy *` (what a view holds:
 * ss_document_get_study()) they are const, so writing into them does not
 * compile; read through an `SsStudy *` (what the loader, the importer,
 * the document's operations and a test that builds a study hold) they
 * may be written. C has no overloading: _Generic picks the type. */
#define SS_STUDY_PART(self, type, part) \
  _Generic ((self), const SsStudy *: (const type *)(part), default: (part))

#define ss_study_get_meta(self) \
  SS_STUDY_PART (self, SsMeta, _ss_study_get_meta (self))
#define ss_study_get_country(self, index) \
  SS_STUDY_PART (self, SsCountry, _ss_study_get_country (self, index))
#define ss_study_get_item(self, index) \
  SS_STUDY_PART (self, SsItem, _ss_study_get_item (self, index))
#define ss_study_get_scenario(self, index) \
  SS_STUDY_PART (self, SsScenario, _ss_study_get_scenario (self, index))
#define ss_scenario_find_override(scenario, country) \
  _Generic ((scenario), \
            const SsScenario *: (const SsCountryOverride *)_ss_scenario_find_override (scenario, country), \
            default: _ss_scenario_find_override (scenario, country))

SsMeta            *_ss_study_get_meta           (const SsStudy     *self);
SsCountry         *_ss_study_get_country        (const SsStudy     *self,
                                                 guint              index);
SsItem            *_ss_study_get_item           (const SsStudy     *self,
                                                 guint              index);
SsScenario        *_ss_study_get_scenario       (const SsStudy     *self,
                                                 guint              index);
SsCountryOverride *_ss_scenario_find_override   (const SsScenario  *scenario,
                                                 guint              country);

guint              ss_study_get_n_countries     (const SsStudy     *self);
int                ss_study_find_country        (const SsStudy     *self,
                                                 const char        *code);
guint              ss_study_add_country         (SsStudy           *self,
                                                 const char        *code,
                                                 const char        *name);

guint              ss_study_get_n_items         (const SsStudy     *self);
int                ss_study_find_item           (const SsStudy     *self,
                                                 const char        *code);
/* The study finds items by code through an index: change a code only
 * through this, never by writing item->code. */
void               ss_study_set_item_code       (SsStudy           *self,
                                                 guint              index,
                                                 const char        *code);
guint              ss_study_add_item            (SsStudy           *self,
                                                 const char        *code,
                                                 const char        *name);
guint              ss_study_add_default_item    (SsStudy           *self,
                                                 const char        *code,
                                                 const char        *name);
void               ss_study_remove_item         (SsStudy           *self,
                                                 guint              index);

guint              ss_study_get_n_scenarios     (const SsStudy     *self);
int                ss_study_find_scenario       (const SsStudy     *self,
                                                 const char        *id);
guint              ss_study_add_scenario        (SsStudy           *self,
                                                 const char        *id,
                                                 const char        *name);
void               ss_study_remove_scenario     (SsStudy           *self,
                                                 guint              index);

double            *ss_scenario_ensure_targets   (SsStudy           *self,
                                                 SsScenario        *scenario,
                                                 guint              item);
void               ss_scenario_clear_targets    (SsScenario        *scenario,
                                                 guint              item);
double             ss_scenario_get_stockpile    (const SsScenario  *strategy,
                                                 const SsScenario  *shock,
                                                 const SsItem      *item,
                                                 guint              index);
SsShock           *ss_scenario_add_shock        (SsScenario        *scenario,
                                                 guint              country);
void               ss_shock_set_items           (SsShock           *shock,
                                                 const guint       *items,
                                                 guint              n_items);
gboolean           ss_shock_covers              (const SsShock     *shock,
                                                 guint              item);

void               ss_study_add_policy_target   (SsStudy           *self,
                                                 int                year,
                                                 double             share);
double             ss_study_policy_target_at    (const SsStudy     *self,
                                                 int                year);
gboolean           ss_study_uses_version_2      (const SsStudy     *self);
void               ss_study_get_stress_axes     (const SsStudy     *self,
                                                 GArray            *strategies,
                                                 GArray            *shocks);

void               ss_study_get_groups          (const SsStudy     *self,
                                                 GPtrArray         *groups);

/* Editing helpers for the Countries, Items and Scenarios pages.
 *
 * ss_study_remove_country() removes the country's column everywhere: its
 * source in every item, its target in every scenario, the scenarios'
 * overrides of it (later countries' overrides are renumbered) and moves
 * meta.home down when home comes after it. It does not renormalise shares
 * or targets: the editor refuses to remove a country that still has a
 * nonzero share or target anywhere, or that is home, so the study stays
 * valid without silently moving supply elsewhere. Removing home anyway
 * makes the first country home. */
void               ss_study_remove_country      (SsStudy           *self,
                                                 guint              index);
guint              ss_study_duplicate_scenario  (SsStudy           *self,
                                                 guint              index,
                                                 const char        *id,
                                                 const char        *name);
char              *ss_study_unique_scenario_id  (const SsStudy     *self,
                                                 const char        *name);
char              *ss_study_unique_item_code    (const SsStudy     *self,
                                                 const char        *stem);

gboolean           ss_is_country_code           (const char        *text);
gboolean           ss_is_item_code              (const char        *text);
gboolean           ss_is_group_label            (const char        *text);
gboolean           ss_is_scenario_id            (const char        *text);

G_END_DECLS
