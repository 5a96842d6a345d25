/* ss-import.c: reading trade statistics, and the rules that turn them into a study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The readers (ss-import-kcs.c, ss-import-comtrade.c, ss-import-wgi.c)
 * turn each row into a flow: an item, a year, a partner country and a
 * value in USD. This file sums the flows, holds the country tables, and
 * applies the result to a study by the rules of docs/import.md: which
 * partners keep a country of their own, what goes to the rest of world,
 * which figures new countries take, and how the import is recorded.
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

#define TABLES_PATH "/io/github/supplyshift/SupplyShift/model/import/"
#define COVERAGE 0.95
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

/* ---- Country tables ---------------------------------------------------- */

typedef struct
{
  GHashTable *names;                   /* iso2 → English name */
  GHashTable *alpha3;                  /* alpha-3 and World Bank codes → iso2 */
  GHashTable *numeric;                 /* ISO numeric ("156") → iso2 */
  GHashTable *korean;                  /* Korean name → iso2 */
  GHashTable *comtrade;                /* Comtrade code → iso2 or "" */
  GHashTable *comtrade_names;          /* Comtrade code → its name */
} Tables;

/* Reads one shipped table: every record after the header that is not a
 * comment, as fields. The tables are part of the program, so a broken one
 * is a programming error. */
static void
load_table (const char *name,
            guint       n_fields,
            void      (*row) (Tables *t, SsCsvReader *csv),
            Tables     *t)
{
  g_autofree char *path = g_strconcat (TABLES_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (ss_model_get_resource (), path, 0, NULL);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(SsCsvReader) csv = NULL;
  g_autoptr(GError) error = NULL;
  gboolean header = TRUE;

  g_return_if_fail (bytes != NULL);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  csv = ss_csv_reader_new (stream, NULL);
  while (ss_csv_reader_next (csv, &error))
    {
      if (ss_csv_reader_get_field (csv, 0)[0] == '#')
        continue;
      if (header)
        {
          header = FALSE;
          continue;
        }
      if (ss_csv_reader_get_n_fields (csv) != n_fields)
        g_error ("%s:%u: %u fields, expected %u", name, ss_csv_reader_get_line (csv),
                 ss_csv_reader_get_n_fields (csv), n_fields);
      row (t, csv);
    }
  if (error != NULL)
    g_error ("%s: %s", name, error->message);
}

#define F(i) g_strdup (ss_csv_reader_get_field (csv, (i)))

static void
country_row (Tables      *t,
             SsCsvReader *csv)
{
  char numeric[8];

  g_hash_table_insert (t->names, F (0), F (3));
  g_hash_table_insert (t->alpha3, F (1), F (0));
  /* "004" in the table, "4" in Comtrade files. */
  g_snprintf (numeric, sizeof numeric, "%d", atoi (ss_csv_reader_get_field (csv, 2)));
  g_hash_table_insert (t->numeric, g_strdup (numeric), F (0));
  g_hash_table_insert (t->korean, F (4), F (0));
}

static void
korean_row (Tables      *t,
            SsCsvReader *csv)
{
  g_hash_table_insert (t->korean, F (0), F (1));
}

static void
comtrade_row (Tables      *t,
              SsCsvReader *csv)
{
  g_hash_table_insert (t->comtrade, F (0), F (1));
  g_hash_table_insert (t->comtrade_names, F (0), F (2));
}

static void
wb_row (Tables      *t,
        SsCsvReader *csv)
{
  g_hash_table_insert (t->alpha3, F (0), F (1));
  if (!g_hash_table_contains (t->names, ss_csv_reader_get_field (csv, 1)))
    g_hash_table_insert (t->names, F (1), F (2));
}

#undef F

static Tables *
tables (void)
{
  static Tables t;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      t.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      t.alpha3 = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      t.numeric = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      t.korean = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      t.comtrade = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      t.comtrade_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      load_table ("countries.csv", 5, country_row, &t);
      load_table ("korean-names.csv", 2, korean_row, &t);
      load_table ("comtrade-areas.csv", 3, comtrade_row, &t);
      load_table ("wb-codes.csv", 3, wb_row, &t);
      g_once_init_leave (&done, 1);
    }
  return &t;
}

const char *
_ss_import_country_name (const char *iso2)
{
  return g_hash_table_lookup (tables ()->names, iso2);
}

gboolean
_ss_import_is_iso2 (const char *code)
{
  return g_hash_table_contains (tables ()->names, code);
}

const char *
_ss_import_country_from_alpha3 (const char *alpha3)
{
  return g_hash_table_lookup (tables ()->alpha3, alpha3);
}

