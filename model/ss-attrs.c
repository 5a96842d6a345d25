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

#include <glib/gi18n.h>

#define OPEN_MIN(n, lo, hi)  .name = n, .min = lo, .max = hi, .min_open = TRUE, .required = TRUE
#define CLOSED(n, lo, hi)    .name = n, .min = lo, .max = hi, .required = TRUE
/* Optional: absent in the file means @fb. */
#define OPTIONAL(n, lo, hi, fb) .name = n, .min = lo, .max = hi, .fallback = fb

/* The titles and meanings are what the study data pages show: a column
 * heading and its tooltip, a row's title and subtitle, the start of a
 * refusal ("Tariff of Japan must be…"). */
const SsAttrSpec ss_country_attrs[SS_COUNTRY_N_ATTRS] = {
  [SS_COUNTRY_GOVERNANCE] = {
    OPEN_MIN ("governance", 0, 10), .title = N_("Governance"),
    .meaning = N_("Governance risk, 10 = worst (rescaled World Bank WGI)") },
  [SS_COUNTRY_DISRUPTION_PROBABILITY] = {
    CLOSED ("disruption-probability", 0, 1), .title = N_("Disruption probability"),
    .unit = SS_UNIT_PERCENT,
    .meaning = N_("Probability that supply from the country is disrupted in a given year") },
  [SS_COUNTRY_DISRUPTION_SEVERITY] = {
    CLOSED ("disruption-severity", 0, 1), .title = N_("Disruption severity"),
    .unit = SS_UNIT_PERCENT, .meaning = N_("Share of the flow lost while disrupted") },
  [SS_COUNTRY_DISRUPTION_DAYS] = {
    CLOSED ("disruption-days", 0, 365), .title = N_("Disruption days"),
    .meaning = N_("How long a disruption lasts, in days") },
  [SS_COUNTRY_COST_INDEX] = {
    CLOSED ("cost-index", 0.001, 1000), .title = N_("Cost index"),
    .meaning = N_("Landed unit price index at the base year, China = 1") },
  [SS_COUNTRY_COST_GROWTH] = {
    CLOSED ("cost-growth", -0.99, 1), .max_open = TRUE, .title = N_("Cost growth"),
    .unit = SS_UNIT_PERCENT, .meaning = N_("Yearly unit-cost escalation") },
  [SS_COUNTRY_TARIFF] = {
    CLOSED ("tariff", 0, 5), .title = N_("Tariff"), .unit = SS_UNIT_PERCENT,
    .meaning = N_("Ad-valorem import tariff") },
  [SS_COUNTRY_LOGISTICS] = {
    CLOSED ("logistics", 0, 5), .title = N_("Logistics"), .unit = SS_UNIT_PERCENT,
    .meaning = N_("Freight and insurance, as a share of the value") },
  [SS_COUNTRY_RAMP] = {
    OPEN_MIN ("ramp", 0, 1), .title = N_("Ramp"), .unit = SS_UNIT_PERCENT,
    .meaning = N_("Largest rise of the country's share of one item in one year") },
};

const SsAttrSpec ss_item_attrs[SS_ITEM_N_ATTRS] = {
  [SS_ITEM_VALUE] = {
    CLOSED ("value", 1e-6, 1e9), .title = N_("Import value"), .unit = SS_UNIT_MONEY,
    /* Translators: %s is the study's currency, like USD */
    .meaning = N_("Yearly import value at the base year, million %s") },
  [SS_ITEM_GROWTH] = {
    OPTIONAL ("growth", -0.99, 1, 0), .max_open = TRUE, .title = N_("Demand growth"),
    .unit = SS_UNIT_PERCENT, .meaning = N_("Yearly growth of demand") },
  [SS_ITEM_SUBSTITUTABILITY] = {
    OPTIONAL ("substitutability", 0, 1, 1), .title = N_("Substitutability"),
    .meaning = N_("Substitution index, 1 = no substitute (EU CRM SI)") },
  [SS_ITEM_RECYCLING] = {
    OPTIONAL ("recycling", 0, 1, 0), .title = N_("Recycling"), .unit = SS_UNIT_PERCENT,
    .meaning = N_("End-of-life recycling input rate (EU CRM EOL-RIR)") },
  [SS_ITEM_STOCKPILE_DAYS] = {
    OPTIONAL ("stockpile-days", 0, 3650, 0), .title = N_("Stockpile"),
    .meaning = N_("Stock held, in days of consumption") },
  [SS_ITEM_IMPACT] = {
    OPTIONAL ("impact", 0, 1000, 1), .title = N_("Impact"),
    .meaning = N_("Economic loss per dollar of supply that fails to arrive") },
};

