/* test-import.c: reading trade statistics and governance indicators into studies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures in data/import/ are small synthetic files in each exact
 * layout (Comtrade's licence forbids shipping its data), each carrying the
 * traps docs/import.md lists. Every expected figure here is worked out by
 * hand from the fixture, never taken from the importer's own output.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "ss-attrs.h"
#include "ss-import.h"
#include "ss-study-file.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static SsImport *
read_with (const char     *name,
           SsImportFormat  format,
           const char     *map_path,
           GError        **error)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) map = map_path != NULL ? g_file_new_for_path (map_path) : NULL;

  return ss_import_read (file, name, format, map, NULL, error);
}

static SsImport *
read_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  SsImport *import = read_with (name, SS_IMPORT_FORMAT_DETECT, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

/* The read is refused with a message that starts with the file and the
 * position and holds fragment. */
static void
assert_refused (const char *name,
                const char *position,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsImport) import = read_with (name, SS_IMPORT_FORMAT_DETECT, NULL, &error);
  g_autofree char *prefix = g_strdup_printf ("%s%s: error: ", name, position);

  g_assert_null (import);
  g_assert_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, fragment) == NULL)
    g_error ("expected “%s…%s”, got “%s”", prefix, fragment, error->message);
}

static const SsImportItem *
find_item (SsImport   *import,
           const char *code,
           int         year)
{
  for (guint i = 0; i < ss_import_get_n_items (import); i++)
    {
      const SsImportItem *item = ss_import_get_item (import, i);

      if (g_str_equal (item->code, code) && item->year == year)
        return item;
    }
  g_error ("no item %s for %d", code, year);
  return NULL;
}

static double
flow_value (const SsImportItem *item,
            const char         *partner)
{
  for (guint f = 0; f < item->flows->len; f++)
    if (g_str_equal (g_array_index (item->flows, SsImportFlow, f).partner, partner))
      return g_array_index (item->flows, SsImportFlow, f).value;
  return 0;
}

static gboolean
has_warning (SsImport   *import,
             const char *fragment)
{
  GPtrArray *warnings = ss_import_get_warnings (import);

  for (guint i = 0; i < warnings->len; i++)
    if (strstr (g_ptr_array_index (warnings, i), fragment) != NULL)
      return TRUE;
  return FALSE;
}

static SsSource *
source_of (SsStudy    *study,
           const char *item,
           const char *country)
{
  int i = ss_study_find_item (study, item);
  int c = ss_study_find_country (study, country);

  g_assert_cmpint (i, >=, 0);
  g_assert_cmpint (c, >=, 0);
  return &ss_study_get_item (study, i)->sources[c];
}

static double
share_of (SsStudy    *study,
          const char *item,
          const char *country)
{
  if (ss_study_find_country (study, country) < 0)
    return 0;
  return source_of (study, item, country)->attr[SS_SOURCE_SHARE];
}

static double
value_of (SsStudy    *study,
          const char *item)
{
  return ss_study_get_item (study, ss_study_find_item (study, item))->attr[SS_ITEM_VALUE];
}

static SsStudy *
new_study (SsImport *import)
{
  g_autoptr(GError) error = NULL;
  SsImportOptions options = { .date = "2025-01-31" };
  SsStudy *study = ss_import_new_study (import, &options, NULL, &error);

  g_assert_no_error (error);
  return study;
}

