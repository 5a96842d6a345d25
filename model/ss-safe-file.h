/* ss-safe-file.h: writing a file so that nothing the user has is lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a file on disk was when it was read or written: a later stamp
 * that differs means someone else changed it meanwhile. */
typedef struct
{
  guint64 dev;
  guint64 ino;
  guint64 size;
  gint64  mtime_ns;
  guint   valid : 1;
} SsFileStamp;

typedef struct _SsSafeFile SsSafeFile;

typedef enum
{
  SS_SAFE_FILE_NONE   = 0,
  SS_SAFE_FILE_BACKUP = 1 << 0,        /* keep the old file as NAME~ */
} SsSafeFileFlags;

char        *ss_file_get_display_basename (GFile              *file);

gboolean     ss_file_stamp_get            (const char         *path,
                                           SsFileStamp        *stamp);
gboolean     ss_file_stamp_equal          (const SsFileStamp  *a,
                                           const SsFileStamp  *b);

char        *ss_safe_file_resolve         (const char         *path,
                                           GError            **error);
SsSafeFile  *ss_safe_file_new             (const char         *path,
                                           SsSafeFileFlags     flags,
                                           GError            **error);
int          ss_safe_file_get_fd          (SsSafeFile         *self);
const char  *ss_safe_file_get_target      (SsSafeFile         *self);
gboolean     ss_safe_file_write           (SsSafeFile         *self,
                                           const void         *data,
                                           gsize               len,
                                           GError            **error);
gboolean     ss_safe_file_commit          (SsSafeFile         *self,
                                           SsFileStamp        *stamp,
                                           GError            **error);
void         ss_safe_file_free            (SsSafeFile         *self);

gboolean     ss_safe_file_set_contents    (const char         *path,
                                           const void         *data,
                                           gsize               len,
                                           SsSafeFileFlags     flags,
                                           SsFileStamp        *stamp,
                                           GError            **error);
guint        ss_safe_file_clean_strays    (const char         *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsSafeFile, ss_safe_file_free)

G_END_DECLS
