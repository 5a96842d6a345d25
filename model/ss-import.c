/* ss-import.c: reading trade statistics into items, years and partners
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readers (ss-import-kcs.c, ss-import-comtrade.c, ss-import-wgi.c)
 * turn each row into a flow: an item, a year, a partner country and a
 * value in USD. This file sums the flows and holds the country tables;
 * ss-import-apply.c applies the result to a study.
 */

#define G_LOG_DOMAIN "supplyshift-import"

#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ss-attrs.h"
#include "ss-import-private.h"
#include "ss-model-resources.h"
#include "ss-study-file.h"

#define XML_MAX_SIZE (64 * 1024 * 1024)

G_DEFINE_QUARK (ss-import-error-quark, ss_import_error)

/* ---- Messages ---------------------------------------------------------- */

void
_ss_import_warn (SsImport   *self,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

void
_ss_import_skip (SsImportSkipped *skipped,
                 guint            line)
{
  if (skipped->count < G_N_ELEMENTS (skipped->lines))
    skipped->lines[skipped->count] = line;
  skipped->count++;
}

/* The lines come after the message, as a sentence of their own, so that
 * the message's translation stays as it is. */
void
_ss_import_warn_skipped (SsImport              *self,
                         const SsImportSkipped *skipped,
                         const char            *message)
{
  guint shown = MIN (skipped->count, G_N_ELEMENTS (skipped->lines));
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *where = NULL;

  if (skipped->count == 0)
    return;
  for (guint k = 0; k < shown; k++)
    g_string_append_printf (lines, "%s%u", k > 0 ? ", " : "", skipped->lines[k]);
  if (skipped->count == shown)
    /* Translators: the lines of the rows a warning is about, "4, 8, 12" */
    where = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Line %s.", "Lines %s.", shown), lines->str);
  else
    /* Translators: "Lines 4, 8, 12, 15, 20 and 92 more." */
    where = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Lines %s and %u more.", "Lines %s and %u more.",
                                          skipped->count - shown),
                             lines->str, skipped->count - shown);
  _ss_import_warn (self, "%s %s", message, where);
}

gboolean
_ss_import_fail (SsImport    *self,
                 GError     **error,
                 guint        line,
                 guint        column,
                 const char  *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0 && column > 0)
    g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID, "%s:%u:%u: error: %s",
                 self->display, line, column, message);
  else if (line > 0)
    g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID, "%s:%u: error: %s",
                 self->display, line, message);
  else
    g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID, "%s: error: %s",
                 self->display, message);
  return FALSE;
}

gboolean
_ss_import_csv_fail (SsImport    *self,
                     SsCsvReader *csv,
                     GError      *csv_error,
                     GError     **error)
{
  _ss_import_fail (self, error, ss_csv_reader_get_error_line (csv),
                   ss_csv_reader_get_error_column (csv), "%s", csv_error->message);
  if (error != NULL && *error != NULL && g_error_matches (csv_error, SS_CSV_ERROR, SS_CSV_ERROR_READ))
    (*error)->code = SS_IMPORT_ERROR_READ;
  return FALSE;
}

/* ---- Text and numbers -------------------------------------------------- */

static gboolean
is_ascii (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar)text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

const char *
_ss_import_text (SsImport    *self,
                 SsCsvReader *csv,
                 guint        field,
                 GError     **error)
{
  const char *text = ss_csv_reader_get_field (csv, field);
  gsize len = ss_csv_reader_get_field_len (csv, field);
  g_autoptr(GError) local_error = NULL;

  if (is_ascii (text, len))
    return text;
  if (self->charset == NULL)
    {
      if (g_utf8_validate (text, len, NULL))
        {
          if (self->first_utf8_line == 0)
            self->first_utf8_line = ss_csv_reader_get_line (csv);
          return text;
        }
      if (self->first_utf8_line != 0 || self->fallback_charset == NULL)
        {
          _ss_import_fail (self, error, ss_csv_reader_get_line (csv), field + 1,
                           _("the text is not UTF-8 (line %u is); save the file as UTF-8"),
                           self->first_utf8_line);
          return NULL;
        }
      self->charset = self->fallback_charset;
      _ss_import_warn (self, _("The file is not UTF-8: read as %s."), self->charset);
    }

  g_free (self->converted);
  self->converted = g_convert (text, len, "UTF-8", self->charset, NULL, NULL, &local_error);
  if (self->converted == NULL)
    {
      _ss_import_fail (self, error, ss_csv_reader_get_line (csv), field + 1,
                       _("the text is neither UTF-8 nor %s; save the file as UTF-8"), self->charset);
      return NULL;
    }
  return self->converted;
}