static char *
write_temp (const char *name,
            const char *contents)
{
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* ---- Korea Customs CSV ------------------------------------------------- */

/* kcs-basic.csv: a BOM, CRLF, a 총계 row that must not be added, a row
 * with no country, values with thousands separators in thousand USD,
 * countries by Korean name and by code. */
static void
test_kcs_csv (void)
{
  g_autoptr(SsImport) import = read_ok ("kcs-basic.csv");
  g_autoptr(SsStudy) study = NULL;
  const SsImportItem *item;

  g_assert_cmpint (ss_import_get_format (import), ==, SS_IMPORT_FORMAT_KCS_CSV);
  g_assert_cmpuint (ss_import_get_n_items (import), ==, 1);
  item = find_item (import, "2825202000", 2024);
  g_assert_cmpstr (item->name, ==, "수산화리튬");
  /* 중국 1,234 + CN 366 thousand USD; the 총계 row (1,734) and the row
   * without a country (999) are left out. */
  g_assert_cmpfloat (flow_value (item, "CN"), ==, 1600000);
  g_assert_cmpfloat (flow_value (item, "CL"), ==, 400000);
  g_assert_cmpfloat (flow_value (item, "JP"), ==, 2000000);
  /* No total row in the file: the item's value is its flows' sum. */
  g_assert_cmpfloat (ss_import_item_get_value (item), ==, 4000000);
  g_assert_cmpuint (item->flows->len, ==, 3);
  /* Each skip says where. */
  g_assert_true (has_warning (import, "1 total row (총계) skipped, not added. Line 4."));
  g_assert_true (has_warning (import, "1 row without a country skipped, not added. Line 6."));
  g_assert_nonnull (strstr (ss_import_get_unit (import), "thousand USD"));
  g_assert_cmpstr (ss_import_get_reporter (import), ==, "KR");

  study = new_study (import);
  g_assert_cmpfloat (value_of (study, "2825202000"), ==, 4);   /* 4 000 thousand USD */
  g_assert_cmpfloat (share_of (study, "2825202000", "CN"), ==, 0.4);
  g_assert_cmpfloat (share_of (study, "2825202000", "CL"), ==, 0.1);
  g_assert_cmpfloat (share_of (study, "2825202000", "JP"), ==, 0.5);
  /* Unit values: Chile 400/500, China 1 600/1 100; Japan has no weight. */
  g_assert_cmpfloat_with_epsilon (source_of (study, "2825202000", "CL")->attr[SS_SOURCE_COST_INDEX],
                                  (400.0 / 500) / (1600.0 / 1100), 1e-12);
  g_assert_false (source_of (study, "2825202000", "JP")->set & (1 << SS_SOURCE_COST_INDEX));
}

/* The same file as a Korean Excel saves it: CP949, no BOM, CRLF. */
static void
test_kcs_cp949 (void)
{
  g_autoptr(SsImport) import = read_ok ("kcs-cp949.csv");
  const SsImportItem *item = find_item (import, "2825202000", 2024);

  g_assert_cmpstr (item->name, ==, "수산화리튬");
  g_assert_cmpfloat (flow_value (item, "CN"), ==, 1600000);
  g_assert_cmpfloat (flow_value (item, "JP"), ==, 2000000);
  g_assert_true (has_warning (import, "CP949"));
}

/* The unit comes from the header: 수입 금액(달러) is plain dollars, an
 * unknown unit is refused, never guessed. */
static void
test_kcs_units (void)
{
  g_autoptr(SsImport) dollars = read_ok ("kcs-unit-dollars.csv");

  g_assert_cmpfloat (flow_value (find_item (dollars, "2825202000", 2024), "CN"), ==, 1600);
  g_assert_nonnull (strstr (ss_import_get_unit (dollars), "plain USD"));
  assert_refused ("kcs-unit-unknown.csv", ":1:8", "unknown unit “엔”");
  assert_refused ("kcs-missing-column.csv", ":1", "the column “수입 금액” is missing");
  assert_refused ("kcs-bad-number.csv", ":2:8", "“1,23,4” is not a number");
  assert_refused ("kcs-unknown-country.csv", ":3:2", "“아틀란티스” is not a country");
}

/* Two years in one file: nothing is summed across them, and the year is
 * the user's choice (or the study's base year), never a silent pick. */
static void
test_kcs_two_years (void)
{
  g_autoptr(SsImport) import = read_ok ("kcs-two-years.csv");
  g_autoptr(SsStudy) study = NULL;
  g_autoptr(SsStudy) base_2023 = ss_study_load_sample ();
  g_autoptr(GError) error = NULL;
  SsImportOptions options = { .year = 2024 };
  guint n_years;
  const int *years = ss_import_get_years (import, &n_years);

  g_assert_cmpuint (n_years, ==, 2);
  g_assert_cmpint (years[0], ==, 2023);
  g_assert_cmpint (years[1], ==, 2024);
  g_assert_cmpint (ss_import_choose_year (import, NULL, 0, &error), ==, 0);
  g_assert_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE);
  g_assert_nonnull (strstr (error->message, "2023, 2024"));
  g_clear_error (&error);
  g_assert_null (ss_import_new_study (import, NULL, NULL, &error));
  g_assert_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE);
  g_clear_error (&error);

  study = ss_import_new_study (import, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ss_study_get_meta (study)->base_year, ==, 2024);
  g_assert_cmpfloat (value_of (study, "2825202000"), ==, 0.4);
  g_assert_cmpfloat (share_of (study, "2825202000", "CN"), ==, 0.75);

  ss_study_get_meta (base_2023)->base_year = 2023;
  g_assert_cmpint (ss_import_choose_year (import, base_2023, 0, &error), ==, 2023);
  g_assert_no_error (error);
}

/* ---- Korea Customs XML ------------------------------------------------- */

static void
test_kcs_xml (void)
{
  g_autoptr(SsImport) import = read_ok ("kcs.xml");
  g_autoptr(SsStudy) study = NULL;
  const SsImportItem *item;

  g_assert_cmpint (ss_import_get_format (import), ==, SS_IMPORT_FORMAT_KCS_XML);
  item = find_item (import, "2825202000", 2024);
  /* impDlr is plain USD, with thousands separators; 총계 is not added. */
  g_assert_cmpfloat (flow_value (item, "CN"), ==, 1234000);
  g_assert_cmpfloat (flow_value (item, "CL"), ==, 766000);
  g_assert_true (has_warning (import, "1 total row (총계) skipped, not added. Line 11."));
  study = new_study (import);
  g_assert_cmpfloat (value_of (study, "2825202000"), ==, 2);
  g_assert_cmpfloat (share_of (study, "2825202000", "CN"), ==, 0.617);

  assert_refused ("kcs-doctype.xml", ":2", "DOCTYPE");
  assert_refused ("kcs-error.xml", "", "resultCode 99");
}

/* ---- UN Comtrade ------------------------------------------------------- */

