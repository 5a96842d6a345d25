/* ss-document.h: an open study — its file, its edits and undo, its projections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ss-engine.h"
#include "ss-import.h"
#include "ss-safe-file.h"
#include "ss-study.h"

G_BEGIN_DECLS

/* What an edit touched, as the "changed" signal reports it: views
 * rebuild their lists on a structural change and refresh their figures on
 * the others. Which projections go stale is the document's business (a
 * rename is structural but leaves every figure as it was). */
typedef enum
{
  SS_CHANGE_SCENARIO  = 1 << 0,        /* one scenario's levers, targets,
                                        * stockpiles, overrides or shocks */
  SS_CHANGE_BASELINE  = 1 << 1,        /* data every scenario uses */
  SS_CHANGE_STRUCTURE = 1 << 2,        /* countries, items or scenarios added,
                                        * removed, renamed or given another
                                        * kind; meta */
} SsChange;

#define SS_DOCUMENT_ERROR (ss_document_error_quark ())

/* Why an edit was refused; the message says it in words for the user. */
typedef enum
{
  SS_DOCUMENT_ERROR_INVALID,           /* out of range, of the wrong form, or
                                        * text a study file cannot hold */
  SS_DOCUMENT_ERROR_EXISTS,            /* a code or name already taken */
  SS_DOCUMENT_ERROR_FULL,              /* the most countries, items,
                                        * scenarios or overrides a study has */
  SS_DOCUMENT_ERROR_IN_USE,            /* still needed: the home country, a
                                        * source with a share, the last item */
  SS_DOCUMENT_ERROR_SHARES,            /* shares that do not sum to 1 */
  SS_DOCUMENT_ERROR_KIND,              /* not for a scenario of this kind */
} SsDocumentError;

/* A strategy's levers (model.md §1). */
typedef enum
{
  SS_LEVER_TRANSITION_YEARS,
  SS_LEVER_SWITCHING_COST,
  SS_LEVER_SUBSIDY,
  SS_N_LEVERS
} SsLever;

/* The whole study rather than one item, for stockpiles. */
#define SS_ALL_ITEMS (-1)

#define SS_TYPE_DOCUMENT (ss_document_get_type ())
G_DECLARE_FINAL_TYPE (SsDocument, ss_document, SS, DOCUMENT, GObject)

GQuark              ss_document_error_quark     (void);

SsDocument         *ss_document_new             (SsStudy     *study,
                                                 GFile       *file);
const SsStudy      *ss_document_get_study       (SsDocument  *self);
GFile              *ss_document_get_file        (SsDocument  *self);
void                ss_document_set_file        (SsDocument  *self,
                                                 GFile       *file);
char               *ss_document_get_display_name (SsDocument *self);
void                ss_document_set_disk_stamp  (SsDocument  *self,
                                                 const SsFileStamp *stamp);
const SsFileStamp  *ss_document_get_disk_stamp  (SsDocument  *self);
gboolean            ss_document_get_modified    (SsDocument  *self);
void                ss_document_mark_saved      (SsDocument  *self);
void                ss_document_mark_unsaved    (SsDocument  *self);

/* A gesture: the operations between begin and end are one undo step. */
void                ss_document_begin_edit      (SsDocument  *self);
void                ss_document_end_edit        (SsDocument  *self);
/* For the code that made the study and kept it writable (a test setting
 * up what no operation makes) and has changed it inside an edit. A view
 * holds the study as const (ss_document_get_study()) and cannot. */
void                ss_document_changed         (SsDocument  *self,
                                                 SsChange     change,
                                                 int          scenario);
void                ss_document_cancel_edit     (SsDocument  *self);
gboolean            ss_document_in_edit         (SsDocument  *self);

gboolean            ss_document_can_undo        (SsDocument  *self);
gboolean            ss_document_can_redo        (SsDocument  *self);
gboolean            ss_document_undo            (SsDocument  *self);
gboolean            ss_document_redo            (SsDocument  *self);
gsize               ss_document_get_history_size (SsDocument *self);

const SsProjection *ss_document_get_projection  (SsDocument  *self,
                                                 int          scenario);
gboolean            ss_document_projection_is_stale (SsDocument *self,
                                                 int          scenario);
const SsProjection *ss_document_peek_projection (SsDocument *self,
                                                 int          scenario);
gint64              ss_document_estimate_us     (SsDocument  *self,
                                                 int          scenario);
gint64              ss_document_estimate_full_us (SsDocument *self,
                                                 int          scenario);
void                ss_document_project_async   (SsDocument  *self,
                                                 int          scenario,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer     user_data);
gboolean            ss_document_project_finish  (SsDocument  *self,
                                                 GAsyncResult *result,
                                                 GError     **error);
