/* ss-import-comtrade.c: UN Comtrade v1 CSV (the API's and the web download's 47 columns)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three traps decide whether an import is right (users-data-events.md
 * §3.1): partner codes are Comtrade's, not ISO (842 is the United States);
 * partner 0 is the World total, which must never be added to the partners;
 * and "plus" mode breaks every total down by customs procedure and mode
 * of transport, so only the classic totals (customsCode C00, motCode 0,
 * partner2Code 0) are summed.
 */

#define G_LOG_DOMAIN "supplyshift-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-import-private.h"

static const char *const columns[] = {
  "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
  "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
  "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode",
  "isOriginalClassification", "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc",
  "mosCode", "motCode", "motDesc", "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode",
  "altQtyUnitAbbr", "altQty", "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt",
  "isGrossWgtEstimated", "cifvalue", "fobvalue", "primaryValue", "legacyEstimationFlag", "isReported",
  "isAggregate",
};

enum { C_TYPE, C_FREQ, C_YEAR = 3, C_REPORTER = 6, C_FLOW = 9, C_PARTNER = 11, C_PARTNER2 = 14,
       C_CMD = 20, C_CMD_DESC = 21, C_CUSTOMS = 24, C_MOT = 27, C_NET_WEIGHT = 37, C_PRIMARY = 43,
       N_COLUMNS = 47 };

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);

typedef struct
{
  int  year;
  char freq;
} YearFreq;