/* comtrade.csv: partner 842 is the United States (ISO 840), 490 is
 * Taiwan; the World row is the total and not a partner; plus-mode rows
 * (another customs procedure, a transport mode, a second partner) and
 * export and TOTAL rows are left out. */
static void
test_comtrade (void)
{
  g_autoptr(SsImport) import = read_ok ("comtrade.csv");
  g_autoptr(SsStudy) study = NULL;
  const SsImportItem *cobalt, *magnesium;

  g_assert_cmpint (ss_import_get_format (import), ==, SS_IMPORT_FORMAT_COMTRADE);
  g_assert_cmpstr (ss_import_get_reporter (import), ==, "KR");
  cobalt = find_item (import, "282200", 2023);
  g_assert_cmpfloat (flow_value (cobalt, "CN"), ==, 7000000);
  g_assert_cmpfloat (flow_value (cobalt, "US"), ==, 2000000);
  g_assert_cmpfloat (flow_value (cobalt, "VN"), ==, 500000);
  g_assert_cmpfloat (flow_value (cobalt, SS_IMPORT_REST), ==, 500000);   /* Areas, nes */
  g_assert_cmpuint (cobalt->flows->len, ==, 4);
  g_assert_true (cobalt->has_total);
  g_assert_cmpfloat (cobalt->total, ==, 10000000);
  magnesium = find_item (import, "810411", 2023);
  g_assert_cmpfloat (flow_value (magnesium, "TW"), ==, 1000000);
  g_assert_true (has_warning (import, "3 breakdown rows by customs procedure or transport mode skipped; "
                                      "only the totals (C00, 0, 0) are summed. Lines 7, 8, 9."));
  g_assert_true (has_warning (import, "1 row of another flow than imports (M) skipped. Line 10."));
  g_assert_true (has_warning (import, "1 row for all commodities (TOTAL) skipped. Line 11."));
  g_assert_true (has_warning (import, "counted in the rest of world. Line 6."));

  study = new_study (import);
  g_assert_cmpfloat (value_of (study, "282200"), ==, 10);
  g_assert_cmpfloat (share_of (study, "282200", "US"), ==, 2000000.0 / 10000000);
  g_assert_cmpfloat (share_of (study, "282200", "CN"), ==, 0.7);
  g_assert_cmpfloat (share_of (study, "282200", "ZZ"), ==, 0.05);
  g_assert_cmpfloat (share_of (study, "810411", "TW"), ==, 0.25);
  g_assert_cmpint (ss_study_find_country (study, "WO"), <, 0);
  /* Unit values: the United States 2 000 000 / 200 000 against China's
   * 7 000 000 / 1 000 000. */
  g_assert_cmpfloat_with_epsilon (source_of (study, "282200", "US")->attr[SS_SOURCE_COST_INDEX],
                                  10.0 / 7.0, 1e-12);
}

static void
test_comtrade_latin1 (void)
{
  g_autoptr(SsImport) import = read_ok ("comtrade-latin1.csv");

  g_assert_cmpstr (find_item (import, "282200", 2023)->name, ==, "Oxydes et hydroxydes de cobalt (élaborés)");
  g_assert_true (has_warning (import, "ISO-8859-1"));
  assert_refused ("comtrade-missing-column.csv", ":1", "the column “netWgt” is missing");
  assert_refused ("comtrade-unknown-partner.csv", ":3:12", "partnerCode “999”");
}

/* ---- WGI --------------------------------------------------------------- */

static double
governance_of (SsStudy    *study,
               const char *code)
{
  return ss_study_get_country (study, ss_study_find_country (study, code))->attr[SS_COUNTRY_GOVERNANCE];
}

