/* ssc-brief.h: the briefing pack, a multi-page PDF of a study
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ss-document.h"

G_BEGIN_DECLS

/* What goes on the cover besides the study: where it came from, and the
 * date the pack is for. */
typedef struct
{
  const char *source_name;             /* the study file's name, or the sample's */
  GDateTime  *date;                    /* NULL: no date on the cover, a fixed one in the metadata */
} SscBriefInfo;

char      *ssc_brief_source_name (GFile        *file,
                                  const char   *fallback);
GDateTime *ssc_brief_date        (GFile        *file);

gboolean ssc_brief_write (SsDocument          *document,
                          const SscBriefInfo  *info,
                          const char          *path,
                          GError             **error);

G_END_DECLS
