/* ss-import-kcs.c: Korea Customs Service files, the portal's CSV and the OpenAPI's XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both come as month × country × HS-10 rows mixed with 총계 (total) rows;
 * summing both would double every value while unit values still look
 * right, so total rows are skipped and counted, never added. The CSV gives
 * values in thousand USD and says so only through its layout; the XML
 * gives plain USD (docs/import.md). Layouts: users-data-events.md §3.2.
 */

#define G_LOG_DOMAIN "supplyshift-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "ss-import-private.h"
#include "ss-xml.h"

#define TOTAL "총계"

/* ---- Shared ------------------------------------------------------------ */

/* "2024.01", "2024-01", "202401", "2024" → the year, or FALSE. */
static gboolean
parse_period (const char *text,
              int        *year)
{
  char y[5];
  gsize len = strlen (text);
  int month = 0;

  if (len < 4)
    return FALSE;
  memcpy (y, text, 4);
  y[4] = '\0';
  if (!_ss_import_parse_year (y, year))
    return FALSE;
  if (len == 4)
    return TRUE;
  if (len == 7 && (text[4] == '.' || text[4] == '-') && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6]))
    month = atoi (text + 5);
  else if (len == 6 && g_ascii_isdigit (text[4]) && g_ascii_isdigit (text[5]))
    month = atoi (text + 4);
  return month >= 1 && month <= 12;
}

/* A country as Korea Customs writes it: "CN", or a Korean name, or both
 * as "중국(CN)". */
static const char *
parse_country (const char *text)
{
  const char *open = strrchr (text, '(');
  const char *iso2;

  if (strlen (text) == 2 && _ss_import_is_iso2 (text))
    return text;
  if ((iso2 = _ss_import_country_from_korean (text)) != NULL)
    return iso2;
  if (open != NULL && strlen (open) == 4 && open[3] == ')')
    {
      char code[3] = { open[1], open[2], '\0' };

      if (_ss_import_is_iso2 (code))
        return g_intern_string (code);
    }
  return NULL;
}

static void
warn_totals (SsImport              *self,
             const SsImportSkipped *totals,
             const SsImportSkipped *no_country)
{
  g_autofree char *totals_text = NULL;
  g_autofree char *no_country_text = NULL;

  totals_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u total row (총계) skipped, not added.",
                                              "%u total rows (총계) skipped, not added.", totals->count),
                                 totals->count);
  _ss_import_warn_skipped (self, totals, totals_text);
  no_country_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row without a country skipped, not added.",
                                                  "%u rows without a country skipped, not added.",
                                                  no_country->count),
                                     no_country->count);
  _ss_import_warn_skipped (self, no_country, no_country_text);
}

/* ---- tradedata.go.kr CSV ----------------------------------------------- */

enum { COL_PERIOD, COL_COUNTRY, COL_HS, COL_NAME, COL_EXP_WEIGHT, COL_EXP_VALUE,
       COL_IMP_WEIGHT, COL_IMP_VALUE, COL_BALANCE, N_COLS };

/* The header's names without spaces, as the portal writes them with. */
static const char *const column_names[N_COLS] = {
  "기간", "국가", "HS코드", "품목명", "수출중량", "수출금액", "수입중량", "수입금액", "무역수지",
};
static const char *const column_display[N_COLS] = {
  "기간", "국가", "HS코드", "품목명", "수출 중량", "수출 금액", "수입 중량", "수입 금액", "무역수지",
};

typedef struct
{
  const char *unit;
  double      factor;
} Unit;

static const Unit value_units[] = {
  { "천달러", 1e3 }, { "천$", 1e3 }, { "천USD", 1e3 }, { "USD천", 1e3 }, { "1000USD", 1e3 },
  { "US$1,000", 1e3 }, { "천불", 1e3 },
  { "달러", 1 }, { "$", 1 }, { "USD", 1 }, { "US$", 1 }, { "불", 1 },
  { "백만달러", 1e6 }, { "백만$", 1e6 }, { "백만USD", 1e6 },
};

static const Unit weight_units[] = {
  { "kg", 1 }, { "KG", 1 }, { "킬로그램", 1 }, { "톤", 1e3 }, { "ton", 1e3 }, { "TON", 1e3 }, { "t", 1e3 },
};