static void
test_wgi (void)
{
  g_autoptr(SsImport) import = read_ok ("wgi.csv");
  g_autoptr(SsStudy) study = ss_study_new ();
  g_autoptr(SsImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  SsImportOptions options = { .date = "2025-01-31" };
  const char *codes[] = { "CN", "KR", "RO", "CD", "VN", "ZZ" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    ss_study_get_country (study, ss_study_add_country (study, codes[i], codes[i]))->attr[SS_COUNTRY_GOVERNANCE] = 5;
  ss_study_get_meta (study)->home = 1;
  ss_study_get_meta (study)->title = (g_free (ss_study_get_meta (study)->title), g_strdup ("t"));
  ss_study_get_item (study, ss_study_add_item (study, "x", "x"))->attr[SS_ITEM_VALUE] = 1;
  ss_study_get_item (study, 0)->sources[0].listed = TRUE;
  ss_study_get_item (study, 0)->sources[0].attr[SS_SOURCE_SHARE] = 1;

  g_assert_true (ss_import_apply (import, study, &options, &summary, &error));
  g_assert_no_error (error);
  /* The latest year, 2023; ROM and ZAR are the World Bank's codes. */
  g_assert_cmpint (summary->year, ==, 2023);
  g_assert_cmpfloat_with_epsilon (governance_of (study, "CN"),
                                  5 - 2 * ((-1.62 - 0.45 + 0.48 - 0.28 - 0.12 + 0.05) / 6), 1e-12);
  g_assert_cmpfloat_with_epsilon (governance_of (study, "KR"),
                                  5 - 2 * ((0.90 + 0.62 + 1.40 + 1.12 + 1.15 + 0.75) / 6), 1e-12);
  g_assert_cmpfloat_with_epsilon (governance_of (study, "RO"),
                                  5 - 2 * ((0.52 + 0.45 - 0.05 + 0.55 + 0.35 + 0.05) / 6), 1e-12);
  g_assert_cmpfloat_with_epsilon (governance_of (study, "CD"),
                                  5 - 2 * ((-1.42 - 1.85 - 1.62 - 1.33 - 1.52 - 1.41) / 6), 1e-12);
  /* Vietnam's 2023 pv is "..": not read as 0, so its governance stays. */
  g_assert_cmpfloat (governance_of (study, "VN"), ==, 5);
  g_assert_cmpfloat (governance_of (study, "ZZ"), ==, 5);
  g_assert_cmpuint (summary->countries_missing->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (summary->countries_missing, 0), ==, "VN");
  g_assert_true (has_warning (import, "ANT"));
  g_assert_nonnull (strstr (ss_study_get_meta (study)->source, "data through 2023, year 2023"));

  options.year = 2022;
  g_clear_pointer (&summary, ss_import_summary_free);
  g_assert_true (ss_import_apply (import, study, &options, &summary, NULL));
  g_assert_cmpfloat_with_epsilon (governance_of (study, "VN"),
                                  5 - 2 * ((-1.40 + 0.00 + 0.10 - 0.50 - 0.10 - 0.40) / 6), 1e-12);
  assert_refused ("wgi-scale.csv", ":2:6", "outside the −2.5 to 2.5 scale");
}

/* ---- Updating a study -------------------------------------------------- */

/* The sample study's baseline shares and import values, written as a
 * Korea Customs CSV (spread over months, HS-10 lines and countries outside
 * the study that make up its rest of world), rebuild the sample exactly. */
static void
test_sample_rebuilt (void)
{
  g_autofree char *map = fixture ("sample-items.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsImport) import = read_with ("sample-2024.csv", SS_IMPORT_FORMAT_KCS_CSV, map, &error);
  g_autoptr(SsStudy) sample = ss_study_load_sample ();
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsImportSummary) summary = NULL;
  SsImportOptions options = { .top = 7, .date = "2025-01-31" };

  g_assert_no_error (error);
  g_assert_true (ss_import_apply (import, study, &options, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary->items_changed->len, ==, ss_study_get_n_items (sample));
  g_assert_cmpuint (summary->countries_added->len, ==, 0);
  for (guint i = 0; i < ss_study_get_n_items (sample); i++)
    {
      SsItem *want = ss_study_get_item (sample, i), *got = ss_study_get_item (study, i);

      g_assert_cmpfloat (got->attr[SS_ITEM_VALUE], ==, want->attr[SS_ITEM_VALUE]);
      for (guint c = 0; c < ss_study_get_n_countries (sample); c++)
        g_assert_cmpfloat (got->sources[c].attr[SS_SOURCE_SHARE], ==, want->sources[c].attr[SS_SOURCE_SHARE]);
    }
  g_assert_nonnull (strstr (ss_study_get_meta (study)->source, "sample-2024.csv (Korea Customs Service "
                                                              "tradedata CSV, year 2024, SHA-256 "));
  g_free (ss_study_get_meta (study)->source);
  ss_study_get_meta (study)->source = g_strdup (ss_study_get_meta (sample)->source);
  g_assert_true (ss_study_equal (study, sample));
}

/* With --into only the matching items' shares and values change; a
 * country that is new takes the template's figures; the same import again
 * changes nothing, not even the source. */
static void
test_into (void)
{
  g_autofree char *map = write_temp ("ss-import-map.csv", "hs,code,name\n282200,282200,Cobalt\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsImport) import = read_with ("comtrade.csv", SS_IMPORT_FORMAT_DETECT, map, &error);
  g_autoptr(SsStudy) sample = ss_study_load_sample ();
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsStudy) once = NULL;
  g_autoptr(SsStudy) with_jp = ss_study_load_sample ();
  g_autoptr(SsImportSummary) summary = NULL;
  g_autoptr(SsImportSummary) again = NULL;
  SsImportOptions options = { .year = 2023, .date = "2025-01-31" };
  int cobalt, us, zz;

  g_assert_no_error (error);
  g_assert_true (ss_import_apply (import, study, &options, &summary, &error));
  g_assert_no_error (error);
  cobalt = ss_study_find_item (study, "282200");
  us = ss_study_find_country (study, "US");
  zz = ss_study_find_country (study, "ZZ");
  g_assert_cmpint (us, ==, (int)ss_study_get_n_countries (sample));
  g_assert_cmpuint (summary->countries_added->len, ==, 1);
  g_assert_cmpstr (summary->template_used, ==, "ZZ");
  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    g_assert_cmpfloat (ss_study_get_country (study, us)->attr[a], ==, ss_study_get_country (study, zz)->attr[a]);
  g_assert_cmpfloat (value_of (study, "282200"), ==, 10);
  g_assert_cmpfloat (share_of (study, "282200", "US"), ==, 0.2);
  g_assert_cmpfloat (share_of (study, "282200", "JP"), ==, 0);   /* listed before, kept listed */
  g_assert_true (ss_study_get_item (study, cobalt)->sources[ss_study_find_country (study, "JP")].listed);
  /* Everything else as it was: other items, the item's other attributes,
   * prices, scenarios. */
  for (guint i = 0; i < ss_study_get_n_items (sample); i++)
    {
      SsItem *want = ss_study_get_item (sample, i), *got = ss_study_get_item (study, i);

      for (guint a = 0; a < SS_ITEM_N_ATTRS; a++)
        if ((int)i != cobalt || a != SS_ITEM_VALUE)
          g_assert_cmpfloat (got->attr[a], ==, want->attr[a]);
      for (guint c = 0; c < ss_study_get_n_countries (sample); c++)
        {
          if ((int)i != cobalt)
            g_assert_cmpfloat (got->sources[c].attr[SS_SOURCE_SHARE], ==, want->sources[c].attr[SS_SOURCE_SHARE]);
          g_assert_true (memcmp (&got->sources[c].attr[SS_SOURCE_COST_INDEX],
                                 &want->sources[c].attr[SS_SOURCE_COST_INDEX], sizeof (double)) == 0);
        }
    }
  g_assert_cmpuint (ss_study_get_n_scenarios (study), ==, ss_study_get_n_scenarios (sample));
  g_assert_cmpuint (summary->items_skipped->len, ==, 0);

  once = ss_study_copy (study);
  options.date = "2025-06-30";
  g_assert_true (ss_import_apply (import, study, &options, &again, &error));
  g_assert_false (again->source_recorded);
  g_assert_true (ss_study_equal (study, once));

  options.template_country = "JP";
  g_clear_pointer (&summary, ss_import_summary_free);
  g_assert_true (ss_import_apply (import, with_jp, &options, &summary, &error));
  g_assert_cmpfloat (ss_study_get_country (with_jp, ss_study_find_country (with_jp, "US"))->attr[SS_COUNTRY_GOVERNANCE],
                     ==, ss_study_get_country (with_jp, ss_study_find_country (with_jp, "JP"))->attr[SS_COUNTRY_GOVERNANCE]);
  options.template_country = "XX";
  g_assert_false (ss_import_apply (import, with_jp, &options, NULL, &error));
  g_assert_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE);
  g_unlink (map);
}

/* What an import would change, item by item, for the window's preview:
 * Comtrade's cobalt into the sample, worked out from the fixture (China
 * 7, US 2, Viet Nam 0.5, "Areas, nes" 0.5 of 10 million USD) and from the
 * sample's file (CN 0.728, JP 0.05, FI 0.12, ZZ 0.102 of 246). */
static void
test_item_changes (void)
{
  g_autoptr(SsImport) import = read_ok ("comtrade.csv");
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsStudy) copy = ss_study_copy (study);
  g_autoptr(SsImportSummary) summary = NULL;
  g_autoptr(SsImportSummary) again = NULL;
  SsImportOptions options = { .date = "2025-01-31" };
  static const SsImportCountryChange expected[] = {
    { "CN", 0.728, 0.7 }, { "US", 0, 0.2 }, { "ZZ", 0.102, 0.05 }, { "VN", 0, 0.05 },
    { "FI", 0.12, 0 }, { "JP", 0.05, 0 },
  };
  const SsImportItemChange *change;
  guint n_warnings = ss_import_get_warnings (import)->len;

  g_assert_true (ss_import_apply (import, study, &options, &summary, NULL));
  g_assert_cmpuint (summary->item_changes->len, ==, 1);
  change = g_ptr_array_index (summary->item_changes, 0);
  g_assert_cmpstr (change->code, ==, "282200");
  g_assert_cmpstr (change->name, ==, "Cobalt oxides and hydroxides");
  g_assert_false (change->added);
  g_assert_cmpfloat (change->value_before, ==, 246);
  g_assert_cmpfloat (change->value_after, ==, 10);
  g_assert_cmpuint (change->shares->len, ==, G_N_ELEMENTS (expected));
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      const SsImportCountryChange *got = &g_array_index (change->shares, SsImportCountryChange, k);

      g_assert_cmpstr (got->country, ==, expected[k].country);
      g_assert_cmpfloat (got->before, ==, expected[k].before);
      g_assert_cmpfloat (got->after, ==, expected[k].after);
    }
  g_assert_cmpuint (summary->governance_changes->len, ==, 0);

  /* A preview applies to a copy first: the second application says the
   * same, and the file's warnings are not repeated. */
  g_assert_true (ss_import_apply (import, copy, &options, &again, NULL));
  g_assert_true (ss_study_equal (study, copy));
  g_assert_cmpuint (again->item_changes->len, ==, 1);
  g_assert_cmpuint (ss_import_get_warnings (import)->len, ==, n_warnings);

  /* The World row is the item's value, whatever its partners sum to. */
  g_assert_cmpfloat (ss_import_item_get_value (find_item (import, "282200", 2023)), ==, 10000000);
  g_assert_cmpstr (ss_import_country_name ("US"), ==, "United States");
  g_assert_cmpstr (ss_import_country_name ("ZZ"), ==, "Rest of world");
  g_assert_null (ss_import_country_name ("XX"));
}

