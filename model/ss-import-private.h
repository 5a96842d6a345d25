/* ss-import-private.h: what the format readers share with the import core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-csv.h"
#include "ss-import.h"

G_BEGIN_DECLS

typedef struct _SsImportMap SsImportMap;

struct _SsImport
{
  SsImportFormat  format;
  char           *display;             /* as the user named the file */
  char           *file_name;           /* its base name, for the source record */
  char           *sha256;
  char           *reporter;
  char           *unit;
  char           *edition;             /* WGI: "data through YEAR" */
  GPtrArray      *warnings;

  GPtrArray      *items;               /* of SsImportItem, in order of first appearance */
  GHashTable     *item_index;          /* "YEAR\tCODE" → SsImportItem */
  GHashTable     *hs_cache;            /* "YEAR\tHS" → SsImportItem, or the map's "no item" */
  GArray         *years;               /* of int, unsorted until the read ends */
  GArray         *governance;          /* of SsImportGovernance */
  SsImportMap    *map;
  guint           unmapped_rows;

  /* Text encoding: UTF-8 until a field is not, then the format's
   * fallback (ISO-8859-1, or CP949 for Korean files) for the whole file. */
  const char     *fallback_charset;
  const char     *charset;             /* NULL while UTF-8 */
  guint           first_utf8_line;     /* a line that had UTF-8 beyond ASCII, or 0 */
  char           *converted;
};

void          _ss_import_warn             (SsImport     *self,
                                           const char   *format,
                                           ...) G_GNUC_PRINTF (2, 3);

/* Rows skipped on purpose (totals, other flows...): how many, and the
 * first lines, so that the warning says where they are. */
typedef struct
{
  guint count;
  guint lines[5];
} SsImportSkipped;

void          _ss_import_skip             (SsImportSkipped *skipped,
                                           guint            line);
/* Warns "MESSAGE Lines 4, 8 and 12." when rows were skipped. */
void          _ss_import_warn_skipped     (SsImport              *self,
                                           const SsImportSkipped *skipped,
                                           const char            *message);
/* Sets error to "FILE:LINE:COLUMN: error: MESSAGE" (COLUMN omitted when 0)
 * and returns FALSE. */
gboolean      _ss_import_fail             (SsImport     *self,
                                           GError      **error,
                                           guint         line,
                                           guint         column,
                                           const char   *format,
                                           ...) G_GNUC_PRINTF (5, 6);
/* The same for a problem the CSV reader found. */
gboolean      _ss_import_csv_fail         (SsImport     *self,
                                           SsCsvReader  *csv,
                                           GError       *csv_error,
                                           GError      **error);

/* The field as UTF-8, decoding the file's fallback encoding when the file
 * is not UTF-8; NULL with error set when it cannot be decoded. Valid until
 * the next call. */
const char   *_ss_import_text             (SsImport     *self,
                                           SsCsvReader  *csv,
                                           guint         field,
                                           GError      **error);

/* The item that a row of HS code hs in year belongs to, created on first
 * use; NULL when the items map leaves the code out. */
SsImportItem *_ss_import_item_for         (SsImport     *self,
                                           int           year,
                                           const char   *hs,
                                           const char   *name);
void          _ss_import_add_flow         (SsImportItem *item,
                                           const char   *partner,
                                           double        value,
                                           double        weight);
void          _ss_import_add_year         (SsImport     *self,
                                           int           year);

/* Numbers as statistics files write them: digits, thousands separators in
 * groups of three, a decimal point, an exponent. Surrounding spaces are
 * allowed; nothing else is. */
gboolean      _ss_import_parse_amount     (const char   *text,
                                           double       *value);
/* "2825.20.2000" → "2825202000"; FALSE unless 2 to 10 digits. */
gboolean      _ss_import_normalise_hs     (const char   *text,
                                           char          out[11]);
gboolean      _ss_import_parse_year       (const char   *text,
                                           int          *year);

/* Country tables (data/import/). Each returns a static string, or NULL
 * when the code is not known. */
const char   *_ss_import_country_name     (const char   *iso2);
const char   *_ss_import_country_from_alpha3 (const char *alpha3);
const char   *_ss_import_country_from_korean (const char *name);
/* A Comtrade partner or reporter code: *iso2 is the country, or "" for an
 * area that is not one country; FALSE when the code is unknown. */
gboolean      _ss_import_comtrade_area    (const char   *code,
                                           const char  **iso2,
                                           const char  **name);
gboolean      _ss_import_is_iso2          (const char   *code);

/* The readers. Each reads every record after the header and fills self. */
gboolean      _ss_import_read_kcs_csv     (SsImport     *self,
                                           SsCsvReader  *csv,
                                           GError      **error);
gboolean      _ss_import_read_kcs_xml     (SsImport     *self,
                                           GBytes       *bytes,
                                           GError      **error);
gboolean      _ss_import_read_comtrade    (SsImport     *self,
                                           SsCsvReader  *csv,
                                           GError      **error);
gboolean      _ss_import_read_wgi         (SsImport     *self,
                                           SsCsvReader  *csv,
                                           GError      **error);

/* One entry of the items map: the study item an HS prefix belongs to. */
typedef struct
{
  char *code;
  char *name;
  char *category;
} SsImportMapEntry;

/* The items map (a CSV of HS prefixes), and the entry of the longest
 * prefix of hs, or NULL. */
SsImportMap  *_ss_import_map_load         (GFile        *file,
                                           GError      **error);
const SsImportMapEntry *_ss_import_map_lookup (SsImportMap *map,
                                           const char   *hs);
void          _ss_import_map_free         (SsImportMap  *map);

/* The name a source record gives each format (never translated). */
const char   *_ss_import_format_label     (SsImportFormat format);

/* The header's column index of name, or -1. */
int           _ss_import_find_column      (SsCsvReader  *csv,
                                           const char   *name);

G_END_DECLS
