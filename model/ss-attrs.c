/* ss-attrs.c: attribute tables and C-locale number syntax
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where model.md leaves a range open the tables close it where it could
 * let a figure overflow, or underflow to 0 and then divide: at the top
 * ("> 0", "≥ 0") at a bound no real study comes near, and at the bottom
 * for cost-index (≥ 0.001), value (≥ 1e-6, one dollar) and growth and
 * cost-growth (≥ -0.99). docs/decisions.md computes these bounds: with
 * them every cost of 50 years stays between 9e-220 and 1.4e52.
 */

#define G_LOG_DOMAIN "supplyshift-attrs"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ss-attrs.h"

#define OPEN_MIN(n, lo, hi)  { n, lo, hi, TRUE, FALSE, TRUE, 0 }
#define CLOSED(n, lo, hi)    { n, lo, hi, FALSE, FALSE, TRUE, 0 }

const SsAttrSpec ss_country_attrs[SS_COUNTRY_N_ATTRS] = {
  [SS_COUNTRY_GOVERNANCE]             = OPEN_MIN ("governance", 0, 10),
  [SS_COUNTRY_DISRUPTION_PROBABILITY] = CLOSED ("disruption-probability", 0, 1),
  [SS_COUNTRY_DISRUPTION_SEVERITY]    = CLOSED ("disruption-severity", 0, 1),
  [SS_COUNTRY_DISRUPTION_DAYS]        = CLOSED ("disruption-days", 0, 365),
  [SS_COUNTRY_COST_INDEX]             = CLOSED ("cost-index", 0.001, 1000),
  [SS_COUNTRY_COST_GROWTH]            = { "cost-growth", -0.99, 1, FALSE, TRUE, TRUE, 0 },
  [SS_COUNTRY_TARIFF]                 = CLOSED ("tariff", 0, 5),
  [SS_COUNTRY_LOGISTICS]              = CLOSED ("logistics", 0, 5),
  [SS_COUNTRY_RAMP]                   = OPEN_MIN ("ramp", 0, 1),
};

const SsAttrSpec ss_item_attrs[SS_ITEM_N_ATTRS] = {
  [SS_ITEM_VALUE]            = CLOSED ("value", 1e-6, 1e9),
  [SS_ITEM_GROWTH]           = { "growth", -0.99, 1, FALSE, TRUE, FALSE, 0 },
  [SS_ITEM_SUBSTITUTABILITY] = { "substitutability", 0, 1, FALSE, FALSE, FALSE, 1 },
  [SS_ITEM_RECYCLING]        = { "recycling", 0, 1, FALSE, FALSE, FALSE, 0 },
  [SS_ITEM_STOCKPILE_DAYS]   = { "stockpile-days", 0, 3650, FALSE, FALSE, FALSE, 0 },
  [SS_ITEM_IMPACT]           = { "impact", 0, 1000, FALSE, FALSE, FALSE, 1 },
};

const SsAttrSpec ss_source_attrs[SS_SOURCE_N_ATTRS] = {
  [SS_SOURCE_SHARE]        = CLOSED ("share", 0, 1),
  [SS_SOURCE_COST_INDEX]   = { "cost-index", 0.001, 1000, FALSE, FALSE, FALSE, NAN },
  [SS_SOURCE_TARIFF]       = { "tariff", 0, 5, FALSE, FALSE, FALSE, NAN },
  [SS_SOURCE_CAPACITY]     = { "capacity", 0, 1, FALSE, FALSE, FALSE, 1 },
  [SS_SOURCE_TRADE_FACTOR] = { "trade-factor", 0.5, 2, FALSE, FALSE, FALSE, 1 },
  [SS_SOURCE_DISRUPTION_PROBABILITY] = { "disruption-probability", 0, 1, FALSE, FALSE, FALSE, NAN },
  [SS_SOURCE_DISRUPTION_SEVERITY]    = { "disruption-severity", 0, 1, FALSE, FALSE, FALSE, NAN },
  [SS_SOURCE_DISRUPTION_DAYS]        = { "disruption-days", 0, 365, FALSE, FALSE, FALSE, NAN },
};

const SsAttrSpec ss_spec_horizon          = CLOSED ("horizon", 1, SS_MAX_HORIZON);
const SsAttrSpec ss_spec_base_year        = CLOSED ("base-year", 1900, 2200);
const SsAttrSpec ss_spec_discount_rate    = { "discount-rate", 0, 1, FALSE, FALSE, FALSE, 0 };
const SsAttrSpec ss_spec_threshold        = { "threshold", 0, 1, TRUE, FALSE, FALSE, 0 };
const SsAttrSpec ss_spec_transition_years = { "transition-years", 1, 1000, FALSE, FALSE, FALSE, 1 };
const SsAttrSpec ss_spec_switching_cost   = { "switching-cost", 0, 100, FALSE, FALSE, FALSE, 0 };
const SsAttrSpec ss_spec_subsidy          = { "subsidy", 0, 1, FALSE, FALSE, FALSE, 0 };
const SsAttrSpec ss_spec_stockpile_days   = CLOSED ("days", 0, 3650);
const SsAttrSpec ss_spec_target_share     = CLOSED ("share", 0, 1);
const SsAttrSpec ss_spec_policy_share     = OPEN_MIN ("share", 0, 1);
const SsAttrSpec ss_spec_policy_year      = CLOSED ("year", 1900, 9999);

gboolean
ss_attr_in_range (const SsAttrSpec *spec,
                  double            value)
{
  if (!isfinite (value))
    return FALSE;
  if (spec->min_open ? value <= spec->min : value < spec->min)
    return FALSE;
  if (spec->max_open ? value >= spec->max : value > spec->max)
    return FALSE;
  return TRUE;
}

/* "in (0, 10]" — the interval notation model.md uses. */
char *
ss_attr_describe_range (const SsAttrSpec *spec)
{
  char lo[SS_NUMBER_BUF], hi[SS_NUMBER_BUF];

  ss_format_number (lo, sizeof lo, spec->min);
  ss_format_number (hi, sizeof hi, spec->max);
  return g_strdup_printf ("%c%s, %s%c",
                          spec->min_open ? '(' : '[', lo, hi,
                          spec->max_open ? ')' : ']');
}

/* The file's number syntax: [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
 * Checked by hand because g_ascii_strtod() also takes "nan", "inf", hex
 * floats and leading blanks, none of which the format allows. */
gboolean
ss_parse_number (const char *text,
                 double     *value)
{
  const char *p = text;
  gboolean digits = FALSE;
  char *end = NULL;
  double v;

  if (text == NULL)
    return FALSE;
  if (*p == '+' || *p == '-')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p != '\0')
    return FALSE;

  v = g_ascii_strtod (text, &end);
  if (end != p || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

gboolean
ss_parse_integer (const char *text,
                  gint64     *value)
{
  const char *p = text;

  if (text == NULL)
    return FALSE;
  if (*p == '+' || *p == '-')
    p++;
  if (!g_ascii_isdigit (*p) || strlen (p) > 9)
    return FALSE;
  for (; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  *value = g_ascii_strtoll (text, NULL, 10);
  return TRUE;
}

/* The shortest decimal form that reads back to the same double: 0.84 and
 * not g_ascii_dtostr()'s 0.83999999999999997, so saved files stay readable
 * and diffs stay small. */
void
ss_format_number (char   *buf,
                  gsize   len,
                  double  value)
{
  static const char *formats[] = { "%.15g", "%.16g", "%.17g" };

  if (value == 0)
    value = 0;                         /* no "-0" in files */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, len, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        return;
    }
}
