/* test-report-stream.c: a report written as it is computed, and split by scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ss_report_write() computes one projection at a time and writes the
 * report in pieces once it is past what it holds: the pieces together are
 * the bytes of ss_report_generate(), in JSON and in CSV, for the worked
 * examples, the sample and synthetic studies with shocks. A failure
 * (here, the writer refusing) stops it at once. And the reports of one
 * scenario each (--scenario), merged as docs/batch-reports.md says, are
 * the whole report.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ss-report.h"
#include "ss-study-file.h"
#include "test-util.h"

#include "bench-study.h"

typedef struct
{
  GString *text;
  guint    n_pieces;
  gsize    largest;
  guint    refuse_after;               /* 0: never */
} Sink;

static gboolean
sink_write (const char  *data,
            gsize        length,
            gpointer     user_data,
            GError     **error)
{
  Sink *sink = user_data;

  if (sink->refuse_after > 0 && sink->n_pieces == sink->refuse_after)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");
      return FALSE;
    }
  g_string_append_len (sink->text, data, length);
  sink->n_pieces++;
  sink->largest = MAX (sink->largest, length);
  return TRUE;
}

static GPtrArray *
studies (void)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  SsStudy *shocked = bench_study_new (60, 6, 8, 3);

  g_ptr_array_add (all, ss_test_load_data_study ("example-study.xml"));
  g_ptr_array_add (all, ss_test_load_data_study ("example-v2-study.xml"));
  g_ptr_array_add (all, ss_study_load_sample ());
  bench_study_add_shocks (shocked, TRUE);
  g_ptr_array_add (all, shocked);
  return all;
}

static void
test_same_bytes (void)
{
  g_autoptr(GPtrArray) all = studies ();

  _ss_report_set_hold (64 * 1024);
  for (guint k = 0; k < all->len; k++)
    for (SsReportFormat format = SS_REPORT_JSON; format <= SS_REPORT_CSV; format++)
      {
        const SsStudy *study = g_ptr_array_index (all, k);
        g_autofree char *whole = ss_report_generate (study, format, NULL);
        g_autoptr(GError) error = NULL;
        Sink sink = { g_string_new (NULL) };

        g_assert_true (ss_report_write (study, format, SS_REPORT_ALL, sink_write, &sink, &error));
        g_assert_no_error (error);
        g_assert_cmpstr (sink.text->str, ==, whole);
        /* Past 64 KiB it came in pieces of about 1 KiB, plus an item. */
        if (strlen (whole) > 64 * 1024)
          {
            g_assert_cmpuint (sink.n_pieces, >, strlen (whole) / (64 * 1024));
            g_assert_cmpuint (sink.largest, <, 64 * 1024 + 64 * 1024);
          }
        else
          g_assert_cmpuint (sink.n_pieces, ==, 1);
        g_string_free (sink.text, TRUE);
      }
  _ss_report_set_hold (0);
}

static void
test_write_fails (void)
{
  g_autoptr(SsStudy) study = bench_study_new (60, 6, 8, 3);
  g_autoptr(GError) error = NULL;
  Sink sink = { g_string_new (NULL), 0, 0, 3 };

  _ss_report_set_hold (16 * 1024);
  g_assert_false (ss_report_write (study, SS_REPORT_JSON, SS_REPORT_ALL, sink_write, &sink, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpuint (sink.n_pieces, ==, 3);
  g_string_free (sink.text, TRUE);
  _ss_report_set_hold (0);
}

/* --- Merging the reports of one scenario each (docs/batch-reports.md) --- */

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static int
position (JsonArray  *scenarios,
          const char *id)
{
  for (guint k = 0; id != NULL && k < json_array_get_length (scenarios); k++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (scenarios, k), "id"),
                     id))
      return k;
  return -1;                           /* the baseline or no shock sorts first */
}

