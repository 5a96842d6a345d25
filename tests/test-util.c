/* test-util.c: checks several test programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ss-study-file.h"
#include "ss-study-private.h"
#include "ss-document.h"
#include "ss-sensitivity.h"
#include "ss-typed.h"
#include "test-util.h"

/* Whatever an edit did, the study must still save and load back the same. */
void
ss_test_assert_round_trips (SsStudy *study)
{
  g_autofree char *xml = ss_study_to_xml (study);
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(SsStudy) loaded = ss_study_load_bytes (bytes, "edited.supplyshift", &error);
  g_autoptr(SsStudy) streamed = _ss_study_load_streaming (bytes, "edited.supplyshift");
  g_autoptr(SsStudy) whole = _ss_study_load_whole (bytes, "edited.supplyshift", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_true (ss_study_equal (study, loaded));
  /* Both ways of the loader read it, the same. */
  g_assert_nonnull (streamed);
  g_assert_true (ss_study_equal (study, streamed));
  g_assert_nonnull (whole);
  g_assert_true (ss_study_equal (study, whole));
}

/* Runs everything pending in the main context. */
void
ss_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A study from tests/data, which must load. */
SsStudy *
ss_test_load_data_study (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SsStudy *study = ss_study_load_file (file, name, &error);

  g_assert_no_error (error);
  return study;
}

/* A study from the text of a file, which messages call study.supplyshift. */
SsStudy *
ss_test_load_text (const char  *text,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  SsStudy *study = ss_study_load_bytes (bytes, "study.supplyshift", error);
  g_autoptr(SsStudy) streamed = _ss_study_load_streaming (bytes, "study.supplyshift");
  g_autoptr(SsStudy) whole = _ss_study_load_whole (bytes, "study.supplyshift", NULL);

  /* The loader's two ways agree: the one that reads a study as it is
   * parsed refuses whatever the whole tree refuses, and reads the same
   * study from any other file. */
  if (study == NULL)
    {
      g_assert_null (streamed);
      g_assert_null (whole);
    }
  else
    {
      g_assert_nonnull (streamed);
      g_assert_nonnull (whole);
      g_assert_true (ss_study_equal (streamed, whole));
      g_assert_true (ss_study_equal (study, whole));
    }
  return study;
}

/* Which cells of the stress grid are stale, as rows of "x" (stale) and "."
 * (fresh) separated by "|". */
void
ss_test_append_stale_grid (GString    *out,
                           SsDocument *document)
{
  const GArray *strategies, *shocks;

  ss_document_get_stress_axes (document, &strategies, &shocks);
  for (guint r = 0; r < strategies->len; r++)
    {
      if (r > 0)
        g_string_append_c (out, '|');
      for (guint k = 0; k < shocks->len; k++)
        g_string_append_c (out, ss_document_cell_is_stale (document, g_array_index (strategies, int, r),
                                                           g_array_index (shocks, int, k)) ? 'x' : '.');
    }
}

const char *
ss_test_study_name (SsTestStudy which)
{
  static const char * const names[] = { "sample", "example", "example-v2" };

  g_assert_cmpint (which, <, SS_TEST_N_STUDIES);
  return names[which];
}

SsStudy *
ss_test_load_study (SsTestStudy which)
{
  if (which == SS_TEST_STUDY_SAMPLE)
    return ss_study_load_sample ();
  return ss_test_load_data_study (which == SS_TEST_STUDY_EXAMPLE ? "example-study.xml"
                                                                 : "example-v2-study.xml");
}

/* strstr over binary data (a PDF's streams hold NUL bytes). */
gboolean
ss_test_bytes_contain (const char *data,
                       gsize       length,
                       const char *needle)
{
  gsize n = strlen (needle);

  for (gsize k = 0; k + n <= length; k++)
    if (memcmp (data + k, needle, n) == 0)
      return TRUE;
  return FALSE;
}

guint
ss_test_count_occurrences (const char *text,
                           const char *needle)
{
  guint count = 0;

  for (const char *p = strstr (text, needle); p != NULL; p = strstr (p + 1, needle))
    count++;
  return count;
}

/* `text` with `from` replaced by `to`; `from` must occur exactly once, so
 * a test cannot silently mutate something else than it says. */
char *
ss_test_mutate (const char *text,
                const char *from,
                const char *to)
{
  const char *at = strstr (text, from);
  GString *out;

  if (at == NULL || ss_test_count_occurrences (text, from) != 1)
    g_error ("\"%s\" occurs %u times in the document, expected once", from,
             ss_test_count_occurrences (text, from));
  out = g_string_new_len (text, at - text);
  g_string_append (out, to);
  g_string_append (out, at + strlen (from));
  return g_string_free (out, FALSE);
}

/* The study's stress grid as SscChartData.cells wants it (row by row, as
 * ss_document_get_grid() gives it), in projections of its own, so it
 * outlives the document that computed it. */
GPtrArray *
ss_test_project_grid (SsStudy *study)
{
  g_autoptr(SsDocument) document = ss_document_new (study, NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GPtrArray *copies = g_ptr_array_new_with_free_func ((GDestroyNotify)ss_projection_free);

  ss_document_get_grid (document, cells);
  for (guint k = 0; k < cells->len; k++)
    {
      SsProjection *copy = ss_projection_new ();

      ss_projection_copy_into (copy, g_ptr_array_index (cells, k));
      g_ptr_array_add (copies, copy);
    }
  return copies;
}

/* The tornado the charts draw for a study: the NPV premium of its first
 * scenario (else the baseline) at ±10 %, an SsSensitivity to free with
 * ss_sensitivity_free(). */
gpointer
ss_test_tornado (SsStudy *study)
{
  g_autoptr(GError) error = NULL;
  SsSensitivity *s = ss_sensitivity_compute (study, ss_study_get_n_scenarios (study) > 0 ? 0 : SS_BASELINE,
                                             SS_SENSITIVITY_NPV_PREMIUM, 0.1, &error);

  g_assert_no_error (error);
  return s;
}

const char *
ss_test_localized (const char *number)
{
  static char bufs[4][SS_NUMBER_BUF];
  static guint next;
  char *buf = bufs[next++ % G_N_ELEMENTS (bufs)];

  g_strlcpy (buf, number, SS_NUMBER_BUF);
  ss_typed_localize (buf, SS_NUMBER_BUF);
  return buf;
}