/* In a new study every item is added, its shares from nothing. */
static void
test_item_changes_new (void)
{
  g_autoptr(SsImport) import = read_ok ("comtrade.csv");
  g_autoptr(SsImportSummary) summary = NULL;
  SsImportOptions options = { .date = "2025-01-31" };
  g_autoptr(SsStudy) study = ss_import_new_study (import, &options, &summary, NULL);
  const SsImportItemChange *magnesium;

  g_assert_nonnull (study);
  g_assert_cmpuint (summary->item_changes->len, ==, 2);
  magnesium = g_ptr_array_index (summary->item_changes, 1);
  g_assert_cmpstr (magnesium->code, ==, "810411");
  g_assert_true (magnesium->added);
  g_assert_cmpfloat (magnesium->value_before, ==, 0);
  g_assert_cmpfloat (magnesium->value_after, ==, 4);
  /* China 3 of 4; Taiwan (490) 1, a country of its own. */
  g_assert_cmpuint (magnesium->shares->len, ==, 2);
  g_assert_cmpstr (g_array_index (magnesium->shares, SsImportCountryChange, 0).country, ==, "CN");
  g_assert_cmpfloat (g_array_index (magnesium->shares, SsImportCountryChange, 0).before, ==, 0);
  g_assert_cmpfloat (g_array_index (magnesium->shares, SsImportCountryChange, 0).after, ==, 0.75);
  g_assert_cmpstr (g_array_index (magnesium->shares, SsImportCountryChange, 1).country, ==, "TW");
  g_assert_cmpfloat (g_array_index (magnesium->shares, SsImportCountryChange, 1).after, ==, 0.25);
}

