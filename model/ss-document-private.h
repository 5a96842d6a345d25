/* ss-document-private.h: what the document's edits share with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-attrs.h"
#include "ss-document.h"

G_BEGIN_DECLS

/* Which cached projections and stress cells an edit makes stale. */
typedef enum
{
  SS_STALE_NONE,                       /* no figure changes: a name, a text */
  SS_STALE_SCENARIO,                   /* one scenario's row or column */
  SS_STALE_ALL,                        /* the baseline's data, or the axes */
} SsStale;

/* ss-document.c: the study to write, and the edit under way. */
SsStudy  *_ss_document_study    (SsDocument       *self);
gboolean  _ss_document_open     (SsDocument       *self);
void      _ss_document_touch    (SsDocument       *self,
                                 SsChange          change,
                                 int               scenario,
                                 SsStale           stale);
void      _ss_document_touch_item (SsDocument     *self,
                                 SsChange          change,
                                 int               scenario,
                                 guint             item);
void      _ss_document_close    (SsDocument       *self,
                                 gboolean          opened);

/* ss-document-edit.c: what every operation does. */

/* An edit an operation opened, or joined. */
typedef struct
{
  SsDocument *document;
  gboolean    opened;
} SsEdit;

SsStudy  *_ss_edit_open         (SsDocument       *self,
                                 SsEdit           *edit);
void      _ss_edit_close        (SsEdit           *edit,
                                 SsChange          change,
                                 int               scenario,
                                 SsStale           stale);
void      _ss_edit_close_item   (SsEdit           *edit,
                                 SsChange          change,
                                 int               scenario,
                                 guint             item);
gboolean  _ss_edit_refuse       (GError          **error,
                                 SsDocumentError   code,
                                 const char       *format,
                                 ...) G_GNUC_PRINTF (3, 4);
gboolean  _ss_edit_check_range  (const SsAttrSpec *spec,
                                 double            value,
                                 GError          **error);
gboolean  _ss_edit_check_text   (const char       *text,
                                 const char       *what,
                                 GError          **error);
gboolean  _ss_edit_check_name   (const char       *name,
                                 const char       *empty_message,
                                 GError          **error);
gboolean  _ss_edit_check_shares (const double     *shares,
                                 guint             n,
                                 const char       *item_name,
                                 GError          **error);
void      _ss_edit_set_string   (char            **field,
                                 const char       *text);
gboolean  _ss_edit_set_label    (SsDocument       *self,
                                 char            **field,
                                 const char       *text);

G_END_DECLS