const char *
_ss_import_country_from_korean (const char *name)
{
  return g_hash_table_lookup (tables ()->korean, name);
}

gboolean
_ss_import_comtrade_area (const char  *code,
                          const char **iso2,
                          const char **name)
{
  Tables *t = tables ();
  const char *found;

  if ((found = g_hash_table_lookup (t->comtrade, code)) != NULL)
    {
      *iso2 = found;
      *name = g_hash_table_lookup (t->comtrade_names, code);
      return TRUE;
    }
  if ((found = g_hash_table_lookup (t->numeric, code)) != NULL)
    {
      *iso2 = found;
      *name = g_hash_table_lookup (t->names, found);
      return TRUE;
    }
  return FALSE;
}

/* ---- The items map ----------------------------------------------------- */

typedef struct
{
  char *code;
  char *name;
  char *category;
} MapEntry;

struct _SsImportMap
{
  GHashTable *entries;                 /* HS prefix (digits) → MapEntry */
  guint       longest;
};

static void
map_entry_free (MapEntry *entry)
{
  g_free (entry->code);
  g_free (entry->name);
  g_free (entry->category);
  g_free (entry);
}

static void
map_free (SsImportMap *map)
{
  if (map == NULL)
    return;
  g_hash_table_unref (map->entries);
  g_free (map);
}

/* An HS code as files write it ("2825.20.2000", "282520") → digits only,
 * or FALSE when it is not 2 to 10 digits. */
gboolean
_ss_import_normalise_hs (const char *text,
                         char        out[11])
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    {
      if (*p == '.' || *p == ' ')
        continue;
      if (!g_ascii_isdigit (*p) || n == 10)
        return FALSE;
      out[n++] = *p;
    }
  out[n] = '\0';
  return n >= 2;
}

static SsImportMap *
map_load (GFile   *file,
          GError **error)
{
  g_autofree char *display = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, &local_error);
  g_autoptr(SsCsvReader) csv = NULL;
  SsImportMap *map;
  int col_hs, col_code, col_name, col_category;

  if (stream == NULL)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_READ, "%s: error: %s", display,
                   local_error->message);
      return NULL;
    }
  csv = ss_csv_reader_new (G_INPUT_STREAM (stream), NULL);
  if (!ss_csv_reader_next (csv, &local_error))
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID, "%s:1: error: %s", display,
                   local_error != NULL ? local_error->message : _("the file is empty"));
      return NULL;
    }
  col_hs = _ss_import_find_column (csv, "hs");
  col_code = _ss_import_find_column (csv, "code");
  col_name = _ss_import_find_column (csv, "name");
  col_category = _ss_import_find_column (csv, "category");
  if (col_hs < 0 || col_code < 0 || col_name < 0)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                   _("%s:1: error: an items map has the columns hs, code and name (and optionally category)"),
                   display);
      return NULL;
    }

  map = g_new0 (SsImportMap, 1);
  map->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)map_entry_free);
  while (ss_csv_reader_next (csv, &local_error))
    {
      guint line = ss_csv_reader_get_line (csv);
      MapEntry *entry;
      char hs[11];

      if (ss_csv_reader_is_blank (csv))
        continue;
      if (ss_csv_reader_get_n_fields (csv) <= (guint)MAX (MAX (col_hs, col_code), MAX (col_name, col_category)))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                       _("%s:%u: error: the line has %u fields, the header more"), display, line,
                       ss_csv_reader_get_n_fields (csv));
          map_free (map);
          return NULL;
        }
      if (!_ss_import_normalise_hs (ss_csv_reader_get_field (csv, col_hs), hs))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                       _("%s:%u:%d: error: hs “%s” is not an HS code of 2 to 10 digits"), display, line,
                       col_hs + 1, ss_csv_reader_get_field (csv, col_hs));
          map_free (map);
          return NULL;
        }
      if (!ss_is_item_code (ss_csv_reader_get_field (csv, col_code)))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                       _("%s:%u:%d: error: code “%s” is not an item code (letters, digits, “.”, “_” or “-”, "
                         "at most 32)"), display, line, col_code + 1, ss_csv_reader_get_field (csv, col_code));
          map_free (map);
          return NULL;
        }
      if (ss_csv_reader_get_field_len (csv, col_name) == 0
          || !g_utf8_validate (ss_csv_reader_get_field (csv, col_name), -1, NULL))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                       _("%s:%u:%d: error: an item needs a name, in UTF-8"), display, line, col_name + 1);
          map_free (map);
          return NULL;
        }
      if (g_hash_table_contains (map->entries, hs))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                       _("%s:%u:%d: error: hs %s is mapped twice"), display, line, col_hs + 1, hs);
          map_free (map);
          return NULL;
        }
      entry = g_new0 (MapEntry, 1);
      entry->code = g_strdup (ss_csv_reader_get_field (csv, col_code));
      entry->name = g_strdup (ss_csv_reader_get_field (csv, col_name));
      entry->category = col_category >= 0 ? g_strdup (ss_csv_reader_get_field (csv, col_category)) : NULL;
      map->longest = MAX (map->longest, strlen (hs));
      g_hash_table_insert (map->entries, g_strdup (hs), entry);
    }
  if (local_error != NULL)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID, "%s:%u: error: %s", display,
                   ss_csv_reader_get_error_line (csv), local_error->message);
      map_free (map);
      return NULL;
    }
  return map;
}

