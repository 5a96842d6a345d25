/* ss-document.h: an open study — its file, its edits and undo, its projections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ss-engine.h"
#include "ss-safe-file.h"
#include "ss-study.h"

G_BEGIN_DECLS

/* What an edit touched; the projections it makes stale follow from it. */
typedef enum
{
  SS_CHANGE_SCENARIO  = 1 << 0,        /* one scenario's levers or targets */
  SS_CHANGE_BASELINE  = 1 << 1,        /* data every scenario uses */
  SS_CHANGE_STRUCTURE = 1 << 2,        /* countries, items or scenarios added,
                                        * removed, renamed or given another
                                        * kind; meta */
} SsChange;

#define SS_TYPE_DOCUMENT (ss_document_get_type ())
G_DECLARE_FINAL_TYPE (SsDocument, ss_document, SS, DOCUMENT, GObject)

SsDocument         *ss_document_new             (SsStudy     *study,
                                                 GFile       *file);
SsStudy            *ss_document_get_study       (SsDocument  *self);
GFile              *ss_document_get_file        (SsDocument  *self);
void                ss_document_set_file        (SsDocument  *self,
                                                 GFile       *file);
char               *ss_document_get_display_name (SsDocument *self);
void                ss_document_set_disk_stamp  (SsDocument  *self,
                                                 const SsFileStamp *stamp);
const SsFileStamp  *ss_document_get_disk_stamp  (SsDocument  *self);
gboolean            ss_document_get_modified    (SsDocument  *self);
void                ss_document_mark_saved      (SsDocument  *self);

void                ss_document_begin_edit      (SsDocument  *self);
void                ss_document_changed         (SsDocument  *self,
                                                 SsChange     change,
                                                 int          scenario);
void                ss_document_end_edit        (SsDocument  *self);
void                ss_document_cancel_edit     (SsDocument  *self);
gboolean            ss_document_in_edit         (SsDocument  *self);

gboolean            ss_document_can_undo        (SsDocument  *self);
gboolean            ss_document_can_redo        (SsDocument  *self);
gboolean            ss_document_undo            (SsDocument  *self);
gboolean            ss_document_redo            (SsDocument  *self);

const SsProjection *ss_document_get_projection  (SsDocument  *self,
                                                 int          scenario);

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

G_END_DECLS