/* "수입 금액(천달러)" → "수입금액" and "천달러"; "수입 금액" → no unit. */
static void
split_header (const char  *text,
              char       **name,
              char       **unit)
{
  GString *n = g_string_new (NULL);
  const char *open = strchr (text, '(');
  const char *end = open != NULL ? open : text + strlen (text);

  for (const char *p = text; p < end; p++)
    if (*p != ' ')
      g_string_append_c (n, *p);
  *name = g_string_free (n, FALSE);
  *unit = NULL;
  if (open != NULL)
    {
      const char *close = strchr (open, ')');
      GString *u = g_string_new (NULL);

      for (const char *p = open + 1; *p && p != close; p++)
        if (*p != ' ')
          g_string_append_c (u, *p);
      *unit = g_string_free (u, FALSE);
      if (close == NULL || close[1] != '\0')
        {
          g_free (*unit);
          *unit = g_strdup ("?");
        }
    }
}

static gboolean
find_unit (const Unit *units,
           guint       n,
           const char *text,
           double     *factor)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (units[i].unit, text))
      {
        *factor = units[i].factor;
        return TRUE;
      }
  return FALSE;
}

gboolean
_ss_import_read_kcs_csv (SsImport     *self,
                         SsCsvReader  *csv,
                         GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  int col[N_COLS];
  double value_factor = 1e3;
  guint n_fields = ss_csv_reader_get_n_fields (csv);
  SsImportSkipped totals = { 0 }, no_country = { 0 };

  for (guint c = 0; c < N_COLS; c++)
    col[c] = -1;
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = NULL, *unit = NULL;
      const char *text = _ss_import_text (self, csv, i, error);
      int found = -1;

      if (text == NULL)
        return FALSE;
      split_header (text, &name, &unit);
      for (guint c = 0; c < N_COLS; c++)
        if (g_str_equal (name, column_names[c]))
          found = c;
      if (found < 0)
        return _ss_import_fail (self, error, 1, i + 1,
                                _("unexpected column “%s”; a Korea Customs CSV has the columns %s"), text,
                                "기간, 국가, HS코드, 품목명, 수출 중량, 수출 금액, 수입 중량, 수입 금액, 무역수지");
      if (col[found] >= 0)
        return _ss_import_fail (self, error, 1, i + 1, _("column “%s” comes twice"), text);
      col[found] = (int)i;

      /* Only the units of what is read matter; every other unit is
       * checked all the same, so a header is never half understood. */
      if (found == COL_IMP_VALUE || found == COL_EXP_VALUE || found == COL_BALANCE)
        {
          double factor = 1e3;

          if (unit != NULL && !find_unit (value_units, G_N_ELEMENTS (value_units), unit, &factor))
            return _ss_import_fail (self, error, 1, i + 1,
                                    _("column “%s”: unknown unit “%s” (expected 천달러, 달러 or 백만달러)"),
                                    text, unit);
          if (found == COL_IMP_VALUE)
            {
              value_factor = factor;
              g_free (self->unit);
              self->unit = unit != NULL
                ? g_strdup_printf (_("%s USD (column “%s”)"),
                                   factor == 1e3 ? _("thousand") : factor == 1e6 ? _("million") : _("plain"), text)
                : g_strdup_printf (_("thousand USD (column “%s” of the tradedata.go.kr layout, "
                                     "which is in 천달러)"), text);
            }
        }
      else if (found == COL_IMP_WEIGHT || found == COL_EXP_WEIGHT)
        {
          double factor;

          if (unit != NULL && !find_unit (weight_units, G_N_ELEMENTS (weight_units), unit, &factor))
            return _ss_import_fail (self, error, 1, i + 1,
                                    _("column “%s”: unknown unit “%s” (expected kg or 톤)"), text, unit);
        }
      else if (unit != NULL)
        return _ss_import_fail (self, error, 1, i + 1, _("column “%s” has no unit"), text);
    }
  for (guint c = 0; c < N_COLS; c++)
    if (col[c] < 0)
      return _ss_import_fail (self, error, 1, 0, _("the column “%s” is missing"), column_display[c]);

  self->reporter = g_strdup ("KR");
  while (ss_csv_reader_next (csv, &local_error))
    {
      guint line = ss_csv_reader_get_line (csv);
      const char *period, *country, *name, *partner;
      char hs[11];
      int year;
      double value = 0, weight = 0;
      SsImportItem *item;

      if (ss_csv_reader_is_blank (csv))
        continue;
      if (ss_csv_reader_get_n_fields (csv) != n_fields)
        return _ss_import_fail (self, error, line, 0, _("the line has %u fields, the header %u"),
                                ss_csv_reader_get_n_fields (csv), n_fields);

      if ((country = _ss_import_text (self, csv, col[COL_COUNTRY], error)) == NULL)
        return FALSE;
      period = ss_csv_reader_get_field (csv, col[COL_PERIOD]);
      if (g_str_equal (country, TOTAL) || strstr (period, TOTAL) != NULL
          || strstr (ss_csv_reader_get_field (csv, col[COL_HS]), TOTAL) != NULL)
        {
          _ss_import_skip (&totals, line);
          continue;
        }
      if (*country == '\0')
        {
          _ss_import_skip (&no_country, line);
          continue;
        }
      if ((partner = parse_country (country)) == NULL)
        return _ss_import_fail (self, error, line, col[COL_COUNTRY] + 1,
                                _("국가 “%s” is not a country Supply Shift knows (a Korean name or an ISO code)"),
                                country);
      if (!parse_period (period, &year))
        return _ss_import_fail (self, error, line, col[COL_PERIOD] + 1,
                                _("기간 “%s” is not a month (2024.01) or a year"), period);
      if (!_ss_import_normalise_hs (ss_csv_reader_get_field (csv, col[COL_HS]), hs))
        return _ss_import_fail (self, error, line, col[COL_HS] + 1,
                                _("HS코드 “%s” is not an HS code of 2 to 10 digits"),
                                ss_csv_reader_get_field (csv, col[COL_HS]));
      if (ss_csv_reader_get_field_len (csv, col[COL_IMP_VALUE]) > 0
          && !_ss_import_parse_amount (ss_csv_reader_get_field (csv, col[COL_IMP_VALUE]), &value))
        return _ss_import_fail (self, error, line, col[COL_IMP_VALUE] + 1,
                                _("수입 금액 “%s” is not a number"),
                                ss_csv_reader_get_field (csv, col[COL_IMP_VALUE]));
      if (ss_csv_reader_get_field_len (csv, col[COL_IMP_WEIGHT]) > 0
          && !_ss_import_parse_amount (ss_csv_reader_get_field (csv, col[COL_IMP_WEIGHT]), &weight))
        return _ss_import_fail (self, error, line, col[COL_IMP_WEIGHT] + 1,
                                _("수입 중량 “%s” is not a number"),
                                ss_csv_reader_get_field (csv, col[COL_IMP_WEIGHT]));
      if (value < 0 || weight < 0)
        return _ss_import_fail (self, error, line, col[value < 0 ? COL_IMP_VALUE : COL_IMP_WEIGHT] + 1,
                                _("an import cannot be negative"));
      if ((name = _ss_import_text (self, csv, col[COL_NAME], error)) == NULL)
        return FALSE;

      item = _ss_import_item_for (self, year, hs, name);
      if (item != NULL && (value > 0 || weight > 0))
        _ss_import_add_flow (item, partner, value * value_factor, weight);
    }
  if (local_error != NULL)
    return _ss_import_csv_fail (self, csv, local_error, error);
  warn_totals (self, &totals, &no_country);
  return TRUE;
}