static const MapEntry *
map_lookup (SsImportMap *map,
            const char  *hs)
{
  char prefix[11];
  gsize len = MIN (strlen (hs), map->longest);

  memcpy (prefix, hs, len);
  for (; len >= 2; len--)
    {
      MapEntry *entry;

      prefix[len] = '\0';
      if ((entry = g_hash_table_lookup (map->entries, prefix)) != NULL)
        return entry;
    }
  return NULL;
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
  const MapEntry *entry = NULL;
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
  if (self->map != NULL && (entry = map_lookup (self->map, hs)) == NULL)
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
static const char *
format_label (SsImportFormat format)
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
  map_free (self->map);
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

  if (items_map != NULL && (self->map = map_load (items_map, error)) == NULL)
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

/* ---- Applying ---------------------------------------------------------- */

static gboolean
has_year (SsImport *self,
          int       year)
{
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == year)
      return TRUE;
  return FALSE;
}

static char *
years_text (SsImport *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->years->len; i++)
    g_string_append_printf (text, "%s%d", i > 0 ? ", " : "", g_array_index (self->years, int, i));
  return g_string_free (text, FALSE);
}

int
ss_import_choose_year (SsImport  *self,
                       SsStudy   *study,
                       int        year,
                       GError   **error)
{
  g_autofree char *years = years_text (self);

  if (year != 0)
    {
      if (has_year (self, year))
        return year;
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
                   _("%s holds no data for %d, only for %s"), self->display, year, years);
      return 0;
    }
  if (self->years->len == 1)
    return g_array_index (self->years, int, 0);
  /* WGI files run from 1996: the latest year is what a planner means. */
  if (self->format == SS_IMPORT_FORMAT_WGI)
    return g_array_index (self->years, int, self->years->len - 1);
  if (study != NULL && has_year (self, ss_study_get_meta (study)->base_year))
    return ss_study_get_meta (study)->base_year;
  g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
               _("%s holds data for several years (%s): choose one with --year"), self->display, years);
  return 0;
}

/* Figures for countries the import adds when the user names no template
 * and the study has no rest of world to copy. Deliberately cautious: as
 * likely to be disrupted as the sample's China, governance worse than the
 * middle of the scale, and dearer than China, so that a new country never
 * looks safe and cheap until someone enters its own figures. */
static const double cautious_country[SS_COUNTRY_N_ATTRS] = {
  [SS_COUNTRY_GOVERNANCE] = 6,
  [SS_COUNTRY_DISRUPTION_PROBABILITY] = 0.1,
  [SS_COUNTRY_DISRUPTION_SEVERITY] = 0.5,
  [SS_COUNTRY_DISRUPTION_DAYS] = 90,
  [SS_COUNTRY_COST_INDEX] = 1.1,
  [SS_COUNTRY_COST_GROWTH] = 0.03,
  [SS_COUNTRY_TARIFF] = 0.03,
  [SS_COUNTRY_LOGISTICS] = 0.07,
  [SS_COUNTRY_RAMP] = 0.05,
};

static void
item_change_free (SsImportItemChange *change)
{
  g_free (change->code);
  g_free (change->name);
  g_array_unref (change->shares);
  g_free (change);
}

static SsImportSummary *
summary_new (void)
{
  SsImportSummary *s = g_new0 (SsImportSummary, 1);

  s->items_changed = g_ptr_array_new_with_free_func (g_free);
  s->items_added = g_ptr_array_new_with_free_func (g_free);
  s->items_skipped = g_ptr_array_new_with_free_func (g_free);
  s->countries_added = g_ptr_array_new_with_free_func (g_free);
  s->countries_set = g_ptr_array_new_with_free_func (g_free);
  s->countries_missing = g_ptr_array_new_with_free_func (g_free);
  s->item_changes = g_ptr_array_new_with_free_func ((GDestroyNotify)item_change_free);
  s->governance_changes = g_array_new (FALSE, TRUE, sizeof (SsImportCountryChange));
  s->warnings = g_ptr_array_new_with_free_func (g_free);
  return s;
}

