/* ss-attrs.h: names, ranges and defaults of the study's numeric attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table per kind of element, in the order file-format.md lists the
 * attributes (which is also the order the saver writes them in). The
 * loader, the saver, the override code and the study data pages all read
 * these tables, so a range, a label and a unit are written down exactly
 * once: a page's attribute row (widgets/ss-attr-row.c) takes its title,
 * its meaning, its unit and its range from here.
 */

#pragma once

#include <glib.h>

#include "ss-study.h"

G_BEGIN_DECLS

/* How a value is typed and shown; the file always holds the number itself. */
typedef enum
{
  SS_UNIT_NONE,                        /* as in the file */
  SS_UNIT_WHOLE,                       /* a whole number: a year, a count */
  SS_UNIT_PERCENT,                     /* a fraction in the file, a percentage on screen */
  SS_UNIT_MONEY,                       /* millions of the study's currency: the
                                        * meaning has a %s for the currency */
} SsAttrUnit;

typedef struct
{
  const char *name;                    /* attribute name in the file */
  double      min;
  double      max;
  guint       min_open : 1;            /* min itself is excluded */
  guint       max_open : 1;            /* max itself is excluded */
  guint       required : 1;
  double      fallback;                /* value when optional and absent */
  const char *title;                   /* N_(): "Disruption probability" */
  const char *meaning;                 /* N_(): one line for a subtitle or tooltip */
  SsAttrUnit  unit;
} SsAttrSpec;

/* The numbers of the file's <meta>, which the study holds as fields. */
typedef enum
{
  SS_META_BASE_YEAR,
  SS_META_HORIZON,
  SS_META_DISCOUNT_RATE,
  SS_META_WATCH,                       /* the thresholds, in SsMeta.threshold order */
  SS_META_WARNING,
  SS_META_CRITICAL,
  SS_META_N_ATTRS
} SsMetaAttr;

/* The numbers of a <policy-target> (version 2). */
typedef enum
{
  SS_POLICY_TARGET_YEAR,
  SS_POLICY_TARGET_SHARE,
  SS_POLICY_TARGET_N_ATTRS
} SsPolicyTargetAttr;

extern const SsAttrSpec ss_country_attrs[SS_COUNTRY_N_ATTRS];
extern const SsAttrSpec ss_item_attrs[SS_ITEM_N_ATTRS];
extern const SsAttrSpec ss_source_attrs[SS_SOURCE_N_ATTRS];
extern const SsAttrSpec ss_meta_attrs[SS_META_N_ATTRS];
extern const SsAttrSpec ss_policy_target_attrs[SS_POLICY_TARGET_N_ATTRS];
/* A <shock>'s values, in SsDisruption order: the country's ranges, each
 * optional (a shock sets at least one). */
extern const SsAttrSpec ss_shock_attrs[SS_DISRUPTION_N];

#define ss_spec_horizon       (ss_meta_attrs[SS_META_HORIZON])
#define ss_spec_base_year     (ss_meta_attrs[SS_META_BASE_YEAR])
#define ss_spec_discount_rate (ss_meta_attrs[SS_META_DISCOUNT_RATE])
#define ss_spec_threshold     (ss_meta_attrs[SS_META_WATCH])  /* all three share its range */

/* Scenario levers and other single values, checked like attributes. */
extern const SsAttrSpec ss_spec_transition_years;
extern const SsAttrSpec ss_spec_switching_cost;
extern const SsAttrSpec ss_spec_subsidy;
extern const SsAttrSpec ss_spec_stockpile_days;
extern const SsAttrSpec ss_spec_target_share;
#define ss_spec_policy_year  (ss_policy_target_attrs[SS_POLICY_TARGET_YEAR])
#define ss_spec_policy_share (ss_policy_target_attrs[SS_POLICY_TARGET_SHARE])

gboolean ss_attr_in_range        (const SsAttrSpec *spec,
                                  double            value);
char    *ss_attr_describe_range  (const SsAttrSpec *spec);

gboolean ss_attr_parse           (const SsAttrSpec *spec,
                                  const char       *text,
                                  double           *value);
void     ss_attr_format          (const SsAttrSpec *spec,
                                  char             *buf,
                                  gsize             len,
                                  double            value);

gboolean ss_parse_number         (const char       *text,
                                  double           *value);
gboolean ss_parse_percent        (const char       *text,
                                  double           *fraction);
gboolean ss_parse_integer        (const char       *text,
                                  gint64           *value);
void     ss_format_number        (char             *buf,
                                  gsize             len,
                                  double            value);
void     ss_format_percent       (char             *buf,
                                  gsize             len,
                                  double            fraction);

#define SS_NUMBER_BUF 32

G_END_DECLS
