/* ss-import-wgi.c: the Worldwide Governance Indicators, long CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per country × year × indicator (users-data-events.md §3.5).
 * Codes are the World Bank's, mostly ISO alpha-3 but not always (ROM,
 * ZAR...). Estimates run about −2.5 to 2.5; a value far outside means a
 * file of another scale (the 2025 edition changed its method), which is
 * refused rather than rescaled wrongly. ".." is a missing estimate: it is
 * never read as 0, which would make a country look average.
 */

#define G_LOG_DOMAIN "supplyshift-import"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-import-private.h"

/* Beyond this the file is not on the usual estimate scale. */
#define ESTIMATE_LIMIT 3.5

static const char *const indicators[6] = { "va", "pv", "ge", "rq", "rl", "cc" };

static const char *const known_columns[] = {
  "codeindyr", "code", "countryname", "year", "indicator", "estimate", "stddev", "nsource",
  "pctrank", "pctranklower", "pctrankupper",
};

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

gboolean
_ss_import_read_wgi (SsImport     *self,
                     SsCsvReader  *csv,
                     GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) unknown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_fields = ss_csv_reader_get_n_fields (csv);
  int col_code, col_year, col_indicator, col_estimate;
  int latest = 0;
  guint missing = 0;

  for (guint i = 0; i < n_fields; i++)
    if (!g_strv_contains ((const char *const *)known_columns, ss_csv_reader_get_field (csv, i)))
      return _ss_import_fail (self, error, 1, i + 1,
                              _("unexpected column “%s”; a WGI file has the columns code, countryname, year, "
                                "indicator, estimate…"), ss_csv_reader_get_field (csv, i));
  col_code = _ss_import_find_column (csv, "code");
  col_year = _ss_import_find_column (csv, "year");
  col_indicator = _ss_import_find_column (csv, "indicator");
  col_estimate = _ss_import_find_column (csv, "estimate");
  {
    const char *names[] = { "code", "year", "indicator", "estimate" };
    int cols[] = { col_code, col_year, col_indicator, col_estimate };

    for (guint k = 0; k < G_N_ELEMENTS (cols); k++)
      if (cols[k] < 0)
        return _ss_import_fail (self, error, 1, 0, _("the column “%s” is missing"), names[k]);
  }

  while (ss_csv_reader_next (csv, &local_error))
    {
      guint line = ss_csv_reader_get_line (csv);
      const char *code = ss_csv_reader_get_field (csv, col_code);
      const char *estimate = ss_csv_reader_get_field (csv, col_estimate);
      const char *indicator = ss_csv_reader_get_field (csv, col_indicator);
      const char *iso2;
      char key[16];
      int year, which = -1;
      double value = NAN;
      gpointer slot;
      SsImportGovernance *g;

      if (ss_csv_reader_is_blank (csv))
        continue;
      if (ss_csv_reader_get_n_fields (csv) != n_fields)
        return _ss_import_fail (self, error, line, 0, _("the line has %u fields, the header %u"),
                                ss_csv_reader_get_n_fields (csv), n_fields);
      if (!_ss_import_parse_year (ss_csv_reader_get_field (csv, col_year), &year))
        return _ss_import_fail (self, error, line, col_year + 1, _("year “%s” is not a year"),
                                ss_csv_reader_get_field (csv, col_year));
      for (guint k = 0; k < 6; k++)
        if (g_str_equal (indicator, indicators[k]))
          which = k;
      if (which < 0)
        return _ss_import_fail (self, error, line, col_indicator + 1,
                                _("indicator “%s”: expected va, pv, ge, rq, rl or cc"), indicator);
      if (!g_str_equal (estimate, ".."))
        {
          if (!_ss_import_parse_amount (estimate, &value) || strchr (estimate, ',') != NULL)
            return _ss_import_fail (self, error, line, col_estimate + 1,
                                    _("estimate “%s” is not a number or “..”"), estimate);
          if (fabs (value) > ESTIMATE_LIMIT)
            return _ss_import_fail (self, error, line, col_estimate + 1,
                                    _("estimate %s is outside the −2.5 to 2.5 scale of WGI estimates; "
                                      "a file on another scale cannot be rescaled as 5 − 2 × mean"), estimate);
        }
      if ((iso2 = _ss_import_country_from_alpha3 (code)) == NULL)
        {
          g_hash_table_add (unknown, g_strdup (code));
          continue;
        }

      _ss_import_add_year (self, year);
      latest = MAX (latest, year);
      g_snprintf (key, sizeof key, "%s\t%d", iso2, year);
      if (!g_hash_table_lookup_extended (index, key, NULL, &slot))
        {
          SsImportGovernance fresh = { { 0 }, year, { NAN, NAN, NAN, NAN, NAN, NAN }, 0 };

          g_strlcpy (fresh.country, iso2, sizeof fresh.country);
          g_array_append_val (self->governance, fresh);
          slot = GUINT_TO_POINTER (self->governance->len - 1);
          g_hash_table_insert (index, g_strdup (key), slot);
        }
      g = &g_array_index (self->governance, SsImportGovernance, GPOINTER_TO_UINT (slot));
      if (!isnan (g->estimates[which]) || (g->n_estimates & (1u << (8 + which))) != 0)
        return _ss_import_fail (self, error, line, col_indicator + 1,
                                _("a second %s estimate for %s in %d"), indicator, code, year);
      /* Bits 8..13 mark indicators seen, missing or not. */
      g->n_estimates |= 1u << (8 + which);
      if (isnan (value))
        missing++;
      else
        {
          g->estimates[which] = value;
          g->n_estimates++;
        }
    }
  if (local_error != NULL)
    return _ss_import_csv_fail (self, csv, local_error, error);

  for (guint i = 0; i < self->governance->len; i++)
    g_array_index (self->governance, SsImportGovernance, i).n_estimates &= 0xff;
  self->edition = g_strdup_printf ("data through %d", latest);
  self->unit = g_strdup (_("WGI estimates (about −2.5 to 2.5, higher is better)"));
  if (missing > 0)
    _ss_import_warn (self, g_dngettext (GETTEXT_PACKAGE, "%u estimate is missing (“..”): not read as a value.",
                                        "%u estimates are missing (“..”): not read as values.", missing),
                     missing);
  if (g_hash_table_size (unknown) > 0)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree const char **codes = (const char **)g_hash_table_get_keys_as_array (unknown, NULL);

      g_qsort_with_data (codes, g_hash_table_size (unknown), sizeof (char *), compare_codes, NULL);
      for (guint k = 0; k < g_hash_table_size (unknown); k++)
        g_string_append_printf (list, " %s", codes[k]);
      _ss_import_warn (self, _("Codes that are no ISO country, skipped:%s."), list->str);
    }
  return TRUE;
}