/* ---- OpenAPI XML (getNitemtradeList) ----------------------------------- */

#define XML_MAX_DEPTH 8

typedef struct
{
  SsImport *self;
  GString  *text;
} XmlReport;

static void
xml_report (gpointer    data,
            int         line,
            const char *message)
{
  XmlReport *r = data;

  /* The first problem is the one to fix; libxml2 may add more. */
  if (r->text->len > 0)
    return;
  if (line > 0)
    g_string_printf (r->text, "%s:%d: error: %s", r->self->display, line, message);
  else
    g_string_printf (r->text, "%s: error: %s", r->self->display, message);
}

static gboolean
is_element (xmlNode *node)
{
  return node->type == XML_ELEMENT_NODE;
}

/* The text of a leaf element, trimmed; NULL when it has child elements. */
static char *
leaf_text (xmlNode *node)
{
  xmlChar *content;
  char *text;

  for (xmlNode *n = node->children; n != NULL; n = n->next)
    if (is_element (n))
      return NULL;
  content = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup ((const char *)content));
  xmlFree (content);
  return text;
}

static gboolean
unexpected (SsImport  *self,
            xmlNode   *node,
            xmlNode   *parent,
            GError   **error)
{
  return _ss_import_fail (self, error, ss_xml_line (node), 0, _("unexpected element <%s> in <%s>"),
                          (const char *)node->name, (const char *)parent->name);
}