gboolean
_ss_import_read_comtrade (SsImport     *self,
                          SsCsvReader  *csv,
                          GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) freqs = g_array_new (FALSE, FALSE, sizeof (YearFreq));
  g_autofree char *reporter_code = NULL;
  int col[N_COLUMNS];
  guint n_fields = ss_csv_reader_get_n_fields (csv);
  SsImportSkipped other_flows = { 0 }, plus_rows = { 0 }, total_cmd = { 0 }, rest_rows = { 0 };
  g_autofree char *text_other = NULL, *text_plus = NULL, *text_total = NULL, *text_rest = NULL;

  for (guint c = 0; c < N_COLUMNS; c++)
    col[c] = -1;
  for (guint i = 0; i < n_fields; i++)
    {
      const char *name = ss_csv_reader_get_field (csv, i);
      int found = -1;

      for (guint c = 0; c < N_COLUMNS; c++)
        if (g_str_equal (name, columns[c]))
          found = c;
      if (found < 0)
        return _ss_import_fail (self, error, 1, i + 1,
                                _("unexpected column “%s”; a Comtrade file has the 47 columns of the "
                                  "v1 API (typeCode … isAggregate)"), name);
      if (col[found] >= 0)
        return _ss_import_fail (self, error, 1, i + 1, _("column “%s” comes twice"), name);
      col[found] = (int)i;
    }
  for (guint c = 0; c < N_COLUMNS; c++)
    if (col[c] < 0)
      return _ss_import_fail (self, error, 1, 0, _("the column “%s” is missing"), columns[c]);

  self->unit = g_strdup (_("plain USD (primaryValue of UN Comtrade)"));
  while (ss_csv_reader_next (csv, &local_error))
    {
      guint line = ss_csv_reader_get_line (csv);
      const char *text, *partner, *partner_name, *reporter, *reporter_name;
      char hs[11];
      int year;
      double value, weight = 0;
      gboolean found_freq = FALSE;
      SsImportItem *item;

#define FIELD(c) ss_csv_reader_get_field (csv, col[(c)])
#define FAIL(c, ...) _ss_import_fail (self, error, line, col[(c)] + 1, __VA_ARGS__)

      if (ss_csv_reader_is_blank (csv))
        continue;
      if (ss_csv_reader_get_n_fields (csv) != n_fields)
        return _ss_import_fail (self, error, line, 0, _("the line has %u fields, the header %u"),
                                ss_csv_reader_get_n_fields (csv), n_fields);

      if (!g_str_equal (FIELD (C_TYPE), "C"))
        return FAIL (C_TYPE, _("typeCode “%s”: only goods (C) are read, not services"), FIELD (C_TYPE));
      if (!g_str_equal (FIELD (C_FLOW), "M"))
        {
          _ss_import_skip (&other_flows, line);
          continue;
        }
      if (!g_str_equal (FIELD (C_CUSTOMS), "C00") || !g_str_equal (FIELD (C_MOT), "0")
          || !g_str_equal (FIELD (C_PARTNER2), "0"))
        {
          _ss_import_skip (&plus_rows, line);
          continue;
        }
      if (!_ss_import_parse_year (FIELD (C_YEAR), &year))
        return FAIL (C_YEAR, _("refYear “%s” is not a year"), FIELD (C_YEAR));
      if (!g_str_equal (FIELD (C_FREQ), "A") && !g_str_equal (FIELD (C_FREQ), "M"))
        return FAIL (C_FREQ, _("freqCode “%s”: expected A (annual) or M (monthly)"), FIELD (C_FREQ));
      for (guint k = 0; k < freqs->len; k++)
        {
          YearFreq *yf = &g_array_index (freqs, YearFreq, k);

          if (yf->year == year)
            {
              found_freq = TRUE;
              if (yf->freq != FIELD (C_FREQ)[0])
                return FAIL (C_FREQ, _("the file has both annual and monthly rows for %d: "
                                       "summing both would count that year twice"), year);
            }
        }
      if (!found_freq)
        {
          YearFreq yf = { year, FIELD (C_FREQ)[0] };

          g_array_append_val (freqs, yf);
        }

      if (reporter_code == NULL)
        {
          if (!_ss_import_comtrade_area (FIELD (C_REPORTER), &reporter, &reporter_name) || *reporter == '\0')
            return FAIL (C_REPORTER, _("reporterCode “%s” is not a Comtrade country code"), FIELD (C_REPORTER));
          reporter_code = g_strdup (FIELD (C_REPORTER));
          self->reporter = g_strdup (reporter);
        }
      else if (!g_str_equal (reporter_code, FIELD (C_REPORTER)))
        return FAIL (C_REPORTER, _("reporterCode %s, while earlier rows are of reporter %s: "
                                   "import one country's imports at a time"), FIELD (C_REPORTER), reporter_code);

      if (g_ascii_strcasecmp (FIELD (C_CMD), "TOTAL") == 0)
        {
          _ss_import_skip (&total_cmd, line);
          continue;
        }
      if (!_ss_import_normalise_hs (FIELD (C_CMD), hs))
        return FAIL (C_CMD, _("cmdCode “%s” is not an HS code of 2 to 10 digits"), FIELD (C_CMD));
      if (!_ss_import_parse_amount (FIELD (C_PRIMARY), &value) || value < 0)
        return FAIL (C_PRIMARY, _("primaryValue “%s” is not an amount of USD"), FIELD (C_PRIMARY));
      if (*FIELD (C_NET_WEIGHT) != '\0'
          && (!_ss_import_parse_amount (FIELD (C_NET_WEIGHT), &weight) || weight < 0))
        return FAIL (C_NET_WEIGHT, _("netWgt “%s” is not a weight in kg"), FIELD (C_NET_WEIGHT));
      if (!_ss_import_comtrade_area (FIELD (C_PARTNER), &partner, &partner_name))
        return FAIL (C_PARTNER, _("partnerCode “%s” is not a Comtrade country or area code"),
                     FIELD (C_PARTNER));
      if ((text = _ss_import_text (self, csv, col[C_CMD_DESC], error)) == NULL)
        return FALSE;

      item = _ss_import_item_for (self, year, hs, text);
      if (item == NULL)
        continue;
      if (g_str_equal (FIELD (C_PARTNER), "0"))
        {
          item->total += value;
          item->has_total = TRUE;
          continue;
        }
      if (*partner == '\0')
        _ss_import_skip (&rest_rows, line);
      _ss_import_add_flow (item, partner, value, weight);

#undef FIELD
#undef FAIL
    }
  if (local_error != NULL)
    return _ss_import_csv_fail (self, csv, local_error, error);

  text_other = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row of another flow than imports (M) skipped.",
                                             "%u rows of other flows than imports (M) skipped.", other_flows.count),
                                other_flows.count);
  _ss_import_warn_skipped (self, &other_flows, text_other);
  text_plus = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u breakdown row by customs procedure or transport mode skipped; "
                                            "only the totals (C00, 0, 0) are summed.",
                                            "%u breakdown rows by customs procedure or transport mode skipped; "
                                            "only the totals (C00, 0, 0) are summed.", plus_rows.count),
                               plus_rows.count);
  _ss_import_warn_skipped (self, &plus_rows, text_plus);
  text_total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row for all commodities (TOTAL) skipped.",
                                             "%u rows for all commodities (TOTAL) skipped.", total_cmd.count),
                                total_cmd.count);
  _ss_import_warn_skipped (self, &total_cmd, text_total);
  text_rest = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u row from an area that is not one country (such as “Areas, nes”) "
                                            "counted in the rest of world.",
                                            "%u rows from areas that are not one country (such as “Areas, nes”) "
                                            "counted in the rest of world.", rest_rows.count),
                               rest_rows.count);
  _ss_import_warn_skipped (self, &rest_rows, text_rest);

  /* The World row is the total; the partners should add up to it. */
  for (guint i = 0; i < ss_import_get_n_items (self); i++)
    {
      const SsImportItem *item = ss_import_get_item (self, i);
      double sum = 0;

      for (guint f = 0; f < item->flows->len; f++)
        sum += g_array_index (item->flows, SsImportFlow, f).value;
      if (item->has_total && fabs (sum - item->total) > 0.005 * item->total)
        _ss_import_warn (self, _("Item %s, %d: the partners add up to %.0f USD, the World row says %.0f; "
                                 "the value is the World row's, the shares are of the partners."),
                         item->code, item->year, sum, item->total);
    }
  return TRUE;
}