guint               ss_document_get_n_async_projections (SsDocument *self);

/* What a view shows, for ss_document_complete_async(). */
typedef enum
{
  SS_DOCUMENT_NEEDS_PROJECTIONS = 1 << 0,  /* every scenario's projection */
  SS_DOCUMENT_NEEDS_GRID        = 1 << 1,  /* every cell of the stress grid */
} SsDocumentNeeds;

gint64              ss_document_estimate_needs_us (SsDocument *self,
                                                 SsDocumentNeeds needs);
void                ss_document_complete_async  (SsDocument  *self,
                                                 SsDocumentNeeds needs,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer     user_data);
gboolean            ss_document_complete_finish (SsDocument  *self,
                                                 GAsyncResult *result,
                                                 GError     **error);

const SsProjection *ss_document_get_cell        (SsDocument  *self,
                                                 int          strategy,
                                                 int          shock);
gboolean            ss_document_cell_is_stale   (SsDocument  *self,
                                                 int          strategy,
                                                 int          shock);
void                ss_document_get_stress_axes (SsDocument    *self,
                                                 const GArray **strategies,
                                                 const GArray **shocks);
guint               ss_document_get_n_cell_projections (SsDocument *self);
guint               ss_document_get_n_item_updates (SsDocument *self);
void                ss_document_get_all_projections (SsDocument *self,
                                                 GPtrArray   *projections);
void                ss_document_get_grid        (SsDocument  *self,
                                                 GPtrArray   *cells);

/* Edits (ss-document-edit.c). Each is one undo step of its own, or joins
 * the edit under way between begin_edit() and end_edit() (a drag, or a
 * change of two things at once). An edit that changes nothing leaves no
 * step and emits nothing. A refused edit changes nothing and says why in
 * @error (SS_DOCUMENT_ERROR); an index out of range is a programming
 * error. Indices are the study's; SS_BASELINE is not a scenario here. */

gboolean  ss_document_set_meta_title       (SsDocument     *self,
                                            const char     *title,
                                            GError        **error);
gboolean  ss_document_set_meta_description (SsDocument     *self,
                                            const char     *description,
                                            GError        **error);
gboolean  ss_document_set_meta_source      (SsDocument     *self,
                                            const char     *source,
                                            GError        **error);
gboolean  ss_document_set_meta_currency    (SsDocument     *self,
                                            const char     *currency,
                                            GError        **error);
gboolean  ss_document_set_meta_base_year   (SsDocument     *self,
                                            int             base_year,
                                            GError        **error);
gboolean  ss_document_set_meta_horizon     (SsDocument     *self,
                                            int             horizon,
                                            GError        **error);
gboolean  ss_document_set_meta_discount_rate (SsDocument   *self,
                                            double          rate,
                                            GError        **error);
gboolean  ss_document_set_meta_thresholds  (SsDocument     *self,
                                            const double    thresholds[3],
                                            GError        **error);
gboolean  ss_document_set_meta_home        (SsDocument     *self,
                                            guint           country,
                                            GError        **error);

int       ss_document_add_policy_target    (SsDocument     *self,
                                            int             year,
                                            double          share,
                                            GError        **error);
gboolean  ss_document_set_policy_target    (SsDocument     *self,
                                            guint           index,
                                            int             year,
                                            double          share,
                                            GError        **error);
void      ss_document_remove_policy_target (SsDocument     *self,
                                            guint           index);

int       ss_document_add_country          (SsDocument     *self,
                                            const char     *code,
                                            const char     *name,
                                            GError        **error);
int       ss_document_add_country_like     (SsDocument     *self,
                                            const char     *code,
                                            const char     *name,
                                            int             like,
                                            GError        **error);
gboolean  ss_document_remove_country       (SsDocument     *self,
                                            guint           country,
                                            GError        **error);
gboolean  ss_document_set_country_code     (SsDocument     *self,
                                            guint           country,
                                            const char     *code,
                                            GError        **error);
gboolean  ss_document_set_country_name     (SsDocument     *self,
                                            guint           country,
                                            const char     *name,
                                            GError        **error);
gboolean  ss_document_set_country_group    (SsDocument     *self,
                                            guint           country,
                                            const char     *group,
                                            GError        **error);
gboolean  ss_document_set_country_attr     (SsDocument     *self,
                                            guint           country,
                                            SsCountryAttr   attr,
                                            double          value,
                                            GError        **error);

int       ss_document_add_item             (SsDocument     *self,
                                            GError        **error);
gboolean  ss_document_remove_item          (SsDocument     *self,
                                            guint           item,
                                            GError        **error);
gboolean  ss_document_set_item_code        (SsDocument     *self,
                                            guint           item,
                                            const char     *code,
                                            GError        **error);
