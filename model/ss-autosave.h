/* ss-autosave.h: copies of unsaved edits, for recovery after a crash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ss-safe-file.h"
#include "ss-study.h"

G_BEGIN_DECLS

typedef struct
{
  char        *id;
  char        *study_path;             /* the copy of the study */
  char        *info_path;              /* what it is a copy of */
  char        *uri;                    /* the study's file, or NULL if never saved */
  char        *title;
  GDateTime   *time;                   /* when the copy was written */
  SsFileStamp  stamp;                  /* the study's file as the edits started from it */
  int          pid;                    /* the program that wrote it */
  char        *host;
  char        *run;                    /* which run of that process, if known */
} SsAutosaveEntry;

char            *ss_autosave_get_dir          (void);
char            *ss_autosave_new_id           (void);
gboolean         ss_autosave_write            (const char         *id,
                                               const char         *xml,
                                               gsize               len,
                                               const char         *uri,
                                               const char         *title,
                                               const SsFileStamp  *stamp,
                                               GError            **error);
void             ss_autosave_remove           (const char         *id);
GPtrArray       *ss_autosave_list_orphans     (void);
SsStudy         *ss_autosave_entry_load       (SsAutosaveEntry    *entry,
                                               GError            **error);
gboolean         ss_autosave_entry_adopt      (SsAutosaveEntry    *entry,
                                               const char         *id,
                                               GError            **error);
void             ss_autosave_entry_free       (SsAutosaveEntry    *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsAutosaveEntry, ss_autosave_entry_free)

G_END_DECLS