/* Where a source gives no cost index, tariff or disruption value the
 * country's applies (NAN marks them). */
const SsAttrSpec ss_source_attrs[SS_SOURCE_N_ATTRS] = {
  [SS_SOURCE_SHARE] = {
    CLOSED ("share", 0, 1), .title = N_("Share"), .unit = SS_UNIT_PERCENT,
    .meaning = N_("Baseline share of the item's supply from the country") },
  [SS_SOURCE_COST_INDEX] = {
    OPTIONAL ("cost-index", 0.001, 1000, NAN), .title = N_("Cost index"),
    .meaning = N_("Price index for this item; empty for the country's") },
  [SS_SOURCE_TARIFF] = {
    OPTIONAL ("tariff", 0, 5, NAN), .title = N_("Tariff"), .unit = SS_UNIT_PERCENT,
    .meaning = N_("Tariff for this item; empty for the country's") },
  [SS_SOURCE_CAPACITY] = {
    OPTIONAL ("capacity", 0, 1, 1), .title = N_("Capacity"), .unit = SS_UNIT_PERCENT,
    .meaning = N_("Largest share the country could supply; empty for 100 %") },
  [SS_SOURCE_TRADE_FACTOR] = {
    OPTIONAL ("trade-factor", 0.5, 2, 1), .title = N_("Trade factor"),
    .meaning = N_("Above 1 where the country restricts exports, 0.8 under a trade agreement; "
                  "empty for 1") },
  [SS_SOURCE_DISRUPTION_PROBABILITY] = {
    OPTIONAL ("disruption-probability", 0, 1, NAN), .title = N_("Disruption probability"),
    .unit = SS_UNIT_PERCENT,
    .meaning = N_("Yearly probability that this item's supply from the country is disrupted; "
                  "empty for the country's") },
  [SS_SOURCE_DISRUPTION_SEVERITY] = {
    OPTIONAL ("disruption-severity", 0, 1, NAN), .title = N_("Disruption severity"),
    .unit = SS_UNIT_PERCENT,
    .meaning = N_("Share of this item's flow lost while disrupted; empty for the country's") },
  [SS_SOURCE_DISRUPTION_DAYS] = {
    OPTIONAL ("disruption-days", 0, 365, NAN), .title = N_("Disruption days"),
    .meaning = N_("How long a disruption of this item's supply lasts; empty for the country's") },
};

/* The three thresholds share one range (the loader checks them with
 * ss_spec_threshold) and keep watch ≤ warning ≤ critical. */
const SsAttrSpec ss_meta_attrs[SS_META_N_ATTRS] = {
  [SS_META_BASE_YEAR] = {
    CLOSED ("base-year", 1900, 2200), .title = N_("Base year"), .unit = SS_UNIT_WHOLE,
    .meaning = N_("The first year of every projection") },
  [SS_META_HORIZON] = {
    CLOSED ("horizon", 1, SS_MAX_HORIZON), .title = N_("Horizon"), .unit = SS_UNIT_WHOLE,
    .meaning = N_("Years projected after the base year; changing it reshapes every projection") },
  [SS_META_DISCOUNT_RATE] = {
    OPTIONAL ("discount-rate", 0, 1, 0), .title = N_("Discount rate"), .unit = SS_UNIT_PERCENT,
    .meaning = N_("Yearly rate for the net present value of costs") },
  [SS_META_WATCH] = {
    OPTIONAL ("watch", 0, 1, 0), .min_open = TRUE, .title = N_("Watch"), .unit = SS_UNIT_PERCENT,
    .meaning = N_("Share from one foreign country that puts an item on watch") },
  [SS_META_WARNING] = {
    OPTIONAL ("warning", 0, 1, 0), .min_open = TRUE, .title = N_("Warning"),
    .unit = SS_UNIT_PERCENT,
    .meaning = N_("Share from one foreign country that raises a warning") },
  [SS_META_CRITICAL] = {
    OPTIONAL ("critical", 0, 1, 0), .min_open = TRUE, .title = N_("Critical"),
    .unit = SS_UNIT_PERCENT,
    .meaning = N_("Share from one foreign country that makes an item critical") },
};