gboolean
_ss_import_parse_amount (const char *text,
                         double     *value)
{
  char buf[64];
  gsize n = 0;
  const char *p = text;
  guint group = 0;
  gboolean grouped = FALSE, digits = FALSE;
  char *end;

  while (*p == ' ')
    p++;
  if (*p == '-' || *p == '+')
    buf[n++] = *p++;
  /* Integer part: thousands separators only between groups of three. */
  for (; g_ascii_isdigit (*p) || *p == ','; p++)
    {
      if (*p == ',')
        {
          if (!digits || (grouped && group != 3) || (!grouped && group > 3))
            return FALSE;
          grouped = TRUE;
          group = 0;
          continue;
        }
      if (n >= sizeof buf - 1)
        return FALSE;
      buf[n++] = *p;
      group++;
      digits = TRUE;
    }
  if (grouped && group != 3)
    return FALSE;
  if (*p == '.')
    {
      buf[n++] = *p++;
      for (; g_ascii_isdigit (*p) && n < sizeof buf - 1; p++)
        buf[n++] = *p, digits = TRUE;
    }
  if (!digits)
    return FALSE;
  if ((*p == 'e' || *p == 'E') && !grouped)
    {
      buf[n++] = *p++;
      if (*p == '+' || *p == '-')
        buf[n++] = *p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      for (; g_ascii_isdigit (*p) && n < sizeof buf - 1; p++)
        buf[n++] = *p;
    }
  while (*p == ' ')
    p++;
  if (*p != '\0' || n >= sizeof buf - 1)
    return FALSE;
  buf[n] = '\0';
  *value = g_ascii_strtod (buf, &end);
  return *end == '\0' && isfinite (*value);
}

gboolean
_ss_import_parse_year (const char *text,
                       int        *year)
{
  if (strlen (text) != 4 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1])
      || !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]))
    return FALSE;
  *year = atoi (text);
  return *year >= 1900 && *year <= 2200;
}

int
_ss_import_find_column (SsCsvReader *csv,
                        const char  *name)
{
  for (guint i = 0; i < ss_csv_reader_get_n_fields (csv); i++)
    if (g_str_equal (ss_csv_reader_get_field (csv, i), name))
      return (int)i;
  return -1;
}

/* ---- Items and flows --------------------------------------------------- */

/* The hs cache's value for codes that the map leaves out. */
static SsImportItem no_item;

static void
item_free (SsImportItem *item)
{
  g_free (item->code);
  g_free (item->name);
  g_free (item->category);
  g_array_unref (item->flows);
  g_ptr_array_unref (item->hs_codes);
  g_free (item);
}

void
_ss_import_add_year (SsImport *self,
                     int       year)
{
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      return;
  g_array_append_val (self->years, year);
}

SsImportItem *
_ss_import_item_for (SsImport   *self,
                     int         year,
                     const char *hs,
                     const char *name)
{
  char key[32];
  SsImportItem *item;
  const SsImportMapEntry *entry = NULL;
  g_autofree char *item_key = NULL;

  g_snprintf (key, sizeof key, "%d\t%s", year, hs);
  item = g_hash_table_lookup (self->hs_cache, key);
  if (item == &no_item)
    {
      self->unmapped_rows++;
      return NULL;
    }
  if (item != NULL)
    return item;

  _ss_import_add_year (self, year);
  if (self->map != NULL && (entry = _ss_import_map_lookup (self->map, hs)) == NULL)
    {
      g_hash_table_insert (self->hs_cache, g_strdup (key), &no_item);
      self->unmapped_rows++;
      return NULL;
    }

  item_key = g_strdup_printf ("%d\t%s", year, entry != NULL ? entry->code : hs);
  item = g_hash_table_lookup (self->item_index, item_key);
  if (item == NULL)
    {
      item = g_new0 (SsImportItem, 1);
      item->code = g_strdup (entry != NULL ? entry->code : hs);
      item->name = g_strdup (entry != NULL ? entry->name : (name != NULL && *name ? name : hs));
      item->category = entry != NULL && entry->category != NULL ? g_strdup (entry->category) : NULL;
      item->year = year;
      item->flows = g_array_new (FALSE, FALSE, sizeof (SsImportFlow));
      item->hs_codes = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->items, item);
      g_hash_table_insert (self->item_index, g_steal_pointer (&item_key), item);
    }
  g_ptr_array_add (item->hs_codes, g_strdup (hs));
  g_hash_table_insert (self->hs_cache, g_strdup (key), item);
  return item;
}