/* WGI: each country's governance before and after. */
static void
test_governance_changes (void)
{
  g_autoptr(SsImport) import = read_ok ("wgi.csv");
  g_autoptr(SsStudy) study = ss_study_load_sample ();
  g_autoptr(SsStudy) before = ss_study_copy (study);
  g_autoptr(SsImportSummary) summary = NULL;
  SsImportOptions options = { .date = "2025-01-31" };

  g_assert_true (ss_import_apply (import, study, &options, &summary, NULL));
  g_assert_cmpuint (summary->governance_changes->len, ==, summary->countries_set->len);
  g_assert_cmpuint (summary->governance_changes->len, >, 0);
  for (guint k = 0; k < summary->governance_changes->len; k++)
    {
      const SsImportCountryChange *change = &g_array_index (summary->governance_changes, SsImportCountryChange, k);
      int c = ss_study_find_country (study, change->country);

      g_assert_cmpstr (change->country, ==, g_ptr_array_index (summary->countries_set, k));
      g_assert_cmpfloat (change->before, ==, ss_study_get_country (before, c)->attr[SS_COUNTRY_GOVERNANCE]);
      g_assert_cmpfloat (change->after, ==, ss_study_get_country (study, c)->attr[SS_COUNTRY_GOVERNANCE]);
    }
}

/* A read cancelled before it starts reads nothing. */
static void
test_cancel_before (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = fixture ("kcs-basic.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsImport) import = NULL;

  g_cancellable_cancel (cancellable);
  import = ss_import_read (file, NULL, SS_IMPORT_FORMAT_DETECT, NULL, cancellable, &error);
  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

typedef struct
{
  char         *fifo;
  GCancellable *cancellable;
  gboolean      stopped;                 /* the reader closed the pipe before the end */
} Feeder;

/* Writes a header and rows into the pipe, cancels the read, then writes
 * 64 MiB more: a read that heeds the cancel closes the pipe long before. */
static gpointer
feed (gpointer data)
{
  Feeder *f = data;
  g_autoptr(GString) rows = g_string_new (NULL);
  const char *header = "기간,국가,HS코드,품목명,수출 중량,수출 금액,수입 중량,수입 금액,무역수지\n";
  int fd = open (f->fifo, O_WRONLY);
  gsize written = 0;

  g_assert_cmpint (fd, >=, 0);
  while (rows->len < 64 * 1024)
    g_string_append (rows, "2024.01,CN,2825202000,a,0,0,1,50,-50\n");

  g_assert_true (write (fd, header, strlen (header)) == (gssize)strlen (header));
  for (guint k = 0; k < 8; k++)
    g_assert_true (write (fd, rows->str, rows->len) == (gssize)rows->len);
  g_cancellable_cancel (f->cancellable);
  while (written < 64 * 1024 * 1024)
    {
      gssize n = write (fd, rows->str, rows->len);

      if (n < 0 && errno == EPIPE)
        {
          f->stopped = TRUE;
          break;
        }
      g_assert_cmpint (n, >, 0);
      written += n;
    }
  close (fd);
  return NULL;
}

static void
test_cancel_during (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ss-import-cancel-XXXXXX", NULL);
  Feeder f = { g_build_filename (dir, "rows.csv", NULL), g_cancellable_new (), FALSE };
  g_autoptr(GFile) file = g_file_new_for_path (f.fifo);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsImport) import = NULL;
  GThread *feeder;

  g_assert_cmpint (mkfifo (f.fifo, 0600), ==, 0);
  signal (SIGPIPE, SIG_IGN);
  feeder = g_thread_new ("feed", feed, &f);
  /* The format named: detecting it would read the pipe's first bytes. */
  import = ss_import_read (file, "rows.csv", SS_IMPORT_FORMAT_KCS_CSV, NULL, f.cancellable, &error);
  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&file);
  g_thread_join (feeder);
  g_assert_true (f.stopped);
  g_unlink (f.fifo);
  g_rmdir (dir);
  g_free (f.fifo);
  g_object_unref (f.cancellable);
}

