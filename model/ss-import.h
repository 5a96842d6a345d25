/* ss-import.h: building and updating studies from trade statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two steps, so that a window can show what a file holds before anything
 * changes: ss_import_read() parses a file into an SsImport (items and
 * partners by year, governance by country, warnings) without touching a
 * study; ss_import_apply() then changes a study from it and says what it
 * changed. Neither step needs GTK. docs/import.md describes the rules.
 */

#pragma once

#include <gio/gio.h>

#include "ss-study.h"

G_BEGIN_DECLS

#define SS_IMPORT_ERROR (ss_import_error_quark ())

typedef enum
{
  SS_IMPORT_ERROR_READ,                /* missing or unreadable file */
  SS_IMPORT_ERROR_INVALID,             /* not a file of the format, or a value out of place */
  SS_IMPORT_ERROR_CHOICE,              /* the file is fine but a choice is needed (year, template) */
  SS_IMPORT_ERROR_STUDY,               /* the result would not be a valid study */
} SsImportError;

typedef enum
{
  SS_IMPORT_FORMAT_DETECT,
  SS_IMPORT_FORMAT_KCS_CSV,            /* tradedata.go.kr CSV export */
  SS_IMPORT_FORMAT_KCS_XML,            /* KCS OpenAPI getNitemtradeList response */
  SS_IMPORT_FORMAT_COMTRADE,           /* UN Comtrade v1 CSV (47 columns) */
  SS_IMPORT_FORMAT_WGI,                /* Worldwide Governance Indicators, long CSV */
} SsImportFormat;

/* The partner code of trade that goes to the study's rest of world: areas
 * that are not one country (Comtrade's "Areas, nes", bunkers...). */
#define SS_IMPORT_REST ""
#define SS_IMPORT_REST_COUNTRY "ZZ"
#define SS_IMPORT_MAX_PARTNERS 14

typedef struct
{
  char    partner[3];                  /* ISO alpha-2, or "" (SS_IMPORT_REST) */
  double  value;                       /* USD */
  double  weight;                      /* net weight in the file's unit; 0 when absent */
} SsImportFlow;

typedef struct
{
  char     *code;                      /* item code: the HS code, or the mapped code */
  char     *name;
  char     *category;                  /* from the items map, or NULL */
  int       year;
  double    total;                     /* the file's own total (Comtrade World), USD */
  gboolean  has_total;
  GArray   *flows;                     /* of SsImportFlow, in file order */
  GPtrArray *hs_codes;                 /* the HS codes summed into this item */
} SsImportItem;

typedef struct
{
  char    country[3];                  /* ISO alpha-2 */
  int     year;
  double  estimates[6];                /* va pv ge rq rl cc; NAN where ".." */
  guint   n_estimates;
} SsImportGovernance;

typedef struct _SsImport SsImport;

typedef struct
{
  int          year;                   /* 0: the file's only year, else the study's base year */
  guint        top;                    /* partners kept at most; 0 means SS_IMPORT_MAX_PARTNERS */
  const char  *template_country;       /* figures for new countries; NULL: ZZ, else cautious */
  const char  *date;                   /* "YYYY-MM-DD" for the source record; NULL: today,
                                        * or SOURCE_DATE_EPOCH when it is set */
} SsImportOptions;

/* A country's figure before and after an import: an item's baseline
 * share, or (WGI) the country's governance. */
typedef struct
{
  char    country[3];                  /* ISO alpha-2, or ZZ */
  double  before;                      /* 0 for a country the import adds */
  double  after;
} SsImportCountryChange;

/* What an import does to one item, for a preview. */
typedef struct
{
  char     *code;
  char     *name;
  gboolean  added;                     /* a new item (a new study) */
  double    value_before;              /* million USD; 0 when added */
  double    value_after;
  GArray   *shares;                    /* of SsImportCountryChange: every country with a
                                        * share before or after, the largest after first */
} SsImportItemChange;

