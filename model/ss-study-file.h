/* ss-study-file.h: reading, checking and writing study files (file-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ss-safe-file.h"
#include "ss-study.h"

G_BEGIN_DECLS

#define SS_STUDY_FILE_MAX_SIZE   (64 * 1024 * 1024)
#define SS_STUDY_FILE_MAX_ERRORS 20
#define SS_SAMPLE_STUDY_RESOURCE "/io/github/supplyshift/SupplyShift/model/korea-key-materials.supplyshift"
#define SS_SCHEMA_RESOURCE       "/io/github/supplyshift/SupplyShift/model/supplyshift.rng"

#define SS_STUDY_ERROR (ss_study_error_quark ())

typedef enum
{
  SS_STUDY_ERROR_READ,                 /* missing or unreadable */
  SS_STUDY_ERROR_INVALID,              /* read, but not a valid study */
} SsStudyError;

GQuark    ss_study_error_quark   (void);

/* On failure the GError's message holds one line per problem, each
 * "DISPLAY_NAME:LINE: error: MESSAGE", at most SS_STUDY_FILE_MAX_ERRORS. */
SsStudy  *ss_study_load_bytes    (GBytes      *bytes,
                                  const char  *display_name,
                                  GError     **error);
SsStudy  *ss_study_load_file     (GFile       *file,
                                  const char  *display_name,
                                  GError     **error);
SsStudy  *ss_study_load_sample   (void);

char     *ss_study_to_xml         (const SsStudy *study);
gboolean  ss_study_save_file      (const SsStudy *study,
                                   GFile         *file,
                                   gboolean       make_backup,
                                   GError       **error);
gboolean  ss_study_save_file_full (const SsStudy *study,
                                   GFile         *file,
                                   gboolean       make_backup,
                                   SsFileStamp   *stamp,
                                   GError       **error);

GBytes   *ss_study_get_schema    (void);

G_END_DECLS
