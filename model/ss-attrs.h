/* ss-attrs.h: names, ranges and defaults of the study's numeric attributes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table per kind of element, in the order file-format.md lists the
 * attributes (which is also the order the saver writes them in). The
 * loader, the saver, the override code and the editor's input checks all
 * read these tables, so a range is written down exactly once.
 */

#pragma once

#include <glib.h>

#include "ss-study.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;                    /* attribute name in the file */
  double      min;
  double      max;
  guint       min_open : 1;            /* min itself is excluded */
  guint       max_open : 1;            /* max itself is excluded */
  guint       required : 1;
  double      fallback;                /* value when optional and absent */
} SsAttrSpec;

extern const SsAttrSpec ss_country_attrs[SS_COUNTRY_N_ATTRS];
extern const SsAttrSpec ss_item_attrs[SS_ITEM_N_ATTRS];
extern const SsAttrSpec ss_source_attrs[SS_SOURCE_N_ATTRS];

/* Scenario levers and other single values, checked like attributes. */
extern const SsAttrSpec ss_spec_horizon;
extern const SsAttrSpec ss_spec_base_year;
extern const SsAttrSpec ss_spec_discount_rate;
extern const SsAttrSpec ss_spec_threshold;
extern const SsAttrSpec ss_spec_transition_years;
extern const SsAttrSpec ss_spec_switching_cost;
extern const SsAttrSpec ss_spec_subsidy;
extern const SsAttrSpec ss_spec_stockpile_days;
extern const SsAttrSpec ss_spec_target_share;
extern const SsAttrSpec ss_spec_policy_share;
extern const SsAttrSpec ss_spec_policy_year;

gboolean ss_attr_in_range        (const SsAttrSpec *spec,
                                  double            value);
char    *ss_attr_describe_range  (const SsAttrSpec *spec);

gboolean ss_parse_number         (const char       *text,
                                  double           *value);
gboolean ss_parse_integer        (const char       *text,
                                  gint64           *value);
void     ss_format_number        (char             *buf,
                                  gsize             len,
                                  double            value);

#define SS_NUMBER_BUF 32

G_END_DECLS