/* Many rows skipped: the first five lines, and how many more. */
static void
test_skipped_lines (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ss-import-skipped-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "totals.csv", NULL);
  g_autoptr(GString) text = g_string_new ("기간,국가,HS코드,품목명,수출 중량,수출 금액,수입 중량,수입 금액,무역수지\n"
                                          "2024.01,중국,2825202000,수산화리튬,0,0,10,5,0\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsImport) import = NULL;

  /* Lines 3 to 9 are totals. */
  for (guint k = 0; k < 7; k++)
    g_string_append (text, "2024.01,총계,2825202000,수산화리튬,0,0,10,5,0\n");
  g_assert_true (g_file_set_contents (path, text->str, -1, NULL));
  file = g_file_new_for_path (path);
  import = ss_import_read (file, "totals.csv", SS_IMPORT_FORMAT_DETECT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_warning (import, "7 total rows (총계) skipped, not added. Lines 3, 4, 5, 6, 7 and 2 more."));
  g_unlink (path);
  g_rmdir (dir);
}

/* New countries in a new study are never silently safe and cheap. */
static void
test_cautious_defaults (void)
{
  g_autoptr(SsImport) import = read_ok ("comtrade.csv");
  g_autoptr(SsStudy) study = new_study (import);

  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    {
      SsCountry *country = ss_study_get_country (study, c);

      g_assert_cmpfloat (country->attr[SS_COUNTRY_GOVERNANCE], >=, 5);
      g_assert_cmpfloat (country->attr[SS_COUNTRY_DISRUPTION_PROBABILITY], >=, 0.1);
      if (!g_str_equal (country->code, "CN"))
        g_assert_cmpfloat (country->attr[SS_COUNTRY_COST_INDEX], >, 1);
    }
}

/* Partners kept while they cover 95 % of an item, at most --top; the rest
 * goes to the rest of world. */
static void
test_partner_limit (void)
{
  GString *csv = g_string_new ("기간,국가,HS코드,품목명,수출 중량,수출 금액,수입 중량,수입 금액,무역수지\n");
  const char *partners[] = { "CN", "VN", "ID", "TH", "JP", "CL", "FI", "US", "AU", "DE", "FR", "IT",
                             "GB", "CA", "MX", "BR", "IN", "MY", "PH", "SG" };
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SsImport) import = NULL;
  g_autoptr(SsStudy) study = NULL;
  g_autoptr(SsStudy) top3 = NULL;
  SsImportOptions options = { .top = 3, .date = "2025-01-31" };

  /* 20 partners at 5 % each, and a second item that China supplies
   * alone at 96 %: 19 partners are needed for 95 % of the first. */
  for (guint p = 0; p < G_N_ELEMENTS (partners); p++)
    g_string_append_printf (csv, "2024.01,%s,2825202000,a,0,0,1,50,0\n", partners[p]);
  g_string_append (csv, "2024.01,CN,2504101000,b,0,0,1,960,0\n2024.01,US,2504101000,b,0,0,1,40,0\n");
  path = write_temp ("ss-import-partners.csv", csv->str);
  g_string_free (csv, TRUE);
  file = g_file_new_for_path (path);
  import = ss_import_read (file, NULL, SS_IMPORT_FORMAT_DETECT, NULL, NULL, NULL);
  g_assert_nonnull (import);

  study = new_study (import);
  g_assert_cmpuint (ss_study_get_n_countries (study), ==, SS_MAX_COUNTRIES);   /* KR, 14, ZZ */
  g_assert_cmpfloat_with_epsilon (share_of (study, "2825202000", "ZZ"), 6 * 0.05, 1e-12);
  /* Graphite: China covers 96 %, the US is not needed for it. */
  g_assert_cmpfloat (share_of (study, "2504101000", "CN"), ==, 0.96);

  top3 = ss_import_new_study (import, &options, NULL, NULL);
  g_assert_cmpuint (ss_study_get_n_countries (top3), ==, 5);
  g_assert_cmpfloat_with_epsilon (share_of (top3, "2825202000", "ZZ"), 17 * 0.05, 1e-12);
  g_unlink (path);
}

/* Two HS codes of one item, one under the other, would count one trade
 * twice: refused. */
