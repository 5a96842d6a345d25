/* test-util.h: checks several test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ss-document.h"
#include "ss-study.h"

G_BEGIN_DECLS

void     ss_test_assert_round_trips (SsStudy    *study);
void     ss_test_flush              (void);
SsStudy *ss_test_load_data_study    (const char *name);
SsStudy *ss_test_load_text          (const char  *text,
                                     GError     **error);
void     ss_test_append_stale_grid  (GString    *out,
                                     SsDocument *document);

/* The studies every chart is drawn for: the sample, and the worked
 * examples of file format v1 and v2. */
typedef enum
{
  SS_TEST_STUDY_SAMPLE,
  SS_TEST_STUDY_EXAMPLE,
  SS_TEST_STUDY_EXAMPLE_V2,
  SS_TEST_N_STUDIES
} SsTestStudy;

const char *ss_test_study_name      (SsTestStudy which);
SsStudy    *ss_test_load_study      (SsTestStudy which);
GPtrArray  *ss_test_project_grid    (SsStudy    *study);
gpointer    ss_test_tornado         (SsStudy    *study);
gboolean ss_test_bytes_contain      (const char *data,
                                     gsize       length,
                                     const char *needle);
guint    ss_test_count_occurrences  (const char *text,
                                     const char *needle);
char    *ss_test_mutate             (const char *text,
                                     const char *from,
                                     const char *to);

/* A number of the file's syntax as a field shows it, in the locale's
 * decimal mark; valid until the fourth call after. */
const char *ss_test_localized (const char *number);

G_END_DECLS