gboolean  ss_document_set_item_name        (SsDocument     *self,
                                            guint           item,
                                            const char     *name,
                                            GError        **error);
gboolean  ss_document_set_item_category    (SsDocument     *self,
                                            guint           item,
                                            const char     *category,
                                            GError        **error);
gboolean  ss_document_set_item_attr        (SsDocument     *self,
                                            guint           item,
                                            SsItemAttr      attr,
                                            double          value,
                                            GError        **error);
gboolean  ss_document_clear_item_attr      (SsDocument     *self,
                                            guint           item,
                                            SsItemAttr      attr,
                                            GError        **error);
gboolean  ss_document_set_shares           (SsDocument     *self,
                                            guint           item,
                                            const double   *shares,
                                            guint           n_shares,
                                            GError        **error);
gboolean  ss_document_set_source_listed    (SsDocument     *self,
                                            guint           item,
                                            guint           country,
                                            gboolean        listed,
                                            GError        **error);
gboolean  ss_document_set_source_attr      (SsDocument     *self,
                                            guint           item,
                                            guint           country,
                                            SsSourceAttr    attr,
                                            double          value,
                                            GError        **error);
gboolean  ss_document_clear_source_attr    (SsDocument     *self,
                                            guint           item,
                                            guint           country,
                                            SsSourceAttr    attr,
                                            GError        **error);

int       ss_document_add_scenario         (SsDocument     *self,
                                            const char     *name,
                                            GError        **error);
int       ss_document_add_strategy         (SsDocument     *self,
                                            const char     *name,
                                            GError        **error);
int       ss_document_duplicate_scenario   (SsDocument     *self,
                                            guint           scenario,
                                            GError        **error);
void      ss_document_remove_scenario      (SsDocument     *self,
                                            guint           scenario);
gboolean  ss_document_rename_scenario      (SsDocument     *self,
                                            guint           scenario,
                                            const char     *name,
                                            GError        **error);
gboolean  ss_document_set_scenario_description (SsDocument *self,
                                            guint           scenario,
                                            const char     *description,
                                            GError        **error);
gboolean  ss_document_set_scenario_kind    (SsDocument     *self,
                                            guint           scenario,
                                            SsScenarioKind  kind,
                                            GError        **error);
gboolean  ss_document_set_scenario_lever   (SsDocument     *self,
                                            guint           scenario,
                                            SsLever         lever,
                                            double          value,
                                            GError        **error);
gboolean  ss_document_set_target           (SsDocument     *self,
                                            guint           scenario,
                                            guint           item,
                                            const double   *targets,
                                            guint           n_targets,
                                            GError        **error);
void      ss_document_clear_target         (SsDocument     *self,
                                            guint           scenario,
                                            guint           item);
gboolean  ss_document_set_stockpile        (SsDocument     *self,
                                            guint           scenario,
                                            int             item,
                                            double          days,
                                            GError        **error);
void      ss_document_clear_stockpile      (SsDocument     *self,
                                            guint           scenario,
                                            int             item);
gboolean  ss_document_set_override         (SsDocument     *self,
                                            guint           scenario,
                                            guint           country,
                                            SsCountryAttr   attr,
                                            double          value,
                                            GError        **error);
void      ss_document_clear_override       (SsDocument     *self,
                                            guint           scenario,
                                            guint           country,
                                            SsCountryAttr   attr);

int       ss_document_add_shock            (SsDocument     *self,
                                            guint           scenario,
                                            guint           country,
                                            SsDisruption    value,
                                            double          number,
                                            GError        **error);
void      ss_document_remove_shock         (SsDocument     *self,
                                            guint           scenario,
                                            guint           shock);
gboolean  ss_document_set_shock_country    (SsDocument     *self,
                                            guint           scenario,
                                            guint           shock,
                                            guint           country,
                                            GError        **error);
gboolean  ss_document_set_shock_value      (SsDocument     *self,
                                            guint           scenario,
                                            guint           shock,
                                            SsDisruption    value,
                                            double          number,
                                            GError        **error);
gboolean  ss_document_clear_shock_value    (SsDocument     *self,
                                            guint           scenario,
                                            guint           shock,
                                            SsDisruption    value,
                                            GError        **error);
gboolean  ss_document_set_shock_items      (SsDocument     *self,
                                            guint           scenario,
                                            guint           shock,
                                            const guint    *items,
                                            guint           n_items,
                                            GError        **error);

/* Importing trade statistics or governance indicators
 * (ss-document-import.c): one step, by ss_import_apply()'s rules;
 * refused with an SS_IMPORT_ERROR. */
gboolean  ss_document_apply_import         (SsDocument     *self,
                                            SsImport       *import,
                                            const SsImportOptions *options,
                                            SsImportSummary **summary,
                                            GError        **error);

G_END_DECLS