void
_ss_import_add_flow (SsImportItem *item,
                     const char   *partner,
                     double        value,
                     double        weight)
{
  SsImportFlow *flows = (SsImportFlow *)item->flows->data;
  SsImportFlow flow = { { 0 }, value, weight };

  for (guint i = 0; i < item->flows->len; i++)
    if (flows[i].partner[0] == partner[0] && flows[i].partner[1] == partner[1])
      {
        flows[i].value += value;
        flows[i].weight += weight;
        return;
      }
  g_strlcpy (flow.partner, partner, sizeof flow.partner);
  g_array_append_val (item->flows, flow);
}

static int
compare_int (gconstpointer a,
             gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

static int
compare_str (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

/* Two HS codes of one item where one lies under the other (8104 and
 * 810411) count the same trade twice. */
static gboolean
check_nesting (SsImport  *self,
               GError   **error)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      SsImportItem *item = g_ptr_array_index (self->items, i);

      g_ptr_array_sort (item->hs_codes, compare_str);
      for (guint k = 1; k < item->hs_codes->len; k++)
        {
          const char *a = g_ptr_array_index (item->hs_codes, k - 1);
          const char *b = g_ptr_array_index (item->hs_codes, k);

          if (g_str_has_prefix (b, a))
            return _ss_import_fail (self, error, 0, 0,
                                    _("item %s holds both HS %s and HS %s, which lies under it: "
                                      "the same trade would be counted twice"), item->code, a, b);
        }
    }
  return TRUE;
}

/* ---- Reading ----------------------------------------------------------- */

const char *
ss_import_format_to_string (SsImportFormat format)
{
  switch (format)
    {
    case SS_IMPORT_FORMAT_KCS_CSV: return "kcs-csv";
    case SS_IMPORT_FORMAT_KCS_XML: return "kcs-xml";
    case SS_IMPORT_FORMAT_COMTRADE: return "comtrade";
    case SS_IMPORT_FORMAT_WGI: return "wgi";
    case SS_IMPORT_FORMAT_DETECT:
    default: return NULL;
    }
}

gboolean
ss_import_format_from_string (const char     *text,
                              SsImportFormat *format)
{
  for (SsImportFormat f = SS_IMPORT_FORMAT_KCS_CSV; f <= SS_IMPORT_FORMAT_WGI; f++)
    if (g_str_equal (text, ss_import_format_to_string (f)))
      {
        *format = f;
        return TRUE;
      }
  return FALSE;
}

/* The name a source record gives each format. Never translated: it is
 * part of the study file, like the report. */
const char *
_ss_import_format_label (SsImportFormat format)
{
  switch (format)
    {
    case SS_IMPORT_FORMAT_KCS_CSV: return "Korea Customs Service tradedata CSV";
    case SS_IMPORT_FORMAT_KCS_XML: return "Korea Customs Service OpenAPI XML";
    case SS_IMPORT_FORMAT_COMTRADE: return "UN Comtrade v1 CSV";
    case SS_IMPORT_FORMAT_WGI: return "Worldwide Governance Indicators CSV";
    case SS_IMPORT_FORMAT_DETECT:
    default: return "";
    }
}

static SsImport *
import_new (const char *display,
            GFile      *file)
{
  SsImport *self = g_new0 (SsImport, 1);

  self->display = g_strdup (display);
  self->file_name = g_file_get_basename (file);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify)item_free);
  self->item_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hs_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->governance = g_array_new (FALSE, FALSE, sizeof (SsImportGovernance));
  return self;
}