static const char *
string_or_null (JsonObject *object,
                const char *member)
{
  return json_object_get_null_member (object, member) ? NULL
                                                      : json_object_get_string_member (object, member);
}

/* The merge: the baseline once, then each piece's own scenario, in file
 * order; the stress cells of every piece, each once, by strategy then
 * shock in file order. */
static JsonNode *
merge (GPtrArray *pieces)
{
  JsonNode *merged = json_node_copy (g_ptr_array_index (pieces, 0));
  JsonObject *root = json_node_get_object (merged);
  JsonArray *scenarios = json_array_new (), *stress = json_array_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; k < pieces->len; k++)
    {
      JsonObject *piece = json_node_get_object (g_ptr_array_index (pieces, k));
      JsonArray *own = json_object_get_array_member (piece, "scenarios");
      JsonArray *grid = json_object_get_array_member (piece, "stress");

      for (guint s = k == 0 ? 0 : 1; s < json_array_get_length (own); s++)
        json_array_add_element (scenarios, json_node_copy (json_array_get_element (own, s)));
      for (guint c = 0; c < json_array_get_length (grid); c++)
        {
          JsonObject *cell = json_array_get_object_element (grid, c);
          char *key = g_strdup_printf ("%s+%s", json_object_get_string_member (cell, "strategy"),
                                       string_or_null (cell, "shock") ?: "");

          if (g_hash_table_add (seen, key))
            g_ptr_array_add (cells, cell);
        }
    }
  /* Insertion sort by grid position: the cells are few. */
  for (guint i = 1; i < cells->len; i++)
    for (guint j = i; j > 0; j--)
      {
        JsonObject *a = g_ptr_array_index (cells, j - 1), *b = g_ptr_array_index (cells, j);
        int ra = position (scenarios, json_object_get_string_member (a, "strategy"));
        int rb = position (scenarios, json_object_get_string_member (b, "strategy"));
        int ka = position (scenarios, string_or_null (a, "shock"));
        int kb = position (scenarios, string_or_null (b, "shock"));

        if (ra < rb || (ra == rb && ka <= kb))
          break;
        g_ptr_array_index (cells, j - 1) = b;
        g_ptr_array_index (cells, j) = a;
      }
  for (guint c = 0; c < cells->len; c++)
    json_array_add_object_element (stress, json_object_ref (g_ptr_array_index (cells, c)));

  json_object_set_array_member (root, "scenarios", scenarios);
  json_object_set_array_member (root, "stress", stress);
  g_hash_table_unref (seen);
  return merged;
}

static void
test_split_merge (void)
{
  g_autoptr(GPtrArray) all = studies ();

  for (guint k = 0; k < all->len; k++)
    {
      const SsStudy *study = g_ptr_array_index (all, k);
      g_autofree char *whole_text = ss_report_generate (study, SS_REPORT_JSON, NULL);
      g_autoptr(JsonNode) whole = parse (whole_text);
      g_autoptr(GPtrArray) pieces = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
      g_autoptr(JsonNode) merged = NULL;

      /* One process each: the baseline (and its row), then every scenario. */
      for (int s = SS_BASELINE; s < (int)ss_study_get_n_scenarios (study); s++)
        {
          g_autofree char *text = ss_report_generate_for (study, SS_REPORT_JSON, s, NULL);

          g_ptr_array_add (pieces, parse (text));
        }
      merged = merge (pieces);
      g_assert_true (json_node_equal (merged, whole));
      /* The merge itself can fail: a piece left out is missed. */
      if (pieces->len > 2)
        {
          g_autoptr(JsonNode) short_merge = NULL;

          g_ptr_array_remove_index (pieces, 1);
          short_merge = merge (pieces);
          g_assert_false (json_node_equal (short_merge, whole));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/stream/same-bytes", test_same_bytes);
  g_test_add_func ("/report/stream/write-fails", test_write_fails);
  g_test_add_func ("/report/split-merge", test_split_merge);
  return g_test_run ();
}
