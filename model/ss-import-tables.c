/* ss-import-tables.c: the country tables and the items map of an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shipped tables that name countries (ISO codes, Korean names,
 * Comtrade areas, World Bank codes), and the user's items map, which
 * groups HS codes into a study's items. The readers and ss-import.c look
 * codes up here.
 */

#define G_LOG_DOMAIN "supplyshift-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ss-import-private.h"
#include "ss-model-resources.h"

#define TABLES_PATH "/io/github/supplyshift/SupplyShift/model/import/"

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

struct _SsImportMap
{
  GHashTable *entries;                 /* HS prefix (digits) → SsImportMapEntry */
  guint       longest;
};

static void
map_entry_free (SsImportMapEntry *entry)
{
  g_free (entry->code);
  g_free (entry->name);
  g_free (entry->category);
  g_free (entry);
}

void
_ss_import_map_free (SsImportMap *map)
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

SsImportMap *
_ss_import_map_load (GFile   *file,
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
      SsImportMapEntry *entry;
      char hs[11];

      if (ss_csv_reader_is_blank (csv))
        continue;
      if (ss_csv_reader_get_n_fields (csv) <= (guint)MAX (MAX (col_hs, col_code), MAX (col_name, col_category)))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                       _("%s:%u: error: the line has %u fields, the header more"), display, line,
                       ss_csv_reader_get_n_fields (csv));
          _ss_import_map_free (map);
          return NULL;
        }
      if (!_ss_import_normalise_hs (ss_csv_reader_get_field (csv, col_hs), hs))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                       _("%s:%u:%d: error: hs “%s” is not an HS code of 2 to 10 digits"), display, line,
                       col_hs + 1, ss_csv_reader_get_field (csv, col_hs));
          _ss_import_map_free (map);
          return NULL;
        }
      if (!ss_is_item_code (ss_csv_reader_get_field (csv, col_code)))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                       _("%s:%u:%d: error: code “%s” is not an item code (letters, digits, “.”, “_” or “-”, "
                         "at most 32)"), display, line, col_code + 1, ss_csv_reader_get_field (csv, col_code));
          _ss_import_map_free (map);
          return NULL;
        }
      if (ss_csv_reader_get_field_len (csv, col_name) == 0
          || !g_utf8_validate (ss_csv_reader_get_field (csv, col_name), -1, NULL))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                       _("%s:%u:%d: error: an item needs a name, in UTF-8"), display, line, col_name + 1);
          _ss_import_map_free (map);
          return NULL;
        }
      if (g_hash_table_contains (map->entries, hs))
        {
          g_set_error (error, SS_IMPORT_ERROR, SS_IMPORT_ERROR_INVALID,
                       _("%s:%u:%d: error: hs %s is mapped twice"), display, line, col_hs + 1, hs);
          _ss_import_map_free (map);
          return NULL;
        }
      entry = g_new0 (SsImportMapEntry, 1);
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
      _ss_import_map_free (map);
      return NULL;
    }
  return map;
}

const SsImportMapEntry *
_ss_import_map_lookup (SsImportMap *map,
                       const char  *hs)
{
  char prefix[11];
  gsize len = MIN (strlen (hs), map->longest);

  memcpy (prefix, hs, len);
  for (; len >= 2; len--)
    {
      SsImportMapEntry *entry;

      prefix[len] = '\0';
      if ((entry = g_hash_table_lookup (map->entries, prefix)) != NULL)
        return entry;
    }
  return NULL;
}