typedef struct
{
  int        year;
  GPtrArray *items_changed;            /* item codes whose shares and value were set */
  GPtrArray *items_added;              /* new items (a new study) */
  GPtrArray *items_skipped;            /* in the file but not in the study (--into) */
  GPtrArray *countries_added;          /* codes: they carry template figures */
  GPtrArray *countries_set;            /* WGI: codes whose governance was set */
  GPtrArray *countries_missing;        /* WGI: study countries without six estimates */
  char       template_used[3];         /* a country code, or "" for the cautious default */
  gboolean   source_recorded;          /* FALSE when the same file was already recorded */
  GPtrArray *item_changes;             /* of SsImportItemChange: items changed and added,
                                        * in the study's order */
  GArray    *governance_changes;       /* of SsImportCountryChange: WGI, countries_set's order */
  GPtrArray *warnings;                 /* what this application left out, one line each
                                        * (the file's own are ss_import_get_warnings()) */
} SsImportSummary;

GQuark              ss_import_error_quark        (void);

const char         *ss_import_format_to_string   (SsImportFormat   format);
gboolean            ss_import_format_from_string (const char      *text,
                                                  SsImportFormat  *format);

/* items_map: an optional CSV "hs,code,name[,category]" grouping HS codes
 * (by their longest matching prefix) into items; codes it does not match
 * are left out. May run in a worker thread (the shipped tables load once,
 * thread-safely). Once cancellable is cancelled the read stops within a
 * buffer of the file and fails with G_IO_ERROR_CANCELLED. */
SsImport           *ss_import_read               (GFile           *file,
                                                  const char      *display_name,
                                                  SsImportFormat   format,
                                                  GFile           *items_map,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
void                ss_import_free               (SsImport        *self);

SsImportFormat      ss_import_get_format         (SsImport        *self);
const char         *ss_import_get_file_name      (SsImport        *self);
const char         *ss_import_get_sha256         (SsImport        *self);
/* The years the file holds, ascending. */
const int          *ss_import_get_years          (SsImport        *self,
                                                  guint           *n_years);
/* ISO alpha-2 of the importing country, when the file says (Comtrade's
 * reporter; KR for Korea Customs files), else NULL. */
const char         *ss_import_get_reporter       (SsImport        *self);
/* What the unit of values was read as, e.g. "thousand USD (수입 금액)". */
const char         *ss_import_get_unit           (SsImport        *self);
/* One line each: rows skipped and why, the encoding, unknown areas. */
GPtrArray          *ss_import_get_warnings       (SsImport        *self);
guint               ss_import_get_n_items        (SsImport        *self);
const SsImportItem *ss_import_get_item           (SsImport        *self,
                                                  guint            index);
/* An item's import value in USD as an import sets it: the file's own
 * total (Comtrade's World row) where it has one, else its flows' sum. */
double              ss_import_item_get_value     (const SsImportItem *item);
/* The English name of a country (ISO alpha-2) in the shipped tables,
 * "Rest of world" for SS_IMPORT_REST_COUNTRY, or NULL. */
const char         *ss_import_country_name       (const char      *iso2);
guint               ss_import_get_n_governance   (SsImport        *self);
const SsImportGovernance *ss_import_get_governance (SsImport      *self,
                                                  guint            index);

/* Which year options->year resolves to for this file and study (which
 * may be NULL for a new study); 0 with an SS_IMPORT_ERROR_CHOICE error
 * when the file holds several years and none is chosen. */
int                 ss_import_choose_year        (SsImport        *self,
                                                  SsStudy         *study,
                                                  int              year,
                                                  GError         **error);

/* A new study from trade data (not WGI). */
SsStudy            *ss_import_new_study          (SsImport        *self,
                                                  const SsImportOptions *options,
                                                  SsImportSummary **summary,
                                                  GError         **error);
/* Changes study in place: the shares and values of its matching items
 * (trade data), or its countries' governance (WGI), and the source
 * record. On failure the study is unchanged. */
gboolean            ss_import_apply              (SsImport        *self,
                                                  SsStudy         *study,
                                                  const SsImportOptions *options,
                                                  SsImportSummary **summary,
                                                  GError         **error);

void                ss_import_summary_free       (SsImportSummary *summary);
/* The summary as the command line prints it, translated. */
char               *ss_import_summary_to_string  (SsImport        *self,
                                                  SsImportSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsImport, ss_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsImportSummary, ss_import_summary_free)

G_END_DECLS