static gboolean
stray_text (SsImport  *self,
            xmlNode   *parent,
            GError   **error)
{
  for (xmlNode *n = parent->children; n != NULL; n = n->next)
    if (n->type == XML_TEXT_NODE && !xmlIsBlankNode (n))
      return _ss_import_fail (self, error, ss_xml_line (n), 0, _("unexpected text in <%s>"),
                              (const char *)parent->name);
  return TRUE;
}

enum { X_YEAR, X_COUNTRY_NAME, X_COUNTRY, X_PRODUCT, X_HS, X_EXP_WEIGHT, X_EXP_VALUE,
       X_IMP_WEIGHT, X_IMP_VALUE, X_BALANCE, N_X };

static const char *const item_fields[N_X] = {
  "year", "statCdCntnKor1", "statCd", "statKor", "hsCd", "expWgt", "expDlr", "impWgt", "impDlr", "balPayments",
};

/* The texts of one <item>'s fields. (g_autofree on an array would free
 * only its first entry.) */
typedef struct
{
  char *text[N_X];
} ItemFields;

static void
item_fields_clear (ItemFields *fields)
{
  for (guint k = 0; k < N_X; k++)
    g_free (fields->text[k]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ItemFields, item_fields_clear)

static gboolean
read_item (SsImport        *self,
           xmlNode         *node,
           SsImportSkipped *totals,
           SsImportSkipped *no_country,
           GError         **error)
{
  g_auto(ItemFields) fields = { { NULL } };
  char **field = fields.text;
  int line[N_X] = { 0 };
  double value = 0, weight = 0;
  const char *partner;
  SsImportItem *item;
  char hs[11];
  int year;

  if (!stray_text (self, node, error))
    return FALSE;
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      int found = -1;

      if (!is_element (n))
        continue;
      for (guint k = 0; k < N_X; k++)
        if (g_str_equal ((const char *)n->name, item_fields[k]))
          found = k;
      if (found < 0)
        return unexpected (self, n, node, error);
      if (field[found] != NULL)
        return _ss_import_fail (self, error, ss_xml_line (n), 0, _("<%s> comes twice in one <item>"),
                                item_fields[found]);
      if ((field[found] = leaf_text (n)) == NULL)
        return _ss_import_fail (self, error, ss_xml_line (n), 0, _("<%s> holds elements, expected text"),
                                item_fields[found]);
      line[found] = ss_xml_line (n);
    }

  if (field[X_YEAR] == NULL)
    return _ss_import_fail (self, error, ss_xml_line (node), 0, _("an <item> without <year>"));
  if (g_str_equal (field[X_YEAR], TOTAL))
    {
      _ss_import_skip (totals, ss_xml_line (node));
      return TRUE;
    }
  if (field[X_COUNTRY] == NULL || *field[X_COUNTRY] == '\0' || g_str_equal (field[X_COUNTRY], "-"))
    {
      _ss_import_skip (no_country, ss_xml_line (node));
      return TRUE;
    }
  if (!_ss_import_is_iso2 (field[X_COUNTRY]))
    return _ss_import_fail (self, error, line[X_COUNTRY], 0,
                            _("<statCd> “%s” is not an ISO 3166 country code"), field[X_COUNTRY]);
  partner = field[X_COUNTRY];
  if (!parse_period (field[X_YEAR], &year))
    return _ss_import_fail (self, error, line[X_YEAR], 0,
                            _("<year> “%s” is not a month (2024.01) or 총계"), field[X_YEAR]);
  if (field[X_HS] == NULL || !_ss_import_normalise_hs (field[X_HS], hs))
    return _ss_import_fail (self, error, field[X_HS] != NULL ? line[X_HS] : ss_xml_line (node), 0,
                            _("<hsCd> “%s” is not an HS code of 2 to 10 digits"),
                            field[X_HS] != NULL ? field[X_HS] : "");
  if (field[X_IMP_VALUE] != NULL && *field[X_IMP_VALUE] != '\0'
      && (!_ss_import_parse_amount (field[X_IMP_VALUE], &value) || value < 0))
    return _ss_import_fail (self, error, line[X_IMP_VALUE], 0, _("<impDlr> “%s” is not an amount of USD"),
                            field[X_IMP_VALUE]);
  if (field[X_IMP_WEIGHT] != NULL && *field[X_IMP_WEIGHT] != '\0'
      && (!_ss_import_parse_amount (field[X_IMP_WEIGHT], &weight) || weight < 0))
    return _ss_import_fail (self, error, line[X_IMP_WEIGHT], 0, _("<impWgt> “%s” is not a weight in kg"),
                            field[X_IMP_WEIGHT]);

  item = _ss_import_item_for (self, year, hs, field[X_PRODUCT]);
  if (item != NULL && (value > 0 || weight > 0))
    _ss_import_add_flow (item, partner, value, weight);
  return TRUE;
}