void
ss_import_free (SsImport *self)
{
  if (self == NULL)
    return;
  g_free (self->display);
  g_free (self->file_name);
  g_free (self->sha256);
  g_free (self->reporter);
  g_free (self->unit);
  g_free (self->edition);
  g_ptr_array_unref (self->warnings);
  g_hash_table_unref (self->item_index);
  g_hash_table_unref (self->hs_cache);
  g_ptr_array_unref (self->items);
  g_array_unref (self->years);
  g_array_unref (self->governance);
  _ss_import_map_free (self->map);
  g_free (self->converted);
  g_free (self);
}

static const char *
read_error_message (GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("no such file");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("permission denied");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("is a folder, not a file");
  return error->message;
}

/* The format a CSV header belongs to. */
static SsImportFormat
detect_csv (SsCsvReader *csv)
{
  if (_ss_import_find_column (csv, "typeCode") >= 0 && _ss_import_find_column (csv, "partnerCode") >= 0)
    return SS_IMPORT_FORMAT_COMTRADE;
  if (_ss_import_find_column (csv, "countryname") >= 0 && _ss_import_find_column (csv, "indicator") >= 0)
    return SS_IMPORT_FORMAT_WGI;
  for (guint i = 0; i < ss_csv_reader_get_n_fields (csv); i++)
    if (strstr (ss_csv_reader_get_field (csv, i), "HS코드") != NULL
        || strstr (ss_csv_reader_get_field (csv, i), "기간") != NULL)
      return SS_IMPORT_FORMAT_KCS_CSV;
  return SS_IMPORT_FORMAT_DETECT;
}

static gboolean
looks_like_xml (GFile *file)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char head[256];
  gssize n;
  const char *p = head;

  if (stream == NULL)
    return FALSE;
  n = g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head, NULL, NULL);
  if (n <= 0)
    return FALSE;
  if (n >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < head + n && g_ascii_isspace (*p))
    p++;
  return p < head + n && *p == '<';
}

static gboolean
read_xml (SsImport      *self,
          GFile         *file,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  char *contents;
  gsize len;

  if (info != NULL && g_file_info_get_size (info) > XML_MAX_SIZE)
    return _ss_import_fail (self, error, 1, 0, _("the file is larger than %d MiB"),
                            XML_MAX_SIZE / (1024 * 1024));
  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &local_error))
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_READ, "%s: error: %s", self->display,
                   read_error_message (local_error));
      return FALSE;
    }
  bytes = g_bytes_new_take (contents, len);
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return _ss_import_read_kcs_xml (self, bytes, error);
}