void
ss_import_summary_free (SsImportSummary *s)
{
  if (s == NULL)
    return;
  g_ptr_array_unref (s->items_changed);
  g_ptr_array_unref (s->items_added);
  g_ptr_array_unref (s->items_skipped);
  g_ptr_array_unref (s->countries_added);
  g_ptr_array_unref (s->countries_set);
  g_ptr_array_unref (s->countries_missing);
  g_ptr_array_unref (s->item_changes);
  g_array_unref (s->governance_changes);
  g_ptr_array_unref (s->warnings);
  g_free (s);
}

static char *
record_date (const SsImportOptions *options)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) when = NULL;

  if (options->date != NULL)
    return g_strdup (options->date);
  if (epoch != NULL && *epoch != '\0')
    when = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (when == NULL)
    when = g_date_time_new_now_local ();
  return g_date_time_format (when, "%Y-%m-%d");
}

/* "(FORMAT, year Y, SHA-256 H)": what identifies an import, without its
 * date, so that importing the same file again is recognised. */
static char *
record_key (SsImport *self,
            int       year)
{
  if (self->format == SS_IMPORT_FORMAT_WGI)
    return g_strdup_printf ("%s (%s, %s, year %d, SHA-256 %s)", self->file_name, format_label (self->format),
                            self->edition, year, self->sha256);
  return g_strdup_printf ("%s (%s, year %d, SHA-256 %s)", self->file_name, format_label (self->format),
                          year, self->sha256);
}

static void
record_source (SsImport              *self,
               SsStudy               *study,
               int                    year,
               const SsImportOptions *options,
               SsImportSummary       *summary)
{
  SsMeta *meta = ss_study_get_meta (study);
  g_autofree char *key = record_key (self, year);
  g_autofree char *date = NULL;
  g_autofree char *record = NULL;
  char *source;

  if (strstr (meta->source, key) != NULL)
    return;
  date = record_date (options);
  if (self->format == SS_IMPORT_FORMAT_WGI)
    record = g_strdup_printf ("Governance imported on %s from %s: 5 - 2 x the mean of the six estimates.",
                              date, key);
  else
    record = g_strdup_printf ("Imported on %s from %s: baseline shares and import values.", date, key);
  source = *meta->source != '\0' ? g_strconcat (meta->source, " ", record, NULL) : g_strdup (record);
  g_free (meta->source);
  meta->source = source;
  summary->source_recorded = TRUE;
}

typedef struct
{
  char    code[3];
  double  total;                       /* over all items */
  double  max_share;                   /* its largest share of one item */
  gboolean needed;                     /* within some item's first 95 % */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->max_share != y->max_share)
    return x->max_share > y->max_share ? -1 : 1;
  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  return strcmp (x->code, y->code);
}

static int
compare_flows (gconstpointer a,
               gconstpointer b)
{
  const SsImportFlow *x = a, *y = b;

  if (x->value != y->value)
    return x->value > y->value ? -1 : 1;
  return strcmp (x->partner, y->partner);
}

/* The partner of a flow as the study sees it: home (re-imports) and areas
 * that are not countries count as the rest of the world. */
static const char *
partner_in (const SsImportFlow *flow,
            const char         *home)
{
  if (flow->partner[0] == '\0' || g_str_equal (flow->partner, home))
    return SS_IMPORT_REST;
  return flow->partner;
}

static double
item_sum (const SsImportItem *item)
{
  double sum = 0;

  for (guint f = 0; f < item->flows->len; f++)
    sum += g_array_index (item->flows, SsImportFlow, f).value;
  return sum;
}

double
ss_import_item_get_value (const SsImportItem *item)
{
  double sum = item_sum (item);

  return item->has_total && item->total > 0 ? item->total : sum;
}

const char *
ss_import_country_name (const char *iso2)
{
  if (g_str_equal (iso2, SS_IMPORT_REST_COUNTRY))
    return "Rest of world";
  return _ss_import_country_name (iso2);
}

static void
copy_template (SsStudy    *study,
               guint       index,
               int         template_index)
{
  SsCountry *country = ss_study_get_country (study, index);

  for (guint a = 0; a < SS_COUNTRY_N_ATTRS; a++)
    country->attr[a] = template_index >= 0
                       ? ss_study_get_country (study, template_index)->attr[a]
                       : cautious_country[a];
}

