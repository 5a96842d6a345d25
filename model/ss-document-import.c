/* ss-document-import.c: importing trade statistics into an open study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import changes many things at once (values and shares of matching
 * items, countries added, the source record, or every country's
 * governance), so it is one operation and one undo step, not a gesture
 * of smaller edits. The rules are the importer's (ss-import.c): it
 * applies to a copy, which is checked as a study file, and only a copy
 * that differs goes in.
 */

#define G_LOG_DOMAIN "supplyshift-document"

#include "config.h"

#include "ss-document.h"
#include "ss-document-private.h"

/* Applies import to the study by ss_import_apply()'s rules. Refused with
 * an SS_IMPORT_ERROR (a year to choose, no such template country, a
 * result that would not be a valid study), which changes nothing. An
 * import that changes nothing (the same file again) leaves no step. */
gboolean
ss_document_apply_import (SsDocument             *self,
                          SsImport               *import,
                          const SsImportOptions  *options,
                          SsImportSummary       **summary,
                          GError                **error)
{
  g_autoptr(SsStudy) work = NULL;
  g_autoptr(SsImportSummary) result = NULL;
  SsStudy *study;
  SsEdit edit;

  g_return_val_if_fail (SS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (import != NULL, FALSE);

  work = ss_study_copy (_ss_document_study (self));
  if (!ss_import_apply (import, work, options, &result, error))
    return FALSE;

  if (!ss_study_equal (work, _ss_document_study (self)))
    {
      study = _ss_edit_open (self, &edit);
      ss_study_assign (study, work);
      /* Countries may be added and the source is rewritten (structure);
       * values and shares change every figure (baseline). */
      _ss_edit_close (&edit, SS_CHANGE_STRUCTURE | SS_CHANGE_BASELINE, -1, SS_STALE_ALL);
    }
  if (summary != NULL)
    *summary = g_steal_pointer (&result);
  return TRUE;
}
