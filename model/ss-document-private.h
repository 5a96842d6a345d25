/* ss-document-private.h: what the document's edits share with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-attrs.h"
#include "ss-document.h"
#include "ss-safe-file.h"

G_BEGIN_DECLS

/* ss-document.c and ss-document-async.c: the document itself. */

/* The worker thread's copy of the study, kept equal to the study part by
 * part when a projection is started (never while one reads it). */
typedef struct _Worker
{
  gint     busy;                       /* atomic: a projection reads it */
  SsStudy *study;
} Worker;

/* A cached projection that a gesture's edits of single items keep up to
 * date item by item. */
typedef struct
{
  GArray  *items;                      /* of guint: edited since it was last brought up to date */
  gboolean inexact;                    /* so brought, since its last full projection */
} Pending;

static inline void
_ss_pending_reset (Pending *pending)
{
  if (pending->items != NULL)
    g_array_set_size (pending->items, 0);
  pending->inexact = FALSE;
}

/* Whether the cached projection at index has items to bring up to date. */
static inline gboolean
_ss_pending_any (GArray *pending,
                 guint   index)
{
  GArray *items = g_array_index (pending, Pending, index).items;

  return items != NULL && items->len > 0;
}

struct _SsDocument
{
  GObject    parent_instance;

  SsStudy   *study;
  GFile     *file;
  SsFileStamp disk_stamp;              /* the file as last read or written */

  SsStudy   *shadow;                   /* the study as the last step left it */
  gboolean   in_edit;
  gboolean   edit_changed;
  GQueue     undo;                     /* of SsStudyPatch, newest first */
  GQueue     redo;
  guint64    state;                    /* changes with every edit, undo and redo */
  guint64    next_state;
  guint64    saved_state;
  GQueue     undo_states;              /* state before each undo step */
  GQueue     redo_states;

  GPtrArray *projections;              /* [0] baseline, [1 + s] scenario s */
  GPtrArray *projected_ids;            /* the scenario id each was last computed for */
  GArray    *stale;                    /* of gboolean, same indices */
  GArray    *pending;                  /* of Pending, same indices */

  /* The stress grid: its rows (SS_BASELINE, then the strategies) and
   * columns (SS_NO_SHOCK, then the shocks), and a projection per cell of
   * the columns after the first, [row * n_shocks + column]. */
  GArray    *strategies;               /* of int */
  GArray    *shocks;                   /* of int */
  GPtrArray *cells;                    /* of SsProjection, NULL in column 0 */
  GArray    *cell_stale;               /* of gboolean, same indices */
  GArray    *cell_pending;             /* of Pending, same indices */
  guint      n_cell_projections;       /* cells computed so far, for benchmarks */
  guint      n_item_updates;           /* items brought up to date, likewise */

  /* Projections computed in a worker thread (ss_document_project_async). */
  guint64    serial;                   /* this document among all */
  guint64    generation;               /* changes with every change of the study */
  guint      n_installed;              /* projections put in the cache from a worker */

  /* What a whole projection of each would cost ([0] baseline, [1 + s]
   * scenario s; < 0: not estimated yet), for this generation. */
  GArray    *full_ns;                  /* of double */
  guint64    full_ns_generation;
  struct _Worker *worker;
};

void      _ss_document_set_projected_id (SsDocument *self,
                                 int               scenario);
int       _ss_document_axis_index (GArray         *axis,
                                 int               scenario);
void      _ss_document_worker_release (Worker     *worker);

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