static guint
add_country (SsStudy         *study,
             const char      *code,
             int              template_index,
             SsImportSummary *summary)
{
  const char *name = ss_import_country_name (code);
  guint index = ss_study_add_country (study, code, name != NULL ? name : code);

  copy_template (study, index, template_index);
  g_ptr_array_add (summary->countries_added, g_strdup (code));
  return index;
}

static gboolean
apply_trade (SsImport              *self,
             SsStudy               *study,
             gboolean               new_study,
             int                    year,
             const SsImportOptions *options,
             SsImportSummary       *summary,
             GError               **error)
{
  SsMeta *meta = ss_study_get_meta (study);
  const char *home = ss_study_get_country (study, meta->home)->code;
  guint top = options->top > 0 ? MIN (options->top, SS_IMPORT_MAX_PARTNERS) : SS_IMPORT_MAX_PARTNERS;
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();   /* items of this year that apply */
  g_autoptr(GHashTable) kept = g_hash_table_new (g_str_hash, g_str_equal);
  int template_index = -1;
  gboolean need_rest = FALSE;
  guint partners = 0;

  if (options->template_country != NULL)
    {
      template_index = ss_study_find_country (study, options->template_country);
      if (template_index < 0)
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
                       _("the study has no country “%s” to take figures from"), options->template_country);
          return FALSE;
        }
    }
  else
    template_index = ss_study_find_country (study, SS_IMPORT_REST_COUNTRY);
  if (template_index >= 0)
    g_strlcpy (summary->template_used, ss_study_get_country (study, template_index)->code,
               sizeof summary->template_used);

  /* The items that apply, and which partners each needs for 95 % of its
   * value. */
  for (guint i = 0; i < self->items->len; i++)
    {
      SsImportItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(GArray) sorted = NULL;
      double sum, covered = 0;

      if (item->year != year)
        continue;
      if (!new_study && ss_study_find_item (study, item->code) < 0)
        {
          g_ptr_array_add (summary->items_skipped, g_strdup (item->code));
          continue;
        }
      /* A warning of this application, not of the file: a preview
       * applies to a copy first, and the file's list stays as read. */
      if ((sum = item_sum (item)) <= 0)
        {
          g_ptr_array_add (summary->warnings,
                           g_strdup_printf (_("Item %s has no imports in %d: left out."), item->code, year));
          continue;
        }
      g_ptr_array_add (chosen, item);

      sorted = g_array_copy (item->flows);
      g_array_sort (sorted, compare_flows);
      for (guint f = 0; f < sorted->len; f++)
        {
          const SsImportFlow *flow = &g_array_index (sorted, SsImportFlow, f);
          const char *partner = partner_in (flow, home);
          Candidate *c = NULL;

          if (*partner == '\0' || flow->value <= 0)
            continue;
          for (guint k = 0; k < candidates->len && c == NULL; k++)
            if (g_str_equal (g_array_index (candidates, Candidate, k).code, partner))
              c = &g_array_index (candidates, Candidate, k);
          if (c == NULL)
            {
              g_array_set_size (candidates, candidates->len + 1);
              c = &g_array_index (candidates, Candidate, candidates->len - 1);
              g_strlcpy (c->code, partner, sizeof c->code);
            }
          c->total += flow->value;
          c->max_share = MAX (c->max_share, flow->value / sum);
          if (covered < COVERAGE * sum)
            c->needed = TRUE;
          covered += flow->value;
        }
    }

  if (chosen->len == 0)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
                   new_study ? _("%s has no imports for %d")
                             : _("none of the items of %s for %d is in the study"),
                   self->display, year);
      return FALSE;
    }

  /* Countries already in the study keep their own share, and count
   * towards --top; new ones are added in order of importance while there
   * is room. */
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    if (c != meta->home && !g_str_equal (ss_study_get_country (study, c)->code, SS_IMPORT_REST_COUNTRY))
      partners++;
  g_array_sort (candidates, compare_candidates);
  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);
      gboolean room;

      if (ss_study_find_country (study, c->code) >= 0)
        {
          g_hash_table_add (kept, c->code);
          continue;
        }
      /* One place stays free for the rest of world, and in a new study
       * for home as well (it is already there). */
      room = ss_study_get_n_countries (study) + 1 + (ss_study_find_country (study, SS_IMPORT_REST_COUNTRY) < 0)
             <= SS_MAX_COUNTRIES;
      if (c->needed && partners < top && room)
        {
          add_country (study, c->code, template_index, summary);
          g_hash_table_add (kept, c->code);
          partners++;
        }
    }

  for (guint i = 0; i < chosen->len && !need_rest; i++)
    {
      SsImportItem *item = g_ptr_array_index (chosen, i);

      for (guint f = 0; f < item->flows->len; f++)
        {
          const SsImportFlow *flow = &g_array_index (item->flows, SsImportFlow, f);

          if (flow->value > 0 && !g_hash_table_contains (kept, partner_in (flow, home)))
            need_rest = TRUE;
        }
    }
  if (need_rest && ss_study_find_country (study, SS_IMPORT_REST_COUNTRY) < 0)
    add_country (study, SS_IMPORT_REST_COUNTRY, template_index, summary);

  /* China's price is the scale of cost indices (model.md). */
  if (new_study && ss_study_find_country (study, "CN") >= 0)
    ss_study_get_country (study, ss_study_find_country (study, "CN"))->attr[SS_COUNTRY_COST_INDEX] = 1;

  for (guint i = 0; i < chosen->len; i++)
    {
      SsImportItem *item = g_ptr_array_index (chosen, i);
      guint n = ss_study_get_n_countries (study);
      g_autofree double *value = g_new0 (double, n);
      g_autofree double *weight = g_new0 (double, n);
      g_autofree gboolean *unweighed = g_new0 (gboolean, n);
      int rest = ss_study_find_country (study, SS_IMPORT_REST_COUNTRY);
      int china = ss_study_find_country (study, "CN");
      double sum = item_sum (item);
      double total = ss_import_item_get_value (item);
      int index = ss_study_find_item (study, item->code);
      SsItem *target;

      for (guint f = 0; f < item->flows->len; f++)
        {
          const SsImportFlow *flow = &g_array_index (item->flows, SsImportFlow, f);
          const char *partner = partner_in (flow, home);
          int c = g_hash_table_contains (kept, partner) ? ss_study_find_country (study, partner) : rest;

          g_assert (c >= 0);
          value[c] += flow->value;
          weight[c] += flow->weight;
          /* A unit value needs the weight of all of the value. */
          unweighed[c] |= flow->value > 0 && flow->weight <= 0;
        }

      if (index < 0)
        {
          index = ss_study_add_item (study, item->code, item->name);
          if (item->category != NULL)
            {
              g_free (ss_study_get_item (study, index)->category);
              ss_study_get_item (study, index)->category = g_strdup (item->category);
            }
          g_ptr_array_add (summary->items_added, g_strdup (item->code));
        }
      else
        g_ptr_array_add (summary->items_changed, g_strdup (item->code));
      target = ss_study_get_item (study, index);
      target->attr[SS_ITEM_VALUE] = total / 1e6;

      for (guint c = 0; c < n; c++)
        {
          SsSource *source = &target->sources[c];
          /* Exact division of exact sums: an import of the same figures
           * gives the same doubles, bit for bit. */
          double share = value[c] / sum;

          if (share > 0 || source->listed)
            {
              source->attr[SS_SOURCE_SHARE] = share;
              source->listed = TRUE;
            }
          /* Unit values relative to China's, in a new study only: an
           * update keeps the prices the study already has. */
          if (new_study && share > 0 && china >= 0 && (int)c != china && !unweighed[c]
              && !unweighed[china] && weight[c] > 0 && value[china] > 0 && weight[china] > 0)
            {
              double k = (value[c] / weight[c]) / (value[china] / weight[china]);

              if (ss_attr_in_range (&ss_source_attrs[SS_SOURCE_COST_INDEX], k))
                {
                  source->attr[SS_SOURCE_COST_INDEX] = k;
                  source->set |= 1 << SS_SOURCE_COST_INDEX;
                }
            }
        }
      if (!ss_attr_in_range (&ss_item_attrs[SS_ITEM_VALUE], target->attr[SS_ITEM_VALUE]))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_STUDY,
                       _("item %s: an import value of %g million USD is out of range"), item->code,
                       target->attr[SS_ITEM_VALUE]);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