static gboolean
read_csv (SsImport        *self,
          GFile           *file,
          SsImportFormat   format,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &local_error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(SsCsvReader) csv = NULL;
  gboolean ok = FALSE;

  if (stream == NULL)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_READ, "%s: error: %s", self->display,
                   read_error_message (local_error));
      return FALSE;
    }
  csv = ss_csv_reader_new (G_INPUT_STREAM (stream), checksum);
  ss_csv_reader_set_cancellable (csv, cancellable);
  if (!ss_csv_reader_next (csv, &local_error))
    {
      if (local_error != NULL)
        return _ss_import_csv_fail (self, csv, local_error, error);
      return _ss_import_fail (self, error, 1, 0, _("the file is empty"));
    }

  if (format == SS_IMPORT_FORMAT_DETECT && (format = detect_csv (csv)) == SS_IMPORT_FORMAT_DETECT)
    {
      /* A Korean header in CP949 is only readable once decoded. */
      self->fallback_charset = "CP949";
      for (guint i = 0; i < ss_csv_reader_get_n_fields (csv) && format == SS_IMPORT_FORMAT_DETECT; i++)
        {
          const char *text = _ss_import_text (self, csv, i, NULL);

          if (text != NULL && (strstr (text, "HS코드") != NULL || strstr (text, "기간") != NULL))
            format = SS_IMPORT_FORMAT_KCS_CSV;
        }
      self->charset = NULL;
      g_ptr_array_set_size (self->warnings, 0);
      if (format == SS_IMPORT_FORMAT_DETECT)
        return _ss_import_fail (self, error, 1, 0,
                                _("the header is not that of a format Supply Shift reads "
                                  "(Korea Customs CSV or XML, UN Comtrade CSV, WGI CSV); "
                                  "name the format with --import-format"));
    }
  self->format = format;

  switch (format)
    {
    case SS_IMPORT_FORMAT_KCS_CSV:
      self->fallback_charset = "CP949";
      ok = _ss_import_read_kcs_csv (self, csv, error);
      break;
    case SS_IMPORT_FORMAT_COMTRADE:
      self->fallback_charset = "ISO-8859-1";
      ok = _ss_import_read_comtrade (self, csv, error);
      break;
    case SS_IMPORT_FORMAT_WGI:
      self->fallback_charset = "ISO-8859-1";
      ok = _ss_import_read_wgi (self, csv, error);
      break;
    case SS_IMPORT_FORMAT_KCS_XML:
    case SS_IMPORT_FORMAT_DETECT:
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    return FALSE;
  self->sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* A read that was cancelled fails with G_IO_ERROR_CANCELLED whatever
 * the reader was doing when it stopped: the window then says nothing. */
static SsImport *
cancelled (GCancellable  *cancellable,
           GError       **error)
{
  if (error != NULL && *error != NULL)
    g_clear_error (error);
  g_cancellable_set_error_if_cancelled (cancellable, error);
  return NULL;
}

SsImport *
ss_import_read (GFile           *file,
                const char      *display_name,
                SsImportFormat   format,
                GFile           *items_map,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autofree char *fallback = NULL;
  g_autoptr(SsImport) self = NULL;
  gboolean ok;

  if (g_cancellable_is_cancelled (cancellable))
    return cancelled (cancellable, error);
  if (display_name == NULL)
    display_name = fallback = g_file_get_parse_name (file);
  self = import_new (display_name, file);

  if (items_map != NULL && (self->map = _ss_import_map_load (items_map, error)) == NULL)
    return NULL;

  if (format == SS_IMPORT_FORMAT_KCS_XML
      || (format == SS_IMPORT_FORMAT_DETECT && looks_like_xml (file)))
    {
      self->format = SS_IMPORT_FORMAT_KCS_XML;
      ok = read_xml (self, file, cancellable, error);
    }
  else
    ok = read_csv (self, file, format, cancellable, error);
  if (g_cancellable_is_cancelled (cancellable))
    return cancelled (cancellable, error);
  if (!ok || !check_nesting (self, error))
    return NULL;

  g_array_sort (self->years, compare_int);
  if (self->unmapped_rows > 0)
    _ss_import_warn (self, g_dngettext (GETTEXT_PACKAGE, "%u row has an HS code that the items map leaves out.",
                                        "%u rows have HS codes that the items map leaves out.",
                                        self->unmapped_rows), self->unmapped_rows);
  if (self->format != SS_IMPORT_FORMAT_WGI && self->items->len == 0)
    {
      _ss_import_fail (self, error, 0, 0, _("the file holds no import rows"));
      return NULL;
    }
  if (self->format == SS_IMPORT_FORMAT_WGI && self->governance->len == 0)
    {
      _ss_import_fail (self, error, 0, 0, _("the file holds no governance estimates"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

SsImportFormat
ss_import_get_format (SsImport *self)
{
  return self->format;
}

const char *
ss_import_get_file_name (SsImport *self)
{
  return self->file_name;
}

const char *
ss_import_get_sha256 (SsImport *self)
{
  return self->sha256;
}

const int *
ss_import_get_years (SsImport *self,
                     guint    *n_years)
{
  *n_years = self->years->len;
  return (const int *)self->years->data;
}

const char *
ss_import_get_reporter (SsImport *self)
{
  return self->reporter;
}

const char *
ss_import_get_unit (SsImport *self)
{
  return self->unit;
}

GPtrArray *
ss_import_get_warnings (SsImport *self)
{
  return self->warnings;
}

guint
ss_import_get_n_items (SsImport *self)
{
  return self->items->len;
}

const SsImportItem *
ss_import_get_item (SsImport *self,
                    guint     index)
{
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

guint
ss_import_get_n_governance (SsImport *self)
{
  return self->governance->len;
}

const SsImportGovernance *
ss_import_get_governance (SsImport *self,
                          guint     index)
{
  g_return_val_if_fail (index < self->governance->len, NULL);
  return &g_array_index (self->governance, SsImportGovernance, index);
}