static void
test_nested_codes (void)
{
  g_autofree char *map = write_temp ("ss-import-nested.csv", "hs,code,name\n8104,8104,Magnesium\n");
  g_autofree char *data = write_temp ("ss-import-nested-data.csv",
                                      "기간,국가,HS코드,품목명,수출 중량,수출 금액,수입 중량,수입 금액,무역수지\n"
                                      "2024.01,CN,8104,a,0,0,1,50,0\n2024.01,CN,8104110000,b,0,0,1,50,0\n");
  g_autoptr(GFile) file = g_file_new_for_path (data);
  g_autoptr(GFile) map_file = g_file_new_for_path (map);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsImport) import = ss_import_read (file, "nested.csv", SS_IMPORT_FORMAT_DETECT, map_file, NULL, &error);

  g_assert_null (import);
  g_assert_nonnull (strstr (error->message, "both HS 8104 and HS 8104110000"));
  g_unlink (map);
  g_unlink (data);
}

/* ---- The command line -------------------------------------------------- */

typedef struct
{
  int   status;
  char *err;
} Run;

static Run
run (const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  Run result = { 0 };
  int status;

  g_ptr_array_add (argv, (char *)g_getenv ("SUPPLYSHIFT"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "SOURCE_DATE_EPOCH", "1735689600", TRUE);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out,
                               &result.err, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "");
  result.status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return result;
}

static void
test_cli (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ss-import-XXXXXX", NULL);
  g_autofree char *csv = fixture ("kcs-basic.csv");
  g_autofree char *two = fixture ("kcs-two-years.csv");
  g_autofree char *bad = fixture ("kcs-unit-unknown.csv");
  g_autofree char *out = g_build_filename (dir, "new.supplyshift", NULL);
  g_autofree char *out2 = g_build_filename (dir, "again.supplyshift", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "x.supplyshift", NULL);
  g_autofree char *a_import = g_strconcat ("--import=", csv, NULL);
  g_autofree char *a_two = g_strconcat ("--import=", two, NULL);
  g_autofree char *a_bad = g_strconcat ("--import=", bad, NULL);
  g_autofree char *a_out = g_strconcat ("--output=", out, NULL);
  g_autofree char *a_out2 = g_strconcat ("--output=", out2, NULL);
  g_autofree char *a_into = g_strconcat ("--into=", out, NULL);
  g_autofree char *a_nowhere = g_strconcat ("--output=", nowhere, NULL);
  g_autofree char *first = NULL, *second = NULL, *sum = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(SsStudy) study = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  Run r;

  r = run ((const char *[]) { a_import, a_out, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "1 total row (총계) skipped"));
  g_free (r.err);
  study = ss_study_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &first, &len, NULL));
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *)first, len);
  g_clear_pointer (&first, g_free);
  g_assert_nonnull (strstr (ss_study_get_meta (study)->source, sum));
  g_assert_nonnull (strstr (ss_study_get_meta (study)->source, "on 2025-01-01 from kcs-basic.csv"));

  /* Importing the same file into its own result changes nothing. */
  r = run ((const char *[]) { a_import, a_into, a_out2, NULL });
  g_assert_cmpint (r.status, ==, 0);
  g_free (r.err);
  g_assert_true (g_file_get_contents (out, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (out2, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);

  r = run ((const char *[]) { a_bad, a_out2, NULL });
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "kcs-unit-unknown.csv:1:8: error:"));
  g_free (r.err);
  r = run ((const char *[]) { a_import, a_nowhere, NULL });
  g_assert_cmpint (r.status, ==, 3);
  g_free (r.err);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  r = run ((const char *[]) { a_two, a_out2, NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "--year"));
  g_free (r.err);
  r = run ((const char *[]) { "--year=2024", a_out2, NULL });
  g_assert_cmpint (r.status, ==, 1);
  g_free (r.err);

  g_unlink (out);
  g_unlink (out2);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/model/import/kcs-csv", test_kcs_csv);
  g_test_add_func ("/model/import/kcs-csv/cp949", test_kcs_cp949);
  g_test_add_func ("/model/import/kcs-csv/units-and-errors", test_kcs_units);
  g_test_add_func ("/model/import/kcs-csv/two-years", test_kcs_two_years);
  g_test_add_func ("/model/import/kcs-xml", test_kcs_xml);
  g_test_add_func ("/model/import/comtrade", test_comtrade);
  g_test_add_func ("/model/import/comtrade/latin1-and-errors", test_comtrade_latin1);
  g_test_add_func ("/model/import/wgi", test_wgi);
  g_test_add_func ("/model/import/sample-rebuilt", test_sample_rebuilt);
  g_test_add_func ("/model/import/into", test_into);
  g_test_add_func ("/model/import/item-changes", test_item_changes);
  g_test_add_func ("/model/import/item-changes/new-study", test_item_changes_new);
  g_test_add_func ("/model/import/governance-changes", test_governance_changes);
  g_test_add_func ("/model/import/cancel/before", test_cancel_before);
  g_test_add_func ("/model/import/cancel/during", test_cancel_during);
  g_test_add_func ("/model/import/skipped-lines", test_skipped_lines);
  g_test_add_func ("/model/import/cautious-defaults", test_cautious_defaults);
  g_test_add_func ("/model/import/partner-limit", test_partner_limit);
  g_test_add_func ("/model/import/nested-codes", test_nested_codes);
  g_test_add_func ("/model/import/cli", test_cli);
  return g_test_run ();
}