apply_governance (SsImport         *self,
                  SsStudy          *study,
                  int               year,
                  SsImportSummary  *summary)
{
  for (guint c = 0; c < ss_study_get_n_countries (study); c++)
    {
      SsCountry *country = ss_study_get_country (study, c);
      const SsImportGovernance *found = NULL;

      if (g_str_equal (country->code, SS_IMPORT_REST_COUNTRY))
        continue;
      for (guint g = 0; g < self->governance->len && found == NULL; g++)
        {
          const SsImportGovernance *row = &g_array_index (self->governance, SsImportGovernance, g);

          if (row->year == year && g_str_equal (row->country, country->code))
            found = row;
        }
      if (found == NULL || found->n_estimates < 6)
        {
          g_ptr_array_add (summary->countries_missing, g_strdup (country->code));
          continue;
        }
      {
        SsImportCountryChange change = { { 0 }, country->attr[SS_COUNTRY_GOVERNANCE], 0 };
        double mean = 0;

        for (guint k = 0; k < 6; k++)
          mean += found->estimates[k];
        mean /= 6;
        /* The scale is closed at 10 and open at 0: a perfect score is
         * kept just above it. */
        country->attr[SS_COUNTRY_GOVERNANCE] = CLAMP (5 - 2 * mean, 0.01, 10);
        g_ptr_array_add (summary->countries_set, g_strdup (country->code));
        g_strlcpy (change.country, country->code, sizeof change.country);
        change.after = country->attr[SS_COUNTRY_GOVERNANCE];
        g_array_append_val (summary->governance_changes, change);
      }
    }
  return TRUE;
}