const SsAttrSpec ss_spec_transition_years = { OPTIONAL ("transition-years", 1, 1000, 1) };
const SsAttrSpec ss_spec_switching_cost   = { OPTIONAL ("switching-cost", 0, 100, 0) };
const SsAttrSpec ss_spec_subsidy          = { OPTIONAL ("subsidy", 0, 1, 0) };
const SsAttrSpec ss_spec_stockpile_days   = { CLOSED ("days", 0, 3650) };
const SsAttrSpec ss_spec_target_share     = { CLOSED ("share", 0, 1) };
const SsAttrSpec ss_policy_target_attrs[SS_POLICY_TARGET_N_ATTRS] = {
  [SS_POLICY_TARGET_YEAR] = {
    CLOSED ("year", 1900, 9999), .title = N_("Year"), .unit = SS_UNIT_WHOLE,
    .meaning = N_("The year the target applies from") },
  [SS_POLICY_TARGET_SHARE] = {
    OPEN_MIN ("share", 0, 1), .title = N_("Share"), .unit = SS_UNIT_PERCENT,
    .meaning = N_("Largest share of any item one foreign country may supply") },
};

/* A shock's values have the country's ranges; the loader reads them with
 * the country's table, the pages with this one, which says what an empty
 * value means. */
const SsAttrSpec ss_shock_attrs[SS_DISRUPTION_N] = {
  [SS_DISRUPTION_PROBABILITY] = {
    OPTIONAL ("disruption-probability", 0, 1, NAN), .title = N_("Disruption probability"),
    .unit = SS_UNIT_PERCENT,
    .meaning = N_("Yearly probability that the items' supply from the country is disrupted; "
                  "empty: not set by the shock") },
  [SS_DISRUPTION_SEVERITY] = {
    OPTIONAL ("disruption-severity", 0, 1, NAN), .title = N_("Disruption severity"),
    .unit = SS_UNIT_PERCENT,
    .meaning = N_("Share of the items' flow lost while disrupted; empty: not set by the "
                  "shock") },
  [SS_DISRUPTION_DAYS] = {
    OPTIONAL ("disruption-days", 0, 365, NAN), .title = N_("Disruption days"),
    .meaning = N_("How long a disruption lasts; empty: not set by the shock") },
};

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

/* Reads @text as @spec's unit types it: a percentage for a fraction, a
 * whole number where one is expected, else a number in the file's syntax.
 * The range is not checked. */
gboolean
ss_attr_parse (const SsAttrSpec *spec,
               const char       *text,
               double           *value)
{
  gint64 whole;

  switch (spec->unit)
    {
    case SS_UNIT_PERCENT:
      return ss_parse_percent (text, value);
    case SS_UNIT_WHOLE:
      if (!ss_parse_integer (text, &whole))
        return FALSE;
      *value = whole;
      return TRUE;
    case SS_UNIT_NONE:
    case SS_UNIT_MONEY:
    default:
      return ss_parse_number (text, value);
    }
}

/* @value as ss_attr_parse() reads it back. */
void
ss_attr_format (const SsAttrSpec *spec,
                char             *buf,
                gsize             len,
                double            value)
{
  if (spec->unit == SS_UNIT_PERCENT)
    ss_format_percent (buf, len, value);
  else
    ss_format_number (buf, len, value);
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

/* "7.3" or "7.3 %" → 0.073, read as the decimal 7.3e-2 and not computed
 * as 7.3 / 100 (0.07299999999999999), so the file says what was typed. */
gboolean
ss_parse_percent (const char *text,
                  double     *fraction)
{
  g_autofree char *clean = g_strstrip (g_strdup (text));
  g_autofree char *shifted = NULL;
  gsize len = strlen (clean);
  const char *e;
  double percent;

  if (len > 0 && clean[len - 1] == '%')
    {
      clean[len - 1] = '\0';
      g_strchomp (clean);
    }
  if (!ss_parse_number (clean, &percent))
    return FALSE;

  if ((e = strpbrk (clean, "eE")) == NULL)
    shifted = g_strconcat (clean, "e-2", NULL);
  else
    shifted = g_strdup_printf ("%.*se%" G_GINT64_FORMAT, (int)(e - clean), clean,
                               g_ascii_strtoll (e + 1, NULL, 10) - 2);
  *fraction = g_ascii_strtod (shifted, NULL);
  return isfinite (*fraction);
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

/* The shortest plain percentage that reads back to the same fraction:
 * 0.073 shows as "7.3", not 7.300000000000001. */
void
ss_format_percent (char   *buf,
                   gsize   len,
                   double  fraction)
{
  static const char *formats[] = {
    "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g", "%.9g",
    "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g", "%.16g", "%.17g",
  };
  double back;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, len, formats[i], fraction * 100);
      if (strpbrk (buf, "eE") == NULL && ss_parse_percent (buf, &back) && back == fraction)
        return;
    }
  ss_format_number (buf, len, fraction * 100);
}
