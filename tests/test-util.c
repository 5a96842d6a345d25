/* test-util.c: checks several test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ss-study-file.h"
#include "test-util.h"

/* Whatever an edit did, the study must still save and load back the same. */
void
ss_test_assert_round_trips (SsStudy *study)
{
  g_autofree char *xml = ss_study_to_xml (study);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) loaded = ss_study_load_bytes (bytes, "edited.supplyshift", &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (ss_study_equal (study, loaded));
}

/* Runs everything pending in the main context. */
void
ss_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}