/* Whether study, saved and loaded again, is a valid study. */
static gboolean
check_study (SsStudy  *study,
             GError  **error)
{
  g_autofree char *xml = ss_study_to_xml (study);
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SsStudy) again = ss_study_load_bytes (bytes, "import", &local_error);

  if (again == NULL)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_STUDY,
                   _("the imported study would not be valid:\n%s"), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
contains (GPtrArray  *codes,
          const char *code)
{
  for (guint i = 0; i < codes->len; i++)
    if (g_str_equal (g_ptr_array_index (codes, i), code))
      return TRUE;
  return FALSE;
}

static int
compare_share_changes (gconstpointer a,
                       gconstpointer b)
{
  const SsImportCountryChange *x = a, *y = b;

  if (x->after != y->after)
    return x->after > y->after ? -1 : 1;
  if (x->before != y->before)
    return x->before > y->before ? -1 : 1;
  return strcmp (x->country, y->country);
}

/* Each item's value and shares in before and after, for a preview. The
 * import only appends countries and items, so each is looked up by its
 * code in before. */
static void
describe_items (const SsStudy   *before,
                const SsStudy   *after,
                SsImportSummary *summary)
{
  for (guint i = 0; i < ss_study_get_n_items (after); i++)
    {
      const SsItem *item = ss_study_get_item (after, i);
      int was = ss_study_find_item (before, item->code);
      const SsItem *old = was >= 0 ? ss_study_get_item (before, was) : NULL;
      SsImportItemChange *change;

      if (!contains (summary->items_changed, item->code) && !contains (summary->items_added, item->code))
        continue;
      change = g_new0 (SsImportItemChange, 1);
      change->code = g_strdup (item->code);
      change->name = g_strdup (item->name);
      change->added = old == NULL;
      change->value_before = old != NULL ? old->attr[SS_ITEM_VALUE] : 0;
      change->value_after = item->attr[SS_ITEM_VALUE];
      change->shares = g_array_new (FALSE, TRUE, sizeof (SsImportCountryChange));
      for (guint c = 0; c < ss_study_get_n_countries (after); c++)
        {
          const char *code = ss_study_get_country (after, c)->code;
          int c_was = old != NULL ? ss_study_find_country (before, code) : -1;
          SsImportCountryChange share = { { 0 }, 0, item->sources[c].attr[SS_SOURCE_SHARE] };

          if (c_was >= 0)
            share.before = old->sources[c_was].attr[SS_SOURCE_SHARE];
          if (share.before <= 0 && share.after <= 0)
            continue;
          g_strlcpy (share.country, code, sizeof share.country);
          g_array_append_val (change->shares, share);
        }
      g_array_sort (change->shares, compare_share_changes);
      g_ptr_array_add (summary->item_changes, change);
    }
}

static gboolean
apply (SsImport               *self,
       SsStudy                *study,
       gboolean                new_study,
       const SsImportOptions  *options,
       SsImportSummary       **summary_out,
       GError                **error)
{
  static const SsImportOptions defaults = { 0 };
  g_autoptr(SsImportSummary) summary = summary_new ();
  g_autoptr(SsStudy) work = ss_study_copy (study);
  int year;

  if (options == NULL)
    options = &defaults;
  year = ss_import_choose_year (self, new_study ? NULL : study, options->year, error);
  if (year == 0)
    return FALSE;
  summary->year = year;

  if (self->format == SS_IMPORT_FORMAT_WGI)
    apply_governance (self, work, year, summary);
  else if (!apply_trade (self, work, new_study, year, options, summary, error))
    return FALSE;
  record_source (self, work, year, options, summary);
  if (!check_study (work, error))
    return FALSE;
  describe_items (study, work, summary);

  ss_study_assign (study, work);
  if (summary_out != NULL)
    *summary_out = g_steal_pointer (&summary);
  return TRUE;
}

