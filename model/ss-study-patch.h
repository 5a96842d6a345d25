/* ss-study-patch.h: the parts of a study an edit changed, for undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-study.h"

G_BEGIN_DECLS

typedef struct _SsStudyPatch SsStudyPatch;

SsStudyPatch *ss_study_patch_sync     (SsStudy            *copy,
                                       const SsStudy      *study);
void          ss_study_patch_swap     (SsStudyPatch       *patch,
                                       SsStudy            *study);
gsize         ss_study_patch_get_size (const SsStudyPatch *patch);
gboolean      ss_study_patch_is_whole (const SsStudyPatch *patch);
void          ss_study_patch_free     (SsStudyPatch       *patch);

gsize         ss_study_get_size       (const SsStudy      *study);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsStudyPatch, ss_study_patch_free)

G_END_DECLS