gboolean
_ss_import_read_kcs_xml (SsImport  *self,
                         GBytes    *bytes,
                         GError   **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  XmlReport report = { self, problems };
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlDoc *doc;
  xmlNode *root;
  g_autofree char *result_code = NULL, *result_msg = NULL, *total_count = NULL;
  SsImportSkipped totals = { 0 }, no_country = { 0 };
  guint n_items = 0;
  gboolean ok = TRUE;

  if (len > G_MAXINT)
    return _ss_import_fail (self, error, 1, 0, _("the file is too large"));
  doc = ss_xml_read_untrusted (data, len, self->display, "Korea Customs responses", XML_MAX_DEPTH,
                               xml_report, &report);
  if (doc == NULL)
    {
      g_set_error_literal (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID, problems->str);
      return FALSE;
    }
  self->reporter = g_strdup ("KR");
  self->unit = g_strdup (_("plain USD (<impDlr> of the Korea Customs OpenAPI)"));

  root = xmlDocGetRootElement (doc);
  if (!g_str_equal ((const char *)root->name, "response"))
    ok = _ss_import_fail (self, error, ss_xml_line (root), 0,
                          _("the root element is <%s>; a Korea Customs OpenAPI response is <response>"),
                          (const char *)root->name);
  for (xmlNode *part = ok ? root->children : NULL; part != NULL && ok; part = part->next)
    {
      if (!is_element (part))
        continue;
      if (g_str_equal ((const char *)part->name, "header"))
        {
          for (xmlNode *n = part->children; n != NULL && ok; n = n->next)
            if (!is_element (n))
              continue;
            else if (g_str_equal ((const char *)n->name, "resultCode") && result_code == NULL)
              result_code = leaf_text (n);
            else if (g_str_equal ((const char *)n->name, "resultMsg") && result_msg == NULL)
              result_msg = leaf_text (n);
            else
              ok = unexpected (self, n, part, error);
        }
      else if (g_str_equal ((const char *)part->name, "body"))
        {
          for (xmlNode *n = part->children; n != NULL && ok; n = n->next)
            if (!is_element (n))
              continue;
            else if (g_str_equal ((const char *)n->name, "items"))
              {
                for (xmlNode *item = n->children; item != NULL && ok; item = item->next)
                  if (!is_element (item))
                    continue;
                  else if (!g_str_equal ((const char *)item->name, "item"))
                    ok = unexpected (self, item, n, error);
                  else
                    {
                      ok = read_item (self, item, &totals, &no_country, error);
                      n_items++;
                    }
              }
            else if (g_str_equal ((const char *)n->name, "totalCount"))
              total_count = leaf_text (n);
            else if (!g_str_equal ((const char *)n->name, "numOfRows")
                     && !g_str_equal ((const char *)n->name, "pageNo"))
              ok = unexpected (self, n, part, error);
        }
      else
        ok = unexpected (self, part, root, error);
    }

  if (ok && result_code != NULL && !g_str_equal (result_code, "00"))
    ok = _ss_import_fail (self, error, 0, 0, _("the response reports an error, resultCode %s: %s"),
                          result_code, result_msg != NULL ? result_msg : "");
  if (ok && total_count != NULL && (guint)atoi (total_count) > n_items)
    _ss_import_warn (self, _("The response holds %u of the query's %s rows: it is one page of several; "
                             "the rows of the other pages are not in this import."), n_items, total_count);
  xmlFreeDoc (doc);
  if (ok)
    warn_totals (self, &totals, &no_country);
  return ok;
}