gboolean
ss_import_apply (SsImport               *self,
                 SsStudy                *study,
                 const SsImportOptions  *options,
                 SsImportSummary       **summary,
                 GError                **error)
{
  return apply (self, study, FALSE, options, summary, error);
}

SsStudy *
ss_import_new_study (SsImport               *self,
                     const SsImportOptions  *options,
                     SsImportSummary       **summary,
                     GError                **error)
{
  g_autoptr(SsStudy) study = ss_study_new ();
  SsMeta *meta = ss_study_get_meta (study);
  const char *home = self->reporter != NULL ? self->reporter : "KR";
  const char *home_name = _ss_import_country_name (home);
  int year;

  if (self->format == SS_IMPORT_FORMAT_WGI)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
                   _("governance indicators update a study: name it with --into"));
      return NULL;
    }
  if (options != NULL && options->template_country != NULL)
    {
      g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_CHOICE,
                   _("a new study has no country to take figures from: --template goes with --into"));
      return NULL;
    }
  year = ss_import_choose_year (self, NULL, options != NULL ? options->year : 0, error);
  if (year == 0)
    return NULL;

  g_free (meta->title);
  meta->title = g_strdup_printf ("Imports of %s, %d", home_name != NULL ? home_name : home, year);
  g_free (meta->description);
  meta->description = g_strdup_printf ("Built from %s: the shares and import values come from the file; the "
                                       "countries' figures are cautious placeholders until their own are "
                                       "entered.", self->file_name);
  meta->base_year = year;
  meta->discount_rate = 0.05;
  meta->home = ss_study_add_country (study, home, home_name != NULL ? home_name : home);
  copy_template (study, meta->home, -1);

  {
    SsImportOptions with_year = options != NULL ? *options : (SsImportOptions) { 0 };
    g_autoptr(SsImportSummary) s = NULL;

    with_year.year = year;
    if (!apply (self, study, TRUE, &with_year, &s, error))
      return NULL;
    g_ptr_array_insert (s->countries_added, 0, g_strdup (home));
    if (summary != NULL)
      *summary = g_steal_pointer (&s);
  }
  return g_steal_pointer (&study);
}

/* ---- The summary ------------------------------------------------------- */

static void
append_list (GString    *text,
             const char *label,
             GPtrArray  *codes)
{
  if (codes->len == 0)
    return;
  g_string_append_printf (text, "%s (%u):", label, codes->len);
  for (guint i = 0; i < codes->len && i < 40; i++)
    g_string_append_printf (text, " %s", (const char *)g_ptr_array_index (codes, i));
  if (codes->len > 40)
    g_string_append (text, " …");
  g_string_append_c (text, '\n');
}

char *
ss_import_summary_to_string (SsImport        *self,
                             SsImportSummary *summary)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Imported %s (%s), year %d.\n"), self->display,
                          ss_import_format_to_string (self->format), summary->year);
  if (self->unit != NULL)
    g_string_append_printf (text, _("Values read as %s.\n"), self->unit);
  for (guint i = 0; i < self->warnings->len; i++)
    g_string_append_printf (text, "%s\n", (const char *)g_ptr_array_index (self->warnings, i));
  for (guint i = 0; i < summary->warnings->len; i++)
    g_string_append_printf (text, "%s\n", (const char *)g_ptr_array_index (summary->warnings, i));
  append_list (text, _("Items added"), summary->items_added);
  append_list (text, _("Items updated"), summary->items_changed);
  append_list (text, _("Items in the file but not in the study, left alone"), summary->items_skipped);
  append_list (text, _("Governance set"), summary->countries_set);
  append_list (text, _("No governance in the file for"), summary->countries_missing);
  if (summary->countries_added->len > 0)
    {
      if (summary->template_used[0] != '\0')
        g_string_append_printf (text, _("New countries take the figures of %s and need their own:\n"),
                                summary->template_used);
      else
        g_string_append (text, _("New countries take cautious placeholder figures (docs/import.md) "
                                 "and need their own:\n"));
      append_list (text, _("Countries added"), summary->countries_added);
    }
  if (!summary->source_recorded)
    g_string_append (text, _("The study already records this file as a source.\n"));
  return g_string_free (text, FALSE);
}
